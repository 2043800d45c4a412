"""The `netpace` entry point: the everyday launch reads its first view in a forked child;
everything else, and every launch the child can't serve, goes through the CLI unchanged."""

from __future__ import annotations

import os
import time

import pytest

import netpace.__main__ as entry
from netpace.startup import fork
from netpace.startup import kept_list
from netpace.clock import now_from
from netpace.demo import write_demo
from netpace.store import open_store, standings
from netpace.store.migrations import latest_version

from ..helpers import at_version, sqlite_file

NOW_TEXT = "2026-11-26 09:00"


@pytest.mark.parametrize("args, plain", [
    ([], (None, None)),
    (["--db", "x.db"], ("x.db", None)),
    (["--db=x.db", "--now", "2026-11-26 09:00"], ("x.db", "2026-11-26 09:00")),
    (["--now=tomorrow", "--db", "a b.db"], ("a b.db", "tomorrow")),
    (["list"], None),
    (["--demo"], None),
    (["--help"], None),
    (["--db"], None),
    (["--db", "x.db", "--db", "y.db"], None),
    (["--db", "--now"], None),
    (["--db="], None),
    (["--db", "x.db", "triage"], None),
    (["--version"], None),
])
def test_only_the_plain_launch_takes_the_quick_way(args, plain):
    assert fork.plain_launch(args) == plain


@pytest.fixture
def kept(tmp_path):
    """A demo database whose standings a session has kept."""
    path = tmp_path / "kept.db"
    with open_store(path) as store:
        write_demo(store, now_from(NOW_TEXT))
        standings.save(store, now_from(NOW_TEXT))
    return path


def test_the_answer_is_the_first_view_the_app_would_read(kept):
    with open_store(kept) as store:
        store.set_theme("solarized-light")
    found = kept_list.answer(str(kept), NOW_TEXT)
    kind, path, timestamp, offset, total, rows, theme = found
    assert theme == "solarized-light"  # the app's first frame is drawn in the theme kept
    now = now_from(NOW_TEXT)
    with open_store(kept) as store:
        expected, count = standings.first_view(store, now)
    assert (kind, path, total) == ("view", str(kept), count)
    assert [kept_list.unpack(row) for row in rows] == expected
    moment = kept_list.moment(timestamp, offset)
    assert moment == now and moment.utcoffset() == now.utcoffset() and moment.date() == now.date()


def test_with_no_standings_kept_the_child_assesses_everyone(tmp_path, kept):
    """A database's first launch (or one long after the last): the child reads the whole
    network while the app imports Textual; the view is the list's top all the same."""
    fresh = tmp_path / "fresh.db"
    with open_store(fresh) as store:
        write_demo(store, now_from(NOW_TEXT))
    found = kept_list.answer(str(fresh), NOW_TEXT)
    assert found[0] == "view" and found[4] == 40
    assert found[5] == kept_list.answer(str(kept), NOW_TEXT)[5]  # as from kept standings
    with open_store(fresh) as store:
        assert store.models.standing.select().count() == 0  # the child only reads


def _files(folder):
    return sorted(p.name for p in folder.iterdir())


def test_no_answer_and_nothing_changed_when_the_child_cant_serve_the_launch(tmp_path, kept):
    missing = tmp_path / "new" / "none.db"
    assert kept_list.answer(str(missing), NOW_TEXT) == kept_list.NONE
    assert not missing.parent.exists()  # the CLI creates it, not the child

    empty = tmp_path / "empty.db"
    open_store(empty).close()
    assert kept_list.answer(str(empty), NOW_TEXT) == kept_list.NONE  # no contacts: nothing to show

    assert kept_list.answer(str(kept), "not a time") == kept_list.NONE
    assert kept_list.answer(str(tmp_path), NOW_TEXT) == kept_list.NONE  # a folder

    text = tmp_path / "notes.txt"
    text.write_text("hello")
    foreign = sqlite_file(tmp_path / "foreign.db", "CREATE TABLE songs (title TEXT)")
    older = tmp_path / "older.db"
    older.write_bytes(kept.read_bytes())
    sqlite_file(older, *at_version(latest_version() - 1))
    before = {p: p.read_bytes() for p in (text, foreign, older)}
    listing = _files(tmp_path)
    for path in before:
        assert kept_list.answer(str(path), NOW_TEXT) == kept_list.NONE
    assert {p: p.read_bytes() for p in before} == before  # no upgrade, no WAL switch
    assert _files(tmp_path) == listing  # and no backup made


def test_the_forked_child_answers_as_the_function_does(kept):
    child = fork.Child.start(str(kept), NOW_TEXT)
    assert child.answer() == kept_list.answer(str(kept), NOW_TEXT)
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # reaped


def test_a_child_that_fails_or_hangs_is_no_answer_and_is_reaped(kept, monkeypatch):
    def broken(db, now):
        raise RuntimeError("boom")

    monkeypatch.setattr(kept_list, "answer", broken)
    child = fork.Child.start(str(kept), NOW_TEXT)
    assert child.answer() is None
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)

    monkeypatch.setattr(kept_list, "answer", lambda db, now: time.sleep(60))
    child = fork.Child.start(str(kept), NOW_TEXT)
    started = time.monotonic()
    assert child.answer(timeout=0.3) is None
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # killed and reaped


