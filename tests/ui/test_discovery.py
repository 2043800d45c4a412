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
