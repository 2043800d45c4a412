"""Snapshot tests: the demo network at a fixed time and size, hostile names included; the
first run on an empty database."""

import pytest

from netpace.store import open_store

from .scenes import EMPTY, SCENES


@pytest.mark.parametrize("name, scene, size", SCENES, ids=[s[0] for s in SCENES])
def test_snapshot(name, scene, size, snap_compare, make_app, tmp_path, fixed_now, monkeypatch):
    if name in EMPTY:
        from netpace.ui.app import NetpaceApp

        monkeypatch.setenv("HOME", "/home/netpace-user")  # the path field completes nothing of this machine
        with open_store(tmp_path / "empty.db") as store:
            assert snap_compare(NetpaceApp(store, now=fixed_now, poll_seconds=None), terminal_size=size,
                                run_before=scene)
        return
    assert snap_compare(make_app(), terminal_size=size, run_before=scene)
