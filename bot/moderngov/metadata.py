"""From the committee system's description of a paper to the knowledge base's metadata: which committees to
follow, which agenda items are procedural, the citation title, the document type and the classification."""

from __future__ import annotations

import re
from datetime import date

from bot.moderngov.models import AgendaItem, Committee, LinkedDocument, Meeting
from knowledge.models import DocType

# Items every agenda has that no one scrutinises.
_PROCEDURAL = re.compile(
    r"^\s*(?:apologies|declarations? of (?:interests?|pecuniary)|(?:confirmation of |approval of )?(?:the )?minutes\b|"
    r"urgent (?:business|items?)|(?:items of )?any other business|exclusion of (?:the )?press|"
    r"(?:date|dates) of (?:the )?next meeting|chair'?s? (?:announcements|communications)|"
    r"public (?:questions|participation|speaking)|substitutes?|membership|welcome|"
    r"election of (?:a )?(?:vice[- ])?chair|"
    r"appointment of (?:a )?(?:vice[- ])?chair|questions? (?:from|by) (?:the )?public|petitions?$)", re.IGNORECASE)
_NUMBER_PREFIX = re.compile(r"^\s*(?:item\s*)?\d+[a-z]?\s*[-.:)]\s+", re.IGNORECASE)
_TYPE_WORDS: list[tuple[re.Pattern[str], DocType]] = [
    (re.compile(r"\bminutes?\b", re.IGNORECASE), "minutes"),
    # A progress report on an action plan is monitoring, not the plan or the peer challenge itself.
    (re.compile(r"action plan\W+progress|progress (?:report|update)|: progress\b", re.IGNORECASE),
     "performance_report"),
    (re.compile(r"peer (?:challenge|review)|peer team", re.IGNORECASE), "peer_challenge"),
    (re.compile(r"\baudit(?:or)?s?\b|annual governance statement|value for money", re.IGNORECASE), "audit"),
    (re.compile(r"performance (?:report|monitoring|dashboard|scorecard|update)|\bkpis?\b|"
                r"quarter\s*[1-4]|\bq[1-4]\b|quarterly (?:performance|monitoring)", re.IGNORECASE),
     "performance_report"),
    (re.compile(r"\b(?:council|corporate|strategic|delivery|improvement|recovery|action|business) plan\b|"
                r"\bstrategy\b", re.IGNORECASE), "plan"),
]
_MONTHS = ("January February March April May June July August September October November December").split()


def default_committee(committee: Committee) -> bool:
    """Followed unless named: a scrutiny committee (by title) or the cabinet, and still in use."""
    title = committee.title.lower()
    return not committee.deleted and not committee.expired and ("scrutiny" in title or
                                                                  re.search(r"\bcabinet\b", title) is not None)


def choose_committees(committees: list[Committee], wanted: list[str]) -> list[Committee]:
    """The committees named (by id, exact title, or words of the title), or the default set when none is named."""
    if not wanted:
        return [c for c in committees if default_committee(c)]
    chosen: list[Committee] = []
    for name in wanted:
        key = name.strip().lower()
        hits = [c for c in committees if c.id == name.strip()] or \
               [c for c in committees if c.title.lower() == key] or \
               [c for c in committees if key in c.title.lower() and not c.deleted]
        chosen.extend(h for h in hits if h not in chosen)
    return chosen


def unmatched_committees(committees: list[Committee], wanted: list[str]) -> list[str]:
    """The --committee values that name no committee."""
    return [w for w in wanted if not choose_committees(committees, [w])]


def is_procedural(item: AgendaItem) -> bool:
    """Apologies, declarations, minutes of the last meeting, urgent business and the like."""
    return bool(_PROCEDURAL.match(clean_title(item.title)))


def clean_title(title: str) -> str:
    """A title without the agenda's own numbering ("6 - Quarter 2 report" -> "Quarter 2 report")."""
    cleaned = _NUMBER_PREFIX.sub("", " ".join(title.split()))
    return cleaned or title.strip()


def date_words(day: date) -> str:
    """24 September 2024."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def item_label(item: AgendaItem) -> str:
    """"item 6: Quarter 2 Performance Report" (or the title alone when the agenda gives no number)."""
    title = clean_title(item.title)
    return f"item {item.number}: {title}" if item.number else title


def citation_title(committee: str, meeting: Meeting, item: AgendaItem, document: str | None = None) -> str:
    """The title a synced paper is indexed and cited under: committee, meeting date, item, then the paper."""
    base = f"{committee}, {date_words(meeting.date)}, {item_label(item)}"
    if document:
        paper, heading = clean_title(document), clean_title(item.title)
        if paper.lower().startswith(heading.lower()):
            paper = paper[len(heading):].strip(" -:\u2013")  # "<item title> - report" adds only "report"
        if paper and paper.lower() not in heading.lower():
            base += f" - {paper}"
    return base


def doc_type_for(document_title: str, item: AgendaItem) -> DocType | None:
    """The document type the titles show (paper first, then its item); None lets the text decide at ingest."""
    from knowledge.metadata import infer_doc_type

    for text in (document_title, item.title):
        for pattern, doc_type in _TYPE_WORDS:
            if pattern.search(text):
                return doc_type
    inferred = infer_doc_type(f"{document_title} {item.title}", "", "")
    return inferred if inferred != "other" else None


def is_restricted(item: AgendaItem, document: LinkedDocument | None = None) -> bool:
    """Exempt (Part 2) when the item or the paper is marked restricted, or says it is exempt in its title."""
    marked = item.restricted or (document is not None and document.restricted)
    words = f"{item.title} {document.title if document else ''}".lower()
    return marked or bool(re.search(r"\bexempt\b|\bpart (?:2|ii|b)\b|\bconfidential\b|not for publication", words))
