"""What the app says about contacts, verdicts and silences, in words. Pure: no Textual."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Sequence

from ..domain.humanize import ago, day_label, days_text, month_name, relative_day, span
from ..domain.model import Assessment, Contact, Direction, Interaction, Status, Tie, Verdict
from ..domain.pace import reply_days_text
from ..domain.pressure import decide
from ..domain.text import one_line
from ..domain.wording import NEXT_WORD, VERDICT_LABEL

ARROW = {Direction.OUT: "->", Direction.IN: "<-", Direction.BOTH: "<->"}
DIRECTION_WORDS = {
    Direction.OUT: "you to them",
    Direction.IN: "them to you",
    Direction.BOTH: "together",
}
MET_WORDS = decide.MET_WORDS
# How each verdict is styled, by component-class name (each widget that shows verdicts
# defines these classes: contact-list--wait, pressure-gauge--wait, ...).
VERDICT_STYLE = {
    Verdict.REPLY_OWED: "urgent",
    Verdict.CONFIRM: "urgent",
    Verdict.FOLLOW_UP: "due",
    Verdict.CHECK_IN: "due",
    Verdict.RECONNECT: "due",
    Verdict.WAIT: "wait",
    Verdict.BACK_OFF: "back-off",
    Verdict.OK: "ok",
    Verdict.DORMANT: "quiet",
    Verdict.LET_GO: "quiet",
}
# Gaps shorter than this between two interactions are not worth a line.
SILENCE_MIN = timedelta(days=2)

STILL_LOADING = "Your network is still loading; try again in a moment."


def tie_label(tie: Tie) -> str:
    """'strong tie (76)'."""
    return f"{tie.label.value} tie ({tie.strength})"


def pace_words(a: Assessment, contact: Contact) -> str:
    """'answers within 2 days · talks every ~60 days (K: keep in touch every 60 days)'."""
    parts = []
    if a.pace.reply_seconds is not None:
        parts.append(f"answers within {reply_days_text(a.pace)}")
    if a.suggested_cadence is not None:
        part = f"talks every ~{a.suggested_cadence} days"
        if contact.keep_in_touch_days != a.suggested_cadence:
            part += f" (K: keep in touch every {a.suggested_cadence} days)"
        parts.append(part)
    return " · ".join(parts)


def label(value: str) -> str:
    """'in_person' -> 'in person'."""
    return value.replace("_", " ")


def verdict_label(verdict: Verdict) -> str:
    return VERDICT_LABEL[verdict]


def next_words(a: Assessment, today: date) -> str:
    """'until Thu 3 Dec', 'due today', 'since yesterday', or ''."""
    if a.next_on is None:
        return ""
    return f"{NEXT_WORD[a.verdict]} {relative_day(a.next_on, today)}".strip()


def verdict_sentence(a: Assessment, today: date) -> str:
    """'Wait until Thu 3 Dec', 'Reply owed since Sat 21 Nov', 'OK: nothing is due'."""
    head = verdict_label(a.verdict)
    head = "OK" if a.verdict == Verdict.OK else head[0].upper() + head[1:]
    rest = next_words(a, today)
    if rest:
        return f"{head} {rest}"
    return "OK: nothing is due" if a.verdict == Verdict.OK else head


def short_day(d: date | None, today: date) -> str:
    """For a narrow column: 'Thu 3 Dec' this year, '23 Feb 2027' (no weekday) in another."""
    if d is None:
        return ""
    if d.year != today.year:
        return f"{d.day} {month_name(d)} {d.year}"
    return relative_day(d, today)


def tiny_day(d: date | None, today: date) -> str:
    """For the narrowest column (6 cells): 'today', '3 Dec', "Feb'27" in another year (never
    'Feb 27', which reads as a day)."""
    if d is None:
        return ""
    if d == today:
        return "today"
    if d.year != today.year:
        return f"{month_name(d)}'{d.year % 100:02d}"
    return f"{d.day} {month_name(d)}"


def status_words(contact: Contact, today: date) -> str:
    if contact.status == Status.ARCHIVED:
        return "archived"
    if contact.status == Status.SNOOZED:
        if contact.snoozed_until is None:
            return "snoozed"
        if contact.snoozed_until > today:
            return f"snoozed until {day_label(contact.snoozed_until, today)}"
    return ""


def met_words(contact: Contact, today: date) -> str:
    """'Met at a conference on Tue 3 Nov', '' when nothing is known."""
    how = MET_WORDS.get(contact.met_via, "") if contact.met_via else ""
    when = f"on {day_label(contact.met_on, today)}" if contact.met_on else ""
    if not how and not when:
        return ""
    return " ".join(part for part in ("Met", how, when) if part)


def reach_words(contact: Contact) -> str:
    """'maren@nordlys.example · +47 22 33 44 55 · linkedin.com/in/maren-holt' (y copies the
    first address, O opens the profile or a mail)."""
    parts = [", ".join(one_line(a) for a in contact.emails), one_line(contact.phone)]
    profile = one_line(contact.linkedin)
    for prefix in ("https://", "http://", "www."):
        profile = profile.removeprefix(prefix)
    parts.append(profile)
    return " · ".join(part for part in parts if part)


def role_words(contact: Contact) -> str:
    role, company = one_line(contact.role), one_line(contact.company)
    if role and company:
        return f"{role} at {company}"
    return role or company


def when_words(at: datetime, now: datetime) -> str:
    """'3 weeks ago · Tue 3 Nov', 'just now · Thu 26 Nov 09:00' for today, 'in 3 days ·
    Sun 29 Nov 15:00' ahead."""
    local = at.astimezone(now.tzinfo)
    day = day_label(local.date(), now.date())
    if local.date() == now.date() or at > now:
        day = f"{day} {local:%H:%M}"
    return f"{ago(at, now)} · {day}"


