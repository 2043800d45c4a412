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
@click.option("--all", "show_all", is_flag=True, help="Every active contact, not only today's queue.")
@click.option("--budget", type=click.IntRange(0, 1000), metavar="N",
              help="Check-ins and reconnects to show today (default: `netpace budget`).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def triage(ctx, now_text, show_all, budget, as_json) -> None:
    """Today's queue: every reply owed and follow-up due, then the day's budget of
    check-ins and reconnects, strongest ties first. --all lists every active contact."""
    from .domain.queue import todays_queue
    from .report import assessment_json, triage_lines, waiting_line

    now = _now(now_text)
    summaries, budget = _run(ctx, lambda store: (store.summaries(now, include_hidden=False),
                                                 budget if budget is not None else store.daily_budget()))
    waiting = 0
    if not show_all:
        summaries, waiting = todays_queue(summaries, now.date(), budget)
    if as_json:
        _echo_json([assessment_json(s) for s in summaries])
        return
    if summaries:
        click.echo("\n".join(triage_lines(summaries, now.date())))
    elif show_all:
        click.echo("No active contacts.")
    elif not waiting:
        click.echo("Nothing to do today: nobody is waiting on you.")
    if waiting:
        click.echo(waiting_line(waiting, "`netpace triage --all`"))


@cli.command()
@click.argument("count", required=False, type=click.IntRange(0, 100))
@click.pass_context
def budget(ctx, count) -> None:
    """Show, or set to COUNT, how many check-ins and reconnects today's queue holds.

    Replies owed and follow-ups are always in it, whatever the budget."""
    def action(store):
        if count is not None:
            store.set_daily_budget(count)
        return store.daily_budget()

    kept = _run(ctx, action)
    what = "Set: today's queue" if count is not None else "Today's queue"
    click.echo(f"{what} holds up to {kept} check-in{'s' if kept != 1 else ''} and reconnects a day "
               "(replies owed and follow-ups always).")


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


@cli.group(cls=_SafeGroup)
def interaction() -> None:
    """Correct or delete one logged interaction (`netpace show NAME --json` gives the ids)."""


def _interaction_id(text: str) -> int:
    digits = text.lstrip("#")
    if not digits.isdigit():
        raise Problem(f"{text!r} is not an interaction id (a number, as `show --json` gives).", EXIT_USAGE)
    return int(digits)


@interaction.command(name="edit")
@click.argument("interaction_id", metavar="ID")
@click.option("--out", "direction", flag_value="out", help="You wrote to them.")
@click.option("--in", "direction", flag_value="in", help="They wrote to you.")
@click.option("--both", "direction", flag_value="both", help="A meeting, call or conversation.")
@click.option("--channel", type=click.Choice([c.value for c in Channel]), help="How it went.")
@click.option("--kind", type=click.Choice([k.value for k in Kind]), help="What it was.")
@click.option("--at", "at_text", metavar="WHEN", help="When it happened.")
@click.option("--note", default=None, help="What it was about.")
@click.pass_context
def interaction_edit(ctx, interaction_id, direction, channel, kind, at_text, note) -> None:
    """Change what was logged: only the options given change. A later import of the
    same file never overwrites the correction."""
    from dataclasses import replace

    from .clock import local_now
    from .domain.humanize import day_label
    from .domain.when import ACCEPTED_FORMS, WhenError, parse_when

    wanted = _interaction_id(interaction_id)
    now = local_now()
    at = None
    if at_text is not None:
        try:
            at = parse_when(at_text, now)
        except WhenError:
            raise Problem(f"--at {at_text!r} is not a time netpace understands.", EXIT_USAGE,
                          (f"Use {ACCEPTED_FORMS}.",)) from None
        if at > now.add(minutes=1):
            raise Problem(f"--at {at_text!r} is in the future; log what has happened.", EXIT_USAGE)
    if all(value is None for value in (direction, channel, kind, at, note)):
        raise Problem("Say what to change: --note, --kind, --in/--out/--both, --channel or --at.", EXIT_USAGE)

    def action(store):
        item = store.interaction(wanted)
        changed = replace(
            item,
            direction=Direction(direction) if direction else item.direction,
            channel=Channel(channel) if channel else item.channel,
            kind=Kind(kind) if kind else item.kind,
            at=at if at is not None else item.at,
            note=note if note is not None else item.note,
        )
        _, after = store.update_interaction(changed, now)
        return store.contact(after.contact_id), after

    contact, after = _run(ctx, action)
    when = after.at.astimezone(now.tzinfo)
    click.echo(f"Saved #{after.id} with {contact.name}: {after.direction.value} {after.channel.value} "
               f"{after.kind.value}, {day_label(when.date(), now.date())} {when:%H:%M}.")


@interaction.command(name="delete")
@click.argument("interaction_id", metavar="ID")
@click.pass_context
def interaction_delete(ctx, interaction_id) -> None:
    """Delete one logged interaction."""
    from .clock import local_now

    wanted = _interaction_id(interaction_id)
    now = local_now()

    def action(store):
        removed = store.delete_interaction(wanted, now)
        return store.contact(removed.contact_id), removed

    contact, removed = _run(ctx, action)
    click.echo(f"Deleted #{removed.id} ({removed.kind.value}) with {contact.name}.")


@cli.command(name="keep-in-touch")
@click.argument("name")
@click.argument("days", required=False, metavar="[DAYS|off]")
@click.pass_context
def keep_in_touch(ctx, name, days) -> None:
    """Check in with NAME every DAYS days; without DAYS, the cadence their history
    suggests (the usual gap between your conversations); `off` stops it."""
    from .clock import local_now
    from dataclasses import replace

    now = local_now()
    if days is not None and days.lower() != "off" and not (days.isdigit() and 1 <= int(days) <= 3650):
        raise Problem(f"{days!r} is not a number of days from 1 to 3650, or off.", EXIT_USAGE)

    def action(store):
        contact = store.resolve(name)
        if days is None:
            chosen = store.summary(contact.id, now).assessment.suggested_cadence
            if chosen is None:
                raise Problem(f"{contact.name}'s history is too short to suggest a cadence; give DAYS.", EXIT_USAGE)
        else:
            chosen = None if days.lower() == "off" else int(days)
        return store.update_contact(replace(contact, keep_in_touch_days=chosen), now)

    saved = _run(ctx, action)
    if saved.keep_in_touch_days is None:
        click.echo(f"No keep-in-touch cadence for {saved.name} any more.")
    else:
        click.echo(f"Keeping in touch with {saved.name} every {saved.keep_in_touch_days} days.")


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
