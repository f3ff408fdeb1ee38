"""`scrutiny --help` must start fast: importing the CLI pulls in no heavy library."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("torch", "chromadb", "pandas", "matplotlib", "sentence_transformers", "numpy", "sqlalchemy", "slack_bolt")


def test_importing_the_cli_imports_no_heavy_library() -> None:
    code = (
        "import sys, bot.cli\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"heavy modules imported at CLI start-up: {out.stdout.strip()}"


def test_help_lists_every_command_and_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from bot.cli import app\n"
        "r = CliRunner().invoke(app, ['--help'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(r.output)\n"
        f"print('HEAVY:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    for command in ("ingest", "docs", "ask", "trend", "questions", "brief", "serve", "demo", "eval", "indicators"):
        assert command in out.stdout
    assert out.stdout.strip().endswith("HEAVY:")
