"""The real app in a real terminal (tmux): start, filter, capture, see a CLI change, quit.

tmux is required: without it this test fails rather than skips (CI installs it). The
terminal is driven by tests/hardening/terminal.py, as the crash and concurrency tests do.
Both tests run on a file and on a PostgreSQL database (there, another process's write
reaches the app through the server's notifications).
"""

import subprocess
import time
from pathlib import Path

import pytest

from netpace.store import open_store

from ..hardening.terminal import NETPACE, NOW, Terminal, write_demo
from ..helpers import db_rows

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("terminal")]


def test_the_app_in_tmux(db_location):
    db = db_location  # a file, then a PostgreSQL database: the everyday launch on either
    write_demo(db)
    term = Terminal(db, width=100, height=30)
    try:
        term.ready("Maren Holt")
        term.press_until("/", "esc Clear filter")
        screen = term.type_until("nordlys", "Contacts 1 of 40")
        assert "Olivia Chen" not in screen
        term.keys("Enter")
        term.wait_for("/ Filter n New")  # the list has the focus again
        term.capture("Proposed Tuesday for the call")
        term.wait_for("Logged reply with Maren Holt")
        # The timeline may be drawn a frame later, and a narrow pane wraps the note's last word.
        term.wait_for("Proposed Tuesday for the")
        # Another process logs at the app's own moment (the app's clock is fixed by --now, and
        # it rightly hides what is later than its now).
        subprocess.run([str(NETPACE), "--db", str(db), "log", "Maren Holt", "--in", "--at", NOW,
                        "--note", "Tuesday works, see you then"], check=True, capture_output=True, timeout=120)
        term.wait_for("Tuesday works, see", seconds=10)
        term.wait_for("Timeline 7 ·")  # the rows and the count may be drawn in different frames
        assert term.quit() == 0
    finally:
        term.close()
    with open_store(db) as store:
        maren = store.resolve("Maren Holt")
        notes = [i.note for i in store.interactions(maren.id)]
    assert {"Proposed Tuesday for the call", "Tuesday works, see you then"} <= set(notes)


def _standings(db) -> int:
    return db_rows(db, "SELECT count(*) FROM contact_standing")[0][0]


def test_a_relaunch_draws_the_kept_list_then_logs_as_ever(db_location):
    """The everyday launch: the list as the last session kept it comes from the launcher's
    child process, the database is opened after it is drawn, and everything works as ever."""
    db = db_location
    write_demo(db)
    for launch in ("first", "again"):
        term = Terminal(db, width=80, height=24)
        try:
            screen = term.ready("Maren Holt")
            if launch == "first":
                end = time.monotonic() + 15
                while _standings(db) != 40 and time.monotonic() < end:
                    time.sleep(0.1)
                assert _standings(db) == 40, "the app did not keep its standings"
            else:
                assert "Traceback" not in screen
                term.wait_for("Contacts 40 · by")  # loaded: "c" before that says "still loading"
                term.capture("Sent the portfolio link")
                term.wait_for("Logged")
            assert term.quit() == 0
        finally:
            term.close()
    with open_store(db) as store:
        notes = [i.note for c in store.contacts() for i in store.interactions(c.id)]
    assert notes.count("Sent the portfolio link") == 1


def _row(screen: str, name: str) -> str:
    """`name`'s row in the contact list (the left pane)."""
    for line in screen.splitlines():
        if line.startswith("│") and name in line.split("│")[1]:
            return line.split("│")[1]
    return ""


def _wait_for_row(term: Terminal, name: str, holds, seconds: float = 15) -> str:
    end = time.monotonic() + seconds
    row = ""
    while time.monotonic() < end:
        row = _row(term.screen(), name)
        if holds(row):
            return row
        time.sleep(0.05)
    raise AssertionError(f"{name}'s row never changed as expected: {row!r}")


def test_daily_corrections_cross_between_the_app_and_the_command_line(tmp_path):
    """The app open in one terminal, the command line in another: a meeting confirmed,
    a snooze undone and a contact deleted by `netpace` show up in the app; a snooze made
    in the app is seen by the command line."""
    db = tmp_path / "netpace.db"
    netpace = [str(NETPACE), "--db", str(db)]
    write_demo(db)
    term = Terminal(db, width=120, height=40)
    try:
        screen = term.ready("Contacts 40 · by urgency")
        assert "confirm" in _row(screen, "Lukas Meyer")  # his meeting of Mon 23 Nov passed
        done = subprocess.run([*netpace, "confirm", "Lukas Meyer"], capture_output=True, text=True)
        assert done.returncode == 0 and done.stdout.startswith("Confirmed: you met Lukas Meyer")
        # Confirmed, his row moves down the list (perhaps out of view): no row says confirm.
        _wait_for_row(term, "Lukas Meyer", lambda row: "confirm" not in row)

        term.select("freya")  # lower case: the filter's own line never passes for her row
        term.press_until("s", "Snooze Freya Lindqvist until")
        term.keys("Enter")  # a day
        term.wait_for("Snoozed Freya Lindqvist until")
        listed = subprocess.run([*netpace, "list"], capture_output=True, text=True).stdout
        assert "[snoozed]" in next(line for line in listed.splitlines() if "Freya Lindqvist" in line)
        woke = subprocess.run([*netpace, "wake", "Freya"], capture_output=True, text=True)
        assert woke.stdout.strip() == "Freya Lindqvist is active again."
        _wait_for_row(term, "Freya Lindqvist", lambda row: " wait " in row)

        gone = subprocess.run([*netpace, "delete", "Hiro Tanaka", "--yes"], capture_output=True, text=True)
        assert gone.returncode == 0
        term.press_until("/", "esc Clear filter")
        term.keys("Escape")  # the filter cleared: every contact
        screen = term.wait_for("Contacts 39 · by urgency")
        assert "Hiro Tanaka" not in screen
        assert term.quit() == 0
    finally:
        term.close()
    with open_store(db) as store:
        assert len(store.contacts()) == 39
        freya = store.resolve("Freya Lindqvist")
        assert freya.status.value == "active"


def test_the_app_asks_before_creating_a_database(tmp_path):
    db = tmp_path / "new" / "netpace.db"
    for answer in ("n", "y"):
        term = Terminal(db, width=100, height=30)
        try:
            screen = term.wait_for("Create one there? [Y/n]")
            assert f"There is no netpace database at {db} yet.".replace(" ", "") in "".join(screen.split())
            term.keys(answer, "Enter")
            if answer == "n":
                term.wait_for("Nothing was created.")
                assert not db.parent.exists()
            else:
                term.wait_for("Welcome to netpace")
                assert db.is_file()
                term.keys("Escape")  # "later": from the welcome screen to the (empty) list
                term.wait_for("No contacts yet")
                assert term.quit() == 0
        finally:
            term.close()
    assert db.is_file()
