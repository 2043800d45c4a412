"""Python's cycle collector set aside while an import runs.

An import builds a few hundred thousand objects (rows, records, drafts) that all live
until it ends. The collector walks every live object again each time the heap has grown
by a quarter, so on a large export it spent about a seventh of the import's time finding
nothing to free. It is switched off for the import and back on afterwards; reference
counting still frees everything that is not part of a cycle, and the collector gathers
what is left when it runs again.
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
    """Pause the cycle collector until the last of the imports running in this process
    ends (the app may import in a worker while the command line does not)."""
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
