"""A briefing note asked for in words (Slack has no --committee or --meeting-date) carries the committee and the
meeting date in its header, as the command line's options do; both go through `Assistant.respond`."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.meeting_words import meeting_words
from bot.models import CallerContext
from bot.pipeline.models import Request

PUBLIC = CallerContext(channel="C-public", user="U1", allow_restricted=False)


@pytest.mark.parametrize(("text", "topic", "committee", "day"), [
    ("waste and recycling for the Environment Scrutiny Committee on 14 January 2027", "waste and recycling",
     "Environment Scrutiny Committee", "2027-01-14"),
    ("adult social care for Health and Adult Social Care Scrutiny Panel on 2027-02-03", "adult social care",
     "Health and Adult Social Care Scrutiny Panel", "2027-02-03"),
    ("reablement for the Adults Scrutiny Board, 5/3/2027", "reablement", "Adults Scrutiny Board", "2027-03-05"),
    ("waste on Thursday 14th Jan 2027", "waste", None, "2027-01-14"),
    ("council tax collection for cabinet", "council tax collection", "Cabinet", None),
    ("homelessness", "homelessness", None, None),
])
def test_the_committee_and_date_are_read_out_of_the_topic(text: str, topic: str, committee: str | None,
                                                          day: str | None) -> None:
    got = meeting_words(text)
    assert (got.topic, got.committee, got.meeting_date) == (topic, committee, day)


def test_a_date_that_is_not_a_day_is_not_guessed() -> None:
    got = meeting_words("planning for the Overview and Scrutiny Committee on 31 February 2027")
    assert got.meeting_date is None and got.committee == "Overview and Scrutiny Committee"


def _head(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("## 1.", 1)[0]


@pytest.mark.slow
def test_a_brief_asked_in_words_has_the_committee_and_meeting_in_its_header(sample_assistant, tmp_path: Path) -> None:
    out = tmp_path / "note.md"
    text = "brief on waste and recycling for the Environment Scrutiny Committee on 14 January 2027"
    reply = sample_assistant.respond(Request(text=text, out=out), PUBLIC)
    head = _head(out)
    assert reply.document == out
    assert "**Committee:** Environment Scrutiny Committee" in head
    assert "**Date of meeting:** 14 January 2027" in head
    assert "waste and recycling" in head.lower() and "14 january 2027" not in head.split("**Subject:**")[-1].lower()


@pytest.mark.slow
def test_explicit_options_win_over_the_words(sample_assistant, tmp_path: Path) -> None:
    out = tmp_path / "note.md"
    request = Request(text="homelessness for Cabinet on 2 March 2027", command="brief", out=out,
                      committee="Overview and Scrutiny Committee", meeting_date="2027-01-20")
    sample_assistant.respond(request, PUBLIC)
    head = _head(out)
    assert "**Committee:** Overview and Scrutiny Committee" in head
    assert "**Date of meeting:** 20 January 2027" in head
