"""The assistant's public result: the JSON object DESIGN.md fixes for `--json` and the Slack renderer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from indicators.models import Figure

AnswerKind = Literal["indicator", "document", "mixed", "none"]


class Citation(BaseModel):
    """A numbered source: document + locator + the supporting quote, or a dataset for figures."""

    id: int
    source: str
    path: str
    locator: str
    quote: str


class ChallengeQuestion(BaseModel):
    """One challenge question with why it is asked and the evidence behind it."""

    text: str
    theme: str
    type: str
    rationale: str
    evidence: list[int] = Field(default_factory=list)
    priority: float = Field(default=0.0, exclude=True)


class Answer(BaseModel):
    """What every request returns, whichever front end asked."""

    question: str
    kind: AnswerKind
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    questions: list[ChallengeQuestion] | None = None
    chart: str | None = None

    def to_contract(self) -> dict:
        """The DESIGN.md JSON shape: `questions` only when present, figures without internal fields."""
        data = self.model_dump(mode="json", exclude_none=False)
        data["figures"] = [
            f.model_dump(mode="json", include={"indicator_id", "indicator_name", "area_code", "area_name",
                                               "period", "value", "unit"})
            for f in self.figures
        ]
        if self.questions is None:
            data.pop("questions")
        return data


class CallerContext(BaseModel):
    """Where a request comes from: the Slack layer fills channel and user; the CLI is trusted."""

    channel: str | None = None
    user: str | None = None
    allow_restricted: bool = False
    area: str | None = None
