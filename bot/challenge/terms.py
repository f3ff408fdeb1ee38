"""Terms and acronyms in plain words (prompts/terms.yaml): which of them a text uses, the "Terms used" sentence of a
question list, and the gloss a question read aloud carries the first time it uses one. No number is computed here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ValidationError, field_validator

from bot.errors import AssistantError
from prompts.templates import Templates, load_templates

__all__ = ["Term", "gloss", "load_terms", "terms_in", "terms_marker", "terms_sentence"]

TERMS_FILE = "terms.yaml"


class Term(BaseModel):
    """One entry of prompts/terms.yaml."""

    term: str
    pattern: str
    means: str
    spoken: str = ""
    unless: str = ""

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"pattern {value!r} is not a regular expression: {exc}") from None
        return value

    @field_validator("means")
    @classmethod
    def _no_numerals(cls, value: str) -> str:
        # Every numeral in an output is a figure from the data; a "Q1" or "QRC4" glued to letters is a label.
        if re.search(r"(?<![A-Za-z])\d", value):
            raise ValueError(f"a term's meaning carries no numerals: {value!r}")
        if ";" in value:
            raise ValueError(f"a term's meaning carries no ';' (it separates the terms of a list): {value!r}")
        return " ".join(value.split())

    def found(self, text: str) -> re.Match[str] | None:
        """The first place `text` uses the term, or None."""
        return _compiled(self.pattern).search(text)


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _wording(path: Path | None = None) -> Templates:
    return load_templates(path or TERMS_FILE)


def load_terms(path: Path | None = None) -> list[Term]:
    """The terms of prompts/terms.yaml (or `path`), in the file's order."""
    raw = _wording(path).data.get("terms")
    if not isinstance(raw, list):
        raise AssistantError(f"{path or TERMS_FILE} must hold a list of 'terms'")
    try:
        return [Term.model_validate(entry) for entry in raw]
    except ValidationError as exc:
        error = exc.errors()[0]
        raise AssistantError(f"{path or TERMS_FILE}: {error['msg']} at {error['loc']}") from None


def terms_in(text: str, terms: Sequence[Term] | None = None) -> list[Term]:
    """The terms `text` uses, in the table's order (a term another one already explains is left out)."""
    terms = load_terms() if terms is None else terms
    used = [t for t in terms if t.found(text)]
    names = {t.term for t in used}
    return [t for t in used if not t.unless or t.unless not in names]


def terms_sentence(text: str) -> str:
    """" Terms used: CIPFA nearest neighbours (the councils most like ...); FTE (...)." for the terms `text` uses,
    or "" when it uses none."""
    found = terms_in(text)
    if not found:
        return ""
    w = _wording()
    entries = w.text("separator").join(w.fill("entry", term=t.term, means=t.means) for t in found)
    return w.fill("intro", terms=entries)


def terms_marker() -> str:
    """The words the "Terms used" sentence starts with (so a note can leave it out of the list's introduction)."""
    return _wording().text("intro").split("{", 1)[0]


_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")


def _spelt_out(spoken: str, said: str) -> bool:
    """Whether the words used already are the gloss (an acronym's name written out in full)."""
    plain = spoken.lower().removeprefix("the ").strip()
    return plain in said.lower() or said.lower() in plain and len(said) > 5


def gloss(text: str, names: Sequence[str] = ()) -> str:
    """A question as a chair reads it aloud: each term with a spoken gloss explained in brackets where it is first
    used ("per FTE (full-time equivalent)"). Quotations stay verbatim and indicator names with digits stay whole
    (the figure checks must still find them): a term inside one is glossed after it ("(ASC: adult social care)")."""
    for term in terms_in(text):
        if not term.spoken or f"({term.spoken}" in text or f": {term.spoken})" in text:
            continue
        match = term.found(text)
        if match is None:
            continue
        if _spelt_out(term.spoken, match.group(0)):
            continue  # "Local Government Benchmarking Framework" needs no "(the Local Government …)" after it
        at = match.end()
        spans = [m.span() for m in _QUOTED.finditer(text)]
        spans += [(s, s + len(n)) for n in names if re.search(r"\d", n) for s in [text.find(n)] if s != -1]
        for start, end in spans:
            if start <= match.start() < end:
                at = max(at, end)
        words = f"{term.spoken}" if at == match.end() else f"{match.group(0)}: {term.spoken}"
        text = f"{text[:at]} ({words}){text[at:]}"
    return text
