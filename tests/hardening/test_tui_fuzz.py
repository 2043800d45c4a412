"""Hypothesis drives the app through Pilot with random key sequences from the keys a person
uses: the app never crashes (no exception, no worker that died with an error; still running,
or exited cleanly on q) and the database passes integrity_check afterwards."""

from __future__ import annotations

import asyncio
import shutil
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from textual import events
from textual.worker import WorkerState

from netpace.clock import now_from
from netpace.demo import write_demo
from netpace.store import open_store
from netpace.ui import app as app_module
from netpace.ui.app import NetpaceApp

from .helpers import integrity
from .robustness_report import record

pytestmark = pytest.mark.slow

EXAMPLES = 40
MAX_KEYS = 30
NOW = now_from("2026-11-26 09:00")

BOUND = ["q", "c", "t", "n", "e", "d", "u", "r", "o", "s", "a", "j", "k", "g", "G"]
KEYS = (
    BOUND
    + list(string.ascii_lowercase) + ["A", "Z", "M"]
    + list("0123456789")
    + ["enter", "escape", "tab", "shift+tab", "up", "down", "left", "right", "pageup", "pagedown",
       "home", "end", "backspace", "delete", "ctrl+p", "ctrl+s", "ctrl+a", "ctrl+k", "slash",
       "question_mark", "space", "comma", "full_stop", "minus", "apostrophe", "number_sign",
       "left_square_bracket", "right_square_bracket", "colon", "at"]
)
# Bound keys and the keys that move between screens come up more often than the rest.
key = st.sampled_from(BOUND + ["enter", "escape", "tab", "down", "up", "space"]) | st.sampled_from(KEYS)
# Keys come in bursts: a burst is sent the way a fast typist's keys arrive, without waiting for
# the screen (so keys land while workers still run); between bursts the app settles.
bursts = st.lists(st.lists(key, min_size=1, max_size=10), min_size=1, max_size=8).map(
    lambda groups: trim(groups, MAX_KEYS))

CHARACTERS = {"slash": "/", "question_mark": "?", "space": " ", "comma": ",", "full_stop": ".", "minus": "-",
              "apostrophe": "'", "number_sign": "#", "left_square_bracket": "[", "right_square_bracket": "]",
              "colon": ":", "at": "@"}


def trim(groups: list[list[str]], limit: int) -> list[list[str]]:
    out, left = [], limit
    for group in groups:
        if left <= 0:
            break
        out.append(group[:left])
        left -= len(out[-1])
    return out


def key_event(name: str) -> events.Key:
    character = name if len(name) == 1 else CHARACTERS.get(name)
    return events.Key(name, character)


class WatchedApp(NetpaceApp):
    """The app, remembering every worker that ended with an error (they'd fail silently)."""

    CSS_PATH = Path(app_module.__file__).parent / NetpaceApp.CSS_PATH

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.worker_errors: list[BaseException] = []
        self.animation_level = "none"

    def on_worker_state_changed(self, event) -> None:
        if event.state == WorkerState.ERROR:
            self.worker_errors.append(event.worker.error)


async def drive(db, groups: list[list[str]]) -> tuple[bool, list[BaseException]]:
    """Send each burst of keys, settling in between; returns (exited on q, worker errors).
    Exceptions propagate (run_test re-raises what crashed the app)."""
    with open_store(db) as store:
        app = WatchedApp(store, now=NOW, poll_seconds=None)
        async with app.run_test(size=(110, 36), notifications=True) as pilot:
            await pilot.pause()
            for group in groups:
                if app._exit or not app.is_running:
                    break
                for name in group:
                    event = key_event(name)
                    event.set_sender(app)
                    app._driver.send_message(event)
                await pilot.pause()
                await app.workers.wait_for_complete()
            if app.is_running:
                for _ in range(3):
                    await pilot.pause()
                    await app.workers.wait_for_complete()
            exited = bool(app._exit)
        return exited, app.worker_errors


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("tui-fuzz") / "template.db"
    with open_store(path) as store:
        write_demo(store, NOW)
    return path


def test_fuzz_the_app_with_random_keys(template, tmp_path_factory, rng):
    folder = tmp_path_factory.mktemp("tui-fuzz-runs")
    tally = {"tried": 0, "survived": 0, "quit": 0, "keys": 0}

    @seed(rng.getrandbits(64))  # the key bursts come from the test's seed, printed if it fails
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=False, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(groups=bursts)
    def one(groups):
        tally["tried"] += 1
        tally["keys"] += sum(len(g) for g in groups)
        db = folder / f"run-{tally['tried']}.db"
        shutil.copyfile(template, db)
        exited, errors = asyncio.run(drive(db, groups))
        assert errors == [], errors
        assert integrity(db) == "ok"
        tally["quit"] += exited
        tally["survived"] += 1
        for suffix in ("", "-wal", "-shm"):
            (folder / f"run-{tally['tried']}.db{suffix}").unlink(missing_ok=True)

    one()
    assert tally["survived"] == tally["tried"] >= EXAMPLES
    record("fuzzing", "hypothesis: random key sequences through the app (Pilot)", tally["tried"],
           tally["survived"],
           f"max_examples={EXAMPLES}, up to {MAX_KEYS} keys each in bursts ({tally['keys']} keys in all, "
           f"{tally['quit']} ended on q); "
           "no exception, no failed worker; integrity_check ok")
