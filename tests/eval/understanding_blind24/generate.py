"""Generate blind understanding set 24 from the raw files. Run from /work/main."""

import random
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import SAMPLE_HOME, Data, fy, fy_start  # noqa: E402
from phrases import (  # noqa: E402
    CHITCHAT,
    ENGLISH_DISTRICT_FORMS,
    ENGLISH_DISTRICTS,
    LGBF_ONLY,
    MADE_UP,
    OFLOG_M,
    OFLOG_NAMES,
    RESIDENT,
    SAMPLE_GROUPS,
    SAMPLE_M,
    WELSH_NI,
)

SEED = 24242424
OUT = Path(__file__).resolve().parent
rng = random.Random(SEED)
D = Data()
ITEMS: list[dict] = []
SEEN: set[str] = set()


def E(intent, inds=(), areas=(), frm=None, to=None, comparison=None, n=None, order=None):
    return {"intent": intent, "indicators": list(inds), "areas": list(areas),
            "periods": {"from": frm, "to": to}, "comparison": comparison, "n": n, "order": order}


UNK = E("unknown")


def add(family, ds, home, turns, expect, note, figures=None, expect_each=None):
    key = " || ".join(turns)
    if key in SEEN:
        return False
    SEEN.add(key)
    it = {"family": family, "dataset": ds, "home_area": home, "turns": list(turns), "expect": expect}
    if expect_each:
        it["expect_each"] = expect_each
    if figures:
        it["figures"] = figures
    it["note"] = note
    ITEMS.append(it)
    return True


def fig(ind, area, period, value):
    return {"indicator_id": ind, "area_code": area, "period": period, "value": value}


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def year_phrase(p):
    s = fy_start(p)
    return rng.choice([f"in {s}/{str(s + 1)[-2:]}", f"for {s}-{s + 1}", f"in FY{str(s)[-2:]}/{str(s + 1)[-2:]}",
                       f"{p}", f"in {s}"])


LATEST = ["", " at the moment", " currently", " now", " last year", " (latest)"]


def oflog_name_variants(code):
    out = []
    full = D.oflog_names[code].lower()
    others = [n.lower() for c, n in D.oflog_names.items() if c != code]
    for v in OFLOG_NAMES.get(code, []):
        if v.startswith("~"):
            t = v[1:]
            if lev(t, full) == 1 and min(lev(t, o) for o in others) >= 3:
                out.append(t)
        else:
            out.append(v)
    return out


def sample_name_variants(code):
    full = D.sample_names[code]
    base = full.replace(" District Council", "").replace(" Borough Council", "")
    suffix = "DC" if "District" in full else "BC"
    bases = [D.sample_names[c].split(" District")[0].split(" Borough")[0].lower() for c in D.sample_names]
    vs = [base, base.lower(), f"{base.lower()} {suffix.lower()}", full, f"{base} {suffix}"]
    t = base.lower()
    i = rng.randrange(2, len(t) - 1)
    typo = t[:i] + t[i + 1:]
    if " " not in t[i - 1:i + 1] and min(lev(typo, b) for b in bases if b != t) >= 3:
        vs.append(typo)
    return vs


OF_NAMED = [c for c in OFLOG_NAMES if c in D.oflog_valid]
OF_HOMES = list(D.oflog_valid)
NEIGHBOURS = [c for c in D.sample_group if c != SAMPLE_HOME]
S_INDS = sorted(SAMPLE_M)
ASC_ALL = sorted(OFLOG_M)


def oflog_home():
    return rng.choice(OF_HOMES)


