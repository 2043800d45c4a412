"""Snooze: a day, a week, a month, or until a date."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pendulum
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...domain.humanize import day_label
from ...domain.when import ACCEPTED_FUTURE_DATE_FORMS, WhenError, parse_day
from .dialog import Dialog


def snooze_choices(now: datetime) -> list[tuple[str, date]]:
    today = now.date()
    month = pendulum.instance(now).add(months=1).date()
    return [
        ("A day", today + timedelta(days=1)),
        ("A week", today + timedelta(days=7)),
        ("A month", date(month.year, month.month, month.day)),
    ]


class SnoozeScreen(Dialog[date | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="snooze.cancel", tooltip="Close without snoozing"),
    ]

    def __init__(self, now: datetime, name: str = "") -> None:
        super().__init__()
        self.now = now
        self.name_shown = name
        self.choices = snooze_choices(now)

    def compose(self) -> ComposeResult:
        today = self.now.date()
        with Vertical(id="dialog"):
            title = Content.assemble("Snooze ", (self.name_shown, "bold"), " until…") if self.name_shown \
                else Content("Snooze until…")
            yield Static(title, id="title")
            yield OptionList(
                *[Option(Content(f"{text:<8} until {day_label(day, today)}")) for text, day in self.choices],
                Option(Content("A date…"), id="date"),
                id="choices",
            )
            yield Input(placeholder="a date: 2026-12-24, fri, in 3d, in 2w", id="until")
            yield Static("", id="error")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "date":
            self.query_one("#until", Input).add_class("-shown")
            self.query_one("#until", Input).focus()
            return
        self.dismiss(self.choices[event.option_index][1])

    @on(Input.Submitted, "#until")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.query_one("#error", Static)
        try:
            day = parse_day(event.value, self.now)
        except WhenError:
            error.update(Content(f"Use {ACCEPTED_FUTURE_DATE_FORMS}."))
            error.add_class("-shown")
            return
        if day <= self.now.date():
            error.update(Content("Pick a day after today."))
            error.add_class("-shown")
            return
        self.dismiss(day)

    def action_cancel(self) -> None:
        self.dismiss(None)
