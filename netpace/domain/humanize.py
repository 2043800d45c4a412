"""Durations and dates in words, for reasons and the UI. Pure: `now` is passed in."""

from __future__ import annotations

from datetime import date, datetime, timedelta

# netpace speaks English; strftime's %a and %b would follow the C library's locale, and
# cost twenty times as much (a whole-network view writes tens of thousands of dates).
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_name(d: date) -> str:
    """'Dec'."""
    return MONTHS[d.month - 1]


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def span(delta: timedelta) -> str:
    """'20 minutes', '3 hours', '4 days', '3 weeks', '4 months', '2 years'."""
    seconds = max(0, int(delta.total_seconds()))
    minutes = seconds // 60
    if minutes < 1:
        return "moments"
    if minutes < 60:
        return _plural(minutes, "minute")
    hours = minutes // 60
    if hours < 24:
        return _plural(hours, "hour")
    days = hours // 24
    if days < 14:
        return _plural(days, "day")
    if days < 60:
        return _plural(days // 7, "week")
    if days < 730:
        return _plural(days // 30, "month")
    return _plural(days // 365, "year")


def ago(then: datetime, now: datetime) -> str:
    """'3 weeks ago', 'just now', 'in 2 days' (for times after now)."""
    if then > now:
        return f"in {span(then - now)}"
    text = span(now - then)
    return "just now" if text == "moments" else f"{text} ago"


def times(n: int) -> str:
    return "once" if n == 1 else ("twice" if n == 2 else f"{n} times")


def days_text(days: int) -> str:
    return _plural(days, "day")


def day_label(d: date, today: date) -> str:
    """'Thu 3 Dec', with the year when it is not this year."""
    label = f"{WEEKDAYS[d.weekday()]} {d.day} {month_name(d)}"
    return label if d.year == today.year else f"{label} {d.year}"


def relative_day(d: date, today: date) -> str:
    """'today', 'tomorrow', 'yesterday', else the day label."""
    diff = (d - today).days
    if diff == 0:
        return "today"
    if diff == 1:
        return "tomorrow"
    if diff == -1:
        return "yesterday"
    return day_label(d, today)


def percent(share: float) -> str:
    return f"{round(share * 100)}%"