# ------------------------------------------------------------------ names (30)
def build_names():
    n_of = 0
    tpl = ["whats the {m} for {name}", "{m} for {name}{p}?", "can u pull {name}'s {m}{p} pls",
           "{name} - {m}{p}, what's the figure", "quick q: {m} in {name}{p}",
           "for the briefing note, {name} {m}{p}?", "how does {name} score on {m}{p}"]
    while n_of < 16:
        code = rng.choice(OF_NAMED)
        vs = oflog_name_variants(code)
        ind = rng.choice([i for i in ASC_ALL if D.annual_periods("oflog", i, code)])
        ps = D.annual_periods("oflog", ind, code)
        home = rng.choice([h for h in OF_HOMES if h != code])
        if rng.random() < 0.5:
            per, pt, to = ps[-1], rng.choice(LATEST[:4]), None
        else:
            per = rng.choice(ps)
            pt, to = " " + year_phrase(per), per
        name = rng.choice(vs)
        q = rng.choice(tpl).format(m=rng.choice(OFLOG_M[ind]), name=name, p=pt)
        if "'s" in q and name.endswith("s"):
            continue
        fv = D.value("oflog", ind, code, per)
        if add("names", "oflog", home, [q], E("value", [ind], [code], to=to),
               f"named council '{name}' -> {code}", [fig(ind, code, per, fv)]):
            n_of += 1
    n_s = 0
    while n_s < 14:
        code = rng.choice(NEIGHBOURS)
        name = rng.choice(sample_name_variants(code))
        ind = rng.choice(S_INDS)
        ps = D.annual_periods("sample", ind, code)
        if rng.random() < 0.5:
            per, pt, to = ps[-1], rng.choice(LATEST[:4]), None
        else:
            per = rng.choice(ps)
            pt, to = " " + year_phrase(per), per
        q = rng.choice(tpl).format(m=rng.choice(SAMPLE_M[ind]), name=name, p=pt)
        if add("names", "sample", SAMPLE_HOME, [q], E("value", [ind], [code], to=to),
               f"neighbour '{name}' -> {code}", [fig(ind, code, per, D.value("sample", ind, code, per))]):
            n_s += 1


# ------------------------------------------------------------------ value (20)
VAL_TPL = ["whats our {m}{p}", "{m}{p}? need it for thursday's committee", "hi - could you tell me our {m}{p} please",
           "quick one, {m}{p}?", "cllr asked what our {m} was{p}, can you check", "our {m}{p} - what was the figure",
           "pls can I have the {m} figure for us{p}"]


def build_value():
    for ds, home_fn, inds, phr, want in (("sample", lambda: SAMPLE_HOME, S_INDS, SAMPLE_M, 11),
                                         ("oflog", oflog_home, ASC_ALL, OFLOG_M, 9)):
        k = 0
        while k < want:
            home = home_fn()
            ind = rng.choice(inds)
            ps = D.annual_periods(ds, ind, home)
            if not ps:
                continue
            if rng.random() < 0.5:
                per, pt, to = ps[-1], rng.choice(LATEST), None
            else:
                per = rng.choice(ps)
                pt, to = " " + year_phrase(per), per
            q = rng.choice(VAL_TPL).format(m=rng.choice(phr[ind]), p=pt)
            if add("value", ds, home, [q], E("value", [ind], [home], to=to), f"{ind} value, near-miss wording",
                   [fig(ind, home, per, D.value(ds, ind, home, per))]):
                k += 1


# ------------------------------------------------------------------ rank (15)
def rank_list(ds, home, ind, kind, n, order):
    members = D.group(ds, home, kind)
    per = D.rank_period(ds, ind, members)
    ranked = D.ranked(ds, ind, members, per, order)
    if len(ranked) <= n:
        return None
    if ranked[n - 1][1] == ranked[n][1]:
        return None
    top = ranked[:n]
    if ds == "oflog" and any(c not in D.oflog_valid for c, _ in top):
        return None  # stricter than the brief: any listed council that could not be a home drops the list
    return [fig(ind, c, per, v) for c, v in top]


