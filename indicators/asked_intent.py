"""What a question wants done with an indicator: one value, the trend, councils side by side, a ranking, an overview
of a service, or the target. Read from the wording alone; `indicators.query` combines it with what is held."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from indicators.asked_periods import AskedPeriods

if TYPE_CHECKING:
    from indicators.asked_places import PlaceMention

__all__ = ["AskedIntent", "Intent", "RankOrder", "read_intent", "sets_beside_us", "swapped_order"]

Intent = Literal["value", "trend", "compare", "rank", "overview", "target"]
RankOrder = Literal["best", "worst", "highest", "lowest"]

_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20}
# (A number is no list size where it ends a year: "2015-16 top three".)
_N = r"((?<![\d/-])\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)"
_NOT_TIME = r"(?!\s*(?:years?|yrs?|quarters?|months?))"
_RANK_N = re.compile(rf"\b(top|bottom|best|worst|highest|lowest|leading|lagging|weakest|strongest|poorest|"
                     rf"cheapest|fastest|quickest|slowest|most expensive|least expensive)(?:[- ]performing|[- ]ranked)?"
                     rf"(?:\s+councils?)?\s+{_N}\b{_NOT_TIME}"
                     r"(?!\s*(?:%|per ?cent))|"
                     rf"\b{_N}\s+(?:best|worst|highest|lowest|top|bottom|weakest|strongest|poorest|cheapest|"
                     rf"fastest|quickest|slowest)\b|"
                     rf"\b(?:the\s+)?{_N}\s+councils?\s+(?:with|that have|having)\s+the\s+(highest|lowest|best|worst)",
                     re.IGNORECASE)
_RANK_LIST = re.compile(
    r"\b(league table|ranked\b(?=.{0,60}\b(?:best to worst|worst to best|top to bottom|in order))|"
    # "rank our neighbours on…", "rank councils by…": the group is the list (its size is the group's).
    r"\brank\s+(?:our\s+|my\s+)?(?:[\w'\u2019-]+\s+){0,2}?(?:neighbou?rs|councils|authorities|peers|family group)\b|"
    r"rank(?:ing|ings)?\s+(?:the|all|every|of)|rank\s+the|ranked list|who(?:'s| is| are| has| have)"
    r"\s+(?:got\s+)?(?:the\s+)?(?:\d+\s+|three\s+|five\s+|ten\s+|single\s+)?(?:best|worst|highest|lowest|top|bottom|weakest|"
    r"strongest|poorest)|which (?:councils?|las?|(?:local )?authorit(?:y|ies))\s+(?:is|are|has|have|do|does|did)?\s*"
    r"(?:the\s+)?(?:best|worst|highest|lowest|top|bottom|leading|lagging)|which councils?\b.*\b(?:best|worst|"
    r"highest|lowest|strongest|weakest|poorest)|"
    r"(?:best|worst|top|bottom|highest|lowest)[- ](?:performing|ranked)\s+councils?|"
    r"\b(?:the\s+)?(?:best|worst|top|bottom|strongest|weakest|poorest)[- ]performers?\b|"
    r"\b(?:top|bottom) of the (?:league|table|pile|list)\b|"
    r"(?:best|worst|highest|lowest|cheapest|dearest)\s+(?:[\w-]+\s+){0,2}?councils?|"
    r"councils?\s+(?:with|that have)\s+the\s+(?:highest|lowest|best|"
    r"worst)|\btop\s+councils?|\bbottom\s+councils?|who\s+(?:leads|tops)|"
    r"who\s+(?:comes?|came|finish(?:es|ed)?|ends? up|ended up)\s+(?:top|bottom|last|first)|"
    rf"the\s+(?:bottom|top)\b(?!\s+quartile)|(?:which|what|the)\s+{_N}\s+councils?|league table|propping up|"
    rf"(?:list|show|give)(?: me)? the (?:{_N} )?(?:\w+ )?(?:with the )?(?:highest|lowest|best|worst|least|most|"
    r"fewest)|who (?:does|did|is|was) (?:best|worst)|"
    r"which of (?:them|those|these)|"
    # "which is worst?", "which one does best?" (of the councils just listed)
    r"\bwhich (?:one )?(?:is|was|are|were|has|does|did|comes?)\s+(?:the\s+)?(?:best|worst|top|bottom|highest|"
    r"lowest)\b|"
    # "which of our stat neighbours has the highest…", "which 3 family group councils have the most…"
    r"which (?:\w+ )?(?:of (?:our|the) )?(?:[\w-]+ ){0,3}(?:neighbou?rs|councils|authorities|las|members|group|"
    r"family)\b.{0,40}\b(?:highest|lowest|best|worst|most|least|fewest|cheapest|fastest|slowest|top|bottom)\b|"
    rf"which {_N} (?:have|has|had|are|is|were|was|come)\b.{{0,30}}\b(?:highest|lowest|best|worst|most|least|fewest|"
    r"cheapest|fastest|slowest|top|bottom|weakest|strongest|poorest)\b|"
    # Committee papers: "which five authorities among the 32 Scottish councils recorded the highest…", "list the 3
    # authorities among our nearest neighbours with the lowest…", "identify the authority in England with the highest…"
    rf"\b(?:which|list|identify|name|show|set out|tell (?:me|us|members))\s+(?:the\s+)?(?:{_N}\s+)?(?:local\s+)?"
    r"(?:authorit(?:y|ies)|councils?|las?)\b.{0,80}?\b(?:with|recorded|recording|records|had|having|has|have|"
    r"reported|reporting|showed|showing|achieved|achieving)\s+(?:the\s+)?(?:highest|lowest|best|worst|most|least|"
    r"fewest|cheapest|fastest|slowest|strongest|weakest|poorest)\b|"
    r"which (?:\w+ )?(?:councils|authorities|las|neighbou?rs|of (?:our|the) [\w ]{3,30}?)\b.{0,40}\b(?:better|worse) "
    r"than (?:us|we)\b)",
    re.IGNORECASE)
# "Where do we come among our neighbours?", "what's our ranking in the family group?", "where are we in that?": the
# council's place in a ranking, not a list ("where do we sit relative to them" compares, and is left to _COMPARE).
_POSITION = re.compile(
    r"\bwhere (?:do|did|does|are|were|is|would) (?:we|us|our (?:council|authority)|the council|it|they)\s+"
    r"(?:(?:come|rank|place|finish|feature|appear)(?:s|ed)?\b(?!\s+(?:relative|compared|against|versus|vs|next))|"
    r"(?:stand|sit|lie|fall)s?\s+(?:in|among|amongst|out of|of|within|across|nationally|overall)\b|"
    r"(?:stand|sit)s?\s*[?.!]*\s*$)|"
    # "fife recycling rank?", "camden rank on ease of finding info", "rank fife on it": a council's place in the table
    # ("where are we on broadband?" asks for our figure)
    r"\brank(?:ing)?\s*[?.!]*\s*$|\b(?<!to )(?<!councils )rank(?:ing)? (?:on|for) (?!(?:all|every)\b)|"
    r"^\W*rank (?!(?:all|every|the|our|councils|them|those|these)\b)[\w&'-]+(?: [\w&'-]+)? on (?:it|that|this)\b|"
    # "league table position for…", "are we near the top against our family group?": our place in the table
    r"\bleague(?: table)? (?:position|place|placing|standing)\b|"
    r"\b(?:(?:are|were) we|we(?:'re|\u2019re| are|re| were)) (?:near|close to|anywhere near|at|in) (?:the )?"
    r"(?:top|bottom)\b"
    r"(?! \d| (?:one|two|three|four|five|six|seven|eight|nine|ten)\b)(?![\w ]*\b(?:anything|everything|any of)\b)|"
    # "are we top quartile?", "which quartile are we in?": our place in the table, by quarters
    r"\b(?:are|were|is) (?:we|us|it|that|ours)\s+(?:in\s+)?(?:the\s+)?(?:top|bottom|upper|lower|first|fourth|best|"
    r"worst)\s+quartile\b(?!\s+(?:for|on|in)\s+(?:anything|any|everything|all|many|much))|"
    r"\b(?:which|what) quartile (?:are|were|is|do) (?:we|us|it|ours)\b|"
    r"\bwhat(?:'s| is| was) (?:our|the council's|my council's) (?:rank(?:ing)?|position|place|"
    r"league position)\b|\bhow(?:'s| is) our (?:rank(?:ing)?|position|league position)\b|"
    r"\bour (?:rank(?:ing)?|position|place|league position) (?:in|among|amongst|of|out of|"
    r"within|across|on)\b|\bwhere are we (?:in|on) (?:that|this|the (?:list|table|league table|ranking))\b|"
    r"\bhow (?:do|did) we rank\b|\bwhere (?:do|did) we rank\b|"
    # "where Cambridgeshire County Council sits in the ranking in England", "our position in the league table"
    r"\bwhere\b.{1,60}?\b(?:sits?|stands?|ranks?|comes?|places?|lies|falls?)\s+(?:in|among|within|on)\s+(?:the\s+)?"
    r"(?:ranking|rankings|league table|table)\b|"
    # "where does that put us nationally?", "wheres our ease of finding information ranking", "wheres us in that"
    r"\bwhere (?:does|did|would|will) (?:that|this|it) (?:put|leave|place) (?:us|our council|the council)\b"
    r"(?!\s+(?:compared|against|versus|vs|relative|next))|"
    r"\bwhere(?:'s|\u2019s| is)(?= (?:our|the council's) (?:[\w&'-]+\s+){0,8}?(?:rank(?:ing)?|league position)\b)|"
    r"\bwhere(?:'s|\u2019s| is| are) (?:we|us) in (?:that|this|the (?:list|table|league table|ranking))\b|"
    # "tell me what position we hold in our comparator group", "what place are we in?"
    r"\b(?:what|which) (?:position|place|rank(?:ing)?)\s+(?:do |are |did |were |does |is )?(?:we|us|our council|"
    r"the council)\b|\brank (?:us|ourselves|our council|the council)\b|"
    r"\bwhere (?:are|were) we in the (?:\w+ )?(?:pecking order|league table|league|table|rankings?)\b|"
    r"^\s*(?:and |so |ok,? )?where (?:are|were) we\s*[?.!]*\s*$|"
    # "is that the highest in Scotland?", "are we the worst among our neighbours?": our place, not a measure's word
    r"^\s*(?:and |so |ok,? )?(?:is (?:that|it|this|ours)|are we) (?:the )?(?:highest|lowest|best|worst)\b|"
    # "where does West Lothian rank on council tax?", "how does Leeds rank nationally?": a named council's place
    r"\b(?:where|how) (?:do|does|did) (?!(?:we|us|it|they|that|this|our)\b)[\w&'.-]+(?:\s+[\w&'.-]+){0,4}?\s+"
    r"(?:rank|come|place|sit|stand|feature)s?\b(?=\s*(?:in|among|amongst|within|across|out of|nationally|on|for|"
    r"against (?:the|all|other)|[?.!]|$))|"
    r"\bwhat(?:'s| is| was) (?!(?:our|the)\b)[\w&'.-]+(?:\s+[\w&'.-]+){0,3}?(?:'s|s'|\u2019s) (?:rank(?:ing)?|"
    r"position|place|league position)\b|"
    # "where's Leeds?" after a league table: that council's place in it
    r"^\s*(?:and |so |ok,? )?where(?:'s| is)\s+(?!(?:it|that|this|we|us|our|they)\b)[\w&'.-]+(?:\s+[\w&'.-]+){0,3}"
    r"\s*[?.!]*\s*$|"
    # "how many councils are better than us on broadband?": our place in the table
    r"\bhow many (?:other )?(?:councils|authorities|las|of (?:them|our neighbours|the others))\b.{0,30}\b(?:better|"
    r"worse|above|below|ahead of|beat|outperform)\w*\b",
    re.IGNORECASE)
# "The full league table", "rank all 32 councils", or a league table with no size: every council in the scope.
_WHOLE = re.compile(r"\b(?:best to worst|worst to best|top to bottom)\b|"
                    # "which councils in our family group do better than us?": the whole table, with our place
                    r"\bwhich (?:\w+ )?(?:councils|authorities|las|neighbou?rs|of (?:our|the) [\w ]{3,30}?)\b.{0,40}"
                    r"\b(?:better|worse) than (?:us|we)\b|"
                    r"\b(?:full|whole|complete|entire)\s+(?:[\w-]+\s+){0,3}?(?:league table|table|ranking|list)\b|"
                    r"\brank(?:ed|ing)?\s+(?:all|every)\b|"
                    r"\brank\s+(?:our\s+|my\s+)?(?:[\w'\u2019-]+\s+){0,2}?(?:neighbou?rs|councils|authorities|peers|"
                    r"family group)\b|\ball\s+(?:\d+\s+)?(?:[\w-]+\s+)?(?:councils|authorities)\s+"
                    r"ranked\b", re.IGNORECASE)
_BEST_WORDS = re.compile(r"\b(best|top|leading|strongest)\b", re.IGNORECASE)
# "which 3 councils", "the three best-performing", "list the five lowest": the size of a ranking wherever it stands.
_COUNTED = re.compile(rf"\b{_N}\s+(?:[\w-]+\s+)?(?:councils?|authorities|las|best|worst|highest|lowest|top|bottom|"
                      rf"performers?|places?)\b|\bthe {_N} with the\b", re.IGNORECASE)
_WORST_WORDS = re.compile(r"\b(worst|bottom|lagging|last|poorest|weakest|propping up)\b", re.IGNORECASE)
_LOWEST = re.compile(r"\b(lowest|least|smallest|fewest|cheapest|fastest|quickest)\b", re.IGNORECASE)
_HIGHEST = re.compile(r"\b(highest|most(?!\s+(?:recent|recently|up[- ]to[- ]date|current|latest))|largest|biggest|"
                      r"greatest|dearest|costliest|slowest)\b", re.IGNORECASE)
_COMPARE = re.compile(
    r"\b(compare[sd]?|comparison|versus|vs\.?|v\.?|against|side by side|better than|worse than|beating|beat|"
    r"out of line with|in line with|"
    r"above|below|higher than|lower than|"
    r"outperform\w*|ahead of|behind|lagging behind|than|stack up|measure up|relative to|next to|compared)\b",
    re.IGNORECASE)
_TARGET = re.compile(r"\b(targets?|on track|hit(?:ting)?|met|meet(?:ing)?|miss(?:ed|ing)?|rag|green|amber)\b",
                     re.IGNORECASE)
_TREND = re.compile(
    r"\b(trend\w*|long[- ]term (?:picture|view|record|story)|"
    r"chang\w*|direction of travel|getting (?:any )?(?:better|worse)|improv\w*|deteriorat\w*|declin\w*|"
    r"worsen\w*|over time|gone (?:up|down)|going (?:up|down)|rising|falling|risen|fallen|grow\w*(?! up)|progress|"
    r"moved|movement|happened|history|up or down|better or worse|since|over the (?:last|past)|right way|wrong way|"
    r"right direction|wrong direction|been going|which way|heading|on the (?:up|rise|slide|way up|way down|mend)|"
    r"up(?:wards)? or down(?:wards)?|creeping (?:up|down))\b",
    re.IGNORECASE)
_OVERVIEW = re.compile(
    r"\b(how (?:are|is|were|was|did|do|have) (?:we|us|our council|the council|things|it)\s+(?:doing|going|"
    r"performing|getting on|faring|do|done)|how did we do|overview(?! and scrutiny)|summary|summarise|summarize|"
    # "give me a picture of how we are doing on workforce": the same, in reported word order
    r"how (?:we|the council|things) (?:are|is|were|have been) (?:doing|going|performing|getting on|faring)|"
    r"(?:a|the) (?:full |whole |overall |rounded )?picture of (?:how|our|the council's)|"
    r"rundown|run-down|"
    r"round-?up|scorecard|dashboard|snapshot|health check|big picture|"
    # "overall" as a word about the question, not a measure's ("overall satisfaction", "overall average tariff")
    r"overall(?=\s*(?:[?.!,]|$|picture|view|perf\w*|position|how|please|story|or\b))|across the board|"
    r"headline (?:picture|figures|view|story|performance|numbers|measures|kpis)|the headlines|"
    # "what's the headline on our hr and workforce performance", "whats our performance like across adult social care"
    r"(?:the )?headlines? (?:on|for|from)\b|"
    r"performance like (?:across|in|on)|"
    r"(?:should|need to) (?:i |we )?be worried about|"
    r"going backwards|overall story|red flags|all (?:the )?"
    r"(?:indicators|measures|kpis)|everything|in general|generally|(?:are|is) (?:we|things) getting (?:worse|better)|"
    r"what'?s (?:getting|got) (?:worse|better)|"
    # "what is the worst performing KPI we have?": every indicator held, the worst first
    r"(?:worst|best|poorest|weakest|strongest)[- ]performing (?:kpis?|indicators?|measures?|pis?|areas?)\b|"
    # "which indicators have got worse this year?", "are we in the bottom quartile for anything?"
    r"which (?:indicators|measures|kpis|metrics|areas|services)\s+(?:have\s+|has\s+|are\s+|is\s+)?(?:got|getting|"
    r"gone|going)\s+(?:worse|better)|(?:for|on|in|at) anything\b|where are we (?:struggling|doing well)|"
    r"how'?s .* going|"
    r"how (?:has|have) .{1,40} (?:gone|been(?!\s+\w+ing)|fared)|rounded view|overall picture|whole picture|"
    r"general picture|"
    # "where should we challenge on adult social care?": the service's weakest measures first
    r"where (?:should|do|would|could|can) (?:we|i|members|the committee|the panel)\s+(?:be\s+)?(?:challeng\w*|focus\w*|"
    r"prob\w*|push\w*|look\w* (?:harder|closer))|"
    r"how (?:our|the council's) .{1,40} (?:is|are) (?:performing|doing|going)|how'?s .{1,50}\blooking\b|"
    r"(?:getting|got) (?:worse|better) on|(?:improving|deteriorating|declining|slipping) on|"
    # "what do our adult social care services measures say", "what do the climate change measures say about Highland"
    r"what do (?:our|the|its|their) .{1,60}\b(?:measures|indicators|kpis|pis|figures|numbers|stats) (?:say|show|tell)|"
    r"all (?:the |our |of our )?"
    r".{0,50}\b(?:kpis|indicators|measures|metrics)|in one go|(?:doing|performing|faring) across)\b",
    re.IGNORECASE)


# "How is Kent doing on adult social care?": an overview only when the words left name the service and no measure
# ("how is Cambs doing on carers' own QoL rating?" asks for one).
_OVERVIEW_WEAK = re.compile(r"\bhow(?:'s| is| are| was)\s.{1,50}\b(?:doing|performing|getting on|faring)\b",
                            re.IGNORECASE)


# "Which targets are we missing?", "are we hitting our targets?": every indicator with a target, not one.
_TARGETS_OVERVIEW = re.compile(r"\bwhich (?:of (?:our|the) )?targets\b|"
                               r"\bwhich (?:of (?:our|the) )?(?:kpis|indicators|measures|pis)\b.{0,30}\btargets?\b|"
                               # ("is recycling meeting its target?" is one measure's target)
                               r"\b(?:missing|missed|hitting|meeting) (?:their targets?|its targets)\b|"
                               r"\b(?:missing|missed|hitting|hit|meeting|met|"
                               r"on track (?:for|with)|off track (?:for|with)) "
                               r"(?:our |any |all (?:of )?(?:our )?|the )?targets\b|"
                               r"\bany (?:of (?:our|the) )?targets\b", re.IGNORECASE)


# "make it 10", "just 3 then": the last league table with another size (its order kept).
_RESIZED = re.compile(rf"^\s*(?:ok(?:ay)?,?\s+)?(?:(?:can|could) you (?:please )?)?(?:make it|make that|just|only|show|"
                      rf"give me|do|(?:cut|trim|reduce|shorten|extend|expand) (?:it|that|the list|this) (?:down )?to)"
                      rf"\s+(?:the\s+)?{_N}"
                      r"(?:\s+(?:instead|then|please|pls|councils))*\s*[?.!]*\s*$|"
                      # "3 please", "5?": a size alone is the list again
                      rf"^\s*{_N}(?:\s+(?:please|pls|instead|then))?\s*[?.!]*\s*$", re.IGNORECASE)


class AskedIntent(BaseModel):
    """The intent the wording shows, with a ranking's size and direction."""

    intent: Intent = "trend"
    n: int | None = None
    whole: bool = False  # every council in the scope, however many
    order: RankOrder | None = None
    overview_cue: bool = False
    overview_weak: bool = False  # the only cue is "how is X doing": the words left must name the service alone
    compare_cue: bool = False
    spans: list[str] = Field(default_factory=list)


