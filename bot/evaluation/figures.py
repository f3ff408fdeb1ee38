"""Independent recomputation of answer figures from the raw source tables, with pandas.

This deliberately does not import `indicators.analysis`, `indicators.store` or the importers: it reads the
raw files again (the sample pack's tidy CSV, the LGBF download, the Oflog download), applies the definitions
documented at the top of `indicators/analysis.py` from scratch, and compares. A figure whose label it does not
know counts as a disagreement, so a new kind of number cannot slip into answers unchecked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from indicators.models import Figure

RAG_TOLERANCE_PERCENT = 5.0  # the documented amber band (indicators/analysis.py RAG definition)
XMR_MIN_POINTS = 8
XMR_FACTOR = 2.66
XMR_RUN_SIDE = 7
XMR_RUN_TREND = 6
REL_TOL = 1e-6
ABS_TOL = 1e-9

Groups = Callable[[str, str], list[str] | None]


@dataclass
class RawData:
    """One dataset read straight from its source files: tidy columns, polarity, ideal points, groups."""

    name: str
    values: pd.DataFrame  # indicator_id, area_code, area_name, period, value, target, denominator
    polarity: dict[str, str | None]
    midpoint: dict[str, float] = field(default_factory=dict)
    groups: Groups = lambda indicator_id, area_code: None  # noqa: E731 - a default "no groups" function
    by_name: bool = False  # councils are keyed by name in the raw file (LGBF carries no codes)
    _by_indicator: dict[str, pd.DataFrame] = field(default_factory=dict)

    def rows(self, indicator_id: str) -> pd.DataFrame:
        """All rows of one indicator with a value, with added time-order, frequency, start and end columns."""
        if not self._by_indicator:
            for key, sub in self.values.groupby("indicator_id", sort=False):
                sub = sub.dropna(subset=["value"]).copy()
                spans = spans_context(list(sub["period"].unique()))
                read = {p: _period_dates(p, spans) for p in sub["period"].unique()}
                sub["order"] = sub["period"].map(lambda p, r=read: _order(*r[p][:2]))
                sub["freq"] = sub["period"].map(lambda p, r=read: r[p][2])
                sub["start"] = sub["period"].map(lambda p, r=read: r[p][0])
                sub["end"] = sub["period"].map(lambda p, r=read: r[p][1])
                self._by_indicator[str(key)] = sub
        empty = self.values.iloc[0:0].assign(order=None, freq=None, start=None, end=None)
        return self._by_indicator.get(indicator_id, empty)


# -- periods: an independent reading of the tidy period forms ---------------------------------------------
_FYQ = re.compile(r"^(\d{4})-(\d{2}) Q([1-4])$")
_FY = re.compile(r"^(\d{4})-(\d{2})$")
_CQ = re.compile(r"^(\d{4}) Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


def _could_be_span(year: int, two: int) -> bool:
    end_year = (year // 100) * 100 + two
    if end_year < year:
        end_year += 100
    return year + 1 < end_year <= year + 10


def spans_context(periods: list[str]) -> bool:
    """Whether an indicator's "YYYY-MM" periods that could be multi-year aggregates ("2009-11") are aggregates:
    yes when the indicator holds financial years or aggregates and no period that can only be a month."""
    annual_spans, clear_month = False, False
    for text in periods:
        m = _FY.match(text.strip())
        if not m:
            continue
        year, two = int(m[1]), int(m[2])
        if (year + 1) % 100 == two or (two > 12 and _could_be_span(year, two)):
            annual_spans = True
        elif 1 <= two <= 12 and not _could_be_span(year, two):
            clear_month = True
    return annual_spans and not clear_month


def _period_dates(text: str, spans: bool = False) -> tuple[date, date, str]:
    """First day, the day after the last day, and the frequency (annual, quarterly, monthly) of a period;
    `spans` reads an ambiguous "YYYY-MM" as a multi-year aggregate (see spans_context)."""
    s = text.strip()
    if m := _FYQ.match(s):
        year, q = int(m[1]), int(m[3])
        month = 4 + 3 * (q - 1)
        start = date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        end_month = month + 3
        return start, date(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1), "quarterly"
    if m := _CQ.match(s):
        year, q = int(m[1]), int(m[2])
        start = date(year, 3 * (q - 1) + 1, 1)
        return start, date(year + (q == 4), (3 * q) % 12 + 1, 1), "quarterly"
    if m := _YEAR.match(s):
        return date(int(s), 1, 1), date(int(s) + 1, 1, 1), "annual"
    if m := _FY.match(s):
        year, two = int(m[1]), int(m[2])
        end_year = (year // 100) * 100 + two
        if end_year < year:
            end_year += 100
        if end_year == year + 1:
            return date(year, 4, 1), date(end_year, 4, 1), "annual"
        span = _could_be_span(year, two)
        if 1 <= two <= 12 and not (spans and span):  # YYYY-MM that is not a financial year: a month
            return date(year, two, 1), date(year + (two == 12), two % 12 + 1, 1), "monthly"
        if span:  # a multi-year aggregate of financial years
            return date(year, 4, 1), date(end_year, 4, 1), "annual"
    raise ValueError(f"unrecognised period {text!r}")


def _order(start: date, end: date) -> tuple[int, int]:
    days = (end - start).days
    # A multi-year aggregate sorts with its final year: shift its start forward to the last 12 months.
    last_start = start if days <= 366 else date(end.year - 1, end.month, end.day)
    return last_start.toordinal(), days


def period_order(text: str, spans: bool = False) -> tuple[int, int]:
    """Time order: by the start of the final year (or sub-period) covered, then shorter spans first."""
    start, end, _ = _period_dates(text, spans)
    return _order(start, end)


def _shift_year(day: date, years: int) -> date:
    return day.replace(year=day.year + years)


def year_of(text: str) -> str:
    """The year a quarter or month belongs to ("2024-25 Q2" -> "2024-25", "2024-07" -> "2024")."""
    s = text.strip()
    if m := _FYQ.match(s):
        return f"{m[1]}-{m[2]}"
    if m := _CQ.match(s):
        return m[1]
    return s[:4]


# -- comparing ---------------------------------------------------------------------------------------------
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
            return _period_dates(period)[2]
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
            year_later = {p for p in later if start[fig.period] == _shift_year(start[p], -1)}
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
        if label == "value at start of span":
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
            steps = [_better(b, a, polarity, ideal) for a, b in zip(values, values[1:], strict=False)]
            if not steps or steps[-1] == 0:
                return 0.0
            run = 0
            for step in reversed(steps):
                if step != steps[-1]:
                    break
                run += 1
            return float(run)
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
            return {"XmR centre line": centre, "XmR lower natural process limit": centre - spread,
                    "XmR upper natural process limit": centre + spread}[label]
        if label == "denominator":
            value = self.at(ind, area, fig.period, "denominator")
            if value is None:
                raise LookupError("no denominator in the raw table")
            return value
        return self._comparator_figure(fig, area, polarity, ideal, freq)

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
        if label == "national median":
            return float(national.median())
        if label == "national councils":
            return float(len(national))
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
        if fig.label == "best comparator value":
            own = latest.get((fig.dataset or "", fig.indicator_id))
            area = home if home is not None else (key(own) if own is not None else None)
            fig = fig.model_copy(update={"area_code": key(fig)})
        else:
            own = latest.get((fig.dataset or "", fig.indicator_id, fig.area_code))
            area = key(fig)
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


# -- raw loaders -------------------------------------------------------------------------------------------
def _numbers(series: pd.Series) -> pd.Series:
    import pandas as pd

    cleaned = series.astype(str).str.replace(r"[,\s£%]", "", regex=True)
    return pd.to_numeric(cleaned.where(cleaned != "", None), errors="coerce").astype("float64")


def load_tidy(name: str, values_csv: Path, meta_csv: Path | None = None, groups_csv: Path | None = None) -> RawData:
    """A tidy CSV (the sample pack's format) with its metadata and comparator-group files."""
    import pandas as pd

    df = pd.read_csv(values_csv, dtype=str, keep_default_na=False)
    out = pd.DataFrame({
        "indicator_id": df["indicator_id"].str.strip(), "area_code": df["area_code"].str.strip(),
        "area_name": df.get("area_name", df["area_code"]), "period": df["period"].str.strip(),
        "value": _numbers(df["value"]),
        "target": _numbers(df["target"]) if "target" in df else float("nan"),
        "denominator": _numbers(df["denominator"]) if "denominator" in df else float("nan"),
    })
    polarity: dict[str, str | None] = {}
    if "polarity" in df:
        for ind, sub in df.groupby("indicator_id"):
            marks = {m for m in sub["polarity"].str.strip() if m}
            polarity[str(ind)] = marks.pop() if len(marks) == 1 else None
    if meta_csv is not None:
        meta = pd.read_csv(meta_csv, dtype=str, keep_default_na=False)
        for row in meta.itertuples(index=False):
            if getattr(row, "polarity", ""):
                polarity[row.indicator_id] = row.polarity
    members: dict[str, list[str]] = {}
    if groups_csv is not None:
        g = pd.read_csv(groups_csv, dtype=str, keep_default_na=False)
        for area, sub in g.groupby("area_code"):
            members[str(area)] = list(sub["member_code"])
    return RawData(name=name, values=out, polarity=polarity, groups=lambda ind, area: members.get(area))


_LGBF_POLARITY = {"Ascending": "lower_is_better", "Descending": "higher_is_better", "Goldilocks": "closer_to_target"}
# LGBF publishes percentages as fractions (0.4455); answers state per cent. An indicator whose values are all
# within +/-5 is a fraction; larger values are already points (the importer's documented rule).
_FRACTION_LIMIT = 5.0


def load_lgbf(name: str, folder: Path) -> RawData:
    """The LGBF download (values, indicator information, family groups); councils are keyed by name."""
    import pandas as pd

    v = pd.read_csv(folder / "lgbf_values_real.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    info = pd.read_csv(folder / "indicator_information.csv", dtype=str, keep_default_na=False,
                       encoding="utf-8-sig")
    fam = pd.read_csv(folder / "family_groups.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    v = v[(v["Code"] != "") & (v["LocalAuthority"] != "") & (v["Year"] != "") & v["Code"].isin(info["Code"])]
    values = pd.DataFrame({"indicator_id": v["Code"], "area_code": v["LocalAuthority"],
                           "area_name": v["LocalAuthority"], "period": v["Year"],
                           "value": _numbers(v["LA_IndicatorReal"]), "target": float("nan"),
                           "denominator": _numbers(v["LA_Den_Real"])})
    values = values.dropna(subset=["value"]).drop_duplicates(["indicator_id", "area_code", "period"])
    polarity: dict[str, str | None] = {}
    midpoint: dict[str, float] = {}
    grouping: dict[str, str] = {}
    for row in info.itertuples(index=False):
        polarity[row.Code] = _LGBF_POLARITY.get(row.Ranking_Type)
        grouping[row.Code] = row.FamilyGrouping
        scale = 1.0
        if row.MeasureType.strip().lower() == "percentage":
            rows = values["indicator_id"] == row.Code
            if rows.any() and values.loc[rows, "value"].abs().max() <= _FRACTION_LIMIT:
                values.loc[rows, "value"] = values.loc[rows, "value"] * 100.0
                scale = 100.0
        if polarity[row.Code] == "closer_to_target" and row.Ranking_GoldilocksMidpoint.strip():
            midpoint[row.Code] = float(row.Ranking_GoldilocksMidpoint) * scale
    families: dict[tuple[str, str], list[str]] = {}
    for (kind, _group), sub in fam.groupby(["Type", "Family_Group"]):
        for council in sub["Local_Authority"]:
            families[(str(kind), council)] = list(sub["Local_Authority"])

    def groups(indicator_id: str, area: str) -> list[str] | None:
        return families.get((grouping.get(indicator_id, ""), area))

    return RawData(name=name, values=values, polarity=polarity, midpoint=midpoint, groups=groups, by_name=True)


def load_oflog(name: str, folder: Path) -> RawData:
    """The Oflog adult social care download and its CIPFA nearest-neighbour groups."""
    import json

    import pandas as pd

    a = pd.read_csv(folder / "asc_data.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    values = pd.DataFrame({"indicator_id": a["Code"].str.strip(), "area_code": a["Local authority code"].str.strip(),
                           "area_name": a["Local authority name"], "period": a["Financial year"].str.strip(),
                           "value": _numbers(a["Value"]), "target": float("nan"), "denominator": float("nan")})
    values = values.dropna(subset=["value"]).drop_duplicates(["indicator_id", "area_code", "period"])
    polarity: dict[str, str | None] = {}
    for code, sub in a.groupby("Code"):
        marks = {m.strip().lower() for m in sub["rank_order"]} - {"", "none"}
        polarity[str(code)] = "higher_is_better" if marks == {"desc"} else None
    # The data's README: workforce turnover (ASC7) carries no rank_order, but lower is better.
    polarity.setdefault("ASC7", None)
    if polarity["ASC7"] is None:
        polarity["ASC7"] = "lower_is_better"
    neighbours = json.loads((folder / "nearest_neighbours.json").read_text(encoding="utf-8"))
    return RawData(name=name, values=values, polarity=polarity,
                   groups=lambda ind, area: neighbours.get(area))
