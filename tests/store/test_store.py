import os
import sqlite3
import stat
from datetime import timedelta

import pytest

from netpace.domain.model import Channel, Contact, Direction, Interaction, Kind, MetVia, Status, Verdict
from netpace.store import AmbiguousName, NotFound, StoreError, ValidationError, open_store
from netpace.store import migrations
from netpace.store.migrations import Step

from ..helpers import NOW, at, at_version


@pytest.mark.sqlite_only
def test_fresh_database_is_private_wal_with_foreign_keys(db_path, store):
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(db_path.parent).st_mode) == 0o700
    assert store.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert store.db.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
    tables = {r[0] for r in store.db.execute_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"contact", "email", "interaction"} <= tables


def test_contact_round_trip_cleans_text(store):
    saved = store.add_contact(
        Contact(
            name="  Maren\x1b[31m Holt\x07 ",
            company="Nordlys\nData",
            emails=("Maren@Nordlys.example", "maren@nordlys.example", "m@h.example"),
            met_via=MetVia.CONFERENCE,
            met_on=NOW.date(),
            tags=("platform", "platform", "hiring"),
            notes="line one\nline two\x1b]2;pwned\x07",
            keep_in_touch_days=90,
        ),
        NOW,
    )
    again = store.contact(saved.id)
    assert again.name == "Maren Holt"
    assert again.company == "Nordlys Data"
    assert again.emails == ("maren@nordlys.example", "m@h.example")
    assert again.tags == ("platform", "hiring")
    assert again.notes == "line one\nline two"
    assert again.met_via == MetVia.CONFERENCE and again.met_on == NOW.date()
    assert again.keep_in_touch_days == 90
    assert again.created_at is not None and again.created_at.tzinfo is not None


@pytest.mark.parametrize("name", ["", "   ", "\x1b[31m", "\x00\x01"])
def test_blank_names_are_refused_and_nothing_is_written(store, name):
    with pytest.raises(ValidationError):
        store.add_contact(Contact(name=name), NOW)
    assert store.contacts() == []


def test_interactions_are_stored_in_utc_and_read_back_aware(store):
    contact = store.add_contact(Contact(name="Priya"), NOW)
    when = at(days=2)
    store.log(contact.id, Interaction(at=when, direction=Direction.IN, channel=Channel.LINKEDIN, kind=Kind.REPLY, note="hi"), NOW)
    raw = store.db.execute_sql("SELECT at FROM interaction").fetchone()[0]  # text in SQLite, a timestamp in PostgreSQL
    assert str(raw).startswith(when.in_timezone("UTC").strftime("%Y-%m-%d %H:%M"))
    (item,) = store.interactions(contact.id)
    assert item.at == when and item.at.utcoffset() == timedelta(0)
    assert item.channel == Channel.LINKEDIN and item.note == "hi" and item.contact_id == contact.id


def test_deleting_a_contact_cascades(store):
    contact = store.add_contact(Contact(name="Gone", emails=("g@x.example",)), NOW)
    store.log(contact.id, Interaction(at=NOW, direction=Direction.OUT), NOW)
    store.delete_contact(contact.id)
    assert store.db.execute_sql("SELECT COUNT(*) FROM interaction").fetchone()[0] == 0
    assert store.db.execute_sql("SELECT COUNT(*) FROM email").fetchone()[0] == 0


def test_delete_and_restore_interaction(store):
    contact = store.add_contact(Contact(name="Undo"), NOW)
    saved = store.log(contact.id, Interaction(at=at(days=1), direction=Direction.OUT, note="oops"), NOW)
    removed = store.delete_interaction(saved.id, NOW)
    assert store.interactions(contact.id) == []
    store.restore_interaction(removed, NOW)
    (back,) = store.interactions(contact.id)
    assert back.id == saved.id and back.note == "oops"


def test_resolve_exact_then_prefix_then_id(store):
    ann = store.add_contact(Contact(name="Ann Lee"), NOW)
    anna = store.add_contact(Contact(name="Anna Berg"), NOW)
    assert store.resolve("ann lee").id == ann.id
    assert store.resolve("ANNA").id == anna.id
    assert store.resolve(str(ann.id)).id == ann.id
    assert store.resolve(f"#{anna.id}").id == anna.id
    assert store.resolve("berg").id == anna.id
    with pytest.raises(AmbiguousName) as ambiguous:
        store.resolve("an")
    assert len(ambiguous.value.candidates) == 2
    with pytest.raises(NotFound):
        store.resolve("Zed")


