"""The raw source tables read again for the eval (the sample pack's tidy CSV, the LGBF and Oflog downloads),
without the importers: one `RawData` per dataset."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bot.evaluation.periods import order_of, period_dates, spans_context

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Groups", "RawData", "load_lgbf", "load_oflog", "load_tidy"]

Groups = Callable[[str, str], list[str] | None]


@dataclass
class RawData:
    """One dataset read straight from its source files: tidy columns, polarity, ideal points, groups."""

    name: str
    # indicator_id, area_code, area_name, period, value, target, denominator (LGBF also: scotland, family_average,
    # the published Scotland value and family-group average of the row)
    values: pd.DataFrame
    polarity: dict[str, str | None]
    midpoint: dict[str, float] = field(default_factory=dict)
    # indicator -> (value, period, the council whose target it is or "" for every council)
    dated_target: dict[str, tuple[float, str, str]] = field(default_factory=dict)
    groups: Groups = lambda indicator_id, area_code: None  # noqa: E731 - a default "no groups" function
    by_name: bool = False  # councils are keyed by name in the raw file (LGBF carries no codes)
    _by_indicator: dict[str, pd.DataFrame] = field(default_factory=dict)

    def rows(self, indicator_id: str) -> pd.DataFrame:
        """All rows of one indicator with a value, with added time-order, frequency, start and end columns."""
        if not self._by_indicator:
            for key, sub in self.values.groupby("indicator_id", sort=False):
                sub = sub.dropna(subset=["value"]).copy()
                spans = spans_context(list(sub["period"].unique()))
                read = {p: period_dates(p, spans) for p in sub["period"].unique()}
                sub["order"] = sub["period"].map(lambda p, r=read: order_of(*r[p][:2]))
                sub["freq"] = sub["period"].map(lambda p, r=read: r[p][2])
                sub["start"] = sub["period"].map(lambda p, r=read: r[p][0])
                sub["end"] = sub["period"].map(lambda p, r=read: r[p][1])
                self._by_indicator[str(key)] = sub
        empty = self.values.iloc[0:0].assign(order=None, freq=None, start=None, end=None)
        return self._by_indicator.get(indicator_id, empty)


def _numbers(series: pd.Series) -> pd.Series:
    import pandas as pd

    cleaned = series.astype(str).str.replace(r"[,\s£%]", "", regex=True)
    return pd.to_numeric(cleaned.where(cleaned != "", None), errors="coerce").astype("float64")


def load_tidy(name: str, values_csv: Path, meta_csv: Path | None = None, groups_csv: Path | None = None) -> RawData:
    """A tidy CSV (the sample pack's format) with its metadata and comparator-group files."""
    import pandas as pd

    df = pd.read_csv(values_csv, dtype=str, keep_default_na=False)
    out = pd.DataFrame({
        "indicator_id": df["indicator_id"].str.strip(), "area_code": df["area_code"].str.strip(),
        "area_name": df.get("area_name", df["area_code"]), "period": df["period"].str.strip(),
        "value": _numbers(df["value"]),
        "target": _numbers(df["target"]) if "target" in df else float("nan"),
        "denominator": _numbers(df["denominator"]) if "denominator" in df else float("nan"),
    })
    polarity: dict[str, str | None] = {}
    if "polarity" in df:
        for ind, sub in df.groupby("indicator_id"):
            marks = {m for m in sub["polarity"].str.strip() if m}
            polarity[str(ind)] = marks.pop() if len(marks) == 1 else None
    dated: dict[str, tuple[float, str, str]] = {}
    if meta_csv is not None:
        meta = pd.read_csv(meta_csv, dtype=str, keep_default_na=False)
        for row in meta.itertuples(index=False):
            if getattr(row, "polarity", ""):
                polarity[row.indicator_id] = row.polarity
            if getattr(row, "target_value", "") and getattr(row, "target_period", ""):
                dated[row.indicator_id] = (float(row.target_value), str(row.target_period).strip(),
                                           str(getattr(row, "target_area_code", "")).strip())
    members: dict[str, list[str]] = {}
    if groups_csv is not None:
        g = pd.read_csv(groups_csv, dtype=str, keep_default_na=False)
        for area, sub in g.groupby("area_code"):
            members[str(area)] = list(sub["member_code"])
    return RawData(name=name, values=out, polarity=polarity, groups=lambda ind, area: members.get(area),
                   dated_target=dated)


_LGBF_POLARITY = {"Ascending": "lower_is_better", "Descending": "higher_is_better", "Goldilocks": "closer_to_target"}
# LGBF publishes percentages as fractions (0.4455); answers state per cent. An indicator whose values are all
# within +/-5 is a fraction; larger values are already points (the importer's documented rule).
_FRACTION_LIMIT = 5.0


def load_lgbf(name: str, folder: Path) -> RawData:
    """The LGBF download (values, indicator information, family groups); councils are keyed by name."""
    import pandas as pd

    v = pd.read_csv(folder / "lgbf_values_real.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    info = pd.read_csv(folder / "indicator_information.csv", dtype=str, keep_default_na=False,
                       encoding="utf-8-sig")
    fam = pd.read_csv(folder / "family_groups.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    v = v[(v["Code"] != "") & (v["LocalAuthority"] != "") & (v["Year"] != "") & v["Code"].isin(info["Code"])]
    values = pd.DataFrame({"indicator_id": v["Code"], "area_code": v["LocalAuthority"],
                           "area_name": v["LocalAuthority"], "period": v["Year"],
                           "value": _numbers(v["LA_IndicatorReal"]), "target": float("nan"),
                           "denominator": _numbers(v["LA_Den_Real"]),
                           "scotland": _numbers(v["Scotland_Indicator_Real"]),
                           "family_average": _numbers(v["FG_Avg_Indicator_Real"])})
    values = values.dropna(subset=["value"]).drop_duplicates(["indicator_id", "area_code", "period"])
    polarity: dict[str, str | None] = {}
    midpoint: dict[str, float] = {}
    grouping: dict[str, str] = {}
    for row in info.itertuples(index=False):
        polarity[row.Code] = _LGBF_POLARITY.get(row.Ranking_Type)
        grouping[row.Code] = row.FamilyGrouping
        scale = 1.0
        if row.MeasureType.strip().lower() == "percentage":
            rows = values["indicator_id"] == row.Code
            if rows.any() and values.loc[rows, "value"].abs().max() <= _FRACTION_LIMIT:
                for column in ("value", "scotland", "family_average"):
                    values.loc[rows, column] = values.loc[rows, column] * 100.0
                scale = 100.0
        if polarity[row.Code] == "closer_to_target" and row.Ranking_GoldilocksMidpoint.strip():
            midpoint[row.Code] = float(row.Ranking_GoldilocksMidpoint) * scale
    families: dict[tuple[str, str], list[str]] = {}
    for (kind, _group), sub in fam.groupby(["Type", "Family_Group"]):
        for council in sub["Local_Authority"]:
            families[(str(kind), council)] = list(sub["Local_Authority"])

    def groups(indicator_id: str, area: str) -> list[str] | None:
        return families.get((grouping.get(indicator_id, ""), area))

    return RawData(name=name, values=values, polarity=polarity, midpoint=midpoint, groups=groups, by_name=True)


def load_oflog(name: str, folder: Path) -> RawData:
    """The Oflog adult social care download and its CIPFA nearest-neighbour groups."""
    import json

    import pandas as pd

    a = pd.read_csv(folder / "asc_data.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    values = pd.DataFrame({"indicator_id": a["Code"].str.strip(), "area_code": a["Local authority code"].str.strip(),
                           "area_name": a["Local authority name"], "period": a["Financial year"].str.strip(),
                           "value": _numbers(a["Value"]), "target": float("nan"), "denominator": float("nan")})
    values = values.dropna(subset=["value"]).drop_duplicates(["indicator_id", "area_code", "period"])
    polarity: dict[str, str | None] = {}
    for code, sub in a.groupby("Code"):
        marks = {m.strip().lower() for m in sub["rank_order"]} - {"", "none"}
        polarity[str(code)] = "higher_is_better" if marks == {"desc"} else None
    # The data's README: workforce turnover (ASC7) carries no rank_order, but lower is better.
    polarity.setdefault("ASC7", None)
    if polarity["ASC7"] is None:
        polarity["ASC7"] = "lower_is_better"
    neighbours = json.loads((folder / "nearest_neighbours.json").read_text(encoding="utf-8"))
    return RawData(name=name, values=values, polarity=polarity,
                   groups=lambda ind, area: neighbours.get(area))
