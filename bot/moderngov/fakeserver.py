"""A fake ModernGov install on 127.0.0.1 for tests and `scrutiny demo --moderngov`: it answers GetCommittees,
GetMeetings and GetMeeting from XML fixtures in the documented shape and serves papers from files, with faults on
request (a slow answer, a 500, a malformed response, an HTML page served as a PDF, a huge file, a missing file).

Fixture folder: `committees.xml`, `meetings-<committee id>.xml` (every meeting; the server keeps those in the
requested date range, as the real service does) and `meeting-<meeting id>.xml`. In them `{{base}}` is the
server's address and `{{date:+9}}` / `{{date:-56}}` a date that many days from the server's `today`
(dd/mm/yyyy, as ModernGov writes dates), so a fixture's "next meeting" is always ahead.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Literal
from xml.etree import ElementTree

FaultKind = Literal["slow", "error", "error_once", "html_as_pdf", "huge", "missing"]


@dataclass
class Fault:
    """Misbehaviour for one request target: `slow` waits `seconds` first (every time, or `times` times)."""

    kind: FaultKind
    seconds: float = 0.0
    times: int | None = None  # how many requests misbehave (None = all)
    served: int = 0


@dataclass
class Hit:
    """One request the server answered."""

    path: str
    query: dict[str, str]
    status: int
    bytes: int


@dataclass
class FakeModernGov:
    """The fake service. `documents` maps an attachment id to a file (served at mgConvert2PDF.aspx?ID=… and
    /documents/s<id>/<name>);
    `faults` maps a target ("GetMeeting:1003", "GetMeetings:102", "doc:5004") to its Fault."""

    fixtures: Path
    documents: dict[str, Path] = field(default_factory=dict)
    faults: dict[str, Fault] = field(default_factory=dict)
    today: date = field(default_factory=date.today)
    hits: list[Hit] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0  # the most requests answered at once (the client promises one per host)
    base_url: str = ""
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- lifecycle -------------------------------------------------------------------------------------------
    def __enter__(self) -> FakeModernGov:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> FakeModernGov:
        """Listen on a free 127.0.0.1 port in a daemon thread."""
        fake = self

        class Handler(_Handler):
            service = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fake-moderngov", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening (requests in flight finish on their daemon threads)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def site(self) -> str:
        """The democracy site's address, as a council would give it."""
        return f"{self.base_url}/"

    # -- what the tests look at ------------------------------------------------------------------------------
    def requests_for(self, prefix: str) -> list[Hit]:
        """Requests whose path starts with `prefix` (e.g. "/mgConvert2PDF.aspx" for paper downloads)."""
        with self._lock:
            return [h for h in self.hits if h.path.startswith(prefix)]

    def paper_requests(self) -> list[Hit]:
        """Every request for a paper, whatever the answer."""
        with self._lock:
            return [h for h in self.hits if h.path == "/mgConvert2PDF.aspx" or h.path.startswith("/documents/")]

    def document_downloads(self) -> list[Hit]:
        """Paper requests answered with a body (200)."""
        return [h for h in self.paper_requests() if h.status == 200]

    # -- answering -------------------------------------------------------------------------------------------
    def fault(self, target: str) -> Fault | None:
        """The fault for a target if it should still fire, counting this request."""
        with self._lock:
            found = self.faults.get(target)
            if found is None or (found.times is not None and found.served >= found.times):
                return None
            found.served += 1
            return found

    def render(self, name: str) -> bytes | None:
        """A fixture file with its placeholders filled; None when it does not exist."""
        path = self.fixtures / name
        if not path.is_file():
            return None
        text = path.read_text(encoding="utf-8")
        text = text.replace("{{base}}", self.base_url)

        def day(match: re.Match[str]) -> str:
            return (self.today + timedelta(days=int(match.group(1)))).strftime("%d/%m/%Y")

        return re.sub(r"\{\{date:([+-]\d+)\}\}", day, text).encode("utf-8")

    def meetings_between(self, committee_id: str, since: date | None, until: date | None) -> bytes | None:
        """GetMeetings: the committee's fixture with meetings outside the range removed."""
        data = self.render(f"meetings-{committee_id}.xml")
        if data is None or (since is None and until is None):
            return data
        try:
            root = ElementTree.fromstring(data)  # our own fixture, not untrusted input
        except ElementTree.ParseError:
            return data  # a deliberately malformed fixture is served as it is
        for parent in list(root.iter()):
            for meeting in [c for c in parent if c.tag == "meeting"]:
                held = _dmy(meeting.findtext("meetingdate") or "")
                if held is None or (since and held < since) or (until and held > until):
                    parent.remove(meeting)
        return b'<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(root, encoding="utf-8")


