import json
import os
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from netpace.cli import cli
from netpace.domain.model import Verdict

from ..helpers import db_rows

NOW_TEXT = "2026-11-26 10:00"


@pytest.fixture
def run(db_location):
    runner = CliRunner()

    def invoke(*args, env=None):
        result = runner.invoke(cli, ["--db", str(db_location), *args], env=env, catch_exceptions=False)
        return result

    return invoke


rows = db_rows


def test_path_honours_option_then_env(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(tmp_path / "a.db"), "path"]).output.strip() == str(tmp_path / "a.db")
    env_result = runner.invoke(cli, ["path"], env={"NETPACE_DB": str(tmp_path / "env.db")})
    assert env_result.output.strip() == str(tmp_path / "env.db")
    default = runner.invoke(cli, ["path"], env={"NETPACE_DB": "", "XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert default.output.strip().endswith(os.path.join("netpace", "netpace.db"))
    assert not (tmp_path / "a.db").exists()


def test_add_then_list_and_json(run, db_location):
    result = run("add", "Maren Holt", "--company", "Nordlys Data", "--role", "Head of Platform",
                 "--email", "maren@nordlys.example", "--email", "mh@home.example",
                 "--linkedin", "https://www.linkedin.com/in/marenholt", "--met-via", "conference",
                 "--met-on", "2026-11-20", "--tag", "platform", "--keep-in-touch", "60", "--note", "Knows the CTO")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Added Maren Holt (#1)")
    assert rows(db_location, "SELECT name, company, met_via, met_on, keep_in_touch_days FROM contact") == [
        ("Maren Holt", "Nordlys Data", "conference", "2026-11-20", 60)
    ]
    assert rows(db_location, "SELECT address FROM email ORDER BY position") == [("maren@nordlys.example",), ("mh@home.example",)]
    listed = run("list")
    assert "Maren Holt" in listed.output and "Nordlys Data" in listed.output
    data = json.loads(run("list", "nordlys", "--json").output)
    assert data[0]["name"] == "Maren Holt" and data[0]["emails"] == ["maren@nordlys.example", "mh@home.example"]
    assert data[0]["tags"] == ["platform"] and data[0]["met_on"] == "2026-11-20"
    assert "No contact matches" in run("list", "zzz").output


def test_log_defaults_and_reports_the_change(run, db_location):
    run("add", "Maren Holt")
    first = run("log", "maren", "--out", "--note", "emailed about the platform role", "--at", "2h ago")
    assert first.exit_code == 0, first.output
    assert "Logged out email intro with Maren Holt" in first.output
    assert "pressure 0 -> " in first.output and "wait until" in first.output
    second = run("log", "Maren Holt", "--in", "--channel", "linkedin")
    assert second.exit_code == 0
    assert "reply owed" in second.output
    assert rows(db_location, "SELECT direction, channel, kind, note FROM interaction ORDER BY id") == [
        ("out", "email", "intro", "emailed about the platform role"),
        ("in", "linkedin", "reply", ""),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "Maren", "--out", "--at", "tomorrow"), "in the future"),
        (("log", "Maren", "--out", "--at", "next week"), "not a time"),
        (("log", "Maren"), "--out, --in or --both"),
        (("log", "Nobody", "--out"), "No contact matches"),
        (("show", "Nobody"), "No contact matches"),
        (("triage", "--now", "whenever"), "not a time"),
        (("add", "   "), "needs a name"),
        (("add", "X", "--met-on", "2999-01-01"), "in the future"),
        (("add", "X", "--met-on", "someday"), "not a date"),
    ],
)
def test_usage_errors_exit_2_with_one_sentence(run, db_location, args, message):
    run("add", "Maren Holt")
    before = rows(db_location, "SELECT COUNT(*) FROM interaction") + rows(db_location, "SELECT COUNT(*) FROM contact")
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    after = rows(db_location, "SELECT COUNT(*) FROM interaction") + rows(db_location, "SELECT COUNT(*) FROM contact")
    assert after == before


def test_unknown_channel_is_a_usage_error(run):
    run("add", "Maren Holt")
    result = run("log", "Maren", "--out", "--channel", "pigeon")
    assert result.exit_code == 2 and "pigeon" in result.output


def test_ambiguous_name_lists_candidates(run):
    run("add", "Ann Lee", "--company", "Acme")
    run("add", "Anna Berg")
    result = run("log", "an", "--out")
    assert result.exit_code == 2
    assert "matches 2 contacts" in result.output
    assert "Ann Lee (#1, Acme)" in result.output and "Anna Berg (#2)" in result.output


def test_show_json_has_the_documented_fields(run):
    run("add", "Maren Holt", "--met-via", "meetup", "--met-on", "2026-11-24")
    run("log", "Maren", "--both", "--at", "2026-11-24 19:00", "--note", "meetup")
    data = json.loads(run("show", "Maren", "--now", NOW_TEXT, "--json").output)
    for key in ("id", "name", "verdict", "pressure", "zone", "next_on", "reasons", "reply_rate",
                "unanswered", "last_contact", "interactions"):
        assert key in data
    assert data["verdict"] == "follow_up" and data["next_on"] == "2026-11-25"
    assert data["interactions"][0]["direction"] == "both"
    text = run("show", "Maren", "--now", NOW_TEXT).output
    assert "follow up due Wed 25 Nov" in text and "<->" in text


