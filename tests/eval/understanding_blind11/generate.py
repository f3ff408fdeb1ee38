"""Build blind question-understanding set 11 (dev.yaml, holdout.yaml) from the raw data files.

Run from the project root:  .venv/bin/python tests/eval/understanding_blind11/generate.py

Every expected reading, ranking size, ranking period and figure is computed here with pandas from the raw files;
one random.Random(SEED) drives every choice, so reruns are byte-identical.
"""

from __future__ import annotations

import copy
import random
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from b11_data import SAMPLE_HOME, Data, fy, fy_start  # noqa: E402
from b11_words import (  # noqa: E402
    ENGLISH_DISTRICTS,
    ENGLISH_NAMES,
    LGBF_MEASURES,
    LGBF_SERVICES,
    MADE_UP,
    NO_DATA_QUESTIONS,
    OFLOG_MEASURES,
    OTHER_REAL_NAMES,
    SAMPLE_MEASURES,
    SAMPLE_NAMES,
    SAMPLE_SERVICES,
    SCOTTISH_NAMES,
    WELSH_NI,
)

SEED = 11111111
SET = "understanding_blind11"

D = Data()
rng = random.Random(SEED)

COUNTS = {
    "names": {"oflog": 30, "lgbf": 30, "sample": 10},
    "rank": {"oflog": 24, "lgbf": 30, "sample": 16},
    "followup": {"oflog": 25, "lgbf": 28, "sample": 17},
    "value": {"oflog": 10, "lgbf": 12, "sample": 8},
    "span": {"oflog": 10, "lgbf": 12, "sample": 8},
    "trend": {"oflog": 10, "lgbf": 12, "sample": 8},
    "compare": {"oflog": 14, "lgbf": 16, "sample": 10},
    "overview": {"oflog": 6, "lgbf": 12, "sample": 7},
    "target": {"sample": 20},
    "period_not_held": {"oflog": 8, "lgbf": 10, "sample": 7},
    "unknown": {"oflog": 10, "lgbf": 10, "sample": 10},
}

# ---------------------------------------------------------------------------------------------------- names


def lev(a: str, b: str) -> int:
    a, b = a.lower(), b.lower()
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


ALL_FORMS: list[tuple[str, str]] = []
for _code, _forms in ENGLISH_NAMES.items():
    ALL_FORMS += [(_code, f) for f in _forms]
for _name, _forms in SCOTTISH_NAMES.items():
    ALL_FORMS += [(_name, f) for f in _forms]
for _code, _forms in SAMPLE_NAMES.items():
    ALL_FORMS += [(_code, f) for f in _forms]
ALL_FORMS += [("other", f) for f in OTHER_REAL_NAMES]


def typo(key: str, base: str) -> str | None:
    """A one-letter typo of base whose nearest real name is base's council by a clear margin (others >= 3 away)."""
    if len(base) < 7 or not base.replace(" ", "").isalpha():
        return None
    cands = []
    letters = [i for i in range(2, len(base) - 1) if base[i].isalpha() and base[i - 1].isalpha()]
    for i in letters:
        cands.append(base[:i] + base[i + 1 :])  # drop a letter
        cands.append(base[:i] + base[i] + base[i:])  # double a letter
        if base[i + 1].isalpha() and base[i] != base[i + 1]:
            cands.append(base[:i] + base[i + 1] + base[i] + base[i + 2 :])  # swap two letters
    rng.shuffle(cands)
    for t in cands:
        if t.lower() == base.lower():
            continue
        if all(lev(t, f) >= 3 for k, f in ALL_FORMS if k != key):
            return t
    return None


def name_form(ds: str, code: str, allow_typo: bool = True) -> str:
    if ds == "oflog":
        key, forms = code, ENGLISH_NAMES[code]
    elif ds == "lgbf":
        key = D.lgbf_name_of[code]
        forms = SCOTTISH_NAMES[key]
    else:
        key, forms = code, SAMPLE_NAMES[code]
    if allow_typo and rng.random() < 0.15:
        t = typo(key, forms[0])
        if t:
            return t
    f = rng.choice(forms)
    if rng.random() < 0.2:
        f = f.lower()
    return f


def poss(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


# ---------------------------------------------------------------------------------------------------- measures

SMALL_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 10: "ten"}
SPOKEN = {2015: "twenty fifteen-sixteen", 2016: "twenty sixteen-seventeen", 2017: "twenty seventeen-eighteen",
          2018: "twenty eighteen-nineteen", 2019: "twenty nineteen-twenty"}


def measures(ds: str) -> dict[str, list[str]]:
    return {"oflog": OFLOG_MEASURES, "lgbf": LGBF_MEASURES, "sample": SAMPLE_MEASURES}[ds]


ALL_MEASURES = {**OFLOG_MEASURES, **LGBF_MEASURES, **SAMPLE_MEASURES}
PLACEHOLDER = re.compile("\x00([^\x00]+)\x00")


def mtext(ds: str, ind: str, home: bool = False) -> str:
    """A placeholder; resolve() picks the wording once the words around it are known."""
    return f"\x00{ind}|{'h' if home else ''}\x00"


def resolve(text: str) -> str:
    """Replace measure placeholders: clauses only where one reads naturally (after on/for/about, before the end)."""

    def pick(mo: re.Match) -> str:
        ind, flag = mo.group(1).split("|")
        before = text[: mo.start()]
        after = text[mo.end() :]
        clause_ok = bool(re.search(r"(^|\b(on|for|about)\s)$", before)) and bool(re.match(r"($|\?| -|:)", after))
        opts = [x for x in ALL_MEASURES[ind] if not x.startswith("~")]
        if clause_ok:
            opts += [x[1:] for x in ALL_MEASURES[ind] if x.startswith("~") and not x.startswith("~^")]
            if flag == "h":
                opts += [x[2:] for x in ALL_MEASURES[ind] if x.startswith("~^")]
        return rng.choice(opts)

    while True:
        mo = PLACEHOLDER.search(text)
        if not mo:
            return text
        text = text[: mo.start()] + pick(mo) + text[mo.end() :]


def ptext(period: str) -> str:
    y = fy_start(period)
    nx = (y + 1) % 100
    forms = [f"{y}/{nx:02d}", f"{y}-{nx:02d}", f"{y}-{y + 1}", f"FY{y % 100:02d}/{nx:02d}", f"{y}", f"{y}/{y + 1}"]
    if y in SPOKEN and rng.random() < 0.15:
        return SPOKEN[y]
    return rng.choice(forms)


def qtext(period: str) -> str:
    """'2024-25 Q2' written as people write quarters."""
    fyp, q = period.split()
    y = fy_start(fyp)
    nx = (y + 1) % 100
    return rng.choice(
        [f"{q} {y}/{nx:02d}", f"{y}-{nx:02d} {q}", f"{q.lower()} {y}/{nx:02d}", f"quarter {q[1]} of {y}/{nx:02d}"]
    )


