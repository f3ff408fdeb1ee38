"""The sample pack's indicator CSVs have the promised shape and the planted patterns hold under pandas."""

from __future__ import annotations

import pandas as pd
import pytest

from bot.sample_pack import GROUPS_CSV, INDICATORS_CSV, META_CSV
from bot.sample_pack.facts import HOME_CODE, PLANTED

ANNUAL = ["2018-19", "2019-20", "2020-21", "2021-22", "2022-23", "2023-24"]
TIDY = ["indicator_id", "indicator_name", "area_code", "area_name", "period", "value", "unit", "polarity",
        "target", "numerator", "denominator", "source", "note"]


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return pd.read_csv(INDICATORS_CSV, dtype={"area_code": str, "period": str})


@pytest.fixture(scope="module")
def annual(data: pd.DataFrame) -> pd.DataFrame:
    return data[data["period"].isin(ANNUAL)]


def home_series(data: pd.DataFrame, indicator_id: str) -> pd.Series:
    rows = data[(data["indicator_id"] == indicator_id) & (data["area_code"] == HOME_CODE)
                & data["period"].isin(ANNUAL)]
    return rows.set_index("period")["value"].reindex(ANNUAL)


def latest_group(annual: pd.DataFrame, indicator_id: str) -> pd.DataFrame:
    return annual[(annual["indicator_id"] == indicator_id) & (annual["period"] == ANNUAL[-1])]


def test_csv_has_tidy_columns_and_full_coverage(data: pd.DataFrame, annual: pd.DataFrame) -> None:
    assert list(data.columns) == TIDY
    assert data["indicator_id"].nunique() >= 15
    assert data["area_code"].nunique() >= 16
    assert set(annual["period"]) == set(ANNUAL)
    counts = annual.groupby("indicator_id").size()
    assert (counts == 16 * len(ANNUAL)).all(), "every indicator x 16 councils x 6 years"
    assert not data.duplicated(["indicator_id", "area_code", "period"]).any()
    assert data["value"].notna().all()
    assert set(data["polarity"]) <= {"higher_is_better", "lower_is_better", "closer_to_target"}
    home = data[data["area_code"] == HOME_CODE]
    assert home["target"].notna().all(), "targets on every home-council row"
    assert data.loc[data["area_code"] != HOME_CODE, "target"].isna().all()


def test_quarterly_periods_exist_only_for_the_home_council(data: pd.DataFrame) -> None:
    quarterly = data[~data["period"].isin(ANNUAL)]
    assert set(quarterly["period"]) == {"2024-25 Q1", "2024-25 Q2"}
    assert set(quarterly["area_code"]) == {HOME_CODE}
    assert quarterly.groupby("indicator_id").size().eq(2).all()
    assert quarterly["indicator_id"].nunique() >= 8


def test_neighbour_values_are_varied(annual: pd.DataFrame) -> None:
    spread = annual.groupby(["indicator_id", "period"])["value"].nunique()
    assert (spread >= 10).all(), spread[spread < 10]


def test_meta_and_groups_cover_every_indicator_and_council(data: pd.DataFrame) -> None:
    meta = pd.read_csv(META_CSV)
    assert list(meta.columns) == ["indicator_id", "name", "unit", "polarity", "description", "measure_type",
                                  "source", "aliases", "target_value", "target_period", "target_area_code"]
    assert set(meta["indicator_id"]) == set(data["indicator_id"])
    aliases = dict(zip(meta["indicator_id"], meta["aliases"].str.split("|"), strict=True))
    assert {"bin collections", "missed bins", "missed collections"} <= set(aliases["missed_bins_per_100k"])
    assert {"recycling", "recycling rate", "household waste recycled"} <= set(aliases["household_recycling_rate"])
    names = data.drop_duplicates("indicator_id").set_index("indicator_id")["indicator_name"]
    assert (meta.set_index("indicator_id")["name"] == names.reindex(meta["indicator_id"])).all()

    groups = pd.read_csv(GROUPS_CSV, dtype=str)
    assert list(groups.columns) == ["area_code", "group", "member_code"]
    home_group = set(groups.loc[groups["area_code"] == HOME_CODE, "member_code"])
    assert home_group == set(data["area_code"]) and len(home_group) == 16
    assert set(groups["area_code"]) == home_group


def test_recycling_worsens_every_year_into_the_bottom_quartile(data: pd.DataFrame, annual: pd.DataFrame) -> None:
    series = home_series(data, PLANTED["worsening"].indicator_id)
    assert series.is_monotonic_decreasing and series.diff().dropna().lt(0).all()
    latest = latest_group(annual, "household_recycling_rate")
    home = latest.loc[latest["area_code"] == HOME_CODE, "value"].item()
    assert home <= latest["value"].quantile(0.25)
    assert home < 50.0


def test_major_planning_dips_then_recovers_three_years(data: pd.DataFrame) -> None:
    series = home_series(data, PLANTED["recovering"].indicator_id)
    dip = series.idxmin()
    assert dip == "2020-21"
    after = series.loc["2020-21":]
    assert len(after) == 4 and after.diff().dropna().gt(0).all()


def test_council_tax_is_green_but_bottom_quartile(data: pd.DataFrame, annual: pd.DataFrame) -> None:
    indicator = PLANTED["green_but_bottom_quartile"].indicator_id
    latest = latest_group(annual, indicator)
    home = latest[latest["area_code"] == HOME_CODE].iloc[0]
    assert home["value"] >= home["target"]
    assert home["polarity"] == "higher_is_better"
    assert home["value"] <= latest["value"].quantile(0.25)
    neighbours = latest[latest["area_code"] != HOME_CODE]
    assert (neighbours["value"] > 97.0).sum() >= 12


def test_break_in_series_note_marks_the_change(data: pd.DataFrame) -> None:
    indicator = PLANTED["break_in_series"].indicator_id
    home = data[(data["indicator_id"] == indicator) & (data["area_code"] == HOME_CODE)]
    notes = home.dropna(subset=["note"])
    assert list(notes["period"]) == ["2021-22"]
    assert notes["note"].iloc[0].startswith("Break in series")
    series = home_series(data, indicator)
    assert series["2021-22"] - series["2020-21"] > 20


def test_waste_cost_is_lower_is_better_and_rising(data: pd.DataFrame) -> None:
    indicator = PLANTED["lower_is_better_cost"].indicator_id
    rows = data[data["indicator_id"] == indicator]
    assert set(rows["polarity"]) == {"lower_is_better"}
    assert set(rows["unit"]) == {"£"}
    assert home_series(data, indicator).diff().dropna().gt(0).all()


def test_sickness_absence_improves_three_years_running(data: pd.DataFrame) -> None:
    indicator = PLANTED["real_improvement"].indicator_id
    series = home_series(data, indicator)
    assert set(data.loc[data["indicator_id"] == indicator, "polarity"]) == {"lower_is_better"}
    assert series.loc["2020-21":].diff().dropna().lt(0).all()
    assert series.loc["2020-21"] == series.max()


def test_small_numbers_case_has_consistent_counts(data: pd.DataFrame) -> None:
    planted = PLANTED["small_numbers"]
    row = data[(data["indicator_id"] == planted.indicator_id) & (data["area_code"] == HOME_CODE)
               & (data["period"] == planted.periods[0])].iloc[0]
    assert (row["numerator"], row["denominator"]) == (7, 9)
    counted = data.dropna(subset=["numerator", "denominator"])
    assert len(counted) >= 8
    recomputed = (100 * counted["numerator"] / counted["denominator"]).round(1)
    assert (recomputed == counted["value"]).all()
