"""Bringing a network in: one reader per format, one shared merge step.

Readers (one module per format) turn a file into plain records (`records.py`); the
merge step (`merge.py`) matches them to stored contacts and writes them; `runner.py`
ties the two together for one file; `linkedin_export.py` does it for the three files of
LinkedIn's export in one transaction; `sniff.py` tells a path's format from its first
bytes; `auto.py` imports one path in a format given or guessed; `report.py` says what
happened.
"""

from .auto import ALL_FORMATS, PathResult, describe_path, import_path
from .errors import ImportFailure, NeedsOption, Unreadable
from .records import ImportOptions, NoProgress, Progress
from .report import describe
from .runner import FORMATS, NEEDS_MY_ADDRESS, FileResult, check_options, import_file
from .sniff import LINKEDIN_EXPORT, Guess, Unrecognised, guess_format

__all__ = [
    "ALL_FORMATS",
    "FORMATS",
    "Guess",
    "LINKEDIN_EXPORT",
    "PathResult",
    "Unrecognised",
    "describe_path",
    "guess_format",
    "import_path",
    "NEEDS_MY_ADDRESS",
    "FileResult",
    "ImportFailure",
    "ImportOptions",
    "NeedsOption",
    "NoProgress",
    "Progress",
    "Unreadable",
    "check_options",
    "describe",
    "import_file",
]
