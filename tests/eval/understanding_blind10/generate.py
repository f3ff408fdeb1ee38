"""Build the blind understanding set 10 (dev + holdout) from the raw data files.

Run from /work/main:  .venv/bin/python tests/eval/understanding_blind10/generate.py
Every expected reading, ranking size, ranking period and figure is computed here from the files with pandas;
one random.Random(SEED) drives every choice, so reruns are byte-identical.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import (  # noqa: E402
    SAMPLE_HOME,
    fig,
    group_of,
    half_hold,
    load_lgbf,
    load_oflog,
    load_sample,
    pname,
    pstart,
    rank_period,
    ranked,
    reading,
)
from phrases import (  # noqa: E402
    MEASURES,
    OFLOG_AVOID,
    council_forms,
    decorate,
    num_text,
    quarter_text,
    typo,
    year_text,
)
from threads import build_thread  # noqa: E402

SEED = 10101010
OUT = Path(__file__).resolve().parent

TARGETS = {
    "names": 70,
    "rank": 70,
    "followup": 70,
    "value": 30,
    "span": 30,
    "trend": 30,
    "compare": 40,
    "overview": 25,
    "target": 20,
    "period_not_held": 25,
    "unknown": 30,
}
SPLIT = {
    "names": {"oflog": 32, "lgbf": 30, "sample": 8},
    "rank": {"oflog": 28, "lgbf": 28, "sample": 14},
    "followup": {"oflog": 26, "lgbf": 26, "sample": 18},
    "value": {"oflog": 10, "lgbf": 10, "sample": 10},
    "span": {"oflog": 10, "lgbf": 10, "sample": 10},
    "trend": {"oflog": 10, "lgbf": 10, "sample": 10},
    "compare": {"oflog": 15, "lgbf": 15, "sample": 10},
    "overview": {"oflog": 8, "lgbf": 9, "sample": 8},
    "target": {"sample": 20},
    "period_not_held": {"oflog": 9, "lgbf": 9, "sample": 7},
    "unknown": {"oflog": 12, "lgbf": 9, "sample": 9},
}


class Gen:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.ds = {"oflog": load_oflog(), "lgbf": load_lgbf(), "sample": load_sample()}
        self.seen: set = set()
        self.all_names = {}
        for key, ds in self.ds.items():
            names = [ds.names[c] for c in ds.all_areas]
            extra = []
            for c in ds.all_areas:
                extra += council_forms(key, ds.names[c], ds.kinds.get(c))
            self.all_names[key] = names + extra
        lg = self.ds["lgbf"]
        self.hsn_holders = {c for c in lg.all_areas if lg.annual("HSN02", c)}
        of = self.ds["oflog"]
        of.named = [c for c in of.named if of.names[c] not in OFLOG_AVOID]
        of.homes = [c for c in of.homes if of.names[c] not in OFLOG_AVOID]

    # ----- small helpers -------------------------------------------------------------------------------------------
    def ch(self, seq):
        return self.rng.choice(list(seq))

    def measure(self, key: str, ind: str) -> str:
        return self.ch(MEASURES[key][ind][0])

    def qty(self, key: str, ind: str) -> bool:
        return MEASURES[key][ind][1]

    def inds(self, key: str, area: str | None = None, rankable: bool = False) -> list:
        out = []
        for ind in MEASURES[key]:
            if rankable and self.ds[key].polarity.get(ind) is None:
                continue
            if area is not None and not self.ds[key].annual(ind, area):
                continue
            out.append(ind)
        return out

    def home(self, key: str) -> str:
        return self.ch(self.ds[key].homes)

    def council(self, key: str, code: str, allow_typo: bool = False) -> str:
        ds = self.ds[key]
        name = ds.names[code]
        if allow_typo and self.rng.random() < 0.25:
            t = typo(self.rng, name, self.all_names[key])
            if t:
                return t
        return self.ch(council_forms(key, name, ds.kinds.get(code)))

    def other(self, key: str, exclude: set) -> str:
        return self.ch([c for c in self.ds[key].named if c not in exclude])

    def held_year(self, key: str, ind: str, areas: list, lo: int = 0) -> str | None:
        ds = self.ds[key]
        common = None
        for a in areas:
            ps = set(ds.annual(ind, a))
            common = ps if common is None else common & ps
        ps = sorted(p for p in (common or set()) if pstart(p) >= lo)
        return self.ch(ps) if ps else None

    def add(
        self,
        items: list,
        family: str,
        key: str,
        home: str,
        turns: list,
        expect: dict,
        note: str,
        figures: list | None = None,
        expect_each: list | None = None,
    ) -> bool:
        sig = tuple(t.lower() for t in turns) + (home,)
        if sig in self.seen:
            return False
        self.seen.add(sig)
        item = {"id": None, "family": family, "dataset": key, "home_area": home, "turns": list(turns), "expect": expect}
        if expect_each is not None:
            item["expect_each"] = expect_each
        if figures:
            item["figures"] = figures
        item["note"] = note
        items.append(item)
        return True

    def latest_fig(self, key: str, ind: str, area: str) -> list:
        ds = self.ds[key]
        if ds.has_quarters(ind, area):
            return []  # "latest" could mean the latest quarter or the latest year: no figure
        p = ds.latest(ind, area)
        return [fig(ind, area, p, ds.value(ind, area, p))] if p else []

    def year_fig(self, key: str, ind: str, areas: list, period: str) -> list:
        ds = self.ds[key]
        if not all(ds.held(ind, a, period) for a in areas):
            return []
        return [fig(ind, a, period, ds.value(ind, a, period)) for a in areas]

    # ----- value -------------------------------------------------------------------------------------------------
    LATEST_VALUE = [
        "what's our {m} at the moment?",
        "hows our {m} looking currently",
        "{m} - what's our latest figure?",
        "what is our {m} now?",
        "what was our {m} last year?",
        "can you give me our current {m}",
        "whats the latest on our {m}",
        "remind me what our {m} is at the moment",
    ]
    YEAR_VALUE = [
        "what was our {m} in {p}?",
        "In {p}, what was our {m}?",
        "{p}: our {m}?",
        "our {m} for {p} please",
        "what did we record for {m} in {p}",
        "{m} in {p} for us?",
        "For {p} - what was our {m}?",
        "need our {m} figure for {p}",
        "what was the {m} for us in {p}",
    ]

    def value_items(self, key: str, count: int) -> list:
        items: list = []
        ds = self.ds[key]
        while len(items) < count:
            home = self.home(key)
            ind = self.ch(self.inds(key, home))
            m = self.measure(key, ind)
            mode = self.rng.random()
            if key == "sample" and mode < 0.25 and ds.has_quarters(ind, home):
                q = self.ch([p for p in ds.series(ind, home) if len(p) > 7])
                tmpl = self.ch(
                    [
                        "what was our {m} in {p}?",
                        "{p} - {m} for us?",
                        "our {m} for {p} pls",
                        "In {p}, how did we do on {m}?",
                    ]
                )
                text = tmpl.format(m=m, p=quarter_text(self.rng, q))
                self.add(
                    items,
                    "value",
                    key,
                    home,
                    [decorate(self.rng, text)],
                    reading("value", [ind], [home], to=q),
                    "home value, a held quarter",
                    figures=[fig(ind, home, q, ds.value(ind, home, q))],
                )
            elif mode < 0.45:
                text = self.ch(self.LATEST_VALUE).format(m=m)
                self.add(
                    items,
                    "value",
                    key,
                    home,
                    [decorate(self.rng, text)],
                    reading("value", [ind], [home]),
                    "home value, latest",
                    figures=self.latest_fig(key, ind, home),
                )
            else:
                p = self.held_year(key, ind, [home])
                text = self.ch(self.YEAR_VALUE).format(m=m, p=year_text(self.rng, p))
                self.add(
                    items,
                    "value",
                    key,
                    home,
                    [decorate(self.rng, text)],
                    reading("value", [ind], [home], to=p),
                    "home value, one year",
                    figures=self.year_fig(key, ind, [home], p),
                )
        return items

    # ----- names -------------------------------------------------------------------------------------------------
    NAMED_LATEST = [
        "what's the {m} for {c}?",
        "{c} {m}?",
        "{m} for {c} please",
        "can you pull the latest {m} for {c}",
        "what does {c} currently get for {m}?",
        "{c} - latest {m}?",
        "how does {c} score on {m} at the moment",
    ]
    NAMED_YEAR = [
        "{m} for {c} in {p}?",
        "what was the {m} in {c} in {p}",
        "{c} - {m} {p}?",
        "In {p}, what was {m} for {c}?",
        "{p} {m} figure for {c} pls",
        "could you look up {c}'s {m} for {p}",
        "{c}: {m}, {p}",
    ]

    def names_items(self, key: str, count: int) -> list:
        items: list = []
        ds = self.ds[key]
        while len(items) < count:
            home = self.home(key)
            code = self.other(key, {home})
            cands = self.inds(key, code)
            if not cands:
                continue
            ind = self.ch(cands)
            m = self.measure(key, ind)
            r = self.rng.random()
            if r < 0.18:
                code2 = self.other(key, {home, code})
                if not ds.annual(ind, code2):
                    continue
                c1, c2 = self.council(key, code, True), self.council(key, code2, True)
                p = self.held_year(key, ind, [code, code2])
                tmpl = self.ch(
                    [
                        "compare {c1} and {c2} on {m} for {p}",
                        "{c1} v {c2} - {m} {p}?",
                        "In {p}, how did {c1} compare with {c2} on {m}?",
                    ]
                )
                text = tmpl.format(c1=c1, c2=c2, m=m, p=year_text(self.rng, p))
                self.add(
                    items,
                    "names",
                    key,
                    home,
                    [decorate(self.rng, text)],
                    reading("compare", [ind], [code, code2], to=p, comparison="area"),
                    f"two named councils ({ds.names[code]}, {ds.names[code2]}) compared, one year",
                    figures=self.year_fig(key, ind, [code, code2], p),
                )
                continue
            c = self.council(key, code, True)
            if r < 0.5:
                text = self.ch(self.NAMED_LATEST).format(m=m, c=c)
                exp = reading("value", [ind], [code])
                figs = self.latest_fig(key, ind, code)
                note = f"named council {ds.names[code]} written '{c}', latest"
            else:
                p = self.held_year(key, ind, [code])
                text = self.ch(self.NAMED_YEAR).format(m=m, c=c, p=year_text(self.rng, p))
                exp = reading("value", [ind], [code], to=p)
                figs = self.year_fig(key, ind, [code], p)
                note = f"named council {ds.names[code]} written '{c}', one year"
            if "'s" in text and not c[-1].isalpha():
                continue
            self.add(items, "names", key, home, [decorate(self.rng, text)], exp, note, figures=figs)
        return items

    # ----- span --------------------------------------------------------------------------------------------------
    def span_phrase(self, key: str, ind: str, area: str):
        """(text with {m}/{who}, from, to, note) for one area, or None."""
        ds = self.ds[key]
        ann = sorted(ds.annual(ind, area))
        if len(ann) < 3:
            return None
        latest = ann[-1]
        kind = self.ch(["between", "fromto", "arrow", "to", "since", "since_april", "lastn", "nyear"])
        if kind in ("between", "fromto", "arrow", "to"):
            a, b = sorted(self.rng.sample(ann, 2))
            bare = self.rng.random() < 0.3
            ta, tb = (
                (str(pstart(a)), str(pstart(b)))
                if bare
                else (year_text(self.rng, a, False), year_text(self.rng, b, False))
            )
            tmpl = {
                "between": [
                    "how did {who} {m} change between {a} and {b}?",
                    "{m} for {who2} between {a} and {b}",
                    "between {a} and {b}, what happened to {who} {m}?",
                ],
                "fromto": [
                    "show me {who} {m} from {a} to {b}",
                    "From {a} to {b}, how has {who} {m} moved?",
                    "{m} from {a} to {b} for {who2}?",
                ],
                "arrow": ["{m} {a} -> {b} for {who2}", "{who} {m}, {a} -> {b}?"],
                "to": ["{who} {m} {a} to {b} pls", "can I see {m} {a} to {b} for {who2}"],
            }[kind]
            return self.ch(tmpl).replace("{a}", ta).replace("{b}", tb), a, b, f"explicit span ({kind})"
        if kind in ("since", "since_april"):
            start = self.ch([p for p in ann[:-1]])
            ts = f"April {pstart(start)}" if kind == "since_april" else year_text(self.rng, start)
            tmpl = [
                "how has {who} {m} changed since {s}?",
                "since {s}, has {who} {m} got better?",
                "{m} since {s} for {who2}?",
                "what's happened to {who} {m} since {s}",
            ]
            return self.ch(tmpl).replace("{s}", ts), start, latest, "since a year, to the latest held year"
        n = self.rng.choice([2, 3, 4, 5])
        frm = pname(pstart(latest) - n)
        if kind == "lastn":
            tmpl = [
                "how has {who} {m} changed over the last {n} years?",
                "{m} for {who2} over the past {n} years",
                "last {n} years of {m} for {who2} pls",
                "past {n} yrs - {who} {m}, which way is it going?",
            ]
        else:
            tmpl = [
                "{n}-year trend on {who} {m}?",
                "can you show {who} {m} as a {n} year trend",
                "{n} year trend for {m} ({who2})",
            ]
        nt = str(n) if kind == "nyear" else num_text(self.rng, n)
        return self.ch(tmpl).replace("{n}", nt), frm, latest, f"last {n} years, from latest minus {n}"

    def span_items(self, key: str, count: int) -> list:
        items: list = []
        ds = self.ds[key]
        while len(items) < count:
            home = self.home(key)
            named = self.rng.random() < 0.3 and key != "sample" or (key == "sample" and self.rng.random() < 0.2)
            area = self.other(key, {home}) if named else home
            cands = self.inds(key, area)
            if key == "sample" and area == home:
                cands = [i for i in cands if not ds.has_quarters(i, home)] + cands
            ind = self.ch(cands)
            got = self.span_phrase(key, ind, area)
            if not got:
                continue
            tmpl, frm, to, note = got
            if "last" in note and ds.has_quarters(ind, area):
                continue
            if named:
                c = self.council(key, area)
                who, who2 = f"{c}'s", c
                if not c[-1].isalpha():
                    continue
            else:
                who, who2 = "our", "us"
            text = tmpl.replace("{who}", who).replace("{who2}", who2).replace("{m}", self.measure(key, ind))
            figs = []
            if ds.held(ind, area, frm) and ds.held(ind, area, to):
                figs = [fig(ind, area, frm, ds.value(ind, area, frm)), fig(ind, area, to, ds.value(ind, area, to))]
            self.add(
                items,
                "span",
                key,
                home,
                [decorate(self.rng, text)],
                reading("trend", [ind], [area], frm=frm, to=to),
                note,
                figures=figs,
            )
        return items

    # ----- trend (no span) ---------------------------------------------------------------------------------------
    TREND = [
        "is our {m} getting better?",
        "is {m} improving for us?",
        "which way is our {m} heading?",
        "direction of travel on {m}?",
        "show me the trend in our {m}",
        "{m} trend for us pls",
        "are we improving on {m} or not?",
        "is our {m} getting worse?",
        "has our {m} been going the right way?",
        "whats the trend on {m} looking like for us",
    ]
    TREND_NAMED = [
        "is {c} getting better on {m}?",
        "which way is {m} heading for {c}?",
        "trend in {m} for {c}?",
        "has {c} been improving on {m}?",
        "direction of travel for {c} on {m}",
    ]

    def trend_items(self, key: str, count: int) -> list:
        items: list = []
        while len(items) < count:
            home = self.home(key)
            if self.rng.random() < 0.3:
                area = self.other(key, {home})
                ind = self.ch(self.inds(key, area))
                text = self.ch(self.TREND_NAMED).format(m=self.measure(key, ind), c=self.council(key, area))
                note = "trend wording, named council, no period"
            else:
                area = home
                ind = self.ch(self.inds(key, area))
                text = self.ch(self.TREND).format(m=self.measure(key, ind))
                note = "trend wording, no period"
            self.add(items, "trend", key, home, [decorate(self.rng, text)], reading("trend", [ind], [area]), note)
        return items

    # ----- compare -----------------------------------------------------------------------------------------------
    NB_WORDS = {
        "oflog": [
            "our nearest neighbours",
            "our CIPFA nearest neighbours",
            "similar councils",
            "our comparator group",
            "our statistical neighbours",
        ],
        "lgbf": ["our family group", "the family group", "similar councils", "our comparator group"],
        "sample": ["our nearest neighbours", "similar councils", "our comparator group", "our neighbours"],
    }
    NAT_WORDS = {
        "oflog": ["England", "the England average", "England as a whole", "the national (England) figure"],
        "lgbf": ["Scotland", "the Scottish average", "Scotland as a whole", "the Scotland figure"],
    }

    def period_bits(self, key: str, ind: str, areas: list):
        if self.rng.random() < 0.45:
            return None, ""
        p = self.held_year(key, ind, areas)
        return p, year_text(self.rng, p) if p else ""

    def compare_items(self, key: str, count: int) -> list:
        items: list = []
        ds = self.ds[key]
        while len(items) < count:
            home = self.home(key)
            kinds = ["area", "area2", "neighbours"] + (["national", "national"] if key != "sample" else [])
            kind = self.ch(kinds)
            if kind.startswith("area"):
                others = [self.other(key, {home})]
                if kind == "area2":
                    others.append(self.other(key, {home, others[0]}))
                ind = self.ch(self.inds(key, home))
                if not all(ds.annual(ind, o) for o in others):
                    continue
                areas = [home] + others
                p, pt = self.period_bits(key, ind, areas)
                m = self.measure(key, ind)
                cs = [self.council(key, o) for o in others]
                if kind == "area":
                    tmpl = self.ch(
                        [
                            "how do we compare with {c} on {m}{sp}?",
                            "us vs {c} for {m}{sp}",
                            "{m}{sp}: are we doing better or worse than {c}?",
                            "how does our {m} compare to {c}{sp}?",
                            "compare us and {c} on {m}{sp}",
                        ]
                    )
                    if "{c}'s" in tmpl and not cs[0][-1].isalpha():
                        continue
                    text = tmpl.format(c=cs[0], m=m, sp=f" in {pt}" if pt else "")
                else:
                    tmpl = self.ch(
                        [
                            "compare us with {c} and {d} on {m}{sp}",
                            "{m}{sp} - us, {c} and {d}?",
                            "how do we stack up against {c} and {d} on {m}{sp}?",
                        ]
                    )
                    text = tmpl.format(c=cs[0], d=cs[1], m=m, sp=f" in {pt}" if pt else "")
                if pt and self.rng.random() < 0.3:
                    text = f"{pt[0].upper() + pt[1:]} - " + text.replace(f" in {pt}", "")
                figs = self.year_fig(key, ind, areas, p) if p else []
                self.add(
                    items,
                    "compare",
                    key,
                    home,
                    [decorate(self.rng, text)],
                    reading("compare", [ind], areas, to=p, comparison="area"),
                    f"home first, then {len(others)} named council(s)",
                    figures=figs,
                )
            elif kind == "neighbours":
                ind = self.ch(self.inds(key, home))
                p, pt = self.period_bits(key, ind, [home])
                m, nb = self.measure(key, ind), self.ch(self.NB_WORDS[key])
                tmpl = self.ch(
                    [
                        "how do we compare with {g} on {m}{sp}?",
                        "{m}{sp} - how do we stack up against {g}?",
                        "are we better or worse than {g} on {m}{sp}?",
                        "our {m} vs {g}{sp}",
                        "benchmark our {m} against {g}{sp} pls",
                    ]
                )
                text = tmpl.format(g=nb, m=m, sp=f" in {pt}" if pt else "")
                self.add(
                    items,
                    "compare",
                    key,
                    home,
                    [decorate(self.rng, text)],
                    reading("compare", [ind], [home, "neighbours"], to=p, comparison="neighbours"),
                    "home against its comparator group",
                )
            else:
                ind = self.ch(self.inds(key, home))
                p, pt = self.period_bits(key, ind, [home])
                m, nat = self.measure(key, ind), self.ch(self.NAT_WORDS[key])
                tmpl = self.ch(
                    [
                        "how do we compare with {g} on {m}{sp}?",
                        "is our {m} above or below {g}{sp}?",
                        "{m}{sp}: us v {g}",
                        "how does our {m} compare to {g}{sp}?",
                    ]
                )
                text = tmpl.format(g=nat, m=m, sp=f" in {pt}" if pt else "")
                nat_code = "england" if key == "oflog" else "scotland"
                self.add(
                    items,
                    "compare",
                    key,
                    home,
                    [decorate(self.rng, text)],
                    reading("compare", [ind], [home, nat_code], to=p, comparison="national"),
                    "home against the national figure",
                )
        return items

    # ----- rank --------------------------------------------------------------------------------------------------
    GROUP_WORDS = {
        "england": ["in England", "across England", "of all English councils", "in England overall"],
        "scotland": ["in Scotland", "across Scotland", "of the Scottish councils", "out of all 32 Scottish councils"],
        "neighbours": {
            "oflog": [
                "among our nearest neighbours",
                "of our CIPFA neighbours",
                "in our comparator group",
                "among similar councils",
            ],
            "lgbf": ["in our family group", "among our family group councils", "in our comparator group"],
            "sample": ["among our nearest neighbours", "in our comparator group", "of our neighbours"],
        },
    }

    POS_WORDS = {
        "england": ["in England", "across England", "out of all English councils", "nationally (England)"],
        "scotland": ["in Scotland", "across Scotland", "out of the 32 Scottish councils", "among Scottish councils"],
        "neighbours": {
            "oflog": [
                "among our nearest neighbours",
                "among our CIPFA neighbours",
                "in our comparator group",
                "among similar councils",
            ],
            "lgbf": ["in our family group", "among our family group councils", "in our comparator group"],
            "sample": ["among our nearest neighbours", "in our comparator group", "among similar councils"],
        },
    }

    def group_text(self, key: str, group: str, position: bool = False) -> str:
        w = (self.POS_WORDS if position else self.GROUP_WORDS)[group]
        return self.ch(w[key] if isinstance(w, dict) else w)

    def rank_setup(self, key: str, home: str, group: str, ind: str, asked: str | None):
        ds = self.ds[key]
        members = group_of(ds, ind, home, group)
        if asked is None:
            period = rank_period(ds, ind, members)
        else:
            period = asked if half_hold(ds, ind, members, asked) else None
        return members, period

    def list_figures(self, key: str, ind: str, members: list, period: str, n: int, order: str):
        """(figures, drop): figures [] when a tie at the cut-off or an unsure code; drop for excluded councils."""
        ds = self.ds[key]
        rows = ranked(ds, ind, members, period, order)
        if len(rows) <= n:
            return None, True
        tie = rows[n - 1][1] == rows[n][1]
        cut = rows[:n]
        if tie:
            edge = [r for r in rows if r[1] == rows[n - 1][1]]
            if key == "oflog" and any(r[0] in ds.unsure for r in cut + edge):
                return None, True
            return [], False
        if key == "oflog" and any(r[0] in ds.unsure for r in cut):
            return None, True
        if any(r[0] in ds.unsure for r in cut):
            return [], False
        return [fig(ind, a, period, v) for a, v in cut], False

    def rank_list_text(self, key: str, ind: str, group: str, n: int, order: str, pt: str) -> str:
        m = self.measure(key, ind)
        g = self.group_text(key, group)
        sp = f" in {pt}" if pt else ""
        pol = self.ds[key].polarity[ind]
        if self.qty(key, ind) and self.rng.random() < 0.5:
            word = "highest" if (order == "best") == (pol == "higher") else "lowest"
            if n == 1:
                tmpl = ["which council has the {w} {m} {g}{sp}?", "who has the {w} {m} {g}{sp}"]
            else:
                tmpl = [
                    "which {nt} councils have the {w} {m} {g}{sp}?",
                    "the {nt} {w} for {m} {g}{sp} pls",
                    "{nt} councils with the {w} {m} {g}{sp}?",
                ]
            return self.ch(tmpl).format(w=word, m=m, g=g, sp=sp, nt=num_text(self.rng, n))
        if n == 1:
            tmpl = (
                [
                    "which council is best {g} for {m}{sp}?",
                    "who's top {g} on {m}{sp}?",
                    "best performing council {g} for {m}{sp}?",
                ]
                if order == "best"
                else [
                    "which council is worst {g} for {m}{sp}?",
                    "who's bottom {g} on {m}{sp}?",
                    "worst performing council {g} on {m}{sp}",
                ]
            )
        elif order == "best":
            tmpl = [
                "top {nt} councils {g} for {m}{sp}",
                "which are the {nt} best councils {g} on {m}{sp}?",
                "who are the top {nt} {g} for {m}{sp}",
                "best {nt} {g} on {m}{sp}?",
                "rank the top {nt} {g} on {m}{sp}",
            ]
        else:
            tmpl = [
                "bottom {nt} councils {g} for {m}{sp}",
                "which {nt} councils are worst {g} on {m}{sp}?",
                "worst {nt} {g} for {m}{sp}?",
                "who are the bottom {nt} {g} on {m}{sp}",
            ]
        text = self.ch(tmpl).format(m=m, g=g, sp=sp, nt=num_text(self.rng, n))
        if pt and self.rng.random() < 0.35:
            text = f"{pt}: " + text.replace(sp, "")
        return text

    def rank_items(self, key: str, count: int) -> list:
        items: list = []
        ds = self.ds[key]
        groups = {"oflog": ["england", "neighbours"], "lgbf": ["scotland", "neighbours"], "sample": ["neighbours"]}[key]
        while len(items) < count:
            home = self.home(key)
            group = self.ch(groups)
            cands = self.inds(key, home, rankable=True)
            if key == "lgbf" and home not in self.hsn_holders:
                cands = [i for i in cands if not i.startswith("HSN")]
            ind = self.ch(cands)
            asked = None
            pt = ""
            if self.rng.random() < 0.4:
                asked = self.held_year(key, ind, [home])
                pt = year_text(self.rng, asked)
            members, period = self.rank_setup(key, home, group, ind, asked)
            if period is None:
                continue
            area_tok = group
            if self.rng.random() < 0.3:
                if not ds.held(ind, home, period):
                    continue
                g = self.group_text(key, group, position=True)
                m = self.measure(key, ind)
                sp = f" in {pt}" if pt else ""
                tmpl = self.ch(
                    [
                        "where do we rank {g} for {m}{sp}?",
                        "how do we rank {g} on {m}{sp}?",
                        "what position are we {g} for {m}{sp}?",
                        "where do we sit {g} on {m}{sp}",
                        "whats our ranking {g} for {m}{sp}",
                    ]
                )
                text = tmpl.format(g=g, m=m, sp=sp)
                if pt and self.rng.random() < 0.35:
                    text = f"In {pt}, " + text.replace(sp, "")
                self.add(
                    items,
                    "rank",
                    key,
                    home,
                    [decorate(self.rng, text)],
                    reading("rank", [ind], [home, area_tok], to=asked, comparison="ranking"),
                    f"position question, ranking period {period}",
                    figures=[fig(ind, home, period, ds.value(ind, home, period))],
                )
                continue
            n = self.ch([1, 3, 3, 5, 5, 5, 10, 4]) if group != "neighbours" else self.ch([1, 3, 3, 5, 4])
            order = self.ch(["best", "best", "worst"])
            figs, drop = self.list_figures(key, ind, members, period, n, order)
            if drop:
                continue
            text = self.rank_list_text(key, ind, group, n, order, pt)
            self.add(
                items,
                "rank",
                key,
                home,
                [decorate(self.rng, text)],
                reading("rank", [ind], [area_tok], to=asked, comparison="ranking", n=n, order=order),
                f"{order} {n} {group}, ranking period {period}" + ("" if figs else "; figures omitted (tie)"),
                figures=figs,
            )
        return items

    # ----- overview ----------------------------------------------------------------------------------------------
    LGBF_SERVICES = {
        "Children's Services": ["children's services", "childrens services"],
        "Adult Social Care Services": ["adult social care", "social care for adults"],
        "Housing Services": ["housing", "housing services"],
        "Environmental Services": ["environmental services", "environment services"],
        "Culture & Leisure Services": ["culture and leisure", "culture & leisure services"],
        "Corporate Services": ["corporate services"],
        "Economic Development": ["economic development"],
        "Financial Sustainability": ["financial sustainability"],
        "Tackling Climate Change": ["tackling climate change", "climate change"],
    }
    SAMPLE_SERVICES = {
        "waste": (
            ["waste", "waste services", "bins and waste"],
            [
                "household_recycling_rate",
                "missed_bins_per_100k",
                "residual_waste_per_household",
                "waste_collection_cost_per_household",
            ],
        ),
        "planning": (["planning", "the planning service"], ["planning_major_in_time", "planning_minor_in_time"]),
        "homelessness": (["homelessness"], ["homelessness_prevention_rate", "temporary_accommodation_per_1000"]),
        "revenues": (["revenues", "the revenues service"], ["council_tax_collection", "business_rates_collection"]),
        "complaints": (["complaints", "complaints handling"], ["complaints_in_time", "stage2_complaints_upheld"]),
        "workforce": (["workforce", "our workforce"], ["sickness_absence_days", "staff_turnover"]),
    }
    OVERVIEW = [
        "how are we doing on {s}?",
        "give me an overview of our {s} performance",
        "quick rundown on {s} for us pls",
        "{s} - how are we performing overall?",
        "can i get a summary of how we're doing on {s}",
        "overall picture on {s} please",
        "how's {s} looking for us across the board?",
    ]
    OVERVIEW_NAMED = ["how is {c} doing on {s} overall?", "overview of {s} for {c}", "{c}: how are they doing on {s}?"]

    def overview_items(self, key: str, count: int) -> list:
        items: list = []
        ds = self.ds[key]
        while len(items) < count:
            home = self.home(key)
            area = home
            if key != "sample" and self.rng.random() < 0.3:
                area = self.other(key, {home})
            if key == "oflog":
                s = self.ch(["adult social care", "ASC", "adult social care services", "social care for adults"])
                inds = sorted(i for i in ds.indicators_of(area) if i.startswith("ASC"))
            elif key == "lgbf":
                cat = self.ch(list(self.LGBF_SERVICES))
                s = self.ch(self.LGBF_SERVICES[cat])
                inds = sorted(i for i in ds.indicators_of(area) if ds.category.get(i) == cat)
            else:
                grp = self.ch(list(self.SAMPLE_SERVICES))
                s = self.ch(self.SAMPLE_SERVICES[grp][0])
                inds = sorted(i for i in self.SAMPLE_SERVICES[grp][1] if ds.series(i, area))
            if not inds:
                continue
            if area == home:
                text = self.ch(self.OVERVIEW).format(s=s)
            else:
                text = self.ch(self.OVERVIEW_NAMED).format(s=s, c=self.council(key, area))
            self.add(
                items,
                "overview",
                key,
                home,
                [decorate(self.rng, text)],
                reading("overview", inds, [area]),
                f"service overview: {s} ({len(inds)} indicators held)",
            )
        return items

    # ----- target ------------------------------------------------------------------------------------------------
    def target_items(self, count: int) -> list:
        items: list = []
        ds = self.ds["sample"]
        home = SAMPLE_HOME
        while len(items) < count:
            ind = self.ch(self.inds("sample", home))
            m = self.measure("sample", ind)
            r = self.rng.random()
            if r < 0.4:
                text = self.ch(
                    [
                        "are we hitting target on {m}?",
                        "{m} - are we on target?",
                        "how far off target are we on {m}",
                        "is {m} meeting its target at the moment?",
                        "are we on track against the {m} target?",
                    ]
                ).format(m=m)
                exp = reading("target", [ind], [home])
            elif r < 0.75 or not ds.has_quarters(ind, home):
                p = self.held_year("sample", ind, [home])
                pt = year_text(self.rng, p)
                text = self.ch(
                    [
                        "did we meet the target for {m} in {p}?",
                        "In {p}, did we hit our {m} target?",
                        "{p}: {m} against target?",
                        "was {m} on target in {p}",
                    ]
                ).format(m=m, p=pt)
                exp = reading("target", [ind], [home], to=p)
            else:
                q = self.ch([p for p in ds.series(ind, home) if len(p) > 7])
                text = self.ch(["did we hit the {m} target in {p}?", "{p} - {m} vs target?"]).format(
                    m=m, p=quarter_text(self.rng, q)
                )
                exp = reading("target", [ind], [home], to=q)
            self.add(items, "target", "sample", home, [decorate(self.rng, text)], exp, "target question")
        return items

    # ----- period not held ---------------------------------------------------------------------------------------
    def closest(self, key: str, ind: str, area: str, asked: str):
        ann = self.ds[key].annual(ind, area)
        y = pstart(asked)
        d = sorted((abs(pstart(p) - y), p) for p in ann)
        if not d or (len(d) > 1 and d[0][0] == d[1][0]):
            return None
        return d[0][1]

    def pnh_items(self, key: str, count: int) -> list:
        items: list = []
        ds = self.ds[key]
        while len(items) < count:
            home = self.home(key)
            named = key == "sample" and self.rng.random() < 0.5 or key != "sample" and self.rng.random() < 0.3
            area = self.other(key, {home}) if named else home
            ind = self.ch(self.inds(key, area))
            ann = sorted(ds.annual(ind, area))
            first, last = pstart(ann[0]), pstart(ann[-1])
            kind = self.ch(["before", "after", "gap", "quarter"])
            if kind == "quarter" and not (key == "sample" and area == home and ds.has_quarters(ind, home)):
                if key == "sample":
                    if ds.has_quarters(ind, area):
                        continue
                    asked = f"2024-25 Q{self.ch([1, 2])}"
                    held = "2023-24"
                else:
                    held = self.ch(ann)
                    asked = f"{held} Q{self.ch([1, 2, 3, 4])}"
                pt = quarter_text(self.rng, asked)
            elif kind == "quarter":
                continue
            else:
                if kind == "before":
                    y = first - self.ch([1, 2, 3])
                elif kind == "after":
                    if key == "sample" and ds.has_quarters(ind, area):
                        continue
                    y = last + self.ch([1, 2])
                else:
                    gaps = [y for y in range(first, last) if pname(y) not in ann]
                    if not gaps:
                        continue
                    y = self.ch(gaps)
                asked = pname(y)
                held = self.closest(key, ind, area, asked)
                if held is None:
                    continue
                pt = year_text(self.rng, asked)
            m = self.measure(key, ind)
            if named:
                c = self.council(key, area)
                tmpl = self.ch(["what was {c}'s {m} in {p}?", "{m} for {c} in {p}?", "In {p}, what was {m} for {c}?"])
                if "{c}'s" in tmpl and not c[-1].isalpha():
                    continue
                text = tmpl.format(c=c, m=m, p=pt)
            else:
                text = self.ch(
                    [
                        "what was our {m} in {p}?",
                        "{p} - our {m}?",
                        "can I have our {m} for {p}",
                        "In {p}, what was our {m}?",
                    ]
                ).format(m=m, p=pt)
            self.add(
                items,
                "period_not_held",
                key,
                home,
                [decorate(self.rng, text)],
                reading("value", [ind], [area], to=asked),
                f"{asked} not held ({kind}); closest held year {held}",
                figures=[fig(ind, area, held, ds.value(ind, area, held))],
            )
        return items

    # ----- unknown -----------------------------------------------------------------------------------------------
    WALES_NI = [
        "Cardiff",
        "Swansea",
        "Gwynedd",
        "Powys",
        "Wrexham",
        "Rhondda Cynon Taf",
        "Belfast",
        "Derry City and Strabane",
        "Armagh City, Banbridge and Craigavon",
        "Newport (Wales)",
    ]
    DISTRICTS = [
        "Cheltenham",
        "Stroud",
        "Tewkesbury",
        "Broxtowe",
        "Gedling",
        "Mansfield",
        "Chelmsford",
        "Colchester",
        "Maidstone",
        "Tunbridge Wells",
        "Sevenoaks",
        "Norwich City Council",
        "Ipswich",
        "Exeter",
        "Lancaster City Council",
        "Harlow",
    ]
    MADE_UP = [
        "Borsetshire",
        "Midsomer County Council",
        "Ambridge District Council",
        "Wessex County Council",
        "Royston Vasey",
        "Lower Wittering Borough Council",
        "Grimsdale Council",
    ]
    NO_MEASURE = [
        "pothole repairs within 24 hours",
        "parking fines income",
        "food bank referrals",
        "library opening hours",
        "NO2 air quality readings",
        "number of allotment plots",
        "burial fees",
        "public toilet provision",
        "electric vehicle chargepoints installed",
        "dog fouling fines issued",
    ]
    CHAT = [
        "thanks, that's brilliant",
        "who built you?",
        "can you write a poem about scrutiny committees?",
        "good morning!",
        "are you a real person?",
        "lol ok",
        "whats the wifi password for the chamber",
        "tell me a joke",
        "ta very much, that'll do for now",
        "what time is full council on monday?",
    ]
    LGBF_ONLY = [
        "cost per library visit",
        "street cleanliness score",
        "cost per secondary school pupil",
        "school leavers entering positive destinations",
        "council homes meeting SHQS",
        "home care costs per hour for over 65s",
        "business gateway start-ups",
        "recycling rate",
        "cost per attendance at sports facilities",
    ]
    OFLOG_ONLY = [
        "adult social care workforce turnover",
        "outcome of short-term services (sequel to service)",
        "carer-reported quality of life score",
        "ease of finding information for carers",
        "requests for adult social care support resulting in a service",
    ]

    def unknown_items(self, key: str, count: int) -> list:
        items: list = []
        while len(items) < count:
            home = self.home(key)
            opts = ["chat", "measure"]
            if key == "oflog":
                opts += ["wales", "district", "made", "cross", "cross"]
            elif key == "lgbf":
                opts += ["wales", "made", "cross", "cross"]
            else:
                opts += ["made", "cross", "cross", "wales"]
            kind = self.ch(opts)
            if kind == "chat":
                text, note = self.ch(self.CHAT), "chit-chat"
            elif kind == "measure":
                x = self.ch(self.NO_MEASURE)
                text = self.ch(
                    [
                        "what's our {x}?",
                        "how are we doing on {x}",
                        "{x} for us last year?",
                        "can you show me {x} compared with similar councils",
                    ]
                ).format(x=x)
                note = "measure no dataset holds"
            elif kind == "wales":
                x = self.ch(self.WALES_NI)
                m = self.ch(list(MEASURES[key].values())[:3])[0][0] if key != "oflog" else "care staff turnover"
                text = self.ch(["what's {x}'s {m}?", "how does {x} compare with us on {m}?", "{m} in {x}?"]).format(
                    x=x, m=m
                )
                note = "Welsh or Northern Irish council"
            elif kind == "district":
                x = self.ch(self.DISTRICTS)
                text = self.ch(
                    [
                        "what's {x}'s carer quality of life score?",
                        "{x} adult social care staff turnover?",
                        "how does {x} do on short-term services outcomes?",
                    ]
                ).format(x=x)
                note = "English district asked an Oflog measure"
            elif kind == "made":
                x = self.ch(self.MADE_UP)
                m = self.measure(key, self.ch(list(MEASURES[key])))
                text = self.ch(["what's {x}'s {m}?", "how do we compare with {x} on {m}?", "{m} for {x}?"]).format(
                    x=x, m=m
                )
                note = "made-up council"
            else:
                if key == "oflog":
                    x, note = self.ch(self.LGBF_ONLY), "English home asking an LGBF-only measure"
                else:
                    x = self.ch(self.OFLOG_ONLY)
                    note = "Scottish home asking an Oflog measure" if key == "lgbf" else "sample home, Oflog measure"
                text = self.ch(
                    ["what's our {x}?", "how are we doing on {x}?", "{x} - latest for us?", "has our {x} improved?"]
                ).format(x=x)
            self.add(items, "unknown", key, home, [decorate(self.rng, text)], reading("unknown", [], []), note)
        return items

    # ----- build -------------------------------------------------------------------------------------------------
    def build(self) -> tuple:
        fams: dict = {}
        for fam, split in SPLIT.items():
            fams[fam] = []
            for key, count in split.items():
                if fam == "value":
                    got = self.value_items(key, count)
                elif fam == "names":
                    got = self.names_items(key, count)
                elif fam == "span":
                    got = self.span_items(key, count)
                elif fam == "trend":
                    got = self.trend_items(key, count)
                elif fam == "compare":
                    got = self.compare_items(key, count)
                elif fam == "rank":
                    got = self.rank_items(key, count)
                elif fam == "overview":
                    got = self.overview_items(key, count)
                elif fam == "target":
                    got = self.target_items(count)
                elif fam == "period_not_held":
                    got = self.pnh_items(key, count)
                elif fam == "unknown":
                    got = self.unknown_items(key, count)
                else:
                    got = []
                    while len(got) < count:
                        t = build_thread(self, key)
                        if t:
                            home, turns, each, figs, note = t
                            self.add(got, "followup", key, home, turns, each[-1], note, figures=figs, expect_each=each)
                fams[fam].append((key, got))
        dev, hold = [], []
        for fam, groups in fams.items():
            n = 0
            for _key, got in groups:
                self.rng.shuffle(got)
                for i, item in enumerate(got):
                    n += 1
                    item["id"] = f"b10-{fam}-10{n:02d}"
                    (dev if i % 2 == 0 else hold).append(item)
        return dev, hold


def dump(name: str, items: list) -> None:
    doc = {"set": f"understanding_blind10_{name}", "seed": SEED, "count": len(items), "items": items}
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=None)
    (OUT / f"{name}.yaml").write_text(text, encoding="utf-8")


def main() -> None:
    dev, hold = Gen().build()
    dump("dev", dev)
    dump("holdout", hold)
    print(f"dev {len(dev)}  holdout {len(hold)}")


if __name__ == "__main__":
    main()
