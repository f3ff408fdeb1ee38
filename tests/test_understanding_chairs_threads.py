"""What a user trial of chairs' and officers' questions found answered as something else, on the real Oflog and LGBF
data and the sample council: "where should we challenge?", targets missed by "which of our indicators", a year
asked after a league table, "where's Kent?" after England's top five, "rank all 32" after a comparison, "rank
Kent's nearest neighbours", "temp accom", a Scottish measure asked for an English council, and a quarter not held.
Each failed before the change that fixed it."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.conversation import Conversation
from bot.models import Answer, CallerContext

pytestmark = pytest.mark.shared

LEEDS, KENT, CAMDEN, NORTHBRIDGE = "E08000035", "E10000016", "E09000007", "E07999001"


def _thread(assistant: Assistant, home: str, *turns: str) -> Answer:
    conversation, caller = Conversation(), CallerContext(area=home)
    for turn in turns:
        answer = assistant.ask(turn, caller, conversation=conversation)
    return answer


def _read(answer: Answer) -> dict:
    return answer.to_contract()["understood"]


def test_where_should_we_challenge_is_the_services_overview(real_assistant: Assistant,
                                                            sample_assistant: Assistant) -> None:
    got = _read(_thread(real_assistant, CAMDEN, "Where should we challenge on adult social care?"))
    assert got["intent"] == "overview" and "ASC5" in got["indicators"]
    got = _read(_thread(real_assistant, "S-glasgow-city", "Where should we challenge on children's services?"))
    assert got["intent"] == "overview" and "CHN24" in got["indicators"]
    got = _read(_thread(sample_assistant, NORTHBRIDGE, "Where should we be challenging officers this quarter?"))
    assert got["intent"] == "overview" and len(got["indicators"]) > 10


def test_which_of_our_indicators_are_missing_their_targets(sample_assistant: Assistant) -> None:
    answer = _thread(sample_assistant, NORTHBRIDGE, "Which of our indicators are currently missing their targets?")
    assert _read(answer)["intent"] == "overview" and "Against their targets" in answer.answer


def test_a_year_asked_after_a_league_table_is_that_measure_that_year(real_assistant: Assistant) -> None:
    got = _read(_thread(real_assistant, "S-aberdeenshire", "Bottom 3 in our family group for home care costs?",
                        "how did we do in 2018-19?"))
    assert (got["intent"], got["indicators"], got["areas"], got["periods"]["to"]) == (
        "value", ["SW01"], ["S-aberdeenshire"], "2018-19")
    # An overview asked in so many words is still every indicator.
    got = _read(_thread(real_assistant, LEEDS, "what's our reablement rate?", "an overview of everything"))
    assert got["intent"] == "overview" and len(got["indicators"]) == 7


def test_where_is_a_council_after_a_league_table_is_its_place_in_it(real_assistant: Assistant) -> None:
    answer = _thread(real_assistant, LEEDS, "Top 5 in England for the short-term services outcome", "where's Kent?")
    got = _read(answer)
    assert (got["intent"], got["areas"], got["n"]) == ("rank", [KENT, "england"], None)
    assert "Kent is 119th of 151" in answer.answer


def test_rank_them_all_after_a_comparison_is_the_whole_table(real_assistant: Assistant) -> None:
    got = _read(_thread(real_assistant, "S-glasgow-city", "Glasgow vs Scotland on child poverty", "vs Dundee",
                        "rank all 32"))
    assert (got["intent"], got["areas"], got["n"]) == ("rank", ["scotland"], 32)
    got = _read(_thread(real_assistant, KENT, "Rank Kent's nearest neighbours on requests resulting in a service"))
    assert (got["intent"], got["areas"], got["n"]) == ("rank", ["neighbours"], 16)


def test_temp_accom_is_temporary_accommodation(sample_assistant: Assistant) -> None:
    assert _read(_thread(sample_assistant, NORTHBRIDGE, "temp accom figures pls"))["indicators"] == [
        "temporary_accommodation_per_1000"]


def test_a_scottish_measure_asked_for_an_english_council_says_whose_it_is(real_assistant: Assistant) -> None:
    answer = _thread(real_assistant, LEEDS, "leeds delayed discharges?")
    assert "for 32 councils in Scotland, but no value of it for Leeds" in answer.answer


def test_a_quarter_not_held_says_so_and_gives_the_latest_quarter(sample_assistant: Assistant) -> None:
    answer = _thread(sample_assistant, NORTHBRIDGE, "recycling figure for q3?")
    assert "No Q3 value is held for Northbridge District Council; the latest quarter held, 2024-25 Q2" in answer.answer
    assert any(f.period == "2024-25 Q2" for f in answer.figures)


def test_initials_two_councils_share_are_the_one_in_the_askers_nation(real_assistant: Assistant) -> None:
    # "NLC" is North Lanarkshire Council and North Lincolnshire Council.
    assert _read(_thread(real_assistant, "S-shetland-islands", "NLC time per commercial planning application for "
                                                               "2012/13"))["areas"] == ["S-north-lanarkshire"]
    assert _read(_thread(real_assistant, LEEDS, "NLC reablement"))["areas"] == ["E06000013"]


def test_the_worst_one_after_an_overview_is_its_first_line(real_assistant: Assistant) -> None:
    overview = _thread(real_assistant, KENT, "how is Kent doing on adult social care")
    first = overview.figures[0].indicator_id
    got = _read(_thread(real_assistant, KENT, "how is Kent doing on adult social care",
                        "tell me more about the worst one"))
    assert (got["intent"], got["indicators"], got["areas"]) == ("value", [first], [KENT])


def test_the_year_before_the_latest_answer(real_assistant: Assistant) -> None:
    # "leeds reablement" is answered for 2022-23; "the year before?" is 2021-22, then 2020-21.
    got = _read(_thread(real_assistant, LEEDS, "leeds reablement", "the year before?"))
    assert (got["indicators"], got["periods"]["to"]) == (["ASC5"], "2021-22")
    got = _read(_thread(real_assistant, LEEDS, "leeds reablement", "the year before?", "and the year before that?"))
    assert got["periods"]["to"] == "2020-21"


def test_is_that_the_highest_is_our_place_not_a_measure(real_assistant: Assistant) -> None:
    # "highest" is a word of "% of the Highest Paid 5% of Employees who are Women": it took the thread over.
    got = _read(_thread(real_assistant, "S-orkney-islands", "orkney home care costs per hour",
                        "is that the highest in Scotland?"))
    assert (got["intent"], got["indicators"], got["areas"]) == ("rank", ["SW01"], ["S-orkney-islands", "scotland"])


def test_a_measure_versus_one_council_sets_us_beside_it(sample_assistant: Assistant) -> None:
    got = _read(_thread(sample_assistant, NORTHBRIDGE, "sickness absence 2019/2020 vs Greywater"))
    assert (got["intent"], got["areas"], got["periods"]["to"]) == ("compare", [NORTHBRIDGE, "E07999010"], "2019-20")
    # One year against another is a span, not a comparison of councils.
    got = _read(_thread(sample_assistant, NORTHBRIDGE, "change in staff turnover for fernleigh, 2021-2022 vs "
                                                       "2023-2024?"))
    assert (got["intent"], got["areas"]) == ("trend", ["E07999009"])


def test_which_councils_do_better_than_us_is_the_whole_table(real_assistant: Assistant) -> None:
    answer = _thread(real_assistant, "S-fife", "Which councils in our family group do better than us on delayed "
                                               "discharges?")
    got = _read(answer)
    assert (got["intent"], got["areas"], got["n"]) == ("rank", ["neighbours"], 8)
    assert "Clackmannanshire" in answer.answer and "Renfrewshire" in answer.answer


def test_a_league_table_after_a_year_not_held_is_of_the_year_answered(real_assistant: Assistant) -> None:
    # No council holds 2024-25; "reablement in 2024-25" is answered with 2022-23, and "top 3" is of 2022-23 (it was
    # "no ASC5 values in 2024-25").
    answer = _thread(real_assistant, LEEDS, "leeds reablement in 2024-25", "top 3 in england")
    got = _read(answer)
    assert (got["intent"], got["areas"], got["periods"]["to"]) == ("rank", ["england"], "2022-23")
    assert answer.figures
