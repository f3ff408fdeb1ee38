"""Questions from evidence: the bank's templates filled per line of enquiry, de-duplicated, prioritised, each with
its citations; `draft_questions` / `answer_from_evidence` give the Answer for `questions`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bot.challenge.bank import QuestionTemplate, load_question_bank
from bot.challenge.dedupe import Deduper
from bot.challenge.evidence import gather_evidence
from bot.challenge.models import Evidence, LineOfEnquiry, QuestionSet
from bot.challenge.rephrase import rephrase_questions
from bot.challenge.terms import gloss, terms_sentence
from bot.challenge.text import count_words, display_name, meeting_words, plain_quote, wording
from bot.compose import best_quote, dataset_citation, passage_citation
from bot.models import Answer, ChallengeQuestion, Citation
from indicators.models import Figure
from knowledge.models import AccessContext

if TYPE_CHECKING:
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase

__all__ = ["KIND_CAP", "MIN_QUESTIONS", "CitationNumbers", "answer_from_evidence", "draft_questions",
           "questions_from_evidence"]

MIN_QUESTIONS = 10
# At most this many questions of one kind of line before every other kind has had its turn.
KIND_CAP = 3
# At most this many questions on one theme in a list (a list is a spread of asks, not one ask many times).
THEME_CAP = {"data quality": 3, "equity": 1, "value for money": 2}
DEFAULT_THEME_CAP = 4


class CitationNumbers:
    """Numbers citations in the order questions first use them: one per indicator's data, one per passage."""

    def __init__(self, evidence: Evidence) -> None:
        self.analyses = {a.info.indicator_id: a for a in evidence.analyses}
        self.topic = evidence.topic
        self.list: list[Citation] = []
        self.keys: dict[str, int] = {}
        self.data_ids: set[int] = set()

    def for_line(self, line: LineOfEnquiry) -> list[int]:
        """The citation numbers behind a line (its indicators' data, then its passages), adding new ones."""
        ids: list[int] = []
        indicator_ids = [line.indicator_id] if line.indicator_id else []
        indicator_ids += [f.indicator_id for f in line.figures if f.indicator_id not in indicator_ids]
        for indicator_id in indicator_ids:
            analysis = self.analyses.get(indicator_id)
            if analysis is None:
                continue
            key = f"data:{indicator_id}"
            if key not in self.keys:
                number = len(self.list) + 1
                self.list.append(dataset_citation(number, analysis))
                self.keys[key] = number
                self.data_ids.add(number)
            ids.append(self.keys[key])
        for p in line.passages:
            key = f"doc:{p.chunk_id}"
            if key not in self.keys:
                number = len(self.list) + 1
                quote = plain_quote(line.quotes.get(p.chunk_id) or best_quote(self.topic, p.text), self.topic)
                self.list.append(passage_citation(number, p, quote))
                self.keys[key] = number
            ids.append(self.keys[key])
        return list(dict.fromkeys(ids))


def _stated_figures(accepted: list[tuple[ChallengeQuestion, LineOfEnquiry]]) -> list[Figure]:
    figures: list[Figure] = []
    seen: set[tuple] = set()
    for _, line in accepted:
        for f in line.figures:
            key = (f.indicator_id, f.area_code, f.period, f.label, f.value)
            if key not in seen:
                seen.add(key)
                figures.append(f)
    return figures


def questions_from_evidence(evidence: Evidence, bank: Sequence[QuestionTemplate] | None = None,
                            max_questions: int = 15, embedder: Any = None) -> QuestionSet:
    """Turn lines of enquiry into prioritised, de-duplicated questions with citations and figures."""
    bank = list(bank) if bank is not None else load_question_bank()
    citations = CitationNumbers(evidence)
    dedupe = Deduper(embedder)
    used_templates: dict[int, set[str]] = {}
    uses: dict[str, int] = {}  # questions drawn from each template in this list (at most its max_uses)
    themes: dict[str, int] = {}
    accepted: list[tuple[ChallengeQuestion, LineOfEnquiry]] = []
    options = {i: [t for t in bank if line.kind in t.applies_to and t.fields <= set(line.facts)]
               for i, line in enumerate(evidence.lines)}
    per_kind: dict[str, int] = {}
    dedupe.prefetch([t.render(line.facts) for i, line in enumerate(evidence.lines) for t in options[i]])
    # Round-robin over the lines in materiality order: every line gets its best question before any gets two;
    # the first pass caps each kind so one kind of issue cannot crowd out the rest.
    for capped in (True, False):
        for round_no in range(6):
            for i, line in enumerate(evidence.lines):
                if len(accepted) >= max_questions:
                    break
                if (line.kind == "overview" and round_no > 0) or (capped and per_kind.get(line.kind, 0) >= KIND_CAP):
                    continue
                for template in options[i]:
                    if template.id in used_templates.setdefault(i, set()):
                        continue
                    if uses.get(template.id, 0) >= template.max_uses:
                        continue
                    if line.kind != "overview" and themes.get(template.theme, 0) >= THEME_CAP.get(
                            template.theme, DEFAULT_THEME_CAP):
                        continue
                    text = template.render(line.facts)
                    used_templates[i].add(template.id)
                    if dedupe.is_duplicate(text):
                        continue
                    if line.kind == "overview":
                        ids = list(dict.fromkeys(n for other in evidence.lines[1:5]
                                                 for n in citations.for_line(other)[:1]))
                    else:
                        ids = citations.for_line(line)
                    if not ids:
                        continue
                    dedupe.accept(text)
                    uses[template.id] = uses.get(template.id, 0) + 1
                    themes[template.theme] = themes.get(template.theme, 0) + 1
                    per_kind[line.kind] = per_kind.get(line.kind, 0) + 1
                    priority = round(line.materiality * (1 - 0.12 * round_no), 4)
                    accepted.append((ChallengeQuestion(text=text, theme=template.theme, type=template.type,
                                                       rationale=line.summary, evidence=ids, priority=priority),
                                     line))
                    break
    accepted.sort(key=lambda qa: -qa[0].priority)
    used_ids = {n for q, _ in accepted for n in q.evidence}
    headlines: list[str] = []
    for question, line in accepted:
        if line.kind != "overview" and len(headlines) < 4 and not any(h.startswith(line.title) for h in headlines):
            headlines.append(f"{line.title} [{question.evidence[0]}]")
    return QuestionSet(questions=[q for q, _ in accepted], citations=[c for c in citations.list if c.id in used_ids],
                       figures=_stated_figures(accepted), data_citation_ids=citations.data_ids & used_ids,
                       headlines=headlines)


