"""The main screen: the contact list on the left, the selected contact on the right."""

from __future__ import annotations

from urllib.parse import quote

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input

from ...domain.fuzzy import Haystack, Query, filter_rows
from ...domain.text import one_line
from .. import links
from ..contract import NetworkScreen
from .aside import PutAside
from ..listing import FirstRows, Listing
from ..messages import Change, Detail, Network
from ..sorting import SortOrder
from ..widgets.contact_header import Card, ContactHeader
from ..widgets.contact_list import ContactList, Row
from ..widgets.key_footer import KeyFooter
from ..widgets.pressure_gauge import PressureGauge, Reading
from ..widgets.timeline import Timeline
from ..widgets.weekly_history import WeeklyHistory


# Seconds of no typing in the filter before the top row's detail is loaded.
DETAIL_AFTER_TYPING = 0.15


class FilterInput(Input):
    """The filter line; escape clears it and goes back to the list."""

    BINDINGS = [
        Binding("escape", "clear", "Clear filter", id="filter.clear", tooltip="Clear the filter"),
        Binding("down", "to_list", "To list", show=False, id="filter.to_list", tooltip="Move to the list"),
    ]

    def action_clear(self) -> None:
        self.screen.clear_filter()

    def watch_value(self, value: str) -> None:
        # Filter now, in the same turn as the key: the typed letter and the filtered list
        # then reach the terminal in one frame. (Input.Changed is handled after the
        # letter's own frame, and the list waited for the next one.)
        screen = self.screen
        if isinstance(screen, MainScreen):
            screen.filter_to(value)

    def action_to_list(self) -> None:
        self.screen.query_one(ContactList).focus()


