"""Build the blind understanding set (understanding_blind6) from the raw data files.

Run from /work/main:  .venv/bin/python tests/eval/understanding_blind6/generate.py
Every expected reading and figure is computed from the raw files; one seeded RNG makes reruns byte-identical.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import data as D  # noqa: E402
import wording as W  # noqa: E402

SEED = 6160606
RNG = random.Random(SEED)
DS = D.load_all()
SAMPLE_HOME = "E07999001"
COUNTS = {  # family -> {dataset: items}
    "value": {"oflog": 16, "lgbf": 16, "sample": 12}, "span": {"oflog": 14, "lgbf": 16, "sample": 14},
    "trend": {"oflog": 14, "lgbf": 16, "sample": 14}, "compare": {"oflog": 16, "lgbf": 16, "sample": 16},
    "rank": {"oflog": 16, "lgbf": 16, "sample": 16}, "overview": {"oflog": 12, "lgbf": 16, "sample": 12},
    "target": {"sample": 30}, "period_not_held": {"oflog": 10, "lgbf": 10, "sample": 10},
    "names": {"oflog": 22, "lgbf": 22}, "followup": {"oflog": 16, "lgbf": 14, "sample": 14},
    "unknown": {"oflog": 16, "lgbf": 14, "sample": 14},
}
USED = {"oflog": W.OFLOG_USED, "lgbf": W.LGBF_USED, "sample": W.SAMPLE_USED}
COUNTRY = {"oflog": "England", "lgbf": "Scotland"}


class Skip(Exception):
    """The random draw cannot make an unambiguous item; draw again."""


def reading(intent, inds, areas, frm=None, to=None, comparison=None, n=None, order=None):
    return {
        "intent": intent, "indicators": list(inds), "areas": list(areas), "periods": {"from": frm, "to": to},
        "comparison": comparison, "n": n, "order": order,
    }


def unknown():
    return reading("unknown", [], [])


def fig(ds, ind, area, period):
    v = ds.value(ind, area, period)
    if v is None:
        raise Skip
    return {"indicator_id": ind, "area_code": area, "period": period, "value": v}


def plain(ds, code):
    name = ds.names[code]
    if ds.name == "lgbf":
        return W.SCOT_PLAIN.get(name, name)
    if ds.name == "sample":
        return RNG.choice([name, name.replace(" District Council", "").replace(" Borough Council", "")])
    return name


def pick_home(ds, ind):
    homes = [h for h in ds.homes if ds.latest(ind, h)]
    if not homes:
        raise Skip
    return RNG.choice(homes)


def pick_other(ds, ind, exclude, period=None):
    pool = [
        c
        for c in ds.names
        if c not in exclude
        and ds.latest(ind, c)
        and c not in getattr(ds, "excluded", set())
        and (period is None or ds.value(ind, c, period) is not None)
    ]
    if ds.name == "sample":
        pool = [c for c in pool if c != SAMPLE_HOME]
    if not pool:
        raise Skip
    return RNG.choice(sorted(pool))


def pick_ind(ds, ranked=False):
    inds = [i for i in USED[ds.name] if not ranked or ds.polarity.get(i)]
    return RNG.choice(inds)


def held_year(ds, ind, area, not_latest=False):
    s = list(ds.series(ind, area))
    if not_latest:
        s = s[:-1]
    if not s:
        raise Skip
    return RNG.choice(s)


def latest_fig(ds, ind, area):
    """Figure at the council's latest period, or None when 'latest' is ambiguous (sample quarterly data)."""
    if ds.name == "sample" and any(ds.value(ind, area, q) is not None for q in ds.quarters):
        return None
    return fig(ds, ind, area, ds.latest(ind, area))


