"""Settings from the environment or `.env`, validated at start with messages that name the setting."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from prompts.errors import ScrutinyError

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase
    from knowledge.embedding import Embedder
    from knowledge.rerank import Reranker

DEFAULT_HOME = Path.home() / ".scrutiny"
DEMO_AREA = "E07999001"


class SettingsError(ScrutinyError):
    """A setting is missing or malformed; the message names it."""


class Settings(BaseSettings):
    """Every setting the product reads (DESIGN.md "Settings")."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore",
                                      populate_by_name=True)

    home: Path = Field(default=DEFAULT_HOME, validation_alias=AliasChoices("SCRUTINY_HOME", "home"))
    area: str | None = Field(default=None, validation_alias=AliasChoices("SCRUTINY_AREA", "area"))
    llm: str | None = Field(default=None, validation_alias=AliasChoices("SCRUTINY_LLM", "llm"))
    chroma_host: str | None = Field(default=None, validation_alias=AliasChoices("CHROMA_HOST", "chroma_host"))
    chroma_port: int = Field(default=8000, validation_alias=AliasChoices("CHROMA_PORT", "chroma_port"))
    database_url: str | None = Field(default=None, validation_alias=AliasChoices("DATABASE_URL", "database_url"))
    slack_bot_token: str | None = Field(default=None, validation_alias=AliasChoices("SLACK_BOT_TOKEN",
                                                                                   "slack_bot_token"))
    slack_signing_secret: str | None = Field(default=None, validation_alias=AliasChoices(
        "SLACK_SIGNING_SECRET", "slack_signing_secret"))
    slack_app_token: str | None = Field(default=None, validation_alias=AliasChoices("SLACK_APP_TOKEN",
                                                                                   "slack_app_token"))
    slack_api_url: str | None = Field(default=None, validation_alias=AliasChoices("SLACK_API_URL", "slack_api_url"))
    restricted_channels: str = Field(default="", validation_alias=AliasChoices(
        "SCRUTINY_RESTRICTED_CHANNELS", "restricted_channels"))
    max_file_mb: float = Field(default=50.0, gt=0, validation_alias=AliasChoices("SCRUTINY_MAX_FILE_MB",
                                                                                "max_file_mb"))
    # Which runtime embeds documents and questions: ONNX Runtime (fast start, no torch) or sentence-transformers.
    embedder: Literal["onnx", "sentence-transformers"] = Field(
        default="onnx", validation_alias=AliasChoices("SCRUTINY_EMBEDDER", "embedder"))
    # Retrieval (README "Retrieval models"): a stronger local embedding model, an embeddings endpoint, a
    # cross-encoder re-ranker, and whether a configured LLM may rewrite a question into search queries.
    embedder_model_dir: Path | None = Field(default=None, validation_alias=AliasChoices(
        "SCRUTINY_EMBEDDER_MODEL_DIR", "embedder_model_dir"))
    embeddings_url: str | None = Field(default=None, validation_alias=AliasChoices(
        "SCRUTINY_EMBEDDINGS_URL", "embeddings_url"))
    embeddings_model: str | None = Field(default=None, validation_alias=AliasChoices(
        "SCRUTINY_EMBEDDINGS_MODEL", "embeddings_model"))
    embeddings_api_key: SecretStr | None = Field(default=None, validation_alias=AliasChoices(
        "SCRUTINY_EMBEDDINGS_API_KEY", "embeddings_api_key"))
    embeddings_dimensions: int | None = Field(default=None, gt=0, le=65536, validation_alias=AliasChoices(
        "SCRUTINY_EMBEDDINGS_DIMENSIONS", "embeddings_dimensions"))
    reranker_dir: Path | None = Field(default=None, validation_alias=AliasChoices(
        "SCRUTINY_RERANKER_DIR", "reranker_dir"))
    rerank_candidates: int = Field(default=20, ge=2, le=200, validation_alias=AliasChoices(
        "SCRUTINY_RERANK_CANDIDATES", "rerank_candidates"))
    multi_query: bool = Field(default=True, validation_alias=AliasChoices("SCRUTINY_MULTI_QUERY", "multi_query"))

    @field_validator("llm")
    @classmethod
    def _llm_has_provider(cls, value: str | None) -> str | None:
        if value is not None and value.strip() == "":
            return None
        if value is not None and ":" not in value:
            raise ValueError("expected provider:model, e.g. openai:gpt-4o-mini")
        return value

    @field_validator("area", "chroma_host", "database_url", "slack_api_url", "embeddings_model")
    @classmethod
    def _blank_is_unset(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    @field_validator("embedder_model_dir", "reranker_dir", mode="before")
    @classmethod
    def _blank_path_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("embedder_model_dir")
    @classmethod
    def _is_model_folder(cls, value: Path | None) -> Path | None:
        if value is None:
            return None
        value = value.expanduser()
        if not value.is_dir():
            raise ValueError(f"{value} is not a folder (a sentence-transformers model folder)")
        if not (value / "modules.json").is_file():
            raise ValueError(f"{value} is not a sentence-transformers model folder (it has no modules.json)")
        return value

    @field_validator("reranker_dir")
    @classmethod
    def _is_cross_encoder_folder(cls, value: Path | None) -> Path | None:
        if value is None:
            return None
        value = value.expanduser()
        if not (value / "config.json").is_file():
            raise ValueError(f"{value} is not a model folder (a cross-encoder folder has a config.json)")
        return value

    @field_validator("embeddings_url")
    @classmethod
    def _is_http_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        from urllib.parse import urlsplit

        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("expected an http(s) URL of an OpenAI-compatible API, e.g. http://localhost:11434/v1")
        return value.strip()

    @property
    def restricted_channel_ids(self) -> frozenset[str]:
        """Channel IDs where restricted documents may be used."""
        return frozenset(c.strip() for c in self.restricted_channels.split(",") if c.strip())

    def knowledge_base(self, embedder: Embedder | None = None) -> KnowledgeBase:
        """The knowledge base these settings describe (store, Chroma server, file limit, embedder runtime and
        model, re-ranker). A given `embedder` wins; then an embeddings endpoint; then SCRUTINY_EMBEDDER_MODEL_DIR;
        then the model `scrutiny tune` recorded for the home; then the packaged model."""
        from knowledge.base import KnowledgeBase

        return KnowledgeBase(self.home, chroma_host=self.chroma_host, chroma_port=self.chroma_port,
                             embedder=embedder or self.endpoint_embedder(), max_file_mb=self.max_file_mb,
                             embedder_kind=self.embedder, model_dir=self.embedder_model_dir,
                             reranker=self.reranker(), rerank_candidates=self.rerank_candidates)

    def endpoint_embedder(self) -> Embedder | None:
        """The embedder for SCRUTINY_EMBEDDINGS_URL, or None when no endpoint is configured (nothing is sent yet)."""
        if not self.embeddings_url or not self.embeddings_model:
            return None
        from knowledge.remote_embedder import endpoint_embedder

        key = self.embeddings_api_key.get_secret_value() if self.embeddings_api_key else None
        return endpoint_embedder(self.embeddings_url, self.embeddings_model, api_key=key,
                                 dimensions=self.embeddings_dimensions)

    def reranker(self) -> Reranker | None:
        """The cross-encoder for SCRUTINY_RERANKER_DIR (loaded on first use), or None."""
        if self.reranker_dir is None:
            return None
        from knowledge.rerank import CrossEncoderReranker

        return CrossEncoderReranker(self.reranker_dir)

    @property
    def database(self) -> str:
        """SQLAlchemy URL of the audit/state database (SQLite in the home directory by default)."""
        return self.database_url or f"sqlite:///{self.home / 'scrutiny.db'}"


_ENV_NAMES = {
    "home": "SCRUTINY_HOME", "area": "SCRUTINY_AREA", "llm": "SCRUTINY_LLM", "chroma_host": "CHROMA_HOST",
    "chroma_port": "CHROMA_PORT", "database_url": "DATABASE_URL", "slack_bot_token": "SLACK_BOT_TOKEN",
    "slack_signing_secret": "SLACK_SIGNING_SECRET", "slack_app_token": "SLACK_APP_TOKEN",
    "slack_api_url": "SLACK_API_URL", "restricted_channels": "SCRUTINY_RESTRICTED_CHANNELS",
    "max_file_mb": "SCRUTINY_MAX_FILE_MB", "embedder": "SCRUTINY_EMBEDDER",
    "embedder_model_dir": "SCRUTINY_EMBEDDER_MODEL_DIR", "embeddings_url": "SCRUTINY_EMBEDDINGS_URL",
    "embeddings_model": "SCRUTINY_EMBEDDINGS_MODEL", "embeddings_api_key": "SCRUTINY_EMBEDDINGS_API_KEY",
    "embeddings_dimensions": "SCRUTINY_EMBEDDINGS_DIMENSIONS", "reranker_dir": "SCRUTINY_RERANKER_DIR",
    "rerank_candidates": "SCRUTINY_RERANK_CANDIDATES", "multi_query": "SCRUTINY_MULTI_QUERY",
}


def load_settings(**overrides: object) -> Settings:
    """Read settings; a malformed one raises SettingsError naming the environment variable.

    The data directory is created (owner-only) if missing, so a SCRUTINY_HOME that is a file or cannot be created
    fails here, at start, rather than as a traceback inside the first command that writes to it.
    """
    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "?"
            problems.append(f"{_ENV_NAMES.get(field, field)}: {err['msg']}")
        raise SettingsError("invalid setting " + "; ".join(problems)) from None
    problem = home_problem(settings.home)
    if problem:
        raise SettingsError(f"invalid setting SCRUTINY_HOME: {problem}")
    problem = retrieval_problem(settings)
    if problem:
        raise SettingsError(problem)
    if settings.database_url:
        from bot.database import url_problem

        problem = url_problem(settings.database_url)
        if problem:
            raise SettingsError(f"invalid setting DATABASE_URL: {problem}")
    return settings


def retrieval_problem(settings: Settings) -> str | None:
    """What is inconsistent between the retrieval settings (one line naming them), or None."""
    if settings.embeddings_url and not settings.embeddings_model:
        return "invalid setting SCRUTINY_EMBEDDINGS_MODEL: SCRUTINY_EMBEDDINGS_URL is set, so name the endpoint's " \
               "embedding model too (e.g. nomic-embed-text or text-embedding-3-small)"
    if settings.embeddings_model and not settings.embeddings_url:
        return "invalid setting SCRUTINY_EMBEDDINGS_URL: SCRUTINY_EMBEDDINGS_MODEL is set, so give the endpoint's " \
               "base URL too (e.g. http://localhost:11434/v1)"
    if settings.embeddings_url and settings.embedder_model_dir:
        return "invalid setting SCRUTINY_EMBEDDER_MODEL_DIR: SCRUTINY_EMBEDDINGS_URL is set as well; embed with " \
               "one model, so unset one of them"
    return None


def home_problem(home: Path) -> str | None:
    """Why `home` cannot be the data directory (creating it, owner-only, when missing), or None."""
    home = Path(home)
    if home.exists():
        if not home.is_dir():
            return f"{home} is a file, not a folder: point SCRUTINY_HOME at a folder (it is created if missing)"
        if not os.access(home, os.R_OK | os.W_OK | os.X_OK):
            return f"{home} is not readable and writable by this user: fix its permissions or point SCRUTINY_HOME " \
                   "at another folder"
        return None
    blocker = next((p for p in home.parents if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        return f"{home} cannot be created because {blocker} is a file: point SCRUTINY_HOME at a folder"
    try:
        home.mkdir(mode=0o700, parents=True)
    except FileExistsError:
        return None  # another process created it meanwhile
    except OSError as exc:
        return f"{home} cannot be created ({exc.strerror or type(exc).__name__}): point SCRUTINY_HOME at a folder " \
               "this user may create"
    return None
