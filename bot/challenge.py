"""Challenge questions: find the evidence on a topic, detect lines of enquiry, word them from the question bank."""

from __future__ import annotations

import json
import logging
import math
import re
import string
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.compose import best_quote, content_words, dataset_citation, passage_citation
from bot.errors import AssistantError
from bot.llm import PROMPTS_DIR
from bot.models import Answer, ChallengeQuestion, Citation
from indicators.models import Figure, IndicatorAnalysis, IndicatorInfo
from knowledge.models import AccessContext, Passage, SearchFilters

if TYPE_CHECKING:
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase

log = logging.getLogger(__name__)

LineKind = Literal[
    "overview", "worsening_trend", "missed_target", "green_but_bottom_quartile", "outlier_vs_neighbours",
    "real_improvement", "data_caveat", "output_without_outcome", "recommendation_no_progress",
    "commitment_no_measure", "document_risk",
]
QuestionType = Literal["open/probing", "comparative", "hypothetical", "reflective", "evidence"]

MIN_QUESTIONS = 10
# At most this many questions of one kind of line before every other kind has had its turn.
KIND_CAP = 3
# Share of the topic's (frequency-weighted) words an indicator must contain to count as on-topic by words alone.
MIN_LEXICAL = 0.3
MAX_INDICATORS = 8
# Cosine similarity above which an indicator counts as on-topic without sharing a word with the topic.
TOPIC_COSINE = 0.45
# For a narrow topic (exactly one indicator's name or alias), how close another indicator must be to join it.
NARROW_COSINE = 0.55
# Two questions are near-duplicates when their content words overlap this much (Jaccard) ...
DUPLICATE_JACCARD = 0.55
# ... or, with an embedder, when their embeddings are this close.
DUPLICATE_COSINE = 0.9
SHARP_CHANGE_PERCENT = 10.0
# An improvement run must move the indicator by at least this fraction of its starting value to be "real".
MIN_IMPROVEMENT = 0.05
QUOTE_CHARS = 220
_BROAD = frozenset("performance overview overall corporate all service kpi kpis indicator indicators general "
                   "report summary everything key".split())
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                 "nineteen", "twenty")
_RECOMMENDATION = re.compile(
    r"Recommendation[ \t]+(\d+)[ \t]*[:.\u2013-][ \t]*(?!Recommendation)(.+?)"
    r"(?=Recommendation[ \t]+\d+[ \t]*[:.\u2013-]|\n\s*Page\s+\d|\n\s*\n|\n\s*#|\Z)", re.DOTALL)
_COMMITMENT = re.compile(
    r"Commitment\s+(\d+\.\d+)\s*:\s*(.+?)(?=Commitment\s+\d+\.\d+\s*:|How we will measure|\n\s*Page\s+\d|"
    r"\n\s*\n|\n\s*#|\Z)", re.DOTALL)
_ACTION = re.compile(r"\bAction:\s*(.+?)(?:\n|\Z)")
_NO_PROGRESS = re.compile(r"no update|not yet|not been|not drafted|not started|no progress|delayed|slipp|overdue|"
                          r"could not give|behind schedule", re.IGNORECASE)
_PROGRESS = re.compile(r"\bcomplete|adopted|published|delivered|implemented|on track|agreed|in progress",
                       re.IGNORECASE)
_RISK = re.compile(r"significant weakness|\brisk|shortfall|overspend|gap of|no delivery plan|concern|pressure|"
                   r"weakness|not yet|recommendation", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])|\n+")
_OUTPUT_MEASURES = frozenset({"count", "volume", "number", "activity", "output", "total"})


class QuestionTemplate(BaseModel):
    """One entry of prompts/question_bank.yaml."""

    id: str
    theme: str
    type: QuestionType
    template: str
    applies_to: list[LineKind]

    @property
    def fields(self) -> set[str]:
        """The placeholders the template needs."""
        return {name for _, name, _, _ in string.Formatter().parse(self.template) if name}


class LineOfEnquiry(BaseModel):
    """Something in the evidence worth asking about, with how much it matters and what shows it."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    kind: LineKind
    title: str  # short, number-free headline
    summary: str  # the rationale: what the evidence shows (numbers only from `figures` or quoted passages)
    materiality: float
    indicator_id: str | None = None
    figures: list[Figure] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list)
    facts: dict[str, str] = Field(default_factory=dict)  # template placeholders
    quotes: dict[str, str] = Field(default_factory=dict)  # chunk_id -> the verbatim span to quote from it


class Evidence(BaseModel):
    """Everything found on a topic: matched indicators' analyses, passages by document type, lines of enquiry."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    topic: str
    area_code: str
    area_name: str
    meeting_date: str | None = None
    analyses: list[IndicatorAnalysis] = Field(default_factory=list)
    relevance: dict[str, float] = Field(default_factory=dict)
    passages: dict[str, list[Passage]] = Field(default_factory=dict)
    lines: list[LineOfEnquiry] = Field(default_factory=list)


