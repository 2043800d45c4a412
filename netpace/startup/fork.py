"""The quick launch's first half: a child process, forked before anything heavy is
imported, reads the list as the last session kept it (startup.kept_list) while the
parent imports Textual; its answer comes back through a pipe.

`plain_launch` says which command lines this serves (only `--db` and `--now`); the entry
point (netpace.__main__) decides. This module imports only the standard library, and
little of it.
"""

from __future__ import annotations

import os
import sys

EXIT_FAILURE = 1
EXIT_INTERRUPTED = 130

# Give up on the child after this long and let the CLI open the database (it waits for a
# lock as long as the store's busy timeout, then says so).
CHILD_TIMEOUT = 15.0

_OPTIONS = ("--db", "--now")


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


def in_terminal() -> bool:
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


def unexpected(error: BaseException) -> str:
    """The sentence for an error nothing else handled (here and in the command line)."""
    from ..domain.text import printable

    return (f"netpace: unexpected error ({type(error).__name__}: {printable(str(error))}). "
            "Set NETPACE_DEBUG=1 to see details.")


class Child:
    """A forked process computing `kept_list.answer(db, now)`; its answer comes back
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
        """The child's answer (see kept_list.answer), or None if it failed, said
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

        without_server_drivers(["--db", db] if db else [])
        from . import kept_list

        data = marshal.dumps(kept_list.answer(db, now_text))
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        code = 0
    except BaseException:  # any failure is just "no answer": the CLI takes over
        pass
    finally:
        os._exit(code)


_SERVER_URLS = ("postgresql://", "postgres://")


def without_server_drivers(args: list[str]) -> None:
    """For the `netpace` process's own command line (and the launch's child, given its
    one database as `--db`): when no argument (and not $NETPACE_DB) names a PostgreSQL
    server, the command works on files only, and Peewee, imported later, need not load the drivers it looks for when they are installed
    (psycopg's import is about a quarter of a second of every command on this machine).
    Anything that merely looks like a server URL (a note quoting one) leaves them be.
    Not for a caller in a longer-lived process: the drivers stay out of it for good."""
    values = [os.environ.get("NETPACE_DB", "")]
    for arg in args:
        values.append(arg)
        if arg.startswith("-") and "=" in arg:
            values.append(arg.partition("=")[2])
    if any(value.lower().startswith(_SERVER_URLS) for value in values):
        return
    for name in ("psycopg", "psycopg2", "psycopg2cffi"):
        sys.modules.setdefault(name, None)  # `import` then raises ImportError: Peewee goes without
