"""A relationship's whole lifetime: tie strength, dormancy, letting go, lapsed replies and
each contact's own pace. Every limit comes from `thresholds`, never a literal day."""

from datetime import timedelta

import pytest

from netpace.domain import thresholds as limits
from netpace.domain.model import ACTIONABLE, Direction, Interaction, Kind, TieLabel, Verdict
from netpace.domain.pace import follow_up_days, measure, suggested_cadence
from netpace.domain.pressure import assess
from netpace.domain.tie import tie_strength

from ..helpers import NOW, at, inbound, met, out, person

DAY = timedelta(days=1)
TICK = timedelta(seconds=1)


def exchanges(count: int, *, last_days: float, every_days: float, reply_after_days: float = 1.0) -> list[Interaction]:
    """`count` pairs of your message and their reply, the last reply `last_days` ago."""
    items = []
    for n in range(count):
        reply = last_days + n * every_days
        items += [out(at(days=reply + reply_after_days)), inbound(at(days=reply))]
    return sorted(items, key=lambda i: i.at)


def strong_history(last_days: float) -> list[Interaction]:
    """Fifteen exchanges over six years, and a call `last_days` ago."""
    return exchanges(15, last_days=last_days + 20, every_days=6 * 365 / 14) + [met(at(days=last_days))]


# -- tie strength --------------------------------------------------------------------------

def test_nothing_ever_came_back_is_no_tie_however_much_you_wrote():
    result = assess(person(), [out(at(days=d)) for d in range(30, 400, 12)], NOW)
    assert result.tie.strength == 0 and result.tie.label == TieLabel.NONE


def test_years_of_exchanges_both_ways_are_a_strong_tie_and_the_reason_says_so():
    history = strong_history(last_days=2 * 365)
    result = assess(person(), history, NOW)
    assert result.tie.label == TieLabel.STRONG and result.tie.strength >= limits.STRONG_TIE
    assert result.tie.sent == 15 and result.tie.received == 15 and round(result.tie.years) == 6
    assert result.verdict == Verdict.RECONNECT
    assert any("you wrote 15 times and they wrote 15 times over 6 years, and you met or spoke once" in line
               for line in result.reasons)


def test_one_exchange_long_ago_is_a_weak_tie():
    result = assess(person(), exchanges(1, last_days=6 * 365, every_days=1), NOW)
    assert result.tie.label == TieLabel.WEAK and 0 < result.tie.strength < limits.REGULAR_TIE


def test_a_meeting_counts_for_more_than_a_message():
    message = tie_strength(1, 1, 0, at(days=30), at(days=10), NOW)
    meeting = tie_strength(1, 0, 1, at(days=30), at(days=10), NOW)
    assert meeting.strength > message.strength


def test_the_tie_fades_with_time_since_their_last_word():
    recent = tie_strength(10, 10, 2, at(days=3 * 365), at(days=10), NOW)
    faded = tie_strength(10, 10, 2, at(days=3 * 365), at(days=10), NOW + timedelta(days=limits.TIE_RECENCY_HALF_LIFE_DAYS))
    assert faded.strength < recent.strength


# -- dormant --------------------------------------------------------------------------------

def test_a_weak_tie_silent_past_the_dormant_limit_is_dormant_and_out_of_the_queue():
    last = NOW - timedelta(days=limits.DORMANT_DAYS)
    history = [out(last - 2 * DAY), inbound(last - DAY, kind=Kind.THANKS), met(last)]
    just_before = assess(person(), history, NOW - TICK)
    assert just_before.verdict == Verdict.CHECK_IN  # quiet for long, not yet dormant
    result = assess(person(), history, NOW)
    assert result.verdict == Verdict.DORMANT and result.verdict not in ACTIONABLE
    assert result.next_on is None
    assert any("Dormant" in line for line in result.reasons)


def test_a_strong_tie_silent_past_the_dormant_limit_is_worth_reviving():
    result = assess(person(), strong_history(last_days=limits.DORMANT_DAYS + 10), NOW)
    assert result.verdict == Verdict.RECONNECT and result.verdict in ACTIONABLE
    assert any("don't let them forget you" in line for line in result.reasons)


