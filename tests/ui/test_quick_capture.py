from datetime import timedelta

from textual.widgets import Input

from netpace.domain.defaults import default_channel, default_kind
from netpace.domain.model import Channel, Direction, Kind
from netpace.ui.screens.capture import CaptureScreen
from netpace.ui.widgets.contact_list import ContactList
from netpace.ui.widgets.pressure_gauge import PressureGauge

from .conftest import notifications, settle


async def _open_on(app, pilot, name):
    contacts = app.screen.query_one(ContactList)
    target = next(i for i, r in enumerate(contacts.rows) if r.name == name)
    contacts.cursor = target
    await settle(app, pilot)
    await pilot.press("c")
    await settle(app, pilot)
    assert isinstance(app.screen, CaptureScreen)
    return contacts.selected_id


async def test_typing_the_note_and_enter_saves_with_defaults(make_app, store, fixed_now):
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        contact_id = await _open_on(app, pilot, "Maren Holt")
        history = store.interactions(contact_id)
        before = len(history)
        old_pressure = app.screen_stack[-2].query_one(PressureGauge).reading.assessment.pressure
        assert app.screen.focused is app.screen.query_one("#note", Input)
        await pilot.press(*"Sent times for a call next week", "enter")
        await settle(app, pilot)
        items = store.interactions(contact_id)
        assert len(items) == before + 1
        new = items[-1]
        assert new.note == "Sent times for a call next week"
        assert new.direction == Direction.OUT
        assert new.channel == default_channel(history)
        assert new.kind == default_kind(Direction.OUT, history, fixed_now) == Kind.REPLY
        assert new.at == fixed_now
        gauge = app.screen.query_one(PressureGauge)
        after = store.summary(contact_id, fixed_now).assessment
        assert gauge.reading.assessment == after
        said = notifications(app)[-1]
        assert said.startswith("Logged reply with Maren Holt: ")
        assert f"pressure {old_pressure} -> {after.pressure}" in said
        assert not isinstance(app.screen, CaptureScreen)
        assert app.screen.query_one(ContactList).selected_id == contact_id


async def test_escape_saves_nothing(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        contact_id = await _open_on(app, pilot, "Maren Holt")
        before = len(store.interactions(contact_id))
        await pilot.press(*"never mind", "escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, CaptureScreen)
        assert len(store.interactions(contact_id)) == before


async def test_tab_reaches_direction_channel_kind_and_when(make_app, store, fixed_now):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        contact_id = await _open_on(app, pilot, "Diego Alvarez")
        await pilot.press(*"Coffee at their office")
        await pilot.press("tab", "b")          # direction: both
        await pilot.press("tab", "i")          # channel: in person
        await pilot.press("tab", "m")          # kind: meeting
        await pilot.press("tab")  # "when" selects its text on focus: typing replaces it
        await pilot.press(*"2h ago", "enter")
        await settle(app, pilot)
        new = store.interactions(contact_id)[-1]
        assert (new.direction, new.channel, new.kind) == (Direction.BOTH, Channel.IN_PERSON, Kind.MEETING)
        assert new.at == fixed_now - timedelta(hours=2)
        assert new.note == "Coffee at their office"


async def test_a_bad_or_future_time_shows_an_error_and_saves_nothing(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        contact_id = await _open_on(app, pilot, "Maren Holt")
        before = len(store.interactions(contact_id))
        await pilot.press(*"hello")
        when = app.screen.query_one("#when", Input)
        when.value = "last tuesday-ish"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, CaptureScreen)
        error = str(app.screen.query_one("#error").render())
        assert "ISO date" in error
        when.value = "2027-01-01"
        app.screen.query_one("#note", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert "future" in str(app.screen.query_one("#error").render())
        assert len(store.interactions(contact_id)) == before


async def test_the_contact_can_be_changed_by_fuzzy_search(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _open_on(app, pilot, "Maren Holt")
        await pilot.press("shift+tab")
        assert app.screen.focused is app.screen.query_one("#contact", Input)
        await pilot.press(*"fernhill", "enter")  # a company
        await settle(app, pilot)
        assert app.screen.focused is app.screen.query_one("#note", Input)
        assert app.screen.query_one("#contact", Input).value == "Diego Alvarez"
        await pilot.press(*"Thanks for the intro", "enter")
        await settle(app, pilot)
        diego = store.resolve("Diego Alvarez")
        assert store.interactions(diego.id)[-1].note == "Thanks for the intro"


async def test_an_empty_note_is_refused(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        contact_id = await _open_on(app, pilot, "Maren Holt")
        before = len(store.interactions(contact_id))
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, CaptureScreen)
        assert len(store.interactions(contact_id)) == before


async def test_the_gauge_moves_in_the_closing_frame_and_a_quit_right_after_keeps_the_capture(make_app, store,
                                                                                            fixed_now):
    """The gauge shows the new assessment before the save has run; quitting in that
    moment still saves the capture (the gauge said it was logged)."""
    from netpace.domain.model import Interaction
    from netpace.ui.screens.capture import CaptureRequest

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        contact_id = await _open_on(app, pilot, "Maren Holt")
        await pilot.press("escape")
        await settle(app, pilot)
        before = len(store.interactions(contact_id))
        item = Interaction(at=fixed_now, direction=Direction.OUT, channel=Channel.EMAIL, kind=Kind.ASK,
                           note="asked about the platform role")
        app._captured(CaptureRequest(contact_id, item))  # what enter in the dialog does
        gauge = app.screen.query_one(PressureGauge)
        assert len(store.interactions(contact_id)) == before  # not saved yet: after the frame
        shown = gauge.reading.assessment
        app.exit()
    items = store.interactions(contact_id)
    assert len(items) == before + 1 and items[-1].note == "asked about the platform role"
    assert shown == store.summary(contact_id, fixed_now).assessment
