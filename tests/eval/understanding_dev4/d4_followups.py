"""Follow-up threads of 2-4 turns. Each turn changes a running reading; only the last turn is scored.

A thread is an opening step and follow-up steps. Every step writes its turn and updates the state; a step that
does not fit the state (a council that does not hold the period, a measure with no direction) raises BuildError
and the whole thread is picked again.
"""

from __future__ import annotations

from d4_core import (
    COUNTRY,
    Builder,
    BuildError,
    attempt,
    expect,
    indicator_pool,
    phrase,
    pick_home,
    pick_other,
    pick_period,
    unknown,
    years_back,
)
from d4_rank import order_for
from d4_words import WORDS, plain, say_period, say_since, scope_word

CARERS = {"ASC2": "ASC1", "ASC3": "ASC4"}


class State(dict):
    """ds, home, intent, inds, areas, frm, to, comparison, n, order, since, scope."""

    def reading(self) -> dict:
        if self["intent"] == "unknown":
            return unknown()
        return expect(self["intent"], self["inds"], self["areas"], self["frm"], self["to"], self["comparison"],
                      self["n"], self["order"])


def _state(ds, home, **kw) -> State:
    st = State(ds=ds, home=home, intent="value", inds=[], areas=[], frm=None, to=None, comparison=None, n=None,
               order=None, since=False, scope=None)
    st.update(kw)
    return st


def _sample_ok(b, st, ind, area):
    if st["ds"] == "sample" and b.d.has_quarters("sample", ind, area) and st["to"] is None:
        raise BuildError("latest on a quarterly series")


def _held(b, st, area, period) -> None:
    for ind in st["inds"]:
        if period is not None and b.d.value(st["ds"], ind, area, period) is None:
            raise BuildError("not held")


# ------------------------------------------------------------------------------------------------ openings
def open_value(b: Builder, st: State, who: str, when: str, only=None) -> str:
    ds = st["ds"]
    area = st["home"] if who == "home" else pick_other(b, ds, st["home"])
    ind = b.pick(indicator_pool(b, ds, annual=True, only=only))
    per = pick_period(b, ds, ind, area, not_latest=True) if when == "period" else None
    st.update(inds=[ind], areas=[area], to=per)
    _sample_ok(b, st, ind, area)
    p = say_period(per, b.pick(range(10))) if per else ""
    i = phrase(b, ds, ind)
    if who == "home":
        opts = [f"what was our {i} in {p}?", f"{i} {p}, ours?", f"Can I have our {i} for {p} please"] if per else \
            [f"where are we on {i}?", f"latest {i} for us please", f"what's our {i} currently"]
    else:
        c = plain(b.d, ds, area)
        opts = [f"{i} for {c} in {p}", f"what did {c} get for {i} in {p}?"] if per else \
            [f"what's {c}'s latest {i}?", f"{c} - {i} - latest"]
    return b.pick(opts)


def open_rank(b: Builder, st: State, scope: str, kind: str, n: int) -> str:
    ds = st["ds"]
    ind = b.pick(indicator_pool(b, ds, directional=True))
    pol = b.d.polarity[(ds, ind)]
    if kind == "top" and pol != "higher":
        kind = "best"
    areas = [scope] if scope != "neighbours" else [st["home"], "neighbours"]
    st.update(intent="rank", inds=[ind], areas=areas, comparison="ranking", n=n, order=order_for(kind, pol),
              scope=scope)
    w = scope_word(ds, scope, b.pick(range(4)))
    i = phrase(b, ds, ind)
    word = {"best": "best", "top": "top", "worst": "worst"}[kind]
    if n == 1:
        return b.pick([f"who's {word} {w} for {i}?", f"which council is {word} {w} on {i}"])
    return b.pick([f"{word} {n} {w} for {i}", f"Which {WORDS[n]} councils are {word} {w} on {i}?",
                   f"give me the {word} {WORDS[n]} {w}, {i}"])


def open_compare(b: Builder, st: State, kind: str) -> str:
    ds = st["ds"]
    ind = b.pick(indicator_pool(b, ds, annual=True))
    c2 = pick_other(b, ds, st["home"])
    c1 = st["home"] if kind == "us" else pick_other(b, ds, st["home"], c2)
    per = pick_period(b, ds, ind, c1)
    st.update(intent="compare", inds=[ind], areas=[c1, c2], comparison="area", to=per)
    _held(b, st, c2, per)
    i, p = phrase(b, ds, ind), say_period(per, b.pick(range(10)))
    if kind == "us":
        return b.pick([f"us v {plain(b.d, ds, c2)} on {i}, {p}", f"how do we compare with {plain(b.d, ds, c2)} "
                                                                 f"for {i} in {p}?"])
    return f"{plain(b.d, ds, c1)} vs {plain(b.d, ds, c2)} - {i} - {p}"


