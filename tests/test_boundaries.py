"""The engine's limits, each tested at the limit and one tick either side.

Every age here is computed from `thresholds`, never written as a literal number of days:
change a threshold and these tests follow it (they test that the rule sits exactly at its
limit). The pinned pressures at the end are the other way round: literal values, one per
factor of the gauge, so a changed constant is caught by the test of that constant.

Times are in UTC so that "N days before" is exactly N * 24 hours and the same N calendar
days (no daylight-saving shift in between).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

import pytest

from netpace.domain import thresholds as T
from netpace.domain.model import NETWORKING_EVENTS, Contact, Direction, Interaction, Kind, MetVia, Verdict, Zone
from netpace.domain.pressure import assess, digest, standing, zone_of

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)
TODAY = NOW.date()
TICK = timedelta(seconds=1)  # one tick: the smallest step a rule on time must see
DAY = timedelta(days=1)


def days(n: float) -> timedelta:
    return timedelta(days=n)


def out(age: timedelta, kind: Kind = Kind.UPDATE) -> Interaction:
    return Interaction(at=NOW - age, direction=Direction.OUT, kind=kind)


def theirs(age: timedelta, kind: Kind = Kind.REPLY) -> Interaction:
    return Interaction(at=NOW - age, direction=Direction.IN, kind=kind)


def met(age: timedelta) -> Interaction:
    return Interaction(at=NOW - age, direction=Direction.BOTH, kind=Kind.MEETING)


PERSON = Contact(name="Maren Holt", id=1)


def verdict(items, contact: Contact = PERSON, now: datetime = NOW):
    return assess(contact, items, now)


def load(items, contact: Contact = PERSON) -> float:
    """The gauge's load before rounding (what the pressure is computed from)."""
    return standing(contact, digest(items, NOW), NOW).load


def run_of(count: int, last: timedelta, spacing: timedelta) -> list[Interaction]:
    """`count` unanswered messages of yours, `spacing` apart, the last `last` ago."""
    return [out(last + spacing * n) for n in reversed(range(count))]


# More than a burst apart: a run of messages whose verdict comes from the count alone.
APART = days(T.BURST_DAYS) + DAY


# -- their message: reply owed -------------------------------------------------------

def test_reply_owed_at_the_limit_and_one_tick_before_it():
    for age in (days(T.REPLY_OWED_DAYS) - TICK, days(T.REPLY_OWED_DAYS)):
        result = verdict([out(age + DAY), theirs(age)])
        assert result.verdict == Verdict.REPLY_OWED, age
        assert result.next_on == (NOW - age).date()  # owed since the day they wrote


def test_not_reply_owed_one_tick_after_the_limit():
    result = verdict([out(days(T.REPLY_OWED_DAYS) + DAY), theirs(days(T.REPLY_OWED_DAYS) + TICK)])
    assert result.verdict != Verdict.REPLY_OWED


# -- your unanswered messages --------------------------------------------------------

def test_back_off_at_the_unanswered_limit_with_the_back_off_date():
    last = days(T.SECOND_FOLLOW_UP_AFTER_DAYS - 1)  # below any pushy reading, before any other date
    result = verdict(run_of(T.BACK_OFF_UNANSWERED, last, APART))
    assert result.verdict == Verdict.BACK_OFF
    assert result.next_on == (NOW - last).date() + days(T.BACK_OFF_DAYS)
    assert result.unanswered == T.BACK_OFF_UNANSWERED


def test_one_message_fewer_than_the_limit_is_no_back_off():
    last = days(T.SECOND_FOLLOW_UP_AFTER_DAYS - 1)
    result = verdict(run_of(T.BACK_OFF_UNANSWERED - 1, last, APART))
    assert result.verdict != Verdict.BACK_OFF
    assert result.next_on != (NOW - last).date() + days(T.BACK_OFF_DAYS)
    assert result.unanswered == T.BACK_OFF_UNANSWERED - 1


def test_back_off_lasts_until_the_day_before_its_date_and_not_on_it():
    still = verdict(run_of(T.BACK_OFF_UNANSWERED, days(T.BACK_OFF_DAYS - 1), APART))
    assert still.verdict == Verdict.BACK_OFF and still.next_on == TODAY + DAY
    over = verdict(run_of(T.BACK_OFF_UNANSWERED, days(T.BACK_OFF_DAYS), APART))
    assert over.verdict != Verdict.BACK_OFF


