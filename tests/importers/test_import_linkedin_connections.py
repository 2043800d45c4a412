"""LinkedIn Connections.csv: every form from FORMATS.md, through the real command."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netpace.domain.model import Contact, MetVia
from netpace.importers.dates import parse_day, parse_moment
from netpace.store import open_store

from ..transfer_support import assert_clean_failure, contacts, counts, fixture, run_import


def test_current_export_with_preamble_url_and_deleted_rows(tmp_path):
    db = tmp_path / "n.db"
    result = run_import(db, "linkedin-connections", fixture("linkedin", "Connections_current.csv"))
    assert result.exit_code == 0, result.output
    people = contacts(db)
    assert set(people) == {
        "Maren Okafor", "Tobias Lindqvist, MSc, PMP", "Aoife O\u2019Sullivan", "Ravi Subramanian \u2714",
        "Camille Durand\U0001f3f3\ufe0f\u200d\U0001f308, CSM (she/her)", "Jonas Weber", "Priya Natarajan",
    }
    tobias = people["Tobias Lindqvist, MSc, PMP"]
    assert tobias.met_on == date(2022, 6, 2)
    assert tobias.met_via == MetVia.ONLINE
    assert tobias.role == "Director, Strategy & Operations"
    assert tobias.linkedin == "https://www.linkedin.com/in/tobias-lindqvist"
    aoife = people["Aoife O\u2019Sullivan"]
    assert aoife.linkedin == "https://www.linkedin.com/in/aoife-o\u2019sullivan-77"  # percent-decoded
    assert aoife.emails == ("aoife.osullivan@example.org",)
    assert people["Ravi Subramanian \u2714"].company == "\u682a\u5f0f\u4f1a\u793e\u30df\u30ca\u30c8"
    assert people["Priya Natarajan"].met_on == date(2024, 9, 19)  # last row, no newline after it
    assert people["Camille Durand\U0001f3f3\ufe0f\u200d\U0001f308, CSM (she/her)"].met_on == date(2009, 10, 30)
    path = fixture("linkedin", "Connections_current.csv")
    assert f"{path}:9: only a date: a connection that was deleted" in result.stdout
    assert f"{path}:12: only a date: a connection that was deleted" in result.stdout
    assert "7 contacts added, 0 merged, 0 unchanged" in result.stdout
    assert "2 skipped." in result.stdout


def test_2018_export_us_dates_and_member_urn(tmp_path):
    db = tmp_path / "n.db"
    assert run_import(db, "linkedin-connections", fixture("linkedin", "Connections_2018.csv")).exit_code == 0
    people = contacts(db)
    assert people["Helen Marsh"].met_on == date(2018, 1, 8)
    assert people["Wen Zhou"].met_on == date(2017, 12, 31)
    assert people["Diego Alvarez"].emails == ()  # urn:li:member:… is not an address
    assert people["Helen Marsh"].emails == ("helen.marsh@example.net",)


def test_excel_semicolons_cp1252_crlf(tmp_path):
    db = tmp_path / "n.db"
    result = run_import(db, "linkedin-connections", fixture("linkedin", "Connections_excel_semicolon_cp1252.csv"))
    assert result.exit_code == 0, result.output
    people = contacts(db)
    assert set(people) == {"S\u00f8ren J\u00f8rgensen", "Lena M\u00fcller", "Mads Kj\u00e6r"}
    assert people["Lena M\u00fcller"].role == "\u00c4rztin"
    assert people["Lena M\u00fcller"].company == "Universit\u00e4tsklinikum West"
    assert people["S\u00f8ren J\u00f8rgensen"].met_on == date(2021, 9, 16)


def test_spanish_excel_mixed_encodings_invalid_bytes_deleted_columns(tmp_path):
    db = tmp_path / "n.db"
    path = fixture("linkedin", "Connections_spanish_excel.csv")
    result = run_import(db, "linkedin-connections", path)
    assert result.exit_code == 0, result.output
    people = contacts(db)
    assert people["In\u00e9s Monta\u00f1o"].met_on == date(2009, 10, 30)
    assert people["In\u00e9s Monta\u00f1o"].company == "Caf\u00e9 Lumbre"
    assert people["\u00c1lvaro Pe\u00f1a Ruiz"].met_on == date(2016, 12, 1)
    assert people["Zo\u00eb Brandt"].company == "Nordlicht GmbH\u2122"  # the UTF-8 field
    assert people["Zo\u00eb Brandt"].met_on == date(2019, 8, 7)  # "ago" is August
    marta = people["Marta Gil\ufffd"]  # 0x81 has no meaning in cp1252
    assert marta.company == "Ol\u00c3 Studio"
    assert marta.met_on is None  # "abc-nov-20" is no date: kept, without one
    assert marta.role == "" and marta.emails == ()  # those columns were deleted
    assert f"{path}:7: only a date" in result.stdout


def test_2021_header_danish_excel_and_merge_by_email(tmp_path):
    db = tmp_path / "n.db"
    run_import(db, "linkedin-connections", fixture("linkedin", "Connections_2018.csv"))
    result = run_import(db, "linkedin-connections", fixture("linkedin", "Connections_2021_danish_excel.csv"))
    assert result.exit_code == 0, result.output
    people = contacts(db)
    assert people["Freja Holm"].met_on == date(2021, 11, 23)
    assert people["Freja Holm"].role == "Lead, Offshore"
    assert people["Oskar Dahl"].met_on == date(2026, 1, 5)
    assert people["Oskar Dahl"].role == "Planner \U0001f6a2"
    assert "2 contacts added, 0 merged, 1 unchanged" in result.stdout  # Helen, by e-mail
    assert counts(db)["contacts"] == 5


def test_existing_contacts_are_merged_by_name_and_by_url_not_duplicated(tmp_path):
    db = tmp_path / "n.db"
    now = datetime(2026, 12, 1, tzinfo=timezone.utc)
    with open_store(db) as store:
        store.add_contact(Contact(name="maren okafor", notes="Met at Data Summit", tags=("data",)), now)
        store.add_contact(
            Contact(name="Tobias L.", linkedin="http://DE.linkedin.com/in/Tobias-Lindqvist/?trk=abc", role="Director"),
            now,
        )
    result = run_import(db, "linkedin-connections", fixture("linkedin", "Connections_current.csv"))
    assert result.exit_code == 0, result.output
    assert "5 contacts added, 2 merged, 0 unchanged" in result.stdout
    people = contacts(db)
    maren = people["maren okafor"]  # the name you gave is kept
    assert maren.linkedin == "https://www.linkedin.com/in/maren-okafor-4a1b2c"
    assert maren.company == "Lumen Analytics" and maren.met_on == date(2026, 11, 14)
    assert maren.notes == "Met at Data Summit" and maren.tags == ("data",)
    tobias = people["Tobias L."]
    assert tobias.role == "Director"  # filled fields are never overwritten
    assert tobias.company == "Nordvik Energy"
    assert "Tobias Lindqvist, MSc, PMP" not in people


def test_importing_twice_changes_nothing(tmp_path):
    db = tmp_path / "n.db"
    files = [fixture("linkedin", name) for name in (
        "Connections_current.csv", "Connections_2018.csv", "Connections_excel_semicolon_cp1252.csv",
        "Connections_spanish_excel.csv", "Connections_2021_danish_excel.csv")]
    assert run_import(db, "linkedin-connections", *files).exit_code == 0
    first = counts(db)
    before = contacts(db)
    second = run_import(db, "linkedin-connections", *files)
    assert second.exit_code == 0
    assert counts(db) == first
    assert contacts(db) == before  # not even updated_at moved
    assert " 0 contacts added, 0 merged" in second.stdout


def test_dry_run_writes_nothing(tmp_path):
    db = tmp_path / "n.db"
    result = run_import(db, "linkedin-connections", "--dry-run", fixture("linkedin", "Connections_current.csv"))
    assert result.exit_code == 0
    assert "7 contacts would be added" in result.stdout and "Dry run: nothing was written." in result.stdout
    assert not db.exists()
    run_import(db, "linkedin-connections", fixture("linkedin", "Connections_2018.csv"))
    before = counts(db)
    run_import(db, "linkedin-connections", "--dry-run", fixture("linkedin", "Connections_current.csv"))
    assert counts(db) == before


def test_a_file_in_another_format_is_refused_in_one_sentence(tmp_path):
    db = tmp_path / "n.db"
    result = run_import(db, "linkedin-connections", fixture("google", "google_contacts_legacy.csv"))
    assert_clean_failure(result, 1)
    assert "doesn't look like a LinkedIn Connections.csv" in result.stderr
    assert counts(db)["contacts"] == 0


def test_binary_garbage_is_refused_not_crashed_on(tmp_path):
    db = tmp_path / "n.db"
    junk = tmp_path / "Connections.csv"
    junk.write_bytes(bytes(range(256)) * 20)
    assert_clean_failure(run_import(db, "linkedin-connections", junk), 1)


# -- the date forms --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02 Jun 2022", date(2022, 6, 2)),
        ("1/8/18, 6:14 PM", date(2018, 1, 8)),
        ("12/31/17, 11:59 PM", date(2017, 12, 31)),
        ("23-Nov-21", date(2021, 11, 23)),
        ("5-Jan-26", date(2026, 1, 5)),
        ("16.09.2021", date(2021, 9, 16)),
        ("30-oct-09", date(2009, 10, 30)),
        ("15-ene-18", date(2018, 1, 15)),
        ("01 Dec 2016", date(2016, 12, 1)),
        ("2021-09-16", date(2021, 9, 16)),
        ("16/09/2021", date(2021, 9, 16)),
        ("1. Mai 2020", date(2020, 5, 1)),
        ("31.02.2021", None),
        ("abc-nov-20", None),
        ("", None),
    ],
)
def test_connected_on_forms(text, expected):
    assert parse_day(text) == expected


def test_us_clock_times_become_moments():
    moment = parse_moment("10/16/18, 8:36 PM", timezone.utc)
    assert moment == datetime(2018, 10, 16, 20, 36, tzinfo=timezone.utc)
    assert parse_moment("10/16/18, 13:36 PM", timezone.utc) is None


@given(st.text(max_size=80))
def test_parse_day_never_raises(text):
    result = parse_day(text)
    assert result is None or isinstance(result, date)


_ENGLISH = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_SPANISH = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]


@settings(max_examples=200)
@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2069, 12, 31)))
def test_every_written_form_reads_back_as_the_same_day(day):
    forms = [
        f"{day.day:02d} {_ENGLISH[day.month - 1]} {day.year}",
        f"{day.month}/{day.day}/{day.year % 100:02d}, 6:14 PM",
        f"{day.day}-{_ENGLISH[day.month - 1]}-{day.year % 100:02d}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day}-{_SPANISH[day.month - 1]}-{day.year % 100:02d}",
        day.isoformat(),
    ]
    for form in forms:
        assert parse_day(form) == day, form
