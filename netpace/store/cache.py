"""What a store keeps between whole-network reads: every contact and their `History`.

Reading 10,000 contacts and their decay windows costs a few hundred milliseconds; the app
rereads the network whenever another process writes to it. Between two reads only a few
contacts change, and the triggers in `revisions` say which: a reread loads just those,
and the engine then assesses everyone at the new `now` from what is kept.

What is kept stays right for any later `now`:
- a contact's totals and items only change when their interactions do (a new revision);
- items read for an earlier `now` reach further back than a later one needs, and the
  engine reads only what its decay window still holds;
- contacts with interactions after the `now` of a read (logged ahead of time) are read
  again on every read, as their history up to `now` grows by itself.
The usual channel (a hint: the one capture suggests) is the one of the items read, kept
until the contact changes.

An earlier `now` than the last read, a new generation (a restored backup), a totals table
that did not add up, or more changed contacts than a full read costs: a full read.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime

from ..domain.model import Channel, Contact
from ..domain.pressure import History
from ..domain.summary import usual_channel
from . import reading, revisions

# Past this many changed contacts, reading everything again is about as fast.
MAX_CHANGED = 1_500


@dataclass
class Network:
    """Every contact by id (in name order as first read), their histories and usual channels."""

    contacts: dict[int, Contact]
    histories: dict[int, History]
    channels: dict[int, Channel | None]
    generation: str = ""
    rev: int = 0
    now: datetime | None = None
    later: set[int] = field(default_factory=set)  # contacts with interactions after `now`
    decisions: dict = field(default_factory=dict)  # the engine's memo (assess_histories)


class NetworkCache:
    """One per store; `lock` must be held while using what `current` returns."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._kept: Network | None = None
        self.full_reads = 0  # how many reads were full ones (for tests and benchmarks)

    def current(self, store, now: datetime) -> Network:
        """The network at `now`: what is kept, brought up to date, or a full read."""
        # The revision is read first: a write that lands during the reads below has a
        # later one, so the next read loads that contact again (never misses it).
        generation, rev = revisions.where_we_are(store.models)
        kept = self._kept
        if kept is not None and kept.generation == generation and rev >= kept.rev and now >= kept.now:
            changed = set(revisions.changed_since(store.models, kept.rev)) | kept.later
            if len(changed) <= MAX_CHANGED:
                _update(store, kept, sorted(changed), now)
                kept.rev, kept.now = rev, now
                return kept
        self.full_reads += 1
        found, trusted = _full(store, now)
        found.generation, found.rev = generation, rev
        self._kept = found if trusted else None
        return found


def _full(store, now: datetime) -> tuple[Network, bool]:
    """Everything read afresh, and whether it may be kept (not when the totals table did
    not add up: then who has interactions after `now` is unknown)."""
    contacts = {c.id: c for c in reading.all_contacts(store)}
    histories, later = reading.network_histories(store, now)
    channels = {contact_id: usual_channel(history.items) for contact_id, history in histories.items()}
    return Network(contacts, histories, channels, now=now, later=set(later or ())), later is not None


def _update(store, kept: Network, ids: list[int], now: datetime) -> None:
    if not ids:
        return
    contacts = {c.id: c for c in reading.all_contacts(store, ids)}
    histories = reading.full_histories(store, ids, now)
    later = reading.with_later_interactions(store, ids, now)
    for contact_id in ids:
        kept.later.discard(contact_id)
        contact = contacts.get(contact_id)
        if contact is None:  # deleted
            kept.contacts.pop(contact_id, None)
            kept.histories.pop(contact_id, None)
            kept.channels.pop(contact_id, None)
            continue
        kept.contacts[contact_id] = contact
        history = histories.get(contact_id)
        if history is None:
            kept.histories.pop(contact_id, None)
            kept.channels.pop(contact_id, None)
        else:
            kept.histories[contact_id] = history
            kept.channels[contact_id] = usual_channel(history.items)
    kept.later.update(later)
