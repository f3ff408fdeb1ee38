"""Data access for the blind set 9 generator: reads the raw files with pandas only."""

import json
import re

import pandas as pd

SHARED = "/work/shared/data"
SAMPLE = "bot/sample_pack/data"


def slug(name):
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return "S-" + s


# The brief's own example spells the Western Isles code from the official name.
LGBF_CODE_OVERRIDE = {"Eilean Siar": "S-na-h-eileanan-siar"}


def is_single_year(p):
    return (
        isinstance(p, str)
        and len(p) == 7
        and p[4] == "-"
        and p[:4].isdigit()
        and p[5:].isdigit()
        and int(p[5:7]) == (int(p[2:4]) + 1) % 100
    )


def shift(p, n):
    y = int(p[:4]) + n
    return f"{y}-{(y + 1) % 100:02d}"


def year_gap(a, b):
    return abs(int(a[:4]) - int(b[:4]))


class Oflog:
    EXCLUDED = {
        "E10000002",
        "E06000060",
        "E10000009",
        "E06000059",
        "E10000021",
        "E06000028",
        "E06000029",
        "E06000058",
        "E06000053",
        "E09000001",
    }

    def __init__(self):
        d = pd.read_csv(f"{SHARED}/oflog_asc/asc_data.csv")
        d = d.rename(
            columns={
                "Financial year": "period",
                "Local authority code": "area",
                "Local authority name": "name",
                "Code": "ind",
                "Value": "value",
            }
        )
        self.all_areas = sorted(set(d.area))
        self.names = dict(sorted(set(zip(d.area, d.name, strict=False))))
        self.entity = dict(sorted(set(zip(d.area, d.Entity_Name, strict=False))))
        d = d[d.value.notna()]
        self.df = d
        self.nn = json.load(open(f"{SHARED}/oflog_asc/nearest_neighbours.json"))
        self.series = {}
        for (ind, area), g in d.groupby(["ind", "area"]):
            self.series[(ind, area)] = dict(sorted(zip(g.period, g.value.astype(float), strict=False)))
        self.inds = ["ASC1", "ASC2", "ASC3", "ASC4", "ASC5", "ASC6", "ASC7"]
        self.periods = sorted(set(d.period))
        bad = set(self.EXCLUDED)
        self.ok_areas = sorted(
            a for a in self.all_areas if a not in bad and a in self.nn and not (set(self.nn[a]) & bad)
        )
        self.homes = list(self.ok_areas)

    def polarity(self, ind):
        if ind in ("ASC1", "ASC2", "ASC3", "ASC4", "ASC5"):
            return "higher"
        if ind == "ASC7":
            return "lower"
        return None

    def s(self, ind, area):
        return self.series.get((ind, area), {})

    def group(self, home, kind):
        if kind == "neighbours":
            return list(self.nn[home])
        return list(self.all_areas)

    def latest(self, ind, area):
        s = self.s(ind, area)
        return max(s) if s else None

    def ind_latest(self, ind):
        return max(p for (i, a), s in self.series.items() if i == ind for p in s)

    def held_inds(self, area):
        return [i for i in self.inds if self.s(i, area)]


