"""Load the three raw data homes into plain lookup structures (pandas only, no product code)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

SHARED = Path("/work/shared/data")
SAMPLE = Path("/work/main/bot/sample_pack/data")

EXCLUDED_OFLOG = {
    "E10000002",  # Buckinghamshire (old)
    "E06000060",  # Buckinghamshire (new)
    "E10000009",  # Dorset (old)
    "E06000059",  # Dorset (new)
    "E10000021",  # Northamptonshire
    "E06000028",  # Bournemouth
    "E06000029",  # Poole
    "E06000058",  # BCP
    "E06000053",  # Isles of Scilly
    "E09000001",  # City of London
}

ANNUAL = re.compile(r"^(\d{4})-(\d{2})$")


def is_annual(p: str) -> bool:
    m = ANNUAL.match(p)
    return bool(m) and (int(m.group(1)) + 1) % 100 == int(m.group(2))


def start_year(p: str) -> int:
    return int(p[:4])


def fy(y: int) -> str:
    return f"{y}-{(y + 1) % 100:02d}"


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return "S-" + s


@dataclass
class Home:
    """One dataset: values[(ind, area)] -> {period: value}."""

    name: str
    values: dict = field(default_factory=dict)
    area_names: dict = field(default_factory=dict)
    polarity: dict = field(default_factory=dict)  # ind -> 'higher'|'lower'|None
    all_areas: list = field(default_factory=list)

    def series(self, ind: str, area: str) -> dict:
        return self.values.get((ind, area), {})

    def annual(self, ind: str, area: str) -> dict:
        return {p: v for p, v in self.series(ind, area).items() if is_annual(p)}

    def latest_annual(self, ind: str, area: str) -> str | None:
        a = self.annual(ind, area)
        return max(a) if a else None

    def holds(self, ind: str, area: str) -> bool:
        return bool(self.series(ind, area))


def load_oflog() -> tuple[Home, dict, list]:
    d = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
    d = d.dropna(subset=["Value"])
    h = Home("oflog")
    cols = ["Financial year", "Local authority code", "Code", "Value"]
    for year, area, code, val in d[cols].itertuples(index=False):
        h.values.setdefault((str(code).strip().upper(), area), {})[str(year).strip()] = float(val)
    allrows = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
    for c, n in allrows[["Local authority code", "Local authority name"]].drop_duplicates().itertuples(index=False):
        h.area_names[c] = n
    h.all_areas = sorted(h.area_names)
    for i in range(1, 8):
        h.polarity[f"ASC{i}"] = "higher" if i <= 5 else ("lower" if i == 7 else None)
    nn = json.loads((SHARED / "oflog_asc" / "nearest_neighbours.json").read_text())
    homes = sorted(
        c
        for c in h.all_areas
        if c in nn and c not in EXCLUDED_OFLOG and not (set(nn[c]) & EXCLUDED_OFLOG) and c in nn[c]
    )
    return h, nn, homes


def load_lgbf() -> tuple[Home, pd.DataFrame, dict]:
    info = pd.read_csv(SHARED / "lgbf" / "indicator_information.csv")
    v = pd.read_csv(SHARED / "lgbf" / "lgbf_values_real.csv")
    v = v.dropna(subset=["LA_IndicatorReal", "LocalAuthority", "Year"])
    h = Home("lgbf")
    for code, la, year, val in v[["Code", "LocalAuthority", "Year", "LA_IndicatorReal"]].itertuples(index=False):
        h.values.setdefault((code, slug(la)), {})[year] = float(val)
    for la in sorted(v.LocalAuthority.unique()):
        h.area_names[slug(la)] = la
    h.all_areas = sorted(h.area_names)
    for code, rt in info[["Code", "Ranking_Type"]].itertuples(index=False):
        h.polarity[code] = {"Ascending": "lower", "Descending": "higher"}.get(rt)
    fg = pd.read_csv(SHARED / "lgbf" / "family_groups.csv")
    groups: dict = {}
    for grp, la, typ in fg[["Family_Group", "Local_Authority", "Type"]].itertuples(index=False):
        groups.setdefault((typ, grp), []).append(slug(la))
    fam = {}  # (type, area) -> sorted members
    for (typ, _grp), members in groups.items():
        for m in members:
            fam[(typ, m)] = sorted(members)
    return h, info, fam


def load_sample() -> tuple[Home, dict, list]:
    d = pd.read_csv(SAMPLE / "indicators.csv")
    meta = pd.read_csv(SAMPLE / "indicator_meta.csv")
    h = Home("sample")
    targets = {}
    d = d.dropna(subset=["value"])
    for row in d[["indicator_id", "area_code", "area_name", "period", "value", "target"]].itertuples(index=False):
        ind, area, name, period, val, tgt = row
        h.values.setdefault((ind, area), {})[period] = float(val)
        h.area_names[area] = name
        if area == "E07999001" and pd.notna(tgt):
            targets[(ind, period)] = float(tgt)
    h.all_areas = sorted(h.area_names)
    for ind, pol in meta[["indicator_id", "polarity"]].itertuples(index=False):
        h.polarity[ind] = {"higher_is_better": "higher", "lower_is_better": "lower"}.get(pol)
    nn = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
    neigh = sorted(nn[nn.area_code == "E07999001"].member_code)
    return h, targets, neigh
