"""Refusals tried by hand before blind sets 24 and 25 were read: "band D" council tax and council tax bills (read as
the collection rate, and "band D" as Barking and Dagenham's "B&D"), "how's northumbria doing" (no such council;
read as the home council), and "how's it going on reablement" (read as chit-chat, then as a council called "it").
Each failed before the change that fixed it."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.conversation import Conversation
from bot.models import CallerContext

pytestmark = pytest.mark.shared

ESSEX, FIFE, NORTHBRIDGE = "E10000012", "S-fife", "E07999001"


def _understood(assistant: Assistant, home: str, question: str) -> dict:
    return assistant.ask(question, CallerContext(area=home), conversation=Conversation()).to_contract()["understood"]


@pytest.mark.parametrize("said", ["what's our band D council tax?", "how much did council tax bills go up?"])
def test_the_level_of_council_tax_is_not_its_collection_rate(sample_assistant: Assistant, said: str) -> None:
    assert _understood(sample_assistant, NORTHBRIDGE, said)["intent"] == "unknown"
    # The collection rate itself, and a question that merely says "fine", still answer.
    assert _understood(sample_assistant, NORTHBRIDGE, "council tax collection rate")["indicators"] == [
        "council_tax_collection"]
    got = _understood(sample_assistant, NORTHBRIDGE, "What does Westcombe get for minor planning apps determined in "
                      "time? Latest year is fine.")
    assert got["indicators"] == ["planning_minor_in_time"]


def test_band_d_is_not_barking_and_dagenham(real_assistant: Assistant) -> None:
    assert "E09000002" not in _understood(real_assistant, FIFE, "council tax band D for fife")["areas"]
    for said in ("reablement for B&D", "reablement for b & d", "reablement in B and D"):
        assert _understood(real_assistant, ESSEX, said)["areas"] == ["E09000002"], said
    assert _understood(real_assistant, ESSEX, "b&nes reablement")["areas"] == ["E06000022"]


def test_hows_a_place_not_held_doing_is_refused(real_assistant: Assistant) -> None:
    answer = real_assistant.ask("how's northumbria doing on carers quality of life", CallerContext(area=ESSEX),
                                conversation=Conversation())
    assert answer.to_contract()["understood"]["intent"] == "unknown" and not answer.figures
    assert answer.answer.startswith("I hold no data for Northumbria")
    assert _understood(real_assistant, ESSEX, "how's northumberland doing on carers quality of life")["areas"] == [
        "E06000057"]


def test_hows_it_going_on_a_measure_is_that_measure(real_assistant: Assistant) -> None:
    got = _understood(real_assistant, ESSEX, "how's it going on reablement")
    assert (got["intent"], got["indicators"], got["areas"]) == ("value", ["ASC5"], [ESSEX])
    assert _understood(real_assistant, ESSEX, "how's it going on adult social care")["intent"] == "overview"
