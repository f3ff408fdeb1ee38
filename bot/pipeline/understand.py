"""Stage 1, understand: free text (and the thread so far) -> a Reading, with the typed Interpretation users see.

The router decides what kind of request it is (once per request); the indicator resolver in `indicators.query`
finds indicator, council, span and comparison; follow-ups take what they do not name from the previous turn.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel, ConfigDict

from bot.conversation import Conversation, Turn
from bot.models import Interpretation, PeriodSpan
from bot.router import Route
from indicators.models import Resolution

__all__ = ["Reading", "Resolver", "interpretation_of", "names_area", "understand"]

WHY_QUERY = "{topic} reasons performance commentary"


class Resolver(Protocol):
    """Turns text into an indicator resolution (None when no indicator data is held)."""

    def __call__(self, text: str, home: str | None) -> Resolution | None: ...


class Reading(BaseModel):
    """What the understand stage hands on: the route, the resolution, the turn followed, the search to run."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    question: str
    route: Route
    home: str | None = None
    resolution: Resolution | None = None
    previous: Turn | None = None
    why_query: str | None = None  # "why?" after an answer: search the documents for the reasons behind it
    interpretation: Interpretation

    @property
    def resolved(self) -> bool:
        """True when an indicator (and council) was found."""
        return self.resolution is not None and self.resolution.status == "resolved"

    @property
    def versus_area(self) -> str | None:
        """The council of the previous turn when a follow-up names another one: both go side by side."""
        if self.route.kind != "followup" or self.previous is None or not self.resolved:
            return None
        assert self.resolution is not None
        area = self.previous.area_code
        return area if area and area != (self.resolution.area_code or self.home) else None


def names_area(question: str) -> bool:
    """Whether a follow-up seems to name something of its own (a capitalised word after the first, or a year)."""
    return any(w[:1].isupper() for w in question.split()[1:]) or any(c.isdigit() for c in question)


def _followup(question: str, previous: Turn, home: str | None, resolve: Resolver) -> Resolution | None:
    # The previous indicator's name gives the resolver the measure; the follow-up's own words give the rest.
    res = resolve(f"{previous.indicator_name or previous.indicator_id} {question}", home)
    if res is None or res.status != "resolved":
        return None
    if res.indicator_id != previous.indicator_id:
        res = res.model_copy(update={"indicator_id": previous.indicator_id})
    if res.area_code is None or (res.area_code == home and previous.area_code and not names_area(question)):
        res = res.model_copy(update={"area_code": previous.area_code})
    return res


def understand(question: str, route: Route, conversation: Conversation | None, home: str | None,
               resolve: Resolver) -> Reading:
    """Read one question: the routed kind, then indicator/council/span, with follow-ups filled from the thread."""
    previous = conversation.last_indicator() if conversation else None
    res: Resolution | None = None
    why_query = None
    if route.kind in ("chart", "followup") and previous is not None:
        res = _followup(question, previous, home, resolve)
    elif route.kind == "why" and conversation is not None:
        why_query = WHY_QUERY.format(topic=conversation.last_topic() or question)
    if res is None and route.kind != "why":
        res = resolve(question, home)
        if res is not None and res.status != "resolved" and previous is not None and route.kind == "followup":
            res = _followup(question, previous, home, resolve) or res
    reading = Reading(question=question, route=route, home=home, resolution=res, previous=previous,
                      why_query=why_query, interpretation=Interpretation(intent="unknown", request=route.kind))
    reading.interpretation = interpretation_of(reading)
    return reading


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
    if res.status != "resolved":
        return Interpretation(intent="unknown", indicators=[c.indicator_id for c in res.candidates[:5]],
                              areas=[res.area_code] if res.area_code else [], request=route.kind,
                              confidence=round(res.score, 2))
    areas = [a for a in (reading.versus_area, res.area_code) if a]
    if reading.versus_area:
        intent, comparison = "compare", "area"
    elif res.period is not None and res.since is None and res.last_n is None:
        intent, comparison = "value", res.comparison
    else:
        intent, comparison = "trend", res.comparison
    span = PeriodSpan(**{"from": res.since}, to=res.period)
    return Interpretation(intent=intent, indicators=[res.indicator_id] if res.indicator_id else [], areas=areas,
                          periods=span, comparison=None if comparison == "none" else comparison,
                          request=route.kind, confidence=round(min(res.score, 1.0), 2))
