"""Data access for blind set 8: loads the raw files with pandas and answers the questions the item
builders need (series, latest held period, ranking groups, rankings).  Nothing here is typed by hand
except the choice of indicators and the everyday wording lists in generate.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
MAIN = HERE.parents[2]  # /work/main
SHARED = MAIN.parent / "shared" / "data"  # /work/shared/data
SAMPLE = MAIN / "bot" / "sample_pack" / "data"

# Councils the brief excludes as homes or named councils (Oflog).
OFLOG_EXCLUDED_NAMES = {
    "Buckinghamshire",
    "Dorset",
    "Northamptonshire",
    "Bournemouth",
    "Poole",
    "Bournemouth, Christchurch and Poole",
    "Isles of Scilly",
    "City of London",
}


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return "S-" + s


def is_single_year(p: str) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{2})", p)
    return bool(m) and int(m.group(2)) == (int(m.group(1)) + 1) % 100


def shift(p: str, k: int) -> str:
    y = int(p[:4]) + k
    return f"{y}-{(y + 1) % 100:02d}"


def year_of(p: str) -> int:
    return int(p[:4])


class Dataset:
    """One data home: tidy frame (indicator, area, period, value) of non-blank values."""

    def __init__(self, name, df, names, polarity, national):
        self.name = name
        self.df = df
        self.names = names  # code -> display name
        self.polarity = polarity  # indicator -> 'hi' | 'lo' | None
        self.national = national  # 'england' | 'scotland' | None
        self._series = {}
        for (ind, area), g in df.groupby(["indicator", "area"], sort=True):
            self._series[(ind, area)] = dict(sorted(zip(g.period, g.value, strict=False)))

    def series(self, ind, area, annual=True):
        s = self._series.get((ind, area), {})
        if annual:
            return {p: v for p, v in s.items() if is_single_year(p)}
        return dict(s)

    def value(self, ind, area, period):
        return self._series.get((ind, area), {}).get(period)

    def latest(self, ind, area):
        s = self.series(ind, area)
        return max(s) if s else None

    def holds(self, ind, area):
        return bool(self.series(ind, area))

    def has_quarters(self, ind, area):
        return any(not is_single_year(p) for p in self._series.get((ind, area), {}))

    def closest_held(self, ind, area, period):
        """Single closest held annual period to `period` (a year or a quarter), or None on a tie."""
        s = self.series(ind, area)
        if not s:
            return None
        target = year_of(period)  # a quarter counts as its own financial year
        dist = {p: abs(year_of(p) - target) for p in s}
        best = min(dist.values())
        cands = [p for p, d in dist.items() if d == best]
        if len(cands) != 1:
            return None
        return cands[0]

    # ---- ranking -------------------------------------------------------------
    def rank_period(self, ind, members, period=None):
        """Latest period where at least half of the group holds a value (or the asked period if that
        holds); None if no such period."""
        periods = sorted({p for m in members for p in self.series(ind, m)})
        ok = [p for p in periods if sum(1 for m in members if self.value(ind, m, p) is not None) * 2 >= len(members)]
        if period is not None:
            return period if period in ok else None
        return ok[-1] if ok else None

    def ranked(self, ind, members, period):
        """[(code, value)] best first, by polarity."""
        pol = self.polarity[ind]
        vals = [(m, self.value(ind, m, period)) for m in members]
        vals = [(m, v) for m, v in vals if v is not None]
        vals.sort(key=lambda t: (-t[1] if pol == "hi" else t[1], t[0]))
        return vals


def load_oflog():
    raw = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
    raw = raw.rename(
        columns={
            "Financial year": "period",
            "Local authority code": "area",
            "Local authority name": "aname",
            "Code": "indicator",
            "Value": "value",
        }
    )
    names = dict(raw[["area", "aname"]].drop_duplicates().itertuples(index=False))
    all_areas = sorted(names)
    df = raw.dropna(subset=["value"])[["indicator", "area", "period", "value"]].copy()
    df["value"] = df["value"].astype(float)
    pol = {}
    for ind in sorted(df.indicator.unique()):
        ro = raw[raw.indicator == ind].rank_order.dropna().str.lower().unique().tolist()
        if ind == "ASC7":
            pol[ind] = "lo"  # data README: workforce turnover is one where lower is better
        elif ro == ["desc"]:
            pol[ind] = "hi"
        else:
            pol[ind] = None  # ASC6: no stated direction, never ranked
    ds = Dataset("oflog", df, names, pol, "england")
    nn = json.loads((SHARED / "oflog_asc" / "nearest_neighbours.json").read_text())
    excluded = sorted(c for c, n in names.items() if n in OFLOG_EXCLUDED_NAMES)
    excl = set(excluded)
    valid = []
    for c in all_areas:
        if c in excl or c not in nn:
            continue
        if set(nn[c]) & excl:
            continue
        valid.append(c)
    homes = [c for c in valid if len(nn[c]) >= 15]
    ds.excluded = excl
    ds.valid_named = valid
    ds.homes = homes
    ds.nn = {c: list(nn[c]) for c in homes}
    ds.group_all = all_areas
    ds.entity = dict(raw[["area", "Entity_Name"]].drop_duplicates().itertuples(index=False))
    return ds


def load_lgbf():
    raw = pd.read_csv(SHARED / "lgbf" / "lgbf_values_real.csv")
    raw = raw[raw.LocalAuthority.notna()]
    info = pd.read_csv(SHARED / "lgbf" / "indicator_information.csv", encoding="utf-8-sig")
    fam = pd.read_csv(SHARED / "lgbf" / "family_groups.csv", encoding="utf-8-sig")
    raw = raw.assign(area=raw.LocalAuthority.map(slug))
    names = dict(raw[["area", "LocalAuthority"]].drop_duplicates().itertuples(index=False))
    df = raw[raw.LA_IndicatorReal.notna() & raw.Year.map(is_single_year)]
    df = df.rename(columns={"Code": "indicator", "Year": "period", "LA_IndicatorReal": "value"})
    df = df[["indicator", "area", "period", "value"]].copy()
    df["value"] = df["value"].astype(float)
    pol = {}
    for r in info.itertuples(index=False):
        pol[r.Code] = {"Ascending": "lo", "Descending": "hi"}.get(r.Ranking_Type)
    ds = Dataset("lgbf", df, names, pol, "scotland")
    ds.info = info.set_index("Code")
    ds.category = dict(zip(info.Code, info.ISCategory, strict=False))
    ds.grouping = dict(zip(info.Code, info.FamilyGrouping, strict=False))
    ds.annual = {c for c, rp in zip(info.Code, info.ReportingPeriod, strict=False) if rp == "Annual"}
    groups = {}
    for r in fam.itertuples(index=False):
        groups.setdefault((r.Type, r.Family_Group), []).append(slug(r.Local_Authority))
    ds.families = groups
    ds.group_all = sorted(names)
    return ds


def lgbf_neighbours(ds, home, ind):
    t = ds.grouping[ind]
    for (typ, _fg), mem in ds.families.items():
        if typ == t and home in mem:
            return sorted(mem)
    raise KeyError((home, ind))


def load_sample():
    raw = pd.read_csv(SAMPLE / "indicators.csv")
    meta = pd.read_csv(SAMPLE / "indicator_meta.csv")
    nn = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
    names = dict(raw[["area_code", "area_name"]].drop_duplicates().itertuples(index=False))
    df = raw.dropna(subset=["value"]).rename(columns={"indicator_id": "indicator", "area_code": "area"})
    df = df[["indicator", "area", "period", "value"]].copy()
    pol = {
        r.indicator_id: {"higher_is_better": "hi", "lower_is_better": "lo"}.get(r.polarity)
        for r in meta.itertuples(index=False)
    }
    ds = Dataset("sample", df, names, pol, None)
    ds.home = "E07999001"
    ds.nn = sorted(nn[nn.area_code == ds.home].member_code)
    ds.targets = raw[raw.area_code == ds.home][["indicator_id", "period", "target"]]
    ds.meta = meta.set_index("indicator_id")
    return ds
