"""Generate the blind question-understanding set 15 (dev + holdout) from the raw data files.

Run from /work/main:  .venv/bin/python tests/eval/understanding_blind15/generate.py

Every expected reading, ranking size, ranking period and figure is computed from the files (see data.py); only the
wording is written here. One random.Random(SEED) drives every choice, so reruns are byte-identical.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

sys.dont_write_bytecode = True  # keep the set's folder free of caches
sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import SAMPLE_HOME, Data, Skip, fy, reading, start_of  # noqa: E402
from phrasing import Words  # noqa: E402
from threads import Thread  # noqa: E402

SEED = 15151515
OUT = Path(__file__).resolve().parent
DATASETS = ("oflog", "lgbf", "sample")
COUNTS = {
    "names": 60,
    "rank": 60,
    "followup": 120,
    "value": 26,
    "span": 26,
    "trend": 26,
    "compare": 35,
    "overview": 22,
    "target": 17,
    "period_not_held": 22,
    "unknown": 26,
}


def unknown_reading():
    return reading("unknown", [], [])


class Gen:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.d = Data()
        self.w = Words(self.rng, self.d)

    # ------------------------------------------------------------------ helpers
    def pick(self, seq):
        seq = list(seq)
        if not seq:
            raise Skip("empty choice")
        return self.rng.choice(seq)

    def fig(self, ds, code, area, period):
        s = self.d.series(ds, code, area)
        if period not in s:
            raise Skip("no figure")
        return {"indicator_id": code, "area_code": area, "period": period, "value": s[period]}

    def latest_fig(self, ds, code, area):
        """Figure for a 'latest' single value: the council's latest held annual period. Skipped for the sample
        home on measures that also hold 2024-25 quarters (latest quarter vs latest year is not settled)."""
        if ds == "sample" and self.d.sa_quarters.get((code, area)):
            return []
        p = self.d.latest(ds, code, area)
        return [self.fig(ds, code, area, p)] if p else []

    def home(self, ds):
        return self.pick(self.d.homes(ds))

    def measure(self, ds, areas, rankable=False, exclude=()):
        opts = []
        for c in self.d.codes(ds):
            if c in exclude:
                continue
            if rankable and self.d.pol(ds, c) is None:
                continue
            if all(self.d.holds(ds, c, a) for a in areas):
                opts.append(c)
        return self.pick(opts)

    def other(self, ds, code, not_in, need_held=True):
        opts = [a for a in self.d.nameable(ds) if a not in not_in and (not need_held or self.d.holds(ds, code, a))]
        return self.pick(opts)

    def held_year(self, ds, code, areas, lo=None, hi=None):
        sets = [set(self.d.held(ds, code, a)) for a in areas]
        common = sorted(set.intersection(*sets))
        if lo:
            common = [p for p in common if p >= lo]
        if hi:
            common = [p for p in common if p <= hi]
        return self.pick(common)

    def rank_members(self, ds, code, home, group):
        return self.d.group(ds, code, home) if group == "neighbours" else self.d.national(ds)

    def rank_list_ok(self, ds, code, home, group, n, order, period=None):
        """Return (period, figures) for a ranking list; raise Skip when the list breaks a brief rule."""
        members = self.rank_members(ds, code, home, group)
        p = period or self.d.rank_period(ds, code, members)
        if p is None:
            raise Skip("no rank period")
        ranked = self.d.ranked(ds, code, members, p, order)
        if len(ranked) < n + 1:
            raise Skip("group too small")
        listed = ranked[:n]
        tie = ranked[n - 1][1] == ranked[n][1]
        if ds == "oflog" and group == "national":
            cut = ranked[n - 1][1]
            maybe = [a for a, v in ranked if v == cut] + [a for a, _ in listed]
            if any(a in self.d.of_excluded for a in maybe):
                raise Skip("England list holds an excluded council")
        if tie:
            return p, []
        return p, [{"indicator_id": code, "area_code": a, "period": p, "value": v} for a, v in listed]

    # ------------------------------------------------------------------ families
    def family_value(self, ds):
        home = self.home(ds)
        named = self.rng.random() < 0.45
        area = home
        if named:
            code = self.measure(ds, [home])
            area = self.other(ds, code, [home])
        else:
            code = self.measure(ds, [home])
        if self.rng.random() < 0.5:
            p = self.held_year(ds, code, [area])
            msg = self.w.value_q(ds, code, area, home, p)
            return home, [msg], reading("value", [code], [area], None, p), [self.fig(ds, code, area, p)], "value, year"
        msg = self.w.value_q(ds, code, area, home, None)
        return home, [msg], reading("value", [code], [area]), self.latest_fig(ds, code, area), "value, latest"

    def family_names(self, ds):
        home = self.home(ds)
        code = self.measure(ds, [home])
        a = self.other(ds, code, [home])
        typo = self.rng.random() < 0.4
        label = self.w.name(a, typo=typo, short=True)
        if self.rng.random() < 0.25:
            b = self.other(ds, code, [home, a])
            label_b = self.w.name(b, typo=False, short=True)
            p = self.pick([None, None, self.held_year(ds, code, [a, b])])
            msg = self.w.compare_two_named(ds, code, label, label_b, p)
            return (
                home,
                [msg],
                reading("compare", [code], [a, b], None, p, "area"),
                [],
                f"two named councils ({'typo' if typo else 'plain'}: {label!r})",
            )
        p = self.pick([None, self.held_year(ds, code, [a])])
        msg = self.w.value_named(ds, code, label, p)
        figs = [self.fig(ds, code, a, p)] if p else self.latest_fig(ds, code, a)
        return home, [msg], reading("value", [code], [a], None, p), figs, f"name form {label!r}"

    def family_rank(self, ds):
        home = self.home(ds)
        code = self.measure(ds, [home], rankable=True)
        groups = ["neighbours"] if ds == "sample" else ["neighbours", "national"]
        group = self.pick(groups)
        token = "neighbours" if group == "neighbours" else self.d.nat_token(ds)
        if self.rng.random() < 0.3:
            members = self.rank_members(ds, code, home, group)
            p = self.d.rank_period(ds, code, members)
            s = self.d.series(ds, code, home)
            if p not in s:
                raise Skip("home lacks rank period")
            msg = self.w.position_q(ds, code, group, None)
            figs = [{"indicator_id": code, "area_code": home, "period": p, "value": s[p]}]
            return home, [msg], reading("rank", [code], [home, token], comp="ranking"), figs, f"position, {group}"
        n = self.pick([1, 3, 3, 5, 5, 5, 10] if group == "national" else [1, 3, 3, 4, 5, 5])
        order = self.pick(["best", "best", "worst"])
        period = None
        if self.rng.random() < 0.3:
            members = self.rank_members(ds, code, home, group)
            counts = {}
            for m in members:
                for q in self.d.held(ds, code, m):
                    counts[q] = counts.get(q, 0) + 1
            period = self.pick(sorted(q for q, k in counts.items() if k * 2 >= len(members) and k > n))
        p, figs = self.rank_list_ok(ds, code, home, group, n, order, period)
        msg = self.w.rank_q(ds, code, group, n, order, period)
        note = f"{order} {n}, {group}, {'latest ' + p if period is None else period}"
        if not figs:
            note += " (tie at cut-off: no figures)"
        return home, [msg], reading("rank", [code], [token], None, period, "ranking", n, order), figs, note

    def family_span(self, ds):
        home = self.home(ds)
        code = self.measure(ds, [home])
        area = home if self.rng.random() < 0.6 else self.other(ds, code, [home])
        held = self.d.held(ds, code, area)
        if len(held) < 3:
            raise Skip("short series")
        latest = held[-1]
        kind = self.pick(["explicit", "explicit", "since", "lastn"])
        if kind == "explicit":
            a, b = sorted(self.rng.sample(held, 2))
            msg = self.w.span_q(ds, code, area, home, a, b)
            figs = [self.fig(ds, code, area, a), self.fig(ds, code, area, b)]
            return home, [msg], reading("trend", [code], [area], a, b), figs, f"explicit span {a} to {b}"
        if kind == "since":
            a = self.pick(held[:-1])
            msg = self.w.since_q(ds, code, area, home, start_of(a))
            figs = [self.fig(ds, code, area, a), self.fig(ds, code, area, latest)]
            return home, [msg], reading("trend", [code], [area], a, latest), figs, f"since {a} (to latest {latest})"
        n = self.pick([3, 4, 5])
        a = fy(start_of(latest) - n)
        msg = self.w.lastn_q(ds, code, area, home, n)
        figs = [self.fig(ds, code, area, latest)]
        if a in self.d.series(ds, code, area):
            figs.insert(0, self.fig(ds, code, area, a))
        return home, [msg], reading("trend", [code], [area], a, latest), figs, f"last {n} years from {a}"

    def family_trend(self, ds):
        home = self.home(ds)
        code = self.measure(ds, [home])
        area = home if self.rng.random() < 0.6 else self.other(ds, code, [home])
        msg = self.w.trend_q(ds, code, area, home)
        return home, [msg], reading("trend", [code], [area]), [], "direction of travel, no period"

    def family_compare(self, ds):
        home = self.home(ds)
        code = self.measure(ds, [home])
        kinds = ["area", "area", "neighbours"] + ([] if ds == "sample" else ["national", "national"])
        kind = self.pick(kinds)
        p = None
        if self.rng.random() < 0.35:
            p = self.held_year(ds, code, [home])
        if kind == "area":
            k = self.pick([1, 1, 1, 2])
            others = []
            for _ in range(k):
                others.append(self.other(ds, code, [home] + others))
            labels = [self.w.name(o, typo=False) for o in others]
            msg = self.w.compare_area_q(ds, code, labels, p)
            figs = []
            if p and all(p in self.d.series(ds, code, a) for a in [home] + others):
                figs = [self.fig(ds, code, a, p) for a in [home] + others]
            return home, [msg], reading("compare", [code], [home] + others, None, p, "area"), figs, "us vs named"
        if kind == "neighbours":
            msg = self.w.compare_nn_q(ds, code, p)
            return home, [msg], reading("compare", [code], [home, "neighbours"], None, p, "neighbours"), [], kind
        msg = self.w.compare_nat_q(ds, code, p)
        tok = self.d.nat_token(ds)
        return home, [msg], reading("compare", [code], [home, tok], None, p, "national"), [], kind

    def family_overview(self, ds):
        home = self.home(ds)
        if ds == "oflog":
            service = "adult social care"
        elif ds == "lgbf":
            service = self.pick(sorted(self.w.LGBF_SERVICES))
        else:
            service = self.pick(sorted(self.w.SAMPLE_SERVICES))
        area = home
        if self.rng.random() < 0.35:
            area = self.pick([a for a in self.d.nameable(ds) if a != home])
        codes = self.d.overview_codes(ds, area, service)
        if not codes:
            raise Skip("service not held")
        msg = self.w.overview_q(ds, service, area, home)
        return home, [msg], reading("overview", codes, [area]), [], f"overview: {service}"

    def family_target(self, ds):
        home = SAMPLE_HOME
        code = self.measure(ds, [home])
        if self.rng.random() < 0.5:
            p = self.held_year(ds, code, [home])
            if (code, home, p) not in self.d.sa_target:
                raise Skip("no target that year")
            msg = self.w.target_q(code, p)
            return (
                home,
                [msg],
                reading("target", [code], [home], None, p),
                [self.fig(ds, code, home, p)],
                "target, year",
            )
        msg = self.w.target_q(code, None)
        return home, [msg], reading("target", [code], [home]), [], "target, latest"

    def closest_held(self, ds, code, area, asked_start):
        held = self.d.held(ds, code, area)
        dist = sorted((abs(start_of(p) - asked_start), p) for p in held)
        if len(dist) > 1 and dist[0][0] == dist[1][0]:
            raise Skip("tie for closest year")
        return dist[0][1]

    def family_period_not_held(self, ds):
        home = self.home(ds)
        code = self.measure(ds, [home])
        area = home if self.rng.random() < 0.65 else self.other(ds, code, [home])
        held = self.d.held(ds, code, area)
        kinds = ["before", "after", "quarter"]
        gaps = [fy(y) for y in range(start_of(held[0]) + 1, start_of(held[-1])) if fy(y) not in held]
        if gaps:
            kinds += ["gap", "gap"]
        kind = self.pick(kinds)
        if kind == "quarter":
            if ds == "sample" and self.d.sa_quarters.get((code, area)):
                raise Skip("quarters held")
            y = start_of(self.pick(held + [fy(start_of(held[-1]) + 1)]))
            asked = f"{fy(y)} Q{self.pick([1, 2, 3, 4])}"
            close = fy(y) if fy(y) in held else self.closest_held(ds, code, area, y)
        else:
            if kind == "before":
                y = start_of(held[0]) - self.pick([1, 2, 3])
            elif kind == "after":
                y = start_of(held[-1]) + self.pick([1, 2])
                if ds == "sample" and self.d.sa_quarters.get((code, area)) and y == start_of(held[-1]) + 1:
                    raise Skip("2024-25 partly held as quarters")
            else:
                y = start_of(self.pick(gaps))
            asked = fy(y)
            close = self.closest_held(ds, code, area, y)
        msg = self.w.value_q(ds, code, area, home, asked)
        figs = [self.fig(ds, code, area, close)]
        note = f"{kind}: asked {asked}, closest held {close}"
        return home, [msg], reading("value", [code], [area], None, asked), figs, note

    def family_unknown(self, ds):
        home = self.home(ds)
        msg, note = self.w.unknown_q(ds, home)
        return home, [msg], unknown_reading(), [], note

    # ------------------------------------------------------------------ follow-up threads
    def family_followup(self, ds):
        return Thread(self, ds).build()

    # ------------------------------------------------------------------ driver
    def make(self, family, ds, count):
        out = []
        tries = 0
        while len(out) < count:
            tries += 1
            if tries > count * 200:
                raise RuntimeError(f"cannot make {family}/{ds}")
            try:
                res = getattr(self, f"family_{family}")(ds)
            except Skip:
                continue
            home, turns, expect, figs, note = res[:5]
            each = res[5] if len(res) > 5 else None
            key = tuple(t.lower() for t in turns)
            if key in self.seen:
                continue
            self.seen.add(key)
            item = {"id": None, "family": family, "dataset": ds, "home_area": home, "turns": turns, "expect": expect}
            if each:
                item["expect_each"] = each
            if figs:
                item["figures"] = figs
            item["note"] = note
            out.append(item)
        return out

    def run(self):
        self.seen = set()
        plan = {}
        for fam, total in COUNTS.items():
            dss = ["sample"] if fam == "target" else list(DATASETS)
            base, extra = divmod(total, len(dss))
            plan[fam] = [(ds, base + (1 if i < extra else 0)) for i, ds in enumerate(dss)]
        dev, hold = [], []
        flip = 0
        for fam, parts in plan.items():
            fam_items = []
            for ds, k in parts:
                fam_items += self.make(fam, ds, k)
            for i, it in enumerate(fam_items, 1):
                it["id"] = f"b15-{fam}-{i:03d}"
            for ds, _ in parts:
                group = [it for it in fam_items if it["dataset"] == ds]
                self.rng.shuffle(group)
                for j, it in enumerate(group):
                    (dev if (j + flip) % 2 == 0 else hold).append(it)
                flip = (flip + len(group)) % 2  # odd-sized groups alternate which file gets the extra item
        order = {f: i for i, f in enumerate(COUNTS)}

        def key(it):
            return (order[it["family"]], it["id"])

        dev.sort(key=key)
        hold.sort(key=key)
        return dev, hold


def validate(g, items):
    """Independent re-checks of every item against the files; any failure stops the run."""
    d = g.d
    tokens = {"neighbours", "england", "scotland"}
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for it in items:
        ds, e = it["dataset"], it["expect"]
        each = it.get("expect_each")
        if it["family"] == "followup":
            assert each and 3 <= len(each) == len(it["turns"]) <= 5 and each[-1] == e, it["id"]
        else:
            assert each is None and len(it["turns"]) == 1, it["id"]
        assert it["home_area"] in d.homes(ds), it["id"]
        for r in each or [e]:
            if r["intent"] == "unknown":
                assert r == reading("unknown", [], []), it["id"]
                continue
            for code in r["indicators"]:
                assert code in d.codes(ds) or r["intent"] == "overview", (it["id"], code)
            for a in r["areas"]:
                assert a in tokens or a in d.variants, (it["id"], a)
            if r["comparison"] == "ranking" and r["n"] is not None:
                assert r["areas"] in (["neighbours"], ["england"], ["scotland"]) and r["order"] in ("best", "worst")
                assert d.pol(ds, r["indicators"][0]) is not None, it["id"]
            if r["comparison"] == "national":
                assert ds != "sample" and r["areas"] == [it["home_area"], d.nat_token(ds)], it["id"]
            if ds == "oflog":
                for a in r["areas"]:
                    assert a not in d.of_excluded, (it["id"], a)
        for f in it.get("figures", []):
            assert d.series(ds, f["indicator_id"], f["area_code"])[f["period"]] == f["value"], it["id"]


class NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def dump(name, items):
    doc = {"set": f"understanding_blind15_{name}", "seed": SEED, "count": len(items), "items": items}
    text = yaml.dump(
        doc, Dumper=NoAliasDumper, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False
    )
    (OUT / f"{name}.yaml").write_text(text, encoding="utf-8")


def main():
    g = Gen()
    dev, hold = g.run()
    validate(g, dev + hold)
    dump("dev", dev)
    dump("holdout", hold)
    for name, items in (("dev", dev), ("holdout", hold)):
        counts = {}
        for it in items:
            counts[(it["family"], it["dataset"])] = counts.get((it["family"], it["dataset"]), 0) + 1
        print(name, len(items))
        for (f, ds), k in sorted(counts.items(), key=lambda kv: (list(COUNTS).index(kv[0][0]), kv[0][1])):
            print(f"  {f:16s} {ds:7s} {k}")


if __name__ == "__main__":
    main()
