"""Bytes to text when the encoding can't be trusted, and reading files safely."""

from __future__ import annotations

import codecs
from pathlib import Path

from .errors import Unreadable

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def describe_os_error(path: Path, error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return f"Can't read {path}: there is no such file."
    if isinstance(error, IsADirectoryError):
        return f"Can't read {path}: it is a folder, not a file."
    if isinstance(error, NotADirectoryError):
        return f"Can't read {path}: part of that path is not a folder."
    if isinstance(error, PermissionError):
        return f"Can't read {path}: permission denied."
    reason = (error.strerror or str(error) or "unknown error").rstrip(".")
    return f"Can't read {path}: {reason[:1].lower()}{reason[1:]}."


def read_bytes(path: Path) -> bytes:
    """The whole file, or `Unreadable` with one sentence."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise Unreadable(describe_os_error(path, error)) from None
    except MemoryError:
        raise Unreadable(f"Can't read {path}: it is too large to load.") from None


def decode_field(raw: bytes) -> str:
    """UTF-8 where the bytes are valid UTF-8; each byte that isn't is read as cp1252.

    Excel re-saves mix the two in one file, even in one field. Bytes cp1252 leaves
    undefined become U+FFFD. Never raises.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    position = 0
    while position < len(raw):
        try:
            parts.append(raw[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            bad = position + error.start
            parts.append(raw[position:bad].decode("utf-8"))
            parts.append(raw[bad : bad + 1].decode("cp1252", errors="replace"))
            position = bad + 1
    return "".join(parts)


def wide_encoding(data: bytes) -> str | None:
    """UTF-16/32 by byte-order mark, or UTF-16 without one by its zero bytes."""
    for bom, name in _BOMS:
        if data.startswith(bom) and name != "utf-8":
            return name
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII text as UTF-16 has a zero in every other byte.
    if odd_zeros > half * 0.6 and even_zeros < half * 0.1:
        return "utf-16-le"
    if even_zeros > half * 0.6 and odd_zeros < half * 0.1:
        return "utf-16-be"
    return None


def decode_wide(data: bytes, encoding: str) -> str:
    for bom, name in _BOMS:
        if name == encoding and data.startswith(bom):
            data = data[len(bom):]
            break
    return data.decode(encoding, errors="replace")


def strip_utf8_bom(data: bytes) -> bytes:
    return data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data


def decode_text(data: bytes) -> str:
    """A whole text file: UTF-16/32 when it looks like it, otherwise per-byte UTF-8/cp1252."""
    wide = wide_encoding(data)
    if wide:
        return decode_wide(data, wide)
    return decode_field(strip_utf8_bom(data))
