"""`scrutiny doctor`: check the data directory and repair what can be repaired without the source files.

What it checks, in order, each reported in one line (`ok`, `repaired` or `problem`):
- leftovers of killed indicator imports (`.tmp-NAME.*` folders, temporary manifests, unnamed dataset folders):
  removed;
- the indicators manifest: rebuilt from the dataset folders when it cannot be read or names a missing folder;
- the document registry (`knowledge/registry.sqlite3`): a damaged file is set aside (kept, renamed
  `….damaged-TIME`) and an empty registry started; the documents must then be ingested again;
- the vector index (`chroma/`, or the Chroma server): a damaged embedded index is set aside and rebuilt from the
  registry's stored text; an index of another model is rebuilt with this one;
- the registry against the vector index, chunk ids per document: missing chunks are re-embedded from the stored
  text, vectors of documents no longer indexed dropped;
- the audit and Slack state database (`DATABASE_URL`, or `scrutiny.db` in the data directory): a damaged SQLite
  file is set aside (kept for the monitoring officer) and a new one started; a server that does not answer is
  reported.
With `repair=False` nothing is changed and every finding is a problem. Repair while no ingest is running: an
ingest adds its vectors a moment before the registry names them, and the doctor would drop them as orphans.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from prompts.errors import ScrutinyError

if TYPE_CHECKING:
    from pathlib import Path

    from bot.settings import Settings

Progress = Callable[[str, int, int], None]


class _Lines(list):
    """One kind of finding; each line added is also recorded, in order, in the report's `lines`."""

    def __init__(self, kind: str, lines: list[tuple[str, str]]) -> None:
        super().__init__()
        self._kind, self._lines = kind, lines

    def append(self, line: str) -> None:  # type: ignore[override]
        super().append(line)
        self._lines.append((self._kind, line))


@dataclass
class DoctorReport:
    """What the doctor found: lines that passed, lines it repaired, lines still wrong (or needing the user);
    `lines` holds all of them as (kind, line) in the order they were found."""

    lines: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.ok = _Lines("ok", self.lines)
        self.repaired = _Lines("repaired", self.lines)
        self.problems = _Lines("problem", self.lines)

    @property
    def healthy(self) -> bool:
        return not self.problems


def doctor(settings: Settings, repair: bool = True, progress: Progress | None = None,
           embedder: Any = None) -> DoctorReport:
    """Check (and unless `repair` is False, repair) the data directory of `settings`."""
    report = DoctorReport()
    _indicators(settings.home / "indicators", settings.home, repair, report)
    _knowledge(settings, repair, report, progress, embedder)
    _database(settings, repair, report)
    return report


def _names(paths: list[Path]) -> str:
    shown = ", ".join(p.name for p in paths[:3])
    return shown + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")


# -- indicators ---------------------------------------------------------------------------------------------------
def _indicators(root: Path, home: Path, repair: bool, report: DoctorReport) -> None:
    from indicators import integrity
    from indicators.store import IndicatorStore

    found = integrity.leftovers(root)
    if found and repair:
        removed = integrity.remove_leftovers(root)
        report.repaired.append(f"removed {len(removed)} leftovers of killed indicator imports ({_names(removed)})")
    elif found:
        report.problems.append(f"{len(found)} leftovers of killed indicator imports ({_names(found)}); "
                               "`scrutiny doctor` removes them")
    problem = integrity.manifest_problem(root)
    if problem and repair:
        names = integrity.rebuild_manifest(root)
        report.repaired.append(f"rebuilt the indicators manifest from the dataset folders ({len(names)} datasets: "
                               f"{', '.join(names) or 'none'})")
    elif problem:
        report.problems.append(problem)
    try:
        store = IndicatorStore(home)
        datasets = store.datasets()
        report.ok.append(f"indicators: {len(datasets)} datasets, {len(store.indicators())} indicators")
    except ScrutinyError as exc:
        report.problems.append(str(exc))
    except Exception as exc:  # noqa: BLE001 - a damaged dataset file surfaces as many types; say which
        report.problems.append(f"indicators: a dataset under {root} cannot be read ({type(exc).__name__}: "
                               f"{_first_line(exc)}); import it again with `scrutiny indicators import`")


