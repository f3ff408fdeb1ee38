"""Multi-turn conversations: each later turn keeps what it does not change and overrides what it says."""

from __future__ import annotations

import copy

from d2_core import Ctx, expect
from d2_data import Dataset, is_quarter, minus_years
from d2_families import rank_members, rank_text
from d2_phrases import NUM_WORDS, SERVICE_PHRASES, in_period, say_period


def _with(exp: dict, **changes) -> dict:
    out = copy.deepcopy(exp)
    for key, val in changes.items():
        if key in ("frm", "to"):
            out["periods"]["from" if key == "frm" else "to"] = val
        else:
            out[key] = val
    return out


def _conv(
    ctx: Ctx, ds: Dataset, home: str, turns: list[str], each: list[dict], figs: list[dict] | None, note: str
) -> dict | None:
    return ctx.item("followup", ds, home, turns, copy.deepcopy(each[-1]), figs, note, expect_each=each)


def _annual_latest(ctx: Ctx, ds: Dataset, ind: str, area: str) -> str | None:
    return ctx.clean_latest(ds, ind, area)


def fu_period_then_neighbours(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds)
    held = ds.periods(ind, home)
    if len(held) < 3 or len(ds.neighbours(home, ind)) < 5:
        return None
    p1, p2 = ctx.rng.sample(held, 2)
    if is_quarter(p2):
        return None  # neighbours hold no quarters
    s_ind = ctx.say_ind(ds, ind)
    t1 = ctx.pad(
        ctx.choice(["what was our {ind} {inp}?", "our {ind} {inp} please", "{ind} {inp} - what's ours?"]).format(
            ind=s_ind, inp=in_period(p1, ctx.rng)
        )
    )
    t2 = ctx.choice(["what about {p}?", "and {p}?", "same for {p} please", "ok and in {p}"]).format(
        p=say_period(p2, ctx.rng, bare_ok=False)
    )
    t3 = ctx.choice(["how does that compare with {g}?", "and vs {g}?", "is that better or worse than {g}?"]).format(
        g=ctx.group_phrase(ds)
    )
    e1 = expect("value", [ind], [home], None, p1)
    e2 = _with(e1, to=p2)
    e3 = _with(e2, intent="compare", areas=[home, "neighbours"], comparison="neighbours")
    return _conv(
        ctx,
        ds,
        home,
        [t1, t2, t3],
        [e1, e2, e3],
        [ds.figure(ind, home, p2)],
        "period override, then neighbours comparison keeping the period",
    )


def fu_since_then(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds)
    latest = _annual_latest(ctx, ds, ind, home)
    held = ctx.held_annual(ds, ind, home)[:-2]
    if latest is None or not held:
        return None
    p = ctx.choice(held)
    s_ind = ctx.say_ind(ds, ind)
    t1 = ctx.pad(
        ctx.choice(["what was our {ind} {inp}?", "{ind} {inp}?", "where were we on {ind} {inp}"]).format(
            ind=s_ind, inp=in_period(p, ctx.rng)
        )
    )
    t2 = ctx.choice(
        [
            "and since then?",
            "how has it moved since then?",
            "what's happened since then",
            "and since then - better or worse?",
        ]
    )
    e1 = expect("value", [ind], [home], None, p)
    e2 = expect("trend", [ind], [home], p, latest)
    turns, each = [t1, t2], [e1, e2]
    figs = [ds.figure(ind, home, p), ds.figure(ind, home, latest)]
    others = [
        i
        for i in ctx.ind_choices(ds)
        if i != ind and ds.held(i, home, p) and _annual_latest(ctx, ds, i, home) == latest
    ]
    if others and ctx.chance(0.6):
        ind2 = ctx.choice(others)
        turns.append(
            ctx.choice(["what about {i}?", "and the same for {i}", "ok, now {i}"]).format(i=ctx.say_ind(ds, ind2))
        )
        each.append(_with(e2, indicators=[ind2]))
        figs = [ds.figure(ind2, home, p), ds.figure(ind2, home, latest)]
    return _conv(ctx, ds, home, turns, each, figs, "'since then' = from the period last talked about to latest")


