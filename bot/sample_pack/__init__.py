"""The fictional Northbridge District Council sample pack: documents and indicator data for demos and tests."""

from __future__ import annotations

from pathlib import Path

PACK_DIR = Path(__file__).resolve().parent
DOCUMENTS_DIR = PACK_DIR / "documents"
DATA_DIR = PACK_DIR / "data"
MANIFEST = DOCUMENTS_DIR / "manifest.yaml"
INDICATORS_CSV = DATA_DIR / "indicators.csv"
META_CSV = DATA_DIR / "indicator_meta.csv"
GROUPS_CSV = DATA_DIR / "nearest_neighbours.csv"
