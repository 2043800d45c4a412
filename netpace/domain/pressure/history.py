"""What the engine reads of a contact's past: the items it weighs one by one, and totals
over the whole history."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Iterable, NamedTuple, Union

from .. import thresholds as limits
from ..model import NO_PACE, Channel, Direction, Interaction, Kind, Pace
from ..pace import measure

GIVING = frozenset({Kind.THANKS, Kind.GIVE})


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


class History(NamedTuple):
    """What the engine needs to know about a contact's past, up to `now`.

    `items` holds, sorted, at least every interaction within the decay window (plus a few
    days' margin) and every interaction since their last message or your last meeting;
    older ones only ever count through the totals. `digest` keeps everything; the store
    builds the same thing from its per-contact totals so it need not load all history (its
    items are `Moment`s). Messages in group conversations are not part of it. A named
    tuple: the store makes one per contact on every read.
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
    first_at: datetime | None = None  # the first interaction of all
    last_answer: datetime | None = None  # the last message of theirs or meeting
    pace: Pace = NO_PACE
    planned: datetime | None = None  # the next meeting logged ahead, after `now`
    unconfirmed: datetime | None = None  # the first one logged ahead that has passed, not yet confirmed


EMPTY_HISTORY = History((), 0, 0, 0, 0, 0, 0, None, None)

# How far back `History.items` must reach: the decay window plus the longest look-back
# (a burst) so the first message inside the window knows what came just before it.
WINDOW_DAYS = limits.DECAY_WINDOW_DAYS + limits.BURST_DAYS + 1


def logged_order(item: Item) -> tuple:
    """The order the engine reads a history in: by time, and at the same moment in the
    order they were logged (by id; unsaved ones last, in the order given). Sorting is
    stable, so items without ids keep the order they came in."""
    return (item.at, getattr(item, "id", None) or math.inf)


def counts(item: Item) -> bool:
    """Whether the engine weighs this interaction (group messages it doesn't)."""
    return not getattr(item, "group", False)


def ordered(interactions: Iterable[Item], now: datetime) -> list[Item]:
    return sorted((i for i in interactions if i.at <= now and counts(i)), key=logged_order)


def planned_moments(interactions: Iterable[Item], now: datetime) -> tuple[datetime | None, datetime | None]:
    """(the next meeting logged ahead after `now`, the first one that has passed unconfirmed)."""
    upcoming = passed = None
    for item in interactions:
        if getattr(item, "planned", False) and counts(item):
            if item.at > now:
                upcoming = item.at if upcoming is None else min(upcoming, item.at)
            else:
                passed = item.at if passed is None else min(passed, item.at)
    return upcoming, passed


def digest(interactions: Iterable[Interaction], now: datetime) -> History:
    interactions = tuple(interactions)
    items = ordered(interactions, now)
    outs = [i for i in items if i.direction == Direction.OUT]
    meetings = [i.at for i in items if i.direction == Direction.BOTH]
    talk = [i.at for i in items if i.direction != Direction.BOTH]
    answers = [i.at for i in items if i.direction != Direction.OUT]
    upcoming, passed = planned_moments(interactions, now)
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
        first_at=items[0].at if items else None,
        last_answer=max(answers) if answers else None,
        pace=measure(items),
        planned=upcoming,
        unconfirmed=passed,
    )
