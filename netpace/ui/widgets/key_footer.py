"""The footer of keys, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its key widgets whenever the screen's bindings are updated,
which happens every time a dialog closes or focus moves, even when the same keys come
back. That rebuild took a third of the frame that shows the gauge after a quick capture.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    _shown: tuple | None = None

    def _signature(self) -> tuple:
        """What `compose` would show: every shown key with its state, and the palette key."""
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip, binding.show)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show or binding.key == self.app.COMMAND_PALETTE_BINDING
        )

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            signature = self._signature()
            if signature == self._shown:
                return
            self._shown = signature
        super().bindings_changed(screen)
