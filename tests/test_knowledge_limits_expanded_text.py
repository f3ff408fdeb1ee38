"""Bounded input (issue 15, item 4): a file that expands past the text limit, or parses for too long, is skipped
with a reason; a normal file of the same kind still ingests."""

from __future__ import annotations

import zipfile
from pathlib import Path

from knowledge.base import KnowledgeBase
from knowledge.limits import Budget, LimitExceeded
from knowledge.loaders import UnreadableFile, load_file
from knowledge_documents import make_docx, write


def _bomb_docx(path: Path, megabytes: int) -> Path:
    """A real Word package whose document.xml holds `megabytes` MB of one repeated paragraph (compresses ~1000x)."""
    small = make_docx(path.with_name("small.docx"), [("p", "x")])
    paragraph = "<w:p><w:r><w:t>" + "budget " * 140 + "</w:t></w:r></w:p>"
    body = paragraph * (megabytes * 1024 * 1024 // len(paragraph))
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                cut = text.index("<w:body>") + len("<w:body>")
                data = (text[:cut] + body + text[cut:]).encode("utf-8")
            out.writestr(info.filename, data)
    return path


def test_docx_that_expands_past_the_limit_is_skipped_with_a_reason(tmp_path: Path, shared_embedder) -> None:
    bomb = _bomb_docx(tmp_path / "bomb.docx", 120)
    assert bomb.stat().st_size < 2 * 1024 * 1024  # about a megabyte on disk
    kb = KnowledgeBase(tmp_path / "home", embedder=shared_embedder, max_text_mb=20)
    ok = make_docx(tmp_path / "report.docx", [("h1", "Housing"), ("p", "Rent collection was 97.1% in Q2.")])
    report = kb.ingest([bomb, ok])
    outcome = {Path(f.path).name: f for f in report.files}
    assert outcome["bomb.docx"].status == "skipped"
    assert "expands to" in (outcome["bomb.docx"].reason or "") and "SCRUTINY_MAX_TEXT_MB" in outcome["bomb.docx"].reason
    assert outcome["report.docx"].status == "added"
    assert shared_embedder.calls >= 0 and [d.path for d in kb.documents()] == [str(ok.resolve())]


def test_text_past_the_limit_is_refused_for_html_and_text(tmp_path: Path) -> None:
    big = write(tmp_path / "big.html", "<html><body>" + "<p>words and more words</p>" * 60000 + "</body></html>")
    try:
        load_file(big, Budget(max_text_mb=1))
    except UnreadableFile as exc:
        assert "expands to more than 1 MB" in str(exc)
    else:
        raise AssertionError("a 1.6 MB HTML file passed a 1 MB text limit")
    assert load_file(big, Budget(max_text_mb=5)).text.startswith("words and more words")


def test_parse_time_limit_stops_a_slow_file(tmp_path: Path) -> None:
    budget = Budget(max_seconds=0.0)
    try:
        budget.tick()
    except LimitExceeded as exc:
        assert "parsing took longer than 0 s" in str(exc)
    else:
        raise AssertionError("no time limit")
    slow = write(tmp_path / "page.html", "<html><body><p>one</p></body></html>")
    try:
        load_file(slow, Budget(max_seconds=0.0))
    except UnreadableFile as exc:
        assert "SCRUTINY_MAX_PARSE_SECONDS" in str(exc)
    else:
        raise AssertionError("parse time not bounded")
