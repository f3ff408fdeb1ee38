"""Build dev4.yaml: a fourth blind development set for question understanding.

    .venv/bin/python tests/eval/understanding_dev4/generate.py --shared ../shared --out tests/eval/understanding_dev4

Reads the raw data on every run, uses a fixed seed, checks every item twice (the builder's look-ups, then
d4_verify's independent pandas filters), and writes byte-identical output on every run.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from d4_core import Builder  # noqa: E402
from d4_data import Data  # noqa: E402
from d4_families import build_all  # noqa: E402
from d4_followups import build_followups  # noqa: E402
from d4_names import build_names  # noqa: E402
from d4_rank import build_rank  # noqa: E402
from d4_unknown import build_unknown  # noqa: E402
from d4_verify import verify  # noqa: E402

SEED = 20250402
DESCRIPTION = ("Councillors' and officers' questions with the reading expected; a fourth blind development set "
               "written without sight of the product code, built by generate.py from ../shared/data and the sample "
               "pack. Do not edit by hand.")
FAMILY_ORDER = ["value", "span", "trend", "compare", "overview", "period_not_held", "target", "names", "rank",
                "unknown", "followup"]


def build(shared: Path) -> list[dict]:
    b = Builder(Data(shared), SEED)
    build_all(b)
    build_names(b)
    build_rank(b)
    build_unknown(b)
    build_followups(b)
    items = sorted(b.items, key=lambda it: (FAMILY_ORDER.index(it["family"]), it["id"]))
    return items


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = ap.parse_args()
    items = build(args.shared)
    checked = verify(items, args.shared)
    doc = {"name": "understanding_dev4", "description": DESCRIPTION, "seed": SEED, "items": items}
    args.out.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120)
    (args.out / "dev4.yaml").write_text(text, encoding="utf-8")
    fam = Counter(it["family"] for it in items)
    by_ds = Counter((it["family"], it["dataset"]) for it in items)
    print(f"{len(items)} items, {checked} figures checked independently")
    for f in FAMILY_ORDER:
        print(f"  {f:16s} {fam[f]:3d}  " + " ".join(f"{d}={by_ds[(f, d)]}" for d in ("oflog", "lgbf", "sample")))


if __name__ == "__main__":
    main()
