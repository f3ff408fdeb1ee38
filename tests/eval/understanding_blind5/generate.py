#!/usr/bin/env python
"""Generate blind understanding set 5 (dev.yaml / holdout.yaml).

Written without sight of the product's code, prompts or earlier evaluation sets. Expected interpretations and
figures are computed here with pandas from the raw public files (../shared/data) and the sample pack's data CSVs.

    /work/main/.venv/bin/python tests/eval/understanding_blind5/generate.py

Deterministic: one seeded random.Random drives every choice.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from data import fy_start, is_fy, load_lgbf, load_oflog, load_sample, period_key  # noqa: E402
from wording import (  # noqa: E402 - after the path set-up above
    GROUP_PHRASES,
    LGBF_ALIASES,
    LGBF_DISPLAY,
    MEASURES,
    NATION_PHRASES,
    NATION_RANK,  # noqa: E402
    NICK_M,
    OFLOG_ALIASES,
    OFLOG_DISPLAY,
    SAMPLE_ALIASES,
    fy_phrase,
    q_phrase,
    since_phrase,
    style,
)

SEED = 5150505
rng = random.Random(SEED)

H = {"oflog": load_oflog(), "lgbf": load_lgbf(), "sample": load_sample()}
NATION = {"oflog": "england", "lgbf": "scotland"}
SAMPLE_HOME = "E07999001"

# Councils excluded from naming/homes: reorganised or odd-shaped (two codes for one name, tiny NN lists).
OFLOG_SKIP = {
    "E10000002",
    "E06000060",
    "E10000009",
    "E06000059",
    "E10000021",
    "E06000061",
    "E06000062",
    "E06000028",
    "E06000029",
    "E06000053",
    "E09000001",
}


class Skip(Exception):
    """A random draw that cannot make a sound item; draw again."""


ITEMS: list[dict] = []
SEEN: set[str] = set()


# ====================================================================== helpers
def r6(x):
    return float(round(x, 6))


def area_label(ds, code, alias=False):
    """How a user would type a council's name."""
    raw = H[ds].area_name[code]
    if alias:
        table = {"oflog": OFLOG_ALIASES, "lgbf": LGBF_ALIASES, "sample": SAMPLE_ALIASES}[ds]
        if raw in table:
            return rng.choice(table[raw])
    if ds == "oflog":
        return OFLOG_DISPLAY.get(raw, raw)
    if ds == "lgbf":
        d = LGBF_DISPLAY.get(raw, raw)
        return d.replace("&", rng.choice(["&", "and"]))
    # sample: sometimes drop the "District Council" tail
    if rng.random() < 0.5:
        return raw.replace(" District Council", "").replace(" Borough Council", "")
    return raw


def mphrase(ds, ind, nick=False):
    if nick and ind in NICK_M[ds]:
        return rng.choice(NICK_M[ds][ind])
    return rng.choice(MEASURES[ds][ind])


def expect(intent, inds, areas, pfrom=None, pto=None, comparison=None, n=None, order=None):
    return {
        "intent": intent,
        "indicators": list(inds),
        "areas": list(areas),
        "periods": {"from": pfrom, "to": pto},
        "comparison": comparison,
        "n": n,
        "order": order,
    }


def fig(ds, ind, area, period):
    v = H[ds].val(ind, area, period)
    if v is None:
        raise KeyError((ds, ind, area, period))
    return {"indicator_id": ind, "area_code": area, "period": period, "value": r6(v)}


def add(family, ds, home, turns, exp, figures=None, note="", expect_each=None, do_style=True, allow_same=False):
    if isinstance(turns, str):
        turns = [turns]
    if do_style:
        # context/politeness mostly on the opening message; later turns of a thread stay short
        turns = [style(rng, t) if i == 0 else style(rng, t, prefix_p=0.0, suffix_p=0.1) for i, t in enumerate(turns)]
    turns = [re.sub(r"s's\b", "s'", t) for t in turns]
    key = " || ".join(turns).lower()
    sig = json.dumps([family, ds, home, exp, expect_each], sort_keys=True)
    if key in SEEN or (not allow_same and family not in ("unknown", "overview") and sig in SEEN):
        return False
    SEEN.add(key)
    SEEN.add(sig)
    it = {"family": family, "dataset": ds, "home_area": home, "turns": turns, "expect": exp}
    if expect_each:
        it["expect_each"] = expect_each
    if figures:
        it["figures"] = figures
    it["note"] = note
    ITEMS.append(it)
    return True


def homes(ds):
    h = H[ds]
    if ds == "sample":
        return [SAMPLE_HOME]
    if ds == "oflog":
        out = []
        for code in sorted(h.area_name):
            if code in OFLOG_SKIP or code not in h.groups or len(h.groups[code]) < 10:
                continue
            if all(h.latest(i, code) for i in MEASURES["oflog"]):
                out.append(code)
        return out
    return sorted(h.area_name)


HOMES = {ds: homes(ds) for ds in H}


def pick_home(ds):
    return rng.choice(HOMES[ds])


def inds_for(ds, home, annual_series=False, rankable=False, min_years=1):
    """Indicators the home holds, optionally with a clean annual series / usable polarity."""
    h = H[ds]
    out = []
    for ind in MEASURES[ds]:
        ps = h.held(ind, home, annual=True)
        if annual_series and (not ps or len(ps) < min_years):
            continue
        if not h.held(ind, home, annual=False):
            continue
        if rankable and h.polarity.get(ind) not in ("higher", "lower"):
            continue
        out.append(ind)
    return out


def has_quarters(ds, ind, home):
    return any(" Q" in p for p in H[ds].held(ind, home, annual=False))


def contiguous_tail(ps, n):
    """Last n annual periods if they are consecutive years, else None."""
    if len(ps) < n:
        return None
    tail = ps[-n:]
    ys = [fy_start(p) for p in tail]
    if ys != list(range(ys[0], ys[0] + n)):
        return None
    return tail


def other_councils(ds, ind, home, k, period=None, pool=None):
    h = H[ds]
    period = period or h.latest(ind, home, annual=True)
    cands = []
    for a in pool or sorted(h.area_name):
        if a == home or (ds == "oflog" and a in OFLOG_SKIP):
            continue
        if h.val(ind, a, period) is not None:
            cands.append(a)
    if len(cands) < k:
        raise Skip(period)
    return rng.sample(cands, k), period


def grp_phrase(ds):
    return rng.choice(GROUP_PHRASES[ds])


def rank_list(ds, ind, members, period, order):
    h = H[ds]
    vals = [(a, h.val(ind, a, period)) for a in members if h.val(ind, a, period) is not None]
    pol = h.polarity[ind]
    best_first = sorted(vals, key=lambda t: t[1], reverse=(pol == "higher"))
    return best_first if order == "best" else list(reversed(best_first))


def order_for(ds, ind, word):
    """Polarity-aware: 'highest'/'lowest' become best/worst."""
    pol = H[ds].polarity[ind]
    if word in ("best", "worst"):
        return word
    if word == "highest":
        return "best" if pol == "higher" else "worst"
    return "best" if pol == "lower" else "worst"


