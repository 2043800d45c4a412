"""Hypothesis drives the command line with arguments from each command's grammar mixed
with random text: never a traceback, exit code 0/1/2, no ESC in output, and the database
passes integrity_check afterwards."""

from __future__ import annotations

import io
import sqlite3
from contextlib import redirect_stderr, redirect_stdout

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from netpace.cli import cli, main
from netpace.domain.model import Channel, Kind, MetVia

from .helpers import integrity, seed
from .robustness_report import record

pytestmark = pytest.mark.slow

EXAMPLES = 200

junk = st.text(max_size=40)
names = st.sampled_from(["Ann Lee", "Same Name", "ann", "#1", "2", "3", "99", "", " "]) | junk
whens = st.sampled_from(["now", "today", "yesterday", "tomorrow", "3d ago", "2w ago", "90m ago",
                         "in 3d", "2024-02-29", "2024-02-30", "2026-11-20 14:30", "0001-01-01",
                         "9999-12-31", "999999d ago", "1900-01-01", "12:00", "-1d ago"]) | junk
numbers = st.integers(-10, 10_000).map(str) | junk


def opt(flag, values):
    return st.tuples(st.just(flag), values).map(list)


def command(name, *, positional=(), options=(), flags=()):
    parts = [opt(f, v) for f, v in options] + [st.just([f]) for f in flags]
    return st.tuples(
        st.just([name]),
        st.lists(st.one_of(*positional), max_size=2) if positional else st.just([]),
        st.lists(st.one_of(*parts), max_size=5) if parts else st.just([]),
    ).map(lambda t: t[0] + t[1] + [x for part in t[2] for x in part])


GRAMMAR = st.one_of(
    command("add", positional=(names,), options=[
        ("--company", junk), ("--role", junk), ("--email", junk), ("--phone", junk), ("--linkedin", junk),
        ("--met-via", st.sampled_from([m.value for m in MetVia]) | junk), ("--met-on", whens),
        ("--tag", junk), ("--keep-in-touch", numbers), ("--note", junk)]),
    command("log", positional=(names,), options=[
        ("--channel", st.sampled_from([c.value for c in Channel]) | junk),
        ("--kind", st.sampled_from([k.value for k in Kind]) | junk), ("--at", whens), ("--note", junk)],
        flags=["--out", "--in", "--both"]),
    command("list", positional=(junk,), flags=["--json"]),
    command("show", positional=(names,), options=[("--now", whens)], flags=["--json"]),
    command("triage", options=[("--now", whens)], flags=["--all", "--json"]),
    command("path"),
    command("backup", options=[("--out", junk)]),
    command("restore", positional=(junk,)),
    st.lists(junk, max_size=4),
    st.lists(st.sampled_from(["--help", "-h", "--version", "--demo", "--now", "--db", "log", "add"]) | junk,
             max_size=4),
)

TALLY = {"runner": [0, 0], "main": [0, 0]}


def fuzz_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    db = folder / "netpace.db"
    seed(db)
    return folder, db


def check_output(text: str) -> None:
    assert "Traceback" not in text
    assert "\x1b" not in text and "\x9b" not in text
    assert "unexpected error" not in text, text


def test_fuzz_cli_runner(tmp_path_factory, monkeypatch, rng):
    folder, db = fuzz_db(tmp_path_factory)
    monkeypatch.chdir(folder)  # relative --out / restore paths land in the temporary folder
    runner = CliRunner()

    @hypothesis_seed(rng.getrandbits(64))  # the test's seed, printed if it fails
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(GRAMMAR)
    def run(args):
        result = runner.invoke(cli, ["--db", str(db), *args])
        TALLY["runner"][0] += 1
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code in (0, 1, 2), (args, result.exit_code)
        check_output(result.stdout + result.stderr)
        TALLY["runner"][1] += 1

    run()
    assert integrity(db) == "ok"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    record("fuzzing", "hypothesis: random CLI arguments via click's CliRunner", TALLY["runner"][0],
           TALLY["runner"][1], f"max_examples={EXAMPLES}; exit 0/1/2, no traceback, no ESC; integrity_check ok")


def test_fuzz_real_entry_point(tmp_path_factory, monkeypatch, rng):
    folder, db = fuzz_db(tmp_path_factory)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("NETPACE_DB", str(db))
    monkeypatch.delenv("NETPACE_DEBUG", raising=False)

    @hypothesis_seed(rng.getrandbits(64))  # the test's seed, printed if it fails
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(GRAMMAR)
    def run(args):
        out, err = io.StringIO(), io.StringIO()
        code = 0
        with redirect_stdout(out), redirect_stderr(err):
            try:
                main(args)
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        TALLY["main"][0] += 1
        assert code in (0, 1, 2), (args, code, err.getvalue())
        check_output(out.getvalue() + err.getvalue())
        TALLY["main"][1] += 1

    run()
    assert integrity(db) == "ok"
    record("fuzzing", "hypothesis: random CLI arguments via the real main() entry point", TALLY["main"][0],
           TALLY["main"][1], f"max_examples={EXAMPLES}; exit 0/1/2, no traceback, no ESC; integrity_check ok")
