"""Lines of enquiry from indicator analyses, and all lines for gathered evidence, most material first.

Every number a line states is a Figure the analysis provides (its latest value, its own stated figures, its run),
printed by the one formatter; nothing is recomputed here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.challenge.documents import document_lines
from bot.challenge.measures import is_output_measure, is_workforce_measure, publisher_of, resident_facing
from bot.challenge.models import Evidence, LineKind, LineOfEnquiry
from bot.challenge.text import (
    by_when,
    count_words,
    data_age_words,
    display_name,
    lower_first,
    period_noun,
    shorten,
    show,
    show_count,
    topic_phrase,
    wording,
)
from indicators.analysis import run_of, stated_figure
from indicators.models import Figure, IndicatorAnalysis, IndicatorInfo
from indicators.runs import Run, run_figures
from knowledge.models import AccessContext, Passage

if TYPE_CHECKING:
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase

__all__ = ["MIN_IMPROVEMENT", "SHARP_CHANGE_PERCENT", "detect_lines", "indicator_lines", "run_words"]

SHARP_CHANGE_PERCENT = 10.0
# An improvement run must move the indicator by at least this fraction of its starting value to be "real".
MIN_IMPROVEMENT = 0.05
_ACTION = re.compile(r"\bAction:\s*(.+?)(?:\n|\Z)")
# Oflog's distance bands that are clear enough to ask whether the difference is real ("slightly" is not).
_CLEAR_BANDS = ("higher", "lower", "much higher", "much lower")


def run_words(run: Run, a: IndicatorAnalysis | None = None) -> str:
    """A run's length as words in the indicator's own rhythm: "five years", "three quarters", "four surveys"
    (a measure collected every two years), "three releases" (overlapping multi-year aggregates)."""
    from indicators.periods import parse_period

    w = wording()
    noun = period_noun(run.end_period)
    if a is not None and a.frequency == "annual":
        try:
            kind = parse_period(run.end_period).kind
        except Exception:  # noqa: BLE001 - an unparsed period keeps the noun its form gives
            kind = ""
        if kind == "aggregate":
            noun = w.text("period_nouns.releases")
        elif str(getattr(a, "cadence", "annual") or "annual") != "annual":
            survey = re.search(r"survey", f"{a.info.name} {a.info.description} {a.info.source}", re.IGNORECASE)
            noun = w.text("period_nouns.surveys" if survey else "period_nouns.collections")
    return w.fill("run_words", count=count_words(run.count), noun=noun)


def _comparator_evidence(a: IndicatorAnalysis) -> tuple[dict[str, str], list[Figure]]:
    """Placeholders and figures for the comparison with similar councils, from the analysis's own figures."""
    comp = a.comparators
    median, rank, n = (stated_figure(a, label) for label in ("comparator median", "rank", "comparators"))
    if comp is None or comp.rank is None or median is None or rank is None or n is None:
        return {}, []
    joint = wording().text("joint") if getattr(comp, "tied_with", None) else ""
    facts = {"median": show(median), "rank": joint + show_count(rank), "n": show_count(n),
             "group": comp.group_name.replace("_", " "), "comparison_period": comp.period}
    figures = [median, rank, n]
    best = stated_figure(a, "best comparator value")
    if best is not None and comp.best_name:
        facts.update(best_neighbour=comp.best_name, best_value=show(best))
        figures.append(best)
    national = stated_figure(a, "national median")
    if national is None and comp.comparison == "national":
        national = median  # compared with every council: the group median is the national median
    if comp.mads_band and comp.mads_band != "broadly similar" and national is not None:
        facts["national_band"] = wording().fill("outlier_vs_neighbours.national_band", band=comp.mads_band,
                                                national_median=show(national))
        if comp.mads_band in _CLEAR_BANDS:
            facts["real_band"] = facts["national_band"]
        if national is not median:
            figures.append(national)
    return facts, figures


def _reported_action(info: IndicatorInfo, passages: Sequence[Passage]) -> tuple[str | None, Passage | None, str]:
    key = " ".join(info.name.lower().split())
    for p in passages:
        text = p.text
        where = text.lower().find(key[:40])
        if where < 0 and (p.section or "").lower().find(key[:40]) < 0:
            continue
        match = _ACTION.search(text, max(where, 0))
        if match:
            return match.group(1).strip().rstrip("."), p, match.group(0).strip()
    return None, None, ""


