"""The date forms LinkedIn exports hold, untouched and after Excel re-saved them."""

from __future__ import annotations

import re
from datetime import date, datetime, time, tzinfo

# Month names and abbreviations of the languages Excel re-saves were seen in (and
# their neighbours). No two languages use one spelling for different months.
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "jan january janv janvier ene enero gen gennaio januar jänner jän",
        "feb february fév févr février fev fevereiro febrero febbraio februar",
        "mar march mars mär märz mrz marzo março maart",
        "apr april avr avril abr abril aprile",
        "may mai mayo maio mei mag maggio",
        "jun june juin juni junio jun giu giugno junho",
        "jul july juil juillet juli julio lug luglio julho",
        "aug august août aout ago agosto augustus",
        "sep sept september septembre septiembre set setembro settembre",
        "oct october octobre okt oktober octubre out outubro ott ottobre",
        "nov november novembre noviembre novembro",
        "dec december déc décembre dez dezember dic diciembre dezembro dicembre",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[\s\-./]+([^\W\d_]+)\.?[\s\-./,]+(\d{2}|\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})$")
_CLOCK = re.compile(
    r"^(?P<date>.*?)[,\s]+(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?$",
    re.IGNORECASE,
)
MAX_TEXT = 64


def _year(text: str) -> int:
    year = int(text)
    if len(text) <= 2:
        # LinkedIn started in 2003: two-digit years are this century unless 70 or later.
        year += 2000 if year < 70 else 1900
    return year


def _make(year: int, month: int, day: int) -> date | None:
    if not 1900 <= year <= 2999:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _numeric(first: str, sep: str, second: str, third: str) -> date | None:
    if len(first) == 4:  # ISO 2021-09-16 or 2021/09/16
        return _make(int(first), int(second), int(third))
    if len(second) > 2 or len(third) == 3:
        return None
    a, b, year = int(first), int(second), _year(third)
    if sep == ".":  # Central European: day first
        return _make(year, b, a)
    if sep == "/" and a <= 12:  # LinkedIn 2018 and US Excel: month first
        return _make(year, a, b)
    return _make(year, b, a)  # 16/09/2021, 16-09-2021: day first


def parse_day(text: str) -> date | None:
    """A calendar date from any form seen in "Connected On"; None when it isn't one."""
    raw = " ".join(str(text).strip().split())[:MAX_TEXT]
    if not raw:
        return None
    clock = _CLOCK.match(raw)
    if clock:
        raw = clock.group("date").strip()
    match = _NUMERIC.match(raw)
    if match:
        return _numeric(*match.groups())
    match = _DAY_MONTH_YEAR.match(raw)
    if match:
        month = _MONTHS.get(match.group(2).casefold())
        return _make(_year(match.group(3)), month, int(match.group(1))) if month else None
    match = _MONTH_DAY_YEAR.match(raw)
    if match:
        month = _MONTHS.get(match.group(1).casefold())
        return _make(int(match.group(3)), month, int(match.group(2))) if month else None
    return None


def parse_moment(text: str, tz: tzinfo) -> datetime | None:
    """A date with an optional clock time (`10/16/18, 8:36 AM`), in `tz`; None if not one."""
    raw = " ".join(str(text).strip().split())[:MAX_TEXT]
    day = parse_day(raw)
    if day is None:
        return None
    clock = _CLOCK.match(raw)
    if not clock:
        return datetime.combine(day, time(12, 0), tzinfo=tz)
    hour, minute = int(clock.group("h")), int(clock.group("m"))
    second = int(clock.group("s") or 0)
    ampm = (clock.group("ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return datetime.combine(day, time(hour, minute, second), tzinfo=tz)
