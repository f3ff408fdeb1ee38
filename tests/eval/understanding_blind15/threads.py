"""Follow-up threads (3-5 messages) for set 15. Each later turn changes one or two things and keeps the rest."""

from __future__ import annotations

from data import Skip, fy, reading, start_of


class Thread:
    def __init__(self, g, ds) -> None:
        self.g, self.d, self.w, self.rng, self.ds = g, g.d, g.w, g.rng, ds
        self.home = g.home(ds)
        self.s: dict = {}
        self.changes: list[str] = []

    # ------------------------------------------------------------------ state helpers
    def concrete(self):
        return [a for a in self.s["areas"] if a not in ("neighbours", "england", "scotland")]

    def read(self):
        s = self.s
        if s["intent"] == "rank":
            if s["rk"] == "position":
                return reading("rank", [s["code"]], [self.home, self.token()], s["from"], s["to"], "ranking")
            return reading("rank", [s["code"]], [self.token()], s["from"], s["to"], "ranking", s["n"], s["order"])
        return reading(s["intent"], [s["code"]], s["areas"], s["from"], s["to"], s["comp"])

    def token(self):
        return "neighbours" if self.s["group"] == "neighbours" else self.d.nat_token(self.ds)

    def refresh_span(self):
        """Re-derive a 'since YEAR' / 'last N years' span after the council or measure changed."""
        s = self.s
        if s.get("span") is None:
            return
        area = self.concrete()[0]
        latest = self.d.latest(self.ds, s["code"], area)
        if latest is None:
            raise Skip("not held")
        if s["span"][0] == "since":
            start = fy(s["span"][1])
            if start >= latest or start not in self.d.series(self.ds, s["code"], area):
                raise Skip("since not usable")
            s["from"], s["to"] = start, latest
        else:
            s["from"], s["to"] = fy(start_of(latest) - s["span"][1]), latest

    def check(self):
        """Every state must be answerable without ambiguity: measure held, lists legal, year held."""
        s = self.s
        for a in self.concrete():
            if not self.d.holds(self.ds, s["code"], a):
                raise Skip("area lacks measure")
            if s["to"] and s.get("span") is None and s["to"] not in self.d.series(self.ds, s["code"], a):
                raise Skip("year not held")
        if s["intent"] == "rank":
            if self.d.pol(self.ds, s["code"]) is None:
                raise Skip("not rankable")
            if s["rk"] == "list":
                self.g.rank_list_ok(self.ds, s["code"], self.home, s["group"], s["n"], s["order"], s["to"])
            else:
                members = self.g.rank_members(self.ds, s["code"], self.home, s["group"])
                p = s["to"] or self.d.rank_period(self.ds, s["code"], members)
                if p not in self.d.series(self.ds, s["code"], self.home):
                    raise Skip("home not in ranking")

    def measure_ok(self, code, areas):
        return all(self.d.holds(self.ds, code, a) for a in areas)

    # ------------------------------------------------------------------ opening messages
    def start(self):
        ds, home, w = self.ds, self.home, self.w
        kinds = ["value_home", "value_home", "value_named", "since", "compare_nn", "compare_area", "rank", "rank"]
        kinds += ["position"]
        if ds != "sample":
            kinds.append("compare_nat")
        kind = self.rng.choice(kinds)
        base = dict(intent="value", code=None, areas=[home], comp=None, n=None, order=None, span=None)
        base.update({"from": None, "to": None, "group": "neighbours", "rk": None})
        self.s = base
        s = self.s
        yr = self.rng.random() < 0.5
        if kind in ("value_home", "value_named"):
            s["code"] = self.g.measure(ds, [home])
            if kind == "value_named":
                s["areas"] = [self.g.other(ds, s["code"], [home])]
            if yr:
                s["to"] = self.g.held_year(ds, s["code"], s["areas"])
            msg = w.value_q(ds, s["code"], s["areas"][0], home, s["to"])
        elif kind == "since":
            s["code"] = self.g.measure(ds, [home])
            held = self.d.held(ds, s["code"], home)
            if len(held) < 3:
                raise Skip("short")
            y = start_of(self.rng.choice(held[:-1]))
            s.update(intent="trend", span=("since", y))
            self.refresh_span()
            msg = w.since_q(ds, s["code"], home, home, y)
        elif kind in ("compare_nn", "compare_nat", "compare_area"):
            s["code"] = self.g.measure(ds, [home])
            s["intent"] = "compare"
            if yr:
                s["to"] = self.g.held_year(ds, s["code"], [home])
            if kind == "compare_nn":
                s.update(areas=[home, "neighbours"], comp="neighbours")
                msg = w.compare_nn_q(ds, s["code"], s["to"])
            elif kind == "compare_nat":
                s.update(areas=[home, self.d.nat_token(ds)], comp="national")
                msg = w.compare_nat_q(ds, s["code"], s["to"])
            else:
                o = self.g.other(ds, s["code"], [home])
                s.update(areas=[home, o], comp="area")
                msg = w.compare_area_q(ds, s["code"], [w.name(o, typo=self.rng.random() < 0.3)], s["to"])
        else:
            s["code"] = self.g.measure(ds, [home], rankable=True)
            s["intent"] = "rank"
            s["group"] = "neighbours" if ds == "sample" else self.rng.choice(["neighbours", "neighbours", "national"])
            s["comp"] = "ranking"
            if kind == "position":
                s["rk"] = "position"
                msg = w.position_q(ds, s["code"], s["group"], None)
            else:
                s["rk"] = "list"
                s["n"] = self.rng.choice([3, 5, 5] if s["group"] == "neighbours" else [3, 5, 10])
                s["order"] = self.rng.choice(["best", "best", "worst"])
                msg = w.rank_q(ds, s["code"], s["group"], s["n"], s["order"], None)
        self.check()
        self.changes.append(kind)
        return msg

    # ------------------------------------------------------------------ follow-up moves
    def mv_council(self):
        s = self.s
        if s["intent"] not in ("value", "trend") or len(s["areas"]) != 1:
            return None
        cur = s["areas"][0]
        if cur != self.home and self.rng.random() < 0.4:
            s["areas"] = [self.home]
            txt = self.w.c(["and ours?", "what about us?", "and for us?", "how about ours", "and us?"])
        else:
            need = [cur, self.home]
            o = self.g.other(self.ds, s["code"], need)
            s["areas"] = [o]
            n = self.w.name(o, typo=self.rng.random() < 0.35, short=True)
            txt = self.w.c(["and {n}?", "what about {n}", "same for {n} pls", "{n}?", "how about {n} then", "and {n}"])
            txt = txt.format(n=n)
        self.refresh_span()
        return txt

    def mv_measure(self):
        s = self.s
        rankable = s["intent"] == "rank"
        opts = [
            c
            for c in self.d.codes(self.ds)
            if c != s["code"]
            and self.measure_ok(c, self.concrete() or [self.home])
            and (not rankable or self.d.pol(self.ds, c))
        ]
        if not opts:
            return None
        s["code"] = self.rng.choice(opts)
        self.refresh_span()
        m = self.w.m(self.ds, s["code"])
        t = self.w.c(["same for {m}", "and {m}?", "what about {m}", "ok and {m}", "how about {m}?", "now {m} pls"])
        return t.format(m=m)

    def mv_year(self):
        s = self.s
        if s["intent"] == "trend" or s.get("span"):
            return None
        areas = self.concrete() or [self.home]
        held = sorted(set.intersection(*[set(self.d.held(self.ds, s["code"], a)) for a in areas]))
        held = [p for p in held if p != s["to"] and p not in self.visited]
        if not held:
            return None
        s["from"], s["to"] = None, self.rng.choice(held)
        y = self.w.yr(s["to"])
        t = self.w.c(["what about {y}", "and in {y}?", "{y}?", "how about back in {y}", "same but for {y}"])
        return t.format(y=y)

    def mv_year_before(self):
        s = self.s
        if s["intent"] == "trend" or s.get("span") or not s["to"]:
            return None
        s["to"] = fy(start_of(s["to"]) - 1)
        return self.w.c(
            ["the year before?", "and the year before that?", "what about the previous year", "year before?"]
        )

    def mv_since_then(self):
        s = self.s
        if s["intent"] != "value" or not s["to"]:
            return None
        y = start_of(s["to"])
        s.update(intent="trend", span=("since", y))
        self.refresh_span()
        return self.w.c(["since then?", "how has it changed since then?", "and the trend since then?", "since then??"])

    def mv_span_change(self):
        s = self.s
        if not s.get("span"):
            return None
        if s["span"][0] == "since":
            held = self.d.held(self.ds, s["code"], self.concrete()[0])
            opts = [start_of(p) for p in held[:-1] if start_of(p) != s["span"][1]]
            if not opts:
                return None
            y = self.rng.choice(opts)
            s["span"] = ("since", y)
            self.refresh_span()
            return self.w.c(["since {y} instead?", "what about since {y}", "and since {y}?"]).format(y=y)
        return None

    def mv_national(self):
        s = self.s
        if self.ds == "sample" or s["comp"] not in (None, "neighbours") or s["areas"][0] != self.home:
            return None
        if s["intent"] not in ("value", "compare"):
            return None
        g = self.w.c(self.w.nat_avg(self.ds))
        if s["comp"] is None:
            forms = ["vs {g}?", "how does that compare with {g}", "and against {g}?", "compared to {g}?"]
        else:
            forms = ["what about against {g} instead?", "compared to {g} instead?", "and vs {g} rather than that?"]
        s.update(intent="compare", areas=[self.home, self.d.nat_token(self.ds)], comp="national")
        return self.w.c(forms).format(g=g)

    def mv_neighbours(self):
        s = self.s
        if s["intent"] not in ("value", "compare") or s["comp"] not in (None, "national"):
            return None
        if s["areas"][0] != self.home:
            return None
        g = self.w.c(self.w.group_words(self.ds) + ["similar councils"])
        if s["comp"] is None:
            forms = ["and vs {g}?", "how does that compare with {g}", "what about against {g}?"]
        else:
            forms = ["what about against {g} instead?", "and vs {g} instead?"]
        s.update(intent="compare", areas=[self.home, "neighbours"], comp="neighbours")
        return self.w.c(forms).format(g=g)

    def mv_area(self):
        s = self.s
        if s["intent"] not in ("value", "compare") or s["comp"] == "area":
            return None
        if s["intent"] == "value" and s["areas"][0] != self.home:
            other = s["areas"][0]
            s.update(intent="compare", areas=[self.home, other], comp="area")
            return self.w.c(["how does that compare with us?", "and how do we compare?", "vs us?"])
        if s["areas"][0] != self.home:
            return None
        o = self.g.other(self.ds, s["code"], [self.home])
        was = s["comp"]
        s.update(intent="compare", areas=[self.home, o], comp="area")
        n = self.w.name(o, typo=self.rng.random() < 0.35)
        if was is None:
            forms = ["how about vs {n}?", "and compared with {n}?", "us vs {n}?", "and against {n}"]
        else:
            forms = ["how about just vs {n} instead?", "and against {n} instead?", "ok now just us vs {n}"]
        return self.w.c(forms).format(n=n)

    def mv_back_home(self):
        s = self.s
        if s["intent"] == "value" and s["areas"] == [self.home]:
            return None
        if s["intent"] == "compare" or s.get("rk") == "position":
            return None  # home already in the reading: "ours" would not clearly switch to a single value
        held = self.d.held(self.ds, s["code"], self.home)
        if not held:
            return None
        p = self.rng.choice(held)
        already_home = s["intent"] in ("value", "trend") and s["areas"] == [self.home]
        s.update(intent="value", areas=[self.home], comp=None, n=None, order=None, span=None, rk=None)
        s["from"], s["to"] = None, p
        y = self.w.yr(p)
        if already_home:
            forms = ["what was it in {y}?", "and what was the figure in {y}", "what was ours in {y}?"]
        else:
            forms = ["what was ours in {y}?", "and what was our figure in {y}", "what was our own figure in {y}?"]
        return self.w.c(forms).format(y=y)

    def mv_rank_size(self):
        s = self.s
        if s["intent"] != "rank" or s["rk"] != "list":
            return None
        opts = [k for k in (1, 3, 4, 5, 10) if k != s["n"] and (k <= 5 or s["group"] != "neighbours")]
        s["n"] = self.rng.choice(opts)
        pol = self.d.pol(self.ds, s["code"])
        if s["n"] == 1:
            word = "best" if s["order"] == "best" else "worst"
            return self.w.c([f"and just the {word} one?", f"who's the single {word}?", f"just the {word}?"])
        forms = ["make it {n}", "just {n}?", "can you do {n} instead", "{n} please"]
        if pol == "high":
            forms.append("top {n}?" if s["order"] == "best" else "bottom {n}?")
        return self.w.c(forms).format(n=s["n"])

    def mv_rank_dir(self):
        s = self.s
        if s["intent"] != "rank" or s["rk"] != "list":
            return None
        s["order"] = "worst" if s["order"] == "best" else "best"
        sup = self.w._sup(self.ds, s["code"], s["order"])
        word = "worst" if s["order"] == "worst" else "best"
        if s["n"] == 1:
            return self.w.c([f"and the {word}?", f"what about the {word} one?", f"ok and who's {word}?"])
        return self.w.c([f"and the {word}?", f"what about the {sup} {s['n']}?", f"flip it - {word} {s['n']}"])

    def mv_position(self):
        s = self.s
        if s["intent"] != "rank" or s["rk"] != "list":
            return None
        s.update(rk="position", n=None, order=None)
        return self.w.c(["where do we come?", "and where do we rank?", "where are we in that?", "what position r we"])

    def mv_list(self):
        s = self.s
        if s["intent"] != "rank" or s["rk"] != "position":
            return None
        s.update(rk="list", order=self.rng.choice(["best", "worst"]), n=self.rng.choice([1, 3, 5]))
        word = s["order"]
        if s["n"] == 1:
            return self.w.c([f"who's {word}?", f"and which council is {word}?"])
        return self.w.c([f"who are the {word} {s['n']}?", f"and the {word} {s['n']}?", f"list the {word} {s['n']}"])

    def mv_group(self):
        s = self.s
        if s["intent"] != "rank" or self.ds == "sample":
            return None
        if s["group"] == "neighbours":
            s["group"] = "national"
            nat = "scotland" if self.ds == "lgbf" else "england"
            return self.w.c([f"and across {nat}?", f"what about all of {nat}", "and nationally?", f"{nat} wide?"])
        s["group"] = "neighbours"
        g = self.w.c(self.w.group_words(self.ds))
        return self.w.c([f"just within {g}?", f"and only {g}?", f"what about {g}"])

    MOVES = {
        "council": 5,
        "measure": 4,
        "year": 3,
        "year_before": 2,
        "since_then": 2,
        "span_change": 1,
        "national": 2,
        "neighbours": 2,
        "area": 2,
        "back_home": 2,
        "rank_size": 3,
        "rank_dir": 2,
        "position": 2,
        "list": 2,
        "group": 2,
    }

    # ------------------------------------------------------------------ build
    def build(self):
        turns = [self.start()]
        each = [self.read()]
        self.visited = {self.s["to"]} if self.s["to"] else set()
        k = self.rng.choice([3, 4, 4, 5, 5])
        last = None
        tries = 0
        while len(turns) < k:
            tries += 1
            if tries > 60:
                raise Skip("thread stuck")
            names = [m for m in self.MOVES if m != last]
            weights = [self.MOVES[m] for m in names]
            mv = self.rng.choices(names, weights)[0]
            saved = {key: (list(v) if isinstance(v, list) else v) for key, v in self.s.items()}
            self.prev_n = self.s.get("n")
            try:
                txt = getattr(self, "mv_" + mv)()
                if txt is None:
                    self.s = saved
                    continue
                self.check()
            except Skip:
                self.s = saved
                continue
            if self.read() == each[-1]:
                self.s = saved
                continue
            turns.append(self.w.casual(txt, allow_lower=True, prefix=False) if self.rng.random() < 0.5 else txt)
            each.append(self.read())
            if self.s["to"]:
                self.visited.add(self.s["to"])
            self.changes.append(mv)
            last = mv
        figs = self.final_figures()
        note = "thread: " + " -> ".join(self.changes)
        return self.home, turns, each[-1], figs, note, each

    def final_figures(self):
        s = self.s
        if s["intent"] == "value" and len(s["areas"]) == 1:
            a = s["areas"][0]
            if s["to"]:
                return [self.g.fig(self.ds, s["code"], a, s["to"])]
            return self.g.latest_fig(self.ds, s["code"], a)
        if s["intent"] == "trend" and s["from"] and len(s["areas"]) == 1:
            a = s["areas"][0]
            ser = self.d.series(self.ds, s["code"], a)
            return [self.g.fig(self.ds, s["code"], a, p) for p in (s["from"], s["to"]) if p in ser]
        return []
