"""Google Contacts and Outlook CSV exports."""

from __future__ import annotations

from ..transfer_support import assert_clean_failure, contacts, counts, fixture, run_import


def test_google_legacy_multi_values_and_system_groups(tmp_path):
    db = tmp_path / "n.db"
    path = fixture("google", "google_contacts_legacy.csv")
    result = run_import(db, "google-csv", path)
    assert result.exit_code == 0, result.output
    people = contacts(db)
    nadia = people["Nadia Haddad"]
    assert nadia.emails == ("nadia@haddad.example", "n.haddad@example.org", "nadia.h@example.net")
    assert nadia.tags == ("Networking",)  # "* myContacts" is Google's, not yours
    assert nadia.phone == "+44 7700 900123"
    assert nadia.linkedin == "https://www.linkedin.com/in/nadia-haddad"
    assert nadia.company == "Graphwise" and nadia.role == "Staff Engineer"
    assert nadia.notes == 'Met at the PyData meetup; "loves" graph databases'
    assert people["Mr Kwame Mensah"].phone == "+233 20 000 0000"  # the first of several
    assert people["Mr Kwame Mensah"].tags == ()  # "* starred" too
    assert people["Acme Holdings"].phone == "020 7946 0000"  # no name: the company names it
    assert "3 contacts added" in result.stdout


def test_google_current_layout_and_merge_with_legacy(tmp_path):
    db = tmp_path / "n.db"
    run_import(db, "google-csv", fixture("google", "google_contacts_legacy.csv"))
    path = fixture("google", "google_contacts_current.csv")
    result = run_import(db, "google-csv", path)
    assert result.exit_code == 0, result.output
    people = contacts(db)
    ama = people["Ama Owusu"]
    assert ama.emails == ("ama@kente.example", "ama.owusu@example.org")
    assert ama.linkedin == "https://www.linkedin.com/in/ama-owusu"
    assert ama.tags == ("Mentors",) and ama.notes == "Intro via Nadia"
    assert "Dotty" in people
    assert f"{path}:4: no name, company or e-mail address" in result.stdout
    assert "2 contacts added, 0 merged, 1 unchanged" in result.stdout  # Nadia, by e-mail


def test_outlook_german_headers_cp1252_short_and_long_rows(tmp_path):
    db = tmp_path / "n.db"
    result = run_import(db, "outlook-csv", fixture("outlook", "outlook_german.csv"))
    assert result.exit_code == 0, result.output
    people = contacts(db)
    joerg = people["Jörg Weiß"]
    assert joerg.emails == ("joerg@weiss-baeckerei.example", "j.weiss@example.de")
    assert joerg.company == "Bäckerei Weiß" and joerg.role == "Inhaber"
    assert joerg.tags == ("Kunden", "Netzwerk") and joerg.notes == "Trifft man auf der Messe"
    assert joerg.linkedin == "https://www.linkedin.com/in/joerg-weiss"
    assert joerg.phone == "+49 30 1234567"
    assert people["Sabine Krüger"].phone == "+49 170 000000"
    assert "Ünal Yildiz" in people  # the short row
    assert "Ohne Namen GmbH" in people  # the long row
    assert counts(db)["contacts"] == 4


def test_outlook_english(tmp_path):
    db = tmp_path / "n.db"
    run_import(db, "outlook-csv", fixture("outlook", "outlook_english.csv"))
    people = contacts(db)
    assert people["Grace Liu"].notes == "Met at the career fair, booth 12"
    assert people["Grace Liu"].phone == "+1 415 555 0199"
    assert people["Tom Baker"].emails == ("tom.baker@example.org",)


def test_wrong_kind_of_csv_is_refused(tmp_path):
    db = tmp_path / "n.db"
    result = run_import(db, "outlook-csv", fixture("google", "google_contacts_legacy.csv"))
    assert_clean_failure(result, 1)
    assert "an Outlook contacts CSV export" in result.stderr
    result = run_import(db, "google-csv", fixture("outlook", "outlook_german.csv"))
    assert_clean_failure(result, 1)


def test_importing_twice_changes_nothing(tmp_path):
    db = tmp_path / "n.db"
    for args in (("google-csv", fixture("google", "google_contacts_legacy.csv"), fixture("google", "google_contacts_current.csv")),
                 ("outlook-csv", fixture("outlook", "outlook_german.csv"), fixture("outlook", "outlook_english.csv"))):
        run_import(db, *args)
    first, before = counts(db), contacts(db)
    run_import(db, "google-csv", fixture("google", "google_contacts_legacy.csv"), fixture("google", "google_contacts_current.csv"))
    run_import(db, "outlook-csv", fixture("outlook", "outlook_german.csv"), fixture("outlook", "outlook_english.csv"))
    assert counts(db) == first and contacts(db) == before
