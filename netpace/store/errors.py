"""Errors a user can cause, each carrying one clear sentence."""

from __future__ import annotations


class StoreError(Exception):
    """Something about the database the user must hear about (exit code 1)."""


class NeedsUpgrade(StoreError):
    """A database of an older schema, opened by something that must not upgrade it."""


class ValidationError(StoreError):
    """Input that can't be saved (exit code 2 from the command line)."""


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
