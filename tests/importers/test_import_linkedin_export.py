"""The whole LinkedIn export (zip or folder) in one import, one transaction, one summary
per file; invitations; drafts; group threads; newer exports; hostile zips. What the import
writes is checked on both stores; what it reads (and refuses) on a file."""

from __future__ import annotations

import struct
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from netpace.domain.model import Contact, Kind
from netpace.importers import ImportOptions, NoProgress, describe_path, import_path
from netpace.importers.linkedin_export import MAX_FILE_BYTES
from netpace.store import open_store

from ..linkedin_exports import CURRENT, OLDER, OWNER, zip_folder

UTC = timezone.utc
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
ZIP_NAME = "Basic_LinkedInDataExport_11-26-2026.zip"
UNRELATED = [
    "Ad_Targeting.csv", "Company Follows.csv", "Education.csv", "Email Addresses.csv", "Endorsement_Received_Info.csv",
    "Jobs/Job Applications.csv", "Jobs/Job Seeker Preferences.csv", "Jobs/Saved Jobs.csv", "Languages.csv",
    "Learning.csv", "PhoneNumbers.csv", "Positions.csv", "Profile.csv", "Recommendations_Received.csv",
    "Registration.csv", "Rich_Media.csv", "SearchQueries.csv", "Skills.csv",
]


def options(*me: str) -> ImportOptions:
    return ImportOptions(now=NOW, tz=UTC, me=me)


def run(db: Path, path: Path, *, format: str | None = "linkedin", me: tuple[str, ...] = (), **kwargs):
    with open_store(db) as store:
        return import_path(store, path, options(*me), format=format, **kwargs)


def rows(db: Path) -> list[tuple]:
    """(name, direction, kind, group, at UTC, source, note) of every interaction, sorted."""
    with open_store(db) as store:
        names = {c.id: c.name for c in store.contacts()}
        found = [
            (names[cid], i.direction.value, i.kind.value, i.group, i.at.astimezone(UTC), i.source, i.note)
            for cid, items in store.interactions_by_contact().items()
            for i in items
        ]
    return sorted(found, key=lambda r: (r[0], r[4], r[1]))


def people(db: Path) -> dict[str, Contact]:
    with open_store(db) as store:
        return {c.name: c for c in store.contacts()}


def text(result) -> str:
    return "\n".join(line for line, _ in describe_path(result))


def snapshot(db: Path):
    with open_store(db) as store:
        return store.counts(), rows(db), sorted((c.name, c.linkedin, c.company) for c in store.contacts())


@pytest.fixture
def export_zip(tmp_path) -> Path:
    return zip_folder(CURRENT, tmp_path / ZIP_NAME)


def test_the_export_zip_in_one_step(db_location, export_zip):
    db = db_location
    result = run(db, export_zip)
    assert result.exit_code == 0, text(result)
    assert [f.path for f in result.files] == [export_zip / "Connections.csv", export_zip / "Invitations.csv",
                                              export_zip / "messages.csv"]
    assert result.ignored == UNRELATED
    summary = text(result).splitlines()
    assert summary[0] == f"{export_zip}: left alone 18 other files: {', '.join(UNRELATED)}."
    assert summary[-1] == (f"{export_zip}/messages.csv: 1 contact added, 0 merged, 0 unchanged; "
                           "15 interactions added, 0 already there; 3 skipped.")
    assert f"{export_zip}/Connections.csv: 8 contacts added, 0 merged, 0 unchanged; 0 interactions added" in text(result)
    assert f"{export_zip}/Invitations.csv: 2 contacts added, 0 merged, 0 unchanged; 4 interactions added" in text(result)
    assert sorted(people(db)) == [
        "Aoife Brennan", "Jonas Weber", "Kenji Mori", "Liam O'Neill", "Maren Okafor", "Noor Haddad", "Omar Farouk",
        "Priya Natarajan", "Ruth Ekwueme", "Sofia Marques", "Tobias Lindqvist, MSc",
    ]
    assert "Dana Whitfield" not in people(db)  # you are no contact


