"""value, span, trend, compare, overview, period_not_held and target: about ten items each."""

from __future__ import annotations

from d4_core import (
    COUNTRY,
    SAMPLE_HOME,
    Builder,
    BuildError,
    attempt,
    expect,
    indicator_pool,
    phrase,
    pick_home,
    pick_other,
    pick_period,
    years_back,
)
from d4_words import WORDS, plain, say_period, say_quarter, say_since

# ---------------------------------------------------------------------------------------------- value
# (dataset, who, when, template). who: home | other; when: latest | period.
VALUE = [
    ("oflog", "other", "period", "{ind} - {c} - {p}?"),
    ("oflog", "home", "period", "Quick one before group: what was our {ind} figure in {p}? The chair is bound to ask"),
    ("oflog", "other", "latest", "need the most recent {ind} number for {c} for the briefing pack, ta"),
    ("oflog", "home", "latest", "what's our number for {ind} at the moment"),
    ("lgbf", "other", "period", "{c} {ind} {p}"),
    ("lgbf", "home", "latest", "I'm drafting the convener's note and have left a gap where our {ind} should go. "
                               "What's the most recent figure?"),
    ("lgbf", "other", "period", "Could you remind me what the {ind} was for {c} in {p}? I've got two different "
                                "numbers in two different papers and neither has a source"),
    ("lgbf", "home", "latest", "where are we currently on {ind}"),
    ("sample", "home", "period", "our {ind} in {p}?"),
    ("sample", "other", "latest", "What does {c} get for {ind}? Latest year is fine."),
]


def build_value(b: Builder) -> None:
    for ds, who, when, tpl in VALUE:
        def one(ds=ds, who=who, when=when, tpl=tpl):
            home = pick_home(b, ds)
            area = home if who == "home" else pick_other(b, ds, home)
            ind = b.pick(indicator_pool(b, ds, annual=(when == "period")))
            per = pick_period(b, ds, ind, area) if when == "period" else None
            text = tpl.format(ind=phrase(b, ds, ind), c=plain(b.d, ds, area),
                              p=say_period(per, b.pick(range(10))) if per else "")
            return b.add("value", ds, home, text, expect("value", [ind], [area], None, per),
                         f"value {'latest' if per is None else per}, {who} council")
        attempt(one)


# ---------------------------------------------------------------------------------------------- span
SPAN = [
    ("oflog", "other", "{ind} for {c} between {p1} and {p2}"),
    ("oflog", "home", "how has our {ind} moved from {p1} to {p2}?"),
    ("oflog", "home", "Can you pull {ind} for us, {p1} through to {p2}? I want to see whether the new "
                      "contract made any difference at all, because the cabinet member keeps saying it did"),
    ("oflog", "other", "{c}, {ind}: {p1} -> {p2} please"),
    ("lgbf", "home", "what happened to our {ind} between {p1} and {p2}"),
    ("lgbf", "other", "Show me {c}'s {ind} from {p1} to {p2}."),
    ("lgbf", "home", "{ind} change {p1} to {p2} (ours)"),
    ("lgbf", "other", "For the audit and scrutiny pre-meet I need {ind} in {c} going from {p1} up to {p2}"),
    ("sample", "home", "{ind} {p1} to {p2} - has it got better?"),
    ("sample", "other", "how did {c} get on with {ind} between {p1} and {p2}"),
]


def build_span(b: Builder) -> None:
    for ds, who, tpl in SPAN:
        def one(ds=ds, who=who, tpl=tpl):
            home = pick_home(b, ds)
            area = home if who == "home" else pick_other(b, ds, home)
            ind = b.pick(indicator_pool(b, ds, annual=True))
            held = b.d.fy_periods(ds, ind, area)
            if len(held) < 3:
                raise BuildError("short series")
            i = b.pick(range(len(held) - 2))
            j = b.pick(range(i + 2, len(held)))
            p1, p2 = held[i], held[j]
            s1 = b.pick(range(10))
            text = tpl.format(ind=phrase(b, ds, ind), c=plain(b.d, ds, area), p1=say_period(p1, s1),
                              p2=say_period(p2, s1 if b.pick([0, 1]) else s1 + 1))
            return b.add("span", ds, home, text, expect("trend", [ind], [area], p1, p2), f"span {p1} to {p2}")
        attempt(one)


