"""The self-check run by `scrutiny serve --check`, at every start and by `/scrutiny status`: the token works
(auth.test), it has the scopes the manifest asks for, the restricted channels exist, the data home holds something.
Every problem is one line naming the setting or what to do."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

log = logging.getLogger(__name__)

MANIFEST = Path(__file__).with_name("manifest.yaml")


def manifest_scopes() -> list[str]:
    """The bot scopes the manifest asks for."""
    data = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return sorted(data["oauth_config"]["scopes"]["bot"])


@dataclass
class Report:
    """What the self-check found."""

    problems: list[str] = field(default_factory=list)
    passed: list[str] = field(default_factory=list)
    reachable: bool = True  # auth.test answered (the app cannot work at all otherwise)

    @property
    def ok(self) -> bool:
        """No problem found."""
        return not self.problems


def connection_problem(api_url: str, exc: BaseException) -> str:
    """One line for a Web API that cannot be reached (nothing listening, a bad host, a timeout)."""
    reason = getattr(exc, "reason", None) or exc
    return f"SLACK_API_URL {api_url}: cannot reach the Slack Web API ({type(exc).__name__}: {reason})"


class SelfCheck:
    """Runs the checks against Slack and the data home; `run()` never raises."""

    def __init__(self, client: WebClient, restricted_channels: Callable[[], frozenset[str]],
                 holdings: Callable[[], Any] | None, home: Path | None = None) -> None:
        self.client = client
        self.restricted_channels = restricted_channels
        self.holdings = holdings
        self.home = home

    def run(self) -> Report:
        report = Report()
        self._auth(report)
        if report.reachable:
            self._channels(report)
        self._data(report)
        return report

    def _auth(self, report: Report) -> None:
        api = self.client.base_url
        try:
            response = self.client.auth_test()
        except SlackApiError as exc:
            report.reachable = False
            report.problems.append(f"SLACK_BOT_TOKEN: Slack refused the token ({exc.response.get('error')}); copy "
                                   "the Bot User OAuth Token again from the app's OAuth & Permissions page")
            return
        except (OSError, ValueError) as exc:  # URLError is an OSError; a malformed URL is a ValueError
            report.reachable = False
            report.problems.append(connection_problem(api, exc))
            return
        report.passed.append(f"auth.test: connected to {response.get('team') or 'the workspace'} as "
                             f"{response.get('user') or 'the bot'}")
        granted_header = (response.headers or {}).get("x-oauth-scopes") or (response.headers or {}).get(
            "X-OAuth-Scopes")
        if granted_header is None:
            report.passed.append("scopes: not reported by this Web API (checked by Slack on each call)")
            return
        granted = {s.strip() for s in str(granted_header).split(",") if s.strip()}
        missing = [s for s in manifest_scopes() if s not in granted]
        if missing:
            report.problems.append(f"missing scope(s) {', '.join(missing)}: reinstall the app from "
                                   "bot/slack/manifest.yaml (OAuth & Permissions -> Reinstall)")
        else:
            report.passed.append("scopes: every scope the manifest asks for is granted")

    def _channels(self, report: Report) -> None:
        channels = sorted(self.restricted_channels())
        bad = []
        for channel in channels:
            try:
                self.client.conversations_info(channel=channel)
            except SlackApiError as exc:
                bad.append(f"{channel} ({exc.response.get('error')})")
            except (OSError, ValueError) as exc:
                bad.append(f"{channel} ({type(exc).__name__})")
        if bad:
            report.problems.append(f"SCRUTINY_RESTRICTED_CHANNELS: {', '.join(bad)} not found; use channel IDs "
                                   "(C…/G…) and invite the bot to each")
        elif channels:
            report.passed.append(f"restricted channels: {len(channels)} found")

    def _data(self, report: Report) -> None:
        if self.holdings is None:
            return
        try:
            held = self.holdings()
        except Exception as exc:  # noqa: BLE001 - any failure to open the stores is reported, in one line
            report.problems.append(f"SCRUTINY_HOME {self.home}: could not open the data ({type(exc).__name__}: "
                                   f"{str(exc).splitlines()[0] if str(exc) else ''})")
            return
        documents, datasets = len(held.documents), len(held.datasets)
        if not documents and not datasets:
            report.problems.append(f"SCRUTINY_HOME {self.home}: no documents or indicators; run scrutiny ingest, "
                                   "scrutiny indicators import or scrutiny demo")
        else:
            report.passed.append(f"data: {documents} document(s), {datasets} indicator dataset(s)")
