"""Plain-English sentences for an analysis, with every number they state recorded as a Figure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from indicators.formatting import format_number, format_points, format_value, is_percent, ordinal, possessive
from indicators.models import ChangeAssessment, ComparatorAssessment, Figure, IndicatorAnalysis
from indicators.periods import parse_period, period_key, year_of

if TYPE_CHECKING:
    from indicators.store import IndicatorStore

# What the question resolver says when it cannot answer (indicators.query fills them).
RESOLVER_MESSAGES: dict[str, str] = {
    "no_data": "No indicator data is held.",
    "not_indicator": "That does not look like a question about an indicator I hold.",
    "unmatched": "I couldn't match that to an indicator I hold.",
    "ambiguous": "That could mean more than one indicator - which one? {names}",
    "no_council": "No council named and no home council set.",
    "no_sub_annual": "No {what} are held for {area}: the annual series is used instead.",
    "quarter_not_held": "No {quarter} value is held for {area}; the latest quarter held, {used}, is used.",
    "unheld_area": "I hold no data for {name}; the closest councils I hold are {closest}.",
    "measure_not_held_here": "I hold {indicator} for {count} councils{where}, but no value of it for {area}.",
    "unheld_nation": "I hold no data for {name}: it is a {nation} council, and the data I hold covers councils in "
                     "{nations}. The closest names I hold are {closest}.",
    "not_held": "No value for {area} in {asked} is held; the nearest held: {nearest}.",
    "latest_missing": "{area} has no value for {latest}, the latest year other councils have; its latest is {own}.",
    "not_held_used": "The figures below are for {used}, the nearer of the two.",
    "annual_only": "{asked} was asked for, but {area} has only annual values for this indicator; {used} is "
                   "used.",
    "start_not_held": "No value for {area} in {asked} is held; the span starts at {first}, the nearest year held "
                      "{which} it.",
}

# The caveats and signal verdicts of an analysis (indicators.analysis fills them).
ANALYSIS_MESSAGES: dict[str, str] = {
    "no_direction": "No direction of good performance is stated for this indicator, so its rises and falls are "
                    "described, not judged better or worse.",
    "break_at": "Break in series at {period}: {note}.",
    "note_for": "Note for {period}: {note}.",
    "break_in_definition": "The indicator's definition notes a break in series: check comparability across years.",
    "aggregates": "Periods such as {period} are multi-year aggregates: consecutive periods overlap, so changes "
                  "between them are smoothed and partly repeat the same years.",
    "missing_years": "No value for this council in {periods}, though other councils have one.",
    "not_collected": "No council has a value for {periods} (not collected that year): a change across the gap "
                     "spans more than one collection.",
    "base_effect": "Base effect: the latest change is measured from {period}, the {extreme} value in the series, "
                   "which exaggerates it.",
    "seasonal": "These are {frequency} values: a change from the previous {noun} can be seasonal, so set it against "
                "the same {noun} a year earlier and the annual trend before calling it a trend.",
    "small_numbers": "Small numbers: the {period} value rests on a denominator of {denominator}, so it can swing "
                     "by chance.",
    "other_frequency": "Other councils' values are {compared}, not {frequency}: comparisons use {period}, the "
                       "latest period they report.",
    "earlier_comparison": "Comparisons use {period}, the latest period other councils report.",
    "no_group": "No usable comparator group (two or more councils with a value) is held for {area}: compared with "
                "{group} instead.",
    "too_short": "too short to tell signal from noise ({n} period{s}; an XmR chart needs at least {min_points})",
    "side_run": "the last {n} values are all {where} the average",
    "trend_run": "the last {n} values have been {way} each period",
    "signal": "the latest value is outside the natural process limits: a signal, not noise",
    "shift": "a sustained run suggests a real shift: {runs}",
    "earlier_signals": "the latest value is within normal variation (earlier signals: {periods})",
    "no_signal": "the changes are within normal variation (no signal)",
    "clipped_lower": "the lower limit is cut to the bottom of the measure's possible range",
    "clipped_upper": "the upper limit is cut to the top of the measure's possible range",
    "clipped_both": "both limits are cut to the measure's possible range",
    "check_figure": "Check the figure before acting on it: {value} in {period} {reasons}; confirm it is "
                    "right (definition, recording, a data error) before drawing conclusions from it.",
    "check_beyond": "is outside the natural process limits",
    "check_ceiling": "is at the top of the measure's possible range",
    "check_floor": "is at the bottom of the measure's possible range",
    # (No number here: every number an answer states is one of its figures.)
    "check_far": "is more than ten median absolute deviations from the national median, far outside where "
                 "councils' figures lie",
    # The comparators, target path and runs of an analysis (describe fills them).
    "group_neighbours": "{area_s} comparator group, {group} ({n} councils with a value, itself included)",
    "group_family": "{area_s} family group, {group} ({n} councils with a value, itself included)",
    "group_all": "{group} ({n} with a value)",
    "later_period": "The latest period other councils report is {period}, when {area} had {value}.",
    "among": "Among {who} in {period}, the median is {median} (middle half {q1} to {q3})",
    "rank": "; {area} ranks {joint}{rank} of {n}{tied} (quartile {quartile}; the first quartile is the best)",
    "joint": "joint ",
    "tied_with": " with {names}",
    "best_one": "The {label} is {name} at {value}.",
    "best_many": "The {label}s are {names}, tied at {value}.",
    "best_next_many": "Next best in the group are {names}, tied at {value}.",
    "best_shared": "{area} shares the best value ({value}) with {names}.",
    "label_neighbour": "best-performing neighbour",
    "label_council": "best-performing council",
    "label_next": "next best in the group",
    "all_councils": "The median across {label} ({n} with a value) is {median}.",
    "england": "The England median ({n} councils with a value) is {median}.",
    "oflog_similar": "In Oflog's terms it is broadly similar to the England median ({mads} median absolute "
                     "deviations from it).",
    "oflog_band": "In Oflog's terms it is {band}{judged} than the England median ({mads} median absolute "
                  "deviations from it).",
    "scotland": "The published Scotland figure for {period} is {value}.",
    "start_median": "At the start of the span, in {period}, the median of {who} was {median} and {area} had {value}.",
    "start_scotland": "The published Scotland figure for {period}, at the start of the span, was {value}.",
    "family_average": "The published average of {group} is {value}.",
    "neighbours_judged": "Over the same span ({start} to {end}), {improved} of {of} {who} improved{verdict}.",
    "neighbours_unjudged": "Over the same span ({start} to {end}), {rose} of {of} {who} rose{verdict}.",
    "who_neighbours": "other councils in the comparator group",
    "who_family": "other councils in the family group",
    "who_national": "other councils",
    "verdict_shared_better": ": the improvement is shared across the sector, not only local",
    "verdict_local_better": ": the improvement is largely local",
    "verdict_shared_worse": ": most of them did not improve either, so the deterioration is shared across the sector",
    "verdict_none_better": ": none of them improved either, so the deterioration is shared across the sector",
    "verdict_local_worse": ": the deterioration is largely local",
    "verdict_mixed": ": a mixed picture",
    "target_path": "To reach its target of {target} by {target_period} it needs a {way} of {needed} a year from "
                   "{latest} in {period}",
    "target_pace": "; since {start} it has {moved} {pace} a year on average, {track}",
    "target_still": "; since {start} it has not moved on average, {track}",
    "risen": "risen by",
    "fallen": "fallen by",
    "rise": "rise",
    "fall": "fall",
    "on_track": "enough to get there if kept up",
    "off_track": "not enough to get there",
    "moving_away": "moving away from it",
    "target_met_already": "It already meets its target of {target} for {target_period}.",
    "path": "Period by period: {points}.",
    "path_point": "{value} in {period}",
    "change_too_small": "about the same (the change is too small to show at this precision)",
    "across_break": "but the series breaks in {period}, so the two are not measured alike",
    "run_years": "It has {word} for {n} {noun} in a row.",
    "run_collections": "It has {word} in each of the last {n} {noun} (collected {cadence}).",
}

_DIRECTION_WORDS = {"improving": "an improvement", "worsening": "a deterioration", "no change": "no change",
                    "not comparable": ""}


def break_caveat(period: str, note: str) -> str:
    """"Break in series at 2021-22: from 2021-22 collected by…" (a note that starts "Break in series:" says it once)."""
    said = re.sub(r"^break in series:\s*", "", note.strip(), flags=re.IGNORECASE)
    return ANALYSIS_MESSAGES["break_at"].format(period=period, note=said.rstrip("."))


def number(value: float) -> str:
    """A bare value as printed everywhere (indicators.formatting decides the precision)."""
    return format_number(value)


def with_unit(value: float, unit: str) -> str:
    """A value with its unit in the usual place (£12.00, 45.2%, 6.1 days), by the one formatter."""
    return format_value(value, unit)


class _Figures:
    """Collects the figures of one analysis so each sentence can register what it states."""

    def __init__(self, analysis: IndicatorAnalysis) -> None:
        self.a = analysis
        self.items: list[Figure] = []

    def add(self, label: str, value: float, period: str, unit: str | None = None, area_code: str | None = None,
            area_name: str | None = None) -> float:
        info = self.a.info
        self.items.append(Figure(indicator_id=info.indicator_id, indicator_name=info.name,
                                 area_code=area_code or self.a.area_code, area_name=area_name or self.a.area_name,
                                 period=period, value=value, unit=info.unit if unit is None else unit, label=label,
                                 dataset=info.dataset))
        return value


def _change_phrase(c: ChangeAssessment, unit: str, figs: _Figures, what: str, across: str | None = None) -> str:
    if c.direction == "no change":
        return "unchanged"
    if with_unit(c.from_value, unit) == with_unit(c.to_value, unit):
        # 33.9% -> 33.9%: a change too small to show is not called an improvement or a deterioration.
        return ANALYSIS_MESSAGES["change_too_small"]
    verb = "up" if c.absolute > 0 else "down"
    if c.points is not None:
        figs.add(f"change {what} (percentage points)", c.points, c.to_period, unit="percentage points")
        amount = format_points(abs(c.points))
    else:
        figs.add(f"change {what}", c.absolute, c.to_period)
        amount = with_unit(abs(c.absolute), unit)
    text = f"{verb} {amount}"
    if c.percent is not None and c.points is None:
        figs.add(f"percentage change {what}", c.percent, c.to_period, unit="%")
        text += f" ({'+' if c.percent > 0 else '-'}{number(abs(c.percent))}%)"
    judged = _DIRECTION_WORDS[c.direction]
    if across is not None:
        # The two ends are measured differently: a move across the break is no improvement or deterioration.
        judged = ANALYSIS_MESSAGES["across_break"].format(period=across)
    return f"{text}, {judged}" if judged else text


_SURVEY = re.compile(r"survey|satisf|quality of life|rate (it|their)|agree|experience|ease of finding", re.IGNORECASE)


def names_list(names: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def run_sentence(a: IndicatorAnalysis) -> str:
    """The run of improvement or deterioration in the words of the indicator's cadence: "for 5 years in a row",
    "in each of the last 4 surveys (collected every two years)"."""
    word = "improved" if a.consecutive_direction == "improving" else "worsened"
    n = a.consecutive
    if a.frequency == "annual" and a.cadence != "annual":
        info = a.info
        survey = _SURVEY.search(" ".join([info.name, info.description, info.source]))
        noun = "surveys" if survey else "collections"
        cadence = "every two years" if a.cadence == "biennial" else a.cadence
        return ANALYSIS_MESSAGES["run_collections"].format(word=word, n=n, noun=noun, cadence=cadence)
    kinds = {parse_period(p.period).kind for p in a.series} | {parse_period(a.latest.period).kind}
    if a.frequency == "quarterly":
        noun = "quarters"
    elif a.frequency == "monthly":
        noun = "months"
    elif kinds <= {"financial_year", "calendar_year"}:
        noun = "years"
    else:
        noun = "periods"
    return ANALYSIS_MESSAGES["run_years"].format(word=word, n=n, noun=noun)


def _amount(value: float, unit: str) -> str:
    return format_points(abs(value)) if is_percent(unit) else with_unit(abs(value), unit)


def _comparator_sentences(a: IndicatorAnalysis, store: IndicatorStore, figs: _Figures) -> list[str]:
    m = ANALYSIS_MESSAGES
    c = a.comparators
    if c is None:
        return []
    unit, latest, out = a.info.unit, a.latest, []
    # Against the whole nation, the group's figures are the nation's (DESIGN: a group's figure carries the group).
    group_area = _nation(c) if c.comparison == "national" else {}
    figs.add("comparator median", c.median, c.period, **group_area)
    figs.add("comparator lower quartile", c.q1, c.period, **group_area)
    figs.add("comparator upper quartile", c.q3, c.period, **group_area)
    figs.add("comparators", float(c.n), c.period, unit="councils", **group_area)
    group = c.group_name.replace("_", " ")
    if c.comparison == "neighbours":
        key = "group_family" if c.terms == "lgbf" else "group_neighbours"
        who = m[key].format(area_s=possessive(a.area_name), group=group, n=c.n)
    else:
        who = m["group_all"].format(group=group, n=c.n)
    if c.period != latest.period and c.value is not None:
        figs.add("value compared", c.value, c.period)
        out.append(m["later_period"].format(period=c.period, area=a.area_name, value=with_unit(c.value, unit)))
    text = m["among"].format(who=who, period=c.period, median=with_unit(c.median, unit), q1=with_unit(c.q1, unit),
                             q3=with_unit(c.q3, unit))
    shared_best = bool(c.rank == 1 and c.tied_with)
    if c.rank is not None and c.quartile is not None:
        figs.add("rank", float(c.rank), c.period, unit="rank")
        figs.add("quartile", float(c.quartile), c.period, unit="quartile")
        names = [store.area_name(code) for code in c.tied_with]
        tied = m["tied_with"].format(names=names_list(names)) if names and not shared_best else ""
        text += m["rank"].format(area=a.area_name, joint=m["joint"] if names else "", rank=ordinal(c.rank),
                                 tied=tied, n=c.n, quartile=c.quartile)
    out.append(text + ".")
    if c.best_code is not None and c.best_value is not None:
        figs.add("best comparator value", c.best_value, c.period, area_code=c.best_code, area_name=c.best_name)
        label = m["label_neighbour"] if c.comparison == "neighbours" else m["label_council"]
        if c.rank == 1 and not shared_best:
            label = m["label_next"]  # the council itself is best: the one named is second, and is called so
        best_names = c.best_names or [c.best_name or c.best_code]
        value = with_unit(c.best_value, unit)
        if shared_best:
            out.append(m["best_shared"].format(area=a.area_name, value=value, names=names_list(best_names)))
        elif len(best_names) > 1:
            many = m["best_next_many"] if label == m["label_next"] else m["best_many"]
            out.append(many.format(label=label, names=names_list(best_names), value=value))
        else:
            out.append(m["best_one"].format(label=label, name=best_names[0], value=value))
    out += _national_sentences(a, store, figs)
    return out + _start_sentences(a, figs)


def _start_sentences(a: IndicatorAnalysis, figs: _Figures) -> list[str]:
    """Against the nation over a span: where the nation stood when the span began, so both ends compare."""
    m, s = ANALYSIS_MESSAGES, a.comparators_at_start
    if s is None or s.value is None:
        return []
    unit, nation = a.info.unit, _nation(s)
    if s.terms == "lgbf" and s.published_national is not None:
        figs.add("Scotland value (published) at the start", s.published_national, s.period, **nation)
        return [m["start_scotland"].format(period=s.period, value=with_unit(s.published_national, unit))]
    figs.add("comparator median at the start", s.median, s.period, **nation)
    figs.add("comparators at the start", float(s.n), s.period, unit="councils", **nation)
    who = m["group_all"].format(group=s.group_name.replace("_", " "), n=s.n)
    return [m["start_median"].format(period=s.period, who=who, median=with_unit(s.median, unit), area=a.area_name,
                                     value=with_unit(s.value, unit))]


def _nation(c: ComparatorAssessment) -> dict[str, str]:
    """The area a national figure is filed under: the nation's group code ("england") and name, when it has one."""
    if not c.national_name:
        return {}
    return {"area_code": c.national_name.lower(), "area_name": c.national_name}


