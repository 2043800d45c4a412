"""The real app in a real terminal (tmux): start, filter, capture, see a CLI change, quit.

tmux is required: without it this test fails rather than skips (CI installs it). The
terminal is driven by tests/hardening/terminal.py, as the crash and concurrency tests do.
Both tests run on a file and on a PostgreSQL database (there, another process's write
reaches the app through the server's notifications).
"""

import subprocess
import time

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
        screen = term.wait_for("Logged reply with Maren Holt")
        assert "Proposed Tuesday for the call" in screen
        # Another process logs at the app's own moment (the app's clock is fixed by --now, and
        # it rightly hides what is later than its now).
        subprocess.run([str(NETPACE), "--db", str(db), "log", "Maren Holt", "--in", "--at", NOW,
                        "--note", "Tuesday works, see you then"], check=True, capture_output=True, timeout=120)
        screen = term.wait_for("Tuesday works, see you then", seconds=10)
        assert "Timeline 7 ·" in screen
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
