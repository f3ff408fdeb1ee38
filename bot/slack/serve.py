"""Run the Slack app: Socket Mode (set-up without a public URL) or HTTP behind a load balancer (production)."""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from bot.settings import Settings, SettingsError
from prompts.errors import ScrutinyError

if TYPE_CHECKING:
    from slack_bolt import App

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
HTTP_THREADS = 16
# Slack's own payloads stay well under this (a message is at most 40,000 characters of text plus 50 blocks; a view
# submission carries at most 100 blocks of state): 1 MiB leaves a wide margin and refuses a 50 MB body unread.
MAX_BODY_BYTES = 1024 * 1024
MAX_LOG_CHARS = 2000  # a logged message (payloads included) is cut to this


class ServeError(ScrutinyError):
    """The server cannot start (port in use or out of range, Slack unreachable); one line naming what to fix."""


class BoundedLog(logging.Filter):
    """Cuts every log message to MAX_LOG_CHARS, and never lets an unsigned request's body reach the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Invalid request signature detected"):
            message = message.split(", body:", 1)[0] + ", body not logged)"
        if len(message) > MAX_LOG_CHARS:
            message = message[:MAX_LOG_CHARS] + f"\u2026 [{len(message) - MAX_LOG_CHARS} more characters]"
        record.msg, record.args = message, None
        return True


def bound_logs() -> None:
    """Put BoundedLog on bolt's loggers and on the root handlers (idempotent)."""
    for name in ("slack_bolt", "slack_bolt.App", "slack_bolt.RequestVerification", "slack_sdk"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, BoundedLog) for f in logger.filters):
            logger.addFilter(BoundedLog())
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, BoundedLog) for f in handler.filters):
            handler.addFilter(BoundedLog())


def check_port(port: int) -> None:
    """A TCP port number, or ServeError naming it."""
    if not 0 <= port <= 65535:
        raise ServeError(f"--port {port}: a port must be between 0 and 65535")


def check_port_free(host: str, port: int) -> None:
    """ServeError when `port` is out of range or cannot be bound on `host` now."""
    import socket

    check_port(port)
    if port == 0:
        return
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ServeError(f"port {port} on {host} is already in use: stop the other server or choose "
                                 "another --port") from None
            raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def check_api_url(url: str | None) -> None:
    """SLACK_API_URL, when set, must be an http(s) URL with a host."""
    if url is None:
        return
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise SettingsError(f"SLACK_API_URL {url!r}: expected an http(s) URL such as https://slack.com/api/")


def self_check(settings: Settings, with_data: bool = True) -> Any:
    """The self-check with a plain Web API client (no app built, so an unreachable Slack is one line too)."""
    from slack_sdk import WebClient

    from bot.models import CallerContext
    from bot.slack.app import WEB_API_TIMEOUT, api_base_url
    from bot.slack.checks import SelfCheck

    client = WebClient(token=settings.slack_bot_token, base_url=api_base_url(settings.slack_api_url),
                       timeout=WEB_API_TIMEOUT)
    holdings = None
    if with_data:
        def holdings() -> Any:
            from bot.assistant import Assistant

            return Assistant(settings).holdings(CallerContext(allow_restricted=True))
    # slack-sdk logs each failed attempt itself; the check reports the failure once, in its own line.
    sdk_log = logging.getLogger("slack_sdk.web.base_client")
    level = sdk_log.level
    sdk_log.setLevel(logging.CRITICAL)
    try:
        return SelfCheck(client, lambda: settings.restricted_channel_ids, holdings, home=settings.home).run()
    finally:
        sdk_log.setLevel(level)


def run_check(settings: Settings, http: bool) -> tuple[list[str], list[str]]:
    """`scrutiny serve --check`: the settings, then the self-check; (problems, passed), each one line."""
    check_slack_settings(settings, http)
    report = self_check(settings)
    return report.problems, report.passed


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
    check_api_url(settings.slack_api_url)
    load_access()


def wsgi_app(app: App, max_body: int = MAX_BODY_BYTES) -> Callable[[dict[str, Any], Callable[..., Any]],
                                                                     Iterable[bytes]]:
    """A WSGI application: Slack requests on /slack/events (signature-verified by bolt; over `max_body` bytes
    refused unread), health on /healthz."""
    bound_logs()
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    handler = SlackRequestHandler(app, path=EVENTS_PATH)

    def reply(start_response: Callable[..., Any], status: str, body: bytes) -> list[bytes]:
        start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
        return [body]

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") == "GET":
            return reply(start_response, "200 OK", b"ok")
        if environ.get("REQUEST_METHOD") == "POST":
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = -1
            if length < 0 or length > max_body:
                return reply(start_response, "413 Request Entity Too Large", b"request too large")
            # A non-numeric timestamp is a bad signature, not a server error.
            timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP")
            if timestamp is not None and not timestamp.strip().isdigit():
                return reply(start_response, "401 Unauthorized", b"invalid request")
        return handler(environ, start_response)

    return application


def create_http_server(app: App, host: str, port: int, threads: int = HTTP_THREADS) -> Any:
    """A waitress server for the app (not yet running): `.run()` serves, `.close()` stops, `.effective_port`.
    A port out of range or already in use is a ServeError, in one line."""
    from waitress import create_server

    check_port(port)
    try:
        # waitress also stops reading a chunked body at the limit (a chunked request has no Content-Length).
        return create_server(wsgi_app(app), host=host, port=port, threads=threads, ident="scrutiny",
                             max_request_body_size=MAX_BODY_BYTES)
    except OverflowError:
        raise ServeError(f"--port {port}: a port must be between 0 and 65535") from None
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(f"port {port} on {host} is already in use: stop the other server or choose another "
                             "--port") from None
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def start_up_check(settings: Settings) -> None:
    """The self-check at every start, before the app is built: Slack unreachable or the token refused stops the
    start (one line); any other problem is logged, one line each, and the app serves anyway."""
    report = self_check(settings)
    if not report.reachable:
        raise ServeError(report.problems[0])
    for line in report.problems:
        log.warning("self-check: %s", line)
    for line in report.passed:
        log.info("self-check: %s", line)


def watch_for_reload(app: App) -> None:
    """On SIGHUP, read the settings again: every later access decision uses them."""
    import signal

    from bot.settings import load_settings
    from bot.slack.access import load_access
    from bot.slack.app import parts_of

    def reload(_signum: int, _frame: object) -> None:
        try:
            parts_of(app).policy.update(load_settings(), load_access())
            log.info("settings reloaded")
        except SettingsError as exc:
            log.error("settings not reloaded: %s", exc)

    try:
        signal.signal(signal.SIGHUP, reload)
    except (ValueError, AttributeError):  # not the main thread, or no SIGHUP on this platform
        pass


def serve(settings: Settings, http: bool, port: int = 3000, host: str = "0.0.0.0") -> None:
    """Check settings, build the assistant and app, then serve until stopped (Ctrl-C)."""
    check_slack_settings(settings, http)
    if http:
        check_port_free(host, port)  # before the slow start, so a port in use is said at once
    from bot.assistant import Assistant
    from bot.slack.app import build_app, parts_of
    from bot.slack.workers import favour_replies, warm

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    bound_logs()
    start_up_check(settings)
    app = build_app(settings, Assistant(settings))
    parts = parts_of(app)
    warm([*parts.pool.assistants, parts.pool.meta])
    favour_replies()
    watch_for_reload(app)
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
