"""`netpace import` and `netpace export`. Their choices come from the one table of formats
(netpace.domain.formats), so registering them loads no importer or exporter."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..domain.formats import EXPORT_NAMES, IMPORT_NAMES
from .common import EXIT_FAILURE, EXIT_USAGE, PathText, Problem, session

# Import and export say what went wrong as "Error: ...", as each file's error reads.
ERROR = "Error: "


def _failure(message: str, code: int = EXIT_FAILURE) -> Problem:
    return Problem(message, code, prefix=ERROR)


def _progress():
    from ..importers import NoProgress
    from .progress import TerminalProgress

    stream = sys.stderr
    return TerminalProgress(stream) if stream.isatty() else NoProgress()


@click.command("import")
@click.argument("format", metavar="FORMAT", type=click.Choice(IMPORT_NAMES, case_sensitive=False))
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=PathText(readable=True))
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
    from ..clock import local_now
    from ..importers import ImportOptions, NeedsOption, check_options, describe, import_file
    from ..store import StoreError, open_store

    format = format.lower()
    now = local_now()
    options = ImportOptions(now=now, tz=now.tzinfo, me=me)
    try:
        check_options(format, options)
    except NeedsOption as error:
        raise _failure(str(error), EXIT_USAGE) from None

    from ..store.errors import NeedsUpgrade, NoNetwork

    path = session(ctx).path
    try:
        # A dry run creates nothing: with no network there yet, it reads the files alone.
        store = open_store(path, create=not dry_run, upgrade=not dry_run)
    except NoNetwork:
        store = None
    except NeedsUpgrade:
        raise _failure(f"{path} was written by an older netpace, and --dry-run writes nothing, so it can't upgrade "
                       "it: run any command without --dry-run once (netpace list will do; a backup is taken "
                       "first).") from None
    except StoreError as error:
        raise _failure(str(error)) from None

    worst = 0
    try:
        if store is not None and not dry_run:
            from ..store.backups import auto_backup

            try:
                auto_backup(store, "import")
            except StoreError as error:
                raise _failure(f"{error} Nothing was imported.") from None
        for file in files:
            result = import_file(store, format, file, options, dry_run=dry_run, progress=_progress())
            for line in describe(result):
                click.echo(f"{ERROR}{line}" if result.error else line, err=bool(result.error))
            if result.error:
                worst = max(worst, EXIT_USAGE if result.usage_error else EXIT_FAILURE)
    finally:
        if store is not None:
            store.close()
    if worst:
        ctx.exit(worst)


@click.command("export")
@click.argument("format", metavar="FORMAT", type=click.Choice(EXPORT_NAMES, case_sensitive=False))
@click.option("--out", type=PathText(dir_okay=False, readable=True), help="Write to this file (0600); stdout without it.")
@click.option("--now", "now_text", metavar="WHEN", help="Pretend it is WHEN (reproducible output).")
@click.option("--days", type=click.IntRange(1, 3650), default=14, show_default=True,
              help="ics: follow-ups due within this many days.")
@click.pass_context
def export_command(ctx: click.Context, format: str, out: Path | None, now_text: str | None, days: int) -> None:
    """Take everything out in FORMAT.

    FORMAT: json (everything, re-importable), csv (contacts with verdict, pressure and
    next date), vcard (4.0) or ics (the follow-ups due in the next --days days).
    """
    from ..clock import now_from
    from ..domain.when import ACCEPTED_FORMS, WhenError
    from ..exporters import render
    from ..store import StoreError, open_store
    from ..store.private_files import write_private

    try:
        now = now_from(now_text or None)
    except WhenError:
        raise _failure(f"--now {now_text!r} is not a time: use {ACCEPTED_FORMS}.", EXIT_USAGE) from None

    path = session(ctx).path
    try:
        with open_store(path, create=False) as store:
            data = render(format.lower(), store, now, days=days)
    except StoreError as error:
        raise _failure(str(error)) from None

    if out is None:
        click.echo(data, nl=False)  # bytes go to stdout's binary buffer as they are
        return
    try:
        write_private(out, data)
    except OSError as error:
        from ..importers.decoding import describe_os_error

        raise _failure(describe_os_error(out, error).replace("Can't read", "Can't write")) from None
    click.echo(f"Wrote {out}.", err=True)


COMMANDS = (import_command, export_command)