# ---------------------------------------------------------------------------------------------- trend
TREND = [
    ("oflog", "since", "home", "has our {ind} improved {since}?"),
    ("oflog", "last", "home", "what's happened to {ind} here over the last {nw} years"),
    ("oflog", "none", "home", "is {ind} getting better or worse for us? direction of travel is all I need"),
    ("oflog", "since", "other", "{c} - {ind} - trend {since}"),
    ("lgbf", "since", "home", "How has {ind} changed {since}? Members keep asking and I don't have a clean answer"),
    ("lgbf", "last", "home", "{ind} over the past {nw} years for us"),
    ("lgbf", "none", "home", "are we heading the right way on {ind}"),
    ("lgbf", "last", "other", "trend in {ind} for {c}, last {n} years"),
    ("sample", "since", "home", "what's the trend on {ind} {since}"),
    ("sample", "none", "home", "Is our {ind} getting any better? Honest answer please, not the comms version"),
]


def build_trend(b: Builder) -> None:
    for ds, kind, who, tpl in TREND:
        def one(ds=ds, kind=kind, who=who, tpl=tpl):
            home = pick_home(b, ds)
            area = home if who == "home" else pick_other(b, ds, home)
            ind = b.pick(indicator_pool(b, ds, annual=(kind != "none")))
            if ds == "sample" and b.d.has_quarters(ds, ind, area):
                raise BuildError("quarterly series")
            last = b.latest(ds, ind, area)
            held = b.d.fy_periods(ds, ind, area)
            if last is None or last not in held or len(held) < 4:
                raise BuildError("short series")
            n = None
            if kind == "since":
                frm = b.pick(held[:-2])
                exp = expect("trend", [ind], [area], frm, last)
                extra = {"since": say_since(frm, b.pick(range(5)))}
            elif kind == "last":
                n = b.pick([2, 3, 4, 5])
                frm = years_back(last, n)
                exp = expect("trend", [ind], [area], frm, last)
                extra = {"n": n, "nw": WORDS[n]}
            else:
                exp = expect("trend", [ind], [area])
                extra = {}
            text = tpl.format(ind=phrase(b, ds, ind), c=plain(b.d, ds, area), **extra)
            return b.add("trend", ds, home, text, exp, f"trend {kind}" + (f" {n} years" if n else ""))
        attempt(one)


# ---------------------------------------------------------------------------------------------- compare
COMPARE = [
    ("oflog", "pair", "Is {c1} better than {c2} on {ind}?"),
    ("oflog", "us", "us v {c} on {ind}, {p}"),
    ("oflog", "national", "how do we stack up against the England figure for {ind}?"),
    ("oflog", "neighbours", "Benchmark our {ind} against our CIPFA nearest neighbours please"),
    ("lgbf", "pair", "{c1} or {c2} - who does better on {ind}?"),
    ("lgbf", "us", "compare our {ind} with {c}'s"),
    ("lgbf", "national", "are we above or below the Scottish average for {ind} in {p}?"),
    ("lgbf", "neighbours", "how do we compare with our family group on {ind}"),
    ("sample", "us", "Put our {ind} side by side with {c}'s for {p}"),
    ("sample", "neighbours", "{ind}: us against similar councils?"),
]


