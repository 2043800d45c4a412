"""The per-contact totals the store keeps on every write always equal a fresh aggregate
over the interactions, whatever the sequence of writes, deletes, undos and imports."""

import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netpace.domain.model import Channel, Contact, Direction, Interaction, Kind
from netpace.domain.pace import measure
from netpace.domain.thresholds import DAILY_CHECK_INS
from netpace.store import open_store, totals
from netpace.store.bulk import bulk_add
from netpace.store.convert import from_db_time
from netpace.store.store import summarize

from ..helpers import NOW, at_version


def raw(store, query) -> list[tuple]:
    """Rows as SQLite returns them (no field conversion), sorted by contact."""
    return sorted(store.db.execute_sql(*query.sql()).fetchall())


def kept(store) -> list[tuple]:
    t = store.models.totals
    return raw(store, t.select(*(getattr(t, name) for name in totals.COLUMNS)))


def fresh(store) -> list[tuple]:
    """The whole table computed afresh: the aggregate in SQL, and each contact's pace
    measured by the domain over the interactions as the store hands them out."""
    by_contact = store.interactions_by_contact()
    rows = []
    for row in raw(store, totals.aggregate(store.models)):
        items = [i for i in by_contact.get(row[0], []) if not i.group]
        rows.append((*row, *measure(sorted(items, key=lambda i: (i.at, i.id)))))
    return rows


def reference(store, now):
    history = store.interactions_by_contact()
    return {c.id: summarize(c, history.get(c.id, []), now).assessment for c in store.contacts()}


def item(minutes, direction, kind, contact_id=None):
    return Interaction(at=NOW - timedelta(minutes=minutes), direction=direction, channel=Channel.EMAIL,
                       kind=kind, contact_id=contact_id)


moments = st.tuples(st.integers(0, 60 * 24 * 600), st.sampled_from(list(Direction)), st.sampled_from(list(Kind)))
operations = st.lists(
    st.one_of(
        st.tuples(st.just("log"), st.integers(0, 5), moments),
        st.tuples(st.just("plan"), st.integers(0, 5), st.integers(-60 * 24 * 30, 60 * 24 * 30)),
        st.tuples(st.just("delete"), st.integers(0, 50)),
        st.just(("undo",)),
        st.tuples(st.just("import"), st.lists(st.tuples(st.integers(0, 5), moments, st.booleans(), st.booleans()),
                                              max_size=6)),
        st.tuples(st.just("bulk"), st.lists(moments, max_size=5)),
        st.tuples(st.just("delete contact"), st.integers(0, 5)),
        st.just(("add contact",)),
    ),
    max_size=25,
)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations)
def test_totals_equal_a_fresh_aggregate_after_any_writes(tmp_path_factory, ops):
    path = tmp_path_factory.mktemp("t") / "t.db"
    with open_store(path) as store:
        ids = [store.add_contact(Contact(name=f"P{n}"), NOW).id for n in range(3)]
        deleted = []
        for op in ops:
            if op[0] == "log" and ids:
                minutes, direction, kind = op[2]
                store.log(ids[op[1] % len(ids)], item(minutes, direction, kind), NOW)
            elif op[0] == "plan" and ids:  # a meeting logged ahead (minutes < 0: still ahead)
                meeting = replace(item(op[2], Direction.BOTH, Kind.MEETING), planned=True)
                store.log(ids[op[1] % len(ids)], meeting, NOW)
            elif op[0] == "delete":
                stored = [i for cid in ids for i in store.interactions(cid)]
                if stored:
                    deleted.append(store.delete_interaction(stored[op[1] % len(stored)].id, NOW))
            elif op[0] == "undo" and deleted:
                undone = deleted.pop()
                if undone.contact_id in ids:
                    store.restore_interaction(undone, NOW)
            elif op[0] == "import" and ids:  # into contacts with and without interactions yet
                store.add_interactions(
                    [replace(item(m, d, k, ids[n % len(ids)]), group=group, planned=planned)
                     for n, (m, d, k), group, planned in op[1]], NOW)
            elif op[0] == "bulk":
                bulk_add(store, [(Contact(name="Bulk"), [item(m, d, k) for m, d, k in op[1]])], NOW)
                ids.append(max(c.id for c in store.contacts()))
            elif op[0] == "delete contact" and ids:
                store.delete_contact(ids.pop(op[1] % len(ids)))
            elif op[0] == "add contact":
                ids.append(store.add_contact(Contact(name="New"), NOW).id)
            assert kept(store) == fresh(store)
        for now in (NOW, NOW - timedelta(days=200), NOW + timedelta(days=45)):
            assert {s.contact.id: s.assessment for s in store.summaries(now)} == reference(store, now)


