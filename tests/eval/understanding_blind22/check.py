"""Independent re-check of dev.yaml / holdout.yaml against the raw files (plain pandas, not the generator's loader).

Run from /work/main:  .venv/bin/python tests/eval/understanding_blind22/check.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import yaml

HERE = Path(__file__).resolve().parent
MAIN = HERE.parents[2]
SHARED = MAIN.parent / "shared" / "data"

EXCLUDED = {"E10000002", "E06000060", "E10000009", "E06000059", "E10000021", "E06000028", "E06000029",
            "E06000058", "E06000053", "E09000001"}
TOKENS = {"neighbours", "england", "scotland"}
PERIOD = re.compile(r"^\d{4}-\d{2}( Q[1-4])?$")


def slug(name: str) -> str:
    return "S-" + re.sub(r"[^a-z0-9]+", "-", name.lower().replace("&", "and")).strip("-")


def load() -> dict[str, dict[tuple[str, str, str], float]]:
    out: dict[str, dict[tuple[str, str, str], float]] = {"oflog": {}, "lgbf": {}, "sample": {}}
    o = pd.read_csv(SHARED / "oflog_asc" / "asc_data.csv").dropna(subset=["Value"])
    for r in o.itertuples(index=False):
        out["oflog"][(str(r.Code).upper(), r[1], r[0])] = float(r.Value)
    lg = pd.read_csv(SHARED / "lgbf" / "lgbf_values_real.csv").dropna(subset=["LA_IndicatorReal", "LocalAuthority"])
    for r in lg.itertuples(index=False):
        out["lgbf"][(r.Code, slug(r.LocalAuthority), str(r.Year))] = float(r.LA_IndicatorReal)
    s = pd.read_csv(MAIN / "bot" / "sample_pack" / "data" / "indicators.csv").dropna(subset=["value"])
    for r in s.itertuples(index=False):
        out["sample"][(r.indicator_id, r.area_code, r.period)] = float(r.value)
    return out


def main() -> None:
    vals = load()
    nn = json.loads((SHARED / "oflog_asc" / "nearest_neighbours.json").read_text())
    bad_homes = {c for c, lst in nn.items() if set(lst) & EXCLUDED} | EXCLUDED
    problems, n = [], 0
    ids = set()
    for name in ("dev", "holdout"):
        doc = yaml.safe_load((HERE / f"{name}.yaml").read_text())
        assert doc["count"] == len(doc["items"])
        for it in doc["items"]:
            n += 1
            iid = it["id"]
            if iid in ids:
                problems.append(f"{iid}: duplicate id")
            ids.add(iid)
            e = it["expect"]
            if it.get("expect_each") and it["expect_each"][-1] != e:
                problems.append(f"{iid}: expect_each last != expect")
            for p in (e["periods"]["from"], e["periods"]["to"]):
                if p is not None and not PERIOD.match(p):
                    problems.append(f"{iid}: bad period {p}")
            if it["dataset"] == "oflog":
                if it["home_area"] in bad_homes or it["home_area"] not in nn:
                    problems.append(f"{iid}: excluded home")
                for a in e["areas"]:
                    if a not in TOKENS and a in bad_homes:
                        problems.append(f"{iid}: excluded named council {a}")
            if e["intent"] == "rank" and e["comparison"] != "ranking":
                problems.append(f"{iid}: rank without ranking comparison")
            if e["intent"] == "unknown" and (e["indicators"] or e["areas"]):
                problems.append(f"{iid}: unknown with content")
            for f in it.get("figures") or []:
                key = (f["indicator_id"], f["area_code"], f["period"])
                raw = vals[it["dataset"]].get(key)
                if raw is None or abs(raw - f["value"]) > 1e-9:
                    problems.append(f"{iid}: figure {key}={f['value']} raw={raw}")
            if it["family"] == "period_not_held":
                held = {k[2] for k in vals[it["dataset"]] if k[0] == e["indicators"][0] and k[1] == e["areas"][0]}
                if e["periods"]["to"] in held:
                    problems.append(f"{iid}: period is held")
    print(f"{n} items checked, {len(problems)} problems")
    for p in problems:
        print(" ", p)


if __name__ == "__main__":
    main()
