"""A conversation: what was asked so far in a thread, so follow-ups can be understood."""

from __future__ import annotations

from pydantic import BaseModel, Field

MAX_TURNS = 20


class Turn(BaseModel):
    """One exchange, reduced to what a follow-up may refer back to."""

    question: str
    kind: str
    indicator_id: str | None = None
    indicator_name: str | None = None
    area_code: str | None = None
    topic: str | None = None
    # The reading of the turn, so a follow-up can keep what it does not change ("and in 2021-22?").
    intent: str | None = None
    areas: list[str] = Field(default_factory=list)
    since: str | None = None
    period: str | None = None
    period_from: str | None = None
    period_to: str | None = None
    years_back: int | None = None
    rank_n: int | None = None
    rank_order: str | None = None
    scope: str | None = None
    comparison: str | None = None
    comparison_asked: bool = False
    ordered: list[str] = Field(default_factory=list)  # an overview's indicators, most in need of attention first
    service: str | None = None  # the service an overview was of ("and us?" asks for the same one)
    answered_period: str | None = None  # the period the answer gave ("latest" read as 2022-23), for "the year before?"


class Conversation(BaseModel):
    """The turns of one thread (the Slack layer stores it as JSON keyed by thread)."""

    turns: list[Turn] = Field(default_factory=list)

    def add(self, turn: Turn) -> None:
        """Record a turn, keeping only the most recent ones."""
        self.turns.append(turn)
        del self.turns[:-MAX_TURNS]

    def last_indicator(self) -> Turn | None:
        """The latest turn that was about an indicator."""
        return next((t for t in reversed(self.turns) if t.indicator_id), None)

    def last_topic(self) -> str | None:
        """The latest subject talked about: a topic, an indicator name or the question itself."""
        for turn in reversed(self.turns):
            if turn.kind != "none":
                return turn.topic or turn.indicator_name or turn.question
        return None
