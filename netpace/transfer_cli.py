"""`netpace import` and `netpace export`. Registered by the main group in cli.py:

    from .transfer_cli import export_command, import_command
    main.add_command(import_command)
    main.add_command(export_command)

Both read the database path from `ctx.obj["db_path"]` (None means the default).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click


class Failure(click.ClickException):
    """One sentence to stderr, then exit with `code` (2: the command line, 1: the rest)."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.exit_code = code


def _db_path(ctx: click.Context) -> Path:
    from .store import resolve_db_path

    return resolve_db_path((ctx.obj or {}).get("db_path"))


def _progress():
    from .importers import NoProgress
    from .progress_bar import TerminalProgress

    stream = sys.stderr
    return TerminalProgress(stream) if stream.isatty() else NoProgress()


# Spelled out rather than imported, so registering these commands loads no importer
# (a test checks they match the importers' and exporters' own lists).
IMPORT_FORMATS = ("linkedin-connections", "linkedin-messages", "vcard", "google-csv", "outlook-csv",
                  "mbox", "maildir", "ics", "json")
EXPORT_FORMATS = ("json", "csv", "vcard", "ics")


@click.command("import")
@click.argument("format", metavar="FORMAT", type=click.Choice(IMPORT_FORMATS, case_sensitive=False))
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--me", multiple=True, metavar="ADDRESS",
              help="Your e-mail address or LinkedIn profile URL (repeat for each); needed for mail.")
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
@click.pass_context
def import_command(ctx: click.Context, format: str, files: tuple[Path, ...], me: tuple[str, ...], dry_run: bool) -> None:
    """Bring contacts and conversations in from FILE(s) in FORMAT.

    FORMAT: linkedin-connections, linkedin-messages, vcard, google-csv, outlook-csv,
    mbox, maildir, ics or json (netpace's own export).

    Existing contacts are matched by e-mail, then LinkedIn URL, then exact name, and
    merged; importing the same file twice changes nothing. A backup is taken first.
    """
    from .clock import local_now
    from .importers import ImportOptions, NeedsOption, check_options, describe, import_file
    from .store import StoreError, open_store

    format = format.lower()
    now = local_now()
    options = ImportOptions(now=now, tz=now.tzinfo, me=me)
    try:
        check_options(format, options)
    except NeedsOption as error:
        raise Failure(str(error), 2) from None

    from .store.errors import NeedsUpgrade

    path = _db_path(ctx)
    try:
        store = None if dry_run and not path.exists() else open_store(path, upgrade=not dry_run)
    except NeedsUpgrade:
        raise Failure(f"{path} was written by an older netpace, and --dry-run writes nothing, so it can't upgrade "
                      "it: run any command without --dry-run once (netpace list will do; a backup is taken "
                      "first).") from None
    except StoreError as error:
        raise Failure(str(error)) from None

    worst = 0
    try:
        if store is not None and not dry_run:
            from .store.backups import auto_backup

            try:
                auto_backup(store, "import")
            except StoreError as error:
                raise Failure(f"{error} Nothing was imported.") from None
        for file in files:
            result = import_file(store, format, file, options, dry_run=dry_run, progress=_progress())
            for line in describe(result):
                click.echo(f"Error: {line}" if result.error else line, err=bool(result.error))
            if result.error:
                worst = max(worst, 2 if result.usage_error else 1)
    finally:
        if store is not None:
            store.close()
    if worst:
        ctx.exit(worst)


@click.command("export")
@click.argument("format", metavar="FORMAT", type=click.Choice(EXPORT_FORMATS, case_sensitive=False))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), help="Write to this file (0600); stdout without it.")
@click.option("--now", "now_text", metavar="WHEN", help="Pretend it is WHEN (reproducible output).")
@click.option("--days", type=click.IntRange(1, 3650), default=14, show_default=True,
              help="ics: follow-ups due within this many days.")
@click.pass_context
def export_command(ctx: click.Context, format: str, out: Path | None, now_text: str | None, days: int) -> None:
    """Take everything out in FORMAT.

    FORMAT: json (everything, re-importable), csv (contacts with verdict, pressure and
    next date), vcard (4.0) or ics (the follow-ups due in the next --days days).
    """
    from .clock import local_now
    from .domain.when import ACCEPTED_FORMS, WhenError, parse_when
    from .exporters import render, write_private
    from .store import StoreError, open_store

    now = local_now()
    if now_text:
        try:
            now = parse_when(now_text, now)
        except WhenError:
            raise Failure(f"--now {now_text!r} is not a time: use {ACCEPTED_FORMS}.", 2) from None

    path = _db_path(ctx)
    try:
        with open_store(path, create=False) as store:
            data = render(format.lower(), store, now, days=days)
    except StoreError as error:
        raise Failure(str(error)) from None

    if out is None:
        click.echo(data, nl=False)  # bytes go to stdout's binary buffer as they are
        return
    try:
        write_private(out, data)
    except OSError as error:
        from .importers.decoding import describe_os_error

        raise Failure(describe_os_error(out, error).replace("Can't read", "Can't write")) from None
    click.echo(f"Wrote {out}.", err=True)
