"""Service overviews: every indicator of a service for one council, judged by the analysis, worst first.

Services come from `IndicatorInfo.category` (LGBF ISCategory, Oflog "Adult social care"), named by SERVICE_NAMES
so the same service in two datasets is one service; indicators without a category join the topic families of
prompts/topics.yaml whose terms occur (as whole phrases) in their name, aliases or description.

Materiality (the order of the lines; higher first):
    score = QUARTILE_POINTS[quartile among its comparators] + DIRECTION_POINTS[latest change]
    QUARTILE_POINTS: bottom (4) +3, third +1, second -1, top (1) -3, no rank 0;
    DIRECTION_POINTS: worsening +2, improving -2, no change or not comparable 0.
So bottom quartile and worsening (5) comes first and top quartile and improving (-5) last. Ties: the longer run
of consecutive worsening first (improving runs count negative), then the indicator name.
Every value, rank and quartile is the analysis's own Figure (indicators.analysis.analyse), never recomputed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from indicators.analysis import analyse
from indicators.errors import IndicatorError
from indicators.listing_models import Overview, OverviewLine
from indicators.listing_wording import listing_message, overview_line_sentence, overview_sentences
from indicators.models import Figure, IndicatorAnalysis, IndicatorInfo

if TYPE_CHECKING:
    from indicators.store import IndicatorStore

__all__ = ["DIRECTION_POINTS", "QUARTILE_POINTS", "SERVICE_NAMES", "SERVICE_PHRASES", "Overview", "OverviewLine",
           "overview_of", "service_phrases", "unheld_service",
           "find_service", "materiality", "overview", "services"]

QUARTILE_POINTS = {4: 3.0, 3: 1.0, 2: -1.0, 1: -3.0}
DIRECTION_POINTS: dict[str, float] = {"worsening": 2.0, "improving": -2.0, "no change": 0.0, "not comparable": 0.0}
FUZZY_CUTOFF = 85.0  # rapidfuzz ratio (0-100) for a misspelt service word
OTHER = "Other"

# Category (lower case) -> service name; one service can gather categories from several datasets.
SERVICE_NAMES = {
    "adult social care": "Adult social care", "adult social care services": "Adult social care",
    "children's services": "Children's services", "childrens services": "Children's services",
    "environmental services": "Environmental services", "corporate services": "Corporate services",
    "economic development": "Economic development", "culture & leisure services": "Culture and leisure",
    "culture and leisure services": "Culture and leisure", "housing services": "Housing",
    "financial sustainability": "Financial sustainability", "tackling climate change": "Climate change",
}
# Words a member may use for a service, beyond its own name (the topic families add their `words`).
SERVICE_PHRASES: dict[str, list[str]] = {
    "Adult social care": ["adult social care", "social care", "asc", "social work", "adult care", "adult services",
                          "adult social services", "social services", "adult social work",
                          "social care for adults", "social work for adults", "social work services for adults",
                          "care homes", "care and support for adults", "adult care and support", "care for adults",
                          "home care", "carers", "care", "reablement", "older people"],
    "Children's services": ["children's services", "children", "schools", "school", "education", "pupils",
                            "early years", "looked after children", "attainment"],
    "Environmental services": ["environment", "environmental", "waste", "bins", "bin", "recycling", "refuse",
                               "rubbish", "roads", "street cleaning", "street cleansing", "litter"],
    "Culture and leisure": ["culture and leisure", "culture", "leisure", "libraries", "museums", "parks",
                            "sport", "sports", "swimming"],
    "Corporate services": ["corporate", "corporate services", "council tax collection", "sickness absence",
                           "back office"],
    "Economic development": ["economic development", "econ dev", "ec dev", "economy", "economic", "business",
                             "employment", "jobs", "planning"],
    "Financial sustainability": ["finance", "finances", "financial", "financial sustainability", "reserves",
                                 "budget", "debt"],
    "Climate change": ["climate", "climate change", "carbon", "emissions", "co2", "net zero"],
    "Housing": ["housing", "homes", "homelessness", "homeless", "tenants", "council houses", "rent", "council housing",
                "housing services"],
}
# When a phrase means a service this store does not hold, these held services stand in for it (first held wins).
RELATED: dict[str, list[str]] = {
    "Environmental services": ["Waste"], "Culture and leisure": ["Leisure"], "Financial sustainability": ["Finance"],
    "Corporate services": ["Finance", "Workforce", "Customers"], "Economic development": ["Planning"],
}


def _phrase(text: str) -> str:
    """Lower-case words only: apostrophes dropped, '&' as 'and', other punctuation as spaces."""
    text = text.lower().replace("\u2019", "").replace("'", "").replace("&", " and ")
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _service_name(category: str) -> str:
    key = " ".join(category.split()).lower()
    if key in SERVICE_NAMES:
        return SERVICE_NAMES[key]
    text = " ".join(category.split())
    return text[:1].upper() + text[1:]


def _topic_families() -> dict[str, tuple[list[str], list[str]]]:
    """prompts/topics.yaml: service name -> (member words, indicator terms), both as lower-case phrases."""
    import yaml

    from prompts import PROMPTS_DIR

    path = PROMPTS_DIR / "topics.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise IndicatorError(f"cannot read topic families {path}: {exc}") from None
    return {_service_name(str(name).replace("_", " ")): ([_phrase(w) for w in entry.get("words", [])],
                                                         [_phrase(t) for t in entry.get("terms", [])])
            for name, entry in raw.items()}


def _families_of(info: IndicatorInfo, families: dict[str, tuple[list[str], list[str]]]) -> list[str]:
    text = f" {_phrase(' '.join([info.name, *info.aliases, info.description]))} "
    return [name for name, (_, terms) in families.items() if any(t and f" {t} " in text for t in terms)]


def services(store: IndicatorStore) -> dict[str, list[str]]:
    """Service name -> indicator ids (in the store's order), from categories, else the topic families."""
    cache = store.cache()
    if "overview.services" in cache:
        return {k: list(v) for k, v in cache["overview.services"].items()}
    out: dict[str, list[str]] = {}
    families: dict[str, tuple[list[str], list[str]]] | None = None
    for info in store.indicators():
        if info.category.strip():
            names = [_service_name(info.category)]
        else:
            families = families if families is not None else _topic_families()
            names = _families_of(info, families) or [OTHER]
        for name in names:
            out.setdefault(name, []).append(info.indicator_id)
    cache["overview.services"] = out
    return {k: list(v) for k, v in out.items()}


def _phrases(held: list[str]) -> list[tuple[str, str, bool]]:
    """(phrase, service, is the service's own name) for every service named in the tables or held."""
    table: list[tuple[str, str, bool]] = []
    names = set(SERVICE_PHRASES) | set(held)
    for name in names:
        own = _phrase(name)
        table.append((own, name, True))
        if own.endswith(" services"):
            table.append((own.removesuffix(" services"), name, True))
        table.extend((_phrase(p), name, False) for p in SERVICE_PHRASES.get(name, []))
    for name, (words, _) in _topic_families().items():
        table.extend((w, name, False) for w in words if w)
    return table


def _held_choice(service: str, held: dict[str, list[str]]) -> str | None:
    if service in held:
        return service
    return next((r for r in RELATED.get(service, []) if r in held), None)


def unheld_service(store: IndicatorStore, text: str) -> str | None:
    """A service the text names in words of two or more ("adult social care") that the store holds no measure of,
    nor of a related service: for the sample district, adult social care."""
    held = services(store)
    padded = f" {_phrase(text)} "
    for name, phrases in SERVICE_PHRASES.items():
        if name in held or any(r in held for r in RELATED.get(name, [])):
            continue
        if any(len(p.split()) >= 2 and f" {_phrase(p)} " in padded for p in [name, *phrases]):
            return name
    return None


def service_phrases(store: IndicatorStore, service: str) -> list[str]:
    """Every phrase that names `service` (its name, the table's phrases, the topic family's words)."""
    names = {service, *[s for s, related in RELATED.items() if service in related], *RELATED.get(service, [])}
    return [p for p, s, _ in _phrase_table(store) if s in names or s.lower() == service.lower()]


def _phrase_table(store: IndicatorStore) -> list[tuple[str, str, bool]]:
    """The phrases of every held service, read once per store (topics.yaml is parsed for it)."""
    cache = store.cache()
    if "overview.phrases" not in cache:
        cache["overview.phrases"] = _phrases(list(services(store)))
    return cache["overview.phrases"]


def find_service(store: IndicatorStore, text: str) -> str | None:
    """The held service a phrase means ("social care", "bins", "childrens services", "enviroment"), or None.

    A service's name or one of its phrases occurring as whole words wins (the longest first, then the service's
    own name, then the service with fewer indicators); otherwise a misspelt word (rapidfuzz ratio >= 85 against
    a phrase of at least four letters, compared word for word)."""
    from rapidfuzz import fuzz

    held = services(store)
    wanted = _phrase(text)
    if not wanted or not held:
        return None
    padded = f" {wanted} "
    table = _phrase_table(store)
    exact = [(len(p), own, p, s) for p, s, own in table if p and f" {p} " in padded]
    for _, _, _, service in sorted(exact, key=lambda x: (-x[0], not x[1], len(held.get(x[3], [])) or 10**6)):
        choice = _held_choice(service, held)
        if choice is not None:
            return choice
    words = wanted.split()
    fuzzy: list[tuple[float, int, str]] = []
    for phrase, service, _ in table:
        size = len(phrase.split())
        if len(phrase.replace(" ", "")) < 4 or size > len(words):
            continue
        # A typo keeps its length: "are" (3 letters) is no misspelling of "care".
        windows = [" ".join(words[i:i + size]) for i in range(len(words) - size + 1)]
        best = max((fuzz.ratio(phrase, w) for w in windows if len(w.replace(" ", "")) >= 4), default=0.0)
        if best >= FUZZY_CUTOFF:
            fuzzy.append((best, len(phrase), service))
    for _, _, service in sorted(fuzzy, key=lambda x: (-x[0], -x[1])):
        choice = _held_choice(service, held)
        if choice is not None:
            return choice
    return None


def materiality(a: IndicatorAnalysis) -> float:
    """The overview's ordering score for one analysis (see the module docstring)."""
    quartile = a.comparators.quartile if a.comparators is not None else None
    return QUARTILE_POINTS.get(quartile or 0, 0.0) + DIRECTION_POINTS.get(a.direction, 0.0)


def _stated(a: IndicatorAnalysis, label: str) -> Figure | None:
    """The analysis's own figure with this label (as its sentences state it), or None."""
    return next((f for f in a.figures if f.label == label), None)


def _line(a: IndicatorAnalysis) -> OverviewLine:
    c = a.comparators
    rank = _stated(a, "rank") if c is not None else None
    line = OverviewLine(
        indicator_id=a.info.indicator_id, indicator_name=a.info.name, unit=a.info.unit, latest=a.latest,
        previous=a.previous, direction=a.direction, consecutive=a.consecutive,
        consecutive_direction=a.consecutive_direction, group=c.group_name.replace("_", " ") if c else None,
        comparison=c.comparison if c else None, rank=rank, tied=bool(c is not None and c.tied_with),
        quartile=_stated(a, "quartile") if rank is not None else None,
        count=_stated(a, "comparators") if c is not None else None, score=materiality(a),
        target=_stated(a, "target") if a.target is not None else None,
        target_met=a.target.met if a.target is not None else None, rag=a.target.rag if a.target is not None else None)
    return line.model_copy(update={"sentence": overview_line_sentence(line)})


def _resolve(store: IndicatorStore, service: str) -> tuple[str, list[str]]:
    held = services(store)
    if service in held:
        return service, held[service]
    found = find_service(store, service)
    if found is None:
        raise IndicatorError(listing_message("error_no_service", service=service, held=", ".join(sorted(held))))
    return found, held[found]


def _run_key(line: OverviewLine) -> int:
    if line.consecutive_direction == "worsening":
        return line.consecutive
    if line.consecutive_direction == "improving":
        return -line.consecutive
    return 0


def overview(store: IndicatorStore, service: str, area_code: str, period: str | None = None) -> Overview:
    """Every indicator of `service` (a held service name, or a phrase find_service understands) that the council
    has data for, analysed (as at `period` when given), most material first, with the improved/worsened split."""
    name, ids = _resolve(store, service)
    return overview_of(store, ids, area_code, period=period, name=name)


def overview_of(store: IndicatorStore, ids: list[str], area_code: str, period: str | None = None,
                name: str = "Every indicator held") -> Overview:
    """The overview of a given list of indicators (e.g. every one a council holds, for "how did we do?")."""
    area_name = store.area_name(area_code)
    lines: list[OverviewLine] = []
    skipped: list[str] = []
    for indicator_id in ids:
        rows = store.values(indicator_id)
        if not (rows["area_code"] == area_code).any():
            continue
        try:
            a = analyse(store, indicator_id, area_code, period=period)
        except IndicatorError as exc:
            skipped.append(f"{store.indicator(indicator_id).name} ({str(exc).split('; ')[0]})")
            continue
        lines.append(_line(a))
    if not lines:
        with_data = [s for s, members in services(store).items()
                     if any((store.values(i)["area_code"] == area_code).any() for i in members)]
        raise IndicatorError(listing_message("error_no_service_data", service=name, area=area_name,
                                             held=", ".join(sorted(with_data)) or "none"))
    lines.sort(key=lambda x: (-x.score, -_run_key(x), x.indicator_name))
    split: dict[str, list[str]] = {"improving": [], "worsening": [], "no change": [], "not comparable": []}
    for line in lines:
        split[line.direction].append(line.indicator_id)
    result = Overview(service=name, area_code=area_code, area_name=area_name, period=period, lines=lines,
                      improved=split["improving"], worsened=split["worsening"], unchanged=split["no change"],
                      not_comparable=split["not comparable"], skipped=skipped)
    sentences, counts = overview_sentences(result)
    figures: list[Figure] = []
    for line in lines:
        figures.extend(f for f in (line.latest, line.previous, line.rank, line.quartile, line.count, line.target)
                       if f is not None)
    return result.model_copy(update={"sentences": sentences, "figures": figures + counts})
