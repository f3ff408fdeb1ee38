"""Loopback load test of the Slack app in HTTP mode: N signed app_mentions in S seconds against the real app.

    python benchmarks/slack_load.py [--mentions 200] [--seconds 60] [--streaming auto|off] [--out benchmarks/results]
    python benchmarks/slack_load.py --suite   # 300 in 3 s, 300 in 60 s, 200 in 60 s, quick questions behind briefs

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
BRIEFS = ("brief on waste and recycling", "brief on homelessness", "brief on council tax collection",
          "brief on sickness absence", "brief on housing benefit", "brief on missed bin collections")
ACK_BUDGET_SECONDS = 3.0
WORKING_BUDGET_SECONDS = 1.0


def burst(settings, assistant, work: Path, mentions: int, seconds: float, streaming: str, http_threads: int,
          answer_timeout: float, name: str) -> dict:
    """One run of `mentions` over `seconds` in a fresh rig; its summary with the pass verdict."""
    import json as _json

    from bot.slack.workers import warm
    from slack_harness import running_rig
    from slack_harness.load import run_mentions

    (work / name).mkdir()
    with running_rig(settings, assistant, work / name, http_threads=http_threads,
                     access={"streaming": streaming}) as rig:
        warm([*rig.parts.pool.assistants, rig.parts.pool.meta])  # as `serve` does before it listens
        started = time.monotonic()
        result = run_mentions(rig, QUESTIONS, count=mentions, seconds=seconds, channels=20, users=50,
                              retry_every=10, answer_timeout=answer_timeout)
        elapsed = time.monotonic() - started
        errors = sum(1 for c in rig.slack.of("chat.update") + rig.slack.of("chat.stopStream")
                     if "went wrong" in _json.dumps(c.params))
    summary = result.summary()
    summary["answers_with_error_text"] = errors
    summary["acked_over_3s"] = sum(1 for s in result.ack_seconds if s >= ACK_BUDGET_SECONDS)
    summary["run_seconds"] = round(elapsed, 1)
    summary["streaming"] = streaming
    summary["passed"] = (summary["acked_ok"] == mentions and summary["acked_over_3s"] == 0
                         and summary["lost"] == 0 and summary["answered_twice"] == 0
                         and summary["answered"] == mentions and errors == 0
                         and summary.get("working_p95_ms", 0) < WORKING_BUDGET_SECONDS * 1000)
    return summary


def behind_briefs(settings, assistant, work: Path, briefs: int, quick: int, seconds: float, streaming: str,
                  http_threads: int, answer_timeout: float, name: str = "briefs") -> dict:
    """Briefing notes first, then quick questions while they are queued: the quick answers' times."""
    import threading

    from bot.slack.workers import warm
    from slack_harness import running_rig
    from slack_harness.load import run_mentions

    (work / name).mkdir()
    results: dict[str, object] = {}
    with running_rig(settings, assistant, work / name, http_threads=http_threads,
                     access={"streaming": streaming}) as rig:
        warm([*rig.parts.pool.assistants, rig.parts.pool.meta])

        def send_briefs() -> None:
            results["briefs"] = run_mentions(rig, BRIEFS, count=briefs, seconds=0.5, channels=briefs, users=briefs,
                                             retry_every=0, answer_timeout=answer_timeout, prefix="BRIEF")

        thread = threading.Thread(target=send_briefs)
        thread.start()
        time.sleep(0.6)
        results["quick"] = run_mentions(rig, QUESTIONS, count=quick, seconds=seconds, channels=10, users=30,
                                        retry_every=0, answer_timeout=answer_timeout, prefix="QUICK")
        thread.join(timeout=answer_timeout + 60)
    quick_summary = results["quick"].summary()  # type: ignore[attr-defined]
    brief_summary = results["briefs"].summary()  # type: ignore[attr-defined]
    return {"briefs": briefs, "quick": quick, "quick_seconds": seconds, "streaming": streaming,
            "quick_answer_p50_ms": quick_summary.get("answer_p50_ms"),
            "quick_answer_p95_ms": quick_summary.get("answer_p95_ms"),
            "quick_working_p95_ms": quick_summary.get("working_p95_ms"),
            "quick_answered": quick_summary["answered"], "quick_lost": quick_summary["lost"],
            "brief_answer_p50_ms": brief_summary.get("answer_p50_ms"),
            "brief_answer_max_ms": brief_summary.get("answer_max_ms"), "briefs_answered": brief_summary["answered"],
            "passed": quick_summary["answered"] == quick and brief_summary["answered"] == briefs}


def main(argv: list[str] | None = None) -> int:
    """Run the load test, print and write the figures; non-zero exit when a mention was not handled once."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--answer-timeout", type=float, default=900.0)
    parser.add_argument("--http-threads", type=int, default=16)
    parser.add_argument("--streaming", choices=("auto", "off"), default="auto")
    parser.add_argument("--suite", action="store_true", help="every scenario of issues 15 and 19, one report")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    args = parser.parse_args(argv)

    from bot.assistant import Assistant
    from bot.demo import prepare_home
    from bot.models import CallerContext
    from bot.slack.workers import favour_replies

    favour_replies()  # as `scrutiny serve` does

    with tempfile.TemporaryDirectory(prefix="scrutiny-slack-load-") as tmp:
        work = Path(tmp)
        print("building the sample home ...", flush=True)
        settings = prepare_home(work / "home")
        assistant = Assistant(settings)
        assistant.holdings(CallerContext())  # open the stores before the clock starts, as a running server would have
        runs: dict[str, dict] = {}
        if args.suite:
            plan = [("burst_300_in_3s", 300, 3.0), ("steady_300_in_60s", 300, 60.0),
                    ("steady_200_in_60s", 200, 60.0)]
        else:
            plan = [(f"{args.mentions}_in_{args.seconds:g}s", args.mentions, args.seconds)]
        for name, mentions, seconds in plan:
            print(f"{name}: sending {mentions} mentions over {seconds:g} s (streaming {args.streaming}) ...",
                  flush=True)
            runs[name] = burst(settings, assistant, work, mentions, seconds, args.streaming, args.http_threads,
                               args.answer_timeout, name)
            print(json.dumps(runs[name]), flush=True)
        if args.suite:
            print("quick questions behind 6 briefing notes ...", flush=True)
            runs["one_quick_at_a_time_behind_6_briefs"] = behind_briefs(
                settings, assistant, work, 6, 5, 5.0, args.streaming, args.http_threads, args.answer_timeout,
                name="briefs-a")
            print(json.dumps(runs["one_quick_at_a_time_behind_6_briefs"]), flush=True)
            runs["quick_behind_6_briefs"] = behind_briefs(settings, assistant, work, 6, 30, 3.0, args.streaming,
                                                          args.http_threads, args.answer_timeout, name="briefs-b")
            print(json.dumps(runs["quick_behind_6_briefs"]), flush=True)
    ok = all(r["passed"] for r in runs.values())
    from bot.slack.access import load_access

    report = {"benchmark": "slack_load", "when": datetime.now(UTC).isoformat(timespec="seconds"),
              "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "system": platform.system()},
              "parameters": {"http_threads": args.http_threads, "retry_every": 10, "streaming": args.streaming,
                             "answer_threads": load_access().answer_threads},
              "runs": runs, "passed": ok}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "slack_load.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
