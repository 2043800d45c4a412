"""Small builders shared by the tests."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import pendulum

from netpace.domain.model import Channel, Contact, Direction, Interaction, Kind, MetVia

def examples(count: int) -> int:
    """How many examples a property test tries: `count`, or a tenth of it (at least 30)
    while a mutation run tests one planted bug (mutmut sets MUTANT_UNDER_TEST), so that
    thousands of mutants finish in an afternoon."""
    return max(30, count // 10) if os.environ.get("MUTANT_UNDER_TEST") else count


NOW = pendulum.datetime(2026, 11, 26, 10, 0, tz="Europe/Berlin")


def at(now: datetime = NOW, *, days: float = 0, hours: float = 0, minutes: float = 0) -> datetime:
    return now - timedelta(days=days, hours=hours, minutes=minutes)


def out(when: datetime, kind: Kind = Kind.UPDATE, channel: Channel = Channel.EMAIL, note: str = "") -> Interaction:
    return Interaction(at=when, direction=Direction.OUT, channel=channel, kind=kind, note=note)


def inbound(when: datetime, kind: Kind = Kind.REPLY, note: str = "") -> Interaction:
    return Interaction(at=when, direction=Direction.IN, channel=Channel.EMAIL, kind=kind, note=note)


def met(when: datetime, channel: Channel = Channel.IN_PERSON) -> Interaction:
    return Interaction(at=when, direction=Direction.BOTH, channel=channel, kind=Kind.MEETING)


def person(name: str = "Maren Holt", **fields) -> Contact:
    return Contact(name=name, **fields)


def event_contact(met_on, via: MetVia = MetVia.CONFERENCE) -> Contact:
    return Contact(name="Diego Alvarez", met_via=via, met_on=met_on)


def sqlite_file(path, *statements: str):
    """An SQLite file at `path` after running `statements` in it: another program's file,
    or one of ours altered."""
    import sqlite3

    with sqlite3.connect(path) as raw:
        for statement in statements:
            raw.execute(statement)
    raw.close()
    return path


def at_version(version: int) -> tuple[str, str]:
    """The statements that make a netpace SQLite file say it is at schema `version`: the
    version table (where netpace reads it) and PRAGMA user_version (where older netpaces
    read it)."""
    return f"PRAGMA user_version = {int(version)}", f"UPDATE netpace_schema SET version = {int(version)}"


def on_server(location) -> bool:
    """Whether a test's database location (db_location, demo_location) is a PostgreSQL URL."""
    return isinstance(location, str) and "://" in location


def db_rows(location, sql: str, params: tuple = ()) -> list[tuple]:
    """The rows `sql` (with ? parameters) gives in the database at `location` (a file, or
    a PostgreSQL URL), as SQLite shows them: days and times as ISO text, flags as 0/1.
    A statement that gives no rows (another program's UPDATE) is run and committed: []."""
    from datetime import date, datetime

    if not on_server(location):
        import sqlite3

        with sqlite3.connect(location) as raw:
            found = raw.execute(sql, params).fetchall()
        raw.close()
        return found
    import psycopg

    def as_sqlite(value):
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, datetime):
            return value.isoformat(" ")
        if isinstance(value, date):
            return value.isoformat()
        return value

    with psycopg.connect(location) as connection:
        cursor = connection.execute(sql.replace("?", "%s"), params)
        found = cursor.fetchall() if cursor.description else []
    return [tuple(as_sqlite(value) for value in row) for row in found]
