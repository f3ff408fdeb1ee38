"""The indicator store's self-check: its manifest, and what a killed import leaves behind.

An import writes a dataset into a hidden `.tmp-NAME.ID` folder, renames it into place, then switches
`manifest.json` (`indicators.store`). A kill can leave the temporary folder, a temporary manifest or a renamed
folder the manifest never named. The import holds an advisory lock on its temporary folder while it writes, so a
folder nobody holds is a leftover: the next import and `scrutiny doctor` remove them. A manifest that cannot be
read, or that names a folder that is not there, is a one-line IndicatorError naming the file and `scrutiny doctor`,
which rebuilds it from the dataset folders.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from indicators.errors import IndicatorError

MANIFEST = "manifest.json"
TMP_PREFIX = ".tmp-"
# A folder younger than this is never a leftover: the writer may not have taken its lock yet.
MIN_AGE_SECONDS = 5.0
# A renamed dataset folder the manifest does not name is an orphan only once this old (the switch takes a moment).
ORPHAN_AGE_SECONDS = 600.0
DOCTOR = "scrutiny doctor"


def mark_busy(folder: Path) -> int:
    """Hold an advisory lock on `folder` while writing into it; returns the descriptor to pass to `release`."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # no advisory locks on this platform: age alone decides
        pass
    except OSError:
        os.close(fd)
        raise
    return fd


def release(fd: int) -> None:
    """Let go of a `mark_busy` lock."""
    os.close(fd)


def _busy(folder: Path) -> bool:
    try:
        import fcntl
    except ImportError:
        return time.time() - folder.stat().st_mtime < ORPHAN_AGE_SECONDS
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return True  # vanished or unreadable: leave it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True  # a running import holds it
    finally:
        os.close(fd)
    return False


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def leftovers(root: Path) -> list[Path]:
    """Temporary folders and files no running import holds, and dataset folders the manifest does not name."""
    if not root.is_dir():
        return []
    found: list[Path] = []
    for path in sorted(root.iterdir()):
        if path.name.startswith(TMP_PREFIX) and path.is_dir():
            if _age(path) >= MIN_AGE_SECONDS and not _busy(path):
                found.append(path)
        elif path.name.startswith(f".{MANIFEST}.") and path.is_file() and _age(path) >= ORPHAN_AGE_SECONDS:
            found.append(path)
    try:
        named = {entry["dir"] for entry in read_manifest(root)["datasets"].values()}
    except IndicatorError:
        return found  # a damaged manifest cannot say which folders are orphans
    for path in sorted(root.iterdir()):
        if (path.is_dir() and not path.name.startswith(".") and path.name not in named
                and (path / "meta.json").exists() and _age(path) >= ORPHAN_AGE_SECONDS):
            found.append(path)
    return found


def remove_leftovers(root: Path) -> list[Path]:
    """Remove what `leftovers` finds; returns what was removed."""
    removed = []
    for path in leftovers(root):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        if not path.exists():
            removed.append(path)
    return removed


def read_manifest(root: Path) -> dict[str, Any]:
    """The manifest (`{"datasets": {name: {"dir": folder}}}`), every named folder checked to be there."""
    path = root / MANIFEST
    if not path.exists():
        return {"datasets": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise IndicatorError(f"the indicators manifest {path} cannot be read ({str(exc).splitlines()[0]}): run "
                             f"`{DOCTOR}` to rebuild it from the dataset folders") from None
    datasets = data.get("datasets") if isinstance(data, dict) else None
    if not isinstance(datasets, dict) or not all(isinstance(v, dict) and isinstance(v.get("dir"), str)
                                                 for v in datasets.values()):
        raise IndicatorError(f"the indicators manifest {path} is not in the expected form "
                             f"({{\"datasets\": {{name: {{\"dir\": folder}}}}}}): run `{DOCTOR}` to rebuild it from "
                             "the dataset folders")
    for name, entry in datasets.items():
        folder = root / entry["dir"]
        if not (folder / "meta.json").is_file() or not (folder / "values.parquet").is_file():
            raise IndicatorError(f"the indicators manifest {path} names dataset {name!r} in {folder}, which is missing "
                                 f"or incomplete: run `{DOCTOR}` to rebuild the manifest from the dataset folders")
    return data


def manifest_problem(root: Path) -> str | None:
    """Why the manifest cannot be used, or None."""
    try:
        read_manifest(root)
    except IndicatorError as exc:
        return str(exc)
    return None


def rebuild_manifest(root: Path) -> list[str]:
    """Write a manifest naming, for each dataset, its newest complete folder; the old manifest is kept aside.

    Returns the dataset names it now holds.
    """
    newest: dict[str, tuple[str, str]] = {}  # name -> (imported_at, folder)
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if folder.name.startswith(".") or not folder.is_dir() or not (folder / "values.parquet").is_file():
            continue
        try:
            info = json.loads((folder / "meta.json").read_text(encoding="utf-8"))["info"]
            name, at = str(info["name"]), str(info.get("imported_at") or "")
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if name not in newest or at > newest[name][0]:
            newest[name] = (at, folder.name)
    path = root / MANIFEST
    if path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path.rename(root / f"{MANIFEST}.damaged-{stamp}")
    manifest = {"datasets": {name: {"dir": folder} for name, (_, folder) in sorted(newest.items())}}
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".{MANIFEST}.{uuid.uuid4().hex[:8]}"
    tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(tmp, path)
    return sorted(newest)
