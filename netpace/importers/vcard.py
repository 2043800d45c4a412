"""vCard 2.1, 3.0 and 4.0 address books.

The file is split into cards here and each card is parsed by vobject on its own, so a
damaged or truncated card is one skip, not a lost file. Before vobject sees a card,
vCard 2.1 quoted-printable values are decoded here: soft line breaks without a leading
space and a missing CHARSET are beyond vobject.
"""

from __future__ import annotations

import codecs
import logging
import quopri
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import vobject

from ..domain.identity import email_key, normalize_linkedin
from .decoding import decode_field, decode_text, read_bytes
from .errors import Unreadable
from .records import ContactRecord, ImportOptions, Person, Progress, Record, Skip

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_BEGIN = re.compile(r"^(?:[\w-]+\.)?begin:vcard\s*$", re.IGNORECASE)
_END = re.compile(r"^(?:[\w-]+\.)?end:vcard\s*$", re.IGNORECASE)
_AGENT = re.compile(r"^(?:[\w-]+\.)?agent[;:]", re.IGNORECASE)
# Photos, logos, sounds and keys: unused here, and a broken one would lose the card.
_MEDIA = re.compile(r"^(?:[\w-]+\.)?(?:photo|logo|sound|key)[;:]", re.IGNORECASE)
_QP_PARAM = re.compile(r"^(?:encoding=)?quoted-printable$", re.IGNORECASE)
_NOT_PEOPLE = {
    "group": "a group card (KIND:group), not a person",
    "org": "an organisation card (KIND:org), not a person",
    "location": "a place card (KIND:location), not a person",
}
_COMMA_LISTS = {"categories", "nickname", "begin", "end", "version", "kind", "member"}
_BARE_COMMA = re.compile(r"(?<!\\),")
_SYSTEM_CATEGORIES = {"my contacts", "mycontacts", "starred in android"}


@dataclass
class Card:
    line: int
    lines: list[str]
    complete: bool


def split_cards(text: str) -> Iterator[Card]:
    """Cards in file order, each with the line its BEGIN:VCARD is on."""
    card: Card | None = None
    depth = 0
    previous = ""
    for number, match in enumerate(_LINE.finditer(text), start=1):
        raw = match.group(0)
        line = raw.rstrip("\r\n")
        if _BEGIN.match(line):
            if card is None:
                card, depth = Card(number, ["BEGIN:VCARD\r\n"], False), 1
            elif _AGENT.match(previous):  # a 2.1 AGENT card nested inside this one
                card.lines.append(raw)
                depth += 1
            else:  # the card before never ended
                yield card
                card, depth = Card(number, ["BEGIN:VCARD\r\n"], False), 1
        elif card is not None and _END.match(line):
            depth -= 1
            if depth == 0:
                card.lines.append("END:VCARD\r\n")
                card.complete = True
                yield card
                card = None
            else:
                card.lines.append(raw)
        elif card is not None:
            card.lines.append(raw)
        if line.strip():
            previous = line
    if card is not None:
        yield card


def _logical_lines(lines: list[str]) -> list[str]:
    """Unfold (CRLF + one space or tab), join quoted-printable soft line breaks (a QP
    value ending in `=` goes on in the next line), drop blank lines and binary media."""
    joined: list[str] = []
    carrying = False
    for raw in lines:
        line = raw.rstrip("\r\n")
        if carrying:
            joined[-1] = joined[-1][:-1] + line
        elif line[:1] in (" ", "\t") and joined:
            joined[-1] += line[1:]
        elif line.strip():
            joined.append(line)
        else:
            continue
        carrying = joined[-1].endswith("=") and _is_quoted_printable(joined[-1])
    return [line for line in joined if not _MEDIA.match(line)]


def _split_property(line: str) -> tuple[str, str] | None:
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:index], line[index + 1 :]
    return None


def _is_quoted_printable(line: str) -> bool:
    parts = _split_property(line)
    if parts is None:
        return False
    return any(_QP_PARAM.match(p.strip()) for p in parts[0].split(";")[1:])


