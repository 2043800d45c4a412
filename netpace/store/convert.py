"""Row <-> dataclass conversion at the storage boundary, and UTC handling."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from ..domain.model import Channel, Contact, Direction, Interaction, Kind, MetVia, Status
from ..domain.text import strip_controls as _safe

# Text is cleaned when saved; it is cleaned again when read, because the file may have been
# written by something else (an older netpace, another tool, a restored backup).


def to_db_time(moment: datetime) -> datetime:
    """Aware -> naive UTC, the form stored."""
    if moment.tzinfo is None:
        raise ValueError("times must be time-zone aware")
    u = moment.astimezone(timezone.utc)
    return datetime(u.year, u.month, u.day, u.hour, u.minute, u.second, u.microsecond)


def to_db_date(day: date | None) -> date | None:
    """A plain `date` (pendulum's subclass is not something sqlite3 can bind)."""
    return None if day is None else date(day.year, day.month, day.day)


def from_db_time(value: datetime | str, _parse=datetime.fromisoformat) -> datetime:
    """The stored form (naive UTC: text from SQLite, a datetime from PostgreSQL) -> aware UTC."""
    if isinstance(value, str):
        try:
            # One parse with the offset appended is ~5x cheaper than parsing and then
            # replacing the time zone, which dominated reading rows back.
            return _parse(value + "+00:00")
        except ValueError:
            value = _parse(value)
    return value.replace(tzinfo=timezone.utc)


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def tags_to_db(tags: tuple[str, ...]) -> str:
    return json.dumps(list(tags), ensure_ascii=False) if tags else ""


def tags_from_db(text: str) -> tuple[str, ...]:
    if not text:
        return ()
    try:
        value = json.loads(text)
    except ValueError:
        return ()
    return tuple(_safe(str(tag)) for tag in value) if isinstance(value, list) else ()


def contact_from_row(row, emails: tuple[str, ...]) -> Contact:
    return Contact(
        id=row.id,
        name=_safe(row.name),
        company=_safe(row.company),
        role=_safe(row.role),
        emails=tuple(_safe(e) for e in emails),
        phone=_safe(row.phone),
        linkedin=_safe(row.linkedin),
        met_via=MetVia(row.met_via) if row.met_via else None,
        met_on=_as_date(row.met_on),
        tags=tags_from_db(row.tags),
        notes=_safe(row.notes),
        keep_in_touch_days=row.keep_in_touch_days,
        status=Status(row.status),
        snoozed_until=_as_date(row.snoozed_until),
        created_at=from_db_time(row.created_at),
        updated_at=from_db_time(row.updated_at),
    )


INTERACTION_COLUMNS = (
    "id", "contact_id", "at", "direction", "channel", "kind", "note", "source", "external_id", "in_group",
    "planned",
)


def interaction_from_tuple(values: tuple) -> Interaction:
    id_, contact_id, at, direction, channel, kind, note, source, external_id, in_group, planned = values
    return Interaction(
        id=id_,
        contact_id=contact_id,
        at=from_db_time(at),
        direction=Direction(direction),
        channel=Channel(channel),
        kind=Kind(kind),
        note=_safe(note),
        source=source,
        external_id=external_id,
        group=bool(in_group),
        planned=bool(planned),
    )
