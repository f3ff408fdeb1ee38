"""Readings that blind sets 16 and 17's development halves (tests/eval/understanding_blind16, _blind17) found wrong:
questions pasted from emails (a greeting line, "It's for Thursday's committee.", a sign-off with a name), and
measures described in a new councillor's plain words ("people caring for a relative", "come out of short-term
support without needing long-term care", "big/small planning applications", "non-urgent repairs", "town centre
units lying empty"), "my neighbour says…" (a person, not the comparator group), "we're near the bottom … where do
we actually sit", "over that time", "the bottom end", a sign-off kiss ("x"), "league table:" and "royston vasey:".
Each failed before the change that fixed it."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from indicators.asked_text import plain_question
from reading_threads import read_thread as _read

pytestmark = pytest.mark.shared


@pytest.mark.parametrize(("email", "plain"), [
    ("Hi all,\n\nWhat's our latest requests for support that resulted in a service? It's for Thursday's committee."
     "\n\nBest wishes\nJane", "What's our latest requests for support that resulted in a service?"),
    ("Morning,\n\nfly tipping: was the 2018/2019 target met? It's for Thursday's committee.\n\nKind regards,\n"
     "Cllr M. Reid", "fly tipping: was the 2018/2019 target met?"),
    ("Morning,\n\nMembers want to know if carer quality of life is improving or getting worse.\n\nRegards,\nSam",
     "carer quality of life is improving or getting worse."),
])
def test_a_question_pasted_from_an_email(email: str, plain: str) -> None:
    assert plain_question(email) == plain


def test_st_helens_is_not_the_end_of_a_sentence() -> None:
    said = ("how do Waltham Forest, Cheshire East and St. Helens compare on requests resulting in a service in "
            "FY18/19 (for the scrutiny cttee)")
    assert plain_question(said).endswith("in FY18/19")


@pytest.mark.parametrize(("home", "question", "indicator"), [
    ("E08000033", "whats the reported quality of life of people caring for a relative for calderdale for FY16/17",
     "ASC1"),
    ("E06000038", "trend in share of people who come out of short-term support without needing long-term care for "
     "reading from 2019-20 to FY22/23 x", "ASC5"),
    ("S-west-dunbartonshire", "quick one: our average wait for non-urgent council house repairs last year?", "HSN04b"),
    ("S-east-ayrshire", "whats the percentage of town centre units lying empty for East Ayrshire during 2015-2016 x",
     "ECON09"),
])
def test_measures_in_plain_words(real_assistant: Assistant, home: str, question: str, indicator: str) -> None:
    assert _read(real_assistant, home, question)[1] == [indicator]


def test_big_and_small_planning_applications(sample_assistant: Assistant) -> None:
    assert _read(sample_assistant, "E07999001", "is it true that our share of big planning applications decided on "
                 "time is poor? what's the actual number right now ta")[:2] == ("value", ["planning_major_in_time"])
    assert _read(sample_assistant, "E07999001", "are we meeting the target for share of small planning applications "
                 "decided on time at the moment thank you!")[:2] == ("target", ["planning_minor_in_time"])


def test_my_neighbour_is_a_person(real_assistant: Assistant) -> None:
    got = _read(real_assistant, "S-fife", "my neighbour says moray are great on percentage of care services rated "
                "good or better - what's their number at the moment?")
    assert got[:3] == ("value", ["SW07"], ["S-moray"])


def test_near_the_bottom_where_do_we_sit(real_assistant: Assistant) -> None:
    got = _read(real_assistant, "E08000003", "is it true were near the bottom among our comparator group on the rate "
                "at which care workers leave their jobs? where do we actually sit currently")
    assert got[:3] == ("rank", ["ASC7"], ["E08000003", "neighbours"]) and got[5] is None


def test_over_that_time_and_the_bottom_end(sample_assistant: Assistant, real_assistant: Assistant) -> None:
    got = _read(sample_assistant, "E07999001", "morning! how has our visits to the leisure centres per 1,000 "
                "residents changed since 2021?", "what about westcombe council over that time thank you!")
    assert got[:4] == ("trend", ["leisure_visits_per_1000"], ["E07999016"], "2021-22")
    got = _read(real_assistant, "E08000035", "carers own quality of life rating at present: who are the 5 best in "
                "england", "What about the bottom end please")
    assert got == ("rank", ["ASC1"], ["england"], None, None, 5, "worst")


@pytest.mark.parametrize(("question", "intent"), [
    ("royston vasey: staff turnover at the council pls cheers", "unknown"),
    ("league table: best three on missed bins in our comparator group", "rank"),
])
def test_a_heading_before_a_colon(sample_assistant: Assistant, question: str, intent: str) -> None:
    assert _read(sample_assistant, "E07999001", question)[0] == intent