def fu_trend_switch_compare(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds)
    latest = _annual_latest(ctx, ds, ind, home)
    held = ctx.held_annual(ds, ind, home)[:-2]
    if latest is None or not held:
        return None
    a = ctx.choice(held)
    others = [
        i
        for i in ctx.ind_choices(ds)
        if i != ind and ds.held(i, home, a) and _annual_latest(ctx, ds, i, home) == latest
    ]
    if not others:
        return None
    ind2 = ctx.choice(others)
    x = ctx.other(ds, home)
    if not (ds.held(ind2, x, a) and ds.held(ind2, x, latest)):
        return None
    t1 = ctx.pad(
        ctx.choice(["how has our {ind} changed since {a}?", "{ind} since {a} - direction of travel?"]).format(
            ind=ctx.say_ind(ds, ind), a=say_period(a, ctx.rng)
        )
    )
    t2 = ctx.choice(["what about {i}?", "and {i}?", "same question for {i}"]).format(i=ctx.say_ind(ds, ind2))
    t3 = ctx.choice(["how does {x} compare?", "and how do we look against {x} on that?", "vs {x}?"]).format(
        x=ctx.name(ds, x)
    )
    e1 = expect("trend", [ind], [home], a, latest)
    e2 = _with(e1, indicators=[ind2])
    e3 = _with(e2, intent="compare", areas=[home, x], comparison="area")
    figs = [ds.figure(ind2, c, p) for c in (home, x) for p in (a, latest)]
    return _conv(ctx, ds, home, [t1, t2, t3], [e1, e2, e3], figs, "indicator switch keeps the span; then a council")


def fu_rank_flip(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds, ranked=True)
    scope = {"oflog": "england", "lgbf": "scotland", "sample": "neighbours"}[ds.name]
    if ds.name == "oflog" and ctx.chance(0.3):
        scope = "neighbours"
    members = rank_members(ctx, ds, home, ind, scope)
    latests = [ctx.clean_latest(ds, ind, a) for a in members]
    if scope == "neighbours" and any(c is None for c in latests):
        return None
    period = ds.ind_latest(ind) if scope != "neighbours" else max(c for c in latests if c)
    n1 = ctx.choice([3, 5]) if scope != "neighbours" else 3
    n2 = ctx.choice([1, 3, 5]) if scope != "neighbours" else ctx.choice([1, 3])
    first = ctx.choice(["best", "worst"])
    second = "worst" if first == "best" else "best"
    l1 = ctx.ranking(ds, ind, members, period, n1, first)
    l2 = ctx.ranking(ds, ind, members, period, n2, second)
    if not l1 or not l2:
        return None
    t1 = ctx.pad(rank_text(ctx, ds, ind, n1, first, scope))
    nn = str(n2) if ctx.chance(0.5) else NUM_WORDS[n2]
    word = "worst-performing" if second == "worst" else "best-performing"
    t2 = (
        ctx.choice([f"and the {second} {nn}?", f"now the {second} {nn}", f"ok, and the {nn} {word}?"])
        if n2 > 1
        else ctx.choice([f"and the single {second} one?", f"who's the very {second}?"])
    )
    e1 = expect("rank", [ind], [scope], None, None, "ranking", n1, first)
    e2 = _with(e1, n=n2, order=second)
    turns, each, listed, fig_p = [t1, t2], [e1, e2], l2, period
    if ctx.chance(0.4):
        older = [p for p in sorted({p for a in members for p in ctx.held_annual(ds, ind, a)}) if p < period]
        if older:
            p3 = ctx.choice(older)
            l3 = ctx.ranking(ds, ind, members, p3, n2, second)
            if l3:
                turns.append(
                    ctx.choice(["same but {p}", "and what did that look like {ip}?"]).format(
                        p=say_period(p3, ctx.rng, bare_ok=False), ip=in_period(p3, ctx.rng)
                    )
                )
                each.append(_with(e2, to=p3))
                listed, fig_p = l3, p3
    figs = [ds.figure(ind, a, fig_p) for a in listed]
    return _conv(ctx, ds, home, turns, each, figs, f"rank flip ({scope}, figures for last turn, {fig_p})")


