"""Citation validity: every document citation's quote must occur verbatim in the source text at its locator."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.models import Answer, Citation

_PAGE = re.compile(r"\bp\.\s*(\d+)")


@dataclass
class CitationCheck:
    """The outcome for one document citation."""

    question: str
    citation: Citation
    ok: bool
    reason: str = ""

    def describe(self) -> str:
        """One line for the report."""
        c = self.citation
        return f"{self.question!r} [{c.id}] {c.source} ({c.locator}): {self.reason} - quote {c.quote[:80]!r}"


def page_of(locator: str) -> int | None:
    """The page number in a locator such as 'p. 3, § Key findings', or None."""
    m = _PAGE.search(locator)
    return int(m[1]) if m else None


def check_citations(answer: Answer, kb: Any, documents: dict[str, str]) -> tuple[list[CitationCheck], int]:
    """Check the answer's document citations; `documents` maps stored path -> doc_id.

    Returns the checks and the number of non-document (dataset) citations, which are not quotes.
    """
    checks: list[CitationCheck] = []
    other = 0
    for citation in answer.citations:
        doc_id = documents.get(citation.path)
        if doc_id is None:
            other += 1
            continue
        page = page_of(citation.locator)
        try:
            text = kb.source_text(doc_id, page)
        except Exception as exc:  # noqa: BLE001 - any failure to find the locator is an invalid citation
            checks.append(CitationCheck(answer.question, citation, False, f"locator not found: {exc}"))
            continue
        if not citation.quote.strip():
            checks.append(CitationCheck(answer.question, citation, False, "empty quote"))
        elif citation.quote in text:
            checks.append(CitationCheck(answer.question, citation, True))
        else:
            where = f"page {page}" if page is not None else "the document"
            checks.append(CitationCheck(answer.question, citation, False, f"quote not found verbatim in {where}"))
    return checks, other
