"""Snapshot tests: the demo network at a fixed time and size, hostile names included; the
first run on an empty database. The pictures are a file's (the same screens on PostgreSQL:
tests/ui/test_server_connection.py compares their text), so these tests take no store
parameter and keep the snapshots' names."""

import pytest

from netpace.store import open_store

from .scenes import EMPTY, SCENES


@pytest.mark.parametrize("name, scene, size", SCENES, ids=[s[0] for s in SCENES])
def test_snapshot(name, scene, size, snap_compare, demo_db, tmp_path, fixed_now, monkeypatch):
    from netpace.ui.app import NetpaceApp

    if name in EMPTY:
        monkeypatch.setenv("HOME", "/home/netpace-user")  # the path field completes nothing of this machine
    with open_store(tmp_path / "empty.db" if name in EMPTY else demo_db) as store:
        assert snap_compare(NetpaceApp(store, now=fixed_now, poll_seconds=None), terminal_size=size,
                            run_before=scene)
