"""Build the set-16 blind understanding evaluation (dev.yaml, holdout.yaml, README.md) from the raw data files.

Run from /work/main:  .venv/bin/python tests/eval/understanding_blind16/generate.py
Every expected reading and figure is computed here with pandas-loaded data; one random.Random(SEED) drives it all.
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

SEED = 16161616
RNG = random.Random(SEED)

OF, NN, OF_HOMES = D.load_oflog()
LG, LG_INFO, LG_FAM = D.load_lgbf()
SA, SA_TARGETS, SA_NEIGH = D.load_sample()
SA_HOME = "E07999001"
HOMES = {"oflog": OF, "lgbf": LG, "sample": SA}
LG_TYPE = dict(zip(LG_INFO.Code, LG_INFO.FamilyGrouping, strict=True))
LG_CAT = dict(zip(LG_INFO.Code, LG_INFO.ISCategory, strict=True))
SEEN: set = set()

COUNTS = {
    "names": 70,
    "rank": 70,
    "followup": 70,
    "value": 30,
    "span": 30,
    "trend": 30,
    "compare": 40,
    "overview": 25,
    "target": 20,
    "period_not_held": 25,
    "unknown": 30,
}


# ----------------------------------------------------------------------------------------------- small helpers
def pick(seq):
    return seq[RNG.randrange(len(seq))]


def reading(intent, inds, areas, frm=None, to=None, comparison=None, n=None, order=None):
    return {
        "intent": intent,
        "indicators": list(inds),
        "areas": list(areas),
        "periods": {"from": frm, "to": to},
        "comparison": comparison,
        "n": n,
        "order": order,
    }


def unknown_reading():
    return reading("unknown", [], [])


def fig(ind, area, period, value):
    return {"indicator_id": ind, "area_code": area, "period": period, "value": value}


def home_for(ds):
    if ds == "oflog":
        return pick(OF_HOMES)
    if ds == "lgbf":
        return pick(LG.all_areas)
    return SA_HOME


def indicators_for(ds, home):
    return [i for i in W.MEASURES[ds] if HOMES[ds].holds(i, home)]


def neighbours(ds, ind, home):
    if ds == "oflog":
        return list(NN[home])
    if ds == "lgbf":
        return list(LG_FAM[(LG_TYPE[ind], home)])
    return list(SA_NEIGH)


def named_pool(ds, home):
    """Councils a question may name (never the home)."""
    if ds == "oflog":
        return [c for c in OF_HOMES if c != home]
    if ds == "lgbf":
        return [c for c in LG.all_areas if c != home]
    return [c for c in SA.all_areas if c != home]


def fy_text(p, bare_ok=True):
    y = D.start_year(p)
    forms = [
        f"{y}/{(y + 1) % 100:02d}",
        f"{y}-{(y + 1) % 100:02d}",
        f"{y}-{y + 1}",
        f"FY{y % 100:02d}/{(y + 1) % 100:02d}",
        f"{y}/{y + 1}",
        f"fy {y}/{(y + 1) % 100:02d}",
    ]
    if bare_ok:
        forms.append(str(y))
    return pick(forms)


def quarter_text(p):
    y, q = D.start_year(p), p[-1]
    return pick(
        [
            f"Q{q} {y}/{(y + 1) % 100:02d}",
            f"{y}-{(y + 1) % 100:02d} q{q}",
            f"quarter {q} of {y}/{(y + 1) % 100:02d}",
            f"Q{q} of {y}-{(y + 1) % 100:02d}",
        ]
    )


LATEST_WORDS = ["", "", " at the moment", " currently", " right now", " last year", " now", " at present"]


def period_phrase(p):
    if p is None:
        return pick(LATEST_WORDS)
    return pick([" in ", " for ", " back in ", " in ", " during "]) + fy_text(p)


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


ALL_NAMES = sorted(
    {n.lower() for h in HOMES.values() for n in h.area_names.values()}
    | {n.lower() for n in W.WELSH_NI + W.DISTRICTS + W.MADE_UP}
)


def typo(name):
    """One-letter typo that stays nearest to its own council by a clear margin (distance >= 3 to any other)."""
    low = name.lower()
    for _ in range(30):
        pos = RNG.randrange(2, len(low))
        if not low[pos].isalpha():
            continue
        kind = RNG.randrange(3)
        if kind == 0:
            t = low[:pos] + low[pos + 1 :]
        elif kind == 1:
            t = low[:pos] + low[pos] + low[pos:]
        else:
            t = low[:pos] + pick("aeiourstnl".replace(low[pos], "")) + low[pos + 1 :]
        if all(lev(t, other) >= 3 for other in ALL_NAMES if other != low):
            return t
    return None


def name_form(ds, code, allow_typo=True):
    """A natural way of writing a council's name."""
    base = HOMES[ds].area_names[code]
    if code in W.AMBIGUOUS_PLAIN:
        return pick(W.AMBIGUOUS_PLAIN[code])
    if ds == "sample":
        short = base.replace(" District Council", "").replace(" Borough Council", "")
        forms = [short, short.lower(), base, base.lower(), short + " council", "the " + short.lower() + " lot"]
        return pick(forms)
    base = base.replace("St. Helens", "St Helens")
    forms = [base, base.lower(), base.lower(), base + " Council"]
    if ds == "oflog" and code.startswith("E10"):
        forms += [base + " County Council", base.lower() + " cc"]
    if ds == "oflog" and code.startswith("E09"):
        forms += ["LB " + base, "london borough of " + base.lower()]
    if " and " in base.lower():
        forms.append(base.lower().replace(" and ", " & "))
    if " & " in base:
        forms += [base.lower().replace(" & ", " and "), base.replace(" & ", " and ") + " Council"]
    forms += W.SHORT_FORMS.get(code, []) * 2
    if allow_typo and len(base) >= 7 and RNG.random() < 0.15:
        t = typo(base.replace(" & ", " and ") if ds == "lgbf" else base)
        if t:
            return t
    return pick(forms)