class QuestionSet(BaseModel):
    """Questions drafted from evidence, with the citations they use and every figure they state."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    questions: list[ChallengeQuestion] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    data_citation_ids: set[int] = Field(default_factory=set)
    headlines: list[str] = Field(default_factory=list)  # number-free line titles with a citation marker


class Recommendation(BaseModel):
    """A numbered recommendation found in a peer challenge report."""

    number: int
    text: str
    passage: Passage
    quote: str  # verbatim span of the passage


# -- the question bank ---------------------------------------------------------------------------------------

def load_question_bank(path: Path | None = None) -> list[QuestionTemplate]:
    """Read and validate the question bank (prompts/question_bank.yaml by default)."""
    path = path or PROMPTS_DIR / "question_bank.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise AssistantError(f"cannot read question bank {path}: {exc}") from None
    if not isinstance(raw, list):
        raise AssistantError(f"question bank {path} must be a list of entries")
    try:
        bank = [QuestionTemplate.model_validate(entry) for entry in raw]
    except ValidationError as exc:
        raise AssistantError(f"question bank {path}: {exc.errors()[0]['msg']} "
                             f"at {exc.errors()[0]['loc']}") from None
    ids = [t.id for t in bank]
    if len(ids) != len(set(ids)):
        raise AssistantError(f"question bank {path} repeats an id")
    return bank


# -- formatting ----------------------------------------------------------------------------------------------

def _decimals(values: Sequence[float]) -> int:
    shown = 0
    for v in values:
        text = f"{v:.4f}".rstrip("0").rstrip(".")
        if "." in text:
            shown = max(shown, len(text.split(".")[1]))
    return min(shown, 2)


def format_value(value: float, unit: str, decimals: int) -> str:
    """A value as a member reads it: 39.5%, £75.80, 1,234 kg."""
    if unit.strip() == "£" or unit.startswith("£"):
        places = 2 if (decimals > 0 or value != round(value)) and abs(value) < 1000 else 0
        text = f"£{value:,.{places}f}"
        rest = unit.strip()[1:].strip()
        return f"{text} {rest}".strip()
    text = f"{value:,.{decimals}f}"
    if unit.strip() == "%":
        return f"{text}%"
    return f"{text} {unit}".strip() if unit and unit.lower() not in ("number", "count", "ratio", "score") else text


def _count_words(n: int) -> str:
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def _period_noun(period: str) -> str:
    if re.search(r"Q[1-4]", period):
        return "quarters"
    if re.fullmatch(r"\d{4}-\d{2}", period) and int(period[5:7]) <= 12 and int(period[5:7]) != \
            (int(period[2:4]) + 1) % 100:
        return "months"
    return "years"


def _by_when(latest_period: str) -> str:
    match = re.match(r"(\d{4})-(\d{2})", latest_period)
    if match and int(match.group(2)) == (int(match.group(1)) + 1) % 100:
        start = int(match.group(1)) + 2
        return f"the end of {start}-{(start + 1) % 100:02d}"
    return "this time next year"


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:] if name[:2].lower() == name[:2] or not name[1:2].isupper() else name


def _short(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text.rstrip(".")
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(",;:") + "\u2026"


# -- matching a topic to indicators ---------------------------------------------------------------------------

def _indicator_text(info: IndicatorInfo) -> str:
    parts = [info.name, ", ".join(info.aliases), info.description, info.category]
    return ". ".join(p for p in parts if p)


def _alias_hit(topic: str, info: IndicatorInfo) -> bool:
    low = f" {' '.join(re.findall(r'[a-z0-9]+', topic.lower()))} "
    for alias in [*info.aliases, info.name]:
        phrase = " ".join(re.findall(r"[a-z0-9]+", alias.lower()))
        if len(phrase) >= 3 and f" {phrase} " in low:
            return True
    return False


def _phrase(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def load_topic_families(path: Path | None = None) -> dict[str, tuple[list[str], list[str]]]:
    """Service families from prompts/topics.yaml: name -> (topic words, indicator terms)."""
    path = path or PROMPTS_DIR / "topics.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise AssistantError(f"cannot read topic families {path}: {exc}") from None
    return {name: ([_phrase(w) for w in entry.get("words", [])], [_phrase(t) for t in entry.get("terms", [])])
            for name, entry in raw.items()}


def _family_terms(topic: str, families: dict[str, tuple[list[str], list[str]]]) -> list[str]:
    padded = f" {_phrase(topic)} "
    terms: list[str] = []
    for words, family_terms in families.values():
        if any(w and f" {w} " in padded for w in words):
            terms.extend(family_terms)
    return terms


def match_indicators(topic: str, infos: Sequence[IndicatorInfo], embedder: Any = None,
                     cache: dict[str, Any] | None = None, limit: int = MAX_INDICATORS,
                     families: dict[str, tuple[list[str], list[str]]] | None = None) -> list[tuple[str, float]]:
    """Indicators on a topic, best first, as (indicator_id, relevance 0-1): words, aliases, service family, meaning."""
    wanted = content_words(topic)
    if not infos:
        return []
    if not wanted or wanted <= _BROAD:
        return [(i.indicator_id, 0.5) for i in infos][: max(limit, 12)]
    cosines: dict[str, float] = {}
    if embedder is not None:
        key = "challenge.indicator_vectors"
        vectors = cache.get(key) if cache is not None else None
        if vectors is None or set(vectors) != {i.indicator_id for i in infos}:
            embedded = embedder.embed_documents([_indicator_text(i) for i in infos])
            vectors = {i.indicator_id: v for i, v in zip(infos, embedded, strict=True)}
            if cache is not None:
                cache[key] = vectors
        query = embedder.embed_query(topic)
        cosines = {k: sum(a * b for a, b in zip(query, v, strict=True)) for k, v in vectors.items()}
    # Words shared by many indicators ("rate", "collection") say little: weight overlap by inverse frequency.
    texts = {i.indicator_id: _indicator_text(i) + " " + i.indicator_id.replace("_", " ") for i in infos}
    words_of = {k: content_words(v) for k, v in texts.items()}
    df: dict[str, int] = {}
    for words in words_of.values():
        for w in words & wanted:
            df[w] = df.get(w, 0) + 1
    idf = {w: math.log(1 + len(infos) / (1 + df.get(w, 0))) for w in wanted}
    total = sum(idf.values()) or 1.0
    # A topic that is exactly one indicator's name or alias ("council tax collection") is narrow: then only close
    # matches join it, not everything sharing a word.
    padded_topic = f" {_phrase(topic)} "
    narrow = any(f" {_phrase(a)} " in padded_topic and wanted <= content_words(a)
                 for i in infos for a in [*i.aliases, i.name])
    terms = [] if narrow else _family_terms(topic, families if families is not None else load_topic_families())
    scored: list[tuple[str, float]] = []
    for info in infos:
        lexical = sum(idf[w] for w in wanted & words_of[info.indicator_id]) / total
        alias = _alias_hit(topic, info)
        padded = f" {_phrase(texts[info.indicator_id])} "
        family = any(f" {t} " in padded for t in terms if t)
        cosine = cosines.get(info.indicator_id, 0.0)
        if narrow:
            keep = alias or lexical >= 0.5 or cosine >= NARROW_COSINE
        else:
            keep = alias or family or lexical >= MIN_LEXICAL or cosine >= TOPIC_COSINE
        if not keep:
            continue
        score = 0.5 * max(lexical, 1.0 * alias, 0.6 * family) + 0.3 * max(cosine, 0.0) + 0.2 * alias
        scored.append((info.indicator_id, min(1.0, score)))
    scored.sort(key=lambda s: -s[1])
    return scored[:limit]


# -- evidence ----------------------------------------------------------------------------------------------

def _search(kb: KnowledgeBase | None, query: str, k: int, access: AccessContext,
            doc_types: list[str] | None) -> list[Passage]:
    if kb is None:
        return []
    try:
        if not kb.documents():
            return []
        filters = SearchFilters(doc_types=doc_types) if doc_types else None
        return list(kb.search(query, k=k, access=access, filters=filters))
    except Exception as exc:  # noqa: BLE001 - a search failure must not lose the indicator evidence
        log.warning("document search failed for %r: %s", query, exc)
        return []


def _on_topic(text: str, terms: set[str], phrases: Sequence[str]) -> bool:
    low = " ".join(re.findall(r"[a-z0-9]+", text.lower()))
    return bool(content_words(text) & terms) or any(p and p in low for p in phrases)


def gather_evidence(topic: str, store: IndicatorStore | None, kb: KnowledgeBase | None,
                    caller_access: AccessContext, area: str, indicators: list[str] | None = None,
                    meeting_date: str | None = None, embedder: Any = None) -> Evidence:
    """Find the indicators and passages on a topic for a council and detect the lines of enquiry."""
    from indicators.errors import IndicatorError

    topic = topic.strip()
    if not topic:
        raise AssistantError("the topic is empty")
    area_name = area
    analyses: list[IndicatorAnalysis] = []
    relevance: dict[str, float] = {}
    if store is not None and store.datasets():
        try:
            area_name = store.area_name(area)
        except IndicatorError:
            area_name = area
        infos = store.indicators()
        if indicators:
            known = {i.indicator_id: i for i in infos}
            chosen: list[tuple[str, float]] = []
            for wanted in indicators:
                if wanted in known:
                    chosen.append((wanted, 1.0))
                    continue
                found = match_indicators(wanted, infos, embedder, store.cache(), limit=1)
                if not found:
                    raise AssistantError(f"unknown indicator {wanted!r}")
                chosen.append((found[0][0], 1.0))
        else:
            chosen = match_indicators(topic, infos, embedder, store.cache())
        from indicators.analysis import analyse

        for indicator_id, score in chosen:
            try:
                analysis = analyse(store, indicator_id, area)
                annual = _annual_comparators(store, analysis)
            except IndicatorError as exc:
                log.info("skipping %s for %s: %s", indicator_id, area, exc)
                continue
            if annual is not None:
                analysis = analysis.model_copy(update={"comparators": annual})
            analyses.append(analysis)
            relevance[indicator_id] = score

    access = caller_access
    passages = {
        "plan": _search(kb, topic, 3, access, ["plan"]),
        "peer_challenge": _search(kb, f"{topic} recommendation", 4, access, ["peer_challenge"]),
        "minutes": _search(kb, topic, 3, access, ["minutes"]),
        "performance_report": _search(kb, topic, 4, access, ["performance_report"]),
        "audit": _search(kb, topic, 2, access, ["audit"]),
        "any": _search(kb, topic, 4, access, None),
    }
    evidence = Evidence(topic=topic, area_code=area, area_name=area_name, meeting_date=meeting_date,
                        analyses=analyses, relevance=relevance, passages=passages)
    evidence.lines = detect_lines(evidence, store, kb, access)
    return evidence


def _annual_comparators(store: IndicatorStore, a: IndicatorAnalysis) -> Any:
    """When the latest value is a quarter nobody else reports, compare the latest annual value instead."""
    from indicators.analysis import analyse
    from indicators.periods import parse_period

    if a.comparators is not None:
        return None
    annual = [p.period for p in a.series if p.value is not None
              and parse_period(p.period).kind in ("financial_year", "calendar_year")]
    if not annual or annual[-1] == a.latest.period:
        return None
    return analyse(store, a.info.indicator_id, a.area_code, period=annual[-1]).comparators


def find_lines_of_enquiry(topic: str, store: IndicatorStore | None, kb: KnowledgeBase | None,
                          caller_access: AccessContext, area: str, indicators: list[str] | None = None,
                          meeting_date: str | None = None, embedder: Any = None) -> list[LineOfEnquiry]:
    """The lines of enquiry on a topic, most material first."""
    return gather_evidence(topic, store, kb, caller_access, area, indicators, meeting_date, embedder).lines


# -- lines of enquiry from indicators ---------------------------------------------------------------------

def _figure(a: IndicatorAnalysis, period: str, value: float, label: str, unit: str | None = None) -> Figure:
    return Figure(indicator_id=a.info.indicator_id, indicator_name=a.info.name, area_code=a.area_code,
                  area_name=a.area_name, period=period, value=value, unit=a.info.unit if unit is None else unit,
                  label=label, dataset=a.info.dataset)


class Run(BaseModel):
    """Consecutive same-direction moves at the end of one frequency's sub-series (years, or quarters)."""

    direction: str
    count: int
    start_period: str
    start_value: float
    end_period: str
    end_value: float

    @property
    def relative(self) -> float:
        """Size of the whole run relative to where it started."""
        return abs(self.end_value - self.start_value) / abs(self.start_value) if self.start_value else 0.0


