"""The client is polite and robust: one request at a time per host, a delay between requests, retries with
exponential backoff on 5xx and timeouts (and not on a 404), bodies bounded in size, conditional GETs."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from bot.moderngov.client import ModernGovClient, service_url
from bot.moderngov.errors import FetchError, ModernGovError
from bot.moderngov.fakeserver import FIXTURES, FakeModernGov, Fault


@pytest.fixture()
def paper(tmp_path: Path) -> Path:
    path = tmp_path / "paper.txt"
    path.write_text("A paper.\n", encoding="utf-8")
    return path


def _client(fake: FakeModernGov, sleeps: list[float] | None = None, **options: float) -> ModernGovClient:
    def sleep(seconds: float) -> None:
        if sleeps is not None:
            sleeps.append(seconds)
        time.sleep(min(seconds, 0.05))

    settings = {"timeout": 5.0, "delay": 0.0, "retries": 3, "backoff": 1.0, **options}
    return ModernGovClient(fake.site, sleep=sleep, **settings)


def test_service_address_from_what_a_user_types() -> None:
    assert service_url("democracy.example.gov.uk") == "https://democracy.example.gov.uk/mgWebService.asmx"
    assert service_url("https://d.example/mgListCommittees.aspx?bcr=1") == "https://d.example/mgWebService.asmx"
    assert service_url("https://d.example/moderngov/") == "https://d.example/moderngov/mgWebService.asmx"
    assert service_url("https://d.example/mgWebService.asmx/GetCommittees") == "https://d.example/mgWebService.asmx"
    with pytest.raises(ModernGovError):
        service_url("ftp://d.example")


def test_retries_with_exponential_backoff_on_500() -> None:
    sleeps: list[float] = []
    with FakeModernGov(FIXTURES, faults={"GetCommittees": Fault("error", times=2)}) as fake:
        client = _client(fake, sleeps)
        committees = client.committees()
    assert len(committees) == 5 and client.requests == 3
    assert len(sleeps) == 2 and 1.0 <= sleeps[0] < 1.2 and 2.0 <= sleeps[1] < 2.4  # backoff 1 s, then 2 s
    assert client.notes == ["GetCommittees: HTTP 500; answered on attempt 3"]


def test_a_timeout_is_retried_and_reported() -> None:
    with FakeModernGov(FIXTURES, faults={"GetCommittees": Fault("slow", seconds=1.5, times=1)}) as fake:
        client = _client(fake, timeout=0.5)
        assert len(client.committees()) == 5
    assert client.requests == 2 and "no answer within 0.5 s; answered on attempt 2" in client.notes[0]


def test_gives_up_after_the_retries_and_does_not_retry_a_404() -> None:
    with FakeModernGov(FIXTURES, faults={"doc:1": Fault("error")}) as fake:
        client = _client(fake, retries=2)
        with pytest.raises(FetchError, match="HTTP 500 after 3 attempts") as failed:
            client.get(f"{fake.base_url}/mgConvert2PDF.aspx?ID=1")
        assert failed.value.transient and client.requests == 3
        with pytest.raises(FetchError, match="404") as missing:
            client.get(f"{fake.base_url}/mgConvert2PDF.aspx?ID=2")
        assert not missing.value.transient and client.requests == 4


def test_bodies_are_bounded() -> None:
    with FakeModernGov(FIXTURES, faults={"doc:1": Fault("huge")}) as fake:
        client = _client(fake, max_bytes=1024 * 1024)
        with pytest.raises(FetchError, match="too large"):
            client.get(f"{fake.base_url}/mgConvert2PDF.aspx?ID=1")
        assert client.requests == 1


def test_one_request_at_a_time_per_host_with_a_delay(paper: Path) -> None:
    faults = {f"doc:{n}": Fault("slow", seconds=0.2) for n in range(4)}
    with FakeModernGov(FIXTURES, documents={str(n): paper for n in range(4)}, faults=faults) as fake:
        clients = [_client(fake) for _ in range(4)]
        threads = [threading.Thread(target=c.get, args=(f"{fake.base_url}/mgConvert2PDF.aspx?ID={n}",))
                   for n, c in enumerate(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        assert fake.max_in_flight == 1 and len(fake.document_downloads()) == 4
        spaced = ModernGovClient(fake.site, delay=0.3, timeout=5)
        started = time.monotonic()
        spaced.committees()
        spaced.committees()
        assert time.monotonic() - started >= 0.3


def test_conditional_get_is_answered_304(paper: Path) -> None:
    with FakeModernGov(FIXTURES, documents={"1": paper}) as fake:
        client = _client(fake)
        first = client.get(f"{fake.base_url}/mgConvert2PDF.aspx?ID=1")
        again = client.get(f"{fake.base_url}/mgConvert2PDF.aspx?ID=1", etag=first.etag)
    assert first.status == 200 and first.body == b"A paper.\n" and first.etag
    assert again.not_modified and again.body == b""
