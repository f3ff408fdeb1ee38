"""What was promised last time: undertakings recorded in minutes ("undertook to bring…", "agreed to circulate…",
"will go to Cabinet in January", "be asked to present…"), each kept as the verbatim sentence that records it."""

from __future__ import annotations

import re

_PROMISE = re.compile(
    r"\b(?:undertook to|undertaken to|promised|pledged|committed to|"
    r"agreed to (?:bring|circulate|provide|report|share|send|present|come back|look into|review|write|publish)|"
    r"would (?:circulate|report|provide|bring|share|send|present|come back|write|publish)|"
    r"will (?:go to|come to|come back|report|circulate|bring|provide|present|publish|be (?:brought|presented|"
    r"circulated|reported|published|shared))|"
    r"(?:be |been |was |were )?asked to (?:bring|present|report|provide|circulate)|to report back|action:)",
    re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])|\n\s*\n|\n(?=\s*[-•*]\s)")
MAX_PROMISE_CHARS = 400
_STRONG = re.compile(r"\b(?:undert(?:ook|aken)|agreed to|would|will|committed|pledged|action:)", re.IGNORECASE)
_QUESTION = re.compile(r"\basked (?:what|why|how|whether|when|if)\b", re.IGNORECASE)


def strength(sentence: str) -> int:
    """How plainly a sentence records an undertaking: 2 someone undertook or agreed to do something, 1 the
    committee asked for something, 0 a member's question that mentions an earlier promise."""
    if _STRONG.search(sentence):
        return 2
    return 0 if _QUESTION.search(sentence) else 1


def promises_in(text: str) -> list[str]:
    """The sentences of `text` that record an undertaking, verbatim (stripped), in document order, no repeats."""
    found: list[str] = []
    start = 0
    spans: list[tuple[int, int]] = []
    for match in _SENTENCE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    for lo, hi in spans:
        sentence = text[lo:hi].strip()
        if sentence.startswith("#") or not _PROMISE.search(sentence):
            continue
        if len(sentence) > MAX_PROMISE_CHARS:
            continue  # a run-on block is not one undertaking; its sentences would be split by a better source
        if sentence not in found:
            found.append(sentence)
    return found
