"""Direction of travel with polarity applied, and runs of consecutive improvement or deterioration: one implementation.

`indicators.analysis` judges every step and counts the trailing run with these functions (its `consecutive` and
`consecutive_direction`); challenge questions and briefing notes read the same run back from the analysis with
`run_of`, so "worsened five years in a row" in a question is always the analysis's own count.

Definitions (the eval recomputes them independently):
- a step is improving/worsening by polarity (closer_to_target: distance from the ideal, the midpoint or target);
- the trailing run is the number of steps, ending at the latest value of the judged series (one frequency), that
  all go the same way (improving or worsening); it starts at the value before the first of those steps.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from indicators.models import Direction, Figure, IndicatorInfo

if TYPE_CHECKING:
    from indicators.models import IndicatorAnalysis

__all__ = ["RUN_LENGTH_LABEL", "RUN_START_LABEL", "Run", "judge", "run_figures", "run_of", "trailing_run"]

# Figure labels: the value the run starts from, and its length (the label indicators.wording gives the count).
RUN_START_LABEL = "value at start of the run"
RUN_LENGTH_LABEL = "consecutive periods in the same direction"


def close(a: float, b: float) -> bool:
    """Equal up to floating-point noise (how every comparison of two values in the analysis is made)."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def judge(before: float, after: float, info: IndicatorInfo, ideal: float | None = None) -> Direction:
    """Polarity-aware direction of a move from `before` to `after`."""
    if close(before, after):
        return "no change"
    if info.polarity == "higher_is_better":
        return "improving" if after > before else "worsening"
    if info.polarity == "lower_is_better":
        return "improving" if after < before else "worsening"
    if info.polarity == "closer_to_target" and ideal is not None:
        d0, d1 = abs(before - ideal), abs(after - ideal)
        if close(d0, d1):
            return "no change"
        return "improving" if d1 < d0 else "worsening"
    return "not comparable"


class Run(BaseModel):
    """Consecutive same-direction moves ending at the latest value of the judged series."""

    direction: Literal["improving", "worsening"]
    count: int  # steps in the run (a run of five worse years has count 5 and spans six values)
    start_period: str
    start_value: float
    end_period: str
    end_value: float
    # How often the indicator is collected (the analysis's cadence): a run of 4 steps in a biennial survey is
    # "in each of the last four surveys", eight years, not "four years in a row".
    cadence: str = "annual"
    cadence_years: float | None = None

    @property
    def relative(self) -> float:
        """Size of the whole run relative to where it started (0 when it started at zero)."""
        return abs(self.end_value - self.start_value) / abs(self.start_value) if self.start_value else 0.0

    @property
    def fell(self) -> bool:
        """Whether the value went down over the run (whatever the polarity says about that)."""
        return self.end_value < self.start_value


def trailing_run(history: Sequence[tuple[str, float]], info: IndicatorInfo, ideal: float | None) -> Run | None:
    """The run ending at the last of `history` ((period, value), oldest first, one frequency), or None when the
    last step is not an improvement or a deterioration (no change, or polarity unknown)."""
    steps = [judge(a[1], b[1], info, ideal) for a, b in zip(history, history[1:], strict=False)]
    if not steps or steps[-1] not in ("improving", "worsening"):
        return None
    last = steps[-1]
    count = 0
    for step in reversed(steps):
        if step != last:
            break
        count += 1
    start, end = history[-(count + 1)], history[-1]
    return Run(direction=last, count=count, start_period=start[0], start_value=float(start[1]),
               end_period=end[0], end_value=float(end[1]))


def run_of(a: IndicatorAnalysis) -> Run | None:
    """The analysis's own trailing run (its `consecutive` count and direction) with the values it starts and ends
    at, or None when there is no run or its start lies before the periods the analysis kept (`since`, `last_n`)."""
    if a.consecutive < 1 or a.consecutive_direction not in ("improving", "worsening"):
        return None
    points = [(p.period, float(p.value)) for p in a.series if p.value is not None]
    if len(points) < a.consecutive + 1 or points[-1][0] != a.latest.period:
        return None
    start = points[-(a.consecutive + 1)]
    return Run(direction=a.consecutive_direction, count=a.consecutive, start_period=start[0],
               start_value=start[1], end_period=a.latest.period, end_value=a.latest.value, cadence=a.cadence,
               cadence_years=a.cadence_years)


def run_figures(a: IndicatorAnalysis, run: Run) -> list[Figure]:
    """The figures a sentence about the run states: its start, its end (the latest value) and, for a run of two
    or more steps, its length (the analysis's own figure for it when recorded)."""
    start = a.latest.model_copy(update={"period": run.start_period, "value": run.start_value,
                                        "label": RUN_START_LABEL})
    figures = [start, a.latest]
    if run.count >= 2:
        length = next((f for f in a.figures if f.label == RUN_LENGTH_LABEL), None)
        figures.append(length or a.latest.model_copy(update={"value": float(run.count), "unit": "periods",
                                                             "label": RUN_LENGTH_LABEL}))
    return figures
