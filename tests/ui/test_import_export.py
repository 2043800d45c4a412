"""Import and export from the command palette: real fixture files, real rows, real files."""

import json
import stat
import pytest

from pathlib import Path

from textual.widgets import ProgressBar

from netpace.domain.model import Status
from netpace.ui.screens.export_file import ExportScreen
from netpace.ui.screens.import_file import ImportScreen
from netpace.ui.widgets.contact_list import ContactList

from .conftest import highlighted_command, notifications, screen_text, settle, wait_until

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CONNECTIONS = FIXTURES / "linkedin" / "Connections_current.csv"


async def run_command(app, pilot, command: str) -> None:
    await pilot.press("ctrl+p")
    await settle(app, pilot)
    await pilot.press(*command)
    await wait_until(pilot, lambda: highlighted_command(app).startswith(command), what=f"{command!r} found")
    await pilot.press("enter")
    await settle(app, pilot)


async def fill(app, pilot, text: str, *keys: str) -> None:
    """Put `text` in the focused input (typing a long path key by key is slow), then press keys."""
    app.screen.focused.value = text
    await pilot.press(*keys)


def backups(db) -> list[Path]:
    """The import backups of the database at `db` (a file, or a server's URL)."""
    from netpace.store.backups import backups_folder
    from netpace.store.paths import as_location

    folder = backups_folder(as_location(db))
    return sorted(folder.glob("*import*")) if folder.exists() else []


@pytest.mark.slow
async def test_palette_imports_linkedin_connections_with_progress_and_summary(make_app, store, demo_location):
    assert store.counts()["contacts"] == 40
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await run_command(app, pilot, "import: LinkedIn connections")
        modal = app.screen
        assert isinstance(modal, ImportScreen) and modal.format == "linkedin-connections"
        assert not modal.query_one("#f-me").display  # this format needs no address of yours
        await fill(app, pilot, str(CONNECTIONS), "enter")
        await settle(app, pilot)

        assert store.counts()["contacts"] == 47
        priya = store.resolve("Priya Natarajan")
        assert (priya.company, priya.role, priya.emails) == ("Orbital Health", "VP Engineering", ("priya.n@example.com",))
        assert priya.linkedin == "https://www.linkedin.com/in/priya-natarajan"
        assert len(backups(demo_location)) == 1  # taken before anything was written

        bar = modal.query_one(ProgressBar)
        assert bar.total == 7 and bar.percentage == 1.0  # the saving phase: 7 new contacts
        text = screen_text(app)
        assert "Added 7 contacts, merged 0, 0 unchanged" in text and "2 skipped" in text
        assert "line 9: only a date: a connection that was deleted" in text

        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, ImportScreen)
        names = [row.name for row in app.screen.query_one(ContactList).rows]
        assert len(names) == 47 and "Priya Natarajan" in names and "Jonas Weber" in names
        assert any("Added 7 contacts" in n for n in notifications(app))
        await pilot.press("slash", *"natarajan")
        await settle(app, pilot)
        assert "Priya Natarajan" in screen_text(app)


def error_text(app) -> str:
    return str(app.screen.query_one("#error").render())


async def test_a_missing_file_is_an_inline_error_and_nothing_is_written(make_app, store, demo_location):
    before = store.counts()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await run_command(app, pilot, "import: vCard")
        assert isinstance(app.screen, ImportScreen) and app.screen.format == "vcard"
        await pilot.press("enter")
        assert "Type the path of the file to import." in screen_text(app)
        await pilot.press(*"~/no/such/contacts.vcf", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ImportScreen) and app.screen.state == "form"
        assert error_text(app) == "There is no file at ~/no/such/contacts.vcf."
        await fill(app, pilot, str(FIXTURES / "vcard"), "enter")
        await settle(app, pilot)
        # The widget's own text: the sentence starts with the fixtures' folder, which is
        # wherever the repo sits, so on screen it may wrap anywhere.
        assert error_text(app) == f"{FIXTURES / 'vcard'} is a folder: pick the file itself."
        assert "Traceback" not in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, ImportScreen)
    assert store.counts() == before
    assert backups(demo_location) == []


