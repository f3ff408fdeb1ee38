"""Build blind understanding set 8 (dev.yaml + holdout.yaml) from the raw data files.

Run from /work/main:  .venv/bin/python tests/eval/understanding_blind8/generate.py
Every expected reading, ranking size/period and figure is computed here from the raw files with pandas;
one random.Random(SEED) drives every choice, so reruns are byte-identical.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from data8 import lgbf_neighbours, load_lgbf, load_oflog, load_sample, shift  # noqa: E402
from phrases8 import (  # noqa: E402
    LGBF_SHORT,
    MEASURES,
    OFLOG_NO_BARE,
    OFLOG_SHORT,
    RANKNOUN,
    SAMPLE_SHORT,
    dress,
    fy_text,
    one_letter_typo,
    quarter_text,
)

SEED = 8180808
rng = random.Random(SEED)

OF, LG, SA = load_oflog(), load_lgbf(), load_sample()
DS = {"oflog": OF, "lgbf": LG, "sample": SA}

EILEAN = "S-eilean-siar"
LG_HOMES = [c for c in sorted(LG.names) if c != EILEAN]
HOMES = {"oflog": OF.homes, "lgbf": LG_HOMES, "sample": [SA.home]}
NAMED = {"oflog": OF.valid_named, "lgbf": LG_HOMES, "sample": SA.nn}

for code in MEASURES["lgbf"]:
    assert code in LG.annual, code

QUOTA = {
    "names": {"oflog": 28, "lgbf": 28, "sample": 14},
    "rank": {"oflog": 26, "lgbf": 28, "sample": 16},
    "followup": {"oflog": 26, "lgbf": 26, "sample": 18},
    "value": {"oflog": 11, "lgbf": 11, "sample": 8},
    "span": {"oflog": 11, "lgbf": 11, "sample": 8},
    "trend": {"oflog": 11, "lgbf": 11, "sample": 8},
    "compare": {"oflog": 15, "lgbf": 15, "sample": 10},
    "overview": {"oflog": 9, "lgbf": 9, "sample": 7},
    "target": {"sample": 20},
    "period_not_held": {"oflog": 9, "lgbf": 9, "sample": 7},
    "unknown": {"oflog": 12, "lgbf": 10, "sample": 8},
}


# ------------------------------------------------------------------ helpers
def R(intent, inds, areas, frm=None, to=None, comp=None, n=None, order=None):
    return {
        "intent": intent,
        "indicators": list(inds),
        "areas": list(areas),
        "periods": {"from": frm, "to": to},
        "comparison": comp,
        "n": n,
        "order": order,
    }


def unknown_reading():
    return R("unknown", [], [])


def fig(ds, ind, area, period):
    v = ds.value(ind, area, period)
    if v is None:
        return None
    return {"indicator_id": ind, "area_code": area, "period": period, "value": float(v)}


def figs(*fs):
    fs = [f for f in fs if f is not None]
    return fs


def mphrase(ds, ind):
    return rng.choice(MEASURES[ds.name][ind])


def held_inds(ds, area, rankable=False):
    out = [i for i in MEASURES[ds.name] if ds.holds(i, area)]
    if rankable:
        out = [i for i in out if ds.polarity.get(i)]
    return out


def neighbours(ds, home, ind):
    if ds.name == "oflog":
        return OF.nn[home]
    if ds.name == "lgbf":
        return lgbf_neighbours(LG, home, ind)
    return SA.nn


def group_members(ds, home, ind, grp):
    if grp == "neighbours":
        return neighbours(ds, home, ind)
    return ds.group_all


def name_form(ds, code, typo_ok=True, plain_only=False, prefer_short=False):
    """Pick a way a councillor would write this council's name."""
    base = ds.names[code]
    forms = []
    shorts = {
        "oflog": OFLOG_SHORT.get(code, []),
        "lgbf": LGBF_SHORT.get(base, []),
        "sample": SAMPLE_SHORT.get(code, []),
    }[ds.name]
    if prefer_short and shorts and rng.random() < 0.55:
        return rng.choice(shorts), False
    if ds.name == "oflog":
        if code not in OFLOG_NO_BARE:
            forms += [base, base.lower(), base.lower()]
            if " and " in base:
                forms.append(base.replace(" and ", " & ").lower())
            ent = OF.entity.get(code, "")
            if ent == "Counties":
                forms.append(base + " County Council")
            elif ent == "London Boroughs":
                forms += ["LB " + base, "London Borough of " + base]
            else:
                forms.append(base.lower() + " council")
        forms += OFLOG_SHORT.get(code, [])
        allnames = list(OF.names.values())
    elif ds.name == "lgbf":
        forms += [base, base.lower(), base.lower().replace("&", "and"), base.lower() + " council"]
        forms += LGBF_SHORT.get(base, [])
        allnames = list(LG.names.values())
    else:
        forms += [base, base.replace(" Council", "").lower()] + SAMPLE_SHORT.get(code, [])
        allnames = list(SA.names.values())
    if plain_only:
        forms = [
            f for f in forms if f.lower().replace("&", "and") in (base.lower(), base.lower().replace("&", "and"))
        ] or forms
    if typo_ok and code not in OFLOG_NO_BARE and rng.random() < 0.18:
        t = one_letter_typo(base, rng, allnames)
        if t:
            return t, True
    return rng.choice(forms), False


def poss(nm):
    return nm + "'" if nm.lower().endswith("s") else nm + "'s"


def pick_other(ds, home, ind, k=1, exclude=()):
    pool = [c for c in NAMED[ds.name] if c != home and c not in exclude and ds.holds(ind, c)]
    if len(pool) < k:
        return None
    return rng.sample(pool, k)


def ptxt_latest():
    return rng.choice(["", "", "", " latest", " at the moment", " now", " most recent", " currently"])


def ptxt_year(p):
    return rng.choice([" in {}", " for {}", " {}", " in {}", " back in {}"]).format(fy_text(p, rng))


def rank_list(ds, ind, members, period, n, order):
    ranked = ds.ranked(ind, members, period)
    if order == "worst":
        ranked = list(reversed(ranked))
        # reversed keeps tie order reversed; ties are handled by the cut-off check below
    if n > len(ranked):
        return None, False
    tie = n < len(ranked) and ranked[n - 1][1] == ranked[n][1]
    return ranked[:n], tie


def grp_phrase(ds, grp):
    if grp == "england":
        return rng.choice(["in england", "across england", "nationally", "in england", "out of all english councils"])
    if grp == "scotland":
        return rng.choice(
            ["in scotland", "across scotland", "in scotland", "of all 32 scottish councils", "scotland-wide"]
        )
    if ds.name == "lgbf":
        return rng.choice(
            [
                "in our family group",
                "among our family group",
                "among similar councils",
                "in our comparator group",
                "among our family group councils",
            ]
        )
    return rng.choice(
        [
            "among our nearest neighbours",
            "among our cipfa neighbours",
            "among similar councils",
            "in our comparator group",
            "in our nn group",
        ]
    )


