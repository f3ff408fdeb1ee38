"""A polite HTTP client for a council's mgWebService.asmx: one request at a time per host, a delay between
requests, long timeouts (self-hosted installs can take a minute), retries with backoff on 5xx and timeouts, size
limits on every body, and conditional GETs so unchanged papers are not downloaded again."""

from __future__ import annotations

import http.client
import random
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from bot.moderngov.errors import FetchError, ModernGovError
from bot.moderngov.models import Committee, Meeting, MeetingSummary
from bot.moderngov.xmlparse import MAX_XML_BYTES, parse_committees, parse_meeting, parse_meetings

USER_AGENT = "scrutiny-assistant/0.1 (committee papers sync; +https://www.gov.uk)"
_CHUNK = 64 * 1024
_RETRY_STATUS = {500, 502, 503, 504, 429}


@dataclass
class Fetched:
    """One successful response (or a 304 for a conditional request)."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 1

    @property
    def not_modified(self) -> bool:
        """The server said the copy we hold is current (HTTP 304)."""
        return self.status == 304


@dataclass
class _HostGate:
    """Serialises requests to one host and spaces them by the configured delay."""

    slots: threading.Semaphore
    lock: threading.Lock = field(default_factory=threading.Lock)
    last: float = 0.0


_GATES: dict[tuple[str, int], _HostGate] = {}
_GATES_LOCK = threading.Lock()


def _gate(host: str, per_host: int) -> _HostGate:
    with _GATES_LOCK:
        key = (host, per_host)
        if key not in _GATES:
            _GATES[key] = _HostGate(threading.Semaphore(per_host))
        return _GATES[key]


def service_url(url: str) -> str:
    """The mgWebService.asmx address for what a user typed: a democracy site, or the service itself."""
    url = url.strip()
    if not url:
        raise ModernGovError("the committee system's address is empty")
    if "://" not in url:
        url = f"https://{url}"
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ModernGovError(f"{url!r} is not an http(s) address of a ModernGov site")
    path = parts.path
    lowered = path.lower()
    if "mgwebservice.asmx" in lowered:
        path = path[: lowered.index("mgwebservice.asmx") + len("mgwebservice.asmx")]
    else:
        # A page of the site (e.g. .../mgListCommittees.aspx) or its root: the service sits beside it.
        folder = path if path.endswith("/") or "." not in path.rsplit("/", 1)[-1] else path.rsplit("/", 1)[0] + "/"
        path = folder.rstrip("/") + "/mgWebService.asmx"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class ModernGovClient:
    """GET requests to one ModernGov install, with the politeness and robustness rules above."""

    def __init__(self, url: str, *, timeout: float = 90.0, delay: float = 1.0, retries: int = 3,
                 backoff: float = 2.0, per_host: int = 1, max_bytes: int = 50 * 1024 * 1024,
                 max_seconds: float = 600.0, slow_after: float = 10.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.service = service_url(url)
        parts = urllib.parse.urlsplit(self.service)
        self.site = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path.rsplit("/", 1)[0] + "/", "", ""))
        self.timeout = timeout
        self.delay = delay
        self.retries = retries
        self.backoff = backoff
        self.per_host = max(1, per_host)
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self._sleep = sleep
        self.slow_after = slow_after
        self.notes: list[str] = []  # slow answers, and failures a retry got past, for the sync's summary
        self.requests = 0  # every HTTP request made, retries included
        self.downloaded_bytes = 0

    # -- the three calls -------------------------------------------------------------------------------------
    def committees(self) -> list[Committee]:
        """GetCommittees."""
        return parse_committees(self.get(f"{self.service}/GetCommittees", xml=True).body)

    def meetings(self, committee: Committee, since: date, until: date) -> list[MeetingSummary]:
        """GetMeetings for one committee between two dates (inclusive)."""
        query = urllib.parse.urlencode({"lCommitteeId": committee.id, "sFromDate": since.strftime("%d/%m/%Y"),
                                        "sToDate": until.strftime("%d/%m/%Y")})
        return parse_meetings(self.get(f"{self.service}/GetMeetings?{query}", xml=True).body, committee)

    def meeting(self, meeting_id: str) -> Meeting:
        """GetMeeting: agenda items, their papers and attendees."""
        query = urllib.parse.urlencode({"lMeetingId": meeting_id})
        return parse_meeting(self.get(f"{self.service}/GetMeeting?{query}", xml=True).body, meeting_id)

    def meeting_page(self, committee_id: str | None, meeting_id: str) -> str:
        """The public web page of a meeting (what a citation can link to)."""
        query = urllib.parse.urlencode({**({"CId": committee_id} if committee_id else {}), "MId": meeting_id})
        return f"{self.site}ieListDocuments.aspx?{query}"

    def item_page(self, item_id: str) -> str:
        """The public web page of one agenda item."""
        return f"{self.site}mgAi.aspx?ID={urllib.parse.quote(item_id)}"

    # -- one GET ---------------------------------------------------------------------------------------------
    def get(self, url: str, *, xml: bool = False, etag: str | None = None,
            last_modified: str | None = None) -> Fetched:
        """GET `url` with retries; FetchError with the reason when every attempt failed."""
        limit = MAX_XML_BYTES if xml else self.max_bytes
        host = urllib.parse.urlsplit(url).netloc
        gate = _gate(host, self.per_host)
        headers = {"User-Agent": USER_AGENT, "Accept": "text/xml, application/xml" if xml else "*/*"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        problem = ""
        for attempt in range(1, self.retries + 2):
            with gate.slots:
                self._wait_turn(gate)
                started = time.monotonic()
                try:
                    fetched = self._once(url, headers, limit, attempt)
                except _Retry as exc:
                    problem = str(exc)
                else:
                    took = time.monotonic() - started
                    if attempt > 1:
                        self.notes.append(f"{_short_url(url)}: {problem}; answered on attempt {attempt}")
                    elif took >= self.slow_after:
                        self.notes.append(f"{_short_url(url)}: slow answer ({took:.1f} s)")
                    return fetched
                finally:
                    with gate.lock:
                        gate.last = time.monotonic()
            if attempt <= self.retries:
                # Exponential backoff with a little jitter, so many workers do not retry in step.
                self._sleep(self.backoff * (2 ** (attempt - 1)) * (1 + 0.1 * random.random()))
        raise FetchError(f"{problem} after {self.retries + 1} attempts", transient=True)

    def _wait_turn(self, gate: _HostGate) -> None:
        with gate.lock:
            wait = gate.last + self.delay - time.monotonic() if gate.last else 0.0
        if wait > 0:
            self._sleep(wait)

    def _once(self, url: str, headers: dict[str, str], limit: int, attempt: int) -> Fetched:
        self.requests += 1
        request = urllib.request.Request(url, headers=headers, method="GET")
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - http(s) only
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > limit:
                    raise FetchError(f"too large ({int(length) / 1048576:.1f} MB; limit {limit / 1048576:g} MB)")
                chunks: list[bytes] = []
                size = 0
                while True:
                    if time.monotonic() - started > self.max_seconds:
                        raise _Retry(f"download took over {self.max_seconds:g} s")
                    chunk = response.read(_CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(f"too large (over {limit / 1048576:g} MB)")
                    chunks.append(chunk)
                self.downloaded_bytes += size
                return Fetched(url=response.geturl(), status=response.status, body=b"".join(chunks),
                               content_type=response.headers.get("Content-Type", ""),
                               etag=response.headers.get("ETag"), last_modified=response.headers.get("Last-Modified"),
                               attempts=attempt)
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Fetched(url=url, status=304, etag=exc.headers.get("ETag"),
                               last_modified=exc.headers.get("Last-Modified"), attempts=attempt)
            if exc.code in _RETRY_STATUS:
                raise _Retry(f"HTTP {exc.code}") from None
            raise FetchError(f"HTTP {exc.code}" + (" (not found)" if exc.code == 404 else "")) from None
        except TimeoutError:
            raise _Retry(f"no answer within {self.timeout:g} s") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise _Retry(f"no answer within {self.timeout:g} s") from None
            raise _Retry(f"cannot connect ({reason})") from None
        except (OSError, http.client.HTTPException) as exc:
            raise _Retry(f"connection failed ({type(exc).__name__})") from None


def _short_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    name = parts.path.rsplit("/", 1)[-1]
    return f"{name}?{parts.query}" if parts.query else name


class _Retry(Exception):
    """A failure worth another attempt (5xx, timeout, dropped connection)."""
