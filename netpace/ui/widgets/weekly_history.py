"""Twelve weeks of you-to-them against them-to-you, two rows of small bars."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from ..weekly import Weekly

_LEVELS = "▁▂▃▄▅▆▇█"


def bars(counts: tuple[int, ...], peak: int, spaced: bool) -> str:
    cells = []
    for count in counts:
        if count <= 0 or peak <= 0:
            cells.append("·")
        else:
            cells.append(_LEVELS[min(len(_LEVELS) - 1, max(0, round(count * len(_LEVELS) / peak) - 1))])
    return (" " if spaced else "").join(cells)


class WeeklyHistory(Widget):
    """The pattern behind the number: who has been writing, week by week."""

    COMPONENT_CLASSES = {
        "weekly-history--title",
        "weekly-history--out",
        "weekly-history--in",
        "weekly-history--label",
    }

    DEFAULT_CSS = """
    WeeklyHistory { height: auto; width: auto; padding: 0 1; }
    WeeklyHistory > .weekly-history--title { color: $text-muted; }
    WeeklyHistory > .weekly-history--out { color: $text-warning; }
    WeeklyHistory > .weekly-history--in { color: $text-success; }
    WeeklyHistory > .weekly-history--label { color: $text-muted; }
    """

    weekly: reactive[Weekly | None] = reactive(None, layout=True)
    spaced: reactive[bool] = reactive(True, layout=True)

    def _style(self, name: str):
        return self.get_visual_style(f"weekly-history--{name}", partial=True)

    def render(self) -> Content:
        if self.weekly is None:
            return Content("")
        w = self.weekly
        weeks = len(w.out)
        peak = w.peak
        row_width = weeks * 2 - 1 if self.spaced else weeks
        label = self._style("label")
        total_out, total_in = sum(w.out), sum(w.back)
        axis_left = f"{weeks} weeks ago"
        axis = axis_left + " " * max(1, row_width - len(axis_left) - 3) + "now"
        return Content("\n").join(
            [
                Content.assemble(("you  ", label), (bars(w.out, peak, self.spaced), self._style("out")),
                                 (f" {total_out}", label)),
                Content.assemble(("them ", label), (bars(w.back, peak, self.spaced), self._style("in")),
                                 (f" {total_in}", label)),
                Content.styled("     " + axis, label),
            ]
        )