# ====================================================================== families
def fam_value(n_each=17):
    tmpl_own_latest = [
        "what's our {m} at the moment?",
        "Can you tell me our latest figure for {m}, please?",
        "{m} - where are we now",
        "current {m}??",
        "What is our most recent {m}?",
        "could you pull our {m} figure (latest available)",
        "Latest {m} for us pls",
        "I've been asked by a resident what our {m} is. What's the most up to date number?",
        "what number do we have for {m}",
        "Where are we on {m}? Just the headline figure is fine.",
    ]
    tmpl_own_year = [
        "what was our {m} in {p}?",
        "{m} {p}",
        "Can I have the {p} figure for {m}",
        "For the annual report I need our {m} for {p}.",
        "remind me what {m} was back in {p}",
        "What did we record for {m} during {p}?",
        "our {m}, {p} please",
        "How did we do on {m} in {p}?",
    ]
    tmpl_other = [
        "what's {c}'s {m}?",
        "What was {m} in {c} for {p}?",
        "{c} {m} latest",
        "Do you have {c}'s {m} figure for {p}?",
        "What does {c} report for {m}?",
        "How about {c} - what was their {m} in {p}?",
    ]
    tmpl_q = [
        "what was {m} in {q}?",
        "{q} figure for {m}?",
        "Where did we land on {m} at {q}",
        "Give me the {q} number for {m}",
        "how did {m} look in {q}",
    ]
    for ds in ("oflog", "lgbf", "sample"):
        made = 0
        while made < n_each:
            try:
                home = pick_home(ds)
                h = H[ds]
                kind = rng.choice(
                    ["own_latest", "own_latest", "own_year", "own_year", "other"]
                    + (["quarter", "quarter"] if ds == "sample" else [])
                )
                ind = rng.choice(inds_for(ds, home))
                m = mphrase(ds, ind)
                if kind == "own_latest":
                    if ds == "sample" and has_quarters(ds, ind, home):
                        continue  # latest is ambiguous (annual vs rolling quarter) - keep to annual-only series
                    p = h.latest(ind, home)
                    ok = add(
                        "value",
                        ds,
                        home,
                        rng.choice(tmpl_own_latest).format(m=m),
                        expect("value", [ind], [home]),
                        [fig(ds, ind, home, p)],
                        f"latest held for the home: {p}",
                    )
                elif kind == "own_year":
                    ps = h.held(ind, home)
                    if not ps:
                        continue
                    p = rng.choice(ps)
                    ok = add(
                        "value",
                        ds,
                        home,
                        rng.choice(tmpl_own_year).format(m=m, p=fy_phrase(rng, p)),
                        expect("value", [ind], [home], None, p),
                        [fig(ds, ind, home, p)],
                        "",
                    )
                elif kind == "other":
                    t = rng.choice(tmpl_other)
                    if "{p}" in t:
                        ps = h.held(ind, home)
                        if not ps:
                            continue
                        p = rng.choice(ps)
                        (c,), _ = other_councils(ds, ind, home, 1, period=p)
                        ok = add(
                            "value",
                            ds,
                            home,
                            t.format(c=area_label(ds, c), m=m, p=fy_phrase(rng, p)),
                            expect("value", [ind], [c], None, p),
                            [fig(ds, ind, c, p)],
                            "another council, named",
                        )
                    else:
                        if ds == "sample":
                            (c,), p = other_councils(ds, ind, home, 1, period="2023-24")
                        else:
                            (c,), p = other_councils(ds, ind, home, 1)
                        p = h.latest(ind, c)
                        ok = add(
                            "value",
                            ds,
                            home,
                            t.format(c=area_label(ds, c), m=m),
                            expect("value", [ind], [c]),
                            [fig(ds, ind, c, p)],
                            f"latest held for {c}: {p}",
                        )
                else:
                    qs = [p for p in h.held(ind, home, annual=False) if " Q" in p]
                    if not qs:
                        continue
                    p = rng.choice(qs)
                    ok = add(
                        "value",
                        ds,
                        home,
                        rng.choice(tmpl_q).format(m=m, q=q_phrase(rng, p)),
                        expect("value", [ind], [home], None, p),
                        [fig(ds, ind, home, p)],
                        "quarterly reading",
                    )
                made += bool(ok)
            except Skip:
                continue


def fam_span(n_each=14):
    tmpl_since = [
        "How has our {m} changed {s}?",
        "What's happened to {m} {s}?",
        "has {m} gone up or down {s}",
        "{m} {s} - can you show the trend",
        "I'd like to see how we've done on {m} {s}.",
        "Members want to know how {m} has moved {s}",
        "Trend in {m} {s} please",
        "Are we better or worse on {m} {s}?",
    ]
    tmpl_range = [
        "{m} from {p1} to {p2} please",
        "Can you show me our {m} between {p1} and {p2}?",
        "Give me the {m} figures for each year from {p1} through to {p2}",
        "over the period {p1} to {p2}, how did {m} move for us",
        "{m}: {p1} vs {p2}, what's the change?",
        "How did our {m} develop between {p1} and {p2}?",
        "what did {m} do from {p1} to {p2}",
    ]
    tmpl_other = [
        "How has {c}'s {m} changed {s}?",
        "{c}: {m} from {p1} to {p2}?",
        "Show me {c}'s {m} between {p1} and {p2}",
    ]
    for ds in ("oflog", "lgbf", "sample"):
        made = 0
        while made < n_each:
            try:
                home = pick_home(ds)
                h = H[ds]
                inds = [i for i in inds_for(ds, home, annual_series=True, min_years=3)]
                ind = rng.choice(inds)
                area = home
                kind = rng.choice(["since", "since", "range", "range", "other"])
                if kind == "other":
                    (area,), _ = other_councils(ds, ind, home, 1)
                ps = h.held(ind, area)
                if len(ps) < 3:
                    continue
                m = mphrase(ds, ind)
                t = (
                    rng.choice(tmpl_other)
                    if kind == "other"
                    else rng.choice(tmpl_since if kind == "since" else tmpl_range)
                )
                if "{s}" in t:
                    if ds == "sample" and has_quarters(ds, ind, area):
                        continue  # "to the last year held" is ambiguous with rolling quarters
                    p1 = rng.choice(ps[:-2])
                    p2 = ps[-1]
                    q = t.format(m=m, s=since_phrase(rng, p1), c=area_label(ds, area) if area != home else "")
                    note = f"'since' = from {p1} to the last year held ({p2})"
                else:
                    i1 = rng.randrange(0, len(ps) - 2)
                    i2 = rng.randrange(i1 + 2, len(ps))
                    p1, p2 = ps[i1], ps[i2]
                    q = t.format(
                        m=m,
                        p1=fy_phrase(rng, p1),
                        p2=fy_phrase(rng, p2),
                        c=area_label(ds, area) if area != home else "",
                    )
                    note = "explicit span"
                ok = add(
                    "span",
                    ds,
                    home,
                    q,
                    expect("trend", [ind], [area], p1, p2),
                    [fig(ds, ind, area, p1), fig(ds, ind, area, p2)],
                    note,
                )
                made += bool(ok)
            except Skip:
                continue


