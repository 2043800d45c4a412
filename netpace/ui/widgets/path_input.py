"""A field for a file's path: `~` is your home, and the rest of a name completes as you
type (shown dimmed; tab or → takes it), like a shell."""

from __future__ import annotations

import os
from pathlib import Path

from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

# A folder with more entries than this is not listed for completion (a slow disk, /proc).
MAX_ENTRIES = 5_000


def complete(value: str) -> str | None:
    """`value` with the rest of the one name it is the start of, or of the longest start
    several names share (a folder gets its `/`); None when there is nothing to add."""
    if not value or "\x00" in value:
        return None
    expanded = os.path.expanduser(value)
    folder, start = os.path.split(expanded)
    try:
        with os.scandir(folder or ".") as entries:
            names = []
            for count, entry in enumerate(entries):
                if count >= MAX_ENTRIES:
                    return None
                if entry.name.startswith(start) and (start.startswith(".") or not entry.name.startswith(".")):
                    names.append((entry.name, _is_folder(entry)))
    except OSError:
        return None
    if not names:
        return None
    if len(names) == 1:
        name, is_folder = names[0]
        rest = name[len(start):] + ("/" if is_folder else "")
    else:
        rest = os.path.commonprefix([name for name, _ in names])[len(start):]
    return value + rest if rest else None


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


class PathSuggester(Suggester):
    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete(value)


class PathInput(Input):
    """An Input that completes paths; tab takes the completion (else moves on)."""

    BINDINGS = [
        Binding("tab", "complete", "Complete", show=False, id="path.complete",
                tooltip="Take the completion shown (or move to the next field)"),
    ]

    def __init__(self, value: str = "", **kwargs) -> None:
        super().__init__(value, suggester=PathSuggester(), **kwargs)

    def action_complete(self) -> None:
        if self._suggestion and self.cursor_at_end:
            self.value = self._suggestion
            self.cursor_position = len(self.value)
        else:
            self.screen.focus_next()

    @property
    def path(self) -> Path:
        return Path(os.path.expanduser(self.value.strip()))
