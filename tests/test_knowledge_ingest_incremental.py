"""Incremental ingest: unchanged files cost no embedding, changed files replace their chunks, removal forgets them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge.base import KnowledgeBase
from knowledge.errors import KnowledgeError
from knowledge.models import IngestOptions
from knowledge_documents import LOREM, make_docx, write


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    write(docs / "waste.md", "# Waste strategy\n\nThe garden waste charge rises to 52 pounds a year from April.\n\n"
          + LOREM + "\n")
    make_docx(docs / "libraries.docx", [("title", "Library service review"),
                                        ("p", "Opening hours at Eastgate library will be cut to four days a week.")])
    return docs


def _vector_ids(kb: KnowledgeBase) -> set[str]:
    return set(kb.vectors.ids())


def test_unchanged_files_do_no_embedding_work(tmp_path: Path, folder: Path, shared_embedder) -> None:
    kb = KnowledgeBase(tmp_path / "home", embedder=shared_embedder)
    first = kb.ingest([folder])
    assert sorted(f.status for f in first.files) == ["added", "added"]
    calls = shared_embedder.calls
    again = KnowledgeBase(tmp_path / "home", embedder=shared_embedder).ingest([folder])
    assert [f.status for f in again.files] == ["unchanged", "unchanged"]
    assert again.chunks_added == 0
    assert shared_embedder.calls == calls


def test_changed_file_replaces_its_chunks(tmp_path: Path, folder: Path, shared_embedder) -> None:
    kb = KnowledgeBase(tmp_path / "home", embedder=shared_embedder)
    kb.ingest([folder])
    before = _vector_ids(kb)
    assert kb.search("garden waste charge")[0].text.count("52 pounds") == 1
    write(folder / "waste.md", "# Waste strategy\n\nThe garden waste charge is frozen at 45 pounds for two years.\n")
    report = kb.ingest([folder])
    outcome = {Path(f.path).name: f for f in report.files}
    assert outcome["waste.md"].status == "updated"
    assert outcome["libraries.docx"].status == "unchanged"
    hits = kb.search("garden waste charge")
    assert "45 pounds" in hits[0].text
    assert not any("52 pounds" in p.text for p in kb.search("garden waste charge 52 pounds", k=10))
    after = _vector_ids(kb)
    registry_ids = {c.chunk_id for c in kb.registry.chunks()}
    # Old vectors are gone, the library's are untouched, and Chroma holds exactly what the registry lists.
    assert after == registry_ids
    assert {i for i in before if i.startswith(outcome["libraries.docx"].doc_id)} <= after
    assert not {i for i in before if i.startswith(outcome["waste.md"].doc_id)} & after


def test_metadata_change_updates_without_embedding(tmp_path: Path, folder: Path, shared_embedder) -> None:
    kb = KnowledgeBase(tmp_path / "home", embedder=shared_embedder)
    kb.ingest([folder / "waste.md"])
    calls = shared_embedder.calls
    report = kb.ingest([folder / "waste.md"], IngestOptions(classification="restricted", council="E07000001"))
    assert report.files[0].status == "updated"
    assert shared_embedder.calls == calls
    (doc,) = kb.documents()
    assert (doc.classification, doc.council) == ("restricted", "E07000001")
    assert kb.search("garden waste charge") == []


def test_remove_by_path_and_by_id(tmp_path: Path, folder: Path, shared_embedder) -> None:
    kb = KnowledgeBase(tmp_path / "home", embedder=shared_embedder)
    kb.ingest([folder])
    by_name = {Path(d.path).name: d for d in kb.documents()}
    assert kb.remove(str(folder / "waste.md")) is True
    assert kb.search("garden waste charge") == [] or all("garden waste" not in p.text for p in
                                                         kb.search("garden waste charge"))
    assert kb.remove(by_name["libraries.docx"].doc_id) is True
    assert kb.documents() == []
    assert _vector_ids(kb) == set()
    assert kb.remove("no-such-document") is False


def test_missing_path_raises_before_touching_the_store(tmp_path: Path, folder: Path, shared_embedder) -> None:
    kb = KnowledgeBase(tmp_path / "home", embedder=shared_embedder)
    kb.ingest([folder / "waste.md"])
    before = (kb.documents(), _vector_ids(kb), kb.registry.generation())
    with pytest.raises(KnowledgeError, match="no such file or folder"):
        kb.ingest([folder / "libraries.docx", tmp_path / "missing.pdf"])
    assert (kb.documents(), _vector_ids(kb), kb.registry.generation()) == before


def test_moved_folder_is_a_new_document_and_old_one_can_be_removed(tmp_path: Path, folder: Path,
                                                                    shared_embedder) -> None:
    kb = KnowledgeBase(tmp_path / "home", embedder=shared_embedder)
    kb.ingest([folder])
    moved = tmp_path / "moved"
    shutil.copytree(folder, moved)
    kb.ingest([moved])
    assert len(kb.documents()) == 4
    assert kb.remove(str(folder)) is True
    assert sorted(Path(d.path).parent.name for d in kb.documents()) == ["moved", "moved"]
