"""Readings the last closing note listed as wrong: "is that better than 2017-18?" after a year (read as since
2017-18, to the latest year), "West Yorkshire" (read as West Berkshire), "reablement" asked of Fife in a thread about
a Scottish top 5 (read as a Scottish measure that merely scored well), and the turn after that refusal (read from the
refusal, not from the league table). Each failed before the change that fixed it."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.conversation import Conversation
from bot.models import CallerContext

pytestmark = pytest.mark.shared

ESSEX, FIFE = "E10000012", "S-fife"


def _answers(assistant: Assistant, home: str, *turns: str) -> list[dict]:
    conversation, caller = Conversation(), CallerContext(area=home)
    return [assistant.ask(turn, caller, conversation=conversation).to_contract() for turn in turns]


@pytest.mark.parametrize(("asked", "span"), [
    ("is that better than 2017-18?", ("2017-18", "2020-21")),
    ("how does that compare with 2016/17?", ("2016-17", "2020-21")),
    ("is it up on 2022-23?", ("2020-21", "2022-23")),
])
def test_a_year_set_beside_the_last_one_is_the_change_between_them(real_assistant: Assistant, asked: str,
                                                                    span: tuple[str, str]) -> None:
    got = _answers(real_assistant, ESSEX, "reablement for us in 2020-21", asked)[-1]["understood"]
    assert (got["intent"], got["indicators"], got["areas"]) == ("trend", ["ASC5"], [ESSEX])
    assert (got["periods"]["from"], got["periods"]["to"]) == span


def test_since_a_year_after_a_year_still_runs_to_the_latest(real_assistant: Assistant) -> None:
    got = _answers(real_assistant, ESSEX, "reablement for us in 2020-21", "and since 2017-18?")[-1]["understood"]
    assert (got["periods"]["from"], got["periods"]["to"]) == ("2017-18", "2022-23")


def test_a_year_set_beside_a_comparison_keeps_both_councils(real_assistant: Assistant) -> None:
    got = _answers(real_assistant, ESSEX, "portsmouth vs southampton on reablement in 2020-21",
                   "how does that compare with 2016/17?")[-1]["understood"]
    assert (got["intent"], got["areas"]) == ("compare", ["E06000044", "E06000045"])
    assert (got["periods"]["from"], got["periods"]["to"]) == ("2016-17", "2020-21")


def test_west_yorkshire_is_not_held_and_is_named_as_a_place(real_assistant: Assistant) -> None:
    answer = _answers(real_assistant, ESSEX, "reablement in west yorkshire")[-1]
    assert answer["understood"]["intent"] == "unknown" and not answer["figures"]
    assert "I hold no data for West Yorkshire" in answer["answer"]
    # A compass name written in two words that is one held council is still that council.
    got = _answers(real_assistant, ESSEX, "How is Mid Lothian doing on older people's home care cost per hour")[-1]
    assert got["understood"]["areas"] == ["S-midlothian"]


def test_an_english_measure_in_a_scottish_league_table_thread_is_refused_and_the_table_goes_on(
        real_assistant: Assistant) -> None:
    table, refused, after = _answers(real_assistant, FIFE, "top 5 councils in scotland for cost per primary pupil",
                                     "what about reablement?", "secondary instead")
    assert table["understood"]["indicators"] == ["CHN01"]
    assert refused["understood"]["intent"] == "unknown" and not refused["figures"]
    assert "no value of it for Fife" in refused["answer"]
    got = after["understood"]
    assert (got["intent"], got["indicators"], got["areas"], got["n"], got["order"]) == (
        "rank", ["CHN02"], ["scotland"], 5, "best")
