"""Follow-up threads of 2-5 turns; only the last turn is scored against ``expect``."""

from __future__ import annotations

from d3_core import Builder, expect
from d3_data import LGBF, OFLOG, SAMPLE, is_annual, period_key, shift
from d3_families import AREA_US, pick_periods, poss, value_text, when
from d3_rank_names import rank_reading, rank_text
from d3_words import NATIONAL_COMPARE, NEIGHBOUR_COMPARE, VARIANTS, casual, fy, fy_in, ind_phrase, pad

SWITCH_COUNCIL = ["and {X}?", "what about {X}?", "same for {X}", "and for {X}?", "how about {X}", "ok and {X}?", "{X}?"]
SWITCH_PERIOD = ["what about {P}?", "and {P}?", "same again for {P} please", "what was it {Pin}?", "and {Pin}?"]
SINCE_THEN = ["and since then?", "how has it moved since then?", "has it improved since?", "and what's happened since?"]
NATIONAL = ["how does that compare nationally?", "and against the national figure?", "vs national?",
            "is that above or below {nat}?"]
NEIGHBOURS = ["how does that compare with {nb}?", "and against {nb}?", "how do {nb} compare?",
              "is that good compared with {nb}?"]
WORST = ["what about the worst {n}?", "and the bottom {n}?", "now the worst {n}", "flip it - bottom {n}?"]
BEST = ["and the top {n}?", "what about the best {n}?", "and the best {n}?"]
CARERS = ["and for carers?", "what about carers?", "same but for carers", "and the carers' figure?"]
SWITCH_IND = ["now {ind}", "what about {ind}?", "and {ind}?", "ok, now do {ind}", "same for {ind}"]
OURS = ["and ours?", "what about us?", "how about our figure?", "and what's ours?", "and for us?",
        "ok now back to ours"]
WHERE = ["and where do we come?", "where are we in that?", "and what's our position?", "where do we sit?"]
NEIGH_RANK = ["and among our neighbours?", "now just our nearest neighbours", "same but for similar councils",
              "and within our comparator group?"]
ADD = ["add {X} too", "and throw in {X}", "can you add {X} to that?"]
SWAP = ["swap {B} for {X}", "actually do {X} instead of {B}", "replace {B} with {X}"]
VS_OURS = ["how does that compare with ours?", "and how do we compare?", "is that better than us?"]
YEAR_BEFORE = ["and the year before?", "what about the previous year?", "and the year before that?"]
LASTN = ["over the last {N} years?", "and over the past {N} years?", "what's the trend over the last {N} years?"]
SINCE_T1 = ["how has our {ind} changed since {Y}?", "has our {ind} improved since {Y}?",
            "what's happened to {ind} here since {Y}?"]
SINCE_OTHER = ["how has {a}'s {ind} changed since {Y}?", "has {a} improved on {ind} since {Y}?"]


def follow(b: Builder, text: str) -> str:
    """A later turn: short, casual, rarely padded."""
    if b.rng.random() < 0.15:
        return pad(b.rng, text, prefix=False)
    return casual(b.rng, text)


def council_words(b: Builder, ds: str, code: str) -> str:
    if code in VARIANTS and b.rng.random() < 0.3:
        return b.rng.choice(VARIANTS[code])
    return b.name(ds, code)


def other(b: Builder, ds: str, exclude: list[str]) -> str:
    return b.rng.choice(b.others(ds, exclude))


def period_ok(b: Builder, ds: str, ind: str, areas: list[str]):
    """A period for a value question on all ``areas`` (None = latest), or "skip"."""
    period = pick_periods(b, ds, ind, areas)
    if period is None and b.latest_same(ds, ind, areas) is None:
        return "skip"
    return period


def emit(b: Builder, ds: str, home: str, turns: list[str], exp: dict, figs: list[dict], note: str) -> bool:
    b.add("followup", ds, home, turns, exp, figs, note)
    return True


def value_final(b, ds, home, turns, ind, target, period, note) -> bool:
    used = period or b.data.latest(ds, ind, target)
    return emit(b, ds, home, turns, expect("value", [ind], [target], None, period),
                [b.val(ds, ind, target, used)], note)


