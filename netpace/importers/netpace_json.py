"""netpace's own json export (see exporters/json_export.py for the schema)."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterator

from ..domain.model import Channel, Direction, Kind, MetVia, Status
from .decoding import decode_text, read_bytes
from .errors import Unreadable
from .records import ContactRecord, ImportOptions, InteractionRecord, Person, Progress, Record, Skip

SCHEMA_KEY = "netpace_export"
SCHEMA_VERSION = 1


class _Bad(ValueError):
    pass


def read(path: Path, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    try:
        document = json.loads(decode_text(read_bytes(path)))
    except json.JSONDecodeError as error:
        raise Unreadable(f"{path} is not valid JSON (line {error.lineno}: {error.msg.lower()}).") from None
    except RecursionError:
        raise Unreadable(f"{path} is nested too deeply to be a netpace export.") from None
    if not isinstance(document, dict) or SCHEMA_KEY not in document:
        raise Unreadable(f"{path} is JSON, but not a netpace export (no {SCHEMA_KEY!r} key).")
    version = document[SCHEMA_KEY]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise Unreadable(f"{path} has an unknown export version {str(version)[:20]!r}.")
    if version > SCHEMA_VERSION:
        raise Unreadable(
            f"{path} was written by a newer netpace (export version {version}; this one reads {SCHEMA_VERSION})."
        )
    contacts = document.get("contacts", [])
    interactions = document.get("interactions", [])
    if not isinstance(contacts, list) or not isinstance(interactions, list):
        raise Unreadable(f"{path} is damaged: 'contacts' and 'interactions' must be lists.")
    progress.start(f"Reading {path.name}", len(contacts) + len(interactions))

    people: dict[object, Person] = {}
    for index, item in enumerate(contacts):
        progress.advance()
        where = f"contacts[{index}]"
        try:
            key, person = _person(item)
        except _Bad as error:
            yield Skip(where, str(error))
            continue
        people[key] = person
        yield ContactRecord(person, where)
    for index, item in enumerate(interactions):
        progress.advance()
        where = f"interactions[{index}]"
        try:
            yield _interaction(item, people, where)
        except _Bad as error:
            yield Skip(where, str(error))


def _text(item: dict, name: str, default: str = "") -> str:
    value = item.get(name, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise _Bad(f"{name} should be text")
    return value


def _texts(item: dict, name: str) -> tuple[str, ...]:
    value = item.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(f"{name} should be a list of text")
    return tuple(value)


def _enum(kind, item: dict, name: str, default=None):
    value = item.get(name)
    if value is None:
        return default
    try:
        return kind(value)
    except ValueError:
        raise _Bad(f"{name} {str(value)[:30]!r} is not one netpace knows") from None


def _day(item: dict, name: str) -> date | None:
    value = item.get(name)
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _Bad(f"{name} {str(value)[:30]!r} is not a date (YYYY-MM-DD)") from None


def _moment(item: dict, name: str, required: bool = False) -> datetime | None:
    value = item.get(name)
    if value is None:
        if required:
            raise _Bad(f"no {name}")
        return None
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise _Bad(f"{name} {str(value)[:40]!r} is not an ISO date and time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _person(item) -> tuple[object, Person]:
    if not isinstance(item, dict):
        raise _Bad("not an object")
    key = item.get("id")
    if key is None or isinstance(key, (dict, list)):
        raise _Bad("no id")
    days = item.get("keep_in_touch_days")
    if days is not None and (not isinstance(days, int) or isinstance(days, bool)):
        raise _Bad("keep_in_touch_days should be a whole number")
    return key, Person(
        name=_text(item, "name"),
        emails=_texts(item, "emails"),
        linkedin=_text(item, "linkedin"),
        company=_text(item, "company"),
        role=_text(item, "role"),
        phone=_text(item, "phone"),
        met_via=_enum(MetVia, item, "met_via"),
        met_on=_day(item, "met_on"),
        tags=_texts(item, "tags"),
        notes=_text(item, "notes"),
        keep_in_touch_days=days,
        status=_enum(Status, item, "status"),
        snoozed_until=_day(item, "snoozed_until"),
        created_at=_moment(item, "created_at"),
        ref=f"contact:{key}",
    )


def _interaction(item, people: dict[object, Person], where: str) -> InteractionRecord:
    if not isinstance(item, dict):
        raise _Bad("not an object")
    contact_id = item.get("contact_id")
    person = None if isinstance(contact_id, (list, dict)) else people.get(contact_id)
    if person is None:
        raise _Bad(f"contact_id {json.dumps(contact_id)[:20]} is not among the contacts")
    external = item.get("external_id")
    if external is not None and not isinstance(external, str):
        raise _Bad("external_id should be text")
    group, planned = item.get("group", False), item.get("planned", False)
    if not isinstance(group, bool) or not isinstance(planned, bool):
        raise _Bad("group and planned should be true or false")
    return InteractionRecord(
        person=person,
        at=_moment(item, "at", required=True),
        direction=_enum(Direction, item, "direction") or _missing("direction"),
        where=where,
        channel=_enum(Channel, item, "channel", Channel.OTHER),
        kind=_enum(Kind, item, "kind", Kind.UPDATE),
        note=_text(item, "note"),
        source=_text(item, "source", "manual") or "manual",
        external_id=external,
        group=group,
        planned=planned,
    )


def _missing(name: str):
    raise _Bad(f"no {name}")
