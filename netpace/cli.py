"""The command line. Imports the store and the UI lazily so quick commands stay quick."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .cli_types import PathText
from .domain.model import Channel, Direction, Kind, MetVia

EXIT_USAGE = 2
EXIT_FAILURE = 1


class Problem(click.ClickException):
    """One sentence for the user, with the exit code it deserves."""

    def __init__(self, message: str, code: int = EXIT_FAILURE, details: tuple[str, ...] = ()):
        super().__init__(message)
        self.exit_code = code
        self.details = details

    def show(self, file=None) -> None:
        from .domain.text import printable

        err = file or sys.stderr
        click.echo(f"netpace: {printable(self.message)}", file=err)
        for line in self.details:
            click.echo(f"  {printable(line)}", file=err)


class _SafeGroup(click.Group):
    """Click echoes some user text raw in its errors (e.g. "Got unexpected extra
    argument (...)"): make any control characters in them visible escapes instead."""

    @staticmethod
    def _clean(error: click.ClickException) -> None:
        from .domain.text import printable

        error.message = printable(error.message)

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except click.ClickException as error:
            self._clean(error)
            raise

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.ClickException as error:
            self._clean(error)
            raise


def _store_problem(error: Exception) -> Problem:
    from .store.errors import AmbiguousName, NotFound, ValidationError

    if isinstance(error, (NotFound, AmbiguousName)):
        details = error.candidates
        if isinstance(error, NotFound) and details:
            details = ("Did you mean:",) + tuple(f"  {c}" for c in details)
        if isinstance(error, AmbiguousName):
            details = tuple(details) + ("Give the number (after #) instead of the name.",)
        return Problem(str(error), EXIT_USAGE, details)
    if isinstance(error, ValidationError):
        return Problem(str(error), EXIT_USAGE)
    return Problem(str(error), EXIT_FAILURE)


def checked_path(path: Path, what: str) -> Path:
    """Paths holding a NUL byte can't name a file (the OS calls raise ValueError)."""
    if "\x00" in str(path):
        raise Problem(f"{what} contains a NUL byte; no file can have that name.", EXIT_USAGE)
    return path


class _Session:
    """Opens the store on first use, turns its errors into Problems, closes it at exit."""

    def __init__(self, db_option: Path | None):
        self.db_option = db_option
        self._store = None

    @property
    def path(self) -> Path:
        from .store.paths import resolve_db_path

        return checked_path(resolve_db_path(self.db_option), "The database path")

    def store(self):
        if self._store is None:
            from .store import StoreError, open_store

            try:
                self._store = open_store(self.path)
            except StoreError as error:
                raise _store_problem(error) from None
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _session(ctx: click.Context) -> _Session:
    return ctx.obj["session"]


def _run(ctx: click.Context, action):
    """Call `action(store)`, mapping store errors to one sentence and an exit code."""
    from .store import StoreError

    try:
        return action(_session(ctx).store())
    except StoreError as error:
        raise _store_problem(error) from None


def _now(text: str | None):
    from .clock import now_from
    from .domain.when import ACCEPTED_FORMS, WhenError

    try:
        return now_from(text)
    except WhenError:
        raise Problem(f"--now {text!r} is not a time netpace understands.", EXIT_USAGE,
                      (f"Use {ACCEPTED_FORMS}.",)) from None


def _echo_json(value) -> None:
    from .json_text import dumps  # json.dumps(value, ensure_ascii=False, indent=2), faster

    click.echo(dumps(value, indent=2))


DB_HELP = "Database file (default: $NETPACE_DB, else the platform's data folder)."
NOW_HELP = "Pretend it is this time (any WHEN form), for planning or reproducible output."


@click.group(cls=_SafeGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", type=PathText(), help=DB_HELP)
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
    ctx.obj["session"] = _Session(db)
    ctx.call_on_close(ctx.obj["session"].close)
    if ctx.invoked_subcommand is not None:
        if demo:
            raise Problem("--demo opens the app; use `netpace demo` to write a demo network.", EXIT_USAGE)
        return
    now = _now(now_text)
    if demo:
        _require_terminal()
        path = db or Path(_demo_folder()) / "netpace-demo.db"
        _write_demo(path, now)
        ctx.obj["session"] = _Session(path)
    else:
        _session(ctx).store()  # a database problem is worth hearing about first
        _require_terminal()
    _open_app(ctx, now if now_text else None)


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
    from .demo import write_demo
    from .store import StoreError, open_store

    try:
        with open_store(path) as store:
            return write_demo(store, now)
    except StoreError as error:
        raise _store_problem(error) from None


def _open_app(ctx: click.Context, fixed_now) -> None:
    from .store import StoreError
    from .ui.launch import run_app  # starts reading the network before Textual loads

    try:
        run_app(_session(ctx).store(), fixed_now)  # opened already, just above
    except StoreError as error:
        raise _store_problem(error) from None


@cli.command()
@click.pass_context
def path(ctx: click.Context) -> None:
    """Print where the database is."""
    from .domain.text import printable

    click.echo(printable(str(_session(ctx).path)))


def _met_on(text: str | None, now):
    if text is None:
        return None
    from .domain.when import ACCEPTED_DATE_FORMS, WhenError, parse_day

    try:
        day = parse_day(text, now)
    except WhenError:
        raise Problem(f"--met-on {text!r} is not a date.", EXIT_USAGE, (f"Use {ACCEPTED_DATE_FORMS}.",)) from None
    if day > now.date():
        raise Problem(f"--met-on {text!r} is in the future.", EXIT_USAGE)
    return day


@cli.command()
@click.argument("name")
@click.option("--company", default="", help="Where they work.")
@click.option("--role", default="", help="Their job title.")
@click.option("--email", "emails", multiple=True, help="An e-mail address (repeat for several).")
@click.option("--phone", default="", help="A phone number.")
@click.option("--linkedin", default="", metavar="URL", help="Their LinkedIn profile URL.")
@click.option("--met-via", type=click.Choice([m.value for m in MetVia]), help="How you met.")
@click.option("--met-on", metavar="WHEN", help="When you met (a date or WHEN form).")
@click.option("--tag", "tags", multiple=True, help="A tag (repeat for several).")
@click.option("--keep-in-touch", type=click.IntRange(1, 3650), metavar="DAYS", help="Check in at least every DAYS days.")
@click.option("--note", default="", help="Notes about them.")
@click.pass_context
def add(ctx, name, company, role, emails, phone, linkedin, met_via, met_on, tags, keep_in_touch, note) -> None:
    """Add a contact."""
    from .clock import local_now
    from .domain.model import Contact

    now = local_now()
    contact = Contact(
        name=name,
        company=company,
        role=role,
        emails=tuple(emails),
        phone=phone,
        linkedin=linkedin,
        met_via=MetVia(met_via) if met_via else None,
        met_on=_met_on(met_on, now),
        tags=tuple(tags),
        notes=note,
        keep_in_touch_days=keep_in_touch,
    )
    saved = _run(ctx, lambda store: store.add_contact(contact, now))
    click.echo(f"Added {saved.name} (#{saved.id}).")


@cli.command()
@click.argument("name")
@click.option("--out", "direction", flag_value="out", help="You wrote to them.")
@click.option("--in", "direction", flag_value="in", help="They wrote to you.")
@click.option("--both", "direction", flag_value="both", help="A meeting, call or conversation.")
@click.option("--channel", type=click.Choice([c.value for c in Channel]), help="Default: your usual channel with them, else email.")
@click.option("--kind", type=click.Choice([k.value for k in Kind]), help="Default: guessed from the history.")
@click.option("--at", "at_text", metavar="WHEN", help="When it happened (default: now).")
@click.option("--note", default="", help="What it was about.")
@click.pass_context
def log(ctx, name, direction, channel, kind, at_text, note) -> None:
    """Log an interaction with NAME: --out, --in or --both."""
    from .clock import local_now
    from .domain.defaults import default_channel, default_kind
    from .domain.humanize import day_label
    from .domain.model import Interaction
    from .domain.when import ACCEPTED_FORMS, WhenError, parse_when
    from .report import VERDICT_LABEL, next_text
    from .store.store import summarize

    if direction is None:
        raise Problem("Say which way it went: --out, --in or --both.", EXIT_USAGE)
    now = local_now()
    at = now
    if at_text is not None:
        try:
            at = parse_when(at_text, now)
        except WhenError:
            raise Problem(f"--at {at_text!r} is not a time netpace understands.", EXIT_USAGE,
                          (f"Use {ACCEPTED_FORMS}.",)) from None
        if at > now.add(minutes=1):
            raise Problem(f"--at {at_text!r} is in the future; log what has happened.", EXIT_USAGE)

    def action(store):
        contact = store.resolve(name)
        history = store.interactions(contact.id)
        before = summarize(contact, history, now).assessment
        item = Interaction(
            at=at,
            direction=Direction(direction),
            channel=Channel(channel) if channel else default_channel(history),
            kind=Kind(kind) if kind else default_kind(Direction(direction), history, at),
            note=note,
        )
        saved = store.log(contact.id, item, now)
        after = summarize(contact, history + [saved], now).assessment
        return contact, saved, before, after

    contact, saved, before, after = _run(ctx, action)
    when = saved.at.astimezone(now.tzinfo)
    click.echo(
        f"Logged {saved.direction.value} {saved.channel.value} {saved.kind.value} with {contact.name}, "
        f"{day_label(when.date(), now.date())} {when:%H:%M}."
    )
    change = f"pressure {before.pressure} -> {after.pressure} ({after.zone.value})"
    click.echo(f"{change}; {VERDICT_LABEL[after.verdict]} {next_text(after, now.date())}".rstrip())


def _matches(contact, query: str) -> bool:
    from .domain.text import fold

    wanted = fold(query)
    fields = (contact.name, contact.company, contact.role, *contact.tags, *contact.emails)
    return any(wanted in fold(value) for value in fields)


@cli.command(name="list")
@click.argument("query", required=False)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def list_(ctx, query, as_json) -> None:
    """List contacts, optionally only those whose name, company, role, tag or e-mail holds QUERY."""
    from .report import contact_json

    contacts = _run(ctx, lambda store: store.contacts())
    if query:
        contacts = [c for c in contacts if _matches(c, query)]
    if as_json:
        _echo_json([contact_json(c) for c in contacts])
        return
    lines = []
    for c in contacts:
        extra = " · ".join(x for x in (c.role, c.company) if x)
        flag = "" if c.status.value == "active" else f"  [{c.status.value}]"
        lines.append(f"{c.id:>6}  {c.name}{'  ' + extra if extra else ''}{flag}")
    if lines:
        click.echo("\n".join(lines))
    elif query:
        click.echo(f"No contact matches {query!r}.")
    else:
        click.echo("No contacts yet: `netpace add NAME` adds one.")


@cli.command()
@click.argument("name")
@click.option("--now", "now_text", metavar="WHEN", help=NOW_HELP)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def show(ctx, name, now_text, as_json) -> None:
    """Show one contact: details, pressure, verdict and timeline."""
    from .report import assessment_json, contact_json, interaction_json, show_lines
    from .store.store import summarize

    now = _now(now_text)

    def action(store):
        contact = store.resolve(name)
        items = [i for i in store.interactions(contact.id)]
        return summarize(contact, items, now), items

    summary, items = _run(ctx, action)
    if as_json:
        value = assessment_json(summary)
        value["contact"] = contact_json(summary.contact)
        value["interactions"] = [interaction_json(i) for i in sorted(items, key=lambda i: i.at, reverse=True)]
        _echo_json(value)
        return
    click.echo("\n".join(show_lines(summary, items, now)))


@cli.command()
@click.option("--now", "now_text", metavar="WHEN", help=NOW_HELP)
@click.option("--all", "show_all", is_flag=True, help="Every active contact, not only what needs action.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def triage(ctx, now_text, show_all, as_json) -> None:
    """What needs doing today: reply, follow up, check in; most urgent first."""
    from .domain.model import ACTIONABLE
    from .report import assessment_json, triage_lines

    now = _now(now_text)
    summaries = _run(ctx, lambda store: store.summaries(now, include_hidden=False))
    if not show_all:
        summaries = [s for s in summaries if s.assessment.verdict in ACTIONABLE]
    if as_json:
        _echo_json([assessment_json(s) for s in summaries])
        return
    if not summaries:
        click.echo("Nothing to do today: nobody is waiting on you." if not show_all else "No active contacts.")
        return
    click.echo("\n".join(triage_lines(summaries, now.date())))


@cli.command()
@click.option("--db", "db", type=PathText(), help=DB_HELP)
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
        ctx.obj["session"] = _Session(db)
    now = _now(now_text)
    session = _session(ctx)
    from .domain.text import printable

    if contacts is None and interactions is None:
        count = _write_demo(session.path, now)
        click.echo(f"Wrote a demo network of {count} contacts to {printable(str(session.path))}.")
        return
    from .demo import write_large_demo

    people, written = _run(ctx, lambda store: write_large_demo(
        store, now, contacts or 10_000, interactions if interactions is not None else 20 * (contacts or 10_000)))
    click.echo(f"Wrote a demo network of {people} contacts and {written} interactions to "
               f"{printable(str(session.path))}.")


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
        from .domain.text import printable

        click.echo(f"netpace: unexpected error ({type(error).__name__}: {printable(str(error))}). "
                   "Set NETPACE_DEBUG=1 to see details.", err=True)
        sys.exit(EXIT_FAILURE)


# -- maintenance commands (backup, restore) live in their own module -----------------------
from .maintenance_cli import backup_command, restore_command  # noqa: E402  (needs `cli` above)

cli.add_command(backup_command)
cli.add_command(restore_command)

# -- import and export live in their own module ---------------------------------------------
from .transfer_cli import export_command, import_command  # noqa: E402

cli.add_command(import_command)
cli.add_command(export_command)
