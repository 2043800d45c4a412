"""Meetings from calendars: once per UID, never rooms, alarms, cancellations."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from netpace.store import open_store

from ..transfer_support import assert_clean_failure, contacts, counts, fixture, interactions, run_import

UTC = timezone.utc


def test_meetings(tmp_path):
    db = tmp_path / "n.db"
    path = fixture("ics", "meetings.ics")
    result = run_import(db, "ics", "--me", "sam@patel.example", path)
    assert result.exit_code == 0, result.output
    rows = interactions(db)
    assert {r[1] for r in rows} == {"both"} and {r[3] for r in rows} == {"meeting"}
    ahead = [r for r in rows if r[5] == "Far future"]  # kept, as a meeting planned
    assert [r[0] for r in ahead] == ["noor@haddad.example"]
    with open_store(db) as store:
        assert [i.note for items in store.interactions_by_contact().values() for i in items if i.planned] == [
            "Far future"]
    rows = [r for r in rows if r not in ahead]
    by_name = {r[0]: r for r in rows}
    assert len(rows) == len(by_name) == 4
    assert set(by_name) == {"Weiß, Jörg", "Ruth Ekwueme", "Grace Liu", "noor@haddad.example"}
    assert by_name["Weiß, Jörg"][4] == datetime(2021, 3, 4, 14, 0, tzinfo=UTC)  # SEQUENCE 2 won
    assert by_name["Weiß, Jörg"][5] == "Coffee with Jörg"
    # All-day and floating times are read in the local zone: compare the day only.
    assert by_name["Grace Liu"][2:4] == ("in_person", "meeting")
    assert by_name["Grace Liu"][5] == "Career fair"
    assert by_name["noor@haddad.example"][5] == "Breakfast"
    assert by_name["Ruth Ekwueme"][4] == datetime(2021, 3, 8, 16, 0, tzinfo=ZoneInfo("Europe/London"))
    assert by_name["Ruth Ekwueme"][2] == "video"  # a Zoom link
    assert by_name["noor@haddad.example"][2] == "video"  # a URL
    assert by_name["Weiß, Jörg"][2] == "in_person"
    people = contacts(db)
    assert people["Weiß, Jörg"].emails == ("joerg@weiss-baeckerei.example",)
    for absent in ("room4@patel.example", "liam@oneill.example", "assistant@patel.example"):
        assert all(absent not in c.emails for c in people.values())
    out = result.stdout
    assert f"{path}:4: superseded by the same event (UID) at line 15" in out
    assert f"{path}:47: a cancelled event" in out
    assert "hasn't happened yet" not in out


def test_without_me_the_address_on_every_event_is_you(tmp_path):
    db = tmp_path / "n.db"
    assert run_import(db, "ics", fixture("ics", "meetings.ics")).exit_code == 0
    assert counts(db)["interactions"] == 5  # four meetings, and one planned
    assert "Sam Patel" not in contacts(db)


def test_blackberry_invite_needs_me_then_counts_the_others(tmp_path):
    db = tmp_path / "n.db"
    path = fixture("ics", "icalendar_property_params_blackberry_request.ics")
    assert_clean_failure(run_import(db, "ics", path), 2)
    assert counts(db)["interactions"] == 0
    result = run_import(db, "ics", "--me", "rembrand@daxlab.com", path)
    assert result.exit_code == 0
    rows = interactions(db)
    assert sorted(r[0] for r in rows) == ["RembrandSB", "RembrandXS"]
    # An all-day event: noon on that day in the local zone, whatever that zone is.
    assert abs(rows[0][4] - datetime(2012, 8, 14, 12, 0, tzinfo=UTC)) <= timedelta(hours=14)


def test_samples_without_guests_import_nothing_and_do_not_fail(tmp_path):
    db = tmp_path / "n.db"
    files = [fixture("ics", name) for name in (
        "icalendar_issue_101_umlaut_organizer.ics",  # a bare VEVENT
        "icalendar_alarm_google_future.ics",  # its only ATTENDEE is inside a VALARM
        "icalendar_issue_348_sixt.ics",  # an ORGANIZER with no value
        "vobject_ms_tzid_outlook.ics",  # a Windows time-zone name with commas
    )]
    result = run_import(db, "ics", "--me", "me@example.com", *files)
    assert result.exit_code == 0, result.output
    assert counts(db) == {"contacts": 0, "emails": 0, "interactions": 0}
    assert f"{files[0]}:1: no attendees: an appointment, not a meeting" in result.stdout
    assert f"{files[1]}:26: no attendees" in result.stdout


def test_importing_twice_changes_nothing(tmp_path):
    db = tmp_path / "n.db"
    run_import(db, "ics", "--me", "sam@patel.example", fixture("ics", "meetings.ics"))
    first = counts(db)
    result = run_import(db, "ics", "--me", "sam@patel.example", fixture("ics", "meetings.ics"))
    assert counts(db) == first and "0 interactions added, 5 already there" in result.stdout


def test_not_a_calendar(tmp_path):
    junk = tmp_path / "cal.ics"
    junk.write_text("BEGIN:VCALENDAR\nthis is not\n", encoding="utf-8")
    result = run_import(tmp_path / "n.db", "ics", "--me", "a@b.example", junk)
    assert_clean_failure(result, 1)
