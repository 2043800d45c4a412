"""Properties of the pressure gauge over thousands of generated histories."""

from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from netpace.domain import thresholds as T
from netpace.domain.model import (
    ACTIONABLE,
    BUDGETED,
    Channel,
    Contact,
    ContactSummary,
    Direction,
    Interaction,
    Kind,
    MetVia,
    Verdict,
)
from netpace.domain.pressure import assess, digest, standing
from netpace.domain.queue import todays_queue

from ..helpers import NOW, examples

pytestmark = pytest.mark.slow

MANY = settings(max_examples=examples(1000), deadline=None)

kinds = st.sampled_from(list(Kind))
directions = st.sampled_from(list(Direction))
channels = st.sampled_from(list(Channel))
# Ages in minutes up to ten years (most within two); small ages and exact ties are the interesting cases.
ages = st.one_of(st.integers(0, 60 * 24 * 730), st.integers(0, 60 * 24 * 3650), st.sampled_from([0, 1, 5, 60, 60 * 24]))


@st.composite
def interaction(draw, direction=None, kind=None, age=None):
    minutes = draw(ages) if age is None else age
    return Interaction(
        at=NOW - timedelta(minutes=minutes),
        direction=draw(directions) if direction is None else direction,
        channel=draw(channels),
        kind=draw(kinds) if kind is None else kind,
        note=draw(st.sampled_from(["", "hi", "re: role"])),
    )


histories = st.lists(interaction(), max_size=25)
contacts = st.builds(
    Contact,
    name=st.just("Maren"),
    met_via=st.one_of(st.none(), st.sampled_from(list(MetVia))),
    met_on=st.one_of(st.none(), st.integers(0, 400).map(lambda d: (NOW - timedelta(days=d)).date())),
    keep_in_touch_days=st.one_of(st.none(), st.integers(1, 365)),
)


@MANY
@given(contacts, histories)
def test_pressure_stays_in_range(contact, history):
    result = assess(contact, history, NOW)
    assert 0 <= result.pressure <= 100
    assert result.unanswered <= len(history)


@MANY
@given(contacts, histories, kinds)
def test_an_outgoing_message_now_never_lowers_pressure(contact, history, kind):
    before = assess(contact, history, NOW).pressure
    after = assess(contact, history + [Interaction(at=NOW, direction=Direction.OUT, kind=kind)], NOW).pressure
    assert after >= before


@MANY
@given(contacts, histories, kinds)
def test_their_reply_now_never_raises_pressure(contact, history, kind):
    before = assess(contact, history, NOW).pressure
    after = assess(contact, history + [Interaction(at=NOW, direction=Direction.IN, kind=kind)], NOW).pressure
    assert after <= before


@MANY
@given(contacts, histories, st.integers(1, 60 * 24 * 800))
def test_with_history_fixed_pressure_never_rises_as_time_passes(contact, history, minutes):
    earlier = assess(contact, history, NOW).pressure
    later = assess(contact, history, NOW + timedelta(minutes=minutes)).pressure
    assert later <= earlier


@MANY
@given(contacts, histories, st.data())
def test_an_ask_weighs_more_than_a_non_ask(contact, history, data):
    """Strictly: the load (the gauge before rounding) grows when any message of yours still
    inside the decay window becomes an ask; the rounded pressure never falls."""
    def inside(item):
        return item.direction == Direction.OUT and item.kind != Kind.ASK and \
            timedelta(0) <= NOW - item.at <= timedelta(days=T.DECAY_WINDOW_DAYS)

    outs = [i for i, item in enumerate(history) if inside(item)]
    if not outs:
        history = history + [data.draw(interaction(direction=Direction.OUT, kind=Kind.UPDATE,
                                                   age=data.draw(st.integers(0, 60 * 24 * T.DECAY_WINDOW_DAYS))))]
        outs = [len(history) - 1]
    index = data.draw(st.sampled_from(outs))
    as_ask = list(history)
    old = history[index]
    as_ask[index] = Interaction(at=old.at, direction=old.direction, channel=old.channel, kind=Kind.ASK, note=old.note)
    assert standing(contact, digest(as_ask, NOW), NOW).load > standing(contact, digest(history, NOW), NOW).load
    assert assess(contact, as_ask, NOW).pressure >= assess(contact, history, NOW).pressure


@MANY
@given(contacts, histories, st.lists(interaction(), min_size=1, max_size=5), st.integers(1, 60 * 24 * 90))
def test_interactions_after_now_are_ignored(contact, history, future, minutes):
    later = [
        Interaction(at=NOW + timedelta(minutes=minutes), direction=f.direction, channel=f.channel, kind=f.kind)
        for f in future
    ]
    assert assess(contact, history + later, NOW) == assess(contact, history, NOW)


@MANY
@given(contacts, histories, st.randoms(use_true_random=False))
def test_order_of_insertion_does_not_matter_for_distinct_moments(contact, history, rng):
    distinct = list({item.at: item for item in history}.values())
    shuffled = list(distinct)
    rng.shuffle(shuffled)
    assert assess(contact, shuffled, NOW) == assess(contact, distinct, NOW)


@MANY
@given(contacts, histories, st.sampled_from(list(Direction)), st.sampled_from(list(Direction)))
def test_at_the_same_moment_the_one_logged_later_counts_as_later(contact, history, first, second):
    """Two interactions at one moment: the engine reads them in the order logged (ids)."""
    moment = NOW - timedelta(hours=1)
    earlier = [replace(i, id=n + 1) for n, i in enumerate(i for i in history if i.at < moment)]
    a = Interaction(at=moment, direction=first, id=1000)
    b = Interaction(at=moment, direction=second, id=1001)
    logged = assess(contact, earlier + [a, b], NOW)
    assert assess(contact, earlier + [b, a], NOW) == logged  # the list's order doesn't matter, ids do
    later = assess(contact, earlier + [a, replace(b, at=moment + timedelta(seconds=1))], NOW)
    assert (logged.verdict, logged.next_on, logged.unanswered) == (later.verdict, later.next_on, later.unanswered)


