"""Sentences a councillor can repeat in committee (found in a user trial): a change too small to show is not called
an improvement or a deterioration, a percentage change of a negative base is not stated, one of a unit is
singular, a plural place name takes a bare apostrophe, a council that is itself best is not told another council
is "the best-performing neighbour", and a break in series is said once."""

from __future__ import annotations

import pytest

from indicators.analysis import analyse
from indicators.formatting import format_points, format_value, possessive
from indicators.store import IndicatorStore
from indicators.wording import break_caveat, describe
from tests.indicator_checks import tidy_store

YEARS = ["2018-19", "2019-20", "2020-21"]
SERIES = {"TINY": ("%", "higher_is_better", [30.0, 33.904, 33.9113]),
          "NEG": ("tCO2", "lower_is_better", [1.0, -1.4, -0.364]),
          "DAYS": ("days", "lower_is_better", [5.0, 6.0, 7.0])}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> IndicatorStore:
    rows = [f"{ind},{ind.title()} measure,A,Alpha,{year},{v},{unit},{polarity}"
            for ind, (unit, polarity, values) in SERIES.items() for year, v in zip(YEARS, values, strict=True)]
    return tidy_store(tmp_path_factory.mktemp("wording"), rows)


def _text(store: IndicatorStore, indicator: str) -> str:
    return " ".join(describe(analyse(store, indicator, "A", comparison="none"), store)[0])


def test_a_change_too_small_to_show_is_not_judged(store: IndicatorStore) -> None:
    text = _text(store, "TINY")
    assert "33.9% in 2020-21" in text and "about the same" in text
    latest = text.split("Since")[0]
    assert "deterioration" not in latest and "improvement" not in latest


def test_no_percentage_change_of_a_negative_base(store: IndicatorStore) -> None:
    a = analyse(store, "NEG", "A", comparison="none")
    assert a.change is not None and a.change.from_value < 0 and a.change.percent is None
    assert "%)" not in _text(store, "NEG").split("Since")[0]


def test_one_of_a_unit_is_singular() -> None:
    assert format_points(1.0) == "1 percentage point" and format_points(2.0) == "2 percentage points"
    assert format_value(1.0, "days") == "1 day" and format_value(2.0, "days") == "2 days"


def test_plural_place_names_take_a_bare_apostrophe() -> None:
    assert possessive("Shetland Islands") == "Shetland Islands'"
    assert possessive("Scottish Borders") == "Scottish Borders'"
    assert possessive("Leeds") == "Leeds's" and possessive("Perth and Kinross") == "Perth and Kinross's"


def test_a_break_in_series_is_said_once() -> None:
    said = break_caveat("2021-22", "Break in series: from 2021-22 collected by the in-cab system.")
    assert said == "Break in series at 2021-22: from 2021-22 collected by the in-cab system."


def test_none_improved_is_not_most(tmp_path) -> None:  # noqa: ANN001
    rows = [f"R,Rate,{area},{area}lpha,{year},{v},%,higher_is_better"
            for area, values in {"A": [50, 40], "B": [50, 45], "C": [60, 50], "D": [55, 55]}.items()
            for year, v in zip(("2021-22", "2022-23"), values, strict=True)]
    groups = tmp_path / "g.csv"
    groups.write_text("area_code,group,member_code\n" + "".join(f"A,nearest_neighbours,{x}\n" for x in "ABCD"),
                      encoding="utf-8")
    store = tidy_store(tmp_path, rows, groups=groups)
    text = " ".join(describe(analyse(store, "R", "A"), store)[0])
    assert "0 of 3" in text and "none of them improved either" in text and "most of them" not in text
