"""What a briefing note shows, independent of its format: the sections built from the evidence on a topic.

Every number in the note is a Figure from the indicator analyses (or from a drafted question's line of enquiry),
printed by the one formatter; quotations are verbatim spans of the passages cited.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from bot.challenge import (
    Evidence,
    alias_hit,
    commitments_in,
    display_name,
    is_broad,
    meeting_date_words,
    recommendations_in,
    run_words,
)
from bot.challenge.text import show, show_count
from bot.compose import best_quote, content_words, dataset_citation, passage_citation
from bot.models import Answer, ChallengeQuestion, Citation
from indicators.analysis import run_of, stated_figure
from indicators.models import Figure, IndicatorAnalysis
from indicators.runs import run_figures
from knowledge.models import Passage
from prompts.templates import Templates, load_templates

if TYPE_CHECKING:
    from indicators.store import IndicatorStore

__all__ = ["MAX_CHARTS", "Briefing", "Chart", "PerformanceRow", "Quote", "build_briefing", "load_note_template",
           "note_wording"]

log = logging.getLogger(__name__)

MAX_CHARTS = 3
QUOTE_CHARS = 420
RISK_KINDS = ("worsening_trend", "missed_target", "green_but_bottom_quartile", "outlier_vs_neighbours",
              "recommendation_no_progress", "document_risk", "data_caveat", "output_without_outcome")
NOTE_TEMPLATE = "briefing_note.yaml"


class PerformanceRow(BaseModel):
    """One row of the performance table, every cell already worded."""

    indicator: str
    latest: str
    trend: str
    target: str
    median: str
    rank: str
    source: int


class Quote(BaseModel):
    """A quoted passage with its citation number."""

    title: str
    locator: str
    text: str
    source: int


class Chart(BaseModel):
    """A rendered chart and its caption."""

    path: Path
    caption: str


class Briefing(BaseModel):
    """Everything a briefing note shows, independent of the output format."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    title: str
    subtitle: str
    disclaimer: str
    headings: dict[str, str]
    purpose: str
    background: list[Quote] = Field(default_factory=list)
    performance_note: str = ""
    table_headers: list[str] = Field(default_factory=list)
    rows: list[PerformanceRow] = Field(default_factory=list)
    charts: list[Chart] = Field(default_factory=list)
    peer_audit: list[Quote] = Field(default_factory=list)
    risks: list[str] = Field(default_factory=list)
    questions: list[ChallengeQuestion] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    empty: dict[str, str] = Field(default_factory=dict)
    wording: Templates | None = Field(default=None, exclude=True)  # how the renderers word quotes and sources


def load_note_template(path: Path | None = None) -> dict[str, Any]:
    """The briefing note wording (prompts/briefing_note.yaml), as the mapping read from the file."""
    from bot.errors import AssistantError

    data = note_wording(path).data
    if "headings" not in data:
        raise AssistantError(f"note template {path or NOTE_TEMPLATE} must be a mapping with 'headings'")
    return data


def note_wording(path: Path | None = None) -> Templates:
    """The briefing note wording as templates (prompts/briefing_note.yaml by default)."""
    return load_templates(path or NOTE_TEMPLATE)


class _Sources:
    """The note's numbered sources: the questions' citations first, then what the other sections quote."""

    def __init__(self, citations: list[Citation]) -> None:
        self.list = list(citations)
        self.keys = {(c.path, c.locator, c.quote): c.id for c in citations}
        self.data = {c.locator.split(",")[0]: c.id for c in citations if c.locator and "," in c.locator}

    def _add(self, make) -> int:  # noqa: ANN001 - a citation factory taking the new number
        citation = make(len(self.list) + 1)
        key = (citation.path, citation.locator, citation.quote)
        if key in self.keys:
            return self.keys[key]
        self.list.append(citation)
        self.keys[key] = citation.id
        return citation.id

    def passage(self, passage: Passage, quote: str) -> int:
        return self._add(lambda n: passage_citation(n, passage, quote))

    def analysis(self, analysis: IndicatorAnalysis) -> int:
        key = analysis.info.indicator_id
        if key not in self.data:
            self.data[key] = self._add(lambda n: dataset_citation(n, analysis))
        return self.data[key]


