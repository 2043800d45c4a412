"""Cleaning user text so it is always data, never terminal control."""

from __future__ import annotations

import re

# Whole escape sequences first (CSI like ESC[31m, OSC like ESC]2;title BEL), so no
# leftover "[31m" survives; then any lone control character.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x1b\x9d]\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"
)
# C0 controls except tab and newline, DEL, and the C1 block (which holds CSI and OSC).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters but keep tabs and newlines."""
    if _CONTROL.search(text) is None:  # every escape sequence starts with a control
        return text
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def one_line(text: str) -> str:
    """A single display line: controls removed, runs of whitespace collapsed."""
    if _CONTROL_ONE_LINE.search(text) is not None:
        text = _CONTROL_ONE_LINE.sub(" ", _ESCAPE_SEQUENCE.sub("", text))
    # str.split() and the regex's \s agree on what is white space (str.isspace).
    return " ".join(text.split())


def clean_name(text: str) -> str:
    """A contact name as stored: one line, trimmed, no control characters."""
    return one_line(strip_controls(text))


def fold(text: str) -> str:
    """Key for case-insensitive comparison."""
    return text.casefold()


def printable(text: str) -> str:
    """Text for a message: control characters shown as visible escapes (ESC as \\x1b),
    so a path or name that holds them is still recognisable but can't steer the terminal.
    Tabs and newlines are kept."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
