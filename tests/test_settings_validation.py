"""A malformed setting fails at start with a message naming it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot.settings import SettingsError, load_settings


def test_defaults_need_no_tokens_or_keys(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("SCRUTINY_LLM", "CHROMA_HOST", "SLACK_BOT_TOKEN", "SCRUTINY_AREA"):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings()
    assert settings.llm is None and settings.chroma_host is None and settings.slack_bot_token is None


@pytest.mark.parametrize(("name", "value"), [("CHROMA_PORT", "eighty"), ("SCRUTINY_LLM", "gpt4"),
                                             ("SCRUTINY_MAX_FILE_MB", "-3")])
def test_malformed_setting_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path, name: str, value: str) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=name):
        load_settings()


def test_cli_fails_at_start_naming_the_setting(tmp_path) -> None:
    env = {**os.environ, "CHROMA_PORT": "not-a-port", "SCRUTINY_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "bot.cli", "docs"], capture_output=True, text=True, env=env,
                         cwd=tmp_path)
    assert out.returncode == 2
    assert "CHROMA_PORT" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_restricted_channels_are_parsed(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SCRUTINY_RESTRICTED_CHANNELS", " C1, C2 ,,")
    assert load_settings().restricted_channel_ids == {"C1", "C2"}
