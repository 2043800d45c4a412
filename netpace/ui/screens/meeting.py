"""A meeting logged ahead has passed (the queue's "confirm"), or is still ahead: did it
happen, was it moved (to when), or was it cancelled? m on the main screen and in triage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.humanize import day_label
from ...domain.model import Direction, Interaction
from ...domain.validation import InvalidInput, logged_ahead
from ...domain.when import WhenError, parse_when
from .dialog import Dialog

MOVED_FORMS = "a time ahead: tue 15:00, tomorrow 10:00, in 3d, 2026-12-08 15:00"


@dataclass(frozen=True, slots=True)
class MeetingAnswer:
    item: Interaction
    moved_to: datetime | None = None
    cancelled: bool = False


def meeting_words(item: Interaction, now: datetime) -> str:
    local = item.at.astimezone(now.tzinfo)
    return f"{day_label(local.date(), now.date())} {local:%H:%M}"


class MeetingScreen(Dialog[MeetingAnswer | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Close", id="meeting.close", tooltip="Close without answering"),
    ]

    def __init__(self, item: Interaction, now: datetime, name: str) -> None:
        super().__init__()
        self.item = item
        self.now = now
        self.name_shown = name

    def compose(self) -> ComposeResult:
        when = meeting_words(self.item, self.now)
        passed = self.item.at <= self.now
        question = "did it happen?" if passed else "is it still on?"
        with Vertical(id="dialog"):
            yield Static(Content.assemble("Your meeting with ", (self.name_shown, "bold"), f" {when}: {question}"),
                         id="title")
            options = [Option(Content("It happened" if passed else "Yes, it is on"), id="done"),
                       Option(Content("It was moved…"), id="moved"),
                       Option(Content("It was cancelled"), id="cancelled")]
            yield OptionList(*options, id="choices")
            yield Input(placeholder=f"to when? {MOVED_FORMS}", id="until")
            yield Static("", id="error")
            yield Static(Content("enter answers (u undoes it) · escape closes"), id="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == "moved":
            box = self.query_one("#until", Input)
            box.add_class("-shown")
            box.focus()
        elif event.option.id == "cancelled":
            self.dismiss(MeetingAnswer(self.item, cancelled=True))
        elif self.item.at <= self.now:
            self.dismiss(MeetingAnswer(self.item))
        else:
            self.dismiss(None)  # still on, still ahead: nothing to change

    @on(Input.Submitted, "#until")
    def _moved(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.query_one("#error", Static)
        try:
            at = parse_when(event.value, self.now)
            if not logged_ahead(Direction.BOTH, at, self.now):
                raise InvalidInput("not ahead")
        except (WhenError, InvalidInput):
            error.update(Content(f"Moved to when? Give {MOVED_FORMS}."))
            error.add_class("-shown")
            event.input.select_all()
            return
        self.dismiss(MeetingAnswer(self.item, moved_to=at))

    def action_cancel(self) -> None:
        self.dismiss(None)
