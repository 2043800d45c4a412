"""Errors a user can cause, each carrying one clear sentence."""

from __future__ import annotations

from pathlib import Path

from ..domain.validation import InvalidInput


class StoreError(Exception):
    """Something about the database the user must hear about (exit code 1)."""


class NeedsUpgrade(StoreError):
    """A database of an older schema, opened by something that must not upgrade it."""


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


def describe(error: BaseException, path: Path | str) -> str:
    """One sentence for a database error a user can run into."""
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
