"""The service's XML is untrusted: DTDs and entities are refused (no billion laughs, no file disclosure), size is
bounded, an HTML error page or a truncated answer is reported as malformed, and the shapes installs differ in
(namespaces, letter case, wrappers, sub-numbers, papers without a URL) are read."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from bot.moderngov.errors import MalformedResponse
from bot.moderngov.fakeserver import FIXTURES
from bot.moderngov.models import Committee
from bot.moderngov.xmlparse import (
    MAX_XML_BYTES,
    html_to_text,
    parse_committees,
    parse_meeting,
    parse_meetings,
    parse_xml,
)

HERE = Path(__file__).resolve().parent / "moderngov_fixtures"


def test_billion_laughs_is_refused_quickly() -> None:
    started = time.perf_counter()
    with pytest.raises(MalformedResponse, match="unsafe XML"):
        parse_committees((HERE / "billion_laughs.xml").read_bytes())
    assert time.perf_counter() - started < 1.0


def test_external_entity_is_refused() -> None:
    with pytest.raises(MalformedResponse, match="unsafe XML"):
        parse_meeting((HERE / "external_entity.xml").read_bytes(), "9")


def test_oversized_and_html_and_truncated_answers_are_malformed() -> None:
    with pytest.raises(MalformedResponse, match="over the"):
        parse_xml(b"<committees>" + b" " * MAX_XML_BYTES + b"</committees>", "GetCommittees")
    with pytest.raises(MalformedResponse, match="HTML page"):
        parse_committees((HERE / "html_error_page.xml").read_bytes())
    with pytest.raises(MalformedResponse, match="not well-formed"):
        parse_meeting((FIXTURES / "meeting-1000.xml").read_bytes(), "1000")


def test_namespaced_mixed_case_meeting_is_read() -> None:
    meeting = parse_meeting((HERE / "namespaced_meeting.xml").read_bytes(), "7001")
    assert meeting.id == "7001" and meeting.date == date(2025, 3, 5)
    [item] = meeting.items
    assert item.title == "Budget monitoring: Quarter 3" and item.number == "5a"
    assert item.agenda_text == "The report attached ." and "alert" not in item.agenda_text
    assert [d.attachment_id for d in item.documents] == ["81", "83"]  # the paper without a URL is left out
    assert item.documents[0].publication_date == date(2025, 2, 25)
    assert [d.restricted for d in item.documents] == [False, True]


def test_fixture_shapes() -> None:
    committees = parse_committees((FIXTURES / "committees.xml").read_bytes())
    assert [c.id for c in committees] == ["101", "102", "103", "104", "105"]
    assert committees[3].expired
    text = (FIXTURES / "meetings-101.xml").read_text().replace("{{date:-126}}", "09/07/2024")
    text = text.replace("{{date:-49}}", "24/09/2024").replace("{{date:+7}}", "19/11/2024")
    meetings = parse_meetings(text.encode(), Committee(id="101", title="Overview and Scrutiny Committee"))
    assert [(m.id, m.date) for m in meetings] == [("1000", date(2024, 7, 9)), ("1001", date(2024, 9, 24)),
                                                  ("1002", date(2024, 11, 19))]
    xml = (FIXTURES / "meeting-1002.xml").read_text().replace("{{base}}", "https://d.example").replace(
        "{{date:+7}}", "19/11/2024").replace("{{date:-1}}", "11/11/2024")
    meeting = parse_meeting(xml.encode(), "1002")
    restricted = [i for i in meeting.items if i.restricted]
    assert [i.title for i in restricted] == ["Disposal of surplus depot land"]
    assert restricted[0].documents[0].restricted
    assert meeting.items[3].documents[0].url == "https://d.example/mgConvert2PDF.aspx?ID=5001"
    assert "household recycling" in meeting.items[3].agenda_text


def test_html_to_text_is_bounded_and_keeps_paragraphs() -> None:
    text = html_to_text("<div><p>One.</p><p>Two <b>bold</b>.</p><ul><li>a</li></ul><style>x{}</style></div>")
    assert text == "One.\n\nTwo bold .\n\n- a"
    assert len(html_to_text("<p>" + "word " * 100_000 + "</p>", limit=1000)) <= 1000
