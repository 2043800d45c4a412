"""Import a file from the app: path, format (or "any file": told from its content) and
your addresses; a progress bar; a summary per file read (the LinkedIn export has three).

The import runs in a thread worker, after the same automatic backup the CLI takes. The
importer's progress calls become messages, so no widget is touched from the thread.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, ProgressBar, Static

from ...domain.formats import IMPORT_FORMATS, IMPORTS
from ...domain.text import one_line
from ..widgets.choice import Choice
from .dialog import Dialog

PROGRESS_EVERY_SECONDS = 0.05
# The first choice of the format field: not a format, but "tell it from the file".
GUESS = "guess"
GUESS_LABEL = "any file (its format told from its content)"


def takes_folder(format: str) -> bool | None:
    """True: a folder only; None: a file or a folder; False: a file only."""
    if format == GUESS or IMPORTS[format].bundle:
        return None
    return IMPORTS[format].folder


def path_placeholder(format: str) -> str:
    """The path field's hint for `format`: plainly an example, of that format."""
    if format == GUESS:
        return "path of any file netpace reads, e.g. ~/Downloads/contacts.vcf"
    return IMPORTS[format].placeholder


def me_hint(format: str) -> str | None:
    return "your e-mail addresses or profile URL (guessed where the file tells)" if format == GUESS else (
        IMPORTS[format].me_hint)


def split_addresses(text: str) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[,\s;]+", text) if part)


def in_app_words(sentence: str) -> str:
    """The importers speak CLI ("add --me ..."); in the app the field is called "You are"."""
    sentence = re.sub(r"(add|pass it with) --me ", "fill in “You are” with ", sentence)
    sentence = sentence.replace("(repeat it for each address you use)", "(comma-separated for several)")
    return sentence.replace("is --me complete?", "is “You are” complete?")


def check_path(text: str, format: str) -> tuple[Path | None, str]:
    """The expanded path, or None and one sentence saying what is wrong with it."""
    shown = one_line(text)
    if not text.strip():
        return None, "Type the path of the file to import."
    path = Path(os.path.expanduser(text.strip()))
    if not path.exists():
        return None, f"There is no file at {shown}."
    folder = takes_folder(format)
    if folder is None:
        if not os.access(path, os.R_OK):
            return None, f"Can't read {shown}: permission denied."
        return path, ""
    if folder:
        if not path.is_dir():
            return None, f"{shown} is a file: a Maildir import takes the folder holding cur/ and new/."
        if not os.access(path, os.R_OK | os.X_OK):
            return None, f"Can't read {shown}: permission denied."
        return path, ""
    if path.is_dir():
        return None, f"{shown} is a folder: pick the file itself."
    if not os.access(path, os.R_OK):
        return None, f"Can't read {shown}: permission denied."
    return path, ""


@dataclass(frozen=True, slots=True)
class Imported:
    """What the modal hands back after a finished import."""

    format: str
    path: Path
    summary: str


def outcome_lines(outcome) -> tuple[str, list[str]]:
    """One summary line, and "where: reason" for every skipped row (a reason many rows
    share once, as the command line says it: importers.report.skip_lines)."""

    def count(n: int, word: str) -> str:
        return f"{n:,} {word}{'' if n == 1 else 's'}"

    summary = (
        f"Added {count(outcome.contacts_added, 'contact')}, merged {outcome.contacts_merged:,}, "
        f"{outcome.contacts_known:,} unchanged; {count(outcome.interactions_added, 'interaction')} added, "
        f"{outcome.interactions_known:,} already there; {len(outcome.skips):,} skipped."
    )
    from ...importers.report import skip_lines  # loaded by the import that came before

    skips = []
    for line in skip_lines(outcome.skips):
        if line.count > 1:  # a reason many rows share, once
            skips.append(f"{one_line(line.rows)}: {one_line(line.reason)} ({line.count:,} in all)")
            continue
        where = f"line {line.where}" if isinstance(line.where, int) else one_line(str(line.where))
        skips.append(f"{where}: {one_line(line.reason)}")
    return summary, skips


