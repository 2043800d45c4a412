"""One contact as the app's first view shows it (see store.standings)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ..domain.model import Status, Verdict, Zone


class FirstRow(NamedTuple):
    """One contact as the list first shows it. (A named tuple: there are 10,000 at launch.)"""

    id: int
    name: str
    company: str
    status: Status
    snoozed_until: date | None
    pressure: int
    zone: Zone
    verdict: Verdict
    next_on: date | None
