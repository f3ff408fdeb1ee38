"""Stage 1, understand: free text (and the thread so far) -> a Reading, with the typed Interpretation users see.

The router decides what kind of request it is (once per request); the resolver in `indicators.query` reads
intent, indicator, councils, span and comparison; a follow-up keeps from the previous turn every piece it does not
change ("and compared with Edinburgh?" keeps the indicator and adds a council; "what was ours in 2019-20?" keeps
the indicator and sets council and year; "and since then?" starts the span at the year last talked about).
"""

from __future__ import annotations

import re
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from bot.conversation import Conversation, Turn
from bot.models import Interpretation, PeriodSpan
from bot.router import Route
from indicators.asked_intent import swapped_order
from indicators.models import Resolution

__all__ = ["Reading", "Resolver", "interpretation_of", "reading_line", "turn_state", "understand"]

WHY_QUERY = "{topic} reasons performance commentary"
_GROUPS = ("england", "scotland", "national", "neighbours")
_COMPARE_CUE = re.compile(r"\b(compare[sd]?|against|versus|vs\.?|than|beat\w*|side by side|relative to|next to|"
                          r"add|include|throw|as well|too|also|plus)\b", re.IGNORECASE)
_ADD_CUE = re.compile(r"\b(add|include|throw|as well|too|also|plus)\b", re.IGNORECASE)
_OURS = re.compile(r"\b(?:our|ours|we|us)\b", re.IGNORECASE)
# "the trend for both", "each of them": the two councils the thread was last about, not only the latest one.
_BOTH = re.compile(r"\b(?:both|the two of them|the pair|each of them|the two councils|both councils)\b",
                   re.IGNORECASE)
_REPLACE_CUE = re.compile(r"\b(replace|swap|switch|instead of|rather than|in place of)\b", re.IGNORECASE)


class Resolver(Protocol):
    """Turns text into an indicator resolution (None when no indicator data is held)."""

    def __call__(self, text: str, home: str | None, after: str | None = None) -> Resolution | None: ...


