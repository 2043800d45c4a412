"""One e-mail message to interactions: shared by the mbox and Maildir readers.

A message between you (`--me`) and someone becomes an interaction with each other
person: out to every recipient when you sent it, in from the sender when it was sent
to you. The headers and the start of the body are read; the subject is the note, and
the kind comes from the words of the subject (unless it is a reply's "Re: ...") and of
the body's first lines of its own (`domain.message_kinds`). Mailing lists, bulk and
automatic mail, no-reply senders and Gmail's Spam, Trash and bulk categories are skipped.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import quopri
import re
from datetime import datetime, timezone
from email.header import Header, decode_header
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime

from ..domain.identity import email_key
from ..domain.message_kinds import kind_of
from ..domain.model import Channel, Direction, Kind
from ..domain.text import one_line
from .decoding import decode_field
from .errors import NeedsOption
from .records import ImportOptions, InteractionRecord, Person, Record, Skip

# Messages from an mbox and from a Maildir are the same messages: one source, so a
# message found in both is imported once.
SOURCE = "mail"
_PARSER = BytesHeaderParser(policy=compat32)
# How much of a body is kept (readers stop there), and how much of its text is read for
# the message's kind: the first lines say what a message is.
BODY_BYTES = 4096
KIND_CHARS = 500
# Where a body's own words end: quoted text, a forwarded or original message, a signature.
_QUOTED = re.compile(
    r"^\s*(?:>|-{2,}\s*(?:original message|forwarded message)|_{10,}|-- ?$|"
    r"(?:on|am|le|el|op)\b.{0,200}\b(?:wrote|schrieb|a écrit|escribió|schreef)\s*:?\s*$|"
    r"(?:from|von|de|van):\s)",
    re.IGNORECASE,
)
# A sign-off line after the message ("Thanks,", "Best,"): not what the message is about.
_SIGN_OFF = re.compile(
    r"^\s*(?:many |big )?(?:thanks|thank you|thx|cheers|best|best regards|kind regards|regards|"
    r"all the best|sincerely|warm(?:est)? regards|viele grüße|grüße|merci|saludos)\s*[,.!]?\s*$",
    re.IGNORECASE,
)
# Gmail Takeout's X-Gmail-Labels that mark a message as no conversation.
GMAIL_SKIPPED = {
    "spam": "in Gmail's Spam",
    "trash": "in Gmail's Trash",
    "category promotions": "bulk mail (Gmail's Promotions category)",
    "category social": "bulk mail (Gmail's Social category)",
    "category updates": "bulk mail (Gmail's Updates category)",
    "category forums": "bulk mail (Gmail's Forums category)",
}
GMAIL_SENT = "sent"
_NO_REPLY = re.compile(
    r"^(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon|postmaster|bounces?|notifications?|newsletters?)\b",
    re.IGNORECASE,
)
_REPLY_PREFIX = re.compile(r"^\s*(re|aw|sv|antw|wg|fw|fwd|tr)\s*:", re.IGNORECASE)
_BULK_PRECEDENCE = {"bulk", "list", "junk"}
_RECEIVER_HEADERS = ("to", "cc", "bcc", "delivered-to", "x-original-to", "envelope-to", "x-delivered-to")
_EARLIEST = datetime(1980, 1, 1, tzinfo=timezone.utc)


def require_me(options: ImportOptions) -> frozenset[str]:
    mine = options.my_emails
    if not mine:
        raise NeedsOption(
            "Importing mail needs your own address: add --me you@example.com (repeat it for each address you use)."
        )
    return mine


def header_text(value) -> str:
    """A header as readable text: encoded words decoded, stray 8-bit bytes guessed."""
    if value is None:
        return ""
    try:
        parts = decode_header(value)
    except Exception:  # malformed encoded words: keep the raw text
        parts = [(str(value), None)]
    out = []
    for chunk, charset in parts:
        if isinstance(chunk, bytes):
            try:
                out.append(chunk.decode(charset or "ascii"))
            except (LookupError, UnicodeDecodeError):
                out.append(decode_field(chunk))
        else:
            out.append(decode_field(chunk.encode("utf-8", "surrogateescape")))
    return one_line("".join(out))


def _raw(message: Message, name: str) -> list[str]:
    """Header values as text. Raw 8-bit bytes come back as Header objects whose str()
    loses them: read those bytes (UTF-8, else cp1252) instead."""
    values = []
    for value in message.get_all(name) or []:
        if isinstance(value, Header):
            value = "".join(
                decode_field(chunk) if isinstance(chunk, bytes) else chunk for chunk, _ in decode_header(value)
            )
        values.append(str(value))
    return values


def addresses(message: Message, *names: str) -> list[tuple[str, str]]:
    """(display name, lower-case address) for every valid address in these headers."""
    found: list[tuple[str, str]] = []
    raw = [value for name in names for value in _raw(message, name)]
    try:
        pairs = getaddresses(raw)
    except Exception:  # a header the address parser can't cope with
        pairs = []
    for display, address in pairs:
        key = email_key(address)
        if key:
            found.append((header_text(display).strip().strip('"').strip(), key))
    return found


def _moment(text: str) -> datetime | None:
    try:
        moment = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    if moment < _EARLIEST or moment.year > 2999:
        return None
    return moment


def message_date(message: Message, fallback: datetime | None) -> tuple[datetime | None, str]:
    """The Date header, else the given fallback (mbox separator or file time), else
    the newest Received header; also says which one was used."""
    moment = _moment(" ".join(_raw(message, "date")[:1]))
    if moment is not None:
        return moment, "date"
    if fallback is not None:
        return fallback, "fallback"
    for received in _raw(message, "received"):
        moment = _moment(received.rsplit(";", 1)[-1]) if ";" in received else None
        if moment is not None:
            return moment, "received"
    return None, ""


def gmail_labels(message: Message) -> list[str]:
    """Gmail Takeout's labels on this message (`Inbox,Important,Opened`), lower-case."""
    return [
        label.strip().casefold()
        for value in _raw(message, "x-gmail-labels")
        for label in header_text(value).split(",")
        if label.strip()
    ]