def runs_of(a: IndicatorAnalysis) -> list[Run]:
    """The trailing run of each period frequency in the series (annual and quarterly are judged apart)."""
    from indicators.analysis import judge
    from indicators.periods import parse_period

    ideal = a.info.midpoint if a.info.midpoint is not None else (a.target.target if a.target else None)
    by_kind: dict[str, list[tuple[str, float]]] = {}
    for point in a.series:
        if point.value is None:
            continue
        try:
            kind = parse_period(point.period).kind
        except ValueError:
            continue
        by_kind.setdefault(kind, []).append((point.period, float(point.value)))
    runs: list[Run] = []
    for points in by_kind.values():
        steps = [judge(x[1], y[1], a.info, ideal) for x, y in zip(points, points[1:], strict=False)]
        if not steps or steps[-1] not in ("improving", "worsening"):
            continue
        count = 0
        for step in reversed(steps):
            if step != steps[-1]:
                break
            count += 1
        start, end = points[-(count + 1)], points[-1]
        runs.append(Run(direction=steps[-1], count=count, start_period=start[0], start_value=start[1],
                        end_period=end[0], end_value=end[1]))
    return runs


def display_name(name: str) -> str:
    """An indicator name without a trailing unit in brackets, for use inside a sentence."""
    return re.sub(r"\s*\((?:%|£|kg|days|no\.?|number|rate|per cent)\)\s*$", "", name, flags=re.IGNORECASE)


