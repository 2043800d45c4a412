"""A one-line progress bar on a terminal's stderr, for long imports."""

from __future__ import annotations

import time
from typing import Callable, TextIO

from .domain.text import one_line

WIDTH = 28
REDRAW_SECONDS = 0.1


class TerminalProgress:
    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic):
        self.stream = stream
        self.clock = clock
        self.label = ""
        self.total = 0
        self.done = 0
        self._drawn_at = 0.0
        self._visible = False

    def start(self, label: str, total: int) -> None:
        # File names are user data: no escape sequence of theirs reaches the terminal.
        self.label = one_line(label)[:40]
        self.total = max(0, total)
        self.done = 0
        self._draw()

    def advance(self, amount: int = 1) -> None:
        self.done += amount
        if self.clock() - self._drawn_at >= REDRAW_SECONDS:
            self._draw()

    def finish(self) -> None:
        if self._visible:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._visible = False

    def _draw(self) -> None:
        self._drawn_at = self.clock()
        share = min(1.0, self.done / self.total) if self.total else 0.0
        filled = int(share * WIDTH)
        bar = "#" * filled + "-" * (WIDTH - filled)
        self.stream.write(f"\r{self.label} [{bar}] {share:4.0%}")
        self.stream.flush()
        self._visible = True
