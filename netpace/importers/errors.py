"""Why a whole file can't be imported: one sentence each."""

from __future__ import annotations


class ImportFailure(Exception):
    """Nothing from this file was written; the message says why (exit code 1)."""


class Unreadable(ImportFailure):
    """The file can't be read or isn't in the format asked for."""


class NeedsOption(ImportFailure):
    """The command line lacks something this format needs (exit code 2)."""
