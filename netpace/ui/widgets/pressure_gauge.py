"""The pressure gauge: four zones, a marker at the value, the verdict and the reasons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

from ...domain.pressure import ZONE_STARTS, zone_of
from ...domain.model import Assessment, Zone
from ...domain.text import one_line
from ..words import VERDICT_STYLE, verdict_sentence


@dataclass(frozen=True, slots=True)
class Reading:
    """What the gauge shows: one assessment, read on one day."""

    assessment: Assessment
    today: date


class PressureGauge(Widget):
    """Reads at a glance: verdict and number on top, the zoned bar, then the reasons."""

    COMPONENT_CLASSES = {
        "pressure-gauge--calm",
        "pressure-gauge--warm",
        "pressure-gauge--pressing",
        "pressure-gauge--pushy",
        "pressure-gauge--calm-track",
        "pressure-gauge--warm-track",
        "pressure-gauge--pressing-track",
        "pressure-gauge--pushy-track",
        "pressure-gauge--marker",
        "pressure-gauge--label",
        "pressure-gauge--reason",
        "pressure-gauge--urgent",
        "pressure-gauge--due",
        "pressure-gauge--wait",
        "pressure-gauge--back-off",
        "pressure-gauge--ok",
        "pressure-gauge--quiet",
    }

    DEFAULT_CSS = """
    PressureGauge { height: auto; padding: 0 1; }
    PressureGauge > .pressure-gauge--calm { color: $text-success; }
    PressureGauge > .pressure-gauge--warm { color: $text-warning; }
    PressureGauge > .pressure-gauge--pressing { color: $text-warning; }
    PressureGauge > .pressure-gauge--pushy { color: $text-error; }
    PressureGauge > .pressure-gauge--calm-track { color: $success 45%; }
    PressureGauge > .pressure-gauge--warm-track { color: $warning-lighten-2 45%; }
    PressureGauge > .pressure-gauge--pressing-track { color: $warning 45%; }
    PressureGauge > .pressure-gauge--pushy-track { color: $error 45%; }
    PressureGauge > .pressure-gauge--marker { color: $foreground; text-style: bold; }
    PressureGauge > .pressure-gauge--label { color: $text-muted; }
    PressureGauge > .pressure-gauge--reason { color: $foreground; }
    PressureGauge > .pressure-gauge--urgent { color: $text-accent; text-style: bold; }
    PressureGauge > .pressure-gauge--due { color: $text-primary; text-style: bold; }
    PressureGauge > .pressure-gauge--wait { color: $text-warning; text-style: bold; }
    PressureGauge > .pressure-gauge--back-off { color: $text-error; text-style: bold; }
    PressureGauge > .pressure-gauge--ok { color: $text-success; text-style: bold; }
    PressureGauge > .pressure-gauge--quiet { color: $text-muted; text-style: bold italic; }
    """

    reading: reactive[Reading | None] = reactive(None, layout=True)
    max_reasons: reactive[int | None] = reactive(None, layout=True)

    def _style(self, name: str):
        return self.get_visual_style(f"pressure-gauge--{name}", partial=True)

    def render(self) -> Content:
        if self.reading is None:
            return Content("")
        a = self.reading.assessment
        width = max(12, self.content_region.width or self.size.width or 40)
        lines = [
            self._headline(a, width),
            self._marker_line(a, width),
            self._bar(a.pressure, width),
            self._zone_labels(a.zone, width),
        ]
        reason_style = self._style("reason")
        reasons = a.reasons if self.max_reasons is None else a.reasons[: self.max_reasons]
        bullet = Content.styled("• ", self._style("label"))
        for reason in reasons:
            # Wrapped by hand, so continuation lines hang under the text, not the bullet.
            wrapped = Content.styled(one_line(reason), reason_style).wrap(max(8, width - 2))
            for number, line in enumerate(wrapped):
                lines.append(Content.assemble(bullet if number == 0 else "  ", line))
        return Content("\n").join(lines)

    def _number(self, a: Assessment, form: int = 0) -> Content:
        """"pressure 67 pressing"; shorter forms 1 ("pressure 67") and 2 ("67") for narrow gauges."""
        value = f"{a.pressure} {a.zone.value}" if form == 0 else str(a.pressure)
        number = Content.styled(value, self._style(a.zone.value) + Style(bold=True))
        return number if form == 2 else Content.assemble(("pressure ", self._style("label")), number)

    def _headline(self, a: Assessment, width: int) -> Content:
        left = Content.styled(verdict_sentence(a, self.reading.today), self._style(VERDICT_STYLE[a.verdict]))
        right = self._number(a)
        gap = width - left.cell_length - right.cell_length
        if gap < 1:  # too narrow: the number moves down beside the marker
            return left.truncate(width, ellipsis=True)
        return Content.assemble(left, " " * gap, right)

    @staticmethod
    def _column(value: float, width: int) -> int:
        return max(0, min(width - 1, int(value * width / 100 - 1e-9)))

    def _marker_line(self, a: Assessment, width: int) -> Content:
        at = self._column(a.pressure, width)
        marker = Content.styled("▼", self._style(zone_of(a.pressure).value) + self._style("marker"))
        verdict = verdict_sentence(a, self.reading.today)
        if len(verdict) + 1 + self._number(a).cell_length <= width:
            return Content.assemble(" " * at, marker)  # the number is on the headline
        # Beside the marker, on whichever side it fits, shortened until it does.
        for form in (0, 1, 2):
            number = self._number(a, form)
            if at > number.cell_length + 1:
                return Content.assemble(number, " " * (at - number.cell_length), marker)
            if at + 2 + number.cell_length <= width:
                return Content.assemble(" " * at, marker, " ", number)
        return Content.assemble(" " * at, marker)

    def _bar(self, pressure: int, width: int) -> Content:
        parts = []
        filled_to = self._column(pressure, width) if pressure > 0 else -1
        for cell in range(width):
            middle = (cell + 0.5) * 100 / width
            zone = zone_of(middle).value
            if cell <= filled_to:
                parts.append(("█", self._style(zone)))
            else:
                parts.append(("━", self._style(f"{zone}-track")))
        return Content.assemble(*parts)

    def _zone_labels(self, current: Zone, width: int) -> Content:
        """Zone names under where each zone starts; the current one in its colour."""
        cells = [" "] * width
        styles: list[tuple[int, int, str]] = []
        taken_until = -1
        for zone, start in ZONE_STARTS:
            at = self._column(start, width) if start else 0
            text = zone.value
            # A label that would run into the one before moves right, if there is room.
            at = max(at, taken_until + 1)
            if at + len(text) > width:
                if zone != current:
                    continue
                at = max(0, width - len(text))
                for s_start, s_end, _ in [s for s in styles if s[1] > at]:
                    cells[s_start:s_end] = [" "] * (s_end - s_start)
                styles = [s for s in styles if s[1] <= at]
            for offset, ch in enumerate(text):
                if at + offset < width:
                    cells[at + offset] = ch
            styles.append((at, at + len(text), zone.value if zone == current else "label"))
            taken_until = at + len(text)
        content = Content("".join(cells))
        for start, end, name in styles:
            content = content.stylize(self._style(name), start, end)
        return content
