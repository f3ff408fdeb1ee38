"""Optional LLM rewording of drafted questions, behind the guard: no invented number, no evidence-free question."""

from __future__ import annotations

import json
import logging
from typing import Any

from bot.challenge.dedupe import DUPLICATE_JACCARD, jaccard
from bot.challenge.models import Evidence
from bot.challenge.text import wording
from bot.models import ChallengeQuestion, Citation
from indicators.models import Figure

__all__ = ["json_part", "rephrase_questions"]

log = logging.getLogger(__name__)


def json_part(reply: str) -> str:
    """The JSON list inside a model's reply (models often wrap it in prose); ValueError when there is none."""
    start, end = reply.find("["), reply.rfind("]")
    if start < 0 or end <= start:
        raise ValueError("no JSON list in the reply")
    return reply[start:end + 1]


def rephrase_questions(llm: Any, evidence: Evidence, questions: list[ChallengeQuestion], citations: list[Citation],
                       figures: list[Figure], max_questions: int) -> list[ChallengeQuestion]:
    """Let the LLM reword and add questions; keep only those that pass the guard and carry evidence."""
    from bot.guard import check_answer
    from bot.llm import LLMError, format_figures, invoke_text, prompt_text

    ids = {c.id for c in citations}
    sources = [c.quote for c in citations] + [p.text for ps in evidence.passages.values() for p in ps]
    sources += [q.text + " " + q.rationale for q in questions] + [f.indicator_name + " " + f.unit for f in figures]
    drafts = "\n".join(f"{n}. {q.text} (evidence: {', '.join(map(str, q.evidence))})"
                       for n, q in enumerate(questions, start=1))
    ev = "\n".join(f"[{c.id}] {c.source} ({c.locator}): {c.quote}" for c in citations)
    prompt = prompt_text("rephrase_questions.md").format(
        topic=evidence.topic, area=evidence.area_name, questions=drafts,
        evidence=ev + "\nFIGURES:\n" + format_figures(figures), max_new=max(0, max_questions - len(questions)))
    try:
        reply = invoke_text(llm, prompt)
        items = json.loads(json_part(reply))
        if not isinstance(items, list):
            raise ValueError("not a list")
    except (LLMError, ValueError) as exc:
        log.warning("LLM question rephrasing not used: %s", exc)
        return questions
    w = wording()
    out = list(questions)
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            continue
        text = " ".join(item["text"].split())
        evidence_ids = [i for i in item.get("evidence") or [] if isinstance(i, int)]
        index = item.get("index")
        if isinstance(index, int) and 1 <= index <= len(questions):
            evidence_ids = evidence_ids or questions[index - 1].evidence
        result = check_answer(text, figures, ids, sources=sources)
        if not result.ok or not evidence_ids or not set(evidence_ids) <= ids:
            log.warning("LLM question rejected (%s): %s", "; ".join(result.problems) or "no valid evidence", text)
            continue
        if isinstance(index, int) and 1 <= index <= len(questions):
            out[index - 1] = questions[index - 1].model_copy(update={"text": text, "evidence": evidence_ids})
        elif len(out) < max_questions and not any(jaccard(text, q.text) >= DUPLICATE_JACCARD for q in out):
            out.append(ChallengeQuestion(text=text, theme=w.text("llm_question.theme"), type="open/probing",
                                         rationale=w.text("llm_question.rationale"), evidence=evidence_ids,
                                         priority=0.0))
    return out
