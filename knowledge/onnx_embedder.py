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

A local model folder (SCRUTINY_EMBEDDER_MODEL_DIR, or a model made by `scrutiny tune`) runs the same way when it is a
BERT encoder with mean or CLS pooling (`onnx_ready`); its export is named after the folder, and its identity in an
index is the folder's (`knowledge.model_folder.model_identity`). Other architectures need the sentence-transformers
runtime.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

from knowledge.errors import KnowledgeError
from knowledge.model_folder import (
    PACKAGED_SLUG,
    ModelFolder,
    atomic_write,
    model_identity,
    packaged_folder,
    read_model_folder,
)
from knowledge.model_folder import weights_digest as weights_digest  # re-exported: callers know it from here
from knowledge.model_info import DIMENSION, MODEL_ID

log = logging.getLogger(__name__)

EXPORT_FORMAT = 1  # bump when the exported graph changes (inputs, outputs, opset): every cache exports again
OPSET = 17
MODEL_SLUG = PACKAGED_SLUG
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
# Exported ahead of time by `make install` (python -m knowledge.onnx_embedder): read-only for the embedder.
INSTALL_DIR = Path(sys.prefix) / "share" / "scrutiny" / "models"
_STALE_TEMP_S = 3600  # a temporary export file older than this is a crashed export's leftover
_MAX_EXPORT_ERROR = 1e-4  # largest |onnx - torch| allowed on the check batch (observed ~1e-5)
# Fewer texts than this run on the single-threaded query session: making a second session (~0.15-0.3 s) costs more
# than its threads save on a few dozen short texts (a CLI question embeds indicator names this way).
BATCH_SESSION_MIN_TEXTS = 64


PackagedModel = ModelFolder  # the name this module has always used for the folder it exports


def onnx_ready(model: ModelFolder) -> ModelFolder:
    """`model` if this runtime reproduces it (a BERT encoder, mean or CLS pooling, tokenizer.json), else a one-line
    KnowledgeError that names the other runtime."""
    problems = []
    if model.model_type != "bert":
        problems.append(f"a {model.model_type or 'unknown'} encoder, not BERT")
    if model.pooling not in ("mean", "cls"):
        problems.append(f"{model.pooling} pooling")
    if model.modules[:2] != ("Transformer", "Pooling") or set(model.modules[2:]) - {"Normalize"}:
        problems.append(f"modules {', '.join(model.modules)}")
    if model.lower_case:
        problems.append("do_lower_case")
    if not model.tokenizer.is_file():
        problems.append("no tokenizer.json")
    if problems:
        raise KnowledgeError(f"the ONNX runtime cannot run the model at {model.path} ({'; '.join(problems)}): use "
                             "SCRUTINY_EMBEDDER=sentence-transformers")
    return model


def packaged_model() -> PackagedModel:
    """Locate the packaged model and check it is what this embedder reproduces (mean pooling, then Normalize)."""
    model = packaged_folder()
    if model.pooling != "mean" or model.modules != ("Transformer", "Pooling", "Normalize") \
            or model.dimension != DIMENSION or model.lower_case:
        raise KnowledgeError(f"the packaged model at {model.path} is not mean-pooled, normalised {DIMENSION}-d "
                             f"all-MiniLM-L6-v2 (pooling {model.pooling}, modules {list(model.modules)}): use "
                             "SCRUTINY_EMBEDDER=sentence-transformers")
    return model


def folder_model(path: Path) -> ModelFolder:
    """A local model folder (SCRUTINY_EMBEDDER_MODEL_DIR, a tuned model), checked for this runtime."""
    return onnx_ready(read_model_folder(path))


def export_name(model: PackagedModel, digest: str) -> str:
    """File name of the export for this model (package version or folder) and these weights."""
    return f"{model.slug}-{model.version}-{digest[:16]}-x{EXPORT_FORMAT}.onnx"


def export_onnx(model: PackagedModel, target: Path) -> None:
    """Export the packaged weights to `target` (atomically), after checking the ONNX output against torch's."""
    started = time.perf_counter()
    log.info("exporting %s to ONNX (once per model version) into %s", model.slug, target.parent)
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
            raise KnowledgeError(f"the ONNX export of {model.slug} differs from torch by {error:.2g}; "
                                 "use SCRUTINY_EMBEDDER=sentence-transformers")

    atomic_write(target, write)
    _remove_stale(target, model.slug)
    log.info("exported %s in %.1f s", target.name, time.perf_counter() - started)


