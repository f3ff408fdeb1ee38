"""Council names typed with one slip in a short name ("Leds", "Ketn", "fief") or in a compass word ("Noth
Somerset"), on the real Oflog and LGBF data. A sweep of every held council's name with a random slip missed these;
each failed before the change that fixed it."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.models import CallerContext

pytestmark = pytest.mark.shared

FIFE, LEEDS, KENT, NORTH_SOMERSET, SOMERSET = "S-fife", "E08000035", "E10000016", "E06000024", "E10000027"
WIGAN, MORAY = "E08000010", "S-moray"


def _areas(assistant: Assistant, question: str, home: str) -> list[str]:
    return assistant.ask(question, CallerContext(area=home)).to_contract()["understood"]["areas"]


@pytest.mark.parametrize(("question", "home", "area"), [
    ("what is the reablement for Leds?", KENT, LEEDS),
    ("what is the reablement for Ketn?", LEEDS, KENT),
    ("what is the reablement for wign?", LEEDS, WIGAN),
    ("what is the recycling rate for fief?", MORAY, FIFE),
    ("what is the recycling rate for Mory?", FIFE, MORAY),
])
def test_one_slip_in_a_short_council_name(real_assistant: Assistant, question: str, home: str, area: str) -> None:
    assert _areas(real_assistant, question, home) == [area]


def test_a_slip_in_a_compass_word_is_not_the_plain_name(real_assistant: Assistant) -> None:
    assert _areas(real_assistant, "what is the reablement for Noth Somerset?", LEEDS) == [NORTH_SOMERSET]
    assert _areas(real_assistant, "what is the reablement for Somerset?", LEEDS) == [SOMERSET]


def test_an_everyday_word_one_slip_from_a_council_is_not_that_council(real_assistant: Assistant) -> None:
    # "five" is one letter from Fife; as a number after "for" it is never read as the council.
    got = _areas(real_assistant, "recycling rate for five years", MORAY)
    assert FIFE not in got


def test_a_measure_named_whole_is_not_its_services_overview(sample_assistant: Assistant) -> None:
    # "business rates" and "collection" are each words of the finance service; said together they name one measure.
    got = sample_assistant.ask("how did we do on business rates collection in 2019/20",
                               CallerContext(area="E07999001")).to_contract()["understood"]
    assert (got["intent"], got["indicators"], got["periods"]["to"]) == ("value", ["business_rates_collection"],
                                                                         "2019-20")
    got = sample_assistant.ask("how are we doing on waste and recycling?",
                               CallerContext(area="E07999001")).to_contract()["understood"]
    assert got["intent"] == "overview" and len(got["indicators"]) == 4


def _read(assistant: Assistant, question: str, home: str) -> dict:
    return assistant.ask(question, CallerContext(area=home)).to_contract()["understood"]


def test_what_position_we_hold_is_our_place(real_assistant: Assistant) -> None:
    got = _read(real_assistant, "I'd be grateful if you could tell me what position we hold in our comparator group "
                                "for carer quality of life?", LEEDS)
    assert (got["intent"], got["areas"], got["n"]) == ("rank", [LEEDS, "neighbours"], None)
    got = _read(real_assistant, "what position are we in across Scotland for library cost per visit?", FIFE)
    assert (got["intent"], got["areas"]) == ("rank", [FIFE, "scotland"])


def test_which_authority_is_best_is_one_council(real_assistant: Assistant) -> None:
    got = _read(real_assistant, "which authority in our comparator group is the best-performing on child poverty "
                                "after housing costs?", FIFE)
    assert (got["intent"], got["n"], got["order"]) == ("rank", 1, "best")


def test_overviews_in_a_service_officers_words(real_assistant: Assistant, sample_assistant: Assistant) -> None:
    assert _read(real_assistant, "Hows adult social care services looking for us", LEEDS)["intent"] == "overview"
    got = _read(sample_assistant, "please can you confirm how Redbourne Vale District Council is performing across "
                                  "homelessness?", "E07999001")
    assert got["intent"] == "overview" and len(got["indicators"]) == 2


def test_did_we_meet_it_after_a_target_question_is_the_target(sample_assistant: Assistant) -> None:
    from bot.conversation import Conversation

    conversation, caller = Conversation(), CallerContext(area="E07999001")
    for turn in ("could you tell me whether we're meeting our recycling rate target?", "And business rates "
                 "collection?", "Did we meet it in 2023-2024?"):
        answer = sample_assistant.ask(turn, caller, conversation=conversation)
    got = answer.to_contract()["understood"]
    assert (got["intent"], got["indicators"], got["periods"]["to"]) == ("target", ["business_rates_collection"],
                                                                         "2023-24")


def test_the_last_two_years_of_a_survey_held_every_few_years_is_a_span(real_assistant: Assistant) -> None:
    # Gateshead's carers' survey is held for 2018-19 and 2021-22: "the past 2 years" (from 2019-20) starts at
    # 2018-19, the nearest year held before it, and is not cut down to 2021-22 alone.
    answer = real_assistant.ask("Carer quality of life over the past 2 years please", CallerContext(area="E08000037"))
    got = answer.to_contract()["understood"]
    assert got["periods"] == {"from": "2019-20", "to": "2021-22"}
    assert "starts at 2018-19, the nearest year held before it" in answer.answer
    assert {f.period for f in answer.figures if f.area_code == "E08000037" and f.indicator_id == "ASC1"} >= {
        "2018-19", "2021-22"}


def test_a_quarter_of_annual_data_is_answered_with_the_year_it_falls_in(real_assistant: Assistant) -> None:
    # Q1 2022-23 lies inside 2022-23, which Leeds holds (70.3%); it was answered with 2021-22 (71.4%).
    answer = real_assistant.ask("reablement Q1 2022-23", CallerContext(area=LEEDS))
    assert answer.to_contract()["understood"]["periods"]["to"] == "2022-23 Q1"
    assert "only annual values for this indicator; 2022-23 is used" in answer.answer
    headline = [f for f in answer.figures if f.area_code == LEEDS and f.indicator_id == "ASC5"]
    assert headline and headline[0].period == "2022-23" and headline[0].value == pytest.approx(70.3)


@pytest.mark.parametrize(("question", "home", "want"), [
    ("5 councils w/ the highest care workforce turnover out of all english councils before group meeting", LEEDS,
     {"intent": "rank", "areas": ["england"], "n": 5, "order": "worst"}),
    ("q for the bot - whos bottom among our cipfa neighbours for carers ease of finding info about support cheers",
     LEEDS, {"intent": "rank", "areas": ["neighbours"], "n": 1, "order": "worst"}),
    ("whats our ranking in our nn group for social care users quality of life", LEEDS,
     {"intent": "rank", "areas": [LEEDS, "neighbours"]}),
    ("requests for support resulting in a service: kcc or calderdale, who's better?", "E08000033",
     {"intent": "compare", "areas": [KENT, "E08000033"]}),
    ("whats the short term support outcomes figure for NYCC back in 2015", LEEDS,
     {"intent": "value", "areas": ["E10000023"]}),
    ("has carer ease of finding information improved for london borough of hounslow since 2016", LEEDS,
     {"intent": "trend", "areas": ["E09000018"]}),
    ("How's LB Barking and Dagenham doin on adult social care?", LEEDS,
     {"intent": "overview", "areas": ["E09000002"]}),
    ("s ayrshires waste disposal cost per premises since 2013", "S-inverclyde",
     {"intent": "trend", "areas": ["S-south-ayrshire"]}),
    ("whats scot borders non-teacher sickness absence 2013-14? - need it for o&s tmrw", FIFE,
     {"intent": "value", "areas": ["S-scottish-borders"]}),
])
def test_phone_shorthand(real_assistant: Assistant, question: str, home: str, want: dict) -> None:
    got = _read(real_assistant, question, home)
    for key, value in want.items():
        assert (sorted(got[key]) if key == "areas" else got[key]) == (sorted(value) if key == "areas" else value), key


def test_how_is_a_council_doing_on_a_measure_is_that_measure(real_assistant: Assistant) -> None:
    assert _read(real_assistant, "how is Kent doing on adult social care", LEEDS)["intent"] == "overview"
    got = _read(real_assistant, "How is Cambs doing on carers' own QoL rating?", LEEDS)
    assert (got["intent"], got["indicators"]) == ("value", ["ASC1"])


def test_flip_it_turns_a_league_table_round(real_assistant: Assistant) -> None:
    from bot.conversation import Conversation

    conversation, caller = Conversation(), CallerContext(area=LEEDS)
    for turn in ("gimme the top 3 among our nearest neighbours for service user ease of finding information",
                 "same but for all of england", "flip it"):
        answer = real_assistant.ask(turn, caller, conversation=conversation)
    got = answer.to_contract()["understood"]
    assert (got["areas"], got["n"], got["order"]) == (["england"], 3, "worst")


@pytest.mark.parametrize(("question", "home", "named"), [
    ("whats caerphillys ease of finding info for service users?", LEEDS, "Caerphilly: it is a Welsh council"),
    ("carers ease of finding info about support for derry and strabane", LEEDS, "Northern Irish council"),
    ("royal borough of frettingham care requests that end in a service latest?", LEEDS, "Frettingham"),
    ("whats the participation rate for 16 to 19 year olds for south mardle dc?", FIFE, "South Mardle DC"),
])
def test_councils_not_held_typed_in_lower_case_are_named(real_assistant: Assistant, question: str, home: str,
                                                          named: str) -> None:
    answer = real_assistant.ask(question, CallerContext(area=home))
    assert answer.to_contract()["understood"]["intent"] == "unknown"
    assert named in answer.answer and not answer.figures


def test_same_but_another_measure_keeps_the_council_and_span(real_assistant: Assistant) -> None:
    from bot.conversation import Conversation

    conversation, caller = Conversation(), CallerContext(area="S-orkney-islands")
    for turn in ("our invoices paid within 30 days fy20/21 -> 21/22? (for the chair)", "ok and renfrewshire?",
                 "same but cost of waste disposal per premises"):
        answer = real_assistant.ask(turn, caller, conversation=conversation)
    got = answer.to_contract()["understood"]
    assert (got["intent"], got["indicators"], got["areas"], got["periods"]) == (
        "trend", ["ENV02a"], ["S-renfrewshire"], {"from": "2020-21", "to": "2021-22"})