def test_invitations_both_ways_with_and_without_a_note(db_location, export_zip):
    db = db_location
    result = run(db, export_zip)
    invitations = [(r[0], r[1], r[2], r[4], r[6]) for r in rows(db) if r[5] == "linkedin-invitations"]
    assert invitations == [
        ("Kenji Mori", "out", "intro", datetime(2026, 10, 5, 16, 30, tzinfo=UTC),
         "Hi Kenji, I enjoyed your talk on stream processing. Would love to connect."),
        ("Maren Okafor", "in", "intro", datetime(2026, 11, 14, 19, 41, tzinfo=UTC),
         "Great meeting you at the Data Summit today!"),
        ("Omar Farouk", "in", "give", datetime(2026, 11, 18, 9, 12, tzinfo=UTC),
         "Hi Dana, I'm a recruiter at Tallis and we have a data role you might like."),
        ("Sofia Marques", "out", "ask", datetime(2026, 11, 24, 18, 5, tzinfo=UTC),
         "Hi Sofia, could you tell me more about the analytics team at Brightline?"),
    ]
    contacts = people(db)
    # Matched by profile URL: Kenji and Maren are the connections, not new contacts.
    assert contacts["Kenji Mori"].met_on.isoformat() == "2026-10-05"
    # Pending invitations become contacts only with a note: Sofia and Omar, not Peter or Grace.
    assert contacts["Sofia Marques"].linkedin == "https://www.linkedin.com/in/sofia-marques"
    assert contacts["Omar Farouk"].met_on is None
    assert "Peter Hale" not in contacts and "Grace Liu" not in contacts
    out = text(result)
    assert f"{export_zip}/Invitations.csv: 2 invitations without a note: nothing to record." in out
    assert f"{export_zip}/Invitations.csv: you are {OWNER}, who sent the invitations marked OUTGOING" in out


def test_drafts_are_never_interactions_and_group_threads_are_marked(db_location, export_zip):
    db = db_location
    result = run(db, export_zip)
    assert f"  {export_zip}/messages.csv:2: a draft (never sent)" in text(result)
    maren = [(r[1], r[6]) for r in rows(db) if r[0] == "Maren Okafor" and r[5] == "linkedin-messages"]
    assert ("out", "Hi Maren, does Tuesday at 10 work for a call?") not in maren
    assert len(maren) == 2
    group = sorted((r[0], r[1], r[2]) for r in rows(db) if r[3])
    # Your message is in each participant's timeline; theirs in the sender's; all marked group.
    assert group == [
        ("Jonas Weber", "in", "scheduling"), ("Jonas Weber", "out", "update"),
        ("Priya Natarajan", "in", "scheduling"), ("Priya Natarajan", "out", "update"),
    ]
    assert all(not r[3] for r in rows(db) if r[0] not in {"Jonas Weber", "Priya Natarajan"})


def test_the_folder_imports_exactly_what_the_zip_does(tmp_path, export_zip):
    from_zip, from_folder = tmp_path / "zip.db", tmp_path / "folder.db"
    run(from_zip, export_zip)
    result = run(from_folder, CURRENT)
    assert result.exit_code == 0, text(result)
    assert [f.path for f in result.files] == [CURRENT / "Connections.csv", CURRENT / "Invitations.csv",
                                              CURRENT / "messages.csv"]
    assert snapshot(from_folder) == snapshot(from_zip)


def test_the_files_are_found_wherever_they_sit_and_in_any_case(tmp_path):
    source = zip_folder(CURRENT, tmp_path / "plain.zip")
    moved = tmp_path / ZIP_NAME
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(moved, "w") as new:
        for info in old.infolist():
            name = {"Connections.csv": "CONNECTIONS.CSV", "messages.csv": "Messages.csv"}.get(info.filename,
                                                                                           info.filename)
            new.writestr(f"Basic_LinkedInDataExport_11-26-2026/{name}", old.read(info))
        # A messages.csv further down and a file whose name only ends in messages.csv: not read.
        new.writestr("Basic_LinkedInDataExport_11-26-2026/Archive/old/messages.csv", b"not, this\n")
        new.writestr("Basic_LinkedInDataExport_11-26-2026/coach_messages.csv", b"not, this either\n")
    db, plain_db = tmp_path / "n.db", tmp_path / "plain.db"
    result = run(db, moved, format=None)
    assert result.exit_code == 0, text(result)
    assert result.format == "linkedin"
    assert result.guessed == "a LinkedIn data export (a zip holding CONNECTIONS.CSV, Invitations.csv and Messages.csv)"
    inside = "Basic_LinkedInDataExport_11-26-2026/"
    assert [f.path for f in result.files] == [moved / f"{inside}CONNECTIONS.CSV", moved / f"{inside}Invitations.csv",
                                              moved / f"{inside}Messages.csv"]
    assert f"{inside}Archive/old/messages.csv" in result.ignored and f"{inside}coach_messages.csv" in result.ignored
    run(plain_db, source)
    assert snapshot(db) == snapshot(plain_db)


