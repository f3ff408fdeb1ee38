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


def test_where_does_a_named_council_rank_is_its_place(real_assistant: Assistant) -> None:
    answer = _answers(real_assistant, "S-west-lothian", "Where does Fife rank on council tax collection?")[0]
    assert _read(answer)[:3] == ("rank", ["CORP07"], ["S-fife", "scotland"])
    assert answer.answer.split("\n\n", 1)[1].startswith("Fife is 22nd of 32, at 95.8%.")
    answer = _answers(real_assistant, LEEDS, "how does Kent rank among its neighbours on carer quality of life")[0]
    assert _read(answer)[:3] == ("rank", ["ASC1"], ["E10000016", "neighbours"])
    assert "Kent is 15th of 16, at 6.7." in answer.answer and "(Kent's nearest neighbours)" in answer.answer


def test_a_span_after_two_councils_compared_keeps_both(real_assistant: Assistant) -> None:
    *_, span = _answers(real_assistant, "E06000044", "Is Portsmouth better than Southampton at reablement?",
                        "and on quality of life?", "over the 5-year trend?")
    got = span.to_contract()["understood"]
    assert (got["intent"], got["areas"], got["periods"]) == ("compare", ["E06000044", "E06000045"],
                                                             {"from": "2017-18", "to": "2022-23"})
    assert {("E06000044", "2017-18"), ("E06000045", "2017-18")} <= {(f.area_code, f.period) for f in span.figures}


def test_the_trend_for_both_is_the_two_councils_last_asked_about(real_assistant: Assistant) -> None:
    *_, both = _answers(real_assistant, "E10000016", "ok, how about carers' quality of life", "and Essex?",
                        "the trend for both since 2016")
    got = both.to_contract()["understood"]
    assert (got["intent"], got["areas"], got["periods"]["from"]) == ("compare", ["E10000016", "E10000012"], "2016-17")
    assert any(f.area_code == "E10000016" and f.period == "2016-17" and f.value == pytest.approx(6.9)
               for f in both.figures)


@pytest.mark.parametrize(("question", "areas", "n", "order", "to"), [
    ("are we top quartile for reablement?", [LEEDS, "england"], None, None, None),
    ("which quartile are we in for reablement", [LEEDS, "england"], None, None, None),
    ("where do we stand nationally on reablement", [LEEDS, "england"], None, None, None),
    ("which LA is best for reablement in england", ["england"], 1, "best", None),
    ("who came top in 2019-20 for reablement", ["england"], 1, "best", "2019-20"),
    ("who finished bottom for carer qol in 2021-22", ["england"], 1, "worst", "2021-22"),
])
def test_rankings_as_councillors_word_them(real_assistant: Assistant, question: str, areas: list[str],
                                           n: int | None, order: str | None, to: str | None) -> None:
    got = _answers(real_assistant, LEEDS, question)[0].to_contract()["understood"]
    assert (got["intent"], got["areas"], got["n"], got["order"], got["periods"]["to"]) == ("rank", areas, n, order, to)


def test_the_england_median_asked_for_is_set_beside_ours(real_assistant: Assistant) -> None:
    got = _answers(real_assistant, "E08000012", "what was the England median for reablement in 2020-21?")[0]
    assert _read(got) == ("compare", ["ASC5"], ["E08000012", "england"], "2020-21")
    *_, median = _answers(real_assistant, "E10000008", "devon reablment latest", "rank us in england",
                          "what was the England median in 2015-16?")
    assert _read(median) == ("compare", ["ASC5"], ["E10000008", "england"], "2015-16")
    assert any(f.area_code == "england" and f.period == "2015-16" and f.value == pytest.approx(74.75)
               for f in median.figures)
