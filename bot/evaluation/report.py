"""The evaluation report: pydantic models, and its three renderings (rich table, JSON, Markdown)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from rich.console import Console

Status = Literal["ok", "failed", "skipped", "info"]


class Metric(BaseModel):
    """One measured figure; `required` marks a must-be-met threshold (e.g. 1.0 for citation validity)."""

    name: str
    value: float | None
    threshold: float | None = None
    required: bool = False  # falling short of a required threshold fails the run
    n: int = 0  # how many items the figure is computed over
    unit: str = "share"  # "share" renders as a percentage; anything else as a plain number
    note: str = ""

    @property
    def met(self) -> bool | None:
        """True/False against the threshold; None when there is no threshold or no value."""
        if self.threshold is None or self.value is None:
            return None
        return self.value >= self.threshold - 1e-12

    def shown(self) -> str:
        """The value as a person reads it."""
        if self.value is None:
            return "n/a"
        return f"{self.value:.1%}" if self.unit == "share" else f"{self.value:.3f}".rstrip("0").rstrip(".")


class Section(BaseModel):
    """One part of the report (retrieval, citations, figures, ...), skipped with a reason when it can't run."""

    name: str
    status: Status = "ok"
    reason: str = ""
    metrics: list[Metric] = Field(default_factory=list)
    failures: list[str] = Field(default_factory=list)  # concrete cases behind a shortfall, for the reader
    details: dict[str, Any] = Field(default_factory=dict)

    def finish(self) -> Section:
        """Set status from the required metrics (a skipped or info section keeps its status)."""
        if self.status in ("skipped", "info"):
            return self
        short = [m for m in self.metrics if m.required and m.met is False]
        self.status = "failed" if short else "ok"
        return self


class EvalReport(BaseModel):
    """The whole evaluation run."""

    started: str
    seconds: float = 0.0
    fast: bool
    machine: dict[str, str] = Field(default_factory=dict)
    sections: list[Section] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        """False when any required figure fell short or a required section could not run."""
        return all(s.status != "failed" for s in self.sections)


_MARK = {True: "met", False: "NOT MET", None: ""}


def render_rich(report: EvalReport, console: Console | None = None) -> None:
    """Print the report as a rich table, one row per metric."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console(highlight=False)
    table = Table(title=f"scrutiny eval ({'fast' if report.fast else 'full'}) - {report.seconds:.0f} s",
                  show_lines=False)
    for column in ("section", "metric", "value", "n", "target", ""):
        table.add_column(column)
    for section in report.sections:
        if section.status == "skipped" or not section.metrics:
            table.add_row(section.name, f"[yellow]{section.status}[/]", section.reason, "", "", "")
            continue
        for i, m in enumerate(section.metrics):
            target = "" if m.threshold is None else (f">= {m.threshold:.0%}" if m.unit == "share"
                                                     else f">= {m.threshold:g}")
            mark = _MARK[m.met]
            style = "red" if m.met is False and m.required else ("green" if m.met else "")
            table.add_row(section.name if i == 0 else "", m.name, m.shown(), str(m.n or ""), target,
                          f"[{style}]{mark}[/]" if style else mark)
    console.print(table)
    for section in report.sections:
        for failure in section.failures[:10]:
            console.print(f"[red]{section.name}:[/] {failure}")
    verdict = "[green]PASS[/]" if report.ok else "[red]FAIL: a must-be-100% figure fell short[/]"
    console.print(f"Result: {verdict}")


def to_markdown(report: EvalReport) -> str:
    """The report as Markdown: a table per section, skips with their reason, failures listed."""
    lines = [f"# Evaluation report ({'fast' if report.fast else 'full'})", "",
             f"Run {report.started}, {report.seconds:.0f} s. Result: **{'PASS' if report.ok else 'FAIL'}**.", ""]
    if report.machine:
        lines += ["Machine: " + ", ".join(f"{k}: {v}" for k, v in report.machine.items()), ""]
    for section in report.sections:
        lines.append(f"## {section.name}")
        lines.append("")
        if section.status == "skipped":
            lines += [f"Skipped: {section.reason}", ""]
            continue
        if section.reason:
            lines += [section.reason, ""]
        if section.metrics:
            lines += ["| metric | value | n | target | |", "|---|---|---|---|---|"]
            for m in section.metrics:
                target = "" if m.threshold is None else (f">= {m.threshold:.0%}" if m.unit == "share"
                                                         else f">= {m.threshold:g}")
                note = f" ({m.note})" if m.note else ""
                lines.append(f"| {m.name}{note} | {m.shown()} | {m.n or ''} | {target} | {_MARK[m.met]} |")
            lines.append("")
        if section.failures:
            lines += ["Cases to look at (misses, disagreements):", ""]
            lines += [f"- {f}" for f in section.failures[:50]] + [""]
    return "\n".join(lines)


def atomic_write(path: Path, text: str) -> None:
    """Write text to `path` via a temp file in the same folder and os.replace (never a half-written report)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_report(report: EvalReport, out: Path) -> tuple[Path, Path]:
    """Write report.json and report.md into `out`; return their paths."""
    json_path, md_path = out / "report.json", out / "report.md"
    data = report.model_dump(mode="json")
    data["ok"] = report.ok
    for section, dumped in zip(report.sections, data["sections"], strict=True):
        for metric, m in zip(section.metrics, dumped["metrics"], strict=True):
            m["met"] = metric.met
    atomic_write(json_path, json.dumps(data, indent=2) + "\n")
    atomic_write(md_path, to_markdown(report) + "\n")
    return json_path, md_path
