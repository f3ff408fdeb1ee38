"""Load the raw public data (and the sample pack's data files) into one small, uniform shape.

Everything the evaluation set states as a figure is read from these frames with pandas. Nothing here is copied
into the project: the generator reads ``../shared/data`` each time it runs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

SAMPLE_HOME = "E07999001"

# Councils whose code changed inside the Oflog file (reorganisations), and two tiny ones with one-member
# neighbour groups. They are never used as a home council or as a named council, to keep the set unambiguous.
OFLOG_AVOID = {
    "E10000002",
    "E06000060",
    "E10000009",
    "E06000059",
    "E06000028",
    "E06000029",
    "E06000058",
    "E10000021",
    "E06000061",
    "E06000062",
    "E06000053",
    "E09000001",
}


def slug(name: str) -> str:
    """LGBF area code: "S-" + lowercase slug ("&" -> "and", runs of non-alphanumerics -> "-")."""
    text = name.strip().lower().replace("&", "and")
    return "S-" + re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def period_key(period: str) -> tuple[int, int, int]:
    """Sort key for "2019-20", "2016-19" (aggregate) and "2024-25 Q2"."""
    base, _, quarter = period.partition(" Q")
    start = int(base[:4])
    end2 = int(base[5:7])
    end = (start // 100) * 100 + end2
    if end < start:
        end += 100
    return start, end, int(quarter) if quarter else 0


def is_annual(period: str) -> bool:
    start, end, quarter = period_key(period)
    return quarter == 0 and end == start + 1


def is_quarter(period: str) -> bool:
    return period_key(period)[2] != 0


def fy(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def minus_years(period: str, years: int) -> str | None:
    """The financial year ``years`` before an annual period (None for quarters and aggregates)."""
    if not is_annual(period):
        return None
    return fy(period_key(period)[0] - years)


@dataclass
class Dataset:
    name: str  # oflog | lgbf | sample
    values: dict[tuple[str, str], dict[str, float]]  # (indicator, area) -> {period: value}
    area_names: dict[str, str]
    polarity: dict[str, str | None]  # "higher" | "lower" | None (never rank)
    titles: dict[str, str]
    national_code: str | None
    national: dict[tuple[str, str], float] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)  # home -> members (oflog, sample)
    family: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (grouping type, area) -> members
    ind_grouping: dict[str, str] = field(default_factory=dict)
    categories: dict[str, list[str]] = field(default_factory=dict)  # service -> indicators (dataset order)
    targets: dict[tuple[str, str, str], float] = field(default_factory=dict)
    indicators: list[str] = field(default_factory=list)

    # --- look-ups -------------------------------------------------------------------------------------------
    def series(self, ind: str, area: str) -> dict[str, float]:
        return self.values.get((ind, area), {})

    def held(self, ind: str, area: str, period: str) -> bool:
        return period in self.series(ind, area)

    def value(self, ind: str, area: str, period: str) -> float:
        return self.values[(ind, area)][period]

    def periods(self, ind: str, area: str) -> list[str]:
        return sorted(self.series(ind, area), key=period_key)

    def latest(self, ind: str, area: str) -> str | None:
        held = self.periods(ind, area)
        return held[-1] if held else None

    def ind_periods(self, ind: str) -> list[str]:
        seen = {p for (i, _a), s in self.values.items() if i == ind for p in s}
        return sorted(seen, key=period_key)

    def ind_latest(self, ind: str) -> str:
        return self.ind_periods(ind)[-1]

    def areas_with(self, ind: str, period: str) -> list[str]:
        return sorted(a for (i, a), s in self.values.items() if i == ind and period in s)

    def holds_indicator(self, ind: str, area: str) -> bool:
        return bool(self.series(ind, area))

    def neighbours(self, home: str, ind: str) -> list[str]:
        if self.name == "lgbf":
            return self.family.get((self.ind_grouping[ind], home), [])
        return self.groups.get(home, [])

    def figure(self, ind: str, area: str, period: str) -> dict:
        return {"indicator_id": ind, "area_code": area, "period": period, "value": float(self.value(ind, area, period))}

    def national_figure(self, ind: str, period: str) -> dict | None:
        if (ind, period) not in self.national:
            return None
        return {
            "indicator_id": ind,
            "area_code": self.national_code,
            "period": period,
            "value": float(self.national[(ind, period)]),
        }


def _pack(frame: pd.DataFrame) -> dict[tuple[str, str], dict[str, float]]:
    out: dict[tuple[str, str], dict[str, float]] = {}
    for (ind, area), grp in frame.groupby(["ind", "area"], sort=True):
        out[(ind, area)] = {str(p): float(v) for p, v in zip(grp["period"], grp["value"], strict=True)}
    return out


def load_oflog(shared: Path) -> Dataset:
    raw = pd.read_csv(shared / "data" / "oflog_asc" / "asc_data.csv", dtype=str)
    raw = raw.apply(lambda col: col.str.strip())
    raw["Value"] = pd.to_numeric(raw["Value"], errors="coerce")
    raw["MEDIAN"] = pd.to_numeric(raw["MEDIAN"], errors="coerce")
    raw["Code"] = raw["Code"].str.upper()
    frame = raw.dropna(subset=["Value"]).rename(
        columns={"Code": "ind", "Local authority code": "area", "Financial year": "period", "Value": "value"}
    )
    names = raw.drop_duplicates("Local authority code").set_index("Local authority code")["Local authority name"]
    polarity: dict[str, str | None] = {}
    titles: dict[str, str] = {}
    for code, grp in raw.groupby("Code"):
        orders = set(grp["rank_order"].dropna().str.lower())
        polarity[code] = "higher" if "desc" in orders else None
        titles[code] = grp["Measure"].iloc[0]
    polarity["ASC7"] = "lower"  # the README: workforce turnover, lower is better; ASC6 stays directionless
    medians = raw.dropna(subset=["MEDIAN"]).groupby(["Code", "Financial year"])["MEDIAN"]
    national = {k: float(v.iloc[0]) for k, v in medians if v.nunique() == 1}
    with open(shared / "data" / "oflog_asc" / "nearest_neighbours.json", encoding="utf-8") as fh:
        nn = json.load(fh)
    groups = {home: sorted(set(members)) for home, members in nn.items()}
    inds = sorted(polarity)
    return Dataset(
        "oflog",
        _pack(frame),
        dict(names.items()),
        polarity,
        titles,
        "england",
        national,
        groups,
        categories={"adult social care": inds},
        indicators=inds,
    )


def load_lgbf(shared: Path) -> Dataset:
    base = shared / "data" / "lgbf"
    raw = pd.read_csv(base / "lgbf_values_real.csv")
    raw = raw.dropna(subset=["LocalAuthority"])
    raw["area"] = raw["LocalAuthority"].map(slug)
    info = pd.read_csv(base / "indicator_information.csv")
    frame = raw.dropna(subset=["LA_IndicatorReal"]).rename(
        columns={"Code": "ind", "Year": "period", "LA_IndicatorReal": "value"}
    )
    names = dict(zip(raw["area"], raw["LocalAuthority"], strict=False))
    pol_map = {"Ascending": "lower", "Descending": "higher"}
    polarity = {r.Code: pol_map.get(r.Ranking_Type) for r in info.itertuples()}
    titles = dict(zip(info["Code"], info["Title"], strict=True))
    nat = raw.dropna(subset=["Scotland_Indicator_Real"]).groupby(["Code", "Year"])["Scotland_Indicator_Real"]
    national = {k: float(v.iloc[0]) for k, v in nat if v.nunique() == 1}
    fam = pd.read_csv(base / "family_groups.csv", encoding="utf-8-sig")
    family: dict[tuple[str, str], list[str]] = {}
    for (kind, _grp), members in fam.groupby(["Type", "Family_Group"]):
        codes = sorted(slug(m) for m in members["Local_Authority"])
        for code in codes:
            family[(kind, code)] = codes
    categories: dict[str, list[str]] = {}
    for r in info.itertuples():
        categories.setdefault(r.ISCategory, []).append(r.Code)
    return Dataset(
        "lgbf",
        _pack(frame),
        names,
        polarity,
        titles,
        "scotland",
        national,
        family=family,
        ind_grouping=dict(zip(info["Code"], info["FamilyGrouping"], strict=True)),
        categories=categories,
        indicators=list(info["Code"]),
    )


SAMPLE_SERVICES = {
    "waste": [
        "household_recycling_rate",
        "missed_bins_per_100k",
        "residual_waste_per_household",
        "waste_collection_cost_per_household",
    ],
    "planning": ["planning_major_in_time", "planning_minor_in_time"],
    "housing": [
        "homelessness_prevention_rate",
        "temporary_accommodation_per_1000",
        "relet_days",
        "dfg_within_26_weeks",
    ],
    "revenues": ["council_tax_collection", "business_rates_collection"],
    "complaints": ["complaints_in_time", "stage2_complaints_upheld"],
    "workforce": ["sickness_absence_days", "staff_turnover"],
}


def load_sample(main: Path) -> Dataset:
    base = main / "bot" / "sample_pack" / "data"
    raw = pd.read_csv(base / "indicators.csv", dtype={"period": str, "area_code": str})
    meta = pd.read_csv(base / "indicator_meta.csv")
    frame = raw.dropna(subset=["value"]).rename(columns={"indicator_id": "ind", "area_code": "area"})
    names = dict(zip(raw["area_code"], raw["area_name"], strict=False))
    pol_map = {"higher_is_better": "higher", "lower_is_better": "lower"}
    polarity = {r.indicator_id: pol_map.get(r.polarity) for r in meta.itertuples()}
    titles = dict(zip(meta["indicator_id"], meta["name"], strict=True))
    nn = pd.read_csv(base / "nearest_neighbours.csv", dtype=str)
    groups = {home: sorted(grp["member_code"]) for home, grp in nn.groupby("area_code")}
    tgt = raw.dropna(subset=["target", "value"])
    targets = {(r.indicator_id, r.area_code, r.period): float(r.target) for r in tgt.itertuples()}
    return Dataset(
        "sample",
        _pack(frame),
        names,
        polarity,
        titles,
        None,
        groups=groups,
        categories=SAMPLE_SERVICES,
        targets=targets,
        indicators=list(meta["indicator_id"]),
    )
