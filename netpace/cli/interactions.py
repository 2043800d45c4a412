"""`netpace interaction edit ID` and `netpace interaction delete ID`: correcting one logged
interaction (`netpace show NAME --json` gives the ids)."""

from __future__ import annotations

import click

from ..domain.model import Channel, Direction, Kind
from .common import EXIT_USAGE, direction_options, Problem, SafeGroup, run


@click.group(cls=SafeGroup)
def interaction() -> None:
    """Correct or delete one logged interaction (`netpace show NAME --json` gives the ids)."""


def when_text(moment, now) -> str:
    from ..domain.when import when_text as text

    return text(moment, now)


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
@click.option("--at", "at_text", metavar="WHEN", help="When it happened (a meeting: or will, tue 15:00).")
@click.option("--note", default=None, help="What it was about.")
@click.pass_context
def edit(ctx, interaction_id, direction, channel, kind, at_text, note) -> None:
    """Change what was logged: only the options given change. A later import of the
    same file never overwrites the correction."""
    from dataclasses import replace

    from ..clock import local_now
    from ..domain.humanize import day_label
    from .contacts import ahead_or_problem, at_option

    wanted = _interaction_id(interaction_id)
    now = local_now()
    at = at_option(at_text, now) if at_text is not None else None
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
        # Moved ahead, a meeting is planned (again); one ahead can't become a message.
        ahead = ahead_or_problem(changed.direction, changed.at, now, at_text or when_text(changed.at, now))
        changed = replace(changed, planned=ahead or item.planned)
        _, after = store.update_interaction(changed, now)
        return store.contact(after.contact_id), after

    contact, after = run(ctx, action)
    when = after.at.astimezone(now.tzinfo)
    planned = " planned" if after.planned else ""
    click.echo(f"Saved #{after.id} with {contact.name}: {after.direction.value} {after.channel.value} "
               f"{after.kind.value}{planned}, {day_label(when.date(), now.date())} {when:%H:%M}.")


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



@click.command()
@click.argument("name")
@click.option("--moved", "moved_text", metavar="WHEN", help="It was moved to WHEN (tue 15:00, in 3d): still planned.")
@click.option("--cancelled", is_flag=True, help="It didn't happen: it goes from the timeline.")
@click.pass_context
def confirm(ctx, name, moved_text, cancelled) -> None:
    """The meeting planned with NAME that has passed happened (the queue asks the day
    after it); or it was --moved, or --cancelled."""
    from dataclasses import replace

    from ..clock import local_now
    from ..domain.humanize import day_label
    from .contacts import ahead_or_problem, at_option

    if moved_text is not None and cancelled:
        raise Problem("--moved and --cancelled contradict each other: give one, or neither (it happened).",
                      EXIT_USAGE)
    now = local_now()
    moved = at_option(moved_text, now) if moved_text is not None else None
    if moved is not None and not ahead_or_problem(Direction.BOTH, moved, now, moved_text):
        raise Problem(f"--moved {moved_text!r} is not ahead: give the new time it will happen.", EXIT_USAGE)

    def action(store):
        contact = store.resolve(name)
        planned = sorted((i for i in store.interactions(contact.id) if i.planned), key=lambda i: i.at)
        passed = [i for i in planned if i.at <= now]
        meeting = passed[0] if passed else (planned[0] if planned and (moved or cancelled) else None)
        if meeting is None:
            what = "no meeting planned" if not planned else "no planned meeting that has passed"
            raise Problem(f"{contact.name} has {what}.", EXIT_USAGE)
        if cancelled:
            store.delete_interaction(meeting.id, now)
        elif moved is not None:
            store.update_interaction(replace(meeting, at=moved), now)
        else:
            store.confirm_meeting(meeting.id, now)
        return contact, meeting

    contact, meeting = run(ctx, action)
    today = now.date()
    was = meeting.at.astimezone(now.tzinfo)
    was_text = f"{day_label(was.date(), today)} {was:%H:%M}"
    if cancelled:
        click.echo(f"Cancelled the meeting with {contact.name} of {was_text}: it is gone from the timeline.")
    elif moved is not None:
        click.echo(f"Moved the meeting with {contact.name} from {was_text} to "
                   f"{day_label(moved.date(), today)} {moved:%H:%M}.")
    else:
        click.echo(f"Confirmed: you met {contact.name} {was_text}.")


COMMANDS = (interaction, confirm)
