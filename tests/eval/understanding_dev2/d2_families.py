"""Builders for the value, span, trend, compare and rank families. Each returns one item or None (try again)."""

from __future__ import annotations

from d2_core import Ctx, expect
from d2_data import Dataset, is_annual, minus_years
from d2_phrases import NUM_WORDS, in_period, say_period

VALUE_HOME_P = [
    "what was our {ind} {inp}?",
    "can someone tell me our {ind} figure {inp}",
    "{ind} {per} - what did we actually achieve?",
    "where were we on {ind} {inp}",
    "whats our {ind} number {inp} pls",
    "could I have the council's {ind} {inp}",
    "how did we do on {ind} {inp}",
    "{ind} for {per}? need our figure",
]
VALUE_HOME_L = [
    "what's our latest {ind}?",
    "current {ind}?",
    "where are we at with {ind} currently",
    "what's the most recent figure we have for {ind}",
    "how are we doing on {ind} this year",
    "{ind} last year - what was it for us?",
    "remind me what our {ind} KPI is at the moment",
    "latest {ind} figure for us pls",
]
VALUE_NAMED_P = [
    "what was {area}'s {ind} {inp}?",
    "{area} {ind} {per}?",
    "can you pull {ind} for {area} {inp}",
    "how did {area} do on {ind} {inp}",
]
VALUE_NAMED_L = [
    "latest {ind} for {area}?",
    "what's {area}'s {ind} at the moment",
    "how is {area} doing on {ind} currently",
    "{area}: most recent {ind}?",
]

SPAN_HOME = [
    "how did our {ind} change between {A} and {B}?",
    "{ind} from {A} to {B} please",
    "can I see our {ind} from {A} through to {B}",
    "between {A} and {B} did our {ind} go up or down?",
    "YoY movement in {ind} from {A} up to {B}?",
    "what's the trajectory of our {ind}, {A} to {B}",
    "show me how {ind} moved from {A} to {B}",
    "trend in our {ind} between {A} and {B}",
]
SPAN_NAMED = [
    "how did {area}'s {ind} change between {A} and {B}",
    "{area}: {ind} from {A} to {B}?",
    "track {area}'s {ind} from {A} through to {B}",
]

TREND_SINCE = [
    "how has our {ind} changed since {A}?",
    "direction of travel on {ind} since {A}?",
    "has {ind} improved since {A} or not",
    "{ind} trend since {A} pls",
    "what's happened to our {ind} since {A}",
]
TREND_SINCE_NAMED = ["how has {area}'s {ind} changed since {A}", "{area} - {ind} since {A}, better or worse?"]
TREND_LASTN = [
    "how has {ind} moved over the last {N} years",
    "trend in our {ind} over the past {N} years?",
    "{ind}: last {N} yrs, better or worse?",
    "been asked about {ind} - what's the picture over the last {N} years",
    "show me our {ind} over the past {N} years",
]
TREND_LASTN_NAMED = ["{area}'s {ind} over the last {N} years?", "how has {area} done on {ind} in the past {N} years"]
TREND_HALF = ["show me our {ind} over the past half decade", "{ind} over the last half-decade - improving?"]
TREND_NONE = [
    "is our {ind} getting better or worse?",
    "what's the direction of travel for {ind}",
    "is {ind} improving for us?",
    "{ind} - are we trending the right way?",
    "are we going backwards on {ind}?",
]
TREND_NONE_NAMED = ["is {area} getting better or worse on {ind}?", "direction of travel for {area} on {ind}?"]

CMP_NEIGH = [
    "how do we compare with {grp} on {ind}?",
    "benchmark our {ind} against {grp}",
    "{ind}: us vs {grp}?",
    "are we above or below {grp} on {ind}",
    "where do we sit relative to {grp} for {ind} {inp}",
    "how does our {ind} {inp} stack up against {grp}?",
]
CMP_NAT = [
    "how does our {ind} compare nationally?",
    "{ind} - are we better or worse than {nat}?",
    "our {ind} vs {nat} {inp}",
    "benchmark our {ind} against {nat} please",
    "is our {ind} above {nat}?",
]
CMP_NAT_NAMED = ["how does {area} compare with {nat} on {ind}?", "{area}'s {ind} vs {nat} {inp}"]
CMP_HOME1 = [
    "how does our {ind} compare with {X}'s?",
    "are we doing better than {X} on {ind}?",
    "{ind}: us v {X}",
    "put our {ind} side by side with {X} {inp}",
    "{ind} {inp} - were we ahead of {X}?",
]
CMP_HOME2 = [
    "benchmark us against {X} and {Y} for {ind} {inp}",
    "compare {ind} for us, {X} and {Y}",
    "how do we look next to {X} and {Y} on {ind}?",
    "us, {X} and {Y} on {ind} {inp} - who comes out best?",
]
CMP_OTHER2 = [
    "{X} vs {Y} on {ind}?",
    "compare {ind} between {X} and {Y} {inp}",
    "who's doing better on {ind}, {X} or {Y}?",
    "{X} and {Y} side by side on {ind} {inp}",
]
CMP_OTHER3 = ["{ind} comparison please - {X}, {Y} and {Z}", "how do {X}, {Y} and {Z} compare on {ind} {inp}"]

