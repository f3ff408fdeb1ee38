"""Charts (PNG, matplotlib Agg) with a true time axis: the council's series, the comparator median and middle half
for every period the group has, targets, breaks in series and the periods with no data; a single period is drawn
as a comparison of the council with its group (ranked bars), not a one-point line.

Design rules (issue 16): periods are placed at the middle of the time they cover, so a missing year leaves a gap,
labelled "no data"; lines join only values one collection apart; the band and median are drawn wherever at least
two comparators have a value, whether or not the council has one; colours are colour-blind safe (orange and blue,
never red against green), every series also differs in line style or marker and the target is labelled where it is
drawn; text is large enough for a Slack thumbnail; the alt text (`alt_text`) is written into the PNG ("Description")
for the Slack upload to pass on (`read_alt_text`).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import IO, TYPE_CHECKING

from indicators.formatting import format_value
from indicators.models import IndicatorAnalysis
from indicators.periods import frequencies, frequency_of, parse_period

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from indicators.store import IndicatorStore

__all__ = ["alt_text", "band_series", "position", "read_alt_text", "render_trend_chart", "trend_figure"]

FIGSIZE = (7.0, 4.6)
DPI = 130
# Colour-blind safe (ColorBrewer Oranges/Blues, distinct in lightness too); the target's green is always dotted
# and labelled, so it is never told from the council's orange by colour alone.
COUNCIL = "#d94801"
MEDIAN = "#3182bd"
BAND = "#9ecae1"
TARGET = "#238b45"
GREY = "#636363"
OTHERS = "#bdbdbd"
NO_DATA = "#f0f0f0"
ALT_KEY = "Description"
# Two points more than this many collections apart are not joined (the periods between have no data).
GAP_FACTOR = 1.5


def position(period: str) -> float:
    """Where a period sits on the time axis: the middle of the time it covers, in decimal years."""
    p = parse_period(period)
    return (p.start + p.end) / 2.0


def _step(analysis: IndicatorAnalysis) -> float:
    if analysis.frequency == "quarterly":
        return 0.25
    if analysis.frequency == "monthly":
        return 1.0 / 12.0
    return analysis.cadence_years or 1.0


def _group_rows(analysis: IndicatorAnalysis, store: IndicatorStore) -> tuple[pd.DataFrame, str]:
    c = analysis.comparators
    rows = store.values(analysis.info.indicator_id)
    if c is not None and c.comparison == "neighbours":
        group = store.comparator_group(analysis.info.indicator_id, analysis.area_code)
        rows = rows[rows["area_code"].isin(group[1] if group else [])]
        return rows, "comparator median"
    name = store.dataset(analysis.info.dataset).national_label if analysis.info.dataset else "all councils"
    return rows, f"median of {name}"


def band_series(analysis: IndicatorAnalysis, store: IndicatorStore) -> list[tuple[str, float, float, float]]:
    """(period, median, lower quartile, upper quartile) of the comparators for every period of the analysed
    frequency that at least two of them report, from the first to the last period of the council's series."""
    if analysis.comparators is None or not analysis.series:
        return []
    rows, _ = _group_rows(analysis, store)
    all_periods = list(store.values(analysis.info.indicator_id)["period"].unique())
    freq_of = frequencies(all_periods)
    first, last = position(analysis.series[0].period), position(analysis.series[-1].period)
    out = []
    for period, sub in rows.groupby("period", sort=False):
        period = str(period)
        if freq_of.get(period, frequency_of(period)) != analysis.frequency:
            continue
        x = position(period)
        values = sub["value"].dropna().astype("float64")
        if first - 1e-9 <= x <= last + 1e-9 and len(values) >= 2:
            out.append((period, float(values.median()), float(values.quantile(0.25)), float(values.quantile(0.75))))
    return sorted(out, key=lambda t: position(t[0]))


