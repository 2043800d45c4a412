"""Fixtures every test can use: an empty database, and a fresh copy of the demo network.

The store's, the command line's and the app's tests run on both stores: a test that
asks for `db_location` (directly, or through `store`, `demo_location` or the fixtures
built on them) runs twice, `[sqlite]` on a file and `[postgres]` on a database of its
own on a throwaway PostgreSQL server (tests/postgres_server.py), unless it is marked
`sqlite_only` (it is about SQLite files). `db_path` and `demo_db` are files, always.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from netpace.clock import now_from
from netpace.demo import write_demo
from netpace.store import open_store

NOW_TEXT = "2026-11-26 09:00"
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
