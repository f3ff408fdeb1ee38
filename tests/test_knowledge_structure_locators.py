"""Section locators name the heading a passage sits under, and page furniture never reaches a quote (issue 17,
item 3): the LGA guide's layout over the real corpus, the sample pack's performance report and peer challenge PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.chunking import chunk_document
from knowledge.furniture import strip_page_furniture, strip_text_furniture
from knowledge.loaders import load_file

SAMPLE = Path(__file__).resolve().parents[1] / "bot" / "sample_pack" / "documents"
GUIDE = "lga-effective-performance-management-guide-for-officers.txt"


def _section_of(doc, phrase: str) -> str | None:  # noqa: ANN001
    return next(c.section for c in chunk_document(doc) if phrase in doc.text[c.start:c.end])


def test_lga_guide_passages_sit_under_their_own_heading(shared_dir: Path) -> None:
    doc = load_file(shared_dir / "corpus" / GUIDE)
    section = _section_of(doc, "using data to inform action that will")
    assert section == "1. Introduction to performance management > What is performance management?"
    assert "Fleming" not in (section or "")
    assert _section_of(doc, "Local Government Act of 1999").endswith("Why is performance management important?")
    culture = "2. Creating a constructive performance management culture"
    assert _section_of(doc, "Rochdale Borough Council found") == culture
    headings = [doc.text[b.start:b.end] for b in doc.blocks if b.kind == "heading"]
    assert not any("Fleming" in h or h.startswith("Chair,") for h in headings)
    assert not any(h in ("1. knowlege", "2. skills") for h in headings)  # items of a numbered list


def test_running_footer_of_the_guide_is_not_text_but_names_it(shared_dir: Path) -> None:
    doc = load_file(shared_dir / "corpus" / GUIDE)
    assert "Performance management guide for local authority officers" not in doc.text
    assert doc.title == "Performance management guide for local authority officers"


def test_page_furniture_is_stripped_from_pdf_pages() -> None:
    pages = strip_page_furniture([
        "Northbridge report\nKey findings\nRecycling fell to 41%.\nPage 1 of 3",
        "Northbridge report\nRecommendations\nRecommendation 7: publish a plan. Page 2 of 3",
        "Northbridge report\nNext steps\nA progress review follows.\n3",
    ])
    assert pages == ["Key findings\nRecycling fell to 41%.", "Recommendations\nRecommendation 7: publish a plan.",
                     "Next steps\nA progress review follows."]
    text = "Intro line.\n\nGuide title\n\n9\n\nMore text.\n\nGuide title\n\n10\n\nEnd.\nPage 4 of 9\n"
    assert strip_text_furniture(text) == "Intro line.\n\n\n\nMore text.\n\n\n\nEnd.\n"


def test_sample_peer_challenge_quotes_carry_no_page_footer_or_running_header() -> None:
    doc = load_file(SAMPLE / "northbridge-corporate-peer-challenge-2023.pdf")
    assert "Page 6 of 8" not in doc.text and "of 8" not in doc.text
    for number, start, end in doc.pages[1:]:
        assert not doc.text[start:end].startswith("FICTIONAL SAMPLE"), number
        assert "Feedback Report\n" not in doc.text[start:end][:120], number
    assert doc.title == "Corporate Peer Challenge: Northbridge District Council - Feedback Report"


@pytest.fixture(scope="module")
def sample_kb(tmp_path_factory: pytest.TempPathFactory, shared_embedder) -> KnowledgeBase:
    kb = KnowledgeBase(tmp_path_factory.mktemp("locators"), embedder=shared_embedder)
    kb.ingest([SAMPLE / "northbridge-q2-2024-25-performance-report.docx",
               SAMPLE / "northbridge-corporate-peer-challenge-2023.pdf"])
    return kb


def test_performance_report_passage_is_cited_to_its_own_exception_heading(sample_kb: KnowledgeBase) -> None:
    passages = sample_kb.search("homelessness prevention officers funded", k=5)
    hit = next(p for p in passages if "Two additional prevention officers" in p.text)
    assert hit.section == "4. Exceptions > Homelessness prevention duties ended with homelessness prevented (%) (Amber)"
    for p in passages:
        # A passage never runs across a heading: its text sits inside one exception.
        assert "Net cost of waste collection" not in p.text or "prevention officers" not in p.text


def test_no_search_result_quotes_page_furniture(sample_kb: KnowledgeBase) -> None:
    for question in ("net cost of waste collection recommendation", "recycling recovery plan", "next steps",
                     "financial planning and management"):
        for p in sample_kb.search(question, k=5):
            assert "Page " not in p.text or " of 8" not in p.text
            assert "FICTIONAL SAMPLE - Northbridge District Council does not exist\n" not in p.text


def test_a_heading_alone_at_the_top_of_a_short_last_page_is_a_heading() -> None:
    # On page 7 of the peer challenge "3.5 Capacity for improvement" heads three bullets; judged against that
    # page's own short lines it looked like text, so its passage was cited under "3.4 Financial planning".
    doc = load_file(SAMPLE / "northbridge-corporate-peer-challenge-2023.pdf")
    assert _section_of(doc, "Staff turnover (14.2% in 2022-23)").endswith("3.5 Capacity for improvement")
    assert _section_of(doc, "savings plans are not yet identified").endswith("3.4 Financial planning and management")