def _wired(monkeypatch, shown: bool):
    """main() with a terminal, recording what the app and the CLI were given."""
    seen: dict = {}

    def run_after_child(child, now_text, db=None):
        seen["answer"] = child.answer()
        seen["now_text"] = now_text
        seen["db"] = db
        return shown and seen["answer"][0] == "view"

    def cli_main(args):
        seen["cli"] = args

    import netpace.cli
    import netpace.ui.run

    monkeypatch.setattr(fork, "in_terminal", lambda: True)
    monkeypatch.setattr(netpace.ui.run, "run_after_child", run_after_child)
    monkeypatch.setattr(netpace.cli, "main", cli_main)
    return seen


def test_a_launch_with_standings_kept_runs_the_app_on_the_childs_view(kept, monkeypatch):
    seen = _wired(monkeypatch, shown=True)
    entry.main(["--db", str(kept), "--now", NOW_TEXT])
    assert seen["answer"][0] == "view" and seen["now_text"] == NOW_TEXT and seen["db"] == str(kept)
    assert "cli" not in seen


def test_a_launch_the_child_cant_serve_goes_to_the_cli(tmp_path, monkeypatch):
    seen = _wired(monkeypatch, shown=True)
    args = ["--db", str(tmp_path / "none.db")]
    entry.main(args)
    assert seen["answer"] == kept_list.NONE and seen["cli"] == args


def test_other_commands_go_to_the_cli_without_a_child(monkeypatch):
    seen = _wired(monkeypatch, shown=True)
    entry.main(["list"])
    assert seen == {"cli": ["list"]}


def test_without_a_terminal_the_cli_says_the_app_needs_one(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        entry.main(["--db", str(tmp_path / "x.db")])
    assert exit_info.value.code == 2
    assert "The app needs a terminal" in capsys.readouterr().err


def test_the_child_finds_the_database_where_the_cli_would(kept, monkeypatch, tmp_path):
    monkeypatch.setenv("NETPACE_DB", str(kept))
    assert kept_list.answer(None, NOW_TEXT)[1] == str(kept)
    monkeypatch.setenv("HOME", str(tmp_path))
    home_db = tmp_path / "mine.db"
    home_db.write_bytes(kept.read_bytes())
    assert kept_list.answer("~/mine.db", NOW_TEXT)[1] == str(home_db)


DRIVERS_CHECK = """
import sys
from netpace.startup import fork
fork.without_server_drivers(["--db", sys.argv[1]])
import peewee
print(peewee.psycopg is None, sys.modules.get("psycopg", "absent") is None)
"""


@pytest.mark.parametrize("location, hidden", [
    ("{tmp}/netpace.db", "True True"),
    ("postgresql://someone@localhost/netpace", None),
])
def test_the_child_loads_no_postgresql_driver_for_a_file(tmp_path, location, hidden):
    import subprocess
    import sys

    # psycopg is installed with the test extra (as with [postgres]): what would be loaded.
    run = subprocess.run([sys.executable, "-c", DRIVERS_CHECK, location.format(tmp=tmp_path)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    # A file: Peewee comes without psycopg. A server: psycopg is loaded as ever.
    assert run.stdout.split() == (hidden or "False False").split()


COMMAND_DRIVERS_CHECK = """
import sys
from netpace.startup import fork
fork.without_server_drivers(sys.argv[1:])
import peewee
print(peewee.psycopg is None)
"""


@pytest.mark.parametrize("args, env, hidden", [
    (["--db", "{tmp}/n.db", "triage", "--all"], {}, True),
    (["list"], {}, True),
    (["log", "Maren", "--out", "--note", "see https://example.org/postgresql://x"], {}, True),
    (["--db", "postgresql://me@db.example/netpace", "list"], {}, False),
    (["--db=POSTGRES://me@db.example/netpace", "list"], {}, False),
    (["--db", "{tmp}/n.db", "copy", "--to", "postgresql://me@db.example/netpace"], {}, False),
    (["--db", "{tmp}/n.db", "copy", "--to=postgresql://me@db.example/netpace"], {}, False),
    (["demo", "--db", "postgres://me@db.example/netpace"], {}, False),
    (["list"], {"NETPACE_DB": "postgresql://me@db.example/netpace"}, False),
    (["--db", "postgresql://"], {}, False),
])
def test_a_command_on_files_only_loads_no_postgresql_driver(tmp_path, args, env, hidden):
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", COMMAND_DRIVERS_CHECK, *(a.format(tmp=tmp_path) for a in args)],
                         capture_output=True, text=True, timeout=60,
                         env={**{k: v for k, v in os.environ.items() if k != "NETPACE_DB"}, **env})
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [str(hidden)]


def test_the_netpace_command_on_a_file_never_imports_psycopg(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "n.db"
    with open_store(db) as store:
        write_demo(store, now_from(NOW_TEXT))
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "netpace", "--db", str(db), "triage", "--now",
                          NOW_TEXT], capture_output=True, text=True, timeout=120,
                         env={k: v for k, v in os.environ.items() if k != "NETPACE_DB"})
    assert run.returncode == 0, run.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
    assert "peewee" in imported and "psycopg.pq" not in imported
