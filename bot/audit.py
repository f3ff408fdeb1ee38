"""The audit log of Slack requests: who asked what, where, what kind of answer and which sources; feedback."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from bot.models import Citation

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

CSV_COLUMNS = ["id", "time_utc", "user", "channel", "thread_ts", "entry", "request", "answer_kind", "outcome",
               "restricted_allowed", "sources", "feedback_up", "feedback_down", "feedback"]


class _Base(DeclarativeBase):
    pass


class AuditRequest(_Base):
    """One request made through Slack and what was done with it."""

    __tablename__ = "audit_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    user: Mapped[str] = mapped_column(String(64), index=True)
    channel: Mapped[str] = mapped_column(String(64))
    thread_ts: Mapped[str | None] = mapped_column(String(32), nullable=True)
    entry: Mapped[str] = mapped_column(String(32))
    request: Mapped[str] = mapped_column(Text)
    answer_kind: Mapped[str | None] = mapped_column(String(16), nullable=True)
    outcome: Mapped[str] = mapped_column(String(16))
    restricted_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    citations_json: Mapped[str] = mapped_column(Text, default="[]")


class AuditFeedback(_Base):
    """A user's thumbs up (+1) or down (-1) on one answer; the latest vote per user counts."""

    __tablename__ = "audit_feedback"
    __table_args__ = (UniqueConstraint("request_id", "user"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("audit_requests.id"), index=True)
    user: Mapped[str] = mapped_column(String(64))
    value: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AuditFeedbackReason(_Base):
    """Why a user gave an answer a thumbs down (optional; several reasons per user are kept)."""

    __tablename__ = "audit_feedback_reasons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("audit_requests.id"), index=True)
    user: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class AuditEntry(BaseModel):
    """One audited request, as read back."""

    id: int
    at: datetime
    user: str
    channel: str
    thread_ts: str | None = None
    entry: str
    request: str
    answer_kind: str | None = None
    outcome: str
    restricted_allowed: bool = False
    citations: list[Citation] = Field(default_factory=list)
    feedback: dict[str, int] = Field(default_factory=dict)

    @property
    def sources(self) -> list[str]:
        """Distinct sources used, each with its locator."""
        return list(dict.fromkeys(f"{c.source} ({c.locator})" for c in self.citations))


class FeedbackItem(BaseModel):
    """One thumbs-down answer in the feedback summary: the question, its sources and the reasons given."""

    entry: AuditEntry
    down: int
    up: int
    reasons: list[str] = Field(default_factory=list)
    last_vote: datetime


class AuditLog:
    """Append-only record of requests plus feedback, in the configured database."""

    def __init__(self, database_url: str, engine: Engine | None = None) -> None:
        from bot.database import create_tables, open_engine

        self.engine = engine or open_engine(database_url)
        create_tables(self.engine, _Base.metadata)

    def record(self, *, user: str, channel: str, request: str, entry: str, outcome: str = "answered",
               answer_kind: str | None = None, citations: list[Citation] | None = None,
               restricted_allowed: bool = False, thread_ts: str | None = None,
               at: datetime | None = None) -> int:
        """Store one request; returns its id (used by the feedback and "Show sources" buttons)."""
        row = AuditRequest(at=at or datetime.now(UTC), user=user, channel=channel, thread_ts=thread_ts, entry=entry,
                           request=request, answer_kind=answer_kind, outcome=outcome,
                           restricted_allowed=restricted_allowed,
                           citations_json=json.dumps([c.model_dump() for c in citations or []]))
        with Session(self.engine) as session, session.begin():
            session.add(row)
            session.flush()
            return row.id

    def feedback(self, request_id: int, user: str, value: int) -> bool:
        """Record +1 or -1 from `user` on a request (a second vote replaces the first); False if no such request."""
        if value not in (1, -1):
            raise ValueError("feedback must be +1 or -1")
        with Session(self.engine) as session, session.begin():
            if session.get(AuditRequest, request_id) is None:
                return False
            existing = session.scalars(select(AuditFeedback).where(
                AuditFeedback.request_id == request_id, AuditFeedback.user == user)).first()
            if existing is None:
                session.add(AuditFeedback(request_id=request_id, user=user, value=value, at=datetime.now(UTC)))
            else:
                existing.value = value
                existing.at = datetime.now(UTC)
        return True

    def feedback_reason(self, request_id: int, user: str, reason: str) -> bool:
        """Record why `user` found an answer unhelpful (text bounded to 2,000 characters); False if no request."""
        reason = " ".join(reason.split())[:2000]
        if not reason:
            return False
        with Session(self.engine) as session, session.begin():
            if session.get(AuditRequest, request_id) is None:
                return False
            session.add(AuditFeedbackReason(request_id=request_id, user=user, reason=reason, at=datetime.now(UTC)))
        return True

    def feedback_summary(self, since: datetime) -> list[FeedbackItem]:
        """Answers with a thumbs down voted since `since`, most down-votes first, with their reasons."""
        with Session(self.engine) as session:
            votes = session.scalars(select(AuditFeedback).where(AuditFeedback.at >= since)).all()
            down_ids = sorted({v.request_id for v in votes if v.value < 0})
            items = []
            for request_id in down_ids:
                row = session.get(AuditRequest, request_id)
                if row is None:
                    continue
                all_votes = session.scalars(select(AuditFeedback).where(
                    AuditFeedback.request_id == request_id)).all()
                reasons = session.scalars(select(AuditFeedbackReason.reason).where(
                    AuditFeedbackReason.request_id == request_id).order_by(AuditFeedbackReason.id)).all()
                last = max(_aware(v.at) for v in all_votes)
                items.append(FeedbackItem(entry=_entry(row, {v.user: v.value for v in all_votes}),
                                          down=sum(1 for v in all_votes if v.value < 0),
                                          up=sum(1 for v in all_votes if v.value > 0), reasons=list(reasons),
                                          last_vote=last))
        return sorted(items, key=lambda i: (-i.down, -i.last_vote.timestamp()))

    def get(self, request_id: int) -> AuditEntry | None:
        """One audited request with its citations and feedback, or None."""
        with Session(self.engine) as session:
            row = session.get(AuditRequest, request_id)
            if row is None:
                return None
            votes = session.scalars(select(AuditFeedback).where(AuditFeedback.request_id == request_id)).all()
            return _entry(row, {v.user: v.value for v in votes})

    def entries(self) -> list[AuditEntry]:
        """Every audited request, oldest first."""
        with Session(self.engine) as session:
            rows = session.scalars(select(AuditRequest).order_by(AuditRequest.id)).all()
            votes: dict[int, dict[str, int]] = {}
            for v in session.scalars(select(AuditFeedback)).all():
                votes.setdefault(v.request_id, {})[v.user] = v.value
            return [_entry(r, votes.get(r.id, {})) for r in rows]

    def count(self) -> int:
        """Number of audited requests."""
        with Session(self.engine) as session:
            return session.scalar(select(func.count()).select_from(AuditRequest)) or 0

    def export_csv(self, out: Path) -> int:
        """Write every request to a CSV for the monitoring officer (atomically); returns the row count."""
        entries = self.entries()
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        try:
            with os.fdopen(fd, "w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(CSV_COLUMNS)
                for e in entries:
                    writer.writerow([
                        e.id, e.at.astimezone(UTC).isoformat(timespec="seconds"), e.user, e.channel,
                        e.thread_ts or "", e.entry, e.request, e.answer_kind or "", e.outcome,
                        "yes" if e.restricted_allowed else "no", "; ".join(e.sources),
                        sum(1 for v in e.feedback.values() if v > 0), sum(1 for v in e.feedback.values() if v < 0),
                        "; ".join(f"{u}:{'+1' if v > 0 else '-1'}" for u, v in sorted(e.feedback.items())),
                    ])
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return len(entries)


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)  # SQLite drops the zone


def _entry(row: AuditRequest, feedback: dict[str, int]) -> AuditEntry:
    at = row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC)  # SQLite drops the zone
    return AuditEntry(id=row.id, at=at, user=row.user, channel=row.channel, thread_ts=row.thread_ts,
                      entry=row.entry, request=row.request, answer_kind=row.answer_kind, outcome=row.outcome,
                      restricted_allowed=row.restricted_allowed,
                      citations=[Citation.model_validate(c) for c in json.loads(row.citations_json or "[]")],
                      feedback=feedback)
