"""The command line: click commands, one module per group, registered here.

- `common.py`: what every command shares (the error type, the database session, the path
  type, the clock, JSON output);
- `root.py`: the `netpace` group itself (the app, `--demo`, `netpace demo`) and `main`;
- `contacts.py`: path, add, log, list, show, triage, budget, keep-in-touch; `views.py`:
  their text output;
- `contact_options.py`: the options of add and edit, checked by domain/validation.py;
- `people.py`: edit, delete, merge, snooze, archive, wake;
- `interactions.py`: interaction edit, interaction delete;
- `maintenance.py`: backup, restore, copy; `transfer.py`: import, export.

Commands import the store, the importers and the UI when they run, so `netpace list`
loads no Textual and `netpace import` no reader it doesn't use.
"""

from . import contacts, interactions, maintenance, people, transfer
from .root import cli, main

for _command in (*contacts.COMMANDS, *people.COMMANDS, *interactions.COMMANDS, *maintenance.COMMANDS, *transfer.COMMANDS):
    cli.add_command(_command)

__all__ = ["cli", "main"]
