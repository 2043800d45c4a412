"""Correcting contacts: edit, delete, merge; and putting them aside: snooze, archive, wake."""

from __future__ import annotations

import click

from .common import EXIT_USAGE, Problem, ask, run
from .contact_options import contact_from, contact_options


@click.command()
@click.argument("name")
@contact_options(editing=True)
@click.pass_context
def edit(ctx, name, **values) -> None:
    """Change NAME's details: only the options given change (--email and --tag replace
    the lists stored; an empty value clears a field)."""
    from ..clock import local_now
    from .contacts import warn_same_name

    now = local_now()
    if all(value in (None, ()) for value in values.values()):
        raise Problem("Say what to change: --name, --company, --role, --email, --phone, --linkedin, --met-via, "
                      "--met-on, --tag, --keep-in-touch or --note.", EXIT_USAGE)

    def action(store):
        stored = store.resolve(name)
        contact, changes = contact_from(stored, now, values)
        saved = store.update_contact(contact, now)
        return saved, store.same_name(saved) if "name" in changes else []

    saved, namesakes = run(ctx, action)
    click.echo(f"Saved {saved.name} (#{saved.id}).")
    warn_same_name(saved, namesakes)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@click.command()
@click.argument("name")
@click.option("--yes", is_flag=True, help="Don't ask first.")
@click.pass_context
def delete(ctx, name, yes) -> None:
    """Delete NAME with everything logged with them (asks first, unless --yes).
    `netpace backup` beforehand keeps a way back."""
    from ..domain.text import printable

    def find(store):
        contact = store.resolve(name)
        return contact, len(store.interactions(contact.id))

    contact, count = run(ctx, find)
    if not yes:
        question = (f"Delete {printable(contact.name)} (#{contact.id}) and "
                    f"{_plural(count, 'interaction')} logged with them?")
        if not ask(question, default=False, unanswered="No answer, so nothing was deleted (--yes deletes without asking)."):
            click.echo("Nothing was deleted.")
            return
    removed = run(ctx, lambda store: store.remove_contact(contact.id))
    click.echo(f"Deleted {removed.contact.name} (#{removed.contact.id}) and "
               f"{_plural(len(removed.interactions), 'interaction')}.")


@click.command()
@click.argument("name")
@click.argument("other")
@click.pass_context
def merge(ctx, name, other) -> None:
    """Make OTHER part of NAME: OTHER's interactions, e-mail addresses, tags and notes move
    to NAME (empty fields are filled from OTHER), and OTHER goes. An interaction both
    have is kept once."""
    from ..clock import local_now

    now = local_now()

    def action(store):
        keep, gone = store.resolve(name), store.resolve(other)
        if keep.id == gone.id:
            raise Problem(f"{name!r} and {other!r} are the same contact ({keep.name}, #{keep.id}).", EXIT_USAGE)
        return store.merge_contacts(keep.id, gone.id, now)

    merged = run(ctx, action)
    gone = merged.other.contact
    doubles = len(merged.other.interactions) - len(merged.moved)
    line = (f"Merged {gone.name} (#{gone.id}) into {merged.after.name} (#{merged.after.id}): "
            f"{_plural(len(merged.moved), 'interaction')} moved")
    if doubles:
        line += f", {doubles} already there"
    click.echo(line + ".")


@click.command()
@click.argument("name")
@click.option("--until", "until_text", metavar="WHEN", required=True,
              help="The day they come back (2026-12-24, tomorrow, in 2w).")
@click.pass_context
def snooze(ctx, name, until_text) -> None:
    """Keep NAME out of today's queue until a day (`netpace wake` ends it sooner)."""
    from ..clock import local_now
    from ..domain.humanize import day_label
    from ..domain.model import Status
    from ..domain.when import ACCEPTED_FUTURE_DATE_FORMS, WhenError, parse_day

    now = local_now()
    try:
        until = parse_day(until_text, now)
    except WhenError:
        raise Problem(f"--until {until_text!r} is not a date.", EXIT_USAGE, (f"Use {ACCEPTED_FUTURE_DATE_FORMS}.",)) from None
    if until <= now.date():
        raise Problem(f"--until {until_text!r} is not after today: snooze until a later day.", EXIT_USAGE)
    saved = run(ctx, lambda store: store.set_status(store.resolve(name).id, Status.SNOOZED, until, now))
    click.echo(f"Snoozed {saved.name} until {day_label(until, now.date())}.")


@click.command()
@click.argument("name")
@click.pass_context
def archive(ctx, name) -> None:
    """Put NAME away: out of today's queue until `netpace wake`."""
    from ..clock import local_now
    from ..domain.model import Status

    now = local_now()
    saved = run(ctx, lambda store: store.set_status(store.resolve(name).id, Status.ARCHIVED, None, now))
    click.echo(f"Archived {saved.name}.")


@click.command()
@click.argument("name")
@click.pass_context
def wake(ctx, name) -> None:
    """Make a snoozed or archived NAME active again."""
    from ..clock import local_now
    from ..domain.model import Status

    now = local_now()

    def action(store):
        contact = store.resolve(name)
        if contact.status == Status.ACTIVE:
            return contact, False
        return store.set_status(contact.id, Status.ACTIVE, None, now), True

    saved, woken = run(ctx, action)
    click.echo(f"{saved.name} is active again." if woken else f"{saved.name} is not snoozed or archived.")


COMMANDS = (edit, delete, merge, snooze, archive, wake)
