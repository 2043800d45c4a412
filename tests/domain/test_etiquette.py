"""The etiquette the pressure engine encodes: one test per rule of the foundation issue."""

from datetime import timedelta

import pytest

from netpace.domain import thresholds as T
from netpace.domain.model import Kind, MetVia, Verdict, Zone
from netpace.domain.pressure import assess

from ..helpers import NOW, at, event_contact, inbound, met, out, person


@pytest.mark.parametrize("via", [MetVia.EVENT, MetVia.CONFERENCE, MetVia.MEETUP, MetVia.CAREER_FAIR])
@pytest.mark.parametrize("days", [1, 2, 5])
def test_1_met_at_networking_event_and_silent_is_follow_up(via, days):
    met_on = at(days=days).date()
    result = assess(event_contact(met_on, via), [met(at(days=days))], NOW)
    assert result.verdict == Verdict.FOLLOW_UP
    assert result.next_on == met_on + timedelta(days=1)
    assert "expect to hear from you" in result.reasons[0]


def test_1_event_contact_already_written_to_is_not_follow_up():
    met_on = at(days=3).date()
    history = [met(at(days=3)), out(at(days=2), Kind.FOLLOW_UP)]
    assert assess(event_contact(met_on), history, NOW).verdict == Verdict.WAIT


def test_2_met_a_few_hours_ago_follow_up_not_due_yet():
    contact = event_contact(NOW.date(), MetVia.EVENT)
    result = assess(contact, [met(at(hours=3))], NOW)
    assert result.verdict == Verdict.WAIT
    assert result.next_on == NOW.date() + timedelta(days=1)
    assert "tomorrow" in result.reasons[0]


def test_2_message_minutes_after_parting_raises_pressure_noticeably():
    contact = event_contact(NOW.date(), MetVia.EVENT)
    hasty = assess(contact, [met(at(hours=3)), out(at(hours=2, minutes=50))], NOW)
    # The same message, the same age, but sent the next day: that is the right pace.
    paced = assess(contact, [met(at(days=1, hours=3)), out(at(hours=2, minutes=50))], NOW)
    silent = assess(contact, [met(at(hours=3))], NOW)
    assert silent.pressure == 0
    assert hasty.pressure >= paced.pressure + 15
    assert hasty.zone in (Zone.WARM, Zone.PRESSING)
    assert any("eager" in reason for reason in hasty.reasons)


def test_3_one_message_unanswered_three_weeks_is_one_follow_up():
    result = assess(person(), [out(at(days=21), Kind.ASK)], NOW)
    assert result.verdict == Verdict.FOLLOW_UP
    assert result.unanswered == 1
    assert "no reply" in result.reasons[0]


def test_3_same_message_four_days_old_is_wait_for_two_to_three_weeks():
    sent = at(days=4)
    result = assess(person(), [out(sent, Kind.ASK)], NOW)
    assert result.verdict == Verdict.WAIT
    waited = (result.next_on - sent.date()).days
    assert 14 <= waited <= 21
    assert result.next_on > NOW.date()


@pytest.mark.parametrize(
    "ages",
    [
        (20, 10, 2),  # three unanswered over three weeks
        (10, 6, 1),  # three in ten days
        (30, 20, 12, 5),  # four unanswered
        (2, 0.5),  # several within a few days
        (1, 0.2, 0.1),
    ],
)
def test_4_unanswered_barrage_is_back_off_pushy_weeks_out(ages):
    history = [out(at(days=age)) for age in ages]
    result = assess(person(), history, NOW)
    assert result.verdict == Verdict.BACK_OFF
    assert result.zone == Zone.PUSHY
    assert result.next_on is not None
    assert (result.next_on - NOW.date()).days >= 14
    assert result.unanswered == len(ages)


def test_4_back_off_is_never_today_however_the_clock_moves():
    history = [out(at(days=age)) for age in (20, 10, 2)]
    for later in range(0, 200, 3):
        moment = NOW + timedelta(days=later)
        result = assess(person(), history, moment)
        if result.verdict == Verdict.BACK_OFF:
            assert result.next_on > moment.date()


def test_5_their_message_latest_is_reply_owed():
    history = [out(at(days=10), Kind.ASK), inbound(at(days=2))]
    result = assess(person(), history, NOW)
    assert result.verdict == Verdict.REPLY_OWED
    assert result.next_on == at(days=2).date()
    assert "haven't answered" in result.reasons[0]


@pytest.mark.parametrize("answer", [out(at(days=1)), met(at(days=1))])
def test_5_a_later_message_meeting_or_call_answers_them(answer):
    history = [inbound(at(days=2)), answer]
    assert assess(person(), history, NOW).verdict != Verdict.REPLY_OWED


