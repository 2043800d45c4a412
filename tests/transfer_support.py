"""Helpers shared by the import and export tests."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from click.testing import CliRunner, Result

from netpace.store import open_store
from netpace.cli.transfer import export_command, import_command

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2027, 1, 15, 12, 0, tzinfo=timezone.utc)


def fixture(*parts: str) -> Path:
    return FIXTURES.joinpath(*parts)


def run_import(db: Path, *args: object) -> Result:
    return CliRunner().invoke(import_command, [str(a) for a in args], obj={"db_path": db})


def run_export(db: Path, *args: object) -> Result:
    return CliRunner().invoke(export_command, [str(a) for a in args], obj={"db_path": db})


def counts(db: Path | str) -> dict[str, int]:
    """What the database at `db` holds (a file not created yet holds nothing; a server's
    database is made by the test)."""
    if isinstance(db, Path) and not db.exists():
        return {"contacts": 0, "emails": 0, "interactions": 0}
    with open_store(db) as store:
        return store.counts()


def contacts(db: Path) -> dict:
    """Contacts by name."""
    with open_store(db) as store:
        return {c.name: c for c in store.contacts()}


def interactions(db: Path) -> list[tuple]:
    """(contact name, direction, channel, kind, at UTC, note) for every interaction, sorted."""
    with open_store(db) as store:
        names = {c.id: c.name for c in store.contacts()}
        rows = []
        for contact_id, items in store.interactions_by_contact().items():
            for item in items:
                rows.append((names[contact_id], item.direction.value, item.channel.value, item.kind.value,
                             item.at.astimezone(timezone.utc), item.note))
    return sorted(rows, key=lambda row: (row[0], row[4], row[1]))


def assert_clean_failure(result: Result, code: int) -> None:
    """One sentence on stderr, the exit code asked for, no traceback."""
    assert result.exit_code == code, (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("netpace: ") and lines[0].endswith(".")
