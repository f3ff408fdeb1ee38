"""`scrutiny eval --fast` (what CI runs) completes, writes both reports and passes on the current code."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner


def test_fast_eval_passes_and_writes_json_and_markdown(shared_dir: Path, tmp_path: Path, monkeypatch) -> None:
    from bot.cli import app

    monkeypatch.setenv("SCRUTINY_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COLUMNS", "200")
    result = CliRunner().invoke(app, ["eval", "--fast", "--out", str(tmp_path / "out")])
    data = json.loads((tmp_path / "out" / "report.json").read_text())
    names = [s["name"] for s in data["sections"]]
    failures = [(s["name"], s["reason"], s["failures"][:5]) for s in data["sections"] if s["status"] == "failed"]
    assert result.exit_code == 0, failures
    assert data["ok"] is True and data["fast"] is True
    for name in ("retrieval: sample pack", "retrieval: ../shared/corpus", "figures: sample pack",
                 "question understanding", "challenge questions: sample council", "figures: challenge questions",
                 "figures: briefing notes", "figures: ../shared/data", "question understanding: blind set",
                 "citation validity", "citation validity: ../shared/corpus"):
        assert name in names
    assert all(s["status"] == "ok" for s in data["sections"])
    assert "# Evaluation report (fast)" in (tmp_path / "out" / "report.md").read_text()
