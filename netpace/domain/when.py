"""Reading the times people type: ISO dates and times, 'now', 'yesterday', '3d ago',
'in 3d', 'tue 15:00', 'last fri'.

Pure: the current moment (carrying the local time zone) is passed in.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import pendulum

ACCEPTED_FORMS = (
    "an ISO date or date-time (2026-11-20, 2026-11-20 14:30), now, today, yesterday, tomorrow, "
    "a weekday or day with a time (tue 15:00, last fri, yesterday 18:30, 15:00), "
    "or an amount ago or ahead (90m ago, 3d ago, 2w ago, in 3d)"
)
# For a day that has been (met on): only the forms that can name one.
ACCEPTED_PAST_DATE_FORMS = "an ISO date (2026-11-20), today, yesterday, a weekday (last fri), 3d ago, 2w ago"
# For a day to come (snooze until).
ACCEPTED_FUTURE_DATE_FORMS = "an ISO date (2026-12-24), tomorrow, a weekday (fri, next fri), in 3d, in 2w"

_UNITS = {
    "m": "minutes", "min": "minutes", "mins": "minutes", "minute": "minutes", "minutes": "minutes",
    "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
    "d": "days", "day": "days", "days": "days",
    "w": "weeks", "wk": "weeks", "week": "weeks", "weeks": "weeks",
    "mo": "months", "month": "months", "months": "months",
}
_AGO = re.compile(r"^(\d{1,6})\s*([a-z]+)\s+ago$")
_IN = re.compile(r"^in\s+(\d{1,6})\s*([a-z]+)$")
_DAY_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(
    r"^\d{4}-\d{2}-\d{2}[t ]\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?\s*(z|[+-]\d{2}:?\d{2})?$"
)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# "tue", "next tue", "last friday", optionally with a time ("tue 15:00", "fri at 9am").
_DAY_WORD = (r"(?:(?P<which>last|next|this)\s+)?"
             r"(?P<day>mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|r|rs|rsday|urday)?\.?")
_CLOCK = r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<half>am|pm)?"
_DAY_AND_TIME = re.compile(
    rf"^(?:{_DAY_WORD}|(?P<named>today|tomorrow|yesterday))(?:\s+(?:at\s+)?{_CLOCK})?$"
)
_TIME_ONLY = re.compile(rf"^(?:at\s+)?{_CLOCK}$")
# Dates alone mean the middle of that day, so they land on the same day in any zone.
_DATE_TIME = time(12, 0)


# Times outside these years are typing mistakes, and near year 1 or 9999 date arithmetic
# (time zones, "2 weeks later") overflows.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2999


class WhenError(ValueError):
    """The text is not a time netpace understands."""


def _in_range(day: date) -> None:
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise WhenError(f"year {day.year} is outside {EARLIEST_YEAR}-{LATEST_YEAR}")


def _shift(now: datetime, amount: int, unit: str, sign: int) -> datetime:
    moment = pendulum.instance(now)
    try:
        return moment.add(**{unit: sign * amount}) if sign > 0 else moment.subtract(**{unit: amount})
    except (OverflowError, ValueError):
        raise WhenError(f"{amount} {unit} is too far away") from None


def _relative(text: str, now: datetime) -> datetime | None:
    for pattern, sign in ((_AGO, -1), (_IN, 1)):
        match = pattern.match(text)
        if match:
            unit = _UNITS.get(match.group(2))
            if unit is None:
                raise WhenError(f"unknown unit {match.group(2)!r}")
            return _shift(now, int(match.group(1)), unit, sign)
    return None


def parse_when(text: str, now: datetime) -> datetime:
    """A moment, in `now`'s time zone. Date-only forms mean noon that day (or now, if sooner)."""
    moment = _parse_when(text, now)
    _in_range(moment.date())
    return moment


def _clock(match: re.Match) -> time | None:
    """The time of day in a match of _CLOCK, None when there is none; WhenError when it
    is no time ("25:00", "13pm", or a bare hour without am/pm: "tue 3" means nothing)."""
    hour_text, minute_text, half = match.group("hour"), match.group("minute"), match.group("half")
    if hour_text is None:
        return None
    if minute_text is None and half is None:
        raise WhenError(f"{hour_text!r} is not a time of day: write 15:00 or 3pm")
    hour, minute = int(hour_text), int(minute_text or 0)
    if half is not None:
        if not 1 <= hour <= 12:
            raise WhenError(f"{hour}{half} is not a time of day")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise WhenError(f"{hour:02d}:{minute:02d} is not a time of day")
    return time(hour, minute)


