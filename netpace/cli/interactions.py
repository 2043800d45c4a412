"""`netpace interaction edit ID` and `netpace interaction delete ID`: correcting one logged
interaction (`netpace show NAME --json` gives the ids)."""

from __future__ import annotations

import click

from ..domain.model import Channel, Direction, Kind
from .common import EXIT_USAGE, direction_options, Problem, SafeGroup, run


@click.group(cls=SafeGroup)
def interaction() -> None:
    """Correct or delete one logged interaction (`netpace show NAME --json` gives the ids)."""


def _interaction_id(text: str) -> int:
    digits = text.lstrip("#")
    if not digits.isdigit():
        raise Problem(f"{text!r} is not an interaction id (a number, as `show --json` gives).", EXIT_USAGE)
    return int(digits)


@interaction.command(name="edit")
@click.argument("interaction_id", metavar="ID")
@direction_options
@click.option("--channel", type=click.Choice([c.value for c in Channel]), help="How it went.")
@click.option("--kind", type=click.Choice([k.value for k in Kind]), help="What it was.")
@click.option("--at", "at_text", metavar="WHEN", help="When it happened.")
@click.option("--note", default=None, help="What it was about.")
@click.pass_context
def edit(ctx, interaction_id, direction, channel, kind, at_text, note) -> None:
    """Change what was logged: only the options given change. A later import of the
    same file never overwrites the correction."""
    from dataclasses import replace

    from ..clock import local_now
    from ..domain.humanize import day_label
    from ..domain.when import ACCEPTED_FORMS, WhenError, parse_when

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

    contact, after = run(ctx, action)
    when = after.at.astimezone(now.tzinfo)
    click.echo(f"Saved #{after.id} with {contact.name}: {after.direction.value} {after.channel.value} "
               f"{after.kind.value}, {day_label(when.date(), now.date())} {when:%H:%M}.")


@interaction.command(name="delete")
@click.argument("interaction_id", metavar="ID")
@click.pass_context
def delete(ctx, interaction_id) -> None:
    """Delete one logged interaction."""
    from ..clock import local_now

    wanted = _interaction_id(interaction_id)
    now = local_now()

    def action(store):
        removed = store.delete_interaction(wanted, now)
        return store.contact(removed.contact_id), removed

    contact, removed = run(ctx, action)
    click.echo(f"Deleted #{removed.id} ({removed.kind.value}) with {contact.name}.")


COMMANDS = (interaction,)
