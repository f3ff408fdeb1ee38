"""Data access for the set-14 generator: loads the three raw data homes and computes readings' figures."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

SHARED = Path("/work/shared/data")
SAMPLE = Path("/work/main/bot/sample_pack/data")

FY_RE = re.compile(r"^(\d{4})-(\d{2})$")

OFLOG_EXCLUDED = {
    "E10000002",  # Buckinghamshire (county)
    "E06000060",  # Buckinghamshire (unitary)
    "E10000009",  # Dorset (county)
    "E06000059",  # Dorset (unitary)
    "E10000021",  # Northamptonshire
    "E06000028",  # Bournemouth
    "E06000029",  # Poole
    "E06000058",  # Bournemouth, Christchurch and Poole
    "E06000053",  # Isles of Scilly
    "E09000001",  # City of London
}
# Judgement call: the two successor Northamptonshire unitaries only hold two years and share a word with an
# excluded council, so they are never homes or named councils (they still count inside groups).
OFLOG_NOT_NAMED = OFLOG_EXCLUDED | {"E06000061", "E06000062"}

SAMPLE_HOME = "E07999001"


def fy_start(period: str) -> int:
    return int(period[:4])


def fy(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def is_fy(period: str) -> bool:
    m = FY_RE.match(period)
    return bool(m) and (int(m.group(1)) + 1) % 100 == int(m.group(2))


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return "S-" + s


@dataclass
class Dataset:
    name: str
    # (indicator, area) -> {period: value}; annual periods only (plus sample quarters in `quarters`)
    series: dict = field(default_factory=dict)
    quarters: dict = field(default_factory=dict)
    area_names: dict = field(default_factory=dict)
    indicators: list = field(default_factory=list)
    polarity: dict = field(default_factory=dict)  # code -> "higher" | "lower" | None
    national: list = field(default_factory=list)  # every area of the national ranking group
    groups: dict = field(default_factory=dict)  # oflog/sample: home -> members ; lgbf: (type, area) -> members
    ind_group_type: dict = field(default_factory=dict)  # lgbf: code -> FamilyGrouping
    category: dict = field(default_factory=dict)  # lgbf: code -> ISCategory
    targets: dict = field(default_factory=dict)  # sample: (indicator, period) -> target

    # ---------------------------------------------------------------- basic look-ups
    def held(self, ind: str, area: str) -> list[str]:
        return sorted(self.series.get((ind, area), {}))

    def value(self, ind: str, area: str, period: str):
        return self.series.get((ind, area), {}).get(period)

    def latest(self, ind: str, area: str):
        h = self.held(ind, area)
        return h[-1] if h else None

    def holds(self, ind: str, area: str) -> bool:
        return bool(self.series.get((ind, area)))

    def neighbours(self, home: str, ind: str) -> list[str]:
        if self.name == "lgbf":
            return self.groups[(self.ind_group_type[ind], home)]
        return self.groups[home]

    def members(self, home: str, ind: str, group: str) -> list[str]:
        if group == "neighbours":
            return self.neighbours(home, ind)
        return self.national

    # ---------------------------------------------------------------- rankings
    def rank_period(self, ind: str, members: list[str]):
        """Latest annual period where at least half the group holds a value."""
        periods = sorted({p for a in members for p in self.series.get((ind, a), {})})
        for p in reversed(periods):
            n = sum(1 for a in members if self.value(ind, a, p) is not None)
            if 2 * n >= len(members):
                return p
        return None

    def ranked(self, ind: str, members: list[str], period: str):
        """[(area, value)] best first, for the indicator's polarity."""
        pol = self.polarity[ind]
        rows = [(a, self.value(ind, a, period)) for a in members if self.value(ind, a, period) is not None]
        rows.sort(key=lambda r: (r[1] if pol == "lower" else -r[1], r[0]))
        return rows

    def rank_list(self, ind: str, members: list[str], period: str, n: int, order: str):
        """Top-n list for order best|worst, or None when the cut-off is tied or the group is too small."""
        rows = self.ranked(ind, members, period)
        if order == "worst":
            rows = rows[::-1]
        if len(rows) <= n:
            return None
        if rows[n - 1][1] == rows[n][1]:
            return None
        return rows[:n]

    def closest_held(self, ind: str, area: str, start: int):
        """Closest held annual period to FY start year `start`, or None on a tie or when nothing is held."""
        held = self.held(ind, area)
        if not held:
            return None
        dists = sorted((abs(fy_start(p) - start), p) for p in held)
        if len(dists) > 1 and dists[0][0] == dists[1][0]:
            return None
        return dists[0][1]


