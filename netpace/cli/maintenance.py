"""`netpace backup`, `netpace restore` and `netpace copy`."""

from __future__ import annotations

from pathlib import Path

import click

from ..domain.text import printable
from .common import EXIT_FAILURE, EXIT_USAGE, DbText, PathText, Problem, checked_path, location, run, session


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

    The current database is saved to the backups folder first. A backup of either kind of
    database (a file, or a PostgreSQL server) restores into either.
    """
    from ..store import StoreError, open_store
    from ..store.moving import restore_network
    from ..store.paths import expand

    path = session(ctx).path
    try:
        done = restore_network(path, checked_path(expand(backup_file), "The backup path"))
        with open_store(path):  # brings an older backup up to this netpace's schema
            pass
    except StoreError as error:
        raise Problem(str(error), EXIT_FAILURE) from None
    info = done.info
    click.echo(f"Restored {info.contacts} contacts and {info.interactions} interactions from {printable(str(info.path))}.")
    if done.previous is not None:
        click.echo(f"The database it replaced was saved to {printable(str(done.previous))}.")


@click.command(name="copy")
@click.option("--to", "target", required=True, type=DbText(), metavar="DB",
              help="Where to: a file path or a PostgreSQL URL, holding no network yet (a file is created).")
@click.pass_context
def copy_command(ctx: click.Context, target: str | Path) -> None:
    """Copy the whole network into another database: a file or a PostgreSQL server.

    Every contact, address, interaction, setting and kept standing, in one transaction;
    the copy is read back and its row counts and checksum compared with the original's
    before it is kept. The original is left as it was. Use it to move to PostgreSQL and
    back: netpace --db netpace.db copy --to postgresql://me@db.example/netpace
    """
    from ..store.moving import copy_to

    where = location(target, "--to")
    done = run(ctx, lambda store: copy_to(store, where))
    copied = done.copied
    counts = copied.counts
    click.echo(
        f"Copied {counts.get('contact', 0)} contacts, {counts.get('email', 0)} e-mail addresses and "
        f"{counts.get('interaction', 0)} interactions from {printable(str(session(ctx).path))} to "
        f"{printable(str(done.target))}; every table's row count and checksum match (sha256 {copied.checksum[:16]})."
    )


COMMANDS = (backup_command, restore_command, copy_command)
