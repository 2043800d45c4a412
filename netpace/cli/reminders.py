"""Reminders outside the app: a desktop notification of today's queue (`triage --notify`)."""

from __future__ import annotations

import shutil
import subprocess

NOTIFIER = "notify-send"
NOTIFY_SECONDS = 10  # a notification daemon that doesn't answer is not worth waiting on


def notify_desktop(line: str) -> bool:
    """Show `line` as a desktop notification through notify-send, where it exists; True
    when it was handed over. Nothing happens (and nothing is said) without it: a cron job
    on a machine without a desktop still gets the line in its mail."""
    from ..domain.text import one_line

    program = shutil.which(NOTIFIER)
    if program is None:
        return False
    try:
        done = subprocess.run([program, "--app-name=netpace", "netpace", one_line(line)],
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              timeout=NOTIFY_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0
