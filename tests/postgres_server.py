"""A throwaway PostgreSQL server on 127.0.0.1 for tests, from Debian's `postgresql` package (or any PostgreSQL whose
`initdb` and `pg_ctl` are on PATH or under /usr/lib/postgresql/*/bin).

Used two ways:
- `.ci/run` starts one before the tests (`python3 tests/postgres_server.py start DIR` prints its admin URL, exported
  as SCRUTINY_TEST_POSTGRES_URL) and stops it afterwards (`... stop DIR`);
- the `postgres_url` fixture (tests/test_postgres_*.py) uses SCRUTINY_TEST_POSTGRES_URL when set, or else starts
  its own server for the session; it skips, saying why, when PostgreSQL or psycopg is not installed, and fails
  instead under SCRUTINY_REQUIRE_SHARED=1 (CI), like the ../shared tests.
Each test gets a fresh database, dropped afterwards. Only the standard library is needed to start and stop.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV_URL = "SCRUTINY_TEST_POSTGRES_URL"
USER = "scrutiny"


class Unavailable(Exception):
    """PostgreSQL cannot be started here; the message says why."""


def _binary(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                      key=lambda p: [int(x) for x in Path(p).parts[-3].split(".") if x.isdigit()])
    if versions:
        return versions[-1]
    raise Unavailable(f"PostgreSQL's {name} was not found (install Debian's `postgresql` package: "
                      "apt-get install postgresql)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the `postgres` account the Debian package creates."""
    if os.geteuid() != 0:
        return args
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise Unavailable("running as root and there is no `postgres` user to run PostgreSQL as") from None
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *args]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{a}'" for a in args)]


def start(folder: Path, port: int | None = None) -> str:
    """Initialise and start a server with its data in `folder`; returns the admin URL (database `postgres`)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    data, log = folder / "data", folder / "server.log"
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres") if _has_postgres_user() else None
        if entry is not None:
            os.chown(folder, entry.pw_uid, entry.pw_gid)
    port = port or _free_port()
    if not data.exists():
        done = subprocess.run(_as_server_user([initdb, "-D", str(data), "-U", USER, "-A", "trust", "-E", "UTF8",
                                               "--no-sync"]), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise Unavailable(f"initdb failed: {(done.stderr or done.stdout).strip().splitlines()[-1:]}")
    options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off -c max_connections=200"
    done = subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60",
                                           "start"]), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = log.read_text(errors="replace").strip().splitlines()[-3:] if log.exists() else []
        raise Unavailable(f"pg_ctl start failed: {done.stderr.strip() or done.stdout.strip()} {tail}")
    (folder / "port").write_text(str(port))
    return f"postgresql+psycopg://{USER}@127.0.0.1:{port}/postgres"


def stop(folder: Path) -> None:
    """Stop the server started in `folder` (fast shutdown) and remove its data."""
    folder = Path(folder)
    if (folder / "data").exists():
        subprocess.run(_as_server_user([_binary("pg_ctl"), "-D", str(folder / "data"), "-m", "fast", "-w", "stop"]),
                       capture_output=True, text=True, check=False)
    shutil.rmtree(folder, ignore_errors=True)


def _has_postgres_user() -> bool:
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return False
    return True


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def check(url: str, timeout: float = 30.0) -> None:
    """Wait until the server at `url` answers; Unavailable if psycopg is missing or it never does."""
    try:
        import psycopg
    except ImportError:
        raise Unavailable("psycopg is not installed (pip install -e '.[test]' installs psycopg[binary])") from None
    deadline = time.monotonic() + timeout
    while True:
        try:
            with psycopg.connect(_libpq(url), connect_timeout=5):
                return
        except psycopg.OperationalError as exc:
            if time.monotonic() > deadline:
                raise Unavailable(f"PostgreSQL at {url} does not answer: {str(exc).strip().splitlines()[0]}") from None
            time.sleep(0.5)


@contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """A new empty database on the server of `admin_url`, dropped afterwards; yields its SQLAlchemy URL."""
    import psycopg

    name = f"scrutiny_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(admin_url), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = admin_url.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(_libpq(admin_url), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("start", "stop"):
        print("usage: postgres_server.py start|stop FOLDER", file=sys.stderr)
        return 2
    try:
        if argv[1] == "start":
            print(start(Path(argv[2])))
        else:
            stop(Path(argv[2]))
    except Unavailable as exc:
        print(f"PostgreSQL not started: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
