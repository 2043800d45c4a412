"""The only place netpace reads the clock or the local time zone."""

from __future__ import annotations

from datetime import datetime

import pendulum

from .domain.when import parse_when


def local_now() -> datetime:
    return pendulum.now(pendulum.local_timezone())


def now_from(text: str | None) -> datetime:
    """`--now WHEN` (any WHEN form, read in the local zone), else the real time."""
    real = local_now()
    return real if text is None else parse_when(text, real)