def _n(raw: str | None) -> int | None:
    if raw is None:
        return None
    raw = raw.lower()
    return int(raw) if raw.isdigit() else _NUMBER.get(raw)


_SWAPPED = re.compile(r"\b(best|top|worst|bottom)\s+(?:instead of|rather than|not)\s+(?:the\s+)?(?:best|top|worst|"
                      r"bottom)\b", re.IGNORECASE)


def swapped_order(text: str) -> RankOrder | None:
    """The order "worst instead of best" asks for ("worst"), or None when the text swaps none."""
    m = _SWAPPED.search(text)
    return None if m is None else ("best" if m[1].lower() in ("best", "top") else "worst")


def _rank(text: str) -> tuple[int | None, RankOrder | None, str] | None:
    m = _RANK_N.search(text)
    listing = _RANK_LIST.search(text)
    if not m and not listing:
        return None
    span = (m or listing)[0]  # type: ignore[index]
    n = None
    if m:
        n = next((_n(g) for g in m.groups() if g and _n(g) is not None), None)
    # "of the 32 Scottish councils" is the scope, not the size of the list asked for.
    scoped = re.sub(rf"\b(?:of|out of|among|amongst|across|from|in) (?:the |all )?{_N}\s+(?:[\w-]+\s+)?"
                    r"(?:councils|authorities)\b", " ", text, flags=re.IGNORECASE)
    if n is None and (counted := _COUNTED.search(scoped) or re.search(rf"\bwhich {_N}\b", scoped, re.IGNORECASE)):
        n = _n(next((g for g in counted.groups() if g), None))
    # "who has the lowest satisfaction? top 10": the value words decide, wherever they stand; "highest-performing"
    # and "poorest performing" are about performance whatever the measure's direction.
    performing = re.search(r"\b(highest|best|top|strongest|lowest|worst|poorest|weakest)[- ]performing\b", text,
                           re.IGNORECASE)
    instead = swapped_order(text)
    if instead is not None:  # "same but worst instead of best"
        order: RankOrder = instead
    elif performing:
        order = "best" if performing[1].lower() in ("highest", "best", "top", "strongest") else "worst"
    elif _LOWEST.search(text):
        order = "lowest"
    elif _HIGHEST.search(text):
        order = "highest"
    elif _WORST_WORDS.search(span) or (not _BEST_WORDS.search(text) and _WORST_WORDS.search(text)):
        order = "worst"
    else:
        order = "best"
    if n is None and (_WHOLE.search(text) or re.search(r"\bleague table\b", text, re.IGNORECASE)):
        return None, order, span
    if n is None:
        # "which council is worst", "who has the highest": one; "which councils are best": the usual five.
        n = 1 if re.search(r"\b(which|what) (?:council|authority|local authority|area|la)\b(?!s)|\bwho\b|"
                           r"\b(?:identify|name|show|tell (?:me|us|members)) the (?:local )?(?:authority|council)"
                           r"\b(?!s)|"
                           r"\bwhich of (?:them|those|these)\b|"
                           r"\bwhich (?:one )?(?:is|was|has|does|did|comes?)\b|"
                           r"\bwhich of (?:our|the)\b.{0,40}\b(?:has|is|was)\b|\bthe (?:\w+[- ])?(?:performing )?"
                           r"council\b(?!s)|\b(?:best|worst|top|bottom|highest|lowest)[- ]performing council\b(?!s)|"
                           r"\b(?:best|worst|top|bottom|strongest|weakest|poorest)[- ]performer\b(?!s)|"
                           r"\b(?:top|bottom) of the (?:league|table|pile|list)\b|"
                           r"\bsingle (?:best|worst|top|bottom|highest|lowest|strongest|weakest)\b",
                           text, re.IGNORECASE) else 5
    return n, order, span