def fam_trend(n_each=14):
    tmpl_open = [
        "is our {m} getting better or worse?",
        "What's the direction of travel on {m}?",
        "{m} trend?",
        "Are we improving on {m}?",
        "show me how {m} has moved over time",
        "Is {m} heading the right way?",
        "how's {m} trending for us",
        "Has {m} been improving or declining?",
        "Long-term picture for {m}, please.",
        "Is there a clear trend in our {m} or is it just noise?",
    ]
    tmpl_last = [
        "{m} over the last {k} years",
        "How has {m} moved over the past {k} years?",
        "Last {k} years of {m} please",
        "What's our {m} done in the last {k} years?",
        "Can I see the {k}-year trend for {m}?",
    ]
    tmpl_other = [
        "Has {c}'s {m} been improving?",
        "direction of travel for {c} on {m}?",
        "How has {c} been trending on {m} over the last {k} years?",
    ]
    words = {3: ["3", "three"], 4: ["4", "four"], 5: ["5", "five"]}
    for ds in ("oflog", "lgbf", "sample"):
        made = 0
        while made < n_each:
            try:
                home = pick_home(ds)
                h = H[ds]
                ind = rng.choice(inds_for(ds, home, annual_series=True, min_years=3))
                area = home
                kind = rng.choice(["open", "open", "last", "last", "other"])
                if kind == "other":
                    (area,), _ = other_councils(ds, ind, home, 1)
                if ds == "sample" and has_quarters(ds, ind, area):
                    continue
                ps = h.held(ind, area)
                m = mphrase(ds, ind)
                t = rng.choice(tmpl_other if kind == "other" else tmpl_open if kind == "open" else tmpl_last)
                c = area_label(ds, area) if area != home else ""
                if "{k}" in t:
                    k = rng.choice([3, 4, 5])
                    tail = contiguous_tail(ps, k)
                    if not tail:
                        continue
                    q = t.format(m=m, k=rng.choice(words[k]), c=c)
                    ok = add(
                        "trend",
                        ds,
                        home,
                        q,
                        expect("trend", [ind], [area], tail[0], tail[-1]),
                        [fig(ds, ind, area, tail[0]), fig(ds, ind, area, tail[-1])],
                        f"last {k} years = {tail[0]}..{tail[-1]} (consecutive years held)",
                    )
                else:
                    if len(ps) < 3:
                        continue
                    q = t.format(m=m, c=c)
                    ok = add(
                        "trend",
                        ds,
                        home,
                        q,
                        expect("trend", [ind], [area]),
                        [fig(ds, ind, area, ps[-1])],
                        f"no period named: whole series, periods null; answer must state the latest ({ps[-1]})",
                    )
                made += bool(ok)
            except Skip:
                continue


def fam_compare(n_each=16):
    tmpl_named1 = [
        "how do we compare with {c1} on {m}?",
        "Are we better than {c1} for {m}?",
        "{m}: us vs {c1}",
        "How does our {m} stack up against {c1}'s?",
        "us or {c1} - who's doing better on {m}?",
    ]
    tmpl_named2 = [
        "Compare our {m} with {c1} and {c2}",
        "{m} - how do we look next to {c1} and {c2}?",
        "Can you benchmark our {m} against {c1}, {c2} and {c3}?",
        "Put our {m} side by side with {c1}, {c2} and {c3} please",
    ]
    tmpl_pair = ["{c1} vs {c2} on {m}", "Who does better on {m}, {c1} or {c2}?", "compare {c1} and {c2} for {m}"]
    tmpl_group = [
        "how do we compare with {g} on {m}?",
        "Is our {m} better or worse than {g}?",
        "{m} against {g} - where do we sit?",
        "How do we benchmark against {g} for {m}?",
        "Are we an outlier on {m} compared with {g}?",
        "Compared to {g}, how's our {m} looking?",
    ]
    tmpl_nat = [
        "is our {m} above or below {n}?",
        "How does our {m} compare with {n}?",
        "{m} vs {n}?",
        "Are we out of line with {n} on {m}?",
    ]
    tmpl_year = [
        "In {p}, how did our {m} compare with {g}?",
        "{p}: our {m} versus {g}",
        "Back in {p}, were we ahead of {c1} on {m}?",
    ]
    for ds in ("oflog", "lgbf", "sample"):
        made = 0
        while made < n_each:
            try:
                home = pick_home(ds)
                h = H[ds]
                ind = rng.choice(inds_for(ds, home))
                m = mphrase(ds, ind)
                kinds = ["named1", "named2", "pair", "group", "group", "year"] + (
                    ["nat", "nat"] if ds != "sample" else []
                )
                kind = rng.choice(kinds)
                base = "2023-24" if ds == "sample" else None
                if kind in ("named1", "named2", "pair"):
                    k = 1 if kind == "named1" else 2
                    t = rng.choice({"named1": tmpl_named1, "named2": tmpl_named2, "pair": tmpl_pair}[kind])
                    if "{c3}" in t:
                        k = 3
                    cs, p = other_councils(ds, ind, home, k, period=base)
                    areas = cs if kind == "pair" else [home] + cs
                    lat = {h.latest(ind, a) for a in areas}
                    lp = next(iter(lat))
                    figs = [fig(ds, ind, a, lp) for a in areas] if (len(lat) == 1 and lp) else None
                    if ds == "sample" and any(has_quarters(ds, ind, a) for a in areas):
                        figs = None
                    labels = {f"c{i + 1}": area_label(ds, c) for i, c in enumerate(cs)}
                    ok = add(
                        "compare",
                        ds,
                        home,
                        t.format(m=m, **labels),
                        expect("compare", [ind], areas, comparison="area"),
                        figs,
                        "named councils, home first when 'we/our'; latest",
                    )
                elif kind == "group":
                    p = h.latest(ind, home, annual=(ds == "sample"))
                    figs = None if (ds == "sample" and has_quarters(ds, ind, home)) else [fig(ds, ind, home, p)]
                    ok = add(
                        "compare",
                        ds,
                        home,
                        rng.choice(tmpl_group).format(m=m, g=grp_phrase(ds)),
                        expect("compare", [ind], [home, "neighbours"], comparison="neighbours"),
                        figs,
                        "vs comparator group; only the home's own latest value is pinned",
                    )
                elif kind == "nat":
                    p = h.latest(ind, home)
                    ok = add(
                        "compare",
                        ds,
                        home,
                        rng.choice(tmpl_nat).format(m=m, n=rng.choice(NATION_PHRASES[ds])),
                        expect("compare", [ind], [home, NATION[ds]], comparison="national"),
                        [fig(ds, ind, home, p)],
                        "vs national",
                    )
                else:
                    ps = h.held(ind, home)
                    if len(ps) < 2:
                        continue
                    p = rng.choice(ps[:-1])
                    t = rng.choice(tmpl_year)
                    if "{c1}" in t:
                        (c1,), _ = other_councils(ds, ind, home, 1, period=p)
                        ok = add(
                            "compare",
                            ds,
                            home,
                            t.format(m=m, p=fy_phrase(rng, p), c1=area_label(ds, c1)),
                            expect("compare", [ind], [home, c1], None, p, comparison="area"),
                            [fig(ds, ind, home, p), fig(ds, ind, c1, p)],
                            "named council at a past year",
                        )
                    else:
                        ok = add(
                            "compare",
                            ds,
                            home,
                            t.format(m=m, p=fy_phrase(rng, p), g=grp_phrase(ds)),
                            expect("compare", [ind], [home, "neighbours"], None, p, comparison="neighbours"),
                            [fig(ds, ind, home, p)],
                            "vs group at a past year",
                        )
                made += bool(ok)
            except Skip:
                continue


