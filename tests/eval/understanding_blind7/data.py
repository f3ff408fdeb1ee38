"""Load the three data homes from the raw files and answer the questions the generator needs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

SHARED = Path("/work/shared/data")
SAMPLE = Path("/work/main/bot/sample_pack/data")
ANNUAL = re.compile(r"^(\d{4})-(\d{2})$")

OFLOG_EXCLUDED_NAMES = {
    "Northamptonshire", "Bournemouth", "Poole", "Bournemouth, Christchurch and Poole", "Isles of Scilly",
    "City of London",
}


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def year_start(period: str) -> int:
    return int(period[:4])


def fy(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


class Home:
    """One dataset: tidy values, names, polarity, comparator groups."""

    def __init__(self, key, values, names, polarity, national, group_fn, titles):
        self.key = key
        self.values = values  # columns ind, area, period, value (annual periods only unless sample quarters)
        self.names = names
        self.polarity = polarity  # ind -> 'higher' | 'lower' | None
        self.national = national
        self.group_fn = group_fn
        self.titles = titles
        self._index = {(r.ind, r.area, r.period): r.value for r in values.itertuples()}
        self.all_areas = sorted(values["area"].unique())

    def value(self, ind, area, period):
        return self._index.get((ind, area, period))

    def series(self, ind, area, annual_only=True):
        v = self.values[(self.values.ind == ind) & (self.values.area == area)]
        if annual_only:
            v = v[v.period.str.match(ANNUAL)]
        return dict(sorted(zip(v.period, v.value, strict=True)))

    def latest(self, ind, area):
        s = self.series(ind, area)
        return max(s) if s else None

    def holds(self, ind, area):
        return bool(self.series(ind, area, annual_only=False))

    def group(self, home, ind, token):
        if token == self.national:
            return self.all_areas
        return self.group_fn(home, ind)

    def ranking_period(self, home, ind, token, period=None):
        members = self.group(home, ind, token)
        if period is not None:
            return period
        years = sorted({p for p in self.values[self.values.ind == ind].period if ANNUAL.match(p)}, reverse=True)
        for p in years:
            held = sum(1 for m in members if self.value(ind, m, p) is not None)
            if held * 2 >= len(members):
                return p
        return None

    def ranking(self, home, ind, token, period=None):
        """Return (period, [(area, value)] best first) or None when the measure has no direction."""
        pol = self.polarity.get(ind)
        if pol is None:
            return None
        p = self.ranking_period(home, ind, token, period)
        if p is None:
            return None
        rows = [(m, self.value(ind, m, p)) for m in self.group(home, ind, token)]
        rows = [r for r in rows if r[1] is not None]
        rows.sort(key=lambda r: (-r[1] if pol == "higher" else r[1], r[0]))
        return p, rows


def fig(ind, area, period, value):
    return {"indicator_id": ind, "area_code": area, "period": period, "value": float(value)}


def load_oflog() -> tuple[Home, list[str], set[str]]:
    d = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
    nn = json.loads((SHARED / "oflog_asc" / "nearest_neighbours.json").read_text())
    names = dict(zip(d["Local authority code"], d["Local authority name"], strict=True))
    twice = d.groupby("Local authority name")["Local authority code"].nunique()
    bad_names = OFLOG_EXCLUDED_NAMES | set(twice[twice > 1].index)
    excluded = {c for c, n in names.items() if n in bad_names}
    pol = {}
    for code, g in d.groupby("Code"):
        dirs = {str(x).lower() for x in g["rank_order"].dropna()}
        pol[code] = "higher" if "desc" in dirs else None
    pol["ASC7"] = "lower"  # the data README states workforce turnover is lower-is-better
    v = d.dropna(subset=["Value"]).rename(
        columns={"Code": "ind", "Local authority code": "area", "Financial year": "period", "Value": "value"})
    v = v[["ind", "area", "period", "value"]].reset_index(drop=True)
    titles = dict(zip(d["Code"], d["Measure"], strict=True))
    home = Home("oflog", v, names, pol, "england", lambda h, i: sorted(nn.get(h, [])), titles)
    homes = sorted(c for c in names if c in nn and c not in excluded and not (set(nn[c]) & excluded))
    return home, homes, excluded


def load_lgbf() -> tuple[Home, list[str], dict]:
    info = pd.read_csv(SHARED / "lgbf" / "indicator_information.csv", encoding="utf-8-sig")
    fam = pd.read_csv(SHARED / "lgbf" / "family_groups.csv", encoding="utf-8-sig")
    v = pd.read_csv(SHARED / "lgbf" / "lgbf_values_real.csv").dropna(subset=["LocalAuthority", "Year"])
    v = v.dropna(subset=["LA_IndicatorReal"])
    v["area"] = "S-" + v["LocalAuthority"].map(slug)
    names = dict(zip(v["area"], v["LocalAuthority"], strict=True))
    rk = dict(zip(info["Code"], info["Ranking_Type"], strict=True))
    pol = {c: {"Ascending": "lower", "Descending": "higher"}.get(t) for c, t in rk.items()}
    grouping = dict(zip(info["Code"], info["FamilyGrouping"], strict=True))
    fam["area"] = "S-" + fam["Local_Authority"].map(slug)
    fg = {}
    for (typ, _grp), g in fam.groupby(["Type", "Family_Group"]):
        for a in g["area"]:
            fg[(typ, a)] = sorted(g["area"])

    def group_fn(h, i):
        return fg.get((grouping.get(i), h), [])

    tv = v.rename(columns={"Code": "ind", "Year": "period", "LA_IndicatorReal": "value"})
    tv = tv[["ind", "area", "period", "value"]].reset_index(drop=True)
    titles = dict(zip(info["Code"], info["Title"], strict=True))
    home = Home("lgbf", tv, names, pol, "scotland", group_fn, titles)
    cats = dict(zip(info["Code"], info["ISCategory"], strict=True))
    return home, sorted(names), cats


def load_sample() -> tuple[Home, pd.DataFrame]:
    d = pd.read_csv(SAMPLE / "indicators.csv")
    meta = pd.read_csv(SAMPLE / "indicator_meta.csv")
    nn = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
    names = dict(zip(d["area_code"], d["area_name"], strict=True))
    pol = {r.indicator_id: {"higher_is_better": "higher", "lower_is_better": "lower"}.get(r.polarity)
           for r in meta.itertuples()}
    groups = {a: sorted(g["member_code"]) for a, g in nn.groupby("area_code")}
    v = d.rename(columns={"indicator_id": "ind", "area_code": "area"})[["ind", "area", "period", "value"]]
    v = v.dropna(subset=["value"]).reset_index(drop=True)
    titles = dict(zip(meta["indicator_id"], meta["name"], strict=True))
    home = Home("sample", v, names, pol, "england", lambda h, i: groups.get(h, []), titles)
    return home, d


def closest_held(series: dict, period: str):
    """Closest held annual period to a (possibly quarterly) period; None when two tie."""
    if period in series:
        return period
    target = year_start(period)
    dists = sorted((abs(year_start(p) - target), p) for p in series)
    if not dists or (len(dists) > 1 and dists[0][0] == dists[1][0]):
        return None
    return dists[0][1]
