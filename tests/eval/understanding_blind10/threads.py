"""Multi-turn threads: each later message changes one or two things; the rest of the reading carries over."""

from __future__ import annotations

from copy import deepcopy

from data import fig, group_of, half_hold, pname, pstart, rank_period, reading
from phrases import decorate, num_text, year_text

NAT = {"oflog": "england", "lgbf": "scotland"}
NAT_TEXT = {
    "oflog": ["England", "the England average", "England as a whole"],
    "lgbf": ["Scotland", "the Scottish average", "Scotland as a whole"],
}
GROUPS = {"oflog": ["england", "neighbours"], "lgbf": ["scotland", "neighbours"], "sample": ["neighbours"]}


class State(dict):
    """mode, ind, area (value/trend), others (compare area), comparison, spec, group, n, order."""


def spec_periods(g, key, st) -> tuple | None:
    """(from, to) for the state's period spec, or None when it cannot be read for this area and measure."""
    ds = g.ds[key]
    spec = st["spec"]
    if spec[0] == "latest":
        return None, None
    if spec[0] == "year":
        return None, spec[1]
    area = st["area"]
    latest = ds.latest(st["ind"], area)
    if latest is None:
        return "bad"
    if spec[0] == "span":
        return spec[1], spec[2]
    if spec[0] == "since":
        return (spec[1], latest) if pstart(spec[1]) < pstart(latest) else "bad"
    return pname(pstart(latest) - spec[1]), latest


def rank_members(g, key, st):
    return group_of(g.ds[key], st["ind"], st["home"], st["group"])


def valid(g, key, st) -> bool:
    ds = g.ds[key]
    ind, home = st["ind"], st["home"]
    if key == "lgbf" and ind.startswith("HSN") and home not in g.hsn_holders:
        return False
    mode = st["mode"]
    year = st["spec"][1] if st["spec"][0] == "year" else None
    if mode in ("value", "trend"):
        area = st["area"]
        if not ds.annual(ind, area):
            return False
        if mode == "value":
            return year is None or ds.held(ind, area, year)
        if key == "sample" and st["spec"][0] == "lastn" and ds.has_quarters(ind, area):
            return False
        per = spec_periods(g, key, st)
        if per == "bad":
            return False
        if st["spec"][0] == "span":
            return ds.held(ind, area, per[0]) and ds.held(ind, area, per[1])
        return True
    if mode == "compare":
        areas = [home] + st.get("others", [])
        if not all(ds.annual(ind, a) for a in areas):
            return False
        return year is None or all(ds.held(ind, a, year) for a in areas)
    if ds.polarity.get(ind) is None:
        return False
    members = rank_members(g, key, st)
    if year is not None:
        if not half_hold(ds, ind, members, year):
            return False
        period = year
    else:
        period = rank_period(ds, ind, members)
        if period is None:
            return False
    if mode == "position":
        return ds.held(ind, home, period)
    _figs, drop = g.list_figures(key, ind, members, period, st["n"], st["order"])
    return not drop


def reading_of(g, key, st) -> dict:
    mode, ind, home = st["mode"], st["ind"], st["home"]
    to = st["spec"][1] if st["spec"][0] == "year" else None
    if mode == "value":
        return reading("value", [ind], [st["area"]], to=to)
    if mode == "trend":
        frm, to2 = spec_periods(g, key, st)
        return reading("trend", [ind], [st["area"]], frm=frm, to=to2)
    if mode == "compare":
        comp = st["comparison"]
        if comp == "area":
            areas = [home] + st["others"]
        elif comp == "neighbours":
            areas = [home, "neighbours"]
        else:
            areas = [home, NAT[key]]
        return reading("compare", [ind], areas, to=to, comparison=comp)
    if mode == "position":
        return reading("rank", [ind], [home, st["group"]], to=to, comparison="ranking")
    return reading("rank", [ind], [st["group"]], to=to, comparison="ranking", n=st["n"], order=st["order"])


def finals_figures(g, key, st) -> list:
    ds = g.ds[key]
    if st["mode"] == "value":
        if st["spec"][0] == "latest":
            return g.latest_fig(key, st["ind"], st["area"])
        return g.year_fig(key, st["ind"], [st["area"]], st["spec"][1])
    if st["mode"] == "trend" and st["spec"][0] in ("span", "since", "lastn"):
        frm, to = spec_periods(g, key, st)
        ind, area = st["ind"], st["area"]
        if ds.held(ind, area, frm) and ds.held(ind, area, to):
            return [fig(ind, area, frm, ds.value(ind, area, frm)), fig(ind, area, to, ds.value(ind, area, to))]
    return []


