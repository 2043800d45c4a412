"""Exact values of the tie, of what an assessment carries besides its verdict, and of the
meetings logged ahead: each field a view or a reason reads."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import timedelta

import pytest

from netpace.domain import thresholds as T
from netpace.domain.model import Channel, Direction, Interaction, Kind, Tie, TieLabel
from netpace.domain.pressure import assess, planned_moments
from netpace.domain.tie import tie_strength

from ..helpers import NOW, inbound, met, out, person

YEAR = timedelta(days=365)


def strength_of(points: float, years: float, age_days: int = 0) -> int:
    """The module's formula written out from the constants."""
    length = 1 + T.TIE_LENGTH_PER_YEAR * min(years, T.TIE_LENGTH_YEARS)
    recency = 0.5 ** (age_days / T.TIE_RECENCY_HALF_LIFE_DAYS)
    return round(100 * (1 - math.exp(-points * length * recency / T.TIE_SCALE)))


@pytest.mark.parametrize("sent, received, together, last", [
    (3, 0, 0, None),       # nothing came back
    (3, 0, 0, NOW),        # nothing came back, whatever the last moment says
    (0, 1, 0, None),       # no moment for their word: no tie
    (0, 0, 0, None),
])
def test_no_tie_is_nothing_but_the_counts(sent, received, together, last):
    found = tie_strength(sent, received, together, NOW - 2 * YEAR, last, NOW)
    assert found == Tie(0, TieLabel.NONE, sent, received, together, 0.0)


def test_the_weakest_tie_still_counts():
    # One message from them, today: points 1, length 1, recency 1.
    found = tie_strength(0, 1, 0, NOW, NOW, NOW)
    assert found.strength == strength_of(1, 0) > 0
    assert found == Tie(strength_of(1, 0), TieLabel.WEAK, 0, 1, 0, 0.0)


def test_points_length_and_years_are_the_formulas():
    first, last = NOW - 3 * YEAR, NOW - timedelta(days=40)
    years = (last - first).total_seconds() / (365 * 86400)
    found = tie_strength(7, 4, 2, first, last, NOW)
    points = 4 + T.TIE_MEETING_POINTS * 2 + min(7, 4 + 2)
    assert found.years == pytest.approx(years)
    assert found.strength == strength_of(points, years, 40)
    # Without a first moment the tie has lasted no time at all.
    assert tie_strength(7, 4, 2, None, last, NOW).years == 0.0
    assert tie_strength(7, 4, 2, None, last, NOW).strength == strength_of(points, 0, 40)
    # A first moment after the last one (a clock that disagreed): no negative years.
    assert tie_strength(1, 1, 0, NOW, NOW - timedelta(days=1), NOW).years == 0.0


def test_an_assessment_carries_its_counts_rates_and_last_moment():
    items = [out(NOW - timedelta(days=30), Kind.ASK), inbound(NOW - timedelta(days=29)),
             out(NOW - timedelta(days=20)), out(NOW - timedelta(days=10), Kind.ASK),
             met(NOW - timedelta(days=5))]
    found = assess(person(), items, NOW)
    assert (found.sent, found.received, found.together) == (3, 1, 1)
    assert found.reply_rate == pytest.approx(1 / 3)
    assert found.ask_share == pytest.approx(2 / 3)
    assert found.last_contact == NOW - timedelta(days=5)
    # More replies than messages: the rate is capped at one.
    many = [out(NOW - timedelta(days=9)), inbound(NOW - timedelta(days=8)), inbound(NOW - timedelta(days=7))]
    assert assess(person(), many, NOW).reply_rate == 1.0
    # Nothing sent: no rates; nothing at all: no last moment.
    assert assess(person(), [inbound(NOW - timedelta(days=3))], NOW).reply_rate is None
    empty = assess(person(), [], NOW)
    assert (empty.reply_rate, empty.ask_share, empty.last_contact) == (None, None, None)


def planned(at, **fields) -> Interaction:
    return Interaction(at=at, direction=Direction.BOTH, channel=Channel.VIDEO, kind=Kind.MEETING,
                       planned=True, **fields)


