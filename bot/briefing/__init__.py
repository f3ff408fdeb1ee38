"""Pre-scrutiny briefing notes: the evidence on a topic as an editable Word document or Markdown."""

from __future__ import annotations

import logging
import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from bot.challenge import (
    _BROAD,
    Evidence,
    _alias_hit,
    _count_words,
    _decimals,
    _figure,
    _period_noun,
    answer_from_evidence,
    commitments_in,
    display_name,
    format_value,
    gather_evidence,
    recommendations_in,
    runs_of,
)
from bot.compose import best_quote, content_words, dataset_citation, passage_citation
from bot.errors import AssistantError
from bot.llm import PROMPTS_DIR
from bot.models import Answer, ChallengeQuestion, Citation
from indicators.models import Figure, IndicatorAnalysis
from knowledge.models import AccessContext, Passage

if TYPE_CHECKING:
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase

log = logging.getLogger(__name__)

MAX_CHARTS = 3
QUOTE_CHARS = 420
_RISK_KINDS = ("worsening_trend", "missed_target", "green_but_bottom_quartile", "outlier_vs_neighbours",
               "recommendation_no_progress", "document_risk", "data_caveat", "output_without_outcome")


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


def load_note_template(path: Path | None = None) -> dict[str, Any]:
    """The briefing note wording (prompts/briefing_note.yaml)."""
    path = path or PROMPTS_DIR / "briefing_note.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise AssistantError(f"cannot read note template {path}: {exc}") from None
    if not isinstance(data, dict) or "headings" not in data:
        raise AssistantError(f"note template {path} must be a mapping with 'headings'")
    return data


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


def _trend_words(a: IndicatorAnalysis) -> str:
    runs = [r for r in runs_of(a) if r.count >= 2]
    if runs:
        run = max(runs, key=lambda r: r.count)
        return f"{run.direction}, {_count_words(run.count)} {_period_noun(run.end_period)} running"
    if a.direction in ("improving", "worsening"):
        return f"{a.direction} on the previous period"
    return a.direction


def _performance(evidence: Evidence, sources: _Sources) -> tuple[list[PerformanceRow], list[Figure]]:
    rows: list[PerformanceRow] = []
    figures: list[Figure] = []
    for a in evidence.analyses:
        decimals = _decimals([p.value for p in a.series if p.value is not None] + [a.latest.value])

        def fmt(v: float, a: IndicatorAnalysis = a, d: int = decimals) -> str:
            return format_value(v, a.info.unit, d)

        figures.append(a.latest)
        target = "none set"
        if a.target is not None:
            target = f"{fmt(a.target.target)} ({'met' if a.target.met else 'missed'}, {a.target.rag})"
            figures.append(_figure(a, a.target.period, a.target.target, "target"))
        median = rank = "not available"
        comp = a.comparators
        if comp is not None:
            median = f"{fmt(comp.median)} ({comp.period})"
            figures.append(_figure(a, comp.period, comp.median, f"{comp.comparison} median"))
            if comp.rank is not None:
                rank = f"{comp.rank} of {comp.n}" + (" (bottom quartile)" if comp.quartile == 4 else "")
                figures.append(_figure(a, comp.period, float(comp.rank), f"rank among {comp.comparison}", "rank"))
                figures.append(_figure(a, comp.period, float(comp.n), f"councils in the {comp.comparison} group",
                                       "councils"))
        latest = f"{fmt(a.latest.value)} ({a.latest.period})"
        if a.latest_in_year is not None:
            # The annual value drives the judgement; the latest quarter is shown beside it, not mixed into it.
            latest += f"; in-year {fmt(a.latest_in_year.value)} ({a.latest_in_year.period})"
            figures.append(a.latest_in_year)
        rows.append(PerformanceRow(indicator=display_name(a.info.name), latest=latest,
                                   trend=_trend_words(a), target=target, median=median,
                                   rank=rank, source=sources.analysis(a)))
    return rows, figures


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
    words = content_words(evidence.topic)
    return not words or words <= _BROAD or bool(words & content_words(text)) or any(
        _alias_hit(text, a.info) for a in evidence.analyses)


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


