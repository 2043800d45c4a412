"""How the app and its screens talk to each other, typed, in both directions.

- Screens ask the app through `Host`: the network and the contact shown, the store and
  the time, the loads and every write (each runs in a thread worker of the app's).
  A screen reaches it as `self.host`; no screen imports the app.
- The app tells the screens through `NetworkScreen`: every screen in the stack that
  shows the network gets each new state through these hooks (no-ops by default).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import TYPE_CHECKING, Callable, Protocol

from textual.screen import Screen

if TYPE_CHECKING:
    from ..domain.model import Contact, ContactSummary, Interaction, Status
    from ..store import Store, StoreError
    from .messages import Change, Detail, Network


class Host(Protocol):
    """The app, as screens, dialogs and the palette use it."""

    network: "Network | None"  # every contact and its assessment, once loaded
    detail: "Detail | None"  # the contact shown on the main screen, with its timeline
    first_view: tuple | None  # (rows, total, now, unpack) of the kept list, until the network is in

    @property
    def store(self) -> "Store": ...

    def now(self) -> datetime: ...

    def store_work(self, failed: "Callable[[StoreError], object] | None" = None
                   ) -> AbstractContextManager[None]:
        """Around a thread worker's database work: a StoreError ends the block and goes to
        `failed` (by default the app says it); the thread's connection is closed after."""

    def load_network(self) -> None: ...

    def load_detail(self, contact_id: int) -> None: ...

    def summary_for(self, contact_id: int | None) -> "ContactSummary | None": ...

    def log_interaction(self, contact_id: int, item: "Interaction") -> None: ...

    def update_interaction(self, item: "Interaction") -> None: ...

    def delete_interaction(self, item: "Interaction") -> None: ...

    def set_status(self, contact_id: int, status: "Status", until: date | None) -> None: ...

    def save_contact(self, contact: "Contact") -> None: ...

    def keep_in_touch(self, contact: "Contact", days: int | None) -> None: ...

    def delete_contact(self, contact_id: int) -> None: ...

    def merge_contacts(self, keep_id: int, other_id: int) -> None: ...

    def confirm_meeting(self, item: "Interaction", moved_to: datetime | None = None,
                        cancelled: bool = False) -> None: ...

    def undo(self) -> None: ...

    def open_contact(self, contact_id: int) -> None: ...

    def open_contact_screen_action(self, action: str) -> None: ...

    def action_capture(self, contact_id: int | None = None, editing: "Interaction | None" = None) -> None: ...

    def action_meeting(self, contact_id: int | None = None) -> None: ...

    def action_import(self, format: str = ...) -> None: ...

    def action_export(self, format: str = ...) -> None: ...


class HasHost:
    """Mixed into netpace's screens: `self.host` is the app, typed as `Host`."""

    @property
    def host(self) -> Host:
        return self.app  # type: ignore[attr-defined, return-value]


class NetworkScreen(HasHost, Screen):
    """A screen that shows the network. The app calls these on every such screen in the
    stack as things change; each does nothing unless the screen overrides it."""

    def selected_contact_id(self) -> int | None:
        """The contact the user has selected here, if any (quick capture's default)."""
        return None

    def apply_first_view(self, rows, total: int, now: datetime, unpack=None) -> None:
        """The list as the last session kept it, drawn before the network is loaded."""

    def apply_network(self, network: "Network") -> None:
        """The whole network, loaded or reloaded."""

    def show_summary(self, summary: "ContactSummary", now: datetime) -> None:
        """One contact's new assessment, ahead of the rest of a change (the gauge first)."""

    def show_detail(self, detail: "Detail") -> None:
        """A contact's detail (timeline, weekly history), loaded."""

    def apply_change(self, change: "Change") -> None:
        """One contact changed because of something the user did."""

    def remember_capture(self) -> None:
        """A quick capture was just saved from this screen."""