def _check_reason(a: IndicatorAnalysis) -> str:
    """Why the latest figure needs checking, in the question's words (from the analysis's own reasons)."""
    w = wording()
    check = str(getattr(a, "check_figure", "") or "").lower()
    reasons = []
    if a.latest.period in a.signal.beyond_limits:
        reasons.append(w.text("check_figure.beyond"))
    if "top of" in check or "ceiling" in check:
        reasons.append(w.text("check_figure.ceiling"))
    elif "bottom of" in check or "floor" in check:
        reasons.append(w.text("check_figure.floor"))
    if "median absolute deviations" in check:
        reasons.append(w.text("check_figure.far"))
    return " and ".join(reasons) or w.text("check_figure.unusual")


def indicator_lines(a: IndicatorAnalysis, relevance: float, horizon: str,
                    perf_passages: Sequence[Passage], area_name: str = "") -> list[LineOfEnquiry]:
    """The lines of enquiry one indicator's analysis shows (worsening, targets, comparators, caveats, ...)."""
    w = wording()
    info = a.info
    latest = a.latest
    name = display_name(info.name)
    low = lower_first(name)
    base: dict[str, str] = {"indicator": name, "indicator_lower": low, "latest": show(latest),
                            "latest_period": latest.period, "by_when": horizon, "area": area_name or a.area_name}
    if resident_facing(info):
        base["who"] = w.text("who.carers" if re.search(r"\bcarers?\b", info.name, re.IGNORECASE)
                             else "who.residents")
    scope = str(((publisher_of(info).get("definitions") or {}).get(info.indicator_id) or {}).get("scope") or "")
    if is_workforce_measure(info):
        base["workforce"] = "yes"
        if not scope:
            base["own_workforce"] = "yes"  # the council's own staff (not a sector-wide measure like ASC7)
    lines: list[LineOfEnquiry] = []
    weight = 0.6 + 0.4 * relevance

    def add(kind: LineKind, title: str, summary: str, materiality: float, figures: list[Figure],
            facts: dict[str, str], passages: list[Passage] | None = None, quotes: dict[str, str] | None = None,
            weighted: bool = True) -> None:
        lines.append(LineOfEnquiry(kind=kind, title=title, summary=summary,
                                   materiality=round(materiality * (weight if weighted else 1.0), 4),
                                   indicator_id=info.indicator_id, figures=figures, passages=passages or [],
                                   facts={**base, **facts}, quotes=quotes or {}))

    comp = a.comparators
    comp_facts, comp_figs = _comparator_evidence(a)
    # Comparators may be for an earlier period than the latest value: then the analysis states the value compared.
    compared = stated_figure(a, "value compared") or latest
    t = a.target
    target_fig = stated_figure(a, "target") if t is not None else None
    run = run_of(a)
    check = getattr(a, "check_figure", None)
    # A figure to check before anyone relies on it (outside its natural process limits, at its ceiling or floor):
    # the list leads with it, and no question celebrates it.
    if check:
        reason = _check_reason(a)
        facts = {"check_reason": reason, **({"improved": "yes"} if a.direction == "improving" else {})}
        add("check_figure", w.fill("check_figure.title", **base),
            w.fill("check_figure.summary", **base, check_reason=reason), 0.995, [latest], facts, weighted=False)
    # Worsening: a run of worse periods, or one sharp worsening step.
    if run is not None and run.direction == "worsening" and (run.count >= 2
                                                             or run.relative * 100 >= SHARP_CHANGE_PERCENT):
        figs = run_figures(a, run)
        moved = w.text("worsening_trend.fell" if run.fell else "worsening_trend.rose")
        facts = {"start": show(figs[0]), "start_period": run.start_period, "latest": show(latest),
                 "latest_period": run.end_period, "moved": moved,
                 "trend_noun": w.text("worsening_trend.decline" if run.fell else "worsening_trend.rise")}
        values = {**base, **facts}
        if run.count >= 2:
            facts["run_words"] = run_words(run, a)
            summary = w.fill("worsening_trend.summary_run", **values, run_words=facts["run_words"])
        else:
            facts["sharp_move"] = w.fill("worsening_trend.sharp_move", moved=moved)
            summary = w.fill("worsening_trend.summary_sharp", **values)
        if info.unit.startswith("£") or info.measure_type.lower() == "cost":
            facts["cost_note"] = w.fill("worsening_trend.cost_note", **values)
        if target_fig is not None:
            facts["target"] = show(target_fig)
            figs.append(target_fig)
        materiality = (0.62 + 0.05 * min(run.count, 5) + min(0.15, run.relative) + 0.08 * bool(a.signal.runs))
        add("worsening_trend", w.fill("worsening_trend.title", **base), summary, materiality, figs + comp_figs,
            {**comp_facts, **facts})
    # Target missed (the analysis's own verdict).
    if t is not None and target_fig is not None and not t.met:
        facts = {"target": show(target_fig), "rag": t.rag.upper()}
        size = abs(t.gap) / abs(t.target) if t.target else 0.0
        add("missed_target", w.fill("missed_target.title", **base), w.fill("missed_target.summary", **base, **facts),
            0.5 + min(0.25, size * 2) + 0.08 * (t.rag == "red"), [latest, target_fig],
            {"target": facts["target"], **comp_facts})
    # Green against the local target yet in the bottom quartile of similar councils (the analysis's flag).
    green_bottom = bool(t is not None and t.green_but_bottom_quartile and target_fig is not None and comp_facts)
    if green_bottom and target_fig is not None:
        facts = {**comp_facts, "target": show(target_fig)}
        add("green_but_bottom_quartile", w.fill("green_but_bottom_quartile.title", **base),
            w.fill("green_but_bottom_quartile.summary", **base, **facts), 0.88, [latest, target_fig, *comp_figs],
            facts)
    # Outlier against neighbours (worse side only; a good outlier is material for reflection, not challenge).
    worse_band = bool(comp is not None and comp.mads_judgement == "worse"
                      and comp.mads_band.startswith(("much", "higher", "lower")))
    outlier = bool(comp is not None and comp_facts and not green_bottom and (comp.quartile == 4 or worse_band))
    if outlier and comp is not None:
        facts = {**comp_facts, "latest": show(compared), "latest_period": comp.period}
        national = ""
        if worse_band and "national_band" in comp_facts:
            national = w.fill("outlier_vs_neighbours.national", national_band=comp_facts["national_band"],
                              judgement=comp.mads_judgement)
        if comp.mads_band not in _CLEAR_BANDS:
            facts.pop("real_band", None)
        mads = abs(comp.mads or 0.0)
        add("outlier_vs_neighbours", w.fill("outlier_vs_neighbours.title", **base),
            w.fill("outlier_vs_neighbours.summary", **{**base, **facts}, national=national),
            0.55 + 0.1 * (mads > 3) + 0.05 * (comp.quartile == 4), [compared, *comp_figs], facts)
    # Improvement: worth understanding when real (three or more better periods, a change that is not trivial), the
    # figure needs no checking, and the service is not still short of its target or of where it started.
    # Small numbers: the latest value can swing by chance, so the caveat is asked about, not the improvement.
    small = any(c.startswith("Small numbers") for c in a.caveats)
    improving = bool(run is not None and run.direction == "improving" and run.count >= 3
                     and run.relative >= MIN_IMPROVEMENT and not check and not small)
    below_start = a.span_change is not None and a.span_change.direction == "worsening"
    if improving and run is not None:
        figs = run_figures(a, run)
        facts = {"run_words": run_words(run, a), "start": show(figs[0]), "start_period": run.start_period,
                 "latest": show(latest), "latest_period": run.end_period}
        if t is not None and target_fig is not None and not t.met:
            facts["target"] = show(target_fig)
            add("recovery_short_of_target", w.fill("recovery_short_of_target.title", **base),
                w.fill("recovery_short_of_target.summary", **{**base, **facts}), 0.5, [*figs, target_fig], facts)
        elif not below_start:
            add("real_improvement", w.fill("real_improvement.title", **base),
                w.fill("real_improvement.summary", **{**base, **facts}),
                0.42 + 0.05 * bool(t is not None and t.met), figs, facts)
    # Where the council stands among similar councils when nothing above compares it: a strong position to keep
    # (not when the figure needs checking), or the gap to the best.
    if comp is not None and comp_facts and not outlier and not green_bottom:
        if comp.quartile == 1 and not check:
            add("standing", w.fill("standing.title_top", **base), w.fill("standing.summary", **base, **comp_facts),
                0.36, [latest, *comp_figs], {**comp_facts, "top": "yes"})
        elif comp.quartile != 1 and "best_neighbour" in comp_facts:
            add("standing", w.fill("standing.title", **base), w.fill("standing.summary", **base, **comp_facts),
                0.34, [latest, *comp_figs], {**comp_facts, "middle": "yes"})
    # No local target: what would good look like?
    if t is None and info.polarity is not None:
        add("no_target", w.fill("no_target.title", **base), w.fill("no_target.summary", **base), 0.3, [latest], {})
    # What the measure covers beyond the council's own service (e.g. sector-wide workforce turnover).
    if scope:
        add("measure_scope", w.fill("measure_scope.title", **base), w.fill("measure_scope.summary", **base,
                                                                            scope=scope), 0.58, [latest],
            {"scope": scope})
    # Data caveats and breaks in series.
    if a.caveats:
        first = next((c for c in a.caveats if c.lower().startswith("break")), a.caveats[0])
        denominator = stated_figure(a, "denominator")
        figs = [latest] + ([denominator] if denominator is not None and first.startswith("Small numbers") else [])
        add("data_caveat", w.fill("data_caveat.title", **base), w.fill("data_caveat.summary", **base, caveat=first),
            0.33 + 0.07 * bool(a.breaks), figs, {"caveat": shorten(first, 180).rstrip(".")})
    # Output without outcome: an activity measure (as its metadata says), or a reported action while the outcome
    # is not improving.
    if is_output_measure(info):
        add("output_without_outcome", w.fill("output_measure.title", **base),
            w.fill("output_measure.summary", **base, measure_type=info.measure_type), 0.35, [latest],
            {"output_kind": info.measure_type.lower()})
    if a.direction == "worsening" or (t is not None and not t.met):
        action, passage, action_quote = _reported_action(info, perf_passages)
        if action and passage is not None:
            state = w.text("output_action.worsening" if a.direction == "worsening" else "output_action.below_target")
            add("output_without_outcome", w.fill("output_action.title", **base),
                w.fill("output_action.summary", **base, action=action, state=state), 0.5,
                [latest], {"action": action}, [passage], {passage.chunk_id: action_quote})
    return lines


