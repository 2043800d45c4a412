"""Edges of reading times (clocks, weekdays, days, years, amounts, messages) and of the
fuzzy filter (highlights, haystacks, the `within` subset)."""

from datetime import date

import pendulum
import pytest

from netpace.domain.fuzzy import Haystack, Query, filter_rows, haystack
from netpace.domain.when import WhenError, parse_day, parse_when, when_text

from .test_fuzzy import HAYS  # the same six people, in the list's order

NY = "America/New_York"
NOW = pendulum.datetime(2026, 11, 26, 15, 30, tz=NY)  # Thursday, 15:30 sharp
SUNDAY = pendulum.datetime(2026, 11, 29, 10, 0, tz=NY)
MONDAY = pendulum.datetime(2026, 11, 30, 10, 0, tz=NY)


def moment(*parts):
    return pendulum.datetime(*parts, tz=NY)


def message(text, now=NOW, read=parse_when):
    with pytest.raises(WhenError) as caught:
        read(text, now)
    return str(caught.value)


# Clocks: 12- and 24-hour, and their limits.

@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [
        ("1am", 1, 0), ("1pm", 13, 0), ("1:15pm", 13, 15), ("12am", 0, 0), ("12:30am", 0, 30), ("12pm", 12, 0),
        ("12:45pm", 12, 45), ("11:59pm", 23, 59), ("11am", 11, 0), ("0:00", 0, 0), ("9:05", 9, 5), ("23:59", 23, 59),
        ("22:00", 22, 0), ("10:58", 10, 58), ("at 7:30", 7, 30), ("at 8pm", 20, 0), ("3 pm", 15, 0),
    ],
)
def test_clock_times_today(text, hour, minute):
    assert parse_when(text, NOW) == moment(2026, 11, 26, hour, minute)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0am", "0am is not a time of day"),
        ("13pm", "13pm is not a time of day"),
        ("0:30pm", "0pm is not a time of day"),
        ("24:00", "24:00 is not a time of day"),
        ("23:60", "23:60 is not a time of day"),
        ("10:60", "10:60 is not a time of day"),
        ("99:99", "99:99 is not a time of day"),
        ("tue 3", "'3' is not a time of day: write 15:00 or 3pm"),
        ("tomorrow 7", "'7' is not a time of day: write 15:00 or 3pm"),
        ("fri 13pm", "13pm is not a time of day"),
    ],
)
def test_no_time_of_day_says_why(text, expected):
    assert message(text) == expected


def test_a_day_with_a_clock():
    assert parse_when("tue 1pm", NOW) == moment(2026, 12, 1, 13, 0)
    assert parse_when("yesterday 12am", NOW) == moment(2026, 11, 25, 0, 0)
    assert parse_when("today 23:59", NOW) == moment(2026, 11, 26, 23, 59)
    assert parse_when("tomorrow at 12pm", NOW) == moment(2026, 11, 27, 12, 0)


# Weekdays: the coming one, last, next, and the wrap over the week's end.

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thu", date(2026, 11, 26)), ("fri", date(2026, 11, 27)), ("sat", date(2026, 11, 28)),
        ("sun", date(2026, 11, 29)), ("mon", date(2026, 11, 30)), ("tue", date(2026, 12, 1)),
        ("wed", date(2026, 12, 2)), ("this fri", date(2026, 11, 27)), ("this thu", date(2026, 11, 26)),
        ("last thu", date(2026, 11, 19)), ("last wed", date(2026, 11, 25)), ("last fri", date(2026, 11, 20)),
        ("last mon", date(2026, 11, 23)), ("last sun", date(2026, 11, 22)),
        ("next thu", date(2026, 12, 3)), ("next wed", date(2026, 12, 2)), ("next fri", date(2026, 11, 27)),
        ("next mon", date(2026, 11, 30)),
        ("Wednesday", date(2026, 12, 2)), ("thurs", date(2026, 11, 26)), ("sat.", date(2026, 11, 28)),
    ],
)
def test_weekdays_from_a_thursday(text, expected):
    assert parse_day(text, NOW) == expected


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        (SUNDAY, "mon", date(2026, 11, 30)), (SUNDAY, "sat", date(2026, 12, 5)), (SUNDAY, "sun", date(2026, 11, 29)),
        (SUNDAY, "last sun", date(2026, 11, 22)), (SUNDAY, "next sun", date(2026, 12, 6)),
        (SUNDAY, "last mon", date(2026, 11, 23)), (SUNDAY, "last sat", date(2026, 11, 28)),
        (MONDAY, "sun", date(2026, 12, 6)), (MONDAY, "last sun", date(2026, 11, 29)),
        (MONDAY, "last mon", date(2026, 11, 23)), (MONDAY, "next mon", date(2026, 12, 7)),
        (MONDAY, "next sun", date(2026, 12, 6)), (MONDAY, "tue", date(2026, 12, 1)),
    ],
)
def test_weekdays_wrap_around_the_week(now, text, expected):
    assert parse_day(text, now) == expected


