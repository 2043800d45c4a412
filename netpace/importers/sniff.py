"""Which format a file or folder is in, told from its first bytes (or a zip's directory).

Never reads a whole file to decide: SNIFF_BYTES of its start, or the list of files in a
zip or a folder. Says why it guessed what it guessed, and refuses with one sentence when
nothing fits or more than one thing does.
"""

from __future__ import annotations

import re
import zipfile
from itertools import islice
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable

from . import google_csv, linkedin_connections, linkedin_invitations, linkedin_messages, mbox, outlook_csv
from .decoding import decode_text, describe_os_error
from .errors import ImportFailure, Unreadable
from .linkedin_export import MAX_ENTRIES, files_under, pick
from .table import read_table

SNIFF_BYTES = 64 * 1024
# The LinkedIn export as a whole (a zip or a folder): not one file, so not a reader's.
LINKEDIN_EXPORT = "linkedin"

# CSV formats by their header row (each reader's own test of it).
CSV_HEADERS: tuple[tuple[str, str, Callable[[set[str]], bool]], ...] = (
    ("linkedin-connections", "a LinkedIn Connections.csv", linkedin_connections.is_header),
    ("linkedin-messages", "a LinkedIn messages.csv", linkedin_messages.is_header),
    ("linkedin-invitations", "a LinkedIn Invitations.csv", linkedin_invitations.is_header),
    ("google-csv", "a Google Contacts CSV", google_csv.is_header),
    ("outlook-csv", "an Outlook contacts CSV", outlook_csv.is_header),
)
_MAIL_HEADERS = {"from", "to", "cc", "date", "subject", "message-id", "received", "return-path", "mime-version",
                 "delivered-to", "x-gmail-labels", "in-reply-to", "references"}
_HEADER_LINE = re.compile(r"^([!-9;-~]+):")
_BEGIN = re.compile(r"^(?:[\w-]+\.)?begin:(vcard|vcalendar|vevent)\s*$", re.IGNORECASE)


class Unrecognised(ImportFailure):
    """Netpace can't tell this file's format, or it is none netpace reads."""


@dataclass(frozen=True, slots=True)
class Guess:
    format: str  # a reader's format name, or LINKEDIN_EXPORT
    why: str  # what it was taken for and from what ("a vCard file (BEGIN:VCARD)")


def _refuse(path: Path, what: str) -> Unrecognised:
    return Unrecognised(f"Can't tell which format {path} is in: {what}; name its format to import it.")


def guess_format(path: Path) -> Guess:
    """The format of `path`, or `Unrecognised` (or `Unreadable`) with one sentence."""
    try:
        if path.is_dir():
            return _folder(path)
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as error:
        raise Unreadable(describe_os_error(path, error)) from None
    if not head.strip():
        raise Unrecognised(f"{path} is empty: there is nothing to import.")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip(path)
    if head.startswith(b"SQLite format 3\x00"):
        raise Unrecognised(
            f"{path} is an SQLite database, not an import file (a netpace backup goes back with netpace restore)."
        )
    text = decode_text(head)
    found = _text(path, head, text)
    if found is None:
        raise _refuse(path, "its start is none of LinkedIn, Google or Outlook CSV, vCard, mail, ics or netpace json")
    return found


def _folder(path: Path) -> Guess:
    if (path / "cur").is_dir() or (path / "new").is_dir():
        return Guess("maildir", "a Maildir (a folder with cur/ and new/)")
    names = [relative for relative, _ in islice(files_under(path), MAX_ENTRIES)]
    if pick(names):
        return Guess(LINKEDIN_EXPORT, f"a LinkedIn data export (a folder holding {_which(names)})")
    raise _refuse(path, "it is a folder, but neither a Maildir (cur/, new/) nor an unpacked LinkedIn export")


def _which(names: list[str]) -> str:
    shown = [PurePosixPath(name).name for name in pick(names).values()]
    return ", ".join(shown[:-1]) + (" and " if len(shown) > 1 else "") + shown[-1]


def _zip(path: Path) -> Guess:
    try:
        with zipfile.ZipFile(path) as archive:
            names = [info.filename for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise Unrecognised(f"{path} looks like a zip file but can't be opened (is it damaged or cut off?).") from None
    except OSError as error:
        raise Unreadable(describe_os_error(path, error)) from None
    if pick(names):
        return Guess(LINKEDIN_EXPORT, f"a LinkedIn data export (a zip holding {_which(names)})")
    raise _refuse(path, "it is a zip file, but holds no Connections.csv, messages.csv or Invitations.csv")


def _text(path: Path, head: bytes, text: str) -> Guess | None:
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        if '"netpace_export"' in stripped[:2000]:
            return Guess("json", 'a netpace json export (its "netpace_export" key)')
        raise _refuse(path, "it is JSON, but not a netpace export (no \"netpace_export\" key at its start)")
    lines = [line.strip() for line in stripped.splitlines()[:200]]
    first = next((line for line in lines if line), "")
    begin = _BEGIN.match(first)
    if begin:
        what = begin.group(1).lower()
        if what == "vcard":
            return Guess("vcard", "a vCard file (BEGIN:VCARD)")
        return Guess("ics", f"an iCalendar file (BEGIN:{what.upper()})")
    mail = _mail(path, lines)
    if mail is not None:
        return mail
    return _csv(path, head)


def _mail(path: Path, lines: list[str]) -> Guess | None:
    """An mbox (a `From ` line, then mail headers) or a single message (mail headers)."""
    separated = lines[0].startswith("From ") if lines else False
    names = set()
    for line in lines[1 if separated else 0:]:
        if not line:
            break
        match = _HEADER_LINE.match(line)
        if match:
            names.add(match.group(1).casefold())
    if len(names & _MAIL_HEADERS) < 2:
        return None
    if not separated:
        return Guess("mbox", "one e-mail message (mail headers from its first line)")
    if mbox.gmail_labelled(path):
        return Guess("mbox", "a Gmail Takeout mbox (From lines, mail headers, X-Gmail-Labels)")
    return Guess("mbox", "an mbox file (From lines, then mail headers)")


def _csv(path: Path, head: bytes) -> Guess | None:
    fits = []
    for format, what, is_header in CSV_HEADERS:
        try:
            read_table(head, is_header, what=what)
        except Unreadable:
            continue
        fits.append((format, what))
    if len(fits) == 1:
        format, what = fits[0]
        return Guess(format, f"{what} (its header row)")
    if len(fits) > 1:
        raise _refuse(path, f"its header fits {' and '.join(what for _, what in fits)}")
    return None