def read_intent(text: str, periods: AskedPeriods, places: int, names_home: bool, has_group: bool) -> AskedIntent:
    """The intent of a question: `places` counts councils named (home included), `has_group` a named group."""
    if one := re.match(r"^\W*(?:ok(?:ay)?\W+)?(?:just|only) (?:the )?(best|worst|top|bottom)(?: one| council)?\W*$",
                       text, re.IGNORECASE):
        # "just the best?" after a top 3: the first of the same table
        order: RankOrder = "best" if one[1].lower() in ("best", "top") else "worst"
        return AskedIntent(intent="rank", n=1, order=order, spans=[one[0]])
    if resized := _RESIZED.match(text):
        size = next(g for g in resized.groups() if g)
        return AskedIntent(intent="rank", n=_n(size), spans=[resized[0]])  # the list again, longer or shorter
    rank = _rank(text)
    position = _POSITION.search(text)
    if position is not None and re.search(r"\b(?:sit|stand)s?\W*$", position[0]) and _COMPARE.search(text):
        position = None  # "X against comparable councils - where do we sit?" sets us beside them
    if position is not None and places <= 1 and not _RANK_N.search(text):
        return AskedIntent(intent="rank", n=None, order=None, spans=[position[0]])
    if rank is not None and places <= 1:
        n, order, span = rank
        return AskedIntent(intent="rank", n=n, whole=n is None, order=order, spans=[span])
    if _TARGETS_OVERVIEW.search(text):
        return AskedIntent(intent="value", overview_cue=True)  # every target at once, not one measure's
    strong = bool(_OVERVIEW.search(text))
    overview = strong or bool(_OVERVIEW_WEAK.search(text))
    weak = overview and not strong
    compare_cue = bool(_COMPARE.search(text))
    if places >= 2 or (compare_cue and (has_group or places >= 2)):
        return AskedIntent(intent="compare", overview_cue=overview, overview_weak=weak, compare_cue=compare_cue)
    # "complaints handled within target", "in target time": part of a measure's name, not a question about targets.
    aims = re.sub(r"\b(?:within|in|inside)\s+(?:the\s+)?target(?:\s+times?)?\b", " ", text, flags=re.IGNORECASE)
    if _TARGET.search(aims) and re.search(r"\btargets?\b|\bon track\b|\brag\b|\b(?:meet|met|hit|miss(?:ed)?) it\b|"
                                          r"\b(?:are|is|was|were)\s+(?:we|it|"
                                          r"that|they)\s+(?:\w+\s+)?(?:green|red|amber)\b|\b(?:green|red|amber) or "
                                          r"(?:green|red|amber)\b", aims, re.IGNORECASE):
        # The target words are the question's, not the measure's ("how far off target are we on TA?").
        said = [m[0] for m in re.finditer(r"\b(?:(?:on|off|above|below|under|over|hit(?:ting)?|met|meet(?:ing)?|"
                                          r"miss(?:ed|ing)?)\s+)?(?:the\s+|our\s+|its\s+)?targets?\b", aims,
                                          re.IGNORECASE)]
        return AskedIntent(intent="target", overview_cue=overview, overview_weak=weak, compare_cue=compare_cue,
                           spans=said)
    if periods.kind in ("span", "since", "last_n"):
        return AskedIntent(intent="trend", overview_cue=overview, overview_weak=weak, compare_cue=compare_cue)
    if _TREND.search(text):
        return AskedIntent(intent="trend", overview_cue=overview, overview_weak=weak, compare_cue=compare_cue)
    # A bare "X for Y" or "what is X" asks for the figure (the answer still shows its trend and context).
    return AskedIntent(intent="value", overview_cue=overview, overview_weak=weak, compare_cue=compare_cue)


_VERSUS = re.compile(r"\b(?:vs\.?|versus|v\.?|against|compared? (?:with|to))\s(?!(?:the |its |their |our )?targets?)",
                     re.IGNORECASE)


def sets_beside_us(question: str, places: list[PlaceMention]) -> bool:
    """Whether "vs X" sets the one council named beside the asking council on a measure asked ("sickness absence
    2019/20 vs Greywater"), not beside the last answer ("how about against Fife?") or one year beside another
    ("Fife recycling, 2014-15 vs 2020-21")."""
    versus = _VERSUS.search(question)
    if versus is None:
        return False
    at = versus.start()
    after = [p for p in places if p.start >= at]
    before = [w for w in re.findall(r"[a-z0-9]+", question[:at].lower()) if w not in ("how", "about", "and", "what",
                                                                                       "ok", "so")]
    return bool(after) and after[0].start - at <= 12 and len(before) >= 2 and not any(p.start < at for p in places)
