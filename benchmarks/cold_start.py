"""Cold start of the command line with each embedder: a new `scrutiny ask` process, side by side in one run.

    python benchmarks/cold_start.py [--runs 5] [--home DIR] [--corpus DIR] [--no-ingest] [--json OUT]

For onnx and sentence-transformers (SCRUTINY_EMBEDDER, applied by benchmarks/cli_child.py until the CLI reads it):
- cold `scrutiny ask --json` in a new process on the sample-pack home (bot.demo.prepare_home), for an indicator
  question and for a document question: median and worst of --runs after one untimed run, and the child's peak RSS
  (ru_maxrss from wait4), with what the child imported;
- import, then model load + first query, then warm query, each in a fresh process;
- the one-time ONNX export, timed in a fresh process into an empty folder (what a first use costs when
  `make install` did not export already);
- ingest throughput against the raw embedding throughput of the same embedder on the same chunks
  (benchmarks/ingest_bench.py) over ../shared/corpus, or the sample pack's documents without it.
Writes benchmarks/results/cold_start.json. Budgets (DESIGN.md): indicator <= 1.5 s, document <= 2.5 s, 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

KINDS = ("onnx", "sentence-transformers")
QUESTIONS = {"indicator": "How has our household recycling rate changed since 2019?",
             "document": "What are the council plan's priorities?"}
BUDGET_S = {"indicator": 1.5, "document": 2.5}
CHILD = REPO / "benchmarks" / "cli_child.py"
CORPUS = REPO.parent / "shared" / "corpus"
OUT = REPO / "benchmarks" / "results" / "cold_start.json"

# Run in a fresh interpreter: import time, then model load + first query, then one warm query.
_LOAD_PROBE = """
import json, sys, time
from pathlib import Path
kind, cache = sys.argv[1], Path(sys.argv[2])
t0 = time.perf_counter()
if kind == "onnx":
    import numpy, onnxruntime, tokenizers
    import knowledge.onnx_embedder
else:
    import torch, sentence_transformers
    import knowledge.embedder
from knowledge.embedding import make_embedder
t1 = time.perf_counter()
e = make_embedder(kind, cache)
e.embed_query("How has our household recycling rate changed since 2019?")
t2 = time.perf_counter()
e.embed_query("What did the peer challenge say about housing?")
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_and_first_query_s": t2 - t1, "warm_query_ms": (t3 - t2) * 1000}))
"""

_EXPORT_PROBE = """
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from knowledge.onnx_embedder import ensure_exported
path, made = ensure_exported(Path(sys.argv[1]), prebuilt=())
print(json.dumps({"export_s": time.perf_counter() - t0, "exported": made, "bytes": path.stat().st_size}))
"""


# The timed child is started by this small launcher, not by the benchmark process itself: Linux reports a child's
# ru_maxrss as at least the RSS of the process it was forked from, which for this process is hundreds of MB.
_LAUNCHER = """
import json, os, sys, time
out, err, *command = sys.argv[1:]
flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
actions = [(os.POSIX_SPAWN_OPEN, 1, out, flags, 0o644), (os.POSIX_SPAWN_OPEN, 2, err, flags, 0o644)]
started = time.perf_counter()
pid = os.posix_spawn(command[0], command, os.environ, file_actions=actions)
_, status, usage = os.wait4(pid, 0)
print(json.dumps({"seconds": time.perf_counter() - started, "maxrss_kb": usage.ru_maxrss,
                  "code": os.waitstatus_to_exitcode(status)}))
"""


def run_child(command: list[str], env: dict[str, str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall seconds, peak RSS (MB) and the result of one child process (started by the lean launcher)."""
    with tempfile.TemporaryDirectory() as tmp:
        out, err = Path(tmp) / "out", Path(tmp) / "err"
        launched = subprocess.run([sys.executable, "-S", "-c", _LAUNCHER, str(out), str(err), *command], env=env,
                                  cwd=REPO, capture_output=True, text=True, check=True)
        measured = json.loads(launched.stdout)
        done = subprocess.CompletedProcess(command, measured["code"], out.read_text(), err.read_text())
    return measured["seconds"], measured["maxrss_kb"] / 1024, done


