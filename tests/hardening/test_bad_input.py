"""Bad input through the command line: a clear message, the right exit code, nothing
half-written, nothing that can steer the terminal."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from netpace.cli import cli

from .helpers import assert_clean_failure, count, snapshot
from .robustness_report import record

HOSTILE = "\x1b]2;pwned\x07[bold]Bob[/] \x1b[31mRed\x1b[0m \x9b2J[$accent]x\x00\x07"


def invoke(db, *args):
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


REFUSED = {
    "empty name": (["add", ""], "needs a name"),
    "blank name": (["add", "   \t  "], "needs a name"),
    "name of only escape sequences": (["add", "\x1b[31m\x1b]0;x\x07\x00"], "needs a name"),
    "name too long": (["add", "x" * 301], "the most netpace keeps"),
    "note too long": (["add", "Long Note", "--note", "n" * 200_001], "at most"),
    "keep-in-touch zero": (["add", "Kit", "--keep-in-touch", "0"], "keep-in-touch"),
    "keep-in-touch not a number": (["add", "Kit", "--keep-in-touch", "often"], "keep-in-touch"),
    "unknown met-via": (["add", "Met", "--met-via", "party"], "met-via"),
    "invalid met-on date": (["add", "Met", "--met-on", "2025-02-30"], "not a date"),
    "future met-on date": (["add", "Met", "--met-on", "in 3d"], "future"),
    "met-on in year 1": (["add", "Met", "--met-on", "0001-01-01"], "not a date"),
    "log without direction": (["log", "Ann Lee"], "--out, --in or --both"),
    "unknown channel": (["log", "Ann Lee", "--out", "--channel", "fax"], "channel"),
    "unknown kind": (["log", "Ann Lee", "--out", "--kind", "bribe"], "kind"),
    "invalid --at date": (["log", "Ann Lee", "--out", "--at", "2025-13-01"], "not a time"),
    "--at gibberish": (["log", "Ann Lee", "--out", "--at", "last tuesdayish"], "not a time"),
    "--at in the future": (["log", "Ann Lee", "--out", "--at", "2999-01-01"], "future"),
    "--at absurdly long ago": (["log", "Ann Lee", "--out", "--at", "999999d ago"], "not a time"),
    "--now gibberish": (["show", "Ann Lee", "--now", "soon"], "not a time"),
    "--now overflowing": (["triage", "--now", "999999mo ago"], "not a time"),
    "ambiguous name": (["log", "Same Name", "--out"], "matches 2 contacts"),
    "unknown name": (["log", "Nobody Here", "--out"], "no contact matches"),
    "empty name to log": (["log", "", "--out"], "no contact matches"),
    "NUL-only name to show": (["show", "\x00"], "no contact matches"),
    "unknown id": (["show", "#999"], "no contact matches"),
    "unknown command": (["frobnicate"], "no such command"),
    "unknown option": (["list", "--colour"], "no such option"),
    "extra arguments with escapes": (["add", "A", "B", "\x1b[2J"], "unexpected extra"),
}


@pytest.mark.parametrize("label", list(REFUSED))
def test_refused_cleanly_and_nothing_written(unchanged, label):
    args, words = REFUSED[label]
    code, out, err = invoke(unchanged, *args)
    assert_clean_failure(code, out, err, 2, words)


def test_refusal_count_for_the_report(unchanged):
    survived = 0
    for args, words in REFUSED.values():
        code, out, err = invoke(unchanged, *args)
        assert_clean_failure(code, out, err, 2, words)
        survived += 1
    record("bad input", "refused CLI inputs (blank names, bad dates, unknown values, ...)",
           len(REFUSED), survived, "exit 2, one sentence, database unchanged")


def test_two_contacts_with_one_name_are_told_apart_and_the_id_works(seeded):
    code, out, err = invoke(seeded, "log", "same name", "--in")
    assert code == 2 and "Traceback" not in err
    assert "Same Name (#2, First Co)" in err and "Same Name (#3, Second Co)" in err
    assert "number" in err
    assert count(seeded) == 2
    code, out, err = invoke(seeded, "log", "3", "--in", "--note", "thanks!")
    assert code == 0, err
    assert count(seeded, "SELECT COUNT(*) FROM interaction WHERE contact_id = 3 AND note = 'thanks!'") == 1
    code, out, err = invoke(seeded, "show", "#2")
    assert code == 0 and "First Co" in out
    code, out, err = invoke(seeded, "add", "Same Name")
    assert code == 0  # a third one is allowed
    assert count(seeded, "SELECT COUNT(*) FROM contact WHERE name = 'Same Name'") == 3


def test_markup_and_escape_sequences_are_stored_clean_and_printed_literally(db):
    code, out, err = invoke(db, "add", HOSTILE, "--company", "\x1b[5mBlink Inc", "--note",
                            "line one\nline two \x1b[1mbold?\x1b[0m [red]not red[/]", "--tag", "\x1b[7mtag")
    assert code == 0, err
    conn = sqlite3.connect(db)
    name, company, notes, tags = conn.execute("SELECT name, company, notes, tags FROM contact").fetchone()
    conn.close()
    assert name == "[bold]Bob[/] Red [$accent]x"
    assert company == "Blink Inc" and tags == '["tag"]'
    assert notes == "line one\nline two bold? [red]not red[/]"
    for raw in (name, company, notes):
        assert not any(ord(ch) < 32 and ch not in "\n\t" or 0x7F <= ord(ch) <= 0x9F for ch in raw)
    code, out, err = invoke(db, "log", "[bold]Bob", "--out", "--note", "hi \x1b]8;;http://x\x07link\x1b]8;;\x07")
    assert code == 0, err
    for args in (["list"], ["show", "1"], ["show", "1", "--json"], ["triage", "--all"], ["list", "--json"]):
        code, out, err = invoke(db, *args)
        assert code == 0, err
        assert "\x1b" not in out + err and "\x9b" not in out + err
        assert "[bold]Bob[/]" in out


def test_escape_sequences_written_by_another_program_are_not_printed(seeded):
    conn = sqlite3.connect(seeded)
    conn.execute("UPDATE contact SET name = ?, notes = ? WHERE id = 1", ("Ann\x1b[2J Lee", "\x1b]0;owned\x07note"))
    conn.execute("UPDATE interaction SET note = ?", ("\x1b[31mred",))
    conn.commit()
    conn.close()
    for args in (["list"], ["show", "1"], ["show", "1", "--json"], ["triage", "--all", "--json"]):
        code, out, err = invoke(seeded, *args)
        assert code == 0, err
        assert "\x1b" not in out and "Ann Lee" in out.replace("\\u001b[2J", "")


def test_a_100_kb_note_is_accepted_whole_and_shown(db):
    note = ("A long note about the project we discussed. " * 2400)[:100_000]
    assert invoke(db, "add", "Long Talker", "--note", note)[0] == 0
    for _ in range(3):
        assert invoke(db, "log", "Long Talker", "--both", "--note", note)[0] == 0
    conn = sqlite3.connect(db)
    lengths = [r[0] for r in conn.execute("SELECT length(note) FROM interaction")]
    stored = conn.execute("SELECT notes FROM contact").fetchone()[0]
    conn.close()
    assert lengths == [100_000] * 3 and stored == note
    code, out, err = invoke(db, "show", "Long Talker")
    assert code == 0 and note in out.replace("\n         ", "\n")
    assert max(len(line) for line in out.splitlines()[5:] if line.startswith("  <->")) < 200  # timeline clipped
    code, out, err = invoke(db, "show", "Long Talker", "--json")
    assert code == 0 and out.count(note) == 4


def test_nul_bytes_are_removed_not_stored(db):
    assert invoke(db, "add", "Nu\x00ll Person", "--note", "a\x00b")[0] == 0
    assert invoke(db, "log", "Null Person", "--in", "--note", "x\x00y")[0] == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT name, notes FROM contact").fetchone() == ("Null Person", "ab")
    assert conn.execute("SELECT note FROM interaction").fetchone() == ("xy",)
    conn.close()


def test_unknown_values_from_code_are_validation_errors(seeded):
    """Importers pass plain strings: an unknown one is a ValidationError, not a crash."""
    from netpace.domain.model import Interaction
    from netpace.store import ValidationError, open_store

    from .helpers import seed_now

    before = snapshot(seeded)
    now = seed_now()
    with open_store(seeded) as store:
        for field, value in (("channel", "fax"), ("kind", "bribe"), ("direction", "sideways")):
            values = {"direction": "out", "channel": "email", "kind": "update", field: value}
            with pytest.raises(ValidationError, match=value):
                store.log(1, Interaction(at=now, **values), now)
    assert snapshot(seeded) == before