def higher_word(ds, ind, best):
    """'highest' or 'lowest' that means best (best=True) or worst for this indicator's polarity."""
    hi = ds.polarity[ind] == "hi"
    return "highest" if hi == best else "lowest"


# ------------------------------------------------------------------ items
ITEMS = {}


def add(family, ds, home, turns, expect, figures=None, note="", expect_each=None):
    key = (family, tuple(turns))
    store = ITEMS.setdefault((family, ds.name), {})
    for it in store.values():
        if tuple(it["turns"]) == tuple(turns):
            return False
    item = {"family": family, "dataset": ds.name, "home_area": home, "turns": list(turns), "expect": expect}
    if expect_each is not None:
        item["expect_each"] = expect_each
    if figures:
        item["figures"] = figures
    item["note"] = note
    store[key] = item
    return True


def count(family, dsname):
    return len(ITEMS.get((family, dsname), {}))


# ---- value -------------------------------------------------------------
def build_value(ds, named=False, family="value"):
    home = rng.choice(HOMES[ds.name])
    if named:
        area = rng.choice([c for c in NAMED[ds.name] if c != home] if ds.name != "sample" else SA.nn[1:])
        if rng.random() < 0.15:
            area = home  # the asking council written by its own (informal) name
    else:
        area = home if rng.random() < 0.8 or ds.name == "sample" else home
    inds = held_inds(ds, area)
    if not inds:
        return
    ind = rng.choice(inds)
    m = mphrase(ds, ind)
    mode = rng.choice(["latest", "year", "year", "lastyear"])
    latest = ds.latest(ind, area)
    if mode == "year":
        p = rng.choice(sorted(ds.series(ind, area)))
        pt, to = ptxt_year(p), p
        f = fig(ds, ind, area, p)
    elif mode == "lastyear":
        pt, to = rng.choice([" last year", " for last year"]), latest
        f = fig(ds, ind, area, latest)
    else:
        pt, to = ptxt_latest(), None
        f = None if (ds.name == "sample" and ds.has_quarters(ind, area)) else fig(ds, ind, area, latest)
    if area == home and not named:
        use_name = rng.random() < 0.25
        if use_name:
            nm, typo = name_form(ds, home, typo_ok=False)
            t = rng.choice(
                ["what's {P} {m}{pt}?", "{m} for {N}{pt}?", "{N} {m}{pt}", "whats the {m} figure for {N}{pt}"]
            )
            text = t.format(P=poss(nm), N=nm, m=m, pt=pt)
        else:
            t = rng.choice(
                [
                    "what's our {m}{pt}?",
                    "{m}{pt} for us?",
                    "can you pull our {m}{pt}",
                    "where are we on {m}{pt}",
                    "whats the {m} figure for us{pt}",
                    "our {m}{pt} pls",
                    "need our {m}{pt} for the report",
                    "what was our {m}{pt}",
                    "hows our {m} looking{pt}, whats the number",
                ]
            )
            if mode == "latest" and "what was" in t:
                t = "what's our {m}{pt}?"
            text = t.format(m=m, pt=pt)
        note = f"value, home, {mode}"
    else:
        nm, typo = name_form(ds, area, typo_ok=(family == "names"), prefer_short=(family == "names"))
        t = rng.choice(
            [
                "what's {P} {m}{pt}?",
                "{m} for {N}{pt}?",
                "{N} {m}{pt}",
                "how did {N} do on {m}{pt}",
                "can u get me {m} for {N}{pt}",
                "{m}{pt} - {N}?",
                "whats {N} at on {m}{pt}",
                "looking at {N}: {m}{pt}?",
            ]
        )
        if mode == "latest" and "how did" in t:
            t = "what's {P} {m}{pt}?"
        text = t.format(P=poss(nm), N=nm, m=m, pt=pt)
        note = f"value, named council ({'typo ' if typo else ''}'{nm}'), {mode}"
    add(family, ds, home, [dress(text, rng)], R("value", [ind], [area], None, to), figs(f), note)


# ---- span --------------------------------------------------------------
def build_span(ds):
    home = rng.choice(HOMES[ds.name])
    area = home if rng.random() < 0.7 or ds.name == "sample" else rng.choice([c for c in NAMED[ds.name] if c != home])
    if ds.name == "sample" and rng.random() < 0.3:
        area = rng.choice(SA.nn[1:])
    inds = held_inds(ds, area)
    ind = rng.choice(inds)
    m = mphrase(ds, ind)
    hp = sorted(ds.series(ind, area))
    if len(hp) < 3:
        return
    latest = hp[-1]
    if area == home:
        P, obj = "our", "us"
    else:
        nm, _ = name_form(ds, area, typo_ok=False)
        P, obj = poss(nm), nm
    mode = rng.choice(["between", "fromto", "ato", "arrow", "lastn", "nyear"])
    if mode in ("lastn", "nyear"):
        if ds.name == "sample" and ds.has_quarters(ind, area):
            return
        N = rng.choice([2, 3, 4, 5])
        frm, to = shift(latest, -N), latest
        if mode == "lastn":
            t = rng.choice(
                [
                    "{P} {m} over the last {N} years",
                    "{m} past {N} yrs for {O}?",
                    "last {N} years of {m} for {O}",
                    "how has {P} {m} moved over the past {N} years",
                ]
            )
        else:
            t = rng.choice(
                ["{N}-year trend in {P} {m}", "{N} yr trend {m} for {O}", "can i get the {N} year trend on {P} {m}"]
            )
        text = t.format(P=P, O=obj, m=m, N=N)
        note = f"span, {mode} N={N}"
    else:
        a, b = sorted(rng.sample(hp, 2))
        if a == b:
            return
        adj = int(b[:4]) - int(a[:4]) <= 1  # "2022 to 2023" could be read as one year: no bare years then
        A, B = fy_text(a, rng, bare=not adj, spoken=False), fy_text(b, rng, bare=not adj, spoken=False)
        frm, to = a, b
        t = {
            "between": [
                "{P} {m} between {A} and {B}",
                "how did {P} {m} change between {A} and {B}?",
                "{m} for {O} between {A} and {B} pls",
            ],
            "fromto": [
                "{P} {m} from {A} to {B}",
                "show me {m} for {O} from {A} to {B}",
                "what happened to {P} {m} from {A} to {B}",
            ],
            "ato": ["{m} {A} to {B} for {O}", "{P} {m} {A} to {B}?"],
            "arrow": ["{P} {m} {A} -> {B}?", "{m} {O} {A} -> {B}"],
        }[mode]
        text = rng.choice(t).format(P=P, O=obj, m=m, A=A, B=B)
        note = f"span, {mode}"
    add(
        "span",
        ds,
        home,
        [dress(text, rng)],
        R("trend", [ind], [area], frm, to),
        figs(fig(ds, ind, area, frm), fig(ds, ind, area, to)),
        note,
    )


