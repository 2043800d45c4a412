"""Exports: json (and its round trip), csv, vCard 4.0 and the follow-up calendar."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from dataclasses import replace
from datetime import date, timedelta, timezone

import icalendar
import pytest
import vobject

from netpace.domain.model import Channel, Contact, Direction, Interaction, Kind, MetVia, Status
from netpace.store import open_store

from .transfer_support import NOW, assert_clean_failure, counts, fixture, run_export, run_import

UTC = timezone.utc
WHEN = "2027-01-15 12:00 +00:00"
HOSTILE = "[bold]Bob[/]\x1b]2;pwned\x07 Tables"
SHOWN = "[bold]Bob[/] Tables"  # markup is data; the escape sequence is gone


def _log(store, contact, at, direction, kind=Kind.UPDATE, channel=Channel.EMAIL, note="", source="manual", external_id=None):
    store.log(contact.id, Interaction(at=at, direction=direction, kind=kind, channel=channel, note=note,
                                      source=source, external_id=external_id), NOW)


def build(db):
    """A small network with every verdict the calendar export cares about."""
    with open_store(db) as store:
        add = lambda contact: store.add_contact(contact, NOW - timedelta(days=400))  # noqa: E731
        rita = add(Contact(name="Rita Reply", emails=("rita@example.com", "r.r@example.org"), company="Acme, Inc; EU",
                           role="Recruiter", phone="+44 20 7946 0000", linkedin="https://www.linkedin.com/in/rita",
                           met_via=MetVia.CONFERENCE, met_on=date(2026, 9, 1), tags=("recruiters", "a,b"),
                           notes="Line one\nLine two; with, punctuation \\ and more", keep_in_touch_days=30))
        _log(store, rita, NOW - timedelta(days=20), Direction.OUT, Kind.ASK, note="Any openings?")
        _log(store, rita, NOW - timedelta(days=2), Direction.IN, note="Let's talk", source="mail",
             external_id="<x@example.com>|rita@example.com")
        walt = add(Contact(name="Walt Wait"))
        _log(store, walt, NOW - timedelta(days=5), Direction.OUT, note="Following up")
        lara = add(Contact(name="Lara Later"))
        _log(store, lara, NOW - timedelta(hours=2), Direction.OUT, note="Hello")
        add(Contact(name="Quinn Quiet"))
        sam = add(Contact(name="Sam Snoozed"))
        _log(store, sam, NOW - timedelta(days=1), Direction.IN, note="Ping")
        store.set_status(sam.id, Status.SNOOZED, date(2027, 2, 1), NOW)
        bob = add(Contact(name=HOSTILE))
        _log(store, bob, NOW - timedelta(days=100), Direction.BOTH, Kind.MEETING, Channel.IN_PERSON, note="Lunch")
        _log(store, bob, NOW - timedelta(days=100), Direction.BOTH, Kind.MEETING, Channel.IN_PERSON, note="Lunch")
        add(Contact(name="=HYPERLINK(\"http://evil\")", notes="-2+3", status=Status.ARCHIVED))


def snapshot(db):
    """Everything a round trip must keep, without ids and bookkeeping times."""
    with open_store(db) as store:
        people = {c.id: c for c in store.contacts()}
        found = sorted((replace(c, id=None, updated_at=None) for c in people.values()), key=lambda c: c.name)
        history = sorted(
            ((people[i.contact_id].name, replace(i, id=None, contact_id=None))
             for items in store.interactions_by_contact().values()
             for i in items),
            key=lambda pair: (pair[0], pair[1].at, pair[1].direction.value, pair[1].note, pair[1].external_id or ""),
        )
    return found, history


def test_json_round_trip_into_an_empty_database(tmp_path):
    source, target = tmp_path / "a.db", tmp_path / "b.db"
    build(source)
    run_import(source, "linkedin-messages", fixture("linkedin", "messages_current.csv"))
    out = tmp_path / "export.json"
    result = run_export(source, "json", "--out", out, "--now", WHEN)
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["netpace_export"] == 1 and document["exported_at"] == "2027-01-15T12:00:00Z"
    assert run_import(target, "json", out).exit_code == 0
    assert snapshot(target) == snapshot(source)
    assert counts(target) == counts(source)


def test_json_import_twice_changes_nothing(tmp_path):
    source, target = tmp_path / "a.db", tmp_path / "b.db"
    build(source)
    out = tmp_path / "export.json"
    run_export(source, "json", "--out", out)
    run_import(target, "json", out)
    first = counts(target)
    result = run_import(target, "json", out)
    assert counts(target) == first
    assert "0 interactions added, 7 already there" in result.stdout
    # and back into the database it came from: nothing new either
    run_import(source, "json", out)
    assert counts(source) == first


def test_json_export_is_reproducible_with_now(tmp_path):
    db = tmp_path / "a.db"
    build(db)
    first = run_export(db, "json", "--now", WHEN).stdout_bytes
    assert first == run_export(db, "json", "--now", WHEN).stdout_bytes


def test_json_from_a_newer_netpace_or_damaged_is_refused(tmp_path):
    db = tmp_path / "n.db"
    newer = tmp_path / "newer.json"
    newer.write_text('{"netpace_export": 2, "contacts": [], "interactions": []}', encoding="utf-8")
    result = run_import(db, "json", newer)
    assert_clean_failure(result, 1)
    assert "newer netpace" in result.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('{"netpace_export": 1, "contacts": [', encoding="utf-8")
    assert_clean_failure(run_import(db, "json", broken), 1)
    other = tmp_path / "other.json"
    other.write_text("[1, 2, 3]", encoding="utf-8")
    assert_clean_failure(run_import(db, "json", other), 1)


def test_json_bad_items_are_skipped_with_their_place(tmp_path):
    db = tmp_path / "n.db"
    path = tmp_path / "x.json"
    path.write_text(json.dumps({
        "netpace_export": 1,
        "contacts": [{"id": 1, "name": "Ok Person"}, {"id": 2, "name": "Bad", "met_via": "telepathy"}, "nope"],
        "interactions": [
            {"contact_id": 1, "at": "2026-01-01T10:00:00Z", "direction": "out"},
            {"contact_id": 9, "at": "2026-01-01T10:00:00Z", "direction": "out"},
            {"contact_id": 1, "at": "yesterday", "direction": "out"},
            {"contact_id": [1], "at": "2026-01-01T10:00:00Z", "direction": "in"},
        ],
    }), encoding="utf-8")
    result = run_import(db, "json", path)
    assert result.exit_code == 0
    assert f"{path}:contacts[1]: met_via 'telepathy' is not one netpace knows" in result.stdout
    assert f"{path}:contacts[2]: not an object" in result.stdout
    assert f"{path}:interactions[1]: contact_id 9 is not among the contacts" in result.stdout
    assert f"{path}:interactions[2]: at 'yesterday' is not an ISO date and time" in result.stdout
    assert counts(db) == {"contacts": 1, "emails": 0, "interactions": 1}


def test_csv_has_verdict_pressure_and_next_date(tmp_path):
    db = tmp_path / "a.db"
    build(db)
    result = run_export(db, "csv", "--now", WHEN)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8"))))
    by_name = {row["name"]: row for row in rows}
    rita = by_name["Rita Reply"]
    assert rita["verdict"] == "reply_owed" and rita["next_on"] == "2027-01-13"
    assert rita["emails"] == "rita@example.com; r.r@example.org"
    assert rita["phone"] == "+44 20 7946 0000"  # a phone number is not a formula
    walt = by_name["Walt Wait"]
    assert walt["verdict"] == "wait" and walt["next_on"] == "2027-01-24" and int(walt["pressure"]) > 0
    assert by_name["Quinn Quiet"]["verdict"] == "ok" and by_name["Quinn Quiet"]["next_on"] == ""
    assert "'=HYPERLINK(\"http://evil\")" in by_name  # neutralised for spreadsheets
    assert SHOWN in by_name  # the escape sequence is gone
    assert not any("\x1b" in name for name in by_name)
    assert list(rows[0]) == ["name", "company", "role", "emails", "phone", "linkedin", "tags", "status", "verdict",
                             "pressure", "zone", "next_on", "last_contact", "met_via", "met_on"]


def test_vcard_is_4_0_and_vobject_reads_it_back(tmp_path):
    db = tmp_path / "a.db"
    build(db)
    data = run_export(db, "vcard", "--now", WHEN).stdout_bytes
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    cards = list(vobject.readComponents(data.decode("utf-8")))
    assert len(cards) == 7
    assert {c.version.value for c in cards} == {"4.0"}
    rita = next(c for c in cards if c.fn.value == "Rita Reply")
    assert [e.value for e in rita.contents["email"]] == ["rita@example.com", "r.r@example.org"]
    assert rita.note.value == "Line one\nLine two; with, punctuation \\ and more"
    assert rita.org.value == ["Acme, Inc; EU"]
    assert rita.categories.value == ["recruiters", "a,b"]
    assert rita.url.value == "https://www.linkedin.com/in/rita"
    assert len({c.uid.value for c in cards}) == 7


def test_vcard_export_imports_back(tmp_path):
    source, target = tmp_path / "a.db", tmp_path / "b.db"
    build(source)
    out = tmp_path / "all.vcf"
    run_export(source, "vcard", "--out", out)
    assert run_import(target, "vcard", out).exit_code == 0
    with open_store(source) as a, open_store(target) as b:
        fields = lambda c: (c.name, c.emails, c.company, c.role, c.phone, c.linkedin, c.tags, c.notes)  # noqa: E731
        assert sorted(map(fields, a.contacts())) == sorted(map(fields, b.contacts()))


def _events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def test_ics_has_the_follow_ups_of_the_next_days_with_a_reminder(tmp_path):
    db = tmp_path / "a.db"
    build(db)
    result = run_export(db, "ics", "--now", WHEN)
    assert result.exit_code == 0
    events = _events(result.stdout_bytes)
    assert set(events) == {"Reply to Rita Reply", "Follow up with Walt Wait (the wait is over)",
                           f"Check in with {SHOWN}"}
    reply = events["Reply to Rita Reply"]
    assert reply["dtstart"].dt == date(2027, 1, 15)  # overdue: shown today
    assert reply["dtend"].dt == date(2027, 1, 16)
    alarms = [c for c in reply.subcomponents if c.name == "VALARM"]
    assert len(alarms) == 1 and alarms[0]["trigger"].dt == timedelta(hours=9)
    assert events["Follow up with Walt Wait (the wait is over)"]["dtstart"].dt == date(2027, 1, 24)
    assert "They wrote" in str(reply["description"])
    longer = _events(run_export(db, "ics", "--now", WHEN, "--days", "20").stdout_bytes)
    assert "Follow up with Lara Later (the wait is over)" in longer
    assert longer["Follow up with Lara Later (the wait is over)"]["dtstart"].dt == date(2027, 1, 29)
    assert not any("Sam Snoozed" in name for name in longer)  # snoozed: hidden


def test_out_file_is_private_and_stdout_is_the_default(tmp_path):
    db = tmp_path / "a.db"
    build(db)
    out = tmp_path / "people.csv"
    out.write_text("old", encoding="utf-8")
    os.chmod(out, 0o644)
    result = run_export(db, "csv", "--out", out, "--now", WHEN)
    assert result.exit_code == 0 and result.stdout == ""
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes() == run_export(db, "csv", "--now", WHEN).stdout_bytes
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".people")] == []


def test_export_errors_are_one_sentence(tmp_path):
    assert_clean_failure(run_export(tmp_path / "none.db", "json"), 1)
    assert not (tmp_path / "none.db").exists()
    db = tmp_path / "a.db"
    build(db)
    assert_clean_failure(run_export(db, "json", "--now", "next blue moon"), 2)
    assert_clean_failure(run_export(db, "json", "--out", tmp_path / "missing" / "x.json"), 1)
    result = run_export(db, "pdf")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_empty_database_exports(tmp_path):
    db = tmp_path / "a.db"
    open_store(db).close()
    exported = {}
    for format in ("json", "csv", "vcard", "ics"):
        result = run_export(db, format, "--now", WHEN)
        assert result.exit_code == 0, (format, result.output)
        exported[format] = result.stdout_bytes
    document = json.loads(exported["json"])
    assert (document["contacts"], document["interactions"]) == ([], [])
    assert document["exported_at"] == "2027-01-15T12:00:00Z"
    assert list(csv.reader(io.StringIO(exported["csv"].decode("utf-8")))) == [
        ["name", "company", "role", "emails", "phone", "linkedin", "tags", "status", "verdict",
         "pressure", "zone", "next_on", "last_contact", "met_via", "met_on"]]
    assert exported["vcard"] == b""
    calendar = icalendar.Calendar.from_ical(exported["ics"])
    assert calendar.walk("VEVENT") == [] and str(calendar["version"]) == "2.0"


def test_khard_reads_the_vcard_export(tmp_path):
    """khard keeps one card per file: split the export the way a user would."""
    import re
    import subprocess
    import sys
    from pathlib import Path

    db = tmp_path / "k.db"
    build(db)
    out = tmp_path / "all.vcf"
    assert run_export(db, "vcard", "--out", out, "--now", WHEN).exit_code == 0
    book = tmp_path / "book"
    book.mkdir()
    cards = re.findall(r"BEGIN:VCARD.*?END:VCARD\r?\n", out.read_text(), re.S)
    for index, card in enumerate(cards):
        (book / f"{index}.vcf").write_text(card)
    config = tmp_path / "khard.conf"
    config.write_text(
        f"[addressbooks]\n[[netpace]]\npath = {book}\n[general]\ndefault_action = list\neditor = vi\n"
        "merge_editor = vimdiff\n[vcard]\npreferred_version = 4.0\nskip_unparsable = no\n"
    )
    khard = Path(sys.executable).parent / "khard"
    listed = subprocess.run([str(khard), "-c", str(config), "list", "--parsable"],
                            capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    names = {line.split("\t")[1] for line in listed.stdout.splitlines() if "\t" in line}
    with open_store(db) as store:
        assert names == {c.name for c in store.contacts()}
    assert SHOWN in names and len(cards) == len(names)
