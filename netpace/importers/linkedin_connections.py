"""LinkedIn's Connections.csv, in every form people have (see FORMATS.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..domain.model import MetVia
from .dates import parse_day
from .decoding import read_bytes
from ..domain.identity import email_key, normalize_linkedin
from .records import ContactRecord, ImportOptions, Progress, Record, Person, Skip
from .table import CUT_ROW, cell, read_table


def is_header(names: set[str]) -> bool:
    return "first name" in names and "connected on" in names


def read(path: Path, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    return read_data(read_bytes(path), path.name, options, progress)


def read_data(data: bytes, label: str, options: ImportOptions, progress: Progress) -> Iterator[Record]:
    """The file's bytes (from disk or from inside the export zip); `label` names it in progress."""
    table = read_table(data, is_header, what="a LinkedIn Connections.csv")
    first = table.column("First Name")
    last = table.column("Last Name")
    url = table.column("URL", "Profile URL")
    email = table.column("Email Address", "E-mail Address", "Email")
    company = table.column("Company")
    position = table.column("Position")
    connected = table.column("Connected On")
    rows = list(table.rows())
    progress.start(f"Reading {label}", len(rows))
    for row in rows:
        progress.advance()
        if isinstance(row, tuple):
            yield Skip(*row)
            continue
        name = " ".join(part for part in (cell(row, first), cell(row, last)) if part)
        profile = normalize_linkedin(cell(row, url))
        address = email_key(cell(row, email))
        when = cell(row, connected)
        if row is rows[-1] and table.open_end and connected == len(row.cells) - 1 and parse_day(when) is None:
            # "Connected On" is the last column: a last row whose date doesn't read, at the
            # end of a file without a final line break, is a row cut off in its date.
            yield Skip(row.line, CUT_ROW)
            continue
        if not name:
            if when and not (profile or address or cell(row, company)):
                yield Skip(row.line, "only a date: a connection that was deleted")
            else:
                yield Skip(row.line, "no name")
            continue
        yield ContactRecord(
            Person(
                name=name,
                emails=(address,) if address else (),
                linkedin=profile,
                company=cell(row, company),
                role=cell(row, position),
                met_via=MetVia.ONLINE,
                met_on=parse_day(when),
            ),
            row.line,
        )
