"""A rich progress bar that fits the `progress(stage, done, total)` callbacks of knowledge and indicators."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def progress_bar(title: str) -> Iterator[Callable[[str, int, int], None]]:
    """Yield a callback that draws one bar per stage on stderr."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    tasks: dict[str, int] = {}
    with Progress(TextColumn(f"[bold]{title}[/] {{task.description}}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=False) as progress:

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=max(total, 1))
            progress.update(tasks[stage], completed=done, total=max(total, 1))

        yield update


def with_progress_bar(title: str, work: Callable[[Callable[[str, int, int], None]], T]) -> T:
    """Run `work(progress)` under a bar; the bar is closed before any exception leaves, so an error prints last."""
    with progress_bar(title) as progress:
        return work(progress)
