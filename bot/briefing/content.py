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
    MeasureFacts,
    alias_hit,
    commitments_in,
    data_age_words,
    describe_measure,
    display_name,
    is_broad,
    meeting_date_words,
    on_topic,
    publisher_of,
    recommendations_in,
    reference_date,
    run_words,
)
from bot.challenge.documents import topic_phrases
from bot.challenge.terms import terms_in, terms_marker
from bot.challenge.text import plain_quote, show, show_count, topic_span
from bot.compose import best_quote, dataset_citation, passage_citation
from bot.models import Answer, ChallengeQuestion, Citation
from indicators.analysis import run_of, stated_figure
from indicators.models import Figure, IndicatorAnalysis
from indicators.runs import run_figures
from knowledge.models import Passage
from prompts.templates import Templates, load_templates

if TYPE_CHECKING:
    from indicators.store import IndicatorStore

__all__ = ["MAX_CHARTS", "Briefing", "Chart", "MeasureNote", "PerformanceRow", "Quote", "SourceLine", "TermLine",
           "build_briefing", "load_note_template", "note_wording"]

log = logging.getLogger(__name__)

MAX_CHARTS = 3
QUOTE_CHARS = 420
RISK_KINDS = ("worsening_trend", "missed_target", "green_but_bottom_quartile", "outlier_vs_neighbours",
              "recommendation_no_progress", "document_risk", "data_caveat", "output_without_outcome")
NOTE_TEMPLATE = "briefing_note.yaml"
# How the rank cell names the analysis's quartile (1 = the best quarter of the comparator group).
QUARTILES = {1: "cells.top_quartile", 2: "cells.second_quartile", 3: "cells.third_quartile",
             4: "cells.bottom_quartile"}


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
    """A rendered chart, its caption and its alt text (for screen readers)."""

    path: Path
    caption: str
    alt: str = ""


class MeasureNote(BaseModel):
    """One measure in "About these measures": its name and the lines that describe it."""

    name: str
    lines: list[str]
    source: int


class TermLine(BaseModel):
    """One term of "Terms used" (in "About these measures"): a term or acronym the note uses, in plain words."""

    term: str
    means: str


class SourceLine(BaseModel):
    """One numbered source as the note lists it: title, date, page or section, public address; never a path."""

    id: int
    text: str
    quote: str = ""


class Briefing(BaseModel):
    """Everything a briefing note shows, independent of the output format."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    title: str
    subtitle: str
    header: list[tuple[str, str]] = Field(default_factory=list)  # (label, value): council, committee, dates
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
    questions_note: str = ""  # how the list was drawn up and ordered (the questions' own introduction)
    measures: list[MeasureNote] = Field(default_factory=list)
    terms: list[TermLine] = Field(default_factory=list)  # the terms the note uses, explained
    citations: list[Citation] = Field(default_factory=list)
    sources: list[SourceLine] = Field(default_factory=list)
    properties: dict[str, str] = Field(default_factory=dict)  # DOCX core properties: author, title, subject, ...
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
        return (w.fill("trend.run", direction=run.direction, run_words=run_words(run, a)),
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
    if getattr(a, "check_figure", None):
        latest += w.text("cells.check")
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
            joint = w.text("cells.joint") if getattr(comp, "tied_with", None) else ""
            rank = joint + w.fill("cells.rank", rank=show_count(rank_fig), n=show_count(n_fig))
            figures += [rank_fig, n_fig]
            quartile_fig = stated_figure(a, "quartile")  # the analysis's own quartile (1 = the best quarter)
            if quartile_fig is not None:
                rank += w.fill("cells.quartile", quartile=w.text(QUARTILES[int(quartile_fig.value)]))
                figures.append(quartile_fig)
    trend, trend_figures = _trend(a, w)
    row = PerformanceRow(indicator=display_name(a.info.name), latest=latest, trend=trend, target=target,
                         median=median, rank=rank, source=source)
    return row, figures + trend_figures


def _quotes(evidence: Evidence, passages: list[Passage], sources: _Sources, limit: int) -> list[Quote]:
    """Passages quoted in the note: the span of each that answers the topic, itself on the topic (a passage on
    the topic can hold a quotable span on another), without furniture or markup."""
    out: list[Quote] = []
    seen: set[str] = set()
    for p in passages:
        if p.chunk_id in seen or len(out) >= limit:
            continue
        seen.add(p.chunk_id)
        quote = plain_quote(best_quote(evidence.topic, p.text, limit=QUOTE_CHARS), evidence.topic)
        if not _on_topic(evidence, quote):
            continue
        quote = topic_span(quote, lambda item: _on_topic(evidence, item))
        out.append(Quote(title=p.title, locator=p.locator, text=quote, source=sources.passage(p, quote)))
    return out


def _on_topic(evidence: Evidence, text: str) -> bool:
    return is_broad(evidence.topic) or on_topic(text, evidence.topic, topic_phrases(evidence)) or any(
        alias_hit(text, a.info) for a in evidence.analyses)


def _commitments(evidence: Evidence, sources: _Sources) -> list[Quote]:
    """The plan's numbered commitments on the topic, quoted verbatim."""
    out = []
    for _, text, passage, raw in commitments_in(evidence.passages.get("plan", [])):
        if _on_topic(evidence, text) and len(out) < 6:
            raw = plain_quote(raw, evidence.topic)
            out.append(Quote(title=passage.title, locator=passage.locator, text=raw,
                             source=sources.passage(passage, raw)))
    return out


