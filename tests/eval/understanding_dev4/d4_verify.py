"""A second, independent check of every figure and ranking: pandas filters on a fresh read of the raw files.

It shares no code with d4_data.py: names are slugged again here, polarity is read again, groups are read again.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

SAMPLE = Path(__file__).resolve().parents[3] / "bot" / "sample_pack" / "data"


def _slug(name: str) -> str:
    return "S-" + "-".join(w for w in re.split(r"[^a-z0-9]+", name.lower().replace("&", " and ")) if w)


def _key(period: str):
    start = int(period[:4])
    end = int(period[:2] + period[5:7])
    end = end + 100 if end < start else end
    q = int(period[-1]) if "Q" in period else 0
    return (end, start, q)


class Raw:
    def __init__(self, shared: Path):
        base = shared / "data"
        asc = pd.read_csv(base / "oflog_asc" / "asc_data.csv")
        self.asc = asc.rename(columns={"Financial year": "period", "Local authority code": "area", "Code": "ind",
                                       "Value": "value"})
        lg = pd.read_csv(base / "lgbf" / "lgbf_values_real.csv")
        lg = lg[lg["LocalAuthority"].notna()].copy()
        lg["area"] = lg["LocalAuthority"].map(_slug)
        self.lg = lg.rename(columns={"Code": "ind", "Year": "period", "LA_IndicatorReal": "value"})
        self.info = pd.read_csv(base / "lgbf" / "indicator_information.csv").set_index("Code")
        self.fam = pd.read_csv(base / "lgbf" / "family_groups.csv", encoding="utf-8-sig")
        self.nn = json.loads((base / "oflog_asc" / "nearest_neighbours.json").read_text())
        self.sp = pd.read_csv(SAMPLE / "indicators.csv").rename(columns={"indicator_id": "ind", "area_code": "area"})
        self.snn = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
        self.smeta = pd.read_csv(SAMPLE / "indicator_meta.csv").set_index("indicator_id")

    def table(self, ds: str) -> pd.DataFrame:
        return {"oflog": self.asc, "lgbf": self.lg, "sample": self.sp}[ds]

    def lookup(self, ds, ind, area, period):
        if area == "england":
            got = self.asc[(self.asc.ind == ind) & (self.asc.period == period)]["MEDIAN"].dropna().unique()
            return float(got[0]) if len(got) == 1 else None
        if area == "scotland":
            got = self.lg[(self.lg.ind == ind) & (self.lg.period == period)]["Scotland_Indicator_Real"].dropna()
            return float(got.iloc[0]) if got.nunique() == 1 else None
        t = self.table(ds)
        got = t[(t.ind == ind) & (t.area == area) & (t.period == period)]["value"].dropna()
        return float(got.iloc[0]) if len(got) == 1 else None

    def held(self, ds, ind, area) -> list[str]:
        t = self.table(ds)
        return sorted(t[(t.ind == ind) & (t.area == area) & t.value.notna()].period.unique(), key=_key)

    def polarity(self, ds, ind):
        if ds == "oflog":
            return {"ASC6": None, "ASC7": "lower"}.get(ind, "higher")
        if ds == "lgbf":
            row = self.info.loc[ind]
            if row.Ranking_Type == "Goldilocks" or pd.notna(row.Ranking_GoldilocksMidpoint):
                return None
            return {"Ascending": "lower", "Descending": "higher"}.get(row.Ranking_Type)
        return {"higher_is_better": "higher", "lower_is_better": "lower"}.get(self.smeta.loc[ind, "polarity"])

    def members(self, ds, scope, home, ind) -> list[str]:
        t = self.table(ds)
        if scope in ("england", "scotland"):
            return sorted(t.area.dropna().unique())
        if ds == "oflog":
            return list(self.nn[home])
        if ds == "sample":
            return list(self.snn[self.snn.area_code == home].member_code)
        gtype = self.info.loc[ind, "FamilyGrouping"]
        f = self.fam[self.fam.Type == gtype].copy()
        f["area"] = f.Local_Authority.map(_slug)
        grp = f[f.area == home].Family_Group.iloc[0]
        return list(f[f.Family_Group == grp].area)

    def ranking(self, ds, scope, home, ind, period):
        t = self.table(ds)
        mem = self.members(ds, scope, home, ind)
        if period is None:
            period = max(t[(t.ind == ind) & t.area.isin(mem) & t.value.notna()].period.unique(), key=_key)
        rows = t[(t.ind == ind) & (t.period == period) & t.area.isin(mem) & t.value.notna()][["area", "value"]]
        asc = self.polarity(ds, ind) == "lower"
        rows = rows.sort_values(["value", "area"], ascending=[asc, True])
        return period, list(zip(rows.area, rows.value, strict=True))


def verify(items: list[dict], shared: Path) -> int:
    """Raise AssertionError on the first disagreement; return how many figures were checked."""
    raw = Raw(shared)
    checked = 0
    for it in items:
        exp, ds, home = it["expect"], it["dataset"], it["home_area"]
        tag = it["id"]
        for f in it["figures"]:
            got = raw.lookup(ds, f["indicator_id"], f["area_code"], f["period"])
            assert got is not None and got == f["value"], (tag, f, got)
            checked += 1
        if it.get("not_held"):
            for a in exp["areas"]:
                held = set(raw.held(ds, exp["indicators"][0], a))
                asked = [p for p in exp["periods"].values() if p]
                assert not all(p in held for p in asked), (tag, "held after all")
            continue
        if exp["intent"] == "unknown":
            assert it["figures"] == [], tag
            continue
        if exp["intent"] == "rank":
            ind = exp["indicators"][0]
            assert raw.polarity(ds, ind) is not None, (tag, "directionless ranked")
            period, table = raw.ranking(ds, exp["areas"][-1], home, ind, exp["periods"]["to"])
            if exp["n"] is None:
                assert exp["order"] is None and [f["area_code"] for f in it["figures"]] == [home], tag
                assert it["figures"][0]["period"] == period, tag
                continue
            if exp["order"] == "worst":
                table = table[::-1]
            want = table[: exp["n"]]
            assert [(f["area_code"], f["value"]) for f in it["figures"]] == want, (tag, want)
            assert all(f["period"] == period for f in it["figures"]), tag
            if len(table) > exp["n"]:
                assert table[exp["n"]][1] != table[exp["n"] - 1][1], (tag, "tie at the cut-off")
            continue
        # every period named is held; "latest" is the latest held financial year (quarters only for targets)
        for a in exp["areas"]:
            if a in ("england", "scotland", "neighbours"):
                continue
            for ind in exp["indicators"]:
                held = raw.held(ds, ind, a)
                for p in exp["periods"].values():
                    assert p is None or p in held, (tag, ind, a, p)
                if exp["periods"]["to"] is None and exp["periods"]["from"] is None:
                    if ds == "sample" and exp["intent"] != "target":
                        held = [p for p in held if "Q" not in p]
                    mine = [f for f in it["figures"] if f["area_code"] == a and f["indicator_id"] == ind]
                    assert mine and mine[0]["period"] == held[-1], (tag, "latest", ind, a)
        if exp["intent"] == "overview" and ds == "oflog":
            have = sorted(raw.asc[(raw.asc.area == home) & raw.asc.value.notna()].ind.unique())
            assert exp["indicators"] == have, tag
        if exp["intent"] == "overview" and ds == "lgbf":
            cats = raw.info[raw.info.ISCategory == raw.info.loc[exp["indicators"][0], "ISCategory"]].index
            assert sorted(cats) == exp["indicators"], tag
    return checked
