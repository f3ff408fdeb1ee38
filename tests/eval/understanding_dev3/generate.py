"""Builds tests/eval/understanding_dev3/dev3.yaml: a third blind development set of councillors' questions.

Written without sight of the product code. Reads the raw data each run and checks every item against it.

    .venv/bin/python tests/eval/understanding_dev3/generate.py --shared ../shared --out tests/eval/understanding_dev3
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import yaml  # noqa: E402
from d3_core import Builder, check, check_words  # noqa: E402
from d3_data import LGBF, OFLOG, SAMPLE, Data  # noqa: E402
from d3_families import (  # noqa: E402
    compare_item,
    overview_item,
    pnh_item,
    span_item,
    target_item,
    trend_item,
    value_item,
)
from d3_followups import followups  # noqa: E402
from d3_rank_names import NamePicker, names_item, rank_item, unknown_items  # noqa: E402
from d3_verify import RawCheck  # noqa: E402

SEED = 20250317
PACK = HERE.parents[2] / "bot" / "sample_pack" / "data"


def make(b: Builder, seen: set[tuple[str, ...]], count: int, fn, *args) -> None:
    """Call ``fn`` until it has added ``count`` items with questions not seen before."""
    made = 0
    for _ in range(count * 200):
        if made == count:
            return
        if fn(b, *args):
            turns = tuple(t.lower() for t in b.items[-1]["turns"])
            if turns in seen:
                b.retract()
                continue
            seen.add(turns)
            made += 1
    raise RuntimeError(f"could not make {count} items with {fn.__name__}{args}")


def build(data: Data) -> list[dict]:
    b = Builder(data, random.Random(SEED))
    seen: set[tuple[str, ...]] = set()
    for ds, n in ((OFLOG, 6), (LGBF, 6), (SAMPLE, 4)):
        make(b, seen, n, value_item, ds)
    for ds, n in ((OFLOG, 6), (LGBF, 6), (SAMPLE, 4)):
        make(b, seen, n, span_item, ds)
    for ds, n in ((OFLOG, 6), (LGBF, 6), (SAMPLE, 4)):
        make(b, seen, n, trend_item, ds)
    for ds, kinds in ((OFLOG, ("area", "neighbours", "national")), (LGBF, ("area", "neighbours", "national")),
                      (SAMPLE, ("area", "neighbours"))):
        for kind in kinds:
            make(b, seen, 3 if ds == SAMPLE else 2, compare_item, ds, kind)
    for ds, n in ((OFLOG, 5), (LGBF, 5), (SAMPLE, 4)):
        make(b, seen, n, overview_item, ds)
    make(b, seen, 14, target_item)
    for ds, n in ((OFLOG, 6), (LGBF, 6), (SAMPLE, 4)):
        make(b, seen, n, pnh_item, ds)
    for ds, n in ((OFLOG, 15), (LGBF, 15), (SAMPLE, 10)):
        make(b, seen, n, rank_item, ds)
    for ds, n in ((OFLOG, 28), (LGBF, 24), (SAMPLE, 8)):
        make(b, seen, n, names_item, ds, NamePicker(b, ds))
    unknown_items(b)
    followups(b)
    for item in b.items:
        check(data, item)
    turns = [tuple(t.lower() for t in item["turns"]) for item in b.items]
    dupes = [t for t, c in Counter(turns).items() if c > 1]
    if dupes:
        raise AssertionError(f"duplicate questions: {dupes[:3]}")
    return b.items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    data = Data(args.shared, PACK)
    check_words(data)
    items = build(data)
    raw = RawCheck(args.shared, PACK)
    for item in items:
        raw.check(item)
    doc = {
        "name": "understanding_dev3",
        "description": "Councillors' and officers' questions (Slack style) with the reading expected; a third blind "
        "development set written without sight of the product code, built by generate.py from ../shared/data and "
        "the sample pack. Do not edit by hand.",
        "seed": SEED,
        "items": items,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120)
    (args.out / "dev3.yaml").write_text(text, encoding="utf-8")
    counts = Counter(item["family"] for item in items)
    print(f"{len(items)} items: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
