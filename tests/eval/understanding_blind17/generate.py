"""Generate the blind question-understanding set 17 (scrutiny officer pasting members' emails).

Run from /work/main: .venv/bin/python tests/eval/understanding_blind17/generate.py
Every reading, ranking size, period and figure is computed from the raw files with pandas.
"""

import json
import random
import re
from pathlib import Path

import pandas as pd
import yaml

SEED = 17171717
OUT = Path(__file__).resolve().parent
SHARED = Path("/work/shared/data")
SAMPLE = Path("/work/main/bot/sample_pack/data")
rng = random.Random(SEED)

# ---------------------------------------------------------------- data
asc = pd.read_csv(SHARED / "oflog_asc/asc_data.csv")
asc["Code"] = asc["Code"].astype(str).str.strip().str.upper()
asc["Value"] = pd.to_numeric(asc["Value"], errors="coerce")
OF_NAMES = dict(zip(asc["Local authority code"], asc["Local authority name"], strict=True))
OF_TYPE = dict(zip(asc["Local authority code"], asc["Entity_Name"], strict=True))
ofv = asc.dropna(subset=["Value"]).rename(
    columns={"Code": "ind", "Local authority code": "area", "Financial year": "period", "Value": "value"}
)[["ind", "area", "period", "value"]]
NN = json.loads((SHARED / "oflog_asc/nearest_neighbours.json").read_text())
EXCL_NAMES = {
    "Buckinghamshire",
    "Dorset",
    "Northamptonshire",
    "Bournemouth",
    "Poole",
    "Bournemouth, Christchurch and Poole",
    "Isles of Scilly",
    "City of London",
}
EXCL = {c for c, n in OF_NAMES.items() if n in EXCL_NAMES}
# short forms that fit two councils, or names that read as one: never named
AMBIG = {
    "Derby",
    "Leicester",
    "Nottingham",
    "Bedford",
    "Kingston upon Thames",
    "Richmond upon Thames",
    "Kingston Upon Hull",
}
OF_OK = sorted(
    c
    for c, n in OF_NAMES.items()
    if c not in EXCL and n not in AMBIG and "," not in n and not (set(NN.get(c, [])) & EXCL)
)
OF_HOMES = [c for c in OF_OK if c in NN]
OF_POL = {"ASC1": "best_high", "ASC2": "best_high", "ASC3": "best_high", "ASC4": "best_high", "ASC5": "best_high"}
OF_POL.update({"ASC6": None, "ASC7": "best_low"})

lg = pd.read_csv(SHARED / "lgbf/lgbf_values_real.csv")
lg = lg.dropna(subset=["LocalAuthority", "LA_IndicatorReal"])
info = pd.read_csv(SHARED / "lgbf/indicator_information.csv")
fam = pd.read_csv(SHARED / "lgbf/family_groups.csv", encoding="utf-8-sig")


def slug(name):
    return "S-" + re.sub(r"[^a-z0-9]+", "-", name.lower().replace("&", "and")).strip("-")


lg["area"] = lg["LocalAuthority"].map(slug)
lgv = lg[lg["Year"].str.fullmatch(r"\d{4}-\d{2}")].rename(
    columns={"Code": "ind", "Year": "period", "LA_IndicatorReal": "value"}
)[["ind", "area", "period", "value"]]
LG_NAMES = {slug(n): n for n in lg["LocalAuthority"].unique()}
LG_INFO = info.set_index("Code")
LG_POL = {c: {"Ascending": "best_low", "Descending": "best_high"}.get(r["Ranking_Type"]) for c, r in LG_INFO.iterrows()}


def lg_group(home, ind):
    typ = LG_INFO.loc[ind, "FamilyGrouping"]
    f = fam[fam["Type"] == typ]
    g = f.loc[f["Local_Authority"] == LG_NAMES[home], "Family_Group"].iloc[0]
    return sorted(slug(n) for n in f.loc[f["Family_Group"] == g, "Local_Authority"])


sd = pd.read_csv(SAMPLE / "indicators.csv")
meta = pd.read_csv(SAMPLE / "indicator_meta.csv")
SHOME = "E07999001"
smv = sd.rename(columns={"indicator_id": "ind", "area_code": "area"})[["ind", "area", "period", "value"]]
S_NAMES = dict(zip(sd["area_code"], sd["area_name"], strict=True))
S_POL = {r.indicator_id: ("best_high" if r.polarity == "higher_is_better" else "best_low") for r in meta.itertuples()}
S_NN = sorted(pd.read_csv(SAMPLE / "nearest_neighbours.csv").query("area_code == @SHOME")["member_code"])

