"""`scrutiny questions --meeting next --json` on a home synced from the fake service: questions for each
substantive agenda item with evidence from that item's own papers, one that follows up a promise recorded in the
previous minutes, exempt items only in the operator's trusted mode; `scrutiny brief --meeting next` writes one
note per item, or one pack."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.moderngov.metadata import date_words
from knowledge.base import KnowledgeBase
from moderngov_fixtures.service import Synced, synced

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]
SCRUTINY = str(Path(sys.executable).with_name("scrutiny"))


@pytest.fixture(scope="module")
def service() -> Synced:
    return synced()


def _scrutiny(service: Synced, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCRUTINY_HOME": str(service.home), "SCRUTINY_AREA": "E07999001"}
    env.pop("SCRUTINY_LLM", None)
    return subprocess.run([SCRUTINY, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def pack(service: Synced) -> dict[str, Any]:
    done = _scrutiny(service, "questions", "--meeting", "next", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _item(pack: dict[str, Any], number: str) -> dict[str, Any]:
    return next(i for i in pack["meeting"]["items"] if i["number"] == number)


def _questions(pack: dict[str, Any], item: dict[str, Any]) -> list[dict[str, Any]]:
    return [pack["questions"][n] for n in item["questions"]]


def test_every_substantive_item_has_questions_from_its_own_papers(pack: dict[str, Any], service: Synced) -> None:
    meeting = pack["meeting"]
    assert meeting["id"] == "1002" and meeting["committee"] == "Overview and Scrutiny Committee"
    assert meeting["date"] == (service.fake.today + timedelta(days=7)).isoformat()
    assert meeting["previous_meeting"] == f"Overview and Scrutiny Committee, " \
                                          f"{date_words(service.fake.today - timedelta(days=49))}"
    # Apologies, declarations, the minutes, the exclusion of the press: procedural. Item 9 is exempt.
    assert [i["number"] for i in meeting["items"]] == ["4", "5", "6", "7"]
    citations = {c["id"]: c for c in pack["citations"]}
    assert sorted(citations) == list(range(1, len(citations) + 1))
    for item in meeting["items"]:
        questions = _questions(pack, item)
        assert len(questions) >= 3, item["title"]
        assert all(e in citations and e in item["citations"] for q in questions for e in q["evidence"])
        papers = {p["url"] for p in item["papers"]}
        if papers:
            own = [q for q in questions if any(citations[e]["path"] in papers for e in q["evidence"])]
            assert own, f"no question on {item['title']} cites its papers {papers}"
    q2 = _item(pack, "4")
    assert [p["url"].rsplit("=", 1)[-1] for p in q2["papers"]] == ["5001"]  # the failed appendices are not listed
    # The indicators the Quarter 2 report names are analysed: figures from the indicator data are stated.
    assert any(f["indicator_id"] and f["area_code"] == "E07999001" for f in pack["figures"])


def test_a_question_follows_up_a_promise_in_the_previous_minutes(pack: dict[str, Any], service: Synced) -> None:
    previous = date_words(service.fake.today - timedelta(days=49))
    citations = {c["id"]: c for c in pack["citations"]}
    council_tax = _item(pack, "6")
    promise = ("Ruth Adeyemi (Director of Finance) agreed to circulate a comparison of council tax collection with "
               "the nearest neighbour group before the next meeting.")
    assert promise in council_tax["promises"]
    follow_ups = [q for q in _questions(pack, council_tax) if promise in q["text"]]
    assert len(follow_ups) == 1
    assert follow_ups[0]["text"].startswith(f"The minutes of the meeting on {previous} record:")
    [cited] = [citations[e] for e in follow_ups[0]["evidence"]]
    assert cited["path"] == f"{service.fake.base_url}/mgAi.aspx?ID=10104#minutes"
    assert cited["source"] == f"Overview and Scrutiny Committee, {previous}, item 4: Quarter 1 2024-25 performance " \
                              "report (minutes)"
    assert cited["quote"] == promise
    kb = KnowledgeBase(service.home)
    doc = next(d for d in kb.documents() if d.path == cited["path"])
    assert promise in kb.source_text(doc.doc_id)
    # The officer's undertaking on recycling goes to the recycling item, not to the performance report.
    recycling = _item(pack, "5")
    assert any("undertook to bring an options appraisal" in p for p in recycling["promises"])


def test_exempt_items_only_in_trusted_mode(service: Synced, pack: dict[str, Any]) -> None:
    assert "Osprey" not in json.dumps(pack)
    done = _scrutiny(service, "questions", "--meeting", "1002", "--json", "--include-restricted", "--per-item", "3")
    assert done.returncode == 0, done.stderr
    trusted = json.loads(done.stdout)
    exempt = _item(trusted, "9")
    assert exempt["restricted"] and exempt["papers"][0]["classification"] == "restricted"
    assert all(len(i["questions"]) <= 3 for i in trusted["meeting"]["items"])


def test_unknown_meeting_and_nothing_synced_are_one_line_errors(service: Synced, tmp_path: Path) -> None:
    done = _scrutiny(service, "questions", "--meeting", "999")
    assert done.returncode == 1 and "no synced meeting with id '999'" in done.stderr
    env = {**os.environ, "SCRUTINY_HOME": str(tmp_path), "SCRUTINY_AREA": "E07999001"}
    empty = subprocess.run([SCRUTINY, "questions", "--meeting", "next"], env=env, cwd=REPO, capture_output=True,
                           text=True, timeout=120)
    assert empty.returncode == 1 and "run `scrutiny sync moderngov URL` first" in empty.stderr


def test_briefing_notes_per_item_and_as_one_pack(service: Synced, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    done = _scrutiny(service, "brief", "--meeting", "next", "--out", str(folder))
    assert done.returncode == 0, done.stderr
    notes = sorted(p.name for p in folder.glob("*.docx"))
    assert notes == ["01-item-4-quarter-2-2024-25-performance-report.docx", "02-item-5-recycling-recovery-plan.docx",
                     "03-item-6-council-tax-collection-nearest-neighbour-benchmarking.docx",
                     "04-item-7-annual-auditor-s-report-2023-24.docx"]
    one = tmp_path / "pack.docx"
    done = _scrutiny(service, "brief", "--meeting", "next", "--out", str(one))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(one) as docx:
        text = docx.read("word/document.xml").decode("utf-8")
        media = [n for n in docx.namelist() if n.startswith("word/media/")]
    for title in ("Quarter 2 2024-25 Performance Report", "Recycling recovery plan", "Annual Auditor"):
        assert title in text
    assert "agreed to circulate a comparison of council tax collection" in text
    assert media  # the notes' charts came along
    markdown = tmp_path / "pack.md"
    assert _scrutiny(service, "brief", "--meeting", "next", "--out", str(markdown)).returncode == 0
    assert markdown.read_text(encoding="utf-8").count("\n## ") >= 4
