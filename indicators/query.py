"""Plain-English questions resolved to intent, indicator(s), council(s), span and comparison (or a clarifying
answer).

The question's politeness is dropped (`asked_text`), its periods read (`asked_periods`), its councils and groups
found (`asked_places`) and its intent read (`asked_intent`); what is left names the measure. Matching: exact
indicator codes and aliases first (weighted by how much of the question they cover); then word overlap between the
question and each indicator's name/aliases (IDF-weighted, crude stemming, typo-tolerant via rapidfuzz, lay
synonyms and phrases); then, when an embedder is given, cosine similarity with each indicator's name and
description. A service named with an overview cue ("how are we doing on social care?") is an overview.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from indicators.asked_periods import AskedPeriods, parse_periods, spoken_years
from indicators.asked_service import ALL_SERVICES, overview_service, service_members
from indicators.asked_spelling import misspelt_council, spelled_right
from indicators.asked_text import plain_question
from indicators.formatting import is_money
from indicators.held_periods import quarter_period
from indicators.measure_words import (
    GENERIC_NAME_WORDS,
    MONTHS_AND_WORDS,
    PHRASE_WORDS,
    SERVICE_CONCEPTS,
    STOP_WORDS,
    SYNONYMS,
    WORD,
    agent_noun,
    covering_most,
    measure_words,
    phrased,
    plain_talk,
    said,
    stem,
    synonyms_of,
)
from indicators.models import IndicatorInfo, Resolution
from indicators.wording import RESOLVER_MESSAGES

if TYPE_CHECKING:
    from indicators.store import IndicatorStore

__all__ = ["ALL_SERVICES", "QueryEmbedder", "Resolution", "national_code", "resolve"]


class QueryEmbedder(Protocol):
    """What semantic matching needs of an embedding model (the knowledge base's embedders satisfy it)."""

    def embed_query(self, text: str) -> list[float]: ...

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

RESOLVED_SCORE = 0.55  # best score needed to answer
AMBIGUOUS_MARGIN = 0.06  # runner-up this close (and itself >= RESOLVED_SCORE) -> ask which
# Below RESOLVED_SCORE an indicator is still taken when the words and the embedding independently pick it first and
# it leads: two weak signals that agree (calibrated on the blind development sets, never on the held-out half).
AGREED_SCORE, AGREED_MARGIN = 0.40, 0.03
SEMANTIC_SEPARATION = 0.25  # words tie two measures, the embedding prefers one by this much -> that one
NOT_INDICATOR_SCORE = 0.30  # below this, with no indicator-ish wording, it is not an indicator question
EMBED_FLOOR, EMBED_CEIL = 0.25, 0.65  # cosine range mapped onto 0..1

_COMPARE_WORDS = (r"\b(compare[sd]?|comparison|versus|vs\.?|v\.?|against|side by side|than|beat\w*|outperform\w*|"
                  r"ahead of|behind|relative to|next to|above|below|and us|us and|with us)\b|"
                  # "us, Edinburgh City and Scottish Borders on …": the council in a list of councils
                  r"\bus\s*,|,\s*us\b")
_INDICATORISH = re.compile(
    r"\b(rate|rates|performance|perform|trend|changed|change|compare|compared|percentage|per cent|%|cost|costs|"
    r"figure|figures|indicator|indicators|kpi|kpis|how many|how much|improv\w*|target|rank|ranking|quartile|"
    r"median|average|score|level|levels|days|time taken|satisf\w*|since \d{4}|last \w+ years)\b", re.IGNORECASE)
_COST = re.compile(r"\b(?:costs?|costing|spend|spending|expenditure|expensive|cheap\w*)\b|£", re.IGNORECASE)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "couple": 2, "few": 3}
# "Q2 2024-25", "Q2 of 2024/25", "quarter 2 2024-25"
_LATEST_QUARTER = re.compile(r"\b(?:this|latest|last|current|most\s+recent|recent)\s+quarter(?:'s)?\b|"
                             r"\bquarterly\b|\bin[-\s]year\b|\bquarter\s+by\s+quarter\b", re.IGNORECASE)
_NATIONAL = re.compile(r"\b(england|english average|national(?:ly)?|scotland|scottish average|all councils|"
                       r"every council|country|countrywide|nationwide)\b", re.IGNORECASE)
