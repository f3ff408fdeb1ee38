"""The ONNX export: made once, atomically (a failed export leaves nothing behind), reused by the next process,
made again for a new package version; and the embed path never imports torch or sentence-transformers."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import model_folder, onnx_embedder
from knowledge.embedding import make_embedder
from knowledge.onnx_embedder import OnnxEmbedder, ensure_exported, export_name, packaged_model


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A cache folder with a real export made by OnnxEmbedder (no install-time copy consulted)."""
    cache = tmp_path_factory.mktemp("export") / "models"
    embedder = OnnxEmbedder(cache, prebuilt=())
    assert len(embedder.embed_query("council tax collection")) == 384
    assert embedder.exported
    return cache, embedder.model_path


def test_export_writes_one_keyed_file_and_no_temporary(exported: tuple[Path, Path]) -> None:
    cache, path = exported
    model = packaged_model()
    assert path.parent == cache and path.name.endswith(".onnx")
    assert model.version in path.name, "the file name carries the package version"
    assert path.name == export_name(model, onnx_embedder.weights_digest(model, cache))
    assert _files(cache) == sorted([path.name, "weights-digest.json"]), "a temporary file was left behind"


def test_second_construction_reuses_the_export(exported: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    cache, path = exported
    before = path.stat()

    def no_export(*_args: object) -> None:
        raise AssertionError("exported again although the file exists")

    monkeypatch.setattr(onnx_embedder, "export_onnx", no_export)
    # Nor is the 90 MB weights file hashed again: its digest is remembered against its stat.
    monkeypatch.setattr(model_folder.hashlib, "sha256", lambda *a: pytest.fail("weights hashed again"))
    again = OnnxEmbedder(cache, prebuilt=())
    assert len(again.embed_documents(["one", "two"])) == 2
    assert not again.exported
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_prebuilt_export_is_used_without_writing_the_data_directory(exported: tuple[Path, Path],
                                                                      tmp_path: Path) -> None:
    install, path = exported
    home_models = tmp_path / "home" / "models"
    found, made = ensure_exported(home_models, prebuilt=(install,))
    assert (found, made) == (path, False)


def test_a_new_package_version_exports_again(exported: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    cache, old = exported
    newer = dataclasses.replace(packaged_model(), version="99.0.0")
    monkeypatch.setattr(onnx_embedder, "packaged_model", lambda: newer)
    made: list[Path] = []
    monkeypatch.setattr(onnx_embedder, "export_onnx", lambda model, target: made.append(target))
    path, exported_now = ensure_exported(cache, prebuilt=())
    assert exported_now and made == [path] and "99.0.0" in path.name and path != old


def test_a_failed_export_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import torch

    def crash(_model: object, _args: object, f: str, **_kw: object) -> None:
        Path(f).write_bytes(b"half an onnx file")  # as a crash mid-write would
        raise RuntimeError("exporter crashed")

    monkeypatch.setattr(torch.onnx, "export", crash)
    cache = tmp_path / "models"
    with pytest.raises(RuntimeError, match="exporter crashed"):
        OnnxEmbedder(cache, prebuilt=()).embed_query("anything")
    assert not [n for n in _files(cache) if n != "weights-digest.json"], _files(cache)


def test_make_embedder_picks_the_kind(tmp_path: Path) -> None:
    from knowledge.embedder import Embedder, SentenceTransformerEmbedder
    from knowledge.errors import KnowledgeError

    assert isinstance(make_embedder("onnx", tmp_path), OnnxEmbedder)
    assert isinstance(make_embedder("sentence-transformers", tmp_path), SentenceTransformerEmbedder)
    assert Embedder is SentenceTransformerEmbedder
    with pytest.raises(KnowledgeError, match="unknown embedder 'bert'"):
        make_embedder("bert", tmp_path)


def test_the_embed_path_imports_neither_torch_nor_sentence_transformers(exported: tuple[Path, Path]) -> None:
    cache, _ = exported
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from knowledge.embedding import make_embedder\n"
        f"e = make_embedder('onnx', Path({str(cache)!r}))\n"
        "assert len(e.embed_query('recycling rate')) == 384\n"
        "assert len(e.embed_documents(['a passage', 'another passage'])) == 2\n"
        "print(','.join(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"imported on the ONNX embed path: {out.stdout.strip()}"
