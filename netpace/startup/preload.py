"""The quick launch's second half: the first network load, on a thread started before
the app exists (netpace.ui.run starts the app on it).

Two ways in. After the launch's forked child has read the list as the last session kept
it (startup.fork, startup.kept_list), the app draws it in its first frame and only then
is the database opened here. Otherwise a thread started first opens nothing new: it reads
that list from the store the CLI opened while Textual loads.

Either way, once that first view is on screen the same thread loads the whole network
(every contact, assessment and reason), which then replaces it. On a database with no
standings kept, the full load is the first thing drawn.
"""

from __future__ import annotations

import gc
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..store.errors import StoreError

if TYPE_CHECKING:
    from ..store import Store


class Preload:
    """The first network load, run on its own thread from before the app exists.

    With an open store it first reads the list as the last launch left it
    (`store.standings.first_view`); with a `first` view given (read by the launch's
    child) it opens the store at `path` only after that view is drawn. It waits until the
    app has drawn the first view (`go`) before the full load, so the two don't compete for
    the interpreter while the screen is drawn.
    """

    def __init__(self, store, fixed_now: datetime | None, *, prepare: Callable, path: Path | None = None,
                 now_text: str | None = None, first: tuple[list, int, datetime] | None = None,
                 unpack=None) -> None:
        """`prepare(summaries, now, marker)` makes the network the app shows of the loaded
        summaries (the UI's list rows and search keys, built here, off the UI thread)."""
        self.store = store
        self.prepare = prepare
        self.fixed_now = fixed_now
        self.path = path
        self.now_text = now_text
        self.unpack = unpack  # how the app makes a FirstRow of each row in `first`
        self.network = None
        self.first = first
        self._given = first is not None
        self.error: BaseException | None = None
        self._fixed_lock = threading.Lock()
        self._first_ready = threading.Event()
        self._opened = threading.Event()
        self._go = threading.Event()
        if store is not None:
            self._opened.set()
        self._thread = threading.Thread(target=self._run, name="netpace-preload", daemon=True)
        self._thread.start()

    def now(self) -> datetime:
        """The launch's fixed time (--now), else the real time."""
        if self.fixed_now is None and self.now_text is not None:
            with self._fixed_lock:
                if self.fixed_now is None:
                    from ..clock import now_from

                    self.fixed_now = now_from(self.now_text)
        if self.fixed_now is not None:
            return self.fixed_now
        from ..clock import local_now

        return local_now()

    def _run(self) -> None:
        try:
            if self.first is None and self.store is not None:
                try:
                    self.first = _first_view(self.store, self.now())
                except Exception:  # only a head start: the full load below reports any error
                    self.first = None
            self._first_ready.set()
            if self.first is not None:
                self._go.wait(timeout=GO_AFTER_SECONDS)
            if self.store is None:
                self._open()
            now = self.now()
            marker = self.store.change_marker()
            summaries = self.store.summaries(now, include_hidden=True)
            self.network = self.prepare(summaries, now, marker, self.store.daily_budget())
        except BaseException as error:  # handed to the app's worker, which reports it
            self.error = error
        finally:
            self._first_ready.set()
            self._opened.set()
            if self.store is not None:
                try:
                    self.store.db.close()  # this thread's connection
                except Exception:
                    pass

    def _open(self) -> None:
        from ..store import open_store

        try:
            self.store = open_store(self.path)
        finally:
            self._opened.set()

    def opened_store(self) -> "Store":
        """The store (waits until it is open); StoreError if it could not be opened."""
        self._opened.wait()
        if self.store is None:
            raise self.error if isinstance(self.error, StoreError) else StoreError(
                "The database could not be opened.")
        return self.store

    def first_view(self):
        """(the first rows in list order, how many contacts there are, now) from the kept
        standings, or None (waits for it)."""
        self._first_ready.wait()
        return self.first

    def ready_view(self):
        """The first view if it was given (read by the launch's child), else None."""
        return self.first if self._given else None

    def go(self) -> None:
        """The first view is on screen: start the full load. (Called on the app's thread.)
        A launch that turned the cyclic collector off gets it back here, with everything
        made so far frozen out of its way."""
        self._go.set()
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

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

    found = first_view(store, now)
    return None if found is None else (*found, now)
