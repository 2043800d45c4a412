"""Taking the network out: json (everything), csv, vCard 4.0 and an iCalendar of follow-ups."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

from ..store.store import Store
from . import csv_export, ics_export, json_export, vcard_export

FORMATS = ("json", "csv", "vcard", "ics")


def render(format: str, store: Store, now: datetime, *, days: int = ics_export.DEFAULT_DAYS) -> bytes:
    if format == "json":
        return json_export.render(store, now)
    if format == "csv":
        return csv_export.render(store, now)
    if format == "vcard":
        return vcard_export.render(store, now)
    if format == "ics":
        return ics_export.render(store, now, days)
    raise ValueError(f"unknown export format {format!r}")


def write_private(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all, readable by its owner only (0600)."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
