"""The days and moments on which the engine's answers change, checked against the engine
itself: the day a tie loses its label (`label_changes_on`, against `tie_strength` day by
day), the days a decision may turn (`decision_days`, against `assess` on every day for two
and a half years), and the whole-network assessment (`assess_histories`, against
`assess_history` contact by contact, with and without its memo). Every limit comes from
`thresholds`; every date is fixed, none is today's."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from netpace.domain import thresholds as T
from netpace.domain.model import Channel, Contact, Direction, Interaction, Kind, MetVia, Status, TieLabel, Verdict
from netpace.domain.pressure import assess, assess_histories, assess_history, digest, standing, standing_at
from netpace.domain.pressure import engine
from netpace.domain.pressure.engine import decision_days
from netpace.domain.tie import label_changes_on, label_of, tie_strength, worth_reviving

BERLIN = ZoneInfo("Europe/Berlin")
KIRITIMATI = ZoneInfo("Pacific/Kiritimati")  # UTC+14: its morning is yesterday in UTC
LOS_ANGELES = ZoneInfo("America/Los_Angeles")  # its evening is tomorrow in UTC
LONDON = ZoneInfo("Europe/London")
DAY = timedelta(days=1)


def local(day: date, hour: int, zone, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), zone)


# -- label_changes_on: the day the tie's label next changes ---------------------------------

LIMITS = (T.STRONG_TIE, T.REGULAR_TIE, T.REVIVE_TIE, 1)


def category(tie) -> tuple:
    """What a tie's label says: the label, whether it is worth reviving, whether it is a tie."""
    return label_of(tie.strength), worth_reviving(tie), tie.strength >= 1


def tie_on(args: tuple, now: datetime, day: date):
    return tie_strength(*args, now + timedelta(days=(day - now.date()).days))


