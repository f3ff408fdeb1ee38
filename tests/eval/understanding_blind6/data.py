"""Loaders for the blind understanding set: the three data homes as plain dicts (pandas only)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

SHARED = Path("/work/shared/data")
SAMPLE = Path(__file__).resolve().parents[3] / "bot" / "sample_pack" / "data"

# Oflog councils never named or used as home (reorganised, two codes for one name, tiny, ...).
OFLOG_EXCLUDED_NAMES = {
    "Buckinghamshire",
    "Dorset",
    "Northamptonshire",
    "Bournemouth",
    "Poole",
    "Isles of Scilly",
    "City of London",
    "Bournemouth, Christchurch and Poole",
}
FY = re.compile(r"^(\d{4})-(\d{2})$")
QTR = re.compile(r"^(\d{4})-(\d{2}) Q([1-4])$")


def is_fy(period: str) -> bool:
    m = FY.match(period)
    return bool(m) and (int(m.group(1)) + 1) % 100 == int(m.group(2))


def fy(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def fy_start(period: str) -> int:
    return int(period[:4])


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    return "S-" + re.sub(r"[^a-z0-9]+", "-", s).strip("-")


@dataclass
class Dataset:
    name: str
    values: dict = field(default_factory=dict)  # (indicator, area, period) -> float
    names: dict = field(default_factory=dict)  # area code -> display name
    polarity: dict = field(default_factory=dict)  # indicator -> "high" | "low" | None
    titles: dict = field(default_factory=dict)  # indicator -> official title
    national: str | None = None  # group token for the whole country
    national_members: list = field(default_factory=list)
    homes: list = field(default_factory=list)  # areas allowed as asking council
    category: dict = field(default_factory=dict)  # indicator -> service category
    groups: dict = field(default_factory=dict)  # (home, indicator) -> member list, filled lazily
    group_fn: object = None

    def value(self, ind: str, area: str, period: str):
        return self.values.get((ind, area, period))

    def _index(self) -> dict:
        if not hasattr(self, "_idx"):
            self._idx = {}
            for (i, a, p), v in self.values.items():
                self._idx.setdefault((i, a), {})[p] = v
        return self._idx

    def series(self, ind: str, area: str) -> dict:
        out = {p: v for p, v in self._index().get((ind, area), {}).items() if is_fy(p)}
        return dict(sorted(out.items()))

    def held_any(self, ind: str, area: str) -> bool:
        return (ind, area) in self._index()

    def latest(self, ind: str, area: str) -> str | None:
        s = self.series(ind, area)
        return max(s) if s else None

    def annual_periods(self, ind: str) -> list:
        return sorted({p for (i, _a, p) in self.values if i == ind and is_fy(p)})

    def neighbours(self, home: str, ind: str) -> list:
        return list(self.group_fn(home, ind))

    def members(self, token: str, home: str, ind: str) -> list:
        return self.national_members if token == self.national else self.neighbours(home, ind)

    def ranking_period(self, ind: str, members: list) -> str | None:
        """Latest annual period at which at least half the group holds a value."""
        for p in reversed(self.annual_periods(ind)):
            held = sum(1 for m in members if (ind, m, p) in self.values)
            if held * 2 >= len(members):
                return p
        return None

    def ranked(self, ind: str, members: list, period: str, order: str) -> list:
        """(code, value) sorted best-first (order=best) or worst-first (order=worst)."""
        rows = [(m, self.values[(ind, m, period)]) for m in members if (ind, m, period) in self.values]
        best_high = self.polarity[ind] == "high"
        descending = best_high if order == "best" else not best_high
        return sorted(rows, key=lambda r: (-r[1] if descending else r[1], r[0]))


def load_oflog() -> Dataset:
    d = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
    d = d.dropna(subset=["Value"])
    ds = Dataset("oflog", national="england")
    for row in d.itertuples(index=False):
        ds.values[(row.Code, row[1], row[0])] = float(row.Value)
    raw = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
    ds.names = raw.groupby("Local authority code")["Local authority name"].first().to_dict()
    ds.titles = raw.groupby("Code")["Measure"].first().to_dict()
    for code, orders in raw.groupby("Code")["rank_order"]:
        stated = {str(o).lower() for o in orders.dropna()}
        ds.polarity[code] = "high" if "desc" in stated else None
    ds.polarity["ASC7"] = "low"  # the README states lower turnover is better
    ds.category = {c: "Adult social care" for c in ds.titles}
    ds.national_members = sorted(ds.names)
    nn = json.loads((SHARED / "oflog_asc" / "nearest_neighbours.json").read_text())
    excluded_codes = {c for c, n in ds.names.items() if n in OFLOG_EXCLUDED_NAMES}
    ds.homes = sorted(
        c
        for c in ds.names
        if c in nn and c not in excluded_codes and all(m in ds.names and m not in excluded_codes for m in nn[c])
    )
    ds.excluded = excluded_codes
    ds.group_fn = lambda home, ind: nn[home]
    return ds


def load_lgbf() -> Dataset:
    base = SHARED / "lgbf"
    v = pd.read_csv(base / "lgbf_values_real.csv")
    v = v.dropna(subset=["LocalAuthority", "LA_IndicatorReal"])
    info = pd.read_csv(base / "indicator_information.csv")
    fam = pd.read_csv(base / "family_groups.csv", encoding="utf-8-sig")
    ds = Dataset("lgbf", national="scotland")
    for row in v.itertuples(index=False):
        ds.values[(row.Code, slug(row.LocalAuthority), row.Year)] = float(row.LA_IndicatorReal)
    ds.names = {slug(n): n for n in v.LocalAuthority.unique()}
    pol = {"Ascending": "low", "Descending": "high"}
    for row in info.itertuples(index=False):
        ds.titles[row.Code] = row.Title
        ds.polarity[row.Code] = pol.get(row.Ranking_Type)
        ds.category[row.Code] = row.ISCategory
    grouping = dict(zip(info.Code, info.FamilyGrouping, strict=True))
    ds.national_members = sorted(ds.names)
    ds.homes = sorted(ds.names)

    def group_fn(home, ind):
        f = fam[fam.Type == grouping[ind]]
        g = f[f.Local_Authority.map(slug) == home].Family_Group.iloc[0]
        return sorted(slug(n) for n in f[f.Family_Group == g].Local_Authority)

    ds.group_fn = group_fn
    return ds


def load_sample() -> Dataset:
    d = pd.read_csv(SAMPLE / "indicators.csv")
    meta = pd.read_csv(SAMPLE / "indicator_meta.csv")
    nn = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
    ds = Dataset("sample")
    for row in d.dropna(subset=["value"]).itertuples(index=False):
        ds.values[(row.indicator_id, row.area_code, row.period)] = float(row.value)
    ds.names = d.groupby("area_code")["area_name"].first().to_dict()
    pol = {"higher_is_better": "high", "lower_is_better": "low"}
    for row in meta.itertuples(index=False):
        ds.titles[row.indicator_id] = row.name
        ds.polarity[row.indicator_id] = pol.get(row.polarity)
    ds.homes = ["E07999001"]
    groups = nn.groupby("area_code")["member_code"].apply(list).to_dict()
    ds.group_fn = lambda home, ind: groups[home]
    ds.quarters = sorted({p for (_i, _a, p) in ds.values if QTR.match(p)})
    return ds


def load_all() -> dict:
    return {"oflog": load_oflog(), "lgbf": load_lgbf(), "sample": load_sample()}
