"""A bulk write (an import's contacts and interactions) raises each contact's revision
once, as the per-row triggers would have left them, and leaves every trigger in place for
every later write, by netpace or any other program."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from netpace.domain.model import Channel, Contact, Direction, Interaction, Kind
from netpace.store import StoreError, open_store
from netpace.store import revisions

from ..helpers import NOW


def _item(contact_id: int, minutes: int, external_id: str | None = None) -> Interaction:
    return Interaction(at=NOW - timedelta(minutes=minutes), direction=Direction.OUT, channel=Channel.EMAIL,
                       kind=Kind.UPDATE, note=f"note {minutes}", source="test", external_id=external_id,
                       contact_id=contact_id)


def _revisions(store) -> dict[int, int]:
    r = store.models.revision
    return dict(r.select(r.contact, r.rev).tuples())


def test_an_import_raises_each_touched_contact_once_above_every_earlier_revision(store):
    ids = store.add_contacts([Contact(name=f"Person {n}") for n in range(5)], NOW)
    before = _revisions(store)
    highest = revisions.latest(store.models)
    touched = [ids[0], ids[2], ids[4]]
    store.add_interactions([_item(touched[n % 3], n) for n in range(30)], NOW)
    after = _revisions(store)
    assert {c for c in ids if after[c] != before[c]} == set(touched)
    assert all(after[c] > highest for c in touched)
    assert sorted(revisions.changed_since(store.models, highest)) == sorted(touched)
    assert store.counts()["interactions"] == 30


def test_the_insert_trigger_still_works_after_a_bulk_write(store):
    ids = store.add_contacts([Contact(name="Ana"), Contact(name="Ben")], NOW)
    store.add_interactions([_item(ids[0], 5)], NOW)
    highest = revisions.latest(store.models)
    # A single write goes through the trigger alone.
    store.log(ids[1], _item(ids[1], 1), NOW)
    assert revisions.changed_since(store.models, highest) == [ids[1]]


@pytest.mark.sqlite_only
def test_another_program_writing_after_a_bulk_write_is_seen(db_path):
    with open_store(db_path) as store:
        ids = store.add_contacts([Contact(name="Ana"), Contact(name="Ben")], NOW)
        store.add_interactions([_item(ids[0], n) for n in range(10)], NOW)
        highest = revisions.latest(store.models)
    other = sqlite3.connect(db_path)
    with other:
        other.execute(
            "INSERT INTO interaction (contact_id, at, direction, channel, kind, note, source, created_at) "
            "VALUES (?, '2026-11-20 10:00:00', 'in', 'email', 'reply', 'by hand', 'sqlite3', '2026-11-20 10:00:00')",
            (ids[1],),
        )
    triggers = {row[0] for row in other.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    other.close()
    assert "contact_revision_interaction_insert" in triggers
    with open_store(db_path) as store:
        assert revisions.changed_since(store.models, highest) == [ids[1]]


@pytest.mark.sqlite_only
def test_a_bulk_write_that_fails_leaves_nothing_and_keeps_the_trigger(db_path):
    with open_store(db_path) as store:
        ids = store.add_contacts([Contact(name="Ana")], NOW)
        store.add_interactions([_item(ids[0], 1, external_id="same")], NOW)
        before = _revisions(store)
        with pytest.raises(StoreError):
            # The second row repeats a (source, external id) the table holds: unique index.
            store.add_interactions([_item(ids[0], 2, external_id="new"), _item(ids[0], 3, external_id="same")], NOW)
        assert store.counts()["interactions"] == 1
        assert _revisions(store) == before
    connection = sqlite3.connect(db_path)
    triggers = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    connection.close()
    assert "contact_revision_interaction_insert" in triggers


def test_new_contacts_in_bulk_each_get_a_revision_above_the_earlier_ones(store):
    first = store.add_contacts([Contact(name="Ana", emails=("ana@example.org",))], NOW)
    highest = revisions.latest(store.models)
    ids = store.add_contacts([Contact(name="Ben", emails=("ben@example.org", "b@example.org")),
                              Contact(name="Cleo")], NOW)
    after = _revisions(store)
    assert sorted(revisions.changed_since(store.models, highest)) == sorted(ids)
    assert after[first[0]] <= highest
    assert [c.emails for c in (store.contact(i) for i in ids)] == [("ben@example.org", "b@example.org"), ()]


@pytest.mark.sqlite_only
def test_every_trigger_is_back_after_bulk_writes(db_path):
    with open_store(db_path) as store:
        ids = store.add_contacts([Contact(name="Ana"), Contact(name="Ben")], NOW)
        store.add_interactions([_item(ids[0], n) for n in range(3)], NOW)
    connection = sqlite3.connect(db_path)
    triggers = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    # A change made by hand to a contact is seen as before.
    before = dict(connection.execute("SELECT contact_id, rev FROM contact_revision"))
    with connection:
        connection.execute("UPDATE contact SET company = 'Nordlys' WHERE id = ?", (ids[1],))
    after = dict(connection.execute("SELECT contact_id, rev FROM contact_revision"))
    connection.close()
    assert len(triggers) == 9
    assert after[ids[1]] > max(before.values()) and after[ids[0]] == before[ids[0]]
