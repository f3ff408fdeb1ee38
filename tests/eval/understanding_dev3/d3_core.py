"""Item building, pickers and the checks every dev3 item passes before it is written."""

from __future__ import annotations

import random

from d3_data import HOME_SAMPLE, LGBF, OFLOG, SAMPLE, Data, is_annual, period_key, shift
from d3_words import IND, PLAIN, ind_ids, plain

GROUPS = {"england", "scotland", "neighbours"}


def fig(ind: str, area: str, period: str, value: float) -> dict:
    return {"indicator_id": ind, "area_code": area, "period": period, "value": value}


def expect(intent: str, inds: list[str] | None = None, areas: list[str] | None = None, frm: str | None = None,
           to: str | None = None, comparison: str | None = None, n: int | None = None,
           order: str | None = None) -> dict:
    return {
        "intent": intent,
        "indicators": list(inds or []),
        "areas": list(areas or []),
        "periods": {"from": frm, "to": to},
        "comparison": comparison,
        "n": n,
        "order": order,
    }


class Builder:
    """Holds the data, the seeded generator and the numbering of items."""

    def __init__(self, data: Data, rng: random.Random) -> None:
        self.data = data
        self.rng = rng
        self._count: dict[tuple[str, str], int] = {}
        self.items: list[dict] = []
        self.topics: set[tuple[str, str]] = set()
        self.once: set[str] = set()

    def add(self, family: str, ds: str, home: str, turns: list[str], exp: dict, figures: list[dict],
            note: str, not_held: bool = False) -> dict:
        key = (family, ds)
        self._count[key] = self._count.get(key, 0) + 1
        item = {
            "id": f"dev3-{family}-{ds}-{self._count[key]:03d}",
            "family": family,
            "dataset": ds,
            "home_area": home,
            "turns": turns,
            "expect": exp,
            "figures": figures,
        }
        if not_held:
            item["not_held"] = True
        item["note"] = note
        self.items.append(item)
        return item

    def retract(self) -> None:
        """Take back the last item (a duplicate question), freeing its number."""
        item = self.items.pop()
        self._count[(item["family"], item["dataset"])] -= 1

    def count(self, family: str, ds: str | None = None) -> int:
        return sum(v for (f, d), v in self._count.items() if f == family and (ds is None or d == ds))

    # ------------------------------------------------------------------ pickers
    def first(self, key: str, options: list[str]) -> str:
        """The first wording of a list the first time it is used (the brief's own examples), then any."""
        if key not in self.once:
            self.once.add(key)
            return options[0]
        return self.rng.choice(options)

    def homes(self, ds: str) -> list[str]:
        if ds == SAMPLE:
            return [HOME_SAMPLE]
        out = []
        for area in self.data.areas(ds):
            if ds == OFLOG:
                members = [m for m in self.data.group(ds, area, "ASC1") if (OFLOG, m) in self.data.names]
                if len(members) < 10:
                    continue
            out.append(area)
        return out

    def home(self, ds: str) -> str:
        return self.rng.choice(self.homes(ds))

    def others(self, ds: str, exclude: list[str]) -> list[str]:
        return [a for a in self.data.areas(ds) if a not in exclude]

    def ind(self, ds: str, exclude: tuple[str, ...] = (), ranked: bool = False, annual: bool = True) -> str:
        pool = [i for i in ind_ids(ds) if i not in exclude]
        if ranked:
            pool = [i for i in pool if self.data.pol(ds, i) is not None]
        if annual and ds == LGBF:
            pool = [i for i in pool if i not in self.data.aggregate]
        return self.rng.choice(pool)

    def name(self, ds: str, area: str) -> str:
        return plain(ds, self.data.name(ds, area), area)

    def common(self, ds: str, ind: str, areas: list[str], annual: bool = True) -> list[str]:
        """Periods every council named holds for the indicator, oldest first."""
        sets = [set(self.data.held(ds, ind, a)) for a in areas]
        found = set.intersection(*sets) if sets else set()
        if annual:
            found = {p for p in found if is_annual(p)}
        return sorted(found, key=period_key)

    def latest_same(self, ds: str, ind: str, areas: list[str]) -> str | None:
        """The latest held period when it is the same for every council named (and annual for the sample pack)."""
        ends = {self.data.latest(ds, ind, a) for a in areas}
        if len(ends) != 1 or None in ends:
            return None
        end = ends.pop()
        if ds == SAMPLE and not is_annual(end):
            return None
        return end

    def val(self, ds: str, ind: str, area: str, period: str) -> dict:
        value = self.data.value(ds, ind, area, period)
        if value is None:
            raise ValueError(f"{ds} {ind} {area} {period} not held")
        return fig(ind, area, period, value)

    def national_fig(self, ds: str, ind: str, period: str) -> dict | None:
        value = self.data.national.get((ds, ind, period))
        if value is None:
            return None
        return fig(ind, "england" if ds == OFLOG else "scotland", period, value)

    def since_options(self, ds: str, ind: str, area: str, min_span: int = 2) -> list[tuple[str, str]]:
        """(from, to) pairs for "since"/"last N years" questions: both ends held, the latest annual."""
        end = self.data.latest(ds, ind, area)
        if end is None or not is_annual(end):
            return []
        held = self.data.held(ds, ind, area)
        return [(p, end) for p in held if is_annual(p) and period_key(end)[1] - period_key(p)[1] >= min_span]