_NEIGHBOURS = re.compile(r"\b(similar councils?|neighbou?rs?|family group|comparators?|peers?|statistical "
                         r"neighbou?rs?|cipfa|like us|similar authorities)\b", re.IGNORECASE)
_NO_COMPARISON = re.compile(r"\b(no comparison|without comparison|just (?:the )?trend|only (?:the )?trend)\b",
                            re.IGNORECASE)


@dataclass
class _Index:
    """Per-store matching data, rebuilt when the data changes (kept in store.cache())."""

    infos: list[IndicatorInfo]
    words: list[set[str]]
    phrases: list[list[set[str]]]  # per indicator: the words of its name and of each alias, apart
    idf: dict[str, float]
    area_sets: dict[str, set[str]]  # indicator id -> areas with data
    ids: frozenset[str] = frozenset()  # lower-case indicator ids ("asc4"), never a council's name
    spellings: tuple[str, ...] = ()  # words as measures and everyday terms spell them, to correct typos against


def _index(store: IndicatorStore) -> _Index:
    cache = store.cache()
    if "query_index" in cache:
        return cache["query_index"]
    infos = store.indicators()
    words = [set(measure_words(" ".join([i.name, *i.aliases]))) for i in infos]
    phrases = [[ws for ws in (set(measure_words(t)) - GENERIC_NAME_WORDS for t in [i.name, *i.aliases]) if ws]
               for i in infos]
    df: dict[str, int] = {}
    for ws in words:
        for w in ws:
            df[w] = df.get(w, 0) + 1
    n = max(len(infos), 1)
    idf = {w: math.log(1 + n / c) for w, c in df.items()}
    area_sets = store.indicator_areas()
    spelt = {w for i in infos for w in WORD.findall(" ".join([i.name, *i.aliases]).lower()) if len(w) >= 5}
    spelt |= {w for w in SYNONYMS if len(w) >= 5} | set(PHRASE_WORDS)
    spelt |= {w[:-1] for w in spelt if w.endswith(("s", "d"))}  # "discharges" -> "discharge" for "dischrage"
    cache["query_index"] = _Index(infos=infos, words=words, phrases=phrases, idf=idf, area_sets=area_sets,
                                  ids=frozenset(i.indicator_id.lower() for i in infos), spellings=tuple(sorted(spelt)))
    return cache["query_index"]


def _comparison(question: str) -> Literal["neighbours", "national", "none"]:
    if _NO_COMPARISON.search(question):
        return "none"
    if _NEIGHBOURS.search(question):
        return "neighbours"
    if _NATIONAL.search(question):
        return "national"
    return "neighbours"


def _lexical(index: _Index, query_words: list[str], question: str) -> list[float]:
    from rapidfuzz import fuzz

    qset = said(query_words, question)
    original = set(query_words)
    scores = []
    tokens = set(WORD.findall(question.lower()))
    forms = (question.lower(), phrased(question))  # an alias said as written, or in other words ("stage two")
    costed = _COST.search(question) is not None
    share = re.search(r"%|\b(?:percentage|per ?cent|proportion|share)\b", question, re.IGNORECASE) is not None
    for info, names, phrases in zip(index.infos, index.words, index.phrases, strict=True):
        if info.indicator_id.lower() in tokens:
            scores.append(1.0)
            continue
        # An alias the question contains is strong evidence, the more so the more of the question it covers: a
        # one-word alias ("complaints") must not beat a name that says all of "stage 2 complaints upheld".
        hits = [a for a in info.aliases if len(a) > 3 and any(re.search(rf"\b{re.escape(a.lower())}\b", form)
                                                              for form in forms)]
        alias = 0.0
        if hits:
            longest = max(len(measure_words(a)) or 1 for a in hits)
            alias = 0.85 + 0.15 * min(1.0, longest / max(len(original), 1))
        if not original or not names:
            scores.append(alias)
            continue
        hit_weight = 0.0
        total = 0.0
        for w in original:
            # A word no measure is named with weighs as much as the rarest measure word: at half weight, rambling
            # questions matched better but document questions ("what did the peer challenge say…") looked like
            # indicator questions (measured on the development sets and the labelled resolver set).
            weight = index.idf.get(w, math.log(1 + len(index.infos)))
            total += weight
            if w in names:
                hit_weight += weight
                continue
            syn = synonyms_of(w) & names
            if syn:
                hit_weight += weight * 0.9
                continue
            # A typo, not another word: "carer" is not "care", nor "user" "use" (an agent noun is its own idea).
            best = max((fuzz.ratio(w, n) for n in names if not agent_noun(w, n)), default=0)
            if best >= 85 and len(w) >= 5:
                hit_weight += weight * 0.8
        coverage = hit_weight / total if total else 0.0
        # How much of one way of naming it the question says: the name, or one alias, whichever it says most of
        # (pooling every alias's words made "quality of life" cover "ASC Quality of Life" less than "ASC Carer
        # Quality of Life", because the first has more aliases).
        name_cover = max((len(ws & qset) / len(ws) for ws in phrases), default=0.0)
        score = 0.8 * coverage + 0.2 * name_cover
        # "Awards at level 5" is not "level 6": a number in the name that the question does not say counts against.
        if any(w.isdigit() and w not in tokens for w in names) and any(w.isdigit() for w in tokens):
            score *= 0.9
        best_score = max(score, alias)
        if costed and not _COST.search(" ".join([info.name, info.unit or "", *info.aliases])):
            best_score *= 0.85  # "cost of bin collections" asks what collecting costs, not how many are missed
        elif share and not costed and is_money(info.unit or ""):
            best_score *= 0.85  # "children looked after in the community %" is a share, not a cost per child
        scores.append(best_score)
    return scores


