"""Who may use the bot where, who may see restricted documents, how often a user may ask, and the Slack options.

`AccessPolicy` is the one access decision for every path that shows document text (answers, "Show sources",
questions, briefs, App Home, streaming, sharing, escalation): computed at the moment of showing from the current
settings, the channel and the user, never carried over from an earlier decision.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Literal

from pydantic import AliasChoices, Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.models import CallerContext, Citation
from bot.settings import Settings, SettingsError

log = logging.getLogger(__name__)

_ENV_NAMES = {"allowed_channels": "SCRUTINY_ALLOWED_CHANNELS", "allowed_users": "SCRUTINY_ALLOWED_USERS",
              "restricted_users": "SCRUTINY_RESTRICTED_USERS", "rate_limit": "SCRUTINY_RATE_LIMIT",
              "rate_window_seconds": "SCRUTINY_RATE_WINDOW", "private_channels": "SCRUTINY_PRIVATE_CHANNELS",
              "private_commands": "SCRUTINY_PRIVATE_COMMANDS", "admin_users": "SCRUTINY_ADMIN_USERS",
              "escalation": "SCRUTINY_ESCALATION", "streaming": "SCRUTINY_SLACK_STREAMING",
              "tables": "SCRUTINY_SLACK_TABLES", "answer_threads": "SCRUTINY_ANSWER_THREADS",
              "queue_limit": "SCRUTINY_QUEUE_LIMIT"}

Audience = Literal["user", "channel"]


def _ids(text: str) -> frozenset[str]:
    return frozenset(part.strip() for part in text.split(",") if part.strip())


def _env(name: str, *more: str) -> AliasChoices:
    return AliasChoices(_ENV_NAMES[name], name, *more)


class SlackAccess(BaseSettings):
    """Slack-only settings (environment or `.env`); empty allow-lists mean everyone."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore",
                                      populate_by_name=True)

    allowed_channels: str = Field(default="", validation_alias=_env("allowed_channels"))
    allowed_users: str = Field(default="", validation_alias=_env("allowed_users"))
    restricted_users: str = Field(default="", validation_alias=_env("restricted_users"))
    rate_limit: int = Field(default=20, ge=0, validation_alias=_env("rate_limit"))
    rate_window_seconds: float = Field(default=600.0, gt=0, validation_alias=_env("rate_window_seconds"))
    # Private first: answers in these channels (and, if set, every /scrutiny answer in a channel) go only to the
    # asker, with a "Share with the channel" button. An answer that used restricted documents always does.
    private_channels: str = Field(default="", validation_alias=_env("private_channels"))
    private_commands: bool = Field(default=False, validation_alias=_env("private_commands"))
    admin_users: str = Field(default="", validation_alias=_env("admin_users"))  # may run /scrutiny status
    escalation: str = Field(default="", pattern=r"^([CGUW][A-Z0-9]+)?$", validation_alias=_env("escalation"))
    streaming: Literal["auto", "off"] = Field(default="auto", validation_alias=_env("streaming"))
    tables: bool = Field(default=True, validation_alias=_env("tables"))
    answer_threads: int = Field(default=2, ge=1, le=16, validation_alias=_env("answer_threads"))
    queue_limit: int = Field(default=1000, ge=1, validation_alias=_env("queue_limit"))

    def channel_allowed(self, channel: str | None) -> bool:
        """True when no channel allow-list is set or `channel` is on it (DMs are channels starting with D)."""
        ids = _ids(self.allowed_channels)
        return not ids or (channel is not None and channel in ids)

    def user_allowed(self, user: str | None) -> bool:
        """True when no user allow-list is set or `user` is on it."""
        ids = _ids(self.allowed_users)
        return not ids or (user is not None and user in ids)

    def restricted_user(self, user: str | None) -> bool:
        """True when no restricted-users list is set or `user` is on it."""
        listed = _ids(self.restricted_users)
        return not listed or (user is not None and user in listed)

    @property
    def restricted_users_listed(self) -> frozenset[str]:
        """The restricted-users list (empty: every member of a restricted channel)."""
        return _ids(self.restricted_users)

    def private_first(self, channel: str | None, slash: bool) -> bool:
        """Whether an answer in `channel` goes to the asker only (with a share button) whatever it used."""
        if channel is None or channel.startswith("D"):
            return False
        return channel in _ids(self.private_channels) or (slash and self.private_commands)

    def is_admin(self, user: str | None) -> bool:
        """May `user` see the self-check (/scrutiny status)?"""
        return user is not None and user in _ids(self.admin_users)

    def caller(self, settings: Settings, channel: str | None, user: str | None) -> CallerContext:
        """The caller context: restricted documents only in a restricted channel and, if listed, for listed users."""
        in_restricted_channel = channel is not None and channel in settings.restricted_channel_ids
        return CallerContext(channel=channel, user=user,
                             allow_restricted=in_restricted_channel and self.restricted_user(user))