# ---------------------------------------------------------------------- threads
def th_switch_council(b: Builder, ds: str) -> bool:
    home, ind = b.home(ds), b.ind(ds)
    x = other(b, ds, [home])
    words = council_words(b, ds, x)
    if ds == LGBF and "edinburgh" not in b.once and home != "S-edinburgh-city":
        x, words = "S-edinburgh-city", "Edinburgh"
    period = period_ok(b, ds, ind, [home, x])
    if period == "skip":
        return False
    b.once.add("edinburgh" if x == "S-edinburgh-city" else "")
    t1 = pad(b.rng, value_text(b, ds, home, ind, home, period))
    t2 = follow(b, b.first("council", SWITCH_COUNCIL).format(X=words))
    return value_final(b, ds, home, [t1, t2], ind, x, period, "switch council, keep indicator and period")


def th_switch_period(b: Builder, ds: str) -> bool:
    home, ind = b.home(ds), b.ind(ds)
    period = period_ok(b, ds, ind, [home])
    held = [p for p in b.common(ds, ind, [home]) if p != period and p != b.data.latest(ds, ind, home)]
    if period == "skip" or not held:
        return False
    p2 = b.rng.choice(held)
    t1 = pad(b.rng, value_text(b, ds, home, ind, home, period))
    p_txt = p2 if "period" not in b.once else fy(b.rng, p2)
    t2 = follow(b, b.first("period", SWITCH_PERIOD).format(P=p_txt, Pin=fy_in(b.rng, p2)))
    return value_final(b, ds, home, [t1, t2], ind, home, p2, f"switch period to {p2}")


def th_since_then(b: Builder, ds: str) -> bool:
    """value in a year [-> and X?] -> and since then?"""
    home, ind = b.home(ds), b.ind(ds)
    target = home if b.rng.random() < 0.5 else other(b, ds, [home])
    options = b.since_options(ds, ind, target)
    if not options or (target != home and not b.data.holds(ds, ind, home, options[0][0])):
        return False
    frm, to = b.rng.choice([o for o in options if b.data.holds(ds, ind, home, o[0])])
    turns = [pad(b.rng, value_text(b, ds, home, ind, home, frm))]
    if target != home:
        turns.append(follow(b, b.rng.choice(SWITCH_COUNCIL).format(X=council_words(b, ds, target))))
    turns.append(follow(b, b.first("since", SINCE_THEN)))
    return emit(b, ds, home, turns, expect("trend", [ind], [target], frm, to),
                [b.val(ds, ind, target, frm), b.val(ds, ind, target, to)], f"since then for {target}: {frm} to {to}")


def th_national(b: Builder, ds: str) -> bool:
    home, ind = b.home(ds), b.ind(ds)
    period = period_ok(b, ds, ind, [home])
    if period == "skip":
        return False
    used = period or b.data.latest(ds, ind, home)
    nat = b.national_fig(ds, ind, used)
    if nat is None:
        return False
    t1 = pad(b.rng, value_text(b, ds, home, ind, home, period))
    t2 = follow(b, b.first("national", NATIONAL).format(nat=b.rng.choice(NATIONAL_COMPARE[ds])))
    scope = "england" if ds == OFLOG else "scotland"
    return emit(b, ds, home, [t1, t2], expect("compare", [ind], [home, scope], None, period, "national"),
                [b.val(ds, ind, home, used), nat], f"national comparison, {used}")


def th_neighbours(b: Builder, ds: str) -> bool:
    home, ind = b.home(ds), b.ind(ds)
    period = period_ok(b, ds, ind, [home])
    if period == "skip" or len(b.data.group(ds, home, ind)) < 3:
        return False
    used = period or b.data.latest(ds, ind, home)
    t1 = pad(b.rng, value_text(b, ds, home, ind, home, period))
    t2 = follow(b, b.rng.choice(NEIGHBOURS).format(nb=b.rng.choice(NEIGHBOUR_COMPARE[ds])))
    return emit(b, ds, home, [t1, t2], expect("compare", [ind], [home, "neighbours"], None, period, "neighbours"),
                [b.val(ds, ind, home, used)], f"neighbours, {used}: the home council's figure")


