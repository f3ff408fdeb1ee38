"""Stage 3, compose: a Reading and its Evidence -> an extractive Answer (an LLM may reword it behind the guard).

Indicator sentences come ready-made from the analysis (`indicators/wording.py`); quotes are cut verbatim from the
passages (`bot/compose.py`); the frame sentences are in `bot/pipeline/messages.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.compose import document_answer, indicator_answer, side_by_side
from bot.models import Answer, Citation
from bot.pipeline.evidence import Evidence, wants_passages
from bot.pipeline.messages import message
from bot.pipeline.understand import Reading

if TYPE_CHECKING:
    from indicators.models import Figure

__all__ = ["compose", "unknown_answer"]


def compose(reading: Reading, evidence: Evidence, documents_held: int, datasets_held: list[str]) -> Answer:
    """The extractive answer: figures and their sentences first, then quotes, each with a numbered citation."""
    question = reading.question
    parts: list[str] = []
    citations: list[Citation] = []
    figures: list[Figure] = []
    kind = "none"
    if evidence.analysis is not None:
        text, citation = indicator_answer(evidence.analysis, citation_id=1)
        versus = side_by_side(evidence.versus, evidence.analysis) if evidence.versus is not None else None
        if versus is not None:
            text = f"{versus[0]} {text}"
        parts.append(text)
        citations.append(citation)
        figures = list(evidence.analysis.figures) + (versus[1] if versus else [])
        kind = "indicator"
    if evidence.passages and wants_passages(reading):
        key = "documents_lead_after_figures" if evidence.analysis is not None else "documents_lead"
        text, doc_citations = document_answer(question, evidence.passages, first_id=len(citations) + 1,
                                              lead=message(key))
        parts.append(text)
        citations.extend(doc_citations)
        kind = "mixed" if evidence.analysis is not None else "document"
    if kind == "none":
        return unknown_answer(reading, documents_held, datasets_held)
    return Answer(question=question, kind=kind, answer="\n\n".join(parts), citations=citations, figures=figures,
                  chart=evidence.chart, understood=reading.interpretation)


def unknown_answer(reading: Reading, documents_held: int, datasets_held: list[str]) -> Answer:
    """'I don't know', with the closest indicators when the resolver had candidates, else what is held."""
    res = reading.resolution
    if res is not None and res.status in ("ambiguous", "unknown") and res.candidates:
        names = "; ".join(f"{c.name} ({c.indicator_id})" for c in res.candidates[:5])
        lead = res.message or message("ambiguous" if res.status == "ambiguous" else "unmatched")
        return Answer(question=reading.question, kind="none", answer=message("closest", lead=lead, names=names),
                      understood=reading.interpretation)
    # Measured recall on questions worded unlike their answers is low (knowledge/NOTES.md), so a miss may be the
    # search's, not the documents': say so, and say how to ask in a way it finds.
    reword = (message("reword") + " ") if documents_held else ""
    text = message("dont_know", documents=documents_held,
                   datasets=", ".join(datasets_held) or message("no_datasets"), reword=reword,
                   scope=message("scope"))
    return Answer(question=reading.question, kind="none", answer=text, understood=reading.interpretation)
