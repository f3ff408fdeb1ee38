"""Per-folder manifest files (manifest.yaml / manifest.csv) that set document metadata in bulk."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from knowledge.errors import KnowledgeError
from knowledge.models import Classification, Date, DocType

MANIFEST_NAMES = ("manifest.yaml", "manifest.yml", "manifest.csv")


class ManifestEntry(BaseModel):
    """Metadata for one file, as a manifest gives it (None = not set)."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    file: str
    doc_type: DocType | None = Field(default=None, alias="type")
    title: str | None = None
    date: Date | None = None
    council: str | None = None
    classification: Classification | None = None


def _blank_to_none(row: dict[str, Any]) -> dict[str, Any]:
    return {k.strip().lower(): (v.strip() if isinstance(v, str) else v) or None for k, v in row.items() if k}


def read_manifest(path: Path) -> dict[Path, ManifestEntry]:
    """Entries of one manifest keyed by the resolved path of the file they describe."""
    try:
        if path.suffix == ".csv":
            with path.open(newline="", encoding="utf-8-sig") as handle:
                rows: Any = [_blank_to_none(r) for r in csv.DictReader(handle)]
        else:
            import yaml

            loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if not isinstance(loaded, dict) or not isinstance(loaded.get("documents", []), list):
                raise KnowledgeError(f"{path}: manifest must have a top-level `documents:` list")
            rows = loaded.get("documents") or []
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise KnowledgeError(f"{path}: cannot read manifest ({exc})") from exc
    except Exception as exc:
        if isinstance(exc, KnowledgeError):
            raise
        raise KnowledgeError(f"{path}: manifest is not valid YAML ({str(exc).splitlines()[0]})") from exc
    entries: dict[Path, ManifestEntry] = {}
    for number, row in enumerate(rows, start=1):
        try:
            if isinstance(row, dict) and isinstance(row.get("date"), date):
                row = {**row, "date": row["date"].isoformat()}
            entry = ManifestEntry.model_validate(row)
        except ValidationError as exc:
            problem = exc.errors()[0]
            where = ".".join(str(p) for p in problem["loc"]) or "entry"
            raise KnowledgeError(f"{path}: entry {number}: {where}: {problem['msg']}") from exc
        target = (path.parent / entry.file).resolve()
        if not target.is_file():
            raise KnowledgeError(f"{path}: entry {number}: file {entry.file!r} not found beside the manifest")
        entries[target] = entry
    return entries


class ManifestLookup:
    """Finds the manifest entry for a file in its folder or any folder up to a root; reads each manifest once."""

    def __init__(self) -> None:
        self._cache: dict[Path, dict[Path, ManifestEntry]] = {}

    def _folder(self, folder: Path) -> dict[Path, ManifestEntry]:
        if folder not in self._cache:
            merged: dict[Path, ManifestEntry] = {}
            for name in MANIFEST_NAMES:
                candidate = folder / name
                if candidate.is_file():
                    merged.update(read_manifest(candidate))
            self._cache[folder] = merged
        return self._cache[folder]

    def entry(self, file: Path, root: Path) -> ManifestEntry | None:
        """The nearest manifest entry naming `file`, looking from its folder up to `root`."""
        folder = file.parent
        while True:
            found = self._folder(folder).get(file)
            if found is not None:
                return found
            if folder == root or root not in folder.parents:
                return None
            folder = folder.parent
