"""Threads a user trial found answered as something else: a measure forgotten after a council not held was refused
("how is Cardiff doing on reablement?" then "and Leeds?"), a quarter asked as a follow-up ("and Q2?") answered with
the latest year, and "5 years before that?" answered with the latest. Each failed before the change that fixed it."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.conversation import Conversation
from bot.models import Answer, CallerContext

pytestmark = pytest.mark.shared

LEEDS, YORK, NORTHBRIDGE = "E08000035", "E06000014", "E07999001"


def _answers(assistant: Assistant, home: str, *turns: str) -> list[Answer]:
    conversation, caller = Conversation(), CallerContext(area=home)
    return [assistant.ask(turn, caller, conversation=conversation) for turn in turns]


def _read(answer: Answer) -> tuple[str, list[str], list[str], str | None]:
    got = answer.to_contract()["understood"]
    return got["intent"], got["indicators"], got["areas"], got["periods"]["to"]


def test_a_thread_keeps_the_measure_after_a_council_not_held_is_refused(real_assistant: Assistant) -> None:
    refused, leeds, york = _answers(real_assistant, LEEDS, "how is Cardiff doing on reablement", "and Leeds?",
                                    "vs york?")
    assert refused.kind == "none" and "Cardiff" in refused.answer
    assert _read(leeds) == ("value", ["ASC5"], [LEEDS], None)
    assert any(f.area_code == LEEDS and f.period == "2022-23" and f.value == pytest.approx(70.3, abs=0.05)
               for f in leeds.figures)
    assert _read(york)[:3] == ("compare", ["ASC5"], [LEEDS, YORK])


def test_a_made_up_council_refused_keeps_the_measure_too(real_assistant: Assistant) -> None:
    refused, fife = _answers(real_assistant, "S-fife", "home care costs for Loch Ness Council?", "and Fife?")
    assert refused.kind == "none"
    assert _read(fife)[:3] == ("value", ["SW01"], ["S-fife"])


def test_a_quarter_asked_as_a_follow_up_is_that_quarter(sample_assistant: Assistant) -> None:
    q1, q2, q3 = _answers(sample_assistant, NORTHBRIDGE, "recycling rate 2024-25 Q1", "and Q2?", "Q3?")
    assert _read(q1)[3] == "2024-25 Q1"
    assert _read(q2) == ("value", ["household_recycling_rate"], [NORTHBRIDGE], "2024-25 Q2")
    assert q2.figures[0].period == "2024-25 Q2" and q2.figures[0].value == pytest.approx(40.2)
    # Q3 is not held: the reading keeps the quarter asked, and the answer says the latest quarter is used.
    assert _read(q3)[3] == "2024-25 Q3"
    assert "No Q3 value is held" in q3.answer and q3.figures[0].period == "2024-25 Q2"


def test_years_before_that_counts_back_from_the_year_answered(sample_assistant: Assistant) -> None:
    latest, five, three = _answers(sample_assistant, NORTHBRIDGE, "what's our sickness absence",
                                   "and 5 years before that?", "three years earlier?")
    assert latest.figures[0].period == "2023-24"
    assert _read(five) == ("value", ["sickness_absence_days"], [NORTHBRIDGE], "2018-19")
    assert five.figures[0].period == "2018-19" and five.figures[0].value == pytest.approx(9.8)
    # 2015-16 is before the series: the nearest held year answers, and the answer says so.
    assert _read(three)[3] == "2015-16" and three.figures[0].period == "2018-19"
    assert "No value for Northbridge District Council in 2015-16 is held; the nearest held: 2018-19" in three.answer
