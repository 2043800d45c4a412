"""Backups and restores: of a file database through SQLite's online backup API; of a
PostgreSQL database into the same kind of file, so one backup restores into either.

- `write_backup` copies a live database (a Store or a path) into a new file, 0600, in a
  folder made 0700. The copy is written to a temporary file beside the target and renamed
  into place, so a backup is either complete or absent.
- `auto_backup` is what commands call before risky work (imports, restores); it keeps
  the last few per reason in the `backups/` folder beside the database.
- `restore_backup` checks a file thoroughly before replacing anything, saves the current
  database first, then copies the backup *into* the live database with the backup API:
  one write transaction, so other connections and the WAL stay consistent.

On a PostgreSQL server (store.server) a backup is an SQLite file too, written by
`portable.copy_network` from one snapshot of the server's database and checked against
it; it goes to the `backups/` folder in netpace's data folder (a server has no folder
beside it). A restore into a server checks the file the same way, saves the server's
network first, then replaces every row in one transaction (`portable.copy_network`).
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from .errors import StoreError, describe
from .migrations import STEPS, VERSION_TABLE, current_version, latest_version, migrate
from .paths import data_folder, is_server
from .private_files import create_private_file, make_private_folders
from .revisions import renew_generation

BACKUP_FOLDER = "backups"
KEEP_PER_REASON = 5
LOCK_WAIT_SECONDS = 5.0
SQLITE_MAGIC = b"SQLite format 3\x00"
OUR_TABLES = frozenset({"contact", "email", "interaction"})
_REASON = re.compile(r"^[a-z][a-z0-9-]{0,30}$")
_BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, as checked by `inspect_backup`."""

    path: Path
    version: int
    contacts: int
    interactions: int


@dataclass(frozen=True)
class Restored:
    info: BackupInfo
    previous: Path | None  # where the replaced database was saved, if there was one


def backups_folder(db_path) -> Path:
    """`backups/` beside a database file; for a server, in netpace's data folder."""
    if is_server(db_path):
        return data_folder() / BACKUP_FOLDER
    return Path(db_path).parent / BACKUP_FOLDER


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")


def backup_stem(db_path) -> str:
    """How a database's backups are named: the file's stem, or the server's host and
    database (as file-name-safe words)."""
    if is_server(db_path):
        words = re.sub(r"[^A-Za-z0-9_.]+", "-", f"{db_path.host}-{db_path.dbname or 'netpace'}").strip("-.")
        return words[:80] or "netpace"
    return Path(db_path).stem


def default_backup_path(db_path, reason: str | None = None) -> Path:
    """`backups/netpace-<stamp>.db`, or `backups/netpace-<reason>-<stamp>.db`."""
    middle = f"{reason}-" if reason else ""
    return backups_folder(db_path) / f"{backup_stem(db_path)}-{middle}{_stamp()}.db"


def _connect_read_only(path: Path) -> sqlite3.Connection:
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=LOCK_WAIT_SECONDS)


def _copy(source: sqlite3.Connection, target: sqlite3.Connection, label: Path) -> None:
    """Backup API copy in one step, giving up (one sentence) if kept locked too long.

    Python's `backup()` retries forever while the other side is busy; the progress
    callback sees each busy step and aborts after LOCK_WAIT_SECONDS.
    """
    deadline = time.monotonic() + LOCK_WAIT_SECONDS

    def progress(status: int, remaining: int, total: int) -> None:
        if status in _BUSY and time.monotonic() > deadline:
            raise StoreError(f"The database {label} is locked by another program; try again in a moment.")

    source.backup(target, pages=-1, progress=progress, sleep=0.05)


def _is_path(source) -> bool:
    """A path (str or os.PathLike) rather than an open Store (which has .db and .path)."""
    return isinstance(source, (str, os.PathLike))


def _temp_beside(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}-{time.monotonic_ns()}.partial")


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass


def _source_connection(source) -> tuple[sqlite3.Connection, Path, bool]:
    """(connection, path, whether we opened it) for a Store or a path."""
    if not _is_path(source):
        return source.db.connection(), Path(source.path), False
    path = Path(source)
    if not path.is_file():
        raise StoreError(f"There is no netpace database at {path}.")
    return _connect_read_only(path), path, True


def _write_file_copy(connection: sqlite3.Connection, label: Path, target: Path) -> Path:
    """Copy into a temporary file beside `target`, make it a single self-contained file
    (rollback journal, no -wal), then rename it into place."""
    make_private_folders(target.parent)
    temp = _temp_beside(target)
    create_private_file(temp)
    try:
        with closing(sqlite3.connect(temp)) as out:
            _copy(connection, out, label)
            out.execute("PRAGMA journal_mode = delete")
        os.replace(temp, target)
    except BaseException:
        _remove(temp)
        raise
    return target


