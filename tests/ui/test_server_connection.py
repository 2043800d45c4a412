"""The app on a PostgreSQL server that goes away under it: it says so, keeps answering,
retries, says when the server is back, and shows what others wrote meanwhile and after."""

from __future__ import annotations

import asyncio

from netpace.domain.model import Contact
from netpace.store import open_store
from netpace.ui.app import NetpaceApp
from netpace.ui.widgets.contact_list import ContactList

from ..conftest import demo_on_server
from .conftest import notifications, settle


async def _until(pilot, condition, seconds: float = 30.0) -> None:
    """Wait (letting the app run) until `condition()` holds; fail after `seconds`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        assert loop.time() < deadline, "the app did not get there in time"
        await pilot.pause(0.1)


def _names(app) -> list[str]:
    return [row.name for row in app.screen.query_one(ContactList).rows]


async def test_the_server_restarted_under_an_open_app(pg_server, private_data_folder, fixed_now):
    url = pg_server.url(demo_on_server(pg_server, fixed_now))
    try:
        with open_store(url) as store:
            app = NetpaceApp(store, now=fixed_now, poll_seconds=0.5)
            async with app.run_test(size=(120, 40)) as pilot:
                await settle(app, pilot)
                await _until(pilot, lambda: app._watching)
                with open_store(url) as other:  # the listener is up: a write shows
                    other.add_contact(Contact(name="Before The Outage"), fixed_now)
                await _until(pilot, lambda: "Before The Outage" in _names(app))

                await asyncio.to_thread(pg_server.stop)
                await _until(pilot, lambda: app.server_down)
                lost = [n for n in notifications(app) if n.startswith("Can't reach the PostgreSQL server at")]
                assert lost and lost[0].endswith("Retrying…")
                await pilot.press("j", "j", "k")  # the app still answers
                await pilot.press("c")
                await pilot.press(*"call while the server is down", "enter")
                await _until(pilot, lambda: sum(n.startswith("Can't reach") for n in notifications(app)) >= 2)
                assert app.screen.query_one(ContactList).rows  # still the list, nothing frozen

                await asyncio.to_thread(pg_server.start_again)
                await _until(pilot, lambda: not app.server_down)
                assert any(n.startswith("Connected to the PostgreSQL server at") and n.endswith("again.")
                           for n in notifications(app))
                with open_store(url) as other:
                    other.add_contact(Contact(name="After The Outage"), fixed_now)
                await _until(pilot, lambda: "After The Outage" in _names(app))
    finally:
        if not pg_server.is_running():
            pg_server.start_again()
    with open_store(url) as store:
        notes = [i.note for items in store.interactions_by_contact().values() for i in items]
        assert "call while the server is down" not in notes  # it said it wasn't saved, and it wasn't


async def test_every_scene_shows_the_same_screen_on_postgresql_as_on_a_file(pg_server, private_data_folder,
                                                                            demo_db, tmp_path, fixed_now,
                                                                            monkeypatch):
    """The snapshot scenes (tests/ui/scenes.py), played on the demo network (the first run's
    on an empty database) in a file and on a server: the same text, line for line (the
    snapshots themselves are the file's)."""
    from .conftest import screen_text
    from .scenes import EMPTY, SCENES

    monkeypatch.setenv("HOME", "/home/netpace-user")  # as the snapshot test: the path field completes nothing here
    demo, empty = demo_on_server(pg_server, fixed_now), pg_server.create_database()
    try:
        for name, scene, size in SCENES:
            shown = []
            on_file, on_server = (tmp_path / "empty.db", empty) if name in EMPTY else (demo_db, demo)
            for location in (on_file, pg_server.url(on_server)):
                with open_store(location) as store:
                    app = NetpaceApp(store, now=fixed_now, poll_seconds=None)
                    async with app.run_test(size=size) as pilot:
                        await scene(pilot)
                        await settle(app, pilot)
                        shown.append(screen_text(app))
            assert shown[0] == shown[1], name
    finally:
        pg_server.drop_database(demo)
        pg_server.drop_database(empty)
