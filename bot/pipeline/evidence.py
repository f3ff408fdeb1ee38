"""Stage 2, gather evidence: a Reading -> the analyses from `indicators` and the passages from `knowledge`.

Nothing here computes a number: analyses come whole from `indicators.analysis`, passages from the knowledge base.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from bot.models import PeriodSpan
from bot.pipeline.understand import Reading
from bot.router import wants_documents
from indicators.models import IndicatorAnalysis, Resolution
from knowledge.models import Passage

__all__ = ["Evidence", "EvidenceSources", "gather", "wants_passages"]


class EvidenceSources(Protocol):
    """Where evidence comes from (the Assistant provides these, so stores open lazily and tests can inject)."""

    def search(self, query: str) -> list[Passage]: ...

    def analyse(self, resolution: Resolution, area: str) -> IndicatorAnalysis: ...

    def chart(self, analysis: IndicatorAnalysis) -> str | None: ...


class Evidence(BaseModel):
    """Everything an answer may state: one analysis (and a second council's, side by side), passages, a chart."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    analysis: IndicatorAnalysis | None = None
    versus: IndicatorAnalysis | None = None  # the previous turn's council, for "and compared with X?"
    passages: list[Passage] = Field(default_factory=list)
    chart: str | None = None


def wants_passages(reading: Reading) -> bool:
    """Whether document passages belong in the answer (always when no indicator was found)."""
    return not reading.resolved or wants_documents(reading.question) or reading.why_query is not None


def gather(reading: Reading, sources: EvidenceSources, area: str | None) -> Evidence:
    """Run the analyses and searches the reading calls for; `area` is the council when the reading names none."""
    evidence = Evidence()
    if reading.why_query is not None:
        evidence.passages = sources.search(reading.why_query)
    elif wants_passages(reading):
        evidence.passages = sources.search(reading.question)
    if reading.resolved:
        res = reading.resolution
        assert res is not None and area is not None
        evidence.analysis = sources.analyse(res, res.area_code or area)
        if reading.versus_area is not None:
            other = res.model_copy(update={"area_code": reading.versus_area})
            evidence.versus = sources.analyse(other, reading.versus_area)
        evidence.chart = sources.chart(evidence.analysis)
        _settle_periods(reading, evidence.analysis)
    return evidence


def _settle_periods(reading: Reading, analysis: IndicatorAnalysis) -> None:
    # "since 2019" and "last three years" become the concrete periods the analysis used, so `understood` says
    # exactly which span was answered.
    res = reading.resolution
    if res is None or (res.since is None and res.last_n is None):
        return
    held = [p.period for p in analysis.series if p.value is not None]
    if held:
        reading.interpretation.periods = PeriodSpan(**{"from": held[0]}, to=analysis.latest.period)
