"""Sections over ../shared skip with a reason when it is absent, and fail when SCRUTINY_REQUIRE_SHARED=1."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from bot.evaluation import runner
from bot.evaluation.runner import EvalContext, real_figures, retrieval_corpus, understanding


def _ctx(tmp_path: Path) -> EvalContext:
    return EvalContext(fast=True, work=tmp_path, embedder=None, shared=None, console=Console(file=None))


@pytest.mark.parametrize("section", [retrieval_corpus, real_figures, understanding])
def test_absent_shared_skips_with_a_reason(section, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCRUTINY_REQUIRE_SHARED", raising=False)
    monkeypatch.setenv("SCRUTINY_SHARED", str(tmp_path / "nowhere"))
    result = section(_ctx(tmp_path))
    assert result.status == "skipped"
    assert "nowhere" in result.reason


@pytest.mark.parametrize("section", [retrieval_corpus, real_figures, understanding])
def test_absent_shared_fails_when_required(section, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRUTINY_REQUIRE_SHARED", "1")
    monkeypatch.setenv("SCRUTINY_SHARED", str(tmp_path / "nowhere"))
    result = section(_ctx(tmp_path))
    assert result.status == "failed"
    assert "SCRUTINY_REQUIRE_SHARED=1" in result.reason


def test_shared_is_found_beside_the_repo(shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCRUTINY_SHARED", raising=False)
    assert runner.shared_dir() == (shared_dir, "")
