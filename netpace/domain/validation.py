"""What a contact or an interaction must be to be kept: the limits and the cleaning.

The store runs every write through these; the capture modal, the contact form and the
importers read the same limits, so a rule about what netpace keeps is written once.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Channel, Contact, Direction, Interaction, Kind
from .text import clean_name, one_line, strip_controls

MAX_NAME = 300
MAX_NOTE = 200_000
MAX_FIELD = 2_000


class InvalidInput(Exception):
    """Input that can't be kept, with one sentence saying why."""


def clean_contact(contact: Contact) -> Contact:
    """The contact as it would be stored, or InvalidInput with one sentence."""
    name = clean_name(contact.name)
    if not name:
        raise InvalidInput("A contact needs a name: it was empty after removing blanks and control characters.")
    if len(name) > MAX_NAME:
        raise InvalidInput(f"That name is {len(name)} characters long; the most netpace keeps is {MAX_NAME}.")
    if len(contact.notes) > MAX_NOTE:
        raise InvalidInput(f"Notes can be at most {MAX_NOTE:,} characters.")
    if contact.keep_in_touch_days is not None and not 1 <= contact.keep_in_touch_days <= 3650:
        raise InvalidInput("Keep-in-touch must be between 1 and 3650 days.")
    emails: list[str] = []
    for address in contact.emails:
        address = one_line(address).lower()
        if address and address not in emails:
            emails.append(address)
    tags: list[str] = []
    for tag in contact.tags:
        tag = one_line(tag)
        if tag and tag not in tags:
            tags.append(tag)
    fields = {
        "company": one_line(contact.company)[:MAX_FIELD],
        "role": one_line(contact.role)[:MAX_FIELD],
        "phone": one_line(contact.phone)[:MAX_FIELD],
        "linkedin": one_line(contact.linkedin)[:MAX_FIELD],
    }
    return replace(
        contact,
        name=name,
        emails=tuple(emails),
        tags=tuple(tags),
        notes=strip_controls(contact.notes),
        **fields,
    )


def clean_interaction(item: Interaction) -> Interaction:
    """The interaction as it would be stored, or InvalidInput with one sentence."""
    note = strip_controls(item.note)
    if len(note) > MAX_NOTE:
        raise InvalidInput(f"A note can be at most {MAX_NOTE:,} characters.")
    values = {}
    for field, kind in (("direction", Direction), ("channel", Channel), ("kind", Kind)):
        raw = getattr(item, field)
        try:
            values[field] = kind(raw)
        except ValueError:
            allowed = ", ".join(k.value for k in kind)
            raise InvalidInput(f"{raw!r} is not a {field} netpace knows; use one of {allowed}.") from None
    return replace(item, note=note, **values)
