"""Shared set-up for the app's tests: a store on the demo network (tests/conftest.py: a
file, then a PostgreSQL database),
the app on it at a fixed time, and screen reading."""

from __future__ import annotations

import asyncio
import time

import pytest

from netpace.store import open_store

from ..conftest import NOW_TEXT  # noqa: F401  (the tests here import it from this module)


@pytest.fixture
def store(demo_location):
    """The demo network, on either store (tests/conftest.py runs each test on both)."""
    with open_store(demo_location) as opened:
        yield opened


@pytest.fixture
def make_app(store, fixed_now):
    from netpace.ui.app import NetpaceApp

    def make(**options):
        options.setdefault("poll_seconds", None)
        return NetpaceApp(store, now=fixed_now, **options)

    return make


# How long a test waits for the app to reach a state before it fails: generous, so a busy
# machine only makes the suite slower, never red.
DEADLINE = 30.0


async def wait_until(pilot, condition, seconds: float = DEADLINE, what: str = "") -> None:
    """Let the app run until `condition()` holds; fail after `seconds`."""
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"not within {seconds:g} s: {what or condition}")
        await pilot.pause(0.02)


def highlighted_command(app) -> str:
    """The command the palette would run on enter ("" while it has none)."""
    from textual.command import CommandList

    found = app.screen.query(CommandList)
    if not found or found.first().highlighted is None:
        return ""
    commands = found.first()
    return str(commands.get_option_at_index(commands.highlighted).prompt)


async def settle(app, pilot) -> None:
    """Wait until the network is loaded, every worker is done and the results are on screen."""
    await wait_until(pilot, lambda: app.network is not None, what="the network loaded")
    for _ in range(3):
        await pilot.pause()
        # Every worker but the one listening to a database server: it runs until the app ends.
        # (An empty list would mean every worker to wait_for_complete.)
        working = [worker for worker in app.workers if worker.group != "listen"]
        if working:
            try:
                await asyncio.wait_for(app.workers.wait_for_complete(working), DEADLINE)
            except asyncio.TimeoutError:
                raise AssertionError(f"workers still running after {DEADLINE:g} s: {working}") from None
    await pilot.pause()


def screen_text(app) -> str:
    """What the current screen shows, as plain text, one line per row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]
