"""The LinkedIn export fixtures (tests/fixtures/linkedin_export/), and zips made from them.

The folders are the exports as they unpack; `zip_folder` packs one the way LinkedIn
hands it out (every file at the zip's root, folders as `Jobs/...`), byte for byte the
same each time.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

EXPORTS = Path(__file__).parent / "fixtures" / "linkedin_export"
CURRENT = EXPORTS / "Basic_LinkedInDataExport_11-26-2026"  # 2023+ layout, Invitations.csv
OLDER = EXPORTS / "Basic_LinkedInDataExport_03-10-2021"  # 2021 layout: no URLs in Connections/TO
OWNER = "https://www.linkedin.com/in/dana-whitfield"


def zip_folder(folder: Path, dest: Path, *, inside: str = "", extra: dict[str, bytes] | None = None) -> Path:
    """`folder`'s files in a zip at `dest` (under `inside/` if given), plus `extra` members."""
    members = {
        inside + path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    members.update(extra or {})
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 26, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return dest
