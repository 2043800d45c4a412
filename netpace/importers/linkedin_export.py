"""LinkedIn's data export in one import: the zip (`Basic_LinkedInDataExport_MM-DD-YYYY.zip`,
`Complete_…`) or the folder it unpacks to.

Its `Connections.csv`, `Invitations.csv` and `messages.csv` are found wherever they sit
(any case) and merged in that order, through one merge step, in one transaction: the
invitations and messages then meet the connections as existing contacts. You are the
inviter of the invitations you sent (unless `--me` says otherwise). When Connections.csv
has no profile URLs (the 2021 layout), the people in messages.csv are also matched to
the one contact with their exact name. Every other file is left alone and named.

The zip is never extracted: the three members are read into memory, after checking that
nothing in it is out of proportion (a zip bomb) or points outside it (`../`).
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

from ..domain.identity import normalize_linkedin
from ..store.store import Store
from . import linkedin_connections, linkedin_invitations, linkedin_messages
from .decoding import describe_os_error
from .errors import ImportFailure, NeedsOption, Unreadable
from .records import ContactRecord, ImportOptions, NoProgress, Note, Progress, Record
from .runner import FileResult, failed, merger_for

# The files read, by their name in lower case, in the order they are merged.
READ: dict[str, tuple[str, Callable[..., Iterator[Record]]]] = {
    "connections.csv": ("linkedin-connections", linkedin_connections.read_data),
    "invitations.csv": ("linkedin-invitations", linkedin_invitations.read_data),
    "messages.csv": ("linkedin-messages", linkedin_messages.read_data),
}
# Sizes that make sense for a LinkedIn export. A heavy user's messages.csv is tens of
# megabytes; text compresses maybe tenfold, never a hundredfold.
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_RATIO = 100
MAX_ENTRIES = 20_000
# How deep into a folder the files are looked for (the export's own folders, one more).
MAX_DEPTH = 4


@dataclass(frozen=True)
class Member:
    """A file of the export: its path inside it (with `/`), and how to read it."""

    name: str
    size: int
    read: Callable[[], bytes]


@dataclass
class Export:
    path: Path
    members: list[Member]  # the files read, in merge order
    ignored: list[str] = field(default_factory=list)  # every other file


@dataclass
class ExportResult:
    """One result per file read (`FileResult.path` is the export's path / the file's),
    the files left alone, and one sentence when nothing could be imported."""

    path: Path
    files: list[FileResult] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    error: str | None = None
    usage_error: bool = False


def pick(names: list[str]) -> dict[str, str]:
    """The file read for each name of READ among these paths (inside a zip or a folder):
    the shallowest, then the first in order. Keys in READ's order."""
    found: dict[str, str] = {}
    for name in sorted(names, key=lambda name: (name.count("/"), name)):
        key = PurePosixPath(name).name.casefold()
        if key in READ and key not in found:
            found[key] = name
    return {key: found[key] for key in READ if key in found}


def _escapes(name: str) -> bool:
    parts = re.split(r"[/\\]", name)
    return name.startswith(("/", "\\")) or bool(re.match(r"^[A-Za-z]:", name)) or ".." in parts


def _choose(path: Path, entries: list[tuple[str, int, Callable[[], bytes]]]) -> Export:
    """The file of each name `pick` chooses, in merge order; the rest ignored."""
    chosen = set(pick([name for name, _, _ in entries]).values())
    if not chosen:
        raise Unreadable(
            f"{path} is not a LinkedIn data export: it holds no Connections.csv, messages.csv or Invitations.csv."
        )
    by_name = {name: Member(name, size, read) for name, size, read in entries if name in chosen}
    members = [by_name[name] for name in pick(list(chosen)).values()]
    ignored = [name for name, _, _ in entries if name not in chosen]
    for member in members:
        if member.size > MAX_FILE_BYTES:
            raise Unreadable(
                f"{path} can't be a LinkedIn export: its {member.name} would be {member.size / 1e9:,.1f} GB."
            )
    return Export(path, members, ignored)


@contextmanager
def open_export(path: Path) -> Iterator[Export]:
    """The export at `path` (a zip or a folder), or `Unreadable` with one sentence."""
    if path.is_dir():
        yield _folder(path)
        return
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise Unreadable(f"{path} is neither a zip file nor a folder (or the zip is damaged).") from None
    except OSError as error:
        raise Unreadable(describe_os_error(path, error)) from None
    with archive:
        yield _zip(path, archive)


def _zip(path: Path, archive: zipfile.ZipFile) -> Export:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise Unreadable(f"{path} holds {len(infos):,} files: too many for a LinkedIn export.")
    entries = []
    for info in infos:
        if _escapes(info.filename):
            raise Unreadable(
                f"{path} holds a file whose path leads out of it ({info.filename[:80]!r}): "
                "not a LinkedIn export, nothing was imported."
            )
        if info.is_dir():
            continue
        entries.append((info.filename, info.file_size, _member_reader(path, archive, info)))
    export = _choose(path, entries)
    for member in export.members:
        info = archive.getinfo(member.name)
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise Unreadable(
                f"{path} can't be a LinkedIn export: its {member.name} is compressed "
                f"{info.file_size // max(info.compress_size, 1):,} to 1, as no text is (a zip bomb?)."
            )
    return export