def _met(info: IndicatorInfo, value: float, target: float) -> bool:
    if info.polarity == "lower_is_better":
        return value <= target
    if info.polarity == "higher_is_better":
        return value >= target
    return False


def _indicator_lines(a: IndicatorAnalysis, relevance: float, by_when: str,
                     perf_passages: Sequence[Passage]) -> list[LineOfEnquiry]:
    info = a.info
    decimals = _decimals([p.value for p in a.series if p.value is not None] + [a.latest.value])
    fmt = lambda v: format_value(v, info.unit, decimals)  # noqa: E731 - local shorthand
    latest = a.latest
    name = display_name(info.name)
    short = name
    base: dict[str, str] = {
        "indicator": name, "indicator_lower": _lower_first(name), "latest": fmt(latest.value),
        "latest_period": latest.period, "by_when": by_when,
    }
    latest_fig = _figure(a, latest.period, latest.value, "latest value")
    lines: list[LineOfEnquiry] = []
    weight = 0.6 + 0.4 * relevance

    def add(kind: LineKind, title: str, summary: str, materiality: float, figures: list[Figure],
            facts: dict[str, str], passages: list[Passage] | None = None, quotes: dict[str, str] | None = None
            ) -> None:
        lines.append(LineOfEnquiry(kind=kind, title=title, summary=summary, materiality=round(materiality * weight, 4),
                                   indicator_id=info.indicator_id, figures=figures, passages=passages or [],
                                   facts={**base, **facts}, quotes=quotes or {}))

    comp = a.comparators
    comp_facts: dict[str, str] = {}
    comp_figs: list[Figure] = []
    # Comparators may be for an earlier (annual) period than the latest (quarterly) value: use that period's own.
    at_comp = {p.period: p for p in a.series}.get(comp.period) if comp is not None else None
    comp_value = at_comp.value if at_comp is not None and at_comp.value is not None else latest.value
    comp_target = at_comp.target if at_comp is not None else None
    comp_latest: dict[str, str] = {}
    comp_value_fig = latest_fig
    if comp is not None and comp.rank is not None:
        comp_latest = {"latest": fmt(comp_value), "latest_period": comp.period}
        if comp.period != latest.period:
            comp_value_fig = _figure(a, comp.period, comp_value, "value compared")
        comp_facts = {"median": fmt(comp.median), "rank": str(comp.rank), "n": str(comp.n)}
        comp_figs = [_figure(a, comp.period, comp.median, f"{comp.comparison} median"),
                     _figure(a, comp.period, float(comp.rank), f"rank among {comp.comparison}", unit="rank"),
                     _figure(a, comp.period, float(comp.n), f"councils in the {comp.comparison} group",
                             unit="councils")]
        if comp.best_name and comp.best_value is not None:
            comp_facts["best_neighbour"] = comp.best_name
            comp_facts["best_value"] = fmt(comp.best_value)
            comp_figs.append(_figure(a, comp.period, comp.best_value, f"best in group ({comp.best_name})"))
        if comp.mads_band and comp.mads_band != "broadly similar" and comp.national_median is not None:
            comp_facts["national_band"] = (f"{comp.mads_band} than the national median of "
                                           f"{fmt(comp.national_median)}")
            comp_figs.append(_figure(a, comp.period, comp.national_median, "national median"))
    runs = runs_of(a)
    # Worsening: a run of worse periods, or one sharp worsening step (each frequency judged on its own).
    worse = [r for r in runs if r.direction == "worsening"
             and (r.count >= 2 or r.relative * 100 >= SHARP_CHANGE_PERCENT)]
    if worse:
        run = max(worse, key=lambda r: (r.count >= 2, r.relative * (r.count + 1)))
        run_words = f"{_count_words(run.count)} {_period_noun(run.end_period)}"
        moved = "fell" if run.start_value > run.end_value else "rose"
        start, end = fmt(run.start_value), fmt(run.end_value)
        facts = {"start": start, "start_period": run.start_period, "latest": end, "latest_period": run.end_period,
                 "trend_noun": "decline" if moved == "fell" else "rise"}
        if run.count >= 2:
            facts["run_words"] = run_words
            summary = (f"{name} has worsened {run_words} in a row: it {moved} from {start} in {run.start_period} "
                       f"to {end} in {run.end_period}.")
        else:
            facts["sharp_move"] = f"{moved} sharply"
            summary = f"{name} {moved} sharply from {start} in {run.start_period} to {end} in {run.end_period}."
        if info.unit.startswith("£") or info.measure_type.lower() == "cost":
            facts["cost_note"] = (f"The {_lower_first(short)} {moved} from {start} in {run.start_period} to {end} "
                                  f"in {run.end_period}.")
        if a.target is not None:
            facts["target"] = fmt(a.target.target)
        figs = [_figure(a, run.start_period, run.start_value, "start of the run"),
                _figure(a, run.end_period, run.end_value, "end of the run")]
        if a.target is not None:
            figs.append(_figure(a, a.target.period, a.target.target, "target"))
        materiality = (0.62 + 0.05 * min(run.count, 5) + min(0.15, run.relative) + 0.08 * bool(a.signal.runs))
        add("worsening_trend", f"{_lower_first(short)} worsening", summary, materiality, figs + comp_figs,
            {**comp_facts, **facts})
    # Target missed.
    t = a.target
    if t is not None and not t.met:
        summary = (f"{name} was {fmt(t.value)} in {t.period} against a target of {fmt(t.target)} "
                   f"({t.rag.upper()}).")
        size = abs(t.gap) / abs(t.target) if t.target else 0.0
        add("missed_target", f"{_lower_first(name)} below target", summary,
            0.5 + min(0.25, size * 2) + 0.08 * (t.rag == "red"),
            [latest_fig, _figure(a, t.period, t.target, "target")], {"target": fmt(t.target), **comp_facts})
    # Green against the local target yet in the bottom quartile of similar councils.
    green_bottom = False
    if comp is not None and comp.quartile == 4 and comp_target is not None:
        green_bottom = _met(info, comp_value, comp_target)
    if green_bottom and comp is not None and comp_target is not None:
        summary = (f"{name} is green against the local target ({fmt(comp_value)} against {fmt(comp_target)} in "
                   f"{comp.period}) but ranks {comp.rank} of {comp.n} in its {comp.group_name.replace('_', ' ')} group "
                   f"(bottom quartile; median {fmt(comp.median)}).")
        add("green_but_bottom_quartile", f"{_lower_first(name)} green but bottom quartile", summary, 0.88,
            [comp_value_fig, _figure(a, comp.period, comp_target, "target"), *comp_figs],
            {**comp_facts, **comp_latest, "target": fmt(comp_target)})
    # Outlier against neighbours (worse side only; a good outlier is material for reflection, not challenge).
    worse_band = bool(comp is not None and comp.mads_judgement == "worse"
                      and comp.mads_band.startswith(("much", "higher", "lower")))
    if comp is not None and comp.rank is not None and not green_bottom and (comp.quartile == 4 or worse_band):
        summary = (f"{name} ({fmt(comp_value)} in {comp.period}) ranks {comp.rank} of {comp.n} in its "
                   f"{comp.group_name.replace('_', ' ')} group, whose median is {fmt(comp.median)}"
                   + (f"; it is {comp_facts['national_band']} ({comp.mads_judgement})"
                      if worse_band and "national_band" in comp_facts else "") + ".")
        mads = abs(comp.mads or 0.0)
        add("outlier_vs_neighbours", f"{_lower_first(name)} compared with similar councils", summary,
            0.55 + 0.1 * (mads > 3) + 0.05 * (comp.quartile == 4), [comp_value_fig, *comp_figs],
            {**comp_facts, **comp_latest})
    # Real improvement worth understanding: three or more better periods and a change that is not trivial.
    better = [r for r in runs if r.direction == "improving" and r.count >= 3 and r.relative >= MIN_IMPROVEMENT]
    if better:
        run = max(better, key=lambda r: r.relative)
        run_words = f"{_count_words(run.count)} {_period_noun(run.end_period)}"
        start, end = fmt(run.start_value), fmt(run.end_value)
        summary = (f"{name} has improved {run_words} running, from {start} in {run.start_period} to {end} in "
                   f"{run.end_period}.")
        add("real_improvement", f"improvement in {_lower_first(short)}", summary,
            0.42 + 0.05 * bool(t is not None and t.met),
            [_figure(a, run.start_period, run.start_value, "start of the run"),
             _figure(a, run.end_period, run.end_value, "end of the run")],
            {"run_words": run_words, "start": start, "start_period": run.start_period, "latest": end,
             "latest_period": run.end_period})
    # Data caveats and breaks in series.
    if a.caveats:
        first = next((c for c in a.caveats if c.lower().startswith("break")), a.caveats[0])
        first = re.sub(r"^(Break in series at [^:]+:)\s*Break in series:\s*", r"\1 ", first)
        add("data_caveat", f"data caveat on {_lower_first(name)}", f"Caveat on {name}: {first}",
            0.33 + 0.07 * bool(a.breaks), [latest_fig], {"caveat": _short(first, 180).rstrip(".")})
    # Output without outcome: an activity measure, or a reported action while the outcome is not improving.
    if info.measure_type.lower() in _OUTPUT_MEASURES:
        add("output_without_outcome", f"{_lower_first(name)} counts activity, not results",
            f"{name} measures activity ({info.measure_type}) rather than an outcome for residents.", 0.35,
            [latest_fig], {})
    not_improving = a.direction == "worsening" or (t is not None and not t.met)
    if not_improving:
        action, passage, action_quote = _reported_action(info, perf_passages)
        if action and passage is not None:
            summary = (f"The performance report records this action on {_lower_first(name)}: \u201c{action}\u201d, "
                       f"while the indicator is {'worsening' if a.direction == 'worsening' else 'below target'}.")
            add("output_without_outcome", f"action on {_lower_first(name)} without a result yet", summary, 0.5,
                [latest_fig], {"action": action}, [passage], {passage.chunk_id: action_quote})
    return lines