def rank_pair(b: Builder, ds: str, scope: str | None = None):
    home, ind = b.home(ds), b.ind(ds, ranked=True)
    if scope is None:
        scope = "neighbours" if ds == SAMPLE or b.rng.random() < 0.4 else ("england" if ds == OFLOG else "scotland")
    n = b.rng.choice([3, 5] if scope == "neighbours" else [3, 5, 10])
    order = b.rng.choice(["best", "best", "worst"])
    period = None
    if b.rng.random() < 0.35:
        held = [p for p in b.data.held(ds, ind, home) if is_annual(p)]
        period = b.rng.choice(held) if held else None
    first = rank_reading(b, ds, home, ind, scope, n, order, period)
    if first is None:
        return None
    return home, ind, scope, n, order, period, rank_text(b, ds, ind, scope, n, order, period)


def th_rank_flip(b: Builder, ds: str) -> bool:
    got = rank_pair(b, ds)
    if got is None:
        return False
    home, ind, scope, n, order, period, t1 = got
    order2 = "worst" if order == "best" else "best"
    n2 = 3 if order2 == "worst" and "worst" not in b.once else b.rng.choice([3, 5])
    final = rank_reading(b, ds, home, ind, scope, n2, order2, period)
    if final is None:
        return False
    n_txt = {3: "three", 5: "five"}.get(n2, str(n2)) if b.rng.random() < 0.3 else str(n2)
    if order2 == "worst":
        if n2 == 3 and "worst" not in b.once:
            n_txt = "3"
        t2 = follow(b, b.first("worst", WORST).format(n=n_txt) if n2 == 3 else b.rng.choice(WORST).format(n=n_txt))
    else:
        t2 = follow(b, b.rng.choice(BEST).format(n=n_txt))
    exp, figs, note = final
    return emit(b, ds, home, [pad(b.rng, t1), t2], exp, figs, "flip the ranking: " + note)


def th_rank_where(b: Builder, ds: str) -> bool:
    got = rank_pair(b, ds)
    if got is None:
        return False
    home, ind, scope, n, order, period, t1 = got
    final = rank_reading(b, ds, home, ind, scope, None, None, period)
    if final is None:
        return False
    exp, figs, note = final
    return emit(b, ds, home, [pad(b.rng, t1), follow(b, b.rng.choice(WHERE))], exp, figs, note)


def th_rank_to_neighbours(b: Builder, ds: str) -> bool:
    got = rank_pair(b, ds, scope="england" if ds == OFLOG else "scotland")
    if got is None:
        return False
    home, ind, scope, n, order, period, t1 = got
    n2 = min(n, 3)
    final = rank_reading(b, ds, home, ind, "neighbours", n2, order, period)
    if final is None or n2 != n:
        return False
    exp, figs, note = final
    turns = [pad(b.rng, t1), follow(b, b.rng.choice(NEIGH_RANK))]
    if b.rng.random() < 0.5:
        where = rank_reading(b, ds, home, ind, "neighbours", None, None, period)
        if where is None:
            return False
        exp, figs, note = where
        turns.append(follow(b, b.rng.choice(WHERE)))
    return emit(b, ds, home, turns, exp, figs, "scope now the neighbours: " + note)


def th_carers(b: Builder, ds: str) -> bool:
    home = b.home(ds)
    ind, ind2 = b.rng.choice([("ASC2", "ASC1"), ("ASC3", "ASC4")])
    held = sorted(set(b.common(ds, ind, [home])) & set(b.common(ds, ind2, [home])), key=period_key)
    if not held:
        return False
    period = b.rng.choice(held) if b.rng.random() < 0.75 else None
    t1 = pad(b.rng, value_text(b, ds, home, ind, home, period))
    t2 = follow(b, b.first("carers", CARERS))
    return value_final(b, ds, home, [t1, t2], ind2, home, period, f"{ind} -> {ind2} for carers")


