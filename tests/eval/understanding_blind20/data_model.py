"""Data access for the blind set 20 generator: loads the raw files with pandas and answers
the questions the generator needs (held periods, values, neighbour groups, rankings)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

SHARED = Path("/work/shared/data")
SAMPLE = Path("/work/main/bot/sample_pack/data")
SAMPLE_HOME = "E07999001"

OFLOG_EXCLUDED_BASE = {
    "E10000002", "E06000060",  # Buckinghamshire (two codes)
    "E10000009", "E06000059",  # Dorset (two codes)
    "E10000021",               # Northamptonshire
    "E06000028",               # Bournemouth
    "E06000029",               # Poole
    "E06000058",               # Bournemouth, Christchurch and Poole
    "E06000053",               # Isles of Scilly
    "E09000001",               # City of London
}


def slug(name: str) -> str:
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return "S-" + s


def is_single_year(p: str) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{2})", str(p))
    return bool(m) and (int(m.group(1)) + 1) % 100 == int(m.group(2))


def start_year(p: str) -> int:
    return int(str(p)[:4])


def fy(y: int) -> str:
    return f"{y}-{(y + 1) % 100:02d}"


def shift(p: str, k: int) -> str:
    return fy(start_year(p) + k)


class Data:
    def __init__(self):
        self.val = {}      # (ds, ind, area, period) -> value
        self.held = {}     # (ds, ind, area) -> sorted annual periods with a value
        self.qheld = {}    # (ds, ind, area) -> sorted quarter periods with a value
        self.names = {}    # (ds, area) -> display name
        self.areas = {}    # ds -> sorted area codes in the file
        self.inds = {}     # ds -> sorted indicator codes
        self.polarity = {}  # (ds, ind) -> 'high'|'low'|None
        self.meta = {}
        self._load_oflog()
        self._load_lgbf()
        self._load_sample()

    # ---------------------------------------------------------------- loading
    def _add(self, ds, ind, area, period, value):
        if pd.isna(value):
            return
        period = str(period)
        self.val[(ds, ind, area, period)] = float(value)
        if " Q" in period:
            self.qheld.setdefault((ds, ind, area), set()).add(period)
        else:
            self.held.setdefault((ds, ind, area), set()).add(period)

    def _finish(self):
        for k in list(self.held):
            self.held[k] = sorted(self.held[k])
        for k in list(self.qheld):
            self.qheld[k] = sorted(self.qheld[k])

    def _load_oflog(self):
        d = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
        d["Code"] = d["Code"].str.strip().str.upper()
        for r in d.itertuples(index=False):
            self._add("oflog", r.Code, r[1], r[0], r.Value)
            self.names[("oflog", r[1])] = r[2]
        self.areas["oflog"] = sorted(d["Local authority code"].unique())
        self.inds["oflog"] = sorted(d["Code"].unique())
        for c in self.inds["oflog"]:
            self.polarity[("oflog", c)] = "high" if c in {"ASC1", "ASC2", "ASC3", "ASC4", "ASC5"} else (
                "low" if c == "ASC7" else None)
        self.nn = json.load(open(SHARED / "oflog_asc" / "nearest_neighbours.json"))
        excluded = set(OFLOG_EXCLUDED_BASE)
        for c, lst in self.nn.items():
            if set(lst) & OFLOG_EXCLUDED_BASE:
                excluded.add(c)
        self.oflog_excluded = excluded
        self.oflog_valid = sorted(c for c in self.areas["oflog"] if c in self.nn and c not in excluded)
        self.oflog_entity = dict(zip(d["Local authority code"], d["Entity_Name"], strict=True))

    def _load_lgbf(self):
        v = pd.read_csv(SHARED / "lgbf" / "lgbf_values_real.csv")
        v = v[v["Code"].notna() & v["LocalAuthority"].notna()]
        info = pd.read_csv(SHARED / "lgbf" / "indicator_information.csv", encoding="utf-8-sig")
        fg = pd.read_csv(SHARED / "lgbf" / "family_groups.csv", encoding="utf-8-sig")
        self.lgbf_info = info.set_index("Code")
        for r in v.itertuples(index=False):
            if not is_single_year(r.Year):
                continue
            code = slug(r.LocalAuthority)
            self._add("lgbf", r.Code, code, r.Year, r.LA_IndicatorReal)
            self.names[("lgbf", code)] = r.LocalAuthority
        self.areas["lgbf"] = sorted({slug(n) for n in v["LocalAuthority"].unique()})
        self.inds["lgbf"] = sorted(info["Code"].unique())
        for r in info.itertuples(index=False):
            self.polarity[("lgbf", r.Code)] = {"Ascending": "low", "Descending": "high"}.get(r.Ranking_Type)
        self.lgbf_fg = {}  # (type, area) -> sorted members
        for (typ, _grp), g in fg.groupby(["Type", "Family_Group"]):
            members = sorted(slug(n) for n in g["Local_Authority"])
            for m in members:
                self.lgbf_fg[(typ, m)] = members

    def _load_sample(self):
        d = pd.read_csv(SAMPLE / "indicators.csv")
        meta = pd.read_csv(SAMPLE / "indicator_meta.csv")
        for r in d.itertuples(index=False):
            self._add("sample", r.indicator_id, r.area_code, r.period, r.value)
            self.names[("sample", r.area_code)] = r.area_name
        self.sample_target = {}
        for r in d.itertuples(index=False):
            if not pd.isna(r.target):
                self.sample_target[(r.indicator_id, r.area_code, str(r.period))] = float(r.target)
        self.areas["sample"] = sorted(d["area_code"].unique())
        self.inds["sample"] = sorted(d["indicator_id"].unique())
        for r in meta.itertuples(index=False):
            self.polarity[("sample", r.indicator_id)] = {"higher_is_better": "high", "lower_is_better": "low"}.get(
                r.polarity)
        nn = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
        self.sample_nn = {a: sorted(g["member_code"]) for a, g in nn.groupby("area_code")}
        self._finish()

    # ---------------------------------------------------------------- queries
    def get(self, ds, ind, area, period):
        return self.val.get((ds, ind, area, period))

    def periods(self, ds, ind, area):
        return self.held.get((ds, ind, area), [])

    def latest(self, ds, ind, area):
        p = self.periods(ds, ind, area)
        return p[-1] if p else None

    def closest(self, ds, ind, area, asked_start):
        """Single closest held annual period to an asked start year; None on a tie or nothing held."""
        ps = self.periods(ds, ind, area)
        if not ps:
            return None
        dists = sorted((abs(start_year(p) - asked_start), p) for p in ps)
        if len(dists) > 1 and dists[0][0] == dists[1][0]:
            return None
        return dists[0][1]

    def group(self, ds, ind, home, kind):
        if kind == "england":
            return list(self.areas["oflog"])
        if kind == "scotland":
            return list(self.areas["lgbf"])
        if ds == "oflog":
            return sorted(self.nn[home])
        if ds == "lgbf":
            typ = self.lgbf_info.loc[ind, "FamilyGrouping"]
            return list(self.lgbf_fg[(typ, home)])
        return list(self.sample_nn[home])

    def group_latest(self, ds, ind, members):
        """Latest period where at least half the group holds a value."""
        allp = sorted({p for m in members for p in self.periods(ds, ind, m)})
        for p in reversed(allp):
            k = sum(1 for m in members if self.get(ds, ind, m, p) is not None)
            if 2 * k >= len(members):
                return p
        return None

    def rank_list(self, ds, ind, members, period, n, order):
        """Returns (list of (area, value)) or None if not computable; flag tie at cut-off."""
        pol = self.polarity[(ds, ind)]
        vals = [(m, self.get(ds, ind, m, period)) for m in members]
        vals = [(m, v) for m, v in vals if v is not None]
        if len(vals) <= n:
            return None, False
        best_first = sorted(vals, key=lambda t: (-t[1], t[0]) if pol == "high" else (t[1], t[0]))
        lst = best_first if order == "best" else list(reversed(best_first))
        tie = lst[n - 1][1] == lst[n][1]
        return lst[:n], tie

    def holds_any(self, ds, ind, area):
        return bool(self.periods(ds, ind, area)) or bool(self.qheld.get((ds, ind, area)))
