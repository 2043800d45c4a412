"""The real app in a real terminal (tmux): start, filter, capture, see a CLI change, quit.

tmux is required: without it this test fails rather than skips (CI installs it).
"""

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from netpace.store import open_store

from ..helpers import db_rows

NOW = "2026-11-26 09:00"
BIN = Path(sys.executable).parent


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def wait_for(session: str, text: str, seconds: float = 15) -> str:
    end = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < end:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.05)
    raise AssertionError(f"not on screen after {seconds}s: {text!r}\n{screen}")


def test_the_app_in_tmux(db_location):
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed: the real-terminal test needs it (apt-get install tmux)")
    db = db_location  # a file, then a PostgreSQL database: the everyday launch on either
    subprocess.run([str(BIN / "netpace"), "--db", str(db), "demo", "--now", NOW], check=True, capture_output=True)
    session = f"netpace-test-{uuid.uuid4().hex[:8]}"
    command = f"{BIN / 'netpace'} --db {shlex.quote(str(db))} --now '{NOW}'"
    env = {**os.environ, "TERM": "xterm-256color"}
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", command],
                   check=True, env=env)
    try:
        wait_for(session, "Maren Holt")
        time.sleep(0.5)  # keys sent while the terminal is still answering start-up queries can be lost
        tmux("send-keys", "-t", session, "/")
        tmux("send-keys", "-t", session, "-l", "nordlys")
        screen = wait_for(session, "Contacts 1 of 40")
        assert "Olivia Chen" not in screen
        tmux("send-keys", "-t", session, "Enter")
        time.sleep(0.3)  # a person's pause: enter moves focus back to the list first
        tmux("send-keys", "-t", session, "c")
        wait_for(session, "Log an interaction")
        tmux("send-keys", "-t", session, "-l", "Proposed Tuesday for the call")
        tmux("send-keys", "-t", session, "Enter")
        screen = wait_for(session, "Logged reply with Maren Holt")
        assert "Proposed Tuesday for the call" in screen
        # Another process logs at the app's own moment (the app's clock is fixed by --now, and
        # it rightly hides what is later than its now).
        subprocess.run([str(BIN / "netpace"), "--db", str(db), "log", "Maren Holt", "--in", "--at", NOW,
                        "--note", "Tuesday works, see you then"], check=True, capture_output=True)
        screen = wait_for(session, "Tuesday works, see you then", seconds=10)
        assert "Timeline 7 ·" in screen
        tmux("send-keys", "-t", session, "q")
        end = time.monotonic() + 10
        while time.monotonic() < end:
            alive = subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode == 0
            if not alive:
                break
            time.sleep(0.1)
        assert not alive, "the app did not quit on q"
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    with open_store(db) as store:
        maren = store.resolve("Maren Holt")
        notes = [i.note for i in store.interactions(maren.id)]
    assert {"Proposed Tuesday for the call", "Tuesday works, see you then"} <= set(notes)


def _standings(db) -> int:
    return db_rows(db, "SELECT count(*) FROM contact_standing")[0][0]


def _quit(session: str) -> None:
    tmux("send-keys", "-t", session, "q")
    end = time.monotonic() + 10
    while time.monotonic() < end:
        if subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode != 0:
            return
        time.sleep(0.1)
    raise AssertionError("the app did not quit on q")


def test_a_relaunch_draws_the_kept_list_then_logs_as_ever(db_location):
    """The everyday launch: the list as the last session kept it comes from the launcher's
    child process, the database is opened after it is drawn, and everything works as ever."""
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed: the real-terminal test needs it (apt-get install tmux)")
    db = db_location
    subprocess.run([str(BIN / "netpace"), "--db", str(db), "demo", "--now", NOW], check=True, capture_output=True)
    command = f"{BIN / 'netpace'} --db {shlex.quote(str(db))} --now '{NOW}'"
    env = {**os.environ, "TERM": "xterm-256color"}
    for launch in ("first", "again"):
        session = f"netpace-test-{uuid.uuid4().hex[:8]}"
        subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "24", command],
                       check=True, env=env)
        try:
            screen = wait_for(session, "Maren Holt")
            if launch == "first":
                end = time.monotonic() + 15
                while _standings(db) != 40 and time.monotonic() < end:
                    time.sleep(0.1)
                assert _standings(db) == 40, "the app did not keep its standings"
            else:
                assert "Traceback" not in screen
                wait_for(session, "Contacts 40 · by")  # loaded: "c" before that says "still loading"
                time.sleep(0.5)  # start-up queries answered
                tmux("send-keys", "-t", session, "c")
                wait_for(session, "Log an interaction")
                tmux("send-keys", "-t", session, "-l", "Sent the portfolio link")
                tmux("send-keys", "-t", session, "Enter")
                wait_for(session, "Logged")
            _quit(session)
        finally:
            subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    with open_store(db) as store:
        notes = [i.note for c in store.contacts() for i in store.interactions(c.id)]
    assert notes.count("Sent the portfolio link") == 1
