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