def open_since(b: Builder, st: State) -> str:
    ds = st["ds"]
    ind = b.pick(indicator_pool(b, ds, annual=True))
    if ds == "sample" and b.d.has_quarters(ds, ind, st["home"]):
        raise BuildError("quarterly")
    held = b.d.fy_periods(ds, ind, st["home"])
    if len(held) < 5:
        raise BuildError("short")
    frm = b.pick(held[:-3])
    st.update(intent="trend", inds=[ind], areas=[st["home"]], frm=frm, to=held[-1], since=True)
    return b.pick([f"how has our {phrase(b, ds, ind)} changed {say_since(frm, b.pick(range(5)))}?",
                   f"{phrase(b, ds, ind)} trend {say_since(frm, b.pick(range(5)))} please"])


# ------------------------------------------------------------------------------------------------ follow-ups
def council(b: Builder, st: State) -> str:
    ds = st["ds"]
    new = pick_other(b, ds, st["home"], *st["areas"])
    if st["since"]:
        last = b.latest(ds, st["inds"][0], new)
        if last is None or b.d.value(ds, st["inds"][0], new, st["frm"]) is None:
            raise BuildError("not held")
        st["to"] = last
    else:
        _held(b, st, new, st["to"])
        if st["to"] is None:
            _sample_ok(b, st, st["inds"][0], new)
    st["areas"] = [new]
    c = plain(b.d, ds, new)
    return b.pick([f"same for {c}?", f"What about {c}?", f"and {c}", f"how about {c.lower()}", f"ok now {c}"])


def period(b: Builder, st: State) -> str:
    per = pick_period(b, st["ds"], st["inds"][0], st["areas"][0])
    if per == st["to"]:
        raise BuildError("same period")
    st["to"] = per
    p = say_period(per, b.pick(range(10)))
    return b.pick([f"what about {p}?", f"and in {p}?", f"same but {p}", f"{p}?"])


def since_then(b: Builder, st: State) -> str:
    ds, ind, area = st["ds"], st["inds"][0], st["areas"][0]
    if st["to"] is None:
        raise BuildError("no period to start from")
    if ds == "sample" and b.d.has_quarters(ds, ind, area):
        raise BuildError("quarterly")
    last = b.latest(ds, ind, area)
    if last == st["to"]:
        raise BuildError("already the latest")
    st.update(intent="trend", frm=st["to"], to=last, since=True)
    return b.pick(["And since then?", "how has it moved since?", "and what's happened since then", "since then?"])


def prev_year(b: Builder, st: State) -> str:
    if st["to"] is None:
        raise BuildError("no period")
    per = years_back(st["to"], 1)
    _held(b, st, st["areas"][0], per)
    st["to"] = per
    return b.pick(["and the year before?", "what about the previous year?", "and the year prior to that"])


def nationally(b: Builder, st: State) -> str:
    if st["areas"] != [st["home"]] or st["intent"] != "value":
        raise BuildError("nationally follows our own value")
    country = COUNTRY[st["ds"]]
    st.update(intent="compare", areas=[st["home"], country], comparison="national")
    if country == "england":
        return b.pick(["how does that compare nationally?", "vs the England median?", "and against England?"])
    return b.pick(["how does that compare with the Scottish figure?", "and against Scotland as a whole?",
                   "vs the national average?"])


def neighbours(b: Builder, st: State) -> str:
    if st["areas"][0] != st["home"] or st["intent"] not in ("value", "compare"):
        raise BuildError("neighbours follows our own value")
    st.update(intent="compare", areas=[st["home"], "neighbours"], comparison="neighbours")
    return b.pick({
        "oflog": ["And against our nearest neighbours?", "how do we look next to our CIPFA group?"],
        "lgbf": ["and against our family group?", "how does that sit within the family group"],
        "sample": ["and compared with our nearest neighbours?", "vs similar councils?"],
    }[st["ds"]])


def carers(b: Builder, st: State) -> str:
    ind = st["inds"][0]
    if ind not in CARERS:
        raise BuildError("no carers' measure")
    st["inds"] = [CARERS[ind]]
    _held(b, st, st["areas"][0], st["to"])
    return b.pick(["and for carers?", "same for carers", "what about the carers' one?"])


