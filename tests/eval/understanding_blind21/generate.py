"""Build the blind question-understanding set 21 (unanswerable questions mixed with near misses).

Run from /work/main: .venv/bin/python tests/eval/understanding_blind21/generate.py
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import phrases as P  # noqa: E402
from data import EXCLUDED_OFLOG, SAMPLE_HOME, fy, fy_start, load_all  # noqa: E402

SEED = 21212121
R = random.Random(SEED)
D = load_all()
OF, L, S = D["oflog"], D["lgbf"], D["sample"]
SEEN: set = set()


# ---------------------------------------------------------------- wording helpers
def pick(seq):
    return seq[R.randrange(len(seq))]


def casual(s: str) -> str:
    if R.random() < 0.35:
        s = s.replace("'", "")
    if R.random() < 0.4:
        s = s.lower()
    if R.random() < 0.3:
        s = s.rstrip("?")
    return s


def lev(a: str, b: str) -> int:
    a, b = a.lower(), b.lower()
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


ALL_NAMES = (list(OF.names.values()) + list(L.names.values()) + list(S.names.values()) + P.WELSH + P.NI
             + P.DISTRICTS + P.MADE_UP_EN + P.MADE_UP_SC + P.MADE_UP_SAMPLE)
ALL_NAMES += [n.split()[0] for n in list(S.names.values()) + P.MADE_UP_SAMPLE]


def typo(name: str):
    """One-letter typo of a long word in the name, only when no other name is within 3 edits."""
    words = name.split()
    longi = [i for i, w in enumerate(words) if len(w) >= 7 and w.isalpha()]
    if not longi:
        return None
    i = pick(longi)
    w = words[i]
    k = R.randrange(2, len(w) - 1)
    kind = R.randrange(3)
    if kind == 0:
        w2 = w[:k] + w[k + 1:]
    elif kind == 1:
        w2 = w[:k] + w[k + 1] + w[k] + w[k + 2:]
    else:
        w2 = w[:k] + w[k] + w[k:]
    cand = " ".join(words[:i] + [w2] + words[i + 1:])
    if cand.lower() == name.lower():
        return None
    others = [n for n in ALL_NAMES if n.lower() != name.lower()]
    if min(lev(cand, n) for n in others) < 4:
        return None
    return cand


def area_say(ds: str, code: str, allow_typo=True) -> str:
    h = D[ds]
    name = h.names[code]
    if ds == "sample":
        base = name.replace(" District Council", "").replace(" Borough Council", "")
        opts = [name, base, base.lower(), base + " council", base + (" DC" if "District" in name else " BC")]
    elif ds == "oflog":
        opts = [name, name.lower(), name + " Council"] + P.OFLOG_ALIASES.get(name, [])
        if name in P.NO_BARE:
            opts = P.OFLOG_ALIASES.get(name, [name + " City Council"])
        if h.entity.get(code) == "Counties":
            opts.append(name + " County Council")
        if h.entity.get(code) == "London Boroughs":
            opts.append("LB " + name)
    else:
        plain = name.replace("&", "and")
        opts = [plain, plain.lower(), plain + " Council"] + P.LGBF_ALIASES.get(name, [])
    if allow_typo and R.random() < 0.2 and name not in P.NO_BARE:
        t = typo(name if ds != "sample" else name.split()[0])
        if t:
            return t if R.random() < 0.5 else t.lower()
    return pick(opts)


def per_say(p: str) -> str:
    y = fy_start(p)
    y2 = (y + 1) % 100
    return pick([f"{y}/{y2:02d}", p, f"{y}-{y + 1}", f"FY{y % 100:02d}/{y2:02d}", f"{y}/{y + 1}", f"{y}",
                 f"{y}/{y2:02d}"])


def ind_say(ds: str, ind: str) -> str:
    return pick(P.IND[ds][ind])


def home_of(ds: str) -> str:
    return pick(D[ds].homes)


def ex(intent, inds=(), areas=(), frm=None, to=None, comp=None, n=None, order=None):
    return {"intent": intent, "indicators": list(inds), "areas": list(areas),
            "periods": {"from": frm, "to": to}, "comparison": comp, "n": n, "order": order}


UNKNOWN = ex("unknown")


def fig(ds, ind, area, period):
    v = D[ds].value(ind, area, period)
    if v is None:
        return None
    return {"indicator_id": ind, "area_code": area, "period": period, "value": v}


def figs(*fs):
    out = [f for f in fs if f]
    return out if len(out) == len(fs) else None


def item(family, ds, home, turns, expect, note, figures=None, each=None):
    key = "\n".join(turns).lower()
    if key in SEEN:
        return None
    SEEN.add(key)
    it = {"family": family, "dataset": ds, "home_area": home, "turns": turns, "expect": expect}
    if each:
        it["expect_each"] = each
    if figures:
        it["figures"] = figures
    it["note"] = note
    return it


def fill(n, fn):
    out, tries = [], 0
    while len(out) < n and tries < n * 60:
        tries += 1
        it = fn()
        if it:
            out.append(it)
    assert len(out) == n, (fn.__name__, len(out))
    return out


def inds_for(ds, area=None, ranked=False):
    out = sorted(P.IND[ds])
    if area:
        out = [i for i in out if D[ds].holds(i, area)]
    if ranked:
        out = [i for i in out if D[ds].polarity.get(i)]
    if ds == "sample":
        out = [i for i in out if i in D[ds].inds]
    return out


def latest_fig(ds, ind, area):
    """Value figure for a 'latest' question; none for sample measures that also hold quarters (judgement)."""
    if ds == "sample" and any(p.endswith(("Q1", "Q2")) for p in S.vals[S.vals.ind == ind].period):
        return None
    lp = D[ds].latest(ind, area)
    return [fig(ds, ind, area, lp)] if lp else None


def other_area(ds, home):
    if ds == "sample":
        return pick([a for a in S.nn[SAMPLE_HOME] if a != SAMPLE_HOME])
    return pick([a for a in D[ds].homes if a != home])


# ---------------------------------------------------------------- ranking helpers
def members(ds, home, ind, grp):
    if grp == "england":
        return OF.all_areas
    if grp == "scotland":
        return L.all_areas
    if ds == "oflog":
        return OF.nn[home]
    if ds == "lgbf":
        return L.fg[(L.fgroup_scheme[ind], home)]
    return S.nn[home]


def rank_period(ds, ind, mem):
    h = D[ds]
    sub = h.vals[(h.vals.ind == ind) & (h.vals.area.isin(mem))]
    cnt = sub.groupby("period").area.nunique()
    ok = sorted(p for p, c in cnt.items() if c >= len(mem) / 2 and "Q" not in p)
    return ok[-1] if ok else None


def ranked(ds, ind, mem, period, order):
    h = D[ds]
    rows = [(h.value(ind, a, period), a) for a in mem if h.value(ind, a, period) is not None]
    high_first = (h.polarity[ind] == "high") == (order == "best")
    rows.sort(key=lambda t: (-t[0], t[1]) if high_first else (t[0], t[1]))
    return rows


GROUP_SAY = {
    "england": ["in england", "nationally", "across england", "of all english councils"],
    "scotland": ["in scotland", "across scotland", "of all 32 scottish councils", "nationally"],
    "neighbours": ["among our nearest neighbours", "in our comparator group", "among similar councils",
                   "in our family group"],
}


def hi_lo(ds, ind, order):
    """Word for the direction asked, polarity-aware."""
    pol = D[ds].polarity[ind]
    if R.random() < 0.5:
        return "best" if order == "best" else "worst"
    return "highest" if (pol == "high") == (order == "best") else "lowest"


# ---------------------------------------------------------------- families
def f_value(ds):
    def fn():
        home = home_of(ds)
        ind = pick(inds_for(ds, home))
        if R.random() < 0.5:
            p = pick(D[ds].held(ind, home))
            t = pick(["whats our {i} for {p}?", "how did we do on {i} in {p}", "{i} {p} - what was ours?",
                      "quick one for thursdays committee: our {i} in {p} pls",
                      "can someone tell me what our {i} was in {p}", "hi, need our {i} figure for {p} thanks"])
            q = t.format(i=ind_say(ds, ind), p=per_say(p))
            return item("value", ds, home, [casual(q)], ex("value", [ind], [home], None, p), "value, one year",
                        [fig(ds, ind, home, p)])
        if ds == "sample" and R.random() < 0.3:
            qs = [q for q in ("2024-25 Q1", "2024-25 Q2") if S.value(ind, home, q) is not None]
            if qs:
                p = pick(qs)
                t = pick(["what was our {i} in {p}?", "{i} for {p} pls", "how were we on {i} in {p}"])
                return item("value", ds, home, [casual(t.format(i=ind_say(ds, ind), p=p))],
                            ex("value", [ind], [home], None, p), "value, quarter held by the home",
                            [fig(ds, ind, home, p)])
        t = pick(["whats our {i} at the moment", "where are we on {i} currently?", "latest {i} for us?",
                  "what is our {i} now", "hows our {i} looking", "can you give me our current {i} please"])
        return item("value", ds, home, [casual(t.format(i=ind_say(ds, ind)))], ex("value", [ind], [home]),
                    "value, latest", latest_fig(ds, ind, home))
    return fn


NEAR_MISS_OFLOG = ["Newcastle upon Tyne", "Richmond upon Thames", "Kingston upon Thames", "Kingston Upon Hull",
                   "North Tyneside", "South Tyneside", "Gloucestershire", "Lincolnshire", "Oxfordshire",
                   "Cambridgeshire", "Warwickshire", "Staffordshire", "Lancashire", "Worcestershire",
                   "North East Lincolnshire", "Somerset", "Nottingham", "Leicester", "Derby"]


def f_names(ds):
    def fn():
        home = home_of(ds)
        if ds == "oflog" and R.random() < 0.6:
            byname = {v: k for k, v in OF.names.items() if k in OF.homes}
            area = byname.get(pick(NEAR_MISS_OFLOG))
            if not area or area == home:
                return None
        else:
            area = other_area(ds, home)
        ind = pick(inds_for(ds, area))
        a = area_say(ds, area)
        if R.random() < 0.5:
            p = pick(D[ds].held(ind, area))
            t = pick(["what was {a}'s {i} in {p}", "{a} {i} {p}?", "can u pull {i} for {a}, {p}",
                      "{i} in {p} for {a} please", "how did {a} do on {i} in {p}"])
            q = t.format(a=a, i=ind_say(ds, ind), p=per_say(p))
            return item("names", ds, home, [casual(q) if a.islower() else q], ex("value", [ind], [area], None, p),
                        f"named council {OF.names.get(area) or D[ds].names[area]}, one year",
                        [fig(ds, ind, area, p)])
        t = pick(["how is {a} doing on {i}", "whats {a}'s {i} like at the moment", "{i} for {a}?",
                  "what's the latest {i} for {a}", "{a} - current {i} pls"])
        q = t.format(a=a, i=ind_say(ds, ind))
        return item("names", ds, home, [q], ex("value", [ind], [area]), f"named council {D[ds].names[area]}, latest",
                    latest_fig(ds, ind, area))
    return fn


def f_rank(ds):
    def fn():
        home = home_of(ds)
        grps = {"oflog": ["england", "neighbours"], "lgbf": ["scotland", "neighbours"], "sample": ["neighbours"]}[ds]
        grp = pick(grps)
        ind = pick(inds_for(ds, home, ranked=True))
        mem = members(ds, home, ind, grp)
        token = grp
        gs = pick(GROUP_SAY[grp])
        asked = None
        if R.random() < 0.3:
            asked = pick(D[ds].held(ind, home))
        period = asked or rank_period(ds, ind, mem)
        if not period:
            return None
        psay = f" in {per_say(asked)}" if asked else ""
        if R.random() < 0.35:
            if D[ds].value(ind, home, period) is None:
                return None
            t = pick(["where do we rank {g} on {i}{p}?", "how do we rank {g} for {i}{p}",
                      "what position are we {g} on {i}{p}", "{i}{p}: where do we sit {g}?"])
            q = t.format(g=gs, i=ind_say(ds, ind), p=psay)
            return item("rank", ds, home, [casual(q)], ex("rank", [ind], [home, token], None, asked, "ranking"),
                        f"position {grp}", [fig(ds, ind, home, period)])
        order = pick(["best", "worst"])
        n = pick([1, 3, 5, 5, 10]) if grp != "neighbours" else pick([1, 3, 5])
        rows = ranked(ds, ind, mem, period, order)
        if len(rows) <= n:
            return None
        listed = [a for _, a in rows[:n]]
        if grp == "england" and set(listed) & EXCLUDED_OFLOG:
            return None
        w = hi_lo(ds, ind, order)
        if n == 1:
            t = pick(["which council has the {w} {i} {g}{p}?", "who is {w} {g} for {i}{p}",
                      "which is the {w} council {g} on {i}{p}"])
        else:
            t = pick(["{tb} {n} {g} for {i}{p}?", "which {n} councils have the {w} {i} {g}{p}",
                      "list the {n} {w} {g} on {i}{p} pls", "{i}{p}: who are the {n} {w} {g}?",
                      "give me the {w} {n} {g} for {i}{p}"])
        q = t.format(n=n, w=w, g=gs, i=ind_say(ds, ind), p=psay, tb='top' if order == 'best' else 'bottom')
        tie = rows[n - 1][0] == rows[n][0]
        f = None if tie else [fig(ds, ind, a, period) for a in listed]
        return item("rank", ds, home, [casual(q)], ex("rank", [ind], [token], None, asked, "ranking", n, order),
                    f"{order} {n} {grp}" + (" (tie at cut-off: no figures)" if tie else ""), f)
    return fn


def f_overview(ds):
    def fn():
        home = home_of(ds)
        named = R.random() < 0.3
        area = other_area(ds, home) if named else home
        if ds == "oflog":
            inds = [i for i in sorted(P.OFLOG_IND) if OF.holds(i, area)]
            svc = pick(P.OFLOG_SERVICE)
        elif ds == "lgbf":
            cat = pick(sorted(P.LGBF_SERVICE))
            inds = sorted(c for c in L.held_any.get(area, set()) if L.category.get(c) == cat)
            if not inds:
                return None
            svc = pick(P.LGBF_SERVICE[cat])
        else:
            g = pick(sorted(P.SAMPLE_SERVICE))
            inds = [i for i in P.SAMPLE_SERVICE[g][0] if S.holds(i, area)]
            svc = pick(P.SAMPLE_SERVICE[g][1])
        if named:
            t = pick(["how is {a} doing on {s} overall?", "give me an overview of {s} performance for {a}",
                      "hows {a} getting on with {s} generally", "{a}: overall picture on {s} pls"])
            q = t.format(a=area_say(ds, area), s=svc)
        else:
            t = pick(["how are we doing on {s}?", "overall picture on {s} for us pls", "hows {s} performing",
                      "can you give me a rundown of our {s} performance for the scrutiny pre-meet",
                      "r we doing ok on {s} overall", "whats the headline on {s} for us"])
            q = t.format(s=svc)
        return item("overview", ds, home, [casual(q)], ex("overview", inds, [area]), f"overview {svc}")
    return fn


def f_trend(ds):
    def fn():
        home = home_of(ds)
        ind = pick(inds_for(ds, home, ranked=False))
        held = D[ds].held(ind, home)
        lp = held[-1]
        k = R.randrange(4)
        if k == 0 and len(held) >= 3:
            a = pick(held[:-2])
            q = pick(["how has our {i} changed since {y}?", "{i} since april {y} - better or worse?",
                      "whats happened to our {i} since {y}"]).format(i=ind_say(ds, ind), y=fy_start(a))
            return item("trend", ds, home, [casual(q)], ex("trend", [ind], [home], a, lp), "since year",
                        figs(fig(ds, ind, home, a), fig(ds, ind, home, lp)))
        if k == 1:
            n = pick([3, 4, 5])
            a = fy(fy_start(lp) - n)
            q = pick(["our {i} over the last {n} years?", "{n}-year trend on {i} pls", "{i} past {n} years"]).format(
                i=ind_say(ds, ind), n=n)
            return item("trend", ds, home, [casual(q)], ex("trend", [ind], [home], a, lp), "last N years",
                        figs(fig(ds, ind, home, a), fig(ds, ind, home, lp)))
        if k == 2 and len(held) >= 3:
            a, b = sorted(R.sample(held, 2))
            q = pick(["how did our {i} move between {a} and {b}", "{i} from {a} to {b}?", "our {i} {a} -> {b}"])
            q = q.format(i=ind_say(ds, ind), a=per_say(a), b=per_say(b))
            return item("trend", ds, home, [casual(q)], ex("trend", [ind], [home], a, b), "explicit span",
                        figs(fig(ds, ind, home, a), fig(ds, ind, home, b)))
        q = pick(["is our {i} getting better?", "direction of travel on {i}?", "is {i} improving or not",
                  "are we getting worse on {i}"]).format(i=ind_say(ds, ind))
        return item("trend", ds, home, [casual(q)], ex("trend", [ind], [home]), "trend wording, no span")
    return fn


def f_compare(ds):
    def fn():
        home = home_of(ds)
        ind = pick(inds_for(ds, home))
        k = pick(["area", "neighbours", "national"] if ds != "sample" else ["area", "neighbours"])
        i = ind_say(ds, ind)
        if k == "area":
            o = other_area(ds, home)
            if not D[ds].holds(ind, o):
                return None
            q = pick(["how do we compare with {a} on {i}", "us vs {a} on {i}?", "{i}: are we better than {a}"])
            return item("compare", ds, home, [casual(q.format(a=area_say(ds, o), i=i))],
                        ex("value", [ind], [home, o], comp="area"), "compare named council")
        if k == "neighbours":
            q = pick(["how does our {i} compare with similar councils?", "{i} vs our nearest neighbours",
                      "are we above or below our comparator group on {i}", "{i} - how do we stack up against our "
                      "family group"]).format(i=i)
            return item("compare", ds, home, [casual(q)], ex("value", [ind], [home, "neighbours"],
                                                              comp="neighbours"), "compare neighbours")
        nat = "england" if ds == "oflog" else "scotland"
        q = pick(["how does our {i} compare with the {n} average", "{i}: us against the national figure?",
                  "are we above the {n} figure for {i}"]).format(i=i, n="english" if nat == "england" else "scottish")
        return item("compare", ds, home, [casual(q)], ex("value", [ind], [home, nat], comp="national"),
                    "compare national")
    return fn


def f_target():
    def fn():
        home = SAMPLE_HOME
        ind = pick(inds_for("sample", home))
        i = ind_say("sample", ind)
        if R.random() < 0.5:
            p = pick(S.held(ind, home))
            q = pick(["did we meet the target for {i} in {p}?", "{i} {p} - did we hit target",
                      "were we on target for {i} in {p}"]).format(i=i, p=per_say(p))
            return item("target", "sample", home, [casual(q)], ex("target", [ind], [home], None, p), "target, year",
                        [fig("sample", ind, home, p)])
        q = pick(["are we hitting target on {i}?", "{i} - on target or not?", "r we meeting our target for {i}"])
        return item("target", "sample", home, [casual(q.format(i=i))], ex("target", [ind], [home]), "target, latest")
    return fn


def closest(held, start_year, exact_q=False):
    d = sorted((abs(fy_start(p) - start_year), p) for p in held)
    if len(d) > 1 and d[0][0] == d[1][0]:
        return None
    return d[0][1]


def f_pnh(ds):
    def fn():
        home = home_of(ds)
        ind = pick(inds_for(ds, home))
        held = D[ds].held(ind, home)
        ys = [fy_start(p) for p in held]
        k = R.randrange(3)
        if k == 0:
            y = pick([ys[0] - R.randrange(2, 5)] + ([ys[-1] + R.randrange(2, 4)] if ds != "sample" else []))
            asked = fy(y)
        elif k == 1:
            gaps = [y for y in range(ys[0], ys[-1]) if y not in ys]
            if not gaps or ds == "sample":
                return None
            y = pick(gaps)
            asked = fy(y)
        else:
            if ds == "sample":
                return None
            y = pick(ys)
            asked = f"{fy(y)} Q{R.randrange(1, 5)}"
        c = closest(held, y)
        if not c or asked in held:
            return None
        say = asked if "Q" in asked else per_say(asked)
        q = pick(["what was our {i} in {p}?", "{i} for {p} please", "can i get our {i} figure for {p}"]).format(
            i=ind_say(ds, ind), p=say)
        return item("period_not_held", ds, home, [casual(q)], ex("value", [ind], [home], None, asked),
                    f"{asked} not held; closest held {c}", [fig(ds, ind, home, c)])
    return fn


def f_followup(ds):
    def fn():
        home = home_of(ds)
        ind = pick(inds_for(ds, home))
        held = D[ds].held(ind, home)
        k = R.randrange(4 if ds != "sample" else 3)
        i = ind_say(ds, ind)
        if k == 0 and len(held) >= 3:
            p1, p2, p3 = R.sample(held, 3)
            o = other_area(ds, home)
            if p2 not in D[ds].held(ind, o):
                return None
            turns = [casual(f"what was our {i} in {per_say(p1)}"), pick(["and in {p}?", "what about {p}", "{p}?"])
                     .format(p=per_say(p2)), pick(["what about {a}", "and {a}?", "same for {a} pls"])
                     .format(a=area_say(ds, o)), pick(["and what was ours in {p}", "what was ours in {p}?"])
                     .format(p=per_say(p3))]
            each = [ex("value", [ind], [home], None, p1), ex("value", [ind], [home], None, p2),
                    ex("value", [ind], [o], None, p2), ex("value", [ind], [home], None, p3)]
            n = R.choice([2, 3, 4])
            return item("followup", ds, home, turns[:n], each[n - 1], "value thread: year, council, back to ours",
                        [fig(ds, ind, each[n - 1]["areas"][0], each[n - 1]["periods"]["to"])], each[:n])
        if k == 1:
            if not D[ds].polarity.get(ind):
                return None
            grp = "neighbours" if ds == "sample" else pick(["neighbours", "england" if ds == "oflog" else "scotland"])
            n = pick([3, 5])
            gs = pick(GROUP_SAY[grp])
            t1 = casual(f"which {n} councils have the {hi_lo(ds, ind, 'best')} {i} {gs}")
            p = pick(held)
            turns = [t1, pick(["and the bottom {n}?", "what about the worst {n}"]).format(n=n),
                     pick(["same for {p}", "and in {p}?"]).format(p=per_say(p))]
            each = [ex("rank", [ind], [grp], None, None, "ranking", n, "best"),
                    ex("rank", [ind], [grp], None, None, "ranking", n, "worst"),
                    ex("rank", [ind], [grp], None, p, "ranking", n, "worst")]
            if grp == "england":
                for e in each:
                    mem = OF.all_areas
                    per = e["periods"]["to"] or rank_period(ds, ind, mem)
                    if {a for _, a in ranked(ds, ind, mem, per, e["order"])[:n]} & EXCLUDED_OFLOG:
                        return None
            m = R.choice([2, 3])
            return item("followup", ds, home, turns[:m], each[m - 1], "ranking thread: flip order, then year",
                        None, each[:m])
        if k == 2 and len(held) >= 3:
            a = pick(held[:-2])
            o = other_area(ds, home)
            lo = D[ds].latest(ind, o)
            if not lo or fy_start(lo) <= fy_start(a):
                return None
            turns = [casual(f"how has our {i} changed since {fy_start(a)}"), pick(["and {a}?", "how about {a}"])
                     .format(a=area_say(ds, o))]
            each = [ex("trend", [ind], [home], a, held[-1]), ex("trend", [ind], [o], a, lo)]
            return item("followup", ds, home, turns, each[-1], "since-year thread, change council",
                        figs(fig(ds, ind, o, a), fig(ds, ind, o, lo)), each)
        if k == 3:
            nat = "england" if ds == "oflog" else "scotland"
            turns = [casual(f"how does our {i} compare with our nearest neighbours"),
                     pick(["and nationally?", "what about against the national figure", "and vs the national avg?"])]
            each = [ex("value", [ind], [home, "neighbours"], comp="neighbours"),
                    ex("value", [ind], [home, nat], comp="national")]
            if R.random() < 0.5 and D[ds].polarity.get(ind):
                turns.append(pick(["where do we rank nationally then", "what position are we nationally?"]))
                each.append(ex("rank", [ind], [home, nat], comp="ranking"))
            return item("followup", ds, home, turns, each[-1], "compare thread: neighbours -> national", None,
                        each)
        return None
    return fn


# ---------------------------------------------------------------- unknown
def unk(ds, home, turns, note, each=None):
    if each:
        each = each + [UNKNOWN]
    return item("unknown", ds, home, turns, UNKNOWN, note, None, each)


def held_phrase(ds, home):
    ind = pick(inds_for(ds, home))
    return ind, ind_say(ds, ind)


def u_foreign():
    ds = pick(["oflog", "lgbf", "sample"])
    home = home_of(ds)
    c = pick(P.WELSH + P.NI)
    _, i = held_phrase(ds, home)
    q = pick(["how is {c} doing on {i}", "{c} {i}?", "can we compare our {i} with {c}",
              "whats {c}'s {i} like", "where does {c} rank on {i}"]).format(c=c, i=i)
    kind = "Welsh" if c in P.WELSH else "NI"
    return unk(ds, home, [casual(q)], f"{kind} council {c}")


def u_district():
    ds = pick(["oflog", "oflog", "lgbf"])
    home = home_of(ds)
    c = pick(P.DISTRICTS)
    i = pick(pick(list(P.OFLOG_IND.values())))
    q = pick(["what's {c}'s {i}?", "how does {c} do on {i}", "{i} for {c} pls",
              "can you show {c} {i} over the last 3 years"]).format(c=c, i=i)
    return unk(ds, home, [casual(q)], f"English district {c} asked an Oflog measure")


def u_madeup():
    ds = pick(["oflog", "lgbf", "sample"])
    home = home_of(ds)
    c = pick({"oflog": P.MADE_UP_EN, "lgbf": P.MADE_UP_SC, "sample": P.MADE_UP_SAMPLE}[ds])
    _, i = held_phrase(ds, home)
    q = pick(["how is {c} doing on {i}", "{i} for {c}?", "compare us with {c} on {i}",
              "what was {c}'s {i} last year"]).format(c=c, i=i)
    return unk(ds, home, [casual(q)], f"made-up council {c}")


def u_nomeasure():
    ds = pick(["oflog", "lgbf", "sample"])
    home = home_of(ds)
    pool = P.NO_MEASURE_ANY + (P.NO_MEASURE_EN if ds != "lgbf" else [])
    m = pick(pool)
    q = pick(["{m}?", "whats our {m}", "can you tell me {m} pls", "for the committee on thursday: {m}",
              "how are we doing on {m}", "{m} - how do we compare with neighbours"]).format(m=m)
    return unk(ds, home, [casual(q)], f"no dataset holds: {m}")


def u_chitchat():
    ds = pick(["oflog", "lgbf", "sample"])
    return unk(ds, home_of(ds), [pick(P.CHITCHAT)], "chit-chat")


def u_cross():
    k = R.randrange(5)
    if k == 0:
        home = home_of("oflog")
        ind = pick(sorted(P.LGBF_IND))
        q = pick(["whats our {i}", "how are we doing on {i}", "{i} for us in 2021/22?"]).format(
            i=ind_say("lgbf", ind))
        if ind in ("ENV06", "CORP07"):
            return None
        return unk("oflog", home, [casual(q)], f"English home asks LGBF-only {ind}")
    if k == 1:
        home = home_of("lgbf")
        ind = pick(["ASC1", "ASC3", "ASC4", "ASC5", "ASC6", "ASC7"])
        q = pick(["whats our {i}", "how are we doing on {i}", "{i} vs our family group?"]).format(
            i=ind_say("oflog", ind))
        return unk("lgbf", home, [casual(q)], f"Scottish home asks Oflog {ind}")
    if k == 2:
        ind = pick(["ASC1", "ASC2", "ASC3", "ASC4", "ASC5", "ASC6"])
        q = pick(["whats our {i}", "how are we doing on {i}", "{i} trend since 2018?"]).format(
            i=ind_say("oflog", ind))
        return unk("sample", SAMPLE_HOME, [casual(q)], f"sample home asks Oflog {ind}")
    if k == 3:
        home = home_of("oflog")
        svc = pick(["children's services", "waste", "housing", "planning", "homelessness", "culture and leisure"])
        q = pick(["how are we doing on {s}?", "overall picture on {s} pls", "give me a rundown of {s}"]).format(s=svc)
        return unk("oflog", home, [casual(q)], f"English home asks a service it holds no data for ({svc})")
    svc = pick(["adult social care", "children's services", "schools"])
    q = pick(["how are we doing on {s}?", "overview of {s} please"]).format(s=svc)
    return unk("sample", SAMPLE_HOME, [casual(q)], f"sample home asks a service it holds no data for ({svc})")


def u_notheld():
    pool = [(ind, a) for ind in ("HSN01b", "HSN02", "HSN03", "HSN04b", "CLIM05", "ECON07", "C&L03")
            for a in L.homes if not L.holds(ind, a)]
    ind, a = pick(pool)
    if R.random() < 0.5:
        home = a
        q = pick(["whats our {i}?", "how are we doing on {i}", "{i} - where are we"]).format(i=ind_say("lgbf", ind))
    else:
        home = pick([h for h in L.homes if h != a])
        q = pick(["whats {a}'s {i}", "how does {a} do on {i}", "{i} for {a}?"]).format(
            a=area_say("lgbf", a, False), i=ind_say("lgbf", ind))
    return unk("lgbf", home, [casual(q)], f"{L.names[a]} holds no {ind} (others do)")


def u_thread():
    ds = pick(["oflog", "lgbf", "sample"])
    home = home_of(ds)
    ind = pick(inds_for(ds, home))
    i = ind_say(ds, ind)
    t1 = casual(pick(["whats our {i}", "how are we doing on {i} at the moment"]).format(i=i))
    each = [ex("value", [ind], [home])]
    turns = [t1]
    if R.random() < 0.5:
        o = other_area(ds, home)
        turns.append(pick(["and {a}?", "what about {a}"]).format(a=area_say(ds, o)))
        each.append(ex("value", [ind], [o]))
    k = R.randrange(4)
    if k == 0:
        last = pick(["and {c}?", "what about {c}", "how about {c} then"]).format(c=pick(P.WELSH + P.NI))
        note = "thread ends on a Welsh/NI council"
    elif k == 1:
        last = pick(["ok and {m}?", "what about {m}", "and {m} while youre at it"]).format(
            m=pick(P.NO_MEASURE_ANY))
        note = "thread ends on a measure no dataset holds"
    elif k == 2:
        last = pick(["thanks!", "cheers, thats great", "brilliant thank you", "ok ta"])
        note = "thread ends on chit-chat"
    else:
        c = pick({"oflog": P.DISTRICTS, "lgbf": P.MADE_UP_SC, "sample": P.MADE_UP_SAMPLE}[ds])
        last = pick(["and {c}?", "what about {c}"]).format(c=c)
        note = "thread ends on " + ("an English district (Oflog measure)" if ds == "oflog" else "a made-up council")
    turns.append(last)
    return unk(ds, home, turns, note, each)


# ---------------------------------------------------------------- build
def build():
    items = []
    for ds, n in (("oflog", 10), ("lgbf", 10), ("sample", 10)):
        items += fill(n, f_value(ds))
    for ds, n in (("oflog", 18), ("lgbf", 14), ("sample", 8)):
        items += fill(n, f_names(ds))
    for ds, n in (("oflog", 14), ("lgbf", 16), ("sample", 10)):
        items += fill(n, f_rank(ds))
    for ds, n in (("oflog", 12), ("lgbf", 18), ("sample", 10)):
        items += fill(n, f_overview(ds))
    for ds, n in (("oflog", 14), ("lgbf", 14), ("sample", 12)):
        items += fill(n, f_followup(ds))
    for ds, n in (("oflog", 7), ("lgbf", 7), ("sample", 6)):
        items += fill(n, f_trend(ds))
    for ds, n in (("oflog", 7), ("lgbf", 7), ("sample", 6)):
        items += fill(n, f_compare(ds))
    items += fill(10, f_target())
    for ds, n in (("oflog", 4), ("lgbf", 4), ("sample", 2)):
        items += fill(n, f_pnh(ds))
    for fn, n in ((u_foreign, 28), (u_district, 22), (u_madeup, 24), (u_nomeasure, 44), (u_chitchat, 17),
                  (u_cross, 30), (u_notheld, 15), (u_thread, 20)):
        items += fill(n, fn)
    counters: dict = {}
    for it in items:
        counters[it["family"]] = counters.get(it["family"], 0) + 1
        it["id"] = f"b21-{it['family']}-{counters[it['family']]:03d}"
    out = []
    for it in items:
        out.append({"id": it["id"], **{k: v for k, v in it.items() if k != "id"}})
    return out


def split(items):
    groups: dict = {}
    for it in items:
        groups.setdefault((it["family"], it["dataset"]), []).append(it)
    dev, hold = [], []
    for key in sorted(groups):
        g = groups[key]
        R.shuffle(g)
        for j, it in enumerate(g):
            (dev if j % 2 == 0 else hold).append(it)
    key = lambda it: (it["family"], int(it["id"].rsplit("-", 1)[1]))  # noqa: E731
    return sorted(dev, key=key), sorted(hold, key=key)


def main():
    items = build()
    dev, hold = split(items)
    for name, part in (("dev", dev), ("holdout", hold)):
        doc = {"set": f"understanding_blind21_{name}", "seed": SEED, "count": len(part), "items": part}
        (HERE / f"{name}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=200))
    summary: dict = {}
    for name, part in (("dev", dev), ("holdout", hold)):
        for it in part:
            k = (it["family"], it["dataset"])
            summary.setdefault(k, {"dev": 0, "holdout": 0})[name] += 1
    for k in sorted(summary):
        print(f"{k[0]:16s} {k[1]:7s} dev={summary[k]['dev']:3d} holdout={summary[k]['holdout']:3d}")
    print("total", len(items), "dev", len(dev), "holdout", len(hold))


if __name__ == "__main__":
    main()