def load_oflog() -> Dataset:
    ds = Dataset("oflog")
    df = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv", dtype=str)
    df.columns = [c.strip() for c in df.columns]
    df["Code"] = df["Code"].str.strip().str.upper()
    df["Financial year"] = df["Financial year"].str.strip()
    df["Local authority code"] = df["Local authority code"].str.strip()
    df["Value"] = pd.to_numeric(df["Value"], errors="coerce")
    for code, name in df[["Local authority code", "Local authority name"]].drop_duplicates().itertuples(index=False):
        ds.area_names[code] = name.strip()
    ds.national = sorted(ds.area_names)
    for row in df.dropna(subset=["Value"]).itertuples(index=False):
        period = row[0]
        if not is_fy(period):
            continue
        ds.series.setdefault((row.Code, row[1]), {})[period] = float(row.Value)
    ds.indicators = sorted(df["Code"].unique())
    ds.polarity = {c: "higher" for c in ["ASC1", "ASC2", "ASC3", "ASC4", "ASC5"]}
    ds.polarity["ASC6"] = None
    ds.polarity["ASC7"] = "lower"
    nn = json.loads((SHARED / "oflog_asc" / "nearest_neighbours.json").read_text())
    for home, members in nn.items():
        ds.groups[home] = sorted(set(members))
    return ds


def oflog_homes(ds: Dataset) -> list[str]:
    out = []
    for code in ds.national:
        if code in OFLOG_NOT_NAMED or code not in ds.groups:
            continue
        if set(ds.groups[code]) & OFLOG_EXCLUDED:
            continue
        out.append(code)
    return out


def load_lgbf() -> Dataset:
    ds = Dataset("lgbf")
    info = pd.read_csv(SHARED / "lgbf" / "indicator_information.csv", encoding="utf-8-sig")
    vals = pd.read_csv(SHARED / "lgbf" / "lgbf_values_real.csv", encoding="utf-8-sig")
    fam = pd.read_csv(SHARED / "lgbf" / "family_groups.csv", encoding="utf-8-sig")
    vals = vals.dropna(subset=["LocalAuthority", "LA_IndicatorReal"])
    for row in vals.itertuples(index=False):
        if not is_fy(str(row.Year)):
            continue
        area = slug(row.LocalAuthority)
        ds.area_names[area] = row.LocalAuthority
        ds.series.setdefault((row.Code, area), {})[row.Year] = float(row.LA_IndicatorReal)
    ds.national = sorted(ds.area_names)
    for row in info.itertuples(index=False):
        ds.ind_group_type[row.Code] = row.FamilyGrouping
        ds.category[row.Code] = row.ISCategory
        rt = str(row.Ranking_Type)
        ds.polarity[row.Code] = {"Ascending": "lower", "Descending": "higher"}.get(rt)
        ds.indicators.append(row.Code)
    for (typ, _grp), sub in fam.groupby(["Type", "Family_Group"]):
        members = sorted(slug(x) for x in sub["Local_Authority"])
        for m in members:
            ds.groups[(typ, m)] = members
    return ds


def load_sample() -> Dataset:
    ds = Dataset("sample")
    df = pd.read_csv(SAMPLE / "indicators.csv")
    meta = pd.read_csv(SAMPLE / "indicator_meta.csv")
    nn = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
    for row in df.itertuples(index=False):
        ds.area_names[row.area_code] = row.area_name
        if is_fy(row.period):
            ds.series.setdefault((row.indicator_id, row.area_code), {})[row.period] = float(row.value)
        else:
            ds.quarters.setdefault((row.indicator_id, row.area_code), {})[row.period] = float(row.value)
        if row.area_code == SAMPLE_HOME and pd.notna(row.target):
            ds.targets[(row.indicator_id, row.period)] = float(row.target)
    ds.indicators = list(meta["indicator_id"])
    ds.polarity = {
        r.indicator_id: {"higher_is_better": "higher", "lower_is_better": "lower"}.get(r.polarity)
        for r in meta.itertuples(index=False)
    }
    for home, sub in nn.groupby("area_code"):
        ds.groups[home] = sorted(set(sub["member_code"]))
    ds.national = []
    return ds
