"""The list the app shows first, from standings kept by the previous launch, must be the
list a full read gives: same rows, same pressure, verdict and date, same order."""

from datetime import timedelta

from netpace.demo import write_large_demo
from netpace.domain.model import Status
from netpace.domain.pressure import triage_key
from netpace.store import open_store
from netpace.store import standings

from ..helpers import NOW, out, person


def _full(path, now):
    """Every contact's (id, pressure, verdict, next date, status) in the list's order."""
    with open_store(path) as store:
        summaries = store.summaries(now, include_hidden=True)
    today = now.date()
    summaries.sort(key=lambda s: (s.contact.is_hidden_on(today), *triage_key(
        s.assessment.verdict, s.assessment.next_on, s.assessment.pressure, s.contact.name), s.contact.id))
    return [(s.contact.id, s.assessment.pressure, s.assessment.verdict, s.assessment.next_on, s.contact.status)
            for s in summaries]


def _first(path, now, limit=standings.FIRST_ROWS, max_stale=standings.MAX_STALE):
    """The first view as the same tuples, and the total it gives (None if there is none)."""
    with open_store(path) as store:
        view = standings.first_view(store, now, limit=limit, max_stale=max_stale)
    if view is None:
        return None
    rows, total = view
    return [(row.id, row.pressure, row.verdict, row.next_on, row.status) for row in rows], total


def test_first_view_equals_the_top_of_a_full_read_later_and_after_changes(tmp_path):
    path = tmp_path / "n.db"
    with open_store(path) as store:
        write_large_demo(store, NOW, 300, 8_000)
        assert standings.first_view(store, NOW) is None  # nothing kept yet
        assert standings.save(store, NOW) == 300
    for later in (timedelta(minutes=5), timedelta(hours=20), timedelta(days=3), timedelta(days=40)):
        full = _full(path, NOW + later)
        for limit in (1, 7, 40, 300, 1000):
            assert _first(path, NOW + later, limit) == (full[:limit], 300)
    with open_store(path) as store:
        ids = [s.contact.id for s in store.summaries(NOW)]
        store.log(ids[0], out(NOW), NOW)
        store.set_status(ids[1], Status.SNOOZED, (NOW + timedelta(days=5)).date(), NOW)
        store.set_status(ids[3], Status.ARCHIVED, None, NOW)
        added = store.add_contact(person("New Person"), NOW)
        store.delete_contact(ids[2])
    now = NOW + timedelta(hours=1)
    full = _full(path, now)
    for limit in (5, 300):
        assert _first(path, now, limit) == (full[:limit], 300)
    rows, _ = _first(path, now)
    assert added.id in {row[0] for row in rows} and ids[2] not in {row[0] for row in rows}
    assert [row[0] for row in rows][-2:] == [ids[1], ids[3]] or [row[0] for row in rows][-2:] == [ids[3], ids[1]]


def test_equal_pressures_are_ordered_by_name_past_what_sqlite_reads_first(tmp_path):
    """SQLite orders by the load, not by the name among equal pressures: 60 contacts with
    the same history, named in the reverse of the order they were added, make the first
    view read further than its first guess to find the list's first five."""
    path = tmp_path / "n.db"
    with open_store(path) as store:
        for n in range(60):
            contact = store.add_contact(person(f"Same {99 - n:02d}"), NOW - timedelta(days=30))
            store.log(contact.id, out(NOW - timedelta(days=9)), NOW)
        standings.save(store, NOW)
    full = _full(path, NOW)
    assert len({row[1:] for row in full}) == 1  # one pressure, verdict and date for all
    for limit in (1, 5, 11, 59, 60):
        assert _first(path, NOW, limit) == (full[:limit], 60)
    assert [name for name in _names(path, 5)] == ["Same 40", "Same 41", "Same 42", "Same 43", "Same 44"]


def _names(path, limit):
    with open_store(path) as store:
        rows, _ = standings.first_view(store, NOW, limit=limit)
    return [row.name for row in rows]


def test_standings_from_another_time_zone_are_not_trusted(tmp_path):
    path = tmp_path / "n.db"
    with open_store(path) as store:
        write_large_demo(store, NOW, 20, 300)
        standings.save(store, NOW)
        elsewhere = NOW.in_timezone("America/New_York")
        assert standings.first_view(store, elsewhere) is None  # kept for another zone: none trusted
    assert _first(path, NOW) == (_full(path, NOW), 20)


def test_too_many_stale_rows_mean_no_first_view(tmp_path):
    path = tmp_path / "n.db"
    with open_store(path) as store:
        write_large_demo(store, NOW, 30, 500)
        standings.save(store, NOW)
        # A standing whose moment is exactly now (a message just leaving the decay window)
        # is not trusted either: count those first.
        counts: dict = {}
        standings.first_view(store, NOW, counts=counts)
        already = counts["stale"]
        for s in store.summaries(NOW)[:3]:
            store.log(s.contact.id, out(NOW), NOW)
        assert standings.first_view(store, NOW, max_stale=already + 2) is None
        assert standings.first_view(store, NOW, max_stale=already + 3) is not None


def test_without_a_limit_on_stale_rows_the_first_view_is_the_list_all_the_same(tmp_path, monkeypatch):
    """The launcher's child computes a first view however many standings ran out, none
    kept included; past `_MANY` it reads the whole network's histories and picks."""
    path = tmp_path / "n.db"
    with open_store(path) as store:
        write_large_demo(store, NOW, 300, 8_000)
        assert standings.first_view(store, NOW) is None  # none kept: the app's own thread won't
    for many in (standings._MANY, 10):
        monkeypatch.setattr(standings, "_MANY", many)
        assert _first(path, NOW, 50, max_stale=None) == (_full(path, NOW)[:50], 300)
    with open_store(path) as store:
        standings.save(store, NOW)
    later = NOW + timedelta(days=40)
    counts: dict = {}
    with open_store(path) as store:
        standings.first_view(store, later, counts)
    assert counts["stale"] > 10  # out of date by then
    assert _first(path, later, 300, max_stale=None) == (_full(path, later), 300)
    with open_store(tmp_path / "empty.db") as store:
        assert standings.first_view(store, NOW, max_stale=None) is None  # no contacts