def fam_rank(n_each=16):
    tmpl_topn = [
        "top {n} councils {nat} for {m}",
        "Which {n} councils have the {hl} {m} {nat}?",
        "Show me the best {n} {nat} on {m}",
        "bottom {n} {nat} for {m}?",
        "Who are the worst {n} performers {nat} on {m}?",
        "Give me the {n} councils with the {hl} {m} {nat}",
    ]
    tmpl_one = [
        "Which council is best for {m}?",
        "who has the {hl} {m} {nat}?",
        "Which council does worst on {m} {nat}?",
        "who's top {nat} for {m}",
        "Best performing council {nat} on {m}?",
    ]
    tmpl_grp = [
        "top {n} in {g} for {m}",
        "bottom {n} among {g} on {m}",
        "Which of {g} has the {hl} {m}?",
        "who's worst for {m} in {g}?",
        "Best {n} of {g} on {m} please",
        "Who leads {g} on {m}?",
    ]
    tmpl_full = [
        "full league table for {g} on {m}",
        "Rank all of {g} on {m}",
        "Can I have {g} ranked on {m}, best to worst?",
    ]
    tmpl_where = [
        "where do we rank {nat} on {m}?",
        "Where do we sit in {g} for {m}?",
        "what's our ranking {nat} for {m}",
        "Where do we come in {g} on {m}?",
    ]
    tmpl_year = ["top {n} {nat} for {m} in {p}", "Which council was best {nat} on {m} in {p}?"]
    numw = {1: "1", 3: rng.choice(["3", "three"]), 5: rng.choice(["5", "five"]), 10: "10"}
    for ds in ("oflog", "lgbf", "sample"):
        made = 0
        while made < n_each:
            try:
                home = pick_home(ds)
                h = H[ds]
                ind = rng.choice(inds_for(ds, home, rankable=True))
                m = mphrase(ds, ind)
                kinds = ["grp", "grp", "full", "where"] + (
                    ["topn", "topn", "one", "year"] if ds != "sample" else ["one"]
                )
                kind = rng.choice(kinds)
                members_grp = H[ds].group_members(ind, home)
                if kind in ("topn", "one", "year"):
                    t = rng.choice({"topn": tmpl_topn, "one": tmpl_one, "year": tmpl_year}[kind])
                    if ds == "sample":
                        areas, members = ["neighbours"], members_grp
                        nat = rng.choice(["among our neighbours", "in our comparator group"])
                    else:
                        areas, members = [NATION[ds]], h.national_members(ind)
                        nat = rng.choice(NATION_RANK[ds])
                    n = 1 if kind == "one" or "Which council was best" in t else rng.choice([3, 5, 10])
                    if "bottom" in t or "worst" in t:
                        word = "worst"
                    elif "{hl}" in t:
                        word = rng.choice(["highest", "lowest"])
                    else:
                        word = "best"
                    order = order_for(ds, ind, word)
                    if kind == "year":
                        ps = [
                            p
                            for p in sorted({p for a in members for p in h.held(ind, a)}, key=period_key)
                            if period_key(p) < period_key(h.rank_period(ind, members))
                        ]
                        p = rng.choice(ps[-4:])
                        pfrom, pto = None, p
                    else:
                        p = h.rank_period(ind, members)
                        pfrom, pto = None, None
                    q = t.format(n=numw[n] if n != 1 else "", m=m, nat=nat, hl=word, p=fy_phrase(rng, p))
                elif kind in ("grp", "full"):
                    areas, members = ["neighbours"], members_grp
                    p = h.rank_period(ind, members)
                    pfrom, pto = None, None
                    t = rng.choice(tmpl_grp if kind == "grp" else tmpl_full)
                    if kind == "full":
                        n, order = len(members), "best"
                    else:
                        n = 1 if "{n}" not in t else rng.choice([3, 5])
                        word = (
                            "worst"
                            if ("bottom" in t or "worst" in t)
                            else rng.choice(["highest", "lowest"])
                            if "{hl}" in t
                            else "best"
                        )
                        order = order_for(ds, ind, word)
                    q = t.format(n=numw.get(n, str(n)), m=m, g=grp_phrase(ds), hl=word if kind == "grp" else "")
                else:  # where do we rank
                    t = rng.choice(tmpl_where)
                    if "{g}" in t or ds == "sample":
                        areas, members = [home, "neighbours"], members_grp
                        if "{nat}" in t:
                            t = "where do we rank among our neighbours on {m}?"
                    else:
                        areas, members = [home, NATION[ds]], h.national_members(ind)
                    p = h.rank_period(ind, members)
                    if h.val(ind, home, p) is None:
                        continue
                    q = t.format(m=m, g=grp_phrase(ds), nat=rng.choice(NATION_RANK[ds]) if ds != "sample" else "")
                    ok = add(
                        "rank",
                        ds,
                        home,
                        q,
                        expect("rank", [ind], areas, comparison="ranking", n=None, order="best"),
                        [fig(ds, ind, home, p)],
                        f"position of the home in the group; no list size asked (n null, order best); period {p}",
                    )
                    made += bool(ok)
                    continue
                lst = rank_list(ds, ind, members, p, order)
                if len(lst) < n:
                    continue
                figs = [fig(ds, ind, a, p) for a, _ in lst[:n]]
                if len(lst) > n and lst[n - 1][1] == lst[n][1]:
                    figs = None  # tie at the cut-off: which councils are listed is not certain
                note = f"ranked at {p}; polarity {h.polarity[ind]}; {len(lst)} councils with a value"
                ok = add("rank", ds, home, q, expect("rank", [ind], areas, pfrom, pto, "ranking", n, order), figs, note)
                made += bool(ok)
            except Skip:
                continue


SAMPLE_SERVICES = {
    "waste": (
        ["waste and recycling", "bins and recycling", "waste services", "waste collection & recycling"],
        [
            "household_recycling_rate",
            "missed_bins_per_100k",
            "residual_waste_per_household",
            "waste_collection_cost_per_household",
        ],
    ),
    "planning": (
        ["planning", "development management", "planning performance"],
        ["planning_major_in_time", "planning_minor_in_time"],
    ),
    "homeless": (
        ["homelessness", "housing options and homelessness"],
        ["homelessness_prevention_rate", "temporary_accommodation_per_1000"],
    ),
    "revenues": (
        ["revenues", "council tax and business rates collection", "income collection"],
        ["business_rates_collection", "council_tax_collection"],
    ),
    "complaints": (["complaints handling", "complaints"], ["complaints_in_time", "stage2_complaints_upheld"]),
    "workforce": (["HR and workforce", "workforce", "staffing"], ["sickness_absence_days", "staff_turnover"]),
    "all": (["ALL"], sorted(MEASURES["sample"])),
}
LGBF_SERVICES = {
    "Adult Social Care Services": ["adult social care", "adult social work", "social care for adults"],
    "Children's Services": [
        "children's services",
        "education and children's services",
        "schools and children's services",
    ],
    "Environmental Services": ["environmental services", "environment services (bins, streets, roads)"],
    "Culture & Leisure Services": ["culture and leisure", "leisure and culture services"],
    "Housing Services": ["housing", "council housing services"],
    "Corporate Services": ["corporate services", "back-office and corporate services"],
    "Economic Development": ["economic development", "local economy"],
    "Financial Sustainability": ["financial sustainability", "financial resilience"],
    "Tackling Climate Change": ["climate change", "tackling climate change", "carbon emissions"],
}
OFLOG_SERVICE = ["adult social care", "ASC", "adult services", "social care for adults", "adult social care outcomes"]


def overview_inds(ds, home, service):
    h = H[ds]
    if ds == "oflog":
        allc = sorted(h.ind_name)
    elif ds == "lgbf":
        allc = sorted(c for c, cat in h.category.items() if cat == service)
    else:
        allc = SAMPLE_SERVICES[service][1]
    return sorted(c for c in allc if h.held(c, home, annual=False))


def fam_overview():
    tmpl = [
        "How are we doing on {s}?",
        "Give me an overview of our {s} performance",
        "are we getting worse on {s}?",
        "Headline picture for {s} please - it's on the agenda next week",
        "Summary of all our {s} indicators",
        "Anything in {s} I should be worried about?",
        "What's the overall story on {s}?",
        "Chair wants a feel for {s}: how's it looking across the board?",
        "{s} - overall performance?",
        "How's {s} performing generally?",
        "Can I get a round-up of the {s} measures?",
        "Is {s} improving overall or going backwards?",
    ]
    tmpl_all = [
        "How are we doing across the board?",
        "Give me the overall performance picture across all our indicators",
        "Whole-council scorecard please - how are we doing?",
        "are we getting worse overall?",
        "Which of our KPIs are going the wrong way?",
    ]
    plan = (
        [("oflog", None)] * 12
        + [("lgbf", c) for c in LGBF_SERVICES for _ in range(2)]
        + [("sample", s) for s in SAMPLE_SERVICES for _ in range(2)]
    )
    for ds, svc in plan:
        for _ in range(20):
            home = pick_home(ds)
            inds = overview_inds(ds, home, svc)
            if len(inds) < 2:
                continue
            if ds == "oflog":
                s = rng.choice(OFLOG_SERVICE)
            elif ds == "lgbf":
                s = rng.choice(LGBF_SERVICES[svc])
            else:
                s = rng.choice(SAMPLE_SERVICES[svc][0])
            t = rng.choice(tmpl_all) if s == "ALL" else rng.choice(tmpl).format(s=s)
            if add(
                "overview",
                ds,
                home,
                t,
                expect("overview", inds, [home]),
                None,
                f"service = {svc or 'all ASC measures'}; every indicator of it the council holds",
            ):
                break


