"""`scrutiny demo --moderngov`: the whole committee-papers flow offline, against the fake ModernGov service on
127.0.0.1 serving the fictional Northbridge papers: sync (with a slow listing, a malformed meeting, a failing
appendix, an HTML page served as a PDF, a huge file and a missing one), a second sync that downloads nothing, the
question pack for the next meeting, and a citation that links back to the committee system."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any


def run_moderngov_demo(home: Path | None = None, console: Any = None, embedder: Any = None) -> Path:
    """Build a fresh home, sync it from the fake service, show the pack; returns the home."""
    from rich.console import Console
    from rich.rule import Rule

    from bot.assistant import Assistant
    from bot.demo import PACK_DATA
    from bot.models import CallerContext
    from bot.moderngov.client import ModernGovClient
    from bot.moderngov.commands import print_pack, render_sync_report
    from bot.moderngov.fakeserver import DEMO_TODAY, FIXTURES, FakeModernGov, default_faults, sample_pack_documents
    from bot.moderngov.pack import build_pack
    from bot.moderngov.sync import SyncOptions, sync_moderngov
    from bot.progress import progress_bar
    from bot.render_text import render_answer
    from bot.settings import DEMO_AREA, load_settings
    from indicators.store import IndicatorStore

    console = console or Console(highlight=False)
    home = home or Path(tempfile.mkdtemp(prefix="scrutiny-moderngov-demo-"))
    home.mkdir(parents=True, exist_ok=True)
    console.print(Rule("[bold]Committee papers from ModernGov - Northbridge District Council (FICTIONAL sample)"))
    console.print(f"Data directory: {home}\nThe fake service's clock, and the pack's 'today': {DEMO_TODAY:%d %B %Y}")
    settings = load_settings(home=home, area=DEMO_AREA, llm=None, chroma_host=None)
    IndicatorStore(home).import_file(PACK_DATA / "indicators.csv", fmt="tidy", meta=PACK_DATA / "indicator_meta.csv",
                                     groups=PACK_DATA / "nearest_neighbours.csv", dataset="northbridge-sample")
    assistant = Assistant(settings, embedder=embedder)  # None: the knowledge base's default (ONNX) embedder
    with FakeModernGov(FIXTURES, sample_pack_documents(), default_faults(slow_seconds=2.0), today=DEMO_TODAY) as fake:
        console.print(f"Fake ModernGov listening at {fake.site}")
        options = SyncOptions(url=fake.site, since=DEMO_TODAY.replace(year=DEMO_TODAY.year - 1),
                              until=DEMO_TODAY.replace(year=DEMO_TODAY.year + 1),
                              council="Northbridge District Council", max_mb=5)
        for title in ("First sync", "Second sync: nothing changed, nothing downloaded"):
            console.print(Rule(title))
            client = ModernGovClient(fake.site, timeout=10, delay=0.05, backoff=0.2, retries=2, slow_after=1.0,
                                     max_bytes=5 * 1024 * 1024)
            with progress_bar("Syncing") as progress:
                report = sync_moderngov(assistant.kb, home, options, progress=progress, client=client)
            render_sync_report(report, console)
    public = CallerContext(channel="demo-public", user="demo", allow_restricted=False)
    console.print(Rule("Prepare me for the next scrutiny committee (public papers only)"))
    pack = build_pack(assistant, public, "next", today=DEMO_TODAY, per_item=5)
    print_pack(pack, as_json=False, console=console)
    console.print(Rule("A citation that links back to the committee system"))
    answer = assistant.ask("What did the Quarter 2 performance report say about household recycling?", public)
    render_answer(answer, console)
    for c in answer.citations:
        console.print(f" [{c.id}] links to {c.path}")
    return home
