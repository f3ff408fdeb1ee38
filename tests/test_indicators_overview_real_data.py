"""Service overviews on the real data: an English council's adult social care overview lists every ASC indicator
it has, with values and the improved/worsened split equal to an independent pandas computation from the raw file."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from indicators.overview import QUARTILE_POINTS, find_service, overview, services
from indicators.store import IndicatorStore
from test_indicators_overview_sample_pack import unaccounted

pytestmark = pytest.mark.shared

HOME = "E06000005"  # Darlington


@pytest.fixture(scope="module")
def store(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> IndicatorStore:
    s = IndicatorStore(tmp_path_factory.mktemp("overview-real") / "home")
    s.import_file(shared_dir / "data" / "lgbf", fmt="lgbf")
    s.import_file(shared_dir / "data" / "oflog_asc" / "asc_data.csv", fmt="oflog")
    return s


@pytest.fixture(scope="module")
def asc(shared_dir: Path) -> pd.DataFrame:
    return pd.read_csv(shared_dir / "data" / "oflog_asc" / "asc_data.csv").dropna(subset=["Value"])


def _polarity(rows: pd.DataFrame, code: str) -> str | None:
    markers = {str(m).lower() for m in rows["rank_order"].dropna()} - {"none"}
    if markers == {"desc"}:
        return "higher"
    return "lower" if code == "ASC7" else None  # the data's README: lower turnover is better


def _expected_asc(asc: pd.DataFrame, council: str) -> dict[str, tuple[str, float, str, float, str]]:
    """code -> (latest period, value, previous period, value, direction) straight from asc_data.csv."""
    out = {}
    own = asc[asc["Local authority code"] == council]
    for code, rows in own.groupby("Code"):
        series = rows.set_index("Financial year")["Value"].sort_index()
        (p0, v0), (p1, v1) = list(series.items())[-2], list(series.items())[-1]
        polarity = _polarity(asc[asc["Code"] == code], str(code))
        if v1 == v0:
            direction = "no change"
        elif polarity is None:
            direction = "not comparable"
        else:
            direction = "improving" if (v1 > v0) == (polarity == "higher") else "worsening"
        out[str(code)] = (str(p1), float(v1), str(p0), float(v0), direction)
    return out


def test_adult_social_care_overview_lists_every_asc_indicator_with_raw_values(store: IndicatorStore,
                                                                               asc: pd.DataFrame) -> None:
    expected = _expected_asc(asc, HOME)
    assert set(expected) == {f"ASC{i}" for i in range(1, 8)}
    o = overview(store, "adult social care", HOME)
    assert o.service == "Adult social care" and o.area_name == "Darlington"
    assert {line.indicator_id for line in o.lines} == set(expected)  # LGBF social work indicators: no data here
    for line in o.lines:
        p1, v1, p0, v0, _ = expected[line.indicator_id]
        assert (line.latest.period, line.latest.value) == (p1, v1)
        assert line.previous is not None and (line.previous.period, line.previous.value) == (p0, v0)
        assert line.latest.area_code == HOME
    assert unaccounted(o) == []


def test_improved_and_worsened_split_equals_raw_latest_against_previous(store: IndicatorStore,
                                                                        asc: pd.DataFrame) -> None:
    expected = _expected_asc(asc, HOME)
    o = overview(store, "Adult social care", HOME)
    split = {d: sorted(c for c, e in expected.items() if e[4] == d)
             for d in ("improving", "worsening", "no change", "not comparable")}
    assert sorted(o.worsened) == split["worsening"] and sorted(o.improved) == split["improving"]
    assert sorted(o.unchanged) == split["no change"] and sorted(o.not_comparable) == split["not comparable"]
    assert "ASC6" in o.not_comparable  # no direction stated
    summary = o.sentences[-1]
    assert summary.startswith("Against each indicator's previous period: ")
    assert f"{len(split['worsening'])} of 7 worsened" in summary and f"{len(split['improving'])} improved" in summary


def test_lines_are_ordered_by_materiality(store: IndicatorStore) -> None:
    o = overview(store, "asc", HOME)
    scores = [line.score for line in o.lines]
    assert scores == sorted(scores, reverse=True)
    for line in o.lines:
        q = int(line.quartile.value) if line.quartile is not None else 0
        d = {"worsening": 2.0, "improving": -2.0}.get(line.direction, 0.0)
        assert line.score == QUARTILE_POINTS.get(q, 0.0) + d
        if line.rank is not None:
            assert line.rank.area_code == HOME and line.count is not None


def test_a_scottish_service_overview(store: IndicatorStore) -> None:
    o = overview(store, "housing", "S-fife")
    held = services(store)["Housing"]
    assert o.lines and {line.indicator_id for line in o.lines} <= set(held)
    assert all(line.group and "Family Group" in line.group for line in o.lines)
    assert unaccounted(o) == []


@pytest.mark.parametrize(("text", "service"), [
    ("social care", "Adult social care"), ("adult social care", "Adult social care"), ("ASC", "Adult social care"),
    ("waste", "Environmental services"), ("bins", "Environmental services"), ("housing", "Housing"),
    ("children's services", "Children's services"), ("schools", "Children's services"),
    ("environment", "Environmental services"), ("culture and leisure", "Culture and leisure"),
    ("corporate", "Corporate services"), ("finance", "Financial sustainability"), ("climate", "Climate change"),
    ("socail care", "Adult social care"), ("enviroment", "Environmental services"),
    ("Childrens Services", "Children's services"), ("are we getting worse on social care?", "Adult social care"),
    ("the weather", None),
])
def test_find_service_on_the_real_categories(store: IndicatorStore, text: str, service: str | None) -> None:
    assert find_service(store, text) == service
