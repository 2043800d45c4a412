"""Triage: today's queue (domain.queue), reply owed first, then the day's budget of
check-ins and reconnects; a key shows every one that waits. Clear it and the screen says so."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from ...domain.queue import Queue, actionable, todays_queue
from ...domain.wording import waiting_line
from ..contract import NetworkScreen
from .aside import PutAside
from ..messages import Change, Detail, Network
from ..widgets.contact_header import Card, ContactHeader
from ..widgets.contact_list import ContactList, make_row
from ..widgets.key_footer import KeyFooter
from ..widgets.pressure_gauge import PressureGauge, Reading

INBOX_ZERO = "Inbox zero: nothing needs you today. Nice work."
LOADING = "Loading your network…"


def queue_of(network: Network, everyone: bool = False) -> Queue:
    """Today's queue; with `everyone`, every contact with something to do (nothing waits)."""
    today = network.now.date()
    if everyone:
        return Queue(actionable(network.summaries, today), 0)
    return todays_queue(network.summaries, today, network.budget)


def queue_title(shown: int, everyone: bool) -> str:
    if everyone:
        return f"Triage: all {shown} with something to do"
    return f"Triage: {shown} to act on today" if shown else "Triage"


class TriageScreen(PutAside, NetworkScreen):
    BINDINGS = [
        Binding("escape", "back", "Back", id="triage.back", tooltip="Back to all contacts"),
        Binding("s", "snooze", "Snooze", id="triage.snooze",
                tooltip="Hide this contact for a day, a week, a month or until a date"),
        Binding("a", "archive", "Archive", id="triage.archive", tooltip="Archive this contact (u undoes it)"),
        Binding("m", "meeting", "Meeting", id="triage.meeting",
                tooltip="Confirm: the meeting planned happened, was moved, or was cancelled"),
        Binding("u", "undo", "Undo", id="triage.undo", tooltip="Undo the last snooze, archive or delete"),
        Binding("A", "toggle_all", "All", id="triage.all",
                tooltip="Show every check-in and reconnect, not only today's budget (again: back to today's)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._acted_on: tuple[int, int] | None = None
        self.everyone = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="triage-panes"):
            with Vertical(id="queue-pane"):
                yield ContactList(id="queue", empty_text=INBOX_ZERO)
                yield Static("", id="waiting")
                yield Static(Content(INBOX_ZERO), id="inbox-zero")
            with Vertical(id="triage-detail"):
                yield ContactHeader(id="triage-header")
                yield PressureGauge(id="triage-gauge")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        queue = self.query_one(ContactList)
        queue.focus()
        if self.host.network is not None:
            self.apply_network(self.host.network)
        else:  # opened while the network still loads: not an empty inbox
            queue.empty_text = LOADING
            self.query_one("#queue-pane").border_title = Content("Triage · loading…")

    def selected_contact_id(self) -> int | None:
        return self.query_one(ContactList).selected_id

    def apply_network(self, network: Network) -> None:
        listed = self.query_one(ContactList)
        today = network.now.date()
        listed.today = today
        queue = queue_of(network, self.everyone)
        done = INBOX_ZERO if not queue.waiting else f"Done for today. {queue.waiting} more wait: press A to see them."
        listed.empty_text = done
        self.query_one("#inbox-zero", Static).update(Content(done))
        rows = [make_row(s, today) for s in queue.items]
        keep, index = listed.selected_id, listed.cursor
        if self._acted_on is not None:
            acted_id, acted_index = self._acted_on
            self._acted_on = None
            still = next((i for i, r in enumerate(rows) if r.id == acted_id), None)
            keep, index = None, (still + 1 if still is not None else acted_index)
        listed.set_rows(rows, keep_id=keep, index=index)
        self.query_one("#queue-pane").border_title = Content(queue_title(len(rows), self.everyone))
        waiting = self.query_one("#waiting", Static)
        if self.everyone:
            waiting.update(Content("Every check-in and reconnect · A: back to today's queue"))
        else:
            waiting.update(Content(waiting_line(queue.waiting, "A") if queue.waiting else ""))
        waiting.set_class(self.everyone or bool(queue.waiting), "-shown")
        self.set_class(not rows, "-empty")
        if not rows:
            self.query_one(ContactHeader).card = None
            self.query_one(PressureGauge).reading = None
        elif listed.selected_id is not None:
            self._show(listed.selected_id)

    def apply_change(self, change: Change) -> None:
        listed = self.query_one(ContactList)
        shown = {row.id for row in listed.rows}
        if self.host.network is not None:
            self.apply_network(self.host.network)
        back = change.detail.contact_id
        if back not in shown and any(row.id == back for row in listed.rows):
            listed.set_rows(listed.rows, keep_id=back)  # back in the queue (an undo): on it again

    def _remember_position(self) -> None:
        queue = self.query_one(ContactList)
        if queue.selected_id is not None:
            self._acted_on = (queue.selected_id, queue.cursor)

    def on_contact_list_highlighted(self, message: ContactList.Highlighted) -> None:
        self._show(message.contact_id)

    def _show(self, contact_id: int) -> None:
        summary = self.host.summary_for(contact_id)
        if summary is None or self.host.network is None:
            return
        today = self.host.network.now.date()
        self.query_one(ContactHeader).card = Card(summary.contact, today, summary.assessment)
        self.query_one(PressureGauge).reading = Reading(summary.assessment, today)

    def show_detail(self, detail: Detail) -> None:
        pass  # the queue shows the summary it already has

    def on_contact_list_chosen(self, message: ContactList.Chosen) -> None:
        self.host.open_contact(message.contact_id)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_capture(self) -> None:
        self.host.action_capture()

    def before_put_aside(self) -> None:
        self._remember_position()

    def action_undo(self) -> None:
        self.host.undo()

    def action_meeting(self) -> None:
        self.host.action_meeting(self.selected_contact_id())

    def action_toggle_all(self) -> None:
        self.everyone = not self.everyone
        if self.host.network is not None:
            self.apply_network(self.host.network)

    def remember_capture(self) -> None:
        self._remember_position()