def _weekday(which: str | None, day: str, today: date, clock: time | None, now: datetime) -> date:
    """The day a weekday word names: "last tue" the one before today, "next tue" the one
    after today, a bare "tue" the coming one (today, while its time is still ahead)."""
    wanted = _WEEKDAYS.index(day)
    ahead = (wanted - today.weekday()) % 7
    if which == "last":
        return today - timedelta(days=(today.weekday() - wanted) % 7 or 7)
    if which == "next":
        return today + timedelta(days=ahead or 7)
    if ahead == 0 and clock is not None and datetime.combine(today, clock, tzinfo=now.tzinfo) <= now:
        return today + timedelta(days=7)
    return today + timedelta(days=ahead)


def _day_and_time(raw: str, now: datetime) -> datetime | None:
    """'tue 15:00', 'last fri', 'tomorrow 10:00', 'yesterday 18:30', '15:00' (today), or
    None when `raw` has none of these shapes."""
    today = now.date()
    match = _DAY_AND_TIME.match(raw)
    if match is not None:
        clock = _clock(match)
        named = match.group("named")
        if named is not None:
            if clock is None:
                return None  # "today" alone: the date forms handle it
            day = today + timedelta(days={"today": 0, "tomorrow": 1, "yesterday": -1}[named])
        else:
            day = _weekday(match.group("which"), match.group("day"), today, clock, now)
        return datetime.combine(day, clock or _DATE_TIME, tzinfo=now.tzinfo)
    match = _TIME_ONLY.match(raw)
    if match is not None:
        return datetime.combine(today, _clock(match), tzinfo=now.tzinfo)
    return None


def _parse_when(text: str, now: datetime) -> datetime:
    raw = " ".join(text.strip().lower().split())
    if not raw:
        raise WhenError("empty time")
    tz = now.tzinfo
    if raw == "now":
        return now
    moment = _day_and_time(raw, now)
    if moment is not None:
        return moment
    if raw in ("today", "yesterday", "tomorrow") or _DAY_ONLY.match(raw):
        day = _parse_day(raw, now)
        _in_range(day)
        moment = datetime.combine(day, _DATE_TIME, tzinfo=tz)
        return now if day == now.date() and moment > now else moment
    moment = _relative(raw, now)
    if moment is not None:
        return moment
    if not _ISO_MOMENT.match(raw):
        raise WhenError(f"not a time: {text.strip()!r}")
    try:
        iso = re.sub(r"T(\d):", r"T0\1:", raw.upper().replace(" ", "T", 1).replace(" ", ""))
        parsed = pendulum.parse(iso, tz=tz)
    except Exception as error:  # pendulum raises several types for bad input
        raise WhenError(str(error)) from None
    if not isinstance(parsed, datetime):
        raise WhenError("not a date or time")
    _in_range(parsed.date())
    try:
        return parsed.astimezone(tz)
    except (OverflowError, ValueError):
        raise WhenError("out of range") from None


def parse_day(text: str, now: datetime) -> date:
    """A calendar day in `now`'s time zone."""
    day = _parse_day(text, now)
    _in_range(day)
    return day


def _parse_day(text: str, now: datetime) -> date:
    raw = " ".join(text.strip().lower().split())
    today = now.date()
    if raw in ("today", "now"):
        return today
    if raw == "yesterday":
        return today - timedelta(days=1)
    if raw == "tomorrow":
        return today + timedelta(days=1)
    moment = _relative(raw, now)
    if moment is not None:
        return moment.date()
    if _DAY_ONLY.match(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError as error:
            raise WhenError(str(error)) from None
    try:
        return parse_when(text, now).date()
    except WhenError:
        raise WhenError(f"not a date: {text!r}") from None


def when_text(moment: datetime, now: datetime) -> str:
    """`moment` as a form field shows it, in `now`'s zone: '2026-11-20 14:30' (what
    `parse_when` reads back, to the minute)."""
    local = moment.astimezone(now.tzinfo)
    return f"{local:%Y-%m-%d %H:%M}"
