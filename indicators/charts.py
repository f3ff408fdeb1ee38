"""Trend charts (PNG, matplotlib Agg): the council's series, comparator median and middle half, target, breaks."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from indicators.models import IndicatorAnalysis

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from indicators.store import IndicatorStore

FIGSIZE = (7.0, 4.6)
DPI = 130


def _group_band(analysis: IndicatorAnalysis, store: IndicatorStore) -> tuple[list[int], list[float], list[float],
                                                                               list[float], str]:
    c = analysis.comparators
    if c is None:
        return [], [], [], [], ""
    rows = store.values(analysis.info.indicator_id)
    if c.comparison == "neighbours":
        group = store.comparator_group(analysis.info.indicator_id, analysis.area_code)
        members = group[1] if group else []
        rows = rows[rows["area_code"].isin(members)]
        label = "comparator median"
    else:
        label = "national median"
    xs, med, lo, hi = [], [], [], []
    for i, p in enumerate(analysis.series):
        vals = rows.loc[rows["period"] == p.period, "value"].astype("float64")
        if len(vals) >= 2:
            xs.append(i)
            med.append(float(vals.median()))
            lo.append(float(vals.quantile(0.25)))
            hi.append(float(vals.quantile(0.75)))
    return xs, med, lo, hi, label


def render_trend_chart(analysis: IndicatorAnalysis, store: IndicatorStore, out: Path) -> Path:
    """Draw the trend chart for an analysis and write it atomically as PNG; returns the path."""
    fig = trend_figure(analysis, store)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.png")
    fig.savefig(tmp, format="png")
    os.replace(tmp, out)
    return out


def trend_figure(analysis: IndicatorAnalysis, store: IndicatorStore) -> Figure:
    """The trend chart as a matplotlib Figure (Agg), legend below the plot so it never hides a line or the band."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure as MplFigure

    points = [(i, p) for i, p in enumerate(analysis.series) if p.value is not None]
    labels = [p.period for p in analysis.series] + [p.period for p in analysis.in_year]
    fig = MplFigure(figsize=FIGSIZE, dpi=DPI, layout="constrained")
    ax = fig.add_subplot(1, 1, 1)
    xs, med, lo, hi, label = _group_band(analysis, store)
    if xs:
        ax.fill_between(xs, lo, hi, color="#9ecae1", alpha=0.45, label="middle half of comparators", linewidth=0)
        ax.plot(xs, med, color="#3182bd", linestyle="--", linewidth=2, label=label)
    ax.plot([i for i, _ in points], [float(p.value or 0.0) for _, p in points], color="#d94801", marker="o",
            linewidth=3, markersize=7, label=analysis.area_name)
    if analysis.in_year:
        # In-year quarters sit after the annual series, unjoined to it: they are not comparable with annual values.
        first = len(analysis.series)
        in_year = [(first + i, p) for i, p in enumerate(analysis.in_year) if p.value is not None]
        ax.plot([i for i, _ in in_year], [float(p.value or 0.0) for _, p in in_year], color="#d94801", marker="o",
                markerfacecolor="white", markersize=7, linewidth=1.5, linestyle=":", label="in-year (not annual)")
    targets = [(i, p.target) for i, p in enumerate(analysis.series) if p.target is not None]
    if targets:
        ax.step([i for i, _ in targets], [float(t) for _, t in targets], where="mid", color="#238b45",
                linewidth=2, linestyle=":", label="target")
    if analysis.info.midpoint is not None:
        ax.axhline(analysis.info.midpoint, color="#238b45", linewidth=1.5, linestyle=":", label="ideal")
    for period in analysis.breaks:
        if period in labels:
            x = labels.index(period)
            ax.axvline(x - 0.5, color="#636363", linewidth=1.5)
            ax.annotate("break in series", (x - 0.5, 1.0), xycoords=("data", "axes fraction"), fontsize=10,
                        rotation=90, va="top", ha="right", color="#636363")
    step = max(1, (len(labels) + 11) // 12)
    ticks = list(range(0, len(labels), step))
    ax.set_xticks(ticks, [labels[i] for i in ticks], fontsize=10, rotation=45 if len(ticks) > 5 else 0,
                  ha="right" if len(ticks) > 5 else "center")
    ax.tick_params(axis="y", labelsize=10)
    unit = analysis.info.unit
    ax.set_ylabel(unit, fontsize=11)
    polarity = {"higher_is_better": "higher is better", "lower_is_better": "lower is better",
                "closer_to_target": "nearer the ideal is better"}.get(analysis.info.polarity or "", "")
    title = analysis.info.name if len(analysis.info.name) <= 60 else analysis.info.name[:57] + "..."
    ax.set_title(f"{title}\n{analysis.area_name}" + (f" ({polarity})" if polarity else ""), fontsize=12)
    ax.grid(axis="y", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    # Inside the axes, loc="best" ignores the comparator band (a PolyCollection) and could cover it.
    handles = len(ax.get_legend_handles_labels()[0])
    fig.legend(fontsize=9, loc="outside lower center", ncol=min(3, handles), frameon=False)
    return fig
