"""Data layer for the set-15 generator: loads the raw files with pandas and answers the questions the generator needs
(series, holders, comparator groups, rankings, name variants). Nothing here is random."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
MAIN = HERE.parents[2]
SHARED = MAIN.parent / "shared" / "data"
SAMPLE = MAIN / "bot" / "sample_pack" / "data"

ANNUAL = re.compile(r"^\d{4}-\d{2}$")
SAMPLE_HOME = "E07999001"

# Explicitly excluded Oflog councils (brief): Buckinghamshire x2, Dorset x2, Northamptonshire, Bournemouth, Poole,
# BCP, Isles of Scilly, City of London.
OFLOG_EXCLUDED_NAMED = {
    "E10000002",
    "E06000060",
    "E10000009",
    "E06000059",
    "E10000021",
    "E06000028",
    "E06000029",
    "E06000058",
    "E06000053",
    "E09000001",
}


class Skip(Exception):
    """Raised when a candidate item cannot be made unambiguous; the generator draws again."""


def reading(intent, inds, areas, pfrom=None, pto=None, comp=None, n=None, order=None):
    return {
        "intent": intent,
        "indicators": list(inds),
        "areas": list(areas),
        "periods": {"from": pfrom, "to": pto},
        "comparison": comp,
        "n": n,
        "order": order,
    }


def fy(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def start_of(period: str) -> int:
    return int(period[:4])


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return "S-" + s


def lev(a: str, b: str) -> int:
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# --------------------------------------------------------------------------------------------- measure wording
OFLOG_PHRASES = {
    "ASC1": ["carer quality of life", "carers quality of life", "carer QoL", "quality of life for carers"],
    "ASC2": [
        "social care users quality of life",
        "quality of life of people who use care services",
        "service user quality of life",
        "care user QoL",
    ],
    "ASC3": [
        "ease of finding information for service users",
        "service users' ease of finding info about services",
        "ease of finding info (service users)",
    ],
    "ASC4": [
        "ease of finding information for carers",
        "carers' ease of finding info about support",
        "ease of finding info (carers)",
    ],
    "ASC5": [
        "short-term services outcome",
        "outcome of short term services (sequel to service)",
        "reablement outcomes",
        "short term support outcomes",
    ],
    "ASC6": [
        "requests resulting in a service",
        "% of requests for support that end in a service",
        "new requests leading to a service",
    ],
    "ASC7": ["care workforce turnover", "social care staff turnover", "adult social care turnover rate"],
}

LGBF_PHRASES = {
    "ENV01a": ["waste collection cost per premises", "net cost of waste collection per premise", "bin collection cost"],
    "ENV02a": ["waste disposal cost per premises", "cost of waste disposal per premise"],
    "ENV06": ["recycling rate", "household waste recycled", "% of household waste recycled"],
    "ENV03a": ["street cleaning cost", "cost of street cleaning per 1000 people"],
    "ENV03c": ["street cleanliness score", "street cleanliness"],
    "ENV04a": ["road maintenance cost per km", "cost per kilometre of roads"],
    "C&L01": ["cost per attendance at sports facilities", "sports facility cost per visit"],
    "C&L02": ["cost per library visit", "library cost per visit"],
    "C&L03": ["museum cost per visit", "cost of museums per visit"],
    "C&L04": ["parks and open spaces cost", "cost of parks per 1,000 population"],
    "ECON05": ["business gateway start-ups", "business start ups per 10k population"],
    "ECON08": ["superfast broadband coverage", "% of properties with superfast broadband"],
    "ECON09": ["town vacancy rate", "town centre vacancy rates"],
    "ECON04": ["procurement spend on local enterprises", "local procurement spend"],
    "ECON03": ["commercial planning application times", "average time per commercial planning app"],
    "CORP04": ["cost of collecting council tax", "council tax collection cost per dwelling"],
    "CORP07": ["council tax collection rate", "council tax received by year end"],
    "CORP08": ["invoices paid within 30 days", "prompt payment of invoices"],
    "CORP06a": ["teacher sickness absence", "sickness days per teacher"],
    "CORP06b": ["non-teacher sickness absence", "sickness absence for non teaching staff"],
    "ECON07": ["% of people earning below the living wage", "% below the living wage"],
    "HSN01b": ["rent arrears", "gross rent arrears"],
    "HSN02": ["rent lost to voids", "void rent loss"],
    "HSN03": ["SHQS compliance", "council homes meeting SHQS"],
    "HSN04b": ["non-emergency repair times", "time to complete non emergency repairs"],
    "HSN05a": ["energy efficient council homes", "% of council dwellings that are energy efficient"],
    "SW01": ["home care costs per hour", "hourly cost of home care for over 65s"],
    "SW05": ["residential care costs per week", "care home costs per resident per week"],
    "SW03a": ["% of 65+ with long-term care needs getting personal care at home", "personal care at home for 65+"],
    "SW06": ["hospital readmissions within 28 days", "28 day readmission rate"],
    "SW07": ["care services graded good or better", "care services rated good+"],
    "SW08": ["delayed discharge days for over 75s", "delayed discharge bed days (75+)"],
    "CHN01": ["cost per primary pupil", "primary school cost per pupil"],
    "CHN02": ["cost per secondary pupil", "secondary school cost per pupil"],
    "CHN03": ["cost per pre-school place", "pre school education cost per place"],
    "CHN11": ["positive destinations", "school leavers going to positive destinations"],
    "CHN09": ["balance of care for looked after children", "% of looked after kids cared for in the community"],
    "CHN22": ["child protection re-registrations", "CP re-registrations within 18 months"],
    "CHN24": ["child poverty", "children living in poverty after housing costs"],
    "CHN21": ["16-19 participation rate", "participation rate for 16 to 19 year olds"],
    "FINSUS01": ["usable reserves", "useable reserves as a % of budget"],
    "FINSUS02": ["uncommitted general fund balance", "uncommitted GF balance"],
}

SAMPLE_PHRASES = {
    "household_recycling_rate": ["recycling rate", "household recycling", "% of household waste recycled"],
    "missed_bins_per_100k": ["missed bins", "missed bin collections", "missed collections per 100k"],
    "residual_waste_per_household": ["residual waste per household", "black bin waste per household"],
    "waste_collection_cost_per_household": [
        "waste collection cost per household",
        "cost of bin collection per household",
    ],
    "planning_major_in_time": ["major planning apps decided in time", "majors in time", "% of majors decided on time"],
    "planning_minor_in_time": ["minor planning apps decided in time", "minors in time"],
    "homelessness_prevention_rate": ["homelessness prevention", "homelessness prevention rate"],
    "temporary_accommodation_per_1000": ["temporary accommodation", "households in TA", "TA per 1,000 households"],
    "relet_days": ["relet times", "re-let days", "average days to relet council homes"],
    "council_tax_collection": ["council tax collection", "ctax collection rate", "council tax collected in year"],
    "business_rates_collection": ["business rates collection", "NNDR collection", "business rates collected"],
    "complaints_in_time": ["complaints answered on time", "% of complaints responded to in time", "complaints in time"],
    "stage2_complaints_upheld": ["stage 2 complaints upheld", "upheld stage 2 complaints"],
    "sickness_absence_days": ["sickness absence", "staff sickness", "days lost to sickness"],
    "staff_turnover": ["staff turnover", "turnover of staff"],
    "dfg_within_26_weeks": ["DFGs completed within 26 weeks", "disabled facilities grants done in 26 wks"],
    "fly_tipping_per_1000": ["fly-tipping", "fly tipping incidents", "flytipping per 1000 people"],
    "leisure_visits_per_1000": ["leisure centre visits", "leisure visits per 1,000"],
}

# ---------------------------------------------------------------------------------------------- name wording
OFLOG_EXTRA = {
    "E09000002": ["barking & dagenham", "LBBD", "barking"],
    "E06000022": ["bath & north east somerset", "B&NES", "banes"],
    "E08000025": ["brum", "birmingham city council"],
    "E06000008": ["blackburn", "blackburn w darwen"],
    "E08000032": ["bradford council"],
    "E06000023": ["bristol city council", "city of bristol"],
    "E10000003": ["cambs", "cambridgeshire county council"],
    "E06000050": ["cheshire west", "CWaC", "cheshire west & chester"],
    "E06000049": ["cheshire east council"],
    "E06000047": ["durham", "durham county council"],
    "E08000026": ["coventry city council"],
    "E06000005": ["darlo"],
    "E10000007": ["derbys", "derbyshire county council"],
    "E10000008": ["devon county council"],
    "E10000011": ["e sussex", "east sussex cc"],
    "E10000012": ["essex county council"],
    "E10000013": ["glos", "gloucestershire county council"],
    "E09000011": ["royal greenwich"],
    "E09000013": ["H&F", "hammersmith & fulham", "LBHF"],
    "E10000014": ["hants", "hampshire county council"],
    "E10000015": ["herts", "herts county council"],
    "E06000010": ["hull", "hull city council"],
    "E09000020": ["kensington & chelsea", "RBKC", "K&C"],
    "E10000016": ["kent county council", "KCC"],
    "E10000017": ["lancs", "lancashire county council"],
    "E08000035": ["leeds city council"],
    "E10000018": ["leics", "leicestershire county council"],
    "E08000012": ["liverpool city council"],
    "E08000003": ["manchester city council"],
    "E06000042": ["MK", "milton keynes council"],
    "E10000020": ["norfolk county council"],
    "E06000012": ["NE lincs", "north east lincs"],
    "E06000013": ["north lincs", "n lincs"],
    "E06000061": ["north northants"],
    "E08000022": ["n tyneside"],
    "E10000023": ["north yorks", "n yorks"],
    "E10000024": ["notts", "notts county council"],
    "E10000025": ["oxon", "oxfordshire county council"],
    "E06000031": ["peterborough city council"],
    "E06000044": ["portsmouth city council"],
    "E06000003": ["redcar", "redcar & cleveland"],
    "E08000019": ["sheffield city council"],
    "E10000027": ["somerset county council"],
    "E06000025": ["south glos", "s glos"],
    "E08000023": ["s tyneside"],
    "E06000045": ["soton", "southampton city council"],
    "E06000033": ["southend", "southend on sea"],
    "E08000013": ["st helens", "saint helens"],
    "E10000028": ["staffs", "staffordshire county council"],
    "E06000004": ["stockton", "stockton on tees"],
    "E06000021": ["stoke", "stoke on trent"],
    "E10000029": ["suffolk county council"],
    "E10000030": ["surrey county council"],
    "E06000020": ["telford", "telford & wrekin"],
    "E09000030": ["LBTH", "tower hamlets council"],
    "E09000031": ["waltham forest council"],
    "E10000031": ["warks", "warwickshire county council"],
    "E10000032": ["w sussex", "WSCC"],
    "E09000033": ["westminster city council"],
    "E08000031": ["wolverhampton city council"],
    "E10000034": ["worcs", "worcestershire county council"],
    "E06000014": ["city of york", "york council"],
    "E06000062": ["west northants"],
    "E06000038": ["reading borough council"],
}
# Plain names never used on their own: short forms that fit two councils, or everyday words.
OFLOG_NO_PLAIN = {"E06000038"}

LGBF_EXTRA = {
    "Aberdeen City": ["aberdeen city council"],
    "Aberdeenshire": ["aberdeenshire council"],
    "Angus": ["angus council"],
    "Argyll & Bute": ["argyll and bute", "A&B", "argyll"],
    "Clackmannanshire": ["clacks", "clackmannanshire council"],
    "Dumfries & Galloway": ["dumfries and galloway", "D&G", "dumgal"],
    "Dundee City": ["dundee", "dundee city council"],
    "East Ayrshire": ["e ayrshire"],
    "East Dunbartonshire": ["east dunbarton", "e dunbartonshire"],
    "East Lothian": ["e lothian"],
    "East Renfrewshire": ["east ren", "e renfrewshire"],
    "Edinburgh City": ["edinburgh", "city of edinburgh", "edinburgh council"],
    "Eilean Siar": ["western isles", "comhairle nan eilean siar", "CnES"],
    "Falkirk": ["falkirk council"],
    "Fife": ["fife council"],
    "Glasgow City": ["glasgow", "glasgow city council"],
    "Highland": ["highland council", "the highland council"],
    "Inverclyde": ["inverclyde council"],
    "Midlothian": ["midlothian council"],
    "Moray": ["moray council"],
    "North Ayrshire": ["n ayrshire"],
    "North Lanarkshire": ["n lanarkshire", "north lanarks"],
    "Orkney Islands": ["orkney", "orkney islands council"],
    "Perth & Kinross": ["perth and kinross", "P&K"],
    "Scottish Borders": ["the borders", "borders council"],
    "Shetland Islands": ["shetland", "shetland islands council"],
    "South Ayrshire": ["s ayrshire"],
    "South Lanarkshire": ["s lanarkshire", "south lanarks"],
    "Stirling": ["stirling council"],
    "West Dunbartonshire": ["west dunbarton", "w dunbartonshire"],
    "West Lothian": ["w lothian"],
}


class Data:
    def __init__(self) -> None:
        self._load_oflog()
        self._load_lgbf()
        self._load_sample()
        self._build_names()

    # ------------------------------------------------------------------ loading
    def _load_oflog(self) -> None:
        d = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
        d = d[d["Financial year"].astype(str).str.match(ANNUAL)]
        self.of_names = (
            d[["Local authority code", "Local authority name"]]
            .drop_duplicates()
            .set_index("Local authority code")["Local authority name"]
            .to_dict()
        )
        self.of_all = sorted(self.of_names)
        self.of_vals: dict[tuple[str, str], dict[str, float]] = {}
        for r in d.dropna(subset=["Value"]).itertuples(index=False):
            self.of_vals.setdefault((r.Code, r[1]), {})[r[0]] = float(r.Value)
        self.of_codes = sorted(d["Code"].unique())
        with open(SHARED / "oflog_asc" / "nearest_neighbours.json") as f:
            nn = json.load(f)
        bad = {c for c in self.of_all if c in nn and set(nn[c]) & OFLOG_EXCLUDED_NAMED}
        self.of_excluded = set(OFLOG_EXCLUDED_NAMED) | bad
        self.of_nn = {c: sorted(nn[c]) for c in self.of_all if c in nn}
        self.of_homes = sorted(c for c in self.of_all if c in nn and c not in self.of_excluded)

    def _load_lgbf(self) -> None:
        base = SHARED / "lgbf"
        info = pd.read_csv(base / "indicator_information.csv", encoding="utf-8-sig")
        self.lg_info = info.set_index("Code")
        v = pd.read_csv(base / "lgbf_values_real.csv")
        v = v.dropna(subset=["LocalAuthority"])
        v = v[v["Year"].astype(str).str.match(ANNUAL)]
        self.lg_names = {slug(n): n for n in sorted(v["LocalAuthority"].unique())}
        self.lg_all = sorted(self.lg_names)
        self.lg_vals: dict[tuple[str, str], dict[str, float]] = {}
        for r in v.dropna(subset=["LA_IndicatorReal"]).itertuples(index=False):
            self.lg_vals.setdefault((r.Code, slug(r.LocalAuthority)), {})[r.Year] = float(r.LA_IndicatorReal)
        fg = pd.read_csv(base / "family_groups.csv", encoding="utf-8-sig")
        self.lg_fg: dict[tuple[str, str], list[str]] = {}
        for (typ, _grp), sub in fg.groupby(["Type", "Family_Group"]):
            members = sorted(slug(x) for x in sub["Local_Authority"])
            for m in members:
                self.lg_fg[(typ, m)] = members
        self.lg_codes = [c for c in LGBF_PHRASES if c in self.lg_info.index]
        for c in self.lg_codes:
            assert self.lg_info.loc[c, "ReportingPeriod"] == "Annual", c
            assert self.lg_info.loc[c, "Ranking_Type"] in ("Ascending", "Descending"), c
        self.lg_homes = list(self.lg_all)
        # every LGBF indicator by service category, for overviews
        self.lg_cat = {}
        for code, row in self.lg_info.iterrows():
            self.lg_cat.setdefault(row["ISCategory"], []).append(code)
        self.lg_all_vals: dict[tuple[str, str], bool] = {}
        full = pd.read_csv(base / "lgbf_values_real.csv").dropna(subset=["LocalAuthority", "LA_IndicatorReal"])
        for code, la in full[["Code", "LocalAuthority"]].drop_duplicates().itertuples(index=False):
            self.lg_all_vals[(code, slug(la))] = True

    def _load_sample(self) -> None:
        d = pd.read_csv(SAMPLE / "indicators.csv")
        self.sa_names = d[["area_code", "area_name"]].drop_duplicates().set_index("area_code")["area_name"].to_dict()
        self.sa_all = sorted(self.sa_names)
        self.sa_vals: dict[tuple[str, str], dict[str, float]] = {}
        self.sa_quarters: dict[tuple[str, str], dict[str, float]] = {}
        self.sa_target: dict[tuple[str, str], float] = {}
        for r in d.itertuples(index=False):
            key = (r.indicator_id, r.area_code)
            if ANNUAL.match(r.period):
                self.sa_vals.setdefault(key, {})[r.period] = float(r.value)
                if pd.notna(r.target):
                    self.sa_target[(r.indicator_id, r.area_code, r.period)] = float(r.target)
            else:
                self.sa_quarters.setdefault(key, {})[r.period] = float(r.value)
        self.sa_pol = d.drop_duplicates("indicator_id").set_index("indicator_id")["polarity"].to_dict()
        self.sa_codes = [c for c in SAMPLE_PHRASES if c in self.sa_pol]
        g = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
        self.sa_nn = sorted(g[g["area_code"] == SAMPLE_HOME]["member_code"])
        meta = pd.read_csv(SAMPLE / "indicator_meta.csv")
        self.sa_meta = meta.set_index("indicator_id")

    # ------------------------------------------------------------------ names
    def _build_names(self) -> None:
        self.variants: dict[str, list[str]] = {}
        of_pool = {c: self.of_names[c] for c in self.of_homes}
        all_names = [n.lower() for n in self.of_names.values()] + [n.lower() for n in self.lg_names.values()]
        all_names += [n.lower() for n in self.sa_names.values()]

        def unique_plain(name: str) -> bool:
            low = name.lower()
            return sum(1 for n in all_names if low in n) == 1

        for c, n in sorted(of_pool.items()):
            vs = []
            if unique_plain(n) and c not in OFLOG_NO_PLAIN:
                vs.append(n.lower())
                vs.append(n)
                if " and " in n:
                    vs.append(n.lower().replace(" and ", " & "))
                vs.append(n.lower().replace(".", "").replace("-", " "))
            vs += OFLOG_EXTRA.get(c, [])
            self.variants[c] = sorted(set(vs), key=vs.index)
        for s, n in sorted(self.lg_names.items()):
            vs = []
            if unique_plain(n):
                vs += [n.lower(), n]
                if "&" in n:
                    vs.append(n.lower().replace("&", "and"))
            vs += LGBF_EXTRA.get(n, [])
            self.variants[s] = sorted(set(vs), key=vs.index)
        for c, n in sorted(self.sa_names.items()):
            short = n.replace(" District Council", "").replace(" Borough Council", "")
            kind = "DC" if "District" in n else "BC"
            self.variants[c] = [short, short.lower(), n, n.lower(), f"{short.lower()} {kind}"]
        # drop any variant that also fits another council
        owners: dict[str, set[str]] = {}
        for c, vs in self.variants.items():
            for v in vs:
                owners.setdefault(v.lower(), set()).add(c)
        for c in list(self.variants):
            keep = []
            for v in self.variants[c]:
                low = v.lower()
                clash = any(low in o and c not in owners[o] for o in owners)
                if len(owners[low]) == 1 and not clash:
                    keep.append(v)
            self.variants[c] = keep
        extras = {**OFLOG_EXTRA, **{slug(k): v for k, v in LGBF_EXTRA.items()}}
        self.short_forms = {c: [v for v in vs if v in extras.get(c, [])] for c, vs in self.variants.items()}
        for c in self.sa_names:
            self.short_forms[c] = [v for v in self.variants[c] if "Council" not in v and "council" not in v]
        self.all_variant_strings = sorted(owners)

    def typo_ok(self, typo: str, code: str) -> bool:
        low = typo.lower()
        if low in self.all_variant_strings:
            return False
        for o in self.all_variant_strings:
            if o in [v.lower() for v in self.variants[code]]:
                continue
            if lev(low, o) < 3:
                return False
        return True

    # ------------------------------------------------------------------ generic accessors
    def codes(self, ds: str) -> list[str]:
        return {"oflog": self.of_codes, "lgbf": self.lg_codes, "sample": self.sa_codes}[ds]

    def phrases(self, ds: str, code: str) -> list[str]:
        return {"oflog": OFLOG_PHRASES, "lgbf": LGBF_PHRASES, "sample": SAMPLE_PHRASES}[ds][code]

    def series(self, ds: str, code: str, area: str) -> dict[str, float]:
        src = {"oflog": self.of_vals, "lgbf": self.lg_vals, "sample": self.sa_vals}[ds]
        return dict(sorted(src.get((code, area), {}).items()))

    def held(self, ds: str, code: str, area: str) -> list[str]:
        return list(self.series(ds, code, area))

    def latest(self, ds: str, code: str, area: str) -> str | None:
        h = self.held(ds, code, area)
        return h[-1] if h else None

    def pol(self, ds: str, code: str) -> str | None:
        if ds == "oflog":
            return {"ASC6": None, "ASC7": "low"}.get(code, "high")
        if ds == "lgbf":
            return {"Ascending": "low", "Descending": "high"}.get(self.lg_info.loc[code, "Ranking_Type"])
        return {"higher_is_better": "high", "lower_is_better": "low"}.get(self.sa_pol[code])

    def is_cost(self, ds: str, code: str) -> bool:
        if ds == "lgbf":
            return self.lg_info.loc[code, "MeasureType"] == "Cost"
        return code == "waste_collection_cost_per_household"

    def homes(self, ds: str) -> list[str]:
        return {"oflog": self.of_homes, "lgbf": self.lg_homes, "sample": [SAMPLE_HOME]}[ds]

    def nameable(self, ds: str) -> list[str]:
        pool = {"oflog": self.of_homes, "lgbf": self.lg_all, "sample": self.sa_all}[ds]
        return [c for c in pool if self.variants.get(c)]

    def holds(self, ds: str, code: str, area: str) -> bool:
        return bool(self.series(ds, code, area))

    def group(self, ds: str, code: str, home: str) -> list[str]:
        if ds == "oflog":
            return self.of_nn[home]
        if ds == "lgbf":
            return self.lg_fg[(self.lg_info.loc[code, "FamilyGrouping"], home)]
        return self.sa_nn

    def national(self, ds: str) -> list[str]:
        return {"oflog": self.of_all, "lgbf": self.lg_all}[ds]

    def nat_token(self, ds: str) -> str:
        return {"oflog": "england", "lgbf": "scotland"}[ds]

    def rank_period(self, ds: str, code: str, members: list[str]) -> str | None:
        counts: dict[str, int] = {}
        for m in members:
            for p in self.held(ds, code, m):
                counts[p] = counts.get(p, 0) + 1
        ok = [p for p, k in counts.items() if k * 2 >= len(members)]
        return max(ok) if ok else None

    def ranked(self, ds: str, code: str, members: list[str], period: str, order: str) -> list[tuple[str, float]]:
        vals = []
        for m in members:
            s = self.series(ds, code, m)
            if period in s:
                vals.append((m, s[period]))
        high_first = (self.pol(ds, code) == "high") == (order == "best")
        vals.sort(key=lambda t: (-t[1] if high_first else t[1], t[0]))
        return vals

    def overview_codes(self, ds: str, area: str, service: str) -> list[str]:
        if ds == "oflog":
            return [c for c in self.of_codes if self.holds("oflog", c, area)]
        if ds == "lgbf":
            return [c for c in self.lg_cat[service] if self.lg_all_vals.get((c, area))]
        groups = {
            "waste": [
                "household_recycling_rate",
                "missed_bins_per_100k",
                "residual_waste_per_household",
                "waste_collection_cost_per_household",
            ],
            "planning": ["planning_major_in_time", "planning_minor_in_time"],
            "homelessness": ["homelessness_prevention_rate", "temporary_accommodation_per_1000"],
            "revenues": ["council_tax_collection", "business_rates_collection"],
            "complaints": ["complaints_in_time", "stage2_complaints_upheld"],
            "workforce": ["sickness_absence_days", "staff_turnover"],
        }
        return [c for c in groups[service] if self.holds("sample", c, area) or area == SAMPLE_HOME]
