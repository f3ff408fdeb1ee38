"""The challenge package's models: lines of enquiry, the evidence gathered on a topic, drafted question sets."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.models import ChallengeQuestion, Citation
from indicators.models import Figure, IndicatorAnalysis
from knowledge.models import Passage

__all__ = ["Evidence", "LineKind", "LineOfEnquiry", "QuestionSet", "QuestionType", "Recommendation"]

LineKind = Literal[
    "overview", "worsening_trend", "missed_target", "green_but_bottom_quartile", "outlier_vs_neighbours",
    "real_improvement", "data_caveat", "output_without_outcome", "recommendation_no_progress",
    "commitment_no_measure", "document_risk", "check_figure", "recovery_short_of_target", "standing",
    "no_target", "measure_scope", "data_currency",
]
QuestionType = Literal["open/probing", "comparative", "hypothetical", "reflective", "evidence"]


class LineOfEnquiry(BaseModel):
    """Something in the evidence worth asking about, with how much it matters and what shows it."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    kind: LineKind
    title: str  # short, number-free headline
    summary: str  # the rationale: what the evidence shows (numbers only from `figures` or quoted passages)
    materiality: float
    indicator_id: str | None = None
    figures: list[Figure] = Field(default_factory=list)  # every number `summary` and `facts` state
    passages: list[Passage] = Field(default_factory=list)
    facts: dict[str, str] = Field(default_factory=dict)  # template placeholders
    quotes: dict[str, str] = Field(default_factory=dict)  # chunk_id -> the verbatim span to quote from it


class Evidence(BaseModel):
    """Everything found on a topic: matched indicators' analyses, passages by document type, lines of enquiry."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    topic: str
    area_code: str
    area_name: str
    meeting_date: str | None = None
    analyses: list[IndicatorAnalysis] = Field(default_factory=list)
    relevance: dict[str, float] = Field(default_factory=dict)
    passages: dict[str, list[Passage]] = Field(default_factory=dict)
    lines: list[LineOfEnquiry] = Field(default_factory=list)


class QuestionSet(BaseModel):
    """Questions drafted from evidence, with the citations they use and every figure they state."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    questions: list[ChallengeQuestion] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    data_citation_ids: set[int] = Field(default_factory=set)
    headlines: list[str] = Field(default_factory=list)  # number-free line titles with a citation marker


class Recommendation(BaseModel):
    """A numbered recommendation found in a peer challenge report."""

    number: int
    text: str
    passage: Passage
    quote: str  # verbatim span of the passage
