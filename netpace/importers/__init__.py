"""Bringing a network in: one reader per format, one shared merge step.

Readers (one module per format) turn a file into plain records (`records.py`); the
merge step (`merge.py`) matches them to stored contacts and writes them; `runner.py`
ties the two together for one file; `report.py` says what happened.
"""

from .errors import ImportFailure, NeedsOption, Unreadable
from .records import ImportOptions, NoProgress, Progress
from .report import describe
from .runner import FORMATS, NEEDS_MY_ADDRESS, FileResult, check_options, import_file

__all__ = [
    "FORMATS",
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
