"""Self-check of the generated set against the raw files (run from /work/main)."""

import collections
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from data import Lgbf, Oflog, Sample  # noqa: E402

OF, LG, SA = Oflog(), Lgbf(), Sample()
INTENTS = {"value", "trend", "compare", "rank", "overview", "target", "unknown"}
TOKENS = {"neighbours", "england", "scotland"}
problems = []
counts = {}
texts = collections.Counter()
for half in ("dev", "holdout"):
    doc = yaml.safe_load(open(os.path.join(HERE, f"{half}.yaml")))
    assert doc["count"] == len(doc["items"])
    c = collections.Counter()
    for it in doc["items"]:
        c[(it["family"], it["dataset"])] += 1
        texts[tuple(it["turns"])] += 1
        ds, e = it["dataset"], it["expect"]
        src = {"oflog": OF, "lgbf": LG, "sample": SA}[ds]
        if e["intent"] not in INTENTS:
            problems.append((it["id"], "intent"))
        if set(e) != {"intent", "indicators", "areas", "periods", "comparison", "n", "order"}:
            problems.append((it["id"], "keys"))
        if it["family"] == "followup":
            if it["expect_each"][-1] != e or len(it["expect_each"]) != len(it["turns"]):
                problems.append((it["id"], "expect_each"))
            if not 2 <= len(it["turns"]) <= 5:
                problems.append((it["id"], "turn count"))
        if ds == "oflog":
            if it["home_area"] not in OF.homes:
                problems.append((it["id"], "bad oflog home"))
            for a in e["areas"]:
                if a not in TOKENS and a not in OF.ok_areas:
                    problems.append((it["id"], f"bad area {a}"))
        for a in e["areas"]:
            if a not in TOKENS and a not in src.all_areas:
                problems.append((it["id"], f"unknown area {a}"))
        if e["intent"] == "unknown" and (e["indicators"] or e["areas"]):
            problems.append((it["id"], "unknown not empty"))
        if e["intent"] == "rank":
            if e["comparison"] != "ranking":
                problems.append((it["id"], "rank comparison"))
            for i in e["indicators"]:
                if src.polarity(i) is None:
                    problems.append((it["id"], "unrankable"))
        for f in it.get("figures") or []:
            s = src.series.get((f["indicator_id"], f["area_code"]), {})
            if f["period"] not in s or abs(s[f["period"]] - f["value"]) > 1e-6:
                problems.append((it["id"], f"figure {f}"))
        if e["intent"] != "unknown" and ds == "lgbf":
            for i in e["indicators"]:
                for a in e["areas"]:
                    if a not in TOKENS and not LG.s(i, a):
                        problems.append((it["id"], f"lgbf {a} lacks {i}"))
    counts[half] = c
dups = [t for t, k in texts.items() if k > 1]
print("problems:", problems[:20], len(problems))
print("duplicates:", len(dups))
for half, c in counts.items():
    print(half, sum(c.values()))
    for k in sorted(c):
        print("  ", k, c[k])
