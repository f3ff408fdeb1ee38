"""League tables: councils ranked on one indicator within a scope, polarity-aware.

Rules (tests recompute them independently from the raw files):
- scope: "all" (or "national") = every council with a value for the indicator in any period of its dataset; "england" /
  "scotland" = the same, allowed only for the Oflog / LGBF dataset; "neighbours" = the home council's comparator
  group (`IndicatorStore.comparator_group`); "family" = the same group for LGBF data, where it is the council's
  family group for the indicator's grouping scheme (no other dataset has family groups). A group keeps only
  the members with a value for the indicator in some period (and the home council itself).
- order: "best" (rank 1 first) or "worst" (the bottom n, worst first) need a stated polarity (closer_to_target
  also a fixed midpoint); "highest" / "lowest" order by value without judgement and work for any indicator.
- rank: competition ranking (1, 2, 2, 4) by `indicators.analysis.rank_of`, the rule the analysis ranks
  comparators by: rank 1 is the best performer (highest for higher_is_better, lowest for lower_is_better,
  closest to the midpoint for closer_to_target); for highest/lowest, rank 1 is the highest/lowest value.
  Councils sharing a rank are `tied`; when the n-th listed place is shared, every council at it is listed.
- period: the one asked for; else the latest period (in time order) in which at least half of the scope's
  councils have a value; if none reaches half, the latest period with the most values.
- the home council, when it is in scope but not listed, is reported separately (`home`), or `home_missing` when
  it has no value in the period.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from indicators.analysis import rank_of
from indicators.errors import IndicatorError
from indicators.formatting import possessive
from indicators.listing_models import RankedCouncil, Ranking
from indicators.listing_wording import listing_message, ranking_sentences
from indicators.models import IndicatorInfo
from indicators.periods import parse_period, sort_periods

if TYPE_CHECKING:
    import pandas as pd

    from indicators.store import IndicatorStore

__all__ = ["ORDERS", "SCOPES", "RankedCouncil", "Ranking", "rank_councils", "scope_members"]

ORDERS: tuple[str, ...] = ("best", "worst", "highest", "lowest")
SCOPES: tuple[str, ...] = ("all", "england", "scotland", "neighbours", "family")
_ALIASES = {"national": "all"}  # the question reader's word for the whole dataset
# Which dataset format a national scope means.
_NATIONS = {"england": ("oflog", "England"), "scotland": ("lgbf", "Scotland")}


def scope_members(store: IndicatorStore, indicator_id: str, scope: str,
                  home: str | None = None) -> tuple[list[str], str]:
    """The councils in a scope (area codes) and how to name them in a sentence."""
    scope = _ALIASES.get(scope, scope)
    info = store.indicator(indicator_id)
    dataset = store.dataset(info.dataset) if info.dataset else None
    national_label = dataset.national_label if dataset is not None else "all councils in the data"
    if scope not in SCOPES:
        raise IndicatorError(listing_message("error_scope", scope=scope))
    if scope in _NATIONS:
        fmt, nation = _NATIONS[scope]
        if dataset is None or dataset.format != fmt:
            raise IndicatorError(listing_message("error_nation", indicator=info.name, id=indicator_id,
                                                 dataset=info.dataset, label=national_label, nation=nation))
    if scope in ("all", "england", "scotland"):
        codes = sorted(store.values(indicator_id)["area_code"].astype(str).unique())
        return codes, listing_message("label_all", label=national_label)
    if home is None:
        raise IndicatorError(listing_message("error_needs_home", scope="nearest neighbours" if scope == "neighbours"
                                             else "a family group"))
    home_name = store.area_name(home)
    if scope == "family" and (dataset is None or dataset.format != "lgbf"):
        raise IndicatorError(listing_message("error_no_family", indicator=info.name, id=indicator_id,
                                             dataset=info.dataset))
    group = store.comparator_group(indicator_id, home)
    if group is None:
        raise IndicatorError(listing_message("error_no_group", area=home_name, indicator=info.name, id=indicator_id))
    name, members = group
    with_data = set(store.values(indicator_id)["area_code"].astype(str))
    members = [m for m in members if m in with_data or m == home]
    group_name = name.replace("_", " ")
    if scope == "family":
        label = listing_message("label_family", area_s=possessive(home_name), group=group_name)
    elif "neighbour" in group_name.lower():
        label = listing_message("label_neighbours", area_s=possessive(home_name))
    else:
        label = listing_message("label_group", area_s=possessive(home_name), group=group_name)
    return list(members), label


def _ranking_info(info: IndicatorInfo, order: str) -> tuple[IndicatorInfo, float | None]:
    """The polarity the ranking uses (value order for highest/lowest) and the ideal value."""
    if order not in ORDERS:
        raise IndicatorError(listing_message("error_order", order=order))
    if order == "highest":
        return info.model_copy(update={"polarity": "higher_is_better"}), None
    if order == "lowest":
        return info.model_copy(update={"polarity": "lower_is_better"}), None
    if info.polarity is None:
        raise IndicatorError(listing_message("error_no_direction", indicator=info.name, id=info.indicator_id))
    if info.polarity == "closer_to_target":
        if info.midpoint is None:
            raise IndicatorError(listing_message("error_no_midpoint", indicator=info.name, id=info.indicator_id))
        return info, info.midpoint
    return info, None


def _choose_period(info: IndicatorInfo, rows: pd.DataFrame, members: list[str],
                   period: str | None) -> tuple[str, Literal["asked", "half", "most"]]:
    held = sort_periods(list(rows["period"].astype(str).unique())) if not info.periods else list(info.periods)
    if period is not None:
        wanted = period.strip()
        if wanted not in held:
            try:
                wanted = parse_period(wanted).text
            except ValueError as exc:
                raise IndicatorError(str(exc)) from exc
        if wanted not in held:
            raise IndicatorError(listing_message("error_period", id=info.indicator_id, period=period,
                                                 held=", ".join(held)))
        return wanted, "asked"
    inside = rows[rows["area_code"].isin(members)].dropna(subset=["value"])
    counts = inside.groupby("period")["area_code"].nunique()
    for p in reversed(held):
        if 2 * int(counts.get(p, 0)) >= len(members):
            return p, "half"
    most = max(int(counts.get(p, 0)) for p in held)
    return next(p for p in reversed(held) if int(counts.get(p, 0)) == most), "most"


def rank_councils(store: IndicatorStore, indicator_id: str, scope: str = "all", home: str | None = None,
                  order: str = "best", n: int = 5, period: str | None = None, position: bool = False) -> Ranking:
    """Rank the councils of a scope on one indicator: the top (or bottom) n with ties kept, the home council's
    place, sentences and figures. `position` ("where do we rank?") states the home council's place first.
    IndicatorError for an unknown scope/order/period or an unrankable indicator."""
    scope = _ALIASES.get(scope, scope)
    info = store.indicator(indicator_id)
    ranking_info, ideal = _ranking_info(info, order)
    if n < 1:
        raise IndicatorError(listing_message("error_n"))
    members, label = scope_members(store, indicator_id, scope, home)
    rows = store.values(indicator_id)
    chosen, rule = _choose_period(info, rows, members, period)
    at = rows[(rows["period"] == chosen) & rows["area_code"].isin(members)].dropna(subset=["value"])
    values = {str(code): float(v) for code, v in zip(at["area_code"], at["value"], strict=True)}
    if not values:
        raise IndicatorError(listing_message("error_no_values", scope=label, id=indicator_id, period=chosen))
    others = list(values.values())
    ranks = {code: rank_of(v, others, ranking_info, ideal) for code, v in values.items()}
    shared: dict[int, int] = {}
    for r in ranks.values():
        shared[int(r or 0)] = shared.get(int(r or 0), 0) + 1
    names = {code: store.area_name(code) for code in values}
    placed = [RankedCouncil(rank=int(ranks[c] or 0), tied=shared[int(ranks[c] or 0)] > 1, area_code=c,
                            area_name=names[c], value=values[c], period=chosen) for c in values]
    worst_first = order == "worst"
    placed.sort(key=lambda x: (-x.rank if worst_first else x.rank, x.area_name))
    listed = placed[:n]
    if len(placed) > n:
        cutoff = placed[n - 1].rank
        listed = [p for i, p in enumerate(placed) if i < n or p.rank == cutoff]
    boundary_tie = len(listed) > n
    home_entry = None
    home_missing = False
    home_name = store.area_name(home) if home is not None else None
    if home is not None and home in members and (position or all(p.area_code != home for p in listed)):
        home_entry = next((p for p in placed if p.area_code == home), None)
        home_missing = home_entry is None
    ranking = Ranking(indicator_id=indicator_id, indicator_name=info.name, unit=info.unit, dataset=info.dataset,
                      polarity=info.polarity, order=order, scope=scope, scope_label=label,  # type: ignore[arg-type]
                      period=chosen, period_rule=rule, count=len(placed), scope_size=len(members), asked=n,
                      ideal=ideal, councils=listed, boundary_tie=boundary_tie, home_code=home, home_name=home_name,
                      home=home_entry, home_missing=home_missing, position=position)
    sentences, figures = ranking_sentences(ranking, info)
    return ranking.model_copy(update={"sentences": sentences, "figures": figures})
