"""A modal dialog that closes once."""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

from ..contract import HasHost

ResultType = TypeVar("ResultType")


class Dialog(HasHost, ModalScreen[ResultType]):
    """A modal screen that closes once (and reaches the app as `self.host`).

    Keys typed faster than the screen updates (a double enter) queue a second "save" or
    "cancel" before the first has closed the dialog. Textual's dismiss() pops whatever screen
    is on top, so the second one would close the screen underneath (triage) or, on the last
    screen, crash the app. Once this dialog is no longer the active screen, dismiss() does nothing.
    """

    def dismiss(self, result: ResultType | None = None) -> AwaitComplete:
        if not self.is_active:
            return AwaitComplete.nothing()
        return super().dismiss(result)
