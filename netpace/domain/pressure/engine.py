"""Assessing contacts: the pressure from the load, the verdict from `decide`, the reasons
written when read. `assess` is pure: it sees one contact, their interactions and `now`,
nothing else.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Iterable

from .. import thresholds as limits
from ..model import Assessment, Contact, Interaction, Reasons, Tie, Verdict
from ..pace import follow_up_days, suggested_cadence
from ..tie import label_changes_on
from . import reasons
from .decide import (
    MEETING_EXPECTATION,
    Decision,
    decide,
    silent_since,
    tie_of,
    unanswered_start,
    windows,
)
from .history import History, digest
from .load import pressure_of, weighted_load, zone_of
from .reasons import local_date

MARGIN = 0.001  # seconds: a decision's end is kept a millisecond early (float rounding)
_WAIT, _BACK_OFF = Verdict.WAIT, Verdict.BACK_OFF
_TIME_LIMITS = tuple(timedelta(days=days).total_seconds()
                     for days in (limits.REPLY_OWED_DAYS, limits.QUIET_DAYS, limits.DORMANT_DAYS))


def plain_now(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("now must be time-zone aware")
    return datetime.fromtimestamp(now.timestamp(), now.tzinfo)  # plain datetime arithmetic


def assess(contact: Contact, interactions: Iterable[Interaction], now: datetime) -> Assessment:
    """How hard you are pushing `contact` at `now`, and what to do next."""
    if now.tzinfo is None:
        raise ValueError("now must be time-zone aware")
    return assess_history(contact, digest(interactions, now), now)


def assess_history(contact: Contact, history: History, now: datetime) -> Assessment:
    """`assess` on a digested history (see `History`)."""
    now = plain_now(now)
    today, now_ts = now.date(), now.timestamp()
    start, decision = decision_of(contact, history, now, today)
    total, hasty_last = weighted_load(history.items, now_ts, start - 1)
    return finish(history, now, today, start, decision, total, hasty_last, extras_of(history, now))


def assess_histories(pairs: Iterable[tuple[Contact, History]], now: datetime,
                     memo: dict | None = None) -> list[Assessment]:
    """`assess_history` for many contacts at one `now` (what whole-network views need).

    `memo` (a dict the caller keeps between calls, by contact id) lets a later call reuse
    each contact's decision (verdict, date, which reasons) while it provably still holds:
    same contact and history objects, same day in the same zone, not before the moment it
    was taken (a clock set back is assessed afresh), and no moment passed at which the
    decision compares time to the clock. The pressure is always computed anew.
    """
    now = plain_now(now)
    today, now_ts = now.date(), now.timestamp()
    if memo is None:
        return [assess_history(contact, history, now) for contact, history in pairs]
    zone = now.tzinfo
    midnight = datetime.combine(today + timedelta(days=1), datetime.min.time(), zone).timestamp()
    kept = dict(memo)
    memo.clear()
    found = []
    for contact, history in pairs:
        entry = kept.get(contact.id)
        if (entry is None or entry[0] is not contact or entry[1] is not history or entry[2] != today
                or entry[3] != zone or not entry[9] <= now_ts < entry[4]):
            # A load that was zero stays zero while the history is the same (it only
            # decays, and items only leave the window): keep knowing since when.
            zero = entry[7] if entry is not None and entry[1] is history else None
            entry = (contact, history, today, zone, time_limits(contact, history, now, midnight - MARGIN),
                     *decision_of(contact, history, now, today), zero, extras_of(history, now), now_ts)
        if entry[7] is not None and entry[7] <= now_ts:
            total, hasty_last = 0.0, False  # no message of yours left unanswered in the window
        else:
            total, hasty_last = weighted_load(history.items, now_ts, entry[5] - 1)
            if total == 0.0:
                entry = (*entry[:7], now_ts, *entry[8:])
        memo[contact.id] = entry
        found.append(finish(history, now, today, entry[5], entry[6], total, hasty_last, entry[8]))
    return found


def decision_of(contact: Contact, history: History, now: datetime, today: date) -> tuple[int, Decision]:
    """Where the run of your unanswered messages at the end begins, and the decision."""
    start = unanswered_start(history.items)
    return start, decide(contact, history, now, today, start)


def extras_of(history: History, now: datetime) -> tuple[Tie, int, int | None]:
    """What an assessment tells besides the verdict, the same all day for one history: the
    tie (it changes at midnight), the follow-up window and the suggested cadence."""
    pace = history.pace
    return tie_of(history, now), follow_up_days(pace), suggested_cadence(pace)


def finish(history: History, now: datetime, today: date, start: int, decision: Decision, total: float,
           hasty_last: bool, extras: tuple[Tie, int, int | None]) -> Assessment:
    items = history.items
    pressure = pressure_of(total)
    sent, received = history.sent, history.received
    verdict, next_on, writer, values = decision
    pushy = verdict == _WAIT and pressure >= limits.PUSHY
    if pushy:
        verdict = _BACK_OFF
    tie, window, cadence = extras
    return Assessment(
        pressure,
        zone_of(pressure),
        verdict,
        next_on,
        Reasons(reasons.write, (writer, values, history, now, today, start, pushy, hasty_last)),
        min(1.0, received / sent) if sent else None,
        len(items) - start,
        items[-1].at if items else None,
        history.asks / sent if sent else None,
        sent,
        received,
        history.together,
        tie,
        history.pace,
        window,
        cadence,
    )


def time_limits(contact: Contact, history: History, now: datetime, until: float) -> float:
    """`until`, or sooner the first moment one of the decision's comparisons with the time
    (rather than the day) turns: the last interaction (or the day you met) growing older
    than REPLY_OWED_DAYS, QUIET_DAYS or DORMANT_DAYS, a meeting logged ahead starting. A
    millisecond early, so float rounding can never keep a decision a moment too long."""
    now_ts = now.timestamp()
    since = silent_since(contact, history.items, now)
    if since is not None:
        last = since.timestamp()
        for limit in _TIME_LIMITS:
            moment = last + limit
            if now_ts < moment + MARGIN:  # not yet passed for sure
                until = min(until, moment - MARGIN)
    if history.planned is not None:  # the meeting logged ahead starts: no longer ahead
        until = min(until, history.planned.timestamp() - MARGIN)
    return until


def decision_days(contact: Contact, history: History, now: datetime) -> list[date]:
    """Every day the decision compares today with: when a run of messages gets its
    follow-up, runs out or is let go, when a meeting comes due or goes quiet, when a
    keep-in-touch cadence comes round, the day after a meeting logged ahead, the day the
    tie loses its label."""
    items = history.items
    days: list[date] = []
    if history.unconfirmed is not None:
        days.append(local_date(history.unconfirmed, now) + timedelta(days=1))
    label_change = label_changes_on(history.sent, history.received, history.together, history.first_at,
                                    history.last_answer, now)
    if label_change is not None:  # the tie loses its label (and whether it is worth reviving)
        days.append(label_change)
    if items:
        last_day = local_date(items[-1].at, now)
        first, second = windows(history)
        for window in (first, second):
            days += [last_day + timedelta(days=window),
                     last_day + timedelta(days=window + limits.LET_GO_GRACE_DAYS)]
        days.append(last_day + timedelta(days=limits.BACK_OFF_DAYS))
    met_on = contact.met_on
    if met_on is None and history.first_meeting is not None:
        met_on = local_date(history.first_meeting, now)
    if met_on is not None:
        days += [met_on, met_on + timedelta(days=limits.QUIET_DAYS + 1),
                 met_on + timedelta(days=limits.DORMANT_DAYS + 1)]
        expected = MEETING_EXPECTATION.get(contact.met_via)
        if expected is not None:
            days.append(met_on + timedelta(days=expected[0]))
    cadence = contact.keep_in_touch_days
    if cadence:
        if items:
            days.append(local_date(items[-1].at, now) + timedelta(days=cadence))
        elif contact.met_on is not None:
            days.append(contact.met_on + timedelta(days=cadence))
        elif contact.created_at is not None:
            days.append(local_date(contact.created_at, now) + timedelta(days=cadence))
    return days