def dress(text, first=True):
    """Slack-style dressing: prefixes, suffixes, case, apostrophes, shorthand."""
    t = (pick(W.PREFIXES) if first else "") + text
    r = RNG.random()
    if r < 0.45:
        t = t.lower()
    elif r < 0.6:
        t = t[0].upper() + t[1:]
    if RNG.random() < 0.35:
        t = t.replace("'", "")
    if RNG.random() < 0.3:
        t = t.replace(" are we ", " r we ").replace(" you ", " u ").replace("please", "pls")
    if RNG.random() < 0.25:
        t = t.rstrip("?")
    t = t + pick(W.SUFFIXES)
    return " ".join(t.split())


def unique(text):
    key = " ".join(text.lower().split())
    if key in SEEN:
        return False
    SEEN.add(key)
    return True


def m_phrase(ds, ind):
    return pick(W.MEASURES[ds][ind])


def val(ds, ind, area, p):
    return HOMES[ds].series(ind, area).get(p)


def latest_fig(ds, ind, area):
    """Figure for a 'latest' single value: the area's latest held annual value, unless quarters muddy 'latest'."""
    s = HOMES[ds].series(ind, area)
    if any(not D.is_annual(p) for p in s):
        return None
    p = HOMES[ds].latest_annual(ind, area)
    return fig(ind, area, p, s[p]) if p else None


def value_figs(ds, ind, area, p):
    if p is None:
        f = latest_fig(ds, ind, area)
        return [f] if f else []
    v = val(ds, ind, area, p)
    return [fig(ind, area, p, v)] if v is not None else []


def rankable(ds, ind):
    return HOMES[ds].polarity.get(ind) in ("higher", "lower")


def group_members(ds, token, ind, home):
    if token == "england":
        return list(OF.all_areas)
    if token == "scotland":
        return list(LG.all_areas)
    return neighbours(ds, ind, home)


def rank_period(ds, ind, members, p):
    if p is not None:
        return p
    h = HOMES[ds]
    periods = sorted({q for m in members for q in h.annual(ind, m)}, reverse=True)
    for q in periods:
        if sum(1 for m in members if q in h.annual(ind, m)) * 2 >= len(members):
            return q
    return None


def ranked(ds, ind, members, period):
    h = HOMES[ds]
    rows = [(m, h.annual(ind, m)[period]) for m in members if period in h.annual(ind, m)]
    rev = h.polarity[ind] == "higher"
    return sorted(rows, key=lambda r: (-r[1] if rev else r[1], r[0]))


def rank_list_figs(ds, ind, members, p, n, order):
    """Returns (ok, figures). ok False = drop item (excluded council listed); figures [] when tie at the cut-off."""
    period = rank_period(ds, ind, members, p)
    if period is None:
        return False, []
    rows = ranked(ds, ind, members, period)
    if len(rows) < n + 1:
        return False, []
    if order == "worst":
        rows = rows[::-1]
    top = rows[:n]
    if ds == "oflog" and any(m in D.EXCLUDED_OFLOG for m, _ in top):
        return False, []
    if rows[n - 1][1] == rows[n][1]:
        return True, []
    return True, [fig(ind, m, period, v) for m, v in top]


# ----------------------------------------------------------------------------------------------- families
def gen_value(ds, named=False):
    home = home_for(ds)
    inds = indicators_for(ds, home)
    if ds == "sample" and not named:
        pass
    ind = pick(inds)
    area = home
    if named:
        area = pick([c for c in named_pool(ds, home) if HOMES[ds].holds(ind, c)])
    ann = sorted(HOMES[ds].annual(ind, area))
    if not ann:
        return None
    p = pick(ann) if RNG.random() < 0.5 else None
    m = m_phrase(ds, ind)
    pp = period_phrase(p)
    if area == home:
        tpl = [
            "whats our {m}{pp}",
            "what is our {m}{pp}?",
            "worried about the {m} - whats our figure{pp}?",
            "is it true that our {m} is poor? what's the actual number{pp}",
            "{m}{pp} - what's ours?",
            "can someone tell me the {m} for us{pp}",
            "what does the {m} look like for us{pp}?",
            "I keep hearing about the {m}. what is it for our council{pp}?",
        ]
        text = pick(tpl).format(m=m, pp=pp)
    else:
        c = name_form(ds, area, allow_typo=named)
        tpl = [
            "what's the {m} in {c}{pp}",
            "{c} - {m}{pp}?",
            "how does {c} do on {m}{pp}",
            "can u pull the {m} for {c}{pp}",
            "is it true {c} has a really good {m}? what's their figure{pp}",
            "what was {c}'s {m}{pp}",
        ]
        text = pick(tpl).format(m=m, pp=pp, c=c)
    text = dress(text)
    if not unique(text):
        return None
    return {
        "dataset": ds,
        "home_area": home,
        "turns": [text],
        "expect": reading("value", [ind], [area], None, p),
        "figures": value_figs(ds, ind, area, p),
        "note": f"{'named council' if area != home else 'home'} value, {ind}, {p or 'latest'}",
    }


