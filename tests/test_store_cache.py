"""A store rereads only the contacts that changed since its last whole-network read, and
what it then shows must equal a fresh read (a new store) and the engine on everything."""

import sqlite3
from dataclasses import replace
from datetime import timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netpace.demo import write_large_demo
from netpace.domain.model import Channel, Direction, Interaction, Kind, Status
from netpace.store import open_store
from netpace.store.backups import restore_backup, write_backup
from netpace.store.store import summarize

from .helpers import NOW, out, person


def _shown(summaries):
    return [(s.contact, s.assessment, s.usual_channel) for s in summaries]


def _fresh(path, now):
    with open_store(path) as store:
        return _shown(store.summaries(now))


def _reference(store, now):
    history = store.interactions_by_contact()
    return {c.id: summarize(c, history.get(c.id, []), now).assessment for c in store.contacts()}


def _network(tmp_path, people=200, interactions=5_000):
    path = tmp_path / "n.db"
    store = open_store(path)
    write_large_demo(store, NOW, people, interactions)
    return path, store


def test_a_reread_after_every_kind_of_change_equals_a_fresh_read(tmp_path):
    path, store = _network(tmp_path)
    with store:
        first = store.summaries(NOW)
        assert store.network_cache.full_reads == 1
        ids = [s.contact.id for s in first]
        later = NOW + timedelta(hours=5)

        logged = store.log(ids[0], out(NOW + timedelta(hours=1), Kind.ASK), later)
        store.log(ids[1], Interaction(at=NOW, direction=Direction.IN, channel=Channel.PHONE, kind=Kind.REPLY), later)
        gone = store.interactions(ids[2])[-1]
        store.delete_interaction(gone.id, later)
        store.update_contact(replace(store.contact(ids[3]), name="Renamed Person", tags=("new-tag",)), later)
        store.update_contact(replace(store.contact(ids[4]), emails=("someone@example.org",)), later)
        store.set_status(ids[5], Status.SNOOZED, (later + timedelta(days=9)).date(), later)
        added = store.add_contact(person("Brand New"), later)
        store.log(added.id, out(NOW), later)
        store.delete_contact(ids[6])
        # Another program writes behind the store's back (no totals kept, triggers only).
        with sqlite3.connect(path) as other:
            other.execute(
                "INSERT INTO interaction (contact_id, at, direction, channel, kind, note, source, created_at)"
                " VALUES (?, ?, 'in', 'email', 'reply', '', 'manual', ?)",
                (ids[7], "2026-11-26 08:30:00", "2026-11-26 08:30:00"),
            )

        reread = store.summaries(later)
        assert store.network_cache.full_reads == 1  # no full read: only the ten changed
        assert _shown(reread) == _fresh(path, later)
        assert {s.contact.id: s.assessment for s in reread} == _reference(store, later)
        assert ids[6] not in {s.contact.id for s in reread}
        assert any(s.contact.name == "Renamed Person" for s in reread)
        assert logged.at == NOW + timedelta(hours=1)


def test_time_passing_alone_rereads_nothing_and_still_matches_the_engine(tmp_path):
    path, store = _network(tmp_path)
    with store:
        store.summaries(NOW)
        for days in (1, 30, 200):
            now = NOW + timedelta(days=days)
            shown = store.summaries(now)
            assert {s.contact.id: s.assessment for s in shown} == _reference(store, now)
            # The usual channel is a hint from the items read, kept until the contact changes.
            assert [row[:2] for row in _shown(shown)] == [row[:2] for row in _fresh(path, now)]
        assert store.network_cache.full_reads == 1


def test_an_earlier_now_is_a_full_read(tmp_path):
    path, store = _network(tmp_path, 60, 1_500)
    with store:
        store.summaries(NOW)
        earlier = NOW - timedelta(days=40)
        assert {s.contact.id: s.assessment for s in store.summaries(earlier)} == _reference(store, earlier)
        assert store.network_cache.full_reads == 2


def test_an_interaction_logged_ahead_counts_once_its_time_comes(tmp_path):
    path, store = _network(tmp_path, 40, 800)
    with store:
        target = store.summaries(NOW)[0].contact.id
        store.log(target, out(NOW + timedelta(days=2), Kind.ASK), NOW)
        before = {s.contact.id: s for s in store.summaries(NOW + timedelta(days=1))}[target]
        after = {s.contact.id: s for s in store.summaries(NOW + timedelta(days=3))}[target]
        assert before.assessment.last_contact != after.assessment.last_contact
        assert after.assessment.last_contact == NOW + timedelta(days=2)
        assert {s.contact.id: s.assessment for s in store.summaries(NOW + timedelta(days=3))} == _reference(
            store, NOW + timedelta(days=3))
        assert store.network_cache.full_reads == 1


def test_restoring_a_backup_under_an_open_store_is_seen(tmp_path):
    path, store = _network(tmp_path, 40, 800)
    with store:
        saved = write_backup(store, tmp_path / "saved.db")
        first = store.summaries(NOW)
        for summary in first[:5]:
            store.log(summary.contact.id, out(NOW, Kind.ASK), NOW)
        changed = store.summaries(NOW + timedelta(minutes=1))
        assert _shown(changed) != _shown(first)
        restore_backup(path, saved)
        restored = store.summaries(NOW + timedelta(minutes=2))
        assert store.network_cache.full_reads == 2  # a new generation: read in full
        assert _shown(restored) == _fresh(path, NOW + timedelta(minutes=2))


