"""Generate blind understanding set 25 from the raw files. Run from /work/main."""

import random
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from data import OFLOG_EXCLUDED, Data  # noqa: E402
from phrases import LGBF, LGBF_SHORT, OFLOG, OFLOG_SHORT, SAMPLE  # noqa: E402

SEED = 25252525
R = random.Random(SEED)
D = Data()
HOME_S = "E07999001"
PH = {"oflog": OFLOG, "lgbf": LGBF, "sample": SAMPLE}
NAT = {"oflog": "england", "lgbf": "scotland"}
NATWORD = {"oflog": ["England", "the England average", "all English councils"],
           "lgbf": ["Scotland", "the Scottish average", "scotland as a whole"]}


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def pick(xs):
    return xs[R.randrange(len(xs))]


def fy_next(p, k=1):
    y = int(p[:4]) + k
    return f"{y}-{str(y + 1)[2:]}"


def yt(p, bare=True):
    """A financial year written the ways people write it (no bare year inside spans)."""
    y = int(p[:4])
    forms = [f"{y}/{str(y + 1)[2:]}", p, f"{y}-{y + 1}", f"FY{str(y)[2:]}/{str(y + 1)[2:]}", f"{y}/{y + 1}"]
    return pick(forms + ([str(y)] if bare else []))


def ind_text(ds, ind):
    return pick(PH[ds][ind])


def homes(ds):
    if ds == "oflog":
        return D.oflog_homes
    if ds == "lgbf":
        return D.lgbf_areas
    return [HOME_S]


def named_pool(ds):
    if ds == "oflog":
        return [c for c in D.oflog_areas if c not in OFLOG_EXCLUDED]
    if ds == "lgbf":
        return D.lgbf_areas
    return [c for c in D.sample_nn if c != HOME_S]


def all_names(ds):
    return {c: D.names[(ds, c)].lower() for c in named_pool(ds)}


FULL_ONLY = {"E06000055": "Bedford Borough Council", "E06000016": "Leicester City Council",
             "E06000015": "Derby City Council", "E06000018": "Nottingham City Council",
             "E09000021": "Kingston upon Thames", "E09000027": "Richmond upon Thames",
             "S-aberdeen-city": "Aberdeen City Council"}


def name_text(ds, code, allow_typo=True):
    """A way people write the council's name; councils whose short form fits two get their full name only."""
    if code in FULL_ONLY:
        return pick([FULL_ONLY[code], FULL_ONLY[code].lower()])
    base = D.names[(ds, code)]
    opts = [base, base.lower()]
    if ds == "oflog":
        opts.append(base + (" County Council" if D.kind.get(code) == "Counties" else " Council"))
        opts += OFLOG_SHORT.get(code, [])
        if " and " in base:
            opts.append(base.replace(" and ", " & "))
    elif ds == "lgbf":
        opts.append(base.replace("&", "and") + " Council")
        opts += LGBF_SHORT.get(code, [])
    else:
        opts += [base.replace(" District Council", "").replace(" Borough Council", ""),
                 base.lower().replace(" council", "")]
    if allow_typo and R.random() < 0.2:
        t = typo(ds, code)
        if t:
            return t
    return pick(opts)


def typo(ds, code):
    base = D.names[(ds, code)].lower()
    if ds == "sample":
        base = base.replace(" district council", "").replace(" borough council", "")
    if len(base) < 7:
        return None
    i = R.randrange(1, len(base) - 1)
    if not (base[i].isalpha() and base[i + 1].isalpha()):
        return None
    t = base[:i] + base[i + 1:] if R.random() < 0.5 else base[:i] + base[i + 1] + base[i] + base[i + 2:]
    if t == base:
        return None
    others = [v for c, v in all_names(ds).items() if c != code]
    if ds == "sample":
        others = [v.replace(" district council", "").replace(" borough council", "") for v in others]
    if min(lev(t, o) for o in others) < 4:
        return None
    return t


def inds(ds, home=None, ranked=False):
    out = []
    for i in PH[ds]:
        if ranked and D.higher_better(ds, i) is None:
            continue
        if home and not D.annual(ds, i, home):
            continue
        if ds == "sample" and home and home != HOME_S and i == "staff_turnover":
            continue
        out.append(i)
    return out


