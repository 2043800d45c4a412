"""Contacts, assessments and interactions as JSON values: one shape for every place that
writes JSON (the command line's --json and the export)."""

from __future__ import annotations

from datetime import date, datetime

from .model import Contact, ContactSummary, Interaction

def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def contact_json(contact: Contact) -> dict:
    return {
        "id": contact.id,
        "name": contact.name,
        "company": contact.company,
        "role": contact.role,
        "emails": list(contact.emails),
        "phone": contact.phone,
        "linkedin": contact.linkedin,
        "met_via": contact.met_via.value if contact.met_via else None,
        "met_on": _iso(contact.met_on),
        "tags": list(contact.tags),
        "notes": contact.notes,
        "keep_in_touch_days": contact.keep_in_touch_days,
        "status": contact.status.value,
        "snoozed_until": _iso(contact.snoozed_until),
    }


def assessment_json(summary: ContactSummary) -> dict:
    a = summary.assessment
    return {
        "id": summary.contact.id,
        "name": summary.contact.name,
        "company": summary.contact.company,
        "verdict": a.verdict.value,
        "pressure": a.pressure,
        "zone": a.zone.value,
        "next_on": _iso(a.next_on),
        "reasons": list(a.reasons),
        "reply_rate": None if a.reply_rate is None else round(a.reply_rate, 3),
        "unanswered": a.unanswered,
        "last_contact": _iso(a.last_contact),
        "ask_share": None if a.ask_share is None else round(a.ask_share, 3),
        "tie": a.tie.label.value,
        "tie_strength": a.tie.strength,
        "reply_days": None if a.pace.reply_seconds is None else round(a.pace.reply_seconds / 86400, 1),
        "follow_up_days": a.follow_up_days,
        "suggested_keep_in_touch_days": a.suggested_cadence,
    }


def interaction_json(item: Interaction) -> dict:
    return {
        "id": item.id,
        "at": _iso(item.at),
        "direction": item.direction.value,
        "channel": item.channel.value,
        "kind": item.kind.value,
        "note": item.note,
        "source": item.source,
        "planned": item.planned,
    }