def _env(home: Path, kind: str, report: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCRUTINY_")}
    env.update({"SCRUTINY_HOME": str(home), "SCRUTINY_AREA": "E07999001", "SCRUTINY_EMBEDDER": kind,
                "SCRUTINY_BENCH_REPORT": str(report), "PYTHONPATH": str(REPO)})
    return env


def cold_ask(home: Path, kind: str, question: str, runs: int) -> dict[str, Any]:
    """`scrutiny ask QUESTION --json` in a new process: one untimed run, then `runs` timed ones."""
    report = home.parent / f"child-{kind}.json"
    command = [sys.executable, str(CHILD), "ask", question, "--json"]
    env = _env(home, kind, report)
    seconds, rss, done = run_child(command, env)  # untimed: warms the file cache (and exports if needed)
    if done.returncode != 0:
        raise RuntimeError(f"scrutiny ask failed ({kind}): {done.stderr.strip()[-600:]}")
    times, peaks = [], []
    for _ in range(runs):
        seconds, rss, done = run_child(command, env)
        if done.returncode != 0:
            raise RuntimeError(f"scrutiny ask failed ({kind}): {done.stderr.strip()[-600:]}")
        times.append(seconds)
        peaks.append(rss)
    answer = json.loads(done.stdout)
    child = json.loads(report.read_text(encoding="utf-8"))
    return {"median_s": round(statistics.median(times), 3), "max_s": round(max(times), 3),
            "times_s": [round(t, 3) for t in times], "peak_rss_mb": round(max(peaks), 1),
            "answer_kind": answer.get("kind"), "citations": len(answer.get("citations") or []),
            "figures": len(answer.get("figures") or []), "embedders_made": child["embedders_made"],
            "imported": child["imported"], "settings_has_embedder": child["settings_has_embedder"]}


def load_probe(kind: str, cache: Path, runs: int = 3) -> dict[str, Any]:
    """Median over `runs` fresh processes of import, model load + first query, warm query, peak RSS."""
    samples = []
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for _ in range(runs + 1):
        _, rss, done = run_child([sys.executable, "-c", _LOAD_PROBE, kind, str(cache)], env)
        if done.returncode != 0:
            raise RuntimeError(f"load probe failed ({kind}): {done.stderr.strip()[-600:]}")
        samples.append({**json.loads(done.stdout.strip().splitlines()[-1]), "maxrss_mb": rss})
    samples = samples[1:]  # the first may have exported the model or had a cold file cache
    return {key: round(statistics.median(s[key] for s in samples), 3) for key in samples[0]}


def export_probe(work: Path) -> dict[str, Any]:
    """The one-time export into an empty folder, in a fresh process (torch import included)."""
    done = subprocess.run([sys.executable, "-c", _EXPORT_PROBE, str(work / "export-probe")], capture_output=True,
                          text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def ingest_figures(corpus: Path, work: Path, rounds: int) -> dict[str, Any]:
    """benchmarks/ingest_bench.run for each embedder, each in a fresh index."""
    import ingest_bench

    return {kind: ingest_bench.run(corpus, rounds, work / f"ingest-{kind}", kind=kind) for kind in KINDS}


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    from importlib.metadata import version

    return {"when": datetime.now(UTC).isoformat(timespec="seconds"), "cpus": os.cpu_count(),
            "load_average": [round(x, 2) for x in os.getloadavg()], "python": platform.python_version(),
            "platform": platform.platform(), **{name: version(name) for name in
                                                ("onnxruntime", "tokenizers", "torch", "sentence-transformers",
                                                 "chromadb")}}


def main(argv: list[str] | None = None) -> int:
    """Run every measurement, print a summary and write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--home", type=Path, default=None, help="a sample-pack home to reuse (built if missing)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=2, help="raw-embedding repetitions for the ingest figures")
    parser.add_argument("--no-ingest", action="store_true", help="skip the ingest throughput figures")
    parser.add_argument("--json", type=Path, default=OUT)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="cold-start-"))
    home = args.home or work / "home"
    result: dict[str, Any] = {"machine": machine(), "runs": args.runs, "questions": QUESTIONS, "budget_s": BUDGET_S}
    if not (home / "chroma").exists():
        from bot.demo import prepare_home
        from knowledge.embedding import make_embedder, model_cache_dir

        print(f"building the sample-pack home in {home}", flush=True)
        prepare_home(home, embedder=make_embedder("onnx", model_cache_dir(home)))
    result["export"] = export_probe(work)
    print(f"one-time ONNX export in a new process: {result['export']['export_s']:.1f} s", flush=True)
    result["load"] = {kind: load_probe(kind, work / "models") for kind in KINDS}
    for kind, load in result["load"].items():
        print(f"[{kind}] import {load['import_s']:.2f} s, model load + first query "
              f"{load['load_and_first_query_s']:.2f} s, warm query {load['warm_query_ms']:.1f} ms, "
              f"peak RSS {load['maxrss_mb']:.0f} MB", flush=True)
    result["cold_ask"] = {}
    for kind in KINDS:
        for label, question in QUESTIONS.items():
            figures = cold_ask(home, kind, question, args.runs)
            figures["within_budget"] = figures["median_s"] <= BUDGET_S[label]
            result["cold_ask"][f"{kind}/{label}"] = figures
            print(f"[{kind}] cold ask, {label} question: median {figures['median_s']:.2f} s "
                  f"(worst {figures['max_s']:.2f} s; budget {BUDGET_S[label]} s), peak RSS "
                  f"{figures['peak_rss_mb']:.0f} MB; answer {figures['answer_kind']}; "
                  f"imported {','.join(figures['imported'])}", flush=True)
    wired = any(f["settings_has_embedder"] for f in result["cold_ask"].values())
    result["embedder_setting_read_by_cli"] = wired
    if not wired:
        print("note: bot.settings has no embedder setting yet: SCRUTINY_EMBEDDER was applied by "
              "benchmarks/cli_child.py as the knowledge base's default", flush=True)
    if not args.no_ingest:
        corpus = args.corpus if args.corpus.is_dir() else REPO / "bot" / "sample_pack" / "documents"
        result["ingest_corpus"] = str(corpus)
        result["ingest"] = ingest_figures(corpus, work, args.rounds)
        for kind, figures in result["ingest"].items():
            print(f"[{kind}] ingest {figures['ingest_chunks_per_s']} chunks/s vs raw embedding "
                  f"{figures['raw_chunks_per_s']} chunks/s = {figures['ingest_vs_raw']:.0%} "
                  f"(by CPU seconds {figures['ingest_vs_raw_cpu']:.0%}; {figures['chunks']} chunks)", flush=True)
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
