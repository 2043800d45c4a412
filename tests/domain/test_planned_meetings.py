"""A meeting logged ahead holds every nudge until it has passed; the day after, the queue
asks whether it happened. The engine's rules, and the store's whole-network reads
(the totals, the cache, the kept standings) saying the same as the engine."""

from dataclasses import replace
from datetime import timedelta

from netpace.domain.model import ACTIONABLE, BUDGETED, Contact, Direction, Interaction, Kind, Verdict
from netpace.domain.pressure import assess
from netpace.store import open_store, standings

from ..helpers import NOW, at, inbound, out, person

DAY = timedelta(days=1)


def planned(when, **fields) -> Interaction:
    return Interaction(at=when, direction=Direction.BOTH, kind=Kind.MEETING, planned=True, **fields)


def test_a_planned_meeting_holds_a_due_follow_up_until_its_day():
    history = [out(at(days=20))]
    assert assess(person(), history, NOW).verdict == Verdict.FOLLOW_UP
    meeting = NOW + 3 * DAY
    result = assess(person(), history + [planned(meeting)], NOW)
    assert result.verdict == Verdict.WAIT and result.next_on == meeting.date()
    assert result.reasons[0].startswith(f"Meeting planned {meeting:%a} {meeting.day} {meeting:%b} ")
    assert result.reasons[0].endswith(": nothing to send before it.")


def test_a_planned_meeting_holds_check_ins_and_reconnects_but_not_a_reply_owed():
    quiet = [inbound(at(days=120), kind=Kind.THANKS)]
    assert assess(person(), quiet, NOW).verdict in BUDGETED
    assert assess(person(), quiet + [planned(NOW + DAY)], NOW).verdict == Verdict.WAIT
    owed = [inbound(at(days=2))]
    assert assess(person(), owed + [planned(NOW + DAY)], NOW).verdict == Verdict.REPLY_OWED


def test_the_day_after_it_the_queue_asks_whether_it_happened():
    meeting = NOW - timedelta(hours=3)
    history = [out(at(days=20)), planned(meeting)]
    same_day = assess(person(), history, NOW)
    assert same_day.verdict != Verdict.CONFIRM  # it only just passed
    next_day = NOW + DAY
    result = assess(person(), history, next_day)
    assert result.verdict == Verdict.CONFIRM and result.verdict in ACTIONABLE
    assert result.next_on == meeting.date() + DAY
    assert "did it happen, was it moved, or cancelled?" in result.reasons[0]
    done = [out(at(days=20)), Interaction(at=meeting, direction=Direction.BOTH, kind=Kind.MEETING)]
    assert assess(person(), done, next_day).verdict != Verdict.CONFIRM


def test_the_store_agrees_with_the_engine_before_during_and_after(tmp_path):
    with open_store(tmp_path / "n.db") as store:
        ann = store.add_contact(Contact(name="Ann"), NOW)
        bob = store.add_contact(Contact(name="Bob"), NOW)  # only a meeting ahead, nothing before
        store.log(ann.id, out(at(days=20)), NOW)
        meeting = NOW + 2 * DAY
        store.log(ann.id, planned(meeting), NOW)
        store.log(bob.id, planned(meeting), NOW)
        for moment in (NOW, meeting + timedelta(hours=1), meeting + 2 * DAY, meeting + 400 * DAY):
            expected = {c.id: assess(c, store.interactions(c.id), moment).verdict for c in store.contacts()}
            assert {s.contact.id: s.assessment.verdict for s in store.summaries(moment)} == expected, moment
        assert expected[ann.id] == Verdict.CONFIRM  # never confirmed, even a year later


def test_kept_standings_turn_when_the_meeting_starts_and_the_day_after(tmp_path):
    with open_store(tmp_path / "n.db") as store:
        ann = store.add_contact(Contact(name="Ann"), NOW)
        store.log(ann.id, out(at(days=20)), NOW)
        meeting = NOW + 2 * DAY
        store.log(ann.id, planned(meeting), NOW)
        standings.save(store, NOW)
        kept = store.db.execute_sql("SELECT verdict, decided_until FROM contact_standing").fetchone()
        assert kept[0] == Verdict.WAIT.value
        assert kept[1] <= meeting.timestamp()  # not trusted past the meeting's start


def test_confirming_moving_and_cancelling(tmp_path):
    with open_store(tmp_path / "n.db") as store:
        ann = store.add_contact(Contact(name="Ann"), NOW)
        store.log(ann.id, out(at(days=20)), NOW)
        saved = store.log(ann.id, planned(NOW - 2 * DAY), NOW - 5 * DAY)
        assert store.summary(ann.id, NOW).assessment.verdict == Verdict.CONFIRM
        before, after = store.confirm_meeting(saved.id, NOW)
        assert before.planned and not after.planned and not store.interaction(saved.id).planned
        assert store.summary(ann.id, NOW).assessment.verdict != Verdict.CONFIRM
        # moved: a later time, still planned
        store.update_interaction(before, NOW)  # undo the confirmation
        store.update_interaction(replace(before, at=NOW + 4 * DAY), NOW)
        moved = store.summary(ann.id, NOW).assessment
        assert moved.verdict == Verdict.WAIT and moved.next_on == (NOW + 4 * DAY).date()
        store.delete_interaction(saved.id, NOW)  # cancelled
        assert store.summary(ann.id, NOW).assessment.verdict == Verdict.FOLLOW_UP
