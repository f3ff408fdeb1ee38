"""Load the three raw datasets into plain look-ups for the dev4 generator.

Nothing here is copied from the data into the project: every run reads the raw files again.
Keys are (dataset, indicator, area, period); "held" means a non-blank value.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

SAMPLE_DIR = Path(__file__).resolve().parents[3] / "bot" / "sample_pack" / "data"

# Councils whose Oflog code changed over the series, plus the two tiny ones: never home, never named.
OFLOG_AVOID = {
    "E06000028", "E06000029", "E06000058",  # Bournemouth, Poole, BCP
    "E10000002", "E06000060",  # Buckinghamshire (county, unitary)
    "E10000009", "E06000059",  # Dorset (county, unitary)
    "E10000021", "E06000061", "E06000062",  # Northamptonshire and its two successors
    "E06000053", "E09000001",  # Isles of Scilly, City of London
}
LGBF_DIRECTIONLESS_TYPES = {"Goldilocks"}


def lgbf_code(name: str) -> str:
    """`Argyll & Bute` -> `S-argyll-and-bute`."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower().replace("&", " and ")).strip("-")
    return "S-" + slug


def period_key(period: str) -> tuple[int, int, int]:
    """Sort key: end year, then start year, then quarter (0 for a whole year)."""
    m = re.match(r"^(\d{4})-(\d{2})(?: Q(\d))?$", period)
    if not m:
        raise ValueError(period)
    start = int(m.group(1))
    end = int(m.group(1)[:2] + m.group(2))
    if end < start:
        end += 100
    return (end, start, int(m.group(3) or 0))


def shift(period: str, years: int) -> str:
    """`2019-20` shifted by -2 -> `2017-18` (financial years only)."""
    start = int(period[:4]) + years
    return f"{start}-{str(start + 1)[2:]}"


def is_fy(period: str) -> bool:
    return re.match(r"^\d{4}-\d{2}$", period) is not None and period_key(period)[0] == period_key(period)[1] + 1


