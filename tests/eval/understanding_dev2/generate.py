"""Generate the dev2 understanding evaluation set from the raw public data (deterministic, fixed seed).

Run from the project root:
    .venv/bin/python tests/eval/understanding_dev2/generate.py --shared ../shared --out tests/eval/understanding_dev2
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from d2_core import Ctx  # noqa: E402
from d2_data import Dataset, load_lgbf, load_oflog, load_sample, period_key  # noqa: E402
from d2_families import build_compare, build_rank, build_span, build_trend, build_value  # noqa: E402
from d2_families2 import (  # noqa: E402
    build_names,
    build_not_held,
    build_overview,
    build_target,
    build_unknown,
)
from d2_followups import SAMPLE_ONLY, SCENARIOS  # noqa: E402

SEED = 20240611
GROUPS = {"england", "scotland", "neighbours"}

# family -> builder, {dataset: how many}
PLAN = [
    ("value", build_value, {"oflog": 10, "lgbf": 10, "sample": 10}),
    ("span", build_span, {"oflog": 10, "lgbf": 10, "sample": 10}),
    ("trend", build_trend, {"oflog": 10, "lgbf": 10, "sample": 10}),
    ("compare", build_compare, {"oflog": 10, "lgbf": 11, "sample": 9}),
    ("rank", build_rank, {"oflog": 11, "lgbf": 11, "sample": 8}),
    ("overview", build_overview, {"oflog": 9, "lgbf": 10, "sample": 8}),
    ("target", build_target, {"sample": 27}),
    ("period_not_held", build_not_held, {"oflog": 9, "lgbf": 9, "sample": 9}),
    ("names", build_names, {"oflog": 14, "lgbf": 15, "sample": 9}),
    ("unknown", build_unknown, {"oflog": 9, "lgbf": 9, "sample": 9}),
]
FOLLOWUPS = {"oflog": 14, "lgbf": 14, "sample": 12}
MAX_TRIES = 4000


def _run(ctx: Ctx, builder, ds: Dataset, count: int, label: str) -> list[dict]:
    out: list[dict] = []
    tries = 0
    while len(out) < count:
        tries += 1
        if tries > MAX_TRIES:
            raise SystemExit(f"could not build {count} {label} items for {ds.name} (got {len(out)})")
        item = builder(ctx, ds)
        if item is not None:
            out.append(item)
    return out


def _followups(ctx: Ctx, ds: Dataset, count: int) -> list[dict]:
    scenarios = SCENARIOS + (SAMPLE_ONLY if ds.name == "sample" else [])
    out: list[dict] = []
    k = 0
    while len(out) < count:
        scenario = scenarios[k % len(scenarios)]
        k += 1
        for _ in range(400):
            item = scenario(ctx, ds)
            if item is not None:
                out.append(item)
                break
        if k > count * 10:
            raise SystemExit(f"could not build {count} follow-ups for {ds.name}")
    return out


# --- an independent check of every item against the data --------------------------------------------------------
def _councils(exp: dict) -> list[str]:
    return [a for a in exp["areas"] if a not in GROUPS]


def _check_expect(ds: Dataset, home: str, exp: dict, where: str) -> list[str]:
    errs: list[str] = []
    periods = [p for p in (exp["periods"]["from"], exp["periods"]["to"]) if p]
    if exp["periods"]["from"] and exp["periods"]["to"]:
        if period_key(exp["periods"]["from"]) >= period_key(exp["periods"]["to"]):
            errs.append(f"{where}: span not increasing")
    councils = _councils(exp)
    if home in exp["areas"] and exp["areas"][0] != home:
        errs.append(f"{where}: home council not first")
    for ind in exp["indicators"]:
        if ind not in ds.polarity:
            errs.append(f"{where}: unknown indicator {ind}")
        for area in councils:
            for p in periods:
                if not ds.held(ind, area, p):
                    errs.append(f"{where}: {ind}/{area}/{p} not held")
        if exp["intent"] == "rank":
            if ds.polarity.get(ind) is None:
                errs.append(f"{where}: ranking a directionless indicator {ind}")
            for p in periods:
                if not ds.areas_with(ind, p):
                    errs.append(f"{where}: nobody holds {ind} in {p}")
    if exp["intent"] == "rank" and (not exp["n"] or exp["order"] not in ("best", "worst")):
        errs.append(f"{where}: rank without n/order")
    return errs


def validate(items: list[dict], datasets: dict[str, Dataset]) -> None:
    errs: list[str] = []
    for it in items:
        ds = datasets[it["dataset"]]
        exp = it["expect"]
        if it["family"] == "unknown":
            continue
        if it.get("not_held"):
            ind = exp["indicators"][0]
            area = _councils(exp)[0]
            asked = [p for p in (exp["periods"]["from"], exp["periods"]["to"]) if p]
            if all(ds.held(ind, area, p) for p in asked):
                errs.append(f"{it['id']}: period_not_held but all periods held")
            continue
        for k, e in enumerate(it.get("expect_each", [exp])):
            errs += _check_expect(ds, it["home_area"], e, f"{it['id']}[{k}]")
        if "expect_each" in it and len(it["expect_each"]) != len(it["turns"]):
            errs.append(f"{it['id']}: expect_each/turns length mismatch")
        for fig in it.get("figures", []):
            if fig["area_code"] in GROUPS:
                continue
            if ds.value(fig["indicator_id"], fig["area_code"], fig["period"]) != fig["value"]:
                errs.append(f"{it['id']}: figure mismatch {fig}")
    if errs:
        raise SystemExit("validation failed:\n" + "\n".join(errs[:50]))


def build(shared: Path, main: Path) -> list[dict]:
    datasets = {"oflog": load_oflog(shared), "lgbf": load_lgbf(shared), "sample": load_sample(main)}
    ctx = Ctx(datasets, SEED)
    items: list[dict] = []
    for family, builder, quota in PLAN:
        for name, count in quota.items():
            items += _run(ctx, builder, datasets[name], count, family)
    for name, count in FOLLOWUPS.items():
        items += _followups(ctx, datasets[name], count)
    per: Counter = Counter()
    for it in items:
        key = (it["family"], it["dataset"])
        per[key] += 1
        it["id"] = f"dev2-{it['family']}-{it['dataset']}-{per[key]:03d}"
    validate(items, datasets)
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--main", type=Path, default=Path("."), help="project root (holds bot/sample_pack)")
    args = parser.parse_args()
    items = build(args.shared, args.main)
    doc = {
        "name": "understanding_dev2",
        "description": "Councillors' questions (Slack style) with the interpretation expected; built by generate.py "
        "from ../shared/data and the sample pack. Do not edit by hand.",
        "seed": SEED,
        "items": items,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "dev2.yaml", "w", encoding="utf-8") as fh:
        yaml.safe_dump(doc, fh, sort_keys=False, allow_unicode=True, width=110)
    counts = Counter(it["family"] for it in items)
    print(f"wrote {len(items)} items to {args.out / 'dev2.yaml'}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
