"""Click parameter types shared by the command modules (no imports of netpace's own)."""

from __future__ import annotations

from pathlib import Path

import click


class PathText(click.ParamType):
    """A file path as typed. Unlike click.Path it never stats the file while parsing
    (click's stat raises ValueError on a NUL byte); netpace checks files when it opens them."""

    name = "path"

    def convert(self, value, param, ctx):
        if isinstance(value, Path):
            return value
        if "\x00" in str(value):
            self.fail("a path can't contain a NUL byte.", param, ctx)
        return Path(value)
