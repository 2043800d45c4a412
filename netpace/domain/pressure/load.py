"""The gauge: the weighted, decaying sum of what you sent, and the pressure and zone it
reads as. Every factor is a named number in `thresholds`."""

from __future__ import annotations

import math
from typing import Sequence

from .. import thresholds as limits
from ..model import Direction, Kind, Zone

DAY_SECONDS = 86400.0
WINDOW_SECONDS = limits.DECAY_WINDOW_DAYS * DAY_SECONDS
_BURST_SECONDS = limits.BURST_DAYS * DAY_SECONDS
_HASTE_SECONDS = limits.HASTE_HOURS * 3600.0


# Where each zone starts on the 0-100 scale, in order (what the gauge draws).
ZONE_STARTS: tuple[tuple[Zone, int], ...] = (
    (Zone.CALM, 0),
    (Zone.WARM, limits.WARM),
    (Zone.PRESSING, limits.PRESSING),
    (Zone.PUSHY, limits.PUSHY),
)


def zone_of(pressure: float) -> Zone:
    """The zone a pressure (or a point of the gauge's scale) reads in."""
    if pressure >= limits.PUSHY:
        return Zone.PUSHY
    if pressure >= limits.PRESSING:
        return Zone.PRESSING
    if pressure >= limits.WARM:
        return Zone.WARM
    return Zone.CALM


def pressure_of(load: float) -> int:
    value = round(100 * (1 - math.exp(-max(0.0, load) / limits.SATURATION)))
    return max(0, min(100, value))


def decayed(load: float, seconds: float) -> float:
    """A load `seconds` later: it halves every HALF_LIFE_DAYS."""
    return load * 0.5 ** (seconds / DAY_SECONDS / limits.HALF_LIFE_DAYS)


def weighted_load(items: Sequence, now_ts: float, last_reply: int) -> tuple[float, bool]:
    """The weighted, decaying sum of what you sent, and whether your last message was
    hasty. See thresholds for each factor. `last_reply` is the index of the last item not
    from you (-1 if none): every message before it was answered.

    Runs (how many messages you sent before they answered) count only messages inside
    the decay window, so a message's weight never depends on history the window forgets.
    """
    out, both, inbound, ask_kind = Direction.OUT, Direction.BOTH, Direction.IN, Kind.ASK
    window, burst, haste = WINDOW_SECONDS, _BURST_SECONDS, _HASTE_SECONDS
    weights, default_weight = limits.KIND_WEIGHT, limits.DEFAULT_WEIGHT
    total = 0.0
    run = 0
    previous_out: float | None = None
    previous_out_or_meeting: float | None = None
    hasty_last = False
    after_theirs = False
    for index, item in enumerate(items):
        direction = item.direction
        if direction != out:
            run = 0
            previous_out = None
            after_theirs = direction == inbound
            if direction == both:
                previous_out_or_meeting = item.at.timestamp()
            continue
        answering, after_theirs = after_theirs, False
        ts = item.at.timestamp()
        age = now_ts - ts
        if age <= window:
            run += 1
            decay = 0.5 ** (age / DAY_SECONDS / limits.HALF_LIFE_DAYS)
            weight = weights.get(item.kind, default_weight)
            if index < last_reply:
                ask = limits.ANSWERED_ASK_WEIGHT if item.kind == ask_kind else 0.0
                total += decay * (ask + weight * limits.ANSWERED_SHARE * (run - 1))
            else:
                chase = 1 + limits.CHASE_STEP * (run - 1)
                bursty = previous_out is not None and ts - previous_out <= burst
                hasty = previous_out_or_meeting is not None and ts - previous_out_or_meeting < haste
                hasty_last = hasty
                total += (
                    decay * weight * chase
                    * (limits.BURST_FACTOR if bursty else 1.0)
                    * (limits.HASTE_FACTOR if hasty else 1.0)
                    * (limits.ANSWERING_SHARE if answering else 1.0)
                )
        previous_out = ts
        previous_out_or_meeting = ts
    return total, hasty_last