def test_a_schema_2_database_gets_its_totals_with_a_backup(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as store:
        ann = store.add_contact(Contact(name="Ann"), NOW)
        bob = store.add_contact(Contact(name="Bob"), NOW)
        for minutes, direction, kind in [(90, Direction.OUT, Kind.ASK), (60, Direction.IN, Kind.REPLY),
                                         (30, Direction.BOTH, Kind.MEETING)]:
            store.log(ann.id, item(minutes, direction, kind), NOW)
        store.log(bob.id, item(10, Direction.OUT, Kind.INTRO), NOW)
        expected = fresh(store)
    with sqlite3.connect(path) as raw:  # what version 2 wrote: no totals table
        raw.execute("DROP TABLE contact_totals")
        for statement in at_version(2):
            raw.execute(statement)
    raw.close()
    with open_store(path) as upgraded:
        assert upgraded.migration_backup is not None and upgraded.migration_backup.exists()
        assert kept(upgraded) == expected and len(expected) == 2
        assert {s.contact.id: s.assessment for s in upgraded.summaries(NOW)} == reference(upgraded, NOW)


def test_totals_written_by_something_else_are_noticed_and_rebuilt(tmp_path):
    path = tmp_path / "t.db"
    with open_store(path) as store:
        ann = store.add_contact(Contact(name="Ann"), NOW)
        store.log(ann.id, item(60, Direction.OUT, Kind.ASK), NOW)
        with sqlite3.connect(path) as raw:  # another program adds an interaction behind our back
            raw.execute(
                "INSERT INTO interaction (contact_id, at, direction, channel, kind, note, source, created_at)"
                " VALUES (?, ?, 'in', 'email', 'reply', '', 'other', ?)",
                (ann.id, "2025-01-01 10:00:00", "2025-01-01 10:00:00"),
            )
        raw.close()
        # Reads on the open store do not trust the table any more ...
        assert {s.contact.id: s.assessment for s in store.summaries(NOW)} == reference(store, NOW)
    with open_store(path) as reopened:  # ... and the next open rebuilds it.
        assert kept(reopened) == fresh(reopened)


def test_a_schema_6_database_gets_pace_settings_group_flags_and_read_kinds(tmp_path):
    """Step 7: what version 6 wrote (no group flag, no pace in the totals, no settings)
    is upgraded in place, and imported messages get their kinds from their words; what
    the user logged by hand keeps its kind."""
    path = tmp_path / "old.db"
    with open_store(path) as store:
        ann = store.add_contact(Contact(name="Ann"), NOW)
        imported = [
            Interaction(at=NOW - timedelta(days=d), direction=Direction.OUT, kind=Kind.UPDATE, note=note,
                        source="linkedin-messages", external_id=f"m{d}", contact_id=ann.id)
            for d, note in ((30, "Could you refer me for the data role?"), (20, "Congratulations on the launch!"),
                            (10, "Here is where my search stands"))
        ]
        store.add_interactions(imported, NOW)
        store.log(ann.id, Interaction(at=NOW - timedelta(days=5), direction=Direction.OUT, kind=Kind.UPDATE,
                                      note="Could you call me back?"), NOW)
    with sqlite3.connect(path) as raw:  # what version 6 wrote
        raw.execute("ALTER TABLE interaction DROP COLUMN in_group")
        for column in ("reply_seconds", "replies", "gap_days", "conversations"):
            raw.execute(f"ALTER TABLE contact_totals DROP COLUMN {column}")
        raw.execute("DROP TABLE setting")
        for statement in at_version(6):
            raw.execute(statement)
    raw.close()
    with open_store(path) as upgraded:
        assert upgraded.migration_backup is not None and upgraded.migration_backup.exists()
        kinds = {i.note: i.kind for i in upgraded.interactions(ann.id)}
        assert kinds == {
            "Could you refer me for the data role?": Kind.ASK,
            "Congratulations on the launch!": Kind.GIVE,
            "Here is where my search stands": Kind.UPDATE,
            "Could you call me back?": Kind.UPDATE,  # logged by hand: the user's choice stands
        }
        assert not any(i.group for i in upgraded.interactions(ann.id))
        assert kept(upgraded) == fresh(upgraded)
        assert upgraded.daily_budget() == DAILY_CHECK_INS
        upgraded.set_daily_budget(8)
        assert upgraded.daily_budget() == 8
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 7
    raw.close()


@pytest.mark.parametrize("stored", [
    "2025-06-01 12:00:00", "2025-06-01 12:00:00.123456", "2025-06-01T12:00:00", "2025-06-01 12:00:00+02:00",
    datetime(2025, 6, 1, 12, 0),
])
def test_a_stored_time_reads_as_the_same_moment_in_utc(stored):
    parsed = stored if isinstance(stored, datetime) else datetime.fromisoformat(stored)
    assert from_db_time(stored) == parsed.replace(tzinfo=timezone.utc)
    assert from_db_time(stored).utcoffset() == timedelta(0)


def test_an_import_into_new_and_known_contacts_keeps_the_totals_exact(store):
    """On both stores: the new contacts' totals come from the rows written, the others'
    are read back; either way they equal the aggregate over what is stored."""
    known = store.add_contact(Contact(name="Known"), NOW)
    store.log(known.id, item(60 * 24 * 40, Direction.IN, Kind.INTRO), NOW)
    new = [store.add_contact(Contact(name=f"New {n}"), NOW) for n in range(3)]
    same_moment = 60 * 24 * 3
    items = [
        item(60 * 24 * 30, Direction.OUT, Kind.ASK, known.id),
        item(same_moment, Direction.OUT, Kind.ASK, new[0].id),
        item(same_moment, Direction.IN, Kind.REPLY, new[0].id),  # the same moment: kept in order
        item(60 * 24 * 20, Direction.OUT, Kind.GIVE, new[0].id),
        replace(item(60 * 24 * 10, Direction.BOTH, Kind.MEETING, new[0].id), planned=True),
        item(60 * 24 * 9, Direction.IN, Kind.THANKS, new[0].id),
        replace(item(60 * 24 * 2, Direction.OUT, Kind.UPDATE, new[1].id), group=True),  # only a group message
        replace(item(60 * 24 * 5, Direction.OUT, Kind.UPDATE, new[2].id), group=True),
        item(60 * 24 * 6, Direction.OUT, Kind.THANKS, new[2].id),
    ]
    assert store.add_interactions(items, NOW) == len(items)
    assert kept(store) == fresh(store)
    assert {row[0] for row in kept(store)} == {known.id, new[0].id, new[2].id}
