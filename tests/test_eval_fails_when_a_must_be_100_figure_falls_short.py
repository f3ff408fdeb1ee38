"""`scrutiny eval` returns False (exit 1) when citation validity or figure agreement falls short of 100%."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLE_ONLY = {"figures: sample pack"}  # sample answers: their figures, then every citation in them


def _run(tmp_path: Path, embedder) -> tuple[bool, dict]:
    from rich.console import Console

    from bot.evaluation.runner import run

    report = run(fast=True, out=tmp_path / "out", embedder=embedder, only=SAMPLE_ONLY,
                 console=Console(file=open(tmp_path / "console.txt", "w"), width=200))  # noqa: SIM115
    data = json.loads((tmp_path / "out" / "report.json").read_text())
    assert data["ok"] is report.ok
    return report.ok, {s["name"]: s for s in data["sections"]}


def test_sample_answers_pass_when_nothing_is_corrupted(tmp_path: Path, shared_embedder) -> None:
    ok, sections = _run(tmp_path, shared_embedder)
    assert sections["citation validity"]["metrics"][0]["value"] == 1.0
    assert sections["citation validity"]["metrics"][0]["n"] > 0
    assert sections["figures: sample pack"]["metrics"][0]["value"] == 1.0
    assert ok


def test_a_corrupted_quote_and_a_corrupted_figure_fail_the_run(tmp_path: Path, shared_embedder,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.compose
    import indicators.wording

    real_quote = bot.compose.best_quote
    real_describe = indicators.wording.describe

    def paraphrased(question: str, text: str, limit: int = bot.compose.MAX_QUOTE) -> str:
        return real_quote(question, text, limit).replace(" the ", " the  ", 1) + " (paraphrased)"

    def off_by_a_little(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        sentences, figures = real_describe(*args, **kwargs)
        return sentences, [f.model_copy(update={"value": f.value + 0.1}) if f.label == "comparator median" else f
                           for f in figures]

    monkeypatch.setattr(bot.compose, "best_quote", paraphrased)
    monkeypatch.setattr(indicators.wording, "describe", off_by_a_little)
    ok, sections = _run(tmp_path, shared_embedder)
    assert not ok
    assert sections["citation validity"]["status"] == "failed"
    assert sections["citation validity"]["metrics"][0]["value"] == 0.0
    assert sections["figures: sample pack"]["status"] == "failed"
    assert any("comparator median" in f for f in sections["figures: sample pack"]["failures"])
