"""The assistant API: follow-ups answered from the conversation so far, and restricted passages only when allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.conversation import Conversation
from bot.models import CallerContext

PACK = Path(__file__).resolve().parents[1] / "bot" / "sample_pack"
HOME_CODE = "E07999001"
EASTMERE = "E07999002"


def _value(indicator: str, area: str, period: str) -> float:
    import pandas as pd

    table = pd.read_csv(PACK / "data" / "indicators.csv", dtype={"period": str})
    row = table[(table.indicator_id == indicator) & (table.area_code == area) & (table.period == period)]
    assert len(row) == 1
    return float(row.value.iloc[0])


def test_two_follow_ups_are_answered_from_the_conversation(sample_assistant) -> None:
    caller = CallerContext(channel="C-public", user="U1")
    conversation = Conversation()

    first = sample_assistant.ask("How has our council tax collection rate changed?", caller, conversation)
    assert first.kind == "indicator"
    assert {f.indicator_id for f in first.figures} == {"council_tax_collection"}

    # Names neither the indicator nor the measure: only the conversation says what "compared with" refers to.
    second = sample_assistant.ask("and compared with Eastmere?", caller, conversation)
    assert second.kind == "indicator"
    assert {f.indicator_id for f in second.figures} == {"council_tax_collection"}
    stated = {(f.area_code, f.period): f.value for f in second.figures}
    assert stated[(EASTMERE, "2023-24")] == pytest.approx(_value("council_tax_collection", EASTMERE, "2023-24"))
    assert stated[(HOME_CODE, "2023-24")] == pytest.approx(_value("council_tax_collection", HOME_CODE, "2023-24"))
    assert "Eastmere District Council" in second.answer and "Northbridge District Council" in second.answer
    assert "Eastmere District Council did better" in second.answer  # 98.1% against 96.2%, higher is better

    # "why?" asks for reasons about the topic in hand: the documents explaining council tax collection.
    third = sample_assistant.ask("why?", caller, conversation)
    assert third.kind == "document"
    assert third.citations and any("council tax" in c.quote.lower() for c in third.citations)


def test_show_the_chart_draws_the_indicator_under_discussion(sample_assistant, tmp_path: Path) -> None:
    caller = CallerContext(channel="C-public", user="U2")
    conversation = Conversation()
    sample_assistant.ask("What is our sickness absence rate?", caller, conversation)
    answer = sample_assistant.ask("show the chart", caller, conversation, chart=tmp_path / "chart.png")
    assert answer.chart and Path(answer.chart).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert {f.indicator_id for f in answer.figures} == {"sickness_absence_days"}


@pytest.mark.parametrize("question", [
    "What price was agreed for the depot land disposal?",
    "Who is buying the surplus depot site?",
])
def test_restricted_passages_only_reach_callers_allowed_them(sample_assistant, question: str) -> None:
    from bot.sample_pack.facts import RESTRICTED_PHRASES

    public = sample_assistant.ask(question, CallerContext(channel="C-public", user="U1"))
    text = public.answer + " ".join(c.quote for c in public.citations)
    assert not any(p in text for p in RESTRICTED_PHRASES), text

    allowed = sample_assistant.ask(question, CallerContext(channel="C-exempt", user="U1", allow_restricted=True))
    text = allowed.answer + " ".join(c.quote for c in allowed.citations)
    assert any(p in text for p in RESTRICTED_PHRASES), text


def test_a_question_nothing_answers_says_so_and_how_to_reword_it(sample_assistant) -> None:
    from bot.assistant import REWORD_HINT

    answer = sample_assistant.ask("What is the capital of Peru?", CallerContext(channel="C-public", user="U1"))
    assert answer.kind == "none" and not answer.citations and not answer.figures
    assert answer.answer.startswith("I don't know")
    # Documents are held, so a miss may be the search's: the reply says how to ask in the documents' terms.
    assert REWORD_HINT in answer.answer
