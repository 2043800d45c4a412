"""Google Contacts CSV, legacy (`Name,Given Name,…,Group Membership`) and current
(`First Name,…,Labels`) layouts. Several values share a cell, joined by ` ::: `;
`* ` marks Google's own groups (`* myContacts`, `* starred`), which are not tags."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .address_book_csv import Columns, read_address_book, split_values
from .records import ImportOptions, Progress, Record

COLUMNS = Columns(
    name=("Name",),
    given=("Given Name", "First Name"),
    middle=("Additional Name", "Middle Name"),
    family=("Family Name", "Last Name"),
    nickname=("Nickname",),
    company=("Organization 1 - Name", "Organization Name"),
    role=("Organization 1 - Title", "Organization Title"),
    notes=("Notes",),
    groups=("Group Membership", "Labels"),
    email_patterns=(r"e-mail \d+ - value",),
    phone_patterns=(r"phone \d+ - value",),
    website_patterns=(r"website \d+ - value",),
)
_SYSTEM_GROUPS = {"mycontacts", "starred"}


def is_header(names: set[str]) -> bool:
    named = bool(names & {"name", "given name", "first name"})
    google = "e-mail 1 - value" in names or bool(names & {"group membership", "labels"})
    return named and google


def tags_from_groups(text: str) -> list[str]:
    return [
        group
        for group in split_values(text)
        if not group.startswith("*") and group.casefold() not in _SYSTEM_GROUPS
    ]


def read(path: Path, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    return read_address_book(
        path,
        progress,
        what="a Google Contacts CSV export",
        is_header=is_header,
        columns=COLUMNS,
        tags_from_groups=tags_from_groups,
    )
