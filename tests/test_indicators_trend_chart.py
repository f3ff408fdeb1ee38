"""Trend charts are real PNGs with the council's series, the comparator band, the target and breaks drawn."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators.analysis import analyse
from indicators.charts import render_trend_chart
from indicators.store import IndicatorStore

ROWS = """indicator_id,indicator_name,area_code,area_name,period,value,unit,polarity,target,note
REC,Recycling rate,A,Alpha,2019-20,40,%,higher_is_better,45,
REC,Recycling rate,A,Alpha,2020-21,42,%,higher_is_better,45,Method changed
REC,Recycling rate,A,Alpha,2021-22,46,%,higher_is_better,45,
REC,Recycling rate,B,Beta,2020-21,50,%,higher_is_better,,
REC,Recycling rate,B,Beta,2021-22,52,%,higher_is_better,,
REC,Recycling rate,C,Gamma,2020-21,30,%,higher_is_better,,
REC,Recycling rate,C,Gamma,2021-22,31,%,higher_is_better,,
"""


def test_chart_is_a_png_of_readable_size_with_its_parts(tmp_path: Path) -> None:
    from PIL import Image

    (tmp_path / "kpis.csv").write_text(ROWS)
    store = IndicatorStore(tmp_path / "home")
    store.import_file(tmp_path / "kpis.csv")
    a = analyse(store, "REC", "A", comparison="national")
    assert a.breaks == ["2020-21"]
    out = render_trend_chart(a, store, tmp_path / "charts" / "rec.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(out) as img:
        width, height = img.size
        colours = img.convert("RGB").getcolors(maxcolors=1_000_000) or []
    assert 800 <= width <= 1400 and 400 <= height <= 800
    present = {rgb for _, rgb in colours}
    # Series (orange), comparator median (blue), target (green) and break line (grey) are all drawn.
    for rgb in [(0xD9, 0x48, 0x01), (0x31, 0x82, 0xBD), (0x23, 0x8B, 0x45), (0x63, 0x63, 0x63)]:
        assert rgb in present, rgb
    assert not list((tmp_path / "charts").glob(".*"))  # no temp file left behind


def test_chart_without_comparators_or_target(tmp_path: Path) -> None:
    (tmp_path / "kpis.csv").write_text(ROWS)
    store = IndicatorStore(tmp_path / "home")
    store.import_file(tmp_path / "kpis.csv")
    out = render_trend_chart(analyse(store, "REC", "C", comparison="none"), store, tmp_path / "c.png")
    assert out.stat().st_size > 5000


@pytest.mark.shared
def test_chart_on_real_lgbf_series(shared_dir: Path, tmp_path: Path) -> None:
    store = IndicatorStore(tmp_path / "home")
    store.import_file(shared_dir / "data" / "lgbf", fmt="lgbf")
    out = render_trend_chart(analyse(store, "ENV07a", "S-highland"), store, tmp_path / "env07a.png")
    assert out.exists() and out.stat().st_size > 10000


def test_legend_sits_outside_the_plot_so_it_hides_no_data(tmp_path: Path) -> None:
    from indicators.charts import trend_figure

    (tmp_path / "kpis.csv").write_text(ROWS)
    store = IndicatorStore(tmp_path / "home")
    store.import_file(tmp_path / "kpis.csv")
    fig = trend_figure(analyse(store, "REC", "A", comparison="national"), store)
    fig.canvas.draw()
    (ax,) = fig.axes
    legend = fig.legends[0] if fig.legends else ax.get_legend()
    box, plot = legend.get_window_extent(), ax.get_window_extent()
    assert not box.overlaps(plot), (box, plot)
    labels = [t.get_text() for t in legend.get_texts()]
    # A council's own data is not national: its whole-data median is named for what it is (issue 16).
    assert {"Alpha", "middle half of comparators", "median of all councils in the data", "target"} <= set(labels)
    # Nothing drawn outside the figure: the legend and the tick labels fit the canvas.
    canvas = fig.bbox
    assert canvas.x0 <= box.x0 and box.x1 <= canvas.x1 and canvas.y0 <= box.y0
