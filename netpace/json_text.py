"""`json.dumps(value, ensure_ascii=False, indent=N)`, the same text, several times faster.

With `indent`, the standard library encodes in pure Python (its C encoder only does
compact output); `triage --all --json` at 10,000 contacts spent more time there than
assessing them. This walks lists, dicts and scalars itself and encodes each string with
the C string encoder. Anything else (other types, non-string keys, a float that is not
finite) falls back to `json.dumps`, so the output is always what `json.dumps` gives.
"""

from __future__ import annotations

import json
import math

try:
    from _json import encode_basestring as _string  # the C encoder behind ensure_ascii=False
except ImportError:  # pragma: no cover - CPython always has it
    from json.encoder import py_encode_basestring as _string


class _Unusual(Exception):
    pass


def dumps(value, indent: int = 2) -> str:
    parts: list[str] = []
    try:
        _emit(value, "\n", " " * indent, parts, {})
    except _Unusual:
        return json.dumps(value, ensure_ascii=False, indent=indent)
    return "".join(parts)


def _scalar(value) -> str | None:
    """The JSON of a string, number, bool or None; None for anything else."""
    kind = type(value)
    if kind is str:
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        if not math.isfinite(value):
            raise _Unusual
        return float.__repr__(value)
    return None


def _emit(value, newline: str, step: str, out: list[str], keys: dict) -> None:
    kind = type(value)
    if kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + step
        separator = "," + inner
        out.append("[")
        first = True
        for item in value:
            out.append(inner if first else separator)
            first = False
            text = _string(item) if type(item) is str else _scalar(item)
            if text is None:
                _emit(item, inner, step, out, keys)
            else:
                out.append(text)
        out.append(newline + "]")
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + step
        separator = "," + inner
        out.append("{")
        first = True
        for key, item in value.items():
            name = keys.get(key)
            if name is None:
                if type(key) is not str:
                    raise _Unusual
                name = keys[key] = _string(key) + ": "
            out.append((inner if first else separator) + name)
            first = False
            text = _string(item) if type(item) is str else _scalar(item)
            if text is None:
                _emit(item, inner, step, out, keys)
            else:
                out.append(text)
        out.append(newline + "}")
    else:
        text = _scalar(value)
        if text is None:
            raise _Unusual
        out.append(text)
