"""The interaction timeline with the silences between, one selectable entry per interaction."""

from __future__ import annotations

from datetime import datetime
from typing import Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...domain.model import Direction, Interaction
from ...domain.text import one_line
from ..words import ARROW, TimelineEntry, label, planned_words, when_words
from .contact_list import fit

ITEM, NOTE, MORE, SILENCE, EMPTY = "item", "note", "more", "silence", "empty"
NOTE_INDENT = 6
NOTE_LINES = 3  # a longer note shows its start; v reads it whole
MORE_TEXT = "… v reads the whole note"


def note_lines(note: str, width: int) -> list[tuple[str, str]]:
    """A note as the timeline shows it: its paragraphs wrapped to `width`, at most
    NOTE_LINES lines, then a line saying there is more."""
    from textual.content import Content

    width = max(10, width)
    lines: list[str] = []
    for paragraph in note.split("\n"):
        text = one_line(paragraph[: width * (NOTE_LINES + 1) * 2])  # no need to wrap what won't show
        if text:
            lines.extend(part.plain for part in Content(text).wrap(width))
        if len(lines) > NOTE_LINES:
            break
    if len(lines) <= NOTE_LINES:
        return [(NOTE, line) for line in lines]
    return [(NOTE, line) for line in lines[:NOTE_LINES]] + [(MORE, MORE_TEXT)]


