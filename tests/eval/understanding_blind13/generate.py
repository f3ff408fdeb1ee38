"""Build the set-13 blind question-understanding evaluation set from the raw data files.

Run from /work/main:  .venv/bin/python tests/eval/understanding_blind13/generate.py

Every expected reading, ranking size, ranking period and figure is computed here with pandas from
/work/shared/data (Oflog ASC, LGBF) and bot/sample_pack/data (the sample council). Wording comes from lexicon.py and
the templates below. One random.Random(SEED) drives every choice, so reruns write byte-identical files.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pandas as pd
import yaml

sys.dont_write_bytecode = True  # keep the set directory free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))
import lexicon as lx  # noqa: E402

SEED = 13131313
HERE = Path(__file__).resolve().parent
MAIN = HERE.parents[2]
SHARED = MAIN.parent / "shared" / "data"
SAMPLE_DIR = MAIN / "bot" / "sample_pack" / "data"
SAMPLE_HOME = "E07999001"

COUNTS = {
    "names": {"oflog": 28, "lgbf": 26, "sample": 16},
    "rank": {"oflog": 26, "lgbf": 26, "sample": 18},
    "followup": {"oflog": 25, "lgbf": 25, "sample": 20},
    "value": {"oflog": 10, "lgbf": 10, "sample": 10},
    "span": {"oflog": 10, "lgbf": 10, "sample": 10},
    "trend": {"oflog": 10, "lgbf": 10, "sample": 10},
    "compare": {"oflog": 15, "lgbf": 15, "sample": 10},
    "overview": {"oflog": 8, "lgbf": 10, "sample": 7},
    "target": {"sample": 20},
    "period_not_held": {"oflog": 9, "lgbf": 9, "sample": 7},
    "unknown": {"oflog": 12, "lgbf": 10, "sample": 8},
}

QUARTER_RE = re.compile(r"^\d{4}-\d{2} Q[1-4]$")
YEAR_RE = re.compile(r"^\d{4}-\d{2}$")


# ----------------------------------------------------------------------------------------------------------------------
# data
# ----------------------------------------------------------------------------------------------------------------------


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return "S-" + s


def fy_shift(p: str, years: int) -> str:
    y = int(p[:4]) + years
    return f"{y}-{(y + 1) % 100:02d}"


def fy_dist(a: str, b: str) -> int:
    return abs(int(a[:4]) - int(b[:4]))


class Data:
    """One dataset: values by (indicator, area), names, polarity, comparator groups."""

    def __init__(self, name: str):
        self.name = name
        self.vals: dict[tuple[str, str], dict[str, float]] = {}
        self.area_name: dict[str, str] = {}
        self.pol: dict[str, str | None] = {}
        self.homes: list[str] = []
        self.nameable: list[str] = []
        self.inds: list[str] = []

    def add(self, ind: str, area: str, period: str, value: float) -> None:
        self.vals.setdefault((ind, area), {})[period] = float(value)

    def s(self, ind: str, area: str) -> dict[str, float]:
        return self.vals.get((ind, area), {})

    def annual(self, ind: str, area: str) -> list[str]:
        return sorted(p for p in self.s(ind, area) if YEAR_RE.match(p))

    def latest(self, ind: str, area: str) -> str | None:
        a = self.annual(ind, area)
        return a[-1] if a else None

    def value(self, ind: str, area: str, period: str) -> float | None:
        return self.s(ind, area).get(period)

    def group(self, home: str, ind: str) -> list[str]:
        raise NotImplementedError

    def national(self, ind: str) -> list[str]:
        raise NotImplementedError

    def all_periods(self, ind: str, areas: list[str]) -> list[str]:
        ps: set[str] = set()
        for a in areas:
            ps.update(self.s(ind, a))
        return sorted(ps)

    def latest_half(self, ind: str, areas: list[str]) -> str | None:
        for p in reversed(self.all_periods(ind, areas)):
            held = sum(1 for a in areas if p in self.s(ind, a))
            if held * 2 >= len(areas):
                return p
        return None

    def closest_held(self, ind: str, area: str, asked: str) -> str | None:
        """Single closest held annual period to the asked year (quarters use their year); None on a tie."""
        base = asked[:7]
        held = self.annual(ind, area)
        if not held:
            return None
        dists = sorted((fy_dist(p, base), p) for p in held)
        if len(dists) > 1 and dists[0][0] == dists[1][0]:
            return None
        return dists[0][1]


class Oflog(Data):
    EXCLUDED_NAMES = {
        "Buckinghamshire",
        "Dorset",
        "Northamptonshire",
        "Bournemouth",
        "Poole",
        "Bournemouth, Christchurch and Poole",
        "Isles of Scilly",
        "City of London",
    }

    def __init__(self) -> None:
        super().__init__("oflog")
        df = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv", dtype=str)
        df = df.apply(lambda c: c.str.strip())
        df["Code"] = df["Code"].str.upper()
        df["v"] = pd.to_numeric(df["Value"], errors="coerce")
        for row in df.drop_duplicates("Local authority code").itertuples():
            self.area_name[row[2]] = row[3]
        self.entity = dict(zip(df["Local authority code"], df["Entity_Name"], strict=True))
        cols = ["Code", "Local authority code", "Financial year", "v"]
        for ind, area, per, v in df.dropna(subset=["v"])[cols].values:
            self.add(ind, area, per, v)
        self.nn = json.loads((SHARED / "oflog_asc" / "nearest_neighbours.json").read_text())
        self.excluded = sorted(c for c, n in self.area_name.items() if n in self.EXCLUDED_NAMES)
        exc = set(self.excluded)
        ok = []
        for c in sorted(self.area_name):
            if c in exc or c not in self.nn:
                continue
            if exc & set(self.nn[c]):
                continue
            ok.append(c)
        self.homes = ok
        self.nameable = ok
        self.pol = {"ASC1": "hi", "ASC2": "hi", "ASC3": "hi", "ASC4": "hi", "ASC5": "hi", "ASC6": None, "ASC7": "lo"}
        self.inds = sorted(self.pol)
        self.all_areas = sorted(self.area_name)

    def group(self, home: str, ind: str) -> list[str]:
        return list(self.nn[home])

    def national(self, ind: str) -> list[str]:
        return self.all_areas


class Lgbf(Data):
    def __init__(self) -> None:
        super().__init__("lgbf")
        info = pd.read_csv(SHARED / "lgbf" / "indicator_information.csv", encoding="utf-8-sig")
        self.info = info.set_index("Code")
        df = pd.read_csv(SHARED / "lgbf" / "lgbf_values_real.csv")
        df = df.dropna(subset=["LocalAuthority", "LA_IndicatorReal"])
        self.single = df[df["Year"].astype(str).str.match(r"^\d{4}-\d{2}$")]
        for ind, la, per, v in self.single[["Code", "LocalAuthority", "Year", "LA_IndicatorReal"]].values:
            self.add(ind, slug(la), per, v)
        for la in sorted(df["LocalAuthority"].unique()):
            self.area_name[slug(la)] = la
        fg = pd.read_csv(SHARED / "lgbf" / "family_groups.csv", encoding="utf-8-sig")
        self.fam: dict[tuple[str, str], list[str]] = {}
        for (typ, _grp), sub in fg.groupby(["Type", "Family_Group"]):
            members = sorted(slug(x) for x in sub["Local_Authority"])
            for m in members:
                self.fam[(typ, m)] = members
        for code in lx.LGBF_MEASURES:
            rt = self.info.loc[code, "Ranking_Type"]
            self.pol[code] = {"Ascending": "lo", "Descending": "hi"}.get(rt)
        self.inds = list(lx.LGBF_MEASURES)
        self.homes = sorted(self.area_name)
        self.nameable = self.homes

    def group(self, home: str, ind: str) -> list[str]:
        return self.fam[(self.info.loc[ind, "FamilyGrouping"], home)]

    def national(self, ind: str) -> list[str]:
        return self.homes

    def category_held(self, cat: str, area: str) -> list[str]:
        codes = set(self.info.index[self.info["ISCategory"] == cat])
        sub = self.single[(self.single["Code"].isin(codes)) & (self.single["LocalAuthority"] == self.area_name[area])]
        return sorted(sub["Code"].unique())


class Sample(Data):
    def __init__(self) -> None:
        super().__init__("sample")
        df = pd.read_csv(SAMPLE_DIR / "indicators.csv")
        meta = pd.read_csv(SAMPLE_DIR / "indicator_meta.csv")
        for ind, area, per, v in df[["indicator_id", "area_code", "period", "value"]].values:
            self.add(ind, area, per, v)
        for area, nm in df[["area_code", "area_name"]].drop_duplicates().values:
            self.area_name[area] = nm
        self.targets = {}
        for ind, area, per, t in df[["indicator_id", "area_code", "period", "target"]].dropna().values:
            self.targets[(ind, area, per)] = float(t)
        for ind, pol in meta[["indicator_id", "polarity"]].values:
            self.pol[ind] = {"higher_is_better": "hi", "lower_is_better": "lo"}.get(pol)
        nn = pd.read_csv(SAMPLE_DIR / "nearest_neighbours.csv")
        self.nn = sorted(nn[nn["area_code"] == SAMPLE_HOME]["member_code"])
        self.inds = list(lx.SAMPLE_MEASURES)
        self.homes = [SAMPLE_HOME]
        self.nameable = sorted(self.area_name)

    def group(self, home: str, ind: str) -> list[str]:
        return self.nn

    def national(self, ind: str) -> list[str]:
        raise ValueError("no national figure in the sample pack")

    def quarterly(self, ind: str) -> bool:
        return any(QUARTER_RE.match(p) for p in self.s(ind, SAMPLE_HOME))


# ----------------------------------------------------------------------------------------------------------------------
# wording helpers
# ----------------------------------------------------------------------------------------------------------------------

WORDS = {
    10: "ten",
    11: "eleven",
    12: "twelve",
    13: "thirteen",
    14: "fourteen",
    15: "fifteen",
    16: "sixteen",
    17: "seventeen",
    18: "eighteen",
    19: "nineteen",
    20: "twenty",
}
NUM_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 8: "eight", 10: "ten"}


def possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def lev(a: str, b: str) -> int:
    a, b = a.lower(), b.lower()
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


class Writer:
    def __init__(self, rng: random.Random, data: dict[str, Data]):
        self.rng = rng
        self.data = data
        names = []
        for d in data.values():
            names.extend(d.area_name.values())
        self.all_names = sorted(set(names))

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # periods --------------------------------------------------------------------------------------------------------
    def fy(self, p: str, bare: bool = True, words: bool = True) -> str:
        y = int(p[:4])
        y2 = y + 1
        s2 = f"{y2 % 100:02d}"
        opts = [
            f"{y}/{s2}",
            f"{y}-{s2}",
            f"{y}-{y2}",
            f"{y}/{y2}",
            f"FY{y % 100:02d}/{s2}",
            f"the {y}/{s2} financial year",
            f"financial year {y}-{s2}",
            f"{y}/{s2}",
        ]
        if bare:
            opts.append(str(y))
        if words and 2010 <= y <= 2019:
            opts.append(f"twenty {WORDS[y % 100]}-{WORDS[y2 % 100]}")
        return self.pick(opts)

    def quarter(self, p: str) -> str:
        y = int(p[:4])
        q = p[-1]
        s2 = f"{(y + 1) % 100:02d}"
        ordinal = {"1": "first", "2": "second", "3": "third", "4": "fourth"}[q]
        return self.pick(
            [f"{y}-{s2} Q{q}", f"Q{q} {y}/{s2}", f"quarter {q} of {y}-{s2}", f"the {ordinal} quarter of {y}/{s2}"]
        )

    def in_period(self, p: str | None) -> str:
        """Phrase for 'in P' or for the latest period."""
        if p is None:
            return self.pick(["", "at the moment", "currently", "at present", "on the latest data", "right now", ""])
        if QUARTER_RE.match(p):
            return "in " + self.quarter(p)
        return self.pick(["in ", "in ", "for ", "during "]) + self.fy(p)

    # measures -------------------------------------------------------------------------------------------------------
    def m(self, ds: str, ind: str, first: bool = False) -> str:
        if first:
            return lx.MEASURES[ds][ind][0]
        return self.pick(lx.MEASURES[ds][ind])

    # councils -------------------------------------------------------------------------------------------------------
    def name_variants(self, ds: str, code: str) -> list[str]:
        d = self.data[ds]
        base = d.area_name[code]
        if ds == "oflog":
            special = {
                "E06000055": ["Bedford Borough Council"],
                "E06000016": ["Leicester City Council"],
                "E06000015": ["Derby City Council"],
                "E06000018": ["Nottingham City Council"],
            }
            if code in special:
                return special[code]
            base = base.replace("St. Helens", "St Helens")
            out = [base]
            if code in lx.OFLOG_NAMES:
                out += lx.OFLOG_NAMES[code]
            else:
                ent = d.entity.get(code, "")
                if ent == "Counties":
                    out.append(f"{base} County Council")
                elif ent == "London Boroughs":
                    out.append(f"London Borough of {base}")
                    out.append(f"LB {base}")
                else:
                    out.append(f"{base} Council")
            if " and " in base:
                out.append(base.replace(" and ", " & "))
            return out
        if ds == "lgbf":
            out = [base] + lx.LGBF_NAMES.get(base, [])
            if "&" in base:
                out.append(base.replace("&", "and"))
            return out
        short = base.rsplit(" ", 2)[0]
        out = [base, short]
        for suffix, abbrs in lx.SAMPLE_SHORT.items():
            if base.endswith(suffix):
                out += [f"{short} {a}" for a in abbrs]
        return out

    def typo(self, name: str) -> str | None:
        """One-letter typo, only when the intended name stays nearest by a clear margin."""
        words = name.split()
        idx = [i for i, w in enumerate(words) if len(w) >= 7 and w.isalpha()]
        if not idx:
            return None
        i = self.pick(idx)
        w = words[i]
        k = self.rng.randrange(2, len(w) - 2)
        kind = self.rng.randrange(3)
        if kind == 0:
            w2 = w[:k] + w[k + 1 :]
        elif kind == 1:
            w2 = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
        else:
            w2 = w[:k] + w[k] + w[k:]
        words[i] = w2
        out = " ".join(words)
        if out == name:
            return None
        for other in self.all_names:
            if other.lower() == name.lower():
                continue
            if lev(out, other) <= 3:
                return None
        return out

    def council(self, ds: str, code: str, allow_typo: bool = True) -> str:
        vs = self.name_variants(ds, code)
        v = self.pick(vs)
        r = self.rng.random()
        if allow_typo and r < 0.12:
            t = self.typo(self.data[ds].area_name[code] if ds != "oflog" else vs[0])
            if t:
                return t
        if r > 0.8:
            v = v.lower()
        return v

    # message style --------------------------------------------------------------------------------------------------
    def wrap(self, q: str, context: bool = True) -> str:
        pre = self.pick(lx.PREFIXES) if context else ""
        suf = self.pick(lx.SUFFIXES) if context else ""
        if suf.strip() == "pls" and "please" in q:
            suf = ""
        if pre and pre.endswith(", ") and q[:1].isupper() and not q.startswith(("I ", "FY")):
            q = q[0].lower() + q[1:]
        text = pre + q + suf
        return self.noise(text)

    def noise(self, text: str) -> str:
        text = re.sub(r"\s+", " ", text).strip()
        text = text.replace(" ?", "?").replace(" ,", ",").replace(" .", ".")
        r = self.rng.random()
        if r < 0.2:
            text = text.lower()
        if self.chance(0.2):
            text = text.replace("'", "")
        if self.chance(0.12):
            for a, b in [
                ("committee", "commitee"),
                ("neighbours", "neighbors"),
                ("compare", "comapre"),
                ("performance", "perfomance"),
                ("please", "pls"),
                ("between", "betwen"),
                ("you ", "u "),
                ("are we", "r we"),
            ]:
                if a in text:
                    text = text.replace(a, b, 1)
                    break
        if self.chance(0.15):
            text = text.rstrip("?.")
        return text

    def nn_phrase(self, ds: str) -> str:
        if ds == "lgbf":
            return self.pick(
                [
                    "our family group",
                    "the rest of our family group",
                    "our LGBF family group",
                    "our benchmarking family",
                    "similar councils",
                ]
            )
        return self.pick(
            [
                "our nearest neighbours",
                "our CIPFA nearest neighbours",
                "similar councils",
                "our comparator group",
                "our statistical neighbours",
            ]
        )

    def nat_phrase(self, ds: str) -> str:
        if ds == "lgbf":
            return self.pick(["Scotland", "the Scottish average", "the Scotland figure", "the national figure"])
        return self.pick(["England", "the England figure", "the national picture for England", "the England median"])

    def group_phrase(self, ds: str, token: str) -> str:
        if token == "neighbours":
            return self.nn_phrase(ds)
        if ds == "lgbf":
            return self.pick(["in Scotland", "across Scotland", "among all 32 Scottish councils", "nationally"])
        return self.pick(["in England", "across England", "among all English councils", "nationally"])


# ----------------------------------------------------------------------------------------------------------------------
# readings
# ----------------------------------------------------------------------------------------------------------------------


def R(intent, inds, areas, frm=None, to=None, comparison=None, n=None, order=None) -> dict:
    return {
        "intent": intent,
        "indicators": list(inds),
        "areas": list(areas),
        "periods": {"from": frm, "to": to},
        "comparison": comparison,
        "n": n,
        "order": order,
    }


def UNKNOWN() -> dict:
    return R("unknown", [], [])


def fig(ind: str, area: str, period: str, value: float) -> dict:
    return {"indicator_id": ind, "area_code": area, "period": period, "value": value}


class Skip(Exception):
    pass


class Builder:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.data = {"oflog": Oflog(), "lgbf": Lgbf(), "sample": Sample()}
        self.w = Writer(self.rng, self.data)
        self.items: list[dict] = []
        self.seen: set[str] = set()

    # shared computations ----------------------------------------------------------------------------------------------
    def home(self, ds: str) -> str:
        return self.w.pick(self.data[ds].homes)

    def other(self, ds: str, home: str, ind: str | None = None, exclude=()) -> str:
        d = self.data[ds]
        pool = [c for c in d.nameable if c != home and c not in exclude and (ind is None or d.s(ind, c))]
        return self.w.pick(pool)

    def rankable(self, ds: str) -> list[str]:
        d = self.data[ds]
        return [i for i in d.inds if d.pol.get(i)]

    def ind_for(self, ds: str, area: str, rankable: bool = False) -> str:
        d = self.data[ds]
        pool = self.rankable(ds) if rankable else d.inds
        pool = [i for i in pool if d.annual(i, area)]
        if not pool:
            raise Skip
        return self.w.pick(pool)

    def value_fig(self, ds: str, ind: str, area: str, period: str | None) -> list[dict]:
        d = self.data[ds]
        if period is None:
            if ds == "sample" and area == SAMPLE_HOME and d.quarterly(ind):
                return []
            period = d.latest(ind, area)
            if period is None:
                return []
        v = d.value(ind, area, period)
        return [] if v is None else [fig(ind, area, period, v)]

    def span_figs(self, ds: str, ind: str, area: str, a: str, b: str) -> list[dict]:
        d = self.data[ds]
        va, vb = d.value(ind, area, a), d.value(ind, area, b)
        if va is None or vb is None:
            return []
        return [fig(ind, area, a, va), fig(ind, area, b, vb)]

    def rank(self, ds: str, ind: str, home: str, token: str, n: int, order: str, period: str | None):
        """Returns (ok, figures). ok False = drop the item."""
        d = self.data[ds]
        group = d.group(home, ind) if token == "neighbours" else d.national(ind)
        per = period or d.latest_half(ind, group)
        if per is None:
            return False, []
        vals = [(d.value(ind, c, per), c) for c in group if d.value(ind, c, per) is not None]
        if len(vals) <= n:
            return False, []
        hi = d.pol[ind] == "hi"
        best_first = sorted(vals, key=lambda t: (-t[0], t[1]) if hi else (t[0], t[1]))
        ranked = best_first if order == "best" else list(reversed(best_first))
        listed = ranked[:n]
        if ds == "oflog" and token == "england":
            cut = ranked[n - 1][0]
            better_or_tied = [c for v, c in ranked if (v >= cut if (order == "best") == hi else v <= cut)]
            if any(c in d.excluded for c in better_or_tied):
                return False, []
        if ranked[n - 1][0] == ranked[n][0]:
            return True, []
        return True, [fig(ind, c, per, v) for v, c in listed]

    def position_fig(self, ds: str, ind: str, home: str, token: str, period: str | None) -> list[dict]:
        d = self.data[ds]
        group = d.group(home, ind) if token == "neighbours" else d.national(ind)
        per = period or d.latest_half(ind, group)
        if per is None:
            return []
        v = d.value(ind, home, per)
        return [] if v is None else [fig(ind, home, per, v)]

    def held_year(self, ds: str, ind: str, area: str, min_index: int = 0) -> str:
        a = self.data[ds].annual(ind, area)[min_index:]
        if not a:
            raise Skip
        return self.w.pick(a)

    # item assembly ----------------------------------------------------------------------------------------------------
    def add(self, family, ds, home, turns, expect, note, figures=None, expect_each=None) -> None:
        key = "\n".join(turns)
        if key in self.seen:
            raise Skip
        self.seen.add(key)
        it = {
            "id": None,
            "family": family,
            "dataset": ds,
            "home_area": home,
            "turns": list(turns),
            "expect": expect,
        }
        if expect_each is not None:
            it["expect_each"] = expect_each
        if figures:
            it["figures"] = figures
        it["note"] = note
        self.items.append(it)

    def run_family(self, family: str, fn) -> None:
        for ds, count in COUNTS[family].items():
            made = 0
            tries = 0
            while made < count:
                tries += 1
                if tries > count * 200:
                    raise RuntimeError(f"cannot fill {family}/{ds}")
                before = len(self.items)
                try:
                    fn(ds)
                except Skip:
                    continue
                made += len(self.items) - before

    # families --------------------------------------------------------------------------------------------------------
    def f_value(self, ds: str) -> None:
        w = self.w
        home = self.home(ds)
        ind = self.ind_for(ds, home)
        named = w.chance(0.3)
        area = self.other(ds, home, ind) if named else home
        per = self.held_year(ds, ind, area) if w.chance(0.5) else None
        m = w.m(ds, ind)
        pt = w.in_period(per)
        verb = "was" if per else "is"
        if named:
            c = w.council(ds, area)
            q = w.pick(
                [
                    f"What {verb} the {m} for {c} {pt}?",
                    f"{c} - {m} {pt}, please.",
                    f"Could you give me {possessive(c)} figure for {m} {pt}? The chair wants to quote it.",
                    f"I need the {m} at {c} {pt} for a comparison the chair is drawing in her paper.",
                ]
            )
        else:
            q = w.pick(
                [
                    f"What is our {m} {pt}?",
                    f"Can you tell me what our {m} was {pt}?",
                    f"{m[0].upper() + m[1:]}: what's our figure {pt}?",
                    f"Members will want to know the {m} {pt} - what is it for this council?",
                    f"hows our {m} looking {pt}",
                    f"Could you confirm our figure for {m} {pt} so I can put it in the covering report?",
                ]
            )
            if per is None and w.chance(0.3):
                q = w.pick(
                    [
                        f"What was our {m} last year?",
                        f"What is our latest figure for {m}?",
                        f"where are we currently on {m}?",
                        f"What's the most recent figure we have for {m}?",
                    ]
                )
        exp = R("value", [ind], [area], to=per)
        self.add("value", ds, home, [w.wrap(q)], exp, f"value of {ind} for {area}", self.value_fig(ds, ind, area, per))

    def f_names(self, ds: str) -> None:
        w = self.w
        home = self.home(ds)
        ind = self.ind_for(ds, home)
        d = self.data[ds]
        if w.chance(0.22):
            a1 = self.other(ds, home, ind)
            a2 = self.other(ds, home, ind, exclude=(a1,))
            c1, c2 = w.council(ds, a1), w.council(ds, a2)
            per = self.held_year(ds, ind, a1) if w.chance(0.5) else None
            pt = w.in_period(per)
            m = w.m(ds, ind)
            q = w.pick(
                [
                    f"How do {c1} and {c2} compare on {m} {pt}?",
                    f"Can you set {c1} against {c2} for {m} {pt}?",
                    f"{c1} v {c2} on {m} {pt} please",
                ]
            )
            exp = R("compare", [ind], [a1, a2], to=per, comparison="area")
            self.add("names", ds, home, [w.wrap(q)], exp, f"two named councils: {d.area_name[a1]}, {d.area_name[a2]}")
            return
        area = self.other(ds, home, ind)
        c = w.council(ds, area)
        per = self.held_year(ds, ind, area) if w.chance(0.5) else None
        pt = w.in_period(per)
        m = w.m(ds, ind)
        q = w.pick(
            [
                f"What is the {m} for {c} {pt}?",
                f"{c}: {m} {pt}?",
                f"Could you look up the {m} at {c} {pt}?",
                f"what did {c} report for {m} {pt}" if per else f"what is {c} currently reporting for {m}",
                f"One of our members used to sit on {c} and keeps citing them - what is their {m} {pt}?",
                f"For the benchmarking section, what's the figure for {c} on {m} {pt}?",
            ]
        )
        exp = R("value", [ind], [area], to=per)
        self.add(
            "names",
            ds,
            home,
            [w.wrap(q)],
            exp,
            f"name variant '{c}' -> {d.area_name[area]}",
            self.value_fig(ds, ind, area, per),
        )

    def f_compare(self, ds: str) -> None:
        w = self.w
        d = self.data[ds]
        home = self.home(ds)
        ind = self.ind_for(ds, home)
        m = w.m(ds, ind)
        kinds = ["area", "area3", "neighbours"] + ([] if ds == "sample" else ["national", "national"])
        kind = w.pick(kinds)
        per = self.held_year(ds, ind, home) if w.chance(0.45) else None
        pt = w.in_period(per)
        if kind == "area":
            other = self.other(ds, home, ind)
            c = w.council(ds, other)
            q = w.pick(
                [
                    f"How do we compare with {c} on {m} {pt}?",
                    f"Members have asked how we stack up against {c} for {m} {pt}.",
                    f"Can you compare our {m} with {possessive(c)} {pt}?",
                    f"us vs {c}, {m} {pt}",
                ]
            )
            exp = R("compare", [ind], [home, other], to=per, comparison="area")
            figs = []
            if per:
                figs = self.value_fig(ds, ind, home, per) + self.value_fig(ds, ind, other, per)
                if len(figs) != 2:
                    figs = []
            self.add("compare", ds, home, [w.wrap(q)], exp, f"home vs {d.area_name[other]}", figs)
        elif kind == "area3":
            o1 = self.other(ds, home, ind)
            o2 = self.other(ds, home, ind, exclude=(o1,))
            c1, c2 = w.council(ds, o1), w.council(ds, o2)
            q = w.pick(
                [
                    f"Please compare {m} for us, {c1} and {c2} {pt}.",
                    f"I'd like a comparison of {m} {pt} between ourselves, {c1} and {c2}.",
                    f"For the committee: {m} {pt} - how do we look next to {c1} and {c2}?",
                ]
            )
            exp = R("compare", [ind], [home, o1, o2], to=per, comparison="area")
            self.add("compare", ds, home, [w.wrap(q)], exp, "home vs two named councils")
        elif kind == "neighbours":
            g = w.nn_phrase(ds)
            q = w.pick(
                [
                    f"How does our {m} compare with {g} {pt}?",
                    f"Are we better or worse than {g} on {m} {pt}?",
                    f"The chair wants to know where we sit against {g} for {m} {pt}.",
                    f"{m[0].upper() + m[1:]} {pt} - us compared with {g}, please.",
                ]
            )
            exp = R("compare", [ind], [home, "neighbours"], to=per, comparison="neighbours")
            self.add("compare", ds, home, [w.wrap(q)], exp, "home vs neighbours")
        else:
            nat = "scotland" if ds == "lgbf" else "england"
            g = w.nat_phrase(ds)
            q = w.pick(
                [
                    f"How does our {m} compare with {g} {pt}?",
                    f"Is our {m} above or below {g} {pt}?",
                    f"For the scrutiny paper I need our {m} {pt} set against {g}.",
                ]
            )
            exp = R("compare", [ind], [home, nat], to=per, comparison="national")
            self.add("compare", ds, home, [w.wrap(q)], exp, "home vs national")

    def rank_words(self, ds: str, ind: str, n: int, order: str) -> str:
        """Words for a rank-list request of size n in the given order, polarity-aware."""
        w = self.w
        hi = self.data[ds].pol[ind] == "hi"
        if n == 1:
            high_word = "highest" if (order == "best") == hi else "lowest"
            if w.chance(0.5):
                return f"the single {'best' if order == 'best' else 'worst'}-performing council"
            return f"the council with the {high_word}"
        nw = str(n) if w.chance(0.6) else NUM_WORDS.get(n, str(n))
        if order == "best":
            return w.pick([f"the top {nw}", f"the {nw} best-performing councils", f"the best {nw} councils"])
        return w.pick([f"the bottom {nw}", f"the {nw} worst-performing councils", f"the worst {nw} councils"])

    def rank_question(self, ds: str, ind: str, token: str, n: int, order: str, per: str | None) -> str:
        w = self.w
        m = w.m(ds, ind)
        words = self.rank_words(ds, ind, n, order)
        grp = w.group_phrase(ds, token)
        if token == "neighbours":
            grp = "in " + grp if grp.endswith(("group", "family")) and w.chance(0.5) else "among " + grp
        pt = w.in_period(per) if per else w.pick(["", "on the latest figures", ""])
        if words.startswith("the council with the "):
            hl = words[len("the council with the ") :]
            m0 = w.m(ds, ind, first=True)
            return w.pick(
                [
                    f"Which council {grp} has the {hl} {m0} {pt}?",
                    f"who has the {hl} {m0} {grp} {pt}?",
                ]
            )
        if words.startswith("the single "):
            return w.pick(
                [
                    f"Which is {words} {grp} on {m} {pt}?",
                    f"I'd like to name {words} {grp} for {m} {pt} in the report - who is it?",
                ]
            )
        return w.pick(
            [
                f"Can you list {words} {grp} for {m} {pt}?",
                f"Who are {words} {grp} on {m} {pt}?",
                f"{m[0].upper() + m[1:]}: {words} {grp} {pt}, please.",
                f"For the benchmarking annex I need {words} {grp} for {m} {pt}.",
            ]
        )

    def f_rank(self, ds: str) -> None:
        w = self.w
        d = self.data[ds]
        home = self.home(ds)
        ind = self.ind_for(ds, home, rankable=True)
        tokens = ["neighbours"] if ds == "sample" else ["neighbours", "scotland" if ds == "lgbf" else "england"]
        token = w.pick(tokens)
        per = None
        if w.chance(0.3):
            per = self.held_year(ds, ind, home)
        if w.chance(0.3):
            # position question
            m = w.m(ds, ind)
            grp = w.group_phrase(ds, token)
            pt = w.in_period(per) if per else ""
            if token == "neighbours":
                q = w.pick(
                    [
                        f"Where do we rank among {grp} on {m} {pt}?",
                        f"how do we rank against {grp} for {m} {pt}",
                        f"What position are we in among {grp} for {m} {pt}?",
                    ]
                )
            else:
                q = w.pick(
                    [
                        f"Where do we rank {grp} on {m} {pt}?",
                        f"What position are we {grp} for {m} {pt}?",
                        f"Where do we come {grp} on {m} {pt}, in terms of rank?",
                    ]
                )
            exp = R("rank", [ind], [home, token], to=per, comparison="ranking")
            figs = self.position_fig(ds, ind, home, token, per)
            self.add("rank", ds, home, [w.wrap(q)], exp, f"position of home, group {token}", figs)
            return
        n = w.pick([1, 3, 3, 5, 5, 5, 10] if token != "neighbours" else [1, 3, 3, 5, 5])
        order = w.pick(["best", "best", "worst"])
        ok, figs = self.rank(ds, ind, home, token, n, order, per)
        if not ok:
            raise Skip
        q = self.rank_question(ds, ind, token, n, order, per)
        exp = R("rank", [ind], [token], to=per, comparison="ranking", n=n, order=order)
        note = f"{order} {n} in {token} ({d.pol[ind]} is better)" + ("" if figs else "; tie at cut-off, no figures")
        self.add("rank", ds, home, [w.wrap(q)], exp, note, figs)

    def f_span(self, ds: str) -> None:
        w = self.w
        home = self.home(ds)
        ind = self.ind_for(ds, home)
        area = home
        if w.chance(0.25):
            area = self.other(ds, home, ind)
        held = self.data[ds].annual(ind, area)
        if len(held) < 3:
            raise Skip
        i = self.rng.randrange(0, len(held) - 2)
        j = self.rng.randrange(i + 2, len(held))
        a, b = held[i], held[j]
        m = w.m(ds, ind)
        fa, fb = w.fy(a, bare=False), w.fy(b, bare=False)
        joined = w.pick([f"between {fa} and {fb}", f"from {fa} to {fb}"])
        loose = w.pick([f"between {fa} and {fb}", f"from {fa} to {fb}", f"{fa} to {fb}", f"{fa} -> {fb}"])
        if area == home:
            q = w.pick(
                [
                    f"How did our {m} change {joined}?",
                    f"Could you show me our {m}, {loose}?",
                    f"{m[0].upper() + m[1:]} for us, {loose}, please - the committee wants the trajectory.",
                    f"what happened to our {m} {joined}",
                ]
            )
        else:
            c = w.council(ds, area)
            q = w.pick(
                [
                    f"How did the {m} change at {c} {joined}?",
                    f"Can you chart {possessive(c)} {m}, {loose}?",
                ]
            )
        exp = R("trend", [ind], [area], frm=a, to=b)
        self.add("span", ds, home, [w.wrap(q)], exp, f"explicit span {a}..{b}", self.span_figs(ds, ind, area, a, b))

    def f_trend(self, ds: str) -> None:
        w = self.w
        d = self.data[ds]
        home = self.home(ds)
        ind = self.ind_for(ds, home)
        held = d.annual(ind, home)
        if len(held) < 3:
            raise Skip
        latest = held[-1]
        m = w.m(ds, ind)
        kind = w.pick(["since", "since", "lastn", "nyear", "direction"])
        figs: list[dict] = []
        if kind == "since":
            start = w.pick(held[:-1])
            y = start[:4]
            sp = w.pick([f"since {y}", f"since April {y}", f"since {w.fy(start, bare=False, words=False)}"])
            q = w.pick(
                [
                    f"How has our {m} changed {sp}?",
                    f"Has our {m} improved {sp}? Members want the direction of travel.",
                    f"{sp[0].upper() + sp[1:]}, what has happened to our {m}?",
                    f"can you show the trend in {m} {sp}",
                ]
            )
            exp = R("trend", [ind], [home], frm=start, to=latest)
            figs = self.span_figs(ds, ind, home, start, latest)
            note = f"since {start} -> latest held {latest}"
        elif kind in ("lastn", "nyear"):
            n = w.pick([3, 4, 5])
            start = fy_shift(latest, -n)
            nw = str(n) if w.chance(0.5) else NUM_WORDS[n]
            if kind == "lastn":
                span = w.pick([f"over the last {nw} years", f"over the past {nw} years", f"in the last {nw} years"])
                q = w.pick(
                    [
                        f"How has our {m} moved {span}?",
                        f"What has our {m} done {span}?",
                        f"{m[0].upper() + m[1:]} {span} - getting better or worse?",
                    ]
                )
            else:
                q = w.pick(
                    [
                        f"Could I have the {n}-year trend for our {m}?",
                        f"Please give me a {n}-year trend on our {m} for the briefing.",
                    ]
                )
            exp = R("trend", [ind], [home], frm=start, to=latest)
            figs = self.span_figs(ds, ind, home, start, latest)
            note = f"last {n} years from latest held {latest}"
        else:
            q = w.pick(
                [
                    f"Is our {m} getting better?",
                    f"What's the direction of travel on our {m}?",
                    f"Is our {m} improving or getting worse?",
                    f"which way is our {m} heading",
                ]
            )
            exp = R("trend", [ind], [home])
            note = "trend wording, no span"
        self.add("trend", ds, home, [w.wrap(q)], exp, note, figs)

    OVERVIEW_LGBF = {
        "Adult Social Care Services": ["adult social care", "social work and care for adults"],
        "Children's Services": ["children's services", "children's services and education"],
        "Environmental Services": ["environmental services"],
        "Culture & Leisure Services": ["culture and leisure", "culture and leisure services"],
        "Corporate Services": ["corporate services"],
        "Housing Services": ["housing services", "our housing service"],
        "Economic Development": ["economic development"],
        "Financial Sustainability": ["financial sustainability"],
        "Tackling Climate Change": ["tackling climate change", "climate change"],
    }
    OVERVIEW_SAMPLE = {
        "waste": (
            [
                "household_recycling_rate",
                "missed_bins_per_100k",
                "residual_waste_per_household",
                "waste_collection_cost_per_household",
            ],
            ["waste", "waste and recycling", "the waste service"],
        ),
        "planning": (["planning_major_in_time", "planning_minor_in_time"], ["planning", "development management"]),
        "homelessness": (
            ["homelessness_prevention_rate", "temporary_accommodation_per_1000"],
            ["homelessness", "homelessness and housing options"],
        ),
        "revenues": (["council_tax_collection", "business_rates_collection"], ["revenues", "revenues and collection"]),
        "complaints": (["complaints_in_time", "stage2_complaints_upheld"], ["complaints", "complaints handling"]),
        "workforce": (["sickness_absence_days", "staff_turnover"], ["workforce", "the workforce"]),
    }

    def f_overview(self, ds: str) -> None:
        w = self.w
        d = self.data[ds]
        home = self.home(ds)
        area = home
        named = ds != "sample" and w.chance(0.3)
        if named:
            area = self.other(ds, home)
        if ds == "oflog":
            inds = sorted(i for i in d.inds if d.s(i, area))
            topic = w.pick(["adult social care", "adult social care services", "ASC", "social care for adults"])
            note = "ASC overview"
        elif ds == "lgbf":
            cat = w.pick(list(self.OVERVIEW_LGBF))
            inds = d.category_held(cat, area)
            topic = w.pick(self.OVERVIEW_LGBF[cat])
            note = f"ISCategory {cat}"
        else:
            key = w.pick(list(self.OVERVIEW_SAMPLE))
            inds, words = self.OVERVIEW_SAMPLE[key]
            inds = [i for i in inds if d.s(i, area)]
            topic = w.pick(words)
            note = f"sample grouping {key}"
        if not inds:
            raise Skip
        if named:
            c = w.council(ds, area)
            q = w.pick(
                [
                    f"Give me a picture of how {c} is doing on {topic}.",
                    f"How is {c} performing on {topic} overall?",
                    f"Can I have an overview of {topic} at {c}?",
                ]
            )
        else:
            q = w.pick(
                [
                    f"Give me a picture of how we are doing on {topic}.",
                    f"How are we doing on {topic}?",
                    f"Can you pull together an overview of our performance on {topic} for the committee?",
                    f"hows {topic} looking for us overall",
                    f"I need a rounded summary of {topic} performance ahead of the pre-meet.",
                ]
            )
        exp = R("overview", inds, [area])
        self.add("overview", ds, home, [w.wrap(q)], exp, note)

    def f_target(self, ds: str) -> None:
        w = self.w
        d = self.data[ds]
        home = SAMPLE_HOME
        ind = w.pick(d.inds)
        m = w.m(ds, ind)
        kind = w.pick(["now", "year", "year", "quarter"])
        per = None
        if kind == "year":
            per = w.pick(d.annual(ind, home))
        elif kind == "quarter":
            qs = sorted(p for p in d.s(ind, home) if QUARTER_RE.match(p))
            if not qs:
                raise Skip
            per = w.pick(qs)
        if per is None:
            q = w.pick(
                [
                    f"Are we hitting our target on {m}?",
                    f"Is our {m} on target at the moment?",
                    f"Are we meeting the target for {m}? The portfolio holder says we are.",
                    f"r we on track against target for {m}",
                ]
            )
        else:
            pt = w.in_period(per)
            q = w.pick(
                [
                    f"Did we meet our target for {m} {pt}?",
                    f"Was our {m} on target {pt}?",
                    f"How did our {m} do against target {pt}?",
                ]
            )
        exp = R("target", [ind], [home], to=per)
        figs = []
        if per:
            figs = self.value_fig(ds, ind, home, per)
        elif not d.quarterly(ind):
            figs = self.value_fig(ds, ind, home, None)
        note = "target check" + (f" for {per}" if per else ", latest")
        if per and (ind, home, per) in d.targets:
            note += f" (target {d.targets[(ind, home, per)]:g})"
        self.add("target", ds, home, [w.wrap(q)], exp, note, figs)

    def f_not_held(self, ds: str) -> None:
        w = self.w
        d = self.data[ds]
        home = self.home(ds)
        ind = self.ind_for(ds, home)
        area = home if w.chance(0.75) else self.other(ds, home, ind)
        held = d.annual(ind, area)
        if len(held) < 2:
            raise Skip
        kind = w.pick(["before", "after", "gap", "quarter"])
        if kind == "before":
            asked = fy_shift(held[0], -self.rng.randrange(1, 4))
        elif kind == "after":
            asked = fy_shift(held[-1], self.rng.randrange(1, 3))
            if ds == "sample" and d.quarterly(ind):
                # the sample home holds 2024-25 quarters for these measures; asking a later year would be unclear
                raise Skip
        elif kind == "gap":
            gaps = [fy_shift(held[0], k) for k in range(fy_dist(held[0], held[-1]) + 1)]
            gaps = [g for g in gaps if g not in held]
            if not gaps:
                raise Skip
            asked = w.pick(gaps)
        else:
            if ds == "sample" and area == home and d.quarterly(ind):
                raise Skip
            asked = w.pick(held) + " Q" + str(self.rng.randrange(1, 5))
        if ds == "lgbf" and not QUARTER_RE.match(asked) and int(asked[:4]) < 2008:
            raise Skip
        close = d.closest_held(ind, area, asked)
        if close is None:
            raise Skip
        m = w.m(ds, ind)
        who = "our" if area == home else possessive(w.council(ds, area))
        pt = w.in_period(asked)
        q = w.pick(
            [
                f"What was {who} {m} {pt}?",
                f"Can you give me {who} figure for {m} {pt}?",
                f"I need {who} {m} {pt} for the comparison table.",
            ]
        )
        exp = R("value", [ind], [area], to=asked)
        figs = [fig(ind, area, close, d.value(ind, area, close))]
        self.add("period_not_held", ds, home, [w.wrap(q)], exp, f"{asked} not held ({kind}); closest {close}", figs)

    def f_unknown(self, ds: str) -> None:
        w = self.w
        home = self.home(ds)
        kinds = ["wales_ni", "made_up", "not_held", "chitchat", "cross"]
        if ds == "oflog":
            kinds.append("district")
        kind = w.pick(kinds)
        if kind == "wales_ni":
            c = w.pick(lx.WELSH_NI)
            ind = w.pick(self.data[ds].inds)
            q = f"How does {c} do on {w.m(ds, ind)}?"
            note = "Welsh/NI council"
        elif kind == "made_up":
            c = w.pick(lx.MADE_UP)
            ind = w.pick(self.data[ds].inds)
            q = f"What is the {w.m(ds, ind)} for {c} {w.in_period(None)}?"
            note = "made-up council"
        elif kind == "district":
            c = w.pick(lx.ENGLISH_DISTRICTS)
            ind = w.pick(self.data[ds].inds)
            q = w.pick([f"What's {possessive(c)} figure for {w.m(ds, ind)}?", f"How does {c} do on {w.m(ds, ind)}?"])
            note = "English district asked an Oflog measure"
        elif kind == "not_held":
            q = w.pick(
                [
                    f"What is our figure for {w.pick(lx.NOT_HELD_MEASURES)}?",
                    f"Can you show the trend in {w.pick(lx.NOT_HELD_MEASURES)} since 2019?",
                ]
            )
            note = "measure no dataset holds"
        elif kind == "chitchat":
            q = w.pick(lx.CHITCHAT)
            note = "chit-chat"
        else:
            if ds == "oflog":
                ind = w.pick(["CHN01", "C&L02", "ENV03c", "HSN04b", "CORP08", "SW01"])
                mq = w.m("lgbf", ind)
                note = f"English home asking LGBF-only {ind}"
            elif ds == "lgbf":
                ind = w.pick(["ASC7", "ASC5", "ASC3"])
                mq = w.m("oflog", ind)
                note = f"Scottish home asking Oflog-only {ind}"
            else:
                ind = w.pick(["ASC1", "ASC2", "ASC3", "ASC4", "ASC5"])
                mq = w.m("oflog", ind)
                note = f"sample home asking Oflog {ind}"
            q = w.pick([f"What is our {mq}?", f"How does our {mq} compare with similar councils?"])
        self.add("unknown", ds, home, [w.wrap(q, context=kind != "chitchat")], UNKNOWN(), note)

    # follow-ups ------------------------------------------------------------------------------------------------------
    def f_followup(self, ds: str) -> None:
        w = self.w
        d = self.data[ds]
        home = self.home(ds)
        chains = ["value_year_other", "value_nn_nat", "rank_flip", "since_switch", "cmp_ours", "named_ours"]
        chains += ["position_widen", "nn_switch", "rank_resize", "span_other"]
        chain = w.pick(chains)
        turns: list[str] = []
        each: list[dict] = []
        figs: list[dict] = []
        nat = "scotland" if ds == "lgbf" else "england"
        if chain == "value_year_other":
            ind = self.ind_for(ds, home)
            p = self.held_year(ds, ind, home)
            other = self.other(ds, home, ind)
            if d.value(ind, other, p) is None:
                raise Skip
            turns.append(w.wrap(f"What's our {w.m(ds, ind)} {w.in_period(None)}?"))
            each.append(R("value", [ind], [home]))
            turns.append(w.noise(w.pick([f"and in {w.fy(p)}?", f"what was it in {w.fy(p)}", f"ok - {w.fy(p)}?"])))
            each.append(R("value", [ind], [home], to=p))
            c = w.council(ds, other)
            turns.append(w.noise(w.pick([f"what about {c}?", f"and {c}?", f"same for {c} please"])))
            each.append(R("value", [ind], [other], to=p))
            figs = self.value_fig(ds, ind, other, p)
            if w.chance(0.45):
                ind2 = w.pick([i for i in d.inds if i != ind and d.value(i, other, p) is not None])
                turns.append(w.noise(w.pick([f"and their {w.m(ds, ind2)}?", f"ok and {w.m(ds, ind2)} for them?"])))
                each.append(R("value", [ind2], [other], to=p))
                figs = self.value_fig(ds, ind2, other, p)
        elif chain == "value_nn_nat":
            ind = self.ind_for(ds, home)
            p = self.held_year(ds, ind, home) if w.chance(0.5) else None
            verb = "was" if p else "is"
            turns.append(w.wrap(f"What {verb} our {w.m(ds, ind)} {w.in_period(p)}?"))
            each.append(R("value", [ind], [home], to=p))
            turns.append(w.noise(f"how does that compare with {w.nn_phrase(ds)}?"))
            each.append(R("compare", [ind], [home, "neighbours"], to=p, comparison="neighbours"))
            if ds != "sample":
                turns.append(w.noise(w.pick([f"and against {w.nat_phrase(ds)}?", "and nationally?"])))
                each.append(R("compare", [ind], [home, nat], to=p, comparison="national"))
                if w.chance(0.5):
                    p2 = self.held_year(ds, ind, home)
                    if p2 == p:
                        raise Skip
                    turns.append(w.noise(w.pick([f"and back in {w.fy(p2)}?", f"same comparison for {w.fy(p2)} pls"])))
                    each.append(R("compare", [ind], [home, nat], to=p2, comparison="national"))
        elif chain in ("rank_flip", "rank_resize"):
            ind = self.ind_for(ds, home, rankable=True)
            token = "neighbours" if ds == "sample" else w.pick(["neighbours", nat])
            n = w.pick([3, 5])
            ok, _ = self.rank(ds, ind, home, token, n, "best", None)
            if not ok:
                raise Skip
            turns.append(w.wrap(self.rank_question(ds, ind, token, n, "best", None)))
            each.append(R("rank", [ind], [token], comparison="ranking", n=n, order="best"))
            if chain == "rank_flip":
                ok, _ = self.rank(ds, ind, home, token, n, "worst", None)
                if not ok:
                    raise Skip
                turns.append(w.noise(w.pick([f"and the bottom {n}?", f"now the worst {n}", "and at the other end?"])))
                each.append(R("rank", [ind], [token], comparison="ranking", n=n, order="worst"))
                p = self.held_year(ds, ind, home)
                ok, figs = self.rank(ds, ind, home, token, n, "worst", p)
                if not ok:
                    raise Skip
                turns.append(w.noise(w.pick([f"same again for {w.fy(p)}", f"and in {w.fy(p)}?"])))
                each.append(R("rank", [ind], [token], to=p, comparison="ranking", n=n, order="worst"))
            else:
                n2 = 10 if token != "neighbours" else w.pick([4, 6, 8])
                n2w = str(n2)
                ok, _ = self.rank(ds, ind, home, token, n2, "best", None)
                if not ok:
                    raise Skip
                turns.append(w.noise(w.pick([f"make that the top {n2w}", f"can you extend it to {n2w}?"])))
                each.append(R("rank", [ind], [token], comparison="ranking", n=n2, order="best"))
                ind2 = w.pick([i for i in self.rankable(ds) if i != ind and d.annual(i, home)])
                ok, figs = self.rank(ds, ind2, home, token, n2, "best", None)
                if not ok:
                    raise Skip
                turns.append(w.noise(w.pick([f"and for {w.m(ds, ind2)}?", f"same for {w.m(ds, ind2)} please"])))
                each.append(R("rank", [ind2], [token], comparison="ranking", n=n2, order="best"))
        elif chain == "since_switch":
            ind = self.ind_for(ds, home)
            held = d.annual(ind, home)
            if len(held) < 3:
                raise Skip
            start = w.pick(held[:-2])
            cands = [i for i in d.inds if i != ind and d.latest(i, home) and d.latest(i, home) > start]
            if not cands:
                raise Skip
            ind2 = w.pick(cands)
            y = start[:4]
            turns.append(w.wrap(f"How has our {w.m(ds, ind)} changed since {w.pick([y, 'April ' + y])}?"))
            each.append(R("trend", [ind], [home], frm=start, to=held[-1]))
            turns.append(w.noise(w.pick([f"and {w.m(ds, ind2)}?", f"same question for {w.m(ds, ind2)}"])))
            l2 = d.latest(ind2, home)
            each.append(R("trend", [ind2], [home], frm=start, to=l2))
            figs = self.span_figs(ds, ind2, home, start, l2)
        elif chain == "cmp_ours":
            ind = self.ind_for(ds, home)
            p = self.held_year(ds, ind, home)
            other = self.other(ds, home, ind)
            c = w.council(ds, other)
            turns.append(w.wrap(f"Can you compare us with {c} on {w.m(ds, ind)} {w.in_period(p)}?"))
            each.append(R("compare", [ind], [home, other], to=p, comparison="area"))
            p2 = self.held_year(ds, ind, home)
            if p2 == p:
                raise Skip
            turns.append(w.noise(w.pick([f"what was ours in {w.fy(p2)}?", f"and what was our figure in {w.fy(p2)}"])))
            each.append(R("value", [ind], [home], to=p2))
            figs = self.value_fig(ds, ind, home, p2)
        elif chain == "named_ours":
            ind = self.ind_for(ds, home)
            other = self.other(ds, home, ind)
            p = self.held_year(ds, ind, other)
            if d.value(ind, home, p) is None:
                raise Skip
            c = w.council(ds, other)
            turns.append(w.wrap(f"What was the {w.m(ds, ind)} for {c} {w.in_period(p)}?"))
            each.append(R("value", [ind], [other], to=p))
            turns.append(w.noise(w.pick(["and ours?", "and what was ours?", "how about us?"])))
            each.append(R("value", [ind], [home], to=p))
            figs = self.value_fig(ds, ind, home, p)
        elif chain == "position_widen":
            if ds == "sample":
                raise Skip
            ind = self.ind_for(ds, home, rankable=True)
            m = w.m(ds, ind)
            turns.append(w.wrap(f"Where do we rank among {w.nn_phrase(ds)} on {m}?"))
            each.append(R("rank", [ind], [home, "neighbours"], comparison="ranking"))
            place = "Scotland" if ds == "lgbf" else "England"
            turns.append(w.noise(w.pick([f"and across {place}?", f"what about all of {place}?"])))
            each.append(R("rank", [ind], [home, nat], comparison="ranking"))
            p = self.held_year(ds, ind, home)
            turns.append(w.noise(w.pick([f"and in {w.fy(p)}?", f"what about back in {w.fy(p)}"])))
            each.append(R("rank", [ind], [home, nat], to=p, comparison="ranking"))
        elif chain == "nn_switch":
            ind = self.ind_for(ds, home)
            p = self.held_year(ds, ind, home) if w.chance(0.5) else None
            cands = [i for i in d.inds if i != ind and d.annual(i, home)]
            ind2 = w.pick(cands)
            turns.append(w.wrap(f"How does our {w.m(ds, ind)} compare with {w.nn_phrase(ds)} {w.in_period(p)}?"))
            each.append(R("compare", [ind], [home, "neighbours"], to=p, comparison="neighbours"))
            turns.append(w.noise(w.pick([f"and for {w.m(ds, ind2)}?", f"ok, now {w.m(ds, ind2)}"])))
            each.append(R("compare", [ind2], [home, "neighbours"], to=p, comparison="neighbours"))
            if w.chance(0.4):
                own = w.pick(["and what was our own figure?", "just our own figure for that one, please"])
                turns.append(w.noise(own))
                each.append(R("value", [ind2], [home], to=p))
                figs = self.value_fig(ds, ind2, home, p)
        else:  # span_other
            ind = self.ind_for(ds, home)
            held = d.annual(ind, home)
            if len(held) < 3:
                raise Skip
            a, b = held[0], held[-1]
            if w.chance(0.5):
                a = w.pick(held[:-2])
            other = self.other(ds, home, ind)
            fa, fb = w.fy(a, bare=False), w.fy(b, bare=False)
            turns.append(w.wrap(f"How did our {w.m(ds, ind)} change between {fa} and {fb}?"))
            each.append(R("trend", [ind], [home], frm=a, to=b))
            c = w.council(ds, other)
            turns.append(w.noise(w.pick([f"and for {c}?", f"same period for {c} please", f"what about {c}"])))
            each.append(R("trend", [ind], [other], frm=a, to=b))
            figs = self.span_figs(ds, ind, other, a, b)
        if len(turns) < 2:
            raise Skip
        final = each[-1]
        # figures only on finals that are single values or two-end spans
        if not ((final["intent"] == "value" and len(figs) == 1) or (final["intent"] == "trend" and len(figs) == 2)):
            figs = []
        self.add("followup", ds, home, turns, final, f"follow-up chain {chain}", figs, expect_each=each)

    # build ----------------------------------------------------------------------------------------------------------
    def build(self) -> None:
        self.run_family("names", self.f_names)
        self.run_family("rank", self.f_rank)
        self.run_family("followup", self.f_followup)
        self.run_family("value", self.f_value)
        self.run_family("span", self.f_span)
        self.run_family("trend", self.f_trend)
        self.run_family("compare", self.f_compare)
        self.run_family("overview", self.f_overview)
        self.run_family("target", self.f_target)
        self.run_family("period_not_held", self.f_not_held)
        self.run_family("unknown", self.f_unknown)

    def split(self) -> tuple[list[dict], list[dict]]:
        counters: dict[str, int] = {}
        for it in self.items:
            counters[it["family"]] = counters.get(it["family"], 0) + 1
            it["id"] = f"b13-{it['family']}-{counters[it['family']]:03d}"
        dev, hold = [], []
        groups: dict[tuple[str, str], list[dict]] = {}
        for it in self.items:
            groups.setdefault((it["family"], it["dataset"]), []).append(it)
        for key in sorted(groups):
            g = groups[key][:]
            self.rng.shuffle(g)
            for k, it in enumerate(g):
                (dev if k % 2 == 0 else hold).append(it)
        dev.sort(key=lambda it: it["id"])
        hold.sort(key=lambda it: it["id"])
        return dev, hold


class NoAliasDumper(yaml.SafeDumper):
    """Write repeated readings (expect == expect_each[-1]) in full instead of as YAML anchors."""

    def ignore_aliases(self, data) -> bool:
        return True


def dump(path: Path, name: str, items: list[dict]) -> None:
    doc = {"set": name, "seed": SEED, "count": len(items), "items": items}
    text = yaml.dump(
        doc, Dumper=NoAliasDumper, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False
    )
    path.write_text(text, encoding="utf-8")


def main() -> None:
    b = Builder()
    b.build()
    dev, hold = b.split()
    dump(HERE / "dev.yaml", "understanding_blind13_dev", dev)
    dump(HERE / "holdout.yaml", "understanding_blind13_holdout", hold)
    print(f"dev {len(dev)} holdout {len(hold)} total {len(dev) + len(hold)}")


if __name__ == "__main__":
    main()
