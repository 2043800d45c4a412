"""The list's order by urgency: the one home of the sort key (the store's first view and
the app's list both use it)."""

from __future__ import annotations

from datetime import date

from ..model import Verdict

TRIAGE_RANK: dict[Verdict, int] = {
    Verdict.REPLY_OWED: 0,
    Verdict.CONFIRM: 1,
    Verdict.FOLLOW_UP: 2,
    Verdict.CHECK_IN: 3,
    Verdict.RECONNECT: 4,
    Verdict.WAIT: 5,
    Verdict.BACK_OFF: 6,
    Verdict.OK: 7,
    Verdict.DORMANT: 8,
    Verdict.LET_GO: 9,
}


def triage_key(verdict: Verdict, next_on: date | None, pressure: int, name: str) -> tuple:
    """Most urgent verdict first; within one, the most overdue (earliest date), then the
    highest pressure, then the name."""
    return (TRIAGE_RANK[verdict], next_on or date.max, -pressure, name.casefold())