def test_importing_the_same_zip_twice_changes_nothing(db_location, export_zip):
    db = db_location
    run(db, export_zip)
    first = snapshot(db)
    again = run(db, export_zip)
    assert snapshot(db) == first
    outcomes = {f.path.name: f.outcome for f in again.files}
    assert (outcomes["Connections.csv"].contacts_added, outcomes["Connections.csv"].contacts_known) == (0, 8)
    assert (outcomes["Invitations.csv"].interactions_added, outcomes["Invitations.csv"].interactions_known) == (0, 4)
    assert (outcomes["messages.csv"].interactions_added, outcomes["messages.csv"].interactions_known) == (0, 15)
    assert all(o.contacts_added == 0 and o.contacts_merged == 0 for o in outcomes.values())


def test_a_kind_you_changed_survives_importing_again(db_location, export_zip):
    db = db_location
    run(db, export_zip)
    with open_store(db) as store:
        noor = next(c for c in store.contacts() if c.name == "Noor Haddad")
        (item,) = store.interactions(noor.id)
        assert item.kind == Kind.ASK
        store.update_interaction(item.__class__(**{**_fields(item), "kind": Kind.FOLLOW_UP}), NOW)
    run(db, export_zip)
    with open_store(db) as store:
        assert [i.kind for i in store.interactions(noor.id)] == [Kind.FOLLOW_UP]


def _fields(item) -> dict:
    return {name: getattr(item, name) for name in item.__dataclass_fields__}


def test_an_export_from_2021_matches_people_by_conversation_and_name(db_location):
    db = db_location
    result = run(db, OLDER)
    assert result.exit_code == 0, text(result)
    # Connections without URLs: Aoife (who wrote) is matched to her connection by name, so
    # she is there once; your unanswered notes to Liam and Ruth find them by name.
    assert sorted(people(db)) == ["Aoife Brennan", "Liam O'Neill", "Ruth Ekwueme", "Tobias Lindqvist, MSc"]
    assert people(db)["Aoife Brennan"].linkedin == "https://www.linkedin.com/in/aoife-brennan"
    assert [(r[0], r[1], r[2]) for r in rows(db)] == [
        ("Aoife Brennan", "out", "update"),  # matched by the conversation: she wrote in it
        ("Aoife Brennan", "in", "reply"),
        ("Liam O'Neill", "out", "give"),  # never answered: by name
        ("Ruth Ekwueme", "out", "intro"),  # never answered, TO carries a headline: by name
    ]
    # Noor never answered and is no contact: the only thing skipped besides an ad.
    assert (f"  {OLDER}/messages.csv:2: none of your contacts is named 'Noor Haddad', and the file has no profile "
            "URL or address for them") in text(result)
    assert f"{OLDER}/messages.csv: 0 contacts added, 0 merged, 0 unchanged; 4 interactions added" in text(result)


