"""Against the fake ModernGov service: a full sync ingests every public paper with the committee metadata and the
exempt one as restricted; the malformed, slow and failing responses are reported and the rest lands; a second
sync downloads nothing; a sync killed midway and restarted ends with the same documents and no duplicates; the
scheduled refresh runs beside searches."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.moderngov.metadata import choose_committees, date_words
from bot.moderngov.models import Committee
from bot.moderngov.sync import catalog_path, sync_moderngov
from knowledge.base import KnowledgeBase
from moderngov_fixtures.service import Synced, new_fake, onnx_embedder, synced

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]
SCRUTINY = str(Path(sys.executable).with_name("scrutiny"))
PUBLIC_PAPERS = {"5001", "5002", "5005", "5101", "5102", "5103"}
TEXT_DOCUMENTS = 9  # agenda text and minutes of the substantive items (procedural ones are left out)


@pytest.fixture(scope="module")
def service() -> Synced:
    return synced()


def _documents(home: Path):  # noqa: ANN202
    return KnowledgeBase(home).documents()  # the registry only: no embedder is loaded


def test_full_sync_ingests_every_public_paper_with_committee_metadata(service: Synced) -> None:
    report, fake = service.report, service.fake
    assert report.committees == ["Overview and Scrutiny Committee", "Cabinet"]  # default: scrutiny and cabinet
    assert report.counts == {"new": len(PUBLIC_PAPERS) + 1 + TEXT_DOCUMENTS, "changed": 0, "unchanged": 0,
                             "skipped": 0, "failed": 4}, report.papers
    docs = {d.path: d for d in _documents(service.home)}
    assert len(docs) == len(PUBLIC_PAPERS) + 1 + TEXT_DOCUMENTS
    papers = {p.url: p for p in report.papers if p.kind == "paper" and p.status == "new"}
    ids = {url.split("ID=")[-1] if "ID=" in url else url.split("/documents/s")[1].split("/")[0] for url in papers}
    assert ids == PUBLIC_PAPERS | {"5004"}
    q2 = docs[f"{fake.base_url}/mgConvert2PDF.aspx?ID=5001"]
    next_meeting = date_words(fake.today.fromordinal(fake.today.toordinal() + 7))
    assert q2.title == f"Overview and Scrutiny Committee, {next_meeting}, item 4: Quarter 2 2024-25 Performance Report"
    assert q2.doc_type == "performance_report" and q2.classification == "public"
    assert q2.council == "Northbridge District Council" and q2.date.toordinal() == fake.today.toordinal() + 7
    def type_of(ending: str) -> str:
        return next(d.doc_type for d in docs.values() if d.title.endswith(ending))

    assert type_of(" - Corporate Peer Challenge - Feedback Report") == "peer_challenge"
    assert type_of(" - Northbridge Council Plan 2024-2028") == "plan"
    assert type_of(" - Printed minutes - Cabinet") == "minutes"
    audit = next(d for d in docs.values() if "Annual Auditor's Report 2023-24" in d.title and "(agenda)" not in d.title)
    assert audit.doc_type == "audit"
    minutes = [d for d in docs.values() if d.title.endswith("(minutes)")]
    assert minutes and all(d.doc_type == "minutes" and "#minutes" in d.path for d in minutes)
    # The exempt item: its paper and its agenda text are restricted, and nothing else is.
    restricted = {d.title for d in docs.values() if d.classification == "restricted"}
    assert restricted == {f"Overview and Scrutiny Committee, {next_meeting}, item 9: Disposal of surplus depot land "
                          "- report", f"Overview and Scrutiny Committee, {next_meeting}, item 9: Disposal of "
                          "surplus depot land (agenda)"}


def test_malformed_slow_and_failing_responses_are_reported_and_the_rest_lands(service: Synced) -> None:
    report = service.report
    assert len(report.problems) == 1 and "meeting 1000" in report.problems[0]
    assert "not well-formed XML" in report.problems[0]
    assert any("GetMeetings?lCommitteeId=102" in n and "no answer within 1 s; answered on attempt 2" in n
               for n in report.recovered), report.recovered
    assert any("GetMeeting?lMeetingId=1002: HTTP 500; answered on attempt 2" in n for n in report.recovered)
    failed = {p.url.rsplit("=", 1)[-1]: p.reason for p in report.papers if p.status == "failed"}
    assert failed.keys() == {"5006", "5007", "5008", "5009"}
    assert failed["5006"] == "HTTP 500 after 3 attempts"
    assert "HTML page was served instead of the PDF" in failed["5007"]
    assert failed["5008"].startswith("too large")
    assert failed["5009"] == "HTTP 404 (not found)"
    assert not report.ok


def test_second_sync_downloads_nothing(service: Synced) -> None:
    fake = service.fake
    before_hits = len(fake.paper_requests())
    before_downloads = len(fake.document_downloads())
    kb = KnowledgeBase(service.home, embedder=service.embedder)
    again = sync_moderngov(kb, service.home, service.options())
    assert again.downloads == 0 and len(fake.document_downloads()) == before_downloads
    assert again.counts["new"] == again.counts["changed"] == 0
    assert again.counts["unchanged"] == service.report.counts["new"]
    # Only the paper that failed with a 500 (worth another try) is asked for again; the 404, the HTML page and
    # the huge file are not fetched again while their listing is unchanged.
    asked = {h.query.get("ID") for h in fake.paper_requests()[before_hits:]}
    assert asked == {"5006"}
    assert again.counts["skipped"] == 3 and again.counts["failed"] == 1


def test_dry_run_changes_nothing_and_skip_restricted_leaves_exempt_papers_out(service: Synced,
                                                                              tmp_path: Path) -> None:
    fake = service.fake
    downloads = len(fake.document_downloads())
    dry = sync_moderngov(None, tmp_path / "dry", service.options(dry_run=True))
    assert dry.dry_run and dry.downloads == 0 and len(fake.document_downloads()) == downloads
    assert dry.counts["new"] == service.report.counts["new"] + 4  # the failing ones are not tried either
    assert not (tmp_path / "dry").exists()
    home = tmp_path / "public-only"
    report = sync_moderngov(KnowledgeBase(home, embedder=service.embedder), home,
                            service.options(skip_restricted=True, committees=["101"]))
    assert report.committees == ["Overview and Scrutiny Committee"]
    skipped = [p for p in report.papers if p.status == "skipped"]
    assert {p.classification for p in skipped} == {"restricted"} and len(skipped) == 2
    assert all(d.classification == "public" for d in _documents(home))


def test_committees_by_id_title_or_words() -> None:
    committees = [Committee(id="1", title="Overview and Scrutiny Committee"), Committee(id="2", title="Cabinet"),
                  Committee(id="3", title="Planning Committee"),
                  Committee(id="4", title="Health Scrutiny Panel", expired=True)]
    assert [c.id for c in choose_committees(committees, [])] == ["1", "2"]
    assert [c.id for c in choose_committees(committees, ["3", "cabinet"])] == ["3", "2"]
    assert [c.id for c in choose_committees(committees, ["scrutiny"])] == ["1", "4"]


def _ingested(home: Path) -> int:
    path = catalog_path(home)
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(path, timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM documents WHERE state='ingested'").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _attachment(hit) -> str:  # noqa: ANN001 - a fake service Hit
    found = re.match(r"^/documents/s(\d+)/", hit.path)
    return found.group(1) if found else hit.query.get("ID", "")


def test_a_sync_killed_midway_resumes_without_duplicates(service: Synced, tmp_path: Path) -> None:
    fake = new_fake(service.papers)  # its own service: the faults fire afresh, as for a first sync
    home = tmp_path / "home"
    env = {**os.environ, "SCRUTINY_HOME": str(home), "SCRUTINY_AREA": "E07999001"}
    command = [SCRUTINY, "sync", "moderngov", fake.site, "--delay", "0.25", "--timeout", "1", "--retries", "2",
               "--council", "Northbridge District Council"]
    first = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while _ingested(home) < 5 and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert first.poll() is None, "the sync finished before it could be stopped"
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    finally:
        if first.poll() is None:
            first.kill()
    stopped_at = _ingested(home)
    total = service.report.counts["new"]
    assert 5 <= stopped_at < total
    second = subprocess.run([*command, "--json"], env=env, cwd=REPO, capture_output=True, text=True, timeout=300)
    report = json.loads(second.stdout.strip().splitlines()[-1])
    assert second.returncode == 1  # four papers fail, as in any sync of these fixtures
    assert report["counts"]["new"] + report["counts"]["unchanged"] == total
    assert report["counts"]["unchanged"] >= stopped_at  # what was ingested before the kill is not done again
    # Each good paper was downloaded once across both runs (twice at most for one caught by the kill between
    # its download and the catalog's record of it).
    fetched = [_attachment(h) for h in fake.document_downloads()]
    counts = {a: fetched.count(a) for a in PUBLIC_PAPERS | {"5004"}}
    assert all(n >= 1 for n in counts.values()) and sum(n - 1 for n in counts.values()) <= 1, counts
    print(f"\nkilled with {stopped_at} of {total} documents ingested; the restart: {report['counts']}, "
          f"{report['downloads']} papers downloaded; downloads per paper over both runs: {counts}")
    resumed = _documents(home)
    paths = [d.path.replace(fake.base_url, "") for d in resumed]
    assert len(paths) == len(set(paths)) == total  # no duplicates
    expected = sorted((d.path.replace(service.fake.base_url, ""), d.title, d.classification, d.doc_type)
                      for d in _documents(service.home))
    got = sorted((d.path.replace(fake.base_url, ""), d.title, d.classification, d.doc_type) for d in resumed)
    assert got == expected


def test_scheduled_refresh_runs_beside_searches(service: Synced) -> None:
    from bot.moderngov.commands import Refresher
    from knowledge.models import AccessContext

    refresher = Refresher(service.settings, service.options(), hours=0.5 / 3600, embedder=onnx_embedder()).start()
    kb = KnowledgeBase(service.home, embedder=service.embedder)
    slowest = 0.0
    try:
        deadline = time.monotonic() + 120
        while refresher.runs < 2 and time.monotonic() < deadline:
            started = time.monotonic()
            assert kb.search("household recycling target", k=3, access=AccessContext())
            slowest = max(slowest, time.monotonic() - started)
    finally:
        refresher.stop()
    assert refresher.runs >= 2 and refresher.last is not None
    assert refresher.last.counts["new"] == 0 and refresher.last.downloads == 0
    assert slowest < 5.0
