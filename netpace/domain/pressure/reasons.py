"""Why an assessment says what it says, in sentences.

Text is the expensive part of assessing: lists and triage need every contact's verdict,
pressure and dates, but the reasons of only the one shown. So each decision names a
writer (a function here) and the few values it needs; `Reasons` calls it the first time
they are read. Writers and their values, not closures: a closure is a dozen small
objects, and at 10,000 contacts the garbage collector's walks over them cost more than
the text. Every writer takes (values, history, now, today, start).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Callable, Sequence

from .. import thresholds as limits
from ..humanize import ago, day_label, days_text, span, times
from ..model import Direction, Tie, TieLabel
from ..pace import reply_days_text
from .history import History, Item

Writer = Callable[..., list[str]]


def local_date(moment: datetime, now: datetime) -> date:
    return moment.astimezone(now.tzinfo).date()


def tie_words(tie: Tie) -> str:
    """'A strong tie: you wrote 15 times and they wrote 14 times over 6 years, and you met twice.'"""
    if tie.label == TieLabel.NONE:
        return "They have never written back or met you."
    theirs = f"they wrote {times(tie.received)}" if tie.received else "they never wrote"
    text = f"A {tie.label.value} tie: you wrote {times(tie.sent)} and {theirs}"
    if tie.years >= 1:
        years = round(tie.years)
        text += f" over {years} year{'s' if years != 1 else ''}"
    elif tie.years * 12 >= 1:
        months = round(tie.years * 12)
        text += f" over {months} month{'s' if months != 1 else ''}"
    if tie.together:
        text += f", and you met or spoke {times(tie.together)}"
    return text + "."


def facts(history: History, now: datetime, start: int) -> str:
    """What is unanswered: 'Your message 3 weeks ago has no reply yet. They last wrote ...'"""
    items = history.items
    count = len(items) - start
    last = items[-1]
    spread = (local_date(last.at, now) - local_date(items[start].at, now)).days + 1
    if count == 1:
        text = f"Your message {ago(last.at, now)} has no reply yet."
    elif spread < 60:
        text = f"{count} messages in {days_text(spread)}, no reply."
    else:
        text = f"{count} messages over {span(timedelta(days=spread))}, no reply."
    heard = items[start - 1] if start else None  # the last thing not from you
    if heard is not None and heard.direction == Direction.BOTH:
        text += f" You last met or spoke {ago(heard.at, now)}."
    elif heard is not None:
        text += f" They last wrote {ago(heard.at, now)}."
    return text


def pace_words(history: History, window: int) -> str:
    """'She usually answers within 2 days; ...' when their own pace set the window."""
    if history.pace.reply_seconds is None:
        return ""
    return (f"They usually answer within {reply_days_text(history.pace)} "
            f"({history.pace.replies} replies), so give it {days_text(window)}.")


# -- a meeting logged ahead ----------------------------------------------------------------

def planned(values, history, now, today, start) -> list[str]:
    at = values[0].astimezone(now.tzinfo)
    return [f"Meeting planned {day_label(at.date(), today)} {at:%H:%M}: nothing to send before it."]


def confirm(values, history, now, today, start) -> list[str]:
    at = values[0].astimezone(now.tzinfo)
    return [f"Your meeting {day_label(at.date(), today)} {at:%H:%M} has passed: did it happen, was it moved, "
            "or cancelled?"]


# -- their message is the last ------------------------------------------------------------

def reply_owed(values, history, now, today, start) -> list[str]:
    at, written = values
    return [f"They wrote {ago(at, now)} ({day_label(written, today)}) and you haven't answered."]


REVIVE = "Worth reviving: don't let them forget you; a friendly note, not an ask."
LEAVE = "Dormant: a note out of the blue would not land; set a keep-in-touch cadence to revive it."


def lapsed(values, history, now, today, start) -> list[str]:
    at, tie, revive = values
    return [f"They wrote {ago(at, now)} and never heard back; the moment for that answer has passed.",
            tie_words(tie), REVIVE if revive else LEAVE]


# -- your messages wait for an answer -----------------------------------------------------

def barrage(values, history, now, today, start) -> list[str]:
    return [facts(history, now, start),
            f"Leave them alone until {day_label(values[0], today)}; more now would be a barrage."]


def burst(values, history, now, today, start) -> list[str]:
    return [facts(history, now, start),
            f"Two messages within {days_text(limits.BURST_DAYS)}: hold off until {day_label(values[0], today)}."]


def wait(values, history, now, today, start) -> list[str]:
    due, window = values
    found = [facts(history, now, start)]
    if len(history.items) - start == 1:
        found.append(pace_words(history, window))
    found.append(f"Give them until {day_label(due, today)}.")
    return [line for line in found if line]


def follow_up(values, history, now, today, start) -> list[str]:
    due, window = values
    found = [facts(history, now, start), pace_words(history, window),
             "One polite follow-up on that message is fine now."]
    return [line for line in found if line]


def last_note(values, history, now, today, start) -> list[str]:
    return [facts(history, now, start), "One last friendly note, with no ask, is the most that fits."]


def let_go(values, history, now, today, start) -> list[str]:
    count = len(history.items) - start
    what = "your message" if count == 1 else f"your {count} messages"
    return [facts(history, now, start),
            f"They never answered {what}, and the time for a follow-up has passed: let it go. "
            "If they write, netpace picks it up again."]


# -- you met and have not written since ---------------------------------------------------

def met_wait(values, history, now, today, start) -> list[str]:
    how, met_on, due, days = values
    when = "today" if met_on == today else f"on {day_label(met_on, today)}"
    note = "a short note tomorrow is the right pace" if days == 1 else (
        f"a note from {day_label(due, today)} is the right pace"
    )
    return [f"You met {how} {when}: {note}."]


def met_long_ago(values, history, now, today, start) -> list[str]:
    how, waited = values
    return [f"You met {how} {span(timedelta(days=waited))} ago and never wrote: remind them where you met."]


def met_follow_up(values, history, now, today, start) -> list[str]:
    how, met_on, waited = values
    return [f"You met {how} on {day_label(met_on, today)} ({days_text(waited)} ago) and haven't "
            "written since: they expect to hear from you."]


def met_check_in(values, history, now, today, start) -> list[str]:
    how, waited = values
    return [f"You met {how} {days_text(waited)} ago: a light note, not an ask."]


# -- nothing is owed: keeping in touch ----------------------------------------------------

def cadence_due(values, history, now, today, start) -> list[str]:
    items = history.items
    since = f"last contact {ago(items[-1].at, now)}" if items else "nothing logged yet"
    return [f"You keep in touch every {days_text(values[0])}; {since}: a friendly note, not an ask."]


def cadence_ok(values, history, now, today, start) -> list[str]:
    cadence, due = values
    return [f"You keep in touch every {days_text(cadence)}; next check-in {day_label(due, today)}."]


def nothing_yet(values, history, now, today, start) -> list[str]:
    return ["Nothing logged yet."]


def quiet(values, history, now, today, start) -> list[str]:
    return [f"Silent for {span(now - history.items[-1].at)} after {history.total} exchanges: "
            "don't let them forget you; a friendly note, not an ask."]


def long_silence(values, history, now, today, start) -> list[str]:
    since, tie, revive = values
    if history.items:
        first = f"Silent for {span(now - since)}. {tie_words(tie)}"
    else:
        first = f"Nothing has passed between you since {day_label(local_date(since, now), today)}."
    return [first, REVIVE if revive else LEAVE]


def fine(values, history, now, today, start) -> list[str]:
    items = history.items
    found = [f"Last contact {ago(items[-1].at, now)}: nothing is owed either way."]
    theirs = next((i for i in reversed(items) if i.direction == Direction.IN), None)
    if theirs is not None and now - theirs.at <= timedelta(days=limits.FOLLOW_UP_AFTER_DAYS):
        found.append(f"They replied {ago(theirs.at, now)}.")
    return found


# -- what every assessment adds -----------------------------------------------------------

def write(writer: Writer, values: tuple, history: History, now: datetime, today: date, start: int,
          pushy: bool, hasty_last: bool) -> list[str]:
    """The decision's own reasons, then what the gauge and the whole history add."""
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
    if sent >= limits.ASK_HEAVY_MIN_SENT and history.asks / sent >= limits.ASK_HEAVY_SHARE and history.gives == 0:
        found.append(
            f"{history.asks} of your {sent} messages were asks and none a thanks or a give: "
            "offer something before you ask again."
        )
    if sent >= 3 and writer not in TIE_WRITERS:
        theirs = f"they wrote {times(received)}" if received else "they never wrote"
        found.append(f"In all, you wrote {times(sent)} and {theirs}.")
    return found


# The writers whose reasons already give the whole history's numbers (tie_words).
TIE_WRITERS = frozenset({lapsed, long_silence})


def _previous_contact(items: Sequence[Item], item: Item) -> Item | None:
    """Your message or meeting just before `item`."""
    before = [i for i in items if i.at <= item.at and i is not item and i.direction != Direction.IN]
    return max(before, key=lambda i: i.at) if before else None
