"""Everything, as versioned JSON that `netpace import json` reads back.

Schema version 1:

    {"netpace_export": 1, "exported_at": ISO time,
     "contacts": [{"id", "name", "company", "role", "emails": [..], "phone", "linkedin",
                   "met_via", "met_on", "tags": [..], "notes", "keep_in_touch_days",
                   "status", "snoozed_until", "created_at", "updated_at"}, ...],
     "interactions": [{"contact_id", "at", "direction", "channel", "kind", "note",
                       "source", "external_id", "group", "planned"}, ...]}

Times are UTC ISO 8601, dates YYYY-MM-DD, absent values null. `group` (true for a
message in a group conversation) and `planned` (a meeting logged ahead, not yet confirmed)
were added later; a missing one reads as false. `id` only links
interactions to contacts inside one file. Readers must ignore keys they don't know;
a change that old readers would misread raises the version.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from ..domain.json_views import contact_json
from ..domain.model import Contact, Interaction
from ..json_text import dumps
from ..store.store import Store

SCHEMA_VERSION = 1


def _time(moment: datetime | None) -> str | None:
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z") if moment else None


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def contact_dict(contact: Contact) -> dict:
    """The fields `netpace list --json` shows, plus when the contact was made and changed."""
    return {
        **contact_json(contact),
        "created_at": _time(contact.created_at),
        "updated_at": _time(contact.updated_at),
    }


def interaction_dict(item: Interaction) -> dict:
    return {
        "contact_id": item.contact_id,
        "at": _time(item.at),
        "direction": item.direction.value,
        "channel": item.channel.value,
        "kind": item.kind.value,
        "note": item.note,
        "source": item.source,
        "external_id": item.external_id,
        "group": item.group,
        "planned": item.planned,
    }


def render(store: Store, now: datetime) -> bytes:
    contacts = store.contacts()
    history = store.interactions_by_contact()
    interactions = [
        interaction_dict(item)
        for contact in sorted(contacts, key=lambda c: c.id)
        for item in history.get(contact.id, [])
    ]
    document = {
        "netpace_export": SCHEMA_VERSION,
        "exported_at": _time(now),
        "contacts": [contact_dict(c) for c in sorted(contacts, key=lambda c: c.id)],
        "interactions": interactions,
    }
    return (dumps(document, indent=2) + "\n").encode("utf-8")  # as the command line's --json
