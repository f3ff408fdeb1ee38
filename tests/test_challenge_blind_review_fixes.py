"""What a blind review of the question lists found, each fixed: a question a chair reads aloud explains the acronyms
it uses where it uses them; the list names the terms its rationale and sources use; evidence quotes the
documents' words, never their markup (a "###" heading, "**" bold, a table row's pipes); the review's text
rendering of a list shows a citation's public URL and never a local path."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from bot.challenge import draft_questions
from bot.models import Answer, Citation
from bot.sample_pack import facts
from knowledge.models import AccessContext

pytestmark = pytest.mark.slow
PUBLIC = AccessContext(allow_restricted=False, channel="C-public")
MEETING = "2027-01-14"
SAMPLE_TOPICS = ["waste and recycling", "council tax collection", "performance overview", "workforce", "planning"]
QUOTED = re.compile(r"\u201c([^\u201d]*)\u201d|\"([^\"]*)\"")
MARKUP = re.compile(r"#{2,}|\*\*|\|")
GENERATE = Path(__file__).resolve().parent / "eval" / "output_review" / "generate.py"


@pytest.fixture(scope="module")
def sample_lists(sample_home, shared_embedder) -> dict[str, Answer]:
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase

    store, kb = IndicatorStore(sample_home.home), KnowledgeBase(sample_home.home, embedder=shared_embedder)
    return {topic: draft_questions(topic, store, kb, PUBLIC, facts.HOME_CODE, embedder=shared_embedder,
                                   meeting_date=MEETING) for topic in SAMPLE_TOPICS}


def _unquoted(text: str) -> str:
    return QUOTED.sub(" ", text)


def test_a_question_read_aloud_explains_the_acronyms_it_uses(sample_lists) -> None:
    from bot.challenge.terms import load_terms

    spoken = [t for t in load_terms() if t.spoken]
    glossed = 0
    for topic, answer in sample_lists.items():
        for q in answer.questions or []:
            for term in spoken:
                if term.found(_unquoted(q.text)):
                    assert f"({term.spoken})" in q.text or f": {term.spoken})" in q.text, (topic, q.text)
                    glossed += 1
    workforce = [q.text for q in sample_lists["workforce"].questions or [] if "FTE" in q.text]
    assert workforce and all("per FTE (full-time equivalent)" in t for t in workforce), workforce
    assert all(t.count("(full-time equivalent)") == 1 for t in workforce)  # at its first use only
    assert glossed >= len(workforce)


def test_a_list_names_the_terms_its_rationale_and_sources_use(sample_lists) -> None:
    for topic, answer in sample_lists.items():
        rationale = " ".join(q.rationale for q in answer.questions or [])
        if "nearest neighbours" in rationale:
            assert "Terms used: " in answer.answer and "Nearest neighbours \u2014 the councils most like" in \
                answer.answer, topic
    workforce = sample_lists["workforce"].answer
    assert "FTE \u2014 full-time equivalent: staff counted so that two half-time posts make one" in workforce
    assert "XmR" not in workforce  # only the terms the list uses


def test_evidence_quotes_the_words_not_the_markup(sample_lists) -> None:
    for topic, answer in sample_lists.items():
        for c in answer.citations:
            assert not MARKUP.search(c.quote), (topic, c.id, c.quote)
        for q in answer.questions or []:
            for text in (q.text, q.rationale):
                for m in QUOTED.finditer(text):
                    assert not MARKUP.search(m.group(1) or m.group(2) or ""), (topic, text)
    tax = sample_lists["council tax collection"]
    status = [c for c in tax.citations if "action plan: progress" in c.locator]
    # The action plan's status cell, as the minutes record it (verbatim), without the table row around it.
    assert [c.quote for c in status] == ["Not started - scheduled for 2025-26"]


def _generate_module():
    spec = importlib.util.spec_from_file_location("output_review_generate", GENERATE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_reviews_list_text_shows_public_urls_and_never_a_local_path(sample_lists) -> None:
    generate = _generate_module()
    answer = sample_lists["council tax collection"]
    local = [c.path for c in answer.citations if c.path.startswith("/")]
    assert local  # the sample pack's documents are local files
    web = Citation(id=len(answer.citations) + 1, source="Oflog Local Authority Data Explorer", locator="ASC5",
                   path="https://oflog.data.gov.uk/", quote="")
    text = generate._question_text(answer.model_copy(update={"citations": [*answer.citations, web]}))
    sources = text.split("Sources:", 1)[1]
    assert not any(path in sources for path in local), sources
    assert not re.search(r"(?:^|[\s|])/[\w.-]+/", sources), sources
    assert f"[{web.id}] Oflog Local Authority Data Explorer | ASC5 | https://oflog.data.gov.uk/" in sources
    assert len(re.findall(r"^\[\d+\] ", sources, flags=re.MULTILINE)) == len(answer.citations) + 1


@pytest.fixture(scope="module")
def real_lists(shared_dir: Path, shared_embedder, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Answer]:
    from indicators.store import IndicatorStore

    store = IndicatorStore(tmp_path_factory.mktemp("review-real-lists"))
    data = shared_dir / "data" / "oflog_asc"
    store.import_file(data / "asc_data.csv", fmt="oflog", groups=data / "nearest_neighbours.json",
                      dataset="oflog-asc")
    return {name: draft_questions(topic, store, None, PUBLIC, area, embedder=shared_embedder, meeting_date=MEETING)
            for name, area, topic in (("carers", "E06000059", "carers"),
                                      ("workforce", "E10000017", "adult social care workforce"))}


@pytest.mark.shared
def test_real_lists_gloss_asc_and_name_cipfa_and_oflog(real_lists) -> None:
    carers = [q.text for q in real_lists["carers"].questions or [] if "ASC" in _unquoted(q.text)]
    assert carers and all("ASC (adult social care) Carer" in t for t in carers), carers
    for answer in real_lists.values():
        assert "CIPFA nearest neighbours \u2014 the councils most like this one" in answer.answer
        assert "Oflog \u2014 the Office for Local Government" in answer.answer
        for q in answer.questions or []:
            if re.search(r"\bOflog\b", _unquoted(q.text)):
                assert "Oflog (the Office for Local Government)" in q.text, q.text


def test_a_name_written_out_is_not_glossed_with_itself() -> None:
    # The second blind review read "Local Government Benchmarking Framework (the Local Government Benchmarking
    # Framework)" aloud in a question.
    from bot.challenge.terms import gloss

    text = "The latest Local Government Benchmarking Framework (Improvement Service) figures held are for 2022-23."
    assert gloss(text) == text
    assert "LGBF (the Local Government Benchmarking Framework)" in gloss("The latest LGBF figures are for 2022-23.")
