"""The first run: an empty database (a file, or a PostgreSQL database) opens the welcome
screen, whose path field imports the LinkedIn export (or any file) and then shows the
network; the other ways in."""

import pytest

from netpace.store import open_store
from netpace.ui.screens.contact_form import ContactForm
from netpace.ui.screens.import_file import ImportScreen
from netpace.ui.screens.main import MainScreen
from netpace.ui.screens.welcome import TRY_DEMO, WelcomeScreen
from netpace.ui.widgets.contact_list import ContactList
from netpace.ui.widgets.path_input import complete

from .conftest import settle, wait_until
from .test_import_any_file import export_zip


@pytest.fixture
def empty(db_location):
    """An empty database (a file, then a PostgreSQL database)."""
    with open_store(db_location) as store:
        yield store


@pytest.fixture
def app_on(fixed_now):
    from netpace.ui.app import NetpaceApp

    return lambda store: NetpaceApp(store, now=fixed_now, poll_seconds=None)


async def until(pilot, condition) -> None:
    await wait_until(pilot, condition, what="the screen to get there")


async def welcomed(app, pilot) -> None:
    """Wait for the welcome screen with its widgets laid out (a screen just pushed has none
    yet, and then none with a place on the screen to click)."""

    def drawn() -> bool:
        if not isinstance(app.screen, WelcomeScreen):
            return False
        buttons = app.screen.query("#welcome-add")
        return bool(buttons) and buttons.first().region.area > 0

    await wait_until(pilot, drawn, what="the welcome screen drawn")


async def test_an_empty_database_opens_the_welcome_screen_and_escape_leaves_it(app_on, empty):
    app = app_on(empty)
    async with app.run_test(size=(100, 34)) as pilot:
        await welcomed(app, pilot)
        await settle(app, pilot)
        assert app.screen.focused.id == "welcome-path"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(ContactList).rows == []


async def test_the_path_field_imports_the_export_zip_then_shows_the_network(app_on, empty, tmp_path):
    zipped = export_zip(tmp_path)
    app = app_on(empty)
    async with app.run_test(size=(100, 34)) as pilot:
        await welcomed(app, pilot)
        app.screen.query_one("#welcome-path").value = str(zipped)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ImportScreen) and app.screen.state == "done")
        assert "Connections.csv: Added 8 contacts" in str(app.screen.query_one("#summary").render())
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MainScreen) and app.screen.query_one(ContactList).rows)
        assert len(app.screen.query_one(ContactList).rows) == empty.counts()["contacts"] == 11


async def test_a_path_that_is_not_there_is_an_inline_error(app_on, empty, tmp_path):
    app = app_on(empty)
    async with app.run_test(size=(100, 34)) as pilot:
        await welcomed(app, pilot)
        app.screen.query_one("#welcome-path").value = str(tmp_path / "nope.zip")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert str(app.screen.query_one("#welcome-error").render()) == f"There is no file at {tmp_path / 'nope.zip'}."
    assert empty.counts()["contacts"] == 0


async def test_the_other_ways_in(app_on, empty):
    app = app_on(empty)
    async with app.run_test(size=(100, 34)) as pilot:
        await welcomed(app, pilot)
        assert await pilot.click("#welcome-add")  # it landed on the button
        await settle(app, pilot)
        assert isinstance(app.screen, ContactForm)
    app = app_on(empty)
    async with app.run_test(size=(100, 34)) as pilot:
        await welcomed(app, pilot)
        await settle(app, pilot)
        await pilot.press("tab")  # from the path field to "Try the demo network"
        await until(pilot, lambda: app.screen.focused is not None and app.screen.focused.id == "welcome-demo")
        await pilot.press("enter")
        await until(pilot, lambda: not app.is_running)
    assert app.return_value == TRY_DEMO


def test_the_path_field_completes_names_like_a_shell(tmp_path, monkeypatch):
    (tmp_path / "Basic_LinkedInDataExport_11-26-2026.zip").write_bytes(b"")
    (tmp_path / "Basic_notes.txt").write_text("")
    (tmp_path / "Mail").mkdir()
    (tmp_path / ".hidden").write_text("")
    folder = str(tmp_path)
    assert complete(f"{folder}/Basic_L") == f"{folder}/Basic_LinkedInDataExport_11-26-2026.zip"
    assert complete(f"{folder}/Ba") == f"{folder}/Basic_"  # what both names share
    assert complete(f"{folder}/M") == f"{folder}/Mail/"
    assert complete(f"{folder}/.h") == f"{folder}/.hidden"
    assert complete(f"{folder}/Zzz") is None
    monkeypatch.setenv("HOME", folder)
    assert complete("~/Ma") == "~/Mail/"
    assert complete(f"{folder}/no-such-folder/x") is None
