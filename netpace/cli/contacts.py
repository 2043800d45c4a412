"""The commands about contacts and what passed between you: path, add, log, list, show,
triage, budget, keep-in-touch."""

from __future__ import annotations

import click

from ..domain.model import Channel, Direction, Kind
from .common import EXIT_USAGE, direction_options, NOW_HELP, Problem, echo_json, now_option, run, session
from .contact_options import contact_options, contact_from


@click.command()
@click.pass_context
def path(ctx: click.Context) -> None:
    """Print where the database is."""
    from ..domain.text import printable

    click.echo(printable(str(session(ctx).path)))


@click.command()
@click.argument("name")
@contact_options(editing=False)
@click.pass_context
def add(ctx, name, **values) -> None:
    """Add a contact. A second contact of the same name is allowed: a warning names the first."""
    from ..clock import local_now
    from ..domain.model import Contact

    now = local_now()
    contact, _ = contact_from(Contact(name=name), now, values)

    def action(store):
        saved = store.add_contact(contact, now)
        return saved, store.same_name(saved)

    saved, namesakes = run(ctx, action, create=True)
    click.echo(f"Added {saved.name} (#{saved.id}).")
    warn_same_name(saved, namesakes)


def warn_same_name(contact, namesakes) -> None:
    """On stderr, when other contacts have `contact`'s name: who the first one is."""
    if namesakes:
        from ..domain.text import printable
        from ..domain.validation import same_name_warning

        click.echo(f"netpace: warning: {printable(same_name_warning(contact, namesakes))}", err=True)


@click.command()
@click.argument("name")
@direction_options
@click.option("--channel", type=click.Choice([c.value for c in Channel]), help="Default: your usual channel with them, else email.")
@click.option("--kind", type=click.Choice([k.value for k in Kind]), help="Default: guessed from the history.")
@click.option("--at", "at_text", metavar="WHEN",
              help="When it happened (default: now); for --both a time ahead plans it (tue 15:00, in 3d).")
@click.option("--note", default="", help="What it was about.")
@click.pass_context
def log(ctx, name, direction, channel, kind, at_text, note) -> None:
    """Log an interaction with NAME: --out, --in or --both. A meeting or call ahead
    (--both with a future --at) is planned: it holds every nudge until it has passed."""
    from ..clock import local_now
    from ..domain.defaults import default_channel, default_kind
    from ..domain.humanize import day_label
    from ..domain.model import Interaction
    from ..domain.wording import VERDICT_LABEL, next_text
    from ..domain.summary import summarize

    if direction is None:
        raise Problem("Say which way it went: --out, --in or --both.", EXIT_USAGE)
    now = local_now()
    at = now if at_text is None else at_option(at_text, now)
    planned = ahead_or_problem(direction, at, now, at_text)

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
            planned=planned,
        )
        saved = store.log(contact.id, item, now)
        after = summarize(contact, history + [saved], now).assessment
        return contact, saved, before, after

    contact, saved, before, after = run(ctx, action)
    when = saved.at.astimezone(now.tzinfo)
    what = (f"Planned {saved.channel.value} {saved.kind.value}" if saved.planned
            else f"Logged {saved.direction.value} {saved.channel.value} {saved.kind.value}")
    click.echo(f"{what} with {contact.name}, {day_label(when.date(), now.date())} {when:%H:%M}.")
    change = f"pressure {before.pressure} -> {after.pressure} ({after.zone.value})"
    click.echo(f"{change}; {VERDICT_LABEL[after.verdict]} {next_text(after, now.date())}".rstrip())


def at_option(text: str, now):
    """The time of `--at WHEN`, or a Problem (exit 2) listing the forms."""
    from ..domain.when import ACCEPTED_FORMS, WhenError, parse_when

    try:
        return parse_when(text, now)
    except WhenError:
        raise Problem(f"--at {text!r} is not a time netpace understands.", EXIT_USAGE,
                      (f"Use {ACCEPTED_FORMS}.",)) from None


def ahead_or_problem(direction, at, now, at_text) -> bool:
    """Whether this is a meeting logged ahead; a message in the future is a Problem."""
    from ..domain.validation import InvalidInput, logged_ahead

    try:
        return logged_ahead(direction, at, now)
    except InvalidInput as error:
        raise Problem(f"--at {at_text!r} is in the future. {error}", EXIT_USAGE) from None


def _matches(contact, query: str) -> bool:
    from ..domain.text import fold

    wanted = fold(query)
    fields = (contact.name, contact.company, contact.role, *contact.tags, *contact.emails)
    return any(wanted in fold(value) for value in fields)


