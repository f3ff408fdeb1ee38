"""Correctly signed Slack requests to the app's HTTP endpoint, and the app served on 127.0.0.1 in a thread."""

from __future__ import annotations

import http.client
import json
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlparse

from slack_sdk.signature import SignatureVerifier

EVENTS_PATH = "/slack/events"


@dataclass
class Reply:
    """The app's HTTP reply to one delivery."""

    status: int
    body: str
    seconds: float

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)


class SlackSender:
    """Sends Events API, slash command and interactivity payloads the way Slack does (signed)."""

    def __init__(self, base_url: str, signing_secret: str, timeout: float = 10.0) -> None:
        parsed = urlparse(base_url)
        self.host, self.port = parsed.hostname or "127.0.0.1", parsed.port or 80
        self.verifier = SignatureVerifier(signing_secret)
        self.timeout = timeout
        self._ids = iter(range(1, 10**9))

    def post(self, body: bytes, content_type: str, retry_num: int | None = None,
             signature: str | None = None, timestamp: str | None = None) -> Reply:
        """POST a raw body with Slack's signature headers (or the given bad ones)."""
        ts = timestamp or str(int(time.time()))
        headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": ts,
                   "X-Slack-Signature": signature or self.verifier.generate_signature(timestamp=ts, body=body)}
        if retry_num is not None:
            headers["X-Slack-Retry-Num"] = str(retry_num)
            headers["X-Slack-Retry-Reason"] = "http_timeout"
        start = time.perf_counter()
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            try:
                conn.request("POST", EVENTS_PATH, body=body, headers=headers)
            except (BrokenPipeError, ConnectionResetError):
                # The server answered (413) and closed before the whole body was sent, as it should for a body
                # over its limit: read the answer it sent, as a real client would.
                return self._early_reply(conn, start)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            return Reply(response.status, text, time.perf_counter() - start)
        finally:
            conn.close()

    @staticmethod
    def _early_reply(conn: http.client.HTTPConnection, start: float) -> Reply:
        raw = b""
        sock = conn.sock
        if sock is not None:
            try:
                while chunk := sock.recv(65536):
                    raw += chunk
            except OSError:
                pass
        status_line = raw.split(b"\r\n", 1)[0].decode("latin-1")
        parts = status_line.split()
        if len(parts) < 2 or not parts[1].isdigit():
            raise ConnectionError(f"the server closed the connection without an answer ({status_line!r})")
        return Reply(int(parts[1]), raw.split(b"\r\n\r\n", 1)[-1].decode("utf-8", "replace"),
                     time.perf_counter() - start)

    # -- payload builders ------------------------------------------------------------------------------------
    def event_body(self, event: dict[str, Any], event_id: str | None = None) -> bytes:
        """An Events API envelope around `event`."""
        envelope = {"token": "legacy", "team_id": "T0FAKE", "api_app_id": "A0APP", "type": "event_callback",
                    "event_id": event_id or f"Ev{next(self._ids):010d}", "event_time": int(time.time()),
                    "authorizations": [{"team_id": "T0FAKE", "user_id": "U0BOT", "is_bot": True}],
                    "event": event}
        return json.dumps(envelope).encode()

    def event(self, event: dict[str, Any], event_id: str | None = None, retry_num: int | None = None,
              signature: str | None = None) -> Reply:
        """Deliver one event."""
        return self.post(self.event_body(event, event_id), "application/json", retry_num, signature)

    def mention(self, text: str, channel: str, user: str = "U0USER", ts: str | None = None,
                thread_ts: str | None = None, event_id: str | None = None, retry_num: int | None = None,
                signature: str | None = None) -> Reply:
        """An app_mention in a channel."""
        event = {"type": "app_mention", "user": user, "text": f"<@U0BOT> {text}", "channel": channel,
                 "ts": ts or _ts(), "event_ts": ts or _ts(), "channel_type": "channel"}
        if thread_ts:
            event["thread_ts"] = thread_ts
        return self.event(event, event_id, retry_num, signature)

    def command(self, text: str, channel: str, user: str = "U0USER", response_url: str = "",
                command: str = "/scrutiny") -> Reply:
        """A slash command."""
        form = {"token": "legacy", "team_id": "T0FAKE", "channel_id": channel, "channel_name": "x", "user_id": user,
                "user_name": "someone", "command": command, "text": text, "api_app_id": "A0APP",
                "response_url": response_url, "trigger_id": f"trig.{next(self._ids)}"}
        return self.post(urlencode(form).encode(), "application/x-www-form-urlencoded")

    def interaction(self, payload: dict[str, Any]) -> Reply:
        """An interactivity payload (shortcut, block action, view submission)."""
        base = {"team": {"id": "T0FAKE"}, "api_app_id": "A0APP", "token": "legacy",
                "trigger_id": f"trig.{next(self._ids)}"}
        body = urlencode({"payload": json.dumps({**base, **payload})}).encode()
        return self.post(body, "application/x-www-form-urlencoded")


def _ts() -> str:
    return f"{time.time():.6f}"


class ServedApp:
    """The real bolt app under waitress on 127.0.0.1 (a free port), in a daemon thread; stop() ends it."""

    def __init__(self, app: Any, threads: int = 8) -> None:
        from bot.slack.serve import create_http_server

        self.server = create_http_server(app, "127.0.0.1", 0, threads=threads)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self.server.effective_port}"

    def __enter__(self) -> ServedApp:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.close()
        self.thread.join(timeout=5)