def switch_ind(b: Builder, st: State) -> str:
    ds = st["ds"]
    pol = b.d.polarity[(ds, st["inds"][0])] if st["intent"] == "rank" else None
    new = b.pick(indicator_pool(b, ds, annual=st["to"] is not None or st["since"], directional=pol is not None,
                                pol=pol))
    if new == st["inds"][0]:
        raise BuildError("same measure")
    st["inds"] = [new]
    for a in st["areas"]:
        if a not in ("england", "scotland", "neighbours"):
            _held(b, st, a, st["to"])
            _held(b, st, a, st["frm"])
            if st["to"] is None:
                _sample_ok(b, st, new, a)
    if st["since"] and (b.latest(ds, new, st["areas"][0]) != st["to"] or b.d.has_quarters(ds, new, st["areas"][0])):
        raise BuildError("latest differs")
    i = phrase(b, ds, new)
    return b.pick([f"now do {i}", f"ok, {i} instead", f"Right - same again for {i}", f"and {i}?"])


def add_council(b: Builder, st: State) -> str:
    new = pick_other(b, st["ds"], st["home"], *st["areas"])
    _held(b, st, new, st["to"])
    st["areas"] = st["areas"] + [new]
    c = plain(b.d, st["ds"], new)
    return b.pick([f"and throw in {c}", f"add {c} to that please", f"can you put {c} in as well"])


def replace_council(b: Builder, st: State) -> str:
    new = pick_other(b, st["ds"], st["home"], *st["areas"])
    _held(b, st, new, st["to"])
    old = st["areas"][-1]
    st["areas"] = st["areas"][:-1] + [new]
    o, c = plain(b.d, st["ds"], old), plain(b.d, st["ds"], new)
    return b.pick([f"swap {o} for {c}", f"replace {o} with {c}", f"actually do {c} rather than {o}"])


def ours(b: Builder, st: State) -> str:
    home = st["home"]
    if home in st["areas"]:
        raise BuildError("already ours")
    if st["since"]:
        if b.latest(st["ds"], st["inds"][0], home) != st["to"]:
            raise BuildError("latest differs")
    _held(b, st, home, st["to"])
    _held(b, st, home, st["frm"])
    if st["to"] is None:
        _sample_ok(b, st, st["inds"][0], home)
    st["areas"] = [home]
    return b.pick(["and ours?", "what's ours?", "and us?", "how about us", "and what's our figure"])


def flip(b: Builder, st: State) -> str:
    n = b.pick([3, 4, 5])
    st.update(order="worst" if st["order"] == "best" else "best", n=n)
    word = "worst" if st["order"] == "worst" else "best"
    return b.pick([f"what about the {word} {WORDS[n]}?", f"and the {word} {n}", f"now the {word} {n} please"])


def where(b: Builder, st: State) -> str:
    st.update(n=None, order=None, areas=[st["home"], st["scope"]])
    return b.pick(["and where do we come?", "where are we in that?", "and our position?", "where do we rank?"])


def to_neighbours(b: Builder, st: State) -> str:
    if st["ds"] == "sample" or st["scope"] == "neighbours":
        raise BuildError("already neighbours")
    st.update(scope="neighbours", areas=[st["home"], "neighbours"])
    return b.pick({"oflog": ["same but just our CIPFA neighbours", "and among our nearest neighbours?"],
                   "lgbf": ["and within our family group?", "same again for the family group"]}[st["ds"]])


def last_n(b: Builder, st: State) -> str:
    n = b.pick([2, 3, 4])
    frm = years_back(st["to"], n)
    _held(b, st, st["areas"][0], frm)
    if frm == st["frm"]:
        raise BuildError("same span")
    st["frm"] = frm
    return b.pick([f"just the last {WORDS[n]} years", f"over the last {n} years instead?"])


def thanks(b: Builder, st: State) -> str:
    st["intent"] = "unknown"
    return b.pick(["brilliant, thanks", "perfect, cheers - that's all for now", "great ta"])


OPEN = {"value": open_value, "rank": open_rank, "compare": open_compare, "since": open_since}
STEP = {f.__name__: f for f in (council, period, since_then, prev_year, nationally, neighbours, carers,
                                 switch_ind, add_council, replace_council, ours, flip, where, to_neighbours,
                                 last_n, thanks)}