async def test_a_file_in_another_format_says_why_and_writes_nothing(make_app, store):
    before = store.counts()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await run_command(app, pilot, "import: LinkedIn connections")
        await fill(app, pilot, str(FIXTURES / "vcard" / "ezvcard_John_Doe_EVOLUTION.vcf"), "enter")
        await settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, ImportScreen) and modal.state == "form"
        error = str(modal.query_one("#error").render())
        assert error == "This doesn't look like a LinkedIn Connections.csv: no header row with the expected columns."
        assert modal.query_one("#error").has_class("-shown")
    assert store.counts() == before


async def test_mail_needs_your_address_then_imports_the_conversations(make_app, store):
    before = store.counts()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await run_command(app, pilot, "import: mail (mbox)")
        modal = app.screen
        assert isinstance(modal, ImportScreen) and modal.format == "mbox"
        assert modal.query_one("#f-me").display
        await fill(app, pilot, str(FIXTURES / "mail" / "personal.mbox"), "enter")
        await settle(app, pilot)
        assert "Importing mail needs your own address: fill in “You are”" in screen_text(app)
        assert app.screen.focused is modal.query_one("#f-me")
        assert store.counts() == before
        await fill(app, pilot, "sam@patel.example, SAM.PATEL@work.example", "enter")
        await settle(app, pilot)
        assert modal.state == "done"
        joerg = store.resolve("Jörg Weiß")
        notes = sorted((i.direction.value, i.note) for i in store.interactions(joerg.id))
        assert notes == [("in", "Re: Coffee next week?"), ("out", "Coffee next week?")]
        assert store.counts()["interactions"] > before["interactions"]


@pytest.mark.slow
async def test_escape_before_start_does_nothing(make_app, store, demo_location):
    before = store.counts()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await run_command(app, pilot, "import: LinkedIn connections")
        await fill(app, pilot, str(CONNECTIONS), "escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, ImportScreen)
    assert store.counts() == before and backups(demo_location) == []


@pytest.mark.slow
async def test_palette_exports_json_privately_and_asks_before_replacing(make_app, store, tmp_path):
    target = tmp_path / "out.json"
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await run_command(app, pilot, "export: json")
        assert isinstance(app.screen, ExportScreen) and app.screen.format == "json"
        await fill(app, pilot, str(target), "enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, ExportScreen)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        data = json.loads(target.read_text())
        assert "[bold]Bob[/] Marsh" in [c["name"] for c in data["contacts"]]
        assert len(data["contacts"]) == 40

        target.write_text("keep me")
        await run_command(app, pilot, "export: csv")
        await fill(app, pilot, str(target), "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ExportScreen)
        shown = str(app.screen.query_one("#error").render())
        assert shown.endswith("exists: press enter again to replace it.")  # wraps by path length on screen
        assert target.read_text() == "keep me"
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, ExportScreen)
        assert "Bob" in target.read_text() and target.read_text().count("\n") >= 41


async def test_export_to_a_missing_folder_is_an_inline_error(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await run_command(app, pilot, "export: vcard")
        await fill(app, pilot, str(tmp_path / "nowhere" / "x.vcf"), "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ExportScreen)
        error = " ".join(str(app.screen.query_one("#error").render()).split())  # the widget's text, unwrapped
        assert "there is no folder" in error and str(tmp_path / "nowhere") in error
        await pilot.press("escape")
    assert not (tmp_path / "nowhere").exists()


async def test_w_and_the_palette_wake_a_snoozed_or_archived_contact(make_app, store, fixed_now):
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        contact_id = app.screen.query_one(ContactList).selected_id
        name = store.contact(contact_id).name
        await pilot.press("w")
        await settle(app, pilot)
        assert f"{name} is not snoozed or archived." in notifications(app)
        store.set_status(contact_id, Status.ARCHIVED, None, fixed_now)
        app.load_network()
        await settle(app, pilot)
        await pilot.press("w")
        await settle(app, pilot)
        assert store.contact(contact_id).status == Status.ACTIVE
        assert f"{name} is active again." in notifications(app)

        from datetime import timedelta

        store.set_status(contact_id, Status.SNOOZED, fixed_now.date() + timedelta(days=7), fixed_now)
        app.load_network()
        await settle(app, pilot)
        await run_command(app, pilot, "contact: unsnooze")
        await settle(app, pilot)
        woken = store.contact(contact_id)
        assert woken.status == Status.ACTIVE and woken.snoozed_until is None