def load_access(**overrides: object) -> SlackAccess:
    """Read the Slack settings; a malformed one raises SettingsError naming the variable."""
    try:
        return SlackAccess(**overrides)
    except ValidationError as exc:
        problems = [f"{_ENV_NAMES.get(str(e['loc'][0]), e['loc'][0])}: {e['msg']}" for e in exc.errors()]
        raise SettingsError("invalid setting " + "; ".join(problems)) from None


Members = Callable[[str], Iterable[str] | None]  # channel -> its member IDs (None: cannot tell)
# () -> (paths of documents classified restricted, paths of public documents), as held now
Classes = Callable[[], tuple[frozenset[str], frozenset[str]]]


class AccessPolicy:
    """The one access decision, re-made every time document text is about to be shown.

    Two audiences: `user` (an ephemeral message or an answer only the asker sees) and `channel` (a message every
    member of the channel sees). Restricted documents may reach a user only in a restricted channel and, if
    SCRUTINY_RESTRICTED_USERS is set, only a listed user; they may reach a channel only if it is restricted and,
    with that list set, every member of it is listed (asked of Slack at the moment of showing).
    """

    def __init__(self, settings: Settings, access: SlackAccess, members: Members | None = None,
                 classes: Classes | None = None) -> None:
        self._lock = threading.Lock()
        self._settings = settings
        self._access = access
        self.members = members
        self.classes = classes or (lambda: (frozenset(), frozenset()))

    # -- the current settings (a reload swaps them for every later decision) -------------------------------
    @property
    def settings(self) -> Settings:
        """The settings in force now."""
        with self._lock:
            return self._settings

    @property
    def access(self) -> SlackAccess:
        """The Slack settings in force now."""
        with self._lock:
            return self._access

    def update(self, settings: Settings | None = None, access: SlackAccess | None = None) -> None:
        """Put new settings in force (SIGHUP in `serve`, or a test); decisions made after this use them."""
        with self._lock:
            self._settings = settings or self._settings
            self._access = access or self._access

    # -- decisions -----------------------------------------------------------------------------------------
    def caller(self, channel: str | None, user: str | None, audience: Audience = "user") -> CallerContext:
        """Who is asking or looking, and whether restricted documents may be shown to `audience` there."""
        settings, access = self.settings, self.access
        caller = access.caller(settings, channel, user)
        if caller.allow_restricted and audience == "channel" and not self._all_members_listed(channel, access):
            caller = caller.model_copy(update={"allow_restricted": False})
        return caller

    def _all_members_listed(self, channel: str | None, access: SlackAccess) -> bool:
        listed = access.restricted_users_listed
        if not listed:
            return True
        if channel is None or self.members is None:
            return False
        try:
            members = self.members(channel)
        except Exception:  # noqa: BLE001 - any failure to ask Slack means "cannot tell", i.e. no
            log.warning("could not list the members of %s", channel)
            return False
        return members is not None and all(m in listed for m in members)

    def restricted_citations(self, citations: Iterable[Citation], asked_with_restricted: bool) -> list[Citation]:
        """The citations that come from a restricted document (by the classification held now).

        A citation whose document is no longer held counts as restricted when its answer was made with restricted
        access (it may have been), so a removed or renamed document never widens what is shown."""
        restricted, public = self.classes()
        return [c for c in citations if c.path in restricted
                or (asked_with_restricted and c.path not in public and not _is_dataset(c))]

    def may_show(self, citations: Iterable[Citation], asked_with_restricted: bool, channel: str | None,
                 user: str | None, audience: Audience) -> bool:
        """True when every citation may be shown to `audience` in `channel` now."""
        if not self.restricted_citations(citations, asked_with_restricted):
            return True
        return self.caller(channel, user, audience).allow_restricted


def _is_dataset(citation: Citation) -> bool:
    # Indicator citations name a dataset or service, never a document path.
    return citation.source.startswith(("indicator data:", "indicator dataset:")) or " dataset: " in citation.source