def build_rank():
    k = 0
    best_w = {True: ("lowest", "highest"), False: ("highest", "lowest")}
    while k < 15:
        ds = "sample" if k % 2 == 0 else "oflog"
        home = SAMPLE_HOME if ds == "sample" else oflog_home()
        inds = S_INDS if ds == "sample" else ["ASC1", "ASC2", "ASC3", "ASC4", "ASC5", "ASC7"]
        ind = rng.choice(inds)
        m = rng.choice((SAMPLE_M if ds == "sample" else OFLOG_M)[ind])
        kind = "neighbours" if ds == "sample" else rng.choice(["neighbours", "england"])
        gtxt = rng.choice({"neighbours": ["among our nearest neighbours", "in our comparator group",
                                          "among similar councils", "in our cipfa group"],
                           "england": ["in england", "across england", "nationally"]}[kind])
        gtok = "neighbours" if kind == "neighbours" else "england"
        if rng.random() < 0.3:
            q = rng.choice([f"where do we rank {gtxt} for {m}", f"hows our {m} ranking {gtxt}",
                            f"what position are we {gtxt} on {m}", f"where do we sit {gtxt} on {m}?"])
            members = D.group(ds, home, kind)
            per = D.rank_period(ds, ind, members)
            v = D.value(ds, ind, home, per)
            if v is None:
                continue
            if add("rank", ds, home, [q], E("rank", [ind], [home, gtok], comparison="ranking"),
                   f"position of home among {gtok}", [fig(ind, home, per, v)]):
                k += 1
            continue
        n = rng.choice([1, 3, 5])
        order = rng.choice(["best", "worst"])
        lb = D.lower_better(ds, ind)
        word = best_w[lb][0 if order == "best" else 1]
        if n == 1:
            q = rng.choice([f"which council is the best {gtxt} on {m}", f"who has the {word} {m} {gtxt}?"]) \
                if order == "best" else f"who has the {word} {m} {gtxt}?"
        else:
            bw = "best" if order == "best" else "worst"
            q = rng.choice([f"top {n} {gtxt} for {m}" if order == "best" else f"bottom {n} {gtxt} for {m}",
                            f"which {n} councils {gtxt} have the {word} {m}",
                            f"can you list the {n} {bw} councils {gtxt} on {m} pls"])
        figs = rank_list(ds, home, ind, kind, n, order)
        if figs is None:
            continue
        if add("rank", ds, home, [q], E("rank", [ind], [gtok], comparison="ranking", n=n, order=order),
               f"{order} {n} among {gtok}, polarity {'lower' if lb else 'higher'} better", figs):
            k += 1


# ------------------------------------------------------------------ overview (15)
def build_overview():
    k = 0
    groups = sorted(SAMPLE_GROUPS)
    tpl = ["how are we doing on {s}?", "overview of {s} performance pls", "hows {s} looking overall",
           "can I get a quick summary of how {s} is performing for thursday", "{s} - how r we doing generally"]
    while k < 9:
        g = rng.choice(groups)
        inds, words = SAMPLE_GROUPS[g]
        q = rng.choice(tpl).format(s=rng.choice(words))
        if add("overview", "sample", SAMPLE_HOME, [q], E("overview", inds, [SAMPLE_HOME]), f"sample {g} grouping"):
            k += 1
    words = ["adult social care", "ASC", "adult social services", "social care for adults"]
    while k < 15:
        if k < 12:
            home = oflog_home()
            area, q = home, rng.choice(tpl).format(s=rng.choice(words))
        else:
            area = rng.choice(OF_NAMED)
            home = rng.choice([h for h in OF_HOMES if h != area])
            nm = rng.choice(oflog_name_variants(area))
            q = rng.choice([f"how is {nm} doing on {{s}}?", f"overview of {{s}} in {nm} pls"]).format(
                s=rng.choice(words))
        inds = sorted(D.held_inds("oflog", area))
        if add("overview", "oflog", home, [q], E("overview", inds, [area]), "oflog adult social care overview"):
            k += 1