def test_a_newer_export_adds_only_what_is_new(tmp_path, db_location, export_zip):
    db = db_location
    run(db, OLDER)
    before = rows(db)
    result = run(db, export_zip)
    assert result.exit_code == 0, text(result)
    outcomes = {f.path.name: f.outcome for f in result.files}
    # The four 2021 messages are already there, Liam's too though it now names his URL.
    assert outcomes["messages.csv"].interactions_known == 4
    assert outcomes["messages.csv"].interactions_added == 11
    # The 2021 connections gain their URLs (Aoife had hers from her message).
    assert (outcomes["Connections.csv"].contacts_added, outcomes["Connections.csv"].contacts_merged,
            outcomes["Connections.csv"].contacts_known) == (4, 3, 1)
    assert set(before) <= set(rows(db))
    assert len(rows(db)) == len(before) + 11 + 4  # + the four invitation notes
    assert people(db)["Liam O'Neill"].linkedin == "https://www.linkedin.com/in/liam-oneill-7"
    assert len(people(db)) == 11  # nobody twice
    fresh = tmp_path / "fresh.db"  # a file: the same rows whichever store `db` is
    run(fresh, export_zip)
    assert [r[:3] + r[4:] for r in rows(db)] == [r[:3] + r[4:] for r in rows(fresh)]


def test_me_overrides_what_the_invitations_say(db_location, export_zip):
    db = db_location
    result = run(db, export_zip, me=("https://www.linkedin.com/in/maren-okafor-4a1b2c",))
    assert "who sent the invitations" not in text(result)
    # Seen as Maren, Dana is someone she wrote to.
    assert "Dana Whitfield" in people(db)


