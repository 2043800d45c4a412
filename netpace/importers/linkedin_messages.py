"""LinkedIn's messages.csv (2021 and 2023+ forms) and the 2018 Messages.csv.

Current forms: you are the profile URL present in (nearly) every conversation, unless
`--me` names it; people are matched by profile URL, since display names carry headlines.
A message of yours whose recipient has no URL anywhere (the 2021 form lists none) goes to
the other participant of the conversation, else to the one contact with that exact name
(headline removed), else it is skipped. Drafts were never sent: skipped. A conversation
with more than one other participant is a group thread: kept in each participant's
timeline, marked `group` so the gauge leaves it out. The 2018 form has no URLs at all but
says the direction itself; its people can only be matched by name. Every message's kind
comes from its words (`domain.message_kinds`), else it is a reply or an update.
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
from .records import ImportOptions, InteractionRecord, Note, Person, Progress, Record, Skip
from .table import Row, Table, cell, read_table

SOURCE = "linkedin-messages"
SOURCE_2018 = "linkedin-messages-2018"
_PLACEHOLDER = re.compile(r"%[A-Z_]{3,}%")
_SYSTEM_TEXTS = {"message request accepted", "you are now connected"}
_HEADLINE = re.compile(r"\s+[-–—|·]\s+.*$")
_SKIPPED_FOLDERS = {"spam", "trash"}
_YES = {"yes", "true", "1"}


def is_header(names: set[str]) -> bool:
    current = {"conversation id", "from", "sender profile url", "date", "content"} <= names
    old = {"from", "to", "date", "content", "direction"} <= names
    return current or old


def read(path: Path, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    return read_data(read_bytes(path), path.name, options, progress)


def read_data(
    data: bytes, label: str, options: ImportOptions, progress: Progress, *, by_name: bool = False
) -> Iterator[Record]:
    """The file's bytes (from disk or from inside the export zip); `label` names it in
    progress. `by_name`: someone whose profile URL matches no contact may be the one
    contact with their exact name (an export whose Connections.csv has no URLs)."""
    table = read_table(data, is_header, what="a LinkedIn messages.csv")
    if table.column("sender profile url") is None:
        yield from _read_2018(label, table, options, progress)
    else:
        yield from _read_current(label, table, options, progress, by_name)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def display_name(text: str) -> str:
    """`Alex Rivera - Product Manager | Fintech` -> `Alex Rivera`."""
    return _HEADLINE.sub("", text.strip()).strip()


def name_from_profile(url: str) -> str:
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

    @property
    def note(self) -> str:
        return _note(self.subject, self.content)


def _read_current(
    label: str, table: Table, options: ImportOptions, progress: Progress, by_name: bool
) -> Iterator[Record]:
    col = {
        name: table.column(name)
        for name in (
            "conversation id", "conversation title", "from", "sender profile url", "to",
            "recipient profile urls", "date", "subject", "content", "folder", "is message draft",
        )
    }
    rows = list(table.rows())
    progress.start(f"Reading {label}", len(rows) * 2)
    messages: list[_Message] = []
    seen: dict[str, str] = {}
    for row in rows:
        progress.advance()
        if isinstance(row, tuple):
            yield Skip(*row)
            continue
        found = _message(row, col, seen)
        if isinstance(found, Skip):
            yield found
        else:
            messages.append(found)

    me, guessed = _owner(messages, options)
    if guessed:
        yield Note(f"you are {next(iter(me))}, the profile in the most conversations (--me overrides this).")
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
        kind = kind_of(message.note, Kind.REPLY if earlier - {message.sender} else Kind.UPDATE)
        earlier.add(message.sender)
        others_here = participants[message.conversation] - me
        group = len(others_here) > 1
        whole = (message.conversation, message.at.isoformat(), message.sender, message.content)
        if message.sender in me:
            others = sorted((set(message.recipients) - me) or others_here)
            if not others:
                yield _to_a_name(message, kind, _digest(*whole, ""))
                continue
            direction = Direction.OUT
        else:
            others = [message.sender]
            direction = Direction.IN
        for other in others:
            yield InteractionRecord(
                person=Person(
                    name=names.get(other) or name_from_profile(other),
                    linkedin=other,
                    match_by_name=by_name,
                ),
                at=message.at,
                direction=direction,
                where=message.line,
                channel=Channel.LINKEDIN,
                kind=kind,
                note=message.note,
                source=SOURCE,
                external_id=_digest(*whole, other),
                group=group,
                # Imported before the other side's URL was known (see _to_a_name).
                also=(_digest(*whole, ""),) if direction == Direction.OUT and not group else (),
            )


def _to_a_name(message: _Message, kind: Kind, external_id: str) -> Record:
    """A message of yours to someone whose profile URL is nowhere in the file (the 2021
    form names recipients only by display name): the one contact with that exact name."""
    name = display_name(message.to_names)
    if not name:
        return Skip(message.line, "sent by you, but the file doesn't say to whom")
    return InteractionRecord(
        person=Person(name=name, create=False),
        at=message.at,
        direction=Direction.OUT,
        where=message.line,
        channel=Channel.LINKEDIN,
        kind=kind,
        note=message.note,
        source=SOURCE,
        external_id=external_id,
    )


def _profile(raw: str, seen: dict[str, str]) -> str:
    """`normalize_linkedin`, once per distinct text: the same few URLs fill the file."""
    found = seen.get(raw)
    if found is None:
        found = seen[raw] = normalize_linkedin(raw)
    return found


def _message(row: Row, col: dict[str, int | None], seen: dict[str, str]) -> _Message | Skip:
    sender_name = cell(row, col["from"])
    raw_sender = cell(row, col["sender profile url"])
    content = cell(row, col["content"])
    title = cell(row, col["conversation title"])
    if not sender_name and not raw_sender:
        return Skip(row.line, "a system message (no sender)")
    if cell(row, col["is message draft"]).casefold() in _YES:
        return Skip(row.line, "a draft (never sent)")
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
    sender = _profile(raw_sender, seen)
    if not sender:
        return Skip(row.line, f"sender profile {raw_sender[:80]!r} is not a LinkedIn profile URL")
    at = _utc(cell(row, col["date"]))
    if at is None:
        return Skip(row.line, f"unreadable date {cell(row, col['date'])[:40]!r}")
    recipients = tuple(
        url
        for url in (_profile(part, seen) for part in re.split(r"[,;\s]+", cell(row, col["recipient profile urls"])))
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


def _owner(messages: list[_Message], options: ImportOptions) -> tuple[frozenset[str], bool]:
    """Your profile: `--me`, else the one present in more conversations than anyone
    (and True: it was guessed)."""
    given = frozenset(normalize_linkedin(value) for value in options.me) - {""}
    if given:
        return given, False
    if not messages:
        return frozenset(), False
    seen: dict[str, set[str]] = {}
    for message in messages:
        for url in (message.sender, *message.recipients):
            seen.setdefault(url, set()).add(message.conversation)
    ranking = Counter({url: len(conversations) for url, conversations in seen.items()}).most_common(2)
    top_url, top = ranking[0]
    second = ranking[1][1] if len(ranking) > 1 else 0
    if top >= 2 and top > second:
        return frozenset({top_url}), True
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


def _read_2018(label: str, table: Table, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    col = {name: table.column(name) for name in ("from", "to", "date", "subject", "content", "direction", "folder")}
    rows = list(table.rows())
    progress.start(f"Reading {label}", len(rows))
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
            kind=kind_of(_note(subject, content), Kind.REPLY if subject.casefold().startswith("re:") else Kind.UPDATE),
            note=_note(subject, content),
            source=SOURCE_2018,
            external_id=_digest(cell(row, col["from"]), cell(row, col["to"]), raw_date, subject, content),
        )


def _unescape(text: str) -> str:
    return html.unescape(text).replace("\xa0", " ")
