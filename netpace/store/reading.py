"""Fast reads for whole-network views: raw cursors, aggregates in SQL, no per-row queries.

The queries are built with Peewee's query builder (portable SQL); rows are converted
here directly instead of through Peewee's per-field converters, which dominated the
profile at 200,000 interactions.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import peewee as pw

from ..domain.model import Channel, Contact, Direction, Interaction, Kind, MetVia, Status
from ..domain.pressure import WINDOW_DAYS, History, Moment, ordered
from .convert import tags_from_db, to_db_time

_DIRECTION = {d.value: d for d in Direction}
_CHANNEL = {c.value: c for c in Channel}
_KIND = {k.value: k for k in Kind}
_MET_VIA = {m.value: m for m in MetVia}
_STATUS = {s.value: s for s in Status}
_UTC = timezone.utc


def _time(value, _parse=datetime.fromisoformat) -> datetime:
    if isinstance(value, str):
        try:
            # Stored naive UTC: parsing with the offset appended is ~5x faster than
            # parsing and then replace(tzinfo=...), which dominated the row conversion.
            return _parse(value + "+00:00")
        except ValueError:
            value = _parse(value)
    return value.replace(tzinfo=_UTC)


def _day(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _rows(store, query) -> list[tuple]:
    sql, params = query.sql()
    return store.db.execute_sql(sql, params).fetchall()


def interaction_columns(store) -> list:
    i = store.m.interaction
    return [i.id, i.contact, i.at, i.direction, i.channel, i.kind, i.note, i.source, i.external_id]


def to_interaction(row: tuple) -> Interaction:
    id_, contact_id, at, direction, channel, kind, note, source, external_id = row
    return Interaction(
        at=_time(at),
        direction=_DIRECTION[direction],
        channel=_CHANNEL[channel],
        kind=_KIND[kind],
        note=note,
        id=id_,
        contact_id=contact_id,
        source=source,
        external_id=external_id,
    )


def all_contacts(store) -> list[Contact]:
    c = store.m.contact
    emails: dict[int, list[str]] = {}
    e = store.m.email
    for contact_id, address in _rows(store, e.select(e.contact, e.address).order_by(e.contact, e.position)):
        emails.setdefault(contact_id, []).append(address)
    query = c.select(
        c.id, c.name, c.company, c.role, c.phone, c.linkedin, c.met_via, c.met_on, c.tags, c.notes,
        c.keep_in_touch_days, c.status, c.snoozed_until, c.created_at, c.updated_at,
    ).order_by(c.name_key, c.id)
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
                created_at=cached(time_cache, _time, created),
                updated_at=cached(time_cache, _time, updated),
            )
        )
    return result


def all_interactions(store) -> dict[int, list[Interaction]]:
    i = store.m.interaction
    found: dict[int, list[Interaction]] = {}
    for row in _rows(store, i.select(*interaction_columns(store)).order_by(i.at, i.id)):
        item = to_interaction(row)
        found.setdefault(item.contact_id, []).append(item)
    return found


def _count(condition) -> pw.Node:
    # COUNT of a CASE that is NULL otherwise: cheaper per row than COALESCE(SUM(CASE ...)).
    return pw.fn.COUNT(pw.Case(None, [(condition, 1)], None))


def histories(store, now: datetime) -> dict[int, History]:
    """Every contact's `History` at `now`, in one query: the totals come from an aggregate
    per contact, joined to only the interactions the engine can still feel (the decay
    window, and everything since their last message or your last meeting).

    Both parts read only the covering index (contact, at, direction, kind, channel): the
    items are `Moment`s, without note, source or ids, which the engine never reads. Rows whose
    moments are all distinct arrive in engine order already and are not sorted again.
    """
    i = store.m.interaction
    cutoff = to_db_time(now)
    window_start = to_db_time(now - timedelta(days=WINDOW_DAYS))
    out, inbound, both = (i.direction == "out"), (i.direction == "in"), (i.direction == "both")
    last_answer = pw.fn.MAX(pw.Case(None, [(i.direction != "out", i.at)], None))
    # Where this contact's items start: the window, or their last answer if older, or
    # (if they never answered) their first interaction.
    lower = pw.Case(None, [(last_answer.is_null(), pw.fn.MIN(i.at)), (last_answer < window_start, last_answer)],
                    window_start)
    totals = (
        i.select(
            i.contact.alias("cid"),
            pw.fn.COUNT(pw.SQL("*")).alias("total"),
            _count(out).alias("sent"),
            _count(inbound).alias("received"),
            _count(both).alias("together"),
            _count(out & (i.kind == Kind.ASK.value)).alias("asks"),
            _count(out & i.kind.in_([Kind.THANKS.value, Kind.GIVE.value])).alias("gives"),
            pw.fn.MIN(pw.Case(None, [(both, i.at)], None)).alias("first_meeting"),
            pw.fn.MAX(pw.Case(None, [(i.direction != "both", i.at)], None)).alias("last_talk"),
            lower.alias("lower"),
        )
        .where(i.at <= cutoff)
        .group_by(i.contact)
        .alias("totals")
    )
    j = i.alias("j")
    t = totals.c
    query = (
        j.select(
            j.contact, j.at, j.direction, j.kind, j.channel,
            t.total, t.sent, t.received, t.together, t.asks, t.gives, t.first_meeting, t.last_talk,
        )
        .join(totals, on=(j.contact == t.cid))
        .where((j.at <= cutoff) & (j.at >= t.lower))
    )
    direction_of, kind_of, channel_of, parse = _DIRECTION.get, _KIND.get, _CHANNEL.get, _time
    new_tuple, moment = tuple.__new__, Moment  # skips NamedTuple's Python-level __new__
    result: dict[int, History] = {}
    items: list = []
    moments: list = []
    current = None
    totals_row: tuple = ()

    def finish() -> None:
        if len(moments) > 1 and (moments != sorted(moments) or len(set(moments)) != len(moments)):
            # Out of order, or two at the same moment: the engine's order decides.
            ordered_items = ordered(items, now)
        else:
            ordered_items = items
        total, sent, received, together, asks, gives, first_meeting, last_talk = totals_row
        result[current] = History(
            items=tuple(ordered_items),
            total=total,
            sent=sent,
            received=received,
            together=together,
            asks=asks,
            gives=gives,
            first_meeting=parse(first_meeting) if first_meeting else None,
            last_not_meeting=parse(last_talk) if last_talk else None,
        )

    for row in _rows(store, query):
        contact_id, at, direction, kind, channel = row[:5]
        if contact_id != current:
            if current is not None:
                finish()
            current, totals_row, items, moments = contact_id, row[5:], [], []
        at = parse(at)
        moments.append(at)
        items.append(new_tuple(moment, (at, direction_of(direction), channel_of(channel), kind_of(kind), "")))
    if current is not None:
        finish()
    return result