# ------------------------------------------------------------------ followup (20)
def build_followup():
    k = 0
    while k < 20:
        kind = k % 6
        if kind in (0, 1, 2):
            ds, home, inds, phr = "sample", SAMPLE_HOME, S_INDS, SAMPLE_M
        else:
            ds, home, inds, phr = "oflog", oflog_home(), ["ASC1", "ASC2", "ASC3", "ASC4", "ASC5", "ASC7"], OFLOG_M
        i1, i2 = rng.sample(inds, 2)
        p1 = D.annual_periods(ds, i1, home)
        p2 = D.annual_periods(ds, i2, home)
        if len(p1) < 2 or not p2:
            continue
        figs = None
        if kind in (0, 3):
            y = rng.choice(p1[:-1])
            t = [rng.choice(VAL_TPL).format(m=rng.choice(phr[i1]), p=""), rng.choice(
                [f"and {year_phrase(y)}?", f"what about {y}", f"same but {year_phrase(y)} pls"])]
            ee = [E("value", [i1], [home]), E("value", [i1], [home], to=y)]
            figs = [fig(i1, home, y, D.value(ds, i1, home, y))]
            note = "value then change year"
            if kind == 3:
                other = rng.choice([c for c in OF_NAMED if c != home and D.value(ds, i1, c, y) is not None])
                t.append(rng.choice(["and {n}?", "what about {n}", "how about for {n}"]).format(
                    n=rng.choice(oflog_name_variants(other))))
                ee.append(E("value", [i1], [other], to=y))
                figs = [fig(i1, other, y, D.value(ds, i1, other, y))]
                note += " then change council"
        elif kind in (1, 4):
            g = "neighbours" if kind == 1 else rng.choice(["neighbours", "national"])
            gtxt = {"neighbours": rng.choice(["similar councils", "our nearest neighbours", "our comparator group"]),
                    "national": rng.choice(["england", "the england average", "the national figure"])}[g]
            gtok = "neighbours" if g == "neighbours" else "england"
            t = [f"how do we compare with {gtxt} on {rng.choice(phr[i1])}",
                 rng.choice(["what about {m}", "and {m}?", "same for {m} pls"]).format(m=rng.choice(phr[i2]))]
            ee = [E("compare", [i1], [home, gtok], comparison=g), E("compare", [i2], [home, gtok], comparison=g)]
            note = "compare then change measure"
        elif kind == 2:
            n = rng.choice([3, 5])
            t = [f"top {n} in our comparator group for {rng.choice(phr[i1])}",
                 rng.choice(["and the bottom {n}?", "now the worst {n}", "flip it - bottom {n}"]).format(n=n),
                 rng.choice(["same for {m}", "and for {m}?"]).format(m=rng.choice(phr[i2]))]
            ee = [E("rank", [i1], ["neighbours"], comparison="ranking", n=n, order="best"),
                  E("rank", [i1], ["neighbours"], comparison="ranking", n=n, order="worst"),
                  E("rank", [i2], ["neighbours"], comparison="ranking", n=n, order="worst")]
            note = "ranking keeps size/direction"
        else:
            s = fy_start(rng.choice(p1[:-1]))
            pe = [p for p in p2 if fy_start(p) >= s]
            if not pe or fy(s) not in p2 or fy(s) == p2[-1]:
                continue
            t = [f"how has our {rng.choice(phr[i1])} changed since {s}",
                 rng.choice(["and {m}?", "same for {m}", "what about {m} over the same period"]).format(
                     m=rng.choice(phr[i2]))]
            p1e = D.annual_periods(ds, i1, home)[-1]
            ee = [E("trend", [i1], [home], frm=fy(s), to=p1e), E("trend", [i2], [home], frm=fy(s), to=p2[-1])]
            a, b = D.value(ds, i2, home, fy(s)), D.value(ds, i2, home, p2[-1])
            figs = [fig(i2, home, fy(s), a), fig(i2, home, p2[-1], b)] if a is not None else None
            note = "trend since year then change measure"
        if add("followup", ds, home, t, ee[-1], note, figs, ee):
            k += 1


# ------------------------------------------------------------------ unknown (200)
def pick_period_txt():
    return rng.choice(["", " last year", " in 2022/23", " at the moment", " for 2021-22", ""])


