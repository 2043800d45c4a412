"""Fixtures every test can use: an empty database, a fresh copy of the demo network, netpace's
clock stopped at a fixed moment (for every test), seeded random choices; and the end-of-run
robustness table (here, not in tests/hardening: an xdist controller loads only this conftest).

The store's, the command line's and the app's tests run on both stores: a test that
asks for `db_location` (directly, or through `store`, `demo_location` or the fixtures
built on them) runs twice, `[sqlite]` on a file and `[postgres]` on a database of its
own on a throwaway PostgreSQL server (tests/postgres_server.py), unless it is marked
`sqlite_only` (it is about SQLite files). `db_path` and `demo_db` are files, always.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import shutil
from dataclasses import asdict
from pathlib import Path

import pytest

from netpace.clock import now_from
from netpace.demo import write_demo
from netpace.store import open_store

NOW_TEXT = "2026-11-26 09:00"
SEED_VARIABLE = "NETPACE_TEST_SEED"
BACKENDS = ("sqlite", "postgres")


def pytest_generate_tests(metafunc):
    if "backend" in metafunc.fixturenames:
        only_sqlite = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("backend", BACKENDS[:1] if only_sqlite else BACKENDS)


@pytest.fixture
def backend() -> str:
    return "sqlite"  # replaced by pytest_generate_tests: every test that asks runs on both


@pytest.fixture(scope="session")
def pg_server():
    """This test process's PostgreSQL server (each xdist worker starts its own)."""
    from .postgres_server import Server

    server = Server().start()
    yield server
    server.close()


@pytest.fixture
def private_data_folder(tmp_path, monkeypatch) -> Path:
    """netpace's data folder (where a server's backups go) inside the test's folder."""
    folder = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder / "netpace"


@pytest.fixture
def db_location(backend, tmp_path, request):
    """Where the test's database is: a file path (not created yet), or the URL of an
    empty database on the test server (dropped after the test)."""
    if backend == "sqlite":
        yield tmp_path / "data" / "netpace.db"
        return
    server = request.getfixturevalue("pg_server")
    request.getfixturevalue("private_data_folder")
    name = server.create_database()
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "netpace.db"


@pytest.fixture
def store(db_location):
    with open_store(db_location) as opened:
        yield opened


@pytest.fixture(scope="session")
def fixed_now():
    return now_from(NOW_TEXT)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory, fixed_now) -> Path:
    path = tmp_path_factory.mktemp("demo") / "template.db"
    with open_store(path) as store:
        write_demo(store, fixed_now)
    return path


@pytest.fixture
def demo_db(tmp_path, demo_template) -> Path:
    """A fresh copy of the demo network for one test, in a file."""
    path = tmp_path / "netpace.db"
    shutil.copyfile(demo_template, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def demo_location(backend, tmp_path, demo_template, fixed_now, request):
    """A fresh copy of the demo network for one test, in a file or on the test server."""
    if backend == "sqlite":
        yield request.getfixturevalue("demo_db")
        return
    server = request.getfixturevalue("pg_server")
    request.getfixturevalue("private_data_folder")
    name = demo_on_server(server, fixed_now)
    yield server.url(name)
    server.drop_database(name)


def demo_on_server(server, now) -> str:
    """A new database on the test server holding the demo network at `now` (a copy of a
    template written once per server); its name."""

    def fill(url: str) -> None:
        with open_store(url) as store:
            write_demo(store, now)

    return server.create_database(template=server.template("demo", fill))


@pytest.fixture(autouse=True)
def stopped_clock(monkeypatch, fixed_now):
    """netpace reads the time in one place, `netpace.clock.local_now`: in every test it says
    NOW_TEXT, so no result depends on the day the suite runs (commands given `--now` or
    `--at` read those as usual). Processes a test starts get `--now`/`--at` instead."""
    monkeypatch.setattr("netpace.clock.local_now", lambda: fixed_now)
    return fixed_now


@pytest.fixture
def rng(request) -> random.Random:
    """Random choices for one test (kill points, pauses), from a seed printed if the test
    fails; NETPACE_TEST_SEED=N replays them."""
    seed = int(os.environ.get(SEED_VARIABLE) or secrets.randbits(32))
    request.node.netpace_seed = seed
    return random.Random(seed)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    seed = getattr(item, "netpace_seed", None)
    if seed is not None and report.failed:
        report.sections.append(("random seed", f"This test's random choices came from seed {seed}: "
                                               f"rerun it with {SEED_VARIABLE}={seed}."))
    return report


# -- the robustness table ----------------------------------------------------------------

def _rows():
    from .hardening import robustness_report

    return robustness_report


def pytest_sessionfinish(session, exitstatus) -> None:
    report = _rows()
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: hand its rows to the controller
        workeroutput["robustness_rows"] = json.dumps([asdict(r) for r in report.ROWS])
        return
    if not report.ROWS:
        return
    factory = getattr(session.config, "_tmp_path_factory", None)
    targets = []
    if factory is not None:
        targets.append(factory.getbasetemp() / "robustness.json")
    if os.environ.get("NETPACE_ROBUSTNESS_JSON"):
        targets.append(Path(os.environ["NETPACE_ROBUSTNESS_JSON"]))
    for target in targets:
        report.save(report.ROWS, target)
    session.config._robustness_files = targets


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    """xdist: a worker finished; keep the rows its tests recorded."""
    report = _rows()
    rows = getattr(node, "workeroutput", {}).get("robustness_rows")
    if rows:
        report.ROWS.extend(report.Row(**row) for row in json.loads(rows))


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    report = _rows()
    if not report.ROWS or getattr(config, "workeroutput", None) is not None:
        return
    terminalreporter.section("robustness")
    terminalreporter.write_line(report.table(report.ROWS))
    for target in getattr(config, "_robustness_files", []):
        terminalreporter.write_line(f"(saved to {target})")
