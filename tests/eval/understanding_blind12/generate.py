"""Build the blind question-understanding set 12 (dev + holdout) from the raw data files.

Run from /work/main:  .venv/bin/python tests/eval/understanding_blind12/generate.py
Every reading, ranking size, ranking period and figure is computed here from the files with pandas; one
random.Random(SEED) drives every choice, so reruns are byte-identical.
"""

from __future__ import annotations

import copy
import random
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import vocab as V  # noqa: E402
from data import SAMPLE_HOME, fy, load_lgbf, load_oflog, load_sample, start_year  # noqa: E402

SEED = 12121212
R = random.Random(SEED)

QUOTA = {  # family -> {dataset: count}
    "names": {"oflog": 30, "lgbf": 30, "sample": 10},
    "rank": {"oflog": 26, "lgbf": 28, "sample": 16},
    "followup": {"oflog": 25, "lgbf": 25, "sample": 20},
    "value": {"oflog": 10, "lgbf": 10, "sample": 10},
    "span": {"oflog": 10, "lgbf": 10, "sample": 10},
    "trend": {"oflog": 10, "lgbf": 10, "sample": 10},
    "compare": {"oflog": 14, "lgbf": 14, "sample": 12},
    "overview": {"oflog": 8, "lgbf": 9, "sample": 8},
    "target": {"sample": 20},
    "period_not_held": {"oflog": 9, "lgbf": 9, "sample": 7},
    "unknown": {"oflog": 10, "lgbf": 10, "sample": 10},
}


# ---- small helpers -------------------------------------------------------------------------------------------
def pick(seq):
    return seq[R.randrange(len(seq))]


def chance(p: float) -> bool:
    return R.random() < p


def reading(intent, inds=(), areas=(), pfrom=None, pto=None, comparison=None, n=None, order=None):
    return {
        "intent": intent,
        "indicators": list(inds),
        "areas": list(areas),
        "periods": {"from": pfrom, "to": pto},
        "comparison": comparison,
        "n": n,
        "order": order,
    }


UNKNOWN = reading("unknown")


def fig(ind, area, period, value):
    return {"indicator_id": ind, "area_code": area, "period": period, "value": value}


def year_text(p: str) -> str:
    s = start_year(p)
    e = s + 1
    forms = [
        f"{s}/{e % 100:02d}",
        f"{s}-{e % 100:02d}",
        f"{s}-{e}",
        f"FY{s % 100:02d}/{e % 100:02d}",
        f"{s}",
        f"{s}/{e}",
        f"fy {s}/{e % 100:02d}",
        f"{s}/{e % 100:02d}",
    ]
    return pick(forms)


def quarter_text(year: str, q: int) -> str:
    s = start_year(year)
    e = (s + 1) % 100
    return pick(
        [
            f"Q{q} {s}-{e:02d}",
            f"{s}/{e:02d} q{q}",
            f"q{q} {s}/{e:02d}",
            f"quarter {q} of {s}-{e:02d}",
            f"Q{q} {s}/{e:02d}",
        ]
    )


def since_text(s: int) -> str:
    return pick([f"since {s}", f"since april {s}", f"since {s}/{(s + 1) % 100:02d}", f"since {s}-{(s + 1) % 100:02d}"])


PREFIX = [
    "quick one - ",
    "for thursday's committee: ",
    "on the train, ",
    "hi, ",
    "sorry another one - ",
    "chair wants to know ",
    "pre-meet q: ",
    "for the briefing - ",
    "morning! ",
    "hiya ",
]
SUFFIX = [" pls", " thanks", " ta", " cheers", " thx", " please", " asap pls", " ty"]


def dress(text: str) -> str:
    if chance(0.22):
        text = pick(PREFIX) + text
    if chance(0.22):
        text = text.rstrip("?") + pick(SUFFIX)
    if chance(0.1):
        text = text[0].upper() + text[1:]
    return text


def poss(c: str) -> str:
    if c.endswith("s"):
        return c + "'"
    return c + pick(["'s", "s", "'s"])


# ---- data ----------------------------------------------------------------------------------------------------
DS = {"oflog": load_oflog(), "lgbf": load_lgbf(), "sample": load_sample()}


def measures(ds) -> list[str]:
    return sorted(V.MEASURES[ds.key])


def mtext(ds, ind) -> str:
    return pick(V.MEASURES[ds.key][ind])


def lgbf_key(code: str) -> str:
    return code[2:]


def name_forms(ds, code) -> list[str]:
    if ds.key == "oflog":
        if code in V.OFLOG_NAME_FORMS:
            return V.OFLOG_NAME_FORMS[code]
        name = ds.names[code].lower()
        forms = [name, name + " council"]
        ent = ds.entity[code]
        if ent == "Counties":
            forms += [name + " county council", name + " cc"]
        elif ent == "London Boroughs":
            forms += ["lb " + name, "london borough of " + name]
        if " and " in name:
            forms += [f.replace(" and ", " & ") for f in forms]
        return forms
    if ds.key == "lgbf":
        key = lgbf_key(code)
        if key in V.LGBF_NAME_FORMS:
            return V.LGBF_NAME_FORMS[key]
        name = ds.names[code].lower()
        return [name, name + " council"]
    return V.SAMPLE_NAME_FORMS[code]


def cname(ds, code) -> str:
    return pick(name_forms(ds, code))


