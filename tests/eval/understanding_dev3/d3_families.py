"""Single-turn families: value, span, trend, compare, overview, target and period_not_held."""

from __future__ import annotations

from d3_core import Builder, expect
from d3_data import HOME_SAMPLE, LGBF, OFLOG, SAMPLE, is_annual, period_key, shift
from d3_words import (
    LATEST,
    NATIONAL_COMPARE,
    NEIGHBOUR_COMPARE,
    OVERVIEW_TOPICS,
    SAMPLE_SERVICES,
    fy,
    fy_in,
    ind_phrase,
    pad,
    quarter,
)


def poss(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def when(b: Builder, period: str) -> str:
    """``in 2019/20``, ``in Q1 2024-25`` or ``for the 2019-22 survey period``."""
    if "Q" in period:
        return "in " + quarter(b.rng, period)
    if not is_annual(period):
        return b.rng.choice([f"for the {period} survey period", f"in {period}", f"over {period}"])
    return fy_in(b.rng, period)


def pick_periods(b: Builder, ds: str, ind: str, areas: list[str]) -> str | None:
    """A period every council holds, or None for "latest"; roughly half the questions ask for the latest."""
    if b.rng.random() < 0.45:
        end = b.latest_same(ds, ind, areas)
        if end is not None:
            return None
    held = b.common(ds, ind, areas, annual=ind not in b.data.aggregate)
    if not held:
        return "skip"
    return b.rng.choice(held)


# ---------------------------------------------------------------------- value
VALUE_HOME = [
    "what was our {ind} {P}?", "how did we do on {ind} {P}?", "{ind} {P} - what's our number?",
    "what figure did we post for {ind} {P}?", "I'm after our {ind} result {P}, can you dig it out?",
    "need to check something for the report: our {ind} {P}",
]
VALUE_HOME_LATEST = [
    "where are we on {ind}{L}?", "what's our latest {ind}?", "what's the most recent figure we have for {ind}?",
    "{ind}: where do we stand{L}?", "give me our current {ind} number",
]
VALUE_OTHER = [
    "what was {A}'s {ind} {P}?", "can I get the {ind} figure for {a} {P}", "remind me what {a} recorded for {ind} {P}",
    "how did {a} do on {ind} {P}? someone mentioned it at the LGA conference",
]
VALUE_OTHER_LATEST = [
    "what's {A}'s {ind} looking like{L}?", "latest {ind} for {a}?", "has {a} got a recent figure for {ind}? what is it",
    "what does {a} score on {ind}{L}?",
]


def value_text(b: Builder, ds: str, home: str, ind: str, target: str, period: str | None) -> str:
    rng = b.rng
    name = b.name(ds, target)
    if target == home:
        tpl = rng.choice(VALUE_HOME_LATEST if period is None else VALUE_HOME)
    else:
        tpl = rng.choice(VALUE_OTHER_LATEST if period is None else VALUE_OTHER)
    text = tpl.format(ind=ind_phrase(rng, ds, ind), P=when(b, period) if period else "", L=rng.choice(LATEST),
                      A=name, a=name)
    return text.replace(f"{name}'s", poss(name))


def value_item(b: Builder, ds: str) -> bool:
    rng = b.rng
    home = b.home(ds)
    ind = b.ind(ds, annual=False)
    target = home if (ds == SAMPLE and rng.random() < 0.7) or rng.random() < 0.5 else None
    if target is None:
        target = rng.choice(b.others(ds, [home]))
    period = pick_periods(b, ds, ind, [target])
    if period == "skip":
        return False
    if ds == SAMPLE and period is None and b.latest_same(ds, ind, [target]) is None:
        return False
    text = value_text(b, ds, home, ind, target, period)
    used = period or b.data.latest(ds, ind, target)
    b.add("value", ds, home, [pad(rng, text)], expect("value", [ind], [target], None, period),
          [b.val(ds, ind, target, used)], f"value {'latest' if period is None else period}")
    return True


# ---------------------------------------------------------------------- span
SPAN_HOME = [
    "how did our {ind} change between {F} and {T}?", "what happened to our {ind} from {F} to {T}?",
    "can you chart {ind} for us from {F} up to {T}", "our {ind}, {F} through to {T} please",
    "I'd like to see how we moved on {ind} between {F} and {T} - we're reviewing the whole period",
]
SPAN_OTHER = [
    "show me {a}'s {ind} from {F} to {T}", "{ind} for {a}, {F} to {T}?",
    "how did {ind} move at {a} between {F} and {T}?", "what did {a} do on {ind} from {F} through {T}",
]


def span_item(b: Builder, ds: str) -> bool:
    rng = b.rng
    home = b.home(ds)
    ind = b.ind(ds)
    target = home if rng.random() < 0.55 else rng.choice(b.others(ds, [home]))
    held = b.common(ds, ind, [target])
    if len(held) < 3:
        return False
    i = rng.randrange(0, len(held) - 2)
    j = rng.randrange(i + 2, len(held))
    frm, to = held[i], held[j]
    name = b.name(ds, target)
    tpl = rng.choice(SPAN_HOME if target == home else SPAN_OTHER)
    text = tpl.format(ind=ind_phrase(rng, ds, ind), F=fy(rng, frm), T=fy(rng, to), a=name)
    text = text.replace(f"{name}'s", poss(name))
    b.add("span", ds, home, [pad(rng, text)], expect("trend", [ind], [target], frm, to),
          [b.val(ds, ind, target, frm), b.val(ds, ind, target, to)], f"span {frm} to {to}")
    return True


# ---------------------------------------------------------------------- trend
TREND_SINCE = [
    "how has our {ind} changed since {Y}?", "has {ind} improved here since {Y}?", "{ind} since {Y} - better or worse?",
    "what's happened to our {ind} since {Y}", "have we gone backwards on {ind} since {Y}?",
]
TREND_SINCE_OTHER = ["has {a}'s {ind} improved since {Y}?", "how has {a} done on {ind} since {Y}?"]
TREND_LASTN = [
    "how has {ind} moved over the last {N} years for us?", "our {ind} over the past {N} years?",
    "what's the trend in {ind} over the last {N} years", "has {ind} got better in the past {N} years?",
]
TREND_OPEN = [
    "is our {ind} getting better or worse?", "which way is our {ind} heading?", "direction of travel on {ind}?",
    "are we improving on {ind}?",
]
NUM_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def trend_item(b: Builder, ds: str) -> bool:
    rng = b.rng
    home = b.home(ds)
    ind = b.ind(ds)
    roll = rng.random()
    target = home if roll < 0.8 else rng.choice(b.others(ds, [home]))
    name = b.name(ds, target)
    phrase = ind_phrase(rng, ds, ind)
    if roll < 0.2:
        end = b.data.latest(ds, ind, target, annual_only=True)
        if end is None or target != home:
            return False
        text = rng.choice(TREND_OPEN).format(ind=phrase)
        b.add("trend", ds, home, [pad(rng, text)], expect("trend", [ind], [home]),
              [b.val(ds, ind, home, end)], "trend with no period: the latest figure")
        return True
    options = b.since_options(ds, ind, target)
    if not options:
        return False
    frm, to = rng.choice(options)
    start = int(frm[:4])
    if roll < 0.55 or target != home:
        year = rng.choice([str(start), fy(rng, frm), str(start)])
        tpl = rng.choice(TREND_SINCE if target == home else TREND_SINCE_OTHER)
        text = tpl.format(ind=phrase, Y=year, a=name).replace(f"{name}'s", poss(name))
        note = f"since {year} -> {frm}"
    else:
        n = period_key(to)[1] - start
        if n > 6:
            return False
        word = NUM_WORDS.get(n, str(n)) if rng.random() < 0.5 else str(n)
        text = rng.choice(TREND_LASTN).format(ind=phrase, N=word)
        note = f"last {n} years -> {frm} to {to}"
    b.add("trend", ds, home, [pad(rng, text)], expect("trend", [ind], [target], frm, to),
          [b.val(ds, ind, target, frm), b.val(ds, ind, target, to)], note)
    return True


# ---------------------------------------------------------------------- compare
AREA_TWO = [
    "is {a} better than {b} at {ind}?", "{a} or {b} - who's ahead on {ind}{P}?",
    "compare {ind} for {a} and {b}{P}", "how does {a} compare with {b} on {ind}{P}?",
]
AREA_US = [
    "us vs {b} on {ind}{P}", "are we doing better or worse than {b} on {ind}{P}?",
    "how do we stack up against {b} for {ind}{P}?", "{ind}{P}: how do we compare to {b}?",
]
AREA_US_TWO = ["how do we stack up against {b} and {c} on {ind}{P}?", "compare us with {b} and {c} for {ind}{P}"]
NEIGH = [
    "how do we compare with {nb} on {ind}{P}?", "are we above or below {nb} on {ind}{P}?",
    "{ind}{P}: us against {nb}", "benchmark our {ind}{P} against {nb} please",
    "members keep asking whether we're out of line with {nb} on {ind}{P} - are we?",
]
NAT = [
    "how does our {ind} compare with {nat}{P}?", "are we above {nat} for {ind}{P}?", "{ind} - us vs {nat}{P}",
    "is our {ind} better or worse than {nat}{P}?",
]


def compare_item(b: Builder, ds: str, kind: str) -> bool:
    rng = b.rng
    home = b.home(ds)
    ind = b.ind(ds)
    phrase = ind_phrase(rng, ds, ind)
    if kind == "area":
        style = rng.choice(["two", "us", "us", "us_two"])
        others = rng.sample(b.others(ds, [home]), 2)
        areas = others if style == "two" else ([home] + others[:1] if style == "us" else [home] + others)
        period = pick_periods(b, ds, ind, areas)
        if period == "skip":
            return False
        if period is None and b.latest_same(ds, ind, areas) is None:
            return False
        used = period or b.latest_same(ds, ind, areas)
        ptxt = " " + when(b, period) if period else ""
        names = [b.name(ds, a) for a in areas]
        if style == "two":
            text = rng.choice(AREA_TWO).format(a=names[0], b=names[1], ind=phrase, P=ptxt)
        elif style == "us":
            text = rng.choice(AREA_US).format(b=names[1], ind=phrase, P=ptxt)
        else:
            text = rng.choice(AREA_US_TWO).format(b=names[1], c=names[2], ind=phrase, P=ptxt)
        figs = [b.val(ds, ind, a, used) for a in areas]
        b.add("compare", ds, home, [pad(rng, text)], expect("compare", [ind], areas, None, period, "area"), figs,
              f"named councils, {used}")
        return True
    if kind == "neighbours":
        if len(b.data.group(ds, home, ind)) < 3:
            return False
        period = pick_periods(b, ds, ind, [home])
        if period == "skip":
            return False
        used = period or b.data.latest(ds, ind, home)
        if ds == SAMPLE and not is_annual(used):
            return False
        ptxt = " " + when(b, period) if period else ""
        text = rng.choice(NEIGH).format(nb=rng.choice(NEIGHBOUR_COMPARE[ds]), ind=phrase, P=ptxt)
        b.add("compare", ds, home, [pad(rng, text)],
              expect("compare", [ind], [home, "neighbours"], None, period, "neighbours"),
              [b.val(ds, ind, home, used)], f"neighbours, {used}: the home council's figure")
        return True
    period = pick_periods(b, ds, ind, [home])
    if period == "skip":
        return False
    used = period or b.data.latest(ds, ind, home)
    nat = b.national_fig(ds, ind, used)
    if nat is None:
        return False
    ptxt = " " + when(b, period) if period else ""
    text = rng.choice(NAT).format(nat=rng.choice(NATIONAL_COMPARE[ds]), ind=phrase, P=ptxt)
    scope = "england" if ds == OFLOG else "scotland"
    b.add("compare", ds, home, [pad(rng, text)], expect("compare", [ind], [home, scope], None, period, "national"),
          [b.val(ds, ind, home, used), nat], f"national, {used}")
    return True


# ---------------------------------------------------------------------- overview
OVERVIEW = [
    "how are we doing on {t}?", "give me an overview of our {t} performance", "what's the overall picture for {t}{L}?",
    "quick rundown of {t} for us please - all the indicators", "are we getting worse on {t}?",
    "summary of {t} performance for the portfolio holder briefing", "how's {t} looking across the board?",
    "I've been asked to scrutinise {t} next month. where are we overall?",
]


def overview_sets(b: Builder, ds: str, home: str) -> list[tuple[str, list[str], str]]:
    """(topic key, indicators, topic words) the home council can be asked about."""
    data = b.data
    out = []
    if ds == OFLOG:
        inds = sorted(i for i in data.indicators(OFLOG) if data.held(OFLOG, i, home))
        out.append(("asc", inds, b.rng.choice(OVERVIEW_TOPICS[OFLOG])))
    elif ds == LGBF:
        for cat in sorted({c for c in data.category.values()}):
            if (LGBF, cat) not in OVERVIEW_TOPICS:
                continue
            inds = sorted(i for i, c in data.category.items() if c == cat)
            if all(data.held(LGBF, i, home) for i in inds):
                out.append((cat, inds, b.rng.choice(OVERVIEW_TOPICS[(LGBF, cat)])))
    else:
        for key, inds in SAMPLE_SERVICES.items():
            out.append((key, sorted(inds), b.rng.choice(OVERVIEW_TOPICS[(SAMPLE, key)])))
    return out


def overview_item(b: Builder, ds: str) -> bool:
    rng = b.rng
    home = b.home(ds)
    options = overview_sets(b, ds, home)
    if not options:
        return False
    fresh = [o for o in options if (ds, o[0]) not in b.topics]
    key, inds, words = rng.choice(fresh or options)
    b.topics.add((ds, key))
    text = rng.choice(OVERVIEW).format(t=words, L=rng.choice(LATEST))
    figs = []
    for i in inds:
        held = [p for p in b.data.held(ds, i, home) if ds != SAMPLE or is_annual(p)]
        figs.append(b.val(ds, i, home, held[-1]))
    b.add("overview", ds, home, [pad(rng, text)], expect("overview", inds, [home]), figs,
          f"overview of {key}: every indicator held, latest figures")
    return True


# ---------------------------------------------------------------------- target (sample pack only)
TARGET_LATEST = [
    "did we hit our {ind} target?", "are we on target for {ind}?",
    "is {ind} red, amber or green against target right now?",
    "how far off target are we on {ind} at the moment?", "{ind} - are we meeting the target?",
]
TARGET_PERIOD = [
    "did we meet the {ind} target {P}?", "how far off target were we on {ind} {P}?", "{ind} vs target {P}?",
    "were we on target for {ind} {P}?", "the cabinet member says we hit the {ind} target {P}. did we?",
]


def target_item(b: Builder) -> bool:
    rng = b.rng
    home = HOME_SAMPLE
    inds = sorted({i for (i, a, _p) in b.data.targets if a == home})
    ind = rng.choice(inds)
    held = [p for p in b.data.held(SAMPLE, ind, home) if (ind, home, p) in b.data.targets]
    roll = rng.random()
    if roll < 0.45:
        period = None
        used = held[-1]
        text = rng.choice(TARGET_LATEST).format(ind=ind_phrase(rng, SAMPLE, ind))
    else:
        quarters = [p for p in held if "Q" in p]
        if roll < 0.6 and quarters:
            period = rng.choice(quarters)
        else:
            period = rng.choice([p for p in held if is_annual(p)])
        used = period
        text = rng.choice(TARGET_PERIOD).format(ind=ind_phrase(rng, SAMPLE, ind), P=when(b, period))
    b.add("target", SAMPLE, home, [pad(rng, text)], expect("target", [ind], [home], None, period),
          [b.val(SAMPLE, ind, home, used)], f"target, {used} (target {b.data.targets[(ind, home, used)]})")
    return True


# ---------------------------------------------------------------------- period not held
PNH_VALUE = [
    "what was our {ind} {P}?", "can I have {a}'s {ind} figure {P}", "how did we do on {ind} {P}?",
    "{ind} {P} for {a}?",
]
PNH_SPAN = ["how did our {ind} change between {F} and {T}?", "show me {ind} from {F} to {T} for us"]


def pnh_item(b: Builder, ds: str) -> bool:
    rng = b.rng
    home = b.home(ds)
    ind = b.ind(ds)
    target = home if rng.random() < 0.6 else rng.choice(b.others(ds, [home]))
    held = b.data.held(ds, ind, target)
    annual = [p for p in held if is_annual(p)]
    if len(annual) < 2:
        return False
    first, last = annual[0], annual[-1]
    gaps = [shift(first, -1), shift(first, -2), shift(last, 1), shift(last, 2)]
    inside = range(1, period_key(last)[1] - period_key(first)[1])
    gaps += [shift(first, k) for k in inside if shift(first, k) not in held]
    if ds == SAMPLE and rng.random() < 0.3:
        gaps = [rng.choice(["2024-25 Q3", "2023-24 Q4"])]
    gaps = [g for g in gaps if g not in held and not (ds == SAMPLE and g.startswith("2024-25") and "Q" not in g)]
    if not gaps:
        return False
    gap = rng.choice(gaps)
    name = b.name(ds, target)
    if "Q" not in gap and rng.random() < 0.3 and period_key(gap) < period_key(first):
        to = rng.choice(annual[1:])
        text = rng.choice(PNH_SPAN).format(ind=ind_phrase(rng, ds, ind), F=fy(rng, gap), T=fy(rng, to))
        if target != home:
            return False
        exp = expect("trend", [ind], [target], gap, to)
    else:
        tpl = rng.choice(PNH_VALUE)
        if target == home and "{a}" in tpl:
            tpl = tpl.replace("{a}'s", "our").replace(" for {a}", "")
        elif target != home and "{a}" not in tpl:
            tpl = tpl.replace("our", "{a}'s").replace("did we do", "did {a} do")
        text = tpl.format(ind=ind_phrase(rng, ds, ind), P=when(b, gap), a=name).replace(f"{name}'s", poss(name))
        exp = expect("value", [ind], [target], None, gap)
    b.add("period_not_held", ds, home, [pad(rng, text)], exp, [], f"{gap} is not held for {target}", not_held=True)
    return True