# ---- value
def make_value(ds):
    ind = pick_ind(ds)
    home = SAMPLE_HOME if ds.name == "sample" else pick_home(ds, ind)
    area = home
    if RNG.random() < 0.3:
        area = pick_other(ds, ind, {home})
    if RNG.random() < 0.5:
        pp, to = W.latest_pp(RNG), None
        f = latest_fig(ds, ind, area)
    else:
        to = held_year(ds, ind, area)
        pp, f = W.year_pp(RNG, to), fig(ds, ind, area, to)
    frame = RNG.choice(W.VALUE_HOME if area == home else W.VALUE_OTHER)
    text = frame.format(m=W.measure(RNG, ind), pp=pp, a=plain(ds, area) if area != home else "")
    return home, [W.wrap(RNG, text)], reading("value", [ind], [area], to=to), [f] if f else None, ""


# ---- span (trend with explicit span / since)
def make_span(ds):
    ind = pick_ind(ds)
    home = SAMPLE_HOME if ds.name == "sample" else pick_home(ds, ind)
    years = list(ds.series(ind, home))
    if len(years) < 3:
        raise Skip
    frame = RNG.choice(W.SPAN_FRAMES)
    if "{since}" in frame:
        start = RNG.choice(years[:-2])
        since = W.since_text(start, RNG)
        frm, to = start, years[-1]
        text = frame.format(m=W.measure(RNG, ind), since=since)
        note = "'since' runs to the latest held annual period"
    else:
        a, b = sorted(RNG.sample(years, 2))
        if "→" in frame or "-{B}" in frame:
            ta, tb = a.replace("-", "/"), b.replace("-", "/")
        else:
            ta, tb = W.fy_text(a, RNG, words=False), W.fy_text(b, RNG, words=False)
        frm, to = a, b
        text = frame.format(m=W.measure(RNG, ind), A=ta, B=tb)
        note = "explicit span"
    figs = [fig(ds, ind, home, frm), fig(ds, ind, home, to)]
    return home, [W.wrap(RNG, text)], reading("trend", [ind], [home], frm=frm, to=to), figs, note


# ---- trend (no period / last N years)
def make_trend(ds):
    ind = pick_ind(ds)
    home = SAMPLE_HOME if ds.name == "sample" else pick_home(ds, ind)
    latest = ds.latest(ind, home)
    if RNG.random() < 0.45:
        text = RNG.choice(W.TREND_NULL).format(m=W.measure(RNG, ind))
        return home, [W.wrap(RNG, text)], reading("trend", [ind], [home]), None, "trend with no period: nulls"
    n = RNG.choice([2, 3, 4, 5])
    frm = D.fy(D.fy_start(latest) - n)
    if frm < min(ds.series(ind, home)):
        raise Skip
    nt = RNG.choice([str(n), W.NUM_WORDS[n]])
    text = RNG.choice(W.TREND_N).format(m=W.measure(RNG, ind), n=nt)
    figs = [fig(ds, ind, home, latest)]
    if ds.value(ind, home, frm) is not None:
        figs.insert(0, fig(ds, ind, home, frm))
    return (
        home, [W.wrap(RNG, text)], reading("trend", [ind], [home], frm=frm, to=latest), figs,
        f"last {n} years from the latest held {latest}",
    )


# ---- compare
def compare_figs(ds, ind, areas, to):
    if to is not None:
        return [fig(ds, ind, a, to) for a in areas]
    lat = {ds.latest(ind, a) for a in areas}
    if len(lat) != 1 or (ds.name == "sample" and latest_fig(ds, ind, areas[0]) is None):
        return None
    period = lat.pop()
    return [fig(ds, ind, a, period) for a in areas]


