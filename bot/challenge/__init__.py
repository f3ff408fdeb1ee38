"""Challenge questions: find the evidence on a topic, detect lines of enquiry, word them from the question bank.

Layout (each module imports only those above it):
- `models`    lines of enquiry, evidence, question sets, recommendations
- `text`      wording helpers shared with briefing notes (prompts/challenge_lines.yaml, the one formatter)
- `bank`      the question bank and service families (prompts/question_bank.yaml, prompts/topics.yaml)
- `measures`  what a measure is (definition, kind, polarity, cadence, publisher), for framing and notes
- `topics`    matching a topic to indicators and passages
- `documents` lines of enquiry from documents (recommendations, commitments, recorded risks)
- `lines`     lines of enquiry from indicator analyses; all lines for the evidence
- `evidence`  gathering analyses and passages on a topic
- `dedupe`    near-duplicate questions
- `rephrase`  optional LLM rewording behind the guard
- `drafting`  questions from evidence, citations, the Answer
"""

from bot.challenge.bank import QuestionTemplate, load_question_bank, load_topic_families
from bot.challenge.dedupe import DUPLICATE_COSINE, DUPLICATE_JACCARD, Deduper, jaccard
from bot.challenge.documents import commitments_in, recommendations_in
from bot.challenge.drafting import (
    MIN_QUESTIONS,
    CitationNumbers,
    answer_from_evidence,
    draft_questions,
    questions_from_evidence,
)
from bot.challenge.evidence import find_lines_of_enquiry, gather_evidence
from bot.challenge.lines import detect_lines, indicator_lines, run_words
from bot.challenge.measures import MeasureFacts, describe_measure, publisher_of
from bot.challenge.models import Evidence, LineKind, LineOfEnquiry, QuestionSet, QuestionType, Recommendation
from bot.challenge.rephrase import rephrase_questions
from bot.challenge.text import (
    by_when,
    count_words,
    data_age_words,
    display_name,
    is_broad,
    meeting_date_words,
    period_noun,
    reference_date,
    trim_furniture,
)
from bot.challenge.topics import alias_hit, match_indicators, on_topic

__all__ = [
    "DUPLICATE_COSINE", "DUPLICATE_JACCARD", "MIN_QUESTIONS", "CitationNumbers", "Deduper", "Evidence", "LineKind",
    "LineOfEnquiry", "MeasureFacts", "QuestionSet", "QuestionTemplate", "QuestionType", "Recommendation",
    "alias_hit", "answer_from_evidence", "by_when", "commitments_in", "count_words", "data_age_words",
    "describe_measure", "detect_lines", "display_name", "draft_questions", "find_lines_of_enquiry",
    "gather_evidence", "indicator_lines", "is_broad", "jaccard", "load_question_bank", "load_topic_families",
    "match_indicators", "meeting_date_words", "on_topic", "period_noun", "publisher_of", "questions_from_evidence",
    "recommendations_in", "reference_date", "rephrase_questions", "run_words", "trim_furniture",
]
