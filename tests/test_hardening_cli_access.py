"""Issue 15, problem 2: the command line uses public documents only, unless the operator passes
`--include-restricted` (the trusted mode), on ask, trend, questions and brief."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.sample_pack import facts

REPO = Path(__file__).resolve().parents[1]
QUESTION = "What is proposed for the disposal of surplus depot land?"


def _scrutiny(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCRUTINY_HOME": str(home), "SCRUTINY_AREA": "E07999001", "NO_COLOR": "1",
           "COLUMNS": "200"}
    env.pop("SCRUTINY_LLM", None)
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=300, check=False)


def _leaks(text: str) -> list[str]:
    return [p for p in facts.RESTRICTED_PHRASES if p in text]


def test_ask_uses_public_documents_unless_include_restricted(sample_home) -> None:
    public = _scrutiny(sample_home.home, "ask", QUESTION, "--json")
    assert public.returncode == 0, public.stderr
    answer = json.loads(public.stdout)
    assert _leaks(public.stdout) == [], answer
    assert all("restricted" not in c["path"] for c in answer["citations"])

    trusted = _scrutiny(sample_home.home, "ask", QUESTION, "--json", "--include-restricted")
    assert trusted.returncode == 0, trusted.stderr
    assert facts.RESTRICTED_FACT in trusted.stdout  # the operator's trusted mode does see the exempt report

    text = _scrutiny(sample_home.home, "ask", QUESTION)
    assert text.returncode == 0 and _leaks(text.stdout) == []


def test_questions_and_trend_use_public_documents_unless_include_restricted(sample_home) -> None:
    args = ("questions", "--topic", "surplus depot land disposal", "--json")
    public = _scrutiny(sample_home.home, *args)
    assert public.returncode == 0, public.stderr
    assert _leaks(public.stdout) == []
    trusted = _scrutiny(sample_home.home, *args, "--include-restricted")
    assert trusted.returncode == 0, trusted.stderr
    assert _leaks(trusted.stdout), "the trusted mode should reach the exempt report on its own topic"

    trend = _scrutiny(sample_home.home, "trend", "council_tax_collection", "--json")
    assert trend.returncode == 0 and _leaks(trend.stdout) == []
    assert _scrutiny(sample_home.home, "trend", "council_tax_collection", "--json",
                     "--include-restricted").returncode == 0


@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_brief_uses_public_documents_unless_include_restricted(sample_home, tmp_path: Path, suffix: str) -> None:
    def note_text(path: Path) -> str:
        if suffix == ".md":
            return path.read_text(encoding="utf-8")
        import zipfile

        with zipfile.ZipFile(path) as docx:
            return "\n".join(docx.read(n).decode("utf-8", "replace") for n in docx.namelist() if n.endswith(".xml"))

    public_note, trusted_note = tmp_path / f"public{suffix}", tmp_path / f"trusted{suffix}"
    done = _scrutiny(sample_home.home, "brief", "--topic", "surplus depot land disposal", "--out", str(public_note))
    assert done.returncode == 0, done.stderr
    assert _leaks(note_text(public_note)) == []
    done = _scrutiny(sample_home.home, "brief", "--topic", "surplus depot land disposal", "--out",
                     str(trusted_note), "--include-restricted")
    assert done.returncode == 0, done.stderr
    assert _leaks(note_text(trusted_note)), "the trusted mode should reach the exempt report on its own topic"


def test_help_documents_the_trusted_mode() -> None:
    for command in ("ask", "trend", "questions", "brief"):
        done = subprocess.run([sys.executable, "-m", "bot.cli", command, "--help"], capture_output=True, text=True,
                              env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}, cwd=REPO, timeout=60,
                              check=False)
        assert done.returncode == 0 and "--include-restricted" in done.stdout, command
        assert "Trusted mode" in done.stdout, command