def _trend(a: IndicatorAnalysis, w: Templates) -> tuple[str, list[Figure]]:
    """The trend cell and the figures it states: the analysis's own run when two or more periods long."""
    run = run_of(a)
    if run is not None and run.count >= 2:
        return (w.fill("trend.run", direction=run.direction, run_words=run_words(run)),
                [f for f in run_figures(a, run) if f.unit == "periods"])
    if a.direction in ("improving", "worsening"):
        return w.fill("trend.previous", direction=a.direction), []
    return a.direction, []


def _row(a: IndicatorAnalysis, source: int, w: Templates) -> tuple[PerformanceRow, list[Figure]]:
    """One indicator's row of the performance table and every figure it states."""
    figures = [a.latest]
    latest = w.fill("cells.latest", value=show(a.latest), period=a.latest.period)
    if a.latest_in_year is not None:
        # The annual value drives the judgement; the latest quarter is shown beside it, not mixed into it.
        latest += w.fill("cells.in_year", value=show(a.latest_in_year), period=a.latest_in_year.period)
        figures.append(a.latest_in_year)
    target = w.text("cells.no_target")
    target_fig = stated_figure(a, "target") if a.target is not None else None
    if a.target is not None and target_fig is not None:
        target = w.fill("cells.target", target=show(target_fig), rag=a.target.rag,
                        verdict=w.text("cells.met" if a.target.met else "cells.missed"))
        figures.append(target_fig)
    median = rank = w.text("cells.not_available")
    comp = a.comparators
    median_fig = stated_figure(a, "comparator median")
    if comp is not None and median_fig is not None:
        median = w.fill("cells.median", median=show(median_fig), period=median_fig.period)
        figures.append(median_fig)
        rank_fig, n_fig = stated_figure(a, "rank"), stated_figure(a, "comparators")
        if rank_fig is not None and n_fig is not None:
            rank = w.fill("cells.rank", rank=show_count(rank_fig), n=show_count(n_fig))
            rank += w.text("cells.bottom_quartile") if comp.quartile == 4 else ""
            figures += [rank_fig, n_fig]
    trend, trend_figures = _trend(a, w)
    row = PerformanceRow(indicator=display_name(a.info.name), latest=latest, trend=trend, target=target,
                         median=median, rank=rank, source=source)
    return row, figures + trend_figures


def _quotes(topic: str, passages: list[Passage], sources: _Sources, limit: int) -> list[Quote]:
    out: list[Quote] = []
    seen: set[str] = set()
    for p in passages:
        if p.chunk_id in seen or len(out) >= limit:
            continue
        seen.add(p.chunk_id)
        quote = best_quote(topic, p.text, limit=QUOTE_CHARS)
        out.append(Quote(title=p.title, locator=p.locator, text=quote, source=sources.passage(p, quote)))
    return out


def _on_topic(evidence: Evidence, text: str) -> bool:
    return is_broad(evidence.topic) or bool(content_words(evidence.topic) & content_words(text)) or any(
        alias_hit(text, a.info) for a in evidence.analyses)


def _commitments(evidence: Evidence, sources: _Sources) -> list[Quote]:
    """The plan's numbered commitments on the topic, quoted verbatim."""
    out = []
    for _, text, passage, raw in commitments_in(evidence.passages.get("plan", [])):
        if _on_topic(evidence, text) and len(out) < 6:
            out.append(Quote(title=passage.title, locator=passage.locator, text=raw,
                             source=sources.passage(passage, raw)))
    return out


def _recommendations(evidence: Evidence, sources: _Sources) -> list[Quote]:
    """The peer challenge's numbered recommendations on the topic, quoted verbatim."""
    out = []
    for rec in recommendations_in(evidence.passages.get("peer_challenge", [])):
        if _on_topic(evidence, rec.text) and len(out) < 3:
            out.append(Quote(title=rec.passage.title, locator=rec.passage.locator, text=rec.quote,
                             source=sources.passage(rec.passage, rec.quote)))
    return out


