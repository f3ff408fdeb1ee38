"""Build blind understanding set 9 from the raw data files. Run from /work/main:
    .venv/bin/python tests/eval/understanding_blind9/generate.py
Deterministic: one random.Random(SEED) drives every choice."""

import os
import random
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import names as N  # noqa: E402
import phrases as P  # noqa: E402
from data import Lgbf, Oflog, Sample, rank_list, ranking_period, shift, year_gap  # noqa: E402

SEED = 9190909
rng = random.Random(SEED)
OF, LG, SA = Oflog(), Lgbf(), Sample()
HOME_S = SA.HOME
SEEN = set()

LG_INDS = sorted(P.LGBF)
OF_RANKABLE = ["ASC1", "ASC2", "ASC3", "ASC4", "ASC5", "ASC7"]
SA_INDS = sorted(P.SAMPLE)
SA_NO_TURNOVER = [i for i in SA_INDS if i != "staff_turnover"]


def R(intent, inds, areas, pf=None, pt=None, comp=None, n=None, order=None):
    return {
        "intent": intent,
        "indicators": list(inds),
        "areas": list(areas),
        "periods": {"from": pf, "to": pt},
        "comparison": comp,
        "n": n,
        "order": order,
    }


def U():
    return R("unknown", [], [])


def ch(xs):
    return xs[rng.randrange(len(xs))]


def fig(ind, area, period, value):
    return {"indicator_id": ind, "area_code": area, "period": period, "value": round(float(value), 6)}


def fy(p, allow_bare=True):
    a, b = p[:4], p[5:7]
    opts = [p, f"{a}/{b}", f"{a}-20{b}", f"FY{a[2:]}/{b}", f"{a}/20{b}", f"financial year {a}-{b}", f"{a}-{b}"]
    if allow_bare:
        opts.append(a)
    return ch(opts)


def since(p):
    a = p[:4]
    return ch([f"since {a}", f"since {a}/{p[5:7]}", f"since April {a}", f"since {p}", f"since {a}"])


def low(s):
    return s[0].lower() + s[1:] if s and not s[:2].isupper() else s


def cap(s):
    return s[0].upper() + s[1:] if s else s


def finish(t):
    t = t.strip()
    t = t.replace("  ", " ")
    parts = t.split(". ")
    return ". ".join([parts[0]] + [cap(x) for x in parts[1:]])


def ctx(ds, ind=None):
    if ds == "oflog" and rng.random() < 0.5:
        return ch(P.CTX_ASC)
    return ch(P.CTX_GENERIC)


def ask():
    return ch(P.ASK)


def name_of(ds, area):
    return {"oflog": OF.names, "lgbf": LG.names, "sample": SA.names}[ds][area]


def forms(ds, area):
    if ds == "oflog":
        return N.english_forms(OF.names[area], OF.entity[area])
    if ds == "lgbf":
        return N.scottish_forms(LG.names[area])
    nm = SA.names[area]
    short = nm.replace(" District Council", "").replace(" Borough Council", "")
    return [nm, short, short.lower(), nm.lower()]


ALL_NAMES = sorted(
    set(OF.names.values())
    | set(LG.names.values())
    | {n.replace(" District Council", "").replace(" Borough Council", "") for n in SA.names.values()}
)


def council_word(ds, area, allow_typo=True):
    f = ch(forms(ds, area))
    if allow_typo and rng.random() < 0.12:
        base = name_of(ds, area)
        if ds == "sample":
            base = base.replace(" District Council", "").replace(" Borough Council", "")
        t = N.typo(rng, base, ALL_NAMES)
        if t:
            return t, True
    return f, False


def ind_word(ds, ind):
    w = ch({"oflog": P.OFLOG, "lgbf": P.LGBF, "sample": P.SAMPLE}[ds][ind])
    return w[4:] if w.startswith("the ") else w


def poss(name):
    return name + ("'" if name.endswith("s") else "'s")


def quarter_held(ind):
    return any(" Q" in p for p in SA.s(ind, HOME_S, annual=False))


def series(ds, ind, area):
    return {"oflog": OF, "lgbf": LG, "sample": SA}[ds].s(ind, area)


def lg_ok_home(area, ind):
    return bool(LG.s(ind, area))


LG_HOMES = [a for a in LG.all_areas if LG.names[a] not in N.SC_SKIP_NAMED]
OF_HOMES = OF.homes
SA_OTHERS = [a for a in SA.neighbours if a != HOME_S]


def pick_home(ds, ind=None):
    if ds == "oflog":
        pool = [h for h in OF_HOMES if ind is None or OF.s(ind, h)]
    elif ds == "lgbf":
        pool = [h for h in LG_HOMES if ind is None or LG.s(ind, h)]
    else:
        return HOME_S
    return ch(pool)


def pick_other(ds, home, ind=None):
    if ds == "oflog":
        pool = [a for a in OF.ok_areas if a != home and (ind is None or OF.s(ind, a))]
    elif ds == "lgbf":
        pool = [a for a in LG_HOMES if a != home and (ind is None or LG.s(ind, a))]
    else:
        pool = SA_OTHERS
    return ch(pool)


def pick_ind(ds, rankable=False):
    if ds == "oflog":
        return ch(OF_RANKABLE if rankable else OF.inds)
    if ds == "lgbf":
        pool = [i for i in LG_INDS if not rankable or LG.polarity(i)]
        return ch(pool)
    return ch(SA_INDS)


def ind_latest(ds, ind):
    if ds == "oflog":
        return OF.ind_latest(ind)
    if ds == "lgbf":
        return LG.ind_latest(ind)
    return "2023-24"


def latest_ok(ds, ind, area):
    """The council's own latest held year equals the measure's latest year (keeps 'latest' unambiguous)."""
    s = series(ds, ind, area)
    return bool(s) and max(s) == ind_latest(ds, ind)