def reading(intent, ind, areas, frm=None, to=None, comparison=None, n=None, order=None):
    return {"intent": intent, "indicators": [ind] if isinstance(ind, str) else list(ind), "areas": list(areas),
            "periods": {"from": frm, "to": to}, "comparison": comparison, "n": n, "order": order}


def fig(ds, ind, area, period):
    v = D.get(ds, ind, area).get(period)
    return None if v is None else {"indicator_id": ind, "area_code": area, "period": period, "value": v}


ITEMS = []


def add(family, ds, home, turns, expect, figures=None, note="", each=None):
    it = {"family": family, "dataset": ds, "home_area": home, "turns": turns, "expect": expect}
    if each:
        it["expect_each"] = each
    if figures:
        it["figures"] = [f for f in figures if f]
    it["note"] = note
    ITEMS.append(it)


def polite(s):
    pre = pick(["", "", "", "hi, ", "morning - ", "quick one: ", "hiya ", "sorry to bother, ",
                "for thursday's committee ",
                "ahead of scrutiny on tuesday, ", "cllr asking: ", "hello! "])
    post = pick(["", "", "", " pls", " please", " thanks", " ta", " - cheers", "?", " thx"])
    if s.endswith("pls") or s.endswith("?"):
        post = ""
    return (pre + s + post).strip()


# ----------------------------------------------------------------------------------------------------------------
def fam_value(k):
    for _ in range(k):
        ds = pick(["oflog", "lgbf", "sample"])
        home = pick(homes(ds))
        ind = pick(inds(ds, home))
        m = ind_text(ds, ind)
        if R.random() < 0.5:
            p = pick(D.annual(ds, ind, home))
            q = pick([f"what was our {m} in {yt(p)}", f"{m} {yt(p)} for us?", f"whats our figure for {m} in {yt(p)}",
                      f"can u tell me the {m} figure for {yt(p)}", f"{yt(p)} {m} - what did we get"])
            add("value", ds, home, [polite(q)], reading("value", ind, [home], None, p), [fig(ds, ind, home, p)],
                "home value, one year")
        else:
            q = pick([f"what's our current {m}", f"hows our {m} looking at the moment", f"latest {m} figure for us",
                      f"where are we now on {m}", f"what is the {m} now", f"our {m} - latest number?"])
            lp = D.latest(ds, ind, home)
            f = [fig(ds, ind, home, lp)] if not (ds == "sample" and any("Q" in p for p in D.get(ds, ind, home))) \
                else None
            add("value", ds, home, [polite(q)], reading("value", ind, [home]), f, "home value, latest")


def fam_names(k):
    for _ in range(k):
        ds = pick(["oflog", "lgbf", "lgbf", "oflog", "sample"])
        home = pick(homes(ds))
        code = pick(named_pool(ds))
        ind = pick(inds(ds, code))
        if ds == "sample" and ind == "staff_turnover":
            continue
        nm = name_text(ds, code)
        m = ind_text(ds, ind)
        if R.random() < 0.5:
            p = pick(D.annual(ds, ind, code))
            q = pick([f"{nm} {m} {yt(p)}?", f"what did {nm} get for {m} in {yt(p)}", f"{m} for {nm}, {yt(p)}",
                      f"how did {nm} do on {m} in {yt(p)}"])
            add("names", ds, home, [polite(q)], reading("value", ind, [code], None, p), [fig(ds, ind, code, p)],
                f"named council {D.names[(ds, code)]}")
        else:
            q = pick([f"whats {nm}'s {m}", f"{nm} - {m}?", f"what's the latest {m} for {nm}",
                      f"do you have {m} for {nm}", f"how is {nm} doing on {m}"])
            add("names", ds, home, [polite(q)], reading("value", ind, [code]), None,
                f"named council {D.names[(ds, code)]}, latest")


def rank_period(ds, ind, group, asked):
    if asked:
        return asked
    periods = sorted({p for a in group for p in D.annual(ds, ind, a)})
    for p in reversed(periods):
        if sum(1 for a in group if p in D.get(ds, ind, a)) * 2 >= len(group):
            return p
    return None