# ----- starters -------------------------------------------------------------------------------------------------
def start(g, key):
    home = g.home(key)
    kind = g.ch(["value_home", "value_home", "value_named", "rank", "rank", "position", "compare", "trend"])
    st = State(home=home, n=None, order=None, group=None, comparison=None, others=[])
    if kind in ("value_home", "value_named"):
        area = home if kind == "value_home" else g.other(key, {home})
        inds = g.inds(key, area)
        st.update(mode="value", area=area, ind=g.ch(inds))
        m = g.measure(key, st["ind"])
        if g.rng.random() < 0.35:
            st["spec"] = ("latest",)
            if area == home:
                text = g.ch(g.LATEST_VALUE).format(m=m)
            else:
                text = g.ch(g.NAMED_LATEST).format(m=m, c=g.council(key, area))
        else:
            p = g.held_year(key, st["ind"], [area])
            st["spec"] = ("year", p)
            if area == home:
                text = g.ch(g.YEAR_VALUE).format(m=m, p=year_text(g.rng, p))
            else:
                text = g.ch(g.NAMED_YEAR).format(m=m, c=g.council(key, area), p=year_text(g.rng, p))
        return st, text
    if kind in ("rank", "position"):
        st["group"] = g.ch(GROUPS[key])
        st["ind"] = g.ch(g.inds(key, home, rankable=True))
        st["spec"] = ("latest",)
        pt = ""
        if g.rng.random() < 0.4:
            p = g.held_year(key, st["ind"], [home])
            st["spec"] = ("year", p)
            pt = year_text(g.rng, p)
        if kind == "rank":
            st.update(
                mode="rank",
                n=g.ch([3, 5, 5, 10] if st["group"] != "neighbours" else [3, 3, 5]),
                order=g.ch(["best", "best", "worst"]),
            )
            return st, g.rank_list_text(key, st["ind"], st["group"], st["n"], st["order"], pt)
        st["mode"] = "position"
        sp = f" in {pt}" if pt else ""
        text = g.ch(
            [
                "where do we rank {g} for {m}{sp}?",
                "how do we rank {g} on {m}{sp}?",
                "what position are we {g} for {m}{sp}?",
            ]
        ).format(g=g.group_text(key, st["group"], position=True), m=g.measure(key, st["ind"]), sp=sp)
        return st, text
    if kind == "compare":
        st["ind"] = g.ch(g.inds(key, home))
        st["mode"] = "compare"
        st["spec"] = ("latest",)
        if key == "sample" or g.rng.random() < 0.5:
            st["comparison"] = "neighbours"
            gt = g.ch(g.NB_WORDS[key])
        else:
            st["comparison"] = "national"
            gt = g.ch(NAT_TEXT[key])
        text = g.ch(["how do we compare with {g} on {m}?", "our {m} vs {g}?", "{m} - how do we stack up against {g}?"])
        return st, text.format(g=gt, m=g.measure(key, st["ind"]))
    st.update(mode="trend", area=home, ind=g.ch(g.inds(key, home)))
    got = g.span_phrase(key, st["ind"], home)
    if not got:
        return None
    tmpl, frm, to, note = got
    if note.startswith("since"):
        st["spec"] = ("since", frm)
    elif note.startswith("last"):
        st["spec"] = ("lastn", pstart(to) - pstart(frm))
    else:
        st["spec"] = ("span", frm, to)
    text = tmpl.replace("{who}", "our").replace("{who2}", "us").replace("{m}", g.measure(key, st["ind"]))
    return st, text


# ----- transitions ----------------------------------------------------------------------------------------------
def t_area(g, key, st):
    if st["mode"] not in ("value", "trend"):
        return None
    new = g.other(key, {st["home"], st["area"]})
    c = g.council(key, new)
    s = deepcopy(st)
    s["area"] = new
    return s, g.ch(["what about {c}?", "and {c}?", "same for {c} pls", "how about {c}", "ok now {c}"]).format(c=c)


def t_us(g, key, st):
    if st["mode"] not in ("value", "trend") or st["area"] == st["home"]:
        return None
    s = deepcopy(st)
    s["area"] = st["home"]
    return s, g.ch(["and us?", "what about us?", "and ours?", "how about us then?"])


