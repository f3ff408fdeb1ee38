"""Polarity-aware judgement of one indicator for one council: trend, target, comparators, signal, caveats.

Definitions (tests recompute these independently; change them only with the tests):
- frequency: a council's series is judged at one frequency (annual = financial/calendar years and multi-year
  aggregates; quarterly; monthly). Default: annual when the council has any annual value, else quarterly, else
  monthly; a quarterly `period` (or frequency="quarterly") selects the quarterly series. Every figure below -
  latest, previous, change, span, consecutive, target, XmR, periods held - uses only that frequency's values.
- in-year (annual analyses only): the council's quarterly values (months if no quarters) that start at or after
  the end of the latest annual period, labelled "latest quarter value" (the last) and "earlier quarter value";
  "same quarter previous year value" is the value exactly one year before the latest quarter, when held.
  They are reported, never mixed into the annual judgement.
- change: latest value minus the previous period's value held for the council; % change is relative to the
  earlier value (none when it is zero); for indicators in % the absolute change is in percentage points.
- direction: improving/worsening by polarity; closer_to_target compares distance from the midpoint (or target).
- consecutive: the trailing run of same-direction steps over the whole judged series (indicators.runs, the one
  implementation; `run_of` gives it back with its start and end values).
- RAG: green when the target is met; amber when missed by no more than RAG_TOLERANCE x |target|; else red.
- comparators: pandas median and quantiles (linear interpolation) of the group's values for the latest period of
  the analysed series that at least two councils report (a quarterly analysis with no quarterly peers falls back
  to the latest annual period);
  rank 1 = best (ties share the better rank); quartile = (rank - 1) * 4 // n + 1 (1 = best quarter).
- MADs: (value - national median) / median(|x - national median|), as Oflog; banded with OFLOG_BANDS.
- signal: XmR chart over the council's series when it has at least XMR_MIN_POINTS values: centre = mean,
  limits = mean +/- 2.66 x mean moving range, then clipped to the measure's possible range (`possible_range`:
  0 to 100 for a percentage share whose held values all lie in it; at least 0 for a non-negative quantity - money,
  days, weeks, rates, kg - whose held values are all >= 0; nothing for scores, gaps and changes); signals are
  points beyond the (unclipped) limits, RUN_SIDE points in a row on one side of the centre, or RUN_TREND points in
  a row each rising (or falling).
- check the figure (`indicators.figure_checks`): the latest value is outside the natural process limits, within
  EDGE_SHARE of the possible range from its ceiling or floor (a non-negative quantity: at its floor of 0), or
  FAR_MADS median absolute deviations or more from the national median.
- ties: members whose standing equals the council's (up to float noise) share its rank ("joint"); the best
  comparators are every member other than the council at the best standing.
- comparators are named as the dataset declares (`DatasetInfo.comparators`): Oflog's MAD bands only for
  terms "oflog" (England); the published Scotland value and family-group average for "lgbf"; for "local" data
  the whole-data median is "all councils in the data", stated only when the group is not every council.
- cadence: the most common gap, in years, between the indicator's consecutive periods of the judged frequency
  (ties: the shorter); 1 = annual, 2 = biennial, ... (quarterly/monthly series: their own frequency).
- small numbers: the latest denominator is below SMALL_DENOMINATOR and counts people or cases: the source's
  denominator description names a count ("Number of ...", households, pupils, ...; not money, pay, area, hours,
  or a population in thousands), or, without a description, the measure is a percentage or rate and the
  denominator is a whole number.
- neighbours improved: over the span the council's change is measured (`span_change`, else `change`), the
  comparator group's members other than the council (every council for a national comparison) with a value in
  both periods, judged by polarity (values rising/falling when there is no direction).
- target path: with a dated target (metadata `target_value`, `target_period`; only for the council named by
  `target_area_code` when one is), the change needed per year =
  (target - latest) / years from the latest period to the target period (period keys); the recent pace = change
  over the same span / its years; on track when that pace, kept up, meets the target by its date.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Literal

from indicators.errors import IndicatorError
from indicators.figure_checks import check_figure
from indicators.formatting import format_number, is_percent
from indicators.models import (
    ChangeAssessment,
    ComparatorAssessment,
    DatasetComparators,
    Direction,
    Figure,
    IndicatorAnalysis,
    IndicatorInfo,
    NeighboursChange,
    SeriesPoint,
    TargetAssessment,
    TargetPath,
)
from indicators.periods import Frequency, frequencies, frequency_of, parse_period
from indicators.runs import Run, close, judge, run_of, trailing_run
from indicators.signal import xmr
from indicators.wording import ANALYSIS_MESSAGES, break_caveat

if TYPE_CHECKING:
    import pandas as pd

    from indicators.store import IndicatorStore

__all__ = ["IndicatorAnalysis", "Run", "analyse", "cadence_of", "denominator_counts", "judge", "mads_band",
           "missing_between", "possible_range", "quartile_of", "rank_of", "run_of", "stated_figure", "target_met"]

RAG_TOLERANCE = 0.05
BASE_EFFECT_PERCENT = 20.0
SMALL_DENOMINATOR = 30.0
OFLOG_BANDS = ((0.5, "broadly similar"), (1.5, "slightly"), (3.0, ""), (math.inf, "much"))
_BREAK = re.compile(r"break|definition|method|changed|discontinu|not comparable|revised", re.IGNORECASE)
# Measures that are differences, not shares or quantities: no possible range is assumed for them.
_DIFFERENCE = re.compile(r"\bgap\b|change|differen|growth|increase|decrease|variance|surplus|deficit|balance",
                         re.IGNORECASE)
_NON_NEGATIVE_UNITS = re.compile(r"^(£|days?\b|weeks?\b|per\b|kg\b|visits\b|hours?\b)", re.IGNORECASE)
# A denominator that is an amount, not a count of people or cases (or a count in thousands, never small).
_NOT_A_COUNT = re.compile(r"£|expenditure|spend|budget|cost|pay\b|rate of|average|area\b|floor|hours|km\b|"
                          r"thousand|£000|value|funding|income|salary|wage|tonnes|kg\b", re.IGNORECASE)
_A_COUNT = re.compile(r"^(total )?(number|no\.?|count)\b|\b(people|persons|pupils|children|adults|clients|"
                      r"households|cases|applications|premises|visits|attendances|buildings|discharges|staff|"
                      r"employees|residents|properties|homes|requests|referrals|complaints)\b", re.IGNORECASE)


def is_percentage(info: IndicatorInfo) -> bool:
    """Whether the indicator is measured in per cent (so changes are percentage points)."""
    return is_percent(info.unit)


def _change(before: tuple[str, float], after: tuple[str, float], info: IndicatorInfo,
            ideal: float | None) -> ChangeAssessment:
    absolute = after[1] - before[1]
    # A share of a negative base, or of a change across zero (emissions net of removals), means nothing.
    percent = None if before[1] <= 0 or after[1] < 0 else absolute / before[1] * 100.0
    return ChangeAssessment(from_period=before[0], to_period=after[0], from_value=before[1], to_value=after[1],
                            absolute=absolute, percent=percent, points=absolute if is_percentage(info) else None,
                            direction=judge(before[1], after[1], info, ideal))


def rank_of(value: float, others: list[float], info: IndicatorInfo, ideal: float | None) -> int | None:
    """Rank of `value` among `others` (which include it): 1 = best; ties share the better rank."""
    if info.polarity == "higher_is_better":
        return 1 + sum(1 for o in others if o > value and not close(o, value))
    if info.polarity == "lower_is_better":
        return 1 + sum(1 for o in others if o < value and not close(o, value))
    if info.polarity == "closer_to_target" and ideal is not None:
        d = abs(value - ideal)
        return 1 + sum(1 for o in others if abs(o - ideal) < d and not close(abs(o - ideal), d))
    return None


def quartile_of(rank: int, n: int) -> int:
    """Quartile of a rank among n (1 = best quarter)."""
    return min(4, (rank - 1) * 4 // n + 1)


def mads_band(mads: float) -> tuple[str, str]:
    """Oflog wording for a distance in MADs: ("broadly similar" | "slightly" | "" | "much", "higher"/"lower")."""
    # Oflog's own figures carry float noise (3.0000000003 for exactly 3): compare at 9 decimals.
    a = round(abs(mads), 9)
    side = "higher" if mads > 0 else "lower"
    for limit, word in OFLOG_BANDS:
        if a <= limit:
            return (word, "" if word == "broadly similar" else side)
    raise AssertionError("unreachable")


def band_wording(mads: float) -> str:
    """'broadly similar', 'slightly higher', 'lower', 'much higher', ..."""
    word, side = mads_band(mads)
    return word if not side else f"{word} {side}".strip()


def _ideal(info: IndicatorInfo, target: float | None) -> float | None:
    return info.midpoint if info.midpoint is not None else target


def _num(v: object) -> float | None:
    if v is None:
        return None
    f = float(v)  # type: ignore[arg-type]
    return None if math.isnan(f) else f


def analyse(store: IndicatorStore, indicator_id: str, area_code: str, since: str | None = None,
            last_n: int | None = None, comparison: Literal["neighbours", "national", "none"] = "neighbours",
            period: str | None = None, frequency: Frequency | None = None) -> IndicatorAnalysis:
    """Judge one indicator for one council; `period` makes an earlier period the latest (a quarter selects the
    quarterly series); `frequency` picks the series (default: annual when held, else what is held)."""
    from indicators.wording import describe

    info = store.indicator(indicator_id)
    area_name = store.area_name(area_code)
    rows = store.values(indicator_id)
    own = rows[rows["area_code"] == area_code].sort_values("key", kind="stable")
    if own.empty:
        raise IndicatorError(f"no {info.name} ({indicator_id}) data for {area_name}")
    freq_of = frequencies(list(rows["period"].unique()))
    if period is not None:
        try:
            cutoff = parse_period(period)
        except ValueError as exc:
            raise IndicatorError(str(exc)) from exc
        if cutoff.text not in set(own["period"]):
            held = ", ".join(own["period"])
            raise IndicatorError(f"no {indicator_id} value for {area_name} in {cutoff.text}; periods held: {held}")
        own = own[own["key"] <= cutoff.key + 1e-9]
        frequency = frequency or freq_of.get(cutoff.text, frequency_of(cutoff.text))
    freqs = own["period"].map(freq_of)
    if frequency is None:
        held_freqs = set(freqs)
        frequency = next(f for f in ("annual", "quarterly", "monthly") if f in held_freqs)
    full = own[freqs == frequency]
    if full.empty:
        raise IndicatorError(f"no {frequency} {indicator_id} values for {area_name}; periods held: "
                             f"{', '.join(own['period'])}")
    selected = full
    if since is not None:
        try:
            from indicators.periods import since_start

            start = since_start(since)
        except ValueError as exc:
            raise IndicatorError(f"cannot read the period {since!r}") from exc
        starts = full["period"].map(lambda p: parse_period(p).start)
        selected = full[starts >= start - 1e-9]
        if selected.empty:
            raise IndicatorError(f"no {indicator_id} value for {area_name} since {since}; periods held: "
                                 f"{', '.join(full['period'])}")
    if last_n is not None:
        if last_n < 1:
            raise IndicatorError("last_n must be at least 1")
        selected = selected.tail(last_n)

    series = [_point(r) for r in selected.itertuples(index=False)]
    history = [(str(r.period), float(r.value)) for r in full.itertuples(index=False)]
    latest_row = full.iloc[-1]
    target = _num(latest_row["target"])
    ideal = _ideal(info, target)

    latest = history[-1]
    prev = history[-2] if len(history) > 1 else None
    change = _change(prev, latest, info, ideal) if prev else None
    span_change = None
    if len(series) > 1 and series[0].period != (prev[0] if prev else None):
        span_change = _change((series[0].period, float(series[0].value or 0.0)), latest, info, ideal)

    run = trailing_run(history, info, ideal)
    consecutive = run.count if run is not None else 0
    consecutive_dir: Direction = run.direction if run is not None else (change.direction if change else
                                                                        "not comparable")
    comparators = None
    # Compare at the latest period that others report too (a council's own quarterly figure may have no peers);
    # a quarterly analysis falls back to the latest annual comparison, as peers usually publish annually.
    candidates = list(reversed(history))
    if frequency != "annual":
        annual = own[freqs == "annual"]
        candidates += [(str(r.period), float(r.value)) for r in reversed(list(annual.itertuples(index=False)))]
    for period_c, value_c in candidates:
        comparators = _comparators(store, info, area_code, period_c, value_c, comparison, ideal)
        if comparators is not None:
            break
    target_a = _target(info, latest[0], latest[1], target, comparators)
    bounds = possible_range(info, rows["value"])
    signal = xmr([v for _, v in history], [p for p, _ in history], bounds=bounds)
    same_freq = [p for p in rows["period"].unique() if freq_of.get(p, frequency_of(p)) == frequency]
    cadence, cadence_years = cadence_of(same_freq, frequency)
    caveats, breaks = _caveats(info, rows, full, series, change, comparators, comparison, store, area_code,
                               frequency, freq_of, cadence_years)
    in_year = _in_year(own, freqs, latest[0]) if frequency == "annual" else []
    span = span_change or change
    neighbours = _neighbours_change(store, info, rows, area_code, span, comparators, ideal) if span else None
    path = _target_path(info, area_code, latest, span)
    check = check_figure(info, latest, signal, bounds, comparators)

    def figure(label: str, at: tuple[str, float]) -> Figure:
        return Figure(indicator_id=indicator_id, indicator_name=info.name, area_code=area_code, area_name=area_name,
                      period=at[0], value=at[1], unit=info.unit, label=label, dataset=info.dataset)

    noun = "quarter" if in_year and frequency_of(in_year[-1].period) == "quarterly" else "month"
    analysis = IndicatorAnalysis(
        info=info, area_code=area_code, area_name=area_name, series=series,
        latest=figure("latest value", latest), previous=None if prev is None else figure("previous value", prev),
        direction=change.direction if change else "not comparable", change=change, span_change=span_change,
        consecutive=consecutive, consecutive_direction=consecutive_dir, target=target_a, comparators=comparators,
        signal=signal, caveats=caveats, breaks=breaks, frequency=frequency, in_year=in_year,
        latest_in_year=figure(f"latest {noun} value", (in_year[-1].period, float(in_year[-1].value or 0.0)))
        if in_year else None, cadence=cadence, cadence_years=cadence_years, no_direction=info.polarity is None,
        check_figure=check, neighbours_improved=neighbours, target_path=path, comparators_at_start=None if (
            span_change is None or comparison != "national") else _comparators(
            store, info, area_code, series[0].period, float(series[0].value or 0.0), comparison, ideal))
    sentences, figures = describe(analysis, store, _year_earlier(own, freqs, analysis))
    return analysis.model_copy(update={"sentences": sentences, "figures": figures})


def _point(r: object) -> SeriesPoint:
    return SeriesPoint(period=r.period, value=float(r.value), target=_num(r.target),  # type: ignore[attr-defined]
                       note=str(r.note or ""), numerator=_num(r.numerator),  # type: ignore[attr-defined]
                       denominator=_num(r.denominator))  # type: ignore[attr-defined]


def _in_year(own: pd.DataFrame, freqs: pd.Series, latest_annual: str) -> list[SeriesPoint]:
    """Sub-annual values after the latest annual period (quarters if held, else months), oldest first."""
    after = parse_period(latest_annual).end - 1e-9
    for freq in ("quarterly", "monthly"):
        sub = own[freqs == freq]
        sub = sub[sub["period"].map(lambda p: parse_period(p).start >= after)]
        if not sub.empty:
            return [_point(r) for r in sub.itertuples(index=False)]
    return []


def _year_earlier(own: pd.DataFrame, freqs: pd.Series, a: IndicatorAnalysis) -> Figure | None:
    """The same quarter (or month) a year before the latest sub-annual value, when held: the seasonal baseline."""
    latest = a.latest_in_year if a.latest_in_year is not None else (a.latest if a.frequency != "annual" else None)
    if latest is None:
        return None
    freq = frequency_of(latest.period)
    start = parse_period(latest.period).start - 1.0
    same = own[(freqs == freq) & own["period"].map(lambda p: abs(parse_period(p).start - start) < 1e-6)]
    if same.empty:
        return None
    noun = "quarter" if freq == "quarterly" else "month"
    row = same.iloc[-1]
    return latest.model_copy(update={"period": str(row["period"]), "value": float(row["value"]),
                                     "label": f"same {noun} previous year value"})


def _period_values(store: IndicatorStore, indicator_id: str, period: str) -> pd.Series:
    rows = store.values(indicator_id)
    at = rows[rows["period"] == period]
    return at.set_index("area_code")["value"].astype("float64")


def possible_range(info: IndicatorInfo, values: pd.Series | list[float]) -> tuple[float | None, float | None]:
    """The measure's possible (lower, upper) values, each None when not known (see the module docstring)."""
    held = [float(v) for v in values if v is not None and not math.isnan(float(v))]
    if not held or _DIFFERENCE.search(info.name):
        return None, None
    lo, hi = min(held), max(held)
    if is_percentage(info):
        return (0.0 if lo >= 0 else None), (100.0 if hi <= 100 and lo >= 0 else None)
    if _NON_NEGATIVE_UNITS.match(info.unit.strip()) and lo >= 0:
        return 0.0, None
    return None, None


