"""What the launch's forked child computes (startup.fork): the list as the last session
kept it, as plain data.

`answer(db, now)` opens the database (never creating or upgrading it) and reads the list
as the last session kept it (store.standings.first_view). The rows travel back through a
pipe with `marshal`, so they are tuples of str, int and None only (`pack`); the app turns
each back into a FirstRow as it draws it (`unpack`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ..domain.model import Status, Verdict, Zone

NONE = ("none",)


def answer(db: str | None, now_text: str | None) -> tuple:
    """("view", database path (a server's URL with any password masked: the parent
    resolves the location itself), now as a POSIX timestamp, its UTC offset in seconds, how
    many contacts there are, the first rows packed, the theme kept) or NONE: no database here yet, one to
    upgrade, no contacts, or any problem (the CLI then opens it and says what is wrong).
    On a PostgreSQL server it works the same: the child connects on its own (nothing of
    a connection crosses the fork), reads the kept standings, and disconnects.
    However many standings are out of date, or none kept at all, the view is computed:
    this runs while the app imports Textual, and anything beats the full load after it."""
    from ..clock import now_from
    from ..domain.when import WhenError
    from ..store import StoreError, open_store, resolve_db_path
    from ..store.standings import first_view

    from ..store.paths import is_server

    try:
        path = resolve_db_path(db)
    except StoreError:  # a URL netpace can't use: the CLI says so
        return NONE
    if not is_server(path) and ("\x00" in str(path) or not path.is_file()):
        return NONE
    try:
        now = now_from(now_text)
    except WhenError:
        return NONE
    try:
        with open_store(path, create=False, upgrade=False) as store:
            found = first_view(store, now, max_stale=None)  # in parallel: worth it even when slow
            theme = store.theme()
    except StoreError:
        return NONE
    if found is None:
        return NONE
    rows, total = found
    offset = now.utcoffset()
    return ("view", str(path), now.timestamp(), int(offset.total_seconds()) if offset else 0, total,
            [pack(row) for row in rows], theme)


def pack(row) -> tuple:
    return (row.id, row.name, row.company, row.status.value, _ordinal(row.snoozed_until), row.pressure,
            row.zone.value, row.verdict.value, _ordinal(row.next_on))


def _ordinal(day: date | None) -> int | None:
    return None if day is None else day.toordinal()


def unpack(packed: tuple):
    from ..store.first_row import FirstRow

    id_, name, company, status, snoozed, pressure, zone, verdict, next_on = packed
    return FirstRow(id_, name, company, Status(status), _day(snoozed), pressure, Zone(zone), Verdict(verdict),
                    _day(next_on))


def _day(ordinal: int | None) -> date | None:
    return None if ordinal is None else date.fromordinal(ordinal)


def moment(timestamp: float, offset_seconds: int) -> datetime:
    """The child's `now`, as a fixed-offset datetime (all the first view needs of it)."""
    return datetime.fromtimestamp(timestamp, timezone(timedelta(seconds=offset_seconds)))