def ranked(ds, ind, group, period, order):
    hb = D.higher_better(ds, ind)
    vals = [(a, D.get(ds, ind, a)[period]) for a in group if period in D.get(ds, ind, a)]
    best_first = sorted(vals, key=lambda x: -x[1] if hb else x[1])
    return best_first if order == "best" else list(reversed(best_first))


def rank_item(ds, home, ind, gtok, n, order, year):
    group = D.group(ds, ind, home) if gtok == "neighbours" else D.national(ds, ind)
    p = rank_period(ds, ind, group, year)
    lst = ranked(ds, ind, group, p, order)
    if len(lst) <= n:
        return None
    top = lst[:n]
    if gtok != "neighbours" and ds == "oflog" and {a for a, _ in top} & OFLOG_EXCLUDED:
        return None
    figs = None if lst[n - 1][1] == lst[n][1] else [fig(ds, ind, a, p) for a, _ in top]
    return figs


def rank_text(ds, ind, gtok, n, order, year):
    m = ind_text(ds, ind)
    hb = D.higher_better(ds, ind)
    nb_words = ["among our nearest neighbours", "in our comparator group", "among similar councils"]
    nb_words.append("in our family group" if ds == "lgbf" else "among our cipfa neighbours")
    grp = {"neighbours": pick(nb_words),
           "england": pick(["in england", "across england", "nationally in england"]),
           "scotland": pick(["in scotland", "across scotland", "of the 32 scottish councils"])}[gtok]
    if order == "best":
        adj = pick(["best", "top"] + (["highest"] if hb else ["lowest"]))
    else:
        adj = pick(["worst", "bottom"] + (["lowest"] if hb else ["highest"]))
    yr = f" in {yt(year)}" if year else ""
    if n == 1:
        return pick([f"which council had the {adj if adj not in ('top', 'bottom') else order} {m} {grp}{yr}",
                     f"who's {adj if adj not in ('top', 'bottom') else order} for {m} {grp}{yr}"])
    return pick([f"{adj} {n} for {m} {grp}{yr}", f"can I get the {adj} {n} councils {grp} on {m}{yr}",
                 f"{m}: show me the {n} {adj} {grp}{yr}", f"list the {adj} {n} {grp} for {m}{yr}",
                 f"who are the {n} {adj} performers {grp} on {m}{yr}"])


def fam_rank(k):
    c = 0
    while c < k:
        ds = pick(["oflog", "lgbf", "sample"])
        home = pick(homes(ds))
        il = inds(ds, home, ranked=True)
        ind = pick(il)
        gtok = pick(["neighbours", NAT[ds]]) if ds != "sample" else "neighbours"
        if R.random() < 0.25:
            areas = [home, gtok]
            q = pick([f"where do we sit {'among our neighbours' if gtok == 'neighbours' else 'in ' + gtok} on "
                      f"{ind_text(ds, ind)}", f"what's our ranking for {ind_text(ds, ind)} "
                      f"{'against similar councils' if gtok == 'neighbours' else 'across ' + gtok}",
                      f"{ind_text(ds, ind)} - what position are we "
                      f"{'in our comparator group' if gtok == 'neighbours' else 'in ' + gtok}"])
            group = D.group(ds, ind, home) if gtok == "neighbours" else D.national(ds, ind)
            p = rank_period(ds, ind, group, None)
            add("rank", ds, home, [polite(q)], reading("rank", ind, areas, None, None, "ranking"),
                [fig(ds, ind, home, p)], "position question")
            c += 1
            continue
        n = pick([1, 3, 3, 5, 5, 10] if gtok != "neighbours" else [1, 3, 3, 5])
        order = pick(["best", "worst"])
        year = pick(D.annual(ds, ind, home)) if R.random() < 0.3 else None
        figs = rank_item(ds, home, ind, gtok, n, order, year)
        if figs is False:
            continue
        group = D.group(ds, ind, home) if gtok == "neighbours" else D.national(ds, ind)
        p = rank_period(ds, ind, group, year)
        if len(ranked(ds, ind, group, p, order)) <= n:
            continue
        if gtok != "neighbours" and ds == "oflog" and \
                {a for a, _ in ranked(ds, ind, group, p, order)[:n]} & OFLOG_EXCLUDED:
            continue
        add("rank", ds, home, [polite(rank_text(ds, ind, gtok, n, order, year))],
            reading("rank", ind, [gtok], None, year, "ranking", n, order), figs, f"rank {order} {n} {gtok}")
        c += 1


