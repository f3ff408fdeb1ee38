"""Generate the blind question-understanding evaluation set (dev.yaml + holdout.yaml).

Reads the raw public files in ../shared/data (Oflog ASC, LGBF) and the sample pack's data CSVs, writes questions
with the expected reading and, where the answer states numbers, the figures computed here with pandas.
Deterministic: one fixed seed. Run from the project root:

    python tests/eval/understanding_blind/generate.py --shared ../shared --out tests/eval/understanding_blind
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

import blind_common as lx
import yaml

SEED = 20240611
DATASETS, HOME_SAMPLE, Data = lx.DATASETS, lx.HOME_SAMPLE, lx.Data
WE = re.compile(r"\b(we|us|our)\b")
# items per family per dataset (oflog, lgbf, sample); each family total is even so it halves cleanly
COUNTS = {"span": (24, 30, 18), "value": (16, 20, 14), "trend": (14, 18, 12), "compare": (20, 24, 16),
          "rank": (22, 24, 14), "overview": (16, 16, 12), "target": (0, 0, 40), "period_not_held": (16, 16, 12),
          "names": (22, 24, 14), "followup": (14, 16, 14), "unknown": (16, 16, 12)}


# --- item helpers ---------------------------------------------------------------------------------------------------
def expect(intent: str, inds: list[str], areas: list[str], pf: str | None = None, pt: str | None = None,
           comparison: str | None = None, n: int | None = None, order: str | None = None,
           candidates: list[str] | None = None) -> dict:
    e = {"intent": intent, "indicators": list(inds), "areas": list(areas), "periods": {"from": pf, "to": pt},
         "comparison": comparison, "n": n, "order": order}
    if candidates is not None:
        e["candidates"] = list(candidates)
    return e


def item(fam: str, ds: str, home: str, turns: list[str], exp: dict, figures: list | None = None, note: str = "",
         **extra) -> dict:
    it = {"id": "", "family": fam, "dataset": ds, "home_area": home, "turns": turns, "expect": exp}
    it.update(extra)
    if figures:
        it["figures"] = figures
    it["note"] = note
    return it


def poss(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def fill(rng: random.Random, templates: list[str], is_home: bool, **kw) -> str:
    usable = [t for t in templates if is_home or not WE.search(t)] or templates
    return lx.casual(rng.choice(usable).format(**kw), rng)


def words(D: Data, rng: random.Random, ds: str, ind: str, area: str, home: str, phrase: str | None = None) -> dict:
    name = D.display(rng, ds, area)
    mine = area == home
    return {"own": "our" if mine else poss(name), "for": "for us" if mine else f"for {name}", "name": name,
            "ind": phrase or rng.choice(lx.PHRASES[ds][ind])}


def say(rng: random.Random, p: str) -> str:
    return lx.say_period(p, rng)


def subject(D: Data, rng: random.Random, ds: str) -> tuple[str, str]:
    home = rng.choice(D.homes[ds])
    return home, (home if rng.random() < 0.55 else rng.choice(D.areas[ds]))


# --- families ---------------------------------------------------------------------------------------------------------
def make_span(D: Data, rng: random.Random, ds: str) -> dict | None:
    home, area = subject(D, rng, ds)
    ind = D.pick_ind(rng, ds, [area])
    if ind is None:
        return None
    w = words(D, rng, ds, ind, area, home)
    mode = rng.choice(["range", "range", "lastn", "since"])
    if mode == "range":
        pool = [p for p in D.held(ds, ind, area) if " Q" not in p]
        if len(pool) < 2:
            return None
        p1, p2 = sorted(rng.sample(pool, 2))
        text = fill(rng, lx.SPAN_RANGE, area == home, **w, p1=say(rng, p1), p2=say(rng, p2))
        note = "explicit two-period span; both ends held"
    else:
        p2, fys = D.plain_latest(ds, ind, area), D.fys(ds, ind, area)
        if p2 is None or len(fys) < 2:
            return None
        if mode == "lastn":
            k = rng.randint(2, 6)
            p1 = lx.shift(p2, -k)
            if p1 not in fys:
                return None
            text = fill(rng, lx.SPAN_LASTN, area == home, **w, k=k)
            note = f"last {k} years: from = latest held ({p2}) minus {k} years"
        else:
            p1 = rng.choice(fys[:-1])
            text = fill(rng, lx.SPAN_SINCE, area == home, **w, y=int(p1[:4]), p1=say(rng, p1))
            note = f"since {p1[:4]} = financial year {p1}; to = latest held"
    figs = [D.fig(ds, ind, area, p1), D.fig(ds, ind, area, p2)]
    return item("span", ds, home, [text], expect("trend", [ind], [area], p1, p2), figs, note)


def make_value(D: Data, rng: random.Random, ds: str) -> dict | None:
    home, area = subject(D, rng, ds)
    latest = rng.random() < 0.4
    ind = D.pick_ind(rng, ds, [area], plain=latest)
    if ind is None:
        return None
    w = words(D, rng, ds, ind, area, home)
    if latest:
        p = D.plain_latest(ds, ind, area)
        text = fill(rng, lx.VALUE_LATEST, area == home, **w)
        return item("value", ds, home, [text], expect("value", [ind], [area]), [D.fig(ds, ind, area, p)],
                    f"latest / last year / this year = latest held period ({p}); periods left null")
    p = rng.choice(D.held(ds, ind, area))
    text = fill(rng, lx.VALUE_AT, area == home, **w, p=say(rng, p))
    return item("value", ds, home, [text], expect("value", [ind], [area], None, p), [D.fig(ds, ind, area, p)],
                "single held period")


def make_trend(D: Data, rng: random.Random, ds: str) -> dict | None:
    home, area = subject(D, rng, ds)
    since = rng.random() < 0.45
    ind = D.pick_ind(rng, ds, [area], plain=since)
    if ind is None:
        return None
    w = words(D, rng, ds, ind, area, home)
    if not since:
        text = fill(rng, lx.TREND, area == home, **w)
        return item("trend", ds, home, [text], expect("trend", [ind], [area]), note="direction of travel, whole series")
    fys = D.fys(ds, ind, area)
    if len(fys) < 3:
        return None
    p1, p2 = rng.choice(fys[:-2]), fys[-1]
    text = fill(rng, lx.TREND_SINCE, area == home, **w, y=int(p1[:4]), p1=say(rng, p1))
    return item("trend", ds, home, [text], expect("trend", [ind], [area], p1, p2),
                note=f"since {p1[:4]} -> from {p1} to latest held {p2}")


def common_period(D: Data, ds: str, ind: str, areas: list[str]) -> str | None:
    lat = {D.latest(ds, ind, a) for a in areas}
    return lat.pop() if len(lat) == 1 else None


def make_compare(D: Data, rng: random.Random, ds: str) -> dict | None:
    home = rng.choice(D.homes[ds])
    modes = ["two", "two", "home", "home", "three", "period", "group"] + ([] if ds == "sample" else ["nation"])
    mode = rng.choice(modes)
    if mode in ("group", "nation"):
        ind = D.pick_ind(rng, ds, [home], plain=True)
        if ind is None:
            return None
        nation = "england" if ds == "oflog" else "scotland"
        kw = {"ind": rng.choice(lx.PHRASES[ds][ind]), "grp": rng.choice(lx.GROUP_WORDS[ds]),
              "nation": nation, "nat_adj": "scottish" if ds == "lgbf" else "english"}
        text = fill(rng, lx.COMPARE_GROUP if mode == "group" else lx.COMPARE_NATION, True, **kw)
        areas, comp = ([home, "neighbours"], "neighbours") if mode == "group" else ([home, nation], "national")
        return item("compare", ds, home, [text], expect("compare", [ind], areas, comparison=comp),
                    [D.fig(ds, ind, home, D.latest(ds, ind, home))], f"home against its {areas[1]} comparator")
    others = [a for a in D.areas[ds] if a != home]
    k = 3 if mode == "three" else 2
    areas = ([home] if mode == "home" else []) + rng.sample(others, k - (mode == "home"))
    ind = D.pick_ind(rng, ds, areas)
    if ind is None:
        return None
    if mode == "period":
        shared = sorted(set.intersection(*(set(D.held(ds, ind, a)) for a in areas)))
        if not shared:
            return None
        p = pt = rng.choice(shared)
    else:
        p, pt = common_period(D, ds, ind, areas), None
        if p is None:
            return None
    nm = [D.display(rng, ds, a) for a in areas]
    kw = {"ind": rng.choice(lx.PHRASES[ds][ind]), "a": nm[0], "b": nm[-1] if k == 2 else nm[1], "c": nm[-1],
          "p": say(rng, p)}
    tpl = {"two": lx.COMPARE_TWO, "home": lx.COMPARE_HOME, "three": lx.COMPARE_THREE, "period": lx.COMPARE_PERIOD}
    text = fill(rng, tpl[mode], mode == "home", **kw)
    note = "named councils, " + (f"asked period {p}" if pt else f"latest period common to all ({p})")
    return item("compare", ds, home, [text], expect("compare", [ind], areas, None, pt, "area"),
                [D.fig(ds, ind, a, p) for a in areas], note)


def ranked(D: Data, ds: str, ind: str, members: list[str], period: str, order: str) -> list[tuple[str, float]]:
    rows = [(a, D.vals[(ds, ind, a)][period]) for a in members if period in D.vals.get((ds, ind, a), {})]
    sign = -1 if D.pol[ds][ind] == "higher" else 1
    rows.sort(key=lambda r: (sign * r[1], r[0]))
    return rows if order == "best" else sorted(rows, key=lambda r: (-sign * r[1], r[0]))


def make_rank(D: Data, rng: random.Random, ds: str) -> dict | None:
    home = rng.choice(D.homes[ds])
    scope = rng.choice({"oflog": ["england", "england", "neighbours"], "lgbf": ["scotland", "scotland", "neighbours"],
                        "sample": ["neighbours"]}[ds])
    ind = D.pick_ind(rng, ds, [home], ranked=True)
    if ind is None:
        return None
    members = D.group(ds, home, ind) if scope == "neighbours" else sorted(
        a for a in D.names[ds] if D.held(ds, ind, a))
    periods = sorted({p for a in members for p in D.held(ds, ind, a) if " Q" not in p})
    asked = rng.random() < 0.3
    period = rng.choice(periods) if asked else periods[-1]
    one = rng.random() < 0.15
    tpl, kind = rng.choice(lx.RANK_ONE if one else lx.RANK)
    hl = rng.choice(["highest", "lowest"])
    order = kind if kind != "hl" else ("best" if (hl == "highest") == (D.pol[ds][ind] == "higher") else "worst")
    rows = ranked(D, ds, ind, members, period, order)
    n = 1 if one else rng.choice([3, 5, 10] if scope != "neighbours" else [3, 5])
    if len(rows) <= n or rows[n - 1][1] == rows[n][1]:
        return None  # a tie at the cut-off would make "top n" ambiguous
    scope_key = scope if scope != "neighbours" else f"{ds}-neighbours"
    text = tpl.format(n=n, hl=hl, ind=rng.choice(lx.PHRASES[ds][ind]), scope=rng.choice(lx.SCOPES[scope_key]))
    if asked:
        text = rng.choice([f"{text} in {say(rng, period)}", f"in {say(rng, period)}, {text}"])
    top = rows[:n]
    vals = [v for _, v in top]
    ties = sorted({v for v in vals if vals.count(v) > 1})
    note = (f"{D.pol[ds][ind]} is better; {order} {n} of {len(rows)} with a value in {period}"
            + (f"; ties inside the list at {ties}" if ties else "") + ("; group includes home" if scope_key != scope
                                                                       else ""))
    return item("rank", ds, home, [lx.casual(text, rng)],
                expect("rank", [ind], [scope], None, period if asked else None, "ranking", n, order),
                [D.fig(ds, ind, a, period) for a, _ in top], note)


def service_inds(D: Data, ds: str, home: str, svc: str) -> list[str]:
    if ds == "sample":
        return list(lx.SAMPLE_SERVICES[svc][0])
    return sorted(i for i, s in D.service[ds].items() if s == svc and D.held(ds, i, home))


def service_phrase(rng: random.Random, ds: str, svc: str) -> str:
    return rng.choice(lx.OFLOG_SERVICE if ds == "oflog" else (lx.LGBF_SERVICES[svc] if ds == "lgbf"
                                                              else lx.SAMPLE_SERVICES[svc][1]))


def make_overview(D: Data, rng: random.Random, ds: str) -> dict | None:
    home = rng.choice(D.homes[ds])
    svc = {"oflog": "adult social care", "lgbf": rng.choice(sorted(lx.LGBF_SERVICES)),
           "sample": rng.choice(sorted(lx.SAMPLE_SERVICES))}[ds]
    inds = service_inds(D, ds, home, svc)
    if not inds:
        return None
    phrase = service_phrase(rng, ds, svc)
    lasts = [D.plain_latest(ds, i, home) for i in inds]
    if rng.random() < 0.3 and all(lasts):
        p2 = max(lasts)
        starts = sorted({p for i in inds for p in D.fys(ds, i, home) if p < p2})
        p1 = rng.choice(starts[:-1] or starts)
        text = fill(rng, lx.OVERVIEW_SINCE, True, svc=phrase, y=int(p1[:4]), p1=say(rng, p1))
        return item("overview", ds, home, [text], expect("overview", inds, [home], p1, p2),
                    note=f"all {svc} indicators the home council holds; since {p1} to latest held {p2}")
    text = fill(rng, lx.OVERVIEW, True, svc=phrase)
    return item("overview", ds, home, [text], expect("overview", inds, [home]),
                note=f"all {svc} indicators the home council holds; latest")


def make_target(D: Data, rng: random.Random, ds: str) -> dict | None:
    home = HOME_SAMPLE
    ind = D.pick_ind(rng, ds, [home])
    phrase = rng.choice(lx.PHRASES[ds][ind])
    if rng.random() < 0.4:
        text = fill(rng, lx.TARGET, True, ind=phrase)
        return item("target", ds, home, [text], expect("target", [ind], [home]), note="latest held period vs target")
    p = rng.choice([p for p in D.held(ds, ind, home) if (ind, home, p) in D.targets])
    text = fill(rng, lx.TARGET_AT, True, ind=phrase, p=say(rng, p))
    return item("target", ds, home, [text], expect("target", [ind], [home], None, p), [D.fig(ds, ind, home, p)],
                f"target {D.targets[(ind, home, p)]} held for {p}")


def make_not_held(D: Data, rng: random.Random, ds: str) -> dict | None:
    home, area = subject(D, rng, ds)
    ind = D.pick_ind(rng, ds, [area])
    fys = D.fys(ds, ind, area) if ind else []
    if not fys:
        return None
    held = set(D.held(ds, ind, area))
    every = D.every(ds, ind)
    kind = rng.choice(["gap", "blank", "future", "past", "quarter", "span"])
    if kind == "gap" or kind == "blank":
        pool = ([lx.shift(fys[0], k) for k in range(1, int(fys[-1][:4]) - int(fys[0][:4]))] if kind == "gap"
                else sorted(D.blank.get((ds, ind, area), set())))
        pool = [p for p in pool if p not in held]
        if not pool:
            return None
        p, why = rng.choice(pool), ("no value for this year" if kind == "gap" else "blank value in the raw file")
    elif kind in ("future", "past", "span"):
        ahead = 2 if ds == "sample" else rng.randint(1, 2)  # sample: 2024-25 is part-held as quarters
        p = lx.shift(every[-1], ahead) if kind == "future" else lx.shift(every[0], -rng.randint(1, 4))
        why = "outside the range held"
    else:
        p, why = f"{rng.choice(fys)} Q{rng.randint(1, 4)}", "a quarter of annual data"
    if p in held:
        return None
    w = words(D, rng, ds, ind, area, home)
    if kind == "span":
        text = fill(rng, lx.SPAN_RANGE, area == home, **w, p1=say(rng, p), p2=say(rng, fys[-1]))
        exp = expect("trend", [ind], [area], p, fys[-1])
    else:
        text = fill(rng, lx.VALUE_AT, area == home, **w, p=say(rng, p))
        exp = expect("value", [ind], [area], None, p)
    return item("period_not_held", ds, home, [text], exp, note=f"{p}: {why}", not_held=True)


def make_names(D: Data, rng: random.Random, ds: str) -> dict | None:
    home = rng.choice(D.homes[ds])
    if rng.random() < 0.55:
        code, variant = rng.choice([(c, v) for c, vs in sorted(lx.AREA_VARIANTS[ds].items()) for v in vs])
        if code == home or code not in D.names[ds]:
            return None
        ind = D.pick_ind(rng, ds, [code, home], plain=True)
        if ind is None:
            return None
        kw = {"own": poss(variant), "for": f"for {variant}", "b": variant, "ind": rng.choice(lx.PHRASES[ds][ind])}
        mode = rng.choice(["value", "trend", "compare"])
        tpl = {"value": lx.VALUE_LATEST, "trend": lx.TREND, "compare": lx.COMPARE_HOME}[mode]
        areas = [home, code] if mode == "compare" else [code]
        text = fill(rng, tpl, mode == "compare", **kw)
        return item("names", ds, home, [text], expect(mode, [ind], areas, comparison="area" if mode == "compare"
                                                      else None), note=f"'{variant}' = {D.names[ds][code]}")
    lexicon = rng.choice([lx.PARAPHRASES, lx.MISSPELT])[ds]
    ind = D.pick_ind(rng, ds, [home], plain=True, pool=list(lexicon))
    if ind is None:
        return None
    phrase = rng.choice(lexicon[ind])
    mode = rng.choice(["value", "trend"])
    text = fill(rng, lx.NAMES_VALUE if mode == "value" else lx.NAMES_TREND, True, ind=phrase)
    return item("names", ds, home, [text], expect(mode, [ind], [home]), note=f"'{phrase}' = {ind}")


def make_followup(D: Data, rng: random.Random, ds: str) -> dict | None:
    home = rng.choice(D.homes[ds])
    kinds = ["context", "context", "rank", "span", "drill", "home"] + (["target"] * 2 if ds == "sample" else [])
    kind = rng.choice(kinds)
    steps: list[tuple[str, dict]] = []
    others = [a for a in D.areas[ds] if a != home]
    if kind == "context":
        a, b, c = rng.sample(others, 3)
        ind = D.pick_ind(rng, ds, [a, b, c, home], plain=True)
        fys = D.fys(ds, ind, home) if ind else []
        if len(fys) < 2:
            return None
        p, p2 = rng.choice(fys[:-1]), fys[-1]
        if p not in D.held(ds, ind, c) or D.plain_latest(ds, ind, c) != p2:
            return None
        na, nb, nc = (D.display(rng, ds, x) for x in (a, b, c))
        phr = rng.choice(lx.PHRASES[ds][ind])
        steps = [(rng.choice([f"{na} {phr}", f"{phr} in {na}?", f"what's {poss(na)} {phr}"]),
                  expect("value", [ind], [a])),
                 (rng.choice([f"and compared with {nb}?", f"how about against {nb}", f"vs {nb}?"]),
                  expect("compare", [ind], [a, b], comparison="area")),
                 (f"what was ours in {say(rng, p)}?", expect("value", [ind], [home], None, p)),
                 (rng.choice([f"and since {say(rng, p)}?", "and since then?"]), expect("trend", [ind], [home], p, p2)),
                 (rng.choice([f"what about {nc}?", f"same for {nc}"]), expect("trend", [ind], [c], p, p2))]
    elif kind == "rank":
        scope = "england" if ds == "oflog" else ("scotland" if ds == "lgbf" else "neighbours")
        ind, ind2 = (D.pick_ind(rng, ds, [home], ranked=True) for _ in range(2))
        if ind is None or ind == ind2:
            return None
        common = sorted(set(D.fys(ds, ind, home)) & set(D.fys(ds, ind2, home)))
        if not common:
            return None
        p, n = rng.choice(common), rng.choice([3, 5])
        words_ = rng.choice(lx.SCOPES[scope if scope != "neighbours" else "sample-neighbours"])
        steps = [(f"top {n} {words_} for {rng.choice(lx.PHRASES[ds][ind])}", expect("rank", [ind], [scope], None, None,
                                                                                "ranking", n, "best")),
                 (rng.choice([f"and the bottom {n}?", f"and the worst {n}"]),
                  expect("rank", [ind], [scope], None, None, "ranking", n, "worst")),
                 (f"what about in {say(rng, p)}?", expect("rank", [ind], [scope], None, p, "ranking", n, "worst")),
                 (f"same for {rng.choice(lx.PHRASES[ds][ind2])}", expect("rank", [ind2], [scope], None, p, "ranking", n,
                                                                          "worst"))]
    elif kind == "span":
        b = rng.choice(others)
        ind = D.pick_ind(rng, ds, [home, b])
        ind2 = D.pick_ind(rng, ds, [b])
        if ind is None or ind2 == ind:
            return None
        common = sorted(set(D.fys(ds, ind, home)) & set(D.fys(ds, ind, b)) & set(D.fys(ds, ind2, b)))
        if len(common) < 2:
            return None
        p1, p2 = sorted(rng.sample(common, 2))
        nb = D.display(rng, ds, b)
        steps = [(f"how has our {rng.choice(lx.PHRASES[ds][ind])} changed between {say(rng, p1)} and {say(rng, p2)}?",
                  expect("trend", [ind], [home], p1, p2)),
                 (rng.choice([f"and for {nb}?", f"what about {nb}"]), expect("trend", [ind], [b], p1, p2)),
                 (f"and {rng.choice(lx.PHRASES[ds][ind2])}?", expect("trend", [ind2], [b], p1, p2))]
    elif kind == "drill":
        svc = {"oflog": "adult social care", "lgbf": "Adult Social Care Services", "sample": rng.choice(
            sorted(lx.SAMPLE_SERVICES))}[ds]
        inds = service_inds(D, ds, home, svc)
        ind = D.pick_ind(rng, ds, [home], plain=True, pool=[i for i in inds if i in lx.PHRASES[ds]])
        if ind is None:
            return None
        steps = [(f"how are we doing on {service_phrase(rng, ds, svc)}?", expect("overview", inds, [home])),
                 (f"tell me more about {rng.choice(lx.PHRASES[ds][ind])}", expect("value", [ind], [home])),
                 (rng.choice(["is it getting better?", "is that improving"]), expect("trend", [ind], [home])),
                 (f"how do we compare with {rng.choice(lx.GROUP_WORDS[ds])} on that?",
                  expect("compare", [ind], [home, "neighbours"], comparison="neighbours"))]
    elif kind == "home":
        b = rng.choice(others)
        ind, ind2 = (D.pick_ind(rng, ds, [home, b], plain=True) for _ in range(2))
        if ind is None or ind == ind2:
            return None
        common = sorted(set(D.held(ds, ind, home)) & set(D.held(ds, ind, b)) & set(D.held(ds, ind2, home))
                        & set(D.held(ds, ind2, b)))
        if not common:
            return None
        p, nb = rng.choice(common), D.display(rng, ds, b)
        steps = [(f"what's our {rng.choice(lx.PHRASES[ds][ind])}?", expect("value", [ind], [home])),
                 (f"how does that compare with {nb}?", expect("compare", [ind], [home, b], comparison="area")),
                 (f"and in {say(rng, p)}?", expect("compare", [ind], [home, b], None, p, "area")),
                 (f"now {rng.choice(lx.PHRASES[ds][ind2])}", expect("compare", [ind2], [home, b], None, p, "area"))]
    else:
        ind, ind2 = (D.pick_ind(rng, ds, [home]) for _ in range(2))
        common = [p for p in D.held(ds, ind, home) if (ind, home, p) in D.targets and (ind2, home, p) in D.targets]
        if ind == ind2 or not common:
            return None
        p = rng.choice(common)
        steps = [(f"did we hit our {rng.choice(lx.PHRASES[ds][ind])} target last year?",
                  expect("target", [ind], [home])),
                 (f"and in {say(rng, p)}?", expect("target", [ind], [home], None, p)),
                 (f"how about {rng.choice(lx.PHRASES[ds][ind2])}?", expect("target", [ind2], [home], None, p))]
    steps = steps[: rng.randint(min(3, len(steps)), len(steps))]
    turns = [lx.casual(t, rng) for t, _ in steps]
    return item("followup", ds, home, turns, steps[-1][1], expect_each=[e for _, e in steps],
                note=f"{kind} conversation; each turn keeps what it does not override")


def make_unknown(D: Data, rng: random.Random, ds: str) -> dict | None:
    home = rng.choice(D.homes[ds])
    if rng.random() < 0.55:
        text, cands = rng.choice(lx.UNKNOWN_MEASURES[ds])
        return item("unknown", ds, home, [lx.casual(text, rng)], expect("unknown", [], [home], candidates=cands),
                    note="measure not held in this dataset" + ("; closest candidates given" if cands else ""))
    where = rng.choice(lx.UNKNOWN_AREAS[ds])
    ind = rng.choice(sorted(lx.PHRASES[ds]))
    phr = rng.choice(lx.PHRASES[ds][ind])
    text = rng.choice([f"how is {where} doing on {phr}?", f"{phr} for {where}", f"what's {poss(where)} {phr}",
                       f"compare us with {where} on {phr}"])
    areas = [home] if text.startswith("compare") else []
    return item("unknown", ds, home, [lx.casual(text, rng)], expect("unknown", [ind], areas),
                note=f"'{where}' is not a council in this dataset; the measure itself resolves")


MAKERS = {"span": make_span, "value": make_value, "trend": make_trend, "compare": make_compare, "rank": make_rank,
          "overview": make_overview, "target": make_target, "period_not_held": make_not_held, "names": make_names,
          "followup": make_followup, "unknown": make_unknown}


def build(D: Data, seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    items, seen = [], set()
    for fam, counts in COUNTS.items():
        for ds, want in zip(DATASETS, counts, strict=True):
            got, tries = 0, 0
            while got < want:
                tries += 1
                if tries > 20000:
                    raise RuntimeError(f"could not make {want} {fam} items for {ds}")
                it = MAKERS[fam](D, rng, ds)
                if it is None:
                    continue
                key = tuple(t.lower().rstrip("?") for t in it["turns"])
                if key in seen:
                    continue
                seen.add(key)
                got += 1
                it["id"] = f"{fam.replace('_', '-')}-{ds}-{got:03d}"
                items.append(it)
    return items


def split(items: list[dict], seed: int = SEED) -> tuple[list[dict], list[dict]]:
    rng = random.Random(seed + 1)
    dev, hold = [], []
    for fam in COUNTS:
        group = sorted((i for i in items if i["family"] == fam), key=lambda i: i["id"])
        rng.shuffle(group)
        half = (len(group) + 1) // 2
        dev += sorted(group[:half], key=lambda i: i["id"])
        hold += sorted(group[half:], key=lambda i: i["id"])
    return dev, hold


HEADER = {"dev": "# Blind understanding set - DEV half. May be inspected and used while developing.\n",
          "holdout": "# Blind understanding set - HOLDOUT half.\n# NEVER tune on this file: do not read its items "
                     "while changing the resolver; run it only to measure.\n"}


def write(path: Path, name: str, items: list[dict]) -> None:
    body = {"set": f"understanding_blind/{name}", "seed": SEED, "count": len(items), "items": items}
    text = yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=None)
    path.write_text(HEADER[name] + "# Generated by generate.py - do not edit by hand.\n" + text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    ap.add_argument("--pack", type=Path, default=Path(__file__).resolve().parents[3] / "bot/sample_pack/data")
    args = ap.parse_args()
    D = Data(args.shared, args.pack)
    dev, hold = split(build(D))
    args.out.mkdir(parents=True, exist_ok=True)
    write(args.out / "dev.yaml", "dev", dev)
    write(args.out / "holdout.yaml", "holdout", hold)
    for fam in COUNTS:
        n_dev, n_hold = (sum(i["family"] == fam for i in half) for half in (dev, hold))
        print(f"{fam:16s} dev {n_dev:4d}  holdout {n_hold:4d}")
    print(f"{'total':16s} dev {len(dev):4d}  holdout {len(hold):4d}")


if __name__ == "__main__":
    main()
