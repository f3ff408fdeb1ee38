"""Stage 2, gather evidence: a Reading -> the analyses from `indicators` and the passages from `knowledge`.

Nothing here computes a number: analyses come whole from `indicators.analysis`, passages from the knowledge base.
"""

from __future__ import annotations

import re
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from bot.models import PeriodSpan
from bot.pipeline.messages import message
from bot.pipeline.understand import Reading
from bot.router import wants_documents
from indicators.models import IndicatorAnalysis, Resolution
from indicators.overview import Overview
from indicators.periods import period_key
from indicators.ranking import Ranking
from knowledge.models import Passage

__all__ = ["Evidence", "EvidenceSources", "gather", "wants_passages"]


class EvidenceSources(Protocol):
    """Where evidence comes from (the Assistant provides these, so stores open lazily and tests can inject)."""

    def search(self, query: str) -> list[Passage]: ...

    def fit(self, resolution: Resolution, area: str) -> Resolution: ...

    def analyse(self, resolution: Resolution, area: str) -> IndicatorAnalysis: ...

    def chart(self, analysis: IndicatorAnalysis) -> str | None: ...

    def rank(self, resolution: Resolution, home: str | None) -> tuple[Ranking, str | None]: ...

    def overview(self, resolution: Resolution, area: str) -> Overview: ...


class Evidence(BaseModel):
    """Everything an answer may state: one analysis per council asked about, passages, a chart, period notes."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    analysis: IndicatorAnalysis | None = None
    others: list[IndicatorAnalysis] = Field(default_factory=list)  # further councils, side by side
    passages: list[Passage] = Field(default_factory=list)
    chart: str | None = None
    notes: list[str] = Field(default_factory=list)  # e.g. "no value for 2020-21 is held; the nearest: …"
    ranking: Ranking | None = None
    overview: Overview | None = None


_A_COUNCIL = re.compile(r"\b(?:(?:district|borough|county|city|metropolitan) )?council\b(?! tax| hous| plan)|"
                        r"\b(?:dc|bc|cc|mbc)\b", re.IGNORECASE)


def wants_passages(reading: Reading) -> bool:
    """Whether document passages belong in the answer (always when no indicator was found, but not for a council
    not held named as a council: the home council's own papers say nothing of "Ashby Marsh District Council"; a
    place that may be a street or a site, "the Harrow Lane depot", is still searched for)."""
    res = reading.resolution
    if res is not None and res.area_candidates and reading.why_query is None and _A_COUNCIL.search(reading.question):
        return False
    return not reading.resolved or wants_documents(reading.question) or reading.why_query is not None


def gather(reading: Reading, sources: EvidenceSources, area: str | None) -> Evidence:
    """Run the analyses and searches the reading calls for; `area` is the council when the reading names none."""
    evidence = Evidence()
    if reading.why_query is not None:
        evidence.passages = sources.search(reading.why_query)
    elif wants_passages(reading):
        evidence.passages = sources.search(reading.question)
    if reading.resolved and reading.resolution is not None and reading.resolution.intent == "rank":
        res = reading.resolution
        # "where's Kent?" after England's top five: Kent's place in England; "how does Kent rank among its
        # neighbours?": Kent's place among Kent's (the answer names the group).
        named = res.area_code if res.rank_n is None and res.area_code else None
        evidence.ranking, note = sources.rank(res, named or reading.home)
        evidence.notes += [note] if note else []
        return evidence
    if reading.resolved and reading.resolution is not None and reading.resolution.intent == "overview":
        assert area is not None
        evidence.overview = sources.overview(reading.resolution, reading.resolution.area_code or area)
        periods = reading.interpretation.periods
        if periods.from_ and not periods.to and evidence.overview.lines:
            latest = max((line.latest.period for line in evidence.overview.lines), key=period_key)
            reading.interpretation.periods = PeriodSpan(**{"from": periods.from_}, to=latest)
        return evidence
    if reading.resolved:
        res = reading.resolution
        assert res is not None and area is not None
        councils = reading.councils if res.intent == "compare" else [res.area_code or area]
        from indicators.errors import IndicatorError

        analyses: list[IndicatorAnalysis] = []
        missing: list[str] = []
        asked = councils or [area]
        for code in asked:
            fitted = sources.fit(res.model_copy(update={"area_code": code}), code)
            try:
                analysis = sources.analyse(fitted, code)
            except IndicatorError as exc:
                if len(asked) < 2:
                    raise
                # "Edinburgh vs Glasgow and Aberdeen" where Glasgow holds none: the others, and say so.
                missing.append(str(exc))
                evidence.notes.append(message("left_out", reason=str(exc)))
                continue
            if fitted.period_note and fitted.period_note not in evidence.notes:
                evidence.notes.append(fitted.period_note)
            analyses.append(analysis)
            if len(analyses) == 1:
                _settle_periods(reading, fitted, analysis)
        if len(analyses) < min(2, len(asked)):
            # "us vs Kent" on a Scottish measure: one council left is no comparison, so say what is missing.
            raise IndicatorError("; ".join(missing))
        evidence.analysis, evidence.others = analyses[0], analyses[1:]
        evidence.chart = sources.chart(evidence.analysis)
    return evidence


def _settle_periods(reading: Reading, res: Resolution, analysis: IndicatorAnalysis) -> None:
    # "since 2019" and "the last six years" become concrete periods, so `understood` says exactly which span was
    # answered; a year asked for but not held stays as asked (the answer's note says what was used instead).
    if res.since is None and res.last_n is None and res.period_from is None:
        return
    held = [p.period for p in analysis.series if p.value is not None]
    if held:
        reading.interpretation.periods = PeriodSpan(**{"from": res.period_from or held[0]},
                                                    to=res.period_to or analysis.latest.period)
