"""The one formatter: every number the product prints, in text, JSON renderings, Slack blocks and DOCX, comes here.

The rule, decided once (README "How numbers are printed"):
- money (unit `£`): pence below £1,000 (£75.80, -£12.50), whole pounds with separators from £1,000 (£1,234);
- everything else by magnitude: 1,000 and over whole with separators (1,234); 100 to 1,000 whole (116);
  10 to 100 one decimal (45.2); 1 to 10 up to two decimals, trailing zeros dropped (6.1, 5.25); under 1 three
  significant figures (0.406);
- counts (councils, periods, ranks, measure type "count") print as whole numbers when they are whole;
- rounding is half-up on the value as written (83.25 -> 83.3, 0.4025 -> 0.403), never banker's rounding.
Figures keep the exact value; only the printed text is rounded.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["format_number", "format_points", "format_value", "is_money", "is_percent", "ordinal", "possessive"]

_PERCENT_UNITS = frozenset({"%", "percent", "per cent", "percentage"})
_BARE_UNITS = frozenset({"score", "number", "count", "ratio", "", "rank", "quartile"})
_COUNT_UNITS = frozenset({"councils", "periods", "rank", "quartile", "count", "number", "years", "quarters"})
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}


def _round(value: float, places: int) -> Decimal:
    # repr() gives the shortest decimal that round-trips, so 41.185 rounds as written, not as 41.18499999...
    exact = Decimal(repr(float(value)))
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _places(value: float) -> int | None:
    """Decimal places for a magnitude; None means three significant figures (values under 1)."""
    a = abs(value)
    if a >= 100:
        return 0
    if a >= 10:
        return 1
    if a >= 1:
        return 2
    return None


def format_number(value: float, count: bool = False) -> str:
    """A bare number by the magnitude rule (no unit)."""
    if value == 0:
        return "0"
    if count and float(value).is_integer():
        return f"{int(value):,}"
    places = _places(value)
    if places is None:
        # Three significant figures: shift by the exponent, round, and print without scientific notation.
        exponent = Decimal(repr(abs(float(value)))).adjusted()
        places = 2 - exponent
        text = f"{_round(value, places):f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    rounded = _round(value, places)
    if places == 0:
        return f"{rounded:,.0f}"
    text = f"{rounded:.{places}f}"
    if places == 2:
        text = text.rstrip("0").rstrip(".")
    # Rounding can carry into the next band (99.96 -> 100.0): print it by that band's rule.
    if abs(float(rounded)) >= 100 and places > 0:
        return f"{_round(value, 0):,.0f}"
    return text


def is_money(unit: str) -> bool:
    """True for a unit in pounds (`£`, `£ per pupil`, `GBP`)."""
    u = (unit or "").strip()
    return u.startswith("\u00a3") or u.upper() == "GBP"


def is_percent(unit: str) -> bool:
    """True for a percentage unit."""
    return (unit or "").strip().lower() in _PERCENT_UNITS


def format_value(value: float, unit: str = "", measure_type: str = "") -> str:
    """A value with its unit where a reader expects it: £75.80, 45.2%, 6.1 days, 1,234 kg, 16 councils."""
    u = (unit or "").strip()
    if is_money(u):
        rounded = _round(abs(value), 0 if abs(value) >= 1000 else 2)
        text = f"\u00a3{rounded:,.0f}" if abs(value) >= 1000 else f"\u00a3{rounded:,.2f}"
        rest = u[1:].strip() if u.startswith("\u00a3") else ""
        sign = "-" if value < 0 and rounded != 0 else ""
        return f"{sign}{text} {rest}".strip()
    count = u.lower() in _COUNT_UNITS or measure_type.lower() in ("count", "number")
    text = format_number(value, count=count)
    if is_percent(u):
        return f"{text}%"
    if u.lower() in _BARE_UNITS:
        return text
    if text in ("1", "-1") and re.fullmatch(r"[a-z]+s", u):
        u = u[:-1]  # "1 day", not "1 days"
    return f"{text} {u}"


def format_points(value: float) -> str:
    """A difference between two percentages: '3.4 percentage points', '1 percentage point' (never '%')."""
    text = format_number(value)
    return f"{text} percentage point{'' if text in ('1', '-1') else 's'}"


def possessive(name: str) -> str:
    """"Leeds's" is said, "Shetland Islands's" is not: a plural-looking name ending in "s" takes the apostrophe only
    when its last word is a plural ("Islands", "Borders"), else "'s"."""
    last = name.split()[-1] if name.split() else name
    return f"{name}'" if len(name.split()) > 1 and last.endswith("s") and not last.endswith("ss") else f"{name}'s"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st..."""
    suffix = "th" if 10 <= n % 100 <= 20 else _ORDINAL_SUFFIX.get(n % 10, "th")
    return f"{n}{suffix}"
