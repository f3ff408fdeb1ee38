"""The question without its politeness: greetings, thanks and context people add in Slack ("Morning! …", "… thanks in
advance!", "ahead of O&S next week", "(for the scrutiny cttee)"), which must not be read as councils or measures."""

from __future__ import annotations

import re

__all__ = ["is_acknowledgement", "plain_question"]

_LEADING = re.compile(
    r"^\s*(?:(?:hi|hello|hiya|hey|morning|good morning|afternoon|good afternoon|evening|cllr here|councillor here|"
    r"quick q(?:uestion)?|quick one|bit of a random one|sorry if this is obvious(?: but)?|sorry to bother you|"
    r"can you help|could you help|for the pre-?meet(?:ing)?|ahead of (?:the )?(?:o&s|scrutiny(?: panel| committee)?|"
    r"committee|the meeting|meeting|cabinet|panel)"
    r"(?: next week| tomorrow| on \w+)?|before (?:o&s|scrutiny|committee|the meeting)(?: next week| tomorrow)?|"
    r"please|pls|ok|okay|right|so|"
    # Who is asking and what for: "Cllr Patel wants to know", "the chair's asking", "one for the briefing note".
    r"(?:cllr|councillor|the chair|chair|our chair|the leader|a member|members?)(?:\s+[a-z][\w'-]*)?(?:'s| is| are)?"
    r"\s+(?:asking|wants? to know|would like to know|has asked|have asked|asked|wondering)(?:\s+(?:me|us))?(?:\s+if)?|"
    r"(?:one|a question|something) for the (?:briefing(?: note)?|report|papers|pre-?meet|committee)|"
    r"need to check something for (?:the|a) (?:report|briefing|meeting)|"
    r"(?:(?:in|at|during) the pre-?meet(?:ing)? )?(?:we were|i was|i've been|we've been) wondering|"
    r"task and finish group question|portfolio holder wants to know|"
    r"sorry if this is a (?:daft|silly|stupid|dumb) question(?: but)?|sorry to (?:bug|bother|pester) (?:you|u)|"
    r"q(?:uestion)? for (?:the|you) bot|(?:for|ahead of|before) (?:the |our |my )?(?:[\w']+\s+){0,2}?(?:committee|"
    r"meeting|cttee|panel|pre-?meet|briefing|o&s)|"
    r"need (?:this|it) for (?:a |the |my |our )?(?:[\w&']+\s+){0,2}?(?:briefing|meeting|committee|cttee|report)|"
    r"before (?:cabinet|full council)"
    r"(?: next week| tomorrow| on \w+)?)\b[\s!,.:;\-\u2013\u2014]*)+", re.IGNORECASE)
_TRAILING = re.compile(
    # Each word whole: "capita?" must not lose its "ta" as if it said thanks.
    r"(?:[\s,.;:\-\u2013\u2014]*(?<![A-Za-z])(?:thanks(?: very much| so much| a lot)?(?: in advance)?|"
    # "ta" in lower case is thanks; "TA" is temporary accommodation.
    r"thank you(?: very much)?|many thanks|cheers|thx|(?-i:ta|Ta)|(?-i:x{1,3})|pls|please|much appreciated|if you can|"
    r"if possible|asap(?: if poss(?:ible)?)?|"
    r":[a-z_+-]+:|(?:-\s*)?need(?:ed)? (?:it|this) (?:for|by) (?:tomorrow|today|tonight|monday|tuesday|wednesday|"
    r"thursday|friday)|\((?:for )?(?:the )?(?:committee |scrutiny )?(?:report|briefing(?: note)?|papers)\)|"
    r"(?:\(|-\s*)?(?:need(?:ed)? (?:it|this) for|for) (?:tomorrow'?s|the|our|next week'?s|thursday'?s|tonight'?s)"
    r" (?:papers|meeting|cttee|committee|scrutiny cttee|scrutiny committee|pre-?meet|briefing|agenda)\)?|"
    r"\((?:for )?(?:the )?(?:scrutiny )?(?:cttee|committee|papers|pre-?meet)\)|"
    # "- need it for O&S tmrw", "before group meeting", "for thursdays cttee": what it is for, at the end.
    r"(?:-\s*)?need(?:ed)? (?:it|this) (?:for|by|before) [\w&' ]{1,30}|"
    r"(?:-\s*)?(?:for|before|ahead of) (?:the |our |my )?(?:[\w&']+\s+){0,2}?(?:meeting|cttee|committee|"
    r"briefing|panel|pre-?meet|session)|"
    # Any closing aside about what it is for: "(for the O&S pack)", "(ahead of Thursday's panel)".
    r"\((?:for|ahead of|before) [^()]{1,40}\))[\s!.?]*)+$", re.IGNORECASE)


