"""mbox files (and single .eml messages), read as a stream.

Messages are split at `From ` lines here rather than through `mailbox.mbox`, which
hides where each message starts: skips must name a line, and only the headers and the
start of each body are kept, so a multi-gigabyte archive never sits in memory.

A Gmail Takeout mbox labels each message (`X-Gmail-Labels`); without `--me`, your
addresses are the senders of the messages labelled Sent (a first pass over the headers
finds them, and the summary names them).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .decoding import describe_os_error
from .errors import Unreadable
from .mail import BODY_BYTES, records_from_headers, require_me, sent_by_you
from .records import ImportOptions, Note, Progress, Record, Skip

_SEPARATOR_DATE = re.compile(
    rb"(?:mon|tue|wed|thu|fri|sat|sun)\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\s+"
    rb"(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(\d{4})",
    re.IGNORECASE,
)
_MONTHS = [b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec"]
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:")
# Headers bigger than this are not a mail header (a binary file, a runaway line).
MAX_HEADER_BYTES = 1_000_000


def separator_date(line: bytes) -> datetime | None:
    """`From someone@example.com  Wed Dec 15 06:59:10 2010` -> that moment, as UTC."""
    match = _SEPARATOR_DATE.search(line)
    if not match:
        return None
    month = _MONTHS.index(match.group(1).lower()) + 1
    day, hour, minute = int(match.group(2)), int(match.group(3)), int(match.group(4))
    second, year = int(match.group(5) or 0), int(match.group(6))
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)
    except ValueError:
        return None


CUT_MESSAGE = "the message is cut off (the file ends in the middle of it)"


def messages(handle: Iterable[bytes]) -> Iterator[tuple[int, bytes | None, bytes, bytes, bool]]:
    """(first line, separator line, header bytes, body start, cut off) for each message.

    A `From ` line separates messages only when a header line follows it: an
    unescaped `From ` at the start of a body line is text, not a new message.
    The last message is cut off when the file ends inside its headers: they can't be
    trusted whole (a cut Subject, a lost List-Unsubscribe that marked a newsletter); in an
    mbox also when it ends in the middle of a line.
    """
    line_number = 0
    start = 0
    separator: bytes | None = None
    header: list[bytes] = []
    body: list[bytes] = []
    size = 0
    body_size = 0
    in_header = True
    pending: tuple[int, bytes] | None = None
    line = b""
    for line in handle:
        line_number += 1
        if pending is not None:
            if _HEADER_LINE.match(line):
                if start:
                    yield start, separator, b"".join(header), b"".join(body), False
                (start, separator), header, size, in_header = pending, [], 0, True
                body, body_size = [], 0
            pending = None
        if line.startswith(b"From "):
            pending = (line_number, line)
            continue
        if not start:
            if not line.strip():
                continue
            start = line_number  # no separator: a single message (.eml)
        if in_header:
            if not line.strip():
                in_header = False
            elif size < MAX_HEADER_BYTES:
                header.append(line)
                size += len(line)
        elif body_size < BODY_BYTES:
            body.append(line)
            body_size += len(line)
    if start:
        # An mbox message always has a blank line after its headers; a single .eml with no
        # body may not, so there only a last line without its line break counts as cut.
        # An mbox always ends with a line break: a last body line without one was cut off
        # (its words, read for the message's kind, would be a fragment).
        cut = (in_header and (separator is not None or not line.endswith(b"\n"))) or (
            separator is not None and not line.endswith(b"\n")
        )
        yield start, separator, b"".join(header), b"".join(body), cut


# Enough of a file's start to hold its first message's headers.
SNIFF_BYTES = 64 * 1024


def gmail_labelled(path: Path) -> bool:
    """Whether the first message of this file carries Gmail's X-Gmail-Labels (a Takeout
    mbox). Reads only the file's start; False for anything unreadable."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return False
    for _, _, header, _, _ in messages(iter(head.splitlines(keepends=True))):
        return re.search(rb"^x-gmail-labels:", header, re.IGNORECASE | re.MULTILINE) is not None
    return False


def _your_addresses(handle: BinaryIO, path: Path, total: int, progress: Progress) -> tuple[str, ...]:
    """The senders of the messages Gmail labelled Sent, most frequent first."""
    progress.start(f"Finding your addresses in {path.name}", total)
    counts: dict[str, int] = {}
    done = 0
    for _, _, header, _, cut in messages(handle):
        position = handle.tell()
        progress.advance(position - done)
        done = position
        address = "" if cut else sent_by_you(header)
        if address:
            counts[address] = counts.get(address, 0) + 1
    return tuple(sorted(counts, key=lambda address: (-counts[address], address)))


def read(path: Path, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    try:
        handle = path.open("rb")
        total = path.stat().st_size
    except OSError as error:
        raise Unreadable(describe_os_error(path, error)) from None
    with handle:
        if not options.my_emails:
            try:
                mine = _your_addresses(handle, path, total, progress)
                handle.seek(0)
            except OSError as error:
                raise Unreadable(describe_os_error(path, error)) from None
            options = replace(options, me=mine)
            require_me(options)  # no message labelled Sent: --me is needed after all
            yield Note(f"your addresses, from the messages labelled Sent: {', '.join(mine)} (--me overrides this).")
        progress.start(f"Reading {path.name}", total)
        first = True
        try:
            done = 0
            for line, separator, header, body, cut in messages(handle):
                position = handle.tell()
                progress.advance(position - done)
                done = position
                if first and separator is None and not _HEADER_LINE.match(header):
                    raise Unreadable(f"{path} is neither an mbox file nor an e-mail message.")
                first = False
                if cut:
                    yield Skip(line, CUT_MESSAGE)
                    continue
                fallback = separator_date(separator) if separator else None
                yield from records_from_headers(header, line, options, fallback, body)
        except OSError as error:
            raise Unreadable(describe_os_error(path, error)) from None
