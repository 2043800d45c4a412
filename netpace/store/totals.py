"""Per-contact totals of interactions, kept up to date by every write.

Assessing a contact needs a few numbers over their whole history (how many messages each
way, asks, gives, meetings, and some first and last moments) but only the interactions
inside the decay window one by one. Computing those numbers for the whole network on
every read meant aggregating all 200,000 interactions each time; the `contact_totals`
table keeps them instead, so a whole-network read touches only the window.

Every store method that writes interactions calls `refresh` for the contacts it touched,
inside its own transaction: the totals are recomputed from those contacts' interactions
(an index range each), never adjusted by increments, so they cannot drift. A contact
without interactions has no row. `rebuild` recomputes the whole table (the migration
that adds it; a repair if anything else wrote the file).
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable

import peewee as pw

from ..domain.model import Kind
from .schema import Models

# Contacts per refresh statement: IN lists stay under SQLite's oldest limit of 999.
CHUNK = 500

# The table's columns, in the order `aggregate` selects them.
COLUMNS = (
    "contact", "total", "sent", "received", "together", "asks", "gives",
    "first_at", "last_at", "first_meeting", "last_not_meeting", "last_answer",
)


def _count(condition) -> pw.Node:
    # COUNT of a CASE that is NULL otherwise: cheaper per row than COALESCE(SUM(CASE ...)).
    return pw.fn.COUNT(pw.Case(None, [(condition, 1)], None))


def _when(condition, value) -> pw.Node:
    return pw.Case(None, [(condition, value)], None)


def aggregate(models: Models, cutoff: datetime | None = None, ids: Iterable[int] | None = None):
    """The totals computed from the interactions (up to `cutoff`, stored form, if given;
    of the contacts `ids`, if given), one row per contact, columns as `COLUMNS`."""
    i = models.interaction
    out, inbound, both = (i.direction == "out"), (i.direction == "in"), (i.direction == "both")
    query = i.select(
        i.contact,
        pw.fn.COUNT(pw.SQL("*")),
        _count(out),
        _count(inbound),
        _count(both),
        _count(out & (i.kind == Kind.ASK.value)),
        _count(out & i.kind.in_([Kind.THANKS.value, Kind.GIVE.value])),
        pw.fn.MIN(i.at),
        pw.fn.MAX(i.at),
        pw.fn.MIN(_when(both, i.at)),
        pw.fn.MAX(_when(i.direction != "both", i.at)),
        pw.fn.MAX(_when(i.direction != "out", i.at)),
    )
    if cutoff is not None:
        query = query.where(i.at <= cutoff)
    if ids is not None:
        query = query.where(i.contact.in_(list(ids)))
    return query.group_by(i.contact)


def refresh(models: Models, ids: Iterable[int]) -> None:
    """Recompute the totals of these contacts. Call inside the writing transaction."""
    t = models.totals
    fields = [getattr(t, name) for name in COLUMNS]
    for chunk in pw.chunked(sorted(set(ids)), CHUNK):
        t.delete().where(t.contact.in_(chunk)).execute()
        t.insert_from(aggregate(models, ids=chunk), fields).execute()


def rebuild(models: Models) -> None:
    """Recompute every contact's totals. Call inside a transaction."""
    t = models.totals
    t.delete().execute()
    t.insert_from(aggregate(models), [getattr(t, name) for name in COLUMNS]).execute()


def consistent(models: Models) -> bool:
    """Whether the table adds up to the interactions stored: a cheap check (two scans of
    small indexes) that catches rows written or deleted by anything but this store."""
    t, i = models.totals, models.interaction
    kept = t.select(pw.fn.COALESCE(pw.fn.SUM(t.total), 0)).scalar()
    return kept == i.select(pw.fn.COUNT(pw.SQL("*"))).scalar()