def fam_span(k, family="span"):
    c = 0
    while c < k:
        ds = pick(["oflog", "lgbf", "sample"])
        home = pick(homes(ds))
        ind = pick(inds(ds, home))
        held = D.annual(ds, ind, home)
        if len(held) < 3:
            continue
        m = ind_text(ds, ind)
        if family == "span":
            a, b = sorted(R.sample(held, 2))
            ya, yb = yt(a, False), yt(b, False)
            q = pick([f"how has our {m} changed between {ya} and {yb}", f"{m} from {ya} to {yb}?",
                      f"show me {m} {ya} -> {yb}", f"{m} trend {ya} to {yb} for us"])
            add("span", ds, home, [polite(q)], reading("trend", ind, [home], a, b),
                [fig(ds, ind, home, a), fig(ds, ind, home, b)], "explicit span")
        else:
            mode = R.random()
            lp = held[-1]
            if mode < 0.4:
                a = pick(held[:-1])
                q = pick([f"how has {m} moved since {yt(a)}", f"has our {m} improved since april {a[:4]}",
                          f"{m} since {a[:4]} pls"])
                add("trend", ds, home, [polite(q)], reading("trend", ind, [home], a, lp), None, "since a year")
            elif mode < 0.7:
                nn = pick([3, 4, 5])
                q = pick([f"{m} over the last {nn} years", f"give me a {nn}-year trend on {m}",
                          f"what has {m} done over the past {nn} years"])
                add("trend", ds, home, [polite(q)], reading("trend", ind, [home], fy_next(lp, -nn), lp), None,
                    "last N years")
            else:
                q = pick([f"is our {m} getting better or worse", f"direction of travel on {m}?",
                          f"are we improving on {m}", f"{m} - trending the right way?"])
                add("trend", ds, home, [polite(q)], reading("trend", ind, [home]), None, "trend no span")
        c += 1


def fam_compare(k):
    for _ in range(k):
        ds = pick(["oflog", "lgbf", "sample"])
        home = pick(homes(ds))
        ind = pick(inds(ds, home))
        m = ind_text(ds, ind)
        mode = pick(["area", "neighbours", "national"] if ds != "sample" else ["area", "neighbours"])
        if mode == "area":
            others = R.sample([c for c in named_pool(ds) if c != home and D.annual(ds, ind, c)], pick([1, 1, 2]))
            nms = " and ".join(name_text(ds, o) for o in others)
            q = pick([f"how do we compare with {nms} on {m}", f"{m}: us vs {nms}",
                      f"are we doing better than {nms} for {m}"])
            add("compare", ds, home, [polite(q)], reading("compare", ind, [home] + others, comparison="area"),
                None, "home vs named")
        elif mode == "neighbours":
            q = pick([f"how does our {m} stack up against similar councils", f"{m} compared to our nearest neighbours",
                      f"are we above or below our comparator group on {m}"])
            add("compare", ds, home, [polite(q)], reading("compare", ind, [home, "neighbours"],
                                                          comparison="neighbours"), None, "vs neighbours")
        else:
            nw = pick(NATWORD[ds])
            q = pick([f"is our {m} better or worse than {nw}", f"{m} us v {nw}", f"how do we compare to {nw} on {m}"])
            add("compare", ds, home, [polite(q)], reading("compare", ind, [home, NAT[ds]], comparison="national"),
                None, "vs national")


LGBF_SERV = {"Children's Services": ["children's services", "childrens services", "education and children's"],
             "Adult Social Care Services": ["adult social care", "social work for adults"],
             "Housing Services": ["housing", "our council housing"],
             "Environmental Services": ["environmental services", "environment services"],
             "Culture & Leisure Services": ["culture and leisure", "culture & leisure services"],
             "Corporate Services": ["corporate services"]}
