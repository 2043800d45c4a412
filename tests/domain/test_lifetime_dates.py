"""The dates the lifetime rules give: when a cadence comes round from wherever it starts,
when a lapsed reply or a long silence is worth reviving, and a cadence over a let-go
thread. Every number comes from `thresholds`."""

from __future__ import annotations

from datetime import timedelta

from netpace.domain import thresholds as T
from netpace.domain.model import Verdict
from netpace.domain.pressure import assess

from ..helpers import NOW, inbound, met, out, person

DAY = timedelta(days=1)


def strong_history(last_of_theirs):
    """Years of talk both ways and meetings: a tie worth reviving, their word last."""
    items = []
    for n in range(12):
        when = last_of_theirs - timedelta(days=90 * (12 - n))
        items += [out(when), inbound(when + DAY), met(when + 2 * DAY)]
    return [*items, inbound(last_of_theirs)]


def test_a_cadence_over_a_let_go_thread_comes_round_from_your_last_message():
    last = NOW - timedelta(days=T.FOLLOW_UP_AFTER_DAYS + T.LET_GO_GRACE_DAYS + 100)
    items = [out(last - 2 * DAY), out(last - DAY), out(last)]
    let_go = assess(person(), items, NOW)
    assert let_go.verdict == Verdict.LET_GO
    cadence = 30
    found = assess(person(keep_in_touch_days=cadence), items, NOW)
    assert (found.verdict, found.next_on) == (Verdict.CHECK_IN, last.date() + timedelta(days=cadence))


def test_a_cadence_with_no_history_counts_from_when_you_added_them():
    added = NOW - timedelta(days=40)
    found = assess(person(keep_in_touch_days=30, created_at=added), [], NOW)
    assert (found.verdict, found.next_on) == (Verdict.CHECK_IN, added.date() + timedelta(days=30))
    not_yet = assess(person(keep_in_touch_days=60, created_at=added), [], NOW)
    assert (not_yet.verdict, not_yet.next_on) == (Verdict.OK, None)


def test_a_lapsed_reply_to_a_strong_tie_is_a_reconnect_dated_when_the_moment_passed():
    theirs = NOW - timedelta(days=T.REPLY_OWED_DAYS + 10)
    found = assess(person(), strong_history(theirs), NOW)
    assert found.verdict == Verdict.RECONNECT
    assert found.next_on == theirs.date() + timedelta(days=T.REPLY_OWED_DAYS)


def test_a_long_silence_with_a_strong_tie_is_a_reconnect_dated_when_it_went_dormant():
    history = strong_history(NOW - timedelta(days=T.DORMANT_DAYS + 200))
    last = NOW - timedelta(days=T.DORMANT_DAYS + 100)  # the last thing: a meeting
    found = assess(person(), [*history, met(last)], NOW)
    assert found.verdict == Verdict.RECONNECT
    assert found.next_on == last.date() + timedelta(days=T.DORMANT_DAYS)
