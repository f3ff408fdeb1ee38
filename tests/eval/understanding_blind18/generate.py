"""Build blind understanding set 18 from the raw data files.

Run from /work/main:  .venv/bin/python tests/eval/understanding_blind18/generate.py
Every expected reading, ranking size, ranking period and figure is computed here from the files with pandas;
one random.Random(SEED) drives every choice, so reruns are byte-identical.
"""
import random
import re
import sys
from pathlib import Path

import yaml

sys.dont_write_bytecode = True

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import data18 as D  # noqa: E402
import phrases18 as W  # noqa: E402

SEED = 18181818
rng = random.Random(SEED)

OF = D.load_oflog()
LG = D.load_lgbf()
SA = D.load_sample()
DSS = {"oflog": OF, "lgbf": LG, "sample": SA}
NATIONAL = {"oflog": "england", "lgbf": "scotland"}

# indicators usable per dataset (phrases exist and, for LGBF, annual reporting)
INDS = {"oflog": sorted(W.OFLOG), "lgbf": sorted(c for c in W.LGBF if c in LG.annual), "sample": sorted(W.SAMPLE)}
RANKABLE = {k: [i for i in v if DSS[k].polarity.get(i)] for k, v in INDS.items()}
LG_HOMES = sorted(LG.members)
OF_HOMES = OF.eligible


def pick(seq):
    return seq[rng.randrange(len(seq))]


# ---------------------------------------------------------------- wording helpers
def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def base_name(ds, code):
    if ds.key == "oflog":
        return ds.names[code][0]
    return ds.names[code]


def typo(ds, code):
    """one-letter typo, only if the nearest other council name is far away"""
    name = base_name(ds, code)
    if ds.key == "sample":
        name = name.split()[0]
    if len(name) < 7 or " " in name and ds.key != "sample":
        return None
    low = name.lower()
    for _ in range(10):
        i = rng.randrange(1, len(low) - 1)
        op = rng.randrange(3)
        if op == 0:
            t = low[:i] + low[i + 1:]
        elif op == 1:
            t = low[:i] + low[i + 1] + low[i] + low[i + 2:]
        else:
            t = low[:i] + low[i] + low[i:]
        if t == low or not t.isascii():
            continue
        others = [base_name(ds, c).lower() for c in ds.members if c != code]
        if ds.key == "sample":
            others = [o.split()[0] for o in others]
        if min(lev(t, o) for o in others) >= 3:
            return t
    return None


def council_name(ds, code, allow_typo=True):
    """a way people write this council"""
    if ds.key == "sample":
        full = ds.names[code]
        first = full.split()[0] if not full.startswith(("Ashworth", "Redbourne")) else " ".join(full.split()[:2])
        opts = [first, full, first.lower(), first + " DC" if "District" in full else first + " BC",
                full.replace(" Council", "")]
        if allow_typo and rng.random() < 0.15:
            t = typo(ds, code)
            if t:
                return t
        return pick(opts)
    name = base_name(ds, code)
    if ds.key == "oflog":
        kind = ds.names[code][1]
        if name in W.FULL_ONLY:
            suf = {"Counties": " County Council"}.get(kind, " City Council" if name in
                                                      ("Leicester", "Derby", "Nottingham") else " Council")
            return pick([name, name + suf, name.lower()])
        suffix = {"Counties": " County Council", "London Boroughs": " Council",
                  "Metropolitan Districts": " Council", "Unitary Authorities": " Council"}[kind]
        opts = [name, name, name.lower(), name + suffix]
        if kind == "London Boroughs" and name != "Kensington and Chelsea":
            opts.append("LB " + name)
            opts.append("London Borough of " + name)
        if name.startswith("Wirral"):
            opts.append("the Wirral")
        opts += W.SHORT_EN.get(name, [])
        if " and " in name:
            opts.append(name.replace(" and ", " & "))
    else:
        if name in W.FULL_ONLY:
            return pick([name, name + " Council", name.lower()])
        opts = [name, name, name.lower(), name + " Council"] + W.SHORT_SC.get(name, [])
        if "&" in name:
            opts += [name.replace("&", "and"), name.replace(" & ", "&")]
    if allow_typo and name not in W.FULL_ONLY and rng.random() < 0.15:
        t = typo(ds, code)
        if t:
            return t
    return pick(opts)


def per_text(p, style=None):
    s = D.fy_start(p)
    e = s + 1
    forms = [f"{s}/{str(e)[-2:]}", f"{s}-{str(e)[-2:]}", f"{s}-{e}", f"FY{str(s)[-2:]}/{str(e)[-2:]}",
             f"{s}/{str(e)[-2:]}", f"{str(s)[-2:]}/{str(e)[-2:]}", f"{s}/{e}"]
    if style == "bare":
        return str(s)
    return pick(forms)


def quarter_text(p):
    s = D.fy_start(p)
    q = p[-1]
    return pick([f"Q{q} {s}/{str(s + 1)[-2:]}", f"{s}-{str(s + 1)[-2:]} Q{q}", f"quarter {q} of {s}/{str(s + 1)[-2:]}",
                 f"Q{q} of {s}-{str(s + 1)[-2:]}"])


def ind_text(ds_key, ind):
    return pick(W.PHRASES[ds_key][ind])


