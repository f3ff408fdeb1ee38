"""Documents known by name (issue 14, item 3): title, authors, publisher and kind read from each corpus document,
and a question that names a document by its authors, publisher or kind is routed to it; a question naming what no
document mentions gets nothing (item 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.doc_names import describe, display_title, file_name_title, named_document, without_names
from knowledge.loaders import load_file
from knowledge.models import Passage
from knowledge_documents import write

EXPECTED = {
    "benchmarking-in-english-district-councils-thesis.txt":
        {"title": "Benchmarking in English District Councils Thesis", "authors": [], "kind": "thesis",
         "publisher": "Kingston University"},
    "getting-better-all-the-time-local-government-improvement-2008.txt":
        {"title": "Getting better all the time?", "authors": ["Clive Grace", "Steve Martin"], "kind": "essay",
         "publisher": "Improvement and Development Agency"},
    "how-public-managers-respond-to-external-performance-assessment.txt":
        {"title": "Regulating Public Services: How Public Managers Respond to External Performance Assessment",
         "authors": ["Doering", "Downe", "Martin"], "kind": "article", "publisher": "Public Administration Review"},
    "lga-effective-performance-management-guide-for-officers.txt":
        {"title": "Performance management guide for local authority officers", "authors": [], "kind": "guide",
         "publisher": "Local Government Association"},
    "sector-led-improvement-stakeholder-perceptions-audit-2013.txt":
        {"title": "Evaluation of sector-led improvement", "authors": [], "kind": "report",
         "publisher": "Local Government Association"},
}
QUESTIONS = {
    "In which years did the Cardiff study interview public managers?":
        "how-public-managers-respond-to-external-performance-assessment.txt",
    "How many interviews did Döring, Downe and Martin draw on?":
        "how-public-managers-respond-to-external-performance-assessment.txt",
    "What do Grace and Martin say about innovation in their essay?":
        "getting-better-all-the-time-local-government-improvement-2008.txt",
    "What does the LGA guide for officers say about RAG ratings?":
        "lga-effective-performance-management-guide-for-officers.txt",
    "How many councils did the doctoral thesis on benchmarking sample?":
        "benchmarking-in-english-district-councils-thesis.txt",
    "What did the LGA's stakeholder perceptions report find about awareness?":
        "sector-led-improvement-stakeholder-perceptions-audit-2013.txt",
}


@pytest.fixture(scope="module")
def described(shared_dir: Path) -> dict[str, dict]:
    out = {}
    for path in sorted((shared_dir / "corpus").glob("*.txt")):
        doc = load_file(path)
        title = display_title(doc.title) if doc.title else file_name_title(path.stem)
        out[path.name] = {"title": title, **describe(doc.text, path.name)}
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_corpus_document_says_who_wrote_and_published_it(described: dict[str, dict], name: str) -> None:
    got = described[name]
    for key, value in EXPECTED[name].items():
        assert got[key] == value, (name, key, got[key])


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_a_question_naming_a_document_is_routed_to_it(described: dict[str, dict], question: str) -> None:
    assert named_document(question, described) == QUESTIONS[question]


def test_plain_questions_name_no_document(described: dict[str, dict]) -> None:
    for question in ("When did LG Inform become available to the public?", "What is a balanced scorecard?",
                     "How many interviews were carried out?"):
        assert named_document(question, described) is None, question


def test_naming_words_leave_the_question_searched_inside_the_document(described: dict[str, dict]) -> None:
    doc = described["how-public-managers-respond-to-external-performance-assessment.txt"]
    assert without_names("How many interviews did Döring, Downe and Martin's study use?", doc) == \
        "How many interviews did study use?"


def test_citation_names_a_publication_by_author_and_a_council_paper_by_title() -> None:
    essay = Passage(chunk_id="c", doc_id="d", title="Getting better all the time?", path="p", doc_type="other",
                    classification="public", text="t", authors=["Clive Grace", "Steve Martin"],
                    publisher="Improvement and Development Agency", date="2008-01-01")
    assert essay.cite_as == "Getting better all the time? (Grace and Martin; Improvement and Development Agency, 2008)"
    plan = essay.model_copy(update={"council": "Northbridge District Council", "title": "Council Plan"})
    assert plan.cite_as == "Council Plan"


def test_question_naming_what_no_permitted_document_mentions_gets_nothing(tmp_path: Path, shared_embedder) -> None:
    public = write(tmp_path / "docs" / "plan.txt", "Council plan\n\nWe will raise the recycling rate to 50% by 2027 "
                   "and cut missed bin collections across the district.\n")
    depot = write(tmp_path / "docs" / "exempt.txt", "Exempt report\n\nThe Harrow Lane depot will be sold to the "
                  "highest bidder after the waste fleet moves to the new site.\n")
    kb = KnowledgeBase(tmp_path / "home", embedder=shared_embedder)
    kb.ingest([public])
    from knowledge.models import IngestOptions

    kb.ingest([depot], IngestOptions(classification="restricted"))
    assert kb.search("What is proposed for the Harrow Lane depot?") == []
    assert kb.unknown_names("What is proposed for the Harrow Lane depot?",
                            [d for d in kb.registry.documents() if d.classification == "public"]) == ["harrow", "lane"]
    from knowledge.models import AccessContext

    allowed = kb.search("What is proposed for the Harrow Lane depot?", access=AccessContext(allow_restricted=True))
    assert allowed and "Harrow Lane" in allowed[0].text
    assert kb.search("What will the council do about the recycling rate?")  # on topic, names nothing unknown
