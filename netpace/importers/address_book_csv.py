"""Google Contacts and Outlook CSV exports: columns found by name, in any language known.

Both formats share the reading; each module describes its own columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from ..domain.identity import email_key, normalize_linkedin
from .decoding import read_bytes
from .records import ContactRecord, Person, Progress, Record, Skip
from .table import Row, Table, cell, header_name, read_table

MULTI = " ::: "


@dataclass(frozen=True)
class Columns:
    """Header names per field; patterns match numbered columns (`E-mail 2 - Value`)."""

    name: tuple[str, ...] = ()
    given: tuple[str, ...] = ()
    middle: tuple[str, ...] = ()
    family: tuple[str, ...] = ()
    nickname: tuple[str, ...] = ()
    company: tuple[str, ...] = ()
    role: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    email_patterns: tuple[str, ...] = ()
    phone_patterns: tuple[str, ...] = ()
    website_patterns: tuple[str, ...] = ()


def split_values(text: str) -> list[str]:
    return [part.strip() for part in text.split(MULTI) if part.strip()]


def _matching(table: Table, patterns: tuple[str, ...]) -> list[int]:
    compiled = [re.compile(p) for p in patterns]
    return [
        index
        for index, name in enumerate(table.header)
        if any(p.fullmatch(header_name(name)) for p in compiled)
    ]


def read_address_book(
    path: Path,
    progress: Progress,
    *,
    what: str,
    is_header: Callable[[set[str]], bool],
    columns: Columns,
    tags_from_groups: Callable[[str], list[str]],
) -> Iterator[Record]:
    table = read_table(read_bytes(path), is_header, what=what)
    pick = {field: table.column(*getattr(columns, field)) for field in (
        "name", "given", "middle", "family", "nickname", "company", "role", "notes", "groups")}
    emails = _matching(table, columns.email_patterns)
    phones = _matching(table, columns.phone_patterns)
    websites = _matching(table, columns.website_patterns)
    rows = list(table.rows())
    progress.start(f"Reading {path.name}", len(rows))
    for row in rows:
        progress.advance()
        if isinstance(row, tuple):
            yield Skip(*row)
            continue
        yield _record(row, pick, emails, phones, websites, tags_from_groups)


def _all(row: Row, indices: list[int]) -> list[str]:
    values: list[str] = []
    for index in indices:
        values.extend(split_values(cell(row, index)))
    return values


def _record(row, pick, emails, phones, websites, tags_from_groups) -> Record:
    def get(field: str) -> str:
        return cell(row, pick[field])

    addresses = tuple(dict.fromkeys(filter(None, (email_key(v) for v in _all(row, emails)))))
    name = get("name") or " ".join(p for p in (get("given"), get("middle"), get("family")) if p)
    name = name or get("nickname") or get("company") or (addresses[0] if addresses else "")
    if not name:
        return Skip(row.line, "no name, company or e-mail address")
    linkedin = next((u for u in (normalize_linkedin(v) for v in _all(row, websites)) if u), "")
    return ContactRecord(
        Person(
            name=name,
            emails=addresses,
            linkedin=linkedin,
            company=get("company"),
            role=get("role"),
            phone=next(iter(_all(row, phones)), ""),
            tags=tuple(tags_from_groups(get("groups"))),
            notes=get("notes"),
        ),
        row.line,
    )