def th_switch_ind(b: Builder, ds: str) -> bool:
    home, ind = b.home(ds), b.ind(ds)
    ind2 = b.ind(ds, exclude=(ind,))
    held = sorted(set(b.common(ds, ind, [home])) & set(b.common(ds, ind2, [home])), key=period_key)
    if not held:
        return False
    period = b.rng.choice(held)
    if b.rng.random() < 0.4 and b.latest_same(ds, ind, [home]) and b.latest_same(ds, ind2, [home]):
        period = None
    t1 = pad(b.rng, value_text(b, ds, home, ind, home, period))
    t2 = follow(b, b.rng.choice(SWITCH_IND).format(ind=ind_phrase(b.rng, ds, ind2)))
    return value_final(b, ds, home, [t1, t2], ind2, home, period, f"switch indicator {ind} -> {ind2}")


def th_back_to_ours(b: Builder, ds: str) -> bool:
    home, ind = b.home(ds), b.ind(ds)
    x = other(b, ds, [home])
    period = period_ok(b, ds, ind, [home, x])
    if period == "skip":
        return False
    t1 = pad(b.rng, value_text(b, ds, home, ind, x, period))
    t2 = follow(b, b.first("ours", OURS))
    return value_final(b, ds, home, [t1, t2], ind, home, period, "back to the home council")


def th_chain(b: Builder, ds: str) -> bool:
    """value (home) -> and X? -> what about p2? [-> and ours?] [-> compared nationally / with neighbours]."""
    rng = b.rng
    home, ind = b.home(ds), b.ind(ds)
    x = other(b, ds, [home])
    period = period_ok(b, ds, ind, [home, x])
    if period == "skip":
        return False
    asked = period or b.latest_same(ds, ind, [home, x])
    held = [p for p in b.common(ds, ind, [home, x]) if p != asked]
    if not held:
        return False
    p2 = rng.choice(held)
    turns = [pad(rng, value_text(b, ds, home, ind, home, period)),
             follow(b, rng.choice(SWITCH_COUNCIL).format(X=council_words(b, ds, x))),
             follow(b, rng.choice(SWITCH_PERIOD).format(P=fy(rng, p2), Pin=fy_in(rng, p2)))]
    length = rng.choice([3, 4, 5, 5])
    if length == 3:
        return value_final(b, ds, home, turns, ind, x, p2, f"council {x}, then period {p2}")
    turns.append(follow(b, rng.choice(OURS)))
    if length == 4:
        return value_final(b, ds, home, turns, ind, home, p2, f"council {x}, period {p2}, back to ours")
    if ds == SAMPLE or rng.random() < 0.4:
        if len(b.data.group(ds, home, ind)) < 3:
            return False
        turns.append(follow(b, rng.choice(NEIGHBOURS).format(nb=rng.choice(NEIGHBOUR_COMPARE[ds]))))
        return emit(b, ds, home, turns, expect("compare", [ind], [home, "neighbours"], None, p2, "neighbours"),
                    [b.val(ds, ind, home, p2)], f"five turns ending with neighbours, {p2}")
    nat = b.national_fig(ds, ind, p2)
    if nat is None:
        return False
    turns.append(follow(b, rng.choice(NATIONAL).format(nat=rng.choice(NATIONAL_COMPARE[ds]))))
    scope = "england" if ds == OFLOG else "scotland"
    return emit(b, ds, home, turns, expect("compare", [ind], [home, scope], None, p2, "national"),
                [b.val(ds, ind, home, p2), nat], f"five turns ending national, {p2}")


def since_first(b: Builder, ds: str, ind: str, area: str):
    options = b.since_options(ds, ind, area, min_span=3)
    if not options:
        return None
    frm, to = b.rng.choice(options)
    year = b.rng.choice([frm[:4], fy(b.rng, frm)])
    return frm, to, year


