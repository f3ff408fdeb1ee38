"""Builds the blind question-understanding set 19 (dev.yaml, holdout.yaml) from the raw data files.

Run from /work/main:  .venv/bin/python tests/eval/understanding_blind19/generate.py
Every expected reading, ranking and figure is computed here with pandas; one random.Random(SEED) drives all
choices so reruns are byte-identical."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from data19 import LGBF, Oflog, Sample, fy, fy_start, is_fy  # noqa: E402
from words19 import (  # noqa: E402
    AMBIGUOUS,
    LGBF_SERVICE,
    LGBF_SHORT,
    MEASURES,
    OFLOG_SERVICE,
    OFLOG_SHORT,
    SAMPLE_SERVICE,
    lev,
    noisy,
    pick_year,
    quarter_forms,
)

SEED = 19191919
RNG = random.Random(SEED)

COUNTS = {"names": 50, "rank": 90, "followup": 90, "value": 20, "span": 25, "trend": 25, "compare": 35,
          "overview": 45, "target": 15, "period_not_held": 20, "unknown": 45}

DS = {"oflog": Oflog(), "lgbf": LGBF(), "sample": Sample()}
NULLP = {"from": None, "to": None}


# ============================================================ helpers
def expect(intent, inds, areas, frm=None, to=None, comp=None, n=None, order=None):
    return {"intent": intent, "indicators": list(inds), "areas": list(areas), "periods": {"from": frm, "to": to},
            "comparison": comp, "n": n, "order": order}


def unknown_expect():
    return expect("unknown", [], [])


def fig(ds, ind, area, per):
    v = ds.val(ind, area, per)
    if v is None:
        return None
    return {"indicator_id": ind, "area_code": area, "period": per, "value": v}


def mphrase(ds, ind, rng):
    return rng.choice(MEASURES[ds.key][ind])


def measures_for(ds, area, rankable=False):
    out = []
    for ind in sorted(MEASURES[ds.key]):
        if rankable and not ds.polarity.get(ind):
            continue
        if ds.held(ind, area):
            out.append(ind)
    return out


def all_name_strings():
    names = []
    for ds in DS.values():
        for _c, n in ds.area_names.items():
            names.append(n.lower())
    return sorted(set(names))


ALL_NAMES = all_name_strings()


def typo(rng, name):
    """One-letter typo of a council name, only when the typo is far from every other real name."""
    letters = [i for i, ch in enumerate(name) if ch.islower() and i > 0 and name[i - 1].isalpha()]
    if len(letters) < 7:
        return None
    for _ in range(12):
        i = rng.choice(letters[:-1])
        kind = rng.choice(["drop", "swap", "double"])
        if kind == "drop":
            t = name[:i] + name[i + 1:]
        elif kind == "swap" and i + 1 < len(name) and name[i + 1].isalpha():
            t = name[:i] + name[i + 1] + name[i] + name[i + 2:]
        else:
            t = name[:i] + name[i] + name[i:]
        if t.lower() == name.lower():
            continue
        dists = sorted((lev(t, other), other) for other in ALL_NAMES)
        if dists[0][1] == name.lower() and dists[0][0] == 1 and dists[1][0] >= 4:
            return t
    return None


def name_form(ds, code, rng, typo_rate=0.15):
    name = ds.area_names[code]
    forms = []
    if ds.key == "oflog":
        amb = name.lower() in AMBIGUOUS or name.lower().startswith(("kingston", "richmond"))
        if not amb:
            forms += [name, name.lower(), f"{name} Council", name.replace(" and ", " & ")]
            if ds.entity.get(code) == "Counties":
                forms += [f"{name} County Council", f"{name} CC"]
            if ds.entity.get(code) == "London Boroughs":
                forms += [f"LB {name}", f"London Borough of {name}"]
        forms += OFLOG_SHORT.get(name, [])
    elif ds.key == "lgbf":
        amb = name.lower().startswith("aberdeen city")
        if not amb:
            forms += [name, name.lower(), name.replace("&", "and")]
        forms += LGBF_SHORT.get(name, [f"{name} Council"])
    else:
        base = name.replace(" District Council", "").replace(" Borough Council", "")
        suffix = "DC" if "District" in name else "BC"
        forms += [base, base.lower(), name, f"{base} {suffix}", f"{base} council"]
    if not forms:
        forms = [name]
    f = rng.choice(forms)
    risky = name.lower() in AMBIGUOUS or name.lower().startswith(("kingston", "richmond", "aberdeen"))
    if rng.random() < typo_rate and ds.key != "sample" and not risky:
        t = typo(rng, name)
        if t:
            return (t.lower() if rng.random() < 0.5 else t), True
    return f, False


def year_phrase(rng, p, bare=True):
    return pick_year(rng, p, allow_bare=bare)


def home_of(ds, rng):
    return rng.choice(ds.homes)


def other_area(ds, home, rng, need_ind=None, period=None):
    pool = [a for a in (ds.usable if ds.key == "oflog" else ds.all_areas) if a != home]
    if need_ind:
        pool = [a for a in pool if (ds.val(need_ind, a, period) is not None if period else ds.held(need_ind, a))]
    return rng.choice(pool) if pool else None


def latest_fig(ds, ind, area):
    if ds.key == "sample" and len(ds.allperiods.get((ind, area), [])) != len(ds.held(ind, area)):
        return None  # latest would be a quarter for the home: leave the figure out
    p = ds.latest(ind, area)
    return fig(ds, ind, area, p) if p else None


GROUP_WORDS = {
    "england": ["in england", "across england", "nationally", "out of all english councils", "in the country"],
    "scotland": ["in scotland", "across scotland", "out of all 32 councils", "nationally", "in the whole of scotland"],
    ("neighbours", "oflog"): ["among our nearest neighbours", "in our CIPFA neighbour group", "among similar councils",
                              "in our comparator group", "out of our nearest neighbours"],
    ("neighbours", "lgbf"): ["in our family group", "among our family group", "among similar councils",
                             "in our benchmarking family group"],
    ("neighbours", "sample"): ["among our nearest neighbours", "in our comparator group", "among similar councils",
                               "out of our neighbours"],
}


def gwords(ds, group, rng):
    key = group if group in ("england", "scotland") else ("neighbours", ds.key)
    return rng.choice(GROUP_WORDS[key])


NUMW = {1: "one", 3: "three", 5: "five", 10: "ten", 4: "four", 6: "six"}


def nword(rng, n):
    return NUMW[n] if (n in NUMW and rng.random() < 0.3) else str(n)


def item(family, ds, home, turns, exp, figures=None, note="", each=None):
    it = {"id": None, "family": family, "dataset": ds.key, "home_area": home, "turns": turns, "expect": exp}
    if each is not None:
        it["expect_each"] = each
    if figures:
        it["figures"] = figures
    it["note"] = note
    return it


def split_ds(total, keys, rng):
    """Spread a family's count over datasets as evenly as possible."""
    base = [total // len(keys)] * len(keys)
    for i in range(total - sum(base)):
        base[i] += 1
    return dict(zip(keys, base, strict=True))


# ============================================================ families
def gen_value(rng, ds, named=False):
    home = home_of(ds, rng)
    if named:
        area = other_area(ds, home, rng)
        if ds.key == "sample":
            area = rng.choice([a for a in ds.all_areas if a != home])
    else:
        area = home
    inds = measures_for(ds, area)
    ind = rng.choice(inds)
    m = mphrase(ds, ind, rng)
    held = ds.held(ind, area)
    latest = rng.random() < 0.45
    per = None if latest else rng.choice(held)
    if named:
        nm, ty = name_form(ds, area, rng, typo_rate=0.45)
        if latest:
            t = rng.choice([f"what's {nm}'s {m}", f"{m} for {nm}", f"{nm} - latest {m}",
                            f"can you pull {nm}'s latest figure for {m}", f"what is the {m} at {nm} currently",
                            f"{nm}: {m} now", f"whats the {m} figure for {nm}"])
        else:
            y = year_phrase(rng, per)
            t = rng.choice([f"what was {nm}'s {m} in {y}", f"{m} for {nm} in {y}", f"{nm} {m} {y}",
                            f"how did {nm} do on {m} in {y}", f"in {y} what was the {m} for {nm}",
                            f"what did {nm} report for {m} in {y}"])
        note = f"named council ({'typo ' if ty else ''}form '{nm}')"
        protect = [nm]
    else:
        if latest:
            t = rng.choice([f"what's our {m}", f"whats our current {m}", f"latest {m} figure for us",
                            f"what is our {m} at the moment", f"our {m} - what's the latest",
                            f"where are we now on {m}, just the figure"])
        else:
            y = year_phrase(rng, per)
            t = rng.choice([f"what was our {m} in {y}", f"our {m} for {y}", f"{m} {y} - what was ours",
                            f"can u tell me our {m} for {y}", f"what did we report for {m} in {y}"])
        note = "home value"
        protect = []
    t = noisy(rng, t, protect=protect)
    f = latest_fig(ds, ind, area) if latest else fig(ds, ind, area, per)
    return item("names" if named else "value", ds, home, [t], expect("value", [ind], [area], None, per),
                [f] if f else None, note + (" latest" if latest else f" {per}"))


def gen_names(rng, ds):
    if rng.random() < 0.28:
        # two named councils compared: name resolution of both
        home = home_of(ds, rng)
        a = other_area(ds, home, rng)
        b = other_area(ds, a, rng)
        if b == home or b == a:
            return None
        ind = rng.choice(sorted(set(measures_for(ds, a)) & set(measures_for(ds, b))))
        m = mphrase(ds, ind, rng)
        na, ta = name_form(ds, a, rng, 0.3)
        nb, tb = name_form(ds, b, rng, 0.3)
        if ta and tb:
            return None
        if na.lower() == nb.lower():
            return None
        t = rng.choice([f"compare {na} and {nb} on {m}", f"{na} vs {nb} for {m}",
                        f"how does {na} compare with {nb} on {m}",
                        f"{m}: {na} versus {nb}"])
        t = noisy(rng, t, protect=[na, nb])
        return item("names", ds, home, [t], expect("compare", [ind], [a, b], comp="area"), None,
                    f"two named councils '{na}' / '{nb}'{' (typo)' if ta or tb else ''}")
    return gen_value(rng, ds, named=True)


def rank_period(rng, ds, home, ind, group, n, order):
    """Pick latest or a year; return (asked_period, result)."""
    if rng.random() < 0.55:
        res = ds.ranking(home, ind, group, n, order)
        return None, res
    members = ds.group_members(home, ind, group)
    years = sorted({p for m in members for p in ds.held(ind, m)})
    years = [y for y in years if sum(ds.val(ind, m, y) is not None for m in members) * 2 >= len(members)]
    if not years:
        return None, None
    y = rng.choice(years)
    return y, ds.ranking(home, ind, group, n, order, period=y)


def rank_list_text(rng, ds, group, n, order, m, pol, y):
    g = gwords(ds, group, rng)
    best_adj = "highest" if pol == "high" else "lowest"
    worst_adj = "lowest" if pol == "high" else "highest"
    nw = nword(rng, n)
    if n == 1:
        opts = {"best": [f"who's top {g} for {m}", f"which council has the {best_adj} {m} {g}",
                         f"who is the best council {g} on {m}", f"best performer {g} on {m}",
                         f"who comes out top on {m} {g}"],
                "worst": [f"who's bottom {g} for {m}", f"which council has the {worst_adj} {m} {g}",
                          f"worst council {g} for {m}", f"who comes bottom on {m} {g}"]}[order]
    else:
        opts = {"best": [f"top {nw} councils {g} for {m}", f"which {nw} councils {g} have the {best_adj} {m}",
                         f"who are the best {nw} {g} on {m}", f"{m}: top {nw} {g}", f"show me the top {nw} {g} on {m}",
                         f"league table {g} for {m}, top {nw} only",
                         f"can you list the {nw} best performing councils {g} for {m}"],
                "worst": [f"bottom {nw} {g} for {m}", f"which {nw} councils {g} have the {worst_adj} {m}",
                          f"who are the worst {nw} {g} on {m}", f"{m} - bottom {nw} {g}",
                          f"the {nw} weakest performers {g} on {m}",
                          f"list the worst {nw} councils {g} for {m}"]}[order]
    t = rng.choice(opts)
    if y:
        yp = year_phrase(rng, y)
        t = rng.choice([f"{t} in {yp}", f"in {yp}, {t}", f"{t} ({yp})"])
    return t


def pos_text(rng, ds, home, group, m, y):
    g = gwords(ds, group, rng)
    opts = [f"where do we rank {g} on {m}", f"how do we rank {g} for {m}", f"what position are we {g} for {m}",
            f"where do we sit {g} on {m}", f"{m} - where are we in the league table {g}",
            f"whats our ranking {g} for {m}", f"what's our league position {g} on {m}"]
    t = rng.choice(opts)
    if y:
        yp = year_phrase(rng, y)
        t = rng.choice([f"{t} in {yp}", f"in {yp}, {t}"])
    return t


def groups_for(ds):
    return ["neighbours"] if ds.key == "sample" else ["neighbours", ds.national]


def gen_rank(rng, ds):
    home = home_of(ds, rng)
    inds = measures_for(ds, home, rankable=True)
    ind = rng.choice(inds)
    group = rng.choice(groups_for(ds))
    m = mphrase(ds, ind, rng)
    pol = ds.polarity[ind]
    garea = group
    if rng.random() < 0.35:
        # position question
        y, res = rank_period(rng, ds, home, ind, group, None, "best")
        if res is None:
            return None
        per = res[0]
        if ds.val(ind, home, per) is None:
            return None
        t = noisy(rng, pos_text(rng, ds, home, group, m, y))
        return item("rank", ds, home, [t], expect("rank", [ind], [home, garea], None, y, "ranking"),
                    [fig(ds, ind, home, per)], f"position among {group}, {'latest ' + per if not y else y}")
    n = rng.choice([1, 3, 3, 5, 5, 5, 10, 4, 6] if group != "neighbours" else [1, 3, 3, 5, 5, 4])
    order = rng.choice(["best", "worst"])
    y, res = rank_period(rng, ds, home, ind, group, n, order)
    if res is None:
        return None
    per, listed, tie = res
    if group in ("england",) and not ds.list_ok(listed):
        return None  # listed an excluded council: drop
    t = noisy(rng, rank_list_text(rng, ds, group, n, order, m, pol, y))
    figs = None if tie else [fig(ds, ind, a, per) for a, _ in listed]
    return item("rank", ds, home, [t], expect("rank", [ind], [garea], None, y, "ranking", n, order), figs,
                f"{order} {n} among {group} ({'latest=' + per if not y else y})"
                f"{'; tie at cut-off, no figures' if tie else ''}")


def gen_compare(rng, ds):
    home = home_of(ds, rng)
    kinds = ["area", "area", "neighbours", "national"] if ds.national else ["area", "area", "neighbours"]
    kind = rng.choice(kinds)
    ind = rng.choice(measures_for(ds, home))
    m = mphrase(ds, ind, rng)
    held = ds.held(ind, home)
    per = None if rng.random() < 0.6 else rng.choice(held)
    yp = year_phrase(rng, per) if per else None
    figs = None
    if kind == "area":
        k = rng.choice([1, 1, 2])
        others = []
        for _ in range(k):
            o = other_area(ds, home, rng, ind, per)
            if o and o not in others:
                others.append(o)
        nms = [name_form(ds, o, rng, 0.1)[0] for o in others]
        if len(set(x.lower() for x in nms)) != len(nms):
            return None
        who = " and ".join(nms)
        t = rng.choice([f"how do we compare with {who} on {m}", f"{m}: us vs {who}",
                        f"are we better or worse than {who} on {m}",
                        f"compare our {m} with {who}", f"how does our {m} stack up against {who}"])
        areas = [home] + others
        comp = "area"
        protect = nms
        if per:
            figs = [fig(ds, ind, a, per) for a in areas]
            if any(f is None for f in figs):
                figs = None
    elif kind == "neighbours":
        w = rng.choice(["similar councils", "our nearest neighbours", "our comparator group",
                        "our family group" if ds.key == "lgbf" else "our CIPFA neighbours"])
        t = rng.choice([f"how do we compare with {w} on {m}", f"{m} vs {w}", f"how does our {m} stack up against {w}",
                        f"benchmark our {m} against {w}", f"are we above or below {w} on {m}"])
        areas, comp, protect = [home, "neighbours"], "neighbours", []
    else:
        nat = ds.national
        w = rng.choice({"england": ["the england average", "the national median",
                                    "england as a whole", "the english average"],
                        "scotland": ["the scottish average", "scotland as a whole", "the national figure for scotland",
                                     "the scotland average"]}[nat])
        t = rng.choice([f"how does our {m} compare with {w}", f"are we above or below {w} for {m}",
                        f"{m} - us vs {w}", f"our {m} compared to {w}"])
        areas, comp, protect = [home, nat], "national", []
    if per:
        t = rng.choice([f"{t} in {yp}", f"in {yp}, {t}"])
    t = noisy(rng, t, protect=protect)
    return item("compare", ds, home, [t], expect("compare", [ind], areas, None, per, comp), figs,
                f"compare {comp} {per or 'latest'}")


def gen_span(rng, ds):
    home = home_of(ds, rng)
    ind = rng.choice(measures_for(ds, home))
    held = ds.held(ind, home)
    if len(held) < 3:
        return None
    a, b = sorted(rng.sample(held, 2))
    m = mphrase(ds, ind, rng)
    ya, yb = year_phrase(rng, a, bare=False), year_phrase(rng, b, bare=False)
    t = rng.choice([f"how has our {m} changed between {ya} and {yb}", f"{m} from {ya} to {yb}",
                    f"{m} {ya} -> {yb}", f"show the trend in our {m} {ya} to {yb}",
                    f"what happened to our {m} between {ya} and {yb}",
                    f"our {m}, {ya} to {yb} pls, for the committee report"])
    t = noisy(rng, t)
    return item("span", ds, home, [t], expect("trend", [ind], [home], a, b),
                [fig(ds, ind, home, a), fig(ds, ind, home, b)],
                f"explicit span {a}..{b}")


def gen_trend(rng, ds):
    home = home_of(ds, rng)
    ind = rng.choice(measures_for(ds, home))
    held = ds.held(ind, home)
    latest = held[-1]
    kind = rng.choice(["since", "since", "lastn", "none"])
    m = mphrase(ds, ind, rng)
    if kind == "since":
        cands = held[:-1]
        if not cands:
            return None
        p = rng.choice(cands)
        y = fy_start(p)
        t = rng.choice([f"how has our {m} changed since {y}", f"has our {m} improved since {y}", f"{m} since april {y}",
                        f"what's happened to {m} since {y}", f"trend in our {m} since {y} pls"])
        exp = expect("trend", [ind], [home], p, latest)
        figs = [fig(ds, ind, home, p), fig(ds, ind, home, latest)]
        note = f"since {y} -> {p}..{latest} (latest held annual)"
    elif kind == "lastn":
        n = rng.choice([3, 4, 5])
        frm = fy(fy_start(latest) - n)
        t = rng.choice([f"{m} over the last {n} years", f"how has our {m} moved over the past {n} years",
                        f"{n}-year trend for {m}", f"give me a {n} year trend on our {m}"])
        exp = expect("trend", [ind], [home], frm, latest)
        figs = [f for f in [fig(ds, ind, home, frm), fig(ds, ind, home, latest)] if f]
        figs = figs if len(figs) == 2 else None
        note = f"last {n} years -> {frm}..{latest}"
    else:
        t = rng.choice([f"is our {m} getting better", f"direction of travel on {m}?", f"are we improving on {m}",
                        f"is {m} getting worse for us", f"which way is our {m} heading"])
        exp = expect("trend", [ind], [home])
        figs = None
        note = "trend, no span"
    t = noisy(rng, t)
    return item("trend", ds, home, [t], exp, figs, note)


def overview_inds(ds, area, svc):
    if ds.key == "oflog":
        return sorted(i for i in ds.indicators if ds.allperiods.get((i, area)))
    if ds.key == "lgbf":
        return sorted(i for i in ds.held_any.get(area, set()) if ds.category.get(i) == svc)
    return list(SAMPLE_SERVICE[svc][0])


def gen_overview(rng, ds):
    home = home_of(ds, rng)
    if ds.key == "oflog":
        svc, words = "asc", OFLOG_SERVICE
    elif ds.key == "lgbf":
        svc = rng.choice(sorted(LGBF_SERVICE))
        words = LGBF_SERVICE[svc]
    else:
        svc = rng.choice(sorted(SAMPLE_SERVICE))
        words = SAMPLE_SERVICE[svc][1]
    area = home
    named = ds.key != "sample" and rng.random() < 0.25
    if named:
        area = other_area(ds, home, rng)
    inds = overview_inds(ds, area, svc)
    if not inds:
        return None
    w = rng.choice(words)
    if named:
        w = w[4:] if w.startswith("our ") else w
        nm, _ = name_form(ds, area, rng, 0.1)
        t = rng.choice([f"how is {nm} doing on {w}", f"give me an overview of {nm}'s {w} performance",
                        f"how's {w} looking at {nm}", f"{nm} - overall picture on {w}"])
        protect = [nm]
    else:
        bare = w[4:] if w.startswith(("our ", "the ")) else w
        t = rng.choice([f"how are we doing on {w}", f"hows {w} looking for us",
                        f"give me an overview of our {bare} performance",
                        f"overall picture for {w} pls", f"{bare} performance summary for committee",
                        f"are we getting worse on {w}", f"can i get a rundown of how we're performing on {w}",
                        f"what's the headline on our {bare} performance",
                        f"how's {w} doing overall? chair wants a view for the work programme"])
        protect = []
    t = noisy(rng, t, protect=protect)
    return item("overview", ds, home, [t], expect("overview", inds, [area]), None, f"overview {svc}")


def gen_target(rng, ds):
    home = ds.HOME
    ind = rng.choice(sorted(MEASURES["sample"]))
    m = mphrase(ds, ind, rng)
    kind = rng.choice(["latest", "year", "year", "quarter"])
    if kind == "latest":
        t = rng.choice([f"are we hitting target on {m}", f"are we on target for {m}", f"{m} - on track against target?",
                        f"did we hit our {m} target last year", f"is {m} meeting its target at the moment"])
        return item("target", ds, home, [noisy(rng, t)], expect("target", [ind], [home]), None, "target latest")
    if kind == "quarter":
        qs = [p for p in ds.allperiods[(ind, home)] if not is_fy(p)]
        if not qs:
            return None
        q = rng.choice(qs)
        qp = rng.choice(quarter_forms(q))
        t = rng.choice([f"are we on target for {m} in {qp}", f"did {m} meet target in {qp}", f"{m} vs target {qp}"])
        return item("target", ds, home, [noisy(rng, t)], expect("target", [ind], [home], None, q),
                    [fig(ds, ind, home, q)], f"target {q}")
    p = rng.choice(ds.held(ind, home))
    yp = year_phrase(rng, p)
    t = rng.choice([f"did we meet the target for {m} in {yp}", f"{m} target {yp} - met or missed",
                    f"were we on target for {m} in {yp}", f"in {yp} did we hit the {m} target"])
    return item("target", ds, home, [noisy(rng, t)], expect("target", [ind], [home], None, p),
                [fig(ds, ind, home, p)], f"target {p}")


def closest(held, asked_start):
    d = sorted((abs(fy_start(p) - asked_start), p) for p in held)
    if not d or (len(d) > 1 and d[0][0] == d[1][0]):
        return None
    return d[0][1]


def gen_pnh(rng, ds):
    home = home_of(ds, rng)
    named = rng.random() < 0.3
    area = other_area(ds, home, rng) if named else home
    if ds.key == "sample" and named:
        area = rng.choice([a for a in ds.all_areas if a != home])
    inds = measures_for(ds, area)
    if ds.key == "sample" and area == home:
        inds = [i for i in inds if len(ds.allperiods[(i, home)]) == len(ds.held(i, home))]  # annual-only
    ind = rng.choice(inds)
    held = ds.held(ind, area)
    s0, s1 = fy_start(held[0]), fy_start(held[-1])
    gaps = [fy(y) for y in range(s0, s1) if fy(y) not in held]
    kind = rng.choice(["before", "after", "quarter"] + (["gap", "gap"] if gaps else []))
    if kind == "before":
        asked = fy(s0 - rng.choice([1, 2, 3, 5]))
    elif kind == "after":
        asked = fy(s1 + rng.choice([1, 2]))
    elif kind == "gap":
        asked = rng.choice(gaps)
    else:
        y = rng.choice(held + [fy(s1 + 1)])
        asked = f"{y} Q{rng.choice([1, 2, 3, 4])}"
    c = closest(held, fy_start(asked))
    if c is None:
        return None
    m = mphrase(ds, ind, rng)
    ap = rng.choice(quarter_forms(asked)) if "Q" in asked else year_phrase(rng, asked)
    if named:
        nm, _ = name_form(ds, area, rng, 0.0)
        t = rng.choice([f"what was {nm}'s {m} in {ap}", f"{m} for {nm} in {ap}", f"{nm} {m} {ap}?"])
        protect = [nm]
    else:
        t = rng.choice([f"what was our {m} in {ap}", f"our {m} for {ap}", f"{m} in {ap} - what was it",
                        f"can you give me our {ap} figure for {m}"])
        protect = []
    t = noisy(rng, t, protect=protect)
    return item("period_not_held", ds, home, [t], expect("value", [ind], [area], None, asked), [fig(ds, ind, area, c)],
                f"{kind}: asked {asked}, closest held {c}")


UNK = {
    "welsh_ni": ["Cardiff", "Swansea", "Gwynedd", "Powys", "Belfast City Council", "Derry City and Strabane",
                 "Rhondda Cynon Taf", "Wrexham", "Caerphilly", "Armagh Banbridge and Craigavon"],
    "district": ["Cherwell", "South Cambridgeshire", "Mid Suffolk", "Exeter City Council", "Norwich", "Tewkesbury",
                 "Basingstoke and Deane", "Stroud District Council", "Mid Devon", "Broxtowe"],
    "madeup": ["Borsetshire", "Wessex County Council", "Midsomer", "Ambridge District Council", "Glenbogle",
               "Royston Vasey", "Lochdubh Council", "Sunnydale Borough", "Mortdale", "Casterbridge"],
    "measure": ["parking fine income", "number of library books issued", "bus punctuality", "crime rate",
                "A&E waiting times", "number of EV charge points", "food hygiene ratings",
                "FOI requests answered within 20 days", "pothole repairs within 48 hours", "allotment waiting list",
                "councillor allowances spend", "air quality NO2 levels"],
    "chat": ["thanks that's great", "morning all!", "can you write me a poem about bins", "what's the weather in Leeds",
             "lol ok", "is the meeting still on at 6?", "who won the match last night", "cheers bot, thats all for now",
             "can u book me a room for tuesday", "tell me a joke", "ok thanks, that'll do for now",
             "can you summarise the last cabinet meeting's catering arrangements", "hello??", "who's chairing tonight",
             "what time is it in new york", "nice one, ta", "are you a real person", "good morning team",
             "can you remind me to send the agenda friday", "brb"],
}


def gen_unknown(rng, ds, kind):
    home = home_of(ds, rng)
    if kind == "welsh_ni":
        where = rng.choice(UNK["welsh_ni"])
        ind = rng.choice(measures_for(ds, home))
        m = mphrase(ds, ind, rng)
        t = rng.choice([f"what's {where}'s {m}", f"how do we compare with {where} on {m}", f"{m} for {where}"])
    elif kind == "district":
        where = rng.choice(UNK["district"])
        m = rng.choice(sum((MEASURES["oflog"][i] for i in sorted(MEASURES["oflog"])), []))
        t = rng.choice([f"what's {where}'s {m}", f"{m} for {where} pls", f"how does {where} do on {m}"])
    elif kind == "madeup":
        where = rng.choice(UNK["madeup"])
        ind = rng.choice(measures_for(ds, home))
        m = mphrase(ds, ind, rng)
        t = rng.choice([f"what's {where}'s {m}", f"{m} for {where} in 2021/22", f"how are {where} doing on {m}"])
    elif kind == "measure":
        m = rng.choice(UNK["measure"])
        t = rng.choice([f"what's our {m}", f"how do we compare with similar councils on {m}", f"{m} trend since 2019",
                        f"where do we rank on {m}"])
    elif kind == "chat":
        t = rng.choice(UNK["chat"])
    else:  # cross-home
        if ds.key == "oflog":
            other = DS["lgbf"]
            ind = rng.choice(["HSN03", "CHN04", "CHN11", "ECON05", "SW03a", "C&L02", "ENV04a", "CORP06a"])
        elif ds.key == "lgbf":
            other = DS["oflog"]
            ind = rng.choice(["ASC1", "ASC2", "ASC3", "ASC4", "ASC5"])
        else:
            other = DS["oflog"]
            ind = rng.choice(["ASC1", "ASC3", "ASC4", "ASC5", "ASC2"])
        m = mphrase(other, ind, rng)
        t = rng.choice([f"what's our {m}", f"how has our {m} changed since 2018", f"our {m} vs neighbours",
                        f"where do we rank on {m}"])
        kind = f"cross-home ({ind} asked by a {ds.key} home)"
    core = t.lower()
    t = noisy(rng, t, prefix=kind != "chat", suffix=kind != "chat")
    it = item("unknown", ds, home, [t], unknown_expect(), None, f"unknown: {kind}")
    it["_core"] = core
    return it


# ============================================================ follow-ups
def st_expect(ds, s):
    k = s["kind"]
    if k == "value":
        return expect("value", [s["ind"]], [s["area"]], None, s["per"])
    if k == "compare":
        if s["comp"] == "neighbours":
            areas = [s["area"], "neighbours"]
        elif s["comp"] == "national":
            areas = [s["area"], ds.national]
        else:
            areas = [s["area"]] + s["others"]
        return expect("compare", [s["ind"]], areas, None, s["per"], s["comp"])
    if k == "rank":
        return expect("rank", [s["ind"]], [s["group"]], None, s["per"], "ranking", s["n"], s["order"])
    if k == "pos":
        return expect("rank", [s["ind"]], [s["home"], s["group"]], None, s["per"], "ranking")
    if k == "trend":
        return expect("trend", [s["ind"]], [s["area"]], s["frm"], s["to"])
    raise ValueError(k)


def ranking_ok(ds, s):
    res = ds.ranking(s["home"], s["ind"], s["group"], s["n"] if s["kind"] == "rank" else None, s.get("order") or "best",
                     period=s["per"])
    if res is None:
        return False
    if s["kind"] == "rank" and s["group"] == "england" and not ds.list_ok(res[1]):
        return False
    if s["kind"] == "pos":
        return ds.val(s["ind"], s["home"], res[0]) is not None
    return True


def fu_start(rng, ds, home):
    kind = rng.choice(["value", "value", "rank", "rank", "pos", "compare", "trend"])
    inds = measures_for(ds, home, rankable=kind in ("rank", "pos"))
    ind = rng.choice(inds)
    m = mphrase(ds, ind, rng)
    per = None if rng.random() < 0.6 else rng.choice(ds.held(ind, home))
    yp = f" in {year_phrase(rng, per)}" if per else ""
    s = {"kind": kind, "ind": ind, "home": home, "area": home, "per": per}
    if kind == "value":
        t = rng.choice([f"what's our {m}{yp}", f"our {m}{yp}?", f"can you give me our {m}{yp}"])
    elif kind in ("rank", "pos"):
        s["group"] = rng.choice(groups_for(ds))
        if kind == "rank":
            s["n"] = rng.choice([3, 5, 5, 10] if s["group"] != "neighbours" else [3, 5])
            s["order"] = rng.choice(["best", "worst"])
            t = rank_list_text(rng, ds, s["group"], s["n"], s["order"], m, ds.polarity[ind], per)
        else:
            t = pos_text(rng, ds, home, s["group"], m, per)
        if not ranking_ok(ds, s):
            return None, None
    elif kind == "compare":
        s["comp"] = rng.choice(["neighbours", "national"] if ds.national else ["neighbours"])
        w = "similar councils" if s["comp"] == "neighbours" else f"the {ds.national} average"
        t = rng.choice([f"how does our {m} compare with {w}{yp}", f"{m}{yp}: us vs {w}"])
    else:
        held = ds.held(ind, home)
        if len(held) < 3:
            return None, None
        p = rng.choice(held[:-1])
        s.update(frm=p, to=held[-1], per=None)
        t = rng.choice([f"how has our {m} changed since {fy_start(p)}", f"{m} trend since {fy_start(p)}"])
    return s, t


def fu_step(rng, ds, s):
    """One follow-up turn changing one thing.  Returns (new_state, text, label) or None."""
    k = s["kind"]
    home = s["home"]
    opts = []
    if k in ("value", "compare", "rank", "pos"):
        opts += ["year"]
    if k == "value":
        opts += ["area", "neigh", "since"] + (["nat"] if ds.national else []) + (["pos"] if s["area"] == home else [])
    if k == "compare":
        opts += ["flipcomp"] if ds.national else []
    if k == "rank":
        opts += ["n", "order", "pos"] + (["group"] if ds.national else [])
    if k == "pos":
        opts += ["top"] + (["group"] if ds.national else [])
    if k == "trend":
        opts += ["area"]
    opts += ["measure"]
    if not (k == "value" and s["area"] == home):
        opts += ["homeyear"]
    op = rng.choice(opts)
    n = dict(s)
    if op == "year":
        if k in ("rank", "pos"):
            members = ds.group_members(home, s["ind"], s["group"])
            cands = sorted({p for mm in members for p in ds.held(s["ind"], mm)})
        else:
            cands = ds.held(s["ind"], s["area"])
        cands = [c for c in cands if c != s["per"]]
        if not cands:
            return None
        n["per"] = rng.choice(cands)
        yp = year_phrase(rng, n["per"])
        t = rng.choice([f"and in {yp}?", f"what about {yp}", f"same for {yp}", f"and back in {yp}?",
                        f"ok what about in {yp}"])
    elif op == "area":
        o = other_area(ds, home, rng, s["ind"], None if k == "trend" else s["per"])
        if ds.key == "sample":
            pool = [a for a in ds.all_areas if a != s["area"] and
                    (ds.val(s["ind"], a, s["per"]) is not None if s["per"] else ds.held(s["ind"], a))]
            o = rng.choice(pool) if pool else None
        if not o or o == s["area"]:
            return None
        n["area"] = o
        if k == "trend":
            lt = ds.latest(s["ind"], o)
            if not lt or fy_start(lt) <= fy_start(s["frm"]):
                return None
            n["to"] = lt
        nm, _ = name_form(ds, o, rng, 0.1)
        t = rng.choice([f"what about {nm}?", f"and {nm}?", f"same for {nm} pls", f"how about {nm}"])
    elif op == "neigh":
        n.update(kind="compare", comp="neighbours")
        w = rng.choice(["similar councils", "our nearest neighbours", "the comparator group"] +
                       (["our family group"] if ds.key == "lgbf" else []))
        t = rng.choice([f"how does that compare with {w}?", f"and vs {w}?", f"how does that stack up against {w}"])
        if s["area"] != home:
            t = t.replace("our ", "their ")
    elif op == "nat":
        n.update(kind="compare", comp="national")
        t = rng.choice([f"and against the {ds.national} average?", f"what about compared to {ds.national} as a whole",
                        "how does that compare nationally?"])
    elif op == "flipcomp":
        if s["comp"] == "national":
            n["comp"] = "neighbours"
            t = rng.choice(["and against similar councils?", "what about our nearest neighbours?",
                            "and vs the comparator group?"])
        elif s["comp"] == "neighbours":
            n["comp"] = "national"
            t = rng.choice([f"and against the {ds.national} average?", f"and {ds.national} as a whole?"])
        else:
            return None
    elif op == "since":
        held = ds.held(s["ind"], s["area"])
        cands = [p for p in held[:-1]]
        if not cands:
            return None
        p = rng.choice(cands)
        n.update(kind="trend", frm=p, to=held[-1], per=None)
        y = fy_start(p)
        t = rng.choice([f"how has that changed since {y}?", f"has it improved since {y}",
                        f"and the trend since april {y}?"])
    elif op == "pos":
        n.update(kind="pos")
        n.setdefault("group", rng.choice(groups_for(ds)))
        n.pop("n", None), n.pop("order", None)
        if k == "value":
            g = gwords(ds, n["group"], rng)
            t = rng.choice([f"where does that put us {g}?", f"and where do we rank {g}?"])
        else:
            t = rng.choice(["where do we sit in that?", "and where are we?", "where do we come in that list?"])
        if not ranking_ok(ds, n):
            return None
    elif op == "top":
        n.update(kind="rank", n=1, order=rng.choice(["best", "worst"]))
        t = "and who's top?" if n["order"] == "best" else "and who's bottom?"
        if not ranking_ok(ds, n):
            return None
    elif op == "n":
        choices = [x for x in ([1, 3, 5, 10] if s["group"] != "neighbours" else [1, 3, 5]) if x != s["n"]]
        n["n"] = rng.choice(choices)
        word = "top" if s["order"] == "best" else "bottom"
        if n["n"] == 1:
            t = rng.choice([f"just the {word} one", f"who's {word} then?", f"ok just the {word} council"])
        else:
            t = rng.choice([f"make that {word} {n['n']}", f"can you do {word} {n['n']} instead",
                            f"just the {word} {n['n']}"])
        if not ranking_ok(ds, n):
            return None
    elif op == "order":
        n["order"] = "worst" if s["order"] == "best" else "best"
        word = "bottom" if n["order"] == "worst" else "top"
        if s["n"] == 1:
            t = rng.choice([f"and who's {word}?", f"and who comes {word}?"])
        else:
            t = rng.choice([f"and the {word} {s['n']}?", f"now the {word} {s['n']}", f"ok and {word} {s['n']}"])
        if not ranking_ok(ds, n):
            return None
    elif op == "group":
        n["group"] = ds.national if s["group"] == "neighbours" else "neighbours"
        if n["group"] == "neighbours":
            t = rng.choice(["and among our neighbours?", "just our comparator group?",
                            "what about among similar councils"]
                           + (["just our family group?"] if ds.key == "lgbf" else []))
        else:
            t = rng.choice([f"and across {ds.national}?", f"what about the whole of {ds.national}",
                            f"same but for all of {ds.national}"])
        if k == "rank" and n["group"] == "neighbours" and n["n"] > 5:
            return None
        if not ranking_ok(ds, n):
            return None
    elif op == "measure":
        rk = k in ("rank", "pos")
        pool = [i for i in measures_for(ds, s["area"], rankable=rk) if i != s["ind"]]
        if ds.key == "oflog" and k == "compare":
            pool = [i for i in pool if i != "ASC6"] or pool
        if k in ("value", "compare") and s["per"]:
            pool = [i for i in pool if ds.val(i, s["area"], s["per"]) is not None]
        if not pool:
            return None
        ni = rng.choice(pool)
        n["ind"] = ni
        if k == "trend":
            lt = ds.latest(ni, s["area"])
            if not lt or fy_start(lt) <= fy_start(s["frm"]) or ds.val(ni, s["area"], s["frm"]) is None:
                return None
            n["to"] = lt
        if rk and not ranking_ok(ds, n):
            return None
        m = mphrase(ds, ni, rng)
        t = rng.choice([f"and for {m}?", f"same for {m}", f"what about {m}", f"ok now {m}", f"and {m}?"])
    elif op == "homeyear":
        held = [p for p in ds.held(s["ind"], home) if p != s.get("per")]
        if not held:
            return None
        p = rng.choice(held)
        n = {"kind": "value", "ind": s["ind"], "home": home, "area": home, "per": p}
        t = f"what was ours in {year_phrase(rng, p)}?"
        t = rng.choice([t, t.replace("what was ours", "and what was ours"),
                        t.replace("what was ours", "what was our figure")])
    else:
        return None
    return n, t, op


def gen_followup(rng, ds):
    home = home_of(ds, rng)
    s, t0 = fu_start(rng, ds, home)
    if s is None:
        return None
    length = rng.choice([2, 3, 3, 3, 4, 4, 4, 5, 5])
    states, turns, ops = [s], [noisy(rng, t0, suffix=True)], []
    tries = 0
    while len(turns) < length and tries < 30:
        tries += 1
        r = fu_step(rng, ds, states[-1])
        if r is None or (ops and r[2] == ops[-1] and r[2] not in ("measure", "year")):
            continue
        ns, t, op = r
        states.append(ns)
        turns.append(noisy(rng, t, prefix=False, suffix=False) if rng.random() < 0.5 else t.lower())
        ops.append(op)
    if len(turns) < 2:
        return None
    each = [st_expect(ds, x) for x in states]
    last = states[-1]
    figs = None
    if last["kind"] == "value":
        if last["per"]:
            f = fig(ds, last["ind"], last["area"], last["per"])
        else:
            f = latest_fig(ds, last["ind"], last["area"])
        figs = [f] if f else None
    elif last["kind"] == "trend":
        fs = [fig(ds, last["ind"], last["area"], last["frm"]), fig(ds, last["ind"], last["area"], last["to"])]
        figs = fs if all(fs) else None
    return item("followup", ds, home, turns, each[-1], figs, f"start {s['kind']}; then " + ", ".join(ops), each=each)


# ============================================================ build
def build():
    rng = RNG
    items = []

    def fill(family, fn, keys, total):
        per = split_ds(total, keys, rng)
        for key in keys:
            got, seen, tries = 0, set(), 0
            while got < per[key] and tries < per[key] * 40:
                tries += 1
                it = fn(rng, DS[key])
                if it is None:
                    continue
                sig = (tuple(it["turns"]), it["home_area"])
                if sig in seen:
                    continue
                seen.add(sig)
                items.append(it)
                got += 1
            if got < per[key]:
                raise SystemExit(f"could not fill {family}/{key}: {got}/{per[key]}")

    three = ["oflog", "lgbf", "sample"]
    fill("names", gen_names, three, COUNTS["names"])
    fill("rank", gen_rank, three, COUNTS["rank"])
    fill("followup", gen_followup, three, COUNTS["followup"])
    fill("value", lambda r, d: gen_value(r, d, False), three, COUNTS["value"])
    fill("span", gen_span, three, COUNTS["span"])
    fill("trend", gen_trend, three, COUNTS["trend"])
    fill("compare", gen_compare, three, COUNTS["compare"])
    fill("overview", gen_overview, three, COUNTS["overview"])
    fill("target", gen_target, ["sample"], COUNTS["target"])
    fill("period_not_held", gen_pnh, three, COUNTS["period_not_held"])
    ukinds = ["welsh_ni", "district", "madeup", "measure", "chat", "cross"]
    per = split_ds(COUNTS["unknown"], three, rng)
    useen = set()
    for key in three:
        got = 0
        i = 0
        alt = ["chat", "measure"]
        while got < per[key]:
            kinds = ukinds + (["district", "cross"] if key == "oflog" else [])
            kind = kinds[i % len(kinds)]
            if kind == "district" and key != "oflog":
                kind = alt[(i // len(ukinds)) % 2]
            i += 1
            it = gen_unknown(rng, DS[key], kind)
            sig = it.pop("_core")
            if sig in useen:
                continue
            useen.add(sig)
            items.append(it)
            got += 1

    # ids, then seeded shuffle and alternating split within family x dataset
    dev, hold = [], []
    fam_n = {}
    for it in items:
        fam_n[it["family"]] = fam_n.get(it["family"], 0) + 1
        it["id"] = f"b19-{it['family']}-{fam_n[it['family']]:03d}"
    groups = {}
    for it in items:
        groups.setdefault((it["family"], it["dataset"]), []).append(it)
    for key in sorted(groups):
        g = groups[key]
        rng.shuffle(g)
        for j, it in enumerate(g):
            (dev if j % 2 == 0 else hold).append(it)
    return dev, hold


def dump(name, setname, items):
    doc = {"set": setname, "seed": SEED, "count": len(items), "items": items}
    with open(HERE / name, "w", encoding="utf-8") as f:
        yaml.safe_dump(doc, f, sort_keys=False, allow_unicode=True, width=200)


def main():
    dev, hold = build()
    dump("dev.yaml", "understanding_blind19_dev", dev)
    dump("holdout.yaml", "understanding_blind19_holdout", hold)
    tab = {}
    for half, its in (("dev", dev), ("holdout", hold)):
        for it in its:
            tab.setdefault((it["family"], it["dataset"]), {"dev": 0, "holdout": 0})[half] += 1
    for k in sorted(tab):
        print(f"{k[0]:16s} {k[1]:7s} dev={tab[k]['dev']:3d} holdout={tab[k]['holdout']:3d}")
    print("total", len(dev), len(hold))


if __name__ == "__main__":
    main()
