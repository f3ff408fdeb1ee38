"""pytest fixtures for a real PostgreSQL server (tests/postgres_server.py); import them into a test module:

    from postgres_fixtures import postgres_admin_url, postgres_url  # noqa: F401 - fixtures

`postgres_url` is a fresh empty database per test. Without PostgreSQL or psycopg the tests skip, saying why; under
SCRUTINY_REQUIRE_SHARED=1 (what .ci/run sets) they fail instead, so CI cannot pass without running them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import postgres_server


def _unavailable(reason: str) -> None:
    if os.environ.get("SCRUTINY_REQUIRE_SHARED") == "1":
        pytest.fail(f"SCRUTINY_REQUIRE_SHARED=1 but PostgreSQL is unavailable: {reason}")
    pytest.skip(f"PostgreSQL unavailable: {reason}")


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """The admin URL of a running server: SCRUTINY_TEST_POSTGRES_URL (.ci/run starts one) or one started here."""
    given = os.environ.get(postgres_server.ENV_URL)
    if given:
        try:
            postgres_server.check(given)
        except postgres_server.Unavailable as exc:
            _unavailable(str(exc))
        yield given
        return
    try:
        import psycopg  # noqa: F401 - needed to create the test databases
    except ImportError:
        _unavailable("psycopg is not installed (pip install -e '.[test]' installs psycopg[binary])")
    # Not under pytest's own temporary folder: that is private to this user, and the server runs as `postgres`.
    folder = Path(tempfile.mkdtemp(prefix="scrutiny-pg-"))
    try:
        url = postgres_server.start(folder)
        postgres_server.check(url)
    except postgres_server.Unavailable as exc:
        postgres_server.stop(folder)
        _unavailable(str(exc))
    try:
        yield url
    finally:
        postgres_server.stop(folder)


@pytest.fixture()
def postgres_url(postgres_admin_url: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (SQLAlchemy URL, psycopg driver)."""
    with postgres_server.fresh_database(postgres_admin_url) as url:
        yield url
