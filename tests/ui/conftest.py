"""Shared set-up for the app's tests: a demo database at a fixed time, and screen reading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from netpace.clock import now_from
from netpace.demo import write_demo
from netpace.store import open_store

NOW_TEXT = "2026-11-26 09:00"


@pytest.fixture(scope="session")
def fixed_now():
    return now_from(NOW_TEXT)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory, fixed_now) -> Path:
    path = tmp_path_factory.mktemp("demo") / "template.db"
    with open_store(path) as store:
        write_demo(store, fixed_now)
    return path


@pytest.fixture
def demo_db(tmp_path, demo_template) -> Path:
    """A fresh copy of the demo network for one test."""
    path = tmp_path / "netpace.db"
    shutil.copyfile(demo_template, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def store(demo_db):
    with open_store(demo_db) as opened:
        yield opened


@pytest.fixture
def make_app(store, fixed_now):
    from netpace.ui.app import NetpaceApp

    def make(**options):
        options.setdefault("poll_seconds", None)
        return NetpaceApp(store, now=fixed_now, **options)

    return make


async def settle(app, pilot) -> None:
    """Wait until the network is loaded, every worker is done and the results are on screen."""
    for _ in range(100):
        if app.network is not None:
            break
        await pilot.pause(0.05)
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def screen_text(app) -> str:
    """What the current screen shows, as plain text, one line per row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]
