"""The first run in a real terminal (tmux): a new database, the welcome screen, the
LinkedIn export's path typed with tab completion, the import, then the network.

tmux is required: without it this test fails rather than skips (CI installs it).
"""

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from netpace.store import open_store

from .test_import_any_file import export_zip

NOW = "2026-11-26 09:00"
PLACEHOLDER = "e.g. ~/Downloads/Basic_LinkedInDataExport_11-26-2026.zip"  # the path field's, while empty
BIN = Path(sys.executable).parent
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("terminal")]


def screen(session: str) -> str:
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], check=True, capture_output=True,
                          text=True).stdout


def wait_for(session: str, text: str, seconds: float = 30) -> str:
    end = time.monotonic() + seconds
    shown = ""
    while time.monotonic() < end:
        shown = screen(session)
        if text in shown:
            return shown
        time.sleep(0.05)
    raise AssertionError(f"not on screen after {seconds}s: {text!r}\n{shown}")


def keys(session: str, *names: str, literal: bool = False) -> None:
    subprocess.run(["tmux", "send-keys", "-t", session, *(["-l"] if literal else []), *names], check=True)


def test_the_first_run_imports_the_linkedin_export_from_the_welcome_screen(db_location):
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed: the real-terminal test needs it (apt-get install tmux)")
    db = db_location  # a file, then a PostgreSQL database
    with open_store(db):
        pass  # a new, empty database
    short = Path(tempfile.mkdtemp(prefix="np-"))  # a path the field shows whole
    zipped = export_zip(short)
    session = f"netpace-first-{uuid.uuid4().hex[:8]}"
    command = f"{shlex.quote(str(BIN / 'netpace'))} --db {shlex.quote(str(db))} --now '{NOW}'"
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "34", "-e", "COLUMNS=",
                    "-e", "LINES=", command], check=True, env=env)
    try:
        wait_for(session, "Welcome to netpace")
        typed = str(zipped)[:-12]  # the rest comes from tab completion
        for attempt in range(3):
            # Keys sent while the terminal still answers start-up queries can be lost: type
            # until the field shows what was typed. Before typing again, ctrl+u empties the
            # field, and the placeholder must be back first: the field acts on ctrl+u only
            # once the key has gone up to the app, and letters right behind it are typed
            # before that (seen under load: the new text typed, then wiped).
            if attempt:
                keys(session, "C-u")
                wait_for(session, PLACEHOLDER, seconds=10)
            keys(session, typed, literal=True)
            try:
                wait_for(session, typed, seconds=5)
                break
            except AssertionError:
                continue
        else:
            wait_for(session, typed, seconds=5)
        wait_for(session, str(zipped), seconds=10)  # the completion is shown: tab takes it
        keys(session, "Tab")
        keys(session, "Enter")
        shown = wait_for(session, "Left alone 18 other files of the export.")
        assert "Connections.csv: Added 8 contacts" in shown
        keys(session, "Enter")
        shown = wait_for(session, "Contacts 11 ·")
        assert "Welcome to netpace" not in shown and "Traceback" not in shown
        keys(session, "q")
        end = time.monotonic() + 15
        while time.monotonic() < end:
            if subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode != 0:
                break
            time.sleep(0.1)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        shutil.rmtree(short, ignore_errors=True)
    with open_store(db) as store:
        assert store.counts()["contacts"] == 11
