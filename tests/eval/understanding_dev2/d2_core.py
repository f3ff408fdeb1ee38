"""Shared context for the family builders: random choices, names, expectations, figures."""

from __future__ import annotations

import random

from d2_data import OFLOG_AVOID, SAMPLE_HOME, Dataset, is_quarter, period_key
from d2_phrases import GROUP_PHRASES, IND_PHRASES, NAME_VARIANTS, NATIONAL_PHRASES, RANK_SCOPE, pad


def expect(
    intent: str,
    inds: list[str] | None = None,
    areas: list[str] | None = None,
    frm: str | None = None,
    to: str | None = None,
    comparison: str | None = None,
    n: int | None = None,
    order: str | None = None,
) -> dict:
    return {
        "intent": intent,
        "indicators": list(inds or []),
        "areas": list(areas or []),
        "periods": {"from": frm, "to": to},
        "comparison": comparison,
        "n": n,
        "order": order,
    }


class Ctx:
    def __init__(self, datasets: dict[str, Dataset], seed: int) -> None:
        self.rng = random.Random(seed)
        self.ds = datasets
        self.seen: set[str] = set()
        self.homes = {name: self._homes(ds) for name, ds in datasets.items()}
        self.pool = {name: self._pool(ds) for name, ds in datasets.items()}

    # --- pools ----------------------------------------------------------------------------------------------
    def _pool(self, ds: Dataset) -> list[str]:
        areas = sorted({a for (_i, a) in ds.values})
        if ds.name == "oflog":
            areas = [a for a in areas if a not in OFLOG_AVOID]
        return areas

    def _homes(self, ds: Dataset) -> list[str]:
        if ds.name == "sample":
            return [SAMPLE_HOME]
        pool = self._pool(ds)
        if ds.name == "oflog":
            return [
                a
                for a in pool
                if len(ds.groups.get(a, [])) >= 10 and all(ds.holds_indicator(i, a) for i in ds.indicators)
            ]
        return pool

    # --- random helpers -------------------------------------------------------------------------------------
    def choice(self, seq):
        return self.rng.choice(list(seq))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def home(self, ds: Dataset) -> str:
        return self.choice(self.homes[ds.name])

    def other(self, ds: Dataset, *exclude: str, named_only: bool = False) -> str:
        pool = self.pool[ds.name]
        if named_only:
            pool = [a for a in pool if a in NAME_VARIANTS[ds.name]]
        return self.choice([a for a in pool if a not in exclude])

    def ind(self, ds: Dataset, ranked: bool = False) -> str:
        return self.choice(self.ind_choices(ds, ranked))

    def ind_choices(self, ds: Dataset, ranked: bool = False) -> list[str]:
        return [i for i in sorted(IND_PHRASES[ds.name]) if not ranked or ds.polarity.get(i)]

    def say_ind(self, ds: Dataset, ind: str) -> str:
        return self.choice(IND_PHRASES[ds.name][ind])

    def name(self, ds: Dataset, area: str) -> str:
        """A plain, recognisable name (variants and typos belong to the names family)."""
        full = ds.area_names[area]
        if ds.name == "sample":
            return self.choice([full, full.replace(" District Council", "").replace(" Borough Council", "")])
        if ds.name == "lgbf" and "&" in full and self.chance(0.5):
            return full.replace("&", "and")
        return full

    def variant(self, ds: Dataset, area: str) -> str:
        return self.choice(NAME_VARIANTS[ds.name][area])

    def group_phrase(self, ds: Dataset) -> str:
        return self.choice(GROUP_PHRASES[ds.name])

    def national_phrase(self, ds: Dataset) -> str:
        return self.choice(NATIONAL_PHRASES[ds.name])

    def scope_phrase(self, ds: Dataset, scope: str) -> str:
        options = RANK_SCOPE[scope]
        return self.choice(options[ds.name] if isinstance(options, dict) else options)

    def pad(self, text: str) -> str:
        return pad(text, self.rng)

    def fresh(self, text: str) -> bool:
        key = text.lower().strip()
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    # --- data-aware helpers ---------------------------------------------------------------------------------
    def clean_latest(self, ds: Dataset, ind: str, area: str) -> str | None:
        """The latest period held, unless it is a quarter (the sample pack's in-year figures are left out of
        'latest' questions so that 'latest' cannot mean two things)."""
        latest = ds.latest(ind, area)
        if latest is None or is_quarter(latest):
            return None
        return latest

    def common_latest(self, ds: Dataset, ind: str, areas: list[str]) -> str | None:
        latests = {self.clean_latest(ds, ind, a) for a in areas}
        if len(latests) != 1 or None in latests:
            return None
        return latests.pop()

    def held_annual(self, ds: Dataset, ind: str, area: str) -> list[str]:
        return [p for p in ds.periods(ind, area) if not is_quarter(p)]

    def ranking(self, ds: Dataset, ind: str, members: list[str], period: str, n: int, order: str) -> list[str] | None:
        """The n councils listed (best or worst first), or None on a tie at the cut-off / too few councils."""
        pol = ds.polarity.get(ind)
        if pol is None:
            return None
        vals = [(ds.value(ind, a, period), a) for a in members if ds.held(ind, a, period)]
        if len(vals) < max(n + 1, 6):
            return None
        sign = -1 if pol == "higher" else 1
        best_first = sorted(vals, key=lambda t: (sign * t[0], t[1]))
        ordered = best_first if order == "best" else best_first[::-1]
        if ordered[n - 1][0] == ordered[n][0]:
            return None
        return [a for _v, a in ordered[:n]]

    def item(
        self,
        family: str,
        ds: Dataset,
        home: str,
        turns: list[str],
        exp: dict,
        figures: list[dict] | None,
        note: str,
        **extra,
    ) -> dict | None:
        if not all(self.fresh(t) for t in turns[:1]):
            return None
        out = {"id": "", "family": family, "dataset": ds.name, "home_area": home, "turns": turns, "expect": exp}
        out.update(extra)
        if figures:
            out["figures"] = figures
        out["note"] = note
        return out


def span_ok(a: str, b: str) -> bool:
    return period_key(a) < period_key(b)
