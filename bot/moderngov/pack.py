"""A question pack for a meeting: challenge questions for every substantive agenda item, from that item's papers,
the indicators they mention, what the previous minutes record as promised, and open peer-challenge
recommendations; and the same evidence as one briefing note per item, or one pack.

Built on bot.challenge's public API: the evidence for an item is gathered as for any topic, the item's own
papers are put first, two kinds of line are added (a promise from the last minutes, what the item's papers say),
and questions are drafted from the lines with the question bank plus this package's templates.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, ConfigDict, Field

from bot.moderngov.catalog import Catalog, DocumentRow, ItemRow, MeetingRow
from bot.moderngov.errors import ModernGovError
from bot.moderngov.metadata import clean_title, date_words
from bot.moderngov.promises import promises_in, strength
from bot.moderngov.sync import catalog_path

if TYPE_CHECKING:
    from bot.challenge import Evidence, LineOfEnquiry
    from bot.llm import ChatModel
    from bot.models import Answer, CallerContext
    from bot.settings import Settings
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase
    from knowledge.embedding import Embedder
    from knowledge.models import AccessContext, DocumentInfo, Passage


class Assistant(Protocol):
    """What a meeting pack needs of the assistant (bot.assistant.Assistant; a Protocol, so the assistant can build a
    pack for "Prepare me for Thursday's committee" without an import cycle)."""

    settings: Settings

    @property
    def kb(self) -> KnowledgeBase: ...

    @property
    def store(self) -> IndicatorStore: ...

    @property
    def embedder(self) -> Embedder: ...

    @property
    def llm(self) -> ChatModel | None: ...

    def access(self, caller: CallerContext) -> AccessContext: ...

    def home_area(self, caller: CallerContext, area: str | None = None) -> str: ...

WORDING = Path(__file__).resolve().parent / "wording.yaml"
PER_ITEM = 8
PROMISES_PER_ITEM = 2
_PAPER_QUOTE_CHARS = 300
# Words that mark the part of a paper worth asking about (what it proposes, risks, targets, gaps, progress).
_SUBSTANCE = re.compile(r"\d|\b(?:risk|weakness|target|recommend|gap|shortfall|propos|milestone|plan|progress|"
                        r"concern|overspend|delay|not yet|no )\w*", re.IGNORECASE)


class PaperRef(BaseModel):
    """One paper of an item, as the pack lists it."""

    title: str
    url: str
    classification: str
    doc_type: str | None = None


class ItemPack(BaseModel):
    """The questions for one agenda item."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    item_id: str
    number: str | None = None
    title: str
    restricted: bool = False
    papers: list[PaperRef] = Field(default_factory=list)
    promises: list[str] = Field(default_factory=list)
    answer: Any  # bot.models.Answer
    evidence: Any = Field(default=None, exclude=True)  # bot.challenge.Evidence, for the briefing note

    @property
    def label(self) -> str:
        """"Item 6: Quarter 2 Performance Report"."""
        return f"Item {self.number}: {self.title}" if self.number else self.title