SAMPLE_SERV = {"waste": (["waste", "bins and waste"], ["household_recycling_rate", "missed_bins_per_100k",
                                                        "residual_waste_per_household",
                                                        "waste_collection_cost_per_household"]),
               "planning": (["planning"], ["planning_major_in_time", "planning_minor_in_time"]),
               "homelessness": (["homelessness"], ["homelessness_prevention_rate", "temporary_accommodation_per_1000"]),
               "revenues": (["revenues", "revenues and collection"], ["council_tax_collection",
                                                                      "business_rates_collection"]),
               "complaints": (["complaints"], ["complaints_in_time", "stage2_complaints_upheld"]),
               "workforce": (["workforce", "hr and workforce"], ["sickness_absence_days", "staff_turnover"])}


def fam_overview(k):
    for _ in range(k):
        ds = pick(["oflog", "lgbf", "sample"])
        home = pick(homes(ds))
        target = home
        named = ds != "sample" and R.random() < 0.3
        if named:
            target = pick(named_pool(ds))
        if ds == "oflog":
            ids = [i for i in sorted(OFLOG) if D.get(ds, i, target)]
            serv = pick(["adult social care", "asc", "adult social services"])
        elif ds == "lgbf":
            cat = pick(sorted(LGBF_SERV))
            ids = sorted(c for c, r in D.lgbf_info.items() if r.ISCategory == cat and D.get(ds, c, target))
            if not ids:
                continue
            serv = pick(LGBF_SERV[cat])
        else:
            key = pick(sorted(SAMPLE_SERV))
            serv, ids = pick(SAMPLE_SERV[key][0]), SAMPLE_SERV[key][1]
        who = name_text(ds, target, False) if named else pick(["we", "we're", "us"])
        if named:
            q = pick([f"how is {who} doing on {serv}", f"overview of {serv} performance for {who}"])
        else:
            q = pick([f"how r we doing on {serv}", f"give me an overview of our {serv} performance",
                      f"whats the overall picture on {serv} for us", f"summary of how {serv} is performing pls"])
        add("overview", ds, home, [polite(q)], reading("overview", ids, [target]), None, "service overview")


def fam_target(k):
    tinds = sorted(D.sample_target)
    for _ in range(k):
        ind = pick(tinds)
        m = ind_text("sample", ind)
        if R.random() < 0.5:
            q = pick([f"are we on target for {m}", f"{m} - hitting target?", f"are we meeting our {m} target"])
            add("target", "sample", HOME_S, [polite(q)], reading("target", ind, [HOME_S]), None, "target latest")
        else:
            p = pick(sorted(x for x in D.sample_target[ind] if "Q" not in x and D.get("sample", ind, HOME_S).get(x)
                            is not None))
            q = pick([f"did we hit the {m} target in {yt(p)}", f"{yt(p)} {m} vs target?"])
            add("target", "sample", HOME_S, [polite(q)], reading("target", ind, [HOME_S], None, p), None,
                "target one year")


def closest(held, asked):
    def idx(p):
        return int(p[:4])
    d = sorted((abs(idx(h) - idx(asked)), h) for h in held)
    if len(d) > 1 and d[0][0] == d[1][0]:
        return None
    return d[0][1]


