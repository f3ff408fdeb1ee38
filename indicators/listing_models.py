"""The results of listing questions, rankings of councils and service overviews (their own module so the wording
that describes them and the code that builds them both import them without a cycle)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from indicators.models import Direction, Figure, Polarity

__all__ = ["Order", "Overview", "OverviewLine", "RankedCouncil", "Ranking", "Scope"]

Order = Literal["best", "worst", "highest", "lowest"]
Scope = Literal["all", "england", "scotland", "neighbours", "family"]


class RankedCouncil(BaseModel):
    """One council's place in a ranking."""

    rank: int
    tied: bool = False
    area_code: str
    area_name: str
    value: float
    period: str


class Ranking(BaseModel):
    """A ranking of councils on one indicator in one period, with its sentences and every figure they state."""

    indicator_id: str
    indicator_name: str
    unit: str = ""
    dataset: str = ""
    polarity: Polarity | None = None
    order: Order
    scope: Scope
    scope_label: str
    period: str
    period_rule: Literal["asked", "half", "most"]  # how the period was chosen (see the module docstring)
    count: int  # councils with a value in the period, all ranked
    scope_size: int  # councils in the scope (with or without a value in the period)
    asked: int  # how many were asked for (more are listed when the last place is tied)
    ideal: float | None = None  # the midpoint of a closer_to_target indicator
    councils: list[RankedCouncil] = Field(default_factory=list)
    boundary_tie: bool = False  # the last listed place is shared with councils that would otherwise be cut
    home_code: str | None = None
    home_name: str | None = None
    home: RankedCouncil | None = None  # the home council when in scope but not listed
    home_missing: bool = False  # the home council is in scope but has no value in the period
    position: bool = False  # "where do we rank?": the home council's place is the answer, the list its context
    sentences: list[str] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)


class OverviewLine(BaseModel):
    """One indicator of an overview: the analysis's figures, its direction, standing and materiality score."""

    indicator_id: str
    indicator_name: str
    unit: str = ""
    latest: Figure
    previous: Figure | None = None
    direction: Direction
    consecutive: int = 0
    consecutive_direction: Direction = "not comparable"
    group: str | None = None  # the comparators' name, when a comparison is held
    comparison: str | None = None  # "neighbours" or "national"
    rank: Figure | None = None
    tied: bool = False  # another comparator shares the rank ("joint")
    quartile: Figure | None = None
    count: Figure | None = None  # councils compared
    target: Figure | None = None  # the council's own target for the latest period, when it has one
    target_met: bool | None = None
    rag: Literal["green", "amber", "red"] | None = None
    score: float = 0.0
    sentence: str = ""


class Overview(BaseModel):
    """A council's indicators for one service, most material first, with the improved/worsened split."""

    service: str
    area_code: str
    area_name: str
    period: str | None = None
    lines: list[OverviewLine] = Field(default_factory=list)
    improved: list[str] = Field(default_factory=list)  # indicator ids, in line order
    worsened: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    not_comparable: list[str] = Field(default_factory=list)
    skipped: list[str] = Field(default_factory=list)  # indicators with data not judged (e.g. period not held)
    sentences: list[str] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