def cadence_of(periods: list[str], frequency: Frequency = "annual") -> tuple[str, float | None]:
    """How often an indicator is collected, from its periods of one frequency: (word, years between)."""
    if frequency == "quarterly":
        return "quarterly", 0.25
    if frequency == "monthly":
        return "monthly", 1.0 / 12.0
    keys = sorted({round(parse_period(p).key, 4) for p in periods})
    gaps = [round(b - a, 2) for a, b in zip(keys, keys[1:], strict=False)]
    if not gaps:
        return "annual", None
    counts: dict[float, int] = {}
    for g in gaps:
        counts[g] = counts.get(g, 0) + 1
    years = min(counts, key=lambda g: (-counts[g], g))
    if years <= 1.0:
        return "annual", years
    if years == 2.0:
        return "biennial", years
    return f"every {format_number(years, count=True)} years", years


def missing_between(before: str, after: str, years: float | None) -> list[str]:
    """Periods one collection apart that would lie between two held periods of a financial- or calendar-year series
    (e.g. 2021-22 between 2020-21 and 2022-23 for an annual series); none for other kinds or a gap of one."""
    if not years or years < 1.0:
        return []
    a, b = parse_period(before), parse_period(after)
    if a.kind != b.kind or a.kind not in ("financial_year", "calendar_year"):
        return []
    step = max(1, round(years))
    out = []
    year = int(a.start) + step
    while year < int(b.start) - 1e-9:
        out.append(str(year) if a.kind == "calendar_year" else f"{year}-{(year + 1) % 100:02d}")
        year += step
    return out