ITEMS = []


def add(family, ds, home, turns, expect, figures=None, note="", each=None):
    key = tuple(t.lower() for t in turns)
    if key in SEEN:
        return False
    SEEN.add(key)
    it = {"family": family, "dataset": ds, "home_area": home, "turns": [finish(t) for t in turns], "expect": expect}
    if each is not None:
        it["expect_each"] = each
    if figures:
        it["figures"] = figures
    it["note"] = note
    ITEMS.append(it)
    return True


def loop(fn, count):
    made, tries = 0, 0
    while made < count and tries < count * 60:
        tries += 1
        if fn():
            made += 1
    if made < count:
        print(f"warning: {fn.__name__} made {made}/{count}", file=sys.stderr)


# ---------------------------------------------------------------- value
def value_item(ds, family="value"):
    ind = pick_ind(ds)
    if ds == "sample":
        ind = ch(SA_INDS)
    home = pick_home(ds, ind)
    s = series(ds, ind, home)
    if not s:
        return False
    w = ind_word(ds, ind)
    if rng.random() < 0.45:
        if not latest_ok(ds, ind, home) or (ds == "sample" and quarter_held(ind)):
            return False
        p = max(s)
        templates = [
            "{c}{a} what our latest figure is for {w}?",
            "{c}what is our current position on {w}?",
            "{W} - what's the most recent figure we have for the council?",
            "{c}{a} where we currently stand on {w}, please?",
            "whats our latest {w}",
            "{c}I need the most recent value for {w} for our authority.",
        ]
        t = ch(templates).format(c=ctx(ds), a=ask(), w=w, W=cap(w))
        return add(
            family, ds, home, [cap(t)], R("value", [ind], [home]), [fig(ind, home, p, s[p])], f"latest value, {ind}"
        )
    p = ch(sorted(s))
    pw = fy(p)
    templates = [
        "{c}{a} what our {w} was in {p}?",
        "{c}what was the council's {w} for {p}?",
        "{W} for {p} - what did we record?",
        "{c}{a} the figure we reported for {w} in {p}.",
        "what was our {w} in {p} pls",
        "{c}for {p}, what was our {w}?",
    ]
    t = ch(templates).format(c=ctx(ds), a=ask(), w=w, W=cap(w), p=pw)
    return add(
        family,
        ds,
        home,
        [cap(t)],
        R("value", [ind], [home], None, p),
        [fig(ind, home, p, s[p])],
        f"value in {p}, {ind}",
    )


# ---------------------------------------------------------------- names
def names_item(ds):
    ind = pick_ind(ds)
    home = pick_home(ds, ind)
    other = pick_other(ds, home, ind)
    s = series(ds, ind, other)
    if not s:
        return False
    cw, typoed = council_word(ds, other)
    w = ind_word(ds, ind)
    mode = rng.random()
    if mode < 0.35:
        if not latest_ok(ds, ind, other):
            return False
        p = max(s)
        t = ch(
            [
                "{c}{a} the latest {w} for {n}?",
                "{n} - what is their most recent {w}?",
                "{c}what is the current figure for {w} at {n}?",
                "latest {w} for {n} please",
                "{c}I'd like the most recent {w} figure for {n}, if you have it.",
            ]
        ).format(c=ctx(ds), a=ask(), w=w, n=cw)
        return add(
            "names",
            ds,
            home,
            [cap(t)],
            R("value", [ind], [other]),
            [fig(ind, other, p, s[p])],
            f"named council {name_of(ds, other)}{' (typo)' if typoed else ''}, latest {ind}",
        )
    if mode < 0.75:
        p = ch(sorted(s))
        t = ch(
            [
                "{c}{a} what {n} recorded for {w} in {p}?",
                "What was {pn} {w} in {p}?",
                "{n}: {w}, {p}?",
                "{c}how did {n} do on {w} in {p}?",
                "can you pull {w} for {n} for {p}",
            ]
        ).format(c=ctx(ds), a=ask(), w=w, n=cw, pn=poss(cw), p=fy(p))
        return add(
            "names",
            ds,
            home,
            [cap(t)],
            R("value", [ind], [other], None, p),
            [fig(ind, other, p, s[p])],
            f"named council {name_of(ds, other)}{' (typo)' if typoed else ''}, {ind} {p}",
        )
    # compare us with one or two named councils
    others = [other]
    if rng.random() < 0.4:
        o2 = pick_other(ds, home, ind)
        if o2 in others:
            return False
        others.append(o2)
    cws = [cw] + [council_word(ds, o, allow_typo=False)[0] for o in others[1:]]
    joined = " and ".join(cws)
    t = ch(
        [
            "{c}how do we compare with {j} on {w}?",
            "{c}{a} how our {w} compares with {j}?",
            "{W}: us versus {j}?",
            "how do we stack up against {j} for {w}",
        ]
    ).format(c=ctx(ds), a=ask(), w=w, W=cap(w), j=joined)
    return add(
        "names",
        ds,
        home,
        [cap(t)],
        R("compare", [ind], [home] + others, comp="area"),
        None,
        f"compare home with named {', '.join(name_of(ds, o) for o in others)}",
    )


# ---------------------------------------------------------------- span
def span_item(ds):
    ind = pick_ind(ds)
    home = pick_home(ds, ind)
    s = series(ds, ind, home)
    ys = sorted(s)
    if len(ys) < 2:
        return False
    a, b = sorted(rng.sample(ys, 2))
    aw, bw = fy(a, allow_bare=False), fy(b, allow_bare=False)
    w = ind_word(ds, ind)
    t = ch(
        [
            "{c}{a_} how our {w} changed between {x} and {y}?",
            "{c}what happened to {w} from {x} to {y}?",
            "{W} {x} to {y} - how has it moved?",
            "{c}please can you show me our {w} over the period {x} to {y}.",
            "{W}, {x} -> {y}, trend please",
            "{c}I'd like to see how {w} developed between {x} and {y} for our council.",
        ]
    ).format(c=ctx(ds), a_=ask(), w=w, W=cap(w), x=aw, y=bw)
    return add(
        "span",
        ds,
        home,
        [cap(t)],
        R("trend", [ind], [home], a, b),
        [fig(ind, home, a, s[a]), fig(ind, home, b, s[b])],
        f"explicit span {a}..{b}, {ind}",
    )


