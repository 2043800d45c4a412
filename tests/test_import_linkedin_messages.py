"""LinkedIn messages: directions, matching by profile URL only, skipped rows."""

from __future__ import annotations

from datetime import datetime, timezone

from netpace.domain.model import Contact
from netpace.importers.linkedin_messages import display_name
from netpace.store import open_store

from .transfer_support import assert_clean_failure, contacts, counts, fixture, interactions, run_import

UTC = timezone.utc


def test_current_form_directions_and_skips(tmp_path):
    db = tmp_path / "n.db"
    path = fixture("linkedin", "messages_current.csv")
    result = run_import(db, "linkedin-messages", path)
    assert result.exit_code == 0, result.output
    rows = interactions(db)
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
        # kinds read from the words (domain.message_kinds), else reply / update
        ("Maren Okafor", "out", "intro", datetime(2026, 11, 15, 9, 14, 55, tzinfo=UTC)),
        ("Maren Okafor", "in", "intro", datetime(2026, 11, 20, 16, 2, 11, tzinfo=UTC)),
        ("Priya Natarajan", "out", "give", datetime(2026, 6, 30, 9, 5, tzinfo=UTC)),
        ("Priya Natarajan", "in", "thanks", datetime(2026, 7, 1, 14, 45, tzinfo=UTC)),
        ("Tobias Lindqvist", "out", "ask", datetime(2026, 10, 7, 8, 30, tzinfo=UTC)),
        ("Tobias Lindqvist", "out", "update", datetime(2026, 10, 7, 8, 31, 10, tzinfo=UTC)),
        ("Tobias Lindqvist", "out", "follow_up", datetime(2026, 10, 28, 12, 0, 3, tzinfo=UTC)),
    ]
    assert all(r[2] == "linkedin" for r in rows)
    assert "Alex Rivera" not in contacts(db)  # the owner is you, not a contact
    assert contacts(db)["Maren Okafor"].linkedin == "https://www.linkedin.com/in/maren-okafor-4a1b2c"
    assert f"{path}:7: a sponsored message" in result.stdout
    assert f"{path}:8: a system message (no sender)" in result.stdout
    assert "3 contacts added" in result.stdout and "7 interactions added" in result.stdout


def test_people_are_matched_by_profile_url_never_by_display_name(tmp_path):
    db = tmp_path / "n.db"
    now = datetime(2026, 12, 1, tzinfo=UTC)
    with open_store(db) as store:
        store.add_contact(Contact(name="Maren Okafor"), now)  # same name, no URL: can't be sure it's her
        store.add_contact(Contact(name="T. Lindqvist", linkedin="https://www.linkedin.com/in/Tobias-Lindqvist/"), now)
    run_import(db, "linkedin-messages", fixture("linkedin", "messages_current.csv"))
    marens = sorted((c.linkedin for c in open_contacts(db) if c.name == "Maren Okafor"))
    assert marens == ["", "https://www.linkedin.com/in/maren-okafor-4a1b2c"]
    names = [row[0] for row in interactions(db)]
    assert names.count("T. Lindqvist") == 3  # matched by URL despite the other name
    assert "Tobias Lindqvist" not in names


def test_messages_attach_to_connections_imported_before(tmp_path):
    db = tmp_path / "n.db"
    run_import(db, "linkedin-connections", fixture("linkedin", "Connections_current.csv"))
    before = counts(db)["contacts"]
    result = run_import(db, "linkedin-messages", fixture("linkedin", "messages_current.csv"))
    assert "0 contacts added" in result.stdout
    assert counts(db)["contacts"] == before
    assert {row[0] for row in interactions(db)} == {"Maren Okafor", "Priya Natarajan", "Tobias Lindqvist, MSc, PMP"}


def test_me_option_names_your_profile(tmp_path):
    db = tmp_path / "n.db"
    result = run_import(db, "linkedin-messages", "--me", "linkedin.com/in/alex-rivera-pm/",
                        fixture("linkedin", "messages_current.csv"))
    assert result.exit_code == 0
    assert [r[1] for r in interactions(db) if r[0] == "Maren Okafor"] == ["out", "in"]


def test_2021_form_finds_the_owner_and_skips_unknown_recipients(tmp_path):
    db = tmp_path / "n.db"
    path = fixture("linkedin", "messages_2021.csv")
    result = run_import(db, "linkedin-messages", path)
    assert result.exit_code == 0, result.output
    assert [(r[0], r[1], r[5]) for r in interactions(db)] == [
        ("Noor Haddad", "in", "Thanks for connecting."),
        ("Noor Haddad", "out", "Likewise!"),
        ("Ruth Ekwueme", "out", "Hi Ruth, could we talk about the platform team?"),
        ("Ruth Ekwueme", "in", "Sounds good, talk Tuesday."),
    ]
    assert f"{path}:4: sent by you, but the recipient's profile URL is not in the file" in result.stdout
    assert f"{path}:7: a sponsored message" in result.stdout
    assert "Sam Patel" not in contacts(db)


def test_2018_form_uses_the_direction_column_and_unescapes_html(tmp_path):
    db = tmp_path / "n.db"
    run_import(db, "linkedin-connections", fixture("linkedin", "Connections_2018.csv"))
    path = fixture("linkedin", "Messages_2018.csv")
    result = run_import(db, "linkedin-messages", path)
    assert result.exit_code == 0, result.output
    rows = interactions(db)
    # "would value your view" is an ask; "happy to help" a give
    assert [(r[0], r[1], r[3]) for r in rows] == [("Helen Marsh", "out", "ask"), ("Helen Marsh", "in", "give")]
    incoming = rows[1]
    assert incoming[5] == ("Re: Logistics roles: Hi Alex, thanks for reaching out \u2013 happy to help. "
                           "Let\u2019s talk Friday.")
    assert rows[0][4].replace(tzinfo=None) == datetime(2018, 10, 15, 17, 2)
    assert f"{path}:4: no subject and no text" in result.stdout
    assert counts(db)["contacts"] == 3  # Helen was matched, not added


def test_owner_that_cannot_be_told_is_a_usage_error(tmp_path):
    db = tmp_path / "n.db"
    path = tmp_path / "messages.csv"
    path.write_text(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
        "c1,,Ann Lee,https://www.linkedin.com/in/ann-lee,Bo Chen,https://www.linkedin.com/in/bo-chen,"
        "2024-01-01 10:00:00 UTC,,Hello,INBOX\n",
        encoding="utf-8",
    )
    result = run_import(db, "linkedin-messages", path)
    assert_clean_failure(result, 2)
    assert "--me" in result.stderr
    assert counts(db)["interactions"] == 0


def test_importing_twice_changes_nothing(tmp_path):
    db = tmp_path / "n.db"
    files = [fixture("linkedin", "messages_current.csv"), fixture("linkedin", "messages_2021.csv"),
             fixture("linkedin", "Messages_2018.csv")]
    for path in files:
        assert run_import(db, "linkedin-messages", path).exit_code == 0
    first = counts(db)
    for path in files:
        result = run_import(db, "linkedin-messages", path)
        assert "0 interactions added" in result.stdout
    assert counts(db) == first


def test_display_names_lose_their_headline():
    assert display_name("Alex Rivera - Product Manager | Fintech") == "Alex Rivera"
    assert display_name("Jean-Luc Picard") == "Jean-Luc Picard"
    assert display_name("Ana Lima | Hiring") == "Ana Lima"


def open_contacts(db):
    with open_store(db) as store:
        return store.contacts()