def _runs(xs: list[float], step: float) -> list[list[int]]:
    """Indices of xs (sorted) split wherever two neighbours are more than GAP_FACTOR collections apart."""
    runs: list[list[int]] = []
    for i, x in enumerate(xs):
        if runs and x - xs[runs[-1][-1]] <= GAP_FACTOR * step + 1e-9:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _no_data(analysis: IndicatorAnalysis, store: IndicatorStore) -> list[str]:
    """Periods inside the council's span, one collection apart from its values, for which it has no value."""
    from indicators.analysis import missing_between

    held = [p.period for p in analysis.series if p.value is not None]
    others = {str(p) for p in store.values(analysis.info.indicator_id)["period"].unique()}
    gaps: list[str] = []
    for a, b in zip(held, held[1:], strict=False):
        between = [p for p in others if position(a) < position(p) < position(b)
                   and frequency_of(p) == frequency_of(a)]
        expected = missing_between(a, b, analysis.cadence_years)
        gaps += sorted(set(between) | set(expected), key=position)
    return list(dict.fromkeys(gaps))


def render_trend_chart(analysis: IndicatorAnalysis, store: IndicatorStore, out: Path) -> Path:
    """Draw the chart for an analysis and write it atomically as PNG (its alt text in the metadata)."""
    fig = trend_figure(analysis, store)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.png")
    fig.savefig(tmp, format="png", metadata={ALT_KEY: alt_text(analysis, store), "Title": analysis.info.name})
    os.replace(tmp, out)
    return out


def read_alt_text(path: Path | str | IO[bytes]) -> str:
    """The alt text written into a chart PNG (a path, or its bytes as a file) by render_trend_chart ("" when there is
    none)."""
    from PIL import Image

    with Image.open(path) as img:
        return str(img.info.get(ALT_KEY, ""))


def _polarity_words(analysis: IndicatorAnalysis) -> str:
    return {"higher_is_better": "higher is better", "lower_is_better": "lower is better",
            "closer_to_target": "nearer the ideal is better"}.get(analysis.info.polarity or "", "")


def _title(analysis: IndicatorAnalysis, extra: str = "") -> str:
    name = analysis.info.name if len(analysis.info.name) <= 60 else analysis.info.name[:57] + "..."
    polarity = _polarity_words(analysis)
    return f"{name}\n{analysis.area_name}{extra}" + (f" ({polarity})" if polarity else "")


