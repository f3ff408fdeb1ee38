"""Annual and quarterly values are judged apart: in-year quarters are reported beside the annual trend, never
mixed into it, and a question that asks for a quarter gets the quarterly series."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators.analysis import analyse
from indicators.charts import render_trend_chart
from indicators.errors import IndicatorError
from indicators.evaluation import EvalItem, evaluate_resolution
from indicators.periods import frequencies
from indicators.query import resolve
from indicators.store import IndicatorStore
from tests.indicator_checks import unmatched_numbers

PACK = Path(__file__).resolve().parents[1] / "bot" / "sample_pack" / "data"
HOME = "E07999001"
RECYCLING = "household_recycling_rate"


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    """The sample pack's tidy CSV read straight with pandas (the independent side of every check)."""
    return pd.read_csv(PACK / "indicators.csv", dtype={"period": str})


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> IndicatorStore:
    s = IndicatorStore(tmp_path_factory.mktemp("quarterly") / "home")
    s.import_file(PACK / "indicators.csv", meta=PACK / "indicator_meta.csv", groups=PACK / "nearest_neighbours.csv",
                  dataset="sample")
    return s


def _own(raw: pd.DataFrame, indicator: str, area: str) -> tuple[pd.Series, pd.Series]:
    """(annual, quarterly) values of one council, in time order, from the raw file."""
    rows = raw[(raw["indicator_id"] == indicator) & (raw["area_code"] == area)]
    quarterly = rows["period"].str.contains(" Q")
    annual = rows[~quarterly].set_index("period")["value"].sort_index()
    quarters = rows[quarterly].set_index("period")["value"].sort_index()
    return annual.astype(float), quarters.astype(float)


def test_annual_trend_is_not_masked_by_in_year_quarters(store: IndicatorStore, raw: pd.DataFrame) -> None:
    annual, quarters = _own(raw, RECYCLING, HOME)
    assert len(quarters) >= 2 and len(annual) >= 3  # the sample pack's mixed series this test is about
    a = analyse(store, RECYCLING, HOME)
    # Old behaviour: latest was 2024-25 Q2 and "change over 1 period" was Q1 -> Q2 (an "improvement").
    assert a.frequency == "annual"
    assert [p.period for p in a.series] == list(annual.index)
    assert (a.latest.period, a.latest.value) == (annual.index[-1], annual.iloc[-1])
    assert a.previous is not None and (a.previous.period, a.previous.value) == (annual.index[-2], annual.iloc[-2])
    assert a.change is not None and a.change.points == pytest.approx(annual.iloc[-1] - annual.iloc[-2])
    steps = np.sign(np.diff(annual.to_numpy()))
    assert (steps < 0).all()  # steadily worse every year (higher is better)
    assert a.direction == "worsening" and a.consecutive == len(annual) - 1
    assert a.consecutive_direction == "worsening"
    assert a.signal.points == len(annual)
    # Comparators at the latest annual period, the one other councils report.
    c = a.comparators
    assert c is not None and c.period == annual.index[-1]
    peers = raw[(raw["indicator_id"] == RECYCLING) & (raw["period"] == annual.index[-1])]
    assert c.national_median == pytest.approx(float(peers["value"].median()))
    # The in-year quarters are reported separately, with their periods, in figures and a sentence.
    assert [p.period for p in a.in_year] == list(quarters.index)
    assert a.latest_in_year is not None and a.latest_in_year.label == "latest quarter value"
    assert (a.latest_in_year.period, a.latest_in_year.value) == (quarters.index[-1], quarters.iloc[-1])
    by_label = {(f.label, f.period): f.value for f in a.figures}
    assert by_label[("latest quarter value", quarters.index[-1])] == quarters.iloc[-1]
    assert by_label[("earlier quarter value", quarters.index[0])] == quarters.iloc[0]
    in_year = [s for s in a.sentences if s.startswith("In-year:")]
    assert len(in_year) == 1 and quarters.index[-1] in in_year[0] and quarters.index[0] in in_year[0]
    assert f"{quarters.iloc[-1]:.1f}%" in in_year[0]
    assert unmatched_numbers(a) == []


def test_span_and_target_use_the_annual_series(store: IndicatorStore, raw: pd.DataFrame) -> None:
    annual, _ = _own(raw, RECYCLING, HOME)
    a = analyse(store, RECYCLING, HOME, since="2019")
    start = next(p for p in annual.index if int(p[:4]) >= 2019)
    assert a.span_change is not None and a.span_change.from_period == start
    assert a.span_change.to_period == annual.index[-1]
    assert a.span_change.absolute == pytest.approx(annual.iloc[-1] - annual[start])
    rows = raw[(raw["indicator_id"] == RECYCLING) & (raw["area_code"] == HOME)].set_index("period")
    assert a.target is not None and a.target.period == annual.index[-1]
    assert a.target.target == rows.loc[annual.index[-1], "target"]
    b = analyse(store, RECYCLING, HOME, last_n=3)
    assert [p.period for p in b.series] == list(annual.index[-3:])