class MainScreen(PutAside, NetworkScreen):
    BINDINGS = [
        # A priority key: handled as it arrives, so the keys typed right behind it go to
        # the filter even while the app is busy (otherwise they are already on their way
        # to the list by the time it has the focus, and `n` opens a new contact).
        Binding("slash", "filter", "Filter", id="main.filter", priority=True,
                tooltip="Filter by name, company or tag, live as you type"),
        Binding("o", "cycle_sort", "Sort", show=False, id="main.sort",
                tooltip="Sort by urgency, name, last contact or pressure"),
        Binding("n", "new_contact", "New", id="main.new", tooltip="Add a contact"),
        Binding("e", "edit_contact", "Edit", id="main.edit", tooltip="Edit the selected contact"),
        Binding("d", "delete_interaction", "Delete", id="main.delete",
                tooltip="Delete the selected interaction in the timeline (u undoes it)"),
        Binding("u", "undo", "Undo", id="main.undo", tooltip="Undo the last delete, snooze or archive"),
        Binding("K", "keep_in_touch", "Keep in touch", show=False, id="main.keep_in_touch",
                tooltip="Keep in touch at the pace your conversations usually have (shown under the name)"),
        Binding("w", "wake", "Wake", show=False, id="main.wake",
                tooltip="Unsnooze or unarchive the selected contact: back in triage"),
        Binding("s", "snooze", "Snooze", show=False, id="main.snooze",
                tooltip="Hide the selected contact for a day, a week, a month or until a date (u undoes it)"),
        Binding("a", "archive", "Archive", show=False, id="main.archive",
                tooltip="Archive the selected contact (u undoes it; w wakes them)"),
        Binding("m", "meeting", "Meeting", show=False, id="main.meeting",
                tooltip="The meeting planned with them: it happened, was moved, or was cancelled"),
        Binding("D", "delete_contact", "Delete contact", show=False, id="main.delete_contact",
                tooltip="Delete the selected contact with everything logged with them (asks; u undoes it)"),
        Binding("y", "copy_email", "Copy e-mail", show=False, id="main.copy_email",
                tooltip="Copy the selected contact's e-mail address to the clipboard"),
        Binding("O", "open_profile", "Open", show=False, id="main.open",
                tooltip="Open their LinkedIn profile, else a new mail to them"),
        Binding("r", "flip_timeline", "Flip", show=False, id="main.flip",
                tooltip="Flip the timeline between newest first and oldest first"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="main.clear_filter",
                tooltip="Clear the filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort = SortOrder.URGENCY
        self._sorted: list[Row] = []
        self._hays: list[Haystack] = []
        self._filter_text = ""
        self._filtered: list[int] | None = None
        self._network: Network | None = None
        self._own_listing: tuple[Network, Listing] | None = None
        self._detail_timer = None
        # Textual sets the width classes on the first Resize, which comes after the first
        # frame: set them now (before any style is computed: later costs a restyle), or
        # that frame is laid out for a width the next one isn't.
        width, breakpoints = self.app.size.width, self.app.HORIZONTAL_BREAKPOINTS or []
        reached = [name for minimum, name in sorted(breakpoints) if minimum <= width]
        for _, name in breakpoints:
            self.set_class(bool(reached) and name == reached[-1], name)

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield FilterInput(placeholder="/ filter: name, company, tag", id="filter")
                yield ContactList(id="contacts")
            with Vertical(id="right"):
                yield ContactHeader(id="header")
                with Horizontal(id="gauge-row"):
                    yield PressureGauge(id="gauge")
                    yield WeeklyHistory(id="weekly")
                yield Timeline(id="timeline")
        yield KeyFooter(compact=True)

    def on_resize(self) -> None:
        narrow = self.size.width < 120 or self.size.height < 34
        self.query_one(PressureGauge).max_reasons = 2 if narrow else None

    def on_mount(self) -> None:
        if self._network is None:
            self.query_one("#left").border_title = Content("Contacts: loading…")
            self.query_one(ContactHeader).empty_text = "Loading…"
        self.query_one("#timeline").border_title = Content("Timeline")
        self.query_one(ContactList).focus()
        if self._network is None and self.host.network is not None:
            self.apply_network(self.host.network)  # it arrived before this screen was mounted
        elif self._network is None and self.host.first_view is not None:
            self.apply_first_view(*self.host.first_view)

    # -- the list ----------------------------------------------------------------------
    def selected_contact_id(self) -> int | None:
        return self.query_one(ContactList).selected_id

    def apply_network(self, network: Network, *, reload_detail: bool = True) -> None:
        contact_list = self.query_one(ContactList)  # NoMatches before compose: on_mount applies it
        self._network = network
        self.query_one(ContactHeader).empty_text = "No contact selected."
        today = network.now.date()
        contact_list.today = today
        self._sorted, self._hays = self._listing(network).view(self.sort)
        self._filtered = None
        self._show_rows(keep_id=contact_list.selected_id)
        current = self.selected_contact_id()
        if reload_detail and current is not None:
            self.host.load_detail(current)

    def apply_first_view(self, rows, total: int, now, unpack=None) -> None:
        """Draw the top of the list from the kept standings until the network itself
        arrives (`total` contacts in all)."""
        if self._network is not None:
            return
        contact_list = self.query_one(ContactList)
        contact_list.today = now.date()
        contact_list.set_rows(FirstRows(rows, now.date(), unpack))
        # Until the network itself arrives the filter waits: say so.
        self.query_one("#left").border_title = Content(f"Contacts {total} · loading…")

    def _listing(self, network: Network) -> Listing:
        if network.listing is None:  # a network made by hand (tests): prepare it here
            if self._own_listing is None or self._own_listing[0] is not network:
                self._own_listing = (network, Listing(network.summaries, network.now.date()))
            return self._own_listing[1]
        return network.listing

    def apply_change(self, change: Change) -> None:
        # The gauge first (what the user is looking at), then the re-sorted list.
        self.show_detail(change.detail)
        if self.host.network is not None:
            self.apply_network(self.host.network, reload_detail=False)
        if change.detail.contact_id != self.selected_contact_id():
            self.select(change.detail.contact_id)

    def _show_rows(self, keep_id: int | None = None) -> None:
        if self._network is None:
            return  # the first view: filter and order apply once the network has loaded
        contact_list = self.query_one(ContactList)
        query = Query(self._filter_text)
        if query:
            self._filtered = filter_rows(query, self._hays)
            rows = [self._sorted[i] for i in self._filtered]
        else:
            self._filtered = None
            rows = self._sorted
        contact_list.set_rows(rows, keep_id=keep_id)
        contact_list.empty_text = (
            "No contact matches the filter (escape clears it)." if query else "No contacts yet: press n to add one."
        )
        self._update_title(len(rows))

    def _update_title(self, shown: int) -> None:
        total = len(self._sorted)
        title = f"Contacts {shown}" if shown == total else f"Contacts {shown} of {total}"
        title += f" · by {self.sort.value}"
        self.query_one("#left").border_title = Content(title)

    def on_contact_list_highlighted(self, message: ContactList.Highlighted) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        if message.contact_id is None:
            self._clear_detail()
        elif self.host.detail is not None and self.host.detail.contact_id == message.contact_id:
            self.show_detail(self.host.detail)
            self.host.load_detail(message.contact_id)
        elif self.focused is self.query_one(FilterInput):
            # While a filter is typed the top row changes with every key: load its detail
            # once typing pauses, so the reads and repaints don't hold up the list.
            contact_id = message.contact_id
            self._detail_timer = self.set_timer(DETAIL_AFTER_TYPING, lambda: self._load_after_typing(contact_id))
        elif self._network is None:
            # The list drawn from kept standings: draw it first, then read the detail.
            self.app.call_after_refresh(self.host.load_detail, message.contact_id)
        else:
            self.host.load_detail(message.contact_id)

    def _load_after_typing(self, contact_id: int) -> None:
        self._detail_timer = None
        if self.selected_contact_id() == contact_id:
            self.host.load_detail(contact_id)

    def on_contact_list_chosen(self, message: ContactList.Chosen) -> None:
        self.query_one(Timeline).focus()

    def select(self, contact_id: int) -> None:
        contact_list = self.query_one(ContactList)
        if all(row.id != contact_id for row in contact_list.rows) and self._filter_text:
            self.clear_filter()
        contact_list.set_rows(contact_list.rows, keep_id=contact_id)
        contact_list.focus()

    # -- the detail ------------------------------------------------------------------------
    def show_summary(self, summary, now) -> None:
        """A save's new assessment, ahead of its timeline: update the gauge at once."""
        if summary.contact.id == self.selected_contact_id():
            self.query_one(PressureGauge).reading = Reading(summary.assessment, now.date())

    def show_detail(self, detail: Detail) -> None:
        if detail.contact_id != self.selected_contact_id():
            return
        today = detail.now.date()
        self.query_one(ContactHeader).card = Card(detail.summary.contact, today, detail.summary.assessment)
        self.query_one(PressureGauge).reading = Reading(detail.summary.assessment, today)
        self.query_one(WeeklyHistory).weekly = detail.weekly
        timeline = self.query_one(Timeline)
        same = timeline.selected is not None and timeline.selected.contact_id == detail.contact_id
        timeline.set_entries(detail.entries, detail.now, keep_cursor=same)
        count = len(detail.entries)
        order = "newest first" if timeline.newest_first else "oldest first"
        timeline.border_title = Content(f"Timeline {count} · {order}")

    def _clear_detail(self) -> None:
        self.query_one(ContactHeader).card = None
        self.query_one(PressureGauge).reading = None
        self.query_one(WeeklyHistory).weekly = None
        if self._network is not None:
            self.query_one(Timeline).set_entries((), self._network.now)
        self.query_one(Timeline).border_title = Content("Timeline")

    # -- filter ------------------------------------------------------------------------------
    def action_filter(self) -> None:
        box = self.query_one(FilterInput)
        if self.focused is box:
            box.insert_text_at_cursor("/")  # a `/` typed in the filter is text
        else:
            self.set_focus(box)  # now, not after the events already queued (`focus()`)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "filter":
            return
        event.stop()
        self.filter_to(event.value)  # done already, unless the value was set without a watcher

    def filter_to(self, text: str) -> None:
        if text == self._filter_text:
            return
        self._filter_text = text
        self._show_rows(keep_id=None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            event.stop()
            self.query_one(ContactList).focus()

    def clear_filter(self) -> None:
        box = self.query_one(FilterInput)
        keep = self.selected_contact_id()
        self._filter_text = ""
        with box.prevent(Input.Changed):
            box.value = ""
        self._show_rows(keep_id=keep)
        self.query_one(ContactList).focus()

    def action_clear_filter(self) -> None:
        if self._filter_text or self.focused is self.query_one(FilterInput):
            self.clear_filter()

    # -- other actions -------------------------------------------------------------------------
    def action_cycle_sort(self) -> None:
        self.sort = self.sort.next()
        if self._network is not None:
            keep = self.selected_contact_id()
            self._sorted, self._hays = self._listing(self._network).view(self.sort)
            self._show_rows(keep_id=keep)
        self.notify(f"Sorted by {self.sort.value}.", markup=False, timeout=2)

    def action_flip_timeline(self) -> None:
        timeline = self.query_one(Timeline)
        timeline.newest_first = not timeline.newest_first
        if self.host.detail is not None:
            self.show_detail(self.host.detail)

    def action_delete_interaction(self) -> None:
        item = self.query_one(Timeline).selected
        if item is None:
            self.notify("No interaction selected to delete.", markup=False)
            return
        self.host.delete_interaction(item)

    def action_undo(self) -> None:
        self.host.undo()

    def action_meeting(self) -> None:
        self.host.action_meeting(self.selected_contact_id())

    def on_timeline_edit_requested(self, message: Timeline.EditRequested) -> None:
        message.stop()
        if not self._still_loading():
            self.host.action_capture(message.item.contact_id, editing=message.item)

    def on_timeline_note_requested(self, message: Timeline.NoteRequested) -> None:
        message.stop()
        self._view_note(message.item)

    def action_view_note(self) -> None:
        item = self.query_one(Timeline).selected
        if item is None:
            self.notify("No interaction selected to read.", markup=False)
        else:
            self._view_note(item)

    def _view_note(self, item) -> None:
        from .note import NoteScreen

        summary = self.host.summary_for(item.contact_id)
        name = one_line(summary.contact.name) if summary is not None else ""

        def edited(changed) -> None:
            if changed is not None:
                self.host.update_interaction(changed)

        self.app.push_screen(NoteScreen(item, self.host.now(), name), edited)

    def action_edit_interaction(self) -> None:
        item = self.query_one(Timeline).selected
        if item is None:
            self.notify("No interaction selected to edit.", markup=False)
        elif not self._still_loading():
            self.host.action_capture(item.contact_id, editing=item)

    def action_wake(self) -> None:
        from ...domain.model import Status

        if self._still_loading():
            return
        summary = self.host.summary_for(self.selected_contact_id())
        if summary is None:
            self.notify("Select a contact to unsnooze or unarchive.", markup=False)
            return
        if summary.contact.status == Status.ACTIVE:
            self.notify(f"{one_line(summary.contact.name)} is not snoozed or archived.", markup=False)
            return
        self.host.set_status(summary.contact.id, Status.ACTIVE, None)

    def action_keep_in_touch(self) -> None:
        if self._still_loading():
            return
        summary = self.host.summary_for(self.selected_contact_id())
        if summary is None:
            self.notify("Select a contact first.", markup=False)
            return
        days = summary.assessment.suggested_cadence
        name = one_line(summary.contact.name)
        if days is None:
            self.notify(f"Too little history with {name} to suggest a pace; set one with e (edit).", markup=False)
        elif summary.contact.keep_in_touch_days == days:
            self.notify(f"You already keep in touch with {name} every {days} days.", markup=False)
        else:
            self.host.keep_in_touch(summary.contact, days)

    def _still_loading(self) -> bool:
        if self.host.network is None:
            from ..words import STILL_LOADING

            self.notify(STILL_LOADING, markup=False, timeout=3)
            return True
        return False

    def _selected_summary(self, what: str):
        if self._still_loading():
            return None
        summary = self.host.summary_for(self.selected_contact_id())
        if summary is None:
            self.notify(f"Select a contact to {what}.", markup=False)
        return summary

    def action_delete_contact(self) -> None:
        from .confirm import ConfirmScreen

        summary = self._selected_summary("delete")
        if summary is None:
            return
        contact = summary.contact
        count = summary.assessment.sent + summary.assessment.received + summary.assessment.together
        detail = self.host.detail
        if detail is not None and detail.contact_id == contact.id:
            count = len(detail.interactions)
        what = f"{count} interaction{'' if count == 1 else 's'}"

        def answered(yes: bool | None) -> None:
            if yes:
                self.host.delete_contact(contact.id)

        self.app.push_screen(ConfirmScreen(
            Content.assemble("Delete ", (one_line(contact.name), "bold"), f" and the {what} logged with them?"),
            "enter deletes (u undoes it) · escape keeps them"), answered)

    def action_copy_email(self) -> None:
        summary = self._selected_summary("copy the e-mail address of")
        if summary is None:
            return
        if not summary.contact.emails:
            self.notify(f"No e-mail address for {one_line(summary.contact.name)}: add one with e.", markup=False)
            return
        address = one_line(summary.contact.emails[0])
        self.app.copy_to_clipboard(address)
        self.notify(f"Copied {address}.", markup=False)

    def action_open_profile(self) -> None:
        from ...domain.validation import usable_linkedin

        summary = self._selected_summary("open")
        if summary is None:
            return
        contact = summary.contact
        profile = usable_linkedin(contact.linkedin)
        if profile:
            url, said = profile, f"Opening {profile}"
        elif contact.emails:
            address = one_line(contact.emails[0])
            url, said = f"mailto:{quote(address, safe='@')}", f"Writing to {address}"
        else:
            self.notify(f"No LinkedIn profile or e-mail address for {one_line(contact.name)}: add one with e.",
                        markup=False)
            return
        if not links.browser_available():
            self.app.copy_to_clipboard(url)
            self.notify(f"No browser or mail program to open here: copied {url} instead.", markup=False)
            return
        self.app.open_url(url)
        self.notify(f"{said} (in your browser or mail program).", markup=False)

    def action_new_contact(self) -> None:
        from .contact_form import ContactForm

        self.app.push_screen(ContactForm(None, self.host.now()), self._saved)

    def action_edit_contact(self) -> None:
        from .contact_form import ContactForm

        if self._still_loading():
            return
        summary = self.host.summary_for(self.selected_contact_id())
        if summary is None:
            self.notify("Select a contact to edit.", markup=False)
            return
        self.app.push_screen(ContactForm(summary.contact, self.host.now()), self._saved)

    def _saved(self, contact) -> None:
        if contact is not None:
            self.host.save_contact(contact)