def make_compare(ds):
    ind = pick_ind(ds)
    home = SAMPLE_HOME if ds.name == "sample" else pick_home(ds, ind)
    specific = RNG.random() < 0.45
    to = held_year(ds, ind, home) if specific else None
    pp = W.year_pp(RNG, to) if specific else RNG.choice(["", "", " at the moment", " (latest)", " currently"])
    m = W.measure(RNG, ind)
    kinds = ["area", "two", "three", "group", "national"] if ds.national else ["area", "two", "three", "group"]
    kind = RNG.choice(kinds)
    if kind in ("area", "two", "three"):
        a = pick_other(ds, ind, {home}, to)
        b = pick_other(ds, ind, {home, a}, to)
        if kind == "area":
            areas, text = [home, a], RNG.choice(W.CMP_AREA).format(a=plain(ds, a), m=m, pp=pp)
        elif kind == "two":
            areas, text = [a, b], RNG.choice(W.CMP_TWO).format(a=plain(ds, a), b=plain(ds, b), m=m, pp=pp)
        else:
            areas = [home, a, b]
            text = RNG.choice(W.CMP_THREE).format(a=plain(ds, a), b=plain(ds, b), m=m, pp=pp)
        return (
            home, [W.wrap(RNG, text)], reading("compare", [ind], areas, to=to, comparison="area"),
            compare_figs(ds, ind, areas, to), "named councils in the order asked",
        )
    if kind == "group":
        g = RNG.choice(W.GROUP_WORDS[ds.name])
        text = RNG.choice(W.CMP_GROUP).format(g=g, m=m, pp=pp)
        r = reading("compare", [ind], [home, "neighbours"], to=to, comparison="neighbours")
    else:
        g = RNG.choice(W.NATIONAL_WORDS[ds.name])
        text = RNG.choice(W.CMP_GROUP).format(g=g, m=m, pp=pp)
        r = reading("compare", [ind], [home, ds.national], to=to, comparison="national")
    f = [fig(ds, ind, home, to)] if to else ([latest_fig(ds, ind, home)] if latest_fig(ds, ind, home) else None)
    return home, [W.wrap(RNG, text)], r, f, "figures: the home's own value only, never medians"


# ---- rank
def order_words(ds, ind, order):
    """Polarity-aware words: 'lowest' is best where lower is better, never an ambiguous 'weakest absence'."""
    if ds.polarity[ind] == "high":
        words = {"best": ["best", "highest", "strongest"], "worst": ["worst", "lowest", "weakest"]}
    elif "cost" in ds.titles[ind].lower():
        words = {"best": ["cheapest", "lowest", "best"], "worst": ["most expensive", "highest", "worst"]}
    else:
        words = {"best": ["best", "lowest"], "worst": ["worst", "highest"]}
    return RNG.choice(words[order])


def make_rank(ds, force_kind=None):
    ind = pick_ind(ds, ranked=True)
    home = SAMPLE_HOME if ds.name == "sample" else pick_home(ds, ind)
    token = RNG.choice(["neighbours", ds.national]) if ds.national else "neighbours"
    members = ds.members(token, home, ind)
    specific = RNG.random() < 0.35
    if specific:
        period = held_year(ds, ind, home)
        held = sum(1 for c in members if ds.value(ind, c, period) is not None)
        if held * 2 < len(members):
            raise Skip
        pp, to = W.year_pp(RNG, period), period
    else:
        period, to = ds.ranking_period(ind, members), None
        pp = RNG.choice(["", "", " currently", " (latest year)"])
    m = W.measure(RNG, ind)
    if token == "neighbours":
        scope = RNG.choice(W.RANK_SCOPE[ds.name])
        whole = RNG.choice(W.GROUP_WORDS[ds.name])
        among = "among " + whole
        one = RNG.choice(["of our neighbours", "council in our comparator group"])
    else:
        scope = RNG.choice([f"councils in {COUNTRY[ds.name]}", f"{COUNTRY[ds.name]} councils"])
        among = RNG.choice([f"in {COUNTRY[ds.name]}", f"nationally across {COUNTRY[ds.name]}"])
        one = f"council in {COUNTRY[ds.name]}"
        whole = f"councils in {COUNTRY[ds.name]}"
    kind = force_kind or RNG.choice(["top", "top", "one", "all", "pos", "pos"])
    if kind == "all" and ds.name == "oflog" and token != "neighbours":
        kind = "top"
    if kind == "pos":
        text = RNG.choice(W.RANK_POS).format(among=among, m=m, pp=pp)
        r = reading("rank", [ind], [home, token], to=to, comparison="ranking")
        return home, [W.wrap(RNG, text)], r, [fig(ds, ind, home, period)], f"position question; ranking period {period}"
    order = RNG.choice(["best", "worst"])
    full = ds.ranked(ind, members, period, order)
    if kind == "all":
        n, order = len(full), "best"
        text = RNG.choice(W.RANK_ALL).format(scope=whole, m=m, pp=pp)
    elif kind == "one":
        n = 1
        text = RNG.choice(W.RANK_ONE).format(one=one, w=order_words(ds, ind, order), m=m, pp=pp, scope=whole)
    else:
        n = RNG.choice([3, 5, 5, 10] if token != "neighbours" else [3, 5])
        tb = "top" if order == "best" else "bottom"
        text = RNG.choice(W.RANK_TOP).format(n=n, scope=scope, w=order_words(ds, ind, order), m=m, pp=pp, tb=tb)
    figs = None
    ties = n < len(full) and full[n - 1][1] == full[n][1]
    bad = any(c in getattr(ds, "excluded", set()) for c, _v in full[: n + 1])
    if not ties and not bad:
        figs = [fig(ds, ind, c, period) for c, _v in full[:n]]
    elif bad:
        raise Skip
    note = f"ranking period {period}; {len(full)} councils hold a value"
    return (
        home, [W.wrap(RNG, text)], reading("rank", [ind], [token], to=to, comparison="ranking", n=n, order=order),
        figs, note,
    )