def test_triage_lists_only_actions_most_urgent_first_and_all_lists_everyone(run):
    run("add", "Calm Carla")
    run("log", "Carla", "--both", "--at", "2026-11-20")
    run("add", "Owed Olga")
    run("log", "Olga", "--in", "--at", "2026-11-25")
    run("add", "Meetup Mo", "--met-via", "meetup", "--met-on", "2026-11-23")
    data = json.loads(run("triage", "--now", NOW_TEXT, "--json").output)
    assert [d["name"] for d in data] == ["Owed Olga", "Meetup Mo"]
    assert [d["verdict"] for d in data] == ["reply_owed", "follow_up"]
    everyone = json.loads(run("triage", "--now", NOW_TEXT, "--all", "--json").output)
    assert [d["name"] for d in everyone] == ["Owed Olga", "Meetup Mo", "Calm Carla"]
    assert "reply owed" in run("triage", "--now", NOW_TEXT).output


def test_empty_triage_says_so(run):
    run("add", "Calm Carla")
    assert "Nothing to do today" in run("triage").output


def test_when_is_read_in_the_local_time_zone_and_stored_in_utc(db_location):
    env = {**os.environ, "NETPACE_DB": str(db_location), "TZ": "Asia/Tokyo"}
    exe = [sys.executable, "-m", "netpace"]
    subprocess.run([*exe, "add", "Kenji"], env=env, check=True, capture_output=True, timeout=120)
    subprocess.run([*exe, "log", "Kenji", "--out", "--at", "2026-11-20 09:00"], env=env, check=True, capture_output=True,
                   timeout=120)
    assert rows(db_location, "SELECT at FROM interaction")[0][0].startswith("2026-11-20 00:00:00")
    shown = subprocess.run([*exe, "show", "Kenji", "--now", "2026-11-26 10:00"], env=env, capture_output=True,
                           text=True, timeout=120).stdout
    assert "2026-11-20 09:00" in shown


def test_demo_is_the_same_for_the_same_now_and_covers_every_verdict(tmp_path):
    runner = CliRunner()
    outputs = []
    for name in ("a.db", "b.db"):
        db = tmp_path / name
        made = runner.invoke(cli, ["demo", "--db", str(db), "--now", NOW_TEXT])
        assert made.exit_code == 0, made.output
        outputs.append(runner.invoke(cli, ["--db", str(db), "triage", "--all", "--json", "--now", NOW_TEXT]).output)
    assert outputs[0] == outputs[1]
    data = json.loads(outputs[0])
    assert 35 <= len(data) <= 50
    assert {d["verdict"] for d in data} == {v.value for v in Verdict}
    assert {d["zone"] for d in data} == {"calm", "warm", "pressing", "pushy"}
    names = {d["name"] for d in data}
    assert "[bold]Bob[/] Marsh" in names
    assert any(any(ord(ch) > 0x2E80 for ch in name) for name in names)
    with sqlite3.connect(tmp_path / "a.db") as raw:
        assert raw.execute("SELECT COUNT(*) FROM interaction").fetchone()[0] >= 150


def test_demo_refuses_a_database_with_contacts(run):
    run("add", "Real Person")
    result = run("demo")
    assert result.exit_code == 1 and "already holds contacts" in result.output


def test_broken_database_is_one_sentence_exit_1(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 200)
    result = CliRunner().invoke(cli, ["--db", str(bad), "list"])
    assert result.exit_code == 1
    assert result.output.strip() == f"netpace: {bad} is not a netpace database, or it is damaged."


@pytest.mark.sqlite_only
def test_locked_database_is_one_sentence_exit_1(db_path, run, monkeypatch):
    run("add", "Maren")
    monkeypatch.setattr("netpace.store.store.BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run("log", "Maren", "--out")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    assert "locked by another program" in result.output
    assert rows(db_path, "SELECT COUNT(*) FROM interaction") == [(0,)]


def test_real_process_round_trip(tmp_path):
    db = tmp_path / "real.db"
    env = {**os.environ, "NETPACE_DB": str(db), "TZ": "Europe/Berlin"}
    exe = [sys.executable, "-m", "netpace"]
    added = subprocess.run([*exe, "add", "Priya Raman", "--company", "Lattice"], env=env, capture_output=True, text=True)
    assert added.returncode == 0, added.stderr
    logged = subprocess.run([*exe, "log", "Priya", "--in", "--at", NOW_TEXT, "--note", "A role opens in January"],
                            env=env, capture_output=True, text=True)
    assert logged.returncode == 0, logged.stderr
    triage = subprocess.run([*exe, "triage", "--json", "--now", NOW_TEXT], env=env, capture_output=True, text=True)
    assert json.loads(triage.stdout)[0]["verdict"] == "reply_owed"
    missing = subprocess.run([*exe, "show", "Nobody"], env=env, capture_output=True, text=True)
    assert missing.returncode == 2
    assert missing.stderr.startswith("netpace: No contact matches 'Nobody'.")
    assert "Traceback" not in missing.stderr + missing.stdout


def test_the_app_without_a_terminal_is_a_usage_error(db_path):
    result = CliRunner().invoke(cli, ["--db", str(db_path)])
    assert result.exit_code == 2
    assert "needs a terminal" in result.output
    demo = CliRunner().invoke(cli, ["--demo"])
    assert demo.exit_code == 2 and "needs a terminal" in demo.output
