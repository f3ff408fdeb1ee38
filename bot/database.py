"""One SQLAlchemy engine per database URL for the audit log and shared Slack state (SQLite or PostgreSQL).

Every way the database can be unusable (a URL that is not one, a driver not installed, a server not answering, a
damaged SQLite file) is a one-line DatabaseError naming DATABASE_URL or the file, and what to do.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from prompts.errors import ScrutinyError

if TYPE_CHECKING:
    from sqlalchemy import MetaData
    from sqlalchemy.engine import Engine

URL_EXAMPLE = "postgresql+psycopg://user:password@host:5432/scrutiny"
# What to install for a driver SQLAlchemy could not import, by the missing module.
_DRIVER_HINTS = {
    "psycopg": "pip install 'psycopg[binary]' (or the project's `postgresql` extra)",
    "psycopg2": "pip install 'psycopg[binary]' and write the URL as postgresql+psycopg://…",
    "MySQLdb": "pip install pymysql and write the URL as mysql+pymysql://…",
    "pymysql": "pip install pymysql",
    "asyncpg": "use postgresql+psycopg://… (the assistant uses a synchronous driver)",
}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(\+[A-Za-z0-9_]+)?://")
_DAMAGED = ("file is not a database", "malformed", "not a database", "corrupt")
REPAIR_HINT = "run `scrutiny doctor` to set the damaged file aside and start a new one"
# Any fixed number: the advisory lock that serialises table creation between workers starting at once.
_SCHEMA_LOCK = 715_015


class DatabaseError(ScrutinyError):
    """The database URL is unusable (bad scheme, missing driver, unreachable server, damaged file); one line."""


def safe_url(url: str) -> str:
    """The URL with its password masked, for messages and logs."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def url_problem(url: str) -> str | None:
    """Why `url` is not even shaped like a database URL (checked at start, cheaply), or None."""
    if _SCHEME.match(url.strip()):
        return None
    return f"{safe_url(url)!r} is not a database URL: use e.g. {URL_EXAMPLE}, or leave it unset for SQLite in " \
           "SCRUTINY_HOME"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases and in-memory SQLite)."""
    if not url.startswith("sqlite"):
        return None
    path = url.split("///", 1)[1] if "///" in url else ""
    path = path.split("?", 1)[0]
    return Path(path) if path and path != ":memory:" else None


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


def explain(exc: BaseException, url: str) -> DatabaseError:
    """A one-line DatabaseError for an exception raised while opening or using the database at `url`."""
    message = _first_line(exc)
    path = sqlite_path(url)
    if path is not None:
        if any(mark in message.lower() for mark in _DAMAGED):
            return DatabaseError(f"the audit and Slack state database {path} is damaged ({message}): {REPAIR_HINT}")
        return DatabaseError(f"cannot open the database file {path} (DATABASE_URL, or SCRUTINY_HOME when it is "
                             f"unset): {message}")
    return DatabaseError(f"cannot connect to the database {safe_url(url)} (DATABASE_URL): {message}; check that the "
                         "server is running and the URL's host, port, user, password and database name")


def open_engine(url: str) -> Engine:
    """An engine for `url`, connected once to prove it works.

    SQLite gets a busy timeout and WAL so several threads and workers can share it.
    """
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    problem = url_problem(url)
    if problem:
        raise DatabaseError(f"DATABASE_URL {problem}")
    scheme = url.split("://", 1)[0]
    try:
        path = sqlite_path(url)
        if url.startswith("sqlite"):
            if path is not None:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise DatabaseError(f"cannot create the folder {path.parent} for the database (DATABASE_URL, "
                                        f"or SCRUTINY_HOME when it is unset): {exc.strerror or exc}") from None
                if path.is_dir():
                    raise DatabaseError(f"the database file {path} is a folder: point DATABASE_URL at a file")
            engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

            @event.listens_for(engine, "connect")
            def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI connection
                cursor = dbapi_connection.cursor()
                # WAL lets readers proceed while another worker writes; the busy timeout queues writers.
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA busy_timeout=30000")
                cursor.close()
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except ArgumentError:
        raise DatabaseError(f"DATABASE_URL {safe_url(url)!r} is not a database URL: use e.g. {URL_EXAMPLE}, or "
                            "leave it unset for SQLite in SCRUTINY_HOME") from None
    except NoSuchModuleError:
        raise DatabaseError(f"DATABASE_URL {safe_url(url)}: unknown database type {scheme!r}: use {URL_EXAMPLE} "
                            "(PostgreSQL) or sqlite:////path/to/scrutiny.db") from None
    except ImportError as exc:
        missing = exc.name or _first_line(exc)
        hint = _DRIVER_HINTS.get(missing, f"install the Python package that provides {missing!r}")
        raise DatabaseError(f"DATABASE_URL {safe_url(url)} needs the database driver {missing!r}, which is not "
                            f"installed: {hint}") from None
    try:
        with engine.connect():
            pass
    except Exception as exc:  # noqa: BLE001 - drivers raise many types; each becomes one line
        engine.dispose()
        raise explain(exc, url) from None
    return engine


def create_tables(engine: Engine, metadata: MetaData) -> None:
    """Create `metadata`'s tables if missing; safe when several workers start at once."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    url = engine.url.render_as_string(hide_password=False)
    for attempt in (1, 2):
        try:
            with engine.begin() as connection:
                if engine.dialect.name == "postgresql":
                    # Two workers creating the same table at once collide in PostgreSQL's catalogue: take turns.
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
                metadata.create_all(connection)
            return
        except SQLAlchemyError as exc:
            message = _first_line(exc).lower()
            if attempt == 1 and ("already exists" in message or "duplicate" in message):
                continue  # another worker created it between our check and our CREATE
            raise explain(exc, url) from None
