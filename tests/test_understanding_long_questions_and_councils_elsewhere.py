"""Long questions read like their short form, and councils the data does not cover are named as not held, on the
real Oflog and LGBF data: the asker's own talk ("I'm drafting the convener's note", "for the committee report") is
not measure wording, a league table with no size lists the whole group, and Wrexham or Derry City & Strabane get "I
hold no data for …" instead of another council's figures. Each failed before the change that fixed it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bot.assistant import Assistant
from bot.models import Answer, CallerContext

pytestmark = pytest.mark.shared

YORK, FIFE, STIRLING, ANGUS = "E06000014", "S-fife", "S-stirling", "S-angus"


@pytest.fixture(scope="module")
def assistant(real_assistant: Assistant) -> Assistant:
    return real_assistant  # the session's real-data home (tests/conftest.py)


def _ask(assistant: Assistant, question: str, area: str) -> Answer:
    return assistant.ask(question, CallerContext(area=area))


def _read(answer: Answer) -> dict:
    return answer.to_contract()["understood"]


def test_the_askers_own_talk_does_not_hide_the_measure(assistant: Assistant) -> None:
    got = _read(_ask(assistant, "I'm drafting the convener's note and have left a gap where our pupils with five or "
                                "more awards at Higher level should go. What's the most recent figure?", FIFE))
    assert (got["intent"], got["indicators"], got["areas"]) == ("value", ["CHN05"], [FIFE])
    got = _read(_ask(assistant, "Can you pull quality of life score for unpaid carers for us, fy16/17 through to "
                                "fy21/22? I want to see whether the new contract made any difference at all, because "
                                "the cabinet member keeps saying it did", YORK))
    assert (got["intent"], got["indicators"], got["periods"]) == ("trend", ["ASC1"],
                                                                  {"from": "2016-17", "to": "2021-22"})
    got = _read(_ask(assistant, "hello - i'd like to see how we moved on delayed discharge days for over-75s between "
                                "financial year 2016/17 and 2018-19 (for the committee report)", STIRLING))
    assert (got["intent"], got["indicators"]) == ("trend", ["SW08"])


def test_a_named_committee_is_not_an_overview(assistant: Assistant) -> None:
    answer = _ask(assistant, "Who chairs the overview and scrutiny committee?", FIFE)
    assert _read(answer)["intent"] != "overview"


def test_measures_as_typed(assistant: Assistant) -> None:
    # "usable" for "Useable", and the general fund's ratio when the HRA is not said.
    got = _read(_ask(assistant, "how did we do on usable reserves as a share of budget in 2021-22?", STIRLING))
    assert (got["intent"], got["indicators"]) == ("value", ["FINSUS01"])
    got = _read(_ask(assistant, "Shetland financing costs against net revenue stream 2018-19", STIRLING))
    assert got["indicators"] == ["FINSUS03"]
    # The cost of collecting council tax is not the collection rate.
    got = _read(_ask(assistant, "what's our council tax collection cost per house in 2019/20", STIRLING))
    assert got["indicators"] == ["CORP04"]
    got = _read(_ask(assistant, "how do we compare with our family group on employability job outcomes", ANGUS))
    assert (got["intent"], got["indicators"]) == ("compare", ["ECON01"])


def test_a_league_table_with_no_size_lists_the_whole_group(assistant: Assistant, shared_dir: Path) -> None:
    answer = _ask(assistant, "full family group league table for town centre vacancy rate please", "S-highland")
    got = _read(answer)
    ranked = {f.area_code for f in answer.figures if f.indicator_id == "ECON09"}
    assert (got["intent"], got["indicators"], got["n"]) == ("rank", ["ECON09"], len(ranked))
    assert got["n"] == 8  # an LGBF family group has eight councils
    got = _read(_ask(assistant, "league table of the best 3 in our family group for town vacancy rates", "S-highland"))
    assert got["n"] == 3


def test_councils_the_data_does_not_cover_are_said_to_be_not_held(assistant: Assistant) -> None:
    for question, name in (("Wrexham - info and advice for service users - latest", "Wrexham"),
                           ("Derry City & Strabane - new business start-ups via Business Gateway",
                            "Derry City & Strabane"),
                           ("how does Harrogate Borough Council do on care staff turnover", "Harrogate"),
                           ("carer quality of life in Cheltenham", "Cheltenham")):
        answer = _ask(assistant, question, YORK)
        assert answer.figures == [], question
        assert f"I hold no data for {name}" in answer.answer, (question, answer.answer)


def test_a_one_word_council_name_needs_a_capital(assistant: Assistant) -> None:
    # "rugby" in lower case is the sport, not Rugby Borough Council: the question still reaches a measure.
    answer = _ask(assistant, "how is our staff turnover in adult social care, compared with rugby clubs' figures?",
                  YORK)
    assert "I hold no data for" not in answer.answer


def test_figures_of_a_long_question_match_the_raw_data(assistant: Assistant, shared_dir: Path) -> None:
    asc = pd.read_csv(shared_dir / "data" / "oflog_asc" / "asc_data.csv").dropna(subset=["Value"])
    answer = _ask(assistant, "For the audit pre-meet I need carer quality of life for us from fy16/17 to fy21/22",
                  YORK)
    rows = asc[(asc["Code"] == "ASC1") & (asc["Local authority code"] == YORK)]
    expected = {str(y): float(v) for y, v in zip(rows["Financial year"], rows["Value"], strict=True)}
    got = [(f.period, f.value) for f in answer.figures if f.indicator_id == "ASC1" and f.area_code == YORK]
    # The council's own value of each end of the span is among the figures (its group's medians are too).
    for period in ("2016-17", "2021-22"):
        assert any(p == period and v == pytest.approx(expected[period], abs=0.05) for p, v in got), period


def _thread(assistant: Assistant, area: str, *turns: str) -> dict:
    from bot.conversation import Conversation

    conversation = Conversation()
    answer = None
    for turn in turns:
        answer = assistant.ask(turn, CallerContext(area=area), conversation=conversation)
    assert answer is not None
    return _read(answer)


def test_a_league_table_follow_up_keeps_the_table(assistant: Assistant) -> None:
    # "X instead" swaps the measure and keeps the ranking; "same again for the family group" moves it to the group.
    got = _thread(assistant, "S-argyll-and-bute", "worst 3 in Scotland for waste collection cost per property",
                  "ok, sick days per non-teacher employee instead")
    assert (got["intent"], got["indicators"], got["n"], got["order"]) == ("rank", ["CORP06b"], 3, "worst")
    got = _thread(assistant, "S-argyll-and-bute", "worst 3 in Scotland for waste collection cost per property",
                  "ok, sick days per non-teacher employee instead", "same again for the family group")
    assert (got["intent"], got["areas"], got["n"]) == ("rank", ["neighbours"], 3)
    # "our CIPFA neighbours": "our" names the group to rank, not a council to add.
    got = _thread(assistant, "E10000034", "Which five councils are best across England on turnover rate for care "
                                          "staff?", "same but just our CIPFA neighbours")
    assert (got["intent"], got["indicators"], got["areas"], got["n"]) == ("rank", ["ASC7"], ["neighbours"], 5)


def test_a_measure_without_an_age_band_is_the_whole_population_one(assistant: Assistant) -> None:
    got = _thread(assistant, "S-argyll-and-bute", "who's best within the family group for claimant count?",
                  "and where do we come?")
    assert (got["intent"], got["indicators"], got["areas"]) == ("rank", ["ECON12a"],
                                                                ["S-argyll-and-bute", "neighbours"])


def test_years_said_in_words() -> None:
    from indicators.asked_periods import parse_periods, spoken_years

    assert spoken_years("what's the trend on fly-tipping since twenty twenty") == \
        "what's the trend on fly-tipping since 2020"
    assert spoken_years("recycling in two thousand and nineteen") == "recycling in 2019"
    assert parse_periods(spoken_years("between twenty seventeen and twenty twenty-two")).kind == "span"


def test_words_of_a_target_question_and_of_its_asker(assistant: Assistant) -> None:
    got = _read(_ask(assistant, "in-year council tax collection for quarter 2 of 2018-19 - the finance officer says "
                                "it's dipped", "S-east-lothian"))
    assert (got["indicators"], got["areas"]) == (["CORP07"], ["S-east-lothian"])


def test_sample_council_abbreviations_and_street_scene(sample_assistant: Assistant) -> None:
    home = "E07999001"
    got = _read(sample_assistant.ask("How far off target are we on TA?", CallerContext(area=home)))
    assert (got["intent"], got["indicators"]) == ("target", ["temporary_accommodation_per_1000"])
    got = _read(sample_assistant.ask("Did majors come in above target in 2021-2022? The agent's forum is saying we "
                                     "were way off", CallerContext(area=home)))
    assert (got["intent"], got["indicators"]) == ("target", ["planning_major_in_time"])
    # Fly-tipping is street scene: a waste and recycling overview lists the four waste measures.
    got = _read(sample_assistant.ask("How's waste and recycling looking overall?", CallerContext(area=home)))
    assert got["intent"] == "overview" and "fly_tipping_per_1000" not in got["indicators"]
    assert len(got["indicators"]) == 4
    got = _read(sample_assistant.ask("what's the trend on fly-tipping since twenty twenty", CallerContext(area=home)))
    assert (got["intent"], got["indicators"], got["periods"]["from"]) == ("trend", ["fly_tipping_per_1000"],
                                                                          "2020-21")


def test_us_in_a_list_of_councils_is_one_of_them(assistant: Assistant) -> None:
    got = _read(_ask(assistant, "us, Edinburgh City and Scottish Borders on secondary cost per pupil for 2016/17 - "
                                "who comes out best?", "S-argyll-and-bute"))
    assert (got["intent"], got["areas"]) == ("compare", ["S-argyll-and-bute", "S-edinburgh-city",
                                                         "S-scottish-borders"])


def test_paraphrased_measures_and_a_question_about_speed(assistant: Assistant,
                                                         sample_assistant: Assistant) -> None:
    got = _read(_ask(assistant, "is how clean the streets are getting worse here?", "S-inverclyde"))
    assert (got["intent"], got["indicators"]) == ("trend", ["ENV03c"])  # the cleanliness score, "% acceptable"
    got = _read(_ask(assistant, "is how unpaid carers rate their own lives getting worse here", "E08000027"))
    assert (got["intent"], got["indicators"]) == ("trend", ["ASC1"])
    # Fly-tipping incidents are held; how fast they are cleared is not.
    answer = sample_assistant.ask("How quickly do we clear fly-tipping", CallerContext(area="E07999001"))
    assert answer.figures == [] and _read(answer)["intent"] == "unknown"
    got = _read(sample_assistant.ask("how quickly do we decide major planning applications?",
                                     CallerContext(area="E07999001")))
    assert got["indicators"] == ["planning_major_in_time"]


def test_follow_ups_after_an_overview_and_a_league_table(assistant: Assistant, sample_assistant: Assistant) -> None:
    got = _thread(assistant, "S-west-lothian", "Overview of our council housing please",
                  "drill into SHQS compliance - how has it moved over the last three years?")
    assert (got["intent"], got["indicators"]) == ("trend", ["HSN03"])  # meeting the SHQS
    got = _thread(assistant, "S-east-lothian", "League table please: best 5 in our benchmarking family for carbon "
                                               "emissions per person across the area at the moment",
                  "now the worst 3", "where do we sit?")
    assert (got["intent"], got["indicators"], got["areas"]) == ("rank", ["CLIM01"], ["S-east-lothian", "neighbours"])
    conversation_home = "E07999001"
    from bot.conversation import Conversation

    conversation = Conversation()
    sample_assistant.ask("what's our latest kg of rubbish per household", CallerContext(area=conversation_home),
                         conversation=conversation)
    answer = sample_assistant.ask("How about fernley", CallerContext(area=conversation_home),
                                  conversation=conversation)
    assert _read(answer)["areas"] == ["E07999009"]  # Fernleigh, typed as it sounds


def test_a_misspelt_second_council_and_is_that_good(assistant: Assistant) -> None:
    got = _read(_ask(assistant, "street cleansing spend per 1,000 population in the latest year: inverclyde council "
                                "or Sterling", FIFE))
    assert (got["intent"], got["areas"]) == ("compare", ["S-inverclyde", STIRLING])
    # "is that good" judges the last answer: it does not name the measure "graded good or better".
    got = _thread(assistant, FIFE, "what's the most recent figure for days people spend in hospital when they're "
                                   "ready to go home?", "and in FY2017-18?",
                  "Is that good compared with our benchmarking family")
    assert (got["intent"], got["indicators"], got["areas"]) == ("compare", ["SW08"], [FIFE, "neighbours"])
    got = _read(_ask(assistant, "How did we do on care services rated good or better by the Care Inspectorate for "
                                "2012-13?", FIFE))
    assert got["indicators"] == ["SW07"]


def test_the_committee_diary_is_not_a_measure(assistant: Assistant) -> None:
    answer = _ask(assistant, "When's the next Health and Adult Social Care Scrutiny meeting", YORK)
    assert answer.figures == [] and _read(answer)["intent"] != "value"


def test_everyday_descriptions_and_typos_of_measures_and_councils(assistant: Assistant,
                                                                  sample_assistant: Assistant) -> None:
    for question, home, indicator in (
            ("is delayed dischrage days getting worse here?", "S-glasgow-city", "SW08"),
            ("what are our numbers on home care cost per hr over 65", "S-moray", "SW01"),
            ("Are we improving on school leavers going on to jobs, training or uni?", STIRLING, "CHN11"),
            ("people bounced back into hospital within a month: getting better or worse for us", FIFE, "SW06"),
            ("can i get the latest figure on folk needing nothing more after short term help", YORK, "ASC5"),
            ("Has do carers know where to get help been going the right way for us", YORK, "ASC4"),
            ("latest on how many contacts turn into a care package for us", YORK, "ASC6"),
            ("what are our numbers on paying suppliers promptly", STIRLING, "CORP08")):
        assert _read(_ask(assistant, question, home))["indicators"] == [indicator], question
    got = _read(_ask(assistant, "can i get the latest figure on kids growing up poor", FIFE))
    assert got["intent"] == "value"  # "growing up" is not a trend
    got = _read(_ask(assistant, "us vs falkrik on homes meeting the scottish housing quality standard",
                     "S-south-ayrshire"))
    assert (got["intent"], got["areas"]) == ("compare", ["S-south-ayrshire", "S-falkirk"])
    got = _read(sample_assistant.ask("how do we compare with eastmeer on council staff turnover?",
                                     CallerContext(area="E07999001")))
    assert got["areas"] == ["E07999001", "E07999002"]
    # A word that only looks like a council where no council would stand is left alone ("who leads" is not Leeds).
    got = _read(_ask(assistant, "who leads the family group for sports facility cost per visit",
                     "S-west-dunbartonshire"))
    assert got["intent"] == "rank" and got["areas"] == ["neighbours"]


def test_councils_not_held_in_the_ways_people_name_them(sample_assistant: Assistant) -> None:
    # A fictional or unheld council is not read as the home council, nor as a near-spelt held one with the same
    # generic words ("Southbridge District Council" is not Northbridge District Council).
    for question in ("how is Southbridge District Council doing on residual waste per household",
                     "temporary accommodation for southbridge district council",
                     "compare us with Kent on residual household waste",
                     "compare us with Loch Ness Council on missed bins",
                     "compare us with northshire on household waste recycled",
                     "missed bins for the Royal Borough of Camelot",
                     "street cleaning cost per 1,000 population for loch ness council"):
        answer = sample_assistant.ask(question, CallerContext(area="E07999001"))
        # No figures for any council; the sample home's documents may still be quoted.
        assert answer.figures == [], (question, answer.answer[:120])
        assert _read(answer)["areas"] != ["E07999001"], question
    # Food waste is not the residual waste measure.
    answer = sample_assistant.ask("food waste collected per household", CallerContext(area="E07999001"))
    assert answer.figures == []
    # Held names still work, and "Did we meet the council tax target" names no council.
    got = _read(sample_assistant.ask("Did we meet the council tax collected in year target last year",
                                     CallerContext(area="E07999001")))
    assert (got["intent"], got["indicators"]) == ("target", ["council_tax_collection"])


def test_bed_days_self_directed_support_and_the_scope_of_a_ranking(assistant: Assistant,
                                                                   sample_assistant: Assistant) -> None:
    got = _read(_ask(assistant, "how has our delayed discharge bed days for 75+ changed since 2019?",
                     "S-perth-and-kinross"))
    assert (got["intent"], got["indicators"]) == ("trend", ["SW08"])  # not a question about care home beds
    got = _read(_ask(assistant, "Which 3 councils are best on self-directed support spend share of the 32 scottish "
                                "councils", "S-angus"))
    assert (got["intent"], got["indicators"], got["n"]) == ("rank", ["SW02"], 3)
    got = _read(_ask(assistant, "which council is worst on street cleanliness score of the 32 scottish councils",
                     "S-west-dunbartonshire"))
    assert (got["intent"], got["n"], got["order"]) == ("rank", 1, "worst")  # 32 is the scope, not the list
    got = _read(sample_assistant.ask("How has fly-tipping for us been trending since 2020-2021",
                                     CallerContext(area="E07999001")))
    assert (got["intent"], got["indicators"]) == ("trend", ["fly_tipping_per_1000"])


def test_slips_of_the_keyboard_overviews_and_rankings_in_other_words(assistant: Assistant,
                                                                     sample_assistant: Assistant) -> None:
    got = _read(_ask(assistant, "waht's our ranking in England for care staff turnover", "E10000011"))
    assert (got["intent"], got["indicators"], got["areas"]) == ("rank", ["ASC7"], ["E10000011", "england"])
    got = _read(_ask(assistant, "Ahead of the scrutiny panel, can I have our statistical neighbours ranked on "
                                "turnover of the care workforce, best to worst?", "E06000034"))
    assert (got["intent"], got["indicators"], got["areas"]) == ("rank", ["ASC7"], ["neighbours"])
    assert got["n"] is not None and got["n"] > 5  # the whole group, best to worst
    got = _read(_ask(assistant, "Is adult services improving overall or going backwards?", YORK))
    assert got["intent"] == "overview" and "ASC7" in got["indicators"]
    got = _read(_ask(assistant, "Long-term picture for care workforce turnover, please.", YORK))
    assert (got["intent"], got["indicators"]) == ("trend", ["ASC7"])
    got = _read(_ask(assistant, "can I see the four-year trend for carer quality of life?", YORK))
    assert got["intent"] == "trend" and got["periods"]["from"] is not None
    got = _read(_ask(assistant, "how are we on ctax collection", "S-moray"))
    assert got["indicators"] == ["CORP07"]  # the collection rate, not its cost
    got = _read(_ask(assistant, "how are we on homecare hourly rate thanks", "S-glasgow-city"))
    assert got["indicators"] == ["SW01"]
    home = CallerContext(area="E07999001")
    got = _read(sample_assistant.ask("What's the overall story on homelessness?", home))
    assert got["intent"] == "overview"
    assert set(got["indicators"]) == {"homelessness_prevention_rate", "temporary_accommodation_per_1000"}
    got = _read(sample_assistant.ask("Is there a clear trend in our fly-tipping or is it just noise?", home))
    assert (got["intent"], got["indicators"]) == ("trend", ["fly_tipping_per_1000"])
    got = _read(sample_assistant.ask("how did staff sickness do against its target in the second quarter of "
                                     "2024/25", home))
    assert got["periods"]["to"] == "2024-25 Q2"


def test_follow_ups_that_swap_a_council_or_change_the_group(assistant: Assistant, sample_assistant: Assistant) -> None:
    got = _thread(assistant, YORK, "ease of finding info about support for carers vs councils across England?",
                  "same for our comparator group")
    assert (got["intent"], got["areas"]) == ("compare", [YORK, "neighbours"])
    from bot.conversation import Conversation

    home, conversation = CallerContext(area="E07999001"), Conversation()
    sample_assistant.ask("staff turnover: us vs Castlebrook Borough Council", home, conversation=conversation)
    answer = sample_assistant.ask("what about Kingsford Borough Council instead?", home, conversation=conversation)
    assert (_read(answer)["intent"], _read(answer)["areas"]) == ("compare", ["E07999001", "E07999003"])
    # "against comparable councils … where do we sit?" sets us beside them; "where do we sit in …" ranks us.
    got = _read(_ask(assistant, "28-day readmission rate per 1,000 discharges against comparable councils in our "
                                "family - where do we sit?", FIFE))
    assert got["intent"] == "compare"
    got = _read(_ask(assistant, "Where do we sit in comparable councils in our family for rent arrears? (for the O&S "
                                "pack)", "S-east-lothian"))
    assert (got["intent"], got["indicators"]) == ("rank", ["HSN01b"])