def build_compare(b: Builder) -> None:
    for ds, kind, tpl in COMPARE:
        def one(ds=ds, kind=kind, tpl=tpl):
            home = pick_home(b, ds)
            ind = b.pick(indicator_pool(b, ds, annual=("{p}" in tpl)))
            if ds == "sample" and "{p}" not in tpl and b.d.has_quarters(ds, ind, home):
                raise BuildError("quarterly series")
            extra = {}
            if kind == "pair":
                c1 = pick_other(b, ds, home)
                c2 = pick_other(b, ds, home, c1)
                areas, comp = [c1, c2], "area"
                extra = {"c1": plain(b.d, ds, c1), "c2": plain(b.d, ds, c2)}
            elif kind == "us":
                c = pick_other(b, ds, home)
                areas, comp = [home, c], "area"
                extra = {"c": plain(b.d, ds, c)}
            elif kind == "national":
                areas, comp = [home, COUNTRY[ds]], "national"
            else:
                areas, comp = [home, "neighbours"], "neighbours"
            per = None
            if "{p}" in tpl:
                per = pick_period(b, ds, ind, home)
                extra["p"] = say_period(per, b.pick(range(10)))
            text = tpl.format(ind=phrase(b, ds, ind), **extra)
            return b.add("compare", ds, home, text, expect("compare", [ind], areas, None, per, comp),
                         f"compare {kind}")
        attempt(one)


# ---------------------------------------------------------------------------------------------- overview
SAMPLE_SERVICES = {
    "waste": ["household_recycling_rate", "missed_bins_per_100k", "residual_waste_per_household",
              "waste_collection_cost_per_household"],
    "housing": ["homelessness_prevention_rate", "temporary_accommodation_per_1000", "relet_days",
                "dfg_within_26_weeks"],
    "revenues": ["council_tax_collection", "business_rates_collection"],
    "complaints": ["complaints_in_time", "stage2_complaints_upheld"],
    "workforce": ["sickness_absence_days", "staff_turnover"],
    "planning": ["planning_major_in_time", "planning_minor_in_time"],
}
OVERVIEW = [
    ("oflog", None, "how are we doing on adult social care overall?"),
    ("oflog", None, "Give me the headline picture for adult social care - all the measures you've got for us"),
    ("oflog", None, "ASC overview pls, cabinet member briefing tomorrow 9am"),
    ("oflog", None, "Before the Health and Wellbeing board I'd like a rounded view of how our adult care is "
                    "performing, not just one number, whatever you hold"),
    ("lgbf", "Environmental Services", "how are environmental services performing for us across the board"),
    ("lgbf", "Culture & Leisure Services", "quick overview of culture and leisure please"),
    ("lgbf", "Housing Services", "State of play on housing? All the housing measures"),
    ("lgbf", "Corporate Services", "Can I have a rundown of all our corporate services indicators?"),
    ("sample", "waste", "How's waste and recycling looking overall?"),
    ("sample", "housing", "overview of housing performance for the portfolio holder"),
]


def build_overview(b: Builder) -> None:
    for ds, service, text in OVERVIEW:
        def one(ds=ds, service=service, text=text):
            home = pick_home(b, ds)
            if ds == "oflog":
                inds = sorted(i for i in b.d.indicators(ds) if b.d.periods(ds, i, home))
            elif ds == "lgbf":
                inds = b.d.category("lgbf", service)
                if any(not b.d.periods(ds, i, home) for i in inds):
                    raise BuildError("home lacks part of the service")
            else:
                inds = SAMPLE_SERVICES[service]
            return b.add("overview", ds, home, text, expect("overview", inds, [home]),
                         f"overview {service or 'adult social care'}")
        attempt(one)


# ---------------------------------------------------------------------------------------------- period not held
# kind: gap (inside the series), before, after, quarter (annual data asked for a quarter), span (one end not held)
NOT_HELD = [
    ("oflog", "gap", "ASC1", "what was our {ind} in {p}?"),
    ("oflog", "before", "ASC5", "{ind} for {c} back in {p}"),
    ("oflog", "after", "ASC3", "Have we got {p} yet for {ind}? I'd like ours"),
    ("oflog", "quarter", "ASC7", "{ind} for {q} please"),
    ("lgbf", "after", "CHN02", "what's our {ind} in {p}"),
    ("lgbf", "before", "ECON09", "{c}'s {ind} in {p}?"),
    ("lgbf", "quarter", "CORP07", "{ind} for {q} - the finance officer says it's dipped"),
    ("lgbf", "span", "CLIM03", "Our {ind} from {p1} to {p2}"),
    ("sample", "before", "household_recycling_rate", "What was our {ind} in {p}, before the new contract?"),
    ("sample", "quarter", "staff_turnover", "{ind} in {q}?"),
]


