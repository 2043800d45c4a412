"""Fixtures for the robustness tests, and the end-of-run robustness table."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from . import robustness_report
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


def pytest_sessionfinish(session, exitstatus) -> None:
    rows = robustness_report.ROWS
    if not rows:
        return
    factory = getattr(session.config, "_tmp_path_factory", None)
    targets = []
    if factory is not None:
        targets.append(factory.getbasetemp() / "robustness.json")
    if os.environ.get("NETPACE_ROBUSTNESS_JSON"):
        targets.append(Path(os.environ["NETPACE_ROBUSTNESS_JSON"]))
    for target in targets:
        robustness_report.save(rows, target)
    session.config._robustness_files = targets


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    rows = robustness_report.ROWS
    if not rows:
        return
    terminalreporter.section("robustness")
    terminalreporter.write_line(robustness_report.table(rows))
    for target in getattr(config, "_robustness_files", []):
        terminalreporter.write_line(f"(saved to {target})")