# (dataset, opening, its arguments, follow-up steps)
THREADS = [
    ("oflog", "value", ("home", "period"), ["council"]),
    ("oflog", "value", ("other", "latest"), ["ours"]),
    ("oflog", "value", ("home", "period"), ["since_then"]),
    ("oflog", "value", ("home", "latest"), ["nationally"]),
    ("oflog", "value", ("home", "latest"), ["neighbours"]),
    ("oflog", "value", ("home", "period", ["ASC2"]), ["carers"]),
    ("oflog", "rank", ("england", "top", 5), ["flip"]),
    ("oflog", "rank", ("england", "best", 3), ["where"]),
    ("oflog", "rank", ("england", "best", 5), ["to_neighbours"]),
    ("oflog", "value", ("home", "period"), ["switch_ind"]),
    ("oflog", "compare", ("pair",), ["add_council"]),
    ("oflog", "compare", ("us",), ["replace_council"]),
    ("oflog", "value", ("other", "period"), ["period", "ours"]),
    ("oflog", "value", ("home", "period"), ["prev_year", "nationally"]),
    ("oflog", "since", (), ["last_n"]),
    ("oflog", "value", ("home", "latest", ["ASC3"]), ["carers", "neighbours"]),
    ("oflog", "rank", ("england", "top", 5), ["flip", "where"]),
    ("oflog", "value", ("other", "period"), ["council", "period", "ours"]),
    ("oflog", "value", ("home", "latest"), ["thanks"]),
    ("lgbf", "value", ("home", "period"), ["council"]),
    ("lgbf", "value", ("other", "latest"), ["ours"]),
    ("lgbf", "value", ("home", "period"), ["since_then"]),
    ("lgbf", "value", ("home", "latest"), ["nationally"]),
    ("lgbf", "value", ("home", "latest"), ["neighbours"]),
    ("lgbf", "rank", ("scotland", "top", 5), ["flip"]),
    ("lgbf", "rank", ("scotland", "best", 3), ["where"]),
    ("lgbf", "rank", ("scotland", "best", 3), ["to_neighbours"]),
    ("lgbf", "value", ("home", "period"), ["switch_ind"]),
    ("lgbf", "compare", ("pair",), ["replace_council"]),
    ("lgbf", "compare", ("us",), ["add_council"]),
    ("lgbf", "value", ("home", "period"), ["period", "nationally"]),
    ("lgbf", "value", ("other", "latest"), ["ours", "neighbours"]),
    ("lgbf", "since", (), ["council"]),
    ("lgbf", "rank", ("neighbours", "best", 1), ["where"]),
    ("lgbf", "value", ("home", "period"), ["prev_year", "since_then"]),
    ("lgbf", "value", ("other", "period"), ["council", "ours", "nationally"]),
    ("lgbf", "rank", ("scotland", "worst", 3), ["switch_ind", "to_neighbours"]),
    ("sample", "value", ("home", "period"), ["period"]),
    ("sample", "value", ("home", "period"), ["council"]),
    ("sample", "value", ("home", "period"), ["since_then"]),
    ("sample", "value", ("home", "latest"), ["neighbours"]),
    ("sample", "rank", ("neighbours", "best", 3), ["where"]),
    ("sample", "rank", ("neighbours", "top", 5), ["flip"]),
    ("sample", "value", ("home", "period"), ["switch_ind"]),
    ("sample", "compare", ("us",), ["add_council"]),
    ("sample", "value", ("other", "period"), ["ours", "since_then"]),
    ("sample", "value", ("home", "period"), ["prev_year", "neighbours"]),
    ("sample", "since", (), ["switch_ind"]),
    ("sample", "value", ("home", "period"), ["council", "period", "ours"]),
    ("sample", "value", ("home", "latest"), ["thanks"]),
]


def build_followups(b: Builder) -> None:
    for ds, opening, args, steps in THREADS:
        def one(ds=ds, opening=opening, args=args, steps=steps):
            st = _state(ds, pick_home(b, ds))
            turns = [OPEN[opening](b, st, *args)]
            b.figures(ds, st["home"], st.reading())
            for step in steps:
                turns.append(STEP[step](b, st))
                b.figures(ds, st["home"], st.reading())
            note = f"thread: {opening} {' '.join(str(a) for a in args if not isinstance(a, list))} -> " + \
                " -> ".join(steps)
            return b.add("followup", ds, st["home"], turns, st.reading(), note)
        attempt(one)