def fu_other_then_ours(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds)
    x = ctx.other(ds, home)
    latest = ctx.common_latest(ds, ind, [x, home])
    if latest is None:
        return None
    s_ind = ctx.say_ind(ds, ind)
    t1 = ctx.pad(
        ctx.choice(["what's {x}'s {ind}?", "latest {ind} for {x}?", "how is {x} doing on {ind}"]).format(
            x=ctx.name(ds, x), ind=s_ind
        )
    )
    t2 = ctx.choice(["and ours?", "what about us?", "ok and for us?", "and how about our council"])
    e1 = expect("value", [ind], [x])
    e2 = _with(e1, areas=[home])
    if ds.national_code and ds.national_figure(ind, latest):
        t3 = ctx.choice(["is that above {n}?", "how does that sit against {n}?", "and nationally?"]).format(
            n=ctx.national_phrase(ds)
        )
        e3 = _with(e2, intent="compare", areas=[home, ds.national_code], comparison="national")
        figs = [ds.figure(ind, home, latest), ds.national_figure(ind, latest)]
    else:
        t3 = ctx.choice(["and vs {g}?", "how's that against {g}?"]).format(g=ctx.group_phrase(ds))
        e3 = _with(e2, intent="compare", areas=[home, "neighbours"], comparison="neighbours")
        figs = [ds.figure(ind, home, latest)]
    return _conv(ctx, ds, home, [t1, t2, t3], [e1, e2, e3], figs, "'ours' = home council; then a group comparison")