VALUES = {"oflog": ofv, "lgbf": lgv, "sample": smv}
LOOK = {k: {(r.ind, r.area, r.period): float(r.value) for r in v.itertuples()} for k, v in VALUES.items()}

# everyday wording per measure (typed wording; readings computed)
OF_WORDS = {
    "ASC1": ["carer quality of life", "the carer-reported quality of life score", "carers quality of life"],
    "ASC2": ["social care related quality of life", "quality of life for people who use our care services"],
    "ASC3": ["how easy service users find it to get information about services", "service users finding info easily"],
    "ASC4": [
        "carers finding it easy to get information about support",
        "ease of finding info about support for carers",
    ],
    "ASC5": [
        "people needing no further support after short-term services",
        "outcome of short term services (reablement)",
    ],
    "ASC6": [
        "requests for support that resulted in a service",
        "the proportion of new requests resulting in a service",
    ],
    "ASC7": ["adult social care workforce turnover", "care staff turnover", "social care staff turnover rate"],
}
LG_WORDS = {
    "ENV06": ["household recycling rate", "% of household waste recycled"],
    "ENV01a": ["net cost of waste collection per premises", "bin collection cost per premises"],
    "ENV03c": ["street cleanliness score", "street cleanliness"],
    "C&L02": ["cost per library visit"],
    "C&L01": ["cost per attendance at sports facilities", "sports facility cost per attendance"],
    "CORP07": ["council tax collection rate", "% of council tax received by year end"],
    "CORP08": ["invoices paid within 30 days", "% of invoices paid in 30 days"],
    "CORP06b": ["sickness absence days per non-teaching employee", "non-teacher sickness absence"],
    "CHN11": ["school leavers going into positive destinations", "positive destinations"],
    "SW01": ["home care costs per hour for over 65s", "older people's home care cost per hour"],
    "SW07": ["care services graded good or better", "% of care services rated good or better"],
    "HSN02": ["rent lost to voids", "rent loss due to empty council houses"],
    "HSN04b": ["time to complete non-emergency repairs", "non emergency repair times"],
    "ECON09": ["town vacancy rates", "town centre vacancy rate"],
    "CLIM01": ["area wide CO2 emissions per capita", "co2 emissions per head"],
    "CHN24": ["child poverty after housing costs", "% of children in poverty (after housing costs)"],
}
S_WORDS = {
    "household_recycling_rate": ["recycling rate", "household recycling"],
    "missed_bins_per_100k": ["missed bins", "missed bin collections"],
    "residual_waste_per_household": ["residual waste per household", "black bin waste per household"],
    "waste_collection_cost_per_household": ["cost of waste collection per household", "bin collection cost"],
    "planning_major_in_time": ["major planning applications in time", "speed of major planning decisions"],
    "planning_minor_in_time": ["minor planning apps decided in time", "minor planning applications"],
    "homelessness_prevention_rate": ["homelessness prevention", "homelessness prevention rate"],
    "temporary_accommodation_per_1000": ["households in temporary accommodation", "temporary accommodation"],
    "relet_days": ["re-let times", "average days to relet council homes"],
    "council_tax_collection": ["council tax collection", "ctax collection rate"],
    "business_rates_collection": ["business rates collection", "nndr collection"],
    "complaints_in_time": ["complaints answered on time", "complaint response times"],
    "stage2_complaints_upheld": ["stage 2 complaints upheld", "upheld stage 2 complaints"],
    "sickness_absence_days": ["sickness absence", "staff sickness days per fte"],
    "dfg_within_26_weeks": ["disabled facilities grants within 26 weeks", "DFGs done in 26 weeks"],
    "fly_tipping_per_1000": ["fly tipping", "fly-tipping incidents"],
    "leisure_visits_per_1000": ["leisure centre visits", "leisure visits per 1000 people"],
}
WORDS = {"oflog": OF_WORDS, "lgbf": LG_WORDS, "sample": S_WORDS}
POL = {"oflog": OF_POL, "lgbf": LG_POL, "sample": S_POL}
# sample home must not be asked workforce turnover by ASC wording; sample staff_turnover never shown against ASC7
S_INDS = [i for i in S_WORDS]
LG_INDS = list(LG_WORDS)