def _national_sentences(a: IndicatorAnalysis, store: IndicatorStore, figs: _Figures) -> list[str]:
    """The whole-dataset comparison, named as the dataset declares (Oflog: England median and MAD bands; LGBF: the
    published Scotland value and family-group average; a council's own data: all councils in it, never national)."""
    m = ANALYSIS_MESSAGES
    c = a.comparators
    assert c is not None
    unit, out = a.info.unit, []
    if c.terms == "lgbf" and (c.published_national is not None or c.published_group_average is not None):
        if c.published_national is not None:
            # A whole-nation figure carries the nation as its area (DESIGN: a group's figure carries the group).
            figs.add("Scotland value (published)", c.published_national, c.period, **_nation(c))
            out.append(m["scotland"].format(period=c.period, value=with_unit(c.published_national, unit)))
        if c.published_group_average is not None and c.published_group_name:
            figs.add("family group average (published)", c.published_group_average, c.period)
            out.append(m["family_average"].format(group=c.published_group_name.replace("_", " "),
                                                  value=with_unit(c.published_group_average, unit)))
        return out
    if c.national_median is not None and c.comparison == "neighbours" and not c.group_is_everyone:
        if c.terms == "oflog":
            figs.add("national median", c.national_median, c.period, **_nation(c))
            figs.add("national councils", float(c.national_n), c.period, unit="councils", **_nation(c))
            out.append(m["england"].format(n=c.national_n, median=with_unit(c.national_median, unit)))
        else:
            label = store.dataset(a.info.dataset).national_label if a.info.dataset else "all councils in the data"
            figs.add("median of all councils in the data", c.national_median, c.period)
            figs.add("councils in the data", float(c.national_n), c.period, unit="councils")
            out.append(m["all_councils"].format(label=label, n=c.national_n, median=with_unit(c.national_median,
                                                                                             unit)))
    if c.terms == "oflog" and c.mads is not None and c.mads_band:
        figs.add("MADs from national median", c.mads, c.period, unit="MADs")
        if c.mads_band == "broadly similar":
            out.append(m["oflog_similar"].format(mads=number(c.mads)))
        else:
            judged = f" ({c.mads_judgement})" if c.mads_judgement else ""
            out.append(m["oflog_band"].format(band=c.mads_band, judged=judged, mads=number(c.mads)))
    return out


