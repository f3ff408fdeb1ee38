"""The eval's independent pandas recomputation agrees with the analysis, and catches a wrong or unknown figure."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bot.evaluation.figures import check_figures, load_lgbf, load_oflog, load_tidy, period_order, spans_context

PACK = Path(__file__).resolve().parents[1] / "bot" / "sample_pack" / "data"


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory):
    from indicators.store import IndicatorStore

    store = IndicatorStore(tmp_path_factory.mktemp("eval-figures"))
    store.import_file(PACK / "indicators.csv", fmt="tidy", meta=PACK / "indicator_meta.csv",
                      groups=PACK / "nearest_neighbours.csv", dataset="northbridge-sample")
    return store


@pytest.fixture(scope="module")
def sample_raw():
    return {"northbridge-sample": load_tidy("northbridge-sample", PACK / "indicators.csv",
                                            PACK / "indicator_meta.csv", PACK / "nearest_neighbours.csv")}


def test_every_sample_pack_figure_agrees(sample_store, sample_raw) -> None:
    from indicators.analysis import analyse

    checks = []
    for info in sample_store.indicators():
        for area, since in (("E07999001", None), ("E07999001", "2019-20"), ("E07999005", None)):
            checks += check_figures(analyse(sample_store, info.indicator_id, area, since=since).figures, sample_raw)
        if "2024-25 Q2" in set(sample_store.values(info.indicator_id)["period"]):
            # The quarterly series on its own (its comparators fall back to the annual figures).
            checks += check_figures(analyse(sample_store, info.indicator_id, "E07999001",
                                            period="2024-25 Q2").figures, sample_raw)
    labels = {c.figure.label for c in checks}
    assert {"latest value", "comparator median", "rank", "target", "latest quarter value",
            "earlier quarter value", "value compared"} <= labels
    assert any(c.figure.label == "latest value" and c.figure.period == "2024-25 Q2" for c in checks)
    assert [c.describe() for c in checks if not c.ok] == []


def test_a_wrong_figure_and_an_unknown_label_are_caught(sample_store, sample_raw) -> None:
    from indicators.analysis import analyse

    figures = analyse(sample_store, "household_recycling_rate", "E07999001").figures
    median = next(f for f in figures if f.label == "comparator median")
    wrong = median.model_copy(update={"value": median.value + 0.05})
    unknown = median.model_copy(update={"label": "some new statistic"})
    right, bad, odd = check_figures([median, wrong, unknown], sample_raw, home=None)
    assert right.ok
    assert not bad.ok and bad.expected == pytest.approx(median.value)
    assert not odd.ok and "no independent recomputation" in odd.reason


def test_a_figure_from_an_unknown_dataset_is_not_accepted(sample_store, sample_raw) -> None:
    from indicators.analysis import analyse

    latest = analyse(sample_store, "council_tax_collection", "E07999001").latest
    (check,) = check_figures([latest.model_copy(update={"dataset": "elsewhere"})], sample_raw)
    assert not check.ok and "no raw table" in check.reason


def test_periods_sort_in_time_order() -> None:
    shuffled = ["2024-25 Q2", "2018-21", "2022", "2019-20", "2024-25 Q1", "2022-07", "2020-21", "2023-24"]
    assert sorted(shuffled, key=period_order) == ["2019-20", "2020-21", "2018-21", "2022", "2022-07", "2023-24",
                                                  "2024-25 Q1", "2024-25 Q2"]


def test_a_period_that_could_be_a_month_is_an_aggregate_among_financial_years() -> None:
    assert spans_context(["2008-09", "2009-10", "2009-11", "2010-11"])  # LGBF: 2009-10 to 2010-11
    assert not spans_context(["2009-11", "2009-12", "2010-01"])  # months only
    assert not spans_context(["2010-11", "2009-11", "2022-07"])  # 2022-07 can only be July 2022
    assert period_order("2009-11", spans=True) > period_order("2009-10", spans=True)
    assert period_order("2009-11") < period_order("2009-12")


def _real_data(shared_dir: Path, tmp_path: Path) -> tuple:
    """A store holding the real LGBF and Oflog data, and their raw tables for the recomputation."""
    from indicators.store import IndicatorStore

    data = shared_dir / "data"
    store = IndicatorStore(tmp_path)
    store.import_file(data / "lgbf", fmt="lgbf", dataset="lgbf")
    store.import_file(data / "oflog_asc" / "asc_data.csv", fmt="oflog",
                      groups=data / "oflog_asc" / "nearest_neighbours.json", dataset="oflog-asc")
    return store, {"lgbf": load_lgbf("lgbf", data / "lgbf"), "oflog-asc": load_oflog("oflog-asc", data / "oflog_asc")}


def test_real_data_figures_agree(shared_dir: Path, tmp_path: Path) -> None:
    from indicators.analysis import analyse
    store, raw = _real_data(shared_dir, tmp_path)
    pick = random.Random(11)
    infos = store.indicators()
    checks = []
    for info in pick.sample(infos, 25) + [i for i in infos if i.dataset == "oflog-asc"]:
        codes = sorted(set(store.values(info.indicator_id)["area_code"]))
        checks += check_figures(analyse(store, info.indicator_id, pick.choice(codes)).figures, raw)
    assert len(checks) > 300
    assert {"XmR centre line", "comparator median", "MADs from national median"} <= {c.figure.label for c in checks}
    assert [c.describe() for c in checks if not c.ok] == []


def test_a_span_against_the_nation_states_the_nations_start_figure(shared_dir: Path, tmp_path: Path) -> None:
    """"How does that compare nationally?" after a span: the nation's figure at the span's first period is stated,
    filed under the nation, and agrees with the raw tables (the Oflog England median, LGBF's published value)."""
    from indicators.analysis import analyse
    store, raw = _real_data(shared_dir, tmp_path)
    asc = analyse(store, "ASC3", "E06000014", since="2015-16", period="2022-23", comparison="national")
    start = [f for f in asc.figures if f.label == "comparator median at the start"]
    assert [(f.area_code, f.period) for f in start] == [("england", "2015-16")]
    assert "At the start of the span, in 2015-16" in " ".join(asc.sentences)
    clim = analyse(store, "CLIM01", "S-fife", since="2014-15", period="2020-21", comparison="national")
    (published,) = [f for f in clim.figures if f.label == "Scotland value (published) at the start"]
    assert (published.area_code, published.period) == ("scotland", "2014-15")
    checks = [c for c in check_figures(asc.figures, raw) + check_figures(clim.figures, raw)
              if c.figure.label.endswith(" at the start")]
    assert {c.figure.label for c in checks} == {"comparator median at the start", "comparators at the start",
                                                "Scotland value (published) at the start"}
    assert [c.describe() for c in checks if not c.ok] == []
    # Against the neighbours, the start of the span is told by the neighbours' own change, as before.
    plain = analyse(store, "ASC3", "E06000014", since="2015-16", period="2022-23", comparison="neighbours")
    assert plain.comparators_at_start is None
