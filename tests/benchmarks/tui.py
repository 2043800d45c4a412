"""The TUI rows that need the app's keys: filter keystrokes and quick capture, in tmux.

Both drive the real app in a private tmux server (terminal.Terminal) on a copy of the
network (quick capture writes to it), and time from the moment a key is sent to the
moment `tmux capture-pane` first shows the expected screen. Each figure therefore holds
one `tmux send-keys` (a process spawn) and up to one polling period of capture-pane; the
polling floor (what one capture-pane round trip costs) is measured alongside and
reported, and the 100-contact baseline carries the same overhead.

The expected screen after each keystroke is computed beforehand with the app's own pure
sorting and fuzzy-matching code (netpace.ui.sorting, netpace.domain.fuzzy, no Textual): the
list's title "Contacts N of T" and the name on the list's first row.

`inprocess_keystrokes` complements it with an in-process Pilot measurement (clearly not
what a user sees: no terminal, headless), from the key to the list holding the new rows.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import data
from .data import NOW
from .terminal import NotVisible, Terminal
from .timing import Samples


@dataclass(frozen=True)
class Step:
    key: str
    count: int  # rows shown after this key
    top: str  # the name on the first row after this key
    timed: bool  # whether the screen differs from the step before (else it can't be seen)


@dataclass
class Session:
    """One app open on one network copy, driven through many keystrokes."""

    label: str
    term: Terminal
    total: int
    name: str
    steps: list[Step]
    keystrokes: Samples = field(default_factory=Samples)


def copy_network(net: data.Network, folder: Path) -> Path:
    if "://" in str(net.db):  # a PostgreSQL database (benchmarks/postgres.py): a throwaway one already
        return net.db
    target = folder / f"copy-{net.contacts}.db"
    shutil.copyfile(net.db, target)
    return target


def app_rows(db: Path) -> tuple[list[str], list]:
    """Names and haystacks in the list's order (urgency), as the app computes them."""
    from netpace.clock import now_from
    from netpace.domain.text import one_line
    from netpace.store import open_store
    from netpace.domain.fuzzy import haystack
    from netpace.ui.sorting import SortOrder, sort_summaries

    now = now_from(NOW)
    with open_store(db) as store:
        summaries = store.summaries(now, include_hidden=True)
    ordered = sort_summaries(summaries, SortOrder.URGENCY, now.date())
    names = [one_line(s.contact.name) for s in ordered]
    hays = [haystack(one_line(s.contact.name), one_line(s.contact.company), s.contact.tags) for s in ordered]
    return names, hays


def plan_typing(text: str, names: list[str], hays: list) -> list[Step]:
    from netpace.domain.fuzzy import Query, filter_rows

    steps, before = [], (len(names), names[0] if names else "")
    for end in range(1, len(text) + 1):
        shown = filter_rows(Query(text[:end]), hays)
        state = (len(shown), names[shown[0]] if shown else "")
        steps.append(Step(text[end - 1], state[0], state[1], state != before and state[0] < len(names)))
        before = state
    return steps


def first_row(screen: str) -> str:
    """The contact list's first row: line 3 (border, filter line, row), left pane."""
    lines = screen.splitlines()
    return lines[2] if len(lines) > 2 else ""


def top_matches(screen: str, name: str) -> bool:
    """The first row shows `name` (possibly cropped with an ellipsis to fit the company)."""
    cell = first_row(screen)[2:].split("  ")[0].split(" … ")[0].rstrip("…").strip()
    return len(cell) >= 3 and name.startswith(cell)


def title_text(count: int, total: int) -> str:
    return f"Contacts {count} of {total} ·" if count != total else f"Contacts {total} ·"


def wait_until(term: Terminal, check, timeout: float = 10.0, poll: float = 0.001) -> float:
    """The moment `check(screen)` first holds (poll: sleep between capture-pane calls)."""
    deadline = time.perf_counter() + timeout
    while True:
        screen = term.screen()
        now = time.perf_counter()
        if check(screen):
            return now
        if now > deadline:
            raise NotVisible(f"the expected screen did not come within {timeout:.0f} s; the screen:\n{screen}")
        time.sleep(poll)


def open_session(label: str, command: list[str], total: int, name: str, steps: list[Step]) -> Session:
    term = Terminal(command)
    term.start()
    try:
        term.wait_for(name)
        # The list itself, not the first view drawn from kept standings (" · loading…"),
        # and the standings written after the load: typing starts on a settled app.
        wait_until(term, lambda s: title_text(total, total) in s and "loading…" not in s)
        time.sleep(3.0)
    except BaseException:
        term.close()
        raise
    return Session(label, term, total, name, steps)


def type_round(session: Session) -> None:
    """`/`, the name char by char (timing each key that changes the list), then escape."""
    term = session.term
    term.send_keys("/")
    time.sleep(0.1)  # the filter takes focus (nothing on screen to wait for)
    for step in session.steps:
        sent = term.type_text(step.key)
        want_title = title_text(step.count, session.total)

        def shown(screen: str, step=step, want_title=want_title) -> bool:
            return want_title in screen and top_matches(screen, step.top)

        seen = wait_until(term, shown)
        if step.timed:
            session.keystrokes.values.append(seen - sent)
        time.sleep(0.03)  # a fast typist's pace, and no backlog carried into the next key
    term.send_keys("Escape")
    wait_until(term, lambda s: title_text(session.total, session.total) in s)
    time.sleep(0.05)


def polling_floor(term: Terminal, n: int = 40) -> Samples:
    """What one `tmux capture-pane -p` round trip costs (the resolution of every figure)."""
    found = Samples()
    for _ in range(n):
        started = time.perf_counter()
        term.screen()
        found.values.append(time.perf_counter() - started)
    return found


