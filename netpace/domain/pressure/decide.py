"""The verdict: what to do next about a contact, and from when. First match wins:

0. a meeting logged ahead: while it is ahead, wait for it (only a reply owed stands);
   once its day is over, confirm whether it happened;
1. their message is the last: reply owed; once it has lapsed, reconnect (a tie worth
   reviving) or dormant;
2. your messages wait for an answer: wait, follow up, back off; long past the one
   follow-up, let go;
3. you met and haven't written since: what the way you met expects;
4. nothing is owed: the keep-in-touch cadence, else a check-in after a quiet spell,
   else (after a long silence) reconnect or dormant, else ok.

A decision is (verdict, next date, reason writer, the writer's values).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Sequence, Union

from .. import thresholds as limits
from ..model import NETWORKING_EVENTS, Contact, Direction, Kind, MetVia, Tie, Verdict
from ..pace import follow_up_days
from ..tie import tie_strength, worth_reviving
from . import reasons
from .history import History, Item
from .reasons import Writer, local_date

Decision = tuple[Verdict, Union[date, None], Writer, tuple]

# After meeting someone this way, how many days until they expect to hear from you,
# and whether what is due then is a follow-up (expected) or a lighter check-in.
MEETING_EXPECTATION: dict[MetVia, tuple[int, Verdict]] = {
    **{via: (limits.EVENT_FOLLOW_UP_DAYS, Verdict.FOLLOW_UP) for via in NETWORKING_EVENTS},
    MetVia.INTERVIEW: (limits.INTERVIEW_FOLLOW_UP_DAYS, Verdict.FOLLOW_UP),
    MetVia.REFERRAL: (limits.REFERRAL_FOLLOW_UP_DAYS, Verdict.FOLLOW_UP),
    MetVia.SOCIAL: (limits.SOCIAL_CHECK_IN_DAYS, Verdict.CHECK_IN),
}

# How each way of meeting reads in a sentence ("You met at a conference on ...").
MET_WORDS: dict[MetVia, str] = {
    MetVia.EVENT: "at an event",
    MetVia.CONFERENCE: "at a conference",
    MetVia.MEETUP: "at a meetup",
    MetVia.CAREER_FAIR: "at a career fair",
    MetVia.INTERVIEW: "at an interview",
    MetVia.REFERRAL: "through a referral",
    MetVia.COLLEAGUE: "as colleagues",
    MetVia.COLD: "cold (you reached out)",
    MetVia.SOCIAL: "socially",
    MetVia.ONLINE: "online",
    MetVia.OTHER: "",
}

_OUT, _IN, _BOTH = Direction.OUT, Direction.IN, Direction.BOTH
_REPLY_OWED = timedelta(days=limits.REPLY_OWED_DAYS)
_QUIET = timedelta(days=limits.QUIET_DAYS)
_DORMANT = timedelta(days=limits.DORMANT_DAYS)
_BACK_OFF = timedelta(days=limits.BACK_OFF_DAYS)
_BURST = timedelta(days=limits.BURST_DAYS)
_GRACE = timedelta(days=limits.LET_GO_GRACE_DAYS)


def unanswered_start(items: Sequence[Item]) -> int:
    """Where the run of your unanswered messages at the end begins (len(items) if none)."""
    start = len(items)
    while start and items[start - 1].direction == _OUT:
        start -= 1
    return start


def tie_of(history: History, now: datetime) -> Tie:
    return tie_strength(history.sent, history.received, history.together, history.first_at,
                        history.last_answer, now)


def windows(history: History) -> tuple[int, int]:
    """(days to wait after one unanswered message, after two): the first follows their
    own pace when it is known; the second is never shorter than the first."""
    first = follow_up_days(history.pace)
    return first, max(limits.SECOND_FOLLOW_UP_AFTER_DAYS, first)


def decide(contact: Contact, history: History, now: datetime, today: date, start: int) -> Decision:
    """A meeting logged ahead comes first: once its day is over, ask whether it happened;
    while it is ahead, nothing needs sending before it (an answer you owe aside)."""
    passed = history.unconfirmed
    if passed is not None and today > local_date(passed, now):
        return (Verdict.CONFIRM, local_date(passed, now) + timedelta(days=1), reasons.confirm, (passed,))
    decision = _decide(contact, history, now, today, start)
    upcoming = history.planned
    if upcoming is not None and decision[0] != Verdict.REPLY_OWED:
        return (Verdict.WAIT, local_date(upcoming, now), reasons.planned, (upcoming,))
    return decision


def _decide(contact: Contact, history: History, now: datetime, today: date, start: int) -> Decision:
    items = history.items
    if items:
        last = items[-1]
        if last.direction == _IN and last.kind != Kind.THANKS:
            return _their_turn_passed(contact, history, last, now, today)
        if start < len(items):
            decision = _awaiting_reply(history, items, start, now, today)
            if decision[0] == Verdict.LET_GO and contact.keep_in_touch_days:
                return _keeping_in_touch(contact, history, items, now, today)
            return decision
    met = _meeting_expectation(contact, history, now, today)
    if met is not None:
        return met
    return _keeping_in_touch(contact, history, items, now, today)


# -- their message is the last -----------------------------------------------------------

def _their_turn_passed(contact: Contact, history: History, theirs: Item, now: datetime, today: date) -> Decision:
    written = local_date(theirs.at, now)
    if now - theirs.at <= _REPLY_OWED:
        return (Verdict.REPLY_OWED, written, reasons.reply_owed, (theirs.at, written))
    if contact.keep_in_touch_days:
        return _keeping_in_touch(contact, history, history.items, now, today)
    tie = tie_of(history, now)
    if worth_reviving(tie):
        return (Verdict.RECONNECT, written + _REPLY_OWED, reasons.lapsed, (theirs.at, tie, True))
    return (Verdict.DORMANT, None, reasons.lapsed, (theirs.at, tie, False))


# -- your messages wait for an answer ----------------------------------------------------

def _awaiting_reply(history: History, items: Sequence[Item], start: int, now: datetime, today: date) -> Decision:
    """Your last `len(items) - start` messages have no answer yet."""
    count = len(items) - start
    last = items[-1]
    last_day = local_date(last.at, now)
    if count >= limits.BACK_OFF_UNANSWERED:
        until = last_day + _BACK_OFF
        if today < until:
            return (Verdict.BACK_OFF, until, reasons.barrage, (until,))
        return (Verdict.LET_GO, None, reasons.let_go, ())
    first, second = windows(history)
    window = first if count == 1 else second
    due = last_day + timedelta(days=window)
    if today >= due + _GRACE:
        return (Verdict.LET_GO, None, reasons.let_go, ())
    if count >= 2 and last.at - items[-2].at <= _BURST and today < due:
        return (Verdict.BACK_OFF, due, reasons.burst, (due,))
    if today < due:
        return (Verdict.WAIT, due, reasons.wait, (due, window))
    if count == 1:
        return (Verdict.FOLLOW_UP, due, reasons.follow_up, (due, window))
    return (Verdict.FOLLOW_UP, due, reasons.last_note, ())


# -- you met and have not written since --------------------------------------------------

def _meeting_expectation(contact: Contact, history: History, now: datetime, today: date) -> Decision | None:
    via = contact.met_via
    if via not in MEETING_EXPECTATION:
        return None
    met_on = contact.met_on
    if met_on is None:
        if history.first_meeting is None:
            return None
        met_on = local_date(history.first_meeting, now)
    if met_on > today:
        return None
    talk = history.last_not_meeting
    if talk is not None and local_date(talk, now) >= met_on:
        return None
    days, verdict = MEETING_EXPECTATION[via]
    due = met_on + timedelta(days=days)
    how = MET_WORDS[via]
    if today < due:
        return (Verdict.WAIT, due, reasons.met_wait, (how, met_on, due, days))
    waited = (today - met_on).days
    if waited > limits.DORMANT_DAYS:
        return None  # long enough ago to be dormant: keeping in touch decides
    if waited > limits.QUIET_DAYS:
        return (Verdict.CHECK_IN, due, reasons.met_long_ago, (how, waited))
    if verdict == Verdict.FOLLOW_UP:
        return (Verdict.FOLLOW_UP, due, reasons.met_follow_up, (how, met_on, waited))
    return (Verdict.CHECK_IN, due, reasons.met_check_in, (how, waited))


# -- nothing is owed: keeping in touch ---------------------------------------------------

def silent_since(contact: Contact, items: Sequence[Item], now: datetime) -> datetime | None:
    """The last interaction, else the day you met, else None."""
    if items:
        return items[-1].at
    if contact.met_on is not None:
        return datetime.combine(contact.met_on, datetime.min.time(), now.tzinfo)
    return None


def _keeping_in_touch(contact: Contact, history: History, items: Sequence[Item],
                      now: datetime, today: date) -> Decision:
    cadence = contact.keep_in_touch_days
    last = items[-1] if items else None
    if cadence:
        if last is not None:
            start = local_date(last.at, now)
        elif contact.met_on is not None:
            start = contact.met_on
        elif contact.created_at is not None:
            start = local_date(contact.created_at, now)
        else:
            start = today
        due = start + timedelta(days=cadence)
        if today >= due:
            return (Verdict.CHECK_IN, due, reasons.cadence_due, (cadence,))
        return (Verdict.OK, None, reasons.cadence_ok, (cadence, due))
    since = silent_since(contact, items, now)
    if since is None:
        return (Verdict.OK, None, reasons.nothing_yet, ())
    silent = now - since
    if silent >= _DORMANT:
        tie = tie_of(history, now)
        if worth_reviving(tie):
            return (Verdict.RECONNECT, local_date(since, now) + _DORMANT, reasons.long_silence, (since, tie, True))
        return (Verdict.DORMANT, None, reasons.long_silence, (since, tie, False))
    if last is None:
        return (Verdict.OK, None, reasons.nothing_yet, ())
    if silent >= _QUIET:
        return (Verdict.CHECK_IN, local_date(last.at, now) + _QUIET, reasons.quiet, ())
    return (Verdict.OK, None, reasons.fine, ())
