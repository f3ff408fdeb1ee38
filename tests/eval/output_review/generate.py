"""Generate the outputs the blind review scores: 6 briefing notes and 12 question lists (real and sample data).

    .venv/bin/python tests/eval/output_review/generate.py OUT_DIR

Writes, per case, `questions-<slug>.json` (the `questions --json` contract) and `questions-<slug>.txt` (the list as
a chair reads it); per note `note-<slug>.md`, `.docx`, `.pdf` (LibreOffice, when installed) and `.txt` (the PDF's
text). The review reads only these files, never the code that made them.
"""

from __future__ import annotations

import inspect
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared" / "data"
MEETING = "2027-01-14"
COMMITTEES = {"sample": "Overview and Scrutiny Committee", "oflog": "Adult Social Care Scrutiny Committee",
              "lgbf": "Scrutiny Committee"}

# (dataset, council code or name, topic)
QUESTION_CASES = [
    ("oflog", "E10000017", "reablement"),
    ("oflog", "E10000017", "adult social care workforce"),
    ("oflog", "E06000059", "adult social care workforce"),
    ("oflog", "E06000059", "carers"),
    ("lgbf", "Fife", "home care costs"),
    ("lgbf", "Fife", "waste and recycling"),
    ("sample", None, "waste and recycling"),
    ("sample", None, "planning"),
    ("sample", None, "homelessness"),
    ("sample", None, "council tax collection"),
    ("sample", None, "performance overview"),
    ("sample", None, "workforce"),
]
NOTE_CASES = [
    ("oflog", "E10000017", "reablement"),
    ("oflog", "E06000059", "adult social care workforce"),
    ("lgbf", "Fife", "home care costs"),
    ("sample", None, "waste and recycling"),
    ("sample", None, "homelessness"),
    ("sample", None, "planning"),
]


def _slug(*parts: str | None) -> str:
    return "-".join(re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-") for p in parts if p)


def _supported(func, **options):  # noqa: ANN001, ANN202 - pass only the options this version of the code accepts
    accepted = inspect.signature(func).parameters
    return {k: v for k, v in options.items() if k in accepted}


def _area_code(store, wanted: str) -> str:  # noqa: ANN001
    if wanted.startswith(("E0", "E1", "S1")):
        return wanted
    for info in store.indicators():
        if info.dataset != "lgbf":
            continue
        frame = store.values(info.indicator_id)
        for code in sorted(set(frame["area_code"])):
            if store.area_name(code).lower().startswith(wanted.lower()):
                return code
    raise SystemExit(f"no council {wanted!r}")


def _question_text(answer) -> str:  # noqa: ANN001
    lines = [answer.answer, ""]
    for n, q in enumerate(answer.questions or [], start=1):
        lines += [f"{n}. {q.text}", f"   type: {q.type}; theme: {q.theme}", f"   why: {q.rationale}",
                  f"   evidence: {q.evidence}", ""]
    lines.append("Sources:")
    for c in answer.citations:
        parts = (f"[{c.id}] {c.source}", c.locator, _public_address(c.path), " ".join(c.quote.split()))
        lines.append(" | ".join(p for p in parts if p))
    return "\n".join(lines) + "\n"


def _public_address(path: str) -> str:
    """A citation's address as a chair may follow it: its public URL; a local file path is never shown."""
    return path if re.match(r"https?://", path or "") else ""


def _pdf(docx: Path) -> Path | None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return None
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
                   capture_output=True, timeout=300, check=False)
    pdf = docx.with_suffix(".pdf")
    if pdf.is_file() and shutil.which("pdftotext"):
        subprocess.run(["pdftotext", "-layout", str(pdf), str(pdf.with_suffix(".txt"))], check=False)
    return pdf if pdf.is_file() else None


def main(out: Path) -> None:
    from bot.briefing import write_briefing
    from bot.challenge import draft_questions
    from bot.demo import prepare_home
    from bot.sample_pack import facts
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase
    from knowledge.embedder import Embedder
    from knowledge.models import AccessContext

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="output-review-"))
    embedder = Embedder()
    settings = prepare_home(work / "sample", embedder=embedder)
    sample = (IndicatorStore(settings.home), KnowledgeBase(settings.home, embedder=embedder))
    real = IndicatorStore(work / "real")
    real.import_file(SHARED / "lgbf", fmt="lgbf", dataset="lgbf")
    real.import_file(SHARED / "oflog_asc" / "asc_data.csv", fmt="oflog",
                     groups=SHARED / "oflog_asc" / "nearest_neighbours.json", dataset="oflog-asc")
    public = AccessContext(allow_restricted=False, channel="review")

    def parts(dataset: str, council: str | None):  # noqa: ANN202
        if dataset == "sample":
            return sample[0], sample[1], facts.HOME_CODE
        return real, None, _area_code(real, council or "")

    for dataset, council, topic in QUESTION_CASES:
        store, kb, area = parts(dataset, council)
        options = _supported(draft_questions, meeting_date=MEETING, committee=COMMITTEES[dataset])
        answer = draft_questions(topic, store, kb, public, area, embedder=embedder, **options)
        slug = _slug(dataset, council or "northbridge", topic)
        (out / f"questions-{slug}.json").write_text(json.dumps(answer.to_contract(), indent=1), encoding="utf-8")
        (out / f"questions-{slug}.txt").write_text(_question_text(answer), encoding="utf-8")
        print(f"questions {slug}: {len(answer.questions or [])}")
    for dataset, council, topic in NOTE_CASES:
        store, kb, area = parts(dataset, council)
        options = _supported(write_briefing, meeting_date=MEETING, committee=COMMITTEES[dataset])
        slug = _slug(dataset, council or "northbridge", topic)
        for suffix in (".md", ".docx"):
            write_briefing(topic, store, kb, public, area, out / f"note-{slug}{suffix}", embedder=embedder,
                           **options)
        pdf = _pdf(out / f"note-{slug}.docx")
        print(f"note {slug}: {'pdf' if pdf else 'no pdf'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("output-review"))