def denominator_counts(info: IndicatorInfo, denominator: float) -> bool:
    """Whether a denominator is a count of people or cases (see the module docstring), so a small one is a warning."""
    described = info.denominator_description.strip()
    if described:
        return not _NOT_A_COUNT.search(described) and bool(_A_COUNT.search(described))
    rate = is_percentage(info) or info.unit.strip().lower().startswith("per ") or \
        info.measure_type.strip().lower() in ("percentage", "rate", "proportion")
    return rate and float(denominator).is_integer()


def _neighbours_change(store: IndicatorStore, info: IndicatorInfo, rows: pd.DataFrame, area_code: str,
                       span: ChangeAssessment, comparators: ComparatorAssessment | None,
                       ideal: float | None) -> NeighboursChange | None:
    """How the comparators other than the council moved between the span's two periods."""
    if comparators is None:
        return None
    group = store.comparator_group(info.indicator_id, area_code) if comparators.comparison == "neighbours" else None
    members = group[1] if group else None
    at = rows[rows["period"].isin([span.from_period, span.to_period]) & (rows["area_code"] != area_code)]
    if members is not None:
        at = at[at["area_code"].isin(members)]
    # Each council's first value at either end, in plain dicts: a pivot table took 15 ms an indicator (overviews).
    ends: dict[str, dict[str, float]] = {span.from_period: {}, span.to_period: {}}
    for code, period, value in at.dropna(subset=["value"])[["area_code", "period", "value"]].to_numpy().tolist():
        ends[period].setdefault(code, float(value))
    both = [(ends[span.from_period][c], ends[span.to_period][c]) for c in ends[span.from_period]
            if c in ends[span.to_period]]
    if not both:
        return None
    steps, judged = [judge(b, e, info, ideal) for b, e in both], info.polarity is not None and (
        info.polarity != "closer_to_target" or ideal is not None)
    return NeighboursChange(
        from_period=span.from_period, to_period=span.to_period, group_name=comparators.group_name,
        comparison=comparators.comparison, of=len(both),
        improved=sum(1 for x in steps if x == "improving") if judged else None,
        worsened=sum(1 for x in steps if x == "worsening") if judged else None,
        rose=sum(1 for b, e in both if e > b), fell=sum(1 for b, e in both if e < b), council_direction=span.direction)


