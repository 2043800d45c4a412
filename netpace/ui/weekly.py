"""Weekly counts of what you sent and what they sent, for the gauge's history. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Sequence

from ..domain.model import Direction, Interaction

WEEKS = 12


@dataclass(frozen=True, slots=True)
class Weekly:
    """Oldest week first; the last entry is the seven days ending now."""

    out: tuple[int, ...]
    back: tuple[int, ...]

    @property
    def peak(self) -> int:
        return max((*self.out, *self.back, 0))


def weekly_counts(items: Sequence[Interaction], now: datetime, weeks: int = WEEKS) -> Weekly:
    """A meeting or call counts on both rows: both of you showed up."""
    out = [0] * weeks
    back = [0] * weeks
    for item in items:
        if item.at > now:
            continue
        age = (now - item.at).days // 7
        if age >= weeks:
            continue
        slot = weeks - 1 - age
        if item.direction in (Direction.OUT, Direction.BOTH):
            out[slot] += 1
        if item.direction in (Direction.IN, Direction.BOTH):
            back[slot] += 1
    return Weekly(tuple(out), tuple(back))
