"""Fixtures for the robustness tests (the end-of-run robustness table is tests/conftest.py's:
that conftest is loaded by an xdist controller too, this one only where tests run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import snapshot


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    """A database path (not created yet) in a private temporary folder; NETPACE_DB unset."""
    monkeypatch.delenv("NETPACE_DB", raising=False)
    return tmp_path / "data" / "netpace.db"


@pytest.fixture
def seeded(db) -> Path:
    """A database with three contacts (two share a name) and a few interactions."""
    from .helpers import seed

    seed(db)
    return db


@pytest.fixture
def unchanged(seeded):
    """Asserts at the end of the test that the seeded database holds exactly what it did."""
    before = snapshot(seeded)
    yield seeded
    assert snapshot(seeded) == before
