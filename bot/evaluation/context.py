"""What the evaluation sections share: the run's context (embedding model, sample home, real data, answers) and
where ../shared is. Every section module imports this one; none imports the runner (no import cycle)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.evaluation.report import Section
from bot.evaluation.sets import SHARED

if TYPE_CHECKING:
    from rich.console import Console

    from bot.assistant import Assistant
    from bot.models import Answer

__all__ = ["EvalContext", "shared_dir", "shared_missing"]


class EvalContext:
    """What the sections share: the one embedding model, the sample home, the collected answers."""

    def __init__(self, fast: bool, work: Path, embedder: Any, shared: Path | None, console: Console) -> None:
        self.fast = fast
        self.work = work
        self.embedder = embedder
        self.shared = shared
        self.console = console
        self.answers: list[Answer] = []  # every answer whose citations are checked
        self.challenge_answers: dict[str, Answer] = {}  # sample-pack challenge questions by topic
        self._sample: Assistant | None = None
        self._real: Any = None
        self._real_assistant: Assistant | None = None
        self.corpus_assistant: Assistant | None = None  # set by the corpus retrieval section
        self.corpus_answers: list[Answer] = []

    def real_store(self) -> Any:
        """An indicator store holding the real LGBF and Oflog data from ../shared/data (imported once)."""
        if self._real is None:
            from indicators.store import IndicatorStore

            assert self.shared is not None
            data = self.shared / "data"
            store = IndicatorStore(self.work / "real")
            store.import_file(data / "lgbf", fmt="lgbf", dataset="lgbf")
            store.import_file(data / "oflog_asc" / "asc_data.csv", fmt="oflog",
                              groups=data / "oflog_asc" / "nearest_neighbours.json", dataset="oflog-asc")
            self._real = store
        return self._real

    def real_assistant(self) -> Assistant:
        """An assistant over the real data's home (no documents, no LLM)."""
        if self._real_assistant is None:
            from bot.assistant import Assistant
            from bot.settings import load_settings

            home = self.real_store().home
            self._real_assistant = Assistant(load_settings(home=home, area=None, llm=None, chroma_host=None),
                                             embedder=self.embedder)
        return self._real_assistant

    def real_raw(self) -> dict[str, Any]:
        """The real data's raw tables, read again for the independent recomputation."""
        from bot.evaluation.raw import load_lgbf, load_oflog

        assert self.shared is not None
        data = self.shared / "data"
        return {"lgbf": load_lgbf("lgbf", data / "lgbf"), "oflog-asc": load_oflog("oflog-asc", data / "oflog_asc")}

    @property
    def sample(self) -> Assistant:
        """An assistant over a fresh home built from the sample pack."""
        if self._sample is None:
            from bot.assistant import Assistant
            from bot.demo import prepare_home

            self.console.print("Building the sample-pack home ...")
            settings = prepare_home(self.work / "sample", embedder=self.embedder)
            self._sample = Assistant(settings, embedder=self.embedder)
        return self._sample


def shared_dir() -> tuple[Path | None, str]:
    """../shared beside the repo (or SCRUTINY_SHARED), with the reason when it is unusable."""
    path = Path(os.environ.get("SCRUTINY_SHARED", SHARED))
    if (path / "corpus").is_dir() and (path / "data").is_dir():
        return path, ""
    return None, f"{path} (corpus/ and data/) not found"


def shared_missing(section: Section) -> Section:
    """The section skipped (or failed, under SCRUTINY_REQUIRE_SHARED=1) because ../shared is absent."""
    _, reason = shared_dir()
    if os.environ.get("SCRUTINY_REQUIRE_SHARED") == "1":
        section.status, section.reason = "failed", f"SCRUTINY_REQUIRE_SHARED=1 but {reason}"
    else:
        section.status, section.reason = "skipped", reason
    return section