def style(text, later=False):
    """the noise of real Slack messages (later turns of a thread get less framing)"""
    t = text
    if rng.random() < 0.3:
        t = t.lower()
    if rng.random() < 0.25:
        t = t.replace("'", "")
    if rng.random() < 0.2 and t.endswith("?"):
        t = t[:-1]
    p = pick(W.PREFIX) if not later or rng.random() < 0.2 else ""
    s = pick(W.SUFFIX) if not later or rng.random() < 0.5 else ""
    if t.rstrip("?").endswith(("pls", "please", "thanks")):
        s = ""
    if p and rng.random() < 0.5 and t[1:2].islower():
        t = t[0].lower() + t[1:]
    t = p + t + s
    return re.sub(r"\s+", " ", t).strip()


def reading(intent, inds, areas, frm=None, to=None, comparison=None, n=None, order=None):
    return {"intent": intent, "indicators": list(inds), "areas": list(areas),
            "periods": {"from": frm, "to": to}, "comparison": comparison, "n": n, "order": order}


UNKNOWN = reading("unknown", [], [])


def fig(ds, ind, area, period):
    v = ds.value(ind, area, period)
    if v is None:
        return None
    return {"indicator_id": ind, "area_code": area, "period": period, "value": v}


def home_for(dk):
    if dk == "sample":
        return D.SAMPLE_HOME
    if dk == "oflog":
        return pick(OF_HOMES)
    return pick(LG_HOMES)


def inds_held(dk, area, rankable=False, min_years=1):
    src = RANKABLE[dk] if rankable else INDS[dk]
    return [i for i in src if len(DSS[dk].held(i, area)) >= min_years]


def other_council(dk, home):
    ds = DSS[dk]
    pool = OF_HOMES if dk == "oflog" else ds.members
    while True:
        c = pick(pool)
        if c != home:
            return c


def group_of(dk, ind, home, gkind):
    ds = DSS[dk]
    if gkind == "national":
        return ds.members
    if dk == "oflog":
        return sorted(set(ds.nn[home]))
    if dk == "lgbf":
        return D.lgbf_group(ds, ind, home)
    return ds.group


ITEMS = []


def add(family, dk, home, turns, expect, note, figures=None, expect_each=None):
    item = {"family": family, "dataset": dk, "home_area": home, "turns": [style(t, k > 0) for k, t in enumerate(turns)],
            "expect": expect}
    if expect_each is not None:
        item["expect_each"] = expect_each
    figs = [f for f in (figures or []) if f]
    if figs:
        item["figures"] = figs
    item["note"] = note
    ITEMS.append(item)


def spread(total, keys):
    """deal a family's count across datasets"""
    out = []
    for k in range(total):
        out.append(keys[k % len(keys)])
    return out


# ---------------------------------------------------------------- families
def mk_value(dk, area, home, named):
    """one council one measure; returns (text, reading, figures) or None"""
    ds = DSS[dk]
    inds = inds_held(dk, area)
    ind = pick(inds)
    it = ind_text(dk, ind)
    who = council_name(ds, area) if named else None
    held = ds.held(ind, area)
    mode = rng.random()
    if dk == "sample" and not named and ds.quarters(ind, area) and mode < 0.25:
        q = pick(ds.quarters(ind, area))
        qt = quarter_text(q)
        text = pick([f"what was our {it} in {qt}?", f"{it} for {qt}", f"hows {it} looking in {qt}",
                     f"can I get {qt} {it} figure"])
        return text, reading("value", [ind], [area], None, q), [fig(ds, ind, area, q)]
    if mode < 0.55:
        p = pick(held)
        pt = per_text(p, "bare" if rng.random() < 0.12 else None)
        if named:
            text = pick([f"what was {who}'s {it} in {pt}?", f"{who} {it} {pt}", f"{it} for {who}, {pt}",
                         f"can you tell me {who}s {it} for {pt}", f"how did {who} do on {it} in {pt}?",
                         f"what did {who} get for {it} back in {pt}"])
        else:
            text = pick([f"what was our {it} in {pt}?", f"{it} {pt}?", f"how did we do on {it} in {pt}",
                         f"whats our figure for {it} for {pt}", f"can you give me {it} for {pt}",
                         f"what were we on for {it} in {pt}"])
        return text, reading("value", [ind], [area], None, p), [fig(ds, ind, area, p)]
    lp = held[-1]
    if named:
        text = pick([f"what's {who}'s {it}?", f"{who} - {it}?", f"how is {who} doing on {it} at the moment",
                     f"latest {it} for {who} pls", f"{it} in {who}?", f"whats the current {it} for {who}",
                     f"do you have {who}'s latest {it}"])
    else:
        text = pick([f"what's our {it}?", f"what is our current {it}", f"hows our {it} at the moment?",
                     f"{it} - where are we now?", f"latest {it} figure please", f"what was our {it} last year",
                     f"r we any good on {it} right now? whats the number", f"{it}?"])
    # "latest" for the sample home is left without a figure where it also holds quarters (annual or quarter?)
    figs = [fig(ds, ind, area, lp)] if not ds.quarters(ind, area) else None
    return text, reading("value", [ind], [area]), figs


def fam_value(count):
    for dk in spread(count, ["oflog", "lgbf", "sample"]):
        home = home_for(dk)
        t, r, f = mk_value(dk, home, home, False)
        add("value", dk, home, [t], r, "home council, one measure", f)