# ---------------------------------------------------------------- trend
def trend_item(ds):
    ind = pick_ind(ds)
    home = pick_home(ds, ind)
    s = series(ds, ind, home)
    if not s or not latest_ok(ds, ind, home):
        return False
    last = max(s)
    w = ind_word(ds, ind)
    mode = rng.random()
    if mode < 0.4:
        ys = [y for y in sorted(s) if y < last]
        if not ys:
            return False
        y0 = ch(ys)
        t = ch(
            [
                "{c}how has our {w} changed {s}?",
                "{c}{a} how {w} has moved {s}?",
                "{W} {s} - how has it changed?",
                "{c}what has been the trajectory of our {w} {s}?",
            ]
        ).format(c=ctx(ds), a=ask(), w=w, W=cap(w), s=since(y0))
        return add(
            "trend",
            ds,
            home,
            [cap(t)],
            R("trend", [ind], [home], y0, last),
            [fig(ind, home, y0, s[y0]), fig(ind, home, last, s[last])],
            f"since {y0}, {ind}",
        )
    if mode < 0.75:
        n = rng.choice([2, 3, 4, 5])
        start = shift(last, -n)
        nw = ch([str(n), {2: "two", 3: "three", 4: "four", 5: "five"}[n]])
        t = ch(
            [
                "{c}what has our {w} looked like over the last {n} years?",
                "{c}{a} the {n}-year trend for {w}?",
                "{W} over the past {n} years please",
                "{c}how has {w} moved over the last {n} years?",
            ]
        ).format(c=ctx(ds), a=ask(), w=w, W=cap(w), n=nw if "{n}-year" not in "" else str(n))
        t = (
            t.replace("the two-year", "the 2-year")
            .replace("the three-year", "the 3-year")
            .replace("the four-year", "the 4-year")
            .replace("the five-year", "the 5-year")
        )
        figs = [fig(ind, home, last, s[last])]
        if start in s:
            figs.insert(0, fig(ind, home, start, s[start]))
        return add("trend", ds, home, [cap(t)], R("trend", [ind], [home], start, last), figs, f"last {n} years, {ind}")
    t = ch(
        [
            "{c}is our {w} getting better or worse?",
            "{c}what is the direction of travel on {w}?",
            "{W} - is it improving?",
            "{c}{a} whether {w} is heading in the right direction?",
            "r we improving on {w}",
        ]
        if ind != "ASC6"
        else ["{c}what is the trend in our {w}?", "{c}{a} how our {w} has been trending?"]
    ).format(c=ctx(ds), a=ask(), w=w, W=cap(w))
    return add("trend", ds, home, [cap(t)], R("trend", [ind], [home]), None, f"direction of travel, {ind}")


# ---------------------------------------------------------------- compare
def compare_item(ds):
    ind = pick_ind(ds)
    home = pick_home(ds, ind)
    if not series(ds, ind, home):
        return False
    w = ind_word(ds, ind)
    kinds = ["neighbours", "area"] + (["national"] if ds != "sample" else [])
    kind = ch(kinds)
    p = None
    s = series(ds, ind, home)
    if rng.random() < 0.35:
        p = ch(sorted(s))
    pp = f" in {fy(p)}" if p else ""
    if kind == "neighbours":
        grp = ch(
            ["similar councils", "our nearest neighbours", "our comparator group"]
            + (
                ["our family group", "the rest of our family group"]
                if ds == "lgbf"
                else ["our CIPFA nearest neighbours"]
                if ds == "oflog"
                else ["our statistical neighbours"]
            )
        )
        t = ch(
            [
                "{c}how does our {w} compare with {g}{p}?",
                "{c}{a} how we compare against {g} on {w}{p}?",
                "{W}{p}: how do we look against {g}?",
                "hows our {w} vs {g}{p}",
            ]
        ).format(c=ctx(ds), a=ask(), w=w, W=cap(w), g=grp, p=pp)
        return add(
            "compare",
            ds,
            home,
            [cap(t)],
            R("compare", [ind], [home, "neighbours"], None, p, "neighbours"),
            None,
            f"vs neighbours, {ind}",
        )
    if kind == "national":
        nat = "england" if ds == "oflog" else "scotland"
        g = (
            ch(["the England average", "the national median", "England as a whole"])
            if ds == "oflog"
            else ch(["the Scottish average", "the Scotland figure", "Scotland as a whole"])
        )
        t = ch(
            [
                "{c}how does our {w} compare with {g}{p}?",
                "{c}{a} whether our {w} is above or below {g}{p}?",
                "{W}{p} - us against {g}?",
            ]
        ).format(c=ctx(ds), a=ask(), w=w, W=cap(w), g=g, p=pp)
        return add(
            "compare",
            ds,
            home,
            [cap(t)],
            R("compare", [ind], [home, nat], None, p, "national"),
            None,
            f"vs {nat}, {ind}",
        )
    o = pick_other(ds, home, ind)
    cw, _ = council_word(ds, o, allow_typo=False)
    t = ch(
        [
            "{c}how do we compare with {n} on {w}{p}?",
            "{c}{a} how our {w} compares with that of {n}{p}?",
            "{W}{p}: how are we doing relative to {n}?",
        ]
    ).format(c=ctx(ds), a=ask(), w=w, W=cap(w), n=cw, p=pp)
    return add(
        "compare",
        ds,
        home,
        [cap(t)],
        R("compare", [ind], [home, o], None, p, "area"),
        None,
        f"vs {name_of(ds, o)}, {ind}",
    )


