"""Typos put right before a question is matched: a measure word misspelt ("delayed dischrage days") against the
spelling measures and everyday terms use, and a council misspelt where a council would stand ("us vs falkrik")."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from indicators.measure_words import STOP_WORDS, SYNONYMS

if TYPE_CHECKING:
    from indicators.asked_places import PlaceMention
    from indicators.store import IndicatorStore

__all__ = ["misspelt_council", "spelled_right"]

# Words before which a council stands: "us vs falkrik", "for redbourne", so that "who leads" is never Leeds.
_BEFORE_A_COUNCIL = re.compile(r"\b(?:vs|v|versus|with|for|in|than|and|or|against|at|about|beat|beating|next to) "
                               r"(?P<w>[A-Za-z][a-z]{4,})", re.IGNORECASE)


def misspelt_council(store: IndicatorStore, question: str, places: list[PlaceMention],
                     is_vocabulary: Callable[[str], bool], spellings: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(the word as typed, the held council it nearly spells), or (None, None); words already read as places, and
    words that belong to how measures are named, are left alone."""
    from indicators.asked_places import held_spelling

    taken = [(p.start, p.start + len(p.text)) for p in places]
    for m in _BEFORE_A_COUNCIL.finditer(question):
        word, start = m["w"], m.start("w")
        if any(s <= start < e for s, e in taken) or is_vocabulary(word) or word.lower() in spellings:
            continue
        spelled = held_spelling(store, word)
        if spelled is not None:
            return word, spelled
    return None, None


def spelled_right(text: str, spellings: tuple[str, ...], known: Callable[[str], bool]) -> str:
    """The text with each misspelt word put right ("dischrage" -> "discharge", "flytiping"): a word of at least
    five letters that is not a stop word, an everyday term, `known` or one of `spellings`, and nearly spells one of
    `spellings` (rapidfuzz ratio >= 85, same first letter, one clear best). Phrases and everyday terms then match
    as well as names do, since those need the word exactly."""
    from rapidfuzz import fuzz, process

    def fix(m: re.Match[str]) -> str:
        word = m[0]
        w = word.lower()
        if len(w) < 5 or w in STOP_WORDS or w in SYNONYMS or known(w) or w in spellings:
            return word
        near = [(v, score) for v, score, _ in process.extract(w, spellings, scorer=fuzz.ratio, limit=2,
                                                               score_cutoff=85.0) if v[0] == w[0]]
        if not near or (len(near) > 1 and near[1][1] == near[0][1]):
            return word
        return near[0][0]

    return re.sub(r"[A-Za-z]+", fix, text)
