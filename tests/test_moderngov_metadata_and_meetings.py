"""Fast rules of the connector: procedural items, citation titles, document types, exempt papers, promises in
minutes, and which meeting `next` or "Prepare me for Thursday's scrutiny committee" means."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.moderngov.catalog import Catalog
from bot.moderngov.errors import ModernGovError
from bot.moderngov.metadata import citation_title, doc_type_for, is_procedural, is_restricted
from bot.moderngov.models import AgendaItem, LinkedDocument, Meeting, MeetingSummary
from bot.moderngov.pack import meeting_in_words, resolve_meeting
from bot.moderngov.promises import promises_in, strength


def _item(title: str, number: str | None = "6", restricted: bool = False) -> AgendaItem:
    return AgendaItem(id="1", number=number, title=title, restricted=restricted)


def test_procedural_items() -> None:
    for title in ("Apologies for absence", "Declarations of Interest", "Minutes of the previous meeting",
                  "3. Minutes", "Urgent business", "Exclusion of the Press and Public", "Date of next meeting"):
        assert is_procedural(_item(title)), title
    for title in ("Quarter 2 Performance Report", "Recycling recovery plan", "Work programme"):
        assert not is_procedural(_item(title)), title


def test_citation_title_and_document_type() -> None:
    meeting = Meeting(id="9", date=date(2024, 9, 24))
    item = _item("Quarter 2 Performance Report")
    assert citation_title("Overview and Scrutiny Committee", meeting, item, "Quarter 2 Performance Report") == \
        "Overview and Scrutiny Committee, 24 September 2024, item 6: Quarter 2 Performance Report"
    assert citation_title("Cabinet", meeting, item, "Quarter 2 Performance Report - Appendix A") == \
        "Cabinet, 24 September 2024, item 6: Quarter 2 Performance Report - Appendix A"
    assert citation_title("Cabinet", meeting, _item("6 - Budget", number=None), "Annex") == \
        "Cabinet, 24 September 2024, Budget - Annex"
    assert doc_type_for("Q2 report", item) == "performance_report"
    assert doc_type_for("Printed minutes", _item("Minutes")) == "minutes"
    assert doc_type_for("LGA Corporate Peer Challenge feedback report", _item("Peer challenge")) == "peer_challenge"
    assert doc_type_for("Peer challenge action plan: progress", _item("Peer challenge")) == "performance_report"
    assert doc_type_for("Annual Auditor's Report", _item("External audit")) == "audit"
    assert doc_type_for("Council Plan 2024-2028", _item("Council Plan")) == "plan"
    assert doc_type_for("Appendix 1", _item("Depot land")) is None  # left for the text to decide


def test_exempt_papers() -> None:
    paper = LinkedDocument(attachment_id="1", title="Report", url="https://d.example/x")
    assert is_restricted(_item("Depot", restricted=True), paper)
    assert is_restricted(_item("Depot"), paper.model_copy(update={"restricted": True}))
    assert is_restricted(_item("Depot"), paper.model_copy(update={"title": "Exempt appendix"}))
    assert is_restricted(_item("Land sale (Part 2)"), paper)
    assert not is_restricted(_item("Depot"), paper)


def test_promises_in_minutes() -> None:
    text = ("The Head of Service said contamination had doubled. He undertook to bring an options appraisal to the "
            "Committee.\n\nCllr Okafor asked what progress had been made on the plan promised in July. The "
            "Director agreed to circulate the comparison before the next meeting. RESOLVED that the Cabinet "
            "Member be asked to present the plan.\n\n# Promises made")
    found = promises_in(text)
    assert found == ["He undertook to bring an options appraisal to the Committee.",
                     "Cllr Okafor asked what progress had been made on the plan promised in July.",
                     "The Director agreed to circulate the comparison before the next meeting.",
                     "RESOLVED that the Cabinet Member be asked to present the plan."]
    assert [strength(s) for s in found] == [2, 0, 2, 1]
    assert all(s in text for s in found)  # verbatim


@pytest.fixture()
def catalog(tmp_path: Path) -> Catalog:
    catalog = Catalog(tmp_path / "catalog.sqlite3")
    today = date(2024, 11, 12)  # a Tuesday
    for mid, cid, title, offset, status in (("1", "101", "Overview and Scrutiny Committee", -49, "Confirmed"),
                                            ("2", "101", "Overview and Scrutiny Committee", 9, "Confirmed"),
                                            ("3", "102", "Cabinet", 2, "Confirmed"),
                                            ("4", "102", "Cabinet", 1, "Cancelled"),
                                            ("5", "103", "Health Scrutiny Panel", 16, "Confirmed")):
        catalog.save_meeting("svc", MeetingSummary(id=mid, committee_id=cid, committee_title=title,
                                                   date=today + timedelta(days=offset), status=status), "")
    return catalog


def test_next_meeting_prefers_scrutiny(catalog: Catalog) -> None:
    today = date(2024, 11, 12)
    assert resolve_meeting(catalog, "next", today=today).meeting_id == "2"
    assert resolve_meeting(catalog, "next", committee="cabinet", today=today).meeting_id == "3"
    assert resolve_meeting(catalog, "1").meeting_id == "1"
    with pytest.raises(ModernGovError, match="no synced meeting on or after"):
        resolve_meeting(catalog, "next", today=today + timedelta(days=60))


def test_prepare_me_for_thursdays_scrutiny_committee(catalog: Catalog) -> None:
    today = date(2024, 11, 12)
    assert meeting_in_words("Prepare me for Thursday's meeting", catalog, today).meeting_id == "3"
    assert meeting_in_words("Prepare me for Thursday's scrutiny committee", catalog, today).meeting_id == "2"
    assert meeting_in_words("Get me ready for the health scrutiny panel", catalog, today).meeting_id == "5"
    assert meeting_in_words("How is recycling doing?", catalog, today) is None


def test_a_url_names_one_document(tmp_path: Path) -> None:
    from knowledge.base import KnowledgeBase
    from knowledge.errors import KnowledgeError
    from knowledge.models import IngestOptions

    for name in ("a.md", "b.md"):
        (tmp_path / "papers" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "papers" / name).write_text("# A paper\n\nText.\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="a url names one document, but 2 files were given"):
        KnowledgeBase(tmp_path / "home").ingest([tmp_path / "papers"], IngestOptions(url="https://d.example/x"))