def fam_names(count):
    for dk in spread(count, ["oflog", "lgbf", "oflog", "lgbf", "sample"]):
        home = home_for(dk)
        area = other_council(dk, home)
        t, r, f = mk_value(dk, area, home, True)
        add("names", dk, home, [t], r, "named council written the way people write it", f)


def last_n_years(dk, area, ind, n):
    lp = DSS[dk].latest(ind, area)
    return D.fy(D.fy_start(lp) - n), lp


def fam_span(count):
    for dk in spread(count, ["oflog", "lgbf", "sample"]):
        ds = DSS[dk]
        home = home_for(dk)
        named = rng.random() < 0.3
        area = other_council(dk, home) if named else home
        inds = inds_held(dk, area, min_years=3)
        ind = pick(inds)
        held = ds.held(ind, area)
        a, b = sorted(rng.sample(held, 2))
        while a == b or D.fy_start(b) - D.fy_start(a) < 2 and len(held) > 3:
            a, b = sorted(rng.sample(held, 2))
        it = ind_text(dk, ind)
        at, bt = per_text(a), per_text(b)
        who = "our" if not named else council_name(ds, area) + "'s"
        text = pick([f"how has {who} {it} changed between {at} and {bt}?", f"{who} {it} from {at} to {bt}",
                     f"{it} {at} -> {bt} for {'us' if not named else council_name(ds, area)}",
                     f"can you show {who} {it} {at} to {bt}", f"what happened to {who} {it} between {at} and {bt}",
                     f"trend in {who} {it} from {at} through to {bt} pls"])
        add("span", dk, home, [text], reading("trend", [ind], [area], a, b), "explicit two-end span",
            [fig(ds, ind, area, a), fig(ds, ind, area, b)])


def fam_trend(count):
    for dk in spread(count, ["oflog", "lgbf", "sample"]):
        ds = DSS[dk]
        home = home_for(dk)
        area = home
        ind = pick(inds_held(dk, area, min_years=3))
        it = ind_text(dk, ind)
        held = ds.held(ind, area)
        m = rng.randrange(3)
        if m == 0:
            text = pick([f"is our {it} getting better?", f"whats the direction of travel on {it}",
                         f"{it} - are we improving or not?", f"has {it} been getting worse for us",
                         f"are things moving the right way on {it}?", f"hows the trend looking for our {it}"])
            add("trend", dk, home, [text], reading("trend", [ind], [area]), "trend wording, no span")
        elif m == 1:
            p = pick(held[:-1])
            y = D.fy_start(p)
            yt = pick([str(y), per_text(p), f"April {y}"])
            text = pick([f"how has our {it} changed since {yt}?", f"{it} since {yt}?",
                         f"has {it} improved since {yt}", f"what's happened to {it} since {yt}",
                         f"show me our {it} since {yt} pls"])
            lp = ds.latest(ind, area)
            add("trend", dk, home, [text], reading("trend", [ind], [area], p, lp), "since a year",
                [fig(ds, ind, area, p), fig(ds, ind, area, lp)])
        else:
            n = rng.choice([3, 4, 5])
            frm, lp = last_n_years(dk, area, ind, n)
            nt = pick([str(n), {3: "three", 4: "four", 5: "five"}[n]])
            text = pick([f"our {it} over the last {nt} years", f"{nt}-year trend for {it}?",
                         f"how has {it} moved over the past {nt} years", f"{it} last {nt} yrs - better or worse?"])
            figs = [fig(ds, ind, area, frm), fig(ds, ind, area, lp)]
            add("trend", dk, home, [text], reading("trend", [ind], [area], frm, lp), f"last {n} years",
                figs if all(figs) else None)


def fam_compare(count):
    kinds = []
    for dk in spread(count, ["oflog", "lgbf", "sample", "oflog", "lgbf"]):
        kinds.append(dk)
    for dk in kinds:
        ds = DSS[dk]
        home = home_for(dk)
        opts = ["area", "area2", "neighbours"] + (["national"] if dk != "sample" else [])
        kind = pick(opts)
        ind = pick(inds_held(dk, home))
        it = ind_text(dk, ind)
        per = None
        pt = ""
        if rng.random() < 0.3:
            per = pick(ds.held(ind, home))
            pt = " in " + per_text(per)
        if kind == "area":
            o = other_council(dk, home)
            if not ds.held(ind, o):
                continue
            on = council_name(ds, o)
            text = pick([f"how do we compare with {on} on {it}{pt}?", f"{it}{pt}: us vs {on}",
                         f"are we better or worse than {on} for {it}{pt}", f"compare our {it} with {on}'s{pt}",
                         f"how does {on} stack up against us on {it}{pt}"])
            areas = [home, o]
            if "stack up against us" in text:
                areas = [o, home]
            add("compare", dk, home, [text], reading("compare", [ind], areas, None, per, "area"), "two councils")
        elif kind == "area2":
            o1 = other_council(dk, home)
            o2 = other_council(dk, home)
            if o2 == o1 or not ds.held(ind, o1) or not ds.held(ind, o2):
                continue
            n1, n2 = council_name(ds, o1), council_name(ds, o2)
            text = pick([f"compare {n1} and {n2} on {it}{pt}", f"{it}{pt} - {n1} v {n2}?",
                         f"who's doing better on {it}{pt}, {n1} or {n2}?"])
            add("compare", dk, home, [text], reading("compare", [ind], [o1, o2], None, per, "area"),
                "two named councils, order asked")
        elif kind == "neighbours":
            g = pick(["similar councils", "our nearest neighbours", "our comparator group"] +
                     (["our family group"] if dk == "lgbf" else ["our CIPFA neighbours"] if dk == "oflog" else []))
            text = pick([f"how do we compare to {g} on {it}{pt}?", f"{it}{pt} vs {g}",
                         f"are we in line with {g} for {it}{pt}", f"how does our {it} compare with {g}{pt}"])
            add("compare", dk, home, [text], reading("compare", [ind], [home, "neighbours"], None, per, "neighbours"),
                "home against its neighbour group")
        else:
            nat = NATIONAL[dk]
            g = pick(["the england average", "england as a whole", "the national figure"]) if dk == "oflog" else \
                pick(["the scottish average", "scotland overall", "the national figure"])
            text = pick([f"how does our {it} compare with {g}{pt}?", f"are we above or below {g} on {it}{pt}",
                         f"{it}{pt}: us against {g}"])
            add("compare", dk, home, [text], reading("compare", [ind], [home, nat], None, per, "national"),
                "home against the national figure")