def trend_figure(analysis: IndicatorAnalysis, store: IndicatorStore) -> Figure:
    """The chart as a matplotlib Figure (Agg): a time-axis trend, or a comparison when only one period is held."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MplFigure

    fig = MplFigure(figsize=FIGSIZE, dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)  # so fig.canvas.draw() lays the figure out as saving does
    ax = fig.add_subplot(1, 1, 1)
    points = [p for p in analysis.series if p.value is not None]
    if len(points) <= 1 and not analysis.in_year:
        _comparison(ax, analysis, store)
    else:
        _trend(ax, analysis, store)
    ax.tick_params(axis="both", labelsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    handles, _ = ax.get_legend_handles_labels()
    if handles:
        # Below the plot: inside the axes, loc="best" ignores the band (a PolyCollection) and could cover it.
        fig.legend(fontsize=10, loc="outside lower center", ncol=min(3, len(handles)), frameon=False)
    return fig


def _trend(ax: Axes, analysis: IndicatorAnalysis, store: IndicatorStore) -> None:
    unit = analysis.info.unit
    step = _step(analysis)
    points = [p for p in analysis.series if p.value is not None]
    xs = [position(p.period) for p in points]
    ys = [float(p.value or 0.0) for p in points]

    band = band_series(analysis, store)
    if band:
        _, label = _group_rows(analysis, store)
        bx = [position(b[0]) for b in band]
        for k, run in enumerate(_runs(bx, step)):
            rx = [bx[i] for i in run]
            if len(run) == 1:  # one period: a bar for the middle half, a tick for the median
                ax.errorbar(rx, [band[run[0]][1]], yerr=[[band[run[0]][1] - band[run[0]][2]],
                                                        [band[run[0]][3] - band[run[0]][1]]],
                            fmt="_", color=MEDIAN, ecolor=BAND, elinewidth=8, markersize=14,
                            label=None if k else label)
                continue
            ax.fill_between(rx, [band[i][2] for i in run], [band[i][3] for i in run], color=BAND, alpha=0.5,
                            linewidth=0, label=None if k else "middle half of comparators")
            ax.plot(rx, [band[i][1] for i in run], color=MEDIAN, linestyle="--", linewidth=2.2,
                    label=None if k else label)

    breaks = {position(b) for b in analysis.breaks}
    council_runs = []
    for run in _runs(xs, step):
        # A break in series also ends a line: values either side of it are not comparable.
        current = [run[0]]
        for i in run[1:]:
            if xs[i] in breaks:
                council_runs.append(current)
                current = []
            current.append(i)
        council_runs.append(current)
    for k, run in enumerate(council_runs):
        ax.plot([xs[i] for i in run], [ys[i] for i in run], color=COUNCIL, marker="o", linewidth=3, markersize=7,
                label=None if k else analysis.area_name, zorder=5)

    if analysis.in_year:
        # In-year quarters at their own time, unjoined to the annual values: not comparable with them.
        in_year = [p for p in analysis.in_year if p.value is not None]
        ax.plot([position(p.period) for p in in_year], [float(p.value or 0.0) for p in in_year], color=COUNCIL,
                marker="o", markerfacecolor="white", markersize=7, linewidth=1.5, linestyle=":",
                label="in-year (not annual)", zorder=5)

    _targets(ax, analysis)
    gaps = _no_data(analysis, store)
    for period in gaps:
        x = position(period)
        ax.axvspan(x - step / 2, x + step / 2, color=NO_DATA, zorder=0)
        ax.annotate("no data", (x, 0.5), xycoords=("data", "axes fraction"), fontsize=10, rotation=90,
                    ha="center", va="center", color=GREY)
    labelled = {p.period: position(p.period) for p in analysis.series}
    for period in analysis.breaks:
        if period in labelled:
            earlier = [x for x in labelled.values() if x < labelled[period]]
            x = (labelled[period] + max(earlier)) / 2 if earlier else labelled[period] - step / 2
            ax.axvline(x, color=GREY, linewidth=1.5)
            ax.annotate("break in series", (x, 1.0), xycoords=("data", "axes fraction"), fontsize=10,
                        rotation=90, va="top", ha="right", color=GREY)

    ticks = {**labelled, **{p.period: position(p.period) for p in analysis.in_year}, **{g: position(g) for g in gaps}}
    ordered = sorted(ticks.items(), key=lambda kv: kv[1])
    # Labels at least a twelfth of the axis apart (the latest always shown), so none overlap at thumbnail size.
    spacing = (ordered[-1][1] - ordered[0][1]) / 12 if len(ordered) > 1 else 0.0
    shown: list[tuple[str, float]] = []
    for period, x in reversed(ordered):
        if not shown or shown[-1][1] - x >= spacing - 1e-9:
            shown.append((period, x))
    shown.reverse()
    ax.set_xticks([x for _, x in shown], [p for p, _ in shown], fontsize=11,
                  rotation=45 if len(shown) > 5 else 0, ha="right" if len(shown) > 5 else "center")
    pad = step * 0.6
    lo = min([x for _, x in ordered] + xs)
    hi = max([x for _, x in ordered] + xs + _target_xs(analysis))
    ax.set_xlim(lo - pad, hi + pad)
    ax.set_ylabel(unit, fontsize=12)
    ax.set_title(_title(analysis), fontsize=13)
    ax.grid(axis="y", alpha=0.3)


def _target_xs(analysis: IndicatorAnalysis) -> list[float]:
    info = analysis.info
    if info.has_dated_target(analysis.area_code):
        return [position(info.target_period)]
    return []


def _targets(ax: Axes, analysis: IndicatorAnalysis) -> None:
    targets = [(position(p.period), float(p.target)) for p in analysis.series if p.target is not None]
    if targets:
        ax.step([x for x, _ in targets], [t for _, t in targets], where="mid", color=TARGET, linewidth=2,
                linestyle=":", label="target")
        ax.annotate("target", targets[-1], xytext=(4, 4), textcoords="offset points", fontsize=10, color=TARGET)
    info = analysis.info
    if info.target_value is not None and info.has_dated_target(analysis.area_code):
        x = position(info.target_period)
        ax.plot([x], [info.target_value], marker="*", markersize=14, color=TARGET, linestyle="none",
                label=f"target for {info.target_period}")
        if analysis.series and analysis.series[-1].value is not None:
            last = analysis.series[-1]
            ax.plot([position(last.period), x], [float(last.value or 0.0), info.target_value], color=TARGET,
                    linewidth=1.2, linestyle=(0, (1, 3)))
    if info.midpoint is not None:
        ax.axhline(info.midpoint, color=TARGET, linewidth=1.5, linestyle=":", label="ideal")


def _comparison(ax: Axes, analysis: IndicatorAnalysis, store: IndicatorStore) -> None:
    """One period: the council against every comparator with a value then, ranked (best at the top when the
    polarity is known), the median as a dashed line."""
    unit = analysis.info.unit
    period = analysis.latest.period
    c = analysis.comparators
    rows = store.values(analysis.info.indicator_id)
    at = rows[rows["period"] == (c.period if c is not None else period)]
    if c is not None:
        at = at[at["area_code"].isin(c.members)]
    else:
        at = at[at["area_code"] == analysis.area_code]
    values = {str(code): float(v) for code, v in zip(at["area_code"], at["value"], strict=True)}
    reverse = analysis.info.polarity != "lower_is_better"
    ideal = analysis.info.midpoint
    if analysis.info.polarity == "closer_to_target" and ideal is not None:
        order = sorted(values, key=lambda k: -abs(values[k] - ideal))
    else:
        order = sorted(values, key=lambda k: values[k], reverse=not reverse)
    names = [store.area_name(k) for k in order]
    colours = [COUNCIL if k == analysis.area_code else OTHERS for k in order]
    ax.barh(range(len(order)), [values[k] for k in order], color=colours, height=0.7)
    ax.set_yticks(range(len(order)), [n if len(n) <= 28 else n[:26] + "..." for n in names],
                  fontsize=10 if len(order) <= 16 else 7)
    for i, k in enumerate(order):
        if k == analysis.area_code:
            ax.annotate(format_value(values[k], unit), (values[k], i), xytext=(4, 0), textcoords="offset points",
                        va="center", fontsize=11, color=COUNCIL, fontweight="bold")
    for label in ax.get_yticklabels():
        if label.get_text() == analysis.area_name:
            label.set_fontweight("bold")
    from matplotlib.patches import Rectangle

    # Legend proxies (empty, at the bars' base): the bars carry no label, so each colour is named once.
    ax.add_patch(Rectangle((0, 0), 0, 0, color=COUNCIL, label=analysis.area_name))
    if len(values) > 1:
        ax.add_patch(Rectangle((0, 0), 0, 0, color=OTHERS,
                               label=c.group_name.replace("_", " ") if c is not None else "others"))
    if c is not None and len(values) >= 2:
        ax.axvline(c.median, color=MEDIAN, linestyle="--", linewidth=2, label="median of the group")
    ax.set_xlabel(unit, fontsize=12)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(_title(analysis, f", {c.period if c is not None else period}"), fontsize=13)


def alt_text(analysis: IndicatorAnalysis, store: IndicatorStore) -> str:
    """A plain-text description of the chart for screen readers (Slack's alt text), every number printed by the one
    formatter."""
    unit = analysis.info.unit
    points = [p for p in analysis.series if p.value is not None]
    name, area = analysis.info.name, analysis.area_name
    c = analysis.comparators
    if len(points) <= 1 and not analysis.in_year:
        text = f"Bar chart of {name} in {analysis.latest.period}: {area} {format_value(analysis.latest.value, unit)}"
        if c is not None:
            rank = f", ranked {c.rank} of {c.n}" if c.rank is not None else ""
            text += (f" against {c.group_name.replace('_', ' ')} ({c.n} councils, median "
                     f"{format_value(c.median, unit)}){rank}")
        return text + "."
    first, last = points[0], points[-1]
    text = (f"Line chart of {name} for {area}, {first.period} to {last.period}: from "
            f"{format_value(float(first.value or 0.0), unit)} to {format_value(float(last.value or 0.0), unit)}")
    band = band_series(analysis, store)
    if band:
        text += (f"; the comparators' median went from {format_value(band[0][1], unit)} in {band[0][0]} to "
                 f"{format_value(band[-1][1], unit)} in {band[-1][0]}, with their middle half shaded")
    gaps = _no_data(analysis, store)
    if gaps:
        text += f"; no data for {', '.join(gaps)}"
    if analysis.breaks:
        text += f"; break in series at {', '.join(analysis.breaks)}"
    if any(p.target is not None for p in analysis.series):
        text += "; the target is drawn as a dotted line"
    polarity = _polarity_words(analysis)
    return text + (f" ({polarity})." if polarity else ".")