class MeetingPack(BaseModel):
    """Every substantive item of one meeting with its questions."""

    meeting_id: str
    committee: str
    date: date
    url: str | None = None
    previous_meeting: str | None = None  # the meeting whose minutes were read for promises
    items: list[ItemPack] = Field(default_factory=list)

    def to_answer(self) -> Answer:
        """One Answer for the whole pack: items' citations renumbered in turn, questions in item order."""
        from bot.challenge import count_words
        from bot.models import Answer

        w = _wording()
        citations, questions, figures, lines = [], [], [], []
        for item in self.items:
            answer = item.answer
            offset = len(citations)
            for c in answer.citations:
                citations.append(c.model_copy(update={"id": c.id + offset}))
            for q in answer.questions or []:
                questions.append(q.model_copy(update={"evidence": [n + offset for n in q.evidence]}))
            figures += [f for f in answer.figures if f not in figures]
            count = len(answer.questions or [])
            lines.append(w["item_line"].format(item=item.label, count=count_words(count)) if count
                         else w["item_none"].format(item=item.label))
        kinds = {i.answer.kind for i in self.items if i.answer.kind != "none"}
        kind = "none" if not kinds else (kinds.pop() if len(kinds) == 1 else "mixed")
        text = w["intro"].format(committee=self.committee, date=date_words(self.date)) + "\n" + \
            "\n".join(f"\u2022 {line}" for line in lines)
        return Answer(question=w["title"].format(committee=self.committee, date=date_words(self.date)), kind=kind,
                      answer=text, citations=citations, figures=figures, questions=questions)

    def to_contract(self) -> dict[str, Any]:
        """The `--json` object: the DESIGN.md contract plus `meeting` (its items, each with the indices of its
        questions in `questions` and the ids of its citations)."""
        data = self.to_answer().to_contract()
        items, first_q, first_c = [], 0, 0
        for item in self.items:
            nq, nc = len(item.answer.questions or []), len(item.answer.citations)
            items.append({"item_id": item.item_id, "number": item.number, "title": item.title,
                          "restricted": item.restricted, "papers": [p.model_dump() for p in item.papers],
                          "promises": item.promises, "questions": list(range(first_q, first_q + nq)),
                          "citations": list(range(first_c + 1, first_c + nc + 1))})
            first_q, first_c = first_q + nq, first_c + nc
        data["meeting"] = {"id": self.meeting_id, "committee": self.committee, "date": self.date.isoformat(),
                           "url": self.url, "previous_meeting": self.previous_meeting, "items": items}
        return data


@lru_cache(maxsize=1)
def _wording_file() -> dict[str, Any]:
    import yaml

    return yaml.safe_load(WORDING.read_text(encoding="utf-8"))


def _wording() -> dict[str, str]:
    return _wording_file()["pack"]


def question_bank() -> list[Any]:
    """The challenge question bank plus the pack's own templates (promise follow-ups, what the papers say)."""
    from bot.challenge import QuestionTemplate, load_question_bank

    return [*load_question_bank(), *(QuestionTemplate.model_validate(q) for q in _wording_file()["questions"])]


# -- choosing the meeting ------------------------------------------------------------------------------------
def _committee_matches(row: MeetingRow, committee: str | None) -> bool:
    if not committee:
        return True
    key = committee.strip().lower()
    return row.committee_id == committee.strip() or key in row.committee.lower()


def resolve_meeting(catalog: Catalog, selector: str, committee: str | None = None,
                    today: date | None = None) -> MeetingRow:
    """The meeting `selector` names: a meeting id, or `next` (the first meeting from today, a scrutiny committee's
    unless --committee says otherwise)."""
    meetings = [m for m in catalog.meetings() if _committee_matches(m, committee)]
    if not catalog.meetings():
        raise ModernGovError("no committee papers synced yet: run `scrutiny sync moderngov URL` first")
    if selector.strip().lower() != "next":
        found = [m for m in meetings if m.meeting_id == selector.strip()]
        if not found:
            raise ModernGovError(f"no synced meeting with id {selector!r}"
                                 + (f" for committee {committee!r}" if committee else ""))
        return found[-1]
    today = today or date.today()
    ahead = [m for m in meetings if m.date >= today and (m.status or "").lower() != "cancelled"]
    if not committee:
        scrutiny = [m for m in ahead if "scrutiny" in m.committee.lower()]
        ahead = scrutiny or ahead
    if not ahead:
        held = max(meetings, key=lambda m: m.date, default=None)
        last = f"; the latest synced is {held.committee}, {date_words(held.date)} (id {held.meeting_id})" \
            if held else ""
        raise ModernGovError(f"no synced meeting on or after {date_words(today)}{last}; use --meeting ID "
                             "or sync again")
    return min(ahead, key=lambda m: (m.date, m.meeting_id))


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PREPARE = re.compile(r"\b(?:prepare|ready|brief|questions?)\b.*\b(?:committee|scrutiny|cabinet|meeting|panel)\b",
                      re.IGNORECASE)