def _charts(evidence: Evidence, store: IndicatorStore, folder: Path, sources: _Sources, template: dict[str, Any],
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
        caption = template["chart_caption"].format(n=len(charts) + 1, indicator=display_name(a.info.name),
                                                   area=a.area_name, source=sources.analysis(a))
        charts.append(Chart(path=Path(rendered), caption=caption))
    return charts


def build_briefing(evidence: Evidence, questions: Answer, store: IndicatorStore | None, chart_dir: Path,
                   template: dict[str, Any] | None = None, max_charts: int = MAX_CHARTS
                   ) -> tuple[Briefing, list[Figure]]:
    """Assemble the note's content from gathered evidence and the drafted questions."""
    template = template or load_note_template()
    sources = _Sources(questions.citations)
    today = date.today()
    meeting = ""
    if evidence.meeting_date:
        try:
            day = date.fromisoformat(evidence.meeting_date)
            meeting = f", for the meeting on {day.day} {day:%B %Y}"
        except ValueError:
            meeting = f", for the meeting on {evidence.meeting_date}"
    rows, table_figures = _performance(evidence, sources)
    charts = _charts(evidence, store, chart_dir, sources, template, max_charts) if store is not None else []
    background = _commitments(evidence, sources) or _quotes(evidence.topic, evidence.passages.get("plan", []),
                                                            sources, 3)
    quoted = {r.passage.chunk_id for r in recommendations_in(evidence.passages.get("peer_challenge", []))}
    peer = [p for p in evidence.passages.get("peer_challenge", []) if p.chunk_id not in quoted][:1]
    peer_audit = _recommendations(evidence, sources) + _quotes(
        evidence.topic, peer + evidence.passages.get("audit", [])[:2], sources, 3)
    risks: list[str] = []
    for line in evidence.lines:
        if line.kind not in _RISK_KINDS or len(risks) >= 8:
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
    briefing = Briefing(
        title=template["title"].format(topic=evidence.topic[:1].upper() + evidence.topic[1:]),
        subtitle=template["subtitle"].format(area=evidence.area_name, today=f"{today.day} {today:%B %Y}",
                                             meeting=meeting),
        disclaimer=template["disclaimer"], headings=template["headings"],
        purpose=template["purpose"].format(topic=evidence.topic), background=background,
        performance_note=template["performance_note"], table_headers=template["table_headers"], rows=rows,
        charts=charts, peer_audit=peer_audit, risks=risks, questions=questions.questions or [],
        citations=sources.list,
        empty={k: template[k] for k in ("no_plan", "no_performance", "no_peer_audit", "no_risks")})
    return briefing, table_figures


# -- rendering -----------------------------------------------------------------------------------------------

def _one_line(text: str) -> str:
    return " ".join(text.split())


def render_markdown(b: Briefing, out: Path) -> str:
    """The note as Markdown; chart images are linked relative to `out`."""
    h = b.headings
    lines = [f"# {b.title}", "", f"*{b.subtitle}*", "", f"> {b.disclaimer}", "", f"## {h['purpose']}", "", b.purpose,
             "", f"## {h['background']}", ""]
    lines += [f"- {q.title} ({q.locator}): \u201c{_one_line(q.text)}\u201d [{q.source}]" for q in b.background] \
        or [b.empty["no_plan"]]
    lines += ["", f"## {h['performance']}", ""]
    if b.rows:
        lines += ["| " + " | ".join(b.table_headers) + " |", "|" + "---|" * len(b.table_headers)]
        for r in b.rows:
            cells = [r.indicator, r.latest, r.trend, r.target, r.median, r.rank, f"[{r.source}]"]
            lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
        lines += ["", b.performance_note, ""]
        for chart in b.charts:
            rel = os.path.relpath(chart.path, out.parent)
            lines += [f"![{chart.caption}]({Path(rel).as_posix()})", "", f"*{chart.caption}*", ""]
    else:
        lines += [b.empty["no_performance"], ""]
    lines += [f"## {h['peer_audit']}", ""]
    lines += [f"- {q.title} ({q.locator}): \u201c{_one_line(q.text)}\u201d [{q.source}]" for q in b.peer_audit] \
        or [b.empty["no_peer_audit"]]
    lines += ["", f"## {h['risks']}", ""]
    lines += [f"- {r}" for r in b.risks] or [b.empty["no_risks"]]
    lines += ["", f"## {h['questions']}", ""]
    for n, q in enumerate(b.questions, start=1):
        marks = "".join(f" [{i}]" for i in q.evidence)
        lines += [f"{n}. **{q.text}**{marks}", f"   *Why:* {q.rationale} ({q.type}; {q.theme})"]
    lines += ["", f"## {h['sources']}", ""]
    for c in b.citations:
        lines.append(f"[{c.id}] {c.source} \u2014 {c.locator} \u2014 {c.path}: \u201c{_one_line(c.quote)}\u201d")
    return "\n".join(lines).rstrip() + "\n"


def render_docx(b: Briefing, target: Path) -> None:
    """The note as a Word document (python-docx) at `target`."""
    from docx import Document
    from docx.shared import Inches, Pt

    doc = Document()
    doc.core_properties.title = b.title
    doc.add_heading(b.title, level=0)
    doc.add_paragraph(b.subtitle).runs[0].italic = True
    note = doc.add_paragraph(b.disclaimer)
    note.runs[0].font.size = Pt(9)
    h = b.headings
    doc.add_heading(h["purpose"], level=1)
    doc.add_paragraph(b.purpose)
    doc.add_heading(h["background"], level=1)
    for q in b.background:
        doc.add_paragraph(f"{q.title} ({q.locator}): \u201c{_one_line(q.text)}\u201d [{q.source}]", style="List Bullet")
    if not b.background:
        doc.add_paragraph(b.empty["no_plan"])
    doc.add_heading(h["performance"], level=1)
    if b.rows:
        table = doc.add_table(rows=1, cols=len(b.table_headers))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, b.table_headers, strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for r in b.rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, [r.indicator, r.latest, r.trend, r.target, r.median, r.rank,
                                          f"[{r.source}]"], strict=True):
                cell.text = text
        doc.add_paragraph(b.performance_note)
        for chart in b.charts:
            doc.add_picture(str(chart.path), width=Inches(6))
            doc.add_paragraph(chart.caption, style="Caption")
    else:
        doc.add_paragraph(b.empty["no_performance"])
    doc.add_heading(h["peer_audit"], level=1)
    for q in b.peer_audit:
        doc.add_paragraph(f"{q.title} ({q.locator}): \u201c{_one_line(q.text)}\u201d [{q.source}]", style="List Bullet")
    if not b.peer_audit:
        doc.add_paragraph(b.empty["no_peer_audit"])
    doc.add_heading(h["risks"], level=1)
    for r in b.risks:
        doc.add_paragraph(r, style="List Bullet")
    if not b.risks:
        doc.add_paragraph(b.empty["no_risks"])
    doc.add_heading(h["questions"], level=1)
    for q in b.questions:
        p = doc.add_paragraph(style="List Number")
        p.add_run(q.text).bold = True
        p.add_run("".join(f" [{i}]" for i in q.evidence))
        why = doc.add_paragraph(f"Why: {q.rationale} ({q.type}; {q.theme})")
        why.runs[0].italic = True
    doc.add_heading(h["sources"], level=1)
    for c in b.citations:
        doc.add_paragraph(f"[{c.id}] {c.source} \u2014 {c.locator} \u2014 {c.path}: \u201c{_one_line(c.quote)}\u201d")
    doc.save(str(target))


