"""Issue 16 on the real data: what a performance analyst sent back, tried as a new user would, now answered as they
would sign it. Each expected number is computed here with pandas straight from the raw files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from indicators.analysis import analyse
from indicators.formatting import format_value
from indicators.store import IndicatorStore
from tests.indicator_checks import published_average_is_the_groups, unmatched_numbers

pytestmark = pytest.mark.shared

LANCASHIRE, BRIGHTON, DORSET = "E10000017", "E06000043", "E06000059"


@pytest.fixture(scope="module")
def store(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> IndicatorStore:
    s = IndicatorStore(tmp_path_factory.mktemp("issue16") / "home")
    s.import_file(shared_dir / "data" / "lgbf", fmt="lgbf")
    s.import_file(shared_dir / "data" / "oflog_asc", fmt="oflog")
    return s


@pytest.fixture(scope="module")
def asc(shared_dir: Path) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    folder = shared_dir / "data" / "oflog_asc"
    data = pd.read_csv(folder / "asc_data.csv").dropna(subset=["Value"])
    return data, json.loads((folder / "nearest_neighbours.json").read_text())


def _text(a) -> str:  # noqa: ANN001
    return " ".join(a.sentences)


# -- "Scottish answers say 'In Oflog's terms…' and call the median of the councils 'national'" ----------------------
def test_lgbf_states_the_published_scotland_value_not_oflog_terms(store: IndicatorStore, shared_dir: Path) -> None:
    a = analyse(store, "SW01", "S-fife")
    text = _text(a)
    assert "Oflog" not in text and "national" not in text.lower()
    # The issue's example: the published Scotland value for SW01 is £31.85 (the councils' median is £33.46).
    assert "The published Scotland figure for 2022-23 is £31.85." in text
    raw = pd.read_csv(shared_dir / "data" / "lgbf" / "lgbf_values_real.csv")
    row = raw[(raw["Code"] == "SW01") & (raw["Year"] == "2022-23") & (raw["LocalAuthority"] == "Fife")].iloc[0]
    figures = {f.label: f.value for f in a.figures}
    assert figures["Scotland value (published)"] == pytest.approx(row["Scotland_Indicator_Real"])
    assert figures["family group average (published)"] == pytest.approx(row["FG_Avg_Indicator_Real"])
    assert f"The published average of LGBF Family Group 3 (people services, grouped by deprivation) is " \
           f"{format_value(row['FG_Avg_Indicator_Real'], '£')}." in text
    assert "Fife's family group, LGBF Family Group 3" in text
    assert a.comparators is not None and a.comparators.mads_band == "" and a.comparators.terms == "lgbf"
    assert unmatched_numbers(a) == []


# 20 (council, indicator) cases: the comparator named and its value equal to the published column or pandas.
LGBF_CASES = [("Fife", "SW01"), ("Highland", "ENV07a"), ("Glasgow City", "CORP06a"), ("Aberdeen City", "CHN01"),
              ("Dundee City", "SW04b"), ("Orkney Islands", "C&L02"), ("West Lothian", "CHN14a"),
              ("Perth & Kinross", "CORP11"), ("Shetland Islands", "ENV04b"), ("Edinburgh City", "ECON12a")]
OFLOG_CASES = [(LANCASHIRE, "ASC5"), (BRIGHTON, "ASC5"), (DORSET, "ASC7"), ("E06000005", "ASC1"),
               ("E06000005", "ASC2"), ("E09000010", "ASC3"), ("E10000007", "ASC7"), ("E08000025", "ASC3"),
               ("E06000001", "ASC4"), (LANCASHIRE, "ASC6")]


def _slug(name: str) -> str:
    return "S-" + "-".join("".join(ch if ch.isalnum() else " " for ch in name.lower().replace("&", " and ")).split())


@pytest.mark.parametrize(("council", "code"), LGBF_CASES)
def test_lgbf_comparators_are_the_published_columns(store: IndicatorStore, shared_dir: Path, council: str,
                                                    code: str) -> None:
    folder = shared_dir / "data" / "lgbf"
    raw = pd.read_csv(folder / "lgbf_values_real.csv").dropna(subset=["Code", "LocalAuthority", "Year"])
    info = pd.read_csv(folder / "indicator_information.csv", encoding="utf-8-sig").set_index("Code").loc[code]
    rows = raw[(raw["Code"] == code)].dropna(subset=["LA_IndicatorReal"])
    scale = 100.0 if info["MeasureType"] == "Percentage" and rows["LA_IndicatorReal"].abs().max() <= 5 else 1.0
    a = analyse(store, code, _slug(council))
    c = a.comparators
    assert c is not None
    row = rows[(rows["LocalAuthority"] == council) & (rows["Year"] == c.period)].iloc[0]
    scotland, family = row["Scotland_Indicator_Real"] * scale, row["FG_Avg_Indicator_Real"] * scale
    figures = {f.label: f for f in a.figures}
    assert figures["Scotland value (published)"].value == pytest.approx(scotland, rel=1e-12)
    families = pd.read_csv(folder / "family_groups.csv", encoding="utf-8-sig")
    own_group = families[(families["Type"] == info["FamilyGrouping"]) & (families["Local_Authority"] == council)]
    labels = {str(x) for x in rows.loc[rows["Year"] == c.period, "FamilyGroup"]}
    text = _text(a)
    if published_average_is_the_groups(labels, str(row["FamilyGroup"]), info["FamilyGrouping"],
                                       own_group["Family_Group"].iloc[0]):
        assert figures["family group average (published)"].value == pytest.approx(family, rel=1e-12)
        assert re.search(r"The published average of LGBF Family Group [1-4] \(", text)
    else:
        # The file's FG_Avg for this measure is another grouping's (CHN01's rows carry urban/rural groups).
        assert "family group average (published)" not in figures and "published average" not in text
    assert f"The published Scotland figure for {c.period} is {format_value(scotland, a.info.unit)}." in text
    assert "Oflog" not in text and "national" not in text.lower() and "median across" not in text
    assert unmatched_numbers(a) == []


@pytest.mark.parametrize(("council", "code"), OFLOG_CASES)
def test_oflog_comparators_are_the_england_median_in_oflog_terms(store: IndicatorStore, asc, council: str,
                                                                 code: str) -> None:
    data, _ = asc
    a = analyse(store, code, council)
    c = a.comparators
    assert c is not None and c.terms == "oflog" and c.national_name == "England"
    at = data[(data["Code"] == code) & (data["Financial year"] == c.period)]
    median = float(at["Value"].median())
    figures = {f.label: f for f in a.figures}
    assert figures["national median"].value == pytest.approx(median, rel=1e-12)
    mad = float((at["Value"] - median).abs().median())
    assert figures["MADs from national median"].value == pytest.approx((c.value - median) / mad, rel=1e-9)
    text = _text(a)
    assert f"The England median ({len(at)} councils with a value) is {format_value(median, a.info.unit)}." in text
    assert "In Oflog's terms it is " in text
    assert "than the England median" in text or "similar to the England median" in text
    assert unmatched_numbers(a) == []


def test_at_least_twenty_comparator_cases() -> None:
    assert len(LGBF_CASES) + len(OFLOG_CASES) >= 20


# -- "Caveats that are wrong" -------------------------------------------------------------------------------------
def test_a_pay_rate_denominator_is_not_a_small_number(store: IndicatorStore) -> None:
    a = analyse(store, "CORP03c", "S-aberdeen-city")
    last = a.series[-1]
    assert last.denominator is not None and last.denominator < 30  # an hourly pay rate in £, e.g. 17.55
    assert "hourly rate of pay" in a.info.denominator_description.lower()
    assert not any(c.startswith("Small numbers") for c in a.caveats)
    assert "denominator" not in _text(a)


def test_a_biennial_survey_run_is_counted_in_surveys(store: IndicatorStore) -> None:
    a = analyse(store, "SW04b", "S-perth-and-kinross")
    assert a.cadence == "biennial" and a.cadence_years == 2
    assert a.consecutive == 4 and a.consecutive_direction == "worsening"
    text = _text(a)
    assert "It has worsened in each of the last 4 surveys (collected every two years)." in text
    assert "in a row" not in text


def test_no_direction_is_described_not_blamed_on_recording(store: IndicatorStore) -> None:
    a = analyse(store, "ASC6", LANCASHIRE)
    assert a.no_direction and a.info.polarity is None
    assert not any("direction" in c.lower() for c in a.caveats)  # not a data caveat (no recording problem)
    assert any(s.startswith("No direction of good performance is stated") for s in a.sentences)
    judged = [s for s in a.sentences if not s.startswith("No direction")]
    assert not re.search(r"\b(better|worse|improv\w*|deteriorat\w*)\b", " ".join(judged))


# -- "Ties" --------------------------------------------------------------------------------------------------------
def test_a_shared_first_place_is_worded_as_a_tie(store: IndicatorStore, asc) -> None:
    data, neighbours = asc
    a = analyse(store, "ASC5", LANCASHIRE)
    at = data[(data["Code"] == "ASC5") & (data["Financial year"] == "2022-23")].set_index("Local authority code")
    group = at.loc[at.index.isin(neighbours[LANCASHIRE]), "Value"]
    tied = sorted(at.loc[group[group == group.max()].index, "Local authority name"])
    assert tied == ["Lancashire", "Staffordshire"]  # both 98.4%
    text = _text(a)
    assert "Lancashire ranks joint 1st of 16" in text
    assert "Lancashire shares the best value (98.4%) with Staffordshire." in text
    assert "best-performing neighbour is" not in text


# -- "Signal vs noise" ---------------------------------------------------------------------------------------------
def test_limits_of_a_percentage_are_clipped_to_its_range(store: IndicatorStore, asc) -> None:
    data, _ = asc
    a = analyse(store, "ASC5", BRIGHTON)
    values = data[(data["Code"] == "ASC5") & (data["Local authority code"] == BRIGHTON)].sort_values(
        "Financial year")["Value"]
    centre, spread = values.mean(), 2.66 * values.diff().abs().mean()
    assert centre + spread > 100  # the "32.2% to 116%"
    sig = a.signal
    assert sig.raw_upper_limit == pytest.approx(centre + spread) and sig.upper_limit == 100.0
    assert sig.lower_limit == pytest.approx(centre - spread) and sig.clipped == ["upper"]
    assert "limits are 32.2% to 100% around an average of 74.1% (the upper limit is cut to the top of the " \
           "measure's possible range)" in _text(a)
    assert "116%" not in _text(a)


def test_a_jump_beyond_the_limits_is_checked_before_it_is_praised(store: IndicatorStore) -> None:
    a = analyse(store, "ASC5", LANCASHIRE)
    assert a.signal.beyond_limits[-1] == "2022-23"
    assert a.check_figure is not None and a.check_figure.startswith("Check the figure before acting on it")
    assert "98.4% in 2022-23 is outside the natural process limits" in a.check_figure
    assert a.check_figure in a.sentences
    quiet = analyse(store, "ASC5", BRIGHTON)
    assert quiet.check_figure is None


def test_a_value_at_the_ceiling_is_checked(store: IndicatorStore) -> None:
    a = analyse(store, "ASC5", "E06000053")  # Isles of Scilly: 100% in 2022-23
    assert a.latest.value == 100.0
    assert a.check_figure is not None and "at the top of the measure's possible range" in a.check_figure


# -- "Beyond the anchors": neighbours over the same span ----------------------------------------------------------
@pytest.mark.parametrize(("council", "code", "since"), [(LANCASHIRE, "ASC5", None), (DORSET, "ASC7", "2019-20"),
                                                        ("E06000005", "ASC1", None)])
def test_neighbours_improved_over_the_same_span(store: IndicatorStore, asc, council: str, code: str,
                                                since: str | None) -> None:
    data, neighbours = asc
    a = analyse(store, code, council, since=since)
    nc = a.neighbours_improved
    span = a.span_change or a.change
    assert nc is not None and span is not None
    rows = data[data["Code"] == code]
    wide = rows.pivot_table(index="Local authority code", columns="Financial year", values="Value")
    both = wide.loc[wide.index.isin(neighbours[council]) & (wide.index != council),
                    [span.from_period, span.to_period]].dropna()
    lower = code == "ASC7"
    better = both[span.to_period] < both[span.from_period] if lower else both[span.to_period] > both[span.from_period]
    assert (nc.from_period, nc.to_period) == (span.from_period, span.to_period)
    assert nc.of == len(both) and nc.improved == int(better.sum())
    assert f"{nc.improved} of {nc.of} other councils in the comparator group improved" in _text(a)
    figures = {f.label: f.value for f in a.figures}
    assert figures[f"neighbours improved since {span.from_period}"] == nc.improved
    assert unmatched_numbers(a) == []