def _remove_stale(current: Path, slug: str = MODEL_SLUG) -> None:
    """Delete other exports of this model in the folder, and temporary files crashed exports left behind."""
    now = time.time()
    for path in current.parent.glob(f"{slug}-*.onnx"):
        if path != current:
            path.unlink(missing_ok=True)
    for path in current.parent.glob(f".{slug}-*.tmp"):
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


def ensure_exported(cache_dir: Path, prebuilt: tuple[Path, ...] = (INSTALL_DIR,),
                    model: ModelFolder | None = None) -> tuple[Path, bool]:
    """The ONNX file for `model` (default: the installed package's; exporting it into `cache_dir` if needed) and
    whether it was exported."""
    model = model or packaged_model()
    name = export_name(model, weights_digest(model, cache_dir, prebuilt))
    for folder in (cache_dir, *prebuilt):
        if (folder / name).is_file():
            return folder / name, False
    export_onnx(model, cache_dir / name)
    return cache_dir / name, True


def _pool_normalise(hidden: Any, mask: Any, pooling: str = "mean") -> Any:
    """sentence-transformers' Pooling (mean over the attention mask, or the CLS token) then Normalize, in float32."""
    import numpy as np

    if pooling == "cls":
        pooled = hidden[:, 0, :]
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    weights = mask[:, :, None].astype(np.float32)
    summed = (hidden * weights).sum(axis=1)
    pooled = summed / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return pooled / np.maximum(norms, 1e-12)


class OnnxEmbedder:
    """A sentence-transformers model on ONNX Runtime (the packaged all-MiniLM-L6-v2, or a local model folder);
    exports on first use, loads lazily, thread-safe."""

    name = "onnx"

    # Small batches sorted by token length: 57 chunks per CPU-second at 8, 46 at 32 (corpus chunks, 2 threads).
    def __init__(self, cache_dir: Path, batch_size: int = 8, query_threads: int = 1, batch_threads: int = 0,
                 prebuilt: tuple[Path, ...] = (INSTALL_DIR,), model_dir: Path | None = None) -> None:
        self.cache_dir = Path(cache_dir)
        self.batch_size = batch_size
        # One short query gains nothing from intra-op threads, and spinning threads on a busy 2-core host slow it
        # badly (measured for torch): queries get their own single-threaded session, batches use every core.
        self.query_threads = query_threads
        self.batch_threads = batch_threads
        self.prebuilt = prebuilt
        self.model_dir = Path(model_dir) if model_dir is not None else None
        self.calls = 0
        self.exported = False  # True when this instance ran the export
        self._lock = threading.Lock()
        self._path: Path | None = None
        self._tok: Any = None
        self._sessions: dict[str, Any] = {}
        self._folder: ModelFolder | None = None
        self._model_id: str | None = None if self.model_dir is not None else MODEL_ID

    @property
    def folder(self) -> ModelFolder:
        """The model folder this embedder runs (read and checked once; no torch)."""
        if self._folder is None:
            self._folder = packaged_model() if self.model_dir is None else folder_model(self.model_dir)
        return self._folder

    @property
    def model_id(self) -> str:
        """The model's identity in an index (the packaged id, or the local folder's: `knowledge.model_folder`)."""
        if self._model_id is None:
            self._model_id = model_identity(self.folder, self.cache_dir)
        return self._model_id

    @property
    def dimension(self) -> int:
        """Vector size."""
        return DIMENSION if self.model_dir is None else self.folder.dimension

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
                folder = self.folder
                # A folder holding the packaged weights (a copy) runs the packaged model's export.
                packaged = self.model_dir is None or self.model_id == MODEL_ID
                self._path, self.exported = ensure_exported(self.cache_dir, self.prebuilt,
                                                            None if packaged else folder)
                self._tok = _tokenizer(folder)

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
        return _pool_normalise(hidden, feeds["attention_mask"], self.folder.pooling)

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