def check_label_change(args: tuple, now: datetime) -> date | None:
    """`label_changes_on` against `tie_strength`: the category holds up to the day before
    the day found and changes on it; None only for no tie at all."""
    found = label_changes_on(*args, now)
    today = now.date()
    here = category(tie_on(args, now, today))
    if found is None:
        assert tie_on(args, now, today).strength == 0, (args, now)
        assert category(tie_on(args, now, today + timedelta(days=100 * 365))) == here
        return None
    assert found > today, (args, now, found)
    span = (found - today).days
    assert category(tie_on(args, now, found - DAY)) == here, (args, now, found)
    assert category(tie_on(args, now, found)) != here, (args, now, found)
    for k in range(1, 8):  # never a change before it
        assert category(tie_on(args, now, today + timedelta(days=span * k // 8))) == here, (args, now, found)
    return found


@pytest.mark.parametrize("zone", [BERLIN, KIRITIMATI, LOS_ANGELES], ids=str)
def test_the_label_changes_on_the_first_day_it_is_no_longer_what_it_is_today(zone):
    now = local(date(2027, 5, 20), 10, zone)
    seen_none = seen_day = 0
    for sent in (0, 2, 9):
        for received in (0, 1, 4, 13):
            for together in (0, 1, 3):
                for n, back in enumerate((0, 1, 45, 500, 2000, 6000)):
                    for years in (0.0, 0.4, 2.5, 7.0):
                        hour = 1 if back == 0 else (1, 13, 23)[(n + sent + received) % 3]
                        last = local(now.date() - timedelta(days=back), hour, zone)
                        first = last - timedelta(days=365 * years)
                        answer = last if received + together else None
                        found = check_label_change((sent, received, together, first, answer), now)
                        seen_none += found is None
                        seen_day += found is not None
    assert seen_none and seen_day > 500


def test_no_answer_ever_is_no_tie_and_never_changes():
    now = local(date(2027, 5, 20), 10, BERLIN)
    assert label_changes_on(12, 0, 0, now - 400 * DAY, None, now) is None
    assert label_changes_on(12, 0, 0, now - 400 * DAY, now - 3 * DAY, now) is None
    assert label_changes_on(0, 1, 0, None, None, now) is None


def test_a_single_reply_today_changes_its_label_only_when_it_fades_to_nothing():
    now = local(date(2027, 5, 20), 10, BERLIN)
    args = (0, 1, 0, now - DAY, now - DAY)  # one message back, no length: the smallest tie
    assert tie_strength(*args, now).label == TieLabel.WEAK
    found = check_label_change(args, now)
    assert tie_on(args, now, found - DAY).strength == 1 and tie_on(args, now, found).strength == 0


def strong_args(zone, hour: int) -> tuple:
    last = local(date(2020, 3, 1), hour, zone)
    return 14, 13, 3, last - timedelta(days=6 * 365), last


def first_day_at_most(args: tuple, now: datetime, strength: int) -> date:
    """The first day from `now`'s on which the tie's strength is at most `strength`."""
    low, high = 0, 1
    while tie_on(args, now, now.date() + timedelta(days=high)).strength > strength:
        high *= 2
    while low < high:
        mid = (low + high) // 2
        if tie_on(args, now, now.date() + timedelta(days=mid)).strength > strength:
            low = mid + 1
        else:
            high = mid
    return now.date() + timedelta(days=low)


@pytest.mark.parametrize("limit", ["STRONG_TIE", "REGULAR_TIE", "REVIVE_TIE", "weakest"])
@pytest.mark.parametrize("zone, hour", [(BERLIN, 12), (KIRITIMATI, 2), (LOS_ANGELES, 22)], ids=str)
def test_on_a_day_exactly_at_a_limit_the_label_changes_the_first_day_below_it(limit, zone, hour):
    value = 1 if limit == "weakest" else getattr(T, limit)
    args = strong_args(zone, hour)
    start = local(args[4].date(), 10, zone)
    at_limit = first_day_at_most(args, start, value)
    now = start + timedelta(days=(at_limit - start.date()).days)
    assert tie_strength(*args, now).strength == value  # the strength falls by less than one a day
    below = first_day_at_most(args, now, value - 1)
    assert label_changes_on(*args, now) == below
    assert tie_on(args, now, below - DAY).strength == value and tie_on(args, now, below).strength == value - 1
    # the day before, one above the limit, the next change is the same day
    assert tie_strength(*args, now - DAY).strength == value + 1
    assert label_changes_on(*args, now - DAY) == below
    check_label_change(args, now)
    check_label_change(args, now - DAY)


# Totals whose strength sits within a rounding error of a limit on the day the closed form
# gives (found by search): there the strengths themselves must settle the day, one way and
# the other.
NEAR_A_LIMIT = [
    (2, 111762040698054),  # the closed form says a day too late for REGULAR_TIE
    (3, 40340767158187),
    (5, 122329506448224),  # ... a day too early for STRONG_TIE
    (6, 71561878916014),
]


@pytest.mark.parametrize("received, length_us", NEAR_A_LIMIT)
def test_where_rounding_meets_a_limit_the_strengths_settle_the_day(received, length_us):
    zone = ZoneInfo("UTC")
    last = datetime(2020, 3, 1, 12, tzinfo=zone)
    args = (0, received, 0, last - timedelta(microseconds=length_us), last)
    now = last + timedelta(hours=1)
    found = check_label_change(args, now)
    strength = tie_strength(*args, now).strength
    assert found == first_day_at_most(args, now, max(v for v in LIMITS if v <= strength) - 1)


def test_a_strong_tie_changes_first_when_it_stops_being_strong():
    args = strong_args(BERLIN, 12)
    now = local(date(2020, 3, 2), 10, BERLIN)
    assert tie_strength(*args, now).label == TieLabel.STRONG
    found = label_changes_on(*args, now)
    assert found == first_day_at_most(args, now, min(T.STRONG_TIE, T.REVIVE_TIE) - 1)
    assert tie_on(args, now, found).label == TieLabel.REGULAR


def test_the_label_changes_by_the_calendar_of_the_zone_the_day_is_seen_in():
    # the same reply, late in the evening in Los Angeles: already the next day in Kiritimati
    last = local(date(2024, 1, 10), 23, LOS_ANGELES)
    args = (3, 3, 1, last - timedelta(days=800), last)
    west = local(date(2025, 1, 10), 10, LOS_ANGELES)
    east = west.astimezone(KIRITIMATI)
    in_west, in_east = check_label_change(args, west), check_label_change(args, east)
    assert in_east - in_west == DAY


# -- decision_days: every day the decision may change ---------------------------------------

def out(when, kind=Kind.UPDATE):
    return Interaction(at=when, direction=Direction.OUT, kind=kind)


def inbound(when, kind=Kind.REPLY):
    return Interaction(at=when, direction=Direction.IN, kind=kind)


def met(when, planned=False):
    return Interaction(at=when, direction=Direction.BOTH, channel=Channel.IN_PERSON, kind=Kind.MEETING,
                       planned=planned)


def time_moments(contact: Contact, history, now: datetime) -> list[float]:
    """The moments (not days) the decision compares the time with, worked out here: the last
    interaction (else the day you met) growing older than each time limit, a meeting logged
    ahead starting."""
    if history.items:
        since = history.items[-1].at
    elif contact.met_on is not None:
        since = datetime.combine(contact.met_on, time(), now.tzinfo)
    else:
        since = None
    found = []
    if since is not None:
        found += [since.timestamp() + days * 86400 for days in (T.REPLY_OWED_DAYS, T.QUIET_DAYS, T.DORMANT_DAYS)]
    if history.planned is not None:
        found.append(history.planned.timestamp())
    return found


def scan(contact: Contact, items: list, now: datetime, days: int = 900) -> list[date]:
    """Assess every day at `now`'s hour; every day the verdict or its date changes must be a
    decision day (taken, like the app does, afresh once a time limit has passed), unless a
    time limit passed since the day before. Returns the days it changed."""
    ref = now
    history = digest(items, ref)
    allowed, moments = set(decision_days(contact, history, ref)), time_moments(contact, history, ref)
    before = assess(contact, items, now)
    previous, changed = now, []
    for k in range(1, days + 1):
        moment = now + timedelta(days=k)
        result = assess(contact, items, moment)
        crossed = any(previous.timestamp() < m <= moment.timestamp() for m in moments)
        if (result.verdict, result.next_on) != (before.verdict, before.next_on):
            changed.append(moment.date())
            assert crossed or moment.date() in allowed, (
                contact, moment, before.verdict, before.next_on, result.verdict, result.next_on, sorted(allowed))
        if crossed:
            ref = moment
            history = digest(items, ref)
            allowed, moments = set(decision_days(contact, history, ref)), time_moments(contact, history, ref)
        before, previous = result, moment
    return changed


NOW_K = local(date(2027, 1, 12), 6, KIRITIMATI)
NOW_L = local(date(2027, 1, 12), 6, LOS_ANGELES)


def ago(now: datetime, days: int, hour: int | None = None) -> datetime:
    """`days` before `now`'s day, at `hour` (8 in Kiritimati, 20 in Los Angeles: another day in UTC)."""
    if hour is None:
        hour = 8 if now.tzinfo is KIRITIMATI else 20
    return local(now.date() - timedelta(days=days), hour, now.tzinfo)


def strong_past(now: datetime, last_days: int, last: Direction) -> list[Interaction]:
    """Four exchanges over two years, the last of them `last_days` ago (theirs, or a meeting)."""
    items = []
    for j in range(4):
        back = last_days + 243 * (3 - j)
        items += [out(ago(now, back + 1)), inbound(ago(now, back))]
    items[-1] = inbound(ago(now, last_days)) if last == Direction.IN else met(ago(now, last_days))
    return items


def scenarios() -> dict[str, tuple[Contact, list, datetime]]:
    c = Contact
    return {
        "one unanswered message": (c("A"), [inbound(ago(NOW_K, 80)), out(ago(NOW_K, 3))], NOW_K),
        "two unanswered, apart": (c("B"), [out(ago(NOW_L, 15)), out(ago(NOW_L, 5))], NOW_L),
        "two unanswered, a burst": (c("C"), [out(ago(NOW_K, 2)), out(ago(NOW_K, 1))], NOW_K),
        "three unanswered": (c("D"), [out(ago(NOW_L, d)) for d in (40, 20, 4)], NOW_L),
        "their unanswered message": (c("E"), [out(ago(NOW_K, 9)), inbound(ago(NOW_K, 5))], NOW_K),
        "their message, keeping in touch": (c("F", keep_in_touch_days=30), [inbound(ago(NOW_L, 5))], NOW_L),
        "met at a conference today": (c("G", met_via=MetVia.CONFERENCE, met_on=NOW_K.date()), [], NOW_K),
        "met socially": (c("H", met_via=MetVia.SOCIAL, met_on=NOW_L.date() - 2 * DAY), [], NOW_L),
        "met online": (c("I", met_via=MetVia.ONLINE, met_on=NOW_K.date() - 3 * DAY), [], NOW_K),
        "interview, only the meeting": (c("J", met_via=MetVia.INTERVIEW), [met(ago(NOW_K, 1))], NOW_K),
        "referral, only the meeting": (c("J2", met_via=MetVia.REFERRAL), [met(ago(NOW_L, 0, 2))], NOW_L),
        "event, met_on before the meeting": (
            c("K", met_via=MetVia.EVENT, met_on=NOW_K.date() - 10 * DAY), [met(ago(NOW_K, 3))], NOW_K),
        "meeting ahead by met_on": (c("L", met_via=MetVia.MEETUP, met_on=NOW_L.date() + 20 * DAY), [], NOW_L),
        "cadence after a meeting": (c("M", keep_in_touch_days=45), [met(ago(NOW_K, 10))], NOW_K),
        "cadence from met_on": (c("N", met_via=MetVia.COLLEAGUE, met_on=NOW_L.date() - 5 * DAY,
                                  keep_in_touch_days=30), [], NOW_L),
        "cadence from created_at": (c("O", keep_in_touch_days=20, created_at=ago(NOW_K, 3, 3)), [], NOW_K),
        "cadence from created_at, west": (c("O2", keep_in_touch_days=20, created_at=ago(NOW_L, 3, 21)), [], NOW_L),
        "cadence after let go": (c("P", keep_in_touch_days=200), [out(ago(NOW_K, 20))], NOW_K),
        "a meeting planned ahead": (c("Q"), [out(ago(NOW_K, 20)), met(local(NOW_K.date() + 3 * DAY, 8, KIRITIMATI), True)],
                                    NOW_K),
        "a planned meeting passed today": (c("R"), [out(ago(NOW_K, 20)), met(ago(NOW_K, 0, 2), True)], NOW_K),
        "a planned meeting passed, west": (c("R2"), [met(local(NOW_L.date(), 1, LOS_ANGELES), True)],
                                           NOW_L.replace(hour=22)),
        "a strong tie's message lapsing": (c("S"), strong_past(NOW_K, 400, Direction.IN), NOW_K),
        "a strong tie gone quiet": (c("U"), strong_past(NOW_L, 400, Direction.BOTH), NOW_L),
        "no history": (c("V"), [], NOW_K),
    }


SCENARIOS = scenarios()


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_every_day_the_decision_changes_is_a_decision_day(name):
    contact, items, now = SCENARIOS[name]
    changed = scan(contact, items, now)
    if name != "no history":
        assert changed  # something happens within the scan: the check is not empty


def days_of(name: str) -> set[date]:
    contact, items, now = SCENARIOS[name]
    return set(decision_days(contact, digest(items, now), now))


def test_decision_days_for_simple_histories():
    today_k, today_l = NOW_K.date(), NOW_L.date()
    sent = today_k - 3 * DAY
    window, grace = T.FOLLOW_UP_AFTER_DAYS, T.LET_GO_GRACE_DAYS
    assert {sent + timedelta(days=window), sent + timedelta(days=window + grace)} <= days_of("one unanswered message")
    last = today_l - 5 * DAY
    second = T.SECOND_FOLLOW_UP_AFTER_DAYS
    assert {last + timedelta(days=second), last + timedelta(days=second + grace)} <= days_of("two unanswered, apart")
    assert today_l - 4 * DAY + timedelta(days=T.BACK_OFF_DAYS) in days_of("three unanswered")
    assert {today_k, today_k + timedelta(days=T.EVENT_FOLLOW_UP_DAYS), today_k + timedelta(days=T.QUIET_DAYS + 1),
            today_k + timedelta(days=T.DORMANT_DAYS + 1)} <= days_of("met at a conference today")
    assert today_k - DAY + timedelta(days=T.INTERVIEW_FOLLOW_UP_DAYS) in days_of("interview, only the meeting")
    assert today_l - 5 * DAY + timedelta(days=30) in days_of("cadence from met_on")
    assert today_k - 3 * DAY + timedelta(days=20) in days_of("cadence from created_at")
    assert today_k + DAY in days_of("a planned meeting passed today")
    # what each of them decides on those days
    contact, items, now = SCENARIOS["a planned meeting passed today"]
    assert assess(contact, items, now).verdict != Verdict.CONFIRM
    assert assess(contact, items, now + DAY).verdict == Verdict.CONFIRM
    contact, items, now = SCENARIOS["cadence from created_at"]
    due = now + timedelta(days=17)
    assert assess(contact, items, due - DAY).verdict == Verdict.OK and assess(contact, items, due).verdict == Verdict.CHECK_IN


def test_a_strong_tie_aging_changes_the_decision_the_day_it_is_no_longer_worth_reviving():
    for name in ("a strong tie's message lapsing", "a strong tie gone quiet"):
        contact, items, now = SCENARIOS[name]
        history = digest(items, now)
        assert worth_reviving(engine.tie_of(history, now))
        fades = label_changes_on(history.sent, history.received, history.together, history.first_at,
                                 history.last_answer, now)
        assert fades in decision_days(contact, history, now)
        on = now + timedelta(days=(fades - now.date()).days)
        assert assess(contact, items, on - DAY).verdict == Verdict.RECONNECT
        assert assess(contact, items, on).verdict == Verdict.DORMANT


# -- assess_histories: the whole network at once ----------------------------------------------

NOW_B = local(date(2027, 1, 12), 10, BERLIN)


def network(now: datetime) -> list[tuple[Contact, list]]:
    """About thirty contacts: every verdict, some hidden, some without any history."""
    def a(days, hour=9):
        return now - timedelta(days=days, hours=hour - 9 if hour > 9 else 0)

    people = [
        (Contact("nobody"), []),
        (Contact("nobody archived", status=Status.ARCHIVED), []),
        (Contact("created", keep_in_touch_days=10, created_at=a(20)), []),
        (Contact("owed"), [out(a(20)), inbound(a(2))]),
        (Contact("owed snoozed", status=Status.SNOOZED, snoozed_until=now.date() + 5 * DAY), [inbound(a(1))]),
        (Contact("lapsed weak"), [out(a(100)), inbound(a(90))]),
        (Contact("lapsed strong"), [i for d in range(0, 1400, 60) for i in (out(a(d + 101)), inbound(a(d + 100)))]),
        (Contact("waiting"), [inbound(a(50), Kind.THANKS), out(a(2))]),
        (Contact("follow up"), [out(a(20))]),
        (Contact("last note"), [out(a(50)), out(a(35))]),
        (Contact("burst"), [out(a(2)), out(a(1))]),
        (Contact("barrage"), [out(a(10)), out(a(6)), out(a(2))]),
        (Contact("pushy"), [out(a(0.2), Kind.ASK), out(a(0.1), Kind.ASK), out(a(0.05), Kind.ASK)]),
        (Contact("let go"), [out(a(100))]),
        (Contact("let go archived", status=Status.ARCHIVED), [out(a(200)), out(a(150))]),
        (Contact("met conference", met_via=MetVia.CONFERENCE, met_on=now.date()), []),
        (Contact("met event a week ago", met_via=MetVia.EVENT, met_on=now.date() - 7 * DAY), []),
        (Contact("met social", met_via=MetVia.SOCIAL, met_on=now.date() - 9 * DAY), []),
        (Contact("met long ago", met_via=MetVia.MEETUP, met_on=now.date() - 200 * DAY), []),
        (Contact("interview"), [met(a(1))]),
        (Contact("quiet"), [out(a(120)), inbound(a(100), Kind.THANKS)]),
        (Contact("fine"), [out(a(12)), inbound(a(10), Kind.THANKS)]),
        (Contact("dormant"), [met(a(500))]),
        (Contact("reconnect"), [i for d in range(0, 1500, 50) for i in (out(a(d + 401)), met(a(d + 400)))]),
        (Contact("cadence due", keep_in_touch_days=30), [out(a(60)), inbound(a(40), Kind.THANKS)]),
        (Contact("cadence ok", keep_in_touch_days=30), [met(a(3))]),
        (Contact("confirm"), [out(a(20)), met(a(2), planned=True)]),
        (Contact("planned ahead"), [out(a(20)), met(now + 3 * DAY, planned=True)]),
        (Contact("planned, owed"), [inbound(a(1)), met(now + 3 * DAY, planned=True)]),
        (Contact("pace"), [i for d in range(10, 300, 30) for i in (out(a(d + 2)), inbound(a(d)))] + [out(a(3))]),
        (Contact("group only"), [Interaction(at=a(2), direction=Direction.OUT, group=True)]),
    ]
    return [(replace(contact, id=n + 1), items) for n, (contact, items) in enumerate(people)]


def fields(result) -> tuple:
    return (result.pressure, result.zone, result.verdict, result.next_on, tuple(result.reasons), result.reply_rate,
            result.unanswered, result.last_contact, result.ask_share, result.sent, result.received,
            result.together, result.tie, result.pace, result.follow_up_days, result.suggested_cadence)


def same(found: list, pairs: list, now: datetime) -> None:
    expected = [assess_history(contact, history, now) for contact, history in pairs]
    assert len(found) == len(expected)
    for contact, got, want in zip((c for c, _ in pairs), found, expected):
        assert fields(got) == fields(want), contact.name


def test_the_network_gets_each_contacts_own_assessment():
    named = network(NOW_B)
    pairs = [(contact, digest(items, NOW_B)) for contact, items in named]
    found = assess_histories(pairs, NOW_B)
    same(found, pairs, NOW_B)
    assert {r.verdict for r in found} == set(Verdict)  # every verdict is in the network
    assert any(r.verdict == Verdict.BACK_OFF and r.pressure >= T.PUSHY and r.unanswered < T.BACK_OFF_UNANSWERED
               for r in found)  # a wait made a back-off by the pressure
    assert [r.verdict for r in found] == [assess(c, items, NOW_B).verdict for c, items in named]
    assert assess_histories([], NOW_B) == [] and assess_histories([], NOW_B, {}) == []


def test_the_memo_gives_the_same_as_fresh_assessments_as_time_goes_on_and_things_change():
    named = network(NOW_B)
    pairs = [(contact, digest(items, NOW_B)) for contact, items in named]
    memo: dict = {}
    for step in (timedelta(0), timedelta(hours=2), timedelta(hours=5), DAY, 14 * DAY, timedelta(days=61, hours=3)):
        now = NOW_B + step
        same(assess_histories(pairs, now, memo), pairs, now)
    # the same instant seen in another zone on the same date
    london = now.astimezone(LONDON)
    same(assess_histories(pairs, london, memo), pairs, london)


def test_a_decision_remembered_on_a_later_day_does_not_hold_on_an_earlier_one():
    named = network(NOW_B)
    pairs = [(contact, digest(items, NOW_B)) for contact, items in named]
    memo: dict = {}
    for now in (NOW_B + DAY, NOW_B + timedelta(hours=2), NOW_B + 2 * DAY, NOW_B + timedelta(days=1, hours=1)):
        same(assess_histories(pairs, now, memo), pairs, now)


def test_a_clock_set_back_is_assessed_afresh_the_zero_load_and_the_decision_too():
    # One message of yours, long ago: its load has decayed to nothing 20 days later, but
    # not now. A memo filled 20 days later must not carry that zero back.
    contact = Contact(name="Ruth", id=1)
    items = [Interaction(at=NOW_B - timedelta(days=170), direction=Direction.OUT, channel=Channel.EMAIL,
                         kind=Kind.UPDATE)]
    history = digest(items, NOW_B)
    fresh = assess_history(contact, history, NOW_B)
    assert fresh.pressure > 0
    memo: dict = {}
    assert assess_histories([(contact, history)], NOW_B + 20 * DAY, memo)[0].pressure == 0
    back = assess_histories([(contact, history)], NOW_B, memo)[0]
    assert (back.pressure, back.verdict, back.next_on) == (fresh.pressure, fresh.verdict, fresh.next_on)
    # The same day, a few hours back across a moment the decision compares with: afresh.
    same_day = [(c, digest(i, NOW_B)) for c, i in network(NOW_B)]
    later = NOW_B + timedelta(hours=12)
    same(assess_histories(same_day, later, memo), same_day, later)
    same(assess_histories(same_day, NOW_B, memo), same_day, NOW_B)


def test_a_new_history_or_contact_on_the_same_day_is_assessed_anew():
    named = network(NOW_B)
    pairs = [(contact, digest(items, NOW_B)) for contact, items in named]
    memo: dict = {}
    first = assess_histories(pairs, NOW_B, memo)
    owed = next(n for n, (c, _) in enumerate(named) if c.name == "owed")
    dormant = next(n for n, (c, _) in enumerate(named) if c.name == "dormant")
    silent = next(n for n, (c, _) in enumerate(named) if c.name == "nobody")
    later = NOW_B + timedelta(hours=1)
    changed = list(pairs)
    contact, items = named[owed]
    changed[owed] = (contact, digest(items + [out(later - timedelta(minutes=5))], later))  # you replied
    changed[dormant] = (replace(pairs[dormant][0], keep_in_touch_days=30), pairs[dormant][1])
    contact, _ = named[silent]
    changed[silent] = (contact, digest([out(later - timedelta(minutes=1), Kind.ASK)], later))  # a first message
    found = assess_histories(changed, later, memo)
    same(found, changed, later)
    assert found[owed].verdict != first[owed].verdict == Verdict.REPLY_OWED
    assert found[dormant].verdict == Verdict.CHECK_IN != first[dormant].verdict
    assert found[silent].pressure > 0 == first[silent].pressure
    # and back to the first ones
    same(assess_histories(pairs, later, memo), pairs, later)


def test_a_day_seen_in_another_zone_is_decided_anew():
    at = local(date(2027, 1, 11), 0, BERLIN, 30)  # just after midnight in Berlin: the evening before in London
    contact = Contact("zone", id=1)
    history = digest([out(at - 13 * DAY)], at)
    memo: dict = {}
    berlin = local(date(2027, 1, 12), 10, BERLIN)
    london = berlin.astimezone(LONDON)
    assert berlin.date() == london.date()
    one = assess_histories([(contact, history)], berlin, memo)[0]
    two = assess_histories([(contact, history)], london, memo)[0]
    assert one.next_on == assess_history(contact, history, berlin).next_on
    assert two.next_on == assess_history(contact, history, london).next_on
    assert one.next_on - two.next_on == DAY


@pytest.fixture
def decisions(monkeypatch):
    """`run(pairs, now, memo)`: `assess_histories` checked against `assess_history`, and the
    contacts (by name) it took a decision for rather than reused one, and how many loads it
    weighed."""
    made = {"decide": [], "load": 0}
    decide, weigh = engine.decide, engine.weighted_load

    def counting_decide(contact, *args):
        made["decide"].append(contact.name)
        return decide(contact, *args)

    def counting_load(*args):
        made["load"] += 1
        return weigh(*args)

    def run(pairs, now, memo):
        made["decide"], made["load"] = [], 0
        found = assess_histories(pairs, now, memo)
        taken, weighed = sorted(made["decide"]), made["load"]
        same(found, pairs, now)
        return found, taken, weighed

    monkeypatch.setattr(engine, "decide", counting_decide)
    monkeypatch.setattr(engine, "weighted_load", counting_load)
    return run


def names(pairs) -> list[str]:
    return sorted(contact.name for contact, _ in pairs)


def test_the_memo_reuses_decisions_while_they_hold_and_only_those(decisions):
    named = network(NOW_B)
    pairs = [(contact, digest(items, NOW_B)) for contact, items in named]
    memo: dict = {}
    assert decisions(pairs, NOW_B, memo)[1] == names(pairs)
    # same objects, same day, no time limit passed
    assert decisions(pairs, NOW_B + timedelta(minutes=30), memo)[1] == []
    changed = list(pairs)
    changed[3] = (replace(pairs[3][0]), pairs[3][1])  # an equal contact, but another object
    changed[5] = (pairs[5][0], digest(named[5][1], NOW_B))  # an equal history, but another object
    assert decisions(changed, NOW_B + timedelta(minutes=40), memo)[1] == sorted([pairs[3][0].name, pairs[5][0].name])
    assert decisions(changed, NOW_B + DAY, memo)[1] == names(pairs)  # the next day: all taken again
    london = (NOW_B + DAY).astimezone(LONDON)  # the same instant and date in another zone
    assert london.date() == (NOW_B + DAY).date()
    assert decisions(changed, london, memo)[1] == names(pairs)
    assert decisions(changed, NOW_B + timedelta(hours=2), memo)[1] == names(pairs)  # back a day


def test_the_memo_holds_until_midnight_in_the_zone_of_now(decisions):
    evening = local(date(2027, 1, 12), 17, LOS_ANGELES)  # already the next day in UTC
    pairs = [(Contact("west", id=1), digest([met(evening - 5 * DAY)], evening))]
    memo: dict = {}
    assert decisions(pairs, evening, memo)[1] == ["west"]
    assert decisions(pairs, evening + timedelta(hours=6, minutes=59), memo)[1] == []
    midnight = local(date(2027, 1, 13), 0, LOS_ANGELES)
    assert decisions(pairs, midnight - timedelta(microseconds=500), memo)[1] == ["west"]  # kept a millisecond early


def test_the_memo_is_dropped_the_moment_a_time_limit_passes(decisions):
    theirs = local(date(2027, 1, 2), 9, KIRITIMATI, 30)
    pairs = [(Contact("owed", id=1), digest([inbound(theirs)], theirs))]
    memo: dict = {}
    limit = theirs + timedelta(days=T.REPLY_OWED_DAYS)
    found, taken, _ = decisions(pairs, limit - timedelta(hours=5), memo)
    assert found[0].verdict == Verdict.REPLY_OWED and taken == ["owed"]
    assert decisions(pairs, limit - timedelta(milliseconds=2), memo)[1] == []
    # from a millisecond before the limit the decision is taken again: it may be about to turn
    found, taken, _ = decisions(pairs, limit - timedelta(milliseconds=1), memo)
    assert found[0].verdict == Verdict.REPLY_OWED and taken == ["owed"]
    assert decisions(pairs, limit, memo)[0][0].verdict == Verdict.REPLY_OWED
    assert decisions(pairs, limit + timedelta(microseconds=1), memo)[0][0].verdict != Verdict.REPLY_OWED


def test_a_zero_load_is_known_while_the_history_is_the_same(decisions):
    history = digest([out(NOW_B - 300 * DAY), inbound(NOW_B - 290 * DAY)], NOW_B)  # nothing of yours in the window
    pairs = [(Contact("quiet", id=1), history)]
    memo: dict = {}
    found, taken, weighed = decisions(pairs, NOW_B, memo)
    assert found[0].pressure == 0 and weighed == 1
    assert decisions(pairs, NOW_B + timedelta(hours=1), memo)[1:] == ([], 0)
    assert decisions(pairs, NOW_B + DAY, memo)[1:] == (["quiet"], 0)  # decided anew, the load still known
    fresh = digest([out(NOW_B - 300 * DAY), inbound(NOW_B - 290 * DAY), out(NOW_B + DAY)], NOW_B + DAY)
    changed = [(pairs[0][0], fresh)]
    found, taken, weighed = decisions(changed, NOW_B + timedelta(days=1, hours=1), memo)
    assert found[0].pressure > 0 and weighed == 1
    # a load that is not zero is weighed every time
    assert decisions(changed, NOW_B + timedelta(days=1, hours=2), memo)[1:] == ([], 1)


def test_a_standing_taken_just_after_a_time_limit_holds_from_then_on():
    theirs = local(date(2027, 1, 2), 9, KIRITIMATI, 30)
    contact = Contact("owed", id=1)
    items = [inbound(theirs)]
    now = theirs + timedelta(days=T.REPLY_OWED_DAYS, milliseconds=1)  # the limit passed a millisecond ago
    kept = standing(contact, digest(items, now), now)
    fresh = assess(contact, items, now)
    assert standing_at(kept, now.timestamp()) == (fresh.pressure, fresh.verdict)
    assert fresh.verdict != Verdict.REPLY_OWED
