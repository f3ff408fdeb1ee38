"""Server mode: the same KnowledgeBase code against a real `chroma run` server on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.errors import KnowledgeError
from knowledge.models import AccessContext, IngestOptions
from knowledge_documents import LOREM, make_pdf, write

_STARTUP_LIMIT_S = 90


def _chroma_cli() -> str:
    found = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    if not found:
        pytest.fail("the `chroma` command is not installed beside the test interpreter (chromadb provides it)")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _heartbeat(port: int) -> bool:
    for path in ("/api/v2/heartbeat", "/api/v1/heartbeat"):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            continue
    return False


@pytest.fixture()
def chroma_server(tmp_path: Path) -> Iterator[int]:
    port = _free_port()
    log = (tmp_path / "chroma.log").open("wb")
    process = subprocess.Popen([_chroma_cli(), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1",
                                "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + _STARTUP_LIMIT_S
        while not _heartbeat(port):
            if process.poll() is not None:
                pytest.fail(f"chroma run exited with {process.returncode}: "
                            f"{(tmp_path / 'chroma.log').read_text(errors='replace')[-500:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"chroma run did not answer its heartbeat within {_STARTUP_LIMIT_S} s")
            time.sleep(0.5)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def test_ingest_and_search_through_a_chroma_server(tmp_path: Path, chroma_server: int, shared_embedder) -> None:
    docs = tmp_path / "docs"
    housing = "We will build 500 affordable homes by March 2027. " + LOREM
    make_pdf(docs / "plan.pdf", [[("h", "Council Plan"), ("p", LOREM)], [("h", "Housing"), ("p", housing)]])
    write(docs / "exempt.md", "# Exempt report\n\nThe depot land will be sold to Harrow Logistics.\n")
    kb = KnowledgeBase(tmp_path / "home", chroma_host="127.0.0.1", chroma_port=chroma_server, embedder=shared_embedder)
    kb.ingest([docs / "plan.pdf"])
    kb.ingest([docs / "exempt.md"], IngestOptions(classification="restricted"))
    # Nothing was written to an embedded store: the vectors live on the server.
    assert not (tmp_path / "home" / "chroma").exists()
    hits = kb.search("How many affordable homes will be built?")
    assert hits and "500 affordable homes" in hits[0].text and hits[0].page == 2
    assert hits[0].text in kb.source_text(hits[0].doc_id, page=2)
    assert all(p.classification == "public" for p in kb.search("Who is buying the depot land?", k=10))
    assert "Harrow" in kb.search("Who is buying the depot land?", access=AccessContext(allow_restricted=True))[0].text
    # A second client (another worker) sees the same collection; removal reaches the server too.
    other = KnowledgeBase(tmp_path / "home", chroma_host="127.0.0.1", chroma_port=chroma_server,
                          embedder=shared_embedder)
    assert len(other.vectors.ids()) == sum(d.chunks for d in other.documents())
    assert other.remove(str(docs / "plan.pdf")) is True
    assert kb.search("How many affordable homes will be built?") == []


def test_unreachable_server_is_a_clear_error(tmp_path: Path, shared_embedder) -> None:
    write(tmp_path / "a.md", "# Note\n\n" + LOREM)
    kb = KnowledgeBase(tmp_path / "home", chroma_host="127.0.0.1", chroma_port=_free_port(), embedder=shared_embedder)
    with pytest.raises(KnowledgeError, match="cannot reach the Chroma server"):
        kb.ingest([tmp_path / "a.md"])
