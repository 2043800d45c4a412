"""The command line on long histories: today's queue and its budget, the tie and pace in
JSON, keep-in-touch at their pace, and correcting what was logged."""

import json

import pytest
from click.testing import CliRunner

from netpace.cli import cli
from netpace.domain import thresholds as limits

from ..helpers import db_rows

NOW_TEXT = "2026-11-26 09:00"


@pytest.fixture
def demo(demo_location):
    """The demo network (at 09:00 that day, tests/conftest.py), on either store."""
    return demo_location


@pytest.fixture
def run(demo):
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, ["--db", str(demo), *args], catch_exceptions=False)

    return invoke


def triage_json(run, *extra):
    result = run("triage", "--now", NOW_TEXT, "--json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_triage_holds_the_daily_budget_and_says_what_waits(run):
    everyone = triage_json(run, "--all")
    budgeted = [d for d in everyone if d["verdict"] in ("check_in", "reconnect")]
    assert len(budgeted) > limits.DAILY_CHECK_INS
    today = triage_json(run)
    chosen = [d for d in today if d["verdict"] in ("check_in", "reconnect")]
    assert len(chosen) == limits.DAILY_CHECK_INS
    strengths = [d["tie_strength"] for d in chosen]
    assert strengths == sorted(strengths, reverse=True)
    assert min(strengths) >= max(d["tie_strength"] for d in budgeted if d not in chosen)
    assert {d["verdict"] for d in today} == {"reply_owed", "confirm", "follow_up", "check_in", "reconnect"}
    text = run("triage", "--now", NOW_TEXT).output.splitlines()
    waiting = len(budgeted) - limits.DAILY_CHECK_INS
    assert text[-1] == (f"{waiting} more check-ins and reconnects wait for another day: "
                        "`netpace triage --all` shows them.")


def test_the_budget_is_kept_in_the_database(run, demo):
    assert "holds up to 5 check-ins" in run("budget").output
    assert run("budget", "2").output.startswith("Set: today's queue holds up to 2 check-ins")
    assert db_rows(demo, "SELECT value FROM setting WHERE key = 'daily_check_ins'") == [("2",)]
    chosen = [d for d in triage_json(run) if d["verdict"] in ("check_in", "reconnect")]
    assert len(chosen) == 2
    assert len([d for d in triage_json(run, "--budget", "0") if d["verdict"] in ("check_in", "reconnect")]) == 0
    refused = run("budget", "-1")
    assert refused.exit_code == 2


def test_show_json_carries_the_tie_and_the_pace(run):
    data = json.loads(run("show", "Amara Osei", "--now", NOW_TEXT, "--json").output)
    assert data["tie"] == "strong" and data["tie_strength"] >= limits.STRONG_TIE
    assert data["reply_days"] == 2.0 and data["follow_up_days"] == limits.PACE_MIN_DAYS
    assert data["suggested_keep_in_touch_days"] == 60
    assert data["verdict"] == "follow_up"
    text = run("show", "Amara Osei", "--now", NOW_TEXT).output
    assert "tie: strong" in text and "they usually answer within 2 days; follow up after 7 days" in text


def test_keep_in_touch_applies_the_suggested_cadence_or_the_days_given(run, demo):
    assert run("keep-in-touch", "Amara Osei").output.strip() == "Keeping in touch with Amara Osei every 60 days."
    assert run("keep-in-touch", "Amara", "45").output.strip() == "Keeping in touch with Amara Osei every 45 days."
    assert run("keep-in-touch", "Amara", "off").output.strip() == "No keep-in-touch cadence for Amara Osei any more."
    assert db_rows(demo, "SELECT keep_in_touch_days FROM contact WHERE name = 'Amara Osei'") == [(None,)]
    short = run("keep-in-touch", "Hiro Tanaka")
    assert short.exit_code == 2 and "too short to suggest a cadence" in short.output
    assert run("keep-in-touch", "Amara", "0").exit_code == 2


def test_interaction_edit_corrects_what_was_logged_and_delete_removes_it(run, demo):
    data = json.loads(run("show", "Sven Olsen", "--now", NOW_TEXT, "--json").output)
    newest = data["interactions"][0]
    edited = run("interaction", "edit", str(newest["id"]), "--kind", "ask")
    assert edited.exit_code == 0, edited.output
    assert edited.output.startswith(f"Saved #{newest['id']} with Sven Olsen: in linkedin ask")
    assert db_rows(demo, "SELECT kind, note FROM interaction WHERE id = ?", (newest["id"],)) == [
        ("ask", newest["note"])]
    assert run("interaction", "edit", str(newest["id"])).exit_code == 2  # nothing to change
    assert "There is no interaction #999999." in run("interaction", "edit", "999999", "--kind", "ask").output
    deleted = run("interaction", "delete", str(newest["id"]))
    assert deleted.exit_code == 0 and f"Deleted #{newest['id']}" in deleted.output
    after = json.loads(run("show", "Sven Olsen", "--now", NOW_TEXT, "--json").output)
    assert newest["id"] not in [i["id"] for i in after["interactions"]]


def test_a_reimport_never_overwrites_a_corrected_kind(db_location):
    from pathlib import Path

    db = db_location
    messages = Path(__file__).parent.parent / "fixtures" / "linkedin" / "messages_current.csv"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "import", "linkedin-messages", str(messages)]).exit_code == 0
    (wanted,) = db_rows(db, "SELECT id FROM interaction WHERE kind = 'ask'")[0]
    assert runner.invoke(cli, ["--db", str(db), "interaction", "edit", str(wanted), "--kind", "update"]).exit_code == 0
    again = runner.invoke(cli, ["--db", str(db), "import", "linkedin-messages", str(messages)])
    assert again.exit_code == 0 and "0 interactions added" in again.output
    assert db_rows(db, "SELECT kind FROM interaction WHERE id = ?", (wanted,)) == [("update",)]