def gen_names(ds):
    home = home_for(ds)
    ind = pick(indicators_for(ds, home))
    pool = [c for c in named_pool(ds, home) if HOMES[ds].holds(ind, c)]
    m = m_phrase(ds, ind)
    if RNG.random() < 0.3:
        a, b = RNG.sample(pool, 2)
        ca, cb = name_form(ds, a), name_form(ds, b)
        if ca.lower() == cb.lower():
            return None
        ann = sorted(set(HOMES[ds].annual(ind, a)) & set(HOMES[ds].annual(ind, b)))
        p = pick(ann) if ann and RNG.random() < 0.5 else None
        text = pick(
            [
                "compare {a} and {b} on the {m}{pp}",
                "{a} vs {b} - {m}{pp}?",
                "how do {a} and {b} compare for {m}{pp}",
                "{m}{pp}: {a} against {b} pls",
            ]
        ).format(a=ca, b=cb, m=m, pp=period_phrase(p))
        text = dress(text)
        if not unique(text):
            return None
        figs = [] if p is None else [fig(ind, x, p, val(ds, ind, x, p)) for x in (a, b)]
        return {
            "dataset": ds,
            "home_area": home,
            "turns": [text],
            "expect": reading("compare", [ind], [a, b], None, p, "area"),
            "figures": figs,
            "note": f"two named councils compared, {ind}",
        }
    area = pick(pool)
    ann = sorted(HOMES[ds].annual(ind, area))
    p = pick(ann) if RNG.random() < 0.5 else None
    c = name_form(ds, area)
    text = pick(
        [
            "{c}: what's their {m}{pp}",
            "whats the {m} for {c}{pp}",
            "{c} {m}{pp}?",
            "how is {c} doing on {m}{pp}",
            "my neighbour says {c} are great on {m} - what's their number{pp}?",
            "just wondering what {c}'s {m} is{pp}",
            "figure for {m} in {c}{pp} please",
        ]
    ).format(c=c, m=m, pp=period_phrase(p))
    text = dress(text)
    if not unique(text):
        return None
    return {
        "dataset": ds,
        "home_area": home,
        "turns": [text],
        "expect": reading("value", [ind], [area], None, p),
        "figures": value_figs(ds, ind, area, p),
        "note": f"named council '{c}' value, {ind}",
    }


def span_spec(ds, ind, area):
    """Pick one of: between A and B, since Y, last N years. Returns (phrase, frm, to, figs)."""
    h = HOMES[ds]
    ann = sorted(h.annual(ind, area))
    latest = ann[-1]
    kind = RNG.randrange(3)
    if kind == 0 and len(ann) >= 3:
        a, b = sorted(RNG.sample(ann, 2))
        ta, tb = fy_text(a, bare_ok=False), fy_text(b, bare_ok=False)
        phrase = pick(["between {a} and {b}", "from {a} to {b}", "{a} to {b}", "{a} -> {b}"]).format(a=ta, b=tb)
        frm, to = a, b
    elif kind == 1:
        y = D.start_year(pick(ann[:-1])) if len(ann) > 1 else None
        if y is None:
            return None
        phrase = pick(["since {y}", "since april {y}", "since {y}"]).format(y=y)
        frm, to = D.fy(y), latest
    else:
        n = RNG.randrange(3, 6)
        phrase = pick(["over the last {n} years", "over the past {n} years", "for a {n}-year trend", "last {n} yrs"])
        phrase = phrase.format(n=n)
        frm, to = D.fy(D.start_year(latest) - n), latest
    figs = [fig(ind, area, p, h.annual(ind, area)[p]) for p in (frm, to) if p in h.annual(ind, area)]
    if len(figs) < 2:
        figs = []
    return phrase, frm, to, figs


