"""The real app in a real terminal (tmux): start, filter, capture, see a CLI change, quit.

tmux is required: without it this test fails rather than skips (CI installs it). The
terminal is driven by tests/hardening/terminal.py, as the crash and concurrency tests do.
"""

import sqlite3
import subprocess
from pathlib import Path

import pytest

from netpace.store import open_store

from ..hardening.terminal import NETPACE, NOW, Terminal, write_demo

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("terminal")]


def test_the_app_in_tmux(tmp_path):
    db = tmp_path / "netpace.db"
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
                        "--note", "Tuesday works, see you then"], check=True, capture_output=True)
        screen = term.wait_for("Tuesday works, see you then", seconds=10)
        assert "Timeline 7 ·" in screen
        assert term.quit() == 0
    finally:
        term.close()
    with open_store(db) as store:
        maren = store.resolve("Maren Holt")
        notes = [i.note for i in store.interactions(maren.id)]
    assert {"Proposed Tuesday for the call", "Tuesday works, see you then"} <= set(notes)


def _standings(db: Path) -> int:
    with sqlite3.connect(db) as raw:
        found = raw.execute("SELECT count(*) FROM contact_standing").fetchone()[0]
    raw.close()
    return found


def test_a_relaunch_draws_the_kept_list_then_logs_as_ever(tmp_path):
    """The everyday launch: the list as the last session kept it comes from the launcher's
    child process, the database is opened after it is drawn, and everything works as ever."""
    import time

    db = tmp_path / "netpace.db"
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
                term.wait_for("Contacts 40 ·")
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


def _wait_for_row(session: str, name: str, holds, seconds: float = 15) -> str:
    end = time.monotonic() + seconds
    row = ""
    while time.monotonic() < end:
        row = _row(tmux("capture-pane", "-p", "-t", session), name)
        if holds(row):
            return row
        time.sleep(0.05)
    raise AssertionError(f"{name}'s row never changed as expected: {row!r}")


def _press_until(session: str, key: str, text: str, tries: int = 3) -> str:
    """Press `key` until `text` is on screen (a key sent while the terminal still answers
    start-up queries can be lost)."""
    for _ in range(tries):
        tmux("send-keys", "-t", session, key)
        try:
            return wait_for(session, text, seconds=5)
        except AssertionError:
            continue
    raise AssertionError(f"{key!r} never brought {text!r}")


def test_daily_corrections_cross_between_the_app_and_the_command_line(tmp_path):
    """The app open in one terminal, the command line in another: a meeting confirmed,
    a snooze undone and a contact deleted by `netpace` show up in the app; a snooze made
    in the app is seen by the command line."""
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed: the real-terminal test needs it (apt-get install tmux)")
    db = tmp_path / "netpace.db"
    netpace = [str(BIN / "netpace"), "--db", str(db)]
    subprocess.run([*netpace, "demo", "--now", NOW], check=True, capture_output=True)
    session = f"netpace-test-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "TERM": "xterm-256color"}
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                    f"{BIN / 'netpace'} --db {db} --now '{NOW}'"], check=True, env=env)
    try:
        screen = wait_for(session, "Contacts 40 · by urgency")
        assert "confirm" in _row(screen, "Lukas Meyer")  # his meeting of Mon 23 Nov passed
        done = subprocess.run([*netpace, "confirm", "Lukas Meyer"], capture_output=True, text=True)
        assert done.returncode == 0 and done.stdout.startswith("Confirmed: you met Lukas Meyer")
        _wait_for_row(session, "Lukas Meyer", lambda row: row and "confirm" not in row)

        _press_until(session, "/", "/ filter")
        tmux("send-keys", "-t", session, "-l", "freya")
        wait_for(session, "Contacts 1 of 40")
        tmux("send-keys", "-t", session, "Enter")
        _press_until(session, "s", "Snooze Freya Lindqvist until")
        tmux("send-keys", "-t", session, "Enter")  # a day
        wait_for(session, "Snoozed Freya Lindqvist until")
        listed = subprocess.run([*netpace, "list"], capture_output=True, text=True).stdout
        assert "[snoozed]" in next(line for line in listed.splitlines() if "Freya Lindqvist" in line)
        woke = subprocess.run([*netpace, "wake", "Freya"], capture_output=True, text=True)
        assert woke.stdout.strip() == "Freya Lindqvist is active again."
        _wait_for_row(session, "Freya Lindqvist", lambda row: " wait " in row)

        gone = subprocess.run([*netpace, "delete", "Hiro Tanaka", "--yes"], capture_output=True, text=True)
        assert gone.returncode == 0
        tmux("send-keys", "-t", session, "Escape")  # the filter cleared: every contact
        screen = wait_for(session, "Contacts 39 · by urgency")
        assert "Hiro Tanaka" not in screen
        _quit(session)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    with open_store(db) as store:
        assert len(store.contacts()) == 39
        freya = store.resolve("Freya Lindqvist")
        assert freya.status.value == "active"


def test_the_app_asks_before_creating_a_database(tmp_path):
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed: the real-terminal test needs it (apt-get install tmux)")
    db = tmp_path / "new" / "netpace.db"
    env = {**os.environ, "TERM": "xterm-256color"}
    for answer in ("n", "y"):
        session = f"netpace-test-{uuid.uuid4().hex[:8]}"
        subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30",
                        f"{BIN / 'netpace'} --db {db} --now '{NOW}'; sleep 30"], check=True, env=env)
        try:
            screen = wait_for(session, "Create one there? [Y/n]")
            assert f"There is no netpace database at {db} yet.".replace(" ", "") in "".join(screen.split())
            tmux("send-keys", "-t", session, answer, "Enter")
            if answer == "n":
                wait_for(session, "Nothing was created.")
                assert not db.parent.exists()
            else:
                wait_for(session, "No contacts yet")
                assert db.is_file()
                tmux("send-keys", "-t", session, "q")
                wait_for(session, "Create one there? [Y/n]: y")  # the app gone, its question stays
        finally:
            subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    assert db.is_file()
