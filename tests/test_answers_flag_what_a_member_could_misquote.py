"""Answers trial 7 found a member could misquote: Kent's social care quality of life of 0 in 2019-20 (in the raw
file) stated as a fall of 100% with no warning, Highland's per-capita emissions given a percentage change across
zero (1.82 to -0.364 tCO2, "-120%"), and an overview line "113 per 1,000, better than 113 per 1,000" whose change
rounding hides. Each failed before the change that fixed it."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.conversation import Conversation
from bot.models import CallerContext

pytestmark = pytest.mark.shared


def _answer(assistant: Assistant, home: str, question: str) -> str:
    return assistant.ask(question, CallerContext(area=home), conversation=Conversation()).answer


def test_a_figure_far_from_every_other_councils_is_to_be_checked(real_assistant: Assistant) -> None:
    text = _answer(real_assistant, "E10000016", "kent service user quality of life 2019-20")
    assert "Check the figure before acting on it: 0 in 2019-20 is more than ten median absolute deviations from " \
           "the national median" in text
    # An ordinary figure carries no such warning.
    assert "median absolute deviations from the national median" not in _answer(
        real_assistant, "E10000016", "kent service user quality of life 2018-19")


def test_no_percentage_change_across_zero(real_assistant: Assistant) -> None:
    text = _answer(real_assistant, "S-highland", "highland co2 emissions per capita 2021-22")
    assert "Since 2010-11 (1.82 tCO2) it is down 2.19 tCO2, an improvement." in text
    assert "%)" not in text.split("Among")[0]


def test_an_overview_line_whose_values_print_alike_says_about_the_same(real_assistant: Assistant) -> None:
    text = _answer(real_assistant, "S-fife", "adult social care in fife - where should we challenge?")
    line = next(t for t in text.splitlines() if t.startswith("Rate of Readmission to Hospital"))
    assert "113 per 1,000 in 2022-23, about the same as in 2021-22 (very slightly better)" in line
    assert "better than 113" not in line