# ---------------------------------------------------------------- rank
def group_for(ds, home, kind, ind):
    if ds == "oflog":
        return OF.group(home, kind)
    if ds == "lgbf":
        return LG.group(home, kind, ind)
    return SA.group(home, kind)


def rank_compute(ds, home, kind, ind, n, order, period=None):
    grp = group_for(ds, home, kind, ind)
    fn = lambda a: series(ds, ind, a)  # noqa: E731
    if period is None:
        allp = sorted({p for a in grp for p in fn(a)})
        period = ranking_period(fn, grp, allp)
    if period is None:
        return None
    vals = {a: fn(a)[period] for a in grp if period in fn(a)}
    pol = {"oflog": OF, "lgbf": LG, "sample": SA}[ds].polarity(ind)
    listed, tie = rank_list(vals, pol, n, order)
    if listed is None:
        return None
    return period, listed, tie, vals


def extreme_words(ds, ind, order):
    pol = {"oflog": OF, "lgbf": LG, "sample": SA}[ds].polarity(ind)
    hi = (pol == "higher") == (order == "best")
    return "highest" if hi else "lowest"


def rank_item(ds, family="rank"):
    ind = pick_ind(ds, rankable=True)
    if ds == "sample":
        ind = ch(SA_INDS)
    home = pick_home(ds, ind)
    kind = ch(["neighbours", "national"]) if ds != "sample" else "neighbours"
    token = "neighbours" if kind == "neighbours" else ("england" if ds == "oflog" else "scotland")
    w = ind_word(ds, ind)
    gw = ch(
        {
            "neighbours": ["among our nearest neighbours", "in our comparator group", "among similar councils"]
            + (["in our family group"] if ds == "lgbf" else []),
            "national": ["in England", "across England", "nationally"]
            if ds == "oflog"
            else ["in Scotland", "across Scotland", "out of the 32 Scottish councils"],
        }[kind]
    )
    if ds == "sample" and kind == "neighbours":
        gw = ch(
            [
                "among our nearest neighbours",
                "in our comparator group",
                "among similar councils",
                "in our neighbour group",
            ]
        )
    period = None
    series(ds, ind, home)
    if rng.random() < 0.3:
        allp = sorted({p for a in group_for(ds, home, kind, ind) for p in series(ds, ind, a)})
        period = ch(allp)
    pp = f" in {fy(period)}" if period else ""
    if rng.random() < 0.3:
        # position question
        res = rank_compute(ds, home, kind, ind, 1, "best", period)
        if not res:
            return False
        per, _, _, vals = res
        if home not in vals:
            return False
        t = ch(
            [
                "{c}where do we rank {g} on {w}{p}?",
                "{c}{a} what position we hold {g} for {w}{p}?",
                "{W}{p} - where do we sit {g}?",
                "how do we rank {g} for {w}{p}",
            ]
        ).format(c=ctx(ds), a=ask(), w=w, W=cap(w), g=gw, p=pp)
        return add(
            family,
            ds,
            home,
            [cap(t)],
            R("rank", [ind], [home, token], None, period, "ranking"),
            [fig(ind, home, per, vals[home])],
            f"position {token}, {ind} at {per}",
        )
    n = ch([1, 3, 3, 5, 5, 10]) if kind == "national" else ch([1, 3, 3, 5])
    order = ch(["best", "best", "worst"])
    res = rank_compute(ds, home, kind, ind, n, order, period)
    if not res:
        return False
    per, listed, tie, vals = res
    if ds == "oflog" and kind == "national" and set(listed) & OF.EXCLUDED:
        return False
    ext = extreme_words(ds, ind, order)
    lower_better = {"oflog": OF, "lgbf": LG, "sample": SA}[ds].polarity(ind) == "lower"
    perf = "best-performing" if order == "best" else "worst-performing"
    nw = {1: "", 3: ch(["three", "3"]), 5: ch(["five", "5"]), 10: ch(["ten", "10"])}[n]
    if n == 1:
        single = ch([f"the {ext} {w}", f"the {ext} figure for {w}"])
        t = ch(
            [
                "{c}which council has {s} {g}{p}?",
                "{c}{a} which authority {g} is the {pf} on {w}{p}?",
                "who has {s} {g}{p}",
            ]
        ).format(c=ctx(ds), a=ask(), s=single, g=gw, pf=perf, w=w, p=pp)
    else:
        top = ch(["top", "best"]) if order == "best" else ch(["bottom", "worst"])
        if lower_better:
            top = order
        t = ch(
            [
                "{c}which are the {n} councils with the {e} {w} {g}{p}?",
                "{c}{a} the {t} {n} {g} for {w}{p}?",
                "{W}{p}: who are the {n} {pf} {g}?",
                "{t} {n} {g} on {w}{p} pls",
                "{c}could I have a list of the {n} {pf} councils {g} on {w}{p}?",
            ]
        ).format(c=ctx(ds), a=ask(), n=nw, e=ext, w=w, W=cap(w), g=gw, p=pp, t=top, pf=perf)
    figs = None if tie else [fig(ind, a, per, vals[a]) for a in listed]
    if figs and ds == "lgbf" and any(LG.names[a] in N.SC_SKIP_NAMED for a in listed):
        figs = None
    return add(
        family,
        ds,
        home,
        [cap(t)],
        R("rank", [ind], [token], None, period, "ranking", n, order),
        figs,
        f"{order} {n} {token}, {ind} at {per}{' (tie at cut-off: no figures)' if tie else ''}",
    )


