"""Running the app, with the network loading before Textual is even imported
(netpace.startup.preload): on a store the CLI opened (`run_app`), or on the list the
launch's forked child read (`run_after_child`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..startup.preload import Preload
from .network import prepare_network

if TYPE_CHECKING:
    from ..store import Store


def run_app(db: "Store | Path | str", fixed_now: datetime | None = None) -> None:
    """Run the app on `db` (an open store, or a path to open) until the user quits.

    Raises StoreError (one sentence) when the database can't be opened. A store passed in
    stays open (its owner closes it): the CLI has opened it already to report problems.
    """
    from ..store import Store, open_store

    store = db if isinstance(db, Store) else open_store(db)
    try:
        preload = Preload(store, fixed_now, prepare=prepare_network)
        from .app import NetpaceApp

        result = NetpaceApp(store, now=fixed_now, preload=preload).run()
    finally:
        if store is not db:
            store.close()
    _after(result, fixed_now)


def _after(result, fixed_now: datetime | None) -> None:
    """What the app asked for as it closed: the demo network, from the welcome screen."""
    from .screens.welcome import TRY_DEMO

    if result == TRY_DEMO:
        run_demo(fixed_now)


def run_demo(fixed_now: datetime | None = None) -> Path:
    """Write the demo network into a new temporary database and run the app on it (what
    `netpace --demo` does); returns the database's path."""
    import tempfile

    from ..clock import local_now
    from ..demo import write_demo
    from ..store import open_store

    path = Path(tempfile.mkdtemp(prefix="netpace-demo-")) / "netpace-demo.db"
    with open_store(path) as store:
        write_demo(store, fixed_now or local_now())
    run_app(path, fixed_now)
    return path


def run_after_child(child, now_text: str | None, db: str | None = None) -> bool:
    """Run the app on the first view the launch's child read (netpace.startup.fork.Child),
    opening the database (`db`, resolved as the child resolved it) once that view is
    drawn. False, with nothing shown, when the child has no view to offer: the CLI then
    takes over."""
    from .app import NetpaceApp  # imported before waiting: the child works meanwhile
    from .screens.main import MainScreen  # noqa: F401  (the first screen, ready too)

    found = child.answer()
    if not found or found[0] != "view":
        return False
    from ..startup.kept_list import moment, unpack

    from ..store.paths import resolve_db_path

    _, _, timestamp, offset, total, rows, theme = found
    try:
        path = resolve_db_path(db)  # as the child did (it found a network there)
    except Exception:
        return False
    preload = Preload(None, None, prepare=prepare_network, path=path, now_text=now_text,
                      first=(rows, total, moment(timestamp, offset)), unpack=unpack)
    try:
        result = NetpaceApp(None, now=preload.now if now_text is not None else None, preload=preload,
                            theme=theme).run()
    finally:
        if preload.store is not None:
            preload.store.close()
    _after(result, preload.now() if now_text is not None else None)
    return True
