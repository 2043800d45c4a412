"""Local storage: SQLite through Peewee. Returns domain dataclasses, never rows.

Never imports Textual (a test enforces it).
"""

from .errors import AmbiguousName, NotFound, StoreError, ValidationError
from .paths import default_db_path, resolve_db_path
from .store import Store, open_store

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
