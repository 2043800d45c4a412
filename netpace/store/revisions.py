"""Which contacts changed since a reader last looked: per-contact revisions kept by triggers.

A whole-network read can then re-read only the contacts that changed since the last one
(see `cache`). Triggers, not the store's own write paths, raise the revisions, so a change
made by another netpace process, an import, the sqlite3 shell or psql is seen all the same.

The triggers exist in both dialects, made from one table (`_TRIGGERS`): SQLite's fire for
each row; PostgreSQL's fire once per statement and read the rows it touched from its
transition tables (an import of 90 rows raises their revisions in one go). On PostgreSQL
they also take the write lock (see `server`), so the revisions of concurrent writers are
handed out in the order they commit, and notify the app's listener.
"""

from __future__ import annotations

import secrets
import sqlite3
from contextlib import contextmanager
from typing import Iterator

import peewee as pw

from .schema import Models
from .server import CHANNEL, WRITE_LOCK, on_server

# (trigger name, table, event, the contact ids it touched, as SQL expressions)
_TRIGGERS = (
    ("contact_revision_interaction_insert", "interaction", "INSERT", ("new.contact_id",)),
    ("contact_revision_interaction_delete", "interaction", "DELETE", ("old.contact_id",)),
    ("contact_revision_interaction_update", "interaction", "UPDATE", ("old.contact_id", "new.contact_id")),
    ("contact_revision_email_insert", "email", "INSERT", ("new.contact_id",)),
    ("contact_revision_email_delete", "email", "DELETE", ("old.contact_id",)),
    ("contact_revision_email_update", "email", "UPDATE", ("old.contact_id", "new.contact_id")),
    ("contact_revision_contact_insert", "contact", "INSERT", ("new.id",)),
    ("contact_revision_contact_delete", "contact", "DELETE", ("old.id",)),
    ("contact_revision_contact_update", "contact", "UPDATE", ("old.id", "new.id")),
)


def _bump(contact: str) -> str:
    # The next revision is one more than the highest: an index lookup (rev is indexed).
    return (f"INSERT OR REPLACE INTO contact_revision (contact_id, rev) VALUES ({contact}, "
            f"(SELECT COALESCE(MAX(rev), 0) + 1 FROM contact_revision));")


def install(db: pw.Database, models: Models) -> None:
    """Create the revision table, its triggers and the generation token (idempotent)."""
    db.create_tables([models.revision, models.generation], safe=True)
    if not models.generation.select().exists():
        models.generation.insert(token=secrets.token_hex(16)).execute()
    if on_server(db):
        for name, table, event, contacts in _TRIGGERS:
            for statement in _server_trigger(name, table, event, contacts):
                db.execute_sql(statement)
        return
    for trigger in _TRIGGERS:
        db.execute_sql(_sqlite_trigger(*trigger))


def _sqlite_trigger(name: str, table: str, event: str, contacts: tuple[str, ...]) -> str:
    body = " ".join(_bump(contact) for contact in contacts)
    return f'CREATE TRIGGER IF NOT EXISTS "{name}" AFTER {event} ON "{table}" BEGIN {body} END'


@contextmanager
def raised_once(db: pw.Database, *tables: str) -> Iterator[set[int]]:
    """For a bulk write to `tables`, inside the writing transaction: the caller adds every
    contact it wrote for (a row of theirs inserted, changed or deleted) to the set given,
    and each one's revision is raised once at the end, as the triggers would have left
    them (new, and above every earlier one).

    SQLite's triggers fire once per row: on a long import they cost twice the insert
    itself. So they are set aside meanwhile. SQLite's schema changes are part of the
    transaction: no other connection ever sees a table without its trigger, and an error
    rolls everything back, the triggers included. PostgreSQL's fire once per statement
    already: there, nothing changes."""
    touched: set[int] = set()
    if on_server(db):
        yield touched
        return
    triggers = [t for t in _TRIGGERS if t[1] in tables]
    for trigger in triggers:
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{trigger[0]}"')
    yield touched
    start = db.execute_sql("SELECT COALESCE(MAX(rev), 0) FROM contact_revision").fetchone()[0]
    db.cursor().executemany(
        "INSERT OR REPLACE INTO contact_revision (contact_id, rev) VALUES (?, ?)",
        [(contact, start + n) for n, contact in enumerate(sorted(touched), 1)],
    )
    for trigger in triggers:
        db.execute_sql(_sqlite_trigger(*trigger))


def _server_trigger(name: str, table: str, event: str, contacts: tuple[str, ...]) -> list[str]:
    """PostgreSQL's form of one trigger: a function and a statement-level trigger whose
    transition tables (`new_rows`, `old_rows`) hold the rows the statement touched."""
    touched = " UNION ".join(
        f"SELECT {column} FROM {'new_rows' if side == 'new' else 'old_rows'}"
        for side, column in (contact.split(".") for contact in contacts)
    )
    referencing = {
        "INSERT": "REFERENCING NEW TABLE AS new_rows",
        "DELETE": "REFERENCING OLD TABLE AS old_rows",
        "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }[event]
    function = f"""
CREATE OR REPLACE FUNCTION "{name}"() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    next_rev integer;
BEGIN
    PERFORM pg_advisory_xact_lock({WRITE_LOCK});
    SELECT COALESCE(MAX(rev), 0) + 1 INTO next_rev FROM contact_revision;
    INSERT INTO contact_revision (contact_id, rev)
        SELECT DISTINCT touched.id, next_rev FROM ({touched}) AS touched (id)
        ON CONFLICT (contact_id) DO UPDATE SET rev = EXCLUDED.rev;
    IF FOUND THEN
        PERFORM pg_notify('{CHANNEL}', next_rev::text);
    END IF;
    RETURN NULL;
END
$body$"""
    return [
        function,
        f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"',
        f'CREATE TRIGGER "{name}" AFTER {event} ON "{table}" {referencing} FOR EACH STATEMENT '
        f'EXECUTE FUNCTION "{name}"()',
    ]


def renew(models: Models) -> None:
    """Give the database a new generation (inside the transaction that replaced its rows:
    a restore, a copy), so readers that cached what was there read it afresh."""
    models.generation.delete().execute()
    models.generation.insert(token=secrets.token_hex(16)).execute()


def renew_generation(connection: sqlite3.Connection) -> None:
    """Give a database file (a restored copy, through plain sqlite3) a new generation, so
    readers that cached its predecessor read it afresh. Files without revisions are left."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "revision_generation" in tables:
        with connection:
            connection.execute("DELETE FROM revision_generation")
            connection.execute("INSERT INTO revision_generation (token) VALUES (?)", (secrets.token_hex(16),))


def where_we_are(models: Models) -> tuple[str, int]:
    """(generation, highest revision): what a reader compares with what it saw last."""
    g = models.generation
    token = g.select(pw.fn.MAX(g.token)).scalar() or ""
    return token, latest(models)


def latest(models: Models) -> int:
    """The highest revision so far (0 before any change)."""
    r = models.revision
    return r.select(pw.fn.COALESCE(pw.fn.MAX(r.rev), 0)).scalar()


def changed_since(models: Models, rev: int) -> list[int]:
    """The contacts (ids, possibly deleted since) changed after revision `rev`."""
    r = models.revision
    return [row[0] for row in r.select(r.contact).where(r.rev > rev).tuples()]
