from datetime import timedelta

from netpace.domain.model import ACTIONABLE, Status, Verdict
from netpace.ui.screens.main import MainScreen
from netpace.ui.screens.snooze import SnoozeScreen
from netpace.ui.screens.triage import TriageScreen
from netpace.ui.widgets.contact_list import ContactList

from .conftest import screen_text, settle


def _queue(app) -> ContactList:
    return app.screen.query_one("#queue", ContactList)


async def test_t_opens_the_queue_reply_owed_first(make_app, store, fixed_now):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        assert isinstance(app.screen, TriageScreen)
        rows = _queue(app).rows
        expected = [s.contact.id for s in store.summaries(fixed_now, include_hidden=False)
                    if s.assessment.verdict in ACTIONABLE]
        assert [r.id for r in rows] == expected
        assert rows[0].summary.assessment.verdict == Verdict.REPLY_OWED
        text = screen_text(app)
        assert f"Triage: {len(expected)} to act on today" in text
        await pilot.press("j", "down", "k")
        assert _queue(app).cursor == 1
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_archive_moves_to_the_next_item_and_u_undoes(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        await pilot.press("j")
        queue = _queue(app)
        archived, following = queue.rows[1].id, queue.rows[2].id
        count = len(queue.rows)
        await pilot.press("a")
        await settle(app, pilot)
        assert store.contact(archived).status == Status.ARCHIVED
        assert len(queue.rows) == count - 1
        assert queue.selected_id == following
        await pilot.press("u")
        await settle(app, pilot)
        assert store.contact(archived).status == Status.ACTIVE
        assert len(queue.rows) == count


async def test_snooze_a_week_or_until_a_date(make_app, store, fixed_now):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        first = _queue(app).selected_id
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, SnoozeScreen)
        await pilot.press("down", "enter")  # a week
        await settle(app, pilot)
        contact = store.contact(first)
        assert contact.status == Status.SNOOZED
        assert contact.snoozed_until == fixed_now.date() + timedelta(days=7)
        assert first not in [r.id for r in _queue(app).rows]
        second = _queue(app).selected_id
        await pilot.press("s", "down", "down", "down", "enter")
        await pilot.press(*"yesterday", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SnoozeScreen)  # not after today: refused
        await pilot.press("ctrl+a", "ctrl+k", *"2027-01-05", "enter")
        await settle(app, pilot)
        assert store.contact(second).snoozed_until.isoformat() == "2027-01-05"


async def test_enter_opens_the_contact_and_c_logs(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        first = _queue(app).selected_id
        before = len(store.interactions(first))
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press(*"Answered, happy to help", "enter")
        await settle(app, pilot)
        assert len(store.interactions(first)) == before + 1
        assert isinstance(app.screen, TriageScreen)
        assert first not in [r.id for r in _queue(app).rows]  # answered: no longer owed
        target = _queue(app).selected_id
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(ContactList).selected_id == target


async def test_an_empty_queue_says_inbox_zero(make_app, store, fixed_now):
    for summary in store.summaries(fixed_now):
        if summary.assessment.verdict in ACTIONABLE:
            store.set_status(summary.contact.id, Status.ARCHIVED, None, fixed_now)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        assert "Inbox zero: nothing needs you today." in screen_text(app)