def _reported_action(info: IndicatorInfo, passages: Sequence[Passage]) -> tuple[str | None, Passage | None, str]:
    key = " ".join(info.name.lower().split())
    for p in passages:
        text = p.text
        where = text.lower().find(key[:40])
        if where < 0 and (p.section or "").lower().find(key[:40]) < 0:
            continue
        match = _ACTION.search(text, max(where, 0))
        if match:
            return match.group(1).strip(), p, match.group(0).strip()
    return None, None, ""


# -- lines of enquiry from documents -------------------------------------------------------------------------

def recommendations_in(passages: Sequence[Passage]) -> list[Recommendation]:
    """Numbered recommendations ("Recommendation 4: ...") found in passages, one per number (fullest text)."""
    found: dict[int, Recommendation] = {}
    for p in passages:
        for m in _RECOMMENDATION.finditer(p.text):
            text = " ".join(m.group(2).split())
            if len(text) < 20:
                continue
            number = int(m.group(1))
            if number not in found or len(text) > len(found[number].text):
                found[number] = Recommendation(number=number, text=text, passage=p,
                                               quote=p.text[m.start():m.end()].strip())
    return [found[n] for n in sorted(found)]


def _progress(rec: Recommendation, kb: KnowledgeBase | None, access: AccessContext,
              shared: Sequence[Passage] = ()) -> tuple[str, str, Passage | None]:
    """('none'|'stalled'|'progress', the sentence or table row that says so, its passage) from minutes/reports."""
    query = f"Recommendation {rec.number} progress " + " ".join(rec.text.split()[:12])
    mention = re.compile(rf"\bRecommendation\s+{rec.number}\b", re.IGNORECASE)
    # An action-plan table row: "| 4 | owner | due | status |" or "4 | text | owner | due".
    row = re.compile(rf"^\s*\|?\s*{rec.number}\s*\|.+$", re.MULTILINE)
    stalled: tuple[str, Passage] | None = None
    progressed: tuple[str, Passage] | None = None
    found = _search(kb, query, 5, access, ["minutes", "performance_report"])
    seen = {p.chunk_id for p in found}
    for p in [*found, *(q for q in shared if q.chunk_id not in seen)]:
        candidates = [s for s in _SENTENCE.split(p.text) if mention.search(s)]
        if re.search(r"recommendation|action plan|peer challenge", f"{p.section or ''} {p.text}", re.IGNORECASE):
            candidates += [m.group(0) for m in row.finditer(p.text)]
        for sentence in candidates:
            if _NO_PROGRESS.search(sentence):
                stalled = stalled or (sentence.strip(), p)
            elif _PROGRESS.search(sentence):
                progressed = progressed or (sentence.strip(), p)
    if stalled:
        return "stalled", stalled[0], stalled[1]
    if progressed:
        return "progress", progressed[0], progressed[1]
    return "none", "", None


