"""A second, independent look-up of every figure and ranking with pandas filters on freshly read raw files.

``d3_data`` builds dictionaries; this module filters the raw tables row by row instead, so a slip in one is caught
by the other before anything is written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from d3_data import slug_code


class RawCheck:
    def __init__(self, shared: Path, pack: Path) -> None:
        self.oflog = pd.read_csv(shared / "data" / "oflog_asc" / "asc_data.csv")
        self.oflog["Code"] = self.oflog["Code"].str.strip().str.upper()
        self.oflog_nn = json.loads((shared / "data" / "oflog_asc" / "nearest_neighbours.json").read_text())
        self.lgbf = pd.read_csv(shared / "data" / "lgbf" / "lgbf_values_real.csv").dropna(subset=["Code"])
        self.lgbf["area"] = self.lgbf["LocalAuthority"].map(slug_code)
        self.lgbf_info = pd.read_csv(shared / "data" / "lgbf" / "indicator_information.csv").set_index("Code")
        self.families = pd.read_csv(shared / "data" / "lgbf" / "family_groups.csv")
        self.families["area"] = self.families["Local_Authority"].map(slug_code)
        self.sample = pd.read_csv(pack / "indicators.csv")
        self.sample_nn = pd.read_csv(pack / "nearest_neighbours.csv")

    # ------------------------------------------------------------------ single values
    def value(self, ds: str, ind: str, area: str, period: str) -> float | None:
        if area in ("england", "scotland"):
            return self.national(ds, ind, period)
        if ds == "oflog":
            t = self.oflog
            rows = t[(t["Code"] == ind) & (t["Local authority code"] == area) & (t["Financial year"] == period)]
            vals = rows["Value"].dropna()
        elif ds == "lgbf":
            t = self.lgbf
            rows = t[(t["Code"] == ind) & (t["area"] == area) & (t["Year"] == period)]
            vals = rows["LA_IndicatorReal"].dropna()
        else:
            t = self.sample
            rows = t[(t["indicator_id"] == ind) & (t["area_code"] == area) & (t["period"] == period)]
            vals = rows["value"].dropna()
        return float(vals.iloc[0]) if len(vals) == 1 else None

    def national(self, ds: str, ind: str, period: str) -> float | None:
        if ds == "oflog":
            t = self.oflog
            vals = t[(t["Code"] == ind) & (t["Financial year"] == period)]["MEDIAN"].dropna().unique()
        elif ds == "lgbf":
            t = self.lgbf
            vals = t[(t["Code"] == ind) & (t["Year"] == period)]["Scotland_Indicator_Real"].dropna().unique()
        else:
            return None
        return float(vals[0]) if len(vals) == 1 else None

    # ------------------------------------------------------------------ rankings
    def members(self, ds: str, scope: str, home: str, ind: str) -> list[str] | None:
        """None means every council in the dataset."""
        if scope != "neighbours":
            return None
        if ds == "oflog":
            return list(self.oflog_nn[home])
        if ds == "lgbf":
            kind = self.lgbf_info.loc[ind, "FamilyGrouping"]
            part = self.families[self.families["Type"] == kind]
            family = part[part["area"] == home]["Family_Group"].iloc[0]
            return list(part[part["Family_Group"] == family]["area"])
        return list(self.sample_nn[self.sample_nn["area_code"] == home]["member_code"])

    def table(self, ds: str, ind: str, period: str) -> pd.DataFrame:
        if ds == "oflog":
            t = self.oflog
            rows = t[(t["Code"] == ind) & (t["Financial year"] == period)]
            return pd.DataFrame({"area": rows["Local authority code"], "value": rows["Value"]}).dropna()
        if ds == "lgbf":
            t = self.lgbf
            rows = t[(t["Code"] == ind) & (t["Year"] == period)]
            return pd.DataFrame({"area": rows["area"], "value": rows["LA_IndicatorReal"]}).dropna()
        t = self.sample
        rows = t[(t["indicator_id"] == ind) & (t["period"] == period)]
        return pd.DataFrame({"area": rows["area_code"], "value": rows["value"]}).dropna()

    def higher_is_better(self, ds: str, ind: str) -> bool | None:
        if ds == "oflog":
            orders = {str(o).lower() for o in self.oflog[self.oflog["Code"] == ind]["rank_order"].dropna()}
            return True if "desc" in orders else (False if ind == "ASC7" else None)
        if ds == "lgbf":
            row = self.lgbf_info.loc[ind]
            if row["Ranking_Type"] == "Goldilocks" or pd.notna(row["Ranking_GoldilocksMidpoint"]):
                return None
            return row["Ranking_Type"] != "Ascending"
        pol = self.sample[self.sample["indicator_id"] == ind]["polarity"].iloc[0]
        return {"higher_is_better": True, "lower_is_better": False}.get(pol)

    def check_rank(self, item: dict) -> None:
        exp = item["expect"]
        ds, home, ind = item["dataset"], item["home_area"], exp["indicators"][0]
        scope = [a for a in exp["areas"] if a in ("england", "scotland", "neighbours")][0]
        higher = self.higher_is_better(ds, ind)
        if higher is None:
            raise AssertionError(f"{item['id']}: ranks a measure with no direction")
        period = item["figures"][0]["period"]
        table = self.table(ds, ind, period)
        members = self.members(ds, scope, home, ind)
        if members is not None:
            table = table[table["area"].isin(members)]
        if exp["n"] is None:
            return
        best_first = exp["order"] == "best"
        ordered = table.sort_values("value", ascending=not (higher == best_first))
        want = list(ordered["value"].head(exp["n"]))
        got = [f["value"] for f in item["figures"]]
        if want != got:
            raise AssertionError(f"{item['id']}: ranking figures {got} are not the {exp['order']} {exp['n']} {want}")
        if len(ordered) > exp["n"] and ordered["value"].iloc[exp["n"]] == want[-1]:
            raise AssertionError(f"{item['id']}: a tie at the cut-off")

    def check(self, item: dict) -> None:
        for f in item["figures"]:
            got = self.value(item["dataset"], f["indicator_id"], f["area_code"], f["period"])
            if got != f["value"]:
                raise AssertionError(f"{item['id']}: raw look-up gives {got} for {f}")
        if item["expect"]["intent"] == "rank":
            self.check_rank(item)
