"""Maildir folders: every message file in cur/ and new/, and in Maildir++ subfolders
(`.Sent/cur`, …). File names begin with the delivery time, the fallback date."""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from .decoding import describe_os_error
from .errors import Unreadable
from .mail import BODY_BYTES, records_from_headers, require_me
from .mbox import MAX_HEADER_BYTES
from .records import ImportOptions, Progress, Record, Skip

_DELIVERY_TIME = re.compile(r"^(\d{9,11})\.")


def message_files(root: Path) -> list[Path]:
    folders = [root]
    try:
        folders += sorted(p for p in root.iterdir() if p.name.startswith(".") and p.is_dir())
    except OSError as error:
        raise Unreadable(describe_os_error(root, error)) from None
    files: list[Path] = []
    for folder in folders:
        for sub in ("cur", "new"):
            try:
                entries = sorted(os.scandir(folder / sub), key=lambda e: e.name)
            except FileNotFoundError:
                continue
            except OSError as error:
                raise Unreadable(describe_os_error(folder / sub, error)) from None
            files.extend(Path(e.path) for e in entries if e.is_file() and not e.name.startswith("."))
    return files


def _header_and_body(path: Path) -> tuple[bytes, bytes]:
    """The message's headers, and the start of its body (up to BODY_BYTES)."""
    lines: list[bytes] = []
    size = 0
    with path.open("rb") as handle:
        for line in handle:
            if not line.strip() or size >= MAX_HEADER_BYTES:
                break
            lines.append(line)
            size += len(line)
        body = handle.read(BODY_BYTES)
    return b"".join(lines), body


def _delivered(path: Path) -> datetime | None:
    match = _DELIVERY_TIME.match(path.name)
    if not match:
        return None
    try:
        return datetime.fromtimestamp(int(match.group(1)), tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def read(path: Path, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    require_me(options)
    if not path.exists():
        raise Unreadable(f"Can't read {path}: there is no such folder.")
    if not path.is_dir():
        raise Unreadable(f"{path} is a file; a Maildir is a folder with cur/ and new/ in it.")
    if not ((path / "cur").is_dir() or (path / "new").is_dir()):
        raise Unreadable(f"{path} is not a Maildir: it has no cur/ or new/ folder.")
    files = message_files(path)
    progress.start(f"Reading {path.name}", len(files))
    for file in files:
        progress.advance()
        where = str(file.relative_to(path))
        try:
            header, body = _header_and_body(file)
        except OSError as error:
            yield Skip(where, describe_os_error(file, error).rstrip("."))
            continue
        yield from records_from_headers(header, where, options, _delivered(file), body)
