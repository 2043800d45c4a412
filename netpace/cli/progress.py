"""The import's progress bar on a terminal's stderr: a thin adapter from the importers'
Progress protocol (start, advance, finish) to rich.progress, which Textual brings along.

It shows the file, the bar, the share done, the rate and the time left, and is gone
when done (transient). `netpace import` uses it only when stderr is a terminal.
"""

from __future__ import annotations

import time
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.text import Text

from ..domain.text import one_line

LABEL_WIDTH = 40
# Advances are handed to rich at most this often: an import advances once per record,
# and rich's bookkeeping per call costs more than the record's own progress is worth.
FORWARD_SECONDS = 0.05


class RateColumn(ProgressColumn):
    """Items per second ("1,250/s"), once rich has measured it."""

    def render(self, task) -> Text:
        return Text("" if task.speed is None else f"{task.speed:,.0f}/s", style="progress.data.speed")


class TerminalProgress:
    def __init__(self, stream: TextIO, *, console: Console | None = None, auto_refresh: bool = True) -> None:
        self._progress = Progress(
            # File names are user data: never markup, and no escape sequence of theirs
            # reaches the terminal (one_line below).
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            TaskProgressColumn(),
            RateColumn(),
            TimeRemainingColumn(),
            console=console or Console(file=stream),
            transient=True,
            auto_refresh=auto_refresh,
        )
        self._task = None
        self._pending = 0
        self._forwarded_at = 0.0

    def start(self, label: str, total: int) -> None:
        label = one_line(label)[:LABEL_WIDTH]
        total = max(0, total) or None  # None: rich shows a pulsing bar
        self._pending = 0
        if self._task is None:
            self._progress.start()
            self._task = self._progress.add_task(label, total=total)
        else:
            self._progress.reset(self._task, total=total, description=label)
        self._progress.refresh()

    def advance(self, amount: int = 1) -> None:
        self._pending += amount
        now = time.monotonic()
        if now - self._forwarded_at >= FORWARD_SECONDS:
            self._forward(now)

    def _forward(self, now: float) -> None:
        if self._task is not None and self._pending:
            self._progress.advance(self._task, self._pending)
        self._pending = 0
        self._forwarded_at = now

    def finish(self) -> None:
        if self._task is not None:
            self._forward(time.monotonic())
            self._progress.stop()  # transient: the bar's lines are erased
            self._progress.remove_task(self._task)
            self._task = None
