"""Each contact's place in the list, kept between launches so the app shows it at once.

The app writes every contact's `Standing` after it has loaded the network. At the next
launch `first_view` reads them back with the contacts' names and revisions: a standing
whose contact has not changed since (same revision) and whose moment has not passed
(`standing_at`) gives that contact's pressure and verdict at the new `now` without reading
their history; the others are assessed from their history, as any read would. The list
can be drawn from that in a few tens of milliseconds, while the full network (reasons,
search keys, every field) loads behind it and then replaces it.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import NamedTuple

import peewee as pw

from ..domain import thresholds as T
from ..domain.model import Status, Verdict, Zone, hidden_on
from ..domain.pressure import (
    EMPTY_HISTORY,
    TRIAGE_RANK,
    assess_history,
    pressure_of,
    standing,
    zone_of,
)
from . import reading

# Past this many contacts to assess from their history, the full load is about as quick.
MAX_STALE = 1_500

_VERDICT = {v.value: v for v in Verdict}
_STATUS = {s.value: s for s in Status}


class FirstRow(NamedTuple):
    """One contact as the list first shows it. (A named tuple: there are 10,000 at launch.)"""

    id: int
    name: str
    company: str
    status: Status
    snoozed_until: date | None
    pressure: int
    zone: Zone
    verdict: Verdict
    next_on: date | None


def zone_key(now: datetime) -> str:
    return str(now.tzinfo)


def save(store, now: datetime) -> int:
    """Write every contact's standing at `now`; returns how many. Uses what the store's
    network cache holds (a full read if it holds nothing)."""
    m = store.m
    r = m.revision
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
                     found.decided_until, _finite(found.load), found.ref_ts, _finite(found.load_until)))
    s = m.standing
    fields = [s.contact, s.rev, s.zone, s.verdict, s.next_on, s.decided_until, s.load, s.ref_ts, s.load_until]
    with store.transaction():
        s.delete().execute()
        for chunk in pw.chunked(rows, 90):
            s.insert_many(chunk, fields).execute()
    return len(rows)


_FAR = 1e18  # "never" as a number SQLite keeps (it has no infinity)


def _finite(value: float) -> float:
    return min(value, _FAR)


def first_view(store, now: datetime, counts: dict | None = None) -> list[FirstRow] | None:
    """Every contact's row at `now` from the kept standings, most urgent first (hidden
    ones last, as in every list), or None when there are none or too many are out of
    date (then the full load is as quick). `counts`, if given, receives how many rows
    came from standings ("kept") and how many were assessed from history ("stale")."""
    m = store.m
    c, r, s = m.contact, m.revision, m.standing
    query = (
        c.select(c.id, c.name, c.company, c.status, c.snoozed_until, r.rev, s.rev, s.zone, s.verdict, s.next_on,
                 s.decided_until, s.load, s.ref_ts, s.load_until)
        .join(r, pw.JOIN.LEFT_OUTER, on=(r.contact == c.id))
        .join_from(c, s, pw.JOIN.LEFT_OUTER, on=(s.contact == c.id))
    )
    zone = zone_key(now)
    now_ts = now.timestamp()
    today = now.date()
    keyed: list[tuple] = []
    stale: list[int] = []
    kept = 0
    # What `standing_at` does, inlined: this loop runs for every contact at every launch.
    decay_per_second = math.log(0.5) / (86400.0 * T.HALF_LIFE_DAYS)
    verdicts, statuses, days, rank = _VERDICT, _STATUS, {}, TRIAGE_RANK
    wait, back_off, pushy, never = Verdict.WAIT, Verdict.BACK_OFF, T.PUSHY, date.max
    new_row = tuple.__new__
    with store.guard():
        for (id_, name, company, status, snoozed, rev, kept_rev, kept_zone, verdict, next_on, decided_until, load,
             ref_ts, load_until) in reading._rows(store, query):
            if (kept_rev is None or kept_rev != (rev or 0) or kept_zone != zone
                    or not ref_ts <= now_ts < min(decided_until, load_until)):
                stale.append(id_)
                continue
            kept += 1
            pressure = pressure_of(load * math.exp(decay_per_second * (now_ts - ref_ts)))
            verdict = verdicts[verdict]
            if verdict == wait and pressure >= pushy:
                verdict = back_off
            next_day = days.get(next_on, days)
            if next_day is days:
                next_day = days[next_on] = reading._day(next_on)
            snoozed_day = days.get(snoozed, days)
            if snoozed_day is days:
                snoozed_day = days[snoozed] = reading._day(snoozed)
            status = statuses[status]
            keyed.append(((hidden_on(status, snoozed_day, today), rank[verdict], next_day or never, -pressure,
                           name.casefold(), id_),
                          new_row(FirstRow, (id_, name, company, status, snoozed_day, pressure, zone_of(pressure),
                                             verdict, next_day))))
        if counts is not None:
            counts.update(kept=kept, stale=len(stale))
        if not kept or len(stale) > MAX_STALE:
            return None
        if stale:
            contacts = reading.all_contacts(store, stale)
            histories = reading.full_histories(store, stale, now)
            for contact in contacts:
                a = assess_history(contact, histories.get(contact.id, EMPTY_HISTORY), now)
                keyed.append(((contact.is_hidden_on(today), rank[a.verdict], a.next_on or never, -a.pressure,
                               contact.name.casefold(), contact.id),
                              FirstRow(contact.id, contact.name, contact.company, contact.status,
                                       contact.snoozed_until, a.pressure, a.zone, a.verdict, a.next_on)))
    keyed.sort(key=_first)
    return [row for _, row in keyed]


def _first(pair: tuple) -> tuple:
    return pair[0]
