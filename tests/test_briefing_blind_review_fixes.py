"""What a blind review of the briefing notes found, each fixed on the sample pack's notes (and two real ones): every
term and acronym the note uses explained under "Terms used" (the same in Markdown and Word); a chart's caption on
its chart's page in the PDF LibreOffice makes; quotations of the words, not of the documents' markup; only
passages on the topic quoted (no "financial planning" in a planning note); a quartile for every ranked row."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.briefing import export_pdf, write_briefing
from bot.sample_pack import facts
from knowledge.models import AccessContext

pytestmark = pytest.mark.slow
PUBLIC = AccessContext(allow_restricted=False, channel="C-public")
COMMITTEE = "Overview and Scrutiny Committee"
MEETING = "2027-01-14"
TOPICS = ["waste and recycling", "homelessness", "planning", "council tax collection", "performance overview"]
QUOTATION = re.compile(r"\u201c([^\u201d]*)\u201d")
MARKUP = re.compile(r"#{2,}|\*\*|\|")
# Words a councillor may not know: two or more capitals in a short word (CIPFA, XmR, MADs, H-CLIC, FTE), a
# quarter (Q2), or a name that is an acronym in disguise (Oflog).
ACRONYM = re.compile(r"(?<![\w-])(?:[A-Za-z][A-Za-z-]{0,5}|Q[1-4]|QRC4)(?![\w-])")


def acronyms(text: str, codes: set[str]) -> set[str]:
    found = set()
    for token in ACRONYM.findall(text):
        if token in codes:
            continue
        if token == "Oflog" or re.fullmatch(r"Q[1-4]|QRC4", token) or sum(c.isupper() for c in token) >= 2:
            found.add(token)
    return found


@pytest.fixture(scope="module")
def parts(sample_home, shared_embedder):
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase

    return IndicatorStore(sample_home.home), KnowledgeBase(sample_home.home, embedder=shared_embedder), \
        shared_embedder


@pytest.fixture(scope="module")
def notes(parts, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, object]]:
    store, kb, embedder = parts
    folder = tmp_path_factory.mktemp("review-notes")
    out = {}
    for topic in TOPICS:
        slug = topic.replace(" ", "-")
        md, docx = folder / f"{slug}.md", folder / f"{slug}.docx"
        for target in (md, docx):
            answer = write_briefing(topic, store, kb, PUBLIC, facts.HOME_CODE, target, embedder=embedder,
                                    meeting_date=MEETING, committee=COMMITTEE)
        out[topic] = (md, docx, answer)
    return out


def _docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _terms_block(markdown: str) -> str:
    about = markdown.split("## 7. About these measures", 1)[1].split("## 8. Sources", 1)[0]
    return about.split("**Terms used**", 1)[1] if "**Terms used**" in about else ""


def _check_terms(markdown: str, word: str, codes: set[str], where: str) -> None:
    block = _terms_block(markdown)
    body = markdown.replace(block, "")
    for token in sorted(acronyms(body, codes)):
        # Each acronym the note uses is named (or, for a rating or a quarter, spelled out) under "Terms used".
        assert token.lower() in block.lower(), (where, token, block)
    for line in block.splitlines():
        if line.startswith("- "):
            assert line[2:] in word, (where, line)  # the Word note carries the same list


def test_every_acronym_a_note_uses_is_explained_under_terms_used(notes) -> None:
    for topic, (md, docx, answer) in notes.items():
        _check_terms(md.read_text(encoding="utf-8"), _docx_text(docx), {f.indicator_id for f in answer.figures},
                     topic)
    planning = _terms_block(notes["planning"][0].read_text(encoding="utf-8"))
    assert "- DLUHC: the Department for Levelling Up, Housing and Communities" in planning
    assert "- XmR chart: a statistical process control chart" in planning
    assert "- Median: " in planning and "- Quartile: " in planning
    homelessness = _terms_block(notes["homelessness"][0].read_text(encoding="utf-8"))
    assert "- H-CLIC: the Homelessness Case Level Information Collection" in homelessness
    assert "- Nearest neighbours: " in homelessness


def test_only_the_terms_a_note_uses_are_listed(notes) -> None:
    from bot.challenge.terms import load_terms

    table = {t.term: t for t in load_terms()}
    for topic, (md, _, _) in notes.items():
        text = md.read_text(encoding="utf-8")
        block = _terms_block(text)
        body = text.replace(block, "")
        listed = re.findall(r"^- (.+?): ", block, flags=re.MULTILINE)
        assert listed, topic
        for term in listed:
            assert table[term].found(body), (topic, term)
    assert "H-CLIC" not in _terms_block(notes["planning"][0].read_text(encoding="utf-8"))


def _captions_and_page_tops(pdf: Path) -> tuple[list[tuple[int, float, float]], list[str]]:
    """(page, caption baseline, page height) for every "Figure N:" caption in the PDF, and each page's first line."""
    from pypdf import PdfReader

    captions: list[tuple[int, float, float]] = []
    tops: list[str] = []
    for n, page in enumerate(PdfReader(str(pdf)).pages, start=1):
        height = float(page.mediabox.height)

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float, n: int = n,
                  height: float = height) -> None:
            if re.match(r"Figure \d+: ", text.strip()):
                captions.append((n, tm[5] * cm[3] + cm[5], height))

        text = page.extract_text(visitor_text=visit) or ""
        tops.append(next((line.strip() for line in text.splitlines() if line.strip()), ""))
    return captions, tops


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed: the PDF layout cannot be checked")
def test_a_chart_caption_stays_on_its_charts_page(notes, tmp_path: Path) -> None:
    top_margin = 0.79 * 72  # the note's A4 margins, in points
    checked = 0
    for topic in ("waste and recycling", "homelessness", "planning"):
        _, docx, answer = notes[topic]
        pdf = export_pdf(docx, tmp_path)
        assert pdf is not None
        captions, tops = _captions_and_page_tops(pdf)
        assert captions, topic
        for page, baseline, height in captions:
            # A chart is taller than an inch: a caption within an inch of the top margin has no chart above it
            # on its page (the chart was left at the foot of the page before).
            assert baseline < height - top_margin - 72, (topic, page, baseline)
        for page, line in enumerate(tops, start=1):
            assert not line.startswith("Why: "), (topic, page, line)  # nor is a question parted from its "Why:"
        checked += len(captions)
    assert checked >= 6  # waste has three charts, planning two, homelessness at least one


