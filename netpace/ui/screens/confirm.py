"""A yes-or-no question before something big (deleting a contact)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from .dialog import Dialog


class ConfirmScreen(Dialog[bool | None]):
    BINDINGS = [
        Binding("enter,y", "yes", "Yes", id="confirm.yes", tooltip="Go ahead"),
        Binding("escape,n", "no", "No", id="confirm.no", tooltip="Leave everything as it is"),
    ]

    def __init__(self, question: Content, hint: str) -> None:
        super().__init__()
        self.question = question
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="title")
            yield Static(Content(self.hint), id="hint")

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(None)
