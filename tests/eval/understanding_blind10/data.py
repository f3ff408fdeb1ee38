"""Load the three data homes into one small, plain-Python view used by generate.py."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

MAIN = Path(__file__).resolve().parents[3]
SHARED = MAIN.parent / "shared" / "data"
SAMPLE_DIR = MAIN / "bot" / "sample_pack" / "data"

SAMPLE_HOME = "E07999001"

OFLOG_EXCLUDED = {
    "E10000002",
    "E06000060",  # Buckinghamshire (two codes)
    "E10000009",
    "E06000059",  # Dorset (two codes)
    "E10000021",  # Northamptonshire
    "E06000028",  # Bournemouth
    "E06000029",  # Poole
    "E06000058",  # Bournemouth, Christchurch and Poole
    "E06000053",  # Isles of Scilly
    "E09000001",  # City of London
}
# Scottish councils whose raw name ("Eilean Siar", "Edinburgh City") differs from the official name, so the
# slugged code may differ between readers: never a home or named council, and no figures for lists holding them.
LGBF_UNSURE = {"Eilean Siar", "Edinburgh City"}


def pstart(period: str) -> int:
    return int(period[:4])


def pname(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return "S-" + s


@dataclass
class Dataset:
    key: str
    values: dict = field(default_factory=dict)  # (ind, area) -> {period: value}
    names: dict = field(default_factory=dict)  # area -> display name
    polarity: dict = field(default_factory=dict)  # ind -> "higher" | "lower" | None
    all_areas: list = field(default_factory=list)
    homes: list = field(default_factory=list)
    named: list = field(default_factory=list)  # councils that may be named in questions
    kinds: dict = field(default_factory=dict)  # area -> council type (oflog)
    unsure: set = field(default_factory=set)  # codes never to be shown in figures

    def series(self, ind: str, area: str) -> dict:
        return self.values.get((ind, area), {})

    def annual(self, ind: str, area: str) -> dict:
        return {p: v for p, v in self.series(ind, area).items() if len(p) == 7}

    def held(self, ind: str, area: str, period: str) -> bool:
        return period in self.series(ind, area)

    def latest(self, ind: str, area: str) -> str | None:
        ann = self.annual(ind, area)
        return max(ann) if ann else None

    def has_quarters(self, ind: str, area: str) -> bool:
        return any(len(p) > 7 for p in self.series(ind, area))

    def value(self, ind: str, area: str, period: str):
        return self.series(ind, area).get(period)

    def indicators_of(self, area: str) -> set:
        return {i for (i, a) in self.values if a == area}


def load_oflog() -> Dataset:
    ds = Dataset("oflog")
    df = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
    nn = json.loads((SHARED / "oflog_asc" / "nearest_neighbours.json").read_text())
    cols = ["Local authority code", "Local authority name", "Entity_Name"]
    for code, name, kind in df[cols].drop_duplicates().values:
        ds.names[code] = name
        ds.kinds[code] = kind
    ds.all_areas = sorted(ds.names)
    held = df[df["Value"].notna()]
    for ind, area, period, value in held[["Code", "Local authority code", "Financial year", "Value"]].values:
        ds.values.setdefault((ind, area), {})[period] = float(value)
    ds.polarity = {f"ASC{i}": "higher" for i in range(1, 6)}
    ds.polarity["ASC6"] = None
    ds.polarity["ASC7"] = "lower"
    ds.neighbours = {k: list(v) for k, v in nn.items()}
    ds.homes = sorted(
        c for c in ds.all_areas if c in nn and c not in OFLOG_EXCLUDED and not set(nn[c]) & OFLOG_EXCLUDED
    )
    ds.named = list(ds.homes)
    ds.unsure = set(OFLOG_EXCLUDED)
    return ds


def load_lgbf() -> Dataset:
    ds = Dataset("lgbf")
    info = pd.read_csv(SHARED / "lgbf" / "indicator_information.csv", encoding="utf-8-sig")
    vals = pd.read_csv(SHARED / "lgbf" / "lgbf_values_real.csv", encoding="utf-8-sig")
    fam = pd.read_csv(SHARED / "lgbf" / "family_groups.csv", encoding="utf-8-sig")
    vals = vals[vals["LocalAuthority"].notna()]
    names = sorted(set(vals["LocalAuthority"]))
    code_of = {n: slug(n) for n in names}
    code_of["Eilean Siar"] = "S-na-h-eileanan-siar"
    ds.names = {code_of[n]: n for n in names}
    ds.all_areas = sorted(ds.names)
    years = vals["Year"].astype(str)
    one_year = years.str.fullmatch(r"\d{4}-\d{2}") & years.map(
        lambda y: len(y) == 7 and y[:4].isdigit() and y[5:].isdigit() and (int(y[:4]) + 1) % 100 == int(y[5:])
    )
    single = vals[one_year & vals["LA_IndicatorReal"].notna()]
    for ind, la, period, value in single[["Code", "LocalAuthority", "Year", "LA_IndicatorReal"]].values:
        ds.values.setdefault((ind, code_of[la]), {})[period] = float(value)
    ds.info = {r["Code"]: r for r in info.to_dict("records")}
    for code, r in ds.info.items():
        ds.polarity[code] = {"Ascending": "lower", "Descending": "higher"}.get(r["Ranking_Type"])
    ds.category = {code: r["ISCategory"] for code, r in ds.info.items()}
    ds.family = {}  # (grouping type, area) -> list of codes
    for t, sub in fam.groupby("Type"):
        for _, grp in sub.groupby("Family_Group"):
            members = sorted(code_of[n] for n in grp["Local_Authority"])
            for m in members:
                ds.family[(t, m)] = members
    ds.unsure = {code_of[n] for n in LGBF_UNSURE}
    ds.homes = sorted(c for c in ds.all_areas if ds.names[c] not in LGBF_UNSURE)
    ds.named = list(ds.homes)
    return ds


def load_sample() -> Dataset:
    ds = Dataset("sample")
    df = pd.read_csv(SAMPLE_DIR / "indicators.csv")
    meta = pd.read_csv(SAMPLE_DIR / "indicator_meta.csv")
    nn = pd.read_csv(SAMPLE_DIR / "nearest_neighbours.csv")
    for code, name in df[["area_code", "area_name"]].drop_duplicates().values:
        ds.names[code] = name
    ds.all_areas = sorted(ds.names)
    held = df[df["value"].notna()]
    for ind, area, period, value in held[["indicator_id", "area_code", "period", "value"]].values:
        ds.values.setdefault((ind, area), {})[period] = float(value)
    ds.targets = {}
    for ind, area, period, target in df[df["target"].notna()][["indicator_id", "area_code", "period", "target"]].values:
        ds.targets[(ind, area, period)] = float(target)
    pol = {"higher_is_better": "higher", "lower_is_better": "lower"}
    ds.polarity = {r["indicator_id"]: pol.get(r["polarity"]) for r in meta.to_dict("records")}
    ds.neighbours = {SAMPLE_HOME: sorted(nn[nn["area_code"] == SAMPLE_HOME]["member_code"])}
    ds.homes = [SAMPLE_HOME]
    ds.named = [c for c in ds.all_areas if c != SAMPLE_HOME]
    return ds


def group_of(ds: Dataset, ind: str, home: str, group: str) -> list:
    """Members of a ranking group: 'neighbours' (home included), 'england' or 'scotland'."""
    if group in ("england", "scotland"):
        return list(ds.all_areas)
    if ds.key == "lgbf":
        return ds.family[(ds.info[ind]["FamilyGrouping"], home)]
    return ds.neighbours[home]


def rank_period(ds: Dataset, ind: str, members: list) -> str | None:
    """Latest period where at least half the group holds a value."""
    counts: dict = {}
    for m in members:
        for p in ds.annual(ind, m):
            counts[p] = counts.get(p, 0) + 1
    ok = [p for p, c in counts.items() if c * 2 >= len(members)]
    return max(ok) if ok else None


def half_hold(ds: Dataset, ind: str, members: list, period: str) -> bool:
    return sum(1 for m in members if ds.held(ind, m, period)) * 2 >= len(members)


def ranked(ds: Dataset, ind: str, members: list, period: str, order: str) -> list:
    """[(area, value)] best first (or worst first), ties broken by code for a stable order."""
    rows = [(m, ds.value(ind, m, period)) for m in members if ds.held(ind, m, period)]
    better_high = ds.polarity[ind] == "higher"
    best_first = sorted(rows, key=lambda r: ((-r[1] if better_high else r[1]), r[0]))
    if order == "best":
        return best_first
    return sorted(rows, key=lambda r: ((r[1] if better_high else -r[1]), r[0]))


def reading(intent, inds, areas, frm=None, to=None, comparison=None, n=None, order=None) -> dict:
    return {
        "intent": intent,
        "indicators": list(inds),
        "areas": list(areas),
        "periods": {"from": frm, "to": to},
        "comparison": comparison,
        "n": n,
        "order": order,
    }


def fig(ind, area, period, value) -> dict:
    return {"indicator_id": ind, "area_code": area, "period": period, "value": value}
