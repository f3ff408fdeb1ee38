"""Why a figure should be checked before anyone celebrates or acts on it: outside the natural process limits, at
the top or bottom of the measure's possible range, or so far from the national median (in median absolute
deviations) that a recording or definition problem is likelier than real performance (Kent's social care quality of
life of 0 in 2019-20, 24 MADs below England's median)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from indicators.formatting import format_value
from indicators.wording import ANALYSIS_MESSAGES

if TYPE_CHECKING:
    from indicators.models import ComparatorAssessment, IndicatorInfo, SignalAssessment

__all__ = ["EDGE_SHARE", "FAR_MADS", "check_figure"]

EDGE_SHARE = 0.005  # within half a per cent of the possible range from its ceiling or floor: "at" it
# Oflog's widest band ("much") starts at 3 MADs; ten (the wording says "more than ten") is beyond anything but
# an error or a one-off.
FAR_MADS = 10.0


def check_figure(info: IndicatorInfo, latest: tuple[str, float], signal: SignalAssessment,
                 bounds: tuple[float | None, float | None],
                 comparators: ComparatorAssessment | None = None) -> str | None:
    """Why the latest figure should be checked (one line), or None."""
    reasons = []
    if latest[0] in signal.beyond_limits:
        reasons.append(ANALYSIS_MESSAGES["check_beyond"])
    lo, hi = bounds
    value = latest[1]
    edge = EDGE_SHARE * (hi - lo) if lo is not None and hi is not None else 0.0
    if hi is not None and value >= hi - edge - 1e-12:
        reasons.append(ANALYSIS_MESSAGES["check_ceiling"])
    elif lo is not None and value <= lo + edge + 1e-12:
        reasons.append(ANALYSIS_MESSAGES["check_floor"])
    if comparators is not None and comparators.period == latest[0] and comparators.mads is not None and \
            abs(comparators.mads) >= FAR_MADS:
        reasons.append(ANALYSIS_MESSAGES["check_far"])
    if not reasons:
        return None
    return ANALYSIS_MESSAGES["check_figure"].format(value=format_value(value, info.unit), period=latest[0],
                                                    reasons=" and ".join(reasons))
