"""Build the set-22 blind understanding evaluation (dev.yaml, holdout.yaml) from the raw data files.

Run from /work/main:  .venv/bin/python tests/eval/understanding_blind22/generate.py
Every expected reading, ranking and figure is computed here with pandas; one random.Random(SEED) drives all
choices, so reruns are byte-identical.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from b22data import SAMPLE_HOME, Dataset, Lgbf, Oflog, Sample, fy, fy_start  # noqa: E402
from b22words import (  # noqa: E402
    LGBF_SERVICES,
    MEASURES,
    OFLOG_SERVICE,
    RANK_WORDS,
    SAMPLE_GROUPS,
    casual,
    name_forms,
    quarter_text,
    year_text,
)

SEED = 22222222
COUNTS = {  # family -> {dataset: count}
    "overview": {"oflog": 25, "lgbf": 40, "sample": 25},
    "period_not_held": {"oflog": 22, "lgbf": 24, "sample": 14},
    "names": {"oflog": 30, "lgbf": 30, "sample": 10},
    "value": {"oflog": 9, "lgbf": 9, "sample": 7},
    "span": {"oflog": 9, "lgbf": 9, "sample": 7},
    "trend": {"oflog": 9, "lgbf": 9, "sample": 7},
    "compare": {"oflog": 11, "lgbf": 11, "sample": 8},
    "rank": {"oflog": 14, "lgbf": 16, "sample": 10},
    "followup": {"oflog": 14, "lgbf": 14, "sample": 12},
    "target": {"sample": 20},
    "unknown": {"oflog": 9, "lgbf": 8, "sample": 8},
}


class Skip(Exception):
    """This attempt cannot make a clean item; try another."""


def reading(intent, inds, areas, to=None, frm=None, comparison=None, n=None, order=None) -> dict:
    return {"intent": intent, "indicators": list(inds), "areas": list(areas),
            "periods": {"from": frm, "to": to}, "comparison": comparison, "n": n, "order": order}


UNKNOWN = reading("unknown", [], [])


def poss(c: str) -> str:
    return c + ("'" if c.endswith("s") else "'s")


class Gen:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.ds: dict[str, Dataset] = {"oflog": Oflog(), "lgbf": Lgbf(), "sample": Sample()}
        self.forms: dict[tuple[str, str], list[str]] = {}
        self.typos: dict[tuple[str, str], list[str]] = {}
        for key, d in self.ds.items():
            others = [d.names[a] for a in d.all_areas]
            for code in d.named + d.homes:
                ent = getattr(d, "entity", {}).get(code, "")
                self.forms[(key, code)], self.typos[(key, code)] = name_forms(key, d.names[code], ent, others)
        self.seen: set[tuple[str, ...]] = set()

    # --- small helpers -------------------------------------------------------------------------------------
    def choice(self, seq):
        seq = list(seq)
        if not seq:
            raise Skip
        return self.rng.choice(seq)

    def home(self, key: str) -> str:
        return self.choice(self.ds[key].homes)

    def other(self, key: str, exclude: list[str]) -> str:
        return self.choice([c for c in self.ds[key].named if c not in exclude])

    def cname(self, key: str, code: str, fancy: float = 0.5) -> str:
        forms = self.forms[(key, code)]
        typos = self.typos[(key, code)]
        if typos and self.rng.random() < 0.15:
            return self.choice(typos)
        if self.rng.random() < fancy and len(forms) > 2:
            return self.choice(forms[2:])
        return self.choice(forms[:2] if self.rng.random() < 0.5 else forms)

    def meas(self, key: str, ind: str) -> str:
        return self.choice(MEASURES[key][ind])

    def inds(self, key: str, area: str, rankable=False, min_years=1) -> list[str]:
        d = self.ds[key]
        out = []
        for ind in MEASURES[key]:
            if len(d.held(ind, area)) < min_years:
                continue
            if rankable and d.pol.get(ind) is None:
                continue
            out.append(ind)
        return out

    def latest_fig(self, key: str, ind: str, area: str):
        """(period, value) of the council's latest value, or None when 'latest' is not one clear annual period."""
        d = self.ds[key]
        if key == "sample" and d.has_quarters(ind, area):
            return None
        p = d.latest(ind, area)
        return (p, d.value(ind, area, p)) if p else None

    def fig(self, ind, area, period, value) -> dict:
        return {"indicator_id": ind, "area_code": area, "period": period, "value": value}

    def ytxt(self, start: int, bare=True) -> str:
        return year_text(self.rng, start, allow_bare=bare)

    def finish(self, family, key, home, turns, expect, figures=None, note="", expect_each=None) -> dict:
        sig = tuple(t.lower() for t in turns)
        if sig in self.seen:
            raise Skip
        self.seen.add(sig)
        item = {"id": None, "family": family, "dataset": key, "home_area": home, "turns": list(turns),
                "expect": expect}
        if expect_each is not None:
            item["expect_each"] = expect_each
        if figures:
            item["figures"] = figures
        item["note"] = note
        return item

    def group_phrase(self, key: str, group: str) -> str:
        """How a ranking group is written, preposition included."""
        return self.choice({
            "neighbours": {"oflog": ["among our nearest neighbours", "among our CIPFA neighbours",
                                     "in our comparator group", "among similar councils"],
                           "lgbf": ["in our family group", "within the family group", "among our comparator councils"],
                           "sample": ["among our nearest neighbours", "among our neighbours",
                                      "in our comparator group", "among similar districts"]}[key],
            "england": ["in England", "in the country", "across all English councils", "nationally"],
            "scotland": ["in Scotland", "across all Scottish councils", "in the country", "nationally"]}[group])

    def natural_group(self, key: str) -> str:
        return {"oflog": "england", "lgbf": "scotland"}[key]

    # --- families ------------------------------------------------------------------------------------------
    def names(self, key: str) -> dict:
        d = self.ds[key]
        home = self.home(key)
        area = self.other(key, [home])
        ind = self.choice(self.inds(key, area))
        m = self.meas(key, ind)
        c = self.cname(key, area, fancy=0.75)
        if self.rng.random() < 0.5:
            p = self.choice(d.held(ind, area))
            y = self.ytxt(fy_start(p))
            tpl = self.choice([
                "what was {pc} {m} in {y}?", "{c} - {m} in {y}?", "can you pull the {m} figure for {c} for {y}",
                "{m} for {c}, {y} please", "need {pc} {m} for {y} for the briefing", "{c} {m} {y}?",
                "how did {c} do on {m} in {y}", "what did {c} report for {m} in {y}?",
            ])
            text = tpl.format(c=c, pc=poss(c), m=m, y=y)
            exp = reading("value", [ind], [area], to=p)
            figs = [self.fig(ind, area, p, d.value(ind, area, p))]
        else:
            tpl = self.choice([
                "what's {pc} {m}?", "how is {c} doing on {m}", "{m} for {c}?", "latest {m} for {c} pls",
                "looking at {c} - what's their {m} at the moment?", "do we have {pc} latest {m}?",
                "{c}: {m}?", "what does {c} currently report for {m}", "hows {c} getting on with {m}",
            ])
            text = tpl.format(c=c, pc=poss(c), m=m)
            exp = reading("value", [ind], [area])
            lf = self.latest_fig(key, ind, area)
            figs = [self.fig(ind, area, lf[0], lf[1])] if lf else None
        note = f"named council {d.names[area]} written as '{c}', value"
        return self.finish("names", key, home, [casual(self.rng, text)], exp, figs, note)

    def value(self, key: str) -> dict:
        d = self.ds[key]
        home = self.home(key)
        ind = self.choice(self.inds(key, home))
        m = self.meas(key, ind)
        r = self.rng.random()
        if key == "sample" and d.has_quarters(ind, home) and r < 0.3:
            q = self.choice(sorted(d.quarters[(ind, home)]))
            qt = quarter_text(self.rng, fy_start(q), int(q[-1]))
            text = self.choice(["what was our {m} in {q}?", "{m} {q} - what did we get?",
                                "can I have our {q} {m} figure"]).format(m=m, q=qt)
            exp = reading("value", [ind], [home], to=q)
            figs = [self.fig(ind, home, q, d.value(ind, home, q))]
            note = "home value for a held quarter"
        elif r < 0.6:
            p = self.choice(d.held(ind, home))
            y = self.ytxt(fy_start(p))
            text = self.choice(["what was our {m} in {y}?", "can you give me our {m} figure for {y}",
                                "{m} {y} for us?", "our {m} in {y} please", "where were we on {m} in {y}"]
                               ).format(m=m, y=y)
            exp = reading("value", [ind], [home], to=p)
            figs = [self.fig(ind, home, p, d.value(ind, home, p))]
            note = "home value for a held year"
        else:
            text = self.choice(["what's our {m}?", "hows our {m} looking", "{m} - what's the latest for us?",
                                "where are we at on {m} currently", "our {m} at the moment?",
                                "what was our {m} last year", "what is our {m} now"]).format(m=m)
            exp = reading("value", [ind], [home])
            lf = self.latest_fig(key, ind, home)
            figs = [self.fig(ind, home, lf[0], lf[1])] if lf else None
            note = "home value, latest"
        return self.finish("value", key, home, [casual(self.rng, text)], exp, figs, note)

    def span(self, key: str) -> dict:
        d = self.ds[key]
        home = self.home(key)
        area = home if self.rng.random() < 0.7 else self.other(key, [home])
        ind = self.choice(self.inds(key, area, min_years=3))
        held = d.held(ind, area)
        a, b = sorted(self.rng.sample(held, 2))
        m = self.meas(key, ind)
        ya, yb = self.ytxt(fy_start(a), bare=False), self.ytxt(fy_start(b), bare=False)
        if area == home:
            tpl = self.choice(["how did our {m} change between {a} and {b}?", "our {m} from {a} to {b} pls",
                               "{m}: {a} -> {b}?", "change in our {m} {a} to {b}",
                               "can you show our {m} between {a} and {b}", "what happened to our {m} from {a} to {b}"])
            text = tpl.format(m=m, a=ya, b=yb)
        else:
            c = self.cname(key, area)
            tpl = self.choice(["how did {pc} {m} move between {a} and {b}?", "{c} {m} {a} to {b}?",
                               "{m} for {c} from {a} to {b}", "{c}: {m}, {a} -> {b}"])
            text = tpl.format(m=m, a=ya, b=yb, c=c, pc=poss(c))
        exp = reading("trend", [ind], [area], frm=a, to=b)
        figs = [self.fig(ind, area, a, d.value(ind, area, a)), self.fig(ind, area, b, d.value(ind, area, b))]
        return self.finish("span", key, home, [casual(self.rng, text)], exp, figs, "explicit two-end span")

    def trend(self, key: str) -> dict:
        d = self.ds[key]
        home = self.home(key)
        area = home if self.rng.random() < 0.75 else self.other(key, [home])
        ind = self.choice(self.inds(key, area, min_years=3))
        m = self.meas(key, ind)
        held = d.held(ind, area)
        latest = held[-1]
        us = area == home
        c = "" if us else self.cname(key, area)
        who = "our" if us else poss(c)
        r = self.rng.random()
        figs = None
        if r < 0.35:
            tpl = self.choice(["is {w} {m} getting better?", "direction of travel on {w} {m}?",
                               "{m} - is {w2} improving or getting worse?", "has {w} {m} been going the right way",
                               "is {w} {m} trending up or down", "r things getting better on {w} {m}"])
            text = tpl.format(w=who, m=m, w2="ours" if us else c)
            exp = reading("trend", [ind], [area])
            note = "trend wording, no span"
        elif r < 0.7:
            start = self.choice([p for p in held[:-1]])
            s = fy_start(start)
            ys = self.choice([str(s), f"April {s}", f"{s}/{(s + 1) % 100:02d}", f"april {s}"])
            tpl = self.choice(["how has {w} {m} changed since {y}?", "{m} since {y} for {w2}?",
                               "trend in {w} {m} since {y} pls", "has {w} {m} improved since {y}",
                               "what's happened to {w} {m} since {y}"])
            text = tpl.format(w=who, m=m, y=ys, w2="us" if us else c)
            frm = fy(s)
            exp = reading("trend", [ind], [area], frm=frm, to=latest)
            figs = [self.fig(ind, area, p, d.value(ind, area, p)) for p in (frm, latest) if p in held]
            note = "since YEAR -> from YEAR to latest held annual"
        else:
            if key == "sample" and d.has_quarters(ind, area):
                raise Skip
            n = self.choice([3, 4, 5])
            frm = fy(fy_start(latest) - n)
            tpl = self.choice(["what's the trend on {w} {m} over the last {n} years?", "{n}-year trend for {w} {m}",
                               "past {n} years of {w} {m}?", "{w} {m} over the last {n} years please",
                               "can I see a {n} year trend of {w} {m}"])
            text = tpl.format(w=who, m=m, n=self.choice([str(n), {3: "three", 4: "four", 5: "five"}[n]]))
            exp = reading("trend", [ind], [area], frm=frm, to=latest)
            figs = [self.fig(ind, area, p, d.value(ind, area, p)) for p in (frm, latest) if p in held]
            note = f"last {n} years -> from latest minus {n} to latest"
        return self.finish("trend", key, home, [casual(self.rng, text)], exp, figs, note)

    def compare(self, key: str) -> dict:
        d = self.ds[key]
        home = self.home(key)
        ind = self.choice(self.inds(key, home))
        m = self.meas(key, ind)
        r = self.rng.random()
        p = None
        if self.rng.random() < 0.35:
            p = self.choice(d.held(ind, home))
        yt = f" in {self.ytxt(fy_start(p))}" if p else ""
        if r < 0.4:
            k = 1 if self.rng.random() < 0.6 else 2
            named = []
            for _ in range(k):
                named.append(self.other(key, [home] + named))
            for a in named:
                if p and p not in d.held(ind, a):
                    raise Skip
                if not d.held(ind, a):
                    raise Skip
            cs = [self.cname(key, a) for a in named]
            if self.rng.random() < 0.7:
                if k == 1:
                    tpl = self.choice(["how do we compare with {c0} on {m}{y}?", "{m}{y}: us vs {c0}",
                                       "are we better or worse than {c0} for {m}{y}",
                                       "compare our {m} with {c0}{y}"])
                else:
                    tpl = self.choice(["how do we compare with {c0} and {c1} on {m}{y}?",
                                       "{m}{y} - us, {c0} and {c1}?", "compare us with {c0} & {c1} on {m}{y}"])
                areas = [home] + named
            else:
                if k == 1:
                    named.append(self.other(key, [home] + named))
                    if not d.held(ind, named[-1]) or (p and p not in d.held(ind, named[-1])):
                        raise Skip
                    cs.append(self.cname(key, named[-1]))
                tpl = self.choice(["{c0} v {c1} on {m}{y}?", "how does {c0} compare with {c1} for {m}{y}",
                                   "compare {c0} and {c1} on {m}{y}", "{m}{y}: {c0} vs {c1}"])
                areas = named
            text = tpl.format(m=m, y=yt, **{f"c{i}": c for i, c in enumerate(cs)})
            exp = reading("compare", [ind], areas, to=p, comparison="area")
            note = "named councils in the order asked"
        elif r < 0.75 or key == "sample":
            grp = {"oflog": ["our nearest neighbours", "similar councils", "our CIPFA neighbours",
                             "our comparator group"],
                   "lgbf": ["our family group", "similar councils", "the family group", "our comparator councils"],
                   "sample": ["our nearest neighbours", "similar districts", "similar councils",
                              "our comparator group"]}[key]
            g = self.choice(grp)
            tpl = self.choice(["how do we compare to {g} on {m}{y}?", "{m}{y} vs {g}?",
                               "benchmark our {m} against {g}{y}", "are we above or below {g} for {m}{y}",
                               "how does our {m} stack up against {g}{y}"])
            text = tpl.format(g=g, m=m, y=yt)
            exp = reading("compare", [ind], [home, "neighbours"], to=p, comparison="neighbours")
            note = "home vs neighbour group"
        else:
            nat = self.natural_group(key)
            g = self.choice({"oflog": ["the England average", "the national average", "England as a whole",
                                       "the England median"],
                             "lgbf": ["the Scottish average", "Scotland as a whole", "the Scotland figure",
                                      "the national average"]}[key])
            tpl = self.choice(["how do we compare with {g} on {m}{y}?", "is our {m} better than {g}{y}",
                               "{m}{y}: us vs {g}", "are we above {g} for {m}{y}?"])
            text = tpl.format(g=g, m=m, y=yt)
            exp = reading("compare", [ind], [home, nat], to=p, comparison="national")
            note = "home vs national"
        return self.finish("compare", key, home, [casual(self.rng, text)], exp, None, note)

    def rank_spec(self, key, home, ind, group, n, order, period=None):
        """Return (areas, members, period, figures-or-None); raise Skip when the list can't be stated cleanly."""
        d = self.ds[key]
        if group == "neighbours":
            members = d.neighbours(home, ind)
        elif key == "oflog":
            members = list(d.all_areas)
        else:
            members = list(d.all_areas)
        if period is None:
            period = d.group_latest(ind, members)
        if period is None:
            raise Skip
        held = sum(1 for mm in members if period in d.series(ind, mm))
        if held * 2 < len(members):
            raise Skip
        rows = d.ranked(ind, members, period)
        if n is None:
            return members, period, rows
        if order == "worst":
            rows = list(reversed(rows))
        if len(rows) <= n:
            raise Skip
        top = rows[:n]
        if key == "oflog" and group == "england" and any(a in d.excluded for a, _ in top):
            raise Skip
        figs = [self.fig(ind, a, period, v) for a, v in top]
        if rows[n - 1][1] == rows[n][1]:
            figs = None
        return members, period, figs

    def rank(self, key: str) -> dict:
        d = self.ds[key]
        home = self.home(key)
        ind = self.choice(self.inds(key, home, rankable=True))
        m = self.meas(key, ind)
        group = "neighbours" if key == "sample" or self.rng.random() < 0.45 else self.natural_group(key)
        gword = self.group_phrase(key, group)
        period = None
        if self.rng.random() < 0.25:
            period = self.choice(d.held(ind, home))
        yt = f" in {self.ytxt(fy_start(period))}" if period else ""
        if self.rng.random() < 0.3:
            members, p, rows = self.rank_spec(key, home, ind, group, None, None, period)
            hv = d.value(ind, home, p)
            if hv is None:
                raise Skip
            tpl = self.choice(["where do we rank {g} on {m}{y}?", "how do we rank {g} for {m}{y}",
                               "what position are we {g} on {m}{y}", "whats our ranking {g} for {m}{y}",
                               "{m}{y} - where do we sit {g}?"])
            text = tpl.format(g=gword, m=m, y=yt)
            exp = reading("rank", [ind], [home, group], to=period, comparison="ranking")
            figs = [self.fig(ind, home, p, hv)]
            note = f"position in {group}"
        else:
            order = self.choice(["best", "worst"])
            n = self.choice([1, 3, 3, 5, 5, 10] if group != "neighbours" else [1, 3, 3, 5, 4])
            best_w, worst_w = RANK_WORDS[d.pol[ind]]
            hl = best_w if order == "best" else worst_w
            if n == 1:
                tpl = self.choice(["which council {g} has the {hl} {m}{y}?",
                                   "who is the {bw} performing council {g} on {m}{y}",
                                   "the {bw} council {g} for {m}{y}?"])
            else:
                tpls = ["which {n} councils have the {hl} {m} {g}{y}?", "list the {n} {bw} {g} on {m}{y}",
                        "who are the {n} {bw} performers on {m} {g}{y}", "{n} {bw} councils {g} for {m}{y}?"]
                if d.pol[ind] == "higher":
                    # 'top/bottom' only where higher is better: for costs or arrears 'top 3' could mean highest
                    tpls += ["{top} {n} councils {g} for {m}{y}", "rank the {top} {n} {g} for {m}{y}",
                             "{m}{y}: {top} {n} {g}?"]
                tpl = self.choice(tpls)
            text = tpl.format(g=gword, m=m, y=yt, n=n, hl=hl, bw="best" if order == "best" else "worst",
                              top="top" if order == "best" else "bottom")
            members, p, figs = self.rank_spec(key, home, ind, group, n, order, period)
            exp = reading("rank", [ind], [group], to=period, comparison="ranking", n=n, order=order)
            note = f"{order} {n} in {group}" + ("" if figs else " (tie at cut-off: no figures)")
        return self.finish("rank", key, home, [casual(self.rng, text)], exp, figs, note)

    def overview(self, key: str) -> dict:
        d = self.ds[key]
        home = self.home(key)
        area = home if self.rng.random() < 0.65 else self.other(key, [home])

        def svc_for(a):
            if key == "oflog":
                inds = d.held_inds(a)
                return "adult social care", inds, self.choice(OFLOG_SERVICE)
            if key == "lgbf":
                cat = self.choice(sorted(LGBF_SERVICES))
                inds = d.category_inds(cat, a)
                if not inds:
                    raise Skip
                return cat, inds, self.choice(LGBF_SERVICES[cat])
            g = self.choice(sorted(SAMPLE_GROUPS))
            inds = [i for i in SAMPLE_GROUPS[g][0] if d.held(i, a)]
            return g, sorted(inds), self.choice(SAMPLE_GROUPS[g][1])

        svc, inds, sw = svc_for(area)
        us_t = ["how are we doing on {s}?", "are we getting worse on {s}?", "summary of our {s} indicators pls",
                "give me the picture on {s}", "can I get an overview of {s} performance",
                "{s} - how r we performing overall?", "where are we on {s} across the board",
                "pre-scrutiny on {s} next week, what's the headline performance?", "snapshot of {s} please",
                "overall how is {s} looking for us", "what do our {s} measures say", "are we improving on {s}",
                "need a rundown of our {s} performance for committee", "how's {s} performing?",
                "give me a summary of how we're doing on {s}"]
        them_t = ["how is {c} doing on {s}?", "summary of {pc} {s} indicators", "give me the picture on {s} for {c}",
                  "overview of {s} at {c} please", "{c}: {s} overview", "how is {c} performing on {s} overall",
                  "what do the {s} measures say about {c}", "is {c} getting worse on {s}?",
                  "quick rundown of {pc} {s} performance"]

        def one(a, s):
            if a == home:
                return self.choice(us_t).format(s=s)
            c = self.cname(key, a)
            return self.choice(them_t).format(s=s, c=c, pc=poss(c))

        if self.rng.random() < 0.22:
            # a thread: the second turn changes the council or the service and keeps the rest
            first = one(area, sw)
            e1 = reading("overview", inds, [area])
            if self.rng.random() < 0.5:
                a2 = self.other(key, [home, area]) if area == home else home
                if key == "oflog":
                    inds2 = d.held_inds(a2)
                elif key == "lgbf":
                    inds2 = d.category_inds(svc, a2)
                else:
                    inds2 = sorted(i for i in SAMPLE_GROUPS[svc][0] if d.held(i, a2))
                if not inds2:
                    raise Skip
                if a2 == home:
                    second = self.choice(["and us?", "how about us?", "and how are we doing on that?",
                                          "same for us pls"])
                else:
                    c2 = self.cname(key, a2)
                    second = self.choice(["and {c}?", "same for {c}", "what about {c}?", "ok now {c} pls"]
                                         ).format(c=c2)
                e2 = reading("overview", inds2, [a2])
                note = "overview thread, council changed"
            else:
                if key == "oflog":
                    raise Skip
                svc2, inds2, sw2 = svc_for(area)
                if svc2 == svc:
                    raise Skip
                second = self.choice(["and {s}?", "what about {s}?", "same for {s} please", "now do {s}"]
                                     ).format(s=sw2)
                e2 = reading("overview", inds2, [area])
                note = "overview thread, service changed"
            turns = [casual(self.rng, first), casual(self.rng, second, prefix=False)]
            return self.finish("overview", key, home, turns, e2, None, note, expect_each=[e1, e2])
        text = one(area, sw)
        note = f"overview of {svc} for {'home' if area == home else d.names[area]}"
        return self.finish("overview", key, home, [casual(self.rng, text)], reading("overview", inds, [area]),
                           None, note)

    def target(self, key: str) -> dict:
        d = self.ds["sample"]
        home = SAMPLE_HOME
        ind = self.choice(self.inds("sample", home))
        m = self.meas("sample", ind)
        r = self.rng.random()
        if r < 0.4:
            text = self.choice(["are we hitting target on {m}?", "r we on track against target for {m}",
                                "{m} - are we meeting our target?", "how far off target are we on {m}",
                                "is {m} green against target?", "are we on target with {m} at the moment"]
                               ).format(m=m)
            exp = reading("target", [ind], [home])
            lf = self.latest_fig("sample", ind, home)
            figs = [self.fig(ind, home, lf[0], lf[1])] if lf else None
            note = "target, latest"
        elif r < 0.8 or not d.has_quarters(ind, home):
            p = self.choice(d.held(ind, home))
            y = self.ytxt(fy_start(p))
            text = self.choice(["did we meet the target for {m} in {y}?", "{m} {y}: did we hit target?",
                                "were we on target for {m} in {y}", "did {m} hit its target in {y}",
                                "how did we do against target on {m} in {y}"]).format(m=m, y=y)
            exp = reading("target", [ind], [home], to=p)
            figs = [self.fig(ind, home, p, d.value(ind, home, p))]
            note = "target for a held year"
        else:
            q = self.choice(sorted(d.quarters[(ind, home)]))
            qt = quarter_text(self.rng, fy_start(q), int(q[-1]))
            text = self.choice(["did we hit the {m} target in {q}?", "{m} against target, {q}?",
                                "were we on target for {m} in {q}"]).format(m=m, q=qt)
            exp = reading("target", [ind], [home], to=q)
            figs = [self.fig(ind, home, q, d.value(ind, home, q))]
            note = "target for a held quarter"
        return self.finish("target", key, home, [casual(self.rng, text)], exp, figs, note)

    def period_not_held(self, key: str) -> dict:
        d = self.ds[key]
        home = self.home(key)
        area = home if self.rng.random() < 0.6 else self.other(key, [home])
        ind = self.choice(self.inds(key, area, min_years=2))
        held = d.held(ind, area)
        first, last = fy_start(held[0]), fy_start(held[-1])
        r = self.rng.random()
        kind = None
        if r < 0.25:
            s = first - self.choice([1, 2, 3, 4])
            asked, kind = fy(s), "before the series"
        elif r < 0.45:
            if key == "sample" and d.has_quarters(ind, area):
                raise Skip
            s = last + self.choice([1, 2])
            if s > 2025:
                raise Skip
            asked, kind = fy(s), "after the series"
        elif r < 0.65:
            gaps = [y for y in range(first + 1, last) if fy(y) not in held]
            s = self.choice(gaps)
            asked, kind = fy(s), "a gap in the series"
        elif r < 0.9:
            if key == "sample" and d.has_quarters(ind, area):
                raise Skip
            s = self.choice(range(first - 1, last + 1))
            q = self.choice([1, 2, 3, 4])
            asked, kind = f"{fy(s)} Q{q}", "a quarter of annual data"
        else:
            if key == "sample":
                raise Skip
            s, q = last, 3
            # only where the council's latest year for this measure is also the measure's (and file's) latest,
            # so 'last year' cannot mean a later year held elsewhere
            if held[-1] != d.periods_of(ind)[-1] or (key == "oflog" and held[-1] != "2022-23"):
                raise Skip
            asked, kind = f"{fy(s)} Q3", "'Q3 last year' of annual data (last year = latest held)"
        close = d.closest_held(ind, area, s)
        if close is None or asked in held:
            raise Skip
        m = self.meas(key, ind)
        us = area == home
        c = "" if us else self.cname(key, area)
        who = "our" if us else poss(c)
        if " Q" in asked:
            if kind.startswith("'Q3"):
                pt = self.choice(["Q3 last year", "q3 last year", "the third quarter of last year"])
            else:
                pt = quarter_text(self.rng, s, int(asked[-1]))
        else:
            pt = self.ytxt(s)
        tpl = self.choice(["what was {w} {m} in {p}?", "{m} for {p} - {w2}?", "can you get me {w} {m} for {p}",
                           "{w} {m} {p} please", "how did {w2} do on {m} in {p}", "do we have {w} {m} figure for {p}?"])
        text = tpl.format(w=who, m=m, p=pt, w2="we" if us and "how did" in tpl else ("us" if us else c))
        exp = reading("value", [ind], [area], to=asked)
        figs = [self.fig(ind, area, close, d.value(ind, area, close))]
        note = f"period not held ({kind}); closest held year {close}"
        return self.finish("period_not_held", key, home, [casual(self.rng, text)], exp, figs, note)

    def unknown(self, key: str) -> dict:
        home = self.home(key)
        r = self.rng.random()
        own = self.meas(key, self.choice(self.inds(key, home)))
        if r < 0.2:
            c = self.choice(["Cardiff", "Swansea Council", "Gwynedd", "Belfast City Council", "Derry and Strabane",
                             "Wrexham council", "Mid Ulster District Council", "Rhondda Cynon Taf",
                             "Carmarthenshire", "Causeway Coast and Glens"])
            text = self.choice(["what's {pc} {m}?", "how do we compare with {c} on {m}", "{m} for {c}?"]
                               ).format(c=c, pc=poss(c), m=own)
            note = "Welsh / Northern Irish council"
        elif r < 0.35:
            c = self.choice(["Glenmorrow District Council", "Ashby Fenwick", "North Caldermoor", "Upper Wendle BC",
                             "Thornbury Vale council", "Kilbrannan Council"])
            text = self.choice(["how is {c} doing on {m}", "{pc} {m} please", "compare us with {c} on {m}"]
                               ).format(c=c, pc=poss(c), m=own)
            note = "made-up council"
        elif r < 0.55:
            text = self.choice(["how many potholes did we fill last year?", "what's our bus punctuality like",
                                "GP appointment waiting times for us?", "how many parking fines did we issue",
                                "what's the average A&E wait in our area", "number of planning enforcement notices?",
                                "air quality NO2 levels in the town centre?", "how many trees have we planted",
                                "library book issues per head?", "what is our average council house rent"])
            note = "measure no dataset holds"
        elif r < 0.7:
            text = self.choice(["thanks!", "cheers, that's all for now", "can you tell me a joke", "lol ok",
                                "morning all", "who built you?", "great, thank you so much", "test test"])
            return self.finish("unknown", key, home, [text], UNKNOWN, None, "chit-chat")
        else:
            if key == "oflog":
                if self.rng.random() < 0.5:
                    c = self.choice(["Cheltenham", "St Albans", "Tunbridge Wells", "Harlow", "South Kesteven",
                                     "Mid Suffolk", "Basingstoke and Deane", "Cherwell"])
                    text = self.choice(["what's {pc} {m}?", "{m} for {c} district council?",
                                        "how does {c} do on {m}"]).format(c=c, pc=poss(c),
                                                                          m=self.meas("oflog", self.choice(
                                                                              sorted(MEASURES["oflog"]))))
                    note = "English district asked an Oflog measure"
                else:
                    m = self.meas("lgbf", self.choice(["CHN02", "CHN11", "HSN03", "SW05", "C&L02", "CHN03"]))
                    text = self.choice(["what's our {m}?", "how are we doing on {m}", "our {m} latest pls"]
                                       ).format(m=m)
                    note = "English home asked an LGBF-only measure"
            elif key == "lgbf":
                m = self.meas("oflog", self.choice(["ASC1", "ASC4", "ASC3", "ASC5"]))
                text = self.choice(["what's our {m}?", "how are we doing on {m}", "{m} for us?"]).format(m=m)
                note = "Scottish home asked an Oflog measure"
            else:
                m = self.meas("oflog", self.choice(["ASC1", "ASC2", "ASC3", "ASC4", "ASC5"]))
                text = self.choice(["what's our {m}?", "how are we doing on {m}", "{m} for us?"]).format(m=m)
                note = "sample home asked an Oflog measure"
        return self.finish("unknown", key, home, [casual(self.rng, text)], UNKNOWN, None, note)

    def followup(self, key: str) -> dict:
        d = self.ds[key]
        home = self.home(key)
        kind = self.choice(["year_then_council", "value_then_neighbours", "rank_flip", "since_then_measure",
                            "named_then_ours", "position_then_year", "compare_then_year", "council_then_measure",
                            "rank_group", "value_then_since"])
        ind = self.choice(self.inds(key, home, rankable=kind in ("rank_flip", "position_then_year", "rank_group"),
                                    min_years=3))
        m = self.meas(key, ind)
        held = d.held(ind, home)
        turns, each, figs = [], [], None
        if kind == "year_then_council":
            p = self.choice(held[:-1])
            a2 = self.other(key, [home])
            if p not in d.held(ind, a2):
                raise Skip
            turns = [self.choice(["what's our {m}?", "hows our {m}", "our {m} latest?"]).format(m=m),
                     self.choice(["and in {y}?", "what about {y}", "and back in {y}?"]).format(
                         y=self.ytxt(fy_start(p))),
                     self.choice(["what about {c}?", "and {c}?", "same for {c} pls"]).format(c=self.cname(key, a2))]
            each = [reading("value", [ind], [home]), reading("value", [ind], [home], to=p),
                    reading("value", [ind], [a2], to=p)]
            figs = [self.fig(ind, a2, p, d.value(ind, a2, p))]
        elif kind == "value_then_neighbours":
            p = self.choice(held)
            g = self.choice(["similar councils", "our nearest neighbours",
                             "the family group" if key == "lgbf" else "our comparator group"])
            turns = [self.choice(["what was our {m} in {y}?", "our {m} {y}?"]).format(m=m, y=self.ytxt(fy_start(p))),
                     self.choice(["how does that compare with {g}?", "and vs {g}?", "is that good compared to {g}"]
                                 ).format(g=g)]
            each = [reading("value", [ind], [home], to=p),
                    reading("compare", [ind], [home, "neighbours"], to=p, comparison="neighbours")]
        elif kind == "rank_flip":
            grp = "neighbours" if key == "sample" or self.rng.random() < 0.5 else self.natural_group(key)
            gw = self.group_phrase(key, grp)
            n = self.choice([3, 5] if grp == "neighbours" else [3, 5, 10])
            self.rank_spec(key, home, ind, grp, n, "best")
            self.rank_spec(key, home, ind, grp, n, "worst")
            turns = [self.choice(["top {n} {g} for {m}?", "which {n} councils {g} are best on {m}"]
                                 if d.pol[ind] == "higher" else
                                 ["best {n} {g} for {m}?", "which {n} councils {g} are best on {m}"]
                                 ).format(n=n, g=gw, m=m),
                     self.choice(["and the bottom {n}?", "ok now the worst {n}", "and the worst?"]
                                 if d.pol[ind] == "higher" else
                                 ["and the worst {n}?", "ok now the worst {n}", "and the worst?"]).format(n=n)]
            each = [reading("rank", [ind], [grp], comparison="ranking", n=n, order="best"),
                    reading("rank", [ind], [grp], comparison="ranking", n=n, order="worst")]
            if self.rng.random() < 0.5:
                p = self.choice(held[:-1])
                self.rank_spec(key, home, ind, grp, n, "worst", p)
                turns.append(self.choice(["what about in {y}?", "and in {y}"]).format(y=self.ytxt(fy_start(p))))
                each.append(reading("rank", [ind], [grp], to=p, comparison="ranking", n=n, order="worst"))
        elif kind == "since_then_measure":
            s = fy_start(self.choice(held[:-1]))
            ind2 = self.choice([i for i in self.inds(key, home, min_years=3) if i != ind])
            held2 = d.held(ind2, home)
            if fy(s) not in held2 or fy(s) >= held2[-1]:
                raise Skip
            turns = [self.choice(["how has our {m} changed since {y}?", "{m} since {y}?"]).format(m=m, y=str(s)),
                     self.choice(["and {m2}?", "what about {m2}", "same for {m2} please"]).format(
                         m2=self.meas(key, ind2))]
            each = [reading("trend", [ind], [home], frm=fy(s), to=held[-1]),
                    reading("trend", [ind2], [home], frm=fy(s), to=held2[-1])]
            figs = [self.fig(ind2, home, p, d.value(ind2, home, p)) for p in (fy(s), held2[-1])]
        elif kind == "named_then_ours":
            a = self.other(key, [home])
            p1 = self.choice(d.held(ind, a))
            p2 = self.choice(held)
            c = self.cname(key, a)
            turns = [self.choice(["what was {pc} {m} in {y}?", "{c} {m} {y}?"]).format(
                         pc=poss(c), c=c, m=m, y=self.ytxt(fy_start(p1))),
                     self.choice(["what was ours in {y}?", "and ours in {y}?", "and what was ours in {y}"]).format(
                         y=self.ytxt(fy_start(p2)))]
            each = [reading("value", [ind], [a], to=p1), reading("value", [ind], [home], to=p2)]
            figs = [self.fig(ind, home, p2, d.value(ind, home, p2))]
        elif kind == "position_then_year":
            grp = "neighbours" if key == "sample" or self.rng.random() < 0.5 else self.natural_group(key)
            gw = self.group_phrase(key, grp)
            p = self.choice(held[:-1])
            turns = [self.choice(["where do we rank {g} on {m}?", "how do we rank {g} for {m}"]).format(
                         g=gw, m=m),
                     self.choice(["and in {y}?", "what about back in {y}"]).format(y=self.ytxt(fy_start(p)))]
            each = [reading("rank", [ind], [home, grp], comparison="ranking"),
                    reading("rank", [ind], [home, grp], to=p, comparison="ranking")]
        elif kind == "compare_then_year":
            a = self.other(key, [home])
            p = self.choice(held[:-1])
            turns = [self.choice(["how do we compare with {c} on {m}?", "us vs {c} on {m}?"]).format(
                         c=self.cname(key, a), m=m),
                     self.choice(["and in {y}?", "what about {y}"]).format(y=self.ytxt(fy_start(p)))]
            each = [reading("compare", [ind], [home, a], comparison="area"),
                    reading("compare", [ind], [home, a], to=p, comparison="area")]
        elif kind == "council_then_measure":
            a = self.other(key, [home])
            ind2 = self.choice([i for i in self.inds(key, a) if i != ind])
            if not d.held(ind, a):
                raise Skip
            c = self.cname(key, a)
            turns = [self.choice(["how is {c} doing on {m}?", "{pc} {m}?"]).format(c=c, pc=poss(c), m=m),
                     self.choice(["and {m2}?", "what about their {m2}", "and {m2} for them?"]).format(
                         m2=self.meas(key, ind2))]
            each = [reading("value", [ind], [a]), reading("value", [ind2], [a])]
            lf = self.latest_fig(key, ind2, a)
            figs = [self.fig(ind2, a, lf[0], lf[1])] if lf else None
        elif kind == "rank_group":
            if key == "sample":
                raise Skip
            nat = self.natural_group(key)
            n = self.choice([3, 5])
            order = self.choice(["best", "worst"])
            self.rank_spec(key, home, ind, nat, n, order)
            self.rank_spec(key, home, ind, "neighbours", n, order)
            if d.pol[ind] == "higher":
                top = "top" if order == "best" else "bottom"
            else:
                top = order
            turns = [self.choice(["{t} {n} in {g} for {m}", "who are the {t} {n} in {g} on {m}?"]).format(
                         t=top, n=n, g=nat.title(), m=m),
                     self.choice(["and among our neighbours?", "same but just our comparator group",
                                  "ok what about within similar councils"])]
            each = [reading("rank", [ind], [nat], comparison="ranking", n=n, order=order),
                    reading("rank", [ind], ["neighbours"], comparison="ranking", n=n, order=order)]
        else:  # value_then_since
            s = fy_start(self.choice(held[:-1]))
            turns = [self.choice(["what's our {m}?", "our {m} please"]).format(m=m),
                     self.choice(["how has that changed since {y}?", "and the trend since {y}?",
                                  "has it improved since {y}"]).format(y=self.choice([str(s), f"April {s}"]))]
            each = [reading("value", [ind], [home]), reading("trend", [ind], [home], frm=fy(s), to=held[-1])]
            figs = [self.fig(ind, home, p, d.value(ind, home, p)) for p in (fy(s), held[-1])]
        turns = [casual(self.rng, turns[0])] + [casual(self.rng, t, prefix=False) for t in turns[1:]]
        return self.finish("followup", key, home, turns, each[-1], figs, f"follow-up: {kind}", expect_each=each)


