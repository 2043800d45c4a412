"""The real app in a real terminal (tmux), for the crash and concurrency tests.

tmux is required: without it these tests fail rather than skip (.ci/run installs it).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

NOW = "2026-11-26 09:00"
NETPACE = Path(sys.executable).parent / "netpace"
# The footer while the contact list has the focus (the filter's footer starts "esc Clear filter").
LIST_FOOTER = "/ Filter n New"


def require_tmux() -> None:
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed: the real-terminal tests need it (apt-get install tmux)")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def write_demo(db: Path | str) -> None:
    subprocess.run([str(NETPACE), "--db", str(db), "demo", "--now", NOW], check=True, capture_output=True, timeout=120)


class Terminal:
    """One tmux session running `netpace --db DB --now NOW` (DB a file, or a PostgreSQL URL)."""

    def __init__(self, db: Path | str, *, width: int = 110, height: int = 46) -> None:
        require_tmux()
        self.db = db
        self.session = f"netpace-hard-{uuid.uuid4().hex[:8]}"
        command = f"{shlex.quote(str(NETPACE))} --db {shlex.quote(str(db))} --now {shlex.quote(NOW)}"
        env = {**os.environ, "TERM": "xterm-256color"}
        env.pop("NETPACE_DB", None)
        subprocess.run(["tmux", "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height),
                        command], check=True, env=env)
        # Should the app ever exit by itself, keep its last screen (and any message) to read.
        subprocess.run(["tmux", "set-option", "-t", self.session, "remain-on-exit", "on"], capture_output=True)
        self.pid = self._app_pid()

    def _app_pid(self) -> int:
        """The app's own process: the pane's process, or its child if tmux kept a shell."""
        pane = int(tmux("display", "-p", "-t", self.session, "#{pane_pid}").strip())
        for _ in range(100):
            cmdline = Path(f"/proc/{pane}/cmdline").read_bytes().replace(b"\0", b" ")
            if b"netpace" in cmdline and b"--db" in cmdline and not cmdline.startswith((b"sh ", b"/bin/sh")):
                return pane
            children = Path(f"/proc/{pane}/task/{pane}/children").read_text().split()
            if children:
                return int(children[0])
            time.sleep(0.02)
        raise AssertionError(f"could not find the app's process under pane {pane}")

    def screen(self) -> str:
        return tmux("capture-pane", "-p", "-t", self.session)

    def keys(self, *keys: str) -> None:
        tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        tmux("send-keys", "-t", self.session, "-l", text)

    def wait_for(self, text: str | re.Pattern, seconds: float = 15) -> str:
        """Wait until `text` (or a regex match) is on screen; return the screen."""
        end = time.monotonic() + seconds
        screen = ""
        while time.monotonic() < end:
            screen = self.screen()
            if (text.search(screen) if isinstance(text, re.Pattern) else text in screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"not on screen after {seconds}s: {text!r}\n{screen}")

    def wait_until_gone(self, text: str, seconds: float = 15) -> str:
        end = time.monotonic() + seconds
        screen = ""
        while time.monotonic() < end:
            screen = self.screen()
            if text not in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"still on screen after {seconds}s: {text!r}\n{screen}")

    def ready(self, text: str = "Contacts ") -> str:
        return self.wait_for(text, seconds=30)

    def press_until(self, key: str, shown: str, *, tries: int = 5, seconds: float = 4) -> str:
        """Press `key` until `shown` is on screen. A key sent while the app still answers the
        terminal's start-up queries can be lost: pressed again if nothing happened in
        `seconds`. (Should a slow first press land after all, the second one types its
        letter into the field it opened: `type_until` clears that.)"""
        for _ in range(tries):
            self.keys(key)
            try:
                return self.wait_for(shown, seconds=seconds)
            except AssertionError:
                continue
        return self.wait_for(shown, seconds=seconds)

    def type_until(self, text: str, shown: str | re.Pattern, *, tries: int = 3, seconds: float = 5) -> str:
        """Type `text` into the focused field until `shown` is on screen; if it isn't, clear
        the field (ctrl+u) and type it again. Not ctrl+u first: keys right behind `/` or `c`
        are held for the field they open, and a ctrl+u among them may land after the text."""
        for attempt in range(tries):
            if attempt:
                self.keys("C-u")
            self.type(text)
            try:
                return self.wait_for(shown, seconds=seconds)
            except AssertionError:
                continue
        return self.wait_for(shown, seconds=seconds)

    def select(self, name: str) -> None:
        """Filter the list down to `name` and go back to the list with it selected."""
        self.press_until("/", "esc Clear filter")
        self.type_until(name, "Contacts 1 of ")
        self.keys("Enter")
        self.wait_for(LIST_FOOTER)  # enter has moved the focus back to the list

    def timeline_count(self) -> int:
        match = TIMELINE.search(self.screen())
        assert match, self.screen()
        return int(match.group(1))

    def capture(self, note: str) -> None:
        """Quick capture: c, the note, enter. Doesn't wait for the save."""
        self.press_until("c", "Log an interaction")
        self.type_until(note, note)
        self.keys("Enter")

    def quit(self, seconds: float = 30) -> int:
        """q, and wait until the app has exited; its exit status."""
        self.keys("q")
        end = time.monotonic() + seconds
        while (status := self.exit_status()) is None and time.monotonic() < end:
            time.sleep(0.05)
        assert status is not None, "the app did not quit on q\n" + self.screen()
        return status

    def exit_status(self) -> int | None:
        """The app's exit status once it has exited (the pane is kept): minus the signal's
        number if a signal ended it; None while it runs."""
        done = subprocess.run(["tmux", "display", "-p", "-t", self.session,
                               "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}"], capture_output=True, text=True)
        dead, status, signal_number = (done.stdout.strip().split(":") + ["", "", ""])[:3]
        if done.returncode != 0 or dead != "1":
            return None
        return int(status) if status else -int(signal_number or 0)

    def alive(self) -> bool:
        done = subprocess.run(["tmux", "display", "-p", "-t", self.session, "#{pane_dead}"],
                              capture_output=True, text=True)
        return done.returncode == 0 and done.stdout.strip() == "0"

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.session], capture_output=True)


TIMELINE = re.compile(r"Timeline (\d+) ")


def timeline_shows(count: int) -> re.Pattern:
    return re.compile(rf"Timeline {count} ")
