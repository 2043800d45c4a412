"""The benchmark's PostgreSQL rows: the same network on a throwaway PostgreSQL server (the
tests' own, tests/postgres_server.py, on a Unix socket), measured beside SQLite's, each
pair interleaved, with the ratio PostgreSQL / SQLite.

  launch    launch to a known name visible in tmux (standings kept, as every day)
  triage    `netpace triage --all --json`, whole process
  keystroke filter keystroke to repainted list (tmux, p95), the two apps open side by side
  capture   quick-capture save to gauge updated (tmux, median)

The network goes onto the server with `netpace copy --to URL` (its time is in the notes).
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import replace

from . import data
from .data import NOW, tool
from .terminal import Terminal, launch_to_visible
from .timing import Failed, interleaved, run_process


def _ratio(postgres: float, sqlite: float) -> str:
    return f"{postgres / sqlite:.2f}x"


def _prime(net: data.Network, name: str, command) -> None:
    """One session long enough for the app to keep its standings (every later launch
    draws them first), as in run.prime_standings, on either store."""
    from netpace.store import open_store

    with Terminal(command(net)) as term:
        term.wait_for(name)
        deadline = time.perf_counter() + 60
        while True:
            with open_store(net.db) as store:
                if store.models.standing.select().count() == net.contacts:
                    break
            if time.perf_counter() > deadline:
                raise Failed("the app did not keep its standings within 60 s")
            time.sleep(0.5)
        term.send_keys("q")
        time.sleep(0.5)


def rows(net: data.Network, runs: int, Row, seconds, milliseconds, tui_command, tui_known_name):
    """The four rows (run.Row) and their notes."""
    from tests.postgres_server import Server

    from . import tui

    launch = Row("PostgreSQL: launch to contact list visible, 10k / 200k (tmux, 120x40)", "the same on SQLite",
                 "ratio reported")
    triage = Row("PostgreSQL: `netpace triage --all --json`, whole process, 10k / 200k", "the same on SQLite",
                 "ratio reported")
    keystroke = Row("PostgreSQL: keystroke in the filter to repainted list, 10k contacts (tmux, p95)",
                    "the same on SQLite", "ratio reported")
    capture = Row("PostgreSQL: quick-capture save to gauge updated, 10k / 200k (tmux, median)", "the same on SQLite",
                  "ratio reported")
    notes: list[str] = []
    server = Server().start()
    try:
        url = server.url(server.create_database())
        started = time.perf_counter()
        subprocess.run([tool("netpace"), "--db", str(net.db), "copy", "--to", url], check=True,
                       stdout=subprocess.DEVNULL)
        notes.append(f"PostgreSQL {server.admin('SHOW server_version')[0][0]} on a Unix socket, this machine; "
                     f"the network copied onto it with `netpace copy --to` in {seconds(time.perf_counter() - started)}.")
        pg = replace(net, db=url)
        name = tui_known_name(net)
        for each in (net, pg):
            launch_to_visible(tui_command(each), name)  # warm up
            _prime(each, name, tui_command)

        found = interleaved(runs, sqlite=lambda: launch_to_visible(tui_command(net), name, settle=1.0).seconds,
                            postgres=lambda: launch_to_visible(tui_command(pg), name, settle=1.0).seconds)
        s, p = found["sqlite"].median, found["postgres"].median
        launch.measured, launch.baseline_figure, launch.ratio, launch.verdict = seconds(p), seconds(s), _ratio(p, s), "-"

        def triage_of(each):
            return run_process([tool("netpace"), "--db", str(each.db), "triage", "--all", "--json", "--now", NOW])

        found = interleaved(runs, sqlite=lambda: triage_of(net), postgres=lambda: triage_of(pg))
        s, p = found["sqlite"].median, found["postgres"].median
        triage.measured, triage.baseline_figure, triage.ratio, triage.verdict = seconds(p), seconds(s), _ratio(p, s), "-"

        # Both apps open side by side, typing interleaved round by round; captures on the first.
        on_pg = tui.interactive(pg, net, tui_command, tui_known_name, runs)
        on_sqlite = tui.interactive(net, pg, tui_command, tui_known_name, runs)
        s, p = on_pg.small.p95, on_pg.big.p95
        keystroke.measured, keystroke.baseline_figure, keystroke.ratio = milliseconds(p), milliseconds(s), _ratio(p, s)
        s, p = on_sqlite.captures.median, on_pg.captures.median
        capture.measured, capture.baseline_figure, capture.ratio = milliseconds(p), milliseconds(s), _ratio(p, s)
        keystroke.verdict = capture.verdict = "-"
        notes.append(f"PostgreSQL filter keystrokes: {tui.describe(on_pg.big)}; SQLite beside them "
                     f"{tui.describe(on_pg.small)}. Captures: PostgreSQL {tui.describe(on_pg.captures)}, "
                     f"SQLite {tui.describe(on_sqlite.captures)}.")
    finally:
        server.close()
    return [launch, triage, keystroke, capture], notes
