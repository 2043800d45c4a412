"""Schema versions, upgraded by ordered steps, the same on SQLite and PostgreSQL.

The version is kept in a table (`VERSION_TABLE`, one row) that both stores read. SQLite
files also keep it in `PRAGMA user_version`, where netpace kept it before the table
existed (and where an older netpace still looks, to refuse a newer file): a file without
the table is read from there.

On SQLite each step takes the database from version N-1 to N inside one transaction; on
PostgreSQL, whose schema changes are transactional, all the pending steps run in one
transaction, so a failed upgrade leaves nothing changed. Before any step runs on a
database that already holds data, a backup copy is written (see `backups`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import peewee as pw

from .errors import StoreError
from .schema import make_models
from .server import lock_writes, on_server

VERSION_TABLE = "netpace_schema"


@dataclass(frozen=True)
class Step:
    version: int
    description: str
    apply: Callable[[pw.Database], None]


def _initial(db: pw.Database) -> None:
    db.create_tables(make_models(db).all())


def _covering_index(db: pw.Database) -> None:
    """Replace the (contact, at) index on interactions by one that also holds direction,
    kind and channel, so assessing the whole network reads the index, not the table.
    Idempotent: a database created by this version already has the new index."""
    interaction = make_models(db).interaction
    interaction._schema.create_indexes(safe=True)
    old = "interactionrow_contact_id_at"
    if any(index.name == old for index in db.get_indexes(interaction._meta.table_name)):
        from playhouse.migrate import SchemaMigrator, migrate as run

        run(SchemaMigrator.from_database(db).drop_index(interaction._meta.table_name, old))


def _contact_totals(db: pw.Database) -> None:
    """Add the per-contact totals the store keeps on every write, filled from the
    interactions. Idempotent: a database created by this version already has the table
    (it is rebuilt all the same)."""
    from .totals import rebuild

    models = make_models(db)
    db.create_tables([models.totals], safe=True)
    rebuild(models)


def _contact_revisions(db: pw.Database) -> None:
    """Add per-contact revisions raised by triggers, so whole-network reads can re-read
    only what changed. Idempotent."""
    from .revisions import install

    install(db, make_models(db))


def _contact_standings(db: pw.Database) -> None:
    """Add the table where the app keeps each contact's place in the list, so the next
    launch can show the list before reading every history. Idempotent; starts empty."""
    db.create_tables([make_models(db).standing], safe=True)


def _standing_scores(db: pw.Database) -> None:
    """Give each standing a score that orders the list without any arithmetic at launch.
    The standings are only what the app kept of its last session (the next one writes
    them again), so the table is simply made anew. Idempotent."""
    db.drop_tables([make_models(db).standing], safe=True)
    db.create_tables([make_models(db).standing], safe=True)


# The importers that read messages as text, whose kinds a migration may read again.
MESSAGE_SOURCES = ("linkedin-messages", "linkedin-messages-2018", "mail")


def _lifetime(db: pw.Database) -> None:
    """What advice on long histories needs: a flag for messages in group conversations
    and one for meetings logged ahead, each contact's own pace in the totals, a table of settings (the daily budget), and
    the kinds of imported messages read from their words (every one was imported as an
    update or a reply before, and nothing could change an interaction's kind, so none of
    these is a user's choice). Idempotent."""
    from playhouse.migrate import SchemaMigrator, migrate as run

    from ..domain.message_kinds import kind_of
    from ..domain.model import Kind
    from .totals import rebuild

    models = make_models(db)
    migrator = SchemaMigrator.from_database(db)
    have = {column.name for column in db.get_columns("interaction")}
    for name in ("in_group", "planned"):
        if name not in have:
            run(migrator.add_column("interaction", name, getattr(models.interaction, name)))
    have = {column.name for column in db.get_columns("contact_totals")}
    for name in ("reply_seconds", "replies", "gap_days", "conversations", "planned_at"):
        if name not in have:
            run(migrator.add_column("contact_totals", name, getattr(models.totals, name)))
    db.create_tables([models.setting], safe=True)
    i = models.interaction
    guesses = (Kind.UPDATE.value, Kind.REPLY.value)
    rows = i.select(i.id, i.note, i.kind).where(i.source.in_(MESSAGE_SOURCES) & i.kind.in_(guesses)).tuples()
    changed: dict[str, list[int]] = {}
    for id_, note, kind in rows:
        found = kind_of(note or "", Kind(kind))
        if found.value != kind:
            changed.setdefault(found.value, []).append(id_)
    for kind, ids in changed.items():
        for chunk in pw.chunked(ids, 500):
            i.update(kind=kind).where(i.id.in_(chunk)).execute()
    rebuild(models)


STEPS: tuple[Step, ...] = (
    Step(1, "contacts, e-mail addresses and interactions", _initial),
    Step(2, "an interaction index that covers whole-network reads", _covering_index),
    Step(3, "per-contact totals kept on every write, so reads touch only the decay window", _contact_totals),
    Step(4, "per-contact revisions, so a reread of the network reads only the contacts that changed",
         _contact_revisions),
    Step(5, "each contact's place in the list, so the app can show it before reading every history",
         _contact_standings),
    Step(6, "a score for each contact's place in the list, so the app reads only the rows it shows first",
         _standing_scores),
    Step(7, "group messages, meetings logged ahead, each contact's own pace, settings, and the kinds of "
         "imported messages", _lifetime),
)


def latest_version(steps: tuple[Step, ...] = STEPS) -> int:
    return steps[-1].version if steps else 0


def has_table(db: pw.Database, name: str) -> bool:
    if on_server(db):
        found = db.execute_sql("SELECT to_regclass(%s) IS NOT NULL", (f'"{name}"',)).fetchone()[0]
        return bool(found)
    return db.execute_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def current_version(db: pw.Database) -> int:
    """The schema version: the version table's, else (SQLite) `PRAGMA user_version`, else 0."""
    if has_table(db, VERSION_TABLE):
        row = db.execute_sql(f'SELECT MAX(version) FROM "{VERSION_TABLE}"').fetchone()
        if row and row[0] is not None:
            return int(row[0])
    if on_server(db):
        return 0
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def set_version(db: pw.Database, version: int) -> None:
    """Record `version` (inside the migration's transaction)."""
    db.execute_sql(f'CREATE TABLE IF NOT EXISTS "{VERSION_TABLE}" (version INTEGER NOT NULL)')
    db.execute_sql(f'DELETE FROM "{VERSION_TABLE}"')
    db.execute_sql(f'INSERT INTO "{VERSION_TABLE}" (version) VALUES ({int(version)})')
    if not on_server(db):
        db.execute_sql(f"PRAGMA user_version = {int(version)}")


def refuse_newer(db: pw.Database, path: Path | None, steps: tuple[Step, ...] = STEPS) -> int:
    """The schema version, unless a newer netpace wrote it (then one sentence)."""
    version = current_version(db)
    newest = latest_version(steps)
    if version > newest:
        raise StoreError(
            f"{path} was written by a newer netpace (schema {version}; this one knows up to "
            f"{newest}). Upgrade netpace to open it."
        )
    return version


def migrate(db: pw.Database, path: Path | None, steps: tuple[Step, ...] = STEPS, *,
            backup: Callable[[], Path | None] | None = None) -> Path | None:
    """Bring the database to the newest version. Before any step runs on a database that
    holds data, `backup()` saves it (the opener passes it). Returns what that returned."""
    version = refuse_newer(db, path, steps)
    pending = [step for step in steps if step.version > version]
    if not pending:
        return None
    made = None
    if version > 0 and backup is not None:
        made = backup()
    if on_server(db):
        # One transaction for every step; the write lock first, then the version read
        # again: another process may have upgraded the database meanwhile.
        with db.atomic():
            lock_writes(db)
            version = refuse_newer(db, path, steps)
            pending = [step for step in steps if step.version > version]
            for step in pending:
                step.apply(db)
            if pending:
                set_version(db, pending[-1].version)
        return made
    for step in pending:
        # Re-read the version under the write lock (BEGIN IMMEDIATE): another process
        # opening the same database at the same moment may have run this step already.
        with db.atomic():
            if current_version(db) >= step.version:
                continue
            step.apply(db)
            set_version(db, step.version)
    return made