def test_quotations_carry_the_words_not_the_markup(notes) -> None:
    for topic, (md, docx, answer) in notes.items():
        for text in (md.read_text(encoding="utf-8"), _docx_text(docx)):
            for quote in QUOTATION.findall(text):
                assert not MARKUP.search(quote), (topic, quote)
        for c in answer.citations:
            assert not MARKUP.search(c.quote), (topic, c.quote)
    audit = [q for q in QUOTATION.findall(notes["waste and recycling"][0].read_text(encoding="utf-8"))
             if q.startswith("No significant weakness, with improvement recommendations.")]
    assert audit  # the auditor's words are still quoted, without their "###" heading


def test_the_planning_note_quotes_only_planning_passages(notes) -> None:
    md, _, answer = notes["planning"]
    text = md.read_text(encoding="utf-8")
    quotes = QUOTATION.findall(text)
    assert quotes
    for quote in quotes:
        # "Financial planning and management" is a finance heading, not a word about planning.
        assert re.search(r"(?<!financial )\bplanning\b", quote, flags=re.IGNORECASE), quote
    assert "Medium Term Financial Strategy" not in text
    assert any("planning applications" in q for q in quotes)
    cited = [c.quote for c in answer.citations if c.quote and not c.locator.startswith("planning_")]
    assert all(re.search(r"(?<!financial )\bplanning\b", q, flags=re.IGNORECASE) for q in cited), cited


def test_every_ranked_row_shows_its_quartile(notes) -> None:
    from indicators.analysis import quartile_of

    words = {1: "top quartile", 2: "second quartile", 3: "third quartile", 4: "bottom quartile"}
    ranked = 0
    for topic in ("waste and recycling", "performance overview", "planning"):
        text = notes[topic][0].read_text(encoding="utf-8")
        rows = [line.split(" | ") for line in text.splitlines()
                if line.startswith("| ") and not line.startswith("| Indicator")]
        for row in rows:
            m = re.match(r"(?:joint )?(\d+) of (\d+)", row[5])
            if not m:
                continue
            ranked += 1
            assert words[quartile_of(int(m[1]), int(m[2]))] in row[5], (topic, row)
    assert ranked >= 10


@pytest.fixture(scope="module")
def real_notes(shared_dir: Path, shared_embedder, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    from indicators.store import IndicatorStore

    store = IndicatorStore(tmp_path_factory.mktemp("review-real"))
    data = shared_dir / "data"
    store.import_file(data / "lgbf", fmt="lgbf", dataset="lgbf")
    store.import_file(data / "oflog_asc" / "asc_data.csv", fmt="oflog",
                      groups=data / "oflog_asc" / "nearest_neighbours.json", dataset="oflog-asc")
    fife = next(code for code, name in store.areas().items() if name.startswith("Fife"))
    folder = tmp_path_factory.mktemp("review-real-notes")
    out = {}
    for name, area, topic in (("reablement", "E10000017", "reablement"), ("home care", fife, "home care costs")):
        md, docx = folder / f"{topic}.md", folder / f"{topic}.docx"
        for target in (md, docx):
            answer = write_briefing(topic, store, None, PUBLIC, area, target, embedder=shared_embedder,
                                    meeting_date=MEETING, committee="Scrutiny Committee")
        out[name] = (md, docx, answer)
    return out


@pytest.mark.shared
def test_real_notes_explain_cipfa_lgbf_family_groups_and_process_limits(real_notes) -> None:
    for name, (md, docx, answer) in real_notes.items():
        _check_terms(md.read_text(encoding="utf-8"), _docx_text(docx), {f.indicator_id for f in answer.figures},
                     name)
    reablement = _terms_block(real_notes["reablement"][0].read_text(encoding="utf-8"))
    assert "- CIPFA nearest neighbours: " in reablement and "- Oflog: the Office for Local Government" in reablement
    assert "- Natural process limits: " in reablement
    assert "- Nearest neighbours: " not in reablement  # the CIPFA entry already says what they are
    home_care = _terms_block(real_notes["home care"][0].read_text(encoding="utf-8"))
    assert "- LGBF: the Local Government Benchmarking Framework" in home_care and "- Family group: " in home_care
