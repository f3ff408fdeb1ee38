"""Shared fixtures: the ../shared material, gated so outside users skip and CI fails loudly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def _shared_or_skip() -> Path:
    if (SHARED / "corpus").is_dir() and (SHARED / "data").is_dir():
        return SHARED
    if os.environ.get("SCRUTINY_REQUIRE_SHARED") == "1":
        pytest.fail(f"SCRUTINY_REQUIRE_SHARED=1 but {SHARED} (corpus/ and data/) is missing")
    pytest.skip(f"../shared not found at {SHARED}: real corpus and data tests need it")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """Path to ../shared; skips (or fails under SCRUTINY_REQUIRE_SHARED=1) when absent."""
    return _shared_or_skip()


@pytest.fixture(autouse=True)
def _offline_models(monkeypatch: pytest.MonkeyPatch) -> None:
    # Nothing may be fetched from a model hub during tests.
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