# ---- overview
def make_overview(ds):
    if ds.name == "sample":
        key = RNG.choice(sorted(W.SAMPLE_SERVICES))
        inds, words = W.SAMPLE_SERVICES[key]
        home, cat = SAMPLE_HOME, key
    else:
        cat = "Adult social care" if ds.name == "oflog" else RNG.choice(sorted(set(ds.category.values())))
        words = W.SERVICE_WORDS[cat]
        home = RNG.choice(ds.homes)
        inds = [i for i in ds.titles if ds.category[i] == cat and ds.held_any(i, home)]
    if not inds:
        raise Skip
    text = RNG.choice(W.OVER).format(s=RNG.choice(words))
    return home, [W.wrap(RNG, text)], reading("overview", inds, [home]), None, f"service: {cat}"


# ---- target (sample only)
def make_target(ds):
    ind = pick_ind(ds)
    home = SAMPLE_HOME
    r = RNG.random()
    quarters = [q for q in ds.quarters if ds.value(ind, home, q) is not None]
    if r < 0.35:
        to, pp, f = None, RNG.choice(["", "", " this year", " at the moment"]), None
    elif r < 0.55 and quarters:
        to = RNG.choice(quarters)
        pp, f = " in " + W.quarter_text(to, RNG), [fig(ds, ind, home, to)]
    else:
        to = held_year(ds, ind, home)
        pp, f = W.year_pp(RNG, to), [fig(ds, ind, home, to)]
    if "this year" in pp:
        raise Skip
    m = RNG.choice([p for p in W.MEASURES[ind] if "target" not in p])
    text = RNG.choice(W.TARGET).format(m=m, pp=pp)
    return home, [W.wrap(RNG, text)], reading("target", [ind], [home], to=to), f, "target question"


# ---- period not held
def closest_held(ds, ind, area, asked):
    held = list(ds.series(ind, area))
    y = D.fy_start(asked[:7])
    dist = sorted((abs(D.fy_start(h) - y), h) for h in held)
    if not dist or (len(dist) > 1 and dist[0][0] == dist[1][0]):
        raise Skip
    return dist[0][1]


