"""The records netpace reasons about. Frozen dataclasses, free of any storage detail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


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
    REPLY = "reply"


class Status(StrEnum):
    ACTIVE = "active"
    SNOOZED = "snoozed"
    ARCHIVED = "archived"


class Verdict(StrEnum):
    REPLY_OWED = "reply_owed"
    FOLLOW_UP = "follow_up"
    CHECK_IN = "check_in"
    WAIT = "wait"
    BACK_OFF = "back_off"
    OK = "ok"


class Zone(StrEnum):
    CALM = "calm"
    WARM = "warm"
    PRESSING = "pressing"
    PUSHY = "pushy"


ACTIONABLE = frozenset({Verdict.REPLY_OWED, Verdict.FOLLOW_UP, Verdict.CHECK_IN})


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
        """Archived, or snoozed and the snooze has not ended by `today`."""
        if self.status == Status.ARCHIVED:
            return True
        if self.status == Status.SNOOZED:
            return self.snoozed_until is None or self.snoozed_until > today
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


@dataclass(frozen=True, slots=True)
class Assessment:
    pressure: int
    zone: Zone
    verdict: Verdict
    next_on: date | None
    reasons: tuple[str, ...]
    reply_rate: float | None
    unanswered: int
    last_contact: datetime | None
    ask_share: float | None
    sent: int = 0
    received: int = 0
    together: int = 0


@dataclass(frozen=True, slots=True)
class ContactSummary:
    """A contact with its assessment: what lists, triage and the UI show."""

    contact: Contact
    assessment: Assessment
    usual_channel: Channel | None = None
