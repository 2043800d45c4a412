"""Import one file: read its records, plan the merge, write it in one transaction."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..domain.formats import IMPORT_FORMATS
from ..store.errors import StoreError
from ..store.store import Store
from . import mbox
from .errors import ImportFailure, NeedsOption
from .merge import Merger, Outcome, fingerprint
from .records import ImportOptions, NoProgress, Progress, Record

Reader = Callable[[Path, ImportOptions, Progress], Iterator[Record]]

# Each format's reader, from the one table of formats (netpace.domain.formats); the whole
# LinkedIn export (`linkedin`) is read by linkedin_export through auto.import_path.
READERS: dict[str, Reader] = {f.name: import_module(f"{__package__}.{f.reader}").read
                              for f in IMPORT_FORMATS if not f.bundle}
FORMATS = tuple(READERS)
NEEDS_MY_ADDRESS = frozenset(f.name for f in IMPORT_FORMATS if f.needs_me)


@dataclass
class FileResult:
    path: Path
    outcome: Outcome | None = None
    error: str | None = None
    usage_error: bool = False
    dry_run: bool = False


def check_options(format: str, options: ImportOptions, paths: Iterable[Path] = ()) -> None:
    """Problems with the command line itself, found before any file is opened (beyond
    its first bytes: mail needs no --me when every file is a Gmail Takeout mbox, whose
    Sent label tells your addresses)."""
    if format not in READERS:
        raise NeedsOption(f"Unknown format {format!r}: use one of {', '.join(FORMATS)}.")
    paths = tuple(paths)
    if format == "mbox" and paths and all(mbox.gmail_labelled(path) for path in paths):
        return
    if format in NEEDS_MY_ADDRESS and not options.my_emails:
        raise NeedsOption(
            "Importing mail needs your own address: add --me you@example.com (repeat it for each address you use)."
        )


def import_file(
    store: Store | None,
    format: str,
    path: Path,
    options: ImportOptions,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    before_write: Callable[[], Store] | None = None,
) -> FileResult:
    """Import `path`; with `dry_run` (or no store, for a database not yet created) only plan.

    `before_write` runs once the file has been read and planned, only when the plan
    changes something, right before it is written, and gives the store to write to: it
    takes the backup, or creates the database, so a file that can't be read, or brings
    nothing new, leaves no backup and no new database behind. A StoreError from it ends
    the import. Never raises for anything a file can contain: the result carries one
    sentence.
    """
    progress = progress or NoProgress()
    result = FileResult(path, dry_run=dry_run)
    try:
        merger = merger_for(store, format, options)
        for record in READERS[format](path, options, progress):
            merger.add(record)
        progress.finish()
        if not dry_run and merger.writes_anything():
            target = before_write() if before_write is not None else store
            if target is not None:
                merger.apply(target, progress)
    except Exception as error:
        failed(result, path, error)
    finally:
        progress.finish()
    if result.error is None:
        result.outcome = merger.outcome()
    return result


def failed(result, path: Path, error: Exception) -> None:
    """What went wrong importing `path`, as the result's one sentence (and whether an
    option was missing): never a traceback, whatever a reader raised."""
    if isinstance(error, NeedsOption):
        result.error, result.usage_error = str(error), True
    elif isinstance(error, (ImportFailure, StoreError)):
        result.error = str(error)
    else:  # a reader bug
        result.error = (
            f"Importing {path} failed unexpectedly ({type(error).__name__}: {_short(error)}); nothing from it was saved."
        )


def _short(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:160] + ("…" if len(text) > 160 else "")


def merger_for(store: Store | None, format: str, options: ImportOptions) -> Merger:
    """A merge step that knows what `store` holds (nothing without a store)."""
    if store is None:
        return Merger([], set(), options.now, options.tz)
    contacts = store.contacts()
    fingerprints = None
    if format == "json":
        # Hand-logged entries have no external id: identical content is the same entry.
        fingerprints = Counter(
            fingerprint(contact_id, item)
            for contact_id, items in store.interactions_by_contact().items()
            for item in items
            if item.external_id is None
        )
    return Merger(contacts, store.external_keys(), options.now, options.tz, fingerprints)
