"""Analysis rules on small hand-made tables whose answers are known: polarity, RAG, ranks, XmR, caveats."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from indicators.analysis import RAG_TOLERANCE, analyse, band_wording
from indicators.errors import IndicatorError
from indicators.store import IndicatorStore
from tests.indicator_checks import unmatched_numbers

YEARS = [f"{y}-{(y + 1) % 100:02d}" for y in range(2012, 2023)]  # 11 financial years


def _csv(rows: list[dict[str, object]]) -> str:
    cols = ["indicator_id", "indicator_name", "area_code", "area_name", "period", "value", "unit", "polarity",
            "target", "note", "denominator"]
    lines = [",".join(cols)]
    for r in rows:
        lines.append(",".join(str(r.get(c, "")) for c in cols))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> IndicatorStore:
    tmp = tmp_path_factory.mktemp("rules")
    rows: list[dict[str, object]] = []
    # DAYS: lower is better; council A falls steadily; 8 councils in A's group.
    a_days = [30, 29, 31, 28, 27, 26, 25, 24, 23, 22, 21]
    for year, v in zip(YEARS, a_days, strict=True):
        rows.append(dict(indicator_id="DAYS", indicator_name="Days to re-let a home", area_code="A",
                         area_name="Alpha", period=year, value=v, unit="days", polarity="lower_is_better",
                         target=22))
    others = {"B": 18, "C": 25, "D": 30, "E": 19.5, "F": 40, "G": 21, "H": 33, "Z": 10}
    for code, v in others.items():
        rows.append(dict(indicator_id="DAYS", indicator_name="Days to re-let a home", area_code=code,
                         area_name=f"Council {code}", period=YEARS[-1], value=v, unit="days",
                         polarity="lower_is_better"))
    # SPIKE: higher is better, stable noise then a jump at the end (XmR signal).
    spike = [50, 51, 49, 50, 52, 48, 50, 51, 49, 50, 70]
    for year, v in zip(YEARS, spike, strict=True):
        rows.append(dict(indicator_id="SPIKE", indicator_name="Spike measure", area_code="A", area_name="Alpha",
                         period=year, value=v, unit="%", polarity="higher_is_better", target=69))
    for code, v in {"B": 80, "C": 75, "D": 72, "E": 71}.items():
        rows.append(dict(indicator_id="SPIKE", indicator_name="Spike measure", area_code=code,
                         area_name=f"Council {code}", period=YEARS[-1], value=v, unit="%",
                         polarity="higher_is_better"))
    # SHORT: four periods, a break in series note, a missing period, small denominator, base effect.
    for year, v, note, den in [("2017-18", 35, "", 25), ("2018-19", 40, "", 25), ("2019-20", 10, "", 25),
                               ("2020-21", 30, "Definition changed to include agency staff", 25),
                               ("2022-23", 45, "", 12)]:
        rows.append(dict(indicator_id="SHORT", indicator_name="Short measure", area_code="A", area_name="Alpha",
                         period=year, value=v, unit="%", polarity="higher_is_better", note=note,
                         denominator=den))
    rows.append(dict(indicator_id="SHORT", indicator_name="Short measure", area_code="B", area_name="Council B",
                     period="2021-22", value=33, unit="%", polarity="higher_is_better"))
    # MID: closer to a midpoint (from metadata) is better; aggregate periods.
    for year, v in [("2015-18", 40), ("2016-19", 45), ("2017-20", 52), ("2018-21", 49)]:
        rows.append(dict(indicator_id="MID", indicator_name="Balanced measure", area_code="A", area_name="Alpha",
                         period=year, value=v, unit="%", polarity="closer_to_target"))
    for code, v in {"B": 50, "C": 60, "D": 35}.items():
        rows.append(dict(indicator_id="MID", indicator_name="Balanced measure", area_code=code,
                         area_name=f"Council {code}", period="2018-21", value=v, unit="%",
                         polarity="closer_to_target"))
    data = tmp / "kpis.csv"
    data.write_text(_csv(rows))
    meta = tmp / "meta.csv"
    meta.write_text("indicator_id,name,midpoint\nMID,Balanced measure,50\n")
    groups = tmp / "groups.csv"
    groups.write_text("area_code,group,member_code\n" + "".join(f"A,Alpha's family,{m}\n" for m in "BCDEFGH"))
    s = IndicatorStore(tmp / "home")
    s.import_file(data, meta=meta, groups=groups, dataset="rules")
    return s


def test_lower_is_better_trend_rank_quartile_and_best_neighbour(store: IndicatorStore) -> None:
    a = analyse(store, "DAYS", "A")
    assert a.latest.value == 21 and a.previous is not None and a.previous.value == 22
    assert a.direction == "improving"
    assert a.change is not None and a.change.absolute == -1 and a.change.percent == pytest.approx(-100 / 22)
    assert a.consecutive == 8 and a.consecutive_direction == "improving"  # every step since 31 in 2014-15
    c = a.comparators
    assert c is not None and c.comparison == "neighbours" and c.n == 8  # Z is not in the group
    group = np.array([21, 18, 25, 30, 19.5, 40, 21, 33])
    assert c.median == pytest.approx(np.median(group))
    assert (c.q1, c.q3) == (pytest.approx(np.percentile(group, 25)), pytest.approx(np.percentile(group, 75)))
    assert c.rank == 3  # 18 and 19.5 are better; G ties with A at 21 and shares the rank
    assert c.quartile == 2
    assert c.best_code == "B" and c.best_name == "Council B" and c.best_value == 18
    national = np.array([21, 18, 25, 30, 19.5, 40, 21, 33, 10])
    med = np.median(national)
    mad = np.median(np.abs(national - med))
    assert c.national_median == pytest.approx(med) and c.mads == pytest.approx((21 - med) / mad)
    # Oflog's MAD bands are for Oflog-style English data only, not a council's own tidy data (issue 16).
    assert c.mads_band == "" and c.mads_judgement == "" and c.terms == "local"
    assert a.target is not None and a.target.met and a.target.rag == "green"
    assert unmatched_numbers(a) == []


def test_xmr_flags_a_spike_and_target_rag_uses_tolerance(store: IndicatorStore) -> None:
    a = analyse(store, "SPIKE", "A")
    assert a.signal.method == "xmr" and a.signal.points == 11
    values = [50, 51, 49, 50, 52, 48, 50, 51, 49, 50, 70]
    centre = float(np.mean(values))
    mr = float(np.mean(np.abs(np.diff(values))))
    assert a.signal.centre == pytest.approx(centre)
    assert a.signal.upper_limit == pytest.approx(centre + 2.66 * mr)
    assert a.signal.beyond_limits == ["2022-23"]
    assert "signal" in a.signal.verdict
    # 70 against a target of 69 (higher is better): met; the group ranks it last -> green but bottom quartile.
    assert a.target is not None and a.target.met and a.target.green_but_bottom_quartile
    assert any("bottom quartile" in s for s in a.sentences)
    assert a.change is not None and a.change.points == 20
    assert unmatched_numbers(a) == []


def test_short_series_caveats_breaks_missing_small_numbers_base_effect(store: IndicatorStore) -> None:
    a = analyse(store, "SHORT", "A", comparison="none")
    assert a.signal.method == "too short" and "too short to tell" in a.signal.verdict
    assert a.breaks == ["2020-21"]
    text = " ".join(a.caveats)
    assert "Break in series at 2020-21" in text
    assert "2021-22" in text  # missing for A though council B has it
    assert "denominator of 12" in text
    assert a.comparators is None
    b = analyse(store, "SHORT", "A", period="2020-21", comparison="none")
    assert b.latest.value == 30 and b.change is not None and b.change.from_value == 10
    assert any(c.startswith("Base effect") for c in b.caveats)  # +200% from the lowest value
    assert unmatched_numbers(a) == [] and unmatched_numbers(b) == []


def test_since_and_last_n_select_the_span(store: IndicatorStore) -> None:
    a = analyse(store, "DAYS", "A", since="2019")
    assert [p.period for p in a.series] == YEARS[7:]
    assert a.span_change is not None and a.span_change.from_period == "2019-20" and a.span_change.absolute == -3
    b = analyse(store, "DAYS", "A", last_n=3)
    assert [p.period for p in b.series] == YEARS[-3:]
    with pytest.raises(IndicatorError, match="since 2030"):
        analyse(store, "DAYS", "A", since="2030")
    with pytest.raises(IndicatorError, match="no DAYS value"):
        analyse(store, "DAYS", "A", period="2001-02")


def test_closer_to_midpoint_is_better_and_aggregates_are_caveated(store: IndicatorStore) -> None:
    a = analyse(store, "MID", "A", comparison="national")
    assert a.info.midpoint == 50
    assert a.change is not None and a.change.direction == "improving"  # 52 -> 49 is nearer 50
    assert a.consecutive == 3
    assert a.comparators is not None and a.comparators.rank == 2  # B (50) is exactly on the midpoint
    assert any("multi-year aggregates" in c for c in a.caveats)


def test_rag_tolerance_amber_then_red(tmp_path: Path) -> None:
    rows = [dict(indicator_id="T", indicator_name="T", area_code=c, area_name=c, period="2022-23", value=v,
                 unit="", polarity="higher_is_better", target=100) for c, v in (("A", 96), ("B", 94))]
    (tmp_path / "t.csv").write_text(_csv(rows))
    s = IndicatorStore(tmp_path / "home")
    s.import_file(tmp_path / "t.csv")
    amber, red = analyse(s, "T", "A"), analyse(s, "T", "B")
    assert RAG_TOLERANCE == 0.05
    assert amber.target is not None and amber.target.rag == "amber" and amber.target.gap == -4
    assert red.target is not None and red.target.rag == "red" and not red.target.met


@pytest.mark.parametrize(("mads", "wording"), [(0.5, "broadly similar"), (-0.51, "slightly lower"),
                                               (1.5, "slightly higher"), (3.0000000003, "higher"),
                                               (-3.2, "much lower")])
def test_oflog_band_wording(mads: float, wording: str) -> None:
    assert band_wording(mads) == wording
