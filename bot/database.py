"""One SQLAlchemy engine per database URL for the audit log and shared Slack state (SQLite or PostgreSQL)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from prompts.errors import ScrutinyError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


class DatabaseError(ScrutinyError):
    """The database URL is unusable (bad scheme, unreachable server); one-line message."""


def open_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets a busy timeout and WAL so several threads and workers can share it."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        if url.startswith("sqlite"):
            path = url.split("///", 1)[1] if "///" in url else ""
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

            @event.listens_for(engine, "connect")
            def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI connection
                cursor = dbapi_connection.cursor()
                # WAL lets readers proceed while another worker writes; the busy timeout queues writers.
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA busy_timeout=30000")
                cursor.close()

            return engine
        return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise DatabaseError(f"DATABASE_URL {url!r} is not usable: {exc}") from None