# ---------------------------------------------------------------------- checks before writing
def check(data: Data, item: dict) -> None:
    """Raise when an item disagrees with the data or with the conventions."""
    ds = item["dataset"]
    exp = item["expect"]
    home = item["home_area"]
    ident = item["id"]
    for ind in exp["indicators"]:
        if (ds, ind) not in data.title:
            raise AssertionError(f"{ident}: unknown indicator {ind}")
    areas = exp["areas"]
    if home in areas and areas[0] != home:
        raise AssertionError(f"{ident}: home council not first in areas {areas}")
    if "neighbours" in areas and areas[0] != home:
        raise AssertionError(f"{ident}: neighbours without the home council first")
    for area in areas:
        if area not in GROUPS and (ds, area) not in data.names:
            raise AssertionError(f"{ident}: unknown area {area}")
    periods = [p for p in (exp["periods"]["from"], exp["periods"]["to"]) if p]
    real = [a for a in areas if a not in GROUPS]
    if item.get("not_held"):
        missing = [(i, a, p) for i in exp["indicators"] for a in real for p in periods if not data.holds(ds, i, a, p)]
        if not missing or item["figures"]:
            raise AssertionError(f"{ident}: period_not_held item whose periods are held")
    elif exp["intent"] != "rank":
        for ind in exp["indicators"]:
            for area in real:
                for period in periods:
                    if not data.holds(ds, ind, area, period):
                        raise AssertionError(f"{ident}: {ind} {area} {period} not held")
    if exp["intent"] == "rank":
        if exp["comparison"] != "ranking":
            raise AssertionError(f"{ident}: a rank item without comparison ranking")
        for ind in exp["indicators"]:
            if data.pol(ds, ind) is None:
                raise AssertionError(f"{ident}: {ind} has no direction and is ranked")
    if exp["intent"] == "unknown" and (exp["indicators"] or exp["areas"] or item["figures"]):
        raise AssertionError(f"{ident}: unknown items leave the other fields empty")
    for f in item["figures"]:
        if f["area_code"] in ("england", "scotland"):
            got = data.national.get((ds, f["indicator_id"], f["period"]))
        else:
            got = data.value(ds, f["indicator_id"], f["area_code"], f["period"])
        if got is None or got != f["value"]:
            raise AssertionError(f"{ident}: figure {f} does not equal the data ({got})")
    if ds == SAMPLE and home != HOME_SAMPLE:
        raise AssertionError(f"{ident}: sample items are asked from Northbridge")
    for text in item["turns"]:
        if not text.strip():
            raise AssertionError(f"{ident}: empty turn")


def check_words(data: Data) -> None:
    """Every hand-written indicator and council belongs to the data."""
    for ds, ind in IND:
        if (ds, ind) not in data.title:
            raise AssertionError(f"phrase for unknown indicator {ds} {ind}")
    for code in PLAIN:
        if not any((ds, code) in data.names for ds in (OFLOG, LGBF, SAMPLE)):
            raise AssertionError(f"plain name for unknown council {code}")


__all__ = ["Builder", "check", "check_words", "expect", "fig", "shift"]
