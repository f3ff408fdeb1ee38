"""Periods asked, moved onto the periods a council holds: the quarter a quarterly question means, and a year or span
start not held answered with the nearest held, saying so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from indicators.models import Resolution
from indicators.wording import RESOLVER_MESSAGES

if TYPE_CHECKING:
    from indicators.store import IndicatorStore

__all__ = ["fit_to_held", "quarter_period"]


def quarter_period(store: IndicatorStore, indicator_id: str, area_code: str | None, period: str | None,
                   frequency: str) -> tuple[str | None, str]:
    """The concrete period a quarterly question means for this council (latest held, or latest "Qn" held),
    or (None, why not)."""
    from indicators.periods import frequency_of

    if area_code is None:
        return None, RESOLVER_MESSAGES["no_council"]
    rows = store.values(indicator_id)
    own = rows[rows["area_code"] == area_code].sort_values("key", kind="stable")
    held = [p for p in own["period"] if frequency_of(p) == frequency]
    if period is not None and period.startswith("Q"):
        held = [p for p in held if p.endswith(f" {period}")]
    if not held:
        what = f"{period} values" if period else f"{frequency} values"
        return None, RESOLVER_MESSAGES["no_sub_annual"].format(what=what, area=store.area_name(area_code))
    return held[-1], ""


def fit_to_held(store: IndicatorStore, res: Resolution, area_code: str) -> Resolution:
    """The resolution with its periods moved onto what the council holds, saying so in `period_note`: a year not
    held is answered with the nearer held year either side; "the last N years" starts N years before the latest
    held; a council without the latest year others have is told so."""
    from indicators.periods import closest_held, frequency_of, nearest_held, sort_periods, years_before

    if res.indicator_id is None:
        return res
    rows = store.values(res.indicator_id)
    held = [str(p) for p in rows.loc[rows["area_code"] == area_code, "period"]]
    if not held:
        return res
    annual = [p for p in held if frequency_of(p) == "annual"] or held
    area = store.area_name(area_code)
    update: dict[str, object] = {}
    notes: list[str] = []
    if res.years_back is not None and res.since is None and (res.frequency in (None, "annual")):
        update.update(since=years_before(annual[-1] if res.period is None else res.period, res.years_back),
                      last_n=None)
        update["period_from"] = update["since"]
    if res.period is not None and res.period not in held:
        quarters = [p for p in held if " Q" in p] if " Q" in res.period else []
        before, after = nearest_held(res.period, quarters or annual)  # Q3 asked, Q1-Q2 held: Q2 is nearest
        if " Q" in res.period and not any(" Q" in p for p in held):
            # Q1 2022-23 of annual data is 2022-23 itself where held (the quarter lies inside it), else the nearest.
            year = res.period.split(" ")[0]
            used = year if year in annual else closest_held(year, annual)
            notes.append(RESOLVER_MESSAGES["annual_only"].format(asked=res.period, area=area, used=used))
            update.update(period=used, frequency=None)
        else:
            shown = " and ".join(p for p in (before, after) if p)
            used = closest_held(res.period, quarters or annual)
            notes.append(RESOLVER_MESSAGES["not_held"].format(asked=res.period, area=area, nearest=shown))
            if before and after:
                notes.append(RESOLVER_MESSAGES["not_held_used"].format(used=used))
            update.update(period=used)
    since, start = update.get("since", res.since), update.get("period_from", res.period_from)
    if since is not None and start is not None and start not in held:
        before, after = nearest_held(str(start), annual)
        if after is not None:
            # "The past 2 years" of a survey held in 2018-19 and 2021-22: starting at 2021-22 leaves no span, so the
            # nearer year before is used; the reading keeps the year asked.
            end = update.get("period", res.period) or annual[-1]
            first, which = (before, "before") if after == end and before is not None else (after, "after")
            notes.append(RESOLVER_MESSAGES["start_not_held"].format(asked=start, area=area, first=first, which=which))
            update.update(since=first)
    everyone = sort_periods([p for p in {str(p) for p in rows["period"]} if frequency_of(p) == "annual"])
    if res.period is None and everyone and everyone[-1] != annual[-1] and everyone[-1] not in held:
        # Hackney has no 2021-22 carers' survey: "latest" for it is 2018-19, and the answer says why.
        notes.append(RESOLVER_MESSAGES["latest_missing"].format(area=area, latest=everyone[-1], own=annual[-1]))
    if notes:
        update["period_note"] = " ".join([*([res.period_note] if res.period_note else []), *notes])
    return res.model_copy(update=update) if update else res