ORDER_WORDS = {  # words leading a list: "top 5 councils ..."
    ("best", "higher"): ["best", "top", "highest", "strongest", "best performing"],
    ("best", "lower"): ["best", "lowest", "best performing"],
    ("worst", "higher"): ["worst", "bottom", "lowest", "weakest", "worst performing"],
    ("worst", "lower"): ["worst", "highest", "worst performing"],
}
ADJ_WORDS = {  # words qualifying the measure: "which councils have the highest X"
    ("best", "higher"): ["best", "highest"], ("best", "lower"): ["best", "lowest"],
    ("worst", "higher"): ["worst", "lowest"], ("worst", "lower"): ["worst", "highest"],
}


def rank_item(dk, home, ind, gkind, n, order, period):
    """compute ranking figures; None when an England list shows an excluded council"""
    ds = DSS[dk]
    group = group_of(dk, ind, home, gkind)
    p = period or ds.group_latest(ind, group)
    if p is None:
        return None
    rows = ds.ranking(ind, group, p)
    if len(rows) <= n:
        return None
    if order == "worst":
        rows = list(reversed(rows))
    listed = rows[:n]
    if dk == "oflog" and any(a in OF.excluded for a, _ in listed):
        return None
    if rows[n - 1][1] == rows[n][1]:
        return []
    return [{"indicator_id": ind, "area_code": a, "period": p, "value": v} for a, v in listed]


def group_words(dk, gkind):
    if gkind == "national":
        return pick(["in england", "across england", "of all english councils", "nationally"]) if dk == "oflog" \
            else pick(["in scotland", "across scotland", "of the 32 scottish councils", "in the whole of scotland"])
    base = ["among our nearest neighbours", "in our comparator group", "among similar councils"]
    base += ["in our family group"] if dk == "lgbf" else ["among our cipfa neighbours"] if dk == "oflog" else \
        ["in our neighbour group"]
    return pick(base)


def rank_text(dk, ind, gkind, n, order, period):
    it = ind_text(dk, ind)
    ow = pick(ORDER_WORDS[(order, DSS[dk].polarity[ind])])
    aw = pick(ADJ_WORDS[(order, DSS[dk].polarity[ind])])
    gw = group_words(dk, gkind)
    pt = (" in " + per_text(period)) if period else ""
    nw = str(n) if rng.random() < 0.7 else {1: "one", 3: "three", 5: "five", 10: "ten", 4: "four"}.get(n, str(n))
    if n == 1:
        return pick([f"which council is the {ow} {gw} for {it}{pt}?", f"who has the {aw} {it} {gw}{pt}",
                     f"{ow} council {gw} on {it}{pt}?"]).replace("the top ", "top ").replace("the bottom ", "bottom ")
    return pick([f"{ow} {nw} councils {gw} for {it}{pt}", f"which {nw} councils have the {aw} {it} {gw}{pt}?",
                 f"can you list the {ow} {nw} {gw} on {it}{pt}", f"{it}{pt} - {ow} {nw} {gw}?",
                 f"give me the {ow} {nw} {gw} for {it}{pt} please"])


