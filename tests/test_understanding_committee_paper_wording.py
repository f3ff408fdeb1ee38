"""Committee papers' and written questions' wording that blind sets 21 and 23's development halves found read as
something else: "which five authorities among the 32 Scottish councils recorded the highest …", "list the 3
authorities among our nearest neighbours with the lowest …", "identify the authority in England with the highest …",
"where X sits in the ranking", "in the 3 years to 2021/22", "Q1 of the financial year 2021/22", a measure named
in a service's words ("hourly cost of home care for older people", "the use of temporary accommodation",
"summarise the movement in uncommitted general fund reserves"), "where does our turnover stand?", "which 5 are
weakest?", "the headline on ASC", and councils not held ("Wexmoor County Council" before "the council tax",
"Glasgow North Council", "ashby marsh district council"). Each failed before the change that fixed it."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.conversation import Conversation
from bot.models import CallerContext
from indicators.asked_periods import parse_periods
from reading_threads import understood_after as _read

pytestmark = pytest.mark.shared

BARNSLEY, ABERDEENSHIRE, FIFE, STIRLING = "E08000016", "S-aberdeenshire", "S-fife", "S-stirling"
NORTHBRIDGE = "E07999001"


@pytest.mark.parametrize(("home", "said", "indicator", "areas", "n", "order"), [
    (ABERDEENSHIRE, "As part of the budget scrutiny, which five authorities among the 32 Scottish councils recorded "
     "the highest street cleaning costs per 1,000 residents in 2019/20?", "ENV03a", ["scotland"], 5, "worst"),
    (ABERDEENSHIRE, "Which five authorities among our benchmarking family group recorded the lowest weekly cost of "
     "residential care for over-65s currently?", "SW05", ["neighbours"], 5, "best"),
    (BARNSLEY, "Quick one: please list the 3 authorities among our CIPFA nearest neighbours with the highest service "
     "users' social care-related quality of life.", "ASC2", ["neighbours"], 3, "best"),
    (BARNSLEY, "Morning, could officers identify the authority in England with the highest adult social care "
     "workforce turnover at present?", "ASC7", ["england"], 1, "worst"),
])
def test_lists_asked_as_committee_papers_ask_them(real_assistant: Assistant, home: str, said: str, indicator: str,
                                                  areas: list[str], n: int, order: str) -> None:
    got = _read(real_assistant, home, said)
    assert (got["intent"], got["indicators"], got["areas"], got["n"], got["order"]) == (
        "rank", [indicator], areas, n, order)


def test_where_a_council_sits_in_the_ranking(real_assistant: Assistant) -> None:
    got = _read(real_assistant, BARNSLEY, "In preparing the briefing note for the Chair, could officers advise where "
                "Cambridgeshire County Council sits in the ranking in England for ease of finding information about "
                "support for carers in 2016/17?")
    assert (got["intent"], got["indicators"], got["areas"], got["n"]) == ("rank", ["ASC4"], ["E10000003", "england"],
                                                                          None)


@pytest.mark.parametrize(("said", "span"), [
    ("how have we done on reablement in the 3 years to 2021/22", ("2018-19", "2021-22")),
    ("in the five years to 2019/20, how did re-let times move", ("2014-15", "2019-20")),
    ("trend in sickness over the 2 years up to 2012-13", ("2010-11", "2012-13")),
])
def test_the_n_years_to_a_year_is_a_span_ending_then(said: str, span: tuple[str, str]) -> None:
    asked = parse_periods(said)
    assert (asked.kind, asked.start, asked.end) == ("span", *span)


def test_a_quarter_of_the_financial_year(real_assistant: Assistant) -> None:
    got = _read(real_assistant, STIRLING, "Please confirm library costs per visit for Stirling Council in Q1 of the "
                "financial year 2021/22.")
    assert (got["indicators"], got["periods"]["to"]) == (["C&L02"], "2021-22 Q1")


def test_a_measure_named_in_its_services_words_is_that_measure(real_assistant: Assistant,
                                                               sample_assistant: Assistant) -> None:
    got = _read(real_assistant, FIFE, "In preparing the briefing note for the Chair, how's our hourly cost of home "
                "care for older people looking according to the latest published data")
    assert (got["intent"], got["indicators"]) == ("value", ["SW01"])
    got = _read(real_assistant, "S-clackmannanshire", "Please summarise the movement in uncommitted general fund "
                "reserves over the last 2 years, so that members can judge whether the Council has improved.")
    assert (got["intent"], got["indicators"]) == ("trend", ["FINSUS02"])
    got = _read(sample_assistant, NORTHBRIDGE, "how have we done on the use of temporary accommodation in the 3 years "
                "to 2019/20")
    assert (got["intent"], got["indicators"], got["periods"]["from"]) == ("trend", ["temporary_accommodation_per_1000"],
                                                                          "2016-17")
    # The service in its own words is still the service.
    got = _read(sample_assistant, NORTHBRIDGE, "how are we doing on homelessness")
    assert got["intent"] == "overview" and len(got["indicators"]) == 2


def test_where_does_our_figure_stand_is_the_figure(real_assistant: Assistant) -> None:
    got = _read(real_assistant, BARNSLEY, "As part of the budget scrutiny, where does our care workforce turnover "
                "stand?")
    assert (got["intent"], got["indicators"], got["areas"]) == ("value", ["ASC7"], [BARNSLEY])


def test_which_five_are_weakest_turns_the_list(real_assistant: Assistant) -> None:
    got = _read(real_assistant, FIFE, "which five councils among the Council's LGBF family group had the lowest cost "
                "of parks and open spaces per 1,000 population?", "And which 5 are weakest?")
    assert (got["intent"], got["n"], got["order"]) == ("rank", 5, "worst")


def test_the_headline_on_a_service_is_an_overview(real_assistant: Assistant, sample_assistant: Assistant) -> None:
    got = _read(real_assistant, BARNSLEY, "whats the headline on ASC for us")
    assert (got["intent"], sorted(got["indicators"])) == ("overview", ["ASC1", "ASC2", "ASC3", "ASC4", "ASC5", "ASC6",
                                                                       "ASC7"])
    got = _read(sample_assistant, NORTHBRIDGE, "whats the headline on complaints handling for us")
    assert (got["intent"], sorted(got["indicators"])) == ("overview", ["complaints_in_time",
                                                                       "stage2_complaints_upheld"])


@pytest.mark.parametrize(("home", "said"), [
    (NORTHBRIDGE, "How has Wexmoor County Council performed on the council tax collection rate since 2018?"),
    (NORTHBRIDGE, "compare us with ashby marsh district council on recycling rate"),
    (FIFE, "how is Glasgow North Council doing on parks and open spaces cost per 1,000 population"),
])
def test_councils_not_held_in_committee_wording_are_refused(real_assistant: Assistant, sample_assistant: Assistant,
                                                            home: str, said: str) -> None:
    assistant = sample_assistant if home == NORTHBRIDGE else real_assistant
    answer = assistant.ask(said, CallerContext(area=home), conversation=Conversation())
    assert answer.to_contract()["understood"]["intent"] == "unknown" and not answer.figures
    assert "I hold no data for" in answer.answer
