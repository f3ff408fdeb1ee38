"""State several Slack workers share through the database: thread conversations, delivery dedupe, rate limits."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from sqlalchemy import Float, Integer, String, Text, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from bot.conversation import Conversation

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

DEDUPE_KEEP_SECONDS = 24 * 3600  # Slack stops retrying within minutes; a day is ample
CONVERSATION_KEEP_SECONDS = 30 * 24 * 3600


class _Base(DeclarativeBase):
    pass


class SeenDelivery(_Base):
    """A delivery already taken by some worker (event id, message key or trigger id)."""

    __tablename__ = "slack_seen_deliveries"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    at: Mapped[float] = mapped_column(Float, index=True)


class SeenAction(_Base):
    """A button action already taken (dedupe of double clicks; a window may let it be taken again later)."""

    __tablename__ = "slack_seen_actions"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    at: Mapped[float] = mapped_column(Float, index=True)


class ThreadConversation(_Base):
    """The conversation of one Slack thread, as JSON."""

    __tablename__ = "slack_conversations"

    channel: Mapped[str] = mapped_column(String(64), primary_key=True)
    thread_ts: Mapped[str] = mapped_column(String(32), primary_key=True)
    conversation_json: Mapped[str] = mapped_column(Text)
    updated: Mapped[float] = mapped_column(Float, index=True)


class RateEvent(_Base):
    """One counted request by a user, for the sliding-window rate limit."""

    __tablename__ = "slack_rate_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[float] = mapped_column(Float, index=True)


class RateBucket(_Base):
    """One row per user, locked while that user's request is counted so concurrent workers cannot race."""

    __tablename__ = "slack_rate_buckets"

    user: Mapped[str] = mapped_column(String(64), primary_key=True)
    touched: Mapped[float] = mapped_column(Float)


class SharedState:
    """Database-backed state so any HTTP worker can serve any request, and a retry is never answered twice."""

    def __init__(self, database_url: str, engine: Engine | None = None) -> None:
        from bot.database import create_tables, open_engine

        self.engine = engine or open_engine(database_url)
        create_tables(self.engine, _Base.metadata)

    # -- dedupe --------------------------------------------------------------------------------------------
    def claim(self, keys: list[str], now: float | None = None) -> bool:
        """Take a delivery: True for the first claimant of all `keys`, False if any key was claimed before."""
        keys = list(dict.fromkeys(k[:255] for k in keys if k))
        if not keys:
            return True
        now = time.time() if now is None else now
        try:
            with Session(self.engine) as session, session.begin():
                # The primary key makes the database the arbiter between workers racing on one retry.
                session.add_all(SeenDelivery(key=k, at=now) for k in keys)
        except IntegrityError:
            return False
        return True

    def claim_action(self, key: str, window_seconds: float | None = None, now: float | None = None) -> bool:
        """Take a button action: True for the first claimant of `key` (or the first after `window_seconds`)."""
        key = key[:255]
        now = time.time() if now is None else now
        try:
            with Session(self.engine) as session, session.begin():
                session.add(SeenAction(key=key, at=now))
            return True
        except IntegrityError:
            if window_seconds is None:
                return False
        # Taken before: retake it only if the window has passed, in one conditional write (no race between workers).
        with Session(self.engine) as session, session.begin():
            done = session.execute(update(SeenAction).where(SeenAction.key == key,
                                                            SeenAction.at < now - window_seconds).values(at=now))
            return bool(done.rowcount)

    def prune(self, now: float | None = None) -> None:
        """Forget old deliveries, rate events and conversations."""
        now = time.time() if now is None else now
        with Session(self.engine) as session, session.begin():
            session.execute(delete(SeenDelivery).where(SeenDelivery.at < now - DEDUPE_KEEP_SECONDS))
            session.execute(delete(SeenAction).where(SeenAction.at < now - DEDUPE_KEEP_SECONDS))
            session.execute(delete(RateEvent).where(RateEvent.at < now - 3600))
            session.execute(delete(RateBucket).where(RateBucket.touched < now - 3600))
            session.execute(delete(ThreadConversation).where(
                ThreadConversation.updated < now - CONVERSATION_KEEP_SECONDS))

    # -- conversations -------------------------------------------------------------------------------------
    def conversation(self, channel: str, thread_ts: str) -> Conversation | None:
        """The stored conversation of a thread, or None."""
        with Session(self.engine) as session:
            row = session.get(ThreadConversation, (channel, thread_ts))
            return Conversation.model_validate_json(row.conversation_json) if row else None

    def save_conversation(self, channel: str, thread_ts: str, conversation: Conversation,
                          now: float | None = None) -> None:
        """Store (or replace) a thread's conversation."""
        now = time.time() if now is None else now
        data = conversation.model_dump_json()
        with Session(self.engine) as session, session.begin():
            row = session.get(ThreadConversation, (channel, thread_ts))
            if row is None:
                session.add(ThreadConversation(channel=channel, thread_ts=thread_ts, conversation_json=data,
                                               updated=now))
            else:
                row.conversation_json = data
                row.updated = now

    # -- rate limit ----------------------------------------------------------------------------------------
    def allow(self, user: str, limit: int, window_seconds: float, now: float | None = None) -> bool:
        """Count a request by `user`; False (and not counted) when `limit` requests fall in the window already."""
        if limit <= 0:
            return True
        now = time.time() if now is None else now
        self._ensure_bucket(user, now)
        with Session(self.engine) as session, session.begin():
            # Writing the user's bucket row first takes a row lock (PostgreSQL) or the write lock (SQLite), so the
            # count below and the insert are one step: two workers cannot both take the last slot.
            session.execute(update(RateBucket).where(RateBucket.user == user).values(touched=now))
            recent = session.scalar(select(func.count()).select_from(RateEvent).where(
                RateEvent.user == user, RateEvent.at > now - window_seconds)) or 0
            if recent >= limit:
                return False
            session.add(RateEvent(user=user, at=now))
        return True

    def _ensure_bucket(self, user: str, now: float) -> None:
        with Session(self.engine) as session:
            if session.get(RateBucket, user) is not None:
                return
        try:
            with Session(self.engine) as session, session.begin():
                session.add(RateBucket(user=user, touched=now))
        except IntegrityError:
            pass  # another worker created it first