def _tie_break(index: _Index, options: list[int], semantic: list[float] | None, said_words: set[str],
               question: str) -> int | None:
    """The one of measures the words tie that the embedding clearly prefers, else the only one whose whole name was
    said, else the only one without an unsaid subgroup, else the one saying most of the question's words; None leaves
    the question to be asked."""
    most = covering_most(said_words, [index.words[i] for i in options])  # "cost of collecting the bins": waste
    for chosen in (_own_word_said(index, options, said_words), _separated(options, semantic),
                   _fully_named(index, options, said_words),
                   _no_subgroup(index, options, question), None if most is None else options[most]):
        if chosen is not None:
            return chosen
    return None


def _own_word_said(index: _Index, options: list[int], said: set[str]) -> int | None:
    """Of measures the words tie, the only one a word of its own name (that no other option's name has) was said
    for: "minor planning applications" is the minor measure, not the major one (whose aliases say "speed")."""
    names = [set().union(*index.phrases[i][:1]) for i in options]
    own = [name - set().union(*(other for other in names if other is not name)) for name in names]
    hits = [k for k, words in enumerate(own) if words & said]
    return options[hits[0]] if len(hits) == 1 else None


def _fully_named(index: _Index, options: list[int], said: set[str]) -> int | None:
    """Of measures the words cannot tell apart, the only one whose whole name the question says: "CO2 emissions
    per head" is the area-wide measure, not the one "from transport", whose extra word was not said."""
    full = [i for i in options if any(ws <= said for ws in index.phrases[i][:1])]
    return full[0] if len(full) == 1 else None


def _no_subgroup(index: _Index, options: list[int], question: str) -> int | None:
    """Of measures the words tie, the only one whose name has no number the question does not say: "claimant
    count" is the whole working-age measure, not the one "of 16-24 population" (an age band is a subgroup)."""
    said_numbers = set(re.findall(r"\d+", question))
    plain = [i for i in options if not {w for w in index.words[i] if w.isdigit()} - said_numbers]
    return plain[0] if len(plain) == 1 else None


def _semantic(index: _Index, store: IndicatorStore, text: str, embedder: QueryEmbedder) -> list[float]:
    cache = store.cache()
    key = f"embeddings:{id(embedder)}"
    if key not in cache:
        docs = [f"{i.name}. {' '.join(i.aliases)}. {i.category}. {i.description[:200]}" for i in index.infos]
        cache[key] = [list(map(float, v)) for v in embedder.embed_documents(docs)]
    q = list(map(float, embedder.embed_query(text)))
    qn = math.sqrt(sum(x * x for x in q)) or 1.0
    out = []
    for d in cache[key]:
        dn = math.sqrt(sum(x * x for x in d)) or 1.0
        cos = sum(a * b for a, b in zip(q, d, strict=False)) / (qn * dn)
        out.append(min(1.0, max(0.0, (cos - EMBED_FLOOR) / (EMBED_CEIL - EMBED_FLOOR))))
    return out


