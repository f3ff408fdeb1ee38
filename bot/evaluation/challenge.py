"""Challenge-question quality: planted lines of enquiry reached, evidence behind every question, duplicates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.models import Answer

# Two questions are near-duplicates when rapidfuzz's token-set ratio reaches this (0-100).
NEAR_DUPLICATE_RATIO = 90.0


@dataclass
class ChallengeResult:
    """What one set of questions on one topic achieved."""

    topic: str
    questions: int
    covered: dict[str, bool] = field(default_factory=dict)  # planted key -> reached
    without_evidence: list[str] = field(default_factory=list)
    near_duplicates: int = 0


def _mentions(text: str, names: list[str]) -> bool:
    lowered = text.lower()
    return any(re.search(r"(?<![a-z0-9])" + re.escape(n.lower()) + r"(?![a-z0-9])", lowered) for n in names if n)


def reaches(answer: Answer, indicator_id: str, names: list[str]) -> bool:
    """A question reaches a planted indicator when its evidence cites the indicator's data, or it names it."""
    by_id = {c.id: c for c in answer.citations}
    for q in answer.questions or []:
        cited = [by_id[e] for e in q.evidence if e in by_id]
        if any(c.locator.startswith(indicator_id) or indicator_id in c.locator for c in cited):
            return True
        if _mentions(f"{q.text} {q.rationale}", names):
            return True
    return False


def unsupported(answer: Answer) -> list[str]:
    """Questions with no evidence, or whose evidence ids point at no citation of the answer."""
    ids = {c.id for c in answer.citations}
    return [q.text for q in answer.questions or [] if not q.evidence or any(e not in ids for e in q.evidence)]


def near_duplicates(texts: list[str]) -> int:
    """How many questions closely repeat an earlier one."""
    from rapidfuzz import fuzz

    count = 0
    for i, text in enumerate(texts):
        if any(fuzz.token_set_ratio(text, earlier) >= NEAR_DUPLICATE_RATIO for earlier in texts[:i]):
            count += 1
    return count


def judge_topic(topic: str, answer: Answer, planted: dict[str, tuple[str, list[str]]]) -> ChallengeResult:
    """Score one topic's questions; `planted` maps pattern key -> (indicator id, names and aliases)."""
    questions = answer.questions or []
    result = ChallengeResult(topic=topic, questions=len(questions))
    for key, (indicator_id, names) in planted.items():
        result.covered[key] = reaches(answer, indicator_id, names)
    result.without_evidence = unsupported(answer)
    result.near_duplicates = near_duplicates([q.text for q in questions])
    return result
