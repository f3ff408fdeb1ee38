"""Every setting the product reads is named in the README's settings table (the retrieval ones were added with
issue 14; a setting nobody can find is a setting nobody can use)."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    names = []
    for field in Settings.model_fields.values():
        alias = field.validation_alias
        choices = getattr(alias, "choices", None)
        if choices:
            names.append(str(choices[0]))
    assert "SCRUTINY_EMBEDDER_MODEL_DIR" in names and "SCRUTINY_RERANKER_DIR" in names
    missing = [n for n in names if f"`{n}`" not in text]
    assert not missing, f"settings missing from README.md: {missing}"
