"""Python's cycle collector set aside while netpace builds many objects at once.

An import, a whole-network read and a one-shot command each build a few hundred thousand
small objects (rows, records, histories, assessments) that all live until the work ends.
The collector walks every live object again each time the heap has grown by a quarter,
so it spent a seventh of a large import's time, and a third of a whole-network read's,
finding nothing to free. It is switched off for that work and back on afterwards;
reference counting still frees everything that is not part of a cycle, and the
collector gathers what is left when it runs again.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_running = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector until the last of the pauses in this process ends (the
    app reads the network in one worker while it may import in another)."""
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _was_enabled:
                gc.enable()
