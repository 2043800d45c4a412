"""An interaction's whole note (v on the timeline): read it in full, correct it, ctrl+s saves."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static, TextArea

from ...domain.model import Interaction
from ...domain.validation import MAX_NOTE
from ..words import label, when_words
from .dialog import Dialog

HINT = "ctrl+s saves (u undoes it) · escape closes without saving"


class NoteScreen(Dialog[Interaction | None]):
    """Dismissed with the interaction carrying its new note, or None (nothing changed)."""

    BINDINGS = [
        Binding("escape", "cancel", "Close", id="note.close", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="note.save", tooltip="Save the note as it is now"),
    ]

    def __init__(self, item: Interaction, now: datetime, name: str) -> None:
        super().__init__()
        self.item = item
        self.now = now
        self.name_shown = name

    def compose(self) -> ComposeResult:
        item = self.item
        what = f"{label(item.kind.value)} · {label(item.channel.value)} · {when_words(item.at, self.now)}"
        with Vertical(id="dialog"):
            yield Static(Content.assemble("Note: ", (self.name_shown, "bold"), f", {what}"), id="title")
            yield TextArea(item.note, soft_wrap=True, id="note-text")
            yield Static("", id="error")
            yield Static(Content(HINT), id="hint")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        text = self.query_one(TextArea).text
        if len(text) > MAX_NOTE:
            error = self.query_one("#error", Static)
            error.update(Content(f"That note is {len(text):,} characters long; a note can be at most {MAX_NOTE:,}."))
            error.add_class("-shown")
            return
        self.dismiss(None if text == self.item.note else replace(self.item, note=text))

    def action_cancel(self) -> None:
        self.dismiss(None)
