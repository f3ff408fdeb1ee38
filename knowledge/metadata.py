"""Document metadata read from the document itself: type, title and date."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from knowledge.models import DocType

# Phrases that mark each type, weighted by how specific they are. The title and file name count three times.
_TYPE_CUES: dict[DocType, list[tuple[str, float]]] = {
    "peer_challenge": [(r"corporate peer challenge", 4), (r"peer challenge", 3), (r"peer team", 2),
                       (r"peer review", 1.5), (r"\bpeers\b", 0.5), (r"feedback report", 1)],
    "performance_report": [(r"performance report", 3), (r"quarterly performance", 3), (r"\bkpis?\b", 1),
                           (r"key performance indicators?", 1.5), (r"\brag\b", 1), (r"\bq[1-4]\b", 1),
                           (r"performance (?:monitoring|dashboard|scorecard)", 2), (r"\btarget\b", 0.3)],
    "plan": [(r"(?:council|corporate|strategic|delivery|improvement) plan", 3), (r"\bour priorities\b", 1.5),
             (r"\bour vision\b", 1), (r"\bplan 20\d\d", 2), (r"\bambitions?\b", 0.5), (r"\bcommitments?\b", 0.3)],
    "minutes": [(r"\bminutes\b", 3), (r"apologies for absence", 3), (r"declarations? of interests?", 2),
                (r"\bresolved\b", 1), (r"\bpresent:", 2), (r"\bchair(?:man)?\b", 0.3), (r"\bagenda item", 1)],
    "audit": [(r"audit(?:or's)? (?:annual )?letter", 4), (r"annual audit", 3), (r"\bauditor", 2),
              (r"value for money (?:conclusion|arrangements)", 2), (r"annual governance statement", 2),
              (r"external audit", 2), (r"internal audit", 1), (r"financial statements", 1)],
}
_MIN_SCORE = 3.0
_TEXT_ONLY_PENALTY = 5.0

_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\.?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_UK_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")


def infer_doc_type(title: str | None, text: str, file_name: str) -> DocType:
    """Best-matching document type from the title, file name and opening text; `other` when nothing fits."""
    head = text[:6000].lower()
    named = f"{title or ''} {file_name.replace('-', ' ').replace('_', ' ')}".lower()
    best: DocType = "other"
    best_score = 0.0
    for doc_type, cues in _TYPE_CUES.items():
        named_score = sum(weight for pattern, weight in cues if re.search(pattern, named))
        text_score = sum(weight * min(3, len(re.findall(pattern, head))) for pattern, weight in cues)
        # Without a cue in the title or file name, the text alone must be emphatic (guides and research
        # papers mention plans and peer challenges in passing).
        score = 3 * named_score + text_score if named_score else text_score - _TEXT_ONLY_PENALTY
        if score > best_score:
            best, best_score = doc_type, score
    return best if best_score >= _MIN_SCORE else "other"


def _month(name: str) -> int:
    name = name.lower()[:3]
    return next(i for i, m in enumerate(_MONTHS, start=1) if m.startswith(name))


def parse_date(text: str | None) -> date | None:
    """The first date written in `text` (ISO, 12 March 2024, 12/03/2024, March 2024 as the 1st)."""
    if not text:
        return None
    candidates: list[tuple[int, date]] = []
    for match in _ISO.finditer(text):
        candidates.append((match.start(), _safe(int(match.group(1)), int(match.group(2)), int(match.group(3)))))
    for match in _DAY_MONTH_YEAR.finditer(text):
        candidates.append((match.start(), _safe(int(match.group(3)), _month(match.group(2)), int(match.group(1)))))
    for match in _UK_NUMERIC.finditer(text):
        candidates.append((match.start(), _safe(int(match.group(3)), int(match.group(2)), int(match.group(1)))))
    for match in _MONTH_YEAR.finditer(text):
        # "12 March 2024" also contains "March 2024": the fuller match at an earlier offset wins below.
        candidates.append((match.start() + 1, _safe(int(match.group(2)), _month(match.group(1)), 1)))
    valid = sorted((pos, d) for pos, d in candidates if d is not None)
    return valid[0][1] if valid else None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def document_date(date_text: str | None, text: str) -> date | None:
    """The document's own date: from its properties if given, else the first date in its opening text."""
    return parse_date(date_text) or parse_date(text[:3000])


def title_from_file_name(path: Path) -> str:
    """A readable title made from a file name, for documents that state none."""
    words = re.sub(r"[-_]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:] if words else path.name
