"""Matching a topic to indicators and to passages: words, aliases, service families and meaning."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from bot.challenge.bank import TopicFamilies, load_topic_families
from bot.challenge.text import BROAD_WORDS, phrase
from bot.compose import content_words
from indicators.models import IndicatorInfo

__all__ = ["MAX_INDICATORS", "alias_hit", "alternatives", "indicator_text", "match_indicators", "on_topic"]

MAX_INDICATORS = 8
# Share of the topic's (frequency-weighted) words an indicator must contain to count as on-topic by words alone.
MIN_LEXICAL = 0.3
# Cosine similarity above which an indicator counts as on-topic without sharing a word with the topic.
TOPIC_COSINE = 0.45
# For a narrow topic (exactly one indicator's name or alias), how close another indicator must be to join it.
NARROW_COSINE = 0.55


def _label_text(info: IndicatorInfo) -> str:
    """What an indicator is called: name, aliases, service area (not the description, whose notes mention other
    services in passing - "see the guidance for social care services" is not about adult social care)."""
    return ". ".join(p for p in [info.name, ", ".join(info.aliases), info.category] if p)


def indicator_text(info: IndicatorInfo) -> str:
    """What an indicator is about, as one text: name, aliases, description, service area."""
    parts = [info.name, ", ".join(info.aliases), info.description, info.category]
    return ". ".join(p for p in parts if p)


def alias_hit(text: str, info: IndicatorInfo) -> bool:
    """Whether `text` names the indicator (its name or an alias, as a whole phrase)."""
    low = f" {phrase(text)} "
    for alias in [*info.aliases, info.name]:
        words = phrase(alias)
        if len(words) >= 3 and f" {words} " in low:
            return True
    return False


@lru_cache(maxsize=256)
def _other_services(topic: str) -> frozenset[str]:
    """Single words naming a service the topic does not name ("financial", "workforce", "care" for "planning"):
    before a topic word they make it that service's activity ("financial planning", "workforce planning")."""
    padded = f" {phrase(topic)} "
    own = set(phrase(topic).split()) | content_words(topic)
    out: set[str] = set()
    for words, _ in load_topic_families().values():
        if any(w and f" {w} " in padded for w in words):
            continue
        out.update(w for w in words if w and " " not in w and w not in own)
    return frozenset(out)


def _topic_words_used(text: str, topic: str) -> set[str]:
    """The text's content words, less any topic word it uses only as another service's activity: "financial
    planning and management" does not make a passage about planning applications."""
    words = content_words(text)
    qualifiers = _other_services(topic)
    shared = words & content_words(topic)
    if not shared or not qualifiers:
        return words
    tokens = re.findall(r"[a-z0-9]+", text.lower())
    for word in shared:
        uses = [i for i, t in enumerate(tokens) if content_words(t) == {word}]
        if uses and all(i > 0 and tokens[i - 1] in qualifiers for i in uses):
            words.discard(word)
    return words


def on_topic(text: str, topic: str, phrases: Sequence[str] = ()) -> bool:
    """Whether a passage is about the topic: it has the words of one of the topic's parts (both words of a
    two-word part, all but one of a longer one: "council tax collection" needs tax and collection, so the cost of
    waste collection is not on it), or one of the matched indicators' alias phrases as whole words. A topic word
    used only after another service's word ("financial planning" for planning) does not count."""
    padded = f" {phrase(text)} "
    if any(p and len(p) >= 4 and f" {p} " in padded for p in phrases):
        return True
    words = _topic_words_used(text, topic)
    for part in alternatives(topic):
        wanted = content_words(part)
        need = len(wanted) if len(wanted) <= 2 else len(wanted) - 1
        if wanted and len(wanted & words) >= need:
            return True
    return False


def _family_terms(topic: str, families: TopicFamilies) -> list[str]:
    padded = f" {phrase(topic)} "
    terms: list[str] = []
    for words, family_terms in families.values():
        if any(w and f" {w} " in padded for w in words):
            terms.extend(family_terms)
    return terms


def alternatives(topic: str) -> list[str]:
    """The services a topic joins ("waste and recycling" -> waste, recycling); one part when it names one service
    with qualifiers ("adult social care workforce")."""
    parts = [p.strip() for p in re.split(r"\band\b|\bor\b|[,&/+]", topic, flags=re.IGNORECASE)]
    return [p for p in parts if content_words(p)] or [topic]


def _covered(info: IndicatorInfo, part: str, families: TopicFamilies, any_word: bool) -> set[str]:
    """The words of one part of a topic an indicator covers: by its own name, aliases or service area, or through a
    service family the part names whose terms those contain. The family counts through its own name ("waste",
    "adult social care") or, with `any_word`, through any of its words ("carers" is then social care)."""
    wanted = content_words(part)
    label = _label_text(info) + " " + info.indicator_id.replace("_", " ")
    covered = wanted & content_words(label)
    padded_label = f" {phrase(label)} "
    padded_part = f" {phrase(part)} "
    for name, (words, family_terms) in families.items():
        named = [w for w in ([*words] if any_word else []) + [phrase(name.replace("_", " "))]
                 if w and f" {w} " in padded_part]
        if named and any(f" {t} " in padded_label for t in family_terms if t):
            for w in named:
                covered |= wanted & content_words(w)
    return covered


