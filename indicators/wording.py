"""Plain-English sentences for an analysis, with every number they state recorded as a Figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from indicators.formatting import format_number, format_value, is_percent, ordinal
from indicators.models import ChangeAssessment, Figure, IndicatorAnalysis
from indicators.periods import year_of

if TYPE_CHECKING:
    from indicators.store import IndicatorStore

# What the question resolver says when it cannot answer (indicators.query fills them).
RESOLVER_MESSAGES: dict[str, str] = {
    "no_data": "No indicator data is held.",
    "not_indicator": "That does not look like a question about an indicator I hold.",
    "unmatched": "I couldn't match that to an indicator I hold.",
    "ambiguous": "That could mean more than one indicator - which one? {names}",
    "no_council": "No council named and no home council set.",
    "no_sub_annual": "No {what} are held for {area}: the annual series is used instead.",
    "unheld_area": "I hold no data for {name}; the closest councils I hold are {closest}.",
    "not_held": "No value for {area} in {asked} is held; the nearest held: {nearest}.",
    "annual_only": "{asked} was asked for, but {area} has only annual values for this indicator; the nearest year "
                   "is used.",
    "start_not_held": "No value for {area} in {asked} is held; the span starts at {first}, the first year held.",
}

# The caveats and signal verdicts of an analysis (indicators.analysis fills them).
ANALYSIS_MESSAGES: dict[str, str] = {
    "no_direction": "No direction of good performance is stated for this indicator, so rises and falls are not "
                    "judged as better or worse.",
    "break_at": "Break in series at {period}: {note}.",
    "note_for": "Note for {period}: {note}.",
    "break_in_definition": "The indicator's definition notes a break in series: check comparability across years.",
    "aggregates": "Periods such as {period} are multi-year aggregates: consecutive periods overlap, so changes "
                  "between them are smoothed and partly repeat the same years.",
    "missing_years": "No value for this council in {periods}, though other councils have one.",
    "base_effect": "Base effect: the latest change is measured from {period}, the {extreme} value in the series, "
                   "which exaggerates it.",
    "seasonal": "These are {frequency} values: a change from the previous {noun} can be seasonal, so set it against "
                "the same {noun} a year earlier and the annual trend before calling it a trend.",
    "small_numbers": "Small numbers: the {period} value rests on a denominator of {denominator}, so it can swing "
                     "by chance.",
    "other_frequency": "Other councils' values are {compared}, not {frequency}: comparisons use {period}, the "
                       "latest period they report.",
    "earlier_comparison": "Comparisons use {period}, the latest period other councils report.",
    "no_group": "No usable comparator group (two or more councils with a value) is held for {area}: compared with "
                "{group} instead.",
    "too_short": "too short to tell signal from noise ({n} period{s}; an XmR chart needs at least {min_points})",
    "side_run": "the last {n} values are all {where} the average",
    "trend_run": "the last {n} values have been {way} each period",
    "signal": "the latest value is outside the natural process limits: a signal, not noise",
    "shift": "a sustained run suggests a real shift: {runs}",
    "earlier_signals": "the latest value is within normal variation (earlier signals: {periods})",
    "no_signal": "the changes are within normal variation (no signal)",
}

_DIRECTION_WORDS = {"improving": "an improvement", "worsening": "a deterioration", "no change": "no change",
                    "not comparable": ""}


def number(value: float) -> str:
    """A bare value as printed everywhere (indicators.formatting decides the precision)."""
    return format_number(value)


def with_unit(value: float, unit: str) -> str:
    """A value with its unit in the usual place (£12.00, 45.2%, 6.1 days), by the one formatter."""
    return format_value(value, unit)


class _Figures:
    """Collects the figures of one analysis so each sentence can register what it states."""

    def __init__(self, analysis: IndicatorAnalysis) -> None:
        self.a = analysis
        self.items: list[Figure] = []

    def add(self, label: str, value: float, period: str, unit: str | None = None, area_code: str | None = None,
            area_name: str | None = None) -> float:
        info = self.a.info
        self.items.append(Figure(indicator_id=info.indicator_id, indicator_name=info.name,
                                 area_code=area_code or self.a.area_code, area_name=area_name or self.a.area_name,
                                 period=period, value=value, unit=info.unit if unit is None else unit, label=label,
                                 dataset=info.dataset))
        return value


def _change_phrase(c: ChangeAssessment, unit: str, figs: _Figures, what: str) -> str:
    if c.direction == "no change":
        return "unchanged"
    verb = "up" if c.absolute > 0 else "down"
    if c.points is not None:
        figs.add(f"change {what} (percentage points)", c.points, c.to_period, unit="percentage points")
        amount = f"{number(abs(c.points))} percentage points"
    else:
        figs.add(f"change {what}", c.absolute, c.to_period)
        amount = with_unit(abs(c.absolute), unit)
    text = f"{verb} {amount}"
    if c.percent is not None and c.points is None:
        figs.add(f"percentage change {what}", c.percent, c.to_period, unit="%")
        text += f" ({'+' if c.percent > 0 else '-'}{number(abs(c.percent))}%)"
    judged = _DIRECTION_WORDS[c.direction]
    return f"{text}, {judged}" if judged else text


def describe(a: IndicatorAnalysis, store: IndicatorStore,
             year_earlier: Figure | None = None) -> tuple[list[str], list[Figure]]:
    """Sentences and the figures behind every number in them (`year_earlier`: same quarter/month a year before)."""
    figs = _Figures(a)
    info, unit = a.info, a.info.unit
    out: list[str] = []
    latest = a.latest
    figs.items.append(latest)
    out.append(f"{a.area_name}: {info.name} was {with_unit(latest.value, unit)} in {latest.period}.")

    if a.change is not None and a.previous is not None:
        figs.items.append(a.previous)
        phrase = _change_phrase(a.change, unit, figs, "since previous period")
        out.append(f"Compared with {with_unit(a.previous.value, unit)} in {a.previous.period}, that is {phrase}.")
    if a.span_change is not None:
        s = a.span_change
        figs.add("value at start of span", s.from_value, s.from_period)
        phrase = _change_phrase(s, unit, figs, f"since {s.from_period}")
        out.append(f"Since {s.from_period} ({with_unit(s.from_value, unit)}) it is {phrase}.")
    if a.consecutive >= 2:
        figs.add("consecutive periods in the same direction", float(a.consecutive), latest.period, unit="periods")
        word = "improved" if a.consecutive_direction == "improving" else "worsened"
        out.append(f"It has {word} for {a.consecutive} periods in a row.")
    if a.latest_in_year is not None:
        li = a.latest_in_year
        figs.items.append(li)
        noun = "quarter" if li.label.startswith("latest quarter") else "month"
        earlier = [p for p in a.in_year[:-1] if p.value is not None and year_of(p.period) == year_of(li.period)]
        for p in earlier:
            figs.add(f"earlier {noun} value", float(p.value or 0.0), p.period)
        listed = "; ".join(f"{p.period} {with_unit(float(p.value or 0.0), unit)}" for p in earlier)
        out.append(f"In-year: {li.period} was {with_unit(li.value, unit)}" + (f" ({listed})" if listed else "")
                   + f"; {noun}ly figures are shown beside the annual trend, not in it.")
    if year_earlier is not None:
        figs.items.append(year_earlier)
        out.append(f"A year earlier, {year_earlier.period} was {with_unit(year_earlier.value, unit)}.")

    if a.target is not None:
        t = a.target
        figs.add("target", t.target, t.period)
        if t.met:
            out.append(f"It met its target of {with_unit(t.target, unit)} (green).")
        else:
            gap = abs(t.gap)
            figs.add("gap to target", t.gap, t.period)
            by = f"{number(gap)} percentage points" if is_percent(info.unit) else with_unit(gap, unit)
            out.append(f"It missed its target of {with_unit(t.target, unit)} by {by} "
                       f"({t.rag}; amber means within {number(t.tolerance * 100)}% of the target).")
            figs.add("RAG tolerance", t.tolerance * 100, t.period, unit="%")
        if t.green_but_bottom_quartile:
            out.append("Although green against its target, it is in the bottom quartile of its comparators.")

    c = a.comparators
    if c is not None:
        figs.add("comparator median", c.median, c.period)
        figs.add("comparator lower quartile", c.q1, c.period)
        figs.add("comparator upper quartile", c.q3, c.period)
        figs.add("comparators", float(c.n), c.period, unit="councils")
        if c.comparison == "neighbours":
            group = c.group_name.replace("_", " ")
            who = f"{a.area_name}'s comparator group, {group} ({c.n} councils with a value, itself included)"
        else:
            who = f"{c.group_name.replace('_', ' ')} ({c.n} with a value)"
        if c.period != latest.period and c.value is not None:
            figs.add("value compared", c.value, c.period)
            out.append(f"The latest period other councils report is {c.period}, when {a.area_name} had "
                       f"{with_unit(c.value, unit)}.")
        text = (f"Among {who} in {c.period}, the median is {with_unit(c.median, unit)} (middle half "
                f"{with_unit(c.q1, unit)} to {with_unit(c.q3, unit)})")
        if c.rank is not None and c.quartile is not None:
            figs.add("rank", float(c.rank), c.period, unit="rank")
            figs.add("quartile", float(c.quartile), c.period, unit="quartile")
            text += (f"; {a.area_name} ranks {ordinal(c.rank)} of {c.n} (quartile {c.quartile}; the first quartile "
                     "is the best)")
        out.append(text + ".")
        if c.best_code is not None and c.best_value is not None:
            figs.add("best comparator value", c.best_value, c.period, area_code=c.best_code, area_name=c.best_name)
            best_label = "best-performing neighbour" if c.comparison == "neighbours" else "best-performing council"
            out.append(f"The {best_label} is {c.best_name} at {with_unit(c.best_value, unit)}.")
        if c.national_median is not None and c.comparison == "neighbours":
            figs.add("national median", c.national_median, c.period)
            label = store.dataset(a.info.dataset).national_label if a.info.dataset else "all councils"
            out.append(f"The median across {label} ({c.national_n} with a value) is "
                       f"{with_unit(c.national_median, unit)}.")
            figs.add("national councils", float(c.national_n), c.period, unit="councils")
        if c.mads is not None:
            figs.add("MADs from national median", c.mads, c.period, unit="MADs")
            judged = f" ({c.mads_judgement})" if c.mads_judgement else ""
            relation = "broadly similar to" if c.mads_band == "broadly similar" else f"{c.mads_band}{judged} than"
            out.append(f"In Oflog's terms it is {relation} the national median ({number(c.mads)} median absolute "
                       "deviations from it).")

    sig = a.signal
    if sig.method == "xmr" and sig.centre is not None and sig.lower_limit is not None and sig.upper_limit is not None:
        figs.add("XmR periods", float(sig.points), latest.period, unit="periods")
        figs.add("XmR centre line", sig.centre, latest.period)
        figs.add("XmR lower natural process limit", sig.lower_limit, latest.period)
        figs.add("XmR upper natural process limit", sig.upper_limit, latest.period)
        if sig.side_run:
            figs.add("XmR run on one side of the centre", float(sig.side_run), latest.period, unit="periods")
        if sig.trend_run:
            figs.add("XmR run rising or falling", float(sig.trend_run), latest.period, unit="periods")
        out.append(f"Signal or noise: over {sig.points} periods the natural process limits are "
                   f"{with_unit(sig.lower_limit, unit)} to {with_unit(sig.upper_limit, unit)} around an average "
                   f"of {with_unit(sig.centre, unit)}; {sig.verdict}.")
    else:
        figs.add("periods held", float(sig.points), latest.period, unit="periods")
        figs.add("XmR minimum periods", float(sig.min_points), latest.period, unit="periods")
        out.append(f"Signal or noise: {sig.verdict}.")

    last = a.series[-1] if a.series else None
    if last is not None and last.denominator is not None and any(x.startswith("Small numbers") for x in a.caveats):
        figs.add("denominator", last.denominator, last.period, unit="")
    out.extend(f"Caveat: {x}" for x in a.caveats)
    return out, figs.items
