"""Embeddings from elsewhere, behind the `Embedder` protocol: any langchain `Embeddings`, and a small client for an
OpenAI-compatible `/v1/embeddings` endpoint. Imported only when one is configured (langchain-core, about 0.1 s).

`LangchainEmbedder` wraps any object with langchain's `embed_documents` / `embed_query` (a provider package a
council installs itself, or langchain_core's fake embeddings in tests): it names the model for the index, learns the
vector size from the provider, normalises every vector to unit length and turns a provider's failure into one line.

`OpenAICompatibleEmbeddings` is a langchain `Embeddings` that speaks the OpenAI embeddings API (`POST
{base}/embeddings` with `{"model", "input"}`, answered with `{"data": [{"index", "embedding"}]}`), which OpenAI,
Azure OpenAI's v1 endpoint, Ollama (`http://localhost:11434/v1`), LM Studio, vLLM and text-embeddings-inference all
serve. It is written with httpx, which chromadb and langchain-core already bring, because langchain-openai and
langchain-ollama are not installed and would be network-only dependencies (SCRUTINY_EMBEDDINGS_URL, README).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Protocol

from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, ValidationError

from knowledge.errors import KnowledgeError

if TYPE_CHECKING:
    import httpx

__all__ = ["LangchainEmbedder", "OpenAICompatibleEmbeddings", "TextEmbeddings", "endpoint_embedder"]

_ERROR_CHARS = 160


class TextEmbeddings(Protocol):
    """What langchain's `Embeddings` offers and this module needs."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


def _unit(vector: list[float]) -> list[float]:
    norm = math.sqrt(sum(x * x for x in vector))
    if not norm or not math.isfinite(norm):
        raise KnowledgeError("the embeddings provider returned a zero or non-finite vector")
    return [float(x) / norm for x in vector]


class LangchainEmbedder:
    """Any langchain-style embeddings as an `Embedder`: unit-length vectors of one named model."""

    def __init__(self, embeddings: TextEmbeddings, model_id: str, name: str = "langchain",
                 dimension: int | None = None) -> None:
        self.embeddings = embeddings
        self.name = name
        self._model_id = model_id
        self._dimension = dimension or 0
        self.calls = 0

    @property
    def model_id(self) -> str:
        """The model name the index records."""
        return self._model_id

    @property
    def dimension(self) -> int:
        """Vector size: as configured, else learnt from the provider (one short request the first time)."""
        if not self._dimension:
            self._dimension = len(self.embed_query("dimension"))
        return self._dimension

    def _checked(self, vectors: list[list[float]], expected: int) -> list[list[float]]:
        if len(vectors) != expected:
            raise KnowledgeError(f"the embeddings provider returned {len(vectors)} vectors for {expected} texts")
        out = [_unit(list(v)) for v in vectors]
        sizes = {len(v) for v in out}
        if len(sizes) > 1 or (self._dimension and sizes and sizes != {self._dimension}):
            raise KnowledgeError(f"the embeddings provider returned vectors of size {sorted(sizes)}, "
                                 f"expected {self._dimension or 'one size'}")
        if sizes and not self._dimension:
            self._dimension = sizes.pop()
        return out

    def _call(self, what: str, texts: list[str]) -> list[list[float]]:
        try:
            if what == "query":
                return [self.embeddings.embed_query(texts[0])]
            return self.embeddings.embed_documents(texts)
        except KnowledgeError:
            raise
        except Exception as exc:  # noqa: BLE001 - a provider's failure of any kind is one line for the user
            first = (str(exc).splitlines() or [""])[0][:_ERROR_CHARS]
            raise KnowledgeError(f"the embeddings provider for {self._model_id} failed: {type(exc).__name__}"
                                 + (f": {first}" if first else "")) from None

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Unit-length embeddings for passages, in input order."""
        if not texts:
            return []
        self.calls += 1
        return self._checked(self._call("documents", list(texts)), len(texts))

    def embed_query(self, text: str) -> list[float]:
        """Unit-length embedding for a search query."""
        return self._checked(self._call("query", [text]), 1)[0]


class _Item(BaseModel):
    index: int
    embedding: list[float]


class _Reply(BaseModel):
    data: list[_Item]


class OpenAICompatibleEmbeddings(Embeddings):
    """langchain `Embeddings` for an OpenAI-compatible endpoint, spoken to with httpx (no provider package)."""

    def __init__(self, base_url: str, model: str, api_key: str | None = None, dimensions: int | None = None,
                 timeout: float = 60.0, batch_size: int = 64, transport: httpx.BaseTransport | None = None) -> None:
        base = base_url.rstrip("/")
        self.url = base if base.endswith("/embeddings") else f"{base}/embeddings"
        self.model = model
        self.api_key = api_key
        self.dimensions = dimensions
        self.timeout = timeout
        self.batch_size = batch_size
        self.transport = transport
        self._client: httpx.Client | None = None

    def _http(self) -> httpx.Client:
        if self._client is None:
            import httpx

            headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
            # trust_env=False: a proxy for the endpoint is configured by its URL, not picked up from the environment
            # (the usual place for an endpoint is the council's own network or localhost).
            self._client = httpx.Client(timeout=self.timeout, headers=headers, transport=self.transport,
                                        trust_env=False)
        return self._client

    def _post(self, inputs: list[str]) -> list[list[float]]:
        import httpx

        body: dict[str, object] = {"model": self.model, "input": inputs}
        if self.dimensions:
            body["dimensions"] = self.dimensions
        where = f"the embeddings endpoint {self.url} (SCRUTINY_EMBEDDINGS_URL)"
        try:
            response = self._http().post(self.url, json=body)
        except httpx.HTTPError as exc:
            raise KnowledgeError(f"{where} did not answer: {type(exc).__name__}") from None
        if response.status_code != 200:
            detail = " ".join(response.text.split())[:_ERROR_CHARS]
            raise KnowledgeError(f"{where} answered HTTP {response.status_code}" + (f": {detail}" if detail else ""))
        try:
            reply = _Reply.model_validate_json(response.content)
        except ValidationError as exc:
            raise KnowledgeError(f"{where} did not answer in the OpenAI embeddings shape "
                                 f"({exc.error_count()} problems, e.g. {exc.errors()[0]['msg']})") from None
        vectors = sorted(reply.data, key=lambda item: item.index)
        if [item.index for item in vectors] != list(range(len(inputs))):
            raise KnowledgeError(f"{where} returned {len(vectors)} vectors for {len(inputs)} texts")
        return [item.embedding for item in vectors]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embeddings for `texts`, in order, a batch per request."""
        out: list[list[float]] = []
        for lo in range(0, len(texts), self.batch_size):
            out.extend(self._post(texts[lo:lo + self.batch_size]))
        return out

    def embed_query(self, text: str) -> list[float]:
        """Embedding for one query."""
        return self._post([text])[0]


def endpoint_embedder(base_url: str, model: str, api_key: str | None = None,
                      dimensions: int | None = None) -> LangchainEmbedder:
    """The `Embedder` for an OpenAI-compatible endpoint (what SCRUTINY_EMBEDDINGS_URL/_MODEL configure)."""
    client = OpenAICompatibleEmbeddings(base_url, model, api_key=api_key, dimensions=dimensions)
    model_id = f"{model}@{dimensions}" if dimensions else model
    return LangchainEmbedder(client, model_id=model_id, name="openai-compatible", dimension=dimensions)
