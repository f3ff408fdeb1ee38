"""Score generated notes and question lists against tests/eval/output_rubric.yaml, reading only the output files.

    .venv/bin/python tests/eval/output_review/score.py OUT_DIR [JUDGEMENTS.yaml]

The mechanical criteria are decided here from the files `generate.py` wrote (JSON, Markdown, DOCX, PDF text); the
criteria marked `judgement: true` in the rubric come from JUDGEMENTS.yaml ({file stem: {criterion: [score,
reason]}}), written by a reviewer reading the same files. Nothing from the project is imported: the review sees
the outputs as a scrutiny officer would.
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from itertools import combinations
from pathlib import Path

import yaml

RUBRIC = Path(__file__).resolve().parents[1] / "output_rubric.yaml"
STOP = set("a an and are as at be been by can do does for from has have how in is it its of on or our that the "
           "their them there these they this to was we what when where which who will with would".split())
LOCAL_PATH = re.compile(r"(?:^|[\s(\u2014])(?:/[\w.-]+){2,}|[A-Za-z]:\\")
FOOTER = re.compile(r"\bPage\s+\d+\s+of\s+\d+\b|\bFICTIONAL SAMPLE\b.*\bdoes not exist\b", re.IGNORECASE)
IDENTIFIER = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+-[a-z]+ dataset\b")
FAMILIES = {
    "trend": r"trend|worsen|improv|fell|rose|declin|direction",
    "targets": r"target",
    "comparison": r"similar councils|neighbour|median|rank|doing .* that we are not|best",
    "value for money": r"cost|value for money|efficien|saving|budget",
    "equity": r"residents|groups|areas|affected|equit",
    "outcomes": r"outcome|difference .* made|lives",
    "risks": r"risk",
    "data quality": r"data|recorded|recording|how do we know|confiden|definition",
    "recommendations": r"recommend|peer challenge|audit",
    "action": r"by when|who owns|owner|milestone|step in|action",
}


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9']+", text.lower()) if w not in STOP and len(w) > 1}


def jaccard(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _fy_end_year(text: str) -> list[int]:
    """Calendar years in which the financial years a text names as horizons end ("by the end of 2024-25")."""
    return [int(m.group(1)) + 1 for m in re.finditer(r"(?:end of|by)\s+(20\d\d)-\d\d", text)]


def _meeting_year(text: str) -> tuple[int, int] | None:
    m = re.search(r"meeting on (\d{1,2}) (January|February|March|April|May|June|July|August|September|October|"
                  r"November|December) (20\d\d)", text)
    if not m:
        return None
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    return int(m.group(3)), months.index(m.group(2)) + 1


def _past_horizons(text: str, meeting: tuple[int, int] | None) -> list[str]:
    if meeting is None:
        return []
    year, month = meeting
    past = []
    for m in re.finditer(r"(?:end of|by)\s+(20\d\d)-(\d\d)", text):
        end = (int(m.group(1)) + 1, 3)  # a financial year ends in March
        if end < (year, month):
            past.append(m.group(0))
    return past


def openings(texts: list[str], n: int = 6) -> dict[str, int]:
    counts: dict[str, int] = {}
    for t in texts:
        key = " ".join(re.findall(r"[A-Za-z0-9']+", t.lower())[:n])
        counts[key] = counts.get(key, 0) + 1
    return counts


def stems(texts: list[str]) -> dict[str, int]:
    """How often the same stock wording (the question with its indicator-specific words removed) recurs."""
    counts: dict[str, int] = {}
    for t in texts:
        for sentence in re.split(r"(?<=[.?])\s+", t):
            if not sentence.endswith("?"):
                continue
            key = " ".join(re.findall(r"[a-z']+", sentence.lower())[:4])
            counts[key] = counts.get(key, 0) + 1
    return counts


def score_questions(path: Path) -> dict[str, tuple[int, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    qs = data.get("questions") or []
    texts = [q["text"] for q in qs]
    intro = data.get("answer", "")
    out: dict[str, tuple[int, str]] = {}
    n = len(qs)
    reason_given = bool(re.search(r"\bfewer\b|\bonly\b.*\bevidence\b|not enough|supports? (only )?", intro))
    if 10 <= n <= 15:
        out["count"] = (2, f"{n} questions")
    elif n and reason_given:
        out["count"] = (2, f"{n} questions, reason given")
    else:
        out["count"] = (1 if n >= 5 else 0, f"{n} questions, no reason given")
    first = texts[0].lower() if texts else ""
    out["big_question_first"] = (2 if re.search(r"overall|how well", first) else 0, texts[0][:80] if texts else "")
    explained = sum(1 for q in qs if q.get("type") and q.get("rationale") and q.get("evidence"))
    out["each_explained"] = (2 if n and explained == n else (1 if explained >= n / 2 and n else 0),
                             f"{explained}/{n}")
    pairs = [(a, b) for a, b in combinations(range(n), 2) if jaccard(texts[a], texts[b]) >= 0.6]
    shared = {k: v for k, v in openings(texts).items() if v >= 3}
    repeated = {k: v for k, v in stems(texts).items() if v > 2}
    faults = len(pairs) + len(shared) + len(repeated)
    out["no_repeats"] = (2 if faults == 0 else (1 if faults == 1 else 0),
                         f"{len(pairs)} similar pairs, openings {shared or 'none'}, stock wording {repeated or 'none'}")
    meeting = _meeting_year(intro)
    past = [h for t in texts for h in _past_horizons(t, meeting)]
    age_named = bool(re.search(r"latest (?:data|figures?)|more recent|since then|older than|out of date|"
                               r"years? old|published", " ".join(texts).lower()))
    out["dates"] = (2 if not past and age_named else (1 if not past or age_named else 0),
                    f"past horizons {past or 'none'}; data age named: {age_named}")
    joined = " ".join(texts).lower()
    families = [f for f, pattern in FAMILIES.items() if re.search(pattern, joined)]
    types = {q.get("type") for q in qs}
    out["coverage"] = (2 if len(families) >= 5 and len(types) >= 3 else (1 if len(families) >= 3 else 0),
                       f"{len(families)} families ({', '.join(families)}), {len(types)} types")
    ordered = bool(re.search(r"order|materiality|most material|priorit", intro.lower()))
    explained_order = bool(re.search(r"order(?:ed)? by|because|materiality", intro.lower()))
    out["ordering"] = (2 if explained_order else (1 if ordered else 0), intro[:160])
    cites = data.get("citations") or []
    bad = [c for c in cites if LOCAL_PATH.search(f" {c['source']} {c['locator']} {c['quote']}")
           or FOOTER.search(c["quote"])]
    out["citations"] = (2 if not bad else (1 if len(bad) == 1 else 0),
                        f"{len(bad)} citations with a local path or footer text in source/locator/quote")
    return out


def _pdf_fragments(md: str, pdf_text: str) -> list[str]:
    """Alphabetic tokens of the PDF text that are not words of the note: a word broken across lines."""
    vocabulary = set(re.findall(r"[A-Za-z]+", md))
    lowered = {v.lower() for v in vocabulary}
    return sorted({t for t in re.findall(r"[A-Za-z]+", pdf_text) if t not in vocabulary and t.lower() not in lowered})


def score_note(md_path: Path) -> dict[str, tuple[int, str]]:
    md = md_path.read_text(encoding="utf-8")
    docx_path, txt_path = md_path.with_suffix(".docx"), md_path.with_suffix(".txt")
    out: dict[str, tuple[int, str]] = {}
    head = "\n".join(md.splitlines()[:12]).lower()
    has = {"council": bool(re.search(r"council|lancashire|dorset|fife", head)),
           "committee": "committee" in head, "meeting": "meeting" in head,
           "data as at": bool(re.search(r"data as at|latest data|data to|data for", head))}
    got = sum(has.values())
    out["header"] = (2 if got == 4 else (1 if got >= 2 else 0), f"{[k for k, v in has.items() if v]}")
    headings = [h.lower() for h in re.findall(r"^##\s+(.+)$", md, flags=re.MULTILINE)]
    wanted = {"purpose": "purpose", "background": "background|plan", "performance": "performance",
              "peer": "peer|audit", "risks": "risk", "questions": "question|enquiry", "sources": "source",
              "measures": "measure"}
    present = [k for k, p in wanted.items() if any(re.search(p, h) for h in headings)]
    out["structure"] = (2 if len(present) == 8 else (1 if len(present) >= 6 else 0), f"{present}")
    measures = re.search(r"##[^\n]*measure[^\n]*\n(.*?)(?=\n## )", md, flags=re.IGNORECASE | re.DOTALL)
    if measures:
        block = measures.group(1).lower()
        parts = [p for p in ("source", "better", "publish|annual|cadence|released|release") if re.search(p, block)]
        out["definitions"] = (2 if len(parts) == 3 else 1, f"about-the-measures section with {parts}")
    else:
        out["definitions"] = (0, "no definitions section")
    table = [line for line in md.splitlines() if line.startswith("| ")]
    rows = table[1:]
    full = [r for r in rows if re.search(r"\d", r) and ("of" in r or "not available" in r)]
    out["judgement"] = (2 if rows and len(full) == len(rows) else (1 if rows else 0),
                        f"{len(full)}/{len(rows)} rows with latest, trend, target, median and rank")
    lower = md.lower()
    caveat_terms = [t for t in ("caveat", "break in series", "process limits", "signal", "small numbers",
                                "data as at", "years old", "published", "check the figure", "implausible",
                                "ceiling", "limitations") if t in lower]
    out["signal_and_caveats"] = (2 if len(caveat_terms) >= 3 else (1 if caveat_terms else 0), f"{caveat_terms}")
    footer = ""
    if docx_path.is_file():
        with zipfile.ZipFile(docx_path) as z:
            footer = " ".join(re.sub(r"<[^>]+>", " ", z.read(n).decode("utf-8")) for n in z.namelist()
                              if n.startswith("word/footer"))
    if txt_path.is_file():
        fragments = _pdf_fragments(md + " " + footer, txt_path.read_text(encoding="utf-8"))
        out["table_layout"] = (2 if not fragments else (1 if len(fragments) <= 2 else 0),
                               f"PDF tokens not words of the note: {fragments[:8]}")
    else:
        out["table_layout"] = (0, "no PDF text")
    images = re.findall(r"!\[([^\]]*)\]\(", md)
    captions = re.findall(r"^\*Figure \d+:", md, flags=re.MULTILINE)
    alt = []
    if docx_path.is_file():
        with zipfile.ZipFile(docx_path) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        alt = re.findall(r'<wp:docPr [^>]*descr="([^"]+)"', xml)
    if not images:
        out["charts"] = (0, "no charts")
    else:
        out["charts"] = (2 if len(alt) >= len(images) and len(captions) >= len(images) else
                         (1 if captions else 0),
                         f"{len(images)} charts, {len(captions)} captions, {len(alt)} alt texts")
    sources = md.split("Sources", 1)[-1] if "Sources" in md else ""
    paths = LOCAL_PATH.findall(md)
    footers = FOOTER.findall(md)
    slips = len(paths) + len(footers)
    out["sources"] = (2 if slips == 0 and sources else (1 if slips == 1 else 0),
                      f"{len(paths)} local paths, {len(footers)} footer texts")
    past = _past_horizons(md, _meeting_year(md))
    out["dates"] = (0 if past else 2, f"past horizons {sorted(set(past)) or 'none'}")
    qs = re.findall(r"^\d+\.\s+\*\*(.+?)\*\*", md, flags=re.MULTILINE)
    reason = bool(re.search(r"fewer|only .* evidence|supports only", lower))
    first_big = bool(qs) and bool(re.search(r"overall|how well", qs[0].lower()))
    count_ok = 10 <= len(qs) <= 15 or (qs and reason)
    out["questions"] = (2 if first_big and count_ok else (1 if qs else 0),
                        f"{len(qs)} questions, big first {first_big}")
    idents = sorted(set(IDENTIFIER.findall(md.split("Sources")[0] if "Sources" in md else md)))
    out["plain_language"] = (2 if not idents else (1 if len(idents) <= 2 else 0), f"identifiers: {idents[:6]}")
    if docx_path.is_file():
        with zipfile.ZipFile(docx_path) as z:
            core = z.read("docProps/core.xml").decode("utf-8")
        author = re.search(r"<dc:creator>([^<]*)</dc:creator>", core)
        title = re.search(r"<dc:title>([^<]*)</dc:title>", core)
        subject = re.search(r"<dc:subject>([^<]*)</dc:subject>", core)
        author_s = author.group(1) if author else ""
        parts = [bool(author_s) and author_s != "python-docx", bool(title and title.group(1)),
                 bool(subject and subject.group(1))]
        out["document_properties"] = (2 if all(parts) else (0 if author_s == "python-docx" else 1),
                                      f"author {author_s!r}, title {bool(parts[1])}, subject {bool(parts[2])}")
    return out


def main(folder: Path, judgements: Path | None) -> dict:
    rubric = yaml.safe_load(RUBRIC.read_text(encoding="utf-8"))
    judged = yaml.safe_load(judgements.read_text(encoding="utf-8")) if judgements and judgements.is_file() else {}
    report: dict = {"notes": {}, "questions": {}}
    for md in sorted(folder.glob("note-*.md")):
        report["notes"][md.stem] = score_note(md)
    for js in sorted(folder.glob("questions-*.json")):
        scores = score_questions(js)
        for criterion in rubric["questions"]:
            if criterion.get("judgement"):
                value = (judged.get(js.stem) or {}).get(criterion["id"])
                if value is not None:
                    scores[criterion["id"]] = (int(value[0]), str(value[1]))
        report["questions"][js.stem] = scores
    totals = {}
    for kind, key in (("notes", "note"), ("questions", "questions")):
        ids = [c["id"] for c in rubric[key]]
        got = sum(s[c][0] for s in report[kind].values() for c in ids if c in s)
        possible = 2 * len(ids) * len(report[kind])
        totals[kind] = (got, possible)
    report["totals"] = totals
    return report


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    result = main(folder, Path(sys.argv[2]) if len(sys.argv) > 2 else None)
    for kind in ("notes", "questions"):
        for name, scores in result[kind].items():
            total = sum(v[0] for v in scores.values())
            print(f"{name}: {total}/{2 * len(scores)}")
            for criterion, (value, why) in scores.items():
                print(f"   {criterion:20} {value}  {why}")
    for kind, (got, possible) in result["totals"].items():
        print(f"TOTAL {kind}: {got}/{possible} ({100 * got / possible:.0f}%)")
