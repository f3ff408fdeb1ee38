"""A base effect is named only when the change is measured from a trough and rises, or from a peak and falls: a
rise from the previous peak (a new high, as Fife's home care costs in the blind review, called "exaggerated") is
understated, not exaggerated, and carries no base-effect caveat; nor does a fall from the trough."""

from __future__ import annotations

import pytest

from indicators.analysis import analyse
from indicators.store import IndicatorStore
from tests.indicator_checks import tidy_store

YEARS = ["2016-17", "2017-18", "2018-19", "2019-20", "2020-21"]
# The latest change runs from 2019-20, the highest or lowest of the earlier values.
SERIES = {"RISE_FROM_PEAK": [20, 22, 21, 30, 45], "FALL_FROM_PEAK": [20, 22, 21, 30, 12],
          "RISE_FROM_TROUGH": [30, 28, 29, 10, 20], "FALL_FROM_TROUGH": [30, 28, 29, 10, 5]}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> IndicatorStore:
    rows = [f"{ind},{ind.title()},A,Alpha,{year},{v},£,lower_is_better" for ind, values in SERIES.items()
            for year, v in zip(YEARS, values, strict=True)]
    return tidy_store(tmp_path_factory.mktemp("base-effect"), rows)


def _caveat(store: IndicatorStore, indicator: str) -> str | None:
    a = analyse(store, indicator, "A", comparison="none")
    assert a.change is not None and a.change.from_period == "2019-20"
    return next((c for c in a.caveats if c.startswith("Base effect")), None)


def test_a_rise_to_a_new_high_is_no_base_effect(store: IndicatorStore) -> None:
    assert _caveat(store, "RISE_FROM_PEAK") is None


def test_a_fall_from_the_trough_is_no_base_effect(store: IndicatorStore) -> None:
    assert _caveat(store, "FALL_FROM_TROUGH") is None


def test_a_fall_from_the_peak_is_exaggerated(store: IndicatorStore) -> None:
    assert "2019-20, the highest value" in (_caveat(store, "FALL_FROM_PEAK") or "")


def test_a_rise_from_the_trough_is_exaggerated(store: IndicatorStore) -> None:
    assert "2019-20, the lowest value" in (_caveat(store, "RISE_FROM_TROUGH") or "")
