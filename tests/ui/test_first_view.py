"""Launching on a database whose standings the last launch kept: the list is drawn from
them at once, and the network itself then replaces it with the same rows."""

import threading

from netpace.store.standings import save
from netpace.startup.preload import Preload
from netpace.ui.listing import FirstRows
from netpace.ui.network import prepare_network
from netpace.ui.widgets.contact_list import ContactList

from .conftest import NOW_TEXT, notifications, screen_text, settle, wait_until


class HeldPreload(Preload):
    """A preload whose full network is handed over only when the test says so."""

    def __init__(self, store, now):
        self.release = threading.Event()
        super().__init__(store, now, prepare=prepare_network)

    def result(self):
        self.release.wait(timeout=30)
        return super().result()


async def _wait(pilot, condition):
    await wait_until(pilot, condition, what="the expected state")


async def test_the_first_view_is_drawn_from_kept_standings_then_replaced(store, fixed_now):
    from netpace.ui.app import NetpaceApp

    save(store, fixed_now)
    final = [s.contact.id for s in store.summaries(fixed_now)]
    preload = HeldPreload(store, fixed_now)
    app = NetpaceApp(store, now=fixed_now, poll_seconds=None, preload=preload)
    async with app.run_test(size=(120, 40)) as pilot:
        contacts = app.screen.query_one(ContactList)
        await _wait(pilot, lambda: isinstance(contacts.rows, FirstRows))
        await pilot.pause(0.1)
        assert app.network is None
        assert [row.id for row in contacts.rows] == final  # same rows, same order
        assert "Contacts 40 · loading…" in screen_text(app)
        await pilot.press("e")  # needs the full contact: says so instead of editing a partial one
        assert "Your network is still loading; try again in a moment." in notifications(app)
        app._notifications.clear()
        await pilot.press("c")  # quick capture needs every contact (the picker) too
        assert "Your network is still loading; try again in a moment." in notifications(app)
        assert app.network is None and isinstance(app.screen, type(app.get_default_screen()))
        await pilot.press("slash", *"lumast")  # typed before the network arrives
        preload.release.set()
        await _wait(pilot, lambda: app.network is not None)
        await settle(app, pilot)
        assert not isinstance(contacts.rows, FirstRows)
        assert "Chloe Dubois" in [r.name for r in contacts.rows] and len(contacts.rows) < 40  # the filter applies
        assert "loading…" not in screen_text(app)


async def test_standings_are_kept_after_the_network_loads(store, fixed_now):
    from netpace.ui import app as app_module
    from netpace.ui.app import NetpaceApp

    app_module.SAVE_STANDINGS_AFTER, before = 0.05, app_module.SAVE_STANDINGS_AFTER
    try:
        app = NetpaceApp(store, now=fixed_now, poll_seconds=None)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await wait_until(pilot, lambda: store.models.standing.select().count() == 40, what="standings saved")
            await app.workers.wait_for_complete()
    finally:
        app_module.SAVE_STANDINGS_AFTER = before
    s = store.models.standing
    assert s.select().count() == 40


async def test_triage_opened_while_loading_says_so_then_fills(store, fixed_now):
    from netpace.ui.app import NetpaceApp
    from netpace.ui.screens.triage import INBOX_ZERO, LOADING, TriageScreen

    save(store, fixed_now)
    preload = HeldPreload(store, fixed_now)
    app = NetpaceApp(store, now=fixed_now, poll_seconds=None, preload=preload)
    async with app.run_test(size=(120, 40)) as pilot:
        contacts = app.screen.query_one(ContactList)
        await _wait(pilot, lambda: isinstance(contacts.rows, FirstRows))
        await pilot.press("t")
        assert isinstance(app.screen, TriageScreen)
        text = screen_text(app)
        assert LOADING in text and INBOX_ZERO not in text
        preload.release.set()
        await _wait(pilot, lambda: app.network is not None)
        await settle(app, pilot)
        assert "to act on today" in screen_text(app)
        assert LOADING not in screen_text(app)


class HeldOpen(Preload):
    """The launch after the forked child: the first view given, the database opened
    only once it is drawn; here the opening also waits until the test says so."""

    def __init__(self, path, now_text, answer):
        from netpace.startup.kept_list import moment, unpack

        self.release = threading.Event()
        _, _, timestamp, offset, total, rows, _theme = answer
        super().__init__(None, None, prepare=prepare_network, path=path, now_text=now_text,
                         first=(rows, total, moment(timestamp, offset)), unpack=unpack)

    def _open(self):
        self.release.wait(timeout=30)
        super()._open()


async def test_after_the_child_the_list_is_in_the_first_frame_and_the_database_opens_after(
        demo_location, fixed_now, monkeypatch):
    from netpace.startup.kept_list import answer
    from netpace.store import open_store
    from netpace.ui.app import NetpaceApp
    from netpace.ui.screens.main import MainScreen

    at_mount = []
    mounted = MainScreen.on_mount

    def on_mount(screen):
        mounted(screen)
        at_mount.append(type(screen.query_one(ContactList).rows))

    monkeypatch.setattr(MainScreen, "on_mount", on_mount)

    with open_store(demo_location) as store:
        save(store, fixed_now)
        final = [s.contact.id for s in store.summaries(fixed_now)]
    preload = HeldOpen(demo_location, NOW_TEXT, answer(str(demo_location), NOW_TEXT))
    app = NetpaceApp(None, now=preload.now, poll_seconds=None, preload=preload)
    async with app.run_test(size=(120, 40)) as pilot:
        contacts = app.screen.query_one(ContactList)
        assert at_mount == [FirstRows]  # drawn with the screen's first frame
        await pilot.pause(0.1)
        assert preload.store is None and app.network is None  # not opened while drawing
        assert [row.id for row in contacts.rows] == final
        assert "Contacts 40 · loading…" in screen_text(app)
        assert "Loading…" in screen_text(app) and "No contact selected." not in screen_text(app)
        preload.release.set()
        await _wait(pilot, lambda: app.network is not None)
        await settle(app, pilot)
        assert not isinstance(contacts.rows, FirstRows)
        assert [row.id for row in contacts.rows] == final
        assert app.store is preload.store and app.now() == fixed_now
        top = contacts.rows[0].name
        await pilot.press("c")
        await pilot.press(*"coffee next week", "enter")
        await settle(app, pilot)
        assert any(f"with {top}" in note for note in notifications(app))
    with open_store(demo_location) as store:
        assert "coffee next week" in [i.note for i in store.interactions(final[0])]


async def test_after_the_child_a_database_that_cant_be_opened_is_one_sentence(tmp_path, demo_db, fixed_now):
    from netpace.startup.kept_list import answer
    from netpace.store import open_store
    from netpace.ui.app import NetpaceApp

    with open_store(demo_db) as store:
        save(store, fixed_now)
    found = answer(str(demo_db), NOW_TEXT)
    preload = HeldOpen(tmp_path, NOW_TEXT, found)  # a folder, not a database
    preload.release.set()
    app = NetpaceApp(None, now=preload.now, poll_seconds=None, preload=preload)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait(pilot, lambda: notifications(app))
        assert notifications(app) == [f"{tmp_path} is a folder, not a netpace database."]
        await pilot.press("j", "k", "t", "escape")  # still a working screen
        assert app.network is None