def _strip(question: str, spans: list[str]) -> str:
    text = question
    for s in sorted(spans, key=len, reverse=True):
        if s.strip():
            text = re.sub(r"(?<!\w)" + re.escape(s.strip()) + r"(?!\w)", " ", text, flags=re.IGNORECASE)
    return text


def _span_fields(asked: AskedPeriods, question: str) -> dict[str, object]:
    """The old single-span fields (since, last_n, period, frequency) and the normalised span, from one reading."""
    since = last_n = period = frequency = None
    if asked.kind == "since" and asked.start:
        # A bare calendar year stays as typed ("since 2019"): the analysis reads it as from the year's start.
        bare = re.search(r"\b(?:since|from|after|starting)\s+(?:the\s+)?(?:year\s+)?((?:19|20)\d{2})(?![\d/-])",
                         question, re.IGNORECASE)
        since = bare[1] if bare else asked.start
    elif asked.kind == "span":
        since, period = asked.start, asked.end
    elif asked.kind == "single":
        period = asked.end
    elif asked.kind == "last_n":
        last_n = asked.n
        frequency = {"quarters": "quarterly", "months": "monthly"}.get(asked.unit)
    if asked.quarter:
        period, frequency = asked.quarter, "quarterly"
    if period is not None and " Q" in period:
        frequency = "quarterly"
    if _LATEST_QUARTER.search(question):
        frequency = frequency or "quarterly"
    return {"since": since, "last_n": last_n, "period": period, "frequency": frequency,
            "period_from": asked.start, "period_to": asked.end,
            "years_back": asked.n if asked.kind == "last_n" and asked.unit == "years" else None,
            "since_then": asked.since_then, "year_before": asked.year_before, "years_earlier": asked.years_earlier,
            "latest_said": asked.said_latest}


def national_code(info: IndicatorInfo | None, store: IndicatorStore) -> str:
    """'england' or 'scotland' for a dataset whose councils are all of one nation, else 'national'."""
    if info is None or not info.dataset:
        return "national"
    label = store.dataset(info.dataset).national_label.lower()
    return "england" if "english" in label or "england" in label else "scotland" if "scot" in label else "national"