def test_planned_moments_are_the_earliest_ahead_and_the_earliest_passed():
    items = [planned(NOW + timedelta(days=9)), planned(NOW + timedelta(days=2)), planned(NOW + timedelta(days=5)),
             planned(NOW - timedelta(days=1)), planned(NOW - timedelta(days=6)), planned(NOW - timedelta(days=3)),
             met(NOW - timedelta(days=20))]
    assert planned_moments(items, NOW) == (NOW + timedelta(days=2), NOW - timedelta(days=6))


def test_a_planned_meeting_at_this_very_moment_has_passed():
    assert planned_moments([planned(NOW)], NOW) == (None, NOW)
    assert planned_moments([planned(NOW + timedelta(seconds=1))], NOW) == (NOW + timedelta(seconds=1), None)


def test_only_planned_meetings_the_engine_weighs_count():
    confirmed = replace(met(NOW - timedelta(days=2)), planned=False)
    in_a_group = planned(NOW + timedelta(days=1), group=True)
    assert planned_moments([confirmed, in_a_group], NOW) == (None, None)


def test_each_label_starts_exactly_at_its_limit():
    from netpace.domain.tie import label_of, worth_reviving

    assert [label_of(s) for s in (T.STRONG_TIE, T.STRONG_TIE - 1)] == [TieLabel.STRONG, TieLabel.REGULAR]
    assert [label_of(s) for s in (T.REGULAR_TIE, T.REGULAR_TIE - 1)] == [TieLabel.REGULAR, TieLabel.WEAK]
    assert [label_of(s) for s in (1, 0)] == [TieLabel.WEAK, TieLabel.NONE]
    assert worth_reviving(Tie(T.REVIVE_TIE, label_of(T.REVIVE_TIE)))
    assert not worth_reviving(Tie(T.REVIVE_TIE - 1, label_of(T.REVIVE_TIE - 1)))


def test_a_tie_fades_to_nothing_and_counts_whole_days_from_today():
    long_ago = NOW - 60 * YEAR
    faded = tie_strength(0, 1, 0, long_ago, long_ago, NOW)
    assert (faded.strength, faded.label) == (0, TieLabel.NONE)
    # A tie whose strength differs between an age of 0 and 1 day (found by its length):
    # on the day of their word it is the undecayed one, the next day the decayed one.
    days = next(d for d in range(1, 5000) if strength_of(1, d / 365, 0) != strength_of(1, d / 365, 1))
    first = NOW - timedelta(days=days)
    assert tie_strength(0, 1, 0, first, NOW, NOW).strength == strength_of(1, days / 365, 0)
    assert tie_strength(0, 1, 0, first, NOW, NOW + timedelta(days=1)).strength == strength_of(1, days / 365, 1)


def test_pressure_tops_out_at_one_hundred():
    items = [out(NOW - timedelta(minutes=m), Kind.ASK) for m in range(0, 60 * 24 * 3, 60)]
    assert assess(person(), items, NOW).pressure == 100


def test_a_time_without_a_zone_is_refused_in_words():
    with pytest.raises(ValueError, match="now must be time-zone aware"):
        assess(person(), [], NOW.replace(tzinfo=None))


def test_a_conversation_starts_after_exactly_the_break_and_a_cadence_needs_enough_of_them():
    from netpace.domain.pace import measure, suggested_cadence

    gap = timedelta(days=T.CONVERSATION_BREAK_DAYS)
    at_break = [out(NOW - 3 * gap), inbound(NOW - 2 * gap), out(NOW - gap), inbound(NOW)]
    assert measure(at_break).conversations == 4
    just_inside = [out(NOW - gap + timedelta(seconds=1)), inbound(NOW)]
    assert measure(just_inside).conversations == 1
    # Exactly the minimum of conversations gives a usual gap; one fewer none.
    enough = [inbound(NOW - n * 2 * gap) for n in range(T.CADENCE_MIN_CONVERSATIONS)][::-1]
    assert measure(enough).gap_days == pytest.approx(2 * T.CONVERSATION_BREAK_DAYS)
    assert measure(enough[1:]).gap_days is None
    # The shortest step for a gap nearest to it.
    first = T.CADENCE_STEPS[0]
    assert suggested_cadence(measure(enough)._replace(gap_days=first - 5)) == first