# ---------------------------------------------------------------- overview
def overview_item(ds):
    if ds == "oflog":
        home = pick_home(ds)
        area = home if rng.random() < 0.6 else pick_other(ds, home)
        inds = OF.held_inds(area)
        sw = ch(["adult social care", "adult social care services", "ASC", "social care for adults"])
    elif ds == "lgbf":
        home = pick_home(ds)
        area = home if rng.random() < 0.6 else pick_other(ds, home)
        cat = ch(sorted(P.LGBF_CATEGORY_WORDS))
        inds = LG.held_in_category(area, cat)
        sw = ch(P.LGBF_CATEGORY_WORDS[cat])
    else:
        home = HOME_S
        area = home if rng.random() < 0.7 else ch(SA_OTHERS)
        key = ch(sorted(P.SAMPLE_SERVICES))
        sw = ch(P.SAMPLE_SERVICES[key][0])
        inds = [i for i in P.SAMPLE_SERVICES[key][1] if SA.s(i, area, annual=False)]
    if not inds:
        return False
    if area == home:
        t = ch(
            [
                "{c}how are we doing on {s} overall?",
                "{c}{a} how the council is performing on {s} in general?",
                "overview of our {s} performance please",
                "{c}I'd like a summary of where we stand across {s}.",
                "hows {s} looking for us",
            ]
        ).format(c=ctx(ds), a=ask(), s=sw)
    else:
        cw, _ = council_word(ds, area, allow_typo=False)
        t = ch(
            [
                "{c}how is {n} doing on {s}?",
                "{c}{a} how {n} is performing across {s}?",
                "overview of {s} for {n} please",
            ]
        ).format(c=ctx(ds), a=ask(), s=sw, n=cw)
    return add(
        "overview", ds, home, [cap(t)], R("overview", inds, [area]), None, f"overview {sw} for {name_of(ds, area)}"
    )


# ---------------------------------------------------------------- target (sample)
def target_item():
    ind = ch(SA_INDS)
    s = SA.s(ind, HOME_S, annual=False)
    w = ind_word("sample", ind)
    if rng.random() < 0.35:
        t = ch(
            [
                "{c}are we hitting our target on {w}?",
                "{c}{a} whether we are on target for {w}?",
                "{W} - are we meeting target?",
                "r we on target for {w}",
            ]
        ).format(c=ctx("sample"), a=ask(), w=w, W=cap(w))
        return add("target", "sample", HOME_S, [cap(t)], R("target", [ind], [HOME_S]), None, f"target latest, {ind}")
    p = ch(sorted(s))
    if "Q" in p:
        q = p[-2:]
        pw = ch([p, f"{q} {p[:7]}", f"{q} of {p[:4]}/{p[5:7]}", f"{p[:4]}/{p[5:7]} {q}"])
    else:
        pw = fy(p)
    t = ch(
        [
            "{c}did we meet the target for {w} in {p}?",
            "{c}{a} whether we hit our {w} target in {p}?",
            "{W} in {p}: target met or missed?",
            "did we hit target on {w} {p}",
        ]
    ).format(c=ctx("sample"), a=ask(), w=w, W=cap(w), p=pw)
    return add(
        "target",
        "sample",
        HOME_S,
        [cap(t)],
        R("target", [ind], [HOME_S], None, p),
        [fig(ind, HOME_S, p, s[p])],
        f"target {p}, {ind}",
    )


# ---------------------------------------------------------------- period not held
def closest(s, p):
    ys = sorted(s)
    base = p[:7]
    if " Q" in p and base in s:
        return base
    best = sorted(ys, key=lambda y: year_gap(y, base))
    if not best:
        return None
    d0 = year_gap(best[0], base)
    if len(best) > 1 and year_gap(best[1], base) == d0:
        return None
    return best[0]


def pnh_item(ds):
    ind = pick_ind(ds)
    if ds == "sample":
        ind = ch(SA_INDS)
    home = pick_home(ds, ind)
    area = home if rng.random() < 0.7 else pick_other(ds, home, ind)
    s = series(ds, ind, area)
    if not s:
        return False
    ys = sorted(s)
    mode = ch(["before", "after", "gap", "quarter"])
    if mode == "before":
        p = shift(ys[0], -rng.choice([1, 2, 3]))
    elif mode == "after":
        if ds == "sample" and SA.s(ind, area, annual=False) != s:
            return False  # quarters held in 2024-25: skip
        p = shift(ys[-1], rng.choice([1, 2]))
    elif mode == "gap":
        gaps = [shift(ys[0], k) for k in range(year_gap(ys[0], ys[-1])) if shift(ys[0], k) not in s]
        if not gaps:
            return False
        p = ch(gaps)
    else:
        if ds == "sample":
            if area == HOME_S and SA.s(ind, area, annual=False) != s:
                return False
            p = "2024-25 Q" + ch(["1", "2"])
        else:
            p = ch(ys) + " Q" + ch(["1", "2", "3", "4"])
    c = closest(s, p)
    if c is None:
        return False
    if " Q" in p:
        q = p[-2:]
        pw = ch([p, f"{q} {p[:7]}", f"{q} of {p[:4]}/{p[5:7]}"])
    else:
        pw = fy(p, allow_bare=False)
    w = ind_word(ds, ind)
    if area == home:
        t = ch(
            [
                "{c}{a} what our {w} was in {p}?",
                "what was our {w} for {p}",
                "{c}do we have a figure for {w} for {p}?",
            ]
        ).format(c=ctx(ds), a=ask(), w=w, p=pw)
    else:
        cw, _ = council_word(ds, area, allow_typo=False)
        t = ch(
            [
                "{c}{a} what {pn} {w} was in {p}?",
                "what was {w} at {n} in {p}",
            ]
        ).format(c=ctx(ds), a=ask(), w=w, p=pw, n=cw, pn=poss(cw))
    return add(
        "period_not_held",
        ds,
        home,
        [cap(t)],
        R("value", [ind], [area], None, p),
        [fig(ind, area, c, s[c])],
        f"{mode}: {p} not held, closest {c}, {ind}",
    )


