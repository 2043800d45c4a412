"""netpace backup / restore and auto_backup: consistent copies, checked restores."""

from __future__ import annotations

import sqlite3
import stat

import pytest
from click.testing import CliRunner

from netpace.cli import cli
from netpace.domain.model import Contact
from netpace.store import StoreError, open_store
from netpace.store.backups import KEEP_PER_REASON, auto_backup, backups_folder, inspect_backup
from netpace.store.migrations import latest_version

from ..helpers import at_version, sqlite_file
from .helpers import assert_clean_failure, count, integrity, seed_now, snapshot
from .robustness_report import record


def invoke(db, *args):
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_backup_default_location_is_private_and_consistent(seeded):
    code, out, err = invoke(seeded, "backup")
    assert code == 0, err
    made = list(backups_folder(seeded).glob("netpace-*.db"))
    assert len(made) == 1 and str(made[0]) in out
    assert mode(made[0]) == 0o600 and mode(made[0].parent) == 0o700
    assert integrity(made[0]) == "ok"
    assert snapshot(made[0]) == snapshot(seeded)
    assert not list(made[0].parent.glob(".*partial*"))  # no temporary file left


def test_backup_out_file_and_refuses_to_overwrite(seeded, tmp_path):
    target = tmp_path / "elsewhere" / "copy.db"
    code, out, err = invoke(seeded, "backup", "--out", str(target))
    assert code == 0, err
    assert snapshot(target) == snapshot(seeded) and mode(target) == 0o600
    before = target.read_bytes()
    code, out, err = invoke(seeded, "backup", "--out", str(target))
    assert_clean_failure(code, out, err, 2, "already exists")
    assert target.read_bytes() == before


def test_backup_while_another_connection_writes_uncommitted(seeded, tmp_path):
    other = sqlite3.connect(seeded)
    other.execute("BEGIN IMMEDIATE")
    other.execute("DELETE FROM interaction")  # not committed: the backup must not see it
    try:
        code, out, err = invoke(seeded, "backup", "--out", str(tmp_path / "b.db"))
    finally:
        other.rollback()
        other.close()
    assert code == 0, err
    assert count(tmp_path / "b.db") == 2


def test_restore_round_trip_saves_the_replaced_database(seeded, tmp_path):
    saved = tmp_path / "saved.db"
    assert invoke(seeded, "backup", "--out", str(saved))[0] == 0
    original = snapshot(seeded)
    assert invoke(seeded, "add", "Added Later")[0] == 0
    changed = snapshot(seeded)
    code, out, err = invoke(seeded, "restore", str(saved))
    assert code == 0, err
    assert "Restored 3 contacts and 2 interactions" in out
    assert snapshot(seeded) == original
    previous = list(backups_folder(seeded).glob("netpace-restore-*.db"))
    assert len(previous) == 1 and snapshot(previous[0]) == changed
    assert integrity(seeded) == "ok"
    conn = sqlite3.connect(seeded)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_restore_is_seen_by_a_connection_that_stays_open(seeded, tmp_path):
    saved = tmp_path / "saved.db"
    assert invoke(seeded, "backup", "--out", str(saved))[0] == 0
    with open_store(seeded) as store:  # e.g. the TUI, open all along
        store.add_contact(Contact(name="Gone After Restore"), seed_now())
        assert len(store.contacts()) == 4
        assert invoke(seeded, "restore", str(saved))[0] == 0
        assert [c.name for c in store.contacts()] == ["Ann Lee", "Same Name", "Same Name"]
    assert integrity(seeded) == "ok"


def test_restore_into_a_missing_database_creates_it_private(seeded, tmp_path):
    target = tmp_path / "fresh" / "netpace.db"
    code, out, err = invoke(target, "restore", str(seeded))
    assert code == 0, err
    assert snapshot(target) == snapshot(seeded)
    assert mode(target) == 0o600 and mode(target.parent) == 0o700


