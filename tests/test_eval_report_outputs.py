"""The evaluation report: a required figure short of its threshold fails the run, and JSON/Markdown say so."""

from __future__ import annotations

import json
from pathlib import Path

from bot.evaluation.report import EvalReport, Metric, Section, to_markdown, write_report


def _report(citation_share: float) -> EvalReport:
    return EvalReport(started="2024-01-01T00:00:00+00:00", fast=True, sections=[
        Section(name="retrieval: ../shared/corpus", status="skipped", reason="../shared not found"),
        Section(name="retrieval: sample pack", metrics=[Metric(name="hybrid recall@5", value=0.5)]).finish(),
        Section(name="citation validity", metrics=[
            Metric(name="quotes verbatim", value=citation_share, threshold=1.0, required=True, n=40)]).finish(),
    ])


def test_a_required_metric_below_threshold_fails_the_report(tmp_path: Path) -> None:
    report = _report(39 / 40)
    assert not report.ok
    json_path, md_path = write_report(report, tmp_path)
    data = json.loads(json_path.read_text())
    assert data["ok"] is False
    assert data["sections"][2]["status"] == "failed"
    assert data["sections"][2]["metrics"][0]["met"] is False
    markdown = md_path.read_text()
    assert "**FAIL**" in markdown and "NOT MET" in markdown and "97.5%" in markdown
    assert "Skipped: ../shared not found" in markdown


def test_a_report_with_every_required_metric_met_passes(tmp_path: Path) -> None:
    report = _report(1.0)
    assert report.ok  # a skipped section and a metric without threshold do not fail it
    json_path, _ = write_report(report, tmp_path)
    assert json.loads(json_path.read_text())["ok"] is True
    assert "**PASS**" in to_markdown(report)


def test_writing_replaces_the_old_report_whole(tmp_path: Path) -> None:
    write_report(_report(0.5), tmp_path)
    write_report(_report(1.0), tmp_path)
    assert json.loads((tmp_path / "report.json").read_text())["ok"] is True
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "report.md"]
