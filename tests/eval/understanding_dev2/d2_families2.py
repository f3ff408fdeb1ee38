"""Builders for the overview, target, period_not_held, names and unknown families."""

from __future__ import annotations

from d2_core import Ctx, expect
from d2_data import SAMPLE_HOME, Dataset, fy, is_annual, is_quarter, period_key
from d2_phrases import NAME_VARIANTS, SERVICE_PHRASES, in_period, say_period

OVERVIEW_HOME = [
    "give me an overview of our {svc} performance",
    "how are we doing across {svc} overall?",
    "can I get all the {svc} KPIs in one go",
    "{svc} dashboard pls",
    "summary of every {svc} indicator we report",
    "what's the overall picture on {svc} for us?",
    "full rundown of {svc} measures please - all of them",
]
OVERVIEW_NAMED = [
    "overview of {area}'s {svc} indicators",
    "how is {area} doing across {svc}?",
    "all the {svc} KPIs for {area} please",
]
OVERVIEW_PERIOD = ["all our {svc} indicators {inp} please", "{svc} overview {inp}?"]

TARGET_P = [
    "did we hit our {ind} target {inp}?",
    "was {ind} green or red against target {inp}",
    "did we miss the {ind} target {inp}, and by how much?",
    "target met? {ind} {per}",
    "{ind} {per}: on target or not?",
    "RAG vs target for {ind} {inp}?",
]
TARGET_L = [
    "are we on target for {ind}?",
    "how far off target are we on {ind} currently",
    "is {ind} meeting its target at the moment?",
    "{ind} - RAG status against target?",
    "did we hit the {ind} target last year?",
    "are we green on {ind}?",
]

NOT_HELD_ONE = [
    "what was our {ind} {inp}?",
    "{ind} {per} figure please",
    "can I have {area}'s {ind} {inp}",
    "how did we do on {ind} {inp}?",
]
NOT_HELD_SPAN = ["how did our {ind} change between {A} and {B}?", "{ind} from {A} to {B} for us please"]

NAMES_VALUE = [
    "what's the latest {ind} for {area}?",
    "{area} - {ind}?",
    "how is {area} doing on {ind}",
    "can you pull {area}'s {ind} {inp}",
    "{ind} in {area} {inp}?",
]
NAMES_CMP = ["{X} vs {Y} on {ind}", "how does {X} compare to {Y} for {ind}?", "{ind}: {X} or {Y}, who's better?"]
NAMES_TREND = ["how has {area}'s {ind} changed since {A}?", "{area} {ind} from {A} to {B}?"]

UNKNOWN = {
    "oflog": [
        "what's our A&E four-hour performance?",
        "how many children are in care here?",
        "council tax collection rate in Leeds?",
        "what's Cardiff's carer quality of life score?",
        "pothole repairs completed within 28 days - how are we doing?",
        "Cheltenham borough council social care staff turnover",
        "number of CQC-rated outstanding care homes?",
        "how many social workers do we employ per 10k pop?",
        "what's our recycling rate?",
        "how is Belfast doing on reablement",
    ],
    "lgbf": [
        "bus punctuality in Fife?",
        "what are A&E waiting times like in Glasgow",
        "recycling rate for Manchester?",
        "how does Cardiff compare on cost per library visit",
        "police response times in Dundee",
        "number of short-term lets licensed in Edinburgh?",
        "GP registrations per head in Highland",
        "Belfast City Council council tax collection",
        "how many dog fouling fines did Stirling issue?",
        "Leeds street cleanliness score",
    ],
    "sample": [
        "how many parking fines did we issue last year?",
        "library book loans per head?",
        "food hygiene inspections completed on time",
        "what's Manchester's recycling rate?",
        "air quality monitoring results for us",
        "electoral registration rate?",
        "how does Fife compare with us on missed bins",
        "allotment waiting list length",
        "number of CCTV cameras operational",
        "taxi licensing applications processed in time?",
    ],
}


def _fmt(ctx: Ctx, template: str, **kw) -> str:
    return ctx.pad(template.format(**kw))


