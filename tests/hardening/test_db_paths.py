"""Database paths that can't be used: one sentence, exit 1 (or 2 for a bad --db), no
traceback, the file unchanged and nothing left behind. Run through the real entry point."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from ..helpers import at_version
from .helpers import HERE, assert_clean_failure, env_without_db, run_netpace, seed, snapshot
from .robustness_report import record

# test_zz_report_paths, last, reports what the others recorded here: one worker runs them all, in order.
pytestmark = pytest.mark.xdist_group("db-paths")

# Every `log` here must be refused by the database, so its time only has to pass the check
# "not in the future" on any machine's clock: a moment relative to that clock, unlike NOW_TEXT.
WRITE_AT = "1h ago"

RESULTS: dict[str, bool] = {}


def check(label, ran, code, *words):
    assert_clean_failure(ran.code, ran.out, ran.err, code, *words)
    RESULTS[label] = True


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_text_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Dear diary,\n" * 200)
    before = path.read_bytes()
    for args in (["list"], ["add", "Someone"], ["backup"]):
        check("a text file", run_netpace(["--db", str(path), *args]), 1, "not a netpace database")
    assert path.read_bytes() == before and listing(tmp_path) == ["notes.txt"]


def test_a_directory(tmp_path):
    check("a directory", run_netpace(["--db", str(tmp_path), "add", "Someone"]), 1, "folder")
    assert listing(tmp_path) == []


def test_a_newer_netpace(seeded):
    with sqlite3.connect(seeded) as conn:
        for statement in at_version(42):
            conn.execute(statement)
    conn.close()
    before = seeded.read_bytes()
    check("from a newer netpace", run_netpace(["--db", str(seeded), "log", "Ann Lee", "--out", "--at", WRITE_AT]), 1,
          "newer netpace")
    assert seeded.read_bytes() == before and listing(seeded.parent) == ["netpace.db"]


def test_another_programs_sqlite_file(tmp_path):
    path = tmp_path / "music.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
        conn.execute("PRAGMA user_version = 3")  # other programs use user_version too
    conn.close()
    before = path.read_bytes()
    check("a non-netpace SQLite file", run_netpace(["--db", str(path), "add", "X"]), 1, "not a netpace one")
    assert path.read_bytes() == before and listing(tmp_path) == ["music.db"]


def test_a_locked_database(seeded):
    """Another connection holds the write lock beyond the busy timeout."""
    before = snapshot(seeded)
    holder = sqlite3.connect(seeded, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE contact SET company = 'uncommitted' WHERE id = 1")
    try:
        env = env_without_db()
        base = [sys.executable, "-c", "from netpace.cli import main; main()", "--db", str(seeded)]
        writer = subprocess.Popen(base + ["log", "Ann Lee", "--out", "--at", WRITE_AT], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=env)
        reader = subprocess.Popen(base + ["list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, env=env)
        w_out, w_err = writer.communicate(timeout=60)
        r_out, r_err = reader.communicate(timeout=60)
    finally:
        holder.rollback()
        holder.close()
    from .helpers import Ran

    check("locked by another writer", Ran(writer.returncode, w_out, w_err), 1, "locked")
    assert reader.returncode == 0 and "Ann Lee" in r_out  # reading still works (WAL)
    assert snapshot(seeded) == before


def test_a_folder_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    check("folder can't be created", run_netpace(["--db", str(blocker / "sub" / "n.db"), "add", "X"]), 1,
          "can't create")
    assert listing(tmp_path) == ["file-not-folder"]


@pytest.fixture
def shared_dir():
    """A folder an unprivileged user can reach (pytest's tmp folders are 0700 root)."""
    folder = Path(tempfile.mkdtemp(prefix="netpace-perm-"))
    os.chmod(folder, 0o755)
    yield folder
    for path in folder.rglob("*"):
        os.chmod(path, 0o700)
    shutil.rmtree(folder)


def as_user(args, env=None):
    from .helpers import Ran

    done = subprocess.run([sys.executable, str(HERE / "as_user.py"), *args], capture_output=True,
                          text=True, env=env or env_without_db(), timeout=60)
    return Ran(done.returncode, done.stdout, done.stderr)


def test_unreadable_database(shared_dir):
    db = shared_dir / "netpace.db"
    seed(db)
    os.chmod(db, 0o000)
    before = (db.stat().st_size, db.stat().st_mtime_ns)
    # Through --db and through NETPACE_DB alike.
    check("unreadable (chmod 000)", as_user(["--db", str(db), "list"]), 1, "can't read")
    check("unreadable (chmod 000)", as_user(["list"], env_without_db(NETPACE_DB=str(db))), 1, "can't read")
    assert (db.stat().st_size, db.stat().st_mtime_ns) == before
    assert listing(shared_dir) == ["netpace.db"]


def test_read_only_folder_and_file(shared_dir):
    """What a read-only filesystem looks like to an unprivileged process."""
    folder = shared_dir / "data"
    folder.mkdir()
    db = folder / "netpace.db"
    seed(db)
    os.chmod(db, 0o444)
    os.chmod(folder, 0o555)
    before = db.read_bytes()
    for args in (["list"], ["log", "Ann Lee", "--out", "--at", WRITE_AT], ["add", "New"]):
        ran = as_user(["--db", str(db), *args])
        check("read-only folder and file", ran, 1, "read-only") if "read-only" in ran.err else \
            check("read-only folder and file", ran, 1, "netpace can't open")
    check("new database in a read-only folder", as_user(["--db", str(folder / "new.db"), "add", "X"]), 1,
          "permission denied")
    assert db.read_bytes() == before and listing(folder) == ["netpace.db"]


def _mount_read_only_tmpfs(where: Path) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(where)], capture_output=True)
    return done.returncode == 0


def test_read_only_filesystem(tmp_path):
    """A real read-only mount where the environment allows one (root with CAP_SYS_ADMIN);
    elsewhere the permission-based test above stands in, and the report says so."""
    where = tmp_path / "mnt"
    where.mkdir()
    if not _mount_read_only_tmpfs(where):
        record("bad database path", "read-only filesystem (real ro mount)", 0, 0,
               "not possible here (no root/CAP_SYS_ADMIN); see read-only folder test")
        assert not any(where.iterdir())
        return
    try:
        db = where / "netpace.db"
        seed(db)
        subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)
        for args in (["list"], ["log", "Ann Lee", "--out", "--at", WRITE_AT], ["backup"]):
            ran = run_netpace(["--db", str(db), *args])
            assert_clean_failure(ran.code, ran.out, ran.err, 1)
            assert any(w in ran.err for w in ("read-only", "can't open", "Can't write", "can't open"))
        check("read-only filesystem (ro mount)", run_netpace(["--db", str(where / "n2.db"), "add", "X"]), 1,
              "read-only file system")
        assert listing(where) == ["netpace.db"]
    finally:
        subprocess.run(["umount", str(where)], capture_output=True)


def test_zz_report_paths():
    record("bad database path", "text file, folder, newer, foreign, locked, unreadable, read-only, "
           "uncreatable folder", len(RESULTS), sum(RESULTS.values()),
           "one sentence, exit 1/2, file unchanged, nothing left behind; unprivileged cases run as uid 65534")
    assert len(RESULTS) >= 9
