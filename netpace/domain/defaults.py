"""What quick capture and `netpace log` assume when the user doesn't say."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Sequence

from .model import Channel, Direction, Interaction, Kind


def default_channel(history: Sequence[Interaction]) -> Channel:
    """Your usual channel with them (what you write on most), else e-mail."""
    counts = Counter(i.channel for i in history if i.direction == Direction.OUT)
    if not counts:
        counts = Counter(i.channel for i in history if i.channel not in (Channel.IN_PERSON,))
    return counts.most_common(1)[0][0] if counts else Channel.EMAIL


def default_kind(direction: Direction, history: Sequence[Interaction], at: datetime) -> Kind:
    """A sensible kind: a meeting, a reply to them, an intro, or a follow-up on silence."""
    if direction == Direction.BOTH:
        return Kind.MEETING
    earlier = sorted((i for i in history if i.at <= at), key=lambda i: i.at)
    if direction == Direction.IN:
        return Kind.REPLY if any(i.direction == Direction.OUT for i in earlier) else Kind.INTRO
    if not earlier:
        return Kind.INTRO
    return Kind.REPLY if earlier[-1].direction == Direction.IN else Kind.FOLLOW_UP