def fam_rank(count):
    for dk in spread(count, ["oflog", "lgbf", "sample", "oflog", "lgbf"]):
        ds = DSS[dk]
        for _ in range(50):
            home = home_for(dk)
            ind = pick(inds_held(dk, home, rankable=True))
            gkind = "neighbours" if dk == "sample" else pick(["national", "neighbours"])
            period = None
            if rng.random() < 0.3:
                period = pick(ds.held(ind, home))
            if rng.random() < 0.3:
                gtok = NATIONAL.get(dk, "neighbours") if gkind == "national" else "neighbours"
                group = group_of(dk, ind, home, gkind)
                p = period or ds.group_latest(ind, group)
                if ds.value(ind, home, p) is None:
                    continue
                gw = group_words(dk, gkind)
                it = ind_text(dk, ind)
                pt = (" in " + per_text(period)) if period else ""
                text = pick([f"where do we rank {gw} on {it}{pt}?", f"how do we rank {gw} for {it}{pt}",
                             f"what position are we {gw} for {it}{pt}?", f"{it}{pt} - where do we sit {gw}",
                             f"whats our ranking {gw} on {it}{pt}"])
                add("rank", dk, home, [text], reading("rank", [ind], [home, gtok], None, period, "ranking"),
                    "position question", [fig(ds, ind, home, p)])
                break
            n = pick([1, 3, 5, 5, 10, 4]) if gkind == "national" else pick([1, 3, 5, 3, 4])
            order = pick(["best", "best", "worst"])
            figs = rank_item(dk, home, ind, gkind, n, order, period)
            if figs is None:
                continue
            gtok = NATIONAL.get(dk) if gkind == "national" else "neighbours"
            text = rank_text(dk, ind, gkind, n, order, period)
            add("rank", dk, home, [text], reading("rank", [ind], [gtok], None, period, "ranking", n, order),
                f"ranking list, {order} {n}" + ("" if figs else " (tie at cut-off: no figures)"), figs)
            break


def overview_inds(dk, area, service):
    ds = DSS[dk]
    if dk == "oflog":
        return [i for i in sorted(W.OFLOG) if ds.held(i, area)]
    if dk == "lgbf":
        cat = ds.info["ISCategory"]
        return [i for i in sorted(cat.index) if cat[i] == service and ds.held(i, area)]
    return [i for i in W.SAMPLE_SERVICES[service][0] if ds.held(i, area)]


def fam_overview(count):
    for dk in spread(count, ["oflog", "lgbf", "sample"]):
        ds = DSS[dk]
        home = home_for(dk)
        named = rng.random() < 0.25
        area = other_council(dk, home) if named else home
        if dk == "oflog":
            service, sw = None, pick(W.OFLOG_SERVICE)
        elif dk == "lgbf":
            service = pick(sorted(W.LGBF_SERVICES))
            sw = pick(W.LGBF_SERVICES[service])
        else:
            service = pick(sorted(W.SAMPLE_SERVICES))
            sw = pick(W.SAMPLE_SERVICES[service][1])
        inds = overview_inds(dk, area, service)
        if not inds:
            continue
        if named:
            who = council_name(ds, area)
            text = pick([f"how is {who} doing on {sw}?", f"give me an overview of {who}'s {sw} performance",
                         f"{sw} at {who} - how are they doing overall?"])
        else:
            text = pick([f"how are we doing on {sw}?", f"overview of our {sw} performance pls",
                         f"can you give me the big picture on {sw} for the committee", f"hows {sw} looking overall?",
                         f"whats our performance like across {sw}"])
        add("overview", dk, home, [text], reading("overview", inds, [area]), f"service overview ({sw})")


def fam_target(count):
    ds = SA
    home = D.SAMPLE_HOME
    inds = sorted({i for (i, p) in ds.targets})
    for _ in range(count):
        ind = pick(inds)
        it = ind_text("sample", ind)
        m = rng.randrange(3)
        if m == 0:
            text = pick([f"are we hitting target on {it}?", f"are we on target for {it}",
                         f"{it} - meeting our target?", f"is {it} on track against target at the moment?",
                         f"r we hitting our {it} target"])
            add("target", "sample", home, [text], reading("target", [ind], [home]), "target, latest",
                [fig(ds, ind, home, ds.latest(ind, home))] if not ds.quarters(ind, home) else None)
        elif m == 1:
            p = pick([p for (i, p) in ds.targets if i == ind and len(p) == 7])
            pt = per_text(p)
            text = pick([f"did we meet the target for {it} in {pt}?", f"{it} {pt} - did we hit target?",
                         f"were we on target with {it} in {pt}", f"did {it} hit its target in {pt}"])
            add("target", "sample", home, [text], reading("target", [ind], [home], None, p), "target, one year",
                [fig(ds, ind, home, p)])
        else:
            qs = ds.quarters(ind, home)
            if not qs:
                p = ds.latest(ind, home)
                text = f"did we hit the {it} target in {per_text(p)}?"
                add("target", "sample", home, [text], reading("target", [ind], [home], None, p), "target, one year",
                    [fig(ds, ind, home, p)])
                continue
            q = pick(qs)
            text = pick([f"are we on target for {it} in {quarter_text(q)}?", f"{it} vs target {quarter_text(q)}"])
            add("target", "sample", home, [text], reading("target", [ind], [home], None, q), "target, a quarter",
                [fig(ds, ind, home, q)])


def fam_not_held(count):
    for dk in spread(count, ["oflog", "lgbf", "sample"]):
        ds = DSS[dk]
        for _ in range(50):
            home = home_for(dk)
            ind = pick(inds_held(dk, home))
            if dk == "sample" and ds.quarters(ind, home):
                continue
            held = ds.held(ind, home)
            first, last = D.fy_start(held[0]), D.fy_start(held[-1])
            m = rng.randrange(4)
            gaps = [D.fy(y) for y in range(first, last) if D.fy(y) not in held]
            if m == 0:
                p = D.fy(first - rng.choice([1, 2, 3, 5]))
            elif m == 1:
                p = D.fy(last + rng.choice([1, 2]))
            elif m == 2 and gaps:
                p = pick(gaps)
            else:
                y = pick(held) if dk != "sample" else D.fy(last + 1)
                p = f"{y if isinstance(y, str) else y} Q{rng.randrange(1, 5)}"
            c = ds.closest(ind, home, p)
            if c is None or c == p:
                continue
            it = ind_text(dk, ind)
            pt = quarter_text(p) if "Q" in p else per_text(p)
            text = pick([f"what was our {it} in {pt}?", f"{it} for {pt} please", f"how did we do on {it} in {pt}",
                         f"can I have our {pt} figure for {it}"])
            add("period_not_held", dk, home, [text], reading("value", [ind], [home], None, p),
                f"period not held; closest held year {c}", [fig(ds, ind, home, c)])
            break


