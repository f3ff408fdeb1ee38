"""Pre-scrutiny briefing notes: the evidence on a topic as an editable Word document or Markdown.

- `content` builds what the note shows (`Briefing`) from the challenge evidence and the drafted questions;
- `render`  writes it as Markdown or DOCX.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.briefing.content import (
    MAX_CHARTS,
    Briefing,
    Chart,
    MeasureNote,
    PerformanceRow,
    Quote,
    SourceLine,
    TermLine,
    build_briefing,
    load_note_template,
    note_wording,
)
from bot.briefing.render import atomic_write, export_pdf, render_docx, render_markdown
from bot.challenge import answer_from_evidence, count_words, gather_evidence
from bot.errors import AssistantError
from bot.models import Answer
from knowledge.models import AccessContext

if TYPE_CHECKING:
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase

__all__ = ["MAX_CHARTS", "Briefing", "Chart", "MeasureNote", "PerformanceRow", "Quote", "SourceLine", "TermLine",
           "build_briefing", "export_pdf", "load_note_template", "render_docx", "render_markdown", "write_briefing"]


def write_briefing(topic: str, store: IndicatorStore | None, kb: KnowledgeBase | None, access: AccessContext,
                   area: str, out: Path, embedder: Any = None, llm: Any = None, meeting_date: str | None = None,
                   indicators: list[str] | None = None, max_charts: int = MAX_CHARTS,
                   committee: str | None = None) -> Answer:
    """Write a pre-scrutiny briefing note to `out` (.docx or .md) and return its summary as an Answer, whose
    figures are every figure the note states. `committee` and `meeting_date` go in the note's header; dates in
    its questions are set from the meeting date (today when none is given)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".docx", ".md"):
        raise AssistantError(f"briefing notes are written as .docx or .md, not {out.suffix or 'no extension'!r}")
    evidence = gather_evidence(topic, store, kb, access, area, indicators, meeting_date, embedder)
    questions = answer_from_evidence(evidence, embedder=embedder, llm=llm)
    chart_dir = out.parent / f"{out.stem}-charts"
    briefing, note_figures = build_briefing(evidence, questions, store, chart_dir, max_charts=max_charts,
                                            committee=committee)
    if suffix == ".md":
        text = render_markdown(briefing, out)
        atomic_write(out, lambda target: target.write_text(text, encoding="utf-8"))
    else:
        atomic_write(out, lambda target: render_docx(briefing, target))
    figures = list(questions.figures)
    seen = {(f.indicator_id, f.area_code, f.period, f.label, f.value) for f in figures}
    for f in note_figures:
        key = (f.indicator_id, f.area_code, f.period, f.label, f.value)
        if key not in seen:
            seen.add(key)
            figures.append(f)
    kind = questions.kind
    if kind == "none" and briefing.rows:
        kind = "indicator"
    w = note_wording()
    summary = w.fill("answer.summary", topic=topic, area=evidence.area_name, out=out,
                     indicators=count_words(len(briefing.rows)), questions=count_words(len(briefing.questions)),
                     sources=count_words(len(briefing.citations)))
    return Answer(question=w.fill("answer.title", topic=topic), kind=kind, answer=summary,
                  citations=briefing.citations, figures=figures, questions=briefing.questions,
                  chart=str(briefing.charts[0].path) if briefing.charts else None)
