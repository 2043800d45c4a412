"""The options that describe a contact, shared by `add` and `edit`, and how they become
a Contact: checked by the one set of rules (domain/validation.py), one sentence each."""

from __future__ import annotations

from dataclasses import replace

import click

from ..domain.model import MetVia
from .common import EXIT_USAGE, Problem

# (option name, Contact field) of the plain text options.
TEXT_OPTIONS = (("company", "company"), ("role", "role"), ("phone", "phone"), ("linkedin", "linkedin"),
                ("note", "notes"))


def contact_options(*, editing: bool):
    """The options of `add`; for `edit` each one left out keeps what is stored, `--name`
    renames, and `--keep-in-touch off` stops the cadence."""
    empty = None if editing else ""
    keep_in_touch = (
        click.option("--keep-in-touch", metavar="DAYS|off", help="Check in at least every DAYS days (off: stop).")
        if editing else
        click.option("--keep-in-touch", type=click.IntRange(1, 3650), metavar="DAYS",
                     help="Check in at least every DAYS days.")
    )
    replaces = " (replaces those stored)" if editing else ""
    options = [
        click.option("--company", default=empty, help="Where they work."),
        click.option("--role", default=empty, help="Their job title."),
        click.option("--email", "emails", multiple=True, help=f"An e-mail address (repeat for several){replaces}."),
        click.option("--phone", default=empty, help="A phone number."),
        click.option("--linkedin", default=empty, metavar="URL", help="Their LinkedIn profile URL."),
        click.option("--met-via", type=click.Choice([m.value for m in MetVia]), help="How you met."),
        click.option("--met-on", metavar="WHEN", help="When you met (a date or WHEN form)."),
        click.option("--tag", "tags", multiple=True, help=f"A tag (repeat for several){replaces}."),
        keep_in_touch,
        click.option("--note", default=empty, help="Notes about them" + (" (replaces them)." if editing else ".")),
    ]
    if editing:
        options.insert(0, click.option("--name", "new_name", metavar="NAME", help="A new name."))

    def decorate(command):
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def met_on_day(text: str | None, now):
    if text is None:
        return None
    from ..domain.when import ACCEPTED_PAST_DATE_FORMS, WhenError, parse_day

    try:
        day = parse_day(text, now)
    except WhenError:
        raise Problem(f"--met-on {text!r} is not a date.", EXIT_USAGE, (f"Use {ACCEPTED_PAST_DATE_FORMS}.",)) from None
    if day > now.date():
        raise Problem(f"--met-on {text!r} is in the future.", EXIT_USAGE)
    return day


def _cadence(text: str | int | None) -> tuple[bool, int | None]:
    """(given, days) of `--keep-in-touch` on edit: a number of days, or off."""
    if text is None:
        return False, None
    if isinstance(text, int):
        return True, text
    if text.strip().lower() == "off":
        return True, None
    if text.strip().isdigit() and 1 <= int(text) <= 3650:
        return True, int(text)
    raise Problem(f"--keep-in-touch {text!r} is not a number of days from 1 to 3650, or off.", EXIT_USAGE)


def checked(contact, fields) -> object:
    """`contact` with the typed `fields` checked (domain.validation), or a Problem (exit 2)."""
    from ..domain.validation import InvalidInput, check_contact

    try:
        return check_contact(contact, fields)
    except InvalidInput as error:
        raise Problem(str(error), EXIT_USAGE) from None


def contact_from(base, now, values: dict):
    """`base` (a new Contact or a stored one) with the options given in `values` applied
    and checked: on add every option applies, on edit only those given."""
    changes: dict = {}
    for option, field in TEXT_OPTIONS:
        if values.get(option) is not None:
            changes[field] = values[option]
    if values.get("new_name") is not None:
        changes["name"] = values["new_name"]
    if values.get("emails"):
        changes["emails"] = tuple(values["emails"])
    if values.get("tags"):
        changes["tags"] = tuple(values["tags"])
    if values.get("met_via"):
        changes["met_via"] = MetVia(values["met_via"])
    if values.get("met_on") is not None:
        changes["met_on"] = met_on_day(values["met_on"], now)
    given, days = _cadence(values.get("keep_in_touch"))
    if given:
        changes["keep_in_touch_days"] = days
    typed = [field for field in ("name", "emails", "phone", "linkedin") if field in changes]
    if base.id is None:
        typed = ["name", *typed]
    return checked(replace(base, **changes), typed), changes
