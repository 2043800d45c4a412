"""Export from the app: a format and a path; the file is written whole, readable by you only."""

from __future__ import annotations

import os
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, Static

from ...domain.formats import EXPORT_FORMATS, EXPORTS
from ...domain.text import one_line
from ..widgets.choice import Choice
from .dialog import Dialog

def check_target(text: str) -> tuple[Path | None, str]:
    """Where to write, or None and one sentence saying why not."""
    if not text.strip():
        return None, "Type where to write the file."
    from ...exporters import target_problem

    path = Path(os.path.expanduser(text.strip()))
    problem = target_problem(path)
    return (None, problem) if problem else (path, "")


class Exported(Message):
    def __init__(self, path: Path | None, error: str | None) -> None:
        super().__init__()
        self.path, self.error = path, error


class ExportScreen(Dialog[Path | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Close without writing anything"),
        Binding("enter", "go", "Export", show=False, id="export.go", tooltip="Write the file"),
    ]

    def __init__(self, format: str = "json") -> None:
        super().__init__()
        self.format = format
        self.busy = False
        self._confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content("Export"), id="title")
            with Grid(id="fields"):
                yield Label("Format")
                yield Choice([(f.name, f.name) for f in EXPORT_FORMATS], self.format,
                             hint={f.name: f.hint for f in EXPORT_FORMATS}, id="f-format")
                yield Label("Write to")
                yield Input(placeholder=EXPORTS[self.format].placeholder, id="f-path")
            yield Static("", id="error")
            yield Static(Content("enter writes the file (readable by you only) · escape cancels"), id="hint")

    def on_mount(self) -> None:
        self._retitle()
        self.query_one("#f-path", Input).focus()

    def _retitle(self) -> None:
        self.query_one("#title", Static).update(Content(f"Export: {self.format}"))
        self.query_one("#f-path", Input).placeholder = EXPORTS[self.format].placeholder

    @on(Choice.Changed, "#f-format")
    def _format_changed(self, event: Choice.Changed) -> None:
        self.format = event.value
        self._confirmed = None
        self._retitle()

    @on(Input.Changed, "#f-path")
    def _path_changed(self, event: Input.Changed) -> None:
        self._confirmed = None

    def _fail(self, text: str) -> None:
        error = self.query_one("#error", Static)
        error.update(Content(text))
        error.add_class("-shown")
        self.query_one("#f-path").focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_go()

    def action_go(self) -> None:
        if self.busy:
            return
        path, problem = check_target(self.query_one("#f-path", Input).value)
        if path is None:
            return self._fail(problem)
        if path.exists() and self._confirmed != path:
            self._confirmed = path
            return self._fail(f"{one_line(str(path))} exists: press enter again to replace it.")
        self.busy = True
        self.query_one("#error").remove_class("-shown")
        self._export(self.format, path)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, format: str, path: Path) -> None:
        host = self.host
        try:
            from ...exporters import render
            from ...importers.decoding import describe_os_error
            from ...store.private_files import write_private

            with host.store_work(failed=lambda error: self.post_message(Exported(None, str(error)))):
                try:
                    data = render(format, host.store, host.now())
                    write_private(path, data)
                except OSError as error:
                    self.post_message(Exported(None, describe_os_error(path, error).replace("Can't read", "Can't write")))
                else:
                    self.post_message(Exported(path, None))
        except Exception as error:  # never a traceback: one sentence instead
            self.post_message(Exported(None, f"The export failed unexpectedly ({type(error).__name__})."))

    def on_exported(self, message: Exported) -> None:
        self.busy = False
        if message.error is not None:
            self._fail(one_line(message.error))
            return
        self.dismiss(message.path)

    def action_cancel(self) -> None:
        if not self.busy:
            self.dismiss(None)
