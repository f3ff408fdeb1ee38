"""The item builder: expected readings, their figures, and the convention checks."""

from __future__ import annotations

import random
import re

from d4_data import OFLOG_AVOID, Data, is_fy, period_key, shift

GROUPS = ("england", "scotland", "neighbours")
COUNTRY = {"oflog": "england", "lgbf": "scotland"}


def expect(intent, indicators=(), areas=(), frm=None, to=None, comparison=None, n=None, order=None) -> dict:
    return {
        "intent": intent,
        "indicators": list(indicators),
        "areas": list(areas),
        "periods": {"from": frm, "to": to},
        "comparison": comparison,
        "n": n,
        "order": order,
    }


def unknown() -> dict:
    return expect("unknown")


def tidy(text: str) -> str:
    """Drop a doubled article after a possessive ("our the turnover rate" -> "our turnover rate")."""
    text = re.sub(r"\b(our|their) the ", r"\1 ", text)
    return re.sub(r"  +", " ", text).strip()


class BuildError(Exception):
    pass


class Builder:
    def __init__(self, data: Data, seed: int):
        self.d = data
        self.rng = random.Random(seed)
        self.items: list[dict] = []
        self.seen: set[str] = set()
        self.counters: dict[tuple[str, str], int] = {}

    # ------------------------------------------------------------------ pickers
    def pick(self, seq):
        return self.rng.choice(list(seq))

    def shuffled(self, seq):
        out = list(seq)
        self.rng.shuffle(out)
        return out

    def usable(self, ds: str, area: str) -> bool:
        return not (ds == "oflog" and area in OFLOG_AVOID)

    def latest(self, ds: str, ind: str, area: str, intent: str = "value") -> str | None:
        """Latest held; for the sample pack a quarter only counts in target questions."""
        held = self.d.periods(ds, ind, area)
        if ds == "sample" and intent != "target":
            held = [p for p in held if is_fy(p)]
        return held[-1] if held else None

    # ------------------------------------------------------------------ figures
    def fig(self, ds, ind, area, period) -> dict:
        if area in ("england", "scotland"):
            val = self.d.national.get((ds, ind, period))
        else:
            val = self.d.value(ds, ind, area, period)
        if val is None:
            raise BuildError(f"no value {ds} {ind} {area} {period}")
        return {"indicator_id": ind, "area_code": area, "period": period, "value": val}

    def _period_for(self, ds, ind, area, to, intent="value"):
        if to is not None:
            return to
        if ds == "sample" and intent != "target" and self.d.has_quarters(ds, ind, area):
            raise BuildError(f"'latest' on a quarterly series {ind}")
        per = self.latest(ds, ind, area, intent)
        if per is None:
            raise BuildError(f"nothing held {ds} {ind} {area}")
        return per

    def figures(self, ds: str, home: str, exp: dict) -> list[dict]:
        intent, inds, areas = exp["intent"], exp["indicators"], exp["areas"]
        frm, to = exp["periods"]["from"], exp["periods"]["to"]
        if intent == "unknown":
            return []
        if intent in ("value", "target"):
            return [self.fig(ds, i, a, self._period_for(ds, i, a, to, intent)) for a in areas for i in inds]
        if intent == "trend":
            out = []
            for a in areas:
                for i in inds:
                    if frm is None and to is None:
                        out.append(self.fig(ds, i, a, self._period_for(ds, i, a, None)))
                    else:
                        out.append(self.fig(ds, i, a, frm))
                        out.append(self.fig(ds, i, a, to))
            return out
        if intent == "overview":
            # the latest financial year of each measure (for the sample pack never a quarter)
            return [self.fig(ds, i, areas[0], self.latest(ds, i, areas[0])) for i in inds]
        if intent == "compare":
            comp = exp["comparison"]
            ind = inds[0]
            if comp == "area":
                pers = {a: self._period_for(ds, ind, a, to) for a in areas}
                if to is None and len(set(pers.values())) != 1:
                    raise BuildError("named councils' latest periods differ")
                return [self.fig(ds, ind, a, pers[a]) for a in areas]
            per = self._period_for(ds, ind, areas[0], to)
            if comp == "national":
                return [self.fig(ds, ind, areas[0], per), self.fig(ds, ind, areas[1], per)]
            if comp == "neighbours":
                return [self.fig(ds, ind, areas[0], per)]
            raise BuildError(comp)
        if intent == "rank":
            return self.rank_figures(ds, home, exp)
        raise BuildError(intent)

    def rank_figures(self, ds: str, home: str, exp: dict) -> list[dict]:
        ind = exp["indicators"][0]
        if self.d.polarity[(ds, ind)] is None:
            raise BuildError(f"directionless {ind} ranked")
        scope = exp["areas"][-1]
        per = exp["periods"]["to"] or self.d.scope_latest(ds, scope, home, ind)
        table = self.d.ranked(ds, scope, home, ind, per)
        if len(table) < 4:
            raise BuildError("scope too small")
        n, order = exp["n"], exp["order"]
        if n is None:
            if home not in [a for a, _ in table]:
                raise BuildError("home not held in the ranking period")
            return [self.fig(ds, ind, home, per)]
        if order == "worst":
            table = table[::-1]
        if n > len(table):
            raise BuildError("n larger than the table")
        head = [v for _, v in table[: n + 1]]
        if len(set(head)) != len(head):
            raise BuildError("tie inside the list or at the cut-off")
        return [self.fig(ds, ind, a, per) for a, _ in table[:n]]

    # ------------------------------------------------------------------ checks
    def check(self, item: dict) -> None:
        exp, ds, home = item["expect"], item["dataset"], item["home_area"]
        areas = exp["areas"]
        if exp["intent"] == "unknown":
            if exp != unknown() or item["figures"]:
                raise BuildError("unknown item with content")
            return
        councils = [a for a in areas if a not in GROUPS]
        if home in areas and areas[0] != home:
            raise BuildError("home not first")
        if "neighbours" in areas:
            if areas != [home, "neighbours"]:
                raise BuildError("neighbours must follow the home council")
        for a in councils:
            if (ds, a) not in self.d.names:
                raise BuildError(f"unknown area {a}")
            if not self.usable(ds, a):
                raise BuildError(f"avoided council named {a}")
        if not self.usable(ds, home):
            raise BuildError("avoided home")
        if exp["intent"] == "rank":
            if exp["comparison"] != "ranking":
                raise BuildError("rank without ranking")
            scope = areas[-1]
            if scope in ("england", "scotland") and exp["n"] is not None and areas != [scope]:
                raise BuildError("country ranking areas")
            if exp["n"] is None and (areas != [home, scope] or exp["order"] is not None):
                raise BuildError("where-do-we-come shape")
        if exp["comparison"] == "national":
            if areas[1] != COUNTRY[ds] or len(areas) != 2:
                raise BuildError("national comparison areas")
        frm, to = exp["periods"]["from"], exp["periods"]["to"]
        not_held = item.get("not_held", False)
        if exp["intent"] in ("rank", "overview"):
            return
        for a in councils:
            for ind in exp["indicators"]:
                held = set(self.d.periods(ds, ind, a))
                asked = [p for p in (frm, to) if p is not None]
                if not_held:
                    if all(p in held for p in asked):
                        raise BuildError("period_not_held item is held")
                elif any(p not in held for p in asked):
                    raise BuildError(f"period not held {ind} {a} {asked}")
        if frm is not None and to is not None and period_key(frm) >= period_key(to):
            raise BuildError("span runs backwards")

    # ------------------------------------------------------------------ adding
    def add(self, family, ds, home, turns, exp, note, not_held=False) -> dict:
        if isinstance(turns, str):
            turns = [turns]
        turns = [tidy(t) for t in turns]
        key = " || ".join(turns).strip().lower()
        if key in self.seen:
            raise BuildError("duplicate question")
        figures = [] if not_held else self.figures(ds, home, exp)
        item = {"id": "", "family": family, "dataset": ds, "home_area": home, "turns": list(turns),
                "expect": exp, "figures": figures}
        if not_held:
            item["not_held"] = True
        item["note"] = note
        self.check(item)
        self.seen.add(key)
        count = self.counters.get((family, ds), 0) + 1
        self.counters[(family, ds)] = count
        item["id"] = f"dev4-{family}-{ds}-{count:03d}"
        self.items.append(item)
        return item

    def try_add(self, *args, **kwargs) -> dict | None:
        try:
            return self.add(*args, **kwargs)
        except BuildError:
            return None


