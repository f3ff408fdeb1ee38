"""Classify a request before any data is touched: challenge questions, a briefing note, a follow-up or a question."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from bot.conversation import Conversation

RequestKind = Literal["questions", "brief", "meeting", "help", "chart", "why", "followup", "question"]

_QUESTIONS = re.compile(
    r"^\s*(?:please\s+)?(?:draft|write|give me|suggest|list|prepare)?\s*(?:me\s+)?(?:some\s+|the\s+|\d+\s+)?"
    r"(?:challenge\s+|scrutiny\s+|key\s+|good\s+)?questions?\s+(?:to\s+ask\s+)?"
    r"(?:on|about|for|regarding)\s+(?P<topic>.+)$",
    re.IGNORECASE,
)
_WHAT_TO_ASK = re.compile(
    r"^\s*what\s+(?:questions\s+)?should\s+(?:we|i|members|the committee)\s+ask\s+"
    r"(?:on|about|regarding)\s+(?P<topic>.+)$",
    re.IGNORECASE,
)
_BRIEF = re.compile(
    r"^\s*(?:please\s+)?(?:draft|write|prepare|give me|produce)?\s*(?:me\s+)?(?:a\s+)?(?:pre-?scrutiny\s+)?"
    r"brief(?:ing)?(?:\s+note)?\s+(?:on|about|for)\s+(?P<topic>.+)$",
    re.IGNORECASE,
)
# "Prepare me for Thursday's scrutiny committee": a question pack for a synced meeting (bot.moderngov).
_MEETING = re.compile(r"^\s*(?:please\s+)?(?:(?:can|could) you\s+)?(?:prepare|get|brief|help)\s+(?:me|us)\s+"
                      r"(?:ready\s+|(?:to\s+)?prep(?:are)?\s+)?for\b.*"
                      r"\b(?:committee|scrutiny|cabinet|meeting|panel|o&s)\b", re.IGNORECASE)
_HELP = re.compile(r"^\s*(?:help|\?|what can you do\??|(?:can|could) you help(?: me)?\??|hello|hi|hey)\s*[!.?]*\s*$",
                   re.IGNORECASE)
# "Good morning! …", "hi there": a greeting before the request, or the whole of it.
_GREETING = re.compile(r"^\s*(?:hi|hello|hiya|hey|good morning|morning|good afternoon|afternoon|good evening)"
                       r"(?:\s+(?:there|all|team|everyone))?\b[\s!,.:;\-]*", re.IGNORECASE)
_CHART = re.compile(r"\b(?:show|draw|see|plot)\b.*\b(?:chart|graph|plot|trend line)\b|^\s*chart\s*\??$", re.IGNORECASE)
_WHY = re.compile(r"^\s*(?:but\s+|and\s+|so\s+|ok(?:ay)?,?\s+)?(?:why|what(?:'s| is) (?:driving|behind|causing) "
                  r"(?:it|that|this))\b[^a-z]*(?:is that|has it|did it|so)?\W*$|"
                  # "why has it gone up?", "why did it drop?", "why is it so bad?": the last answer's reasons
                  r"^\s*(?:but\s+|and\s+|so\s+|ok(?:ay)?,?\s+)?why\s+(?:has|have|did|is|are|was|were|does|do)\s+"
                  r"(?:it|that|this|they|we|the figure|the rate|the number)\b[\w\s',-]{0,40}\??\s*$", re.IGNORECASE)
_FOLLOWUP = re.compile(
    r"^\s*[&+]\s|"  # "& for commercial planning application times?"
    r"^\s*(?:and|what about|how about|compared (?:with|to)|versus|vs\.?|against|and how does that compare|now|"
    r"same for|same again|same (?:question|thing|again) for|same(?: thing| again)? but|then|also|"
    r"ok(?:ay)?,? (?:and|now|what about|just)|go back to|back to|flip|reverse|just the|only the|"
    r"drill into|tell me more|is that|is it|has it|what about|add|include|which of them)\b",
    re.IGNORECASE,
)

_OWN_QUESTION = re.compile(r"^\s*(?:what(?:'s| is| was| are| were)|how(?:'s| is| are| has| have)|show|give|tell|"
                           r"list|rank|which|who)\b", re.IGNORECASE)
# "same year for business rates", "staff turnover for the same three", "in that year": a question that leans on the
# last one, wherever it says so.
_SAME = re.compile(r"\b(?:the )?same (?:year|years|period|periods|span|time ?frame|dates|three|two|four|five|six|"
                   r"councils?|authorities|areas|ones|group|comparison|question|again)\b|\bfor (?:the )?same\b|"
                   r"\b(?:in )?that (?:same )?year\b|\bthose (?:councils|authorities|three|two|four|five|years)\b|"
                   r"\bsame \d+\b|"
                   # "can you do rent arrears too thx": the last question for another measure
                   r"\b(?:too|as well)(?=\W*(?:(?:thx|thanks|ta|pls|please|cheers)\W*)?$)", re.IGNORECASE)
# "ok, sick days per non-teacher employee instead": the last question again with one piece swapped.
_INSTEAD = re.compile(r"\binstead\W*$", re.IGNORECASE)


class Route(BaseModel):
    """Where a request goes, and the topic it names (for questions and briefs)."""

    kind: RequestKind
    topic: str | None = None
    wants_chart: bool = False  # "show me a chart of our recycling since 2015": the answer comes with its chart


def _clean_topic(topic: str) -> str:
    return topic.strip().rstrip("?.!").strip().strip("\"'")


def route(text: str, conversation: Conversation | None = None) -> Route:
    """Classify a request; follow-up kinds are only returned when the conversation has something to follow."""
    text = _GREETING.sub("", text)
    if (helped := _help_route(text)) is not None:
        return helped
    for pattern, kind in ((_QUESTIONS, "questions"), (_WHAT_TO_ASK, "questions"), (_BRIEF, "brief")):
        match = pattern.match(text)
        if match:
            return Route(kind=kind, topic=_clean_topic(match.group("topic")))
    if _MEETING.match(text):
        return Route(kind="meeting", topic=_clean_topic(text))
    has_history = conversation is not None and bool(conversation.turns)
    if has_history and _CHART.search(text):
        return Route(kind="chart")
    if has_history and _WHY.match(text):
        return Route(kind="why")
    # A short message in a thread follows on ("recycling?", "Fife?"), unless it is a whole question of its own
    # ("what's our recycling rate?"): that one is read afresh (one naming no measure is still merged).
    short = len(text.split()) <= 4 and not _OWN_QUESTION.match(text)
    if has_history and (_FOLLOWUP.match(text) or _INSTEAD.search(text) or short or _SAME.search(text)):
        return Route(kind="followup")
    return question_route(text)


def question_route(text: str) -> Route:
    """A plain question (the `ask` command routes nothing else but a greeting or a plea for help), with whether it
    asks for a chart."""
    helped = _help_route(_GREETING.sub("", text))
    return helped if helped is not None else Route(kind="question", wants_chart=bool(_CHART.search(text)))


def _help_route(asked: str) -> Route | None:
    """Help for a greeting with nothing after it ("hi there") or a plea for help; None for anything else."""
    if not asked:
        return Route(kind="help", topic="greeting")
    return Route(kind="help") if _HELP.match(asked) else None


DOCUMENT_CUES = re.compile(
    r"\b(plan|priorit|commitment|peer challenge|peer review|recommendation|minutes|committee|said|say|says|"
    r"report(?:ed)?|audit|letter|strategy|guide|document|according|what does|what did|how should|explain|why)",
    re.IGNORECASE,
)
INDICATOR_CUES = re.compile(
    r"\b(rate|how (?:are|is|has|have) (?:we|our|the)|trend|changed|figure|latest|performance on|how many|"
    r"percentage|per cent|%|compare|compared|similar councils|neighbours|target|rank|since \d{4}|last \w+ years)",
    re.IGNORECASE,
)


def wants_documents(text: str) -> bool:
    """True when the wording asks what documents say (plans, peer challenge, minutes...)."""
    return bool(DOCUMENT_CUES.search(text))


def wants_figures(text: str) -> bool:
    """True when the wording asks for figures, trends or comparisons."""
    return bool(INDICATOR_CUES.search(text))
