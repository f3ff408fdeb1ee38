"""A briefing note laid out like a committee paper (issue 17): a front sheet (council, committee, meeting date, data
as at), "About these measures", a performance table whose words are never broken across lines (read back from the
PDF LibreOffice makes), charts with captions and alt text, sources by title, date and locator (never a local path,
never page-footer text), dates relative to the meeting, core properties naming the council, and the same content
in Markdown and Word."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from bot.briefing import export_pdf, write_briefing
from bot.sample_pack import facts
from knowledge.models import AccessContext

pytestmark = pytest.mark.slow
PUBLIC = AccessContext(allow_restricted=False, channel="C-public")
COMMITTEE = "Overview and Scrutiny Committee"
MEETING = "2026-11-18"
TOPICS = ["waste and recycling", "homelessness", "planning", "council tax collection", "performance overview"]
LOCAL_PATH = re.compile(r"(?:^|[\s(:])(?:/[\w.-]+){2,}|[A-Za-z]:\\|\.(?:pdf|docx|md|html)\b")
FOOTER = re.compile(r"\bPage\s+\d+\s+of\s+\d+\b|FICTIONAL SAMPLE - \S+ .*does not exist", re.IGNORECASE)


@pytest.fixture(scope="module")
def parts(sample_home, shared_embedder):
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase

    return IndicatorStore(sample_home.home), KnowledgeBase(sample_home.home, embedder=shared_embedder), \
        shared_embedder


@pytest.fixture(scope="module")
def notes(parts, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, object]]:
    """Each topic's note written as Markdown and as Word, for the same meeting and committee."""
    store, kb, embedder = parts
    folder = tmp_path_factory.mktemp("notes")
    out = {}
    for topic in TOPICS:
        slug = topic.replace(" ", "-")
        md, docx = folder / f"{slug}.md", folder / f"{slug}.docx"
        answer = write_briefing(topic, store, kb, PUBLIC, facts.HOME_CODE, md, embedder=embedder,
                                meeting_date=MEETING, committee=COMMITTEE)
        write_briefing(topic, store, kb, PUBLIC, facts.HOME_CODE, docx, embedder=embedder, meeting_date=MEETING,
                       committee=COMMITTEE)
        out[topic] = (md, docx, answer)
    return out


def _docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_front_sheet_names_council_committee_meeting_and_data_date(notes) -> None:
    md, docx, _ = notes["waste and recycling"]
    head = md.read_text(encoding="utf-8").split("## 1.", 1)[0]
    assert "**Council:** Northbridge District Council" in head
    assert f"**Committee:** {COMMITTEE}" in head
    assert "**Date of meeting:** 18 November 2026" in head
    assert re.search(r"\*\*Data as at:\*\* 2023-24 \(annual\); 2024-25 Q2 \(in-year\)", head), head
    from docx import Document

    front = Document(str(docx)).tables[0]
    assert [r.cells[0].text for r in front.rows][:4] == ["Council", "Committee", "Date of meeting", "Subject"]


def test_about_these_measures_defines_every_indicator_in_the_table(notes) -> None:
    md, _, _ = notes["waste and recycling"]
    text = md.read_text(encoding="utf-8")
    about = text.split("## 7. About these measures", 1)[1].split("## 8. Sources", 1)[0]
    rows = [line.split(" | ")[0].lstrip("| ") for line in text.splitlines()
            if line.startswith("| ") and not line.startswith("| Indicator")]
    assert rows
    for name in rows:
        block = about.split(f"**{name}**", 1)[1].split("\n**", 1)[0]
        assert "higher is better" in block or "lower is better" in block, name
        assert "Published once a year" in block and "latest period held" in block, name
        assert "Source:" in block and "Compared with its" in block, name
        assert "\u201c" in block, name  # the metadata's own description, quoted


def test_no_local_path_or_page_footer_in_any_note(notes) -> None:
    for topic, (md, docx, answer) in notes.items():
        for text in (md.read_text(encoding="utf-8"), _docx_text(docx)):
            assert not LOCAL_PATH.search(text), (topic, LOCAL_PATH.search(text))
            assert not FOOTER.search(text), (topic, FOOTER.search(text))
        for c in answer.citations:
            assert not FOOTER.search(c.quote), (topic, c.quote)


def test_sources_give_title_date_and_locator(notes) -> None:
    md, _, answer = notes["waste and recycling"]
    sources = md.read_text(encoding="utf-8").split("## 8. Sources", 1)[1]
    assert "Corporate Peer Challenge: Northbridge District Council - Feedback Report (12 December 2023), p. 2" in \
        sources
    assert "northbridge-sample dataset" not in sources and "household_recycling_rate" not in sources
    assert len(re.findall(r"^\[\d+\] ", sources, flags=re.MULTILINE)) == len(answer.citations)


