"""The store's write paths, row by row: what each write changes, and that it changes
nothing else (the other contacts and interactions stay as they were). On both stores."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from netpace.domain.model import Channel, Contact, Direction, Interaction, Kind, Status
from netpace.store import NotFound, open_store

from ..helpers import db_rows

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)
LATER = NOW + timedelta(hours=3)


def _two_people(store):
    ann = store.add_contact(Contact(name="Ann Lee", emails=("ann@example.com",)), NOW)
    bo = store.add_contact(Contact(name="Bo Berg", emails=("bo@example.com",)), NOW)
    notes = {}
    for person in (ann, bo):
        for n in range(2):
            item = store.log(person.id, Interaction(at=NOW - timedelta(days=n + 1), direction=Direction.OUT,
                                                    channel=Channel.EMAIL, kind=Kind.UPDATE,
                                                    note=f"{person.name} {n}", source="mail",
                                                    external_id=f"<{person.id}-{n}@x>"), NOW)
            notes[item.note] = item
    return ann, bo, notes


def test_update_contact_changes_that_contact_only(db_location):
    with open_store(db_location) as store:
        ann, bo, _ = _two_people(store)
        changed = store.update_contact(replace(ann, name=" Ann  Lee-Smith ", company="Acme",
                                               emails=("New@Example.com", "ann@example.com", "new@example.com"),
                                               tags=("x", "x", "y")), LATER)
    assert (changed.name, changed.company, changed.emails, changed.tags) == (
        "Ann Lee-Smith", "Acme", ("new@example.com", "ann@example.com"), ("x", "y"))
    assert changed.updated_at == LATER and changed.created_at == NOW
    assert db_rows(db_location, "SELECT contact_id, address, position FROM email ORDER BY contact_id, position") == [
        (ann.id, "new@example.com", 0), (ann.id, "ann@example.com", 1), (bo.id, "bo@example.com", 0)]
    assert db_rows(db_location, f"SELECT name, company FROM contact WHERE id = {bo.id}") == [("Bo Berg", "")]


def test_update_contact_of_an_unknown_or_unsaved_contact_is_refused(db_location):
    with open_store(db_location) as store:
        ann, _, _ = _two_people(store)
        with pytest.raises(NotFound) as unknown:
            store.update_contact(replace(ann, id=999, name="Ghost"), LATER)
        assert str(unknown.value) == "No contact matches '999'."
        with pytest.raises(ValueError) as unsaved:
            store.update_contact(replace(ann, id=None), LATER)
        assert str(unsaved.value) == "update_contact needs a stored contact"
    assert db_rows(db_location, "SELECT name FROM contact ORDER BY id") == [("Ann Lee",), ("Bo Berg",)]


def test_delete_contact_takes_its_addresses_and_interactions_and_nothing_else(db_location):
    with open_store(db_location) as store:
        ann, bo, _ = _two_people(store)
        store.delete_contact(ann.id)
    assert db_rows(db_location, "SELECT id FROM contact") == [(bo.id,)]
    assert db_rows(db_location, "SELECT DISTINCT contact_id FROM email") == [(bo.id,)]
    assert db_rows(db_location, "SELECT note FROM interaction ORDER BY note") == [("Bo Berg 0",), ("Bo Berg 1",)]


def test_delete_interaction_takes_that_one_and_says_when_there_is_none(db_location):
    with open_store(db_location) as store:
        ann, bo, notes = _two_people(store)
        gone = store.delete_interaction(notes["Ann Lee 0"].id, LATER)
        assert gone == replace(notes["Ann Lee 0"], contact_id=ann.id)
        with pytest.raises(NotFound, match="There is no interaction #999"):
            store.delete_interaction(999, LATER)
        assert store.contact(ann.id).updated_at == LATER and store.contact(bo.id).updated_at == NOW
    assert db_rows(db_location, "SELECT note FROM interaction ORDER BY note") == [
        ("Ann Lee 1",), ("Bo Berg 0",), ("Bo Berg 1",)]


def test_restore_interaction_puts_it_back_whole_with_its_id(db_location):
    with open_store(db_location) as store:
        ann, bo, notes = _two_people(store)
        gone = store.delete_interaction(notes["Ann Lee 0"].id, LATER)
        back = store.restore_interaction(gone, LATER + timedelta(hours=1))
        assert back == gone
        assert store.interactions(ann.id) == [notes["Ann Lee 1"], notes["Ann Lee 0"]]  # oldest first
        assert store.contact(ann.id).updated_at == LATER + timedelta(hours=1)
        assert store.contact(bo.id).updated_at == NOW
    assert db_rows(db_location, f"SELECT id, source, external_id FROM interaction WHERE id = {gone.id}") == [
        (gone.id, "mail", gone.external_id)]


def test_restore_interaction_whose_id_was_taken_since_gets_a_new_one(db_location):
    with open_store(db_location) as store:
        ann, _, notes = _two_people(store)
        gone = store.delete_interaction(notes["Bo Berg 1"].id, LATER)  # the highest id: SQLite reuses it
        taker = store.log(ann.id, Interaction(at=NOW, direction=Direction.IN, note="took the id"), LATER)
        back = store.restore_interaction(gone, LATER)
        unsaved = store.restore_interaction(replace(gone, id=None, note="never saved", external_id=None), LATER)
        if store.on_server:  # a sequence never hands an id out twice: the old one is still free
            assert taker.id != gone.id and back.id == gone.id
        else:
            assert taker.id == gone.id and back.id not in (None, gone.id)
    assert unsaved.id not in (None, gone.id, back.id, taker.id)
    assert back == replace(gone, id=back.id)
    ids = f"{taker.id}, {back.id}, {unsaved.id}"
    assert db_rows(db_location, f"SELECT id, note FROM interaction WHERE id IN ({ids}) ORDER BY id") == sorted(
        [(taker.id, "took the id"), (back.id, "Bo Berg 1"), (unsaved.id, "never saved")])


def test_set_status_snoozes_until_a_day_archives_and_wakes(db_location):
    with open_store(db_location) as store:
        ann, bo, _ = _two_people(store)
        snoozed = store.set_status(ann.id, Status.SNOOZED, date(2026, 12, 3), LATER)
        assert (snoozed.status, snoozed.snoozed_until, snoozed.updated_at) == (Status.SNOOZED, date(2026, 12, 3), LATER)
        archived = store.set_status(ann.id, Status.ARCHIVED, date(2026, 12, 3), LATER)
        assert (archived.status, archived.snoozed_until) == (Status.ARCHIVED, None)  # only a snooze has a day
        woken = store.set_status(ann.id, Status.ACTIVE, None, LATER)
        assert (woken.status, woken.snoozed_until) == (Status.ACTIVE, None)
        assert store.contact(bo.id).status == Status.ACTIVE and store.contact(bo.id).updated_at == NOW


def test_log_refuses_an_unknown_contact_and_writes_nothing(db_location):
    with open_store(db_location) as store:
        _two_people(store)
        with pytest.raises(NotFound):
            store.log(999, Interaction(at=NOW, direction=Direction.OUT), LATER)
    assert db_rows(db_location, "SELECT count(*) FROM interaction") == [(4,)]


def test_log_stores_every_field_cleans_the_note_and_touches_that_contact_only(db_location):
    from netpace.store import ValidationError
    from netpace.domain.validation import MAX_NOTE

    with open_store(db_location) as store:
        ann, bo, _ = _two_people(store)
        saved = store.log(ann.id, Interaction(at=NOW, direction=Direction.IN, channel=Channel.PHONE, kind=Kind.THANKS,
                                              note="thanks\x1b[31m!\x07", source="ics", external_id="evt-1"), LATER)
        assert saved == Interaction(at=NOW, direction=Direction.IN, channel=Channel.PHONE, kind=Kind.THANKS,
                                    note="thanks!", source="ics", external_id="evt-1", id=saved.id, contact_id=ann.id)
        assert store.contact(ann.id).updated_at == LATER and store.contact(bo.id).updated_at == NOW
        longest = store.log(bo.id, Interaction(at=NOW, direction=Direction.OUT, note="n" * MAX_NOTE), NOW)
        assert len(longest.note) == MAX_NOTE
        with pytest.raises(ValidationError, match=f"A note can be at most {MAX_NOTE:,} characters"):
            store.log(bo.id, Interaction(at=NOW, direction=Direction.OUT, note="n" * (MAX_NOTE + 1)), NOW)
        with pytest.raises(NotFound, match="No contact matches '999'"):
            store.log(999, Interaction(at=NOW, direction=Direction.OUT), LATER)
        # Importers and other code may pass the values as plain strings: stored as what they name.
        plain = store.log(bo.id, Interaction(at=NOW, direction="out", channel="text", kind="give"), NOW)
        assert (plain.direction, plain.channel, plain.kind) == (Direction.OUT, Channel.TEXT, Kind.GIVE)
    assert db_rows(db_location, f"SELECT direction, channel, kind, note, source, external_id FROM interaction "
                          f"WHERE id = {saved.id}") == [("in", "phone", "thanks", "thanks!", "ics", "evt-1")]


def test_bulk_writes_of_an_import_change_their_contacts_only(db_location):
    with open_store(db_location) as store:
        ann, bo, _ = _two_people(store)
        store.update_contacts([replace(ann, role="Engineer", emails=("A@Example.com",))], LATER - timedelta(hours=1))
        assert store.contact(ann.id).updated_at == LATER - timedelta(hours=1)
        added = store.add_interactions([
            Interaction(at=NOW, direction=Direction.IN, channel=Channel.LINKEDIN, kind=Kind.REPLY, note="hi",
                        source="linkedin", external_id="m-1", contact_id=ann.id)], LATER)
        assert added == 1
        assert (store.contact(ann.id).role, store.contact(ann.id).emails) == ("Engineer", ("a@example.com",))
        assert store.contact(ann.id).updated_at == LATER and store.contact(bo.id).updated_at == NOW
        with pytest.raises(ValueError) as unsaved:
            store.update_contacts([replace(bo, id=None)], LATER)
        assert str(unsaved.value) == "update_contacts needs stored contacts"
        with pytest.raises(ValueError) as orphan:
            store.add_interactions([Interaction(at=NOW, direction=Direction.IN)], LATER)
        assert str(orphan.value) == "add_interactions needs a contact_id on every interaction"
    assert db_rows(db_location, "SELECT contact_id, direction, channel, kind, note, source, external_id FROM interaction "
                          "WHERE note = 'hi'") == [(ann.id, "in", "linkedin", "reply", "hi", "linkedin", "m-1")]
    assert db_rows(db_location, f"SELECT role FROM contact WHERE id = {bo.id}") == [("",)]


@pytest.mark.parametrize(("change", "message"), [
    ({"name": "x" * 301}, "That name is 301 characters long; a name can be at most 300 characters."),
    ({"notes": "n" * 200_001}, "Notes can be at most 200,000 characters."),
    ({"keep_in_touch_days": 0}, "Keep-in-touch must be between 1 and 3650 days."),
    ({"keep_in_touch_days": 3651}, "Keep-in-touch must be between 1 and 3650 days."),
])
def test_a_contact_just_past_a_limit_is_refused_in_one_sentence(db_location, change, message):
    from netpace.store import ValidationError

    with open_store(db_location) as store:
        with pytest.raises(ValidationError) as refused:
            store.add_contact(Contact(**{"name": "Ann Lee", **change}), NOW)
        assert str(refused.value) == message
        assert store.contacts() == []


def test_a_contact_at_every_limit_is_kept_whole(db_location):
    with open_store(db_location) as store:
        for days in (1, 3650):
            saved = store.add_contact(Contact(name="x" * 300, notes="n" * 200_000, keep_in_touch_days=days), NOW)
            assert (len(saved.name), len(saved.notes), saved.keep_in_touch_days) == (300, 200_000, days)
