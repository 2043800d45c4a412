"""Files and folders only their owner can read: the database, its backups, the exports.

Everything netpace writes is personal data, so every file it creates is 0600 and every
folder it creates 0700 (folders that exist already are left as they are).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def make_private_folders(folder: Path) -> None:
    """Create `folder` and any missing parents, 0700 each."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for item in reversed(missing):
        item.mkdir(mode=0o700)
        os.chmod(item, 0o700)


def create_private_file(path: Path) -> None:
    """Create the empty file `path`, 0600; FileExistsError if it is there already."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def write_private(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all, readable by its owner only (0600)."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
