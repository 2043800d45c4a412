from netpace.domain.model import Verdict
from netpace.ui.screens.main import MainScreen
from netpace.ui.widgets.contact_header import ContactHeader
from netpace.ui.widgets.contact_list import ContactList
from netpace.ui.widgets.pressure_gauge import PressureGauge
from netpace.ui.widgets.timeline import Timeline

from .conftest import screen_text, settle, wait_until


async def test_list_is_sorted_by_urgency_and_shows_the_selected_contact(make_app):
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        rows = app.screen.query_one(ContactList).rows
        assert len(rows) == 40
        verdicts = [r.summary.assessment.verdict for r in rows]
        assert verdicts[0] == Verdict.REPLY_OWED
        assert verdicts.index(Verdict.OK) > verdicts.index(Verdict.BACK_OFF)
        text = screen_text(app)
        assert "Contacts 40 · by urgency" in text
        first = rows[0]
        assert first.name.split()[0] in text
        assert "Reply owed since Sat 21 Nov" in text
        assert "you haven't answered" in text  # a reason and a silence
        assert "12 weeks ago" in text  # the weekly history


async def test_moving_down_shows_that_contacts_gauge_and_timeline(make_app, store, fixed_now):
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        contacts = app.screen.query_one(ContactList)
        chloe = next(i for i, r in enumerate(contacts.rows) if r.name == "Chloe Dubois")
        for _ in range(chloe):
            await pilot.press("j")
        await settle(app, pilot)
        gauge = app.screen.query_one(PressureGauge)
        assert gauge.reading.assessment.pressure == store.summary(contacts.selected_id, fixed_now).assessment.pressure
        text = screen_text(app)
        assert "Back off until Fri 25 Dec" in text
        assert "pushy" in text
        assert "Design Director at Luma Studio" in text
        timeline = app.screen.query_one(Timeline)
        newest = timeline.selected
        assert newest.at == max(i.at for i in store.interactions(contacts.selected_id))
        assert "no reply" in text