# ---------------------------------------------------------------- unknown
WELSH_NI = [
    "Cardiff Council",
    "Swansea",
    "Gwynedd Council",
    "Wrexham County Borough Council",
    "Rhondda Cynon Taf",
    "Belfast City Council",
    "Derry City and Strabane",
    "Newport City Council",
    "Armagh City, Banbridge and Craigavon",
]
DISTRICTS = [
    "Cheltenham Borough Council",
    "South Cambridgeshire District Council",
    "Harrogate",
    "Tewkesbury",
    "Mid Suffolk District Council",
    "Basingstoke and Deane",
    "Maidstone Borough Council",
]
FAKE = [
    "Borsetshire County Council",
    "Midsomer District Council",
    "Wessex Borough Council",
    "Gotham City Council",
    "Ambridge Council",
    "Llareggub County Council",
]
NO_MEASURE = [
    "the number of potholes repaired within 24 hours",
    "bus punctuality",
    "average parking fine income",
    "the number of trees planted",
    "library opening hours",
    "social media followers",
    "the number of Blue Badge applications",
    "air quality monitoring breaches",
]
CHAT = [
    "thanks, that's really helpful",
    "morning all",
    "who is the portfolio holder for housing?",
    "can you book the committee room for Tuesday?",
    "what time does the meeting start?",
    "brilliant, cheers",
    "what's the weather going to be like for the site visit?",
    "ok thank you",
]


def unknown_item(ds):
    home = pick_home(ds)
    kind = ch(["welsh", "district", "fake", "measure", "chat", "cross"])
    if kind == "welsh":
        ind = pick_ind(ds) if ds != "sample" else ch(SA_INDS)
        nm = ch(WELSH_NI)
        t = ch(["{c}what is {pn} {w}?", "how does {n} do on {w}", "{c}{a} the latest {w} for {n}?"]).format(
            c=ctx(ds), a=ask(), n=nm, pn=poss(nm), w=ind_word(ds, ind)
        )
    elif kind == "district":
        if ds != "oflog":
            return False
        nm = ch(DISTRICTS)
        t = ch(["{c}what is {pn} {w}?", "{w} for {n} please"]).format(
            c=ctx(ds), n=nm, pn=poss(nm), w=ind_word(ds, ch(OF.inds))
        )
    elif kind == "fake":
        ind = pick_ind(ds) if ds != "sample" else ch(SA_INDS)
        nm = ch(FAKE)
        t = ch(["{c}how does {n} perform on {w}?", "what was {pn} {w} last year"]).format(
            c=ctx(ds), n=nm, pn=poss(nm), w=ind_word(ds, ind)
        )
    elif kind == "measure":
        t = ch(["{c}what is our figure for {m}?", "{c}{a} how we are doing on {m}?", "hows {m} looking"]).format(
            c=ctx(ds), a=ask(), m=ch(NO_MEASURE)
        )
    elif kind == "chat":
        t = ch(CHAT)
    else:
        if ds == "oflog":
            w = ind_word("lgbf", ch(["CHN01", "CHN02", "ENV03c", "C&L02", "CHN11", "ECON05"]))
        elif ds == "lgbf":
            w = ind_word("oflog", ch(["ASC7", "ASC5", "ASC3", "ASC6"]))
        else:
            w = ind_word("oflog", ch(["ASC1", "ASC2", "ASC3", "ASC4", "ASC5", "ASC6"]))
        t = ch(["{c}what is our {w}?", "{c}{a} our latest {w}?", "how are we doing on {w}"]).format(
            c=ctx(ds), a=ask(), w=w
        )
    return add("unknown", ds, home, [cap(t)], U(), None, f"unknown: {kind}")


