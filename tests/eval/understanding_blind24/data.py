"""Load the raw indicator files for the blind set 24 generator (pandas only)."""

import json
import re
from pathlib import Path

import pandas as pd

SHARED = Path("/work/shared/data")
SAMPLE = Path("/work/main/bot/sample_pack/data")
SAMPLE_HOME = "E07999001"
EXCLUDED = {
    "E10000002", "E06000060", "E10000009", "E06000059", "E10000021",
    "E06000028", "E06000029", "E06000058", "E06000053", "E09000001",
}
ASC_HIGHER = {"ASC1", "ASC2", "ASC3", "ASC4", "ASC5"}
ASC_LOWER = {"ASC7"}


def slug(name: str) -> str:
    return "S-" + re.sub(r"[^a-z0-9]+", "-", name.lower().replace("&", "and")).strip("-")


def fy_start(period: str) -> int:
    return int(period[:4])


def fy(start: int) -> str:
    return f"{start}-{str(start + 1)[-2:]}"


class Data:
    def __init__(self) -> None:
        a = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv")
        a = a.rename(columns={"Financial year": "period", "Local authority code": "area_code",
                              "Local authority name": "area_name", "Code": "indicator_id", "Value": "value"})
        a["indicator_id"] = a["indicator_id"].str.strip().str.upper()
        self.oflog = a[["indicator_id", "area_code", "area_name", "period", "value"]].dropna(subset=["value"])
        self.oflog_areas = sorted(a["area_code"].unique())
        self.oflog_names = dict(a[["area_code", "area_name"]].drop_duplicates("area_code").values)
        self.nn = json.loads((SHARED / "oflog_asc" / "nearest_neighbours.json").read_text())
        self.oflog_valid = sorted(
            c for c in self.oflog_areas
            if c in self.nn and c not in EXCLUDED and not (set(self.nn[c]) & EXCLUDED)
        )
        s = pd.read_csv(SAMPLE / "indicators.csv")
        self.sample = s[["indicator_id", "area_code", "area_name", "period", "value", "polarity", "target"]]
        self.sample_names = dict(s[["area_code", "area_name"]].drop_duplicates("area_code").values)
        g = pd.read_csv(SAMPLE / "nearest_neighbours.csv")
        self.sample_group = sorted(g[g["area_code"] == SAMPLE_HOME]["member_code"])
        self.sample_polarity = dict(s[["indicator_id", "polarity"]].drop_duplicates("indicator_id").values)
        info = pd.read_csv(SHARED / "lgbf" / "indicator_information.csv", encoding="utf-8-sig")
        self.lgbf_info = info

    # ---- generic helpers -------------------------------------------------
    def frame(self, ds: str) -> pd.DataFrame:
        return self.oflog if ds == "oflog" else self.sample

    def value(self, ds: str, ind: str, area: str, period: str):
        f = self.frame(ds)
        r = f[(f.indicator_id == ind) & (f.area_code == area) & (f.period == period)]
        return None if r.empty else float(r["value"].iloc[0])

    def annual_periods(self, ds: str, ind: str, area: str) -> list[str]:
        f = self.frame(ds)
        r = f[(f.indicator_id == ind) & (f.area_code == area) & (~f.period.str.contains("Q"))]
        return sorted(r["period"].unique())

    def held_inds(self, ds: str, area: str) -> set[str]:
        f = self.frame(ds)
        return set(f[f.area_code == area]["indicator_id"].unique())

    def group(self, ds: str, home: str, kind: str) -> list[str]:
        if ds == "sample":
            return list(self.sample_group)
        if kind == "england":
            return list(self.oflog_areas)
        return list(self.nn[home])

    def lower_better(self, ds: str, ind: str) -> bool:
        if ds == "oflog":
            return ind in ASC_LOWER
        return self.sample_polarity[ind] == "lower_is_better"

    def rank_period(self, ds: str, ind: str, members: list[str]):
        f = self.frame(ds)
        r = f[(f.indicator_id == ind) & (f.area_code.isin(members)) & (~f.period.str.contains("Q"))]
        counts = r.groupby("period")["area_code"].nunique()
        ok = [p for p, c in counts.items() if c * 2 >= len(members)]
        return max(ok) if ok else None

    def ranked(self, ds: str, ind: str, members: list[str], period: str, order: str):
        """Members holding a value at period, best first (or worst first)."""
        f = self.frame(ds)
        r = f[(f.indicator_id == ind) & (f.area_code.isin(members)) & (f.period == period)]
        r = r.drop_duplicates("area_code")
        asc = self.lower_better(ds, ind)
        if order == "worst":
            asc = not asc
        r = r.sort_values(["value", "area_code"], ascending=[asc, True])
        return list(zip(r["area_code"], r["value"].astype(float), strict=True))
