"""The contact list: a virtual list that renders only the rows on screen.

Rows are ContactSummary dataclasses; the list never queries the store. At 10,000
contacts filtering swaps the row sequence and repaints the visible lines, nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...domain.model import ContactSummary
from ...domain.text import one_line
from ..words import VERDICT_STYLE, short_day, status_words, tiny_day, verdict_label

# Drawn rows kept for redrawing (least recently drawn dropped first).
STRIPS_KEPT = 4096
BAR_CELLS = 5
_EIGHTHS = " ▏▎▍▌▋▊▉"


def small_bar(pressure: int, cells: int = BAR_CELLS) -> str:
    """A left-to-right bar in eighths of a cell, always `cells` wide."""
    eighths = round(max(0, min(100, pressure)) * cells * 8 / 100)
    full, part = divmod(eighths, 8)
    text = "█" * full + (_EIGHTHS[part] if part else "")
    return text.ljust(cells)


def fit(text: str, width: int) -> str:
    """`text` cropped (with an ellipsis) or padded to exactly `width` cells."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


# The list's columns, each with the space before it. The name comes first, up to the room
# names usually need; then the verdict, the pressure as a number, the next date (short,
# then in full), the pressure bar, and the company with what is left.
NAME_NEED = 20
VERDICT_CELLS = 10
NUMBER_CELLS = 4  # " 42"
SHORT_DATE, FULL_DATE = 6, 11  # "23 Feb", "Thu 3 Dec" / "23 Feb 2027"
MIN_NAME = 8
MIN_COMPANY = 12


@dataclass(frozen=True, slots=True)
class Columns:
    name: int
    company: int
    bar: bool
    number: bool
    date: int  # 0: no date column
    full_date: bool


def plan_columns(width: int) -> Columns:
    """How `width` cells are shared: a space first, one before the scrollbar or border."""
    room = width - 2
    name = max(MIN_NAME, min(NAME_NEED, room - (1 + VERDICT_CELLS) - NUMBER_CELLS - (1 + SHORT_DATE)))
    left = room - name - (1 + VERDICT_CELLS)
    number = left >= NUMBER_CELLS
    left -= NUMBER_CELLS if number else 0
    date, full = 0, False
    if left >= 1 + FULL_DATE:
        date, full = FULL_DATE, True
    elif left >= 1 + SHORT_DATE:
        date = SHORT_DATE
    left -= 1 + date if date else 0
    bar = left >= 1 + BAR_CELLS
    left -= 1 + BAR_CELLS if bar else 0
    company = left if left >= MIN_COMPANY else 0
    return Columns(name + (0 if company else max(0, left)), company, bar, number, date, full)


@dataclass(frozen=True, slots=True)
class Row:
    """One row as drawn, cleaned once (names may hold markup-like text or controls)."""

    id: int
    name: str
    company: str
    summary: ContactSummary
    hidden_note: str


def make_row(summary: ContactSummary, today: date) -> Row:
    c = summary.contact
    return Row(c.id, one_line(c.name), one_line(c.company), summary, status_words(c, today))


