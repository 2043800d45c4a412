"""A write that finds the write lock taken for longer than the busy timeout begins again
(SQLite's wait is not fair: a writer that commits and begins again at once can keep
another out), and says "locked" in one sentence only when the lock never comes free."""

import sqlite3
import threading

import pytest

from netpace.domain.model import Contact
from netpace.store import StoreError, open_store
from netpace.store import store as store_module

from .helpers import NOW


def hold_write_lock(path, seconds: float) -> threading.Thread:
    """Another program holds the database's write lock for `seconds`."""
    taken = threading.Event()

    def hold():
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        taken.set()
        threading.Event().wait(seconds)
        other.execute("ROLLBACK")
        other.close()

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(5)
    return thread


def test_a_write_begins_again_when_the_lock_comes_free_after_the_busy_timeout(tmp_path):
    path = tmp_path / "n.db"
    with open_store(path) as store:
        store.db.execute_sql("PRAGMA busy_timeout = 100")  # so the test doesn't wait seconds
        holder = hold_write_lock(path, 0.35)
        saved = store.add_contact(Contact(name="Ann"), NOW)  # waits out more than one timeout
        holder.join()
        assert store.contact(saved.id).name == "Ann"


def test_a_lock_that_never_comes_free_is_one_sentence(tmp_path, monkeypatch):
    path = tmp_path / "n.db"
    monkeypatch.setattr(store_module, "WRITE_ATTEMPTS", 2)
    with open_store(path) as store:
        store.db.execute_sql("PRAGMA busy_timeout = 50")
        holder = hold_write_lock(path, 2.0)
        with pytest.raises(StoreError, match="is locked by another program; try again in a moment"):
            store.add_contact(Contact(name="Ann"), NOW)
        holder.join()
        assert store.contacts() == []