def t_year(g, key, st):
    if st["mode"] not in ("value", "compare", "rank", "position"):
        return None
    area = st.get("area") if st["mode"] == "value" else st["home"]
    p = g.held_year(key, st["ind"], [area])
    if p is None or st["spec"] == ("year", p):
        return None
    s = deepcopy(st)
    s["spec"] = ("year", p)
    return s, g.ch(
        ["what about {p}?", "and in {p}?", "same but for {p}", "{p}?", "ok, {p} please", "same again for {p}"]
    ).format(p=year_text(g.rng, p))


def t_prev(g, key, st):
    if st["spec"][0] != "year" or st["mode"] not in ("value", "compare", "rank", "position"):
        return None
    s = deepcopy(st)
    s["spec"] = ("year", pname(pstart(st["spec"][1]) - 1))
    return s, g.ch(
        [
            "and the year before?",
            "what about the year before?",
            "previous year?",
            "and the year before that?",
            "how about the year before",
        ]
    )


def t_measure(g, key, st):
    area = st.get("area") if st["mode"] in ("value", "trend") else st["home"]
    cands = [i for i in g.inds(key, area, rankable=st["mode"] in ("rank", "position")) if i != st["ind"]]
    if not cands:
        return None
    s = deepcopy(st)
    s["ind"] = g.ch(cands)
    m = g.measure(key, s["ind"])
    return s, g.ch(
        ["what about {m}?", "and {m}?", "same for {m}", "ok and for {m}?", "now {m} please", "and what about {m}"]
    ).format(m=m)


def t_national(g, key, st):
    if key == "sample" or st["mode"] != "value" or st["area"] != st["home"]:
        return None
    s = deepcopy(st)
    s.update(mode="compare", comparison="national", others=[])
    nat = g.ch(NAT_TEXT[key])
    return s, g.ch(
        [
            "how does that compare with {g}?",
            "and how does that compare to {g}?",
            "is that above or below {g}?",
            "how does that compare with {g} then",
        ]
    ).format(g=nat)


def t_neighbours(g, key, st):
    if st["mode"] != "value" or st["area"] != st["home"]:
        return None
    s = deepcopy(st)
    s.update(mode="compare", comparison="neighbours", others=[])
    return s, g.ch(
        ["how does that compare with {g}?", "and against {g}?", "vs {g}?", "how do we compare with {g} on that?"]
    ).format(g=g.ch(g.NB_WORDS[key]))


def t_cmp_switch(g, key, st):
    if st["mode"] != "compare" or st["comparison"] == "area" or key == "sample":
        return None
    s = deepcopy(st)
    if st["comparison"] == "national":
        s["comparison"] = "neighbours"
        gt = g.ch(g.NB_WORDS[key])
    else:
        s["comparison"] = "national"
        gt = g.ch(NAT_TEXT[key])
    return s, g.ch(["and against {g}?", "what about against {g}?", "and compared with {g}?"]).format(g=gt)


def t_since(g, key, st):
    if st["mode"] not in ("value", "trend"):
        return None
    ann = sorted(g.ds[key].annual(st["ind"], st["area"]))
    if len(ann) < 3:
        return None
    y = g.ch(ann[:-1])
    if st["mode"] == "trend" and st["spec"] == ("since", y):
        return None
    s = deepcopy(st)
    s.update(mode="trend", spec=("since", y))
    yt = year_text(g.rng, y) if g.rng.random() < 0.7 else f"April {pstart(y)}"
    return s, g.ch(
        [
            "how has that changed since {y}?",
            "and since {y}?",
            "show me the trend since {y}",
            "has it improved since {y}?",
        ]
    ).format(y=yt)


def t_lastn(g, key, st):
    if st["mode"] not in ("value", "trend"):
        return None
    n = g.ch([2, 3, 4, 5])
    if st["spec"] == ("lastn", n):
        return None
    if st["spec"][0] == "year" and st["spec"][1] != g.ds[key].latest(st["ind"], st["area"]):
        return None  # "the last N years" after an older year could be read as ending at that year
    s = deepcopy(st)
    s.update(mode="trend", spec=("lastn", n))
    return s, g.ch(
        [
            "over the last {n} years?",
            "what about the past {n} years?",
            "and as a {d}-year trend?",
            "show the last {n} years",
        ]
    ).format(n=num_text(g.rng, n), d=n)