def send_floor(term: Terminal, n: int = 20) -> Samples:
    """What one `tmux send-keys` costs (a process spawn, included in every figure)."""
    found = Samples()
    for _ in range(n):
        started = time.perf_counter()
        term._tmux("display-message", "-p", "-t", "bench", "x")
        found.values.append(time.perf_counter() - started)
    return found


_GAUGE = re.compile(r"pressure (\d+)\b(?! ->)")  # not the notification's "pressure 15 -> 46"
LEFT = 54  # the list pane's width at 120 columns: the detail starts after it


def gauge_state(screen: str) -> tuple[str, ...]:
    """The gauge as drawn: its verdict line ("Wait until ...") and "pressure N"; the
    first such line from the top (the gauge is above the timeline and notifications)."""
    lines = [line[LEFT:] for line in screen.splitlines()]
    for at, line in enumerate(lines):
        found = _GAUGE.search(line)
        if found:
            return (lines[at - 1].split("  ")[0].strip() if at else "", found.group(0))
    return ()


def header_name(screen: str) -> str:
    lines = screen.splitlines()
    return lines[0][LEFT:].strip() if lines else ""


def capture_once(session: Session, note: str, move: bool) -> float:
    """(`j` to the next contact first when `move`), `c`, type a note, enter: seconds from
    enter to the gauge showing the new assessment."""
    term = session.term
    if move:
        name = header_name(term.screen())
        term.send_keys("j")
        wait_until(term, lambda s: header_name(s) != name and bool(gauge_state(s)))
        time.sleep(0.3)  # the detail (timeline, history) finishes loading
    before = gauge_state(term.screen())
    if not before:
        raise NotVisible("no gauge on screen before the capture:\n" + term.screen())
    term.send_keys("c")
    wait_until(term, lambda s: "Log an interaction" in s)
    term.type_text(note)
    wait_until(term, lambda s: note in s)
    time.sleep(0.05)
    sent = term.send_keys("Enter")
    seen = wait_until(term, lambda s: "Log an interaction" not in s and gauge_state(s) not in ((), before))
    time.sleep(0.3)
    return seen - sent


def describe(samples: Samples) -> str:
    ordered = sorted(samples.values)
    return (f"n={len(ordered)} median {statistics.median(ordered) * 1000:.1f} ms, "
            f"p95 {samples.p95 * 1000:.1f} ms, max {ordered[-1] * 1000:.1f} ms")


@dataclass
class Interactive:
    big: Samples
    small: Samples
    floor: Samples
    send: Samples
    captures: Samples
    peak_bytes: int
    typed: dict[str, str]


def interactive(big: data.Network, small: data.Network, command, known_name, runs: int) -> Interactive:
    """Filter keystrokes on `big` and `small` (interleaved rounds), then quick captures on
    `big`; the app's peak memory through all of it."""
    with tempfile.TemporaryDirectory(prefix="netpace-bench-tui-") as folder:
        sessions = []
        try:
            for label, net in (("10k", big), ("100", small)):
                db = copy_network(net, Path(folder))
                copy = data.Network(Path(folder), db, net.contacts, net.interactions, None)
                name = known_name(copy)
                names, hays = app_rows(db)
                steps = plan_typing(name.lower(), names, hays)
                sessions.append(open_session(label, command(copy), len(names), name, steps))
            for round_ in range(runs):
                for session in sessions if round_ % 2 == 0 else reversed(sessions):
                    type_round(session)
            floor = polling_floor(sessions[0].term)
            send = send_floor(sessions[0].term)
            captures = Samples()
            big_session = sessions[0]
            for n in range(runs):
                captures.values.append(capture_once(big_session, f"bench note {n}", move=n > 0))
            peak = big_session.term.sample_memory()
        finally:
            for session in sessions:
                session.term.close()
    return Interactive(sessions[0].keystrokes, sessions[1].keystrokes, floor, send, captures, peak,
                       {s.label: s.name for s in sessions})


# -- in-process (Pilot): key -> list holding the new rows --------------------------------------

def inprocess_keystrokes(net: data.Network, runs: int) -> Samples:
    """Headless Pilot on a copy: each timed key from `pilot.press` until the app is idle
    again with the list's title updated. Not a terminal: a complement to the tmux figure."""
    return asyncio.run(_inprocess(net, runs))


async def _inprocess(net: data.Network, runs: int) -> Samples:
    from netpace.clock import now_from
    from netpace.store import open_store
    from netpace.ui.app import NetpaceApp
    from netpace.ui.widgets.contact_list import ContactList

    found = Samples()
    with tempfile.TemporaryDirectory(prefix="netpace-bench-pilot-") as folder:
        db = copy_network(net, Path(folder))
        names, hays = app_rows(db)
        steps = plan_typing(names[0].lower(), names, hays)
        store = open_store(db)
        try:
            app = NetpaceApp(store, now=now_from(NOW), poll_seconds=None)
            async with app.run_test(size=(120, 40)) as pilot:
                while app.network is None:
                    await pilot.pause(0.05)
                await pilot.pause(0.2)
                contact_list = app.screen.query_one(ContactList)
                for _ in range(runs):
                    await pilot.press("slash")
                    for step in steps:
                        started = time.perf_counter()
                        await pilot.press(step.key if step.key != " " else "space")
                        while len(contact_list.rows) != step.count:
                            await asyncio.sleep(0)
                        await pilot.pause()
                        if step.timed:
                            found.values.append(time.perf_counter() - started)
                    await pilot.press("escape")
                    await pilot.pause(0.05)
        finally:
            store.close()
    return found
