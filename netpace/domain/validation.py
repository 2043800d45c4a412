"""What a contact or an interaction must be to be kept: the limits, the cleaning, and
the rules for what people type (names, e-mail addresses, phone numbers, LinkedIn URLs).

The store runs every write through the cleaning (`clean_contact`, `clean_interaction`).
The rules for typed fields are applied where text comes in: the command line and the
contact form refuse a value that breaks one (`check_contact`, one sentence each), and the
importers leave such a value out (`usable_phone`, `usable_linkedin`; e-mail addresses
through the same `email_key`). So a rule about what netpace keeps is written once. The
store itself doesn't apply them, so a contact stored before a rule existed can still be
changed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Iterable, Sequence

from .identity import email_key, name_key, normalize_linkedin
from .model import Channel, Contact, Direction, Interaction, Kind
from .text import clean_name, one_line, strip_controls

MAX_NAME = 300
MAX_NOTE = 200_000
MAX_FIELD = 2_000


class InvalidInput(Exception):
    """Input that can't be kept, with one sentence saying why."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field  # the contact field it is about ("emails", "phone", ...), if one


# A phone number: digits with the usual separators, an optional leading + and an optional
# extension ("ext 12", "x12", "#12"); a "tel:" URI prefix (vCard 4) is dropped.
_PHONE = re.compile(r"^\+?[\d\s().\-/]+(?:\s*(?:ext\.?|x|#)\s*\d+)?$", re.IGNORECASE)
MIN_PHONE_DIGITS = 3
MAX_PHONE = 40


def check_name(text: str) -> str:
    """The name as kept, or InvalidInput: not empty once blanks and control characters
    are gone, at most MAX_NAME characters, at least one letter or digit."""
    name = clean_name(text)
    if not name:
        raise InvalidInput("A contact needs a name: it was empty after removing blanks and control characters.",
                           "name")
    if len(name) > MAX_NAME:
        raise InvalidInput(too_long_name(name), "name")
    if not any(ch.isalnum() for ch in name):
        raise InvalidInput(f"{name!r} is not a name: it needs at least one letter or digit.", "name")
    return name


def check_email(text: str) -> str:
    """The address as kept (lower case), or InvalidInput."""
    address = email_key(text)
    if not address:
        raise InvalidInput(f"{one_line(text)!r} is not an e-mail address (like name@example.com).", "emails")
    return address


def usable_phone(text: str) -> str:
    """The phone number as kept, or '' when `text` is not one."""
    value = one_line(text)
    if value.lower().startswith("tel:"):
        value = value[4:].strip()
    if not value or len(value) > MAX_PHONE or not _PHONE.match(value):
        return ""
    return value if sum(ch.isdigit() for ch in value) >= MIN_PHONE_DIGITS else ""


def check_phone(text: str) -> str:
    """The phone number as kept ('' stays ''), or InvalidInput."""
    if not one_line(text):
        return ""
    value = usable_phone(text)
    if not value:
        raise InvalidInput(f"{one_line(text)!r} is not a phone number (digits, spaces, + ( ) - . /, "
                           "and an extension like x12).", "phone")
    return value


def usable_linkedin(text: str) -> str:
    """The LinkedIn profile URL in its one canonical form, or '' when `text` is not one."""
    return normalize_linkedin(text)


def check_linkedin(text: str) -> str:
    """The profile URL as kept ('' stays ''), or InvalidInput."""
    if not one_line(text):
        return ""
    value = usable_linkedin(text)
    if not value:
        raise InvalidInput(f"{one_line(text)!r} is not a LinkedIn profile URL (like "
                           "https://www.linkedin.com/in/their-name).", "linkedin")
    return value


# The typed fields with a rule, as Contact fields.
CHECKED_FIELDS = ("name", "emails", "phone", "linkedin")