def _status_text(sentence: str) -> str:
    """The words that give a status: the status cell of a table row, else the sentence."""
    if "|" in sentence:
        cells = [c.strip() for c in sentence.strip().strip("|").split("|") if c.strip()]
        for cell in reversed(cells):
            if _NO_PROGRESS.search(cell) or _PROGRESS.search(cell):
                return _short(cell, 200)
    return _short(sentence, 200)


def commitments_in(passages: Sequence[Passage]) -> list[tuple[str, str, Passage, str]]:
    """Numbered plan commitments ("Commitment 1.2: ...") as (number, text, passage, verbatim quote)."""
    found: dict[str, tuple[str, str, Passage, str]] = {}
    for p in passages:
        for m in _COMMITMENT.finditer(p.text):
            text = " ".join(m.group(2).split()).rstrip(".")
            if m.group(1) not in found and len(text) > 10:
                found[m.group(1)] = (m.group(1), text, p, p.text[m.start():m.end()].strip())
    return list(found.values())


def _measured(commitment: str, infos: Sequence[IndicatorInfo]) -> bool:
    words = content_words(commitment)
    for info in infos:
        if _alias_hit(commitment, info):
            return True
        if len(words & content_words(info.name)) >= 2:
            return True
    return False


def _document_lines(evidence: Evidence, store: IndicatorStore | None, kb: KnowledgeBase | None,
                    access: AccessContext, by_when: str) -> list[LineOfEnquiry]:
    topic_words = content_words(evidence.topic)
    broad = not topic_words or topic_words <= _BROAD
    phrases = [" ".join(re.findall(r"[a-z0-9]+", alias.lower())) for a in evidence.analyses
               if evidence.relevance.get(a.info.indicator_id, 0) >= 0.5 for alias in a.info.aliases]
    lines: list[LineOfEnquiry] = []
    # Peer challenge recommendations on the topic with no evidence of progress.
    recommendations = [r for r in recommendations_in(evidence.passages.get("peer_challenge", []))
                       if broad or _on_topic(r.text, topic_words, phrases)]
    shared = _search(kb, "peer challenge action plan progress recommendation status", 4, access,
                     ["minutes", "performance_report"]) if recommendations else []
    for rec in recommendations:
        status, sentence, where = _progress(rec, kb, access, shared)
        if status == "progress":
            continue
        quote = _short(rec.text)
        passages = [rec.passage] + ([where] if where is not None else [])
        facts = {"recommendation": quote, "rec_number": str(rec.number), "by_when": by_when}
        if status == "stalled":
            said = _status_text(sentence)
            facts["progress"] = said
            summary = (f"Peer Challenge Recommendation {rec.number} (\u201c{quote}\u201d) shows no progress: "
                       f"\u201c{said}\u201d")
        else:
            summary = (f"Peer Challenge Recommendation {rec.number} (\u201c{quote}\u201d): no evidence of progress "
                       "was found in the minutes or performance reports held.")
        quotes = {rec.passage.chunk_id: rec.quote}
        if where is not None:
            quotes.setdefault(where.chunk_id, sentence)
        lines.append(LineOfEnquiry(kind="recommendation_no_progress",
                                   title=f"Peer Challenge Recommendation {rec.number} not yet delivered",
                                   summary=summary, materiality=0.93 if status == "stalled" else 0.6,
                                   passages=passages, facts=facts, quotes=quotes))
    # Plan commitments with no measure.
    infos = store.indicators() if store is not None and store.datasets() else []
    plan = commitments_in(evidence.passages.get("plan", []))
    on_topic_blocks = {id(p) for _, text, p, _ in plan if broad or _on_topic(text, topic_words, phrases)}
    for number, text, passage, raw in plan:
        direct = broad or _on_topic(text, topic_words, phrases)
        if not direct and id(passage) not in on_topic_blocks:
            continue
        if _measured(text, infos):
            continue
        lines.append(LineOfEnquiry(
            kind="commitment_no_measure", title=f"Council Plan commitment {number} has no measure",
            summary=f"Council Plan commitment {number} (\u201c{text}\u201d) has no indicator in the data held.",
            materiality=0.4 if direct else 0.3, passages=[passage],
            facts={"commitment": text, "by_when": by_when}, quotes={passage.chunk_id: raw}))
    # Risks and weaknesses the audit and other documents record on the topic.
    used = {p.chunk_id for line in lines for p in line.passages}
    candidates = evidence.passages.get("audit", []) + evidence.passages.get("any", [])
    seen_docs: set[str] = set()
    for p in candidates:
        if p.chunk_id in used or p.doc_id in seen_docs or p.doc_type in ("peer_challenge", "plan"):
            continue
        if not broad and not _on_topic(p.text, topic_words, phrases):
            continue
        quote = best_quote(evidence.topic + " risk weakness", p.text, limit=QUOTE_CHARS)
        if not _RISK.search(quote) and p.doc_type != "audit" and p.classification != "restricted":
            continue
        seen_docs.add(p.doc_id)
        lines.append(LineOfEnquiry(
            kind="document_risk", title=f"what {p.title} says",
            summary=f"{p.title} ({p.locator}) says: \u201c{_short(quote)}\u201d",
            materiality=0.5 if p.doc_type == "audit" else 0.38, passages=[p],
            facts={"source": p.title, "quote": _short(quote), "by_when": by_when}, quotes={p.chunk_id: quote}))
    return lines


def _topic_phrase(topic: str) -> str:
    words = content_words(topic)
    return "its main services" if not words or words <= _BROAD else topic


