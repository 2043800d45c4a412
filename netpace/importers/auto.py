"""Import one path, in a format given or guessed: what `netpace import PATH`,
`netpace import linkedin PATH` and the app's import field call.

    result = import_path(store, path, options)                      # guess the format
    result = import_path(store, path, options, format="linkedin")   # the LinkedIn export
    for text, is_error in describe_path(result): ...
    exit code: result.exit_code (0 done, 1 a file couldn't be imported, 2 a usage problem)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..domain.formats import IMPORT_NAMES
from ..store.collector import collector_paused
from ..store.store import Store
from .errors import ImportFailure, NeedsOption
from .linkedin_export import import_export
from .records import ImportOptions, NoProgress, Progress
from .report import describe
from .runner import FileResult, check_options, import_file
from .sniff import LINKEDIN_EXPORT, guess_format

# Every format `import_path` takes: the whole export and the single-file readers, in the
# order of the table of formats.
ALL_FORMATS: tuple[str, ...] = IMPORT_NAMES


@dataclass
class PathResult:
    """What importing one path did.

    `format` is the format used (None when it couldn't be told), `guessed` why it was
    taken for that format (None when the format was given), `files` one result per file
    read (one, or one per CSV of the LinkedIn export), `ignored` the export's other files.
    `error` is one sentence when nothing was imported at all.
    """

    path: Path
    format: str | None = None
    guessed: str | None = None
    files: list[FileResult] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    error: str | None = None
    usage_error: bool = False

    @property
    def exit_code(self) -> int:
        """0 all imported, 2 a command-line problem (--me missing, ...), else 1 an error."""
        if self.usage_error or any(f.usage_error for f in self.files):
            return 2
        if self.error is not None or any(f.error is not None for f in self.files):
            return 1
        return 0


def import_path(
    store: Store | None,
    path: Path,
    options: ImportOptions,
    *,
    format: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    before_write: Callable[[], Store] | None = None,
) -> PathResult:
    """Import `path` in `format` (one of ALL_FORMATS), or in the format its content shows.

    With `dry_run`, or without a store (a database not created yet), only plans.
    `before_write` is called right before anything is written, for the store to write to
    (runner.import_file says more). Never raises for anything the path or the options can
    hold: the result says it.
    """
    with collector_paused():
        return _import_path(store, path, options, format, dry_run, progress or NoProgress(), before_write)


def _import_path(
    store: Store | None, path: Path, options: ImportOptions, format: str | None, dry_run: bool, progress: Progress,
    before_write: Callable[[], Store] | None,
) -> PathResult:
    result = PathResult(path, format=format)
    if format is None:
        try:
            guess = guess_format(path)
        except ImportFailure as error:
            result.error = str(error)
            return result
        result.format, result.guessed = guess.format, guess.why
    elif format not in ALL_FORMATS:
        result.error = f"Unknown format {format!r}: use one of {', '.join(ALL_FORMATS)}."
        result.usage_error = True
        return result

    if result.format == LINKEDIN_EXPORT:
        export = import_export(store, path, options, dry_run=dry_run, progress=progress, before_write=before_write)
        result.files, result.ignored = export.files, export.ignored
        result.error, result.usage_error = export.error, export.usage_error
        return result
    try:
        check_options(result.format, options, [path])
    except NeedsOption as error:
        result.error, result.usage_error = str(error), True
        return result
    result.files = [import_file(store, result.format, path, options, dry_run=dry_run, progress=progress,
                                before_write=before_write)]
    return result


def describe_path(result: PathResult) -> list[tuple[str, bool]]:
    """(line, is an error) for the user: what the path was taken for, the export's
    ignored files, then each file's skips, notes and summary (or its error)."""
    lines: list[tuple[str, bool]] = []
    if result.guessed:
        lines.append((f"{result.path}: read as {result.guessed}.", False))
    if result.error is not None:
        lines.append((result.error, True))
        return lines
    if result.ignored:
        count = len(result.ignored)
        files = f"{count:,} other file{'' if count == 1 else 's'}"
        lines.append((f"{result.path}: left alone {files}: {', '.join(result.ignored)}.", False))
    for file in result.files:
        lines += [(line, file.error is not None) for line in describe(file)]
    return lines
