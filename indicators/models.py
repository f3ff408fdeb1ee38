"""Pydantic models at the indicators package's boundary."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Polarity = Literal["higher_is_better", "lower_is_better", "closer_to_target"]


class Figure(BaseModel):
    """One number an answer states, traceable to dataset, indicator, area and period."""

    indicator_id: str
    indicator_name: str
    area_code: str
    area_name: str
    period: str
    value: float
    unit: str = ""
    label: str = ""  # what the number is, e.g. "latest value", "neighbour median"; not in the JSON contract
    dataset: str = ""


class IndicatorInfo(BaseModel):
    """Metadata for one indicator."""

    indicator_id: str
    name: str
    unit: str = ""
    polarity: Polarity | None = None
    description: str = ""
    measure_type: str = ""
    source: str = ""
    aliases: list[str] = Field(default_factory=list)
    dataset: str = ""
    periods: list[str] = Field(default_factory=list)
