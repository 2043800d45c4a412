"""Taking the network out: json (everything), csv, vCard 4.0 and an iCalendar of follow-ups."""

from __future__ import annotations

from datetime import datetime
from importlib import import_module

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