def build_unknown():
    made = 0

    def u(ds, home, turns, note):
        nonlocal made
        if add("unknown", ds, home, turns, UNK, note):
            made += 1
            return True
        return False

    # A: sample district asked adult social care (25)
    a_tpl = ["whats our {m}{p}", "how r we doing on {m}", "{m} for us{p}?", "can you give me our {m} pls",
             "how do we compare with similar councils on {m}", "where do we rank for {m}",
             "has our {m} improved since 2018", "how are we doing on adult social care?",
             "adult social care overview for the district pls"]
    target = made + 25
    while made < target:
        ind = rng.choice(["ASC1", "ASC2", "ASC3", "ASC4", "ASC5", "ASC6"])
        u("sample", SAMPLE_HOME, [rng.choice(a_tpl).format(m=rng.choice(OFLOG_M[ind]), p=pick_period_txt())],
          "district (sample) home asking an Oflog adult social care measure")
    # B: sample home asking about councils it has no data for (20)
    real = [D.oflog_names[c] for c in OF_NAMED] + ["Fife", "Glasgow", "Highland Council", "Cherwell", "Maidstone"]
    b_tpl = ["whats {c}'s {m}", "{m} for {c}{p}?", "how is {c} doing on {m}", "{c}: {m}{p} pls",
             "can u get me the {m} for {c}{p}", "{c} - {m} latest?"]
    target = made + 20
    while made < target:
        ind = rng.choice(S_INDS)
        c = rng.choice(real)
        q = rng.choice(b_tpl).format(c=c, m=rng.choice(SAMPLE_M[ind]), p=pick_period_txt())
        if "s's" in q:
            continue
        u("sample", SAMPLE_HOME, [q], f"sample home asking about {c}, which its data does not hold")
    # C: English real homes asking LGBF-only measures (30) + sample home (5)
    c_tpl = ["whats our {m}{p}", "{m}{p}?", "how do we compare to england on {m}", "r we improving on {m}",
             "where do we rank on {m}", "can you tell me our {m} for the scrutiny report", "hows our {m} looking",
             "pls send {m} for us{p}"]
    target = made + 30
    while made < target:
        code, m = rng.choice(LGBF_ONLY)
        u("lgbf", oflog_home(), [rng.choice(c_tpl).format(m=m, p=pick_period_txt())],
          f"English home asking LGBF-only measure {code}")
    target = made + 5
    while made < target:
        code, m = rng.choice([x for x in LGBF_ONLY if x[0] not in ("ENV06", "ENV01a", "C&L01", "CORP07",
                                                                 "CORP04", "CORP06a")])
        u("sample", SAMPLE_HOME, [rng.choice(c_tpl).format(m=m, p=pick_period_txt())],
          f"sample home asking LGBF-only measure {code}")
    # D: Welsh / NI councils (15)
    target = made + 15
    while made < target:
        c = rng.choice(WELSH_NI)
        if rng.random() < 0.6:
            ind = rng.choice(ASC_ALL)
            u("oflog", oflog_home(), [rng.choice(b_tpl).format(c=c, m=rng.choice(OFLOG_M[ind]), p=pick_period_txt())
                                      .replace("s's", "s'")], f"Welsh/NI council {c}")
        else:
            ind = rng.choice(S_INDS)
            u("sample", SAMPLE_HOME, [rng.choice(b_tpl).format(c=c, m=rng.choice(SAMPLE_M[ind]),
                                                                p=pick_period_txt()).replace("s's", "s'")],
              f"Welsh/NI council {c}")
    # E: made-up councils (30)
    target = made + 30
    while made < target:
        c = rng.choice(MADE_UP)
        if rng.random() < 0.5:
            ind = rng.choice(ASC_ALL)
            ds, home, m = "oflog", oflog_home(), rng.choice(OFLOG_M[ind])
        else:
            ind = rng.choice(S_INDS)
            ds, home, m = "sample", SAMPLE_HOME, rng.choice(SAMPLE_M[ind])
        q = rng.choice(b_tpl + ["what does {c} look like on {m}{p}"]).format(
            c=c, m=m, p=pick_period_txt()).replace("s's", "s'")
        u(ds, home, [q], f"made-up council '{c}'")
    # F: English districts asked Oflog measures (15)
    target = made + 15
    while made < target:
        d = rng.choice(ENGLISH_DISTRICTS)
        c = rng.choice(ENGLISH_DISTRICT_FORMS).format(d=d, l=d.lower())
        ind = rng.choice(ASC_ALL)
        q = rng.choice(b_tpl).format(c=c, m=rng.choice(OFLOG_M[ind]), p=pick_period_txt()).replace("s's", "s'")
        u("oflog", oflog_home(), [q], f"English district {d} asked an Oflog measure")
    # G: resident-complaint measures nobody holds (35)
    target = made + 35
    pre = ["", "", "hi, ", "quick one - ", "for thursday's committee: ", "resident email in, ", "sorry to bother, "]
    while made < target:
        q = rng.choice(pre) + rng.choice(RESIDENT)
        if rng.random() < 0.5:
            u("sample", SAMPLE_HOME, [q], "measure no dataset holds")
        else:
            u("oflog", oflog_home(), [q], "measure no dataset holds")
    # H: chit-chat single (12)
    target = made + 12
    while made < target:
        ds = rng.choice(["sample", "oflog"])
        u(ds, SAMPLE_HOME if ds == "sample" else oflog_home(), [rng.choice(CHITCHAT)], "chit-chat")
    # I: threads ending in unknown (13)
    target = made + 13
    while made < target:
        ds = rng.choice(["sample", "oflog"])
        home = SAMPLE_HOME if ds == "sample" else oflog_home()
        ind = rng.choice(S_INDS if ds == "sample" else ASC_ALL)
        first = rng.choice(VAL_TPL).format(m=rng.choice((SAMPLE_M if ds == "sample" else OFLOG_M)[ind]), p="")
        last = rng.choice([rng.choice(CHITCHAT), rng.choice(CHITCHAT), "and potholes?",
                           "what about " + rng.choice(WELSH_NI), "and for " + rng.choice(MADE_UP) + "?",
                           "ok and " + rng.choice(RESIDENT), "what about parking fines",
                           "what about crime in the town centre", "same for graffiti pls"])
        turns = [first, last] if rng.random() < 0.6 else [first, rng.choice(["and last year?", "ok and 2021/22?"]),
                                                           last]
        u(ds, home, turns, "thread whose last turn the assistant must refuse")


