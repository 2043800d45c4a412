"""Timing helpers: wall time of whole processes and of calls, interleaved with a
baseline so that load from anything else on the machine lands on both."""

from __future__ import annotations

import math
import os
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from typing import Callable


class Failed(Exception):
    """A measured command did not succeed: the row reports it instead of a figure."""


def run_process(command: list[str], env: dict | None = None) -> float:
    """Seconds from spawn to exit, output discarded. Raises Failed on a non-zero exit."""
    started = time.perf_counter()
    done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          env=None if env is None else {**os.environ, **env})
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        tail = done.stderr.decode(errors="replace").strip().splitlines()[-3:]
        raise Failed(f"`{' '.join(command[:4])} ...` exited {done.returncode}: {' / '.join(tail)}")
    return elapsed


def call(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


@dataclass
class Samples:
    values: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def p95(self) -> float:
        ordered = sorted(self.values)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def interleaved(runs: int, **measures: Callable[[], float]) -> dict[str, Samples]:
    """Run every measure `runs` times, alternating them (and their order each round),
    so a burst of load from elsewhere hits all of them alike."""
    found = {name: Samples() for name in measures}
    names = list(measures)
    for round_ in range(runs):
        for name in names if round_ % 2 == 0 else reversed(names):
            found[name].values.append(measures[name]())
    return found
