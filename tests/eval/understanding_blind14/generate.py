"""Generate the blind question-understanding set 14 (dev.yaml, holdout.yaml) from the raw data files.

Run from /work/main:  .venv/bin/python tests/eval/understanding_blind14/generate.py
Every expected reading, ranking size, ranking period and figure is computed from the raw files with pandas; the
wording is drawn from hand-written banks with one seeded random.Random, so reruns are byte-identical.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # write nothing but the set files

import b14data as D  # noqa: E402
import b14words as W  # noqa: E402

SEED = 14141414
R = random.Random(SEED)

OF = D.load_oflog()
LG = D.load_lgbf()
SA = D.load_sample()
DS = {"oflog": OF, "lgbf": LG, "sample": SA}
HOMES = {"oflog": D.oflog_homes(OF), "lgbf": list(LG.national), "sample": [D.SAMPLE_HOME]}
NAMED = {
    "oflog": list(HOMES["oflog"]),
    "lgbf": list(LG.national),
    "sample": [c for c in SA.groups[D.SAMPLE_HOME] if c != D.SAMPLE_HOME],
}
NATIONAL_TOKEN = {"oflog": "england", "lgbf": "scotland"}
MEASURE_CODES = {ds: list(W.MEASURES[ds]) for ds in DS}
# sample indicators with no quarterly figures: "latest" is unambiguously the 2023-24 annual value
SAMPLE_NO_Q = [c for c in W.SAMPLE_MEASURES if not SA.quarters.get((c, D.SAMPLE_HOME))]

TARGETS = {
    "names": 60,
    "rank": 80,
    "followup": 68,
    "value": 28,
    "span": 28,
    "trend": 28,
    "compare": 38,
    "overview": 22,
    "target": 20,
    "period_not_held": 24,
    "unknown": 44,
}
DS_WEIGHTS = {
    "names": {"oflog": 5, "lgbf": 4, "sample": 2},
    "rank": {"oflog": 4, "lgbf": 4, "sample": 2},
    "followup": {"oflog": 7, "lgbf": 4, "sample": 2},
    "value": {"oflog": 4, "lgbf": 4, "sample": 3},
    "span": {"oflog": 4, "lgbf": 4, "sample": 3},
    "trend": {"oflog": 4, "lgbf": 4, "sample": 3},
    "compare": {"oflog": 4, "lgbf": 4, "sample": 2},
    "overview": {"oflog": 4, "lgbf": 4, "sample": 3},
    "target": {"sample": 1},
    "period_not_held": {"oflog": 4, "lgbf": 4, "sample": 2},
    "unknown": {"oflog": 4, "lgbf": 3, "sample": 2},
}


class Skip(Exception):
    """The drawn combination gives no single sensible reading (or no figure); draw again."""


# ================================================================== small helpers
def pick(seq):
    return seq[R.randrange(len(seq))]


def chance(p: float) -> bool:
    return R.random() < p


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


def fig(ds, ind, area, period):
    v = DS[ds].value(ind, area, period)
    if v is None:
        raise Skip
    return {"indicator_id": ind, "area_code": area, "period": period, "value": v}


def mphrase(ds, ind):
    return pick(W.MEASURES[ds][ind])


def fy_text(period: str, allow_bare=True) -> str:
    s = D.fy_start(period)
    e = s + 1
    opts = [
        f"{s}/{e % 100:02d}",
        f"{s}-{e % 100:02d}",
        f"{s}-{e}",
        f"FY{s % 100:02d}/{e % 100:02d}",
        f"{s}/{e}",
        f"{s % 100:02d}/{e % 100:02d}",
        f"fy {s}/{e % 100:02d}",
    ]
    if allow_bare:
        opts += [f"{s}", f"{s}"]
    return pick(opts)


def since_text(period: str) -> str:
    s = D.fy_start(period)
    return pick([f"since {s}", f"since April {s}", f"since {s}/{(s + 1) % 100:02d}", f"since april {s}"])


def quarter_text(period_q: str) -> str:
    fy_, q = period_q.split(" ")
    s = D.fy_start(fy_)
    n = q[1]
    ords = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
    return pick(
        [
            f"{fy_} {q}",
            f"{q} {s}/{(s + 1) % 100:02d}",
            f"{q.lower()} of {s % 100:02d}/{(s + 1) % 100:02d}",
            f"the {ords[n]} quarter of {s}/{(s + 1) % 100:02d}",
            f"{q} {fy_}",
        ]
    )


ASKING_STARTS = ("what", "whats", "what's", "how", "hows", "where", "who", "whos", "who's", "which")
POLITE = ("please", "pls", "thanks", "thx", "ta", "cheers")


def decorate(text: str, lower_p=0.35) -> str:
    prefix = pick(W.PREFIXES)
    if "tell me" in prefix and not text.lower().startswith(ASKING_STARTS):
        prefix = ""
    suffix = pick(W.SUFFIXES)
    words = text.lower().replace("?", " ").split()
    if any(w in POLITE for w in words) and suffix.strip() in POLITE:
        suffix = ""
    t = prefix + text + suffix
    if chance(lower_p):
        t = t.lower()
    return t.strip()


# ================================================================== council names
ALL_NAMES = sorted(
    set(OF.area_names.values())
    | set(LG.area_names.values())
    | set(SA.area_names.values())
    | {x for v in W.OFLOG_SHORT.values() for x in v}
    | {x for v in W.LGBF_SHORT.values() for x in v}
    | set(W.WELSH)
    | set(W.NI)
    | set(W.ENGLISH_DISTRICTS)
    | set(W.AMBIGUOUS_SHORT)
    | set(W.MADE_UP_EN)
    | set(W.MADE_UP_SCOT)
    | set(W.MADE_UP_SAMPLE)
)


def lev(a: str, b: str) -> int:
    a, b = a.lower(), b.lower()
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


KEYS = "qwertyuiopasdfghjklzxcvbnm"


def typo(name: str):
    """A one-letter typo of `name` whose nearest real name is `name` by a clear margin, or None."""
    if len(name) < 8:
        return None
    letters = [i for i, c in enumerate(name) if c.isalpha() and 0 < i < len(name) - 1]
    for _ in range(6):
        i = pick(letters)
        kind = pick(["drop", "double", "swapkey"])
        if kind == "drop":
            t = name[:i] + name[i + 1 :]
        elif kind == "double":
            t = name[:i] + name[i] + name[i:]
        else:
            row = KEYS.find(name[i].lower())
            if row < 0:
                continue
            t = name[:i] + KEYS[(row + 1) % len(KEYS)] + name[i + 1 :]
        if lev(t, name) != 1:
            continue
        others = [lev(t, o) for o in ALL_NAMES if o.lower() != name.lower()]
        if min(others) >= 3:
            return t
    return None


# Names that are themselves short forms of two councils, or everyday words: only unambiguous forms are used.
SAFE_FORMS = {
    "Derby": ["Derby City Council", "derby city"],
    "Leicester": ["Leicester City Council", "leicester city"],
    "Nottingham": ["Nottingham City Council", "nottingham city"],
    "Bedford": ["Bedford Borough Council", "bedford borough"],
    "Reading": ["Reading Borough Council", "Reading BC"],
    "York": ["City of York", "York City Council", "city of york council"],
    "Bury": ["Bury Council", "bury council"],
    "Slough": ["Slough Borough Council", "slough council"],
}


def name_forms(ds: str, code: str) -> list[str]:
    d = DS[ds]
    base = d.area_names[code]
    if base in SAFE_FORMS:
        return list(SAFE_FORMS[base])
    forms = [base, base.lower()]
    if ds == "oflog":
        ent = OF_ENTITY.get(code, "")
        if ent == "Counties":
            forms += [f"{base} County Council", f"{base} CC"]
        elif ent == "London Boroughs":
            forms += [f"the London Borough of {base}", f"{base} Council", f"LB {base}"]
        elif ent == "Metropolitan Districts":
            forms += [f"{base} Council", f"{base} MBC"]
        else:
            forms += [f"{base} Council"]
        forms += W.OFLOG_SHORT.get(base, [])
        if " and " in base:
            forms.append(base.replace(" and ", " & "))
    elif ds == "lgbf":
        forms += [f"{base} Council"] if base not in ("Highland",) else []
        forms += W.LGBF_SHORT.get(base, [])
        if "&" in base:
            forms.append(base.replace("&", "and"))
    else:
        forms += W.SAMPLE_SHORT.get(base, [])
    return forms


def council_text(ds: str, code: str, typo_p=0.0) -> tuple[str, str]:
    """(text used, kind) for naming a council."""
    if chance(typo_p) and DS[ds].area_names[code] not in SAFE_FORMS:
        base = DS[ds].area_names[code]
        t = typo(base)
        if t:
            return t, f"one-letter typo of {base}"
    f = pick(name_forms(ds, code))
    return f, "name form"


def _entities():
    import pandas as pd

    df = pd.read_csv(D.SHARED / "oflog_asc" / "asc_data.csv", dtype=str)
    return dict(zip(df["Local authority code"].str.strip(), df["Entity_Name"].str.strip(), strict=True))


OF_ENTITY = _entities()


# ================================================================== group wording
def group_text(ds: str, group: str) -> str:
    if group == "neighbours":
        if ds == "lgbf":
            return pick(
                [
                    "in our family group",
                    "among our family group councils",
                    "in our benchmarking family",
                    "within our family group",
                    "against our family group",
                ]
            )
        if ds == "oflog":
            return pick(
                [
                    "among our nearest neighbours",
                    "in our CIPFA nearest neighbour group",
                    "among our statistical neighbours",
                    "in our comparator group",
                    "among similar councils",
                    "in our nearest neighbours group",
                ]
            )
        return pick(
            [
                "among our neighbours",
                "in our comparator group",
                "in our nearest neighbour group",
                "among our nearest neighbours",
                "among similar councils",
            ]
        )
    if ds == "oflog":
        return pick(
            [
                "in England",
                "nationally",
                "across England",
                "of all English councils",
                "in the country",
                "across all councils in england",
            ]
        )
    return pick(["in Scotland", "across Scotland", "of the 32 councils", "nationally", "out of all scottish councils"])


def n_text(n: int) -> str:
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight", 10: "ten"}
    return pick([str(n), str(n), words.get(n, str(n))])


def rankable(ds: str) -> list[str]:
    return [c for c in MEASURE_CODES[ds] if DS[ds].polarity.get(c)]


# ================================================================== item container
ITEMS: dict[str, list] = {f: [] for f in TARGETS}
SEEN: set = set()


def add(family, ds, home, turns, expect, note, figures=None, expect_each=None):
    key = tuple(t.lower() for t in turns)
    if key in SEEN or any(a == b for a, b in zip(key, key[1:], strict=False)):
        raise Skip
    SEEN.add(key)
    item = {"id": None, "family": family, "dataset": ds, "home_area": home, "turns": list(turns), "expect": expect}
    if expect_each is not None:
        item["expect_each"] = expect_each
    if figures:
        item["figures"] = figures
    item["note"] = note
    ITEMS[family].append(item)


def home_for(ds, need_ind=None, need_years=1):
    for _ in range(50):
        h = pick(HOMES[ds])
        if need_ind is None or len(DS[ds].held(need_ind, h)) >= need_years:
            return h
    raise Skip


def measure_for(ds, home, min_years=1, pool=None):
    pool = pool or MEASURE_CODES[ds]
    for _ in range(40):
        m = pick(pool)
        if len(DS[ds].held(m, home)) >= min_years:
            return m
    raise Skip


def latest_fig_ok(ds, ind, area):
    """Whether a 'latest' single value has one sensible figure (sample quarters make it two-way)."""
    return not (ds == "sample" and DS[ds].quarters.get((ind, area)))


# ================================================================== families
def fam_value(ds):
    d = DS[ds]
    home = home_for(ds)
    m = measure_for(ds, home)
    mp = mphrase(ds, m)
    if chance(0.5):
        templates = [
            "whats our {m}?",
            "what is our latest {m} figure",
            "{m} - what's the current figure?",
            "latest {m} for us",
            "what was our {m} last year?",
            "can i get our {m} now",
            "where r we at on {m} at the moment - just the number",
            "{M}: what are we on currently?",
            "what's our {m} right now",
            "our {m}?",
            "remind me what our {m} is these days",
        ]
        t = pick(templates).format(m=mp, M=mp[0].upper() + mp[1:])
        exp = reading("value", [m], [home])
        figs = [fig(ds, m, home, d.latest(m, home))] if latest_fig_ok(ds, m, home) else None
        add("value", ds, home, [decorate(t)], exp, f"own value, latest ({m})", figs)
    else:
        p = pick(d.held(m, home))
        pt = fy_text(p)
        templates = [
            "what was our {m} in {p}",
            "{m} {p}?",
            "our {m} for {p} please",
            "what did we get for {m} in {p}",
            "in {p} what was our {m}",
            "{p} {m} figure for us?",
            "whats the {m} for {p}, for us",
        ]
        t = pick(templates).format(m=mp, p=pt)
        exp = reading("value", [m], [home], to=p)
        add("value", ds, home, [decorate(t)], exp, f"own value in {p} ({m}), written '{pt}'", [fig(ds, m, home, p)])


def fam_names(ds):
    d = DS[ds]
    home = home_for(ds)
    other = pick([c for c in NAMED[ds] if c != home])
    kind = R.random()
    if kind < 0.72:
        m = measure_for(ds, other)
        mp = mphrase(ds, m)
        ct, how = council_text(ds, other, typo_p=0.3)
        if chance(0.55):
            templates = [
                "what's {a}'s {m}?",
                "{m} for {a}?",
                "hows {a} doing on {m}? just the latest figure",
                "{a} {m} latest",
                "can u pull {a}s {m}",
                "whats the latest {m} for {a}",
                "{a} - {m}, most recent year?",
                "what is {m} like in {a} now",
                "{m} at {a} pls",
            ]
            tpl = pick(templates)
            if "{a}s " in tpl and (len(ct) < 7 or ct.lower().endswith("s")):
                tpl = "{m} for {a}?"
            t = tpl.format(a=ct, m=mp)
            exp = reading("value", [m], [other])
            figs = [fig(ds, m, other, d.latest(m, other))] if latest_fig_ok(ds, m, other) else None
            note = f"named council value, latest; {how} '{ct}'"
        else:
            p = pick(d.held(m, other))
            pt = fy_text(p)
            templates = [
                "what was {a}'s {m} in {p}?",
                "{a} {m} {p}",
                "{m} for {a} in {p} please",
                "in {p}, what did {a} get for {m}",
                "{a}: {m} ({p})?",
            ]
            t = pick(templates).format(a=ct, m=mp, p=pt)
            exp = reading("value", [m], [other], to=p)
            figs = [fig(ds, m, other, p)]
            note = f"named council value in {p}; {how} '{ct}'"
        add("names", ds, home, [decorate(t)], exp, note, figs)
    elif kind < 0.86:
        # two named councils compared, order as asked
        third = pick([c for c in NAMED[ds] if c not in (home, other)])
        m = pick([c for c in MEASURE_CODES[ds] if d.holds(c, other) and d.holds(c, third)])
        mp = mphrase(ds, m)
        a1, h1 = council_text(ds, other, typo_p=0.25)
        a2, h2 = council_text(ds, third, typo_p=0.1)
        templates = [
            "how does {a} compare with {b} on {m}?",
            "{a} v {b} for {m}",
            "{m}: {a} vs {b}?",
            "compare {a} and {b} on {m} pls",
            "is {a} better or worse than {b} on {m}",
        ]
        t = pick(templates).format(a=a1, b=a2, m=mp)
        exp = reading("compare", [m], [other, third], comparison="area")
        add("names", ds, home, [decorate(t)], exp, f"two named councils, asked order; '{a1}' ({h1}), '{a2}' ({h2})")
    else:
        # the home named by its own name
        m = measure_for(ds, home)
        mp = mphrase(ds, m)
        ct, how = council_text(ds, home, typo_p=0.2)
        p = pick(d.held(m, home))
        pt = fy_text(p)
        templates = ["{a} {m} in {p}?", "what was the {m} for {a} in {p}", "{m} {p} - {a} please"]
        t = pick(templates).format(a=ct, m=mp, p=pt)
        exp = reading("value", [m], [home], to=p)
        add("names", ds, home, [decorate(t)], exp, f"home council named by name; {how} '{ct}'", [fig(ds, m, home, p)])


EXTREME_WORDS = (
    "cost",
    "rate",
    "turnover",
    "arrears",
    "score",
    "sickness",
    "days",
    "visits",
    "missed bin",
    "fly",
    "vacancy",
    "quality of life",
    "coverage",
    "% of",
    "upheld",
    "residual",
    "balance",
)
EXTREME_BAD = ("times", "in time", "on time", "within", "finding", "easy", "sequel", "outcome", "decided")


def drop_extreme(opts, level_ok):
    return opts if level_ok else [o for o in opts if "{x}" not in o]


def rank_list_text(ds, m, group, n, order, period_text=None):
    pol = DS[ds].polarity[m]
    mp = mphrase(ds, m)
    g = group_text(ds, group)
    nt = n_text(n)
    # "highest"/"lowest" only where the phrase names a level whose direction matches the measure's polarity
    level_ok = any(k in mp.lower() for k in EXTREME_WORDS) and not any(k in mp.lower() for k in EXTREME_BAD)
    hi_is_best = pol == "higher"
    extreme = "highest" if (order == "best") == hi_is_best else "lowest"
    pt = f" in {period_text}" if period_text else ""
    if n == 1:
        if order == "best":
            opts = [
                "who's top {g} for {m}{p}?",
                "which council is best {g} on {m}{p}",
                "who comes top for {m} {g}{p}",
                "who has the {x} {m} {g}{p}?",
                "top of the league {g} for {m}{p} - who is it",
                "which council has the {x} {m} {g}{p}",
            ]
        else:
            opts = [
                "who's bottom {g} for {m}{p}?",
                "which council is worst on {m} {g}{p}",
                "who props up the table {g} on {m}{p}",
                "who has the {x} {m} {g}{p}?",
                "which council has the {x} {m} {g}{p}",
            ]
    else:
        if order == "best":
            opts = [
                "top {n} {g} for {m}{p}",
                "which {n} councils have the best {m} {g}{p}?",
                "league table: best {n} on {m} {g}{p}",
                "who are the {n} best performers on {m} {g}{p}",
                "give me the top {n} on {m} {g}{p} pls",
                "the {n} councils with the {x} {m} {g}{p}?",
                "best {n} for {m} {g}{p}",
            ]
        else:
            opts = [
                "bottom {n} {g} for {m}{p}",
                "worst {n} councils on {m} {g}{p}",
                "which {n} councils are doing worst on {m} {g}{p}?",
                "show me the bottom {n} for {m} {g}{p}",
                "the {n} councils with the {x} {m} {g}{p}?",
                "who are the worst {n} {g} on {m}{p}",
            ]
    return pick(drop_extreme(opts, level_ok)).format(g=g, m=mp, n=nt, x=extreme, p=pt)


def position_text(ds, m, group, period_text=None):
    mp = mphrase(ds, m)
    g = group_text(ds, group)
    pt = f" in {period_text}" if period_text else ""
    opts = [
        "where do we rank {g} on {m}{p}?",
        "how do we rank {g} for {m}{p}",
        "what position are we {g} on {m}{p}",
        "are we in the bottom quartile {g} for {m}{p}?",
        "are we top quartile {g} on {m}{p}",
        "how many councils {g} beat us on {m}{p}?",
        "where do we sit {g} on {m}{p}",
        "whats our ranking for {m} {g}{p}",
        "league table position for {m} {g}{p}?",
        "where do we come in the league table {g} for {m}{p}",
        "r we near the top {g} for {m}{p} or not?",
        "{M} - where are we in the rankings {g}{p}?",
    ]
    return pick(opts).format(g=g, m=mp, p=pt, M=mp[0].upper() + mp[1:])


def fam_rank(ds):
    d = DS[ds]
    home = home_for(ds)
    group = "neighbours" if ds == "sample" else pick(["neighbours", "national", "national"])
    m = pick([c for c in rankable(ds) if d.holds(c, home)])
    members = d.members(home, m, group)
    token = "neighbours" if group == "neighbours" else NATIONAL_TOKEN[ds]
    explicit = chance(0.25)
    if explicit:
        # a year where at least half the group holds a value
        ok = [
            p
            for p in sorted({p for a in members for p in d.held(m, a)})
            if 2 * sum(1 for a in members if d.value(m, a, p) is not None) >= len(members)
        ]
        if not ok:
            raise Skip
        period = pick(ok)
        ptxt = fy_text(period, allow_bare=False)
        to = period
    else:
        period = d.rank_period(m, members)
        ptxt = None
        to = None
    if period is None:
        raise Skip
    if chance(0.65):
        sizes = [1, 3, 5, 10] if group == "national" else ([1, 3] if ds == "lgbf" else [1, 3, 5])
        n = pick(sizes)
        order = pick(["best", "worst"])
        holders = len(d.ranked(m, members, period))
        if holders <= n:
            raise Skip
        lst = d.rank_list(m, members, period, n, order)
        if group == "national":
            # England-wide lists naming an excluded council are dropped; ties at the cut-off too
            if lst is None:
                raise Skip
            if any(a in D.OFLOG_EXCLUDED for a, _ in lst):
                raise Skip
        t = rank_list_text(ds, m, group, n, order, ptxt)
        exp = reading("rank", [m], [token], to=to, comparison="ranking", n=n, order=order)
        figs = [fig(ds, m, a, period) for a, _ in lst] if lst else None
        note = f"{order} {n} {token} for {m} ({d.polarity[m]} is better), ranking period {period}"
        if not lst:
            note += "; figures omitted (tie at the cut-off)"
        add("rank", ds, home, [decorate(t)], exp, note, figs)
    else:
        if d.value(m, home, period) is None:
            raise Skip
        t = position_text(ds, m, group, ptxt)
        exp = reading("rank", [m], [home, token], to=to, comparison="ranking")
        add(
            "rank",
            ds,
            home,
            [decorate(t)],
            exp,
            f"position of home {token} for {m}, ranking period {period}",
            [fig(ds, m, home, period)],
        )


def span_end_figs(ds, m, area, frm, to):
    figs = []
    for p in (frm, to):
        if DS[ds].value(m, area, p) is not None:
            figs.append(fig(ds, m, area, p))
    return figs or None


def fam_span(ds):
    d = DS[ds]
    home = home_for(ds)
    m = measure_for(ds, home, min_years=3)
    held = d.held(m, home)
    area = home
    who = "our"
    if chance(0.25) and ds != "sample":
        area = pick([c for c in NAMED[ds] if c != home and len(d.held(m, c)) >= 3])
        held = d.held(m, area)
        ct, _ = council_text(ds, area)
        who = ct + "'s" if chance(0.6) else ct
    mp = mphrase(ds, m)
    if chance(0.55):
        a, b = sorted(R.sample(held, 2))
        at, bt = fy_text(a), fy_text(b)
        opts = [
            "{w} {m} between {a} and {b}",
            "how did {w} {m} change from {a} to {b}?",
            "{w} {m} {a} -> {b}",
            "{M} {a} to {b} for {w2} pls",
            "what happened to {w} {m} between {a} and {b}?",
            "can you show {w} {m} from {a} to {b}",
        ]
        w2 = "us" if who == "our" else who.replace("'s", "")
        t = pick(opts).format(w=who, m=mp, a=at, b=bt, M=mp[0].upper() + mp[1:], w2=w2)
        exp = reading("trend", [m], [area], frm=a, to=b)
        add(
            "span",
            ds,
            home,
            [decorate(t)],
            exp,
            f"explicit span {a}..{b} ('{at}'/'{bt}')",
            span_end_figs(ds, m, area, a, b),
        )
    else:
        start = pick(held[:-1])
        to = d.latest(m, area)
        st = since_text(start)
        opts = [
            "how has {w} {m} changed {s}?",
            "{w} {m} {s}",
            "has {w} {m} improved {s}?",
            "{s} how has {w} {m} moved",
            "whats happened to {w} {m} {s}",
            "{M} {s} - better or worse for {w2}?",
        ]
        w2 = "us" if who == "our" else who.replace("'s", "")
        t = pick(opts).format(w=who, m=mp, s=st, M=mp[0].upper() + mp[1:], w2=w2)
        exp = reading("trend", [m], [area], frm=start, to=to)
        add(
            "span",
            ds,
            home,
            [decorate(t)],
            exp,
            f"'{st}' -> {start} to latest held {to}",
            span_end_figs(ds, m, area, start, to),
        )


def fam_trend(ds):
    d = DS[ds]
    home = home_for(ds)
    m = measure_for(ds, home, min_years=3)
    mp = mphrase(ds, m)
    area = home
    if chance(0.2) and ds != "sample":
        area = pick([c for c in NAMED[ds] if c != home and len(d.held(m, c)) >= 3])
        ct, _ = council_text(ds, area)
        subj = f"{ct}'s {mp}"
    else:
        subj = f"our {mp}"
    if chance(0.55):
        opts = [
            "is {s} getting better?",
            "whats the direction of travel on {s}",
            "has {s} improved over time?",
            "how has {s} changed over the years",
            "is {s} going the right way",
            "trend on {s} pls",
            "{s} - improving or getting worse?",
            "is {s} on the up or not",
        ]
        t = pick(opts).format(s=subj)
        exp = reading("trend", [m], [area])
        add("trend", ds, home, [decorate(t)], exp, "trend wording, no span: periods null")
    else:
        n = pick([2, 3, 4, 5])
        latest = d.latest(m, area)
        frm = D.fy(D.fy_start(latest) - n)
        nt = n_text(n)
        opts = [
            "{s} over the last {n} years",
            "{n}-year trend for {s}",
            "how has {s} moved in the past {n} years?",
            "{s}: last {n} years please",
            "show me the {n} year trend on {s}",
        ]
        t = pick(opts).format(s=subj, n=nt)
        exp = reading("trend", [m], [area], frm=frm, to=latest)
        add(
            "trend",
            ds,
            home,
            [decorate(t)],
            exp,
            f"last {n} years -> {frm} to latest held {latest}",
            span_end_figs(ds, m, area, frm, latest),
        )


def fam_compare(ds):
    d = DS[ds]
    home = home_for(ds)
    m = measure_for(ds, home)
    mp = mphrase(ds, m)
    kinds = ["area", "area", "neighbours"] + (["national"] if ds != "sample" else [])
    kind = pick(kinds)
    period = None
    ptxt = ""
    if chance(0.3):
        period = pick(d.held(m, home))
        ptxt = " in " + fy_text(period, allow_bare=False)
    if kind == "area":
        k = 1 if chance(0.65) else 2
        pool = [c for c in NAMED[ds] if c != home and d.holds(m, c)]
        others = R.sample(pool, k)
        names = [council_text(ds, c, typo_p=0.1)[0] for c in others]
        nm = names[0] if k == 1 else f"{names[0]} and {names[1]}"
        opts = [
            "how do we compare with {a} on {m}{p}?",
            "{M}{p}: us vs {a}",
            "compare us with {a} for {m}{p}",
            "are we better than {a} on {m}{p}?",
            "how does our {m} stack up against {a}{p}",
            "us v {a} on {m}{p} pls",
        ]
        t = pick(opts).format(a=nm, m=mp, p=ptxt, M=mp[0].upper() + mp[1:])
        exp = reading("compare", [m], [home] + others, to=period, comparison="area")
        note = "home vs named council(s), in the order asked"
    elif kind == "neighbours":
        g = pick(
            ["similar councils", "our nearest neighbours", "our comparator group", "our statistical neighbours"]
            if ds != "lgbf"
            else ["our family group", "similar councils", "the rest of our family group", "our comparator councils"]
        )
        opts = [
            "how do we compare with {g} on {m}{p}?",
            "{M}{p} - us against {g}?",
            "benchmark our {m} against {g}{p}",
            "are we better or worse than {g} on {m}{p}",
            "how does our {m} compare to {g}{p}",
        ]
        t = pick(opts).format(g=g, m=mp, p=ptxt, M=mp[0].upper() + mp[1:])
        exp = reading("compare", [m], [home, "neighbours"], to=period, comparison="neighbours")
        note = f"home vs neighbours ('{g}')"
    else:
        tok = NATIONAL_TOKEN[ds]
        g = pick(
            ["the England average", "the national figure", "England as a whole", "the english average"]
            if ds == "oflog"
            else ["the Scottish average", "the national figure", "Scotland as a whole", "the scotland average"]
        )
        opts = [
            "how do we compare to {g} for {m}{p}?",
            "is our {m} above or below {g}{p}",
            "us vs {g} on {m}{p}",
            "{M}{p}: how do we stack up against {g}?",
        ]
        t = pick(opts).format(g=g, m=mp, p=ptxt, M=mp[0].upper() + mp[1:])
        exp = reading("compare", [m], [home, tok], to=period, comparison="national")
        note = f"home vs {tok} ('{g}')"
    figs = None
    if period and kind == "area":
        figs = [fig(ds, m, a, period) for a in exp["areas"]]
    add("compare", ds, home, [decorate(t)], exp, note, figs)


USED: dict = {}


def least_used(ds, keys):
    """Pick among the keys used least so far (spreads the overview services)."""
    low = min(USED.get((ds, k), 0) for k in keys)
    k = pick([k for k in keys if USED.get((ds, k), 0) == low])
    USED[(ds, k)] = USED.get((ds, k), 0) + 1
    return k


def fam_overview(ds):
    d = DS[ds]
    home = home_for(ds)
    area = home
    named = None
    if chance(0.3) and ds != "sample":
        area = pick([c for c in NAMED[ds] if c != home])
        named, _ = council_text(ds, area)
    if ds == "oflog":
        inds = [c for c in d.indicators if d.holds(c, area)]
        svc = pick(W.OFLOG_SERVICES)
    elif ds == "lgbf":
        cat = least_used("lgbf", list(W.LGBF_SERVICES))
        inds = [c for c in d.indicators if d.category.get(c) == cat and d.holds(c, area)]
        svc = pick(W.LGBF_SERVICES[cat])
    else:
        key = least_used("sample", list(W.SAMPLE_SERVICES))
        codes, words = W.SAMPLE_SERVICES[key]
        inds = [c for c in codes if d.holds(c, area)]
        svc = pick(words)
    if not inds:
        raise Skip
    if named:
        opts = [
            "how is {a} doing on {s}?",
            "give me an overview of {a}'s {s}",
            "hows {a} getting on with {s}",
            "{a} - {s} overview please",
            "summary of {s} performance for {a}",
        ]
        t = pick(opts).format(a=named, s=svc)
    else:
        opts = [
            "how are we doing on {s}?",
            "give me an overview of our {s}",
            "quick rundown of our {s} performance",
            "summary of {s} indicators pls",
            "{s} performance overall - how r we looking?",
            "hows {s} going for us generally",
            "can i have a general picture of {s}",
        ]
        t = pick(opts).format(s=svc)
    exp = reading("overview", inds, [area])
    add("overview", ds, home, [decorate(t)], exp, f"service overview '{svc}': {len(inds)} indicators held")


def fam_target(ds):
    d = SA
    home = D.SAMPLE_HOME
    m = pick([c for c in W.SAMPLE_MEASURES if any(k[0] == c for k in d.targets)])
    mp = mphrase(ds, m)
    if chance(0.5):
        opts = [
            "are we hitting target on {m}?",
            "are we on track against target for {m}",
            "{m} - on target?",
            "how far off target are we on {m}",
            "did we hit our {m} target last year",
            "r we meeting the {m} target",
            "is {m} green against target at the moment",
        ]
        t = pick(opts).format(m=mp)
        exp = reading("target", [m], [home])
        figs = [fig(ds, m, home, d.latest(m, home))] if latest_fig_ok(ds, m, home) else None
        add("target", ds, home, [decorate(t)], exp, "target, latest", figs)
    else:
        if chance(0.25) and d.quarters.get((m, home)):
            q = pick(sorted(d.quarters[(m, home)]))
            qt = quarter_text(q)
            opts = ["did we meet the {m} target in {p}?", "{m} vs target for {p}", "were we on target for {m} in {p}"]
            t = pick(opts).format(m=mp, p=qt)
            exp = reading("target", [m], [home], to=q)
            v = d.quarters[(m, home)][q]
            figs = [{"indicator_id": m, "area_code": home, "period": q, "value": v}]
            add("target", ds, home, [decorate(t)], exp, f"target in quarter {q} ('{qt}')", figs)
            return
        p = pick(d.held(m, home))
        pt = fy_text(p)
        opts = [
            "did we meet the target for {m} in {p}?",
            "{m} vs target {p}",
            "were we on target for {m} in {p}",
            "did {m} hit target in {p}",
            "{p}: did we make the {m} target?",
        ]
        t = pick(opts).format(m=mp, p=pt)
        exp = reading("target", [m], [home], to=p)
        add("target", ds, home, [decorate(t)], exp, f"target in {p} ('{pt}')", [fig(ds, m, home, p)])


def fam_pnh(ds):
    d = DS[ds]
    home = home_for(ds)
    pool = SAMPLE_NO_Q if ds == "sample" else MEASURE_CODES[ds]
    m = measure_for(ds, home, min_years=2, pool=pool)
    held = d.held(m, home)
    starts = [D.fy_start(p) for p in held]
    kind = pick(["before", "after", "gap", "quarter"])
    if kind == "before":
        s = starts[0] - pick([1, 2, 3])
    elif kind == "after":
        s = starts[-1] + pick([1, 2])
    elif kind == "gap":
        gaps = [x for x in range(starts[0], starts[-1]) if x not in starts]
        if not gaps:
            raise Skip
        s = pick(gaps)
    else:
        s = pick(starts + [starts[-1] + 1])
    close = d.closest_held(m, home, s)
    if close is None:
        raise Skip
    mp = mphrase(ds, m)
    if kind == "quarter":
        q = f"{D.fy(s)} Q{pick([1, 2, 3, 4])}"
        ptxt = quarter_text(q)
        asked = q
    else:
        asked = D.fy(s)
        ptxt = fy_text(asked)
    opts = [
        "what was our {m} in {p}?",
        "{m} for {p}?",
        "our {m} {p} please",
        "can i have our {m} for {p}",
        "{p} {m} - what was it for us?",
    ]
    t = pick(opts).format(m=mp, p=ptxt)
    exp = reading("value", [m], [home], to=asked)
    add(
        "period_not_held",
        ds,
        home,
        [decorate(t)],
        exp,
        f"{kind}: {asked} not held ('{ptxt}'); closest held year {close}",
        [fig(ds, m, home, close)],
    )


def fam_unknown(ds):
    home = home_for(ds)
    kinds = ["welsh_ni", "made_up", "measure", "chitchat", "cross"]
    if ds == "oflog":
        kinds.append("district")
    kind = pick(kinds)
    if kind == "welsh_ni":
        c = pick(W.WELSH + W.NI)
        m = mphrase(ds, measure_for(ds, home))
        opts = [
            "what's {c}'s {m}?",
            "how do we compare with {c} on {m}",
            "{m} for {c} please",
            "where does {c} rank on {m}",
        ]
        t = pick(opts).format(c=c, m=m)
        note = f"council not held: {c} (Wales/NI)"
    elif kind == "made_up":
        c = pick({"oflog": W.MADE_UP_EN, "lgbf": W.MADE_UP_SCOT, "sample": W.MADE_UP_SAMPLE}[ds])
        m = mphrase(ds, measure_for(ds, home))
        opts = ["what's the {m} for {c}?", "compare us with {c} on {m}", "{c} {m} latest?", "how is {c} doing on {m}"]
        t = pick(opts).format(c=c, m=m)
        note = f"made-up council: {c}"
    elif kind == "district":
        c = pick(W.ENGLISH_DISTRICTS)
        m = mphrase(ds, measure_for(ds, home))
        opts = ["what's {c}'s {m}?", "{m} for {c}", "how do we compare with {c} on {m}?"]
        t = pick(opts).format(c=c, m=m)
        note = f"English district asked an Oflog measure: {c}"
    elif kind == "measure":
        mm = pick(W.NOT_HELD_MEASURES)
        opts = [
            "whats our {m}?",
            "how do we compare on {m}",
            "{m} - where do we rank nationally?",
            "has {m} improved since 2019?",
            "can you give me our {m} figures",
        ]
        t = pick(opts).format(m=mm)
        note = f"measure no dataset holds: {mm}"
    elif kind == "chitchat":
        t = pick(W.CHITCHAT)
        exp = reading("unknown", [], [])
        add("unknown", ds, home, [t], exp, "chit-chat")
        return
    else:
        if ds == "oflog":
            code = pick(["C&L02", "HSN03", "ECON05", "ECON08", "ENV03c", "CORP06a", "CHN11"])
            m = pick(W.LGBF_MEASURES[code])
            note = f"English home asking an LGBF-only measure ({code})"
        elif ds == "lgbf":
            code = pick(["ASC7", "ASC5", "ASC3", "ASC6", "ASC4"])
            m = pick(W.OFLOG_MEASURES[code][:-1])
            note = f"Scottish home asking an Oflog-only measure ({code})"
        else:
            code = pick(["ASC1", "ASC2", "ASC3", "ASC5", "ASC6"])
            m = pick(W.OFLOG_MEASURES[code][:-1])
            note = f"sample home asking an Oflog measure ({code})"
        opts = [
            "whats our {m}?",
            "how are we doing on {m} compared with our neighbours",
            "{m} latest for us",
            "where do we rank on {m}?",
        ]
        t = pick(opts).format(m=m)
    exp = reading("unknown", [], [])
    add("unknown", ds, home, [decorate(t, lower_p=0.3)], exp, note)


# ================================================================== follow-ups
def fu_value_chain(ds):
    """value -> change year / council / measure / back to ours, 2-5 turns."""
    d = DS[ds]
    home = home_for(ds)
    m = measure_for(ds, home, min_years=3)
    cur = {"m": m, "area": home, "to": None}
    turns, each = [], []
    mp = mphrase(ds, m)
    turns.append(decorate(pick(["whats our {m}?", "latest {m} for us pls", "what's our current {m}"]).format(m=mp)))
    each.append(reading("value", [m], [home]))
    steps = R.randint(1, 4)
    notes = ["value latest"]
    for _ in range(steps):
        op = pick(["year", "year", "council", "measure", "ours"] if ds != "sample" else ["year", "year", "measure"])
        if op == "year":
            held = [p for p in d.held(cur["m"], cur["area"]) if p != cur["to"]]
            if not held:
                raise Skip
            p = pick(held)
            turns.append(
                pick(["and in {p}?", "what about {p}", "and {p}", "same for {p} pls", "how about back in {p}?"]).format(
                    p=fy_text(p)
                )
            )
            cur["to"] = p
            notes.append(f"year -> {p}")
        elif op == "council":
            pool = [c for c in NAMED[ds] if c != cur["area"] and c != home and d.holds(cur["m"], c)]
            if cur["to"]:
                pool = [c for c in pool if d.value(cur["m"], c, cur["to"]) is not None]
            c = pick(pool)
            ct, _ = council_text(ds, c)
            turns.append(pick(["what about {a}?", "and {a}", "how about {a}", "same for {a}?"]).format(a=ct))
            cur["area"] = c
            notes.append("council change")
        elif op == "measure":
            pool = [x for x in MEASURE_CODES[ds] if x != cur["m"] and d.holds(x, cur["area"])]
            if cur["to"]:
                pool = [x for x in pool if d.value(x, cur["area"], cur["to"]) is not None]
            if not pool:
                raise Skip
            x = pick(pool)
            turns.append(pick(["and {m}?", "what about {m}", "and for {m}", "ok and {m}?"]).format(m=mphrase(ds, x)))
            cur["m"] = x
            notes.append("measure change")
        else:
            if cur["area"] == home:
                continue
            held = d.held(cur["m"], home)
            p = pick(held)
            turns.append(
                pick(["what was ours in {p}?", "and what was ours in {p}", "what was our figure in {p}"]).format(
                    p=fy_text(p)
                )
            )
            cur["area"] = home
            cur["to"] = p
            notes.append("back to ours in a year")
        each.append(reading("value", [cur["m"]], [cur["area"]], to=cur["to"]))
    if len(turns) < 2:
        raise Skip
    last = each[-1]
    if last["periods"]["to"]:
        figs = [fig(ds, cur["m"], cur["area"], cur["to"])]
    elif latest_fig_ok(ds, cur["m"], cur["area"]):
        figs = [fig(ds, cur["m"], cur["area"], d.latest(cur["m"], cur["area"]))]
    else:
        figs = None
    add("followup", ds, home, turns, last, "; ".join(notes), figs, each)


def fu_rank_chain(ds):
    """rank list -> measure / order / size / group / year / position."""
    d = DS[ds]
    home = home_for(ds)
    group = "neighbours" if ds == "sample" else pick(["neighbours", "national"])
    m = pick([c for c in rankable(ds) if d.holds(c, home)])
    sizes = [3, 5, 10] if group == "national" else ([3] if ds == "lgbf" else [3, 5])
    n = pick(sizes)
    order = pick(["best", "worst"])
    st = {"m": m, "group": group, "n": n, "order": order, "to": None, "pos": False}
    turns = [decorate(rank_list_text(ds, m, group, n, order))]
    notes = [f"{order} {n} {group}"]

    def rd():
        token = "neighbours" if st["group"] == "neighbours" else NATIONAL_TOKEN[ds]
        if st["pos"]:
            return reading("rank", [st["m"]], [home, token], to=st["to"], comparison="ranking")
        return reading("rank", [st["m"]], [token], to=st["to"], comparison="ranking", n=st["n"], order=st["order"])

    each = [rd()]
    steps = R.randint(1, 3)
    for _ in range(steps):
        ops = ["measure", "order", "position", "year"]
        if ds != "sample":
            ops.append("group")
        if not st["pos"]:
            ops.append("size")
        op = pick(ops)
        if op == "measure":
            pool = [c for c in rankable(ds) if c != st["m"] and d.holds(c, home)]
            x = pick(pool)
            turns.append(
                pick(["and for {m}?", "same again for {m}", "what about {m}", "now do {m}"]).format(m=mphrase(ds, x))
            )
            st["m"] = x
            notes.append("measure change")
        elif op == "order":
            if st["pos"]:
                continue
            st["order"] = "worst" if st["order"] == "best" else "best"
            turns.append(
                pick(
                    ["and the bottom {n}?", "what about the worst {n}", "and the other end of the table?"]
                    if st["order"] == "worst"
                    else ["and the top {n}?", "what about the best {n}", "and the other end of the table?"]
                ).format(n=n_text(st["n"]))
            )
            notes.append(f"order -> {st['order']}")
        elif op == "size":
            choices = [x for x in ([3, 5, 10] if st["group"] == "national" else [3, 5]) if x != st["n"]]
            if ds == "lgbf" and st["group"] == "neighbours":
                choices = [x for x in [2, 4] if x != st["n"]]
            x = pick(choices)
            turns.append(
                pick(["make that {n}", "can you do {n} instead?", "show {n} please", "give me {n} not that"]).format(
                    n=n_text(x)
                )
            )
            st["n"] = x
            notes.append(f"size -> {x}")
        elif op == "position":
            if st["pos"]:
                continue
            turns.append(
                pick(
                    [
                        "and where do we come?",
                        "where are we in that?",
                        "and us - what position?",
                        "where do we sit in that table",
                    ]
                )
            )
            st["pos"] = True
            notes.append("-> position")
        elif op == "group":
            st["group"] = "neighbours" if st["group"] == "national" else "national"
            maxn = 3 if ds == "lgbf" else 5
            if st["group"] == "neighbours" and not st["pos"] and st["n"] > maxn:
                st["n"] = maxn
                grp = "family group" if ds == "lgbf" else "neighbour group"
                turns.append(
                    pick(
                        ["and the top {n} in our {g}?", "same but just our {g}, top {n}"]
                        if st["order"] == "best"
                        else ["and the bottom {n} in our {g}?", "same but just our {g}, worst {n}"]
                    ).format(n=n_text(maxn), g=grp)
                )
            else:
                turns.append(pick(["and {g}?", "what about {g}", "same {g}"]).format(g=group_text(ds, st["group"])))
            notes.append(f"group -> {st['group']}")
        else:
            token_members = d.members(home, st["m"], st["group"])
            ok = [
                p
                for p in sorted({p for a in token_members for p in d.held(st["m"], a)})
                if 2 * sum(1 for a in token_members if d.value(st["m"], a, p) is not None) >= len(token_members)
                and p != st["to"]
            ]
            if not ok:
                raise Skip
            p = pick(ok)
            turns.append(
                pick(["and back in {p}?", "how did that look in {p}", "same for {p}"]).format(
                    p=fy_text(p, allow_bare=False)
                )
            )
            st["to"] = p
            notes.append(f"year -> {p}")
        each.append(rd())
        # validate the reading is computable and, for lists, not tied at the cut-off
        members = d.members(home, st["m"], st["group"])
        period = st["to"] or d.rank_period(st["m"], members)
        if period is None:
            raise Skip
        if st["pos"]:
            if d.value(st["m"], home, period) is None:
                raise Skip
        else:
            if st["n"] >= len(d.ranked(st["m"], members, period)):
                raise Skip
            if st["group"] == "national":
                lst = d.rank_list(st["m"], members, period, st["n"], st["order"])
                if lst is None or any(a in D.OFLOG_EXCLUDED for a, _ in lst):
                    raise Skip
    if len(turns) < 2:
        raise Skip
    add("followup", ds, home, turns, each[-1], "rank thread: " + "; ".join(notes), None, each)


def fu_since_chain(ds):
    """trend since YEAR -> other council / measure / other since-year; keeps the since year."""
    d = DS[ds]
    home = home_for(ds)
    m = measure_for(ds, home, min_years=4)
    start = pick(d.held(m, home)[:-2])
    st = {"m": m, "area": home, "from": start}
    mp = mphrase(ds, m)
    turns = [
        decorate(
            pick(["how has our {m} changed {s}?", "{m} {s} for us", "has our {m} improved {s}?"]).format(
                m=mp, s=since_text(start)
            )
        )
    ]
    each = [reading("trend", [m], [home], frm=start, to=d.latest(m, home))]
    notes = [f"since {start}"]
    for _ in range(R.randint(1, 3)):
        op = pick(["council", "measure", "since"] if ds != "sample" else ["measure", "since"])
        if op == "council":
            pool = [
                c
                for c in NAMED[ds]
                if c not in (home, st["area"])
                and d.latest(st["m"], c)
                and D.fy_start(d.latest(st["m"], c)) > D.fy_start(st["from"])
            ]
            c = pick(pool)
            turns.append(
                pick(["and {a}?", "what about {a} over the same period", "same for {a}"]).format(
                    a=council_text(ds, c)[0]
                )
            )
            st["area"] = c
            notes.append("council change")
        elif op == "measure":
            pool = [
                x
                for x in MEASURE_CODES[ds]
                if x != st["m"]
                and d.latest(x, st["area"])
                and D.fy_start(d.latest(x, st["area"])) > D.fy_start(st["from"])
            ]
            x = pick(pool)
            turns.append(pick(["and {m}?", "what about {m} since then", "and for {m}"]).format(m=mphrase(ds, x)))
            st["m"] = x
            notes.append("measure change")
        else:
            held = d.held(st["m"], st["area"])[:-1]
            held = [p for p in held if p != st["from"]]
            if not held:
                raise Skip
            p = pick(held)
            turns.append(pick(["and {s}?", "what about {s}", "ok and {s}"]).format(s=since_text(p)))
            st["from"] = p
            notes.append(f"since -> {p}")
        each.append(reading("trend", [st["m"]], [st["area"]], frm=st["from"], to=d.latest(st["m"], st["area"])))
    last = each[-1]
    figs = span_end_figs(ds, st["m"], st["area"], last["periods"]["from"], last["periods"]["to"])
    add("followup", ds, home, turns, last, "since thread: " + "; ".join(notes), figs, each)


def fu_compare_chain(ds):
    """compare (area/neighbours/national) -> year / measure / 'what was ours in YEAR'."""
    d = DS[ds]
    home = home_for(ds)
    m = measure_for(ds, home, min_years=3)
    kinds = ["area", "neighbours"] + (["national"] if ds != "sample" else [])
    kind = pick(kinds)
    mp = mphrase(ds, m)
    if kind == "area":
        c = pick([x for x in NAMED[ds] if x != home and d.holds(m, x)])
        areas = [home, c]
        t = pick(["how do we compare with {a} on {m}?", "us vs {a} for {m}"]).format(a=council_text(ds, c)[0], m=mp)
    elif kind == "neighbours":
        areas = [home, "neighbours"]
        t = pick(["how do we compare with similar councils on {m}?", "{m}: us against our neighbours?"]).format(m=mp)
    else:
        areas = [home, NATIONAL_TOKEN[ds]]
        g = "the England average" if ds == "oflog" else "the Scottish average"
        t = pick(["how does our {m} compare to {g}?", "{m} vs {g}?"]).format(m=mp, g=g)
    st = {"m": m, "to": None}
    turns = [decorate(t)]
    each = [reading("compare", [m], areas, comparison=kind)]
    notes = [f"compare {kind}"]
    final_value = None
    for _ in range(R.randint(1, 3)):
        op = pick(["year", "measure", "ours"])
        if op == "year":
            held = [p for p in d.held(st["m"], home) if p != st["to"]]
            p = pick(held)
            turns.append(pick(["and in {p}?", "what about {p}", "how did that look in {p}"]).format(p=fy_text(p)))
            st["to"] = p
            notes.append(f"year -> {p}")
            each.append(reading("compare", [st["m"]], areas, to=st["to"], comparison=kind))
        elif op == "measure":
            pool = [x for x in MEASURE_CODES[ds] if x != st["m"] and d.holds(x, home)]
            if kind == "area":
                pool = [x for x in pool if d.holds(x, areas[1])]
            x = pick(pool)
            turns.append(pick(["and {m}?", "same comparison for {m}", "what about on {m}"]).format(m=mphrase(ds, x)))
            st["m"] = x
            notes.append("measure change")
            each.append(reading("compare", [st["m"]], areas, to=st["to"], comparison=kind))
        else:
            p = pick(d.held(st["m"], home))
            turns.append(pick(["what was ours in {p}?", "and just ours for {p}"]).format(p=fy_text(p)))
            each.append(reading("value", [st["m"]], [home], to=p))
            notes.append(f"what was ours in {p}")
            final_value = p
            break
    figs = [fig(ds, st["m"], home, final_value)] if final_value else None
    add("followup", ds, home, turns, each[-1], "compare thread: " + "; ".join(notes), figs, each)


def fam_followup(ds):
    pick(
        [fu_value_chain, fu_value_chain, fu_rank_chain, fu_rank_chain, fu_rank_chain, fu_since_chain, fu_compare_chain]
    )(ds)


FAMILIES = {
    "names": fam_names,
    "rank": fam_rank,
    "followup": fam_followup,
    "value": fam_value,
    "span": fam_span,
    "trend": fam_trend,
    "compare": fam_compare,
    "overview": fam_overview,
    "target": fam_target,
    "period_not_held": fam_pnh,
    "unknown": fam_unknown,
}


def weighted_ds(family):
    w = DS_WEIGHTS[family]
    names = sorted(w)
    total = sum(w.values())
    x = R.random() * total
    for n in names:
        x -= w[n]
        if x < 0:
            return n
    return names[-1]


def build():
    for family, target in TARGETS.items():
        fn = FAMILIES[family]
        tries = 0
        while len(ITEMS[family]) < target:
            tries += 1
            if tries > 20000:
                raise RuntimeError(f"cannot fill {family}")
            ds = weighted_ds(family)
            try:
                fn(ds)
            except (Skip, IndexError, ValueError):
                continue


def split():
    dev, hold = [], []
    flip = 0
    for family in TARGETS:
        counters = 0
        by_ds: dict[str, list] = {}
        for it in ITEMS[family]:
            by_ds.setdefault(it["dataset"], []).append(it)
        for ds in sorted(by_ds):
            group = by_ds[ds]
            R.shuffle(group)
            for i, it in enumerate(group):
                counters += 1
                it["id"] = f"b14-{family}-{counters:03d}"
                (dev if (i + flip) % 2 == 0 else hold).append(it)
            if len(group) % 2:
                flip ^= 1
    return dev, hold


class NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def dump(path, name, items):
    doc = {"set": name, "seed": SEED, "count": len(items), "items": items}
    text = yaml.dump(
        doc, Dumper=NoAliasDumper, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=None
    )
    path.write_text(text, encoding="utf-8")


def counts(items):
    out: dict = {}
    for it in items:
        out.setdefault(it["family"], {}).setdefault(it["dataset"], 0)
        out[it["family"]][it["dataset"]] += 1
    return out


def check_made_up():
    """Made-up councils must be at least 3 edits from every held council name and short form."""
    real = set(OF.area_names.values()) | set(LG.area_names.values()) | set(SA.area_names.values())
    real |= {x for v in (W.OFLOG_SHORT, W.LGBF_SHORT, W.SAMPLE_SHORT) for xs in v.values() for x in xs}
    for name in W.MADE_UP_EN + W.MADE_UP_SCOT + W.MADE_UP_SAMPLE:
        near = min(lev(name, r) for r in real)
        if near < 3:
            raise RuntimeError(f"made-up council {name!r} is too close to a real one")


def counts_table(dev, hold) -> str:
    cd, ch = counts(dev), counts(hold)
    lines = ["| family | dataset | dev | holdout | total |", "|---|---|---:|---:|---:|"]
    for fam in TARGETS:
        for ds in sorted(set(cd.get(fam, {})) | set(ch.get(fam, {}))):
            a, b = cd.get(fam, {}).get(ds, 0), ch.get(fam, {}).get(ds, 0)
            lines.append(f"| {fam} | {ds} | {a} | {b} | {a + b} |")
    lines.append(f"| **all** | | **{len(dev)}** | **{len(hold)}** | **{len(dev) + len(hold)}** |")
    return "\n".join(lines)


def write_counts(dev, hold):
    readme = HERE / "README.md"
    if not readme.exists():
        return
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- counts -->", "<!-- /counts -->"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        _, tail = rest.split(end, 1)
        readme.write_text(head + start + "\n" + counts_table(dev, hold) + "\n" + end + tail, encoding="utf-8")


def main():
    check_made_up()
    build()
    dev, hold = split()
    dump(HERE / "dev.yaml", "understanding_blind14_dev", dev)
    dump(HERE / "holdout.yaml", "understanding_blind14_holdout", hold)
    write_counts(dev, hold)
    for label, items in (("dev", dev), ("holdout", hold)):
        print(label, len(items))
        for fam, per in counts(items).items():
            print(f"  {fam:16s} " + " ".join(f"{k}={v}" for k, v in sorted(per.items())))


if __name__ == "__main__":
    main()