def detect_lines(evidence: Evidence, store: IndicatorStore | None, kb: KnowledgeBase | None,
                 access: AccessContext) -> list[LineOfEnquiry]:
    """All lines of enquiry for gathered evidence, most material first (overview line on top)."""
    latest = max((a.latest.period for a in evidence.analyses), default="", key=lambda p: p)
    by_when = _by_when(latest) if latest else "this time next year"
    lines: list[LineOfEnquiry] = []
    perf = evidence.passages.get("performance_report", [])
    for a in evidence.analyses:
        lines.extend(_indicator_lines(a, evidence.relevance.get(a.info.indicator_id, 0.5), by_when, perf))
    lines.extend(_document_lines(evidence, store, kb, access, by_when))
    lines.sort(key=lambda line: -line.materiality)
    if lines:
        top = lines[:4]
        overview = LineOfEnquiry(
            kind="overview", title=f"how well {evidence.topic} is performing",
            summary="The big question, drawing the main lines of enquiry together: "
                    + "; ".join(line.title for line in top) + ".",
            materiality=1.0, figures=[f for line in top for f in line.figures[:1]],
            passages=[p for line in top for p in line.passages[:1]],
            facts={"topic": _topic_phrase(evidence.topic), "area": evidence.area_name})
        lines.insert(0, overview)
    return lines


# -- questions -------------------------------------------------------------------------------------------

def _jaccard(a: str, b: str) -> float:
    wa, wb = content_words(a), content_words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


class _Deduper:
    """Accepts a question only if it is not a near-duplicate of one already accepted."""

    def __init__(self, embedder: Any = None) -> None:
        self.embedder = embedder
        self.texts: list[str] = []
        self.vectors: list[list[float]] = []
        self.cache: dict[str, list[float]] = {}

    def prefetch(self, texts: list[str]) -> None:
        """Embed every candidate at once (one batch is far cheaper than one call per question)."""
        if self.embedder is not None and texts:
            todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
            self.cache.update(zip(todo, self.embedder.embed_documents(todo), strict=True))

    def _vector(self, text: str) -> list[float]:
        if text not in self.cache:
            self.cache[text] = self.embedder.embed_documents([text])[0]
        return self.cache[text]

    def is_duplicate(self, text: str) -> bool:
        if any(_jaccard(text, seen) >= DUPLICATE_JACCARD for seen in self.texts):
            return True
        if self.embedder is not None and self.vectors:
            vector = self._vector(text)
            if any(sum(x * y for x, y in zip(vector, v, strict=True)) >= DUPLICATE_COSINE for v in self.vectors):
                return True
        return False

    def accept(self, text: str) -> None:
        self.texts.append(text)
        if self.embedder is not None:
            self.vectors.append(self._vector(text))


class _Citations:
    """Numbers citations in the order questions first use them."""

    def __init__(self, evidence: Evidence) -> None:
        self.analyses = {a.info.indicator_id: a for a in evidence.analyses}
        self.topic = evidence.topic
        self.list: list[Citation] = []
        self.keys: dict[str, int] = {}
        self.data_ids: set[int] = set()

    def for_line(self, line: LineOfEnquiry) -> list[int]:
        ids: list[int] = []
        indicator_ids = [line.indicator_id] if line.indicator_id else []
        indicator_ids += [f.indicator_id for f in line.figures if f.indicator_id not in indicator_ids]
        for indicator_id in indicator_ids:
            analysis = self.analyses.get(indicator_id)
            if analysis is None:
                continue
            key = f"data:{indicator_id}"
            if key not in self.keys:
                number = len(self.list) + 1
                self.list.append(dataset_citation(number, analysis))
                self.keys[key] = number
                self.data_ids.add(number)
            ids.append(self.keys[key])
        for p in line.passages:
            key = f"doc:{p.chunk_id}"
            if key not in self.keys:
                number = len(self.list) + 1
                quote = line.quotes.get(p.chunk_id) or best_quote(self.topic, p.text)
                self.list.append(passage_citation(number, p, quote))
                self.keys[key] = number
            ids.append(self.keys[key])
        return list(dict.fromkeys(ids))


def questions_from_evidence(evidence: Evidence, bank: Sequence[QuestionTemplate] | None = None,
                            max_questions: int = 15, embedder: Any = None) -> QuestionSet:
    """Turn lines of enquiry into prioritised, de-duplicated questions with citations and figures."""
    bank = list(bank) if bank is not None else load_question_bank()
    citations = _Citations(evidence)
    dedupe = _Deduper(embedder)
    used_templates: dict[int, set[str]] = {}
    accepted: list[tuple[ChallengeQuestion, LineOfEnquiry]] = []
    options = {i: [t for t in bank if line.kind in t.applies_to and t.fields <= set(line.facts)]
               for i, line in enumerate(evidence.lines)}
    per_kind: dict[str, int] = {}
    dedupe.prefetch([" ".join(t.template.format(**line.facts).split())
                     for i, line in enumerate(evidence.lines) for t in options[i]])
    # Round-robin over the lines in materiality order: every line gets its best question before any gets two;
    # the first pass caps each kind so one kind of issue cannot crowd out the rest.
    for capped in (True, False):
        for round_no in range(6):
            for i, line in enumerate(evidence.lines):
                if len(accepted) >= max_questions:
                    break
                if (line.kind == "overview" and round_no > 0) or (capped and per_kind.get(line.kind, 0) >= KIND_CAP):
                    continue
                for template in options[i]:
                    if template.id in used_templates.setdefault(i, set()):
                        continue
                    text = " ".join(template.template.format(**line.facts).split())
                    used_templates[i].add(template.id)
                    if dedupe.is_duplicate(text):
                        continue
                    if line.kind == "overview":
                        ids = list(dict.fromkeys(n for other in evidence.lines[1:5]
                                                 for n in citations.for_line(other)[:1]))
                    else:
                        ids = citations.for_line(line)
                    if not ids:
                        continue
                    dedupe.accept(text)
                    per_kind[line.kind] = per_kind.get(line.kind, 0) + 1
                    priority = round(line.materiality * (1 - 0.12 * round_no), 4)
                    accepted.append((ChallengeQuestion(text=text, theme=template.theme, type=template.type,
                                                       rationale=line.summary, evidence=ids, priority=priority),
                                     line))
                    break
    accepted.sort(key=lambda qa: -qa[0].priority)
    used_ids = {n for q, _ in accepted for n in q.evidence}
    figures: list[Figure] = []
    seen: set[tuple] = set()
    headlines: list[str] = []
    for question, line in accepted:
        if line.kind != "overview" and len(headlines) < 4 and not any(h.startswith(line.title) for h in headlines):
            headlines.append(f"{line.title} [{question.evidence[0]}]")
        for f in line.figures:
            key = (f.indicator_id, f.area_code, f.period, f.label, f.value)
            if key not in seen:
                seen.add(key)
                figures.append(f)
    return QuestionSet(questions=[q for q, _ in accepted], citations=[c for c in citations.list if c.id in used_ids],
                       figures=figures, data_citation_ids=citations.data_ids & used_ids, headlines=headlines)


