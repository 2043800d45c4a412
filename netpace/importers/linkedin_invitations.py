"""LinkedIn's Invitations.csv: the note sent with an invitation, often the very first
message between two people.

`From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl`. An invitation
with a note is an interaction on its date: `out` when you invited them (OUTGOING), `in`
when they invited you (INCOMING), an intro unless its words say otherwise
(`domain.message_kinds`). The person is matched by profile URL. An invitation without a
note records nothing, so a pending invitation (someone not in Connections.csv) becomes a
contact only when it carries a note.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator

from ..domain.identity import normalize_linkedin
from ..domain.message_kinds import kind_of
from ..domain.model import Channel, Direction, Kind
from .dates import parse_moment
from .decoding import read_bytes
from .linkedin_messages import display_name, name_from_profile
from .records import ImportOptions, InteractionRecord, Note, Person, Progress, Record, Skip
from .table import Row, Table, cell, read_table

SOURCE = "linkedin-invitations"
_WHAT = "a LinkedIn Invitations.csv"


def is_header(names: set[str]) -> bool:
    return {"from", "to", "sent at", "direction"} <= names


def _table(data: bytes) -> Table:
    return read_table(data, is_header, what=_WHAT)


def _columns(table: Table) -> dict[str, int | None]:
    names = ("from", "to", "sent at", "message", "direction", "inviterprofileurl", "inviteeprofileurl")
    return {name: table.column(name) for name in names}


def read(path: Path, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    return read_data(read_bytes(path), path.name, options, progress)


def your_profile(data: bytes) -> str:
    """Your profile URL as the invitations tell it (the inviter of those you sent, the
    invitee of those you received), or "" when they don't agree or say nothing."""
    table = _table(data)
    col = _columns(table)
    found: set[str] = set()
    for row in table.rows():
        if isinstance(row, tuple):
            continue
        direction = cell(row, col["direction"]).upper()
        side = {"OUTGOING": "inviterprofileurl", "INCOMING": "inviteeprofileurl"}.get(direction)
        url = normalize_linkedin(cell(row, col[side])) if side else ""
        if url:
            found.add(url)
    return found.pop() if len(found) == 1 else ""


def read_data(data: bytes, label: str, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    """The file's bytes (from disk or from inside the export zip); `label` names it in progress."""
    table = _table(data)
    col = _columns(table)
    rows = list(table.rows())
    progress.start(f"Reading {label}", len(rows))
    without_note = 0
    for row in rows:
        progress.advance()
        if isinstance(row, tuple):
            yield Skip(*row)
            continue
        found = _invitation(row, col, options)
        if found is None:
            without_note += 1
        else:
            yield found
    if without_note:
        plural = "" if without_note == 1 else "s"
        yield Note(f"{without_note:,} invitation{plural} without a note: nothing to record.")


def _invitation(row: Row, col: dict[str, int | None], options: ImportOptions) -> Record | None:
    direction_text = cell(row, col["direction"]).upper()
    if direction_text == "OUTGOING":
        direction, name, raw_url = Direction.OUT, cell(row, col["to"]), cell(row, col["inviteeprofileurl"])
    elif direction_text == "INCOMING":
        direction, name, raw_url = Direction.IN, cell(row, col["from"]), cell(row, col["inviterprofileurl"])
    else:
        return Skip(row.line, f"direction {direction_text[:20]!r} is neither INCOMING nor OUTGOING")
    message = cell(row, col["message"])
    if not message:
        return None
    raw_date = cell(row, col["sent at"])
    at = parse_moment(raw_date, options.tz)
    if at is None:
        return Skip(row.line, f"unreadable date {raw_date[:40]!r}")
    url = normalize_linkedin(raw_url)
    name = display_name(name) or (name_from_profile(url) if url else "")
    if not name:
        return Skip(row.line, "no one named on the other side")
    return InteractionRecord(
        # Matched by profile URL; without one (never seen, but the column may be deleted)
        # by name, as LinkedIn's 2018 messages are.
        person=Person(name=name, linkedin=url, match_by_name=not url),
        at=at,
        direction=direction,
        where=row.line,
        channel=Channel.LINKEDIN,
        kind=kind_of(message, Kind.INTRO),
        note=message,
        source=SOURCE,
        external_id=_digest(
            direction_text,
            normalize_linkedin(cell(row, col["inviterprofileurl"])),
            normalize_linkedin(cell(row, col["inviteeprofileurl"])),
            raw_date,
            message,
        ),
    )


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]
