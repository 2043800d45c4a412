"""Today's queue: what to do today, a morning's work rather than a wall.

Every reply owed and every follow-up that is due, then at most a daily budget of
check-ins and reconnects, chosen and ordered by value: the strongest tie first, then the
most overdue. Snoozed and archived contacts stay out.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable, NamedTuple

from .model import ACTIONABLE, BUDGETED, ContactSummary


class Queue(NamedTuple):
    items: list[ContactSummary]
    waiting: int  # check-ins and reconnects the budget left for later days


def value_key(summary: ContactSummary) -> tuple:
    """The order of check-ins and reconnects: strongest tie, then most overdue."""
    a = summary.assessment
    return (-a.tie.strength, a.next_on or date.max, summary.contact.name.casefold(), summary.contact.id or 0)


def actionable(summaries: Iterable[ContactSummary], today: date) -> list[ContactSummary]:
    """Everyone with something to do, not snoozed or archived, in the order given."""
    return [s for s in summaries if s.assessment.verdict in ACTIONABLE and not s.contact.is_hidden_on(today)]


def todays_queue(summaries: Iterable[ContactSummary], today: date, budget: int) -> Queue:
    """Replies owed and follow-ups in the order given (the list's urgency order), then the
    `budget` most valuable check-ins and reconnects."""
    always, budgeted = [], []
    for summary in actionable(summaries, today):
        (budgeted if summary.assessment.verdict in BUDGETED else always).append(summary)
    budgeted.sort(key=value_key)
    chosen = budgeted[:max(0, budget)]
    return Queue(always + chosen, len(budgeted) - len(chosen))
