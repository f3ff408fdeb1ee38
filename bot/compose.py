"""Extractive answers: computed figures in plain English and verbatim quotes, each with a numbered citation."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.models import Citation
from bot.pipeline.messages import message

if TYPE_CHECKING:
    from indicators.analysis import IndicatorAnalysis
    from indicators.models import Figure
    from knowledge.models import Passage

_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-Z0-9\"'(•\-])|\n\s*\n|\n(?=\s*[-•*\d])")
_STOP = frozenset(
    "a an and are as at be by did do does for from has have how in is it its of on or our the their this to was "
    "we were what when where which who why will with about say said says us you your council councils".split()
)
MAX_QUOTE = 700  # one quote (issue 14: a quote is at most 700 characters)
MAX_QUOTES_TOTAL = 2000  # all the quotes of one answer together


def content_words(text: str) -> set[str]:
    """Lower-case words that carry meaning (no stop words), with a crude plural fold."""
    return {w.rstrip("s") if len(w) > 4 else w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def best_quote(question: str, text: str, limit: int = MAX_QUOTE) -> str:
    """The most relevant contiguous run of sentences in `text`, verbatim, at most about `limit` characters."""
    if len(text) <= limit:
        return text.strip()
    spans = _sentence_spans(text)
    if not spans:
        return text[:limit].strip()
    from knowledge.passages import answer_cues

    wanted = content_words(question)
    cues = answer_cues(question)

    def score(span: tuple[int, int]) -> float:
        # Shared words, plus the kind of thing asked for: a number for "how many", a date for "when", a name for
        # "who" (the sentence that holds it answers; the one that only repeats the question's words does not).
        piece = text[span[0]:span[1]]
        words = content_words(piece)
        shared = len(words & wanted)
        bonus = 0.0
        if shared and "number" in cues and re.search(r"\d", piece):
            bonus += 1.0
        if shared and "date" in cues and re.search(r"\b(?:19|20)\d\d\b", piece):
            bonus += 1.0
        if shared and "name" in cues and re.search(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+ [A-Z][a-z]+", piece):
            bonus += 0.5
        return (shared + bonus) / (1 + 0.02 * len(words))

    best = max(range(len(spans)), key=lambda i: score(spans[i]))
    start, end = spans[best]
    # Grow the quote with neighbouring sentences while it stays short, so it reads as a coherent span.
    lo, hi = best, best
    while True:
        grown = False
        if hi + 1 < len(spans) and spans[hi + 1][1] - start <= limit:
            hi += 1
            end = spans[hi][1]
            grown = True
        if lo > 0 and end - spans[lo - 1][0] <= limit and score(spans[lo - 1]) > 0:
            lo -= 1
            start = spans[lo][0]
            grown = True
        if not grown:
            break
    if end - start > limit * 1.5:
        end = start + limit
        cut = text.rfind(" ", start, end)
        end = cut if cut > start + limit // 2 else end
    return text[start:end].strip()


def passage_citation(number: int, passage: Passage, quote: str) -> Citation:
    """Citation for a retrieved passage: document title, locator and a verbatim quote."""
    return Citation(id=number, source=passage_source(passage), path=passage.path, locator=passage.locator,
                    quote=quote)


def document_answer(question: str, passages: list[Passage], first_id: int = 1,
                    lead: str = "The documents say:") -> tuple[str, list[Citation]]:
    """Quote the most relevant part of each passage, numbered from `first_id`."""
    lines, citations = [lead], []
    budget = MAX_QUOTES_TOTAL
    for passage in passages:
        if budget < 80:
            break
        number = first_id + len(citations)
        # A passage is already the structural unit that holds the answer (a paragraph, a list with its lead-in, a
        # row with its header): quoted whole when it fits, else cut to its answering sentences.
        quote = best_quote(question, passage.text, limit=min(MAX_QUOTE, budget))
        budget -= len(quote)
        citations.append(passage_citation(number, passage, quote))
        lines.append(f"• {passage_source(passage)} ({passage.locator}): \u201c{_one_line(quote)}\u201d [{number}]")
    return "\n".join(lines), citations


def passage_source(passage: Passage) -> str:
    """How a citation names the passage's document: its title, with authors or publisher and year for a
    publication that is not a council's own paper."""
    return getattr(passage, "cite_as", passage.title)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def dataset_citation(number: int, analysis: IndicatorAnalysis) -> Citation:
    """Citation for computed figures: dataset, indicator, area and the periods used."""
    info = analysis.info
    periods = [p.period for p in analysis.series if p.value is not None]
    span = f"{periods[0]} to {periods[-1]}" if len(periods) > 1 else (periods[0] if periods else "")
    latest = analysis.latest
    from indicators.formatting import format_value

    quote = f"{latest.indicator_name}, {latest.area_name}, {latest.period}: {format_value(latest.value, latest.unit)}"
    source = f"{info.dataset} dataset" if info.dataset else "indicator data"
    return Citation(id=number, source=f"{source}: {info.name}", path=info.source or info.dataset,
                    locator=f"{info.indicator_id}, {analysis.area_name}, {span}", quote=quote)


