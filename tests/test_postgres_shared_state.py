"""Issue 15, item 8: the shared-state (delivery dedupe, conversations, rate limit) and audit-log tests, run again on a
real PostgreSQL server, plus what only a server shows: workers creating the tables at the same moment.

The SQLite runs are the tests' own modules; here every test function of those modules runs once more with its
database URL pointed at a fresh PostgreSQL database, so a test added there is covered on both without a copy.
"""

from __future__ import annotations

import inspect
import threading
from pathlib import Path

import pytest

import test_slack_audit_log_exports as audit_tests
import test_slack_state_shared_by_workers as state_tests
from postgres_fixtures import postgres_admin_url, postgres_url  # noqa: F401 - fixtures

MODULES = (state_tests, audit_tests)
CASES = [pytest.param(module, name, id=f"{module.__name__.removeprefix('test_')}::{name}")
         for module in MODULES for name, fn in inspect.getmembers(module, inspect.isfunction)
         if name.startswith("test_") and fn.__module__ == module.__name__]


def test_every_shared_state_and_audit_test_is_found() -> None:
    names = {p.values[1] for p in CASES}
    assert {"test_a_delivery_is_claimed_once_across_workers_and_threads", "test_rate_limit_is_per_user_and_sliding",
            "test_rate_limit_holds_when_workers_count_the_same_user_at_once", "test_prune_forgets_old_deliveries",
            "test_conversations_round_trip_per_thread", "test_records_feedback_and_exports_csv",
            "test_cli_audit_export_writes_the_csv"} <= names
    assert all(hasattr(module, "_url") for module in MODULES)  # the one place each module names its database


@pytest.mark.parametrize(("module", "name"), CASES)
def test_on_postgresql(module, name: str, postgres_url: str, tmp_path: Path,  # noqa: F811 - fixture
                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "_url", lambda _tmp_path: postgres_url)
    fn = getattr(module, name)
    given = {"tmp_path": tmp_path, "monkeypatch": monkeypatch}
    wanted = list(inspect.signature(fn).parameters)
    unknown = [p for p in wanted if p not in given]
    if unknown:
        pytest.fail(f"{name} needs fixtures {unknown}: give them here too")
    fn(**{p: given[p] for p in wanted})


def test_workers_starting_together_create_the_tables_once(postgres_url: str) -> None:  # noqa: F811 - fixture
    from bot.audit import AuditLog
    from bot.state import SharedState

    barrier = threading.Barrier(8, timeout=60)
    errors: list[BaseException] = []
    opened: list[object] = []

    def start(i: int) -> None:
        try:
            barrier.wait()
            opened.append((SharedState if i % 2 else AuditLog)(postgres_url))
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == [] and len(opened) == 8
    state = SharedState(postgres_url)
    assert state.claim(["event:together"]) and not state.claim(["event:together"])
    assert AuditLog(postgres_url).count() == 0


def test_postgres_url_is_what_the_settings_use(postgres_url: str, tmp_path: Path) -> None:  # noqa: F811
    from bot.settings import load_settings

    settings = load_settings(home=tmp_path / "home", database_url=postgres_url)
    assert settings.database == postgres_url and settings.database.startswith("postgresql+psycopg://")
