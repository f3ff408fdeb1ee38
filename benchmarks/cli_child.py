"""`scrutiny ARGS...` run in this process exactly as the console script runs it, reporting what the run loaded.

    SCRUTINY_EMBEDDER=onnx SCRUTINY_BENCH_REPORT=out.json python benchmarks/cli_child.py ask "question" --json

Used by benchmarks/cold_start.py for each timed new process. SCRUTINY_EMBEDDER (onnx | sentence-transformers) is
also made the knowledge base's default embedder, so the benchmark compares both embedders even before the CLI reads
that setting itself; when it does, its own choice wins. At exit the JSON report lists the embedder kinds built
through knowledge.embedding.make_embedder, which heavy modules were imported and whether bot.settings has an
embedder setting (benchmarks/cold_start.py measures time and peak RSS from outside).
"""

from __future__ import annotations

import atexit
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WATCHED = ("torch", "sentence_transformers", "transformers", "onnxruntime", "tokenizers", "chromadb", "pandas",
           "matplotlib", "numpy")


def main() -> None:
    """Run the CLI with the arguments given; the report is written even when it exits with an error."""
    sys.path.insert(0, str(REPO))
    from knowledge import embedding

    kind = os.environ.get("SCRUTINY_EMBEDDER")
    if kind:
        embedding.DEFAULT_EMBEDDER = kind  # type: ignore[assignment]
    made: list[str] = []
    original = embedding.make_embedder

    def recording(kind: str = embedding.DEFAULT_EMBEDDER, cache_dir: Path | None = None,
                  **options: object) -> embedding.Embedder:
        made.append(kind)
        return original(kind, cache_dir, **options)  # type: ignore[arg-type]

    embedding.make_embedder = recording  # type: ignore[assignment]

    def report() -> None:
        target = os.environ.get("SCRUTINY_BENCH_REPORT")
        if not target:
            return
        settings = sys.modules.get("bot.settings")
        fields = getattr(getattr(settings, "Settings", None), "model_fields", {}) or {}
        Path(target).write_text(json.dumps({
            "requested": kind, "embedders_made": made,
            "imported": [m for m in WATCHED if m in sys.modules],
            "settings_has_embedder": any("embedder" in name for name in fields),
        }), encoding="utf-8")

    atexit.register(report)
    from bot.cli import main as cli

    sys.argv = ["scrutiny", *sys.argv[1:]]
    sys.exit(cli())


if __name__ == "__main__":
    main()
