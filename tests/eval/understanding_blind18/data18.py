"""Data access for blind set 18: loads the raw files with pandas and answers the questions the generator needs
(held periods, values, groups, rankings). Nothing here is typed from the data; everything is read."""
import json
import re
from pathlib import Path

import pandas as pd

SHARED = Path("/work/shared/data")
SAMPLE = Path("/work/main/bot/sample_pack/data")
SAMPLE_HOME = "E07999001"


def fy(start):
    return f"{start}-{str(start + 1)[-2:]}"


def fy_start(p):
    return int(p[:4])


def slug(name):
    s = name.lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return "S-" + s


class DS:
    """One dataset: values {(ind, area): {period: value}}, names, polarity, groups."""

    def __init__(self, key):
        self.key = key
        self.vals = {}
        self.names = {}
        self.polarity = {}  # ind -> 'higher'|'lower'|None
        self.members = []

    def held(self, ind, area):
        """annual periods held, sorted"""
        d = self.vals.get((ind, area), {})
        return sorted(p for p in d if len(p) == 7)

    def quarters(self, ind, area):
        d = self.vals.get((ind, area), {})
        return sorted(p for p in d if len(p) > 7)

    def value(self, ind, area, period):
        return self.vals.get((ind, area), {}).get(period)

    def latest(self, ind, area):
        h = self.held(ind, area)
        return h[-1] if h else None

    def closest(self, ind, area, period):
        """single closest held annual period to an asked period (quarter -> its year); None on a tie"""
        h = self.held(ind, area)
        if not h:
            return None
        s = fy_start(period)
        dists = sorted((abs(fy_start(p) - s), p) for p in h)
        if len(dists) > 1 and dists[0][0] == dists[1][0]:
            return None
        return dists[0][1]

    def group_latest(self, ind, group):
        """latest period where at least half the group holds a value"""
        periods = sorted({p for a in group for p in self.held(ind, a)})
        for p in reversed(periods):
            n = sum(1 for a in group if self.value(ind, a, p) is not None)
            if n * 2 >= len(group):
                return p
        return None

    def ranking(self, ind, group, period):
        """[(area, value)] best first, only holders"""
        rows = [(a, self.value(ind, a, period)) for a in group if self.value(ind, a, period) is not None]
        hi = self.polarity[ind] == "higher"
        rows.sort(key=lambda r: (-r[1] if hi else r[1], r[0]))
        return rows


def load_oflog():
    ds = DS("oflog")
    a = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv", dtype={"Financial year": str})
    a["Code"] = a["Code"].str.strip().str.upper()
    a = a[a["Value"].notna()]
    for r in a.itertuples(index=False):
        ds.vals.setdefault((r.Code, r[1]), {})[r[0]] = float(r.Value)
    raw = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
    name_cols = ["Local authority code", "Local authority name", "Entity_Name"]
    for r in raw[name_cols].drop_duplicates().itertuples(index=False):
        ds.names.setdefault(r[0], (r[1], r[2]))
    ds.members = sorted(raw["Local authority code"].unique())
    # polarity from the rank_order column (desc = higher better); ASC7 lower better (README); others none
    for code, grp in raw.groupby(raw["Code"].str.upper()):
        ro = {str(x).lower() for x in grp["rank_order"].dropna()}
        ds.polarity[code] = "higher" if "desc" in ro else None
    ds.polarity["ASC7"] = "lower"
    ds.nn = json.load(open(SHARED / "oflog_asc" / "nearest_neighbours.json"))
    excl_names = {"Buckinghamshire", "Dorset", "Northamptonshire", "Bournemouth", "Poole",
                  "Bournemouth, Christchurch and Poole", "Isles of Scilly", "City of London"}
    ds.excluded = {c for c, (n, _) in ds.names.items() if n in excl_names}
    ds.eligible = sorted(c for c in ds.members if c in ds.nn and c not in ds.excluded
                         and not (set(ds.nn[c]) & ds.excluded))
    return ds


def load_lgbf():
    ds = DS("lgbf")
    info = pd.read_csv(SHARED / "lgbf" / "indicator_information.csv", encoding="utf-8-sig")
    v = pd.read_csv(SHARED / "lgbf" / "lgbf_values_real.csv", encoding="utf-8-sig")
    yr = v["Year"].astype(str)
    single = yr.str.match(r"^\d{4}-\d{2}$")
    single &= yr.str[5:7].where(single, "-1") == ((pd.to_numeric(yr.str[:4], errors="coerce") + 1) % 100).map(
        lambda x: "" if pd.isna(x) else f"{int(x):02d}")
    v = v[single & v["LA_IndicatorReal"].notna() & v["LocalAuthority"].notna()]
    annual = set(info.loc[info["ReportingPeriod"] == "Annual", "Code"])
    for r in v[["Code", "LocalAuthority", "Year", "LA_IndicatorReal"]].itertuples(index=False):
        ds.vals.setdefault((r[0], slug(r[1])), {})[r[2]] = float(r[3])
        ds.names[slug(r[1])] = r[1]
    ds.members = sorted(ds.names)
    ds.info = info.set_index("Code")
    ds.annual = annual
    for code, row in ds.info.iterrows():
        ds.polarity[code] = {"Ascending": "lower", "Descending": "higher"}.get(row["Ranking_Type"])
    fg = pd.read_csv(SHARED / "lgbf" / "family_groups.csv", encoding="utf-8-sig")
    ds.fg = {}
    for r in fg.itertuples(index=False):
        ds.fg.setdefault((r[2], r[0]), []).append(slug(r[1]))
    ds.fg_of = {(r[2], slug(r[1])): r[0] for r in fg.itertuples(index=False)}
    return ds


def lgbf_group(ds, ind, home):
    t = ds.info.loc[ind, "FamilyGrouping"]
    return sorted(ds.fg[(t, ds.fg_of[(t, home)])])


def load_sample():
    ds = DS("sample")
    d = pd.read_csv(SAMPLE / "indicators.csv", dtype={"period": str})
    for r in d[["indicator_id", "area_code", "period", "value"]].itertuples(index=False):
        ds.vals.setdefault((r[0], r[1]), {})[r[2]] = float(r[3])
    for r in d[["area_code", "area_name"]].drop_duplicates().itertuples(index=False):
        ds.names[r[0]] = r[1]
    meta = pd.read_csv(SAMPLE / "indicator_meta.csv")
    for r in meta.itertuples(index=False):
        ds.polarity[r.indicator_id] = {"higher_is_better": "higher", "lower_is_better": "lower"}.get(r.polarity)
    nn = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
    ds.group = sorted(nn.loc[nn["area_code"] == SAMPLE_HOME, "member_code"])
    ds.members = sorted(ds.names)
    ds.targets = {(r.indicator_id, r.period): r.target for r in d[d["target"].notna()].itertuples(index=False)}
    return ds
