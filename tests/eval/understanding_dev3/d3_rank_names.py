"""Families rank, names and unknown."""

from __future__ import annotations

from d3_core import Builder, expect, fig
from d3_data import HOME_SAMPLE, LGBF, OFLOG, SAMPLE, is_annual
from d3_families import poss, when
from d3_words import HOME_WORDS, IND, LATEST, MUST_NAMES, SCOPE_WORDS, VARIANTS, ind_phrase, pad

NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight", 10: "ten"}

RANK_BEST = [
    "top {n} councils {S} for {ind}{P}", "which {n} councils are best {S} on {ind}{P}?",
    "show me the {n} best performers {S} on {ind}{P}", "league table please: best {n} {S} for {ind}{P}",
]
RANK_WORST = [
    "bottom {n} {S} for {ind}{P}?", "which {n} councils are worst {S} on {ind}{P}?",
    "who are the {n} weakest {S} on {ind}{P}", "worst {n} {S} for {ind}{P}",
]
RANK_HIGH = ["which {n} councils have the highest {noun} {S}{P}?", "highest {n} {S} on {noun}{P}"]
RANK_LOW = ["which {n} councils have the lowest {noun} {S}{P}?", "lowest {n} {S} for {noun}{P}"]
RANK_ONE_BEST = ["who's best {S} on {ind}{P}?", "which council does best {S} for {ind}{P}?"]
RANK_ONE_WORST = ["who's worst {S} for {ind}{P}?", "which council is bottom of the table {S} on {ind}{P}?"]
RANK_WHERE = [
    "where do we come {S} on {ind}{P}?", "what's our ranking {S} for {ind}{P}?", "where do we rank {S} on {ind}{P}",
    "how high up the table are we {S} for {ind}{P}?",
]


def noun(b: Builder, ds: str, ind: str) -> str | None:
    """An indicator phrase that reads after "highest" / "lowest"."""
    verbs = (" finding ", " leaving", " turning ", " getting ", " helped ", " going ", " meeting ", " needing ",
             " cared ", " looked ", " living ", " graded ", " rated ", " done ", " decided ", " answered ", " paid ",
             " handled ", " completed ", " collected", " upheld", " recycled", " that ", " resulting ", " in time")
    words = [p for p in IND[(ds, ind)] if not p.startswith(("people ", "over-", "older "))]
    words = [p for p in words if not any(v in f" {p} " for v in verbs)]
    words = [p[4:] if p.startswith("the ") else p for p in words]
    words = [p for p in words if not p.startswith(("share ", "cost of "))]
    return b.rng.choice(words) if words else None


def rank_scope(b: Builder, ds: str) -> str:
    if ds == SAMPLE:
        return "neighbours"
    country = "england" if ds == OFLOG else "scotland"
    return country if b.rng.random() < 0.55 else "neighbours"


def scope_words(b: Builder, ds: str, scope: str) -> str:
    key = scope if scope != "neighbours" else (ds, "neighbours")
    return b.rng.choice(SCOPE_WORDS[key])


def rank_reading(b: Builder, ds: str, home: str, ind: str, scope: str, n: int | None, order: str | None,
                 period: str | None) -> tuple[dict, list[dict], str] | None:
    """The expected reading and figures of a rank question; None when it would be unfair (ties, too few)."""
    used = period or b.data.scope_latest(ds, scope, home, ind)
    if used is None or (ds == SAMPLE and not is_annual(used)):
        return None
    rows = b.data.ranking(ds, scope, home, ind, used)
    if len(rows) < 6:
        return None
    areas = [home, scope] if scope == "neighbours" or n is None else [scope]
    if n is None:
        if not b.data.holds(ds, ind, home, used):
            return None
        figs = [b.val(ds, ind, home, used)]
        pos = [a for a, _v in rows].index(home) + 1
        note = f"where we come: {pos} of {len(rows)} in {scope}, {used}"
        return expect("rank", [ind], [home, scope], None, period, "ranking"), figs, note
    if n >= len(rows):
        return None
    picked = rows[:n] if order == "best" else list(reversed(rows))[:n]
    rest = rows[n:] if order == "best" else list(reversed(rows))[n:]
    if picked[-1][1] == rest[0][1]:
        return None  # a tie at the cut-off
    ties = sorted({v for _a, v in picked if [x for _b, x in picked].count(v) > 1})
    figs = [fig(ind, a, used, v) for a, v in picked]
    note = f"{order} {n} of {len(rows)} in {scope}, {used}" + (f"; ties inside the list at {ties}" if ties else "")
    return expect("rank", [ind], areas, None, period, "ranking", n, order), figs, note


