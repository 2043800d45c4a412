"""The store's fast path (aggregates in SQL, only the decay window loaded) must agree
exactly with the engine run on every interaction."""

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netpace.demo import write_large_demo
from netpace.domain.model import Channel, Contact, Direction, Interaction, Kind, MetVia
from netpace.domain.pressure import WINDOW_DAYS
from netpace.store import open_store
from netpace.store.bulk import bulk_add
from netpace.store.store import summarize

from .helpers import NOW


def _reference(store, now):
    history = store.interactions_by_contact()
    return {c.id: summarize(c, history.get(c.id, []), now).assessment for c in store.contacts()}


def test_fast_summaries_match_the_engine_on_a_generated_network(tmp_path):
    with open_store(tmp_path / "n.db") as store:
        people, written = write_large_demo(store, NOW, 400, 12_000)
        assert (people, written) == (400, 12_000)
        for now in (NOW, NOW - timedelta(days=90), NOW + timedelta(days=200)):
            fast = {s.contact.id: s.assessment for s in store.summaries(now)}
            assert fast == _reference(store, now)


ages = st.one_of(
    st.integers(0, 60 * 24 * 900),
    st.integers(60 * 24 * (WINDOW_DAYS - 5), 60 * 24 * (WINDOW_DAYS + 5)),  # around the window edge
)
stored = st.lists(
    st.tuples(ages, st.sampled_from(list(Direction)), st.sampled_from(list(Kind))),
    max_size=30,
)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(stored, min_size=1, max_size=6), st.sampled_from([None, MetVia.CONFERENCE, MetVia.SOCIAL]))
def test_fast_summaries_match_on_arbitrary_histories(tmp_path_factory, histories, via):
    path = tmp_path_factory.mktemp("h") / "h.db"
    with open_store(path) as store:
        people = []
        for n, history in enumerate(histories):
            items = [
                Interaction(at=NOW - timedelta(minutes=m), direction=d, channel=Channel.EMAIL, kind=k)
                for m, d, k in history
            ]
            met_on = (NOW - timedelta(days=3 * n)).date()
            people.append((Contact(name=f"P{n}", met_via=via, met_on=met_on, keep_in_touch_days=60 if n % 2 else None), items))
        bulk_add(store, people, NOW)
        for now in (NOW, NOW - timedelta(days=WINDOW_DAYS)):
            assert {s.contact.id: s.assessment for s in store.summaries(now)} == _reference(store, now)


def test_fast_summaries_match_when_interactions_share_a_moment(tmp_path):
    """Rows at the same moment are put in the engine's order (yours first, heavier first),
    whatever order SQL returns them in."""
    moment = NOW - timedelta(days=2)
    kinds = [(Direction.IN, Kind.REPLY), (Direction.OUT, Kind.ASK), (Direction.OUT, Kind.THANKS),
             (Direction.BOTH, Kind.MEETING), (Direction.OUT, Kind.CHECK_IN)]
    with open_store(tmp_path / "t.db") as store:
        people = []
        for n in range(len(kinds)):
            rotated = kinds[n:] + kinds[:n]
            items = [Interaction(at=moment, direction=d, channel=Channel.EMAIL, kind=k) for d, k in rotated]
            items.append(Interaction(at=moment - timedelta(days=1), direction=Direction.OUT, kind=Kind.ASK))
            people.append((Contact(name=f"Tie {n}"), items))
        bulk_add(store, people, NOW)
        assert {s.contact.id: s.assessment for s in store.summaries(NOW)} == _reference(store, NOW)


def test_histories_of_some_contacts_equal_the_whole_network_read(tmp_path, monkeypatch):
    """The first view assesses only the contacts whose standing is out of date: the same
    histories, read for those ids alone (in chunks past 500), with the totals table good
    or not adding up, and at a moment with interactions after it."""
    from netpace.store import reading

    with open_store(tmp_path / "n.db") as store:
        write_large_demo(store, NOW, 700, 9_000)
        ids = sorted(c.id for c in store.contacts())
        some = ids[::3] + [10**9]  # and one id that isn't a contact
        for now in (NOW, NOW - timedelta(days=40)):
            whole, later = reading.network_histories(store, now)
            part, part_later = reading.network_histories(store, now, some)
            assert part == {i: h for i, h in whole.items() if i in some}
            assert part_later == frozenset(later & set(some))
        monkeypatch.setattr(reading, "full_histories", lambda *a: {})  # so the windowed reads alone answer
        assert len(reading.network_histories(store, NOW, ids)[0]) > 600
        monkeypatch.undo()
        store.db.execute_sql("UPDATE contact_totals SET total = total + 1 WHERE contact_id = ?", (ids[0],))
        whole, later = reading.network_histories(store, NOW)
        part, part_later = reading.network_histories(store, NOW, some)
        assert later is None and part_later is None
        assert part == {i: h for i, h in whole.items() if i in some}