def test_many_changes_fall_back_to_a_full_read(tmp_path, monkeypatch):
    from netpace.store import cache

    monkeypatch.setattr(cache, "MAX_CHANGED", 3)
    path, store = _network(tmp_path, 30, 600)
    with store:
        shown = store.summaries(NOW)
        for summary in shown[:4]:
            store.log(summary.contact.id, out(NOW), NOW)
        assert _shown(store.summaries(NOW)) == _fresh(path, NOW)
        assert store.network_cache.full_reads == 2


def test_a_reread_of_more_contacts_than_one_sql_list_holds(tmp_path):
    """Over 500 changed contacts are read in chunks (SQLite's oldest limit is 999 values)."""
    path, store = _network(tmp_path, 700, 2_000)
    with store:
        store.summaries(NOW)
        later = NOW + timedelta(minutes=10)
        store.update_contacts([replace(s.contact, company="Moved On") for s in store.summaries(NOW)], later)
        reread = store.summaries(later)
        assert store.network_cache.full_reads == 1
        assert {s.contact.company for s in reread} == {"Moved On"}
        assert _shown(reread) == _fresh(path, later)


def test_a_read_that_found_the_totals_wrong_is_not_kept(tmp_path):
    """Totals that don't add up (another program wrote interactions) mean a full read, and
    that read is not kept: it can't tell who has interactions after `now`."""
    path, store = _network(tmp_path, 30, 500)
    with store:
        with sqlite3.connect(path) as other:
            other.execute("DELETE FROM contact_totals WHERE contact_id = (SELECT MIN(contact_id) FROM contact_totals)")
        other.close()
        first = store.summaries(NOW)
        second = store.summaries(NOW + timedelta(minutes=1))
        assert store.network_cache.full_reads == 2
        assert {s.contact.id: s.assessment for s in first} == _reference(store, NOW)
        assert {s.contact.id: s.assessment for s in second} == _reference(store, NOW + timedelta(minutes=1))


# Any sequence of writes and reads, by the store or by another program, with time moving
# on: every reread equals a fresh read (a new store) and the engine.
_ops = st.lists(
    st.one_of(
        st.tuples(st.just("log"), st.integers(0, 50), st.sampled_from(list(Direction)), st.integers(0, 60 * 24 * 30)),
        st.tuples(st.just("delete-interaction"), st.integers(0, 50)),
        st.tuples(st.just("rename"), st.integers(0, 50)),
        st.tuples(st.just("snooze"), st.integers(0, 50), st.integers(0, 20)),
        st.tuples(st.just("add"), st.integers(0, 3)),
        st.tuples(st.just("delete-contact"), st.integers(0, 50)),
        st.tuples(st.just("foreign-insert"), st.integers(0, 50), st.integers(-60 * 24 * 3, 60 * 24 * 3)),
        st.tuples(st.just("read"), st.integers(0, 60 * 24 * 10)),
    ),
    min_size=1, max_size=14,
)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_ops)
def test_any_sequence_of_writes_and_reads_matches_a_fresh_read(tmp_path_factory, ops):
    path = tmp_path_factory.mktemp("seq") / "n.db"
    store = open_store(path)
    write_large_demo(store, NOW, 40, 600)
    now = NOW
    with store:
        store.summaries(now)

        def pick(n):
            ids = [c.id for c in store.contacts()]
            return ids[n % len(ids)] if ids else None

        for op in ops:
            kind, *args = op
            target = pick(args[0]) if args else None
            if kind == "log" and target is not None:
                store.log(target, Interaction(at=now - timedelta(minutes=args[2]), direction=args[1]), now)
            elif kind == "delete-interaction" and target is not None:
                items = store.interactions(target)
                if items:
                    store.delete_interaction(items[args[0] % len(items)].id, now)
            elif kind == "rename" and target is not None:
                store.update_contact(replace(store.contact(target), name=f"Renamed {args[0]}"), now)
            elif kind == "snooze" and target is not None:
                store.set_status(target, Status.SNOOZED, (now + timedelta(days=args[1])).date(), now)
            elif kind == "add":
                store.add_contact(person(f"Added {args[0]}"), now)
            elif kind == "delete-contact" and target is not None:
                store.delete_contact(target)
            elif kind == "foreign-insert" and target is not None:
                at = (now - timedelta(minutes=args[1])).astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
                with sqlite3.connect(path) as other:
                    other.execute(
                        "INSERT INTO interaction (contact_id, at, direction, channel, kind, note, source, created_at)"
                        " VALUES (?, ?, 'in', 'email', 'reply', '', 'manual', ?)", (target, at, at))
                other.close()
            elif kind == "read":
                now = now + timedelta(minutes=args[0])
                shown = store.summaries(now)
                assert [row[:2] for row in _shown(shown)] == [row[:2] for row in _fresh(path, now)]
                assert {s.contact.id: s.assessment for s in shown} == _reference(store, now)
        now = now + timedelta(minutes=1)
        assert [row[:2] for row in _shown(store.summaries(now))] == [row[:2] for row in _fresh(path, now)]