def resolve(store: IndicatorStore, question: str, home_area: str | None,
            embedder: QueryEmbedder | None = None, _depth: int = 0, after: str | None = None) -> Resolution:
    """Resolve a question to intent, indicator(s), council(s), span and comparison; or say it is ambiguous/unknown.

    `after`: the indicator the conversation was last about, so "and for carers?" after "service users finding
    information" means carers finding information, not any carers' measure."""
    from indicators.asked_intent import read_intent, sets_beside_us
    from indicators.asked_places import (
        GROUPS,
        compass_slips,
        find_places,
        held_spelling,
        unheld_place,
        unheld_reply,
    )

    index = _index(store)
    question = compass_slips(store, spoken_years(plain_question(question)))
    if _DIARY.search(question) or _CHAT.search(question):
        return Resolution(status="not_indicator", message=RESOLVER_MESSAGES["not_indicator"], refused=True)
    asked = parse_periods(question)
    span = _span_fields(asked, question)
    places = find_places(store, question, home_area, lambda w: _is_vocabulary(index, w))
    shadowed = next((p.text for p in places if p.how == "unheld"), None)  # "Mid Suffolk", "West Lancs"
    places = [p for p in places if p.how != "unheld"]
    named = [p for p in places if p.code not in GROUPS and p.how != "home"]
    if named and not re.search(_COMPARE_WORDS, question, re.IGNORECASE):
        # "visits to our leisure centres for Greywater": a council named without a comparison is the one asked
        # about; "our" there is a figure of speech, not a second council (so not a comparison either).
        places = [p for p in places if p.how != "home"]
    councils = [p.code for p in places if p.code not in GROUPS]
    groups = [p.code for p in places if p.code in GROUPS]
    if home_area is not None and len(councils) == 1 and councils != [home_area] and not groups and \
            sets_beside_us(question, places):
        councils = [home_area, *councils]  # "sickness absence 2019/20 vs Greywater": us against Greywater
    intent = read_intent(question, asked, places=len(councils), names_home=home_area in councils,
                         has_group=bool(groups))
    if intent.intent == "value" and not councils and groups and home_area is not None and \
            re.search(r"\b(?:median|average|mean|benchmark)\b", question, re.IGNORECASE):
        # "what was the England median for reablement in 2020-21?": the national figure, beside ours.
        councils, intent = [home_area], intent.model_copy(update={"intent": "compare"})
    comparison = _comparison(question)
    comparison_asked = bool(groups) or intent.intent in ("compare", "rank")
    unheld = shadowed if shadowed is not None else unheld_place(question, places, lambda w: _is_vocabulary(index, w))
    spelled = held_spelling(store, unheld) if unheld is not None else None
    if named and shadowed is None and spelled is None:
        unheld = None  # beside a council named, only a near-spelling of a held one counts ("… or Sterling")
    if unheld is None and spelled is None and _depth == 0:
        # "us vs falkrik", "compare with eastmeer": a word no measure uses that nearly spells a held council.
        unheld, spelled = misspelt_council(store, question, places, lambda w: _is_vocabulary(index, w),
                                           index.spellings)
    if unheld is not None and spelled is not None and _depth == 0:
        # "Falkrik" is Falkirk: read the question again with the held spelling, and say nothing of it.
        fixed = re.sub(re.escape(unheld), spelled, question, count=1, flags=re.IGNORECASE)
        return resolve(store, fixed, home_area, embedder, _depth=1, after=after)
    if unheld is not None:
        close, reply = unheld_reply(store, unheld)
        # "how is Cardiff doing on reablement?" is refused, but "and Leeds?" next still asks about reablement.
        rest = resolve(store, re.sub(re.escape(unheld), " ", question, count=1, flags=re.IGNORECASE), home_area,
                       embedder, _depth=1, after=after) if _depth == 0 else None
        return Resolution(status="unknown", area_code=None, intent=intent.intent, area_candidates=close,
                          message=reply, asked_measure=rest.indicator_id if rest and rest.status == "resolved"
                          else None, refused=True,
                          **{k: v for k, v in span.items()})
    if home_area in councils:
        councils = [home_area, *[c for c in councils if c != home_area]]
    area_code = councils[0] if councils else home_area
    # "was it higher in 2020-21?": a comparison with the figure just given, not the measure of Highers.
    compared = [m[0] for m in re.finditer(r"\b(?:is|was|are|were|has|had|did) (?:it|that|this|we|they|ours|the "
                                           r"(?:figure|rate|number|value))(?: been| go| get)? (?:any )?(?:higher|lower|"
                                           r"better|worse|bigger|smaller)\b", question, re.IGNORECASE)]
    residual = spelled_right(_strip(question, asked.spans + [p.text for p in places] + intent.spans + compared),
                             index.spellings, lambda w: stem(w) in index.idf)
    words = measure_words(residual)
    lexical = _lexical(index, words, residual)
    if after is not None and words:
        lexical = _sibling_bonus(index, after, words, lexical)
    scores = list(lexical)
    semantic: list[float] | None = None
    if embedder is not None and words and not _decisive(lexical):
        # Only when the words leave it open: embedding every indicator costs a cold CLI call about a second.
        semantic = _semantic(index, store, plain_talk(residual), embedder)
        scores = [max(lx, 0.55 * lx + 0.45 * se) if lx < 1.0 else 1.0 for lx, se in zip(lexical, semantic,
                                                                                         strict=True)]
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    if after is not None and not words and span["frequency"] == "quarterly":
        # "and Q2?" after Q1 recycling: the measure last talked about, so its quarters are looked up below.
        mine = [i for i in order if index.infos[i].indicator_id == after]
        order, scores = mine + [i for i in order if i not in mine], [1.0 if i in mine else s for i, s in
                                                                   enumerate(scores)]
    unheld_measure, asked_best = None, order[0] if order else 0
    # A position ("where do we rank on X?") needs the council to hold X, as a value does; a list does not.
    if area_code is not None and (intent.intent != "rank" or (intent.n is None and not intent.whole)):
        with_data = [i for i in order if area_code in index.area_sets.get(index.infos[i].indicator_id, set())]
        # "SHQS for Glasgow" (whose stock was transferred): the measure named is held, but not for this council.
        # ("reablement" asked of Fife: a measure named exactly, well ahead of any Fife holds.)
        if order and _decisive(scores) and with_data and with_data[0] != order[0] and (
                scores[with_data[0]] < RESOLVED_SCORE or scores[order[0]] - scores[with_data[0]] > _UNHELD_MARGIN):
            unheld_measure = index.infos[order[0]]
        order = with_data or order
    base: dict[str, object] = dict(area_code=area_code, comparison=comparison, intent=intent.intent,
                                   areas=councils + [g for g in groups if g != "national"] + (
                                       ["national"] if "national" in groups else []),
                                   rank_n=intent.n, rank_whole=intent.whole, rank_order=intent.order,
                                   comparison_asked=comparison_asked,
                                   **span)
    if intent.intent == "rank":
        base["scope"] = "neighbours" if "neighbours" in groups else "national"
        # "where does Fife rank?" is Fife's place; a list ("top 5") is ranked for the home council's groups.
        base["area_code"] = councils[0] if councils and intent.n is None and not intent.whole else home_area
    if span["period"] is not None and str(span["period"]).startswith("Q"):
        base["period"] = None  # a bare "Q2" becomes the latest Q2 held below
    if not order:
        return Resolution(status="unknown", message=RESOLVER_MESSAGES["no_data"], **base)
    best = order[0]
    top = scores[best]
    if top < 1.0 and (_names_unheld_concept(index, residual) or (top < RESOLVED_SCORE and _names_unheld_service(
            store, residual))):
        # "potholes"; "how are we doing on adult social care?" asked of a district, which holds none of it
        return Resolution(status="unknown", candidates=[index.infos[i] for i in order[:5]], score=top,
                          message=RESOLVER_MESSAGES["unmatched"], refused=True, **base)
    # "how are we doing on adult social care workforce turnover?" asked of a Scottish council: the measure named is
    # one it does not hold, not a cue for an overview of the Scottish service.
    service = overview_service(store, index, residual, intent.overview_cue, scores,
                               best if unheld_measure is None else asked_best, intent.intent, RESOLVED_SCORE,
                               weak=intent.overview_weak)
    if service is not None and area_code is not None:
        members = service_members(store, index, service, area_code)
        if members:
            return Resolution(status="resolved", indicator_id=members[0], score=1.0, intent="overview",
                              service=service, service_indicators=members,
                              **{k: v for k, v in base.items() if k != "intent"})
    if unheld_measure is not None:
        held_by = len(index.area_sets.get(unheld_measure.indicator_id, set()))
        # "for 32 councils in Scotland": an English council asking a Scottish measure hears whose it is.
        nation = next((d.comparators.national_name for d in store.datasets() if d.name == unheld_measure.dataset), "")
        return Resolution(status="unknown", candidates=[unheld_measure], score=1.0, **base,
                          asked_measure=unheld_measure.indicator_id, refused=True,
                          message=RESOLVER_MESSAGES["measure_not_held_here"].format(
                              indicator=unheld_measure.name, area=store.area_name(str(area_code)), count=held_by,
                              where=f" in {nation}" if nation else ""))
    candidates = [index.infos[i] for i in order[:5]]
    if top < RESOLVED_SCORE and not _agreed(order, scores, lexical, semantic):
        if top < NOT_INDICATOR_SCORE and not _INDICATORISH.search(question):
            return Resolution(status="not_indicator", candidates=candidates, score=top,
                              message=RESOLVER_MESSAGES["not_indicator"], **base)
        return Resolution(status="unknown", candidates=candidates, score=top,
                          message=RESOLVER_MESSAGES["unmatched"], **base)
    close = [i for i in order[1:4] if scores[i] >= RESOLVED_SCORE and top - scores[i] <= AMBIGUOUS_MARGIN]
    chosen = _tie_break(index, [best, *close], semantic, said(words, residual), residual) if close and top < 1.0 \
        else None
    if chosen is not None:
        best, close = chosen, []
        top = scores[best]
    if close and top < 1.0:
        options = [index.infos[i] for i in [best, *close]]
        names = "; ".join(f"{o.name} ({o.indicator_id})" for o in options)
        return Resolution(status="ambiguous", candidates=options, score=top,
                          message=RESOLVER_MESSAGES["ambiguous"].format(names=names), **base)
    info = index.infos[best]
    if top < 1.0 and _SPEED.search(question) and not _TIMED.search(" ".join([info.name, *info.aliases,
                                                                             info.description])):
        # "How quickly do we clear fly-tipping?" asks how fast, and the measure held counts incidents: not held.
        return Resolution(status="unknown", candidates=candidates, score=top, message=RESOLVER_MESSAGES["unmatched"],
                          **base)
    national = national_code(info, store)
    base["areas"] = [national if a == "national" else a for a in base["areas"]]  # type: ignore[union-attr]
    if intent.intent == "rank":
        base["areas"] = ["neighbours" if base["scope"] == "neighbours" else national]
        if intent.whole:
            from indicators.ranking import scope_members

            base["rank_n"] = len(scope_members(store, info.indicator_id, str(base["scope"]), home_area)[0])
        elif intent.n is None and base["area_code"] is not None:
            base["areas"] = [base["area_code"], *base["areas"]]  # "where do we come?": our place in the group
        if intent.order in ("highest", "lowest") and info.polarity in ("higher_is_better", "lower_is_better"):
            high_good = info.polarity == "higher_is_better"
            base["rank_order"] = "best" if (intent.order == "highest") == high_good else "worst"
    frequency = span["frequency"]
    period = span["period"]
    if frequency is not None and frequency != "annual" and (period is None or str(period).startswith("Q")):
        concrete, why = quarter_period(store, info.indicator_id, area_code, period, str(frequency))
        if concrete is None and period is not None and area_code is not None:
            # "recycling for Q3?" with Q1-Q2 held: the latest quarter held, and the answer says Q3 is not.
            concrete, _ = quarter_period(store, info.indicator_id, area_code, None, str(frequency))
            why = RESOLVER_MESSAGES["quarter_not_held"].format(quarter=period, area=store.area_name(area_code),
                                                               used=concrete) if concrete else why
        base.update(period=concrete, frequency=frequency if concrete else None, period_note=why)
        if concrete is None and period is not None and str(period).startswith("Q") and area_code is not None:
            # "the third quarter of last year" of annual data: read as that quarter of the latest year, which the
            # answer says is held only as a whole year.
            year, _ = quarter_period(store, info.indicator_id, area_code, None, "annual")
            base["period_to"] = f"{year} {period}" if year else None
        if concrete is not None and period is not None:
            # "and Q2?" reads as the quarter asked, in the year of the quarters held ("2024-25 Q2").
            base["period_to"] = f"{concrete.split(' ')[0]} {period}"
        if area_code is None:
            return Resolution(status="resolved", indicator_id=info.indicator_id, candidates=[info], score=top,
                              message=why, **base)
    if area_code is None:
        return Resolution(status="resolved", indicator_id=info.indicator_id, candidates=[info], score=top,
                          message=RESOLVER_MESSAGES["no_council"], **base)
    return Resolution(status="resolved", indicator_id=info.indicator_id, candidates=[info], score=top,
                      message="", **base)


