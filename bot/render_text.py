"""Terminal rendering of answers and reports with rich."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from bot.models import Answer
    from knowledge.models import DocumentInfo, IngestReport


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def render_answer(answer: Answer, console: Console | None = None) -> None:
    """Print an answer, its questions, figures and numbered sources."""
    from rich.markup import escape
    from rich.panel import Panel

    out = console or _console()
    out.print(Panel(escape(answer.answer), title=escape(answer.question), title_align="left",
                    subtitle=answer.kind, subtitle_align="right"))
    for number, q in enumerate(answer.questions or [], start=1):
        refs = "".join(f"[{e}]" for e in q.evidence)
        out.print(f"[bold]{number}.[/] {escape(q.text)} [dim]({q.type}; {escape(q.theme)}) {escape(refs)}[/]")
        out.print(f"   [dim]Why: {escape(q.rationale)}[/]")
    if answer.chart:
        out.print(f"[dim]Chart: {escape(answer.chart)}[/]")
    if answer.citations:
        out.print("[bold]Sources[/]")
        for c in answer.citations:
            quote = c.quote if len(c.quote) <= 300 else c.quote[:297] + "..."
            out.print(f" [{c.id}] {escape(c.source)}, {escape(c.locator)}: [italic]\"{escape(quote)}\"[/]")


def render_ingest_report(report: IngestReport, console: Console | None = None) -> None:
    """Print what ingest did with each file, and why any file was skipped."""
    from rich.markup import escape
    from rich.table import Table

    out = console or _console()
    table = Table("file", "outcome", "chunks", "reason", title=f"Ingest ({report.seconds:.1f} s)")
    for f in report.files:
        colour = {"skipped": "red", "unchanged": "dim"}.get(f.status, "green")
        table.add_row(escape(f.path), f"[{colour}]{f.status}[/]", str(f.chunks), escape(f.reason or ""))
    out.print(table)


def render_import_report(report: Any, console: Console | None = None) -> None:
    """Print an indicator import summary with warnings."""
    from rich.markup import escape

    out = console or _console()
    data = report.model_dump() if hasattr(report, "model_dump") else dict(report)
    out.print(f"[green]Imported[/] dataset [bold]{escape(str(data.get('dataset')))}[/]: "
              f"{data.get('rows')} rows, {_count(data.get('indicators'))} indicators, "
              f"{_count(data.get('areas'))} areas, {_count(data.get('periods'))} periods.")
    for warning in data.get("warnings") or []:
        out.print(f"[yellow]warning:[/] {escape(str(warning))}")
    skipped = data.get("skipped") or []
    if skipped:
        out.print(f"[yellow]{len(skipped)} rows skipped[/] (first: {escape(str(skipped[0]))})")


def _count(value: Any) -> Any:
    return len(value) if isinstance(value, list | tuple | set | dict) else value


def render_documents(documents: list[DocumentInfo], console: Console | None = None) -> None:
    """Print the indexed documents as a table."""
    from rich.markup import escape
    from rich.table import Table

    out = console or _console()
    if not documents:
        out.print("No documents indexed yet: run `scrutiny ingest PATH`.")
        return
    table = Table("title", "type", "date", "classification", "chunks", title="Indexed documents")
    for d in documents:
        table.add_row(escape(d.title), d.doc_type, str(d.date or ""), d.classification, str(d.chunks))
    out.print(table)


def render_indicator_list(datasets: list[Any], indicators: list[Any], console: Console | None = None) -> None:
    """Print datasets and their indicators."""
    from rich.markup import escape
    from rich.table import Table

    out = console or _console()
    if not datasets:
        out.print("No indicator data yet: run `scrutiny indicators import PATH`.")
        return
    for ds in datasets:
        out.print(f"[bold]{escape(str(getattr(ds, 'name', ds)))}[/] "
                  f"(latest period {escape(str(getattr(ds, 'latest_period', '?')))})")
    table = Table("id", "name", "unit", "polarity", "dataset")
    for info in indicators:
        table.add_row(escape(info.indicator_id), escape(info.name), escape(info.unit), str(info.polarity or ""),
                      escape(info.dataset))
    out.print(table)


def holdings_text(holdings: Any) -> str:
    """Documents and datasets held, as plain lines (Slack's `sources`); restricted ones were filtered upstream."""
    lines = [f"Documents ({len(holdings.documents)}):"]
    lines.extend(f"\u2022 {d.title} ({str(d.doc_type).replace('_', ' ')}"
                 f"{', ' + d.date.isoformat() if getattr(d, 'date', None) else ''}"
                 f"{', restricted' if getattr(d, 'classification', '') == 'restricted' else ''})"
                 for d in holdings.documents)
    if holdings.hidden:
        lines.append(f"Plus {holdings.hidden} restricted document(s), used only in restricted channels.")
    lines.append(f"\nIndicator datasets ({len(holdings.datasets)}):")
    lines.extend(f"\u2022 {d.name}: {d.indicators} indicators, latest period {d.latest_period or 'n/a'}"
                 for d in holdings.datasets)
    return "\n".join(lines)