def gen_span(ds):
    home = home_for(ds)
    ind = pick(indicators_for(ds, home))
    area = home
    if RNG.random() < 0.3:
        area = pick([c for c in named_pool(ds, home) if HOMES[ds].holds(ind, c)])
    if len(HOMES[ds].annual(ind, area)) < 2:
        return None
    spec = span_spec(ds, ind, area)
    if spec is None:
        return None
    phrase, frm, to, figs = spec
    m = m_phrase(ds, ind)
    if area == home:
        tpl = [
            "how has our {m} changed {s}",
            "{m} {s} - how have we done?",
            "worried about the {m}, can i see how it's moved {s}",
            "show me our {m} {s}",
            "has our {m} got better {s}?",
        ]
        text = pick(tpl).format(m=m, s=phrase)
    else:
        c = name_form(ds, area, allow_typo=False)
        tpl = ["how has {c}'s {m} changed {s}", "{c} - {m} {s}?", "trend in {m} for {c} {s}"]
        text = pick(tpl).format(m=m, s=phrase, c=c)
    text = dress(text)
    if not unique(text):
        return None
    return {
        "dataset": ds,
        "home_area": home,
        "turns": [text],
        "expect": reading("trend", [ind], [area], frm, to),
        "figures": figs,
        "note": f"span {frm}..{to}, {ind}",
    }


def gen_trend(ds):
    home = home_for(ds)
    ind = pick(indicators_for(ds, home))
    area = home
    m = m_phrase(ds, ind)
    if RNG.random() < 0.25:
        area = pick([c for c in named_pool(ds, home) if HOMES[ds].holds(ind, c)])
        c = name_form(ds, area, allow_typo=False)
        text = pick(
            [
                "is {c}'s {m} getting better or worse?",
                "{c} - which way is the {m} heading",
                "direction of travel on {m} for {c}?",
            ]
        ).format(c=c, m=m)
    else:
        text = pick(
            [
                "is our {m} getting better or worse?",
                "whats the direction of travel on the {m} for us",
                "is it true the {m} has been getting worse here?",
                "worried about the {m} - is it going the right way for us?",
                "our {m}: improving or not?",
                "has the {m} been going up or down for us over time",
                "are we getting better on the {m}",
            ]
        ).format(m=m)
    text = dress(text)
    if not unique(text):
        return None
    return {
        "dataset": ds,
        "home_area": home,
        "turns": [text],
        "expect": reading("trend", [ind], [area]),
        "figures": [],
        "note": f"trend without a span, {ind}",
    }


def gen_compare(ds):
    home = home_for(ds)
    ind = pick(indicators_for(ds, home))
    m = m_phrase(ds, ind)
    kinds = ["area", "neighbours"] + (["national"] if ds != "sample" else [])
    kind = pick(kinds)
    ann = sorted(HOMES[ds].annual(ind, home))
    p = pick(ann) if ann and RNG.random() < 0.4 else None
    pp = period_phrase(p)
    figs = []
    if kind == "area":
        other = pick([c for c in named_pool(ds, home) if HOMES[ds].holds(ind, c)])
        c = name_form(ds, other, allow_typo=False)
        text = pick(
            [
                "how does our {m} compare with {c}{pp}",
                "{m}{pp}: us vs {c}?",
                "are we better or worse than {c} on the {m}{pp}",
                "{c} and us - {m}{pp}, how do we compare",
            ]
        ).format(m=m, c=c, pp=pp)
        areas = [home, other]
        if p is not None and all(val(ds, ind, a, p) is not None for a in areas):
            figs = [fig(ind, a, p, val(ds, ind, a, p)) for a in areas]
    elif kind == "neighbours":
        g = pick(W.NEIGH_WORDS[ds])
        text = pick(
            [
                "how do we compare to {g} on {m}{pp}",
                "our {m} vs {g}{pp}?",
                "{m} - how do we stack up against {g}{pp}",
                "is our {m} worse than {g}{pp}?",
            ]
        ).format(m=m, g=g, pp=pp)
        areas = [home, "neighbours"]
    else:
        g = pick(W.NATION_WORDS[ds])
        text = pick(
            [
                "how does our {m} compare with {g}{pp}",
                "us vs {g} on the {m}{pp}?",
                "{m}{pp}: are we above or below {g}",
            ]
        ).format(m=m, g=g, pp=pp)
        areas = [home, "england" if ds == "oflog" else "scotland"]
    text = dress(text)
    if not unique(text):
        return None
    return {
        "dataset": ds,
        "home_area": home,
        "turns": [text],
        "expect": reading("compare", [ind], areas, None, p, kind),
        "figures": figs,
        "note": f"compare ({kind}), {ind}",
    }


def hl_word(ds, ind, order):
    """'highest'/'lowest' word that means best/worst for this indicator's polarity."""
    higher = HOMES[ds].polarity[ind] == "higher"
    return "highest" if (order == "best") == higher else "lowest"


def rank_groups(ds):
    if ds == "oflog":
        return ["england", "neighbours"]
    if ds == "lgbf":
        return ["scotland", "neighbours"]
    return ["neighbours"]


def group_text(ds, token):
    if token == "neighbours":
        return pick(["among " + w for w in W.NEIGH_WORDS[ds]])
    return pick(W.GROUP_WORDS[token])


