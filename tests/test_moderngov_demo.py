"""`scrutiny demo --moderngov` shows the whole flow offline: a sync with every fault reported, a second sync that
downloads nothing, the question pack for the next meeting with a promise followed up, and a citation linking to
the committee system."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from bot.moderngov.demo import run_moderngov_demo
from moderngov_fixtures.service import onnx_embedder

pytestmark = pytest.mark.slow


def test_the_demo_shows_the_whole_flow(tmp_path: Path) -> None:
    console = Console(record=True, width=220, highlight=False)
    run_moderngov_demo(tmp_path / "home", console=console, embedder=onnx_embedder())
    text = console.export_text()
    first, second = text.split("Second sync")
    assert "new: 15" in first and "failed: 5" in first  # the demo serves no recovery plan: one more 404
    assert "HTTP 500 after 3 attempts" in first and "HTML page was served instead of the PDF" in first
    assert "too large" in first and "HTTP 404 (not found)" in first
    assert "problem: Overview and Scrutiny Committee, meeting 1000" in first and "not well-formed XML" in first
    assert "slow answer" in first and "answered on attempt 2" in first
    assert "0 papers downloaded" in second and "new: 0" in second and "unchanged: 15" in second
    assert "Questions for Overview and Scrutiny Committee, 19 November 2024" in second
    assert "Item 4: Quarter 2 2024-25 Performance Report" in second
    assert "The minutes of the meeting on 24 September 2024 record:" in second
    assert "Kestrel" not in text  # the sample pack's exempt fact: the demo asks as a public channel
    assert "links to http://127.0.0.1:" in second and "mgConvert2PDF.aspx?ID=5001" in second
