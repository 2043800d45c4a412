"""Tie strength: how real a relationship is, from its whole history. Pure.

Only a few totals are read (messages each way, meetings and calls, the first interaction
and the last one that came from them or was shared), so the store can compute it for the
whole network from its per-contact totals without reading any history.

    points   = what they wrote + MEETING_POINTS x meetings and calls
               + what you wrote, as far as it was matched by theirs and the meetings
    length   = 1 + LENGTH_PER_YEAR x years from the first interaction to their last
               (capped at LENGTH_YEARS)
    recency  = halves every RECENCY_HALF_LIFE_DAYS since the day of their last message
               or meeting (whole days: the tie changes at midnight)
    strength = 100 x (1 - e^(-points x length x recency / SCALE))

Nothing ever came back (no message from them, no meeting): no tie, whatever you sent.
Adding a reply or a meeting never lowers the strength: each term only grows with it.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

from . import thresholds as limits
from .model import Tie, TieLabel

_YEAR = 365.0 * 86400.0


def worth_reviving(tie: Tie) -> bool:
    return tie.strength >= limits.REVIVE_TIE


def label_of(strength: int) -> TieLabel:
    if strength >= limits.STRONG_TIE:
        return TieLabel.STRONG
    if strength >= limits.REGULAR_TIE:
        return TieLabel.REGULAR
    if strength > 0:
        return TieLabel.WEAK
    return TieLabel.NONE


def _base(sent: int, received: int, together: int, first_at: datetime | None,
          last_answer: datetime | None) -> tuple[float, float]:
    """(points x length, years): everything but the recency."""
    back = received + together
    if back <= 0 or last_answer is None:
        return 0.0, 0.0
    points = received + limits.TIE_MEETING_POINTS * together + min(sent, back)
    years = 0.0
    if first_at is not None:
        years = max(0.0, (last_answer.timestamp() - first_at.timestamp()) / _YEAR)
    length = 1.0 + limits.TIE_LENGTH_PER_YEAR * min(years, limits.TIE_LENGTH_YEARS)
    return points * length, years


def _strength(value: float) -> int:
    return max(0, min(100, round(100 * (1 - math.exp(-value / limits.TIE_SCALE)))))


def _strength_at(base: float, age_days: int) -> int:
    return _strength(base * 0.5 ** (age_days / limits.TIE_RECENCY_HALF_LIFE_DAYS))


def _age_days(last_answer: datetime, now: datetime) -> int:
    """Whole days from their last word to `now`, by the calendar of `now`'s zone: the tie
    changes at midnight, never in the middle of a day."""
    return max(0, (now.date() - last_answer.astimezone(now.tzinfo).date()).days)


def tie_strength(sent: int, received: int, together: int, first_at: datetime | None,
                 last_answer: datetime | None, now: datetime) -> Tie:
    """The tie on `now`'s day from the totals (see the module's docstring)."""
    base, years = _base(sent, received, together, first_at, last_answer)
    if base <= 0.0:
        return Tie(0, TieLabel.NONE, sent, received, together, years)
    strength = _strength_at(base, _age_days(last_answer, now))  # type: ignore[arg-type]
    return Tie(strength, label_of(strength), sent, received, together, years)


def label_changes_on(sent: int, received: int, together: int, first_at: datetime | None,
                     last_answer: datetime | None, now: datetime) -> date | None:
    """The day on which the tie's label (and whether it is worth reviving) next changes
    as it ages, or None. Strength only falls with time, so this is the day it drops below
    the lowest limit it is at or above on `now`'s day."""
    base, _ = _base(sent, received, together, first_at, last_answer)
    if base <= 0.0:
        return None
    current = tie_strength(sent, received, together, first_at, last_answer, now).strength
    last_day = last_answer.astimezone(now.tzinfo).date()  # type: ignore[union-attr]
    soonest: date | None = None
    for limit in (limits.STRONG_TIE, limits.REGULAR_TIE, limits.REVIVE_TIE, 1):
        if current < limit:
            continue
        # strength >= limit  <=>  base x 0.5^(age / half-life) >= -SCALE x ln(1 - (limit - 0.5) / 100)
        needed = -limits.TIE_SCALE * math.log(1 - (limit - 0.5) / 100)
        if needed <= 0:
            continue
        holds_for = math.floor(limits.TIE_RECENCY_HALF_LIFE_DAYS * math.log2(base / needed))
        # The closed form can be a day off where rounding meets the limit: settle it on
        # the strengths themselves.
        while holds_for > 0 and _strength_at(base, holds_for) < limit:
            holds_for -= 1
        while _strength_at(base, holds_for + 1) >= limit:
            holds_for += 1
        day = last_day + timedelta(days=holds_for + 1)
        if day > now.date() and (soonest is None or day < soonest):
            soonest = day
    return soonest
