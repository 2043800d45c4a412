"""`netpace backup` and `netpace restore`."""

from __future__ import annotations

from pathlib import Path

import click

from ..domain.text import printable
from .common import EXIT_FAILURE, EXIT_USAGE, PathText, Problem, checked_path, run, session


@click.command(name="backup")
@click.option("--out", "out", type=PathText(), metavar="FILE",
              help="Where to write the backup (default: backups/ beside the database, timestamped).")
@click.pass_context
def backup_command(ctx: click.Context, out: Path | None) -> None:
    """Save a consistent copy of the database (safe while netpace is running)."""
    from ..store.backups import write_backup
    from ..store.paths import expand

    if out is not None:
        out = checked_path(expand(out), "--out")
        if out.exists():
            raise Problem(f"{out} already exists; netpace won't overwrite it.", EXIT_USAGE)
    made = run(ctx, lambda store: write_backup(store, out))
    click.echo(f"Backed up {printable(str(session(ctx).path))} to {printable(str(made))}.")


@click.command(name="restore")
@click.argument("backup_file", metavar="FILE", type=PathText())
@click.pass_context
def restore_command(ctx: click.Context, backup_file: Path) -> None:
    """Replace the database with the backup FILE, after checking it.

    The current database is saved to the backups folder first.
    """
    from ..store import StoreError, open_store
    from ..store.backups import restore_backup
    from ..store.paths import expand

    path = session(ctx).path
    try:
        done = restore_backup(path, checked_path(expand(backup_file), "The backup path"))
        with open_store(path):  # brings an older backup up to this netpace's schema
            pass
    except StoreError as error:
        raise Problem(str(error), EXIT_FAILURE) from None
    info = done.info
    click.echo(f"Restored {info.contacts} contacts and {info.interactions} interactions from {printable(str(info.path))}.")
    if done.previous is not None:
        click.echo(f"The database it replaced was saved to {printable(str(done.previous))}.")


COMMANDS = (backup_command, restore_command)
