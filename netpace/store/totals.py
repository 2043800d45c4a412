"""Per-contact totals of interactions, kept up to date by every write.

Assessing a contact needs a few numbers over their whole history (how many messages each
way, asks, gives, meetings, and some first and last moments) but only the interactions
inside the decay window one by one. Computing those numbers for the whole network on
every read meant aggregating all 200,000 interactions each time; the `contact_totals`
table keeps them instead, so a whole-network read touches only the window.

Every store method that writes interactions calls `refresh` for the contacts it touched,
inside its own transaction: the totals are recomputed from those contacts' interactions
(an index range each), never adjusted by increments, so they cannot drift. Messages in
group conversations are left out, as the engine leaves them out. A contact
without interactions has no row. `rebuild` recomputes the whole table (the migration
that adds it; a repair if anything else wrote the file).
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable, NamedTuple

import peewee as pw

from ..domain.model import NO_PACE, Direction, Kind, Pace
from ..domain.pace import measure
from .convert import from_db_time
from .schema import Models, insert_sql

# Contacts per refresh statement: IN lists stay under SQLite's oldest limit of 999.
CHUNK = 500

# The table's columns: those `aggregate` computes in SQL, in its order, then the pace
# (domain.pace.measure), computed here over each contact's interactions.
AGGREGATED = (
    "contact", "total", "sent", "received", "together", "asks", "gives",
    "first_at", "last_at", "first_meeting", "last_not_meeting", "last_answer", "planned_at",
)
PACE = ("reply_seconds", "replies", "gap_days", "conversations")
COLUMNS = AGGREGATED + PACE


def _count(condition) -> pw.Node:
    # COUNT of a CASE that is NULL otherwise: cheaper per row than COALESCE(SUM(CASE ...)).
    return pw.fn.COUNT(pw.Case(None, [(condition, 1)], None))


def _when(condition, value) -> pw.Node:
    return pw.Case(None, [(condition, value)], None)


def weighed(models: Models) -> pw.Node:
    """The interactions the engine weighs: not messages in group conversations."""
    return models.interaction.in_group == False  # noqa: E712  (SQL, not Python)


def aggregate(models: Models, cutoff: datetime | None = None, ids: Iterable[int] | None = None):
    """The totals computed from the interactions (up to `cutoff`, stored form, if given;
    of the contacts `ids`, if given), one row per contact, columns as `AGGREGATED`."""
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
        pw.fn.MIN(_when(i.planned == True, i.at)),  # noqa: E712  (SQL, not Python)
    ).where(weighed(models))
    if cutoff is not None:
        query = query.where(i.at <= cutoff)
    if ids is not None:
        query = query.where(i.contact.in_(list(ids)))
    return query.group_by(i.contact)


class _Step(NamedTuple):
    at: datetime
    direction: Direction


_DIRECTIONS = {d.value: d for d in Direction}


def paces(models: Models, ids: Iterable[int] | None = None) -> dict[int, Pace]:
    """Each contact's pace over their whole history (of `ids`, if given)."""
    i = models.interaction
    query = i.select(i.contact, i.at, i.direction).where(weighed(models)).order_by(i.contact, i.at, i.id)
    if ids is not None:
        query = query.where(i.contact.in_(list(ids)))
    found: dict[int, Pace] = {}
    current, steps = None, []
    sql, params = query.sql()
    for contact_id, at, direction in models.interaction._meta.database.execute_sql(sql, params):
        if contact_id != current:
            if current is not None:
                found[current] = measure(steps)
            current, steps = contact_id, []
        steps.append(_Step(from_db_time(at), _DIRECTIONS[direction]))
    if current is not None:
        found[current] = measure(steps)
    return found


def _rows(models: Models, ids: list[int] | None) -> list[tuple]:
    """Complete rows of the table for these contacts (everyone's if None)."""
    query = aggregate(models, ids=ids)
    sql, params = query.sql()
    aggregated = models.interaction._meta.database.execute_sql(sql, params).fetchall()
    pace = paces(models, ids)
    return [(*row, *pace.get(row[0], NO_PACE)) for row in aggregated]


def _write(models: Models, rows: list[tuple]) -> None:
    t = models.totals
    if rows:  # the aggregate's values come from the database: already in its form
        t._meta.database.cursor().executemany(insert_sql(t, [getattr(t, name) for name in COLUMNS]), rows)


def from_new_rows(rows: Iterable[tuple]) -> list[tuple]:
    """The table's rows for contacts whose only interactions are `rows`, just inserted in
    this order: (contact, at, direction, kind, in_group, planned), `at` in stored form.
    The values `aggregate` and `paces` would read back (an import's new contacts: reading
    50,000 rows back cost more than writing them)."""
    by_contact: dict[int, list[tuple]] = {}
    for row in rows:
        if not row[4]:  # a group message: the engine leaves it out, as `weighed` does
            by_contact.setdefault(row[0], []).append(row)
    found = []
    for contact_id, items in by_contact.items():
        ats = [row[1] for row in items]
        out = [row for row in items if row[2] == "out"]
        meetings = [row[1] for row in items if row[2] == "both"]
        not_meetings = [row[1] for row in items if row[2] != "both"]
        answers = [row[1] for row in items if row[2] != "out"]
        planned = [row[1] for row in items if row[5]]
        ordered = sorted(range(len(items)), key=lambda n: (ats[n], n))  # as read back: by time, then id
        pace = measure([_Step(from_db_time(ats[n]), _DIRECTIONS[items[n][2]]) for n in ordered])
        found.append((
            contact_id, len(items), len(out), sum(1 for row in items if row[2] == "in"), len(meetings),
            sum(1 for row in out if row[3] == Kind.ASK.value),
            sum(1 for row in out if row[3] in (Kind.THANKS.value, Kind.GIVE.value)),
            min(ats), max(ats), min(meetings, default=None), max(not_meetings, default=None),
            max(answers, default=None), min(planned, default=None), *pace,
        ))
    return found


def write_new(models: Models, rows: list[tuple]) -> None:
    """Write the totals of contacts that had no interactions before `rows` (see
    `from_new_rows`). Call inside the writing transaction."""
    t = models.totals
    ids = sorted({row[0] for row in rows})
    for chunk in pw.chunked(ids, CHUNK):  # nothing should be there; a stale row must not stay
        t.delete().where(t.contact.in_(chunk)).execute()
    _write(models, from_new_rows(rows))


def refresh(models: Models, ids: Iterable[int]) -> None:
    """Recompute the totals of these contacts. Call inside the writing transaction."""
    t = models.totals
    for chunk in pw.chunked(sorted(set(ids)), CHUNK):
        t.delete().where(t.contact.in_(chunk)).execute()
        _write(models, _rows(models, list(chunk)))


def rebuild(models: Models) -> None:
    """Recompute every contact's totals. Call inside a transaction."""
    models.totals.delete().execute()
    _write(models, _rows(models, None))


def consistent(models: Models) -> bool:
    """Whether the table adds up to the interactions stored: a cheap check (two scans of
    small indexes) that catches rows written or deleted by anything but this store."""
    t, i = models.totals, models.interaction
    kept = t.select(pw.fn.COALESCE(pw.fn.SUM(t.total), 0)).scalar()
    return kept == i.select(pw.fn.COUNT(pw.SQL("*"))).where(weighed(models)).scalar()