# ---------------------------------------------------------------- follow-ups
def fu_item(ds):
    ind = pick_ind(ds, rankable=True) if ds != "sample" else ch(SA_INDS)
    home = pick_home(ds, ind)
    s = series(ds, ind, home)
    if not s:
        return False
    w = ind_word(ds, ind)
    kind = ch(
        ["year_council", "compare_nb", "ours_in", "rank_chain", "rank_pos", "since_measure", "pos_national", "long"]
    )
    if ds == "sample" and kind == "pos_national":
        kind = "rank_pos"
    ys = sorted(s)
    c0 = ctx(ds)
    if kind == "year_council":
        if not latest_ok(ds, ind, home) or len(ys) < 2:
            return False
        y1 = ch(ys[:-1])
        o = pick_other(ds, home, ind)
        so = series(ds, ind, o)
        cw, _ = council_word(ds, o, allow_typo=False)
        t1 = ch(["{c}what is our latest {w}?", "{c}{a} our most recent figure for {w}?"]).format(c=c0, a=ask(), w=w)
        t2 = ch(["and in {p}?", "What about {p}?", "and for {p}", "How about back in {p}?"]).format(p=fy(y1))
        t3 = ch(
            ["and {n}?", "what about {n} for the same year?", "And what was {pn} figure that year?", "same for {n} pls"]
        ).format(n=cw, pn=poss(cw))
        e = [R("value", [ind], [home]), R("value", [ind], [home], None, y1), R("value", [ind], [o], None, y1)]
        figs = [fig(ind, o, y1, so[y1])] if y1 in so else None
        return add("followup", ds, home, [cap(t1), t2, cap(t3)], e[-1], figs, "latest -> year -> other council", e)
    if kind == "compare_nb":
        y1 = ch(ys)
        t1 = ch(["{c}what was our {w} in {p}?", "{c}{a} our {w} for {p}?"]).format(c=c0, a=ask(), w=w, p=fy(y1))
        g = ch(["similar councils", "our nearest neighbours", "our comparator group"])
        t2 = ch(["and how does that compare with {g}?", "How does that look against {g}?", "vs {g}?"]).format(g=g)
        e = [R("value", [ind], [home], None, y1), R("compare", [ind], [home, "neighbours"], None, y1, "neighbours")]
        return add("followup", ds, home, [cap(t1), cap(t2)], e[-1], None, "value year -> compare neighbours", e)
    if kind == "ours_in":
        o = pick_other(ds, home, ind)
        if not latest_ok(ds, ind, o):
            return False
        cw, _ = council_word(ds, o, allow_typo=False)
        y1 = ch(ys)
        t1 = ch(["{c}what is {pn} latest {w}?", "{c}{a} the most recent {w} for {n}?"]).format(
            c=c0, a=ask(), w=w, n=cw, pn=poss(cw)
        )
        t2 = ch(["and what was ours in {p}?", "What was ours in {p}?", "and ours in {p}?"]).format(p=fy(y1))
        e = [R("value", [ind], [o]), R("value", [ind], [home], None, y1)]
        return add(
            "followup",
            ds,
            home,
            [cap(t1), cap(t2)],
            e[-1],
            [fig(ind, home, y1, s[y1])],
            "other council latest -> ours in year",
            e,
        )
    if kind in ("rank_chain", "rank_pos"):
        knd = "neighbours" if ds == "sample" else ch(["neighbours", "national"])
        token = "neighbours" if knd == "neighbours" else ("england" if ds == "oflog" else "scotland")
        gw = {
            "neighbours": "among our nearest neighbours",
            "national": "in England" if ds == "oflog" else "in Scotland",
        }[knd]
        n1 = ch([3, 5])
        res = rank_compute(ds, home, knd, ind, n1, "best")
        if not res or (ds == "oflog" and set(res[1]) & OF.EXCLUDED):
            return False
        lb = {"oflog": OF, "lgbf": LG, "sample": SA}[ds].polarity(ind) == "lower"
        t1 = ch(
            ["{c}which are the {t} {n} councils {g} for {w}?", "{c}{a} the {n} best-performing councils {g} on {w}?"]
        ).format(c=c0, a=ask(), n=n1, g=gw, w=w, t="best" if lb else "top")
        e1 = R("rank", [ind], [token], None, None, "ranking", n1, "best")
        if kind == "rank_chain":
            n2 = ch([2, 3]) if n1 == 5 else 2
            allp = sorted({p for a in group_for(ds, home, knd, ind) for p in series(ds, ind, a)})
            y = ch(allp)
            r2 = rank_compute(ds, home, knd, ind, n2, "worst")
            r3 = rank_compute(ds, home, knd, ind, n2, "worst", y)
            if not r2 or not r3 or (ds == "oflog" and (set(r2[1]) | set(r3[1])) & OF.EXCLUDED):
                return False
            t2 = ch(
                ["And the worst {n}?", "what about the {n} worst?"] + ([] if lb else ["and the bottom {n}?"])
            ).format(n=n2)
            t3 = ch(["and in {p}?", "same again for {p} please", "How did that look in {p}?"]).format(p=fy(y))
            e = [
                e1,
                R("rank", [ind], [token], None, None, "ranking", n2, "worst"),
                R("rank", [ind], [token], None, y, "ranking", n2, "worst"),
            ]
            return add("followup", ds, home, [cap(t1), cap(t2), cap(t3)], e[-1], None, "top n -> bottom m -> year", e)
        t2 = ch(["and where do we rank?", "Where do we sit in that ranking?", "and what position are we in?"])
        e = [e1, R("rank", [ind], [home, token], None, None, "ranking")]
        return add("followup", ds, home, [cap(t1), cap(t2)], e[-1], None, "top n -> position", e)
    if kind == "since_measure":
        ind2 = pick_ind(ds) if ds != "sample" else ch(SA_INDS)
        s2 = series(ds, ind2, home)
        if ind2 == ind or not s2 or not latest_ok(ds, ind, home) or not latest_ok(ds, ind2, home):
            return False
        y0s = [y for y in ys if y < max(ys) and y in s2 and y < max(s2)]
        if not y0s:
            return False
        y0 = ch(y0s)
        t1 = ch(["{c}how has our {w} changed {s}?", "{c}{a} how {w} has moved {s}?"]).format(
            c=c0, a=ask(), w=w, s=since(y0)
        )
        t2 = ch(["and the same for {w2}?", "What about {w2} over the same period?", "and {w2}?"]).format(
            w2=ind_word(ds, ind2)
        )
        e = [R("trend", [ind], [home], y0, max(ys)), R("trend", [ind2], [home], y0, max(s2))]
        return add(
            "followup",
            ds,
            home,
            [cap(t1), cap(t2)],
            e[-1],
            [fig(ind2, home, y0, s2[y0]), fig(ind2, home, max(s2), s2[max(s2)])],
            "since year -> other measure",
            e,
        )
    if kind == "pos_national":
        nat = "england" if ds == "oflog" else "scotland"
        t1 = ch(
            [
                "{c}where do we rank among our nearest neighbours on {w}?",
                "{c}{a} what position we hold in our comparator group for {w}?",
            ]
        ).format(c=c0, a=ask(), w=w)
        t2 = ch(
            ["and across {N} as a whole?", "And what about nationally - where do we rank in {N}?", "how about in {N}?"]
        ).format(N="England" if ds == "oflog" else "Scotland")
        e = [
            R("rank", [ind], [home, "neighbours"], None, None, "ranking"),
            R("rank", [ind], [home, nat], None, None, "ranking"),
        ]
        return add("followup", ds, home, [cap(t1), cap(t2)], e[-1], None, "position nb -> position national", e)
    # long: value latest -> year -> other council -> other measure -> ours in year
    if not latest_ok(ds, ind, home) or len(ys) < 2:
        return False
    ind2 = pick_ind(ds) if ds != "sample" else ch(SA_INDS)
    if ind2 == ind:
        return False
    o = pick_other(ds, home, ind)
    s2h = series(ds, ind2, home)
    if not s2h:
        return False
    y1 = ch(ys[:-1])
    y2 = ch(sorted(s2h))
    cw, _ = council_word(ds, o, allow_typo=False)
    turns = [
        ch(["{c}what's our latest {w}?", "{c}{a} our current {w}?"]).format(c=c0, a=ask(), w=w),
        ch(["and in {p}?", "what about {p}?"]).format(p=fy(y1)),
        ch(["and {n}?", "same year for {n}?"]).format(n=cw),
        ch(["and their {w2}?", "what about {w2} for them?"]).format(w2=ind_word(ds, ind2)),
        ch(["and what was ours in {p}?", "what was ours in {p}?"]).format(p=fy(y2)),
    ]
    e = [
        R("value", [ind], [home]),
        R("value", [ind], [home], None, y1),
        R("value", [ind], [o], None, y1),
        R("value", [ind2], [o], None, y1),
        R("value", [ind2], [home], None, y2),
    ]
    return add(
        "followup",
        ds,
        home,
        [cap(t) for t in turns],
        e[-1],
        [fig(ind2, home, y2, s2h[y2])],
        "five-turn briefing thread",
        e,
    )


