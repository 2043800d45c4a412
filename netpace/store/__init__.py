"""Storage: an SQLite file, or a PostgreSQL database (server.py), through Peewee.
Returns domain dataclasses, never rows.

Never imports Textual (a test enforces it). `Store` and `open_store` (and with them
Peewee) are imported on first use, so code that only needs the errors or the paths (the
app's first frame, above all) doesn't pay for Peewee.
"""

from .errors import AmbiguousName, NotFound, StoreError, ValidationError
from .paths import default_db_path, resolve_db_path

__all__ = [
    "AmbiguousName",
    "NotFound",
    "Store",
    "StoreError",
    "ValidationError",
    "default_db_path",
    "open_store",
    "resolve_db_path",
]


def __getattr__(name: str):
    if name in ("Store", "open_store"):
        from . import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
