"""Build the blind understanding set (dev + holdout) from the raw data files. Run from the project root."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import data  # noqa: E402
import wording as w  # noqa: E402
from data import fig, fy, year_start  # noqa: E402

SEED = 7170707
OUT = Path(__file__).resolve().parent
rng = random.Random(SEED)

OFLOG, OFLOG_HOMES, OFLOG_EXCLUDED = data.load_oflog()
LGBF, LGBF_HOMES, LGBF_CATS = data.load_lgbf()
SAMPLE, _ = data.load_sample()
SAMPLE_HOME = "E07999001"
HOMES = {"oflog": OFLOG, "lgbf": LGBF, "sample": SAMPLE}


def E(intent, inds, areas, pf=None, pt=None, comparison=None, n=None, order=None):
    return {"intent": intent, "indicators": list(inds), "areas": list(areas), "periods": {"from": pf, "to": pt},
            "comparison": comparison, "n": n, "order": order}


ITEMS: list[dict] = []


def add(family, ds, home, turns, expect, figures=None, note="", expect_each=None):
    it = {"id": None, "family": family, "dataset": ds, "home_area": home, "turns": list(turns), "expect": expect}
    if expect_each is not None:
        it["expect_each"] = expect_each
    if figures:
        it["figures"] = figures
    it["note"] = note
    ITEMS.append(it)


def pick_home(ds):
    return {"oflog": lambda: rng.choice(OFLOG_HOMES), "lgbf": lambda: rng.choice(LGBF_HOMES),
            "sample": lambda: SAMPLE_HOME}[ds]()


def measures(ds, home, ranked=False):
    h = HOMES[ds]
    out = [m for m in w.MEASURES[ds] if h.holds(m, home) and len(h.series(m, home)) >= 2]
    return [m for m in out if h.polarity.get(m)] if ranked else out


def say(ds, m):
    return rng.choice(w.MEASURES[ds][m])


def name_of(ds, code, plain=False):
    h = HOMES[ds]
    canon = list(h.names.values())
    vs = w.all_variants(code, h.names[code], ds, rng, canon)
    return vs[0] if plain else rng.choice(vs)


def others(ds, home, m, k):
    h = HOMES[ds]
    pool = [a for a in h.group_fn(home, m) if a != home and h.latest(m, a) and a not in OFLOG_EXCLUDED]
    return rng.sample(pool, k) if len(pool) >= k else None


def cap(s):
    return s[0].upper() + s[1:] if s and rng.random() < 0.6 else s


def q(text):
    text = (w.opener(rng) + text).strip()
    return cap(text) if rng.random() < 0.7 else text.lower()


# ---------------------------------------------------------------- value / names / period_not_held


def value_item(family, ds, other=False, year=True, name_focus=False):
    h = HOMES[ds]
    home = pick_home(ds)
    ms = measures(ds, home)
    m = rng.choice(ms)
    area = home
    if other:
        grp = others(ds, home, m, 1)
        if not grp:
            return False
        area = grp[0]
    ser = h.series(m, area)
    if not ser:
        return False
    p = rng.choice(sorted(ser)) if year else None
    yr = f" in {w.write_year(p, rng)}" if p else rng.choice(["", " currently", " at the moment", ", latest"])
    if area == home and not name_focus:
        who, whoname, we = "our", rng.choice(["us", "our council", "this council"]), "we"
    else:
        nm = name_of(ds, area)
        who, whoname, we = f"{nm}'s", nm, nm
    frame = rng.choice(w.VALUE_FRAMES)
    text = frame.format(who=who, whoname=whoname, we=we, m=say(ds, m), yr=yr if "latest" not in frame else "")
    if "latest" in frame:
        p = None
    per = p or max(ser)
    add(family, ds, home, [q(text)], E("value", [m], [area], None, p), [fig(m, area, per, ser[per])],
        f"{h.names[area]} {m} {'latest' if not p else p}")
    return True


def names_item(ds):
    h = HOMES[ds]
    home = pick_home(ds)
    m = rng.choice(measures(ds, home))
    grp = others(ds, home, m, 2)
    if not grp:
        return False
    a, b = grp
    if rng.random() < 0.55:
        return value_item("names", ds, other=True, year=rng.random() < 0.4, name_focus=True)
    na, nb = name_of(ds, a), name_of(ds, b)
    frames = ["how does {a} compare with {b} on {m}?", "{a} vs {b} {m}", "compare {a} and {b} for {m} please",
              "is {a} better or worse than {b} on {m}?", "{m}: {a} v {b}?"]
    text = rng.choice(frames).format(a=na, b=nb, m=say(ds, m))
    p = h.latest(m, a)
    figs = [fig(m, x, p, h.value(m, x, p)) for x in (a, b) if h.value(m, x, p) is not None]
    add("names", ds, home, [q(text)], E("compare", [m], [a, b], comparison="area"),
        figs if len(figs) == 2 else None, f"names: {h.names[a]} / {h.names[b]}")
    return True


def pnh_item(ds):
    h = HOMES[ds]
    home = pick_home(ds)
    m = rng.choice(measures(ds, home))
    ser = h.series(m, home)
    first, last = min(ser), max(ser)
    kind = rng.choice(["before", "after", "gap", "quarter"])
    if kind == "before":
        p = fy(year_start(first) - rng.randint(1, 4))
    elif kind == "after":
        p = fy(year_start(last) + rng.randint(1, 3))
    elif kind == "gap":
        gaps = [fy(y) for y in range(year_start(first), year_start(last)) if fy(y) not in ser]
        if not gaps:
            return False
        p = rng.choice(gaps)
    else:
        quarters = {x for x in h.values[(h.values.ind == m) & (h.values.area == home)].period if " Q" in x}
        if quarters:
            return False
        p = f"{rng.choice(sorted(ser))} Q{rng.randint(1, 4)}" if ds != "sample" else f"2024-25 Q{rng.randint(1, 2)}"
    if p in ser:
        return False
    near = data.closest_held(ser, p)
    if near is None:
        return False
    frames = ["what was our {m} in {y}?", "{m} for {y}?", "can I get {m} for {y}", "how did we do on {m} in {y}"]
    text = rng.choice(frames).format(m=say(ds, m), y=w.write_year(p, rng, allow_bare=False))
    add("period_not_held", ds, home, [q(text)], E("value", [m], [home], None, p), [fig(m, home, near, ser[near])],
        f"{p} not held ({kind}); closest held {near}")
    return True


# ---------------------------------------------------------------- span / trend
def span_item(ds):
    h = HOMES[ds]
    home = pick_home(ds)
    m = rng.choice(measures(ds, home))
    area = home if rng.random() < 0.75 else (others(ds, home, m, 1) or [home])[0]
    ser = h.series(m, area)
    if len(ser) < 3:
        return False
    a, b = sorted(rng.sample(sorted(ser), 2))
    ya, yb = w.write_year(a, rng, False), w.write_year(b, rng, False)
    who = "we" if area == home else name_of(ds, area)
    frames = ["how did {m} change between {a} and {b}?", "{m} from {a} to {b} - going up or down?",
              "show me {m} {a} through to {b}", "can you chart {m} between {a} and {b} for {who}",
              "what happened to {m} from {a} to {b}", "trend in {m}, {a} to {b}, please"]
    text = rng.choice(frames).format(m=say(ds, m), a=ya, b=yb, who=who)
    if area != home and "{who}" not in text and who not in text:
        text += f" ({who})"
    add("span", ds, home, [q(text)], E("trend", [m], [area], a, b), [fig(m, area, a, ser[a]), fig(m, area, b, ser[b])],
        f"span {a}..{b} {h.names[area]}")
    return True


def trend_item(ds):
    h = HOMES[ds]
    home = pick_home(ds)
    m = rng.choice(measures(ds, home))
    ser = h.series(m, home)
    last = max(ser)
    kind = rng.choice(["since", "since", "lastn", "nyear", "none"])
    mm = say(ds, m)
    figs = None
    if kind == "since":
        starts = [p for p in ser if p < last]
        a = rng.choice(starts)
        s = year_start(a)
        yr = rng.choice([str(s), w.write_year(a, rng, False), f"April {s}"])
        text = rng.choice(["how has {m} changed since {y}?", "has {m} improved since {y}", "{m} since {y}?",
                           "what's the direction of travel on {m} since {y}"]).format(m=mm, y=yr)
        pf, pt = a, last
        figs = [fig(m, home, a, ser[a]), fig(m, home, last, ser[last])]
    elif kind in ("lastn", "nyear"):
        n = rng.randint(2, 5)
        pf, pt = fy(year_start(last) - n), last
        if kind == "lastn":
            text = rng.choice(["how has {m} moved over the last {n} years?", "{m} over the past {n} years",
                               "what's happened to {m} in the past {n} years?"]).format(m=mm, n=n)
        else:
            text = rng.choice(["{n}-year trend for {m}?", "give me a {n} year trend on {m}"]).format(m=mm, n=n)
        if pf in ser:
            figs = [fig(m, home, pf, ser[pf]), fig(m, home, last, ser[last])]
    else:
        pf = pt = None
        text = rng.choice(["show me the trend in {m}", "how has {m} changed over time?", "{m} trend please",
                           "is {m} going the right way over time?"]).format(m=mm)
    add("trend", ds, home, [q(text)], E("trend", [m], [home], pf, pt), figs, f"trend ({kind})")
    return True


# ---------------------------------------------------------------- compare
def compare_item(ds):
    h = HOMES[ds]
    home = pick_home(ds)
    m = rng.choice(measures(ds, home))
    mm = say(ds, m)
    kinds = ["us_named", "named", "neighbours", "national"] if ds != "sample" else ["us_named", "named", "neighbours"]
    kind = rng.choice(kinds)
    p = h.latest(m, home)
    if kind == "neighbours":
        gw = rng.choice(w.GROUP_WORDS[ds])
        text = rng.choice(["how do we compare with {g} on {m}?", "{m} - us vs {g}?", "are we above or below {g} for "
                           "{m}", "benchmark our {m} against {g}"]).format(g=gw, m=mm)
        add("compare", ds, home, [q(text)], E("compare", [m], [home, "neighbours"], comparison="neighbours"),
            [fig(m, home, p, h.value(m, home, p))], "vs group")
        return True
    if kind == "national":
        nat = w.NATIONAL_WORD[ds]
        text = rng.choice(["how does our {m} compare to the {n} average?", "are we better than {n} as a whole on {m}?",
                           "{m}: us against the {n} figure", "{m} compared with {n}?"]).format(n=nat, m=mm)
        add("compare", ds, home, [q(text)], E("compare", [m], [home, h.national], comparison="national"),
            [fig(m, home, p, h.value(m, home, p))], "vs national")
        return True
    grp = others(ds, home, m, 2)
    if not grp:
        return False
    if kind == "us_named":
        areas = [home, grp[0]] if rng.random() < 0.6 else [home] + grp
        nm = " and ".join(name_of(ds, a) for a in areas[1:])
        text = rng.choice(["how do we compare with {o} on {m}?", "us vs {o} for {m}", "{m}: how are we doing against "
                           "{o}?", "compare our {m} with {o}"]).format(o=nm, m=mm)
    else:
        areas = grp
        nm = [name_of(ds, a) for a in areas]
        text = rng.choice(["compare {a} and {b} on {m}", "{m} for {a} vs {b}", "which is better on {m}, {a} or {b}?"]
                          ).format(a=nm[0], b=nm[1], m=mm)
    figs = [fig(m, a, p, h.value(m, a, p)) for a in areas if h.value(m, a, p) is not None]
    add("compare", ds, home, [q(text)], E("compare", [m], areas, comparison="area"),
        figs if len(figs) == len(areas) else None, f"named compare ({kind})")
    return True


# ---------------------------------------------------------------- rank
def rank_figs(h, m, rows, n, order):
    lst = rows if order == "best" else rows[::-1]
    if n < len(lst) and lst[n - 1][1] == lst[n][1]:
        return None
    return [fig(m, a, None, v) for a, v in lst[:n]]


def rank_setup(ds, home, m, tok, period):
    h = HOMES[ds]
    r = h.ranking(home, m, tok, period)
    if not r or len(r[1]) < 3:
        return None
    return r


def rank_item(ds, state=None):
    h = HOMES[ds]
    home = pick_home(ds)
    ms = measures(ds, home, ranked=True)
    if not ms:
        return False
    m = rng.choice(ms)
    mm = say(ds, m)
    tok = "neighbours" if ds == "sample" or rng.random() < 0.5 else h.national
    where = {"neighbours": " among " + rng.choice(w.GROUP_WORDS[ds]), "england": rng.choice([" in England",
             " across England", " nationally"]), "scotland": rng.choice([" in Scotland", " across Scotland",
                                                                         " out of all 32 Scottish councils"])}[tok]
    period = None
    if rng.random() < 0.3:
        period = rng.choice(sorted(h.series(m, home)))
    r = rank_setup(ds, home, m, tok, period)
    if not r:
        return False
    p, rows = r
    yr = f" in {w.write_year(period, rng)}" if period else ""
    kind = rng.choice(["list", "list", "list", "one", "whole", "position", "position"])
    if kind == "whole" and tok == "england":
        kind = "list"
    if kind == "position":
        if h.value(m, home, p) is None:
            return False
        text = rng.choice(["where do we rank{w} on {m}{y}?", "what's our position{w} for {m}{y}",
                           "where do we sit{w} on {m}{y}?", "our ranking{w} for {m}{y}?",
                           "where do we come{w} on {m}{y}", "how do we rank{w} on {m}{y}?"]).format(w=where, m=mm, y=yr)
        add("rank", ds, home, [q(text)], E("rank", [m], [home, tok], None, period, "ranking"),
            [fig(m, home, p, h.value(m, home, p))], f"position at {p}")
        return True
    if kind == "whole":
        n = len(rows)
        order = "best"
        text = rng.choice(["rank {g} on {m}{y}", "full league table for {m}{y}{w}", "can you rank all of {g} by {m}{y}",
                           "league table please: {m}{y}{w}"]).format(
            g={"neighbours": rng.choice(w.GROUP_WORDS[ds]), "scotland": "the Scottish councils"}[tok], m=mm, y=yr,
            w=where)
    else:
        n = 1 if kind == "one" else rng.choice([3, 3, 5, 5, 5, 10] if tok != "neighbours" else [3, 5, 5])
        wk = rng.choice(["good", "bad", "high", "low"])
        order = w.order_from(wk, h.polarity[m])
        tail = rng.choice(["?", "", " please", " - for the chair's briefing"])
        text = w.rank_words(rng, wk, n, mm) + yr + where + tail
    figs = rank_figs(h, m, rows, n, order)
    if figs:
        for f in figs:
            f["period"] = p
        if any(f["area_code"] in OFLOG_EXCLUDED for f in figs):
            return False
    add("rank", ds, home, [q(text)], E("rank", [m], [tok], None, period, "ranking", n, order), figs,
        f"rank {kind} at {p}; polarity {h.polarity[m]}")
    return True


# ---------------------------------------------------------------- overview / target
def overview_item(ds):
    h = HOMES[ds]
    home = pick_home(ds)
    if ds == "oflog":
        inds = sorted(m for m in h.titles if h.holds(m, home))
        svc = rng.choice(["adult social care", "ASC", "adult social care services", "social care for adults"])
    elif ds == "lgbf":
        cat = rng.choice(sorted(w.LGBF_SERVICE_WORDS))
        inds = sorted(c for c, k in LGBF_CATS.items() if k == cat and h.holds(c, home))
        svc = rng.choice(w.LGBF_SERVICE_WORDS[cat])
    else:
        key = rng.choice(sorted(w.SAMPLE_SERVICES))
        inds = sorted(m for m in w.SAMPLE_SERVICES[key][0] if h.holds(m, home))
        svc = rng.choice(w.SAMPLE_SERVICES[key][1])
    if not inds:
        return False
    text = rng.choice(["how are we doing on {s}?", "are we getting worse on {s}?", "give me an overview of {s} "
                       "performance", "how's {s} looking for us overall?", "quick health check on {s} please",
                       "I chair the panel that covers {s} - how are we performing across the board?",
                       "overall picture for {s}?"]).format(s=svc)
    add("overview", ds, home, [q(text)], E("overview", inds, [home]), None, f"overview of {svc}")
    return True


def target_item(ds):
    h = HOMES[ds]
    home = SAMPLE_HOME
    m = rng.choice(measures(ds, home))
    mm = say(ds, m)
    allp = sorted(h.values[(h.values.ind == m) & (h.values.area == home)].period)
    p = rng.choice(allp + [None, None])
    if p is None:
        text = rng.choice(["are we on track with {m}?", "{m} - are we meeting our target?", "are we hitting target on "
                           "{m} at the moment?", "is {m} on target currently?"]).format(m=mm)
        figs = None
    else:
        text = rng.choice(["did we hit our target for {m} in {y}?", "did {m} meet target in {y}?", "were we on target "
                           "for {m} in {y}", "target vs actual for {m}, {y}?"]).format(m=mm, y=w.write_year(p, rng))
        figs = [fig(m, home, p, h.value(m, home, p))]
    add("target", ds, home, [q(text)], E("target", [m], [home], None, p), figs, "target question")
    return True


# ---------------------------------------------------------------- unknown


def unknown_item(ds):
    home = pick_home(ds)
    kind = rng.choice(["council", "district", "madeup", "measure", "cross", "chat"] if ds != "lgbf"
                      else ["council", "madeup", "measure", "cross", "chat"])
    if kind == "council":
        text = f"what's {rng.choice(w.NOT_HELD_COUNCILS)}'s {say('oflog', rng.choice(list(w.MEASURES['oflog'])))}?"
    elif kind == "district":
        text = f"how does {rng.choice(w.DISTRICTS)} do on {say('oflog', rng.choice(list(w.MEASURES['oflog'])))}?"
        if ds == "sample":
            text = f"where does {rng.choice(w.DISTRICTS)} rank on {say('sample', 'relet_days')}?"
    elif kind == "madeup":
        text = f"compare us with {rng.choice(w.MADE_UP)} on {say(ds, rng.choice(measures(ds, home)))}"
    elif kind == "measure":
        text = rng.choice(["what's our {m}?", "how have we done on {m} since 2019?", "top 5 councils for {m}"]).format(
            m=rng.choice(w.NO_MEASURE))
    elif kind == "cross":
        src = {"oflog": ["lgbf"], "lgbf": ["oflog"], "sample": ["oflog"]}[ds][0]
        pool = ["CHN01", "CHN11", "CORP07", "HSN02", "SW07"] if src == "lgbf" else ["ASC3", "ASC6", "ASC1", "ASC5"]
        text = f"what is our {say(src, rng.choice(pool))}?"
    else:
        text = rng.choice(w.CHAT)
    add("unknown", ds, home, [q(text)], E("unknown", [], []), None, f"unknown ({kind})")
    return True


# ---------------------------------------------------------------- follow-ups
def st_expect(h, s):
    if s["intent"] == "rank":
        if s["n"] is None:
            return E("rank", [s["m"]], [s["home"], s["tok"]], None, s["pt"], "ranking")
        return E("rank", [s["m"]], [s["tok"]], None, s["pt"], "ranking", s["n"], s["order"])
    if s["intent"] == "compare":
        return E("compare", [s["m"]], [s["area"], s["vs"]], None, s["pt"], s["comparison"])
    return E(s["intent"], [s["m"]], [s["area"]], s["pf"], s["pt"])


def fu_step(ds, h, s):
    """Apply one random change to state s; return the message or None."""
    mm_other = [x for x in measures(ds, s["area"], ranked=s["intent"] == "rank") if x != s["m"]]
    ops = {"value": ["other", "year", "measure", "neighbours", "national", "trend"],
           "trend": ["other", "measure", "home_year"], "compare": ["year", "measure", "home_year"],
           "rank": ["n", "year", "measure", "position", "group"]}[s["intent"]]
    if ds == "sample":
        ops = [o for o in ops if o not in ("national", "group")]
    op = rng.choice(ops)
    ser = h.series(s["m"], s["area"])
    if op == "other":
        grp = others(ds, s["home"], s["m"], 1)
        if not grp or grp[0] == s["area"]:
            return None
        s["area"] = grp[0]
        return rng.choice(["and {x}?", "what about {x}?", "same for {x}", "how about {x} then"]).format(
            x=name_of(ds, grp[0]))
    if op in ("year", "home_year"):
        yrs = [p for p in sorted(h.series(s["m"], s["home"])) if p != s["pt"]]
        if not yrs:
            return None
        p = rng.choice(yrs)
        y = w.write_year(p, rng)
        if op == "home_year":
            s.update(intent="value", area=s["home"], pf=None, pt=p, comparison=None)
            return rng.choice(["what was ours in {y}?", "and ours in {y}?", "what did we get in {y}?"]).format(y=y)
        s.update(pf=None, pt=p)
        return rng.choice(["and in {y}?", "what about {y}?", "same for {y}", "and back in {y}?"]).format(y=y)
    if op == "measure":
        if s["pt"]:
            mm_other = [x for x in mm_other if h.value(x, s["area"], s["pt"]) is not None]
        if s["intent"] == "trend" and s["pf"]:
            return None
        if not mm_other:
            return None
        s["m"] = rng.choice(mm_other)
        return rng.choice(["and {m}?", "what about {m}?", "same question for {m}", "ok now {m}"]).format(
            m=say(ds, s["m"]))
    if op in ("neighbours", "national"):
        if op == "neighbours" and s["area"] != s["home"]:
            return None
        vs = "neighbours" if op == "neighbours" else h.national
        s.update(intent="compare", vs=vs, comparison=op)
        if op == "neighbours":
            return rng.choice(["how does that compare with {g}?", "and against {g}?", "is that better than {g}?"]
                              ).format(g=rng.choice(w.GROUP_WORDS[ds]))
        return rng.choice(["and vs the {n} average?", "how's that against {n} overall?"]).format(n=w.NATIONAL_WORD[ds])
    if op == "trend":
        if s["pt"] or len(ser) < 3:
            return None
        p = rng.choice(sorted(ser)[:-1])
        s.update(intent="trend", pf=p, pt=max(ser))
        return rng.choice(["how has that changed since {y}?", "and since {y}?"]).format(y=w.write_year(p, rng, False))
    if op == "n":
        if s["n"] is None:
            return None
        k = rng.choice([k for k in (3, 5, 10) if k != s["n"]])
        best = rng.random() < 0.5
        s.update(n=k, order="best" if best else "worst")
        return (rng.choice(["make it top {k}", "now the best {k}", "show me the top {k} instead"]) if best else
                rng.choice(["and the bottom {k}?", "now the worst {k}", "what about the worst {k}"])).format(k=k)
    if op == "position":
        if s["n"] is None:
            return None
        s.update(n=None, order=None)
        return rng.choice(["where are we in that?", "and where do we come?", "what's our position?"])
    if op == "group":
        if s["tok"] == "neighbours":
            s["tok"] = h.national
            return f"what about across {w.NATIONAL_WORD[ds]}?"
        s["tok"] = "neighbours"
        return f"now just among {rng.choice(w.GROUP_WORDS[ds])}"
    return None


def followup_item(ds):
    h = HOMES[ds]
    home = pick_home(ds)
    start_rank = rng.random() < 0.45
    ms = measures(ds, home, ranked=start_rank)
    if not ms:
        return False
    m = rng.choice(ms)
    s = {"home": home, "area": home, "m": m, "pf": None, "pt": None, "comparison": None, "n": None, "order": None,
         "tok": "neighbours", "vs": None}
    mm = say(ds, m)
    if start_rank:
        s.update(intent="rank", n=rng.choice([3, 5]), tok="neighbours" if ds == "sample" or rng.random() < 0.5
                 else h.national)
        wk = rng.choice(["good", "bad", "high", "low"])
        s["order"] = w.order_from(wk, h.polarity[m])
        where = " among " + rng.choice(w.GROUP_WORDS[ds]) if s["tok"] == "neighbours" else f" in {w.NATIONAL_WORD[ds]}"
        first = w.rank_words(rng, wk, s["n"], mm) + where
    else:
        s["intent"] = "value"
        first = rng.choice(["what's our {m}?", "latest {m} for us?", "how are we on {m} right now", "{m} - what's our "
                            "current figure?"]).format(m=mm)
    turns, each = [q(first)], [st_expect(h, s)]
    target = rng.choice([2, 2, 3, 3, 4, 5])
    tries = 0
    while len(turns) < target and tries < 30:
        tries += 1
        snap = dict(s)
        msg = fu_step(ds, h, s)
        if msg is None:
            s.clear()
            s.update(snap)
            continue
        turns.append(msg if rng.random() < 0.6 else msg.lower())
        each.append(st_expect(h, s))
    if len(turns) < 2:
        return False
    figs = None
    if s["intent"] == "value":
        p = s["pt"] or h.latest(s["m"], s["area"])
        v = h.value(s["m"], s["area"], p) if p else None
        figs = [fig(s["m"], s["area"], p, v)] if v is not None else None
    add("followup", ds, home, turns, each[-1], figs, f"{len(turns)}-turn follow-up", each)
    return True


# ---------------------------------------------------------------- assemble
PLAN = {
    "names": ({"oflog": 32, "lgbf": 24, "sample": 16}, names_item),
    "rank": ({"oflog": 26, "lgbf": 26, "sample": 20}, rank_item),
    "followup": ({"oflog": 26, "lgbf": 26, "sample": 20}, followup_item),
    "value": ({"oflog": 10, "lgbf": 10, "sample": 10}, lambda ds: value_item("value", ds, rng.random() < 0.3,
                                                                              rng.random() < 0.5)),
    "span": ({"oflog": 10, "lgbf": 10, "sample": 10}, span_item),
    "trend": ({"oflog": 10, "lgbf": 10, "sample": 10}, trend_item),
    "compare": ({"oflog": 14, "lgbf": 14, "sample": 12}, compare_item),
    "overview": ({"oflog": 8, "lgbf": 9, "sample": 8}, overview_item),
    "target": ({"sample": 20}, target_item),
    "period_not_held": ({"oflog": 8, "lgbf": 6, "sample": 6}, pnh_item),
    "unknown": ({"oflog": 10, "lgbf": 10, "sample": 10}, unknown_item),
}


def main():
    for family, (quota, fn) in PLAN.items():
        for ds, k in quota.items():
            got, tries = 0, 0
            while got < k and tries < 5000:
                tries += 1
                before = len(ITEMS)
                if fn(ds) and len(ITEMS) > before:
                    if ITEMS[-1]["family"] != family or ITEMS[-1]["turns"] in [i["turns"] for i in ITEMS[:-1]]:
                        ITEMS.pop()
                        continue
                    got += 1
            if got < k:
                raise SystemExit(f"could not build {family}/{ds}: {got}/{k}")
    counters: dict[str, int] = {}
    for it in ITEMS:
        counters[it["family"]] = counters.get(it["family"], 0) + 1
        it["id"] = f"b7-{it['family'].replace('_', '')}-{counters[it['family']]:03d}"
    halves = {"dev": [], "holdout": []}
    for family in PLAN:
        for ds in ("oflog", "lgbf", "sample"):
            group = [i for i in ITEMS if i["family"] == family and i["dataset"] == ds]
            rng.shuffle(group)
            for j, it in enumerate(group):
                halves["dev" if j % 2 == 0 else "holdout"].append(it)
    for half, items in halves.items():
        doc = {"set": f"understanding_blind7_{half}", "seed": SEED, "count": len(items), "items": items}
        (OUT / f"{half}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=1000))
        print(half, len(items))


if __name__ == "__main__":
    main()
