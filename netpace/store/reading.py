"""Fast reads for whole-network views: raw cursors, aggregates in SQL, no per-row queries.

The queries are built with Peewee's query builder (portable SQL); rows are converted
here directly instead of through Peewee's per-field converters, which dominated the
profile at 200,000 interactions.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import NamedTuple

import peewee as pw

from ..domain.model import Channel, Contact, Direction, Interaction, Kind, MetVia, Pace, Status
from ..domain.pressure import EMPTY_HISTORY, WINDOW_DAYS, History, Moment, digest, planned_moments
from .convert import from_db_time, tags_from_db, to_db_time
from .totals import COLUMNS as TOTALS_COLUMNS
from .totals import weighed

_DIRECTION = {d.value: d for d in Direction}
_CHANNEL = {c.value: c for c in Channel}
_KIND = {k.value: k for k in Kind}
_MET_VIA = {m.value: m for m in MetVia}
_STATUS = {s.value: s for s in Status}
_UTC = timezone.utc


def _day(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _rows(store, query) -> list[tuple]:
    sql, params = query.sql()
    return store.db.execute_sql(sql, params).fetchall()


def interaction_columns(store) -> list:
    i = store.models.interaction
    return [i.id, i.contact, i.at, i.direction, i.channel, i.kind, i.note, i.source, i.external_id, i.in_group,
            i.planned]


def to_interaction(row: tuple) -> Interaction:
    id_, contact_id, at, direction, channel, kind, note, source, external_id, in_group, planned = row
    return Interaction(
        at=from_db_time(at),
        direction=_DIRECTION[direction],
        channel=_CHANNEL[channel],
        kind=_KIND[kind],
        note=note,
        id=id_,
        contact_id=contact_id,
        source=source,
        external_id=external_id,
        group=bool(in_group),
        planned=bool(planned),
    )


def all_contacts(store, ids: list[int] | None = None) -> list[Contact]:
    """Every contact (or those of `ids` that exist), by name (by chunk of ids, if given)."""
    if ids is not None and len(ids) > 500:  # IN lists stay under SQLite's oldest limit of 999
        return [contact for chunk in pw.chunked(ids, 500) for contact in all_contacts(store, list(chunk))]
    c = store.models.contact
    emails: dict[int, list[str]] = {}
    e = store.models.email
    email_query = e.select(e.contact, e.address).order_by(e.contact, e.position)
    query = c.select(
        c.id, c.name, c.company, c.role, c.phone, c.linkedin, c.met_via, c.met_on, c.tags, c.notes,
        c.keep_in_touch_days, c.status, c.snoozed_until, c.created_at, c.updated_at,
    ).order_by(c.name_key, c.id)
    if ids is not None:
        email_query = email_query.where(e.contact.in_(ids))
        query = query.where(c.id.in_(ids))
    for contact_id, address in _rows(store, email_query):
        emails.setdefault(contact_id, []).append(address)
    result = []
    # Tags, days and time stamps repeat a lot across contacts (an import stamps them all
    # alike): convert each distinct value once.
    tag_cache: dict = {}
    day_cache: dict = {}
    time_cache: dict = {}

    def cached(cache: dict, convert, value):
        found = cache.get(value, cache)
        if found is cache:
            found = cache[value] = convert(value)
        return found

    for (id_, name, company, role, phone, linkedin, met_via, met_on, tags, notes, keep,
         status, snoozed, created, updated) in _rows(store, query):
        result.append(
            Contact(
                name=name,
                id=id_,
                company=company,
                role=role,
                emails=tuple(emails.get(id_, ())),
                phone=phone,
                linkedin=linkedin,
                met_via=_MET_VIA[met_via] if met_via else None,
                met_on=cached(day_cache, _day, met_on),
                tags=cached(tag_cache, tags_from_db, tags),
                notes=notes,
                keep_in_touch_days=keep,
                status=_STATUS[status],
                snoozed_until=cached(day_cache, _day, snoozed),
                created_at=cached(time_cache, from_db_time, created),
                updated_at=cached(time_cache, from_db_time, updated),
            )
        )
    return result


def all_interactions(store) -> dict[int, list[Interaction]]:
    i = store.models.interaction
    found: dict[int, list[Interaction]] = {}
    for row in _rows(store, i.select(*interaction_columns(store)).order_by(i.at, i.id)):
        item = to_interaction(row)
        found.setdefault(item.contact_id, []).append(item)
    return found


def network_histories(store, now: datetime, ids: list[int] | None = None,
                      ) -> tuple[dict[int, History], frozenset[int] | None]:
    """Every contact's `History` at `now` (or only those of `ids`), and the contacts with
    interactions after `now` (None if unknown: the totals table did not add up).

    The totals come from the `contact_totals` table, the items from only the interactions
    the engine can still feel (the decay window, and everything since their last message
    or your last meeting).

    The items are read from the covering index (contact, at, direction, kind, channel), a
    range per contact, in order; they are `Moment`s, without note, source or ids, which
    the engine never reads. The table holds totals over all of a contact's interactions,
    so it serves only contacts with nothing after `now` (all of them, unless `now` is in
    the past); the others, and everyone if the table does not add up to the interaction
    count (something else wrote the file), are read in full up to `now` and digested here.
    """
    if ids is not None and len(ids) > 500:  # IN lists stay under SQLite's oldest limit of 999
        result: dict[int, History] = {}
        later_ids: set[int] | None = set()
        for chunk in pw.chunked(ids, 500):
            part, part_later = network_histories(store, now, list(chunk))
            result.update(part)
            later_ids = None if later_ids is None or part_later is None else later_ids | part_later
        return result, None if later_ids is None else frozenset(later_ids)
    models = store.models
    i, t = models.interaction, models.totals
    cutoff = to_db_time(now)
    window_start = to_db_time(now - timedelta(days=WINDOW_DAYS))
    totals_query = t.select(*(getattr(t, name) for name in TOTALS_COLUMNS))
    stored = _rows(store, i.select(pw.fn.COUNT(pw.SQL("*"))).where(weighed(models)))[0][0]
    if ids is None:
        totals_rows = _rows(store, totals_query)
        counted = sum(row[1] for row in totals_rows)
    else:
        totals_rows = _rows(store, totals_query.where(t.contact.in_(ids)))
        counted = _rows(store, t.select(pw.fn.COALESCE(pw.fn.SUM(t.total), 0)))[0][0]
    later: frozenset[int] | None
    if counted != stored:
        fresh: dict[int, tuple] = {}
        with_items = i.select(i.contact).where(weighed(models)).distinct()
        stale = [row[0] for row in _rows(store, with_items if ids is None else with_items.where(i.contact.in_(ids)))]
        later = None
    else:
        fresh = {row[0]: row for row in totals_rows if _stored_time(row[8]) <= cutoff}
        stale = [row[0] for row in totals_rows if row[0] not in fresh]
        later = frozenset(stale)
    result = {}
    if fresh:
        lower = pw.Case(None, [(t.last_answer.is_null(), t.first_at), (t.last_answer < window_start, t.last_answer)],
                        window_start)
        # `+ 0`: join on an expression of the totals' key, so the planner walks the totals
        # and searches the index for each contact's range, rather than walking the whole
        # index and looking each entry's contact up (1.6x slower).
        query = (
            t.select(t.contact, i.at, i.direction, i.kind, i.channel, i.id)
            .join(i, on=((i.contact == t.contact + 0) & (i.at >= lower) & (i.at <= cutoff) & weighed(models)))
            .order_by(t.contact, i.at)
        )
        if ids is not None:
            query = query.where(t.contact.in_(ids))
        for contact_id, items in _moments(_rows(store, query), now):
            row = fresh.get(contact_id)
            if row is None:
                continue  # read in full below
            result[contact_id] = new_history(History, (
                items, row[1], row[2], row[3], row[4], row[5], row[6],
                from_db_time(row[9]) if row[9] else None, from_db_time(row[10]) if row[10] else None,
                from_db_time(row[7]) if row[7] else None, from_db_time(row[11]) if row[11] else None,
                new_pace(Pace, row[13:17]), None, from_db_time(row[12]) if row[12] else None,
            ))
    result.update(full_histories(store, stale, now))
    return result, later


def full_histories(store, ids: list[int], now: datetime) -> dict[int, History]:
    """The `History` at `now` of each of these contacts that has interactions, read in
    full up to `now` (not from the totals table) and trimmed to what the engine reads,
    with the meetings logged ahead (after `now` too)."""
    i = store.models.interaction
    cutoff = to_db_time(now)
    window = from_db_time(to_db_time(now - timedelta(days=WINDOW_DAYS)))
    result: dict[int, History] = {}
    for chunk in pw.chunked(ids, 500):
        query = (
            i.select(i.contact, i.at, i.direction, i.kind, i.channel, i.id)
            .where(i.contact.in_(chunk) & (i.at <= cutoff) & weighed(store.models))
            .order_by(i.contact, i.at)
        )
        for contact_id, items in _moments(_rows(store, query), now):
            full = digest(items, now)
            answers = [item.at for item in full.items if item.direction != Direction.OUT]
            if not answers:
                lower_at = full.items[0].at
            else:
                lower_at = min(answers[-1], window)
            result[contact_id] = full._replace(items=tuple(item for item in full.items if item.at >= lower_at))
        planned = i.select(i.contact, i.at).where(i.contact.in_(chunk) & (i.planned == True)  # noqa: E712
                                                  & weighed(store.models))
        moments: dict[int, list] = {}
        for contact_id, at in _rows(store, planned):
            moments.setdefault(contact_id, []).append(_Planned(from_db_time(at)))
        for contact_id, found in moments.items():
            upcoming, passed = planned_moments(found, now)
            result[contact_id] = result.get(contact_id, EMPTY_HISTORY)._replace(planned=upcoming, unconfirmed=passed)
    return result


class _Planned(NamedTuple):
    """A meeting logged ahead, as `planned_moments` reads it."""

    at: datetime
    planned: bool = True


def with_later_interactions(store, ids: list[int], now: datetime) -> set[int]:
    """Those of `ids` with an interaction after `now`."""
    i = store.models.interaction
    found: set[int] = set()
    for chunk in pw.chunked(ids, 500):
        query = i.select(i.contact).where(i.contact.in_(chunk) & (i.at > to_db_time(now)) & weighed(store.models)).distinct()
        found.update(row[0] for row in _rows(store, query))
    return found


new_history = new_pace = tuple.__new__  # skips NamedTuple's Python-level __new__


def _stored_time(value) -> datetime:
    return from_db_time(value).replace(tzinfo=None)


def _moments(rows: list[tuple], now: datetime):
    """(contact id, tuple of `Moment`s in the engine's order) from rows (contact, at,
    direction, kind, channel, id) grouped by contact and ordered by time. Two at the same
    moment are put in the order they were logged (by id), as the engine reads them."""
    direction_of, kind_of, channel_of, parse, slow_parse = _DIRECTION, _KIND, _CHANNEL, datetime.fromisoformat, from_db_time
    new_tuple, moment = tuple.__new__, Moment  # skips NamedTuple's Python-level __new__
    # SQLite hands back times as text, PostgreSQL as (naive, UTC) datetimes.
    as_text = bool(rows) and isinstance(rows[0][1], str)
    utc = _UTC
    items: list = []
    ids: list = []
    current = None
    previous_at = None
    tie = False
    for contact_id, at, direction, kind, channel, id_ in rows:
        if contact_id != current:
            if current is not None:
                yield current, _in_logged_order(items, ids) if tie else tuple(items)
            current, items, ids, tie = contact_id, [], [], False
        elif at == previous_at:
            tie = True
        previous_at = at
        if as_text:
            try:
                # Stored naive UTC: parsing with the offset appended is ~5x faster than
                # parsing and then replace(tzinfo=...).
                when = parse(at + "+00:00")
            except (TypeError, ValueError):
                when = slow_parse(at)
        else:
            when = at.replace(tzinfo=utc)
        items.append(new_tuple(moment, (when, direction_of[direction], channel_of[channel], kind_of[kind], "")))
        ids.append(id_)
    if current is not None:
        yield current, _in_logged_order(items, ids) if tie else tuple(items)


def _in_logged_order(items: list, ids: list) -> tuple:
    return tuple(item for item, _ in sorted(zip(items, ids), key=lambda pair: (pair[0].at, pair[1])))
