"""Contacts with their current verdict, pressure and next date, for a spreadsheet."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

from ..store.store import Store

COLUMNS = (
    "name", "company", "role", "emails", "phone", "linkedin", "tags", "status",
    "verdict", "pressure", "zone", "next_on", "last_contact", "met_via", "met_on",
)
# A cell a spreadsheet would run as a formula. Phone-like values (+44 20 …) are
# left alone: without letters they can't call anything.
_FORMULA_START = re.compile(r"^[=@\t\r]|^[+\-](?![\d\s().\-/+]*$)")


def safe_cell(text: str) -> str:
    return "'" + text if _FORMULA_START.match(text) else text


def render(store: Store, now: datetime) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for summary in store.summaries(now):
        contact, assessment = summary.contact, summary.assessment
        last = assessment.last_contact
        writer.writerow(
            [
                safe_cell(value)
                for value in (
                    contact.name,
                    contact.company,
                    contact.role,
                    "; ".join(contact.emails),
                    contact.phone,
                    contact.linkedin,
                    "; ".join(contact.tags),
                    contact.status.value,
                    assessment.verdict.value,
                    str(assessment.pressure),
                    assessment.zone.value,
                    assessment.next_on.isoformat() if assessment.next_on else "",
                    last.astimezone(now.tzinfo).date().isoformat() if last else "",
                    contact.met_via.value if contact.met_via else "",
                    contact.met_on.isoformat() if contact.met_on else "",
                )
            ]
        )
    return buffer.getvalue().encode("utf-8")
