"""New and edit contact: one compact form, errors shown beside the field, nothing saved until valid."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from ...domain.model import Contact, MetVia
from ...domain.when import ACCEPTED_PAST_DATE_FORMS, WhenError, parse_day
from ...domain.validation import CHECKED_FIELDS, InvalidInput, check_contact
from ..widgets.choice import Choice
from ..words import label
from .dialog import Dialog

NO_MET_VIA = "unknown"


def split_list(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


class ContactForm(Dialog[Contact | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="contact_form.cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="contact_form.save", tooltip="Save the contact"),
    ]

    FIELDS = (
        ("name", "Name"),
        ("company", "Company"),
        ("role", "Role"),
        ("emails", "E-mails"),
        ("phone", "Phone"),
        ("linkedin", "LinkedIn"),
        ("met_via", "Met via"),
        ("met_on", "Met on"),
        ("tags", "Tags"),
        ("keep_in_touch", "Keep in touch"),
        ("notes", "Notes"),
    )

    def __init__(self, contact: Contact | None, now: datetime) -> None:
        super().__init__()
        self.original = contact
        self.now = now
        self._failed: str | None = None  # the field the last error was about

    def _initial(self, field: str) -> str:
        c = self.original
        if c is None:
            return ""
        return {
            "name": c.name,
            "company": c.company,
            "role": c.role,
            "emails": ", ".join(c.emails),
            "phone": c.phone,
            "linkedin": c.linkedin,
            "met_on": c.met_on.isoformat() if c.met_on else "",
            "tags": ", ".join(c.tags),
            "keep_in_touch": str(c.keep_in_touch_days or ""),
            "notes": c.notes.replace("\n", " "),
        }.get(field, "")

    def compose(self) -> ComposeResult:
        title = "New contact" if self.original is None else "Edit contact"
        placeholders = {
            "emails": "comma-separated",
            "phone": "e.g. +47 22 33 44 55",
            "linkedin": "e.g. linkedin.com/in/their-name",
            "tags": "comma-separated",
            "met_on": "e.g. 2026-11-20, yesterday, last fri",
            "keep_in_touch": "days, e.g. 90",
        }
        with Vertical(id="dialog"):
            yield Static(Content(title), id="title")
            with Grid(id="fields"):
                for field, text in self.FIELDS:
                    yield Label(text)
                    if field == "met_via":
                        current = self.original.met_via if self.original and self.original.met_via else NO_MET_VIA
                        options = [(NO_MET_VIA, "unknown")] + [(v, label(v.value)) for v in MetVia]
                        yield Choice(options, current, id="f-met_via")
                    else:
                        yield Input(self._initial(field), placeholder=placeholders.get(field, ""), id=f"f-{field}")
            yield Static("", id="error")
            yield Static(Content("enter or ctrl+s saves · tab next field · escape cancels"), id="hint")

    def on_mount(self) -> None:
        self.query_one("#f-name", Input).focus()

    def _value(self, field: str) -> str:
        return self.query_one(f"#f-{field}", Input).value.strip()

    def _fail(self, field: str, text: str) -> None:
        error = self.query_one("#error", Static)
        error.update(Content(text))
        error.add_class("-shown")
        widget = self.query_one(f"#f-{field}")
        widget.focus()
        if self._failed == field and isinstance(widget, Input):
            widget.select_all()  # the same field wrong again: typing replaces it
        self._failed = field

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        met_on = None
        if self._value("met_on"):
            try:
                met_on = parse_day(self._value("met_on"), self.now)
            except WhenError:
                return self._fail("met_on", f"'Met on' takes {ACCEPTED_PAST_DATE_FORMS}.")
            if met_on > self.now.date():
                return self._fail("met_on", f"'Met on' is a day that has been: {ACCEPTED_PAST_DATE_FORMS}.")
        cadence = None
        if self._value("keep_in_touch"):
            text = self._value("keep_in_touch")
            if not text.isdigit() or not 1 <= int(text) <= 3650:
                return self._fail("keep_in_touch", "Keep in touch takes a number of days from 1 to 3650.")
            cadence = int(text)
        via = self.query_one("#f-met_via", Choice).value
        fields = dict(
            name=self._value("name"),
            company=self._value("company"),
            role=self._value("role"),
            emails=split_list(self._value("emails")),
            phone=self._value("phone"),
            linkedin=self._value("linkedin"),
            met_via=None if via == NO_MET_VIA else via,
            met_on=met_on,
            tags=split_list(self._value("tags")),
            keep_in_touch_days=cadence,
        )
        if self.original is None:
            contact = Contact(notes=self._value("notes"), **fields)
        else:
            notes = self.original.notes
            if self._value("notes") != self._initial("notes").strip():
                notes = self._value("notes")
            contact = replace(self.original, notes=notes, **fields)
        # The one set of rules (domain.validation), for what was typed here: a field left
        # as it was stored needn't pass a rule newer than it.
        typed = [field for field in CHECKED_FIELDS
                 if self.original is None or field == "name" or self._value(field) != self._initial(field).strip()]
        try:
            contact = check_contact(contact, typed)
        except InvalidInput as error:
            return self._fail(error.field or "name", str(error))
        self.dismiss(contact)

    def action_cancel(self) -> None:
        self.dismiss(None)
