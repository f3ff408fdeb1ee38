"""`scrutiny demo` builds a fresh home from the sample pack and every worked example gives a real, sourced result."""

from __future__ import annotations

from pathlib import Path


def test_demo_builds_a_home_and_answers_every_example(tmp_path: Path, shared_embedder) -> None:
    from rich.console import Console

    from bot.demo import EXAMPLES, run_demo
    from bot.sample_pack.facts import RESTRICTED_FACT

    console = Console(record=True, width=120, color_system=None)
    home = run_demo(tmp_path / "demo-home", console=console, embedder=shared_embedder)
    shown = console.export_text()

    for title, _question in EXAMPLES:
        assert title in shown
    assert "Council Plan 2024-2028" in shown  # the documents table and the plan citation
    assert "96.2%" in shown  # council tax collection, from the sample data
    assert "Eastmere District Council" in shown  # the follow-up conversation
    assert "I don't know" in shown  # the out-of-scope example declines rather than guesses
    # The restricted fact is shown once, in the restricted-channel example only.
    public_part, restricted_part = shown.split("In a restricted channel:")
    assert RESTRICTED_FACT not in public_part.split("Restricted (exempt) documents")[1]
    restricted_answer, afterwards = restricted_part.split("Challenge questions for a chair")
    assert RESTRICTED_FACT in restricted_answer
    assert RESTRICTED_FACT not in afterwards  # questions and the note are drafted for a public channel
    assert (home / "charts" / "council-tax-collection.png").stat().st_size > 5_000
    assert (home / "briefing-waste-and-recycling.docx").stat().st_size > 5_000