RANK_EXPLICIT = {
    "best": [
        "top {n} performers {scope} on {ind}",
        "which {n} councils are best {scope} for {ind}?",
        "the {n} best-performing councils {scope} on {ind} pls",
        "league table: best {n} {scope} for {ind}",
    ],
    "worst": [
        "bottom {n} performers {scope} on {ind}",
        "which {n} councils are worst {scope} for {ind}?",
        "who's propping up the league table {scope} on {ind}? bottom {n} please",
        "name the {n} worst performers {scope} on {ind}",
    ],
}
RANK_ONE = {
    "best": ["which council is best {scope} for {ind}?", "who's top performer {scope} on {ind}"],
    "worst": ["which council is worst {scope} for {ind}?", "who does worst {scope} on {ind}?"],
}
RANK_DIR = [
    "which {n} councils have the {dir} {ind} {scope}?",
    "list the {n} {dir} for {ind} {scope}",
    "{scope}, who are the {n} councils with the {dir} {ind}",
]
RANK_DIR_ONE = ["which council has the {dir} {ind} {scope}?", "who has the {dir} {ind} {scope}?"]


def _fmt(ctx: Ctx, template: str, **kw) -> str:
    return ctx.pad(template.format(**kw))


def _periods_text(ctx: Ctx, a: str, b: str) -> tuple[str, str]:
    if is_annual(a) and is_annual(b) and ctx.chance(0.25):
        return a[:4], b[:4]
    return say_period(a, ctx.rng, bare_ok=False), say_period(b, ctx.rng, bare_ok=False)


def build_value(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds)
    area = home if ctx.chance(0.7) else ctx.other(ds, home)
    if not ds.holds_indicator(ind, area):
        return None
    s_ind = ctx.say_ind(ds, ind)
    named = area != home
    if ctx.chance(0.6):
        period = ctx.choice(ds.periods(ind, area))
        kw = {"ind": s_ind, "per": say_period(period, ctx.rng), "inp": in_period(period, ctx.rng)}
        bank = VALUE_NAMED_P if named else VALUE_HOME_P
        exp = expect("value", [ind], [area], None, period)
        note = f"single period {period}"
    else:
        period = ctx.clean_latest(ds, ind, area)
        if period is None:
            return None
        kw = {"ind": s_ind}
        bank = VALUE_NAMED_L if named else VALUE_HOME_L
        exp = expect("value", [ind], [area])
        note = f"latest/unspecified -> null periods; latest held is {period}"
    if named:
        kw["area"] = ctx.name(ds, area)
    text = _fmt(ctx, ctx.choice(bank), **kw)
    return ctx.item("value", ds, home, [text], exp, [ds.figure(ind, area, period)], note)


def build_span(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds)
    area = home if ctx.chance(0.75) else ctx.other(ds, home)
    held = ctx.held_annual(ds, ind, area)
    if len(held) < 3:
        return None
    i, j = sorted(ctx.rng.sample(range(len(held)), 2))
    if j - i < 2:
        return None
    a, b = held[i], held[j]
    ta, tb = _periods_text(ctx, a, b)
    kw = {"ind": ctx.say_ind(ds, ind), "A": ta, "B": tb}
    if area != home:
        kw["area"] = ctx.name(ds, area)
    text = _fmt(ctx, ctx.choice(SPAN_NAMED if area != home else SPAN_HOME), **kw)
    exp = expect("trend", [ind], [area], a, b)
    figs = [ds.figure(ind, area, a), ds.figure(ind, area, b)]
    return ctx.item("span", ds, home, [text], exp, figs, f"explicit span {a}..{b}")


