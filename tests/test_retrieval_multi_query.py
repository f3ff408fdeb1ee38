"""With SCRUTINY_LLM set, the model may rewrite a document question into search queries (multi-query retrieval):
each is searched, the rankings fused, the quotes still verbatim from the index; a reply that is not usable is
ignored and the plain question searched. The LLM is langchain's FakeListChatModel; everything else is real."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_core.language_models import FakeListChatModel

from bot.assistant import Assistant
from bot.models import CallerContext
from bot.pipeline.models import Request
from bot.pipeline.search_queries import parse_queries, search_queries
from knowledge.base import KnowledgeBase
from knowledge_documents import write

QUESTION = "Can I bring my dog into the cafe by the river?"
REWRITES = '{"queries": ["animals admitted to the Riverside Pavilion tearoom", "assistance animals tearoom rules"]}'
PARKS = ["# Dogs in parks\n\nDogs must be kept on a lead in every park between April and September.",
         "# Dog waste\n\nDog waste bins in the parks are emptied daily by the grounds team.",
         "# Park cafes\n\nThe park cafe near the boating lake sells hot food from ten until four.",
         "# Dog training\n\nDog training classes run in Victoria Park on Saturday mornings.",
         "# Play areas\n\nDogs are not allowed in fenced play areas in any park.",
         "# Park events\n\nThe summer dog show is held in the park every July.",
         "# Park opening\n\nParks open at dawn and close at dusk every day of the year."]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory, shared_embedder) -> Path:
    root = tmp_path_factory.mktemp("multi-query")
    write(root / "docs" / "parks.md", "\n\n".join(PARKS) + "\n")
    write(root / "docs" / "pavilion.md", "# Riverside Pavilion\n\nOnly assistance animals are admitted to the "
          "Riverside Pavilion tearoom.\n\n# Booking\n\nThe pavilion hall can be booked for weddings and parties.\n")
    KnowledgeBase(root / "home", embedder=shared_embedder).ingest([root / "docs"])
    return root / "home"


def _assistant(home: Path, embedder: object, replies: list[str] | None, multi_query: bool = True) -> Assistant:
    from bot.settings import load_settings

    settings = load_settings(home=home, area=None, llm=None, chroma_host=None, multi_query=multi_query)
    llm = FakeListChatModel(responses=replies) if replies is not None else None
    return Assistant(settings, llm=llm, embedder=embedder)


def _answer(assistant: Assistant):  # noqa: ANN202
    caller = CallerContext(channel="cli", user="cli", allow_restricted=False, area=None)
    return assistant.respond(Request(text=QUESTION, command="ask"), caller).answer


def test_the_models_search_queries_find_what_the_question_alone_misses(home: Path, shared_embedder) -> None:
    plain = _answer(_assistant(home, shared_embedder, None))
    assert plain.kind == "document"
    assert not any("Riverside Pavilion" in c.quote for c in plain.citations), "precondition: the question misses it"
    # The model's first reply is the search queries; the second is its wording of the answer (the guard checks it).
    answer = _answer(_assistant(home, shared_embedder, [REWRITES, "Only assistance animals are admitted [1]."]))
    assert any("assistance animals are admitted" in c.quote for c in answer.citations), answer.citations
    kb = KnowledgeBase(home, embedder=shared_embedder)
    for c in answer.citations:  # every quote is verbatim from the stored text
        doc = next(d for d in kb.documents() if d.path == c.path)
        assert c.quote.replace("…", "").strip() in kb.source_text(doc.doc_id)


@pytest.mark.parametrize("reply", [
    "Sure! You could search for: dog rules, cafe rules.",  # prose, not JSON
    '{"answer": "Dogs are welcome."}',  # an answer, not queries
    '{"queries": []}',  # nothing
    '{"queries": ["ok", "x"]}',  # too short to be queries
])
def test_an_unusable_reply_is_ignored_and_the_plain_question_searched(home: Path, shared_embedder,
                                                                      reply: str) -> None:
    plain = _answer(_assistant(home, shared_embedder, None))
    got = _answer(_assistant(home, shared_embedder, [reply, "x"]))
    assert [(c.path, c.quote) for c in got.citations] == [(c.path, c.quote) for c in plain.citations]


def test_multi_query_can_be_turned_off(home: Path, shared_embedder) -> None:
    plain = _answer(_assistant(home, shared_embedder, None))
    off = _answer(_assistant(home, shared_embedder, [REWRITES, "x"], multi_query=False))
    assert [c.quote for c in off.citations] == [c.quote for c in plain.citations]


def test_the_question_alone_decides_relevance(home: Path, shared_embedder) -> None:
    kb = KnowledgeBase(home, embedder=shared_embedder)
    # Good queries cannot make an off-topic question answerable.
    assert kb.search("What is the capital of Peru?", also=["Riverside Pavilion tearoom animals"]) == []
    # A wording with nothing relevant of its own adds nothing and takes nothing away.
    plain = kb.search(QUESTION, k=3)
    assert [p.chunk_id for p in kb.search(QUESTION, k=3, also=["capital city of Peru"])] == \
           [p.chunk_id for p in plain]


def test_parse_queries_takes_only_what_was_asked_for() -> None:
    fenced = '```json\n{"queries": ["Riverside Pavilion tearoom", "can i bring my dog into the cafe by the river?", ' \
             '"assistance  animals", "tearoom animals policy", "fourth"]}\n```'
    assert parse_queries(fenced, QUESTION) == ["Riverside Pavilion tearoom", "assistance animals",
                                              "tearoom animals policy"]
    assert parse_queries('["dog rules in the pavilion"]', QUESTION) == ["dog rules in the pavilion"]
    assert parse_queries('{"queries": ["' + "word " * 60 + '"]}', QUESTION) == []
    assert parse_queries("not json", QUESTION) == []


def test_a_failing_model_means_no_queries() -> None:
    class Broken:
        def invoke(self, input: str) -> object:  # noqa: A002 - langchain's name
            raise TimeoutError("provider timed out")

    assert search_queries(Broken(), QUESTION) == []
    replies = FakeListChatModel(responses=[REWRITES])
    assert search_queries(replies, QUESTION) == ["animals admitted to the Riverside Pavilion tearoom",
                                                 "assistance animals tearoom rules"]
