"""Fixtures every test can use: an empty database, and a fresh copy of the demo network."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from netpace.clock import now_from
from netpace.demo import write_demo
from netpace.store import open_store

NOW_TEXT = "2026-11-26 09:00"


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "netpace.db"


@pytest.fixture
def store(db_path):
    with open_store(db_path) as opened:
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
    """A fresh copy of the demo network for one test."""
    path = tmp_path / "netpace.db"
    shutil.copyfile(demo_template, path)
    path.chmod(0o600)
    return path