def _target_path(info: IndicatorInfo, area_code: str, latest: tuple[str, float],
                 span: ChangeAssessment | None) -> TargetPath | None:
    """The change per year needed to reach the council's dated target from the latest value, and the recent pace."""
    if info.target_value is None or not info.has_dated_target(area_code) or info.polarity is None:
        return None
    years = parse_period(info.target_period).key - parse_period(latest[0]).key
    if years <= 0:
        return None
    target = info.target_value
    met = target_met(info, latest[1], target)
    recent_from = recent = None
    on_track: bool | None = True if met else None
    if span is not None:
        span_years = parse_period(span.to_period).key - parse_period(span.from_period).key
        if span_years > 0:
            recent_from, recent = span.from_period, (span.to_value - span.from_value) / span_years
            if not met and info.polarity in ("higher_is_better", "lower_is_better"):
                on_track = target_met(info, latest[1] + recent * years, target)
    return TargetPath(target=target, target_period=info.target_period, from_period=latest[0], from_value=latest[1],
                      years=years, needed_per_year=(target - latest[1]) / years, met_already=met,
                      recent_from_period=recent_from, recent_per_year=recent, on_track=on_track)


def _comparators(store: IndicatorStore, info: IndicatorInfo, area_code: str, period: str, value: float,
                 comparison: str, ideal: float | None) -> ComparatorAssessment | None:
    if comparison == "none":
        return None
    national = _period_values(store, info.indicator_id, period).dropna()
    dataset = store.dataset(info.dataset) if info.dataset else None
    national_label = dataset.national_label if dataset is not None else "all councils in the data"
    declared = dataset.comparators if dataset is not None else DatasetComparators()
    group = store.comparator_group(info.indicator_id, area_code) if comparison == "neighbours" else None
    if group is not None:
        name, members = group
        values = national[national.index.isin(members)]
        kind: Literal["neighbours", "national"] = "neighbours"
    if group is None or len(values) < 2:
        name, values, kind = national_label, national, "national"
    if len(values) < 2:
        return None
    others = [float(v) for v in values]
    rank = rank_of(value, others, info, ideal)
    n = len(values)
    median = float(values.median())
    mad = float((national - national.median()).abs().median()) if len(national) else None
    nat_median = float(national.median())
    mads = None if not mad else (value - nat_median) / mad
    # Oflog's bands (distance from the England median in MADs) belong to Oflog-style English data only.
    oflog = declared.terms == "oflog"
    band = band_wording(mads) if mads is not None and oflog else ""
    judgement = ""
    if mads is not None and oflog and band != "broadly similar":
        better = judge(nat_median, value, info, ideal)
        judgement = {"improving": "better", "worsening": "worse"}.get(better, "")
    best_code = best_value = None
    best_codes: list[str] = []
    tied_with: list[str] = []
    if info.polarity is not None and (info.polarity != "closer_to_target" or ideal is not None):
        rest = values.drop(area_code, errors="ignore")
        if len(rest):
            ranks = {str(c): rank_of(float(v), others, info, ideal) for c, v in rest.items()}
            ranked = sorted(rest.items(), key=lambda kv: (ranks[str(kv[0])], kv[0]))
            best_code, best_value = str(ranked[0][0]), float(ranked[0][1])
            best_codes = [str(c) for c, _ in ranked if ranks[str(c)] == ranks[best_code]]
            tied_with = sorted((c for c, r in ranks.items() if r == rank), key=lambda c: store.area_name(c))
    published = store.published(info.indicator_id, area_code, period) if declared.published else None
    average = store.published_family_average(info.indicator_id, area_code, period) if published else None
    everyone = set(values.index) == set(national.index)
    return ComparatorAssessment(
        period=period, comparison=kind, value=value, group_name=name, n=n, members=[str(m) for m in values.index],
        median=median, q1=float(values.quantile(0.25)), q3=float(values.quantile(0.75)), rank=rank,
        quartile=quartile_of(rank, n) if rank is not None else None, national_n=len(national),
        national_median=nat_median, mad=mad, mads=mads, mads_band=band, mads_judgement=judgement,
        best_code=best_code, best_name=store.area_name(best_code) if best_code else None, best_value=best_value,
        tied_with=tied_with, best_codes=best_codes, best_names=[store.area_name(c) for c in best_codes],
        terms=declared.terms, national_name=declared.national_name, group_is_everyone=everyone,
        published_national=published[0] if published else None,
        published_group_average=average,
        published_group_name=(store.comparator_group(info.indicator_id, area_code) or ("",))[0] if average else "")


