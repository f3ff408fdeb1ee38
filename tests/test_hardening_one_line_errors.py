"""Issue 15, problem 8: every error a user can cause with a setting or a damaged file is one line naming the setting
or the file and what to do, never a traceback; the Chroma server check comes before any file is read."""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCUMENTS = REPO / "bot" / "sample_pack" / "documents"
QUESTION = "What are the council plan's priorities?"


def _scrutiny(*args: str, cwd: Path, **env_overrides: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCRUTINY_AREA": "E07999001", "NO_COLOR": "1", "COLUMNS": "200"}
    for name in ("SCRUTINY_LLM", "CHROMA_HOST", "CHROMA_PORT", "DATABASE_URL"):
        env.pop(name, None)
    env.update(env_overrides)
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=300, check=False)


def _one_line(done: subprocess.CompletedProcess[str], *needles: str, code: int | None = None) -> str:
    assert done.returncode != 0, done.stdout
    if code is not None:
        assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, done.stderr
    assert [line for line in done.stderr.splitlines() if line.strip()][-1] == errors[0], done.stderr
    for needle in needles:
        assert needle in errors[0], errors[0]
    return errors[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def home(sample_home, tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(sample_home.home, copy)
    return copy


def test_database_url_that_is_not_a_url_fails_at_start(tmp_path: Path) -> None:
    done = _scrutiny("docs", cwd=tmp_path, SCRUTINY_HOME=str(tmp_path / "h"), DATABASE_URL="garbage")
    _one_line(done, "DATABASE_URL", "'garbage'", "postgresql+psycopg://", code=2)


@pytest.mark.parametrize(("url", "module", "advice"), [
    ("postgresql+psycopg2://scrutiny:secret@127.0.0.1/scrutiny", "psycopg2", "pip install 'psycopg[binary]'"),
    ("mysql://scrutiny:secret@127.0.0.1/scrutiny", "MySQLdb", "pip install pymysql"),
])
def test_a_database_url_without_its_driver_says_what_to_install(tmp_path: Path, url: str, module: str,
                                                                advice: str) -> None:
    if importlib.util.find_spec(module) is not None:
        pytest.skip(f"{module} is installed here")
    done = _scrutiny("audit", "export", "--out", str(tmp_path / "a.csv"), cwd=tmp_path,
                     SCRUTINY_HOME=str(tmp_path / "h"), DATABASE_URL=url)
    line = _one_line(done, "DATABASE_URL", module, advice, code=1)
    assert "secret" not in line  # the password is never printed


def test_a_database_server_that_does_not_answer_is_one_line(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://scrutiny:secret@127.0.0.1:{_free_port()}/scrutiny"
    done = _scrutiny("audit", "export", "--out", str(tmp_path / "a.csv"), cwd=tmp_path,
                     SCRUTINY_HOME=str(tmp_path / "h"), DATABASE_URL=url)
    line = _one_line(done, "DATABASE_URL", code=1)
    assert "secret" not in line
    assert "cannot connect" in line or "driver" in line  # without psycopg installed it is the driver's line


def test_scrutiny_home_that_is_a_file_or_cannot_be_created_fails_at_start(tmp_path: Path) -> None:
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    _one_line(_scrutiny("docs", cwd=tmp_path, SCRUTINY_HOME=str(a_file)), "SCRUTINY_HOME", str(a_file), "is a file",
              code=2)
    below = a_file / "home"
    _one_line(_scrutiny("indicators", "list", cwd=tmp_path, SCRUTINY_HOME=str(below)), "SCRUTINY_HOME",
              str(a_file), code=2)
    _one_line(_scrutiny("ask", QUESTION, cwd=tmp_path, SCRUTINY_HOME="/proc/scrutiny-cannot-exist/home"),
              "SCRUTINY_HOME", "cannot be created", code=2)


def test_a_new_home_is_created_for_its_owner_only(tmp_path: Path) -> None:
    home = tmp_path / "fresh" / "home"
    done = _scrutiny("docs", cwd=tmp_path, SCRUTINY_HOME=str(home))
    assert done.returncode == 0, done.stderr
    assert home.is_dir() and (home.stat().st_mode & 0o777) == 0o700


@pytest.mark.parametrize(("relative", "command"), [
    ("scrutiny.db", ("audit", "export", "--out", "audit.csv")),
    ("knowledge/registry.sqlite3", ("docs",)),
    ("knowledge/registry.sqlite3", ("ask", QUESTION)),
    ("chroma/chroma.sqlite3", ("ask", QUESTION)),
    ("chroma/chroma.sqlite3", ("ingest", str(DOCUMENTS))),
])
def test_a_damaged_database_file_names_itself_and_the_repair(home: Path, tmp_path: Path, relative: str,
                                                             command: tuple[str, ...]) -> None:
    damaged = home / relative
    damaged.parent.mkdir(parents=True, exist_ok=True)
    damaged.write_bytes(os.urandom(16384))
    done = _scrutiny(*command, cwd=tmp_path, SCRUTINY_HOME=str(home))
    _one_line(done, str(damaged), "scrutiny doctor", code=1)


def test_a_bad_indicators_manifest_names_itself_and_the_repair(home: Path, tmp_path: Path) -> None:
    manifest = home / "indicators" / "manifest.json"
    manifest.write_text('{"datasets": ', encoding="utf-8")
    for command in (("indicators", "list"), ("ask", "How has our council tax collection rate changed?")):
        _one_line(_scrutiny(*command, cwd=tmp_path, SCRUTINY_HOME=str(home)), str(manifest), "scrutiny doctor",
                  code=1)
    manifest.write_text('{"datasets": {"northbridge-sample": {"dir": "gone.0000000000"}}}', encoding="utf-8")
    _one_line(_scrutiny("indicators", "list", cwd=tmp_path, SCRUTINY_HOME=str(home)), str(manifest), "gone",
              "scrutiny doctor", code=1)


def test_chroma_host_with_nothing_listening_fails_before_reading_any_file(tmp_path: Path) -> None:
    port = _free_port()
    started = time.monotonic()
    done = _scrutiny("ingest", str(DOCUMENTS), cwd=tmp_path, SCRUTINY_HOME=str(tmp_path / "h"),
                     CHROMA_HOST="127.0.0.1", CHROMA_PORT=str(port))
    seconds = time.monotonic() - started
    _one_line(done, "CHROMA_HOST", f"127.0.0.1:{port}", "chroma run", code=1)
    assert "Reading files" not in done.stderr and "Embedding" not in done.stderr, done.stderr
    assert seconds < 30, seconds
    asked = _scrutiny("ask", QUESTION, cwd=tmp_path, SCRUTINY_HOME=str(tmp_path / "h"), CHROMA_HOST="127.0.0.1",
                      CHROMA_PORT=str(port))
    assert "Traceback" not in asked.stderr, asked.stderr
