"""The question without its politeness: greetings, thanks and context people add in Slack ("Morning! …", "… thanks in
advance!", "ahead of O&S next week", "(for the scrutiny cttee)"), which must not be read as councils or measures."""

from __future__ import annotations

import re

__all__ = ["plain_question"]

_LEADING = re.compile(
    r"^\s*(?:(?:hi|hello|hiya|hey|morning|good morning|afternoon|good afternoon|evening|cllr here|councillor here|"
    r"quick q(?:uestion)?|quick one|bit of a random one|sorry if this is obvious(?: but)?|sorry to bother you|"
    r"can you help|could you help|for the pre-?meet(?:ing)?|ahead of (?:o&s|scrutiny|committee|the meeting|cabinet)"
    r"(?: next week| tomorrow| on \w+)?|before (?:o&s|scrutiny|committee|the meeting)(?: next week| tomorrow)?|"
    r"please|pls|ok|okay|right|so)\b[\s!,.:;\-\u2013\u2014]*)+", re.IGNORECASE)
_TRAILING = re.compile(
    r"(?:[\s,.;:\-\u2013\u2014]*(?:thanks(?: very much| so much| a lot)?(?: in advance)?|thank you(?: very much)?|"
    r"many thanks|cheers|thx|ta|pls|please|much appreciated|if you can|if possible|"
    r"(?:\(|-\s*)?(?:need(?:ed)? (?:it|this) for|for) (?:tomorrow'?s|the|our|next week'?s|thursday'?s|tonight'?s)"
    r" (?:papers|meeting|cttee|committee|scrutiny cttee|scrutiny committee|pre-?meet|briefing|agenda)\)?|"
    r"\((?:for )?(?:the )?(?:scrutiny )?(?:cttee|committee|papers|pre-?meet)\))[\s!.?]*)+$", re.IGNORECASE)


def plain_question(text: str) -> str:
    """The question with leading greetings and trailing thanks or context removed (the words in between kept)."""
    plain = _TRAILING.sub("", _LEADING.sub("", text))
    # Politeness in the middle ("… for 2021/22 Thanks in advance!") ends the question too.
    plain = re.sub(r"\s+(?:thanks|many thanks|cheers|thx)\b.*$", "", plain, flags=re.IGNORECASE)
    return plain.strip() or text.strip()