def write_backup(source, target: Path | str | None = None) -> Path:
    """Back up a Store or a database path to `target` (default: the backups folder)."""
    if not _is_path(source) and getattr(source, "on_server", False):
        return _write_server_backup(source, target)
    connection, path, opened = _source_connection(source)
    target = Path(target) if target is not None else default_backup_path(path)
    if target.exists():
        raise StoreError(f"{target} already exists; netpace won't overwrite it.")
    try:
        return _write_file_copy(connection, path, target)
    except sqlite3.Error as error:
        raise StoreError(describe(error, path)) from None
    except OSError as error:
        raise StoreError(f"Can't write the backup {target}: {(error.strerror or str(error)).lower()}.") from None
    finally:
        if opened:
            connection.close()


def _write_server_backup(store, target: Path | str | None) -> Path:
    """A server's network (at whatever schema it has) as an SQLite file at `target`:
    made at the same schema, filled from one snapshot, checked, then renamed into place."""
    import peewee as pw

    from .portable import copy_network
    from .server import driver_errors

    target = Path(target) if target is not None else default_backup_path(store.path)
    if target.exists():
        raise StoreError(f"{target} already exists; netpace won't overwrite it.")
    try:
        make_private_folders(target.parent)
        temp = _temp_beside(target)
        create_private_file(temp)
    except OSError as error:
        raise StoreError(f"Can't write the backup {target}: {(error.strerror or str(error)).lower()}.") from None
    copy = pw.SqliteDatabase(str(temp), pragmas={"foreign_keys": 1})
    try:
        with store.guard():
            version = current_version(store.db)
            migrate(copy, temp, tuple(step for step in STEPS if step.version <= version))
            copy_network(store.db, copy, target_label=str(target))
        copy.close()
        os.replace(temp, target)
    except (sqlite3.Error, OSError, *driver_errors()) as error:
        copy.close()
        _remove(temp)
        if isinstance(error, OSError):
            raise StoreError(f"Can't write the backup {target}: {(error.strerror or str(error)).lower()}.") from None
        raise StoreError(describe(error, store.path)) from None
    except BaseException:
        copy.close()
        _remove(temp)
        raise
    return target


def prune(folder: Path, reason: str, keep: int = KEEP_PER_REASON, stem: str = "netpace") -> list[Path]:
    """Delete all but the newest `keep` automatic backups made for `reason`."""
    found = sorted(folder.glob(f"{stem}-{reason}-*.db"))
    doomed = found[:-keep] if keep > 0 else found
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def auto_backup(store_or_path, reason: str, keep: int = KEEP_PER_REASON) -> Path | None:
    """Save the database before risky work (an import, a restore), keeping the last
    `keep` backups per reason. Returns the new backup, or None when there is no
    database yet. Raises StoreError (one sentence) if the backup can't be made:
    callers should then not go ahead."""
    if not _REASON.match(reason):
        raise ValueError(f"backup reason must be a short lower-case word, not {reason!r}")
    given_path = _is_path(store_or_path)
    path = store_or_path if given_path else store_or_path.path
    if not is_server(path):
        path = Path(path)
        if given_path and not path.exists():
            return None
    made = write_backup(store_or_path, default_backup_path(path, reason))
    prune(made.parent, reason, keep, stem=backup_stem(path))
    return made


# -- restore ------------------------------------------------------------------------------
def _looks_like_sqlite(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a netpace backup.")
    if not path.is_file():
        raise StoreError(f"There is no file {path}.")
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StoreError(f"Can't read {path}: {(error.strerror or str(error)).lower()}.") from None
    if head != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a netpace backup (not an SQLite database).")


def _inspect_connection(connection: sqlite3.Connection, label: Path) -> BackupInfo:
    rows = connection.execute("PRAGMA integrity_check").fetchall()
    if [tuple(r) for r in rows] != [("ok",)]:
        raise StoreError(f"{label} is damaged (SQLite's integrity check failed); nothing was restored.")
    version = _file_version(connection)
    if version > latest_version():
        raise StoreError(
            f"{label} was written by a newer netpace (schema {version}; this one knows up to "
            f"{latest_version()}); upgrade netpace to restore it."
        )
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version < 1 or not OUR_TABLES <= tables:
        raise StoreError(f"{label} is an SQLite database, but not a netpace backup.")
    contacts = connection.execute("SELECT COUNT(*) FROM contact").fetchone()[0]
    interactions = connection.execute("SELECT COUNT(*) FROM interaction").fetchone()[0]
    return BackupInfo(label, version, contacts, interactions)


def _file_version(connection: sqlite3.Connection) -> int:
    """A file's schema version, read as `migrations.current_version` reads it."""
    found = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                               (VERSION_TABLE,)).fetchone()
    if found:
        row = connection.execute(f'SELECT MAX(version) FROM "{VERSION_TABLE}"').fetchone()
        if row and row[0] is not None:
            return int(row[0])
    return connection.execute("PRAGMA user_version").fetchone()[0]


