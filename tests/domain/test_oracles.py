"""Results written out by hand, where other tests compare two implementations with each
other (the cache with a fresh read, a standing with the engine): the order of a triage
within one verdict (on both stores), and what a standing says."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from netpace.cli import cli
from netpace.domain.model import Contact, Direction, Interaction, Kind, Verdict
from netpace.domain.pressure import digest, standing, standing_at
from netpace.store import open_store

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)
TODAY = NOW.date()
DAY = 86400.0


def _out(age_days: float, kind: Kind = Kind.UPDATE) -> Interaction:
    return Interaction(at=NOW - timedelta(days=age_days), direction=Direction.OUT, kind=kind)


def _network(db) -> None:
    """Five follow-ups (one unanswered message each), one reply owed, one contact at peace."""
    with open_store(db) as store:
        def person(name, *items):
            contact = store.add_contact(Contact(name=name), NOW - timedelta(days=100))
            for item in items:
                store.log(contact.id, item, NOW)

        person("Cy Same", _out(20))
        person("bea Same", _out(20))
        person("Ada Early", _out(30))
        person("Di Ask", _out(20, Kind.ASK))
        person("Ann Same", _out(20))
        person("Zed Owed", Interaction(at=NOW - timedelta(days=1), direction=Direction.IN, kind=Kind.REPLY))
        person("Quiet Quinn", Interaction(at=NOW - timedelta(days=3), direction=Direction.BOTH, kind=Kind.MEETING))


# Reply owed first; then the follow-ups: the most overdue (earliest date) first; on one date
# the higher pressure (the ask) first; then by name, whatever the case.
EXPECTED = [
    ("Zed Owed", "reply_owed", "2026-11-25"),
    ("Ada Early", "follow_up", "2026-11-10"),
    ("Di Ask", "follow_up", "2026-11-20"),
    ("Ann Same", "follow_up", "2026-11-20"),
    ("bea Same", "follow_up", "2026-11-20"),
    ("Cy Same", "follow_up", "2026-11-20"),
]


def test_triage_orders_within_one_verdict_by_date_then_pressure_then_name(db_location):
    db = db_location
    _network(db)
    result = CliRunner().invoke(cli, ["--db", str(db), "triage", "--json", "--now", "2026-11-26 10:00 +00:00"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["name"], r["verdict"], r["next_on"]) for r in rows] == EXPECTED
    pressures = {r["name"]: r["pressure"] for r in rows}
    assert pressures["Di Ask"] > pressures["Ann Same"] == pressures["bea Same"] == pressures["Cy Same"]


def test_the_store_lists_in_the_same_order_with_the_calm_contact_last(db_location):
    db = db_location
    _network(db)
    with open_store(db) as store:
        names = [s.contact.name for s in store.summaries(NOW)]
    assert names == [name for name, _, _ in EXPECTED] + ["Quiet Quinn"]


def test_what_a_standing_says_and_until_when():
    contact = Contact(name="Maren Holt", id=1)
    sent = NOW - timedelta(days=5)
    kept = standing(contact, digest([_out(5)], NOW), NOW)
    # A wait until the follow-up is due, 14 days after the message of 21 November.
    assert (kept.verdict, kept.next_on) == (Verdict.WAIT, date(2026, 12, 5))
    # Good until that day begins (a millisecond early), when the verdict turns.
    assert kept.decided_until == pytest.approx(datetime(2026, 12, 5, tzinfo=timezone.utc).timestamp() - 0.001)
    assert kept.load == pytest.approx(0.5 ** (5 / 30))  # one update, five days of a 30-day half-life
    assert kept.ref_ts == NOW.timestamp()
    assert kept.load_until == pytest.approx(sent.timestamp() + 180 * DAY - 0.001)  # leaves the window
    # Three days on: the same wait, the load decayed to 0.5^(8/30), which reads 31.
    assert standing_at(kept, NOW.timestamp() + 3 * DAY) == (31, Verdict.WAIT)
    assert standing_at(kept, NOW.timestamp() - 1) is None  # before it was made
    assert standing_at(kept, kept.decided_until) is None  # the day it turns: assess again
