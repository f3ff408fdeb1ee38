"""Build the set-23 blind understanding evaluation (dev + holdout) from the raw data files.

Run from /work/main:  .venv/bin/python tests/eval/understanding_blind23/generate.py
Every reading, period, ranking size and figure is computed here from the files; only wording is written by hand.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True

import data as D  # noqa: E402
import wording as W  # noqa: E402

SEED = 23232323
rng = random.Random(SEED)

COUNTS = {  # family -> {dataset: count}
    "names": {"oflog": 30, "lgbf": 30, "sample": 10},
    "rank": {"oflog": 25, "lgbf": 30, "sample": 15},
    "followup": {"oflog": 25, "lgbf": 25, "sample": 20},
    "value": {"oflog": 10, "lgbf": 10, "sample": 10},
    "span": {"oflog": 10, "lgbf": 10, "sample": 10},
    "trend": {"oflog": 10, "lgbf": 10, "sample": 10},
    "compare": {"oflog": 14, "lgbf": 14, "sample": 12},
    "overview": {"oflog": 8, "lgbf": 9, "sample": 8},
    "target": {"sample": 20},
    "period_not_held": {"oflog": 9, "lgbf": 9, "sample": 7},
    "unknown": {"oflog": 10, "lgbf": 10, "sample": 10},
}


class Skip(Exception):
    """Candidate dropped (ambiguous, excluded council, missing data)."""


def reading(intent, inds, areas, frm=None, to=None, comp=None, n=None, order=None):
    return {"intent": intent, "indicators": list(inds), "areas": list(areas),
            "periods": {"from": frm, "to": to}, "comparison": comp, "n": n, "order": order}


def unknown_reading():
    return reading("unknown", [], [])


def fig(ctx, ind, area, period):
    v = ctx.src.value(ind, area, period)
    if v is None:
        return None
    return {"indicator_id": ind, "area_code": area, "period": period, "value": float(v)}


def figs(ctx, triples):
    out = [fig(ctx, *t) for t in triples]
    return [f for f in out if f is not None]


# ------------------------------------------------------------------ contexts
class Ctx:
    def __init__(self, dataset):
        self.dataset = dataset
        if dataset == "oflog":
            self.src, self.nn, self.etype = D.load_oflog()
            self.homes, self.nameable, self.all_codes = D.oflog_homes(self.src, self.nn)
            self.measures = W.OFLOG_MEASURES
            self.national = "england"
            self.national_group = self.all_codes
            self.tainted = {c for c in self.all_codes if c not in self.nameable}
        elif dataset == "lgbf":
            self.src, self.info, self.groups = D.load_lgbf()
            self.etype = {}
            self.all_codes = sorted(self.src.names)
            self.homes = self.nameable = self.all_codes
            self.measures = W.LGBF_MEASURES
            self.national = "scotland"
            self.national_group = self.all_codes
            self.tainted = set()
            self.rank_type = dict(zip(self.info["Code"], self.info["Ranking_Type"], strict=False))
            self.fam_type = dict(zip(self.info["Code"], self.info["FamilyGrouping"], strict=False))
            self.category = dict(zip(self.info["Code"], self.info["ISCategory"], strict=False))
        else:
            self.src, self.meta, self.members, self.targets = D.load_sample()
            self.etype = {}
            self.all_codes = sorted(self.src.names)
            self.homes = [D.SAMPLE_HOME]
            self.nameable = self.all_codes
            self.measures = W.SAMPLE_MEASURES
            self.national = None
            self.national_group = []
            self.tainted = set()
            self.polarity = dict(zip(self.meta["indicator_id"], self.meta["polarity"], strict=False))

    def pol(self, ind):
        if self.dataset == "oflog":
            return {"ASC6": None, "ASC7": "lower"}.get(ind, "higher")
        if self.dataset == "lgbf":
            return {"Ascending": "lower", "Descending": "higher"}.get(self.rank_type.get(ind))
        return {"higher_is_better": "higher", "lower_is_better": "lower"}.get(self.polarity.get(ind))

    def nbrs(self, home, ind):
        if self.dataset == "oflog":
            return sorted(self.nn[home])
        if self.dataset == "lgbf":
            return self.groups[(self.fam_type[ind], home)]
        return self.members

    def cname(self, code, style=None):
        name = self.src.names[code]
        return W.council_form(rng, self.dataset, name, self.etype.get(code, ""), NAME_POOL, style)[0]

    def inds_for(self, area, annual_min=1):
        return [i for i in self.measures if len(self.src.annual(i, area)) >= annual_min]

    def years(self, ind, area):
        return sorted(D.fy_start(p) for p in self.src.annual(ind, area))

    def m(self, ind):
        return rng.choice(self.measures[ind])

    def group_word(self, home):
        if self.dataset == "oflog":
            return rng.choice(["our CIPFA nearest neighbours", "our nearest neighbours", "similar councils",
                               "our comparator group", "the Council's CIPFA comparator group"])
        if self.dataset == "lgbf":
            return rng.choice(["our family group", "the Council's LGBF family group", "similar councils",
                               "our comparator councils in the family group"])
        return rng.choice(["our nearest neighbours", "similar councils", "our comparator group",
                           "the Council's nearest neighbour group"])

    def rank_group_word(self):
        if self.dataset == "oflog":
            return rng.choice(["our CIPFA nearest neighbours", "our nearest neighbours", "our comparator group",
                               "the Council's CIPFA comparator group"])
        if self.dataset == "lgbf":
            return rng.choice(["our family group", "the Council's LGBF family group", "our benchmarking family group"])
        return rng.choice(["our nearest neighbours", "our comparator group", "the Council's nearest neighbour group"])

    def nation_word(self):
        if self.dataset == "oflog":
            return rng.choice(["the England average", "England as a whole", "the national figure for England",
                               "the England median"])
        return rng.choice(["the Scottish average", "Scotland as a whole", "the national figure for Scotland",
                           "the Scotland-wide figure"])

    def nation_place(self):
        if self.dataset == "oflog":
            return rng.choice(["in England", "across England", "among all English councils"])
        return rng.choice(["in Scotland", "across Scotland", "among the 32 Scottish councils"])


CTX: dict[str, Ctx] = {}
NAME_POOL: list[str] = []


def pick(seq):
    seq = list(seq)
    if not seq:
        raise Skip("empty")
    return rng.choice(seq)


def poss_home(ctx, home):
    r = rng.random()
    if r < 0.45:
        return "our"
    if r < 0.7:
        return "the Council's"
    if r < 0.8:
        return "this authority's"
    return ctx.cname(home, "formal") + "'s"


def of_council(ctx, code):
    c = ctx.cname(code)
    return c, rng.choice([f"for {c}", f"at {c}", f"of {c}", f"reported by {c}"])


def prefix():
    return rng.choice(["", "", "", "", "For Thursday's scrutiny committee: ", "Ahead of the pre-scrutiny meeting, ",
                       "In preparing the briefing note for the Chair, ", "Hi - ", "Quick one: ",
                       "For a members' written question, ", "Morning, ", "As part of the budget scrutiny, "])


THE_AFTER = re.compile(r"(\b(?:our|ours|its|highest|lowest|best-performing|worst-performing)|'s|s') the ")


def tidy(text):
    return THE_AFTER.sub(lambda mm: mm.group(1) + " ", text)


def ask(body):
    body = tidy(body)
    p = prefix()
    if p and p[-2:] in (", ", ": "):
        body = body[:1].lower() + body[1:] if not body.startswith(("I ", "I'")) else body
    return (p + body).strip()


# ------------------------------------------------------------------ value / names
def pick_home_ind(ctx, min_years=1, need_pol=False):
    home = pick(ctx.homes)
    inds = [i for i in ctx.inds_for(home, min_years) if not need_pol or ctx.pol(i)]
    return home, pick(inds)


def value_text_year(who_poss, m, yrt):
    return rng.choice([
        f"What was {who_poss} {m} {yrt}?",
        f"Could officers please confirm {who_poss} {m} {yrt}?",
        f"Please set out {who_poss} {m} {yrt}.",
        f"I would be grateful if you could tell me {who_poss} {m} {yrt}.",
        f"{W.cap(m)} - what was {who_poss} figure {yrt}?" if who_poss == "our" else f"{W.cap(who_poss)} {m} {yrt}?",
        f"whats {who_poss} {m} {yrt}",
        f"Can you tell me what {who_poss} {m} was {yrt}, please, as the committee has asked for it?",
    ])


def value_text_latest(who_poss, m, lt):
    return rng.choice([
        f"What is {who_poss} {m}{lt}?",
        f"Could officers confirm {who_poss} {m}{lt}?",
        f"Where does {who_poss} {m} stand{lt}?",
        f"how's {who_poss} {m} looking{lt}",
        f"Please provide {who_poss} {m}{lt}.",
        f"I would be grateful for {who_poss} {m}{lt}, which members have requested for the next meeting.",
        f"What was {who_poss} {m} last year?",
    ])


def gen_value(ctx):
    home, ind = pick_home_ind(ctx)
    m = ctx.m(ind)
    who = poss_home(ctx, home)
    if rng.random() < 0.4:
        text = value_text_latest(who, m, W.latest_text(rng))
        exp = reading("value", [ind], [home])
        f = []
    else:
        y = pick(ctx.years(ind, home))
        text = value_text_year(who, m, W.in_year(rng, y))
        exp = reading("value", [ind], [home], to=D.fy(y))
        f = figs(ctx, [(ind, home, D.fy(y))])
    return home, [ask(text)], exp, f, f"value of {ind} for the home council"


def gen_names(ctx):
    home = pick(ctx.homes)
    code = pick(ctx.nameable)
    ind = pick(ctx.inds_for(code))
    m = ctx.m(ind)
    c = ctx.cname(code)
    if rng.random() < 0.35:
        lt = W.latest_text(rng)
        text = rng.choice([
            f"What is the {m.removeprefix('the ')} for {c}{lt}?",
            f"Could you let me know {c}'s {m}{lt}?" if not c.endswith("s")
            else f"Could you let me know {m} at {c}{lt}?",
            f"{c} - {m}{lt}?",
            f"I should be grateful if officers could provide {m} for {c}{lt}.",
            f"{m} {c}{lt} pls",
            f"What was {m} at {c} last year?",
        ])
        exp = reading("value", [ind], [code])
        f = []
    else:
        y = pick(ctx.years(ind, code))
        yt = W.in_year(rng, y)
        text = rng.choice([
            f"What was {m} for {c} {yt}?",
            f"Please could officers confirm the figure reported by {c} for {m} {yt}.",
            f"{c}: {m}, {yt.removeprefix('in ')}?",
            f"For the purposes of a written question, what was {m} at {c} {yt}?",
            f"{W.cap(m)} {yt} at {c}?",
            f"can u pull {m} for {c} {yt}",
            f"In respect of {c}, what was {m} {yt}?",
        ])
        exp = reading("value", [ind], [code], to=D.fy(y))
        f = figs(ctx, [(ind, code, D.fy(y))])
    return home, [ask(text)], exp, f, f"named council value ({ctx.src.names[code]})"


# ------------------------------------------------------------------ trends and spans
def gen_trend(ctx):
    home = pick(ctx.homes)
    use_named = rng.random() < 0.35
    area = pick(ctx.nameable) if use_named else home
    ind = pick([i for i in ctx.inds_for(area, 3)])
    m = ctx.m(ind)
    if use_named:
        c = ctx.cname(area)
        text = rng.choice([
            f"Has {m} at {c} been improving or deteriorating?",
            f"What is the direction of travel for {m} at {c}?",
            f"Could officers describe the trend in {m} for {c}?",
            f"is {c} getting better on {m}",
        ])
    else:
        text = rng.choice([
            f"Is {poss_home(ctx, home)} {m} improving?",
            f"What is the direction of travel on {m} for the Council?",
            f"Members have asked whether {m} is getting better or worse - what does the trend show?",
            f"has our {m} got better over time",
            f"Could the trend in {poss_home(ctx, home)} {m} be summarised for the committee?",
            f"How has {m} been trending for us?",
        ])
    return home, [ask(text)], reading("trend", [ind], [area]), [], "trend without a span"


def span_reading(ctx, ind, area):
    """Choose a span form; return (phrase, from, to)."""
    years = ctx.years(ind, area)
    if len(years) < 2:
        raise Skip("short")
    latest = years[-1]
    kind = rng.choice(["between", "between", "since", "lastn", "nto"])
    if kind == "lastn" and any("Q" in p for p in ctx.src.series(ind, area)):
        raise Skip("latest ambiguous with quarters held")
    if kind == "between":
        a, b = sorted(rng.sample(years, 2))
        return W.span_text(rng, a, b), D.fy(a), D.fy(b)
    if kind == "since":
        a = pick(years[:-1])
        return W.since_text(rng, a), D.fy(a), D.fy(latest)
    n = rng.choice([2, 3, 4, 5])
    if kind == "lastn":
        return W.lastn_text(rng, n, None), D.fy(latest - n), D.fy(latest)
    b = pick(years[1:])
    return W.lastn_text(rng, n, b), D.fy(b - n), D.fy(b)


def gen_span(ctx):
    home = pick(ctx.homes)
    use_named = rng.random() < 0.35
    area = pick(ctx.nameable) if use_named else home
    ind = pick(ctx.inds_for(area, 3))
    m = ctx.m(ind)
    ph, frm, to = span_reading(ctx, ind, area)
    if use_named:
        c = ctx.cname(area)
        text = rng.choice([
            f"How has {m} at {c} changed {ph}?",
            f"Could officers set out the trend in {m} for {c} {ph}?",
            f"{W.cap(ph)}, how did {m} move at {c}?",
            f"what happened to {c}'s {m} {ph}" if not c.endswith("s") else f"what happened to {m} at {c} {ph}",
        ])
    else:
        text = rng.choice([
            f"How has {poss_home(ctx, home)} {m} changed {ph}?",
            f"Please summarise the movement in {m} {ph}, so that members can judge whether the Council has improved.",
            f"{W.cap(ph)}, what has happened to {poss_home(ctx, home)} {m}?",
            f"Could officers show the trend in {m} for the Council {ph}?",
            f"how have we done on {m} {ph}",
        ])
    f = figs(ctx, [(ind, area, frm), (ind, area, to)])
    return home, [ask(text)], reading("trend", [ind], [area], frm, to), f, "trend over an explicit span"


# ------------------------------------------------------------------ compare
def gen_compare(ctx):
    home = pick(ctx.homes)
    kinds = ["area_us", "area_us", "area_named", "neighbours", "neighbours"]
    if ctx.national:
        kinds += ["national", "national"]
    kind = rng.choice(kinds)
    if kind.startswith("area"):
        if kind == "area_us":
            others = rng.sample([c for c in ctx.nameable if c != home], rng.choice([1, 1, 2]))
            areas = [home] + others
        else:
            areas = rng.sample([c for c in ctx.nameable if c != home], rng.choice([2, 2, 3]))
        inds = [i for i in ctx.measures if all(ctx.src.annual(i, a) for a in areas)]
        ind = pick(inds)
        common = sorted(set.intersection(*[set(ctx.years(ind, a)) for a in areas]))
        if not common:
            raise Skip("no common year")
    else:
        areas = [home, "neighbours" if kind == "neighbours" else ctx.national]
        ind = pick(ctx.inds_for(home))
        common = ctx.years(ind, home)
    m = ctx.m(ind)
    use_year = rng.random() < 0.55
    y = pick(common) if use_year else None
    pt = W.in_year(rng, y) if use_year else rng.choice(["", "", "currently", "at present"])
    pt = (" " + pt) if pt else ""
    verb = rng.choice(["compare with", "compare to", "stand relative to", "compare when benchmarked against",
                       "look in comparison with"])
    if kind == "area_us":
        names = [ctx.cname(c) for c in areas[1:]]
        them = names[0] if len(names) == 1 else f"{names[0]} and {names[1]}"
        text = rng.choice([
            f"How did {poss_home(ctx, home)} {m}{pt} {verb} {them}?",
            f"Could officers benchmark {poss_home(ctx, home)} {m} against {them}{pt}?",
            f"how do we compare with {them} on {m}{pt}",
            f"Relative to {them}, how did the Council perform on {m}{pt}?",
        ])
        comp = "area"
    elif kind == "area_named":
        names = [ctx.cname(c) for c in areas]
        lst = f"{names[0]} and {names[1]}" if len(names) == 2 else f"{names[0]}, {names[1]} and {names[2]}"
        text = rng.choice([
            f"Please compare {m} for {lst}{pt}.",
            f"How did {lst} compare on {m}{pt}?",
            f"Could I have {m}{pt} for {lst}, side by side?",
            f"{m}{pt}: {lst} compared pls",
        ])
        comp = "area"
    elif kind == "neighbours":
        g = ctx.group_word(home)
        text = rng.choice([
            f"How does {poss_home(ctx, home)} {m}{pt} {verb} {g}?",
            f"Benchmarked against {g}, how did the Council perform on {m}{pt}?",
            f"In comparison with {g}, where does {poss_home(ctx, home)} {m} sit{pt}?",
            f"how r we doing on {m} vs {g}{pt}",
        ])
        comp = "neighbours"
    else:
        g = ctx.nation_word()
        text = rng.choice([
            f"How does {poss_home(ctx, home)} {m}{pt} {verb} {g}?",
            f"Relative to {g}, how did the Council perform on {m}{pt}?",
            f"Is {poss_home(ctx, home)} {m} above or below {g}{pt}?",
            f"{m} - us vs {g}{pt}?",
        ])
        comp = "national"
    exp = reading("compare", [ind], areas, to=D.fy(y) if use_year else None, comp=comp)
    f = figs(ctx, [(ind, a, D.fy(y)) for a in areas if a not in ("neighbours", "england", "scotland")]) \
        if use_year and comp == "area" else []
    return home, [ask(text)], exp, f, f"comparison ({comp})"


# ------------------------------------------------------------------ rank
def rank_list(ctx, ind, members, period, n, order):
    """Return (listed codes, figures or None when a tie at the cut-off makes membership uncertain)."""
    vals = [(ctx.src.value(ind, a, period), a) for a in members]
    vals = [(v, a) for v, a in vals if v is not None]
    if len(vals) <= n:
        raise Skip("too few")
    high_first = (ctx.pol(ind) == "higher") == (order == "best")
    vals.sort(key=lambda t: (-t[0], t[1]) if high_first else (t[0], t[1]))
    listed = vals[:n]
    cut = listed[-1][0]
    tied = [a for v, a in vals if v == cut]
    if set(a for _, a in listed + [(0, t) for t in tied]) & ctx.tainted:
        raise Skip("excluded council listed")
    if vals[n][0] == cut:
        return [a for _, a in listed], None
    return [a for _, a in listed], [{"indicator_id": ind, "area_code": a, "period": period, "value": float(v)}
                                    for v, a in listed]


def order_words(ctx, ind, order, n):
    pol = ctx.pol(ind)
    hi = (pol == "higher") == (order == "best")
    adj = "highest" if hi else "lowest"
    if rng.random() < 0.35:
        adj = "best-performing" if order == "best" else "worst-performing"
        return adj, True
    if pol == "higher" and rng.random() < 0.3:
        return ("top" if order == "best" else "bottom"), True
    return adj, False


def rank_text(ctx, ind, order, n, place, m, pt):
    adj, generic = order_words(ctx, ind, order, n)
    sing = "council" if rng.random() < 0.6 else "authority"
    if n == 1:
        if adj.endswith("performing"):
            return rng.choice([f"Which was the {adj} {sing} {place} on {m}{pt}?",
                               f"Could officers identify the {adj} {sing} {place} for {m}{pt}?"])
        if adj in ("top", "bottom"):
            return rng.choice([f"Which {sing} {place} came {adj} for {m}{pt}?",
                               f"who came {adj} {place} on {m}{pt}"])
        return rng.choice([f"Which {sing} {place} had the {adj} {m}{pt}?",
                           f"Could officers identify the {sing} {place} with the {adj} {m}{pt}?"])
    nt = W.num_text(rng, n)
    who = rng.choice(["councils", "authorities"])
    if adj.endswith("performing"):
        return rng.choice([f"Which are the {nt} {adj} {who} {place} on {m}{pt}?",
                           f"Please list the {nt} {adj} {who} {place} for {m}{pt}.",
                           f"For benchmarking purposes, could officers name the {nt} {adj} {who} {place} on {m}{pt}?"])
    if adj in ("top", "bottom"):
        return rng.choice([f"Which are the {adj} {nt} {who} {place} for {m}{pt}?",
                           f"{adj} {nt} {place} on {m}{pt} please",
                           f"Please list the {adj} {nt} {who} {place} on {m}{pt}."])
    return rng.choice([f"Which {nt} {who} {place} recorded the {adj} {m}{pt}?",
                       f"Please list the {nt} {who} {place} with the {adj} {m}{pt}.",
                       f"For benchmarking purposes, which {nt} {who} {place} had the {adj} {m}{pt}?"])


def gen_rank(ctx):
    home = pick(ctx.homes)
    groups = ["neighbours"] + ([ctx.national] * 2 if ctx.national else [])
    grp = rng.choice(groups)
    position = rng.random() < 0.3
    ind = pick([i for i in ctx.inds_for(home) if ctx.pol(i)])
    members = ctx.nbrs(home, ind) if grp == "neighbours" else ctx.national_group
    m = ctx.m(ind)
    use_year = rng.random() < 0.5
    if use_year:
        counts = {}
        for a in members:
            for p in ctx.src.annual(ind, a):
                counts[p] = counts.get(p, 0) + 1
        period = pick(sorted(p for p, c in counts.items() if c * 2 >= len(members)))
        pt = " " + W.in_year(rng, D.fy_start(period))
    else:
        period = ctx.src.group_period(ind, members)
        pt = W.latest_text(rng).replace(" last year", "")
    gw = ctx.rank_group_word() if grp == "neighbours" else None
    place = f"among {gw}" if gw else ctx.nation_place()
    if position:
        if ctx.src.value(ind, home, period) is None:
            raise Skip("home lacks value")
        text = rng.choice([
            f"Where does the Council rank {place} on {m}{pt}?",
            f"What position are we {place} for {m}{pt}?",
            f"How do we rank {place} for {m}{pt}?",
            f"Could officers advise where {ctx.cname(home, 'formal')} sits in the ranking {place} for {m}{pt}?",
            f"whats our ranking {place} on {m}{pt}",
        ])
        exp = reading("rank", [ind], [home, grp], to=period if use_year else None, comp="ranking")
        f = figs(ctx, [(ind, home, period)])
        return home, [ask(text)], exp, f, "ranking position of the home council"
    n = rng.choice([3, 5, 5, 10, 1]) if grp != "neighbours" else rng.choice([1, 3, 3, 5])
    order = rng.choice(["best", "best", "worst"])
    listed, f = rank_list(ctx, ind, members, period, n, order)
    text = rank_text(ctx, ind, order, n, place, m, pt)
    exp = reading("rank", [ind], [grp], to=period if use_year else None, comp="ranking", n=n, order=order)
    return home, [ask(text)], exp, f or [], f"rank list {order} {n} ({grp})"


# ------------------------------------------------------------------ overview
def gen_overview(ctx):
    home = pick(ctx.homes)
    if ctx.dataset == "oflog":
        area = home if rng.random() < 0.6 else pick(ctx.nameable)
        inds = sorted(i for i in ctx.measures if ctx.src.held(i, area))
        svc = rng.choice(["adult social care", "adult social care services", "adult social care outcomes"])
    elif ctx.dataset == "lgbf":
        area = home if rng.random() < 0.6 else pick(ctx.nameable)
        cat = pick(W.LGBF_SERVICES)
        inds = sorted(i for i, c in ctx.category.items() if c == cat and ctx.src.held(i, area))
        if not inds:
            raise Skip("nothing held")
        svc = rng.choice(W.LGBF_SERVICES[cat])
    else:
        area = home
        key = pick(W.SAMPLE_SERVICES)
        words, all_inds = W.SAMPLE_SERVICES[key]
        inds = sorted(i for i in all_inds if ctx.src.held(i, area))
        svc = rng.choice(words)
    if area == home:
        text = rng.choice([
            f"How is the Council performing on {svc} overall?",
            f"Could officers provide an overview of our performance on {svc} for the committee?",
            f"how are we doing on {svc}",
            f"Please give me a summary of how the Council is doing across {svc}.",
            f"In advance of the budget meeting, what is the overall picture of our performance on {svc}?",
        ])
    else:
        c = ctx.cname(area)
        text = rng.choice([f"How is {c} performing on {svc}?",
                           f"Could I have an overview of {c}'s performance on {svc}?" if not c.endswith("s")
                           else f"Could I have an overview of performance on {svc} at {c}?",
                           f"overview of {svc} at {c} pls"])
    return home, [ask(text)], reading("overview", inds, [area]), [], "service overview"


# ------------------------------------------------------------------ target (sample)
def gen_target(ctx):
    home = D.SAMPLE_HOME
    tg = ctx.targets[ctx.targets["area_code"] == home]
    ind = pick(sorted(set(tg["indicator_id"])))
    m = ctx.m(ind)
    periods = sorted(set(tg[tg["indicator_id"] == ind]["period"]), key=D.period_pos)
    r = rng.random()
    if r < 0.35:
        text = rng.choice([
            f"Is the Council on track to meet its target for {m}?",
            f"Are we currently hitting target on {m}?",
            f"r we meeting the target for {m} at the moment",
            f"Could officers confirm whether {m} is meeting its target?",
        ])
        return home, [ask(text)], reading("target", [ind], [home]), [], "target, latest"
    quarters = [p for p in periods if "Q" in p]
    if r < 0.6 and quarters:
        p = pick(quarters)
        pt = W.quarter_text(rng, D.fy_start(p), int(p[-1]))
    else:
        p = pick([x for x in periods if "Q" not in x])
        pt = W.year_text(rng, D.fy_start(p))
    text = rng.choice([
        f"Did the Council meet its target for {m} in {pt}?",
        f"How did {m} perform against target in {pt}?",
        f"Was the target for {m} achieved in {pt}, and if not by how much was it missed?",
        f"did we hit target on {m} in {pt}",
    ])
    return home, [ask(text)], reading("target", [ind], [home], to=p), figs(ctx, [(ind, home, p)]), "target, period"


# ------------------------------------------------------------------ period not held
def gen_pnh(ctx):
    home = pick(ctx.homes)
    area = home if rng.random() < 0.6 else pick(ctx.nameable)
    ind = pick(ctx.inds_for(area, 2))
    years = ctx.years(ind, area)
    quarters_held = any("Q" in p for p in ctx.src.series(ind, area))
    kind = rng.choice(["before", "after", "gap", "quarter", "quarter"])
    if kind == "before":
        y = years[0] - rng.choice([1, 2, 3])
        asked = D.fy(y)
        pt = W.in_year(rng, y)
    elif kind == "after":
        y = years[-1] + rng.choice([1, 2])
        if quarters_held:
            raise Skip("quarters held after the last year")
        asked = D.fy(y)
        pt = W.in_year(rng, y)
    elif kind == "gap":
        gaps = [y for y in range(years[0] + 1, years[-1]) if y not in years]
        y = pick(gaps)
        asked = D.fy(y)
        pt = W.in_year(rng, y)
    else:
        if quarters_held:
            raise Skip("quarters held")
        y = pick(years)
        q = rng.choice([1, 2, 3, 4])
        asked = f"{D.fy(y)} Q{q}"
        pt = "in " + W.quarter_text(rng, y, q)
    closest = ctx.src.closest_annual(ind, area, asked)
    if closest is None:
        raise Skip("tie")
    m = ctx.m(ind)
    if area == home:
        text = rng.choice([f"What was {poss_home(ctx, home)} {m} {pt}?",
                           f"Could officers provide {m} for the Council {pt}?",
                           f"what was our {m} {pt}"])
    else:
        c = ctx.cname(area)
        text = rng.choice([f"What was {m} at {c} {pt}?", f"Please confirm {m} for {c} {pt}."])
    exp = reading("value", [ind], [area], to=asked)
    return home, [ask(text)], exp, figs(ctx, [(ind, area, closest)]), f"period not held ({kind}); closest {closest}"


# ------------------------------------------------------------------ unknown
WELSH_NI = ["Cardiff Council", "the City and County of Swansea", "Gwynedd Council", "Wrexham County Borough Council",
            "Rhondda Cynon Taf", "Belfast City Council", "Derry City and Strabane District Council",
            "Armagh City, Banbridge and Craigavon Borough Council", "Powys County Council"]
DISTRICTS = ["Cheltenham Borough Council", "South Cambridgeshire District Council", "Mid Suffolk District Council",
             "Tewkesbury Borough Council", "Babergh District Council", "Broxtowe Borough Council"]
MADE_UP = ["Wexmoor County Council", "Port Alden City Council", "Glenbrach Council", "Eastwold Borough Council",
           "Hollowmere Metropolitan Borough Council"]
NO_MEASURE = ["the number of weddings conducted by the registration service",
              "electric vehicle charging points per 100,000 residents", "the number of trees planted on council land",
              "the length of the allotment waiting list", "the average time to answer calls to the contact centre",
              "the number of parking penalty charge notices issued"]
CHAT = ["Thank you, that is most helpful.", "Good morning all - hope everyone had a restful weekend.",
        "Many thanks, I will pass that on to the Chair.", "cheers, appreciated", "Happy Friday everyone!",
        "Apologies, please ignore my last message."]


def gen_unknown(ctx):
    home = pick(ctx.homes)
    kinds = ["welsh", "madeup", "nomeasure", "chat", "cross"]
    if ctx.dataset == "oflog":
        kinds.append("district")
    kind = rng.choice(kinds)
    any_m = lambda: ctx.m(pick(ctx.inds_for(home)))  # noqa: E731
    if kind == "welsh":
        text = rng.choice([f"What was {pick(WELSH_NI)}'s performance on {any_m()} last year?",
                           f"How does {any_m()} compare between us and {pick(WELSH_NI)}?"])
        text = rng.choice([text, f"Could officers provide {any_m()} for {pick(WELSH_NI)}?"])
    elif kind == "district":
        text = f"What was {pick(W.OFLOG_MEASURES['ASC1'] + W.OFLOG_MEASURES['ASC3'])} at {pick(DISTRICTS)} in 2021/22?"
    elif kind == "madeup":
        text = rng.choice([f"Could officers set out {any_m()} for {pick(MADE_UP)}?",
                           f"How has {pick(MADE_UP)} performed on {any_m()} since 2018?"])
    elif kind == "nomeasure":
        text = rng.choice([f"What was {poss_home(ctx, home)} {pick(NO_MEASURE).removeprefix('the ')} in 2022/23?",
                           f"How do we compare with similar councils on {pick(NO_MEASURE)}?"])
    elif kind == "chat":
        return home, [pick(CHAT)], unknown_reading(), [], "unknown (chat)"
    else:
        if ctx.dataset == "oflog":
            other = W.LGBF_MEASURES[pick(["C&L02", "CHN01", "HSN04b", "ENV03c", "CORP08", "ECON05"])]
            text = rng.choice([f"What is {poss_home(ctx, home)} {pick(other)}?",
                               f"How has {pick(other)} changed at the Council since 2017?"])
        elif ctx.dataset == "lgbf":
            other = W.OFLOG_MEASURES[pick(["ASC1", "ASC2", "ASC3", "ASC4", "ASC5", "ASC7"])]
            text = rng.choice([f"What is {poss_home(ctx, home)} {pick(other)}?",
                               f"How does the Council compare with its family group on {pick(other)}?"])
        else:
            other = W.OFLOG_MEASURES[pick(["ASC1", "ASC2", "ASC3", "ASC4", "ASC5"])]
            text = rng.choice([f"What is {poss_home(ctx, home)} {pick(other)}?",
                               f"How do we compare with our nearest neighbours on {pick(other)}?"])
    return home, [ask(text)], unknown_reading(), [], f"unknown ({kind})"


# ------------------------------------------------------------------ follow-ups
def gen_followup(ctx):
    home = pick(ctx.homes)
    kinds = ["year_then_neigh", "other_council", "rank_flip", "since_other", "back_to_ours", "position_year",
             "other_measure"]
    if ctx.national:
        kinds.append("national_then_neigh")
    kind = rng.choice(kinds)
    turns, each = [], []
    final_figs: list = []
    if kind == "year_then_neigh":
        ind = pick(ctx.inds_for(home, 2))
        m = ctx.m(ind)
        y = pick(ctx.years(ind, home))
        turns.append(value_text_latest(poss_home(ctx, home), m, W.latest_text(rng)))
        each.append(reading("value", [ind], [home]))
        turns.append(rng.choice([f"And {W.in_year(rng, y)}?", f"What was it {W.in_year(rng, y)}?",
                                 f"and for {W.year_text(rng, y)}"]))
        each.append(reading("value", [ind], [home], to=D.fy(y)))
        final_figs = figs(ctx, [(ind, home, D.fy(y))])
        if rng.random() < 0.7:
            g = ctx.group_word(home)
            turns.append(rng.choice([f"How did that compare with {g}?", f"And benchmarked against {g}?",
                                     f"how does that stack up against {g}"]))
            each.append(reading("compare", [ind], [home, "neighbours"], to=D.fy(y), comp="neighbours"))
            final_figs = []
            others = [v for v in ctx.years(ind, home) if v != y]
            if others and rng.random() < 0.5:
                y2 = pick(others)
                turns.append(rng.choice([f"Thank you. And what was ours {W.in_year(rng, y2)}?",
                                         f"what was ours {W.in_year(rng, y2)} then"]))
                each.append(reading("value", [ind], [home], to=D.fy(y2)))
                final_figs = figs(ctx, [(ind, home, D.fy(y2))])
    elif kind == "other_council":
        a, b = rng.sample(ctx.nameable, 2)
        ind = pick([i for i in ctx.measures if ctx.src.annual(i, a) and ctx.src.annual(i, b)])
        common = sorted(set(ctx.years(ind, a)) & set(ctx.years(ind, b)))
        y = pick(common)
        m = ctx.m(ind)
        turns.append(f"What was {m} for {ctx.cname(a)} {W.in_year(rng, y)}?")
        each.append(reading("value", [ind], [a], to=D.fy(y)))
        turns.append(rng.choice([f"And for {ctx.cname(b)}?", f"What about {ctx.cname(b)}?",
                                 f"same for {ctx.cname(b)} pls"]))
        each.append(reading("value", [ind], [b], to=D.fy(y)))
        final_figs = figs(ctx, [(ind, b, D.fy(y))])
        y2s = [v for v in ctx.years(ind, b) if v != y]
        if y2s and rng.random() < 0.6:
            y2 = pick(y2s)
            turns.append(rng.choice([f"And {W.in_year(rng, y2)}?", f"and for {W.year_text(rng, y2)}?"]))
            each.append(reading("value", [ind], [b], to=D.fy(y2)))
            final_figs = figs(ctx, [(ind, b, D.fy(y2))])
            y3s = ctx.years(ind, home)
            if y3s and home not in (a, b) and rng.random() < 0.6:
                y3 = pick(y3s)
                turns.append(rng.choice([f"What was ours {W.in_year(rng, y3)}?",
                                         f"For context, what was our own figure {W.in_year(rng, y3)}?"]))
                each.append(reading("value", [ind], [home], to=D.fy(y3)))
                final_figs = figs(ctx, [(ind, home, D.fy(y3))])
                if ctx.national and rng.random() < 0.6:
                    turns.append(rng.choice([f"And how did that compare with {ctx.nation_word()}?",
                                             f"and relative to {ctx.nation_word()}?"]))
                    each.append(reading("compare", [ind], [home, ctx.national], to=D.fy(y3), comp="national"))
                    final_figs = []
    elif kind == "rank_flip":
        grp = rng.choice(["neighbours"] + ([ctx.national] if ctx.national else []))
        ind = pick([i for i in ctx.inds_for(home) if ctx.pol(i)])
        members = ctx.nbrs(home, ind) if grp == "neighbours" else ctx.national_group
        n = rng.choice([3, 5]) if grp == "neighbours" else rng.choice([3, 5, 10])
        period = ctx.src.group_period(ind, members)
        rank_list(ctx, ind, members, period, n, "best")
        rank_list(ctx, ind, members, period, n, "worst")
        m = ctx.m(ind)
        place = f"among {ctx.rank_group_word()}" if grp == "neighbours" else ctx.nation_place()
        turns.append(rank_text(ctx, ind, "best", n, place, m, ""))
        each.append(reading("rank", [ind], [grp], comp="ranking", n=n, order="best"))
        flips = ["And which {0} are weakest?", "what about the worst {0}", "And the {0} worst-performing?"]
        if ctx.pol(ind) == "higher":
            flips.append("And the bottom {0}?")
        turns.append(rng.choice(flips).format(W.num_text(rng, n)))
        each.append(reading("rank", [ind], [grp], comp="ranking", n=n, order="worst"))
        if rng.random() < 0.5:
            years = sorted(p for p in {p for a in members for p in ctx.src.annual(ind, a)}
                           if sum(ctx.src.value(ind, a, p) is not None for a in members) * 2 >= len(members))
            p2 = pick(years)
            rank_list(ctx, ind, members, p2, n, "worst")
            turns.append(rng.choice([f"And {W.in_year(rng, D.fy_start(p2))}?",
                                     f"and the same list for {W.year_text(rng, D.fy_start(p2))}?"]))
            each.append(reading("rank", [ind], [grp], to=p2, comp="ranking", n=n, order="worst"))
            if grp == "neighbours" and ctx.national and rng.random() < 0.6:
                try:
                    rank_list(ctx, ind, ctx.national_group, p2, n, "worst")
                except Skip:
                    pass
                else:
                    turns.append(rng.choice([f"And {ctx.nation_place()}?", f"What about {ctx.nation_place()}?"]))
                    each.append(reading("rank", [ind], [ctx.national], to=p2, comp="ranking", n=n, order="worst"))
    elif kind == "since_other":
        b = pick([c for c in ctx.nameable if c != home])
        ind = pick([i for i in ctx.inds_for(home, 3) if len(ctx.src.annual(i, b)) >= 3])
        ys = ctx.years(ind, home)
        a = pick(ys[:-2])
        m = ctx.m(ind)
        turns.append(f"How has {poss_home(ctx, home)} {m} changed {W.since_text(rng, a)}?")
        each.append(reading("trend", [ind], [home], D.fy(a), D.fy(ys[-1])))
        lb = ctx.src.latest_annual(ind, b)
        turns.append(rng.choice([f"And for {ctx.cname(b)} over the same period?", f"What about {ctx.cname(b)}?"]))
        each.append(reading("trend", [ind], [b], D.fy(a), lb))
        final_figs = figs(ctx, [(ind, b, D.fy(a)), (ind, b, lb)])
        if rng.random() < 0.4:
            y = pick(ys)
            turns.append(rng.choice([f"And what was ours {W.in_year(rng, y)}?", f"what was ours {W.in_year(rng, y)}"]))
            each.append(reading("value", [ind], [home], to=D.fy(y)))
            final_figs = figs(ctx, [(ind, home, D.fy(y))])
    elif kind == "back_to_ours":
        b = pick([c for c in ctx.nameable if c != home])
        ind = pick([i for i in ctx.inds_for(home, 2) if ctx.src.annual(i, b)])
        m = ctx.m(ind)
        turns.append(rng.choice([f"How does {poss_home(ctx, home)} {m} compare with {ctx.cname(b)}?",
                                 f"Relative to {ctx.cname(b)}, how are we doing on {m}?"]))
        each.append(reading("compare", [ind], [home, b], comp="area"))
        y = pick(ctx.years(ind, home))
        turns.append(rng.choice([f"What was ours {W.in_year(rng, y)}?",
                                 f"and what was our figure {W.in_year(rng, y)}?"]))
        each.append(reading("value", [ind], [home], to=D.fy(y)))
        final_figs = figs(ctx, [(ind, home, D.fy(y))])
    elif kind == "position_year":
        grp = rng.choice(["neighbours"] + ([ctx.national] if ctx.national else []))
        ind = pick([i for i in ctx.inds_for(home, 2) if ctx.pol(i)])
        m = ctx.m(ind)
        place = f"among {ctx.rank_group_word()}" if grp == "neighbours" else ctx.nation_place()
        turns.append(rng.choice([f"Where do we rank {place} on {m}?", f"What is our position {place} for {m}?"]))
        each.append(reading("rank", [ind], [home, grp], comp="ranking"))
        y = pick(ctx.years(ind, home))
        turns.append(rng.choice([f"And {W.in_year(rng, y)}?", f"what about back {W.in_year(rng, y)}"]))
        each.append(reading("rank", [ind], [home, grp], to=D.fy(y), comp="ranking"))
        final_figs = figs(ctx, [(ind, home, D.fy(y))])
        if grp == "neighbours" and ctx.national and rng.random() < 0.6:
            turns.append(rng.choice([f"And {ctx.nation_place()}?", f"what about our position {ctx.nation_place()}?"]))
            each.append(reading("rank", [ind], [home, ctx.national], to=D.fy(y), comp="ranking"))
    elif kind == "other_measure":
        i1, i2 = rng.sample(ctx.inds_for(home, 2), 2)
        common = sorted(set(ctx.years(i1, home)) & set(ctx.years(i2, home)))
        y = pick(common)
        turns.append(value_text_year(poss_home(ctx, home), ctx.m(i1), W.in_year(rng, y)))
        each.append(reading("value", [i1], [home], to=D.fy(y)))
        turns.append(rng.choice([f"And the equivalent figure for {ctx.m(i2)}?", f"What about {ctx.m(i2)}?",
                                 f"and {ctx.m(i2)} for the same year?"]))
        each.append(reading("value", [i2], [home], to=D.fy(y)))
        final_figs = figs(ctx, [(i2, home, D.fy(y))])
        y2s = [v for v in ctx.years(i2, home) if v != y]
        if y2s and rng.random() < 0.5:
            y2 = pick(y2s)
            turns.append(rng.choice([f"And {W.in_year(rng, y2)}?", f"and what was it {W.in_year(rng, y2)}?"]))
            each.append(reading("value", [i2], [home], to=D.fy(y2)))
            final_figs = figs(ctx, [(i2, home, D.fy(y2))])
    else:  # national_then_neigh
        ind = pick(ctx.inds_for(home))
        m = ctx.m(ind)
        y = pick(ctx.years(ind, home))
        turns.append(f"How did {poss_home(ctx, home)} {m} {W.in_year(rng, y)} compare with {ctx.nation_word()}?")
        each.append(reading("compare", [ind], [home, ctx.national], to=D.fy(y), comp="national"))
        turns.append(rng.choice([f"And relative to {ctx.group_word(home)}?",
                                 f"What about in comparison with {ctx.group_word(home)}?"]))
        each.append(reading("compare", [ind], [home, "neighbours"], to=D.fy(y), comp="neighbours"))
    turns[0] = ask(turns[0])
    turns = [tidy(t) for t in turns]
    return home, turns, each, final_figs, f"follow-up ({kind})"


GENERATORS = {"names": gen_names, "rank": gen_rank, "followup": gen_followup, "value": gen_value,
              "span": gen_span, "trend": gen_trend, "compare": gen_compare, "overview": gen_overview,
              "target": gen_target, "period_not_held": gen_pnh, "unknown": gen_unknown}


def build():
    for ds in ("oflog", "lgbf", "sample"):
        CTX[ds] = Ctx(ds)
    pool = set()
    for ds in ("oflog", "lgbf", "sample"):
        pool |= set(CTX[ds].src.names.values())
    NAME_POOL.extend(sorted(pool))
    dev, hold = [], []
    for family, per in COUNTS.items():
        fam_dev, fam_hold = [], []
        for ds, count in per.items():
            ctx = CTX[ds]
            items, seen, tries = [], set(), 0
            while len(items) < count:
                tries += 1
                if tries > 20000:
                    raise SystemExit(f"could not build {family}/{ds}")
                try:
                    home, turns, exp, f, note = GENERATORS[family](ctx)
                except Skip:
                    continue
                key = tuple(t.lower() for t in turns)
                if key in seen:
                    continue
                seen.add(key)
                item = {"id": None, "family": family, "dataset": ds, "home_area": home, "turns": turns}
                if family == "followup":
                    item["expect"] = exp[-1]
                    item["expect_each"] = exp
                else:
                    item["expect"] = exp
                if f:
                    item["figures"] = f
                item["note"] = note
                items.append(item)
            rng.shuffle(items)
            fam_dev += items[0::2]
            fam_hold += items[1::2]
        for k, it in enumerate(fam_dev + fam_hold, 1):
            it["id"] = f"b23-{family}-{k:03d}"
        dev += fam_dev
        hold += fam_hold
    for name, items in (("dev", dev), ("holdout", hold)):
        doc = {"set": f"understanding_blind23_{name}", "seed": SEED, "count": len(items), "items": items}
        (HERE / f"{name}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=1000))
    return dev, hold


def check(items):
    """Self-check: codes, homes, named councils and figures against the raw files."""
    tokens = {"neighbours", "england", "scotland"}
    for it in items:
        ctx = CTX[it["dataset"]]
        assert it["home_area"] in ctx.homes, it["id"]
        readings = it.get("expect_each", [it["expect"]])
        assert readings[-1] == it["expect"], it["id"]
        for r in readings:
            if r["intent"] == "unknown":
                assert not r["indicators"] and not r["areas"], it["id"]
                continue
            for a in r["areas"]:
                assert a in tokens or a in ctx.nameable, (it["id"], a)
            for i in r["indicators"]:
                assert ctx.src.held(i, r["areas"][0]) or r["intent"] == "rank", (it["id"], i)
            if r["intent"] == "rank" and r["n"] is None:
                assert r["areas"][0] == it["home_area"], it["id"]
        for f in it.get("figures", []):
            assert ctx.src.value(f["indicator_id"], f["area_code"], f["period"]) == f["value"], it["id"]


if __name__ == "__main__":
    d, h = build()
    check(d + h)
    print(f"dev {len(d)} holdout {len(h)}")
