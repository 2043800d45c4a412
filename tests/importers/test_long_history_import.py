"""Day one after importing a ten-year LinkedIn history: the queue is a morning's work,
not a wall, and every old thread is where the lifetime rules put it."""

from datetime import timedelta

import pytest

from netpace.domain import thresholds as limits
from netpace.domain.identity import linkedin_key
from netpace.domain.model import BUDGETED, Verdict
from netpace.domain.queue import todays_queue
from netpace.importers import ImportOptions, import_file
from netpace.store import open_store

from .. import long_history
from ..helpers import NOW


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    written = long_history.write(folder, NOW)
    db = folder / "netpace.db"
    options = ImportOptions(now=NOW, tz=NOW.tzinfo)
    with open_store(db) as store:
        for format, name in (("linkedin-connections", "Connections.csv"), ("linkedin-messages", "messages.csv")):
            result = import_file(store, format, folder / name, options)
            assert result.error is None, result.error
        summaries = store.summaries(NOW, include_hidden=False)
    shape_of = {linkedin_key(url): shape for url, shape in written.shapes.items()}
    by_shape: dict[str, list] = {}
    for summary in summaries:
        by_shape.setdefault(shape_of.get(linkedin_key(summary.contact.linkedin), "connection only"), []).append(summary)
    return summaries, by_shape


def verdicts(summaries) -> set[Verdict]:
    return {s.assessment.verdict for s in summaries}


def test_every_connection_and_conversation_arrived(imported):
    summaries, by_shape = imported
    assert len(summaries) == 600
    assert {shape: len(found) for shape, found in by_shape.items()} == {
        "connection only": 400, "thanks": 60, "recruiter": 40, "unanswered": 30, "friend": 40, "quiet": 20,
        "owed": 5, "waiting": 5}


def test_the_queue_is_a_mornings_work(imported):
    summaries, by_shape = imported
    queue = todays_queue(summaries, NOW.date(), limits.DAILY_CHECK_INS)
    live = len(by_shape["owed"]) + len(by_shape["waiting"])
    assert len(queue.items) <= live + limits.DAILY_CHECK_INS
    assert queue.waiting > 0  # there is more to revive than one day's budget
    assert {s.contact.id for s in by_shape["owed"]} <= {s.contact.id for s in queue.items}
    chosen = [s.assessment.tie.strength for s in queue.items if s.assessment.verdict in BUDGETED]
    assert chosen == sorted(chosen, reverse=True)  # by value, never oldest first
    oldest_allowed = NOW - timedelta(days=limits.DORMANT_DAYS)
    for summary in queue.items:
        if summary.assessment.verdict != Verdict.RECONNECT:
            assert summary.assessment.last_contact >= oldest_allowed


def test_old_threads_are_let_go_or_dormant_never_chased(imported):
    _, by_shape = imported
    assert verdicts(by_shape["unanswered"]) == {Verdict.LET_GO}
    assert verdicts(by_shape["recruiter"]) == {Verdict.DORMANT}  # a lapsed reply to a weak tie
    year_ago = NOW - timedelta(days=limits.DORMANT_DAYS)
    for summary in by_shape["thanks"]:  # one "thanks for connecting", perhaps a "likewise"
        verdict = summary.assessment.verdict
        if summary.assessment.last_contact < year_ago:
            assert verdict in (Verdict.DORMANT, Verdict.LET_GO)
        else:
            assert verdict not in (Verdict.REPLY_OWED, Verdict.RECONNECT)
    assert verdicts(by_shape["connection only"]) <= {Verdict.DORMANT, Verdict.OK}


def test_years_of_friendship_are_worth_reviving(imported):
    _, by_shape = imported
    friends = by_shape["friend"]
    assert verdicts(friends) <= {Verdict.RECONNECT, Verdict.DORMANT}
    revived = [s for s in friends if s.assessment.verdict == Verdict.RECONNECT]
    assert revived and all(s.assessment.tie.label.value == "strong" for s in revived)


def test_live_conversations_are_answered_and_followed_up(imported):
    _, by_shape = imported
    assert verdicts(by_shape["owed"]) == {Verdict.REPLY_OWED}
    assert verdicts(by_shape["waiting"]) <= {Verdict.WAIT, Verdict.FOLLOW_UP}
    # their last message went unanswered months ago: lapsed, so a strong tie is worth a
    # fresh note and anything weaker goes dormant
    for summary in by_shape["quiet"]:
        strong = summary.assessment.tie.label.value == "strong"
        assert summary.assessment.verdict == (Verdict.RECONNECT if strong else Verdict.DORMANT)


def test_imported_asks_count_as_asks(imported):
    _, by_shape = imported
    barrages = [s for s in by_shape["unanswered"] if s.assessment.sent >= 3]
    assert barrages
    for summary in barrages:
        assert summary.assessment.ask_share == 1.0
        assert any("offer something before you ask again" in line for line in summary.assessment.reasons)
