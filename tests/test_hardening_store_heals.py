"""Issue 15, problems 3 and 10: a store that checks itself.

A lost or partly lost vector index is reported in one line on start, `scrutiny ingest` re-embeds what it lacks
from the stored text, `scrutiny doctor` checks and repairs (damaged files set aside and rebuilt, leftovers of killed
imports removed), and a damaged registry or index is a one-line error naming the file and the repair command.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.doctor import doctor
from bot.settings import load_settings
from knowledge.base import KnowledgeBase
from knowledge.errors import KnowledgeError

REPO = Path(__file__).resolve().parents[1]
DOCUMENTS = REPO / "bot" / "sample_pack" / "documents"
DATA = REPO / "bot" / "sample_pack" / "data"
QUESTION = "What are the council plan's priorities?"


@pytest.fixture()
def home(sample_home, tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(sample_home.home, copy)
    return copy


def _kb(home: Path, embedder) -> KnowledgeBase:  # noqa: ANN001
    return KnowledgeBase(home, embedder=embedder)


def _settings(home: Path):  # noqa: ANN202
    return load_settings(home=home, area="E07999001", llm=None, chroma_host=None, database_url=None)


def _plan_found(kb: KnowledgeBase) -> bool:
    return any("council-plan" in p.path for p in kb.search(QUESTION, k=5))


def _integrity_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "knowledge.integrity" and r.levelno >= logging.WARNING]


def test_a_lost_vector_index_is_reported_on_start_and_ingest_re_embeds_it(home: Path, shared_embedder,
                                                                          caplog: pytest.LogCaptureFixture) -> None:
    chunks = len(_kb(home, shared_embedder).registry.chunks())
    shutil.rmtree(home / "chroma")
    caplog.set_level(logging.WARNING, logger="knowledge.integrity")
    kb = _kb(home, shared_embedder)
    assert not _plan_found(kb)
    warnings = _integrity_warnings(caplog)
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert f"lacks {chunks} of the registry's {chunks} chunks" in warnings[0]
    assert "scrutiny ingest" in warnings[0] and "scrutiny doctor" in warnings[0]

    caplog.clear()
    report = _kb(home, shared_embedder).ingest([DOCUMENTS])
    assert {f.status for f in report.files} == {"unchanged"}  # the text is unchanged; only vectors were lost
    assert any(f"re-embedded {chunks} chunks" in w for w in _integrity_warnings(caplog))
    healed = _kb(home, shared_embedder)
    assert _plan_found(healed)
    assert set(healed.vectors.ids()) == {c.chunk_id for c in healed.registry.chunks()}


def test_one_documents_missing_vectors_and_orphans_are_repaired_by_doctor(home: Path, shared_embedder) -> None:
    kb = _kb(home, shared_embedder)
    plan = next(d for d in kb.registry.documents() if "council-plan" in d.path)
    plan_chunks = [c.chunk_id for c in kb.registry.chunks(plan.doc_id)]
    kb.vectors.delete(plan_chunks)
    kb.vectors.add(["ghost:0000000000:00000"], [[0.05] * 384], [{"doc_id": "ghost", "doc_type": "other",
                                                                  "classification": "public", "ord": 0}])
    settings = _settings(home)

    checked = doctor(settings, repair=False, embedder=shared_embedder)
    assert not checked.healthy
    assert any(f"lacks {len(plan_chunks)} of" in p and "1 of 7 documents" in p for p in checked.problems)
    assert any("1 chunks of documents no longer indexed" in p for p in checked.problems)
    assert len(_kb(home, shared_embedder).vectors.ids()) == len(kb.registry.chunks()) - len(plan_chunks) + 1

    repaired = doctor(settings, embedder=shared_embedder)
    assert repaired.healthy, repaired.lines
    assert any(f"re-embedded {len(plan_chunks)} chunks of 1 documents" in r for r in repaired.repaired)
    assert any("dropped 1 vectors" in r for r in repaired.repaired)
    after = _kb(home, shared_embedder)
    assert set(after.vectors.ids()) == {c.chunk_id for c in after.registry.chunks()}
    assert _plan_found(after)
    assert doctor(settings, embedder=shared_embedder).repaired == []  # nothing left to do


def test_a_damaged_vector_index_is_a_one_line_error_and_doctor_rebuilds_it(home: Path, shared_embedder) -> None:
    (home / "chroma" / "chroma.sqlite3").write_bytes(os.urandom(8192))
    with pytest.raises(KnowledgeError) as err:
        _kb(home, shared_embedder).search(QUESTION)
    message = str(err.value)
    assert "\n" not in message and str(home / "chroma" / "chroma.sqlite3") in message
    assert "scrutiny doctor" in message

    report = doctor(_settings(home), embedder=shared_embedder)
    assert report.healthy, report.lines
    assert any("set the old one aside" in r and "rebuilt it from the stored text" in r for r in report.repaired)
    assert [p.name for p in home.iterdir() if p.name.startswith("chroma.damaged-")]  # kept for inspection
    assert _plan_found(_kb(home, shared_embedder))


def test_a_damaged_registry_is_a_one_line_error_and_doctor_sets_it_aside(home: Path, shared_embedder) -> None:
    registry = home / "knowledge" / "registry.sqlite3"
    registry.write_bytes(b"not a database " * 400)
    with pytest.raises(KnowledgeError) as err:
        _kb(home, shared_embedder).documents()
    assert "\n" not in str(err.value) and str(registry) in str(err.value) and "scrutiny doctor" in str(err.value)

    report = doctor(_settings(home), embedder=shared_embedder)
    assert any("set the damaged document registry aside" in r for r in report.repaired)
    assert any("ingested again" in p and "scrutiny ingest" in p for p in report.problems)
    assert [p for p in registry.parent.iterdir() if p.name.startswith("registry.sqlite3.damaged-")]
    kb = _kb(home, shared_embedder)
    assert kb.documents() == [] and kb.vectors.ids() == []  # consistent: no orphan vectors left behind
    kb.ingest([DOCUMENTS])
    assert _plan_found(_kb(home, shared_embedder))


def _leftover(root: Path, name: str) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "values.parquet").write_bytes(b"half written")
    old = time.time() - 3600
    os.utime(folder, (old, old))
    return folder


def test_leftovers_of_a_killed_import_are_removed_by_the_next_import_and_by_doctor(home: Path,
                                                                                  shared_embedder) -> None:
    from indicators.store import IndicatorStore

    root = home / "indicators"
    first = _leftover(root, ".tmp-lgbf.0123456789")
    IndicatorStore(home).import_file(DATA / "indicators.csv", fmt="tidy", meta=DATA / "indicator_meta.csv",
                                     groups=DATA / "nearest_neighbours.csv", dataset="northbridge-sample")
    assert not first.exists()
    assert not [p for p in root.iterdir() if p.name.startswith(".tmp-")]

    second = _leftover(root, ".tmp-lgbf.abcdefabcd")
    checked = doctor(_settings(home), repair=False, embedder=shared_embedder)
    assert any(".tmp-lgbf.abcdefabcd" in p for p in checked.problems) and second.exists()
    report = doctor(_settings(home), embedder=shared_embedder)
    assert any("removed 1 leftovers" in r and ".tmp-lgbf.abcdefabcd" in r for r in report.repaired)
    assert not second.exists() and report.healthy, report.lines


def test_a_running_imports_folder_is_not_a_leftover(tmp_path: Path) -> None:
    from indicators.integrity import leftovers, mark_busy, release

    root = tmp_path / "indicators"
    folder = _leftover(root, ".tmp-lgbf.running000")
    busy = mark_busy(folder)
    try:
        assert leftovers(root) == []  # another process is writing it
    finally:
        release(busy)
    assert leftovers(root) == [folder]


def test_a_damaged_indicators_manifest_is_rebuilt_by_doctor(home: Path, shared_embedder) -> None:
    from indicators.errors import IndicatorError
    from indicators.store import IndicatorStore

    manifest = home / "indicators" / "manifest.json"
    held = [d.name for d in IndicatorStore(home).datasets()]
    manifest.write_text('{"datasets": ', encoding="utf-8")
    with pytest.raises(IndicatorError) as err:
        IndicatorStore(home).datasets()
    assert str(manifest) in str(err.value) and "scrutiny doctor" in str(err.value)
    report = doctor(_settings(home), embedder=shared_embedder)
    assert any("rebuilt the indicators manifest" in r for r in report.repaired), report.lines
    assert [d.name for d in IndicatorStore(home).datasets()] == held


def test_a_damaged_audit_database_is_set_aside_by_doctor(home: Path, shared_embedder) -> None:
    from bot.audit import AuditLog
    from bot.database import DatabaseError

    database = home / "scrutiny.db"
    database.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(DatabaseError) as err:
        AuditLog(f"sqlite:///{database}")
    assert str(database) in str(err.value) and "scrutiny doctor" in str(err.value) and "\n" not in str(err.value)
    report = doctor(_settings(home), embedder=shared_embedder)
    assert any("set the damaged audit and Slack state database aside" in r for r in report.repaired)
    assert report.healthy, report.lines
    assert AuditLog(f"sqlite:///{database}").count() == 0
    assert [p for p in home.iterdir() if p.name.startswith("scrutiny.db.damaged-")]


def _scrutiny(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCRUTINY_HOME": str(home), "SCRUTINY_AREA": "E07999001", "NO_COLOR": "1",
           "COLUMNS": "200"}
    for name in ("SCRUTINY_LLM", "CHROMA_HOST", "DATABASE_URL"):
        env.pop(name, None)
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=600, check=False)


def test_cli_warns_in_one_line_on_start_and_doctor_repairs(home: Path) -> None:
    shutil.rmtree(home / "chroma")
    asked = _scrutiny(home, "ask", QUESTION, "--json")
    assert asked.returncode == 0, asked.stderr
    warnings = [line for line in asked.stderr.splitlines() if "vector index lacks" in line]
    assert len(warnings) == 1 and "scrutiny doctor" in warnings[0], asked.stderr
    assert "Traceback" not in asked.stderr

    checked = _scrutiny(home, "doctor", "--check")
    assert checked.returncode == 1 and "problem: the vector index lacks" in checked.stderr, checked.stderr
    repaired = _scrutiny(home, "doctor")
    assert repaired.returncode == 0, repaired.stderr
    assert "repaired: re-embedded" in repaired.stdout and "ok: documents:" in repaired.stdout
    again = _scrutiny(home, "ask", QUESTION, "--json")
    assert again.returncode == 0 and "vector index" not in again.stderr
    assert '"council-plan' in again.stdout or "council-plan" in again.stdout
