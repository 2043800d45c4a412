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


@pytest.mark.parametrize("text", ["", "  ", "soon", "12", "3x ago", "2026-13-01", "2026-02-30", "2026-11-31 10:00", "next tuesday"])
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
