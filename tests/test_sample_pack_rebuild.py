"""Rebuilding the sample pack is deterministic and reproduces the committed files."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from bot.sample_pack import PACK_DIR
from bot.sample_pack.generate import build_pack

TEXT_SUFFIXES = {".csv", ".md", ".html", ".yaml"}


def _relative_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")
            if p.is_file() and p.parent.name != "__pycache__" and p.suffix not in {".py", ".pyc"}
            and p.name != "README.md"}


def _text(path: Path) -> str:
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() for page in PdfReader(path).pages)
    doc = Document(str(path))
    return "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for r in t.rows for c in r.cells])


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    first, second = tmp_path_factory.mktemp("pack-a"), tmp_path_factory.mktemp("pack-b")
    build_pack(first)
    build_pack(second)
    return first, second


def test_two_builds_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    files = _relative_files(first)
    assert files == _relative_files(second)
    assert {"data/indicators.csv", "data/indicator_meta.csv", "data/nearest_neighbours.csv",
            "documents/manifest.yaml"} <= files
    for name in sorted(files):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_committed_pack_is_what_the_generator_builds(two_builds: tuple[Path, Path]) -> None:
    fresh, _ = two_builds
    assert _relative_files(PACK_DIR) == _relative_files(fresh)
    for name in sorted(_relative_files(fresh)):
        committed, rebuilt = PACK_DIR / name, fresh / name
        if rebuilt.suffix in TEXT_SUFFIXES:
            assert committed.read_bytes() == rebuilt.read_bytes(), f"{name} is stale: rerun the generator"
        else:
            # PDF/DOCX bytes may differ across fpdf2/python-docx versions; their text must not.
            assert _text(committed) == _text(rebuilt), f"{name} is stale: rerun the generator"


def test_build_writes_no_temporary_files(two_builds: tuple[Path, Path]) -> None:
    first, _ = two_builds
    assert not [p for p in first.rglob("*") if p.name.endswith(".tmp")]
