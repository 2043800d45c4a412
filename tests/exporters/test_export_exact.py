"""Each export of a small network, byte for byte: the formats' own oracles. The other export
tests check what a reader finds; these also catch a changed separator, line end, indent,
property name or escape that a lenient reader would forgive. From either store, the same bytes."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone

import pytest

from netpace.domain.model import Channel, Contact, Direction, Interaction, Kind, MetVia
from netpace.exporters import render
from netpace.store.private_files import write_private
from netpace.store import open_store

NOW = datetime(2027, 1, 15, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def network(db_location):
    with open_store(db_location) as store:
        zoe = store.add_contact(Contact(
            name="Zoë Ångström", company="Acme; EU", role="CTO, Platform",
            emails=("zoe@acme.example", "z@home.example"), phone="+46 8 123 45",
            linkedin="https://www.linkedin.com/in/zoe", met_via=MetVia.CONFERENCE, met_on=date(2026, 9, 1),
            tags=("a,b", "x"), notes="Line one\r\nLine two; back\\slash", keep_in_touch_days=30),
            NOW - timedelta(days=400))
        store.log(zoe.id, Interaction(at=NOW - timedelta(days=20), direction=Direction.OUT, channel=Channel.EMAIL,
                                      kind=Kind.ASK, note="Any openings?"), NOW - timedelta(days=20))
        store.log(zoe.id, Interaction(at=NOW - timedelta(days=2), direction=Direction.IN, channel=Channel.EMAIL,
                                      kind=Kind.REPLY, note="Let's talk"), NOW - timedelta(days=2))
        store.add_contact(Contact(name="Quinn"), NOW - timedelta(days=10))
        yield store


CSV = (
    'name,company,role,emails,phone,linkedin,tags,status,verdict,pressure,zone,next_on,last_contact,met_via,met_on\r\n'
    'Zoë Ångström,Acme; EU,"CTO, Platform",zoe@acme.example; z@home.example,+46 8 123 45,https://www.linkedin.com/in/zoe,"a,b; x",active,reply_owed,11,calm,2027-01-13,2027-01-13,conference,2026-09-01\r\n'
    'Quinn,,,,,,,active,ok,0,calm,,,,\r\n'
)


JSON = (
    '{\n'
    '  "netpace_export": 1,\n'
    '  "exported_at": "2027-01-15T12:00:00Z",\n'
    '  "contacts": [\n'
    '    {\n'
    '      "id": 1,\n'
    '      "name": "Zoë Ångström",\n'
    '      "company": "Acme; EU",\n'
    '      "role": "CTO, Platform",\n'
    '      "emails": [\n'
    '        "zoe@acme.example",\n'
    '        "z@home.example"\n'
    '      ],\n'
    '      "phone": "+46 8 123 45",\n'
    '      "linkedin": "https://www.linkedin.com/in/zoe",\n'
    '      "met_via": "conference",\n'
    '      "met_on": "2026-09-01",\n'
    '      "tags": [\n'
    '        "a,b",\n'
    '        "x"\n'
    '      ],\n'
    '      "notes": "Line one\\nLine two; back\\\\slash",\n'
    '      "keep_in_touch_days": 30,\n'
    '      "status": "active",\n'
    '      "snoozed_until": null,\n'
    '      "created_at": "2025-12-11T12:00:00Z",\n'
    '      "updated_at": "2027-01-13T12:00:00Z"\n'
    '    },\n'
    '    {\n'
    '      "id": 2,\n'
    '      "name": "Quinn",\n'
    '      "company": "",\n'
    '      "role": "",\n'
    '      "emails": [],\n'
    '      "phone": "",\n'
    '      "linkedin": "",\n'
    '      "met_via": null,\n'
    '      "met_on": null,\n'
    '      "tags": [],\n'
    '      "notes": "",\n'
    '      "keep_in_touch_days": null,\n'
    '      "status": "active",\n'
    '      "snoozed_until": null,\n'
    '      "created_at": "2027-01-05T12:00:00Z",\n'
    '      "updated_at": "2027-01-05T12:00:00Z"\n'
    '    }\n'
    '  ],\n'
    '  "interactions": [\n'
    '    {\n'
    '      "contact_id": 1,\n'
    '      "at": "2026-12-26T12:00:00Z",\n'
    '      "direction": "out",\n'
    '      "channel": "email",\n'
    '      "kind": "ask",\n'
    '      "note": "Any openings?",\n'
    '      "source": "manual",\n'
    '      "external_id": null,\n'
    '      "group": false,\n'
    '      "planned": false\n'
    '    },\n'
    '    {\n'
    '      "contact_id": 1,\n'
    '      "at": "2027-01-13T12:00:00Z",\n'
    '      "direction": "in",\n'
    '      "channel": "email",\n'
    '      "kind": "reply",\n'
    '      "note": "Let\'s talk",\n'
    '      "source": "manual",\n'
    '      "external_id": null,\n'
    '      "group": false,\n'
    '      "planned": false\n'
    '    }\n'
    '  ]\n'
    '}\n'
)


VCARD = (
    'BEGIN:VCARD\r\n'
    'VERSION:4.0\r\n'
    'PRODID:-//netpace//netpace export//EN\r\n'
    'UID:urn:uuid:9a4f087a-c5d6-5148-be5d-631263deaadd\r\n'
    'FN:Quinn\r\n'
    'REV:20270105T120000Z\r\n'
    'END:VCARD\r\n'
    'BEGIN:VCARD\r\n'
    'VERSION:4.0\r\n'
    'PRODID:-//netpace//netpace export//EN\r\n'
    'UID:urn:uuid:2713ba69-1cd9-5e65-864e-312fef926e4a\r\n'
    'FN:Zoë Ångström\r\n'
    'EMAIL;PREF=1:zoe@acme.example\r\n'
    'EMAIL:z@home.example\r\n'
    'TEL;VALUE=text:+46 8 123 45\r\n'
    'ORG:Acme\\; EU\r\n'
    'TITLE:CTO\\, Platform\r\n'
    'URL;TYPE=linkedin:https://www.linkedin.com/in/zoe\r\n'
    'CATEGORIES:a\\,b,x\r\n'
    'NOTE:Line one\\nLine two\\; back\\\\slash\r\n'
    'REV:20270113T120000Z\r\n'
    'END:VCARD\r\n'
)


ICS = (
    'BEGIN:VCALENDAR\r\n'
    'VERSION:2.0\r\n'
    'PRODID:-//netpace//follow-ups//EN\r\n'
    'CALSCALE:GREGORIAN\r\n'
    'X-WR-CALNAME:netpace follow-ups\r\n'
    'BEGIN:VEVENT\r\n'
    'SUMMARY:Reply to Zoë Ångström\r\n'
    'DTSTART;VALUE=DATE:20270115\r\n'
    'DTEND;VALUE=DATE:20270116\r\n'
    'DTSTAMP:20270115T120000Z\r\n'
    'UID:netpace-contact-1@netpace\r\n'
    'CATEGORIES:netpace\r\n'
    "DESCRIPTION:They wrote 2 days ago (Wed 13 Jan) and you haven't answered.\\n\r\n"
    ' Pressure 11/100 (calm).\r\n'
    'TRANSP:TRANSPARENT\r\n'
    'BEGIN:VALARM\r\n'
    'ACTION:DISPLAY\r\n'
    'DESCRIPTION:Reply to Zoë Ångström\r\n'
    'TRIGGER:PT9H\r\n'
    'END:VALARM\r\n'
    'END:VEVENT\r\n'
    'END:VCALENDAR\r\n'
)


@pytest.mark.parametrize(("format", "expected"), [("csv", CSV), ("json", JSON), ("vcard", VCARD), ("ics", ICS)])
def test_each_export_byte_for_byte(network, format, expected):
    assert render(format, network, NOW).decode("utf-8") == expected


def test_an_unknown_format_is_named_in_the_error(network):
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        render("pdf", network, NOW)


def test_a_private_file_is_written_beside_its_target_then_renamed_into_place(tmp_path, monkeypatch):
    """Whole or not at all: the bytes go to a hidden temporary file in the same folder (so the
    rename is atomic), which becomes the target; a failure leaves neither behind."""
    target = tmp_path / "people.csv"
    renamed = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda source, dest: (renamed.append((source, dest)), real_replace(source, dest)))
    write_private(target, b"a,b\r\n")
    [(source, dest)] = renamed
    assert os.path.dirname(source) == str(tmp_path) and dest == target
    assert os.path.basename(source).startswith(".people.csv.") and source.endswith(".part")
    assert target.read_bytes() == b"a,b\r\n" and (target.stat().st_mode & 0o777) == 0o600

    def fail(source, dest):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_private(tmp_path / "other.csv", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.csv"]


def test_the_calendar_holds_what_comes_due_before_the_window_ends(db_location):
    import icalendar

    def out(store, contact, days_ago):
        store.log(contact.id, Interaction(at=NOW - timedelta(days=days_ago), direction=Direction.OUT), NOW)

    with open_store(db_location) as store:
        edge = store.add_contact(Contact(name="Ed Edge"), NOW - timedelta(days=100))
        out(store, edge, 4)  # a wait until today + 10
        wes = store.add_contact(Contact(name="Wes Wait"), NOW - timedelta(days=100))
        out(store, wes, 1)  # a wait until today + 13
        bea = store.add_contact(Contact(name="Bea Burst"), NOW - timedelta(days=100))
        out(store, bea, 29)
        out(store, bea, 27)  # two within three days: back off until today + 3
        entries = {days: [(str(e["summary"]), e["dtstart"].dt) for e in
                          icalendar.Calendar.from_ical(render("ics", store, NOW, days=days)).walk("VEVENT")]
                   for days in (10, 11)}
    today = NOW.date()
    assert entries[10] == [("Bea Burst: fine to write again", today + timedelta(days=3))]
    assert entries[11] == [("Bea Burst: fine to write again", today + timedelta(days=3)),
                           ("Follow up with Ed Edge (the wait is over)", today + timedelta(days=10))]


@pytest.fixture
def machine_in_tokyo(monkeypatch):
    """The machine's own zone is Tokyo (9 hours ahead of UTC) for the test."""
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_exports_depend_on_the_given_moment_not_on_the_machines_zone(network, machine_in_tokyo):
    """Times go out in UTC and dates in the zone of `now` (here UTC) however the machine is set:
    Zoë's last message came at 12:00 UTC on 13 January, 21:00 that day in Tokyo; 13:00 UTC on
    the 15th is the 16th in Tokyo."""
    import icalendar

    later = NOW + timedelta(hours=1)
    quinn = network.resolve("Quinn")
    network.log(quinn.id, Interaction(at=datetime(2027, 1, 14, 20, 0, tzinfo=timezone.utc),  # the 15th in Tokyo
                                      direction=Direction.BOTH, kind=Kind.MEETING), later)
    rows = render("csv", network, later).decode("utf-8").splitlines()
    assert rows[1].endswith(",2027-01-13,2027-01-13,conference,2026-09-01")
    assert rows[2] == "Quinn,,,,,,,active,ok,0,calm,,2027-01-14,,"
    assert '"exported_at": "2027-01-15T13:00:00Z"' in render("json", network, later).decode("utf-8")
    assert "REV:20270113T120000Z\r\n" in render("vcard", network, later).decode("utf-8")
    [event] = icalendar.Calendar.from_ical(render("ics", network, later)).walk("VEVENT")
    assert event["dtstamp"].to_ical() == b"20270115T130000Z" and event["dtstart"].dt == date(2027, 1, 15)
