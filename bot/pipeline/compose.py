"""Stage 3, compose: a Reading and its Evidence -> an extractive Answer (an LLM may reword it behind the guard).

Indicator sentences come ready-made from the analysis (`indicators/wording.py`); quotes are cut verbatim from the
passages (`bot/compose.py`); the frame sentences are in `bot/pipeline/messages.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.compose import councils_side_by_side, document_answer, indicator_answer, side_by_side
from bot.models import Answer, Citation
from bot.pipeline.evidence import Evidence, wants_passages
from bot.pipeline.messages import message
from bot.pipeline.understand import Reading
from indicators.wording import path_sentence

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
    if evidence.ranking is not None or evidence.overview is not None:
        return _listing(reading, evidence)
    if evidence.analysis is not None:
        text, citation = indicator_answer(evidence.analysis, citation_id=1)
        extra: list[Figure] = []
        if evidence.others:
            asked = reading.resolution.period if reading.resolution is not None else None
            together = (side_by_side(evidence.analysis, evidence.others[0], asked) if len(evidence.others) == 1
                        else councils_side_by_side([evidence.analysis, *evidence.others], asked))
            for n, other in enumerate(evidence.others, start=2):
                more, more_citation = indicator_answer(other, citation_id=n)
                text += f"\n\n{more}"
                citations.append(more_citation)
                extra += list(other.figures)
            if together is not None:
                text = f"{together[0]} [1]\n\n{text}"
                # Last, so that a lookup by council and period finds the value set side by side.
                extra += together[1]
        periods = reading.interpretation.periods
        if not evidence.others and periods.from_ and periods.to and (path := path_sentence(evidence.analysis)):
            # "between 2016-17 and 2021-22": the years between the two ends too, not just the ends.
            text += f"\n\n{path[0]} [1]"
            extra += path[1]
        if evidence.notes:
            text = " ".join(evidence.notes) + "\n\n" + text
        parts.append(text)
        citations.insert(0, citation)
        figures = list(evidence.analysis.figures) + extra
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


def _listing(reading: Reading, evidence: Evidence) -> Answer:
    """A ranking of councils or a service overview: its sentences, figures and one dataset citation."""
    if evidence.ranking is not None:
        r = evidence.ranking
        sentences, figures = r.sentences, r.figures
        citation = Citation(id=1, source=f"{r.dataset or 'indicator'} dataset: {r.indicator_name}",
                            path=r.dataset, locator=f"{r.indicator_id}, {r.scope_label}, {r.period}",
                            quote=sentences[0] if sentences else r.indicator_name)
    else:
        o = evidence.overview
        assert o is not None
        sentences, figures = o.sentences, o.figures
        ids = ", ".join(line.indicator_id for line in o.lines)
        citation = Citation(id=1, source=f"indicator data: {o.service}", path=o.service,
                            locator=f"{ids}; {o.area_name}", quote=sentences[0] if sentences else o.service)
    text = "\n".join(sentences) + " [1]"
    if evidence.notes:
        text = " ".join(evidence.notes) + "\n\n" + text
    return Answer(question=reading.question, kind="indicator", answer=text, citations=[citation],
                  figures=list(figures), understood=reading.interpretation)


_CLOSE_ENOUGH = 0.15  # below this best score the "closest indicators" share no word with the question


def unknown_answer(reading: Reading, documents_held: int, datasets_held: list[str]) -> Answer:
    """'I don't know', with the closest indicators when the resolver had candidates, else what is held."""
    res = reading.resolution
    understood = reading.interpretation.model_copy(update={"intent": "unknown"})
    if res is not None and res.area_candidates:
        return Answer(question=reading.question, kind="none", answer=res.message, understood=understood)
    named = res is not None and len(res.candidates) == 1 and res.candidates[0].name in res.message
    if res is not None and res.status == "unknown" and named:
        # "I hold SHQS for 26 councils, but not for Glasgow City": the message names the measure already.
        return Answer(question=reading.question, kind="none", answer=res.message, understood=reading.interpretation)
    if res is not None and res.status == "ambiguous" and res.candidates:
        # "That could mean more than one indicator - which one? A (X); B (Y)": the message lists them already.
        return Answer(question=reading.question, kind="none", answer=res.message.rstrip(".") + ".",
                      understood=reading.interpretation)
    if res is not None and res.status == "unknown" and res.candidates and res.score < _CLOSE_ENOUGH:
        # Nothing scored: the "closest" would be the first indicators held, whatever was asked (food hygiene).
        return Answer(question=reading.question, kind="none", understood=understood,
                      answer=f"{res.message} " + message("held_instead", datasets="; ".join(datasets_held)))
    if res is not None and res.status in ("ambiguous", "unknown") and res.candidates:
        names = "; ".join(f"{c.name} ({c.indicator_id})" for c in res.candidates[:5])
        lead = res.message or message("ambiguous" if res.status == "ambiguous" else "unmatched")
        return Answer(question=reading.question, kind="none", answer=message("closest", lead=lead, names=names),
                      understood=reading.interpretation)
    if reading.why_query is not None:
        # "Why?" after a figure: the data says what changed, only the council's own papers can say why.
        return Answer(question=reading.question, kind="none", understood=understood,
                      answer=message("no_reasons_indexed" if not documents_held else "no_reasons_found",
                                     topic=reading.why_topic or "it"))
    # Measured recall on questions worded unlike their answers is low (knowledge/NOTES.md), so a miss may be the
    # search's, not the documents': say so, and say how to ask in a way it finds.
    reword = (message("reword") + " ") if documents_held else ""
    text = message("dont_know", documents=documents_held,
                   datasets=", ".join(datasets_held) or message("no_datasets"), reword=reword,
                   scope=message("scope"))
    return Answer(question=reading.question, kind="none", answer=text, understood=understood)