def fam_pnh(k):
    c = 0
    while c < k:
        ds = pick(["oflog", "lgbf", "sample"])
        home = pick(homes(ds))
        ind = pick(inds(ds, home))
        held = D.annual(ds, ind, home)
        m = ind_text(ds, ind)
        kind = pick(["before", "after", "gap", "quarter"])
        if kind == "before":
            asked = fy_next(held[0], -pick([1, 2, 3]))
        elif kind == "after":
            if ds == "sample":
                continue
            asked = fy_next(held[-1], pick([1, 2]))
        elif kind == "gap":
            gaps = [fy_next(held[0], j) for j in range(int(held[-1][:4]) - int(held[0][:4]))
                    if fy_next(held[0], j) not in held]
            if not gaps:
                continue
            asked = pick(gaps)
        else:
            if ds == "sample" and any("Q" in p for p in D.get(ds, ind, home)):
                continue
            y = pick(held) if ds != "sample" else fy_next(held[-1])
            asked = f"{y} Q{pick([1, 2, 3, 4])}"
        cp = closest(held, asked)
        if not cp:
            continue
        at = yt(asked) if "Q" not in asked else pick([asked, asked.replace("-", "/"), f"Q{asked[-1]} of {asked[:7]}"])
        if "Q" in asked and at.startswith("Q"):
            at = f"Q{asked[-1]} {asked[:7]}"
        q = pick([f"what was our {m} in {at}", f"{m} for {at}?", f"can you pull our {m} figure for {at}"])
        add("period_not_held", ds, home, [polite(q)], reading("value", ind, [home], None, asked),
            [fig(ds, ind, home, cp)], f"{kind} not held; closest {cp}")
        c += 1


UNKNOWN = [
    ("sample", "what's cardiff council's recycling rate"), ("oflog", "how does belfast compare on care turnover"),
    ("lgbf", "swansea's council tax collection?"), ("oflog", "carer quality of life for South Cambridgeshire"),
    ("oflog", "adult social care staff turnover in mid suffolk district council"),
    ("lgbf", "what's the pothole count for fife this year"), ("sample", "how many parking tickets did we issue"),
    ("oflog", "allotment waiting list length for us?"), ("lgbf", "thanks, that's really helpful!"),
    ("sample", "what's the weather like in northbridge"), ("oflog", "can you tell me a joke"),
    ("lgbf", "how is Glenmorven council doing on recycling"), ("oflog", "upperthorpe county council asc turnover"),
    ("sample", "what's our carer quality of life score"),
    ("sample", "how easy do service users find info about services here"),
    ("oflog", "what's our positive destinations rate for school leavers"), ("oflog", "cost per library visit for us?"),
    ("lgbf", "what's our adult social care workforce turnover"), ("lgbf", "carers' quality of life score for us"),
    ("sample", "who is the leader of the council"), ("oflog", "number of electric vehicle chargers installed"),
    ("lgbf", "newry mourne and down's street cleanliness"), ("oflog", "wrexham care staff turnover 2021/22"),
    ("sample", "mornin all"), ("lgbf", "how many councillors sit on the audit committee"),
    ("oflog", "what's the average house price in our area"), ("sample", "short-term services outcome for us?"),
    ("lgbf", "reablement outcomes (sequel to short-term services) for us"),
    ("oflog", "home care cost per hour for over 65s"),
    ("sample", "whats the bus punctuality like"), ("oflog", "harrogate borough council's carer quality of life"),
    ("lgbf", "pupils entering positive destinations in Gwynedd"),
]


def fam_unknown():
    for ds, q in UNKNOWN:
        add("unknown", ds, pick(homes(ds)), [q], reading("unknown", [], []), None, "unanswerable / out of scope")


