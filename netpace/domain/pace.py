"""Each contact's own pace, from the whole history. Pure.

- **Reply time**: for every message of theirs that answered a run of yours, the time from
  the first message of that run to their answer (answers later than REPLY_PAIR_MAX_DAYS
  are a new conversation, not a reply). Their typical reply time is the median, once
  there are PACE_MIN_REPLIES of them; the follow-up window follows it.
- **Usual gap**: interactions less than CONVERSATION_BREAK_DAYS apart are one
  conversation; the median gap between the starts of conversations, once there are
  CADENCE_MIN_CONVERSATIONS, suggests a keep-in-touch cadence.

`measure` reads items in time order (anything with `.at` and `.direction`); the store runs
the same function over each contact's interactions when it refreshes its totals.
"""

from __future__ import annotations

import statistics
from typing import Iterable

from . import thresholds as limits
from .model import Direction, Pace

_DAY = 86400.0





def measure(items: Iterable) -> Pace:
    """The pace of a history, oldest first."""
    delays: list[float] = []
    starts: list[float] = []
    run_start: float | None = None
    previous: float | None = None
    longest_reply = limits.REPLY_PAIR_MAX_DAYS * _DAY
    conversation_break = limits.CONVERSATION_BREAK_DAYS * _DAY
    for item in items:
        ts = item.at.timestamp()
        if previous is None or ts - previous >= conversation_break:
            starts.append(ts)
        previous = ts
        direction = item.direction
        if direction == Direction.OUT:
            if run_start is None:
                run_start = ts
        else:
            if direction == Direction.IN and run_start is not None and ts - run_start <= longest_reply:
                delays.append(ts - run_start)
            run_start = None
    reply = statistics.median(delays) if len(delays) >= limits.PACE_MIN_REPLIES else None
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    gap = statistics.median(gaps) / _DAY if len(starts) >= limits.CADENCE_MIN_CONVERSATIONS else None
    return Pace(reply, len(delays), gap, len(starts))


def follow_up_days(pace: Pace) -> int:
    """How long to wait for an answer before one polite follow-up: PACE_FACTOR times their
    typical reply time, kept between PACE_MIN_DAYS and PACE_MAX_DAYS; the default
    FOLLOW_UP_AFTER_DAYS with too little history."""
    if pace.reply_seconds is None:
        return limits.FOLLOW_UP_AFTER_DAYS
    days = round(limits.PACE_FACTOR * pace.reply_seconds / _DAY)
    return max(limits.PACE_MIN_DAYS, min(limits.PACE_MAX_DAYS, days))


def suggested_cadence(pace: Pace) -> int | None:
    """A keep-in-touch cadence in days from the usual gap, rounded to the nearest of
    CADENCE_STEPS; None with too few conversations."""
    gap = pace.gap_days
    if gap is None:
        return None
    best = limits.CADENCE_STEPS[0]
    for step in limits.CADENCE_STEPS:  # ascending: on a tie the shorter step wins
        if abs(step - gap) < abs(best - gap):
            best = step
    return best


def reply_days_text(pace: Pace) -> str:
    """'2 days', 'a day', 'a few hours': their typical reply time in words."""
    seconds = pace.reply_seconds or 0.0
    if seconds < _DAY:
        hours = round(seconds / 3600)
        return "a few hours" if hours > 1 else "an hour"
    days = round(seconds / _DAY)
    return "a day" if days == 1 else f"{days} days"
