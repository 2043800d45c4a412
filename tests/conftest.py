from __future__ import annotations

import pytest

from netpace.store import open_store


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "netpace.db"


@pytest.fixture
def store(db_path):
    with open_store(db_path) as opened:
        yield opened
