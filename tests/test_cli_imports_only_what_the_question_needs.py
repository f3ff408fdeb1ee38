"""A command-line answer loads only what its question needs: an indicator question neither Chroma nor an embedding
runtime; no question torch or sentence-transformers (the ONNX embedder answers document questions); a document
question not pandas (the indicators' metadata is JSON) nor matplotlib."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from typer.testing import CliRunner
from bot.cli import app
result = CliRunner().invoke(app, ["ask", sys.argv[1], "--json"])
heavy = [m for m in ("torch", "sentence_transformers", "transformers", "chromadb", "onnxruntime", "matplotlib",
                   "pandas") if m in sys.modules]
print(json.dumps({"code": result.exit_code, "kind": json.loads(result.stdout)["kind"] if result.exit_code == 0
                  else result.output, "heavy": heavy}))
"""


def _probe(home, question: str) -> dict:
    env = {**os.environ, "SCRUTINY_HOME": str(home), "SCRUTINY_AREA": "E07999001"}
    env.pop("SCRUTINY_EMBEDDER", None)
    done = subprocess.run([sys.executable, "-c", PROBE, question], capture_output=True, text=True, timeout=300,
                          env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_an_indicator_question_loads_no_vector_store_or_embedder(sample_home) -> None:
    got = _probe(sample_home.home, "How has our household recycling rate changed since 2019?")
    assert got["code"] == 0 and got["kind"] == "indicator"
    assert got["heavy"] == ["pandas"]  # the analysis reads the values with pandas; nothing else heavy


@pytest.mark.slow
def test_a_document_question_uses_onnx_not_torch(sample_home) -> None:
    got = _probe(sample_home.home, "What are the council plan's priorities?")
    assert got["code"] == 0 and got["kind"] == "document"
    assert "onnxruntime" in got["heavy"] and "chromadb" in got["heavy"]
    # Reading the question uses the indicators' metadata only, so pandas stays unloaded too.
    assert not {"torch", "sentence_transformers", "transformers", "matplotlib", "pandas"} & set(got["heavy"])


def test_the_embedder_setting_is_validated() -> None:
    from bot.settings import SettingsError, load_settings

    assert load_settings(embedder="sentence-transformers").embedder == "sentence-transformers"
    with pytest.raises(SettingsError, match="SCRUTINY_EMBEDDER"):
        load_settings(embedder="word2vec")