class Timeline(ScrollView, can_focus=True):
    """Newest first by default; `r` (on the main screen) flips the order."""

    COMPONENT_CLASSES = {
        "timeline--cursor",
        "timeline--out",
        "timeline--in",
        "timeline--both",
        "timeline--meta",
        "timeline--when",
        "timeline--note",
        "timeline--silence",
        "timeline--empty",
        "timeline--planned",
        "timeline--more",
    }

    DEFAULT_CSS = """
    Timeline { background: $surface; scrollbar-size-vertical: 1; overflow-x: hidden; }
    Timeline > .timeline--cursor { background: $block-cursor-blurred-background; }
    Timeline:focus > .timeline--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    Timeline > .timeline--out { color: $text-warning; text-style: bold; }
    Timeline > .timeline--in { color: $text-success; text-style: bold; }
    Timeline > .timeline--both { color: $text-primary; text-style: bold; }
    Timeline > .timeline--meta { color: $foreground; }
    Timeline > .timeline--when { color: $text-muted; }
    Timeline > .timeline--note { color: $foreground; }
    Timeline > .timeline--silence { color: $text-muted; text-style: italic; }
    Timeline > .timeline--empty { color: $text-muted; text-style: italic; }
    Timeline > .timeline--planned { color: $text-accent; text-style: bold; }
    Timeline > .timeline--more { color: $text-muted; text-style: italic; }
    """

    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False, id="timeline.down", tooltip="Next interaction"),
        Binding("up,k", "move(-1)", "Up", show=False, id="timeline.up", tooltip="Previous interaction"),
        Binding("enter,e", "edit", "Edit", id="timeline.edit",
                tooltip="Correct this interaction: note, kind, direction, channel or when"),
        Binding("v", "view_note", "Whole note", id="timeline.view_note",
                tooltip="Read this interaction's note in full (and edit it there)"),
    ]

    class NoteRequested(Message):
        """The user wants to read `item`'s whole note."""

        def __init__(self, item: Interaction) -> None:
            super().__init__()
            self.item = item

    def action_view_note(self) -> None:
        item = self.selected
        if item is not None:
            self.post_message(self.NoteRequested(item))

    class EditRequested(Message):
        """The user wants to correct `item`."""

        def __init__(self, item: Interaction) -> None:
            super().__init__()
            self.item = item

    def action_edit(self) -> None:
        item = self.selected
        if item is not None:
            self.post_message(self.EditRequested(item))

    cursor: reactive[int] = reactive(0, repaint=False, init=False)
    newest_first: reactive[bool] = reactive(True, init=False)

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._entries: list[TimelineEntry] = []
        self._lines: list[tuple[int | None, str, str]] = []
        self._now: datetime | None = None

    # -- data ------------------------------------------------------------------------
    @property
    def display_entries(self) -> list[TimelineEntry]:
        return list(reversed(self._entries)) if self.newest_first else list(self._entries)

    @property
    def selected(self) -> Interaction | None:
        shown = self.display_entries
        if not shown:
            return None
        return shown[min(self.cursor, len(shown) - 1)].item

    def set_entries(self, entries: Sequence[TimelineEntry], now: datetime, *, keep_cursor: bool = False) -> None:
        self._entries = list(entries)
        self._now = now
        cursor = min(self.cursor, max(0, len(self._entries) - 1)) if keep_cursor else 0
        self.set_reactive(Timeline.cursor, cursor)
        self._rebuild()
        if not keep_cursor:
            self.scroll_to(y=0, animate=False, immediate=True)

    def watch_newest_first(self) -> None:
        self.set_reactive(Timeline.cursor, 0)
        self._rebuild()
        self.scroll_to(y=0, animate=False, immediate=True)

    def _rebuild(self) -> None:
        lines: list[tuple[int | None, str, str]] = []
        shown = self.display_entries
        width = self.scrollable_content_region.width or self.size.width or 80
        if not shown:
            lines.append((None, EMPTY, "Nothing logged yet: press c to log the first interaction."))
        for index, entry in enumerate(shown):
            if self.newest_first and entry.silence_after:
                lines.append((None, SILENCE, entry.silence_after))
            lines.append((index, ITEM, ""))
            # One cell spare: the scrollbar may come with the lines added.
            lines.extend((index, kind, text) for kind, text in note_lines(entry.item.note, width - NOTE_INDENT - 1))
            if not self.newest_first and entry.silence_after:
                lines.append((None, SILENCE, entry.silence_after))
        self._lines = lines
        self._width = width
        self.virtual_size = Size(self.size.width, len(lines))
        self.refresh()

    def _line_span(self, entry_index: int) -> tuple[int, int]:
        first = last = -1
        for y, (index, _, _) in enumerate(self._lines):
            if index == entry_index:
                first = y if first < 0 else first
                last = y
        return first, last

    def watch_cursor(self) -> None:
        self.refresh()
        first, last = self._line_span(self.cursor)
        if first >= 0:
            self.scroll_to_region(Region(0, first, 1, last - first + 1), animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        count = len(self._entries)
        if count:
            self.cursor = max(0, min(count - 1, self.cursor + step))

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width or self.size.width
        if width != getattr(self, "_width", None) and self._entries:
            self._rebuild()  # notes wrap to the new width
        self.virtual_size = Size(self.size.width, len(self._lines))

    # -- drawing -------------------------------------------------------------------------
    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"timeline--{name}")

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self.size.width
        base = self.rich_style
        index = round(self.scroll_y) + y
        if index >= len(self._lines) or self._now is None:
            return Strip.blank(width, base)
        entry_index, kind, text = self._lines[index]
        if kind == EMPTY:
            return Strip([Segment(fit("  " + text, width), base + self._style("empty"))], width)
        if kind == SILENCE:
            return Strip([Segment(fit(f"      ┊ {text}", width), base + self._style("silence"))], width)
        entry = self.display_entries[entry_index]
        if kind in (NOTE, MORE):
            style = self._style("note" if kind == NOTE else "more")
            segments = [Segment(fit(" " * NOTE_INDENT + text, width), base + style)]
        else:
            segments = self._item_segments(entry.item, width, base)
        if entry_index == self.cursor:
            cursor = self._style("cursor")
            segments = [Segment(s.text, s.style + cursor) for s in segments]
        return Strip(segments, width)

    def _item_segments(self, item: Interaction, width: int, base: Style) -> list[Segment]:
        direction = {Direction.OUT: "out", Direction.IN: "in", Direction.BOTH: "both"}[item.direction]
        arrow = f"  {ARROW[item.direction]:<4}"
        meta = f"{label(item.kind.value)} · {label(item.channel.value)}"
        planned = planned_words(item, self._now)
        when = when_words(item.at, self._now)
        if planned:  # "planned meeting · video", "did it happen? m · 2 days ago · Tue 24 Nov"
            meta = f"planned {meta}"
            question = planned.partition(", ")[2]
            when = f"{question} · {when}" if question else when
        room = width - cell_len(arrow) - 1
        parts = when.split(" · ")
        while len(parts) > 1 and cell_len(meta) + 2 + cell_len(" · ".join(parts)) > room:
            parts.pop()  # narrow: "3 weeks ago" says enough, the date goes
        when = " · ".join(parts)
        if cell_len(meta) + 2 + cell_len(when) > room:
            if planned:
                meta = fit(meta, max(0, room - cell_len(when) - 2))
                when_part = when
            else:
                when_part = fit(when, max(0, room - cell_len(meta) - 2)) if room - cell_len(meta) > 8 else ""
        else:
            when_part = when
        gap = max(1, room - cell_len(meta) - cell_len(when_part))
        segments = [
            Segment(arrow, base + self._style(direction)),
            Segment(meta, base + self._style("meta")),
            Segment(" " * gap, base),
            Segment(when_part, base + self._style("planned" if planned else "when")),
        ]
        used = sum(cell_len(s.text) for s in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return segments
