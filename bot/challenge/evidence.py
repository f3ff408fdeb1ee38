"""Gathering the evidence on a topic: the matched indicators' analyses and the passages by document type."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.challenge.documents import search_passages
from bot.challenge.lines import detect_lines
from bot.challenge.models import Evidence, LineOfEnquiry
from bot.challenge.topics import match_indicators
from bot.errors import AssistantError
from indicators.models import IndicatorAnalysis
from knowledge.models import AccessContext, Passage

if TYPE_CHECKING:
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase

__all__ = ["find_lines_of_enquiry", "gather_evidence"]

log = logging.getLogger(__name__)


def held_for(store: IndicatorStore, area: str) -> set[str]:
    """The indicators with at least one value for the council (read once per loaded store)."""
    cache = store.cache()
    held = cache.get("challenge.held_by_area")
    if held is None:
        table = store.table()
        rows = table[table["value"].notna()] if "value" in table else table
        held = {code: set(group["indicator_id"]) for code, group in rows.groupby("area_code")}
        cache["challenge.held_by_area"] = held
    return held.get(area, set())


def _chosen_indicators(topic: str, store: IndicatorStore, indicators: list[str] | None,
                       embedder: Any, area: str) -> list[tuple[str, float]]:
    """(indicator_id, relevance) for the topic, or for the indicators asked for by id or name. A topic is matched
    among the indicators held for the council, so another dataset's measures cannot take the places."""
    infos = store.indicators()
    if not indicators:
        held = held_for(store, area)
        return match_indicators(topic, [i for i in infos if i.indicator_id in held] if held else infos, embedder,
                                store.cache())
    known = {i.indicator_id for i in infos}
    chosen: list[tuple[str, float]] = []
    for wanted in indicators:
        if wanted in known:
            chosen.append((wanted, 1.0))
            continue
        found = match_indicators(wanted, infos, embedder, store.cache(), limit=1)
        if not found:
            raise AssistantError(f"unknown indicator {wanted!r}")
        chosen.append((found[0][0], 1.0))
    return chosen


def _whole_pages(kb: KnowledgeBase | None, passages: list[Passage]) -> list[Passage]:
    """Plan passages widened to their whole page: a page's numbered commitments and its table of measures are
    separate passages, and a search may return only the table. Every quote taken from the page is verbatim at its
    page locator. Passages without a page are kept as found."""
    if kb is None:
        return passages
    out: list[Passage] = []
    seen: set[tuple[str, int]] = set()
    for p in passages:
        if p.page is None:
            out.append(p)
            continue
        if (p.doc_id, p.page) in seen:
            continue
        seen.add((p.doc_id, p.page))
        try:
            text = kb.source_text(p.doc_id, p.page)
        except Exception:  # noqa: BLE001 - a page that cannot be read keeps the passage as found
            out.append(p)
            continue
        out.append(p.model_copy(update={"text": text, "section": None, "chunk_id": f"{p.doc_id}:page:{p.page}",
                                        "char_start": 0, "char_end": len(text)}))
    return out


def gather_evidence(topic: str, store: IndicatorStore | None, kb: KnowledgeBase | None,
                    caller_access: AccessContext, area: str, indicators: list[str] | None = None,
                    meeting_date: str | None = None, embedder: Any = None) -> Evidence:
    """Find the indicators and passages on a topic for a council and detect the lines of enquiry."""
    from indicators.errors import IndicatorError

    topic = topic.strip()
    if not topic:
        raise AssistantError("the topic is empty")
    area_name = area
    analyses: list[IndicatorAnalysis] = []
    relevance: dict[str, float] = {}
    if store is not None and store.datasets():
        try:
            area_name = store.area_name(area)
        except IndicatorError:
            area_name = area
        from indicators.analysis import analyse

        for indicator_id, score in _chosen_indicators(topic, store, indicators, embedder, area):
            try:
                analyses.append(analyse(store, indicator_id, area))
            except IndicatorError as exc:
                log.info("skipping %s for %s: %s", indicator_id, area, exc)
                continue
            relevance[indicator_id] = score

    access = caller_access
    passages = {
        "plan": _whole_pages(kb, search_passages(kb, topic, 3, access, ["plan"])),
        "peer_challenge": search_passages(kb, f"{topic} recommendation", 4, access, ["peer_challenge"]),
        "minutes": search_passages(kb, topic, 3, access, ["minutes"]),
        "performance_report": search_passages(kb, topic, 4, access, ["performance_report"]),
        "audit": search_passages(kb, topic, 2, access, ["audit"]),
        "any": search_passages(kb, topic, 4, access, None),
    }
    evidence = Evidence(topic=topic, area_code=area, area_name=area_name, meeting_date=meeting_date,
                        analyses=analyses, relevance=relevance, passages=passages)
    evidence.lines = detect_lines(evidence, store, kb, access)
    return evidence


def find_lines_of_enquiry(topic: str, store: IndicatorStore | None, kb: KnowledgeBase | None,
                          caller_access: AccessContext, area: str, indicators: list[str] | None = None,
                          meeting_date: str | None = None, embedder: Any = None) -> list[LineOfEnquiry]:
    """The lines of enquiry on a topic, most material first."""
    return gather_evidence(topic, store, kb, caller_access, area, indicators, meeting_date, embedder).lines
