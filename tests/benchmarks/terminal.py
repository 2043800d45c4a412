"""Timing what a user sees: a command in a real terminal (tmux, fixed size), polled with
`tmux capture-pane -p` until a given text is on the screen; plus the peak memory of the
process tree running in it.

Each Terminal uses its own tmux server (a private socket, no config file), so the
benchmarks never touch anyone else's tmux sessions and always start from the defaults.

    with Terminal([sys.executable, "bare_app.py"], size=(120, 40)) as term:
        seconds = term.wait_for("ready") - term.started
        term.send_keys("q")

`launch_to_visible(command, text)` does exactly that for a launch row.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

_counter = itertools.count()


class NotVisible(Exception):
    pass


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def process_tree(root: int) -> list[int]:
    """`root` and all its descendants, from /proc."""
    tree = _children()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(tree.get(pid, ()))
    return found


def peak_rss(pids: list[int]) -> int:
    """Sum of each process's peak resident set (VmHWM), in bytes. For one process that is
    its exact peak; for several it is an upper bound of their peak together."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) * 1024
                    break
        except OSError:
            continue
    return total


class Terminal:
    def __init__(self, command: list[str], size: tuple[int, int] = (120, 40), env: dict[str, str] | None = None,
                 cwd: str | None = None):
        self.command = command
        self.size = size
        self.env = env or {}
        self.cwd = cwd
        self.socket = f"npbench-{os.getpid()}-{next(_counter)}"
        self.started: float | None = None
        self.peak_bytes = 0
        self._pane_pid: int | None = None

    def _tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args],
                              capture_output=True, text=True)
        if check and done.returncode != 0:
            raise NotVisible(f"tmux {args[0]} failed: {done.stderr.strip()}")
        return done.stdout

    def start(self) -> float:
        """Launch the command; returns the moment (perf_counter) just before launching."""
        cols, rows = self.size
        env_args = [arg for key, value in self.env.items() for arg in ("-e", f"{key}={value}")]
        cwd_args = ["-c", self.cwd] if self.cwd else []
        self.started = time.perf_counter()
        self._tmux("new-session", "-d", "-s", "bench", "-x", str(cols), "-y", str(rows),
                   *env_args, *cwd_args, *self.command)
        return self.started

    def pane_pid(self) -> int:
        if self._pane_pid is None:
            self._pane_pid = int(self._tmux("display-message", "-p", "-t", "bench", "#{pane_pid}").strip())
        return self._pane_pid

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "bench")

    def sample_memory(self) -> int:
        try:
            self.peak_bytes = max(self.peak_bytes, peak_rss(process_tree(self.pane_pid())))
        except (NotVisible, ValueError):
            pass
        return self.peak_bytes

    def wait_for(self, text: str, timeout: float = 30.0, poll: float = 0.005) -> float:
        """The moment (perf_counter) `text` was first seen on the screen."""
        deadline = time.perf_counter() + timeout
        while True:
            try:
                screen = self.screen()
            except NotVisible:
                screen = ""
            now = time.perf_counter()
            if text in screen:
                self.sample_memory()
                return now
            if now > deadline:
                raise NotVisible(f"{text!r} not on screen after {timeout:.0f} s; the screen:\n{screen}")
            self.sample_memory()
            time.sleep(poll)

    def send_keys(self, *keys: str) -> float:
        """Send tmux key names (Enter, Escape, C-p, ...); returns the moment before sending."""
        moment = time.perf_counter()
        self._tmux("send-keys", "-t", "bench", *keys)
        return moment

    def type_text(self, text: str) -> float:
        moment = time.perf_counter()
        self._tmux("send-keys", "-t", "bench", "-l", text)
        return moment

    def settle(self, seconds: float, poll: float = 0.05) -> int:
        """Keep sampling memory for a while (work that goes on after the first paint)."""
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self.sample_memory()
            time.sleep(poll)
        return self.peak_bytes

    def close(self) -> None:
        self._tmux("kill-server", check=False)

    def __enter__(self) -> "Terminal":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@dataclass(frozen=True)
class Launch:
    seconds: float  # launch to `text` visible
    peak_bytes: int  # peak RSS of the process tree, through `settle` seconds after visible
    screen: str


def launch_to_visible(command: list[str], text: str, *, size: tuple[int, int] = (120, 40),
                      timeout: float = 30.0, settle: float = 0.0, env: dict[str, str] | None = None) -> Launch:
    """Start `command` in a fresh tmux at `size`; time until `text` is on the screen."""
    with Terminal(command, size=size, env=env) as term:
        seen = term.wait_for(text, timeout=timeout)
        screen = term.screen()
        if settle:
            term.settle(settle)
        return Launch(seen - term.started, term.peak_bytes, screen)