def meeting_in_words(text: str, catalog: Catalog, today: date | None = None) -> MeetingRow | None:
    """The synced meeting a request like "Prepare me for Thursday's scrutiny committee" means, or None when the
    words ask for no meeting. A weekday is the next meeting on that day; a committee word narrows the choice
    ("cabinet", "scrutiny", or words of a committee's title). For a front end (Slack) to hand to `build_pack`."""
    if not _PREPARE.search(text):
        return None
    today = today or date.today()
    words = text.lower()
    ahead = [m for m in catalog.meetings() if m.date >= today and (m.status or "").lower() != "cancelled"]
    def named(m: MeetingRow) -> int:
        title = set(re.findall(r"[a-z]{5,}", m.committee.lower())) - {"committee", "meeting", "board"}
        return sum(1 for w in title if re.search(rf"\b{w}\b", words))

    best = max((named(m) for m in ahead), default=0)
    ahead = [m for m in ahead if named(m) == best]
    day = next((n for n, name in enumerate(_WEEKDAYS) if re.search(rf"\b{name}(?:'s)?\b", words)), None)
    if day is not None:
        ahead = [m for m in ahead if m.date.weekday() == day]
    return min(ahead, key=lambda m: (m.date, m.meeting_id), default=None)


def previous_meeting(catalog: Catalog, meeting: MeetingRow) -> MeetingRow | None:
    """The same committee's meeting before this one."""
    earlier = [m for m in catalog.meetings(meeting.service)
               if m.committee_id == meeting.committee_id and m.date < meeting.date]
    return max(earlier, key=lambda m: (m.date, m.meeting_id), default=None)


# -- evidence for one item -----------------------------------------------------------------------------------
def _visible(row: DocumentRow, access: AccessContext) -> bool:
    return row.state == "ingested" and (row.classification != "restricted" or access.allow_restricted)


def _own_passages(kb: Any, access: AccessContext, topic: str, papers: list[str], agenda: list[str],
                  k: int = 6) -> list[Passage]:
    """Passages from the item's own papers (then its agenda text), best first, at most three per document."""
    if not papers and not agenda:
        return []
    found = kb.search(f"{topic} risk target proposal progress", k=60, access=access)
    out: list[Passage] = []
    per_doc: dict[str, int] = {}
    for urls in (set(papers), set(agenda)):
        for p in found:
            if p.path in urls and per_doc.get(p.doc_id, 0) < 3:
                per_doc[p.doc_id] = per_doc.get(p.doc_id, 0) + 1
                out.append(p)
    return out[:k]


def _mentioned_indicators(assistant: Assistant, texts: list[str], limit: int = 6) -> list[str]:
    """Indicators the item's papers name (by name or alias)."""
    from bot.challenge import alias_hit

    store = assistant.store
    if not store.datasets():
        return []
    text = "\n".join(t[:30000] for t in texts)
    return [info.indicator_id for info in store.indicators() if alias_hit(text, info)][:limit]


def _promise_lines(kb: Any, access: AccessContext, documents: list[DocumentInfo],
                   on: str) -> list[tuple[str, LineOfEnquiry]]:
    """(sentence, line) for every undertaking the previous minutes record, each citing its minutes passage."""
    from bot.challenge import LineOfEnquiry
    from knowledge.models import SearchFilters

    w = _wording()
    out: list[tuple[str, LineOfEnquiry]] = []
    for doc in documents:
        for sentence in promises_in(kb.source_text(doc.doc_id)):
            hits = kb.search(sentence, k=10, access=access, filters=SearchFilters(doc_types=[doc.doc_type]))
            passage = next((h for h in hits if h.doc_id == doc.doc_id and sentence in h.text), None)
            if passage is None:
                continue
            facts = {"promise": sentence, "promised_on": on}
            out.append((sentence, LineOfEnquiry(
                kind="document_risk", title=w["promise_title"].format(promised_on=on),
                summary=w["promise_summary"].format(promise=sentence, promised_on=on), materiality=0.96,
                passages=[passage], facts=facts, quotes={passage.chunk_id: sentence})))
    return out


def _paper_passages(passages: list[Passage], limit: int = 2) -> list[Passage]:
    """The passages of the item's papers most worth asking about: the most substantive of each paper first, then
    the next most substantive of any."""
    def substance(p: Passage) -> float:
        return len(_SUBSTANCE.findall(p.text)) / (1 + len(p.text) / 2000)

    ranked = sorted(passages, key=lambda p: -substance(p))
    firsts = [p for n, p in enumerate(ranked) if all(q.doc_id != p.doc_id for q in ranked[:n])]
    rest = [p for p in ranked if p not in firsts and substance(p) > 0]
    return (firsts + rest)[:limit]