def test_a_keep_in_touch_cadence_keeps_a_dormant_tie_in_the_queue():
    history = [inbound(at(days=2 * limits.DORMANT_DAYS), kind=Kind.THANKS)]
    assert assess(person(), history, NOW).verdict == Verdict.DORMANT
    result = assess(person(keep_in_touch_days=90), history, NOW)
    assert result.verdict == Verdict.CHECK_IN


def test_a_connection_with_nothing_logged_goes_dormant_a_year_after_you_met():
    contact = person(met_on=(NOW - timedelta(days=limits.DORMANT_DAYS + 1)).date())
    result = assess(contact, [], NOW)
    assert result.verdict == Verdict.DORMANT
    assert assess(person(met_on=(NOW - timedelta(days=30)).date()), [], NOW).verdict == Verdict.OK


# -- let go ---------------------------------------------------------------------------------

def test_one_unanswered_message_gets_one_follow_up_then_is_let_go():
    due_days = limits.FOLLOW_UP_AFTER_DAYS
    last_go = due_days + limits.LET_GO_GRACE_DAYS
    assert assess(person(), [out(at(days=due_days - 1))], NOW).verdict == Verdict.WAIT
    assert assess(person(), [out(at(days=due_days))], NOW).verdict == Verdict.FOLLOW_UP
    assert assess(person(), [out(at(days=last_go - 1))], NOW).verdict == Verdict.FOLLOW_UP
    let_go = assess(person(), [out(at(days=last_go))], NOW)
    assert let_go.verdict == Verdict.LET_GO and let_go.verdict not in ACTIONABLE and let_go.next_on is None
    assert any("let it go" in line for line in let_go.reasons)


def test_two_unanswered_messages_are_let_go_after_the_second_window_and_grace():
    window = limits.SECOND_FOLLOW_UP_AFTER_DAYS + limits.LET_GO_GRACE_DAYS
    history = [out(at(days=window + 20)), out(at(days=window))]
    assert assess(person(), history, NOW).verdict == Verdict.LET_GO
    history = [out(at(days=window + 20)), out(at(days=window - 1))]
    assert assess(person(), history, NOW).verdict == Verdict.FOLLOW_UP


def test_three_unanswered_back_off_then_let_go_never_check_in():
    last = limits.BACK_OFF_DAYS
    history = [out(at(days=last + 20), kind=Kind.ASK), out(at(days=last + 10), kind=Kind.ASK)]
    assert assess(person(), history + [out(at(days=last - 1), kind=Kind.ASK)], NOW).verdict == Verdict.BACK_OFF
    result = assess(person(), history + [out(at(days=last), kind=Kind.ASK)], NOW)
    assert result.verdict == Verdict.LET_GO
    years_later = assess(person(), history + [out(at(days=last), kind=Kind.ASK)], NOW + timedelta(days=5 * 365))
    assert years_later.verdict == Verdict.LET_GO


def test_a_new_message_from_them_reopens_a_let_go_thread():
    history = [out(at(days=200))]
    assert assess(person(), history, NOW).verdict == Verdict.LET_GO
    assert assess(person(), history + [inbound(at(days=1))], NOW).verdict == Verdict.REPLY_OWED


# -- a reply that lapsed -----------------------------------------------------------------------

def test_their_message_is_owed_up_to_the_limit_then_lapses():
    limit = timedelta(days=limits.REPLY_OWED_DAYS)
    history = [inbound(NOW - limit)]
    assert assess(person(), history, NOW).verdict == Verdict.REPLY_OWED
    lapsed = assess(person(), history, NOW + TICK)
    assert lapsed.verdict == Verdict.DORMANT
    assert any("the moment for that answer has passed" in line for line in lapsed.reasons)


