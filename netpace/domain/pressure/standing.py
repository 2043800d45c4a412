"""A contact's place in the list in a form that stays true for a while, so a list can be
shown at a later `now` without reading the history again (the store keeps one per
contact between launches)."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import NamedTuple, Sequence

from .. import thresholds as limits
from ..model import Contact, Direction, Verdict
from .engine import MARGIN, decision_of, decision_days, plain_now, time_limits
from .history import History
from .load import WINDOW_SECONDS, decayed, pressure_of, weighted_load

_WAIT, _BACK_OFF = Verdict.WAIT, Verdict.BACK_OFF


class Standing(NamedTuple):
    """The decision (before the pushy check) until `decided_until`, and the load at
    `ref_ts`, which decays by the half-life alone until `load_until` (when an item leaves
    the decay window). Timestamps in seconds."""

    verdict: Verdict
    next_on: date | None
    decided_until: float
    load: float
    ref_ts: float
    load_until: float


def standing(contact: Contact, history: History, now: datetime) -> Standing:
    now = plain_now(now)
    today, now_ts = now.date(), now.timestamp()
    start, (verdict, next_on, _, _) = decision_of(contact, history, now, today)
    load, _ = weighted_load(history.items, now_ts, start - 1)
    return Standing(verdict, next_on, _standing_until(contact, history, now, today), load, now_ts,
                    _load_until(history.items, now_ts))


def _standing_until(contact: Contact, history: History, now: datetime, today: date) -> float:
    """Until when the verdict and date hold: the next of the days the decision compares
    today with, and the moments it compares the time with. Unlike the memo of
    `assess_histories` this is not capped at midnight: the reasons' wording changes daily,
    the verdict and its date only on these days."""
    until = math.inf
    for day in decision_days(contact, history, now):
        if day > today:
            until = min(until, datetime.combine(day, datetime.min.time(), now.tzinfo).timestamp() - MARGIN)
    return time_limits(contact, history, now, until)


def _load_until(items: Sequence, now_ts: float) -> float:
    """When the first of your messages inside the decay window leaves it (a millisecond
    early): until then the load only decays."""
    for item in items:
        if item.direction == Direction.OUT:
            ts = item.at.timestamp()
            if now_ts - ts <= WINDOW_SECONDS:
                return ts + WINDOW_SECONDS - MARGIN
    return math.inf


def standing_at(standing: Standing, now_ts: float) -> tuple[int, Verdict] | None:
    """(pressure, verdict) at `now_ts` from a standing, or None once it no longer holds
    (then assess the contact again)."""
    if not standing.ref_ts <= now_ts < min(standing.decided_until, standing.load_until):
        return None
    pressure = pressure_of(decayed(standing.load, now_ts - standing.ref_ts))
    verdict = standing.verdict
    if verdict == _WAIT and pressure >= limits.PUSHY:
        verdict = _BACK_OFF
    return pressure, verdict