def fam_unknown(count):
    kinds = ["welsh", "ni", "district", "madeup", "measure", "chitchat", "cross_en", "cross_sc", "cross_sample"]
    for k in range(count):
        kind = kinds[k % len(kinds)]
        if kind in ("welsh", "ni", "district", "madeup"):
            dk = pick(["oflog", "lgbf"]) if kind != "district" else "oflog"
            home = home_for(dk)
            who = pick(W.ELSEWHERE[kind])
            ind = pick(INDS[dk])
            text = pick([f"what's {who}'s {ind_text(dk, ind)}?", f"how does {who} do on {ind_text(dk, ind)}",
                         f"{ind_text(dk, ind)} for {who}?"])
        elif kind == "measure":
            dk = pick(["oflog", "lgbf", "sample"])
            home = home_for(dk)
            text = pick([f"what's our {pick(W.NOT_HELD_MEASURES)}?",
                         f"how are we doing on {pick(W.NOT_HELD_MEASURES)} compared with last year"])
        elif kind == "chitchat":
            dk = pick(["oflog", "lgbf", "sample"])
            home = home_for(dk)
            text = pick(W.CHITCHAT)
        elif kind == "cross_en":
            dk = "oflog"
            home = home_for(dk)
            ind = pick([i for i in INDS["lgbf"] if i not in ("ENV06", "CORP07")])
            text = pick([f"what's our {ind_text('lgbf', ind)}?", f"how are we doing on {ind_text('lgbf', ind)}"])
        elif kind == "cross_sc":
            dk = "lgbf"
            home = home_for(dk)
            ind = pick(["ASC1", "ASC3", "ASC4", "ASC5", "ASC7"])
            text = pick([f"what's our {ind_text('oflog', ind)}?", f"how do we compare on {ind_text('oflog', ind)}"])
        else:
            dk = "sample"
            home = D.SAMPLE_HOME
            ind = pick(["ASC1", "ASC2", "ASC3", "ASC4", "ASC5"])
            text = pick([f"what's our {ind_text('oflog', ind)}?", f"{ind_text('oflog', ind)} for us?"])
        add("unknown", dk, home, [text], dict(UNKNOWN, periods={"from": None, "to": None}), f"unknown ({kind})")