def _charts(evidence: Evidence, store: IndicatorStore, folder: Path, sources: _Sources, w: Templates,
            limit: int) -> list[Chart]:
    try:
        from indicators.charts import render_trend_chart
    except ImportError as exc:  # the chart module is part of indicators; a broken install should not lose the note
        log.warning("charts unavailable: %s", exc)
        return []
    order = {line.indicator_id: i for i, line in reversed(list(enumerate(evidence.lines))) if line.indicator_id}
    ranked = sorted(evidence.analyses, key=lambda a: order.get(a.info.indicator_id, len(order)))
    charts: list[Chart] = []
    for a in ranked[:limit]:
        path = folder / f"{re.sub(r'[^A-Za-z0-9_.-]', '_', a.info.indicator_id)}.png"
        folder.mkdir(parents=True, exist_ok=True)
        rendered = render_trend_chart(a, store, path)
        caption = w.fill("chart_caption", n=len(charts) + 1, indicator=display_name(a.info.name), area=a.area_name,
                         source=sources.analysis(a))
        charts.append(Chart(path=Path(rendered), caption=caption))
    return charts


def _risks(evidence: Evidence, sources: _Sources) -> tuple[list[str], list[Figure]]:
    """The risk lines (with their citation markers) and every figure their wording states."""
    risks: list[str] = []
    figures: list[Figure] = []
    for line in evidence.lines:
        if line.kind not in RISK_KINDS or len(risks) >= 8:
            continue
        ids: list[int] = []
        if line.indicator_id:
            match = next((a for a in evidence.analyses if a.info.indicator_id == line.indicator_id), None)
            if match is not None:
                ids.append(sources.analysis(match))
        for p in line.passages:
            ids.append(sources.passage(p, line.quotes.get(p.chunk_id) or best_quote(evidence.topic, p.text)))
        marks = "".join(f" [{i}]" for i in dict.fromkeys(ids))
        risks.append(f"{line.summary}{marks}")
        figures += line.figures
    return risks, figures


def build_briefing(evidence: Evidence, questions: Answer, store: IndicatorStore | None, chart_dir: Path,
                   template: dict[str, Any] | None = None, max_charts: int = MAX_CHARTS
                   ) -> tuple[Briefing, list[Figure]]:
    """Assemble the note's content from gathered evidence and the drafted questions; also every figure the note
    states beyond the questions' own (the performance table, the risks)."""
    w = Templates(template, origin="note template") if template is not None else note_wording()
    sources = _Sources(questions.citations)
    today = date.today()
    when = meeting_date_words(evidence.meeting_date)
    meeting = w.fill("meeting", date=when) if when else ""
    rows: list[PerformanceRow] = []
    figures: list[Figure] = []
    for a in evidence.analyses:
        row, stated = _row(a, sources.analysis(a), w)
        rows.append(row)
        figures += stated
    charts = _charts(evidence, store, chart_dir, sources, w, max_charts) if store is not None else []
    background = _commitments(evidence, sources) or _quotes(evidence.topic, evidence.passages.get("plan", []),
                                                            sources, 3)
    quoted = {r.passage.chunk_id for r in recommendations_in(evidence.passages.get("peer_challenge", []))}
    peer = [p for p in evidence.passages.get("peer_challenge", []) if p.chunk_id not in quoted][:1]
    peer_audit = _recommendations(evidence, sources) + _quotes(
        evidence.topic, peer + evidence.passages.get("audit", [])[:2], sources, 3)
    risks, risk_figures = _risks(evidence, sources)
    data = w.data
    briefing = Briefing(
        title=w.fill("title", topic=evidence.topic[:1].upper() + evidence.topic[1:]),
        subtitle=w.fill("subtitle", area=evidence.area_name, today=f"{today.day} {today:%B %Y}", meeting=meeting),
        disclaimer=w.text("disclaimer"), headings=data["headings"], purpose=w.fill("purpose", topic=evidence.topic),
        background=background, performance_note=w.text("performance_note"), table_headers=data["table_headers"],
        rows=rows, charts=charts, peer_audit=peer_audit, risks=risks, questions=questions.questions or [],
        citations=sources.list, empty={k: w.text(k) for k in ("no_plan", "no_performance", "no_peer_audit",
                                                               "no_risks")}, wording=w)
    return briefing, figures + risk_figures
