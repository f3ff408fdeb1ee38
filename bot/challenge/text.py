"""Small wording helpers shared by challenge questions and briefing notes (no numbers are computed here)."""

from __future__ import annotations

import re
from datetime import date

from bot.compose import content_words
from indicators.formatting import format_number, format_value
from indicators.models import Figure
from prompts.templates import Templates, load_templates

__all__ = ["BROAD_WORDS", "QUOTE_CHARS", "by_when", "count_words", "display_name", "is_broad", "lower_first",
           "meeting_date_words", "meeting_words", "period_noun", "phrase", "shorten", "show", "show_count",
           "topic_phrase", "wording"]

QUOTE_CHARS = 220
# Topic words that name no service: a topic made only of these ("performance overview") covers every indicator.
BROAD_WORDS = frozenset("performance overview overall corporate all service kpi kpis indicator indicators general "
                        "report summary everything key".split())
_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def wording() -> Templates:
    """The challenge wording (prompts/challenge_lines.yaml)."""
    return load_templates("challenge_lines.yaml")


def show(figure: Figure) -> str:
    """A figure as the text states it, by the one formatter (indicators.formatting)."""
    return format_value(figure.value, figure.unit)


def show_count(figure: Figure) -> str:
    """A count figure (councils, rank) as a bare whole number, by the one formatter."""
    return format_number(figure.value, count=True)


def count_words(n: int) -> str:
    """A count spelt out ("five", "twenty-three"): every numeral in an answer must be a figure from the data."""
    if 0 <= n < 20:
        return _UNITS[n]
    if 20 <= n < 100:
        return _TENS[n // 10] + (f"-{_UNITS[n % 10]}" if n % 10 else "")
    return str(n)


def period_noun(period: str) -> str:
    """What a run of periods like this one is counted in: "quarters", "months" or "years"."""
    nouns = wording()
    if re.search(r"Q[1-4]", period):
        return nouns.text("period_nouns.quarters")
    if re.fullmatch(r"\d{4}-\d{2}", period) and int(period[5:7]) <= 12 and int(period[5:7]) != \
            (int(period[2:4]) + 1) % 100:
        return nouns.text("period_nouns.months")
    return nouns.text("period_nouns.years")


def by_when(latest_period: str) -> str:
    """A horizon for "by when" questions: the end of the year after next for financial years, else a year on."""
    match = re.match(r"(\d{4})-(\d{2})", latest_period)
    if match and int(match.group(2)) == (int(match.group(1)) + 1) % 100:
        start = int(match.group(1)) + 2
        return wording().fill("by_when.financial_year", year=f"{start}-{(start + 1) % 100:02d}")
    return wording().text("by_when.otherwise")


def lower_first(name: str) -> str:
    """An indicator name with a lower-case first letter for use mid-sentence (acronyms are kept)."""
    return name[:1].lower() + name[1:] if name[:2].lower() == name[:2] or not name[1:2].isupper() else name


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """Whitespace collapsed and cut at a word near `limit` (with an ellipsis): the start of the text, verbatim."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text.rstrip(".")
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(",;:") + "\u2026"


def phrase(text: str) -> str:
    """Lower-case words and digits joined by single spaces, for whole-phrase matching."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def display_name(name: str) -> str:
    """An indicator name without a trailing unit in brackets, for use inside a sentence."""
    return re.sub(r"\s*\((?:%|£|kg|days|no\.?|number|rate|per cent)\)\s*$", "", name, flags=re.IGNORECASE)


def is_broad(topic: str) -> bool:
    """Whether a topic names no particular service ("performance overview")."""
    words = content_words(topic)
    return not words or words <= BROAD_WORDS


def topic_phrase(topic: str) -> str:
    """The topic as the overview question names it ("its main services" for a broad topic)."""
    return wording().text("overview.all_services") if is_broad(topic) else topic


def meeting_date_words(meeting_date: str | None) -> str | None:
    """A meeting date as members read it ("20 January 2025"), the text as given if it is not ISO, or None."""
    if not meeting_date:
        return None
    try:
        day = date.fromisoformat(meeting_date)
    except ValueError:
        return meeting_date
    return f"{day.day} {day:%B %Y}"


def meeting_words(meeting_date: str | None) -> str:
    """" for the meeting on 20 January 2025", or "" without a date."""
    words = meeting_date_words(meeting_date)
    return wording().fill("meeting", date=words) if words else ""