def th_trend_switch(b: Builder, ds: str) -> bool:
    home, ind = b.home(ds), b.ind(ds)
    got = since_first(b, ds, ind, home)
    if got is None:
        return False
    frm, _to, year = got
    x = other(b, ds, [home])
    end = b.data.latest(ds, ind, x, annual_only=True)
    if end is None or not b.data.holds(ds, ind, x, frm) or frm == end:
        return False
    t1 = pad(b.rng, b.rng.choice(SINCE_T1).format(ind=ind_phrase(b.rng, ds, ind), Y=year))
    t2 = follow(b, b.rng.choice(SWITCH_COUNCIL).format(X=council_words(b, ds, x)))
    return emit(b, ds, home, [t1, t2], expect("trend", [ind], [x], frm, end),
                [b.val(ds, ind, x, frm), b.val(ds, ind, x, end)], f"since {year} ({frm}) for {x}, to {end}")


def th_ours_after_trend(b: Builder, ds: str) -> bool:
    home, ind = b.home(ds), b.ind(ds)
    x = other(b, ds, [home])
    got = since_first(b, ds, ind, x)
    if got is None:
        return False
    frm, _to, year = got
    end = b.data.latest(ds, ind, home, annual_only=True)
    if end is None or not b.data.holds(ds, ind, home, frm) or frm == end:
        return False
    name = b.name(ds, x)
    t1 = b.rng.choice(SINCE_OTHER).format(a=name, ind=ind_phrase(b.rng, ds, ind), Y=year)
    t1 = pad(b.rng, t1.replace(f"{name}'s", poss(name)))
    return emit(b, ds, home, [t1, follow(b, b.rng.choice(OURS))], expect("trend", [ind], [home], frm, end),
                [b.val(ds, ind, home, frm), b.val(ds, ind, home, end)], f"since {year} ({frm}), back to ours")


def th_trend_switch_ind(b: Builder, ds: str) -> bool:
    home, ind = b.home(ds), b.ind(ds)
    got = since_first(b, ds, ind, home)
    if got is None:
        return False
    frm, _to, year = got
    ind2 = b.ind(ds, exclude=(ind,))
    end = b.data.latest(ds, ind2, home, annual_only=True)
    if end is None or not b.data.holds(ds, ind2, home, frm) or frm == end:
        return False
    t1 = pad(b.rng, b.rng.choice(SINCE_T1).format(ind=ind_phrase(b.rng, ds, ind), Y=year))
    t2 = follow(b, b.rng.choice(SWITCH_IND).format(ind=ind_phrase(b.rng, ds, ind2)))
    return emit(b, ds, home, [t1, t2], expect("trend", [ind2], [home], frm, end),
                [b.val(ds, ind2, home, frm), b.val(ds, ind2, home, end)], f"since {frm}, indicator now {ind2}")


def compare_first(b: Builder, ds: str):
    home, ind = b.home(ds), b.ind(ds)
    x, y = b.rng.sample(b.others(ds, [home]), 2)
    period = period_ok(b, ds, ind, [home, x, y])
    if period == "skip":
        return None
    ptxt = " " + when(b, period) if period else ""
    t1 = b.rng.choice(AREA_US).format(b=b.name(ds, x), ind=ind_phrase(b.rng, ds, ind), P=ptxt)
    return home, ind, x, y, period, pad(b.rng, t1)


def th_compare_add(b: Builder, ds: str) -> bool:
    got = compare_first(b, ds)
    if got is None:
        return False
    home, ind, x, y, period, t1 = got
    used = period or b.latest_same(ds, ind, [home, x, y])
    t2 = follow(b, b.rng.choice(ADD).format(X=council_words(b, ds, y)))
    return emit(b, ds, home, [t1, t2], expect("compare", [ind], [home, x, y], None, period, "area"),
                [b.val(ds, ind, a, used) for a in (home, x, y)], f"add a council, {used}")


def th_compare_swap(b: Builder, ds: str) -> bool:
    got = compare_first(b, ds)
    if got is None:
        return False
    home, ind, x, y, period, t1 = got
    used = period or b.latest_same(ds, ind, [home, x, y])
    t2 = follow(b, b.rng.choice(SWAP).format(B=b.name(ds, x), X=council_words(b, ds, y)))
    return emit(b, ds, home, [t1, t2], expect("compare", [ind], [home, y], None, period, "area"),
                [b.val(ds, ind, a, used) for a in (home, y)], f"swap a council, {used}")


