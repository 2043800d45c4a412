"""Direct tests of the reasons' sentences, today's queue, a standing's later reading and
who is hidden: each writer called with the values the engine hands it, and the
sentences asserted word for word (they are what the user reads)."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone

import pytest

from netpace.domain.model import (
    ACTIONABLE,
    Assessment,
    Contact,
    Kind,
    ContactSummary,
    Pace,
    Status,
    Tie,
    TieLabel,
    Verdict,
    Zone,
    hidden_on,
)
from netpace.domain.pressure import EMPTY_HISTORY, Standing, digest, standing, standing_at
from netpace.domain.pressure.engine import MARGIN
from netpace.domain.pressure import reasons as R
from netpace.domain.queue import Queue, actionable, todays_queue, value_key
from tests.helpers import NOW, at, inbound, met, out, person

TODAY = NOW.date()  # Thu 26 Nov 2026
DAY = 86400.0
# A clock far from UTC (the machine's zone in CI) and from Berlin, at a fixed offset.
KATHMANDU = timezone(timedelta(hours=5, minutes=45))
NOW_KTM = datetime(2026, 11, 26, 10, 0, tzinfo=KATHMANDU)
STRONG = Tie(60, TieLabel.STRONG, sent=15, received=14, together=2, years=6.2)


def history(*items, now: datetime = NOW):
    return digest(items, now)


def run(writer, values=(), items=(), start=0, now: datetime = NOW, hist=None):
    found = hist if hist is not None else history(*items, now=now)
    return writer(values, found, now, now.date(), start)


# -- tie_words -----------------------------------------------------------------------------

def test_no_tie_says_they_never_answered():
    assert R.tie_words(Tie(0, TieLabel.NONE, sent=4)) == "They have never written back or met you."


def test_a_long_strong_tie_in_full():
    assert R.tie_words(STRONG) == (
        "A strong tie: you wrote 15 times and they wrote 14 times over 6 years, and you met or spoke twice."
    )


@pytest.mark.parametrize(("tie", "words"), [
    (Tie(30, TieLabel.REGULAR, sent=1), "A regular tie: you wrote once and they never wrote."),
    (Tie(10, TieLabel.WEAK, sent=2, received=1, together=1),
     "A weak tie: you wrote twice and they wrote once, and you met or spoke once."),
    (Tie(10, TieLabel.WEAK, sent=3, received=2), "A weak tie: you wrote 3 times and they wrote twice."),
])
def test_each_label_and_count_in_words(tie, words):
    assert R.tie_words(tie) == words


@pytest.mark.parametrize(("years", "length"), [
    (0.0, ""),
    (0.08, ""),  # under a month: no length
    (1 / 12, " over 1 month"),
    (0.25, " over 3 months"),
    (0.75, " over 9 months"),
    (0.999, " over 12 months"),
    (1.0, " over 1 year"),
    (1.4, " over 1 year"),
    (1.6, " over 2 years"),
    (2.0, " over 2 years"),
])
def test_the_length_of_a_tie_in_months_then_years(years, length):
    tie = Tie(40, TieLabel.REGULAR, sent=2, received=2, years=years)
    assert R.tie_words(tie) == f"A regular tie: you wrote twice and they wrote twice{length}."


# -- a meeting logged ahead ----------------------------------------------------------------

def test_a_planned_meeting_in_the_local_time_of_now():
    # 23:30 UTC on 3 Dec is 05:15 on 4 Dec in Kathmandu.
    upcoming = datetime(2026, 12, 3, 23, 30, tzinfo=timezone.utc)
    assert run(R.planned, (upcoming,), now=NOW_KTM) == [
        "Meeting planned Fri 4 Dec 05:15: nothing to send before it."
    ]


def test_a_planned_meeting_next_year_names_the_year():
    upcoming = datetime(2027, 1, 5, 9, 0, tzinfo=timezone.utc)
    assert run(R.planned, (upcoming,)) == ["Meeting planned Tue 5 Jan 2027 10:00: nothing to send before it."]


def test_a_passed_meeting_asks_whether_it_happened():
    passed = datetime(2026, 11, 25, 20, 0, tzinfo=timezone.utc)  # 01:45 on 26 Nov in Kathmandu
    assert run(R.confirm, (passed,), now=NOW_KTM) == [
        "Your meeting Thu 26 Nov 01:45 has passed: did it happen, was it moved, or cancelled?"
    ]


def test_a_passed_meeting_last_year_names_the_year():
    passed = datetime(2025, 12, 30, 14, 0, tzinfo=timezone.utc)
    assert run(R.confirm, (passed,)) == [
        "Your meeting Tue 30 Dec 2025 15:00 has passed: did it happen, was it moved, or cancelled?"
    ]


# -- their message is the last ------------------------------------------------------------

def test_a_reply_owed():
    when = at(days=3)
    assert run(R.reply_owed, (when, when.date()), [inbound(when)], start=1) == [
        "They wrote 3 days ago (Mon 23 Nov) and you haven't answered."
    ]


@pytest.mark.parametrize(("revive", "advice"), [(True, R.REVIVE), (False, R.LEAVE)])
def test_a_lapsed_reply(revive, advice):
    when = at(days=100)
    assert run(R.lapsed, (when, STRONG, revive), [inbound(when)], start=1) == [
        "They wrote 3 months ago and never heard back; the moment for that answer has passed.",
        "A strong tie: you wrote 15 times and they wrote 14 times over 6 years, and you met or spoke twice.",
        advice,
    ]


def test_revive_and_leave_wording():
    assert R.REVIVE == "Worth reviving: don't let them forget you; a friendly note, not an ask."
    assert R.LEAVE == ("Dormant: a note out of the blue would not land; set a keep-in-touch cadence to "
                       "revive it.")


# -- what is unanswered (facts) -------------------------------------------------------------

def test_one_message_with_no_reply():
    assert R.facts(history(out(at(days=21))), NOW, 0) == "Your message 3 weeks ago has no reply yet."


def test_one_message_after_their_last():
    found = history(inbound(at(days=40)), out(at(days=21)))
    assert R.facts(found, NOW, 1) == "Your message 3 weeks ago has no reply yet. They last wrote 5 weeks ago."


def test_messages_after_a_meeting():
    found = history(met(at(days=30)), out(at(days=20)), out(at(days=10)))
    assert R.facts(found, NOW, 1) == "2 messages in 11 days, no reply. You last met or spoke 4 weeks ago."


def test_messages_with_nothing_before_them():
    found = history(out(at(days=20)), out(at(days=15)), out(at(days=10)))
    assert R.facts(found, NOW, 0) == "3 messages in 11 days, no reply."


def test_the_spread_counts_local_days():
    # 23:30 UTC on 21 Nov is 22 Nov in Berlin: 22 and 23 Nov are two days (three in UTC).
    first = datetime(2026, 11, 21, 23, 30, tzinfo=timezone.utc)
    last = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)
    assert R.facts(history(out(first), out(last)), NOW, 0) == "2 messages in 2 days, no reply."


@pytest.mark.parametrize(("days_apart", "words"), [
    (58, "2 messages in 59 days, no reply."),
    (59, "2 messages over 2 months, no reply."),
    (100, "2 messages over 3 months, no reply."),
])
def test_a_long_spread_in_weeks_or_months(days_apart, words):
    found = history(out(at(days=days_apart + 1)), out(at(days=1)))
    assert R.facts(found, NOW, 0) == words


def test_pace_words():
    assert R.pace_words(history(out(at(days=2))), 7) == ""
    paced = history(out(at(days=2)))._replace(pace=Pace(2 * DAY, 4, None, 0))
    assert R.pace_words(paced, 7) == "They usually answer within 2 days (4 replies), so give it 7 days."


# -- your messages wait for an answer -----------------------------------------------------

PACED = Pace(2 * DAY, 4, None, 0)


def test_wait_on_one_message_with_their_pace():
    found = history(inbound(at(days=9)), out(at(days=2)))._replace(pace=PACED)
    assert R.wait((date(2026, 12, 3), 9), found, NOW, TODAY, 1) == [
        "Your message 2 days ago has no reply yet. They last wrote 9 days ago.",
        "They usually answer within 2 days (4 replies), so give it 9 days.",
        "Give them until Thu 3 Dec.",
    ]


def test_wait_without_a_pace_leaves_no_blank_line():
    assert run(R.wait, (date(2027, 1, 5), 14), [out(at(days=2))]) == [
        "Your message 2 days ago has no reply yet.",
        "Give them until Tue 5 Jan 2027.",
    ]


def test_wait_on_two_messages_gives_no_pace():
    found = history(out(at(days=5)), out(at(days=2)))._replace(pace=PACED)
    assert R.wait((date(2026, 12, 3), 9), found, NOW, TODAY, 0) == [
        "2 messages in 4 days, no reply.",
        "Give them until Thu 3 Dec.",
    ]


def test_follow_up_with_and_without_their_pace():
    plain = history(out(at(days=15)))
    assert R.follow_up((date(2026, 11, 25), 14), plain, NOW, TODAY, 0) == [
        "Your message 2 weeks ago has no reply yet.",
        "One polite follow-up on that message is fine now.",
    ]
    assert R.follow_up((date(2026, 11, 25), 9), plain._replace(pace=PACED), NOW, TODAY, 0) == [
        "Your message 2 weeks ago has no reply yet.",
        "They usually answer within 2 days (4 replies), so give it 9 days.",
        "One polite follow-up on that message is fine now.",
    ]


def test_last_note():
    found = history(inbound(at(days=80)), out(at(days=70)), out(at(days=40)))
    assert R.last_note((), found, NOW, TODAY, 1) == [
        "2 messages in 31 days, no reply. They last wrote 2 months ago.",
        "One last friendly note, with no ask, is the most that fits.",
    ]


def test_barrage_and_burst():
    items = [out(at(days=3)), out(at(days=2)), out(at(days=1))]
    assert run(R.barrage, (date(2027, 2, 25),), items) == [
        "3 messages in 3 days, no reply.",
        "Leave them alone until Thu 25 Feb 2027; more now would be a barrage.",
    ]
    assert run(R.burst, (date(2026, 11, 28),), items[1:]) == [
        "2 messages in 2 days, no reply.",
        "Two messages within 3 days: hold off until Sat 28 Nov.",
    ]


def test_let_go_one_message_or_several():
    assert run(R.let_go, (), [inbound(at(days=200)), out(at(days=100))], start=1) == [
        "Your message 3 months ago has no reply yet. They last wrote 6 months ago.",
        "They never answered your message, and the time for a follow-up has passed: let it go. "
        "If they write, netpace picks it up again.",
    ]
    assert run(R.let_go, (), [out(at(days=100)), out(at(days=95)), out(at(days=90))]) == [
        "3 messages in 11 days, no reply.",
        "They never answered your 3 messages, and the time for a follow-up has passed: let it go. "
        "If they write, netpace picks it up again.",
    ]


# -- you met and have not written since ---------------------------------------------------

def test_met_today_a_note_tomorrow():
    assert run(R.met_wait, ("at a conference", TODAY, date(2026, 11, 27), 1)) == [
        "You met at a conference today: a short note tomorrow is the right pace."
    ]


def test_met_yesterday_a_note_from_a_day():
    assert run(R.met_wait, ("socially", date(2026, 11, 25), date(2026, 12, 2), 7)) == [
        "You met socially on Wed 25 Nov: a note from Wed 2 Dec is the right pace."
    ]


def test_met_yesterday_with_a_one_day_wait():
    assert run(R.met_wait, ("at a meetup", date(2026, 11, 25), TODAY, 1)) == [
        "You met at a meetup on Wed 25 Nov: a short note tomorrow is the right pace."
    ]


def test_met_long_ago():
    assert run(R.met_long_ago, ("at a conference", 100)) == [
        "You met at a conference 3 months ago and never wrote: remind them where you met."
    ]


def test_met_and_a_follow_up_is_due():
    assert run(R.met_follow_up, ("at a conference", date(2026, 11, 24), 2)) == [
        "You met at a conference on Tue 24 Nov (2 days ago) and haven't written since: they expect to hear "
        "from you."
    ]
    assert run(R.met_follow_up, ("at an interview", date(2025, 11, 25), 1)) == [
        "You met at an interview on Tue 25 Nov 2025 (1 day ago) and haven't written since: they expect to hear "
        "from you."
    ]


def test_met_check_in():
    assert run(R.met_check_in, ("socially", 8)) == ["You met socially 8 days ago: a light note, not an ask."]


# -- nothing is owed: keeping in touch ----------------------------------------------------

def test_cadence_due_with_and_without_history():
    assert run(R.cadence_due, (30,), [out(at(days=90)), out(at(days=60)), inbound(at(days=35))]) == [
        "You keep in touch every 30 days; last contact 5 weeks ago: a friendly note, not an ask."
    ]
    assert R.cadence_due((1,), EMPTY_HISTORY, NOW, TODAY, 0) == [
        "You keep in touch every 1 day; nothing logged yet: a friendly note, not an ask."
    ]


def test_cadence_ok():
    assert run(R.cadence_ok, (30, date(2026, 12, 5)), [out(at(days=21))]) == [
        "You keep in touch every 30 days; next check-in Sat 5 Dec."
    ]


def test_nothing_yet():
    assert R.nothing_yet((), EMPTY_HISTORY, NOW, TODAY, 0) == ["Nothing logged yet."]


def test_quiet():
    items = [out(at(days=200)), inbound(at(days=150)), out(at(days=120)), inbound(at(days=100))]
    assert run(R.quiet, (), items, start=4) == [
        "Silent for 3 months after 4 exchanges: don't let them forget you; a friendly note, not an ask."
    ]


@pytest.mark.parametrize(("revive", "advice"), [(True, R.REVIVE), (False, R.LEAVE)])
def test_long_silence_with_a_history(revive, advice):
    last = at(days=800)
    assert run(R.long_silence, (last, STRONG, revive), [out(at(days=900)), inbound(last)], start=2) == [
        "Silent for 2 years. A strong tie: you wrote 15 times and they wrote 14 times over 6 years, "
        "and you met or spoke twice.",
        advice,
    ]


def test_long_silence_with_nothing_logged_names_the_local_day():
    since = datetime(2024, 1, 1, 23, 30, tzinfo=timezone.utc)  # 2 Jan in Berlin
    assert R.long_silence((since, STRONG, False), EMPTY_HISTORY, NOW, TODAY, 0) == [
        "Nothing has passed between you since Tue 2 Jan 2024.",
        R.LEAVE,
    ]


def test_fine_names_their_recent_reply():
    items = [inbound(at(days=12)), inbound(at(days=5)), out(at(days=3))]
    assert run(R.fine, (), items, start=3) == [
        "Last contact 3 days ago: nothing is owed either way.",
        "They replied 5 days ago.",
    ]


@pytest.mark.parametrize(("days", "replied"), [
    (14, ["They replied 2 weeks ago."]),
    (14 + 1 / 1440, []),  # a minute past the follow-up window
])
def test_fine_a_reply_is_recent_for_two_weeks(days, replied):
    items = [inbound(at(days=days)), met(at(days=1))]
    assert run(R.fine, (), items, start=2) == ["Last contact 1 day ago: nothing is owed either way.", *replied]


def test_fine_without_a_reply_of_theirs():
    assert run(R.fine, (), [met(at(days=40)), out(at(days=1))], start=2) == [
        "Last contact 1 day ago: nothing is owed either way."
    ]


# -- what every assessment adds -----------------------------------------------------------

def write(found, start, *, writer=R.nothing_yet, values=(), pushy=False, hasty=False):
    return R.write(writer, values, found, NOW, TODAY, start, pushy, hasty)


def test_write_adds_nothing_to_a_short_quiet_history():
    assert write(history(out(at(days=5)), inbound(at(days=4))), 2) == ["Nothing logged yet."]


def test_write_hands_the_writer_its_values():
    found = history(inbound(at(days=20)), out(at(days=3)), out(at(days=2)), out(at(days=1)))
    assert write(found, 1, writer=R.barrage, values=(date(2027, 2, 25),)) == [
        "3 messages in 3 days, no reply. They last wrote 2 weeks ago.",
        "Leave them alone until Thu 25 Feb 2027; more now would be a barrage.",
        "In all, you wrote 3 times and they wrote once.",
    ]


def test_write_adds_the_pushy_zone():
    assert write(history(out(at(days=5))), 0, pushy=True) == [
        "Nothing logged yet.",
        "The gauge is in the pushy zone: let it cool before writing again.",
    ]


def test_write_calls_a_hasty_message_eager():
    found = history(out(at(days=10)), inbound(at(days=9)), out(at(days=1, hours=5)), out(at(days=1)))
    assert write(found, 2, hasty=True) == [
        "Nothing logged yet.",
        "Your last message went out 5 hours after your previous message: that reads as eager.",
        "In all, you wrote 3 times and they wrote once.",
    ]


def test_write_a_message_soon_after_meeting():
    found = history(out(at(days=3)), met(at(days=1, hours=2)), inbound(at(days=1, hours=1)), out(at(days=1)))
    assert write(found, 3, hasty=True) == [
        "Nothing logged yet.",
        "Your last message went out 2 hours after you met: that reads as eager.",
    ]


def test_write_haste_needs_an_earlier_contact_of_yours():
    assert write(history(inbound(at(days=2)), out(at(days=1))), 1, hasty=True) == ["Nothing logged yet."]


def test_write_haste_at_the_same_moment():
    when = at(days=1)
    assert write(history(out(when), out(when)), 0, hasty=True) == [
        "Nothing logged yet.",
        "Your last message went out moments after your previous message: that reads as eager.",
    ]


def test_write_no_haste_once_they_answered():
    found = history(out(at(days=2, hours=1)), out(at(days=2)), inbound(at(days=1)))
    assert write(found, 3, hasty=True) == ["Nothing logged yet."]


def test_write_calls_out_a_run_of_asks():
    found = history(*(out(at(days=d), kind=k) for d, k in ((30, Kind.ASK), (20, Kind.ASK), (10, Kind.UPDATE))))
    assert write(found, 0) == [
        "Nothing logged yet.",
        "2 of your 3 messages were asks and none a thanks or a give: offer something before you ask again.",
        "In all, you wrote 3 times and they never wrote.",
    ]


def test_write_asks_exactly_half():
    found = history(out(at(days=40), kind=Kind.ASK), out(at(days=30), kind=Kind.ASK),
                    out(at(days=20)), out(at(days=10)), inbound(at(days=5)))
    assert write(found, 5) == [
        "Nothing logged yet.",
        "2 of your 4 messages were asks and none a thanks or a give: offer something before you ask again.",
        "In all, you wrote 4 times and they wrote once.",
    ]


@pytest.mark.parametrize("kinds", [
    (Kind.ASK, Kind.UPDATE, Kind.UPDATE),  # one ask in three
    (Kind.ASK, Kind.ASK, Kind.THANKS),  # a thanks among them
    (Kind.ASK, Kind.ASK, Kind.GIVE),
])
def test_write_no_ask_call_out(kinds):
    found = history(*(out(at(days=30 - 10 * n), kind=k) for n, k in enumerate(kinds)), inbound(at(days=1)))
    assert write(found, 4) == ["Nothing logged yet.", "In all, you wrote 3 times and they wrote once."]


def test_write_two_asks_are_too_few_to_call_out():
    found = history(out(at(days=20), kind=Kind.ASK), out(at(days=10), kind=Kind.ASK))
    assert write(found, 0) == ["Nothing logged yet."]


def test_write_leaves_the_totals_to_tie_writers():
    last = at(days=100)
    found = history(out(at(days=130)), out(at(days=120)), out(at(days=110)), inbound(last))
    assert write(found, 4, writer=R.lapsed, values=(last, Tie(5, TieLabel.WEAK, sent=3, received=1), False)) == [
        "They wrote 3 months ago and never heard back; the moment for that answer has passed.",
        "A weak tie: you wrote 3 times and they wrote once.",
        R.LEAVE,
    ]
    assert R.TIE_WRITERS == frozenset({R.lapsed, R.long_silence})


# -- today's queue ------------------------------------------------------------------------

def summary(name: str, verdict: Verdict, strength: int = 0, next_on: date | None = None,
            id: int | None = None, **contact) -> ContactSummary:
    assessment = Assessment(
        pressure=0, zone=Zone.CALM, verdict=verdict, next_on=next_on, reasons=(), reply_rate=None,
        unanswered=0, last_contact=None, ask_share=None, tie=Tie(strength, TieLabel.WEAK),
    )
    return ContactSummary(Contact(name=name, id=id, **contact), assessment)


def names(summaries) -> list[str]:
    return [s.contact.name for s in summaries]


def test_value_key():
    assert value_key(summary("Åsa Berg", Verdict.CHECK_IN, 42, date(2026, 12, 1), id=7)) == (
        -42, date(2026, 12, 1), "åsa berg", 7,
    )
    assert value_key(summary("STRASSE", Verdict.RECONNECT)) == (0, date.max, "strasse", 0)
    assert value_key(summary("Straße", Verdict.RECONNECT)) == (0, date.max, "strasse", 0)


def test_value_order_strength_then_overdue_then_name_then_id():
    people = [
        summary("no date", Verdict.CHECK_IN, 50),
        summary("later", Verdict.CHECK_IN, 50, date(2026, 11, 20)),
        summary("weak", Verdict.CHECK_IN, 10, date(2026, 1, 1)),
        summary("Bob", Verdict.CHECK_IN, 50, date(2026, 11, 1), id=1),
        summary("alice", Verdict.CHECK_IN, 50, date(2026, 11, 1), id=9),
        summary("alice", Verdict.CHECK_IN, 50, date(2026, 11, 1)),
        summary("strong", Verdict.RECONNECT, 90, date(2026, 11, 25)),
    ]
    ordered = sorted(people, key=value_key)
    assert [(s.contact.name, s.contact.id) for s in ordered] == [
        ("strong", None), ("alice", None), ("alice", 9), ("Bob", 1), ("later", None), ("no date", None),
        ("weak", None),
    ]


def test_actionable_keeps_only_what_to_do_in_the_order_given():
    people = [summary(verdict.value, verdict) for verdict in Verdict]
    assert names(actionable(reversed(people), TODAY)) == [
        "reconnect", "check_in", "follow_up", "confirm", "reply_owed",
    ]
    assert {Verdict(name) for name in names(actionable(people, TODAY))} == ACTIONABLE


def test_actionable_leaves_out_hidden_contacts():
    people = [
        summary("archived", Verdict.REPLY_OWED, status=Status.ARCHIVED),
        summary("snoozed", Verdict.REPLY_OWED, status=Status.SNOOZED, snoozed_until=date(2026, 11, 27)),
        summary("woke", Verdict.FOLLOW_UP, status=Status.SNOOZED, snoozed_until=TODAY),
        summary("active", Verdict.CHECK_IN),
    ]
    assert names(actionable(people, TODAY)) == ["woke", "active"]


def queue_people():
    return [
        summary("check weak", Verdict.CHECK_IN, 10, date(2026, 11, 1)),
        summary("reply", Verdict.REPLY_OWED, 5),
        summary("reconnect strong", Verdict.RECONNECT, 80, date(2026, 11, 20)),
        summary("waiting", Verdict.WAIT, 99),
        summary("follow", Verdict.FOLLOW_UP, 1),
        summary("check strong old", Verdict.CHECK_IN, 80, date(2026, 10, 1)),
        summary("confirm", Verdict.CONFIRM),
        summary("check mid", Verdict.CHECK_IN, 40),
        summary("hidden", Verdict.CHECK_IN, 100, status=Status.ARCHIVED),
        summary("snoozed", Verdict.REPLY_OWED, 100, status=Status.SNOOZED, snoozed_until=date(2026, 11, 27)),
        summary("woke", Verdict.FOLLOW_UP, 2, status=Status.SNOOZED, snoozed_until=TODAY),
    ]


@pytest.mark.parametrize(("budget", "chosen", "waiting"), [
    (5, ["check strong old", "reconnect strong", "check mid", "check weak"], 0),
    (4, ["check strong old", "reconnect strong", "check mid", "check weak"], 0),
    (3, ["check strong old", "reconnect strong", "check mid"], 1),
    (2, ["check strong old", "reconnect strong"], 2),
    (1, ["check strong old"], 3),
    (0, [], 4),
    (-1, [], 4),
])
def test_todays_queue_always_shows_replies_then_a_budget_of_the_most_valuable(budget, chosen, waiting):
    queue = todays_queue(queue_people(), TODAY, budget)
    assert isinstance(queue, Queue)
    assert names(queue.items) == ["reply", "follow", "confirm", "woke", *chosen]
    assert queue.waiting == waiting


def test_todays_queue_of_nobody():
    assert todays_queue([], TODAY, 5) == Queue([], 0)


# -- a standing read later ----------------------------------------------------------------

REF = NOW.timestamp()


def kept(verdict=Verdict.WAIT, load=1.0, decided=10 * DAY, load_for=20 * DAY) -> Standing:
    return Standing(verdict, date(2026, 12, 3), REF + decided, load, REF, REF + load_for)


def test_standing_at_holds_from_its_moment():
    assert standing_at(kept(), REF) == (37, Verdict.WAIT)
    assert standing_at(kept(), REF - 0.001) is None


def test_standing_at_decays_by_the_half_life():
    assert standing_at(kept(decided=40 * DAY, load_for=40 * DAY), REF + 30 * DAY) == (20, Verdict.WAIT)
    assert standing_at(kept(load=2.0), REF + 5 * DAY) == (56, Verdict.WAIT)


def test_standing_at_ends_when_the_decision_turns():
    assert standing_at(kept(), REF + 10 * DAY - 0.001) is not None
    assert standing_at(kept(), REF + 10 * DAY) is None


def test_standing_at_ends_when_the_load_changes():
    shorter = kept(decided=20 * DAY, load_for=10 * DAY)
    assert standing_at(shorter, REF + 10 * DAY - 0.001) is not None
    assert standing_at(shorter, REF + 10 * DAY) is None


@pytest.mark.parametrize(("load", "found"), [
    (3.5408, (80, Verdict.BACK_OFF)),
    (3.4335, (79, Verdict.WAIT)),
])
def test_standing_at_a_wait_in_the_pushy_zone_backs_off(load, found):
    assert standing_at(kept(load=load), REF) == found


def test_standing_at_only_a_wait_turns_into_back_off():
    assert standing_at(kept(Verdict.FOLLOW_UP, load=6.0), REF) == (93, Verdict.FOLLOW_UP)


def test_standing_of_one_fresh_message():
    sent = at(days=2)
    found = standing(person(), history(out(sent)), NOW)
    assert found.verdict == Verdict.WAIT
    assert found.next_on == date(2026, 12, 8)  # sent on 24 Nov, a 14-day follow-up window
    assert found.decided_until == datetime(2026, 12, 7, 23, 0, tzinfo=timezone.utc).timestamp() - MARGIN
    assert found.load == pytest.approx(0.5 ** (2 / 30))
    assert found.ref_ts == NOW.timestamp()
    assert found.load_until == sent.timestamp() + 180 * DAY - MARGIN


def test_standing_load_holds_until_the_first_message_in_the_window_leaves_it():
    edge = at(days=180)  # exactly the window's age: still in it, and leaving now
    found = standing(person(), history(out(at(days=181)), out(edge), out(at(days=2))), NOW)
    assert found.load_until == edge.timestamp() + 180 * DAY - MARGIN
    found = standing(person(), history(out(at(days=181)), out(at(days=2))), NOW)
    assert found.load_until == at(days=2).timestamp() + 180 * DAY - MARGIN


def test_standing_without_messages_of_yours_keeps_its_load():
    found = standing(person(), history(inbound(at(days=2))), NOW)
    assert (found.verdict, found.next_on, found.load, found.load_until) == (
        Verdict.REPLY_OWED, date(2026, 11, 24), 0.0, math.inf,
    )
    # Held until the next day the decision compares today with: a follow-up window (14
    # days) after the last item, 8 Dec, from midnight in Berlin.
    assert found.decided_until == datetime(2026, 12, 7, 23, 0, tzinfo=timezone.utc).timestamp() - MARGIN


def test_standing_the_day_a_follow_up_comes_due_holds_until_a_later_day():
    found = standing(person(), history(out(at(days=14))), NOW)
    assert (found.verdict, found.next_on) == (Verdict.FOLLOW_UP, TODAY)
    # Not today (the window's end, already here) but the second window's end, 12 Dec.
    assert found.decided_until == datetime(2026, 12, 11, 23, 0, tzinfo=timezone.utc).timestamp() - MARGIN


def test_standing_weighs_only_what_came_after_their_last_reply():
    found = standing(person(), history(out(at(days=10)), inbound(at(days=9)), out(at(days=2))), NOW)
    # The first message was answered; the last one answers theirs (ANSWERING_SHARE).
    assert found.load == pytest.approx(0.35 * 0.5 ** (2 / 30))


def test_standing_reads_the_contact():
    found = standing(person(keep_in_touch_days=30), history(met(at(days=40))), NOW)
    assert (found.verdict, found.next_on) == (Verdict.CHECK_IN, date(2026, 11, 16))  # met 17 Oct, + 30 days


def test_standing_of_a_meeting_with_nothing_logged_turns_at_the_time_limit():
    found = standing(person(met_on=date(2026, 11, 1)), history(), NOW)
    assert found.verdict == Verdict.OK
    # 60 days (REPLY_OWED_DAYS) after midnight on the day you met, in Berlin: 31 Dec.
    assert found.decided_until == datetime(2026, 12, 30, 23, 0, tzinfo=timezone.utc).timestamp() - MARGIN


# -- who is hidden ------------------------------------------------------------------------

@pytest.mark.parametrize(("status", "until", "hidden"), [
    (Status.ACTIVE, None, False),
    (Status.ACTIVE, date(2026, 11, 27), False),
    (Status.ARCHIVED, None, True),
    (Status.ARCHIVED, date(2026, 11, 25), True),
    (Status.SNOOZED, None, True),
    (Status.SNOOZED, date(2026, 11, 27), True),  # a day after today
    (Status.SNOOZED, date(2026, 11, 26), False),  # the snooze ends today
    (Status.SNOOZED, date(2026, 11, 25), False),
])
def test_hidden_on(status, until, hidden):
    assert hidden_on(status, until, TODAY) is hidden
    assert Contact("Maren Holt", status=status, snoozed_until=until).is_hidden_on(TODAY) is hidden


def test_is_hidden_on_reads_the_day_given():
    snoozed = Contact("Maren Holt", status=Status.SNOOZED, snoozed_until=date(2026, 12, 1))
    assert snoozed.is_hidden_on(date(2026, 11, 30)) is True
    assert snoozed.is_hidden_on(date(2026, 12, 1)) is False
