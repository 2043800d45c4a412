"""The real app in tmux: SIGKILL in the middle of quick captures (while the CLI writes too),
the CLI writing while the app is open, and two apps on one database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import threading
import time

import pytest

from .helpers import integrity
from .robustness_report import record
from .terminal import NETPACE, NOW, Terminal, timeline_shows, write_demo

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("terminal")]

TUI_CONTACT = "Maren Holt"
CLI_CONTACT = "Olivia Chen"


def notes_of(db, name: str) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT i.note FROM interaction i JOIN contact c ON c.id = i.contact_id "
                            "WHERE c.name = ? ORDER BY i.id", (name,)).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


class CliLoop:
    """`netpace log` in a loop, one call after another, until stopped: every call's exit code and stderr."""

    def __init__(self, db, name: str, tag: str, *, limit: int | None = None, pause: float = 0.3) -> None:
        self.db, self.name, self.tag, self.limit, self.pause = db, name, tag, limit, pause
        self.calls: list[tuple[str, int, str]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        env = {k: v for k, v in os.environ.items() if k != "NETPACE_DB"}
        i = 0
        while not self.stop.is_set() and (self.limit is None or i < self.limit):
            note = f"{self.tag}-{i}"
            # At the apps' own moment: they run with --now NOW and rightly hide anything later.
            done = subprocess.run([str(NETPACE), "--db", str(self.db), "log", self.name, "--in", "--at", NOW,
                                   "--note", note],
                                  capture_output=True, text=True, env=env, timeout=60)
            self.calls.append((note, done.returncode, done.stderr))
            i += 1
            time.sleep(self.pause)

    def finish(self) -> list[tuple[str, int, str]]:
        """Stop the loop (a loop with a limit runs to it) and return every call."""
        if self.limit is None:
            self.stop.set()
        self.thread.join(timeout=120)
        assert not self.thread.is_alive()
        return self.calls


def saved_within(db, note: str, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while note not in notes_of(db, TUI_CONTACT):
        if time.monotonic() > deadline:
            raise AssertionError(f"{note!r} not in the database after {seconds}s")
        time.sleep(0.1)


def test_sigkill_of_the_app_in_the_middle_of_quick_captures(tmp_path, rng):
    """60 quick captures in the real app, which is SIGKILLed twice along the way (right after a
    capture's enter, before or during its save) and restarted; a CLI loop logs to another contact
    the whole time. A capture counts as confirmed once the app's timeline count showed it."""
    db = tmp_path / "netpace.db"
    write_demo(db)
    base = len(notes_of(db, TUI_CONTACT))
    total = 60
    kill_points = sorted(rng.sample(range(10, 30), 1) + rng.sample(range(40, 60), 1))
    typed: list[str] = []
    confirmed: list[str] = []  # shown by the app's timeline count, or found whole after a kill
    shown = 0  # confirmed on screen
    in_flight_saved = 0  # captures typed just before a kill that were saved anyway
    kills = 0
    reopened_ok = 0
    cli = CliLoop(db, CLI_CONTACT, "cli", pause=1.0)
    term = Terminal(db)
    try:
        term.ready()
        term.select(TUI_CONTACT)
        term.wait_for(timeline_shows(base))
        while len(typed) < total:
            note = f"tui capture {len(typed):03d}"
            term.capture(note)
            typed.append(note)
            if kill_points and len(typed) == kill_points[0]:
                kill_points.pop(0)
                time.sleep(rng.uniform(0.0, 0.2))  # where the kill lands: before, during or after the save
                os.kill(term.pid, signal.SIGKILL)
                kills += 1
                end = time.monotonic() + 15
                while term.alive() and time.monotonic() < end:
                    time.sleep(0.05)
                assert not term.alive()
                assert integrity(db) == "ok"
                in_db = notes_of(db, TUI_CONTACT)
                assert set(confirmed) <= set(in_db)
                # Reopen: the app starts on the database the kill left and shows what it holds.
                term.close()  # the dead pane, kept for reading (remain-on-exit)
                term = Terminal(db)
                term.ready()
                term.select(TUI_CONTACT)
                screen = term.wait_for(timeline_shows(len(in_db)))
                assert "locked" not in screen and "damaged" not in screen
                reopened_ok += 1
                # The interrupted capture was saved or not; either way it's no longer "in flight".
                if note in in_db:
                    confirmed.append(note)
                    in_flight_saved += 1
                continue
            screen = term.wait_for(timeline_shows(base + len(confirmed) + 1))
            assert "locked" not in screen
            confirmed.append(note)
            shown += 1
    finally:
        term.close()
        calls = cli.finish()
    assert kills == 2 and reopened_ok == 2
    assert integrity(db) == "ok"
    in_db = notes_of(db, TUI_CONTACT)
    assert set(confirmed) <= set(in_db)  # nothing the app confirmed was lost
    # Exactly the confirmed captures were added (a capture cut off by a kill is saved or not,
    # whole): nothing lost, nothing doubled, nothing invented.
    assert sorted(in_db[base:]) == sorted(confirmed)
    assert set(confirmed) <= set(typed)
    failed = [(n, code, err) for n, code, err in calls if code != 0 or err]
    assert not failed
    cli_notes = set(notes_of(db, CLI_CONTACT))
    assert {n for n, _, _ in calls} <= cli_notes
    assert len(calls) >= 10
    record("crash", f"SIGKILL of the app (tmux) during {total} quick captures, restarted after each", kills,
           reopened_ok if set(confirmed) <= set(in_db) else 0,
           f"{shown} captures confirmed on screen, all present; of the {kills} in flight at a kill, "
           f"{in_flight_saved} saved whole, the rest not at all; integrity_check ok; "
           f"{len(calls)} `netpace log` calls ran meanwhile, all exit 0 and present")



def test_two_apps_and_the_cli_on_one_database(tmp_path):
    """Two apps (tmux) on one database each see the other's capture within a few seconds; then
    20 `netpace log` calls run while both apps keep capturing: no 'locked' anywhere, every row
    there, and both apps show the final count."""
    db = tmp_path / "netpace.db"
    write_demo(db)
    base = len(notes_of(db, TUI_CONTACT))
    one, two = Terminal(db), Terminal(db)
    seen_by_other = 0
    try:
        for term in (one, two):
            term.ready()
            term.select(TUI_CONTACT)
            term.wait_for(timeline_shows(base))
        expected = base
        for n, (me, other) in enumerate([(one, two), (two, one), (one, two), (two, one)]):
            note = f"app capture {n}"
            me.capture(note)
            expected += 1
            me.wait_for(timeline_shows(expected))
            me.wait_for(note)  # the count and the rows may be drawn in different frames
            other.wait_for(timeline_shows(expected), seconds=10)  # polls every 2 s
            other.wait_for(note)  # the count and the rows may be drawn in different frames
            seen_by_other += 1
        cli = CliLoop(db, TUI_CONTACT, "cli", limit=20, pause=0.0)
        during = []
        while cli.thread.is_alive() and len(during) < 6:
            me = one if len(during) % 2 == 0 else two
            note = f"during cli {len(during)}"
            me.capture(note)
            # Saved, not necessarily still in view: the CLI's rows at the same moment come after
            # it in the newest-first timeline and can push it below the pane's last line.
            saved_within(db, note)
            during.append(note)
        calls = cli.finish()
        final = expected + len(calls) + len(during)
        for term in (one, two):
            screen = term.wait_for(timeline_shows(final), seconds=10)
            assert "locked" not in screen and "Database" not in screen
    finally:
        one.close()
        two.close()
    assert len(calls) == 20
    failed = [(n, code, err) for n, code, err in calls if code != 0 or err]
    assert not failed
    notes = notes_of(db, TUI_CONTACT)
    assert len(notes) == final
    assert {f"app capture {n}" for n in range(4)} | set(during) | {n for n, _, _ in calls} <= set(notes)
    assert integrity(db) == "ok"
    record("concurrency", "two apps (tmux) on one database, capturing in turn", 4, seen_by_other,
           "each capture shown by the other app within 10 s (it polls every 2 s); both rows in the database")
    record("concurrency", "20 `netpace log` calls while two apps (tmux) are open and capturing",
           len(calls) + len(during), len(calls) + len(during),
           f"{len(during)} app captures meanwhile; no 'locked', every call exit 0, both apps show every row")