def split(items: list[dict], rng: random.Random) -> tuple[list[dict], list[dict]]:
    groups: dict[tuple[str, str], list[dict]] = {}
    for it in items:
        groups.setdefault((it["family"], it["dataset"]), []).append(it)
    dev, hold = [], []
    for k in sorted(groups):
        g = groups[k]
        rng.shuffle(g)
        for i, it in enumerate(g):
            (dev if i % 2 == 0 else hold).append(it)
    key = lambda it: it["id"]  # noqa: E731
    return sorted(dev, key=key), sorted(hold, key=key)


def main() -> None:
    g = Gen()
    items: list[dict] = []
    for family, per in COUNTS.items():
        fam_items = []
        for key, count in per.items():
            made, tries = 0, 0
            while made < count:
                tries += 1
                if tries > 5000:
                    raise SystemExit(f"could not build {family}/{key}")
                try:
                    fam_items.append(getattr(g, family)(key))
                    made += 1
                except Skip:
                    continue
        for i, it in enumerate(fam_items, 1):
            it["id"] = f"b22-{family}-{i:03d}"
        items.extend(fam_items)
    dev, hold = split(items, g.rng)
    for name, part in (("dev", dev), ("holdout", hold)):
        doc = {"set": f"understanding_blind22_{name}", "seed": SEED, "count": len(part), "items": part}
        (HERE / f"{name}.yaml").write_text(
            yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    for name, part in (("dev", dev), ("holdout", hold)):
        counts: dict[str, int] = {}
        for it in part:
            counts[f"{it['family']}/{it['dataset']}"] = counts.get(f"{it['family']}/{it['dataset']}", 0) + 1
        print(name, len(part), dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