def label_reason(labels: list[str]) -> str | None:
    for label in labels:
        if label in GMAIL_SKIPPED:
            return GMAIL_SKIPPED[label]
    return None


def sent_by_you(header_bytes: bytes) -> str:
    """The sender's address of a message Gmail labelled Sent, else ""."""
    try:
        message = _PARSER.parsebytes(header_bytes)
    except Exception:  # the parser is lenient; this is a last resort
        return ""
    if GMAIL_SENT not in gmail_labels(message):
        return ""
    senders = addresses(message, "from")
    return senders[0][1] if senders else ""


_PART_HEADER = re.compile(rb"^(content-type|content-transfer-encoding|content-disposition)\s*:\s*(.*)$", re.IGNORECASE)
_PARAM = re.compile(r";\s*([\w-]+)\s*=\s*(?:\"([^\"]*)\"|([^;\s]*))")
_MAX_PARTS = 8
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_FOLD = re.compile(rb"\r?\n[ \t]+")


def _content(type_header: str, encoding_header: str) -> tuple[str, dict[str, str], str]:
    """(content type, its parameters, transfer encoding), all lower-case but values."""
    kind, _, rest = type_header.partition(";")
    params = {match.group(1).lower(): match.group(2) or match.group(3) or "" for match in _PARAM.finditer(";" + rest)}
    return kind.strip().lower() or "text/plain", params, encoding_header.strip().lower()


