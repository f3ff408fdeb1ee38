"""The England-wide median and MAD distance the engine computes agree with Oflog's own MEDIAN and
MADs_from_median columns, and the Oflog band wording follows from them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from indicators.analysis import analyse
from indicators.store import IndicatorStore

pytestmark = pytest.mark.shared


def _oflog_wording(mads: float) -> str:
    a = round(abs(mads), 9)
    side = "higher" if mads > 0 else "lower"
    if a <= 0.5:
        return "broadly similar"
    if a <= 1.5:
        return f"slightly {side}"
    if a <= 3:
        return side
    return f"much {side}"


@pytest.fixture(scope="module")
def oflog(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[IndicatorStore, pd.DataFrame]:
    path = shared_dir / "data" / "oflog_asc" / "asc_data.csv"
    store = IndicatorStore(tmp_path_factory.mktemp("oflog") / "home")
    store.import_file(path, fmt="oflog")
    return store, pd.read_csv(path).dropna(subset=["Value"])


def _rows_to_check(raw: pd.DataFrame) -> pd.DataFrame:
    # Every council at each measure's latest year, plus every year for three councils.
    latest = raw[raw["Financial year"] == raw.groupby("Code")["Financial year"].transform("max")]
    some = raw[raw["Local authority code"].isin(["E06000005", "E09000010", "E10000007"])]
    return pd.concat([latest, some]).drop_duplicates()


def test_median_and_mads_match_oflog_columns(oflog: tuple[IndicatorStore, pd.DataFrame]) -> None:
    store, raw = oflog
    rows = _rows_to_check(raw)
    assert len(rows) > 1000
    wording_checked = 0
    for r in rows.itertuples(index=False):
        a = analyse(store, r.Code, r._1, period=r._0, comparison="neighbours")
        c = a.comparators
        assert c is not None, (r.Code, r._1, r._0)
        assert c.national_median == pytest.approx(r.MEDIAN, rel=1e-8), (r.Code, r._1, r._0)
        assert c.mads == pytest.approx(r.MADs_from_median, rel=1e-7, abs=1e-7), (r.Code, r._1, r._0)
        assert c.mads_band == _oflog_wording(r.MADs_from_median), (r.Code, r._1, r._0, r.MADs_from_median)
        wording_checked += 1
    assert wording_checked == len(rows)


def test_band_judgement_applies_polarity(oflog: tuple[IndicatorStore, pd.DataFrame]) -> None:
    store, raw = oflog
    # ASC7 (workforce turnover): lower is better, so "higher" than the median is worse.
    turnover = raw[(raw["Code"] == "ASC7") & (raw["Financial year"] == "2022-23") & (raw["MADs_from_median"] > 1)]
    code = turnover["Local authority code"].iloc[0]
    c = analyse(store, "ASC7", code).comparators
    assert c is not None and c.mads_band.endswith("higher") and c.mads_judgement == "worse"
    # ASC6 states no direction: no better/worse judgement and no rank.
    some = raw[(raw["Code"] == "ASC6") & (raw["MADs_from_median"].abs() > 1)].iloc[0]
    c6 = analyse(store, "ASC6", some["Local authority code"], period=some["Financial year"]).comparators
    assert c6 is not None and c6.mads_judgement == "" and c6.rank is None
