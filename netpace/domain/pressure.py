"""The pressure engine: how hard you are pushing a contact, and what to do next.

`assess` is pure: it sees one contact, their interactions and `now`, nothing else.
Every number it uses lives in `thresholds`.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from typing import Callable, Iterable, NamedTuple, Sequence, Union

from . import thresholds as T
from .humanize import ago, day_label, days_text, span, times
from .model import (
    NETWORKING_EVENTS,
    Assessment,
    Reasons,
    Channel,
    Contact,
    Direction,
    Interaction,
    Kind,
    MetVia,
    Verdict,
    Zone,
)

_DAY = 86400.0

# After meeting someone this way, how many days until they expect to hear from you,
# and whether what is due then is a follow-up (expected) or a lighter check-in.
_MEETING_EXPECTATION: dict[MetVia, tuple[int, Verdict]] = {
    **{via: (T.EVENT_FOLLOW_UP_DAYS, Verdict.FOLLOW_UP) for via in NETWORKING_EVENTS},
    MetVia.INTERVIEW: (T.INTERVIEW_FOLLOW_UP_DAYS, Verdict.FOLLOW_UP),
    MetVia.REFERRAL: (T.REFERRAL_FOLLOW_UP_DAYS, Verdict.FOLLOW_UP),
    MetVia.SOCIAL: (T.SOCIAL_CHECK_IN_DAYS, Verdict.CHECK_IN),
}

_MET_WORDS: dict[MetVia, str] = {
    MetVia.EVENT: "at an event",
    MetVia.CONFERENCE: "at a conference",
    MetVia.MEETUP: "at a meetup",
    MetVia.CAREER_FAIR: "at a career fair",
    MetVia.INTERVIEW: "at an interview",
    MetVia.REFERRAL: "through a referral",
    MetVia.SOCIAL: "socially",
}

GIVING = frozenset({Kind.THANKS, Kind.GIVE})

TRIAGE_RANK: dict[Verdict, int] = {
    Verdict.REPLY_OWED: 0,
    Verdict.FOLLOW_UP: 1,
    Verdict.CHECK_IN: 2,
    Verdict.WAIT: 3,
    Verdict.BACK_OFF: 4,
    Verdict.OK: 5,
}


def kind_weight(kind: Kind) -> float:
    return T.KIND_WEIGHT.get(kind, T.DEFAULT_WEIGHT)


def zone_of(pressure: int) -> Zone:
    if pressure >= T.PUSHY:
        return Zone.PUSHY
    if pressure >= T.PRESSING:
        return Zone.PRESSING
    if pressure >= T.WARM:
        return Zone.WARM
    return Zone.CALM


def _order(item: "Item") -> tuple:
    # Same-moment ties: your messages before theirs (so a reply at the same moment
    # answers), heavier messages first, then content, so insertion order never matters.
    # The enums are StrEnums: they compare as their values, without the (slow) `.value`.
    return (
        item.at,
        0 if item.direction == Direction.OUT else 1,
        -kind_weight(item.kind),
        str.__str__(item.direction),
        str.__str__(item.kind),
        str.__str__(item.channel),
        item.note,
    )


class Moment(NamedTuple):
    """What the engine reads of one interaction. The store builds these, not
    `Interaction`s, for whole-network reads: a tuple is about five times cheaper to create
    than a frozen dataclass, and there are tens of thousands of them."""

    at: datetime
    direction: Direction
    channel: Channel
    kind: Kind
    note: str = ""


Item = Union[Interaction, Moment]


class History(NamedTuple):
    """What the engine needs to know about a contact's past, up to `now`.

    `items` holds, sorted, at least every interaction within the decay window (plus a few
    days' margin) and every interaction since their last message or your last meeting;
    older ones only ever count through the totals. `digest` keeps everything; the store
    builds the same thing from its per-contact totals so it need not load all history (its
    items are `Moment`s). A named tuple: the store makes one per contact on every read.
    """

    items: tuple[Item, ...]
    total: int
    sent: int
    received: int
    together: int
    asks: int
    gives: int
    first_meeting: datetime | None
    last_not_meeting: datetime | None


EMPTY_HISTORY = History((), 0, 0, 0, 0, 0, 0, None, None)


def ordered(interactions: Iterable[Item], now: datetime) -> list[Item]:
    return sorted((i for i in interactions if i.at <= now), key=_order)


def digest(interactions: Iterable[Interaction], now: datetime) -> History:
    items = ordered(interactions, now)
    outs = [i for i in items if i.direction == Direction.OUT]
    meetings = [i.at for i in items if i.direction == Direction.BOTH]
    talk = [i.at for i in items if i.direction != Direction.BOTH]
    return History(
        items=tuple(items),
        total=len(items),
        sent=len(outs),
        received=sum(1 for i in items if i.direction == Direction.IN),
        together=len(meetings),
        asks=sum(1 for i in outs if i.kind == Kind.ASK),
        gives=sum(1 for i in outs if i.kind in GIVING),
        first_meeting=min(meetings) if meetings else None,
        last_not_meeting=max(talk) if talk else None,
    )


# How far back `History.items` must reach: the decay window plus the longest look-back
# (a burst) so the first message inside the window knows what came just before it.
WINDOW_DAYS = T.DECAY_WINDOW_DAYS + T.BURST_DAYS + 1


def _load(items: Sequence[Item], now_ts: float, last_reply: int) -> tuple[float, bool]:
    """The weighted, decaying sum of what you sent, and whether your last message was
    hasty. See thresholds for each factor. `last_reply` is the index of the last item not
    from you (-1 if none): every message before it was answered.

    Runs (how many messages you sent before they answered) count only messages inside
    the decay window, so a message's weight never depends on history the window forgets.
    """
    out, both, inbound, ask_kind = Direction.OUT, Direction.BOTH, Direction.IN, Kind.ASK
    window, burst, haste = _WINDOW_SECONDS, _BURST_SECONDS, _HASTE_SECONDS
    weights, default_weight = T.KIND_WEIGHT, T.DEFAULT_WEIGHT
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
            decay = 0.5 ** (age / _DAY / T.HALF_LIFE_DAYS)
            weight = weights.get(item.kind, default_weight)
            if index < last_reply:
                ask = T.ANSWERED_ASK_WEIGHT if item.kind == ask_kind else 0.0
                total += decay * (ask + weight * T.ANSWERED_SHARE * (run - 1))
            else:
                chase = 1 + T.CHASE_STEP * (run - 1)
                bursty = previous_out is not None and ts - previous_out <= burst
                hasty = previous_out_or_meeting is not None and ts - previous_out_or_meeting < haste
                hasty_last = hasty
                total += (
                    decay * weight * chase
                    * (T.BURST_FACTOR if bursty else 1.0)
                    * (T.HASTE_FACTOR if hasty else 1.0)
                    * (T.ANSWERING_SHARE if answering else 1.0)
                )
        previous_out = ts
        previous_out_or_meeting = ts
    return total, hasty_last


_WINDOW_SECONDS = T.DECAY_WINDOW_DAYS * _DAY
_BURST_SECONDS = T.BURST_DAYS * _DAY
_HASTE_SECONDS = T.HASTE_HOURS * 3600.0
_REPLY_OWED = timedelta(days=T.REPLY_OWED_DAYS)
_BURST = timedelta(days=T.BURST_DAYS)
_DORMANT = timedelta(days=T.DORMANT_DAYS)
_FOLLOW_UP_AFTER = timedelta(days=T.FOLLOW_UP_AFTER_DAYS)
_BACK_OFF = timedelta(days=T.BACK_OFF_DAYS)
_REPLY_OWED_SECONDS = _REPLY_OWED.total_seconds()
_DORMANT_SECONDS = _DORMANT.total_seconds()
_MARGIN = 0.001


def pressure_of(load: float) -> int:
    value = round(100 * (1 - math.exp(-max(0.0, load) / T.SATURATION)))
    return max(0, min(100, value))


def _local_date(moment: datetime, now: datetime) -> date:
    return moment.astimezone(now.tzinfo).date()


def _plain_now(now: datetime) -> datetime:
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
    now = _plain_now(now)
    return _assess(contact, history, now, now.date(), now.timestamp())


def assess_histories(pairs: Iterable[tuple[Contact, History]], now: datetime,
                     memo: dict | None = None) -> list[Assessment]:
    """`assess_history` for many contacts at one `now` (what whole-network views need).

    `memo` (a dict the caller keeps between calls, by contact id) lets a later call reuse
    each contact's decision (verdict, date, which reasons) while it provably still holds:
    same contact and history objects, same day in the same zone, and no moment passed at
    which the decision compares time to the clock. The pressure is always computed anew.
    """
    now = _plain_now(now)
    today, now_ts = now.date(), now.timestamp()
    if memo is None:
        return [_assess(contact, history, now, today, now_ts) for contact, history in pairs]
    zone = now.tzinfo
    midnight = datetime.combine(today + timedelta(days=1), datetime.min.time(), zone).timestamp()
    kept = dict(memo)
    memo.clear()
    found = []
    for contact, history in pairs:
        entry = kept.get(contact.id)
        if (entry is None or entry[0] is not contact or entry[1] is not history or entry[2] != today
                or entry[3] != zone or now_ts >= entry[4]):
            # A load that was zero stays zero while the history is the same (it only
            # decays, and items only leave the window): keep knowing it.
            zero = entry is not None and entry[1] is history and entry[7]
            entry = (contact, history, today, zone, _decision_until(history, now_ts, midnight),
                     *_decision(contact, history, now, today), zero)
        if entry[7]:
            total, hasty_last = 0.0, False  # no message of yours left unanswered in the window
        else:
            total, hasty_last = _load(history.items, now_ts, entry[5] - 1)
            if total == 0.0:
                entry = (*entry[:7], True)
        memo[contact.id] = entry
        found.append(_finish(history, now, today, entry[5], entry[6], total, hasty_last))
    return found


def _decision_until(history: History, now_ts: float, midnight: float) -> float:
    """Until when (a timestamp) a decision made at `now_ts` holds: the next midnight, or
    sooner the moment the last item becomes more than REPLY_OWED_DAYS or DORMANT_DAYS old
    (the only comparisons `_decide` makes with the time rather than the day)."""
    return _time_limits(history, now_ts, midnight - _MARGIN)


def _time_limits(history: History, now_ts: float, until: float) -> float:
    """`until`, or sooner the moment `_decide`'s comparisons with the time turn; a
    millisecond early, so float rounding can never keep a decision a moment too long."""
    items = history.items
    if items:
        last = items[-1].at.timestamp()
        for limit in (_REPLY_OWED_SECONDS, _DORMANT_SECONDS):
            moment = last + limit
            if now_ts < moment + _MARGIN:  # not yet passed for sure
                until = min(until, moment - _MARGIN)
    return until


class Standing(NamedTuple):
    """A contact's place in the list, in a form that stays true for a while: the decision
    (before the pushy check) until `decided_until`, and the load at `ref_ts`, which decays
    by the half-life alone until `load_until` (when an item leaves the decay window).
    Timestamps in seconds. Lets a list be shown at a later `now` without the history."""

    verdict: Verdict
    next_on: date | None
    decided_until: float
    load: float
    ref_ts: float
    load_until: float


def standing(contact: Contact, history: History, now: datetime) -> Standing:
    now = _plain_now(now)
    today, now_ts = now.date(), now.timestamp()
    start, (verdict, next_on, _, _) = _decision(contact, history, now, today)
    load, _ = _load(history.items, now_ts, start - 1)
    return Standing(verdict, next_on, _standing_until(contact, history, now, today, now_ts), load, now_ts,
                    _load_until(history.items, now_ts))


def _standing_until(contact: Contact, history: History, now: datetime, today: date, now_ts: float) -> float:
    """Until when the verdict and date hold: every day `_decide` compares today with
    (when a run of messages gets its follow-up, when a meeting comes due or goes
    dormant, when a keep-in-touch cadence comes round), and the two moments it compares
    the time with. Unlike `_decision_until` this is not capped at midnight: the reasons'
    wording changes daily, the verdict and its date only on these days."""
    items = history.items
    days: list[date] = []
    if items:
        last_day = _local_date(items[-1].at, now)
        days += [last_day + timedelta(days=n) for n in (T.FOLLOW_UP_AFTER_DAYS, T.SECOND_FOLLOW_UP_AFTER_DAYS,
                                                        T.BACK_OFF_DAYS)]
    met_on = contact.met_on
    if met_on is None and history.first_meeting is not None:
        met_on = _local_date(history.first_meeting, now)
    if met_on is not None:
        days += [met_on, met_on + timedelta(days=T.DORMANT_DAYS + 1)]
        expected = _MEETING_EXPECTATION.get(contact.met_via)
        if expected is not None:
            days.append(met_on + timedelta(days=expected[0]))
    cadence = contact.keep_in_touch_days
    if cadence:
        if items:
            days.append(_local_date(items[-1].at, now) + timedelta(days=cadence))
        elif contact.met_on is not None:
            days.append(contact.met_on + timedelta(days=cadence))
        elif contact.created_at is not None:
            days.append(_local_date(contact.created_at, now) + timedelta(days=cadence))
    until = math.inf
    for day in days:
        if day > today:
            until = min(until, datetime.combine(day, datetime.min.time(), now.tzinfo).timestamp() - _MARGIN)
    return _time_limits(history, now_ts, until)


def _load_until(items: Sequence[Item], now_ts: float) -> float:
    """When the first of your messages inside the decay window leaves it (a millisecond
    early): until then the load only decays."""
    for item in items:
        if item.direction == _OUT:
            ts = item.at.timestamp()
            if now_ts - ts <= _WINDOW_SECONDS:
                return ts + _WINDOW_SECONDS - _MARGIN
    return math.inf


def standing_at(standing: Standing, now_ts: float) -> tuple[int, Verdict] | None:
    """(pressure, verdict) at `now_ts` from a standing, or None once it no longer holds
    (then assess the contact again)."""
    if not standing.ref_ts <= now_ts < min(standing.decided_until, standing.load_until):
        return None
    load = standing.load * 0.5 ** ((now_ts - standing.ref_ts) / _DAY / T.HALF_LIFE_DAYS)
    pressure = pressure_of(load)
    verdict = standing.verdict
    if verdict == _WAIT and pressure >= T.PUSHY:
        verdict = _BACK_OFF_VERDICT
    return pressure, verdict


# Why an assessment says what it says is text, and text is the expensive part: lists and
# triage order need the verdict, pressure and dates of every contact, but the reasons of
# only the one shown. Each branch below decides at once and names a writer (a function
# of this module) and the few values it needs; `Reasons` calls it the first time they are
# read. Writers and their values, not closures: a closure is a dozen small objects, and
# at 10,000 contacts the garbage collector's walks over them cost more than the text.
Writer = Callable[..., list[str]]
Decision = tuple[Verdict, Union[date, None], Writer, tuple]


def _assess(contact: Contact, history: History, now: datetime, today: date, now_ts: float) -> Assessment:
    start, decision = _decision(contact, history, now, today)
    return _assessed(history, now, today, now_ts, start, decision)


def _decision(contact: Contact, history: History, now: datetime, today: date) -> tuple[int, Decision]:
    """Where the run of your unanswered messages at the end begins, and the decision."""
    items = history.items
    start = len(items)
    out = _OUT
    while start and items[start - 1].direction == out:
        start -= 1
    return start, _decide(contact, history, now, today, items, start)


def _assessed(history: History, now: datetime, today: date, now_ts: float, start: int,
              decision: Decision) -> Assessment:
    total, hasty_last = _load(history.items, now_ts, start - 1)
    return _finish(history, now, today, start, decision, total, hasty_last)


def _finish(history: History, now: datetime, today: date, start: int, decision: Decision, total: float,
            hasty_last: bool) -> Assessment:
    items = history.items
    pressure = pressure_of(total)
    sent, received = history.sent, history.received
    verdict, next_on, writer, values = decision
    pushy = verdict == _WAIT and pressure >= T.PUSHY
    if pushy:
        verdict = _BACK_OFF_VERDICT
    return Assessment(
        pressure,
        zone_of(pressure),
        verdict,
        next_on,
        Reasons(_write_reasons, (writer, values, history, now, today, start, pushy, hasty_last)),
        min(1.0, received / sent) if sent else None,
        len(items) - start,
        items[-1].at if items else None,
        history.asks / sent if sent else None,
        sent,
        received,
        history.together,
    )


_OUT, _IN, _BOTH = Direction.OUT, Direction.IN, Direction.BOTH
_WAIT, _BACK_OFF_VERDICT = Verdict.WAIT, Verdict.BACK_OFF


def _write_reasons(writer: Writer, values: tuple, history: History, now: datetime, today: date,
                   start: int, pushy: bool, hasty_last: bool) -> list[str]:
    items = history.items
    found = writer(values, history, now, today, start)
    if pushy:
        found.append("The gauge is in the pushy zone: let it cool before writing again.")
    if hasty_last and start < len(items):
        last = items[-1]
        previous = _previous_contact(items, last)
        if previous is not None:
            gap = span(last.at - previous.at)
            after = "you met" if previous.direction == Direction.BOTH else "your previous message"
            found.append(f"Your last message went out {gap} after {after}: that reads as eager.")
    sent, received = history.sent, history.received
    if sent >= T.ASK_HEAVY_MIN_SENT and history.asks / sent >= T.ASK_HEAVY_SHARE and history.gives == 0:
        found.append(
            f"{history.asks} of your {sent} messages were asks and none a thanks or a give: "
            "offer something before you ask again."
        )
    if sent >= 3:
        theirs = f"they wrote {times(received)}" if received else "they never wrote"
        found.append(f"In all, you wrote {times(sent)} and {theirs}.")
    return found


def _previous_contact(items: Sequence[Item], item: Item) -> Item | None:
    """Your message or meeting just before `item`."""
    before = [i for i in items if i.at <= item.at and i is not item and i.direction != Direction.IN]
    return max(before, key=lambda i: i.at) if before else None


def _decide(contact: Contact, history: History, now: datetime, today: date,
            items: Sequence[Item], start: int) -> Decision:
    if items:
        last = items[-1]
        if last.direction == _IN and last.kind != Kind.THANKS:
            return _their_turn_passed(last, now)
        if start < len(items):
            return _awaiting_reply(items, start, now, today)
    met = _meeting_expectation(contact, history, now, today)
    if met is not None:
        return met
    return _keeping_in_touch(contact, history, items, now, today)


# -- their message is the last -----------------------------------------------------------

def _their_turn_passed(theirs: Item, now: datetime) -> Decision:
    written = _local_date(theirs.at, now)
    if now - theirs.at <= _REPLY_OWED:
        return (Verdict.REPLY_OWED, written, _write_reply_owed, (theirs.at, written))
    return (Verdict.CHECK_IN, written + _REPLY_OWED, _write_never_answered, (theirs.at,))


def _write_reply_owed(values, history, now, today, start) -> list[str]:
    at, written = values
    return [f"They wrote {ago(at, now)} ({day_label(written, today)}) and you haven't answered."]


def _write_never_answered(values, history, now, today, start) -> list[str]:
    return [f"They wrote {ago(values[0], now)} and never heard back: a short, friendly note still beats silence."]


# -- your messages wait for an answer ----------------------------------------------------

def _awaiting_reply(items: Sequence[Item], start: int, now: datetime, today: date) -> Decision:
    """Your last `len(items) - start` messages have no answer yet."""
    count = len(items) - start
    last = items[-1]
    last_day = _local_date(last.at, now)
    if count >= T.BACK_OFF_UNANSWERED:
        until = last_day + _BACK_OFF
        if today < until:
            return (Verdict.BACK_OFF, until, _write_barrage, (until,))
        return (Verdict.CHECK_IN, until, _write_after_barrage, ())
    gap = T.FOLLOW_UP_AFTER_DAYS if count == 1 else T.SECOND_FOLLOW_UP_AFTER_DAYS
    due = last_day + timedelta(days=gap)
    burst = count >= 2 and last.at - items[-2].at <= _BURST
    if burst and today < due:
        return (Verdict.BACK_OFF, due, _write_burst, (due,))
    if now - last.at > _DORMANT:
        return (Verdict.CHECK_IN, due, _write_long_ago, ())
    if today < due:
        return (Verdict.WAIT, due, _write_wait, (due,))
    if count == 1:
        return (Verdict.FOLLOW_UP, due, _write_follow_up, ())
    return (Verdict.CHECK_IN, due, _write_last_note, ())


def _facts(history: History, now: datetime, start: int) -> str:
    items = history.items
    count = len(items) - start
    last = items[-1]
    spread = (_local_date(last.at, now) - _local_date(items[start].at, now)).days + 1
    if count == 1:
        text = f"Your message {ago(last.at, now)} has no reply yet."
    else:
        text = f"{count} messages in {days_text(spread)}, no reply."
    heard = items[start - 1] if start else None  # the last thing not from you
    if heard is not None and heard.direction == Direction.BOTH:
        text += f" You last met or spoke {ago(heard.at, now)}."
    elif heard is not None:
        text += f" They last wrote {ago(heard.at, now)}."
    return text


def _write_barrage(values, history, now, today, start) -> list[str]:
    return [_facts(history, now, start),
            f"Leave them alone until {day_label(values[0], today)}; more now would be a barrage."]


def _write_after_barrage(values, history, now, today, start) -> list[str]:
    return [_facts(history, now, start),
            f"It's been {span(now - history.items[-1].at)}: one friendly note without an ask is fine."]


def _write_burst(values, history, now, today, start) -> list[str]:
    return [_facts(history, now, start),
            f"Two messages within {days_text(T.BURST_DAYS)}: hold off until {day_label(values[0], today)}."]


def _write_long_ago(values, history, now, today, start) -> list[str]:
    return [_facts(history, now, start),
            "That was long ago: start fresh with a friendly note rather than chasing it."]


def _write_wait(values, history, now, today, start) -> list[str]:
    return [_facts(history, now, start), f"Give them until {day_label(values[0], today)}."]


def _write_follow_up(values, history, now, today, start) -> list[str]:
    return [_facts(history, now, start), "One polite follow-up on that message is fine now."]


def _write_last_note(values, history, now, today, start) -> list[str]:
    return [_facts(history, now, start), "One last friendly note, with no ask, is the most that fits."]


# -- you met and have not written since --------------------------------------------------

def _meeting_expectation(contact: Contact, history: History, now: datetime, today: date) -> Decision | None:
    via = contact.met_via
    if via not in _MEETING_EXPECTATION:
        return None
    met_on = contact.met_on
    if met_on is None:
        if history.first_meeting is None:
            return None
        met_on = _local_date(history.first_meeting, now)
    if met_on > today:
        return None
    talk = history.last_not_meeting
    if talk is not None and _local_date(talk, now) >= met_on:
        return None
    days, verdict = _MEETING_EXPECTATION[via]
    due = met_on + timedelta(days=days)
    how = _MET_WORDS[via]
    if today < due:
        return (Verdict.WAIT, due, _write_met_wait, (how, met_on, due, days))
    waited = (today - met_on).days
    if waited > T.DORMANT_DAYS:
        return (Verdict.CHECK_IN, due, _write_met_long_ago, (how, waited))
    if verdict == Verdict.FOLLOW_UP:
        return (Verdict.FOLLOW_UP, due, _write_met_follow_up, (how, met_on, waited))
    return (Verdict.CHECK_IN, due, _write_met_check_in, (how, waited))


def _write_met_wait(values, history, now, today, start) -> list[str]:
    how, met_on, due, days = values
    when = "today" if met_on == today else f"on {day_label(met_on, today)}"
    note = "a short note tomorrow is the right pace" if days == 1 else (
        f"a note from {day_label(due, today)} is the right pace"
    )
    return [f"You met {how} {when}: {note}."]


def _write_met_long_ago(values, history, now, today, start) -> list[str]:
    how, waited = values
    return [f"You met {how} {span(timedelta(days=waited))} ago and never wrote: remind them where you met."]


def _write_met_follow_up(values, history, now, today, start) -> list[str]:
    how, met_on, waited = values
    return [f"You met {how} on {day_label(met_on, today)} ({days_text(waited)} ago) and haven't "
            "written since: they expect to hear from you."]


def _write_met_check_in(values, history, now, today, start) -> list[str]:
    how, waited = values
    return [f"You met {how} {days_text(waited)} ago: a light note, not an ask."]


# -- nothing is owed: keeping in touch ---------------------------------------------------

def _keeping_in_touch(contact: Contact, history: History, items: Sequence[Item],
                      now: datetime, today: date) -> Decision:
    cadence = contact.keep_in_touch_days
    last = items[-1] if items else None
    if cadence:
        if last is not None:
            start = _local_date(last.at, now)
        elif contact.met_on is not None:
            start = contact.met_on
        elif contact.created_at is not None:
            start = _local_date(contact.created_at, now)
        else:
            start = today
        due = start + timedelta(days=cadence)
        if today >= due:
            return (Verdict.CHECK_IN, due, _write_cadence_due, (cadence,))
        return (Verdict.OK, None, _write_cadence_ok, (cadence, due))
    if last is None:
        return (Verdict.OK, None, _write_nothing_yet, ())
    silent = now - last.at
    if silent >= _DORMANT:
        return (Verdict.CHECK_IN, _local_date(last.at, now) + _DORMANT, _write_silent, ())
    return (Verdict.OK, None, _write_fine, ())


def _write_cadence_due(values, history, now, today, start) -> list[str]:
    items = history.items
    since = f"last contact {ago(items[-1].at, now)}" if items else "nothing logged yet"
    return [f"You keep in touch every {days_text(values[0])}; {since}: a friendly note, not an ask."]


def _write_cadence_ok(values, history, now, today, start) -> list[str]:
    cadence, due = values
    return [f"You keep in touch every {days_text(cadence)}; next check-in {day_label(due, today)}."]


def _write_nothing_yet(values, history, now, today, start) -> list[str]:
    return ["Nothing logged yet."]


def _write_silent(values, history, now, today, start) -> list[str]:
    return [f"Silent for {span(now - history.items[-1].at)} after {history.total} exchanges: "
            "don't let them forget you; a friendly note, not an ask."]


def _write_fine(values, history, now, today, start) -> list[str]:
    items = history.items
    reasons = [f"Last contact {ago(items[-1].at, now)}: nothing is owed either way."]
    theirs = next((i for i in reversed(items) if i.direction == Direction.IN), None)
    if theirs is not None and now - theirs.at <= _FOLLOW_UP_AFTER:
        reasons.append(f"They replied {ago(theirs.at, now)}.")
    return reasons


def triage_key(verdict: Verdict, next_on: date | None, pressure: int, name: str) -> tuple:
    """Sort key: most urgent verdict first; within one, the most overdue (earliest date)."""
    return (TRIAGE_RANK[verdict], next_on or date.max, -pressure, name.casefold())