def th_other_vs_ours(b: Builder, ds: str) -> bool:
    home, ind = b.home(ds), b.ind(ds)
    x = other(b, ds, [home])
    period = period_ok(b, ds, ind, [home, x])
    if period == "skip":
        return False
    used = period or b.latest_same(ds, ind, [home, x])
    t1 = pad(b.rng, value_text(b, ds, home, ind, x, period))
    return emit(b, ds, home, [t1, follow(b, b.rng.choice(VS_OURS))],
                expect("compare", [ind], [home, x], None, period, "area"),
                [b.val(ds, ind, home, used), b.val(ds, ind, x, used)], f"{x} then compared with ours, {used}")


def th_year_before(b: Builder, ds: str) -> bool:
    home, ind = b.home(ds), b.ind(ds)
    held = b.common(ds, ind, [home])
    pairs = [p for p in held if shift(p, -1) in held]
    if not pairs:
        return False
    p = b.rng.choice(pairs)
    text = b.rng.choice(YEAR_BEFORE[:2])
    t1 = pad(b.rng, value_text(b, ds, home, ind, home, p))
    return value_final(b, ds, home, [t1, follow(b, text)], ind, home, shift(p, -1), f"the year before {p}")


def th_lastn(b: Builder, ds: str) -> bool:
    home, ind = b.home(ds), b.ind(ds)
    end = b.data.latest(ds, ind, home, annual_only=True)
    if end is None:
        return False
    options = [n for n in (2, 3, 4, 5) if b.data.holds(ds, ind, home, shift(end, -n))]
    if not options:
        return False
    n = b.rng.choice(options)
    t1 = pad(b.rng, value_text(b, ds, home, ind, home, None))
    t2 = follow(b, b.rng.choice(LASTN).format(N=n))
    frm = shift(end, -n)
    return emit(b, ds, home, [t1, t2], expect("trend", [ind], [home], frm, end),
                [b.val(ds, ind, home, frm), b.val(ds, ind, home, end)], f"last {n} years: {frm} to {end}")


def th_rank_chain(b: Builder, ds: str) -> bool:
    """top N -> the other end -> where do we come?"""
    got = rank_pair(b, ds)
    if got is None:
        return False
    home, ind, scope, n, order, period, t1 = got
    order2 = "worst" if order == "best" else "best"
    n2 = b.rng.choice([3, 5])
    if rank_reading(b, ds, home, ind, scope, n2, order2, period) is None:
        return False
    final = rank_reading(b, ds, home, ind, scope, None, None, period)
    if final is None:
        return False
    t2 = b.rng.choice(WORST if order2 == "worst" else BEST).format(n=n2)
    exp, figs, note = final
    turns = [pad(b.rng, t1), follow(b, t2), follow(b, b.rng.choice(WHERE))]
    return emit(b, ds, home, turns, exp, figs, "three turns of ranking: " + note)


def th_nat_then_neigh(b: Builder, ds: str) -> bool:
    """value -> nationally? -> and our neighbours? (or the other way round)"""
    home, ind = b.home(ds), b.ind(ds)
    period = period_ok(b, ds, ind, [home])
    if period == "skip" or len(b.data.group(ds, home, ind)) < 3:
        return False
    used = period or b.data.latest(ds, ind, home)
    nat = b.national_fig(ds, ind, used)
    if nat is None:
        return False
    nat_turn = b.rng.choice(NATIONAL).format(nat=b.rng.choice(NATIONAL_COMPARE[ds]))
    nb_turn = b.rng.choice(["and with {nb}?", "what about {nb}?", "and against {nb}?"])
    nb_turn = nb_turn.format(nb=b.rng.choice(NEIGHBOUR_COMPARE[ds]))
    t1 = pad(b.rng, value_text(b, ds, home, ind, home, period))
    scope = "england" if ds == OFLOG else "scotland"
    if b.rng.random() < 0.5:
        return emit(b, ds, home, [t1, follow(b, nat_turn), follow(b, nb_turn)],
                    expect("compare", [ind], [home, "neighbours"], None, period, "neighbours"),
                    [b.val(ds, ind, home, used)], f"national then neighbours, {used}")
    back = b.rng.choice(["and nationally?", "and against the national figure?", "and the national picture?"])
    return emit(b, ds, home, [t1, follow(b, nb_turn), follow(b, back)],
                expect("compare", [ind], [home, scope], None, period, "national"),
                [b.val(ds, ind, home, used), nat], f"neighbours then national, {used}")