LG_SHORT = {
    "Edinburgh City": ["City of Edinburgh Council", "Edinburgh", "edinburgh council"],
    "Glasgow City": ["Glasgow City Council", "Glasgow", "glasgow"],
    "Dundee City": ["Dundee City Council", "Dundee"],
    "Aberdeen City": ["Aberdeen City Council", "aberdeen city"],
    "Eilean Siar": ["Comhairle nan Eilean Siar", "the Western Isles", "eilean siar"],
    "Scottish Borders": ["Scottish Borders Council", "the Borders"],
    "Orkney Islands": ["Orkney Islands Council", "Orkney"],
    "Shetland Islands": ["Shetland Islands Council", "Shetland"],
    "Perth & Kinross": ["Perth and Kinross Council", "P&K", "perth & kinross"],
    "Dumfries & Galloway": ["Dumfries and Galloway Council", "D&G", "dumfries and galloway"],
    "Argyll & Bute": ["Argyll and Bute Council", "argyll & bute"],
    "Highland": ["Highland Council", "the Highland Council"],
}


def fy(start):
    return f"{start}-{str(start + 1)[2:]}"


def ystart(p):
    return int(p[:4])


NUMW = {10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen"}
NUMW.update({17: "seventeen", 18: "eighteen", 19: "nineteen", 20: "twenty", 21: "twenty-one", 22: "twenty-two"})
NUMW.update({23: "twenty-three", 24: "twenty-four", 25: "twenty-five"})


def say_year(p):
    s = ystart(p)
    e = s + 1
    opts = [p, f"{s}/{str(e)[2:]}", f"{s}-{e}", f"FY{str(s)[2:]}/{str(e)[2:]}", f"{s}/{e}", str(s)]
    if s - 2000 in NUMW and e - 2000 in NUMW:
        opts.append(f"twenty {NUMW[s - 2000]}-{NUMW[e - 2000]}")
    return rng.choice(opts)


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


ALL_NAMES = [n.lower() for n in list(OF_NAMES.values()) + list(LG_NAMES.values()) + list(S_NAMES.values())]


def typo(name):
    """One-letter typo only when the nearest other real name is far away."""
    low = name.lower()
    for _ in range(10):
        i = rng.randrange(1, len(low) - 1)
        if not low[i].isalpha():
            continue
        kind = rng.choice(["drop", "swap", "dup"])
        if kind == "drop":
            t = low[:i] + low[i + 1 :]
        elif kind == "dup":
            t = low[:i] + low[i] + low[i:]
        else:
            if not low[i + 1].isalpha():
                continue
            t = low[:i] + low[i + 1] + low[i] + low[i + 2 :]
        if t != low and all(lev(t, o) >= 4 for o in ALL_NAMES if o != low) and len(low) >= 7:
            return t
    return None


def name_of(ds, code, allow_typo=True):
    if ds == "oflog":
        n = OF_NAMES[code]
        suf = {"Counties": " County Council", "London Boroughs": " Council", "Metropolitan Districts": " Council"}
        forms = [n, n.lower(), n + suf.get(OF_TYPE[code], " Council")]
        if OF_TYPE[code] == "London Boroughs":
            forms.append("London Borough of " + n)
        if " and " in n:
            forms.append(n.replace(" and ", " & "))
    elif ds == "lgbf":
        n = LG_NAMES[code]
        forms = [n, n.lower(), n.replace("&", "and") + " Council"] + LG_SHORT.get(n, [])
        if "&" in n:
            forms.append(n.replace("&", "and"))
    else:
        n = S_NAMES[code]
        short = n.rsplit(" ", 2)[0]
        forms = [n, short, short.lower(), "the " + n]
    if allow_typo and rng.random() < 0.15:
        t = typo(n.replace("&", "and"))
        if t:
            return t
    return rng.choice(forms)


GREET = ["Hi,", "Hello,", "Morning,", "Dear scrutiny team,", "Hi all,", "Good afternoon,", "Hiya", ""]
SIGN = ["Thanks", "Many thanks, Cllr Patel", "Best wishes\nJane", "cheers", "Kind regards,\nCllr M. Reid", ""]
SIGN += ["Thanks in advance", "regards, Chair of Adults & Health Scrutiny", "Ta"]
CTX = ["", "", "", " It's for Thursday's committee.", " Need it for the pre-meet.", " (for the chair's briefing)"]


def email(q):
    q = q.strip()
    style = rng.random()
    if style < 0.3:
        return q
    if style < 0.45:
        return q.lower().replace("'", "")
    g, s = rng.choice(GREET), rng.choice(SIGN)
    body = q + rng.choice(CTX)
    return "\n\n".join(x for x in [g, body, s] if x)


def word(ds, ind):
    return rng.choice(WORDS[ds][ind])


def series(ds, ind, area):
    v = VALUES[ds]
    s = v[(v.ind == ind) & (v.area == area) & v.period.str.fullmatch(r"\d{4}-\d{2}")]
    return sorted(s.period)


def fig(ds, ind, area, period):
    return {"indicator_id": ind, "area_code": area, "period": period, "value": LOOK[ds][(ind, area, period)]}


def exp(intent, inds, areas, frm=None, to=None, comp=None, n=None, order=None):
    return {
        "intent": intent,
        "indicators": list(inds),
        "areas": list(areas),
        "periods": {"from": frm, "to": to},
        "comparison": comp,
        "n": n,
        "order": order,
    }


def pick_home(ds):
    if ds == "oflog":
        return rng.choice(OF_HOMES)
    if ds == "lgbf":
        return rng.choice(sorted(LG_NAMES))
    return SHOME


def pick_ind(ds, home, ranked=False, min_years=1):
    inds = sorted(WORDS[ds])
    for _ in range(50):
        i = rng.choice(inds)
        if ranked and not POL[ds].get(i):
            continue
        if len(series(ds, i, home)) >= min_years:
            return i
    return None


def group_of(ds, home, ind, grp):
    if grp == "neighbours":
        if ds == "oflog":
            return sorted(NN[home])
        if ds == "lgbf":
            return lg_group(home, ind)
        return S_NN
    if grp == "england":
        return sorted(OF_NAMES)
    return sorted(LG_NAMES)


def rank_period(ds, ind, members):
    v = VALUES[ds]
    s = v[(v.ind == ind) & v.area.isin(members) & v.period.str.fullmatch(r"\d{4}-\d{2}")]
    counts = s.groupby("period").area.nunique()
    ok = [p for p, c in counts.items() if c * 2 >= len(members)]
    return max(ok) if ok else None


def ranking(ds, ind, members, period):
    vals = [(a, LOOK[ds][(ind, a, period)]) for a in members if (ind, a, period) in LOOK[ds]]
    rev = POL[ds][ind] == "best_high"
    return sorted(vals, key=lambda t: (-t[1] if rev else t[1], t[0]))


ITEMS = []


def add(family, ds, home, turns, expect, note, figures=None, each=None):
    it = {"family": family, "dataset": ds, "home_area": home, "turns": turns, "expect": expect}
    if each:
        it["expect_each"] = each
    if figures:
        it["figures"] = figures
    it["note"] = note
    ITEMS.append(it)


def ds_cycle(n, choices=("oflog", "lgbf", "sample")):
    return [choices[i % len(choices)] for i in range(n)]


def other_area(ds, home):
    if ds == "oflog":
        return rng.choice([c for c in OF_OK if c != home])
    if ds == "lgbf":
        return rng.choice([c for c in sorted(LG_NAMES) if c != home])
    return rng.choice([c for c in S_NN if c != home])


def gen_value_like(family, ds, named):
    home = pick_home(ds)
    area = other_area(ds, home) if named else home
    ind = pick_ind(ds, area)
    if ind is None:
        return
    ser = series(ds, ind, area)
    w = word(ds, ind)
    if rng.random() < 0.5:
        p = rng.choice(ser)
        yr = say_year(p)
        if named:
            nm = name_of(ds, area)
            q = rng.choice(
                [
                    f"What was {nm}'s {w} in {yr}?",
                    f"{w} for {nm}, {yr} please",
                    f"Could you tell me {nm}'s figure for {w}? I need the {yr} number.",
                    f"{nm} - {w} in {yr}?",
                ]
            )
        else:
            q = rng.choice(
                [
                    f"What was our {w} in {yr}?",
                    f"hows our {w} for {yr}",
                    f"Can you send me our {w}? The member is asking about {yr}.",
                    f"{w} - what did we get in {yr} pls",
                ]
            )
        e = exp("value", [ind], [area], None, p)
    else:
        p = ser[-1]
        if named:
            nm = name_of(ds, area)
            q = rng.choice(
                [
                    f"What is {nm}'s latest {w}?",
                    f"whats the {w} at {nm} at the moment",
                    f"A resident asked about {nm}. What's their current {w}?",
                    f"{nm}: {w}, latest figure?",
                ]
            )
        else:
            q = rng.choice(
                [
                    f"What is our {w} currently?",
                    f"where r we on {w} now",
                    f"Quick one - what's our latest {w}?",
                    f"{w}: what's the most recent figure for us?",
                ]
            )
        e = exp("value", [ind], [area])
    add(family, ds, home, [email(q)], e, f"{'named council' if named else 'home'} value", [fig(ds, ind, area, p)])


for ds in ds_cycle(70):
    gen_value_like("names", ds, True)
for ds in ds_cycle(30):
    gen_value_like("value", ds, False)


def gen_rank(ds):
    home = pick_home(ds)
    ind = pick_ind(ds, home, ranked=True)
    if ind is None:
        return
    w = word(ds, ind)
    grps = ["neighbours"] + (["england"] if ds == "oflog" else ["scotland"] if ds == "lgbf" else [])
    grp = rng.choice(grps)
    members = group_of(ds, home, ind, grp)
    gword = {
        "neighbours": rng.choice(
            ["our nearest neighbours", "similar councils", "our comparator group", "our family group"]
        ),
        "england": rng.choice(["England", "all English councils", "the country"]),
        "scotland": rng.choice(["Scotland", "all Scottish councils", "the 32 councils"]),
    }[grp]
    if grp == "neighbours" and ds == "oflog":
        gword = rng.choice(["our nearest neighbours", "our CIPFA neighbours", "similar councils"])
    if grp == "neighbours" and ds == "lgbf":
        gword = rng.choice(["our family group", "the family group", "similar councils"])
    if grp == "neighbours" and ds == "sample":
        gword = rng.choice(["our nearest neighbours", "similar councils", "our comparator group"])
    period = rank_period(ds, ind, members)
    if period is None:
        return
    if rng.random() < 0.3:
        q = rng.choice(
            [
                f"Where do we rank among {gword} on {w}?",
                f"how do we rank vs {gword} for {w}",
                f"What position are we in across {gword} for {w}?",
            ]
        )
        if (ind, home, period) not in LOOK[ds]:
            return
        add(
            "rank",
            ds,
            home,
            [email(q)],
            exp("rank", [ind], [home, grp], comp="ranking"),
            "position question",
            [fig(ds, ind, home, period)],
        )
        return
    ranked = ranking(ds, ind, members, period)
    n = rng.choice([1, 3, 3, 5, 5, 10]) if len(ranked) > 11 else rng.choice([1, 3, 5])
    if n >= len(ranked):
        return
    order = rng.choice(["best", "worst"])
    low_good = POL[ds][ind] == "best_low"
    if order == "best":
        lst = ranked[:n]
        adj = rng.choice(["best", "top", "strongest", "lowest" if low_good else "highest"])
    else:
        lst = ranked[::-1][:n]
        adj = rng.choice(["worst", "bottom", "weakest", "highest" if low_good else "lowest"])
    if grp == "england" and any(a in EXCL for a, _ in lst):
        return
    if n == 1:
        q = rng.choice(
            [f"Which council has the {adj} {w} among {gword}?", f"who is the {adj} performer on {w} in {gword}?"]
        )
    else:
        q = rng.choice(
            [
                f"Can I have the {adj} {n} councils for {w} across {gword}?",
                f"{adj} {n} of {gword} on {w} pls",
                f"Which are the {n} {adj} councils in {gword} for {w}?",
            ]
        )
    cut = ranked if order == "best" else ranked[::-1]
    tie = len(cut) > n and cut[n - 1][1] == cut[n][1]
    figs = None if tie else [fig(ds, ind, a, period) for a, _ in lst]
    add("rank", ds, home, [email(q)], exp("rank", [ind], [grp], comp="ranking", n=n, order=order), "rank list", figs)


for ds in ds_cycle(76):
    gen_rank(ds)


def gen_span(ds):
    home = pick_home(ds)
    ind = pick_ind(ds, home, min_years=3)
    if ind is None:
        return
    ser = series(ds, ind, home)
    w = word(ds, ind)
    if rng.random() < 0.5:
        a, b = sorted(rng.sample(ser, 2))
        ya, yb = say_year(a), say_year(b)
        q = rng.choice(
            [
                f"How has our {w} changed between {ya} and {yb}?",
                f"{w} from {ya} to {yb} please",
                f"Can you pull our {w} trend? Period is {ya} -> {yb}.",
            ]
        )
        add(
            "span",
            ds,
            home,
            [email(q)],
            exp("trend", [ind], [home], a, b),
            "explicit span",
            [fig(ds, ind, home, a), fig(ds, ind, home, b)],
        )
    else:
        a = rng.choice(ser[:-1])
        ya = str(ystart(a)) if rng.random() < 0.6 else "April " + str(ystart(a))
        q = rng.choice([f"How has our {w} moved since {ya}?", f"what's happened to {w} since {ya}?"])
        add(
            "span",
            ds,
            home,
            [email(q)],
            exp("trend", [ind], [home], a, ser[-1]),
            "since year",
            [fig(ds, ind, home, a), fig(ds, ind, home, ser[-1])],
        )


for ds in ds_cycle(30):
    gen_span(ds)


def gen_trend(ds):
    home = pick_home(ds)
    ind = pick_ind(ds, home, min_years=3)
    if ind is None:
        return
    ser = series(ds, ind, home)
    w = word(ds, ind)
    if rng.random() < 0.5:
        q = rng.choice(
            [
                f"Is our {w} getting better?",
                f"whats the direction of travel on {w}",
                f"Members want to know if {w} is improving or getting worse.",
            ]
        )
        add("trend", ds, home, [email(q)], exp("trend", [ind], [home]), "trend, no span")
    else:
        n = rng.choice([3, 4, 5])
        frm = fy(ystart(ser[-1]) - n)
        q = rng.choice(
            [f"What's our {w} over the last {n} years?", f"{n}-year trend for {w} please", f"{w} past {n} years?"]
        )
        add("trend", ds, home, [email(q)], exp("trend", [ind], [home], frm, ser[-1]), "last N years")


for ds in ds_cycle(30):
    gen_trend(ds)


def gen_compare(ds):
    home = pick_home(ds)
    ind = pick_ind(ds, home)
    if ind is None:
        return
    w = word(ds, ind)
    kinds = ["area", "neighbours"] + ([] if ds == "sample" else ["national"])
    k = rng.choice(kinds)
    if k == "area":
        o = other_area(ds, home)
        if not series(ds, ind, o):
            return
        nm = name_of(ds, o)
        q = rng.choice(
            [f"How do we compare with {nm} on {w}?", f"{w}: us vs {nm}?", f"are we better or worse than {nm} on {w}"]
        )
        e = exp("compare", [ind], [home, o], comp="area")
    elif k == "neighbours":
        g = rng.choice(["similar councils", "our nearest neighbours", "our comparator group"])
        if ds == "lgbf":
            g = rng.choice(["our family group", "similar councils"])
        q = rng.choice([f"How does our {w} compare with {g}?", f"{w} - how do we stack up against {g}?"])
        e = exp("compare", [ind], [home, "neighbours"], comp="neighbours")
    else:
        nat = "england" if ds == "oflog" else "scotland"
        q = rng.choice([f"How does our {w} compare to the {nat.title()} average?", f"{w} vs {nat} overall?"])
        e = exp("compare", [ind], [home, nat], comp="national")
    if rng.random() < 0.3:
        p = rng.choice(series(ds, ind, home))
        q = q.rstrip("?") + f"? This is for {say_year(p)}."
        e["periods"]["to"] = p
    add("compare", ds, home, [email(q)], e, f"compare {k}")


for ds in ds_cycle(40):
    gen_compare(ds)


S_GROUPS = {
    "waste": ["household_recycling_rate", "missed_bins_per_100k", "residual_waste_per_household"]
    + ["waste_collection_cost_per_household"],
    "planning": ["planning_major_in_time", "planning_minor_in_time"],
    "homelessness": ["homelessness_prevention_rate", "temporary_accommodation_per_1000"],
    "revenues": ["council_tax_collection", "business_rates_collection"],
    "complaints": ["complaints_in_time", "stage2_complaints_upheld"],
    "workforce": ["sickness_absence_days", "staff_turnover"],
}
LG_SERV = {"Children's Services": "children's services", "Housing Services": "housing"}
LG_SERV.update({"Environmental Services": "environmental services", "Adult Social Care Services": "adult social care"})


def held(ds, area):
    return set(VALUES[ds].loc[VALUES[ds].area == area, "ind"])


def gen_overview(ds):
    home = pick_home(ds)
    area = home if rng.random() < 0.7 else other_area(ds, home)
    h = held(ds, area) if ds != "lgbf" else set(lg.loc[lg.area == area, "Code"])
    if ds == "oflog":
        inds, serv = sorted(i for i in OF_WORDS if i in h), "adult social care"
    elif ds == "lgbf":
        cat = rng.choice(sorted(LG_SERV))
        inds = sorted(c for c in LG_INFO.index[LG_INFO["ISCategory"] == cat] if c in h)
        serv = LG_SERV[cat]
    else:
        serv = rng.choice(sorted(S_GROUPS))
        inds = sorted(i for i in S_GROUPS[serv] if i in h)
    if not inds:
        return
    who = "we" if area == home else name_of(ds, area)
    q = rng.choice(
        [f"How are {who} doing on {serv}?", f"overview of {serv} performance for {'us' if who == 'we' else who}"]
    )
    if who != "we":
        q = rng.choice([f"How is {who} doing on {serv}?", f"Can I get an overview of {serv} at {who}?"])
    add("overview", ds, home, [email(q)], exp("overview", inds, [area]), f"overview {serv}")


for ds in ds_cycle(25):
    gen_overview(ds)


for _ in range(20):
    ind = rng.choice(S_INDS)
    w = word("sample", ind)
    if rng.random() < 0.5:
        q = rng.choice(
            [f"Are we hitting target on {w}?", f"r we on target for {w}", f"{w} - are we meeting our target?"]
        )
        add("target", "sample", SHOME, [email(q)], exp("target", [ind], [SHOME]), "target latest")
    else:
        p = rng.choice(series("sample", ind, SHOME))
        q = rng.choice([f"Did we meet the target for {w} in {say_year(p)}?", f"{w}: was the {say_year(p)} target met?"])
        add("target", "sample", SHOME, [email(q)], exp("target", [ind], [SHOME], None, p), "target year")


def closest(ser, start):
    d = sorted((abs(ystart(p) - start), p) for p in ser)
    if len(d) > 1 and d[0][0] == d[1][0]:
        return None
    return d[0][1]


def gen_pnh(ds):
    home = pick_home(ds)
    area = home if rng.random() < 0.7 else other_area(ds, home)
    ind = pick_ind(ds, area, min_years=2)
    if ind is None:
        return
    ser = series(ds, ind, area)
    kind = rng.choice(["before", "after", "quarter", "gap"])
    if kind == "before":
        s = ystart(ser[0]) - rng.choice([1, 2, 3])
        asked = fy(s)
    elif kind == "after":
        s = ystart(ser[-1]) + rng.choice([1, 2])
        asked = fy(s)
        if ds == "sample" and area == SHOME and (ind, SHOME, "2024-25 Q1") in LOOK["sample"]:
            return
    elif kind == "quarter":
        p = rng.choice(ser)
        s = ystart(p)
        asked = f"{p} Q{rng.choice([1, 2, 3, 4])}"
        if (ind, area, asked) in LOOK[ds]:
            return
    else:
        gaps = [fy(y) for y in range(ystart(ser[0]), ystart(ser[-1])) if fy(y) not in ser]
        if not gaps:
            return
        asked = rng.choice(gaps)
        s = ystart(asked)
    c = closest(ser, s)
    if c is None:
        return
    w = word(ds, ind)
    said = asked if "Q" in asked else say_year(asked)
    who = "our" if area == home else name_of(ds, area) + "'s"
    q = rng.choice([f"What was {who} {w} in {said}?", f"{w} for {said}? ({'us' if who == 'our' else who[:-2]})"])
    add(
        "period_not_held",
        ds,
        home,
        [email(q)],
        exp("value", [ind], [area], None, asked),
        f"not held: {kind}",
        [fig(ds, ind, area, c)],
    )


for ds in ds_cycle(34):
    gen_pnh(ds)

UNK = [
    ("oflog", "What's Cardiff's carer quality of life score?"),
    ("oflog", "How does Swansea do on care staff turnover?"),
    ("lgbf", "Can you get me Belfast City Council's recycling rate?"),
    ("oflog", "What is Cheltenham Borough Council's adult social care workforce turnover?"),
    ("oflog", "South Cambridgeshire - carers quality of life latest?"),
    ("sample", "what's Borsetshire's missed bins figure"),
    ("lgbf", "How is Glenmorven Council doing on positive destinations?"),
    ("oflog", "What's our pothole repair time within 24 hours?"),
    ("sample", "How many parking tickets did we issue last year?"),
    ("lgbf", "What is our library opening hours per week figure?"),
    ("oflog", "thanks, that's really helpful!"),
    ("sample", "Morning - hope you had a good weekend"),
    ("lgbf", "can you book the committee room for Thursday?"),
    ("oflog", "What's our % of school leavers in positive destinations?"),
    ("oflog", "How's our school exclusions rate per 1000 pupils?"),
    ("lgbf", "What is our adult social care workforce turnover?"),
    ("lgbf", "What's our carer quality of life score (Oflog)?"),
    ("sample", "What's our carer quality of life score?"),
    ("sample", "How easy do service users find it to get info about services here?"),
    ("oflog", "Derry and Strabane - recycling rate?"),
    ("lgbf", "What's Gwynedd's cost per library visit?"),
    ("sample", "What is our crime rate per 1000 people?"),
    ("oflog", "who won the match last night"),
    ("lgbf", "What's the weather like in Inverness?"),
    ("sample", "What's the number of electric vehicle chargers we installed?"),
    ("oflog", "What's Harrogate Borough Council's ASC quality of life?"),
    ("lgbf", "How does Wrexham compare on council tax collection?"),
    ("sample", "What's our child poverty after housing costs?"),
    ("oflog", "How's Newport doing on social care quality of life?"),
    ("sample", "Can you draft my ward newsletter?"),
]
for ds, q in UNK:
    add("unknown", ds, pick_home(ds), [email(q)], exp("unknown", [], []), "unknown")


def gen_followup(ds):
    home = pick_home(ds)
    ind = pick_ind(ds, home, min_years=3)
    if ind is None:
        return
    ser = series(ds, ind, home)
    w = word(ds, ind)
    kind = rng.choice(["year", "ours", "nbr"])
    if kind == "year":
        p = rng.choice(ser[:-1])
        t = [email(f"What's our latest {w}?"), rng.choice([f"and in {say_year(p)}?", f"what about {say_year(p)}"])]
        each = [exp("value", [ind], [home]), exp("value", [ind], [home], None, p)]
        figs = [fig(ds, ind, home, p)]
    elif kind == "ours":
        o = other_area(ds, home)
        so = series(ds, ind, o)
        if not so:
            return
        p = rng.choice(ser)
        t = [email(f"What is {name_of(ds, o)}'s {w}?"), f"thanks - what was ours in {say_year(p)}?"]
        each = [exp("value", [ind], [o]), exp("value", [ind], [home], None, p)]
        figs = [fig(ds, ind, home, p)]
    else:
        p = rng.choice(ser)
        t = [
            email(f"What was our {w} in {say_year(p)}?"),
            rng.choice(["how does that compare with similar councils?", "and vs our nearest neighbours?"]),
        ]
        each = [
            exp("value", [ind], [home], None, p),
            exp("compare", [ind], [home, "neighbours"], None, p, "neighbours"),
        ]
        figs = None
    add("followup", ds, home, t, each[-1], f"follow-up {kind}", figs, each)


for ds in ds_cycle(70):
    gen_followup(ds)

# ---------------------------------------------------------------- split and write
counters = {}
for it in ITEMS:
    counters[it["family"]] = counters.get(it["family"], 0) + 1
    it["id"] = f"b17-{it['family']}-{counters[it['family']]:03d}"
    it.update({k: it.pop(k) for k in ["family", "dataset", "home_area", "turns", "expect"]})
    for k in ["expect_each", "figures", "note"]:
        if k in it:
            it[k] = it.pop(k)
dev, hold = [], []
keys = sorted({(i["family"], i["dataset"]) for i in ITEMS})
for key in keys:
    grp = [i for i in ITEMS if (i["family"], i["dataset"]) == key]
    rng.shuffle(grp)
    for j, it in enumerate(grp):
        (dev if j % 2 == 0 else hold).append(it)
for name, items in [("dev", dev), ("holdout", hold)]:
    items.sort(key=lambda i: i["id"])
    doc = {"set": f"understanding_blind17_{name}", "seed": SEED, "count": len(items), "items": items}
    (OUT / f"{name}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120))
    counts = {}
    for i in items:
        counts[(i["family"], i["dataset"])] = counts.get((i["family"], i["dataset"]), 0) + 1
    print(name, len(items), dict(sorted(counts.items())))
