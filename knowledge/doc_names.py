"""Documents known by name: title, authors, publisher and kind read from the document itself, and the document a
question names ("the Cardiff study", "Grace and Martin's essay", "the LGA guide for officers")."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Any

from knowledge.lexical import tokenize

_SMALL = frozenset("a an and as at but by for from in into of on or the to with vs via".split())
_ACRONYMS = {"Local Government Association": "LGA", "Improvement and Development Agency": "IDeA",
             "Audit Commission": "AC", "Chartered Institute of Public Finance and Accountancy": "CIPFA"}
_KIND_CUES: dict[str, tuple[str, ...]] = {
    "thesis": (r"\bthesis\b", r"\bdissertation\b", r"\bdoctor(?:al|ate) of\b", r"\bDBA\b", r"\bPhD\b"),
    "essay": (r"\bthis essay\b", r"\bessay\b"),
    "guide": (r"\bthis guide\b", r"\bworkbook\b", r"\bguide for\b"),
    "article": (r"\bthis (?:article|paper)\b", r"\bREFERENCES\b", r"\bAbstract\b"),
    "report": (r"\bthis report\b", r"\bcompanion report\b", r"\bevaluation\b"),
}
# Words a question uses for each kind of document.
KIND_WORDS: dict[str, frozenset[str]] = {
    "thesis": frozenset({"thesis", "dissertation", "doctoral", "doctorate", "dba", "phd", "study", "research"}),
    "essay": frozenset({"essay", "pamphlet", "assessment"}),
    "guide": frozenset({"guide", "guidance", "workbook", "handbook"}),
    "article": frozenset({"article", "paper", "journal", "study", "research", "academics", "researchers"}),
    "report": frozenset({"report", "audit", "survey", "evaluation", "research"}),
}
_NAME = r"[A-Z][a-zà-ÿ'’-]+(?:\s+(?:de|van|von|le)\s+[A-Z][a-zà-ÿ'’-]+|\s+[A-Z][a-zà-ÿ'’-]+){1,2}"
_AUTHOR_LINE = re.compile(rf"^\s*({_NAME})(?:\s*,\s*({_NAME}))*\s+and\s+({_NAME})\s*$", re.MULTILINE)
_CITATION = re.compile(r"^\s*((?:[A-Z][a-zà-ÿ'’-]+,\s*(?:[A-Z]\.\s*)+,?\s*)+and\s+[A-Z][a-zà-ÿ'’-]+,\s*(?:[A-Z]\.)+)",
                       re.MULTILINE)
_AFFILIATED = re.compile(rf"^\s*({_NAME}),\s+([A-Z][A-Za-z ]+University)\b", re.MULTILINE)
_PUBLISHER = (re.compile(r"©\s*(?:Copyright\s+)?([A-Z][A-Za-z&' ]{3,60}?)(?:,|\s+\d{4}|$)", re.MULTILINE),
              re.compile(r"\b(?:commissioned|produced|published) by the ([A-Z][A-Za-z]{1,12}(?: [A-Z][a-z]+)*)"),
              re.compile(r"\b(?:commissioned|produced|published) by (?:the )?([A-Z][A-Za-z ]{3,60}?)\b(?:[.,(]|$)"))
_JOURNAL = re.compile(r"\*([A-Z][A-Za-z ]{5,60})\*,?\s*\d+\s*[:(]")
_UNIVERSITY = re.compile(r"\b([A-Z][a-z]+ University|University of [A-Z][a-z]+)\b")


def display_title(title: str) -> str:
    """A title as a reader writes it: shouting and file-name lower case turned into title case, spacing tidied."""
    title = " ".join(title.split())
    letters = [c for c in title if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        words = title.lower().split(" ")
        title = " ".join(w if (i and w in _SMALL) else w[:1].upper() + w[1:] for i, w in enumerate(words))
    elif title[:1].islower():
        title = title[:1].upper() + title[1:]
    return re.sub(r"\bEnglish\b|\benglish\b", "English", title)


def file_name_title(stem: str) -> str:
    """A readable title from a file name: words capitalised (small words aside)."""
    words = re.sub(r"[-_]+", " ", stem).split()
    return " ".join(w if (i and w.lower() in _SMALL) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _authors(head: str) -> list[str]:
    found = _CITATION.search(head)
    if found:
        return [m.group(1) for m in re.finditer(r"([A-Z][a-zà-ÿ'’-]+),\s*(?:[A-Z]\.)", found.group(1))]
    affiliated = [m.group(1) for m in _AFFILIATED.finditer(head)]
    if len(affiliated) >= 2:
        return affiliated
    line = _AUTHOR_LINE.search(head)
    if line:
        names = re.split(r"\s*,\s*|\s+and\s+", line.group(0).strip())
        if all(2 <= len(n.split()) <= 3 for n in names):
            return names
    return affiliated


def _publisher(head: str, tail: str, kind: str | None, text: str) -> str | None:
    for pattern in _PUBLISHER:
        for source in (tail, head):
            match = pattern.search(source)
            if match:
                name = match.group(1).strip()
                return {v: k for k, v in _ACRONYMS.items()}.get(name, name)
    for body in _ACRONYMS:
        if body in head[:2500]:
            return body
    journal = _JOURNAL.search(head)
    if journal:
        return journal.group(1).strip()
    if kind == "thesis":
        counted = Counter(m.group(1) for m in _UNIVERSITY.finditer(text))
        if counted:
            return counted.most_common(1)[0][0]
    return None


def _kind(head: str, file_name: str) -> str | None:
    named = file_name.replace("-", " ").replace("_", " ").lower()
    for kind in _KIND_CUES:
        if kind in named:
            return kind
    scores = {kind: sum(len(re.findall(c, head)) for c in cues) for kind, cues in _KIND_CUES.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] else None


def describe(text: str, file_name: str) -> dict[str, Any]:
    """Authors, publisher and kind of document, read from its opening and closing text."""
    head, tail = text[:4000], text[-2500:]
    kind = _kind(text[:20000], file_name)
    affiliations = sorted({m.group(1) for m in _UNIVERSITY.finditer(head)})
    return {"authors": _authors(head), "publisher": _publisher(head, tail, kind, text), "kind": kind,
            "affiliations": affiliations}


def surname(name: str) -> str:
    """The last word of a personal name ("Steve Martin" -> "Martin")."""
    return name.split()[-1] if name.split() else name


def _fold(word: str) -> str:
    return word.lower().replace("ö", "o").replace("oe", "o").replace("é", "e").replace("’", "'")


def name_evidence(question: str, doc: dict[str, Any]) -> tuple[float, float]:
    """How strongly `question` names `doc` ({title, authors, publisher, kind, affiliations}): (naming score, title
    score). Naming counts authors' surnames (2 each), publisher or affiliation (1.5), the kind of document (1.5);
    title words count 0.5 each."""
    words = {_fold(w) for w in re.findall(r"[A-Za-zÀ-ÿ'’]+", question)}
    words |= {w[:-2] for w in words if w.endswith("'s")}
    stems = set(tokenize(question))
    naming = 0.0
    for name in doc.get("authors") or []:
        if _fold(surname(name)) in words:
            naming += 2.0
    publisher = doc.get("publisher") or ""
    bodies = [publisher, _ACRONYMS.get(publisher, "")] + list(doc.get("affiliations") or [])
    for body in bodies:
        parts = [_fold(w) for w in re.findall(r"[A-Za-z]+", body) if w.lower() not in ("university", "of", "the")]
        if parts and (all(p in words for p in parts) or (len(body) <= 5 and body.lower() in words)):
            naming += 1.5
            break
    if doc.get("kind") and words & KIND_WORDS.get(doc["kind"], frozenset()):
        naming += 1.5
    title_words = set(tokenize(doc.get("title") or "")) - {"local", "government", "council", "public"}
    return naming, 0.5 * len(title_words & stems)


def named_document(question: str, docs: dict[str, dict[str, Any]]) -> str | None:
    """The id of the one document `question` names, or None when it names none (or several equally)."""
    scored = []
    for doc_id, doc in docs.items():
        naming, title = name_evidence(question, doc)
        if naming >= 1.5:
            scored.append((naming + title, naming, doc_id))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < 2.5:
        return None
    if len(scored) > 1 and scored[1][0] >= scored[0][0] * 0.75:
        return None
    return scored[0][2]


_FRAMING = re.compile(r"\b(?:according to|in|from|of|by|for)\s+(?:the\s+)?$", re.I)


def without_names(question: str, doc: dict[str, Any]) -> str:
    """`question` with the words that name `doc` (authors, publisher, affiliation, kind of document, title words)
    taken out, so that searching inside the document matches what is asked, not what it is called."""
    naming = {_fold(surname(a)) for a in doc.get("authors") or []}
    naming |= {_fold(a) for name in doc.get("authors") or [] for a in name.split()}
    for body in [doc.get("publisher") or "", _ACRONYMS.get(doc.get("publisher") or "", "")] + list(
            doc.get("affiliations") or []):
        naming |= {_fold(w) for w in re.findall(r"[A-Za-z]+", body) if w.lower() not in ("of", "the", "and")}
    words = re.findall(r"\S+", question)
    gone = []
    for word in words:
        bare = _fold(re.sub(r"[^\w'’-]", "", word))
        bare = bare[:-2] if bare.endswith("'s") else bare
        gone.append(bool(bare) and bare in naming)
    for i, word in enumerate(words):  # "Döring, Downe and Martin": the "and" between two names goes too
        if word.lower() in ("and", "&") and 0 < i < len(words) - 1 and gone[i - 1] and gone[i + 1]:
            gone[i] = True
    out = " ".join(w for w, g in zip(words, gone, strict=True) if not g)
    return out if len(tokenize(out)) >= 2 else question


_QUESTION_WORDS = frozenset("what which who whom whose when where why how is are was were do does did can could "
                            "should would will has have had in on of for according the a an and to by if i".split())


def query_names(question: str) -> list[str]:
    """Words of `question` that are names: capitalised words after its first word (or an acronym anywhere),
    possessives and punctuation removed."""
    out = []
    for i, raw in enumerate(re.findall(r"[A-Za-zÀ-ÿ][\w'’-]*", question)):
        word = re.sub(r"['’]s$", "", raw).strip("'’-")
        if len(word) < 2 or word.lower() in _QUESTION_WORDS:
            continue
        acronym = word.isupper() and len(word) >= 3
        if (i > 0 and word[0].isupper()) or acronym:
            out.extend(part for part in re.split(r"[-'’]", word) if len(part) >= 2)
    return out


def fold(text: str) -> str:
    """Lower case without accents ("Döring" -> "doring"), for matching names."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
