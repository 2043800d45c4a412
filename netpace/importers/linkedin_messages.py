"""LinkedIn's messages.csv (2021 and 2023+ forms) and the 2018 Messages.csv.

Current forms: you are the profile URL present in (nearly) every conversation, unless
`--me` names it; people are matched by profile URL only, since display names carry
headlines. The 2018 form has no URLs at all but says the direction itself; its people
can only be matched by name.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..domain.identity import normalize_linkedin
from ..domain.message_kinds import kind_of
from ..domain.model import Channel, Direction, Kind
from .dates import parse_moment
from .decoding import read_bytes
from .errors import NeedsOption
from .records import ImportOptions, InteractionRecord, Person, Progress, Record, Skip
from .table import Row, Table, cell, read_table

SOURCE = "linkedin-messages"
SOURCE_2018 = "linkedin-messages-2018"
_PLACEHOLDER = re.compile(r"%[A-Z_]{3,}%")
_SYSTEM_TEXTS = {"message request accepted", "you are now connected"}
_HEADLINE = re.compile(r"\s+[-–—|·]\s+.*$")
_SKIPPED_FOLDERS = {"spam", "trash"}


def _is_header(names: set[str]) -> bool:
    current = {"conversation id", "from", "sender profile url", "date", "content"} <= names
    old = {"from", "to", "date", "content", "direction"} <= names
    return current or old


def read(path: Path, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    table = read_table(read_bytes(path), _is_header, what="a LinkedIn messages.csv")
    if table.column("sender profile url") is None:
        yield from _read_2018(path, table, options, progress)
    else:
        yield from _read_current(path, table, options, progress)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def display_name(text: str) -> str:
    """`Alex Rivera - Product Manager | Fintech` -> `Alex Rivera`."""
    return _HEADLINE.sub("", text.strip()).strip()


def _name_from_profile(url: str) -> str:
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    words = [w for w in re.split(r"[-_]+", slug) if w and not any(ch.isdigit() for ch in w)]
    return " ".join(w[:1].upper() + w[1:] for w in words) or slug


@dataclass
class _Message:
    line: int
    conversation: str
    sender_name: str
    sender: str
    recipients: tuple[str, ...]
    to_names: str
    at: datetime
    subject: str
    content: str


def _read_current(path: Path, table: Table, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    col = {
        name: table.column(name)
        for name in (
            "conversation id", "conversation title", "from", "sender profile url", "to",
            "recipient profile urls", "date", "subject", "content", "folder",
        )
    }
    rows = list(table.rows())
    progress.start(f"Reading {path.name}", len(rows) * 2)
    messages: list[_Message] = []
    for row in rows:
        progress.advance()
        if isinstance(row, tuple):
            yield Skip(*row)
            continue
        found = _message(row, col)
        if isinstance(found, Skip):
            yield found
        else:
            messages.append(found)

    me = _owner(messages, options)
    names: dict[str, str] = {}
    participants: dict[str, set[str]] = {}
    for message in messages:
        names.setdefault(message.sender, display_name(message.sender_name))
        participants.setdefault(message.conversation, set()).add(message.sender)
        participants[message.conversation].update(message.recipients)
        if len(message.recipients) == 1 and message.to_names and message.sender in me:
            names.setdefault(message.recipients[0], display_name(message.to_names))

    # Oldest first, so "an earlier message came from them" marks a reply.
    messages.sort(key=lambda m: (m.conversation, m.at, m.line))
    heard_from: dict[str, set[str]] = {}
    for message in messages:
        progress.advance()
        earlier = heard_from.setdefault(message.conversation, set())
        kind = Kind.REPLY if earlier - {message.sender} else Kind.UPDATE
        earlier.add(message.sender)
        if message.sender in me:
            others = sorted((set(message.recipients) or participants[message.conversation]) - me)
            if not others:
                yield Skip(message.line, "sent by you, but the recipient's profile URL is not in the file")
                continue
            direction = Direction.OUT
        else:
            others = [message.sender]
            direction = Direction.IN
        for other in others:
            yield InteractionRecord(
                person=Person(
                    name=names.get(other) or _name_from_profile(other),
                    linkedin=other,
                    match_by_name=False,
                ),
                at=message.at,
                direction=direction,
                where=message.line,
                channel=Channel.LINKEDIN,
                kind=kind_of(f"{message.subject} {message.content}", kind),
                note=_note(message.subject, message.content),
                source=SOURCE,
                external_id=_digest(message.conversation, message.at.isoformat(), message.sender, message.content, other),
            )


def _message(row: Row, col: dict[str, int | None]) -> _Message | Skip:
    sender_name = cell(row, col["from"])
    raw_sender = cell(row, col["sender profile url"])
    content = cell(row, col["content"])
    title = cell(row, col["conversation title"])
    if not sender_name and not raw_sender:
        return Skip(row.line, "a system message (no sender)")
    if content.strip().casefold() in _SYSTEM_TEXTS:
        return Skip(row.line, "a system message")
    if (
        sender_name.casefold() == "linkedin member"
        or not raw_sender
        or _PLACEHOLDER.search(content)
        or title.casefold().startswith("sponsored")
    ):
        return Skip(row.line, "a sponsored message")
    if cell(row, col["folder"]).casefold() in _SKIPPED_FOLDERS:
        return Skip(row.line, f"in the {cell(row, col['folder'])} folder")
    sender = normalize_linkedin(raw_sender)
    if not sender:
        return Skip(row.line, f"sender profile {raw_sender[:80]!r} is not a LinkedIn profile URL")
    at = _utc(cell(row, col["date"]))
    if at is None:
        return Skip(row.line, f"unreadable date {cell(row, col['date'])[:40]!r}")
    recipients = tuple(
        url
        for url in (normalize_linkedin(part) for part in re.split(r"[,\s]+", cell(row, col["recipient profile urls"])))
        if url
    )
    return _Message(
        line=row.line,
        conversation=cell(row, col["conversation id"]),
        sender_name=sender_name,
        sender=sender,
        recipients=recipients,
        to_names=cell(row, col["to"]),
        at=at,
        subject=cell(row, col["subject"]),
        content=content,
    )


def _utc(text: str) -> datetime | None:
    value = text.strip()
    for suffix in (" UTC", "Z"):
        if value.endswith(suffix):
            value = value[: -len(suffix)]
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment


def _owner(messages: list[_Message], options: ImportOptions) -> frozenset[str]:
    """Your profile: `--me`, else the one present in more conversations than anyone."""
    given = frozenset(normalize_linkedin(value) for value in options.me) - {""}
    if given:
        return given
    if not messages:
        return frozenset()
    seen: dict[str, set[str]] = {}
    for message in messages:
        for url in (message.sender, *message.recipients):
            seen.setdefault(url, set()).add(message.conversation)
    ranking = Counter({url: len(conversations) for url, conversations in seen.items()}).most_common(2)
    top_url, top = ranking[0]
    second = ranking[1][1] if len(ranking) > 1 else 0
    if top >= 2 and top > second:
        return frozenset({top_url})
    raise NeedsOption(
        "Can't tell which LinkedIn profile is yours from this file: "
        "pass it with --me https://www.linkedin.com/in/your-name."
    )


def _note(subject: str, content: str) -> str:
    content = content.strip()
    subject = subject.strip()
    if subject and content:
        return f"{subject}: {content}"
    return subject or content


def _read_2018(path: Path, table: Table, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    col = {name: table.column(name) for name in ("from", "to", "date", "subject", "content", "direction", "folder")}
    rows = list(table.rows())
    progress.start(f"Reading {path.name}", len(rows))
    for row in rows:
        progress.advance()
        if isinstance(row, tuple):
            yield Skip(*row)
            continue
        direction_text = cell(row, col["direction"]).upper()
        subject = _unescape(cell(row, col["subject"]))
        content = _unescape(cell(row, col["content"]))
        if cell(row, col["folder"]).casefold() in _SKIPPED_FOLDERS:
            yield Skip(row.line, f"in the {cell(row, col['folder'])} folder")
            continue
        if not subject and not content:
            yield Skip(row.line, "no subject and no text: a sponsored or system message")
            continue
        if direction_text == "OUTGOING":
            direction, other = Direction.OUT, cell(row, col["to"])
        elif direction_text == "INCOMING":
            direction, other = Direction.IN, cell(row, col["from"])
        else:
            yield Skip(row.line, f"direction {direction_text[:20]!r} is neither INCOMING nor OUTGOING")
            continue
        other = display_name(other)
        if not other or other.casefold() == "linkedin member" or "," in other:
            yield Skip(row.line, "no single person on the other side")
            continue
        raw_date = cell(row, col["date"])
        at = parse_moment(raw_date, options.tz)
        if at is None:
            yield Skip(row.line, f"unreadable date {raw_date[:40]!r}")
            continue
        yield InteractionRecord(
            person=Person(name=other),
            at=at,
            direction=direction,
            where=row.line,
            channel=Channel.LINKEDIN,
            kind=kind_of(f"{subject} {content}", Kind.REPLY if subject.casefold().startswith("re:") else Kind.UPDATE),
            note=_note(subject, content),
            source=SOURCE_2018,
            external_id=_digest(cell(row, col["from"]), cell(row, col["to"]), raw_date, subject, content),
        )


def _unescape(text: str) -> str:
    return html.unescape(text).replace("\xa0", " ")