# "When's the next Health Scrutiny meeting?": the committee diary, not a measure of the service it names.
_DIARY = re.compile(r"\b(?:when(?:'s| is| are| will)|what time)\b.{0,60}\bnext\b.{0,60}\b(?:meeting|committee|"
                    r"cabinet|panel|session)s?\b|\bnext (?:meeting|committee meeting|cabinet)\b|"
                    # "is the meeting still at 6?", "what time is the panel?", "where is the committee tonight?"
                    r"\b(?:is|are) (?:the|our|tonight'?s|tomorrow'?s|this week'?s) (?:meeting|committee|panel|session|"
                    r"pre-?meet)s? (?:still |now )?(?:at|on|in|happening|going ahead|cancelled|postponed|moved)\b|"
                    r"\b(?:what time|where) (?:is|are) (?:the|our|tonight'?s|tomorrow'?s) (?:meeting|committee|panel|"
                    r"session|pre-?meet)s?\b", re.IGNORECASE)
# Chit-chat in a thread ("hows the weather up there lol"): nothing to look up, and no follow-up of the last answer.
_CHAT = re.compile(r"\b(?:weather|lol|haha|joke|football|lunch|coffee|weekend|holiday)\b|"
                   # ("how's it going on reablement?" asks about reablement)
                   r"^\W*(?:how are you|how'?s it going(?!\s+(?:on|with|for|in)\b)|you ok|are you a (?:bot|robot|"
                   r"person))\b", re.IGNORECASE)
