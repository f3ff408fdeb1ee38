"""Signal or noise: an XmR (individuals and moving range) chart over a council's series, with the run rules of
statistical process control, its limits clipped to what the measure can be."""

from __future__ import annotations

from indicators.models import SignalAssessment
from indicators.wording import ANALYSIS_MESSAGES

__all__ = ["RUN_SIDE", "RUN_TREND", "XMR_FACTOR", "XMR_MIN_POINTS", "longest_tail_run", "xmr"]

XMR_MIN_POINTS = 8
XMR_FACTOR = 2.66
RUN_SIDE = 7
RUN_TREND = 6


def xmr(values: list[float], periods: list[str], min_points: int = XMR_MIN_POINTS,
        bounds: tuple[float | None, float | None] = (None, None)) -> SignalAssessment:
    """XmR chart verdict for a series (oldest first), or 'too short to tell'; `bounds` is the measure's possible
    range (see possible_range): the limits are clipped to it, and the clipping is recorded."""
    n = len(values)
    lo, hi = bounds
    if n < min_points:
        return SignalAssessment(method="too short", points=n, min_points=min_points, possible_min=lo,
                                possible_max=hi, verdict=ANALYSIS_MESSAGES["too_short"].format(
                                    n=n, s="" if n == 1 else "s", min_points=min_points))
    centre = sum(values) / n
    moving = [abs(b - a) for a, b in zip(values, values[1:], strict=False)]
    mr_bar = sum(moving) / len(moving)
    raw_lower, raw_upper = centre - XMR_FACTOR * mr_bar, centre + XMR_FACTOR * mr_bar
    lower = raw_lower if lo is None else max(raw_lower, lo)
    upper = raw_upper if hi is None else min(raw_upper, hi)
    clipped = [side for side, cut in (("lower", lower != raw_lower), ("upper", upper != raw_upper)) if cut]
    beyond = [p for p, v in zip(periods, values, strict=True) if v > raw_upper or v < raw_lower]
    runs: list[str] = []
    side_len = trend_len = 0
    side_run = longest_tail_run([1 if v > centre else -1 if v < centre else 0 for v in values])
    if side_run[0] >= RUN_SIDE and side_run[1] != 0:
        where = "above" if side_run[1] > 0 else "below"
        runs.append(ANALYSIS_MESSAGES["side_run"].format(n=side_run[0], where=where))
        side_len = side_run[0]
    steps = [1 if b > a else -1 if b < a else 0 for a, b in zip(values, values[1:], strict=False)]
    trend_run = longest_tail_run(steps)
    if trend_run[0] + 1 >= RUN_TREND and trend_run[1] != 0:
        way = "rising" if trend_run[1] > 0 else "falling"
        runs.append(ANALYSIS_MESSAGES["trend_run"].format(n=trend_run[0] + 1, way=way))
        trend_len = trend_run[0] + 1
    if periods[-1] in beyond:
        verdict = ANALYSIS_MESSAGES["signal"]
    elif runs:
        verdict = ANALYSIS_MESSAGES["shift"].format(runs="; ".join(runs))
    elif beyond:
        verdict = ANALYSIS_MESSAGES["earlier_signals"].format(periods=", ".join(beyond))
    else:
        verdict = ANALYSIS_MESSAGES["no_signal"]
    return SignalAssessment(method="xmr", points=n, min_points=min_points, centre=centre, lower_limit=lower,
                            upper_limit=upper, raw_lower_limit=raw_lower, raw_upper_limit=raw_upper,
                            possible_min=lo, possible_max=hi, clipped=clipped, beyond_limits=beyond, runs=runs,
                            side_run=side_len, trend_run=trend_len, verdict=verdict)


def longest_tail_run(signs: list[int]) -> tuple[int, int]:
    """Length and sign of the run of equal non-zero signs ending at the last element."""
    if not signs or signs[-1] == 0:
        return 0, 0
    last, count = signs[-1], 0
    for s in reversed(signs):
        if s != last:
            break
        count += 1
    return count, last