def test_same_name_twice_is_allowed_and_told_apart(store):
    first = store.add_contact(Contact(name="Sam Lee", company="Acme"), NOW)
    second = store.add_contact(Contact(name="Sam Lee", company="Blue"), NOW)
    with pytest.raises(AmbiguousName) as ambiguous:
        store.resolve("Sam Lee")
    assert ambiguous.value.candidates == (f"Sam Lee (#{first.id}, Acme)", f"Sam Lee (#{second.id}, Blue)")


def test_snoozed_and_archived_leave_triage_until_the_snooze_ends(store):
    waiting = store.add_contact(Contact(name="Owed"), NOW)
    store.log(waiting.id, Interaction(at=at(days=1), direction=Direction.IN), NOW)
    archived = store.add_contact(Contact(name="Archived"), NOW)
    store.log(archived.id, Interaction(at=at(days=1), direction=Direction.IN), NOW)
    store.set_status(archived.id, Status.ARCHIVED, None, NOW)
    store.set_status(waiting.id, Status.SNOOZED, (NOW + timedelta(days=7)).date(), NOW)

    assert store.summaries(NOW, include_hidden=False) == []
    later = NOW + timedelta(days=7)
    visible = store.summaries(later, include_hidden=False)
    assert [s.contact.name for s in visible] == ["Owed"]
    assert visible[0].assessment.verdict == Verdict.REPLY_OWED
    assert len(store.summaries(NOW, include_hidden=True)) == 2


def test_summaries_are_in_triage_order(store):
    ok = store.add_contact(Contact(name="Ok"), NOW)
    store.log(ok.id, Interaction(at=at(days=3), direction=Direction.BOTH), NOW)
    owed = store.add_contact(Contact(name="Owed"), NOW)
    store.log(owed.id, Interaction(at=at(days=3), direction=Direction.IN), NOW)
    store.add_contact(Contact(name="Follow", met_via=MetVia.MEETUP, met_on=at(days=2).date()), NOW)
    names = [s.contact.name for s in store.summaries(NOW)]
    assert names == ["Owed", "Follow", "Ok"]


def test_reopening_keeps_data(db_path):
    with open_store(db_path) as first:
        first.add_contact(Contact(name="Kept"), NOW)
    with open_store(db_path) as second:
        assert [c.name for c in second.contacts()] == ["Kept"]


def _extra_step(version, sql):
    return Step(version, f"test step {version}", lambda db: db.execute_sql(sql))


def test_migrations_run_in_order_with_a_backup_first(db_path, monkeypatch):
    with open_store(db_path) as first:
        first.add_contact(Contact(name="Before"), NOW)
    base = migrations.latest_version()
    steps = migrations.STEPS + (
        _extra_step(base + 1, "ALTER TABLE contact ADD COLUMN pronouns TEXT DEFAULT ''"),
        _extra_step(base + 2, "UPDATE contact SET pronouns = 'she/her'"),
    )
    monkeypatch.setattr(migrations, "STEPS", steps)
    monkeypatch.setattr("netpace.store.store.migrate", lambda db, path, **kw: migrations.migrate(db, path, steps, **kw))
    with open_store(db_path) as upgraded:
        assert upgraded.db.execute_sql("PRAGMA user_version").fetchone()[0] == base + 2
        assert upgraded.db.execute_sql("SELECT pronouns FROM contact").fetchone()[0] == "she/her"
        backup = upgraded.migration_backup
    assert backup is not None and backup.exists()
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    with sqlite3.connect(backup) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == base
        assert old.execute("SELECT name FROM contact").fetchall() == [("Before",)]


def test_a_failing_migration_leaves_the_database_at_its_old_version(db_path, monkeypatch):
    with open_store(db_path):
        pass

    def broken(db):
        db.execute_sql("ALTER TABLE contact ADD COLUMN half TEXT")
        raise RuntimeError("step failed")

    base = migrations.latest_version()
    steps = migrations.STEPS + (Step(base + 1, "broken", broken),)
    with pytest.raises(RuntimeError):
        with open_store(db_path) as opened:
            migrations.migrate(opened.db, db_path, steps)
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == base
        columns = [row[1] for row in raw.execute("PRAGMA table_info(contact)")]
        assert "half" not in columns