def fam_target():
    h = H["sample"]
    home = SAMPLE_HOME
    tmpl_latest = [
        "Are we hitting our {m} target?",
        "How far off target are we on {m}?",
        "RAG for {m} please",
        "what's the target for {m} and are we meeting it?",
        "{m} - on target or not?",
        "Is {m} green, amber or red at the moment?",
        "are we on track against target for {m}",
    ]
    tmpl_year = [
        "did we meet the {m} target in {p}?",
        "{m} vs target {p}",
        "Were we above or below target on {m} in {p}?",
        "By how much did we miss/beat the {m} target in {p}?",
        "Target position for {m}, {p}?",
    ]
    tmpl_q = ["Is {m} on target for {q}?", "{q}: {m} against target?", "how did {m} do against its target in {q}"]
    made = 0
    inds = sorted(MEASURES["sample"])
    while made < 32:
        ind = rng.choice(inds)
        m = mphrase("sample", ind)
        kind = rng.choice(["latest", "year", "year", "quarter"])
        if kind == "latest":
            if has_quarters("sample", ind, home):
                ok = add(
                    "target",
                    "sample",
                    home,
                    rng.choice(tmpl_latest).format(m=m),
                    expect("target", [ind], [home]),
                    None,
                    "latest reading for this measure is a rolling quarter; figures left out (annual vs quarter)",
                )
            else:
                p = h.latest(ind, home)
                ok = add(
                    "target",
                    "sample",
                    home,
                    rng.choice(tmpl_latest).format(m=m),
                    expect("target", [ind], [home]),
                    [fig("sample", ind, home, p)],
                    f"latest {p}; target {h.targets[(ind, home, p)]}",
                )
        elif kind == "year":
            p = rng.choice(h.held(ind, home))
            ok = add(
                "target",
                "sample",
                home,
                rng.choice(tmpl_year).format(m=m, p=fy_phrase(rng, p)),
                expect("target", [ind], [home], None, p),
                [fig("sample", ind, home, p)],
                f"target {h.targets[(ind, home, p)]}",
            )
        else:
            qs = [p for p in h.held(ind, home, annual=False) if " Q" in p]
            if not qs:
                continue
            p = rng.choice(qs)
            ok = add(
                "target",
                "sample",
                home,
                rng.choice(tmpl_q).format(m=m, q=q_phrase(rng, p)),
                expect("target", [ind], [home], None, p),
                [fig("sample", ind, home, p)],
                f"target {h.targets[(ind, home, p)]}",
            )
        made += bool(ok)
    # longer-term targets from the metadata (2026-27)
    add(
        "target",
        "sample",
        home,
        "Will we get to the 50% recycling target by 2026/27 at this rate?",
        expect("target", ["household_recycling_rate"], [home]),
        None,
        "long-range target in the indicator metadata (50.0 for 2026-27); reading = latest; no figure pinned",
        allow_same=True,
    )
    add(
        "target",
        "sample",
        home,
        "are we on course for the TA target (1.5 per 1000) set for 2026-27?",
        expect("target", ["temporary_accommodation_per_1000"], [home]),
        None,
        "long-range target in the indicator metadata; reading = latest",
        allow_same=True,
    )
    # data homes without targets: still a target question, the answer must say no target is held
    for ds, ind, q in [
        ("oflog", "ASC5", "Are we meeting our target on short-term services outcomes?"),
        ("lgbf", "CORP07", "Did we hit our council tax collection target?"),
        ("lgbf", "SW08", "what's our target for delayed discharge days (75+) and are we on it?"),
        ("oflog", "ASC7", "Is care workforce turnover on target?"),
    ]:
        home2 = pick_home(ds)
        add(
            "target",
            ds,
            home2,
            q,
            expect("target", [ind], [home2]),
            None,
            "no targets are held in this dataset: read as a target question; the answer should say no target is held",
            allow_same=True,
        )


def fam_names(n_each=14):
    tmpl_val = ["{c} {m}?", "what's {c}'s {m}", "{m} for {c} pls", "How is {c} doing on {m}?"]
    tmpl_cmp = ["us vs {c} on {m}", "how do we compare to {c} for {m}?", "are we doing better than {c} on {m}"]
    tmpl_own = ["what's our {m} like", "{m} - latest for us?", "how are we on {m}"]
    for ds in ("oflog", "lgbf", "sample"):
        table = {"oflog": OFLOG_ALIASES, "lgbf": LGBF_ALIASES, "sample": SAMPLE_ALIASES}[ds]
        h = H[ds]
        alias_codes = [c for c, nm in h.area_name.items() if nm in table and not (ds == "oflog" and c in OFLOG_SKIP)]
        made = 0
        while made < n_each:
            try:
                home = pick_home(ds)
                kind = rng.choice(["val", "cmp", "own"] if NICK_M[ds] else ["val", "cmp"])
                if kind == "own":
                    ind = rng.choice([i for i in NICK_M[ds] if h.held(i, home, annual=False)])
                    if ds == "sample" and has_quarters(ds, ind, home):
                        continue
                    p = h.latest(ind, home)
                    ok = add(
                        "names",
                        ds,
                        home,
                        rng.choice(tmpl_own).format(m=mphrase(ds, ind, nick=True)),
                        expect("value", [ind], [home]),
                        [fig(ds, ind, home, p)],
                        "measure nickname/paraphrase",
                    )
                    made += bool(ok)
                    continue
                c = rng.choice([a for a in alias_codes if a != home])
                pool = [
                    i
                    for i in MEASURES[ds]
                    if h.held(i, c, annual=False) and (kind == "val" or h.held(i, home, annual=False))
                ]
                ind = rng.choice(pool)
                nick = rng.random() < 0.5
                m = mphrase(ds, ind, nick=nick)
                lab = area_label(ds, c, alias=True)
                if kind == "val":
                    if ds == "sample" and has_quarters(ds, ind, c):
                        continue
                    p = h.latest(ind, c)
                    ok = add(
                        "names",
                        ds,
                        home,
                        rng.choice(tmpl_val).format(c=lab, m=m),
                        expect("value", [ind], [c]),
                        [fig(ds, ind, c, p)],
                        f"'{lab}' = {h.area_name[c]}",
                    )
                else:
                    lat = {h.latest(ind, home), h.latest(ind, c)}
                    figs = (
                        [fig(ds, ind, home, lat.copy().pop()), fig(ds, ind, c, lat.copy().pop())]
                        if len(lat) == 1
                        else None
                    )
                    if ds == "sample" and has_quarters(ds, ind, home):
                        figs = None
                    ok = add(
                        "names",
                        ds,
                        home,
                        rng.choice(tmpl_cmp).format(c=lab, m=m),
                        expect("compare", [ind], [home, c], comparison="area"),
                        figs,
                        f"'{lab}' = {h.area_name[c]}",
                    )
                made += bool(ok)
            except Skip:
                continue


