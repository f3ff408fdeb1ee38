"""The labelled evaluation sets kept in tests/eval/, read into pydantic models."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

REPO = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO / "tests" / "eval"
SHARED = REPO.parent / "shared"


class DocumentQuestion(BaseModel):
    """A document question: relevant passages come from one of `files` and contain one of the `answer` phrases."""

    question: str
    files: list[str]
    answer: list[str]

    def relevant(self, path: str, text: str) -> bool:
        """Whether a retrieved passage (its source path and text) answers the question."""
        if Path(path).name not in {Path(f).name for f in self.files}:
            return False
        folded = fold(text)
        return any(fold(phrase) in folded for phrase in self.answer)


class IndicatorQuestions(BaseModel):
    """Indicator questions whose figures are checked: free-text `ask` questions and `trend` indicator ids."""

    ask: list[str] = Field(default_factory=list)
    trend: list[str] = Field(default_factory=list)


class ChallengeSet(BaseModel):
    """Topics for challenge questions and the planted patterns each should reach."""

    topics: dict[str, list[str]] = Field(default_factory=dict)


class SampleSet(BaseModel):
    """tests/eval/sample_questions.yaml."""

    documents: list[DocumentQuestion]
    indicators: IndicatorQuestions = Field(default_factory=IndicatorQuestions)
    challenge: ChallengeSet = Field(default_factory=ChallengeSet)


def fold(text: str) -> str:
    """Lower-case with runs of whitespace as one space (PDF line breaks fall inside phrases)."""
    return " ".join(text.lower().split())


def load_sample_set(path: Path | None = None) -> SampleSet:
    """Read the sample-pack evaluation set."""
    import yaml

    path = path or EVAL_DIR / "sample_questions.yaml"
    return SampleSet.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
