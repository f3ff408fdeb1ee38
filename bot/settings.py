"""Settings from the environment or `.env`, validated at start with messages that name the setting."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import AliasChoices, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from prompts.errors import ScrutinyError

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase
    from knowledge.embedding import Embedder

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

    @field_validator("llm")
    @classmethod
    def _llm_has_provider(cls, value: str | None) -> str | None:
        if value is not None and value.strip() == "":
            return None
        if value is not None and ":" not in value:
            raise ValueError("expected provider:model, e.g. openai:gpt-4o-mini")
        return value

    @field_validator("area", "chroma_host", "database_url", "slack_api_url")
    @classmethod
    def _blank_is_unset(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    @property
    def restricted_channel_ids(self) -> frozenset[str]:
        """Channel IDs where restricted documents may be used."""
        return frozenset(c.strip() for c in self.restricted_channels.split(",") if c.strip())

    def knowledge_base(self, embedder: Embedder | None = None) -> KnowledgeBase:
        """The knowledge base these settings describe (store, Chroma server, file limit, embedder runtime)."""
        from knowledge.base import KnowledgeBase

        return KnowledgeBase(self.home, chroma_host=self.chroma_host, chroma_port=self.chroma_port,
                             embedder=embedder, max_file_mb=self.max_file_mb, embedder_kind=self.embedder)

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
    if settings.database_url:
        from bot.database import url_problem

        problem = url_problem(settings.database_url)
        if problem:
            raise SettingsError(f"invalid setting DATABASE_URL: {problem}")
    return settings


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
