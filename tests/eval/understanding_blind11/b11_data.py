"""Data access for blind set 11: loads the three raw data homes with pandas and answers the questions the
generator needs (series, latest held period, closest held period, comparator groups, rankings).

Everything here is computed from the raw files; nothing is typed in.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared" / "data"
OFLOG_DIR = SHARED / "oflog_asc"
LGBF_DIR = SHARED / "lgbf"
SAMPLE_DIR = ROOT / "bot" / "sample_pack" / "data"

SAMPLE_HOME = "E07999001"

# Councils the brief excludes from the Oflog data as homes or named councils (and from England-wide lists).
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


def fy(start: int) -> str:
    """Financial year label from its starting calendar year: 2019 -> '2019-20'."""
    return f"{start}-{(start + 1) % 100:02d}"


def fy_start(period: str) -> int:
    return int(period[:4])


def is_single_year(label: str) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{2})", str(label))
    return bool(m) and (int(m.group(1)) + 1) % 100 == int(m.group(2))


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return "S-" + s


# The brief's own example code for the Western Isles (the LGBF file spells the council "Eilean Siar").
LGBF_CODE_OVERRIDES = {"Eilean Siar": "S-na-h-eileanan-siar"}


def lgbf_code(name: str) -> str:
    return LGBF_CODE_OVERRIDES.get(name, slug(name))


class Data:
    def __init__(self) -> None:
        self._load_oflog()
        self._load_lgbf()
        self._load_sample()

    # ------------------------------------------------------------------ loading
    def _load_oflog(self) -> None:
        raw = pd.read_csv(OFLOG_DIR / "asc_data.csv")
        raw["Code"] = raw["Code"].astype(str).str.strip().str.upper()
        raw["Value"] = pd.to_numeric(raw["Value"], errors="coerce")
        self.oflog_raw = raw
        names = raw.drop_duplicates("Local authority code").set_index("Local authority code")["Local authority name"]
        self.oflog_names = names.to_dict()
        with open(OFLOG_DIR / "nearest_neighbours.json") as fh:
            self.oflog_nn = json.load(fh)
        excluded = {c for c, n in self.oflog_names.items() if n in OFLOG_EXCLUDED_NAMES}
        self.oflog_excluded = excluded
        self.oflog_all = sorted(self.oflog_names)
        self.oflog_homes = sorted(
            c
            for c in self.oflog_names
            if c in self.oflog_nn and c not in excluded and not (set(self.oflog_nn[c]) & excluded)
        )
        held = raw[raw["Value"].notna()]
        self.oflog = held.rename(
            columns={"Code": "ind", "Local authority code": "area", "Financial year": "period", "Value": "value"}
        )[["ind", "area", "period", "value"]].reset_index(drop=True)

    def _load_lgbf(self) -> None:
        info = pd.read_csv(LGBF_DIR / "indicator_information.csv", encoding="utf-8-sig")
        self.lgbf_info = info.set_index("Code")
        raw = pd.read_csv(LGBF_DIR / "lgbf_values_real.csv", encoding="utf-8-sig")
        raw = raw[raw["LocalAuthority"].notna()]
        raw = raw[raw["Year"].map(is_single_year)]
        raw = raw[raw["LA_IndicatorReal"].notna()]
        raw = raw.assign(area=raw["LocalAuthority"].map(lgbf_code))
        self.lgbf_name_of = dict(zip(raw["area"], raw["LocalAuthority"], strict=False))
        self.lgbf = raw.rename(columns={"Code": "ind", "Year": "period", "LA_IndicatorReal": "value"})[
            ["ind", "area", "period", "value"]
        ].reset_index(drop=True)
        self.lgbf_all = sorted(self.lgbf["area"].unique())
        fam = pd.read_csv(LGBF_DIR / "family_groups.csv", encoding="utf-8-sig")
        fam = fam.assign(area=fam["Local_Authority"].map(lgbf_code))
        self.lgbf_family = fam

    def _load_sample(self) -> None:
        d = pd.read_csv(SAMPLE_DIR / "indicators.csv")
        self.sample_raw = d
        self.sample = d.rename(columns={"indicator_id": "ind", "area_code": "area"})[
            ["ind", "area", "period", "value"]
        ].dropna(subset=["value"])
        self.sample_meta = pd.read_csv(SAMPLE_DIR / "indicator_meta.csv").set_index("indicator_id")
        nn = pd.read_csv(SAMPLE_DIR / "nearest_neighbours.csv")
        self.sample_nn = nn[nn["area_code"] == SAMPLE_HOME]["member_code"].tolist()
        self.sample_names = d.drop_duplicates("area_code").set_index("area_code")["area_name"].to_dict()

    # ------------------------------------------------------------------ basics
    def frame(self, ds: str) -> pd.DataFrame:
        return {"oflog": self.oflog, "lgbf": self.lgbf, "sample": self.sample}[ds]

    def series(self, ds: str, ind: str, area: str, annual_only: bool = True) -> dict[str, float]:
        f = self.frame(ds)
        s = f[(f["ind"] == ind) & (f["area"] == area)]
        out = {p: float(v) for p, v in zip(s["period"], s["value"], strict=False)}
        if annual_only:
            out = {p: v for p, v in out.items() if is_single_year(p)}
        return dict(sorted(out.items()))

    def quarters(self, ds: str, ind: str, area: str) -> dict[str, float]:
        f = self.frame(ds)
        s = f[(f["ind"] == ind) & (f["area"] == area) & f["period"].str.contains("Q")]
        return dict(sorted(zip(s["period"], s["value"].astype(float), strict=False)))

    def value(self, ds: str, ind: str, area: str, period: str) -> float | None:
        f = self.frame(ds)
        s = f[(f["ind"] == ind) & (f["area"] == area) & (f["period"] == period)]
        return None if s.empty else float(s["value"].iloc[0])

    def latest(self, ds: str, ind: str, area: str) -> str | None:
        s = self.series(ds, ind, area)
        return max(s) if s else None

    def holds(self, ds: str, ind: str, area: str) -> bool:
        return bool(self.series(ds, ind, area, annual_only=False))

    def closest_held(self, ds: str, ind: str, area: str, asked: str) -> str | None:
        """The single closest held annual period to an asked year or quarter; None on a tie or nothing held."""
        s = self.series(ds, ind, area)
        if not s:
            return None
        y = fy_start(asked)
        dist = sorted((abs(fy_start(p) - y), p) for p in s)
        if len(dist) > 1 and dist[0][0] == dist[1][0]:
            return None
        return dist[0][1]

    # ------------------------------------------------------------------ polarity
    def polarity(self, ds: str, ind: str) -> str | None:
        """'higher' / 'lower' when a direction is stated, else None (never ranked)."""
        if ds == "oflog":
            if ind in ("ASC1", "ASC2", "ASC3", "ASC4", "ASC5"):
                return "higher"
            if ind == "ASC7":
                return "lower"
            return None
        if ds == "lgbf":
            rt = self.lgbf_info.loc[ind, "Ranking_Type"]
            return {"Ascending": "lower", "Descending": "higher"}.get(rt)
        pol = self.sample_meta.loc[ind, "polarity"]
        return {"higher_is_better": "higher", "lower_is_better": "lower"}.get(pol)

    # ------------------------------------------------------------------ groups
    def neighbours(self, ds: str, ind: str, home: str) -> list[str]:
        if ds == "oflog":
            return list(self.oflog_nn[home])
        if ds == "sample":
            return list(self.sample_nn)
        scheme = self.lgbf_info.loc[ind, "FamilyGrouping"]
        fam = self.lgbf_family[self.lgbf_family["Type"] == scheme]
        grp = fam[fam["area"] == home]["Family_Group"].iloc[0]
        return fam[fam["Family_Group"] == grp]["area"].tolist()

    def national(self, ds: str) -> list[str]:
        return self.oflog_all if ds == "oflog" else self.lgbf_all

    def group_members(self, ds: str, ind: str, home: str, group: str) -> list[str]:
        return self.neighbours(ds, ind, home) if group == "neighbours" else self.national(ds)

    def ranking_period(self, ds: str, ind: str, members: list[str]) -> str | None:
        """Latest annual period where at least half the group holds a value."""
        f = self.frame(ds)
        s = f[(f["ind"] == ind) & f["area"].isin(members) & f["period"].map(is_single_year)]
        counts = s.groupby("period")["area"].nunique()
        ok = counts[counts * 2 >= len(members)]
        return None if ok.empty else max(ok.index)

    def ranked(self, ds: str, ind: str, members: list[str], period: str) -> list[tuple[str, float]]:
        """Members holding a value in period, best first (polarity-aware)."""
        f = self.frame(ds)
        s = f[(f["ind"] == ind) & f["area"].isin(members) & (f["period"] == period)]
        pairs = [(a, float(v)) for a, v in zip(s["area"], s["value"], strict=False)]
        rev = self.polarity(ds, ind) == "higher"
        return sorted(pairs, key=lambda t: (-t[1] if rev else t[1], t[0]))

    def rank_list(
        self, ds: str, ind: str, members: list[str], period: str | None, n: int, order: str
    ) -> tuple[str, list[tuple[str, float]], bool] | None:
        """(period, listed councils with values, figures_ok) or None when the list cannot be formed.

        figures_ok is False when a tie at the cut-off makes membership uncertain.
        """
        per = period or self.ranking_period(ds, ind, members)
        if per is None:
            return None
        r = self.ranked(ds, ind, members, per)
        if len(r) <= n:
            return None
        if order == "worst":
            r = list(reversed(r))
        listed = r[:n]
        ok = r[n - 1][1] != r[n][1]
        return per, listed, ok
