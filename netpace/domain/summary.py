"""A contact with their assessment and the channel you use most with them."""

from __future__ import annotations

from datetime import datetime
from typing import Iterable, Sequence

from .model import Channel, Contact, ContactSummary, Direction, Interaction
from .pressure import assess


def usual_channel(items: Iterable) -> Channel | None:
    """The channel you use most with them (of your messages, else of all); on a tie, the
    one seen first. A plain dict, not Counter: this runs once per contact in every list."""
    items = tuple(items)
    for chosen in ([i.channel for i in items if i.direction == Direction.OUT], [i.channel for i in items]):
        if not chosen:
            continue
        counts: dict = {}
        for channel in chosen:
            counts[channel] = counts.get(channel, 0) + 1
        best, most = None, 0
        for channel, count in counts.items():
            if count > most:
                best, most = channel, count
        return best
    return None


def summarize(contact: Contact, items: Sequence[Interaction], now: datetime) -> ContactSummary:
    return ContactSummary(contact, assess(contact, items, now), usual_channel(items))
