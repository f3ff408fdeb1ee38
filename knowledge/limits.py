"""Bounds on untrusted documents: how much text a file may expand to, and how long parsing it may take.

A 1.2 MB Word file can hold 300 MB of text (its XML compresses a thousandfold), and a crafted PDF can keep a parser
busy for hours: such a file is skipped with a one-line reason instead of being ingested.
"""

from __future__ import annotations

import io
import time
import zipfile

MAX_TEXT_MB = 20.0  # text a file may expand to (the whole corpus here is under 1 MB)
MAX_PARSE_SECONDS = 120.0  # wall-clock time to parse one file
_XML_PER_TEXT = 5  # a DOCX's XML is a few times the text it holds: room for markup before the text limit applies


class LimitExceeded(Exception):
    """The file would expand or take longer than allowed; the message says which limit and by how much."""


class Budget:
    """The limits for one file: call `text(n)` as text accumulates and `tick()` between parsing steps."""

    def __init__(self, max_text_mb: float = MAX_TEXT_MB, max_seconds: float = MAX_PARSE_SECONDS) -> None:
        self.max_chars = int(max_text_mb * 1024 * 1024)
        self.max_text_mb = max_text_mb
        self.max_seconds = max_seconds
        self.started = time.monotonic()

    def text(self, chars: int) -> None:
        """Raise once the text extracted so far passes the limit."""
        if chars > self.max_chars:
            raise LimitExceeded(f"expands to more than {self.max_text_mb:g} MB of text (SCRUTINY_MAX_TEXT_MB)")

    def tick(self) -> None:
        """Raise once parsing has taken longer than the limit."""
        elapsed = time.monotonic() - self.started
        if elapsed > self.max_seconds:
            raise LimitExceeded(f"parsing took longer than {self.max_seconds:g} s (SCRUTINY_MAX_PARSE_SECONDS)")

    def zip_package(self, data: bytes) -> None:
        """Before a DOCX is opened: the sizes its parts declare, uncompressed, must fit the text limit."""
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                expanded = sum(info.file_size for info in package.infolist())
        except zipfile.BadZipFile:
            return  # the loader reports a damaged package in its own words
        if expanded > self.max_chars * _XML_PER_TEXT:
            raise LimitExceeded(f"expands to {expanded / 1048576:,.0f} MB when unpacked (limit "
                                f"{self.max_text_mb * _XML_PER_TEXT:g} MB of XML for {self.max_text_mb:g} MB of text, "
                                "SCRUTINY_MAX_TEXT_MB)")
