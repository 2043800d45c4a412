"""Moving a whole network: `netpace copy` (into another store, SQLite or PostgreSQL) and
`netpace restore` (a backup file into either store). Both check what they wrote against
what they read (rows per table and a checksum, see `portable`) before it counts."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from . import backups
from .errors import StoreError, describe
from .migrations import migrate
from .paths import Location, as_location, is_server
from .portable import Copied, copy_network, holds_network
from .server import driver_errors
from .store import Store, open_store


@dataclass(frozen=True)
class CopyDone:
    target: Location
    copied: Copied


def same_place(a: Location, b: Location) -> bool:
    """Whether two locations name the same database (as far as can be told without
    connecting: the same file, or the same URL)."""
    if is_server(a) or is_server(b):
        return is_server(a) and is_server(b) and a.conninfo == b.conninfo
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def copy_to(source: Store, target) -> CopyDone:
    """Copy the network in `source` into the store at `target` (a path or a URL), which
    must hold no network yet; a file is created if missing. Verified, or nothing is left
    written (a file created here is removed again)."""
    target = as_location(target)
    if same_place(source.path, target):
        raise StoreError(f"{target} is the database being copied; name another one.")
    created = not is_server(target) and not Path(target).exists()
    try:
        with open_store(target) as opened:
            with opened.guard():
                copied = copy_network(source.db, opened.db, target_label=str(target))
    except BaseException:
        if created:
            _remove_file(Path(target))
        raise
    return CopyDone(target, copied)


def _remove_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            Path(f"{path}{suffix}").unlink()
        except OSError:
            pass


def restore_network(location, backup: Path | str) -> backups.Restored:
    """Restore the backup file into the database at `location`, either store. A file:
    `backups.restore_backup`. A server: the file is checked and copied into a private
    temporary folder, brought to this netpace's schema there, the server's network is
    saved (if it holds one), then every row is replaced in one transaction, checked
    before it commits."""
    location = as_location(location)
    backup = Path(backup)
    if not is_server(location):
        return backups.restore_backup(location, backup)
    backups.inspect_backup(backup)  # one sentence for a file that is no netpace backup
    folder = Path(tempfile.mkdtemp(prefix="netpace-restore-"))
    staged = folder / "staged.db"
    try:
        try:
            with closing(backups._connect_read_only(backup)) as source:
                info = backups._inspect_connection(source, backup)
                backups._write_file_copy(source, backup, staged)
        except sqlite3.Error as error:
            raise StoreError(describe(error, backup)) from None
        except OSError as error:
            raise StoreError(f"Can't read {backup}: {(error.strerror or str(error)).lower()}.") from None
        copy = pw.SqliteDatabase(str(staged), pragmas={"foreign_keys": 1})
        try:
            migrate(copy, staged)  # an older backup, brought to this netpace's schema
            with open_store(location) as store:
                previous = None
                with store.guard():
                    if holds_network(store.db):
                        previous = backups.auto_backup(store, "restore")
                    copy_network(copy, store.db, replace=True, target_label=str(location))
        except (sqlite3.Error, *driver_errors()) as error:
            raise StoreError(describe(error, backup)) from None
        finally:
            copy.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return backups.Restored(info, previous)