@pytest.mark.parametrize(("count", "gap", "due_verdict"), [
    (1, T.FOLLOW_UP_AFTER_DAYS, Verdict.FOLLOW_UP),
    (2, T.SECOND_FOLLOW_UP_AFTER_DAYS, Verdict.FOLLOW_UP),  # one last note, no ask
])
def test_a_follow_up_is_due_on_its_day_and_waits_the_day_before(count, gap, due_verdict):
    assert count < T.BACK_OFF_UNANSWERED
    due = verdict(run_of(count, days(gap), APART))
    assert (due.verdict, due.next_on) == (due_verdict, TODAY)
    before = verdict(run_of(count, days(gap - 1), APART))
    assert (before.verdict, before.next_on) == (Verdict.WAIT, TODAY + DAY)


def test_two_messages_within_the_burst_limit_back_off_one_tick_more_is_a_wait():
    last = days(T.SECOND_FOLLOW_UP_AFTER_DAYS // 2)
    due = (NOW - last).date() + days(T.SECOND_FOLLOW_UP_AFTER_DAYS)
    burst = verdict(run_of(2, last, days(T.BURST_DAYS)))
    assert burst.pressure < T.PUSHY  # so only the burst rule can make it a back-off
    assert (burst.verdict, burst.next_on) == (Verdict.BACK_OFF, due)
    apart = verdict(run_of(2, last, days(T.BURST_DAYS) + TICK))
    assert (apart.verdict, apart.next_on) == (Verdict.WAIT, due)


def test_an_unanswered_message_is_followed_up_until_its_grace_ends_then_let_go():
    last_day = T.FOLLOW_UP_AFTER_DAYS + T.LET_GO_GRACE_DAYS
    assert verdict([out(days(last_day - 1))]).verdict == Verdict.FOLLOW_UP
    assert verdict([out(days(last_day))]).verdict == Verdict.LET_GO


# -- the gauge's zones and the pushy rule ----------------------------------------------

def test_zones_start_exactly_at_their_named_values():
    assert [zone_of(v) for v in (T.WARM - 1, T.WARM, T.PRESSING - 1, T.PRESSING, T.PUSHY - 1, T.PUSHY)] == [
        Zone.CALM, Zone.WARM, Zone.WARM, Zone.PRESSING, Zone.PRESSING, Zone.PUSHY]


def _pushy_edge() -> tuple[list[Interaction], list[Interaction]]:
    """Two unanswered asks (a wait: fewer than the back-off count, no burst), one minute
    apart in age, the younger reading exactly PUSHY and the older PUSHY - 1."""
    def run(minutes: int) -> list[Interaction]:
        return [out(timedelta(minutes=minutes) + APART, Kind.ASK), out(timedelta(minutes=minutes), Kind.ASK)]

    low, high = 0, (T.SECOND_FOLLOW_UP_AFTER_DAYS - 1) * 24 * 60  # still a wait at both ends
    assert verdict(run(low)).pressure >= T.PUSHY > verdict(run(high)).pressure, "no run reads pushy"
    while high - low > 1:  # the pressure falls as the run ages: find where it leaves pushy
        middle = (low + high) // 2
        if verdict(run(middle)).pressure >= T.PUSHY:
            low = middle
        else:
            high = middle
    assert [verdict(run(m)).pressure for m in (low, high)] == [T.PUSHY, T.PUSHY - 1]
    return run(low), run(high)


def test_wait_one_below_pushy_back_off_at_pushy():
    pushy, pressing = _pushy_edge()
    at, below = verdict(pushy), verdict(pressing)
    assert (below.pressure, below.verdict, below.zone) == (T.PUSHY - 1, Verdict.WAIT, Zone.PRESSING)
    assert (at.pressure, at.verdict, at.zone) == (T.PUSHY, Verdict.BACK_OFF, Zone.PUSHY)
    assert at.next_on == pushy[-1].at.date() + days(T.SECOND_FOLLOW_UP_AFTER_DAYS)  # the wait's own date
    assert below.next_on == pressing[-1].at.date() + days(T.SECOND_FOLLOW_UP_AFTER_DAYS)
    assert any("pushy zone" in reason for reason in at.reasons)
    assert not any("pushy zone" in reason for reason in below.reasons)


# -- the weights -------------------------------------------------------------------------

@pytest.mark.parametrize("age", [timedelta(0), DAY, days(T.HALF_LIFE_DAYS), days(T.DECAY_WINDOW_DAYS // 2)])
def test_one_ask_weighs_more_than_one_update_of_the_same_age(age):
    ask, update = verdict([out(age, Kind.ASK)]), verdict([out(age, Kind.UPDATE)])
    assert ask.pressure > update.pressure
    assert load([out(age, Kind.ASK)]) == pytest.approx(load([out(age)]) * T.KIND_WEIGHT[Kind.ASK])


def test_a_message_counts_to_the_end_of_the_decay_window_and_not_a_tick_longer():
    assert load([out(days(T.DECAY_WINDOW_DAYS))]) > 0
    assert load([out(days(T.DECAY_WINDOW_DAYS) + TICK)]) == 0


def test_a_message_within_the_haste_limit_of_a_meeting_is_hasty_at_the_limit_it_is_not():
    meeting = days(T.FOLLOW_UP_AFTER_DAYS // 2)
    hasty = verdict([met(meeting), out(meeting - timedelta(hours=T.HASTE_HOURS) + TICK)])
    paced = verdict([met(meeting), out(meeting - timedelta(hours=T.HASTE_HOURS))])
    assert hasty.pressure > paced.pressure
    assert any("eager" in reason for reason in hasty.reasons)
    assert not any("eager" in reason for reason in paced.reasons)


def test_the_one_sided_warning_starts_at_the_ask_share_and_the_minimum_count():
    sent = 2 * T.ASK_HEAVY_MIN_SENT
    asks = math.ceil(T.ASK_HEAVY_SHARE * sent)
    assert asks / sent == T.ASK_HEAVY_SHARE, "pick `sent` so the share is met exactly"

    def history(asks: int, sent: int) -> list[Interaction]:
        # Answered exchanges, far enough apart that nothing else is said about them.
        items = []
        for n in range(sent):
            kind = Kind.ASK if n < asks else Kind.UPDATE
            items += [out(days(10 * (sent - n) + 1), kind), theirs(days(10 * (sent - n)))]
        return items

    def warned(asks, sent):
        return any("offer something" in reason for reason in verdict(history(asks, sent)).reasons)

    assert warned(asks, sent)
    assert not warned(asks - 1, sent)
    few = T.ASK_HEAVY_MIN_SENT
    assert warned(few, few)  # every one an ask
    assert not warned(few - 1, few - 1)


# -- after a meeting -------------------------------------------------------------------

MEETINGS = [(via, T.EVENT_FOLLOW_UP_DAYS, Verdict.FOLLOW_UP) for via in sorted(NETWORKING_EVENTS)] + [
    (MetVia.INTERVIEW, T.INTERVIEW_FOLLOW_UP_DAYS, Verdict.FOLLOW_UP),
    (MetVia.REFERRAL, T.REFERRAL_FOLLOW_UP_DAYS, Verdict.FOLLOW_UP),
    (MetVia.SOCIAL, T.SOCIAL_CHECK_IN_DAYS, Verdict.CHECK_IN),
]


@pytest.mark.parametrize(("via", "wait", "due_verdict"), MEETINGS)
def test_after_meeting_a_note_is_due_on_its_day_and_waits_the_day_before(via, wait, due_verdict):
    due = verdict([], Contact(name="Diego", met_via=via, met_on=TODAY - days(wait)))
    assert (due.verdict, due.next_on) == (due_verdict, TODAY)
    before = verdict([], Contact(name="Diego", met_via=via, met_on=TODAY - days(wait - 1)))
    assert (before.verdict, before.next_on) == (Verdict.WAIT, TODAY + DAY)


def test_a_meeting_never_written_about_is_followed_up_until_the_quiet_limit():
    met_on = TODAY - days(T.QUIET_DAYS)
    assert verdict([], Contact(name="Diego", met_via=MetVia.EVENT, met_on=met_on)).verdict == Verdict.FOLLOW_UP
    later = verdict([], Contact(name="Diego", met_via=MetVia.EVENT, met_on=met_on - DAY))
    assert later.verdict != Verdict.FOLLOW_UP


# -- keeping in touch ------------------------------------------------------------------

def test_a_keep_in_touch_cadence_comes_due_on_its_day():
    cadence = T.FOLLOW_UP_AFTER_DAYS  # any cadence shorter than the dormant limit
    contact = Contact(name="Maren Holt", keep_in_touch_days=cadence)
    due = verdict([met(days(cadence))], contact)
    assert (due.verdict, due.next_on) == (Verdict.CHECK_IN, TODAY)
    before = verdict([met(days(cadence - 1))], contact)
    assert (before.verdict, before.next_on) == (Verdict.OK, None)


def test_silence_after_a_meeting_is_a_check_in_from_the_quiet_limit_on():
    assert verdict([met(days(T.QUIET_DAYS) - TICK)]).verdict == Verdict.OK
    silent = verdict([met(days(T.QUIET_DAYS))])
    assert (silent.verdict, silent.next_on) == (Verdict.CHECK_IN, TODAY)


def test_a_long_silence_goes_dormant_at_the_dormant_limit_not_a_tick_before():
    assert verdict([met(days(T.DORMANT_DAYS) - TICK)]).verdict == Verdict.CHECK_IN
    assert verdict([met(days(T.DORMANT_DAYS))]).verdict == Verdict.DORMANT  # one meeting: no tie to revive


# -- pinned pressures: one per factor ----------------------------------------------------
# Written out, not computed from thresholds: changing a constant must fail the test named
# after it. pressure = round(100 * (1 - exp(-load / 2.2))); the load of each case follows.

def test_pinned_one_fresh_update_reads_37():  # SATURATION: load 1.0
    assert verdict([out(timedelta(0))]).pressure == 37


def test_pinned_half_life_an_update_reads_20_after_30_days_and_11_after_60():  # load 0.5, 0.25
    assert [verdict([out(days(d))]).pressure for d in (30, 60)] == [20, 11]


def test_pinned_ask_weight_a_fresh_ask_reads_52():  # load 1.6
    assert verdict([out(timedelta(0), Kind.ASK)]).pressure == 52


def test_pinned_giving_weight_a_fresh_thanks_reads_20():  # load 0.5
    assert verdict([out(timedelta(0), Kind.THANKS)]).pressure == 20
    assert verdict([out(timedelta(0), Kind.GIVE)]).pressure == 20


def test_pinned_their_reply_an_answered_update_reads_0_an_answered_ask_17():  # load 0, 0.4
    assert verdict([out(timedelta(hours=2)), theirs(timedelta(hours=1))]).pressure == 0
    assert verdict([out(timedelta(hours=2), Kind.ASK), theirs(timedelta(hours=1))]).pressure == 17


def test_pinned_answered_share_two_messages_then_their_reply_reads_13():  # load 0 + 0.3
    items = [out(days(5)), out(timedelta(hours=2)), theirs(timedelta(hours=1))]
    assert verdict(items).pressure == 13


def test_pinned_answering_share_your_reply_to_them_reads_15():  # load 0.35
    assert verdict([theirs(timedelta(hours=2)), out(timedelta(hours=1), Kind.REPLY)]).pressure == 15


def test_pinned_chase_step_a_second_unanswered_message_reads_66():  # 0.5^(10/30) + 1.75 * 0.5^(5/30)
    assert verdict([out(days(10)), out(days(5))]).pressure == 66


def test_pinned_burst_factor_two_messages_three_days_apart_read_77_not_62():  # second one x 1.8
    assert verdict([out(days(13)), out(days(10))]).pressure == 77
    assert verdict([out(days(13) + timedelta(hours=1)), out(days(10))]).pressure == 62


def test_pinned_haste_factor_a_message_11_hours_after_meeting_reads_48_not_34():  # x 1.6
    assert verdict([met(days(5)), out(days(5) - timedelta(hours=11))]).pressure == 48
    assert verdict([met(days(5)), out(days(5) - timedelta(hours=12))]).pressure == 34
