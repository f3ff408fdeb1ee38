"""Sentences for rankings and service overviews: one message table and the functions that fill it.

Every number a sentence prints goes through indicators.formatting and is recorded as a Figure (rankings), or is
an analysis's own Figure (overviews), so an answer's `figures` account for every number it states.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from indicators.formatting import format_number, format_value, ordinal
from indicators.models import Figure

if TYPE_CHECKING:
    from indicators.listing_models import Overview, OverviewLine, Ranking
    from indicators.models import IndicatorInfo

__all__ = ["LISTING_MESSAGES", "listing_message", "overview_line_sentence", "overview_sentences", "ranking_sentences"]

LISTING_MESSAGES: dict[str, str] = {
    # rankings
    "rank_heading_best": "The top {shown} of {count} councils ranked ({scope}) on {indicator} in {period}"
                         "{period_note}, best first ({rule}):",
    "rank_heading_worst": "The bottom {shown} of {count} councils ranked ({scope}) on {indicator} in {period}"
                          "{period_note}, worst first ({rule}):",
    "rank_heading_highest": "The {shown} highest of {count} councils ({scope}) on {indicator} in {period}"
                            "{period_note}, highest first ({rule}):",
    "rank_heading_lowest": "The {shown} lowest of {count} councils ({scope}) on {indicator} in {period}"
                           "{period_note}, lowest first ({rule}):",
    "rank_line": "{position}{joint}: {area}, {value}.",
    "rank_joint": " (joint)",
    "rank_boundary_tie": "Every council tied at {position} place is listed.",
    "rank_home": "{area} is {position} of {count}, at {value}.",
    "rank_home_missing": "{area} has no value in {period}.",
    "period_note_half": " (the latest period in which at least half of them have a value)",
    "period_note_most": " (no period has values for at least half of them; this one has the most)",
    "rule_higher": "a higher value is better",
    "rule_lower": "a lower value is better",
    "rule_closer": "closest to {ideal} is best",
    "rule_values_high": "by value, highest first, not a judgement of better or worse",
    "rule_values_low": "by value, lowest first, not a judgement of better or worse",
    "label_all": "{label}",
    "label_neighbours": "{area_s} nearest neighbours",
    "label_group": "{area_s} comparator group, {group}",
    "label_family": "{area_s} family group, {group}",
    # ranking errors (one line each)
    "error_no_direction": "{indicator} ({id}) has no stated direction of good performance, so councils cannot be "
                          "ranked best or worst; ask for the highest or lowest values instead.",
    "error_no_midpoint": "{indicator} ({id}) is best close to a target but has no fixed midpoint, so councils "
                         "cannot be ranked best or worst; ask for the highest or lowest values instead.",
    "error_order": "unknown ranking order {order!r} (use best, worst, highest or lowest)",
    "error_scope": "unknown ranking scope {scope!r} (use all, england, scotland, neighbours or family)",
    "error_nation": "{indicator} ({id}) is in the {dataset!r} dataset ({label}), not {nation} data: use scope 'all'",
    "error_needs_home": "ranking among {scope} needs a council: name one or set the home council",
    "error_no_group": "no comparator group is held for {area} on {indicator} ({id}): use scope 'all'",
    "error_no_family": "family groups are LGBF (Scottish) groupings and {indicator} ({id}) is in the {dataset!r} "
                       "dataset: use scope 'neighbours' or 'all'",
    "error_period": "no {id} values in {period}; periods held: {held}",
    "error_no_values": "no council in {scope} has a {id} value in {period}",
    "error_n": "the number of councils to list must be at least 1",
    # overviews
    "overview_heading": "{service} for {area}: {held} indicators with data{period_note}, those most in need of "
                        "attention first (bottom quartile and worsening first, top quartile and improving last).",
    "overview_period": " as at {period}",
    "overview_line": "{indicator}: {value} in {period}{change}{standing}{target}.",
    "overview_target_met": "; met its target of {target} ({rag})",
    "overview_target_missed": "; missed its target of {target} ({rag})",
    "summary_targets": "Against their targets: {missed} of {total} missed{names}.",
    "change_better": ", better than {previous} in {previous_period}",
    "change_worse": ", worse than {previous} in {previous_period}",
    "change_same": ", the same as in {previous_period}",
    # The two values print alike ("113 per 1,000, better than 113 per 1,000" hides a change of 0.05).
    "change_barely_better": ", about the same as in {previous_period} (very slightly better)",
    "change_barely_worse": ", about the same as in {previous_period} (very slightly worse)",
    "change_up_unjudged": ", up from {previous} in {previous_period} (no direction of good performance is stated)",
    "change_down_unjudged": ", down from {previous} in {previous_period} (no direction of good performance is "
                            "stated)",
    "change_first": " (no earlier value to compare with)",
    "standing": "; {quartile}, {joint}{position} of {count} among {group}{when}",
    "standing_joint": "joint ",
    "standing_when": " in {period}",
    "standing_unranked": "; not ranked among {group} (no direction of good performance is stated)",
    "summary": "Against each indicator's previous period: {parts}.",
    "summary_worsened": "{count} of {total} worsened ({names})",
    "summary_none_worsened": "none of {total} worsened",
    "summary_improved": "{count} improved ({names})",
    "summary_unchanged": "{count} unchanged ({names})",
    "summary_unjudged": "{count} cannot be judged better or worse ({names})",
    "overview_skipped": "Not included: {items}.",
    "error_no_service": "no service called {service!r}; services held: {held}",
    "error_no_service_data": "no {service} indicator data is held for {area}; services with data for it: {held}",
}

_QUARTILE_WORDS = {1: "top quartile", 2: "second quartile", 3: "third quartile", 4: "bottom quartile"}


def listing_message(key: str, **values: object) -> str:
    """Fill one template of LISTING_MESSAGES with named values."""
    return LISTING_MESSAGES[key].format(**values)


def _count(value: float) -> str:
    return format_number(value, count=True)


# -- rankings ---------------------------------------------------------------------------------------------------
def _rule(r: Ranking, info: IndicatorInfo, add: Figure | None) -> str:
    if r.order == "highest":
        return listing_message("rule_values_high")
    if r.order == "lowest":
        return listing_message("rule_values_low")
    if info.polarity == "higher_is_better":
        return listing_message("rule_higher")
    if info.polarity == "lower_is_better":
        return listing_message("rule_lower")
    ideal = add.value if add is not None else 0.0
    return listing_message("rule_closer", ideal=format_value(ideal, info.unit))


def ranking_sentences(r: Ranking, info: IndicatorInfo) -> tuple[list[str], list[Figure]]:
    """Sentences for a ranking, and a Figure for every number they print (each council's own area code)."""
    figures: list[Figure] = []

    def figure(label: str, value: float, code: str, name: str, unit: str | None = None) -> Figure:
        f = Figure(indicator_id=info.indicator_id, indicator_name=info.name, area_code=code, area_name=name,
                   period=r.period, value=value, unit=info.unit if unit is None else unit, label=label,
                   dataset=info.dataset)
        figures.append(f)
        return f

    scope_code = r.home_code or ""
    figure("councils ranked", float(r.count), scope_code, r.scope_label, unit="councils")
    figure("councils listed", float(len(r.councils)), scope_code, r.scope_label, unit="councils")
    ideal = None
    if r.ideal is not None and r.order in ("best", "worst"):
        ideal = figure("ideal value (midpoint)", r.ideal, scope_code, r.scope_label)
    note = {"asked": "", "half": listing_message("period_note_half"),
            "most": listing_message("period_note_most")}[r.period_rule]
    out = [listing_message(f"rank_heading_{r.order}", shown=_count(len(r.councils)), count=_count(r.count),
                           scope=r.scope_label, indicator=info.name, period=r.period, period_note=note,
                           rule=_rule(r, info, ideal))]
    for c in r.councils:
        figure(f"rank {c.rank} value", c.value, c.area_code, c.area_name)
        figure("rank", float(c.rank), c.area_code, c.area_name, unit="rank")
        out.append(listing_message("rank_line", position=ordinal(c.rank),
                                   joint=listing_message("rank_joint") if c.tied else "", area=c.area_name,
                                   value=format_value(c.value, info.unit)))
    if r.boundary_tie and r.councils:
        out.append(listing_message("rank_boundary_tie", position=ordinal(r.councils[-1].rank)))
    if r.home is not None:
        h = r.home
        if all(c.area_code != h.area_code for c in r.councils):
            figure(f"rank {h.rank} value", h.value, h.area_code, h.area_name)
            figure("rank", float(h.rank), h.area_code, h.area_name, unit="rank")
        own = listing_message("rank_home", area=h.area_name, position=ordinal(h.rank) + (
            listing_message("rank_joint") if h.tied else ""), count=_count(r.count),
            value=format_value(h.value, info.unit))
        out.insert(0 if r.position else len(out), own)  # "where do we rank?" is answered first, the list after
    elif r.home_missing and r.home_name:
        missing = listing_message("rank_home_missing", area=r.home_name, period=r.period)
        out.insert(0 if r.position else len(out), missing)
    return out, figures


# -- overviews --------------------------------------------------------------------------------------------------
def _change(line: OverviewLine) -> str:
    prev = line.previous
    if prev is None:
        return listing_message("change_first")
    previous = format_value(prev.value, line.unit)
    if line.direction in ("improving", "worsening") and previous == format_value(line.latest.value, line.unit):
        key = "change_barely_better" if line.direction == "improving" else "change_barely_worse"
        return listing_message(key, previous_period=prev.period)
    if line.direction == "improving":
        return listing_message("change_better", previous=previous, previous_period=prev.period)
    if line.direction == "worsening":
        return listing_message("change_worse", previous=previous, previous_period=prev.period)
    if line.direction == "no change":
        return listing_message("change_same", previous_period=prev.period)
    key = "change_up_unjudged" if line.latest.value > prev.value else "change_down_unjudged"
    return listing_message(key, previous=previous, previous_period=prev.period)


def _standing(line: OverviewLine) -> str:
    if line.group is None:
        return ""
    if line.rank is None or line.quartile is None or line.count is None:
        return listing_message("standing_unranked", group=line.group)
    when = listing_message("standing_when", period=line.rank.period) if line.rank.period != line.latest.period else ""
    return listing_message("standing", position=ordinal(int(line.rank.value)), count=_count(line.count.value),
                           joint=listing_message("standing_joint") if line.tied else "",
                           group=line.group, when=when, quartile=_QUARTILE_WORDS.get(int(line.quartile.value), ""))


def overview_line_sentence(line: OverviewLine) -> str:
    """One overview line: latest value and period, the latest change judged, rank and quartile when held."""
    target = ""
    if line.target is not None and line.target_met is not None:
        target = listing_message("overview_target_met" if line.target_met else "overview_target_missed",
                                 target=format_value(line.target.value, line.unit), rag=line.rag)
    return listing_message("overview_line", indicator=line.indicator_name,
                           value=format_value(line.latest.value, line.unit), period=line.latest.period,
                           change=_change(line), standing=_standing(line), target=target)


def overview_sentences(o: Overview) -> tuple[list[str], list[Figure]]:
    """Heading, one sentence per indicator, the improved/worsened summary; figures for the counts they print
    (the values themselves are the analyses' own figures, held on each line)."""
    figures: list[Figure] = []

    def count(label: str, value: int) -> str:
        figures.append(Figure(indicator_id="", indicator_name=o.service, area_code=o.area_code,
                              area_name=o.area_name, period=o.period or "", value=float(value), unit="indicators",
                              label=label))
        return _count(value)

    total = len(o.lines)
    note = listing_message("overview_period", period=o.period) if o.period else ""
    out = [listing_message("overview_heading", service=o.service, area=o.area_name,
                           held=count("indicators in the overview", total), period_note=note)]
    out.extend(overview_line_sentence(line) for line in o.lines)
    names = {line.indicator_id: line.indicator_name for line in o.lines}

    def listed(ids: list[str]) -> str:
        return "; ".join(names[i] for i in ids)

    parts = []
    if o.worsened:
        parts.append(listing_message("summary_worsened", count=count("indicators worsened", len(o.worsened)),
                                     total=_count(total), names=listed(o.worsened)))
    else:
        parts.append(listing_message("summary_none_worsened", total=_count(total)))
    for key, ids, label in (("summary_improved", o.improved, "indicators improved"),
                            ("summary_unchanged", o.unchanged, "indicators unchanged"),
                            ("summary_unjudged", o.not_comparable, "indicators not comparable")):
        if ids:
            parts.append(listing_message(key, count=count(label, len(ids)), names=listed(ids)))
    out.append(listing_message("summary", parts="; ".join(parts)))
    aimed = [line for line in o.lines if line.target_met is not None]
    if aimed:
        # "Which targets are we missing?": the ones missed, by name.
        missed = [line.indicator_id for line in aimed if not line.target_met]
        out.append(listing_message("summary_targets", missed=count("targets missed", len(missed)),
                                   total=count("indicators with a target", len(aimed)),
                                   names=f" ({listed(missed)})" if missed else ""))
    if o.skipped:
        out.append(listing_message("overview_skipped", items="; ".join(o.skipped)))
    return out, figures