def _neighbours_sentence(a: IndicatorAnalysis, figs: _Figures) -> list[str]:
    m = ANALYSIS_MESSAGES
    nc = a.neighbours_improved
    if nc is None or nc.of < 1:
        return []
    terms = a.comparators.terms if a.comparators is not None else "local"
    who = m["who_national"] if nc.comparison != "neighbours" else m["who_family"] if terms == "lgbf" \
        else m["who_neighbours"]
    since = nc.from_period
    figs.add(f"neighbours compared since {since}", float(nc.of), nc.to_period, unit="councils")
    if nc.improved is None:
        figs.add(f"neighbours rising since {since}", float(nc.rose), nc.to_period, unit="councils")
        return [m["neighbours_unjudged"].format(start=since, end=nc.to_period, rose=nc.rose, of=nc.of, who=who,
                                                verdict="")]
    figs.add(f"neighbours improved since {since}", float(nc.improved), nc.to_period, unit="councils")
    share = nc.improved / nc.of
    verdict = ""
    if nc.council_direction == "improving":
        verdict = m["verdict_shared_better"] if share >= 2 / 3 else m["verdict_local_better"] if share <= 1 / 3 \
            else m["verdict_mixed"]
    elif nc.council_direction == "worsening":
        verdict = m["verdict_shared_worse"] if share <= 1 / 3 else m["verdict_local_worse"] if share >= 2 / 3 \
            else m["verdict_mixed"]
        if nc.improved == 0:
            verdict = m["verdict_none_better"]  # "most of them did not improve" is wrong when none did
    return [m["neighbours_judged"].format(start=since, end=nc.to_period, improved=nc.improved, of=nc.of, who=who,
                                          verdict=verdict)]


