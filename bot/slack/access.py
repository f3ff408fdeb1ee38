"""Who may use the bot where, who may see restricted documents, and how often a user may ask."""

from __future__ import annotations

from pydantic import AliasChoices, Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.models import CallerContext
from bot.settings import Settings, SettingsError

_ENV_NAMES = {"allowed_channels": "SCRUTINY_ALLOWED_CHANNELS", "allowed_users": "SCRUTINY_ALLOWED_USERS",
              "restricted_users": "SCRUTINY_RESTRICTED_USERS", "rate_limit": "SCRUTINY_RATE_LIMIT",
              "rate_window_seconds": "SCRUTINY_RATE_WINDOW"}


def _ids(text: str) -> frozenset[str]:
    return frozenset(part.strip() for part in text.split(",") if part.strip())


class SlackAccess(BaseSettings):
    """Slack-only access settings (environment or `.env`); empty allow-lists mean everyone."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore",
                                      populate_by_name=True)

    allowed_channels: str = Field(default="", validation_alias=AliasChoices("SCRUTINY_ALLOWED_CHANNELS",
                                                                           "allowed_channels"))
    allowed_users: str = Field(default="", validation_alias=AliasChoices("SCRUTINY_ALLOWED_USERS", "allowed_users"))
    restricted_users: str = Field(default="", validation_alias=AliasChoices("SCRUTINY_RESTRICTED_USERS",
                                                                           "restricted_users"))
    rate_limit: int = Field(default=20, ge=0, validation_alias=AliasChoices("SCRUTINY_RATE_LIMIT", "rate_limit"))
    rate_window_seconds: float = Field(default=600.0, gt=0, validation_alias=AliasChoices(
        "SCRUTINY_RATE_WINDOW", "rate_window_seconds"))

    def channel_allowed(self, channel: str | None) -> bool:
        """True when no channel allow-list is set or `channel` is on it (DMs are channels starting with D)."""
        ids = _ids(self.allowed_channels)
        return not ids or (channel is not None and channel in ids)

    def user_allowed(self, user: str | None) -> bool:
        """True when no user allow-list is set or `user` is on it."""
        ids = _ids(self.allowed_users)
        return not ids or (user is not None and user in ids)

    def caller(self, settings: Settings, channel: str | None, user: str | None) -> CallerContext:
        """The caller context: restricted documents only in a restricted channel and, if listed, for listed users."""
        in_restricted_channel = channel is not None and channel in settings.restricted_channel_ids
        listed = _ids(self.restricted_users)
        user_ok = not listed or (user is not None and user in listed)
        return CallerContext(channel=channel, user=user, allow_restricted=in_restricted_channel and user_ok)


def load_access(**overrides: object) -> SlackAccess:
    """Read the Slack access settings; a malformed one raises SettingsError naming the variable."""
    try:
        return SlackAccess(**overrides)
    except ValidationError as exc:
        problems = [f"{_ENV_NAMES.get(str(e['loc'][0]), e['loc'][0])}: {e['msg']}" for e in exc.errors()]
        raise SettingsError("invalid setting " + "; ".join(problems)) from None