def inspect_backup(path: Path | str) -> BackupInfo:
    """Check a backup without changing it: SQLite, intact, netpace's, not newer."""
    path = Path(path)
    _looks_like_sqlite(path)
    try:
        with closing(_connect_read_only(path)) as connection:
            return _inspect_connection(connection, path)
    except sqlite3.Error as error:
        raise StoreError(describe(error, path)) from None


def _page_size(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA page_size").fetchone()[0]


def _install(staged: Path, db_path: Path) -> None:
    """Copy the staged file into the live database in one write transaction."""
    with closing(sqlite3.connect(staged)) as source, closing(
        sqlite3.connect(db_path, timeout=LOCK_WAIT_SECONDS)
    ) as live:
        live_mode = live.execute("PRAGMA journal_mode").fetchone()[0]
        if live_mode == "wal" and _page_size(live) != _page_size(source):
            # The backup API can't change the page size of a WAL database: match it.
            source.execute(f"PRAGMA page_size = {int(_page_size(live))}")
            source.execute("VACUUM")
        _copy(source, live, db_path)


def restore_backup(db_path: Path | str, backup: Path | str) -> Restored:
    """Replace the database at `db_path` with `backup`, after checking it.

    The backup is first copied (backup API) into a temporary file in the database's
    folder and that copy is checked, so what gets installed is exactly what was checked.
    The current database, if any, is saved with `auto_backup(..., "restore")` first.
    """
    if is_server(db_path):
        raise ValueError("restore_backup restores into a file; moving.restore_network into a server")
    db_path, backup = Path(db_path), Path(backup)
    _looks_like_sqlite(backup)
    if db_path.exists() and os.path.samefile(db_path, backup):
        raise StoreError(f"{backup} is the database itself; pick a backup file to restore.")
    if db_path.is_dir():
        raise StoreError(f"{db_path} is a folder, not a netpace database.")
    try:
        make_private_folders(db_path.parent)
        staged = _temp_beside(db_path)
        with closing(_connect_read_only(backup)) as source:
            _inspect_connection(source, backup)
            _write_file_copy(source, backup, staged)
    except sqlite3.Error as error:
        raise StoreError(describe(error, backup)) from None
    except OSError as error:
        raise StoreError(f"Can't restore into {db_path.parent}: {(error.strerror or str(error)).lower()}.") from None
    try:
        with closing(sqlite3.connect(staged)) as check:
            info = _inspect_connection(check, backup)
            renew_generation(check)
        previous = None
        if db_path.exists():
            try:
                previous = auto_backup(db_path, "restore")
                _install(staged, db_path)
            except (StoreError, sqlite3.DatabaseError) as error:
                if _is_lock(error):
                    raise
                # The current file is not a readable database (damaged, or not SQLite):
                # keep its bytes, then swap the checked copy in by renaming.
                previous = _replace_damaged(staged, db_path)
        else:
            os.replace(staged, db_path)
            os.chmod(db_path, 0o600)
    except sqlite3.Error as error:
        raise StoreError(describe(error, db_path)) from None
    finally:
        _remove(staged)
    return Restored(BackupInfo(backup, info.version, info.contacts, info.interactions), previous)


def _is_lock(error: BaseException) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _replace_damaged(staged: Path, db_path: Path) -> Path:
    """Save a damaged database's bytes (and its -wal) to the backups folder, then rename
    the staged copy over it. The stale -wal/-shm go first: SQLite would otherwise replay
    the old write-ahead log into the restored file."""
    kept = default_backup_path(db_path, "damaged")
    make_private_folders(kept.parent)
    for suffix in ("", "-wal"):
        source = Path(f"{db_path}{suffix}")
        if source.exists():
            temp = _temp_beside(Path(f"{kept}{suffix}"))
            create_private_file(temp)
            with open(source, "rb") as src, open(temp, "wb") as out:
                while chunk := src.read(1 << 20):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, f"{kept}{suffix}")
    for suffix in ("-wal", "-shm", "-journal"):
        try:
            os.unlink(f"{db_path}{suffix}")
        except FileNotFoundError:
            pass
    os.replace(staged, db_path)
    os.chmod(db_path, 0o600)
    return kept

