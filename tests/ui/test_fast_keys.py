"""Keys typed faster than the screen updates (a double enter, a double escape): a dialog closes
once, saves once, and never takes the screen underneath with it."""

from textual import events

from netpace.ui.screens.capture import CaptureScreen
from netpace.ui.screens.contact_form import ContactForm
from netpace.ui.screens.main import MainScreen
from netpace.ui.screens.triage import TriageScreen
from netpace.ui.widgets.contact_list import ContactList

from .conftest import settle


async def burst(app, pilot, *keys: str) -> None:
    """Send keys the way a terminal does: all at once, without waiting for the screen."""
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)
    await settle(app, pilot)


async def test_a_double_enter_in_quick_capture_logs_once(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        contact_id = app.screen.query_one(ContactList).selected_id
        before = len(store.interactions(contact_id))
        await burst(app, pilot, "c")
        assert isinstance(app.screen, CaptureScreen)
        await burst(app, pilot, *"said hi", "enter", "enter")
        assert isinstance(app.screen, MainScreen)
        assert [i.note for i in store.interactions(contact_id)[before:]] == ["said hi"]


async def test_a_double_enter_in_quick_capture_from_triage_stays_in_triage(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, "t")
        assert isinstance(app.screen, TriageScreen)
        await burst(app, pilot, "c")
        assert isinstance(app.screen, CaptureScreen)
        await burst(app, pilot, *"from triage", "enter", "enter")
        assert isinstance(app.screen, TriageScreen)
        assert len(app.screen_stack) == 2


async def test_a_double_enter_in_the_contact_form_adds_one_contact(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        count = len(store.contacts())
        await burst(app, pilot, "n")
        assert isinstance(app.screen, ContactForm)
        await burst(app, pilot, *"Quick Typist", "enter", "enter")
        assert isinstance(app.screen, MainScreen)
        assert len(store.contacts()) == count + 1
        assert store.resolve("Quick Typist").name == "Quick Typist"


async def test_keys_typed_right_after_q_never_crash_the_exit(make_app):
    """Keys already queued behind q used to open a dialog while the app shut down: its
    on_mount found no fields and the app ended with a traceback instead of quitting."""
    for key in ("c", "n", "e", "t", "question_mark"):
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:  # re-raises whatever crashed the app
            await settle(app, pilot)
            await burst(app, pilot, "q", key, "escape")
        assert app.return_code == 0, key