class ContactList(ScrollView, can_focus=True):
    """Name, company, a small pressure bar, the verdict and the next date, per contact."""

    COMPONENT_CLASSES = {
        "contact-list--cursor",
        "contact-list--company",
        "contact-list--muted",
        "contact-list--calm",
        "contact-list--warm",
        "contact-list--pressing",
        "contact-list--pushy",
        "contact-list--urgent",
        "contact-list--due",
        "contact-list--ok",
        "contact-list--wait",
        "contact-list--back-off",
        "contact-list--quiet",
        "contact-list--empty",
    }

    DEFAULT_CSS = """
    ContactList { background: $surface; scrollbar-size-vertical: 1; overflow-x: hidden; }
    ContactList > .contact-list--cursor { background: $block-cursor-blurred-background; }
    ContactList:focus > .contact-list--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    ContactList > .contact-list--company { color: $text-muted; }
    ContactList > .contact-list--muted { color: $text-muted; }
    ContactList > .contact-list--calm { color: $text-success; }
    ContactList > .contact-list--warm { color: $text-warning; }
    ContactList > .contact-list--pressing { color: $text-warning; }
    ContactList > .contact-list--pushy { color: $text-error; }
    ContactList > .contact-list--urgent { color: $text-accent; text-style: bold; }
    ContactList > .contact-list--due { color: $text-primary; text-style: bold; }
    ContactList > .contact-list--ok { color: $text-success; }
    ContactList > .contact-list--wait { color: $text-warning; }
    ContactList > .contact-list--back-off { color: $text-error; }
    ContactList > .contact-list--quiet { color: $text-muted; text-style: italic; }
    ContactList > .contact-list--empty { color: $text-muted; text-style: italic; }
    """

    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False, id="list.down", tooltip="Next contact"),
        Binding("up,k", "move(-1)", "Up", show=False, id="list.up", tooltip="Previous contact"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list.page_down", tooltip="A page down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list.page_up", tooltip="A page up"),
        Binding("home,g", "jump(0)", "First", show=False, id="list.first", tooltip="First contact"),
        Binding("end,G", "jump(-1)", "Last", show=False, id="list.last", tooltip="Last contact"),
        Binding("enter", "choose", "Open", show=False, id="list.open", tooltip="Open this contact"),
    ]

    cursor: reactive[int] = reactive(0, repaint=False, init=False)

    class Highlighted(Message):
        """The cursor moved to another contact (None: the list is empty)."""

        def __init__(self, contact_list: "ContactList", contact_id: int | None) -> None:
            super().__init__()
            self.contact_list = contact_list
            self.contact_id = contact_id

        @property
        def control(self) -> "ContactList":
            return self.contact_list

    class Chosen(Message):
        def __init__(self, contact_list: "ContactList", contact_id: int) -> None:
            super().__init__()
            self.contact_list = contact_list
            self.contact_id = contact_id

        @property
        def control(self) -> "ContactList":
            return self.contact_list

    def __init__(self, *, empty_text: str = "No contacts yet: press n to add one.",
                 name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._rows: Sequence[Row] = ()
        self._strips: LRUCache[tuple, tuple[Row, Style, Strip]] = LRUCache(STRIPS_KEPT)
        self._last_sent: int | None | object = object()
        self.empty_text = empty_text
        self.today = date.today()

    # -- data ------------------------------------------------------------------------
    @property
    def rows(self) -> Sequence[Row]:
        return self._rows

    @property
    def selected_id(self) -> int | None:
        if not self._rows:
            return None
        return self._rows[min(self.cursor, len(self._rows) - 1)].id

    def set_rows(self, rows: Sequence[Row], *, keep_id: int | None = None, index: int | None = None) -> None:
        """Show `rows`, keeping the cursor on `keep_id` if present, else at `index`."""
        self._rows = rows
        self.virtual_size = Size(self.size.width, len(rows))
        target = 0
        if keep_id is not None:
            for position, row in enumerate(rows):
                if row.id == keep_id:
                    target = position
                    break
            else:
                target = index if index is not None else 0
        elif index is not None:
            target = index
        target = max(0, min(target, len(rows) - 1)) if rows else 0
        self.set_reactive(ContactList.cursor, target)
        self._scroll_cursor_into_view()
        self.refresh()
        self._announce()

    def _announce(self) -> None:
        current = self.selected_id
        if current != self._last_sent:
            self._last_sent = current
            self.post_message(self.Highlighted(self, current))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old - round(self.scroll_y))
        self.refresh_line(new - round(self.scroll_y))
        self._scroll_cursor_into_view()
        self._announce()

    def refresh_line(self, y: int) -> None:
        from textual.geometry import Region

        self.refresh(Region(0, y, self.size.width, 1))

    def _scroll_cursor_into_view(self) -> None:
        height = self.scrollable_content_region.height or self.size.height
        if height <= 0:
            return
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._rows))
        self._scroll_cursor_into_view()

    # -- actions -----------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        if self._rows:
            self.cursor = max(0, min(len(self._rows) - 1, self.cursor + step))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.scrollable_content_region.height - 1))

    def action_jump(self, where: int) -> None:
        if self._rows:
            self.cursor = len(self._rows) - 1 if where < 0 else 0

    def action_choose(self) -> None:
        if self.selected_id is not None:
            self.post_message(self.Chosen(self, self.selected_id))

    def on_click(self, event) -> None:
        index = round(self.scroll_y) + event.y
        if 0 <= index < len(self._rows):
            self.cursor = index

    # -- drawing -------------------------------------------------------------------------
    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"contact-list--{name}")

    def notify_style_update(self) -> None:
        self._strips.clear()
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self.size.width
        base = self.rich_style
        index = round(self.scroll_y) + y
        if not self._rows:
            if y == 1:
                return Strip([Segment(fit("  " + self.empty_text, width), base + self._style("empty"))])
            return Strip.blank(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        row = self._rows[index]
        at_cursor = index == self.cursor
        # Drawn rows are kept (by row, width and cursor): typing in the filter redraws
        # the visible rows on every key, and most of them were on screen a key ago.
        key = (id(row), width, at_cursor and self.has_focus, at_cursor, self.today)
        kept = self._strips.get(key)
        if kept is not None and kept[0] is row and kept[1] == base:
            return kept[2]
        segments = self._segments(row, width, base)
        if at_cursor:
            cursor = self._style("cursor")
            segments = [Segment(text, style + cursor) for text, style, _ in segments]
        strip = Strip(segments, width)
        self._strips[key] = (row, base, strip)
        return strip

    def _segments(self, row: Row, width: int, base: Style) -> list[Segment]:
        a = row.summary.assessment
        cols = plan_columns(width)
        name_width, company_width = cols.name, cols.company if row.company else 0
        if not company_width:
            name_width += cols.company  # no company: the name takes its room too
        day_text = short_day if cols.full_date else tiny_day

        if row.hidden_note:
            verdict_text, verdict_style = row.hidden_note.split(" until ")[0], self._style("muted")
            next_text = ""
            if row.summary.contact.snoozed_until and "until" in row.hidden_note:
                next_text = day_text(row.summary.contact.snoozed_until, self.today)
        else:
            verdict_text = verdict_label(a.verdict)
            verdict_style = self._style(VERDICT_STYLE[a.verdict])
            next_text = day_text(a.next_on, self.today)
        zone = self._style(a.zone.value)
        name_style = base + (self._style("muted") if row.hidden_note else Style())
        out = [
            Segment(" ", base),
            Segment(fit(row.name, name_width), name_style),
        ]
        if company_width:
            out.append(Segment(fit(" " + row.company, company_width), base + self._style("company")))
        if cols.bar:
            out += [Segment(" ", base), Segment(small_bar(a.pressure), base + zone)]
        if cols.number:
            out.append(Segment(f" {a.pressure:>3}", base + zone))
        out += [
            Segment(" ", base),
            Segment(fit(verdict_text, VERDICT_CELLS), base + verdict_style),
        ]
        if cols.date:
            out += [Segment(" ", base), Segment(fit(next_text, cols.date), base + self._style("muted"))]
        used = sum(cell_len(s.text) for s in out)
        if used < width:
            out.append(Segment(" " * (width - used), base))
        return out

