"""The cycle collector is set aside while an import runs, and is back on afterwards,
however the import ends."""

from __future__ import annotations

import gc
import threading
from datetime import datetime, timezone

import pytest

from netpace.importers import ImportOptions, import_path
from netpace.store.collector import collector_paused
from netpace.store import open_store

from ..transfer_support import fixture

NOW = datetime(2027, 1, 15, 12, 0, tzinfo=timezone.utc)


class Watching:
    """A progress that notes whether the collector ran at each step of the import."""

    def __init__(self):
        self.enabled: list[bool] = []

    def start(self, label: str, total: int) -> None:
        self.enabled.append(gc.isenabled())

    def advance(self, amount: int = 1) -> None:
        pass

    def finish(self) -> None:
        pass


def test_an_import_runs_without_the_collector_and_turns_it_back_on(tmp_path):
    assert gc.isenabled()
    watching = Watching()
    with open_store(tmp_path / "n.db") as store:
        result = import_path(store, fixture("mail", "gmail_takeout.mbox"),
                             ImportOptions(now=NOW, tz=timezone.utc), progress=watching)
    assert result.exit_code == 0
    assert watching.enabled and not any(watching.enabled)
    assert gc.isenabled()


def test_an_import_that_fails_turns_the_collector_back_on(tmp_path):
    class Broken(Watching):
        def start(self, label, total):
            raise RuntimeError("the terminal went away")

    with open_store(tmp_path / "n.db") as store:
        result = import_path(store, fixture("mail", "gmail_takeout.mbox"), ImportOptions(now=NOW, tz=timezone.utc),
                             progress=Broken())
    assert result.exit_code == 1
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("anything at all")
    assert gc.isenabled()


def test_the_collector_stays_off_until_the_last_of_two_imports_ends():
    first_in, second_done = threading.Event(), threading.Event()
    seen: list[bool] = []

    def first():
        with collector_paused():
            first_in.set()
            second_done.wait(5)
            seen.append(gc.isenabled())
        seen.append(gc.isenabled())

    worker = threading.Thread(target=first)
    worker.start()
    first_in.wait(5)
    with collector_paused():
        seen.append(gc.isenabled())
    seen.append(gc.isenabled())  # the first import is still running
    second_done.set()
    worker.join(5)
    assert seen == [False, False, False, True]


def test_a_collector_switched_off_by_someone_else_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_command_runs_without_the_collector_and_turns_it_back_on(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from netpace.cli import common
    from netpace.cli.root import cli

    seen: list[bool] = []
    real = common.echo_json

    def watching(data):
        seen.append(gc.isenabled())
        real(data)

    monkeypatch.setattr(common, "echo_json", watching)
    monkeypatch.setattr("netpace.cli.contacts.echo_json", watching, raising=False)
    db = tmp_path / "n.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "add", "Maren Holt"]).exit_code == 0
    result = runner.invoke(cli, ["--db", str(db), "list", "--json"])
    assert result.exit_code == 0, result.output
    assert seen == [False]
    assert gc.isenabled()
