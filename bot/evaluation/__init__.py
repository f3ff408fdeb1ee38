"""`scrutiny eval`: the product's quality promises as reproducible numbers (retrieval, citations, figures, ...)."""

from __future__ import annotations

from pathlib import Path


def run_evaluation(fast: bool, out: Path | None) -> bool:
    """Run every evaluation set, print and write report.json + report.md; False if a must-be-100% figure falls short."""
    from bot.evaluation.runner import run

    return run(fast=fast, out=out).ok
