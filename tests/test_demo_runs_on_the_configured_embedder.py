"""`scrutiny demo` embeds with the runtime the settings choose: ONNX by default, so it never imports torch.

It used to build its own sentence-transformers embedder whatever SCRUTINY_EMBEDDER said, paying ~4 s for torch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import io, json, sys
from pathlib import Path
from rich.console import Console
from bot.demo import run_demo
run_demo(Path(sys.argv[1]), console=Console(file=io.StringIO(), width=120))
from knowledge.base import KnowledgeBase
print(json.dumps({"torch": "torch" in sys.modules, "sentence_transformers": "sentence_transformers" in sys.modules,
                  "onnxruntime": "onnxruntime" in sys.modules}))
"""


@pytest.mark.slow
def test_the_demo_uses_onnx_and_never_imports_torch_by_default(tmp_path: Path) -> None:
    env = {**os.environ}
    env.pop("SCRUTINY_EMBEDDER", None)
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "demo-home")], capture_output=True, text=True,
                          timeout=600, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got == {"torch": False, "sentence_transformers": False, "onnxruntime": True}