# What a sentence of meeting context talks about ("Preparing the covering report for the O&S committee.",
# "on the train,", "Need it for the committee papers by Friday."): said before or after the question, never in it.
# ("% of council houses meeting SHQS," is a measure: a meeting is context only as a noun, "the meeting").
_CONTEXT_WORDS = (r"(?:committee|commitee|comittee|cttee|(?:the|a|our|next|this|panel|committee|team|group) meeting|"
                  r"meeting(?= next| this| on | tomorrow| tonight| later| at )|"
                  r"panel|briefing|papers|report|pre-?meet(?:ing)?|chair|train|bus|prepping|preparing|prep|drafting|"
                  r"scrutiny|o&s|agenda|lines of enquiry|members|"
                  r"councillors?|cllrs?)")
# A clause of context is short and names no figure: "the Best Value report mentions our council tax collection
# rate;" carries the measure, and "are we meeting the target" is the question.
_FIGURE_WORDS = r"(?:rate|score|figures?|costs?|spend|number|percentage|level|mentions?|says?|said|line|target)"
_ASKING = (r"(?:what|how|which|who|where|when|is|are|was|were|did|do|does|has|have|can|could|show|give|list|"
           r"tell)")
_NOT_CONTEXT = rf"(?![^.:;,\u2013\u2014?!]*(?:%|\b(?:{_FIGURE_WORDS}|{_ASKING})\b))"
# "prepping for OSC - where do we rank…", "chair here - …": a few words of context before a spaced dash ("I chair the
# panel that covers economic development - how are we doing?" names the service, so it stays).
_CONTEXT_DASH = re.compile(r"^\s*(?P<lead>(?:[\w&'\u2019]+\s+){0,3}[\w&'\u2019]+)\s+-\s+")
_CONTEXT_ONLY = re.compile(rf"^(?!.*\b(?:{_FIGURE_WORDS}|{_ASKING})\b).*\b{_CONTEXT_WORDS}\b", re.IGNORECASE)
_NOT_ASKED_AFTER = rf"(?!\s*{_ASKING}\b)(?![^?.!]*\b{_FIGURE_WORDS}\b)"
_CONTEXT_CLAUSE = re.compile(rf"^\s*{_NOT_CONTEXT}(?=(?:[^\s.:;,\u2013\u2014?!]+\s+){{0,9}}[^\s.:;,\u2013\u2014?!]+\s*"
                             rf"(?:[.:;,\u2013\u2014]|\s-)\s)"
                             rf"[^.:;,\u2013\u2014?!]{{0,90}}?\b{_CONTEXT_WORDS}\b[^.:;,\u2013\u2014?!]{{0,60}}?"
                             r"\s*(?:[.:;,\u2013\u2014]|\s-)\s+(?=\S+(?:\s+\S+){2})", re.IGNORECASE)
# (A sentence ends at "?", "!" or a full stop after a lower-case word: "St. Helens" goes on.)
_CONTEXT_AFTER = re.compile(rf"(?:(?<=[?!])|(?<=[a-z0-9)%]{{2}}\.))\s+{_NOT_ASKED_AFTER}[^?.!]*\b{_CONTEXT_WORDS}\b"
                            rf"[^?.!]*[.!]*\s*$|"
                            rf"\s[-\u2013\u2014]\s+{_NOT_ASKED_AFTER}[^?.!\-]*\b{_CONTEXT_WORDS}\b[^?.!\-]*[.!]*\s*$",
                            re.IGNORECASE)