def years_back(period: str, n: int) -> str:
    return shift(period, -n)


OFLOG_HOMES = ["E08000035", "E08000015", "E10000016", "E09000003", "E06000052", "E06000015", "E08000024",
               "E10000015", "E06000043", "E08000007", "E10000020", "E09000022", "E06000014", "E06000051",
               "E08000006", "E06000026", "E10000017", "E09000018", "E06000007", "E10000027", "E08000031",
               "E06000018", "E09000032", "E10000034"]
SAMPLE_HOME = "E07999001"


def attempt(fn, tries: int = 400, label: str = ""):
    """Call fn() until it adds an item; fn raises BuildError (or returns None) when a pick does not fit."""
    last = None
    for _ in range(tries):
        try:
            item = fn()
        except BuildError as exc:
            last = exc
            continue
        if item is not None:
            return item
    raise RuntimeError(f"could not build an item ({label}): {last}")


def indicator_pool(b: Builder, ds: str, annual=False, directional=False, pol=None, only=None) -> list[str]:
    from d4_words import IND

    out = []
    for ind in only or IND[ds]:
        p = b.d.polarity[(ds, ind)]
        if directional and p is None:
            continue
        if pol is not None and p != pol:
            continue
        if annual and ds == "lgbf" and b.d.lgbf_period_type[ind] != "Annual":
            continue
        out.append(ind)
    return out


def phrase(b: Builder, ds: str, ind: str) -> str:
    from d4_words import IND

    return b.pick(IND[ds][ind])


def pick_home(b: Builder, ds: str) -> str:
    if ds == "oflog":
        return b.pick(OFLOG_HOMES)
    if ds == "lgbf":
        return b.pick(b.d.areas("lgbf"))
    return SAMPLE_HOME


def pick_other(b: Builder, ds: str, *exclude: str) -> str:
    return b.pick([a for a in b.d.areas(ds) if b.usable(ds, a) and a not in exclude])


def pick_period(b: Builder, ds: str, ind: str, area: str, not_latest=False) -> str:
    held = b.d.fy_periods(ds, ind, area)
    if not_latest:
        held = held[:-1]
    if not held:
        raise BuildError("no financial year held")
    return b.pick(held)
