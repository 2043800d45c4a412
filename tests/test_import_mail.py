"""mbox, .eml and Maildir: conversations with you, everything else skipped with a reason."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.parser import BytesHeaderParser
from email.policy import compat32

from netpace.importers.mail import message_date
from netpace.importers.mbox import separator_date

from .transfer_support import assert_clean_failure, contacts, counts, fixture, interactions, run_import

UTC = timezone.utc
ME = ("--me", "sam@patel.example", "--me", "SAM.PATEL@work.example")


def test_personal_mbox(tmp_path):
    db = tmp_path / "n.db"
    path = fixture("mail", "personal.mbox")
    result = run_import(db, "mbox", *ME, path)
    assert result.exit_code == 0, result.output
    rows = [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in interactions(db)]
    assert rows == [
        ("Jörg Weiß", "out", "email", "update", datetime(2021, 3, 1, 8, 0, tzinfo=UTC), "Coffee next week?"),
        ("Jörg Weiß", "in", "email", "reply", datetime(2021, 3, 2, 9, 30, tzinfo=UTC), "Re: Coffee next week?"),
        ("Noor Haddad", "in", "email", "update", datetime(2021, 3, 4, 12, 0, tzinfo=UTC), "Intro"),  # Received
        # "Would you have ten minutes?" in the body: an ask.
        ("Priya Natarajan", "out", "email", "ask", datetime(2021, 3, 7, 12, 0, tzinfo=UTC), "Quick question"),
        ("Ruth Ekwueme", "out", "email", "update", datetime(2021, 3, 1, 8, 0, tzinfo=UTC), "Coffee next week?"),
        ("Ruth Ekwueme", "in", "email", "update", datetime(2021, 3, 3, 8, 15, tzinfo=UTC), "Thursday works"),  # separator
    ]
    assert contacts(db)["Ruth Ekwueme"].emails == ("ruth@ekwueme.example",)  # Cc had upper case
    out = result.stdout
    for line, reason in [
        (38, "no usable date (Date: 'not a date')"),
        (46, "mailing list or newsletter"),
        (55, "bulk mail (Precedence: bulk)"),
        (64, "from a no-reply sender (no-reply@jobs.example)"),
        (81, "only your own addresses are on it"),
        (89, "neither from nor to you (is --me complete?)"),
    ]:
        assert f"{path}:{line}: {reason}" in out
    assert "4 contacts added" in out and "6 interactions added, 1 already there; 6 skipped." in out


def test_mail_needs_me_and_writes_nothing_without_it(tmp_path):
    db = tmp_path / "n.db"
    result = run_import(db, "mbox", fixture("mail", "personal.mbox"))
    assert_clean_failure(result, 2)
    assert "--me" in result.stderr
    assert not db.exists()
    assert_clean_failure(run_import(db, "maildir", fixture("mail", "maildir_staktrace")), 2)


def test_importing_twice_changes_nothing(tmp_path):
    db = tmp_path / "n.db"
    run_import(db, "mbox", *ME, fixture("mail", "personal.mbox"), fixture("mail", "crlf.mbox"))
    first = counts(db)
    result = run_import(db, "mbox", *ME, fixture("mail", "personal.mbox"), fixture("mail", "crlf.mbox"))
    assert counts(db) == first
    assert "0 interactions added, 7 already there" in result.stdout


def test_crlf_mbox_and_matching_an_existing_contact_by_address(tmp_path):
    db = tmp_path / "n.db"
    run_import(db, "outlook-csv", fixture("outlook", "outlook_english.csv"))
    result = run_import(db, "mbox", "--me", "sam@patel.example", fixture("mail", "crlf.mbox"))
    assert result.exit_code == 0
    assert "0 contacts added" in result.stdout
    assert [(r[0], r[1]) for r in interactions(db)] == [("Grace Liu", "out"), ("Grace Liu", "in")]


def test_single_eml_files(tmp_path):
    db = tmp_path / "n.db"
    weird = fixture("mail", "rubymail_weird_to_header.eml")
    no_date = fixture("mail", "rubymail_multiple_references_with_one_invalid.eml")
    result = run_import(db, "mbox", "--me", "e-s-a-s-2200@app.ar.com", weird, no_date)
    assert result.exit_code == 0, result.output
    rows = interactions(db)
    assert [(r[0], r[1], r[4]) for r in rows] == [
        ("anonymous@i.tp.host", "in", datetime(2010, 10, 15, 3, 25, 6, tzinfo=UTC))
    ]
    assert rows[0][5] == "(no subject)"
    assert f"{no_date}:1: no date anywhere in the message" in result.stdout


def test_bad_date_header_falls_back_to_received():
    raw = fixture("mail", "rubymail_bad_date_header2.eml").read_bytes()
    message = BytesHeaderParser(policy=compat32).parsebytes(raw)
    moment, used = message_date(message, None)
    assert used == "received"
    assert moment == datetime(2010, 12, 14, 22, 59, 10, tzinfo=timezone(timedelta(hours=-8)))


def test_newsletter_with_bad_date_is_skipped_as_bulk_not_crashed_on(tmp_path):
    db = tmp_path / "n.db"
    path = fixture("mail", "rubymail_bad_date_header2.eml")
    result = run_import(db, "mbox", "--me", "someone@live.com", path)
    assert result.exit_code == 0
    assert f"{path}:1: bulk mail" in result.stdout
    assert counts(db)["interactions"] == 0


def test_maildir(tmp_path):
    db = tmp_path / "n.db"
    path = fixture("mail", "maildir_staktrace")
    result = run_import(db, "maildir", "--me", "test.foobar@example.com", path)
    assert result.exit_code == 0, result.output
    assert [(r[0], r[1], r[4]) for r in interactions(db)] == [
        ("Kartikaya Gupta", "in", datetime(2016, 5, 21, 22, 8, 25, tzinfo=UTC)),
        ("Kartikaya Gupta", "in", datetime(2016, 5, 22, 18, 16, 50, tzinfo=UTC)),
    ]
    assert contacts(db)["Kartikaya Gupta"].emails == ("example@example.com",)


def test_the_same_message_in_an_mbox_and_a_maildir_is_imported_once(tmp_path):
    maildir = tmp_path / "Mail"
    (maildir / "cur").mkdir(parents=True)
    (maildir / "new").mkdir()
    raw = fixture("mail", "crlf.mbox").read_bytes().split(b"\r\n\r\nFrom ")[0]
    (maildir / "cur" / "1617613200.M1P1.host:2,S").write_bytes(raw.split(b"\r\n", 1)[1])
    db = tmp_path / "n.db"
    run_import(db, "maildir", "--me", "sam@patel.example", maildir)
    result = run_import(db, "mbox", "--me", "sam@patel.example", fixture("mail", "crlf.mbox"))
    assert "1 interaction added, 1 already there" in result.stdout


def test_a_folder_that_is_not_a_maildir(tmp_path):
    db = tmp_path / "n.db"
    result = run_import(db, "maildir", "--me", "a@b.example", tmp_path)
    assert_clean_failure(result, 1)
    assert "is not a Maildir" in result.stderr


def test_binary_file_is_not_mail(tmp_path):
    junk = tmp_path / "archive.mbox"
    junk.write_bytes(b"\x00\x01\x02 not mail at all\n\xff\xfe")
    assert_clean_failure(run_import(tmp_path / "n.db", "mbox", "--me", "a@b.example", junk), 1)


def test_separator_dates():
    assert separator_date(b"From a@b  Wed Dec 15 06:59:10 2010\n") == datetime(2010, 12, 15, 6, 59, 10, tzinfo=UTC)
    assert separator_date(b"From \n") is None
    assert separator_date(b"From x Wed Feb 31 06:59:10 2010\n") is None


def _message(message_id: str, date: str, sender: bytes, subject: bytes = b"Hi") -> bytes:
    return (b"From x Mon Mar  1 09:00:00 2021\nFrom: " + sender + b"\nTo: sam@patel.example\nSubject: " + subject
            + b"\nDate: " + date.encode() + b"\nMessage-ID: " + message_id.encode() + b"\n\nbody\n\n")


def test_colliding_message_ids_of_different_messages_are_both_kept(tmp_path):
    mbox = tmp_path / "collide.mbox"
    mbox.write_bytes(
        _message("<same@id>", "Mon, 1 Mar 2021 09:00:00 +0000", b"Ann <ann@example.com>")
        + _message("<same@id>", "Tue, 2 Mar 2021 09:00:00 +0000", b"Ann <ann@example.com>")
        + _message("<same@id>", "Mon, 1 Mar 2021 09:00:00 +0000", b"Ann <ann@example.com>")  # a true copy
    )
    db = tmp_path / "n.db"
    result = run_import(db, "mbox", "--me", "sam@patel.example", mbox)
    assert "2 interactions added, 1 already there" in result.stdout


def test_raw_8bit_headers_are_decoded_not_crashed_on(tmp_path):
    mbox = tmp_path / "latin1.mbox"
    mbox.write_bytes(_message("<l@id>", "Mon, 1 Mar 2021 09:00:00 +0000", "Zoë Brandt <zoe@example.com>".encode("cp1252"),
                              subject="Grüße".encode("utf-8")))
    db = tmp_path / "n.db"
    assert run_import(db, "mbox", "--me", "sam@patel.example", mbox).exit_code == 0
    assert interactions(db)[0][0] == "Zoë Brandt" and interactions(db)[0][5] == "Grüße"
