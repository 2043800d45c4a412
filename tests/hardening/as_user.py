"""Runs netpace's real `main()` as an unprivileged user.

Tests run as root in CI containers, where file permissions stop nothing. This script
imports netpace (and what it needs) while still root, then, if root, drops to nobody
(uid/gid 65534) and runs `main(argv)`. Not root: it just runs `main(argv)`.

    python as_user.py ARGS...
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys


def _preload() -> None:
    # After dropping privileges the interpreter's own files may be out of reach
    # (e.g. a Python under /root): import everything netpace imports lazily first.
    import netpace

    for module in pkgutil.walk_packages(netpace.__path__, "netpace."):
        if not module.name.startswith("netpace.ui"):
            importlib.import_module(module.name)
    import json  # noqa: F401
    import sqlite3  # noqa: F401

    import pendulum

    pendulum.now(pendulum.local_timezone())


def main() -> None:
    _preload()
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)
    from netpace.cli import main as netpace_main

    netpace_main(sys.argv[1:])


if __name__ == "__main__":
    main()
