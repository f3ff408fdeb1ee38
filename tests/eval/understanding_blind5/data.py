"""Loaders for the three data homes used by the blind understanding set 5.

Everything here reads the RAW public files (../shared/data) and the sample pack's data CSVs with pandas.
Nothing from the product's code is imported or consulted.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

SHARED = Path("/work/shared/data")
SAMPLE = Path("/work/main/bot/sample_pack/data")

FY_RE = re.compile(r"^(\d{4})-(\d{2})$")


def is_fy(p: str) -> bool:
    m = FY_RE.match(p)
    return bool(m) and (int(m.group(1)) + 1) % 100 == int(m.group(2))


def fy(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def fy_start(p: str) -> int:
    return int(p[:4])


def period_key(p: str):
    q = 0
    m = re.search(r"Q(\d)$", p)
    if m:
        q = int(m.group(1))
    # annual FY sorts before its quarters (quarters are rolling readings after the year closes)
    return (int(p[:4]), int(p[5:7]) if p[5:7].isdigit() else 0, q)


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def lgbf_code(name: str) -> str:
    if name in ("Na h-Eileanan Siar", "Eilean Siar"):
        return "S-eilean-siar"
    return "S-" + slug(name)


@dataclass
class Home:
    """One data home: tidy values plus polarity, names and comparator groups."""

    name: str
    values: dict = field(default_factory=dict)  # (ind, area, period) -> float
    periods: dict = field(default_factory=dict)  # (ind, area) -> sorted list of periods
    areas_by_ind: dict = field(default_factory=dict)  # ind -> set(area)
    polarity: dict = field(default_factory=dict)  # ind -> "higher" | "lower" | "goldilocks" | None
    area_name: dict = field(default_factory=dict)  # code -> raw name
    ind_name: dict = field(default_factory=dict)
    category: dict = field(default_factory=dict)  # ind -> service category
    grouping: dict = field(default_factory=dict)  # ind -> family grouping scheme (LGBF)
    groups: dict = field(default_factory=dict)  # oflog/sample: home -> [members]; lgbf: (scheme, home) -> [members]

    def build(self, df: pd.DataFrame):
        df = df.dropna(subset=["value"])
        for r in df.itertuples(index=False):
            self.values[(r.ind, r.area, r.period)] = float(r.value)
        for (ind, area), g in df.groupby(["ind", "area"]):
            self.periods[(ind, area)] = sorted(g["period"].unique(), key=period_key)
        for ind, g in df.groupby("ind"):
            self.areas_by_ind[ind] = set(g["area"])

    # ---- queries -------------------------------------------------------
    def held(self, ind, area, annual=True):
        ps = self.periods.get((ind, area), [])
        return [p for p in ps if is_fy(p)] if annual else list(ps)

    def val(self, ind, area, period):
        return self.values.get((ind, area, period))

    def latest(self, ind, area, annual=False):
        ps = self.held(ind, area, annual=annual)
        return ps[-1] if ps else None

    def group_members(self, ind, home):
        if self.name == "lgbf":
            return self.groups[(self.grouping[ind], home)]
        return self.groups[home]

    def latest_for(self, ind, members):
        best = None
        for a in members:
            p = self.latest(ind, a, annual=False)
            if p and (best is None or period_key(p) > period_key(best)):
                best = p
        return best

    def rank_period(self, ind, members):
        """Latest period at which at least half of the group (and at least two councils) hold a value."""
        counts = {}
        for a in members:
            for p in self.periods.get((ind, a), []):
                counts[p] = counts.get(p, 0) + 1
        need = max(2, (len(members) + 1) // 2)
        ok = [p for p, c in counts.items() if c >= need]
        return max(ok, key=period_key) if ok else None

    def national_members(self, ind):
        return sorted(self.areas_by_ind[ind])


def load_oflog() -> Home:
    raw = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
    df = pd.DataFrame(
        {
            "ind": raw["Code"].str.strip(),
            "area": raw["Local authority code"].str.strip(),
            "period": raw["Financial year"].str.strip(),
            "value": pd.to_numeric(raw["Value"], errors="coerce"),
        }
    )
    h = Home("oflog")
    h.build(df)
    for code, name in zip(raw["Local authority code"], raw["Local authority name"], strict=False):
        h.area_name[code] = name
    for code, meas in zip(raw["Code"], raw["Measure"], strict=False):
        h.ind_name[code] = meas
    ro = raw.assign(ro=raw["rank_order"].str.lower()).groupby("Code")["ro"].apply(lambda s: set(s.dropna()))
    for code in h.ind_name:
        if "desc" in ro.get(code, set()):
            h.polarity[code] = "higher"
        elif code == "ASC7":  # README: workforce turnover - lower is better
            h.polarity[code] = "lower"
        else:
            h.polarity[code] = None  # ASC6: no direction stated
        h.category[code] = "Adult social care"
    nn = json.loads((SHARED / "oflog_asc" / "nearest_neighbours.json").read_text())
    h.groups = {k: list(v) for k, v in nn.items()}
    return h


def load_lgbf() -> Home:
    raw = pd.read_csv(SHARED / "lgbf" / "lgbf_values_real.csv")
    raw = raw.dropna(subset=["Code", "LocalAuthority"])
    df = pd.DataFrame(
        {
            "ind": raw["Code"].str.strip(),
            "area": raw["LocalAuthority"].str.strip().map(lgbf_code),
            "period": raw["Year"].str.strip(),
            "value": pd.to_numeric(raw["LA_IndicatorReal"], errors="coerce"),
        }
    )
    h = Home("lgbf")
    h.build(df)
    for name in raw["LocalAuthority"].str.strip().unique():
        h.area_name[lgbf_code(name)] = name
    info = pd.read_csv(SHARED / "lgbf" / "indicator_information.csv")
    for r in info.itertuples(index=False):
        h.ind_name[r.Code] = r.Title
        h.category[r.Code] = r.ISCategory
        h.grouping[r.Code] = r.FamilyGrouping
        h.polarity[r.Code] = {"Ascending": "lower", "Descending": "higher", "Goldilocks": "goldilocks"}.get(
            r.Ranking_Type
        )
    fg = pd.read_csv(SHARED / "lgbf" / "family_groups.csv", encoding="utf-8-sig")
    by = {}
    for r in fg.itertuples(index=False):
        by.setdefault((r.Type, r.Family_Group), []).append(lgbf_code(r.Local_Authority.strip()))
    for (typ, _grp), members in by.items():
        for m in members:
            h.groups[(typ, m)] = list(members)
    return h


def load_sample() -> Home:
    raw = pd.read_csv(SAMPLE / "indicators.csv")
    df = pd.DataFrame(
        {
            "ind": raw["indicator_id"],
            "area": raw["area_code"],
            "period": raw["period"].astype(str),
            "value": raw["value"],
        }
    )
    h = Home("sample")
    h.build(df)
    for code, name in zip(raw["area_code"], raw["area_name"], strict=False):
        h.area_name[code] = name
    meta = pd.read_csv(SAMPLE / "indicator_meta.csv")
    for r in meta.itertuples(index=False):
        h.ind_name[r.indicator_id] = r.name
        h.polarity[r.indicator_id] = {
            "higher_is_better": "higher",
            "lower_is_better": "lower",
            "closer_to_target": "goldilocks",
        }[r.polarity]
    tg = raw.dropna(subset=["target"])
    h.targets = {(r.indicator_id, r.area_code, str(r.period)): float(r.target) for r in tg.itertuples(index=False)}
    nn = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
    for home, g in nn.groupby("area_code"):
        h.groups[home] = list(g["member_code"])
    return h