def _decode_quoted_printable(line: str) -> str:
    """`NOTE;CHARSET=X;ENCODING=QUOTED-PRINTABLE:caf=E9` -> `NOTE:café` (escaped)."""
    head, value = _split_property(line)  # type: ignore[misc]
    params = head.split(";")
    charset = ""
    kept = [params[0]]
    for param in params[1:]:
        name, _, setting = param.partition("=")
        if _QP_PARAM.match(param.strip()):
            continue
        if name.strip().lower() == "charset":
            charset = setting.strip().strip('"')
            continue
        kept.append(param)
    raw = quopri.decodestring(value.encode("utf-8"))
    text = None
    if charset:
        try:
            text = raw.decode(codecs.lookup(charset).name)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode_field(raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return ";".join(kept) + ":" + text


def _escape_bare_commas(line: str) -> str:
    """vobject cuts a text value at its first unescaped comma (`FN:Doe, John` -> `Doe`),
    and vCard 2.1 and many exporters never escape them: do it for them."""
    parts = _split_property(line)
    if parts is None:
        return line
    head, value = parts
    name = head.split(";", 1)[0].rsplit(".", 1)[-1].strip().lower()
    if name in _COMMA_LISTS or "," not in value:
        return line
    return head + ":" + _BARE_COMMA.sub(r"\\,", value)


def card_text(card: Card) -> str:
    lines = []
    for line in _logical_lines(card.lines):
        if _is_quoted_printable(line):
            line = _decode_quoted_printable(line)
        lines.append(_escape_bare_commas(line))
    return "\r\n".join(lines) + "\r\n"


@contextmanager
def _quiet_vobject() -> Iterator[None]:
    """vobject logs every line it skips; here each skip is reported once, as a record."""
    logger = logging.getLogger("vobject")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def read(path: Path, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    text = decode_text(read_bytes(path))
    cards = list(split_cards(text))
    if not cards:
        raise Unreadable(f"{path} holds no vCard (no BEGIN:VCARD line).")
    progress.start(f"Reading {path.name}", len(cards))
    with _quiet_vobject():
        for card in cards:
            progress.advance()
            if not card.complete:
                yield Skip(card.line, "the card has no END:VCARD (the file was cut off?)")
                continue
            yield _record(card)


def _record(card: Card) -> Record:
    try:
        component = vobject.readOne(card_text(card), ignoreUnreadable=True)
    except Exception as error:  # vobject raises many types on malformed input
        return Skip(card.line, f"vobject can't read this card ({_short(error)})")
    try:
        return _person(component, card.line)
    except Exception as error:  # an unexpected value shape in a card vobject accepted
        return Skip(card.line, f"unusable card ({_short(error)})")


def _short(error: Exception) -> str:
    text = " ".join(str(error).split())
    return (text[:120] + "…") if len(text) > 120 else (text or type(error).__name__)


def _values(component, name: str) -> list:
    return [line.value for line in component.contents.get(name, [])]


def _text(value) -> str:
    if isinstance(value, bytes):
        return decode_field(value)
    if isinstance(value, (list, tuple)):
        return " ".join(_text(v) for v in value if _text(v))
    return str(value) if value is not None else ""


def _name_from_n(value) -> str:
    if isinstance(value, str):
        return " ".join(part.strip() for part in reversed(value.split(";")[:2]) if part.strip())
    parts = []
    for attribute in ("given", "additional", "family"):
        parts.append(_text(getattr(value, attribute, "")).strip())
    return " ".join(part for part in parts if part)


def _fn(component) -> str:
    lines = component.contents.get("fn", [])
    # Several FNs are one name in several languages (ALTID): take the first.
    for line in lines:
        text = _text(line.value).strip()
        if text:
            return text
    return ""


def _person(component, line: int) -> Record:
    kind = _text(next(iter(_values(component, "kind")), "")).strip().lower()
    apple_kind = _text(next(iter(_values(component, "x-addressbookserver-kind")), "")).strip().lower()
    if kind in _NOT_PEOPLE or apple_kind in _NOT_PEOPLE:
        return Skip(line, _NOT_PEOPLE[kind or apple_kind])

    emails = tuple(dict.fromkeys(filter(None, (email_key(_text(v)) for v in _values(component, "email")))))
    org = next((_org(v) for v in _values(component, "org") if _org(v)), "")
    name = _fn(component)
    if not name:
        name = next((n for n in (_name_from_n(v) for v in _values(component, "n")) if n), "")
    name = name or org or (emails[0] if emails else "")
    if not name:
        return Skip(line, "no name: the card has no FN, N, ORG or EMAIL")

    linkedin = ""
    for prop in ("url", "x-socialprofile"):
        for value in _values(component, prop):
            linkedin = linkedin or normalize_linkedin(_text(value).replace("\\:", ":"))
    phones = [_text(v).strip() for v in _values(component, "tel")]
    notes = "\n".join(t for t in (_text(v).strip() for v in _values(component, "note")) if t)
    tags = []
    for value in _values(component, "categories"):
        for tag in value if isinstance(value, (list, tuple)) else _text(value).split(","):
            tag = _text(tag).strip()
            if tag and tag.casefold() not in _SYSTEM_CATEGORIES:
                tags.append(tag)
    return ContactRecord(
        Person(
            name=name,
            emails=emails,
            linkedin=linkedin,
            company=org,
            role=next((t for t in (_text(v).strip() for v in _values(component, "title")) if t), ""),
            phone=next((p for p in phones if p), ""),
            tags=tuple(tags),
            notes=notes,
        ),
        line,
    )


def _org(value) -> str:
    if isinstance(value, (list, tuple)):
        return _text(value[0]).strip() if value else ""
    return _text(value).split(";")[0].strip()
