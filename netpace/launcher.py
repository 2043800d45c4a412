"""The `netpace` command's entry point: the everyday launch quickly, the rest through the CLI.

`netpace [--db PATH] [--now WHEN]` in a terminal is the launch people do every day. For it
a child process, forked before anything heavy is imported, opens the database and reads
the list as the last session left it (`netpace.first_view`), while this process imports
Textual: on two cores the two overlap, and the app draws the list in its first frame. The
database is opened here only once that frame is on screen.

Everything else goes through the CLI (`netpace.cli`), which opens the database itself and
says what is wrong in one sentence: other commands, `--help`, `--demo`, no terminal, and
every launch the child can't serve (no database yet, an older schema, no standings kept,
any problem at all). The CLI then does exactly what it would have done without the child.

This module imports only the standard library, and little of it.
"""

from __future__ import annotations

import gc
import os
import sys

EXIT_FAILURE = 1
EXIT_INTERRUPTED = 130

# Give up on the child after this long and let the CLI open the database (it waits for a
# lock as long as the store's busy timeout, then says so).
CHILD_TIMEOUT = 15.0

_OPTIONS = ("--db", "--now")


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    plain = plain_launch(args)
    if plain is not None and hasattr(os, "fork") and _in_terminal():
        if _quick_launch(*plain):
            return
    from .cli import main as cli_main

    cli_main(args)


def plain_launch(args: list[str]) -> tuple[str | None, str | None] | None:
    """(db, now) when `args` are only `--db PATH` and `--now WHEN` (each at most once, as
    `--db PATH` or `--db=PATH`), else None: the CLI parses anything else."""
    found: dict[str, str] = {}
    at = 0
    while at < len(args):
        name, equals, value = args[at].partition("=")
        if name not in _OPTIONS or name in found:
            return None
        if not equals:
            at += 1
            if at == len(args):
                return None
            value = args[at]
        if not value or value.startswith("-"):
            return None
        found[name] = value
        at += 1
    return found.get("--db"), found.get("--now")


def _in_terminal() -> bool:
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


def _quick_launch(db: str | None, now_text: str | None) -> bool:
    """Run the app with the child's first view; False (nothing shown) when it has none."""
    # The launch allocates hundreds of thousands of objects, none of them garbage: the
    # cyclic collector only costs time here. The app turns it back on once the list is
    # on screen (ui.launch.Preload.go), freezing what the launch made.
    gc.disable()
    try:
        child = Child.start(db, now_text)
    except OSError:
        gc.enable()
        return False
    try:
        from .ui.launch import run_after_child  # Textual, while the child reads

        return run_after_child(child, now_text)
    except KeyboardInterrupt:
        sys.stderr.write("netpace: interrupted.\n")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as error:  # the last line of defence: one sentence, never a traceback
        if os.environ.get("NETPACE_DEBUG"):
            raise
        sys.stderr.write(unexpected(error) + "\n")
        sys.exit(EXIT_FAILURE)
    finally:
        child.close()
        gc.enable()


def unexpected(error: BaseException) -> str:
    """The sentence for an error nothing else handled."""
    from .domain.text import printable

    return (f"netpace: unexpected error ({type(error).__name__}: {printable(str(error))}). "
            "Set NETPACE_DEBUG=1 to see details.")


class Child:
    """A forked process computing `first_view.answer(db, now)`; its answer comes back
    through a pipe, marshalled."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid = pid
        self._fd = fd
        self._done = False

    @classmethod
    def start(cls, db: str | None, now_text: str | None) -> "Child":
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _child_main(write_end, db, now_text)
        os.close(write_end)
        return cls(pid, read_end)

    def answer(self, timeout: float = CHILD_TIMEOUT):
        """The child's answer (see first_view.answer), or None if it failed, said
        nothing or took longer than `timeout` seconds."""
        import marshal
        import select
        import time

        chunks: list[bytes] = []
        deadline = time.monotonic() + timeout
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self._fd], [], [], left)[0]:
                    return None
                chunk = os.read(self._fd, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
            return marshal.loads(b"".join(chunks)) if chunks else None
        except (OSError, EOFError, ValueError, TypeError):
            return None
        finally:
            self.close()

    def close(self) -> None:
        """Reap the child (killing it first if it is still at work)."""
        if self._done:
            return
        self._done = True
        os.close(self._fd)
        try:
            if os.waitpid(self.pid, os.WNOHANG) == (0, 0):
                import signal

                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass


def _child_main(fd: int, db: str | None, now_text: str | None) -> None:
    code = EXIT_FAILURE
    try:
        # Nothing of the child's may reach the terminal the app is about to draw on.
        quiet = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):
            os.dup2(quiet, stream)
        # Where the cores are busy, the app's own start comes first.
        os.nice(5)
        import marshal

        from .first_view import answer

        data = marshal.dumps(answer(db, now_text))
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        code = 0
    except BaseException:  # any failure is just "no answer": the CLI takes over
        pass
    finally:
        os._exit(code)
