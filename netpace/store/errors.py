"""Errors a user can cause, each carrying one clear sentence."""

from __future__ import annotations

from ..domain.validation import InvalidInput


class StoreError(Exception):
    """Something about the database the user must hear about (exit code 1)."""


class NeedsUpgrade(StoreError):
    """A database of an older schema, opened by something that must not upgrade it."""


class NoNetwork(StoreError):
    """No netpace network there yet (no file, or an empty PostgreSQL database), where a
    command must not create one."""


class ValidationError(StoreError, InvalidInput):
    """Input that can't be saved (exit code 2 from the command line): the domain's
    InvalidInput, raised by the store as one of its own errors."""


class NotFound(ValidationError):
    def __init__(self, query: str, candidates: tuple[str, ...] = ()):
        self.query = query
        self.candidates = candidates
        super().__init__(f"No contact matches {query!r}.")


class InteractionNotFound(NotFound):
    def __init__(self, interaction_id: int):
        ValidationError.__init__(self, f"There is no interaction #{interaction_id}.")
        self.query = str(interaction_id)
        self.candidates = ()


class AmbiguousName(ValidationError):
    def __init__(self, query: str, candidates: tuple[str, ...]):
        self.query = query
        self.candidates = candidates
        super().__init__(f"{query!r} matches {len(candidates)} contacts; say which one.")


def describe(error: BaseException, path) -> str:
    """One sentence for a database error a user can run into (`path`: a file's path, or a
    PostgreSQL server's URL, store.paths.ServerUrl)."""
    if hasattr(path, "host"):
        return describe_server(error, path)
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return f"The database {path} is locked by another program; try again in a moment."
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return f"{path} is not a netpace database, or it is damaged."
    if "readonly" in text or "read-only" in text:
        return f"{path} is read-only: netpace can't save changes there."
    if "unable to open" in text:
        return f"netpace can't open {path}: check that its folder exists and is writable."
    if "disk" in text and ("full" in text or "i/o" in text):
        return f"Writing {path} failed: the disk is full or failing."
    return f"Database error on {path}: {error}."


def _original(error: BaseException) -> BaseException:
    """The driver's own error inside a Peewee one (Peewee wraps it as its first argument)."""
    while error.args and isinstance(error.args[0], BaseException):
        error = error.args[0]
    return error


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    for prefix in ("FATAL:", "ERROR:"):
        line = line.replace(prefix, "")
    return " ".join(line.split()).rstrip(".")


def _quoted_after(text: str, words: str) -> str | None:
    import re

    found = re.search(words + r' "([^"]*)"', text)
    return found.group(1) if found else None


def describe_server(error: BaseException, url) -> str:
    """One sentence (what, and which server) for an error of a PostgreSQL server at `url`
    (a store.paths.ServerUrl, whose str() masks any password). Never the password: the
    URL shown is the masked one, and the server's words are scrubbed of it."""
    original = _original(error)
    raw = url.scrub(str(original))
    text = raw.lower()
    state = getattr(original, "sqlstate", None) or ""
    host = url.host
    database = url.dbname or "(the default)"
    if "password authentication failed" in text or state == "28P01":
        user = _quoted_after(raw, "for user")
        who = f" for the role {user}" if user else ""
        return f"The PostgreSQL server at {host} refused the password{who} ({url})."
    if "no password supplied" in text or "password is required" in text:
        return (f"The PostgreSQL server at {host} wants a password ({url}): put it in the URL, in ~/.pgpass or "
                "in PGPASSWORD.")
    if ("database" in text and "does not exist" in text) or state == "3D000":
        name = _quoted_after(raw, "database") or database
        return f"There is no database {name} on the PostgreSQL server at {host}; create it first (createdb {name})."
    if ("role" in text and "does not exist" in text) or "no pg_hba.conf entry" in text or state == "28000":
        return f"The PostgreSQL server at {host} does not let this role in ({url}): {_first_line(raw)}."
    if "could not translate host name" in text or "name or service not known" in text:
        return f"There is no PostgreSQL server at {host}: the host name is unknown ({url})."
    if "lock timeout" in text or state == "55P03":
        return f"The database {url} is locked by another program; try again in a moment."
    if "permission denied" in text or state == "42501":
        return f"The PostgreSQL server at {host} refused: {_first_line(raw)} ({url})."
    if "read-only transaction" in text or state == "25006":
        return f"The PostgreSQL server at {host} is read-only: netpace can't save changes there ({url})."
    if "nul (0x00)" in text or "0x00" in text:
        return f"PostgreSQL can't store a NUL character; nothing was saved to {url}."
    if state == "53100" or "no space left" in text or "disk full" in text:
        return f"The PostgreSQL server at {host} is out of disk space; nothing was saved ({url})."
    if (state.startswith("08") or state.startswith("57P") or "connection" in text or "server closed" in text
            or "timeout expired" in text or "terminating" in text or "the connection is" in text):
        reason = _first_line(raw).rpartition("failed:")[2].strip() or _first_line(raw)
        return f"Can't reach the PostgreSQL server at {host} ({url}): {reason}."
    return f"Database error on {url}: {_first_line(raw)}."