def gap_words(gap: timedelta) -> str:
    days = gap.days
    return days_text(days) if 1 <= days <= 60 else span(gap)


def silence_between(earlier: Interaction, later: Interaction) -> str:
    """What the quiet between two interactions meant, or '' when too short to note."""
    gap = later.at - earlier.at
    if gap < SILENCE_MIN:
        return ""
    length = gap_words(gap)
    if earlier.direction == Direction.OUT and later.direction == Direction.OUT:
        return f"{length}, no reply"
    if earlier.direction == Direction.OUT:
        return f"{length} until they answered"
    if earlier.direction == Direction.IN and later.direction == Direction.OUT:
        return f"{length} until you answered"
    if earlier.direction == Direction.IN and later.direction == Direction.IN:
        return f"{length}, you didn't answer"
    return f"{length} of quiet"


def silence_since(last: Interaction, now: datetime) -> str:
    """The quiet from the latest interaction until now."""
    gap = now - last.at
    if gap < SILENCE_MIN:
        return ""
    length = gap_words(gap)
    if last.direction == Direction.OUT:
        return f"{length} so far, no reply"
    if last.direction == Direction.IN:
        return f"{length} so far, you haven't answered"
    return f"{length} of quiet since"


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One interaction with the silence that followed it (newest-first reading)."""

    item: Interaction
    silence_after: str
    ahead: bool = False  # a meeting logged ahead that hasn't come yet (no silence follows it)


def timeline_entries(items: Sequence[Interaction], now: datetime) -> list[TimelineEntry]:
    """Oldest first; each entry carries the silence between it and the next (or now).
    Meetings logged ahead come last (newest first: on top), with no silence."""
    ordered = sorted((i for i in items if i.at <= now), key=lambda i: (i.at, i.id or 0))
    entries = []
    for index, item in enumerate(ordered):
        if index + 1 < len(ordered):
            quiet = silence_between(item, ordered[index + 1])
        else:
            quiet = silence_since(item, now)
        entries.append(TimelineEntry(item, quiet))
    ahead = sorted((i for i in items if i.at > now and i.planned), key=lambda i: (i.at, i.id or 0))
    entries.extend(TimelineEntry(item, "", ahead=True) for item in ahead)
    return entries


def planned_words(item: Interaction, now: datetime) -> str:
    """'planned' for a meeting still ahead, 'planned: did it happen?' once it has passed
    unconfirmed, '' for everything else."""
    if not item.planned:
        return ""
    return "planned" if item.at > now else "planned, did it happen? m"


def change_words(before: Assessment | None, after: Assessment, today: date) -> str:
    """'pressure 42 -> 58, wait until Thu 3 Dec'."""
    sentence = verdict_sentence(after, today)
    sentence = sentence[0].lower() + sentence[1:] if sentence != "OK: nothing is due" else "nothing is due"
    if before is None:
        return f"pressure {after.pressure}, {sentence}"
    return f"pressure {before.pressure} -> {after.pressure}, {sentence}"
