"""The app imports the whole LinkedIn export zip, or any file, its format told from its
content: one summary per file, nothing unpacked, every row there (on either store)."""

import zipfile
from pathlib import Path

from netpace.ui.screens.import_file import GUESS, ImportScreen

from .conftest import settle, wait_until
from .test_import_export import backups, fill, run_command

EXPORT = Path(__file__).resolve().parent.parent / "fixtures" / "linkedin_export" / "Basic_LinkedInDataExport_11-26-2026"


def export_zip(folder: Path) -> Path:
    path = folder / f"{EXPORT.name}.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for file in sorted(EXPORT.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(EXPORT).as_posix())
    return path


async def test_any_file_takes_the_linkedin_export_zip(make_app, store, demo_location, tmp_path):
    before = store.counts()
    zipped = export_zip(tmp_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await run_command(app, pilot, "import: any file")
        assert isinstance(app.screen, ImportScreen) and app.screen.format == GUESS
        await fill(app, pilot, str(zipped), "enter")
        await wait_until(pilot, lambda: app.screen.state == "done", what="the import done")
        summary = str(app.screen.query_one("#summary").render())
        for name in ("Connections.csv", "Invitations.csv", "messages.csv"):
            assert f"{name}: Added" in summary
        assert "Left alone 18 other files of the export." in summary
        await pilot.press("escape")
        await settle(app, pilot)
    after = store.counts()
    assert after["contacts"] > before["contacts"] and after["interactions"] > before["interactions"]
    assert len(backups(demo_location)) == 1
    assert not any(p.suffix == ".csv" for p in tmp_path.rglob("*"))  # never unpacked


async def test_a_file_nothing_can_read_is_refused_inline_and_takes_no_backup(make_app, store, demo_location, tmp_path):
    before = store.counts()
    odd = tmp_path / "notes.txt"
    odd.write_text("just some words\n")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await run_command(app, pilot, "import: any file")
        await fill(app, pilot, str(odd), "enter")
        await wait_until(pilot, lambda: app.screen.state == "form" and app.screen.query_one("#error").has_class(
            "-shown"), what="the inline error")
        error = str(app.screen.query_one("#error").render())
        assert error.startswith(f"Can't tell which format {odd} is in")
    assert store.counts() == before
    assert backups(demo_location) == []


def test_the_apps_import_dialog_says_a_shared_reason_once_as_the_command_line_does():
    from pathlib import Path

    from netpace.importers.auto import PathResult
    from netpace.importers.merge import Outcome
    from netpace.importers.records import Skip
    from netpace.importers.report import FIRST_FEW, ONE_BY_ONE
    from netpace.importers.runner import FileResult
    from netpace.ui.screens.import_file import result_lines

    drafts = [Skip(line, "a draft (never sent)") for line in range(10, 10 + 3 * (ONE_BY_ONE + 1), 3)]
    messages = FileResult(Path("export.zip/messages.csv"))
    messages.outcome = Outcome(skips=[Skip(40, "in the Spam folder"), *drafts, Skip(4, "in the Spam folder")])
    connections = FileResult(Path("export.zip/Connections.csv"))
    connections.outcome = Outcome(skips=[Skip("\x1b[31mrow\x1b[0m", "no \x07name")])
    found = PathResult(Path("export.zip"), format="linkedin", files=[connections, messages])
    summary, skips = result_lines(found)
    assert skips == [
        "Connections.csv row: no name",
        "messages.csv line 4: in the Spam folder",
        f"messages.csv lines {', '.join(str(s.where) for s in drafts[:FIRST_FEW])} and {len(drafts) - FIRST_FEW} "
        f"more: a draft (never sent) ({len(drafts)} in all)",
        "messages.csv line 40: in the Spam folder",
    ]
    assert summary.splitlines()[1].endswith(f"{len(drafts) + 2} skipped.")
