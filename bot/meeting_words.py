"""The meeting a request is for, read from its words: "brief on waste for the Environment Scrutiny Committee on
14 January 2027" -> topic "waste", committee "Environment Scrutiny Committee", meeting date 2027-01-14.

Slack has no --committee or --meeting-date options, so a chair says them; the briefing note's header and the
questions' dates then come out as they would from the command line."""

from __future__ import annotations

import re
from datetime import datetime

from pydantic import BaseModel

__all__ = ["MeetingWords", "meeting_words"]

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DAY_NAME = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?"
# Written dates people use in the UK, most specific first.
_DATE = re.compile(
    rf"\b(?:on\s+|dated\s+|for\s+)?{_DAY_NAME}"
    rf"(?P<date>\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b",
    re.IGNORECASE)
# "for the Environment Scrutiny Committee", "for Overview and Scrutiny Committee", "for the Health Scrutiny Panel".
_COMMITTEE = re.compile(
    r"\b(?:for|to|at)\s+(?:the\s+|our\s+|next\s+|the\s+next\s+)?"
    r"(?P<committee>(?:[A-Z][\w&'’-]*\s+|and\s+|of\s+|&\s+)*?"
    r"(?:[Ss]crutiny\s+)?(?:[Cc]ommittee|[Pp]anel|[Bb]oard|[Cc]abinet|[Ss]crutiny|[Cc]ommission))\b"
    r"(?:\s+meeting)?")


class MeetingWords(BaseModel):
    """A request's topic with the committee and meeting date it named taken out (None when not named)."""

    topic: str
    committee: str | None = None
    meeting_date: str | None = None  # ISO YYYY-MM-DD


def _iso(written: str) -> str | None:
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", written, flags=re.IGNORECASE)
    text = re.sub(r"\bof\s+|[.,]", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"\bsept\b", "sep", " ".join(text.split()), flags=re.IGNORECASE)
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def meeting_words(text: str) -> MeetingWords:
    """Split "waste for the Environment Scrutiny Committee on 14 January 2027" into its parts; a date that is not a
    real day (31 February) is left in the topic rather than guessed."""
    topic, meeting_date, committee = text, None, None
    match = _DATE.search(topic)
    if match and (iso := _iso(match.group("date"))) is not None:
        meeting_date = iso
        topic = (topic[:match.start()] + topic[match.end():])
    match = _COMMITTEE.search(topic)
    if match and match.start() > 0:  # the whole request being "scrutiny committee" leaves it as the topic
        committee = " ".join(match.group("committee").split())
        committee = committee[0].upper() + committee[1:]
        topic = topic[:match.start()] + topic[match.end():]
    topic = " ".join(topic.split()).strip(" ,;:-").rstrip("?.!").strip()
    return MeetingWords(topic=topic or text.strip(), committee=committee, meeting_date=meeting_date)