async def test_o_cycles_the_sort_order(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        assert "by name" in screen_text(app)
        names = [r.name.casefold() for r in app.screen.query_one(ContactList).rows]
        assert names == sorted(names)
        await pilot.press("o")
        assert "by last contact" in screen_text(app)
        await pilot.press("o")
        rows = app.screen.query_one(ContactList).rows
        pressures = [r.summary.assessment.pressure for r in rows]
        assert pressures == sorted(pressures, reverse=True)
        await pilot.press("o")
        assert "by urgency" in screen_text(app)


async def test_r_flips_the_timeline(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        timeline = app.screen.query_one(Timeline)
        newest = timeline.selected
        await pilot.press("r")
        await settle(app, pilot)
        assert "oldest first" in screen_text(app)
        assert timeline.selected.at < newest.at


async def test_filter_is_live_and_escape_clears_it(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"lumast")
        rows = app.screen.query_one(ContactList).rows
        assert "Chloe Dubois" in [r.name for r in rows] and len(rows) < 40  # company "Luma Studio"
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press(*"rust")  # a tag
        rows = app.screen.query_one(ContactList).rows
        assert "佐藤 花子" in [r.name for r in rows]
        assert "of 40" in screen_text(app)
        await pilot.press("escape")
        assert len(app.screen.query_one(ContactList).rows) == 40
        assert isinstance(app.screen, MainScreen)
        assert app.screen.focused is app.screen.query_one(ContactList)


async def test_q_quits(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_the_detail_follows_the_filter_once_typing_pauses(make_app):
    """While typing, the top row's detail waits for a pause; then it must come."""
    from netpace.ui.widgets.contact_header import ContactHeader

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"lumast")
        header = app.screen.query_one(ContactHeader)
        top = app.screen.query_one(ContactList).rows[0].name
        await wait_until(pilot, lambda: header.card is not None and header.card.contact.name == top,
                         what="the detail follows once typing pauses")
        await settle(app, pilot)
        assert header.card.contact.name == top
        assert top in screen_text(app).splitlines()[0]


async def test_keys_typed_in_one_burst_behind_the_slash_go_to_the_filter(make_app):
    """A busy app (loading, at launch) takes keys in bursts: the ones behind `/` must be
    the filter's text, not the list's keys (`n` opened a new contact, `e` the editor)."""
    from textual import events

    from netpace.ui.screens.main import FilterInput

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for key, character in [("slash", "/"), *((c, c) for c in "maren")]:
            app.post_message(events.Key(key, character))  # all queued before any is handled
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(FilterInput).value == "maren"
        shown = app.screen.query_one(ContactList).rows
        assert shown and "Maren Holt" in [row.name for row in shown]  # the whole text went to the filter
        assert f"Contacts {len(shown)} of 40" in screen_text(app)
        await pilot.press("slash", "x")  # in the filter, `/` is text
        assert app.screen.query_one(FilterInput).value == "maren/x"


async def test_the_screen_has_its_width_class_before_its_first_frame(make_app):
    """Textual sets the breakpoint classes on the first Resize, after the first frame:
    the main screen sets them itself when it is made, so that frame has the final layout."""
    for size, expected, other in (((80, 24), "-narrow", "-wide"), ((130, 40), "-wide", "-narrow")):
        app = make_app()
        async with app.run_test(size=size):
            fresh = MainScreen()  # made, not yet mounted nor resized
            assert fresh.has_class(expected) and not fresh.has_class(other)


async def test_the_timeline_title_counts_only_what_it_shows(make_app, store, fixed_now):
    """An interaction after the app's `now` (logged by another program's clock) is hidden,
    and the title's count leaves it out too."""
    from datetime import timedelta

    from netpace.domain.model import Direction, Interaction

    maren = store.resolve("Maren Holt")
    shown = len([i for i in store.interactions(maren.id) if i.at <= fixed_now])
    store.log(maren.id, Interaction(at=fixed_now + timedelta(hours=2), direction=Direction.IN, note="later on"),
              fixed_now)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.select(maren.id)
        await settle(app, pilot)
        timeline = app.screen.query_one(Timeline)
        assert len(timeline.display_entries) == shown
        assert str(timeline.border_title).startswith(f"Timeline {shown} ·")
        assert "later on" not in screen_text(app)


async def test_the_header_shows_the_tie_and_K_keeps_in_touch_at_their_pace(make_app, store, fixed_now):
    anneke = store.resolve("Anneke de Vries")
    assessment = store.summary(anneke.id, fixed_now).assessment
    assert assessment.suggested_cadence is not None and anneke.keep_in_touch_days is None
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.select(anneke.id)
        await settle(app, pilot)
        header = str(app.screen.query_one(ContactHeader).render())
        assert f"Anneke de Vries  · strong tie ({assessment.tie.strength})" in header
        days = assessment.suggested_cadence
        assert f"(K: keep in touch every {days} days)" in header
        await pilot.press("K")
        await settle(app, pilot)
        assert store.contact(anneke.id).keep_in_touch_days == days
        header = str(app.screen.query_one(ContactHeader).render())
        assert f"keep in touch every {days} days" in header and "(K:" not in header
        await pilot.press("u")
        await settle(app, pilot)
        assert store.contact(anneke.id).keep_in_touch_days is None


async def test_enter_on_the_timeline_corrects_an_interaction_and_u_undoes(make_app, store):
    sven = store.resolve("Sven Olsen")
    newest = max(store.interactions(sven.id), key=lambda i: i.at)
    assert newest.kind.value == "update"
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.select(sven.id)
        await settle(app, pilot)
        app.screen.query_one(Timeline).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert str(app.screen.query_one("#title").render()) == "Edit the interaction"
        assert app.screen.query_one("#note").value == newest.note
        assert app.screen.query_one("#contact").disabled
        await pilot.press("tab", "tab", "tab", "a")  # to the kind, then "ask"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        changed = store.interaction(newest.id)
        assert changed.kind.value == "ask" and changed.note == newest.note and changed.at == newest.at
        assert "ask · linkedin" in screen_text(app)
        await pilot.press("u")
        await settle(app, pilot)
        assert store.interaction(newest.id).kind.value == "update"
