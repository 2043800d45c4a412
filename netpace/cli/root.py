"""The `netpace` group itself: the app (no command, or --demo), `netpace demo`, and `main`,
the command line's entry (no traceback ever reaches the user)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .common import (
    DB_HELP,
    EXIT_FAILURE,
    EXIT_USAGE,
    NOW_HELP,
    DbText,
    Problem,
    SafeGroup,
    Session,
    ask,
    now_option,
    run,
    session,
    store_problem,
)


@click.group(cls=SafeGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", type=DbText(), help=DB_HELP)
@click.option("--demo", is_flag=True, help="Open on a fresh demo network (a temporary database unless --db).")
@click.option("--now", "now_text", metavar="WHEN", help=NOW_HELP)
@click.version_option(package_name="netpace", prog_name="netpace")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, demo: bool, now_text: str | None) -> None:
    """netpace: keep up with your network without becoming the pushy contact.

    Without a command, opens the full-screen app.
    """
    ctx.ensure_object(dict)
    ctx.obj["db_path"] = db
    ctx.obj["session"] = Session(db)
    ctx.call_on_close(ctx.obj["session"].close)
    if ctx.invoked_subcommand is not None:
        if demo:
            raise Problem("--demo opens the app; use `netpace demo` to write a demo network.", EXIT_USAGE)
        from ..store.collector import collector_paused

        # A command runs once and exits: what it builds lives until then (store.collector).
        ctx.with_resource(collector_paused())
        return
    now = now_option(now_text)
    if demo:
        _require_terminal()
        path = db or Path(_demo_folder()) / "netpace-demo.db"
        _write_demo(path, now)
        ctx.obj["session"] = Session(path)
    elif _there_or_on_a_server(session(ctx).path):
        # A database problem is worth hearing about first. An empty PostgreSQL database was
        # made for netpace by its owner: the network starts in it without asking.
        session(ctx).store(create=True)
        _require_terminal()
    else:
        _require_terminal()
        _ask_to_create(ctx)
    _open_app(ctx, now if now_text else None)


def _there_or_on_a_server(path) -> bool:
    from ..store.paths import is_server

    return is_server(path) or path.exists()


def _ask_to_create(ctx: click.Context) -> None:
    """No database at the path yet: ask before making one (a typo in --db or $NETPACE_DB
    should not leave an empty database behind)."""
    from ..domain.text import printable

    path = session(ctx).path
    click.echo(f"There is no netpace database at {printable(str(path))} yet.")
    if not ask("Create one there?", default=True, unanswered="No answer, so nothing was created."):
        click.echo("Nothing was created.")
        ctx.exit(0)
    session(ctx).store(create=True)


def _require_terminal() -> None:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise Problem(
            "The app needs a terminal; in scripts use a command such as `netpace triage` "
            "(netpace --help lists them).",
            EXIT_USAGE,
        )


def _demo_folder() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="netpace-demo-")


def _write_demo(path: Path, now) -> int:
    from ..demo import write_demo
    from ..store import StoreError, open_store

    try:
        with open_store(path) as store:
            return write_demo(store, now)
    except StoreError as error:
        raise store_problem(error) from None


def _open_app(ctx: click.Context, fixed_now) -> None:
    from ..store import StoreError
    from ..ui.run import run_app  # starts reading the network before Textual loads

    try:
        run_app(session(ctx).store(create=True), fixed_now)  # opened already, just above
    except StoreError as error:
        raise store_problem(error) from None


@cli.command()
@click.option("--db", "db", type=DbText(), help=DB_HELP)
@click.option("--now", "now_text", metavar="WHEN", help="Build the network around this time (default: now).")
@click.option("--contacts", type=click.IntRange(1, 1_000_000), help="A large network of this many contacts (for measuring).")
@click.option("--interactions", type=click.IntRange(0, 50_000_000), help="With about this many interactions in all.")
@click.pass_context
def demo(ctx, db, now_text, contacts, interactions) -> None:
    """Write a realistic demo network (about 40 contacts) into an empty database.

    With --contacts and --interactions, a large deterministic network for measuring.
    """
    if db is not None:
        ctx.obj["session"].close()
        ctx.obj["session"] = Session(db)
    now = now_option(now_text)
    current = session(ctx)
    from ..domain.text import printable

    if contacts is None and interactions is None:
        count = _write_demo(current.path, now)
        click.echo(f"Wrote a demo network of {count} contacts to {printable(str(current.path))}.")
        return
    from ..demo import write_large_demo

    people, written = run(ctx, lambda store: write_large_demo(
        store, now, contacts or 10_000, interactions if interactions is not None else 20 * (contacts or 10_000)),
        create=True)
    click.echo(f"Wrote a demo network of {people} contacts and {written} interactions to "
               f"{printable(str(current.path))}.")


def main(argv: list[str] | None = None) -> None:
    """Entry point: no traceback ever reaches the user."""
    try:
        cli.main(args=argv, prog_name="netpace", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("netpace: interrupted.", err=True)
        sys.exit(130)
    except Exception as error:  # the last line of defence: one sentence, never a traceback
        if os.environ.get("NETPACE_DEBUG"):
            raise
        from ..startup.fork import unexpected

        click.echo(unexpected(error), err=True)  # the launch's sentence, word for word
        sys.exit(EXIT_FAILURE)
