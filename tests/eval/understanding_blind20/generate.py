"""Builds blind understanding set 20 (dev + holdout) from the raw data files.

Run from /work/main:  .venv/bin/python tests/eval/understanding_blind20/generate.py
Every expected reading, period, ranking size and figure is computed from the files with pandas;
one random.Random(SEED) drives all choices, so reruns are byte-identical.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))

import data_model as dm  # noqa: E402
import wording as W  # noqa: E402

SEED = 20202020
rng = random.Random(SEED)
D = dm.Data()
HOME_S = dm.SAMPLE_HOME

TARGETS = {"names": 70, "rank": 70, "followup": 70, "value": 30, "span": 30, "trend": 30, "compare": 40,
           "overview": 25, "target": 20, "period_not_held": 25, "unknown": 30}
DS_SPLIT = {
    "names": {"oflog": 30, "lgbf": 28, "sample": 12},
    "rank": {"oflog": 24, "lgbf": 30, "sample": 16},
    "followup": {"oflog": 24, "lgbf": 26, "sample": 20},
    "value": {"oflog": 10, "lgbf": 10, "sample": 10},
    "span": {"oflog": 10, "lgbf": 10, "sample": 10},
    "trend": {"oflog": 10, "lgbf": 10, "sample": 10},
    "compare": {"oflog": 14, "lgbf": 14, "sample": 12},
    "overview": {"oflog": 8, "lgbf": 9, "sample": 8},
    "target": {"sample": 20},
    "period_not_held": {"oflog": 9, "lgbf": 9, "sample": 7},
    "unknown": {"oflog": 12, "lgbf": 10, "sample": 8},
}


# ====================================================================== helpers
def R(intent, inds, areas, pf=None, pt=None, comp=None, n=None, order=None):
    return {"intent": intent, "indicators": list(inds), "areas": list(areas),
            "periods": {"from": pf, "to": pt}, "comparison": comp, "n": n, "order": order}


def UNK():
    return R("unknown", [], [])


def fig(ds, ind, area, period):
    v = D.get(ds, ind, area, period)
    if v is None:
        return None
    return {"indicator_id": ind, "area_code": area, "period": period, "value": v}


def pick(seq):
    return rng.choice(list(seq))


def mphrase(ds, ind):
    return pick(W.MEASURES[ds][ind])


def rankable(ds):
    return [i for i in W.MEASURES[ds] if D.polarity.get((ds, i))]


def homes(ds):
    if ds == "oflog":
        return D.oflog_valid
    if ds == "lgbf":
        return D.areas["lgbf"]
    return [HOME_S]


def slackify(text, strength=0.5, prefix=True):
    """Meeting-break typing: lower case, dropped apostrophes, optional context, pls/thx."""
    t = text
    if rng.random() < 0.85:
        t = t.lower()
    t = re.sub(r"s's\b", "s'", t)
    if rng.random() < 0.6:
        t = t.replace("'", "")
    if rng.random() < 0.5:
        t = t.rstrip("?")
    polite = re.search(r"\b(pls|please|thx|ta|cheers)\b", t)
    if prefix and rng.random() < 0.25 * strength * 2:
        t = pick(W.CONTEXT_PRE) + " " + t
    elif not polite and rng.random() < 0.25 * strength * 2:
        t = t + " " + pick(W.CONTEXT_POST)
    t = re.sub(r"s's\b", "s'", t)
    return re.sub(r"\s+", " ", t).strip()


def yp(p, styles=None):
    return W.year_phrase(rng, p, styles)


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# ---------------------------------------------------------------- names
def base_names():
    out = {}
    for ds in ("oflog", "lgbf", "sample"):
        for a in D.areas[ds]:
            out[(ds, a)] = D.names[(ds, a)].lower()
    return out


ALL_NAMES = base_names()
ALL_FORMS = set(ALL_NAMES.values())
for lst in list(W.OFLOG_SHORT.values()) + list(W.LGBF_SHORT.values()):
    ALL_FORMS.update(x.lower() for x in lst)


KEYS = {"q": "wa", "w": "qes", "e": "wrd", "r": "etf", "t": "ryg", "y": "tuh", "u": "yij", "i": "uok",
        "o": "ipl", "p": "ol", "a": "qsz", "s": "adw", "d": "sfe", "f": "dgr", "g": "fht", "h": "gjy",
        "j": "hku", "k": "jli", "l": "ko", "z": "ax", "x": "zc", "c": "xv", "v": "cb", "b": "vn", "n": "bm",
        "m": "n"}


def typo_of(name):
    """One-letter typo whose nearest real name is unique by a clear margin (>= 3 edits to any other)."""
    cands = []
    letters = [i for i, c in enumerate(name) if c.isalpha()]
    for _ in range(40):
        i = pick(letters[1:-1]) if len(letters) > 3 else None
        if i is None:
            return None
        kind = pick(["del", "sub"])
        if kind == "del":
            t = name[:i] + name[i + 1:]
        else:
            nb = KEYS.get(name[i])
            if not nb:
                continue
            t = name[:i] + pick(nb) + name[i + 1:]
        if t == name:
            continue
        others = [f for f in ALL_FORMS if f != name]
        if min(lev(t, f) for f in others) >= 3 and lev(t, name) == 1:
            cands.append(t)
            break
    return cands[0] if cands else None


def name_form(ds, code, kind=None):
    """Returns (text, kind) for a council name the way people type it."""
    name = D.names[(ds, code)]
    kinds = ["plain", "lower", "suffix", "short", "typo"]
    if ds == "oflog":
        if code in W.OFLOG_NO_PLAIN:
            kinds = ["short"]
        elif code not in W.OFLOG_SHORT:
            kinds.remove("short")
    if ds == "lgbf" and code not in W.LGBF_SHORT:
        kinds.remove("short")
    if "&" in name:
        kinds.append("amp")
    if len(name) < 8:
        kinds = [k for k in kinds if k != "typo"]
    if kind not in kinds:
        kind = pick(kinds)
    if kind == "plain":
        return name, kind
    if kind == "lower":
        return name.lower(), kind
    if kind == "amp":
        return name.lower().replace("&", "and"), kind
    if kind == "suffix":
        if ds == "oflog":
            ent = D.oflog_entity.get(code, "")
            if ent == "Counties":
                return name + pick([" County Council", " CC", " county council"]), kind
            if ent == "London Boroughs":
                return pick(["London Borough of " + name, "LB " + name, name + " Council"]), kind
            return name + pick([" Council", " council"]), kind
        if ds == "lgbf":
            nm = {"Edinburgh City": "City of Edinburgh", "Glasgow City": "Glasgow City",
                  "Eilean Siar": "Comhairle nan Eilean Siar", "Highland": "The Highland"}.get(name, name)
            if name == "Eilean Siar":
                return nm, kind
            return nm.replace("&", "and") + pick([" Council", " council"]), kind
        for full, short in W.SAMPLE_SHORT_SUFFIX.items():
            if name.endswith(full):
                return pick([name, name.replace(full, short), name.replace(" " + full, "").lower()]), kind
        return name, kind
    if kind == "short":
        if ds == "sample":
            return sample_plain(code), kind
        if ds == "oflog":
            return pick(W.OFLOG_SHORT[code]), kind
        if ds == "lgbf":
            return pick(W.LGBF_SHORT[code]), kind
    if kind == "typo":
        plain = name.lower()
        for full in W.SAMPLE_SHORT_SUFFIX:
            plain = plain.replace(" " + full.lower(), "")
        t = typo_of(plain)
        if t:
            return t, kind
        return name.lower(), "lower"
    # sample short: drop suffix
    return name, "plain"


def sample_plain(code):
    n = D.names[("sample", code)]
    for full in W.SAMPLE_SHORT_SUFFIX:
        n = n.replace(" " + full, "")
    return n.lower()


def council_text(ds, code, kind=None):
    if ds == "sample" and kind is None and rng.random() < 0.5:
        return sample_plain(code), "short"
    return name_form(ds, code, kind)


def named_pool(ds, home):
    if ds == "oflog":
        return [c for c in D.oflog_valid if c != home]
    if ds == "lgbf":
        return [c for c in D.areas["lgbf"] if c != home]
    return [c for c in D.areas["sample"] if c != HOME_S]


# ====================================================================== family builders
ITEMS = {f: [] for f in TARGETS}


def add(family, ds, home, turns, expect, note, figures=None, expect_each=None):
    it = {"family": family, "dataset": ds, "home_area": home, "turns": turns, "expect": expect}
    if expect_each is not None:
        it["expect_each"] = expect_each
    if figures:
        it["figures"] = figures
    it["note"] = note
    key = (tuple(turns), home)
    if any((tuple(x["turns"]), x["home_area"]) == key for x in ITEMS[family]):
        return False
    ITEMS[family].append(it)
    return True


def fill(family, ds, maker, count, tries=4000):
    n = 0
    for _ in range(tries):
        if n >= count:
            break
        if maker(ds):
            n += 1
    if n < count:
        raise SystemExit(f"could not build {count} {family}/{ds} (got {n})")


# ---------------------------------------------------------------- value
VAL_HOME_LATEST = ["whats our {m}", "{m} latest?", "{m} for us pls", "where r we on {m} atm",
                   "latest {m} figure", "what's our current {m}", "our {m} now?", "{m} - where are we at the moment",
                   "what was our {m} last year"]
VAL_HOME_YEAR = ["{y} {m}?", "what was our {m} in {y}", "{m} {y} pls", "need our {m} for {y}",
                 "in {y} what was {m} for us", "our {m} back in {y}?"]
VAL_NAMED_LATEST = ["whats {c}'s {m}", "{c} {m} latest?", "{m} for {c}?", "{c} - {m}?", "what is {c} on for {m}",
                    "latest {m} for {c} pls"]
VAL_NAMED_YEAR = ["how did {c} do on {m} in {y}", "{y} {m} figure for {c}", "{c} {m} {y}?",
                  "what was {c}'s {m} in {y}"]


def sample_latest_ok(ind, area):
    # the home holds quarters for some measures; "latest" figures only where no quarter is held
    return not D.qheld.get(("sample", ind, area))


def make_value(ds, named=False, family="value", kind=None):
    home = pick(homes(ds))
    ind = pick(list(W.MEASURES[ds]))
    area = home
    ctext = None
    if named:
        area = pick(named_pool(ds, home))
        ctext, kind_used = council_text(ds, area, kind)
    ps = D.periods(ds, ind, area)
    if not ps:
        return False
    use_year = rng.random() < 0.45
    m = mphrase(ds, ind)
    if use_year:
        p = pick(ps)
        y = yp(p)
        tpl = pick(VAL_NAMED_YEAR if named else VAL_HOME_YEAR)
        text = tpl.format(m=m, y=y, c=ctext)
        exp = R("value", [ind], [area], None, p)
        figs = [fig(ds, ind, area, p)]
        note = f"value, {'named council ' if named else ''}single year {p}"
    else:
        tpl = pick(VAL_NAMED_LATEST if named else VAL_HOME_LATEST)
        text = tpl.format(m=m, c=ctext)
        exp = R("value", [ind], [area])
        lp = D.latest(ds, ind, area)
        figs = [fig(ds, ind, area, lp)] if (ds != "sample" or sample_latest_ok(ind, area)) else None
        note = f"value, {'named council ' if named else ''}latest"
    if named:
        note += f" ({kind_used} form of {D.names[(ds, area)]})"
    return add(family, ds, home, [slackify(text)], exp, note, figs)


# ---------------------------------------------------------------- names (value / compare with name forms)
def make_names(ds):
    if rng.random() < 0.78:
        return make_value(ds, named=True, family="names")
    home = pick(homes(ds))
    pool = named_pool(ds, home)
    a, b = rng.sample(pool, 2)
    ind = pick(list(W.MEASURES[ds]))
    if not D.periods(ds, ind, a) or not D.periods(ds, ind, b):
        return False
    ta, ka = council_text(ds, a)
    tb, kb = council_text(ds, b)
    m = mphrase(ds, ind)
    text = pick(["{a} vs {b} on {m}", "compare {a} and {b} {m}", "{m} {a} v {b}?", "{a} or {b} - whos better on {m}"]
                ).format(a=ta, b=tb, m=m)
    return add("names", ds, home, [slackify(text)], R("compare", [ind], [a, b], comp="area"),
               f"compare two named councils ({ka} / {kb} forms)")


# ---------------------------------------------------------------- trend / span
TREND_NOSPAN = ["is our {m} getting better", "{m} direction of travel?", "is {m} improving or not",
                "which way is our {m} heading", "{m} - are we getting better or worse", "hows our {m} trending"]
TREND_SINCE = ["{m} since {y}?", "how has our {m} changed since {y}", "since {y} has our {m} gone up or down",
               "hows {m} moved since {y}", "our {m} since {y} pls"]
TREND_SINCE_APRIL = ["{m} since april {y}", "how has {m} changed since april {y}"]
TREND_LASTN = ["{m} last {n} yrs", "{n} year trend on {m}", "whats {m} done over the past {n} years",
               "our {m} over the last {n} years pls", "{n}-year trend for {m}?", "last {n} years of {m} for us"]
SPAN_T = ["{m} between {a} and {b}", "{m} from {a} to {b}", "{a} to {b} {m} for us", "{m} {a} -> {b}",
          "how did our {m} change from {a} to {b}", "our {m} {a} to {b}?", "{m} trend {a} to {b} pls"]


def make_trend(ds):
    home = pick(homes(ds))
    ind = pick(list(W.MEASURES[ds]))
    ps = D.periods(ds, ind, home)
    if len(ps) < 4:
        return False
    m = mphrase(ds, ind)
    lp = ps[-1]
    r = rng.random()
    if r < 0.3:
        text = pick(TREND_NOSPAN).format(m=m)
        return add("trend", ds, home, [slackify(text)], R("trend", [ind], [home]), "trend wording, no span")
    if r < 0.65:
        p0 = pick(ps[:-2])
        if rng.random() < 0.25:
            text = pick(TREND_SINCE_APRIL).format(m=m, y=p0[:4])
        else:
            text = pick(TREND_SINCE).format(m=m, y=yp(p0, ["slash", "bare", "dash", "fy", "long"]))
        figs = [fig(ds, ind, home, p0), fig(ds, ind, home, lp)]
        return add("trend", ds, home, [slackify(text)], R("trend", [ind], [home], p0, lp),
                   f"since {p0} -> to council's latest held {lp}", figs)
    if ds == "sample" and D.qheld.get((ds, ind, home)):
        return False
    n = pick([3, 4, 5, 3, 5])
    nt = str(n) if rng.random() < 0.6 else W.NUM_WORDS[n]
    p0 = dm.shift(lp, -n)
    text = pick(TREND_LASTN).format(m=m, n=nt)
    figs = [fig(ds, ind, home, p0), fig(ds, ind, home, lp)]
    figs = figs if all(figs) else None
    return add("trend", ds, home, [slackify(text)], R("trend", [ind], [home], p0, lp),
               f"last {n} years from latest {lp}", figs)


def make_span(ds):
    home = pick(homes(ds))
    ind = pick(list(W.MEASURES[ds]))
    named = rng.random() < 0.2
    area = pick(named_pool(ds, home)) if named else home
    ps = D.periods(ds, ind, area)
    if len(ps) < 3:
        return False
    a, b = sorted(rng.sample(ps, 2))
    m = mphrase(ds, ind)
    st = ["slash", "dash", "long", "fy", "short"]
    ya, yb = yp(a, st), yp(b, st)
    text = pick(SPAN_T).format(m=m, a=ya, b=yb)
    if named:
        ct, k = council_text(ds, area)
        text = text.replace(" for us", "").replace("our ", "")
        text = pick(["{c} {t}", "{t} for {c}"]).format(c=ct, t=text)
    return add("span", ds, home, [slackify(text)], R("trend", [ind], [area], a, b),
               f"explicit span {a}..{b}" + (" for a named council" if named else ""),
               [fig(ds, ind, area, a), fig(ds, ind, area, b)])


# ---------------------------------------------------------------- compare
CMP_AREA = ["how do we compare with {c} on {m}", "us vs {c} {m}", "{m}: us v {c}?", "are we better than {c} on {m}",
            "compare our {m} with {c}", "how do we stack up against {c} for {m}"]
CMP_NEIGH = {"oflog": ["how do we compare w similar councils on {m}", "{m} vs our nearest neighbours?",
                       "how does our {m} stack up against our comparator group", "our {m} compared to cipfa neighbours",
                       "are we above or below our nearest neighbours on {m}"],
             "sample": ["how do we compare w similar councils on {m}", "{m} vs our nearest neighbours?",
                        "how does our {m} stack up against the comparator group",
                        "are we above or below similar councils on {m}"],
             "lgbf": ["{m} compared to our family group", "how do we compare with our family group on {m}",
                      "are we above or below the family group for {m}", "{m} vs similar councils?",
                      "how does our {m} stack up against our comparator group"]}
CMP_NAT = {"oflog": ["{m} vs england?", "how does our {m} compare to england", "are we above england on {m}",
                     "{m} us vs england avg"],
           "lgbf": ["{m} vs scotland?", "are we above the scottish average for {m}", "{m} us vs scotland",
                    "how does our {m} compare with scotland as a whole"]}


def make_compare(ds):
    home = pick(homes(ds))
    ind = pick(list(W.MEASURES[ds]))
    if not D.periods(ds, ind, home):
        return False
    m = mphrase(ds, ind)
    kinds = ["area", "area2", "neighbours", "national"] if ds != "sample" else ["area", "area2", "neighbours"]
    k = pick(kinds)
    p = None
    if rng.random() < 0.35:
        p = pick(D.periods(ds, ind, home))
    figs = None
    if k in ("area", "area2"):
        c = pick(named_pool(ds, home))
        if not D.periods(ds, ind, c):
            return False
        ct, kn = council_text(ds, c)
        if k == "area2":
            c2 = pick([x for x in named_pool(ds, home) if x != c])
            if not D.periods(ds, ind, c2):
                return False
            ct2, _ = council_text(ds, c2)
            text = pick(["{a} vs {b} on {m}", "compare {a} with {b} for {m}", "{m} - {a} v {b}"]).format(
                a=ct, b=ct2, m=m)
            areas = [c, c2]
        else:
            text = pick(CMP_AREA).format(c=ct, m=m)
            areas = [home, c]
        exp_comp = "area"
        if p:
            figs = [fig(ds, ind, a, p) for a in areas]
            figs = figs if all(figs) else None
    elif k == "neighbours":
        text = pick(CMP_NEIGH[ds]).format(m=m)
        areas, exp_comp = [home, "neighbours"], "neighbours"
    else:
        text = pick(CMP_NAT[ds]).format(m=m)
        areas, exp_comp = [home, "england" if ds == "oflog" else "scotland"], "national"
    if p:
        y = yp(p)
        text = pick(["{y}: {t}", "{t} in {y}", "{t} for {y}"]).format(y=y, t=text.rstrip("?"))
    return add("compare", ds, home, [slackify(text)], R("compare", [ind], areas, None, p, exp_comp),
               f"compare {exp_comp}" + (f" in {p}" if p else " latest"), figs)


# ---------------------------------------------------------------- rank
def group_kinds(ds):
    return {"oflog": ["england", "neighbours"], "lgbf": ["scotland", "neighbours"], "sample": ["neighbours"]}[ds]


GROUP_TEXT = {
    "england": ["in england", "nationally", "across england", "in the country"],
    "scotland": ["in scotland", "across scotland", "nationally", "in the whole of scotland"],
    "neighbours_oflog": ["among our nearest neighbours", "in our cipfa group", "in our comparator group",
                         "among similar councils"],
    "neighbours_lgbf": ["in our family group", "among our family group", "in our benchmarking family"],
    "neighbours_sample": ["among our nearest neighbours", "in our comparator group", "among similar councils",
                          "in our neighbour group"],
}


def gtext(ds, g):
    return pick(GROUP_TEXT[g] if g in ("england", "scotland") else GROUP_TEXT["neighbours_" + ds])


def rank_words(ds, ind, order, n):
    pol = D.polarity[(ds, ind)]
    nt = str(n) if (n not in W.NUM_WORDS or rng.random() < 0.7) else W.NUM_WORDS[n]
    hi_good = pol == "high"
    if order == "best":
        dirw = pick(["highest", "best"] if hi_good else ["lowest", "best"])
        topw = pick(["top", "best"]) if hi_good else "best"
    else:
        dirw = pick(["lowest", "worst"] if hi_good else ["highest", "worst"])
        topw = pick(["bottom", "worst"]) if hi_good else "worst"
    if n == 1:
        if dirw in ("best", "worst"):
            return pick(["which council is {d} for {m} {g}", "whos {d} {g} on {m}", "the {d} council {g} for {m}?"]
                        ).replace("{d}", dirw)
        return pick(["which council has the {d} {m} {g}", "who has the {d} {m} {g}"]).replace("{d}", dirw)
    if dirw in ("highest", "lowest"):
        return pick(["which {n} councils have the {d} {m} {g}", "{n} {d} councils for {m} {g}",
                     "{m} - {n} {d} {g}?"]).replace("{d}", dirw).replace("{n}", nt)
    return pick(["{t} {n} councils {g} for {m}", "{t} {n} for {m} {g}", "{m} {t} {n} {g}?",
                 "name the {n} {d} councils {g} on {m}", "{g} who are the {t} {n} on {m}"]
                ).replace("{t}", topw).replace("{n}", nt).replace("{d}", dirw)


def rank_figs(ds, ind, home, g, n, order, period):
    members = D.group(ds, ind, home, g)
    p = period or D.group_latest(ds, ind, members)
    if p is None:
        return "skip", None
    lst, tie = D.rank_list(ds, ind, members, p, n, order)
    if lst is None:
        return "skip", None
    if ds == "oflog" and any(a in D.oflog_excluded for a, _ in lst):
        return "skip", None
    if tie:
        return "tie", None
    return "ok", [fig(ds, ind, a, p) for a, _ in lst]


def make_rank(ds, family="rank"):
    home = pick(homes(ds))
    ind = pick(rankable(ds))
    g = pick(group_kinds(ds))
    m = mphrase(ds, ind)
    gset = "neighbours" if g == "neighbours" else g
    if rng.random() < 0.22:  # position
        members = D.group(ds, ind, home, g)
        p = D.group_latest(ds, ind, members)
        if D.get(ds, ind, home, p) is None:
            return False
        tpl = pick(["where do we rank {g} on {m}", "what position r we {g} for {m}",
                    "how do we rank {g} for {m}", "wheres our {m} ranking {g}",
                    "our league table position {g} on {m}?"])
        text = tpl.format(g=gtext(ds, g), m=m)
        return add(family, ds, home, [slackify(text)],
                   R("rank", [ind], [home, gset], comp="ranking"),
                   f"position among {gset} (latest held by half the group: {p})", [fig(ds, ind, home, p)])
    order = pick(["best", "worst"])
    gsize = len(D.group(ds, ind, home, g))
    n = pick([1, 3, 5, 5, 3, 10] if gsize > 20 else [1, 3, 3, 5, 2])
    period = None
    if rng.random() < 0.3:
        members = D.group(ds, ind, home, g)
        allp = sorted({p for a in members for p in D.periods(ds, ind, a)})
        period = pick(allp[:-1]) if len(allp) > 1 else None
    st, figs = rank_figs(ds, ind, home, g, n, order, period)
    if st == "skip":
        return False
    text = rank_words(ds, ind, order, n).replace("{m}", m).replace("{g}", gtext(ds, g))
    if period:
        y = yp(period)
        text = pick(["{y} {t}", "{t} in {y}"]).format(y=y, t=text.rstrip("?"))
    note = f"{order} {n} in {gset}" + (f" in {period}" if period else " latest") + (
        "; figures omitted: tie at cut-off" if st == "tie" else "")
    return add(family, ds, home, [slackify(text)],
               R("rank", [ind], [gset], None, period, "ranking", n, order), note, figs)


# ---------------------------------------------------------------- overview
def overview_inds(ds, area, svc):
    if ds == "oflog":
        return [c for c in D.inds["oflog"] if D.holds_any("oflog", c, area)]
    if ds == "lgbf":
        codes = D.lgbf_info.index[D.lgbf_info["ISCategory"] == svc]
        return sorted(c for c in codes if D.holds_any("lgbf", c, area))
    return [c for c in W.SAMPLE_SERVICES[svc][0] if D.holds_any("sample", c, area)]


def make_overview(ds):
    home = pick(homes(ds))
    named = rng.random() < 0.3
    area = pick(named_pool(ds, home)) if named else home
    if ds == "oflog":
        svc, words = None, pick(W.OFLOG_SERVICES)
    elif ds == "lgbf":  # cycle through the services so each appears
        k = sum(1 for it in ITEMS["overview"] if it["dataset"] == ds)
        svc = sorted(W.LGBF_SERVICES)[k % len(W.LGBF_SERVICES)]
        words = pick(W.LGBF_SERVICES[svc])
    else:
        k = sum(1 for it in ITEMS["overview"] if it["dataset"] == ds)
        svc = sorted(W.SAMPLE_SERVICES)[k % len(W.SAMPLE_SERVICES)]
        words = pick(W.SAMPLE_SERVICES[svc][1])
    inds = overview_inds(ds, area, svc)
    if not inds:
        return False
    if named:
        ct, _ = council_text(ds, area)
        text = pick(["hows {c} doing on {s}", "overall picture on {s} for {c}?", "{c} {s} overview pls",
                     "how is {c} doing overall on {s}"]).format(c=ct, s=words)
    else:
        text = pick(["how r we doing on {s}", "quick overview of our {s} pls", "{s} - how are we doing overall",
                     "hows {s} looking for us", "give me the headlines on {s}", "overall how are we on {s}"]
                    ).format(s=words)
    return add("overview", ds, home, [slackify(text)], R("overview", inds, [area]),
               f"overview of {svc or 'adult social care'} ({len(inds)} indicators held)")


# ---------------------------------------------------------------- target (sample)
def make_target(ds):
    ind = pick(list(W.SAMPLE_M))
    m = mphrase(ds, ind)
    if rng.random() < 0.5:
        text = pick(["r we hitting target on {m}", "{m} vs target?", "are we on target for {m}",
                     "hows {m} doing against target", "is {m} on track vs target", "{m} - target met?"]).format(m=m)
        return add("target", ds, HOME_S, [slackify(text)], R("target", [ind], [HOME_S]), "target, latest")
    ps = D.periods(ds, ind, HOME_S)
    p = pick(ps)
    text = pick(["did we meet the {m} target in {y}", "{y} {m} - target met or not", "were we on target for {m} in {y}",
                 "did {m} hit target {y}"]).format(m=m, y=yp(p))
    return add("target", ds, HOME_S, [slackify(text)], R("target", [ind], [HOME_S], None, p), f"target in {p}",
               [fig(ds, ind, HOME_S, p)])


# ---------------------------------------------------------------- period not held
def make_pnh(ds):
    home = pick(homes(ds))
    ind = pick(list(W.MEASURES[ds]))
    ps = D.periods(ds, ind, home)
    if len(ps) < 2:
        return False
    kind = pick(["before", "after", "gap", "quarter"])
    y0, y1 = dm.start_year(ps[0]), dm.start_year(ps[-1])
    held_years = {dm.start_year(p) for p in ps}
    if kind == "before":
        asked = dm.fy(y0 - pick([1, 2, 3]))
    elif kind == "after":
        if ds == "sample" and D.qheld.get((ds, ind, home)):
            return False
        asked = dm.fy(y1 + pick([1, 2]))
    elif kind == "gap":
        gaps = [y for y in range(y0, y1) if y not in held_years]
        if not gaps:
            return False
        asked = dm.fy(pick(gaps))
    else:
        p = pick(ps)
        asked = p + " " + pick(["Q1", "Q2", "Q3", "Q4"])
    ap = asked[:7]
    close = D.closest(ds, ind, home, dm.start_year(ap))
    if close is None:
        return False
    if kind == "quarter" and close != ap:
        return False
    if ds == "sample" and kind == "quarter" and D.qheld.get((ds, ind, home)):
        return False
    m = mphrase(ds, ind)
    if kind == "quarter":
        q = asked[-2:]
        y = pick([f"{ap} {q}", f"{q} {yp(ap, ['slash', 'dash'])}", f"{q.lower()} of {yp(ap, ['short', 'slash'])}"])
    else:
        y = yp(asked, ["slash", "dash", "long", "fy"])
    text = pick(VAL_HOME_YEAR).format(m=m, y=y)
    return add("period_not_held", ds, home, [slackify(text)], R("value", [ind], [home], None, asked),
               f"{kind}: {asked} not held; closest held {close}", [fig(ds, ind, home, close)])


# ---------------------------------------------------------------- unknown
UNK_COMMON = ["thanks thats really helpful", "morning all", "who built this bot", "what time does cttee start",
              "can you book me a room for 2pm", "lol ok", "is the chair here yet", "whats the wifi password",
              "cheers bot"]
UNK_OTHER_COUNCIL = ["whats cardiff's {m}", "{m} for swansea?", "how is gwynedd doing on {m}",
                     "belfast city council {m}", "newport city council {m} latest", "derry and strabane {m}?",
                     "{m} for powys pls"]
UNK_FAKE = ["port avalon council {m}", "how is east wessex doing on {m}", "glenmorven council {m}?",
            "{m} for north barsetshire"]
UNK_NOMEASURE = ["how many potholes did we fix last year", "our parking income?", "library opening hours",
                 "crime rate for us", "bus punctuality figures", "nhs waiting times in our area",
                 "how many planning enforcement notices did we serve", "number of food bank referrals",
                 "our air quality no2 levels", "council house waiting list length"]
DISTRICTS = ["cheltenham", "south cambs", "tewkesbury", "mid suffolk", "cherwell", "east hampshire",
             "st albans", "harrogate"]


def make_unknown(ds):
    home = pick(homes(ds))
    r = rng.random()
    if r < 0.2:
        text, note = pick(UNK_COMMON), "chit-chat"
    elif r < 0.35:
        if ds == "sample":
            m = mphrase(ds, pick(list(W.SAMPLE_M)))
        else:
            m = mphrase(ds, pick(list(W.MEASURES[ds])))
        text, note = pick(UNK_OTHER_COUNCIL).format(m=m), "Welsh/NI council"
    elif r < 0.45:
        m = mphrase(ds, pick(list(W.MEASURES[ds])))
        text, note = pick(UNK_FAKE).format(m=m), "made-up council"
    elif r < 0.6:
        text, note = pick(UNK_NOMEASURE), "measure no dataset holds"
    else:
        if ds == "oflog":
            if rng.random() < 0.5:
                m = mphrase("oflog", pick([c for c in W.OFLOG_M]))
                text = pick(["{c} {m}?", "whats {c}'s {m}", "{m} for {c} district council"]).format(
                    c=pick(DISTRICTS), m=m)
                note = "English district asked an Oflog measure"
            else:
                ind = pick(["HSN03", "CHN11", "ECON05", "CORP06a", "CHN24", "SW08"])
                text = pick(["whats our {m}", "{m} for us?", "our {m} latest pls"]).format(m=mphrase("lgbf", ind))
                note = "English home asking an LGBF-only measure"
        elif ds == "lgbf":
            ind = pick(["ASC5", "ASC7", "ASC6", "ASC3"])
            text = pick(["whats our {m}", "{m} for us?", "our {m} latest pls", "where are we on {m}",
                         "how do we compare w neighbours on {m}"]).format(m=mphrase("oflog", ind))
            note = "Scottish home asking an Oflog measure"
        else:
            ind = pick(["ASC1", "ASC2", "ASC5", "ASC6"])
            text = pick(["whats our {m}", "{m} for us?", "our {m} latest pls"]).format(m=mphrase("oflog", ind))
            note = "sample home asking an Oflog measure"
    return add("unknown", ds, home, [slackify(text, 0.3)], UNK(), note)


# ---------------------------------------------------------------- follow-ups
def resolve(ds, st):
    """Periods for a state: latest / year / since / lastN / span / nospan."""
    kind, arg = st["period"]
    area = st["areas"][0] if st["areas"][0] not in ("england", "scotland", "neighbours") else st["home"]
    ind = st["ind"]
    if kind == "latest" or kind == "nospan":
        return None, None
    if kind == "year":
        return None, arg
    if kind == "span":
        return arg
    lp = D.latest(ds, ind, area)
    if lp is None:
        return "bad", "bad"
    if kind == "since":
        return arg, lp
    if kind == "lastN":
        return dm.shift(lp, -arg), lp
    raise ValueError(kind)


def reading(ds, st):
    pf, pt = resolve(ds, st)
    if pf == "bad":
        return None
    return R(st["intent"], [st["ind"]], st["areas"], pf, pt, st.get("comp"), st.get("n"), st.get("order"))


def follow_figs(ds, st, r):
    if r["intent"] not in ("value", "trend") or len(r["areas"]) != 1:
        return None
    a = r["areas"][0]
    pf, pt = r["periods"]["from"], r["periods"]["to"]
    if r["intent"] == "value":
        p = pt or D.latest(ds, st["ind"], a)
        if ds == "sample" and pt is None and not sample_latest_ok(st["ind"], a):
            return None
        f = fig(ds, st["ind"], a, p) if p else None
        return [f] if f else None
    if pf and pt:
        fs = [fig(ds, st["ind"], a, pf), fig(ds, st["ind"], a, pt)]
        return fs if all(fs) else None
    return None


def held_ok(ds, st):
    for a in st["areas"]:
        if a in ("england", "scotland", "neighbours"):
            continue
        if not D.periods(ds, st["ind"], a):
            return False
        k, arg = st["period"]
        if k == "year" and D.get(ds, st["ind"], a, arg) is None:
            return False
    return True


def other_ind(ds, ind, need_rank=False):
    pool = rankable(ds) if need_rank else list(W.MEASURES[ds])
    return pick([i for i in pool if i != ind])


def make_followup(ds):
    home = pick(homes(ds))
    pat = pick(["area_then_span", "measure_then_year", "since_then_ours", "rank_flip_year", "rank_then_position",
                "neigh_year_measure", "value_nat_neigh", "named_then_us", "best_then_top_measure",
                "span_then_area", "value_lastn_measure", "target_chain"] if ds == "sample" else
               ["area_then_span", "measure_then_year", "since_then_ours", "rank_flip_year", "rank_then_position",
                "neigh_year_measure", "value_nat_neigh", "named_then_us", "best_then_top_measure",
                "span_then_area", "value_lastn_measure"])
    ind = pick(rankable(ds) if pat.startswith("rank") or pat.startswith("best") else list(W.MEASURES[ds]))
    m = mphrase(ds, ind)
    turns, states = [], []
    base = {"home": home, "ind": ind, "comp": None, "n": None, "order": None}

    def push(text, **upd):
        st = dict(states[-1] if states else base)
        st.update(upd)
        turns.append(slackify(text, 0.3, prefix=not turns))
        states.append(st)
        return st

    if pat == "area_then_span":
        push(pick(VAL_HOME_LATEST).format(m=m), intent="value", areas=[home], period=("latest", None))
        c = pick(named_pool(ds, home))
        ct, _ = council_text(ds, c)
        push(pick(["ok and {c}?", "and {c}", "what about {c}", "same for {c}?"]).format(c=ct), areas=[c])
        n = pick([3, 4, 5])
        push(pick(["what about last {n} yrs", "and over the last {n} years?", "{n} yr trend for them?"]).format(n=n),
             intent="trend", period=("lastN", n))
    elif pat == "measure_then_year":
        ps = D.periods(ds, ind, home)
        if len(ps) < 2:
            return False
        p = pick(ps)
        push(pick(VAL_HOME_YEAR).format(m=m, y=yp(p)), intent="value", areas=[home], period=("year", p))
        i2 = other_ind(ds, ind)
        push(pick(["same for {m2}", "and {m2}?", "ok what about {m2}"]).format(m2=mphrase(ds, i2)), ind=i2)
        ps2 = D.periods(ds, i2, home)
        if len(ps2) < 2:
            return False
        p2 = pick([x for x in ps2 if x != p] or ps2)
        if rng.random() < 0.6:
            push(pick(["and in {y}?", "what about {y}", "{y}?"]).format(y=yp(p2)), period=("year", p2))
    elif pat == "since_then_ours":
        c = pick(named_pool(ds, home))
        ps = D.periods(ds, ind, c)
        if len(ps) < 4:
            return False
        p0 = pick(ps[:-2])
        ct, _ = council_text(ds, c)
        push(pick(["how has {c}'s {m} changed since {y}", "{c} {m} since {y}?", "{m} for {c} since {y}"]).format(
            c=ct, m=m, y=yp(p0, ["slash", "bare", "dash", "fy"])), intent="trend", areas=[c], period=("since", p0))
        hp = D.periods(ds, ind, home)
        if not hp:
            return False
        p1 = pick(hp)
        push(pick(["what was ours in {y}", "and ours in {y}?", "what was our figure in {y}"]).format(y=yp(p1)),
             intent="value", areas=[home], period=("year", p1))
    elif pat == "rank_flip_year":
        g = pick(group_kinds(ds))
        gsize = len(D.group(ds, ind, home, g))
        n = pick([3, 5] if gsize > 10 else [2, 3])
        gs = "neighbours" if g == "neighbours" else g
        text = rank_words(ds, ind, "best", n).replace("{m}", m).replace("{g}", gtext(ds, g))
        push(text, intent="rank", areas=[gs], period=("latest", None), comp="ranking", n=n, order="best")
        push(pick(["and bottom {n}?", "and the worst {n}", "ok now the bottom {n}"]).format(n=n), order="worst")
        members = D.group(ds, ind, home, g)
        allp = sorted({p for a in members for p in D.periods(ds, ind, a)})
        if len(allp) > 2 and rng.random() < 0.7:
            p = pick(allp[:-1])
            push(pick(["what about in {y}", "and for {y}?", "same in {y}"]).format(y=yp(p)), period=("year", p))
    elif pat == "rank_then_position":
        g = pick(group_kinds(ds))
        gs = "neighbours" if g == "neighbours" else g
        n = pick([3, 5]) if len(D.group(ds, ind, home, g)) > 10 else 3
        order = pick(["best", "worst"])
        text = rank_words(ds, ind, order, n).replace("{m}", m).replace("{g}", gtext(ds, g))
        push(text, intent="rank", areas=[gs], period=("latest", None), comp="ranking", n=n, order=order)
        push(pick(["where do we sit", "and where are we", "wheres us in that", "what position are we"]),
             areas=[home, gs], n=None, order=None)
        if rng.random() < 0.6:
            i2 = other_ind(ds, ind, need_rank=True)
            push(pick(["and for {m2}?", "same for {m2}", "what about {m2}"]).format(m2=mphrase(ds, i2)), ind=i2)
    elif pat == "neigh_year_measure":
        push(pick(CMP_NEIGH[ds]).format(m=m), intent="compare", areas=[home, "neighbours"], period=("latest", None),
             comp="neighbours")
        ps = D.periods(ds, ind, home)
        p = pick(ps[:-1]) if len(ps) > 1 else None
        if not p:
            return False
        push(pick(["and in {y}?", "what about {y}", "same for {y}"]).format(y=yp(p)), period=("year", p))
        i2 = other_ind(ds, ind)
        if D.get(ds, i2, home, p) is None:
            return False
        push(pick(["and {m2}?", "same for {m2}", "ok now {m2}"]).format(m2=mphrase(ds, i2)), ind=i2)
    elif pat == "value_nat_neigh":
        if ds == "sample":
            return False
        push(pick(VAL_HOME_LATEST).format(m=m), intent="value", areas=[home], period=("latest", None))
        nat = "england" if ds == "oflog" else "scotland"
        push(pick(["vs {n}?", "how does that compare to {n}", "and against {n} as a whole"]).format(n=nat),
             intent="compare", areas=[home, nat], comp="national")
        push(pick(["and the family group?" if ds == "lgbf" else "and our nearest neighbours?",
                   "what about similar councils", "and v our comparator group"]),
             areas=[home, "neighbours"], comp="neighbours")
    elif pat == "named_then_us":
        c = pick(named_pool(ds, home))
        ps = D.periods(ds, ind, c)
        if not ps:
            return False
        ct, _ = council_text(ds, c)
        p = pick(ps) if rng.random() < 0.5 else None
        if p:
            push(pick(VAL_NAMED_YEAR).format(c=ct, m=m, y=yp(p)), intent="value", areas=[c], period=("year", p))
        else:
            push(pick(VAL_NAMED_LATEST).format(c=ct, m=m), intent="value", areas=[c], period=("latest", None))
        push(pick(["and us?", "what about ours", "and ours?", "and for us"]), areas=[home])
    elif pat == "best_then_top_measure":
        g = pick(group_kinds(ds))
        gs = "neighbours" if g == "neighbours" else g
        text = rank_words(ds, ind, "best", 1).replace("{m}", m).replace("{g}", gtext(ds, g))
        push(text, intent="rank", areas=[gs], period=("latest", None), comp="ranking", n=1, order="best")
        n = pick([3, 5]) if len(D.group(ds, ind, home, g)) > 10 else 3
        push(pick(["ok top {n} then", "give me the top {n}", "and the best {n}?"]).format(n=n), n=n)
        i2 = other_ind(ds, ind, need_rank=True)
        push(pick(["and for {m2}", "same for {m2}?", "now {m2}"]).format(m2=mphrase(ds, i2)), ind=i2)
    elif pat == "span_then_area":
        ps = D.periods(ds, ind, home)
        if len(ps) < 3:
            return False
        a, b = sorted(rng.sample(ps, 2))
        st5 = ["slash", "dash", "long", "fy", "short"]
        push(pick(SPAN_T).format(m=m, a=yp(a, st5), b=yp(b, st5)), intent="trend", areas=[home],
             period=("span", (a, b)))
        c = pick(named_pool(ds, home))
        ct, _ = council_text(ds, c)
        push(pick(["and {c}?", "same for {c}", "what about {c} over that period"]).format(c=ct), areas=[c])
    elif pat == "value_lastn_measure":
        if ds == "sample" and D.qheld.get((ds, ind, home)):
            return False
        push(pick(VAL_HOME_LATEST).format(m=m), intent="value", areas=[home], period=("latest", None))
        n = pick([3, 5])
        push(pick(["what about last {n} yrs", "and the {n} year trend?", "over the last {n} years?"]).format(n=n),
             intent="trend", period=("lastN", n))
        i2 = other_ind(ds, ind)
        if ds == "sample" and D.qheld.get((ds, i2, home)):
            return False
        push(pick(["and {m2}?", "same for {m2}", "ok and {m2}"]).format(m2=mphrase(ds, i2)), ind=i2)
    elif pat == "target_chain":
        push(pick(VAL_HOME_LATEST).format(m=m), intent="value", areas=[home], period=("latest", None))
        push(pick(["is that on target?", "r we hitting target on it", "and vs target?"]), intent="target")
        p = pick(D.periods(ds, ind, home)[:-1])
        push(pick(["and in {y}?", "what about {y}", "did we hit it in {y}"]).format(y=yp(p)), period=("year", p))
    if len(turns) < 2:
        return False
    readings = []
    for st in states:
        if not held_ok(ds, st):
            return False
        r = reading(ds, st)
        if r is None:
            return False
        if r["intent"] == "rank" and r["n"]:
            s, _ = rank_figs(ds, st["ind"], home, "neighbours" if r["areas"] == ["neighbours"] else r["areas"][0],
                             r["n"], r["order"], r["periods"]["to"])
            if s == "skip":
                return False
        readings.append(r)
    final = readings[-1]
    figs = follow_figs(ds, states[-1], final)
    if final["intent"] == "rank" and final["n"]:
        g = "neighbours" if final["areas"] == ["neighbours"] else final["areas"][0]
        s, rf = rank_figs(ds, states[-1]["ind"], home, g, final["n"], final["order"], final["periods"]["to"])
        figs = None  # finals that are lists carry no figures (figures only on single values / spans)
    return add("followup", ds, home, turns, final, f"follow-up thread: {pat}", figs, readings)


# ====================================================================== build
def build():
    for ds, k in DS_SPLIT["value"].items():
        fill("value", ds, lambda d: make_value(d), k)
    for ds, k in DS_SPLIT["names"].items():
        fill("names", ds, make_names, k)
    for ds, k in DS_SPLIT["trend"].items():
        fill("trend", ds, make_trend, k)
    for ds, k in DS_SPLIT["span"].items():
        fill("span", ds, make_span, k)
    for ds, k in DS_SPLIT["compare"].items():
        fill("compare", ds, make_compare, k)
    for ds, k in DS_SPLIT["rank"].items():
        fill("rank", ds, make_rank, k)
    for ds, k in DS_SPLIT["overview"].items():
        fill("overview", ds, make_overview, k)
    for ds, k in DS_SPLIT["target"].items():
        fill("target", ds, make_target, k)
    for ds, k in DS_SPLIT["period_not_held"].items():
        fill("period_not_held", ds, make_pnh, k)
    for ds, k in DS_SPLIT["unknown"].items():
        fill("unknown", ds, make_unknown, k)
    for ds, k in DS_SPLIT["followup"].items():
        fill("followup", ds, make_followup, k)

    dev, hold = [], []
    for fam in TARGETS:
        items = ITEMS[fam]
        for i, it in enumerate(items, 1):
            it_id = f"b20-{fam}-{i:03d}"
            ITEMS[fam][i - 1] = {"id": it_id, **it}
        for ds in ("oflog", "lgbf", "sample"):
            grp = [it for it in ITEMS[fam] if it["dataset"] == ds]
            rng.shuffle(grp)
            for j, it in enumerate(grp):
                (dev if j % 2 == 0 else hold).append(it)
    for name, items in (("dev", dev), ("holdout", hold)):
        doc = {"set": f"understanding_blind20_{name}", "seed": SEED, "count": len(items), "items": items}
        with open(HERE / f"{name}.yaml", "w", encoding="utf-8") as fh:
            yaml.safe_dump(doc, fh, sort_keys=False, allow_unicode=True, width=1000)
    counts = {}
    for part, items in (("dev", dev), ("holdout", hold)):
        for it in items:
            counts.setdefault((it["family"], it["dataset"]), {"dev": 0, "holdout": 0})[part] += 1
    print(f"dev {len(dev)}  holdout {len(hold)}")
    for (f, d), c in sorted(counts.items()):
        print(f"{f:16s} {d:7s} dev {c['dev']:3d} holdout {c['holdout']:3d}")


if __name__ == "__main__":
    build()
