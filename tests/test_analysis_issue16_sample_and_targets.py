"""Issue 16 on the sample council and hand-made tables: a council's own group is never "national", the change
needed per year to reach a dated target, small numbers only for counts, and the eval recomputes every new figure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from bot.evaluation.figures import check_figures, load_tidy
from indicators.analysis import analyse
from indicators.errors import ImportValidationError
from indicators.models import IndicatorInfo
from indicators.store import IndicatorStore
from tests.indicator_checks import unmatched_numbers

PACK = Path(__file__).resolve().parents[1] / "bot" / "sample_pack" / "data"
HOME = "E07999001"
RECYCLING = "household_recycling_rate"
COST = "waste_collection_cost_per_household"


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory) -> tuple[IndicatorStore, Path]:
    """The sample pack with dated targets in its metadata (the council plan's recycling to 50% by 2026-27, and a
    cost target already met), imported as the demo does."""
    tmp = tmp_path_factory.mktemp("dated")
    meta = pd.read_csv(PACK / "indicator_meta.csv", dtype=str, keep_default_na=False)
    meta["target_value"] = ""
    meta["target_period"] = ""
    meta.loc[meta["indicator_id"] == RECYCLING, ["target_value", "target_period"]] = ["50", "2026-27"]
    meta.loc[meta["indicator_id"] == COST, ["target_value", "target_period"]] = ["80.00", "2025-26"]
    meta.to_csv(tmp / "meta.csv", index=False)
    store = IndicatorStore(tmp / "home")
    store.import_file(PACK / "indicators.csv", meta=tmp / "meta.csv", groups=PACK / "nearest_neighbours.csv",
                      dataset="northbridge-sample")
    return store, tmp / "meta.csv"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> IndicatorStore:
    store = IndicatorStore(tmp_path_factory.mktemp("sample") / "home")
    store.import_file(PACK / "indicators.csv", meta=PACK / "indicator_meta.csv",
                      groups=PACK / "nearest_neighbours.csv", dataset="northbridge-sample")
    return store


def test_the_sample_councils_group_is_never_called_national(sample: IndicatorStore) -> None:
    # Every council in the pack is in Northbridge's group: there is no separate national median to state.
    for info in sample.indicators():
        a = analyse(sample, info.indicator_id, HOME)
        text = " ".join(a.sentences)
        assert "national" not in text.lower() and "Oflog" not in text, info.indicator_id
        assert a.comparators is not None and a.comparators.group_is_everyone and a.comparators.terms == "local"
        assert "median across" not in text
        assert not {"national median", "MADs from national median"} & {f.label for f in a.figures}


def test_change_needed_per_year_to_reach_a_dated_target(dated: tuple[IndicatorStore, Path]) -> None:
    store, _ = dated
    a = analyse(store, RECYCLING, HOME)
    t = a.target_path
    assert t is not None and (t.target, t.target_period, t.from_period) == (50.0, "2026-27", "2023-24")
    assert t.years == 3 and t.needed_per_year == pytest.approx((50 - 39.5) / 3)
    assert t.recent_from_period == "2018-19" and t.recent_per_year == pytest.approx((39.5 - 46.1) / 5)
    assert t.on_track is False and not t.met_already
    assert ("To reach its target of 50.0% by 2026-27 it needs a rise of 3.5 percentage points a year from 39.5% in "
            "2023-24; since 2018-19 it has fallen by 1.32 percentage points a year on average, moving away from "
            "it.") in a.sentences  # a fall when a rise is needed is not merely "not enough"
    assert unmatched_numbers(a) == []
    met = analyse(store, COST, HOME)
    assert met.target_path is not None and met.target_path.met_already
    assert "It already meets its target of £80.00 for 2025-26." in met.sentences


def test_the_eval_recomputes_the_new_figures(dated: tuple[IndicatorStore, Path]) -> None:
    store, meta = dated
    raw = {"northbridge-sample": load_tidy("northbridge-sample", PACK / "indicators.csv", meta,
                                           PACK / "nearest_neighbours.csv")}
    checks = []
    for info in store.indicators():
        for area, since in ((HOME, None), (HOME, "2020-21"), ("E07999007", None)):
            checks += check_figures(analyse(store, info.indicator_id, area, since=since).figures, raw)
    labels = {c.figure.label for c in checks}
    assert {"dated target", "change needed per year to reach target", "average change per year since 2018-19",
            "neighbours improved since 2018-19", "neighbours compared since 2018-19"} <= labels
    assert [c.describe() for c in checks if not c.ok] == []
    # A wrong count of neighbours is caught.
    a = analyse(store, RECYCLING, HOME)
    improved = next(f for f in a.figures if f.label.startswith("neighbours improved"))
    (wrong,) = check_figures([a.latest, improved.model_copy(update={"value": improved.value + 1})], raw)[1:]
    assert not wrong.ok


def test_a_dated_target_needs_both_columns(tmp_path: Path) -> None:
    shutil.copy(PACK / "indicators.csv", tmp_path / "values.csv")
    (tmp_path / "meta.csv").write_text(f"indicator_id,target_value\n{RECYCLING},50\n")
    with pytest.raises(ImportValidationError, match="target_value and target_period"):
        IndicatorStore(tmp_path / "home").import_file(tmp_path / "values.csv", meta=tmp_path / "meta.csv")


@pytest.mark.parametrize(("unit", "measure", "described", "denominator", "counts"), [
    ("%", "Percentage", "Number of Premises for Refuse Collection", 12.0, True),
    ("%", "Percentage", "Average Hourly Rate of Pay (Female)", 17.55, False),
    ("%", "Percentage", "General Internal Floor Area", 20.0, False),
    ("£", "Cost", "MYE Population (Thousands)", 21.0, False),
    ("%", "percentage", "", 9.0, True),  # a council's own KPI: a whole-number denominator of a share
    ("%", "percentage", "", 17.55, False),
    ("days", "average", "", 12.0, False),
])
def test_small_numbers_only_for_counts(unit: str, measure: str, described: str, denominator: float,
                                       counts: bool) -> None:
    from indicators.analysis import denominator_counts

    info = IndicatorInfo(indicator_id="X", name="X", unit=unit, measure_type=measure,
                         denominator_description=described)
    assert denominator_counts(info, denominator) is counts


@pytest.mark.parametrize(("name", "unit", "values", "bounds"), [
    ("Share done in time", "%", [40.0, 99.0], (0.0, 100.0)),
    ("Outturn as a % of budget", "%", [88.0, 104.2], (0.0, None)),
    ("The Gender Pay Gap (%)", "%", [-7.0, 16.0], (None, None)),
    ("Cost per pupil", "£", [10.0, 20.0], (0.0, None)),
    ("Quality of life", "score", [0.3, 0.5], (None, None)),
])
def test_possible_range_of_a_measure(name: str, unit: str, values: list[float],
                                     bounds: tuple[float | None, float | None]) -> None:
    from indicators.analysis import possible_range

    assert possible_range(IndicatorInfo(indicator_id="X", name=name, unit=unit), values) == bounds