# "sickness days, not counting teachers" is the non-teachers' measure; "excluding carers" rules carers out.
_EXCLUDED = re.compile(r"\b(?:not counting|excluding|excl\.?|except(?: for)?|other than|apart from|leaving out|"
                       r"but not|without counting)\s+(?:the\s+)?(teach(?:ers?|ing staff))\b", re.IGNORECASE)
_NEGATED = re.compile(r",\s*(?:but\s+|and\s+)?not\s+(?:the\s+)?[\w-]+(?=\s*[),?.!]|\s*$)|"
                      r"\(\s*not\s+(?:the\s+)?[\w-]+\s*\)", re.IGNORECASE)
_PRE_MEETING = re.compile(r"\bpre-?(?:scrutiny|meet(?:ing)?|brief(?:ing)?|committee)\b", re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w@.])@[\w.-]+[:,]?")
# Slips of the keyboard in everyday words ("waht's our ranking", "out of teh 32 councils").
_TYPOS = {"teh": "the", "waht": "what", "wat": "what", "hwo": "how", "compair": "compare", "comapre": "compare",
          "r": "are", "u": "you", "trnd": "trend", "ppl": "people", "tred": "trend", "trned": "trend",
          "comparision": "comparison", "compre": "compare",
          "councills": "councils", "councill": "council", "similer": "similar",
          "adn": "and", "taht": "that", "thier": "their", "recieved": "received", "whcih": "which", "wich": "which",
          # Apostrophes and letters people leave out on a phone ("whos bottom", "hows LB Barking doin").
          "whos": "who's", "whats": "what's", "hows": "how's", "wheres": "where's", "doin": "doing",
          "yr": "year", "yrs": "years", "similiar": "similar", "tmrw": "tomorrow", "lastest": "latest",
          "gimme": "give me", "thru": "through", "upo": "upon", "uopn": "upon", "apon": "upon"}
# A one-letter word ("how r we doing") only in lower case and alone: "R&D" and "Plan B" keep their letters.
_TYPO = re.compile(r"\b(" + "|".join(w for w in _TYPOS if len(w) > 1) + r")\b|(?<![\w&])(?-i:(r|u))(?![\w&])",
                   re.IGNORECASE)


# A question pasted from an email: a greeting on its own line ("Hi all,", "Dear Jane,") and a sign-off on lines of
# its own ("Best wishes\nJane", "Kind regards,\nCllr M. Reid"), the name included.
_EMAIL_GREETING = re.compile(r"^\s*(?:hi|hello|hiya|hey|dear|morning|good morning|good afternoon|afternoon|"
                             r"evening|good evening)\b[^\n]{0,40}\n", re.IGNORECASE)
_EMAIL_SIGN_OFF = re.compile(r"\n\s*(?:best wishes|kind regards|warm regards|best regards|regards|many thanks|"
                             r"thanks(?: again| in advance| so much)?|thank you|cheers|all the best|yours sincerely|"
                             r"yours|best|speak soon|ta)\b[\s,.!]*(?:\n[^\n]{0,60})*\s*$", re.IGNORECASE)