@click.command(name="list")
@click.argument("query", required=False)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def list_(ctx, query, as_json) -> None:
    """List contacts, optionally only those whose name, company, role, tag or e-mail holds QUERY."""
    from ..domain.json_views import contact_json

    contacts = run(ctx, lambda store: store.contacts())
    if query:
        contacts = [c for c in contacts if _matches(c, query)]
    if as_json:
        echo_json([contact_json(c) for c in contacts])
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


@click.command()
@click.argument("name")
@click.option("--now", "now_text", metavar="WHEN", help=NOW_HELP)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def show(ctx, name, now_text, as_json) -> None:
    """Show one contact: details, pressure, verdict and timeline."""
    from ..domain.json_views import assessment_json, contact_json, interaction_json
    from .views import show_lines
    from ..domain.summary import summarize

    now = now_option(now_text)

    def action(store):
        contact = store.resolve(name)
        items = [i for i in store.interactions(contact.id)]
        return summarize(contact, items, now), items

    summary, items = run(ctx, action)
    if as_json:
        value = assessment_json(summary)
        value["contact"] = contact_json(summary.contact)
        value["interactions"] = [interaction_json(i) for i in sorted(items, key=lambda i: i.at, reverse=True)]
        echo_json(value)
        return
    click.echo("\n".join(show_lines(summary, items, now)))


@click.command()
@click.option("--now", "now_text", metavar="WHEN", help=NOW_HELP)
@click.option("--all", "show_all", is_flag=True, help="Every active contact, not only today's queue.")
@click.option("--budget", type=click.IntRange(0, 1000), metavar="N",
              help="Check-ins and reconnects to show today (default: `netpace budget`).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--brief", is_flag=True,
              help="One line for a shell prompt or a cron mail: '2 replies owed, 1 follow-up, 3 check-ins'.")
@click.option("--notify", is_flag=True,
              help="Also a desktop notification of that line, where notify-send exists (when there is something to do).")
@click.pass_context
def triage(ctx, now_text, show_all, budget, as_json, brief, notify) -> None:
    """Today's queue: every reply owed and follow-up due, then the day's budget of
    check-ins and reconnects, strongest ties first. --all lists every active contact."""
    from ..domain.json_views import assessment_json
    from ..domain.queue import actionable, todays_queue
    from ..domain.wording import NOTHING_TODAY, brief_line, waiting_line
    from .views import triage_lines

    if brief and as_json:
        raise Problem("--brief and --json are two different outputs: give one.", EXIT_USAGE)
    now = now_option(now_text)
    summaries, budget = run(ctx, lambda store: (store.summaries(now, include_hidden=False),
                                                budget if budget is not None else store.daily_budget()))
    waiting = 0
    if show_all and (brief or notify):
        queue = actionable(summaries, now.date())
    else:
        queue, waiting = todays_queue(summaries, now.date(), budget)
    if not show_all:
        summaries = queue
    if notify and queue:
        from .reminders import notify_desktop

        notify_desktop(brief_line(queue))
    if brief:
        click.echo(brief_line(queue))
        return
    if as_json:
        echo_json([assessment_json(s) for s in summaries])
        return
    if summaries:
        click.echo("\n".join(triage_lines(summaries, now.date())))
    elif show_all:
        click.echo("No active contacts.")
    elif not waiting:
        click.echo(NOTHING_TODAY)
    if waiting and not show_all:
        click.echo(waiting_line(waiting, "`netpace triage --all`"))


@click.command()
@click.argument("count", required=False, type=click.IntRange(0, 100))
@click.pass_context
def budget(ctx, count) -> None:
    """Show, or set to COUNT, how many check-ins and reconnects today's queue holds.

    Replies owed and follow-ups are always in it, whatever the budget."""
    def action(store):
        if count is not None:
            store.set_daily_budget(count)
        return store.daily_budget()

    kept = run(ctx, action, create=count is not None)
    what = "Set: today's queue" if count is not None else "Today's queue"
    click.echo(f"{what} holds up to {kept} check-in{'s' if kept != 1 else ''} and reconnects a day "
               "(replies owed and follow-ups always).")


@click.command(name="keep-in-touch")
@click.argument("name")
@click.argument("days", required=False, metavar="[DAYS|off]")
@click.pass_context
def keep_in_touch(ctx, name, days) -> None:
    """Check in with NAME every DAYS days; without DAYS, the cadence their history
    suggests (the usual gap between your conversations); `off` stops it."""
    from dataclasses import replace

    from ..clock import local_now

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

    saved = run(ctx, action)
    if saved.keep_in_touch_days is None:
        click.echo(f"No keep-in-touch cadence for {saved.name} any more.")
    else:
        click.echo(f"Keeping in touch with {saved.name} every {saved.keep_in_touch_days} days.")


COMMANDS = (path, add, log, list_, show, triage, budget, keep_in_touch)
