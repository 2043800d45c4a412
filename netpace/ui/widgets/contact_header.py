"""Who the selected contact is: name, role and company, how to reach them (e-mail, phone,
LinkedIn), how you met, tags, how strong the tie is, their own pace, and your notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from ...domain.model import Assessment, Contact, TieLabel
from ...domain.text import one_line
from ..words import met_words, pace_words, reach_words, role_words, status_words, tie_label

NOTE_LINES = 2


@dataclass(frozen=True, slots=True)
class Card:
    contact: Contact
    today: date
    assessment: Assessment | None = None  # for the tie and the pace


class ContactHeader(Widget):
    COMPONENT_CLASSES = {
        "contact-header--name",
        "contact-header--role",
        "contact-header--muted",
        "contact-header--tag",
        "contact-header--status",
        "contact-header--tie",
        "contact-header--reach",
        "contact-header--notes",
    }

    DEFAULT_CSS = """
    ContactHeader { height: auto; padding: 0 1; }
    ContactHeader > .contact-header--name { color: $foreground; text-style: bold; }
    ContactHeader > .contact-header--role { color: $foreground; }
    ContactHeader > .contact-header--muted { color: $text-muted; }
    ContactHeader > .contact-header--tag { color: $text-secondary; }
    ContactHeader > .contact-header--status { color: $text-warning; text-style: italic; }
    ContactHeader > .contact-header--tie { color: $text-secondary; }
    ContactHeader > .contact-header--reach { color: $foreground; }
    ContactHeader > .contact-header--notes { color: $foreground; text-style: italic; }
    """

    card: reactive[Card | None] = reactive(None, layout=True)
    empty_text: reactive[str] = reactive("No contact selected.")  # shown without a card

    def _style(self, name: str):
        return self.get_visual_style(f"contact-header--{name}", partial=True)

    def render(self) -> Content:
        if self.card is None:
            return Content.styled(self.empty_text, self._style("muted"))
        c, today = self.card.contact, self.card.today
        muted = self._style("muted")
        first = [(one_line(c.name), self._style("name"))]
        status = status_words(c, today)
        if status:
            first.append((f"  ({status})", self._style("status")))
        a = self.card.assessment
        if a is not None and a.tie.label != TieLabel.NONE:
            first.append((f"  · {tie_label(a.tie)}", self._style("tie")))
        width = max(20, self.content_region.width or self.size.width or 60)

        def cut(line: Content) -> Content:
            # What they typed (role, company, tags, addresses) takes one line, cut to fit:
            # a narrow pane keeps its room for the gauge and the timeline.
            return line.truncate(width, ellipsis=True) if line.cell_length > width else line

        lines = [Content.assemble(*first)]
        role = role_words(c)
        if role:
            lines.append(cut(Content.styled(role, self._style("role"))))
        facts: list[Content] = []
        met = met_words(c, today)
        if met:
            facts.append(Content.styled(met, muted))
        if c.tags:
            tags = [Content.styled(f"#{one_line(tag)}", self._style("tag")) for tag in c.tags]
            facts.append(Content(" ").join(tags))
        if facts:
            lines.append(cut(Content(" · ").join(facts)))
        reach = reach_words(c)
        if reach:
            lines.append(cut(Content.styled(reach, self._style("reach"))))
        pace = [pace_words(a, c) if a is not None else ""]
        if c.keep_in_touch_days:
            pace.append(f"keep in touch every {c.keep_in_touch_days} days")
        pace_line = " · ".join(part for part in pace if part)
        if pace_line:
            lines.append(Content.styled(pace_line, muted))
        lines.extend(self._notes(c.notes, width))
        return Content("\n").join(lines)

    def _notes(self, notes: str, width: int) -> list[Content]:
        """The notes' first NOTE_LINES lines, an ellipsis if there is more (e edits them)."""
        text = one_line(notes[: width * NOTE_LINES * 2])
        if not text:
            return []
        wrapped = Content.styled(f"Notes: {text}", self._style("notes")).wrap(width - 1)
        if len(wrapped) > NOTE_LINES or len(text) < len(one_line(notes)):
            wrapped = wrapped[:NOTE_LINES]
            wrapped[-1] = Content.assemble(wrapped[-1], ("…", self._style("notes")))
        return wrapped
