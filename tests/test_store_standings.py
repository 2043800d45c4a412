"""The list the app shows first, from standings kept by the previous launch, must be the
list a full read gives: same rows, same pressure, verdict and date, same order."""

from datetime import timedelta

from netpace.demo import write_large_demo
from netpace.domain.model import Status
from netpace.domain.pressure import triage_key
from netpace.store import open_store
from netpace.store import standings

from .helpers import NOW, out, person


def _full(path, now):
    with open_store(path) as store:
        return {s.contact.id: (s.assessment.pressure, s.assessment.verdict, s.assessment.next_on, s.contact.status)
                for s in store.summaries(now)}


def _first(path, now):
    with open_store(path) as store:
        view = standings.first_view(store, now)
    if view is None:
        return None
    return {row.id: (row.pressure, row.verdict, row.next_on, row.status) for row in view}


def test_first_view_equals_a_full_read_later_and_after_changes(tmp_path):
    path = tmp_path / "n.db"
    with open_store(path) as store:
        write_large_demo(store, NOW, 300, 8_000)
        assert standings.first_view(store, NOW) is None  # nothing kept yet
        assert standings.save(store, NOW) == 300
    for later in (timedelta(minutes=5), timedelta(hours=20), timedelta(days=3), timedelta(days=40)):
        assert _first(path, NOW + later) == _full(path, NOW + later)
    with open_store(path) as store:
        ids = [s.contact.id for s in store.summaries(NOW)]
        store.log(ids[0], out(NOW), NOW)
        store.set_status(ids[1], Status.SNOOZED, (NOW + timedelta(days=5)).date(), NOW)
        added = store.add_contact(person("New Person"), NOW)
        store.delete_contact(ids[2])
    now = NOW + timedelta(hours=1)
    first = _first(path, now)
    assert first == _full(path, now)
    assert added.id in first and ids[2] not in first


def test_standings_from_another_time_zone_are_not_trusted(tmp_path):
    path = tmp_path / "n.db"
    with open_store(path) as store:
        write_large_demo(store, NOW, 20, 300)
        standings.save(store, NOW)
        elsewhere = NOW.in_timezone("America/New_York")
        assert standings.first_view(store, elsewhere) is None  # kept for another zone: none trusted
    assert _first(path, NOW) == _full(path, NOW)


def test_too_many_stale_rows_mean_no_first_view(tmp_path, monkeypatch):
    monkeypatch.setattr(standings, "MAX_STALE", 2)
    path = tmp_path / "n.db"
    with open_store(path) as store:
        write_large_demo(store, NOW, 30, 500)
        standings.save(store, NOW)
        for s in store.summaries(NOW)[:3]:
            store.log(s.contact.id, out(NOW), NOW)
        assert standings.first_view(store, NOW) is None


def test_first_view_sorts_like_the_list(tmp_path):
    path = tmp_path / "n.db"
    with open_store(path) as store:
        write_large_demo(store, NOW, 200, 5_000)
        standings.save(store, NOW)
        now = NOW + timedelta(days=2)
        view = standings.first_view(store, now)
        order = [row.id for row in sorted(view, key=lambda r: (*triage_key(r.verdict, r.next_on, r.pressure, r.name), r.id))]
        hidden = {s.contact.id for s in store.summaries(now) if s.contact.is_hidden_on(now.date())}
        full = [s.contact.id for s in store.summaries(now)]
    assert [i for i in order if i not in hidden] == [i for i in full if i not in hidden]