def _focused(topic: str, ids: list[str], infos: dict[str, IndicatorInfo], families: TopicFamilies) -> set[str]:
    """The indicators covering every word of some part of the topic, when any does: "adult social care workforce"
    keeps workforce turnover and drops the other social care measures; "home care costs" keeps the cost of home
    care and drops the cost of children's residential care; "carers" keeps the carers' measures. A part no
    indicator covers fully keeps every indicator covering some of it."""
    keep: set[str] = set()
    for part in alternatives(topic):
        wanted = content_words(part)
        chosen: set[str] = set()
        for any_word in (False, True):
            full = {i for i in ids if _covered(infos[i], part, families, any_word) >= wanted}
            if full:
                chosen = full
                break
        if not chosen:
            chosen = {i for i in ids if _covered(infos[i], part, families, True)}
        keep |= chosen
    return keep


def match_indicators(topic: str, infos: Sequence[IndicatorInfo], embedder: Any = None,
                     cache: dict[str, Any] | None = None, limit: int = MAX_INDICATORS,
                     families: TopicFamilies | None = None) -> list[tuple[str, float]]:
    """Indicators on a topic, best first, as (indicator_id, relevance 0-1): words, aliases, service family, meaning."""
    # The resolver's phrases for what measures call by another name: "delayed discharge" is the days people spend
    # in hospital when ready to be discharged, not the readmission rate per 1,000 discharges.
    from indicators.measure_words import phrased

    # A topic that is exactly one indicator's name or alias ("council tax collection") is narrow: then only close
    # matches join it, not everything sharing a word (and it is matched as said).
    padded_topic = f" {phrase(topic)} "
    narrow = any(f" {phrase(a)} " in padded_topic and content_words(topic) <= content_words(a)
                 for i in infos for a in [*i.aliases, i.name])
    said_as = phrased(topic)
    topic = topic if narrow or said_as == topic.lower() else f"{topic} {said_as}"
    wanted = content_words(topic)
    if not infos:
        return []
    if not wanted or wanted <= BROAD_WORDS:
        return [(i.indicator_id, 0.5) for i in infos][: max(limit, 12)]
    cosines: dict[str, float] = {}
    if embedder is not None:
        key = "challenge.indicator_vectors"
        vectors = cache.setdefault(key, {}) if cache is not None else {}
        todo = [i for i in infos if i.indicator_id not in vectors]
        if todo:  # embedded once per indicator; a council's subset reuses them
            vectors.update(zip([i.indicator_id for i in todo], embedder.embed_documents([indicator_text(i)
                                                                                        for i in todo]),
                               strict=True))
        query = embedder.embed_query(topic)
        cosines = {i.indicator_id: sum(a * b for a, b in zip(query, vectors[i.indicator_id], strict=True))
                   for i in infos}
    # Words shared by many indicators ("rate", "collection") say little: weight overlap by inverse frequency.
    texts = {i.indicator_id: indicator_text(i) + " " + i.indicator_id.replace("_", " ") for i in infos}
    words_of = {k: content_words(v) for k, v in texts.items()}
    df: dict[str, int] = {}
    for words in words_of.values():
        for w in words & wanted:
            df[w] = df.get(w, 0) + 1
    idf = {w: math.log(1 + len(infos) / (1 + df.get(w, 0))) for w in wanted}
    total = sum(idf.values()) or 1.0
    families = families if families is not None else load_topic_families()
    terms = [] if narrow else _family_terms(topic, families)
    scored: list[tuple[str, float]] = []
    for info in infos:
        lexical = sum(idf[w] for w in wanted & words_of[info.indicator_id]) / total
        alias = alias_hit(topic, info)
        padded = f" {phrase(_label_text(info))} "
        family = any(f" {t} " in padded for t in terms if t)
        cosine = cosines.get(info.indicator_id, 0.0)
        if narrow:
            keep = alias or lexical >= 0.5 or cosine >= NARROW_COSINE
        else:
            keep = alias or family or lexical >= MIN_LEXICAL or cosine >= TOPIC_COSINE
        if not keep:
            continue
        score = 0.5 * max(lexical, 1.0 * alias, 0.6 * family) + 0.3 * max(cosine, 0.0) + 0.2 * alias
        scored.append((info.indicator_id, min(1.0, score)))
    scored.sort(key=lambda s: -s[1])
    by_id = {i.indicator_id: i for i in infos}
    focused = _focused(topic, [k for k, _ in scored], by_id, families)
    if focused:
        scored = [s for s in scored if s[0] in focused]
    return scored[:limit]
