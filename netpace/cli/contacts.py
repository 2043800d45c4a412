"""The commands about contacts and what passed between you: path, add, log, list, show,
triage."""

from __future__ import annotations

import click

from ..domain.model import Channel, Direction, Kind, MetVia
from .common import EXIT_USAGE, NOW_HELP, Problem, echo_json, now_option, run, session


@click.command()
@click.pass_context
def path(ctx: click.Context) -> None:
    """Print where the database is."""
    from ..domain.text import printable

    click.echo(printable(str(session(ctx).path)))


def _met_on(text: str | None, now):
    if text is None:
        return None
    from ..domain.when import ACCEPTED_DATE_FORMS, WhenError, parse_day

    try:
        day = parse_day(text, now)
    except WhenError:
        raise Problem(f"--met-on {text!r} is not a date.", EXIT_USAGE, (f"Use {ACCEPTED_DATE_FORMS}.",)) from None
    if day > now.date():
        raise Problem(f"--met-on {text!r} is in the future.", EXIT_USAGE)
    return day


@click.command()
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
    from ..clock import local_now
    from ..domain.model import Contact

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
    saved = run(ctx, lambda store: store.add_contact(contact, now))
    click.echo(f"Added {saved.name} (#{saved.id}).")


@click.command()
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
    from ..clock import local_now
    from ..domain.defaults import default_channel, default_kind
    from ..domain.humanize import day_label
    from ..domain.model import Interaction
    from ..domain.when import ACCEPTED_FORMS, WhenError, parse_when
    from ..domain.wording import VERDICT_LABEL, next_text
    from ..domain.summary import summarize

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

    contact, saved, before, after = run(ctx, action)
    when = saved.at.astimezone(now.tzinfo)
    click.echo(
        f"Logged {saved.direction.value} {saved.channel.value} {saved.kind.value} with {contact.name}, "
        f"{day_label(when.date(), now.date())} {when:%H:%M}."
    )
    change = f"pressure {before.pressure} -> {after.pressure} ({after.zone.value})"
    click.echo(f"{change}; {VERDICT_LABEL[after.verdict]} {next_text(after, now.date())}".rstrip())


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
@click.option("--all", "show_all", is_flag=True, help="Every active contact, not only what needs action.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def triage(ctx, now_text, show_all, as_json) -> None:
    """What needs doing today: reply, follow up, check in; most urgent first."""
    from ..domain.model import ACTIONABLE
    from ..domain.json_views import assessment_json
    from .views import triage_lines

    now = now_option(now_text)
    summaries = run(ctx, lambda store: store.summaries(now, include_hidden=False))
    if not show_all:
        summaries = [s for s in summaries if s.assessment.verdict in ACTIONABLE]
    if as_json:
        echo_json([assessment_json(s) for s in summaries])
        return
    if not summaries:
        click.echo("Nothing to do today: nobody is waiting on you." if not show_all else "No active contacts.")
        return
    click.echo("\n".join(triage_lines(summaries, now.date())))


COMMANDS = (path, add, log, list_, show, triage)