def plain_question(text: str) -> str:
    """The question with leading greetings and trailing thanks or context removed (the words in between kept)."""
    text = _EMAIL_SIGN_OFF.sub("", _EMAIL_GREETING.sub("", text))
    text = " ".join(text.split()) if "\n" in text else text
    text = _TYPO.sub(lambda m: _TYPOS[(m[1] or m[2]).lower()], text)
    text = re.sub(r"(?<![\w/])w/(?=\s)", "with", text, flags=re.IGNORECASE)  # "5 councils w/ the highest"
    text = _MENTION.sub(" ", text)  # "@scrutiny-bot trend …": the bot addressed by name, typed as text
    text = _EXCLUDED.sub("non-teacher", text)
    # "scotland wide?", "England-wide": across the nation, not a measure "wide" names (area-wide emissions)
    text = re.sub(r"\b(scotland|england|nation|country)[- ]?wide\b", r"across \1", text, flags=re.IGNORECASE)
    text = _NEGATED.sub("", text)  # "(service users, not carers)": the word ruled out is not the measure's
    plain = _TRAILING.sub("", _LEADING.sub("", text))
    # "… target met? It's for Thursday's committee.": the aside's own first words, left when its end went.
    plain = re.sub(r"(?<=[?!.])\s+(?:it'?s|it is|this is|that'?s|its)\s*[.!]*\s*$", "", plain, flags=re.IGNORECASE)
    # A clause or sentence of meeting context around the question goes too, however it is worded.
    while (lead := _CONTEXT_CLAUSE.match(plain) or _context_dash(plain)) is not None:
        about = _ABOUT.search(lead[0])
        plain = _LEADING.sub("", plain[lead.end():])
        if about is not None and _BARE_OVERVIEW.match(plain):
            # "pre-scrutiny on social work services for adults next week, what's the headline performance": the
            # context names what the headline is of.
            plain = f"{plain.rstrip(' ?.!')} on {about['topic']}"
    plain = _TRAILING.sub("", _CONTEXT_AFTER.sub("", plain))
    # Politeness in the middle ("… for 2021/22 Thanks in advance!") ends the question too.
    plain = re.sub(r"\s+(?:thanks|many thanks|cheers|thx)\b.*$", "", plain, flags=re.IGNORECASE)
    plain = _PRE_MEETING.sub("committee", plain)  # "officer prep for pre-scrutiny": a meeting, not "pre-school"
    return plain.strip() or text.strip()


_ABOUT = re.compile(r"\b(?:scrutiny|meeting|committee|panel|briefing|session|item|report|paper)s? (?:on|about|covering|"
                    r"into) (?P<topic>[^,.;:?!]{3,60}?)"
                    r"(?=\s+(?:next|this|on|at|tomorrow|tonight|later)\b|\s*[,.;:?!-]|$)",
                    re.IGNORECASE)
_BARE_OVERVIEW = re.compile(r"^\W*(?:what'?s|what is|give me|can i (?:get|have)|pls|please)?\s*(?:the|a|our)?\s*"
                            r"(?:headlines?|performance|overview|summary|picture|position)(?: performance| picture| "
                            r"position)?(?:\s+(?:pls|please|thanks|ta))?\W*$|^\W*how (?:are|r) we doing\W*$",
                            re.IGNORECASE)


def _context_dash(text: str) -> re.Match[str] | None:
    lead = _CONTEXT_DASH.match(text)
    return lead if lead is not None and _CONTEXT_ONLY.match(lead["lead"]) else None


_THANKS = re.compile(
    r"\W*(?:(?:great|brilliant|perfect|lovely|fab|fabulous|super|excellent|nice one|nice|that'?s (?:really |very |"
    r"so |super )?(?:great|helpful|useful|brilliant|perfect)|that is (?:really |very )?(?:great|helpful|useful)|"
    r"helpful|ok|okay|thanks|thank you|cheers|ta|thx|much appreciated|that'?ll do(?: for now)?|"
    r"that'?s (?:all|everything|it)(?: for now)?|no more questions|asap|pls|please|"
    r"appreciated|got it|understood)(?: very much| so much| a lot| again)?[\s!.,:;)\-]*)+(?::[a-z_+-]+:)?\W*",
    re.IGNORECASE)


def is_acknowledgement(text: str) -> bool:
    """Whether a message only thanks or acknowledges ("great ta", "ta very much!"): nothing to look up."""
    return bool(text.strip()) and bool(_THANKS.fullmatch(text.strip()))
