"""Decoding files whose encoding, delimiter and layout can't be trusted."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from netpace.importers import Unreadable
from netpace.importers.decoding import decode_field, decode_text, wide_encoding
from netpace.importers.records import ContactRecord, ImportOptions, InteractionRecord, NoProgress, Skip
from netpace.importers.runner import READERS
from netpace.importers.table import Row, read_table

OPTIONS = ImportOptions(now=datetime(2027, 1, 1, tzinfo=timezone.utc), tz=timezone.utc, me=("me@example.com",))


def test_utf8_first_then_cp1252_byte_by_byte():
    assert decode_field("Søren".encode("utf-8")) == "Søren"
    assert decode_field("Søren".encode("cp1252")) == "Søren"
    mixed = "Jørgen ".encode("cp1252") + "™ Zoë".encode("utf-8")
    assert decode_field(mixed) == "Jørgen ™ Zoë"
    assert decode_field(b"a\x81b") == "a\ufffdb"


@given(st.binary(max_size=300))
def test_decode_field_never_raises_and_keeps_ascii(raw):
    text = decode_field(raw)
    assert isinstance(text, str)
    if raw.isascii():
        assert text == raw.decode("ascii")


@given(st.text(max_size=100))
def test_valid_utf8_is_read_as_utf8(text):
    assert decode_field(text.encode("utf-8")) == text


def test_utf16_without_bom_is_recognised():
    data = "BEGIN:VCARD\r\nFN:Zoë\r\nEND:VCARD\r\n".encode("utf-16-le")
    assert wide_encoding(data) == "utf-16-le"
    assert decode_text(data).startswith("BEGIN:VCARD")
    assert wide_encoding("plain ascii text, long enough".encode("utf-8")) is None


def _any_header(names):
    return True


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_csv_reading_never_raises_on_arbitrary_bytes(data):
    try:
        table = read_table(data, _any_header, what="a test table")
    except Unreadable as error:
        assert str(error).endswith(".")
        return
    for row in table.rows():
        assert isinstance(row, Row) or (isinstance(row, tuple) and isinstance(row[1], str))
        if isinstance(row, Row):
            assert all(isinstance(cell, str) for cell in row.cells)


_csv_cell = st.one_of(
    # A bare CR is left unquoted by Python's csv writer when the line ends in LF alone:
    # that file is ambiguous, and no spreadsheet writes it.
    st.text(st.characters(blacklist_characters="\r"), max_size=12),
    st.sampled_from(["Jørgen", "O\u2019Sullivan", "™", "a,b", 'say "hi"', "line\nbreak", "x;y"]),
)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.lists(_csv_cell, min_size=3, max_size=3), max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "cp1252", "utf-16"]),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_written_csv_reads_back_in_any_delimiter_and_encoding(rows, delimiter, encoding, newline):
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(["First Name", "Last Name", "Connected On"])
    writer.writerows(rows)
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return  # text cp1252 can't hold: not a file that exists
    if encoding == "cp1252":
        # Bytes are read as UTF-8 where they are valid UTF-8 (real files mix the two), so
        # cp1252 text whose bytes anywhere spell a UTF-8 sequence ("Â" + no-break space is
        # UTF-8's no-break space, even between other bytes) is ambiguous by nature: leave
        # those out. (A lead byte then a continuation byte: a little more than the valid
        # sequences, never less.)
        for cell in (c for r in rows for c in r):
            assume(not re.search(rb"[\xc2-\xf4][\x80-\xbf]", cell.encode("cp1252")))
    table = read_table(data, lambda names: {"first name", "connected on"} <= names, what="t")
    got = [row.cells for row in table.rows() if isinstance(row, Row)]
    wanted = [tuple(r) for r in rows if any(c.strip() for c in r)]
    normal = [tuple(c.replace("\r\n", "\n").replace("\r", "\n") for c in r) for r in got]
    assert normal == [tuple(c.replace("\r\n", "\n").replace("\r", "\n") for c in r) for r in wanted]


FILE_FORMATS = ["linkedin-connections", "linkedin-messages", "vcard", "google-csv", "outlook-csv", "mbox", "ics", "json"]


@pytest.mark.parametrize("format", FILE_FORMATS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.binary(max_size=400))
def test_no_reader_raises_anything_but_unreadable(tmp_path, format, data):
    path = tmp_path / "input"
    path.write_bytes(data)
    try:
        for record in READERS[format](path, OPTIONS, NoProgress()):
            assert isinstance(record, (ContactRecord, InteractionRecord, Skip))
    except Unreadable:
        pass


_VCARD_LINES = st.one_of(
    st.sampled_from([
        "BEGIN:VCARD", "END:VCARD", "VERSION:2.1", "VERSION:3.0", "VERSION:4.0", "FN:Ann Lee", "N:Lee;Ann;;;",
        "EMAIL:ann@example.com", "ORG:Acme;Dept", "KIND:group", "NOTE;ENCODING=QUOTED-PRINTABLE:caf=E9=",
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91=", " folded", "\tfolded", "item1.EMAIL:x@y.z",
        "PHOTO;ENCODING=BASE64:!!!", "URL:https://www.linkedin.com/in/ann", "TEL;CELL;PREF:1", "N:", ":", "",
        "X-SOCIALPROFILE;TYPE=linkedin:ann", "CATEGORIES:a,b", "FN:Doe, John", "BDAY:notadate", "AGENT:",
    ]),
    st.text(max_size=30),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(lines=st.lists(_VCARD_LINES, max_size=25), newline=st.sampled_from(["\r\n", "\n"]),
       encoding=st.sampled_from(["utf-8", "utf-16-le", "cp1252"]))
def test_vcard_reader_never_raises_on_card_shaped_input(tmp_path, lines, newline, encoding):
    path = tmp_path / "cards.vcf"
    path.write_bytes(newline.join(lines).encode(encoding, errors="replace"))
    try:
        records = list(READERS["vcard"](path, OPTIONS, NoProgress()))
    except Unreadable:
        return
    assert all(isinstance(r, (ContactRecord, Skip)) for r in records)
