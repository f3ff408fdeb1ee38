"""Load the three data homes (oflog, lgbf, sample) into one tidy shape for generate.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

SHARED = Path("/work/shared/data")
SAMPLE = Path("/work/main/bot/sample_pack/data")

EXCLUDED_OFLOG = {
    "E10000002", "E06000060",  # Buckinghamshire
    "E10000009", "E06000059",  # Dorset
    "E10000021",  # Northamptonshire
    "E06000028", "E06000029", "E06000058",  # Bournemouth, Poole, BCP
    "E06000053", "E09000001",  # Isles of Scilly, City of London
    "E06000061", "E06000062",  # North / West Northamptonshire (judgement call: too close to Northamptonshire)
}
SAMPLE_HOME = "E07999001"


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    return "S-" + re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def fy_start(p: str) -> int:
    return int(p[:4])


def fy(y: int) -> str:
    return f"{y}-{(y + 1) % 100:02d}"


ANNUAL_RE = re.compile(r"^\d{4}-\d{2}$")


class Home:
    """One data home: values, names, polarity, groups."""

    def __init__(self, key: str, vals: pd.DataFrame, names: dict, polarity: dict, titles: dict):
        self.key = key
        self.vals = vals  # columns ind, area, period, value (annual rows only + sample quarters)
        self.names = names
        self.polarity = polarity  # ind -> 'high' | 'low' | None
        self.titles = titles
        self._idx = {(r.ind, r.area, r.period): float(r.value) for r in vals.itertuples()}
        ann = vals[vals.period.str.match(ANNUAL_RE)]
        self._held = ann.groupby(["ind", "area"]).period.apply(lambda s: sorted(set(s))).to_dict()
        self.inds = sorted(vals.ind.unique())

    def value(self, ind, area, period):
        return self._idx.get((ind, area, period))

    def held(self, ind, area):
        return self._held.get((ind, area), [])

    def latest(self, ind, area):
        h = self.held(ind, area)
        return h[-1] if h else None

    def holds(self, ind, area):
        return bool(self.held(ind, area))


def load_oflog() -> Home:
    d = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
    d = d.rename(columns={"Financial year": "period", "Local authority code": "area", "Code": "ind", "Value": "value"})
    names = dict(zip(d.area, d["Local authority name"], strict=False))
    entity = dict(zip(d.area, d.Entity_Name, strict=False))
    med = d.dropna(subset=["MEDIAN"]).groupby(["ind", "period"]).MEDIAN.first().to_dict()
    d = d.dropna(subset=["value"])[["ind", "area", "period", "value"]]
    pol = {"ASC1": "high", "ASC2": "high", "ASC3": "high", "ASC4": "high", "ASC5": "high", "ASC6": None, "ASC7": "low"}
    titles = {}
    h = Home("oflog", d, names, pol, titles)
    nn = json.loads((SHARED / "oflog_asc" / "nearest_neighbours.json").read_text())
    h.all_areas = sorted(names)
    h.entity = entity
    h.median = med
    h.nn = nn
    h.homes = sorted(c for c in names if c in nn and c not in EXCLUDED_OFLOG and not (set(nn[c]) & EXCLUDED_OFLOG))
    return h


def load_lgbf() -> Home:
    info = pd.read_csv(SHARED / "lgbf" / "indicator_information.csv", encoding="utf-8-sig").drop_duplicates("Code")
    v = pd.read_csv(SHARED / "lgbf" / "lgbf_values_real.csv").dropna(subset=["Code", "LocalAuthority"])
    annual_codes = set(info[info.ReportingPeriod == "Annual"].Code)
    v = v[v.Year.astype(str).str.match(ANNUAL_RE)]
    names = {slug(n): n for n in sorted(v.LocalAuthority.unique())}
    v["area"] = v.LocalAuthority.map(slug)
    allv = v.dropna(subset=["LA_IndicatorReal"]).rename(
        columns={"Code": "ind", "Year": "period", "LA_IndicatorReal": "value"})
    scot = allv.groupby(["ind", "period"]).Scotland_Indicator_Real.first().to_dict()
    pol = {}
    for r in info.itertuples():
        pol[r.Code] = {"Ascending": "low", "Descending": "high"}.get(r.Ranking_Type)
    h = Home("lgbf", allv[allv.ind.isin(annual_codes)][["ind", "area", "period", "value"]], names, pol,
             dict(zip(info.Code, info.Title, strict=False)))
    h.category = dict(zip(info.Code, info.ISCategory, strict=False))
    h.fgroup_scheme = dict(zip(info.Code, info.FamilyGrouping, strict=False))
    # every indicator (any reporting period) each council holds, for overviews
    raw = pd.read_csv(SHARED / "lgbf" / "lgbf_values_real.csv").dropna(subset=["Code", "LocalAuthority",
                                                                               "LA_IndicatorReal"])
    raw["area"] = raw.LocalAuthority.map(slug)
    h.held_any = raw.groupby("area").Code.apply(lambda s: set(s)).to_dict()
    fg = pd.read_csv(SHARED / "lgbf" / "family_groups.csv", encoding="utf-8-sig")
    fg["area"] = fg.Local_Authority.map(slug)
    h.fg = {}
    for (scheme, _grp), sub in fg.groupby(["Type", "Family_Group"]):
        for a in sub.area:
            h.fg[(scheme, a)] = sorted(sub.area)
    h.scotland = scot
    h.all_areas = sorted(names)
    h.homes = sorted(names)
    return h


def load_sample() -> Home:
    d = pd.read_csv(SAMPLE / "indicators.csv")
    meta = pd.read_csv(SAMPLE / "indicator_meta.csv")
    names = dict(zip(d.area_code, d.area_name, strict=False))
    pol = {r.indicator_id: {"higher_is_better": "high", "lower_is_better": "low"}.get(r.polarity)
           for r in meta.itertuples()}
    v = d.rename(columns={"indicator_id": "ind", "area_code": "area"})[["ind", "area", "period", "value"]]
    h = Home("sample", v, names, pol, dict(zip(meta.indicator_id, meta.name, strict=False)))
    g = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
    h.nn = {a: list(s.member_code) for a, s in g.groupby("area_code")}
    h.all_areas = sorted(names)
    h.homes = [SAMPLE_HOME]
    h.targets = {(r.indicator_id, r.area_code, r.period): r.target for r in d.dropna(subset=["target"]).itertuples()}
    return h


def load_all() -> dict:
    return {"oflog": load_oflog(), "lgbf": load_lgbf(), "sample": load_sample()}
