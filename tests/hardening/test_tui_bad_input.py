"""Bad input through the app (Pilot): a 100 KB note, names with markup and escape sequences,
blank names. Each is accepted whole or refused inline, with nothing half-written, and the
app keeps answering keys."""

from __future__ import annotations


from textual import events
from textual.widgets import Input

from netpace.clock import now_from
from netpace.store import open_store
from netpace.domain.validation import MAX_NAME, MAX_NOTE
from netpace.ui.app import NetpaceApp
from netpace.ui.screens.capture import CaptureScreen
from netpace.ui.screens.contact_form import ContactForm
from netpace.ui.screens.help import HelpScreen
from netpace.ui.widgets.contact_list import ContactList
from netpace.ui.widgets.timeline import Timeline

from ..ui.conftest import notifications, screen_text, settle
from ..conftest import NOW_TEXT
from .helpers import integrity, snapshot
from .robustness_report import record

NOW = now_from(NOW_TEXT)


async def paste(app, pilot, text: str) -> None:
    """What a terminal sends for a (bracketed) paste, delivered to the focused field."""
    app.screen.focused.post_message(events.Paste(text))
    await pilot.pause()


async def test_a_100_kb_note_is_saved_whole_and_the_app_keeps_answering(demo_db):
    note = ("Long notes from a recruiter call, pasted whole. " * 2100)[:99_999] + "."
    with open_store(demo_db) as store:
        app = NetpaceApp(store, now=NOW, poll_seconds=None)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            contact_id = app.screen.query_one(ContactList).selected_id
            before = len(store.interactions(contact_id))
            await pilot.press("c")
            await settle(app, pilot)
            await paste(app, pilot, note)
            assert app.screen.query_one("#note", Input).value == note
            await pilot.press("enter")
            await settle(app, pilot)
            items = store.interactions(contact_id)
            assert len(items) == before + 1 and items[-1].note == note
            assert not isinstance(app.screen, CaptureScreen)
            assert notifications(app)[-1].startswith("Logged ")
            assert "Long notes from a recruiter call" in screen_text(app)
            # Still answering: the next keys are handled (help opens and closes, the list moves).
            await pilot.press("question_mark")
            await settle(app, pilot)
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape", "down")
            await settle(app, pilot)
            assert app.screen.query_one(ContactList).selected_id != contact_id
    assert integrity(demo_db) == "ok"
    record("bad input", "100 KB note through the app's quick capture", 1, 1,
           "saved whole; the next keys were handled; integrity_check ok")


async def test_a_note_over_the_limit_is_refused_in_the_capture_form(demo_db):
    too_long = "n" * (MAX_NOTE + 1)
    before = snapshot(demo_db)
    with open_store(demo_db) as store:
        app = NetpaceApp(store, now=NOW, poll_seconds=None)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            await pilot.press("c")
            await settle(app, pilot)
            await paste(app, pilot, too_long)
            await pilot.press("enter")
            await settle(app, pilot)
            # Refused where it was typed: the form stays open with the text, one sentence says why.
            assert isinstance(app.screen, CaptureScreen)
            assert app.screen.query_one("#note", Input).value == too_long
            assert f"at most {MAX_NOTE:,} characters" in str(app.screen.query_one("#error").render())
            await pilot.press("escape")
            await settle(app, pilot)
            assert not isinstance(app.screen, CaptureScreen)
    assert snapshot(demo_db) == before


HOSTILE_NAME = "\x1b]2;pwned\x07[bold]Eve[/] \x1b[31mRed\x1b[0m [$accent]x\x00"


async def test_a_name_with_markup_and_escape_sequences_is_kept_as_text(demo_db):
    with open_store(demo_db) as store:
        app = NetpaceApp(store, now=NOW, poll_seconds=None)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            await pilot.press("n")
            await settle(app, pilot)
            await paste(app, pilot, HOSTILE_NAME)
            await pilot.press("tab", *"[red]Co[/]", "enter")
            await settle(app, pilot)
            assert not isinstance(app.screen, ContactForm)
            eve = store.resolve("[bold]Eve[/] Red [$accent]x")
            assert eve.company == "[red]Co[/]"
            assert "\x1b" not in eve.name and "\x00" not in eve.name and "\x07" not in eve.name
            assert notifications(app)[-1] == "Added [bold]Eve[/] Red [$accent]x."
            text = screen_text(app)
            assert "[bold]Eve[/] Red [$accent]x" in text and "[red]Co[/]" in text
            assert "\x1b" not in text and "\x07" not in text and "pwned" not in text
            assert app.screen.query_one(ContactList).selected_id == eve.id
            assert app.screen.query_one(Timeline).display_entries == []  # the new contact's: empty
    assert integrity(demo_db) == "ok"


REFUSED_NAMES = {
    "empty": ("", "needs a name"),
    "blank": ("   \t  ", "needs a name"),
    "only escape sequences and controls": ("\x1b[31m\x1b]0;x\x07\x00\x1b[0m", "needs a name"),
    "too long": ("x" * (MAX_NAME + 1), f"at most {MAX_NAME} characters"),
}


async def test_blank_and_bad_names_are_refused_inline_with_nothing_written(demo_db):
    before = snapshot(demo_db)
    refused = 0
    with open_store(demo_db) as store:
        app = NetpaceApp(store, now=NOW, poll_seconds=None)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(app, pilot)
            for label, (name, words) in REFUSED_NAMES.items():
                await pilot.press("n")
                await settle(app, pilot)
                assert isinstance(app.screen, ContactForm)
                if name:
                    await paste(app, pilot, name)
                await pilot.press("tab", *"Acme", "enter")  # a company, so only the name is wrong
                await settle(app, pilot)
                assert isinstance(app.screen, ContactForm), label
                error = str(app.screen.query_one("#error").render())
                assert words in error, (label, error)
                assert app.screen.focused is app.screen.query_one("#f-name", Input), label
                await pilot.press("escape")
                await settle(app, pilot)
                assert not isinstance(app.screen, ContactForm)
                refused += 1
            # The form still works after all that.
            await pilot.press("n")
            await settle(app, pilot)
            await pilot.press(*"Real Person", "enter")
            await settle(app, pilot)
            assert store.resolve("Real Person").name == "Real Person"
    after = snapshot(demo_db)
    contact_rows = dict(after[1])["contact"]
    assert [r for r in contact_rows if "Real Person" not in r] == list(dict(before[1])["contact"])
    assert integrity(demo_db) == "ok"
    record("bad input", "refused names in the app's new-contact form (empty, blank, only escapes, too long)",
           len(REFUSED_NAMES), refused, "refused inline, form kept open, nothing written")
