"""The baseline for the TUI rows: a bare Textual app (Header, one Static, Footer).

    python tests/benchmarks/bare_app.py     # shows READY_TEXT once it is on screen
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

READY_TEXT = "bare Textual app ready"


class BareApp(App):
    TITLE = "bench"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY_TEXT)
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