def rank_spec(ds, home, ind, token=None, position=None, p="keep", n=None, order=None):
    """Builds a rank reading and text fragments. Returns dict or None."""
    token = token or pick(rank_groups(ds))
    members = group_members(ds, token, ind, home)
    if p == "keep":
        held = sorted(HOMES[ds].annual(ind, home))
        p = pick(held) if held and RNG.random() < 0.3 else None
    position = RNG.random() < 0.3 if position is None else position
    if position:
        period = rank_period(ds, ind, members, p)
        if period is None:
            return None
        v = val(ds, ind, home, period)
        figs = [fig(ind, home, period, v)] if v is not None else []
        return {
            "reading": reading("rank", [ind], [home, token], None, p, "ranking"),
            "figs": figs,
            "token": token,
            "p": p,
            "position": True,
        }
    if n is None:
        cap = 5 if token == "neighbours" else 10
        n = pick([1, 3, 3, 5, 5, cap])
    order = order or pick(["best", "worst"])
    ok, figs = rank_list_figs(ds, ind, members, p, n, order)
    if not ok:
        return None
    return {
        "reading": reading("rank", [ind], [token], None, p, "ranking", n, order),
        "figs": figs,
        "token": token,
        "p": p,
        "position": False,
        "n": n,
        "order": order,
    }


def rank_text(ds, ind, spec):
    m = m_phrase(ds, ind)
    g = group_text(ds, spec["token"])
    pp = period_phrase(spec["p"])
    if spec["position"]:
        return pick(
            [
                "where do we rank {g} for {m}{pp}",
                "is it true we're near the bottom {g} on the {m}? where do we actually sit{pp}",
                "what position are we {g} for the {m}{pp}",
                "how do we rank {g} on {m}{pp}",
                "{m}{pp} - where are we in the league table {g}",
            ]
        ).format(g=g, m=m, pp=pp)
    n, order = spec["n"], spec["order"]
    hl = hl_word(ds, ind, order)
    if n == 1:
        return pick(
            [
                "which council has the {hl} {m} {g}{pp}",
                "who is the {bw} council {g} for {m}{pp}",
                "who's {bw} {g} on the {m}{pp}?",
            ]
        ).format(hl=hl, g=g, m=m, pp=pp, bw="best" if order == "best" else "worst")
    return pick(
        [
            "which {n} councils have the {hl} {m} {g}{pp}",
            "{tb} {n} {g} for {m}{pp}?",
            "can i see the {bw} {n} councils {g} on the {m}{pp}",
            "list the {n} {bw} performers {g} for {m}{pp} pls",
            "{m}{pp}: who are the {n} {bw} {g}",
        ]
    ).format(
        n=n,
        hl=hl,
        g=g,
        m=m,
        pp=pp,
        tb="top" if order == "best" else "bottom",
        bw="best" if order == "best" else "worst",
    )


def gen_rank(ds):
    home = home_for(ds)
    inds = [i for i in indicators_for(ds, home) if rankable(ds, i)]
    ind = pick(inds)
    spec = rank_spec(ds, home, ind)
    if spec is None:
        return None
    text = dress(rank_text(ds, ind, spec))
    if not unique(text):
        return None
    return {
        "dataset": ds,
        "home_area": home,
        "turns": [text],
        "expect": spec["reading"],
        "figures": spec["figs"],
        "note": ("position" if spec["position"] else f"{spec['order']} {spec['n']}") + f" in {spec['token']}, {ind}",
    }


def overview_inds(ds, home, key):
    h = HOMES[ds]
    if ds == "oflog":
        return [f"ASC{i}" for i in range(1, 8) if h.holds(f"ASC{i}", home)]
    if ds == "lgbf":
        return sorted(c for c in LG_INFO.Code if LG_CAT[c] == key and h.holds(c, home))
    return [i for i in W.SAMPLE_GROUPS[key] if h.holds(i, home)]


def gen_overview(ds):
    home = home_for(ds)
    area = home
    key = pick(sorted(W.OVERVIEW_WORDS[ds]))
    if RNG.random() < 0.3:
        area = pick(named_pool(ds, home))
    inds = overview_inds(ds, area, key)
    if not inds:
        return None
    s = pick(W.OVERVIEW_WORDS[ds][key])
    if area == home:
        text = pick(
            [
                "how are we doing on {s}?",
                "can i get an overview of {s} for us",
                "new to the {s} brief - give me the overall picture for our council",
                "for thursday's scrutiny: how is {s} performing overall",
                "worried about {s} generally, how are we doing across the board",
            ]
        ).format(s=s)
    else:
        c = name_form(ds, area, allow_typo=False)
        text = pick(["how is {c} doing on {s} overall", "overview of {s} for {c}", "{c} - how are they doing on {s}"])
        text = text.format(s=s, c=c)
    text = dress(text)
    if not unique(text):
        return None
    return {
        "dataset": ds,
        "home_area": home,
        "turns": [text],
        "expect": reading("overview", inds, [area]),
        "figures": [],
        "note": f"overview of {key}",
    }


def gen_target(ds="sample"):
    home = SA_HOME
    inds = sorted({i for i, _p in SA_TARGETS})
    ind = pick(inds)
    years = sorted(p for i, p in SA_TARGETS if i == ind and D.is_annual(p))
    p = pick(years) if RNG.random() < 0.5 else None
    m = m_phrase(ds, ind)
    if p is None:
        text = pick(
            [
                "are we hitting target on the {m}?",
                "{m} - are we on target",
                "is it true we're missing our target for {m}",
                "are we meeting the target for {m} at the moment",
            ]
        ).format(m=m)
    else:
        text = pick(
            [
                "did we meet the target for {m} in {y}?",
                "is it true we missed our {m} target in {y}",
                "{m} {y} - did we hit target",
                "were we on target for the {m} in {y}",
            ]
        ).format(m=m, y=fy_text(p))
    text = dress(text)
    if not unique(text):
        return None
    return {
        "dataset": ds,
        "home_area": home,
        "turns": [text],
        "expect": reading("target", [ind], [home], None, p),
        "figures": value_figs(ds, ind, home, p) if p else [],
        "note": f"target, {ind}, {p or 'latest'}",
    }