def th_carers_chain(b: Builder, ds: str) -> bool:
    """service users' measure in a year -> and for carers? -> and since then?"""
    home = b.home(ds)
    ind, ind2 = b.rng.choice([("ASC2", "ASC1"), ("ASC3", "ASC4")])
    end = b.data.latest(ds, ind2, home)
    held = [p for p in b.common(ds, ind, [home]) if b.data.holds(ds, ind2, home, p) and p != end]
    if not held or end is None:
        return False
    period = b.rng.choice(held)
    turns = [pad(b.rng, value_text(b, ds, home, ind, home, period)), follow(b, b.rng.choice(CARERS)),
             follow(b, b.rng.choice(SINCE_THEN))]
    return emit(b, ds, home, turns, expect("trend", [ind2], [home], period, end),
                [b.val(ds, ind2, home, period), b.val(ds, ind2, home, end)], f"{ind} -> {ind2}, since {period}")


def th_ind_then_council(b: Builder, ds: str) -> bool:
    """value -> now another measure -> and X?"""
    home, ind = b.home(ds), b.ind(ds)
    ind2 = b.ind(ds, exclude=(ind,))
    x = other(b, ds, [home])
    held = sorted(set(b.common(ds, ind, [home])) & set(b.common(ds, ind2, [home, x])), key=period_key)
    if not held:
        return False
    period = b.rng.choice(held)
    turns = [pad(b.rng, value_text(b, ds, home, ind, home, period)),
             follow(b, b.rng.choice(SWITCH_IND).format(ind=ind_phrase(b.rng, ds, ind2))),
             follow(b, b.rng.choice(SWITCH_COUNCIL).format(X=council_words(b, ds, x)))]
    return value_final(b, ds, home, turns, ind2, x, period, f"{ind} -> {ind2}, then {x}")


PLAN = {
    OFLOG: [(th_switch_council, 2), (th_ours_after_trend, 1), (th_switch_period, 1), (th_since_then, 1),
            (th_national, 1), (th_neighbours, 1), (th_rank_flip, 1), (th_carers, 2), (th_switch_ind, 1),
            (th_back_to_ours, 1), (th_chain, 5), (th_trend_switch, 1), (th_rank_where, 1), (th_rank_to_neighbours, 1),
            (th_compare_add, 1), (th_lastn, 1), (th_rank_chain, 2), (th_nat_then_neigh, 2), (th_carers_chain, 1),
            (th_ind_then_council, 1)],
    LGBF: [(th_switch_council, 2), (th_switch_period, 1), (th_trend_switch_ind, 1), (th_since_then, 1),
           (th_national, 1), (th_neighbours, 1), (th_rank_flip, 1), (th_switch_ind, 1), (th_back_to_ours, 1),
           (th_chain, 5), (th_trend_switch, 1), (th_rank_where, 1), (th_rank_to_neighbours, 1), (th_compare_swap, 1),
           (th_other_vs_ours, 1), (th_year_before, 1), (th_rank_chain, 2), (th_nat_then_neigh, 2),
           (th_ind_then_council, 1)],
    SAMPLE: [(th_switch_council, 1), (th_switch_period, 1), (th_since_then, 1), (th_neighbours, 1),
             (th_rank_flip, 1), (th_switch_ind, 1), (th_back_to_ours, 1), (th_chain, 3), (th_trend_switch_ind, 1),
             (th_compare_add, 1), (th_year_before, 1), (th_rank_chain, 2), (th_ind_then_council, 1)],
}


def followups(b: Builder) -> None:
    for ds, plan in PLAN.items():
        for builder, count in plan:
            made = 0
            for _ in range(400):
                if made == count:
                    break
                if builder(b, ds):
                    made += 1
            if made != count:
                raise RuntimeError(f"could not build {count} {builder.__name__} threads for {ds}")