def fu_overview_drill(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    service = ctx.choice(sorted(ds.categories))
    inds = [i for i in ds.categories[service] if ds.holds_indicator(i, home)]
    if not inds or (ds.name != "oflog" and len(inds) != len(ds.categories[service])):
        return None
    choices = [i for i in inds if i in ctx.ind_choices(ds)]
    if not choices:
        return None
    ind = ctx.choice(choices)
    latest = _annual_latest(ctx, ds, ind, home)
    n = ctx.choice([2, 3, 4])
    a = minus_years(latest, n) if latest else None
    if a is None or not ds.held(ind, home, a):
        return None
    t1 = ctx.pad(
        ctx.choice(
            ["overview of our {s} please", "how are we doing on {s} overall?", "{s} - all our indicators?"]
        ).format(s=ctx.choice(SERVICE_PHRASES[service]))
    )
    nn = str(n) if ctx.chance(0.5) else NUM_WORDS[n]
    t2 = ctx.choice(
        [
            "drill into {i} - how has it moved over the last {n} years?",
            "ok, just {i} then: trend over the past {n} years",
            "{i} over the last {n} yrs?",
        ]
    ).format(i=ctx.say_ind(ds, ind), n=nn)
    e1 = expect("overview", inds, [home])
    e2 = expect("trend", [ind], [home], a, latest)
    figs = [ds.figure(ind, home, a), ds.figure(ind, home, latest)]
    return _conv(ctx, ds, home, [t1, t2], [e1, e2], figs, f"overview of {service}, then one indicator's trend")


def fu_compare_period_add(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds)
    x = ctx.other(ds, home)
    y = ctx.other(ds, home, x)
    if ctx.common_latest(ds, ind, [home, x]) is None:
        return None
    common = [p for p in ds.periods(ind, home) if not is_quarter(p) and ds.held(ind, x, p) and ds.held(ind, y, p)]
    if len(common) < 2:
        return None
    p = ctx.choice(common[:-1])
    t1 = ctx.pad(
        ctx.choice(["how do we compare with {x} on {i}?", "{i}: us vs {x}?", "are we ahead of {x} on {i}"]).format(
            x=ctx.name(ds, x), i=ctx.say_ind(ds, ind)
        )
    )
    t2 = ctx.choice(["what about {p}?", "and back {ip}?", "same comparison {ip}"]).format(
        p=say_period(p, ctx.rng, bare_ok=False), ip=in_period(p, ctx.rng)
    )
    t3 = ctx.choice(["add {y} to that please", "can you throw {y} in as well", "and include {y}"]).format(
        y=ctx.name(ds, y)
    )
    e1 = expect("compare", [ind], [home, x], comparison="area")
    e2 = _with(e1, to=p)
    e3 = _with(e2, areas=[home, x, y])
    turns, each = [t1, t2, t3], [e1, e2, e3]
    figs = [ds.figure(ind, a, p) for a in (home, x, y)]
    others = [i for i in ctx.ind_choices(ds) if i != ind and all(ds.held(i, a, p) for a in (home, x, y))]
    if others and ctx.chance(0.6):
        ind2 = ctx.choice(others)
        turns.append(
            ctx.choice(["and the same three on {i}?", "now do {i}", "what about {i} for them?"]).format(
                i=ctx.say_ind(ds, ind2)
            )
        )
        each.append(_with(e3, indicators=[ind2]))
        figs = [ds.figure(ind2, a, p) for a in (home, x, y)]
    return _conv(
        ctx, ds, home, turns, each, figs, "area comparison: period override, a third council, maybe a new indicator"
    )


def fu_value_other_council(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds)
    x = ctx.other(ds, home)
    held = [p for p in ctx.held_annual(ds, ind, home) if ds.held(ind, x, p)]
    if len(held) < 2:
        return None
    p1, p2 = ctx.rng.sample(held, 2)
    t1 = ctx.pad(
        ctx.choice(["what was our {i} {ip}?", "{i} {ip} for us?"]).format(
            i=ctx.say_ind(ds, ind), ip=in_period(p1, ctx.rng)
        )
    )
    t2 = ctx.choice(["and for {x}?", "what about {x}?", "{x}?"]).format(x=ctx.name(ds, x))
    t3 = ctx.choice(["and ours {ip}?", "back to us - {p}?", "and what was ours in {p}"]).format(
        ip=in_period(p2, ctx.rng), p=say_period(p2, ctx.rng, bare_ok=False)
    )
    e1 = expect("value", [ind], [home], None, p1)
    e2 = _with(e1, areas=[x])
    e3 = _with(e2, areas=[home], to=p2)
    return _conv(
        ctx,
        ds,
        home,
        [t1, t2, t3],
        [e1, e2, e3],
        [ds.figure(ind, home, p2)],
        "council switch keeps the period; 'ours' returns to home with a new period",
    )


def fu_span_then_group(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind = ctx.ind(ds)
    held = ctx.held_annual(ds, ind, home)
    if len(held) < 4:
        return None
    a, b = held[0 + ctx.rng.randrange(len(held) - 3)], held[-1 - ctx.rng.randrange(2)]
    t1 = ctx.pad(
        ctx.choice(["our {i} between {a} and {b}?", "how did {i} move from {a} to {b}?"]).format(
            i=ctx.say_ind(ds, ind), a=say_period(a, ctx.rng, bare_ok=False), b=say_period(b, ctx.rng, bare_ok=False)
        )
    )
    e1 = expect("trend", [ind], [home], a, b)
    if ds.national_code and ds.national_figure(ind, a) and ds.national_figure(ind, b):
        t2 = ctx.choice(["how does that compare nationally?", "and against {n}?"]).format(n=ctx.national_phrase(ds))
        e2 = _with(e1, intent="compare", areas=[home, ds.national_code], comparison="national")
        figs = [
            ds.figure(ind, home, a),
            ds.figure(ind, home, b),
            ds.national_figure(ind, a),
            ds.national_figure(ind, b),
        ]
    else:
        t2 = ctx.choice(["and how does that compare with {g}?", "vs {g} over the same years?"]).format(
            g=ctx.group_phrase(ds)
        )
        e2 = _with(e1, intent="compare", areas=[home, "neighbours"], comparison="neighbours")
        figs = [ds.figure(ind, home, a), ds.figure(ind, home, b)]
    return _conv(ctx, ds, home, [t1, t2], [e1, e2], figs, "span kept when the comparison is added")


def fu_target_chain(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind, ind2 = ctx.rng.sample(ctx.ind_choices(ds), 2)
    periods = [p for p in ds.periods(ind, home) if (ind, home, p) in ds.targets and (ind2, home, p) in ds.targets]
    if not periods:
        return None
    p = ctx.choice(periods)
    t1 = ctx.pad(
        ctx.choice(["did we hit our {i} target {ip}?", "{i} vs target {ip}?"]).format(
            i=ctx.say_ind(ds, ind), ip=in_period(p, ctx.rng)
        )
    )
    t2 = ctx.choice(["what about {i}?", "and {i}?", "same for {i}"]).format(i=ctx.say_ind(ds, ind2))
    t3 = ctx.choice(["and how do we compare with {g} on it?", "ok - vs {g}?"]).format(g=ctx.group_phrase(ds))
    e1 = expect("target", [ind], [home], None, p)
    e2 = _with(e1, indicators=[ind2])
    e3 = _with(e2, intent="compare", areas=[home, "neighbours"], comparison="neighbours")
    if is_quarter(p):
        return None  # neighbours hold no quarters
    return _conv(
        ctx,
        ds,
        home,
        [t1, t2, t3],
        [e1, e2, e3],
        [ds.figure(ind2, home, p)],
        "target, indicator switch, then neighbours comparison",
    )


def fu_five_turns(ctx: Ctx, ds: Dataset) -> dict | None:
    home = ctx.home(ds)
    ind, ind2 = ctx.rng.sample(ctx.ind_choices(ds, ranked=True), 2)
    members = ds.neighbours(home, ind2)
    if ctx.clean_latest(ds, ind, home) is None or len(members) < 6:
        return None
    common = [p for p in ctx.held_annual(ds, ind, home) if ds.held(ind2, home, p)]
    if not common:
        return None
    p = ctx.choice(common)
    best = ctx.ranking(ds, ind2, members, p, 1, "best")
    if not best:
        return None
    t1 = ctx.pad(ctx.choice(["what's our current {i}?", "latest {i} for us?"]).format(i=ctx.say_ind(ds, ind)))
    t2 = ctx.choice(["and {ip}?", "what was it {ip}"]).format(ip=in_period(p, ctx.rng))
    t3 = ctx.choice(["and {i}?", "now {i} for the same year"]).format(i=ctx.say_ind(ds, ind2))
    t4 = ctx.choice(["how do we compare with {g} on that?", "vs {g}?"]).format(g=ctx.group_phrase(ds))
    t5 = ctx.choice(
        ["who's best among them?", "which of them performs best?", "and who's the best performer of the group?"]
    )
    e1 = expect("value", [ind], [home])
    e2 = _with(e1, to=p)
    e3 = _with(e2, indicators=[ind2])
    e4 = _with(e3, intent="compare", areas=[home, "neighbours"], comparison="neighbours")
    e5 = _with(e4, intent="rank", areas=["neighbours"], comparison="ranking", n=1, order="best")
    figs = [ds.figure(ind2, best[0], p)]
    return _conv(
        ctx,
        ds,
        home,
        [t1, t2, t3, t4, t5],
        [e1, e2, e3, e4, e5],
        figs,
        "five turns: period, indicator, neighbours, then the best of the neighbours",
    )


SCENARIOS = [
    fu_period_then_neighbours,
    fu_since_then,
    fu_trend_switch_compare,
    fu_rank_flip,
    fu_other_then_ours,
    fu_overview_drill,
    fu_compare_period_add,
    fu_value_other_council,
    fu_span_then_group,
    fu_five_turns,
]
SAMPLE_ONLY = [fu_target_chain]