def _target_path_sentence(a: IndicatorAnalysis, figs: _Figures) -> list[str]:
    m = ANALYSIS_MESSAGES
    t = a.target_path
    if t is None:
        return []
    unit = a.info.unit
    figs.add("dated target", t.target, t.target_period)
    if t.met_already:
        return [m["target_met_already"].format(target=with_unit(t.target, unit), target_period=t.target_period)]
    change_unit = "percentage points" if is_percent(unit) else None
    figs.add("change needed per year to reach target", t.needed_per_year, t.from_period, unit=change_unit)
    text = m["target_path"].format(target=with_unit(t.target, unit), target_period=t.target_period,
                                   way=m["rise"] if t.needed_per_year > 0 else m["fall"],
                                   needed=_amount(t.needed_per_year, unit), latest=with_unit(t.from_value, unit),
                                   period=t.from_period)
    if t.recent_per_year is not None and t.recent_from_period is not None and t.on_track is not None:
        figs.add(f"average change per year since {t.recent_from_period}", t.recent_per_year, t.from_period,
                 unit=change_unit)
        # A recent change in the opposite direction to the one needed is not "too slow": it goes the wrong way.
        away = t.recent_per_year * t.needed_per_year < 0
        track = m["on_track"] if t.on_track else m["moving_away"] if away else m["off_track"]
        if t.recent_per_year:
            text += m["target_pace"].format(start=t.recent_from_period, track=track,
                                            moved=m["risen"] if t.recent_per_year > 0 else m["fallen"],
                                            pace=_amount(t.recent_per_year, unit))
        else:
            text += m["target_still"].format(start=t.recent_from_period, track=track)
    return [text + "."]


