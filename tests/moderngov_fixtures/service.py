"""One fake ModernGov service and one home synced from it, shared by the connector's test modules (built on
first use, stopped and removed when the test process ends). The papers are generated (papers.py); the embedder
is the ONNX one every `scrutiny` process uses, so the CLI can be run on the same home."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.moderngov.fakeserver import FIXTURES, FakeModernGov, default_faults
from bot.moderngov.sync import SyncOptions, SyncReport, sync_moderngov
from moderngov_fixtures.papers import generate_papers

AREA = "E07999001"
COUNCIL = "Northbridge District Council"


@dataclass
class Synced:
    """The running fake service and a home synced once from it."""

    fake: FakeModernGov
    root: Path
    home: Path
    papers: dict[str, Path]
    report: SyncReport
    embedder: Any
    settings: Any

    def options(self, **changes: Any) -> SyncOptions:
        """Sync options for this service, quick retries and a 1 s timeout (the slow listing takes 1.5 s)."""
        return sync_options(self.fake, **changes)

    def url(self, attachment: str) -> str:
        """A paper's public URL as the fixtures give it."""
        return {"5001": f"{self.fake.base_url}/mgConvert2PDF.aspx?ID=5001",
                "5004": f"{self.fake.base_url}/mgConvert2PDF.aspx?ID=5004"}[attachment]


def sync_options(fake: FakeModernGov, **changes: Any) -> SyncOptions:
    """Options for the fake service: the whole fixture window, polite settings made quick for tests."""
    base = {"url": fake.site, "delay": 0.0, "timeout": 1.0, "retries": 2, "backoff": 0.01, "council": COUNCIL,
            "max_mb": 5.0}
    return SyncOptions(**{**base, **changes})


@lru_cache(maxsize=1)
def onnx_embedder() -> Any:
    """The default (ONNX) embedder, loaded once for the test process."""
    from knowledge.embedding import make_embedder

    cache = Path(tempfile.mkdtemp(prefix="mg-models-"))
    atexit.register(shutil.rmtree, cache, True)
    return make_embedder("onnx", cache)


def import_indicators(home: Path) -> None:
    """The sample pack's fictional indicators (Northbridge and its neighbours), so items' indicators resolve."""
    from bot.demo import PACK_DATA
    from indicators.store import IndicatorStore

    IndicatorStore(home).import_file(PACK_DATA / "indicators.csv", fmt="tidy", meta=PACK_DATA / "indicator_meta.csv",
                                     groups=PACK_DATA / "nearest_neighbours.csv", dataset="northbridge-sample")


def new_fake(papers: dict[str, Path], today: date | None = None) -> FakeModernGov:
    """A started fake service with the fixtures' faults (stopped when the process ends)."""
    fake = FakeModernGov(FIXTURES, papers, default_faults(slow_seconds=1.5), today=today or date.today()).start()
    atexit.register(fake.stop)
    return fake


@lru_cache(maxsize=1)
def synced() -> Synced:
    """The shared service and home: one full sync already done."""
    from bot.settings import load_settings
    from knowledge.base import KnowledgeBase

    root = Path(tempfile.mkdtemp(prefix="mg-tests-"))
    atexit.register(shutil.rmtree, root, True)
    papers = generate_papers(root / "papers")
    fake = new_fake(papers)
    home = root / "home"
    import_indicators(home)
    kb = KnowledgeBase(home, embedder=onnx_embedder())
    report = sync_moderngov(kb, home, sync_options(fake))
    settings = load_settings(home=home, area=AREA, llm=None, chroma_host=None)
    return Synced(fake=fake, root=root, home=home, papers=papers, report=report, embedder=onnx_embedder(),
                  settings=settings)
