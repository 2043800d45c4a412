"""The screen scenes: the snapshot tests play them, and they regenerate the README's
screenshots from the demo network at a fixed time. From the repository's root:

    python -m tests.ui.scenes [FOLDER]      (default: screenshots/)

The same scenes drive both, so the pictures and the tests can't drift apart.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path
from typing import Awaitable, Callable

from netpace.clock import now_from
from netpace.demo import write_demo
from netpace.store import open_store

NOW_TEXT = "2026-11-26 09:00"


# The longest a scene waits for the app's workers (a stuck one fails the scene, never hangs it).
DEADLINE = 30.0


async def settle(pilot) -> None:
    app = pilot.app
    for _ in range(3):
        await pilot.pause()
        await asyncio.wait_for(app.workers.wait_for_complete(), DEADLINE)
    await pilot.pause()


async def select(pilot, name: str) -> None:
    """Put the list cursor on the contact called `name`."""
    from netpace.ui.widgets.contact_list import ContactList

    await settle(pilot)
    contacts = pilot.app.screen.query_one(ContactList)
    for _ in range(100):  # on a loaded machine the first load can land after settle()
        if any(row.name == name for row in contacts.rows):
            break
        await pilot.pause(0.05)
        await settle(pilot)
    contacts.cursor = next(i for i, row in enumerate(contacts.rows) if row.name == name)
    await settle(pilot)


async def main_screen(pilot) -> None:
    await select(pilot, "Maren Holt")


async def pushy_gauge(pilot) -> None:
    await select(pilot, "[bold]Bob[/] Marsh")


async def triage(pilot) -> None:
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)
    await pilot.press("j", "j")
    await settle(pilot)


async def quick_capture(pilot) -> None:
    await select(pilot, "Maren Holt")
    await pilot.press("c")
    await settle(pilot)
    await pilot.press(*"Sent two times for a call next week")
    await settle(pilot)


async def light_theme(pilot) -> None:
    """A light theme, on a contact with a meeting planned (on top of the timeline)."""
    pilot.app.theme = "solarized-light"
    await select(pilot, "Olivia Chen")


async def welcome(pilot) -> None:
    """The first run, on an empty database, with the export's path half typed."""
    from netpace.ui.screens.welcome import WelcomeScreen

    for _ in range(100):
        await settle(pilot)
        if isinstance(pilot.app.screen, WelcomeScreen):
            break
        await pilot.pause(0.05)
    await pilot.press(*"~/Downloads/Basic_Linked")
    await settle(pilot)


Scene = Callable[..., Awaitable[None]]
# The scenes played on an empty database (the rest on the demo network).
EMPTY = frozenset({"welcome"})
# file name, scene, terminal size
SCENES: tuple[tuple[str, Scene, tuple[int, int]], ...] = (
    ("main", main_screen, (160, 50)),
    ("pushy-gauge", pushy_gauge, (160, 50)),
    ("triage", triage, (120, 36)),
    ("quick-capture", quick_capture, (120, 36)),
    ("main-80x24", pushy_gauge, (80, 24)),
    ("light-theme", light_theme, (120, 36)),
    ("welcome", welcome, (100, 34)),
)


def demo_database(folder: Path) -> Path:
    path = folder / "netpace-demo.db"
    with open_store(path) as store:
        write_demo(store, now_from(NOW_TEXT))
    return path


async def _shoot(db: Path, empty: Path, out: Path) -> None:
    from netpace.ui.app import NetpaceApp

    for name, scene, size in SCENES:
        with open_store(empty if name in EMPTY else db) as store:
            app = NetpaceApp(store, now=now_from(NOW_TEXT), poll_seconds=None)
            async with app.run_test(size=size) as pilot:
                await scene(pilot)
                app.save_screenshot(f"{name}.svg", str(out))
        print(out / f"{name}.svg")


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="netpace-shots-") as folder:
        asyncio.run(_shoot(demo_database(Path(folder)), Path(folder) / "empty.db", out))


if __name__ == "__main__":
    main()
