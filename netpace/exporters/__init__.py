"""Taking the network out: json (everything), csv, vCard 4.0 and an iCalendar of follow-ups."""

from __future__ import annotations

from datetime import datetime

from ..store.private_files import write_private
from ..store.store import Store
from . import csv_export, ics_export, json_export, vcard_export

FORMATS = ("json", "csv", "vcard", "ics")

__all__ = ["FORMATS", "render", "write_private"]


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
