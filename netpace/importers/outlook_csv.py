"""Outlook's contact CSV export. Outlook translates the header into the UI language:
English and German names are known here (add another language as one more alias)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from .address_book_csv import Columns, read_address_book
from .records import ImportOptions, Progress, Record

COLUMNS = Columns(
    name=("Display Name", "Anzeigename"),
    given=("First Name", "Vorname"),
    middle=("Middle Name", "Weitere Vornamen"),
    family=("Last Name", "Nachname"),
    nickname=("Nickname", "Spitzname"),
    company=("Company", "Firma"),
    role=("Job Title", "Position"),
    notes=("Notes", "Notizen"),
    groups=("Categories", "Kategorien"),
    email_patterns=(r"e-mail( \d)? address", r"e-mail-adresse", r"e-mail \d: adresse", r"e-mail-adresse \d"),
    phone_patterns=(r"mobile phone", r"business phone", r"home phone", r"primary phone",
                    r"mobiltelefon", r"telefon geschäftlich", r"telefon privat", r"haupttelefon"),
    website_patterns=(r"web page", r"webseite", r"webpage", r"web-seite"),
)


def is_header(names: set[str]) -> bool:
    english = {"first name", "last name", "e-mail address"} <= names
    german = {"vorname", "nachname", "e-mail-adresse"} <= names
    return english or german


def tags_from_groups(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;,]", text) if part.strip()]


def read(path: Path, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    return read_address_book(
        path,
        progress,
        what="an Outlook contacts CSV export",
        is_header=is_header,
        columns=COLUMNS,
        tags_from_groups=tags_from_groups,
    )