def closest_held(ds, ind, area, asked_year):
    held = sorted(HOMES[ds].annual(ind, area))
    if not held:
        return None
    dist = sorted((abs(D.start_year(p) - asked_year), p) for p in held)
    if len(dist) > 1 and dist[0][0] == dist[1][0]:
        return None
    return dist[0][1]


def gen_pnh(ds):
    home = home_for(ds)
    ind = pick(indicators_for(ds, home))
    area = home if RNG.random() < 0.75 else pick([c for c in named_pool(ds, home) if HOMES[ds].holds(ind, c)])
    h = HOMES[ds]
    s = h.series(ind, area)
    held = sorted(h.annual(ind, area))
    if not held:
        return None
    first, last = D.start_year(held[0]), D.start_year(held[-1])
    kind = pick(["before", "after", "gap", "quarter"])
    if kind == "before":
        y = first - RNG.randrange(1, 4)
        asked, ptext = D.fy(y), fy_text(D.fy(y))
    elif kind == "after":
        if any(not D.is_annual(p) for p in s):
            return None  # quarters held after the last year: skip
        y = last + RNG.randrange(1, 3)
        asked, ptext = D.fy(y), fy_text(D.fy(y))
    elif kind == "gap":
        gaps = [y for y in range(first, last) if D.fy(y) not in held]
        if not gaps:
            return None
        y = pick(gaps)
        asked, ptext = D.fy(y), fy_text(D.fy(y))
    else:
        if any(not D.is_annual(p) for p in s):
            return None
        y = RNG.randrange(first, last + 2)
        asked = f"{D.fy(y)} Q{RNG.randrange(1, 5)}"
        ptext = quarter_text(asked)
    if asked in s:
        return None
    close = closest_held(ds, ind, area, y)
    if close is None:
        return None
    m = m_phrase(ds, ind)
    if area == home:
        text = pick(
            [
                "what was our {m} in {p}?",
                "{m} for {p} - what was our figure",
                "can you tell me the {m} for us in {p}",
                "do we know our {m} for {p}",
            ]
        ).format(m=m, p=ptext)
    else:
        c = name_form(ds, area, allow_typo=False)
        text = pick(["what was the {m} in {c} for {p}", "{c} {m} in {p}?"]).format(m=m, p=ptext, c=c)
    text = dress(text)
    if not unique(text):
        return None
    return {
        "dataset": ds,
        "home_area": home,
        "turns": [text],
        "expect": reading("value", [ind], [area], None, asked),
        "figures": [fig(ind, area, close, h.annual(ind, area)[close])],
        "note": f"period not held ({kind}) {asked}; closest held {close}",
    }


def gen_unknown(ds):
    home = home_for(ds)
    kind = pick(["welsh", "district", "madeup", "nomeasure", "chitchat", "cross", "cross"])
    if kind == "district" and ds != "oflog":
        kind = "cross"
    if kind == "welsh":
        ind = pick(indicators_for(ds, home))
        text = pick(["how does {c} do on the {m}", "what's {c}'s {m}?", "{c} - {m}?"]).format(
            c=pick(W.WELSH_NI), m=m_phrase(ds, ind)
        )
    elif kind == "district":
        ind = pick(["ASC1", "ASC2", "ASC3", "ASC5", "ASC7"])
        text = pick(["what's the {m} for {c}", "{c} district council - {m}?"]).format(
            c=pick(W.DISTRICTS), m=m_phrase("oflog", ind)
        )
    elif kind == "madeup":
        ind = pick(indicators_for(ds, home))
        text = pick(["how does {c} compare on the {m}", "{c}: {m} please"]).format(
            c=pick(W.MADE_UP), m=m_phrase(ds, ind)
        )
    elif kind == "nomeasure":
        text = pick(["whats our {m}", "can you tell me the {m} for us", "is it true that the {m} is up?"]).format(
            m=pick(W.NO_MEASURE)
        )
    elif kind == "chitchat":
        text = pick(W.CHITCHAT)
    else:
        if ds == "oflog":
            ind, src = pick(W.LGBF_ONLY_FOR_ENGLAND), "lgbf"
        elif ds == "lgbf":
            ind, src = pick(W.OFLOG_FOR_SCOTLAND), "oflog"
        else:
            ind, src = pick(W.OFLOG_FOR_OTHERS), "oflog"
        text = pick(["what's our {m}?", "worried about the {m} - how are we doing", "{m} for us pls"]).format(
            m=m_phrase(src, ind)
        )
    text = dress(text)
    if not unique(text):
        return None
    return {
        "dataset": ds,
        "home_area": home,
        "turns": [text],
        "expect": unknown_reading(),
        "figures": [],
        "note": f"unknown ({kind})",
    }


