"""Whether a question asks for a whole service ("how are we doing on social care?") or for one of its measures
("how did we do on reablement?"), and which of the service's indicators a council holds."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from indicators.measure_words import measure_words, synonyms_of

if TYPE_CHECKING:
    from indicators.models import IndicatorInfo
    from indicators.store import IndicatorStore

__all__ = ["ALL_SERVICES", "MeasureIndex", "overview_service", "service_members"]

ALL_SERVICES = "Every indicator held"  # an overview of every indicator the council holds


class MeasureIndex(Protocol):
    """What the resolver's per-store index offers here: the indicators, their name words, who holds them."""

    infos: list[IndicatorInfo]
    words: list[set[str]]
    phrases: list[list[set[str]]]
    area_sets: dict[str, set[str]]


# Words of an overview question that name no measure ("summary of how our social care services are going").
_OVERVIEW_WORDS = frozenset(
    "summary summar overview rundown round scorecard dashboard snapshot health check big picture overall service "
    "servic general generally thing everything all across board struggl faring far fare done do doing worse better "
    "perform performance how going gone went has have handl handling headline headlines look looking everyth anyth "
    "anything target targets miss missing missed hit hitting meet meeting met track "
    "challeng challenge challenging focus focusing probe probing push pushing officer officers "
    "quarter month week they them their it its".split())
_STRONG_OVERVIEW = re.compile(r"\b(overview|summary|summari[sz]e|rundown|run-down|round-?up|scorecard|dashboard|"
                              r"snapshot|health check|big picture|across the board|in one go|doing across|"
                              r"all (?:the |our |of our )?.{0,50}\b(?:indicators|measures|kpis|metrics))\b",
                              re.IGNORECASE)

def service_members(store: IndicatorStore, index: MeasureIndex, service: str, area_code: str) -> list[str]:
    """The service's indicators that the council holds in any period ("all" means every one it holds)."""
    from indicators.overview import services

    ids = [i.indicator_id for i in index.infos] if service == ALL_SERVICES else services(store).get(service, [])
    return [i for i in ids if area_code in index.area_sets.get(i, set())]


def overview_service(store: IndicatorStore, index: MeasureIndex, residual: str, cue: bool, scores: list[float],
                     best: int, intent: str, resolved_score: float, weak: bool = False) -> str | None:
    """The service an overview question is about ("how are we doing on social care?"), or None for a question
    about one indicator. A phrase naming a service with nothing more specific left is an overview."""
    from indicators.overview import find_service

    if intent in ("rank", "compare", "target"):
        return None
    from indicators.overview import service_phrases

    if not cue:
        return None  # "reablement outcomes for us" asks about a measure, not for a service overview
    service = find_service(store, residual)
    left = [w for w in measure_words(residual) if w not in _OVERVIEW_WORDS]
    if service is None:
        # "How did we do last year?": an overview cue and no measure named at all means every indicator held.
        return ALL_SERVICES if cue and not left else None
    # The words of each way of naming the service, its own name first.
    naming = [measure_words(p) for p in [service, *service_phrases(store, service)]]
    service_words = {w for ws in naming for w in ws}
    # Words no measure's name or the service's use ("according to the latest published data", "the use of") say
    # nothing of which one is meant.
    known = set().union(*index.words) | service_words
    left = [w for w in left if w in known or synonyms_of(w) & known]
    if _STRONG_OVERVIEW.search(residual) and scores[best] < 1.0 and not (
            scores[best] >= resolved_score and _indicator_specific(index, best, left, service_words, least=2)):
        return service  # ("summarise the movement in uncommitted general fund reserves" is that one measure)
    # The service's own name, or a phrase of several words for it ("adult social care"), names the whole service.
    whole = [set(ws) for k, ws in enumerate(naming) if ws and (k == 0 or len(ws) > 1)]
    if weak and any(w not in service_words for w in left):
        return None  # "how is Kingsford doing on complaints answered on time?"
    # A word of the service's own name ("waste and recycling", "social work for adults"), or two words each naming
    # the service ("bins and recycling"), keep it the service.
    singles = {ws[0] for ws in naming[1:] if len(ws) == 1}
    several = len(set(left)) >= 2 and set(left) <= singles
    others = _other_members(index, best, store, service)
    # "temporary accommodation" names the homelessness service, and is the whole of one measure's name no other has.
    own_whole = set(left) in whole and any(p == set(left) for p in index.phrases[best]) and \
        not set(left) & set().union(*others)
    if (set(left) not in whole or own_whole) and not set(left) & set(naming[0]) and not several and \
            _one_measure_says(index, best, left, others) and not _STRONG_OVERVIEW.search(residual):
        return None  # "how is our recycling rate doing?", "is North Lincolnshire getting better on carer qol?"
    named_by_one = scores[best] >= 1.0 and bool(left) and set(left) <= index.words[best]
    one_word_names = {ws[0] for ws in naming if len(ws) == 1}
    if named_by_one and (not _shared(left, others, naming[0]) or _own_phrase(index, best, left, others,
                                                                              one_word_names)):
        return None  # "how did we do on reablement?": words that only one of the service's measures is named by
    specific = scores[best] >= resolved_score and _indicator_specific(index, best, left, service_words)
    return None if specific else service


def _other_members(index: MeasureIndex, best: int, store: IndicatorStore, service: str) -> list[set[str]]:
    """The name words of the service's other measures (all but the best-matching one)."""
    from indicators.overview import services

    ids = [i.indicator_id for i in index.infos]
    return [index.words[ids.index(i)] for i in services(store).get(service, []) if i in ids and i != ids[best]]


def _shared(left: list[str], others: list[set[str]], service_name: list[str]) -> bool:
    """Whether another of the service's measures, or the service's own name, says one of the words left."""
    return bool(set(left) & set(service_name)) or any(set(left) & words for words in others)


def _one_measure_says(index: MeasureIndex, best: int, left: list[str], others: list[set[str]]) -> bool:
    """Whether the words left are all words of one measure of the service and of no other ("recycling")."""
    def says(words: set[str]) -> bool:  # every word left, itself or in other words ("qol": quality of life)
        return all(w in words or synonyms_of(w) & words for w in left)

    return bool(left) and says(index.words[best]) and not any(says(words) for words in others)


def _own_phrase(index: MeasureIndex, best: int, left: list[str], others: list[set[str]],
                one_word_names: set[str]) -> bool:
    """Whether the words left say a whole phrase of the measure's name with a word no other measure of the service
    has: "business rates collection" is that measure, though "collection" and "rates" are shared; "waste and
    recycling" is the service, since a word that names the service on its own ("recycling") is no measure's own."""
    taken = set().union(*others) | one_word_names
    return any(len(p) >= 2 and p <= set(left) and p - taken for p in index.phrases[best])


def _indicator_specific(index: MeasureIndex, best: int, left: list[str], service_words: set[str],
                        least: int = 1) -> bool:
    """Whether the words left name one indicator more than the service ("homelessness prevention" vs housing), by
    at least `least` words of its name."""
    own = [w for w in left if w not in service_words]
    names = index.words[best]
    return bool(own) and sum(1 for w in own if w in names) >= max(least, len(own) // 2)