def test_the_zip_is_read_in_memory_never_extracted(tmp_path, export_zip, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the export was extracted to disk")

    monkeypatch.setattr(zipfile.ZipFile, "extract", refuse)
    monkeypatch.setattr(zipfile.ZipFile, "extractall", refuse)
    before = sorted(tmp_path.rglob("*"))
    result = run(tmp_path / "n.db", export_zip)
    assert result.exit_code == 0, text(result)
    created = sorted(set(tmp_path.rglob("*")) - set(before))
    assert [path.name for path in created if not path.name.startswith("n.db")] == []


def test_a_dry_run_plans_and_writes_nothing(db_location, export_zip):
    db = db_location
    with open_store(db) as store:
        before = store.counts()
        result = import_path(store, export_zip, options(), dry_run=True)
        assert store.counts() == before
    assert result.exit_code == 0
    assert "would be added" in text(result) and text(result).endswith("Dry run: nothing was written.")
    unopened = import_path(None, export_zip, options())  # a database not created yet
    assert unopened.files[0].outcome.contacts_added == 8


def test_progress_is_reported_for_every_file_and_the_save(tmp_path, export_zip):
    progress = NoProgress()
    run(tmp_path / "n.db", export_zip, progress=progress)
    assert progress.labels == ["Reading Connections.csv", "Reading Invitations.csv", "Reading messages.csv", "Saving"]
    assert progress.done == progress.total > 0


def test_a_file_that_cant_be_read_is_its_own_error_and_the_rest_imports(tmp_path, db_location):
    broken = tmp_path / "broken.zip"
    zip_folder(CURRENT, broken, extra={"messages.csv": b"this,is,not\nthe,messages,file\n"})
    db = db_location
    result = run(db, broken)
    assert result.exit_code == 1
    messages = result.files[2]
    assert messages.error == ("messages.csv: This doesn't look like a LinkedIn messages.csv: "
                              "no header row with the expected columns.")
    assert [(text, error) for text, error in describe_path(result) if error] == [(messages.error, True)]
    assert len(people(db)) == 10  # connections and invitations are in


def _refused(db: Path, path: Path) -> str:
    """Import into a database holding one contact; assert nothing changed; the sentence."""
    with open_store(db) as store:
        if not store.contacts():
            store.add_contact(Contact(name="Already Here", linkedin="https://www.linkedin.com/in/already"), NOW)
    before = snapshot(db)
    result = run(db, path)
    assert snapshot(db) == before
    assert result.exit_code == 1 and result.files == []
    [(line, is_error)] = describe_path(result)
    assert is_error and line == result.error and "\n" not in line and line.endswith((".", ")"))
    return line


def test_a_zip_that_is_not_a_linkedin_export_writes_nothing(tmp_path):
    other = tmp_path / "photos.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("holiday/beach.jpg", b"\xff\xd8\xff")
        archive.writestr("Profile.csv", b"First Name\nDana\n")
    assert _refused(tmp_path / "n.db", other) == (
        f"{other} is not a LinkedIn data export: it holds no Connections.csv, messages.csv or Invitations.csv."
    )


def test_a_folder_that_is_not_an_export_and_a_missing_path(tmp_path):
    folder = tmp_path / "Downloads"
    (folder / "misc").mkdir(parents=True)
    (folder / "misc" / "notes.txt").write_text("hello")
    assert "is not a LinkedIn data export" in _refused(tmp_path / "n.db", folder)
    missing = tmp_path / "nothing-here.zip"
    assert _refused(tmp_path / "n.db", missing) == f"Can't read {missing}: there is no such file."


def test_a_damaged_zip_writes_nothing(tmp_path, export_zip):
    cut = tmp_path / "cut.zip"
    cut.write_bytes(export_zip.read_bytes()[: export_zip.stat().st_size // 2])
    assert _refused(tmp_path / "n.db", cut) == f"{cut} is neither a zip file nor a folder (or the zip is damaged)."

    # The directory is whole but messages.csv's bytes are not: its check sum fails, and
    # the connections read before it are not written either.
    flipped = tmp_path / "flipped.zip"
    data = bytearray(export_zip.read_bytes())
    with zipfile.ZipFile(export_zip) as archive:
        info = archive.getinfo("messages.csv")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 10, start + 60):
        data[offset] ^= 0x55
    flipped.write_bytes(bytes(data))
    assert _refused(tmp_path / "n.db", flipped) == f"{flipped} is damaged: messages.csv can't be read whole."


def test_a_zip_bomb_is_refused_before_anything_is_read(tmp_path):
    # A member that says it unpacks to 4 GB: refused from the directory alone.
    liar = tmp_path / "liar.zip"
    with zipfile.ZipFile(liar, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", b"First Name,Last Name,Connected On\nA,B,01 Jan 2020\n")
    data = bytearray(liar.read_bytes())
    directory = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, directory + 24, 0xFFFF_FFF0)  # uncompressed size in the directory
    liar.write_bytes(bytes(data))
    assert MAX_FILE_BYTES < 0xFFFF_FFF0
    assert _refused(tmp_path / "n.db", liar) == (
        f"{liar} can't be a LinkedIn export: its Connections.csv would be 4.3 GB."
    )
    # A member that really unpacks to a thousand times its size.
    dense = tmp_path / "dense.zip"
    with zipfile.ZipFile(dense, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("messages.csv", b"CONVERSATION ID," + b"0" * 5_000_000)
    assert _refused(tmp_path / "n.db", dense).startswith(f"{dense} can't be a LinkedIn export: its messages.csv is "
                                                         "compressed ")


@pytest.mark.parametrize("name", ["../Connections.csv", "Basic/../../Connections.csv", "/tmp/Connections.csv",
                                  "..\\..\\Connections.csv", "C:/Users/Connections.csv"])
def test_a_path_leading_out_of_the_zip_is_refused(tmp_path, name):
    evil = tmp_path / "evil.zip"
    zip_folder(CURRENT, evil, extra={name: (CURRENT / "Connections.csv").read_bytes()})
    assert _refused(tmp_path / "n.db", evil) == (
        f"{evil} holds a file whose path leads out of it ({name!r}): not a LinkedIn export, nothing was imported."
    )


def test_a_folder_lists_only_regular_files_and_never_follows_a_link_out(tmp_path):
    import os
    import shutil

    from netpace.importers.linkedin_export import files_under

    folder = tmp_path / "export"
    shutil.copytree(CURRENT, folder)
    (folder / "messages.csv").unlink()
    os.mkfifo(folder / "messages.csv")  # a read would wait for a writer forever
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "Invitations.csv").write_bytes(b"From,To,Sent At,Message,Direction\n")
    os.symlink(outside, folder / "linked")
    listed = [name for name, _ in files_under(folder)]
    assert "messages.csv" not in listed and not any(name.startswith("linked/") for name in listed)
    db = tmp_path / "n.db"
    result = run(db, folder)
    assert [f.path.name for f in result.files] == ["Connections.csv", "Invitations.csv"]
    assert result.exit_code == 0
