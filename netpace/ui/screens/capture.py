"""Quick capture: one line for what happened; everything else has a sensible default.
The same form, filled in, corrects a logged interaction (`editing`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ...domain.defaults import default_channel, default_kind
from ...domain.fuzzy import Query, filter_rows, haystack
from ...domain.model import Channel, ContactSummary, Direction, Interaction, Kind
from ...domain.text import one_line
from ...domain.validation import MAX_NOTE, InvalidInput, logged_ahead
from ...domain.when import ACCEPTED_FORMS, WhenError, parse_when, when_text
from ..widgets.choice import Choice
from ..words import DIRECTION_WORDS, label
from .dialog import Dialog

MAX_MATCHES = 6
HINT = "enter saves · tab more fields · shift+tab contact · escape cancels"
EDIT_HINT = "enter saves · tab more fields · escape cancels"


def when_text_of(item: Interaction, now: datetime) -> str:
    return when_text(item.at, now)


@dataclass(frozen=True, slots=True)
class CaptureRequest:
    contact_id: int
    interaction: Interaction


def contact_label(summary: ContactSummary) -> Content:
    name = one_line(summary.contact.name)
    company = one_line(summary.contact.company)
    if company:
        return Content.assemble(name, (f"  {company}", "dim"))
    return Content(name)


class CaptureScreen(Dialog[CaptureRequest | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="capture.cancel",
                tooltip="Close without saving anything; in the contact search, back to the note"),
        Binding("ctrl+s", "save", "Save", id="capture.save", tooltip="Save the interaction"),
    ]

    def __init__(self, summaries: Sequence[ContactSummary], contact_id: int, now: datetime,
                 history: Sequence | None = None, editing: Interaction | None = None) -> None:
        super().__init__()
        self._set_up(summaries, contact_id, now, history, editing)

    def _set_up(self, summaries: Sequence[ContactSummary], contact_id: int, now: datetime,
                history: Sequence | None, editing: Interaction | None = None) -> None:
        self.editing = editing
        self.summaries = list(summaries)
        self._hays: list | None = None  # search keys, built on the first search (rarely needed)
        self.by_id = {s.contact.id: s for s in self.summaries}
        self.contact_id = contact_id
        self.now = now
        self.history: list[Interaction] | None = list(history) if history is not None else None
        self.kind_touched = False
        self.channel_touched = False
        self._matches: list[int] = []

    def prepare(self, summaries: Sequence[ContactSummary], contact_id: int, now: datetime,
                history: Sequence | None = None, editing: Interaction | None = None) -> None:
        """Make this dialog a new one for another capture, before it is shown again.

        The app keeps one capture dialog (installed) and reuses it: tearing a dialog down
        as it closes held the main screen's repaint back by several frames, right when
        the user waits to see the gauge move.
        """
        self._set_up(summaries, contact_id, now, history, editing)
        if not self.is_mounted:
            return  # compose and on_mount take it from here
        contact = self.query_one("#contact", Input)
        with contact.prevent(Input.Changed):
            contact.value = self._contact_text()
        self.query_one("#note", Input).value = ""
        self.query_one("#when", Input).value = "now"
        with self.prevent(Choice.Changed):
            self.query_one("#direction", Choice).value = Direction.OUT
        self.query_one("#matches", OptionList).remove_class("-shown")
        self._error("")
        self._start()

    def _fill_in(self) -> None:
        """Show what is being edited: its contact is fixed, every other field filled in."""
        item = self.editing
        editing = item is not None
        self.query_one("#title", Static).update(Content("Edit the interaction" if editing else "Log an interaction"))
        self.query_one("#contact", Input).disabled = editing
        self.query_one("#hint", Static).update(Content(EDIT_HINT if editing else HINT))
        if not editing:
            return
        self.kind_touched = self.channel_touched = True
        self.query_one("#note", Input).value = one_line(item.note)  # v on the timeline edits it whole
        self.query_one("#when", Input).value = when_text(item.at, self.now)
        with self.prevent(Choice.Changed):
            self.query_one("#direction", Choice).value = item.direction
            self.query_one("#channel", Choice).value = item.channel
            self.query_one("#kind", Choice).value = item.kind

    @property
    def hays(self) -> list:
        if self._hays is None:
            self._hays = [haystack(s.contact.name, s.contact.company) for s in self.summaries]
        return self._hays

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content("Log an interaction"), id="title")
            with Grid(id="fields"):
                yield Label("Contact")
                yield Input(self._contact_text(), id="contact", select_on_focus=True)
                yield Label("What happened")
                yield Input(placeholder="e.g. sent the write-up they asked for", id="note")
                yield Label("Direction")
                yield Choice([(d, label(d.value)) for d in Direction], Direction.OUT,
                             hint=DIRECTION_WORDS, id="direction")
                yield Label("Channel")
                yield Choice([(c, label(c.value)) for c in Channel], Channel.EMAIL, id="channel")
                yield Label("Kind")
                yield Choice([(k, label(k.value)) for k in Kind], Kind.UPDATE, id="kind")
                yield Label("When")
                yield Input("now", id="when", select_on_focus=True)
            yield OptionList(id="matches")
            yield Static("", id="error")
            yield Static(Content(HINT), id="hint")

    def on_mount(self) -> None:
        self._start()

    def _start(self) -> None:
        """Focus the note and fill in the defaults (from the history, loading it if need be)."""
        self.query_one("#note", Input).focus()
        self._fill_in()
        if self.editing is not None:
            return
        if self.history is None:
            self._load_history(self.contact_id)
        else:
            self._apply_defaults()

    def _contact_text(self) -> str:
        summary = self.by_id.get(self.contact_id)
        return one_line(summary.contact.name) if summary else ""

    # -- defaults -----------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="capture-history", exit_on_error=False)
    def _load_history(self, contact_id: int) -> None:
        items: list[Interaction] = []  # without them (the store failed), the defaults still come
        with self.host.store_work(failed=lambda error: None):
            items = self.host.store.interactions(contact_id)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._history_loaded, contact_id, items)

    def _history_loaded(self, contact_id: int, items: list[Interaction]) -> None:
        if contact_id == self.contact_id:
            self.history = items
            self._apply_defaults()

    def _apply_defaults(self) -> None:
        history = self.history or []
        direction = self.query_one("#direction", Choice).value
        if not self.channel_touched:
            with self.prevent(Choice.Changed):
                self.query_one("#channel", Choice).value = default_channel(history)
        if not self.kind_touched:
            with self.prevent(Choice.Changed):
                self.query_one("#kind", Choice).value = default_kind(direction, history, self.now)

    @on(Choice.Changed, "#direction")
    def _direction_changed(self) -> None:
        self._apply_defaults()

    @on(Choice.Changed, "#kind")
    def _kind_changed(self) -> None:
        self.kind_touched = True

    @on(Choice.Changed, "#channel")
    def _channel_changed(self) -> None:
        self.channel_touched = True

    # -- choosing the contact ------------------------------------------------------------
    @on(Input.Changed, "#contact")
    def _search(self, event: Input.Changed) -> None:
        matches = self.query_one("#matches", OptionList)
        query = Query(event.value)
        if not query or event.value == self._contact_text():
            matches.remove_class("-shown")
            self._matches = []
            return
        self._matches = filter_rows(query, self.hays)[:MAX_MATCHES]
        matches.clear_options()
        matches.add_options([Option(contact_label(self.summaries[i])) for i in self._matches])
        if self._matches:
            matches.highlighted = 0
        matches.set_class(bool(self._matches), "-shown")

    def on_key(self, event) -> None:
        if self.focused is not self.query_one("#contact", Input) or not self._matches:
            return
        matches = self.query_one("#matches", OptionList)
        if event.key in ("down", "up"):
            event.stop()
            event.prevent_default()
            step = 1 if event.key == "down" else -1
            current = matches.highlighted or 0
            matches.highlighted = max(0, min(len(self._matches) - 1, current + step))

    def _pick(self, position: int) -> None:
        summary = self.summaries[self._matches[position]]
        self.contact_id = summary.contact.id
        self.history = None
        self.kind_touched = self.channel_touched = False
        contact = self.query_one("#contact", Input)
        with contact.prevent(Input.Changed):
            contact.value = self._contact_text()
        self._matches = []
        self.query_one("#matches", OptionList).remove_class("-shown")
        self._load_history(self.contact_id)
        self.query_one("#note", Input).focus()

    @on(OptionList.OptionSelected, "#matches")
    def _match_clicked(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option_index)

    @on(Input.Submitted, "#contact")
    def _contact_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._matches:
            self._pick(self.query_one("#matches", OptionList).highlighted or 0)
        else:
            with event.input.prevent(Input.Changed):
                event.input.value = self._contact_text()
            self.query_one("#note", Input).focus()

    # -- saving ---------------------------------------------------------------------------
    @on(Input.Submitted, "#note")
    @on(Input.Submitted, "#when")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def _error(self, text: str) -> None:
        self.query_one("#error", Static).update(Content(text))
        self.query_one("#error").set_class(bool(text), "-shown")

    def action_save(self) -> None:
        note = self.query_one("#note", Input).value.strip()
        if not note:
            self._error("Say in a few words what happened (or escape to cancel).")
            self.query_one("#note", Input).focus()
            return
        if len(note) > MAX_NOTE:
            # Refused here, where the text still is: the store would refuse it after the dialog closed.
            self._error(f"That note is {len(note):,} characters long; a note can be at most {MAX_NOTE:,} characters.")
            self.query_one("#note", Input).focus()
            return
        when_text = self.query_one("#when", Input).value
        try:
            at = parse_when(when_text, self.now)
        except WhenError:
            self._error(f"'When' takes {ACCEPTED_FORMS}.")
            self.query_one("#when", Input).focus()
            return
        if self.editing is not None and when_text == when_text_of(self.editing, self.now):
            at = self.editing.at  # unchanged: keep the exact moment, not the minute shown
        direction = self.query_one("#direction", Choice).value
        try:
            ahead = logged_ahead(direction, at, self.now)
        except InvalidInput as error:
            self._error(f"{error} For a meeting or call set Direction to both; a message, to when it was sent.")
            self.query_one("#when", Input).focus()
            return
        if self.contact_id not in self.by_id:
            self._error("Choose a contact first.")
            return
        channel = self.query_one("#channel", Choice).value
        kind = self.query_one("#kind", Choice).value
        if self.editing is not None:
            if note == one_line(self.editing.note):
                note = self.editing.note  # as shown on one line: its own lines are kept
            item = replace(self.editing, at=at, direction=direction, channel=channel, kind=kind, note=note,
                           planned=ahead or self.editing.planned)
        else:
            item = Interaction(at=at, direction=direction, channel=channel, kind=kind, note=note, planned=ahead)
        self.dismiss(CaptureRequest(self.contact_id, item))

    def action_cancel(self) -> None:
        contact = self.query_one("#contact", Input)
        if self.focused is contact and not contact.disabled:
            # Leaving the contact search: back to the note, which keeps what was typed.
            with contact.prevent(Input.Changed):
                contact.value = self._contact_text()
            self._matches = []
            self.query_one("#matches", OptionList).remove_class("-shown")
            self.query_one("#note", Input).focus()
            return
        self.dismiss(None)
