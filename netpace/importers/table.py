"""Reading the CSV files spreadsheets and address books write.

Never trusts the encoding, the delimiter, the position of the header or the column
order. The file is split with the csv module while still bytes (decoded as latin-1,
which maps every byte to one character), and each field is decoded on its own.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Callable, Iterator

from .decoding import decode_field, decode_wide, strip_utf8_bom, wide_encoding
from .errors import Unreadable

DELIMITERS = (",", ";", "\t")
HEADER_SEARCH_ROWS = 50
CUT_ROW = "the row is cut off (the file ends in the middle of it)"


def header_name(cell: str) -> str:
    """Header cells compared case-insensitively, with blanks and stray quotes trimmed."""
    return " ".join(cell.replace("\ufeff", "").strip().strip('"').split()).casefold()


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    cells: tuple[str, ...]


@dataclass
class Table:
    header: tuple[str, ...]
    header_line: int
    delimiter: str
    columns: dict[str, int]
    _text: str
    _decode: Callable[[str], str]

    @property
    def open_end(self) -> bool:
        """No line break at the end: the last row may have been cut off (or the writer
        just didn't end the file with one, as LinkedIn doesn't)."""
        return not self._text.endswith(("\n", "\r"))

    def column(self, *names: str) -> int | None:
        """Index of the first of `names` present (names given in any case)."""
        for name in names:
            index = self.columns.get(header_name(name))
            if index is not None:
                return index
        return None

    def rows(self) -> Iterator[Row | tuple[int, str]]:
        """Rows after the header; a row the csv module rejects comes as (line, reason).

        A file that was cut off (a download or copy that stopped) ends in the middle of its
        last row: no line break at the end and fewer cells than the header. That row comes
        as (line, reason) too, so it's reported as skipped instead of imported half.
        """
        pending: Row | tuple[int, str] | None = None
        for item in self._rows():
            if pending is not None:
                yield pending
            pending = item
        if pending is None:
            return
        if isinstance(pending, Row) and len(pending.cells) < len(self.header) and self.open_end:
            pending = (pending.line, CUT_ROW)
        yield pending

    def _rows(self) -> Iterator[Row | tuple[int, str]]:
        reader = csv.reader(io.StringIO(self._text, newline=""), delimiter=self.delimiter)
        decode = None if self._decode is _same else self._decode
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                if start > self.header_line:
                    yield (start, f"unreadable CSV row ({error})")
                continue
            if reader.line_num <= self.header_line:
                continue
            decoded = tuple(cells) if decode is None else tuple(decode(cell) for cell in cells)
            if not "".join(decoded).strip():
                continue
            yield Row(start, decoded)


def _as_bytes_decoder(cell: str) -> str:
    return decode_field(cell.encode("latin-1"))


def _same(cell: str) -> str:
    return cell


def read_table(data: bytes, is_header: Callable[[set[str]], bool], *, what: str) -> Table:
    """Find the header row (the first row `is_header` accepts) under the likeliest delimiter.

    `is_header` gets the row's normalised cell names. Raises `Unreadable` naming `what`
    when no delimiter yields such a row.
    """
    wide = wide_encoding(data)
    if wide:
        text, decode = decode_wide(data, wide), _same
    else:
        data = strip_utf8_bom(data)
        try:
            # Valid UTF-8 throughout (an untouched export): every field would decode as
            # UTF-8 anyway, and the quotes and delimiters are the same ASCII bytes.
            text, decode = data.decode("utf-8"), _same
        except UnicodeDecodeError:
            text, decode = data.decode("latin-1"), _as_bytes_decoder
    best: Table | None = None
    for delimiter in DELIMITERS:
        found = _find_header(text, delimiter, decode, is_header)
        if found is None:
            continue
        header, line = found
        if best is None or len(header) > len(best.header):
            columns: dict[str, int] = {}
            for index, cell in enumerate(header):
                columns.setdefault(header_name(cell), index)
            best = Table(header, line, delimiter, columns, text, decode)
    if best is None:
        raise Unreadable(f"This doesn't look like {what}: no header row with the expected columns.")
    return best


def _find_header(text, delimiter, decode, is_header) -> tuple[tuple[str, ...], int] | None:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for _ in range(HEADER_SEARCH_ROWS):
        try:
            cells = next(reader)
        except StopIteration:
            return None
        except csv.Error:
            continue
        decoded = tuple(decode(cell) for cell in cells)
        if len(decoded) > 1 and is_header({header_name(cell) for cell in decoded}):
            return decoded, reader.line_num
    return None


def cell(row: Row, index: int | None) -> str:
    """The cell at `index`, "" when the column is absent or the row is short."""
    if index is None or index >= len(row.cells):
        return ""
    return row.cells[index].strip()