def _atomic_write(out: Path, write) -> None:  # noqa: ANN001 - write(target_path) renders the file
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        # mkstemp creates the file private; a note is an ordinary document, so give it the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_briefing(topic: str, store: IndicatorStore | None, kb: KnowledgeBase | None, access: AccessContext,
                   area: str, out: Path, embedder: Any = None, llm: Any = None, meeting_date: str | None = None,
                   indicators: list[str] | None = None, max_charts: int = MAX_CHARTS) -> Answer:
    """Write a pre-scrutiny briefing note to `out` (.docx or .md) and return its summary as an Answer."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".docx", ".md"):
        raise AssistantError(f"briefing notes are written as .docx or .md, not {out.suffix or 'no extension'!r}")
    evidence = gather_evidence(topic, store, kb, access, area, indicators, meeting_date, embedder)
    questions = answer_from_evidence(evidence, embedder=embedder, llm=llm)
    chart_dir = out.parent / f"{out.stem}-charts"
    briefing, table_figures = build_briefing(evidence, questions, store, chart_dir, max_charts=max_charts)
    if suffix == ".md":
        text = render_markdown(briefing, out)
        _atomic_write(out, lambda target: target.write_text(text, encoding="utf-8"))
    else:
        _atomic_write(out, lambda target: render_docx(briefing, target))
    figures = list(questions.figures)
    seen = {(f.indicator_id, f.period, f.label, f.value) for f in figures}
    for f in table_figures:
        if (f.indicator_id, f.period, f.label, f.value) not in seen:
            seen.add((f.indicator_id, f.period, f.label, f.value))
            figures.append(f)
    kind = questions.kind
    if kind == "none" and briefing.rows:
        kind = "indicator"
    summary = (f"Briefing note on {topic} for {evidence.area_name} written to {out}: "
               f"{_count_words(len(briefing.rows))} indicators, {_count_words(len(briefing.questions))} suggested "
               f"questions and {_count_words(len(briefing.citations))} sources.")
    return Answer(question=f"briefing on {topic}", kind=kind, answer=summary, citations=briefing.citations,
                  figures=figures, questions=briefing.questions,
                  chart=str(briefing.charts[0].path) if briefing.charts else None)
