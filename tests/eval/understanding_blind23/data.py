"""Data access for the set-23 generator: reads the raw files with pandas, nothing typed by hand except wording."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

SHARED = Path("/work/shared/data")
SAMPLE = Path("/work/main/bot/sample_pack/data")

OFLOG_EXCLUDED = {
    "E10000002", "E06000060", "E10000009", "E06000059", "E10000021",
    "E06000028", "E06000029", "E06000058", "E06000053", "E09000001",
}
SAMPLE_HOME = "E07999001"


def fy_start(period: str) -> int:
    return int(period[:4])


def fy(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def period_pos(period: str) -> float:
    """Position on a time line: a financial year is centred on year + 0.5, a quarter inside its year."""
    y = fy_start(period)
    m = re.search(r"Q([1-4])$", period)
    if m:
        return y + (int(m.group(1)) - 0.5) / 4
    return y + 0.5


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return "S-" + s


class Source:
    """One dataset as a tidy frame: ind, area, period, value (non-null values only)."""

    def __init__(self, name: str, frame: pd.DataFrame, names: dict[str, str]):
        self.name = name
        self.df = frame.sort_values(["ind", "area", "period"]).reset_index(drop=True)
        self.names = names
        self._series = {
            (i, a): dict(zip(g["period"], g["value"], strict=False))
            for (i, a), g in self.df.groupby(["ind", "area"], sort=True)
        }

    def series(self, ind: str, area: str) -> dict[str, float]:
        return self._series.get((ind, area), {})

    def annual(self, ind: str, area: str) -> dict[str, float]:
        return {p: v for p, v in self.series(ind, area).items() if "Q" not in p}

    def held(self, ind: str, area: str) -> bool:
        return bool(self.series(ind, area))

    def latest_annual(self, ind: str, area: str) -> str | None:
        s = self.annual(ind, area)
        return max(s) if s else None

    def value(self, ind: str, area: str, period: str) -> float | None:
        return self.series(ind, area).get(period)

    def closest_annual(self, ind: str, area: str, period: str) -> str | None:
        """The single closest held annual period, or None when two are equally close."""
        s = self.annual(ind, area)
        if not s:
            return None
        target = period_pos(period)
        dists = sorted((abs(period_pos(p) - target), p) for p in s)
        if len(dists) > 1 and abs(dists[0][0] - dists[1][0]) < 1e-9:
            return None
        return dists[0][1]

    def group_period(self, ind: str, members: list[str]) -> str | None:
        """Latest period where at least half the group holds a value."""
        counts: dict[str, int] = {}
        for a in members:
            for p in self.series(ind, a):
                counts[p] = counts.get(p, 0) + 1
        ok = [p for p, c in counts.items() if c * 2 >= len(members)]
        return max(ok, key=period_pos) if ok else None


def load_oflog() -> tuple[Source, dict[str, list[str]], dict[str, str]]:
    raw = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
    raw = raw.rename(columns={"Financial year": "period", "Local authority code": "area", "Code": "ind",
                              "Value": "value", "Local authority name": "aname", "Entity_Name": "etype"})
    names = dict(zip(raw["area"], raw["aname"], strict=False))
    etype = dict(zip(raw["area"], raw["etype"], strict=False))
    df = raw[raw["value"].notna()][["ind", "area", "period", "value"]].copy()
    df["value"] = df["value"].astype(float)
    nn = json.loads((SHARED / "oflog_asc" / "nearest_neighbours.json").read_text())
    return Source("oflog", df, names), nn, etype


def oflog_homes(src: Source, nn: dict[str, list[str]]) -> tuple[list[str], list[str], list[str]]:
    """(homes, nameable councils, every area code in the file)."""
    all_codes = sorted(set(src.names))
    tainted = {c for c, lst in nn.items() if set(lst) & OFLOG_EXCLUDED}
    nameable = [c for c in all_codes if c not in OFLOG_EXCLUDED and c not in tainted]
    homes = [c for c in nameable if c in nn]
    return homes, nameable, all_codes


def load_lgbf() -> tuple[Source, pd.DataFrame, dict[tuple[str, str], list[str]]]:
    raw = pd.read_csv(SHARED / "lgbf" / "lgbf_values_real.csv")
    raw = raw[raw["Code"].notna() & raw["LocalAuthority"].notna() & raw["Year"].notna()]
    parts = raw["Year"].str.split("-", expand=True)
    single = (parts[0].str[2:].astype(int) + 1) % 100 == parts[1].astype(int)
    raw = raw[single & raw["LA_IndicatorReal"].notna()].copy()
    raw["area"] = raw["LocalAuthority"].map(slug)
    names = dict(zip(raw["area"], raw["LocalAuthority"], strict=False))
    df = raw.rename(columns={"Code": "ind", "Year": "period", "LA_IndicatorReal": "value"})[
        ["ind", "area", "period", "value"]]
    info = pd.read_csv(SHARED / "lgbf" / "indicator_information.csv", encoding="utf-8-sig")
    fam = pd.read_csv(SHARED / "lgbf" / "family_groups.csv", encoding="utf-8-sig")
    groups: dict[tuple[str, str], list[str]] = {}
    for (typ, _grp), g in fam.groupby(["Type", "Family_Group"]):
        members = sorted(slug(x) for x in g["Local_Authority"])
        for m in members:
            groups[(typ, m)] = members
    return Source("lgbf", df, names), info, groups


def load_sample() -> tuple[Source, pd.DataFrame, list[str], pd.DataFrame]:
    raw = pd.read_csv(SAMPLE / "indicators.csv")
    names = dict(zip(raw["area_code"], raw["area_name"], strict=False))
    df = raw.rename(columns={"indicator_id": "ind", "area_code": "area"})[["ind", "area", "period", "value"]]
    df = df[df["value"].notna()]
    meta = pd.read_csv(SAMPLE / "indicator_meta.csv")
    nn = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
    members = sorted(nn[nn["area_code"] == SAMPLE_HOME]["member_code"])
    targets = raw[raw["target"].notna()][["indicator_id", "area_code", "period", "target"]]
    return Source("sample", df, names), meta, members, targets
