"""`serve` fails at start, naming the missing settings; access settings are validated; who sees restricted docs."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings
from bot.slack.access import load_access
from bot.slack.serve import check_slack_settings, serve

REPO = Path(__file__).resolve().parents[1]
SLACK_ENV = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SCRUTINY_RESTRICTED_CHANNELS",
             "SCRUTINY_ALLOWED_CHANNELS", "SCRUTINY_ALLOWED_USERS", "SCRUTINY_RESTRICTED_USERS",
             "SCRUTINY_RATE_LIMIT", "SCRUTINY_RATE_WINDOW")


@pytest.fixture(autouse=True)
def _no_slack_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Tokens in the runner's environment or a .env in the working directory must not satisfy the checks.
    for name in SLACK_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def _settings(tmp_path: Path, **slack: str):
    return load_settings(home=tmp_path, **slack)


@pytest.mark.parametrize(("http", "given", "named", "not_named"), [
    (True, {}, ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"], ["SLACK_APP_TOKEN"]),
    (True, {"slack_bot_token": "xoxb-1"}, ["SLACK_SIGNING_SECRET"], ["SLACK_BOT_TOKEN"]),
    (False, {}, ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"], ["SLACK_SIGNING_SECRET"]),
    (False, {"slack_bot_token": "xoxb-1", "slack_signing_secret": "s"}, ["SLACK_APP_TOKEN"], ["SLACK_BOT_TOKEN"]),
])
def test_missing_tokens_are_named(tmp_path: Path, http: bool, given: dict[str, str], named: list[str],
                                  not_named: list[str]) -> None:
    with pytest.raises(SettingsError) as err:
        check_slack_settings(_settings(tmp_path, **given), http=http)
    message = str(err.value)
    assert all(n in message for n in named) and not any(n in message for n in not_named)
    assert "\n" not in message


def test_wrong_kind_of_token_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="SLACK_APP_TOKEN"):
        check_slack_settings(_settings(tmp_path, slack_bot_token="xoxb-1", slack_app_token="xoxb-2"), http=False)
    with pytest.raises(SettingsError, match="SLACK_BOT_TOKEN"):
        check_slack_settings(_settings(tmp_path, slack_bot_token="xapp-1", slack_signing_secret="s"), http=True)
    check_slack_settings(_settings(tmp_path, slack_bot_token="xoxb-1", slack_signing_secret="s"), http=True)


def test_serve_fails_before_binding_the_port(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(SettingsError, match="SLACK_SIGNING_SECRET"):
        serve(_settings(tmp_path, slack_bot_token="xoxb-1"), http=True, port=port, host="127.0.0.1")
    with socket.socket() as again:  # nothing was left listening
        again.bind(("127.0.0.1", port))


def test_cli_serve_without_tokens_exits_with_the_names(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "SCRUTINY_HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    for args, names in ((["--http", "--port", "0"], ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"]),
                        ([], ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"])):
        done = subprocess.run([sys.executable, "-m", "bot.cli", "serve", *args], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode != 0
        assert all(n in done.stderr for n in names), done.stderr


def test_malformed_access_setting_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRUTINY_RATE_LIMIT", "lots")
    with pytest.raises(SettingsError, match="SCRUTINY_RATE_LIMIT"):
        load_access()


def test_restricted_documents_only_in_restricted_channels_for_listed_users(tmp_path: Path) -> None:
    settings = _settings(tmp_path, restricted_channels="CSECRET, GPRIV")
    open_access = load_access(restricted_users="")
    assert open_access.caller(settings, "CSECRET", "U1").allow_restricted
    assert open_access.caller(settings, "GPRIV", "U1").allow_restricted
    assert not open_access.caller(settings, "CPUBLIC", "U1").allow_restricted
    assert not open_access.caller(settings, "DU1", "U1").allow_restricted
    listed = load_access(restricted_users="U1")
    assert listed.caller(settings, "CSECRET", "U1").allow_restricted
    assert not listed.caller(settings, "CSECRET", "U2").allow_restricted


def test_allow_lists_default_to_everyone(tmp_path: Path) -> None:
    everyone = load_access(allowed_channels="", allowed_users="")
    assert everyone.channel_allowed("C1") and everyone.user_allowed("U1")
    limited = load_access(allowed_channels="C1,C2", allowed_users="U1")
    assert limited.channel_allowed("C2") and not limited.channel_allowed("C3")
    assert limited.user_allowed("U1") and not limited.user_allowed("U2") and not limited.user_allowed(None)


def _serve(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    base = {"PATH": "/usr/bin:/bin", "SCRUTINY_HOME": str(tmp_path / "home"), "PYTHONPATH": str(REPO),
            "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "secret", "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-m", "bot.cli", "serve", *args], env={**base, **env}, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False)


def _one_line_error(done: subprocess.CompletedProcess, *words: str) -> None:
    assert done.returncode != 0
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert all(w in lines[0] for w in words), lines[0]


def test_bad_api_url_port_in_use_and_port_out_of_range_are_one_line(tmp_path: Path) -> None:
    _one_line_error(_serve(tmp_path, "--http", "--port", "0", SLACK_API_URL="garbage"), "SLACK_API_URL")
    with socket.socket() as probe:  # nothing listens here once closed
        probe.bind(("127.0.0.1", 0))
        dead = probe.getsockname()[1]
    _one_line_error(_serve(tmp_path, "--http", "--port", "0", SLACK_API_URL=f"http://127.0.0.1:{dead}/api/"),
                    "SLACK_API_URL", "cannot reach")
    _one_line_error(_serve(tmp_path, "--http", "--port", "99999"), "99999", "65535")
    with socket.socket() as busy:
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        _one_line_error(_serve(tmp_path, "--http", "--port", str(busy.getsockname()[1])), "already in use")


def test_serve_check_names_each_problem_in_one_line(sample_home, tmp_path: Path) -> None:
    from slack_harness import FakeSlack

    with FakeSlack() as slack:
        env = {"SLACK_API_URL": slack.api_url, "SCRUTINY_HOME": str(sample_home.home)}
        done = _serve(tmp_path, "--http", "--check", **env)
        assert done.returncode == 0 and "all checks passed" in done.stdout, done.stdout + done.stderr
        assert "auth.test" in done.stdout and "document(s)" in done.stdout
        slack.scopes = tuple(s for s in slack.scopes if s != "assistant:write")
        slack.errors[("conversations.info", "C0GONE")] = "channel_not_found"
        done = _serve(tmp_path, "--http", "--check", SCRUTINY_RESTRICTED_CHANNELS="C0GONE", **env)
        problems = [line for line in done.stderr.splitlines() if line.startswith("problem:")]
        assert done.returncode == 1 and len(problems) == 2, done.stderr
        assert "assistant:write" in problems[0] and "C0GONE" in problems[1]
        empty = _serve(tmp_path, "--http", "--check", SLACK_API_URL=slack.api_url,
                       SCRUTINY_HOME=str(tmp_path / "empty"))
        assert empty.returncode == 1 and "no documents or indicators" in empty.stderr