def test_todays_weekday_with_a_time_is_today_only_while_that_time_is_ahead():
    assert parse_when("thu 15:30", NOW) == moment(2026, 12, 3, 15, 30)  # exactly now: gone
    assert parse_when("thu 15:31", NOW) == moment(2026, 11, 26, 15, 31)
    assert parse_when("thu 3:29pm", NOW) == moment(2026, 12, 3, 15, 29)
    assert parse_when("thu", NOW) == moment(2026, 11, 26, 12, 0)  # no time: today, at noon
    assert parse_when("last thu 16:00", NOW) == moment(2026, 11, 19, 16, 0)
    assert parse_when("next thu 16:00", NOW) == moment(2026, 12, 3, 16, 0)


# Days: words, amounts, ISO, and what each failure says.

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", date(2026, 11, 26)), ("NOW", date(2026, 11, 26)), ("  Today ", date(2026, 11, 26)),
        (" YESTERDAY", date(2026, 11, 25)), ("Tomorrow", date(2026, 11, 27)),
        ("3 days ago", date(2026, 11, 23)), ("in  2  weeks", date(2026, 12, 10)), ("in 2 months", date(2027, 1, 26)),
        ("1 month ago", date(2026, 10, 26)), ("16h ago", date(2026, 11, 25)), ("in 9 hours", date(2026, 11, 27)),
        ("2026-02-28", date(2026, 2, 28)), ("last fri 10:00", date(2026, 11, 20)), ("2026-11-20 23:30", date(2026, 11, 20)),
    ],
)
def test_days(text, expected):
    assert parse_day(text, NOW) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 fortnights ago", "unknown unit 'fortnights'"),
        ("in 2 decades", "unknown unit 'decades'"),
        ("999999 months ago", "999999 months is too far away"),
        ("2026-02-30", "day is out of range for month"),
        ("2026-13-01", "month must be in 1..12"),
        ("soon", "not a date: 'soon'"),
        ("  next week ", "not a date: '  next week '"),
        ("tue 3", "not a date: 'tue 3'"),
    ],
)
def test_a_day_that_is_not_says_why(text, expected):
    assert message(text, read=parse_day) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", moment(2026, 11, 27, 12, 0)),
        ("Yesterday", moment(2026, 11, 25, 12, 0)),
        ("today", moment(2026, 11, 26, 12, 0)),  # noon has passed at 15:30
    ],
)
def test_day_words_alone_mean_noon(text, expected):
    assert parse_when(text, NOW) == expected


def test_a_time_that_is_not_says_why():
    assert message("") == "empty time"
    assert message(" \t ") == "empty time"
    assert message("soon") == "not a time: 'soon'"
    assert message("  next   week ") == "not a time: 'next   week'"
    assert "2026-11-31T10:00" in message("2026-11-31 10:00")  # the parser's own words, naming the text


def test_years_from_1900_to_2999():
    assert parse_day("1900-01-01", NOW) == date(1900, 1, 1)
    assert parse_day("2999-12-31", NOW) == date(2999, 12, 31)
    assert message("1899-12-31", read=parse_day) == "year 1899 is outside 1900-2999"
    assert message("3000-01-01", read=parse_day) == "year 3000 is outside 1900-2999"
    assert message("3000-01-01", read=parse_when) == "year 3000 is outside 1900-2999"
    assert parse_when("2999-12-31 10:00", NOW) == moment(2999, 12, 31, 10, 0)


# Amounts ahead and ago, in calendar units.

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 3 months", moment(2027, 2, 26, 15, 30)),
        ("1 month ago", moment(2026, 10, 26, 15, 30)),
        ("4w ago", moment(2026, 10, 29, 15, 30)),  # across the end of summer time: same wall clock
        ("in 1 week", moment(2026, 12, 3, 15, 30)),
        ("30 min ago", moment(2026, 11, 26, 15, 0)),
        ("in 45m", moment(2026, 11, 26, 16, 15)),
        ("2 hrs ago", moment(2026, 11, 26, 13, 30)),
    ],
)
def test_amounts(text, expected):
    assert parse_when(text, NOW) == expected


