"""Questions as councillors and officers type them in Slack, on the real Oflog and LGBF data: who is asking is not a
council, a misspelt or abbreviated council is the held one, "Mid Suffolk" is not Suffolk, "the year to March 2021"
is 2020-21, "carer" is not "care", words and meaning that agree pick the measure, "where do we come?" asks for a
place in a ranking, and follow-ups switch one piece at a time. Each failed before the change that fixed it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bot.assistant import Assistant
from bot.conversation import Conversation
from bot.models import Answer, CallerContext
from indicators.asked_periods import parse_periods

pytestmark = pytest.mark.shared

HAMMERSMITH, LEICESTERSHIRE, SUFFOLK, WORCESTERSHIRE = "E09000013", "E10000018", "E10000029", "E10000034"
LEEDS = "E08000035"


@pytest.fixture(scope="module")
def assistant(real_assistant: Assistant) -> Assistant:
    return real_assistant  # the session's real-data home (tests/conftest.py)


@pytest.fixture(scope="module")
def asc(shared_dir: Path) -> pd.DataFrame:
    return pd.read_csv(shared_dir / "data" / "oflog_asc" / "asc_data.csv").dropna(subset=["Value"])


def _ask(assistant: Assistant, question: str, area: str, conversation: Conversation | None = None) -> Answer:
    return assistant.ask(question, CallerContext(area=area), conversation=conversation)


def _read(answer: Answer) -> dict:
    return answer.to_contract()["understood"]


def _value(asc: pd.DataFrame, code: str, area: str, year: str) -> float:
    rows = asc[(asc["Code"] == code) & (asc["Local authority code"] == area) & (asc["Financial year"] == year)]
    return float(rows["Value"].iloc[0])


def test_the_year_to_march_is_the_financial_year_ending_then() -> None:
    assert parse_periods("carer qol in the year to march 2021?").end == "2020-21"
    assert parse_periods("year ending 31 March 2019").end == "2018-19"
    span = parse_periods("between FY2015-16 and the year to March 2018")
    assert (span.kind, span.start, span.end) == ("span", "2015-16", "2017-18")


def test_who_is_asking_is_not_read_as_a_council(assistant: Assistant) -> None:
    got = _read(_ask(assistant, "Chair's asking - where do we come among our statistical neighbours on "
                                "carer-reported quality of life", LEEDS))
    assert (got["intent"], got["indicators"], got["areas"]) == ("rank", ["ASC1"], [LEEDS, "neighbours"])
    got = _read(_ask(assistant, "Cllr Patel wants to know our reablement outcomes - need it for tomorrow", LEEDS))
    assert got["indicators"] == ["ASC5"] and got["areas"] == [LEEDS]


@pytest.mark.parametrize(("question", "area", "indicator"), [
    ("can you pull 16-19 participation for sterling cheers", "S-stirling", "CHN21"),
    ("How is Falkrik doing on older people with long-term needs getting personal care at home", "S-falkirk", "SW03a"),
    ("what's LBHF's reablement outcomes thanks", HAMMERSMITH, "ASC5"),
    ("CnES council tax collected by the end of the year", "S-eilean-siar", "CORP07"),
])
def test_misspelt_and_abbreviated_councils_are_the_held_ones(assistant: Assistant, question: str, area: str,
                                                             indicator: str) -> None:
    got = _read(_ask(assistant, question, LEEDS))
    assert (got["indicators"], got["areas"]) == ([indicator], [area])


def test_a_compass_word_before_a_held_name_makes_another_council(assistant: Assistant) -> None:
    answer = _ask(assistant, "How does Mid Suffolk do on service users finding information easily?", SUFFOLK)
    assert answer.kind == "none" and "Mid Suffolk" in answer.answer and "Suffolk" in answer.answer
    assert _read(_ask(assistant, "how is east sussex doing on reablement", SUFFOLK))["areas"] == ["E10000011"]


def test_quality_of_life_for_people_on_asc_is_service_users_not_carers(assistant: Assistant) -> None:
    # The name "ASC Quality of Life" says all of it; pooling ASC2's aliases used to make ASC1 the better match.
    assert _read(_ask(assistant, "morning! how is brum doing on quality of life for people on asc", LEEDS))[
        "indicators"] == ["ASC2"]


def test_carer_is_not_care(assistant: Assistant, asc: pd.DataFrame) -> None:
    answer = _ask(assistant, "Can you pull carer QoL for Leics for 16/17", LEEDS)
    got = _read(answer)
    assert (got["intent"], got["indicators"], got["areas"], got["periods"]["to"]) == \
        ("value", ["ASC1"], [LEICESTERSHIRE], "2016-17")
    want = _value(asc, "ASC1", LEICESTERSHIRE, "2016-17")
    assert any(f.area_code == LEICESTERSHIRE and f.period == "2016-17" and f.value == pytest.approx(want)
               for f in answer.figures)


def test_words_and_meaning_that_agree_pick_the_measure(assistant: Assistant) -> None:
    got = _read(_ask(assistant, "who are the 3 weakest in England on carers' access to information and advice in "
                                "16/17", LEEDS))
    assert (got["intent"], got["indicators"], got["n"], got["order"]) == ("rank", ["ASC4"], 3, "worst")


def test_where_do_we_rank_is_a_place_in_a_ranking(assistant: Assistant) -> None:
    got = _read(_ask(assistant, "where do we rank of all the English councils on info access for service users",
                     LEEDS))
    assert (got["intent"], got["indicators"], got["areas"]) == ("rank", ["ASC3"], [LEEDS, "england"])
    # "where do we sit relative to" compares, as before.
    got = _read(_ask(assistant, "where do we sit relative to our stat neighbours for carer quality of life", LEEDS))
    assert got["intent"] == "compare" and got["comparison"] == "neighbours"


def test_and_for_carers_switches_to_the_same_measure_for_carers(assistant: Assistant) -> None:
    thread = Conversation()
    _ask(assistant, "what's our latest service users finding information easily", LEEDS, thread)
    assert _read(_ask(assistant, "and for carers?", LEEDS, thread))["indicators"] == ["ASC4"]
    thread = Conversation()
    _ask(assistant, "what was our quality of life for people using care services in 2018-19", LEEDS, thread)
    got = _read(_ask(assistant, "same but for carers", LEEDS, thread))
    assert (got["indicators"], got["periods"]["to"]) == (["ASC1"], "2018-19")


def test_the_previous_year_is_the_year_before_the_one_asked(assistant: Assistant) -> None:
    thread = Conversation()
    _ask(assistant, "what was our spend on parks per 1,000 population in 2011/12", "S-fife", thread)
    got = _read(_ask(assistant, "what about the previous year?", "S-fife", thread))
    assert (got["indicators"], got["periods"]["to"]) == (["C&L04"], "2010-11")


def test_replace_one_council_with_another(assistant: Assistant) -> None:
    thread = Conversation()
    _ask(assistant, "are we doing better or worse than Orkney on carbon emissions per person across the area in "
                    "FY2017-18?", "S-fife", thread)
    got = _read(_ask(assistant, "replace orkney with shetland", "S-fife", thread))
    assert got["areas"] == ["S-fife", "S-shetland-islands"]


def test_another_council_after_a_trend_is_the_same_trend(assistant: Assistant) -> None:
    thread = Conversation()
    _ask(assistant, "how has our staff turnover in adult social care changed since 2016?", LEEDS, thread)
    got = _read(_ask(assistant, "Ok and Worcestershire?", LEEDS, thread))
    assert (got["intent"], got["areas"], got["periods"]["from"]) == ("trend", [WORCESTERSHIRE], "2016-17")


def test_where_are_we_in_that_after_a_ranking(assistant: Assistant) -> None:
    thread = Conversation()
    _ask(assistant, "which 5 councils are worst across England on reablement outcomes latest", LEEDS, thread)
    got = _read(_ask(assistant, "where are we in that?", LEEDS, thread))
    assert (got["intent"], got["indicators"], got["areas"]) == ("rank", ["ASC5"], [LEEDS, "england"])


def test_has_it_improved_since_runs_from_the_year_last_asked(assistant: Assistant) -> None:
    thread = Conversation()
    _ask(assistant, "what was our total usable reserves against the revenue budget for fy15/16", "S-fife", thread)
    got = _read(_ask(assistant, "has it improved since", "S-fife", thread))
    assert (got["intent"], got["periods"]["from"]) == ("trend", "2015-16")


def test_the_national_figure_is_filed_under_england_and_equals_pandas(assistant: Assistant,
                                                                      asc: pd.DataFrame) -> None:
    thread = Conversation()
    _ask(assistant, "What was our ease of finding information for carers in 18/19?", LEEDS, thread)
    answer = _ask(assistant, "how does that compare nationally", LEEDS, thread)
    year = asc[(asc["Code"] == "ASC4") & (asc["Financial year"] == "2018-19")]
    councils = year[year["Local authority code"].str.match(r"E\d{8}$")]
    national = [f for f in answer.figures if f.area_code == "england" and f.period == "2018-19"]
    assert national and national[0].value == pytest.approx(float(councils["Value"].median()))


@pytest.mark.parametrize(("question", "home", "indicator", "areas"), [
    # "capita?" lost its "ta" to the thanks-stripper, leaving "capi".
    ("how do we compare with west dunbartonshire on co2 emissions per capita?", "S-fife", "CLIM01",
     ["S-fife", "S-west-dunbartonshire"]),
    # The county short form and the compass short form together.
    ("NE Lincs reqs resulting in a service from 2017-18 to the 2018/19 financial year? ta", LEEDS, "ASC6",
     ["E06000012"]),
    # "A roads" is the A class roads measure, not any roads measure.
    ("can you give me A roads that should be considered for maintenance for Angus in 2021-23 please", LEEDS,
     "ENV04b", ["S-angus"]),
])
def test_measures_and_councils_people_abbreviate(assistant: Assistant, question: str, home: str, indicator: str,
                                                 areas: list[str]) -> None:
    got = _read(_ask(assistant, question, home))
    assert (got["indicators"], got["areas"]) == ([indicator], areas)


def test_the_whole_name_said_settles_a_tie(assistant: Assistant) -> None:
    # "CO2 emissions per head": every word of the area-wide measure's name, while "from transport" was not said.
    got = _read(_ask(assistant, "how has E Dunbartonshire's CO2 emissions per head changed since FY 2015-2016",
                     "S-fife"))
    assert (got["intent"], got["indicators"], got["periods"]["from"]) == ("trend", ["CLIM01"], "2015-16")


def test_a_named_council_without_a_comparison_is_the_one_asked_about(sample_assistant) -> None:
    answer = sample_assistant.ask("Latest figure for visits to our leisure centres for greywater borough council",
                                  CallerContext(area="E07999001"))
    got = _read(answer)
    assert (got["intent"], got["areas"]) == ("value", ["E07999010"])


def test_stage_two_is_stage_2(sample_assistant) -> None:
    got = _read(sample_assistant.ask("yoY movement in upheld stage two complaints from FY 2020-2021 up to the 2023/24 "
                                     "financial year?", CallerContext(area="E07999001")))
    assert (got["indicators"], got["periods"]["from"], got["periods"]["to"]) == \
        (["stage2_complaints_upheld"], "2020-21", "2023-24")


@pytest.mark.parametrize(("question", "indicator"), [
    ("Show me the 5 best performers of the 32 Scottish councils on street cleanliness", "ENV03c"),
    ("our spend on collecting rubbish per premises back in FY2016-17", "ENV01a"),
    ("Direction of travel on sickness absence for non-teaching staff?", "CORP06b"),
    ("league table please: best 10 nationally for carers' access to information and advice for fy16/17", "ASC4"),
    ("where do we rank among our statistical neighbours on care workers leaving in 2019/20", "ASC7"),
    ("trend in our council tax collected in year between financial year 11/12 and fy 2014/15", "CORP07"),
])
def test_everyday_words_for_what_measures_call_otherwise(assistant: Assistant, question: str, indicator: str) -> None:
    home = LEEDS if indicator.startswith("ASC") else "S-fife"
    assert _read(_ask(assistant, question, home))["indicators"] == [indicator]


@pytest.mark.parametrize(("question", "indicator"), [
    ("bins not collected in quarter 3 2024/25", "missed_bins_per_100k"),
    ("who's worst in our comparator group for staff leaving the council back in 2019-2020", "staff_turnover"),
])
def test_everyday_words_on_the_sample_council(sample_assistant, question: str, indicator: str) -> None:
    got = _read(sample_assistant.ask(question, CallerContext(area="E07999001")))
    assert got["indicators"] == [indicator]


def test_a_measure_not_held_is_no_service_overview(assistant: Assistant) -> None:
    # "are" was read as a misspelling of "care", turning a question about potholes into a social care overview.
    answer = _ask(assistant, "pothole repairs completed within 28 days - how are we doing?", LEEDS)
    assert _read(answer)["intent"] == "unknown"
    assert _read(_ask(assistant, "how are we doing on scoial care", LEEDS))["intent"] == "overview"


def test_a_council_name_with_commas_not_held_is_said_so(assistant: Assistant) -> None:
    answer = _ask(assistant, "how does Armagh City, Banbridge and Craigavon do on cleanliness of the streets", LEEDS)
    assert _read(answer)["intent"] == "unknown" and "I hold no data for Armagh" in answer.answer


def test_the_authority_is_the_home_council(assistant: Assistant) -> None:
    got = _read(_ask(assistant, "What's the authority's latest supplier payment times? pls", "S-eilean-siar"))
    assert (got["indicators"], got["areas"]) == (["CORP08"], ["S-eilean-siar"])


def test_same_but_for_similar_councils_ranks_the_neighbours(assistant: Assistant) -> None:
    thread = Conversation()
    _ask(assistant, "show me the 3 best performers across England on service users finding information easily "
                    "for financial year 2015/16", LEEDS, thread)
    answer = _ask(assistant, "same but for similar councils", LEEDS, thread)
    got = _read(answer)
    assert (got["intent"], got["areas"], got["n"], got["order"]) == ("rank", ["neighbours"], 3, "best")
    assert "neighbours" in answer.answer.lower()


def test_same_but_for_carers_in_a_longer_thread(assistant: Assistant) -> None:
    thread = Conversation()
    _ask(assistant, "what was our ease of finding info for people using services back in 18/19?", LEEDS, thread)
    assert _read(_ask(assistant, "same but for carers", LEEDS, thread))["indicators"] == ["ASC4"]
    got = _read(_ask(assistant, "and since then?", LEEDS, thread))
    assert (got["indicators"], got["periods"]["from"]) == (["ASC4"], "2018-19")


def test_and_the_bottom_three_keeps_the_group_ranked(assistant: Assistant) -> None:
    thread = Conversation()
    _ask(assistant, "Top 3 in scotland for net cost of waste disposal per premises", "S-fife", thread)
    got = _read(_ask(assistant, "And the bottom 3?", "S-fife", thread))
    assert (got["intent"], got["areas"], got["n"], got["order"]) == ("rank", ["scotland"], 3, "worst")


@pytest.mark.parametrize(("question", "areas"), [
    ("us v Stoke-on-Trent on short-term services outcome, 2015/2016", [LEEDS, "E06000021"]),  # "v" compares
    ("Is B&H better than Pompey on short-term services outcome?", ["E06000043", "E06000044"]),
    ("How does Bham compare with Manchester City Council on carers quality of life?", ["E08000025", "E08000003"]),
    ("MK ease of finding information for service users", ["E06000042"]),  # capitals of a two-word name
    ("the east riding's reablement outcomes in 2022/2023", ["E06000011"]),
    ("st helen's adult social care staff turnover, 21/22", ["E08000013"]),
])
def test_councils_as_people_write_them(assistant: Assistant, question: str, areas: list[str]) -> None:
    assert _read(_ask(assistant, question, LEEDS))["areas"] == areas


@pytest.mark.parametrize("question", [
    "what's Newcastle-under-Lyme's reablment outcomes?",  # not Newcastle upon Tyne
    "West Lancs reablement success rate 2019/20",  # not Lancashire
    "Southmere DC escalated complaints upheld please",
])
def test_a_council_not_held_that_contains_a_held_name(assistant: Assistant, question: str) -> None:
    answer = _ask(assistant, question, LEEDS)
    assert _read(answer)["intent"] == "unknown" and "I hold no data for" in answer.answer


def test_a_name_followed_by_a_year_is_still_the_council(sample_assistant) -> None:
    got = _read(sample_assistant.ask("compare staff turnover for Dunhollow and Hollinsford in FY2020-21",
                                     CallerContext(area="E07999001")))
    assert (got["intent"], got["areas"], got["periods"]["to"]) == ("compare", ["E07999007", "E07999011"], "2020-21")


@pytest.mark.parametrize(("question", "n", "order"), [
    ("which of our stat neighbours has the highest staff turnover in social care?", 1, "worst"),
    ("Among our nearest neighbours, which two have the lowest ease of finding information for carers?", 2, "worst"),
    ("worst performing council in England for care workforce turnover, most recent year", 1, "worst"),
])
def test_league_tables_asked_in_other_words(assistant: Assistant, question: str, n: int, order: str) -> None:
    got = _read(_ask(assistant, question, LEEDS))
    assert (got["intent"], got["n"], got["order"]) == ("rank", n, order)


def test_rank_us_and_the_pecking_order_ask_for_our_place(assistant: Assistant) -> None:
    got = _read(_ask(assistant, "Where are we in the national pecking order on care staff turnover?", LEEDS))
    assert (got["intent"], got["indicators"], got["areas"]) == ("rank", ["ASC7"], [LEEDS, "england"])


@pytest.mark.parametrize("thanks", ["great ta", "ta very much!", "Cheers :pray:"])
def test_thanks_is_not_a_question(assistant: Assistant, thanks: str) -> None:
    thread = Conversation()
    _ask(assistant, "what's our quality of life score for unpaid carers currently", LEEDS, thread)
    answer = _ask(assistant, thanks, LEEDS, thread)
    assert answer.kind == "none" and _read(answer)["intent"] == "unknown" and not answer.figures


@pytest.mark.parametrize("question", ["ASCOF care home admissions for older people", "A&e waiting times for us",
                                      "what's our planning appeal success rate", "bus punctuality for us"])
def test_a_question_naming_a_service_no_measure_mentions_is_not_answered(assistant: Assistant, question: str) -> None:
    answer = _ask(assistant, question, LEEDS)
    assert _read(answer)["intent"] == "unknown" and not answer.figures


def test_a_span_answer_gives_the_path_between_its_ends(assistant: Assistant, asc: pd.DataFrame) -> None:
    answer = _ask(assistant, "How has reablement in Leeds changed between 2016-17 and 2021-22?", LEEDS)
    path = {f.period: f.value for f in answer.figures if f.label == "value in span"}
    assert sorted(path) == ["2017-18", "2018-19", "2019-20", "2020-21"]
    for year, value in path.items():
        assert value == pytest.approx(_value(asc, "ASC5", LEEDS, year))
    assert "Period by period: 54.9% in 2016-17, 59.5% in 2017-18" in answer.answer
    # One period asked: no path.
    single = _ask(assistant, "reablement in Leeds in 2019-20", LEEDS)
    assert not any(f.label == "value in span" for f in single.figures)