build_names()
build_value()
build_rank()
build_overview()
build_followup()
build_unknown()

# ------------------------------------------------------------------ ids and split
counters: dict[str, int] = {}
for it in ITEMS:
    counters[it["family"]] = counters.get(it["family"], 0) + 1
    it["id"] = f"b24-{it['family']}-{counters[it['family']]:03d}"
ordered = [{k: it[k] for k in ("id", "family", "dataset", "home_area", "turns", "expect", "expect_each", "figures",
                               "note") if k in it} for it in ITEMS]
groups: dict[tuple, list] = {}
for it in ordered:
    groups.setdefault((it["family"], it["dataset"]), []).append(it)
dev, hold = [], []
for key in sorted(groups):
    g = groups[key]
    rng.shuffle(g)
    for i, it in enumerate(g):
        (dev if i % 2 == 0 else hold).append(it)
dev.sort(key=lambda x: x["id"])
hold.sort(key=lambda x: x["id"])
for name, items in (("dev", dev), ("holdout", hold)):
    doc = {"set": f"understanding_blind24_{name}", "seed": SEED, "count": len(items), "items": items}
    (OUT / f"{name}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=200))
    counts: dict[tuple, int] = {}
    for it in items:
        counts[(it["family"], it["dataset"])] = counts.get((it["family"], it["dataset"]), 0) + 1
    print(name, len(items), dict(sorted(counts.items())))