# ---- trend -------------------------------------------------------------
def build_trend(ds):
    home = rng.choice(HOMES[ds.name])
    area = (
        home
        if rng.random() < 0.75
        else (rng.choice([c for c in NAMED[ds.name] if c != home]) if ds.name != "sample" else rng.choice(SA.nn[1:]))
    )
    ind = rng.choice(held_inds(ds, area))
    m = mphrase(ds, ind)
    hp = sorted(ds.series(ind, area))
    if area == home:
        P, obj = "our", "us"
    else:
        nm, _ = name_form(ds, area, typo_ok=False)
        P, obj = poss(nm), nm
    if rng.random() < 0.6 and len(hp) >= 3:
        y = rng.choice(hp[:-1])
        yt = rng.choice([fy_text(y, rng, spoken=False), y[:4], "april " + y[:4]])
        t = rng.choice(
            [
                "how has {P} {m} changed since {Y}?",
                "has {P} {m} improved since {Y}",
                "{P} {m} since {Y}",
                "trend in {m} for {O} since {Y}",
                "what's happened to {P} {m} since {Y}",
                "{m} - {O} since {Y}, better or worse?",
            ]
        )
        text = t.format(P=P, O=obj, m=m, Y=yt)
        frm, to = y, hp[-1]
        fg = figs(fig(ds, ind, area, frm), fig(ds, ind, area, to))
        note = "trend since a year"
    else:
        t = rng.choice(
            [
                "is {P} {m} getting better?",
                "{P} {m} - direction of travel?",
                "is {m} improving or getting worse for {O}?",
                "which way is {P} {m} heading",
                "{m} trend for {O}?",
                "is {P} {m} going the right way",
            ]
        )
        text = t.format(P=P, O=obj, m=m)
        frm = to = None
        fg = None
        note = "trend, no period"
    add("trend", ds, home, [dress(text, rng)], R("trend", [ind], [area], frm, to), fg, note)


# ---- compare -----------------------------------------------------------
def build_compare(ds):
    home = rng.choice(HOMES[ds.name])
    ind = rng.choice(held_inds(ds, home))
    m = mphrase(ds, ind)
    modes = ["us_vs_x", "us_vs_x", "x_vs_y", "us_x_y", "neigh", "neigh"] + (["nat", "nat"] if ds.national else [])
    mode = rng.choice(modes)
    if rng.random() < 0.35:
        p = rng.choice(sorted(ds.series(ind, home)))
        pt, to = ptxt_year(p), p
    else:
        pt, to, p = ptxt_latest(), None, None
    if mode in ("us_vs_x", "x_vs_y", "us_x_y"):
        k = 1 if mode == "us_vs_x" else 2
        others = pick_other(ds, home, ind, k)
        if not others:
            return
        if p and any(ds.value(ind, o, p) is None for o in others):
            return
        ns = [name_form(ds, o, typo_ok=False)[0] for o in others]
        if mode == "us_vs_x":
            t = rng.choice(
                [
                    "how do we compare with {X} on {m}{pt}?",
                    "{m}{pt}: us vs {X}",
                    "are we better or worse than {X} on {m}{pt}",
                    "{m} - us v {X}{pt}?",
                    "how do we stack up against {X} for {m}{pt}",
                ]
            )
            text, areas = t.format(X=ns[0], m=m, pt=pt), [home] + others
        elif mode == "x_vs_y":
            t = rng.choice(["{X} vs {Y} on {m}{pt}", "compare {m} for {X} and {Y}{pt}", "{m}{pt}, {X} v {Y}?"])
            text, areas = t.format(X=ns[0], Y=ns[1], m=m, pt=pt), others
        else:
            t = rng.choice(
                [
                    "compare our {m} with {X} and {Y}{pt}",
                    "{m}{pt} for us, {X} and {Y}?",
                    "how do we do vs {X} and {Y} on {m}{pt}",
                ]
            )
            text, areas = t.format(X=ns[0], Y=ns[1], m=m, pt=pt), [home] + others
        comp = "area"
    elif mode == "neigh":
        if ds.name == "lgbf":
            opts = [
                "our {m} vs family group{pt}",
                "how does our {m} compare with similar councils{pt}?",
                "benchmark our {m} against our family group{pt}",
                "{m}{pt}: us against the family group",
            ]
        else:
            opts = [
                "how does our {m} compare with similar councils{pt}?",
                "{m} vs our nearest neighbours{pt}",
                "how do we stack up against our cipfa neighbours on {m}{pt}",
                "benchmark our {m} against the comparator group{pt}",
            ]
        text, areas, comp = rng.choice(opts).format(m=m, pt=pt), [home, "neighbours"], "neighbours"
    else:
        if ds.name == "oflog":
            opts = [
                "how does our {m} compare with england{pt}?",
                "are we above or below the england figure for {m}{pt}",
                "{m}{pt}: us vs england",
                "our {m} v the england median{pt}?",
            ]
        else:
            opts = [
                "how does our {m} compare to scotland{pt}",
                "us v the scottish average on {m}{pt}",
                "{m}{pt} - are we above scotland overall?",
                "our {m} vs scotland{pt}",
            ]
        text, areas, comp = rng.choice(opts).format(m=m, pt=pt), [home, ds.national], "national"
    add("compare", ds, home, [dress(text, rng)], R("compare", [ind], areas, None, to, comp), None, f"compare, {mode}")


# ---- rank --------------------------------------------------------------
def rank_text(ds, ind, grp, n, order, pt):
    m = mphrase(ds, ind)
    g = grp_phrase(ds, grp)
    rn = RANKNOUN[ds.name].get(ind)
    best = order == "best"
    hi = ds.polarity[ind] == "hi"
    # "top"/"bottom" only where higher is better; for costs, days and turnover say best/worst or lowest/highest
    if n == 1:
        if best:
            opts = ["which council is best {g} for {m}{pt}?", "best performing council {g} for {m}{pt}"]
            opts += ["who's top {g} on {m}{pt}"] if hi else []
        else:
            opts = ["which council is worst {g} on {m}{pt}", "worst performer {g} on {m}{pt}?"]
            opts += ["who's bottom {g} for {m}{pt}"] if hi else []
        if rn:
            opts.append("who has the {hw} {rn} {g}{pt}?")
    else:
        if best:
            opts = ["best {n} councils {g} on {m}{pt}?", "which {n} councils do best {g} on {m}{pt}"]
            opts += (
                ["top {n} {g} for {m}{pt}", "who are the top {n} {g} on {m}{pt}", "gimme the top {n} {g} for {m}{pt}"]
                if hi
                else []
            )
        else:
            opts = ["worst {n} councils {g} on {m}{pt}", "who are the {n} worst {g} for {m}{pt}"]
            opts += ["bottom {n} {g} for {m}{pt}", "bottom {n} on {m} {g}{pt}"] if hi else []
        if rn:
            opts.append("{n} councils with the {hw} {rn} {g}{pt}")
    return rng.choice(opts).format(g=g, m=m, n=n, pt=pt, rn=rn, hw=higher_word(ds, ind, best) if rn else "")


def rank_figs(ds, ind, members, rp, n, order):
    lst, tie = rank_list(ds, ind, members, rp, n, order)
    if lst is None:
        return None, "nolist"
    if ds.name == "oflog" and any(c in OF.excluded for c, _ in lst):
        return None, "excluded"
    if tie or any(c == EILEAN for c, _ in lst):
        return [], "nofig"
    return [fig(ds, ind, c, rp) for c, _ in lst], "ok"