def nword(n: int) -> str:
    return SMALL_WORDS[n] if n in SMALL_WORDS and rng.random() < 0.4 else str(n)


PREFIXES = ["", "", "", "", "hi - ", "quick one: ", "for thursday's committee, ", "sorry to bother, ",
            "ahead of scrutiny next week - ", "can you help - ", "morning! ", "chair wants to know - "]
SUFFIXES = ["", "", "", "", " pls", " please", " thanks", " ta", " cheers", " - need it for the briefing note",
            " thx", "?"]


def strip_contractions(t: str) -> str:
    t = re.sub(r"\b(what|how|who|where|that|it|there|thursday)'s\b", r"\1s", t, flags=re.I)
    return t.replace("n't", "nt")


def noisy(text: str, lower_p: float = 0.3) -> str:
    t = rng.choice(PREFIXES) + resolve(text)
    suf = rng.choice(SUFFIXES)
    if (suf == "?" and t.endswith("?")) or (suf.strip() and suf.strip() in t):
        suf = ""
    t = t + suf
    if rng.random() < 0.3:
        t = strip_contractions(t)
    if rng.random() < lower_p:
        t = t.lower()
    return re.sub(r"\s+", " ", t).strip()


def light(text: str) -> str:
    """Noise for a later turn in a thread: no greeting, rarely a sign-off."""
    t = resolve(text) + rng.choice(["", "", "", "", " thanks", " pls", " ta"])
    if rng.random() < 0.3:
        t = strip_contractions(t)
    if rng.random() < 0.4:
        t = t.lower()
    return re.sub(r"\s+", " ", t).strip()


# ---------------------------------------------------------------------------------------------------- readings


def R(intent, inds, areas, pfrom=None, pto=None, comp=None, n=None, order=None) -> dict:
    return {
        "intent": intent,
        "indicators": list(inds),
        "areas": list(areas),
        "periods": {"from": pfrom, "to": pto},
        "comparison": comp,
        "n": n,
        "order": order,
    }


def UNKNOWN() -> dict:
    return R("unknown", [], [])


def fig(ind: str, area: str, period: str, value: float) -> dict:
    return {"indicator_id": ind, "area_code": area, "period": period, "value": value}


def nat_token(ds: str) -> str:
    return "england" if ds == "oflog" else "scotland"


class Pool:
    """Cycles through a shuffled list so picks spread widely over every candidate."""

    def __init__(self, items):
        self.items = list(items)
        self.queue: list = []

    def next(self):
        if not self.queue:
            self.queue = list(self.items)
            rng.shuffle(self.queue)
        return self.queue.pop()


OFLOG_HOMES = Pool(D.oflog_homes)
LGBF_HOMES = Pool(D.lgbf_all)
OFLOG_NAMED = Pool(D.oflog_homes)
LGBF_NAMED = Pool(D.lgbf_all)
SAMPLE_NAMED = Pool([c for c in D.sample_nn if c != SAMPLE_HOME])
OFLOG_IND = Pool(list(OFLOG_MEASURES))
OFLOG_RANKABLE = Pool([i for i in OFLOG_MEASURES if D.polarity("oflog", i)])
LGBF_IND = Pool(list(LGBF_MEASURES))
LGBF_RANKABLE = Pool([i for i in LGBF_MEASURES if D.polarity("lgbf", i)])
SAMPLE_IND = Pool(list(SAMPLE_MEASURES))
SAMPLE_ANNUAL_ONLY = [i for i in SAMPLE_MEASURES if not D.quarters("sample", i, SAMPLE_HOME)]
SAMPLE_WITH_Q = [i for i in SAMPLE_MEASURES if D.quarters("sample", i, SAMPLE_HOME)]


def home_pool(ds):
    return {"oflog": OFLOG_HOMES, "lgbf": LGBF_HOMES}.get(ds)


def named_pool(ds):
    return {"oflog": OFLOG_NAMED, "lgbf": LGBF_NAMED, "sample": SAMPLE_NAMED}[ds]


def ind_pool(ds, rankable=False):
    if ds == "oflog":
        return OFLOG_RANKABLE if rankable else OFLOG_IND
    if ds == "lgbf":
        return LGBF_RANKABLE if rankable else LGBF_IND
    return SAMPLE_IND


def pick_home(ds):
    return SAMPLE_HOME if ds == "sample" else home_pool(ds).next()


def pick_named(ds, exclude=()):
    for _ in range(100):
        c = named_pool(ds).next()
        if c not in exclude:
            return c
    raise RuntimeError("no council")


def pick_ind(ds, area=None, rankable=False, extra=()):
    for _ in range(200):
        i = ind_pool(ds, rankable).next()
        if area is not None and not D.series(ds, i, area):
            continue
        if any(not D.series(ds, i, a) for a in extra):
            continue
        return i
    raise RuntimeError("no indicator")


def held_periods(ds, ind, area):
    return list(D.series(ds, ind, area))


def latest_value_fig(ds, ind, area):
    """Figure for a 'latest' single value, or None when the latest is not clear-cut (sample quarters)."""
    if ds == "sample" and D.quarters(ds, ind, area):
        return None
    p = D.latest(ds, ind, area)
    return fig(ind, area, p, D.value(ds, ind, area, p)) if p else None


# ---------------------------------------------------------------------------------------------------- items

ITEMS: list[dict] = []
SEEN: set[str] = set()


def core(t: str) -> str:
    t = t.lower()
    for p in sorted({x.lower() for x in PREFIXES if x}, key=len, reverse=True):
        if t.startswith(p):
            t = t[len(p) :]
            break
    for x in sorted({x.lower() for x in SUFFIXES if x.strip(" ?")}, key=len, reverse=True):
        if t.rstrip("?").endswith(x):
            t = t.rstrip("?")[: -len(x)]
            break
    return re.sub(r"[^a-z0-9]+", " ", t.replace("'", "")).strip()


def add(family, ds, home, turns, expect, note, figures=None, expect_each=None) -> bool:
    turns = [resolve(t) for t in turns]
    key = " || ".join(core(t) for t in turns)
    if key in SEEN:
        return False
    SEEN.add(key)
    item = {"id": None, "family": family, "dataset": ds, "home_area": home, "turns": list(turns),
            "expect": copy.deepcopy(expect)}
    if expect_each is not None:
        item["expect_each"] = expect_each
    if figures:
        item["figures"] = figures
    item["note"] = note
    ITEMS.append(item)
    return True


def fill(family, builder):
    for ds, want in COUNTS[family].items():
        got = 0
        tries = 0
        while got < want:
            tries += 1
            if tries > want * 60:
                raise RuntimeError(f"{family}/{ds}: only {got} of {want}")
            if builder(ds):
                got += 1


# ---------------------------------------------------------------------------------------------------- value


