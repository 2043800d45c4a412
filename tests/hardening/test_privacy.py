"""Personal data stays private: file modes, no network, no shell built from user data."""

from __future__ import annotations

import os
import re
import socket
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

import netpace
from netpace.cli import cli

from .robustness_report import record


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """Prove the modes don't come from a strict umask: allow everything while testing."""
    old = os.umask(0)
    yield
    os.umask(old)


def test_database_backups_and_folders_are_private_even_with_umask_0(tmp_path, open_umask):
    db = tmp_path / "deep" / "data" / "netpace.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "add", "Private Person"]).exit_code == 0
    assert runner.invoke(cli, ["--db", str(db), "log", "Private", "--out"]).exit_code == 0
    assert mode(db) == 0o600
    assert mode(db.parent) == 0o700 and mode(db.parent.parent) == 0o700
    for suffix in ("-wal", "-shm"):
        side = Path(f"{db}{suffix}")
        if side.exists():  # SQLite gives these the database file's mode
            assert mode(side) & 0o077 == 0
    assert runner.invoke(cli, ["--db", str(db), "backup"]).exit_code == 0
    out = tmp_path / "exports" / "copy.db"
    assert runner.invoke(cli, ["--db", str(db), "backup", "--out", str(out)]).exit_code == 0
    made = list((db.parent / "backups").iterdir())
    assert len(made) == 1 and mode(made[0]) == 0o600 and mode(made[0].parent) == 0o700
    assert mode(out) == 0o600 and mode(out.parent) == 0o700
    restored = tmp_path / "restored" / "netpace.db"
    assert runner.invoke(cli, ["--db", str(restored), "restore", str(out)]).exit_code == 0
    assert mode(restored) == 0o600 and mode(restored.parent) == 0o700


def test_no_network_connection_is_ever_opened(tmp_path, monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError("netpace tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    db = tmp_path / "n.db"
    commands = [
        ["demo", "--now", "2026-11-20 12:00"], ["path"], ["add", "Net Person", "--email", "a@example.com",
        "--linkedin", "https://www.linkedin.com/in/someone"], ["log", "Net Person", "--out"],
        ["list"], ["list", "--json"], ["show", "Net Person", "--json"], ["triage", "--all"],
        ["triage", "--json"], ["backup"],
    ]
    runner = CliRunner()
    for args in commands:
        result = runner.invoke(cli, ["--db", str(db), *args])
        assert result.exit_code == 0, (args, result.output, result.exception)
    backup = next((tmp_path / "backups").iterdir())
    assert runner.invoke(cli, ["--db", str(db), "restore", str(backup)]).exit_code == 0
    assert attempts == []
    record("privacy", "CLI commands run with every socket connect/resolve patched to fail",
           len(commands) + 1, len(commands) + 1, "no connection attempted")


# A module may only run programs if it is listed here, with a reason.
ALLOWED_TO_RUN_PROGRAMS: dict[str, str] = {
    "cli/reminders.py": "`triage --notify` runs notify-send, found on PATH, with fixed arguments and no shell, "
                        "for the desktop notification asked for",
    "ui/links.py": "O opens a profile or a mail through Textual's App.open_url (Python's webbrowser); this asks "
                   "webbrowser which program that would be, and refuses text browsers",
}
DANGEROUS = re.compile(
    r"\bsubprocess\b|\bos\.(system|popen|exec\w*|spawn\w*|posix_spawn\w*)\b|shell\s*=\s*True"
    r"|\bpty\b|\bcommands\.getoutput|\bwebbrowser\b|\beval\(|\bexec\("
)


def test_no_shell_or_program_is_run_from_netpace_code():
    root = Path(netpace.__file__).parent
    found = []
    checked = 0
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        checked += 1
        if rel in ALLOWED_TO_RUN_PROGRAMS:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if DANGEROUS.search(code):
                found.append(f"{rel}:{number}: {line.strip()}")
    assert checked > 10
    assert found == []


def test_the_static_check_catches_what_it_should():
    for bad in ("import subprocess", "os.system(cmd)", "run(x, shell=True)", "os.popen(name)",
                "os.execvp('sh', args)", "eval(text)"):
        assert DANGEROUS.search(bad), bad
    for fine in ("description = 'subprocesses'", "systematic = 1", "shell_name = 'x'"):
        assert not DANGEROUS.search(fine), fine
