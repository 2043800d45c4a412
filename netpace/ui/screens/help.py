"""Every key, where it works and what it does, read from the bindings themselves."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from .dialog import Dialog


def sections() -> list[tuple[str, list[Binding]]]:
    from ..app_keys import APP_BINDINGS, COMMAND_PALETTE_KEY
    from ..widgets.choice import Choice
    from ..widgets.contact_list import ContactList
    from ..widgets.timeline import Timeline
    from .capture import CaptureScreen
    from .confirm import ConfirmScreen
    from .contact_form import ContactForm
    from .duplicates import DuplicatesScreen
    from .export_file import ExportScreen
    from .import_file import ImportScreen
    from .main import FilterInput, MainScreen
    from .meeting import MeetingScreen
    from .note import NoteScreen
    from .snooze import SnoozeScreen
    from .triage import TriageScreen

    palette = Binding(COMMAND_PALETTE_KEY, "command_palette", "Command palette",
                      tooltip="Find any contact or action by name", id="app.palette")
    focus = Binding("tab", "focus_next", "Next pane or field", tooltip="Move between list, timeline and fields")
    return [
        ("Anywhere", [*APP_BINDINGS, palette, focus]),
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
        ("Snooze (s)", list(SnoozeScreen.BINDINGS)),
        ("Whole note (v on the timeline)", list(NoteScreen.BINDINGS)),
        ("Meeting planned (m)", [
            Binding("enter", "", "Answer", tooltip="It happened, it was moved (to when?), or it was cancelled"),
            *MeetingScreen.BINDINGS,
        ]),
        ("Likely duplicates (palette: contact: find duplicates)", [
            Binding("enter", "", "Merge", tooltip="Merge the second contact of the pair into the first"),
            *DuplicatesScreen.BINDINGS,
        ]),
        ("Questions (delete a contact)", list(ConfirmScreen.BINDINGS)),
        ("Import (palette: import: ...)", list(ImportScreen.BINDINGS)),
        ("Export (palette: export: ...)", list(ExportScreen.BINDINGS)),
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

    def on_resize(self) -> None:
        width = self.query_one("#keys").scrollable_content_region.width
        if width:
            self.query_one("#key-list", Static).update(self._text(width))

    KEYS_WIDTH = 18
    DESCRIPTION_WIDTH = 20

    def _text(self, width: int = 100) -> Content:
        """The keys, descriptions and tooltips in columns; long tooltips wrap within theirs
        (or, on a narrow screen, go on their own line under the key)."""
        lines: list[Content] = []
        indent = self.KEYS_WIDTH + self.DESCRIPTION_WIDTH
        narrow = width - indent < 28
        for title, bindings in sections():
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(title, "bold $text-accent"))
            for binding in bindings:
                keys = " ".join(
                    binding.key_display or self.app.get_key_display(Binding(key.strip(), binding.action))
                    for key in binding.key.split(",")
                )
                head = [(f"  {keys:<{self.KEYS_WIDTH - 2}}", "bold"), (f"{binding.description:<{self.DESCRIPTION_WIDTH}}", "")]
                tooltip = Content.styled(binding.tooltip, "$text-muted")
                if narrow:
                    lines.append(Content.assemble(*head))
                    for part in tooltip.wrap(max(10, width - 6)):
                        lines.append(Content.assemble("      ", part))
                    continue
                parts = tooltip.wrap(max(10, width - indent - 1))
                lines.append(Content.assemble(*head, parts[0] if parts else ""))
                for part in parts[1:]:
                    lines.append(Content.assemble(" " * indent, part))
        return Content("\n").join(lines)

    def action_close(self) -> None:
        self.dismiss(None)