VALUE_HOME_LATEST = [
    "what's our {m}?",
    "{m} - where are we at the moment?",
    "hows our {m} looking currently",
    "can you give me the latest figure for {m}",
    "what's the council's {m} now",
    "r we ok on {m}? just need the latest number",
    "latest on {m} for us",
    "where are we on {m} at the moment",
]
VALUE_HOME_YEAR = [
    "what was our {m} in {p}?",
    "{m} {p}?",
    "can u pull {m} for {p}",
    "what did {m} look like for us in {p}",
    "our {m} figure for {p}",
    "need the {p} number for {m}",
]
VALUE_NAMED_LATEST = [
    "what's {cp} {m}?",
    "{m} for {c}?",
    "how is {c} doing on {m} at the moment",
    "latest {m} figure for {c}",
    "whats {c} like on {m} currently",
    "{c} - {m}, latest",
]
VALUE_NAMED_YEAR = [
    "what was {cp} {m} in {p}?",
    "{c} {m} {p}",
    "can you look up {m} for {c} in {p}",
    "{m} for {c}, {p}",
    "how did {c} do on {m} in {p}",
]


def value_question(ds, area, ind, period, named):
    m = mtext(ds, ind, home=not named)
    if named:
        c = name_form(ds, area)
        if period:
            tpl = rng.choice(VALUE_NAMED_YEAR)
        else:
            tpl = rng.choice(VALUE_NAMED_LATEST)
        text = tpl.format(m=m, c=c, cp=poss(c), p=ptext(period) if period else "")
    else:
        tpl = rng.choice(VALUE_HOME_YEAR if period else VALUE_HOME_LATEST)
        text = tpl.format(m=m, p=ptext(period) if period else "")
    return text


def build_value(ds, named=False, family="value"):
    home = pick_home(ds)
    area = pick_named(ds, exclude=(home,)) if named else home
    ind = pick_ind(ds, area=area)
    held = held_periods(ds, ind, area)
    quarter = None
    if ds == "sample" and not named and ind in SAMPLE_WITH_Q and rng.random() < 0.4:
        quarter = rng.choice(list(D.quarters(ds, ind, area)))
    if quarter:
        m = mtext(ds, ind, home=True)
        text = noisy(rng.choice(["what was our {m} in {q}?", "{m} for {q}", "how did we do on {m} in {q}"]).format(
            m=m, q=qtext(quarter)))
        exp = R("value", [ind], [area], None, quarter)
        f = [fig(ind, area, quarter, D.value(ds, ind, area, quarter))]
        return add(family, ds, home, [text], exp, f"{ind} for the home in a held quarter", f)
    period = rng.choice(held) if rng.random() < 0.55 else None
    text = noisy(value_question(ds, area, ind, period, named))
    exp = R("value", [ind], [area], None, period)
    if period:
        f = [fig(ind, area, period, D.value(ds, ind, area, period))]
    else:
        lf = latest_value_fig(ds, ind, area)
        f = [lf] if lf else None
    who = "named council" if named else "home"
    return add(family, ds, home, [text], exp, f"{ind} value for the {who}, {'year ' + period if period else 'latest'}",
               f)


# ---------------------------------------------------------------------------------------------------- names family


NAMES_COMPARE = [
    "{m}: {c1} vs {c2}",
    "compare {c1} and {c2} on {m}",
    "how does {c1} compare with {c2} for {m}?",
    "{c1} or {c2} - who's better on {m}",
]


def build_names(ds):
    if rng.random() < 0.8:
        return build_value(ds, named=True, family="names")
    home = pick_home(ds)
    c1 = pick_named(ds, exclude=(home,))
    c2 = pick_named(ds, exclude=(home, c1))
    ind = pick_ind(ds, area=c1, extra=(c2,))
    tpls = NAMES_COMPARE if D.polarity(ds, ind) else NAMES_COMPARE[:3]
    text = noisy(rng.choice(tpls).format(m=mtext(ds, ind), c1=name_form(ds, c1), c2=name_form(ds, c2)))
    exp = R("compare", [ind], [c1, c2], None, None, "area")
    return add("names", ds, home, [text], exp, f"{ind}: two named councils compared, in the order asked")


# ---------------------------------------------------------------------------------------------------- span / trend


def since_reading(ds, ind, area, y):
    latest = D.latest(ds, ind, area)
    if latest is None or fy_start(latest) <= y:
        return None
    return R("trend", [ind], [area], fy(y), latest)


def span_figs(ds, ind, area, a, b):
    va, vb = D.value(ds, ind, area, a), D.value(ds, ind, area, b)
    if va is None or vb is None:
        return None
    return [fig(ind, area, a, va), fig(ind, area, b, vb)]


SPAN_EXPLICIT = [
    "how has {w}{m} changed between {a} and {b}?",
    "{m} from {a} to {b}{forc}",
    "{m}: {a} -> {b}{forc}",
    "show me {w}{m} {a} to {b}",
    "can I see {m}{forc} between {a} and {b}",
]
SPAN_SINCE = [
    "how has {w}{m} changed since {y}?",
    "{m} since april {y}{forc}",
    "has {w}{m} improved since {y}",
    "what's happened to {w}{m} since {y}",
]
SPAN_LASTN = [
    "what's the {n}-year trend on {w}{m}",
    "{m} over the last {nw} years{forc}",
    "past {nw} years of {m}{forc}",
    "how has {w}{m} moved over the last {nw} years",
]


def build_span(ds):
    home = pick_home(ds)
    named = rng.random() < 0.3
    area = pick_named(ds, exclude=(home,)) if named else home
    ind = pick_ind(ds, area=area)
    held = held_periods(ds, ind, area)
    if len(held) < 3:
        return False
    c = name_form(ds, area) if named else None
    w = (poss(c) + " ") if named else "our "
    forc = (" for " + c) if named else ""
    kind = rng.choice(["explicit", "since", "lastn"])
    if kind == "explicit":
        a, b = sorted(rng.sample(held, 2))
        if a == b:
            return False
        text = rng.choice(SPAN_EXPLICIT).format(w=w, m=mtext(ds, ind, not named), a=ptext(a), b=ptext(b), forc=forc)
        exp = R("trend", [ind], [area], a, b)
        f = span_figs(ds, ind, area, a, b)
        note = f"{ind} explicit span {a} to {b}"
    elif kind == "since":
        y = fy_start(rng.choice(held[:-1]))
        exp = since_reading(ds, ind, area, y)
        if exp is None:
            return False
        tpls = SPAN_SINCE if D.polarity(ds, ind) else [t for t in SPAN_SINCE if "improved" not in t]
        text = rng.choice(tpls).format(w=w, m=mtext(ds, ind, not named), y=y, forc=forc)
        f = span_figs(ds, ind, area, exp["periods"]["from"], exp["periods"]["to"])
        note = f"{ind} since {y}: to the council's latest held year"
    else:
        n = rng.choice([3, 4, 5])
        latest = D.latest(ds, ind, area)
        start = fy(fy_start(latest) - n)
        text = rng.choice(SPAN_LASTN).format(w=w, m=mtext(ds, ind, not named), n=n, nw=nword(n), forc=forc)
        exp = R("trend", [ind], [area], start, latest)
        f = span_figs(ds, ind, area, start, latest)
        note = f"{ind} last {n} years from the latest held year"
    return add("span", ds, home, [noisy(text)], exp, note, f)