def build_trend(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds)
    area = home if ctx.chance(0.75) else ctx.other(ds, home)
    latest = ctx.clean_latest(ds, ind, area)
    if latest is None:
        return None
    named = area != home
    kw = {"ind": ctx.say_ind(ds, ind)}
    if named:
        kw["area"] = ctx.name(ds, area)
    mode = ctx.choice(["since", "since", "lastn", "lastn", "half", "none"])
    figs = None
    if mode == "since":
        held = ctx.held_annual(ds, ind, area)[:-2]
        if not held:
            return None
        a = ctx.choice(held)
        kw["A"] = a[:4] if is_annual(a) and ctx.chance(0.35) else say_period(a, ctx.rng, bare_ok=False)
        bank = TREND_SINCE_NAMED if named else TREND_SINCE
        if not named and a in ("2018-19", "2019-20") and ctx.chance(0.5):
            bank = ["how has our {ind} changed since before covid, i.e. since {A}?"]
        exp = expect("trend", [ind], [area], a, latest)
        note = f"since {a} -> to latest held ({latest})"
    elif mode in ("lastn", "half"):
        n = 5 if mode == "half" else ctx.choice([2, 3, 4, 5])
        a = minus_years(latest, n)
        if a is None or not ds.held(ind, area, a):
            return None
        kw["N"] = str(n) if ctx.chance(0.5) else NUM_WORDS[n]
        if mode == "half":
            if named:
                return None
            bank = TREND_HALF
        else:
            bank = TREND_LASTN_NAMED if named else TREND_LASTN
        exp = expect("trend", [ind], [area], a, latest)
        note = f"last {n} years from latest held {latest}"
    else:
        bank = TREND_NONE_NAMED if named else TREND_NONE
        exp = expect("trend", [ind], [area])
        note = "no period stated -> null periods"
        a = None
    if a is not None:
        figs = [ds.figure(ind, area, a), ds.figure(ind, area, latest)]
    text = _fmt(ctx, ctx.choice(bank), **kw)
    return ctx.item("trend", ds, home, [text], exp, figs, note)


def _cmp_period(ctx: Ctx, ds: Dataset, ind: str, areas: list[str]) -> tuple[str | None, str | None]:
    """(period asked or None for latest, period of the figures)."""
    if ctx.chance(0.5):
        latest = ctx.common_latest(ds, ind, areas)
        return None, latest
    common = set(ds.periods(ind, areas[0]))
    for a in areas[1:]:
        common &= set(ds.periods(ind, a))
    common = {p for p in common if not p.endswith(("Q1", "Q2", "Q3", "Q4"))}
    if not common:
        return None, None
    p = ctx.choice(sorted(common))
    return p, p


def build_compare(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds)
    modes = ["neighbours", "area", "area"] + (["national"] if ds.national_code else [])
    mode = ctx.choice(modes)
    s_ind = ctx.say_ind(ds, ind)
    if mode == "neighbours":
        areas = [home]
        asked, fig_p = _cmp_period(ctx, ds, ind, areas)
        if fig_p is None or len(ds.neighbours(home, ind)) < 5:
            return None
        bank = CMP_NEIGH if asked else [t for t in CMP_NEIGH if "{inp}" not in t]
        kw = {"ind": s_ind, "grp": ctx.group_phrase(ds)}
        exp = expect("compare", [ind], [home, "neighbours"], None, asked, "neighbours")
        figs = [ds.figure(ind, home, fig_p)]
        note = "vs neighbour/family group; figure listed for the home council only"
    elif mode == "national":
        area = home if ctx.chance(0.7) else ctx.other(ds, home)
        asked, fig_p = _cmp_period(ctx, ds, ind, [area])
        if fig_p is None or ds.national_figure(ind, fig_p) is None:
            return None
        named = area != home
        bank = CMP_NAT_NAMED if named else CMP_NAT
        if not asked:
            bank = [t for t in bank if "{inp}" not in t]
        kw = {"ind": s_ind, "nat": ctx.national_phrase(ds)}
        if named:
            kw["area"] = ctx.name(ds, area)
        exp = expect("compare", [ind], [area, ds.national_code], None, asked, "national")
        figs = [ds.figure(ind, area, fig_p), ds.national_figure(ind, fig_p)]
        note = "vs the national figure (Oflog MEDIAN / LGBF Scotland_Indicator_Real)"
    else:
        with_home = ctx.chance(0.55)
        k = ctx.choice([1, 2]) if with_home else ctx.choice([2, 2, 3])
        others: list[str] = []
        while len(others) < k:
            cand = ctx.other(ds, home, *others)
            others.append(cand)
        areas = ([home] if with_home else []) + others
        asked, fig_p = _cmp_period(ctx, ds, ind, areas)
        if fig_p is None:
            return None
        if with_home:
            bank = CMP_HOME1 if k == 1 else CMP_HOME2
        else:
            bank = CMP_OTHER2 if k == 2 else CMP_OTHER3
        if not asked:
            bank = [t for t in bank if "{inp}" not in t]
        if not bank:
            return None
        kw = {"ind": s_ind}
        for key, code in zip("XYZ", others, strict=False):
            kw[key] = ctx.name(ds, code)
        exp = expect("compare", [ind], areas, None, asked, "area")
        figs = [ds.figure(ind, a, fig_p) for a in areas]
        note = "named councils compared" + ("" if asked else f"; latest common period {fig_p}")
    template = ctx.choice(bank)
    if asked:
        with_period = [t for t in bank if "{inp}" in t]
        template = ctx.choice(with_period) if with_period else template.rstrip("?") + " {inp}?"
        kw["inp"] = in_period(asked, ctx.rng)
    text = _fmt(ctx, template, **kw)
    return ctx.item("compare", ds, home, [text], exp, figs, note)


