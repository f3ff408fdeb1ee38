"""What the command line runs for committee papers, so bot/cli.py only parses options: the sync with its
progress bar and summary, the meeting question pack, its briefing notes, and the scheduled refresh of `serve`."""

from __future__ import annotations

import json
import logging
import sys
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.moderngov.sync import SyncOptions, SyncReport, sync_moderngov

if TYPE_CHECKING:
    from rich.console import Console

    from bot.assistant import Assistant
    from bot.models import CallerContext
    from bot.moderngov.pack import MeetingPack
    from bot.settings import Settings

log = logging.getLogger(__name__)


def _knowledge(settings: Settings, embedder: Any = None):  # noqa: ANN202
    return settings.knowledge_base(embedder)  # the one way the CLI and the assistant open it


def run_sync(settings: Settings, options: SyncOptions, progress: Any = None, embedder: Any = None,
             kb: Any = None) -> SyncReport:
    """One sync into the settings' knowledge base (none touched for a dry run)."""
    options = options.model_copy(update={"max_mb": min(options.max_mb, settings.max_file_mb)})
    kb = None if options.dry_run else (kb or _knowledge(settings, embedder))
    return sync_moderngov(kb, settings.home, options, progress=progress)


def render_sync_report(report: SyncReport, console: Console | None = None, show_unchanged: bool = False) -> None:
    """The summary: counts by status, then every paper that was not simply unchanged, with its reason."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    out = console or Console(highlight=False)
    counts = report.counts
    head = "Dry run (nothing downloaded or ingested)" if report.dry_run else "Sync"
    out.print(f"[bold]{head}[/] of {escape(report.service)}: {len(report.committees)} committees "
              f"({escape(', '.join(report.committees))}), {report.meetings} meetings; "
              f"{report.downloads} papers downloaded, {report.requests} requests.")
    out.print(" ".join(f"{name}: [bold]{n}[/]" for name, n in counts.items()))
    table = Table("status", "document", "class.", "reason", title="Papers", show_lines=False)
    colour = {"new": "green", "changed": "cyan", "unchanged": "dim", "skipped": "yellow", "failed": "red"}
    for p in report.papers:
        if p.status == "unchanged" and not show_unchanged:
            continue
        table.add_row(f"[{colour[p.status]}]{p.status}[/]", escape(p.title), p.classification,
                      escape(p.reason or ""))
    if table.row_count:
        out.print(table)
    for note in report.recovered:
        out.print(f"[yellow]recovered:[/] {escape(note)}")
    for problem in report.problems:
        out.print(f"[red]problem:[/] {escape(problem)}")


def print_sync_json(report: SyncReport) -> None:
    """The report as one JSON object (counts included)."""
    data = report.model_dump(mode="json")
    data["counts"] = report.counts
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


def meeting_pack(assistant: Assistant, caller: CallerContext, meeting: str, committee: str | None,
                 area: str | None, per_item: int, today: date | None = None) -> MeetingPack:
    """The question pack for `meeting` (an id or `next`)."""
    from bot.moderngov.pack import build_pack

    return build_pack(assistant, caller, meeting, committee=committee, area=area, today=today, per_item=per_item)


def print_pack(pack: MeetingPack, as_json: bool, console: Console | None = None) -> None:
    """The pack as the JSON contract (plus `meeting`), or item by item as text."""
    if as_json:
        sys.stdout.write(json.dumps(pack.to_contract(), ensure_ascii=False) + "\n")
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.rule import Rule

    from bot.render_text import render_answer

    out = console or Console(highlight=False)
    whole = pack.to_answer()
    out.print(f"[bold]{escape(whole.question)}[/]")
    out.print(escape(whole.answer))
    for item in pack.items:
        out.print(Rule(escape(item.label)))
        for paper in item.papers:
            out.print(f"[dim]paper: {escape(paper.title)} <{escape(paper.url)}>[/]")
        render_answer(item.answer, out)


def write_briefs(assistant: Assistant, pack: MeetingPack, out: Path) -> list[Path]:
    """Briefing notes for the pack (a folder of notes, or one .md/.docx pack)."""
    from bot.moderngov.briefs import write_meeting_briefs

    return write_meeting_briefs(pack, assistant.store if assistant.store.datasets() else None, out)


class Refresher:
    """`scrutiny serve --sync-moderngov URL`: a daemon thread that syncs every `hours`, never blocking answers
    (the knowledge base switches each paper in one transaction, so readers see the old version or the new)."""

    def __init__(self, settings: Settings, options: SyncOptions, hours: float, embedder: Any = None) -> None:
        self.settings, self.options, self.seconds, self.embedder = settings, options, max(hours, 0.01) * 3600, embedder
        self.stopped = threading.Event()
        self.runs = 0
        self.last: SyncReport | None = None
        self.thread = threading.Thread(target=self._loop, name="moderngov-refresh", daemon=True)

    def start(self) -> Refresher:
        """Start the first sync now, then every interval."""
        self.thread.start()
        return self

    def stop(self) -> None:
        """Stop after the sync in progress, if any."""
        self.stopped.set()

    def _loop(self) -> None:
        kb = None
        while not self.stopped.is_set():
            try:
                kb = kb or _knowledge(self.settings, self.embedder)  # one model load for every refresh
                self.last = run_sync(self.settings, self.options, kb=kb)
                log.info("committee papers synced: %s", self.last.counts)
            except Exception:  # noqa: BLE001 - a failed refresh is logged and tried again next time
                log.exception("committee papers sync failed")
            self.runs += 1
            self.stopped.wait(self.seconds)