def make_pnh(ds):
    ind = pick_ind(ds)
    home = SAMPLE_HOME if ds.name == "sample" else pick_home(ds, ind)
    held = list(ds.series(ind, home))
    kind = RNG.choice(["before", "after", "gap", "quarter"])
    if kind == "quarter":
        if ds.name == "sample" and any(ds.value(ind, home, q) is not None for q in ds.quarters):
            raise Skip
        asked = RNG.choice(held) + " Q" + RNG.choice("1234")
        ptxt = W.quarter_text(asked, RNG)
    else:
        first, last = D.fy_start(held[0]), D.fy_start(held[-1])
        if kind == "before":
            asked = D.fy(first - RNG.choice([1, 2, 3]))
        elif kind == "after":
            asked = D.fy(last + RNG.choice([1, 2]))
            if ds.name == "sample" and any(ds.value(ind, home, q) is not None for q in ds.quarters):
                raise Skip
        else:
            gaps = [D.fy(y) for y in range(first, last) if D.fy(y) not in held]
            if not gaps:
                raise Skip
            asked = RNG.choice(gaps)
        ptxt = W.fy_text(asked, RNG, words=False)
    if ds.value(ind, home, asked) is not None or (kind != "quarter" and asked in ds.annual_periods(ind)):
        raise Skip
    closest = closest_held(ds, ind, home, asked)
    text = RNG.choice(W.PNH).format(m=W.measure(RNG, ind), p=ptxt)
    return (
        home, [W.wrap(RNG, text)], reading("value", [ind], [home], to=asked), [fig(ds, ind, home, closest)],
        f"{asked} not held ({kind}); closest held year {closest}",
    )


# ---- names
def make_names(ds):
    ind = pick_ind(ds)
    home = pick_home(ds, ind)
    pool = sorted(
        c
        for c, n in ds.names.items()
        if n in W.NAME_FORMS and c != home and ds.latest(ind, c) and c not in getattr(ds, "excluded", set())
    )
    a = RNG.choice(pool)
    specific = RNG.random() < 0.5
    to = held_year(ds, ind, a) if specific else None
    pp = W.year_pp(RNG, to) if specific else RNG.choice(["", " latest", " now"])
    m = W.measure(RNG, ind)
    na = W.name_form(RNG, ds.names[a])
    kind = RNG.choice(["value", "value", "us", "two"])
    if kind == "value":
        text, areas, intent, comp = RNG.choice(W.NAMES_VALUE).format(a=na, m=m, pp=pp), [a], "value", None
    else:
        frame = RNG.choice(W.NAMES_CMP[:2] if kind == "us" else W.NAMES_CMP[2:])
        b = RNG.choice([c for c in pool if c != a])
        if to and ds.value(ind, b, to) is None:
            raise Skip
        areas = [home, a] if kind == "us" else [a, b]
        text = frame.format(a=na, b=W.name_form(RNG, ds.names[b]), m=m, pp=pp)
        intent, comp = "compare", "area"
    if intent == "value":
        f = [fig(ds, ind, a, to)] if to else [fig(ds, ind, a, ds.latest(ind, a))]
    else:
        f = compare_figs(ds, ind, areas, to)
    return (
        home, [W.wrap(RNG, text)], reading(intent, [ind], areas, to=to, comparison=comp), f,
        f"name form '{na}' = {ds.names[a]}",
    )


