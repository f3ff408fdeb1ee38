"""The assistant's public result: the JSON object DESIGN.md fixes for `--json` and the Slack renderer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from indicators.models import Figure

AnswerKind = Literal["indicator", "document", "mixed", "none"]
Intent = Literal["value", "trend", "compare", "rank", "overview", "target", "documents", "questions", "brief",
                 "help", "sources", "unknown"]


class PeriodSpan(BaseModel):
    """The periods a question asks about: both None means the latest; `from` None with `to` set is one period."""

    model_config = ConfigDict(populate_by_name=True)

    from_: str | None = Field(default=None, alias="from")
    to: str | None = None


class Interpretation(BaseModel):
    """How a request was read (DESIGN.md `understood`), shown to the user in one line before the answer."""

    intent: Intent
    indicators: list[str] = Field(default_factory=list)
    areas: list[str] = Field(default_factory=list)
    periods: PeriodSpan = Field(default_factory=PeriodSpan)
    comparison: str | None = None
    topic: str | None = None
    n: int | None = None  # a ranking's size ("top 5")
    order: str | None = None  # a ranking's end: best / worst (polarity applied), or highest / lowest
    confidence: float = 1.0
    # Not in the JSON contract: the one-line reading shown before the answer, and the router's request kind.
    reading: str = Field(default="", exclude=True)
    request: str = Field(default="question", exclude=True)


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
    understood: Interpretation | None = None

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
        data["understood"] = self.understood.model_dump(mode="json", by_alias=True) if self.understood else None
        return data


class CallerContext(BaseModel):
    """Where a request comes from: the Slack layer fills channel and user; the CLI is trusted."""

    channel: str | None = None
    user: str | None = None
    allow_restricted: bool = False
    area: str | None = None