def _bad_backups(tmp_path, seeded):
    text = tmp_path / "notes.txt"
    text.write_text("just some text\n" * 100)
    folder = tmp_path / "afolder"
    folder.mkdir()
    foreign = sqlite_file(tmp_path / "foreign.db", "CREATE TABLE songs (title TEXT)")
    newer = tmp_path / "newer.db"
    newer.write_bytes(seeded.read_bytes())
    sqlite_file(newer, *at_version(999))
    damaged = tmp_path / "damaged.db"
    data = bytearray(seeded.read_bytes())
    for offset in range(4096, len(data), 4096):  # break every page header but the first
        data[offset: offset + 12] = b"\x07" * 12
    damaged.write_bytes(bytes(data))
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(seeded.read_bytes()[:5000])
    return {
        "a text file": (text, "not an sqlite"),
        "a folder": (folder, "folder"),
        "a missing file": (tmp_path / "nope.db", "no file"),
        "another program's SQLite file": (foreign, "not a netpace"),
        "a newer netpace's backup": (newer, "newer netpace"),
        "a damaged backup": (damaged, "damaged"),
        "a truncated backup": (truncated, "damaged"),
    }


def test_restore_refuses_bad_files_and_changes_nothing(seeded, tmp_path):
    before = snapshot(seeded)
    cases = _bad_backups(tmp_path, seeded)
    refused = 0
    for label, (path, words) in cases.items():
        code, out, err = invoke(seeded, "restore", str(path))
        assert_clean_failure(code, out, err, 1, words)
        assert snapshot(seeded) == before, label
        assert not backups_folder(seeded).exists(), label  # nothing saved, nothing staged
        assert [p.name for p in seeded.parent.iterdir()] == ["netpace.db"], label
        refused += 1
    record("backups", "restore refused bad files (text, folder, missing, foreign, newer, damaged, truncated)",
           len(cases), refused, "database unchanged each time")


def test_restore_of_the_database_onto_itself_is_refused(unchanged):
    code, out, err = invoke(unchanged, "restore", str(unchanged))
    assert_clean_failure(code, out, err, 1, "is the database itself")


def test_restore_over_a_damaged_database_keeps_its_bytes(seeded, tmp_path):
    saved = tmp_path / "saved.db"
    assert invoke(seeded, "backup", "--out", str(saved))[0] == 0
    garbage = b"this was a database once" * 500
    seeded.write_bytes(garbage)
    code, out, err = invoke(seeded, "restore", str(saved))
    assert code == 0, err
    assert snapshot(seeded) == snapshot(saved)
    kept = list(backups_folder(seeded).glob("netpace-damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == garbage


def test_auto_backup_keeps_the_last_few_per_reason(seeded):
    made = []
    for _ in range(KEEP_PER_REASON + 3):
        made.append(auto_backup(seeded, "import"))
    other = auto_backup(seeded, "restore")
    folder = backups_folder(seeded)
    kept = sorted(folder.glob("netpace-import-*.db"))
    assert kept == made[-KEEP_PER_REASON:]
    assert other.exists()  # other reasons are pruned separately
    for path in kept:
        assert snapshot(path) == snapshot(seeded) and stat.S_IMODE(path.stat().st_mode) == 0o600


def test_auto_backup_of_an_open_store_and_of_nothing(seeded, tmp_path):
    with open_store(seeded) as store:
        made = auto_backup(store, "import")
    assert snapshot(made) == snapshot(seeded)
    assert auto_backup(tmp_path / "missing.db", "import") is None
    with pytest.raises(ValueError):
        auto_backup(seeded, "../escape")


def test_inspect_backup_reports_counts(seeded):
    info = inspect_backup(seeded)
    assert (info.version, info.contacts, info.interactions) == (latest_version(), 3, 2)
    with pytest.raises(StoreError):
        inspect_backup(seeded.parent)


def test_backup_modules_never_import_textual():
    import subprocess
    import sys

    code = ("import sys, netpace.store.backups, netpace.cli.maintenance, netpace.cli;"
            "print('textual' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
