"""What every importer yields: plain records, free of storage detail.

A reader turns one file into a stream of `ContactRecord`, `InteractionRecord`, `Skip`
and `Note`; the shared merge step (`merge.py`) decides what they mean for the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Protocol, Union

from ..domain.identity import email_key
from ..domain.model import Channel, Direction, Kind, MetVia, Status


@dataclass(frozen=True, slots=True)
class Person:
    """Someone an import mentions. Empty fields mean "this file doesn't say"."""

    name: str = ""
    emails: tuple[str, ...] = ()
    linkedin: str = ""
    company: str = ""
    role: str = ""
    phone: str = ""
    met_via: MetVia | None = None
    met_on: date | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""
    keep_in_touch_days: int | None = None
    status: Status | None = None
    snoozed_until: date | None = None
    created_at: datetime | None = None
    # False when the file's names are not trustworthy identities (LinkedIn display
    # names carry headlines): then only e-mail and profile URL match.
    match_by_name: bool = True
    # A key that identifies this person within one file (the json export's ids).
    ref: str | None = None
    # False when the file names someone only well enough to find an existing contact
    # (a LinkedIn display name without a profile URL): no match is then a skip.
    create: bool = True


@dataclass(frozen=True, slots=True)
class ContactRecord:
    person: Person
    where: int | str


@dataclass(frozen=True, slots=True)
class InteractionRecord:
    person: Person
    at: datetime
    direction: Direction
    where: int | str
    channel: Channel = Channel.OTHER
    kind: Kind = Kind.UPDATE
    note: str = ""
    source: str = "import"
    external_id: str | None = None
    # A message in a group conversation: in this person's timeline, not weighed.
    group: bool = False
    # A meeting logged ahead (a future calendar event), not yet confirmed as done.
    planned: bool = False
    # Other external ids (same source) the same interaction may be stored under: what an
    # earlier import that knew less about the other person called it.
    also: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Skip:
    where: int | str
    reason: str


@dataclass(frozen=True, slots=True)
class Note:
    """Something the summary should say about the file (who it took you to be, ...)."""

    text: str


Record = Union[ContactRecord, InteractionRecord, Skip, Note]


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What a reader may need besides the file: who you are, the local zone, now."""

    now: datetime
    tz: tzinfo
    me: tuple[str, ...] = ()

    @property
    def my_emails(self) -> frozenset[str]:
        return frozenset(filter(None, (email_key(value) for value in self.me)))


class Progress(Protocol):
    def start(self, label: str, total: int) -> None: ...
    def advance(self, amount: int = 1) -> None: ...
    def finish(self) -> None: ...


@dataclass
class NoProgress:
    """Progress nobody sees: for pipes, tests and the TUI's own bar to replace."""

    done: int = 0
    total: int = 0
    labels: list[str] = field(default_factory=list)

    def start(self, label: str, total: int) -> None:
        self.labels.append(label)
        self.total = total
        self.done = 0

    def advance(self, amount: int = 1) -> None:
        self.done += amount

    def finish(self) -> None:
        pass