def _member_reader(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], bytes]:
    def read() -> bytes:
        # ZipExtFile stops at the declared size and checks the CRC: a member that lies
        # about its size is damaged, never bigger than declared.
        try:
            return archive.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
            raise Unreadable(f"{path} is damaged: {info.filename} can't be read whole.") from None
        except (NotImplementedError, RuntimeError) as error:  # encrypted, unknown compression
            raise Unreadable(f"{path}: {info.filename} can't be read ({_sentence(error)}).") from None
        except OSError as error:
            raise Unreadable(describe_os_error(path, error)) from None

    return read


def _sentence(error: Exception) -> str:
    text = " ".join(str(error).split()).rstrip(".")
    return (text[:1].lower() + text[1:])[:120] or type(error).__name__


def _folder(root: Path) -> Export:
    entries = []
    count = 0
    try:
        walk = list(files_under(root))
    except OSError as error:
        raise Unreadable(describe_os_error(root, error)) from None
    for relative, file in walk:
        count += 1
        if count > MAX_ENTRIES:
            raise Unreadable(f"{root} holds more than {MAX_ENTRIES:,} files: too many for a LinkedIn export.")
        try:
            size = file.stat().st_size
        except OSError:
            size = 0
        entries.append((relative, size, _file_reader(file)))
    return _choose(root, entries)


def files_under(root: Path) -> Iterator[tuple[str, Path]]:
    """(path relative to root with `/`, path) of every regular file, MAX_DEPTH folders deep
    at most. Symbolic links to folders are not followed; a subfolder that can't be read is
    passed over (the root itself not: OSError)."""

    def root_error(error: OSError) -> None:
        if error.filename is None or Path(error.filename) == root:
            raise error

    for folder, dirs, files in os.walk(root, onerror=root_error):
        depth = len(Path(folder).relative_to(root).parts)
        if depth >= MAX_DEPTH:
            dirs[:] = []
        dirs.sort()
        for name in sorted(files):
            full = Path(folder) / name
            if full.is_file():  # not a pipe or a device, which a read would hang on or never finish
                yield full.relative_to(root).as_posix(), full


def _file_reader(file: Path) -> Callable[[], bytes]:
    def read() -> bytes:
        try:
            with file.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise Unreadable(describe_os_error(file, error)) from None
        if len(data) > MAX_FILE_BYTES:
            raise Unreadable(f"{file} is too large to be part of a LinkedIn export.")
        return data

    return read


def import_export(
    store: Store | None,
    path: Path,
    options: ImportOptions,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    before_write: Callable[[], Store] | None = None,
) -> ExportResult:
    """Import the export at `path`: one `FileResult` per file read, all written in one
    transaction (with `dry_run`, or without a store, only planned). A file that can't be
    read is its own error and the others still import; an export that can't be opened at
    all (not one, damaged, out of proportion) is the result's `error`, and nothing is
    written. Never raises for anything a file can hold."""
    progress = progress or NoProgress()
    result = ExportResult(path)
    try:
        with open_export(path) as export:
            result.ignored = export.ignored
            _merge_all(store, export, options, result, dry_run, progress, before_write)
    except Exception as error:
        failed(result, path, error)
    finally:
        progress.finish()
    if result.error is not None:
        result.files = []
    return result


def _merge_all(
    store: Store | None, export: Export, options: ImportOptions, result: ExportResult, dry_run: bool, progress: Progress,
    before_write: Callable[[], Store] | None = None,
) -> None:
    # Every file is read before anything is merged: a damaged zip writes nothing.
    contents = [(member, member.read()) for member in export.members]
    found_me = ""
    if not any(normalize_linkedin(value) for value in options.me):
        # The invitations say who you are: the inviter of those you sent.
        for member, data in contents:
            if PurePosixPath(member.name).name.casefold() == "invitations.csv":
                try:
                    found_me = linkedin_invitations.your_profile(data)
                except ImportFailure:
                    found_me = ""
                if found_me:
                    options = replace(options, me=options.me + (found_me,))
    merger = merger_for(store, "linkedin", options)
    # Connections without profile URLs (the 2021 layout): the people who wrote to you are
    # matched to them by exact name, or each would be there twice.
    connections_have_urls = True
    for member, data in contents:
        format, read = READ[PurePosixPath(member.name).name.casefold()]
        file_result = FileResult(export.path / member.name, dry_run=dry_run)
        result.files.append(file_result)
        extra = {"by_name": not connections_have_urls} if format == "linkedin-messages" else {}
        try:
            # A file is merged whole or not at all: read it all before the merge sees it.
            records = list(read(data, member.name, options, progress, **extra))
        except NeedsOption as error:
            file_result.error, file_result.usage_error = f"{member.name}: {error}", True
            continue
        except ImportFailure as error:
            file_result.error = f"{member.name}: {error}"
            continue
        progress.finish()
        if format == "linkedin-connections":
            connections_have_urls = any(
                isinstance(record, ContactRecord) and record.person.linkedin for record in records
            )
        merger.begin(member.name)
        for record in records:
            merger.add(record)
        if format == "linkedin-invitations" and found_me:
            merger.add(Note(f"you are {found_me}, who sent the invitations marked OUTGOING (--me overrides this)."))
    if not dry_run and merger.writes_anything():
        target = before_write() if before_write is not None else store
        if target is not None:
            merger.apply(target, progress)
    for member, file_result in zip(export.members, result.files):
        if file_result.error is None:
            file_result.outcome = merger.outcome(member.name)