def fam_followup(n_total=42):
    made = 0
    kinds = ["F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12", "F13", "F14"]
    attempts = 0
    while made < n_total and attempts < 2000:
        attempts += 1
        kind = kinds[made % len(kinds)] if attempts < 600 else rng.choice(kinds)
        ds = ["oflog", "lgbf", "sample"][(made + attempts // 7) % 3]
        if kind == "F10":
            ds = "sample"
        if kind == "F13" and ds == "sample":
            ds = rng.choice(["oflog", "lgbf"])
        if kind in ("F3",) and ds == "sample":
            continue
        home = pick_home(ds)
        h = H[ds]
        g = grp_phrase(ds)
        res = None
        try:
            res = FOLLOW[kind](ds, home, h, g)
        except (IndexError, KeyError, ValueError, Skip):
            res = None
        if not res:
            continue
        turns, each, figs, note = res
        ok = add("followup", ds, home, turns, each[-1], figs, note, expect_each=each)
        made += bool(ok)


def _annual_ind(ds, home, h, min_years=3, rankable=False):
    inds = [
        i
        for i in inds_for(ds, home, annual_series=True, min_years=min_years, rankable=rankable)
        if not (ds == "sample" and has_quarters(ds, i, home))
    ]
    return rng.choice(inds)


def f1(ds, home, h, g):  # value -> vs group -> since
    ind = _annual_ind(ds, home, h, 4)
    ps = h.held(ind, home)
    p1 = rng.choice(ps[:-2])
    m = mphrase(ds, ind)
    t = [
        rng.choice([f"what's our {m}?", f"Latest {m} for us?", f"{m} - current figure?"]),
        rng.choice([f"how does that compare with {g}?", f"and against {g}?", f"is that good compared to {g}?"]),
        rng.choice(
            [f"and how has ours moved {since_phrase(rng, p1)}?", f"ok - and our trend {since_phrase(rng, p1)}?"]
        ),
    ]
    each = [
        expect("value", [ind], [home]),
        expect("compare", [ind], [home, "neighbours"], comparison="neighbours"),
        expect("trend", [ind], [home], p1, ps[-1]),
    ]
    return t, each, [fig(ds, ind, home, p1), fig(ds, ind, home, ps[-1])], "value -> vs group -> since (carry measure)"


def f2(ds, home, h, g):  # other council -> and ours?
    ind = _annual_ind(ds, home, h, 1)
    (c,), _ = other_councils(ds, ind, home, 1, period=h.latest(ind, home))
    if h.latest(ind, c) != h.latest(ind, home):
        return None
    m = mphrase(ds, ind)
    t = [
        rng.choice([f"what's {area_label(ds, c)}'s {m}?", f"{m} in {area_label(ds, c)}?"]),
        rng.choice(["and ours?", "what about us?", "and for us?", "how about our figure"]),
    ]
    each = [expect("value", [ind], [c]), expect("value", [ind], [home])]
    return t, each, [fig(ds, ind, home, h.latest(ind, home))], "switch to home"


def f3(ds, home, h, g):  # national top 5 -> same for family group
    ind = _annual_ind(ds, home, h, 1, rankable=True)
    m = mphrase(ds, ind)
    n = rng.choice([3, 5])
    members = h.group_members(ind, home)
    p = h.rank_period(ind, members)
    lst = rank_list(ds, ind, members, p, "best")
    t = [
        rng.choice(
            [
                f"top {n} {rng.choice(NATION_RANK[ds])} for {m}?",
                f"Which {n} councils are best {rng.choice(NATION_RANK[ds])} on {m}?",
            ]
        ),
        rng.choice([f"same for {g}", f"now just {g}", f"and within {g}?"]),
    ]
    each = [
        expect("rank", [ind], [NATION[ds]], comparison="ranking", n=n, order="best"),
        expect("rank", [ind], ["neighbours"], comparison="ranking", n=n, order="best"),
    ]
    figs = [fig(ds, ind, a, p) for a, _ in lst[:n]] if lst[n - 1][1] != lst[n][1] else None
    return t, each, figs, f"carry n/order to the group; period {p}"


def f4(ds, home, h, g):  # measure switch
    inds = [i for i in inds_for(ds, home) if not (ds == "sample" and has_quarters(ds, i, home))]
    a, b = rng.sample(inds, 2)
    t = [
        rng.choice([f"what's our {mphrase(ds, a)}?", f"{mphrase(ds, a)} latest?"]),
        rng.choice([f"what about {mphrase(ds, b)}?", f"and {mphrase(ds, b)}?", f"ok, now {mphrase(ds, b)} please"]),
    ]
    each = [expect("value", [a], [home]), expect("value", [b], [home])]
    return t, each, [fig(ds, b, home, h.latest(b, home))], "switch measure, keep council"


def f5(ds, home, h, g):  # compare c1 -> c2 instead
    ind = _annual_ind(ds, home, h, 1)
    base = "2023-24" if ds == "sample" else None
    (c1, c2), _ = other_councils(ds, ind, home, 2, period=base)
    t = [
        rng.choice(
            [
                f"how do we compare with {area_label(ds, c1)} on {mphrase(ds, ind)}?",
                f"{mphrase(ds, ind)}: us vs {area_label(ds, c1)}",
            ]
        ),
        rng.choice(
            [f"what about {area_label(ds, c2)} instead?", f"and {area_label(ds, c2)}?", f"try {area_label(ds, c2)}"]
        ),
    ]
    each = [
        expect("compare", [ind], [home, c1], comparison="area"),
        expect("compare", [ind], [home, c2], comparison="area"),
    ]
    lat = {h.latest(ind, home), h.latest(ind, c2)}
    figs = [fig(ds, ind, home, list(lat)[0]), fig(ds, ind, c2, list(lat)[0])] if len(lat) == 1 else None
    return t, each, figs, "replace the compared council"


def f6(ds, home, h, g):  # own trend -> other council trend
    ind = _annual_ind(ds, home, h, 3)
    (c,), _ = other_councils(ds, ind, home, 1)
    if len(h.held(ind, c)) < 3 or (ds == "sample" and has_quarters(ds, ind, c)):
        return None
    t = [
        rng.choice([f"is our {mphrase(ds, ind)} improving?", f"direction of travel on {mphrase(ds, ind)}?"]),
        rng.choice(
            [f"and for {area_label(ds, c)}?", f"what about {area_label(ds, c)}?", f"same for {area_label(ds, c)} pls"]
        ),
    ]
    each = [expect("trend", [ind], [home]), expect("trend", [ind], [c])]
    return t, each, [fig(ds, ind, c, h.latest(ind, c))], "switch council on a trend"


def f7(ds, home, h, g):  # latest -> specific year
    ind = _annual_ind(ds, home, h, 3)
    p = rng.choice(h.held(ind, home)[:-1])
    t = [
        rng.choice([f"what's our {mphrase(ds, ind)}?", f"current {mphrase(ds, ind)}?"]),
        rng.choice(
            [
                f"what was it in {fy_phrase(rng, p)}?",
                f"and back in {fy_phrase(rng, p)}?",
                f"how about {fy_phrase(rng, p)}",
            ]
        ),
    ]
    each = [expect("value", [ind], [home]), expect("value", [ind], [home], None, p)]
    return t, each, [fig(ds, ind, home, p)], "switch period"


def f8(ds, home, h, g):  # top 3 -> bottom 3 (group)
    ind = _annual_ind(ds, home, h, 1, rankable=True)
    members = h.group_members(ind, home)
    p = h.rank_period(ind, members)
    if ds == "sample":
        areas, grp = ["neighbours"], g
    else:
        areas = rng.choice([["neighbours"], [NATION[ds]]])
        if areas == [NATION[ds]]:
            members = h.national_members(ind)
            p = h.rank_period(ind, members)
        grp = g if areas == ["neighbours"] else rng.choice(NATION_RANK[ds])
    lst = rank_list(ds, ind, members, p, "worst")
    t = [
        rng.choice(
            [
                f"top 3 {'in ' + grp if areas == ['neighbours'] else grp} for {mphrase(ds, ind)}",
                f"who are the best three {'in ' + grp if areas == ['neighbours'] else grp} on {mphrase(ds, ind)}?",
            ]
        ),
        rng.choice(["and the bottom 3?", "and the worst three?", "now the bottom three pls"]),
    ]
    each = [
        expect("rank", [ind], areas, comparison="ranking", n=3, order="best"),
        expect("rank", [ind], areas, comparison="ranking", n=3, order="worst"),
    ]
    figs = [fig(ds, ind, a, p) for a, _ in lst[:3]] if lst[2][1] != lst[3][1] else None
    return t, each, figs, f"flip order; period {p}"


def f9(ds, home, h, g):  # overview -> drill into one measure trend
    if ds == "oflog":
        svc, s = None, rng.choice(OFLOG_SERVICE)
    elif ds == "lgbf":
        svc = rng.choice(
            ["Adult Social Care Services", "Environmental Services", "Children's Services", "Corporate Services"]
        )
        s = rng.choice(LGBF_SERVICES[svc])
    else:
        svc = rng.choice(["waste", "planning", "homeless", "revenues"])
        s = rng.choice(SAMPLE_SERVICES[svc][0])
    inds = overview_inds(ds, home, svc)
    pick = [i for i in inds if i in MEASURES[ds] and len(h.held(i, home)) >= 3]
    if not pick:
        return None
    ind = rng.choice(pick)
    t = [
        rng.choice([f"how are we doing on {s}?", f"overview of {s} please"]),
        rng.choice(
            [
                f"ok, drill into {mphrase(ds, ind)} - what's the trend?",
                f"tell me more about the {mphrase(ds, ind)} one, how has it moved over time?",
            ]
        ),
    ]
    each = [expect("overview", inds, [home]), expect("trend", [ind], [home])]
    figs = None if (ds == "sample" and has_quarters(ds, ind, home)) else [fig(ds, ind, home, h.latest(ind, home))]
    return t, each, figs, "overview then a single measure's trend (periods null)"


def f10(ds, home, h, g):  # target -> another year
    ind = rng.choice(sorted(MEASURES["sample"]))
    ps = h.held(ind, home)
    p = rng.choice(ps[:-1])
    m = mphrase("sample", ind)
    t = [
        rng.choice([f"are we hitting the {m} target?", f"{m} against target?"]),
        rng.choice([f"and in {fy_phrase(rng, p)}?", f"what about {fy_phrase(rng, p)}?"]),
    ]
    each = [expect("target", [ind], [home]), expect("target", [ind], [home], None, p)]
    return t, each, [fig("sample", ind, home, p)], f"target carried to {p}"


def f11(ds, home, h, g):  # home at year -> other council at same year
    ind = _annual_ind(ds, home, h, 2)
    p = rng.choice(h.held(ind, home))
    (c,), _ = other_councils(ds, ind, home, 1, period=p)
    t = [
        rng.choice(
            [
                f"our {mphrase(ds, ind)} in {fy_phrase(rng, p)}?",
                f"What was {mphrase(ds, ind)} for us in {fy_phrase(rng, p)}?",
            ]
        ),
        rng.choice(
            [f"and {area_label(ds, c)}?", f"same year, {area_label(ds, c)}?", f"what about {area_label(ds, c)}"]
        ),
    ]
    each = [expect("value", [ind], [home], None, p), expect("value", [ind], [c], None, p)]
    return t, each, [fig(ds, ind, c, p)], "switch council, carry the year"


def f12(ds, home, h, g):  # value -> vs group -> where do we rank -> who's top
    ind = _annual_ind(ds, home, h, 1, rankable=True)
    members = h.group_members(ind, home)
    p = h.rank_period(ind, members)
    if h.latest(ind, home) != p:
        return None
    lst = rank_list(ds, ind, members, p, "best")
    m = mphrase(ds, ind)
    t = [
        rng.choice([f"what's our {m}?", f"{m}, latest?"]),
        rng.choice([f"how does that compare with {g}?", f"vs {g}?"]),
        rng.choice(["where do we rank in that group?", "so what's our position in the group?"]),
        rng.choice(["who's top?", "and who's best in the group?", "which of them is best?"]),
    ]
    each = [
        expect("value", [ind], [home]),
        expect("compare", [ind], [home, "neighbours"], comparison="neighbours"),
        expect("rank", [ind], [home, "neighbours"], comparison="ranking", n=None, order="best"),
        expect("rank", [ind], ["neighbours"], comparison="ranking", n=1, order="best"),
    ]
    figs = [fig(ds, ind, lst[0][0], p)] if lst[0][1] != lst[1][1] else None
    return t, each, figs, f"four turns in one group; period {p}"


def f13(ds, home, h, g):  # vs national -> vs group
    ind = _annual_ind(ds, home, h, 1)
    m = mphrase(ds, ind)
    t = [
        rng.choice(
            [
                f"how does our {m} compare with {rng.choice(NATION_PHRASES[ds])}?",
                f"{m} vs {rng.choice(NATION_PHRASES[ds])}?",
            ]
        ),
        rng.choice([f"and vs {g}?", f"same for {g}", f"what about against {g}?"]),
    ]
    each = [
        expect("compare", [ind], [home, NATION[ds]], comparison="national"),
        expect("compare", [ind], [home, "neighbours"], comparison="neighbours"),
    ]
    return t, each, [fig(ds, ind, home, h.latest(ind, home))], "switch comparator"


def f14(ds, home, h, g):  # value -> polite switch to named council
    ind = _annual_ind(ds, home, h, 1)
    (c,), _ = other_councils(ds, ind, home, 1, period=h.latest(ind, home))
    m = mphrase(ds, ind)
    t = [
        rng.choice([f"can you give me our {m}", f"{m} for us please"]),
        rng.choice(
            [
                f"thanks! and what about {area_label(ds, c)}'s?",
                f"great, cheers. {area_label(ds, c)}?",
                f"lovely - could you do {area_label(ds, c)} as well?",
            ]
        ),
    ]
    each = [expect("value", [ind], [home]), expect("value", [ind], [c])]
    return t, each, [fig(ds, ind, c, h.latest(ind, c))], "switch council after thanks"


FOLLOW = {
    "F1": f1,
    "F2": f2,
    "F3": f3,
    "F4": f4,
    "F5": f5,
    "F6": f6,
    "F7": f7,
    "F8": f8,
    "F9": f9,
    "F10": f10,
    "F11": f11,
    "F12": f12,
    "F13": f13,
    "F14": f14,
}


def fam_unknown():
    def u(ds, q, note):
        home = pick_home(ds)
        add("unknown", ds, home, q, expect("unknown", [], []), None, note, allow_same=True)

    # councils not held
    for ds, q, note in [
        ("oflog", "What's Cardiff's carer quality of life score?", "Welsh council - not held"),
        ("oflog", "How does Swansea compare with us on short-term services outcomes?", "Welsh council - not held"),
        ("oflog", "care workforce turnover in Belfast?", "Northern Ireland - not held"),
        (
            "oflog",
            "What's Maidstone's quality of life score for people using social care?",
            "English district - no ASC data",
        ),
        ("oflog", "how does Cheltenham do on reablement", "English district - not held"),
        ("oflog", "Borsetshire's ASC7 please", "made-up council"),
        ("oflog", "Compare us with Midsomer on carer quality of life", "made-up council"),
        ("oflog", "What's Glasgow's adult social care workforce turnover?", "Scottish council holds no Oflog ASC data"),
        ("oflog", "ease of finding information for service users in Gwynedd?", "Welsh council"),
        ("lgbf", "Cardiff recycling rate?", "Welsh council - not held (candidate ENV06)"),
        ("lgbf", "What's Gwynedd's cost per primary pupil?", "Welsh council"),
        ("lgbf", "Belfast City Council's council tax collection rate?", "NI council"),
        ("lgbf", "How do we compare with Newcastle on household recycling?", "English council holds no LGBF data"),
        ("lgbf", "Glenbogle council rent arrears", "made-up council"),
        ("lgbf", "What's Balamory's street cleanliness score?", "made-up council"),
        ("lgbf", "Derry and Strabane - delayed discharge days?", "NI council"),
        ("sample", "How does Southbridge compare on recycling?", "made-up council (not in the sample pack)"),
        ("sample", "What's Leeds' recycling rate?", "not in the sample home"),
        ("sample", "Fife's council tax collection rate?", "Scottish council - not in the sample home"),
        ("sample", "missed bins in Wrexham?", "Welsh council"),
    ]:
        u(ds, q, note)
    # measures not held
    for ds, q, note in [
        ("oflog", "How many potholes did we fix in 2022-23?", "measure not held"),
        ("oflog", "What are A&E waiting times like in our area?", "measure not held (NHS)"),
        ("oflog", "what's our vacancy rate in children's social work?", "measure not held"),
        ("oflog", "What's our recycling rate?", "English council: recycling is LGBF-only, not held for this council"),
        (
            "oflog",
            "How are we doing on delayed discharges for over-75s?",
            "LGBF (Scottish) measure - not held for an English council",
        ),
        ("oflog", "cost per primary school pupil for us?", "LGBF measure - not held for an English council"),
        ("oflog", "number of DoLS applications outstanding?", "measure not held"),
        (
            "lgbf",
            "What's our carer-reported quality of life (ASC1)?",
            "Oflog (English) measure - not held for a Scottish council",
        ),
        ("lgbf", "How many potholes were reported last year?", "measure not held"),
        ("lgbf", "GP appointment waits in our area?", "measure not held"),
        ("lgbf", "Police response times for us please", "measure not held"),
        ("lgbf", "How many foster carers do we have?", "measure not held"),
        ("lgbf", "bus punctuality in our area?", "measure not held"),
        ("lgbf", "What proportion of council staff posts are vacant?", "measure not held"),
        ("sample", "What's our adult social care workforce turnover?", "ASC not held in the sample home"),
        ("sample", "How many potholes did highways fill?", "measure not held"),
        (
            "sample",
            "What's our library visit rate?",
            "libraries not held (leisure centre visits is a different measure)",
        ),
        ("sample", "Air quality - NO2 levels in the town centre?", "measure not held"),
        ("sample", "parking enforcement income this year?", "measure not held"),
        ("sample", "How many trees have we planted since 2019?", "measure not held"),
        ("sample", "What's our A&E four-hour performance?", "measure not held"),
        ("sample", "noise complaints per 1,000 residents?", "measure not held"),
    ]:
        u(ds, q, note)
    # chit-chat / out of scope
    for ds, q in [
        ("oflog", "thanks, that's great"),
        ("lgbf", "hello!"),
        ("sample", "tell me a joke"),
        ("sample", "Can you book committee room 2 for Thursday?"),
        ("lgbf", "what's the weather like in Oban"),
        ("oflog", "who won the match last night?"),
        ("sample", "Are you a real person?"),
        ("lgbf", "Can you draft my ward newsletter?"),
    ]:
        u(ds, q, "chit-chat / out of scope")


def fam_period_not_held():
    cases = [
        ("sample", "household_recycling_rate", "2016-17", "what was our recycling rate in 2016/17?"),
        ("sample", "relet_days", "2017-18", "Void turnaround back in 2017-18?"),
        ("sample", "council_tax_collection", "2024-25", "council tax collection for 2024/25?"),
        ("sample", "missed_bins_per_100k", "2024-25 Q3", "missed bins in Q3 2024/25"),
        ("sample", "fly_tipping_per_1000", "2015-16", "How much fly-tipping did we have in 2015-16?"),
        ("oflog", "ASC1", "2019-20", "What was our carer quality of life score in 2019/20?"),
        ("oflog", "ASC1", "2020-21", "carer-reported quality of life for 2020-21?"),
        ("oflog", "ASC4", "2022-23", "How easily could carers find information about support in 2022/23?"),
        ("oflog", "ASC5", "2023-24", "short-term services outcome for 2023-24 please"),
        ("oflog", "ASC7", "2015-16", "What was our care workforce turnover in 2015/16?"),
        ("lgbf", "ENV06", "2023-24", "what was our recycling rate in 2023/24?"),
        ("lgbf", "SW08", "2014-15", "Delayed discharge bed days (75+) in 2014-15?"),
        ("lgbf", "CHN04", "2022-23", "% of pupils with 5+ awards at level 5 in 2022/23?"),
        ("lgbf", "CHN11", "2009-10", "positive destinations for school leavers in 2009-10"),
        (
            "lgbf",
            "SW04b",
            "2022-23",
            "Adults supported at home saying services improved their quality of life - 2022/23?",
        ),
    ]
    for ds, ind, asked, q in cases:
        h = H[ds]
        for _ in range(50):
            home = pick_home(ds)
            ps = h.held(ind, home, annual=(" Q" not in asked))
            if asked in ps or not ps:
                continue
            if " Q" in asked:
                qs = [p for p in ps if " Q" in p]
                near = qs[-1]
            else:
                ps = [p for p in ps if is_fy(p)]
                d = sorted(ps, key=lambda p: (abs(fy_start(p) - fy_start(asked)), -fy_start(p)))
                if len(d) > 1 and abs(fy_start(d[0]) - fy_start(asked)) == abs(fy_start(d[1]) - fy_start(asked)):
                    continue  # equidistant - ambiguous
                near = d[0]
            add(
                "period_not_held",
                ds,
                home,
                q,
                expect("value", [ind], [home], None, near),
                [fig(ds, ind, home, near)],
                f"{asked} not held for this council; nearest held reading is {near}",
            )
            break


# ====================================================================== main
def main():
    fam_value()
    fam_span()
    fam_trend()
    fam_compare()
    fam_rank()
    fam_overview()
    fam_target()
    fam_names()
    fam_followup()
    fam_unknown()
    fam_period_not_held()

    split = random.Random(SEED + 1)
    dev, hold = [], []
    fams = sorted({it["family"] for it in ITEMS})
    for fam in fams:
        its = [it for it in ITEMS if it["family"] == fam]
        for i, it in enumerate(its, 1):
            it["id"] = f"b5-{fam}-{i:03d}"
        # stratified by dataset inside the family, then alternated: each half gets ~50% of every family
        # and of every dataset within it
        seq = []
        for ds in ("oflog", "lgbf", "sample"):
            part = [it for it in its if it["dataset"] == ds]
            split.shuffle(part)
            seq += part
        for j, it in enumerate(seq):
            (dev if j % 2 == 0 else hold).append(it)
    order = ["id", "family", "dataset", "home_area", "turns", "expect", "expect_each", "figures", "note"]
    for name, lst, setname in (
        ("dev.yaml", dev, "understanding_blind5_dev"),
        ("holdout.yaml", hold, "understanding_blind5_holdout"),
    ):
        lst = sorted(lst, key=lambda it: it["id"])
        out = [{k: it[k] for k in order if k in it} for it in lst]
        doc = {"set": setname, "seed": SEED, "count": len(out), "items": out}
        (HERE / name).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120))
    print(f"{len(ITEMS)} items: dev {len(dev)}, holdout {len(hold)}")
    for fam in fams:
        print(
            f"  {fam:16s} dev {sum(it['family'] == fam for it in dev):3d}  "
            f"holdout {sum(it['family'] == fam for it in hold):3d}"
        )


if __name__ == "__main__":
    main()
