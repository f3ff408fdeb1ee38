"""What the Slack layer remembers between events, in the shared database (any worker can take any event):
threads the bot has answered in (so follow-ups need no mention), the channel an assistant thread was opened from,
and each delivered answer (so "Share with the channel" and escalation can show it again after a fresh decision)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from pydantic import BaseModel
from sqlalchemy import Float, Integer, LargeBinary, String, Text, delete
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from bot.models import Answer

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

KEEP_SECONDS = 30 * 24 * 3600
MAX_FILE_BYTES = 20 * 1024 * 1024  # Slack's own file limit is far above a briefing note; this bounds the database


class _Base(DeclarativeBase):
    pass


class BotThread(_Base):
    """A thread the bot has answered in; for an assistant thread, the channel the user was viewing."""

    __tablename__ = "slack_bot_threads"

    channel: Mapped[str] = mapped_column(String(64), primary_key=True)
    thread_ts: Mapped[str] = mapped_column(String(32), primary_key=True)
    context_channel: Mapped[str | None] = mapped_column(String(64), nullable=True)
    titled: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[float] = mapped_column(Float, index=True)


class StoredAnswer(_Base):
    """One answer as delivered (audit request id), with its file, for sharing and escalation."""

    __tablename__ = "slack_answers"

    request_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(64))
    user: Mapped[str] = mapped_column(String(64))
    thread_ts: Mapped[str | None] = mapped_column(String(32), nullable=True)
    topic: Mapped[str] = mapped_column(Text, default="")
    private: Mapped[int] = mapped_column(Integer, default=0)
    share_channel: Mapped[str | None] = mapped_column(String(64), nullable=True)  # where "Share" posts it
    answer_json: Mapped[str] = mapped_column(Text)
    file_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    file_title: Mapped[str | None] = mapped_column(String(255), nullable=True)
    file_data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    at: Mapped[float] = mapped_column(Float, index=True)


class Delivered(BaseModel):
    """A stored answer, read back."""

    request_id: int
    channel: str
    user: str
    thread_ts: str | None = None
    topic: str = ""
    private: bool = False
    share_channel: str | None = None
    answer: Answer
    file_name: str | None = None
    file_title: str | None = None
    file_data: bytes | None = None


class SlackStore:
    """Threads and delivered answers, in the database SharedState and the audit log use."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        _Base.metadata.create_all(engine)

    # -- threads -------------------------------------------------------------------------------------------
    def joined(self, channel: str, thread_ts: str, context_channel: str | None = None,
               now: float | None = None) -> None:
        """Remember that the bot is in this thread (keeping a known context channel unless a new one is given)."""
        now = time.time() if now is None else now
        with Session(self.engine) as session, session.begin():
            row = session.get(BotThread, (channel, thread_ts))
            if row is None:
                session.add(BotThread(channel=channel, thread_ts=thread_ts, context_channel=context_channel,
                                      titled=0, updated=now))
            else:
                row.updated = now
                if context_channel is not None:
                    row.context_channel = context_channel

    def thread(self, channel: str, thread_ts: str) -> BotThread | None:
        """The bot's thread, or None when the bot has not answered there."""
        with Session(self.engine) as session:
            row = session.get(BotThread, (channel, thread_ts))
            if row is not None:
                session.expunge(row)
            return row

    def in_thread(self, channel: str, thread_ts: str) -> bool:
        """Has the bot answered in this thread?"""
        return self.thread(channel, thread_ts) is not None

    def take_title(self, channel: str, thread_ts: str) -> bool:
        """True once per thread: the first question titles it."""
        from sqlalchemy import update

        with Session(self.engine) as session, session.begin():
            if session.get(BotThread, (channel, thread_ts)) is None:
                session.add(BotThread(channel=channel, thread_ts=thread_ts, titled=1, updated=time.time()))
                return True
            done = session.execute(update(BotThread).where(BotThread.channel == channel,
                                                           BotThread.thread_ts == thread_ts,
                                                           BotThread.titled == 0).values(titled=1))
            return bool(done.rowcount)

    # -- answers -------------------------------------------------------------------------------------------
    def save_answer(self, request_id: int, channel: str, user: str, thread_ts: str | None, answer: Answer,
                    topic: str, private: bool, share_to: str | None = None, file_name: str | None = None,
                    file_title: str | None = None, file_data: bytes | None = None) -> None:
        """Keep a delivered answer (and its file, if small enough) under its audit request id."""
        if file_data is not None and len(file_data) > MAX_FILE_BYTES:
            file_name = file_title = file_data = None
        with Session(self.engine) as session, session.begin():
            session.merge(StoredAnswer(request_id=request_id, channel=channel, user=user, thread_ts=thread_ts,
                                       topic=topic, private=int(private), share_channel=share_to,
                                       answer_json=answer.model_dump_json(),
                                       file_name=file_name, file_title=file_title, file_data=file_data,
                                       at=time.time()))

    def answer(self, request_id: int) -> Delivered | None:
        """A delivered answer, or None."""
        with Session(self.engine) as session:
            row = session.get(StoredAnswer, request_id)
            if row is None:
                return None
            return Delivered(request_id=row.request_id, channel=row.channel, user=row.user,
                             thread_ts=row.thread_ts, topic=row.topic, private=bool(row.private),
                             share_channel=row.share_channel,
                             answer=Answer.model_validate_json(row.answer_json), file_name=row.file_name,
                             file_title=row.file_title, file_data=row.file_data)

    def prune(self, now: float | None = None) -> None:
        """Forget old threads and answers."""
        now = time.time() if now is None else now
        with Session(self.engine) as session, session.begin():
            session.execute(delete(BotThread).where(BotThread.updated < now - KEEP_SECONDS))
            session.execute(delete(StoredAnswer).where(StoredAnswer.at < now - KEEP_SECONDS))