def _recommendations(evidence: Evidence, sources: _Sources) -> list[Quote]:
    """The peer challenge's numbered recommendations on the topic, quoted verbatim."""
    out = []
    for rec in recommendations_in(evidence.passages.get("peer_challenge", [])):
        if _on_topic(evidence, rec.text) and len(out) < 3:
            quote = plain_quote(rec.quote, evidence.topic)
            out.append(Quote(title=rec.passage.title, locator=rec.passage.locator, text=quote,
                             source=sources.passage(rec.passage, quote)))
    return out


def _charts(evidence: Evidence, store: IndicatorStore, folder: Path, sources: _Sources, w: Templates,
            limit: int) -> list[Chart]:
    try:
        from indicators.charts import read_alt_text, render_trend_chart
    except ImportError as exc:  # the chart module is part of indicators; a broken install should not lose the note
        log.warning("charts unavailable: %s", exc)
        return []
    order = {line.indicator_id: i for i, line in reversed(list(enumerate(evidence.lines))) if line.indicator_id}
    ranked = sorted(evidence.analyses, key=lambda a: order.get(a.info.indicator_id, len(order)))
    charts: list[Chart] = []
    for a in ranked[:limit]:
        path = folder / f"figure-{len(charts) + 1}.png"  # named as the note numbers it, not by an internal id
        folder.mkdir(parents=True, exist_ok=True)
        rendered = render_trend_chart(a, store, path)
        caption = w.fill("chart_caption", n=len(charts) + 1, indicator=display_name(a.info.name), area=a.area_name,
                         source=sources.analysis(a))
        try:
            alt = read_alt_text(rendered)
        except Exception:  # noqa: BLE001 - a chart without readable metadata keeps its caption as alt text
            alt = ""
        charts.append(Chart(path=Path(rendered), caption=caption, alt=alt or caption))
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
            quote = plain_quote(line.quotes.get(p.chunk_id) or best_quote(evidence.topic, p.text), evidence.topic)
            ids.append(sources.passage(p, quote))
        marks = "".join(f" [{i}]" for i in dict.fromkeys(ids))
        risks.append(f"{line.summary}{marks}")
        figures += line.figures
    return risks, figures


def _latest_periods(analyses: list[IndicatorAnalysis]) -> tuple[str, str]:
    """The newest annual period and the newest in-year period held across the note's indicators."""
    from indicators.periods import parse_period

    def end(period: str) -> float:
        try:
            return parse_period(period).end
        except Exception:  # noqa: BLE001 - an unparsed period sorts first
            return 0.0

    annual = max((a.latest.period for a in analyses), key=end, default="")
    in_year = max((a.latest_in_year.period for a in analyses if a.latest_in_year is not None), key=end, default="")
    return annual, in_year


def _data_as_at(evidence: Evidence, store: IndicatorStore | None, w: Templates) -> str:
    """"2022-23 (Oflog Local Authority Data Explorer, imported 1 December 2026)": the data's latest period, who
    published it and when it was loaded."""
    if not evidence.analyses:
        return w.text("header.no_data")
    annual, in_year = _latest_periods(evidence.analyses)
    when = w.fill("header.data_in_year", annual=annual, in_year=in_year) if in_year else annual
    publishers: list[str] = []
    imported: list[str] = []
    for a in evidence.analyses:
        facts = describe_measure(a, _dataset(store, a))
        if publisher_of(a.info) and facts.publisher not in publishers:
            publishers.append(facts.publisher)  # a public dataset is named; a council's own data need not be
        if facts.imported and facts.imported not in imported:
            imported.append(facts.imported)
    parts = publishers + [w.fill("header.imported", date=d) for d in imported]
    return w.fill("header.data_as_at", when=when, publishers="; ".join(parts)) if parts else when