# ----------------------------------------------------------------------------------------------- follow-ups
def gen_followup(ds):
    home = home_for(ds)
    h = HOMES[ds]
    inds = indicators_for(ds, home)
    ind = pick(inds)
    m = m_phrase(ds, ind)
    held = sorted(h.annual(ind, home))
    if len(held) < 3:
        return None
    pool = [c for c in named_pool(ds, home) if h.holds(ind, c)]
    kind = pick(
        [
            "other_council",
            "other_year",
            "to_neighbours",
            "since_other",
            "rank_flip",
            "ours_in",
            "position_year",
            "other_measure",
            "chain",
        ]
    )
    turns, each, figs = [], [], []
    if kind == "other_council":
        other = pick(pool)
        turns = [f"whats our {m}?", pick(["what about {c}?", "and {c}?", "same for {c} pls"])]
        turns[1] = turns[1].format(c=name_form(ds, other, allow_typo=False))
        each = [reading("value", [ind], [home]), reading("value", [ind], [other])]
        figs = value_figs(ds, ind, other, None)
    elif kind == "other_year":
        a, b = RNG.sample(held, 2)
        turns = [f"what was our {m} in {fy_text(a)}", pick(["and in {y}?", "what about {y}", "{y}?"])]
        turns[1] = turns[1].format(y=fy_text(b))
        each = [reading("value", [ind], [home], None, a), reading("value", [ind], [home], None, b)]
        figs = value_figs(ds, ind, home, b)
    elif kind == "to_neighbours":
        p = pick(held) if RNG.random() < 0.5 else None
        g = pick(W.NEIGH_WORDS[ds])
        turns = [f"our {m}{period_phrase(p)}?", pick(["how does that compare with {g}?", "and vs {g}?"]).format(g=g)]
        each = [
            reading("value", [ind], [home], None, p),
            reading("compare", [ind], [home, "neighbours"], None, p, "neighbours"),
        ]
    elif kind == "since_other":
        y = D.start_year(pick(held[:-1]))
        other = pick(pool)
        if not h.annual(ind, other):
            return None
        turns = [
            f"how has our {m} changed since {y}?",
            pick(["and {c}?", "same for {c}", "what about {c} over that time"]).format(
                c=name_form(ds, other, allow_typo=False)
            ),
        ]
        to_h, to_o = held[-1], h.latest_annual(ind, other)
        each = [reading("trend", [ind], [home], D.fy(y), to_h), reading("trend", [ind], [other], D.fy(y), to_o)]
        s = h.annual(ind, other)
        if D.fy(y) in s:
            figs = [fig(ind, other, D.fy(y), s[D.fy(y)]), fig(ind, other, to_o, s[to_o])]
    elif kind == "rank_flip":
        if not rankable(ds, ind):
            return None
        spec = rank_spec(ds, home, ind, position=False, p=None, order="best", n=pick([3, 5]))
        if spec is None:
            return None
        spec2 = rank_spec(ds, home, ind, token=spec["token"], position=False, p=None, order="worst", n=spec["n"])
        if spec2 is None:
            return None
        second = pick(["and the bottom {n}?", "now the worst {n}", "what about the bottom end"])
        turns = [rank_text(ds, ind, spec), second.format(n=spec["n"])]
        each = [spec["reading"], spec2["reading"]]
        if RNG.random() < 0.5:
            spec3 = rank_spec(ds, home, ind, token=spec["token"], position=False, p=None, order="worst", n=1)
            if spec3 is None:
                return None
            turns.append(pick(["just the very worst one then", "and who's the single worst?"]))
            each.append(spec3["reading"])
    elif kind == "ours_in":
        other = pick(pool)
        a = pick(sorted(h.annual(ind, other)) or [None])
        b = pick(held)
        if a is None:
            return None
        turns = [
            f"what was {name_form(ds, other, allow_typo=False)}'s {m} in {fy_text(a)}",
            pick(["what was ours in {y}?", "and ours in {y}", "how about us in {y}"]).format(y=fy_text(b)),
        ]
        each = [reading("value", [ind], [other], None, a), reading("value", [ind], [home], None, b)]
        figs = value_figs(ds, ind, home, b)
    elif kind == "position_year":
        if not rankable(ds, ind):
            return None
        spec = rank_spec(ds, home, ind, position=True, p=None)
        y = pick(held)
        spec2 = rank_spec(ds, home, ind, token=spec["token"] if spec else None, position=True, p=y)
        if spec is None or spec2 is None:
            return None
        turns = [rank_text(ds, ind, spec), pick(["and in {y}?", "what about back in {y}", "{y}?"]).format(y=fy_text(y))]
        each = [spec["reading"], spec2["reading"]]  # rank finals carry no figures in follow-ups
    elif kind == "other_measure":
        ind2 = pick([i for i in inds if i != ind])
        p = pick(held) if RNG.random() < 0.5 else None
        if p is not None and p not in h.annual(ind2, home):
            return None
        turns = [
            f"whats our {m}{period_phrase(p)}",
            pick(["what about the {m2}?", "and the {m2}", "ok and {m2}?"]).format(m2=m_phrase(ds, ind2)),
        ]
        each = [reading("value", [ind], [home], None, p), reading("value", [ind2], [home], None, p)]
        figs = value_figs(ds, ind2, home, p)
    else:  # chain of 3-5 turns
        other = pick(pool)
        b = pick(held)
        g = pick(W.NEIGH_WORDS[ds])
        turns = [
            f"new on the committee - what's our {m}?",
            f"and {name_form(ds, other, allow_typo=False)}?",
            f"ok what was ours in {fy_text(b)}",
            f"how did that compare with {g}?",
        ]
        each = [
            reading("value", [ind], [home]),
            reading("value", [ind], [other]),
            reading("value", [ind], [home], None, b),
            reading("compare", [ind], [home, "neighbours"], None, b, "neighbours"),
        ]
        if RNG.random() < 0.5:
            c = pick(held)
            if c == b:
                return None
            turns.append(f"and in {fy_text(c)}?")
            each.append(reading("compare", [ind], [home, "neighbours"], None, c, "neighbours"))
        n_turns = RNG.randrange(3, len(turns) + 1)
        turns, each = turns[:n_turns], each[:n_turns]
        if each[-1]["intent"] == "value":
            last = each[-1]
            figs = value_figs(ds, ind, last["areas"][0], last["periods"]["to"])
    turns = [dress(t, first=(k == 0)) for k, t in enumerate(turns)]
    if not unique(" || ".join(turns)):
        return None
    return {
        "dataset": ds,
        "home_area": home,
        "turns": turns,
        "expect": each[-1],
        "expect_each": each,
        "figures": figs,
        "note": f"follow-up ({kind}), {ind}",
    }