def rank_text(ctx: Ctx, ds: Dataset, ind: str, n: int, order: str, scope: str) -> str:
    pol = ds.polarity[ind]
    scope_t = ctx.scope_phrase(ds, scope)
    kw = {"ind": ctx.say_ind(ds, ind), "scope": scope_t, "n": str(n) if ctx.chance(0.6) else NUM_WORDS[n]}
    hi_is_best = pol == "higher"
    kw["dir"] = "highest" if (order == "best") == hi_is_best else "lowest"
    if ctx.chance(0.5):
        bank = RANK_DIR_ONE if n == 1 else RANK_DIR
    else:
        bank = RANK_ONE[order] if n == 1 else RANK_EXPLICIT[order]
    text = ctx.choice(bank).format(**kw)
    return text[:1].upper() + text[1:]


def rank_members(ctx: Ctx, ds: Dataset, home: str, ind: str, scope: str) -> list[str]:
    if scope == "neighbours":
        return ds.neighbours(home, ind)
    return sorted({a for (i, a) in ds.values if i == ind})


def build_rank(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds, ranked=True)
    scopes = {
        "oflog": ["england", "england", "neighbours"],
        "lgbf": ["scotland", "scotland", "scotland", "neighbours"],
        "sample": ["neighbours"],
    }
    scope = ctx.choice(scopes[ds.name])
    members = rank_members(ctx, ds, home, ind, scope)
    if scope == "neighbours":
        n = ctx.choice([1, 3, 3, 5]) if ds.name != "lgbf" else ctx.choice([1, 3])
    else:
        n = ctx.choice([1, 3, 5, 5, 10])
    order = ctx.choice(["best", "worst"])
    asked = None
    if ctx.chance(0.4):
        periods = sorted({p for a in members for p in ctx.held_annual(ds, ind, a)})
        if not periods:
            return None
        asked = ctx.choice(periods)
        period = asked
    else:
        cands = [ctx.clean_latest(ds, ind, a) for a in members]
        if scope == "neighbours" and ds.name == "sample" and any(c is None for c in cands):
            return None
        period = ds.ind_latest(ind) if scope != "neighbours" else max((c for c in cands if c), default=None)
        if period is None:
            return None
    listed = ctx.ranking(ds, ind, members, period, n, order)
    if listed is None:
        return None
    text = rank_text(ctx, ds, ind, n, order, scope)
    if asked:
        text = text.rstrip("?!. ") + " " + in_period(asked, ctx.rng) + ctx.choice(["?", "", " pls"])
    text = ctx.pad(text)
    exp = expect("rank", [ind], [scope], None, asked, "ranking", n, order)
    figs = [ds.figure(ind, a, period) for a in listed]
    note = f"{order} {n} {scope} in {period} (polarity {ds.polarity[ind]} is better)"
    return ctx.item("rank", ds, home, [text], exp, figs, note)
