"""Matching a topic to indicators and to passages: words, aliases, service families and meaning."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from bot.challenge.bank import TopicFamilies, load_topic_families
from bot.challenge.text import BROAD_WORDS, phrase
from bot.compose import content_words
from indicators.models import IndicatorInfo

__all__ = ["MAX_INDICATORS", "alias_hit", "indicator_text", "match_indicators", "on_topic"]

MAX_INDICATORS = 8
# Share of the topic's (frequency-weighted) words an indicator must contain to count as on-topic by words alone.
MIN_LEXICAL = 0.3
# Cosine similarity above which an indicator counts as on-topic without sharing a word with the topic.
TOPIC_COSINE = 0.45
# For a narrow topic (exactly one indicator's name or alias), how close another indicator must be to join it.
NARROW_COSINE = 0.55


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


def on_topic(text: str, terms: set[str], phrases: Sequence[str]) -> bool:
    """Whether a passage shares a content word with the topic or contains one of the indicators' alias phrases."""
    low = " ".join(re.findall(r"[a-z0-9]+", text.lower()))
    return bool(content_words(text) & terms) or any(p and p in low for p in phrases)


def _family_terms(topic: str, families: TopicFamilies) -> list[str]:
    padded = f" {phrase(topic)} "
    terms: list[str] = []
    for words, family_terms in families.values():
        if any(w and f" {w} " in padded for w in words):
            terms.extend(family_terms)
    return terms


def match_indicators(topic: str, infos: Sequence[IndicatorInfo], embedder: Any = None,
                     cache: dict[str, Any] | None = None, limit: int = MAX_INDICATORS,
                     families: TopicFamilies | None = None) -> list[tuple[str, float]]:
    """Indicators on a topic, best first, as (indicator_id, relevance 0-1): words, aliases, service family, meaning."""
    wanted = content_words(topic)
    if not infos:
        return []
    if not wanted or wanted <= BROAD_WORDS:
        return [(i.indicator_id, 0.5) for i in infos][: max(limit, 12)]
    cosines: dict[str, float] = {}
    if embedder is not None:
        key = "challenge.indicator_vectors"
        vectors = cache.get(key) if cache is not None else None
        if vectors is None or set(vectors) != {i.indicator_id for i in infos}:
            embedded = embedder.embed_documents([indicator_text(i) for i in infos])
            vectors = {i.indicator_id: v for i, v in zip(infos, embedded, strict=True)}
            if cache is not None:
                cache[key] = vectors
        query = embedder.embed_query(topic)
        cosines = {k: sum(a * b for a, b in zip(query, v, strict=True)) for k, v in vectors.items()}
    # Words shared by many indicators ("rate", "collection") say little: weight overlap by inverse frequency.
    texts = {i.indicator_id: indicator_text(i) + " " + i.indicator_id.replace("_", " ") for i in infos}
    words_of = {k: content_words(v) for k, v in texts.items()}
    df: dict[str, int] = {}
    for words in words_of.values():
        for w in words & wanted:
            df[w] = df.get(w, 0) + 1
    idf = {w: math.log(1 + len(infos) / (1 + df.get(w, 0))) for w in wanted}
    total = sum(idf.values()) or 1.0
    # A topic that is exactly one indicator's name or alias ("council tax collection") is narrow: then only close
    # matches join it, not everything sharing a word.
    padded_topic = f" {phrase(topic)} "
    narrow = any(f" {phrase(a)} " in padded_topic and wanted <= content_words(a)
                 for i in infos for a in [*i.aliases, i.name])
    terms = [] if narrow else _family_terms(topic, families if families is not None else load_topic_families())
    scored: list[tuple[str, float]] = []
    for info in infos:
        lexical = sum(idf[w] for w in wanted & words_of[info.indicator_id]) / total
        alias = alias_hit(topic, info)
        padded = f" {phrase(texts[info.indicator_id])} "
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
    return scored[:limit]
