"""Small wording helpers shared by challenge questions and briefing notes (no numbers are computed here)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from bot.compose import content_words
from indicators.formatting import format_number, format_value
from indicators.models import Figure
from prompts.templates import Templates, load_templates

__all__ = ["BROAD_WORDS", "QUOTE_CHARS", "by_when", "count_words", "data_age_words", "display_name", "is_broad",
           "lower_first", "meeting_date_words", "meeting_words", "period_noun", "phrase", "plain_quote",
           "reference_date", "shorten", "show", "show_count", "topic_phrase", "topic_span", "trim_furniture",
           "wording"]

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


def reference_date(meeting_date: str | None) -> date:
    """The date questions are asked from: the meeting's (ISO), or today when none (or not ISO) is given."""
    if meeting_date:
        try:
            return date.fromisoformat(meeting_date)
        except ValueError:
            pass
    return date.today()


def by_when(latest_period: str = "", meeting_date: str | None = None) -> str:
    """A horizon for "by when" questions, after the meeting: the end of the meeting's financial year when at
    least half of it is left, else of the next one (never before the year after the data's latest period)."""
    ref = reference_date(meeting_date)
    start = ref.year if ref.month >= 4 else ref.year - 1
    if ref.month >= 10 or ref.month < 4:
        start += 1
    match = re.match(r"(\d{4})-(\d{2})", latest_period or "")
    if match and int(match.group(2)) == (int(match.group(1)) + 1) % 100:
        start = max(start, int(match.group(1)) + 1)
    return wording().fill("by_when.financial_year", year=f"{start}-{(start + 1) % 100:02d}")


def data_age_words(latest_period: str, meeting_date: str | None) -> str | None:
    """How long before the meeting (or today) the latest period ended, in words ("nearly four years"), or None
    when it ended less than fifteen months before: then the data are current enough not to say so."""
    from indicators.periods import parse_period

    try:
        end = parse_period(latest_period).end
    except Exception:  # noqa: BLE001 - a period the parser does not know has no age to state
        return None
    ref = reference_date(meeting_date)
    age = ref.year + (ref.timetuple().tm_yday - 1) / 365.25 - end
    if age < 1.25:
        return None
    whole = int(age)
    w = wording()
    if age - whole >= 0.75:
        return w.fill("data_age.nearly", years=_years(whole + 1))
    if age - whole < 0.2:
        return w.fill("data_age.about", years=_years(whole))
    return w.fill("data_age.over", years=_years(whole))


def _years(n: int) -> str:
    return wording().text("data_age.one_year") if n == 1 else wording().fill("data_age.years", n=count_words(n))


def _title_case(name: str) -> bool:
    """Whether a name is written in Title Case ("Net Cost of Waste Collection per Premises")."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z']*", name) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def lower_first(name: str) -> str:
    """An indicator name for use mid-sentence: a lower-case first letter for an ordinary name; Title Case names
    (official titles) and acronyms are kept as written."""
    if _title_case(name):
        return name
    return name[:1].lower() + name[1:] if name[:2].lower() == name[:2] or not name[1:2].isupper() else name


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """Whitespace collapsed and cut at a word near `limit` (with an ellipsis): the start of the text, verbatim."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text.rstrip(".")
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(",;:") + "\u2026"


# Page furniture that can ride along in a passage's text: "Page 3 of 8" footers and the sample pack's notice.
_FURNITURE = re.compile(r"\s*(?:\bPage\s+\d+\s+of\s+\d+\b|FICTIONAL SAMPLE\s*-[^\n]*?does not exist)\s*",
                        re.IGNORECASE)


def trim_furniture(quote: str) -> str:
    """A quotation cut before any page footer or running header inside it (what is left is still a verbatim span
    of the passage); the text after the furniture when the furniture comes first. A bare number left dangling at
    the end (the next heading's numeral) goes too."""
    m = _FURNITURE.search(quote)
    if m is None:
        return re.sub(r"(?<=[.;:])\s+\d{1,2}\.?$", "", quote)
    before, after = quote[:m.start()].rstrip(), quote[m.end():].lstrip()
    kept = before if len(before) >= 20 or len(before) >= len(after) else after
    return trim_furniture(kept) if _FURNITURE.search(kept) else kept


# Markup a document's text can carry into a quotation: a Markdown heading line, bold markers, a table row's pipes
# (a Markdown table or a Word table read as text), a table's |---| rule.
_MARKUP = re.compile(r"^[ \t]*#{1,6}[ \t][^\n]*$|\*\*|__|\|", re.MULTILINE)


def plain_quote(quote: str, topic: str = "") -> str:
    """A quotation with no page furniture (`trim_furniture`) and no markup: when the quote holds a heading line,
    bold markers or table pipes, the markup-free piece of it with most of the topic's words (then the longest) -
    still a verbatim span of the passage. The words are quoted, not the markup."""
    quote = trim_furniture(quote)
    if not _MARKUP.search(quote):
        return quote
    pieces: list[str] = []
    start = 0
    for m in _MARKUP.finditer(quote):
        pieces.append(quote[start:m.start()])
        start = m.end()
    pieces.append(quote[start:])
    kept = [p.strip() for p in pieces if re.search(r"[A-Za-z]{2}", p)]
    if not kept:
        return quote
    wanted = content_words(topic)
    best = max(kept, key=lambda p: (len(content_words(p) & wanted), len(p)))
    return trim_furniture(best)


# Where a quotation's items part: a new bullet, a line after a full stop (or colon), a blank line. Sentences run
# on within a paragraph (a quotation keeps its context: "No significant weakness. The net cost ...").
_ITEM_BREAK = re.compile(r"\n(?=[ \t]*[-\u2022*][ \t])|(?<=[.!?:;])[ \t]*\n|\n[ \t]*\n")


def topic_span(quote: str, on_topic: Callable[[str], bool]) -> str:
    """A quotation narrowed to its items on the topic: from the first item `on_topic` accepts to the last (a list
    of findings on several services keeps the one on this service), still a verbatim span; unchanged when no
    item or every item is on the topic."""
    items: list[tuple[int, int]] = []
    start = 0
    for m in _ITEM_BREAK.finditer(quote):
        items.append((start, m.start()))
        start = m.end()
    items.append((start, len(quote)))
    keep = [(s, e) for s, e in items if quote[s:e].strip() and on_topic(quote[s:e])]
    if not keep or len(keep) == len([i for i in items if quote[i[0]:i[1]].strip()]):
        return quote
    span = quote[keep[0][0]:keep[-1][1]].strip()
    return re.sub(r"^[-\u2022*][ \t]+", "", span)


def phrase(text: str) -> str:
    """Lower-case words and digits joined by single spaces, for whole-phrase matching."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def display_name(name: str) -> str:
    """An indicator name as a sentence can carry it: no trailing unit in brackets; a leading "The" dropped and a
    leading "%" read as "Percentage" (only when the name has no digits, which the figure checks must still see
    inside the name as written)."""
    name = re.sub(r"\s*\((?:%|£|kg|days|no\.?|number|rate|per cent)\)\s*$", "", name, flags=re.IGNORECASE)
    if not re.search(r"\d", name):
        name = re.sub(r"^The\s+", "", name)
        name = re.sub(r"^%\s*of\b", "Percentage of", name)
    return name


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
