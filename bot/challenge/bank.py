"""The challenge-question bank (prompts/question_bank.yaml) and the service families (prompts/topics.yaml)."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from bot.challenge.models import LineKind, QuestionType
from bot.challenge.text import phrase
from bot.errors import AssistantError
from bot.llm import PROMPTS_DIR
from prompts.templates import placeholders

__all__ = ["QuestionTemplate", "TopicFamilies", "load_question_bank", "load_topic_families"]

# Service family name -> (topic words, indicator terms), each a lower-case phrase.
TopicFamilies = dict[str, tuple[list[str], list[str]]]


class QuestionTemplate(BaseModel):
    """One entry of prompts/question_bank.yaml."""

    id: str
    theme: str
    type: QuestionType
    template: str
    applies_to: list[LineKind]
    max_uses: int = 2  # at most this many questions in one list from this template (a stock ask, not repeated)
    requires: list[str] = []  # facts the line must have beyond the placeholders (e.g. "who": resident-facing)

    @property
    def fields(self) -> set[str]:
        """The facts the template needs: its placeholders and what it `requires`."""
        return placeholders(self.template) | set(self.requires)

    def render(self, facts: dict[str, str]) -> str:
        """The question for a line's facts, on one line."""
        return " ".join(self.template.format(**facts).split())


def load_question_bank(path: Path | None = None) -> list[QuestionTemplate]:
    """Read and validate the question bank (prompts/question_bank.yaml by default)."""
    path = path or PROMPTS_DIR / "question_bank.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise AssistantError(f"cannot read question bank {path}: {exc}") from None
    if not isinstance(raw, list):
        raise AssistantError(f"question bank {path} must be a list of entries")
    try:
        bank = [QuestionTemplate.model_validate(entry) for entry in raw]
    except ValidationError as exc:
        raise AssistantError(f"question bank {path}: {exc.errors()[0]['msg']} "
                             f"at {exc.errors()[0]['loc']}") from None
    ids = [t.id for t in bank]
    if len(ids) != len(set(ids)):
        raise AssistantError(f"question bank {path} repeats an id")
    return bank


def load_topic_families(path: Path | None = None) -> TopicFamilies:
    """Service families from prompts/topics.yaml: name -> (topic words, indicator terms)."""
    path = path or PROMPTS_DIR / "topics.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise AssistantError(f"cannot read topic families {path}: {exc}") from None
    return {name: ([phrase(w) for w in entry.get("words", [])], [phrase(t) for t in entry.get("terms", [])])
            for name, entry in raw.items()}