def build_overview(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    area = home if ctx.chance(0.75) else ctx.other(ds, home)
    service = ctx.choice(sorted(ds.categories))
    inds = [i for i in ds.categories[service] if ds.holds_indicator(i, area)]
    if ds.name != "oflog" and len(inds) != len(ds.categories[service]):
        return None  # only councils holding the whole service, so "the service's indicators" is one list
    if not inds:
        return None
    kw = {"svc": ctx.choice(SERVICE_PHRASES[service])}
    asked = None
    if ds.name == "oflog" and area == home and ctx.chance(0.3):
        asked = ctx.choice(["2016-17", "2018-19"])  # the two years every ASC measure was collected
        if not all(ds.held(i, area, asked) for i in inds):
            return None
        kw["inp"] = in_period(asked, ctx.rng)
        bank = OVERVIEW_PERIOD
    elif area == home:
        bank = OVERVIEW_HOME
    else:
        bank = OVERVIEW_NAMED
        kw["area"] = ctx.name(ds, area)
    text = _fmt(ctx, ctx.choice(bank), **kw)
    exp = expect("overview", inds, [area], None, asked)
    return ctx.item("overview", ds, home, [text], exp, None, f"service '{service}': {len(inds)} indicators")


def build_target(ctx: Ctx, ds: Dataset) -> dict | None:
    home = SAMPLE_HOME
    ind = ctx.ind(ds)
    s_ind = ctx.say_ind(ds, ind)
    if ctx.chance(0.6):
        periods = [p for p in ds.periods(ind, home) if (ind, home, p) in ds.targets]
        period = ctx.choice(periods)
        kw = {"ind": s_ind, "per": say_period(period, ctx.rng), "inp": in_period(period, ctx.rng)}
        exp = expect("target", [ind], [home], None, period)
        bank = TARGET_P
    else:
        period = ds.latest(ind, home)
        if period is None or (ind, home, period) not in ds.targets:
            return None
        kw = {"ind": s_ind}
        exp = expect("target", [ind], [home])
        bank = [t for t in TARGET_L if not (is_quarter(period) and "last year" in t)]
    tgt = ds.targets[(ind, home, period)]
    val = ds.value(ind, home, period)
    pol = ds.polarity[ind]
    met = val >= tgt if pol == "higher" else val <= tgt
    note = f"{period}: value {val:g} vs target {tgt:g} ({'met' if met else 'missed'}; {pol} is better)"
    text = _fmt(ctx, ctx.choice(bank), **kw)
    return ctx.item("target", ds, home, [text], exp, [ds.figure(ind, home, period)], note)


def _not_held_periods(ds: Dataset, ind: str, area: str) -> list[str]:
    held = ds.periods(ind, area)
    if not held:
        return []
    if ds.name == "sample":
        cands = ["2015-16", "2016-17", "2017-18", "2025-26", "2024-25 Q3", "2024-25 Q4", "2023-24 Q4", "2022-23 Q3"]
        if area == SAMPLE_HOME and not any(is_quarter(p) for p in held):
            cands.append("2024-25 Q1")
        return [p for p in cands if p not in held]
    first, last = period_key(held[0]), period_key(held[-1])
    if all(is_annual(p) for p in held):
        span = range(first[0] - 3, last[0] + 3)
        return [fy(y) for y in span if fy(y) not in held]
    width = last[1] - last[0]  # a multi-year aggregate: ask for one that is not published
    return [f"{y}-{(y + width) % 100:02d}" for y in (last[0] + 1, last[0] + 2, first[0] - 2)]


def build_not_held(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds)
    area = home if ctx.chance(0.8) else ctx.other(ds, home)
    missing = _not_held_periods(ds, ind, area)
    if not missing:
        return None
    p = ctx.choice(missing)
    held = ctx.held_annual(ds, ind, area)
    if area == home and ctx.chance(0.3) and held and is_annual(p):
        later = [h for h in held if period_key(h) > period_key(p)]
        if not later:
            return None
        b = ctx.choice(later)
        kw = {
            "ind": ctx.say_ind(ds, ind),
            "A": say_period(p, ctx.rng, bare_ok=False),
            "B": say_period(b, ctx.rng, bare_ok=False),
        }
        exp = expect("trend", [ind], [area], p, b)
        bank = NOT_HELD_SPAN
        note = f"{p} is not held for {area}/{ind} (held: {held[0]}..{held[-1]})"
    else:
        kw = {
            "ind": ctx.say_ind(ds, ind),
            "per": say_period(p, ctx.rng, bare_ok=False),
            "inp": in_period(p, ctx.rng) if not is_quarter(p) or ctx.chance(0.5) else "for " + p,
        }
        bank = [t for t in NOT_HELD_ONE if ("{area}" in t) == (area != home)]
        if area != home:
            kw["area"] = ctx.name(ds, area)
        exp = expect("value", [ind], [area], None, p)
        note = f"{p} is not held for {area}/{ind}"
    text = _fmt(ctx, ctx.choice(bank), **kw)
    return ctx.item("period_not_held", ds, home, [text], exp, None, note, not_held=True)


def _hard_variant(ctx: Ctx, ds: Dataset, area: str) -> str | None:
    """A way of naming the council that is not just its name as the data writes it."""
    full = ds.area_names[area].lower()
    plain = {full, full.replace("&", "and"), full.replace(" district council", "").replace(" borough council", "")}
    hard = [v for v in NAME_VARIANTS[ds.name][area] if v.lower() not in plain]
    return ctx.choice(hard) if hard else None


def build_names(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds)
    named = [a for a in NAME_VARIANTS[ds.name] if a in ctx.pool[ds.name]]
    mode = ctx.choice(["value", "value", "compare", "trend"])
    s_ind = ctx.say_ind(ds, ind)
    if mode == "compare":
        x, y = ctx.rng.sample(named, 2)
        latest = ctx.common_latest(ds, ind, [x, y])
        if latest is None:
            return None
        vx, vy = _hard_variant(ctx, ds, x), _hard_variant(ctx, ds, y)
        if vx is None or vy is None:
            return None
        kw = {"ind": s_ind, "X": vx, "Y": vy}
        areas = [x, y]
        if home in areas:
            areas = [home] + [a for a in areas if a != home]
        exp = expect("compare", [ind], areas, comparison="area")
        figs = [ds.figure(ind, a, latest) for a in areas]
        text = _fmt(ctx, ctx.choice(NAMES_CMP), **kw)
        return ctx.item("names", ds, home, [text], exp, figs, f"names {kw['X']!r}, {kw['Y']!r}; latest {latest}")
    area = ctx.choice(named)
    variant = _hard_variant(ctx, ds, area)
    if variant is None:
        return None
    if mode == "trend":
        held = ctx.held_annual(ds, ind, area)
        latest = ctx.clean_latest(ds, ind, area)
        if len(held) < 4 or latest is None:
            return None
        a = ctx.choice(held[:-2])
        tmpl = ctx.choice(NAMES_TREND)
        b = latest if "{B}" not in tmpl else ctx.choice([h for h in held if period_key(h) > period_key(a)])
        kw = {
            "ind": s_ind,
            "area": variant,
            "A": say_period(a, ctx.rng, bare_ok=False),
            "B": say_period(b, ctx.rng, bare_ok=False),
        }
        exp = expect("trend", [ind], [area], a, b)
        text = _fmt(ctx, tmpl, **kw)
        figs = [ds.figure(ind, area, a), ds.figure(ind, area, b)]
        return ctx.item("names", ds, home, [text], exp, figs, f"name {variant!r} -> {area}")
    tmpl = ctx.choice(NAMES_VALUE)
    if "{inp}" in tmpl:
        periods = ds.periods(ind, area)
        if not periods:
            return None
        period = ctx.choice(periods)
        asked = period
        kw = {"inp": in_period(period, ctx.rng)}
    else:
        period = ctx.clean_latest(ds, ind, area)
        asked = None
        kw = {}
        if period is None:
            return None
    kw.update(ind=s_ind, area=variant)
    exp = expect("value", [ind], [area], None, asked)
    text = _fmt(ctx, tmpl, **kw)
    return ctx.item("names", ds, home, [text], exp, [ds.figure(ind, area, period)], f"name {variant!r} -> {area}")


def build_unknown(ctx: Ctx, ds: Dataset) -> dict | None:
    unused = [q for q in UNKNOWN[ds.name] if q not in ctx.seen]
    if not unused:
        return None
    base = ctx.choice(unused)
    ctx.seen.add(base)
    text = ctx.pad(base)
    home = ctx.home(ds)
    exp = expect("unknown")
    return ctx.item("unknown", ds, home, [text], exp, None, "measure or council not held; only intent scored")
