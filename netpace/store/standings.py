"""Each contact's place in the list, kept between launches so the app shows it at once.

The app writes every contact's `Standing` after it has loaded the network. At the next
launch `first_view` reads back the top of the list: a standing whose contact has not
changed since (same revision) and whose moment has not passed (`standing_at`) gives that
contact's pressure and verdict at the new `now` without reading their history; the others
are assessed from their history, as any read would.

SQLite orders the kept standings (`_ORDER`) and hands over only the first few hundred:
reading every row into Python would cost more than the rest of the launch. The order it
can compute is a little coarser than the list's (a WAIT may have become a BACK_OFF; equal
pressures are ordered by name), so `first_view` checks that no row it did not read could
come before the last one it returns, and reads more when it can't tell.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

import peewee as pw

from ..domain import thresholds
from ..domain.model import Status, Verdict, hidden_on
from ..domain.pressure import (
    EMPTY_HISTORY,
    TRIAGE_RANK,
    Standing,
    assess_history,
    standing,
    standing_at,
    zone_of,
)
from . import reading
from .first_row import FirstRow

# Past this many contacts to assess from their history, the full load is about as quick
# (for a first view read on the app's own thread; the launcher's child has no limit).
MAX_STALE = 1_500
# Past this many, the histories are read for the whole network, then picked.
_MANY = 2_000
# Rows in the first view: more than any screen shows, and some to scroll through.
FIRST_ROWS = 300

_VERDICT = {v.value: v for v in Verdict}
_STATUS = {s.value: s for s in Status}
_DECAY_PER_SECOND = math.log(0.5) / (86400.0 * thresholds.HALF_LIFE_DAYS)


def zone_key(now: datetime) -> str:
    return str(now.tzinfo)


def score(load: float, ref_ts: float) -> float | None:
    """ln of the load as it would be at time 0: the load at any moment t is
    exp(score + t * decay per second), so a higher score is a higher load at every t."""
    if not load > 0:
        return None
    return math.log(load) - _DECAY_PER_SECOND * ref_ts


def save(store, now: datetime) -> int:
    """Write every contact's standing at `now`; returns how many. Uses what the store's
    network cache holds (a full read if it holds nothing)."""
    models = store.models
    r = models.revision
    with store.guard():
        # Revisions first: a contact changed while this runs keeps an older revision
        # here than in the database, so its standing is not trusted next time.
        revisions = dict(r.select(r.contact, r.rev).tuples())
        with store.network_cache.lock:
            network = store.network_cache.current(store, now)
            contacts = list(network.contacts.values())
            histories = dict(network.histories)
    zone = zone_key(now)
    rows = []
    for contact in contacts:
        found = standing(contact, histories.get(contact.id, EMPTY_HISTORY), now)
        rows.append((contact.id, revisions.get(contact.id, 0), zone, found.verdict.value, found.next_on,
                     found.decided_until, _finite(found.load), found.ref_ts, _finite(found.load_until),
                     score(_finite(found.load), found.ref_ts)))
    s = models.standing
    fields = [s.contact, s.rev, s.zone, s.verdict, s.next_on, s.decided_until, s.load, s.ref_ts, s.load_until,
              s.score]
    with store.transaction():
        s.delete().execute()
        for chunk in pw.chunked(rows, 90):
            s.insert_many(chunk, fields).execute()
    return len(rows)


_FAR = 1e18  # "never" as a number SQLite keeps (it has no infinity; PostgreSQL's is left unused)


def _finite(value: float) -> float:
    return min(value, _FAR)


_FROM = ("FROM contact c LEFT JOIN contact_revision r ON r.contact_id = c.id "
         "LEFT JOIN contact_standing s ON s.contact_id = c.id")
# What `standing_at` checks, plus: the contact is unchanged and the days were counted in
# this time zone.
_KEPT = ("s.contact_id IS NOT NULL AND s.rev = coalesce(r.rev, 0) AND s.zone = :zone "
         "AND s.ref_ts <= :now AND :now < s.decided_until AND :now < s.load_until")
# The list's order as far as SQLite can tell without the time: hidden last (`hidden_on`),
# then the verdict as kept (a WAIT may be a BACK_OFF by now: never earlier), the next
# date (none last), the load now (the score), highest first.
_HIDDEN = (f"(c.status = '{Status.ARCHIVED.value}' OR (c.status = '{Status.SNOOZED.value}' "
           "AND (c.snoozed_until IS NULL OR c.snoozed_until > :today)))")
_RANK = ("CASE s.verdict " + " ".join(f"WHEN '{v.value}' THEN {rank}" for v, rank in TRIAGE_RANK.items())
         + f" ELSE {len(TRIAGE_RANK)} END")
_ORDER = f"{_HIDDEN}, {_RANK}, s.next_on IS NULL, s.next_on, s.score IS NULL, s.score DESC"
_TOP = (f"SELECT c.id, c.name, c.company, c.status, c.snoozed_until, s.verdict, s.next_on, s.decided_until, "
        f"s.load, s.ref_ts, s.load_until {_FROM} WHERE {_KEPT} ORDER BY {_ORDER} LIMIT :limit")
_STALE = f"SELECT c.id {_FROM} WHERE NOT ({_KEPT})"
_NAMED = re.compile(r":([a-z_]+)")


def _sql(store, text: str) -> str:
    """The queries above are written with SQLite's :name parameters; psycopg's are
    %(name)s."""
    return _NAMED.sub(r"%(\1)s", text) if store.on_server else text


def _params(store, now: datetime) -> dict:
    # SQLite keeps days as ISO text; PostgreSQL compares them as dates.
    today = now.date()
    return {"zone": zone_key(now), "now": now.timestamp(),
            "today": date(today.year, today.month, today.day) if store.on_server else today.isoformat()}


def first_view(store, now: datetime, counts: dict | None = None, limit: int = FIRST_ROWS,
               max_stale: int | None = MAX_STALE) -> tuple[list[FirstRow], int] | None:
    """The first `limit` rows of the list at `now`, most urgent first (hidden ones last, as
    in every list), and how many contacts there are; or None when there are no contacts,
    or more than `max_stale` standings are out of date or missing (then the full load is
    about as quick; None: any number). `counts`, if given, receives how many rows came
    from standings ("kept") and how many were assessed from history ("stale")."""
    params = _params(store, now)
    with store.guard():
        db = store.db
        total = db.execute_sql("SELECT count(*) FROM contact").fetchone()[0]
        stale = [id_ for (id_,) in db.execute_sql(_sql(store, _STALE), params).fetchall()]
        kept = total - len(stale)
        if counts is not None:
            counts.update(kept=kept, stale=len(stale))
        if not total or (max_stale is not None and (not kept or len(stale) > max_stale)):
            return None
        assessed = _assessed(store, stale, now)
        wanted = 2 * limit
        while True:
            rows = db.execute_sql(_sql(store, _TOP), {**params, "limit": wanted}).fetchall()
            keyed = _keyed(rows, now) + assessed
            keyed.sort(key=_first)
            if len(rows) < wanted or len(keyed) <= limit or keyed[limit - 1][0][:4] < _bound(rows[-1], now):
                return [row for _, row in keyed[:limit]], total
            wanted *= 4  # the rows not read might still come first: read more of them


def _keyed(rows: list[tuple], now: datetime) -> list[tuple[tuple, FirstRow]]:
    """(the list's sort key, the row) for each kept standing read by `_TOP`."""
    today, now_ts = now.date(), now.timestamp()
    found = []
    for id_, name, company, status, snoozed, kept in map(_split, rows):
        pressure, verdict = standing_at(kept, now_ts)  # `_KEPT` checked it still holds
        snoozed_day, status = reading._day(snoozed), _STATUS[status]
        found.append(((hidden_on(status, snoozed_day, today), TRIAGE_RANK[verdict], kept.next_on or date.max,
                       -pressure, name.casefold(), id_),
                      FirstRow(id_, name, company, status, snoozed_day, pressure, zone_of(pressure), verdict,
                               kept.next_on)))
    return found


def _bound(last: tuple, now: datetime) -> tuple:
    """No row after `last` in `_ORDER` can come before this in the list: its hidden flag,
    kept verdict and date are no earlier, and its load no higher (one point of pressure
    spared for rounding)."""
    _, _, _, status, snoozed, kept = _split(last)
    pressure, _ = standing_at(kept, now.timestamp())
    return (hidden_on(_STATUS[status], reading._day(snoozed), now.date()), TRIAGE_RANK[kept.verdict],
            kept.next_on or date.max, -(pressure + 1))


def _split(row: tuple) -> tuple:
    """(id, name, company, status, snoozed until, Standing) from a row of `_TOP`."""
    id_, name, company, status, snoozed, verdict, next_on, decided_until, load, ref_ts, load_until = row
    return id_, name, company, status, snoozed, Standing(_VERDICT[verdict], reading._day(next_on), decided_until,
                                                          load, ref_ts, load_until)


def _assessed(store, ids: list[int], now: datetime) -> list[tuple[tuple, FirstRow]]:
    """(the list's sort key, the row) for contacts whose standing can't be used."""
    if not ids:
        return []
    today, rank, never = now.date(), TRIAGE_RANK, date.max
    if len(ids) > _MANY:
        histories, _ = reading.network_histories(store, now)
    else:
        histories, _ = reading.network_histories(store, now, ids)
    found = []
    for contact in reading.all_contacts(store, ids):
        a = assess_history(contact, histories.get(contact.id, EMPTY_HISTORY), now)
        found.append(((contact.is_hidden_on(today), rank[a.verdict], a.next_on or never, -a.pressure,
                       contact.name.casefold(), contact.id),
                      FirstRow(contact.id, contact.name, contact.company, contact.status, contact.snoozed_until,
                               a.pressure, a.zone, a.verdict, a.next_on)))
    return found


def _first(pair: tuple) -> tuple:
    return pair[0]