def rank_text(b: Builder, ds: str, ind: str, scope: str, n: int | None, order: str | None,
              period: str | None) -> str:
    rng = b.rng
    pol = b.data.pol(ds, ind)
    s_words = scope_words(b, ds, scope)
    ptxt = " " + when(b, period) if period else rng.choice(["", "", " at the moment", " latest"])
    phrase = ind_phrase(rng, ds, ind)
    if n is None:
        return rng.choice(RANK_WHERE).format(S=s_words, ind=phrase, P=ptxt)
    if n == 1:
        tpl = rng.choice(RANK_ONE_BEST if order == "best" else RANK_ONE_WORST)
        return tpl.format(S=s_words, ind=phrase, P=ptxt)
    n_txt = NUMBERS.get(n, str(n)) if rng.random() < 0.35 else str(n)
    word = noun(b, ds, ind)
    if word and rng.random() < 0.4:
        high = (order == "best") == (pol == "higher")
        return rng.choice(RANK_HIGH if high else RANK_LOW).format(n=n_txt, S=s_words, noun=word, P=ptxt)
    return rng.choice(RANK_BEST if order == "best" else RANK_WORST).format(n=n_txt, S=s_words, ind=phrase, P=ptxt)


def rank_item(b: Builder, ds: str) -> bool:
    rng = b.rng
    home = b.home(ds)
    ind = b.ind(ds, ranked=True)
    scope = rank_scope(b, ds)
    roll = rng.random()
    if roll < 0.2:
        n, order = None, None
    elif roll < 0.32:
        n, order = 1, rng.choice(["best", "worst"])
    else:
        n = rng.choice([3, 5, 10] if scope != "neighbours" else [3, 4, 5])
        order = rng.choice(["best", "worst"])
    period = None
    if rng.random() < 0.4:
        held = [p for p in b.data.held(ds, ind, home) if is_annual(p)]
        if not held:
            return False
        period = rng.choice(held)
    reading = rank_reading(b, ds, home, ind, scope, n, order, period)
    if reading is None:
        return False
    exp, figs, note = reading
    text = rank_text(b, ds, ind, scope, n, order, period)
    b.add("rank", ds, home, [pad(rng, text)], exp, figs, note)
    return True


# ---------------------------------------------------------------------- names
NAME_VALUE = [
    "what's {v}'s {ind}{L}?", "{ind} for {v} {P}?", "how is {v} doing on {ind}{L}", "can you pull {ind} for {v}",
    "what did {v} get for {ind} {P}?", "numbers for {v} on {ind} {P} please", "{v} - {ind}{L}?",
    "got a figure for {v} on {ind}? {P}",
]
NAME_COMPARE = ["{v} vs {w} on {ind}{L}", "is {v} ahead of {w} for {ind}{L}?", "{ind}{L}: {v} or {w}?"]
NAME_HOME = [
    "how is {h} doing on {ind}{L}?", "what's {h}'s {ind}{L}?", "{ind} for {h} {P}?", "what's {h}'s latest {ind}?",
    "is {h} any good at {ind}{L}?",
]


class NamePicker:
    """Cycles through every council variant of a dataset before repeating one."""

    def __init__(self, b: Builder, ds: str) -> None:
        self.b = b
        self.ds = ds
        self.pool: list[tuple[str, str]] = list(reversed(MUST_NAMES.get(ds, [])))
        self.must = len(self.pool)

    def next(self, exclude: tuple[str, ...] = ()) -> tuple[str, str]:
        for _ in range(3):
            if not self.pool:
                names = self.b.data.names
                codes = [c for c in VARIANTS if (self.ds, c) in names and c in self.b.data.areas(self.ds)]
                self.pool = [(c, v) for c in codes for v in VARIANTS[c]]
                self.b.rng.shuffle(self.pool)
            code, variant = self.pool.pop()
            if code not in exclude:
                return code, variant
            if self.must and len(self.pool) < self.must:
                self.pool.insert(max(0, len(self.pool) - 1), (code, variant))
        raise RuntimeError("no council variant left")


def names_item(b: Builder, ds: str, picker: NamePicker) -> bool:
    rng = b.rng
    home = b.home(ds)
    ind = b.ind(ds)
    roll = rng.random()
    variant2 = ""
    if roll < 0.1:
        areas = [home]
        words = rng.choice([w for w in HOME_WORDS if w not in ("us",)])
        tpl = rng.choice(NAME_HOME)
        variant = words
        tpl = tpl.replace("{h}'s", "{hs}")
    elif roll < 0.28:
        code, variant = picker.next(exclude=(home,))
        code2, variant2 = picker.next(exclude=(home, code))
        areas = [code, code2]
        tpl = rng.choice(NAME_COMPARE)
    else:
        code, variant = picker.next(exclude=(home,))
        areas = [code]
        tpl = rng.choice(NAME_VALUE)
    period = None
    if "{P}" in tpl or rng.random() < 0.3:
        held = b.common(ds, ind, areas)
        if not held:
            return False
        period = rng.choice(held)
        if "{P}" not in tpl:
            tpl = tpl.replace("{L}", " {P}") if "{L}" in tpl else tpl + " {P}"
    elif b.latest_same(ds, ind, areas) is None:
        return False
    used = period or b.latest_same(ds, ind, areas)
    hs = variant + "'s"
    text = tpl.format(v=variant, w=variant2, ind=ind_phrase(rng, ds, ind),
                      P=when(b, period) if period else "", L=rng.choice(LATEST), h=variant, hs=hs)
    text = text.replace(f"{variant}'s", poss(variant)).replace("  ", " ")
    intent, comparison = ("compare", "area") if len(areas) == 2 else ("value", None)
    figs = [b.val(ds, ind, a, used) for a in areas]
    typed = variant if len(areas) == 1 else f"{variant} / {variant2}"
    b.add("names", ds, home, [pad(rng, text, prefix=rng.random() < 0.4)],
          expect(intent, [ind], areas, None, period, comparison), figs, f"council typed as '{typed}', {used}")
    return True


