"""PostgreSQL, the second store: connecting through psycopg 3 (Peewee speaks it), one
writer at a time, and the notifications an open app listens to.

The rest of the store is the same on both: the queries are Peewee's portable SQL, and
where a dialect differs (the revision triggers, the schema version, a few raw queries)
the module concerned asks `on_server(db)`. The driver is an extra
(`pip install 'netpace[postgres]'`); without it a PostgreSQL URL gets one sentence naming
the extra.

- Writes: every netpace write transaction on the server first takes one advisory lock
  (`WRITE_LOCK`), as SQLite's `BEGIN IMMEDIATE` takes its write lock: writers queue, in
  order, and never deadlock; a writer kept waiting longer than `LOCK_TIMEOUT_MS` gets the
  "locked, try again" sentence, as on SQLite. The revision triggers take the same lock, so
  writes by other programs are ordered too.
- Changes: the revision triggers `NOTIFY` on `CHANNEL` when a write commits; `watch`
  listens there on a connection of its own, and says when the connection is lost and
  when it is back.
"""

from __future__ import annotations

import os
import time
from typing import Callable

import peewee as pw

from .errors import StoreError, describe_server
from .paths import URL_FORM, BadLocation, ServerUrl

EXTRA = "postgres"
DRIVER_MISSING = (f"A PostgreSQL database needs netpace's PostgreSQL driver: install it with "
                  f"pip install 'netpace[{EXTRA}]'.")
# The channel the revision triggers notify on (each database has its own).
CHANNEL = "netpace_changes"
# The advisory lock every write transaction takes first (any fixed bigint; "netpace").
WRITE_LOCK = 0x6E65747061636500
# How long a writer waits for another one before it gives up with the "locked" sentence
# (SQLite's busy timeout is the same).
LOCK_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_SECONDS = 5
# libpq's own settings, unless the URL or the environment sets them: give up connecting
# after a few seconds, and notice a dead TCP connection within half a minute.
_DEFAULTS = (
    ("connect_timeout", str(CONNECT_TIMEOUT_SECONDS), "PGCONNECT_TIMEOUT"),
    ("application_name", "netpace", "PGAPPNAME"),
    ("keepalives", "1", None),
    ("keepalives_idle", "10", None),
    ("keepalives_interval", "5", None),
    ("keepalives_count", "3", None),
    ("tcp_user_timeout", "20000", None),
)
# The listener checks its connection this often when nothing is notified.
HEARTBEAT_SECONDS = 10.0


def driver():
    """The psycopg module, or one sentence naming the extra to install."""
    try:
        import psycopg
    except ImportError:
        raise StoreError(DRIVER_MISSING) from None
    return psycopg


def on_server(db: pw.Database) -> bool:
    """Whether `db` is a PostgreSQL database (else SQLite)."""
    return isinstance(db, pw.PostgresqlDatabase)


def driver_errors() -> tuple[type[BaseException], ...]:
    """The driver's error class, when it is installed (for `except` clauses)."""
    try:
        import psycopg
    except ImportError:
        return ()
    return (psycopg.Error,)


def connection_options(url: ServerUrl) -> dict[str, str]:
    """What netpace adds to the URL's own settings (see `_DEFAULTS`), and the lock
    timeout. BadLocation, without the password, for a URL libpq can't read."""
    psycopg = driver()
    from psycopg.conninfo import conninfo_to_dict

    try:
        given = conninfo_to_dict(url.conninfo)
    except psycopg.Error:
        raise BadLocation(f"{url} is not a PostgreSQL URL netpace can read (the form is {URL_FORM}).") from None
    options = {key: value for key, value, env in _DEFAULTS if key not in given and not (env and os.environ.get(env))}
    extra = str(given.get("options") or os.environ.get("PGOPTIONS") or "")
    options["options"] = f"{extra} -c lock_timeout={LOCK_TIMEOUT_MS}".strip()
    return options


class ServerDatabase(pw.PostgresqlDatabase):
    """A PostgreSQL database reached through `url`: each thread connects on first use
    (libpq reads the URL, ~/.pgpass and the PG* variables), in autocommit; Peewee's
    `atomic()` makes the transactions."""

    def __init__(self, url: ServerUrl) -> None:
        driver()
        self.url = url
        self._options = connection_options(url)
        super().__init__(url.dbname or "netpace", prefer_psycopg3=True)

    def _connect(self):
        return driver().connect(self.url.conninfo, autocommit=True, **self._options)


def lock_writes(db: pw.Database) -> None:
    """Inside a write transaction on the server: wait for the other writers (see above)."""
    db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))


def tables(db: pw.Database) -> set[str]:
    """The tables in the schema netpace uses (the role's current one)."""
    return set(db.get_tables())


def reset_sequences(db: pw.Database, names: list[str]) -> None:
    """After rows were written with their own ids (a copy, a restore): each table's id
    sequence continues after its highest id."""
    for name in names:
        db.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM \"{name}\"), 0) + 1, false)"
        )


def watch(url: ServerUrl, changed: Callable[[], None], state: Callable[[bool, str], None],
          stopped: Callable[[], bool], *, wait: float = 0.5, retry: float = 2.0) -> None:
    """Listen for the revision triggers' notifications until `stopped()`.

    `changed()` after each burst of them (and after a reconnection: anything may have
    changed meanwhile); `state(False, sentence)` once when the connection is lost (or
    can't be made), `state(True, sentence)` when it is back. Retries every `retry`
    seconds. Never raises for a connection problem; checks `stopped()` every `wait`
    seconds.
    """
    psycopg = driver()
    options = connection_options(url)
    up: bool | None = None
    while not stopped():
        try:
            with psycopg.connect(url.conninfo, autocommit=True, **options) as connection:
                connection.execute(f"LISTEN {CHANNEL}")
                if up is False:
                    state(True, f"Connected to the PostgreSQL server at {url.host} again.")
                    changed()
                up = True
                quiet_since = time.monotonic()
                while not stopped():
                    if any(True for _ in connection.notifies(timeout=wait, stop_after=1)):
                        # A write notifies once per statement: wait for the burst to end.
                        while any(True for _ in connection.notifies(timeout=0.1, stop_after=1)):
                            pass
                        changed()
                        quiet_since = time.monotonic()
                    elif time.monotonic() - quiet_since > HEARTBEAT_SECONDS:
                        connection.execute("SELECT 1")
                        quiet_since = time.monotonic()
        except psycopg.Error as error:
            if stopped():
                return
            if up is not False:
                state(False, describe_server(error, url) + " Retrying…")
                up = False
            deadline = time.monotonic() + retry
            while not stopped() and time.monotonic() < deadline:
                time.sleep(min(wait, 0.2))
