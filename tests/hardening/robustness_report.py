"""Collects what the robustness tests tried and what survived, and renders the table.

Tests call `record(...)`; at the end of the session the conftest writes the rows to
`robustness.json` in pytest's session temp folder (and to $NETPACE_ROBUSTNESS_JSON if set)
and prints the table. `python -m tests.hardening.robustness_report FILE` renders a saved file.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Row:
    area: str
    what: str
    tried: int
    survived: int
    note: str = ""


ROWS: list[Row] = []


def record(area: str, what: str, tried: int, survived: int, note: str = "") -> None:
    ROWS.append(Row(area, what, tried, survived, note))


def table(rows: list[Row]) -> str:
    lines = [
        "| Area | What the tests tried | Tried | Survived | Notes |",
        "|---|---|---:|---:|---|",
    ]
    for r in sorted(rows, key=lambda r: (r.area, r.what)):
        lines.append(f"| {r.area} | {r.what} | {r.tried} | {r.survived} | {r.note} |")
    return "\n".join(lines)


def save(rows: list[Row], path: Path) -> None:
    path.write_text(json.dumps([asdict(r) for r in rows], indent=2), encoding="utf-8")


def load(path: Path) -> list[Row]:
    return [Row(**item) for item in json.loads(path.read_text(encoding="utf-8"))]


if __name__ == "__main__":
    print(table(load(Path(sys.argv[1]))))