def result_lines(result) -> tuple[str, list[str]]:
    """What an import of one path did: one summary (a line per file when there were
    several), and the skips and errors of each file."""
    if len(result.files) == 1 and result.files[0].outcome is not None:
        summary, skips = outcome_lines(result.files[0].outcome)
        return (f"{summary} (Read as {one_line(result.guessed)}.)" if result.guessed else summary), skips
    summaries, skips = [], []
    for file in result.files:
        name = one_line(file.path.name)
        if file.outcome is None:
            skips.append(f"{name}: {one_line(file.error or 'not imported')}")
            continue
        summary, found = outcome_lines(file.outcome)
        summaries.append(f"{name}: {summary}")
        skips += [f"{name} {line}" for line in found]
    if result.ignored:
        summaries.append(f"Left alone {len(result.ignored):,} other files of the export.")
    return "\n".join(summaries), skips


class ImportProgress(Message):
    def __init__(self, label: str, done: int, total: int) -> None:
        super().__init__()
        self.label, self.done, self.total = label, done, total


class ImportFinished(Message):
    """The import's end: `result` (an importers.PathResult) or, when nothing could even
    start, `error`."""

    def __init__(self, result, error: str | None = None) -> None:
        super().__init__()
        self.result, self.error = result, error

    def problem(self) -> tuple[str | None, bool]:
        """(the sentence that says nothing was imported, whether it is about the options)."""
        if self.error is not None:
            return self.error, False
        result = self.result
        if result.error is not None:
            return result.error, result.usage_error
        failed = [f for f in result.files if f.error is not None]
        if failed and len(failed) == len(result.files):
            return failed[0].error, failed[0].usage_error
        return None, False


class ScreenProgress:
    """The importers' progress protocol, turned into (throttled) messages to the modal."""

    def __init__(self, screen: "ImportScreen") -> None:
        self.screen = screen
        self.label = ""
        self.done = 0
        self.total = 0
        self._sent = 0.0

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done = one_line(label), max(0, total), 0
        self._send()

    def advance(self, amount: int = 1) -> None:
        self.done += amount
        if time.monotonic() - self._sent >= PROGRESS_EVERY_SECONDS:
            self._send()

    def finish(self) -> None:
        self._send()

    def _send(self) -> None:
        self._sent = time.monotonic()
        self.screen.post_message(ImportProgress(self.label, self.done, self.total))


