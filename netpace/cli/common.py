"""What every command shares: the one error type, the database session, the path type,
the clock, JSON output. Imports nothing heavy: the commands take the store when they run."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import click

EXIT_USAGE = 2
EXIT_FAILURE = 1

DB_HELP = ("Database file, or a PostgreSQL URL postgresql://user@host/dbname (default: $NETPACE_DB, else the "
           "platform's data folder).")
NOW_HELP = "Pretend it is this time (any WHEN form), for planning or reproducible output."


class Problem(click.ClickException):
    """One sentence for the user, with the exit code it deserves (2: the command line,
    1: the rest) and any lines of detail under it. Control characters in it are shown
    as visible escapes. `prefix` starts the line ("netpace: ", or "Error: " for import
    and export, whose per-file errors read the same)."""

    def __init__(self, message: str, code: int = EXIT_FAILURE, details: tuple[str, ...] = (),
                 prefix: str = "netpace: "):
        super().__init__(message)
        self.exit_code = code
        self.details = details
        self.prefix = prefix

    def show(self, file=None) -> None:
        from ..domain.text import printable

        err = file or sys.stderr
        click.echo(f"{self.prefix}{printable(self.message)}", file=err)
        for line in self.details:
            click.echo(f"  {printable(line)}", file=err)


class SafeGroup(click.Group):
    """Click's own usage errors read as netpace's: "netpace: No such option: --colour."
    (exit 2) with where to find help under it, instead of click's "Usage: ... Error: ...".
    Click echoes some user text raw in its errors (e.g. "Got unexpected extra argument
    (...)"): any control characters in them become visible escapes too (Problem.show)."""

    @staticmethod
    def _ours(error: click.ClickException) -> click.ClickException:
        if isinstance(error, Problem) or not isinstance(error, click.UsageError):
            return error
        details = ()
        if error.ctx is not None:
            details = (f"`{error.ctx.command_path} --help` says how it is used.",)
        return Problem(error.format_message(), EXIT_USAGE, details)

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except click.ClickException as error:
            raise self._ours(error) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.ClickException as error:
            raise self._ours(error) from None


class PathText(click.ParamType):
    """A file path as typed, the one path type of every command. Unlike click.Path it
    never fails on a NUL byte (click's stat raises ValueError there) and checks only what
    it is asked to: `dir_okay=False` refuses an existing folder, `readable` an existing
    file this user can't read (in click.Path's words). netpace checks the rest when it
    opens the file."""

    def __init__(self, *, dir_okay: bool = True, readable: bool = False) -> None:
        self.dir_okay = dir_okay
        self.readable = readable
        self.name = "path" if dir_okay else "file"

    def convert(self, value, param, ctx):
        if isinstance(value, Path):
            return value
        if "\x00" in str(value):
            self.fail("a path can't contain a NUL byte.", param, ctx)
        path = Path(value)
        if self.dir_okay and not self.readable:
            return path
        try:
            found = os.stat(path)
        except OSError:
            return path
        shown = click.format_filename(value)
        if not self.dir_okay and stat.S_ISDIR(found.st_mode):
            self.fail(f"{self.name.title()} {shown!r} is a directory.", param, ctx)
        if self.readable and not os.access(path, os.R_OK):
            self.fail(f"{self.name.title()} {shown!r} is not readable.", param, ctx)
        return path


class DbText(PathText):
    """`--db`: a file path (as PathText), or a URL kept as typed: the store reads
    PostgreSQL's and refuses any other in one sentence (store.paths)."""

    def __init__(self) -> None:
        super().__init__()
        self.name = "path or URL"

    def convert(self, value, param, ctx):
        from ..store.paths import looks_like_url

        if isinstance(value, str) and looks_like_url(value):
            return value
        return super().convert(value, param, ctx)


def checked_path(path: Path, what: str) -> Path:
    """Paths holding a NUL byte can't name a file (the OS calls raise ValueError)."""
    if "\x00" in str(path):
        raise Problem(f"{what} contains a NUL byte; no file can have that name.", EXIT_USAGE)
    return path


def store_problem(error: Exception) -> Problem:
    """A store error as the Problem the user hears about."""
    from ..store.errors import AmbiguousName, NotFound, ValidationError
    from ..store.paths import BadLocation

    if isinstance(error, BadLocation):
        return Problem(str(error), EXIT_USAGE)
    if isinstance(error, (NotFound, AmbiguousName)):
        details = error.candidates
        if isinstance(error, NotFound) and details:
            details = ("Did you mean:",) + tuple(f"  {c}" for c in details)
        if isinstance(error, AmbiguousName):
            details = tuple(details) + ("Give the number (after #) instead of the name.",)
        return Problem(str(error), EXIT_USAGE, details)
    if isinstance(error, ValidationError):
        return Problem(str(error), EXIT_USAGE)
    return Problem(str(error), EXIT_FAILURE)


class Session:
    """The database of one command line: where it is (the one way netpace resolves it: a
    file's Path, or a PostgreSQL server's URL, whose str() masks any password), and the
    store, opened on first use, its errors turned into Problems, closed at exit."""

    def __init__(self, db_option: Path | str | None):
        self.db_option = db_option
        self._store = None

    @property
    def path(self):
        return location(self.db_option)

    def store(self, *, create: bool = False):
        """The store, opened on first use. Only commands that write pass `create`: on a
        path with no database the others say so and leave nothing behind (no file, no
        folder)."""
        if self._store is None:
            from ..store import StoreError, open_store
            from ..store.errors import NoNetwork

            path = self.path
            try:
                self._store = open_store(path, create=create)
            except NoNetwork as error:
                raise Problem(f"{str(error).rstrip('.')} (`netpace add NAME` or `netpace import` starts one).",
                              EXIT_FAILURE) from None
            except StoreError as error:
                raise store_problem(error) from None
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def location(option: Path | str | None, what: str = "The database path"):
    """Where `--db` (else $NETPACE_DB, else the default) says the database is: a Path or
    a store.paths.ServerUrl; a URL netpace can't use is a usage error (one sentence)."""
    from ..store.paths import BadLocation, is_server, resolve_db_path

    try:
        found = resolve_db_path(option)
    except BadLocation as error:
        raise Problem(str(error), EXIT_USAGE) from None
    return found if is_server(found) else checked_path(found, what)


def session(ctx: click.Context) -> Session:
    """The command line's Session (made here for a command invoked on its own, with the
    database path in `ctx.obj["db_path"]`)."""
    obj = ctx.ensure_object(dict)
    if "session" not in obj:
        obj["session"] = Session(obj.get("db_path"))
        ctx.call_on_close(obj["session"].close)
    return obj["session"]


def run(ctx: click.Context, action, *, create: bool = False):
    """Call `action(store)`, mapping store errors to one sentence and an exit code. Only a
    command that writes something new passes `create` (see Session.store)."""
    from ..store import StoreError

    try:
        return action(session(ctx).store(create=create))
    except StoreError as error:
        raise store_problem(error) from None


def now_option(text: str | None):
    """The time of `--now WHEN` (read through netpace.clock), else the real time."""
    from ..clock import now_from
    from ..domain.when import ACCEPTED_FORMS, WhenError

    try:
        return now_from(text)
    except WhenError:
        raise Problem(f"--now {text!r} is not a time netpace understands.", EXIT_USAGE,
                      (f"Use {ACCEPTED_FORMS}.",)) from None


def direction_options(command):
    """--out, --in and --both, which become one `direction` argument ("out", "in", "both"
    or None); giving two of them is a usage error, never silently the last one."""
    import functools

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        given = [value for value in ("out", "in", "both") if kwargs.pop(f"direction_{value}")]
        if len(given) > 1:
            shown = " and ".join(f"--{value}" for value in given)
            raise Problem(f"{shown} contradict each other: give one of --out, --in or --both.", EXIT_USAGE)
        return command(*args, direction=given[0] if given else None, **kwargs)

    for flag, text in reversed((("out", "You wrote to them."), ("in", "They wrote to you."),
                                ("both", "A meeting, call or conversation."))):
        wrapper = click.option(f"--{flag}", f"direction_{flag}", is_flag=True, help=text)(wrapper)
    return wrapper


def ask(question: str, *, default: bool, unanswered: str) -> bool:
    """A yes/no question on the terminal; no answer at all (end of input, ctrl+c) is a
    Problem saying `unanswered`, not click's bare "Aborted!"."""
    try:
        return click.confirm(question, default=default)
    except click.Abort:
        click.echo("", err=True)
        raise Problem(unanswered, EXIT_FAILURE) from None


def echo_json(value) -> None:
    """`value` as JSON on stdout, in the one style netpace writes JSON (netpace.json_text)."""
    from ..json_text import dumps  # json.dumps(value, ensure_ascii=False, indent=2), faster

    click.echo(dumps(value, indent=2))
