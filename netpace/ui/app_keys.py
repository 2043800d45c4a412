"""The keys that work anywhere in the app, read by the app and by the help screen."""

from __future__ import annotations

from textual.binding import Binding

COMMAND_PALETTE_KEY = "ctrl+p"

APP_BINDINGS = [
    Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave netpace (everything is already saved)"),
    Binding("question_mark", "help", "Keys", id="app.help", tooltip="List every key and what it does"),
    Binding("c", "capture", "Log", id="app.capture",
            tooltip="Quick capture: log an interaction with the selected contact"),
    Binding("t", "triage", "Triage", id="app.triage", tooltip="The queue of what needs action today"),
]
