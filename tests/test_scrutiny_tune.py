"""`scrutiny tune` on a small real home (the sample pack): one training step, the index re-embedded with the tuned
model, which every process using the home then embeds with (through the model-folder embedder); `--undo` goes back
to the packaged model and deletes the tuned one. The real model is trained (a single step keeps the test short)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from knowledge.base import KnowledgeBase
from knowledge.embedding import MODEL_ID
from knowledge.errors import KnowledgeError
from knowledge.model_folder import tuned_model_dir, tuned_record_path

QUESTION = "What are the council plan's priorities?"


@pytest.fixture()
def home(tmp_path: Path, shared_embedder, monkeypatch: pytest.MonkeyPatch) -> Path:
    from bot.demo import prepare_home

    home = tmp_path / "home"
    prepare_home(home, embedder=shared_embedder)
    monkeypatch.setenv("SCRUTINY_HOME", str(home))
    monkeypatch.setenv("SCRUTINY_AREA", "E07999001")
    for name in ("SCRUTINY_EMBEDDER", "SCRUTINY_EMBEDDER_MODEL_DIR", "SCRUTINY_EMBEDDINGS_URL", "SCRUTINY_LLM"):
        monkeypatch.delenv(name, raising=False)
    return home


def _ask(runner: CliRunner) -> dict:
    result = runner.invoke(app, ["ask", QUESTION, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.slow
def test_tune_then_undo(home: Path, shared_embedder) -> None:
    runner = CliRunner()
    chunks = len(KnowledgeBase(home, embedder=shared_embedder).registry.chunks())
    result = runner.invoke(app, ["tune", "--steps", "1"])
    assert result.exit_code == 0, result.output
    assert "Tuning the model" in result.output and "Embedding chunks" in result.output, "progress is shown"
    assert "on 16 pairs" in result.output and "(1 steps" in result.output
    assert f"re-embedded {chunks} chunks" in result.output and "scrutiny tune --undo" in result.output
    tuned = tuned_model_dir(home)
    assert tuned is not None and tuned.parent == home / "models" / "tuned" and (tuned / "modules.json").is_file()
    # Every process using the home now embeds with the tuned model (ONNX runtime, the folder's own export).
    kb = KnowledgeBase(home)
    assert kb.embedder.name == "onnx" and kb.embedder.model_id.startswith(f"local/{tuned.name}@")
    assert kb.vectors.recorded().model == kb.embedder.model_id
    assert sorted(kb.vectors.ids()) == sorted(c.chunk_id for c in kb.registry.chunks())
    assert list((home / "models").glob("local-*.onnx"))
    assert _ask(runner)["citations"], "the tuned home answers document questions"
    # The sentence-transformers runtime runs the tuned folder alike (same truncation, pooling and identity).
    from knowledge.embedding import make_embedder

    st = make_embedder("sentence-transformers", home / "models", model_dir=tuned)
    long_text = " ".join(kb.source_text(d.doc_id)[:3000] for d in kb.documents()[:1])
    for text in (QUESTION, long_text):
        a, b = st.embed_query(text), kb.embedder.embed_query(text)
        assert sum(x * y for x, y in zip(a, b, strict=True)) > 0.9999
    assert st.model_id == kb.embedder.model_id
    # A process still embedding with the packaged model is refused with the usual one-line message.
    with pytest.raises(KnowledgeError, match="not comparable: run `scrutiny doctor`"):
        KnowledgeBase(home, embedder=shared_embedder).search(QUESTION)

    result = runner.invoke(app, ["tune", "--undo"])
    assert result.exit_code == 0, result.output
    assert "Back to the packaged model" in result.output and str(tuned) in result.output
    assert tuned_model_dir(home) is None and not tuned_record_path(home).exists() and not tuned.exists()
    assert not list((home / "models").glob("local-*"))
    kb = KnowledgeBase(home, embedder=shared_embedder)
    assert kb.vectors.recorded().model == MODEL_ID
    assert kb.search(QUESTION), "the packaged model's process searches the home again"
    assert _ask(runner)["citations"]


def test_tune_refuses_what_it_cannot_tune(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    monkeypatch.setenv("SCRUTINY_EMBEDDINGS_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("SCRUTINY_EMBEDDINGS_MODEL", "m")
    result = runner.invoke(app, ["tune"])
    assert result.exit_code == 2 and "SCRUTINY_EMBEDDINGS_URL is set" in result.output
    monkeypatch.delenv("SCRUTINY_EMBEDDINGS_URL")
    monkeypatch.delenv("SCRUTINY_EMBEDDINGS_MODEL")
    monkeypatch.setenv("SCRUTINY_HOME", str(tmp_path / "empty"))
    result = runner.invoke(app, ["tune", "--steps", "1"])
    assert result.exit_code == 1 and "nothing to tune on" in result.output
    assert len([line for line in result.output.splitlines() if line.startswith("error")]) == 1
    # A record whose model was deleted by hand: said in one line, and --undo is the way out.
    monkeypatch.setenv("SCRUTINY_HOME", str(home))
    record = tuned_record_path(home)
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps({"model_dir": str(tmp_path / "gone")}))
    result = runner.invoke(app, ["ask", QUESTION])
    assert result.exit_code == 1 and "is missing: run `scrutiny tune --undo`" in result.output
    result = runner.invoke(app, ["tune", "--undo"])
    assert result.exit_code == 0, result.output
    assert not record.exists() and _ask(runner)["citations"]
