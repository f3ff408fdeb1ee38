"""Period strings of the tidy format: parsing, canonical form and a sort key that orders them in time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

PeriodKind = Literal["financial_year", "quarter", "calendar_year", "calendar_quarter", "month", "aggregate"]
Frequency = Literal["annual", "quarterly", "monthly"]

_YY = re.compile(r"^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$")
_FYQ = re.compile(r"^(\d{4})\s*[-/]\s*(\d{2})\s*Q([1-4])$", re.IGNORECASE)
_CQ = re.compile(r"^(\d{4})\s*Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class Period:
    """A parsed period. `start`/`end` are decimal years (April = .25); `key` orders periods by their end."""

    text: str
    kind: PeriodKind
    start: float
    end: float
    years: int  # financial or calendar years covered (1 unless a multi-year aggregate)

    @property
    def key(self) -> float:
        """Sort key: the start of the last sub-period covered, so a rolling aggregate sorts by its final year."""
        if self.kind == "aggregate":
            return self.end - 1.0
        return self.start


def _full_year(start: int, two: str) -> int:
    if len(two) == 4:
        return int(two)
    end = (start // 100) * 100 + int(two)
    return end + 100 if end < start else end


def parse_period(text: str) -> Period:
    """Parse a period; raise ValueError with a short reason when it is not one the tidy format allows."""
    s = str(text).strip()
    if m := _FYQ.match(s):
        a, b, q = int(m[1]), m[2], int(m[3])
        if _full_year(a, b) != a + 1:
            raise ValueError(f"quarter {s!r} must belong to a financial year like 2022-23")
        start = a + 0.25 * q
        return Period(f"{a}-{b} Q{q}", "quarter", start, start + 0.25, 1)
    if m := _CQ.match(s):
        a, q = int(m[1]), int(m[2])
        start = a + 0.25 * (q - 1)
        return Period(f"{a} Q{q}", "calendar_quarter", start, start + 0.25, 1)
    if m := _YEAR.match(s):
        a = int(m[1])
        return Period(s, "calendar_year", float(a), a + 1.0, 1)
    if m := _YY.match(s):
        a, b = int(m[1]), m[2]
        end = _full_year(a, b)
        if end == a + 1:
            return Period(f"{a}-{end % 100:02d}", "financial_year", a + 0.25, a + 1.25, 1)
        if len(b) == 2 and 1 <= int(b) <= 12 and int(b) != (a + 1) % 100 and end != a:
            # YYYY-MM that is not YYYY-(YY+1): a month.
            month = int(b)
            return Period(f"{a}-{month:02d}", "month", a + (month - 1) / 12, a + month / 12, 1)
        if a + 1 < end <= a + 10:
            # A multi-year aggregate of financial years: 2018-21 covers 2018-19, 2019-20 and 2020-21.
            return Period(f"{a}-{end % 100:02d}", "aggregate", a + 0.25, end + 0.25, end - a)
        raise ValueError(f"period {s!r} is not a financial year, quarter, year, month or multi-year span")
    raise ValueError(f"period {s!r} is not a financial year (2022-23), quarter (2022-23 Q2), year, month "
                     "(2022-07) or multi-year aggregate (2018-21)")


def frequency_of(text: str) -> Frequency:
    """How often a period recurs: years and multi-year aggregates are annual, quarters quarterly, months monthly."""
    kind = parse_period(text).kind
    if kind in ("quarter", "calendar_quarter"):
        return "quarterly"
    if kind == "month":
        return "monthly"
    return "annual"


def _could_be_span(text: str) -> bool:
    m = _YY.match(text.strip())
    if not m:
        return False
    a = int(m[1])
    return a + 1 < _full_year(a, m[2]) <= a + 10


def frequencies(periods: list[str]) -> dict[str, Frequency]:
    """Frequency of each period, read in the context of one indicator's periods.

    "2009-11" parses as November 2009 but, among LGBF-style multi-year aggregates and financial years with no
    unambiguous month beside it, it is the two-year aggregate 2009-10 to 2010-11: annual, not monthly.
    """
    parsed = {p: parse_period(p) for p in set(periods)}
    spans = any(x.kind in ("aggregate", "financial_year") for x in parsed.values())
    clear_month = any(x.kind == "month" and not _could_be_span(p) for p, x in parsed.items())
    out: dict[str, Frequency] = {}
    for p, x in parsed.items():
        ambiguous = x.kind == "month" and spans and not clear_month and _could_be_span(p)
        out[p] = "annual" if ambiguous else frequency_of(p)
    return out


def year_of(text: str) -> str:
    """The year a quarter or month belongs to ("2024-25 Q2" -> "2024-25", "2024-07" -> "2024"); else the text."""
    p = parse_period(text)
    if p.kind in ("quarter", "calendar_quarter"):
        return p.text.split(" Q")[0]
    if p.kind == "month":
        return p.text[:4]
    return p.text


def period_key(text: str) -> float:
    """Sort key of a period string (see Period.key)."""
    return parse_period(text).key


def sort_periods(periods: list[str]) -> list[str]:
    """Periods in time order."""
    return sorted(periods, key=lambda p: (period_key(p), parse_period(p).years))


def since_start(since: str) -> float:
    """The earliest period start that `since` admits: "2019" -> 2019, "2019-20" -> April 2019."""
    s = since.strip()
    if _YEAR.match(s):
        return float(int(s))
    return parse_period(s).start


def admits(period: str, since: str) -> bool:
    """Whether a period starts at or after `since` ("since 2019" admits 2019-20 and 2019, not 2018-19)."""
    return parse_period(period).start >= since_start(since) - 1e-9


def years_before(period: str, years: int) -> str:
    """The financial (or calendar) year `years` before a period's year: ("2022-23", 6) -> "2016-17"."""
    p = parse_period(year_of(period))
    start = int(p.start) - years
    if p.kind == "calendar_year":
        return str(start)
    return f"{start}-{str(start + 1)[2:]}"


def nearest_held(period: str, held: list[str]) -> tuple[str | None, str | None]:
    """The held periods just before and just after `period` (either may be None); `held` in any order."""
    key = parse_period(period).start
    ordered = sort_periods(held)
    before = [p for p in ordered if parse_period(p).start < key - 1e-9]
    after = [p for p in ordered if parse_period(p).start > key + 1e-9]
    return (before[-1] if before else None), (after[0] if after else None)


def closest_held(period: str, held: list[str]) -> str | None:
    """The held period nearest in time to `period`; of two equally near, the later (the more current figure)."""
    before, after = nearest_held(period, held)
    if before is None or after is None:
        return before or after
    key = parse_period(period).start
    return before if key - parse_period(before).start < parse_period(after).start - key else after
