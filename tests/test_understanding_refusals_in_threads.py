"""What a user trial of refusals and rankings found: a refusal in the middle of a thread ("and cardiff?", "what
about potholes", "and housing waiting list?", "hows the weather up there lol") answered the last question again;
"belfast adult social care…" answered for the home council; "fife recycling rank?", "camden rank on …" and "rank
fife on it" read as value questions; an asking council that holds no data stopped every question with an error,
even one naming a council that is held. Each failed before the change that fixed it."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.conversation import Conversation
from bot.models import Answer, CallerContext
from reading_threads import read_thread

pytestmark = pytest.mark.shared


def _answers(assistant: Assistant, home: str, *turns: str) -> list[Answer]:
    conversation, caller = Conversation(), CallerContext(area=home)
    return [assistant.ask(turn, caller, conversation=conversation) for turn in turns]


@pytest.mark.parametrize(("home", "turns"), [
    ("E10000016", ("top 5 for workforce turnover", "and cardiff?", "bottom 5 then")),
    ("E08000035", ("where do we rank on carer quality of life", "what about potholes",
                   "and on ease of finding info for carers")),
    ("S-fife", ("fife recycling", "and housing waiting list?", "and in 2018-19?")),
    ("E08000035", ("birmingham vs manchester vs leeds on asc quality of life", "hows the weather up there lol",
                   "and for carers quality of life")),
])
def test_a_refusal_in_a_thread_is_a_refusal_and_the_thread_goes_on(real_assistant: Assistant, home: str,
                                                                    turns: tuple[str, str, str]) -> None:
    first, refused, after = _answers(real_assistant, home, *turns)
    assert refused.kind == "none" and refused.to_contract()["understood"]["intent"] == "unknown"
    assert refused.answer != first.answer
    assert after.kind != "none"  # the measure and councils of the thread before the refusal are kept


def test_a_council_not_held_opening_the_question(real_assistant: Assistant) -> None:
    assert read_thread(real_assistant, "E08000035", "belfast adult social care quality of life")[0] == "unknown"


@pytest.mark.parametrize(("home", "question", "areas"), [
    ("S-fife", "fife recycling rank?", ["S-fife", "scotland"]),
    ("S-fife", "edinburgh street cleanliness rank", ["S-edinburgh-city", "scotland"]),
    ("E08000035", "camden rank on ease of finding info for service users", ["E09000007", "england"]),
])
def test_a_rank_asked_in_few_words_is_the_councils_place(real_assistant: Assistant, home: str, question: str,
                                                         areas: list[str]) -> None:
    got = read_thread(real_assistant, home, question)
    assert (got[0], got[2], got[5]) == ("rank", areas, None)


def test_rank_a_council_on_it(real_assistant: Assistant) -> None:
    got = read_thread(real_assistant, "S-fife", "fife vs edinburgh sickness absence non teachers", "rank fife on it")
    assert got[:3] == ("rank", ["CORP06b"], ["S-fife", "scotland"])


def test_an_asking_council_not_held_is_told_so_and_named_councils_still_answer(real_assistant: Assistant) -> None:
    ours, named = _answers(real_assistant, "E07000178", "whats our adult social care quality of life score",
                           "what about oxfordshire then, quality of life")
    assert ours.kind == "none" and "Your council (E07000178) is not one I hold data for" in ours.answer
    assert named.kind == "indicator" and named.figures[0].area_code == "E10000025"
    assert named.figures[0].value == pytest.approx(0.413, abs=0.0005)


def test_another_council_after_a_place_asked_is_its_place(real_assistant: Assistant) -> None:
    got = read_thread(real_assistant, "S-fife", "fife recycling rank?", "what about dundee")
    assert got[:3] == ("rank", ["ENV06"], ["S-dundee-city", "scotland"]) and got[5] is None
    # "what was ours in YEAR?" after a place asks for our figure.
    got = read_thread(real_assistant, "S-fife", "where do we rank in Scotland on recycling?",
                      "and what was ours in 2018/19?")
    assert got[:5] == ("value", ["ENV06"], ["S-fife"], None, "2018-19")


def test_a_service_the_council_holds_nothing_of_is_refused(sample_assistant: Assistant) -> None:
    first, refused, after = _answers(sample_assistant, "E07999001", "where do we sit on recycling vs our neighbours",
                                     "how are we doing on adult social care", "and against target?")
    # The sample pack holds documents, so the question goes to them; no indicator answers it.
    assert refused.kind in ("none", "document") and not refused.figures and refused.answer != first.answer
    assert after.to_contract()["understood"]["intent"] == "target"
    assert read_thread(sample_assistant, "E07999001", "how are we doing on waste")[0] == "overview"