def fam_followup(k):
    c = 0
    while c < k:
        ds = pick(["oflog", "lgbf", "sample"])
        home = pick(homes(ds))
        ind = pick(inds(ds, home, ranked=True))
        held = D.annual(ds, ind, home)
        m = ind_text(ds, ind)
        kind = pick(["year", "nb", "rank", "back", "pos", "since", "cmpyear"])
        if kind == "year" and len(held) >= 2:
            p1, p2 = R.sample(held, 2)
            t = [polite(f"what was our {m} in {yt(p1)}"), pick([f"and {yt(p2)}?", f"what about {yt(p2)}",
                                                                 f"same for {yt(p2)} pls"])]
            e = [reading("value", ind, [home], None, p1), reading("value", ind, [home], None, p2)]
            f = [fig(ds, ind, home, p2)]
        elif kind == "nb":
            t = [polite(f"what's our latest {m}"), pick(["how does that compare with similar councils?",
                                                         "and vs our neighbours?", "is that good compared to our "
                                                         "comparator group"])]
            e = [reading("value", ind, [home]), reading("compare", ind, [home, "neighbours"], comparison="neighbours")]
            f = None
        elif kind == "rank":
            gtok = "neighbours" if ds == "sample" else pick(["neighbours", NAT[ds]])
            n = pick([3, 5]) if gtok != "neighbours" else 3
            group = D.group(ds, ind, home) if gtok == "neighbours" else D.national(ds, ind)
            p = rank_period(ds, ind, group, None)
            bad = {a for a, _ in ranked(ds, ind, group, p, "best")[:n]} | \
                {a for a, _ in ranked(ds, ind, group, p, "worst")[:n]}
            if ds == "oflog" and gtok == "england" and bad & OFLOG_EXCLUDED:
                continue
            t = [polite(rank_text(ds, ind, gtok, n, "best", None)),
                 pick(["and the bottom ones?", "what about the worst?", "now the other end of the table"])]
            e = [reading("rank", ind, [gtok], comparison="ranking", n=n, order="best"),
                 reading("rank", ind, [gtok], comparison="ranking", n=n, order="worst")]
            f = None
        elif kind == "back" and ds != "sample":
            other = pick([x for x in named_pool(ds) if x != home and D.annual(ds, ind, x)])
            p = pick(held)
            t = [polite(f"what's {name_text(ds, other, False)}'s {m}"), pick([f"what was ours in {yt(p)}?",
                                                                            f"and ours for {yt(p)}"])]
            e = [reading("value", ind, [other]), reading("value", ind, [home], None, p)]
            f = [fig(ds, ind, home, p)]
        elif kind == "pos" and ds != "sample":
            t = [polite(f"where do we rank among our neighbours on {m}"), pick([f"and in {NAT[ds]}?",
                                                                              f"what about across {NAT[ds]}"])]
            e = [reading("rank", ind, [home, "neighbours"], comparison="ranking"),
                 reading("rank", ind, [home, NAT[ds]], comparison="ranking")]
            f = None
        elif kind == "since" and len(held) >= 3:
            other = pick([i for i in inds(ds, home) if i != ind and len(D.annual(ds, i, home)) >= 2])
            a = held[0] if R.random() < 0.5 else held[1]
            la2 = D.latest(ds, other, home)
            if int(a[:4]) >= int(la2[:4]):
                continue
            t = [polite(f"how has {m} changed since {yt(a)}"), pick([f"same for {ind_text(ds, other)}?",
                                                                     f"and {ind_text(ds, other)}"])]
            e = [reading("trend", ind, [home], a, held[-1]), reading("trend", other, [home], a, la2)]
            f = None
        elif kind == "cmpyear" and ds != "sample":
            p = pick(held)
            t = [polite(f"how do we compare to {pick(NATWORD[ds])} on {m}"), f"what about back in {yt(p)}?"]
            e = [reading("compare", ind, [home, NAT[ds]], comparison="national"),
                 reading("compare", ind, [home, NAT[ds]], None, p, comparison="national")]
            f = None
        else:
            continue
        add("followup", ds, home, t, e[-1], f, f"follow-up: {kind}", each=e)
        c += 1


def main():
    fam_names(70)
    fam_rank(70)
    fam_followup(70)
    fam_value(30)
    fam_span(30, "span")
    fam_span(30, "trend")
    fam_compare(40)
    fam_overview(25)
    fam_target(20)
    fam_pnh(25)
    fam_unknown()
    halves = {"dev": [], "holdout": []}
    groups = {}
    for it in ITEMS:
        groups.setdefault((it["family"], it["dataset"]), []).append(it)
    counters = {}
    for key in sorted(groups):
        lst = groups[key]
        R.shuffle(lst)
        for i, it in enumerate(lst):
            counters[key[0]] = counters.get(key[0], 0) + 1
            it2 = {"id": f"b25-{key[0]}-{counters[key[0]]:03d}"}
            it2.update(it)
            halves["dev" if i % 2 == 0 else "holdout"].append(it2)
    for h, items in halves.items():
        doc = {"set": f"understanding_blind25_{h}", "seed": SEED, "count": len(items), "items": items}
        (HERE / f"{h}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=200))
        print(h, len(items))


if __name__ == "__main__":
    main()
