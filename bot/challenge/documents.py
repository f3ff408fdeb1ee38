"""Lines of enquiry from documents: peer challenge recommendations without progress, plan commitments without a
measure, and risks the audit and other documents record."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.challenge.models import Evidence, LineOfEnquiry, Recommendation
from bot.challenge.text import QUOTE_CHARS, is_broad, plain_quote, shorten, topic_span, wording
from bot.challenge.topics import alias_hit, on_topic
from bot.compose import best_quote, content_words
from indicators.models import IndicatorInfo
from knowledge.models import AccessContext, Passage, SearchFilters

if TYPE_CHECKING:
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase

__all__ = ["commitments_in", "document_lines", "recommendations_in", "search_passages", "topic_phrases"]

log = logging.getLogger(__name__)

_RECOMMENDATION = re.compile(
    r"Recommendation[ \t]+(\d+)[ \t]*[:.\u2013-][ \t]*(?!Recommendation)(.+?)"
    r"(?=Recommendation[ \t]+\d+[ \t]*[:.\u2013-]|\n\s*Page\s+\d|\n\s*\n|\n\s*#|\Z)", re.DOTALL)
_COMMITMENT = re.compile(
    r"Commitment\s+(\d+\.\d+)\s*:\s*(.+?)(?=Commitment\s+\d+\.\d+\s*:|How we will measure|\n\s*Page\s+\d|"
    r"\n\s*\n|\n\s*#|\Z)", re.DOTALL)
_NO_PROGRESS = re.compile(r"no update|not yet|not been|not drafted|not started|no progress|delayed|slipp|overdue|"
                          r"could not give|behind schedule", re.IGNORECASE)
_PROGRESS = re.compile(r"\bcomplete|adopted|published|delivered|implemented|on track|agreed|in progress",
                       re.IGNORECASE)
_RISK = re.compile(r"significant weakness|\brisk|shortfall|overspend|gap of|no delivery plan|concern|pressure|"
                   r"weakness|not yet|recommendation", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])|\n+")


def search_passages(kb: KnowledgeBase | None, query: str, k: int, access: AccessContext,
                    doc_types: list[str] | None) -> list[Passage]:
    """Passages for a query the caller may see ([] without documents, or when the search fails)."""
    if kb is None:
        return []
    try:
        if not kb.documents():
            return []
        filters = SearchFilters(doc_types=doc_types) if doc_types else None
        return list(kb.search(query, k=k, access=access, filters=filters))
    except Exception as exc:  # noqa: BLE001 - a search failure must not lose the indicator evidence
        log.warning("document search failed for %r: %s", query, exc)
        return []


def recommendations_in(passages: Sequence[Passage]) -> list[Recommendation]:
    """Numbered recommendations ("Recommendation 4: ...") found in passages, one per number (fullest text)."""
    found: dict[int, Recommendation] = {}
    for p in passages:
        for m in _RECOMMENDATION.finditer(p.text):
            text = " ".join(m.group(2).split())
            if len(text) < 20:
                continue
            number = int(m.group(1))
            if number not in found or len(text) > len(found[number].text):
                found[number] = Recommendation(number=number, text=text, passage=p,
                                               quote=p.text[m.start():m.end()].strip())
    return [found[n] for n in sorted(found)]


def commitments_in(passages: Sequence[Passage]) -> list[tuple[str, str, Passage, str]]:
    """Numbered plan commitments ("Commitment 1.2: ...") as (number, text, passage, verbatim quote)."""
    found: dict[str, tuple[str, str, Passage, str]] = {}
    for p in passages:
        for m in _COMMITMENT.finditer(p.text):
            text = " ".join(m.group(2).split()).rstrip(".")
            if m.group(1) not in found and len(text) > 10:
                found[m.group(1)] = (m.group(1), text, p, p.text[m.start():m.end()].strip())
    return list(found.values())


def _progress(rec: Recommendation, kb: KnowledgeBase | None, access: AccessContext,
              shared: Sequence[Passage] = ()) -> tuple[str, str, Passage | None]:
    """('none'|'stalled'|'progress', the sentence or table row that says so, its passage) from minutes/reports."""
    query = f"Recommendation {rec.number} progress " + " ".join(rec.text.split()[:12])
    mention = re.compile(rf"\bRecommendation\s+{rec.number}\b", re.IGNORECASE)
    # An action-plan table row: "| 4 | owner | due | status |" or "4 | text | owner | due".
    row = re.compile(rf"^\s*\|?\s*{rec.number}\s*\|.+$", re.MULTILINE)
    stalled: tuple[str, Passage] | None = None
    progressed: tuple[str, Passage] | None = None
    found = search_passages(kb, query, 5, access, ["minutes", "performance_report"])
    seen = {p.chunk_id for p in found}
    for p in [*found, *(q for q in shared if q.chunk_id not in seen)]:
        candidates = [s for s in _SENTENCE.split(p.text) if mention.search(s)]
        if re.search(r"recommendation|action plan|peer challenge", f"{p.section or ''} {p.text}", re.IGNORECASE):
            candidates += [m.group(0) for m in row.finditer(p.text)]
        for sentence in candidates:
            if _NO_PROGRESS.search(sentence):
                stalled = stalled or (sentence.strip(), p)
            elif _PROGRESS.search(sentence):
                progressed = progressed or (sentence.strip(), p)
    if stalled:
        return "stalled", stalled[0], stalled[1]
    if progressed:
        return "progress", progressed[0], progressed[1]
    return "none", "", None


def _status_cell(sentence: str) -> str:
    """The words that give a status, verbatim: the status cell of a table row (its words, not the row's pipes),
    else the sentence."""
    if "|" in sentence:
        cells = [c.strip() for c in sentence.strip().strip("|").split("|") if c.strip()]
        for cell in reversed(cells):
            if _NO_PROGRESS.search(cell) or _PROGRESS.search(cell):
                return cell
    return sentence.strip()


def _status_text(sentence: str) -> str:
    """The status as a rationale quotes it (cut near 200 characters)."""
    return shorten(_status_cell(sentence), 200)


def _measured(commitment: str, infos: Sequence[IndicatorInfo]) -> bool:
    words = content_words(commitment)
    for info in infos:
        if alias_hit(commitment, info):
            return True
        if len(words & content_words(info.name)) >= 2:
            return True
    return False


def topic_phrases(evidence: Evidence) -> list[str]:
    """The alias phrases of the indicators that matched the topic well: a passage naming one is on the topic."""
    return [" ".join(re.findall(r"[a-z0-9]+", alias.lower())) for a in evidence.analyses
            if evidence.relevance.get(a.info.indicator_id, 0) >= 0.5 for alias in a.info.aliases]


def _recommendation_lines(evidence: Evidence, kb: KnowledgeBase | None, access: AccessContext, by_when: str,
                          broad: bool, phrases: list[str]) -> list[LineOfEnquiry]:
    """Peer challenge recommendations on the topic with no evidence of progress."""
    w = wording()
    lines: list[LineOfEnquiry] = []
    recommendations = [r for r in recommendations_in(evidence.passages.get("peer_challenge", []))
                       if broad or on_topic(r.text, evidence.topic, phrases)]
    shared = search_passages(kb, "peer challenge action plan progress recommendation status", 4, access,
                             ["minutes", "performance_report"]) if recommendations else []
    for rec in recommendations:
        status, sentence, where = _progress(rec, kb, access, shared)
        if status == "progress":
            continue
        quote = shorten(rec.text)
        passages = [rec.passage] + ([where] if where is not None else [])
        facts = {"recommendation": quote, "rec_number": str(rec.number), "by_when": by_when}
        if status == "stalled":
            facts["progress"] = _status_text(sentence)
            summary = w.fill("recommendation_no_progress.summary_stalled", **facts)
        else:
            summary = w.fill("recommendation_no_progress.summary_none", **facts)
        quotes = {rec.passage.chunk_id: rec.quote}
        if where is not None:
            quotes.setdefault(where.chunk_id, _status_cell(sentence))
        lines.append(LineOfEnquiry(kind="recommendation_no_progress",
                                   title=w.fill("recommendation_no_progress.title", **facts),
                                   summary=summary, materiality=0.93 if status == "stalled" else 0.6,
                                   passages=passages, facts=facts, quotes=quotes))
    return lines


def document_lines(evidence: Evidence, store: IndicatorStore | None, kb: KnowledgeBase | None,
                   access: AccessContext, by_when: str, used: set[str] | None = None) -> list[LineOfEnquiry]:
    """Lines of enquiry from the documents on the topic (recommendations, commitments, recorded risks); `used`
    are passages other lines already quote (a risk is not raised twice from the same passage)."""
    w = wording()
    broad = is_broad(evidence.topic)
    phrases = topic_phrases(evidence)
    lines = _recommendation_lines(evidence, kb, access, by_when, broad, phrases)
    # Plan commitments on the topic (each one itself, not its neighbours on the page) with no measure.
    infos = store.indicators() if store is not None and store.datasets() else []
    plan = commitments_in(evidence.passages.get("plan", []))
    for number, text, passage, raw in plan:
        direct = broad or on_topic(text, evidence.topic, phrases)
        if not direct:
            continue
        if _measured(text, infos):
            continue
        facts = {"commitment": text, "commitment_number": number, "by_when": by_when}
        lines.append(LineOfEnquiry(
            kind="commitment_no_measure", title=w.fill("commitment_no_measure.title", **facts),
            summary=w.fill("commitment_no_measure.summary", **facts),
            materiality=0.4 if direct else 0.3, passages=[passage],
            facts={"commitment": text, "by_when": by_when}, quotes={passage.chunk_id: raw}))
    # Risks and weaknesses the audit and other documents record on the topic.
    used = set(used or ()) | {p.chunk_id for line in lines for p in line.passages}
    candidates = evidence.passages.get("audit", []) + evidence.passages.get("any", [])
    seen_docs: set[str] = set()
    for p in candidates:
        if p.chunk_id in used or p.doc_id in seen_docs or p.doc_type in ("peer_challenge", "plan"):
            continue
        if not broad and not on_topic(p.text, evidence.topic, phrases):
            continue
        quote = plain_quote(best_quote(evidence.topic + " risk weakness", p.text, limit=QUOTE_CHARS), evidence.topic)
        # The sentence quoted must itself be on the topic (a passage on the topic may quote a risk on another).
        if not broad and not on_topic(quote, evidence.topic, phrases):
            continue
        if not broad:
            quote = topic_span(quote, lambda item: on_topic(item, evidence.topic, phrases))
        if not _RISK.search(quote) and p.doc_type != "audit" and p.classification != "restricted":
            continue
        seen_docs.add(p.doc_id)
        facts = {"source": p.title, "quote": shorten(quote), "by_when": by_when}
        lines.append(LineOfEnquiry(
            kind="document_risk", title=w.fill("document_risk.title", **facts),
            summary=w.fill("document_risk.summary", locator=p.locator, **facts),
            materiality=0.5 if p.doc_type == "audit" else 0.38, passages=[p],
            facts=facts, quotes={p.chunk_id: quote}))
    return lines
