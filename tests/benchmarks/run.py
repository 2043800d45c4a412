"""Issue 5's benchmark table: each row measured side by side with its baseline, in the
same run, interleaved; medians over --runs runs (5 by default, 3 with --quick).

    python -m tests.benchmarks [--quick] [--runs N] [--only triage,assess,list,import,tui,postgres] [--no-readme]

The 10,000-contact / 200,000-interaction network is built once with `netpace demo` and
cached in $TMPDIR/netpace-bench/<parameters>/ (override with NETPACE_BENCH_CACHE), with
its contacts written as vCards (a khard address book, and one combined file to import).
The table goes to stdout and into docs/performance.md between <!-- perf:begin --> and <!-- perf:end -->
(--no-readme: stdout only).

Rows:
  triage   `netpace triage --all --json`, whole process   vs `python -c "import netpace"`
  assess   Store.summaries(now) in-process, rereads as the app does (5 contacts changed, a minute later)
           vs one SQL aggregate (COUNT, MAX(at) per contact); the first read of a new process in the notes
  list     `netpace list`, whole process                  vs `khard list` on the same contacts as vCards
  import   `netpace import vcard FILE` and a LinkedIn export zip (`netpace import ZIP`), each into an
           empty db, taken in turn (the export with the vCards import beside it)
  tui      launch to a known name visible in tmux; peak memory; keystroke; quick-capture
           vs the bare Textual app (bare_app.py); "TUI not merged yet" until netpace.ui exists
  postgres launch, triage, filter keystroke and quick capture on a throwaway PostgreSQL server
           vs the same on SQLite, with the ratio (benchmarks/postgres.py)
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from netpace.domain.model import Channel, Direction, Interaction, Kind

from . import data
from .data import NOW, tool
from .terminal import NotVisible, launch_to_visible
from .timing import Failed, call, interleaved, run_process

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "docs" / "performance.md"  # the page that holds the table
BEGIN, END = "<!-- perf:begin -->", "<!-- perf:end -->"
BARE_APP = Path(__file__).with_name("bare_app.py")

TUI_MISSING = "TUI not merged yet"


@dataclass
class Row:
    what: str
    baseline: str
    bar: str
    measured: str = "-"
    baseline_figure: str = "-"
    ratio: str = "-"
    verdict: str = "-"


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def megabytes(value: int) -> str:
    return f"{value / 2**20:.0f} MB"


def verdict(ok: bool) -> str:
    return "pass" if ok else "**FAIL**"


# -- rows ---------------------------------------------------------------------------------

def triage_row(net: data.Network, runs: int) -> Row:
    row = Row("`netpace triage --all --json`, whole process, 10k / 200k",
              '`python -c "import netpace"`', "<= 1.0 s absolute")
    command = [tool("netpace"), "--db", str(net.db), "triage", "--all", "--json", "--now", NOW]
    baseline = [sys.executable, "-c", "import netpace"]
    run_process(command), run_process(baseline)  # warm the page cache and bytecode
    found = interleaved(runs, measured=lambda: run_process(command), baseline=lambda: run_process(baseline))
    m, b = found["measured"].median, found["baseline"].median
    row.measured, row.baseline_figure, row.ratio = seconds(m), seconds(b), f"{m / b:.1f}x"
    row.verdict = verdict(m <= 1.0)
    return row


def assess_row(net: data.Network, runs: int) -> tuple[Row, list[str]]:
    import itertools
    from datetime import timedelta

    import peewee as pw

    from netpace.clock import now_from
    from netpace.store import open_store

    row = Row("assess every contact in-process (`Store.summaries(now)` as the app rereads: one minute later "
              "each time, 5 contacts changed in between), 10k / 200k",
              "one SQL aggregate: `SELECT contact_id, COUNT(*), MAX(at) ... GROUP BY contact_id`", "<= 150 ms")
    start = now_from(NOW)
    minutes = itertools.count(1)
    with tempfile.TemporaryDirectory(prefix="netpace-bench-assess-") as folder:
        db = Path(folder) / "assess.db"
        shutil.copyfile(net.db, db)
        cold: list[float] = []
        for _ in range(runs):  # a first read in a new process: nothing kept yet
            with open_store(db) as store:
                cold.append(call(lambda: store.summaries(start)))
        with open_store(db) as store:
            i = store.models.interaction
            sql, params = i.select(i.contact, pw.fn.COUNT(pw.SQL("*")), pw.fn.MAX(i.at)).group_by(i.contact).sql()
            ids = [s.contact.id for s in store.summaries(start)]

            def aggregate():
                return store.db.execute_sql(sql, params).fetchall()

            def change():  # what another process might have written since the last read
                n = next(minutes)
                when = start + timedelta(minutes=n)
                for contact_id in ids[n * 5 % len(ids):][:5]:
                    store.log(contact_id, Interaction(at=when - timedelta(seconds=30), direction=Direction.OUT,
                                                      channel=Channel.EMAIL, kind=Kind.UPDATE), when)
                return when

            def reread(when):
                found = store.summaries(when)
                assert len(found) == net.contacts, len(found)

            aggregate()
            found = interleaved(runs, measured=lambda: _timed_after(change, reread), baseline=lambda: call(aggregate))
    m, b = found["measured"].median, found["baseline"].median
    row.measured, row.baseline_figure, row.ratio = seconds(m), seconds(b), f"{m / b:.1f}x"
    row.verdict = verdict(m <= 0.150)
    import statistics

    notes = [f"Assess: rereads {ms_list(found['measured'].values)}; the first read in a new process "
             f"(nothing kept yet) {ms_list(cold)}, median {seconds(statistics.median(cold))}."]
    return row, notes


def _timed_after(prepare, measure) -> float:
    argument = prepare()
    return call(lambda: measure(argument))


def list_row(net: data.Network, cards: data.VCards, runs: int) -> Row:
    row = Row("`netpace list`, whole process, 10k contacts",
              f"`khard list` on the same {cards.count:,} contacts as vCards", ">= 10x faster")
    command = [tool("netpace"), "--db", str(net.db), "list"]
    khard = [tool("khard"), "-c", str(cards.khard_config), "list"]
    run_process(command)
    listed = subprocess.run(khard, capture_output=True, text=True, check=True).stdout  # warm up, and check
    if len(listed.splitlines()) < cards.count:
        raise Failed(f"khard listed {len(listed.splitlines())} lines for {cards.count} vCards")
    found = interleaved(runs, measured=lambda: run_process(command), baseline=lambda: run_process(khard))
    m, b = found["measured"].median, found["baseline"].median
    row.measured, row.baseline_figure, row.ratio = seconds(m), seconds(b), f"{b / m:.0f}x faster"
    row.verdict = verdict(b / m >= 10)
    return row


def import_available() -> bool:
    probe = subprocess.run([tool("netpace"), "import", "vcard", "--help"], capture_output=True)
    return probe.returncode == 0


LINKEDIN_CONNECTIONS, LINKEDIN_MESSAGES = 10_000, 50_000


def import_rows(cards: data.VCards, runs: int) -> tuple[list[Row], list[str]]:
    """The vCards import and the whole LinkedIn export (a generated zip: 10,000 connections,
    50,000 messages, invitations), each a whole `netpace import` process into an empty
    database, taken in turn (A B A B) so that the machine's speed lands on both alike."""
    import random
    import statistics

    from netpace.store import open_store

    from .bench_linkedin_export import write_export

    vcards = Row(f"import {cards.count:,} vCards (`netpace import vcard FILE`, empty database)", "-", "<= 10 s")
    linkedin = Row(f"import a LinkedIn export zip: {LINKEDIN_CONNECTIONS:,} connections, {LINKEDIN_MESSAGES:,} "
                   "messages (`netpace import ZIP`, empty database)", "the vCards import, same run", "<= 10 s")
    if not import_available():
        vcards.verdict = linkedin.verdict = "not available yet"
        return [vcards, linkedin], []
    times: dict[str, list[float]] = {"vcards": [], "linkedin": []}
    with tempfile.TemporaryDirectory(prefix="netpace-bench-import-") as folder:
        root = Path(folder)
        export = root / "Basic_LinkedInDataExport_11-26-2026.zip"
        write_export(export, LINKEDIN_CONNECTIONS, LINKEDIN_MESSAGES, random.Random(13))
        for n in range(runs):
            for name, what in (("vcards", ["vcard", str(cards.combined)]), ("linkedin", [str(export)])):
                db = root / f"{name}{n}.db"
                times[name].append(run_process([tool("netpace"), "--db", str(db), "--now", NOW, "import", *what]))
                if n == 0:
                    with open_store(db) as store:
                        imported = len(store.contacts())
                    want = cards.count if name == "vcards" else LINKEDIN_CONNECTIONS
                    if imported != want:
                        raise Failed(f"the {name} import made {imported} contacts, not {want}")
    v, li = statistics.median(times["vcards"]), statistics.median(times["linkedin"])
    vcards.measured, vcards.verdict = seconds(v), verdict(v <= 10)
    linkedin.measured, linkedin.baseline_figure, linkedin.ratio = seconds(li), seconds(v), f"{li / v:.2f}x"
    linkedin.verdict = verdict(li <= 10)
    notes = [f"Imports, in turn: vCards {', '.join(f'{t:.2f}' for t in times['vcards'])} s; LinkedIn export "
             f"{', '.join(f'{t:.2f}' for t in times['linkedin'])} s."]
    return [vcards, linkedin], notes