def build_rank(ds):
    home = rng.choice(HOMES[ds.name])
    inds = held_inds(ds, home, rankable=True)
    ind = rng.choice(inds)
    grps = ["neighbours"] if ds.name == "sample" else ["neighbours", ds.national, ds.national]
    grp = rng.choice(grps)
    members = group_members(ds, home, ind, grp)
    asked = None
    if rng.random() < 0.3:
        asked = rng.choice(sorted(ds.series(ind, home)))
    rp = ds.rank_period(ind, members, asked)
    if rp is None:
        return
    pt = ptxt_year(asked) if asked else ""
    if rng.random() < 0.3:
        # position question
        hv = ds.value(ind, home, rp)
        if hv is None:
            return
        m = mphrase(ds, ind)
        g = grp_phrase(ds, grp)
        t = rng.choice(
            [
                "where do we rank {g} for {m}{pt}?",
                "how do we rank {g} on {m}{pt}",
                "what position are we {g} for {m}{pt}",
                "where do we sit {g} on {m}{pt}",
                "whats our ranking {g} for {m}{pt}",
                "where r we {g} on {m}{pt} - top half?",
            ]
        )
        if "top half" in t:
            t = "where do we come {g} on {m}{pt}"
        text = t.format(g=g, m=m, pt=pt)
        areas = [home, grp]
        add(
            "rank",
            ds,
            home,
            [dress(text, rng)],
            R("rank", [ind], areas, None, asked, "ranking"),
            [fig(ds, ind, home, rp)],
            f"rank position in {grp}",
        )
        return
    if grp == "neighbours":
        n = rng.choice([1, 3, 3, 5, 5, 4])
    else:
        n = rng.choice([1, 3, 5, 5, 10])
    order = rng.choice(["best", "worst"])
    fs, status = rank_figs(ds, ind, members, rp, n, order)
    if status in ("nolist", "excluded"):
        return
    text = rank_text(ds, ind, grp, n, order, pt)
    add(
        "rank",
        ds,
        home,
        [dress(text, rng)],
        R("rank", [ind], [grp], None, asked, "ranking", n, order),
        fs or None,
        f"rank list {order} {n} in {grp}" + ("" if fs else " (figures omitted: tie at cut-off or uncertain code)"),
    )


# ---- overview ----------------------------------------------------------
LG_OVERVIEW = {
    "Adult Social Care Services": ["adult social care", "social work and adult care services"],
    "Corporate Services": ["corporate services", "corporate services (all measures)"],
    "Economic Development": ["economic development", "econ dev"],
    "Housing Services": ["housing services", "council housing", "housing"],
    "Financial Sustainability": ["financial sustainability", "finances / financial sustainability"],
    "Tackling Climate Change": ["climate change", "climate change and emissions"],
}
SA_OVERVIEW = {
    "waste": (
        [
            "household_recycling_rate",
            "missed_bins_per_100k",
            "residual_waste_per_household",
            "waste_collection_cost_per_household",
        ],
        ["waste", "waste services", "bins and waste overall"],
    ),
    "planning": (
        ["planning_major_in_time", "planning_minor_in_time"],
        ["planning", "planning overall", "the planning service"],
    ),
    "homelessness": (
        ["homelessness_prevention_rate", "temporary_accommodation_per_1000"],
        ["homelessness overall", "homelessness services"],
    ),
    "revenues": (
        ["council_tax_collection", "business_rates_collection"],
        ["revenues", "the revenues service", "revs (all collection measures)"],
    ),
    "complaints": (
        ["complaints_in_time", "stage2_complaints_upheld"],
        ["complaints overall", "all the complaints measures"],
    ),
    "workforce": (
        ["sickness_absence_days", "staff_turnover"],
        ["workforce", "our workforce measures", "HR / workforce"],
    ),
}


def build_overview(ds):
    home = rng.choice(HOMES[ds.name])
    area = home
    if rng.random() < 0.3:
        area = rng.choice([c for c in NAMED[ds.name] if c != home])
    if ds.name == "oflog":
        inds = sorted(i for i in MEASURES["oflog"] if ds.holds(i, area))
        svc = rng.choice(["adult social care", "asc", "adult social care overall", "social care for adults"])
        note = "overview adult social care"
    elif ds.name == "lgbf":
        cat = rng.choice(sorted(LG_OVERVIEW))
        cands = sorted(c for c, k in LG.category.items() if k == cat)
        inds = [c for c in cands if ds.holds(c, area)]
        svc = rng.choice(LG_OVERVIEW[cat])
        note = f"overview {cat}"
    else:
        key = rng.choice(sorted(SA_OVERVIEW))
        inds = [i for i in SA_OVERVIEW[key][0] if ds.holds(i, area)]
        svc = rng.choice(SA_OVERVIEW[key][1])
        note = f"overview {key}"
    if not inds:
        return
    if area == home:
        t = rng.choice(
            [
                "how are we doing on {s}?",
                "overview of {s} for us pls",
                "give me the headlines on {s} for us",
                "quick rundown of our {s} performance",
                "how's {s} looking for us",
            ]
            + ([] if "overall" in svc else ["hows our {s} performance overall"])
        )
        text = t.format(s=svc)
    else:
        nm, _ = name_form(ds, area, typo_ok=False)
        t = rng.choice(
            [
                "how's {N} doing on {s}?",
                "overview of {s} for {N}",
                "headlines on {s} for {N} pls",
                "how is {N} performing on {s}",
            ]
        )
        text = t.format(s=svc, N=nm)
    add("overview", ds, home, [dress(text, rng)], R("overview", inds, [area]), None, note)


# ---- target (sample) ---------------------------------------------------
def build_target(ds):
    home = SA.home
    ind = rng.choice(sorted(MEASURES["sample"]))
    m = mphrase(ds, ind)
    r = rng.random()
    if r < 0.45:
        to, pt = None, ""
    elif r < 0.8 or not ds.has_quarters(ind, home):
        to = rng.choice(sorted(ds.series(ind, home)))
        pt = ptxt_year(to)
    else:
        to = rng.choice(["2024-25 Q1", "2024-25 Q2"])
        pt = " in " + quarter_text(to, rng)
    if to is None:
        t = rng.choice(
            [
                "are we hitting target on {m}?",
                "r we on target for {m}",
                "{m} vs target?",
                "are we meeting our {m} target",
                "how are we doing against target on {m}",
                "is {m} on target?",
            ]
        )
    else:
        t = rng.choice(
            [
                "did we meet the {m} target{pt}",
                "did we hit our {m} target{pt}?",
                "{m} vs target{pt}?",
                "were we on target for {m}{pt}",
                "how did we do against target on {m}{pt}",
            ]
        )
    text = t.format(m=m, pt=pt)
    add(
        "target",
        ds,
        home,
        [dress(text, rng)],
        R("target", [ind], [home], None, to),
        None,
        "target" + (f" {to}" if to else ""),
    )