TREND_TPL = [
    "is {w}{m} getting better?",
    "direction of travel on {w}{m}?",
    "has {w}{m} been improving or getting worse",
    "whats the trend in {m}{forc}",
    "{m}{forc} - which way is it heading?",
    "hows {w}{m} trending",
    "is {w}{m} going the right way over time",
]


def build_trend(ds):
    home = pick_home(ds)
    named = rng.random() < 0.3
    area = pick_named(ds, exclude=(home,)) if named else home
    ind = pick_ind(ds, area=area)
    tpls = TREND_TPL if D.polarity(ds, ind) else [TREND_TPL[3], TREND_TPL[4], TREND_TPL[5]]
    c = name_form(ds, area) if named else None
    w = (poss(c) + " ") if named else "our "
    forc = (" for " + c) if named else ""
    text = noisy(rng.choice(tpls).format(w=w, m=mtext(ds, ind, not named), forc=forc))
    return add("trend", ds, home, [text], R("trend", [ind], [area]), f"{ind} trend wording, no span")


# ---------------------------------------------------------------------------------------------------- compare

CMP_AREA = [
    "how do we compare with {c} on {m}{pp}?",
    "us vs {c} on {m}{pp}",
    "are we doing better or worse than {c} for {m}{pp}",
    "how does our {m} stack up against {c}{pp}",
    "compare our {m} with {c}{pp}",
]
CMP_AREA_2 = [
    "compare us with {c} and {c2} on {m}{pp}",
    "how do we do on {m} next to {c} and {c2}{pp}?",
]
CMP_NB = {
    "oflog": ["our CIPFA nearest neighbours", "our nearest neighbours", "similar councils", "our comparator group"],
    "lgbf": ["our family group", "similar councils", "the other councils in our family group", "our comparator group"],
    "sample": ["our nearest neighbours", "similar councils", "our comparator group", "our neighbour councils"],
}
CMP_NB_TPL = [
    "how do we compare to {g} on {m}{pp}",
    "{m}{pp} - us vs {g}",
    "benchmark our {m} against {g}{pp}",
    "how does our {m} look next to {g}{pp}?",
]
CMP_NAT = {
    "oflog": ["the England average", "the national average", "England as a whole", "the national figure"],
    "lgbf": ["the Scottish average", "the national average", "Scotland as a whole", "the Scotland figure"],
}
CMP_NAT_TPL = [
    "how do we compare with {g} on {m}{pp}?",
    "are we above or below {g} for {m}{pp}",
    "our {m} vs {g}{pp}",
]


def build_compare(ds):
    home = pick_home(ds)
    ind = pick_ind(ds, area=home)
    held = held_periods(ds, ind, home)
    period = rng.choice(held) if rng.random() < 0.35 else None
    pp = (" in " + ptext(period)) if period else ""
    kinds = ["area", "area", "area2", "nb", "nb"] + (["nat", "nat"] if ds != "sample" else [])
    kind = rng.choice(kinds)
    m = mtext(ds, ind)
    if kind in ("area", "area2"):
        c = pick_named(ds, exclude=(home,))
        if kind == "area2":
            c2 = pick_named(ds, exclude=(home, c))
            text = rng.choice(CMP_AREA_2).format(c=name_form(ds, c), c2=name_form(ds, c2), m=m, pp=pp)
            exp = R("compare", [ind], [home, c, c2], None, period, "area")
        else:
            tpls = CMP_AREA if D.polarity(ds, ind) else [CMP_AREA[0], CMP_AREA[1], CMP_AREA[4]]
            text = rng.choice(tpls).format(c=name_form(ds, c), m=m, pp=pp)
            exp = R("compare", [ind], [home, c], None, period, "area")
        note = f"{ind}: home vs named council(s)"
    elif kind == "nb":
        text = rng.choice(CMP_NB_TPL).format(g=rng.choice(CMP_NB[ds]), m=m, pp=pp)
        exp = R("compare", [ind], [home, "neighbours"], None, period, "neighbours")
        note = f"{ind}: home vs its comparator group"
    else:
        text = rng.choice(CMP_NAT_TPL).format(g=rng.choice(CMP_NAT[ds]), m=m, pp=pp)
        exp = R("compare", [ind], [home, nat_token(ds)], None, period, "national")
        note = f"{ind}: home vs the national figure"
    return add("compare", ds, home, [noisy(text)], exp, note)


# ---------------------------------------------------------------------------------------------------- rank

GROUP_TXT = {
    ("oflog", "neighbours"): ["among our nearest neighbours", "in our CIPFA nearest neighbour group",
                              "among similar councils", "in our comparator group", "out of our statistical neighbours"],
    ("lgbf", "neighbours"): ["in our family group", "among our family group councils", "among similar councils",
                             "in our benchmarking family group"],
    ("sample", "neighbours"): ["among our nearest neighbours", "among similar councils", "in our comparator group",
                               "in our neighbour group"],
    ("oflog", "national"): ["in England", "across England", "nationally", "in the whole country"],
    ("lgbf", "national"): ["in Scotland", "across Scotland", "out of all 32 councils", "among Scottish councils"],
}

RANK_BEST_N = [
    "top {n} councils {g} for {m}",
    "who are the {n} best performers {g} on {m}?",
    "which {n} councils lead the way {g} on {m}",
    "show me the league leaders {g} for {m} - top {n}",
    "{m}: which {n} councils {g} do best?",
    "list the top {n} {g} on {m}",
]
RANK_WORST_N = [
    "bottom {n} {g} for {m}",
    "which {n} councils are bottom of the pile {g} on {m}?",
    "who are the {n} worst performers {g} for {m}",
    "{m} - show me the {n} weakest councils {g}",
    "which {n} councils {g} do worst on {m}",
]
RANK_BEST_1 = [
    "who's top of the league {g} for {m}?",
    "which council is best {g} on {m}",
    "who tops the table {g} on {m}?",
    "which council leads {g} on {m}",
]
RANK_WORST_1 = [
    "who's propping up the table {g} on {m}?",
    "which council is bottom of the pile {g} for {m}",
    "which council does worst {g} on {m}?",
    "who's at the bottom of the league {g} for {m}",
]
# Polarity-aware: "highest" is best when higher is better and worst when lower is better.
RANK_HIGH_N = ["which {n} councils {g} have the highest figures for {m}?", "the {n} highest {g} for {m}"]
RANK_LOW_N = ["which {n} councils {g} have the lowest figures for {m}?", "the {n} lowest {g} for {m}"]