# -- TUI rows -----------------------------------------------------------------------------
# To wire them once the TUI is merged: `tui_command` returns the command that opens it on
# the big network and `tui_known_name` the text that proves the contact list is visible;
# `tui_rows` then times launch and peak memory against the bare app with no other change.
# Keystroke and quick-capture need the TUI's keys: use terminal.Terminal (send_keys /
# type_text, then wait_for the text that should appear) and fill in those two rows.

def tui_available() -> bool:
    return importlib.util.find_spec("netpace.ui") is not None


def tui_command(net: data.Network) -> list[str]:
    return [tool("netpace"), "--db", str(net.db), "--now", NOW]


def compile_netpace() -> None:
    """Compile netpace's bytecode, as `pip install` does: a source checkout run on a
    machine with PYTHONDONTWRITEBYTECODE set would otherwise compile every module at each
    launch (about 40 ms here), which no installed copy does. Textual is compiled already."""
    import compileall

    import netpace

    compileall.compile_dir(Path(netpace.__file__).parent, quiet=1)


def tui_known_name(net: data.Network, now: str = NOW) -> str:
    """A plain name the contact list shows first: the most urgent contact in triage order."""
    import json

    done = subprocess.run([tool("netpace"), "--db", str(net.db), "triage", "--json", "--now", now],
                          capture_output=True, text=True, check=True)
    for item in json.loads(done.stdout):
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9 .'-]{2,30}", item["name"]):
            return item["name"]
    raise Failed("no plain name in the triage list to wait for")