# ---- period not held -----------------------------------------------------
def build_pnh(ds):
    home = rng.choice(HOMES[ds.name])
    area = home
    if rng.random() < 0.3:
        area = rng.choice([c for c in NAMED[ds.name] if c != home])
    ind = rng.choice(held_inds(ds, area))
    hp = sorted(ds.series(ind, area))
    kind = rng.choice(["after", "before", "gap", "quarter", "quarter"])
    if kind == "after":
        if ds.name == "sample" and ds.has_quarters(ind, area):
            return
        asked = shift(hp[-1], rng.choice([1, 1, 2]))
    elif kind == "before":
        asked = shift(hp[0], -rng.choice([1, 2, 3]))
    elif kind == "gap":
        gaps = [shift(hp[0], k) for k in range(1, (int(hp[-1][:4]) - int(hp[0][:4])))]
        gaps = [g for g in gaps if g not in hp]
        if not gaps:
            return
        asked = rng.choice(gaps)
    else:
        if ds.name == "sample" and ds.has_quarters(ind, area):
            return
        y = rng.choice(hp + ([shift(hp[-1], 1)] if ds.name == "sample" else []))
        asked = f"{y} Q{rng.choice([1, 2, 3, 4])}"
    if asked in hp:
        return
    close = ds.closest_held(ind, area, asked)
    if close is None:
        return
    at = quarter_text(asked, rng) if " Q" in asked else fy_text(asked, rng)
    m = mphrase(ds, ind)
    if area == home:
        t = rng.choice(
            ["what was our {m} in {A}?", "our {m} for {A}", "{m} {A} for us pls", "can u get our {m} figure for {A}"]
        )
        text = t.format(m=m, A=at)
    else:
        nm, _ = name_form(ds, area, typo_ok=False)
        t = rng.choice(["what was {P} {m} in {A}?", "{m} for {N} in {A}", "{N} {m} {A}?"])
        text = t.format(m=m, A=at, N=nm, P=poss(nm))
    add(
        "period_not_held",
        ds,
        home,
        [dress(text, rng)],
        R("value", [ind], [area], None, asked),
        [fig(ds, ind, area, close)],
        f"period not held ({kind}); closest held {close}",
    )


# ---- unknown -------------------------------------------------------------
WELSH_NI = [
    "cardiff council",
    "swansea",
    "gwynedd",
    "powys",
    "rhondda cynon taf",
    "belfast city council",
    "derry and strabane",
    "mid ulster",
    "wrexham",
    "caerphilly",
    "ards and north down",
]
DISTRICTS = [
    "st albans",
    "cheltenham",
    "maidstone",
    "south cambridgeshire",
    "east devon",
    "tewkesbury",
    "harlow",
    "mid suffolk",
    "broxtowe",
    "tunbridge wells",
]
MADE_UP = [
    "puddlecombe district council",
    "grimsdale borough",
    "upper wendle council",
    "east tarnshire",
    "royal borough of frettingham",
    "south mardle dc",
]
NO_MEASURE = [
    "pothole repair times",
    "bus punctuality",
    "ambulance response times",
    "parking fine income",
    "food bank referrals",
    "gp waiting times",
    "police response times",
    "allotment waiting lists",
    "number of councillors on twitter",
    "pub closures",
]
CHAT = [
    "thanks thats great",
    "who built you?",
    "can you book room 3 for thursday",
    "lol ok",
    "morning all",
    "is the canteen open today",
    "tell me a joke",
    "whats the wifi password",
    "ta, thats all for now",
    "are you a real person",
    "how do i claim mileage",
]
SCOT_ONLY = [
    "homes meeting SHQS",
    "business gateway start ups",
    "positive destinations for school leavers",
    "teacher sickness absence",
    "recycling rate",
    "cost per primary pupil",
    "rent lost to voids",
]
ENG_ONLY_FOR_SCOT = [
    "care workforce turnover",
    "requests resulting in a service",
    "ease of finding info for carers",
    "ease of finding info for service users",
    "outcome of short term services (sequel to service)",
]
ENG_ONLY_FOR_SAMPLE = [
    "carer quality of life",
    "ease of finding info for service users",
    "outcome of short term services",
    "requests resulting in a service",
    "adult social care user quality of life",
]


def build_unknown(ds):
    home = rng.choice(HOMES[ds.name])
    kinds = ["welsh", "madeup", "nomeasure", "chat", "cross"] + (["district"] if ds.name == "oflog" else [])
    kind = rng.choice(kinds)
    dm = rng.choice(sorted(MEASURES[ds.name]))
    m = mphrase(ds, dm)
    if kind == "welsh":
        t = rng.choice(["what's {X}'s {m}?", "how do we compare with {X} on {m}", "{m} for {X} pls"])
        text = t.format(X=rng.choice(WELSH_NI), m=m)
    elif kind == "madeup":
        t = rng.choice(["what's the {m} for {X}?", "{X} {m} latest?", "how is {X} doing on {m}"])
        text = t.format(X=rng.choice(MADE_UP), m=m)
    elif kind == "nomeasure":
        t = rng.choice(
            ["what's our {x} like?", "how do we compare on {x}", "{x} for us since 2019?", "where do we rank on {x}"]
        )
        text = t.format(x=rng.choice(NO_MEASURE))
    elif kind == "chat":
        text = rng.choice(CHAT)
        add("unknown", ds, home, [text], unknown_reading(), None, "unknown (chat)")
        return
    elif kind == "district":
        t = rng.choice(["what's {X}'s {m}?", "{m} for {X} district council", "how does {X} do on {m}"])
        text = t.format(X=rng.choice(DISTRICTS), m=mphrase(ds, rng.choice(["ASC1", "ASC2", "ASC5", "ASC7"])))
    else:
        pool = {"oflog": SCOT_ONLY, "lgbf": ENG_ONLY_FOR_SCOT, "sample": ENG_ONLY_FOR_SAMPLE}[ds.name]
        t = rng.choice(
            ["what's our {x}?", "how are we doing on {x}", "{x} for us vs similar councils?", "our {x} since 2018"]
        )
        text = t.format(x=rng.choice(pool))
    add("unknown", ds, home, [dress(text, rng)], unknown_reading(), None, f"unknown ({kind})")


# ---- names -----------------------------------------------------------------
def build_names(ds):
    if rng.random() < 0.78:
        build_value(ds, named=True, family="names")
        return
    home = rng.choice(HOMES[ds.name])
    ind = rng.choice(held_inds(ds, home))
    others = pick_other(ds, home, ind, 2)
    if not others:
        return
    forms = [name_form(ds, o, typo_ok=True, prefer_short=True) for o in others]
    m = mphrase(ds, ind)
    t = rng.choice(
        ["{X} vs {Y} on {m}", "compare {X} and {Y} for {m}", "{m}: {X} or {Y}, who's better?", "{X} v {Y} {m} pls"]
    )
    text = t.format(X=forms[0][0], Y=forms[1][0], m=m)
    add(
        "names",
        ds,
        home,
        [dress(text, rng)],
        R("compare", [ind], others, None, None, "area"),
        None,
        f"names, compare two named councils ('{forms[0][0]}', '{forms[1][0]}')",
    )


