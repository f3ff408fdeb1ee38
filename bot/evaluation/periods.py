"""An independent reading of the tidy period forms (financial years, quarters, calendar years, months, multi-year
aggregates), for the eval's recomputation: it does not use `indicators.periods`."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["order_of", "period_dates", "period_order", "shift_year", "spans_context", "year_of"]

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


def period_dates(text: str, spans: bool = False) -> tuple[date, date, str]:
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


def order_of(start: date, end: date) -> tuple[int, int]:
    """Time order of a span given its first day and the day after its last."""
    days = (end - start).days
    # A multi-year aggregate sorts with its final year: shift its start forward to the last 12 months.
    last_start = start if days <= 366 else date(end.year - 1, end.month, end.day)
    return last_start.toordinal(), days


def period_order(text: str, spans: bool = False) -> tuple[int, int]:
    """Time order: by the start of the final year (or sub-period) covered, then shorter spans first."""
    start, end, _ = period_dates(text, spans)
    return order_of(start, end)


def shift_year(day: date, years: int) -> date:
    """The same day `years` later (earlier when negative)."""
    return day.replace(year=day.year + years)


def year_of(text: str) -> str:
    """The year a quarter or month belongs to ("2024-25 Q2" -> "2024-25", "2024-07" -> "2024")."""
    s = text.strip()
    if m := _FYQ.match(s):
        return f"{m[1]}-{m[2]}"
    if m := _CQ.match(s):
        return m[1]
    return s[:4]
