"""Data access for the blind understanding set 19: loads the raw files with pandas and answers
small questions (held periods, values, groups, rankings).  Nothing here is typed from the data."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

SHARED = Path("/work/shared/data")
SAMPLE = Path("/work/main/bot/sample_pack/data")

FY = re.compile(r"^(\d{4})-(\d{2})$")


def is_fy(p: str) -> bool:
    m = FY.match(str(p))
    return bool(m) and (int(m.group(1)) + 1) % 100 == int(m.group(2))


def fy(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


def fy_start(p: str) -> int:
    return int(str(p)[:4])


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return "S-" + s


class Dataset:
    key = ""
    national = None  # token for the national group

    def __init__(self):
        self.values = {}  # (ind, area, period) -> value
        self.periods = {}  # (ind, area) -> sorted annual periods held
        self.allperiods = {}  # (ind, area) -> sorted periods incl. quarters
        self.area_names = {}  # code -> official name
        self.polarity = {}  # ind -> 'high'|'low'|None

    def _index(self, df):
        df = df[df["value"].notna()]
        for ind, area, per, val in df[["ind", "area", "period", "value"]].itertuples(index=False):
            self.values[(ind, area, per)] = float(val)
        for (ind, area), g in df.groupby(["ind", "area"]):
            ps = sorted(set(g["period"]))
            self.allperiods[(ind, area)] = ps
            self.periods[(ind, area)] = [p for p in ps if is_fy(p)]

    def held(self, ind, area):
        return self.periods.get((ind, area), [])

    def latest(self, ind, area):
        h = self.held(ind, area)
        return h[-1] if h else None

    def val(self, ind, area, per):
        return self.values.get((ind, area, per))

    def group_members(self, home, ind, group):
        raise NotImplementedError

    def ranking(self, home, ind, group, n, order, period=None):
        """Returns (period, [(area, value)...] top n) or None; ties at cut-off -> figures None."""
        members = self.group_members(home, ind, group)
        if period is None:
            cands = sorted({p for (i, a, p) in self._ind_periods(ind)})
            period = None
            for p in reversed(cands):
                held = [m for m in members if self.val(ind, m, p) is not None]
                if len(held) * 2 >= len(members):
                    period = p
                    break
            if period is None:
                return None
        vals = [(m, self.val(ind, m, period)) for m in members if self.val(ind, m, period) is not None]
        if len(vals) <= (n or 0):
            return None
        pol = self.polarity[ind]
        best_high = pol == "high"
        rev = best_high if order == "best" else not best_high
        vals.sort(key=lambda t: (t[1], t[0]), reverse=rev)
        if n is None:
            return period, vals
        tie = vals[n - 1][1] == vals[n][1]
        return period, vals[:n], tie

    def _ind_periods(self, ind):
        if not hasattr(self, "_ip"):
            self._ip = {}
            for (i, a, p) in self.values:
                if is_fy(p):
                    self._ip.setdefault(i, set()).add((i, a, p))
        return self._ip.get(ind, set())


class Oflog(Dataset):
    key = "oflog"
    national = "england"
    EXCL_NAMES = ["Buckinghamshire", "Dorset", "Northamptonshire", "Bournemouth", "Poole",
                  "Bournemouth, Christchurch and Poole", "Isles of Scilly", "City of London"]

    def __init__(self):
        super().__init__()
        d = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
        d = d.rename(columns={"Code": "ind", "Local authority code": "area", "Financial year": "period",
                              "Value": "value"})
        d["ind"] = d["ind"].str.strip().str.upper()
        self._index(d)
        names = d[["area", "Local authority name"]].drop_duplicates()
        self.area_names = dict(sorted(names.itertuples(index=False)))
        self.entity = dict(sorted(d[["area", "Entity_Name"]].drop_duplicates().itertuples(index=False)))
        self.all_areas = sorted(self.area_names)
        self.nn = json.load(open(SHARED / "oflog_asc" / "nearest_neighbours.json"))
        self.excluded = sorted(c for c, n in self.area_names.items() if n in self.EXCL_NAMES)
        ex = set(self.excluded)
        self.usable = sorted(c for c in self.all_areas if c not in ex and c in self.nn
                             and not (set(self.nn[c]) & ex) and len(self.nn[c]) > 2)
        self.homes = self.usable
        self.indicators = sorted(d["ind"].unique())
        self.polarity = {i: "high" for i in ["ASC1", "ASC2", "ASC3", "ASC4", "ASC5"]}
        self.polarity.update({"ASC6": None, "ASC7": "low"})
        self.rankable = [i for i in self.indicators if self.polarity[i]]

    def group_members(self, home, ind, group):
        if group == "neighbours":
            return sorted(self.nn[home])
        return self.all_areas

    def list_ok(self, listed):
        return not (set(a for a, _ in listed) & set(self.excluded))


class LGBF(Dataset):
    key = "lgbf"
    national = "scotland"

    def __init__(self):
        super().__init__()
        info = pd.read_csv(SHARED / "lgbf" / "indicator_information.csv", encoding="utf-8-sig")
        v = pd.read_csv(SHARED / "lgbf" / "lgbf_values_real.csv")
        v = v[v["LocalAuthority"].notna()]
        v = v.rename(columns={"Code": "ind", "Year": "period", "LA_IndicatorReal": "value"})
        v["area"] = v["LocalAuthority"].map(slug)
        self._index(v)
        self.area_names = dict(sorted(v[["area", "LocalAuthority"]].drop_duplicates().itertuples(index=False)))
        self.all_areas = sorted(self.area_names)
        self.info = info.set_index("Code")
        self.polarity = {}
        for c, r in self.info.iterrows():
            rt = str(r["Ranking_Type"])
            self.polarity[c] = "low" if rt == "Ascending" else "high" if rt == "Descending" else None
        fg = pd.read_csv(SHARED / "lgbf" / "family_groups.csv", encoding="utf-8-sig")
        fg["area"] = fg["Local_Authority"].map(slug)
        self.fg = {}
        for (typ, _grp), g in fg.groupby(["Type", "Family_Group"]):
            for a in g["area"]:
                self.fg[(typ, a)] = sorted(g["area"])
        self.homes = self.all_areas
        self.category = {c: r["ISCategory"] for c, r in self.info.iterrows()}
        self.held_any = {}
        for (i, a, _p) in self.values:
            self.held_any.setdefault(a, set()).add(i)

    def group_members(self, home, ind, group):
        if group == "neighbours":
            return self.fg[(self.info.loc[ind, "FamilyGrouping"], home)]
        return self.all_areas

    def list_ok(self, listed):
        return True


class Sample(Dataset):
    key = "sample"
    national = None
    HOME = "E07999001"

    def __init__(self):
        super().__init__()
        d = pd.read_csv(SAMPLE / "indicators.csv")
        d = d.rename(columns={"indicator_id": "ind", "area_code": "area"})
        self._index(d)
        self.area_names = dict(sorted(d[["area", "area_name"]].drop_duplicates().itertuples(index=False)))
        self.all_areas = sorted(self.area_names)
        meta = pd.read_csv(SAMPLE / "indicator_meta.csv")
        self.polarity = {r.indicator_id: ("high" if r.polarity == "higher_is_better" else "low")
                         for r in meta.itertuples()}
        nn = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
        self.nn = {a: sorted(g["member_code"]) for a, g in nn.groupby("area_code")}
        self.homes = [self.HOME]
        self.indicators = sorted(meta["indicator_id"])
        self.targets = {}
        for ind, area, per, t in d[["ind", "area", "period", "target"]].itertuples(index=False):
            if pd.notna(t):
                self.targets[(ind, area, per)] = float(t)

    def group_members(self, home, ind, group):
        return self.nn[home]

    def list_ok(self, listed):
        return True
