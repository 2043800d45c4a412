"""Snapshot tests: the demo network at a fixed time and size, hostile names included."""

import pytest

from .scenes import SCENES


@pytest.mark.sqlite_only  # the same screens on PostgreSQL: tests/ui/test_server_connection.py compares them
@pytest.mark.parametrize("name, scene, size", SCENES, ids=[s[0] for s in SCENES])
def test_snapshot(name, scene, size, snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=size, run_before=scene)