def target_met(info: IndicatorInfo, value: float, target: float) -> bool:
    """Whether `value` meets `target` for the indicator's polarity (closer_to_target: within RAG_TOLERANCE x
    |target| of it); False when the polarity is unknown. The one rule behind every "met"/"missed"/"green"."""
    if info.polarity == "higher_is_better":
        return value >= target
    if info.polarity == "lower_is_better":
        return value <= target
    if info.polarity == "closer_to_target":
        return abs(value - target) <= RAG_TOLERANCE * abs(target)
    return False


def stated_figure(a: IndicatorAnalysis, label: str) -> Figure | None:
    """The analysis's own figure with this label (as its sentences state it: "target", "comparator median",
    "rank", "comparators", "best comparator value", "national median", "value compared", ...), or None."""
    return next((f for f in a.figures if f.label == label), None)


def _target(info: IndicatorInfo, period: str, value: float, target: float | None,
            comparators: ComparatorAssessment | None) -> TargetAssessment | None:
    if target is None or info.polarity is None:
        return None
    gap = value - target
    allowance = RAG_TOLERANCE * abs(target)
    met = target_met(info, value, target)
    if info.polarity == "higher_is_better":
        shortfall = target - value
    elif info.polarity == "lower_is_better":
        shortfall = value - target
    else:
        shortfall = abs(gap) - allowance
    rag: Literal["green", "amber", "red"] = "green" if met else ("amber" if shortfall <= allowance else "red")
    bottom = bool(met and comparators is not None and comparators.quartile == 4)
    return TargetAssessment(period=period, target=target, value=value, met=met, gap=gap, rag=rag,
                            tolerance=RAG_TOLERANCE, green_but_bottom_quartile=bottom)


