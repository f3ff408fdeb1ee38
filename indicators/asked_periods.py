"""The periods a question asks about, as people write them: "between 2016-17 and 2021-22", "from 2017/18 to
2022/23", "FY2019-20", "fy17/18", "2019-2020", "since 2019", "over the last 4 years", "last year", "Q2 2022-23".

Years are normalised to the tidy format's financial years ("2019/20", "2019-2020", "fy19/20" -> "2019-20"); a bare
calendar year means the financial year that starts in it ("since 2019" -> from 2019-20), the convention English and
Scottish performance data use. Nothing here looks at the data: `indicators.query` checks what is held.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

__all__ = ["AskedPeriods", "PeriodKind", "normalise_year", "parse_periods", "spoken_years"]

PeriodKind = Literal["latest", "single", "span", "since", "last_n"]

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "couple": 2, "a couple of": 2, "few": 3, "a few": 3}
# One year token; the named groups say which form matched. Order matters: longest forms first.
_YEAR = (r"(?:(?:fy|financial\s+year)\s*)?(?:"
         r"(?P<y4a>(?:19|20)\d{2})\s*[-/\u2013]\s*(?P<y4b>(?:19|20)\d{2})"
         r"|(?P<fya>(?:19|20)\d{2})\s*[-/\u2013]\s*(?P<fyb>\d{2})(?![\d/])"
         r"|(?<![\d/-])(?P<ssa>\d{2})\s*[/-]\s*(?P<ssb>\d{2})(?![\d/-])"
         # "the year to March 2021", "year ending 31 March 2021": the financial year that ends then (2020-21).
         r"|(?:the\s+)?(?:financial\s+)?year\s+(?:to|ending|ended|end)\s+(?:(?:the\s+)?31(?:st)?\s+(?:of\s+)?)?"
         r"march,?\s+(?P<ytm>(?:19|20)\d{2})"
         r"|(?<![\d/-])(?P<cal>(?:19|20)\d{2})(?![\d/-]))")
_QUARTER = r"(?:q|quarter\s*)(?P<q>[1-4])"
# ("Q1 of the financial year 2021/22" is 2021-22 Q1)
_TOKEN = re.compile(rf"(?:{_QUARTER}\s*(?:of\s+|in\s+)?(?:the\s+)?(?:financial\s+year\s+)?)?{_YEAR}"
                    rf"(?:\s*{_QUARTER.replace('?P<q>', '?P<q2>')})?",
                    re.IGNORECASE)
_BARE_QUARTER = re.compile(r"\b(?:in\s+)?(?:q|quarter\s*)([1-4])\b", re.IGNORECASE)
_COUNT = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|couple|a few|few)"
_LAST_N = re.compile(rf"\b(?:over|in|during|for|across|within)?\s*(?:the\s+)?(?:last|past|previous|recent)\s+"
                     rf"{_COUNT}\s+(?:financial\s+)?(years?|yrs?|periods?|quarters?|months?)\b", re.IGNORECASE)
# "make it 2 years", "just 3 years?", "10 years instead" after a span: the last N years, however many were before.
_RESPAN = re.compile(rf"^\W*(?:(?:ok(?:ay)?|and|so)\W+)?(?:(?:can|could) you (?:please )?)?(?:make it|make that|"
                     rf"change it to|cut it to|extend it to|shorten it to|just|only|what about|how about)?\s*"
                     rf"(?:the\s+)?(?:last|past)?\s*{_COUNT}\s+(?:financial\s+)?(years?|yrs?)\s*(?:instead|then|"
                     r"please|pls)?\W*$", re.IGNORECASE)
# "the four-year trend", "a 3-year trend": the last N years.
# "in the 3 years to 2021/22", "over the five years up to 2019-20": the span ending in that year, N years long.
_YEARS_TO = re.compile(rf"\b(?:in|over|during|across|for)?\s*(?:the\s+)?{_COUNT}\s+(?:financial\s+)?years?\s+(?:up\s+)?"
                       r"(?:to|until|ending(?: in)?)\s+(?=(?:fy\s*)?\d)", re.IGNORECASE)
_N_YEAR = re.compile(rf"\b{_COUNT}[- ]years?[- ](?:trend|picture|view|history|run|record)\b", re.IGNORECASE)
_DECADE = re.compile(r"\b(?:over|in|during|for|across)?\s*(?:the\s+)?(?:last|past|previous)\s+(half[- ]?a?[- ]?decade|"
                     r"decade)\b", re.IGNORECASE)
_LATEST = re.compile(r"\b(?:last year|this year|latest|most recent|currently|current|at the moment|right now|"
                     r"now|these days|at present|presently|so far this year|the moment)\b", re.IGNORECASE)
_LAST_YEAR = re.compile(r"\blast (?:financial )?year\b", re.IGNORECASE)
_SINCE_THEN = re.compile(r"\bsince (?:then|that year|that)\b|\bsince\s*[?.!]*\s*$", re.IGNORECASE)
# "what about the previous year?": one year before the period the conversation was last about.
_YEAR_BEFORE = re.compile(r"\b(?:the )?(?:previous|prior|preceding) (?:financial )?year\b|\bthe year before\b|"
                          r"\ba year (?:earlier|before)\b|^\W*(?:(?:and|ok|so|what about|how about)\W+)?(?:the )?"
                          r"(?:year|yr) (?:before|prior|earlier)(?: that)?\W*$", re.IGNORECASE)
# "and 5 years before that?", "three years earlier": that many years before the period last talked about.
_YEARS_BEFORE = re.compile(rf"\b{_COUNT}\s+(?:financial\s+)?(?:years?|yrs?)\s+(?:before|earlier|prior|previously|"
                           rf"back)\b(?:\s+(?:that|then|this))?", re.IGNORECASE)

_SINCE_COVID = re.compile(r"\b(?:since|after)\s+(?:the\s+)?(?:start of\s+)?(?:before\s+)?"
                          r"(?:covid(?:-?19)?|the pandemic|pandemic|lockdowns?)\b", re.IGNORECASE)
_BEFORE_COVID = re.compile(r"\b(?:in\s+)?(?:the\s+)?(?:last\s+)?year\s+before\s+(?:covid(?:-?19)?|the pandemic|"
                           r"lockdown)|\bpre-?(?:covid|pandemic)(?:\s+year)?\b", re.IGNORECASE)
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*[-\u2013]\s*((?:19|20)\d{2})\b")
_AIMED = re.compile(r"\b(?:targets?|goals?|aims?|ambitions?|on track|on course)\b", re.IGNORECASE)
_DEADLINE = re.compile(r"\bby\s+(?:the\s+(?:end|close)\s+of\s+)?(?:the\s+)?$", re.IGNORECASE)

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_SPOKEN = {**{f"twenty {w}": 2010 + i for i, w in enumerate(_TEENS)}, "twenty twenty": 2020,
           **{f"twenty twenty {w}": 2021 + i for i, w in enumerate(_UNITS)},
           **{f"two thousand{a} {w}": 2001 + i for i, w in enumerate(_UNITS) for a in ("", " and")},
           **{f"two thousand{a} {w}": 2010 + i for i, w in enumerate(_TEENS) for a in ("", " and")}}
_SPOKEN_YEAR = re.compile(r"\b(" + "|".join(sorted(_SPOKEN, key=len, reverse=True)).replace(" ", r"[\s-]+") + r")\b",
                          re.IGNORECASE)


_ORDINAL_QUARTER = re.compile(r"\b(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of)?\b",
                              re.IGNORECASE)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def spoken_years(text: str) -> str:
    """Years said in words written as digits ("since twenty twenty" -> "since 2020", "two thousand and nineteen")."""
    text = _ORDINAL_QUARTER.sub(lambda m: f"Q{_ORDINALS[m[1].lower()]}", text)  # "the second quarter of" -> Q2
    text = _SPOKEN_PAIR.sub(_spoken_pair, text)
    text = _SPOKEN_YEAR.sub(lambda m: str(_SPOKEN[re.sub(r"[\s-]+", " ", m[1].lower())]), text)
    return _SPOKEN_END.sub(_financial_year, text)


def _spoken(words: str) -> int:
    return _SPOKEN[re.sub(r"[\s-]+", " ", words.lower())]


def _spoken_pair(m: re.Match[str]) -> str:
    # "twenty twenty-one to twenty twenty-two" is said for the financial year 2021-22, not a span of two years.
    first, second = _spoken(m[1]), _spoken(m[2])
    return f"{first}-{str(second)[2:]}" if second == first + 1 else f"{first} to {second}"


_ONE_SPOKEN = _SPOKEN_YEAR.pattern.removeprefix(r"\b(").removesuffix(r")\b")
_SPOKEN_PAIR = re.compile(rf"\b({_ONE_SPOKEN})\s+(?:to|-|until)\s+({_ONE_SPOKEN})\b", re.IGNORECASE)
# "twenty sixteen-seventeen", once the first year is digits: "2016-seventeen" is the financial year 2016-17.
_ENDS = {w: 10 + i for i, w in enumerate(_TEENS)} | {"twenty": 20} | {f"twenty {w}": 21 + i for i, w in
                                                                       enumerate(_UNITS)}
_SPOKEN_END = re.compile(r"\b(20\d{2})[\s-]+(" + "|".join(sorted(_ENDS, key=len, reverse=True)).replace(" ", r"[\s-]+")
                         + r")\b", re.IGNORECASE)


def _financial_year(m: re.Match[str]) -> str:
    start, end = int(m[1]), _ENDS[re.sub(r"[\s-]+", " ", m[2].lower())]
    return f"{start}-{end:02d}" if (start + 1) % 100 == end else m[0]


class AskedPeriods(BaseModel):
    """What the question says about time. `start`/`end` are tidy-format periods ("2019-20", "2022-23 Q2")."""

    kind: PeriodKind = "latest"
    start: str | None = None
    end: str | None = None
    n: int | None = None  # "over the last N years"
    unit: str = "years"  # what N counts: years, quarters or months
    quarter: str | None = None  # "Q2" with no year: the latest Q2 held
    since_then: bool = False  # "and since then?": since the period the conversation was last about
    year_before: bool = False  # "what about the previous year?": the year before the one last talked about
    years_earlier: int = 1  # how many years before ("5 years before that?")
    said_last_year: bool = False  # "how did we do last year?" reads as the latest full year held
    said_latest: bool = False  # "and now?", "the latest?": the latest held, whatever a thread was about
    spans: list[str] = Field(default_factory=list)  # the text that said it, removed before measure matching

    @property
    def explicit(self) -> bool:
        """True when the question named a period or span (not just 'latest')."""
        return self.kind != "latest" or self.since_then or self.quarter is not None


def normalise_year(match: re.Match[str]) -> str | None:
    """One matched year token as a tidy period ("2019/2020" -> "2019-20"; "17/18" -> "2017-18"); None if not one."""
    g = match.groupdict()
    if g.get("y4a"):
        a, b = int(g["y4a"]), int(g["y4b"])
        if b != a + 1:
            return None
        text = f"{a}-{str(b)[2:]}"
    elif g.get("fya"):
        a, b = int(g["fya"]), g["fyb"]
        # "2018-21" is an LGBF multi-year aggregate, not a financial year; keep it as written.
        text = f"{a}-{b}"
    elif g.get("ssa"):
        a, b = int(g["ssa"]), int(g["ssb"])
        if b != (a + 1) % 100:
            return None
        text = f"20{a:02d}-{b:02d}" if a < 90 else f"19{a:02d}-{b:02d}"
    elif g.get("ytm"):
        a = int(g["ytm"])
        text = f"{a - 1}-{str(a)[2:]}"
    elif g.get("cal"):
        a = int(g["cal"])
        if not 1990 <= a <= 2040:
            return None
        text = f"{a}-{str(a + 1)[2:]}"
    else:
        return None
    quarter = g.get("q") or g.get("q2")
    return f"{text} Q{quarter}" if quarter else text


def _tokens(text: str) -> list[tuple[str, re.Match[str]]]:
    found = []
    for m in _TOKEN.finditer(text):
        period = normalise_year(m)
        if period is not None:
            found.append((period, m))
    return found


def _count(raw: str) -> int:
    raw = raw.lower().strip()
    return int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)


def parse_periods(text: str) -> AskedPeriods:
    """Read the period expression of a question (the first one that fits, most specific first)."""
    # "recycling 2019-2022": the years 2019 to 2022 (one financial year is "2019-2020"), read as a span of them.
    ranges = [m for m in _YEAR_RANGE.finditer(text) if int(m[2]) - int(m[1]) >= 2]
    if ranges:
        m = ranges[0]
        asked = parse_periods(f"{text[:m.start()]}{m[1]} to {m[2]}{text[m.end():]}")
        asked.spans.append(m[0])  # as written, so that it is not read as measure words
        return asked
    if (m := _YEARS_TO.search(text)) and (ends := _tokens(text[m.end():])) and ends[0][1].start() == 0 and \
            " Q" not in ends[0][0]:
        from indicators.periods import years_before

        end, token = ends[0]
        asked = parse_periods(f"{text[:m.start()]} between {years_before(end, _count(m[1]))} and {end}"
                              f"{text[m.end() + token.end():]}")
        asked.spans.append(text[m.start(): m.end() + token.end()])
        return asked
    if m := _BEFORE_COVID.search(text):
        # "the year before covid": 2019-20, the last year before the pandemic reached the figures
        asked = parse_periods(f"{text[:m.start()]}in 2019-20{text[m.end():]}")
        asked.spans.append(m[0])
        return asked
    if m := _SINCE_COVID.search(text):
        # "since covid": from the last year before the pandemic (2019-20, to March 2020), which it is compared with.
        asked = parse_periods(f"{text[:m.start()]}since 2019{text[m.end():]}")
        asked.spans.append(m[0])
        return asked
    asked = AskedPeriods()
    tokens = _tokens(text)
    if _AIMED.search(text):
        # "will we get to the 50% target by 2026/27?": the year is the target's deadline, not the period asked.
        tokens = [(p, m) for p, m in tokens if not _DEADLINE.search(text[max(0, m.start() - 20): m.start()])]
    if not tokens and (before := _YEAR_BEFORE.search(text)):
        asked.year_before = True
        asked.spans.append(before[0])
        return asked
    if not tokens and (before := _YEARS_BEFORE.search(text)):
        asked.year_before, asked.years_earlier = True, _count(before[1])
        asked.spans.append(before[0])
        return asked
    if _SINCE_THEN.search(text):
        asked.since_then = True
        asked.kind = "since"
        asked.spans.append(_SINCE_THEN.search(text)[0])  # type: ignore[index]
    if m := _RESPAN.match(text):
        asked.kind, asked.n = "last_n", _count(m[1])
        asked.spans.append(m[0])
    elif m := _N_YEAR.search(text):
        asked.kind, asked.n = "last_n", _count(m[1])
        asked.spans.append(m[0])
    elif m := _DECADE.search(text):
        asked.kind, asked.n = "last_n", 5 if "half" in m[1].lower() else 10
        asked.spans.append(m[0])
    elif m := _LAST_N.search(text):
        asked.kind, asked.n = "last_n", _count(m[1])
        unit = m[2].lower()
        asked.unit = "quarters" if unit.startswith("quarter") else "months" if unit.startswith("month") else "years"
        asked.spans.append(m[0])
    if len(tokens) >= 3:
        # "2013/14, 2016/17, 2019/20 and 2022/23": the path from the first year listed to the last.
        (first, m1), (last, m2) = tokens[0], tokens[-1]
        asked.kind, asked.start, asked.end = "span", first, last
        asked.spans.append(text[m1.start(): m2.end()])
        return asked
    if len(tokens) >= 2:
        (first, m1), (second, m2) = tokens[0], tokens[1]
        between = text[m1.start() - 12 if m1.start() >= 12 else 0: m1.start()].lower()
        joiner = text[m1.end(): m2.start()].lower()
        if re.search(r"\b(and|to|until|till|through|thru|vs\.?|versus|compared (?:to|with)|against|-|\u2013|"
                     r"v|->|and now)\b|[-\u2013>\u2192]", joiner) or "between" in between or "from" in between:
            asked.kind, asked.start, asked.end = "span", first, second
            asked.spans.append(text[m1.start(): m2.end()])
            return asked
    if tokens:
        period, m = tokens[0]
        before = text[max(0, m.start() - 40): m.start()]
        # "since 2019", "since April 2018" (the financial year that starts then), "starting in 2017/18"
        # "is that better or worse than 2018-19?": the change since then, to the latest.
        if lead := re.search(r"\b(since|from|after|starting|(?:better|worse|higher|lower)(?: or (?:better|worse|higher|"
                             r"lower))? than)\s+(?:in\s+)?(?:the\s+)?(?:year\s+)?(?:april\s+)?$", before,
                             re.IGNORECASE):
            asked.kind, asked.start = "since", period
            asked.spans.append(before[lead.start():] + m[0])
        elif not asked.since_then:
            asked.kind, asked.end = "single", period
            asked.spans.append(m[0])
        return asked
    if asked.kind in ("latest",) and (m := _BARE_QUARTER.search(text)):
        asked.quarter = f"Q{m[1]}"
        asked.spans.append(m[0])
    if asked.kind == "latest" and (m := _LATEST.search(text)):
        asked.said_last_year = bool(_LAST_YEAR.search(text))
        # "now do business rates" opens with a discourse "now"; "and now?" asks for the latest.
        opening = m[0].lower() == "now" and re.fullmatch(r"\W*(?:(?:ok(?:ay)?|and|right|so)\W+)?", text[:m.start()])
        asked.said_latest = not (opening and re.search(r"[a-z]", text[m.end():], re.IGNORECASE))
        asked.spans.append(m[0])
    return asked