def draft_questions(topic: str, store: IndicatorStore | None, kb: KnowledgeBase | None,
                    caller_access: AccessContext, area: str, indicators: list[str] | None = None,
                    meeting_date: str | None = None, embedder: Any = None, llm: Any = None,
                    max_questions: int = 15) -> Answer:
    """10-15 prioritised challenge questions on a topic, each with its rationale and evidence."""
    if not MIN_QUESTIONS <= max_questions <= 30:
        max_questions = min(30, max(MIN_QUESTIONS, max_questions))
    evidence = gather_evidence(topic, store, kb, caller_access, area, indicators, meeting_date, embedder)
    return answer_from_evidence(evidence, max_questions=max_questions, embedder=embedder, llm=llm)


def _meeting_words(meeting_date: str | None) -> str:
    if not meeting_date:
        return ""
    try:
        day = date.fromisoformat(meeting_date)
    except ValueError:
        return f" for the meeting on {meeting_date}"
    return f" for the meeting on {day.day} {day:%B %Y}"


def answer_from_evidence(evidence: Evidence, max_questions: int = 15, embedder: Any = None,
                         llm: Any = None) -> Answer:
    """The Answer for `questions`: intro, questions, citations and every figure they state."""
    drafted = questions_from_evidence(evidence, max_questions=max_questions, embedder=embedder)
    title = f"questions on {evidence.topic}"
    if not drafted.questions:
        return Answer(question=title, kind="none", answer=(
            f"I found no indicator or document evidence on \u201c{evidence.topic}\u201d for {evidence.area_name}, so "
            "I have not drafted questions. Try a service name used in the performance report or the plan."),
            questions=[])
    questions = drafted.questions
    if llm is not None:
        questions = rephrase_questions(llm, evidence, questions, drafted.citations, drafted.figures, max_questions)
    has_data = bool(drafted.data_citation_ids)
    has_docs = any(c.id not in drafted.data_citation_ids for c in drafted.citations)
    kind = "mixed" if has_data and has_docs else ("indicator" if has_data else "document")
    # The count is spelt out: every numeral in an answer is a figure from the data (the guard's rule).
    count = _count_words(len(questions)).capitalize()
    answer = (f"{count} challenge questions on {evidence.topic} for {evidence.area_name}"
              f"{_meeting_words(evidence.meeting_date)}, most material first."
              + (f" Main lines of enquiry: {'; '.join(drafted.headlines)}." if drafted.headlines else ""))
    return Answer(question=title, kind=kind, answer=answer, citations=drafted.citations, figures=drafted.figures,
                  questions=questions)


# -- optional LLM rephrasing ------------------------------------------------------------------------------

def rephrase_questions(llm: Any, evidence: Evidence, questions: list[ChallengeQuestion], citations: list[Citation],
                       figures: list[Figure], max_questions: int) -> list[ChallengeQuestion]:
    """Let the LLM reword and add questions; keep only those that pass the guard and carry evidence."""
    from bot.guard import check_answer
    from bot.llm import LLMError, format_figures, invoke_text, prompt_text

    ids = {c.id for c in citations}
    sources = [c.quote for c in citations] + [p.text for ps in evidence.passages.values() for p in ps]
    sources += [q.text + " " + q.rationale for q in questions] + [f.indicator_name + " " + f.unit for f in figures]
    drafts = "\n".join(f"{n}. {q.text} (evidence: {', '.join(map(str, q.evidence))})"
                       for n, q in enumerate(questions, start=1))
    ev = "\n".join(f"[{c.id}] {c.source} ({c.locator}): {c.quote}" for c in citations)
    prompt = prompt_text("rephrase_questions.md").format(
        topic=evidence.topic, area=evidence.area_name, questions=drafts,
        evidence=ev + "\nFIGURES:\n" + format_figures(figures), max_new=max(0, max_questions - len(questions)))
    try:
        reply = invoke_text(llm, prompt)
        items = json.loads(_json_part(reply))
        if not isinstance(items, list):
            raise ValueError("not a list")
    except (LLMError, ValueError) as exc:
        log.warning("LLM question rephrasing not used: %s", exc)
        return questions
    out = list(questions)
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            continue
        text = " ".join(item["text"].split())
        evidence_ids = [i for i in item.get("evidence") or [] if isinstance(i, int)]
        index = item.get("index")
        if isinstance(index, int) and 1 <= index <= len(questions):
            evidence_ids = evidence_ids or questions[index - 1].evidence
        result = check_answer(text, figures, ids, sources=sources)
        if not result.ok or not evidence_ids or not set(evidence_ids) <= ids:
            log.warning("LLM question rejected (%s): %s", "; ".join(result.problems) or "no valid evidence", text)
            continue
        if isinstance(index, int) and 1 <= index <= len(questions):
            out[index - 1] = questions[index - 1].model_copy(update={"text": text, "evidence": evidence_ids})
        elif len(out) < max_questions and not any(_jaccard(text, q.text) >= DUPLICATE_JACCARD for q in out):
            out.append(ChallengeQuestion(text=text, theme="additional", type="open/probing",
                                         rationale="Suggested by the language model from the cited evidence.",
                                         evidence=evidence_ids, priority=0.0))
    return out


def _json_part(reply: str) -> str:
    start, end = reply.find("["), reply.rfind("]")
    if start < 0 or end <= start:
        raise ValueError("no JSON list in the reply")
    return reply[start:end + 1]
