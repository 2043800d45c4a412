"""`import_path` without a format: the format told from the first bytes, said, or refused
with one sentence."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from netpace.importers import (
    ALL_FORMATS,
    FORMATS,
    ImportOptions,
    Unrecognised,
    describe_path,
    guess_format,
    import_path,
)
from netpace.importers.sniff import SNIFF_BYTES
from netpace.store import open_store

from ..linkedin_exports import CURRENT, OLDER, zip_folder
from ..transfer_support import fixture, interactions

UTC = timezone.utc
NOW = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "parts, format, why",
    [
        (("linkedin", "Connections_current.csv"), "linkedin-connections", "a LinkedIn Connections.csv (its header row)"),
        (("linkedin", "Connections_2018.csv"), "linkedin-connections", "a LinkedIn Connections.csv (its header row)"),
        (("linkedin", "Connections_excel_semicolon_cp1252.csv"), "linkedin-connections",
         "a LinkedIn Connections.csv (its header row)"),
        (("linkedin", "messages_current.csv"), "linkedin-messages", "a LinkedIn messages.csv (its header row)"),
        (("linkedin", "messages_2021.csv"), "linkedin-messages", "a LinkedIn messages.csv (its header row)"),
        (("linkedin", "Messages_2018.csv"), "linkedin-messages", "a LinkedIn messages.csv (its header row)"),
        (("linkedin_export", CURRENT.name, "Invitations.csv"), "linkedin-invitations",
         "a LinkedIn Invitations.csv (its header row)"),
        (("google", "google_contacts_legacy.csv"), "google-csv", "a Google Contacts CSV (its header row)"),
        (("google", "google_contacts_current.csv"), "google-csv", "a Google Contacts CSV (its header row)"),
        (("outlook", "outlook_german.csv"), "outlook-csv", "an Outlook contacts CSV (its header row)"),
        (("outlook", "outlook_english.csv"), "outlook-csv", "an Outlook contacts CSV (its header row)"),
        (("vcard", "utf16le_no_bom.vcf"), "vcard", "a vCard file (BEGIN:VCARD)"),
        (("vcard", "vobject_vcard_with_groups.ics"), "vcard", "a vCard file (BEGIN:VCARD)"),  # named .ics
        (("ics", "meetings.ics"), "ics", "an iCalendar file (BEGIN:VCALENDAR)"),
        (("ics", "icalendar_issue_101_umlaut_organizer.ics"), "ics", "an iCalendar file (BEGIN:VEVENT)"),
        (("mail", "personal.mbox"), "mbox", "an mbox file (From lines, then mail headers)"),
        (("mail", "crlf.mbox"), "mbox", "an mbox file (From lines, then mail headers)"),
        (("mail", "gmail_takeout.mbox"), "mbox", "a Gmail Takeout mbox (From lines, mail headers, X-Gmail-Labels)"),
        (("mail", "rubymail_weird_to_header.eml"), "mbox", "one e-mail message (mail headers from its first line)"),
        (("mail", "maildir_staktrace"), "maildir", "a Maildir (a folder with cur/ and new/)"),
        (("linkedin_export", CURRENT.name), "linkedin",
         "a LinkedIn data export (a folder holding Connections.csv, Invitations.csv and messages.csv)"),
        (("linkedin_export", OLDER.name), "linkedin",
         "a LinkedIn data export (a folder holding Connections.csv and messages.csv)"),
    ],
)
def test_every_format_is_told_from_its_content(parts, format, why):
    guess = guess_format(fixture(*parts))
    assert (guess.format, guess.why) == (format, why)


def test_the_export_zip_and_netpace_json(tmp_path):
    assert guess_format(zip_folder(CURRENT, tmp_path / "export.zip")).format == "linkedin"
    exported = tmp_path / "netpace-export.json"
    exported.write_text('{"netpace_export": 1, "exported_at": "2027-01-15T12:00:00Z", "contacts": [], '
                        '"interactions": []}', encoding="utf-8")
    assert guess_format(exported).why == 'a netpace json export (its "netpace_export" key)'


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "name, data, says",
    [
        ("empty.csv", b"  \n", "is empty: there is nothing to import."),
        ("notes.txt", b"Dear diary,\ntoday I met nobody.\n", "its start is none of LinkedIn, Google or Outlook CSV"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)), "its start is none of"),
        ("other.json", b'{"name": "not ours"}', "it is JSON, but not a netpace export"),
        ("sheet.csv", b"Name,Amount,Date\nRent,900,2026-11-01\n", "its start is none of"),
        ("backup.db", None, "is an SQLite database, not an import file"),
        ("archive.zip", None, "it is a zip file, but holds no Connections.csv, messages.csv or Invitations.csv"),
        ("broken.zip", b"PK\x03\x04" + b"\x00" * 40, "looks like a zip file but can't be opened"),
    ],
)
def test_what_it_cant_tell_is_refused_in_one_sentence(tmp_path, name, data, says):
    path = tmp_path / name
    if name == "backup.db":
        with sqlite3.connect(path) as raw:
            raw.execute("create table t (x)")
        raw.close()
    elif name == "archive.zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("Profile.csv", b"First Name\nDana\n")
    else:
        _write(path, data)
    with pytest.raises(Unrecognised) as raised:
        guess_format(path)
    sentence = str(raised.value)
    assert says in sentence and str(path) in sentence
    assert "\n" not in sentence and sentence.endswith(".")


def test_a_folder_that_is_neither_maildir_nor_export(tmp_path):
    with pytest.raises(Unrecognised, match="is a folder, but neither a Maildir"):
        guess_format(tmp_path)


def test_only_the_start_of_a_file_is_read(tmp_path):
    # 64 GB, almost all of it a hole: read whole, it would exhaust memory long before the end.
    huge = tmp_path / "huge.vcf"
    with huge.open("wb") as handle:
        handle.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEND:VCARD\r\n")
        handle.truncate(64 * 1024**3)
    assert guess_format(huge).format == "vcard"
    assert SNIFF_BYTES <= 64 * 1024


def test_import_path_says_what_it_guessed_and_imports(db_location):
    db = db_location
    path = fixture("vcard", "utf16le_no_bom.vcf")
    with open_store(db) as store:
        result = import_path(store, path, ImportOptions(now=NOW, tz=UTC))
        assert store.counts()["contacts"] > 0
    assert (result.format, result.exit_code) == ("vcard", 0)
    lines = [line for line, _ in describe_path(result)]
    assert lines[0] == f"{path}: read as a vCard file (BEGIN:VCARD)."
    assert lines[-1].startswith(f"{path}: ") and "contact" in lines[-1]


def test_import_path_refuses_what_it_cant_tell_and_writes_nothing(tmp_path, db_location):
    db = db_location
    notes = _write(tmp_path / "notes.txt", b"nothing to see\n")
    with open_store(db) as store:
        result = import_path(store, notes, ImportOptions(now=NOW, tz=UTC))
        assert store.counts()["contacts"] == 0
    assert result.exit_code == 1 and result.format is None and result.files == []
    assert describe_path(result) == [(result.error, True)]


def test_a_format_given_is_used_and_an_unknown_one_refused(tmp_path):
    db = tmp_path / "n.db"
    with open_store(db) as store:
        given = import_path(store, fixture("linkedin", "messages_current.csv"), ImportOptions(now=NOW, tz=UTC),
                            format="linkedin-messages")
        unknown = import_path(store, fixture("linkedin", "messages_current.csv"), ImportOptions(now=NOW, tz=UTC),
                              format="myspace")
    assert given.guessed is None and given.exit_code == 0
    assert len(interactions(db)) == 7
    assert unknown.exit_code == 2 and unknown.error.startswith("Unknown format 'myspace': use one of ")
    assert set(ALL_FORMATS) == {*FORMATS, "linkedin"} and "linkedin-invitations" in FORMATS


def test_a_lone_invitations_csv_imports_its_notes(tmp_path):
    db = tmp_path / "n.db"
    path = fixture("linkedin_export", CURRENT.name, "Invitations.csv")
    with open_store(db) as store:
        result = import_path(store, path, ImportOptions(now=NOW, tz=UTC))
    assert result.exit_code == 0
    assert [(r[0], r[1], r[3]) for r in interactions(db)] == [
        ("Kenji Mori", "out", "intro"), ("Maren Okafor", "in", "intro"), ("Omar Farouk", "in", "give"),
        ("Sofia Marques", "out", "ask"),
    ]
    assert f"{path}: 2 invitations without a note: nothing to record." in [line for line, _ in describe_path(result)]