def indicator_answer(analysis: IndicatorAnalysis, citation_id: int) -> tuple[str, Citation]:
    """The analysis sentences with a dataset citation marker."""
    text = " ".join(analysis.sentences).strip()
    return f"{text} [{citation_id}]", dataset_citation(citation_id, analysis)


def side_by_side(home: IndicatorAnalysis, other: IndicatorAnalysis,
                 period: str | None = None) -> tuple[str, list[Figure]] | None:
    """One sentence setting the home council's latest value beside another council's, and the figures it states."""
    from indicators.analysis import judge
    from indicators.formatting import format_value

    mine = {p.period: p.value for p in home.series if p.value is not None}
    theirs = {p.period: p.value for p in other.series if p.value is not None}
    shared = [p for p in mine if p in theirs]
    if not shared:
        return None
    period = period if period in shared else shared[-1]
    unit = home.info.unit
    direction = judge(mine[period], theirs[period], home.info)
    verdict = {"improving": "other_better", "worsening": "home_better", "not comparable": "not_comparable"}
    sentence = message("side_by_side", period=period, home=home.area_name, home_value=format_value(mine[period], unit),
                       other=other.area_name, other_value=format_value(theirs[period], unit))
    sentence += message(verdict.get(direction, "same"), home=home.area_name, other=other.area_name)
    stated = [home.latest.model_copy(update={"period": period, "value": mine[period]}),
              other.latest.model_copy(update={"period": period, "value": theirs[period]})]
    return sentence, stated


def councils_side_by_side(analyses: list[IndicatorAnalysis], period: str | None = None
                          ) -> tuple[str, list[Figure]] | None:
    """Several councils on one indicator in the latest period all hold (or `period`), best first, ties as ties."""
    from indicators.analysis import rank_of
    from indicators.formatting import format_value

    held = [{p.period: p.value for p in a.series if p.value is not None} for a in analyses]
    shared = [p for p in held[0] if all(p in h for h in held[1:])]
    holding = [i for i, h in enumerate(held) if period is not None and period in h]
    if period is not None and period not in shared and len(holding) >= 2:
        # 2022-23 asked, Hackney without it: the councils that hold 2022-23 side by side then (the answer says
        # which does not), rather than all of them in an older year nobody asked about.
        analyses, held, shared = [analyses[i] for i in holding], [held[i] for i in holding], [period]
    if not shared:
        return None
    at = period if period in shared else shared[-1]
    values = [float(h[at]) for h in held]  # type: ignore[arg-type]
    info = analyses[0].info
    unit = info.unit
    ranks = [rank_of(v, values, info, info.midpoint) for v in values] if info.polarity else [None] * len(values)
    order = sorted(range(len(analyses)), key=lambda i: (ranks[i] or 0, i))
    listed = "; ".join(f"{analyses[i].area_name} {format_value(values[i], unit)}" for i in order)
    sentence = message("several_side_by_side", period=at, listed=listed)
    if info.polarity and ranks[order[0]] is not None:
        best = [analyses[i].area_name for i in order if ranks[i] == ranks[order[0]]]
        sentence += " " + (message("best_is", who=best[0]) if len(best) == 1 else
                           message("best_tied", who=" and ".join(best)))
    else:
        sentence += " " + message("no_direction")
    stated = [a.latest.model_copy(update={"period": at, "value": values[i], "label": f"value in {at}"})
              for i, a in enumerate(analyses)]
    return sentence, stated
