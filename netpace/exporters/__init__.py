"""Taking the network out: json (everything), csv, vCard 4.0 and an iCalendar of follow-ups."""

from __future__ import annotations

import os
from datetime import datetime
from importlib import import_module
from pathlib import Path

from ..domain.formats import EXPORT_NAMES, EXPORTS
from ..store.store import Store
from .ics_export import DEFAULT_DAYS

FORMATS = EXPORT_NAMES


def render(format: str, store: Store, now: datetime, *, days: int = DEFAULT_DAYS) -> bytes:
    """The file for `format` (a name from the table of formats, netpace.domain.formats)."""
    if format not in EXPORTS:
        raise ValueError(f"unknown export format {format!r}")
    writer = import_module(f"{__name__}.{EXPORTS[format].writer}")
    if format == "ics":  # the only one that looks ahead
        return writer.render(store, now, days)
    return writer.render(store, now)


def target_problem(path: Path) -> str | None:
    """Why an export can't be written to `path` (one sentence naming the folder or file),
    or None. Checked before anything is read, by the command line and the app alike."""
    from ..domain.text import one_line

    if path.is_dir():
        return f"{one_line(str(path))} is a folder: add a file name."
    folder = path.parent
    if not folder.is_dir():
        if folder.exists():
            return f"Can't write {one_line(str(path))}: {one_line(str(folder))} is not a folder."
        return f"Can't write {one_line(str(path))}: there is no folder {one_line(str(folder))}."
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"Can't write in {one_line(str(folder))}: permission denied."
    return None