def tui_rows(net: data.Network, runs: int) -> list[Row]:
    from . import tui

    launch = Row("launch to contact list visible, 10k / 200k (tmux, 120x40)",
                 "a bare Textual app (Header, one Static, Footer) to visible", "<= 1.5x")
    memory = Row("peak memory of the TUI at 10k / 200k (VmHWM: launches + 1 s, and through filtering and captures)",
                 "the bare Textual app", "<= 250 MB")
    keystroke = Row("keystroke in the filter to repainted list, 10k contacts (tmux, p95)", "the same on 100 contacts",
                    "p95 <= 50 ms", verdict=TUI_MISSING)
    capture = Row("quick-capture save to gauge updated, 10k / 200k (tmux: enter to new gauge on screen, median)",
                  "-", "<= 30 ms", verdict=TUI_MISSING)
    notes: list[str] = []
    bare = [sys.executable, str(BARE_APP)]
    bare_text = "bare Textual app ready"
    launch_to_visible(bare, bare_text)  # warm up

    def bare_launch():
        result = launch_to_visible(bare, bare_text, settle=1.0)
        bare_peaks.append(result.peak_bytes)
        return result.seconds

    bare_peaks: list[int] = []
    measures = {"baseline": bare_launch}
    if tui_available():
        command, name = tui_command(net), tui_known_name(net)
        tui_peaks: list[int] = []

        def tui_launch():
            result = launch_to_visible(command, name, settle=1.0)
            tui_peaks.append(result.peak_bytes)
            return result.seconds

        launch_to_visible(command, name)  # warm up
        notes.extend(first_launches(net, name, runs))
        prime_standings(net, name)
        measures["measured"] = tui_launch
    found = interleaved(runs, **measures)
    b = found["baseline"].median
    launch.baseline_figure = seconds(b)
    memory.baseline_figure = megabytes(max(bare_peaks))
    if "measured" not in found:
        launch.verdict = memory.verdict = TUI_MISSING
        return [launch, keystroke, capture, memory], notes
    m = found["measured"].median
    launch.measured, launch.ratio, launch.verdict = seconds(m), f"{m / b:.2f}x", verdict(m / b <= 1.5)
    notes.append(f"Launch: {ms_list(found['measured'].values)} vs bare {ms_list(found['baseline'].values)}.")

    small = data.network(100, 2_000)
    seen = tui.interactive(net, small, tui_command, tui_known_name, runs)
    k, k0 = seen.big.p95, seen.small.p95
    keystroke.measured, keystroke.baseline_figure = milliseconds(k), milliseconds(k0)
    keystroke.ratio, keystroke.verdict = f"{k / k0:.2f}x", verdict(k <= 0.050)
    c = seen.captures.median
    capture.measured, capture.verdict = milliseconds(c), verdict(c <= 0.030)
    peak = max(max(tui_peaks), seen.peak_bytes)
    memory.measured, memory.ratio = megabytes(peak), f"{peak / max(bare_peaks):.1f}x"
    memory.verdict = verdict(peak <= 250 * 2**20)
    notes += [
        f"Filter keystrokes (typing {seen.typed['10k']!r} / {seen.typed['100']!r}, each key that changes the list): "
        f"10k {tui.describe(seen.big)}; 100 contacts {tui.describe(seen.small)}.",
        f"Quick capture: {tui.describe(seen.captures)}.",
        f"tmux overhead inside every figure: one `send-keys` spawn {tui.describe(seen.send)}; "
        f"one `capture-pane` poll (the polling floor) {tui.describe(seen.floor)}.",
        f"Peak memory: launches {megabytes(max(tui_peaks))}, after filtering and {len(seen.captures.values)} "
        f"captures {megabytes(seen.peak_bytes)}.",
    ]
    pilot = tui.inprocess_keystrokes(net, runs)
    notes.append(f"In-process (Pilot, headless, not a terminal) filter key to list updated and idle, 10k: "
                 f"{tui.describe(pilot)}.")
    return [launch, keystroke, capture, memory], notes


