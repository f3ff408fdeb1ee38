"""`scrutiny demo`: build a fresh home from the fictional sample pack and show worked examples."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.settings import DEMO_AREA, Settings, load_settings

PACK = Path(__file__).resolve().parent / "sample_pack"
PACK_DOCUMENTS = PACK / "documents"
PACK_DATA = PACK / "data"

Progress = Callable[[str, int, int], None]


def prepare_home(home: Path, progress: Progress | None = None, embedder: object | None = None) -> Settings:
    """Ingest the sample documents and import the sample indicators into `home`; return settings for it."""
    from indicators.store import IndicatorStore
    from knowledge.base import KnowledgeBase

    home.mkdir(parents=True, exist_ok=True)
    settings = load_settings(home=home, area=DEMO_AREA, llm=None, chroma_host=None)
    kb = KnowledgeBase(home, embedder=embedder, embedder_kind=settings.embedder)
    report = kb.ingest([PACK_DOCUMENTS], progress=progress)
    skipped = [f for f in report.files if f.status == "skipped"]
    if skipped:
        raise RuntimeError(f"sample pack document skipped: {skipped[0].path}: {skipped[0].reason}")
    IndicatorStore(home).import_file(PACK_DATA / "indicators.csv", fmt="tidy", meta=PACK_DATA / "indicator_meta.csv",
                                     groups=PACK_DATA / "nearest_neighbours.csv", dataset="northbridge-sample",
                                     progress=progress)
    return settings


EXAMPLES: list[tuple[str, str]] = [
    ("A document question", "What are the council plan's priorities?"),
    ("An indicator question", "How has our household recycling rate changed since 2019?"),
    ("Indicator and documents together",
     "How are we doing on homelessness prevention and what did the peer challenge say about it?"),
    ("Against similar councils", "How does our council tax collection rate compare with our nearest neighbours?"),
    ("Out of scope: it says it doesn't know", "What is the capital of Peru?"),
]


def run_demo(home: Path | None = None, console: Any = None, embedder: Any = None) -> Path:
    """Build the demo home (fresh temp dir by default), then print worked examples; return the home."""
    from rich.console import Console
    from rich.rule import Rule

    from bot.assistant import Assistant
    from bot.conversation import Conversation
    from bot.models import CallerContext
    from bot.progress import progress_bar
    from bot.render_text import render_answer, render_documents

    console = console or Console(highlight=False)
    home = home or Path(tempfile.mkdtemp(prefix="scrutiny-demo-"))
    console.print(Rule("[bold]Scrutiny assistant demo - Northbridge District Council (FICTIONAL sample)"))
    console.print(f"Data directory: {home}")
    from knowledge.embedding import make_embedder, model_cache_dir

    # One model load shared by ingest and the questions below, on the runtime the settings choose (ONNX unless
    # SCRUTINY_EMBEDDER says otherwise), so the demo pays for torch only when asked to.
    kind = load_settings(home=home, area=DEMO_AREA, llm=None, chroma_host=None).embedder
    embedder = embedder or make_embedder(kind, model_cache_dir(home))
    with progress_bar("Loading sample pack") as progress:
        settings = prepare_home(home, progress, embedder=embedder)
    assistant = Assistant(settings, embedder=embedder)
    render_documents(assistant.kb.documents(), console)

    public = CallerContext(channel="demo-public", user="demo", allow_restricted=False)
    for title, question in EXAMPLES:
        console.print(Rule(title))
        render_answer(assistant.ask(question, public), console)

    console.print(Rule("A conversation: follow-ups use what was asked before"))
    conversation = Conversation()
    for question in ("How has our recycling rate changed?", "and compared with Eastmere?", "why?"):
        console.print(f"[bold]> {question}[/]")
        render_answer(assistant.ask(question, public, conversation=conversation), console)

    console.print(Rule("Trend with a chart"))
    chart = home / "charts" / "council-tax-collection.png"
    answer = assistant.trend("council tax collection", public, chart=chart)
    render_answer(answer, console)

    console.print(Rule("Restricted (exempt) documents are used only where allowed"))
    question = "What is proposed for the Harrow Lane depot?"
    console.print("[bold]In a public channel:[/]")
    render_answer(assistant.ask(question, public), console)
    console.print("[bold]In a restricted channel:[/]")
    render_answer(assistant.ask(question, public.model_copy(update={"allow_restricted": True})), console)

    console.print(Rule("Challenge questions for a chair"))
    render_answer(assistant.questions("waste and recycling", public), console)

    console.print(Rule("A pre-scrutiny briefing note"))
    note = home / "briefing-waste-and-recycling.docx"
    answer = assistant.brief("waste and recycling", public, out=note)
    console.print(f"Briefing note written to {note} with {len(answer.questions or [])} suggested questions and "
                  f"{len(answer.citations)} sources.")
    console.print(Rule())
    console.print(f"Try it yourself: SCRUTINY_HOME={home} SCRUTINY_AREA={DEMO_AREA} scrutiny ask \"...\"")
    return home