# A question about how fast something is done, and the words that mark a measure of time or speed.
_SPEED = re.compile(r"\bhow (?:quickly|fast|soon|long does it take|long do we take)\b|\bspeed of\b|"
                    r"\btime (?:taken|to (?:clear|fix|remove|respond|process))\b", re.IGNORECASE)
_TIMED = re.compile(r"\b(?:time|times|timely|days?|weeks?|hours?|within|speed|quick\w*|fast|turnaround|"
                    r"process(?:ed|ing)?|decided in|on time|in time)\b", re.IGNORECASE)


def _names_unheld_service(store: IndicatorStore, residual: str) -> bool:
    from indicators.overview import unheld_service

    return unheld_service(store, residual) is not None


def _names_unheld_concept(index: _Index, residual: str) -> bool:
    """Whether the question names a service or measure ("potholes", "admissions") that no held indicator mentions."""
    lowered = residual.lower()
    # Read as phrases first: "delayed discharge bed days" is one measure, not a question about beds.
    raw = set(WORD.findall(phrased(residual))) | ({"a&e"} if re.search(r"\ba\s*(?:&|and)\s*e\b", lowered) else set())
    return any(w in SERVICE_CONCEPTS and stem(w) not in index.idf and w not in index.idf for w in raw)


def _sibling_bonus(index: _Index, after: str, words: list[str], lexical: list[float]) -> list[float]:
    """Raise the measures that say every word of a short follow-up and share most of the previous measure's name:
    the same measure for another group of people ("and for carers?")."""
    ids = [i.indicator_id for i in index.infos]
    words = [w for w in words if w in index.idf]  # "same but for carers": only the words measures are named with
    if after not in ids or not words or len(words) > 3 or not index.phrases[ids.index(after)]:
        return lexical
    before = index.phrases[ids.index(after)][0]  # the previous measure's own name
    out = list(lexical)
    for i, names in enumerate(index.words):
        if ids[i] == after or not set(words) <= names:
            continue
        shared = len(before & names) / len(before)
        out[i] = min(1.0, lexical[i] + 0.4 * shared)
    return out


