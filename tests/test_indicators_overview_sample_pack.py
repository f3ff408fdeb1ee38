"""Service overviews on the fictional sample pack (tidy data without categories: services come from the topic
families in prompts/topics.yaml): the waste overview for Northbridge equals pandas on the pack's CSV."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from indicator_checks import stated_numbers
from indicators.errors import IndicatorError
from indicators.overview import Overview, find_service, overview, services
from indicators.store import IndicatorStore

PACK = Path(__file__).resolve().parents[1] / "bot" / "sample_pack" / "data"
HOME = "E07999001"
# Fly-tipping is street scene, not waste and recycling (prompts/topics.yaml).
WASTE = {"household_recycling_rate", "missed_bins_per_100k", "residual_waste_per_household",
         "waste_collection_cost_per_household"}


def unaccounted(o: Overview) -> list[str]:
    """Numbers in the overview's sentences that none of its figures accounts for."""
    values = [f.value for f in o.figures]
    names = {o.area_name, o.service, *(f.area_name for f in o.figures), *(f.indicator_name for f in o.figures),
             *(line.group or "" for line in o.lines)}
    missing = []
    for sentence in o.sentences:
        for name in sorted(names, key=len, reverse=True):
            if name:
                sentence = sentence.replace(name, " ")
        for value, decimals in stated_numbers(sentence):
            tol = 0.5 * 10 ** (-decimals) + 1e-9
            if not any(abs(abs(v) - abs(value)) <= max(tol, abs(v) * 0.005) for v in values):
                missing.append(f"{value} in {sentence!r}")
    return missing


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> IndicatorStore:
    s = IndicatorStore(tmp_path_factory.mktemp("overview-sample") / "home")
    s.import_file(PACK / "indicators.csv", fmt="tidy", meta=PACK / "indicator_meta.csv",
                  groups=PACK / "nearest_neighbours.csv", dataset="northbridge-sample")
    return s


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    data = pd.read_csv(PACK / "indicators.csv")
    return data[~data["period"].str.contains("Q")]  # the annual series the analysis judges


def test_services_come_from_the_topic_families(store: IndicatorStore) -> None:
    held = services(store)
    assert set(held["Waste"]) == WASTE
    assert {"Housing", "Finance", "Planning", "Workforce"} <= set(held)
    assert "staff_turnover" in held["Workforce"] and "council_tax_collection" in held["Finance"]


def test_waste_overview_equals_pandas_on_the_pack(store: IndicatorStore, raw: pd.DataFrame) -> None:
    o = overview(store, "bins", HOME)
    assert o.service == "Waste" and {line.indicator_id for line in o.lines} == WASTE
    meta = pd.read_csv(PACK / "indicator_meta.csv").set_index("indicator_id")
    expected_split: dict[str, list[str]] = {"improving": [], "worsening": [], "no change": []}
    for line in o.lines:
        own = raw[(raw["indicator_id"] == line.indicator_id) & (raw["area_code"] == HOME)].sort_values("period")
        (p0, v0), (p1, v1) = list(zip(own["period"], own["value"], strict=True))[-2:]
        assert (line.latest.period, line.latest.value) == (p1, v1)
        assert line.previous is not None and (line.previous.period, line.previous.value) == (p0, v0)
        higher = meta.loc[line.indicator_id, "polarity"] == "higher_is_better"
        direction = "no change" if v1 == v0 else ("improving" if (v1 > v0) == higher else "worsening")
        expected_split[direction].append(line.indicator_id)
        assert line.direction == direction
        # rank among the 16 neighbours in the latest year, by pandas
        at = raw[(raw["indicator_id"] == line.indicator_id) & (raw["period"] == p1)].set_index("area_code")["value"]
        rank = int(at.rank(method="min", ascending=not higher)[HOME])
        assert line.rank is not None and line.count is not None
        assert (int(line.rank.value), int(line.count.value)) == (rank, len(at))
    assert o.worsened == expected_split["worsening"] and o.improved == expected_split["improving"]
    assert [line.score for line in o.lines] == sorted((line.score for line in o.lines), reverse=True)
    assert o.sentences[0].startswith("Waste for Northbridge District Council: 4 indicators")
    assert unaccounted(o) == []


def test_overview_as_at_an_earlier_period(store: IndicatorStore, raw: pd.DataFrame) -> None:
    o = overview(store, "Waste", HOME, period="2021-22")
    assert o.period == "2021-22" and all(line.latest.period == "2021-22" for line in o.lines)
    assert "as at 2021-22" in o.sentences[0] and unaccounted(o) == []


@pytest.mark.parametrize(("text", "service"), [
    ("waste", "Waste"), ("bins", "Waste"), ("recyclng", "Waste"), ("housing", "Housing"),
    ("homelessness", "Homelessness"), ("fly-tipping", "Street scene"), ("finance", "Finance"),
    ("council tax", "Finance"),
    ("culture and leisure", "Leisure"), ("environment", "Waste"), ("staff sickness", "Workforce"),
    ("social care", None), ("schools", None),
])
def test_find_service_on_the_topic_families(store: IndicatorStore, text: str, service: str | None) -> None:
    assert find_service(store, text) == service


def test_unknown_service_and_no_data_are_one_line_errors(store: IndicatorStore) -> None:
    with pytest.raises(IndicatorError, match="no service called 'astrology'; services held: ") as exc:
        overview(store, "astrology", HOME)
    assert "\n" not in str(exc.value)
    with pytest.raises(IndicatorError, match="unknown area"):
        overview(store, "waste", "E99999999")