class Data:
    """All three datasets as dictionaries."""

    def __init__(self, shared: Path):
        self.values: dict[tuple[str, str, str, str], float] = {}
        self.national: dict[tuple[str, str, str], float] = {}
        self.polarity: dict[tuple[str, str], str | None] = {}
        self.names: dict[tuple[str, str], str] = {}
        self.groups: dict[tuple[str, str, str], list[str]] = {}  # (ds, home, indicator) -> members
        self.lgbf_category: dict[str, str] = {}
        self.lgbf_period_type: dict[str, str] = {}
        self.targets: dict[tuple[str, str, str], float] = {}
        self._load_oflog(shared / "data" / "oflog_asc")
        self._load_lgbf(shared / "data" / "lgbf")
        self._load_sample(SAMPLE_DIR)
        self.held: dict[tuple[str, str, str], list[str]] = {}
        for (ds, ind, area, per) in self.values:
            self.held.setdefault((ds, ind, area), []).append(per)
        for key in self.held:
            self.held[key].sort(key=period_key)

    # ------------------------------------------------------------------ loaders
    def _load_oflog(self, folder: Path) -> None:
        df = pd.read_csv(folder / "asc_data.csv")
        df = df[df["Value"].notna()]
        for row in df.itertuples(index=False):
            code, area, per = row[7], row[1], row[0]
            self.values[("oflog", code, area, per)] = float(row[8])
            self.names[("oflog", area)] = row[2]
            if pd.notna(row[9]):
                self.national[("oflog", code, per)] = float(row[9])
        for code in df["Code"].unique():
            if code == "ASC6":
                self.polarity[("oflog", code)] = None
            elif code == "ASC7":
                self.polarity[("oflog", code)] = "lower"
            else:
                self.polarity[("oflog", code)] = "higher"
        nn = json.loads((folder / "nearest_neighbours.json").read_text())
        inds = sorted(df["Code"].unique())
        for home, members in nn.items():
            for ind in inds:
                self.groups[("oflog", home, ind)] = list(members)

    def _load_lgbf(self, folder: Path) -> None:
        info = pd.read_csv(folder / "indicator_information.csv")
        grouping: dict[str, str] = {}
        for row in info.itertuples(index=False):
            code = row.Code
            if row.Ranking_Type in LGBF_DIRECTIONLESS_TYPES or pd.notna(row.Ranking_GoldilocksMidpoint):
                self.polarity[("lgbf", code)] = None
            elif row.Ranking_Type == "Ascending":
                self.polarity[("lgbf", code)] = "lower"
            elif row.Ranking_Type == "Descending":
                self.polarity[("lgbf", code)] = "higher"
            else:
                self.polarity[("lgbf", code)] = None
            self.lgbf_category[code] = row.ISCategory
            self.lgbf_period_type[code] = row.ReportingPeriod
            grouping[code] = row.FamilyGrouping
        vals = pd.read_csv(folder / "lgbf_values_real.csv")
        vals = vals[vals["LocalAuthority"].notna()]
        scot: dict[tuple[str, str], set[float]] = {}
        for row in vals.itertuples(index=False):
            code, la, per = row.Code, row.LocalAuthority, row.Year
            area = lgbf_code(la)
            self.names[("lgbf", area)] = la
            if pd.notna(row.LA_IndicatorReal):
                self.values[("lgbf", code, area, per)] = float(row.LA_IndicatorReal)
            if pd.notna(row.Scotland_Indicator_Real):
                scot.setdefault((code, per), set()).add(float(row.Scotland_Indicator_Real))
        for (code, per), seen in scot.items():
            if len(seen) == 1:
                self.national[("lgbf", code, per)] = next(iter(seen))
        fam = pd.read_csv(folder / "family_groups.csv", encoding="utf-8-sig")
        by_type: dict[tuple[str, str], list[str]] = {}
        member_of: dict[tuple[str, str], str] = {}
        for row in fam.itertuples(index=False):
            key = (row.Type, row.Family_Group)
            by_type.setdefault(key, []).append(lgbf_code(row.Local_Authority))
            member_of[(row.Type, lgbf_code(row.Local_Authority))] = row.Family_Group
        for code, gtype in grouping.items():
            for (typ, area), grp in member_of.items():
                if typ == gtype:
                    self.groups[("lgbf", area, code)] = list(by_type[(typ, grp)])

    def _load_sample(self, folder: Path) -> None:
        meta = pd.read_csv(folder / "indicator_meta.csv")
        for row in meta.itertuples(index=False):
            self.polarity[("sample", row.indicator_id)] = {
                "higher_is_better": "higher", "lower_is_better": "lower"}.get(row.polarity)
        df = pd.read_csv(folder / "indicators.csv")
        for row in df.itertuples(index=False):
            if pd.isna(row.value):
                continue
            self.values[("sample", row.indicator_id, row.area_code, row.period)] = float(row.value)
            self.names[("sample", row.area_code)] = row.area_name
            if pd.notna(row.target):
                self.targets[(row.indicator_id, row.area_code, row.period)] = float(row.target)
        nn = pd.read_csv(folder / "nearest_neighbours.csv")
        inds = sorted(df["indicator_id"].unique())
        for home, grp in nn.groupby("area_code"):
            for ind in inds:
                self.groups[("sample", home, ind)] = list(grp["member_code"])

    # ------------------------------------------------------------------ queries
    def value(self, ds: str, ind: str, area: str, period: str) -> float | None:
        return self.values.get((ds, ind, area, period))

    def periods(self, ds: str, ind: str, area: str) -> list[str]:
        return self.held.get((ds, ind, area), [])

    def fy_periods(self, ds: str, ind: str, area: str) -> list[str]:
        return [p for p in self.periods(ds, ind, area) if is_fy(p)]

    def latest(self, ds: str, ind: str, area: str) -> str | None:
        held = self.periods(ds, ind, area)
        return held[-1] if held else None

    def has_quarters(self, ds: str, ind: str, area: str) -> bool:
        return any("Q" in p for p in self.periods(ds, ind, area))

    def areas(self, ds: str) -> list[str]:
        return sorted({a for (d, a) in self.names if d == ds})

    def indicators(self, ds: str) -> list[str]:
        return sorted({i for (d, i) in self.polarity if d == ds})

    def group(self, ds: str, home: str, ind: str) -> list[str]:
        return self.groups.get((ds, home, ind), [])

    def scope_members(self, ds: str, scope: str, home: str, ind: str) -> list[str]:
        if scope in ("england", "scotland"):
            return self.areas(ds)
        return self.group(ds, home, ind)

    def scope_latest(self, ds: str, scope: str, home: str, ind: str) -> str | None:
        pers = [p for a in self.scope_members(ds, scope, home, ind) for p in self.periods(ds, ind, a)]
        return max(pers, key=period_key) if pers else None

    def ranked(self, ds: str, scope: str, home: str, ind: str, period: str) -> list[tuple[str, float]]:
        """Councils in scope holding the indicator in the period, best first."""
        pol = self.polarity[(ds, ind)]
        if pol is None:
            raise ValueError(f"{ind} has no direction")
        rows = [(a, self.value(ds, ind, a, period)) for a in self.scope_members(ds, scope, home, ind)]
        rows = [(a, v) for a, v in rows if v is not None]
        rows.sort(key=lambda r: (-r[1] if pol == "higher" else r[1], r[0]))
        return rows

    def category(self, ds: str, cat: str) -> list[str]:
        return sorted(c for c, k in self.lgbf_category.items() if k == cat and ds == "lgbf")
