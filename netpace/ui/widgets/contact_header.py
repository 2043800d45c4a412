"""Who the selected contact is: name, role and company, how you met, tags, how strong
the tie is and their own pace."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from ...domain.model import Assessment, Contact, TieLabel
from ...domain.text import one_line
from ..words import met_words, pace_words, role_words, status_words, tie_label


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
    }

    DEFAULT_CSS = """
    ContactHeader { height: auto; padding: 0 1; }
    ContactHeader > .contact-header--name { color: $foreground; text-style: bold; }
    ContactHeader > .contact-header--role { color: $foreground; }
    ContactHeader > .contact-header--muted { color: $text-muted; }
    ContactHeader > .contact-header--tag { color: $secondary; }
    ContactHeader > .contact-header--status { color: $warning; text-style: italic; }
    ContactHeader > .contact-header--tie { color: $secondary; }
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
        lines = [Content.assemble(*first)]
        role = role_words(c)
        if role:
            lines.append(Content.styled(role, self._style("role")))
        facts: list[Content] = []
        met = met_words(c, today)
        if met:
            facts.append(Content.styled(met, muted))
        if c.keep_in_touch_days:
            facts.append(Content.styled(f"keep in touch every {c.keep_in_touch_days} days", muted))
        if c.tags:
            tags = [Content.styled(f"#{one_line(tag)}", self._style("tag")) for tag in c.tags]
            facts.append(Content(" ").join(tags))
        if facts:
            lines.append(Content(" · ").join(facts))
        pace = pace_words(a, c) if a is not None else ""
        if pace:
            lines.append(Content.styled(pace, muted))
        return Content("\n").join(lines)
