"""Help, the command palette, and every binding explaining itself."""

from textual.command import CommandPalette

from netpace.ui.screens.help import HelpScreen, sections
from netpace.ui.screens.triage import TriageScreen
from netpace.ui.widgets.contact_list import ContactList

from .conftest import highlighted_command, screen_text, settle, wait_until


def test_every_binding_has_an_id_a_description_and_a_tooltip():
    for title, bindings in sections():
        for binding in bindings:
            assert binding.description, (title, binding.key)
            assert binding.tooltip, (title, binding.key)
    from netpace.ui.app import NetpaceApp
    from netpace.ui.screens.capture import CaptureScreen
    from netpace.ui.screens.contact_form import ContactForm
    from netpace.ui.screens.help import HelpScreen as Help
    from netpace.ui.screens.main import FilterInput, MainScreen
    from netpace.ui.screens.snooze import SnoozeScreen
    from netpace.ui.widgets.choice import Choice
    from netpace.ui.screens.export_file import ExportScreen
    from netpace.ui.screens.import_file import ImportScreen
    from netpace.ui.widgets.timeline import Timeline

    classes = (NetpaceApp, MainScreen, FilterInput, TriageScreen, CaptureScreen, ContactForm,
               SnoozeScreen, Help, ContactList, Timeline, Choice, ImportScreen, ExportScreen)
    ids = [b.id for cls in classes for b in cls.BINDINGS]
    assert all(ids) and len(ids) == len(set(ids))


async def test_question_mark_lists_every_key(make_app):
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#key-list").render())
        for title, bindings in sections():
            assert title in text
            for binding in bindings:
                assert binding.description in text
        assert "Filter by name, company or tag" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_runs_actions_by_name(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"triage: open")
        await wait_until(pilot, lambda: highlighted_command(app).startswith("triage: open"), what="the command found")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, TriageScreen)


async def test_palette_finds_contacts_and_shows_markup_literally(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        await pilot.press(*"bob marsh")
        await wait_until(pilot, lambda: "Bob[/] Marsh" in highlighted_command(app), what="the contact found")
        text = screen_text(app)
        assert "[bold]Bob[/] Marsh" in text
        assert "[red]Evil Corp[/red]" in text
        await pilot.press("enter")
        await settle(app, pilot)
        bob = store.resolve("[bold]Bob[/] Marsh")
        assert app.screen.query_one(ContactList).selected_id == bob.id
        assert "[bold]Bob[/] Marsh" in screen_text(app)


async def test_page_keys_typed_right_behind_ctrl_p_do_nothing_instead_of_crashing(make_app):
    """Keys in one burst (a fast typist, a busy app) reach the palette before its list
    has lines; Textual's option list raised KeyError on pagedown then."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(110, 36)) as pilot:
        await settle(app, pilot)
        for key in ("ctrl+p", "s", "pagedown", "pageup", "pagedown"):
            event = events.Key(key, key if len(key) == 1 else None)
            event.set_sender(app)
            app._driver.send_message(event)  # all queued before any is handled
        await settle(app, pilot)
        assert isinstance(app.screen, CommandPalette) and app.is_running
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, CommandPalette)


async def test_palette_corrects_the_selected_interaction_and_keeps_in_touch(make_app, store):
    anneke = store.resolve("Anneke de Vries")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.select(anneke.id)
        await settle(app, pilot)
        for command in ("contact: keep in touch at their pace", "interaction: edit"):
            await pilot.press("ctrl+p")
            await settle(app, pilot)
            await pilot.press(*command)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await settle(app, pilot)
        assert str(app.screen.query_one("#title").render()) == "Edit the interaction"
        assert store.contact(anneke.id).keep_in_touch_days is not None
