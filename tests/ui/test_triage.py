from datetime import timedelta

from netpace.domain.model import ACTIONABLE, BUDGETED, Status, Verdict
from netpace.domain.queue import todays_queue
from netpace.domain.thresholds import DAILY_CHECK_INS
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
        summaries = store.summaries(fixed_now, include_hidden=False)
        expected = [s.contact.id for s in todays_queue(summaries, fixed_now.date(), store.daily_budget()).items]
        assert [r.id for r in rows] == expected
        # replies owed, meetings to confirm, follow-ups, then the budget's check-ins and
        # reconnects, strongest tie first
        rank = {Verdict.REPLY_OWED: 0, Verdict.CONFIRM: 1, Verdict.FOLLOW_UP: 2, Verdict.CHECK_IN: 3,
                Verdict.RECONNECT: 3}
        ranks = [rank[r.summary.assessment.verdict] for r in rows]
        assert ranks == sorted(ranks)
        budgeted = [r.summary.assessment.tie.strength for r in rows if r.summary.assessment.verdict in BUDGETED]
        assert len(budgeted) == DAILY_CHECK_INS and budgeted == sorted(budgeted, reverse=True)
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


async def test_the_daily_budget_holds_back_check_ins_and_A_shows_them(make_app, store, fixed_now):
    summaries = store.summaries(fixed_now, include_hidden=False)
    budgeted = [s for s in summaries if s.assessment.verdict in BUDGETED]
    everyone = [s for s in summaries if s.assessment.verdict in ACTIONABLE]
    assert len(budgeted) > DAILY_CHECK_INS  # the demo has more than a day's worth
    waiting = len(budgeted) - DAILY_CHECK_INS
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        assert len(_queue(app).rows) == len(everyone) - waiting
        assert str(app.screen.query_one("#waiting").render()) == (
            f"{waiting} more check-ins and reconnects wait for another day: A shows them.")
        await pilot.press("A")
        await settle(app, pilot)
        assert {r.id for r in _queue(app).rows} == {s.contact.id for s in everyone}
        assert f"Triage: all {len(everyone)} with something to do" in screen_text(app)
        await pilot.press("A")
        await settle(app, pilot)
        assert len(_queue(app).rows) == len(everyone) - waiting


async def test_the_budget_set_in_the_database_is_the_apps(make_app, store, fixed_now):
    store.set_daily_budget(1)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        rows = _queue(app).rows
        chosen = [r for r in rows if r.summary.assessment.verdict in BUDGETED]
        assert len(chosen) == 1
        strongest = max((s for s in store.summaries(fixed_now, include_hidden=False)
                         if s.assessment.verdict in BUDGETED), key=lambda s: s.assessment.tie.strength)
        assert chosen[0].id == strongest.contact.id