# ---- follow-ups
def make_followup(ds):
    ind = pick_ind(ds, ranked=True)
    home = SAMPLE_HOME if ds.name == "sample" else pick_home(ds, ind)
    m = W.measure(RNG, ind)
    years = list(ds.series(ind, home))
    kind = RNG.choice(["council", "compare", "since", "rank", "back_home", "measure"])
    v0 = reading("value", [ind], [home])
    if kind == "council":
        a = pick_other(ds, ind, {home})
        y = RNG.choice(years)
        turns = [f"what's our {m}?", f"what about {plain(ds, a)}?", f"and in {W.fy_text(y, RNG)}?"]
        each = [v0, reading("value", [ind], [a]), reading("value", [ind], [a], to=y)]
        figs = [fig(ds, ind, a, y)]
    elif kind == "compare":
        g = RNG.choice(W.GROUP_WORDS[ds.name])
        turns = [f"{m} for us please", f"how does that compare with {g}?"]
        each = [v0, reading("compare", [ind], [home, "neighbours"], comparison="neighbours")]
        if ds.national:
            turns.append(RNG.choice(["and nationally?", f"and against {RNG.choice(W.NATIONAL_WORDS[ds.name])}?"]))
            each.append(reading("compare", [ind], [home, ds.national], comparison="national"))
        else:
            y = RNG.choice(years)
            turns.append(f"and in {W.fy_text(y, RNG)}?")
            each.append(reading("compare", [ind], [home, "neighbours"], to=y, comparison="neighbours"))
        figs = None
    elif kind == "since":
        if len(years) < 4:
            raise Skip
        s1, s2 = sorted(RNG.sample(years[:-2], 2), reverse=True)
        turns = [f"how has our {m} changed {W.since_text(s1, RNG)}?", f"and {W.since_text(s2, RNG)}?"]
        each = [
            reading("trend", [ind], [home], frm=s1, to=years[-1]),
            reading("trend", [ind], [home], frm=s2, to=years[-1]),
        ]
        figs = [fig(ds, ind, home, s2), fig(ds, ind, home, years[-1])]
    elif kind == "rank":
        token = RNG.choice(["neighbours", ds.national]) if ds.national else "neighbours"
        members = ds.members(token, home, ind)
        period = ds.ranking_period(ind, members)
        scope = f"in {COUNTRY[ds.name]}" if token != "neighbours" else "among " + RNG.choice(W.GROUP_WORDS[ds.name])
        n1 = 5
        turns = [f"top {n1} councils {scope} for {m}", RNG.choice(["and the bottom 3?", "now the worst 3"])]
        each = [
            reading("rank", [ind], [token], comparison="ranking", n=5, order="best"),
            reading("rank", [ind], [token], comparison="ranking", n=3, order="worst"),
        ]
        full = ds.ranked(ind, members, period, "worst")
        figs = None if full[2][1] == full[3][1] else [fig(ds, ind, c, period) for c, _v in full[:3]]
        if any(c in getattr(ds, "excluded", set()) for c, _v in full[:4]):
            raise Skip
    elif kind == "back_home":
        a = pick_other(ds, ind, {home})
        y = RNG.choice(years)
        turns = [f"how does {plain(ds, a)} compare with us on {m}?", f"what was ours in {W.fy_text(y, RNG)}?"]
        each = [reading("compare", [ind], [a, home], comparison="area"), reading("value", [ind], [home], to=y)]
        if RNG.random() < 0.5:
            turns[0] = f"how do we compare with {plain(ds, a)} on {m}?"
            each[0] = reading("compare", [ind], [home, a], comparison="area")
        figs = [fig(ds, ind, home, y)]
    else:
        other = RNG.choice([i for i in USED[ds.name] if i != ind and ds.latest(i, home)])
        y = RNG.choice([p for p in years if ds.value(other, home, p) is not None] or [None])
        if y is None:
            raise Skip
        turns = [
            f"what was our {m} in {W.fy_text(y, RNG)}?",
            RNG.choice(["now do {o}", "same for {o}", "and {o}?"]).format(o=W.measure(RNG, other)),
        ]
        each = [reading("value", [ind], [home], to=y), reading("value", [other], [home], to=y)]
        figs = [fig(ds, other, home, y)]
    turns = [W.wrap(RNG, turns[0])] + [t if RNG.random() < 0.7 else t.lower() for t in turns[1:]]
    return home, turns, each, figs, f"follow-up ({kind})"


