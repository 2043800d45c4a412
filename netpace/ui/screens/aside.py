"""Putting a contact aside, the same from the main screen and from triage: snooze (a day,
a week, a month, until a date) and archive, each undone by u."""

from __future__ import annotations

from ...domain.model import Status
from ...domain.text import one_line


class PutAside:
    """Mixed into a NetworkScreen: `s` and `a` on its selected contact."""

    def before_put_aside(self) -> None:
        """Called just before the contact goes (triage remembers where the cursor was)."""

    def _aside_target(self):
        summary = self.host.summary_for(self.selected_contact_id())
        if summary is None:
            self.notify("Select a contact first." if self.host.network is not None else _loading(), markup=False)
        return summary

    def action_snooze(self) -> None:
        from .snooze import SnoozeScreen

        summary = self._aside_target()
        if summary is None:
            return
        contact_id = summary.contact.id

        def snoozed(until) -> None:
            if until is not None:
                self.before_put_aside()
                self.host.set_status(contact_id, Status.SNOOZED, until)

        self.app.push_screen(SnoozeScreen(self.host.now(), one_line(summary.contact.name)), snoozed)

    def action_archive(self) -> None:
        summary = self._aside_target()
        if summary is None:
            return
        if summary.contact.status == Status.ARCHIVED:
            self.notify(f"{one_line(summary.contact.name)} is archived already (w wakes them).", markup=False)
            return
        self.before_put_aside()
        self.host.set_status(summary.contact.id, Status.ARCHIVED, None)


def _loading() -> str:
    from ..words import STILL_LOADING

    return STILL_LOADING
