"""Charts with a true time axis (issue 16): a missing year leaves a gap labelled "no data", the comparator band covers
every period the group has, a single period is drawn as a comparison, and the PNG carries alt text."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from indicators.analysis import analyse
from indicators.charts import render_trend_chart, trend_figure
from indicators.periods import parse_period
from indicators.store import IndicatorStore

DORSET, LANCASHIRE = "E06000059", "E10000017"
COUNCIL, MEDIAN = "#d94801", "#3182bd"  # the council's series and the comparators' median


def position(period: str) -> float:
    """Where a period belongs on a time axis: the middle of the time it covers, in years."""
    p = parse_period(period)
    return (p.start + p.end) / 2.0


def read_alt_text(path: Path) -> str:
    from PIL import Image

    with Image.open(path) as img:
        return str(img.info.get("Description", ""))
ROWS = """indicator_id,indicator_name,area_code,area_name,period,value,unit,polarity
REC,Recycling rate,A,Alpha,2019-20,40,%,higher_is_better
REC,Recycling rate,A,Alpha,2020-21,42,%,higher_is_better
REC,Recycling rate,A,Alpha,2022-23,46,%,higher_is_better
REC,Recycling rate,B,Beta,2019-20,50,%,higher_is_better
REC,Recycling rate,B,Beta,2020-21,51,%,higher_is_better
REC,Recycling rate,B,Beta,2021-22,52,%,higher_is_better
REC,Recycling rate,B,Beta,2022-23,53,%,higher_is_better
REC,Recycling rate,C,Gamma,2019-20,30,%,higher_is_better
REC,Recycling rate,C,Gamma,2020-21,31,%,higher_is_better
REC,Recycling rate,C,Gamma,2021-22,32,%,higher_is_better
REC,Recycling rate,C,Gamma,2022-23,33,%,higher_is_better
"""


def _council_xs(ax) -> list[float]:  # noqa: ANN001
    xs: list[float] = []
    for line in ax.get_lines():
        if line.get_color() == COUNCIL and line.get_marker() == "o" and line.get_linestyle() == "-":
            xs += [float(x) for x in line.get_xdata()]
    return sorted(xs)


def _median_xs(ax) -> list[float]:  # noqa: ANN001
    return sorted(float(x) for line in ax.get_lines() if line.get_color() == MEDIAN for x in line.get_xdata())


def _band_xs(ax) -> list[float]:  # noqa: ANN001
    xs: list[float] = []
    for coll in ax.collections:
        for path in coll.get_paths():
            xs += [float(x) for x in path.vertices[:, 0]]
    return xs


def _texts(ax) -> list[tuple[str, float]]:  # noqa: ANN001
    return [(t.get_text(), float(t.xy[0])) for t in ax.texts]


@pytest.fixture()
def small(tmp_path: Path) -> IndicatorStore:
    (tmp_path / "kpis.csv").write_text(ROWS)
    store = IndicatorStore(tmp_path / "home")
    store.import_file(tmp_path / "kpis.csv")
    return store


def test_a_missing_year_leaves_a_gap_and_the_band_covers_it(small: IndicatorStore) -> None:
    a = analyse(small, "REC", "A", comparison="national")
    fig = trend_figure(a, small)
    fig.canvas.draw()
    (ax,) = fig.axes
    xs = _council_xs(ax)
    assert xs == [position("2019-20"), position("2020-21"), position("2022-23")]
    assert xs[2] - xs[1] == pytest.approx(2 * (xs[1] - xs[0]))  # two years apart, drawn two years apart
    # The two sides of the gap are not joined by one line.
    lines = [line for line in ax.get_lines() if line.get_color() == COUNCIL and line.get_linestyle() == "-"]
    assert sorted(len(line.get_xdata()) for line in lines) == [1, 2]
    assert ("no data", position("2021-22")) in _texts(ax)
    # The comparators' median and middle half are drawn for every period they report, 2021-22 included.
    assert _median_xs(ax) == [position(p) for p in ("2019-20", "2020-21", "2021-22", "2022-23")]
    assert min(_band_xs(ax)) == pytest.approx(position("2019-20"))
    assert max(_band_xs(ax)) == pytest.approx(position("2022-23"))
    assert "2021-22" in [t.get_text() for t in ax.get_xticklabels()]


@pytest.mark.shared
def test_dorset_turnover_chart_is_on_a_time_axis(shared_dir: Path, tmp_path: Path) -> None:
    store = IndicatorStore(tmp_path / "home")
    store.import_file(shared_dir / "data" / "oflog_asc", fmt="oflog")
    a = analyse(store, "ASC7", DORSET, since="2019-20")
    fig = trend_figure(a, store)
    fig.canvas.draw()
    (ax,) = fig.axes
    xs = _council_xs(ax)
    assert xs == [position(p) for p in ("2019-20", "2020-21", "2022-23")]
    assert xs[2] - xs[1] == pytest.approx(2.0) and xs[1] - xs[0] == pytest.approx(1.0)
    assert ("no data", position("2021-22")) in _texts(ax)
    # Every period in which two or more of Dorset's neighbours report has its median drawn (pandas, raw file).
    folder = shared_dir / "data" / "oflog_asc"
    data = pd.read_csv(folder / "asc_data.csv").dropna(subset=["Value"])
    members = json.loads((folder / "nearest_neighbours.json").read_text())[DORSET]
    group = data[(data["Code"] == "ASC7") & data["Local authority code"].isin(members)]
    counts = group.groupby("Financial year")["Value"].count()
    held = sorted(p for p, n in counts.items() if n >= 2 and "2019-20" <= p <= "2022-23")
    assert held == ["2019-20", "2020-21", "2021-22", "2022-23"]
    assert _median_xs(ax) == [position(p) for p in held]
    medians = group.groupby("Financial year")["Value"].median()
    line = next(line for line in ax.get_lines() if line.get_color() == MEDIAN)
    assert list(line.get_ydata()) == pytest.approx([medians[p] for p in held])
    out = render_trend_chart(a, store, tmp_path / "dorset.png")
    assert "no data for 2021-22" in read_alt_text(out) and "Workforce turnover rate" in read_alt_text(out)


@pytest.mark.shared
def test_a_year_nobody_collected_is_a_gap_for_council_and_band(shared_dir: Path, tmp_path: Path) -> None:
    store = IndicatorStore(tmp_path / "home")
    store.import_file(shared_dir / "data" / "oflog_asc", fmt="oflog")
    a = analyse(store, "ASC2", LANCASHIRE)
    fig = trend_figure(a, store)
    fig.canvas.draw()
    (ax,) = fig.axes
    gap = position("2020-21")
    assert gap not in _council_xs(ax) and ("no data", gap) in _texts(ax)
    assert all(not (a_ < gap < b) for a_, b in zip(_council_xs(ax), _council_xs(ax)[1:], strict=False)
               if b - a_ <= 1.5)
    # No band polygon spans the year no council has: it is split either side of it.
    for coll in ax.collections:
        for path in coll.get_paths():
            xs = path.vertices[:, 0]
            assert not (xs.min() < gap < xs.max())
    assert any("not collected" in c for c in a.caveats)


@pytest.mark.shared
def test_biennial_series_has_no_false_gaps(shared_dir: Path, tmp_path: Path) -> None:
    store = IndicatorStore(tmp_path / "home")
    store.import_file(shared_dir / "data" / "lgbf", fmt="lgbf")
    a = analyse(store, "SW04c", "S-fife")
    fig = trend_figure(a, store)
    (ax,) = fig.axes
    assert "no data" not in [t for t, _ in _texts(ax)]
    lines = [line for line in ax.get_lines() if line.get_color() == COUNCIL and line.get_linestyle() == "-"]
    assert len(lines) == 1 and len(lines[0].get_xdata()) == 5  # every survey, joined


@pytest.mark.shared
def test_a_single_period_is_drawn_as_a_comparison(shared_dir: Path, tmp_path: Path) -> None:
    store = IndicatorStore(tmp_path / "home")
    store.import_file(shared_dir / "data" / "oflog_asc", fmt="oflog")
    a = analyse(store, "ASC7", DORSET, last_n=1)
    assert len(a.series) == 1 and a.comparators is not None
    fig = trend_figure(a, store)
    fig.canvas.draw()
    (ax,) = fig.axes
    bars = [p for p in ax.patches if p.get_height() > 0]
    assert len(bars) == a.comparators.n == 16
    highlighted = [p for p in bars if p.get_facecolor()[:3] == pytest.approx((0xD9 / 255, 0x48 / 255, 0x01 / 255))]
    assert len(highlighted) == 1 and highlighted[0].get_width() == pytest.approx(a.latest.value)
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    # Only what is drawn is in the legend: no band, no trend line.
    assert labels == ["Dorset", "CIPFA nearest neighbours", "median of the group"]
    # Lower is better: the best (lowest) council at the top (the last bar up the axis).
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names[-1] == a.comparators.best_name
    out = render_trend_chart(a, store, tmp_path / "single.png")
    assert read_alt_text(out).startswith("Bar chart of Workforce turnover rate in 2022-23: Dorset 39.4%")


def test_readable_at_thumbnail_size(small: IndicatorStore, tmp_path: Path) -> None:
    from PIL import Image

    a = analyse(small, "REC", "A", comparison="national")
    fig = trend_figure(a, small)
    (ax,) = fig.axes
    assert min(t.get_fontsize() for t in ax.get_xticklabels() + ax.get_yticklabels()) >= 10
    assert ax.title.get_fontsize() >= 12
    out = render_trend_chart(a, small, tmp_path / "rec.png")
    with Image.open(out) as img:
        assert 800 <= img.size[0] <= 1400 and 400 <= img.size[1] <= 800
