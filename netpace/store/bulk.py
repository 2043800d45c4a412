"""Writing many contacts and interactions at once, in one transaction, in batches."""

from __future__ import annotations

from datetime import datetime
from typing import Iterable, Sequence

from ..domain.model import Contact, Interaction
from . import totals
from .convert import to_db_time

BATCH = 500


def _chunks(rows: list[dict], size: int = BATCH) -> Iterable[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def bulk_add(store, people: Sequence[tuple[Contact, Sequence[Interaction]]], now: datetime) -> int:
    """Add contacts with their interactions; returns how many interactions were written.

    Contacts are cleaned like `Store.add_contact` does; interactions are taken as given.
    """
    models = store.models
    stamp = to_db_time(now)
    written = 0
    with store.transaction():
        for batch_start in range(0, len(people), BATCH):
            batch = people[batch_start : batch_start + BATCH]
            cleaned = [store._clean(contact) for contact, _ in batch]
            ids = [
                models.contact.insert(**store._row_values(contact), created_at=stamp, updated_at=stamp).execute()
                for contact in cleaned
            ]
            emails = [
                {"contact": contact_id, "address": address, "position": position}
                for contact_id, contact in zip(ids, cleaned)
                for position, address in enumerate(contact.emails)
            ]
            for chunk in _chunks(emails):
                models.email.insert_many(chunk).execute()
            rows = [
                {
                    "contact": contact_id,
                    "at": to_db_time(item.at),
                    "direction": item.direction.value,
                    "channel": item.channel.value,
                    "kind": item.kind.value,
                    "note": item.note,
                    "source": item.source,
                    "external_id": item.external_id,
                    "created_at": stamp,
                    "in_group": item.group,
                    "planned": item.planned,
                }
                for contact_id, (_, items) in zip(ids, batch)
                for item in items
            ]
            for chunk in _chunks(rows, 100):
                models.interaction.insert_many(chunk).execute()
            totals.refresh(models, ids)
            written += len(rows)
    return written
