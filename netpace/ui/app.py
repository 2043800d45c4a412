"""The netpace app: wires the screens to the store. All database work runs in thread workers."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from time import monotonic
from typing import TYPE_CHECKING, Callable, Iterator

from textual import work
from textual.app import App
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen
from textual.widget import AwaitMount
from textual.worker import get_current_worker

from ..domain.humanize import day_label
from ..domain.summary import summarize
from ..domain.model import Contact, ContactSummary, Interaction, Status
from ..domain.text import one_line
from ..store.errors import StoreError
from .app_keys import APP_BINDINGS, COMMAND_PALETTE_KEY
from .commands import NetpaceCommands, Palette
from .contract import NetworkScreen
from .messages import (
    Change,
    ContactChanged,
    Detail,
    DetailLoaded,
    ExternalChange,
    FirstViewLoaded,
    Network,
    NetworkLoaded,
    ServerConnection,
    ServerNotified,
    StoreFailed,
    SummaryChanged,
)
from .network import prepare_network
from .weekly import weekly_counts
from .words import STILL_LOADING, change_words, label, timeline_entries

if TYPE_CHECKING:
    from ..store import Store
    from ..store.store import Merged, Removed

POLL_SECONDS = 2.0  # on SQLite; a PostgreSQL server notifies the app instead (store.watch_changes)
SERVER_DOWN_SECONDS = 24 * 3600.0  # the "connection lost" notice stays until the connection is back
# Seconds after the network has loaded before the list's standings are saved for the
# next launch (a background write, kept away from the first moments of use).
SAVE_STANDINGS_AFTER = 1.5
STORE_FAILED_SECONDS = 8.0  # how long a database error stays on screen


def in_urgency_order(summaries, summary: ContactSummary) -> tuple[ContactSummary, ...]:
    """`summaries` (most urgent first) with `summary` in its place: replacing its contact's,
    where the list's urgency order puts it (today's queue is read in that order, so a
    contact whose archive is undone goes back where it was, not to the end)."""
    from ..store.store import urgency_order

    from bisect import bisect_right

    contact_id = summary.contact.id
    kept = [s for s in summaries if s.contact.id != contact_id]
    kept.insert(bisect_right(kept, urgency_order(summary), key=urgency_order), summary)
    return tuple(kept)


def _ignore(error: StoreError) -> None:
    """For store work whose failure needs no word: the next try will do."""


@dataclass(frozen=True, slots=True)
class UndoStep:
    """Something one key can take back: a deleted interaction or contact, a correction,
    a merge or a status change."""

    restore_interaction: Interaction | None = None
    edited_interaction: Interaction | None = None  # the interaction as it was, to write back
    contact: Contact | None = None  # the contact as it was, to write back
    removed: "Removed | None" = None  # a deleted contact with all of theirs, to put back
    merged: "Merged | None" = None  # a merge, to take apart
    contact_id: int | None = None
    status: Status | None = None
    snoozed_until: date | None = None
    what: str = ""


class NetpaceApp(App[None]):
    TITLE = "netpace"
    CSS_PATH = "netpace.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    COMMANDS = App.COMMANDS | {NetpaceCommands}

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, its text colors made readable on netpace's backgrounds
        (legible.py): every built-in theme, light ones included."""
        from .legible import legible_variables

        variables = super().get_css_variables()
        variables.update(legible_variables(variables))
        self.theme_variables = variables
        return variables

    def action_command_palette(self) -> None:
        """Open the command palette (netpace's, see commands.Palette)."""
        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))
    COMMAND_PALETTE_BINDING = COMMAND_PALETTE_KEY
    BINDINGS = APP_BINDINGS

    def __init__(self, store: "Store | None", *, now: datetime | Callable[[], datetime] | None = None,
                 poll_seconds: float | None = POLL_SECONDS, preload=None, theme: str | None = None) -> None:
        """`store` may be None when a `preload` (startup.preload.Preload) opens it: the workers
        that need it then wait for it (`store`). `theme` is the one kept in the database
        (read from `store` when not given); a theme chosen in the app is kept there."""
        super().__init__()
        if theme is None and store is not None:
            try:
                theme = store.theme()
            except StoreError:
                theme = None
        self._kept_theme = theme
        self._store = store
        self._store_source = preload.opened_store if store is None and preload is not None else None
        self._preload = preload  # startup.preload.Preload: the first load, started before the app
        self._now = now
        self.poll_seconds = poll_seconds
        self.network: Network | None = None
        self.detail: Detail | None = None
        self.marker: tuple | None = None
        self.undo_steps: list[UndoStep] = []
        self._writes_pending = 0
        self.leaving = False
        self._first_drawn: Callable[[], None] | None = None  # starts the full load (startup.preload.Preload)
        self._standings_saved = False
        self._welcomed = False  # the first-run screen was shown (an empty database)
        self._store_failure: tuple[str, float] = ("", -STORE_FAILED_SECONDS)  # the last said, and when
        self._waiting_captures: list = []  # shown on the gauge, saved after that frame
        self.first_view: tuple[list, int, datetime, Callable | None] | None = None  # rows, total, now, unpack
        self._watching = False
        self.server_down = False  # the connection to the database server is lost (the app retries)

    @property
    def store(self) -> "Store":
        if self._store is None:
            if self._store_source is None:
                raise StoreError("No database is open.")
            self._store = self._store_source()  # waits for the launch to open it
        return self._store

    # -- quitting -------------------------------------------------------------------------
    def exit(self, *args, **kwargs) -> None:
        self.leaving = True
        self._save_waiting_captures()
        super().exit(*args, **kwargs)

    def _save_waiting_captures(self) -> None:
        """A capture whose gauge was shown but whose save waits for the next frame is saved
        now: quitting right after enter keeps it, as the gauge promised."""
        waiting, self._waiting_captures = self._waiting_captures, []
        for request in waiting:
            try:
                self.store.log(request.contact_id, request.interaction, self.now())
            except StoreError as error:
                self.notify(str(error), title="Database", severity="error", markup=False)

    def push_screen(self, screen, *args, **kwargs):
        """As App.push_screen, but not once the app is quitting.

        Keys typed right after q are still queued when it's handled: a c or n among them
        opened a dialog while the app shut down, its fields were gone before it mounted, and
        the app ended with a traceback instead of quitting.
        """
        if self.leaving:
            return AwaitMount(self.screen, [])
        return super().push_screen(screen, *args, **kwargs)

    # -- time ---------------------------------------------------------------------------
    def now(self) -> datetime:
        if self._now is None:
            from ..clock import local_now

            return local_now()
        return self._now() if callable(self._now) else self._now

    def today(self) -> date:
        return self.now().date()

    # -- start ------------------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        from .screens.main import MainScreen

        return MainScreen()

    def on_mount(self) -> None:
        if self._kept_theme in self.available_themes:
            self.theme = self._kept_theme
        self.theme_changed_signal.subscribe(self, self._theme_chosen)
        preload = self._preload
        ready = preload.ready_view() if preload is not None else None
        if ready is not None:  # read before the app started: in the very first frame
            self.first_view = (*ready, preload.unpack)
            self._first_drawn = preload.go
            self.call_after_refresh(self._first_view_drawn)
        self.load_network()

    def _watch_for_changes(self) -> None:
        """Once the network is in: learn of other processes' writes, from the server's
        notifications (PostgreSQL) or by checking the change marker now and then (SQLite)."""
        if self._watching or not self.poll_seconds:
            return
        self._watching = True
        if self.store.live_updates:
            self._listen()
        else:
            self.set_interval(self.poll_seconds, self.check_for_changes)

    def _theme_chosen(self, theme) -> None:
        if theme.name != self._kept_theme:
            self._kept_theme = theme.name
            self._keep_theme(theme.name)

    @work(thread=True, exclusive=True, group="theme", exit_on_error=False)
    def _keep_theme(self, name: str) -> None:
        """Keep the theme for the next session (a read-only database: this session only)."""
        with self.store_work(failed=_ignore):
            self.store.set_theme(name)

    # -- lookups the screens use -----------------------------------------------------------
    def summary_for(self, contact_id: int | None) -> ContactSummary | None:
        if contact_id is None or self.network is None:
            return None
        for summary in self.network.summaries:
            if summary.contact.id == contact_id:
                return summary
        return None

    def _tell_screens(self, tell: Callable[[NetworkScreen], object]) -> None:
        """`tell(screen)` for every open screen that shows the network (contract.NetworkScreen)."""
        for screen in (*self.screen_stack,):
            if not isinstance(screen, NetworkScreen) or not screen.is_attached:
                continue
            try:
                tell(screen)
            except NoMatches:
                pass  # the screen is being torn down (the app is closing)

    # -- workers: reads -------------------------------------------------------------------
    @contextmanager
    def store_work(self, failed: Callable[[StoreError], object] | None = None) -> Iterator[None]:
        """Around the database work of a thread worker: a StoreError in the block ends it and
        goes to `failed` (by default the app says it, StoreFailed); either way the thread's
        own SQLite connection is closed after."""
        try:
            yield
        except StoreError as error:
            if failed is None:
                self.post_message(StoreFailed(str(error)))
            else:
                failed(error)
        finally:
            try:
                self.store.db.close()  # each worker thread has its own connection
            except Exception:  # closing can only fail if it was never opened
                pass

    @work(thread=True, exclusive=True, group="network", exit_on_error=False)
    def load_network(self) -> None:
        preload, self._preload = self._preload, None
        with self.store_work():
            if preload is not None:
                if self.first_view is None:
                    first = preload.first_view()
                    if first is not None:
                        self._first_drawn = preload.go
                        self.post_message(FirstViewLoaded(*first, preload.unpack))
                network = preload.result()
            else:
                now = self.now()
                marker = self.store.change_marker()
                network = prepare_network(self.store.summaries(now, include_hidden=True), now, marker,
                                          self.store.daily_budget())
            if not get_current_worker().is_cancelled:
                self.post_message(NetworkLoaded(network))

    def _detail(self, contact_id: int, now: datetime, summary: ContactSummary | None = None) -> Detail:
        summary = summary if summary is not None else self.store.summary(contact_id, now)
        items = tuple(self.store.interactions(contact_id))
        return Detail(summary, items, tuple(timeline_entries(items, now)), weekly_counts(items, now), now)

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def load_detail(self, contact_id: int) -> None:
        now = self.now()
        with self.store_work():
            detail = self._detail(contact_id, now)
            if not get_current_worker().is_cancelled:
                self.post_message(DetailLoaded(detail))

    def check_for_changes(self) -> None:
        if self.network is not None:
            self._check_marker()

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def _check_marker(self) -> None:
        with self.store_work(failed=_ignore):  # a locked database now is fine; the next poll will see it
            marker = self.store.change_marker()
            if marker != self.marker:
                self.post_message(ExternalChange(marker))

    @work(thread=True, exclusive=True, group="listen", exit_on_error=False)
    def _listen(self) -> None:
        """Listen to the server's notifications until the app ends (its own connection,
        retried while the server is out of reach)."""
        worker = get_current_worker()
        self.store.watch_changes(
            lambda: self.post_message(ServerNotified()),
            lambda up, sentence: self.post_message(ServerConnection(up, sentence)),
            lambda: worker.is_cancelled or self.leaving,
        )

    # -- workers: writes ----------------------------------------------------------------------
    def _write(self, contact_id: int | None, action: Callable[[datetime], tuple[int, str, UndoStep | None]]) -> None:
        self._writes_pending += 1  # until its result (or failure) is handled on this thread
        self._run_write(contact_id, action)

    @work(thread=True, group="write", exit_on_error=False)
    def _run_write(self, contact_id: int | None, action) -> None:
        now = self.now()
        done: tuple[Change, UndoStep | None] | None = None
        try:
            with self.store_work(failed=lambda error: self.post_message(StoreFailed(str(error), write=True))):
                contact_id, note, undo, *more = action(now)
                reload = bool(more and more[0])  # other contacts changed or went too
                if contact_id is None:  # the contact went: the list reloads without them
                    done = Change(None, note, self.store.change_marker(), reload=True), undo
                else:
                    summary = self.store.summary(contact_id, now)
                    # The gauge first: one small repaint, before the timeline and the list.
                    self.post_message(SummaryChanged(summary, now))
                    if callable(note):
                        note = note(summary)
                    detail = self._detail(contact_id, now, summary)
                    done = Change(detail, note, self.store.change_marker(), reload=reload), undo
        except BaseException:
            self.call_from_thread(self._write_done)
            raise
        if done is None:  # the store said why (StoreFailed)
            return
        change, undo = done
        self.post_message(ContactChanged(change))
        if undo is not None:
            self.call_from_thread(self.undo_steps.append, undo)

    def log_interaction(self, contact_id: int, item: Interaction) -> None:
        before = self.summary_for(contact_id)

        def action(now: datetime):
            self.store.log(contact_id, item, now)

            def note(after: ContactSummary) -> str:
                name = one_line(after.contact.name)
                change = change_words(before.assessment if before else None, after.assessment, now.date())
                return f"Logged {label(item.kind.value)} with {name}: {change}"

            return contact_id, note, None

        self._write(contact_id, action)

    def update_interaction(self, item: Interaction) -> None:
        """Save a corrected interaction; undo puts the old one back."""
        def action(now: datetime):
            before, after = self.store.update_interaction(item, now)
            what = f"{label(after.kind.value)} of {day_label(after.at.astimezone(now.tzinfo).date(), now.date())}"
            return after.contact_id, f"Saved the {what}; press u to undo.", UndoStep(
                edited_interaction=before, contact_id=before.contact_id, what="the correction")

        self._write(item.contact_id, action)

    def delete_interaction(self, item: Interaction) -> None:
        def action(now: datetime):
            removed = self.store.delete_interaction(item.id, now)
            what = f"{label(removed.kind.value)} of {day_label(removed.at.astimezone(now.tzinfo).date(), now.date())}"
            return removed.contact_id, f"Deleted the {what}; press u to undo.", UndoStep(
                restore_interaction=removed, contact_id=removed.contact_id, what=f"the {what}")

        self._write(item.contact_id, action)

    def set_status(self, contact_id: int, status: Status, until: date | None) -> None:
        old = self.summary_for(contact_id)

        def action(now: datetime):
            contact = self.store.set_status(contact_id, status, until, now)
            name = one_line(contact.name)
            if status == Status.SNOOZED and until is not None:
                note = f"Snoozed {name} until {day_label(until, now.date())}; press u to undo."
            elif status == Status.ARCHIVED:
                note = f"Archived {name}; press u to undo."
            else:
                note = f"{name} is active again."
            undo = None
            if old is not None:
                undo = UndoStep(contact_id=contact_id, status=old.contact.status,
                                snoozed_until=old.contact.snoozed_until, what=f"the change to {name}")
            return contact_id, note, undo

        self._write(contact_id, action)

    def save_contact(self, contact: Contact) -> None:
        """Add or save a contact; a second one of the same name is kept, and the note names
        the first."""
        from ..domain.validation import same_name_warning

        def action(now: datetime):
            if contact.id is None:
                saved, renamed = self.store.add_contact(contact, now), True
                note = f"Added {one_line(saved.name)}."
            else:
                before = self.store.contact(contact.id)
                saved = self.store.update_contact(contact, now)
                renamed = before.name.casefold() != saved.name.casefold()
                note = f"Saved {one_line(saved.name)}."
            namesakes = self.store.same_name(saved) if renamed else []
            if namesakes:
                note += f" Note: {same_name_warning(saved, namesakes)}"
            return saved.id, note, None

        self._write(contact.id, action)

    def keep_in_touch(self, contact: Contact, days: int | None) -> None:
        """Set (or with None, stop) the keep-in-touch cadence; undoable."""
        def action(now: datetime):
            saved = self.store.update_contact(replace(contact, keep_in_touch_days=days), now)
            name = one_line(saved.name)
            note = (f"Keeping in touch with {name} every {days} days; press u to undo." if days
                    else f"No keep-in-touch cadence for {name} any more; press u to undo.")
            return saved.id, note, UndoStep(contact=contact, contact_id=contact.id, what=f"the cadence for {name}")

        self._write(contact.id, action)

    def confirm_meeting(self, item: Interaction, moved_to: datetime | None = None, cancelled: bool = False) -> None:
        """A meeting logged ahead has passed: it happened, was moved to `moved_to`, or was
        `cancelled`; undo puts it back as it was."""
        def action(now: datetime):
            when = item.at.astimezone(now.tzinfo)
            was = f"{day_label(when.date(), now.date())} {when:%H:%M}"
            if cancelled:
                removed = self.store.delete_interaction(item.id, now)
                return removed.contact_id, f"Cancelled the meeting of {was}; press u to undo.", UndoStep(
                    restore_interaction=removed, contact_id=removed.contact_id, what="the cancellation")
            if moved_to is not None:
                before, after = self.store.update_interaction(replace(item, at=moved_to, planned=True), now)
                new = f"{day_label(moved_to.astimezone(now.tzinfo).date(), now.date())} {moved_to.astimezone(now.tzinfo):%H:%M}"
                note = f"Moved the meeting of {was} to {new}; press u to undo."
            else:
                before, after = self.store.confirm_meeting(item.id, now)
                note = f"Confirmed the meeting of {was}; press u to undo."
            return after.contact_id, note, UndoStep(edited_interaction=before, contact_id=before.contact_id,
                                                    what="the answer about the meeting")

        self._write(item.contact_id, action)

    def delete_contact(self, contact_id: int) -> None:
        """Delete a contact with everything of theirs; undo puts it all back."""
        def action(now: datetime):
            removed = self.store.remove_contact(contact_id)
            name = one_line(removed.contact.name)
            count = len(removed.interactions)
            what = f"{count} interaction{'' if count == 1 else 's'}"
            return None, f"Deleted {name} and {what}; press u to undo.", UndoStep(
                removed=removed, contact_id=contact_id, what=f"deleting {name}")

        self._write(contact_id, action)

    def merge_contacts(self, keep_id: int, other_id: int) -> None:
        """Make `other_id` part of `keep_id` (Store.merge_contacts); undo takes it apart."""
        def action(now: datetime):
            merged = self.store.merge_contacts(keep_id, other_id, now)
            gone, kept = one_line(merged.other.contact.name), one_line(merged.after.name)
            return keep_id, f"Merged {gone} into {kept}; press u to undo.", UndoStep(
                merged=merged, contact_id=keep_id, what=f"merging {gone} into {kept}"), True

        self._write(keep_id, action)

    def undo(self) -> None:
        if not self.undo_steps:
            self.notify("Nothing to undo.", markup=False)
            return
        step = self.undo_steps.pop()

        def action(now: datetime):
            contact_id, reload = step.contact_id, False
            if step.restore_interaction is not None:
                self.store.restore_interaction(step.restore_interaction, now)
            elif step.edited_interaction is not None:
                self.store.update_interaction(step.edited_interaction, now)
            elif step.removed is not None:
                contact_id = self.store.restore_contact(step.removed, now).id
            elif step.merged is not None:
                self.store.unmerge(step.merged, now)
                reload = True
            elif step.contact is not None:
                self.store.update_contact(step.contact, now)
            else:
                self.store.set_status(step.contact_id, step.status, step.snoozed_until, now)
            return contact_id, f"Undone: {step.what}.", None, reload

        self._write(step.contact_id, action)

    # -- results ----------------------------------------------------------------------------
    def on_first_view_loaded(self, message: FirstViewLoaded) -> None:
        if self.network is None:
            self.first_view = (message.rows, message.total, message.now, message.unpack)  # for a later screen
            rows, total, now, unpack = self.first_view
            self._tell_screens(lambda screen: screen.apply_first_view(rows, total, now, unpack))
        self.call_after_refresh(self._first_view_drawn)

    def _first_view_drawn(self) -> None:
        go, self._first_drawn = self._first_drawn, None
        if go is not None:
            go()

    def on_network_loaded(self, message: NetworkLoaded) -> None:
        self.first_view = None
        self.network = message.network
        self.marker = message.network.marker
        network = self.network
        self._tell_screens(lambda screen: screen.apply_network(network))
        if not network.summaries and not self._welcomed and not isinstance(self.screen, ModalScreen):
            from .screens.welcome import WelcomeScreen

            self._welcomed = True  # once a session: escape from it means "later"
            self.push_screen(WelcomeScreen())
        if not self._standings_saved:
            self._standings_saved = True
            self.set_timer(SAVE_STANDINGS_AFTER, self._save_standings)
        self._watch_for_changes()

    @work(thread=True, exclusive=True, group="standings", exit_on_error=False)
    def _save_standings(self) -> None:
        """Keep every contact's place in the list for the next launch (store.standings)."""
        from ..store.standings import save

        network = self.network
        if network is None or self.leaving:
            return
        with self.store_work(failed=_ignore):  # a read-only or busy database: the next launch loads in full
            save(self.store, network.now)

    def on_summary_changed(self, message: SummaryChanged) -> None:
        self._tell_screens(lambda screen: screen.show_summary(message.summary, message.now))

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        self.detail = message.detail
        self._tell_screens(lambda screen: screen.show_detail(message.detail))

    def on_contact_changed(self, message: ContactChanged) -> None:
        self._write_done()
        change = message.change
        if change.detail is not None:
            summary = change.detail.summary
            if self.network is not None:
                listing = self.network.listing
                self.network = replace(self.network, summaries=in_urgency_order(self.network.summaries, summary),
                                       now=change.detail.now,
                                       listing=listing.with_summary(summary) if listing is not None else None)
            self.detail = change.detail
            self._tell_screens(lambda screen: screen.apply_change(change))
        self.marker = change.marker
        if change.reload:
            self.load_network()
        if change.note:
            self.notify(change.note, markup=False)

    def _write_done(self) -> None:
        self._writes_pending = max(0, self._writes_pending - 1)

    def on_external_change(self, message: ExternalChange) -> None:
        # Our own write, seen by the poll before its result arrived, is not external: the
        # result brings the new marker. (A full reload of 10k contacts after every save
        # would compete with the UI for a second.)
        if self._writes_pending or message.marker == self.marker:
            return
        self.load_network()

    def on_server_notified(self, message: ServerNotified) -> None:
        self.check_for_changes()

    def on_server_connection(self, message: ServerConnection) -> None:
        """Say that the server is out of reach (until it is back: the listener retries),
        then that it is back; what changed meanwhile is read by the check that follows."""
        if message.up == (not self.server_down):
            return
        self.server_down = not message.up
        if self.server_down:
            self.notify(message.sentence, title="Database", severity="warning", markup=False,
                        timeout=SERVER_DOWN_SECONDS)
        else:
            self.clear_notifications()
            self.notify(message.sentence, title="Database", markup=False)

    def on_store_failed(self, message: StoreFailed) -> None:
        if message.write:
            self._write_done()
        # Reads that fail together (the network and the detail beside it) say it once:
        # the same sentence is not repeated while it is still on screen.
        sentence, now = message.sentence, monotonic()
        last, at = self._store_failure
        if sentence != last or now - at >= STORE_FAILED_SECONDS:
            self.notify(sentence, title="Database", severity="error", markup=False, timeout=STORE_FAILED_SECONDS)
            self._store_failure = (sentence, now)

    # -- actions --------------------------------------------------------------------------------
    def selected_contact_id(self) -> int | None:
        screen = self.screen
        return screen.selected_contact_id() if isinstance(screen, NetworkScreen) else None

    def action_capture(self, contact_id: int | None = None, editing: Interaction | None = None) -> None:
        if isinstance(self.screen, ModalScreen):
            return
        if self.network is None:
            self.notify(STILL_LOADING, markup=False, timeout=3)
            return
        from .screens.capture import CaptureScreen

        contact_id = contact_id if contact_id is not None else self.selected_contact_id()
        if contact_id is None:
            self.notify("Add a contact first (n), then log what happened with them.", markup=False)
            return
        history = self.detail.interactions if self.detail and self.detail.contact_id == contact_id else None
        if not self.is_screen_installed("capture"):
            self.install_screen(CaptureScreen(self.network.summaries, contact_id, self.now(), history, editing),
                                "capture")
        else:
            self.get_screen("capture").prepare(self.network.summaries, contact_id, self.now(), history, editing)
        self.push_screen("capture", self._captured)

    def _captured(self, request) -> None:
        if request is not None and request.interaction.id is not None:
            self.update_interaction(request.interaction)
        elif request is not None:
            if isinstance(self.screen, NetworkScreen):
                self.screen.remember_capture()
            if self._preview(request.contact_id, request.interaction):
                # Saving competes with painting for the interpreter: paint the gauge first.
                self._writes_pending += 1  # a poll in between must not reload the network
                self._waiting_captures.append(request)
                self.call_after_refresh(self._save_capture, request)
            else:
                self.log_interaction(request.contact_id, request.interaction)

    def _save_capture(self, request) -> None:
        self._writes_pending -= 1
        waiting = [r for r in self._waiting_captures if r is not request]
        if len(waiting) < len(self._waiting_captures):  # not saved already by a quit
            self._waiting_captures = waiting
            self.log_interaction(request.contact_id, request.interaction)

    def _preview(self, contact_id: int, item: Interaction) -> bool:
        """Show the gauge with `item` counted at once, in the frame that closes the dialog.

        The engine runs on the history this screen already holds (the shown contact's
        every interaction); the saved assessment from the store replaces it a moment later
        and, should the save fail, the error says so and the next load shows what is stored.
        """
        detail = self.detail
        if detail is None or detail.contact_id != contact_id:
            return False
        now = self.now()
        preview = summarize(detail.summary.contact, [*detail.interactions, item], now)
        self._tell_screens(lambda screen: screen.show_summary(preview, now))
        return True

    def action_triage(self) -> None:
        from .screens.triage import TriageScreen

        if isinstance(self.screen, (ModalScreen, TriageScreen)):
            return
        self.push_screen(TriageScreen())

    def action_import(self, format: str = "guess") -> None:
        from .screens.import_file import ImportScreen

        if not isinstance(self.screen, ModalScreen):
            self.push_screen(ImportScreen(format), self._imported)

    def _imported(self, done) -> None:
        if done is not None:
            self.notify(done.summary, title=f"Imported {done.path.name}", markup=False, timeout=8)

    def action_export(self, format: str = "json") -> None:
        from .screens.export_file import ExportScreen

        if not isinstance(self.screen, ModalScreen):
            self.push_screen(ExportScreen(format), self._exported)

    def _exported(self, path) -> None:
        if path is not None:
            self.notify(f"Wrote {path} (readable by you only).", markup=False)

    def action_meeting(self, contact_id: int | None = None) -> None:
        """Ask about the contact's meeting logged ahead: the first one that has passed
        unconfirmed, else the next one ahead."""
        if isinstance(self.screen, ModalScreen):
            return
        contact_id = contact_id if contact_id is not None else self.selected_contact_id()
        if contact_id is None:
            self.notify("Select a contact first.", markup=False)
            return
        self._find_meeting(contact_id)

    @work(thread=True, exclusive=True, group="meeting", exit_on_error=False)
    def _find_meeting(self, contact_id: int) -> None:
        now = self.now()
        with self.store_work():
            contact = self.store.contact(contact_id)
            planned = sorted((i for i in self.store.interactions(contact_id) if i.planned), key=lambda i: i.at)
            self.call_from_thread(self._ask_about_meeting, contact, planned, now)

    def _ask_about_meeting(self, contact: Contact, planned: list[Interaction], now: datetime) -> None:
        from .screens.meeting import MeetingScreen

        name = one_line(contact.name)
        if not planned:
            self.notify(f"No meeting with {name} is planned (log one ahead: c, direction both, a time ahead).",
                        markup=False)
            return
        passed = [i for i in planned if i.at <= now]

        def answered(answer) -> None:
            if answer is not None:
                self.confirm_meeting(answer.item, answer.moved_to, answer.cancelled)

        if not isinstance(self.screen, ModalScreen):
            self.push_screen(MeetingScreen((passed or planned)[0], now, name), answered)

    def action_duplicates(self) -> None:
        """The likely duplicates in the network, each pair merged with one key."""
        from .screens.duplicates import DuplicatesScreen

        if isinstance(self.screen, ModalScreen):
            return
        if self.network is None:
            self.notify(STILL_LOADING, markup=False, timeout=3)
            return
        self.push_screen(DuplicatesScreen.of_network(self.network.summaries))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, ModalScreen):
            self.push_screen(HelpScreen())

    def open_contact_screen_action(self, action: str) -> None:
        """Run a main-screen action (from the palette), going back to the main screen first."""
        from .screens.main import MainScreen

        while not isinstance(self.screen, MainScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        method = getattr(self.screen, f"action_{action}", None)
        if callable(method):
            method()

    def open_contact(self, contact_id: int) -> None:
        """Back to the main screen, with `contact_id` selected."""
        from .screens.main import MainScreen

        while not isinstance(self.screen, MainScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        main = self.screen
        if isinstance(main, MainScreen):
            main.select(contact_id)
