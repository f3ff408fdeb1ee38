"""With an LLM configured, a document question may be rewritten into a few search queries (multi-query retrieval).

The model only proposes other wordings of the question; `knowledge.base.KnowledgeBase.search(query, also=...)`
searches each and fuses the rankings, while the question itself still decides whether anything held is relevant,
is re-ranked against and picks the quotes, which stay verbatim from the index. A reply that is not a short JSON
list of queries (prose, an answer, a provider failure, an empty list) is ignored: the plain question is searched.
"""

from __future__ import annotations

import json
import logging
import re
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, Field, StringConstraints, ValidationError

if TYPE_CHECKING:
    from bot.llm import ChatModel

__all__ = ["MAX_QUERIES", "SearchQueries", "parse_queries", "search_queries"]

log = logging.getLogger(__name__)
MAX_QUERIES = 3
MAX_WORDS = 40
_FENCE = re.compile(r"^\s*```(?:json)?\s*|\s*```\s*$", re.IGNORECASE)

Query = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=300)]


class SearchQueries(BaseModel):
    """The model's reply: one to a few search queries."""

    queries: list[Query] = Field(min_length=1, max_length=10)


def parse_queries(reply: str, question: str) -> list[str]:
    """The usable queries in a model's reply (at most MAX_QUERIES, none equal to the question); [] when the reply is
    not the JSON asked for."""
    text = _FENCE.sub("", reply.strip())
    try:
        data = json.loads(text)
        parsed = SearchQueries.model_validate({"queries": data} if isinstance(data, list) else data)
    except (ValueError, ValidationError) as exc:
        log.warning("search queries from the model ignored: %s", str(exc).splitlines()[0][:120])
        return []
    seen = {" ".join(question.lower().split())}
    out: list[str] = []
    for query in parsed.queries:
        key = " ".join(query.lower().split())
        if key in seen or len(query.split()) > MAX_WORDS:
            continue
        seen.add(key)
        out.append(" ".join(query.split()))
    return out[:MAX_QUERIES]


def search_queries(llm: ChatModel, question: str, count: int = MAX_QUERIES) -> list[str]:
    """Ask the model for up to `count` other search queries for `question` (prompts/search_queries.md); [] on any
    failure, so the plain question is searched alone."""
    from bot.llm import invoke_text, prompt_text
    from prompts.errors import ScrutinyError

    prompt = prompt_text("search_queries.md").format(question=question, max_queries=count)
    try:
        reply = invoke_text(llm, prompt)
    except ScrutinyError as exc:
        log.warning("no search queries from the model: %s", str(exc).splitlines()[0][:120])
        return []
    return parse_queries(reply, question)[:count]
