"""Where the database lives: a file path, or a PostgreSQL server's URL. Functions, so
nothing is decided at import time; the standard library only (the app's first frame
reads this).

A URL is kept as a `ServerUrl`, whose `str()` and `repr()` mask any password: it can be
printed, put in a sentence or a traceback, and never shows the secret.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote

from .errors import StoreError

ENV_VAR = "NETPACE_DB"
# The schemes libpq reads as a PostgreSQL connection URL.
SERVER_SCHEMES = ("postgresql", "postgres")
MASK = "***"
URL_FORM = "postgresql://user@host:port/dbname"

# "scheme://...": anything of this shape is a URL, never a file name.
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_QUERY_PASSWORD = re.compile(r"(^|&)(password=)[^&]*", re.IGNORECASE)


class BadLocation(StoreError):
    """--db or $NETPACE_DB names something netpace can't use (a usage error)."""


@dataclass(frozen=True)
class ServerUrl:
    """A PostgreSQL connection URL. `str()` is the URL with any password masked."""

    masked: str
    host: str  # for sentences: the host name(s), the socket folder, or "the local socket"
    dbname: str  # as written in the URL ("" when libpq picks it: $PGDATABASE, else the user name)
    conninfo: str = field(repr=False)  # the URL as given, password included: for libpq only
    secrets: tuple[str, ...] = field(default=(), repr=False)  # the passwords in it, to scrub from any text

    def scrub(self, text: str) -> str:
        """`text` with any password of this URL masked (for messages from elsewhere)."""
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        return text

    def __str__(self) -> str:
        return self.masked

    def __repr__(self) -> str:
        return f"ServerUrl({self.masked!r})"


Location = Path | ServerUrl


def looks_like_url(text: str) -> bool:
    return bool(_URL.match(text))


def parse_server_url(text: str) -> ServerUrl:
    """A `postgresql://` (or `postgres://`) URL as a ServerUrl; BadLocation (one sentence,
    without the password) for any other URL. libpq reads the details when connecting."""
    match = _URL.match(text)
    if not match or match.group(1).lower() not in SERVER_SCHEMES:
        scheme = match.group(1) if match else ""
        raise BadLocation(
            f"netpace keeps its network in a file or on a PostgreSQL server ({URL_FORM}), not at a "
            f"{scheme}:// URL."
        )
    rest = text[match.end():]
    netloc, slash, tail = rest.partition("/")
    if not slash:
        netloc, _, tail = rest.partition("?")
        tail = "?" + tail if tail else ""
    path_part, question, query = tail.partition("?")
    userinfo, at, hosts = netloc.rpartition("@")
    if not at:
        userinfo, hosts = "", netloc
    user, colon, password = userinfo.partition(":")
    masked_userinfo = f"{user}:{MASK}" if colon else user
    masked_netloc = f"{masked_userinfo}@{hosts}" if at else hosts
    masked_query = _QUERY_PASSWORD.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", query)
    masked = f"{match.group(1)}://{masked_netloc}"
    if slash:
        masked += "/" + path_part
    if question:
        masked += "?" + masked_query
    params = dict(parse_qsl(query, keep_blank_values=True))
    host = _hosts_without_ports(unquote(hosts)) or params.get("host", "") or "the local socket"
    dbname = unquote(path_part) or params.get("dbname", "")
    secrets = {password, unquote(password), params.get("password", "")}
    secrets |= {value for key, value in parse_qsl(query) if key.lower() == "password"}
    return ServerUrl(masked=masked, host=host, dbname=dbname, conninfo=text,
                     secrets=tuple(sorted((s for s in secrets if s), key=len, reverse=True)))


def _hosts_without_ports(hosts: str) -> str:
    names = []
    for item in hosts.split(","):
        if item.startswith("["):  # [::1]:5432
            names.append(item.partition("]")[0] + "]")
        else:
            names.append(item.rpartition(":")[0] if ":" in item else item)
    return ",".join(name for name in names if name)


def is_server(location) -> bool:
    return isinstance(location, ServerUrl)


def default_db_path() -> Path:
    import platformdirs

    return platformdirs.user_data_path("netpace") / "netpace.db"


def data_folder() -> Path:
    """The platform's data folder for netpace (where a server's backups go)."""
    return default_db_path().parent


def expand(path: str | os.PathLike) -> Path:
    """`~` and `~user` expanded; left as typed when there is no such user or home."""
    try:
        return Path(path).expanduser()
    except RuntimeError:
        return Path(path)


def as_location(value: str | os.PathLike | ServerUrl) -> Location:
    """A path (str or path-like) or a URL as the database's location."""
    if isinstance(value, (ServerUrl, Path)):
        return value
    text = os.fspath(value)
    if looks_like_url(text):
        return parse_server_url(text)
    return expand(text)


def resolve_db_path(option: str | os.PathLike | ServerUrl | None = None) -> Location:
    """`--db` wins, then $NETPACE_DB, then the platform's data folder. A PostgreSQL URL in
    either gives a ServerUrl; any other URL is refused (BadLocation)."""
    if option:
        return as_location(option)
    env = os.environ.get(ENV_VAR)
    if env:
        return as_location(env)
    return default_db_path()
