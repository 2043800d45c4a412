"""`netpace import` and `netpace export`. Their choices come from the one table of formats
(netpace.domain.formats), so registering them loads no importer or exporter."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..domain.formats import EXPORT_NAMES, IMPORT_NAMES
from .common import EXIT_FAILURE, EXIT_USAGE, PathText, Problem, session

# Every error starts so, each file's error in an import too.
ERROR = "netpace: "


def _failure(message: str, code: int = EXIT_FAILURE) -> Problem:
    return Problem(message, code, prefix=ERROR)


def _progress():
    from ..importers import NoProgress
    from .progress import TerminalProgress

    stream = sys.stderr
    return TerminalProgress(stream) if stream.isatty() else NoProgress()


@click.command("import")
@click.argument("items", metavar="[FORMAT] PATH...", nargs=-1, required=True)
@click.option("--me", multiple=True, metavar="ADDRESS",
              help="Your e-mail address or LinkedIn profile URL (repeat for each); needed for mail.")
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
@click.pass_context
def import_command(ctx: click.Context, items: tuple[str, ...], me: tuple[str, ...], dry_run: bool) -> None:
    """Bring contacts and conversations in from each PATH.

    Without FORMAT, each PATH's format is told from its content, and said. The whole
    LinkedIn export: `netpace import linkedin ZIP` (the zip, or the folder it unpacks to).

    FORMAT: linkedin (the export), linkedin-connections, linkedin-messages,
    linkedin-invitations, vcard, google-csv, outlook-csv, mbox (Gmail Takeout too),
    maildir, ics or json (netpace's own export).

    Existing contacts are matched by e-mail, then LinkedIn URL, then exact name, and
    merged; importing the same file twice changes nothing. A backup is taken before the
    first file that changes anything is written.
    """
    from ..clock import local_now
    from ..importers import ImportOptions, describe_path, import_path
    from ..store import StoreError, open_store

    format, paths = _format_and_paths(ctx, items)
    now = local_now()
    options = ImportOptions(now=now, tz=now.tzinfo, me=me)
    _refuse_what_cant_start(format, paths, options)

    from ..store.errors import NeedsUpgrade, NoNetwork

    path = session(ctx).path
    try:
        # Nothing is created until a file brings something (ready), and never by a dry run.
        store = open_store(path, create=False, upgrade=not dry_run)
    except NoNetwork:
        store = None
    except NeedsUpgrade:
        raise _failure(f"{path} was written by an older netpace, and --dry-run writes nothing, so it can't upgrade "
                       "it: run any command without --dry-run once (netpace list will do; a backup is taken "
                       "first).") from None
    except StoreError as error:
        raise _failure(str(error)) from None

    worst = 0
    ready_to_write = False

    def ready():
        """Right before the first write of this command: the backup of the database as
        it was (backups rotate only for real imports), or the new database itself."""
        nonlocal store, ready_to_write
        if store is None:
            store = open_store(path)
        elif not ready_to_write:
            from ..store.backups import auto_backup

            try:
                auto_backup(store, "import")
            except StoreError as error:
                raise StoreError(f"{error} Nothing was imported.") from None
        ready_to_write = True
        return store

    try:
        for file in paths:
            result = import_path(store, file, options, format=format, dry_run=dry_run, progress=_progress(),
                                 before_write=ready)
            for line, is_error in describe_path(result):
                click.echo(f"{ERROR}{line}" if is_error else line, err=is_error)
            worst = max(worst, result.exit_code)
    finally:
        if store is not None:
            store.close()
    if worst:
        ctx.exit(worst)


def _format_and_paths(ctx: click.Context, items: tuple[str, ...]) -> tuple[str | None, list[Path]]:
    """`FORMAT PATH...` or `PATH...`. A first word that names a format is the format; one
    that names no format and no file, with paths after it, is a mistyped format."""
    first = items[0].lower()
    if first in IMPORT_NAMES:
        if len(items) == 1:
            raise _failure(f"Give the file to import after {first} (netpace import {first} PATH).", EXIT_USAGE)
        format, rest = first, items[1:]
    elif len(items) > 1 and "\x00" not in items[0] and not os.path.lexists(items[0]):
        raise _failure(f"Unknown format {items[0]!r}: use one of {', '.join(IMPORT_NAMES)}, or give only paths "
                       "to have the format told from the content.", EXIT_USAGE)
    else:
        format, rest = None, items
    kind = PathText(readable=True)
    return format, [kind.convert(item, None, ctx) for item in rest]


def _refuse_what_cant_start(format: str | None, paths: list[Path], options) -> None:
    """A command line that can't work (mail without --me) is refused before the database
    is opened, created or backed up."""
    from ..importers import LINKEDIN_EXPORT, NeedsOption, check_options, guess_format
    from ..importers.errors import ImportFailure

    for path in paths:
        found = format
        if found is None:
            try:
                found = guess_format(path).format
            except ImportFailure:
                continue  # import_path says why, for this path alone
        if found == LINKEDIN_EXPORT:
            continue
        try:
            check_options(found, options, [path])
        except NeedsOption as error:
            raise _failure(str(error), EXIT_USAGE) from None


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
    from ..store import StoreError
    from ..store.private_files import write_private

    try:
        now = now_from(now_text or None)
    except WhenError:
        raise _failure(f"--now {now_text!r} is not a time: use {ACCEPTED_FORMS}.", EXIT_USAGE) from None

    if out is not None:
        from ..exporters import target_problem

        problem = target_problem(out)
        if problem:
            raise _failure(problem)
    try:
        data = render(format.lower(), session(ctx).store(), now, days=days)
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