POS_TPL = [
    "where do we rank {g} on {m}{pp}?",
    "what position are we {g} for {m}{pp}",
    "where do we sit in the league table {g} for {m}{pp}",
    "hows our ranking {g} on {m}{pp}",
    "what's our rank {g} for {m}{pp}?",
    "{m}{pp} - where do we come {g}?",
]


def rank_text(ds, ind, group, n, order, pp=""):
    g = rng.choice(GROUP_TXT[(ds, group)])
    m = mtext(ds, ind)
    pol = D.polarity(ds, ind)
    if n == 1:
        tpl = rng.choice(RANK_BEST_1 if order == "best" else RANK_WORST_1)
    else:
        hi_is = "best" if pol == "higher" else "worst"
        if rng.random() < 0.25:
            tpl = rng.choice(RANK_HIGH_N if order == hi_is else RANK_LOW_N)
        else:
            tpls = RANK_BEST_N if order == "best" else RANK_WORST_N
            if pol == "lower":
                # "top 5 for turnover" could mean the highest figures: use performance words only.
                tpls = [t for t in tpls if not re.match(r"(top|bottom|list the top)", t)]
            tpl = rng.choice(tpls)
    text = tpl.format(n=nword(n), g=g, m=m)
    if pp:
        text = text.rstrip("?") + pp + ("?" if text.endswith("?") else "")
    return text


def group_token(ds, group):
    return "neighbours" if group == "neighbours" else nat_token(ds)


def rank_sizes(ds, group):
    if group == "national":
        return [1, 3, 5, 5, 10]
    if ds == "lgbf":
        return [1, 3, 3, 5]
    return [1, 3, 5, 5]


def build_rank(ds):
    home = pick_home(ds)
    group = "neighbours" if ds == "sample" else rng.choice(["neighbours", "national"])
    ind = pick_ind(ds, area=home, rankable=True)
    members = D.group_members(ds, ind, home, group)
    token = group_token(ds, group)
    if rng.random() < 0.3:
        # position question
        held = held_periods(ds, ind, home)
        period = rng.choice(held) if rng.random() < 0.3 else None
        per = period or D.ranking_period(ds, ind, members)
        v = D.value(ds, ind, home, per) if per else None
        if v is None:
            return False
        pp = (" in " + ptext(period)) if period else ""
        text = rng.choice(POS_TPL).format(g=rng.choice(GROUP_TXT[(ds, group)]), m=mtext(ds, ind), pp=pp)
        exp = R("rank", [ind], [home, token], None, period, "ranking")
        return add("rank", ds, home, [noisy(text)], exp, f"{ind}: home's position in {token} ({per})",
                   [fig(ind, home, per, v)])
    n = rng.choice(rank_sizes(ds, group))
    order = rng.choice(["best", "worst"])
    held_any = sorted({p for a in members for p in held_periods(ds, ind, a)})
    period = rng.choice(held_any[-6:]) if rng.random() < 0.25 and held_any else None
    rl = D.rank_list(ds, ind, members, period, n, order)
    if rl is None:
        return False
    per, listed, ok = rl
    if group == "national" and ds == "oflog" and any(a in D.oflog_excluded for a, _ in listed):
        return False
    pp = (" in " + ptext(period)) if period else ""
    text = rank_text(ds, ind, group, n, order, pp)
    exp = R("rank", [ind], [token], None, period, "ranking", n, order)
    figs = [fig(ind, a, per, v) for a, v in listed] if ok else None
    note = f"{ind}: {order} {n} in {token} ({per}){'' if ok else '; tie at the cut-off, no figures'}"
    return add("rank", ds, home, [noisy(text)], exp, note, figs)


# ---------------------------------------------------------------------------------------------------- overview

OVW_TPL = [
    "how are we doing on {s}?",
    "give me an overview of {s} performance",
    "{s} - overall picture for the committee",
    "can I get a rundown of how {s} is performing",
    "summary of our {s} indicators",
]
OVW_NAMED = [
    "how is {c} doing on {s} overall?",
    "overview of {s} for {c}",
    "{c}: how's {s} looking across the board",
]


def overview_inds(ds, area, svc):
    if ds == "oflog":
        return [i for i in sorted(OFLOG_MEASURES) if D.holds(ds, i, area)] or None
    if ds == "lgbf":
        codes = D.lgbf_info.index[D.lgbf_info["ISCategory"] == svc]
        return [c for c in codes if D.holds(ds, c, area)] or None
    return [i for i in SAMPLE_SERVICES[svc][0] if D.holds(ds, i, area)] or None


def build_overview(ds):
    home = pick_home(ds)
    named = rng.random() < 0.25
    area = pick_named(ds, exclude=(home,)) if named else home
    if ds == "oflog":
        svc, words = "asc", ["adult social care", "ASC", "adult care and support", "social care for adults"]
    elif ds == "lgbf":
        svc = rng.choice(sorted(LGBF_SERVICES))
        words = LGBF_SERVICES[svc]
    else:
        svc = rng.choice(sorted(SAMPLE_SERVICES))
        words = SAMPLE_SERVICES[svc][1]
    inds = overview_inds(ds, area, svc)
    if not inds:
        return False
    s = rng.choice(words)
    if named:
        text = rng.choice(OVW_NAMED).format(c=name_form(ds, area), s=s)
    else:
        text = rng.choice(OVW_TPL).format(s=s)
    exp = R("overview", inds, [area])
    return add("overview", ds, home, [noisy(text)], exp, f"overview of {svc} ({len(inds)} indicators held)")


# ---------------------------------------------------------------------------------------------------- target

TGT_LATEST = [
    "are we hitting target on {m}?",
    "{m} against target?",
    "are we on track with the {m} target",
    "how far off target are we on {m}",
    "is {m} meeting its target at the moment",
    "RAG for {m} vs target?",
]
TGT_YEAR = [
    "did we meet the target for {m} in {p}?",
    "{m} {p} - did we hit target",
    "were we on target for {m} in {p}",
    "how did {m} do against target in {p}",
]


def build_target(ds):
    home = SAMPLE_HOME
    ind = pick_ind(ds, area=home)
    kind = rng.choice(["latest", "year", "year", "quarter"])
    m = mtext(ds, ind, home=True)
    if kind == "quarter":
        qs = D.quarters(ds, ind, home)
        if not qs:
            return False
        q = rng.choice(list(qs))
        text = rng.choice(["did we hit the {m} target in {q}?", "{m} vs target for {q}"]).format(m=m, q=qtext(q))
        exp = R("target", [ind], [home], None, q)
        f = [fig(ind, home, q, qs[q])]
    elif kind == "year":
        p = rng.choice(held_periods(ds, ind, home))
        text = rng.choice(TGT_YEAR).format(m=m, p=ptext(p))
        exp = R("target", [ind], [home], None, p)
        f = [fig(ind, home, p, D.value(ds, ind, home, p))]
    else:
        text = rng.choice(TGT_LATEST).format(m=m)
        exp = R("target", [ind], [home])
        lf = latest_value_fig(ds, ind, home)
        f = [lf] if lf else None
    return add("target", ds, home, [noisy(text)], exp, f"{ind} against target ({kind})", f)


