"""The command palette: every action as "group: verb", and every contact by name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ..domain.fuzzy import Query, filter_rows, haystack
from ..domain.text import one_line

if TYPE_CHECKING:
    from .contract import Host

MAX_CONTACT_HITS = 20

# (command, help, how to run it on the app)
ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("triage: open", "The queue of what needs action today", "triage"),
    ("interaction: log", "Quick capture with the selected contact", "capture"),
    ("interaction: edit", "Correct the selected interaction in the timeline (enter or e there)",
     "screen.edit_interaction"),
    ("interaction: delete", "Delete the selected interaction in the timeline", "screen.delete_interaction"),
    ("interaction: undo", "Undo the last delete, snooze or archive", "undo"),
    ("contact: new", "Add a contact", "screen.new_contact"),
    ("contact: edit", "Edit the selected contact", "screen.edit_contact"),
    ("contact: unsnooze / unarchive", "Make the selected contact active again (w)", "screen.wake"),
    ("contact: keep in touch at their pace", "The cadence your conversations usually have (K)",
     "screen.keep_in_touch"),
    ("list: filter", "Filter by name, company or tag", "screen.filter"),
    ("list: sort", "Sort by urgency, name, last contact or pressure", "screen.cycle_sort"),
    ("timeline: flip order", "Newest first or oldest first", "screen.flip_timeline"),
    ("help: keys", "Every key and what it does", "help"),
    ("app: quit", "Leave netpace", "quit"),
)


def highlighted(text: str, query: Query) -> Content:
    """User text with matched letters in bold, never parsed as markup."""
    content = Content(one_line(text))
    for offset in query.positions(content.plain):
        content = content.stylize("bold underline", offset, offset + 1)
    return content


class NetpaceCommands(Provider):
    @property
    def netpace(self) -> "Host":
        return self.app  # type: ignore[return-value]

    def _run(self, action: str) -> None:
        app = self.netpace
        if action.startswith("screen."):
            app.open_contact_screen_action(action.removeprefix("screen."))
        elif action == "undo":
            app.undo()
        elif action == "quit":
            app.exit()
        else:
            getattr(app, f"action_{action}")()

    def _available(self):
        from ..domain.formats import EXPORT_FORMATS, IMPORT_FORMATS

        for command, help_text, action in ACTIONS:
            yield command, help_text, partial(self._run, action)
        yield ("import: any file", "Bring in a file or the LinkedIn export; its format is told from its content",
               partial(self.netpace.action_import, "guess"))
        for format in IMPORT_FORMATS:
            yield f"import: {format.label}", f"Bring in {format.label} from a file (a backup is taken first)", partial(
                self.netpace.action_import, format.name)
        for format in EXPORT_FORMATS:
            yield f"export: {format.name}", format.hint, partial(self.netpace.action_export, format.name)

    async def discover(self) -> Hits:
        for command, help_text, run in self._available():
            yield DiscoveryHit(Content(command), run, text=command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, help_text, run in self._available():
            score = matcher.match(command)
            if score > 0:
                # Our own command names hold no markup, so the matcher may highlight them.
                yield Hit(score, matcher.highlight(command), run, text=command, help=help_text)
        network = self.netpace.network
        fuzzy = Query(query)
        if network is None or not fuzzy:
            return
        summaries = network.summaries
        cached = getattr(self, "_hays", None)
        if cached is None or cached[0] is not network:
            cached = (network, [haystack(s.contact.name, s.contact.company) for s in summaries])
            self._hays = cached
        hays = cached[1]
        for rank, index in enumerate(filter_rows(fuzzy, hays)[:MAX_CONTACT_HITS]):
            summary = summaries[index]
            name = one_line(summary.contact.name)
            company = one_line(summary.contact.company)
            display = Content.assemble(("contact: open ", "dim"), highlighted(name, fuzzy))
            if company:
                display = Content.assemble(display, (f"  {company}", "dim"))
            yield Hit(
                0.9 - rank * 0.01,
                display,
                partial(self.netpace.open_contact, summary.contact.id),
                text=f"contact: open {name}",
                help="Show this contact",
            )


class Palette(CommandPalette):
    """Textual's command palette, safe against keys that arrive before its list is laid
    out: typed in one burst behind ctrl+p, pagedown or pageup reached Textual's option
    list while it had no lines yet, and it raised KeyError (the key fuzzer found it).
    Such a key does nothing, as it would on an empty list."""

    def _action_command_list(self, action: str) -> None:
        try:
            super()._action_command_list(action)
        except KeyError:
            pass