# ---- unknown
def make_unknown(ds):
    kind = RNG.choice(["council", "measure", "chitchat", "cross"])
    home = SAMPLE_HOME if ds.name == "sample" else RNG.choice(ds.homes)
    if kind == "council":
        pool = W.WELSH_NI + W.MADE_UP + (W.DISTRICTS if ds.name == "oflog" else [])
        a = RNG.choice(pool)
        ind = RNG.choice(W.OFLOG_USED if ds.name == "oflog" else USED[ds.name])
        text = RNG.choice(["what's {a}'s {m}?", "how do we compare with {a} on {m}", "{a} - {m} latest?"]).format(
            a=a, m=W.measure(RNG, ind)
        )
        note = f"{a} is not held in any dataset"
    elif kind == "measure":
        mm = RNG.choice(W.NOT_HELD_MEASURES)
        text = RNG.choice([
                "what are our {m} like?", "how do we compare with neighbours on {m}", "{m} trend since 2019 please",
                "are we getting better at {m}?",]).format(m=mm)
        note = f"'{mm}' is not a held measure"
    elif kind == "chitchat":
        text, note = RNG.choice(W.CHITCHAT), "not a performance question"
    else:
        if ds.name == "oflog":
            mm = RNG.choice([
                    "our council tax collection rate", "our recycling rate", "cost per library visit for us",
                    "our street cleanliness score", "our teacher sickness absence",])
            note = "LGBF-only measure asked by an English council"
        elif ds.name == "lgbf":
            mm = RNG.choice([
                    "our adult social care workforce turnover", "our carer-reported quality of life score",
                    "ease of finding information about services for our service users",
                    "our short-term services (sequel to service) outcome",])
            note = "Oflog-only measure asked by a Scottish council"
        else:
            mm = RNG.choice([
                    "our home care cost per hour for over-65s", "our carer quality of life score",
                    "our cost per secondary pupil", "our delayed discharge bed days",])
            note = "measure not held for the sample district council"
        text = RNG.choice(["what's {m}?", "how is {m} trending", "{m} vs neighbours?"]).format(m=mm)
    return home, [W.wrap(RNG, text)], unknown(), None, note


BUILDERS = {
    "value": make_value, "span": make_span, "trend": make_trend, "compare": make_compare, "rank": make_rank,
    "overview": make_overview, "target": make_target, "period_not_held": make_pnh, "names": make_names,
    "followup": make_followup, "unknown": make_unknown,
}


def build():
    items, seen = [], set()
    for family, per in COUNTS.items():
        for dsname, count in per.items():
            ds, made, tries = DS[dsname], [], 0
            while len(made) < count:
                tries += 1
                if tries > 5000:
                    raise RuntimeError(f"cannot build {family}/{dsname}")
                try:
                    home, turns, expect, figs, note = BUILDERS[family](ds)
                except Skip:
                    continue
                key = (home, tuple(t.lower() for t in turns))
                if key in seen or any(t.lower() in seen for t in turns[:1]):
                    continue
                seen.add(key)
                seen.add(turns[0].lower())
                it = {"family": family, "dataset": dsname, "home_area": home, "turns": turns}
                if family == "followup":
                    it["expect"], it["expect_each"] = expect[-1], expect
                else:
                    it["expect"] = expect
                if figs:
                    it["figures"] = figs
                it["note"] = note
                made.append(it)
            items.append((family, dsname, made))
    return items


def split(groups):
    dev, hold = [], []
    counters = {}
    for family, _dsname, made in groups:
        RNG.shuffle(made)
        for k, it in enumerate(made):
            counters[family] = counters.get(family, 0) + 1
            it = {"id": f"b6-{family.replace('_', '-')}-{counters[family]:03d}", **it}
            (dev if k % 2 == 0 else hold).append(it)
    return dev, hold


def dump(name, items):
    doc = {"set": f"understanding_blind6_{name}", "seed": SEED, "count": len(items), "items": items}
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=1000)
    (HERE / f"{name}.yaml").write_text(text, encoding="utf-8")


def main():
    dev, hold = split(build())
    dump("dev", dev)
    dump("holdout", hold)
    for name, part in (("dev", dev), ("holdout", hold)):
        fams = {}
        for it in part:
            fams[it["family"]] = fams.get(it["family"], 0) + 1
        print(name, len(part), fams)


if __name__ == "__main__":
    main()