# ---------------------------------------------------------------- follow-ups
def fam_followup(count):
    types = ["year_then_area", "named_then_ours", "nb_then_nat", "rank_flip", "since_then_measure", "pos_then_group",
             "area_then_year", "value_then_nb", "span_then_area", "target_year"]
    made = 0
    k = 0
    while made < count:
        t = types[k % len(types)]
        k += 1
        if t not in ("nb_then_nat", "pos_then_group"):
            dk = pick(["oflog", "lgbf", "sample"])
        else:
            dk = pick(["oflog", "lgbf"])
        if t == "target_year":
            dk = "sample"
        ds = DSS[dk]
        home = home_for(dk)
        res = None
        if t == "year_then_area":
            ind = pick(inds_held(dk, home, min_years=2))
            it = ind_text(dk, ind)
            p = pick(ds.held(ind, home)[:-1])
            o = other_council(dk, home)
            if ds.value(ind, o, p) is None:
                continue
            turns = [pick([f"what's our {it}?", f"{it} - latest for us?", f"hows our {it} doing"]),
                     pick([f"and in {per_text(p)}?", f"what about {per_text(p)}", f"and back in {per_text(p)}?"]),
                     pick([f"what about {council_name(ds, o)}?", f"and {council_name(ds, o)}?",
                           f"how about {council_name(ds, o)} that year"])]
            each = [reading("value", [ind], [home]), reading("value", [ind], [home], None, p),
                    reading("value", [ind], [o], None, p)]
            res = (turns, each, [fig(ds, ind, o, p)])
        elif t == "named_then_ours":
            o = other_council(dk, home)
            ind = pick(inds_held(dk, o, min_years=2))
            if not ds.held(ind, home):
                continue
            it = ind_text(dk, ind)
            p1 = pick(ds.held(ind, o))
            p2 = pick(ds.held(ind, home))
            on = council_name(ds, o)
            turns = [pick([f"what was {on}'s {it} in {per_text(p1)}?", f"{on} {it} {per_text(p1)}"]),
                     pick([f"what was ours in {per_text(p2)}?", f"and ours in {per_text(p2)}",
                           f"ok what were we on in {per_text(p2)}"])]
            each = [reading("value", [ind], [o], None, p1), reading("value", [ind], [home], None, p2)]
            res = (turns, each, [fig(ds, ind, home, p2)])
        elif t == "nb_then_nat":
            ind, ind2 = rng.sample(inds_held(dk, home), 2)
            g = pick(["similar councils", "our nearest neighbours", "our comparator group"])
            nat = NATIONAL[dk]
            nt = "england" if dk == "oflog" else "scotland"
            turns = [pick([f"how does our {ind_text(dk, ind)} compare with {g}?",
                           f"{ind_text(dk, ind)} vs {g}?"]),
                     pick([f"and against {nt} as a whole?", "what about nationally?", f"and the {nt} average?"]),
                     pick([f"same for {ind_text(dk, ind2)}", f"and {ind_text(dk, ind2)}?",
                           f"can you do {ind_text(dk, ind2)} too"])]
            each = [reading("compare", [ind], [home, "neighbours"], comparison="neighbours"),
                    reading("compare", [ind], [home, nat], comparison="national"),
                    reading("compare", [ind2], [home, nat], comparison="national")]
            res = (turns, each, None)
        elif t == "rank_flip":
            ind = pick(inds_held(dk, home, rankable=True, min_years=2))
            gkind = "neighbours" if dk == "sample" else pick(["national", "neighbours"])
            n = pick([3, 5]) if gkind == "neighbours" else pick([5, 10])
            p2 = pick(ds.held(ind, home)[:-1])
            gtok = NATIONAL.get(dk) if gkind == "national" else "neighbours"
            f1 = rank_item(dk, home, ind, gkind, n, "best", None)
            f3 = rank_item(dk, home, ind, gkind, n, "worst", p2)
            if f1 is None or f3 is None or rank_item(dk, home, ind, gkind, n, "worst", None) is None:
                continue
            turns = [rank_text(dk, ind, gkind, n, "best", None),
                     pick([f"and the bottom {n}?", f"what about the worst {n}?", f"ok now the worst {n}"]
                          if ds.polarity[ind] == "higher" else
                          [f"and the worst {n}?", f"what about the worst {n}?", f"ok now the worst {n}"]),
                     pick([f"same for {per_text(p2)}", f"and in {per_text(p2)}?",
                           f"what did that look like in {per_text(p2)}"])]
            each = [reading("rank", [ind], [gtok], None, None, "ranking", n, "best"),
                    reading("rank", [ind], [gtok], None, None, "ranking", n, "worst"),
                    reading("rank", [ind], [gtok], None, p2, "ranking", n, "worst")]
            res = (turns, each, None)
        elif t == "since_then_measure":
            cands = inds_held(dk, home, min_years=4)
            if len(cands) < 2:
                continue
            ind, ind2 = rng.sample(cands, 2)
            common = [p for p in ds.held(ind, home)[:-1] if p in ds.held(ind2, home)[:-1]]
            if not common:
                continue
            p = pick(common)
            y = D.fy_start(p)
            o = other_council(dk, home)
            if p not in ds.held(ind2, o)[:-1]:
                continue
            turns = [pick([f"how has our {ind_text(dk, ind)} changed since {y}?", f"{ind_text(dk, ind)} since {y}?"]),
                     pick([f"and {ind_text(dk, ind2)}?", f"what about {ind_text(dk, ind2)}",
                           f"same for {ind_text(dk, ind2)} pls"]),
                     pick([f"and for {council_name(ds, o)}?", f"how about {council_name(ds, o)}"])]
            lo = ds.latest(ind2, o)
            each = [reading("trend", [ind], [home], p, ds.latest(ind, home)),
                    reading("trend", [ind2], [home], p, ds.latest(ind2, home)),
                    reading("trend", [ind2], [o], p, lo)]
            res = (turns, each, [fig(ds, ind2, o, p), fig(ds, ind2, o, lo)])
        elif t == "pos_then_group":
            ind = pick(inds_held(dk, home, rankable=True))
            nat = NATIONAL[dk]
            gw1 = group_words(dk, "neighbours")
            it = ind_text(dk, ind)
            nt = "england" if dk == "oflog" else "scotland"
            turns = [pick([f"where do we rank {gw1} on {it}?", f"how do we rank {gw1} for {it}"]),
                     pick([f"and across {nt}?", f"what about in {nt}?", f"and {nt}-wide?"])]
            each = [reading("rank", [ind], [home, "neighbours"], comparison="ranking"),
                    reading("rank", [ind], [home, nat], comparison="ranking")]
            group = group_of(dk, ind, home, "national")
            p = ds.group_latest(ind, group)
            res = (turns, each, [fig(ds, ind, home, p)])
            if ds.value(ind, home, p) is None:
                continue
        elif t == "area_then_year":
            ind = pick(inds_held(dk, home, min_years=2))
            o = other_council(dk, home)
            p = pick(ds.held(ind, home)[:-1])
            p2 = pick(ds.held(ind, home))
            on = council_name(ds, o)
            it = ind_text(dk, ind)
            turns = [pick([f"how do we compare with {on} on {it}?", f"{it}: us vs {on}?"]),
                     pick([f"and back in {per_text(p)}?", f"what about {per_text(p)}"]),
                     pick([f"ok and what was ours in {per_text(p2)}", f"what was ours in {per_text(p2)}?"])]
            each = [reading("compare", [ind], [home, o], comparison="area"),
                    reading("compare", [ind], [home, o], None, p, "area"),
                    reading("value", [ind], [home], None, p2)]
            res = (turns, each, [fig(ds, ind, home, p2)])
        elif t == "value_then_nb":
            ind = pick(inds_held(dk, home, rankable=True))
            it = ind_text(dk, ind)
            p = pick(ds.held(ind, home))
            turns = [pick([f"what was our {it} in {per_text(p)}?", f"{it} {per_text(p)} for us?"]),
                     pick(["how does that compare with similar councils?", "is that better than our neighbours?",
                           "and vs our comparator group?"]),
                     pick(["where does that put us in the group?", "so where do we rank among them?",
                           "what's our position in that group"])]
            each = [reading("value", [ind], [home], None, p),
                    reading("compare", [ind], [home, "neighbours"], None, p, "neighbours"),
                    reading("rank", [ind], [home, "neighbours"], None, p, "ranking")]
            res = (turns, each, [fig(ds, ind, home, p)])
        elif t == "span_then_area":
            ind = pick(inds_held(dk, home, min_years=3))
            held = ds.held(ind, home)
            a, b = held[0], held[-1]
            if len(held) > 3:
                a, b = sorted(rng.sample(held, 2))
            o = other_council(dk, home)
            if ds.value(ind, o, a) is None or ds.value(ind, o, b) is None or a == b:
                continue
            it = ind_text(dk, ind)
            turns = [pick([f"our {it} from {per_text(a)} to {per_text(b)}",
                           f"{it} between {per_text(a)} and {per_text(b)}?"]),
                     pick([f"and for {council_name(ds, o)}?", f"same for {council_name(ds, o)} please"])]
            each = [reading("trend", [ind], [home], a, b), reading("trend", [ind], [o], a, b)]
            res = (turns, each, [fig(ds, ind, o, a), fig(ds, ind, o, b)])
        elif t == "target_year":
            ind = pick(sorted({i for (i, p) in ds.targets}))
            ps = [p for (i, p) in ds.targets if i == ind and len(p) == 7]
            p1, p2 = rng.sample(ps, 2)
            it = ind_text(dk, ind)
            turns = [pick([f"did we hit the {it} target in {per_text(p1)}?", f"{it} vs target {per_text(p1)}?"]),
                     pick([f"and in {per_text(p2)}?", f"what about {per_text(p2)}"])]
            each = [reading("target", [ind], [home], None, p1), reading("target", [ind], [home], None, p2)]
            res = (turns, each, [fig(ds, ind, home, p2)])
        if res is None:
            continue
        turns, each, figs = res
        add("followup", dk, home, turns, each[-1], f"follow-up thread ({t})", figs, each)
        made += 1