def _evidence_words(evidence: Evidence) -> str:
    """What the evidence held amounts to, in words ("one indicator and no council documents on the topic")."""
    w = wording()
    n = len(evidence.analyses)
    parts = [w.text("answer.evidence_indicator") if n == 1 else w.fill("answer.evidence_indicators",
                                                                         n=count_words(n))] if n else []
    cited = {p.chunk_id for line in evidence.lines for p in line.passages}
    if len(cited) == 1:
        parts.append(w.text("answer.evidence_passage"))
    elif cited:
        parts.append(w.fill("answer.evidence_passages", n=count_words(len(cited))))
    else:
        parts.append(w.text("answer.evidence_no_passages"))
    return " and ".join(parts)


def draft_questions(topic: str, store: IndicatorStore | None, kb: KnowledgeBase | None,
                    caller_access: AccessContext, area: str, indicators: list[str] | None = None,
                    meeting_date: str | None = None, embedder: Any = None, llm: Any = None,
                    max_questions: int = 15) -> Answer:
    """10-15 prioritised challenge questions on a topic, each with its rationale and evidence."""
    if not MIN_QUESTIONS <= max_questions <= 30:
        max_questions = min(30, max(MIN_QUESTIONS, max_questions))
    evidence = gather_evidence(topic, store, kb, caller_access, area, indicators, meeting_date, embedder)
    return answer_from_evidence(evidence, max_questions=max_questions, embedder=embedder, llm=llm)


def answer_from_evidence(evidence: Evidence, max_questions: int = 15, embedder: Any = None,
                         llm: Any = None) -> Answer:
    """The Answer for `questions`: intro, questions, citations and every figure they state."""
    w = wording()
    drafted = questions_from_evidence(evidence, max_questions=max_questions, embedder=embedder)
    title = w.fill("answer.title", topic=evidence.topic)
    if not drafted.questions:
        return Answer(question=title, kind="none", questions=[],
                      answer=w.fill("answer.none", topic=evidence.topic, area=evidence.area_name))
    questions = drafted.questions
    if llm is not None:
        questions = rephrase_questions(llm, evidence, questions, drafted.citations, drafted.figures, max_questions)
    has_data = bool(drafted.data_citation_ids)
    has_docs = any(c.id not in drafted.data_citation_ids for c in drafted.citations)
    kind = "mixed" if has_data and has_docs else ("indicator" if has_data else "document")
    # The count is spelt out: every numeral in an answer is a figure from the data (the guard's rule).
    checked = any(line.kind == "check_figure" for line in evidence.lines)
    answer = w.fill("answer.intro", count=count_words(len(questions)).capitalize(), topic=evidence.topic,
                    area=evidence.area_name, meeting=meeting_words(evidence.meeting_date),
                    check=w.text("answer.check") if checked else "")
    if len(questions) < MIN_QUESTIONS:
        answer += " " + w.fill("answer.fewer", count=count_words(len(questions)), topic=evidence.topic,
                               area=evidence.area_name, evidence=_evidence_words(evidence))
    if drafted.headlines:
        answer += w.fill("answer.headlines", headlines="; ".join(drafted.headlines))
    # A question is read aloud: a term or acronym it uses is glossed where first used; the rationale and the
    # sources' terms are explained once, after the introduction.
    names = [n for f in drafted.figures for n in (f.indicator_name, display_name(f.indicator_name))]
    names = sorted({*names, *(n[:1].lower() + n[1:] for n in names)}, key=len, reverse=True)
    questions = [q.model_copy(update={"text": gloss(q.text, names)}) for q in questions]
    listed = [answer, *(f"{q.text} {q.rationale}" for q in questions),
              *(f"{c.source} {c.locator} {c.quote}" for c in drafted.citations)]
    answer += terms_sentence("\n".join(listed))
    return Answer(question=title, kind=kind, answer=answer, citations=drafted.citations, figures=drafted.figures,
                  questions=questions)
