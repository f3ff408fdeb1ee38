"""Load the raw files into simple series for the blind set 25 generator."""

import json
import re
from pathlib import Path

import pandas as pd

SHARED = Path("/work/shared/data")
SAMPLE = Path("/work/main/bot/sample_pack/data")
FY = re.compile(r"^\d{4}-\d{2}$")

OFLOG_EXCLUDED = {"E10000002", "E06000060", "E10000009", "E06000059", "E10000021", "E06000028", "E06000029",
                  "E06000058", "E06000053", "E09000001", "E06000061", "E06000062"}


def slug(name):
    s = name.lower().replace("&", "and")
    return "S-" + re.sub(r"[^a-z0-9]+", "-", s).strip("-")


class Data:
    def __init__(self):
        self.series = {}   # (ds, ind, area) -> {period: value}
        self.names = {}    # (ds, area) -> name
        self.kind = {}     # oflog area -> entity type
        self._oflog()
        self._lgbf()
        self._sample()

    def _put(self, ds, ind, area, period, value):
        self.series.setdefault((ds, ind, area), {})[period] = float(value)

    def _oflog(self):
        a = pd.read_csv(SHARED / "oflog_asc/asc_data.csv")
        a = a[a["Value"].notna()]
        for r in a.itertuples(index=False):
            self._put("oflog", r.Code, r[1], r[0], r.Value)
        allrows = pd.read_csv(SHARED / "oflog_asc/asc_data.csv")
        for code, name, ent in allrows[["Local authority code", "Local authority name", "Entity_Name"]] \
                .drop_duplicates().itertuples(index=False):
            self.names[("oflog", code)] = name
            self.kind[code] = ent
        self.oflog_areas = sorted(set(allrows["Local authority code"]))
        self.oflog_nn = json.loads((SHARED / "oflog_asc/nearest_neighbours.json").read_text())
        self.oflog_homes = sorted(c for c in self.oflog_areas if c in self.oflog_nn and c not in OFLOG_EXCLUDED
                                  and not (set(self.oflog_nn[c]) & OFLOG_EXCLUDED))

    def _lgbf(self):
        v = pd.read_csv(SHARED / "lgbf/lgbf_values_real.csv")
        v = v[v["LocalAuthority"].notna() & v["Year"].astype(str).str.match(FY) & v["LA_IndicatorReal"].notna()]
        for r in v[["Code", "LocalAuthority", "Year", "LA_IndicatorReal"]].itertuples(index=False):
            self._put("lgbf", r.Code, slug(r.LocalAuthority), r.Year, r.LA_IndicatorReal)
        self.lgbf_areas = sorted({slug(n) for n in v["LocalAuthority"].unique()})
        for n in v["LocalAuthority"].unique():
            self.names[("lgbf", slug(n))] = n
        info = pd.read_csv(SHARED / "lgbf/indicator_information.csv")
        self.lgbf_info = {r.Code: r for r in info.itertuples(index=False)}
        fg = pd.read_csv(SHARED / "lgbf/family_groups.csv")
        self.lgbf_fg = {}
        for r in fg.itertuples(index=False):
            self.lgbf_fg.setdefault((r.Type, r.Family_Group), []).append(slug(r.Local_Authority))
        self.lgbf_fg_of = {(r.Type, slug(r.Local_Authority)): r.Family_Group for r in fg.itertuples(index=False)}

    def _sample(self):
        s = pd.read_csv(SAMPLE / "indicators.csv")
        self.sample_target = {}
        for r in s.itertuples(index=False):
            if pd.notna(r.value):
                self._put("sample", r.indicator_id, r.area_code, r.period, r.value)
            self.names[("sample", r.area_code)] = r.area_name
            if pd.notna(r.target):
                self.sample_target.setdefault(r.indicator_id, set()).add(r.period)
        self.sample_polarity = dict(s[["indicator_id", "polarity"]].drop_duplicates().itertuples(index=False))
        nn = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
        self.sample_nn = sorted(nn[nn.area_code == "E07999001"].member_code)
        self.sample_inds = sorted(set(s.indicator_id))

    # ---- helpers -------------------------------------------------------------------------------------------
    def get(self, ds, ind, area):
        return self.series.get((ds, ind, area), {})

    def annual(self, ds, ind, area):
        return sorted(p for p in self.get(ds, ind, area) if FY.match(p))

    def latest(self, ds, ind, area):
        a = self.annual(ds, ind, area)
        return a[-1] if a else None

    def group(self, ds, ind, home):
        """Neighbour group (home included)."""
        if ds == "oflog":
            return list(self.oflog_nn[home])
        if ds == "sample":
            return list(self.sample_nn)
        t = self.lgbf_info[ind].FamilyGrouping
        return list(self.lgbf_fg[(t, self.lgbf_fg_of[(t, home)])])

    def national(self, ds, ind):
        if ds == "oflog":
            return list(self.oflog_areas)
        return list(self.lgbf_areas)

    def higher_better(self, ds, ind):
        """True/False, or None when never ranked."""
        if ds == "oflog":
            return {"ASC6": None, "ASC7": False}.get(ind, True)
        if ds == "sample":
            return {"higher_is_better": True, "lower_is_better": False}.get(self.sample_polarity[ind])
        rt = self.lgbf_info[ind].Ranking_Type
        return {"Ascending": False, "Descending": True}.get(rt)