def build_not_held(b: Builder) -> None:
    for ds, kind, ind, tpl in NOT_HELD:
        def one(ds=ds, kind=kind, ind=ind, tpl=tpl):
            home = pick_home(b, ds)
            area = pick_other(b, ds, home) if "{c}" in tpl else home
            held = b.d.fy_periods(ds, ind, area)
            if len(held) < 3:
                raise BuildError("short series")
            first, last = held[0], held[-1]
            extra = {}
            frm = None
            if kind == "gap":
                gaps = [years_back(p, 1) for p in held[1:] if years_back(p, 1) not in held]
                if not gaps:
                    raise BuildError("no gap")
                to = b.pick(gaps)
            elif kind == "before":
                to = years_back(first, b.pick([1, 2, 3]))
            elif kind == "after":
                to = years_back(last, -b.pick([1, 2]))
            elif kind == "span":
                frm, to = years_back(first, 2), held[len(held) // 2]
                extra = {"p1": say_period(frm, b.pick(range(10))), "p2": say_period(to, b.pick(range(10)))}
            else:
                to = f"{b.pick(held)} Q{b.pick([1, 2, 3, 4])}"
                extra = {"q": say_quarter(to, b.pick(range(4)))}
            if "p" not in extra and kind not in ("quarter", "span"):
                extra["p"] = say_period(to, b.pick(range(10)))
            if any(p in b.d.periods(ds, ind, a) for a in b.d.areas(ds) for p in [to]) and kind != "span":
                raise BuildError("held somewhere")
            text = tpl.format(ind=phrase(b, ds, ind), c=plain(b.d, ds, area), **extra)
            intent = "trend" if kind == "span" else "value"
            return b.add("period_not_held", ds, home, text, expect(intent, [ind], [area], frm, to),
                         f"not held: {kind}", not_held=True)
        attempt(one)


# ---------------------------------------------------------------------------------------------- target
TARGET = [
    ("household_recycling_rate", "2022-23", "did we hit the recycling target in {p}?"),
    ("sickness_absence_days", None, "are we on target for sickness absence"),
    ("temporary_accommodation_per_1000", None, "How far off target are we on TA?"),
    ("complaints_in_time", "2024-25 Q1", "were we green on complaints response times in {q}?"),
    ("relet_days", "2020-21", "Void turnaround {p} - target met or missed, and by how much?"),
    ("council_tax_collection", None, "council tax collection vs target, latest"),
    ("planning_major_in_time", "2021-22", "Did majors come in above target in {p}? The agent's forum is "
                                          "saying we were way off"),
    ("dfg_within_26_weeks", "2024-25 Q2", "DFGs within 26 wks: are we meeting our target as of {q}"),
    ("staff_turnover", "2021-22", "I remember turnover being red in {p}. Did we miss the target that year?"),
    ("stage2_complaints_upheld", None, "are we hitting our target on stage two complaints being upheld?"),
]


def build_target(b: Builder) -> None:
    for ind, per, tpl in TARGET:
        def one(ind=ind, per=per, tpl=tpl):
            home = SAMPLE_HOME
            if per is not None and (ind, home, per) not in b.d.targets:
                raise BuildError("no target")
            if per is None:
                latest = b.latest("sample", ind, home, "target")
                if (ind, home, latest) not in b.d.targets:
                    raise BuildError("no target for the latest period")
            style = b.pick(range(10))
            text = tpl.format(p=say_period(per, style) if per and "Q" not in per else "",
                              q=say_quarter(per, style) if per and "Q" in per else "")
            return b.add("target", "sample", home, text, expect("target", [ind], [home], None, per),
                         f"target {per or 'latest'}")
        attempt(one, tries=5)


def build_all(b: Builder) -> None:
    build_value(b)
    build_span(b)
    build_trend(b)
    build_compare(b)
    build_overview(b)
    build_not_held(b)
    build_target(b)