# -- documents ----------------------------------------------------------------------------------------------------
def _knowledge(settings: Settings, repair: bool, report: DoctorReport, progress: Progress | None,
               embedder: Any) -> None:
    from knowledge import integrity
    from knowledge.base import KnowledgeBase
    from knowledge.errors import KnowledgeError

    def make() -> KnowledgeBase:
        # The embedder the settings describe (runtime, model folder, endpoint), so a repair re-embeds with the model
        # every other command searches with.
        kb = settings.knowledge_base(embedder=embedder)
        kb.integrity_quiet = True  # the doctor reports mismatches itself
        return kb

    registry = settings.home / "knowledge" / "registry.sqlite3"
    problem = integrity.registry_problem(registry)
    if problem and repair:
        moved = integrity.set_aside(registry)
        report.repaired.append(f"set the damaged document registry aside as {moved} ({problem}) and started an "
                               "empty one")
        report.problems.append("the documents indexed before must be ingested again: `scrutiny ingest PATH...`")
    elif problem:
        report.problems.append(f"the document registry {registry} is damaged ({problem}); `scrutiny doctor` sets it "
                               "aside and starts an empty one")
        return
    kb = make()
    try:
        documents = len(kb.registry.documents())
    except KnowledgeError as exc:
        report.problems.append(str(exc))
        return
    try:
        kb.vectors.check()
    except KnowledgeError as exc:
        if settings.chroma_host or not repair:
            report.problems.append(str(exc))
            return
        try:
            moved, chunks = integrity.rebuild_vectors(kb, progress)
        except KnowledgeError as again:
            report.problems.append(str(again))
            return
        where = f"set the old one aside as {moved} and " if moved else ""
        cause = _first_line(exc).split(": run `")[0]  # the error's own advice is what the doctor just did
        report.repaired.append(f"{cause}: {where}rebuilt it from the stored text ({chunks} chunks of {documents} "
                               "documents)")
        kb = make()
    found = integrity.compare(kb)
    if found.ok:
        report.ok.append(f"documents: {found.describe()}")
        return
    if not repair:
        report.problems.append(f"{found.describe()}; `scrutiny doctor` re-embeds them from the stored text")
        return
    integrity.heal(kb, progress, found=found)
    done = []
    if found.missing:
        done.append(f"re-embedded {found.missing_chunks} chunks of {len(found.missing)} documents the vector index "
                    "lacked, from the stored text")
    if found.orphans:
        done.append(f"dropped {len(found.orphans)} vectors of documents no longer indexed")
    report.repaired.append("; ".join(done))
    after = integrity.compare(kb)
    (report.ok if after.ok else report.problems).append(f"documents: {after.describe()}")


# -- audit and state database -------------------------------------------------------------------------------------
def _sqlite_problem(path: Path) -> str | None:
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            result = db.execute("PRAGMA quick_check").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if result and result[0] == "ok" else str(result[0] if result else "no answer")


def _database(settings: Settings, repair: bool, report: DoctorReport) -> None:
    from bot.audit import AuditLog
    from bot.database import safe_url, sqlite_path
    from bot.state import SharedState
    from knowledge.integrity import set_aside

    url = settings.database
    path = sqlite_path(url)
    if path is not None:
        problem = _sqlite_problem(path)
        if problem and not repair:
            report.problems.append(f"the audit and Slack state database {path} is damaged ({problem}); "
                                   "`scrutiny doctor` sets it aside and starts a new one")
            return
        if problem:
            moved = set_aside(path)
            report.repaired.append(f"set the damaged audit and Slack state database aside as {moved} ({problem}; kept "
                                   "for the monitoring officer) and started a new one")
        if not path.exists() and not repair:
            report.ok.append(f"audit and state database: not created yet ({path})")
            return
    try:
        audit = AuditLog(url)
        SharedState(url, engine=audit.engine)
        report.ok.append(f"audit and state database: {audit.count()} audit records ({path or safe_url(url)})")
    except ScrutinyError as exc:
        report.problems.append(str(exc))


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
