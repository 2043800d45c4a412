"""The list's sort orders. Pure: rearranges summaries the store already assessed."""

from __future__ import annotations

from datetime import date, datetime, timezone
from enum import Enum
from typing import Sequence

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


def sort_summaries(summaries: Sequence[ContactSummary], order: SortOrder, today: date) -> list[ContactSummary]:
    """Hidden (snoozed, archived) contacts go last in every order."""

    def hidden(s: ContactSummary) -> bool:
        return s.contact.is_hidden_on(today)

    if order == SortOrder.URGENCY:
        key = lambda s: (hidden(s), triage_key(s.assessment.verdict, s.assessment.next_on,
                                               s.assessment.pressure, s.contact.name))
    elif order == SortOrder.NAME:
        key = lambda s: (hidden(s), fold(s.contact.name), s.contact.id)
    elif order == SortOrder.LAST_CONTACT:
        key = lambda s: (hidden(s), -(s.assessment.last_contact or _LONG_AGO).timestamp(), fold(s.contact.name))
    else:
        key = lambda s: (hidden(s), -s.assessment.pressure, fold(s.contact.name))
    return sorted(summaries, key=key)