# ---------------------------------------------------------------------------------------------------- period not held

PNH_TPL = [
    "what was {w}{m} in {p}?",
    "{m}{forc} for {p}",
    "can you get me {m}{forc} {p}",
    "how did {w}{m} look in {p}",
]


def build_pnh(ds):
    home = pick_home(ds)
    named = ds != "sample" and rng.random() < 0.3
    area = pick_named(ds, exclude=(home,)) if named else home
    ind = pick_ind(ds, area=area)
    if ds == "sample" and ind in SAMPLE_WITH_Q:
        ind = rng.choice(SAMPLE_ANNUAL_ONLY)
    held = held_periods(ds, ind, area)
    if not held:
        return False
    first, last = fy_start(held[0]), fy_start(held[-1])
    gaps = [y for y in range(first, last) if fy(y) not in held]
    kinds = ["before", "after", "quarter"] + (["gap", "gap"] if gaps else [])
    kind = rng.choice(kinds)
    if kind == "before":
        asked = fy(first - rng.choice([1, 2, 3]))
    elif kind == "after":
        asked = fy(last + rng.choice([1, 2]))
    elif kind == "gap":
        asked = fy(rng.choice(gaps))
    else:
        base = rng.choice(held + [fy(last + 1)] if ds == "sample" else held)
        asked = f"{base} Q{rng.choice([1, 2, 3, 4])}"
    close = D.closest_held(ds, ind, area, asked)
    if close is None:
        return False
    c = name_form(ds, area) if named else None
    w = (poss(c) + " ") if named else "our "
    forc = (" for " + c) if named else ""
    p = qtext(asked) if "Q" in asked else ptext(asked)
    text = noisy(rng.choice(PNH_TPL).format(w=w, m=mtext(ds, ind, not named), forc=forc, p=p))
    exp = R("value", [ind], [area], None, asked)
    f = [fig(ind, area, close, D.value(ds, ind, area, close))]
    return add("period_not_held", ds, home, [text], exp, f"{ind}: {asked} not held ({kind}); closest {close}", f)


# ---------------------------------------------------------------------------------------------------- unknown

CHITCHAT = [
    "thanks, thats great",
    "who won the match last night?",
    "can you book me a room for thursday's meeting",
    "what's the weather doing in the afternoon",
    "lol ok",
    "tell me a joke",
    "is the canteen open today",
    "hello?",
]


UNKNOWN_KINDS = {
    "oflog": Pool(["welsh", "district", "district", "madeup", "nodata", "chat", "cross", "cross", "cross", "welsh"]),
    "lgbf": Pool(["welsh", "madeup", "nodata", "chat", "cross", "cross", "cross", "welsh", "madeup", "nodata"]),
    "sample": Pool(["welsh", "madeup", "nodata", "chat", "cross", "cross", "cross", "madeup", "nodata", "welsh"]),
}


def build_unknown(ds):
    home = pick_home(ds)
    kind = UNKNOWN_KINDS[ds].next()
    if kind == "welsh":
        ind = pick_ind(ds)
        text = rng.choice(["what's {c}'s {m}?", "how does {c} do on {m}", "{m} for {c} please"]).format(
            c=rng.choice(WELSH_NI), m=mtext(ds, ind))
        note = "Welsh / Northern Irish council"
    elif kind == "district":
        text = rng.choice(["what's {c}'s {m}?", "{m} for {c}?", "how is {c} doing on {m}"]).format(
            c=rng.choice(ENGLISH_DISTRICTS), m=mtext(ds, rng.choice(sorted(OFLOG_MEASURES))))
        note = "English district asked an Oflog measure"
    elif kind == "madeup":
        ind = pick_ind(ds)
        text = rng.choice(["what's {c}'s {m}?", "{m} for {c}", "how does {c} compare on {m}"]).format(
            c=rng.choice(MADE_UP), m=mtext(ds, ind))
        note = "made-up council"
    elif kind == "nodata":
        text = rng.choice(NO_DATA_QUESTIONS)
        note = "measure no dataset holds"
    elif kind == "chat":
        return add("unknown", ds, home, [rng.choice(CHITCHAT)], UNKNOWN(), "chit-chat")
    else:
        if ds == "oflog":
            ind = rng.choice([i for i in LGBF_MEASURES if i not in ("ENV06", "CORP07")])
            ref = "LGBF-only measure asked by an English home"
        elif ds == "lgbf":
            ind = rng.choice(["ASC1", "ASC2", "ASC3", "ASC4", "ASC5", "ASC6", "ASC7"])
            ref = "Oflog-only measure asked by a Scottish home"
        else:
            ind = rng.choice(["ASC1", "ASC2", "ASC3", "ASC4", "ASC5", "ASC6"])
            ref = "Oflog measure asked by the sample home"
        m = mtext(ds, ind, home=True)
        text = rng.choice(["what's our {m}?", "how are we doing on {m}", "{m} - latest for us?"]).format(m=m)
        note = ref
    return add("unknown", ds, home, [noisy(text)], UNKNOWN(), note)


# ---------------------------------------------------------------------------------------------------- follow-ups


def fu_value_year_council(ds, home):
    ind = pick_ind(ds, area=home)
    c = pick_named(ds, exclude=(home,))
    common = [p for p in held_periods(ds, ind, home) if D.value(ds, ind, c, p) is not None]
    if not common:
        return None
    p = rng.choice(common)
    t1 = value_question(ds, home, ind, None, False)
    t2 = rng.choice(["and in {p}?", "what about {p}?", "and back in {p}", "same for {p} pls"]).format(p=ptext(p))
    t3 = rng.choice(["what about {c}?", "and {c}?", "how about {c} that year", "same for {c}"]).format(
        c=name_form(ds, c))
    rs = [R("value", [ind], [home]), R("value", [ind], [home], None, p), R("value", [ind], [c], None, p)]
    return [t1, t2, t3], rs, [fig(ind, c, p, D.value(ds, ind, c, p))], "value; year change; council change"


def fu_value_measure_nb(ds, home):
    i1 = pick_ind(ds, area=home)
    i2 = pick_ind(ds, area=home)
    if i1 == i2:
        return None
    t1 = value_question(ds, home, i1, None, False)
    t2 = rng.choice(["and {m}?", "what about {m}?", "ok and {m}", "how about {m}"]).format(m=mtext(ds, i2, True))
    t3 = rng.choice(["how does that compare with {g}?", "and vs {g}?", "is that better than {g}"]).format(
        g=rng.choice(CMP_NB[ds]))
    if "better" in t3 and D.polarity(ds, i2) is None:
        t3 = "how does that compare with " + rng.choice(CMP_NB[ds]) + "?"
    rs = [R("value", [i1], [home]), R("value", [i2], [home]),
          R("compare", [i2], [home, "neighbours"], None, None, "neighbours")]
    return [t1, t2, t3], rs, None, "value; measure change; neighbour comparison"


