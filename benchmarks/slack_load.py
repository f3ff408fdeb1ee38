"""Loopback load test of the Slack app in HTTP mode: N signed app_mentions in S seconds against the real app.

    python benchmarks/slack_load.py [--mentions 200] [--seconds 60] [--out benchmarks/results]

Builds the fictional sample pack into a temporary home, serves the real bolt app (waitress, 127.0.0.1) against the
loopback fake Slack Web API of tests/slack_harness, and sends the mentions at a steady rate (every tenth one is
also re-delivered the way Slack retries, same event_id with X-Slack-Retry-Num). Reports how many were acked under
3 s, answered exactly once and lost, with p50/p95 of the ack, the visible "working" placeholder and the answer.
Bounded: the run waits at most --answer-timeout seconds for answers after the last mention, then stops.
Exit status 1 when any mention was not acked under 3 s, lost, or answered twice.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

# A mix of indicator, document and follow-up-free mixed questions over the sample pack.
QUESTIONS = (
    "How has our household recycling rate changed since 2019?",
    "What are the council plan's priorities?",
    "What did the peer challenge recommend about scrutiny?",
    "How does our council tax collection compare with our nearest neighbours?",
    "What did the performance report say about missed bin collections?",
    "How many days on average does it take to process new housing benefit claims?",
    "What did the auditor say about financial sustainability?",
    "How has sickness absence changed?",
)
ACK_BUDGET_SECONDS = 3.0


def main(argv: list[str] | None = None) -> int:
    """Run the load test, print and write the figures; non-zero exit when a mention was not handled once."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--answer-timeout", type=float, default=900.0)
    parser.add_argument("--http-threads", type=int, default=16)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    args = parser.parse_args(argv)

    from bot.assistant import Assistant
    from bot.demo import prepare_home
    from bot.models import CallerContext
    from slack_harness import running_rig
    from slack_harness.load import run_mentions

    with tempfile.TemporaryDirectory(prefix="scrutiny-slack-load-") as tmp:
        work = Path(tmp)
        print("building the sample home ...", flush=True)
        settings = prepare_home(work / "home")
        assistant = Assistant(settings)
        assistant.holdings(CallerContext())  # open the stores before the clock starts, as a running server would have
        print(f"sending {args.mentions} mentions over {args.seconds:.0f} s ...", flush=True)
        # The default rate limit stays on (each of the 50 users asks 4 times, under it), so its database work counts.
        with running_rig(settings, assistant, work, http_threads=args.http_threads) as rig:
            started = time.monotonic()
            result = run_mentions(rig, QUESTIONS, count=args.mentions, seconds=args.seconds, channels=20,
                                  users=50, retry_every=10, answer_timeout=args.answer_timeout)
            elapsed = time.monotonic() - started
            errors = sum(1 for c in rig.slack.of("chat.update") if "went wrong" in json.dumps(c.params))
    summary = result.summary()
    summary["answers_with_error_text"] = errors
    summary["acked_over_3s"] = sum(1 for s in result.ack_seconds if s >= ACK_BUDGET_SECONDS)
    summary["run_seconds"] = round(elapsed, 1)
    ok = (summary["acked_ok"] == args.mentions and summary["acked_over_3s"] == 0 and summary["lost"] == 0
          and summary["answered_twice"] == 0 and summary["answered"] == args.mentions)
    report = {"benchmark": "slack_load", "when": datetime.now(UTC).isoformat(timespec="seconds"),
              "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "system": platform.system()},
              "parameters": {"mentions": args.mentions, "seconds": args.seconds, "http_threads": args.http_threads,
                             "retry_every": 10},
              "result": summary, "passed": ok}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "slack_load.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