# ---- follow-ups --------------------------------------------------------------
def fu_value_chain(ds):
    """our X -> ok and <council>? -> go back to YEAR -> what was ours in YEAR / and ours?"""
    home = rng.choice(HOMES[ds.name])
    ind = rng.choice(held_inds(ds, home))
    others = pick_other(ds, home, ind, 1)
    if not others:
        return None
    x = others[0]
    nm = name_form(ds, x, typo_ok=False)[0]
    m = mphrase(ds, ind)
    common = sorted(set(ds.series(ind, home)) & set(ds.series(ind, x)))
    if len(common) < 3:
        return None
    y1, y2 = rng.sample(common[:-1], 2)
    turns = [
        rng.choice(["what's our {m}?", "our {m} latest?", "{m} for us pls"]).format(m=m),
        rng.choice(["ok and {X}?", "and {X}?", "what about {X}", "same for {X}"]).format(X=nm),
        rng.choice(["go back to {Y}", "what about {Y}?", "and in {Y}?", "try {Y}"]).format(
            Y=fy_text(y1, rng, spoken=False)
        ),
    ]
    reads = [R("value", [ind], [home]), R("value", [ind], [x]), R("value", [ind], [x], None, y1)]
    if rng.random() < 0.5:
        turns.append(rng.choice(["and ours?", "what about us?", "and us in that year?"]))
        reads.append(R("value", [ind], [home], None, y1))
    else:
        turns.append(
            rng.choice(["what was ours in {Y}", "and ours in {Y}?", "what was ours back in {Y}"]).format(
                Y=fy_text(y2, rng, spoken=False)
            )
        )
        reads.append(R("value", [ind], [home], None, y2))
    y3 = rng.choice(sorted(ds.series(ind, home))[:-1])
    turns.append(
        rng.choice(
            ["and how has ours changed since {Y}?", "hows ours moved since {Y}", "has ours improved since {Y}?"]
        ).format(Y=rng.choice([y3[:4], fy_text(y3, rng, spoken=False), "april " + y3[:4]]))
    )
    reads.append(R("trend", [ind], [home], y3, ds.latest(ind, home)))
    cut = rng.choice([2, 3, 4, 4, 5, 5])
    turns, reads = turns[:cut], reads[:cut]
    last = reads[-1]
    if last["intent"] == "trend":
        return (
            home,
            turns,
            reads,
            figs(fig(ds, ind, home, y3), fig(ds, ind, home, last["periods"]["to"])),
            "follow-up: value, change council, change year, back to ours, since a year",
        )
    a, p = last["areas"][0], last["periods"]["to"]
    if p is None:
        f = None if (ds.name == "sample" and ds.has_quarters(ind, a)) else fig(ds, ind, a, ds.latest(ind, a))
    else:
        f = fig(ds, ind, a, p)
    return home, turns, reads, figs(f), "follow-up: value, change council, change year, back to ours"


def fu_rank_flip(ds):
    home = rng.choice(HOMES[ds.name])
    ind = rng.choice(held_inds(ds, home, rankable=True))
    grp = "neighbours" if ds.name == "sample" else rng.choice(["neighbours", ds.national])
    members = group_members(ds, home, ind, grp)
    rp = ds.rank_period(ind, members)
    if rp is None:
        return None
    n = rng.choice([5, 5, 6]) if grp == "neighbours" else rng.choice([5, 10, 10])
    order = rng.choice(["best", "worst"])
    other = "worst" if order == "best" else "best"
    k = 3 if n > 3 else 2
    for o, nn_ in ((order, n), (other, n), (other, k)):
        _, st = rank_figs(ds, ind, members, rp, nn_, o)
        if st in ("nolist", "excluded"):
            return None
    t1 = rank_text(ds, ind, grp, n, order, "")
    t2 = rng.choice(["flip it", "flip it pls", "other way round?", "now flip it"])
    hi = ds.polarity[ind] == "hi"
    w = ("top" if other == "best" else "bottom") if hi else ("best" if other == "best" else "worst")
    t3 = rng.choice(["just the {w} {k}", "only the {w} {k} pls", "{w} {k} only"]).format(w=w, k=k)
    t4 = rng.choice(["where do we come?", "and where r we in that?", "and where do we sit", "what position are we"])
    turns = [t1, t2, t3, t4]
    reads = [
        R("rank", [ind], [grp], None, None, "ranking", n, order),
        R("rank", [ind], [grp], None, None, "ranking", n, other),
        R("rank", [ind], [grp], None, None, "ranking", k, other),
        R("rank", [ind], [home, grp], None, None, "ranking"),
    ]
    cut = rng.choice([2, 3, 4])
    return home, turns[:cut], reads[:cut], None, "follow-up: rank list, flip, narrow, position"


def fu_since_chain(ds):
    home = rng.choice(HOMES[ds.name])
    ind = rng.choice(held_inds(ds, home))
    others = pick_other(ds, home, ind, 1)
    if not others:
        return None
    x = others[0]
    hp = sorted(set(ds.series(ind, home)) & set(ds.series(ind, x)))
    if len(hp) < 3:
        return None
    y = rng.choice(hp[:-2])
    pool2 = [i for i in held_inds(ds, x) if i != ind]
    if not pool2:
        return None
    ind2 = rng.choice(pool2)
    if ds.latest(ind2, x) is None or ds.latest(ind2, x) <= y:
        return None
    nm = name_form(ds, x, typo_ok=False)[0]
    yt = rng.choice([fy_text(y, rng, spoken=False), y[:4], "april " + y[:4]])
    turns = [
        rng.choice(
            ["how has our {m} changed since {Y}?", "our {m} since {Y}?", "has our {m} improved since {Y}"]
        ).format(m=mphrase(ds, ind), Y=yt),
        rng.choice(["same for {X}", "ok and {X}?", "and {X}?"]).format(X=nm),
        rng.choice(["and {m}?", "what about {m}", "now do {m}"]).format(m=mphrase(ds, ind2)),
    ]
    reads = [
        R("trend", [ind], [home], y, ds.latest(ind, home)),
        R("trend", [ind], [x], y, ds.latest(ind, x)),
        R("trend", [ind2], [x], y, ds.latest(ind2, x)),
    ]
    cut = rng.choice([2, 3, 3])
    turns, reads = turns[:cut], reads[:cut]
    last = reads[-1]
    li, la = last["indicators"][0], last["areas"][0]
    f = figs(fig(ds, li, la, last["periods"]["from"]), fig(ds, li, la, last["periods"]["to"]))
    return home, turns, reads, f, "follow-up: trend since year, change council, change measure"