def _dataset(store: IndicatorStore | None, a: IndicatorAnalysis) -> Any:
    if store is None or not a.info.dataset:
        return None
    try:
        return store.dataset(a.info.dataset)
    except Exception:  # noqa: BLE001 - a dataset the store no longer lists has no release date to show
        return None


# The analysis's figures its signal-or-noise verdict can state (points held, the minimum for a chart, a run).
_SIGNAL_LABELS = ("periods held", "XmR periods", "XmR minimum periods", "XmR run on one side of the centre",
                  "XmR run rising or falling")


def _measure_notes(evidence: Evidence, store: IndicatorStore | None, sources: _Sources, w: Templates
                   ) -> tuple[list[MeasureNote], list[Figure]]:
    """"About these measures": each indicator's definition, kind, polarity, cadence, publisher, comparators,
    and what to check; the figures its signal-or-noise sentence states."""
    notes: list[MeasureNote] = []
    figures: list[Figure] = []
    for a in evidence.analyses:
        m: MeasureFacts = describe_measure(a, _dataset(store, a))
        definition = w.fill("about.quoted", text=m.definition) if m.quoted else m.definition
        lines = [w.fill("about.definition", definition=definition, kind=m.kind, polarity=m.polarity)]
        release = w.fill("about.released", period=m.latest_period, imported=m.imported) if m.imported else \
            w.fill("about.released_only", period=m.latest_period)
        lines.append(w.fill("about.cadence", cadence=m.cadence, release=release))
        lines.append(w.fill("about.publisher", publisher=m.publisher, url=w.fill("about.url", url=m.url)
                            if m.url else ""))
        if m.comparators:
            lines.append(w.fill("about.comparators", comparators=m.comparators))
        if m.scope:
            lines.append(w.fill("about.scope", scope=m.scope))
        if a.signal.verdict:
            lines.append(w.fill("about.signal", verdict=a.signal.verdict))
            figures += [f for f in a.figures if f.label in _SIGNAL_LABELS]
        check = getattr(a, "check_figure", None)
        if check:
            lines.append(str(check))
        for caveat in a.caveats[:2]:
            lines.append(w.fill("about.caveat", caveat=caveat))
        if any(c.startswith("Small numbers") for c in a.caveats[:2]):
            figures += [f for f in a.figures if f.label == "denominator"]
        notes.append(MeasureNote(name=m.name, lines=lines, source=sources.analysis(a)))
    return notes, figures


def _passages_by_path(evidence: Evidence) -> dict[str, Passage]:
    found: dict[str, Passage] = {}
    for group in evidence.passages.values():
        for p in group:
            found.setdefault(p.path, p)
    for line in evidence.lines:
        for p in line.passages:
            found.setdefault(p.path, p)
    return found


def _public_address(path: str) -> str:
    return path if re.match(r"https?://", path or "") else ""


def _source_lines(citations: list[Citation], evidence: Evidence, w: Templates) -> list[SourceLine]:
    """Each citation as the note lists it: a document by title, date, page or section and public address; data by
    publisher, indicator, council and periods. A local file path is never shown."""
    by_path = _passages_by_path(evidence)
    analyses = {a.info.indicator_id: a for a in evidence.analyses}
    out: list[SourceLine] = []
    for c in citations:
        indicator_id = c.locator.split(",")[0] if "," in c.locator else ""
        a = analyses.get(indicator_id)
        if a is not None:
            m = describe_measure(a)
            span = c.locator.split(",", 2)[-1].strip() if c.locator.count(",") >= 2 else ""
            code = w.fill("sources.code", code=indicator_id) if re.fullmatch(r"[A-Za-z&]{1,6}\d+[a-z]?",
                                                                               indicator_id) else ""
            text = w.fill("sources.data", publisher=m.publisher, indicator=m.name, code=code, area=a.area_name,
                          span=span, url=w.fill("sources.url", url=m.url) if m.url else "")
            out.append(SourceLine(id=c.id, text=text))
            continue
        passage = by_path.get(c.path)
        date_words = ""
        if passage is not None and passage.date is not None:
            date_words = w.fill("sources.date", date=f"{passage.date.day} {passage.date:%B %Y}")
        restricted = w.text("sources.restricted") if passage is not None and \
            passage.classification == "restricted" else ""
        address = _public_address(c.path)
        text = w.fill("sources.document", title=c.source, date=date_words, locator=c.locator,
                      url=w.fill("sources.url", url=address) if address else "", restricted=restricted)
        out.append(SourceLine(id=c.id, text=text, quote=" ".join(c.quote.split())))
    return out