def test_docx_properties_name_the_council_and_the_meeting(notes) -> None:
    from docx import Document

    _, docx, _ = notes["waste and recycling"]
    props = Document(str(docx)).core_properties
    assert props.author == "Northbridge District Council" and props.author != "python-docx"
    assert props.title == "Pre-scrutiny briefing: Waste and recycling"
    assert COMMITTEE in props.subject and "18 November 2026" in props.subject


def test_charts_have_captions_and_alt_text(notes) -> None:
    md, docx, answer = notes["waste and recycling"]
    text = md.read_text(encoding="utf-8")
    images = re.findall(r"!\[([^\]]+)\]\(", text)
    captions = re.findall(r"^\*Figure \d+: ", text, flags=re.MULTILINE)
    assert images and len(images) == len(captions)
    assert all(alt.startswith(("Line chart", "Bar chart")) for alt in images)
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert len(re.findall(r'<wp:docPr [^>]*descr="(?:Line|Bar) chart', xml)) == len(images)


def test_markdown_and_word_carry_the_same_content(notes) -> None:
    for topic, (md, docx, answer) in notes.items():
        text, word = md.read_text(encoding="utf-8"), _docx_text(docx)
        for q in answer.questions:
            assert q.text in text and q.text in word, (topic, q.text)
        lines = [line for line in text.split("## 8. Sources", 1)[1].splitlines() if line.strip()]
        for line in lines:
            assert line in word, (topic, line)
        about = text.split("## 7. About these measures", 1)[1].split("## 8. Sources", 1)[0]
        for line in about.splitlines():
            if line.startswith("- "):
                assert line[2:] in word, (topic, line)


def test_questions_are_dated_after_the_meeting(notes) -> None:
    for topic, (md, _, _) in notes.items():
        text = md.read_text(encoding="utf-8")
        for year in re.findall(r"end of (20\d\d)-\d\d", text):
            assert int(year) >= 2027, (topic, year)


def test_the_performance_table_fits_the_page_without_breaking_a_word(notes, tmp_path: Path) -> None:
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice is not installed: the PDF layout cannot be checked")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    for topic in ("waste and recycling", "homelessness", "performance overview"):
        md, docx, _ = notes[topic]
        pdf = export_pdf(docx, tmp_path)
        assert pdf is not None and pdf.read_bytes()[:5] == b"%PDF-"
        laid_out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout
        vocabulary = {w.lower() for w in re.findall(r"[A-Za-z]+", md.read_text(encoding="utf-8"))} | {"page"}
        # A word broken across lines leaves fragments ("Househo", "ld") that are not words of the note.
        fragments = sorted({t for t in re.findall(r"[A-Za-z]+", laid_out) if t.lower() not in vocabulary})
        assert not fragments, (topic, fragments)
        table = laid_out.split("3. Current performance", 1)[1].split("Trend is judged", 1)[0]
        assert "(2023-24)" in table.replace("\u2011", "-"), table  # periods kept whole, not "(2023-" / "24)"


@pytest.fixture(scope="module")
def real_note(shared_dir: Path, shared_embedder, tmp_path_factory: pytest.TempPathFactory) -> str:
    from indicators.store import IndicatorStore

    store = IndicatorStore(tmp_path_factory.mktemp("oflog-home"))
    data = shared_dir / "data" / "oflog_asc"
    store.import_file(data / "asc_data.csv", fmt="oflog", groups=data / "nearest_neighbours.json")
    out = tmp_path_factory.mktemp("real-note") / "reablement.md"
    write_briefing("reablement", store, None, PUBLIC, "E10000017", out, embedder=shared_embedder,
                   meeting_date="2026-11-18", committee="Adult Social Care Scrutiny Committee")
    return out.read_text(encoding="utf-8")


@pytest.mark.shared
def test_a_real_note_defines_the_measure_and_flags_the_figure_to_check(real_note: str) -> None:
    assert "**Data as at:** 2022-23 (Oflog Local Authority Data Explorer" in real_note
    about = real_note.split("## 7. About these measures", 1)[1]
    assert "short-term support such as reablement" in about and "https://oflog.data.gov.uk/" in about
    assert "Check the figure before acting on it: 98.4% in 2022-23" in about
    assert "check this figure" in real_note.split("## 3.", 1)[1].split("## 4.", 1)[0]
    assert "more than three years before the meeting" in real_note
    assert "end of 2024-25" not in real_note