def fu_value_compare(ds):
    home = rng.choice(HOMES[ds.name])
    ind = rng.choice(held_inds(ds, home))
    p = rng.choice(sorted(ds.series(ind, home)))
    m = mphrase(ds, ind)
    turns = [
        rng.choice(["{m} for us in {P}?", "what was our {m} in {P}", "our {m} {P} pls"]).format(m=m, P=fy_text(p, rng))
    ]
    reads = [R("value", [ind], [home], None, p)]
    if ds.national:
        if ds.name == "oflog":
            turns.append(
                rng.choice(
                    ["how does that compare with england?", "vs the england median?", "is that above or below england?"]
                )
            )
        else:
            turns.append(
                rng.choice(["how does that compare to scotland", "vs the scottish average?", "and vs scotland overall"])
            )
        reads.append(R("compare", [ind], [home, ds.national], None, p, "national"))
    turns.append(
        rng.choice(
            [
                "and vs our nearest neighbours?",
                "how about against similar councils",
                "and the family group?" if ds.name == "lgbf" else "and our cipfa neighbours?",
            ]
        )
    )
    reads.append(R("compare", [ind], [home, "neighbours"], None, p, "neighbours"))
    pool2 = [i for i in held_inds(ds, home) if i != ind and p in ds.series(i, home)]
    if not pool2:
        return None
    ind2 = rng.choice(pool2)
    turns.append(rng.choice(["and {m}?", "same for {m}", "what about {m}"]).format(m=mphrase(ds, ind2)))
    reads.append(R("compare", [ind2], [home, "neighbours"], None, p, "neighbours"))
    cut = rng.choice(range(2, len(turns) + 1))
    return home, turns[:cut], reads[:cut], None, "follow-up: value, national, neighbours, change measure"


def fu_neigh_year(ds):
    home = rng.choice(HOMES[ds.name])
    ind = rng.choice(held_inds(ds, home))
    hp = sorted(ds.series(ind, home))
    y = rng.choice(hp[:-1])
    ind2 = rng.choice([i for i in held_inds(ds, home) if i != ind and y in ds.series(i, home)] or [None])
    if ind2 is None:
        return None
    turns = [
        rng.choice(
            [
                "our {m} vs similar councils",
                "how do we compare to our nearest neighbours on {m}",
                "{m} - us against the comparator group?",
            ]
        ).format(m=mphrase(ds, ind)),
        rng.choice(["what about in {Y}?", "go back to {Y}", "and in {Y}"]).format(Y=fy_text(y, rng, spoken=False)),
        rng.choice(["and {m}?", "same for {m}", "now {m}"]).format(m=mphrase(ds, ind2)),
    ]
    reads = [
        R("compare", [ind], [home, "neighbours"], None, None, "neighbours"),
        R("compare", [ind], [home, "neighbours"], None, y, "neighbours"),
        R("compare", [ind2], [home, "neighbours"], None, y, "neighbours"),
    ]
    cut = rng.choice([2, 3])
    return home, turns[:cut], reads[:cut], None, "follow-up: neighbours compare, change year, change measure"


def fu_group_switch(ds):
    if not ds.national:
        return None
    home = rng.choice(HOMES[ds.name])
    ind = rng.choice(held_inds(ds, home, rankable=True))
    n = rng.choice([3, 5])
    order = rng.choice(["best", "worst"])
    for grp in ("neighbours", ds.national):
        members = group_members(ds, home, ind, grp)
        rp = ds.rank_period(ind, members)
        if rp is None:
            return None
        for o, k in ((order, n), ("worst" if order == "best" else "best", n), (order, 1)):
            _, st = rank_figs(ds, ind, members, rp, k, o)
            if st in ("nolist", "excluded"):
                return None
    t1 = rank_text(ds, ind, "neighbours", n, order, "")
    t2 = rng.choice(
        ["and across england?", "what about nationally", "same but for all of england"]
        if ds.name == "oflog"
        else ["and across scotland?", "what about all of scotland", "same but scotland-wide"]
    )
    t3 = rng.choice(["flip it", "other way round pls"])
    hi = ds.polarity[ind] == "hi"
    w = ("top" if order == "best" else "bottom") if hi else ("best" if order == "best" else "worst")
    t4 = rng.choice(["just the {w} one", "only the {w} 1"]).format(w=w)
    other = "worst" if order == "best" else "best"
    reads = [
        R("rank", [ind], ["neighbours"], None, None, "ranking", n, order),
        R("rank", [ind], [ds.national], None, None, "ranking", n, order),
    ]
    if rng.random() < 0.5:
        turns = [t1, t2, t3]
        reads.append(R("rank", [ind], [ds.national], None, None, "ranking", n, other))
    else:
        turns = [t1, t2, t4]
        reads.append(R("rank", [ind], [ds.national], None, None, "ranking", 1, order))
    cut = rng.choice([2, 3])
    return home, turns[:cut], reads[:cut], None, "follow-up: neighbours list -> national list -> flip/narrow"


def fu_position_chain(ds):
    home = rng.choice(HOMES[ds.name])
    inds = held_inds(ds, home, rankable=True)
    ind, ind2 = rng.sample(inds, 2)
    grp = "neighbours" if ds.name == "sample" else rng.choice(["neighbours", ds.national])
    g = grp_phrase(ds, grp)
    for i in (ind, ind2):
        members = group_members(ds, home, i, grp)
        rp = ds.rank_period(i, members)
        if rp is None:
            return None
        _, st = rank_figs(ds, i, members, rp, 1, "best")
        if st in ("nolist", "excluded"):
            return None
    turns = [
        rng.choice(
            ["where do we rank {g} on {m}?", "how do we rank {g} for {m}", "what position are we {g} on {m}"]
        ).format(g=g, m=mphrase(ds, ind)),
        rng.choice(["and for {m}?", "what about {m}", "same for {m}"]).format(m=mphrase(ds, ind2)),
        rng.choice(
            ["who's top?", "whos top", "and who's best?"]
            if ds.polarity[ind2] == "hi"
            else ["and who's best?", "who's the best?"]
        ),
    ]
    reads = [
        R("rank", [ind], [home, grp], None, None, "ranking"),
        R("rank", [ind2], [home, grp], None, None, "ranking"),
        R("rank", [ind2], [grp], None, None, "ranking", 1, "best"),
    ]
    cut = rng.choice([2, 3])
    return home, turns[:cut], reads[:cut], None, "follow-up: position, change measure, who's top"


def fu_span_council(ds):
    home = rng.choice(HOMES[ds.name])
    ind = rng.choice(held_inds(ds, home))
    others = pick_other(ds, home, ind, 1)
    if not others:
        return None
    x = others[0]
    hp = sorted(set(ds.series(ind, home)) & set(ds.series(ind, x)))
    if len(hp) < 3:
        return None
    a, b = sorted(rng.sample(hp, 2))
    pool2 = [i for i in held_inds(ds, x) if i != ind and a in ds.series(i, x) and b in ds.series(i, x)]
    if not pool2:
        return None
    ind2 = rng.choice(pool2)
    nm = name_form(ds, x, typo_ok=False)[0]
    adj = int(b[:4]) - int(a[:4]) <= 1
    A, B = fy_text(a, rng, bare=not adj, spoken=False), fy_text(b, rng, bare=not adj, spoken=False)
    turns = [
        rng.choice(["our {m} between {A} and {B}", "{m} for us from {A} to {B}", "our {m} {A} -> {B}?"]).format(
            m=mphrase(ds, ind), A=A, B=B
        ),
        rng.choice(["ok and {X}?", "and {X}?", "same for {X}"]).format(X=nm),
        rng.choice(["same but {m}", "and {m}?", "now {m}"]).format(m=mphrase(ds, ind2)),
    ]
    reads = [R("trend", [ind], [home], a, b), R("trend", [ind], [x], a, b), R("trend", [ind2], [x], a, b)]
    cut = rng.choice([2, 3])
    turns, reads = turns[:cut], reads[:cut]
    last = reads[-1]
    li, la = last["indicators"][0], last["areas"][0]
    return (
        home,
        turns,
        reads,
        figs(fig(ds, li, la, a), fig(ds, li, la, b)),
        "follow-up: span, change council, change measure",
    )


