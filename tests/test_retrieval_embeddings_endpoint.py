"""Embeddings from elsewhere: any langchain Embeddings behind the Embedder protocol (langchain_core's deterministic
fake), and SCRUTINY_EMBEDDINGS_URL's OpenAI-compatible client against a real HTTP server on 127.0.0.1 that speaks the
/v1/embeddings shape; the index records the endpoint's model; a failing endpoint is one line."""

from __future__ import annotations

import hashlib
import json
import math
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from knowledge.base import KnowledgeBase
from knowledge.embedding import Embedder
from knowledge.errors import KnowledgeError
from knowledge.remote_embedder import LangchainEmbedder, OpenAICompatibleEmbeddings
from knowledge_documents import LOREM, write

DIMENSION = 24


def bag_of_words(text: str) -> list[float]:
    """The loopback server's 'model': hashed words (deterministic, and similar texts get similar vectors)."""
    vector = [0.0] * DIMENSION
    for word in text.lower().replace(".", " ").replace("?", " ").split():
        vector[hashlib.sha1(word.encode()).digest()[0] % DIMENSION] += 1.0
    return [x * 3.0 for x in vector]  # not unit length: the client normalises


class EmbeddingsServer:
    """An OpenAI-compatible /v1/embeddings endpoint on 127.0.0.1, recording what it was sent."""

    def __init__(self) -> None:
        self.requests: list[dict[str, object]] = []
        self.status = 200
        self.reply_override: bytes | None = None
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), **body})
                if outer.status != 200:
                    payload = json.dumps({"error": {"message": "Incorrect API key provided"}}).encode()
                elif outer.reply_override is not None:
                    payload = outer.reply_override
                else:
                    data = [{"object": "embedding", "index": i, "embedding": bag_of_words(t)}
                            for i, t in enumerate(body["input"])]
                    data.reverse()  # the API does not promise order: the client sorts by index
                    payload = json.dumps({"object": "list", "data": data, "model": body["model"]}).encode()
                self.send_response(outer.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> EmbeddingsServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def server() -> Iterator[EmbeddingsServer]:
    with EmbeddingsServer() as running:
        yield running


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    write(folder / "waste.md", "# Waste strategy\n\nThe garden waste charge rises to 52 pounds a year from April.\n")
    write(folder / "libraries.md", "# Libraries\n\nEastgate library opens four days a week from June.\n\n" + LOREM)
    return folder


def test_any_langchain_embeddings_serve_as_the_embedder(tmp_path: Path, docs: Path) -> None:
    fake = LangchainEmbedder(DeterministicFakeEmbedding(size=32), model_id="fake/deterministic-32")
    assert isinstance(fake, Embedder) and fake.dimension == 32
    kb = KnowledgeBase(tmp_path / "home", embedder=fake, relevance_threshold=-1.0)
    kb.ingest([docs])
    built = kb.vectors.recorded()
    assert (built.embedder, built.model, built.dimension) == ("langchain", "fake/deterministic-32", 32)
    assert all(abs(math.fsum(x * x for x in v) - 1.0) < 1e-9 for v in fake.embed_documents(["a", "b c"]))
    # The fake embeds identical text identically, so a chunk's own text finds it by the dense ranking alone.
    chunk = next(c for c in kb.registry.chunks() if "Eastgate" in kb.source_text(c.doc_id)[c.start:c.end])
    text = kb.source_text(chunk.doc_id)[chunk.start:chunk.end]
    assert kb.search(text, k=1, mode="dense")[0].chunk_id == chunk.chunk_id
    # Another model's vectors are not comparable: refused with the re-index message.
    other = LangchainEmbedder(DeterministicFakeEmbedding(size=32), model_id="fake/other-32")
    with pytest.raises(KnowledgeError, match="built with langchain deterministic-32 .* not comparable"):
        KnowledgeBase(tmp_path / "home", embedder=other).search("library")


def test_the_endpoint_setting_embeds_through_the_loopback_server(tmp_path: Path, docs: Path,
                                                                 server: EmbeddingsServer) -> None:
    from bot.settings import load_settings

    settings = load_settings(home=tmp_path / "home", area=None, llm=None, chroma_host=None,
                             embeddings_url=server.url, embeddings_model="hash-words-24",
                             embeddings_api_key="sk-test-key")
    kb = settings.knowledge_base()
    kb.relevance_threshold = 0.0
    assert not server.requests, "nothing is sent before the index is used"
    kb.ingest([docs])
    built = kb.vectors.recorded()
    assert (built.embedder, built.model, built.dimension) == ("openai-compatible", "hash-words-24", DIMENSION)
    sent = server.requests
    assert {r["path"] for r in sent} == {"/v1/embeddings"} and {r["model"] for r in sent} == {"hash-words-24"}
    assert {r["auth"] for r in sent} == {"Bearer sk-test-key"}
    assert any(len(r["input"]) > 1 for r in sent), "documents are sent in batches"
    assert "52 pounds" in kb.search("garden waste charge", mode="dense")[0].text
    assert "Eastgate" in kb.search("Eastgate library opens", mode="dense")[0].text
    assert "sk-test-key" not in repr(settings), "the key is a secret in the settings"


def test_a_failing_endpoint_is_one_line(tmp_path: Path, server: EmbeddingsServer) -> None:
    client = OpenAICompatibleEmbeddings(server.url, "hash-words-24", api_key="wrong")
    server.status = 401
    with pytest.raises(KnowledgeError, match=r"answered HTTP 401: .*Incorrect API key") as refused:
        client.embed_query("council tax")
    assert "\n" not in str(refused.value) and "SCRUTINY_EMBEDDINGS_URL" in str(refused.value)
    server.status, server.reply_override = 200, b'{"data": [{"index": 0, "vector": [1, 2]}]}'
    with pytest.raises(KnowledgeError, match="did not answer in the OpenAI embeddings shape"):
        client.embed_documents(["council tax"])
    server.reply_override = json.dumps({"data": [{"index": 0, "embedding": [1.0, 0.0]}]}).encode()
    with pytest.raises(KnowledgeError, match="returned 1 vectors for 2 texts"):
        client.embed_documents(["council tax", "recycling"])
    nowhere = OpenAICompatibleEmbeddings("http://127.0.0.1:9/v1", "m", timeout=2.0)
    with pytest.raises(KnowledgeError, match=r"127\.0\.0\.1:9/v1/embeddings .* did not answer: ConnectError"):
        nowhere.embed_query("council tax")


def test_the_cli_says_in_one_line_that_the_endpoint_is_down(tmp_path: Path, docs: Path, server: EmbeddingsServer,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from bot.cli import app

    monkeypatch.setenv("SCRUTINY_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SCRUTINY_EMBEDDINGS_URL", server.url)
    monkeypatch.setenv("SCRUTINY_EMBEDDINGS_MODEL", "hash-words-24")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(docs)]).exit_code == 0
    server.status = 503
    result = runner.invoke(app, ["ask", "What does the garden waste charge cost?"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines == [lines[0]] and lines[0].startswith("error: the embeddings endpoint") and "HTTP 503" in lines[0]
    monkeypatch.delenv("SCRUTINY_EMBEDDINGS_MODEL")
    result = runner.invoke(app, ["docs"])
    assert result.exit_code == 2 and "SCRUTINY_EMBEDDINGS_MODEL" in result.output