def standings_count(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as connection:
        found = connection.execute("SELECT COUNT(*) FROM contact_standing").fetchone()[0]
    connection.close()
    return found


def prime_standings(net: data.Network, name: str) -> None:
    """A session long enough for the app to keep its standings (as any real session is),
    so the launches measured after it are the everyday ones."""
    from .terminal import Terminal

    with Terminal(tui_command(net)) as term:
        term.wait_for(name)
        deadline = time.perf_counter() + 30
        while standings_count(net.db) != net.contacts:
            if time.perf_counter() > deadline:
                raise Failed("the app did not keep its standings within 30 s")
            time.sleep(0.2)
        term.send_keys("q")
        time.sleep(0.5)


def first_launches(net: data.Network, name: str, runs: int) -> list[str]:
    """Launch with no standings kept (the first launch on a database, or after an
    upgrade), and how many standings are still good a day and a week after a session."""
    import statistics
    from datetime import timedelta

    from netpace.clock import now_from
    from netpace.store import open_store, standings

    notes = []
    with tempfile.TemporaryDirectory(prefix="netpace-bench-first-") as folder:
        db = Path(folder) / "first.db"
        shutil.copyfile(net.db, db)
        with open_store(db) as store:
            store.models.standing.delete().execute()
        copy = data.Network(Path(folder), db, net.contacts, net.interactions, None)
        times = []
        for _ in range(runs):
            with open_store(db) as store:
                store.models.standing.delete().execute()
            times.append(launch_to_visible(tui_command(copy), name).seconds)
        notes.append(f"Launch with no standings kept (a database's first launch): {ms_list(times)}, "
                     f"median {seconds(statistics.median(times))}.")
        prime_standings(copy, name)
        notes.append(later_launch(copy, runs, 1, "the day after that session"))
        notes.append(later_launch(copy, runs, 7, "a week after that session"))
        with open_store(db) as store:
            for label, later in (("a day", timedelta(days=1)), ("a week", timedelta(days=7))):
                counts: dict = {}
                started = time.perf_counter()
                shown = standings.first_view(store, now_from(NOW) + later, counts)
                took = time.perf_counter() - started
                notes.append(f"Standings {label} after that session: {counts['kept']:,} still good, "
                             f"{counts['stale']:,} assessed again; the first view on the app's own thread "
                             f"{'took ' + seconds(took) if shown is not None else 'is skipped (full load)'}"
                             f"{'' if shown is not None else ', the launcher child computes it all the same'}.")
    return notes


def later_launch(net: data.Network, runs: int, days: int, label: str) -> str:
    """A launch `days` after the session that kept the standings (some have run out)."""
    import sqlite3
    import statistics

    morning = (dt.datetime.fromisoformat(NOW) + dt.timedelta(days=days)).isoformat(timespec="minutes")
    name = tui_known_name(net, morning)
    times = []
    for _ in range(runs):
        launched = net.folder / "later.db"
        with sqlite3.connect(net.db) as source, sqlite3.connect(launched) as target:
            source.backup(target)  # the session's standings, afresh for each launch
        source.close()
        target.close()
        times.append(launch_to_visible([tool("netpace"), "--db", str(launched), "--now", morning], name).seconds)
    return (f"Launch {label} (`--now {morning}`): {ms_list(times)}, "
            f"median {seconds(statistics.median(times))}.")


def milliseconds(value: float) -> str:
    return f"{value * 1000:.1f} ms"


def ms_list(values: list[float]) -> str:
    return ", ".join(f"{v * 1000:.0f}" for v in values) + " ms"


# -- the table ----------------------------------------------------------------------------

def table(rows: list[Row]) -> str:
    lines = ["| what | baseline | measured | baseline figure | ratio | bar | pass/fail |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r.what} | {r.baseline} | {r.measured} | {r.baseline_figure} | {r.ratio} | {r.bar} | {r.verdict} |")
    return "\n".join(lines)


def machine() -> str:
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} cores, {platform.machine()}, Linux {platform.release()}, "
            f"Python {platform.python_version()}, SQLite {__import__('sqlite3').sqlite_version}; "
            f"load average (1/5/15 min) {load}")


