"""Planning what is coming from the command line: a meeting logged ahead (`--both` with a
future `--at`, "tue 15:00", "in 3d"), which holds the nudges until it has passed, then
`netpace confirm` says it happened, was moved or was cancelled. Messages stay in the past."""

import json
import sqlite3

import pytest
from click.testing import CliRunner

from netpace.cli import cli
from netpace.clock import now_from

NOW_TEXT = "2026-11-26 09:00"  # a Thursday


@pytest.fixture
def run(db_path, monkeypatch):
    now = {"at": now_from(NOW_TEXT)}
    monkeypatch.setattr("netpace.clock.local_now", lambda: now["at"])
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False)

    invoke.now = now
    return invoke


def rows(db_path, sql):
    with sqlite3.connect(db_path) as raw:
        found = raw.execute(sql).fetchall()
    raw.close()
    return found


def assessed(run, name):
    return json.loads(run("show", name, "--now", run.now["at"].isoformat(), "--json").output)


def test_a_meeting_logged_ahead_is_planned_and_holds_the_follow_up(run, db_path):
    run("add", "Maren Holt")
    run("log", "Maren", "--out", "--at", "20d ago", "--note", "Asked about the platform role")
    assert assessed(run, "Maren")["verdict"] == "follow_up"
    result = run("log", "Maren", "--both", "--at", "tue 15:00", "--channel", "video", "--note", "Call")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "Planned video meeting with Maren Holt, Tue 1 Dec 15:00."
    assert rows(db_path, "SELECT note, planned FROM interaction ORDER BY at") == [
        ("Asked about the platform role", 0), ("Call", 1)]
    data = assessed(run, "Maren")
    assert data["verdict"] == "wait" and data["next_on"] == "2026-12-01"
    assert data["reasons"][0] == "Meeting planned Tue 1 Dec 15:00: nothing to send before it."
    assert data["interactions"][0]["planned"] is True
    assert " planned  Call" in run("show", "Maren", "--now", NOW_TEXT).output


@pytest.mark.parametrize("direction", ["--out", "--in"])
def test_a_message_can_not_be_in_the_future(run, db_path, direction):
    run("add", "Maren Holt")
    result = run("log", "Maren", direction, "--at", "in 3d")
    assert result.exit_code == 2
    assert result.stderr.startswith("netpace: --at 'in 3d' is in the future. A message can't be in the future")
    assert rows(db_path, "SELECT COUNT(*) FROM interaction") == [(0,)]


def test_editing_a_meeting_to_a_later_time_plans_it_and_a_planned_one_stays_a_meeting(run, db_path):
    run("add", "Maren Holt")
    run("log", "Maren", "--both", "--at", "2d ago", "--note", "Coffee")
    (wanted,) = rows(db_path, "SELECT id FROM interaction")[0]
    moved = run("interaction", "edit", str(wanted), "--at", "in 2d")
    assert moved.exit_code == 0 and "meeting planned, Sat 28 Nov 09:00" in moved.output
    assert rows(db_path, "SELECT planned FROM interaction") == [(1,)]
    assert run("interaction", "edit", str(wanted), "--out").exit_code == 2  # a message ahead
    assert run("interaction", "edit", str(wanted), "--note", "Coffee at Bonanza").exit_code == 0
    assert rows(db_path, "SELECT note, direction, planned FROM interaction") == [("Coffee at Bonanza", "both", 1)]


def test_the_day_after_it_the_queue_asks_and_confirm_says_it_happened(run, db_path):
    run("add", "Maren Holt")
    run("log", "Maren", "--out", "--at", "20d ago")
    run("log", "Maren", "--both", "--at", "fri 10:00", "--note", "Call")
    assert run("confirm", "Maren").exit_code == 2  # not passed yet
    run.now["at"] = now_from("2026-11-28 09:00")
    queue = json.loads(run("triage", "--now", "2026-11-28 09:00", "--json").output)
    assert [(d["name"], d["verdict"]) for d in queue] == [("Maren Holt", "confirm")]
    assert run("triage", "--now", "2026-11-28 09:00", "--brief").output == "1 meeting to confirm\n"
    done = run("confirm", "Maren")
    assert done.output.strip() == "Confirmed: you met Maren Holt Fri 27 Nov 10:00."
    assert rows(db_path, "SELECT note, planned FROM interaction WHERE direction = 'both'") == [("Call", 0)]
    assert assessed(run, "Maren")["verdict"] != "confirm"


def test_moved_and_cancelled(run, db_path):
    run("add", "Maren Holt")
    run("log", "Maren", "--out", "--at", "20d ago")
    run("log", "Maren", "--both", "--at", "fri 10:00", "--note", "Call")
    run.now["at"] = now_from("2026-11-28 09:00")
    assert run("confirm", "Maren", "--moved", "2d ago").exit_code == 2
    assert run("confirm", "Maren", "--moved", "in 3d", "--cancelled").exit_code == 2
    moved = run("confirm", "Maren", "--moved", "tue 15:00")
    assert moved.output.strip() == "Moved the meeting with Maren Holt from Fri 27 Nov 10:00 to Tue 1 Dec 15:00."
    assert rows(db_path, "SELECT planned FROM interaction WHERE direction = 'both'") == [(1,)]
    data = assessed(run, "Maren")
    assert (data["verdict"], data["next_on"]) == ("wait", "2026-12-01")
    cancelled = run("confirm", "Maren", "--cancelled")
    assert cancelled.output.strip() == ("Cancelled the meeting with Maren Holt of Tue 1 Dec 15:00: "
                                        "it is gone from the timeline.")
    assert rows(db_path, "SELECT COUNT(*) FROM interaction WHERE direction = 'both'") == [(0,)]
    assert assessed(run, "Maren")["verdict"] == "follow_up"