def _decoded(raw: bytes, encoding: str, charset: str) -> str:
    if encoding == "quoted-printable":
        raw = quopri.decodestring(raw)
    elif encoding == "base64":
        compact = b"".join(raw.split())
        try:
            raw = base64.b64decode(compact[: len(compact) // 4 * 4])
        except (binascii.Error, ValueError):
            return ""
    try:
        return raw.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return decode_field(raw)


def _plain_text(kind: str, params: dict[str, str], encoding: str, body: bytes, depth: int = 0) -> str:
    """The first text/plain part of a body (only its start is at hand), as text."""
    if kind == "text/plain":
        return _decoded(body, encoding, params.get("charset", ""))
    if not kind.startswith("multipart/") or not params.get("boundary") or depth > 3:
        return ""
    delimiter = b"--" + params["boundary"].encode("ascii", "replace")
    for part in body.split(delimiter)[1:_MAX_PARTS]:
        if part.startswith(b"--"):  # the closing delimiter
            break
        part = part.partition(b"\n")[2]  # the rest of the delimiter's line
        if part.startswith((b"\n", b"\r\n")):  # no headers of its own
            head, part_body = b"", part.partition(b"\n")[2]
        else:
            found = _BLANK_LINE.search(part)
            head, part_body = (part[: found.start()], part[found.end():]) if found else (part, b"")
        fields: dict[str, str] = {}
        for line in _FOLD.sub(b" ", head).splitlines():
            match = _PART_HEADER.match(line.strip())
            if match:
                fields[match.group(1).lower().decode()] = match.group(2).decode("latin-1")
        if "attachment" in fields.get("content-disposition", "").lower():
            continue
        text = _plain_text(
            *_content(fields.get("content-type", ""), fields.get("content-transfer-encoding", "")),
            part_body,
            depth + 1,
        )
        if text:
            return text
    return ""


def body_text(message: Message, body: bytes) -> str:
    """The first words of the message's own plain text (quotes and sign-off left out).

    Only the start of the body is at hand, so its MIME parts are found here (a full parse
    of every message would cost more than the rest of the import)."""
    kind, params, encoding = _content(
        " ".join(str(message.get("content-type") or "").split()),
        str(message.get("content-transfer-encoding") or ""),
    )
    text = _plain_text(kind, params, encoding, body)
    kept: list[str] = []
    size = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        if _QUOTED.match(line) or (kept and _SIGN_OFF.match(line)):
            break
        kept.append(line.strip())
        size += len(line)
        if size >= KIND_CHARS:
            break
    return one_line(" ".join(kept))[:KIND_CHARS]


def skip_reason(message: Message, sender: str) -> str | None:
    if message.get("list-id") or message.get("list-unsubscribe") or message.get("list-post"):
        return "mailing list or newsletter"
    precedence = header_text(message.get("precedence")).lower()
    if precedence in _BULK_PRECEDENCE:
        return f"bulk mail (Precedence: {precedence})"
    auto = header_text(message.get("auto-submitted")).lower()
    if auto and auto != "no":
        return "an automatic message (Auto-Submitted)"
    if _NO_REPLY.match(sender.split("@", 1)[0]):
        return f"from a no-reply sender ({sender})"
    return_path = email_key(header_text(message.get("return-path")))
    if return_path and _NO_REPLY.match(return_path.split("@", 1)[0]) and return_path != sender:
        return "bulk mail (bounces go to a bulk-mail address)"
    return None


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def records_from_headers(
    header_bytes: bytes, where: int | str, options: ImportOptions, fallback: datetime | None, body: bytes = b""
) -> list[Record]:
    """The interactions one message makes: `header_bytes` are its headers, `body` the
    start of its body (up to BODY_BYTES), `fallback` the date when its own is unusable."""
    mine = require_me(options)
    try:
        message = _PARSER.parsebytes(header_bytes)
    except Exception as error:  # the parser is lenient; this is a last resort
        return [Skip(where, f"unreadable message headers ({type(error).__name__})")]
    reason = label_reason(gmail_labels(message))
    if reason:
        return [Skip(where, reason)]
    senders = addresses(message, "from")
    if not senders:
        return [Skip(where, "no sender address (From)")]
    sender_name, sender = senders[0]
    reason = skip_reason(message, sender)
    if reason:
        return [Skip(where, reason)]
    at, _ = message_date(message, fallback)
    if at is None:
        shown = header_text(message.get("date"))[:40]
        return [Skip(where, f"no usable date (Date: {shown!r})" if shown else "no date anywhere in the message")]

    subject = header_text(message.get("subject"))
    replying = bool(message.get("in-reply-to") or _REPLY_PREFIX.match(subject))
    # A reply's subject is the thread's, not its own: only its body speaks for it.
    words = " ".join(filter(None, ("" if replying else subject, body_text(message, body) if body else "")))
    kind = kind_of(words, Kind.REPLY if replying else Kind.UPDATE)
    message_id = header_text(message.get("message-id")).strip()
    date_header = " ".join(_raw(message, "date")[:1])
    if message_id:
        identity = f"{message_id}|{_digest(date_header)[:8]}"
    else:
        identity = "no-id:" + _digest(sender, ",".join(_raw(message, "to")), date_header, subject)[:32]

    if sender in mine:
        direction = Direction.OUT
        others = [(name, address) for name, address in addresses(message, "to", "cc", "bcc") if address not in mine]
        if not others:
            return [Skip(where, "only your own addresses are on it")]
    else:
        receivers = {address for _, address in addresses(message, *_RECEIVER_HEADERS)}
        if not receivers & mine:
            return [Skip(where, "neither from nor to you (is --me complete?)")]
        direction = Direction.IN
        others = [(sender_name, sender)]

    records: list[Record] = []
    seen: set[str] = set()
    for name, address in others:
        if address in seen:
            continue
        seen.add(address)
        if direction == Direction.OUT and _NO_REPLY.match(address.split("@", 1)[0]):
            continue
        records.append(
            InteractionRecord(
                person=Person(name=name or address, emails=(address,)),
                at=at,
                direction=direction,
                where=where,
                channel=Channel.EMAIL,
                kind=kind,
                note=subject or "(no subject)",
                source=SOURCE,
                # One message can reach several people; one interaction each.
                external_id=f"{identity}|{address}",
            )
        )
    return records or [Skip(where, "sent only to no-reply addresses")]
