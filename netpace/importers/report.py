"""What an import did, in words: every skip with file:line and reason, the file's notes,
then the totals."""

from __future__ import annotations

from .records import Skip
from .runner import FileResult


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _in_file_order(skip: Skip) -> tuple:
    return (0, skip.where, "") if isinstance(skip.where, int) else (1, 0, str(skip.where))


def describe(result: FileResult) -> list[str]:
    """Lines for the user; the last one is the file's summary."""
    if result.error is not None:
        return [result.error]
    outcome = result.outcome
    assert outcome is not None
    # In file order: the merge step's own skips (an ambiguous name) come after the reader's.
    skips = sorted(outcome.skips, key=_in_file_order)
    lines = [f"  {result.path}:{skip.where}: {skip.reason}" for skip in skips]
    lines += [f"{result.path}: {note}" for note in outcome.notes]
    verb = "would be " if result.dry_run else ""
    summary = (
        f"{result.path}: {_plural(outcome.contacts_added, 'contact')} {verb}added, "
        f"{outcome.contacts_merged:,} {verb}merged, {outcome.contacts_known:,} unchanged; "
        f"{_plural(outcome.interactions_added, 'interaction')} {verb}added, "
        f"{outcome.interactions_known:,} already there; {len(outcome.skips):,} skipped."
    )
    if result.dry_run:
        summary += " Dry run: nothing was written."
    lines.append(summary)
    return lines
