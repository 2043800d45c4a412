"""Every key, where it works and what it does, read from the bindings themselves."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from .dialog import Dialog


def sections() -> list[tuple[str, list[Binding]]]:
    from ..app import NetpaceApp
    from ..widgets.choice import Choice
    from ..widgets.contact_list import ContactList
    from ..widgets.timeline import Timeline
    from .capture import CaptureScreen
    from .contact_form import ContactForm
    from .main import FilterInput, MainScreen
    from .snooze import SnoozeScreen
    from .triage import TriageScreen

    palette = Binding(NetpaceApp.COMMAND_PALETTE_BINDING, "command_palette", "Command palette",
                      tooltip="Find any contact or action by name", id="app.palette")
    focus = Binding("tab", "focus_next", "Next pane or field", tooltip="Move between list, timeline and fields")
    return [
        ("Anywhere", [*NetpaceApp.BINDINGS, palette, focus]),
        ("Main screen", list(MainScreen.BINDINGS)),
        ("Contact list and triage queue", list(ContactList.BINDINGS)),
        ("Timeline (tab to reach it)", list(Timeline.BINDINGS)),
        ("Filter line", list(FilterInput.BINDINGS)),
        ("Triage (t)", list(TriageScreen.BINDINGS)),
        ("Quick capture (c)", [
            Binding("enter", "save", "Save", tooltip="Save: the note is all you need to type"),
            *CaptureScreen.BINDINGS,
            Binding("shift+tab", "", "Change contact", tooltip="Fuzzy search by name or company; up/down, enter picks"),
        ]),
        ("Choices in forms (direction, channel, kind, met via)", [
            *Choice.BINDINGS,
            Binding("a-z", "", "Jump", key_display="a letter", tooltip="Jump to the next value starting with it"),
        ]),
        ("Contact form (n, e)", list(ContactForm.BINDINGS)),
        ("Snooze (s in triage)", list(SnoozeScreen.BINDINGS)),
    ]


class HelpScreen(Dialog[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close", id="help.close", tooltip="Close the list of keys"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content("Keys"), id="title")
            with VerticalScroll(id="keys"):
                yield Static(self._text(), id="key-list")

    def _text(self) -> Content:
        lines: list[Content] = []
        for title, bindings in sections():
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(title, "bold $accent"))
            for binding in bindings:
                keys = " ".join(
                    binding.key_display or self.app.get_key_display(Binding(key.strip(), binding.action))
                    for key in binding.key.split(",")
                )
                lines.append(Content.assemble(
                    (f"  {keys:<16}", "bold"),
                    (f"{binding.description:<20}", ""),
                    (binding.tooltip, "$text-muted"),
                ))
        return Content("\n").join(lines)

    def action_close(self) -> None:
        self.dismiss(None)
