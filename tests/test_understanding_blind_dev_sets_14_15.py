"""Readings that blind sets 14 and 15's development halves (tests/eval/understanding_blind14, _blind15) found wrong:
a held council's possessive typed without its apostrophe ("Sloughs", "inverclydes"), "year before?" without "the",
a list resized as "can you do 4 instead", "3 please" or "just the best?", "scotland wide?", "econ dev", "league
table position", "are we near the top", "top of the league … who is it", a family group asked after a league table
("what about against our family group"), "since then" after a span started with "since", "what was the figure in
2015/16" after a trend, "only" read as a measure word, a made-up "central lanarkshire", and a position asked of a
measure the council does not hold. Each failed before the change that fixed it."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from reading_threads import read_thread as _read

pytestmark = pytest.mark.shared


@pytest.mark.parametrize(("home", "question", "area"), [
    ("E08000035", "can you pull Sloughs latest ease of finding information for service users", "E06000039"),
    ("S-glasgow-city", "hi, can u pull inverclydes invoices paid within 30 days - need it for tonight", "S-inverclyde"),
])
def test_a_possessive_without_its_apostrophe_names_the_council(real_assistant: Assistant, home: str, question: str,
                                                               area: str) -> None:
    assert _read(real_assistant, home, question)[2] == [area]


def test_year_before_without_the(sample_assistant: Assistant) -> None:
    got = _read(sample_assistant, "E07999001", "what's the latest figure for our waste collection cost per household?",
                "and in 2022-23?", "year before?")
    assert got[:5] == ("value", ["waste_collection_cost_per_household"], ["E07999001"], None, "2021-22")


def test_lists_resized_as_people_say_it(real_assistant: Assistant) -> None:
    got = _read(real_assistant, "E10000024", "ease of finding information for carers: worst 5 councils out of our "
                "CIPFA neighbours?", "and in 2018-2019?", "3 please")
    assert got == ("rank", ["ASC4"], ["neighbours"], None, "2018-19", 3, "worst")
    got = _read(real_assistant, "S-fife", "what position are we in Scotland for non-emergency repair times?",
                "list the best 3", "can you do 4 instead")
    assert got[0] == "rank" and got[1] == ["HSN04b"] and got[5:] == (4, "best")
    got = _read(real_assistant, "E08000029", "ease of finding information for service users: best 3 councils out of "
                "our CIPFA neighbours?", "just the best?")
    assert got[0] == "rank" and got[5:] == (1, "best")


def test_groups_said_other_ways(real_assistant: Assistant) -> None:
    got = _read(real_assistant, "S-renfrewshire", "morning - show me the 5 with the most expensive cost of "
                "collecting council tax out of our family group", "scotland wide?")
    assert got[:3] == ("rank", ["CORP04"], ["scotland"])
    got = _read(real_assistant, "S-renfrewshire", "show me the bottom ten for street cleanliness score nationally "
                "pls", "make that three", "what about against our family group")
    assert got == ("rank", ["ENV03c"], ["neighbours"], None, None, 3, "worst")
    got = _read(real_assistant, "S-fife", "what position are we across scotland for % of 65+ with long-term care "
                "needs getting personal care at home?", "same but for 2019-20",
                "and only our benchmarking family group?")
    assert got[:3] == ("rank", ["SW03a"], ["S-fife", "neighbours"])


@pytest.mark.parametrize(("question", "areas", "n", "order"), [
    ("quick one - league table position for cost per secondary pupil of the 32 councils? asap please",
     ["S-renfrewshire", "scotland"], None, None),
    ("sorry to bother you, r we near the top against our family group for sports facilities cost per attendance in "
     "FY19/20 or not?", ["S-renfrewshire", "neighbours"], None, None),
    ("top of the league against our family group for sports facilities cost per attendance - who is it ??",
     ["neighbours"], 1, "best"),
])
def test_positions_and_the_top_of_the_league(real_assistant: Assistant, question: str, areas: list[str],
                                             n: int | None, order: str | None) -> None:
    got = _read(real_assistant, "S-renfrewshire", question)
    assert (got[0], got[2], got[5], got[6]) == ("rank", areas, n, order)


def test_since_then_and_a_year_after_a_trend(real_assistant: Assistant) -> None:
    got = _read(real_assistant, "E10000019", "morning! ASC6 requests resulting in a service since 2016 for us thx",
                "and Lincs?", "what about ASC3 (ease of finding info, service users) since then")
    assert got[:5] == ("trend", ["ASC3"], ["E10000019"], "2016-17", "2022-23")
    got = _read(real_assistant, "S-fife", "our care services graded good or better since 2016/17 - better or worse?",
                "same for business start ups per 10k population? thx", "and what was the figure in 2015/2016")
    assert got[:5] == ("value", ["ECON05"], ["S-fife"], None, "2015-16")


def test_trend_words_and_service_short_forms(real_assistant: Assistant) -> None:
    assert _read(real_assistant, "S-renfrewshire", "is our procurement spend on local enterprises on the up or not "
                 "pls")[0] == "trend"
    got = _read(real_assistant, "S-highland", "how is highland council doing on econ dev?")
    assert got[0] == "overview" and "ECON01" in got[1]


@pytest.mark.parametrize(("home", "question"), [
    ("S-renfrewshire", "central lanarkshire procurement spend on local enterprises latest? please"),
    ("E08000035", "can you tell me where do we rank on positive destinations for school leavers? ??"),
])
def test_not_held_is_refused(real_assistant: Assistant, home: str, question: str) -> None:
    assert _read(real_assistant, home, question)[0] == "unknown"