def t_ours_in(g, key, st):
    if st["mode"] == "value" and st["area"] == st["home"]:
        return None
    p = g.held_year(key, st["ind"], [st["home"]])
    if p is None:
        return None
    s = deepcopy(st)
    s.update(
        mode="value", area=st["home"], spec=("year", p), comparison=None, others=[], group=None, n=None, order=None
    )
    return s, g.ch(["what was ours in {p}?", "and what was ours in {p}?", "ok - what was ours in {p}?"]).format(
        p=year_text(g.rng, p)
    )


def t_rank_n(g, key, st):
    if st["mode"] != "rank":
        return None
    k = g.ch([1, 3, 5, 10] if st["group"] != "neighbours" else [1, 3, 4, 5])
    order = g.ch(["best", "worst"])
    if (k, order) == (st["n"], st["order"]):
        return None
    s = deepcopy(st)
    s.update(n=k, order=order)
    kt = num_text(g.rng, k)
    if k == 1:
        text = (
            g.ch(["and who's top?", "just the best one?", "ok who is number one?"])
            if order == "best"
            else g.ch(["and who's bottom?", "just the worst one?", "who's right at the bottom?"])
        )
    elif order == "best":
        text = g.ch(["make it top {k}", "just the top {k}?", "show me the top {k} instead", "top {k} then"])
    else:
        text = g.ch(["and the bottom {k}?", "what about the worst {k}?", "now the bottom {k} pls"])
    return s, text.format(k=kt)


def t_rank_dir(g, key, st):
    if st["mode"] != "rank" or st["n"] == 1:
        return None
    s = deepcopy(st)
    s["order"] = "worst" if st["order"] == "best" else "best"
    return s, ("same but worst instead of best" if s["order"] == "worst" else "same but best instead of worst")


def t_rank_group(g, key, st):
    if st["mode"] not in ("rank", "position") or key == "sample":
        return None
    s = deepcopy(st)
    s["group"] = NAT[key] if st["group"] == "neighbours" else "neighbours"
    gt = g.group_text(key, s["group"], position=True)
    if s["group"] == "neighbours":
        alt = {"oflog": "just our nearest neighbours", "lgbf": "just our family group", "sample": "our neighbours"}[key]
    else:
        alt = {"oflog": "the whole of England", "lgbf": "the whole of Scotland"}[key]
    if st["mode"] == "rank":
        return s, g.ch(["and {g}?", "what about {a}?", "same for {a}"]).format(g=gt, a=alt)
    return s, g.ch(["and {g}?", "what about {a}?", "where are we {g} then?"]).format(g=gt, a=alt)


def t_position(g, key, st):
    if st["mode"] != "rank":
        return None
    s = deepcopy(st)
    s.update(mode="position", n=None, order=None)
    return s, g.ch(["where do we come?", "and where are we in that?", "where do we sit?", "where do we rank?"])


def t_top(g, key, st):
    if st["mode"] != "position":
        return None
    k = g.ch([1, 3, 5])
    s = deepcopy(st)
    s.update(mode="rank", n=k, order="best")
    if k == 1:
        return s, g.ch(["and who's top?", "who is number one then?"])
    return s, g.ch(["who are the top {k} then?", "and the top {k}?"]).format(k=num_text(g.rng, k))


TRANSITIONS = [
    t_area,
    t_us,
    t_us,
    t_year,
    t_prev,
    t_prev,
    t_measure,
    t_measure,
    t_national,
    t_neighbours,
    t_cmp_switch,
    t_since,
    t_lastn,
    t_ours_in,
    t_rank_n,
    t_rank_n,
    t_rank_dir,
    t_rank_group,
    t_rank_group,
    t_position,
    t_top,
]


def build_thread(g, key):
    got = start(g, key)
    if not got:
        return None
    st, text = got
    if not valid(g, key, st):
        return None
    turns = [decorate(g.rng, text)]
    each = [reading_of(g, key, st)]
    steps = [st]
    target = g.ch([2, 3, 3, 3, 4, 4, 4, 5, 5])
    tries = 0
    while len(turns) < target and tries < 40:
        tries += 1
        t = g.ch(TRANSITIONS)
        nxt = t(g, key, st)
        if not nxt:
            continue
        s2, text2 = nxt
        if not valid(g, key, s2):
            continue
        r2 = reading_of(g, key, s2)
        if r2 == each[-1]:
            continue
        st = s2
        steps.append(st)
        turns.append(decorate(g.rng, text2, allow_prefix=False))
        each.append(r2)
    if len(turns) < 2:
        return None
    figs = finals_figures(g, key, st)
    modes = " -> ".join(s["mode"] for s in steps)
    return st["home"], turns, each, figs, f"{len(turns)}-turn thread: {modes}"
