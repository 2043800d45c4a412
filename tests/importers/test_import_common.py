"""What every format shares: matching, merging, one transaction, dry runs, errors."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from rich.console import Console

from netpace.cli.progress import TerminalProgress
from netpace.domain.identity import email_key, linkedin_key, normalize_linkedin
from netpace.domain.model import Contact, Direction, Interaction
from netpace.importers import runner
from netpace.importers.records import ContactRecord, Person
from netpace.store import StoreError, open_store
from netpace.store.store import Store

from ..transfer_support import assert_clean_failure, contacts, counts, fixture, run_import

UTC = timezone.utc

ONE_FILE_PER_FORMAT = [
    ("linkedin-connections", ("linkedin", "Connections_current.csv"), ()),
    ("linkedin-messages", ("linkedin", "messages_current.csv"), ()),
    ("vcard", ("vcard", "ezvcard_gmail-single2.vcf"), ()),
    ("google-csv", ("google", "google_contacts_legacy.csv"), ()),
    ("outlook-csv", ("outlook", "outlook_german.csv"), ()),
    ("mbox", ("mail", "personal.mbox"), ("--me", "sam@patel.example")),
    ("maildir", ("mail", "maildir_staktrace"), ("--me", "test.foobar@example.com")),
    ("ics", ("ics", "meetings.ics"), ("--me", "sam@patel.example")),
]


@pytest.mark.parametrize(("format", "parts", "options"), ONE_FILE_PER_FORMAT)
def test_dry_run_writes_nothing_in_any_format(tmp_path, format, parts, options):
    db = tmp_path / "n.db"
    result = run_import(db, format, "--dry-run", *options, fixture(*parts))
    assert result.exit_code == 0, result.output
    assert "Dry run: nothing was written." in result.stdout
    assert not db.exists()
    with open_store(db) as store:
        store.add_contact(Contact(name="Someone"), datetime(2026, 1, 1, tzinfo=UTC))
    before = counts(db)
    assert run_import(db, format, "--dry-run", *options, fixture(*parts)).exit_code == 0
    assert counts(db) == before


def test_dry_run_on_an_older_schema_refuses_rather_than_upgrade(tmp_path):
    """--dry-run writes nothing: not even the schema upgrade (and its backup) that any
    other command would make first."""
    from netpace.store.migrations import latest_version

    from ..helpers import at_version, sqlite_file

    db = tmp_path / "old.db"
    with open_store(db) as store:
        store.add_contact(Contact(name="Someone"), datetime(2026, 1, 1, tzinfo=UTC))
    sqlite_file(db, *at_version(latest_version() - 1))
    before, files = db.read_bytes(), sorted(tmp_path.rglob("*"))
    result = run_import(db, "vcard", "--dry-run", fixture("vcard", "ezvcard_John_Doe_ANDROID.vcf"))
    assert result.exit_code == 1
    assert "was written by an older netpace, and --dry-run writes nothing" in result.output
    assert db.read_bytes() == before and sorted(tmp_path.rglob("*")) == files  # no upgrade, no backup
    assert run_import(db, "vcard", fixture("vcard", "ezvcard_John_Doe_ANDROID.vcf")).exit_code == 0  # upgrades


@pytest.mark.parametrize(("format", "parts", "options"), ONE_FILE_PER_FORMAT)
def test_dry_run_reports_what_a_real_import_does(tmp_path, format, parts, options):
    db = tmp_path / "n.db"
    dry = run_import(db, format, "--dry-run", *options, fixture(*parts)).stdout
    real = run_import(db, format, *options, fixture(*parts)).stdout
    assert dry.replace(" would be", "").replace(" Dry run: nothing was written.", "") == real


def test_unknown_format_is_a_usage_error(tmp_path):
    result = run_import(tmp_path / "n.db", "myspace", fixture("google", "google_contacts_legacy.csv"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "myspace" in result.output


def test_a_missing_file_says_why_and_the_others_still_import(tmp_path):
    db = tmp_path / "n.db"
    missing = tmp_path / "nope.csv"
    result = run_import(db, "linkedin-connections", missing, fixture("linkedin", "Connections_2018.csv"))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"netpace: Can't read {missing}: there is no such file."
    assert counts(db)["contacts"] == 3


def test_a_folder_instead_of_a_file(tmp_path):
    result = run_import(tmp_path / "n.db", "vcard", tmp_path)
    assert_clean_failure(result, 1)
    assert "it is a folder" in result.stderr


def test_a_database_error_while_writing_rolls_the_whole_file_back(tmp_path, monkeypatch):
    db = tmp_path / "n.db"

    def broken(self, pairs, now):
        raise StoreError("The disk is full: simulated.")

    monkeypatch.setattr(Store, "add_interactions_to", broken)
    result = run_import(db, "mbox", "--me", "sam@patel.example", fixture("mail", "personal.mbox"))
    assert_clean_failure(result, 1)
    assert "simulated" in result.stderr
    assert counts(db) == {"contacts": 0, "emails": 0, "interactions": 0}  # contacts were rolled back too


def test_a_reader_bug_becomes_one_sentence_and_writes_nothing(tmp_path, monkeypatch):
    def buggy(path, options, progress):
        yield ContactRecord(Person(name="Written before the bug"), 1)
        raise KeyError("boom")

    monkeypatch.setitem(runner.READERS, "vcard", buggy)
    db = tmp_path / "n.db"
    result = run_import(db, "vcard", fixture("vcard", "truncated_last.vcf"))
    assert_clean_failure(result, 1)
    assert "failed unexpectedly (KeyError" in result.stderr and "nothing from it was saved" in result.stderr
    assert counts(db)["contacts"] == 0


def test_an_ambiguous_name_is_skipped_not_guessed(tmp_path):
    db = tmp_path / "n.db"
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with open_store(db) as store:
        store.add_contact(Contact(name="Helen Marsh", company="A"), now)
        store.add_contact(Contact(name="Helen Marsh", company="B"), now)
    path = fixture("linkedin", "Connections_2018.csv")
    result = run_import(db, "linkedin-connections", path)
    assert f"{path}:2: the name 'Helen Marsh' matches 2 contacts; can't tell which" in result.stdout
    assert counts(db)["contacts"] == 4


def test_same_name_with_another_profile_url_is_someone_else(tmp_path):
    db = tmp_path / "n.db"
    with open_store(db) as store:
        store.add_contact(Contact(name="Jonas Weber", linkedin="https://www.linkedin.com/in/jonas-weber-chef"),
                          datetime(2026, 1, 1, tzinfo=UTC))
    run_import(db, "linkedin-connections", fixture("linkedin", "Connections_current.csv"))
    with open_store(db) as store:
        urls = sorted(c.linkedin for c in store.contacts() if c.name == "Jonas Weber")
    assert urls == ["https://www.linkedin.com/in/jonas-weber-chef", "https://www.linkedin.com/in/jonas-weber-dev"]


def test_hostile_text_is_cleaned_before_it_is_stored(tmp_path):
    db = tmp_path / "n.db"
    path = tmp_path / "Connections.csv"
    path.write_bytes(
        b"First Name,Last Name,Company,Connected On\n"
        b"\x1b]2;pwned\x07Eve,\x1b[31mEvil\x1b[0m,[bold]Acme[/]\xc2\x9b2J,02 Jun 2022\n"
    )
    assert run_import(db, "linkedin-connections", path).exit_code == 0
    (eve,) = contacts(db).values()
    assert eve.name == "Eve Evil" and eve.company == "[bold]Acme[/]"


def test_merging_fills_gaps_adds_emails_and_tags_and_keeps_what_you_wrote(tmp_path):
    db = tmp_path / "n.db"
    with open_store(db) as store:
        store.add_contact(Contact(name="Nadia H.", emails=("n.haddad@example.org",), company="Old Co",
                                  tags=("friends",)), datetime(2026, 1, 1, tzinfo=UTC))
    result = run_import(db, "google-csv", fixture("google", "google_contacts_legacy.csv"))
    assert "1 merged" in result.stdout
    nadia = contacts(db)["Nadia H."]
    assert nadia.company == "Old Co" and nadia.role == "Staff Engineer"
    assert nadia.emails == ("n.haddad@example.org", "nadia@haddad.example", "nadia.h@example.net")
    assert nadia.tags == ("friends", "Networking")


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    result = run_import(tmp_path / "n.db", "vcard", fixture("vcard", "ezvcard_John_Doe_ANDROID.vcf"))
    assert "\r" not in result.stderr and "[#" not in result.stderr


def test_terminal_progress_shows_the_file_share_and_time_left_and_clears_itself():
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, color_system=None, width=100)
    bar = TerminalProgress(stream, console=console, auto_refresh=False)
    bar.start("Reading \x1b[31m[bold]evil.vcf", 4)
    bar.advance()
    bar.advance()
    bar.finish()
    text = stream.getvalue()
    assert "\x1b[31m" not in text and "Reading [bold]evil.vcf " in text  # data, not markup or control
    assert " 50% " in text and "0:00:" in text  # the share done and the time left, drawn when it stops
    assert text.endswith("\x1b[1A\x1b[2K")  # then the bar's line is erased: gone when done
    bar.start("Writing", 0)  # a second stage (no total: a pulsing bar) draws again
    bar.finish()
    assert stream.getvalue()[len(text):].count("Writing") >= 1


def test_store_bulk_writes(tmp_path):
    now = datetime(2026, 6, 1, tzinfo=UTC)
    with open_store(tmp_path / "n.db") as store:
        created = datetime(2020, 1, 1, tzinfo=UTC)
        ids = store.add_contacts([Contact(name="A", emails=("A@x.example",), created_at=created), Contact(name="B")], now)
        assert [c.name for c in store.contacts()] == ["A", "B"]
        assert store.contact(ids[0]).created_at == created and store.contact(ids[0]).emails == ("a@x.example",)
        later = now + timedelta(days=1)
        store.add_interactions([Interaction(at=now, direction=Direction.IN, contact_id=ids[1], source="mail",
                                            external_id="<1@x>")], later)
        assert store.contact(ids[1]).updated_at == later
        assert store.external_keys() == {("mail", "<1@x>")}
        assert store.has_external_id("mail", "<1@x>") and not store.has_external_id("ics", "<1@x>")
        store.update_contacts([Contact(id=ids[1], name="B", emails=("b@x.example",))], later)
        assert store.find_by_email("b@x.example").id == ids[1]


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("https://www.linkedin.com/in/maren-okafor-4a1b2c", "https://www.linkedin.com/in/maren-okafor-4a1b2c"),
        ("HTTP://DE.LinkedIn.com/in/Maren-Okafor/?trk=x#top", "https://www.linkedin.com/in/Maren-Okafor"),
        ("linkedin.com/in/aoife-o%E2%80%99sullivan-77/", "https://www.linkedin.com/in/aoife-o\u2019sullivan-77"),
        ("https://example.com/in/x", ""),
        ("https://www.linkedin.com/company/acme", ""),
        ("not a url", ""),
    ],
)
def test_linkedin_urls_are_normalised(url, normal):
    assert normalize_linkedin(url) == normal


def test_linkedin_keys_ignore_case_and_emails_are_lower_case():
    assert linkedin_key("https://www.linkedin.com/in/Maren/") == linkedin_key("linkedin.com/in/maren")
    assert email_key(" MAILTO:Ruth@Ekwueme.Example ") == "ruth@ekwueme.example"
    assert email_key("urn:li:member:664293716") == ""


def test_store_importers_and_exporters_never_import_textual():
    code = (
        "import sys, netpace.store, netpace.importers, netpace.exporters, netpace.cli.transfer;"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if m.startswith('textual'))"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_command_choices_match_the_formats_implemented():
    from netpace import exporters, importers
    from netpace.cli.transfer import export_command
    from netpace.domain.formats import IMPORT_FORMATS, IMPORT_NAMES

    # `netpace import [FORMAT] PATH...` takes every name of the table; each has its reader
    # (the whole LinkedIn export its own), and the importers take exactly those.
    assert importers.ALL_FORMATS == IMPORT_NAMES
    assert importers.FORMATS == tuple(importers.runner.READERS) == tuple(f.name for f in IMPORT_FORMATS if not f.bundle)
    assert set(IMPORT_NAMES) - set(importers.FORMATS) == {importers.LINKEDIN_EXPORT}
    assert tuple(export_command.params[0].type.choices) == exporters.FORMATS


def test_registering_the_commands_loads_no_importer():
    code = (
        "import sys, netpace.cli.transfer;"
        "heavy = [m for m in ('vobject', 'icalendar', 'netpace.importers', 'netpace.exporters', 'peewee')"
        " if m in sys.modules]; assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_reason_many_rows_share_is_said_once_with_its_first_lines(tmp_path):
    from pathlib import Path

    from netpace.importers.merge import Outcome
    from netpace.importers.records import Skip
    from netpace.importers.report import FIRST_FEW, ONE_BY_ONE, describe

    drafts = [Skip(line, "a draft (never sent)") for line in range(10, 10 + 3 * (ONE_BY_ONE + 1), 3)]
    few = [Skip(line, "in the Spam folder") for line in (4, 40)]
    result = runner.FileResult(Path("messages.csv"))
    result.outcome = Outcome(skips=[*drafts, *few])
    lines = describe(result)
    # Two of one reason: one line each, in file order; the drafts: one line, where the first was.
    assert lines[:-1] == [
        "  messages.csv:4: in the Spam folder",
        f"  messages.csv: {len(drafts)} skipped, a draft (never sent) (lines "
        f"{', '.join(str(s.where) for s in drafts[:FIRST_FEW])} and {len(drafts) - FIRST_FEW} more)",
        "  messages.csv:40: in the Spam folder",
    ]
    assert lines[-1].endswith(f"{len(drafts) + 2} skipped.")
    # Exactly ONE_BY_ONE of a reason are still each on a line of their own.
    result.outcome = Outcome(skips=drafts[:ONE_BY_ONE])
    assert len(describe(result)) == ONE_BY_ONE + 1



def test_a_shared_reason_at_places_other_than_lines_says_at(tmp_path):
    from pathlib import Path

    from netpace.importers.merge import Outcome
    from netpace.importers.records import Skip
    from netpace.importers.report import ONE_BY_ONE, describe

    same = [Skip(line, "the name matches 2 contacts") for line in range(1, ONE_BY_ONE + 2)]
    result = runner.FileResult(Path("contacts.csv"))
    result.outcome = Outcome(skips=[*same, Skip("the merge", "the name matches 2 contacts")])
    assert describe(result)[0] == (f"  contacts.csv: {len(same) + 1} skipped, the name matches 2 contacts "
                                   "(at 1, 2, 3, 4, 5 and 2 more)")
    result.outcome = Outcome(skips=same)
    assert "(lines 1, 2, 3, 4, 5 and 1 more)" in describe(result)[0]
