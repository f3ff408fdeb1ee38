"""Load the three data homes from the raw files (pandas only) for the set-12 generator."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

OFLOG_DIR = Path("/work/shared/data/oflog_asc")
LGBF_DIR = Path("/work/shared/data/lgbf")
SAMPLE_DIR = Path("/work/main/bot/sample_pack/data")

OFLOG_EXCLUDED = {
    "E10000002",  # Buckinghamshire (county)
    "E06000060",  # Buckinghamshire (unitary)
    "E10000009",  # Dorset (county)
    "E06000059",  # Dorset (unitary)
    "E10000021",  # Northamptonshire
    "E06000028",  # Bournemouth
    "E06000029",  # Poole
    "E06000058",  # BCP
    "E06000053",  # Isles of Scilly
    "E09000001",  # City of London
}
SAMPLE_HOME = "E07999001"


def fy(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def start_year(period: str) -> int:
    return int(period[:4])


def is_single_year(period: str) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{2})", str(period))
    return bool(m) and (int(m.group(1)) + 1) % 100 == int(m.group(2))


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return "S-" + s


class Dataset:
    """One data home: series, polarity, groups and names."""

    def __init__(self, key: str):
        self.key = key
        self.series: dict[tuple[str, str], dict[str, float]] = {}
        self.names: dict[str, str] = {}
        self.polarity: dict[str, str | None] = {}  # 'high' | 'low' | None
        self.national: str | None = None
        self.national_members: list[str] = []
        self.homes: list[str] = []
        self.named: list[str] = []
        self.quarters: dict[tuple[str, str], dict[str, float]] = {}

    def held(self, ind: str, area: str) -> dict[str, float]:
        return self.series.get((ind, area), {})

    def latest(self, ind: str, area: str) -> str | None:
        s = self.held(ind, area)
        return max(s, key=start_year) if s else None

    def value(self, ind: str, area: str, period: str) -> float | None:
        return self.held(ind, area).get(period)

    def group(self, home: str, ind: str) -> list[str]:
        raise NotImplementedError

    def rank(self, ind: str, members: list[str], period: str | None):
        """Return (period, [(code, value)] best first) or None."""
        pol = self.polarity.get(ind)
        if pol is None:
            return None
        if period is None:
            periods = sorted({p for m in members for p in self.held(ind, m)}, key=start_year, reverse=True)
            period = None
            for p in periods:
                n = sum(1 for m in members if p in self.held(ind, m))
                if n >= len(members) / 2:
                    period = p
                    break
            if period is None:
                return None
        vals = [(m, self.held(ind, m)[period]) for m in members if period in self.held(ind, m)]
        vals.sort(key=lambda cv: (-cv[1] if pol == "high" else cv[1], cv[0]))
        return period, vals


def load_oflog() -> Dataset:
    ds = Dataset("oflog")
    df = pd.read_csv(OFLOG_DIR / "asc_data.csv")
    df = df.rename(columns={"Financial year": "period", "Local authority code": "area", "Local authority name": "name"})
    ds.entity = {}
    for code, name, ent in df[["area", "name", "Entity_Name"]].drop_duplicates().itertuples(index=False):
        ds.names[code] = name
        ds.entity[code] = ent
    ok = df[df["Value"].notna()]
    for (ind, area), g in ok.groupby(["Code", "area"], sort=True):
        ds.series[(ind, area)] = {p: float(v) for p, v in zip(g["period"], g["Value"], strict=True)}
    ds.polarity = {
        "ASC1": "high",
        "ASC2": "high",
        "ASC3": "high",
        "ASC4": "high",
        "ASC5": "high",
        "ASC6": None,
        "ASC7": "low",
    }
    ds.national = "england"
    ds.national_members = sorted(ds.names)
    nn = json.loads((OFLOG_DIR / "nearest_neighbours.json").read_text())
    ds.nn = {k: list(v) for k, v in nn.items()}
    bad = set(OFLOG_EXCLUDED)
    for code in sorted(ds.names):
        if code in nn and set(nn[code]) & OFLOG_EXCLUDED:
            bad.add(code)
    ds.excluded = bad
    ds.homes = [c for c in sorted(ds.names) if c in nn and c not in bad]
    ds.named = [c for c in sorted(ds.names) if c not in bad]
    ds.group = lambda home, ind: sorted(ds.nn[home])
    return ds


def load_lgbf() -> Dataset:
    ds = Dataset("lgbf")
    info = pd.read_csv(LGBF_DIR / "indicator_information.csv", encoding="utf-8-sig")
    vals = pd.read_csv(LGBF_DIR / "lgbf_values_real.csv", encoding="utf-8-sig")
    vals = vals[vals["LocalAuthority"].notna()]
    vals = vals[vals["Year"].map(is_single_year) & vals["LA_IndicatorReal"].notna()]
    ds.info = info.set_index("Code")
    for name in sorted(vals["LocalAuthority"].unique()):
        ds.names[slug(name)] = name
    vals = vals.assign(area=vals["LocalAuthority"].map(slug))
    for (ind, area), g in vals.groupby(["Code", "area"], sort=True):
        ds.series[(ind, area)] = {p: float(v) for p, v in zip(g["Year"], g["LA_IndicatorReal"], strict=True)}
    for code, rt in zip(info["Code"], info["Ranking_Type"], strict=True):
        ds.polarity[code] = {"Ascending": "low", "Descending": "high"}.get(rt)
    ds.national = "scotland"
    ds.national_members = sorted(ds.names)
    fam = pd.read_csv(LGBF_DIR / "family_groups.csv", encoding="utf-8-sig")
    ds.fam = {}
    for g, la, typ in fam[["Family_Group", "Local_Authority", "Type"]].itertuples(index=False):
        ds.fam.setdefault(typ, {}).setdefault(g, []).append(slug(la))
    ds.fam_of = {}
    for typ, groups in ds.fam.items():
        for g, members in groups.items():
            for m in members:
                ds.fam_of[(typ, m)] = g

    def group(home: str, ind: str) -> list[str]:
        typ = ds.info.loc[ind, "FamilyGrouping"]
        return sorted(ds.fam[typ][ds.fam_of[(typ, home)]])

    ds.group = group
    ds.category = {c: ds.info.loc[c, "ISCategory"] for c in ds.info.index}
    ds.homes = sorted(ds.names)
    ds.named = sorted(ds.names)
    return ds


def load_sample() -> Dataset:
    ds = Dataset("sample")
    df = pd.read_csv(SAMPLE_DIR / "indicators.csv")
    meta = pd.read_csv(SAMPLE_DIR / "indicator_meta.csv")
    nn = pd.read_csv(SAMPLE_DIR / "nearest_neighbours.csv")
    for code, name in df[["area_code", "area_name"]].drop_duplicates().itertuples(index=False):
        ds.names[code] = name
    annual = df[df["period"].map(is_single_year)]
    quarterly = df[~df["period"].map(is_single_year)]
    for (ind, area), g in annual.groupby(["indicator_id", "area_code"], sort=True):
        ds.series[(ind, area)] = {p: float(v) for p, v in zip(g["period"], g["value"], strict=True)}
    for (ind, area), g in quarterly.groupby(["indicator_id", "area_code"], sort=True):
        ds.quarters[(ind, area)] = {p: float(v) for p, v in zip(g["period"], g["value"], strict=True)}
    ds.targets = {}
    home = df[df["area_code"] == SAMPLE_HOME]
    for ind, p, t in home[["indicator_id", "period", "target"]].itertuples(index=False):
        if pd.notna(t):
            ds.targets[(ind, p)] = float(t)
    for ind, pol in zip(meta["indicator_id"], meta["polarity"], strict=True):
        ds.polarity[ind] = {"higher_is_better": "high", "lower_is_better": "low"}.get(pol)
    members = sorted(nn[nn["area_code"] == SAMPLE_HOME]["member_code"])
    ds.group = lambda home, ind: members
    ds.homes = [SAMPLE_HOME]
    ds.named = sorted(members)
    return ds
