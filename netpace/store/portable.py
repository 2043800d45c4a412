"""A whole network moved from one store to another, SQLite or PostgreSQL, and checked.

`copy_network` reads every row of the source in one consistent snapshot and writes it
into the target in one transaction; before that transaction commits it reads back what
it wrote and compares the row counts and a checksum of every table with the source's.
Any difference, or any error, rolls the target back: nothing half-written.

Values are compared as the store reads them (a time is a time whether SQLite keeps it
as text or PostgreSQL as a timestamp; a flag is a flag whether 0/1 or a boolean), so the
checksum of the same network is the same in either store. It serves `netpace copy`, a
server's backups (written as an SQLite file: one portable file, the same kind as a file
database's backups) and restores into a server.
"""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterator

import peewee as pw

from . import revisions
from .errors import StoreError
from .schema import make_models
from .server import lock_writes, on_server, reset_sequences

# Every table of a network, parents first. Not copied: the revision generation (the
# target gets a new one: readers must not take it for the source) and the schema version
# (each store keeps its own).
TABLES = ("contact", "email", "interaction", "contact_totals", "setting", "contact_standing", "contact_revision")
# Tables whose ids come from a sequence on PostgreSQL.
_SEQUENCED = ("contact", "email", "interaction")
_FETCH = 2_000


@dataclass(frozen=True)
class Copied:
    """What a copy wrote, as read back from the target: rows per table and one checksum
    over all of them (equal to the source's, or the copy would have been rolled back)."""

    counts: dict[str, int]
    checksum: str

    @property
    def contacts(self) -> int:
        return self.counts.get("contact", 0)

    @property
    def interactions(self) -> int:
        return self.counts.get("interaction", 0)


def _columns(db: pw.Database, table: str) -> list[str]:
    return [column.name for column in db.get_columns(table)]


def _tables(db: pw.Database) -> set[str]:
    return set(db.get_tables())


class _Table:
    """One table as both stores see it: the columns they share (in the target's order),
    the fields that read and write each value, and the key rows are ordered by."""

    def __init__(self, name: str, source: pw.Database, target: pw.Database) -> None:
        self.name = name
        theirs = set(_columns(source, name))
        self.columns = [c for c in _columns(target, name) if c in theirs]
        self.source_fields = _fields(source, name)
        self.target_fields = _fields(target, name)
        keys = [c for c in source.get_primary_keys(name) if c in self.columns] or self.columns
        self.keys = keys
        # Integer keys order alike in both stores; text keys (the settings) are sorted here.
        self.sort_here = any(not isinstance(self.source_fields.get(k), (pw.IntegerField, pw.AutoField,
                                                                        pw.ForeignKeyField)) for k in keys)

    def select(self) -> str:
        quoted = ", ".join(f'"{c}"' for c in self.columns)
        order = ", ".join(f'"{k}"' for k in self.keys)
        return f'SELECT {quoted} FROM "{self.name}" ORDER BY {order}'


def _fields(db: pw.Database, table: str) -> dict[str, pw.Field]:
    for model in make_models(db).all():
        if model._meta.table_name == table:
            return {field.column_name: field for field in model._meta.sorted_fields}
    return {}


def _reader(fields: dict[str, pw.Field], columns: list[str]):
    """Converts a raw row into the values the store reads (Peewee's field converters)."""
    converters = [fields[c].python_value if c in fields else None for c in columns]

    def read(row: tuple) -> tuple:
        return tuple(v if v is None or f is None else f(v) for f, v in zip(converters, row))

    return read


def _writer(fields: dict[str, pw.Field], columns: list[str]):
    converters = [fields[c].db_value if c in fields else None for c in columns]

    def write(row: tuple) -> tuple:
        return tuple(v if v is None or f is None else f(v) for f, v in zip(converters, row))

    return write


def _canonical(value) -> str:
    if value is None:
        return "\x00"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _rows(db: pw.Database, table: _Table, read) -> Iterator[tuple]:
    cursor = db.execute_sql(table.select())
    found = []
    while chunk := cursor.fetchmany(_FETCH):
        rows = [read(row) for row in chunk]
        if table.sort_here:
            found.extend(rows)
        else:
            yield from rows
    if table.sort_here:
        yield from sorted(found, key=lambda row: [_canonical(v) for v in row])


