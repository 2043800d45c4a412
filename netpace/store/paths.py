"""Where the database lives. Functions, so nothing is decided at import time."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "NETPACE_DB"


def default_db_path() -> Path:
    import platformdirs

    return platformdirs.user_data_path("netpace") / "netpace.db"


def expand(path: str | os.PathLike) -> Path:
    """`~` and `~user` expanded; left as typed when there is no such user or home."""
    try:
        return Path(path).expanduser()
    except RuntimeError:
        return Path(path)


def resolve_db_path(option: str | os.PathLike | None = None) -> Path:
    """`--db` wins, then $NETPACE_DB, then the platform's data folder."""
    if option:
        return expand(option)
    env = os.environ.get(ENV_VAR)
    if env:
        return expand(env)
    return default_db_path()