@MANY
@given(contacts, histories)
def test_back_off_and_wait_always_point_to_a_later_day(contact, history):
    result = assess(contact, history, NOW)
    if result.verdict.value in ("wait", "back_off"):
        assert result.next_on is not None and result.next_on > NOW.date()
    if result.verdict.value in ("reply_owed", "follow_up", "check_in", "reconnect"):
        assert result.next_on is not None and result.next_on <= NOW.date()


# Steps forward in time, in minutes: around the day's end and the engine's time limits
# (the days a reply may take, the dormant limit) as well as arbitrary.
MINUTES_A_DAY = 60 * 24
steps = st.lists(st.one_of(st.integers(0, MINUTES_A_DAY * 200),
                           st.sampled_from([1, 60, 60 * 14, MINUTES_A_DAY * T.REPLY_OWED_DAYS,
                                            MINUTES_A_DAY * T.DORMANT_DAYS])),
                 min_size=1, max_size=6)


def _one(direction):
    return [(Contact(name="Maren"), [Interaction(at=NOW, direction=direction, kind=Kind.INTRO)])]


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(st.tuples(contacts, histories), min_size=1, max_size=4), steps)
@example(_one(Direction.OUT), [MINUTES_A_DAY * T.DORMANT_DAYS, 1])  # exactly dormant, then a minute past it
@example(_one(Direction.IN), [MINUTES_A_DAY * T.REPLY_OWED_DAYS, 1])  # exactly the days a reply may take, then past
def test_remembered_decisions_equal_fresh_assessments(people, forward):
    from netpace.domain.pressure import assess_histories, digest

    named = [(replace(contact, id=n + 1), items) for n, (contact, items) in enumerate(people)]
    memo: dict = {}
    now = NOW
    pairs = [(contact, digest(items, NOW)) for contact, items in named]  # as the store keeps them
    for minutes in forward:
        now = now + timedelta(minutes=minutes)
        remembered = assess_histories(pairs, now, memo)
        fresh = [assess(contact, items, now) for contact, items in named]
        assert remembered == fresh
        assert [tuple(a.reasons) for a in remembered] == [tuple(a.reasons) for a in fresh]


# Whole days and hours as well: a standing must notice the day a verdict turns.
day_steps = st.lists(st.one_of(st.integers(1, 120).map(lambda d: d * MINUTES_A_DAY), st.integers(1, 60 * 48)),
                     min_size=1, max_size=12)


@settings(max_examples=examples(1000), deadline=None)
@given(contacts, histories, day_steps)
@example(_one(Direction.OUT)[0][0], _one(Direction.OUT)[0][1], [MINUTES_A_DAY * T.DECAY_WINDOW_DAYS, 1])  # leaves the window
def test_a_standing_gives_the_engines_pressure_and_verdict_while_it_holds(contact, items, forward):
    from netpace.domain.pressure import digest, standing, standing_at

    kept = standing(contact, digest(items, NOW), NOW)
    now = NOW
    for minutes in forward:
        now = now + timedelta(minutes=minutes)
        found = standing_at(kept, now.timestamp())
        if found is None:
            kept = standing(contact, digest(items, now), now)  # what the app does: assess again
            continue
        fresh = assess(contact, items, now)
        assert found == (fresh.pressure, fresh.verdict)
        assert kept.next_on == fresh.next_on


@MANY
@given(contacts, histories, st.integers(0, 60 * 24 * 3650))
def test_a_reply_never_weakens_the_tie(contact, history, minutes):
    before = assess(contact, history, NOW).tie.strength
    reply = Interaction(at=NOW - timedelta(minutes=minutes), direction=Direction.IN, kind=Kind.REPLY)
    assert assess(contact, history + [reply], NOW).tie.strength >= before


@MANY
@given(contacts, histories, st.integers(1, 3650))
def test_dormant_or_let_go_stays_out_of_the_queue_until_something_happens(contact, history, days):
    contact = replace(contact, keep_in_touch_days=None)
    if assess(contact, history, NOW).verdict not in (Verdict.DORMANT, Verdict.LET_GO):
        return
    later = assess(contact, history, NOW + timedelta(days=days))
    assert later.verdict not in ACTIONABLE


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.tuples(contacts, histories), max_size=12), st.integers(0, 6))
def test_the_daily_budget_never_hides_a_reply_owed_or_a_follow_up(people, budget):
    summaries = [ContactSummary(replace(c, id=n + 1), assess(c, h, NOW)) for n, (c, h) in enumerate(people)]
    queue = todays_queue(summaries, NOW.date(), budget)
    shown = {s.contact.id for s in queue.items}
    for s in summaries:
        if s.assessment.verdict in (Verdict.REPLY_OWED, Verdict.FOLLOW_UP):
            assert s.contact.id in shown
    budgeted = [s for s in summaries if s.assessment.verdict in BUDGETED]
    chosen = [s for s in queue.items if s.assessment.verdict in BUDGETED]
    assert len(chosen) == min(budget, len(budgeted)) and queue.waiting == len(budgeted) - len(chosen)
    # the chosen are the most valuable: no tie left waiting is stronger than one shown
    if chosen and queue.waiting:
        waiting = [s for s in budgeted if s.contact.id not in shown]
        assert min(s.assessment.tie.strength for s in chosen) >= max(s.assessment.tie.strength for s in waiting)
