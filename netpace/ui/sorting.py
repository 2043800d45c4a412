"""The list's sort orders. Pure: rearranges summaries the store already assessed."""

from __future__ import annotations

from datetime import date, datetime, timezone
from enum import Enum
from typing import Callable, Sequence

from ..domain.model import ContactSummary
from ..domain.pressure import triage_key
from ..domain.text import fold

_LONG_AGO = datetime(1900, 1, 1, tzinfo=timezone.utc)


class SortOrder(Enum):
    URGENCY = "urgency"
    NAME = "name"
    LAST_CONTACT = "last contact"
    PRESSURE = "pressure"

    def next(self) -> "SortOrder":
        members = list(SortOrder)
        return members[(members.index(self) + 1) % len(members)]


def sort_key(order: SortOrder, today: date) -> Callable[[ContactSummary], tuple]:
    """The key of `order`; hidden (snoozed, archived) contacts go last in every order."""

    def hidden(s: ContactSummary) -> bool:
        return s.contact.is_hidden_on(today)

    if order == SortOrder.URGENCY:
        return lambda s: (hidden(s), triage_key(s.assessment.verdict, s.assessment.next_on,
                                                s.assessment.pressure, s.contact.name))
    if order == SortOrder.NAME:
        return lambda s: (hidden(s), fold(s.contact.name), s.contact.id)
    if order == SortOrder.LAST_CONTACT:
        return lambda s: (hidden(s), -(s.assessment.last_contact or _LONG_AGO).timestamp(), fold(s.contact.name))
    return lambda s: (hidden(s), -s.assessment.pressure, fold(s.contact.name))


def sort_summaries(summaries: Sequence[ContactSummary], order: SortOrder, today: date) -> list[ContactSummary]:
    """Hidden (snoozed, archived) contacts go last in every order."""
    return sorted(summaries, key=sort_key(order, today))
