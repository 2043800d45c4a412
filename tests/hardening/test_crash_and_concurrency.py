"""SIGKILL in the middle of logging, and two writers at once: nothing lost, nothing corrupt."""

from __future__ import annotations

import sqlite3
import subprocess

import pytest

from .helpers import HERE, NOW_TEXT, PYTHON, count, current_child, integrity, run_and_kill
from .robustness_report import record

pytestmark = pytest.mark.slow

TOTAL = 1_000


def notes_and_ids(db) -> tuple[set[int], set[str]]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT id, note FROM interaction").fetchall()
    finally:
        conn.close()
    return {r[0] for r in rows}, {r[1] for r in rows}


def test_sigkill_while_logging_1000_interactions_through_the_store(seeded, rng):
    kill_at = rng.randint(150, 700)  # somewhere in the middle, different each run (seed printed on failure)
    done = run_and_kill([PYTHON, str(HERE / "writer.py"), str(seeded), "1", str(TOTAL), "crash", NOW_TEXT],
                        kill_after=[kill_at])
    assert done.killed == 1 and done.returncode == -9
    printed = {int(line) for line in done.lines}
    assert kill_at <= len(printed) < TOTAL
    assert integrity(seeded) == "ok"
    ids, _ = notes_and_ids(seeded)
    missing = printed - ids
    assert not missing
    record("crash", f"SIGKILL while logging {TOTAL} interactions (store, one transaction each)", 1,
           1 if not missing else 0,
           f"killed after {len(printed)} committed; all {len(printed)} present, integrity_check ok")


CLI_LOOP = """
i=0
while [ $i -lt "$COUNT" ]; do
  "$PYTHON" -c 'from netpace.cli import main; main()' --db "$DB" log 1 --out --at "$AT" --note "cli-$i" >/dev/null 2>&1 \\
    && echo "$i"
  i=$((i + 1))
done
"""


def test_sigkill_of_the_running_netpace_log_in_a_shell_loop(seeded, rng):
    """The shell prints i only after `netpace log` returned 0: that entry must survive."""
    count_ = 30
    kills = [4, 10, 17, 24]
    env = {"PYTHON": PYTHON, "DB": str(seeded), "COUNT": str(count_), "PATH": "/usr/bin:/bin", "AT": NOW_TEXT}
    done = run_and_kill(["/bin/sh", "-c", CLI_LOOP], kill_after=kills, target=current_child, env=env,
                        pause=rng.uniform(0.0, 0.15))
    assert done.returncode == 0  # the loop itself ran to the end
    returned = {f"cli-{line}" for line in done.lines}
    assert integrity(seeded) == "ok"
    _, notes = notes_and_ids(seeded)
    assert returned <= notes
    assert done.killed == len(kills) and len(returned) < count_
    record("crash", f"SIGKILL of the running `netpace log` in a loop of {count_} CLI calls",
           done.killed, done.killed if returned <= notes else 0,
           f"{len(returned)} calls returned, all present; integrity_check ok")


def test_two_writers_at_once_through_the_store(seeded):
    per_writer = 200
    procs = [subprocess.Popen([PYTHON, str(HERE / "writer.py"), str(seeded), "1", str(per_writer), f"w{n}", NOW_TEXT],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in (1, 2)]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
    ids = [int(x) for out, _ in outputs for x in out.split()]
    assert len(ids) == len(set(ids)) == 2 * per_writer
    assert integrity(seeded) == "ok"
    _, notes = notes_and_ids(seeded)
    assert {f"w{n}-{i}" for n in (1, 2) for i in range(per_writer)} <= notes
    assert count(seeded) == 2 + 2 * per_writer
    record("concurrency", f"2 store writers x {per_writer} interactions at once", 2 * per_writer,
           count(seeded) - 2, "no 'database is locked', every row present")


def test_two_cli_loops_at_once(seeded):
    per_loop = 15
    env = {"PYTHON": PYTHON, "DB": str(seeded), "COUNT": str(per_loop), "PATH": "/usr/bin:/bin", "AT": NOW_TEXT}
    loop = CLI_LOOP.replace("cli-$i", "$TAG-$i").replace('>/dev/null 2>&1', '>/dev/null 2>>"$ERRS"')
    procs = []
    for tag in ("a", "b"):
        errs = seeded.parent / f"errors-{tag}.txt"
        procs.append((subprocess.Popen(["/bin/sh", "-c", loop], stdout=subprocess.PIPE, text=True,
                                       env={**env, "TAG": tag, "ERRS": str(errs)}), errs, tag))
    returned = 0
    for proc, errs, tag in procs:
        out, _ = proc.communicate(timeout=120)
        assert len(out.split()) == per_loop, errs.read_text() if errs.exists() else ""
        assert not errs.exists() or errs.read_text() == ""
        returned += len(out.split())
    _, notes = notes_and_ids(seeded)
    assert {f"{t}-{i}" for t in "ab" for i in range(per_loop)} <= notes
    assert integrity(seeded) == "ok"
    record("concurrency", f"2 shell loops x {per_loop} `netpace log` calls at once", 2 * per_loop, returned,
           "every call exit 0, no stderr, every row present")