def _paper_line(passage: Passage, topic: str, item_label: str) -> LineOfEnquiry:
    from bot.challenge import LineOfEnquiry
    from bot.compose import best_quote

    w = _wording()
    # The substance words alone: the topic's own words would pick the paper's title line.
    quote = best_quote("risk weakness target gap shortfall recommendation proposes milestone plan savings",
                       passage.text, limit=_PAPER_QUOTE_CHARS)
    paper = "report for this item"
    facts = {"paper_quote": " ".join(quote.split()), "paper": paper, "item": item_label}
    return LineOfEnquiry(kind="document_risk", title=w["paper_title"],
                         summary=w["paper_summary"].format(item=item_label, paper_quote=facts["paper_quote"]),
                         materiality=0.98, passages=[passage], facts=facts, quotes={passage.chunk_id: quote})


def _words(text: str) -> set[str]:
    from bot.compose import content_words

    return content_words(text) - {"committee", "meeting", "report", "item", "next", "last", "council", "plan",
                                  "present", "update", "officer", "member"}


def _assign_promises(promises: list[tuple[str, LineOfEnquiry]], items: list[ItemRow],
                     agenda: dict[str, str]) -> dict[str, list[tuple[str, LineOfEnquiry]]]:
    """Each promise goes to the item it shares most words with ("" when none: matters arising)."""
    scored: dict[str, list[tuple[int, str, LineOfEnquiry]]] = {}
    for sentence, line in promises:
        words = _words(sentence)
        best, score = "", 0
        for item in items:
            # Words of the item's title count double: the agenda text mentions neighbouring topics too.
            shared = 2 * len(words & _words(item.title)) + len(words & _words(agenda.get(item.item_id, "")))
            if shared > score:
                best, score = item.item_id, shared
        scored.setdefault(best, []).append((score, sentence, line))
    # The closest few per item, in the minutes' order: more would crowd out the item's own papers.
    out: dict[str, list[tuple[str, LineOfEnquiry]]] = {}
    for item_id, found in scored.items():
        keep = sorted(found, key=lambda f: (-strength(f[1]), -f[0]))[:PROMISES_PER_ITEM] if item_id else found
        out[item_id] = [(s, line) for score, s, line in found if any(s == k[1] for k in keep)]
    return out


def _item_answer(assistant: Assistant, caller: CallerContext, evidence: Evidence, label: str,
                 per_item: int) -> Answer:
    from bot.challenge import questions_from_evidence, rephrase_questions
    from bot.models import Answer

    drafted = questions_from_evidence(evidence, bank=question_bank(), max_questions=per_item,
                                      embedder=assistant.embedder)
    questions = drafted.questions
    if assistant.llm is not None and questions:
        questions = rephrase_questions(assistant.llm, evidence, questions, drafted.citations, drafted.figures,
                                       per_item)
    has_data = bool(drafted.data_citation_ids)
    has_docs = any(c.id not in drafted.data_citation_ids for c in drafted.citations)
    kind = "none" if not questions else ("mixed" if has_data and has_docs else ("indicator" if has_data
                                                                                else "document"))
    return Answer(question=_wording()["item_title"].format(item=label), kind=kind, answer="; ".join(
        drafted.headlines), citations=drafted.citations, figures=drafted.figures, questions=questions)


