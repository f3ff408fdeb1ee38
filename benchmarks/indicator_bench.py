"""Indicator engine benchmarks: LGBF import time, warm p95 of an indicator question on LGBF and on a synthetic
1,000,000-row table, and peak memory.

    .venv/bin/python benchmarks/indicator_bench.py [--shared ../shared] [--rows 1000000] [--repeat 200]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from indicators.analysis import analyse  # noqa: E402
from indicators.query import resolve  # noqa: E402
from indicators.store import IndicatorStore  # noqa: E402

LGBF_QUESTIONS = [
    ("How has our recycling rate changed since 2019?", "S-fife"),
    ("cost per primary school pupil in Edinburgh since 2015", "S-fife"),
    ("Are adults in Argyll and Bute satisfied with refuse collection?", "S-fife"),
    ("How long do our non-emergency repairs take?", "S-highland"),
    ("gender pay gap for Perth & Kinross in 2021-22", "S-fife"),
    ("invoices paid within 30 days in North Lanarkshire", "S-fife"),
]


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[94] if len(samples) >= 20 else max(samples)


def _ask(store: IndicatorStore, question: str, home: str) -> None:
    res = resolve(store, question, home)
    if res.status != "resolved" or res.indicator_id is None or res.area_code is None:
        raise SystemExit(f"benchmark question did not resolve: {question!r}: {res.status} {res.message}")
    analyse(store, res.indicator_id, res.area_code, since=res.since, last_n=res.last_n,
            comparison=res.comparison, period=res.period)


def _question_p95(store: IndicatorStore, questions: list[tuple[str, str]], repeat: int) -> dict[str, float]:
    for q, home in questions:  # warm: data loaded, matching index built
        _ask(store, q, home)
    samples = []
    for i in range(repeat):
        q, home = questions[i % len(questions)]
        t = time.perf_counter()
        _ask(store, q, home)
        samples.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": statistics.median(samples), "p95_ms": _p95(samples), "max_ms": max(samples)}


def _synthetic(path: Path, rows: int, seed: int = 7) -> list[tuple[str, str]]:
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    periods = [f"{y}-{(y + 1) % 100:02d}" for y in range(2010, 2023)]  # 13
    areas = [f"X{i:05d}" for i in range(400)]
    n_ind = max(1, rows // (len(periods) * len(areas)))
    words = ["waste", "housing", "planning", "libraries", "parks", "roads", "care", "schools", "benefits",
             "licensing", "leisure", "museums", "transport", "tax", "rent", "repairs", "absence", "complaints"]
    ids = [f"SYN{i:04d}" for i in range(n_ind)]
    names = [f"{words[i % len(words)].title()} measure {i} {words[(i * 7 + 3) % len(words)]}" for i in range(n_ind)]
    grid = pd.MultiIndex.from_product([range(n_ind), areas, periods], names=["i", "area_code", "period"])
    frame = grid.to_frame(index=False)
    frame["indicator_id"] = [ids[i] for i in frame["i"]]
    frame["indicator_name"] = [names[i] for i in frame["i"]]
    frame["area_name"] = "Council " + frame["area_code"]
    frame["value"] = rng.normal(50, 10, len(frame)).round(3)
    frame["unit"] = "%"
    frame["polarity"] = "higher_is_better"
    frame = frame.drop(columns="i").head(rows)
    frame.to_parquet(path, index=False)
    groups = path.with_name("groups.csv")
    lines = ["area_code,group,member_code"]
    for k, a in enumerate(areas):
        lines += [f"{a},Synthetic group {k // 16},{m}" for m in areas[(k // 16) * 16:(k // 16) * 16 + 16]]
    groups.write_text("\n".join(lines) + "\n")
    pick = random.Random(seed)
    return [(f"{names[j]} in Council {areas[pick.randrange(len(areas))]} since 2015", areas[0])
            for j in pick.sample(range(n_ind), min(6, n_ind))]


def main() -> None:
    """Run the benchmarks and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    out: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "lgbf-home"
        times = []
        for _ in range(3):
            store = IndicatorStore(home)
            t = time.perf_counter()
            report = store.import_file(args.shared / "data" / "lgbf", fmt="lgbf")
            times.append(time.perf_counter() - t)
        out["lgbf_import_s"] = {"median": statistics.median(times), "runs": times, "rows": report.rows}
        cold = IndicatorStore(home)
        t = time.perf_counter()
        cold.table()
        out["lgbf_load_s"] = time.perf_counter() - t
        out["lgbf_question"] = _question_p95(cold, LGBF_QUESTIONS, args.repeat)

        syn_path = Path(tmp) / "synthetic.parquet"
        questions = _synthetic(syn_path, args.rows)
        syn = IndicatorStore(Path(tmp) / "syn-home")
        t = time.perf_counter()
        rep = syn.import_file(syn_path, groups=syn_path.with_name("groups.csv"), dataset="synthetic")
        out["synthetic_import_s"] = {"seconds": time.perf_counter() - t, "rows": rep.rows}
        syn_cold = IndicatorStore(Path(tmp) / "syn-home")
        t = time.perf_counter()
        syn_cold.table()
        out["synthetic_load_s"] = time.perf_counter() - t
        out["synthetic_question"] = _question_p95(syn_cold, questions, max(40, args.repeat // 4))
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["targets"] = {"lgbf_question_p95_ms": 200, "synthetic_question_p95_ms": 1000}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