class ImportScreen(Dialog[Imported | None]):
    BINDINGS = [
        Binding("escape", "close", "Cancel", id="import.cancel",
                tooltip="Close: before the import starts nothing is done"),
        Binding("enter", "go", "Import", show=False, id="import.go",
                tooltip="Start the import (a backup is taken first); once done, close"),
    ]

    def __init__(self, format: str = GUESS, path: Path | None = None) -> None:
        """With `path`, the import of that path starts as the dialog opens (the welcome
        screen's field)."""
        super().__init__()
        self.format = format
        self.state = "form"  # then "running", then "done"
        self.result: Imported | None = None
        self._path: Path | None = None
        self._start_with = path

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content("Import"), id="title")
            with Grid(id="fields"):
                yield Label("File")
                yield Input(placeholder=path_placeholder(self.format), id="f-path")
                yield Label("Format")
                yield Choice([(GUESS, GUESS_LABEL), *((f.name, f.label) for f in IMPORT_FORMATS)], self.format,
                             id="f-format")
                yield Label("You are", id="me-label")
                yield Input(id="f-me")
            yield Static("", id="error")
            yield Static("", id="stage")
            yield ProgressBar(id="progress", show_eta=False)
            yield Static("", id="summary")
            with VerticalScroll(id="skips"):
                yield Static("", id="skip-list")
            yield Static(Content("enter imports (after a backup) · tab next field · escape cancels"), id="hint")

    def on_mount(self) -> None:
        self._show_me_field()
        self.query_one("#f-path", Input).focus()
        if self._start_with is not None:
            self.query_one("#f-path", Input).value = str(self._start_with)
            self.action_go()

    # -- the form ----------------------------------------------------------------------
    @on(Choice.Changed, "#f-format")
    def _format_changed(self, event: Choice.Changed) -> None:
        self.format = event.value
        self._show_me_field()

    def _show_me_field(self) -> None:
        hint = me_hint(self.format)
        label = GUESS_LABEL if self.format == GUESS else IMPORTS[self.format].label
        self.query_one("#title", Static).update(Content(f"Import: {label}"))
        self.query_one("#me-label").display = hint is not None
        me = self.query_one("#f-me", Input)
        me.display = hint is not None
        me.placeholder = hint or ""
        self.query_one("#f-path", Input).placeholder = path_placeholder(self.format)

    def _fail(self, text: str, field: str | None) -> None:
        error = self.query_one("#error", Static)
        error.update(Content(text))
        error.add_class("-shown")
        if field is not None:
            self.query_one(f"#{field}").focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_go()

    def action_go(self) -> None:
        if self.state == "done":
            self.dismiss(self.result)
            return
        if self.state != "form":
            return
        path, problem = check_path(self.query_one("#f-path", Input).value, self.format)
        if path is None:
            return self._fail(problem, "f-path")
        asks_me = me_hint(self.format) is not None
        me = split_addresses(self.query_one("#f-me", Input).value) if asks_me else ()
        from ...importers import ImportOptions, NeedsOption, check_options

        now = self.host.now()
        if takes_folder(self.format) is not None:  # one reader: its options are known now
            try:
                check_options(self.format, ImportOptions(now=now, tz=now.tzinfo, me=me), [path])
            except NeedsOption as error:
                return self._fail(in_app_words(str(error)), "f-me" if asks_me else "f-format")
        self._path = path
        self._set_state("running")
        self.query_one("#error").remove_class("-shown")
        self.query_one("#stage", Static).update(Content("Reading the file…"))
        self._import(self.format, path, me)

    def _set_state(self, state: str) -> None:
        self.state = state
        for name in ("form", "running", "done"):
            self.set_class(state == name, f"-{name}")
        for widget in self.query("#fields Input, #fields Choice"):
            widget.disabled = state != "form"

    # -- the work -----------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def _import(self, format: str, path: Path, me: tuple[str, ...]) -> None:
        host = self.host
        try:
            from ...importers import ImportOptions, import_path
            from ...store.backups import auto_backup
            from ...store.errors import StoreError

            def failed(error) -> None:  # the store failed: nothing was done
                self.post_message(ImportFinished(None, str(error)))

            def backed_up():
                """Once the file is read and brings something: the backup, then the write
                (a file that can't start, or brings nothing new, takes no backup)."""
                self.post_message(ImportProgress("Taking a backup first…", 0, 0))
                try:
                    auto_backup(host.store, "import")
                except StoreError as error:
                    raise StoreError(f"{error} Nothing was imported.") from None
                return host.store

            with host.store_work(failed):
                now = host.now()
                result = import_path(host.store, path, ImportOptions(now=now, tz=now.tzinfo, me=me),
                                     format=None if format == GUESS else format, progress=ScreenProgress(self),
                                     before_write=backed_up)
                self.post_message(ImportFinished(result))
        except Exception as error:  # never a traceback: one sentence instead
            self.post_message(ImportFinished(
                None, f"The import failed unexpectedly ({type(error).__name__}); nothing from it was saved."))

    def on_import_progress(self, message: ImportProgress) -> None:
        self.query_one("#stage", Static).update(Content(message.label or "Importing…"))
        bar = self.query_one(ProgressBar)
        if message.total:
            bar.update(total=message.total, progress=min(message.done, message.total))
        else:
            bar.update(total=None)

    def on_import_finished(self, message: ImportFinished) -> None:
        problem, about_options = message.problem()
        if problem is not None:
            self._set_state("form")
            self.query_one("#stage", Static).update("")
            field = "f-me" if about_options and me_hint(self.format) is not None else "f-path"
            self._fail(in_app_words(problem), field)
            return
        bar = self.query_one(ProgressBar)
        bar.update(total=bar.total or 1, progress=bar.total or 1)
        summary, skips = result_lines(message.result)
        self.query_one("#stage", Static).update(Content(f"Imported {one_line(self._path.name)}"))
        self.query_one("#summary", Static).update(Content(summary))
        skip_list = self.query_one("#skip-list", Static)
        skip_list.update(Content("\n".join(["Skipped:", *skips]) if skips else ""))
        self.query_one("#skips").display = bool(skips)
        self.query_one("#hint", Static).update(Content("enter or escape closes"))
        self.result = Imported(self.format, self._path, summary)
        self._set_state("done")
        self.query_one("#skips").focus()
        self.host.load_network()

    def action_close(self) -> None:
        if self.state == "running":
            self.notify("The import is running; it takes a moment and can't be stopped halfway.",
                        markup=False)
            return
        self.dismiss(self.result if self.state == "done" else None)
