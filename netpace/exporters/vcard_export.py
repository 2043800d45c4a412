"""Contacts as vCard 4.0 (RFC 6350), written here and read back by vobject in tests."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from ..domain.model import Contact
from ..domain.text import strip_controls
from ..store.store import Store

PRODID = "-//netpace//netpace export//EN"
_UID_NAMESPACE = uuid.UUID("6f1b3a52-2d0e-4c55-9d3e-0b7a1c4e9f21")
MAX_LINE_OCTETS = 75


def escape(text: str) -> str:
    """RFC 6350 3.4: backslash, comma, semicolon and newline are escaped in text."""
    text = strip_controls(text).replace("\r\n", "\n").replace("\r", "\n")
    return (
        text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Lines longer than 75 octets go on after CRLF and a space, never mid-character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, MAX_LINE_OCTETS
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out) + "\r\n"


def uid(contact: Contact) -> str:
    created = contact.created_at.isoformat() if contact.created_at else ""
    return f"urn:uuid:{uuid.uuid5(_UID_NAMESPACE, f'{contact.id}|{created}')}"


def card(contact: Contact) -> str:
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"PRODID:{PRODID}", f"UID:{uid(contact)}",
             f"FN:{escape(contact.name)}"]
    for index, address in enumerate(contact.emails):
        lines.append(f"EMAIL;PREF=1:{escape(address)}" if index == 0 else f"EMAIL:{escape(address)}")
    if contact.phone:
        lines.append(f"TEL;VALUE=text:{escape(contact.phone)}")
    if contact.company:
        lines.append(f"ORG:{escape(contact.company)}")
    if contact.role:
        lines.append(f"TITLE:{escape(contact.role)}")
    if contact.linkedin:
        lines.append(f"URL;TYPE=linkedin:{escape(contact.linkedin)}")
    if contact.tags:
        lines.append("CATEGORIES:" + ",".join(escape(tag) for tag in contact.tags))
    if contact.notes:
        lines.append(f"NOTE:{escape(contact.notes)}")
    if contact.updated_at:
        lines.append("REV:" + contact.updated_at.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ"))
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def render(store: Store, now: datetime) -> bytes:
    return "".join(card(contact) for contact in store.contacts()).encode("utf-8")
