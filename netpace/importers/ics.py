"""Meetings from iCalendar files, read with the icalendar package.

A VEVENT with attendees is a meeting (`both`) with each attendee and the organizer who
is not you: counted once per UID (the highest SEQUENCE), never when CANCELLED, never
with rooms or resources, declined attendees, or the recipients of a VALARM. One that
hasn't happened yet is kept as planned (a meeting logged ahead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Iterator

import icalendar

from ..domain.identity import email_key
from ..domain.model import Channel, Direction, Kind
from ..domain.text import one_line
from .decoding import read_bytes
from .errors import NeedsOption, Unreadable
from .records import ImportOptions, InteractionRecord, Person, Progress, Record, Skip

SOURCE = "ics"
_VEVENT_LINE = re.compile(r"^[ \t]*begin:vevent[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_VIDEO_HINTS = re.compile(
    r"zoom\.us|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com|webex\.com|whereby\.com"
    r"|meet\.jit\.si|gotomeeting\.com|chime\.aws|skype",
    re.IGNORECASE,
)
_CONFERENCE_PROPERTIES = ("conference", "x-google-conference", "x-microsoft-skypeteamsmeetingurl",
                          "x-microsoft-onlinemeetingconfurl", "x-microsoft-onlinemeetingexternallink")
_NOT_PEOPLE = {"ROOM", "RESOURCE"}
# A meeting at noon on an all-day event's date, like a typed date with no time.
_ALL_DAY_TIME = time(12, 0)


@dataclass
class _Event:
    line: int
    uid: str
    sequence: int
    master: bool
    component: object


def _line_numbers(text: str) -> list[int]:
    """Line of each BEGIN:VEVENT, in file order (which is icalendar's walk order)."""
    return [text.count("\n", 0, m.start()) + 1 for m in _VEVENT_LINE.finditer(text)]


def _parse(data: bytes, path: Path) -> list:
    try:
        return icalendar.Calendar.from_ical(data, multiple=True)
    except Exception as error:  # icalendar raises ValueError and friends on garbage
        raise Unreadable(f"{path} is not a calendar icalendar can read ({_short(error)}).") from None


def _short(error: Exception) -> str:
    text = " ".join(str(error).split())
    return (text[:100] + "…") if len(text) > 100 else (text or type(error).__name__)


def read(path: Path, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    data = read_bytes(path)
    components = _parse(data, path)
    text = data.decode("utf-8", errors="replace")
    lines = _line_numbers(text)
    events = [c for top in components for c in top.walk() if c.name == "VEVENT"]
    progress.start(f"Reading {path.name}", len(events) * 2)

    latest: dict[str, _Event] = {}
    order: list[str] = []
    for index, component in enumerate(events):
        progress.advance()
        line = lines[index] if index < len(lines) else 0
        try:
            event = _event(component, line)
        except Exception as error:  # a property icalendar kept but can't convert
            yield Skip(line, f"unreadable event ({_short(error)})")
            continue
        kept = latest.get(event.uid)
        if kept is None:
            order.append(event.uid)
        if kept is None or (event.sequence, event.master) >= (kept.sequence, kept.master):
            if kept is not None:
                yield Skip(kept.line, f"superseded by the same event (UID) at line {event.line}")
            latest[event.uid] = event
        else:
            yield Skip(event.line, f"superseded by the same event (UID) at line {kept.line}, a higher SEQUENCE")

    mine = options.my_emails or _guess_me([latest[uid] for uid in order])
    for uid in order:
        progress.advance()
        event = latest[uid]
        try:
            yield from _meeting(event, mine, options)
        except Exception as error:  # a value shape icalendar accepted but we can't use
            yield Skip(event.line, f"unusable event ({_short(error)})")


def _event(component, line: int) -> _Event:
    uid = one_line(str(component.get("uid", "")))
    if not uid:
        start = component.get("dtstart")
        uid = "no-uid:" + one_line(f"{start.to_ical().decode() if start else ''}|{component.get('summary', '')}")
    try:
        sequence = int(component.get("sequence", 0))
    except (TypeError, ValueError):
        sequence = 0
    return _Event(line, uid, sequence, component.get("recurrence-id") is None, component)


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _param(prop, name: str) -> str:
    params = getattr(prop, "params", {}) or {}
    return one_line(str(params.get(name, "")))


def _guess_me(events: list[_Event]) -> frozenset[str]:
    """Without --me: the address on every event with attendees (needs two events)."""
    common: set[str] | None = None
    count = 0
    for event in events:
        people = {email_key(str(a)) for a in _as_list(event.component.get("attendee"))}
        people |= {email_key(str(o)) for o in _as_list(event.component.get("organizer"))}
        people.discard("")
        if not people:
            continue
        count += 1
        common = people if common is None else common & people
    if count >= 2 and common and len(common) == 1:
        return frozenset(common)
    raise NeedsOption(
        "Can't tell which attendee is you in this calendar: add --me you@example.com "
        "(repeat it for each address you use)."
    )


def _meeting(event: _Event, mine: frozenset[str], options: ImportOptions) -> Iterator[Record]:
    component = event.component
    status = one_line(str(component.get("status", ""))).upper()
    if status == "CANCELLED":
        yield Skip(event.line, "a cancelled event")
        return
    attendees = _as_list(component.get("attendee"))
    if not attendees:
        yield Skip(event.line, "no attendees: an appointment, not a meeting")
        return
    start = _start(component, options)
    if start is None:
        yield Skip(event.line, "no usable start time (DTSTART)")
        return
    ahead = start > options.now  # kept as planned: it holds nudges until it has passed

    people: dict[str, str] = {}
    for prop in [*_as_list(component.get("organizer")), *attendees]:
        address = email_key(str(prop))
        if not address or address in mine or address in people:
            continue
        if _param(prop, "CUTYPE").upper() in _NOT_PEOPLE:
            continue
        if _param(prop, "PARTSTAT").upper() == "DECLINED":
            continue
        people[address] = _param(prop, "CN").strip('"') or address
    if not people:
        yield Skip(event.line, "nobody but you (or rooms) attended")
        return

    summary = one_line(str(component.get("summary", ""))) or "(no title)"
    channel = Channel.VIDEO if _is_video(component) else Channel.IN_PERSON
    for address, name in people.items():
        yield InteractionRecord(
            person=Person(name=name, emails=(address,)),
            at=start,
            direction=Direction.BOTH,
            where=event.line,
            channel=channel,
            kind=Kind.MEETING,
            note=summary,
            source=SOURCE,
            external_id=f"{event.uid}|{address}",
            planned=ahead,
        )


def _start(component, options: ImportOptions) -> datetime | None:
    prop = component.get("dtstart")
    value = getattr(prop, "dt", None)
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=options.tz)
    if isinstance(value, date):
        return datetime.combine(value, _ALL_DAY_TIME, tzinfo=options.tz)
    return None


def _is_video(component) -> bool:
    if component.get("url") is not None:
        return True
    if any(component.get(name) is not None for name in _CONFERENCE_PROPERTIES):
        return True
    text = " ".join(str(component.get(name, "")) for name in ("location", "description"))
    return bool(_VIDEO_HINTS.search(text))