def _agreed(order: list[int], scores: list[float], lexical: list[float], semantic: list[float] | None) -> bool:
    """Whether the words and the embedding each rank the leading indicator first, and it leads clearly."""
    if semantic is None or len(order) < 2:
        return False
    first = order[0]
    by_words = max(order, key=lambda i: lexical[i])
    by_meaning = max(order, key=lambda i: semantic[i])
    return (by_words == by_meaning == first and scores[first] >= AGREED_SCORE
            and scores[first] - scores[order[1]] >= AGREED_MARGIN)


def _separated(options: list[int], semantic: list[float] | None) -> int | None:
    """Of indicators the words cannot tell apart, the one the embedding clearly prefers ("nndr collection" is
    business rates, not council tax), or None."""
    if semantic is None:
        return None
    ranked = sorted(options, key=lambda i: -semantic[i])
    return ranked[0] if semantic[ranked[0]] - semantic[ranked[1]] >= SEMANTIC_SEPARATION else None


_UNHELD_MARGIN = 0.15


def _decisive(scores: list[float]) -> bool:
    """Whether word matching alone settles the indicator (a clear winner above the bar, or an exact code/alias)."""
    ranked = sorted(scores, reverse=True)
    if not ranked or ranked[0] < RESOLVED_SCORE:
        return False
    return ranked[0] >= 1.0 or len(ranked) == 1 or ranked[0] - ranked[1] > AMBIGUOUS_MARGIN


def _is_vocabulary(index: _Index, word: str) -> bool:
    """Whether a word belongs to how questions and measures are worded (so it cannot be a council's name)."""
    w = word.lower()
    if "-" in w.strip("-"):
        return all(_is_vocabulary(index, part) for part in w.split("-") if part)  # "in-year", "short-term"
    return (w in index.ids or w in STOP_WORDS or w in SYNONYMS or w in _NUMBERS or stem(w) in index.idf or w == "non"
            or bool(re.fullmatch(r"(?:fy)?\d.*|q[1-4]", w)) or w in MONTHS_AND_WORDS)