def _dmy(text: str) -> date | None:
    match = re.match(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if not match:
        return None
    try:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None


class _Handler(BaseHTTPRequestHandler):
    service: FakeModernGov
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet
        return

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        # Logged and counted as answered before the body goes: the client may return (and a test look at the
        # log) the moment the last byte arrives, while this thread is still finishing.
        self._log(status, len(body))
        self._answered()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _log(self, status: int, size: int) -> None:
        parts = urllib.parse.urlsplit(self.path)
        query = {k: v[0] for k, v in urllib.parse.parse_qs(parts.query).items()}
        with self.service._lock:
            self.service.hits.append(Hit(path=parts.path, query=query, status=status, bytes=size))

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.counted = True
        with self.service._lock:
            self.service.in_flight += 1
            self.service.max_in_flight = max(self.service.max_in_flight, self.service.in_flight)
        try:
            self._answer()
        finally:
            self._answered()

    def _answered(self) -> None:
        # A request is in flight until its answer starts to go out: once the body is on its way the client may
        # (rightly) send its next one while this thread is still finishing, which is not two at once.
        if getattr(self, "counted", False):
            self.counted = False
            with self.service._lock:
                self.service.in_flight -= 1

    def _answer(self) -> None:
        parts = urllib.parse.urlsplit(self.path)
        query = {k.lower(): v[0] for k, v in urllib.parse.parse_qs(parts.query).items()}
        path = parts.path
        name = path.rsplit("/", 1)[-1]
        if path.lower().endswith("/mgwebservice.asmx/getcommittees"):
            self._xml("GetCommittees", lambda: self.service.render("committees.xml"))
        elif path.lower().endswith("/mgwebservice.asmx/getmeetings"):
            cid = query.get("lcommitteeid", "")
            self._xml(f"GetMeetings:{cid}", lambda: self.service.meetings_between(
                cid, _dmy(query.get("sfromdate", "")), _dmy(query.get("stodate", ""))))
        elif path.lower().endswith("/mgwebservice.asmx/getmeeting"):
            mid = query.get("lmeetingid", "")
            self._xml(f"GetMeeting:{mid}", lambda: self.service.render(f"meeting-{mid}.xml"))
        elif name.lower() == "mgconvert2pdf.aspx":
            self._document(query.get("id", ""))
        elif re.match(r"^/documents/s(\d+)/", path):
            self._document(re.match(r"^/documents/s(\d+)/", path).group(1))
        elif name.lower() in ("mgai.aspx", "ielistdocuments.aspx"):
            self._send(200, b"<html><body><h1>Fake ModernGov page</h1></body></html>", "text/html; charset=utf-8")
        else:
            self._send(404, b"not found", "text/plain")

    def _misbehave(self, target: str) -> bool:
        """Apply a fault; True when the response has been sent."""
        fault = self.service.fault(target)
        if fault is None:
            return False
        if fault.kind == "slow":
            time.sleep(fault.seconds)
            return False
        if fault.kind in ("error", "error_once"):
            self._send(500, b"<html><body>Server Error in '/' Application.</body></html>", "text/html")
            return True
        if fault.kind == "missing":
            self._send(404, b"<html><body>The resource cannot be found.</body></html>", "text/html")
            return True
        if fault.kind == "html_as_pdf":
            self._send(200, b"<!DOCTYPE html><html><body><h1>Sorry, something went wrong</h1></body></html>",
                       "application/pdf")
            return True
        if fault.kind == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(4 * 1024 ** 3))
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"%PDF-1.4\n" + b"0" * 65536)
            except (BrokenPipeError, ConnectionResetError, OSError):
                pass
            self._log(200, 4 * 1024 ** 3)
            self.close_connection = True
            return True
        return False

    def _xml(self, target: str, body) -> None:  # noqa: ANN001 - a thunk returning the XML
        if self._misbehave(target):
            return
        data = body()
        if data is None:
            self._send(500, b"<html><body>No such object</body></html>", "text/html")
            return
        self._send(200, data, "text/xml; charset=utf-8")

    def _document(self, attachment: str) -> None:
        if self._misbehave(f"doc:{attachment}"):
            return
        path = self.service.documents.get(attachment)
        if path is None or not Path(path).is_file():
            self._send(404, b"<html><body>The resource cannot be found.</body></html>", "text/html")
            return
        data = Path(path).read_bytes()
        etag = f'"{hashlib.sha1(data).hexdigest()[:16]}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            self._log(304, 0)
            return
        suffix = Path(path).suffix.lower()
        content_type = {".pdf": "application/pdf", ".md": "text/markdown; charset=utf-8",
                        ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8",
                        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        }.get(suffix, "application/octet-stream")
        self._send(200, data, content_type, {"ETag": etag})


FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The day the fixtures' relative dates are counted from in the demo: the sample pack's papers were written for
# a scrutiny meeting on 19 November 2024, a week after it.
DEMO_TODAY = date(2024, 11, 12)


def default_faults(slow_seconds: float = 2.0) -> dict[str, Fault]:
    """The misbehaviour the fixtures are built around: a slow Cabinet listing, a GetMeeting that fails once, a
    paper that always fails (500), an HTML page served as a PDF, and a huge file. (Meeting 1000's answer is
    malformed in its fixture, and paper 5009 is missing, so neither needs a fault.)"""
    return {"GetMeetings:102": Fault("slow", seconds=slow_seconds, times=1),
            "GetMeeting:1002": Fault("error_once", times=1),
            "doc:5006": Fault("error"),
            "doc:5007": Fault("html_as_pdf"),
            "doc:5008": Fault("huge")}


def sample_pack_documents() -> dict[str, Path]:
    """The fixtures' papers as the sample pack's fictional documents (what `scrutiny demo --moderngov` serves)."""
    from bot.demo import PACK_DOCUMENTS

    return {"5001": PACK_DOCUMENTS / "northbridge-q2-2024-25-performance-report.docx",
            "5005": PACK_DOCUMENTS / "northbridge-annual-audit-letter-2023-24.md",
            "5101": PACK_DOCUMENTS / "northbridge-corporate-peer-challenge-2023.pdf",
            "5102": PACK_DOCUMENTS / "northbridge-council-plan-2024-2028.pdf",
            "5103": PACK_DOCUMENTS / "northbridge-cabinet-minutes-2024-07.html",
            "5004": PACK_DOCUMENTS / "restricted" / "northbridge-exempt-depot-disposal-report.docx"}
