"""The store: every read and write netpace makes, returning domain dataclasses."""

from __future__ import annotations

import os
import random
import re
import sqlite3
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator

import peewee as pw

from ..domain.merging import doubles, merged_contact
from ..domain.model import Contact, ContactSummary, Interaction, Status
from ..domain.pressure import EMPTY_HISTORY, assess_histories, triage_key
from ..domain.text import clean_name, fold
from ..domain.thresholds import DAILY_CHECK_INS
from ..domain.validation import InvalidInput, clean_contact, clean_interaction
from .convert import (
    INTERACTION_COLUMNS,
    contact_from_row,
    interaction_from_tuple,
    tags_to_db,
    to_db_date,
    to_db_time,
)
from . import reading, revisions, totals
from ..domain.summary import summarize
from .cache import NetworkCache
from .collector import collector_paused
from .backups import auto_backup
from .errors import (
    AmbiguousName,
    InteractionNotFound,
    NeedsUpgrade,
    NoNetwork,
    NotFound,
    StoreError,
    ValidationError,
    describe,
)
from .migrations import VERSION_TABLE, current_version, latest_version, migrate, refuse_newer
from .paths import Location, ServerUrl, as_location, is_server
from .private_files import create_private_file, make_private_folders
from .schema import Models, insert_sql, make_models
from .server import ServerDatabase, driver_errors, lock_writes, on_server
from .server import tables as server_tables
from .server import watch

BUSY_TIMEOUT_MS = 5000
# How many times a write transaction begins before "locked" is said (each waits for the
# busy timeout): another program's writes get that long to make room.
WRITE_ATTEMPTS = 4
BUDGET_SETTING = "daily_check_ins"
THEME_SETTING = "theme"  # the app's theme, kept between sessions
# Rows per INSERT: 10 columns each stays under SQLite's oldest limit of 999 variables.
BATCH_ROWS = 90
_OUR_TABLES = {"contact", "email", "interaction"}
# Ours too, added by later schema steps.
_LATER_TABLES = {"contact_totals", "contact_revision", "revision_generation", "contact_standing", "setting",
                 VERSION_TABLE}
_WORDS = re.compile(r"[\W_]+")


def open_store(path: "Location | str", *, create: bool = True, upgrade: bool = True) -> "Store":
    """Open (creating, checking and migrating as needed) the database at `path`: a file
    path, or a PostgreSQL URL (a string, or a paths.ServerUrl). With `upgrade` False a
    database of an older schema is refused (StoreError), not migrated; with `create` False
    a missing one is (NoNetwork)."""
    location = as_location(path)
    if is_server(location):
        return _open_server(location, create=create, upgrade=upgrade)
    path = location
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a netpace database.")
    created = False
    if not path.exists():
        if not create:
            raise NoNetwork(f"There is no netpace database at {path}.")
        try:
            make_private_folders(path.parent)
            create_private_file(path)
        except OSError as error:
            reason = error.strerror or str(error)
            raise StoreError(f"Can't create a database at {path}: {reason.lower()}.") from None
        created = True
    elif not os.access(path, os.R_OK):
        raise StoreError(f"Can't read {path}: permission denied.")
    elif path.stat().st_size == 0:
        # An empty file (touched by hand, or left by a crash before the first write)
        # becomes a new database, private like any other.
        try:
            os.chmod(path, 0o600)
        except OSError:
            pass
    db = pw.SqliteDatabase(
        str(path),
        # journal_mode is switched to WAL only after the file proved to be ours:
        # setting it rewrites the header, and a foreign or newer file must stay untouched.
        pragmas={
            "foreign_keys": 1,
            "busy_timeout": BUSY_TIMEOUT_MS,
            "synchronous": "full",
        },
        lock_type="IMMEDIATE",
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=False,
    )
    try:
        db.connect()
        _check_is_ours(db, path)
        if not upgrade and current_version(db) < latest_version():
            raise NeedsUpgrade(f"{path} was written by an older netpace and needs an upgrade first.")
        db.execute_sql("PRAGMA journal_mode = wal")
        backup = migrate(db, path, backup=lambda: auto_backup(path, "migration"))
    except StoreError:
        db.close()
        if created:
            _remove_quietly(path)
        raise
    except (pw.PeeweeException, sqlite3.Error) as error:
        db.close()
        if created:
            _remove_quietly(path)
        raise StoreError(describe(error, path)) from None
    return _opened(Store(db, make_models(db), path), backup)