def fu_rank_year(ds):
    home = rng.choice(HOMES[ds.name])
    ind = rng.choice(held_inds(ds, home, rankable=True))
    grp = "neighbours" if ds.name == "sample" else ds.national
    members = group_members(ds, home, ind, grp)
    hp = sorted(ds.series(ind, home))
    if len(hp) < 3:
        return None
    p1, p2 = rng.sample(hp, 2)
    n = rng.choice([3, 5])
    order = rng.choice(["best", "worst"])
    other = "worst" if order == "best" else "best"
    for p, o in ((p1, order), (p2, order), (p2, other)):
        if ds.rank_period(ind, members, p) is None:
            return None
        _, st = rank_figs(ds, ind, members, p, n, o)
        if st in ("nolist", "excluded"):
            return None
    turns = [
        rank_text(ds, ind, grp, n, order, ptxt_year(p1)),
        rng.choice(
            ["go back to {Y}", "what about {Y}", "and in {Y}?"]
            if p2 < p1
            else ["what about {Y}", "and in {Y}?", "now {Y}"]
        ).format(Y=fy_text(p2, rng, spoken=False)),
        rng.choice(["flip it", "other way round?"]),
    ]
    reads = [
        R("rank", [ind], [grp], None, p1, "ranking", n, order),
        R("rank", [ind], [grp], None, p2, "ranking", n, order),
        R("rank", [ind], [grp], None, p2, "ranking", n, other),
    ]
    cut = rng.choice([2, 3])
    return home, turns[:cut], reads[:cut], None, "follow-up: rank list in a year, change year, flip"


def fu_target(ds):
    if ds.name != "sample":
        return None
    home = SA.home
    ind, ind2 = rng.sample(sorted(MEASURES["sample"]), 2)
    y = rng.choice(sorted(ds.series(ind2, home)))
    turns = [
        rng.choice(["are we hitting target on {m}?", "r we on target for {m}", "{m} vs target?"]).format(
            m=mphrase(ds, ind)
        ),
        rng.choice(["and {m}?", "what about {m}", "same for {m}"]).format(m=mphrase(ds, ind2)),
        rng.choice(["did we hit it in {Y}?", "what about back in {Y}", "and in {Y}?"]).format(
            Y=fy_text(y, rng, spoken=False)
        ),
    ]
    reads = [R("target", [ind], [home]), R("target", [ind2], [home]), R("target", [ind2], [home], None, y)]
    cut = rng.choice([2, 3])
    return home, turns[:cut], reads[:cut], None, "follow-up: target, change measure, change year"


def fu_value_to_since(ds):
    home = rng.choice(HOMES[ds.name])
    ind = rng.choice(held_inds(ds, home))
    hp = sorted(ds.series(ind, home))
    if len(hp) < 3:
        return None
    y = rng.choice(hp[:-1])
    others = pick_other(ds, home, ind, 1)
    if not others:
        return None
    x = others[0]
    if ds.latest(ind, x) is None or ds.latest(ind, x) <= y:
        return None
    nm = name_form(ds, x, typo_ok=False)[0]
    turns = [
        rng.choice(["what's our {m}?", "{m} for us?", "our {m} pls"]).format(m=mphrase(ds, ind)),
        rng.choice(
            ["how's that changed since {Y}?", "and how has it moved since {Y}", "has it improved since {Y}?"]
        ).format(Y=rng.choice([y[:4], fy_text(y, rng, spoken=False), "april " + y[:4]])),
        rng.choice(["ok and {X}?", "same for {X}", "and {X}?"]).format(X=nm),
    ]
    reads = [
        R("value", [ind], [home]),
        R("trend", [ind], [home], y, hp[-1]),
        R("trend", [ind], [x], y, ds.latest(ind, x)),
    ]
    cut = rng.choice([2, 3])
    turns, reads = turns[:cut], reads[:cut]
    last = reads[-1]
    la = last["areas"][0]
    return (
        home,
        turns,
        reads,
        figs(fig(ds, ind, la, y), fig(ds, ind, la, last["periods"]["to"])),
        "follow-up: value, since a year, change council",
    )


FU_PATTERNS = [
    fu_value_chain,
    fu_rank_flip,
    fu_since_chain,
    fu_value_compare,
    fu_neigh_year,
    fu_group_switch,
    fu_position_chain,
    fu_span_council,
    fu_rank_year,
    fu_target,
    fu_value_to_since,
]


def build_followup(ds):
    pat = rng.choice(FU_PATTERNS)
    res = pat(ds)
    if not res:
        return
    home, turns, reads, f, note = res
    turns = [dress(t, rng) if i == 0 else _casual_short(t) for i, t in enumerate(turns)]
    add("followup", ds, home, turns, reads[-1], f or None, note, expect_each=reads)


def _casual_short(t):
    from phrases8 import casual

    return casual(t, rng)


BUILDERS = {
    "names": build_names,
    "rank": build_rank,
    "followup": build_followup,
    "value": build_value,
    "span": build_span,
    "trend": build_trend,
    "compare": build_compare,
    "overview": build_overview,
    "target": build_target,
    "period_not_held": build_pnh,
    "unknown": build_unknown,
}


def main():
    for family, quotas in QUOTA.items():
        for dsname, q in quotas.items():
            ds = DS[dsname]
            tries = 0
            while count(family, dsname) < q:
                tries += 1
                if tries > 20000:
                    raise SystemExit(f"could not fill {family}/{dsname}")
                BUILDERS[family](ds)
    dev, hold = [], []
    parity = 0
    for family in QUOTA:
        fam_items = []
        for dsname in QUOTA[family]:
            fam_items += list(ITEMS[(family, dsname)].values())
        for k, it in enumerate(fam_items, 1):
            it["id"] = f"b8-{family}-8{k:03d}"
        for dsname in QUOTA[family]:
            grp = [it for it in fam_items if it["dataset"] == dsname]
            rng.shuffle(grp)
            for j, it in enumerate(grp):
                (dev if (j + parity) % 2 == 0 else hold).append(it)
            parity = (parity + len(grp)) % 2
    order = ["id", "family", "dataset", "home_area", "turns", "expect", "expect_each", "figures", "note"]
    for name, items in (("dev", dev), ("holdout", hold)):
        items = [{k: it[k] for k in order if k in it} for it in items]
        doc = {"set": f"understanding_blind8_{name}", "seed": SEED, "count": len(items), "items": items}
        (HERE / f"{name}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=1000))
    print(f"dev {len(dev)} holdout {len(hold)}")


if __name__ == "__main__":
    main()
