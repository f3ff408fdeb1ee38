"""Independent recomputation of answer figures from the raw source tables, with pandas.

This deliberately does not import `indicators.analysis`, `indicators.store` or the importers: it reads the
raw files again (the sample pack's tidy CSV, the LGBF download, the Oflog download), applies the definitions
documented at the top of `indicators/analysis.py` from scratch, and compares. A figure whose label it does not
know counts as a disagreement, so a new kind of number cannot slip into answers unchecked.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from bot.evaluation.periods import period_dates, period_order, shift_year, spans_context, year_of
from bot.evaluation.raw import RawData, load_lgbf, load_oflog, load_tidy

if TYPE_CHECKING:
    import pandas as pd

    from indicators.models import Figure

__all__ = ["FigureCheck", "RawData", "Recomputer", "agrees", "check_figures", "load_lgbf", "load_oflog", "load_tidy",
           "period_order", "spans_context"]

RAG_TOLERANCE_PERCENT = 5.0  # the documented amber band (indicators/analysis.py RAG definition)
# The documented possible range of a measure (indicators/analysis.py "signal"), read again here: a percentage
# share is 0-100 when every held value lies in it; a non-negative quantity is at least 0; differences have none.
_PERCENT_UNITS = {"%", "percent", "per cent", "percentage"}
_DIFFERENCE = re.compile(r"\bgap\b|change|differen|growth|increase|decrease|variance|surplus|deficit|balance",
                         re.IGNORECASE)
_NON_NEGATIVE = re.compile(r"^(£|days?\b|weeks?\b|per\b|kg\b|visits\b|hours?\b)", re.IGNORECASE)
XMR_MIN_POINTS = 8
XMR_FACTOR = 2.66
XMR_RUN_SIDE = 7
XMR_RUN_TREND = 6
REL_TOL = 1e-6
NATION_CODES = frozenset({"england", "scotland"})  # area codes of whole-nation figures (indicators.wording)
ABS_TOL = 1e-9


class FigureCheck:
    """The outcome of checking one figure."""

    def __init__(self, figure: Figure, expected: float | None, reason: str = "") -> None:
        self.figure = figure
        self.expected = expected
        self.reason = reason

    @property
    def ok(self) -> bool:
        """Whether the figure agrees with the recomputation."""
        return self.expected is not None and agrees(self.figure.value, self.expected)

    def describe(self) -> str:
        """One line for the report."""
        f = self.figure
        what = f"{f.dataset}/{f.indicator_id}/{f.area_code}/{f.period} {f.label!r}={f.value!r}"
        if self.expected is None:
            return f"{what}: not recomputable ({self.reason})"
        return f"{what}: independent value {self.expected!r}" + (f" ({self.reason})" if self.reason else "")


def agrees(value: float, expected: float) -> bool:
    """Equal up to floating-point noise (figures carry exact values; rounding is only for display)."""
    if math.isnan(value) or math.isnan(expected):
        return False
    return math.isclose(value, expected, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def _better(a: float, b: float, polarity: str | None, ideal: float | None) -> int:
    """+1 if a is better than b, -1 if worse, 0 if equal or not judgeable."""
    if math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12):
        return 0
    if polarity == "higher_is_better":
        return 1 if a > b else -1
    if polarity == "lower_is_better":
        return 1 if a < b else -1
    if polarity == "closer_to_target" and ideal is not None:
        da, db = abs(a - ideal), abs(b - ideal)
        if math.isclose(da, db, rel_tol=1e-9, abs_tol=1e-12):
            return 0
        return 1 if da < db else -1
    return 0


def _tail_run(values: list[float], side: bool) -> int:
    """Signal runs as documented: `side` = how many latest values sit on one side of the mean (reported from
    RUN_SIDE = 7); otherwise how many latest values each rise (or each fall), counting the first (from 6)."""
    import numpy as np

    v = np.asarray(values, dtype="float64")
    signs = np.sign(v - v.mean()) if side else np.sign(np.diff(v))
    if len(signs) == 0 or signs[-1] == 0:
        return 0
    run = 0
    for s in signs[::-1]:
        if s != signs[-1]:
            break
        run += 1
    if side:
        return run if run >= XMR_RUN_SIDE else 0
    return run + 1 if run + 1 >= XMR_RUN_TREND else 0


def _trend_run(values: list[float], polarity: str | None, ideal: float | None) -> int:
    """How many latest steps all improve (or all worsen) by polarity: 0 when the last step is neither."""
    steps = [_better(b, a, polarity, ideal) for a, b in zip(values, values[1:], strict=False)]
    if not steps or steps[-1] == 0:
        return 0
    run = 0
    for step in reversed(steps):
        if step != steps[-1]:
            break
        run += 1
    return run


def _possible_range(name: str, unit: str, values: list[float]) -> tuple[float | None, float | None]:
    if not values or _DIFFERENCE.search(name):
        return None, None
    lo, hi = min(values), max(values)
    if unit.strip().lower() in _PERCENT_UNITS:
        return (0.0 if lo >= 0 else None), (100.0 if lo >= 0 and hi <= 100 else None)
    if _NON_NEGATIVE.match(unit.strip()) and lo >= 0:
        return 0.0, None
    return None, None


def _decimal_year(period: str, spans: bool) -> float:
    """The start of the last year (or sub-period) a period covers, in decimal years (April 2023 = 2023.25)."""
    from datetime import date

    start, end, _ = period_dates(period, spans)
    if (end - start).days > 366:  # a multi-year aggregate: its final year
        start = date(end.year - 1, end.month, end.day)
    return start.year + (start.month - 1) / 12.0


class Recomputer:
    """Recomputes figures for one dataset from its raw rows."""

    def __init__(self, raw: RawData) -> None:
        self.raw = raw

    def history(self, indicator_id: str, area_code: str, freq: str | None = None) -> pd.DataFrame:
        """The council's rows in time order (only those of one frequency when `freq` is given)."""
        rows = self.raw.rows(indicator_id)
        own = rows[rows["area_code"] == area_code]
        if freq is not None:
            own = own[own["freq"] == freq]
        return own.sort_values("order", kind="stable")

    def frequency(self, indicator_id: str, period: str) -> str:
        """The frequency of a period as read among the indicator's periods."""
        rows = self.raw.rows(indicator_id)
        hit = rows[rows["period"] == period]
        if hit.empty:
            return period_dates(period)[2]
        return str(hit["freq"].iloc[0])

    def in_year(self, indicator_id: str, area_code: str) -> list[tuple[str, float]]:
        """Sub-annual values after the council's latest annual period: quarters if any, else months."""
        annual = self.history(indicator_id, area_code, "annual")
        if annual.empty:
            return []
        after = annual["end"].iloc[-1]
        for freq in ("quarterly", "monthly"):
            sub = self.history(indicator_id, area_code, freq)
            sub = sub[sub["start"] >= after]
            if not sub.empty:
                return [(str(p), float(v)) for p, v in zip(sub["period"], sub["value"], strict=True)]
        return []

    def at(self, indicator_id: str, area_code: str, period: str, column: str = "value") -> float | None:
        """One cell of the raw table, or None."""
        rows = self.raw.rows(indicator_id)
        hit = rows[(rows["area_code"] == area_code) & (rows["period"] == period)]
        if hit.empty or hit[column].isna().all():
            return None
        return float(hit[column].dropna().iloc[0])

    def _ideal(self, indicator_id: str, target: float | None) -> float | None:
        mid = self.raw.midpoint.get(indicator_id)
        return mid if mid is not None else target

    def _latest(self, indicator_id: str, area_code: str, freq: str) -> tuple[pd.DataFrame, str, float]:
        hist = self.history(indicator_id, area_code, freq)
        if hist.empty:
            raise LookupError(f"no {freq} rows for this council")
        return hist, str(hist["period"].iloc[-1]), float(hist["value"].iloc[-1])

    def _national(self, indicator_id: str, period: str) -> pd.Series:
        rows = self.raw.rows(indicator_id)
        at = rows[rows["period"] == period]
        return at.drop_duplicates("area_code").set_index("area_code")["value"].astype("float64")

    def _comparators(self, indicator_id: str, area_code: str, period: str) -> pd.Series | None:
        """The comparator values at a period: the council's group when >= 2 of it report, else national."""
        national = self._national(indicator_id, period).dropna()
        members = self.raw.groups(indicator_id, area_code)
        if members is not None:
            group = national[national.index.isin(members)]
            if len(group) >= 2:
                return group
        return national if len(national) >= 2 else None

    def comparison_point(self, indicator_id: str, area_code: str,
                         freq: str = "annual") -> tuple[str, float, pd.Series] | None:
        """The latest period of the council's series of `freq` at which a comparison is possible (a council's own
        quarterly figures may have no peers; a sub-annual series then falls back to its annual one), with its
        value there and the comparator values."""
        hists = [self.history(indicator_id, area_code, freq)]
        if freq != "annual":
            hists.append(self.history(indicator_id, area_code, "annual"))
        candidates = [(p, v) for h in hists for p, v in zip(reversed(list(h["period"])), reversed(list(h["value"])),
                                                             strict=True)]
        for period, value in candidates:
            group = self._comparators(indicator_id, area_code, str(period))
            if group is not None:
                return str(period), float(value), group
        return None

    def _sub_annual(self, fig: Figure, area: str) -> float:
        """In-year quarters (or months) beside an annual trend, and the same quarter a year earlier."""
        ind, label = fig.indicator_id, fig.label
        value = self.at(ind, area, fig.period)
        if value is None:
            raise LookupError(f"no value in {fig.period}")
        in_year = self.in_year(ind, area)
        if label.startswith("same "):
            freq = self.frequency(ind, fig.period)
            later = [p for p, _ in in_year[-1:]] + list(self.history(ind, area, freq)["period"].iloc[-1:])
            start = self.raw.rows(ind).set_index("period")["start"]
            year_later = {p for p in later if start[fig.period] == shift_year(start[p], -1)}
            if not year_later:
                raise LookupError(f"{fig.period} is not a year before the latest quarter or month")
            return value
        periods = [p for p, _ in in_year]
        if label.startswith("latest "):
            if not periods or periods[-1] != fig.period:
                raise LookupError(f"latest in-year period held is {periods[-1] if periods else None}")
        elif fig.period not in periods[:-1] or year_of(fig.period) != year_of(periods[-1]):
            raise LookupError(f"{fig.period} is not an earlier in-year period of {year_of(periods[-1])}"
                              if periods else "no in-year periods held")
        return value

    def expected(self, fig: Figure, home: str | None = None, freq: str | None = None) -> float:
        """The independently computed value behind a figure's label; LookupError when it can't be.

        `freq` is the frequency of the analysed series (that of the answer's latest value); by default the
        frequency of the figure's own period."""
        ind, label = fig.indicator_id, fig.label
        # Figures about another council (the best comparator) are about the analysed council's group.
        area = home or fig.area_code
        if re.fullmatch(r"(latest|earlier|same) (quarter|month)( previous year)? value", label):
            return self._sub_annual(fig, area)
        freq = freq or self.frequency(ind, fig.period)
        hist, latest_period, latest = self._latest(ind, area, freq)
        polarity = self.raw.polarity.get(ind)
        target = self.at(ind, area, latest_period, "target")
        ideal = self._ideal(ind, target)
        periods = list(hist["period"])
        values = [float(v) for v in hist["value"]]

        if label == "latest value":
            if fig.period != latest_period:
                raise LookupError(f"latest period held is {latest_period}, figure says {fig.period}")
            return latest
        if label == "previous value":
            if len(periods) < 2 or fig.period != periods[-2]:
                raise LookupError(f"previous period held is {periods[-2] if len(periods) > 1 else None}")
            return values[-2]
        if label in ("value at start of span", "value in span"):
            value = self.at(ind, area, fig.period)
            if value is None:
                raise LookupError(f"no value in {fig.period}")
            return value
        if m := re.fullmatch(r"(percentage )?change since (.+?)( \(percentage points\))?", label):
            base_period = periods[-2] if m[2] == "previous period" else m[2]
            if len(periods) < 2:
                raise LookupError("only one period held")
            base = self.at(ind, area, base_period)
            if base is None:
                raise LookupError(f"no value in {base_period}")
            if m[1]:
                if base == 0:
                    raise LookupError("percentage change from zero")
                return (latest - base) / abs(base) * 100.0
            return latest - base
        if label == "consecutive periods in the same direction":
            return float(_trend_run(values, polarity, ideal))
        if label == "value at start of the run":
            run = _trend_run(values, polarity, ideal)
            if run == 0:
                raise LookupError("no run of improvement or deterioration ends at the latest period")
            if fig.period != periods[-(run + 1)]:
                raise LookupError(f"the run starts in {periods[-(run + 1)]}, figure says {fig.period}")
            return values[-(run + 1)]
        if label == "target":
            if target is None:
                raise LookupError("no target in the raw table")
            return target
        if label == "gap to target":
            if target is None:
                raise LookupError("no target in the raw table")
            return latest - target
        if label == "RAG tolerance":
            return RAG_TOLERANCE_PERCENT
        if label in ("periods held", "XmR periods"):
            return float(len(values))
        if label == "XmR minimum periods":
            return float(XMR_MIN_POINTS)
        if label in ("XmR run on one side of the centre", "XmR run rising or falling"):
            return float(_tail_run(values, side=label.endswith("centre")))
        if label.startswith("XmR "):
            import pandas as pd

            series = pd.Series(values, dtype="float64")
            centre = float(series.mean())
            spread = XMR_FACTOR * float(series.diff().abs().dropna().mean())
            lo, hi = _possible_range(fig.indicator_name, fig.unit,
                                     [float(v) for v in self.raw.rows(ind)["value"].dropna()])
            lower = centre - spread if lo is None else max(centre - spread, lo)
            upper = centre + spread if hi is None else min(centre + spread, hi)
            return {"XmR centre line": centre, "XmR lower natural process limit": lower,
                    "XmR upper natural process limit": upper}[label]
        if label in ("dated target", "change needed per year to reach target") or \
                label.startswith("average change per year since "):
            return self._target_path(fig, area, periods, values)
        if label == "denominator":
            value = self.at(ind, area, fig.period, "denominator")
            if value is None:
                raise LookupError("no denominator in the raw table")
            return value
        if m := re.fullmatch(r"neighbours (improved|compared|rising) since (.+)", label):
            return self._neighbours(fig, area, m[1], m[2], polarity, ideal, freq)
        if label.endswith(" at the start"):
            return self._national_at(fig, area, label.removesuffix(" at the start"))
        return self._comparator_figure(fig, area, polarity, ideal, freq)

    def _national_at(self, fig: Figure, area: str, label: str) -> float:
        """The whole nation at the first period of a span (a comparison with the nation over that span)."""
        national = self._national(fig.indicator_id, fig.period).dropna()
        if label == "comparator median":
            return float(national.median())
        if label == "comparators":
            return float(len(national))
        if label == "Scotland value (published)":
            published = self.at(fig.indicator_id, area, fig.period, "scotland")
            if published is None:
                raise LookupError(f"no published Scotland value in {fig.period}")
            return published
        raise LookupError(f"no independent recomputation for the label {label!r} at the start")

    def _years(self, indicator_id: str, earlier: str, later: str) -> float:
        spans = spans_context(list(self.raw.rows(indicator_id)["period"].unique()))
        return _decimal_year(later, spans) - _decimal_year(earlier, spans)

    def _target_path(self, fig: Figure, area: str, periods: list[str], values: list[float]) -> float:
        """A dated target (tidy metadata target_value, target_period; the council target_area_code's alone when
        given), the change per year needed to reach it from the latest value, and the average change per year
        over the span the analysis states."""
        ind = fig.indicator_id
        if ind not in self.raw.dated_target:
            raise LookupError("no dated target in the raw metadata")
        target, by, whose = self.raw.dated_target[ind]
        if whose and whose != area:
            raise LookupError(f"the dated target is {whose}'s, not {area}'s")
        if fig.label == "dated target":
            if fig.period != by:
                raise LookupError(f"the target is for {by}, figure says {fig.period}")
            return target
        if fig.period != periods[-1]:
            raise LookupError(f"latest period held is {periods[-1]}, figure says {fig.period}")
        latest = values[-1]
        if fig.label == "change needed per year to reach target":
            years = self._years(ind, periods[-1], by)
            if years <= 0:
                raise LookupError("the target date is not after the latest period")
            return (target - latest) / years
        start = fig.label.removeprefix("average change per year since ")
        if start not in periods:
            raise LookupError(f"no value in {start}")
        return (latest - values[periods.index(start)]) / self._years(ind, start, periods[-1])

    def _neighbours(self, fig: Figure, area: str, what: str, since: str, polarity: str | None, ideal: float | None,
                    freq: str) -> float:
        """How many of the council's comparators (its group when two or more of it report at the comparison
        period, else every council), other than itself, improved / have values / rose between `since` and the
        figure's period."""
        ind = fig.indicator_id
        point = self.comparison_point(ind, area, freq)
        if point is None:
            raise LookupError("no period with at least two comparator values")
        rows = self.raw.rows(ind)
        members = self.raw.groups(ind, area)
        at_comparison = self._national(ind, point[0]).dropna()
        use_group = members is not None and int(at_comparison.index.isin(members).sum()) >= 2
        before = self._national(ind, since).dropna()
        after = self._national(ind, fig.period).dropna()
        both = [c for c in after.index if c in before.index and c != area and (not use_group or c in members)]
        if rows.empty or not both:
            raise LookupError("no comparator has a value in both periods")
        if what == "compared":
            return float(len(both))
        if what == "rising":
            return float(sum(1 for c in both if after[c] > before[c]))
        if polarity is None:
            raise LookupError("no direction of good performance: nothing improves")
        return float(sum(1 for c in both if _better(float(after[c]), float(before[c]), polarity, ideal) > 0))

    def _comparator_figure(self, fig: Figure, area: str, polarity: str | None, ideal: float | None,
                           freq: str) -> float:
        ind, label = fig.indicator_id, fig.label
        point = self.comparison_point(ind, area, freq)
        if point is None:
            raise LookupError("no period with at least two comparator values")
        period, value, group = point
        if fig.period != period:
            raise LookupError(f"comparators are for {period}, figure says {fig.period}")
        national = self._national(ind, period).dropna()
        if label == "value compared":
            return value
        if label == "comparator median":
            return float(group.median())
        if label == "comparator lower quartile":
            return float(group.quantile(0.25))
        if label == "comparator upper quartile":
            return float(group.quantile(0.75))
        if label == "comparators":
            return float(len(group))
        if label in ("rank", "quartile"):
            rank = 1 + sum(1 for v in group if _better(float(v), value, polarity, ideal) > 0)
            if label == "rank":
                return float(rank)
            return float(min(4, (rank - 1) * 4 // len(group) + 1))
        if label == "best comparator value":
            rest = group.drop(area, errors="ignore")
            best = [c for c, v in rest.items()
                    if all(_better(float(o), float(v), polarity, ideal) <= 0 for o in rest)]
            if fig.area_code not in best:
                raise LookupError(f"best comparator is {sorted(best)[:3]}, figure names {fig.area_code}")
            return float(rest[fig.area_code])
        if label in ("national median", "median of all councils in the data"):
            return float(national.median())
        if label in ("national councils", "councils in the data"):
            return float(len(national))
        if label in ("Scotland value (published)", "family group average (published)"):
            column = "scotland" if label.startswith("Scotland") else "family_average"
            if column not in self.raw.values.columns:
                raise LookupError(f"the raw table carries no published {column} column")
            published = self.at(ind, area, period, column)
            if published is None:
                raise LookupError(f"no published {column} value in {period}")
            return published
        if label == "MADs from national median":
            centre = float(national.median())
            mad = float((national - centre).abs().median())
            if mad == 0:
                raise LookupError("national MAD is zero")
            return (value - centre) / mad
        raise LookupError(f"no independent recomputation for the label {label!r}")


def check_figures(figures: list[Figure], raw: dict[str, RawData], home: str | None = None) -> list[FigureCheck]:
    """Check each figure against the raw table of its dataset; `home` is the council the answer was about."""
    checks = []
    recomputers = {name: Recomputer(data) for name, data in raw.items()}
    # Each analysis in an answer states its latest value first: that names the council and the series frequency.
    latest: dict[tuple[str, ...], Figure] = {}
    for f in figures:
        if f.label == "latest value":
            latest.setdefault((f.dataset or "", f.indicator_id), f)
            latest.setdefault((f.dataset or "", f.indicator_id, f.area_code), f)
    for fig in figures:
        recomputer = recomputers.get(fig.dataset or "")
        if recomputer is None:
            checks.append(FigureCheck(fig, None, f"no raw table for dataset {fig.dataset!r}"))
            continue
        key = (lambda f: f.area_name) if recomputer.raw.by_name else (lambda f: f.area_code)
        if fig.area_code in NATION_CODES:
            # A national figure is filed under the nation; it is recomputed for the council the answer is about.
            own = latest.get((fig.dataset or "", fig.indicator_id))
            area = home if home is not None else (key(own) if own is not None else None)
        elif fig.label == "best comparator value":
            own = latest.get((fig.dataset or "", fig.indicator_id))
            area = home if home is not None else (key(own) if own is not None else None)
            fig = fig.model_copy(update={"area_code": key(fig)})
        else:
            own = latest.get((fig.dataset or "", fig.indicator_id, fig.area_code))
            area = key(fig)
        if own is None and home is None and fig.label == "best comparator value":
            # No latest value stated (a question on the comparison alone): the council is that of the
            # indicator's other figures.
            own = next((f for f in figures if (f.dataset, f.indicator_id) == (fig.dataset, fig.indicator_id)
                        and f.label != "best comparator value"), None)
            area = key(own) if own is not None else None
        freq = None
        if own is not None:
            try:
                freq = recomputer.frequency(fig.indicator_id, own.period)
            except ValueError:
                freq = None
        try:
            checks.append(FigureCheck(fig, recomputer.expected(fig, home=area, freq=freq)))
        except (LookupError, KeyError, ValueError, ZeroDivisionError) as exc:
            checks.append(FigureCheck(fig, None, str(exc)))
    return checks
