"""Shared helpers: seeding, snapshots, running the CLI, killing processes midway."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

HERE = Path(__file__).parent
PYTHON = sys.executable
# The moment the seeded data was written, and what every command here is given as --now / --at.
NOW_TEXT = "2026-11-26 09:00"


def seed(db: Path) -> None:
    from netpace.domain.model import Channel, Contact, Direction, Interaction, Kind
    from netpace.store import open_store

    now = seed_now()
    with open_store(db) as store:
        ann = store.add_contact(Contact(name="Ann Lee", company="Acme"), now)
        store.add_contact(Contact(name="Same Name", company="First Co"), now)
        store.add_contact(Contact(name="Same Name", company="Second Co"), now)
        for days in (20, 10):
            store.log(ann.id, Interaction(at=now.subtract(days=days), direction=Direction.OUT,
                                          channel=Channel.EMAIL, kind=Kind.CHECK_IN, note="hello"), now)


def seed_now():
    """NOW_TEXT in UTC, as the store takes it."""
    import pendulum

    return pendulum.parse(NOW_TEXT, tz="UTC")


# Not data: a restore gives the file a new revision generation on purpose, and the app keeps
# its list's standings (a cache it may save any time, SAVE_STANDINGS_AFTER after it loads).
NOT_DATA = ("revision_generation", "contact_standing")


def snapshot(db: Path) -> tuple:
    """Every row of every table but NOT_DATA, plus the schema version: equal snapshots, same data."""
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
                  if r[0] not in NOT_DATA]
        rows = tuple((t, tuple(conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid'))) for t in tables)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    return version, rows


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return ";".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def count(db: Path, sql: str = "SELECT COUNT(*) FROM interaction") -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def env_without_db(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NETPACE_DB", "NETPACE_DEBUG")}
    env.update(extra)
    return env


def netpace_command() -> list[str]:
    """The real installed entry point, run the way a user runs it."""
    return [PYTHON, "-c", "from netpace.cli import main; main()"]


@dataclass
class Ran:
    code: int
    out: str
    err: str


def run_netpace(args: list[str], *, env: dict[str, str] | None = None, timeout: float = 60) -> Ran:
    done = subprocess.run(netpace_command() + args, capture_output=True, text=True,
                          env=env or env_without_db(), timeout=timeout)
    return Ran(done.returncode, done.stdout, done.stderr)


def assert_clean_failure(code: int, out: str, err: str, expected_code: int, *words: str) -> None:
    """Exit code as expected, one error sentence on stderr, no traceback, no ESC."""
    assert code == expected_code, (code, out, err)
    assert "Traceback" not in out + err
    assert "\x1b" not in out + err
    errors = [line for line in err.splitlines() if line.startswith(("netpace: ", "Error: "))]
    assert len(errors) == 1, err
    assert "unexpected error" not in errors[0]
    for word in words:
        assert word.lower() in errors[0].lower(), (word, errors[0])


# -- crash helper, reusable for the TUI: run something that reports progress line by line,
# -- and SIGKILL it (or its current child) once enough progress was reported.
@dataclass
class Killed:
    lines: list[str]   # every line the process printed before it died (flushed output)
    killed: int        # how many SIGKILLs were delivered
    returncode: int


def run_and_kill(argv: list[str], *, kill_after: list[int], target: Callable[[subprocess.Popen], int] | None = None,
                 env: dict[str, str] | None = None, timeout: float = 120, pause: float = 0.0) -> Killed:
    """Start `argv`; after it has printed `kill_after[i]` lines, SIGKILL `target(proc)` (default:
    the process itself). Keeps reading until the process exits; returns all lines.

    `target` lets a caller kill a child (the current `netpace log` of a shell loop, or the
    app process under a TUI driver) instead of the process that reports progress.
    """
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env or env_without_db(), bufsize=1)
    lines: list[str] = []
    pending = sorted(kill_after)
    killed = 0
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line.rstrip("\n"))
        while pending and len(lines) >= pending[0]:
            pending.pop(0)
            if pause:
                time.sleep(pause)
            pid = target(proc) if target else proc.pid
            if pid:
                try:
                    os.kill(pid, signal.SIGKILL)
                    killed += 1
                except ProcessLookupError:
                    pass
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError("process ran past its deadline")
    proc.wait(timeout=30)
    return Killed(lines, killed, proc.returncode)


def current_child(proc: subprocess.Popen) -> int:
    """The pid of a process's current child (e.g. the command a shell loop is running), or 0."""
    for _ in range(200):
        try:
            children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        except OSError:
            return 0
        if children:
            return int(children[-1])
        time.sleep(0.005)
    return 0