class Lgbf:
    def __init__(self):
        v = pd.read_csv(f"{SHARED}/lgbf/lgbf_values_real.csv")
        info = pd.read_csv(f"{SHARED}/lgbf/indicator_information.csv", encoding="utf-8-sig")
        fam = pd.read_csv(f"{SHARED}/lgbf/family_groups.csv", encoding="utf-8-sig")
        v = v[v.LocalAuthority.notna() & v.Year.notna()]
        self.names = {}
        for n in sorted(set(v.LocalAuthority)):
            self.names[LGBF_CODE_OVERRIDE.get(n, slug(n))] = n
        self.code_of = {n: c for c, n in self.names.items()}
        self.all_areas = sorted(self.names)
        v = v[v.LA_IndicatorReal.notna() & v.Year.map(is_single_year)]
        self.series = {}
        for (ind, la), g in v.groupby(["Code", "LocalAuthority"]):
            self.series[(ind, self.code_of[la])] = dict(
                sorted(zip(g.Year, g.LA_IndicatorReal.astype(float), strict=False))
            )
        self.info = {r.Code: r for r in info.itertuples()}
        self.rank_type = dict(zip(info.Code, info.Ranking_Type, strict=False))
        self.category = dict(zip(info.Code, info.ISCategory, strict=False))
        self.grouping = dict(zip(info.Code, info.FamilyGrouping, strict=False))
        self.fam = {}
        for r in fam.itertuples():
            self.fam.setdefault((r.Type, r.Family_Group), []).append(self.code_of[r.Local_Authority])
        self.fam_of = {(r.Type, self.code_of[r.Local_Authority]): r.Family_Group for r in fam.itertuples()}
        self.all_inds = list(info.Code)

    def polarity(self, ind):
        return {"Ascending": "lower", "Descending": "higher"}.get(self.rank_type.get(ind))

    def s(self, ind, area):
        return self.series.get((ind, area), {})

    def group(self, home, kind, ind):
        if kind == "neighbours":
            t = self.grouping[ind]
            return sorted(self.fam[(t, self.fam_of[(t, home)])])
        return list(self.all_areas)

    def latest(self, ind, area):
        s = self.s(ind, area)
        return max(s) if s else None

    def ind_latest(self, ind):
        return max(p for (i, a), s in self.series.items() if i == ind for p in s)

    def held_in_category(self, area, cat):
        return [i for i in self.all_inds if self.category[i] == cat and self.s(i, area)]


class Sample:
    HOME = "E07999001"

    def __init__(self):
        d = pd.read_csv(f"{SAMPLE}/indicators.csv")
        m = pd.read_csv(f"{SAMPLE}/indicator_meta.csv")
        nn = pd.read_csv(f"{SAMPLE}/nearest_neighbours.csv")
        self.names = dict(sorted(set(zip(d.area_code, d.area_name, strict=False))))
        self.polar = dict(zip(m.indicator_id, m.polarity, strict=False))
        self.inds = list(m.indicator_id)
        self.neighbours = list(nn[nn.area_code == self.HOME].member_code)
        self.series = {}
        for (ind, area), g in d.groupby(["indicator_id", "area_code"]):
            self.series[(ind, area)] = dict(sorted(zip(g.period, g.value.astype(float), strict=False)))
        self.all_areas = sorted(self.names)

    def polarity(self, ind):
        return {"higher_is_better": "higher", "lower_is_better": "lower"}.get(self.polar[ind])

    def s(self, ind, area, annual=True):
        s = self.series.get((ind, area), {})
        return {p: v for p, v in s.items() if is_single_year(p)} if annual else dict(s)

    def group(self, home, kind, ind=None):
        return list(self.neighbours)

    def latest(self, ind, area):
        s = self.s(ind, area)
        return max(s) if s else None


def rank_list(values_by_area, polarity, n, order):
    """values_by_area: {area: value}. Returns (listed areas, tie_at_cutoff)."""
    items = sorted(values_by_area.items(), key=lambda kv: (kv[1], kv[0]))
    best_first = (
        items if polarity == "lower" else list(reversed(sorted(values_by_area.items(), key=lambda kv: (kv[1], kv[0]))))
    )
    seq = best_first if order == "best" else list(reversed(best_first))
    if len(seq) < n:
        return None, True
    listed = seq[:n]
    tie = len(seq) > n and seq[n - 1][1] == seq[n][1]
    return [a for a, _ in listed], tie


def ranking_period(series_fn, group, periods):
    """Latest period where at least half the group holds a value."""
    for p in sorted(periods, reverse=True):
        held = sum(1 for a in group if p in series_fn(a))
        if held * 2 >= len(group):
            return p
    return None
