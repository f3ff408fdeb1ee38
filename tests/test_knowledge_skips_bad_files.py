"""Corrupt, empty, password-protected and oversized files are skipped with a reason; the rest of the batch lands."""

from __future__ import annotations

import os
from pathlib import Path

from knowledge.base import KnowledgeBase
from knowledge_documents import LOREM, make_docx, make_pdf, write


def test_bad_files_are_skipped_with_reasons_and_good_ones_land(tmp_path: Path, shared_embedder) -> None:
    docs = tmp_path / "docs"
    make_pdf(docs / "good-plan.pdf", [[("h", "Council Plan"), ("p", "We will plant 10,000 trees by 2030. " + LOREM)]])
    make_docx(docs / "good-report.docx", [("title", "Performance report"), ("p", "Rent collection was 97.1%.")])
    write(docs / "good-minutes.md", "# Minutes\n\nMembers asked about fly-tipping enforcement.\n")
    # A PDF cut off half way, bytes that only claim to be a Word file, an empty file, a locked PDF, a huge file.
    whole = make_pdf(tmp_path / "whole.pdf", [[("p", LOREM * 5)]]).read_bytes()
    (docs / "truncated.pdf").write_bytes(whole[: len(whole) // 3])
    (docs / "fake.docx").write_bytes(b"this is not a zip package at all " * 10)
    (docs / "empty.md").write_bytes(b"")
    make_pdf(docs / "locked.pdf", [[("p", "Confidential settlement figures. " + LOREM)]], user_password="s3cret")
    with open(docs / "huge.txt", "wb") as handle:
        handle.write(b"Budget line. " * 1000)
        handle.truncate(3 * 1024 * 1024)
    kb = KnowledgeBase(tmp_path / "home", embedder=shared_embedder, max_file_mb=2)
    calls: list[tuple[str, int, int]] = []
    report = kb.ingest([docs], progress=lambda stage, done, total: calls.append((stage, done, total)))
    # The CLI's progress bar sees every stage finish: 8 files read, the good files' chunks embedded and stored.
    finals = {stage: (done, total) for stage, done, total in calls}
    assert finals["Reading files"] == (8, 8)
    assert finals["Embedding chunks"] == (report.chunks_added, report.chunks_added) and report.chunks_added >= 3
    assert finals["Storing"] == (3, 3)
    outcome = {Path(f.path).name: f for f in report.files}
    assert {n: f.status for n, f in outcome.items() if n.startswith("good")} == {
        "good-plan.pdf": "added", "good-report.docx": "added", "good-minutes.md": "added"}
    reasons = {n: (f.status, f.reason or "") for n, f in outcome.items() if not n.startswith("good")}
    assert all(status == "skipped" for status, _ in reasons.values()), reasons
    assert "corrupt" in reasons["truncated.pdf"][1] or "no text" in reasons["truncated.pdf"][1]
    assert "corrupt Word file" in reasons["fake.docx"][1]
    assert reasons["empty.md"][1] == "empty file"
    assert "password-protected" in reasons["locked.pdf"][1]
    assert reasons["huge.txt"][1].startswith("too large (3.0 MB; limit 2 MB")
    assert sorted(Path(d.path).name for d in kb.documents()) == ["good-minutes.md", "good-plan.pdf",
                                                                   "good-report.docx"]
    assert "10,000 trees" in kb.search("How many trees will be planted?")[0].text
    assert os.path.getsize(docs / "huge.txt") > 2 * 1024 * 1024


def test_protected_word_file_is_skipped(tmp_path: Path, shared_embedder) -> None:
    # Word encrypts a protected .docx into an OLE compound file, which starts with this signature.
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    kb = KnowledgeBase(tmp_path / "home", embedder=shared_embedder)
    (outcome,) = kb.ingest([locked]).files
    assert outcome.status == "skipped"
    assert "password-protected" in (outcome.reason or "")
    assert kb.documents() == []
