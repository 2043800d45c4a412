"""Starting the app: the network starts loading before Textual is even imported.

Reading and assessing 10,000 contacts takes most of the launch, and importing Textual and
building the first screen take most of the rest; the two overlap here (SQLite releases
the GIL while it scans), instead of the read starting only once the app has mounted.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path


class Preload:
    """The first network load, run on its own thread from before the app exists."""

    def __init__(self, store, fixed_now: datetime | None) -> None:
        self.store = store
        self.fixed_now = fixed_now
        self.network = None
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="netpace-preload", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            if self.fixed_now is not None:
                now = self.fixed_now
            else:
                from ..clock import local_now

                now = local_now()
            marker = self.store.change_marker()
            summaries = self.store.summaries(now, include_hidden=True)
            from .app import prepare_network

            self.network = prepare_network(summaries, now, marker)
        except BaseException as error:  # handed to the app's worker, which reports it
            self.error = error
        finally:
            try:
                self.store.db.close()  # this thread's connection
            except Exception:
                pass

    def result(self):
        """The prepared network (waits for it); raises what the load raised."""
        self._thread.join()
        if self.error is not None:
            raise self.error
        return self.network


def run_app(db_path: Path | str, fixed_now: datetime | None = None) -> None:
    """Open the store at `db_path` and run the app until the user quits.

    Raises StoreError (one sentence) when the database can't be opened.
    """
    from ..store import open_store

    store = open_store(db_path)
    try:
        preload = Preload(store, fixed_now)
        from .app import NetpaceApp

        NetpaceApp(store, now=fixed_now, preload=preload).run()
    finally:
        store.close()
