"""Warm `ask` latency per intent on the LGBF table (issue 13): value, span, trend, two councils, against Scotland,
a ranking, a council's place in a ranking, a service overview, a year not held, a follow-up, and a question that is
not held. Each question goes through `Assistant.ask` as the CLI and Slack ask it (no LLM), on a home holding the
real LGBF data; DESIGN's budget for an indicator question is p95 <= 200 ms.

    .venv/bin/python benchmarks/intent_latency.py [--shared ../shared] [--repeat 30] [--out results/intent.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

HOME = "S-fife"
BUDGET_MS = 200.0
# (intent, question, follow-up or None): each a question a councillor might type about Fife or another council.
QUESTIONS: list[tuple[str, str, str | None]] = [
    ("value", "what was our council tax collection rate in 2019/20?", None),
    ("value", "cost per primary school pupil in Edinburgh", None),
    ("span", "how did our recycling rate change between 2015-16 and 2021-22?", None),
    ("trend", "has street cleanliness got better since 2016?", None),
    ("compare", "are we better or worse than Dundee on sickness absence for teachers?", None),
    ("compare", "how do we compare with the Scottish average on invoices paid within 30 days?", None),
    ("rank", "top 5 councils in Scotland for the recycling rate", None),
    ("rank", "where do we rank in our family group on cost per library visit?", None),
    ("overview", "how are we doing on adult social care?", None),
    ("period_not_held", "home care costs per hour in 2005-06", None),
    ("followup", "what was our cost per secondary pupil in 2018-19?", "and Glasgow?"),
    ("unknown", "how many potholes did we fill last year?", None),
]


def _p(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100)[q - 1] if len(samples) >= 20 else max(samples)


def run(shared: Path, repeat: int) -> dict[str, dict[str, float]]:
    """Per intent: p50 and p95 in ms over `repeat` rounds of its questions (after one warm-up round)."""
    from bot.assistant import Assistant
    from bot.conversation import Conversation
    from bot.models import CallerContext
    from bot.settings import load_settings
    from indicators.store import IndicatorStore
    from knowledge.embedding import make_embedder

    work = Path(tempfile.mkdtemp(prefix="intent-latency-"))
    IndicatorStore(work / "home").import_file(shared / "data" / "lgbf", fmt="lgbf")
    assistant = Assistant(load_settings(home=work / "home", llm=None, chroma_host=None),
                          embedder=make_embedder("onnx", work / "models"))
    caller = CallerContext(area=HOME)
    times: dict[str, list[float]] = {}
    for round_no in range(repeat + 1):
        for intent, question, follow in QUESTIONS:
            thread = Conversation()
            start = time.perf_counter()
            assistant.ask(question, caller, conversation=thread)
            if follow is not None:
                # The follow-up is what is timed for its intent; the first question sets up the thread.
                start = time.perf_counter()
                assistant.ask(follow, caller, conversation=thread)
            elapsed = (time.perf_counter() - start) * 1000
            if round_no:  # round 0 warms caches (the store's index, the embedder's session)
                times.setdefault(intent, []).append(elapsed)
    return {intent: {"p50_ms": round(_p(v, 50), 1), "p95_ms": round(_p(v, 95), 1), "n": len(v)}
            for intent, v in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    result = run(args.shared, args.repeat)
    print(f"{'intent':<16} {'p50 ms':>8} {'p95 ms':>8}  within {BUDGET_MS:.0f} ms")
    for intent, r in result.items():
        print(f"{intent:<16} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f}  {'yes' if r['p95_ms'] <= BUDGET_MS else 'NO'}")
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
