"""The pressure engine: how hard you are pushing a contact, and what to do next.

`assess` is pure: it sees one contact, their interactions and `now`, nothing else.
Every number it uses lives in `thresholds`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable, NamedTuple, Sequence, Union

from . import thresholds as T
from .humanize import ago, day_label, days_text, span, times
from .model import (
    NETWORKING_EVENTS,
    Assessment,
    Channel,
    Contact,
    Direction,
    Interaction,
    Kind,
    MetVia,
    Verdict,
    Zone,
)

_DAY = 86400.0

# After meeting someone this way, how many days until they expect to hear from you,
# and whether what is due then is a follow-up (expected) or a lighter check-in.
_MEETING_EXPECTATION: dict[MetVia, tuple[int, Verdict]] = {
    **{via: (T.EVENT_FOLLOW_UP_DAYS, Verdict.FOLLOW_UP) for via in NETWORKING_EVENTS},
    MetVia.INTERVIEW: (T.INTERVIEW_FOLLOW_UP_DAYS, Verdict.FOLLOW_UP),
    MetVia.REFERRAL: (T.REFERRAL_FOLLOW_UP_DAYS, Verdict.FOLLOW_UP),
    MetVia.SOCIAL: (T.SOCIAL_CHECK_IN_DAYS, Verdict.CHECK_IN),
}

_MET_WORDS: dict[MetVia, str] = {
    MetVia.EVENT: "at an event",
    MetVia.CONFERENCE: "at a conference",
    MetVia.MEETUP: "at a meetup",
    MetVia.CAREER_FAIR: "at a career fair",
    MetVia.INTERVIEW: "at an interview",
    MetVia.REFERRAL: "through a referral",
    MetVia.SOCIAL: "socially",
}

GIVING = frozenset({Kind.THANKS, Kind.GIVE})

TRIAGE_RANK: dict[Verdict, int] = {
    Verdict.REPLY_OWED: 0,
    Verdict.FOLLOW_UP: 1,
    Verdict.CHECK_IN: 2,
    Verdict.WAIT: 3,
    Verdict.BACK_OFF: 4,
    Verdict.OK: 5,
}


def kind_weight(kind: Kind) -> float:
    return T.KIND_WEIGHT.get(kind, T.DEFAULT_WEIGHT)


def zone_of(pressure: int) -> Zone:
    if pressure >= T.PUSHY:
        return Zone.PUSHY
    if pressure >= T.PRESSING:
        return Zone.PRESSING
    if pressure >= T.WARM:
        return Zone.WARM
    return Zone.CALM


def _order(item: "Item") -> tuple:
    # Same-moment ties: your messages before theirs (so a reply at the same moment
    # answers), heavier messages first, then content, so insertion order never matters.
    # The enums are StrEnums: they compare as their values, without the (slow) `.value`.
    return (
        item.at,
        0 if item.direction == Direction.OUT else 1,
        -kind_weight(item.kind),
        str.__str__(item.direction),
        str.__str__(item.kind),
        str.__str__(item.channel),
        item.note,
    )


class Moment(NamedTuple):
    """What the engine reads of one interaction. The store builds these, not
    `Interaction`s, for whole-network reads: a tuple is about five times cheaper to create
    than a frozen dataclass, and there are tens of thousands of them."""

    at: datetime
    direction: Direction
    channel: Channel
    kind: Kind
    note: str = ""


Item = Union[Interaction, Moment]


@dataclass(frozen=True, slots=True)
class History:
    """What the engine needs to know about a contact's past, up to `now`.

    `items` holds, sorted, at least every interaction within the decay window (plus a few
    days' margin) and every interaction since their last message or your last meeting;
    older ones only ever count through the totals. `digest` keeps everything; the store
    builds the same thing from SQL aggregates so it need not load all history (its items
    are `Moment`s).
    """

    items: tuple[Item, ...]
    total: int
    sent: int
    received: int
    together: int
    asks: int
    gives: int
    first_meeting: datetime | None
    last_not_meeting: datetime | None


def ordered(interactions: Iterable[Item], now: datetime) -> list[Item]:
    return sorted((i for i in interactions if i.at <= now), key=_order)


def digest(interactions: Iterable[Interaction], now: datetime) -> History:
    items = ordered(interactions, now)
    outs = [i for i in items if i.direction == Direction.OUT]
    meetings = [i.at for i in items if i.direction == Direction.BOTH]
    talk = [i.at for i in items if i.direction != Direction.BOTH]
    return History(
        items=tuple(items),
        total=len(items),
        sent=len(outs),
        received=sum(1 for i in items if i.direction == Direction.IN),
        together=len(meetings),
        asks=sum(1 for i in outs if i.kind == Kind.ASK),
        gives=sum(1 for i in outs if i.kind in GIVING),
        first_meeting=min(meetings) if meetings else None,
        last_not_meeting=max(talk) if talk else None,
    )


# How far back `History.items` must reach: the decay window plus the longest look-back
# (a burst) so the first message inside the window knows what came just before it.
WINDOW_DAYS = T.DECAY_WINDOW_DAYS + T.BURST_DAYS + 1


@dataclass(frozen=True, slots=True)
class _Load:
    total: float
    hasty_last: bool


def _load(items: Sequence[Item], now: datetime) -> _Load:
    """The weighted, decaying sum of what you sent. See thresholds for each factor.

    Runs (how many messages you sent before they answered) count only messages inside
    the decay window, so a message's weight never depends on history the window forgets.
    """
    out, both, ask_kind = Direction.OUT, Direction.BOTH, Kind.ASK
    # A message was answered if anything not from you comes after it: everything before
    # the last such item.
    last_reply = -1
    for index in range(len(items) - 1, -1, -1):
        if items[index].direction != out:
            last_reply = index
            break

    now_ts = now.timestamp()
    window = T.DECAY_WINDOW_DAYS * _DAY
    burst = T.BURST_DAYS * _DAY
    haste = T.HASTE_HOURS * 3600.0
    weights, default_weight = T.KIND_WEIGHT, T.DEFAULT_WEIGHT
    total = 0.0
    run = 0
    previous_out: float | None = None
    previous_out_or_meeting: float | None = None
    hasty_last = False
    for index, item in enumerate(items):
        direction = item.direction
        if direction != out:
            run = 0
            previous_out = None
            if direction == both:
                previous_out_or_meeting = item.at.timestamp()
            continue
        ts = item.at.timestamp()
        age = now_ts - ts
        if age <= window:
            run += 1
            decay = 0.5 ** (age / _DAY / T.HALF_LIFE_DAYS)
            weight = weights.get(item.kind, default_weight)
            if index < last_reply:
                ask = T.ANSWERED_ASK_WEIGHT if item.kind == ask_kind else 0.0
                total += decay * (ask + weight * T.ANSWERED_SHARE * (run - 1))
            else:
                chase = 1 + T.CHASE_STEP * (run - 1)
                bursty = previous_out is not None and ts - previous_out <= burst
                hasty = previous_out_or_meeting is not None and ts - previous_out_or_meeting < haste
                hasty_last = hasty
                total += (
                    decay * weight * chase
                    * (T.BURST_FACTOR if bursty else 1.0)
                    * (T.HASTE_FACTOR if hasty else 1.0)
                )
        previous_out = ts
        previous_out_or_meeting = ts
    return _Load(total, hasty_last)


def pressure_of(load: float) -> int:
    value = round(100 * (1 - math.exp(-max(0.0, load) / T.SATURATION)))
    return max(0, min(100, value))


def _local_date(moment: datetime, now: datetime) -> date:
    return moment.astimezone(now.tzinfo).date()


def assess(contact: Contact, interactions: Iterable[Interaction], now: datetime) -> Assessment:
    """How hard you are pushing `contact` at `now`, and what to do next."""
    if now.tzinfo is None:
        raise ValueError("now must be time-zone aware")
    return assess_history(contact, digest(interactions, now), now)


def assess_history(contact: Contact, history: History, now: datetime) -> Assessment:
    """`assess` on a digested history (see `History`)."""
    if now.tzinfo is None:
        raise ValueError("now must be time-zone aware")
    now = datetime.fromtimestamp(now.timestamp(), now.tzinfo)  # plain datetime arithmetic
    items = history.items
    today = now.date()
    load = _load(items, now)
    pressure = pressure_of(load.total)

    unanswered: list[Interaction] = []
    for item in reversed(items):
        if item.direction != Direction.OUT:
            break
        unanswered.append(item)
    unanswered.reverse()
    sent, received = history.sent, history.received
    reply_rate = min(1.0, received / sent) if sent else None
    ask_share = history.asks / sent if sent else None
    last_contact = items[-1].at if items else None

    ctx = _Context(contact, history, now, today, unanswered)
    verdict, next_on, reasons = ctx.decide()

    if verdict == Verdict.WAIT and pressure >= T.PUSHY:
        verdict = Verdict.BACK_OFF
        reasons.append("The gauge is in the pushy zone: let it cool before writing again.")
    previous = _previous_contact(items, unanswered[-1]) if load.hasty_last and unanswered else None
    if previous is not None:
        gap = span(unanswered[-1].at - previous.at)
        after = "you met" if previous.direction == Direction.BOTH else "your previous message"
        reasons.append(f"Your last message went out {gap} after {after}: that reads as eager.")
    if (
        sent >= T.ASK_HEAVY_MIN_SENT
        and ask_share is not None
        and ask_share >= T.ASK_HEAVY_SHARE
        and history.gives == 0
    ):
        reasons.append(
            f"{history.asks} of your {sent} messages were asks and none a thanks or a give: "
            "offer something before you ask again."
        )
    if sent >= 3:
        theirs = f"they wrote {times(received)}" if received else "they never wrote"
        reasons.append(f"In all, you wrote {times(sent)} and {theirs}.")

    return Assessment(
        pressure=pressure,
        zone=zone_of(pressure),
        verdict=verdict,
        next_on=next_on,
        reasons=tuple(reasons),
        reply_rate=reply_rate,
        unanswered=len(unanswered),
        last_contact=last_contact,
        ask_share=ask_share,
        sent=sent,
        received=received,
        together=history.together,
    )


def _previous_contact(items: Sequence[Item], item: Item) -> Item | None:
    """Your message or meeting just before `item`."""
    before = [i for i in items if i.at <= item.at and i is not item and i.direction != Direction.IN]
    return max(before, key=lambda i: i.at) if before else None


@dataclass
class _Context:
    contact: Contact
    history: History
    now: datetime
    today: date
    unanswered: list[Interaction]

    @property
    def items(self) -> tuple[Item, ...]:
        return self.history.items

    def local(self, moment: datetime) -> date:
        return _local_date(moment, self.now)

    def label(self, d: date) -> str:
        return day_label(d, self.today)

    def decide(self) -> tuple[Verdict, date | None, list[str]]:
        items = self.items
        if items and items[-1].direction == Direction.IN and items[-1].kind != Kind.THANKS:
            return self._their_turn_passed(items[-1])
        if self.unanswered:
            return self._awaiting_reply()
        met = self._meeting_expectation()
        if met is not None:
            return met
        return self._keeping_in_touch()

    def _their_turn_passed(self, theirs: Interaction) -> tuple[Verdict, date | None, list[str]]:
        written = self.local(theirs.at)
        when = ago(theirs.at, self.now)
        if self.now - theirs.at <= timedelta(days=T.REPLY_OWED_DAYS):
            return (
                Verdict.REPLY_OWED,
                written,
                [f"They wrote {when} ({self.label(written)}) and you haven't answered."],
            )
        return (
            Verdict.CHECK_IN,
            written + timedelta(days=T.REPLY_OWED_DAYS),
            [f"They wrote {when} and never heard back: a short, friendly note still beats silence."],
        )

    def _awaiting_reply(self) -> tuple[Verdict, date | None, list[str]]:
        waiting = self.unanswered
        count = len(waiting)
        last = waiting[-1]
        last_day = self.local(last.at)
        first_day = self.local(waiting[0].at)
        spread = (last_day - first_day).days + 1
        burst = count >= 2 and last.at - waiting[-2].at <= timedelta(days=T.BURST_DAYS)
        if count == 1:
            facts = f"Your message {ago(last.at, self.now)} has no reply yet."
        else:
            facts = f"{count} messages in {days_text(spread)}, no reply."
        heard = self._last_reply()
        if heard is not None and heard.direction == Direction.BOTH:
            facts += f" You last met or spoke {ago(heard.at, self.now)}."
        elif heard is not None:
            facts += f" They last wrote {ago(heard.at, self.now)}."

        if count >= T.BACK_OFF_UNANSWERED:
            until = last_day + timedelta(days=T.BACK_OFF_DAYS)
            if self.today < until:
                return (
                    Verdict.BACK_OFF,
                    until,
                    [facts, f"Leave them alone until {self.label(until)}; more now would be a barrage."],
                )
            return (
                Verdict.CHECK_IN,
                until,
                [facts, f"It's been {span(self.now - last.at)}: one friendly note without an ask is fine."],
            )
        gap = T.FOLLOW_UP_AFTER_DAYS if count == 1 else T.SECOND_FOLLOW_UP_AFTER_DAYS
        due = last_day + timedelta(days=gap)
        if burst and self.today < due:
            return (
                Verdict.BACK_OFF,
                due,
                [facts, f"Two messages within {days_text(T.BURST_DAYS)}: hold off until {self.label(due)}."],
            )
        if self.now - last.at > timedelta(days=T.DORMANT_DAYS):
            return (
                Verdict.CHECK_IN,
                due,
                [facts, "That was long ago: start fresh with a friendly note rather than chasing it."],
            )
        if self.today < due:
            return (Verdict.WAIT, due, [facts, f"Give them until {self.label(due)}."])
        if count == 1:
            return (
                Verdict.FOLLOW_UP,
                due,
                [facts, "One polite follow-up on that message is fine now."],
            )
        return (
            Verdict.CHECK_IN,
            due,
            [facts, "One last friendly note, with no ask, is the most that fits."],
        )

    def _last_reply(self) -> Interaction | None:
        for item in reversed(self.items):
            if item.direction != Direction.OUT:
                return item
        return None

    def _meeting_expectation(self) -> tuple[Verdict, date | None, list[str]] | None:
        via = self.contact.met_via
        if via not in _MEETING_EXPECTATION:
            return None
        met_on = self.contact.met_on
        if met_on is None:
            if self.history.first_meeting is None:
                return None
            met_on = self.local(self.history.first_meeting)
        if met_on > self.today:
            return None
        talk = self.history.last_not_meeting
        if talk is not None and self.local(talk) >= met_on:
            return None
        days, verdict = _MEETING_EXPECTATION[via]
        due = met_on + timedelta(days=days)
        how = _MET_WORDS[via]
        if self.today < due:
            when = "today" if met_on == self.today else f"on {self.label(met_on)}"
            note = "a short note tomorrow is the right pace" if days == 1 else (
                f"a note from {self.label(due)} is the right pace"
            )
            return (Verdict.WAIT, due, [f"You met {how} {when}: {note}."])
        waited = (self.today - met_on).days
        if waited > T.DORMANT_DAYS:
            return (
                Verdict.CHECK_IN,
                due,
                [f"You met {how} {span(timedelta(days=waited))} ago and never wrote: "
                 "remind them where you met."],
            )
        if verdict == Verdict.FOLLOW_UP:
            return (
                Verdict.FOLLOW_UP,
                due,
                [f"You met {how} on {self.label(met_on)} ({days_text(waited)} ago) and haven't "
                 "written since: they expect to hear from you."],
            )
        return (
            Verdict.CHECK_IN,
            due,
            [f"You met {how} {days_text(waited)} ago: a light note, not an ask."],
        )

    def _keeping_in_touch(self) -> tuple[Verdict, date | None, list[str]]:
        items = self.items
        cadence = self.contact.keep_in_touch_days
        last = items[-1] if items else None
        if cadence:
            if last is not None:
                start = self.local(last.at)
            elif self.contact.met_on is not None:
                start = self.contact.met_on
            elif self.contact.created_at is not None:
                start = self.local(self.contact.created_at)
            else:
                start = self.today
            due = start + timedelta(days=cadence)
            if self.today >= due:
                since = (
                    f"last contact {ago(last.at, self.now)}"
                    if last is not None
                    else "nothing logged yet"
                )
                return (
                    Verdict.CHECK_IN,
                    due,
                    [f"You keep in touch every {days_text(cadence)}; {since}: a friendly note, not an ask."],
                )
            return (
                Verdict.OK,
                None,
                [f"You keep in touch every {days_text(cadence)}; next check-in {self.label(due)}."],
            )
        if last is None:
            return (Verdict.OK, None, ["Nothing logged yet."])
        silent = self.now - last.at
        if silent >= timedelta(days=T.DORMANT_DAYS):
            due = self.local(last.at) + timedelta(days=T.DORMANT_DAYS)
            return (
                Verdict.CHECK_IN,
                due,
                [f"Silent for {span(silent)} after {self.history.total} exchanges: "
                 "don't let them forget you; a friendly note, not an ask."],
            )
        reasons = [f"Last contact {ago(last.at, self.now)}: nothing is owed either way."]
        theirs = next((i for i in reversed(items) if i.direction == Direction.IN), None)
        if theirs is not None and self.now - theirs.at <= timedelta(days=T.FOLLOW_UP_AFTER_DAYS):
            reasons.append(f"They replied {ago(theirs.at, self.now)}.")
        return (Verdict.OK, None, reasons)


def triage_key(verdict: Verdict, next_on: date | None, pressure: int, name: str) -> tuple:
    """Sort key: most urgent verdict first; within one, the most overdue (earliest date)."""
    return (TRIAGE_RANK[verdict], next_on or date.max, -pressure, name.casefold())
