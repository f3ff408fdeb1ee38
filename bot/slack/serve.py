"""Run the Slack app: Socket Mode (set-up without a public URL) or HTTP behind a load balancer (production)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from bot.settings import Settings, SettingsError

if TYPE_CHECKING:
    from slack_bolt import App

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
HTTP_THREADS = 16


def check_slack_settings(settings: Settings, http: bool) -> None:
    """Raise SettingsError naming every setting the chosen mode needs but lacks, before anything starts."""
    from bot.slack.access import load_access

    missing = []
    if not settings.slack_bot_token:
        missing.append("SLACK_BOT_TOKEN")
    if http and not settings.slack_signing_secret:
        missing.append("SLACK_SIGNING_SECRET")
    if not http and not settings.slack_app_token:
        missing.append("SLACK_APP_TOKEN")
    mode = "HTTP mode (--http)" if http else "Socket Mode"
    if missing:
        raise SettingsError(f"missing setting(s) for {mode}: {', '.join(missing)}")
    if not settings.slack_bot_token.startswith("xoxb-"):
        raise SettingsError("SLACK_BOT_TOKEN: expected a bot token starting with xoxb-")
    if not http and not (settings.slack_app_token or "").startswith("xapp-"):
        raise SettingsError("SLACK_APP_TOKEN: expected an app-level token starting with xapp- (connections:write)")
    load_access()


def wsgi_app(app: App) -> Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
    """A WSGI application: Slack requests on /slack/events (signature-verified by bolt), health on /healthz."""
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    handler = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") == "GET":
            start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"ok"]
        return handler(environ, start_response)

    return application


def create_http_server(app: App, host: str, port: int, threads: int = HTTP_THREADS) -> Any:
    """A waitress server for the app (not yet running): `.run()` serves, `.close()` stops, `.effective_port`."""
    from waitress import create_server

    return create_server(wsgi_app(app), host=host, port=port, threads=threads, ident="scrutiny")


def serve(settings: Settings, http: bool, port: int = 3000, host: str = "0.0.0.0") -> None:
    """Check settings, build the assistant and app, then serve until stopped (Ctrl-C)."""
    check_slack_settings(settings, http)
    from bot.assistant import Assistant
    from bot.slack.app import build_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = build_app(settings, Assistant(settings))
    if http:
        server = create_http_server(app, host, port)
        log.info("scrutiny assistant listening on http://%s:%s%s", host, server.effective_port, EVENTS_PATH)
        try:
            server.run()
        finally:
            server.close()
        return
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    log.info("scrutiny assistant connecting in Socket Mode")
    SocketModeHandler(app, settings.slack_app_token).start()