def lev(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def all_name_strings() -> list[tuple[str, str]]:
    out = []
    for ds in DS.values():
        for code in sorted(ds.names):
            for f in set(name_forms(ds, code)) | {ds.names[code].lower()}:
                out.append((code, f))
    for f in V.EXTRA_REAL_NAMES + V.MADE_UP:
        out.append(("x", f))
    return sorted(out)


ALL_NAMES = all_name_strings()


def typo(ds, code) -> str | None:
    """A one-letter typo of a plain name, only when no other name is within edit distance 2."""
    base = [f for f in name_forms(ds, code) if len(f) >= 7 and f.replace(" ", "").isalpha()]
    if not base:
        return None
    f = pick(sorted(base))
    i = R.randrange(2, len(f) - 1)
    if not (f[i].isalpha() and f[i - 1].isalpha()):
        return None
    kind = pick(["drop", "swap", "double", "sub"])
    if kind == "drop":
        t = f[:i] + f[i + 1 :]
    elif kind == "swap":
        t = f[: i - 1] + f[i] + f[i - 1] + f[i + 1 :]
    elif kind == "double":
        t = f[:i] + f[i] + f[i:]
    else:
        t = f[:i] + pick("aeiou") + f[i + 1 :]
    if t == f or " " in (t[0], t[-1]) or "  " in t:
        return None
    for other_code, other in ALL_NAMES:
        if other_code != code and lev(t, other) <= 2:
            return None
    own = min(lev(t, g) for c2, g in ALL_NAMES if c2 == code)
    return t if own == 1 else None


def homes(ds, ind=None) -> list[str]:
    hs = ds.homes
    if ind is not None:
        hs = [h for h in hs if ds.held(ind, h)]
    return hs


def others(ds, home, ind, k=1):
    cands = [c for c in ds.named if c != home and ds.held(ind, c)]
    if ds.key == "sample":
        cands = [c for c in cands if c != SAMPLE_HOME]
    R.shuffle(cands)
    return cands[:k]


def has_quarters(ds, ind, area) -> bool:
    return bool(ds.quarters.get((ind, area)))


def latest_fig(ds, ind, area):
    """Figure for a 'latest' single value, or None if the latest is not clear (sample quarterly series)."""
    if ds.key == "sample" and has_quarters(ds, ind, area):
        return None
    p = ds.latest(ind, area)
    return fig(ind, area, p, ds.value(ind, area, p)) if p else None


def group_token(ds) -> str:
    return pick(["national", "neighbours"]) if ds.national else "neighbours"


GROUP_TEXT = {
    "england": ["in england", "nationally", "across england", "out of all english councils", "in england overall"],
    "scotland": ["in scotland", "across scotland", "out of all 32 councils", "nationally", "in the whole of scotland"],
    "neighbours_oflog": [
        "among our nearest neighbours",
        "in our cipfa group",
        "among similar councils",
        "in our comparator group",
        "out of our neighbours",
    ],
    "neighbours_lgbf": [
        "in our family group",
        "among our family group",
        "among similar councils",
        "in our benchmarking family",
        "out of our family group councils",
    ],
    "neighbours_sample": [
        "among our nearest neighbours",
        "in our comparator group",
        "among similar councils",
        "out of our neighbours",
        "in our cipfa group",
    ],
}


def gtext(ds, token) -> str:
    if token == "neighbours":
        return pick(GROUP_TEXT["neighbours_" + ds.key])
    return pick(GROUP_TEXT[token])


def rank_members(ds, home, ind, token):
    return ds.national_members if token in ("england", "scotland") else ds.group(home, ind)


def rank_figs(ds, home, ind, token, n, order, period):
    """(figures or None, ok).  ok False -> drop the item (excluded council listed / no ranking)."""
    members = rank_members(ds, home, ind, token)
    res = ds.rank(ind, members, period)
    if res is None:
        return None, False
    per, vals = res
    if len(vals) < n + 1:
        return None, False
    ordered = vals if order == "best" else list(reversed(vals))
    top = ordered[:n]
    if token == "england" and any(c in ds.excluded for c, _ in top):
        return None, False
    if ordered[n - 1][1] == ordered[n][1]:
        return None, True  # tie at the cut-off: membership uncertain, omit figures
    return [fig(ind, c, per, v) for c, v in top], True


def position_fig(ds, home, ind, token, period):
    members = rank_members(ds, home, ind, token)
    res = ds.rank(ind, members, period)
    if res is None:
        return None, False
    per, vals = res
    v = ds.value(ind, home, per)
    if v is None:
        return None, False
    return [fig(ind, home, per, v)], True


def ranked_inds(ds) -> list[str]:
    return [i for i in measures(ds) if ds.polarity.get(i)]


def random_held_year(ds, ind, area, min_rank=0):
    s = sorted(ds.held(ind, area), key=start_year)
    return pick(s[min_rank:]) if len(s) > min_rank else None


# ---- families ------------------------------------------------------------------------------------------------
def fam_value(ds):
    ind = pick(measures(ds))
    hs = homes(ds, ind)
    if not hs:
        return None
    home = pick(hs)
    m = mtext(ds, ind)
    mode = pick(["latest", "year", "year"] + (["quarter"] if ds.key == "sample" else []))
    if mode == "latest":
        t = pick(
            [
                "whats our {m}",
                "hows our {m} looking at the moment",
                "{m} latest for us?",
                "what's our current {m}",
                "where are we now on {m}",
                "need our latest {m} figure for my notes",
                "our {m} - what is it currently?",
                "can u give me our {m}",
                "{m} now?? for us",
                "r we up to date on {m}? whats the latest number",
            ]
        ).format(m=m)
        f = latest_fig(ds, ind, home)
        return dict(
            home=home,
            turns=[dress(t)],
            expect=reading("value", [ind], [home]),
            figures=[f] if f else None,
            note=f"home value, latest, {ind}",
        )
    if mode == "year":
        p = random_held_year(ds, ind, home)
        pt = year_text(p)
        t = pick(
            [
                "what was our {m} in {p}",
                "{m} for {p}?",
                "our {m} in {p}",
                "what did we record for {m} in {p}",
                "{p} {m} figure for us?",
                "what was {m} for us back in {p}",
                "{m} in {p} - what was ours?",
                "need the {p} number for our {m}",
            ]
        ).format(m=m, p=pt)
        return dict(
            home=home,
            turns=[dress(t)],
            expect=reading("value", [ind], [home], None, p),
            figures=[fig(ind, home, p, ds.value(ind, home, p))],
            note=f"home value in {p} ({pt})",
        )
    qs = ds.quarters.get((ind, home))
    if not qs:
        return None
    qp = pick(sorted(qs))
    qt = quarter_text(qp[:7], int(qp[-1]))
    t = pick(["what was our {m} in {q}", "{m} {q}?", "{q} {m} - how did we do", "our {m} for {q}"]).format(m=m, q=qt)
    return dict(
        home=home,
        turns=[dress(t)],
        expect=reading("value", [ind], [home], None, qp),
        figures=[fig(ind, home, qp, qs[qp])],
        note=f"home quarterly value {qp}",
    )


def fam_names(ds):
    ind = pick(measures(ds))
    hs = homes(ds, ind)
    if not hs:
        return None
    home = pick(hs)
    cands = others(ds, home, ind)
    if not cands:
        return None
    c = cands[0]
    kind = pick(["plain", "form", "form", "typo", "caps"])
    if kind == "typo":
        cn = typo(ds, c)
        if cn is None:
            return None
    elif kind == "caps":
        if ds.key == "oflog" and c in V.OFLOG_NO_BARE:
            return None
        cn = ds.names[c]
    elif kind == "plain":
        cn = name_forms(ds, c)[0]
    else:
        cn = cname(ds, c)
    m = mtext(ds, ind)
    if chance(0.5):
        t = pick(
            [
                "{m} for {c}?",
                "whats {cs} {m}",
                "how is {c} doing on {m}",
                "{c} - latest {m}?",
                "what's the current {m} in {c}",
                "can you pull {cs} {m} for me",
                "{c} {m} now?",
            ]
        )
        t = t.format(m=m, c=cn, cs=poss(cn))
        f = latest_fig(ds, ind, c)
        return dict(
            home=home,
            turns=[dress(t)],
            expect=reading("value", [ind], [c]),
            figures=[f] if f else None,
            note=f"named council ({kind}: {cn!r}) latest",
        )
    p = random_held_year(ds, ind, c)
    pt = year_text(p)
    t = pick(
        [
            "what was {m} in {c} in {p}",
            "{c} {m} {p}?",
            "{m} for {c}, {p}",
            "how did {c} do on {m} in {p}",
            "{cs} {m} in {p} pls",
            "in {p} what was {cs} {m}",
        ]
    ).format(m=m, c=cn, cs=poss(cn), p=pt)
    return dict(
        home=home,
        turns=[dress(t)],
        expect=reading("value", [ind], [c], None, p),
        figures=[fig(ind, c, p, ds.value(ind, c, p))],
        note=f"named council ({kind}: {cn!r}) in {p}",
    )


def fam_trend(ds):
    ind = pick(measures(ds))
    hs = homes(ds, ind)
    if not hs:
        return None
    home = pick(hs)
    area, who = home, "home"
    m = mtext(ds, ind)
    mode = pick(["nospan", "lastn", "since"])
    if ds.key == "sample" and mode != "nospan" and has_quarters(ds, ind, home):
        return None
    named = chance(0.25)
    if named:
        cs = others(ds, home, ind)
        if not cs:
            return None
        area, who = cs[0], cname(ds, cs[0])
    if mode == "nospan":
        if named:
            t = pick(
                [
                    "is {c} improving on {m}?",
                    "{c} {m} - getting better or worse?",
                    "direction of travel for {c} on {m}?",
                ]
            ).format(c=who, m=m)
        else:
            t = pick(
                [
                    "is our {m} getting better?",
                    "whats the direction of travel on {m}",
                    "{m} - are we improving",
                    "is {m} going the right way for us?",
                    "hows our {m} trending",
                    "is our {m} getting worse?",
                    "r we improving on {m} or not",
                ]
            ).format(m=m)
        return dict(
            home=home,
            turns=[dress(t)],
            expect=reading("trend", [ind], [area]),
            figures=None,
            note="trend wording, no span",
        )
    last = ds.latest(ind, area)
    ls = start_year(last)
    held = sorted(ds.held(ind, area), key=start_year)
    if mode == "lastn":
        n = pick([3, 4, 5, 5, 6])
        p0 = fy(ls - n)
        tmpl = (
            ["{c} {m} over the past {n} years", "{n} year trend for {c} on {m}"]
            if named
            else [
                "our {m} over the last {n} years?",
                "{n} year trend on {m} pls",
                "{n}-yr trend for our {m}",
                "how has our {m} changed over the past {n} yrs",
                "show me {m} for the last {n} years",
            ]
        )
        t = pick(tmpl).format(c=who, m=m, n=n)
        f = (
            [fig(ind, area, p0, ds.value(ind, area, p0)), fig(ind, area, last, ds.value(ind, area, last))]
            if p0 in ds.held(ind, area)
            else None
        )
        return dict(
            home=home,
            turns=[dress(t)],
            expect=reading("trend", [ind], [area], p0, last),
            figures=f,
            note=f"last {n} years from latest {last}",
        )
    s_options = [start_year(p) for p in held[:-1]]
    if not s_options:
        return None
    s = pick(s_options)
    st = since_text(s)
    tmpl = (
        ["how has {c} done on {m} {s}", "{c} {m} {s}?"]
        if named
        else ["how has our {m} changed {s}", "{m} {s}?", "has our {m} improved {s}", "whats happened to our {m} {s}"]
    )
    t = pick(tmpl).format(c=who, m=m, s=st)
    p0 = fy(s)
    return dict(
        home=home,
        turns=[dress(t)],
        expect=reading("trend", [ind], [area], p0, last),
        figures=[fig(ind, area, p0, ds.value(ind, area, p0)), fig(ind, area, last, ds.value(ind, area, last))],
        note=f"since {s} -> latest {last}",
    )


def fam_span(ds):
    ind = pick(measures(ds))
    hs = homes(ds, ind)
    if not hs:
        return None
    home = pick(hs)
    area, who = home, None
    if chance(0.3):
        cs = others(ds, home, ind)
        if not cs:
            return None
        area, who = cs[0], cname(ds, cs[0])
    held = sorted(ds.held(ind, area), key=start_year)
    if len(held) < 2:
        return None
    i = R.randrange(len(held) - 1)
    j = R.randrange(i + 1, len(held))
    a, b = held[i], held[j]
    at, bt = year_text(a), year_text(b)
    if at.isdigit() != bt.isdigit() and chance(0.5):
        return None
    m = mtext(ds, ind)
    if who:
        t = pick(
            [
                "{c} {m} between {a} and {b}",
                "can i see {cs} {m} from {a} to {b}",
                "{m} {c} {a} -> {b}",
                "{c}: {m} {a} to {b}?",
            ]
        ).format(c=who, cs=poss(who), m=m, a=at, b=bt)
    else:
        t = pick(
            [
                "{m} between {a} and {b}",
                "how did our {m} change from {a} to {b}",
                "our {m} {a} -> {b}?",
                "{m} {a} to {b} for us",
                "what happened to {m} between {a} and {b}",
                "we need {m} from {a} to {b} for the report",
            ]
        ).format(m=m, a=at, b=bt)
    return dict(
        home=home,
        turns=[dress(t)],
        expect=reading("trend", [ind], [area], a, b),
        figures=[fig(ind, area, a, ds.value(ind, area, a)), fig(ind, area, b, ds.value(ind, area, b))],
        note=f"explicit span {a}..{b}",
    )


def fam_compare(ds):
    ind = pick(measures(ds))
    hs = homes(ds, ind)
    if not hs:
        return None
    home = pick(hs)
    m = mtext(ds, ind)
    kinds = ["area", "area", "neighbours"] + (["national"] if ds.national else [])
    kind = pick(kinds)
    year = None
    if chance(0.4):
        year = random_held_year(ds, ind, home)
    yt = (" in " + year_text(year)) if year else ""
    if kind == "area":
        k = pick([1, 1, 2])
        cs = others(ds, home, ind, k)
        if len(cs) < k:
            return None
        if year and any(year not in ds.held(ind, c) for c in cs):
            return None
        names = [cname(ds, c) for c in cs]
        if chance(0.3) and k == 1:
            c2 = others(ds, home, ind, 3)
            c2 = [c for c in c2 if c != cs[0]][:1]
            if not c2 or (year and year not in ds.held(ind, c2[0])):
                return None
            n2 = cname(ds, c2[0])
            t = pick(["compare {a} and {b} on {m}{y}", "{m}{y}: {a} v {b}?", "{a} vs {b} for {m}{y}"]).format(
                a=names[0], b=n2, m=m, y=yt
            )
            areas = [cs[0], c2[0]]
        else:
            c = " and ".join(names) if k == 2 else names[0]
            t = pick(
                [
                    "how does our {m} compare with {c}{y}",
                    "us v {c} on {m}{y}?",
                    "{m}{y}: how do we stack up against {c}",
                    "compare us with {c} on {m}{y}",
                    "are we doing better than {c} on {m}{y}",
                ]
            ).format(m=m, c=c, y=yt)
            areas = [home] + cs
        figs = [fig(ind, a, year, ds.value(ind, a, year)) for a in areas] if year else None
        return dict(
            home=home,
            turns=[dress(t)],
            expect=reading("compare", [ind], areas, None, year, "area"),
            figures=figs,
            note=f"compare named councils, {len(areas)} areas",
        )
    if kind == "neighbours":
        fam = "family group" if ds.key == "lgbf" else pick(["nearest neighbours", "cipfa neighbours"])
        t = pick(
            [
                "how do we compare with similar councils on {m}{y}",
                "{m}{y} vs our {f}?",
                "benchmark our {m}{y} against our comparator group",
                "are we above or below our {f} on {m}{y}",
                "how does our {m}{y} compare to our {f}",
            ]
        ).format(m=m, y=yt, f=fam)
        return dict(
            home=home,
            turns=[dress(t)],
            expect=reading("compare", [ind], [home, "neighbours"], None, year, "neighbours"),
            figures=None,
            note="compare with neighbour group",
        )
    nat = ds.national
    nt = "english" if nat == "england" else "scottish"
    t = pick(
        [
            "how does our {m}{y} compare with the {nt} average",
            "are we above the {nt} average on {m}{y}",
            "{m}{y}: us vs {nat}?",
            "are we better or worse than {nat} as a whole on {m}{y}",
            "{m}{y} - how do we compare to {nat}",
        ]
    ).format(m=m, y=yt, nt=nt, nat=nat)
    return dict(
        home=home,
        turns=[dress(t)],
        expect=reading("compare", [ind], [home, nat], None, year, "national"),
        figures=None,
        note=f"compare with {nat}",
    )


def rank_text(ds, ind, token, n, order, m, g):
    pol = ds.polarity[ind]
    hi_is_best = pol == "high"
    if n == 1:
        if order == "best":
            opts = [
                "who's the best {g} for {m}",
                "which council comes top {g} on {m}",
                "who tops the table {g} for {m}",
                "best performing council {g} on {m}?",
            ]
            opts.append("which council has the " + ("highest" if hi_is_best else "lowest") + " {m} {g}")
        else:
            opts = ["who's the worst {g} for {m}", "which council is bottom {g} on {m}", "worst performer {g} on {m}?"]
            opts.append("which council has the " + ("lowest" if hi_is_best else "highest") + " {m} {g}")
        return pick(opts).format(g=g, m=m)
    if order == "best":
        opts = [
            "top {n} councils {g} for {m}?",
            "who are the top {n} {g} on {m}",
            "{m} - best {n} {g}",
            "give me the {n} best {g} for {m}",
            "which are the top {n} performing councils {g} for {m}",
            "league table {g} for {m}, just the top {n}",
        ]
        opts.append("which {n} councils {g} have the " + ("highest" if hi_is_best else "lowest") + " {m}")
    else:
        opts = [
            "bottom {n} councils {g} for {m}?",
            "who are the {n} worst {g} on {m}",
            "{m} - worst {n} {g}",
            "which {n} councils are doing worst {g} on {m}",
            "bottom {n} {g} for {m} pls",
        ]
        opts.append("which {n} councils {g} have the " + ("lowest" if hi_is_best else "highest") + " {m}")
    return pick(opts).format(g=g, m=m, n=n)


def rank_setup(ds):
    ind = pick(ranked_inds(ds))
    hs = homes(ds, ind)
    if not hs:
        return None
    home = pick(hs)
    tokens = ["neighbours"] + ([ds.national] * 2 if ds.national else [])
    token = pick(tokens)
    return ind, home, token


def fam_rank(ds):
    s = rank_setup(ds)
    if s is None:
        return None
    ind, home, token = s
    m = mtext(ds, ind)
    g = gtext(ds, token)
    year = None
    if chance(0.3):
        members = rank_members(ds, home, ind, token)
        ys = sorted({p for c in members for p in ds.held(ind, c)}, key=start_year)
        year = pick(ys)
        if sum(1 for c in members if year in ds.held(ind, c)) < len(members) / 2:
            return None
    yt = " in " + year_text(year) if year else ""
    if chance(0.3):
        t = pick(
            [
                "where do we rank {g} on {m}{y}?",
                "what position are we {g} for {m}{y}",
                "where r we in the table {g} for {m}{y}",
                "how do we rank {g} for {m}{y}",
                "{m}{y}: whats our ranking {g}",
                "where do we sit {g} on {m}{y}",
            ]
        ).format(g=g, m=m, y=yt)
        f, ok = position_fig(ds, home, ind, token, year)
        if not ok:
            return None
        return dict(
            home=home,
            turns=[dress(t)],
            expect=reading("rank", [ind], [home, token], None, year, "ranking"),
            figures=f,
            note=f"position among {token}",
        )
    sizes = [1, 3, 5, 5, 10] if token != "neighbours" else [1, 3, 3, 5]
    if ds.key == "lgbf" and token == "neighbours":
        sizes = [1, 3, 3]
    n = pick(sizes)
    order = pick(["best", "best", "worst"])
    t = rank_text(ds, ind, token, n, order, m, g)
    if year:
        t = t.rstrip("?") + yt
    f, ok = rank_figs(ds, home, ind, token, n, order, year)
    if not ok:
        return None
    return dict(
        home=home,
        turns=[dress(t)],
        expect=reading("rank", [ind], [token], None, year, "ranking", n, order),
        figures=f,
        note=f"rank list {order} {n} in {token}" + ("" if f else " (figures omitted: tie at cut-off)"),
    )


def fam_overview(ds):
    named = chance(0.3)
    if ds.key == "oflog":
        home = pick(ds.homes)
        area = home
        if named:
            area = pick([c for c in ds.named if c != home])
        inds = sorted({i for i in V.OFLOG_MEASURES if ds.held(i, area)})
        s = pick(V.OFLOG_OVERVIEW)
    elif ds.key == "lgbf":
        home = pick(ds.homes)
        area = pick([c for c in ds.named if c != home]) if named else home
        cat = pick(sorted(V.LGBF_OVERVIEW))
        inds = sorted({c for c in ds.category if ds.category[c] == cat and ds.held(c, area)})
        if not inds:
            return None
        s = pick(V.LGBF_OVERVIEW[cat])
    else:
        home = SAMPLE_HOME
        area = home
        if named:
            area = pick([c for c in ds.named if c != home])
        grp = pick(sorted(V.SAMPLE_OVERVIEW))
        inds = sorted(i for i in V.SAMPLE_OVERVIEW[grp][0] if ds.held(i, area))
        s = pick(V.SAMPLE_OVERVIEW[grp][1])
    if area != home:
        c = cname(ds, area)
        t = pick(
            [
                "how's {c} doing on {s} overall?",
                "overview of {s} for {c} pls",
                "{c} - {s} headlines?",
                "give me an overview of {cs} {s} performance",
            ]
        ).format(c=c, cs=poss(c), s=s)
    else:
        t = pick(
            [
                "how are we doing on {s} overall?",
                "overview of our {s} performance pls",
                "quick overview of {s} for thursday",
                "give me the headlines on {s}",
                "{s} - how are we doing across the board",
                "hows {s} looking for us overall",
                "can i get an overview of how we're doing on {s}",
            ]
        ).format(s=s)
    return dict(
        home=home,
        turns=[dress(t)],
        expect=reading("overview", inds, [area]),
        figures=None,
        note=f"overview of {s} ({len(inds)} indicators)",
    )


def fam_target(ds):
    ind = pick(measures(ds))
    home = SAMPLE_HOME
    m = mtext(ds, ind)
    if chance(0.5):
        t = pick(
            [
                "are we hitting target on {m}?",
                "{m} - on target?",
                "are we meeting our target for {m} at the moment",
                "did we hit our {m} target last year",
                "how far off target are we on {m}",
                "r we on track against target for {m}",
                "is {m} green against target?",
            ]
        ).format(m=m)
        return dict(
            home=home, turns=[dress(t)], expect=reading("target", [ind], [home]), figures=None, note="target, latest"
        )
    p = random_held_year(ds, ind, home)
    if (ind, p) not in ds.targets:
        return None
    pt = year_text(p)
    t = pick(
        [
            "did we meet the {m} target in {p}",
            "{m} vs target for {p}?",
            "were we on target for {m} in {p}",
            "did we hit target on {m} in {p}",
            "{p}: did {m} meet target",
        ]
    ).format(m=m, p=pt)
    return dict(
        home=home,
        turns=[dress(t)],
        expect=reading("target", [ind], [home], None, p),
        figures=[fig(ind, home, p, ds.value(ind, home, p))],
        note=f"target in {p}",
    )


def closest_held(ds, ind, area, s: int, own_year_ok: bool):
    held = ds.held(ind, area)
    if own_year_ok and fy(s) in held:
        return fy(s)
    d = sorted((abs(start_year(p) - s), p) for p in held)
    if not d or (len(d) > 1 and d[0][0] == d[1][0]):
        return None
    return d[0][1]


def fam_pnh(ds):
    ind = pick(measures(ds))
    hs = homes(ds, ind)
    if not hs:
        return None
    home = pick(hs)
    area, who = home, None
    if chance(0.3) and ds.key != "sample":
        cs = others(ds, home, ind)
        if not cs:
            return None
        area, who = cs[0], cname(ds, cs[0])
    held = sorted(ds.held(ind, area), key=start_year)
    first, last = start_year(held[0]), start_year(held[-1])
    kind = pick(["before", "after", "gap", "quarter"])
    if kind == "before":
        s = first - pick([1, 2, 3, 4])
        per, ptxt = fy(s), year_text(fy(s))
        near = closest_held(ds, ind, area, s, False)
    elif kind == "after":
        if ds.key == "sample" and has_quarters(ds, ind, area):
            return None
        s = last + pick([1, 2, 3])
        per, ptxt = fy(s), year_text(fy(s))
        near = closest_held(ds, ind, area, s, False)
    elif kind == "gap":
        gaps = [y for y in range(first + 1, last) if fy(y) not in ds.held(ind, area)]
        if not gaps:
            return None
        s = pick(gaps)
        per, ptxt = fy(s), year_text(fy(s))
        near = closest_held(ds, ind, area, s, False)
    else:
        if has_quarters(ds, ind, area):
            return None
        if ds.key == "sample":
            s = pick([last, last + 1])
        else:
            s = pick(list(range(first, last + 1)))
        q = pick([1, 2, 3, 4])
        per, ptxt = f"{fy(s)} Q{q}", quarter_text(fy(s), q)
        near = closest_held(ds, ind, area, s, True)
    if near is None:
        return None
    m = mtext(ds, ind)
    if who:
        t = pick(["what was {cs} {m} in {p}", "{c} {m} for {p}?", "{m} in {c}, {p}"]).format(
            c=who, cs=poss(who), m=m, p=ptxt
        )
    else:
        t = pick(
            [
                "what was our {m} in {p}",
                "{m} for {p}?",
                "our {m} {p}?",
                "need our {m} for {p} pls",
                "what did we get on {m} in {p}",
            ]
        ).format(m=m, p=ptxt)
    return dict(
        home=home,
        turns=[dress(t)],
        expect=reading("value", [ind], [area], None, per),
        figures=[fig(ind, area, near, ds.value(ind, area, near))],
        note=f"{kind}: {per} not held; closest held {near}",
    )


CROSS_LGBF_FOR_ENGLAND = [
    "cost per library visit",
    "positive destinations for school leavers",
    "superfast broadband coverage",
    "homes meeting the scottish housing quality standard",
    "teacher sickness absence days",
    "cost per primary pupil",
    "recycling rate",
    "street cleanliness score",
    "road cost per km",
    "rent lost to voids",
]
CROSS_OFLOG_FOR_OTHERS = [
    "outcome of short-term services",
    "requests resulting in a service",
    "ease of finding info about services for service users",
    "carer quality of life",
    "service user quality of life",
    "ease of finding info about support for carers",
]
CROSS_OFLOG_FOR_SCOTLAND = CROSS_OFLOG_FOR_OTHERS[:3] + ["adult social care workforce turnover (oflog)"]


def unknown_text(ds, home):
    kinds = ["welsh", "madeup", "measure", "chat", "cross"] + (["district"] if ds.key == "oflog" else [])
    kind = pick(kinds)
    m = mtext(ds, pick(measures(ds)))
    if kind == "welsh":
        w = pick(V.WELSH_NI)
        return kind, pick(
            ["whats {ws} {m}", "how does {w} do on {m}", "{m} for {w}?", "compare us with {w} on {m}"]
        ).format(w=w, ws=poss(w), m=m)
    if kind == "madeup":
        w = pick(V.MADE_UP)
        return kind, pick(["{m} for {w}?", "how is {w} doing on {m}", "whats {ws} {m}"]).format(w=w, ws=poss(w), m=m)
    if kind == "district":
        w = pick(V.ENGLISH_DISTRICTS)
        return kind, pick(["whats {ws} {m}", "{m} in {w}?", "how does {w} compare on {m}"]).format(
            w=w, ws=poss(w), m=mtext(ds, pick([i for i in measures(ds) if i != "ASC6"]))
        )
    if kind == "measure":
        x = pick(V.NOT_HELD_MEASURES)
        return kind, pick(
            [
                "whats our {x}",
                "how are we doing on {x}?",
                "{x} - where are we?",
                "top 5 in england for {x}" if ds.key == "oflog" else "our {x} trend?",
            ]
        ).format(x=x)
    if kind == "chat":
        return kind, pick(V.CHITCHAT)
    if ds.key == "oflog":
        x = pick(CROSS_LGBF_FOR_ENGLAND)
    elif ds.key == "lgbf":
        x = pick(CROSS_OFLOG_FOR_SCOTLAND)
    else:
        x = pick(CROSS_OFLOG_FOR_OTHERS)
    return kind, pick(["whats our {x}", "how are we doing on {x}", "{x} for us?", "our {x} latest?"]).format(x=x)


def fam_unknown(ds):
    home = pick(ds.homes)
    kind, t = unknown_text(ds, home)
    return dict(home=home, turns=[dress(t)], expect=UNKNOWN, figures=None, note=f"unknown ({kind})")


# ---- follow-ups ----------------------------------------------------------------------------------------------
def fu_year_back(ds):
    ind = pick(measures(ds))
    hs = homes(ds, ind)
    if not hs:
        return None
    home = pick(hs)
    held = sorted(ds.held(ind, home), key=start_year)
    p = pick(held)
    s = start_year(p)
    m = mtext(ds, ind)
    back = pick([2, 3, 4, 5])
    chain = [p, fy(s - 1), fy(s - 1 - back)]
    if any(x not in ds.held(ind, home) for x in chain[:2]) or chain[2] not in ds.held(ind, home):
        return None
    t1 = pick(["what was our {m} in {p}", "{m} {p}?", "our {m} for {p}"]).format(m=m, p=year_text(p))
    t2 = pick(["and the year before?", "and the year before that?", "what about the previous year", "yr before?"])
    t3 = pick([f"{back} years before that?", f"and {back} yrs before that", f"ok and {back} years earlier than that?"])
    each = [reading("value", [ind], [home], None, x) for x in chain]
    return dict(
        home=home,
        turns=[dress(t1), t2, t3],
        each=each,
        figures=[fig(ind, home, chain[2], ds.value(ind, home, chain[2]))],
        note="value, step back in years",
    )


def fu_other_then_ours(ds):
    ind = pick(measures(ds))
    hs = homes(ds, ind)
    if not hs:
        return None
    home = pick(hs)
    cs = others(ds, home, ind, 2)
    if len(cs) < 2:
        return None
    m = mtext(ds, ind)
    p = random_held_year(ds, ind, home)
    if p not in ds.held(ind, cs[0]) or p not in ds.held(ind, cs[1]):
        return None
    pt = year_text(p)
    held = sorted(ds.held(ind, home), key=start_year)
    p2 = pick([x for x in held if x != p] or [p])
    if p2 == p:
        return None
    t1 = pick(["what was our {m} in {p}", "our {m} {p}?", "{m} for us in {p}"]).format(m=m, p=pt)
    c1, c2 = cname(ds, cs[0]), cname(ds, cs[1])
    t2 = pick(["and {c}?", "what about {c}", "and for {c}?"]).format(c=c1)
    t3 = pick(["and {c}", "{c}?", "how about {c}"]).format(c=c2)
    t4 = pick(["what was ours in {p}?", "and ours in {p}", "ok what was ours in {p}"]).format(p=year_text(p2))
    each = [
        reading("value", [ind], [home], None, p),
        reading("value", [ind], [cs[0]], None, p),
        reading("value", [ind], [cs[1]], None, p),
        reading("value", [ind], [home], None, p2),
    ]
    return dict(
        home=home,
        turns=[dress(t1), t2, t3, t4],
        each=each,
        figures=[fig(ind, home, p2, ds.value(ind, home, p2))],
        note="switch council then back to ours",
    )


def fu_value_compare(ds):
    ind = pick(measures(ds))
    hs = homes(ds, ind)
    if not hs:
        return None
    home = pick(hs)
    m = mtext(ds, ind)
    year = random_held_year(ds, ind, home) if chance(0.5) else None
    yt = " in " + year_text(year) if year else ""
    t1 = pick(["whats our {m}{y}", "{m}{y} for us?", "our {m}{y}?"]).format(m=m, y=yt)
    each = [reading("value", [ind], [home], None, year)]
    turns = [dress(t1)]
    if ds.national:
        nat = ds.national
        turns.append(pick([f"how does that compare with {nat}?", f"vs {nat}?", f"and the {nat} figure?"]))
        each.append(reading("compare", [ind], [home, nat], None, year, "national"))
    fam = "family group" if ds.key == "lgbf" else "nearest neighbours"
    turns.append(pick([f"and our {fam}?", "what about similar councils", f"and against our {fam}"]))
    each.append(reading("compare", [ind], [home, "neighbours"], None, year, "neighbours"))
    if chance(0.5):
        turns.append(pick(["where do we rank in that group?", "where are we in that group", "so what position r we?"]))
        each.append(reading("rank", [ind], [home, "neighbours"], None, year, "ranking"))
        if ds.polarity.get(ind) is None:
            return None
    return dict(home=home, turns=turns, each=each, figures=None, note="value -> national/neighbour comparison")


def fu_rank_chain(ds):
    s = rank_setup(ds)
    if s is None:
        return None
    ind, home, token = s
    m = mtext(ds, ind)
    g = gtext(ds, token)
    n = pick([5, 10]) if token != "neighbours" else (4 if ds.key == "lgbf" else 5)
    t1 = rank_text(ds, ind, token, n, "best", m, g)
    turns = [dress(t1)]
    each = [reading("rank", [ind], [token], None, None, "ranking", n, "best")]
    n2 = 3
    turns.append(pick(["just the top 3", "only top 3 pls", "can you cut that to the top 3"]))
    each.append(reading("rank", [ind], [token], None, None, "ranking", n2, "best"))
    turns.append(pick(["flip it", "now the bottom 3", "and the other end?", "flip it - worst 3"]))
    each.append(reading("rank", [ind], [token], None, None, "ranking", n2, "worst"))
    final = "list"
    if chance(0.6):
        turns.append(pick(["where are we in that list", "and where do we come?", "where r we?"]))
        each.append(reading("rank", [ind], [home, token], None, None, "ranking"))
        final = "pos"
    if final == "pos":
        f, ok = position_fig(ds, home, ind, token, None)
    else:
        f, ok = rank_figs(ds, home, ind, token, n2, "worst", None)
    if not ok:
        return None
    # membership of the earlier lists must not list an excluded council either
    for nn_, od in ((n, "best"), (n2, "best"), (n2, "worst")):
        _, ok2 = rank_figs(ds, home, ind, token, nn_, od, None)
        if not ok2:
            return None
    return dict(home=home, turns=turns, each=each, figures=f, note=f"rank chain in {token} ending {final}")


def fu_rank_year(ds):
    s = rank_setup(ds)
    if s is None:
        return None
    ind, home, token = s
    members = rank_members(ds, home, ind, token)
    ys = [
        p
        for p in sorted({p for c in members for p in ds.held(ind, c)}, key=start_year)
        if sum(1 for c in members if p in ds.held(ind, c)) >= len(members) / 2
    ]
    if len(ys) < 2:
        return None
    y = pick(ys[:-1])
    m = mtext(ds, ind)
    g = gtext(ds, token)
    n = pick([3, 5]) if token != "neighbours" else 3
    order = pick(["best", "worst"])
    t1 = rank_text(ds, ind, token, n, order, m, g)
    t2 = pick(["and in {p}?", "what about {p}", "same for {p}"]).format(p=year_text(y))
    each = [
        reading("rank", [ind], [token], None, None, "ranking", n, order),
        reading("rank", [ind], [token], None, y, "ranking", n, order),
    ]
    _, ok0 = rank_figs(ds, home, ind, token, n, order, None)
    f, ok = rank_figs(ds, home, ind, token, n, order, y)
    if not ok or not ok0:
        return None
    return dict(
        home=home,
        turns=[dress(t1), t2],
        each=each,
        figures=None,
        note=f"rank then same ranking in {y} (final is a list: no figures)",
    )


def fu_since_other(ds):
    ind = pick(measures(ds))
    hs = [h for h in homes(ds, ind) if not (ds.key == "sample" and has_quarters(ds, ind, h))]
    if not hs:
        return None
    home = pick(hs)
    cs = others(ds, home, ind)
    if not cs:
        return None
    c = cs[0]
    held = sorted(ds.held(ind, home), key=start_year)
    if len(held) < 3:
        return None
    p0 = pick(held[:-2])
    s = start_year(p0)
    if p0 not in ds.held(ind, c):
        return None
    m = mtext(ds, ind)
    t1 = pick(["how has our {m} changed {s}", "{m} {s}?", "has our {m} improved {s}"]).format(m=m, s=since_text(s))
    t2 = pick(["and {c}?", "same for {c}", "what about {c}"]).format(c=cname(ds, c))
    lh, lc = ds.latest(ind, home), ds.latest(ind, c)
    each = [reading("trend", [ind], [home], p0, lh), reading("trend", [ind], [c], p0, lc)]
    return dict(
        home=home,
        turns=[dress(t1), t2],
        each=each,
        figures=[fig(ind, c, p0, ds.value(ind, c, p0)), fig(ind, c, lc, ds.value(ind, c, lc))],
        note="trend since a year, then another council (keeps the since year)",
    )


def fu_refuse_then(ds):
    home = pick(ds.homes)
    kind, t1 = unknown_text(ds, home)
    if kind == "chat":
        return None
    ind = pick(measures(ds))
    if not ds.held(ind, home):
        return None
    m = mtext(ds, ind)
    t2 = pick(
        [
            "ok never mind. whats our {m} then",
            "fair enough - what about our {m}?",
            "ok. our {m}?",
            "np, can you do our {m} instead",
        ]
    ).format(m=m)
    p = random_held_year(ds, ind, home)
    t3 = pick(["and in {p}?", "what was it in {p}", "{p}?"]).format(p=year_text(p))
    each = [UNKNOWN, reading("value", [ind], [home]), reading("value", [ind], [home], None, p)]
    return dict(
        home=home,
        turns=[dress(t1), t2, t3],
        each=each,
        figures=[fig(ind, home, p, ds.value(ind, home, p))],
        note=f"refusal ({kind}) then thread goes on",
    )


def fu_measure_switch(ds):
    inds = measures(ds)
    i1, i2 = pick(inds), pick(inds)
    if i1 == i2:
        return None
    hs = [h for h in homes(ds, i1) if ds.held(i2, h)]
    if not hs:
        return None
    home = pick(hs)
    p = random_held_year(ds, i1, home)
    if p not in ds.held(i2, home):
        return None
    t1 = pick(["what was our {m} in {p}", "{m} {p} for us?", "our {m} in {p}?"]).format(m=mtext(ds, i1), p=year_text(p))
    t2 = pick(["and {m}?", "what about {m}", "and our {m}", "same year, {m}?"]).format(m=mtext(ds, i2))
    each = [reading("value", [i1], [home], None, p), reading("value", [i2], [home], None, p)]
    return dict(
        home=home,
        turns=[dress(t1), t2],
        each=each,
        figures=[fig(i2, home, p, ds.value(i2, home, p))],
        note="switch measure, keep council and year",
    )


def fu_quarter(ds):
    if ds.key != "sample":
        return None
    inds = [i for i in measures(ds) if has_quarters(ds, i, SAMPLE_HOME)]
    ind = pick(inds)
    home = SAMPLE_HOME
    qs = sorted(ds.quarters[(ind, home)])
    m = mtext(ds, ind)
    t1 = pick(["our {m} in {q}?", "{m} {q}", "how did we do on {m} in {q}"]).format(
        m=m, q=quarter_text(qs[0][:7], int(qs[0][-1]))
    )
    t2 = pick(["what about Q2?", "and q2?", "q2?"])
    each = [reading("value", [ind], [home], None, qs[0]), reading("value", [ind], [home], None, qs[1])]
    turns = [dress(t1), t2]
    figs = [fig(ind, home, qs[1], ds.quarters[(ind, home)][qs[1]])]
    if chance(0.5):
        p = random_held_year(ds, ind, home)
        turns.append(pick(["and for the full year {p}?", "what was it for {p} as a whole"]).format(p=year_text(p)))
        each.append(reading("value", [ind], [home], None, p))
        figs = [fig(ind, home, p, ds.value(ind, home, p))]
    return dict(home=home, turns=turns, each=each, figures=figs, note="quarterly value then next quarter")


def fu_lastn(ds):
    ind = pick(measures(ds))
    hs = [h for h in homes(ds, ind) if not (ds.key == "sample" and has_quarters(ds, ind, h))]
    if not hs:
        return None
    home = pick(hs)
    last = ds.latest(ind, home)
    ls = start_year(last)
    n1, n2 = pick([3, 5]), pick([2, 4, 6])
    m = mtext(ds, ind)
    t1 = pick(["our {m} over the last {n} years?", "{n} year trend on {m}", "{m} past {n} yrs?"]).format(m=m, n=n1)
    t2 = pick(["make it {n} years", "can you do {n} years instead", "{n} yrs?"]).format(n=n2)
    each = [reading("trend", [ind], [home], fy(ls - n1), last), reading("trend", [ind], [home], fy(ls - n2), last)]
    p0 = fy(ls - n2)
    f = (
        [fig(ind, home, p0, ds.value(ind, home, p0)), fig(ind, home, last, ds.value(ind, home, last))]
        if p0 in ds.held(ind, home)
        else None
    )
    return dict(home=home, turns=[dress(t1), t2], each=each, figures=f, note="last N years then a different N")


def fu_compare_add(ds):
    ind = pick(measures(ds))
    hs = homes(ds, ind)
    if not hs:
        return None
    home = pick(hs)
    cs = others(ds, home, ind, 2)
    if len(cs) < 2:
        return None
    m = mtext(ds, ind)
    t1 = pick(["how does our {m} compare with {c}", "us v {c} on {m}?", "compare us with {c} on {m}"]).format(
        m=m, c=cname(ds, cs[0])
    )
    t2 = pick(["add {c}", "and {c} too", "can you add {c} to that"]).format(c=cname(ds, cs[1]))
    each = [
        reading("compare", [ind], [home, cs[0]], comparison="area"),
        reading("compare", [ind], [home, cs[0], cs[1]], comparison="area"),
    ]
    return dict(home=home, turns=[dress(t1), t2], each=each, figures=None, note="compare then add a council")


FOLLOWUPS = [
    fu_year_back,
    fu_other_then_ours,
    fu_value_compare,
    fu_rank_chain,
    fu_rank_year,
    fu_since_other,
    fu_refuse_then,
    fu_refuse_then,
    fu_measure_switch,
    fu_quarter,
    fu_quarter,
    fu_lastn,
    fu_compare_add,
]


def fam_followup(ds):
    return pick(FOLLOWUPS)(ds)


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


# ---- assembly ------------------------------------------------------------------------------------------------
def finish(fam, key, raw):
    raw = copy.deepcopy(raw)
    item = {"id": None, "family": fam, "dataset": key, "home_area": raw["home"], "turns": raw["turns"]}
    if fam == "followup":
        item["expect"] = copy.deepcopy(raw["each"][-1])
        item["expect_each"] = raw["each"]
    else:
        item["expect"] = raw["expect"]
    if raw.get("figures"):
        if any(f["value"] is None for f in raw["figures"]):
            return None
        item["figures"] = raw["figures"]
    item["note"] = raw["note"]
    return item


def build():
    seen = set()
    out = {}
    for fam, quotas in QUOTA.items():
        out[fam] = {}
        for key, count in quotas.items():
            ds = DS[key]
            items = []
            tries = 0
            while len(items) < count:
                tries += 1
                if tries > 20000:
                    raise SystemExit(f"could not fill {fam}/{key}: {len(items)}/{count}")
                raw = FAMILIES[fam](ds)
                if raw is None:
                    continue
                item = finish(fam, key, raw)
                if item is None:
                    continue
                sig = " || ".join(item["turns"]).lower()
                if sig in seen:
                    continue
                seen.add(sig)
                items.append(item)
            out[fam][key] = items
    return out


def split(out):
    dev, hold = [], []
    for fam in QUOTA:
        fam_dev, fam_hold = [], []
        for key in QUOTA[fam]:
            items = list(out[fam][key])
            R.shuffle(items)
            for i, it in enumerate(items):
                (fam_dev if i % 2 == 0 else fam_hold).append(it)
        for k, it in enumerate(fam_dev + fam_hold, 1):
            it["id"] = f"b12-{fam}-{k:03d}"
        dev += fam_dev
        hold += fam_hold
    return dev, hold


def dump(path, name, items):
    doc = {"set": name, "seed": SEED, "count": len(items), "items": items}
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=None)
    path.write_text(text, encoding="utf-8")


def main():
    out = build()
    dev, hold = split(out)
    dump(HERE / "dev.yaml", "understanding_blind12_dev", dev)
    dump(HERE / "holdout.yaml", "understanding_blind12_holdout", hold)
    counts = {}
    for it in dev + hold:
        counts.setdefault((it["family"], it["dataset"]), [0, 0])
    for it in dev:
        counts[(it["family"], it["dataset"])][0] += 1
    for it in hold:
        counts[(it["family"], it["dataset"])][1] += 1
    for (fam, key), (d, h) in sorted(counts.items()):
        print(f"{fam:16s} {key:7s} dev={d:3d} holdout={h:3d}")
    print(f"total dev={len(dev)} holdout={len(hold)}")


if __name__ == "__main__":
    main()
