"""The pre-scrutiny briefing note: a real DOCX (table, chart, sources) and Markdown, restricted text only if allowed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bot.briefing import write_briefing
from bot.challenge import display_name as display
from bot.errors import AssistantError
from bot.sample_pack import facts
from knowledge.models import AccessContext

pytestmark = pytest.mark.slow
PUBLIC = AccessContext(allow_restricted=False, channel="C-public")
TOPIC = "waste and recycling"


@pytest.fixture(scope="module")
def parts(sample_home, shared_embedder):
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase

    return (IndicatorStore(sample_home.home), KnowledgeBase(sample_home.home, embedder=shared_embedder),
            shared_embedder)


@pytest.fixture(scope="module")
def docx_note(parts, tmp_path_factory: pytest.TempPathFactory):
    store, kb, embedder = parts
    out = tmp_path_factory.mktemp("brief") / "waste.docx"
    answer = write_briefing(TOPIC, store, kb, PUBLIC, facts.HOME_CODE, out, embedder=embedder,
                            meeting_date="2025-01-20")
    return out, answer


def _text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_docx_reopens_with_the_performance_table(docx_note) -> None:
    from docx import Document

    out, _ = docx_note
    document = Document(str(out))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Indicator")
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Indicator", "Latest value", "Trend", "Target", "Neighbour median", "Rank", "Source"]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    recycling = rows["Household waste sent for reuse, recycling and composting"]
    # The annual series carries the judgement; the latest quarter is shown beside it, never in its place.
    assert recycling[1] == "39.5% (2023-24); in-year 40.2% (2024-25 Q2)"
    assert recycling[2].startswith("worsening, five years")
    assert recycling[3].startswith("48.0% (missed")
    assert recycling[5].startswith("16 of 16")
    assert "Council tax collected in year" not in rows  # off-topic indicators stay out


def test_docx_embeds_the_chart_image(docx_note) -> None:
    from docx import Document

    out, answer = docx_note
    document = Document(str(out))
    assert len(document.inline_shapes) >= 1
    assert answer.chart is not None and Path(answer.chart).is_file()
    assert Path(answer.chart).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    images = [rel for rel in document.part.rels.values() if "image" in rel.reltype]
    assert images and images[0].target_part.blob[:4] == b"\x89PNG"


def test_docx_has_sections_questions_and_a_sources_list(docx_note) -> None:
    from docx import Document

    out, answer = docx_note
    document = Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for wanted in ("1. Purpose", "2. Background: what the Council Plan says", "3. Current performance",
                   "4. What the peer challenge and the auditors said", "5. Risks and issues",
                   "6. Suggested lines of enquiry", "7. About these measures", "8. Sources"):
        assert wanted in headings
    text = _text(document)
    sources = text.split("8. Sources", 1)[1]
    for citation in answer.citations:
        # Documents by title; data by publisher and indicator name, not the dataset's slug (issue 17).
        data = " dataset: " in citation.source
        expected = citation.source.split(" dataset: ", 1)[1] if data else citation.source
        assert f"[{citation.id}] " in sources and display(expected) in sources, citation
    assert "Commitment 1.2: Raise household recycling to 50% by 2026-27" in text
    assert "Recommendation 4:" in text
    assert len(answer.questions) >= 10
    assert answer.questions[1].text in text
    assert "20 January 2025" in text


def test_markdown_variant_has_the_same_parts(parts, tmp_path: Path) -> None:
    store, kb, embedder = parts
    out = tmp_path / "notes" / "waste.md"
    answer = write_briefing(TOPIC, store, kb, PUBLIC, facts.HOME_CODE, out, embedder=embedder)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Pre-scrutiny briefing: Waste and recycling")
    assert "| Indicator | Latest value | Trend | Target | Neighbour median | Rank | Source |" in text
    chart = Path(answer.chart)
    assert f"]({chart.relative_to(out.parent).as_posix()})" in text and chart.is_file()
    assert "## 8. Sources" in text and all(f"[{c.id}] " in text.split("## 8. Sources", 1)[1]
                                           for c in answer.citations)
    assert not list(out.parent.glob(".waste-*"))  # no temporary file left behind


def test_restricted_document_only_in_an_allowed_briefing(parts, tmp_path: Path) -> None:
    store, kb, embedder = parts
    topic = "disposal of surplus depot land"
    public = tmp_path / "public.md"
    allowed = tmp_path / "allowed.md"
    write_briefing(topic, store, kb, PUBLIC, facts.HOME_CODE, public, embedder=embedder)
    write_briefing(topic, store, kb, AccessContext(allow_restricted=True, channel="C-exempt"), facts.HOME_CODE,
                   allowed, embedder=embedder)
    for phrase in facts.RESTRICTED_PHRASES:
        assert phrase not in public.read_text(encoding="utf-8")
    assert facts.RESTRICTED_FACT in allowed.read_text(encoding="utf-8")


def test_bad_output_type_is_refused_and_nothing_written(parts, tmp_path: Path) -> None:
    store, kb, embedder = parts
    with pytest.raises(AssistantError, match=r"\.docx or \.md"):
        write_briefing(TOPIC, store, kb, PUBLIC, facts.HOME_CODE, tmp_path / "note.pdf", embedder=embedder)
    assert list(tmp_path.iterdir()) == []


def test_docx_converts_to_pdf_with_libreoffice(docx_note, tmp_path: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (libreoffice/soffice not on PATH): PDF conversion not tested")
    out, _ = docx_note
    run = subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                         capture_output=True, text=True, timeout=300)
    pdf = tmp_path / "waste.pdf"
    assert run.returncode == 0 and pdf.is_file(), run.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
