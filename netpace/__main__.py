"""The `netpace` command's entry point: the everyday launch quickly, the rest through the CLI.

`netpace [--db PATH] [--now WHEN]` in a terminal is the launch people do every day. For it
a child process, forked before anything heavy is imported, opens the database and reads
the list as the last session left it (netpace.startup.fork, netpace.startup.kept_list),
while this process imports Textual: on two cores the two overlap, and the app draws the
list in its first frame (netpace.ui.run). The database is opened here only once that
frame is on screen.

Everything else goes through the CLI (netpace.cli), which opens the database itself and
says what is wrong in one sentence: other commands, `--help`, `--demo`, no terminal, and
every launch the child can't serve (no database yet, an older schema, no standings kept,
any problem at all). The CLI then does exactly what it would have done without the child.

This module sits above the CLI and the UI, which it starts; until it forks it imports
only the standard library (and netpace.startup.fork, which imports nothing else).
"""

from __future__ import annotations

import gc
import os
import sys

from .startup import fork


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if argv is None:  # the console command, a process of its own
        fork.without_server_drivers(args)
    plain = fork.plain_launch(args)
    if plain is not None and hasattr(os, "fork") and fork.in_terminal():
        if _quick_launch(*plain):
            return
    from . import cli

    cli.main(args)


def _quick_launch(db: str | None, now_text: str | None) -> bool:
    """Run the app with the child's first view; False (nothing shown) when it has none."""
    # The launch allocates hundreds of thousands of objects, none of them garbage: the
    # cyclic collector only costs time here. The app turns it back on once the list is
    # on screen (startup.preload.Preload.go), freezing what the launch made.
    gc.disable()
    try:
        child = fork.Child.start(db, now_text)
    except OSError:
        gc.enable()
        return False
    try:
        from .ui import run  # Textual, while the child reads

        return run.run_after_child(child, now_text, db)
    except KeyboardInterrupt:
        sys.stderr.write("netpace: interrupted.\n")
        sys.exit(fork.EXIT_INTERRUPTED)
    except Exception as error:  # the last line of defence: one sentence, never a traceback
        if os.environ.get("NETPACE_DEBUG"):
            raise
        sys.stderr.write(fork.unexpected(error) + "\n")
        sys.exit(fork.EXIT_FAILURE)
    finally:
        child.close()
        gc.enable()


if __name__ == "__main__":
    main()