def test_5_reply_owed_comes_first_in_triage():
    from netpace.domain.pressure import triage_key

    owed = triage_key(Verdict.REPLY_OWED, NOW.date(), 0, "b")
    follow = triage_key(Verdict.FOLLOW_UP, at(days=30).date(), 90, "a")
    check = triage_key(Verdict.CHECK_IN, at(days=300).date(), 0, "a")
    assert sorted([check, follow, owed]) == [owed, follow, check]


def test_6_steady_back_and_forth_last_a_meeting_is_ok_and_calm():
    history = []
    for weeks in range(10, 1, -2):
        history += [out(at(days=weeks * 7)), inbound(at(days=weeks * 7 - 1))]
    history.append(met(at(days=7)))
    result = assess(person(), history, NOW)
    assert result.verdict == Verdict.OK
    assert result.zone == Zone.CALM
    assert result.pressure < T.WARM
    assert result.reply_rate == 1.0


def test_7_keep_in_touch_cadence_passed_is_check_in():
    contact = person(keep_in_touch_days=90)
    history = [out(at(days=125)), inbound(at(days=122)), met(at(days=120))]
    result = assess(contact, history, NOW)
    assert result.verdict == Verdict.CHECK_IN
    assert result.next_on == at(days=120).date() + timedelta(days=90)
    assert "not an ask" in result.reasons[0]


def test_7_cadence_not_yet_passed_is_ok():
    contact = person(keep_in_touch_days=90)
    assert assess(contact, [met(at(days=30))], NOW).verdict == Verdict.OK


def test_7_once_active_contact_silent_for_months_is_check_in():
    history = [out(at(days=300)), inbound(at(days=298)), met(at(days=200)), out(at(days=150)), inbound(at(days=149), Kind.THANKS)]
    result = assess(person(), history, NOW)
    assert result.verdict == Verdict.CHECK_IN
    assert "forget" in result.reasons[0]


def test_8_mostly_asks_weigh_more_and_say_so():
    def history(kind):
        items = []
        for days in (40, 30, 20, 10):
            items += [out(at(days=days), kind), inbound(at(days=days - 1))]
        return items + [out(at(days=3), kind)]

    asks = assess(person(), history(Kind.ASK), NOW)
    plain = assess(person(), history(Kind.UPDATE), NOW)
    assert asks.pressure > plain.pressure
    assert asks.ask_share == 1.0
    assert any("asks" in reason and "thanks" in reason for reason in asks.reasons)
    assert not any("asks" in reason for reason in plain.reasons)


def test_8_a_thanks_or_give_silences_the_one_sided_warning():
    items = [out(at(days=d), Kind.ASK) for d in (40, 20)] + [inbound(at(days=19)), out(at(days=18), Kind.THANKS)]
    result = assess(person(), items, NOW)
    assert not any("none a thanks" in reason for reason in result.reasons)


def test_zones_have_named_boundaries():
    from netpace.domain.pressure import zone_of

    assert [zone_of(v) for v in (0, 29, 30, 54, 55, 79, 80, 100)] == [
        Zone.CALM, Zone.CALM, Zone.WARM, Zone.WARM, Zone.PRESSING, Zone.PRESSING, Zone.PUSHY, Zone.PUSHY,
    ]


def test_their_thanks_closes_the_exchange():
    history = [out(at(days=5), Kind.GIVE), inbound(at(days=4), Kind.THANKS)]
    assert assess(person(), history, NOW).verdict == Verdict.OK


def test_old_unanswered_message_from_them_has_lapsed_not_reply_owed():
    """One message from them 200 days ago, never answered: a weak tie, so the moment has
    passed and it goes dormant (a strong tie would be a reconnect: see test_lifetime)."""
    result = assess(person(), [inbound(at(days=200))], NOW)
    assert result.verdict == Verdict.DORMANT


def test_nothing_logged_is_ok_with_no_next_date():
    result = assess(person(), [], NOW)
    assert result.verdict == Verdict.OK and result.next_on is None and result.pressure == 0
    assert result.reply_rate is None and result.last_contact is None


def test_reasons_carry_the_numbers():
    history = [out(at(days=d)) for d in (10, 6, 1)]
    reasons = assess(person(), history, NOW).reasons
    assert reasons[0].startswith("3 messages in 10 days, no reply")


def test_naive_now_is_refused():
    with pytest.raises(ValueError):
        assess(person(), [], NOW.naive())


def test_answering_their_message_adds_little_pressure():
    answered_them = assess(person(), [inbound(at(days=2)), out(at(hours=1), Kind.REPLY)], NOW)
    started = assess(person(), [out(at(hours=1), Kind.UPDATE)], NOW)
    assert answered_them.zone == Zone.CALM
    assert answered_them.pressure < started.pressure / 2
    assert answered_them.verdict == Verdict.WAIT  # the ball is in their court now