def write_readme(block: str) -> None:
    text = README.read_text(encoding="utf-8")
    inner = f"{BEGIN}\n{block}\n{END}"
    if BEGIN in text and END in text:
        text = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END), lambda _: inner, text, flags=re.S)
    else:
        text = text.rstrip("\n") + f"\n\n{inner}\n"
    README.write_text(text, encoding="utf-8")


ROWS = ("triage", "assess", "list", "import", "tui", "postgres")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 runs per row instead of 5")
    parser.add_argument("--runs", type=int, help="runs per row (median over these)")
    parser.add_argument("--only", help=f"comma-separated rows among {', '.join(ROWS)}")
    parser.add_argument("--no-readme", action="store_true", help="print the table only")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 5)
    only = set(args.only.split(",")) if args.only else set(ROWS)
    unknown = only - set(ROWS)
    if unknown:
        parser.error(f"unknown rows: {', '.join(sorted(unknown))}")

    started = time.perf_counter()
    load_before = machine()
    compile_netpace()
    net = data.network()
    print(f"network: {net.db}" + (f" (built in {net.built_seconds:.1f} s)" if net.built_seconds else " (cached)"),
          file=sys.stderr)
    cards = data.vcards(net) if only & {"list", "import"} else None

    rows: list[Row] = []
    notes: list[str] = []

    def tui() -> list[Row]:
        found, said = tui_rows(net, runs)
        notes.extend(said)
        return found

    def postgres() -> list[Row]:
        from . import postgres as on_server

        found, said = on_server.rows(net, runs, Row, seconds, milliseconds, tui_command, tui_known_name)
        notes.extend(said)
        return found

    def _imports() -> list[Row]:
        found, said = import_rows(cards, runs)
        notes.extend(said)
        return found

    def _with_notes(found, into):
        row, said = found
        into.extend(said)
        return [row]

    plan = [
        ("tui", tui),
        ("triage", lambda: [triage_row(net, runs)]),
        ("assess", lambda: _with_notes(assess_row(net, runs), notes)),
        ("list", lambda: [list_row(net, cards, runs)]),
        ("import", lambda: _imports()),
        ("postgres", postgres),
    ]
    for name, measure in plan:
        if name not in only:
            continue
        print(f"measuring {name} ...", file=sys.stderr)
        try:
            rows.extend(measure())
        except (Failed, NotVisible, subprocess.CalledProcessError) as error:
            rows.append(Row(name, "-", "-", verdict=f"error: {error}".replace("\n", " ")[:200]))
    block = "\n".join([
        table(rows),
        "",
        f"Measured {dt.date.today().isoformat()} with `python -m tests.benchmarks"
        f"{' --quick' if args.quick else ''}{f' --runs {args.runs}' if args.runs else ''}`: "
        f"medians of {runs} runs, each row interleaved with its baseline "
        f"({time.perf_counter() - started:.0f} s in all).",
        f"Machine: {load_before} at the start; {os.getloadavg()[0]:.2f} (1 min) at the end.",
        *(["", *(f"- {note}" for note in notes)] if notes else []),
    ])
    print(block)
    if not args.no_readme and only == set(ROWS):
        write_readme(block)
        print(f"(written to {README})", file=sys.stderr)
    elif not args.no_readme:
        print(f"({README} not updated: only a full run writes it)", file=sys.stderr)
    return 0
