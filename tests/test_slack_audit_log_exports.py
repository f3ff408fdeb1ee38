"""The audit log records every request with its sources and feedback, shared across workers, exported to CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.audit import CSV_COLUMNS, AuditLog
from bot.models import Citation


def _url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'db' / 'scrutiny.db'}"


def test_records_feedback_and_exports_csv(tmp_path: Path) -> None:
    log = AuditLog(_url(tmp_path))
    cites = [Citation(id=1, source="Council Plan", path="plan.pdf", locator="p. 4", quote="Raise recycling"),
             Citation(id=2, source="Council Plan", path="plan.pdf", locator="p. 4", quote="again"),
             Citation(id=3, source="Peer challenge", path="pc.pdf", locator="§ 2", quote="Recommendation 4")]
    first = log.record(user="U1", channel="C1", request="How is recycling?", entry="mention", answer_kind="mixed",
                       citations=cites, thread_ts="1.1")
    second = log.record(user="U2", channel="D2", request="ask: x", entry="slash", outcome="rate_limited")
    assert log.feedback(first, "U1", 1) and log.feedback(first, "U3", -1)
    assert log.feedback(first, "U1", -1)  # a second vote replaces the first
    assert not log.feedback(9999, "U1", 1)
    with pytest.raises(ValueError):
        log.feedback(first, "U1", 2)

    # A second worker on the same database sees the same log.
    other = AuditLog(_url(tmp_path))
    entry = other.get(first)
    assert entry is not None and entry.feedback == {"U1": -1, "U3": -1}
    assert entry.sources == ["Council Plan (p. 4)", "Peer challenge (§ 2)"]
    assert other.count() == 2

    out = tmp_path / "exports" / "audit.csv"
    out.parent.mkdir()
    out.write_text("stale")
    assert other.export_csv(out) == 2
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == CSV_COLUMNS
    assert rows[0]["id"] == str(first) and rows[0]["user"] == "U1" and rows[0]["channel"] == "C1"
    assert rows[0]["request"] == "How is recycling?" and rows[0]["answer_kind"] == "mixed"
    assert rows[0]["sources"] == "Council Plan (p. 4); Peer challenge (§ 2)"
    assert (rows[0]["feedback_up"], rows[0]["feedback_down"], rows[0]["feedback"]) == ("0", "2", "U1:-1; U3:-1")
    assert rows[0]["time_utc"].endswith("+00:00")
    assert rows[1]["id"] == str(second) and rows[1]["outcome"] == "rate_limited" and rows[1]["sources"] == ""
    assert not [p for p in out.parent.iterdir() if p.name != "audit.csv"]  # no temp file left behind


def test_cli_audit_export_writes_the_csv(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = _url(tmp_path)
    AuditLog(url).record(user="U1", channel="C1", request="What did the peer challenge say?", entry="dm",
                         answer_kind="document")
    out = tmp_path / "audit.csv"
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": url, "SCRUTINY_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-m", "bot.cli", "audit", "export", "--out", str(out)], env=env,
                          cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "1 audit records" in done.stdout
    assert "What did the peer challenge say?" in out.read_text(encoding="utf-8")
