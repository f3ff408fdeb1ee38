"""Data access for the set-22 generator: loads the raw files with pandas and answers look-ups.

Everything an item states (codes, periods, values, rankings) is computed here from the raw files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

MAIN = Path(__file__).resolve().parents[3]
SHARED = MAIN.parent / "shared" / "data"
OFLOG_DIR = SHARED / "oflog_asc"
LGBF_DIR = SHARED / "lgbf"
SAMPLE_DIR = MAIN / "bot" / "sample_pack" / "data"

SAMPLE_HOME = "E07999001"
# Excluded as home or named council (brief): Buckinghamshire and Dorset (two codes each), Northamptonshire,
# Bournemouth, Poole, BCP, Isles of Scilly, City of London.
OFLOG_EXCLUDED = [
    "E10000002", "E06000060", "E10000009", "E06000059", "E10000021",
    "E06000028", "E06000029", "E06000058", "E06000053", "E09000001",
]
# Judgement call: North and West Northamptonshire are never homes or named councils either (names too close to
# the excluded county), but they stay inside neighbour groups and England rankings.
OFLOG_NOT_NAMED = ["E06000061", "E06000062"]

FY_RE = re.compile(r"^(\d{4})-(\d{2})$")


def fy(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def fy_start(period: str) -> int:
    return int(period[:4])


def is_single_year(period: str) -> bool:
    m = FY_RE.match(str(period))
    return bool(m) and (int(m.group(1)) + 1) % 100 == int(m.group(2))


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return "S-" + s


class Dataset:
    """One data home: values by (indicator, area) -> {period: value}, names, neighbours, polarity."""

    def __init__(self, key: str):
        self.key = key
        self.vals: dict[tuple[str, str], dict[str, float]] = {}
        self.quarters: dict[tuple[str, str], dict[str, float]] = {}
        self.names: dict[str, str] = {}
        self.pol: dict[str, str | None] = {}
        self.homes: list[str] = []
        self.named: list[str] = []
        self.all_areas: list[str] = []

    # --- look-ups -------------------------------------------------------------------------------------------
    def series(self, ind: str, area: str) -> dict[str, float]:
        return self.vals.get((ind, area), {})

    def held(self, ind: str, area: str) -> list[str]:
        return sorted(self.series(ind, area))

    def latest(self, ind: str, area: str) -> str | None:
        h = self.held(ind, area)
        return h[-1] if h else None

    def value(self, ind: str, area: str, period: str) -> float | None:
        if " Q" in period:
            return self.quarters.get((ind, area), {}).get(period)
        return self.series(ind, area).get(period)

    def has_quarters(self, ind: str, area: str) -> bool:
        return bool(self.quarters.get((ind, area)))

    def closest_held(self, ind: str, area: str, start: int) -> str | None:
        """The single closest held annual period to a year start; None on a tie or nothing held."""
        held = self.held(ind, area)
        if not held:
            return None
        dists = sorted((abs(fy_start(p) - start), p) for p in held)
        if len(dists) > 1 and dists[0][0] == dists[1][0]:
            return None
        return dists[0][1]

    def neighbours(self, home: str, ind: str) -> list[str]:
        raise NotImplementedError

    def periods_of(self, ind: str) -> list[str]:
        ps = set()
        for (i, _a), s in self.vals.items():
            if i == ind:
                ps.update(s)
        return sorted(ps)

    def group_latest(self, ind: str, members: list[str]) -> str | None:
        """Latest period where at least half the group holds a value."""
        for p in reversed(self.periods_of(ind)):
            held = sum(1 for m in members if p in self.series(ind, m))
            if held * 2 >= len(members):
                return p
        return None

    def ranked(self, ind: str, members: list[str], period: str) -> list[tuple[str, float]]:
        """Members holding a value in period, best first (polarity-aware), ties broken by code."""
        pol = self.pol.get(ind)
        rows = [(m, self.series(ind, m)[period]) for m in members if period in self.series(ind, m)]
        if pol == "higher":
            rows.sort(key=lambda r: (-r[1], r[0]))
        else:
            rows.sort(key=lambda r: (r[1], r[0]))
        return rows


class Oflog(Dataset):
    def __init__(self):
        super().__init__("oflog")
        df = pd.read_csv(OFLOG_DIR / "asc_data.csv")
        df = df.rename(columns={"Financial year": "period", "Local authority code": "area", "Code": "ind"})
        df["ind"] = df["ind"].astype(str).str.strip().str.upper()
        first = df.drop_duplicates("area")
        self.names = {a: str(n).strip() for a, n in zip(first["area"], first["Local authority name"], strict=True)}
        self.entity = dict(zip(df["area"], df["Entity_Name"].astype(str), strict=True))
        df = df[df["Value"].notna()]
        for (ind, area), g in df.groupby(["ind", "area"]):
            self.vals[(ind, area)] = {str(p): float(v) for p, v in zip(g["period"], g["Value"], strict=True)}
        self.pol = {"ASC1": "higher", "ASC2": "higher", "ASC3": "higher", "ASC4": "higher", "ASC5": "higher",
                    "ASC6": None, "ASC7": "lower"}
        self.nn = json.loads((OFLOG_DIR / "nearest_neighbours.json").read_text())
        self.all_areas = sorted(self.names)
        excl = set(OFLOG_EXCLUDED)
        ok = [c for c in self.all_areas
              if c in self.nn and c not in excl and c not in OFLOG_NOT_NAMED and not (set(self.nn[c]) & excl)]
        self.homes = ok
        self.named = ok
        self.excluded = excl

    def neighbours(self, home: str, ind: str) -> list[str]:
        return sorted(self.nn[home])

    def held_inds(self, area: str) -> list[str]:
        return sorted(i for (i, a) in self.vals if a == area)


class Lgbf(Dataset):
    def __init__(self):
        super().__init__("lgbf")
        info = pd.read_csv(LGBF_DIR / "indicator_information.csv")
        self.info = {r.Code: r for r in info.itertuples()}
        df = pd.read_csv(LGBF_DIR / "lgbf_values_real.csv")
        df = df[df["LocalAuthority"].notna() & df["Code"].notna()]
        df["area"] = df["LocalAuthority"].map(slug)
        for name in sorted(df["LocalAuthority"].unique()):
            self.names[slug(name)] = name
        nonnull = df[df["LA_IndicatorReal"].notna()]
        # every indicator held (any period, any reporting type) per council, for overviews
        self.any_held: dict[str, set[str]] = {}
        for area, g in nonnull.groupby("area"):
            self.any_held[area] = set(g["Code"])
        annual = nonnull[nonnull["Year"].astype(str).map(is_single_year)]
        annual = annual[annual["Code"].map(lambda c: self.info[c].ReportingPeriod == "Annual")]
        for (ind, area), g in annual.groupby(["Code", "area"]):
            self.vals[(ind, area)] = {str(p): float(v) for p, v in zip(g["Year"], g["LA_IndicatorReal"], strict=True)}
        for code, r in self.info.items():
            self.pol[code] = {"Ascending": "lower", "Descending": "higher"}.get(r.Ranking_Type)
        fg = pd.read_csv(LGBF_DIR / "family_groups.csv", encoding="utf-8-sig")
        self.fg: dict[tuple[str, str], str] = {}
        for r in fg.itertuples():
            self.fg[(r.Type, slug(r.Local_Authority))] = r.Family_Group
        self.all_areas = sorted(self.names)
        self.homes = list(self.all_areas)
        self.named = list(self.all_areas)

    def neighbours(self, home: str, ind: str) -> list[str]:
        t = self.info[ind].FamilyGrouping
        g = self.fg[(t, home)]
        return sorted(a for (tt, a), gg in self.fg.items() if tt == t and gg == g)

    def category_inds(self, category: str, area: str) -> list[str]:
        return sorted(c for c, r in self.info.items() if r.ISCategory == category and c in self.any_held.get(area, ()))


class Sample(Dataset):
    def __init__(self):
        super().__init__("sample")
        df = pd.read_csv(SAMPLE_DIR / "indicators.csv")
        df = df[df["value"].notna()]
        for r in df.drop_duplicates("area_code").itertuples():
            self.names[r.area_code] = r.area_name
        self.targets: dict[tuple[str, str], float] = {}
        for (ind, area), g in df.groupby(["indicator_id", "area_code"]):
            ann = g[g["period"].map(is_single_year)]
            qtr = g[g["period"].str.contains(" Q")]
            self.vals[(ind, area)] = {str(p): float(v) for p, v in zip(ann["period"], ann["value"], strict=True)}
            if len(qtr):
                pairs = zip(qtr["period"], qtr["value"], strict=True)
                self.quarters[(ind, area)] = {str(p): float(v) for p, v in pairs}
            for p, t in zip(g["period"], g["target"], strict=True):
                if pd.notna(t):
                    self.targets[(ind, area, str(p))] = float(t)
        meta = pd.read_csv(SAMPLE_DIR / "indicator_meta.csv")
        for r in meta.itertuples():
            self.pol[r.indicator_id] = {"higher_is_better": "higher", "lower_is_better": "lower"}.get(r.polarity)
        nn = pd.read_csv(SAMPLE_DIR / "nearest_neighbours.csv")
        self.nn = sorted(nn[nn["area_code"] == SAMPLE_HOME]["member_code"])
        self.all_areas = sorted(self.names)
        self.homes = [SAMPLE_HOME]
        self.named = [c for c in self.nn if c != SAMPLE_HOME]

    def neighbours(self, home: str, ind: str) -> list[str]:
        return list(self.nn)

    def latest(self, ind: str, area: str) -> str | None:
        h = self.held(ind, area)
        return h[-1] if h else None
