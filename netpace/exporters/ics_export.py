"""The follow-ups due soon, as all-day calendar entries with a morning reminder.

One entry per contact whose verdict asks for action now (reply owed, follow-up,
check-in: shown today, even when overdue) or whose next date falls in the window.
Each contact keeps one UID, so importing a newer export moves the entry instead of
adding a second one.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import icalendar

from ..domain.model import ACTIONABLE, ContactSummary, Verdict
from ..domain.text import one_line, strip_controls
from ..store.store import Store

DEFAULT_DAYS = 14
REMINDER_AFTER_MIDNIGHT = timedelta(hours=9)
_WHAT = {
    Verdict.REPLY_OWED: "Reply to {name}",
    Verdict.FOLLOW_UP: "Follow up with {name}",
    Verdict.CHECK_IN: "Check in with {name}",
    Verdict.WAIT: "Follow up with {name} (the wait is over)",
    Verdict.BACK_OFF: "{name}: fine to write again",
    Verdict.OK: "Check in with {name}",
}


def due(summaries: list[ContactSummary], today: date, days: int) -> list[tuple[date, ContactSummary]]:
    """(day, summary) for each entry, by day then name."""
    end = today + timedelta(days=days)
    entries = []
    for summary in summaries:
        assessment = summary.assessment
        next_on = assessment.next_on
        if assessment.verdict in ACTIONABLE:
            day = max(next_on or today, today)
        elif next_on is not None and today <= next_on < end:
            day = next_on
        else:
            continue
        if day < end:
            entries.append((day, summary))
    entries.sort(key=lambda entry: (entry[0], entry[1].contact.name.casefold()))
    return entries


def _event(day: date, summary: ContactSummary, stamp: datetime) -> icalendar.Event:
    contact, assessment = summary.contact, summary.assessment
    title = _WHAT[assessment.verdict].format(name=one_line(contact.name))
    description = "\n".join(
        [*assessment.reasons, f"Pressure {assessment.pressure}/100 ({assessment.zone.value})."]
    )
    event = icalendar.Event()
    event.add("uid", f"netpace-contact-{contact.id}@netpace")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", title)
    event.add("description", strip_controls(description))
    event.add("categories", ["netpace"])
    event.add("transp", "TRANSPARENT")
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", REMINDER_AFTER_MIDNIGHT)
    event.add_component(alarm)
    return event


def render(store: Store, now: datetime, days: int = DEFAULT_DAYS) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//netpace//follow-ups//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "netpace follow-ups")
    stamp = now.astimezone(timezone.utc)
    today = now.date()
    for day, summary in due(store.summaries(now, include_hidden=False), today, days):
        calendar.add_component(_event(day, summary, stamp))
    return calendar.to_ical()
