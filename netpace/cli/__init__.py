"""The command line: click commands, one module per group, registered here.

- `common.py`: what every command shares (the error type, the database session, the path
  type, the clock, JSON output);
- `root.py`: the `netpace` group itself (the app, `--demo`, `netpace demo`) and `main`;
- `contacts.py`: path, add, log, list, show, triage; `views.py`: their text output;
- `maintenance.py`: backup, restore; `transfer.py`: import, export.

Commands import the store, the importers and the UI when they run, so `netpace list`
loads no Textual and `netpace import` no reader it doesn't use.
"""

from . import contacts, maintenance, transfer
from .root import cli, main

for _command in (*contacts.COMMANDS, *maintenance.COMMANDS, *transfer.COMMANDS):
    cli.add_command(_command)

__all__ = ["cli", "main"]