def fu_rank_flip_group(ds, home):
    ind = pick_ind(ds, area=home, rankable=True)
    n = rng.choice([3, 5]) if ds != "lgbf" else 3
    o1 = rng.choice(["best", "worst"])
    o2 = "worst" if o1 == "best" else "best"
    t1 = rank_text(ds, ind, "neighbours", n, o1)
    t2 = rng.choice(["and the bottom {n}?", "now the worst {n}", "and the {n} at the bottom?"] if o2 == "worst" else
                    ["and the top {n}?", "now the best {n}", "and the {n} at the top?"]).format(n=nword(n))
    rs = [R("rank", [ind], ["neighbours"], None, None, "ranking", n, o1),
          R("rank", [ind], ["neighbours"], None, None, "ranking", n, o2)]
    turns = [t1, t2]
    if ds != "sample":
        t3 = rng.choice(["what about {g}?", "and {g}?", "same but {g}"]).format(
            g=rng.choice(GROUP_TXT[(ds, "national")]))
        turns.append(t3)
        rs.append(R("rank", [ind], [nat_token(ds)], None, None, "ranking", n, o2))
    else:
        i2 = pick_ind(ds, area=home)
        if i2 == ind or not D.polarity(ds, i2):
            return None
        turns.append(rng.choice(["and for {m}?", "same for {m}"]).format(m=mtext(ds, i2)))
        rs.append(R("rank", [i2], ["neighbours"], None, None, "ranking", n, o2))
    return turns, rs, None, "rank list; direction flip; group/measure change"


def fu_position(ds, home):
    ind = pick_ind(ds, area=home, rankable=True)
    i2 = pick_ind(ds, area=home, rankable=True)
    if i2 == ind:
        return None
    t1 = rng.choice(POS_TPL).format(g=rng.choice(GROUP_TXT[(ds, "neighbours")]), m=mtext(ds, ind), pp="")
    rs = [R("rank", [ind], [home, "neighbours"], None, None, "ranking")]
    turns = [t1]
    if ds != "sample":
        turns.append(rng.choice(["and {g}?", "what about {g}?", "and where are we {g}"]).format(
            g=rng.choice(GROUP_TXT[(ds, "national")])))
        rs.append(R("rank", [ind], [home, nat_token(ds)], None, None, "ranking"))
        tok = nat_token(ds)
    else:
        tok = "neighbours"
    turns.append(rng.choice(["what about for {m}?", "and {m}?", "same question for {m}"]).format(m=mtext(ds, i2)))
    rs.append(R("rank", [i2], [home, tok], None, None, "ranking"))
    if rng.random() < 0.4:
        p = rng.choice(held_periods(ds, i2, home))
        turns.append(rng.choice(["and in {p}?", "what was it in {p}"]).format(p=ptext(p)))
        rs.append(R("rank", [i2], [home, tok], None, p, "ranking"))
    return turns, rs, None, "position; group change; measure change"


def fu_since_council_ours(ds, home):
    ind = pick_ind(ds, area=home)
    c = pick_named(ds, exclude=(home,))
    hh = held_periods(ds, ind, home)
    if len(hh) < 3 or not D.series(ds, ind, c):
        return None
    y = fy_start(rng.choice(hh[:-2]))
    r1 = since_reading(ds, ind, home, y)
    r2 = since_reading(ds, ind, c, y)
    if r1 is None or r2 is None:
        return None
    p = rng.choice(hh)
    tpls = SPAN_SINCE if D.polarity(ds, ind) else [t for t in SPAN_SINCE if "improved" not in t]
    t1 = rng.choice(tpls).format(w="our ", m=mtext(ds, ind, True), y=y, forc="")
    t2 = rng.choice(["and for {c}?", "what about {c}?", "same for {c}"]).format(c=name_form(ds, c))
    t3 = rng.choice(["what was ours in {p}?", "and what was our figure in {p}", "ok, ours in {p}?"]).format(
        p=ptext(p))
    rs = [r1, r2, R("value", [ind], [home], None, p)]
    return [t1, t2, t3], rs, [fig(ind, home, p, D.value(ds, ind, home, p))], "since-trend; council change; ours"


def fu_compare_nb_year(ds, home):
    ind = pick_ind(ds, area=home)
    c = pick_named(ds, exclude=(home,))
    p = rng.choice(held_periods(ds, ind, home))
    t1 = rng.choice(CMP_AREA[:2] + CMP_AREA[4:]).format(c=name_form(ds, c), m=mtext(ds, ind), pp="")
    t2 = rng.choice(["and against {g}?", "what about {g}?", "and compared with {g}"]).format(g=rng.choice(CMP_NB[ds]))
    t3 = rng.choice(["and in {p}?", "same for {p}", "what did that look like in {p}"]).format(p=ptext(p))
    rs = [R("compare", [ind], [home, c], None, None, "area"),
          R("compare", [ind], [home, "neighbours"], None, None, "neighbours"),
          R("compare", [ind], [home, "neighbours"], None, p, "neighbours")]
    return [t1, t2, t3], rs, None, "compare area; to neighbours; year change"


def fu_named_then_ours(ds, home):
    ind = pick_ind(ds, area=home)
    c = pick_named(ds, exclude=(home,))
    if not D.series(ds, ind, c):
        return None
    p = rng.choice(held_periods(ds, ind, home))
    t1 = value_question(ds, c, ind, None, True)
    t2 = rng.choice(["what was ours in {p}?", "and ours in {p}", "what about us in {p}?"]).format(p=ptext(p))
    rs = [R("value", [ind], [c]), R("value", [ind], [home], None, p)]
    return [t1, t2], rs, [fig(ind, home, p, D.value(ds, ind, home, p))], "named value; back to ours in a year"


def fu_rank_size_year(ds, home):
    ind = pick_ind(ds, area=home, rankable=True)
    group = "neighbours" if ds == "sample" else rng.choice(["neighbours", "national"])
    n1, n2 = (5, 3) if ds != "lgbf" or group == "national" else (3, 1)
    if group == "national" and rng.random() < 0.5:
        n1, n2 = 5, 10
    order = rng.choice(["best", "worst"])
    members = D.group_members(ds, ind, home, group)
    years = sorted({p for a in members for p in held_periods(ds, ind, a)})
    if not years:
        return None
    p = rng.choice(years[-5:])
    t1 = rank_text(ds, ind, group, n1, order)
    if n2 == 1:
        t2 = "just the " + ("top one" if order == "best" else "bottom one") + rng.choice(["", " please"])
    elif n2 < n1:
        t2 = rng.choice(["just the {k} {n} please", "only the {k} {n}", "cut it to {n}"]).format(
            k="top" if order == "best" else "bottom", n=nword(n2))
    else:
        t2 = rng.choice(["make it {n}", "can you extend that to {n}", "give me {n} instead"]).format(n=nword(n2))
    t3 = rng.choice(["and for {p}?", "same for {p}", "what did it look like in {p}"]).format(p=ptext(p))
    tok = group_token(ds, group)
    rs = [R("rank", [ind], [tok], None, None, "ranking", n1, order),
          R("rank", [ind], [tok], None, None, "ranking", n2, order),
          R("rank", [ind], [tok], None, p, "ranking", n2, order)]
    return [t1, t2, t3], rs, None, "rank list; size change; year change"


