"""Starting the app: the list is read before Textual is even imported.

A thread started first reads the list as the last session kept it (store.standings), for
the app to draw as soon as it has mounted; once that is on screen the same thread loads
the whole network (every contact, assessment and reason), which then replaces it. On a
database with no standings kept, the full load is the first thing drawn.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store import Store


class Preload:
    """The first network load, run on its own thread from before the app exists.

    It first reads the list as the last launch left it (`store.standings.first_view`),
    which the app can draw at once, then waits until the app has drawn it (`go`) before
    the full load, so the two don't compete for the interpreter while the screen is drawn.
    """

    def __init__(self, store, fixed_now: datetime | None) -> None:
        self.store = store
        self.fixed_now = fixed_now
        self.network = None
        self.first: tuple[list, datetime] | None = None
        self.error: BaseException | None = None
        self._first_ready = threading.Event()
        self._go = threading.Event()
        self._thread = threading.Thread(target=self._run, name="netpace-preload", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            if self.fixed_now is not None:
                now = self.fixed_now
            else:
                from ..clock import local_now

                now = local_now()
            try:
                self.first = _first_view(self.store, now)
            except Exception:  # only a head start: the full load below reports any error
                self.first = None
            finally:
                self._first_ready.set()
            if self.first is not None:
                self._go.wait(timeout=GO_AFTER_SECONDS)
            marker = self.store.change_marker()
            summaries = self.store.summaries(now, include_hidden=True)
            from .app import prepare_network

            self.network = prepare_network(summaries, now, marker)
        except BaseException as error:  # handed to the app's worker, which reports it
            self.error = error
        finally:
            self._first_ready.set()
            try:
                self.store.db.close()  # this thread's connection
            except Exception:
                pass

    def first_view(self):
        """(rows in list order, now) from the kept standings, or None (waits for it)."""
        self._first_ready.wait()
        return self.first

    def go(self) -> None:
        """The first view is on screen: start the full load."""
        self._go.set()

    def result(self):
        """The prepared network (waits for it); raises what the load raised."""
        self._thread.join()
        if self.error is not None:
            raise self.error
        return self.network


# The full load starts at the latest this long after the first view was read, should the
# app never say it has drawn it.
GO_AFTER_SECONDS = 2.0


def _first_view(store, now: datetime):
    from ..store.standings import first_view

    rows = first_view(store, now)
    return None if rows is None else (rows, now)


def run_app(db: "Store | Path | str", fixed_now: datetime | None = None) -> None:
    """Run the app on `db` (an open store, or a path to open) until the user quits.

    Raises StoreError (one sentence) when the database can't be opened. A store passed in
    stays open (its owner closes it): the CLI has opened it already to report problems.
    """
    from ..store import Store, open_store

    store = db if isinstance(db, Store) else open_store(db)
    try:
        preload = Preload(store, fixed_now)
        from .app import NetpaceApp

        NetpaceApp(store, now=fixed_now, preload=preload).run()
    finally:
        if store is not db:
            store.close()
