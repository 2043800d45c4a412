"""Reminders outside the app: `triage --brief` for a prompt or a cron mail, `--notify` for
the desktop (through notify-send, only where it exists)."""

import json
import os
import stat
from collections import Counter

from click.testing import CliRunner

from netpace.cli import cli

NOW_TEXT = "2026-11-26 09:00"


def triage(demo_db, *args, env=None):
    return CliRunner().invoke(cli, ["--db", str(demo_db), "triage", "--now", NOW_TEXT, *args], env=env,
                              catch_exceptions=False)


def expected_line(demo_db) -> str:
    counts = Counter(d["verdict"] for d in json.loads(triage(demo_db, "--json").output))
    words = {"reply_owed": ("reply owed", "replies owed"), "confirm": ("meeting to confirm", "meetings to confirm"),
             "follow_up": ("follow-up", "follow-ups"), "check_in": ("check-in", "check-ins"),
             "reconnect": ("reconnect", "reconnects")}
    return ", ".join(f"{counts[v]} {one if counts[v] == 1 else many}" for v, (one, many) in words.items() if counts[v])


def fake_notify_send(folder):
    """A notify-send that writes its arguments to a file, on a PATH of its own."""
    log = folder / "notified.txt"
    script = folder / "notify-send"
    script.write_text(f'#!/bin/sh\nprintf "%s|" "$@" >> "{log}"\nprintf "\\n" >> "{log}"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return log


def test_brief_is_one_line_counting_todays_queue(demo_db):
    result = triage(demo_db, "--brief")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0] == expected_line(demo_db)
    assert lines[0].startswith(("1 reply owed", "2 replies owed", "3 replies owed"))
    assert "check-in" in lines[0] and "follow-up" in lines[0] and "1 meeting to confirm" in lines[0]


def test_brief_with_nothing_to_do_and_no_notification_about_it(tmp_path):
    db = tmp_path / "n.db"
    CliRunner().invoke(cli, ["--db", str(db), "add", "Calm Carla"])
    log = fake_notify_send(tmp_path)
    result = triage(db, "--brief", "--notify", env={"PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}"})
    assert result.output == "Nothing to do today: nobody is waiting on you.\n"
    assert not log.exists()
    assert triage(db, "--brief", "--json").exit_code == 2


def test_notify_hands_the_line_to_notify_send_where_it_exists(demo_db, tmp_path):
    log = fake_notify_send(tmp_path)
    result = triage(demo_db, "--brief", "--notify", env={"PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}"})
    assert result.exit_code == 0
    assert log.read_text().splitlines() == [f"--app-name=netpace|netpace|{expected_line(demo_db)}|"]


def test_notify_without_notify_send_does_nothing_and_says_nothing(demo_db, tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    result = triage(demo_db, "--notify", env={"PATH": str(empty)})
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == triage(demo_db).stdout