def fu_national_measure(ds, home):
    if ds == "sample":
        return None
    i1 = pick_ind(ds, area=home)
    i2 = pick_ind(ds, area=home)
    if i1 == i2:
        return None
    t1 = rng.choice(CMP_NAT_TPL).format(g=rng.choice(CMP_NAT[ds]), m=mtext(ds, i1), pp="")
    t2 = rng.choice(["and for {m}?", "what about {m}?", "same for {m}"]).format(m=mtext(ds, i2))
    rs = [R("compare", [i1], [home, nat_token(ds)], None, None, "national"),
          R("compare", [i2], [home, nat_token(ds)], None, None, "national")]
    turns = [t1, t2]
    if rng.random() < 0.5:
        p = rng.choice(held_periods(ds, i2, home))
        turns.append(rng.choice(["and in {p}?", "what was it like in {p}"]).format(p=ptext(p)))
        rs.append(R("compare", [i2], [home, nat_token(ds)], None, p, "national"))
    return turns, rs, None, "national comparison; measure change"


def fu_value_trend(ds, home):
    ind = pick_ind(ds, area=home)
    if not D.polarity(ds, ind):
        return None
    c = pick_named(ds, exclude=(home,))
    if not D.series(ds, ind, c):
        return None
    t1 = value_question(ds, home, ind, None, False)
    t2 = rng.choice(["is that getting better?", "and which way is it heading", "is it improving over time?"])
    t3 = rng.choice(["and for {c}?", "same for {c}", "what about {c}"]).format(c=name_form(ds, c))
    rs = [R("value", [ind], [home]), R("trend", [ind], [home]), R("trend", [ind], [c])]
    return [t1, t2, t3], rs, None, "value; trend wording; council change"


def fu_span_measure(ds, home):
    i1 = pick_ind(ds, area=home)
    i2 = pick_ind(ds, area=home)
    h1, h2 = held_periods(ds, i1, home), held_periods(ds, i2, home)
    both = sorted(set(h1) & set(h2))
    if i1 == i2 or len(both) < 2:
        return None
    a, b = sorted(rng.sample(both, 2))
    t1 = rng.choice(SPAN_EXPLICIT).format(w="our ", m=mtext(ds, i1, True), a=ptext(a), b=ptext(b), forc="")
    t2 = rng.choice(["and {m} over the same period?", "same for {m}", "what about {m}?"]).format(m=mtext(ds, i2, True))
    rs = [R("trend", [i1], [home], a, b), R("trend", [i2], [home], a, b)]
    return [t1, t2], rs, span_figs(ds, i2, home, a, b), "explicit span; measure change keeps span"


def fu_long(ds, home):
    i1 = pick_ind(ds, area=home, rankable=True)
    c = pick_named(ds, exclude=(home,))
    common = [p for p in held_periods(ds, i1, home) if D.value(ds, i1, c, p) is not None]
    if not common:
        return None
    p = rng.choice(common)
    t1 = value_question(ds, home, i1, None, False)
    t2 = rng.choice(["and in {p}?", "what about {p}?"]).format(p=ptext(p))
    t3 = rng.choice(["how about {c}?", "and {c}?"]).format(c=name_form(ds, c))
    t4 = rng.choice(["where do we rank {g} on that?", "and what position are we {g}?"]).format(
        g=rng.choice(GROUP_TXT[(ds, "neighbours")]))
    rs = [R("value", [i1], [home]), R("value", [i1], [home], None, p), R("value", [i1], [c], None, p),
          R("rank", [i1], [home, "neighbours"], None, p, "ranking")]
    turns = [t1, t2, t3, t4]
    if ds != "sample" and rng.random() < 0.6:
        turns.append(rng.choice(["and {g}?", "and {g} that year?"]).format(g=rng.choice(GROUP_TXT[(ds, "national")])))
        rs.append(R("rank", [i1], [home, nat_token(ds)], None, p, "ranking"))
    return turns, rs, None, "long thread: value, year, council, back to our position, group"


FOLLOWUPS = [fu_value_year_council, fu_value_measure_nb, fu_rank_flip_group, fu_position, fu_since_council_ours,
             fu_compare_nb_year, fu_named_then_ours, fu_rank_size_year, fu_national_measure, fu_value_trend,
             fu_span_measure, fu_long]


def build_followup(ds):
    home = pick_home(ds)
    fn = rng.choice(FOLLOWUPS)
    out = fn(ds, home)
    if out is None:
        return False
    turns, rs, figs, note = out
    turns = [noisy(turns[0])] + [light(t) for t in turns[1:]]
    return add("followup", ds, home, turns, rs[-1], note, figs, expect_each=rs)


# ---------------------------------------------------------------------------------------------------- main


def main() -> None:
    fill("names", build_names)
    fill("rank", build_rank)
    fill("followup", build_followup)
    fill("value", build_value)
    fill("span", build_span)
    fill("trend", build_trend)
    fill("compare", build_compare)
    fill("overview", build_overview)
    fill("target", build_target)
    fill("period_not_held", build_pnh)
    fill("unknown", build_unknown)

    counters: dict[str, int] = {}
    for it in ITEMS:
        counters[it["family"]] = counters.get(it["family"], 0) + 1
        it["id"] = f"b11-{it['family']}-11{counters[it['family']]:03d}"

    dev: list[dict] = []
    hold: list[dict] = []
    groups: dict[tuple[str, str], list[dict]] = {}
    for it in ITEMS:
        groups.setdefault((it["family"], it["dataset"]), []).append(it)
    for key in sorted(groups):
        g = list(groups[key])
        rng.shuffle(g)
        for k, it in enumerate(g):
            (dev if k % 2 == 0 else hold).append(it)
    order = {it["id"]: k for k, it in enumerate(ITEMS)}
    for name, items in (("dev", dev), ("holdout", hold)):
        items.sort(key=lambda it: order[it["id"]])
        doc = {"set": f"{SET}_{name}", "seed": SEED, "count": len(items), "items": items}
        with open(HERE / f"{name}.yaml", "w") as fh:
            yaml.safe_dump(doc, fh, sort_keys=False, allow_unicode=True, width=1000)
    print(f"dev {len(dev)}  holdout {len(hold)}  total {len(ITEMS)}")
    for key in sorted(groups):
        nd = sum(1 for it in dev if (it["family"], it["dataset"]) == key)
        print(f"  {key[0]:16s} {key[1]:7s} dev {nd:3d} holdout {len(groups[key]) - nd:3d}")


if __name__ == "__main__":
    main()