def test_database_from_a_newer_netpace_is_refused_untouched(db_path):
    with open_store(db_path):
        pass
    with sqlite3.connect(db_path) as raw:
        for statement in at_version(99):
            raw.execute(statement)
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer netpace"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_text_file_directory_and_foreign_sqlite_are_refused(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("just some notes\n" * 100)
    with pytest.raises(StoreError, match="not a netpace database"):
        open_store(text)
    assert text.read_text() == "just some notes\n" * 100
    with pytest.raises(StoreError, match="folder"):
        open_store(tmp_path)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE songs (title TEXT)")
    with pytest.raises(StoreError, match="not a netpace one"):
        open_store(other)


def test_failed_creation_leaves_no_file(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="Can't create"):
        open_store(blocker / "sub" / "netpace.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"] and blocker.read_text() == "x"
    # Created, then refused while being set up: the new file (and its -wal, -shm) goes again.
    def refuse(db, path, **options):
        raise StoreError("refused for the test")

    monkeypatch.setattr("netpace.store.store.migrate", refuse)
    with pytest.raises(StoreError, match="refused for the test"):
        open_store(tmp_path / "new.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_an_empty_file_becomes_a_private_database(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch(mode=0o644)
    os.chmod(empty, 0o644)
    with open_store(empty) as opened:
        opened.add_contact(Contact(name="First"), NOW)
    assert stat.S_IMODE(os.stat(empty).st_mode) == 0o600


def test_migration_backups_go_to_the_backups_folder_and_are_pruned(db_path, monkeypatch):
    with open_store(db_path):
        pass
    made = []
    base = migrations.STEPS
    first = migrations.latest_version() + 1
    for version in range(first, first + 7):
        steps = base + tuple(_extra_step(v, "SELECT 1") for v in range(first, version + 1))
        monkeypatch.setattr(migrations, "STEPS", steps)
        monkeypatch.setattr("netpace.store.store.refuse_newer", lambda db, path, s=steps: migrations.refuse_newer(db, path, s))
        monkeypatch.setattr("netpace.store.store.migrate", lambda db, path, s=steps, **kw: migrations.migrate(db, path, s, **kw))
        with open_store(db_path) as opened:
            made.append(opened.migration_backup)
    kept = sorted((db_path.parent / "backups").glob("*-migration-*.db"))
    assert len(made) == 7 and all(m is not None for m in made)
    assert kept == sorted(made[-5:])


def test_a_word_inside_brackets_still_finds_the_contact(store):
    bob = store.add_contact(Contact(name="[bold]Bob[/] Marsh"), NOW)
    assert store.resolve("bob").id == bob.id
    assert store.resolve("mars").id == bob.id


def test_schema_1_gets_the_covering_interaction_index_with_a_backup(db_path):
    with open_store(db_path) as store:
        ann = store.add_contact(Contact(name="Ann"), NOW)
        store.log(ann.id, Interaction(at=at(days=3), direction=Direction.OUT, kind=Kind.ASK), NOW)
    with sqlite3.connect(db_path) as raw:  # turn it back into what version 1 wrote
        raw.execute("DROP INDEX interactionrow_contact_id_at_direction_kind_channel")
        raw.execute('CREATE INDEX interactionrow_contact_id_at ON interaction (contact_id, "at")')
        for statement in at_version(1):
            raw.execute(statement)
    with open_store(db_path) as upgraded:
        names = {index.name for index in upgraded.db.get_indexes("interaction")}
        assert "interactionrow_contact_id_at_direction_kind_channel" in names
        assert "interactionrow_contact_id_at" not in names
        assert upgraded.migration_backup is not None and upgraded.migration_backup.exists()
        assert [s.assessment.sent for s in upgraded.summaries(NOW)] == [1]


def test_undo_of_a_delete_survives_its_id_being_reused(store):
    contact = store.add_contact(Contact(name="Reuse"), NOW)
    first = store.log(contact.id, Interaction(at=at(days=2), direction=Direction.OUT, note="first"), NOW)
    removed = store.delete_interaction(first.id, NOW)
    later = store.log(contact.id, Interaction(at=at(days=1), direction=Direction.IN, note="later"), NOW)
    back = store.restore_interaction(removed, NOW)
    if store.on_server:  # a sequence never hands an id out twice: the old one is free
        assert later.id != first.id and back.id == first.id
    else:  # SQLite hands the freed id out again: the restored one gets a new one
        assert later.id == first.id and back.id != later.id
    assert sorted(i.note for i in store.interactions(contact.id)) == ["first", "later"]
