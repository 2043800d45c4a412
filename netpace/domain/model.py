"""The records netpace reasons about. Frozen dataclasses, free of any storage detail."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple


class MetVia(StrEnum):
    EVENT = "event"
    CONFERENCE = "conference"
    MEETUP = "meetup"
    CAREER_FAIR = "career_fair"
    REFERRAL = "referral"
    INTERVIEW = "interview"
    COLLEAGUE = "colleague"
    COLD = "cold"
    SOCIAL = "social"
    ONLINE = "online"
    OTHER = "other"


NETWORKING_EVENTS = frozenset(
    {MetVia.EVENT, MetVia.CONFERENCE, MetVia.MEETUP, MetVia.CAREER_FAIR}
)


class Direction(StrEnum):
    OUT = "out"
    IN = "in"
    BOTH = "both"


class Channel(StrEnum):
    EMAIL = "email"
    LINKEDIN = "linkedin"
    FACEBOOK = "facebook"
    TEXT = "text"
    PHONE = "phone"
    VIDEO = "video"
    IN_PERSON = "in_person"
    OTHER = "other"


class Kind(StrEnum):
    INTRO = "intro"
    FOLLOW_UP = "follow_up"
    CHECK_IN = "check_in"
    ASK = "ask"
    THANKS = "thanks"
    GIVE = "give"
    UPDATE = "update"
    MEETING = "meeting"
    SCHEDULING = "scheduling"  # a message that sets up a meeting or call
    REPLY = "reply"


class Status(StrEnum):
    ACTIVE = "active"
    SNOOZED = "snoozed"
    ARCHIVED = "archived"


class Verdict(StrEnum):
    REPLY_OWED = "reply_owed"
    CONFIRM = "confirm"  # a meeting logged ahead has passed: did it happen?
    FOLLOW_UP = "follow_up"
    CHECK_IN = "check_in"
    RECONNECT = "reconnect"  # a dormant tie worth reviving
    WAIT = "wait"
    BACK_OFF = "back_off"
    OK = "ok"
    DORMANT = "dormant"  # silent a long time, not worth a note today
    LET_GO = "let_go"  # your messages went unanswered long ago: leave it to them


class Zone(StrEnum):
    CALM = "calm"
    WARM = "warm"
    PRESSING = "pressing"
    PUSHY = "pushy"


ACTIONABLE = frozenset({Verdict.REPLY_OWED, Verdict.CONFIRM, Verdict.FOLLOW_UP, Verdict.CHECK_IN, Verdict.RECONNECT})
# What today's queue shows only as many of as the daily budget allows (the rest of
# ACTIONABLE is always shown).
BUDGETED = frozenset({Verdict.CHECK_IN, Verdict.RECONNECT})


class TieLabel(StrEnum):
    STRONG = "strong"
    REGULAR = "regular"
    WEAK = "weak"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Tie:
    """How real a relationship is (see tie.py)."""

    strength: int  # 0-100
    label: TieLabel
    sent: int = 0
    received: int = 0
    together: int = 0
    years: float = 0.0  # from the first interaction to their last message or meeting


NO_TIE = Tie(0, TieLabel.NONE)


class Pace(NamedTuple):
    """A contact's own pace (see pace.py)."""

    reply_seconds: float | None  # their median reply time; None with too few replies
    replies: int  # how many replies it was measured on
    gap_days: float | None  # the median gap between conversations; None with too few
    conversations: int


NO_PACE = Pace(None, 0, None, 0)


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    id: int | None = None
    company: str = ""
    role: str = ""
    emails: tuple[str, ...] = ()
    phone: str = ""
    linkedin: str = ""
    met_via: MetVia | None = None
    met_on: date | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""
    keep_in_touch_days: int | None = None
    status: Status = Status.ACTIVE
    snoozed_until: date | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def is_hidden_on(self, today: date) -> bool:
        return hidden_on(self.status, self.snoozed_until, today)


def hidden_on(status: Status, snoozed_until: date | None, today: date) -> bool:
    """Archived, or snoozed and the snooze has not ended by `today`."""
    if status == Status.ARCHIVED:
        return True
    if status == Status.SNOOZED:
        return snoozed_until is None or snoozed_until > today
    return False


@dataclass(frozen=True, slots=True)
class Interaction:
    at: datetime
    direction: Direction
    channel: Channel = Channel.EMAIL
    kind: Kind = Kind.UPDATE
    note: str = ""
    id: int | None = None
    contact_id: int | None = None
    source: str = "manual"
    external_id: str | None = None
    # A message in a group conversation: shown in each participant's timeline, but not a
    # message to any one of them, so the gauge and the verdict leave it out.
    group: bool = False
    # A meeting or call logged ahead, not yet confirmed as done: it holds every nudge
    # until it has passed, then asks whether it happened (see pressure/decide.py).
    planned: bool = False


class Reasons(Sequence[str]):
    """An assessment's reasons, written the first time they are read.

    Whole-network views need every contact's verdict but the reasons of one or two, and
    writing them is most of what assessing costs. Reads like a tuple of strings (index,
    slice, iterate, `len`, `in`) and compares equal to the same tuple.
    """

    __slots__ = ("_write", "_args", "_text")

    def __init__(self, write: Callable[..., Sequence[str]] | Sequence[str], args: tuple = ()):
        """`Reasons(("a", "b"))`, or `Reasons(write, args)`: `write(*args)` writes them."""
        if callable(write):
            self._write, self._args, self._text = write, args, None
        else:
            self._write, self._args, self._text = None, (), tuple(write)

    @property
    def text(self) -> tuple[str, ...]:
        """The reasons as a plain tuple (written now if they were not yet)."""
        text = self._text
        if text is None:
            text = self._text = tuple(self._write(*self._args))
            self._write, self._args = None, ()
        return text

    def __getitem__(self, index):  # type: ignore[override]
        return self.text[index]

    def __len__(self) -> int:
        return len(self.text)

    def __iter__(self) -> Iterator[str]:
        return iter(self.text)

    def __contains__(self, value: object) -> bool:
        return value in self.text

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Reasons):
            return self.text == other.text
        if isinstance(other, tuple):
            return self.text == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return repr(self.text)

    def __reduce__(self):
        return (Reasons, (self.text,))


@dataclass(frozen=True, slots=True)
class Assessment:
    pressure: int
    zone: Zone
    verdict: Verdict
    next_on: date | None
    reasons: Reasons | tuple[str, ...]
    reply_rate: float | None
    unanswered: int
    last_contact: datetime | None
    ask_share: float | None
    sent: int = 0
    received: int = 0
    together: int = 0
    tie: Tie = NO_TIE
    pace: Pace = NO_PACE
    follow_up_days: int = 0  # how long this contact's follow-up window is
    suggested_cadence: int | None = None  # keep-in-touch days their usual gap suggests


@dataclass(frozen=True, slots=True)
class ContactSummary:
    """A contact with its assessment: what lists, triage and the UI show."""

    contact: Contact
    assessment: Assessment
    usual_channel: Channel | None = None
