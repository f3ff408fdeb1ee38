"""Typed values passed between the pipeline's stages: a Request in, an Interpretation, Evidence, a Reply out."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.conversation import Conversation
from bot.models import Answer, Interpretation

Command = Literal["handle", "ask", "trend", "questions", "brief", "sources"]

__all__ = ["Command", "Interpretation", "Reply", "Request"]


class Request(BaseModel):
    """One request from any front end: free text to route (`handle`) or an explicit command with its options."""

    text: str
    command: Command = "handle"
    area: str | None = None
    indicators: list[str] = Field(default_factory=list)
    meeting_date: str | None = None  # YYYY-MM-DD: a note's header; questions are dated from it
    committee: str | None = None  # a note's header ("Overview and Scrutiny Committee")
    since: str | None = None
    period: str | None = None
    make_chart: bool = False
    chart: Path | None = None  # where to write the chart (implies make_chart)
    out: Path | None = None  # where a briefing note goes (default: a file under SCRUTINY_HOME/briefs)


class Reply(BaseModel):
    """What the assistant returns to a front end: the answer, the file it wrote (a briefing note) if any."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    answer: Answer
    document: Path | None = None
    conversation: Conversation | None = None

    @property
    def understood(self) -> Interpretation | None:
        """How the request was read (also in the answer's JSON as `understood`)."""
        return self.answer.understood