def _currency_line(evidence: Evidence, meeting_date: str | None) -> LineOfEnquiry | None:
    """When the latest data held ended long before the meeting: ask what the service's own recent figures show."""
    if not evidence.analyses:
        return None
    newest = max(evidence.analyses, key=lambda a: _period_end(a.latest_in_year.period if a.latest_in_year
                                                               else a.latest.period))
    latest = newest.latest_in_year.period if newest.latest_in_year is not None else newest.latest.period
    age = data_age_words(latest, meeting_date)
    if age is None:
        return None
    w = wording()
    source = str(publisher_of(newest.info).get("publisher") or w.text("data_currency.data"))
    facts = {"latest_period": latest, "age": age, "source": source, "topic": topic_phrase(evidence.topic)}
    figure = newest.latest_in_year if newest.latest_in_year is not None else newest.latest
    return LineOfEnquiry(kind="data_currency", title=w.fill("data_currency.title", **facts),
                         summary=w.fill("data_currency.summary", **facts), materiality=0.7,
                         indicator_id=newest.info.indicator_id, figures=[figure], facts=facts)


def _period_end(period: str) -> float:
    from indicators.periods import parse_period

    try:
        return parse_period(period).end
    except Exception:  # noqa: BLE001 - an unparsed period sorts first
        return 0.0


