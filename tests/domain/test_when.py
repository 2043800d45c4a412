from datetime import date, datetime, timedelta

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from netpace.domain.when import WhenError, parse_day, parse_when

NOW = pendulum.datetime(2026, 11, 26, 15, 30, tz="America/New_York")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", NOW),
        ("90m ago", NOW - timedelta(minutes=90)),
        ("5h ago", NOW - timedelta(hours=5)),
        ("3d ago", NOW - timedelta(days=3)),
        ("2w ago", NOW - timedelta(weeks=2)),
        ("3 days ago", NOW - timedelta(days=3)),
        ("yesterday", pendulum.datetime(2026, 11, 25, 12, 0, tz="America/New_York")),
        ("today", pendulum.datetime(2026, 11, 26, 12, 0, tz="America/New_York")),
        ("2026-11-20", pendulum.datetime(2026, 11, 20, 12, 0, tz="America/New_York")),
        ("2026-11-20 14:30", pendulum.datetime(2026, 11, 20, 14, 30, tz="America/New_York")),
        ("2026-11-20T9:05", pendulum.datetime(2026, 11, 20, 9, 5, tz="America/New_York")),
        ("2026-11-20T14:30:00Z", pendulum.datetime(2026, 11, 20, 14, 30, tz="UTC")),
        ("2026-11-20 14:30 +01:00", pendulum.datetime(2026, 11, 20, 13, 30, tz="UTC")),
    ],
)
def test_accepted_forms(text, expected):
    assert parse_when(text, NOW) == expected


def test_local_zone_is_kept_for_display():
    assert parse_when("2026-11-20 14:30", NOW).utcoffset() == timedelta(hours=-5)


def test_today_before_noon_is_now_not_the_future():
    morning = pendulum.datetime(2026, 11, 26, 8, 0, tz="Europe/Berlin")
    assert parse_when("today", morning) == morning


@pytest.mark.parametrize("text", ["", "  ", "soon", "12", "3x ago", "2026-13-01", "2026-02-30", "2026-11-31 10:00",
                                  "monster", "tue 3", "tue 25:00", "fri 13pm", "next week", "today at"])
def test_rejected_forms(text):
    with pytest.raises(WhenError):
        parse_when(text, NOW)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("today", date(2026, 11, 26)), ("yesterday", date(2026, 11, 25)), ("tomorrow", date(2026, 11, 27)),
     ("in 2w", date(2026, 12, 10)), ("3d ago", date(2026, 11, 23)), ("2026-01-02", date(2026, 1, 2))],
)
def test_days(text, expected):
    assert parse_day(text, NOW) == expected


@given(st.text(max_size=40))
def test_any_text_parses_or_raises_when_error(text):
    try:
        result = parse_when(text, NOW)
    except WhenError:
        return
    assert isinstance(result, datetime) and result.tzinfo is not None


# NOW is Thursday 26 Nov 2026, 15:30 in New York.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tue 15:00", (2026, 12, 1, 15, 0)),
        ("Tuesday 9:30pm", (2026, 12, 1, 21, 30)),
        ("fri at 9am", (2026, 11, 27, 9, 0)),
        ("thu 16:00", (2026, 11, 26, 16, 0)),  # later today
        ("thu 15:00", (2026, 12, 3, 15, 0)),  # today's has passed: next week's
        ("next thu", (2026, 12, 3, 12, 0)),
        ("last thu", (2026, 11, 19, 12, 0)),
        ("last tue 10:00", (2026, 11, 24, 10, 0)),
        ("tomorrow 10:00", (2026, 11, 27, 10, 0)),
        ("yesterday 18:30", (2026, 11, 25, 18, 30)),
        ("15:00", (2026, 11, 26, 15, 0)),
        ("3pm", (2026, 11, 26, 15, 0)),
        ("12am", (2026, 11, 26, 0, 0)),
        ("in 3d", (2026, 11, 29, 15, 30)),
    ],
)
def test_weekdays_times_and_amounts_ahead(text, expected):
    assert parse_when(text, NOW) == pendulum.datetime(*expected, tz="America/New_York")


def test_weekday_days():
    assert parse_day("last fri", NOW) == date(2026, 11, 20)
    assert parse_day("fri", NOW) == date(2026, 11, 27)
    assert parse_day("next fri", NOW) == date(2026, 11, 27)