def test_an_explicit_quarter_uses_the_quarterly_series(store: IndicatorStore, raw: pd.DataFrame) -> None:
    annual, quarters = _own(raw, RECYCLING, HOME)
    a = analyse(store, RECYCLING, HOME, period=quarters.index[-1])
    assert a.frequency == "quarterly" and [p.period for p in a.series] == list(quarters.index)
    assert (a.latest.period, a.latest.value) == (quarters.index[-1], quarters.iloc[-1])
    assert a.change is not None and a.change.from_period == quarters.index[-2]
    assert a.change.absolute == pytest.approx(quarters.iloc[-1] - quarters.iloc[-2])
    assert a.in_year == [] and a.latest_in_year is None
    # Peers report annually: the comparison falls back to the latest annual period, and says so.
    c = a.comparators
    assert c is not None and c.period == annual.index[-1] and c.value == annual.iloc[-1]
    assert any("not quarterly" in x for x in a.caveats)
    assert any("seasonal" in x for x in a.caveats)
    assert unmatched_numbers(a) == []
    first = analyse(store, RECYCLING, HOME, period=quarters.index[0])
    assert first.latest.value == quarters.iloc[0] and first.change is None
    annual_view = analyse(store, RECYCLING, HOME, period=annual.index[-2])
    assert annual_view.latest.period == annual.index[-2] and annual_view.in_year == []


def test_quarter_only_councils_and_year_earlier_baseline(tmp_path: Path) -> None:
    csv = tmp_path / "kpis.csv"
    lines = ["indicator_id,indicator_name,area_code,area_name,period,value,unit,polarity"]
    quarterly = {"2023-24 Q1": 70, "2023-24 Q2": 72, "2023-24 Q3": 69, "2023-24 Q4": 71, "2024-25 Q1": 74,
                 "2024-25 Q2": 73}
    lines += [f"LET,Homes let in 28 days,A,Alpha,{p},{v},%,higher_is_better" for p, v in quarterly.items()]
    # B has annual values too, and a quarter inside its annual span that is not in-year.
    lines += [f"LET,Homes let in 28 days,B,Beta,{p},{v},%,higher_is_better"
              for p, v in {"2022-23": 60, "2023-24": 62, "2023-24 Q3": 50, "2024-25 Q1": 65}.items()]
    csv.write_text("\n".join(lines) + "\n")
    s = IndicatorStore(tmp_path / "home")
    s.import_file(csv)
    a = analyse(s, "LET", "A", comparison="none")
    assert a.frequency == "quarterly" and a.latest.period == "2024-25 Q2" and a.latest.value == 73
    year_earlier = [f for f in a.figures if f.label == "same quarter previous year value"]
    assert [(f.period, f.value) for f in year_earlier] == [("2023-24 Q2", 72)]
    assert unmatched_numbers(a) == []
    b = analyse(s, "LET", "B", comparison="none")
    assert b.frequency == "annual" and b.latest.period == "2023-24" and b.change is not None
    assert b.change.absolute == 2
    assert [p.period for p in b.in_year] == ["2024-25 Q1"]  # 2023-24 Q3 is inside the annual figure
    # Quarters other councils hold are not "missing" from an annual series.
    assert not any("Q" in x and x.startswith("No value") for x in b.caveats)
    with pytest.raises(IndicatorError, match="no annual LET values"):
        analyse(s, "LET", "A", frequency="annual")
    png = render_trend_chart(b, s, tmp_path / "b.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_period_frequencies_read_lgbf_two_year_spans_as_annual() -> None:
    lgbf = frequencies(["2009-11", "2010-12", "2011-13", "2012-14"])
    assert set(lgbf.values()) == {"annual"}
    months = frequencies(["2009-11", "2022-07", "2022-23"])  # an unambiguous month beside it: months
    assert months["2009-11"] == "monthly" and months["2022-23"] == "annual"
    assert frequencies(["2024-25 Q2", "2024 Q1"]) == {"2024-25 Q2": "quarterly", "2024 Q1": "quarterly"}


@pytest.mark.parametrize(("question", "period", "last_n"), [
    ("How is our recycling rate doing this quarter?", "2024-25 Q2", None),
    ("recycling rate in the latest quarter", "2024-25 Q2", None),
    ("What was our recycling rate in Q2 2024-25?", "2024-25 Q2", None),
    ("recycling rate 2024-25 Q1", "2024-25 Q1", None),
    ("recycling rate in Q1", "2024-25 Q1", None),
    ("quarterly recycling rate for the last two quarters", "2024-25 Q2", 2),
])
def test_quarter_questions_resolve_to_the_quarterly_series(store: IndicatorStore, question: str, period: str,
                                                           last_n: int | None) -> None:
    res = resolve(store, question, HOME)
    assert (res.status, res.indicator_id, res.area_code) == ("resolved", RECYCLING, HOME)
    assert (res.period, res.frequency, res.last_n) == (period, "quarterly", last_n)
    a = analyse(store, res.indicator_id, res.area_code, since=res.since, last_n=res.last_n,
                comparison=res.comparison, period=res.period)
    assert a.frequency == "quarterly" and a.latest.period == period


def test_annual_questions_stay_annual_and_missing_quarters_are_explained(store: IndicatorStore) -> None:
    res = resolve(store, "How has our recycling rate changed since 2019?", HOME)
    assert res.period is None and res.frequency is None and res.since == "2019"
    assert analyse(store, RECYCLING, HOME, since=res.since, period=res.period).frequency == "annual"
    named = resolve(store, "recycling rate for Brackenmoor this quarter", HOME)
    assert named.area_code == "E07999005" and named.status == "resolved"
    # Brackenmoor reports annually: the answer's period note says so (and the annual series is answered).
    assert named.period is None and "No quarterly values" in named.period_note
    report = evaluate_resolution(store, [
        EvalItem(question="recycling rate this quarter", indicator_id=RECYCLING, area_code=HOME,
                 period="2024-25 Q2", frequency="quarterly"),
        EvalItem(question="recycling rate latest", indicator_id=RECYCLING, area_code=HOME, frequency="quarterly"),
    ], HOME)
    assert [r.ok for r in report.results] == [True, False]  # the frequency label is checked
