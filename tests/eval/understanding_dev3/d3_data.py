"""Loads the raw indicator files for the dev3 set and answers the lookups the generator needs.

Nothing here is copied into the project: the files are read from ``../shared/data`` and the sample pack each run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

OFLOG = "oflog"
LGBF = "lgbf"
SAMPLE = "sample"

# Oflog councils whose code changed, or that are too small to be a fair home or named council.
OFLOG_LEFT_OUT = {
    "E06000028",  # Bournemouth (old code)
    "E06000029",  # Poole (old code)
    "E06000058",  # BCP
    "E10000009",  # Dorset county (old code)
    "E06000059",  # Dorset unitary
    "E10000002",  # Buckinghamshire county (old code)
    "E06000060",  # Buckinghamshire unitary
    "E10000021",  # Northamptonshire
    "E06000061",  # North Northamptonshire
    "E06000062",  # West Northamptonshire
    "E06000053",  # Isles of Scilly
    "E09000001",  # City of London
}

HOME_SAMPLE = "E07999001"


def slug_code(name: str) -> str:
    """LGBF councils have no codes in the file: ``S-`` + a slug of the name (``&`` -> ``and``)."""
    text = name.lower().replace("&", " and ")
    return "S-" + re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def period_key(period: str) -> tuple[int, int, int]:
    """Sort key: end year, start year, quarter (annual rows have quarter 0)."""
    start = int(period[:4])
    end_two = int(period[5:7])
    end = (start // 100) * 100 + end_two
    if end < start:
        end += 100
    quarter = 0
    match = re.search(r"Q(\d)$", period)
    if match:
        quarter = int(match.group(1))
    return (end, start, quarter)


def is_annual(period: str) -> bool:
    """A plain financial year such as ``2019-20``."""
    if not re.fullmatch(r"\d{4}-\d{2}", period):
        return False
    return (int(period[:4]) + 1) % 100 == int(period[5:7])


def shift(period: str, years: int) -> str:
    """The financial year ``years`` after (or before, when negative) an annual period."""
    start = int(period[:4]) + years
    return f"{start}-{(start + 1) % 100:02d}"


class Data:
    """Values, periods held, polarity, national figures and comparator groups for the three datasets."""

    def __init__(self, shared: Path, pack: Path) -> None:
        self.values: dict[tuple[str, str, str, str], float] = {}
        self.names: dict[tuple[str, str], str] = {}
        self.polarity: dict[tuple[str, str], str | None] = {}
        self.national: dict[tuple[str, str, str], float] = {}
        self.title: dict[tuple[str, str], str] = {}
        self.category: dict[str, str] = {}
        self.grouping: dict[str, str] = {}
        self.aggregate: set[str] = set()
        self.targets: dict[tuple[str, str, str], float] = {}
        self._groups: dict[tuple[str, str], list[str]] = {}
        self._load_oflog(shared / "data" / "oflog_asc")
        self._load_lgbf(shared / "data" / "lgbf")
        self._load_sample(pack)
        self._held: dict[tuple[str, str, str], list[str]] = {}
        for ds, ind, area, period in self.values:
            self._held.setdefault((ds, ind, area), []).append(period)
        for key in self._held:
            self._held[key].sort(key=period_key)

    # ----------------------------------------------------------------- loading
    def _load_oflog(self, folder: Path) -> None:
        frame = pd.read_csv(folder / "asc_data.csv")
        frame["Code"] = frame["Code"].str.strip().str.upper()
        for row in frame.itertuples(index=False):
            code = row[7]
            area = row[1]
            year = row[0]
            self.names[(OFLOG, area)] = row[2]
            self.title.setdefault((OFLOG, code), row[6])
            if pd.notna(row[8]):
                self.values[(OFLOG, code, area, year)] = float(row[8])
            if pd.notna(row[9]):
                self.national[(OFLOG, code, year)] = float(row[9])
        for code in sorted(frame["Code"].unique()):
            orders = {str(o).lower() for o in frame.loc[frame["Code"] == code, "rank_order"].dropna()}
            if "desc" in orders:
                self.polarity[(OFLOG, code)] = "higher"
            elif code == "ASC7":
                self.polarity[(OFLOG, code)] = "lower"
            else:
                self.polarity[(OFLOG, code)] = None
        groups = json.loads((folder / "nearest_neighbours.json").read_text())
        for area, members in groups.items():
            self._groups[(OFLOG, area)] = list(members)

    def _load_lgbf(self, folder: Path) -> None:
        info = pd.read_csv(folder / "indicator_information.csv")
        for row in info.itertuples(index=False):
            code = row.Code
            self.title[(LGBF, code)] = row.Title
            self.category[code] = row.ISCategory
            self.grouping[code] = row.FamilyGrouping
            if "Aggregate" in str(row.ReportingPeriod):
                self.aggregate.add(code)
            if row.Ranking_Type == "Goldilocks" or pd.notna(row.Ranking_GoldilocksMidpoint):
                self.polarity[(LGBF, code)] = None
            elif row.Ranking_Type == "Ascending":
                self.polarity[(LGBF, code)] = "lower"
            else:
                self.polarity[(LGBF, code)] = "higher"
        frame = pd.read_csv(folder / "lgbf_values_real.csv").dropna(subset=["Code", "LocalAuthority", "Year"])
        scot: dict[tuple[str, str], set[float]] = {}
        for row in frame.itertuples(index=False):
            area = slug_code(row.LocalAuthority)
            self.names[(LGBF, area)] = row.LocalAuthority
            if pd.notna(row.LA_IndicatorReal):
                self.values[(LGBF, row.Code, area, row.Year)] = float(row.LA_IndicatorReal)
            if pd.notna(row.Scotland_Indicator_Real):
                scot.setdefault((row.Code, row.Year), set()).add(float(row.Scotland_Indicator_Real))
        for (code, year), found in scot.items():
            if len(found) == 1:  # indicator-years where the all-Scotland column varies are not used
                self.national[(LGBF, code, year)] = next(iter(found))
        families = pd.read_csv(folder / "family_groups.csv")
        for kind, part in families.groupby("Type"):
            for _, members in part.groupby("Family_Group"):
                codes = sorted(slug_code(n) for n in members["Local_Authority"])
                for code in codes:
                    self._groups[(LGBF, f"{code}|{kind}")] = codes

    def _load_sample(self, pack: Path) -> None:
        frame = pd.read_csv(pack / "indicators.csv")
        for row in frame.itertuples(index=False):
            self.names[(SAMPLE, row.area_code)] = row.area_name
            self.title[(SAMPLE, row.indicator_id)] = row.indicator_name
            self.values[(SAMPLE, row.indicator_id, row.area_code, row.period)] = float(row.value)
            if pd.notna(row.target):
                self.targets[(row.indicator_id, row.area_code, row.period)] = float(row.target)
            pol = {"higher_is_better": "higher", "lower_is_better": "lower"}.get(row.polarity)
            self.polarity[(SAMPLE, row.indicator_id)] = pol
        groups = pd.read_csv(pack / "nearest_neighbours.csv")
        for area, part in groups.groupby("area_code"):
            self._groups[(SAMPLE, area)] = list(part["member_code"])

    # ----------------------------------------------------------------- lookups
    def value(self, ds: str, ind: str, area: str, period: str) -> float | None:
        return self.values.get((ds, ind, area, period))

    def held(self, ds: str, ind: str, area: str) -> list[str]:
        return list(self._held.get((ds, ind, area), []))

    def holds(self, ds: str, ind: str, area: str, period: str) -> bool:
        return (ds, ind, area, period) in self.values

    def latest(self, ds: str, ind: str, area: str, annual_only: bool = False) -> str | None:
        periods = self.held(ds, ind, area)
        if annual_only and periods and not is_annual(periods[-1]):
            return None
        return periods[-1] if periods else None

    def areas(self, ds: str) -> list[str]:
        found = sorted({a for (d, a) in self.names if d == ds})
        if ds == OFLOG:
            found = [a for a in found if a not in OFLOG_LEFT_OUT]
        return found

    def indicators(self, ds: str) -> list[str]:
        return sorted({i for (d, i) in self.title if d == ds})

    def name(self, ds: str, area: str) -> str:
        return self.names[(ds, area)]

    def pol(self, ds: str, ind: str) -> str | None:
        return self.polarity.get((ds, ind))

    def group(self, ds: str, home: str, ind: str) -> list[str]:
        """The home council's comparator group for an indicator (the council itself included)."""
        if ds == LGBF:
            return list(self._groups.get((LGBF, f"{home}|{self.grouping[ind]}"), []))
        return list(self._groups.get((ds, home), []))

    def scope_members(self, ds: str, scope: str, home: str, ind: str) -> list[str]:
        if scope == "neighbours":
            return self.group(ds, home, ind)
        return sorted({a for (d, i, a, _p) in self.values if d == ds and i == ind})

    def scope_latest(self, ds: str, scope: str, home: str, ind: str) -> str | None:
        members = self.scope_members(ds, scope, home, ind)
        found: set[str] = set()
        for area in members:
            found.update(self.held(ds, ind, area))
        return max(found, key=period_key) if found else None

    def ranking(self, ds: str, scope: str, home: str, ind: str, period: str) -> list[tuple[str, float]]:
        """Councils in scope holding ``period``, best first for the indicator's polarity."""
        pol = self.pol(ds, ind)
        if pol is None:
            raise ValueError(f"{ind} has no direction and is never ranked")
        rows = []
        for area in self.scope_members(ds, scope, home, ind):
            val = self.value(ds, ind, area, period)
            if val is not None:
                rows.append((area, val))
        rows.sort(key=lambda r: (-r[1] if pol == "higher" else r[1], r[0]))
        return rows

    def family_of(self, ds: str, home: str) -> str:
        return {OFLOG: "england", LGBF: "scotland"}.get(ds, "")