def _opened(store: "Store", backup: Path | None) -> "Store":
    store.migration_backup = backup
    try:
        if not totals.consistent(store.models):
            store.rebuild_totals()
    except (pw.PeeweeException, sqlite3.Error, StoreError, *driver_errors()):
        pass  # a read-only database: reads notice and read in full (reading.network_histories)
    return store


def _open_server(url: ServerUrl, *, create: bool, upgrade: bool) -> "Store":
    """`open_store` for a PostgreSQL URL: the same checks, one sentence for whatever goes
    wrong (which server, never the password), nothing written unless all is well."""
    db = ServerDatabase(url)  # StoreError: no driver, or a URL libpq can't read
    store = Store(db, make_models(db), url)
    try:
        db.connect()
        found = server_tables(db)
        if found and not found & _OUR_TABLES:
            raise StoreError(_foreign_server(url))
        version = refuse_newer(db, url)
        if (version == 0 and found - _OUR_TABLES - _LATER_TABLES) or (version > 0 and not _OUR_TABLES <= found):
            raise StoreError(_foreign_server(url))
        if version == 0 and not create:
            raise NoNetwork(f"There is no netpace network in {url} yet.")
        if not upgrade and version < latest_version():
            raise NeedsUpgrade(f"{url} was written by an older netpace and needs an upgrade first.")
        backup = migrate(db, url, backup=lambda: auto_backup(store, "migration"))
    except StoreError:
        _close_quietly(db)
        raise
    except (pw.PeeweeException, *driver_errors()) as error:
        _close_quietly(db)
        raise StoreError(describe(error, url)) from None
    return _opened(store, backup)


def _foreign_server(url: ServerUrl) -> str:
    name = url.dbname or "the database"
    return (f"{name} on the PostgreSQL server at {url.host} holds something other than a netpace network "
            f"({url}); give netpace a database of its own.")


def _close_quietly(db: pw.Database) -> None:
    try:
        db.close()
    except Exception:
        pass


