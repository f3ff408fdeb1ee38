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
from knowledge.models import AccessContext

if TYPE_CHECKING:
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase

__all__ = ["find_lines_of_enquiry", "gather_evidence"]

log = logging.getLogger(__name__)


def _chosen_indicators(topic: str, store: IndicatorStore, indicators: list[str] | None,
                       embedder: Any) -> list[tuple[str, float]]:
    """(indicator_id, relevance) for the topic, or for the indicators asked for by id or name."""
    infos = store.indicators()
    if not indicators:
        return match_indicators(topic, infos, embedder, store.cache())
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

        for indicator_id, score in _chosen_indicators(topic, store, indicators, embedder):
            try:
                analyses.append(analyse(store, indicator_id, area))
            except IndicatorError as exc:
                log.info("skipping %s for %s: %s", indicator_id, area, exc)
                continue
            relevance[indicator_id] = score

    access = caller_access
    passages = {
        "plan": search_passages(kb, topic, 3, access, ["plan"]),
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