def build_pack(assistant: Assistant, caller: CallerContext, selector: str = "next", committee: str | None = None,
               area: str | None = None, today: date | None = None, per_item: int = PER_ITEM) -> MeetingPack:
    """Questions for every substantive item of the meeting `selector` names (an id or `next`)."""
    from bot.challenge import detect_lines, gather_evidence, match_indicators

    home = assistant.settings.home
    catalog = Catalog(catalog_path(home))
    meeting = resolve_meeting(catalog, selector, committee, today)
    access = assistant.access(caller)
    area_code = assistant.home_area(caller, area)
    kb = assistant.kb
    store = assistant.store
    docs_by_url = {d.path: d for d in kb.documents()}
    rows = catalog.documents(meeting.service, meeting.meeting_id)
    items = catalog.items(meeting.service, meeting.meeting_id)
    if not items:
        raise ModernGovError(f"meeting {meeting.meeting_id} ({meeting.committee}, {date_words(meeting.date)}) has "
                             "no agenda items synced; run the sync again")
    substantive = [i for i in items if not i.procedural and (not i.restricted or access.allow_restricted)]
    agenda = {r.item_id: (Path(r.file).read_text(encoding="utf-8", errors="replace") if r.file else "")
              for r in rows if r.kind == "agenda" and _visible(r, access)}

    # What was promised last time: the previous meeting's minutes, and minutes papers attached to this meeting.
    previous = previous_meeting(catalog, meeting)
    minutes_docs: list[DocumentInfo] = []
    minutes_rows = [r for r in (catalog.documents(meeting.service, previous.meeting_id) if previous else [])
                    if r.kind == "minutes" or r.doc_type == "minutes"]
    minutes_rows += [r for r in rows if r.doc_type == "minutes" and r.kind == "paper"]
    for r in minutes_rows:
        if _visible(r, access) and r.url in docs_by_url:
            minutes_docs.append(docs_by_url[r.url])
    on = date_words(previous.date) if previous else "the last meeting"
    promises = _assign_promises(_promise_lines(kb, access, minutes_docs, on), substantive, agenda)

    pack = MeetingPack(meeting_id=meeting.meeting_id, committee=meeting.committee, date=meeting.date,
                       url=meeting.page_url, previous_meeting=(f"{previous.committee}, {date_words(previous.date)}"
                                                               if previous else None))
    infos = store.indicators() if store.datasets() else []
    for item in substantive:
        own_rows = [r for r in rows if r.item_id == item.item_id and _visible(r, access)]
        papers = [PaperRef(title=r.cited_as, url=r.url, classification=r.classification, doc_type=r.doc_type)
                  for r in own_rows if r.kind == "paper"]
        topic = clean_title(item.title)
        label = f"Item {item.number}: {topic}" if item.number else topic
        texts = [kb.source_text(docs_by_url[r.url].doc_id) for r in own_rows if r.url in docs_by_url]
        indicators = [i for i, _ in match_indicators(topic, infos, assistant.embedder, store.cache())] if infos \
            else []
        indicators += [i for i in _mentioned_indicators(assistant, texts) if i not in indicators]
        evidence = gather_evidence(topic, store if infos else None, kb, access, area_code, indicators or None,
                                   meeting.date.isoformat(), assistant.embedder)
        own = _own_passages(kb, access, topic, [r.url for r in own_rows if r.kind == "paper"],
                            [r.url for r in own_rows if r.kind == "agenda"])
        for p in reversed(own):  # the item's own papers first in their kind's evidence, and in "any"
            for key in (p.doc_type, "any"):
                bucket = evidence.passages.setdefault(key, [])
                if all(q.chunk_id != p.chunk_id for q in bucket):
                    bucket.insert(0, p)
        lines = detect_lines(evidence, store if infos else None, kb, access)
        extra = [line for _, line in promises.get(item.item_id, [])]
        paper_urls = {r.url for r in own_rows if r.kind == "paper"}
        chosen = [p for p in own if p.path in paper_urls] or own  # agenda text only when there is no paper
        for passage in _paper_passages(chosen):
            extra.append(_paper_line(passage, topic, label))
        head = [line for line in lines if line.kind == "overview"]
        rest = sorted([line for line in lines if line.kind != "overview"] + extra, key=lambda line: -line.materiality)
        evidence.lines = head + rest
        answer = _item_answer(assistant, caller, evidence, label, per_item)
        pack.items.append(ItemPack(item_id=item.item_id, number=item.number, title=topic, restricted=item.restricted,
                                   papers=papers, promises=[s for s, _ in promises.get(item.item_id, [])],
                                   answer=answer, evidence=evidence))
    leftover = promises.get("", [])
    if leftover:
        from bot.challenge import Evidence

        evidence = Evidence(topic=_wording()["matters_arising"], area_code=area_code, area_name=area_code,
                            meeting_date=meeting.date.isoformat(), lines=[line for _, line in leftover])
        pack.items.append(ItemPack(item_id="matters-arising", title=_wording()["matters_arising"],
                                   promises=[s for s, _ in leftover],
                                   answer=_item_answer(assistant, caller, evidence, _wording()["matters_arising"],
                                                       per_item), evidence=evidence))
    return pack


def slug(text: str) -> str:
    """A file-name-safe form of an item title."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64].strip("-") or "item"