def _caveats(info: IndicatorInfo, rows: pd.DataFrame, full: pd.DataFrame, series: list[SeriesPoint],
             change: ChangeAssessment | None, comparators: ComparatorAssessment | None, comparison: str,
             store: IndicatorStore, area_code: str, frequency: Frequency = "annual",
             freq_of: dict[str, Frequency] | None = None,
             cadence_years: float | None = None) -> tuple[list[str], list[str]]:
    # No direction of good performance is not a data caveat: the sentences describe the moves without judging them.
    caveats: list[str] = []
    breaks: list[str] = []
    for p in series:
        if p.note and _BREAK.search(p.note):
            breaks.append(p.period)
            caveats.append(break_caveat(p.period, p.note))
        elif p.note:
            caveats.append(ANALYSIS_MESSAGES["note_for"].format(period=p.period, note=p.note.strip().rstrip(".")))
    if re.search(r"break in (the )?series", info.description, re.IGNORECASE):
        caveats.append(ANALYSIS_MESSAGES["break_in_definition"])
    aggregates = [p.period for p in series if parse_period(p.period).kind == "aggregate"]
    if aggregates:
        caveats.append(ANALYSIS_MESSAGES["aggregates"].format(period=aggregates[-1]))
    if series:
        lo, hi = parse_period(series[0].period).key, parse_period(series[-1].period).key
        same = freq_of or {}
        held = {p for p in rows["period"].unique()
                if lo - 1e-9 <= parse_period(p).key <= hi + 1e-9 and same.get(p, frequency_of(p)) == frequency}
        missing = sorted(held - {p.period for p in series}, key=lambda p: parse_period(p).key)
        if missing:
            caveats.append(ANALYSIS_MESSAGES["missing_years"].format(periods=", ".join(missing)))
        # Collections nobody holds (e.g. a survey not run in 2020-21): the change across the gap spans longer.
        not_collected = [m for a, b in zip(series, series[1:], strict=False)
                         for m in missing_between(a.period, b.period, cadence_years) if m not in held]
        if not_collected:
            caveats.append(ANALYSIS_MESSAGES["not_collected"].format(periods=", ".join(not_collected)))
    if change is not None and change.percent is not None and abs(change.percent) >= BASE_EFFECT_PERCENT:
        earlier = [float(v) for v in full["value"].iloc[:-1]]
        # Measured from a trough a rise looks bigger, from a peak a fall does; a rise from the peak (a new high) or
        # a fall from the trough is understated, not exaggerated, so it is no base effect.
        rising = change.absolute > 0
        from_low, from_high = change.from_value == min(earlier), change.from_value == max(earlier)
        if len(earlier) >= 3 and ((from_low and rising) or (from_high and not rising)):
            extreme = "lowest" if from_low and rising else "highest"
            caveats.append(ANALYSIS_MESSAGES["base_effect"].format(period=change.from_period, extreme=extreme))
    if frequency != "annual" and change is not None:
        noun = "quarter" if frequency == "quarterly" else "month"
        caveats.append(ANALYSIS_MESSAGES["seasonal"].format(frequency=frequency, noun=noun))
    last = series[-1] if series else None
    if last is not None and last.denominator is not None and 0 < last.denominator < SMALL_DENOMINATOR \
            and denominator_counts(info, last.denominator):
        caveats.append(ANALYSIS_MESSAGES["small_numbers"].format(
            period=last.period, denominator=format_number(last.denominator, count=True)))
    if comparators is not None and series and comparators.period != series[-1].period:
        compared = (freq_of or {}).get(comparators.period, frequency_of(comparators.period))
        if compared != frequency:
            caveats.append(ANALYSIS_MESSAGES["other_frequency"].format(compared=compared, frequency=frequency,
                                                                       period=comparators.period))
        else:
            caveats.append(ANALYSIS_MESSAGES["earlier_comparison"].format(period=comparators.period))
    if comparison == "neighbours" and comparators is not None and comparators.comparison == "national":
        caveats.append(ANALYSIS_MESSAGES["no_group"].format(area=store.area_name(area_code),
                                                            group=comparators.group_name))
    return caveats, breaks
