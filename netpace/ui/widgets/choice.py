"""A one-line choice among a few values: left/right cycle, a letter jumps to it."""

from __future__ import annotations

from typing import Generic, Sequence, TypeVar

from textual.binding import Binding
from textual.content import Content
from textual.events import Key
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

T = TypeVar("T")


class Choice(Widget, Generic[T], can_focus=True):
    COMPONENT_CLASSES = {"choice--arrow", "choice--value", "choice--hint"}

    DEFAULT_CSS = """
    Choice { height: 1; width: 1fr; padding: 0 1; background: $boost; }
    Choice:focus { background: $block-cursor-background; color: $block-cursor-foreground; }
    Choice > .choice--arrow { color: $text-muted; }
    Choice:focus > .choice--arrow { color: $block-cursor-foreground; }
    Choice > .choice--value { text-style: bold; }
    Choice > .choice--hint { color: $text-muted; }
    Choice:focus > .choice--hint { color: $block-cursor-foreground; }
    """

    BINDINGS = [
        Binding("right,space", "step(1)", "Next", show=False, id="choice.next", tooltip="Next value"),
        Binding("left", "step(-1)", "Previous", show=False, id="choice.previous", tooltip="Previous value"),
    ]

    index: reactive[int] = reactive(0)

    class Changed(Message):
        def __init__(self, choice: "Choice", value) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> "Choice":
            return self.choice

    def __init__(self, options: Sequence[tuple[T, str]], value: T | None = None, *,
                 hint: dict[T, str] | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = list(options)
        self.hint = hint or {}
        if value is not None:
            self.set_reactive(Choice.index, self._index_of(value))

    def _index_of(self, value: T) -> int:
        for position, (option, _) in enumerate(self.options):
            if option == value:
                return position
        return 0

    @property
    def value(self) -> T:
        return self.options[self.index][0]

    @value.setter
    def value(self, value: T) -> None:
        self.index = self._index_of(value)

    def watch_index(self) -> None:
        self.post_message(self.Changed(self, self.value))

    def action_step(self, step: int) -> None:
        self.index = (self.index + step) % len(self.options)

    def on_key(self, event: Key) -> None:
        if not event.is_printable or not event.character or event.character == " ":
            return
        # Every printable key stops here, so a stray "q" can't reach the app's bindings.
        event.stop()
        event.prevent_default()
        letter = event.character.lower()
        count = len(self.options)
        for offset in range(1, count + 1):
            position = (self.index + offset) % count
            if self.options[position][1].lower().startswith(letter):
                self.index = position
                return

    def render(self) -> Content:
        arrow = self.get_visual_style("choice--arrow", partial=True)
        value = self.get_visual_style("choice--value", partial=True)
        hint_style = self.get_visual_style("choice--hint", partial=True)
        current, text = self.options[self.index]
        parts = [("‹ ", arrow), (text, value), (" ›", arrow)]
        hint = self.hint.get(current)
        if hint:
            parts.append((f"  {hint}", hint_style))
        return Content.assemble(*parts)