# ----------------------------------------------------------------------------------------------- assembly
GENERATORS = {
    "names": (gen_names, ["oflog", "lgbf", "sample"]),
    "rank": (gen_rank, ["oflog", "lgbf", "sample"]),
    "followup": (gen_followup, ["oflog", "lgbf", "sample"]),
    "value": (gen_value, ["oflog", "lgbf", "sample"]),
    "span": (gen_span, ["oflog", "lgbf", "sample"]),
    "trend": (gen_trend, ["oflog", "lgbf", "sample"]),
    "compare": (gen_compare, ["oflog", "lgbf", "sample"]),
    "overview": (gen_overview, ["oflog", "lgbf", "sample"]),
    "target": (gen_target, ["sample"]),
    "period_not_held": (gen_pnh, ["oflog", "lgbf", "sample"]),
    "unknown": (gen_unknown, ["oflog", "lgbf", "sample"]),
}
UNKNOWN_FAMILY_OK = {"unknown"}


def build():
    items = {}
    for fam, count in COUNTS.items():
        fn, dss = GENERATORS[fam]
        out = []
        i = 0
        tries = 0
        while len(out) < count:
            tries += 1
            if tries > 50 * count:
                raise RuntimeError(f"could not fill {fam}")
            ds = dss[i % len(dss)]
            it = fn(ds)
            if it is None:
                continue
            i += 1
            it = {"id": f"b16-{fam}-{len(out) + 1:03d}", "family": fam, **it}
            out.append(it)
        items[fam] = out
    return items


def order_keys(it):
    keys = ["id", "family", "dataset", "home_area", "turns", "expect"]
    if "expect_each" in it:
        keys.append("expect_each")
    out = {k: it[k] for k in keys}
    if it.get("figures"):
        out["figures"] = it["figures"]
    out["note"] = it["note"]
    return out


def split(items):
    dev, hold = [], []
    for fam in COUNTS:
        for ds in ("oflog", "lgbf", "sample"):
            group = [it for it in items[fam] if it["dataset"] == ds]
            RNG.shuffle(group)
            for k, it in enumerate(group):
                (dev if k % 2 == 0 else hold).append(order_keys(it))
    return dev, hold


def dump(path, name, items):
    doc = {"set": name, "seed": SEED, "count": len(items), "items": items}
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


def count_table(dev, hold):
    rows = ["| family | dataset | dev | holdout |", "|---|---|---|---|"]
    for fam in COUNTS:
        for ds in ("oflog", "lgbf", "sample"):
            a = sum(1 for it in dev if it["family"] == fam and it["dataset"] == ds)
            b = sum(1 for it in hold if it["family"] == fam and it["dataset"] == ds)
            if a or b:
                rows.append(f"| {fam} | {ds} | {a} | {b} |")
    rows.append(f"| **total** | | {len(dev)} | {len(hold)} |")
    return "\n".join(rows)


def main():
    items = build()
    dev, hold = split(items)
    dump(HERE / "dev.yaml", "understanding_blind16_dev", dev)
    dump(HERE / "holdout.yaml", "understanding_blind16_holdout", hold)
    readme = (HERE / "README_template.md").read_text(encoding="utf-8")
    (HERE / "README.md").write_text(readme.replace("{{COUNTS}}", count_table(dev, hold)), encoding="utf-8")
    print(f"dev {len(dev)} holdout {len(hold)}")


if __name__ == "__main__":
    main()