def detect_lines(evidence: Evidence, store: IndicatorStore | None, kb: KnowledgeBase | None,
                 access: AccessContext) -> list[LineOfEnquiry]:
    """All lines of enquiry for gathered evidence, most material first (overview line on top)."""
    latest = max((a.latest.period for a in evidence.analyses), default="", key=_period_end)
    horizon = by_when(latest, evidence.meeting_date)
    lines: list[LineOfEnquiry] = []
    perf = evidence.passages.get("performance_report", [])
    for a in evidence.analyses:
        lines.extend(indicator_lines(a, evidence.relevance.get(a.info.indicator_id, 0.5), horizon, perf,
                                     evidence.area_name))
    currency = _currency_line(evidence, evidence.meeting_date)
    if currency is not None:
        lines.append(currency)
    lines.extend(document_lines(evidence, store, kb, access, horizon,
                                used={p.chunk_id for line in lines for p in line.passages}))
    lines.sort(key=lambda line: -line.materiality)
    if lines:
        top = [line for line in lines if line.kind != "data_currency"][:4]
        w = wording()
        overview = LineOfEnquiry(
            kind="overview", title=w.fill("overview.title", topic=evidence.topic),
            summary=w.fill("overview.summary", titles="; ".join(line.title for line in top)),
            materiality=1.0, figures=[f for line in top for f in line.figures[:1]],
            passages=[p for line in top for p in line.passages[:1]],
            facts={"topic": topic_phrase(evidence.topic), "area": evidence.area_name})
        lines.insert(0, overview)
    return lines
