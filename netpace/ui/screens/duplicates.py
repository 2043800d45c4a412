"""Likely duplicates (palette: "contact: find duplicates"): pairs of contacts that look like
one person (domain.merging), each merged with one key and undone with u."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain.merging import LikelyPair, likely_duplicates
from ...domain.text import one_line
from .dialog import Dialog

HINT = "m or enter merges the second into the first (u undoes it) · s swaps them · escape closes"
NONE_FOUND = "No likely duplicates: no two contacts share an e-mail address, a LinkedIn profile or a name."


def pair_label(pair: LikelyPair) -> Content:
    def who(contact) -> Content:
        company = one_line(contact.company)
        return Content.assemble((one_line(contact.name), "bold"), (f" ({company})" if company else "", "dim"))

    return Content.assemble(who(pair.keep), "  ←  ", who(pair.other), (f"  · {pair.reason}", "dim"))


class DuplicatesScreen(Dialog[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="duplicates.close", tooltip="Back, merging nothing more"),
        Binding("m", "merge", "Merge", id="duplicates.merge",
                tooltip="Merge the second contact of the pair into the first (u undoes it)"),
        Binding("s", "swap", "Swap", id="duplicates.swap", tooltip="Keep the second contact of the pair instead"),
        Binding("u", "undo", "Undo", id="duplicates.undo", tooltip="Undo the last merge"),
    ]

    def __init__(self, pairs: list[LikelyPair]) -> None:
        super().__init__()
        self.pairs = list(pairs)

    @classmethod
    def of_network(cls, summaries) -> "DuplicatesScreen":
        weight = {s.contact.id: s.assessment.sent + s.assessment.received + s.assessment.together for s in summaries}
        return cls(likely_duplicates((s.contact for s in summaries), weight))

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("", id="title")
            yield OptionList(id="pairs")
            yield Static(Content(HINT), id="hint")

    def on_mount(self) -> None:
        self._show()
        self.query_one(OptionList).focus()

    def _show(self, at: int = 0) -> None:
        count = len(self.pairs)
        title = f"Likely duplicates: {count} pair{'' if count == 1 else 's'}" if count else NONE_FOUND
        self.query_one("#title", Static).update(Content(title))
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(pair_label(pair)) for pair in self.pairs])
        options.display = bool(self.pairs)
        if self.pairs:
            options.highlighted = min(at, count - 1)

    def _current(self) -> int | None:
        at = self.query_one(OptionList).highlighted
        return at if at is not None and 0 <= at < len(self.pairs) else None

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_merge()

    def action_merge(self) -> None:
        at = self._current()
        if at is None:
            return
        pair = self.pairs[at]
        self.host.merge_contacts(pair.keep.id, pair.other.id)
        gone = {pair.other.id}
        # Pairs with the contact that went are gone too; the kept one stays in the others.
        self.pairs = [p for i, p in enumerate(self.pairs) if i != at and not {p.keep.id, p.other.id} & gone]
        self._show(at)

    def action_swap(self) -> None:
        at = self._current()
        if at is not None:
            pair = self.pairs[at]
            self.pairs[at] = replace(pair, keep=pair.other, other=pair.keep)
            self._show(at)

    def action_undo(self) -> None:
        self.host.undo()

    def action_close(self) -> None:
        self.dismiss(None)