def check_contact(contact: Contact, fields: Iterable[str] = CHECKED_FIELDS) -> Contact:
    """`contact` with `fields` checked and put in their kept form, or InvalidInput (its
    `field` says which). The command line and the forms check what was typed; a field
    left as it was stored needn't pass (it may predate a rule)."""
    fields = set(fields)
    changes: dict = {}
    if "name" in fields:
        changes["name"] = check_name(contact.name)
    if "emails" in fields:
        changes["emails"] = tuple(dict.fromkeys(check_email(a) for a in contact.emails if one_line(a)))
    if "phone" in fields:
        changes["phone"] = check_phone(contact.phone)
    if "linkedin" in fields:
        changes["linkedin"] = check_linkedin(contact.linkedin)
    return replace(contact, **changes)


def same_name(contact: Contact, others: Iterable[Contact]) -> list[Contact]:
    """The other contacts called exactly what `contact` is called (any case)."""
    key = name_key(contact.name)
    return [c for c in others if c.id != contact.id and name_key(c.name) == key]


def same_name_warning(contact: Contact, namesakes: Sequence[Contact]) -> str:
    """'Maren Holt (#3, Nordlys Data) has the same name: use the number to tell them apart.'
    A second contact of the same name is allowed; this says who the first one is."""
    first = namesakes[0]
    where = f"#{first.id}" + (f", {one_line(first.company)}" if first.company else "")
    more = f" (and {len(namesakes) - 1} more)" if len(namesakes) > 1 else ""
    return (f"{one_line(first.name)} ({where}){more} has the same name: "
            "use the number to tell them apart.")


def too_long_name(name: str) -> str:
    return f"That name is {len(name)} characters long; a name can be at most {MAX_NAME} characters."


def clean_contact(contact: Contact) -> Contact:
    """The contact as it would be stored, or InvalidInput with one sentence."""
    name = clean_name(contact.name)
    if not name:
        raise InvalidInput("A contact needs a name: it was empty after removing blanks and control characters.")
    if len(name) > MAX_NAME:
        raise InvalidInput(too_long_name(name))
    notes = strip_controls(contact.notes)
    if len(notes) > MAX_NOTE:  # counted as kept, as an interaction's note is
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
    kept = {"name": name, "emails": tuple(emails), "tags": tuple(tags), "notes": notes, **fields}
    if all(getattr(contact, field) == value for field, value in kept.items()):
        return contact  # already clean: an import cleans tens of thousands
    return replace(contact, **kept)


def clean_interaction(item: Interaction) -> Interaction:
    """The interaction as it would be stored, or InvalidInput with one sentence."""
    note = strip_controls(item.note)
    if len(note) > MAX_NOTE:
        raise InvalidInput(f"A note can be at most {MAX_NOTE:,} characters.")
    if (note == item.note and type(item.direction) is Direction and type(item.channel) is Channel
            and type(item.kind) is Kind):
        return item  # already clean: an import cleans tens of thousands
    values = {}
    for field, kind in (("direction", Direction), ("channel", Channel), ("kind", Kind)):
        raw = getattr(item, field)
        try:
            values[field] = kind(raw)
        except ValueError:
            allowed = ", ".join(k.value for k in kind)
            raise InvalidInput(f"{raw!r} is not a {field} netpace knows; use one of {allowed}.") from None
    return replace(item, note=note, **values)


# A time typed as "now" may land a moment after the clock read by the check.
AHEAD_GRACE = timedelta(minutes=1)
MESSAGE_AHEAD = "A message can't be in the future: only a meeting or call (both ways) can be planned ahead."


def logged_ahead(direction: Direction, at: datetime, now: datetime) -> bool:
    """Whether an interaction at `at` is a meeting logged ahead (planned); InvalidInput
    for a message in the future (you can only plan to meet, not that they will write)."""
    if at <= now + AHEAD_GRACE:
        return False
    if Direction(direction) != Direction.BOTH:
        raise InvalidInput(MESSAGE_AHEAD, "at")
    return True
