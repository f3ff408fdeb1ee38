"""A loopback fake of the Slack Web API: records every call and answers the way Slack does."""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

# Form-encoded parameters slack-sdk sends as JSON strings.
_JSON_FIELDS = ("blocks", "view", "files", "attachments", "chunks", "prompts", "loading_messages")
# files.getUploadURLExternal answers alt_txt_too_large beyond this many characters of alt text.
ALT_TXT_LIMIT = 1000
# Scopes auth.test reports as granted (the X-OAuth-Scopes header), unless a test sets FakeSlack.scopes.
DEFAULT_SCOPES = ("app_mentions:read", "assistant:write", "channels:history", "channels:read", "chat:write",
                  "commands", "files:write", "groups:history", "groups:read", "im:history")


@dataclass
class Call:
    """One recorded request to the fake."""

    method: str
    params: dict[str, Any]
    token: str | None
    at: float = field(default_factory=time.monotonic)
    response: dict[str, Any] = field(default_factory=dict)  # what the fake answered

    def text_dump(self) -> str:
        """Everything sent, as one string (for 'never appears anywhere' checks)."""
        return json.dumps(self.params, ensure_ascii=False)


class FakeSlack:
    """Run with `with FakeSlack() as slack:`; point SLACK_API_URL at `slack.api_url`."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.uploads: dict[str, bytes] = {}
        self.responses: list[Call] = []  # POSTs to response_url
        self.errors: dict[tuple[str, str], str] = {}  # (method, channel) -> Slack error to return
        self.members: dict[str, list[str]] = {}  # channel -> members (conversations.members); others unknown
        self.scopes: tuple[str, ...] = DEFAULT_SCOPES
        self.delays: dict[str, float] = {}  # method -> seconds to wait before answering (a slow Slack)
        self.streams: dict[str, dict[str, Any]] = {}  # stream ts -> {"channel", "thread_ts", "text", "stopped"}
        self._lock = threading.Condition()
        self._ts = itertools.count(1)
        self._ids = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                                        daemon=True)

    # -- lifecycle -------------------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        """The Web API base URL (for SLACK_API_URL)."""
        return self.base_url + "/api/"

    def response_url(self, name: str = "cmd") -> str:
        """A response_url that records what is sent to it."""
        return f"{self.base_url}/respond/{name}"

    def __enter__(self) -> FakeSlack:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # -- inspection ------------------------------------------------------------------------------------------
    def reset(self) -> None:
        """Forget recorded calls (between scenarios)."""
        with self._lock:
            self.calls.clear()
            self.uploads.clear()
            self.responses.clear()
            self.errors.clear()
            self.members.clear()
            self.streams.clear()
            self.scopes = DEFAULT_SCOPES

    def of(self, method: str, channel: str | None = None) -> list[Call]:
        """Recorded calls of one Web API method (optionally to one channel)."""
        with self._lock:
            return [c for c in self.calls if c.method == method and (channel is None or _channel(c) == channel)]

    def wait_for(self, predicate: Callable[[FakeSlack], bool], timeout: float = 60.0) -> bool:
        """Wait until `predicate(self)` holds or `timeout` passes; returns whether it held."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while not predicate(self):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._lock.wait(min(remaining, 0.5))
            return True

    def settle(self, quiet: float = 1.0, timeout: float = 30.0) -> None:
        """Wait until no call has arrived for `quiet` seconds (so late duplicates would have shown up)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                last = max((c.at for c in self.calls), default=0.0)
            if time.monotonic() - last >= quiet:
                return
            time.sleep(0.1)

    def all_text(self) -> str:
        """Every recorded call's parameters, response_url posts and uploaded text, as one string."""
        with self._lock:
            parts = [c.text_dump() for c in self.calls + self.responses]
            parts += [b.decode("utf-8", "replace") for b in self.uploads.values()]
            return "\n".join(parts)

    # -- behaviour -------------------------------------------------------------------------------------------
    def _record(self, call: Call, into: list[Call]) -> None:
        with self._lock:
            into.append(call)
            self._lock.notify_all()

    def streamed_text(self, ts: str) -> str:
        """The markdown text a stream carried (start, appends and stop), in order."""
        with self._lock:
            return self.streams.get(ts, {}).get("text", "")

    def _stream(self, method: str, params: dict[str, Any], ts: str) -> dict[str, Any]:
        text = (params.get("markdown_text") or "") + "".join(
            c.get("text", "") for c in params.get("chunks") or [] if c.get("type") == "markdown_text")
        with self._lock:
            if method == "chat.startStream":
                if not params.get("thread_ts"):
                    return {"ok": False, "error": "invalid_arguments"}
                if str(params.get("channel", "")).startswith(("C", "G")) and not (
                        params.get("recipient_user_id") and params.get("recipient_team_id")):
                    return {"ok": False, "error": "invalid_arguments"}
                self.streams[ts] = {"channel": params.get("channel"), "thread_ts": params.get("thread_ts"),
                                    "text": text, "stopped": False}
                return {"ok": True, "channel": params.get("channel"), "ts": ts}
            stream = self.streams.get(str(params.get("ts")))
            if stream is None:
                return {"ok": False, "error": "message_not_found"}
            if stream["stopped"]:
                return {"ok": False, "error": "message_not_in_streaming_state"}
            stream["text"] += text
            if method == "chat.stopStream":
                stream["stopped"] = True
            return {"ok": True, "channel": stream["channel"], "ts": params.get("ts")}

    def _answer(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        channel = _channel(Call(method, params, None))
        error = self.errors.get((method, channel or "")) or self.errors.get((method, "*"))
        if error:
            return {"ok": False, "error": error}
        ts = f"{int(time.time())}.{next(self._ts):06d}"
        if method in ("chat.startStream", "chat.appendStream", "chat.stopStream"):
            return self._stream(method, params, ts)
        if method == "conversations.members":
            members = self.members.get(channel or "")
            if members is None:
                return {"ok": False, "error": "channel_not_found"}
            return {"ok": True, "members": list(members), "response_metadata": {"next_cursor": ""}}
        if method == "conversations.info":
            return {"ok": True, "channel": {"id": channel, "is_channel": True}}
        if method == "chat.getPermalink":
            return {"ok": True, "channel": channel,
                    "permalink": f"https://fake.slack.test/archives/{channel}/p{str(params.get('message_ts', ''))}"}
        if method == "auth.test":
            return {"ok": True, "url": "https://fake.slack.test/", "team": "Fake", "user": "scrutiny",
                    "team_id": "T0FAKE", "user_id": "U0BOT", "bot_id": "B0BOT"}
        if method == "chat.postMessage":
            return {"ok": True, "channel": channel, "ts": ts,
                    "message": {"text": params.get("text"), "ts": ts, "thread_ts": params.get("thread_ts")}}
        if method == "chat.update":
            return {"ok": True, "channel": channel, "ts": params.get("ts"), "text": params.get("text")}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method in ("views.open", "views.publish", "views.update", "views.push"):
            view = params.get("view") or {}
            return {"ok": True, "view": {**view, "id": f"V{next(self._ids):08d}", "hash": ts}}
        if method == "files.getUploadURLExternal":
            if len(str(params.get("alt_txt") or "")) > ALT_TXT_LIMIT:
                return {"ok": False, "error": "alt_txt_too_large"}
            file_id = f"F{next(self._ids):08d}"
            return {"ok": True, "file_id": file_id, "upload_url": f"{self.base_url}/upload/{file_id}"}
        if method == "files.completeUploadExternal":
            files = params.get("files") or []
            missing = [f["id"] for f in files if f["id"] not in self.uploads]
            if missing:
                return {"ok": False, "error": "file_not_found"}
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title"), "name": f.get("title")}
                                          for f in files]}
        return {"ok": True}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802 - http.server API
                path = urlparse(self.path).path
                body = self._body()
                if path.startswith("/upload/"):
                    file_id = path.rsplit("/", 1)[1]
                    with fake._lock:
                        fake.uploads[file_id] = body
                        fake._lock.notify_all()
                    self.send_response(200)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"OK")
                    return
                params = _parse(body, self.headers.get("Content-Type", ""), self.path)
                if path.startswith("/respond/"):
                    fake._record(Call("response_url", params, None), fake.responses)
                    self._send(200, {"ok": True})
                    return
                if not path.startswith("/api/"):
                    self._send(404, {"ok": False, "error": "not_found"})
                    return
                method = path[len("/api/"):]
                if fake.delays.get(method):
                    time.sleep(fake.delays[method])
                token = (self.headers.get("Authorization") or "").removeprefix("Bearer ") or params.get("token")
                answer = fake._answer(method, params)
                fake._record(Call(method, params, token, response=answer), fake.calls)
                headers = {"X-OAuth-Scopes": ",".join(fake.scopes)} if method == "auth.test" else None
                self._send(200, answer, headers)

            do_GET = do_POST  # noqa: N815 - a few Web API methods are GETs

        return Handler


def _parse(body: bytes, content_type: str, raw_path: str) -> dict[str, Any]:
    params: dict[str, Any] = {k: v[-1] for k, v in parse_qs(urlparse(raw_path).query).items()}
    if "application/json" in content_type and body:
        params.update(json.loads(body))
    elif body:
        params.update({k: v[-1] for k, v in parse_qs(body.decode("utf-8")).items()})
    for name in _JSON_FIELDS:
        if isinstance(params.get(name), str):
            try:
                params[name] = json.loads(params[name])
            except ValueError:
                pass
    return params


def _channel(call: Call) -> str | None:
    value = call.params.get("channel") or call.params.get("channel_id")
    return str(value) if value else None