def _note_text(b: Briefing) -> str:
    """Everything the note says, as one text (to find the terms it uses)."""
    parts = [b.title, b.subtitle, b.disclaimer, b.purpose, b.performance_note, b.questions_note, *b.headings.values(),
             *(value for _, value in b.header), *b.table_headers, *b.risks]
    parts += [f"{q.title} {q.locator} {q.text}" for q in b.background + b.peer_audit]
    parts += [" ".join(r.model_dump(exclude={"source"}).values()) for r in b.rows]
    parts += [f"{c.caption} {c.alt}" for c in b.charts]
    parts += [f"{q.text} {q.rationale} {q.type} {q.theme}" for q in b.questions]
    parts += [" ".join([m.name, *m.lines]) for m in b.measures]
    parts += [f"{s.text} {s.quote}" for s in b.sources]
    return "\n".join(parts)


def build_briefing(evidence: Evidence, questions: Answer, store: IndicatorStore | None, chart_dir: Path,
                   template: dict[str, Any] | None = None, max_charts: int = MAX_CHARTS,
                   committee: str | None = None) -> tuple[Briefing, list[Figure]]:
    """Assemble the note's content from gathered evidence and the drafted questions; also every figure the note
    states beyond the questions' own (the performance table, the risks, the measures' notes)."""
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
    background = _commitments(evidence, sources) or _quotes(evidence, [
        p for p in evidence.passages.get("plan", []) if _on_topic(evidence, p.text)], sources, 3)
    quoted = {r.passage.chunk_id for r in recommendations_in(evidence.passages.get("peer_challenge", []))}
    peer = [p for p in evidence.passages.get("peer_challenge", [])
            if p.chunk_id not in quoted and _on_topic(evidence, p.text)]
    audit = [p for p in evidence.passages.get("audit", []) if _on_topic(evidence, p.text)]
    peer_audit = _recommendations(evidence, sources) + _quotes(evidence, peer, sources, 1) + \
        _quotes(evidence, audit, sources, 2)
    risks, risk_figures = _risks(evidence, sources)
    measures, measure_figures = _measure_notes(evidence, store, sources, w)
    data = w.data
    topic_title = evidence.topic[:1].upper() + evidence.topic[1:]
    title = w.fill("title", topic=topic_title)
    prepared = f"{today.day} {today:%B %Y}"
    header = [(w.text("header.council"), evidence.area_name)]
    if committee:
        header.append((w.text("header.committee"), committee))
    header.append((w.text("header.meeting"), when or w.text("header.no_meeting")))
    header.append((w.text("header.subject"), topic_title))
    header.append((w.text("header.data"), _data_as_at(evidence, store, w)))
    header.append((w.text("header.prepared"), w.fill("header.prepared_by", date=prepared)))
    performance_note = w.text("performance_note")
    annual, in_year = _latest_periods(evidence.analyses)
    age = data_age_words(in_year or annual, evidence.meeting_date) if annual else None
    if age:
        performance_note += " " + w.fill("data_age", period=in_year or annual, age=age,
                                         reference=w.text("reference_meeting" if evidence.meeting_date
                                                          else "reference_today"))
    reference = reference_date(evidence.meeting_date)
    subject = w.fill("properties.subject", topic=topic_title, committee=committee or w.text("properties.scrutiny"),
                     date=when or f"{reference.day} {reference:%B %Y}")
    properties = {"author": evidence.area_name or w.text("properties.author"), "title": title, "subject": subject,
                  "keywords": w.fill("properties.keywords", topic=evidence.topic),
                  "comments": w.text("disclaimer")}
    questions_note = ""
    if questions.questions:
        questions_note = questions.answer.split(" Main lines of enquiry:")[0].split(terms_marker())[0]
    briefing = Briefing(
        title=title,
        subtitle=w.fill("subtitle", area=evidence.area_name, today=prepared, meeting=meeting),
        header=header, disclaimer=w.text("disclaimer"), headings=data["headings"],
        purpose=w.fill("purpose", topic=evidence.topic), background=background, performance_note=performance_note,
        table_headers=data["table_headers"], rows=rows, charts=charts, peer_audit=peer_audit, risks=risks,
        questions=questions.questions or [], questions_note=questions_note, measures=measures,
        citations=sources.list, sources=[], properties=properties,
        empty={k: w.text(k) for k in ("no_plan", "no_performance", "no_peer_audit", "no_risks", "no_measures")},
        wording=w)
    briefing.sources = _source_lines(sources.list, evidence, w)
    briefing.terms = [TermLine(term=t.term, means=t.means) for t in terms_in(_note_text(briefing))]
    return briefing, figures + risk_figures + measure_figures