class Reading(BaseModel):
    """What the understand stage hands on: the route, the resolution, the turn followed, the search to run."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    question: str
    route: Route
    home: str | None = None
    resolution: Resolution | None = None
    previous: Turn | None = None
    why_query: str | None = None  # "why?" after an answer: search the documents for the reasons behind it
    why_topic: str | None = None  # what "why?" asks about ("Outcome of short-term services"), to say so
    interpretation: Interpretation

    @property
    def resolved(self) -> bool:
        """True when an indicator (and council) was found."""
        return self.resolution is not None and self.resolution.status == "resolved"

    @property
    def councils(self) -> list[str]:
        """The councils (not groups) the question is about, home first when it is one of them."""
        res = self.resolution
        if res is None:
            return []
        named = [a for a in res.areas if a not in _GROUPS]
        return named or ([res.area_code] if res.area_code else [])

    @property
    def versus_area(self) -> str | None:
        """A second council to set beside the first (two-council comparisons)."""
        councils = self.councils
        return councils[1] if self.resolved and len(councils) >= 2 else None


def _named_councils(res: Resolution) -> list[str]:
    return [a for a in res.areas if a not in _GROUPS]


def _merge(res: Resolution, prev: Turn, question: str, home: str | None) -> Resolution:
    """A follow-up's own pieces over the previous turn's: indicator, councils, periods, intent, comparison."""
    if _about_the_last_measure(res, prev, question):
        # "how did we do in 2018-19?" after home-care costs: that measure that year, not every indicator held.
        res = res.model_copy(update={"intent": "value", "service": None, "service_indicators": [],
                                     "indicator_id": None, "status": "unknown"})
    update: dict[str, object] = {}
    # After an overview the previous "indicator" is only the first of a list: any indicator named wins.
    floor = 0.45 if prev.intent == "overview" else 0.55
    named_measure = res.indicator_id or (res.candidates[0].indicator_id if res.candidates else None)
    # A follow-up that names a measure, even one of two close candidates, is about that measure, not the last one.
    own_indicator = (res.status in ("resolved", "ambiguous") or prev.intent == "overview") and \
        res.score >= floor and named_measure is not None and named_measure != prev.indicator_id
    picked = _PICK.search(question) if prev.intent == "overview" and prev.ordered and not own_indicator else None
    if own_indicator:
        update.update(status="resolved", indicator_id=named_measure, message="")
    elif picked is not None:
        # "tell me more about the worst one" after an overview: its first line ("the best one": its last), for the
        # same council, as one measure.
        best = (picked[1] or picked[2]).lower() in ("best", "strongest", "top")
        update.update(status="resolved", indicator_id=prev.ordered[-1 if best else 0], message="", intent="value",
                      areas=[prev.area_code] if prev.area_code else [], area_code=prev.area_code,
                      comparison_asked=False, rank_n=None, rank_order=None)
        return res.model_copy(update=update)
    else:
        update.update(status="resolved", indicator_id=prev.indicator_id, message="")
    named = _named_councils(res)
    groups = [a for a in res.areas if a in _GROUPS]
    if named == [home] and groups:
        named = []  # "same but just our CIPFA neighbours": "our" names the group, not a council to add
    prev_councils = [a for a in prev.areas if a not in _GROUPS] or ([prev.area_code] if prev.area_code else [])
    if named and _REPLACE_CUE.search(question) and len(named) >= 2:
        # "replace Orkney with Shetland", "Shetland instead of Orkney": one council out, the other in.
        instead = bool(re.search(r"\b(instead of|rather than|in place of)\b", question, re.IGNORECASE))
        new, old = (named[:1], named[1:]) if instead else (named[1:], named[:1])
        areas = [c for c in prev_councils if c not in old] + [c for c in new if c not in prev_councils]
        update.update(areas=areas + groups, area_code=areas[0])
    elif len(named) == 1 and prev.intent == "compare" and len(prev_councils) >= 2 and \
            re.search(r"\binstead\b", question, re.IGNORECASE) and named[0] not in prev_councils:
        # "what about Kingsford instead?" after "us vs Castlebrook": the other council swapped, us kept.
        areas = [*prev_councils[:-1], named[0]]
        update.update(intent="compare", areas=areas + groups, area_code=areas[0], comparison_asked=True)
    elif named:
        if _COMPARE_CUE.search(question) and prev.intent != "rank":
            # "and compared with Edinburgh?" sets the new council beside the last one; "add Suffolk" beside all.
            keep = prev_councils if _ADD_CUE.search(question) else prev_councils[:1]
            areas = [c for c in keep if c not in named] + named
            update.update(intent="compare", areas=areas + groups, area_code=areas[0], comparison_asked=True)
        else:
            update.update(areas=named + groups, area_code=named[0])
    elif groups and prev.intent == "rank" and (res.intent != "compare" or re.match(
            r"^\W*(?:and|what about|how about|same|now|ok(?:ay)?|just|only)\b", question, re.IGNORECASE)):
        # "same but for similar councils" after a league table: the same table for that group.
        scope = "neighbours" if "neighbours" in groups else "national"
        # After "where are we in that?", "what about across England?" asks our place there too.
        was_position = prev.rank_n is None and home is not None and home in prev.areas
        update.update(scope=scope, areas=[home, *groups] if was_position else groups, area_code=home)
    elif groups:
        # "and nationally?", "how does that compare with our neighbours?": the council against that group.
        update.update(areas=prev_councils[:1] + groups, area_code=prev_councils[0] if prev_councils else home)
        if res.intent != "rank":
            update.update(intent="compare", comparison_asked=True)
    else:
        update.update(areas=list(prev.areas), area_code=prev.area_code)
        if prev.intent == "rank":
            update.update(scope=res.scope if res.intent == "rank" else prev.scope)
    explicit_period = (res.period_to is not None or res.period_from is not None or res.years_back is not None
                       or res.year_before or res.latest_said or res.frequency == "quarterly")
    spans = res.period_from is not None or res.years_back is not None or res.since_then
    if res.since_then:
        # "since then" after "… since 2016": the thread's own start; after a year: that year.
        start = prev.period_to or prev.period or prev.period_from or prev.since
        update.update(since=start, period_from=start, period_to=None, period=None, intent="trend")
    elif (res.period_from is None) != (res.period_to is None) and _THAN_YEAR.search(question) and \
            (last := prev.period_to or prev.period) and not (prev.since or prev.period_from) and " Q" not in last \
            and (other := res.period_from or res.period_to) != last and " Q" not in str(other):
        # "is that better than 2017-18?" after 2020-21: the change between the two years, not since 2017-18.
        first, second = sorted([str(other), last])
        update.update(since=None, period_from=first, period_to=second, period=None, years_back=None, intent="trend")
        if prev.intent == "compare" and len(prev_councils) >= 2 and not named:
            update.update(intent="compare", comparison_asked=True, comparison=prev.comparison)
    elif res.year_before and (last := prev.period_to or prev.period or prev.answered_period) and (
            earlier := _year_before(last, res.years_earlier)):
        update.update(period=earlier, period_to=earlier, period_from=None, since=None, years_back=None)
    elif not explicit_period:
        update.update(since=prev.since, period=prev.period, period_from=prev.period_from,
                      period_to=prev.period_to, years_back=prev.years_back)
    elif res.period_from is not None and res.period_to is None and prev.period_from and prev.period_to and \
            _FROM_ONLY.match(question):
        # "and from 2010-11?" after "between 2016-17 and 2021-22": a new start, the same end.
        update.update(period_to=prev.period_to, since=None, years_back=None)
    if "intent" in update:
        return res.model_copy(update=update)
    if res.intent == "rank" and prev.intent == "compare" and not groups and not named and len(prev_councils) >= 2 \
            and "neighbours" not in prev.areas and res.rank_n in (None, 1) and not res.rank_whole:
        # "which is best?" after "Dundee vs Glasgow and Inverclyde": the best of those three, which the comparison
        # names, not Scotland's best council.
        update.update(intent="compare", areas=list(prev.areas), area_code=prev_councils[0], comparison_asked=True,
                      comparison=prev.comparison)
        return res.model_copy(update=update)
    # "what about dundee" after "fife recycling rank?": Dundee's place in the same table.
    # ("what was ours in 2019-20?" asks for our figure, not our place.)
    # "and what we spend disposing of waste?" after "where are we in that?": our place on the measure named.
    position_kept = prev.intent == "rank" and prev.rank_n is None and len(named) == 1 and res.intent == "value" and (
        (named[0] != home and not own_indicator) or (named[0] == home and own_indicator and home in prev.areas
                                                     and not explicit_period)) and \
        not re.search(r"\bwhat(?:'s| was| were| is)\b", question, re.IGNORECASE)
    if res.intent == "rank" or (prev.intent == "rank" and not named) or position_kept:
        # "which of them performs best?" after a comparison with the neighbours ranks the neighbours.
        if res.intent == "rank" and groups:
            scope, areas = res.scope, list(res.areas)
        elif groups and "scope" in update:  # the group changed above ("same but for similar councils")
            kept = update.get("areas")  # with our own code when it was our place in the table
            scope, areas = str(update["scope"]), list(kept) if isinstance(kept, list) else list(groups)
        else:
            scope = prev.scope or ("neighbours" if "neighbours" in prev.areas else "national")
            areas = list(prev.areas) if prev.intent == "rank" else [
                "neighbours" if scope == "neighbours" else "national"]
        position = (res.intent == "rank" and res.rank_n is None and not res.rank_whole) or position_kept
        if res.rank_whole:
            areas = [a for a in areas if a in _GROUPS]  # "rank the family group": the group's table, all of it
        elif position and home is not None:
            # "where are we in that?": the council's own place in the group just ranked; "where's Leeds?" Leeds's.
            areas = [named[0] if named else home, *[a for a in areas if a in _GROUPS]]
            update["area_code"] = areas[0]  # "where did we rank that year?" after "and for Fernleigh?": us
        order = (res.rank_order or (None if position else prev.rank_order)) if res.intent == "rank" \
            else prev.rank_order
        if _FLIP.search(question) and prev.rank_order is not None:
            order = _OPPOSITE[prev.rank_order]  # "flip it" after a top 5: the bottom 5 of the same table
        elif (swap := swapped_order(question)) is not None:  # "same but worst instead of best"
            order = swap
        elif (end := _OTHER_END.match(question)) is not None and prev.rank_order is not None:
            # "what about the worst?" after a top 3: the bottom 3 of the same table
            order = "best" if end[1].lower() in ("best", "top") else "worst"
        if res.intent == "rank" and res.rank_n is not None and prev.rank_n is None:
            areas = [a for a in areas if a in _GROUPS]  # "top 5 then?" after "where do we rank?": the list alone
        size = res.rank_n if res.intent == "rank" else prev.rank_n
        if res.intent == "rank" and prev.rank_n is not None and size is not None and size > 1 and \
                not _COUNT_SAID.search(question):
            size = prev.rank_n  # "and the bottom ones?" after a top 3: three again, not the usual five
        update.update(intent="rank", rank_n=size,
                      rank_whole=res.rank_whole and res.intent == "rank", rank_order=order,
                      scope=scope, comparison_asked=True, areas=areas)
        if not explicit_period and prev.period and prev.answered_period and prev.answered_period != prev.period \
                and " Q" not in prev.period:
            # "top 3 in England" after "reablement in 2024-25", answered with 2022-23: the year answered, not the one
            # no council holds.
            update.update(period=prev.answered_period, period_to=prev.answered_period)
        if not explicit_period and (prev.since or prev.period_from):
            # "top 3 in England?" after "and since 2018?": a league table is of one year, the span's last.
            update.update(since=None, period_from=None, years_back=None, period=prev.period_to,
                          period_to=prev.period_to)
    elif spans and prev.intent == "compare" and not named and len(prev_councils) >= 2 and \
            not _OURS.search(question):
        # "over the 5-year trend?" after "Portsmouth vs Southampton": both councils over the span, side by side.
        update.update(intent="compare", comparison_asked=True, comparison=prev.comparison)
    elif spans:
        update.update(intent="trend")
    elif named and res.intent == "value" and prev.intent in ("trend", "target") and not explicit_period:
        update.update(intent=prev.intent)  # "Ok and Worcestershire?" after a trend: the same trend for them
    elif res.intent in ("compare", "target", "overview") or named or not prev.intent or prev.intent == "overview":
        pass  # the follow-up says what it wants itself
    else:
        # "and in 2021-22?", "now cost per library visit": the same question again with one piece changed;
        # "what was the figure in 2015/16?" after a trend asks for that year's value.
        one_year = res.period_to is not None and not spans and prev.intent == "trend" and \
            re.search(r"\bwhat (?:was|were|is)\b", question, re.IGNORECASE)
        update.update(intent="value" if one_year else "trend" if _trendish(question) else prev.intent,
                      comparison_asked=prev.comparison_asked or res.comparison_asked)
        if prev.comparison_asked and not res.comparison_asked:
            update.update(comparison=prev.comparison)
    return res.model_copy(update=update)


_FROM_ONLY = re.compile(r"^\W*(?:(?:ok(?:ay)?|and|so|what about|how about)\W+)*(?:from|starting(?: from| in)?)\s+"
                        r"(?:fy\s*)?\d", re.IGNORECASE)
# A service named by its own name in a follow-up ("environmental services", "culture and leisure").
_SERVICE_NAMED = re.compile(r"\b(?:services|culture (?:and|&) leisure|adult social care|social care|social work|"
                            r"economic development|financial sustainability|climate change)\b", re.IGNORECASE)
_OTHER_END = re.compile(r"^\W*(?:(?:and|ok(?:ay)?|so|now|what about|how about)\W+)*(?:the\s+)?(worst|bottom|best|top)"
                        r"(?:\s+(?:ones?|end|performers?))?\W*$", re.IGNORECASE)
_COUNT_SAID = re.compile(r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|"
                         r"single|dozen)\b", re.IGNORECASE)
_THAT = re.compile(r"\b(?:that|this|it|those|these|them|the same)\b", re.IGNORECASE)
_LEAD = re.compile(r"^\W*(?:(?:ok(?:ay)?|and|so|now|then|what about|how about)\W+)*", re.IGNORECASE)
# "is that better than 2017-18?", "how does that compare with 2019/20?", "up on 2018?": the last year set beside
# another.
_THAN_YEAR = re.compile(r"\b(?:better|worse|higher|lower|up|down|more|less|improved?|different|changed?)\s+"
                        r"(?:than|on|from|compared (?:with|to))\s+(?:in\s+)?(?:fy\s*)?'?\d{2,4}\b|"
                        r"\b(?:that|this|it)\b.{0,20}\b(?:compare[sd]?|compared|vs\.?|versus|against)\s+(?:with\s+|to\s+)?"
                        r"(?:in\s+)?(?:fy\s*)?'?\d{2,4}\b", re.IGNORECASE)
# "the worst one", "the weakest measure", "drill into the best area": a line of the overview just given.
_PICK = re.compile(r"\b(worst|weakest|poorest|bottom|best|strongest|top)\s+(?:one|measure|indicator|area|line|kpi|"
                   r"of (?:them|those|these))\b|\b(?:which|what)(?:'s| is)? (?:the )?(worst|weakest|best|strongest)\b"
                   r"(?!\s+councils?)", re.IGNORECASE)
# Words that ask for every indicator even in a thread about one ("and an overview of everything?").
_EVERYTHING = re.compile(r"\b(everything|all|every|overview|summary|indicators|measures|kpis|pis|targets|overall|"
                         r"headlines?|scorecard|dashboard|anything)\b", re.IGNORECASE)
# "flip it", "reverse it", "the other way round", "other end": the same league table from its other end.
_FLIP = re.compile(r"^\W*(?:(?:ok(?:ay)?|and|now|can you|could you|pls|please)\W+)*(?:flip|reverse|invert|turn)\s+"
                   r"(?:it|that|this|the (?:list|table|order|ranking))(?:\s+(?:round|around|over))?\b|"
                   r"\b(?:the )?other way (?:round|around)\b|\b(?:from )?the other end\b", re.IGNORECASE)
_OPPOSITE = {"best": "worst", "worst": "best", "highest": "lowest", "lowest": "highest"}


def _about_the_last_measure(res: Resolution, prev: Turn, question: str) -> bool:
    """Whether an overview of every indicator, read from words that name none ("how did we do in 2018-19?"), is in
    a thread about one measure a question about that measure."""
    from indicators.asked_service import ALL_SERVICES

    return res.intent == "overview" and res.service == ALL_SERVICES and prev.intent != "overview" and \
        not _EVERYTHING.search(question)


def _trendish(question: str) -> bool:
    return bool(re.search(r"\b(improv\w*|getting (?:better|worse)|trend\w*|chang\w*|since)\b", question, re.I))


def _year_before(period: str, years: int = 1) -> str | None:
    """The financial year `years` before "2011-12" ("2010-11" for one); None for a quarter, an aggregate or a
    calendar year."""
    from indicators.periods import parse_period, years_before

    return years_before(period, years) if parse_period(period).kind == "financial_year" else None


def understand(question: str, route: Route, conversation: Conversation | None, home: str | None,
               resolve: Resolver) -> Reading:
    """Read one question: the routed kind, then intent/indicator/councils/span, follow-ups filled from the thread."""
    previous = conversation.last_indicator() if conversation else None
    res: Resolution | None = None
    why_query = why_topic = None
    if route.kind == "why" and conversation is not None:
        why_topic = conversation.last_topic() or question
        why_query = WHY_QUERY.format(topic=why_topic)
    else:
        after = previous.indicator_id if previous is not None and route.kind == "followup" else None
        res = resolve(question, home, after)
        if res is not None and previous is not None and route.kind == "followup":
            res = _overview_follow_up(question, res, previous, home, after, resolve)
        followup = route.kind in ("chart", "followup") or (res is not None and res.status != "resolved") or (
            res is not None and previous is not None and _about_the_last_measure(res, previous, question))
        if res is not None and res.refused and res.asked_measure != (previous.indicator_id if previous else None):
            # "and cardiff?", "what about potholes", "and workforce turnover?" for Scilly, which holds none: say so,
            # rather than answer the last question again.
            followup = False
        if res is not None and previous is not None and previous.indicator_id and followup:
            res = _merge(res, previous, question, home)
            if conversation is not None and _BOTH.search(question):
                res = _both(res, conversation)
    reading = Reading(question=question, route=route, home=home, resolution=res, previous=previous,
                      why_query=why_query, why_topic=why_topic,
                      interpretation=Interpretation(intent="unknown", request=route.kind))
    reading.interpretation = interpretation_of(reading)
    return reading


def _overview_follow_up(question: str, res: Resolution, previous: Turn, home: str | None, after: str | None,
                        resolve: Resolver) -> Resolution:
    """A follow-up read again as an overview where the thread makes it one: "ok what about environmental services"
    (a service named, after an overview or by its own name), "and Dunhollow District Council?", "and us?", "and how
    are we doing on that?" (the last overview's service, for them). The question is asked again with an overview's
    words, so the resolver still decides service or measure."""
    from indicators.asked_service import ALL_SERVICES

    if res.intent == "value" and res.score < 1.0 and (previous.intent == "overview" or _SERVICE_NAMED.search(question)):
        again = resolve(f"how are we doing on {_LEAD.sub('', question)}", home, after)
        if again is not None and again.intent == "overview" and again.status == "resolved" and \
                again.service != ALL_SERVICES:  # "and us?" names no service: the last overview goes on, below
            res = again
    if previous.intent == "overview" and previous.service and (
            (res.intent == "value" and res.status != "resolved") or (
                res.intent == "overview" and res.service == ALL_SERVICES and _THAT.search(question))):
        again = resolve(f"{_LEAD.sub('', question).rstrip('?!. ')} - how is it doing on {previous.service}?", home,
                        after)
        if again is not None and again.intent == "overview" and again.status == "resolved":
            res = again
    return res


def _both(res: Resolution, conversation: Conversation) -> Resolution:
    """"The trend for both" after Kent, then "and Essex?": the council before the current one beside it."""
    councils = _named_councils(res) or ([res.area_code] if res.area_code else [])
    if res.status != "resolved" or res.intent in ("rank", "overview") or len(councils) != 1:
        return res
    for turn in reversed(conversation.turns):
        earlier = [a for a in turn.areas if a not in _GROUPS] or ([turn.area_code] if turn.area_code else [])
        other = next((a for a in earlier if a not in councils), None)
        if other is not None:
            areas = [other, *councils]
            return res.model_copy(update={"intent": "compare", "areas": areas, "area_code": areas[0],
                                          "comparison_asked": True})
    return res


def _comparison(res: Resolution, councils: list[str]) -> str | None:
    if res.intent == "rank":
        return "ranking"
    if not res.comparison_asked:
        return None
    if "neighbours" in res.areas:
        return "neighbours"
    if any(a in ("england", "scotland", "national") for a in res.areas):
        return "national"
    if len(councils) >= 2:
        return "area"
    return None if res.comparison == "none" else res.comparison


def interpretation_of(reading: Reading) -> Interpretation:
    """The typed reading shown to users and put in the JSON as `understood`."""
    route, res = reading.route, reading.resolution
    if route.kind == "help":
        return Interpretation(intent="help", request="help")
    if reading.why_query is not None:
        return Interpretation(intent="documents", topic=reading.why_query, request=route.kind, confidence=0.5)
    if res is None or res.status not in ("resolved", "ambiguous", "unknown"):
        return Interpretation(intent="documents", topic=reading.question, request=route.kind,
                              confidence=round(1.0 - (res.score if res else 0.0), 2))
    if res.status != "resolved" and res.intent != "overview":
        return Interpretation(intent="unknown", indicators=[c.indicator_id for c in res.candidates[:5]],
                              areas=[a for a in res.areas if a] or ([res.area_code] if res.area_code else []),
                              request=route.kind, confidence=round(res.score, 2))
    councils = reading.councils
    if res.intent == "rank":
        areas = list(res.areas)
    elif res.intent == "overview":
        areas = councils[:1]
    else:
        areas = councils + [a for a in res.areas if a in _GROUPS and a != "national"]
    indicators = list(res.service_indicators) if res.intent == "overview" else (
        [res.indicator_id] if res.indicator_id else [])
    start = res.period_from if res.since is not None or res.period_from else None
    span = PeriodSpan(**{"from": start}, to=res.period_to if (res.period_to or start is None) else None)
    return Interpretation(intent=res.intent, indicators=indicators, areas=areas, periods=span,
                          comparison=_comparison(res, councils), topic=res.service, request=route.kind,
                          n=res.rank_n if res.intent == "rank" else None,
                          order=res.rank_order if res.intent == "rank" else None,
                          confidence=round(min(res.score, 1.0), 2))


def turn_state(res: Resolution) -> dict[str, object]:
    """The pieces of a resolution a follow-up may keep (stored on the conversation's Turn)."""
    return {"intent": res.intent, "areas": list(res.areas), "since": res.since, "period": res.period,
            "period_from": res.period_from, "period_to": res.period_to, "years_back": res.years_back,
            "rank_n": res.rank_n, "rank_order": res.rank_order, "scope": res.scope, "comparison": res.comparison,
            "comparison_asked": res.comparison_asked, "service": res.service}


def reading_line(interpretation: Interpretation, names: dict[str, str]) -> str:
    """'Reading this as: …' in one short line (names: codes -> what to call them)."""
    from bot.pipeline.messages import message

    def name(code: str) -> str:
        return names.get(code, code)

    parts = [", ".join(name(i) for i in interpretation.indicators[:3]) + (
        f" and {len(interpretation.indicators) - 3} more" if len(interpretation.indicators) > 3 else "")]
    if interpretation.topic and interpretation.intent == "overview":
        parts = [interpretation.topic]
    councils = [name(a) for a in interpretation.areas]
    if councils:
        parts.append(" vs ".join(councils) if interpretation.intent == "compare" else ", ".join(councils))
    p = interpretation.periods
    if p.from_ and p.to:
        parts.append(f"{p.from_} to {p.to}")
    elif p.from_:
        parts.append(f"since {p.from_}")
    elif p.to:
        parts.append(p.to)
    else:
        parts.append("latest")
    if interpretation.intent == "rank" and interpretation.n:
        parts.append(f"{interpretation.order or 'best'} {interpretation.n}")
    return message("reading", what="; ".join(x for x in parts if x))
