"""Correcting anything from the command line: contacts edited, deleted, merged, snoozed,
archived and woken; one set of rules for what is typed; the defects of daily use (two
directions at once, ties at the same moment, read-only commands on a missing database,
imports that can't start, exports to a missing folder, every error as netpace's)."""

import json
import sqlite3

import pytest
from click.testing import CliRunner

from netpace.cli import cli
from netpace.clock import now_from
from netpace.store.backups import backups_folder

from ..transfer_support import fixture

NOW_TEXT = "2026-11-30 09:00"


@pytest.fixture
def clock(monkeypatch):
    """netpace's clock stopped at NOW_TEXT (the commands without --now read it)."""
    fixed = now_from(NOW_TEXT)
    monkeypatch.setattr("netpace.clock.local_now", lambda: fixed)
    return fixed


@pytest.fixture
def run(db_path, clock):
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(cli, ["--db", str(db_path), *args], input=input, catch_exceptions=False)

    return invoke


def rows(db_path, sql, *params):
    with sqlite3.connect(db_path) as raw:
        found = raw.execute(sql, params).fetchall()
    raw.close()
    return found


def shown(run, name):
    result = run("show", name, "--now", NOW_TEXT, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# -- interactions ------------------------------------------------------------------------
def test_in_and_out_together_are_refused_not_silently_out(run, db_path):
    run("add", "Maren Holt")
    for args in (("--in", "--out"), ("--out", "--both"), ("--in", "--out", "--both")):
        result = run("log", "Maren", *args)
        assert result.exit_code == 2 and result.stderr.startswith("netpace: --")
        assert "contradict each other" in result.stderr
    assert rows(db_path, "SELECT COUNT(*) FROM interaction") == [(0,)]
    run("log", "Maren", "--out")
    (wanted,) = rows(db_path, "SELECT id FROM interaction")[0]
    assert run("interaction", "edit", str(wanted), "--in", "--out").exit_code == 2
    assert rows(db_path, "SELECT direction FROM interaction") == [("out",)]


def test_two_interactions_at_the_same_moment_the_later_logged_counts_as_later(run):
    run("add", "Maren Holt")
    assert run("log", "Maren", "--in", "--at", "2026-11-28").exit_code == 0
    assert shown(run, "Maren")["verdict"] == "reply_owed"
    assert run("log", "Maren", "--out", "--at", "2026-11-28").exit_code == 0
    assert shown(run, "Maren")["verdict"] != "reply_owed"


# -- contacts: edit ------------------------------------------------------------------------
def test_edit_changes_only_the_options_given(run, db_path):
    run("add", "Maren Holt", "--company", "Nordlys", "--role", "CTO", "--email", "maren@nordlys.example",
        "--tag", "platform", "--keep-in-touch", "60", "--note", "Knows everyone")
    result = run("edit", "maren", "--role", "Head of Platform", "--email", "mh@new.example", "--email",
                 "maren@nordlys.example", "--keep-in-touch", "off")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Saved Maren Holt (#1)."
    assert rows(db_path, "SELECT name, company, role, tags, notes, keep_in_touch_days FROM contact") == [
        ("Maren Holt", "Nordlys", "Head of Platform", '["platform"]', "Knows everyone", None)]
    assert rows(db_path, "SELECT address FROM email ORDER BY position") == [
        ("mh@new.example",), ("maren@nordlys.example",)]
    assert run("edit", "maren", "--company", "", "--name", "Maren Holt-Berg").exit_code == 0
    assert rows(db_path, "SELECT name, company FROM contact") == [("Maren Holt-Berg", "")]


def test_edit_with_nothing_to_change_or_a_bad_value_changes_nothing(run, db_path):
    run("add", "Maren Holt", "--email", "maren@nordlys.example")
    before = rows(db_path, "SELECT * FROM contact") + rows(db_path, "SELECT * FROM email")
    for args, words in ((("edit", "maren"), "Say what to change"),
                        (("edit", "maren", "--email", "maren.nordlys"), "is not an e-mail address"),
                        (("edit", "maren", "--phone", "call me"), "is not a phone number"),
                        (("edit", "maren", "--linkedin", "https://example.com/maren"), "not a LinkedIn profile URL"),
                        (("edit", "maren", "--keep-in-touch", "often"), "--keep-in-touch"),
                        (("edit", "maren", "--name", "  "), "needs a name"),
                        (("edit", "nobody", "--role", "x"), "No contact matches")):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("netpace: ") and words in result.stderr, result.stderr
    assert rows(db_path, "SELECT * FROM contact") + rows(db_path, "SELECT * FROM email") == before


def test_add_checks_what_was_typed_and_keeps_the_canonical_forms(run, db_path):
    for args, words in ((("--email", "not-an-address"), "is not an e-mail address"),
                        (("--phone", "555-CALL-NOW"), "is not a phone number"),
                        (("--linkedin", "https://www.linkedin.com/company/nordlys"), "not a LinkedIn profile URL")):
        result = run("add", "Maren Holt", *args)
        assert result.exit_code == 2 and words in result.stderr, result.output
    assert run("add", "---").exit_code == 2
    assert not db_path.exists()  # refused before the database was opened, let alone made
    ok = run("add", "Maren Holt", "--email", "Maren@Nordlys.Example", "--phone", "+47 22 33 44 55 x12",
             "--linkedin", "de.linkedin.com/in/maren-holt/?trk=abc")
    assert ok.exit_code == 0, ok.output
    assert rows(db_path, "SELECT phone, linkedin FROM contact") == [
        ("+47 22 33 44 55 x12", "https://www.linkedin.com/in/maren-holt")]
    assert rows(db_path, "SELECT address FROM email") == [("maren@nordlys.example",)]


def test_a_second_contact_of_the_same_name_is_added_with_a_warning_naming_the_first(run, db_path):
    run("add", "Maren Holt", "--company", "Nordlys")
    second = run("add", "maren holt")
    assert second.exit_code == 0
    assert second.stdout.strip() == "Added maren holt (#2)."
    assert second.stderr.strip() == ("netpace: warning: Maren Holt (#1, Nordlys) has the same name: "
                                     "use the number to tell them apart.")
    assert rows(db_path, "SELECT COUNT(*) FROM contact") == [(2,)]
    renamed = run("add", "Ann Lee")
    assert renamed.stderr == ""
    assert "has the same name" in run("edit", "Ann", "--name", "Maren Holt").stderr


# -- contacts: delete --------------------------------------------------------------------
def test_delete_asks_first_and_takes_everything_of_theirs(run, db_path):
    run("add", "Maren Holt", "--email", "maren@nordlys.example")
    run("add", "Ann Lee")
    run("log", "Maren", "--out", "--at", "2d ago")
    run("log", "Maren", "--in", "--at", "1d ago")
    run("log", "Ann", "--out", "--at", "1d ago")
    declined = run("delete", "Maren", input="n\n")
    assert declined.exit_code == 0 and "Delete Maren Holt (#1) and 2 interactions" in declined.output
    assert "Nothing was deleted." in declined.output
    unanswered = run("delete", "Maren", input="")
    assert unanswered.exit_code == 1 and "nothing was deleted" in unanswered.stderr
    assert rows(db_path, "SELECT COUNT(*) FROM contact") == [(2,)]
    done = run("delete", "Maren", input="y\n")
    assert done.exit_code == 0 and "Deleted Maren Holt (#1) and 2 interactions." in done.output
    assert rows(db_path, "SELECT name FROM contact") == [("Ann Lee",)]
    assert rows(db_path, "SELECT COUNT(*) FROM interaction") == [(1,)]
    assert rows(db_path, "SELECT COUNT(*) FROM email") == [(0,)]
    assert run("delete", "Ann", "--yes").output.strip() == "Deleted Ann Lee (#2) and 1 interaction."
    assert rows(db_path, "SELECT COUNT(*) FROM contact") == [(0,)]


# -- contacts: merge ----------------------------------------------------------------------
def test_merge_moves_everything_of_other_to_name_and_keeps_a_shared_meeting_once(run, db_path):
    run("add", "Maren Holt", "--company", "Nordlys", "--email", "maren@nordlys.example", "--tag", "platform",
        "--note", "Met at the Berlin meetup")
    run("add", "M. Holt", "--role", "CTO", "--email", "mh@home.example", "--email", "maren@nordlys.example",
        "--tag", "hiring", "--phone", "+47 22 33 44 55", "--note", "Prefers calls")
    for name, args in (("Maren Holt", ("--out", "--at", "5d ago", "--note", "intro")),
                       ("Maren Holt", ("--both", "--at", "2026-11-27 15:00", "--channel", "video", "--kind",
                                       "meeting", "--note", "Sync")),
                       ("M. Holt", ("--both", "--at", "2026-11-27 15:00", "--channel", "video", "--kind",
                                    "meeting", "--note", "Sync")),
                       ("M. Holt", ("--in", "--at", "1d ago", "--note", "Thanks!"))):
        assert run("log", name, *args).exit_code == 0
    before = {row[0]: row[1] for row in rows(db_path, "SELECT id, contact_id FROM interaction")}
    result = run("merge", "Maren Holt", "M. Holt")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == ("Merged M. Holt (#2) into Maren Holt (#1): 1 interaction moved, "
                                     "1 already there.")
    assert rows(db_path, "SELECT id, name, company, role, phone, tags, notes FROM contact") == [
        (1, "Maren Holt", "Nordlys", "CTO", "+47 22 33 44 55", '["platform", "hiring"]',
         "Met at the Berlin meetup\n\nPrefers calls")]
    assert rows(db_path, "SELECT address FROM email WHERE contact_id = 1 ORDER BY position") == [
        ("maren@nordlys.example",), ("mh@home.example",)]
    after = rows(db_path, "SELECT note, contact_id FROM interaction ORDER BY at")
    assert after == [("intro", 1), ("Sync", 1), ("Thanks!", 1)]
    assert len(before) == 4 and rows(db_path, "SELECT COUNT(*) FROM email") == [(2,)]
    assert shown(run, "Maren")["verdict"] == "reply_owed"  # their thanks, now on the kept contact


def test_merge_refuses_a_contact_with_itself_and_unknown_names(run, db_path):
    run("add", "Maren Holt")
    same = run("merge", "Maren", "#1")
    assert same.exit_code == 2 and "are the same contact" in same.stderr
    assert run("merge", "Maren", "Nobody").exit_code == 2
    assert rows(db_path, "SELECT COUNT(*) FROM contact") == [(1,)]


# -- snooze, archive, wake ------------------------------------------------------------------
def test_snooze_archive_and_wake(run, db_path):
    run("add", "Maren Holt")
    run("log", "Maren", "--in", "--at", "1d ago")
    assert run("snooze", "Maren", "--until", "in 1w").output.strip() == "Snoozed Maren Holt until Mon 7 Dec."
    assert rows(db_path, "SELECT status, snoozed_until FROM contact") == [("snoozed", "2026-12-07")]
    queue = json.loads(run("triage", "--now", NOW_TEXT, "--json").output)
    assert queue == []
    assert run("snooze", "Maren", "--until", "today").exit_code == 2
    assert run("snooze", "Maren", "--until", "someday").exit_code == 2
    assert run("archive", "Maren").output.strip() == "Archived Maren Holt."
    assert rows(db_path, "SELECT status, snoozed_until FROM contact") == [("archived", None)]
    assert run("wake", "Maren").output.strip() == "Maren Holt is active again."
    assert rows(db_path, "SELECT status FROM contact") == [("active",)]
    assert run("wake", "Maren").output.strip() == "Maren Holt is not snoozed or archived."
    assert [d["name"] for d in json.loads(run("triage", "--now", NOW_TEXT, "--json").output)] == ["Maren Holt"]


# -- a database that isn't there -----------------------------------------------------------
@pytest.mark.parametrize("args", [("list",), ("show", "Maren"), ("triage",), ("export", "json"),
                                  ("budget",), ("log", "Maren", "--out"), ("edit", "Maren", "--role", "x"),
                                  ("delete", "Maren", "--yes"), ("wake", "Maren")])
def test_a_command_on_a_missing_database_says_so_and_creates_nothing(tmp_path, clock, args):
    folder = tmp_path / "not-yet"
    result = CliRunner().invoke(cli, ["--db", str(folder / "netpace.db"), *args])
    assert result.exit_code == 1, result.output
    assert result.stderr.strip() == (f"netpace: There is no netpace database at {folder / 'netpace.db'} "
                                     "(`netpace add NAME` or `netpace import` starts one).")
    assert not folder.exists()


def test_only_commands_that_write_create_the_database(tmp_path, clock):
    for args in (("add", "Maren Holt"), ("budget", "3")):
        db = tmp_path / args[0] / "netpace.db"
        assert CliRunner().invoke(cli, ["--db", str(db), *args]).exit_code == 0
        assert db.is_file()


# -- imports and exports ------------------------------------------------------------------
def test_an_import_that_cannot_start_takes_no_backup_and_creates_nothing(tmp_path, clock):
    runner = CliRunner()
    fresh = tmp_path / "fresh" / "netpace.db"
    missing = runner.invoke(cli, ["--db", str(fresh), "import", "vcard", str(tmp_path / "nope.vcf")])
    assert missing.exit_code == 1 and missing.stderr.startswith("netpace: Can't read")
    wrong = runner.invoke(cli, ["--db", str(fresh), "import", "linkedin-connections", str(fixture("vcard", "ezvcard_gmail-single2.vcf"))])
    assert wrong.exit_code == 1 and "look like a LinkedIn Connections.csv" in wrong.stderr
    assert not fresh.parent.exists()

    db = tmp_path / "netpace.db"
    connections = str(fixture("linkedin", "Connections_2018.csv"))
    assert runner.invoke(cli, ["--db", str(db), "import", "linkedin-connections", connections]).exit_code == 0
    assert list(backups_folder(db).glob("*import*")) == []  # a new database: nothing to back up
    for args in (("vcard", str(tmp_path / "nope.vcf")), ("linkedin-connections", str(fixture("vcard", "ezvcard_gmail-single2.vcf"))),
                 ("linkedin-connections", connections)):  # the last one brings nothing new
        runner.invoke(cli, ["--db", str(db), "import", *args])
        assert list(backups_folder(db).glob("*import*")) == []
    again = runner.invoke(cli, ["--db", str(db), "import", "vcard", str(fixture("vcard", "ezvcard_gmail-single2.vcf"))])
    assert again.exit_code == 0 and len(list(backups_folder(db).glob("*import*"))) == 1


def test_import_counts_every_contact_the_file_names(tmp_path, clock):
    db = tmp_path / "netpace.db"
    runner = CliRunner()
    messages = str(fixture("linkedin", "messages_current.csv"))
    first = runner.invoke(cli, ["--db", str(db), "import", "linkedin-messages", messages])
    assert first.exit_code == 0, first.output
    with sqlite3.connect(db) as raw:
        people = raw.execute("SELECT COUNT(*) FROM contact").fetchone()[0]
    raw.close()
    assert f"{people} contacts added, 0 merged, 0 unchanged" in first.stdout
    again = runner.invoke(cli, ["--db", str(db), "import", "linkedin-messages", messages])
    assert f"0 contacts added, 0 merged, {people} unchanged" in again.stdout


def test_export_to_a_missing_folder_names_the_folder(run, tmp_path):
    run("add", "Maren Holt")
    target = tmp_path / "no" / "such" / "folder" / "out.json"
    result = run("export", "json", "--out", str(target))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"netpace: Can't write {target}: there is no folder {target.parent}."
    assert not (tmp_path / "no").exists()


def test_click_usage_errors_read_as_netpaces(run):
    for args, words in ((("frobnicate",), "No such command 'frobnicate'."),
                        (("list", "--colour"), "No such option '--colour'."),
                        (("interaction", "edit"), "Missing argument 'ID'.")):
        result = run(*args)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"netpace: {words}"), result.stderr
        assert "Usage:" not in result.output and "Error:" not in result.output
