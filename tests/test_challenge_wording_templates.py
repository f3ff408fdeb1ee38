"""Every challenge and briefing wording template renders with sample values, and every one is used by the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.challenge import load_question_bank
from prompts.templates import TemplateError, load_templates, placeholders

REPO = Path(__file__).resolve().parents[1]
WORDING = ["challenge_lines.yaml", "briefing_note.yaml", "terms.yaml"]
CODE = [*sorted((REPO / "bot" / "challenge").glob("*.py")), *sorted((REPO / "bot" / "briefing").glob("*.py"))]


def _sample(names: set[str]) -> dict[str, str]:
    return {name: f"<{name}>" for name in names}


@pytest.mark.parametrize("name", WORDING)
def test_every_template_renders_without_leftover_placeholders(name: str) -> None:
    templates = load_templates(name)
    assert templates.keys()
    for key in templates.keys():
        text = templates.fill(key, **_sample(placeholders(templates.text(key))))
        assert not re.search(r"[{}]", text), (key, text)


def test_every_question_bank_template_renders() -> None:
    for template in load_question_bank():
        text = template.render(_sample(template.fields))
        assert not re.search(r"[{}]", text), (template.id, text)


@pytest.mark.parametrize("name", WORDING)
def test_every_template_is_used_by_the_code(name: str) -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in CODE)
    templates = load_templates(name)
    # Keys the note's renderers reach through the mapping (headings, empty-section texts) rather than by name.
    mapped = {k for k in templates.keys() if k.startswith("headings.")}
    for key in set(templates.keys()) - mapped:
        assert f'"{key}"' in source or f"'{key}'" in source, key


def test_a_missing_placeholder_is_a_one_line_error() -> None:
    templates = load_templates("challenge_lines.yaml")
    with pytest.raises(TemplateError, match="missed_target.summary.*needs"):
        templates.fill("missed_target.summary", indicator="x")
    with pytest.raises(TemplateError, match="no wording"):
        templates.text("no.such.key")


def test_a_missed_target_is_worded_without_a_direction() -> None:
    # "Residual waste below target" said the opposite of the truth for a measure where lower is better (blind review).
    templates = load_templates("challenge_lines.yaml")
    for key in ("missed_target.title", "output_action.below_target"):
        text = templates.fill(key, **_sample(placeholders(templates.text(key))))
        assert "below" not in text and "above" not in text and "missing its target" in text, (key, text)