def describe(a: IndicatorAnalysis, store: IndicatorStore,
             year_earlier: Figure | None = None) -> tuple[list[str], list[Figure]]:
    """Sentences and the figures behind every number in them (`year_earlier`: same quarter/month a year before)."""
    m = ANALYSIS_MESSAGES
    figs = _Figures(a)
    info, unit = a.info, a.info.unit
    out: list[str] = []
    latest = a.latest
    figs.items.append(latest)
    out.append(f"{a.area_name}: {info.name} was {with_unit(latest.value, unit)} in {latest.period}.")

    if a.change is not None and a.previous is not None:
        figs.items.append(a.previous)
        phrase = _change_phrase(a.change, unit, figs, "since previous period")
        out.append(f"Compared with {with_unit(a.previous.value, unit)} in {a.previous.period}, that is {phrase}.")
    if a.span_change is not None:
        s = a.span_change
        figs.add("value at start of span", s.from_value, s.from_period)
        across = next((b for b in a.breaks if period_key(s.from_period) < period_key(b) <= period_key(s.to_period)),
                      None)
        phrase = _change_phrase(s, unit, figs, f"since {s.from_period}", across)
        out.append(f"Since {s.from_period} ({with_unit(s.from_value, unit)}) it is {phrase}.")
    if a.no_direction and (a.change is not None or a.span_change is not None):
        out.append(m["no_direction"])
    if a.consecutive >= 2:
        figs.add("consecutive periods in the same direction", float(a.consecutive), latest.period, unit="periods")
        out.append(run_sentence(a))
    if a.latest_in_year is not None:
        li = a.latest_in_year
        figs.items.append(li)
        noun = "quarter" if li.label.startswith("latest quarter") else "month"
        earlier = [p for p in a.in_year[:-1] if p.value is not None and year_of(p.period) == year_of(li.period)]
        for p in earlier:
            figs.add(f"earlier {noun} value", float(p.value or 0.0), p.period)
        listed = "; ".join(f"{p.period} {with_unit(float(p.value or 0.0), unit)}" for p in earlier)
        out.append(f"In-year: {li.period} was {with_unit(li.value, unit)}" + (f" ({listed})" if listed else "")
                   + f"; {noun}ly figures are shown beside the annual trend, not in it.")
    if year_earlier is not None:
        figs.items.append(year_earlier)
        out.append(f"A year earlier, {year_earlier.period} was {with_unit(year_earlier.value, unit)}.")

    if a.target is not None:
        t = a.target
        figs.add("target", t.target, t.period)
        if t.met:
            out.append(f"It met its target of {with_unit(t.target, unit)} (green).")
        else:
            gap = abs(t.gap)
            figs.add("gap to target", t.gap, t.period)
            by = format_points(gap) if is_percent(info.unit) else with_unit(gap, unit)
            out.append(f"It missed its target of {with_unit(t.target, unit)} by {by} "
                       f"({t.rag}; amber means within {number(t.tolerance * 100)}% of the target).")
            figs.add("RAG tolerance", t.tolerance * 100, t.period, unit="%")
        if t.green_but_bottom_quartile:
            out.append("Although green against its target, it is in the bottom quartile of its comparators.")

    out += _target_path_sentence(a, figs)
    out += _comparator_sentences(a, store, figs)
    out += _neighbours_sentence(a, figs)

    sig = a.signal
    if sig.method == "xmr" and sig.centre is not None and sig.lower_limit is not None and sig.upper_limit is not None:
        figs.add("XmR periods", float(sig.points), latest.period, unit="periods")
        figs.add("XmR centre line", sig.centre, latest.period)
        figs.add("XmR lower natural process limit", sig.lower_limit, latest.period)
        figs.add("XmR upper natural process limit", sig.upper_limit, latest.period)
        if sig.side_run:
            figs.add("XmR run on one side of the centre", float(sig.side_run), latest.period, unit="periods")
        if sig.trend_run:
            figs.add("XmR run rising or falling", float(sig.trend_run), latest.period, unit="periods")
        clip = {("lower",): m["clipped_lower"], ("upper",): m["clipped_upper"],
                ("lower", "upper"): m["clipped_both"]}.get(tuple(sig.clipped), "")
        out.append(f"Signal or noise: over {sig.points} periods the natural process limits are "
                   f"{with_unit(sig.lower_limit, unit)} to {with_unit(sig.upper_limit, unit)} around an average "
                   f"of {with_unit(sig.centre, unit)}" + (f" ({clip})" if clip else "") + f"; {sig.verdict}.")
    else:
        figs.add("periods held", float(sig.points), latest.period, unit="periods")
        figs.add("XmR minimum periods", float(sig.min_points), latest.period, unit="periods")
        out.append(f"Signal or noise: {sig.verdict}.")
    if a.check_figure:
        out.append(a.check_figure)

    last = a.series[-1] if a.series else None
    if last is not None and last.denominator is not None and any(x.startswith("Small numbers") for x in a.caveats):
        figs.add("denominator", last.denominator, last.period, unit="")
    out.extend(f"Caveat: {x}" for x in a.caveats)
    return out, figs.items


def path_sentence(a: IndicatorAnalysis) -> tuple[str, list[Figure]] | None:
    """Every value of a span from its first to its last period ("Period by period: 54.9% in 2016-17, …"), with a
    figure for each value between the two ends; None when the span has no period between them."""
    points = [p for p in a.series if p.value is not None]
    if len(points) < 3:
        return None
    figs = _Figures(a)
    unit = a.info.unit
    for point in points[1:-1]:
        assert point.value is not None
        figs.add("value in span", point.value, point.period)
    said = ", ".join(ANALYSIS_MESSAGES["path_point"].format(value=with_unit(float(p.value or 0.0), unit),
                                                            period=p.period) for p in points)
    return ANALYSIS_MESSAGES["path"].format(points=said), figs.items