class _Digest:
    def __init__(self) -> None:
        self.tables: dict[str, hashlib._Hash] = {}
        self.counts: dict[str, int] = {}

    def add(self, table: str, row: tuple) -> None:
        digest = self.tables.get(table)
        if digest is None:
            digest = self.tables[table] = hashlib.sha256(table.encode() + b"\n")
            self.counts[table] = 0
        digest.update("\x1f".join(_canonical(v) for v in row).encode("utf-8", "surrogatepass") + b"\x1e")
        self.counts[table] += 1

    def table(self, name: str) -> str:
        digest = self.tables.get(name)
        return digest.hexdigest() if digest else hashlib.sha256(name.encode() + b"\n").hexdigest()

    def whole(self, names) -> str:
        overall = hashlib.sha256()
        for name in names:
            overall.update(f"{name}={self.counts.get(name, 0)}:{self.table(name)}\n".encode())
        return overall.hexdigest()


@contextmanager
def snapshot(db: pw.Database) -> Iterator[None]:
    """Reads that all see the database at one moment (a read transaction)."""
    if on_server(db):
        db.execute_sql("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    else:
        db.execute_sql("BEGIN")
    try:
        yield
    finally:
        db.execute_sql("ROLLBACK" if on_server(db) else "COMMIT")


def checksum(db: pw.Database) -> Copied:
    """The counts and checksum of the network in `db`, as `copy_network` computes them."""
    names = [name for name in TABLES if name in _tables(db)]
    digest = _Digest()
    with snapshot(db):
        for name in names:
            table = _Table(name, db, db)
            for row in _rows(db, table, _reader(table.source_fields, table.columns)):
                digest.add(name, row)
    return Copied({name: digest.counts.get(name, 0) for name in names}, digest.whole(names))


def holds_network(db: pw.Database) -> bool:
    """Whether `db` holds any contact."""
    return db.execute_sql('SELECT EXISTS (SELECT 1 FROM "contact")').fetchone()[0] in (1, True)


def copy_network(source: pw.Database, target: pw.Database, *, replace: bool = False,
                 target_label: str = "the target") -> Copied:
    """Copy every row of the network in `source` into `target` (both at the same schema:
    only the columns both have are copied), verified. The target must hold no contacts,
    unless `replace`: then everything in it is deleted first, in the same transaction.
    StoreError (one sentence) when the target holds a network, or when what was written
    does not read back the same (nothing is then left written)."""
    shared = _tables(source) & _tables(target)
    names = [name for name in TABLES if name in shared]
    source_digest = _Digest()
    written = _Digest()
    with target.atomic():
        if on_server(target):
            lock_writes(target)
        if holds_network(target):
            if not replace:
                count = target.execute_sql('SELECT COUNT(*) FROM "contact"').fetchone()[0]
                raise StoreError(f"{target_label} already holds a network ({count} contacts); netpace copies "
                                 "only into an empty one.")
        # (An empty network may still hold settings or kept standings: it starts clean too.)
        for name in reversed(names):
            target.execute_sql(f'DELETE FROM "{name}"')
        with snapshot(source):
            for name in names:
                table = _Table(name, source, target)
                if not table.columns:
                    continue
                read, write = _reader(table.source_fields, table.columns), _writer(table.target_fields, table.columns)
                if name == "contact_revision":
                    # The triggers raised revisions while the rows went in: the source's stand instead,
                    # so the kept standings copied along still match them.
                    target.execute_sql('DELETE FROM "contact_revision"')
                batch: list[tuple] = []
                per_insert = max(1, 900 // len(table.columns))
                for row in _rows(source, table, read):
                    source_digest.add(name, row)
                    batch.append(write(row))
                    if len(batch) >= per_insert * 20:
                        _insert(target, name, table.columns, batch, per_insert)
                        batch = []
                if batch:
                    _insert(target, name, table.columns, batch, per_insert)
        revisions.renew(make_models(target))
        if on_server(target):
            reset_sequences(target, [name for name in _SEQUENCED if name in names])
        for name in names:
            table = _Table(name, target, target)
            if not table.columns:
                continue
            for row in _rows(target, table, _reader(table.target_fields, table.columns)):
                written.add(name, row)
        for name in names:
            if (written.counts.get(name, 0), written.table(name)) != (source_digest.counts.get(name, 0),
                                                                       source_digest.table(name)):
                raise StoreError(
                    f"The copy of the table {name} did not read back the same ({source_digest.counts.get(name, 0)} "
                    f"rows read, {written.counts.get(name, 0)} written); nothing was copied."
                )
    return Copied({name: written.counts.get(name, 0) for name in names}, written.whole(names))


def _insert(db: pw.Database, table: str, columns: list[str], rows: list[tuple], per_insert: int) -> None:
    quoted = ", ".join(f'"{c}"' for c in columns)
    one = "(" + ", ".join([db.param] * len(columns)) + ")"
    for start in range(0, len(rows), per_insert):
        chunk = rows[start:start + per_insert]
        values = ", ".join([one] * len(chunk))
        db.execute_sql(f'INSERT INTO "{table}" ({quoted}) VALUES {values}', [v for row in chunk for v in row])