# ---------------------------------------------------------------------- unknown
NOT_HELD_COUNCILS = {
    OFLOG: ["Cardiff", "Cheltenham Borough Council", "Belfast", "Harrogate", "Mid Suffolk"],
    LGBF: ["Cardiff", "Belfast", "Armagh City, Banbridge and Craigavon", "Gwynedd"],
    SAMPLE: ["Eastbridge District Council", "Southmere", "Swansea"],
}
COUNCIL_TEMPLATES = ["what's {c}'s {ind}?", "how does {c} do on {ind}?", "{ind} for {c} please",
                     "compare us with {c} on {ind}"]
NOT_HELD_MEASURES = {
    OFLOG: ["potholes filled within 28 days", "parking fines issued", "A&E waiting times", "bus punctuality",
            "EV charge points installed", "how many trees we planted", "FOI requests answered on time",
            "agency staff spend", "Ofsted ratings for our children's homes", "food hygiene ratings"],
    LGBF: ["parking fines issued", "A&E waits", "the number of EV chargers", "FOI response times", "crime rates",
           "graffiti removed within 24 hours"],
    SAMPLE: ["potholes filled", "noise complaints resolved", "housing benefit processing times",
             "air quality (NO2)", "the council house waiting list", "dog fouling fines"],
}
MEASURE_TEMPLATES = [
    "what's our {m} figure?", "how are we doing on {m}?", "can you give me {m} for the last few years",
    "are we better than our neighbours on {m}?", "where do we rank for {m}",
]
CHITCHAT = [
    "hi there", "thanks, that's really helpful!", "morning all :wave:", "tell me a joke",
    "who won the football last night?",
    "lol", "nice one, cheers", "what's the weather like in Leeds tomorrow?",
]
OFF_TOPIC = [
    "can you book committee room 2 for Thursday at 10?", "how do I claim mileage for the site visit?",
    "what's the wifi password in the civic centre?", "write me a poem about bins", "reset my password please",
    "what's the capital of Australia?",
]


def unknown_items(b: Builder) -> None:
    rng = b.rng
    plan = [("council", OFLOG)] * 5 + [("council", LGBF)] * 4 + [("council", SAMPLE)] * 3
    plan += [("measure", OFLOG)] * 5 + [("measure", LGBF)] * 4 + [("measure", SAMPLE)] * 5
    plan += [("chat", d) for d in (OFLOG, LGBF, SAMPLE, OFLOG, LGBF, SAMPLE, OFLOG, SAMPLE)]
    plan += [("off", d) for d in (OFLOG, LGBF, SAMPLE, LGBF, OFLOG, SAMPLE)]
    used: dict[str, list[str]] = {}
    for kind, ds in plan:
        home = b.home(ds)
        if kind == "council":
            pool = [c for c in NOT_HELD_COUNCILS[ds] if c not in used.setdefault(ds + kind, [])]
            council = pool[0]
            used[ds + kind].append(council)
            text = rng.choice(COUNCIL_TEMPLATES).format(c=council, ind=ind_phrase(rng, ds, b.ind(ds)))
            text = text.replace(f"{council}'s", poss(council))
            note = f"{council} is not held"
        elif kind == "measure":
            pool = [m for m in NOT_HELD_MEASURES[ds] if m not in used.setdefault(ds + kind, [])]
            measure = pool[0]
            used[ds + kind].append(measure)
            text = rng.choice(MEASURE_TEMPLATES).format(m=measure)
            note = f"'{measure}' is not a measure held"
        else:
            source = CHITCHAT if kind == "chat" else OFF_TOPIC
            pool = [t for t in source if t not in used.setdefault(kind, [])]
            text = rng.choice(pool)
            used[kind].append(text)
            note = "chit-chat" if kind == "chat" else "not about performance"
        turn = pad(rng, text) if kind in ("council", "measure") else text
        b.add("unknown", ds, home if ds != SAMPLE else HOME_SAMPLE, [turn], expect("unknown"), [], note)


__all__ = ["NamePicker", "names_item", "rank_item", "rank_reading", "rank_text", "unknown_items", "LGBF"]
