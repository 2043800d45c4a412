"""Daily use in the app: putting contacts aside from the main screen, deleting and merging
contacts with undo, reaching them (copy the address, open the profile), reading a whole
note, planning a meeting and answering for it, and the small defects of quick capture,
triage and the contact form."""

from __future__ import annotations

import time
from datetime import timedelta

from textual.widgets import Input, TextArea

from netpace.domain.model import Contact, Direction, Interaction, Kind, Status, Verdict
from netpace.ui.screens.capture import CaptureScreen
from netpace.ui.screens.confirm import ConfirmScreen
from netpace.ui.screens.contact_form import ContactForm
from netpace.ui.screens.duplicates import DuplicatesScreen
from netpace.ui.screens.main import MainScreen
from netpace.ui.screens.meeting import MeetingScreen
from netpace.ui.screens.note import NoteScreen
from netpace.ui.screens.snooze import SnoozeScreen
from netpace.ui.screens.triage import TriageScreen
from netpace.ui.widgets.contact_header import ContactHeader
from netpace.ui.widgets.contact_list import ContactList
from netpace.ui.widgets.timeline import Timeline

from .conftest import notifications, screen_text, settle
from .scenes import select


async def wait_for(app, pilot, condition, seconds: float = 10.0) -> None:
    """Until `condition()` holds, with a deadline (never a fixed sleep)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        await pilot.pause(0.05)
    await settle(app, pilot)


# -- putting aside, from the main screen ------------------------------------------------------
async def test_s_and_a_work_on_the_main_screen_and_the_snooze_dialog_names_the_contact(make_app, store, fixed_now):
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await select(pilot, "Maren Holt")
        maren = app.screen.query_one(ContactList).selected_id
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, SnoozeScreen)
        assert "Snooze Maren Holt until…" in screen_text(app)
        await pilot.press("down", "enter")  # a week
        await settle(app, pilot)
        contact = store.contact(maren)
        assert (contact.status, contact.snoozed_until) == (Status.SNOOZED, fixed_now.date() + timedelta(days=7))
        await select(pilot, "Priya Raman")
        priya = app.screen.query_one(ContactList).selected_id
        await pilot.press("a")
        await settle(app, pilot)
        assert store.contact(priya).status == Status.ARCHIVED
        assert "Archived Priya Raman; press u to undo." in notifications(app)
        await pilot.press("u")
        await settle(app, pilot)
        assert store.contact(priya).status == Status.ACTIVE


async def test_undo_in_triage_puts_the_contact_back_where_it_was(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        queue = app.screen.query_one("#queue", ContactList)
        before = [row.id for row in queue.rows]
        await pilot.press("j")
        archived = queue.selected_id
        await pilot.press("a")
        await settle(app, pilot)
        assert archived not in [row.id for row in queue.rows]
        await pilot.press("u")
        await settle(app, pilot)
        assert [row.id for row in queue.rows] == before  # in its place, not at the end
        assert queue.selected_id == archived


# -- deleting and merging contacts ------------------------------------------------------------
async def test_D_deletes_a_contact_after_asking_and_u_brings_everything_back(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await select(pilot, "Ben Carter")
        ben = store.resolve("Ben Carter")
        items = store.interactions(ben.id)
        await pilot.press("D")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert f"Delete Ben Carter and the {len(items)} interactions logged with them?" in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert store.contact(ben.id).name == "Ben Carter"
        await pilot.press("D", "enter")
        await wait_for(app, pilot, lambda: all(r.name != "Ben Carter" for r in app.screen.query_one(ContactList).rows))
        assert store.counts()["contacts"] == 39 and "Ben Carter" not in [c.name for c in store.contacts()]
        assert f"Deleted Ben Carter and {len(items)} interactions; press u to undo." in notifications(app)
        await pilot.press("u")
        await wait_for(app, pilot, lambda: any(r.name == "Ben Carter" for r in app.screen.query_one(ContactList).rows))
        assert store.contact(ben.id).name == "Ben Carter" and store.interactions(ben.id) == items


async def test_duplicates_from_the_palette_merge_with_one_key_and_u_undoes(make_app, store, fixed_now):
    maren = store.resolve("Maren Holt")
    double = store.add_contact(Contact(name="M. Holt", emails=(maren.emails[0],), role="Head of Platform",
                                       phone="+47 22 33 44 55"), fixed_now)
    store.log(double.id, Interaction(at=fixed_now - timedelta(days=1), direction=Direction.IN, kind=Kind.UPDATE,
                                     note="Sent the slides"), fixed_now)
    before = len(store.interactions(maren.id))
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        await pilot.press(*"find duplicates")
        await wait_for(app, pilot, lambda: "contact: find duplicates" in screen_text(app))
        await pilot.press("enter")
        await wait_for(app, pilot, lambda: isinstance(app.screen, DuplicatesScreen))
        text = screen_text(app)
        assert "Likely duplicates: 1 pair" in text and "the same e-mail address" in text
        assert text.index("Maren Holt") < text.index("M. Holt")  # the one with more history is kept
        await pilot.press("m")
        await wait_for(app, pilot, lambda: len(store.contacts()) == 40)
        merged = store.contact(maren.id)
        assert merged.phone == "+47 22 33 44 55" and len(store.interactions(maren.id)) == before + 1
        assert "No likely duplicates" in screen_text(app)
        await pilot.press("u")
        await wait_for(app, pilot, lambda: len(store.contacts()) == 41)
        assert store.contact(double.id).name == "M. Holt" and len(store.interactions(maren.id)) == before
        assert store.contact(maren.id).phone == ""


# -- reaching them ---------------------------------------------------------------------------
async def test_the_detail_pane_shows_how_to_reach_them_y_copies_and_O_opens(make_app, store, fixed_now,
                                                                           monkeypatch):
    from dataclasses import replace

    monkeypatch.setattr("netpace.ui.links.browser_available", lambda: True)

    maren = store.resolve("Maren Holt")
    store.update_contact(replace(maren, phone="+47 22 33 44 55", linkedin="https://www.linkedin.com/in/maren-holt",
                                 notes="Knows the hiring manager.\nPrefers calls after 3pm."), fixed_now)
    app = make_app()
    opened = []
    app.open_url = lambda url, **kwargs: opened.append(url)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await select(pilot, "Maren Holt")
        header = str(app.screen.query_one(ContactHeader).render())
        assert "maren.holt@nordlysdata.example · +47 22 33 44 55 · linkedin.com/in/maren-holt" in header
        assert "Notes: Knows the hiring manager. Prefers calls after 3pm." in header
        await pilot.press("y")
        assert app.clipboard == "maren.holt@nordlysdata.example"
        assert "Copied maren.holt@nordlysdata.example." in notifications(app)
        await pilot.press("O")
        assert opened == ["https://www.linkedin.com/in/maren-holt"]
        await select(pilot, "Priya Raman")
        await pilot.press("O")
        assert opened[-1] == "mailto:priya.raman@latticehealth.example"


# -- notes ------------------------------------------------------------------------------------
async def test_a_long_note_is_read_whole_with_v_and_edited_there(make_app, store, fixed_now):
    maren = store.resolve("Maren Holt")
    long_note = "\n".join(f"Point {n}: " + "a detail worth keeping " * 6 for n in range(1, 9))
    saved = store.log(maren.id, Interaction(at=fixed_now - timedelta(hours=1), direction=Direction.BOTH,
                                            kind=Kind.MEETING, note=long_note), fixed_now)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await select(pilot, "Maren Holt")
        await pilot.press("tab")
        timeline = app.screen.query_one(Timeline)
        assert timeline.selected.id == saved.id
        assert "… v reads the whole note" in screen_text(app)
        assert "Point 8" not in screen_text(app)
        await pilot.press("v")
        await settle(app, pilot)
        assert isinstance(app.screen, NoteScreen)
        assert app.screen.query_one(TextArea).text == long_note
        area = app.screen.query_one(TextArea)
        area.move_cursor(area.document.end)
        await pilot.press(*" And one more.", "ctrl+s")
        await settle(app, pilot)
        assert store.interaction(saved.id).note == long_note + " And one more."
        await pilot.press("e")  # the quick-capture form shows it on one line and keeps its lines
        await settle(app, pilot)
        assert isinstance(app.screen, CaptureScreen)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert store.interaction(saved.id).note == long_note + " And one more."


# -- planning ahead ------------------------------------------------------------------------------
async def _capture(app, pilot, note: str, direction_steps: int, when: str) -> None:
    await pilot.press("c")
    await settle(app, pilot)
    await pilot.press(*note, "tab", *(["right"] * direction_steps), "tab", "tab", "tab")
    when_box = app.screen.query_one("#when", Input)
    assert app.screen.focused is when_box
    when_box.value = when
    await pilot.press("enter")
    await settle(app, pilot)


async def test_quick_capture_plans_a_meeting_ahead_and_refuses_a_message_ahead(make_app, store, fixed_now):
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await select(pilot, "Amara Osei")
        amara = store.resolve("Amara Osei")
        count = len(store.interactions(amara.id))
        await _capture(app, pilot, "Asked again", 0, "tue 15:00")
        assert isinstance(app.screen, CaptureScreen)
        assert "A message can't be in the future" in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        await _capture(app, pilot, "Coffee at their office", 2, "tue 15:00")  # out -> in -> both
        assert not isinstance(app.screen, CaptureScreen)
        items = store.interactions(amara.id)
        assert len(items) == count + 1
        planned = max(items, key=lambda i: i.at)
        assert planned.planned and planned.direction == Direction.BOTH
        assert planned.at.astimezone(fixed_now.tzinfo).strftime("%a %H:%M") == "Tue 15:00"
        summary = store.summary(amara.id, fixed_now).assessment
        assert summary.verdict == Verdict.WAIT and summary.reasons[0].startswith("Meeting planned Tue 1 Dec 15:00")
        timeline = app.screen.query_one(Timeline)
        assert timeline.display_entries[0].item.id == planned.id and timeline.display_entries[0].ahead
        assert "planned meeting" in screen_text(app)


async def test_the_queue_asks_whether_the_meeting_happened_m_answers(make_app, store, fixed_now):
    from netpace.ui.screens.meeting import meeting_words

    lukas = store.resolve("Lukas Meyer")
    meeting = next(i for i in store.interactions(lukas.id) if i.planned)
    assert meeting.at < fixed_now  # the demo's meeting that passed, unconfirmed
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        queue = app.screen.query_one("#queue", ContactList)
        at = next(i for i, row in enumerate(queue.rows) if row.id == lukas.id)
        assert queue.rows[at].summary.assessment.verdict == Verdict.CONFIRM
        queue.cursor = at
        await settle(app, pilot)
        assert "did it happen" in screen_text(app)
        await pilot.press("m")
        await wait_for(app, pilot, lambda: isinstance(app.screen, MeetingScreen))
        assert (f"Your meeting with Lukas Meyer {meeting_words(meeting, fixed_now)}: did it happen?"
                in screen_text(app))
        await pilot.press("enter")  # it happened
        await settle(app, pilot)
        assert not store.interaction(meeting.id).planned
        assert store.summary(lukas.id, fixed_now).assessment.verdict != Verdict.CONFIRM
        assert isinstance(app.screen, TriageScreen) and lukas.id not in [r.id for r in queue.rows]
        await pilot.press("u")
        await settle(app, pilot)
        assert store.interaction(meeting.id).planned
        queue.cursor = next(i for i, row in enumerate(queue.rows) if row.id == lukas.id)
        await pilot.press("m")
        await wait_for(app, pilot, lambda: isinstance(app.screen, MeetingScreen))
        await pilot.press("down", "enter")  # moved...
        app.screen.query_one("#until", Input).value = "in 3d"
        await pilot.press("enter")
        await settle(app, pilot)
        moved = store.interaction(meeting.id)
        assert moved.planned and moved.at == fixed_now + timedelta(days=3)
        await pilot.press("escape")  # back to the main screen: m works there too
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        await select(pilot, "Lukas Meyer")
        await pilot.press("m")
        await wait_for(app, pilot, lambda: isinstance(app.screen, MeetingScreen))
        assert "is it still on?" in screen_text(app)
        await pilot.press("down", "down", "enter")  # cancelled
        await settle(app, pilot)
        assert meeting.id not in [i.id for i in store.interactions(lukas.id)]


# -- small defects ----------------------------------------------------------------------------
async def test_escape_in_the_contact_search_goes_back_to_the_note_and_keeps_it(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await select(pilot, "Maren Holt")
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press(*"Sent the deck", "shift+tab", *"pri")
        await settle(app, pilot)
        assert "Priya Raman" in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, CaptureScreen)
        assert app.screen.focused is app.screen.query_one("#note", Input)
        assert app.screen.query_one("#note", Input).value == "Sent the deck"
        assert app.screen.query_one("#contact", Input).value == "Maren Holt"
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, CaptureScreen)


async def test_the_met_on_error_lists_what_is_accepted_and_a_second_error_selects_the_text(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, ContactForm)
        form.query_one("#f-name", Input).value = "Zoe Quinn"
        met_on = form.query_one("#f-met_on", Input)
        met_on.value = "in 3d"
        await pilot.press("ctrl+s")
        error = str(form.query_one("#error").render())
        assert "last fri" in error and "tomorrow" not in error and "in 3d" not in error
        assert form.focused is met_on
        await pilot.press("end", "ctrl+s")  # the cursor moved away, then the same error again
        assert met_on.selected_text == "in 3d"  # typing replaces it
        await pilot.press(*"last fri", "ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, ContactForm)


async def test_a_second_contact_of_the_same_name_is_added_with_a_note_naming_the_first(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.press(*"maren holt", "enter")
        await settle(app, pilot)
        first = next(c for c in store.contacts() if c.name == "Maren Holt")
        assert len([c for c in store.contacts() if c.name.casefold() == "maren holt"]) == 2
        assert (f"Added maren holt. Note: Maren Holt (#{first.id}, Nordlys Data) has the same name: "
                "use the number to tell them apart.") in notifications(app)


async def test_placeholders_match_the_format_and_read_as_examples(make_app):
    from netpace.domain.formats import EXPORTS, IMPORTS

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.action_import("vcard")
        await settle(app, pilot)
        path = app.screen.query_one("#f-path", Input)
        assert path.placeholder == "path of the vCard file, e.g. ~/Downloads/contacts.vcf"
        assert path.value == ""
        await pilot.press("tab", "right")  # the next format: Google Contacts CSV
        assert path.placeholder == IMPORTS["google-csv"].placeholder and ".csv" in path.placeholder
        await pilot.press("escape")
        await settle(app, pilot)
        app.action_export("ics")
        await settle(app, pilot)
        path = app.screen.query_one("#f-path", Input)
        assert path.placeholder == EXPORTS["ics"].placeholder == "path of the ics file to write, e.g. ~/netpace-export.ics"


async def test_without_a_browser_O_copies_the_link_instead(make_app, monkeypatch):
    monkeypatch.setattr("netpace.ui.links.browser_available", lambda: False)
    app = make_app()
    opened = []
    app.open_url = lambda url, **kwargs: opened.append(url)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await select(pilot, "Priya Raman")
        await pilot.press("O")
        assert opened == [] and app.clipboard == "mailto:priya.raman@latticehealth.example"
        assert ("No browser or mail program to open here: copied mailto:priya.raman@latticehealth.example instead."
                in notifications(app))


async def test_the_filter_shows_the_best_match_first(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("/", *"maren")
        await settle(app, pilot)
        # Marcus Webb (Talent Bridge, recruiter) holds m, a, r, e and n in that order: not shown
        # when a name starts with "maren".
        assert [row.name for row in app.screen.query_one(ContactList).rows] == ["Maren Holt"]