def sample_target_followup():
    ind = ch(SA_INDS)
    ind2 = ch(SA_INDS)
    if ind == ind2:
        return False
    s2 = SA.s(ind2, HOME_S)
    y = ch(sorted(s2))
    t1 = ch(["{c}are we hitting target on {w}?", "{c}{a} whether we're meeting our {w} target?"]).format(
        c=ctx("sample"), a=ask(), w=ind_word("sample", ind)
    )
    t2 = ch(["and {w2}?", "what about {w2}?"]).format(w2=ind_word("sample", ind2))
    t3 = ch(["and in {p}?", "did we meet it in {p}?"]).format(p=fy(y))
    e = [R("target", [ind], [HOME_S]), R("target", [ind2], [HOME_S]), R("target", [ind2], [HOME_S], None, y)]
    return add(
        "followup",
        "sample",
        HOME_S,
        [cap(t1), cap(t2), cap(t3)],
        e[-1],
        [fig(ind2, HOME_S, y, s2[y])],
        "target -> other measure -> year",
        e,
    )


# ---------------------------------------------------------------- build
PLAN = {
    "names": {"oflog": 34, "lgbf": 28, "sample": 8},
    "rank": {"oflog": 26, "lgbf": 28, "sample": 16},
    "followup": {"oflog": 25, "lgbf": 25, "sample": 20},
    "value": {"oflog": 10, "lgbf": 10, "sample": 10},
    "span": {"oflog": 10, "lgbf": 10, "sample": 10},
    "trend": {"oflog": 10, "lgbf": 10, "sample": 10},
    "compare": {"oflog": 14, "lgbf": 14, "sample": 12},
    "overview": {"oflog": 8, "lgbf": 9, "sample": 8},
    "target": {"sample": 20},
    "period_not_held": {"oflog": 9, "lgbf": 8, "sample": 8},
    "unknown": {"oflog": 11, "lgbf": 10, "sample": 9},
}
BUILDERS = {
    "names": names_item,
    "rank": rank_item,
    "value": value_item,
    "span": span_item,
    "trend": trend_item,
    "compare": compare_item,
    "overview": overview_item,
    "period_not_held": pnh_item,
    "unknown": unknown_item,
}


def main():
    for fam, per in PLAN.items():
        for ds, cnt in per.items():
            if fam == "target":
                loop(target_item, cnt)
            elif fam == "followup" and ds == "sample":

                def a():
                    return sample_target_followup()

                loop(a, 5)

                def b():
                    return fu_item("sample")

                loop(b, cnt - 5)
            elif fam == "followup":

                def f(ds=ds):
                    return fu_item(ds)

                loop(f, cnt)
            else:

                def g(ds=ds, fam=fam):
                    return BUILDERS[fam](ds)

                loop(g, cnt)
    dev, hold = [], []
    for fam in PLAN:
        for ds in PLAN[fam]:
            grp = [it for it in ITEMS if it["family"] == fam and it["dataset"] == ds]
            rng.shuffle(grp)
            for k, it in enumerate(grp):
                (dev if k % 2 == 0 else hold).append(it)
    counters = {}
    for it in ITEMS:
        k = counters.get(it["family"], 0) + 1
        counters[it["family"]] = k
    order = {id(it): k for k, it in enumerate(dev + hold)}
    fam_counter = {}
    for it in dev + hold:
        k = fam_counter.get(it["family"], 0) + 1
        fam_counter[it["family"]] = k
        it["id"] = f"b9-{it['family']}-9{k:03d}"
    for name, items in (("dev", dev), ("holdout", hold)):
        out = [
            {
                k: it[k]
                for k in ("id", "family", "dataset", "home_area", "turns", "expect", "expect_each", "figures", "note")
                if k in it
            }
            for it in items
        ]
        doc = {"set": f"understanding_blind9_{name}", "seed": SEED, "count": len(out), "items": out}
        with open(os.path.join(HERE, f"{name}.yaml"), "w") as fh:
            yaml.safe_dump(doc, fh, sort_keys=False, allow_unicode=True, width=120)
    print(f"dev {len(dev)} holdout {len(hold)} total {len(ITEMS)}")
    del order


if __name__ == "__main__":
    main()
