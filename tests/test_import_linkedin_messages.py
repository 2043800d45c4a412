"""LinkedIn messages: directions, kinds from the words, matching by profile URL (and, for
your messages to someone whose URL the file lacks, by conversation or exact name), skipped
rows."""

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
    # Kinds from the words ("great meeting you", "meet Jonas (cc'd)", "Thanks for the intro",
    # "Would you be open to", "following up"), else a reply after their message or an update.
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
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
    assert (f"{path}: you are https://www.linkedin.com/in/alex-rivera-pm, the profile in the most conversations "
            "(--me overrides this).") in result.stdout
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


def test_2021_form_finds_the_owner_and_skips_a_recipient_it_cannot_name(tmp_path):
    db = tmp_path / "n.db"
    path = fixture("linkedin", "messages_2021.csv")
    result = run_import(db, "linkedin-messages", path)
    assert result.exit_code == 0, result.output
    # Your message to Ruth names her only in TO: it goes to the conversation's other side.
    assert [(r[0], r[1], r[5]) for r in interactions(db)] == [
        ("Noor Haddad", "in", "Thanks for connecting."),
        ("Noor Haddad", "out", "Likewise!"),
        ("Ruth Ekwueme", "out", "Hi Ruth, could we talk about the platform team?"),
        ("Ruth Ekwueme", "in", "Sounds good, talk Tuesday."),
    ]
    # Liam never answered and is no contact: nothing says who he is.
    assert (f"{path}:4: none of your contacts is named \"Liam O'Neill\", and the file has no profile URL "
            "or address for them") in result.stdout
    assert f"{path}:7: a sponsored message" in result.stdout
    assert "Sam Patel" not in contacts(db)
    assert "Liam O'Neill" not in contacts(db)


def test_2021_message_to_someone_who_never_answered_goes_to_the_contact_with_that_name(tmp_path):
    db = tmp_path / "n.db"
    now = datetime(2021, 3, 10, tzinfo=UTC)
    with open_store(db) as store:
        liam = store.add_contact(Contact(name="Liam O'Neill", company="Harbor & Finch"), now)
    result = run_import(db, "linkedin-messages", fixture("linkedin", "messages_2021.csv"))
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        items = store.interactions(liam.id)
        assert [(i.direction.value, i.kind.value, i.note, i.group) for i in items] == [
            ("out", "give", "Congrats on the new role!", False)
        ]
        assert len([c for c in store.contacts() if c.name == "Liam O'Neill"]) == 1
    assert "1 skipped" in result.stdout  # only the sponsored row


def test_a_name_two_contacts_share_is_skipped_with_the_reason(tmp_path):
    db = tmp_path / "n.db"
    now = datetime(2021, 3, 10, tzinfo=UTC)
    with open_store(db) as store:
        store.add_contact(Contact(name="Liam O'Neill", linkedin="https://www.linkedin.com/in/liam-oneill-7"), now)
        store.add_contact(Contact(name="liam o'neill", linkedin="https://www.linkedin.com/in/liam-oneill-cork"), now)
    path = fixture("linkedin", "messages_2021.csv")
    result = run_import(db, "linkedin-messages", path)
    assert result.exit_code == 0, result.output
    assert f"{path}:4: the name \"Liam O'Neill\" matches 2 contacts; can't tell which" in result.stdout
    with open_store(db) as store:
        assert all(not store.interactions(c.id) for c in store.contacts() if c.name.casefold() == "liam o'neill")


def test_2018_form_uses_the_direction_column_and_unescapes_html(tmp_path):
    db = tmp_path / "n.db"
    run_import(db, "linkedin-connections", fixture("linkedin", "Connections_2018.csv"))
    path = fixture("linkedin", "Messages_2018.csv")
    result = run_import(db, "linkedin-messages", path)
    assert result.exit_code == 0, result.output
    rows = interactions(db)
    # "would value your view" is an ask and "happy to help" a give; the 2018 form's "Re:"
    # alone would say reply.
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