# ---------------------------------------------------------------- build
COUNTS = {"names": 70, "rank": 70, "followup": 70, "value": 30, "span": 30, "trend": 30, "compare": 40,
          "overview": 25, "target": 20, "period_not_held": 25, "unknown": 30}
BUILDERS = {"names": fam_names, "rank": fam_rank, "followup": fam_followup, "value": fam_value, "span": fam_span,
            "trend": fam_trend, "compare": fam_compare, "overview": fam_overview, "target": fam_target,
            "period_not_held": fam_not_held, "unknown": fam_unknown}


def build():
    for fam, n in COUNTS.items():
        before = len(ITEMS)
        tries = 0
        BUILDERS[fam](n)
        while len(ITEMS) - before < n and tries < 20:  # top up families that skipped a draw
            tries += 1
            BUILDERS[fam](n - (len(ITEMS) - before))
    seen = set()
    out = []
    for it in ITEMS:  # drop exact duplicate questions
        key = (it["home_area"], tuple(it["turns"]))
        if key in seen:
            continue
        seen.add(key)
        out.append(it)
    counters = {}
    final = []
    for it in out:
        counters[it["family"]] = counters.get(it["family"], 0) + 1
        item = {"id": f"b18-{it['family']}-{counters[it['family']]:03d}"}
        item.update(it)
        final.append(item)
    dev, hold = [], []
    groups = {}
    for it in final:
        groups.setdefault((it["family"], it["dataset"]), []).append(it)
    for key in sorted(groups):
        g = groups[key]
        rng.shuffle(g)
        for j, it in enumerate(g):
            (dev if j % 2 == 0 else hold).append(it)
    order = {it["id"]: k for k, it in enumerate(final)}
    dev.sort(key=lambda x: order[x["id"]])
    hold.sort(key=lambda x: order[x["id"]])
    for name, items in (("dev", dev), ("holdout", hold)):
        doc = {"set": f"understanding_blind18_{name}", "seed": SEED, "count": len(items), "items": items}
        with open(HERE / f"{name}.yaml", "w") as fh:
            yaml.safe_dump(doc, fh, sort_keys=False, allow_unicode=True, width=120)
    return dev, hold


if __name__ == "__main__":
    dev, hold = build()
    tally = {}
    for half, items in (("dev", dev), ("holdout", hold)):
        for it in items:
            tally.setdefault((it["family"], it["dataset"]), {"dev": 0, "holdout": 0})[half] += 1
    for k in sorted(tally):
        print(f"{k[0]:16s} {k[1]:7s} dev={tally[k]['dev']:3d} holdout={tally[k]['holdout']:3d}")
    print("total", len(dev) + len(hold), "dev", len(dev), "holdout", len(hold))
