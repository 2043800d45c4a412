"""The first run: an empty database opens here instead of on an empty list. What netpace
does, how to get the LinkedIn export, a path field that imports it (or any other file),
and the other ways in: the demo network, or a contact typed by hand."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from ..contract import NetworkScreen
from ..messages import Network
from ..widgets.key_footer import KeyFooter
from ..widgets.path_input import PathInput
from .import_file import GUESS, ImportScreen, check_path

# What the app's run returns when the user asked for the demo network (ui.run opens it).
TRY_DEMO = "try-demo"

WHAT = ("netpace keeps the timeline of everything between you and each contact, and tells you "
        "who to answer, follow up or check in with today, and whom to leave alone for now.")
STEPS = (
    "On LinkedIn: Me → Settings & Privacy → Data privacy → Get a copy of your data.",
    "Pick “Download larger data archive” (or at least Connections, Messages and Invitations), "
    "then Request archive.",
    "LinkedIn e-mails you when the zip is ready (Basic_LinkedInDataExport_….zip); download it.",
    "Type its path below and press enter: tab completes a name, ~ is your home folder. "
    "Any other file works too: vCards, a Google or Outlook CSV, mail, a calendar.",
)


class WelcomeScreen(NetworkScreen):
    BINDINGS = [
        Binding("escape", "later", "Later", id="welcome.later",
                tooltip="Go to the (empty) contact list; the command palette imports any time"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome"):
            yield Static(Content("Welcome to netpace"), id="welcome-title")
            yield Static(Content(WHAT), classes="welcome-text")
            yield Static(Content("Your LinkedIn network, in one step"), classes="welcome-heading")
            with Vertical(id="welcome-steps"):
                for number, step in enumerate(STEPS, start=1):
                    yield Static(Content(f"{number}. {step}"), classes="welcome-step")
            yield PathInput(placeholder="e.g. ~/Downloads/Basic_LinkedInDataExport_11-26-2026.zip",
                            id="welcome-path")
            yield Static("", id="welcome-error")
            yield Static(Content("enter imports (a backup is taken first) · tab completes · escape: later"),
                         id="welcome-hint")
            yield Static(Content("Other ways in"), classes="welcome-heading")
            with Horizontal(id="welcome-buttons"):
                yield Button("Try the demo network", id="welcome-demo")
                yield Button("Add a contact by hand", id="welcome-add")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one(PathInput).focus()

    def apply_network(self, network: Network) -> None:
        if network.summaries:  # the network came in (another program): on to it
            self.dismiss_to_main()

    def dismiss_to_main(self) -> None:
        """Leave for the main screen, once nothing is open above this screen (a dialog
        above it closes first: its callback comes back here)."""
        if self.app.screen is self:
            self.app.pop_screen()

    # -- the ways in ------------------------------------------------------------------------
    @on(PathInput.Submitted, "#welcome-path")
    def _import(self, event: PathInput.Submitted) -> None:
        event.stop()
        path, problem = check_path(event.value, GUESS)
        error = self.query_one("#welcome-error", Static)
        error.update(Content(problem))
        error.set_class(bool(problem), "-shown")
        if path is not None:
            self.app.push_screen(ImportScreen(GUESS, path=path), self._imported)

    def _imported(self, done) -> None:
        if done is not None:
            self.notify(done.summary, title=f"Imported {done.path.name}", markup=False, timeout=8)
        if self.host.network is not None and self.host.network.summaries:
            self.dismiss_to_main()

    @on(Button.Pressed, "#welcome-demo")
    def _demo(self) -> None:
        self.app.exit(TRY_DEMO)

    @on(Button.Pressed, "#welcome-add")
    def _add(self) -> None:
        self.dismiss_to_main()
        self.host.open_contact_screen_action("new_contact")

    def action_later(self) -> None:
        self.dismiss_to_main()