def test_a_lapsed_reply_to_a_strong_tie_is_a_reconnect():
    history = strong_history(last_days=400) + [inbound(at(days=limits.REPLY_OWED_DAYS + 5), kind=Kind.UPDATE)]
    result = assess(person(), history, NOW)
    assert result.tie.label == TieLabel.STRONG
    assert result.verdict == Verdict.RECONNECT


# -- each contact's own pace ------------------------------------------------------------------

def quick_replier(silent_days: float) -> list[Interaction]:
    """Always answers within two days; your last message went out `silent_days` ago."""
    return exchanges(4, last_days=silent_days + 20, every_days=25, reply_after_days=2) + [out(at(days=silent_days))]


def test_someone_who_answers_within_two_days_silent_for_eight_gets_a_follow_up():
    result = assess(person(), quick_replier(8), NOW)
    assert result.pace.replies == 4 and result.follow_up_days == limits.PACE_MIN_DAYS
    assert result.verdict == Verdict.FOLLOW_UP
    assert any("usually answer within 2 days" in line for line in result.reasons)
    assert assess(person(), quick_replier(limits.PACE_MIN_DAYS - 1), NOW).verdict == Verdict.WAIT


def test_someone_who_takes_two_weeks_gets_three_weeks_or_more():
    history = exchanges(4, last_days=60, every_days=40, reply_after_days=14) + [out(at(days=8))]
    result = assess(person(), history, NOW)
    assert result.verdict == Verdict.WAIT
    assert result.next_on >= (at(days=8) + timedelta(days=21)).date()
    assert result.follow_up_days == min(limits.PACE_MAX_DAYS, round(limits.PACE_FACTOR * 14))


def test_with_too_few_replies_the_default_window_stands():
    history = exchanges(limits.PACE_MIN_REPLIES - 1, last_days=30, every_days=20, reply_after_days=1)
    pace = measure(history)
    assert pace.reply_seconds is None and follow_up_days(pace) == limits.FOLLOW_UP_AFTER_DAYS


def test_the_window_stays_within_its_limits():
    slow = measure(exchanges(5, last_days=10, every_days=80, reply_after_days=50))
    fast = measure(exchanges(5, last_days=10, every_days=20, reply_after_days=0.1))
    assert follow_up_days(slow) == limits.PACE_MAX_DAYS
    assert follow_up_days(fast) == limits.PACE_MIN_DAYS


def test_a_reply_months_later_is_not_a_reply_time():
    items = exchanges(3, last_days=10, every_days=100, reply_after_days=limits.REPLY_PAIR_MAX_DAYS + 1)
    assert measure(items).replies == 0


def test_the_usual_gap_between_conversations_suggests_a_cadence():
    history = exchanges(6, last_days=10, every_days=62)
    pace = measure(history)
    assert pace.conversations == 6 and round(pace.gap_days) == 62
    assert suggested_cadence(pace) == 60
    assert assess(person(), history, NOW).suggested_cadence == 60
    too_few = measure(exchanges(limits.CADENCE_MIN_CONVERSATIONS - 1, last_days=10, every_days=62))
    assert suggested_cadence(too_few) is None


# -- group conversations ---------------------------------------------------------------------

def test_a_group_message_is_in_the_history_but_not_weighed():
    solo = [inbound(at(days=40)), out(at(days=3), kind=Kind.ASK)]
    group = [Interaction(at=at(days=1), direction=Direction.OUT, kind=Kind.ASK, group=True),
             Interaction(at=at(days=2), direction=Direction.IN, group=True)]
    assert assess(person(), solo + group, NOW) == assess(person(), solo, NOW)


@pytest.mark.parametrize("first, second, owed", [
    (Direction.IN, Direction.OUT, False),
    (Direction.OUT, Direction.IN, True),
])
def test_at_one_moment_the_later_logged_counts_as_later(first, second, owed):
    moment = at(days=2)
    history = [Interaction(at=moment, direction=first, id=1), Interaction(at=moment, direction=second, id=2)]
    assert (assess(person(), history, NOW).verdict == Verdict.REPLY_OWED) == owed