def _remove_quietly(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        try:
            os.unlink(f"{path}{suffix}")
        except OSError:
            pass


def _check_is_ours(db: pw.Database, path: Path) -> None:
    """Refuse SQLite files that belong to something else, before changing anything.

    Version 0 must hold no foreign tables (a fresh or half-created file); a known version
    must hold all of ours (another program may use `user_version` too); a newer version
    means "upgrade netpace".
    """
    tables = {row[0] for row in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    tables = {name for name in tables if not name.startswith("sqlite_")}
    if tables and not tables & _OUR_TABLES:
        raise StoreError(f"{path} is an SQLite database, but not a netpace one.")
    version = refuse_newer(db, path)
    if (version == 0 and tables - _OUR_TABLES - _LATER_TABLES) or (version > 0 and not _OUR_TABLES <= tables):
        raise StoreError(f"{path} is an SQLite database, but not a netpace one.")


class Store:
    def __init__(self, db: pw.Database, models: Models, path: "Location"):
        self.db = db
        self.models = models
        self.path = path  # a file's Path, or a PostgreSQL server's ServerUrl (str() masks the password)
        self.on_server = on_server(db)
        self.migration_backup: Path | None = None
        self.network_cache = NetworkCache()

    # -- plumbing ---------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn database errors into one sentence."""
        try:
            yield
        except (pw.PeeweeException, sqlite3.Error, *driver_errors()) as error:
            if isinstance(error, pw.DoesNotExist):
                raise
            if self.on_server:
                self._drop_broken_connection()
            raise StoreError(describe(error, self.path)) from None

    def _drop_broken_connection(self) -> None:
        """After a lost connection to the server, forget this thread's connection, so its
        next use connects afresh."""
        connection = getattr(self.db._state, "conn", None)
        if connection is None or not (getattr(connection, "broken", False) or getattr(connection, "closed", False)):
            return
        try:
            self.db.close()
        except Exception:  # inside an outer transaction: that one's end will do it
            pass

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (on the server: after the other writers, see `server`)."""
        with self.guard(), self._begun():
            if self.on_server:
                lock_writes(self.db)
            yield

    @property
    def live_updates(self) -> bool:
        """Whether `watch_changes` can tell of other processes' writes (PostgreSQL's
        notifications); else readers compare `change_marker` now and then."""
        return self.on_server

    def watch_changes(self, changed, state, stopped) -> None:
        """Block until `stopped()`, calling `changed()` when another connection's write
        committed and `state(up, sentence)` when the connection is lost or back (see
        `server.watch`). Only where `live_updates`."""
        watch(self.path, changed, state, stopped)

    @contextmanager
    def _begun(self) -> Iterator[None]:
        """`db.atomic()`, beginning again when another program held the write lock for the
        whole busy timeout: SQLite's wait for it is not fair, and a writer that commits and
        begins again at once can keep another out for seconds (two processes logging in a
        loop). Nothing has run yet when BEGIN fails, so beginning again is safe."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            atomic = self.db.atomic()
            try:
                atomic.__enter__()
            except (pw.OperationalError, sqlite3.OperationalError) as error:
                if attempt == WRITE_ATTEMPTS or "locked" not in str(error).lower():
                    raise
                time.sleep(random.uniform(0.01, 0.2))  # out of step with the other writer
                continue
            break
        try:
            yield
        except BaseException:
            if not atomic.__exit__(*sys.exc_info()):
                raise
        else:
            atomic.__exit__(None, None, None)

    def change_marker(self) -> tuple:
        """Cheap fingerprint of the data, comparable across connections and threads."""
        with self.guard():
            row = self.db.execute_sql(
                "SELECT (SELECT COUNT(*) FROM interaction), (SELECT MAX(id) FROM interaction),"
                " (SELECT MAX(updated_at) FROM contact), (SELECT COUNT(*) FROM contact),"
                " (SELECT MAX(id) FROM contact)"
            ).fetchone()
        return tuple(value or 0 for value in row)  # type: ignore[return-value]

    # -- contacts ---------------------------------------------------------------------
    def _clean(self, contact: Contact) -> Contact:
        try:
            return clean_contact(contact)
        except InvalidInput as error:
            raise ValidationError(str(error)) from None

    def _row_values(self, contact: Contact) -> dict:
        return {
            "name": contact.name,
            "name_key": fold(contact.name),
            "company": contact.company,
            "role": contact.role,
            "phone": contact.phone,
            "linkedin": contact.linkedin,
            "met_via": contact.met_via.value if contact.met_via else None,
            "met_on": to_db_date(contact.met_on),
            "tags": tags_to_db(contact.tags),
            "notes": contact.notes,
            "keep_in_touch_days": contact.keep_in_touch_days,
            "status": contact.status.value,
            "snoozed_until": to_db_date(contact.snoozed_until),
        }

    def _write_emails(self, contact_id: int, emails: tuple[str, ...]) -> None:
        self.models.email.delete().where(self.models.email.contact == contact_id).execute()
        if emails:
            self.models.email.insert_many(
                [{"contact": contact_id, "address": a, "position": i} for i, a in enumerate(emails)]
            ).execute()

    def add_contact(self, contact: Contact, now: datetime) -> Contact:
        contact = self._clean(contact)
        stamp = to_db_time(now)
        with self.transaction():
            row = self.models.contact.create(**self._row_values(contact), created_at=stamp, updated_at=stamp)
            self._write_emails(row.id, contact.emails)
        return self.contact(row.id)

    def update_contact(self, contact: Contact, now: datetime) -> Contact:
        if contact.id is None:
            raise ValueError("update_contact needs a stored contact")
        contact = self._clean(contact)
        with self.transaction():
            changed = (
                self.models.contact.update(**self._row_values(contact), updated_at=to_db_time(now))
                .where(self.models.contact.id == contact.id)
                .execute()
            )
            if not changed:
                raise NotFound(str(contact.id))
            self._write_emails(contact.id, contact.emails)
        return self.contact(contact.id)

    def delete_contact(self, contact_id: int) -> None:
        with self.transaction():
            self.models.contact.delete().where(self.models.contact.id == contact_id).execute()

    def remove_contact(self, contact_id: int) -> "Removed":
        """Delete a contact with their e-mail addresses and interactions; returns all of
        it, so `restore_contact` can put it back (undo)."""
        with self.transaction():
            contact = self.contact(contact_id)
            items = tuple(self.interactions(contact_id))
            self.models.contact.delete().where(self.models.contact.id == contact_id).execute()
        return Removed(contact, items)

    def restore_contact(self, removed: "Removed", now: datetime) -> Contact:
        """Put a removed contact back, with their old id (unless another contact took it
        since) and every interaction."""
        contact = removed.contact
        with self.transaction():
            taken = self.models.contact.select().where(self.models.contact.id == contact.id).exists()
            created = to_db_time(contact.created_at) if contact.created_at else to_db_time(now)
            new_id = self.models.contact.insert(
                **({} if taken else {"id": contact.id}),
                **self._row_values(self._clean(contact)), created_at=created, updated_at=to_db_time(now),
            ).execute()
            contact_id = contact.id if not taken else new_id
            self._write_emails(contact_id, contact.emails)
            self._put_back(contact_id, removed.interactions, now)
        return self.contact(contact_id)

    def _put_back(self, contact_id: int, items: Iterable[Interaction], now: datetime) -> None:
        """Insert interactions as they were (their ids, when free) under `contact_id`."""
        for item in items:
            taken = self.models.interaction.select().where(self.models.interaction.id == item.id).exists()
            self.models.interaction.insert(
                **({} if taken or item.id is None else {"id": item.id}),
                contact=contact_id, at=to_db_time(item.at), direction=item.direction.value,
                channel=item.channel.value, kind=item.kind.value, note=item.note, source=item.source,
                external_id=item.external_id, created_at=to_db_time(now), in_group=item.group,
                planned=item.planned,
            ).execute()
        totals.refresh(self.models, [contact_id])

    def same_name(self, contact: Contact) -> list[Contact]:
        """The other contacts called exactly what `contact` is called (any case)."""
        with self.guard():
            ids = [row[0] for row in self.models.contact.select(self.models.contact.id).where(
                (self.models.contact.name_key == fold(clean_name(contact.name)))
                & (self.models.contact.id != (contact.id or 0))).order_by(self.models.contact.id).tuples()]
        return [self.contact(i) for i in ids]

    def merge_contacts(self, keep_id: int, other_id: int, now: datetime) -> "Merged":
        """Make `other_id` part of `keep_id`: their interactions, e-mail addresses, tags and
        notes move over (domain.merging.merged_contact says what survives), an interaction
        both have is kept once, and `other_id` goes. Returns what `unmerge` needs to undo it."""
        if keep_id == other_id:
            raise ValidationError("A contact can't be merged with itself.")
        with self.transaction():
            keep, other = self.contact(keep_id), self.contact(other_id)
            kept_items, other_items = self.interactions(keep_id), self.interactions(other_id)
            dropped = tuple(doubles(kept_items, other_items))
            dropped_ids = {item.id for item in dropped}
            moved = tuple(item.id for item in other_items if item.id not in dropped_ids)
            merged = self._clean(merged_contact(keep, other))
            i = self.models.interaction
            if dropped_ids:
                i.delete().where(i.id.in_(list(dropped_ids))).execute()
            for batch in pw.chunked(moved, BATCH_ROWS):
                i.update(contact=keep_id).where(i.id.in_(list(batch))).execute()
            self.models.contact.delete().where(self.models.contact.id == other_id).execute()
            self.models.contact.update(**self._row_values(merged), updated_at=to_db_time(now)).where(
                self.models.contact.id == keep_id).execute()
            if merged.created_at and merged.created_at != keep.created_at:
                self.models.contact.update(created_at=to_db_time(merged.created_at)).where(
                    self.models.contact.id == keep_id).execute()
            self._write_emails(keep_id, merged.emails)
            totals.refresh(self.models, [keep_id])
        return Merged(keep, self.contact(keep_id), Removed(other, tuple(other_items)), moved)

    def unmerge(self, merged: "Merged", now: datetime) -> Contact:
        """Undo `merge_contacts`: the other contact back with their own interactions, the
        kept one as it was before."""
        keep, other = merged.before, merged.other.contact
        with self.transaction():
            i = self.models.interaction
            self.models.contact.insert(
                id=other.id, **self._row_values(self._clean(other)),
                created_at=to_db_time(other.created_at or now), updated_at=to_db_time(now),
            ).execute()
            self._write_emails(other.id, other.emails)
            moved = set(merged.moved)
            for batch in pw.chunked(list(moved), BATCH_ROWS):
                i.update(contact=other.id).where(i.id.in_(list(batch))).execute()
            self._put_back(other.id, [item for item in merged.other.interactions if item.id not in moved], now)
            self.models.contact.update(**self._row_values(self._clean(keep)), updated_at=to_db_time(now),
                                  created_at=to_db_time(keep.created_at or now)).where(
                self.models.contact.id == keep.id).execute()
            self._write_emails(keep.id, keep.emails)
            totals.refresh(self.models, [keep.id, other.id])
        return self.contact(keep.id)

    def set_status(self, contact_id: int, status: Status, until: date | None, now: datetime) -> Contact:
        with self.transaction():
            self.models.contact.update(
                status=status.value,
                snoozed_until=to_db_date(until) if status == Status.SNOOZED else None,
                updated_at=to_db_time(now),
            ).where(self.models.contact.id == contact_id).execute()
        return self.contact(contact_id)

    def _emails_by_contact(self, ids: Iterable[int] | None = None) -> dict[int, tuple[str, ...]]:
        query = self.models.email.select(self.models.email.contact, self.models.email.address).order_by(
            self.models.email.contact, self.models.email.position
        )
        if ids is not None:
            query = query.where(self.models.email.contact.in_(list(ids)))
        found: dict[int, list[str]] = {}
        for contact_id, address in query.tuples():
            found.setdefault(contact_id, []).append(address)
        return {key: tuple(value) for key, value in found.items()}

    def contact(self, contact_id: int) -> Contact:
        with self.guard():
            row = self.models.contact.get_or_none(self.models.contact.id == contact_id)
            if row is None:
                raise NotFound(str(contact_id))
            return contact_from_row(row, self._emails_by_contact([contact_id]).get(contact_id, ()))

    def contacts(self) -> list[Contact]:
        with self.guard():
            return reading.all_contacts(self)

    def _names(self) -> list[tuple[int, str, str, str]]:
        with self.guard():
            query = self.models.contact.select(
                self.models.contact.id, self.models.contact.name, self.models.contact.name_key, self.models.contact.company
            ).order_by(self.models.contact.name_key, self.models.contact.id)
            return list(query.tuples())

    @staticmethod
    def _label(name: str, contact_id: int, company: str) -> str:
        return f"{name} (#{contact_id}{', ' + company if company else ''})"

    def resolve(self, query: str) -> Contact:
        """Exact name (any case), else a unique prefix (of the name, then of any word in it),
        else a numeric id."""
        wanted = fold(clean_name(query))
        if not wanted:
            raise NotFound(query)
        names = self._names()
        tests = (
            lambda key: key == wanted,
            lambda key: key.startswith(wanted),
            lambda key: any(word.startswith(wanted) for word in _WORDS.split(key) if word),
        )
        for test in tests:
            hits = [(i, n, c) for i, n, key, c in names if test(key)]
            if len(hits) == 1:
                return self.contact(hits[0][0])
            if len(hits) > 1:
                raise AmbiguousName(query, tuple(self._label(n, i, c) for i, n, c in hits[:20]))
        digits = wanted.lstrip("#")
        if digits.isdigit():
            try:
                return self.contact(int(digits))
            except NotFound:
                pass
        near = [(i, n, c) for i, n, key, c in names if wanted in key]
        raise NotFound(query, tuple(self._label(n, i, c) for i, n, c in near[:20]))

    def find_by_email(self, address: str) -> Contact | None:
        with self.guard():
            row = (
                self.models.email.select(self.models.email.contact)
                .where(self.models.email.address == address.strip().lower())
                .first()
            )
        return self.contact(row.contact_id) if row else None

    # -- interactions -----------------------------------------------------------------
    def _interaction_query(self):
        i = self.models.interaction
        return i.select(*(getattr(i, "contact" if c == "contact_id" else c) for c in INTERACTION_COLUMNS))

    def interactions(self, contact_id: int) -> list[Interaction]:
        with self.guard():
            query = self._interaction_query().where(self.models.interaction.contact == contact_id)
            rows = query.order_by(self.models.interaction.at, self.models.interaction.id).tuples()
            return [interaction_from_tuple(r) for r in rows]

    def interactions_by_contact(self) -> dict[int, list[Interaction]]:
        with self.guard():
            return reading.all_interactions(self)

    def _clean_interaction(self, item: Interaction) -> Interaction:
        try:
            return clean_interaction(item)
        except InvalidInput as error:
            raise ValidationError(str(error)) from None

    def log(self, contact_id: int, item: Interaction, now: datetime) -> Interaction:
        item = self._clean_interaction(item)
        with self.transaction():
            if not self.models.contact.select().where(self.models.contact.id == contact_id).exists():
                raise NotFound(str(contact_id))
            row = self.models.interaction.create(
                contact=contact_id,
                at=to_db_time(item.at),
                direction=item.direction.value,
                channel=item.channel.value,
                kind=item.kind.value,
                note=item.note,
                source=item.source,
                external_id=item.external_id,
                created_at=to_db_time(now),
                in_group=item.group,
                planned=item.planned,
            )
            totals.refresh(self.models, [contact_id])
            self._touch(contact_id, now)
        return replace(item, id=row.id, contact_id=contact_id)

    def _touch(self, contact_id: int, now: datetime) -> None:
        self.models.contact.update(updated_at=to_db_time(now)).where(self.models.contact.id == contact_id).execute()

    def delete_interaction(self, interaction_id: int, now: datetime) -> Interaction:
        """Delete and return it, so the caller can undo."""
        with self.transaction():
            values = (
                self._interaction_query()
                .where(self.models.interaction.id == interaction_id)
                .tuples()
                .first()
            )
            if values is None:
                raise InteractionNotFound(interaction_id)
            item = interaction_from_tuple(values)
            self.models.interaction.delete().where(self.models.interaction.id == interaction_id).execute()
            totals.refresh(self.models, [item.contact_id])
            self._touch(item.contact_id, now)
        return item

    def interaction(self, interaction_id: int) -> Interaction:
        with self.guard():
            values = self._interaction_query().where(self.models.interaction.id == interaction_id).tuples().first()
        if values is None:
            raise InteractionNotFound(interaction_id)
        return interaction_from_tuple(values)

    def update_interaction(self, item: Interaction, now: datetime) -> tuple[Interaction, Interaction]:
        """Rewrite a stored interaction (when, which way, channel, kind, note, whether it is
        a meeting logged ahead); returns (before, after), so the caller can undo. Its source
        and external id stay, so a later import of the same file recognises it and never
        overwrites the change."""
        if item.id is None:
            raise ValueError("update_interaction needs a stored interaction")
        item = self._clean_interaction(item)
        with self.transaction():
            before = self.interaction(item.id)
            self.models.interaction.update(
                at=to_db_time(item.at),
                direction=item.direction.value,
                channel=item.channel.value,
                kind=item.kind.value,
                note=item.note,
                planned=item.planned,
            ).where(self.models.interaction.id == item.id).execute()
            totals.refresh(self.models, [before.contact_id])
            self._touch(before.contact_id, now)
        after = replace(before, at=item.at, direction=item.direction, channel=item.channel, kind=item.kind,
                        note=item.note, planned=item.planned)
        return before, after

    def confirm_meeting(self, interaction_id: int, now: datetime) -> tuple[Interaction, Interaction]:
        """A meeting logged ahead happened: it stops being planned (before, after). Moved:
        `update_interaction` with the new time; cancelled: `delete_interaction`."""
        item = self.interaction(interaction_id)
        return self.update_interaction(replace(item, planned=False), now)

    def restore_interaction(self, item: Interaction, now: datetime) -> Interaction:
        """Undo a delete: put the interaction back, with its old id unless another
        interaction took that id since (SQLite reuses the highest free one)."""
        with self.transaction():
            taken = self.models.interaction.select().where(self.models.interaction.id == item.id).exists()
            if taken:
                item = replace(item, id=None)
            new_id = self.models.interaction.insert(
                **({} if item.id is None else {"id": item.id}),
                contact=item.contact_id,
                at=to_db_time(item.at),
                direction=item.direction.value,
                channel=item.channel.value,
                kind=item.kind.value,
                note=item.note,
                source=item.source,
                external_id=item.external_id,
                created_at=to_db_time(now),
                in_group=item.group,
                planned=item.planned,
            ).execute()
            totals.refresh(self.models, [item.contact_id])
            self._touch(item.contact_id, now)
        return item if item.id is not None else replace(item, id=new_id)

    # -- bulk writes for imports --------------------------------------------------------
    def add_contacts(self, contacts: Iterable[Contact], now: datetime) -> list[int]:
        """Insert many contacts in one transaction; returns their new ids in order.

        A contact's own `created_at` is kept when set (a restored export), else `now`.
        """
        stamp = to_db_time(now)
        ids: list[int] = []
        email_rows: list[dict] = []
        table = self.models.contact._meta
        insert: str | None = None
        contacts = list(contacts)
        if not contacts:
            return ids
        email_table = self.models.email._meta.table_name
        with self.transaction(), revisions.raised_once(self.db, table.table_name, email_table) as raised:
            cursor = self.db.cursor()
            for contact in contacts:
                contact = self._clean(contact)
                created = to_db_time(contact.created_at) if contact.created_at else stamp
                values = {**self._row_values(contact), "created_at": created, "updated_at": stamp}
                if insert is None:
                    # One prepared statement: every row has these columns. The server
                    # tells the new id back (it has no last row id to ask for).
                    columns = list(values)
                    insert = insert_sql(self.models.contact, [table.fields[name] for name in columns],
                                        returning="id" if self.on_server else "")
                cursor.execute(insert, [values[name] for name in columns])
                new_id = cursor.fetchone()[0] if self.on_server else cursor.lastrowid
                ids.append(new_id)
                email_rows.extend(
                    {"contact": new_id, "address": a, "position": i} for i, a in enumerate(contact.emails)
                )
            for batch in pw.chunked(email_rows, BATCH_ROWS):
                self.models.email.insert_many(batch).execute()
            raised.update(ids)
        return ids

    def update_contacts(self, contacts: Iterable[Contact], now: datetime) -> None:
        """Rewrite many stored contacts in one transaction."""
        stamp = to_db_time(now)
        with self.transaction():
            for contact in contacts:
                if contact.id is None:
                    raise ValueError("update_contacts needs stored contacts")
                contact = self._clean(contact)
                self.models.contact.update(**self._row_values(contact), updated_at=stamp).where(
                    self.models.contact.id == contact.id
                ).execute()
                self._write_emails(contact.id, contact.emails)

    def add_interactions(self, items: Iterable[Interaction], now: datetime) -> int:
        """Insert many interactions (each with its contact_id) in one transaction."""
        return self.add_interactions_to(((item.contact_id, item) for item in items), now)

    def add_interactions_to(self, pairs: Iterable[tuple[int | None, Interaction]], now: datetime) -> int:
        """Insert many (contact id, interaction) in one transaction: an import's, whose new
        contacts got their ids after their interactions were made (each item's own
        contact_id is not read)."""
        created = to_db_time(now)
        i = self.models.interaction
        fields = [i.contact, i.at, i.direction, i.channel, i.kind, i.note, i.source, i.external_id, i.created_at,
                  i.in_group, i.planned]
        rows: list[tuple] = []
        touched: set[int] = set()
        for contact_id, item in pairs:
            if contact_id is None:
                raise ValueError("add_interactions needs a contact_id on every interaction")
            item = self._clean_interaction(item)
            rows.append(
                (
                    contact_id, to_db_time(item.at), item.direction.value, item.channel.value,
                    item.kind.value, item.note, item.source, item.external_id, created, item.group, item.planned,
                )
            )
            touched.add(contact_id)
        if not rows:
            return 0
        with self.transaction():
            # Contacts with nothing stored yet (an import's new ones) get their totals from
            # the rows written; the others are read back with what they had.
            known = self._with_interactions(touched)
            with revisions.raised_once(self.db, i._meta.table_name, self.models.contact._meta.table_name) as raised:
                self.db.cursor().executemany(insert_sql(i, fields), rows)
                for batch in pw.chunked(sorted(touched), BATCH_ROWS):
                    self.models.contact.update(updated_at=created).where(
                        self.models.contact.id.in_(batch)).execute()
                raised.update(touched)
            totals.write_new(self.models, [(row[0], row[1], row[2], row[4], row[9], row[10])
                                           for row in rows if row[0] not in known])
            totals.refresh(self.models, known)
        return len(rows)

    def _with_interactions(self, ids: set[int]) -> set[int]:
        """Those of `ids` with an interaction stored."""
        i = self.models.interaction
        found: set[int] = set()
        for chunk in pw.chunked(sorted(ids), totals.CHUNK):
            found.update(row[0] for row in i.select(i.contact).where(i.contact.in_(chunk)).distinct().tuples())
        return found

    def external_keys(self, sources: Iterable[str] | None = None) -> set[tuple[str, str]]:
        """Every (source, external_id) stored, optionally for some sources only."""
        i = self.models.interaction
        query = i.select(i.source, i.external_id).where(i.external_id.is_null(False))
        if sources is not None:
            query = query.where(i.source.in_(list(sources)))
        with self.guard():
            return {(source, external) for source, external in query.tuples()}

    def has_external_id(self, source: str, external_id: str) -> bool:
        i = self.models.interaction
        with self.guard():
            return i.select().where((i.source == source) & (i.external_id == external_id)).exists()

    def counts(self) -> dict[str, int]:
        """Rows per table: what an import changed, in one glance."""
        with self.guard():
            return {
                "contacts": self.models.contact.select().count(),
                "emails": self.models.email.select().count(),
                "interactions": self.models.interaction.select().count(),
            }

    # -- settings -------------------------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        with self.guard():
            row = self.models.setting.get_or_none(self.models.setting.key == key)
        return default if row is None else row.value

    def set_setting(self, key: str, value: str | None) -> None:
        """Keep `value` under `key` (None forgets it)."""
        with self.transaction():
            self.models.setting.delete().where(self.models.setting.key == key).execute()
            if value is not None:
                self.models.setting.insert(key=key, value=value).execute()

    def daily_budget(self) -> int:
        """How many check-ins and reconnects today's queue holds (see domain.queue)."""
        value = self.setting(BUDGET_SETTING)
        try:
            return max(0, int(value)) if value is not None else DAILY_CHECK_INS
        except ValueError:  # written by something else: the default stands
            return DAILY_CHECK_INS

    def set_daily_budget(self, count: int) -> None:
        self.set_setting(BUDGET_SETTING, str(max(0, int(count))))

    def theme(self) -> str | None:
        """The app's theme as last chosen (a Textual theme name), if any."""
        return self.setting(THEME_SETTING)

    def set_theme(self, name: str) -> None:
        self.set_setting(THEME_SETTING, name)

    def rebuild_totals(self) -> None:
        """Recompute every contact's totals from the interactions (see `totals`)."""
        with self.transaction():
            totals.rebuild(self.models)

    # -- assessments --------------------------------------------------------------------
    def summaries(self, now: datetime, *, include_hidden: bool = True) -> list[ContactSummary]:
        """Every contact with its assessment, most urgent first.

        What the last call read is kept (see `cache`): a later call reads again only the
        contacts that changed since, then assesses everyone at `now`.
        """
        today = now.date()
        with collector_paused(), self.guard(), self.network_cache.lock:
            network = self.network_cache.current(self, now)
            contacts = network.contacts.values()
            if not include_hidden:
                contacts = [c for c in contacts if not c.is_hidden_on(today)]
            histories, channels = network.histories, network.channels
            pairs = [(c, histories.get(c.id, EMPTY_HISTORY)) for c in contacts]
            result = [
                ContactSummary(contact, assessment, channels.get(contact.id))
                for (contact, _), assessment in zip(pairs, assess_histories(pairs, now, network.decisions))
            ]
            result.sort(key=urgency_order)
        return result

    def summary(self, contact_id: int, now: datetime) -> ContactSummary:
        return summarize(self.contact(contact_id), self.interactions(contact_id), now)


@dataclass(frozen=True, slots=True)
class Removed:
    """A deleted contact with everything that went with them, for undo."""

    contact: Contact
    interactions: tuple[Interaction, ...]


@dataclass(frozen=True, slots=True)
class Merged:
    """What `Store.merge_contacts` did, for undo: the kept contact before and after, the
    other contact as it was, and which of their interactions moved (the rest were doubles)."""

    before: Contact
    after: Contact
    other: Removed
    moved: tuple[int, ...]


def urgency_order(summary: ContactSummary) -> tuple:
    """The list's order, most urgent first (pressure.triage_key, then the id)."""
    a = summary.assessment
    return (*triage_key(a.verdict, a.next_on, a.pressure, summary.contact.name), summary.contact.id)
