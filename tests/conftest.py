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


@pytest.fixture(scope="session")
def shared_embedder(tmp_path_factory: pytest.TempPathFactory):
    """One embedder for the whole session: the product's default, ONNX Runtime (no torch import).

    SCRUTINY_EMBEDDER=sentence-transformers runs the suite on the other runtime, so the two can be timed and compared.
    """
    from knowledge.embedding import make_embedder

    kind = os.environ.get("SCRUTINY_EMBEDDER", "onnx")
    return make_embedder(kind, tmp_path_factory.mktemp("onnx-models"))


@pytest.fixture(scope="session")
def st_embedder():
    """The sentence-transformers embedder, for tests that compare against it or need its torch model."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from knowledge.embedder import Embedder

    return Embedder()


@pytest.fixture(scope="session")
def sample_home(tmp_path_factory: pytest.TempPathFactory, shared_embedder):
    """A data directory built once per session from the fictional sample pack; treat it as read-only.

    Returns the Settings for it (home, area E07999001, no LLM). Tests that change stored data copy it first.
    """
    from bot.demo import prepare_home

    return prepare_home(tmp_path_factory.mktemp("sample-home"), embedder=shared_embedder)


@pytest.fixture(scope="session")
def sample_assistant(sample_home, shared_embedder):
    """An Assistant over the sample home, shared by the session (no LLM)."""
    from bot.assistant import Assistant

    return Assistant(sample_home, embedder=shared_embedder)


@pytest.fixture(scope="session")
def real_assistant(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory, shared_embedder):
    """An Assistant over a home holding the real Oflog adult social care and LGBF data (no LLM, no documents),
    built once per session; treat it as read-only."""
    from bot.assistant import Assistant
    from bot.settings import load_settings
    from indicators.store import IndicatorStore

    home = tmp_path_factory.mktemp("real-data") / "home"
    store = IndicatorStore(home)
    store.import_file(shared_dir / "data" / "oflog_asc" / "asc_data.csv", fmt="oflog")
    store.import_file(shared_dir / "data" / "lgbf", fmt="lgbf")
    return Assistant(load_settings(home=home, llm=None, chroma_host=None), embedder=shared_embedder)