def test_amounts_too_far_away():
    assert message("in 999999 months") == "999999 months is too far away"
    assert message("999999 weeks ago") == "999999 weeks is too far away"


# when_text: what a form field shows, in now's zone, to the minute.

def test_when_text_is_in_nows_zone():
    chatham = pendulum.datetime(2026, 11, 20, 9, 0, tz="Pacific/Chatham")  # +13:45
    utc_moment = pendulum.datetime(2026, 11, 20, 10, 0, 59, tz="UTC")
    assert when_text(utc_moment, chatham) == "2026-11-20 23:45"
    assert when_text(utc_moment, NOW) == "2026-11-20 05:00"
    assert when_text(pendulum.datetime(2026, 12, 31, 23, 59, 59, tz="UTC"), chatham) == "2027-01-01 13:44"


def test_when_text_reads_back():
    shown = when_text(moment(2026, 11, 20, 7, 5), NOW)
    assert shown == "2026-11-20 07:05"
    assert parse_when(shown, NOW) == moment(2026, 11, 20, 7, 5)


# Fuzzy: highlights.

@pytest.mark.parametrize(
    ("query", "text", "expected"),
    [
        ("maren", "Maren Holt", [0, 1, 2, 3, 4]),
        ("holt", "Maren Holt", [6, 7, 8, 9]),
        ("HOLT", "maren holt", [6, 7, 8, 9]),
        ("holt maren", "Maren Holt", [0, 1, 2, 3, 4, 6, 7, 8, 9]),
        ("ren ol", "Maren Holt", [2, 3, 4, 7, 8]),
        ("ann", "Joanna Annabel", [2, 3, 4]),  # the first place it appears
        ("mrn", "Maren Holt", [0, 2, 4]),  # scattered, from the first letter
        ("aa", "Banana", [1, 3]),  # each letter after the one before
        ("abd", "abcd", [0, 1, 3]),
        ("mz", "Maren", [0]),  # the letters in order until one is missing
        ("zm", "Maren", []),
        ("mz holt", "Maren Holt", [0, 6, 7, 8, 9]),  # a missing letter stops only its word
        ("hlt mrn", "Maren Holt", [0, 2, 4, 6, 8, 9]),
        ("", "Maren Holt", []),
        ("stra", "Straße", []),  # folding lengthens it: no guess
    ],
)
def test_positions(query, text, expected):
    assert Query(query).positions(text) == expected


def test_a_query_is_true_only_with_words():
    assert bool(Query("")) is False
    assert bool(Query("  \t ")) is False
    assert bool(Query("a")) is True
    assert bool(Query(" Maren  Holt ")) is True
    assert Query(" Maren  Holt ").words == ("maren", "holt")


# Fuzzy: haystacks.

def test_haystack_of_a_name_alone():
    assert haystack("Maren Holt") == Haystack("maren holt", "maren holt")
    assert haystack("Straße") == Haystack("strasse", "strasse")


def test_haystack_folds_cleans_and_joins_company_and_tags():
    hay = haystack("  MAREN\x1b[31m  Holt\n", "Nordlys\tData", ("Platform", "", "Oslo"))
    assert hay == Haystack("maren holt", "maren holt nordlys data platform oslo")
    assert haystack("Bob", "", ("Recruiter",)) == Haystack("bob", "bob recruiter")
    assert haystack("Bob", "ACME") == Haystack("bob", "bob acme")
    assert haystack("Bob", "", ("", "")) == Haystack("bob", "bob")


# Fuzzy: filtering a subset.



def test_filter_rows_looks_only_within_the_given_rows():
    assert filter_rows(Query("maren"), HAYS) == [4, 3, 5]
    assert filter_rows(Query("maren"), HAYS, within=[5, 3]) == [3, 5]
    assert filter_rows(Query("maren"), HAYS, within=[5]) == [5]
    assert filter_rows(Query("maren"), HAYS, within=[]) == []
    assert filter_rows(Query("mar"), HAYS, within=[4, 1, 0]) == [4, 1]  # same tier: the given order
    assert filter_rows(Query("mrn"), HAYS, within=[4, 0]) == [4]  # only scattered matches
