"""What an import did, in words: every skip with file:line and reason (a reason that
comes back many times once, with its first lines), the file's notes, then the totals."""

from __future__ import annotations

from dataclasses import dataclass

from .records import Skip
from .runner import FileResult

# A reason given for more rows than this is said once, with the first few of them: an
# export with hundreds of drafts reads as one line, not a wall.
ONE_BY_ONE = 5
FIRST_FEW = 5


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
    lines = _skip_lines(result, outcome.skips)
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


@dataclass(frozen=True)
class SkipLine:
    """One line of skips: a row and its reason, or (count > 1) a reason shared by many
    rows, said once where the first of them was, with the first few of them."""

    where: int | str
    reason: str
    count: int = 1
    first: tuple[int | str, ...] = ()
    all_lines: bool = True  # every one of them a line number (else "at" places)

    @property
    def rows(self) -> str:
        """'lines 205, 210, 221, 329, 449 and 498 more' (or 'at ...' for other places)."""
        noun = "lines" if self.all_lines else "at"
        return f"{noun} {', '.join(str(where) for where in self.first)} and {self.count - len(self.first):,} more"


def skip_lines(skips: list[Skip]) -> list[SkipLine]:
    """The skips in file order, one line each, except a reason given for more than
    ONE_BY_ONE rows: one line for them all, where the first of them was."""
    skips = sorted(skips, key=_in_file_order)
    by_reason: dict[str, list[Skip]] = {}
    for skip in skips:
        by_reason.setdefault(skip.reason, []).append(skip)
    lines = []
    for skip in skips:
        same = by_reason[skip.reason]
        if len(same) <= ONE_BY_ONE:
            lines.append(SkipLine(skip.where, skip.reason))
        elif skip is same[0]:
            lines.append(SkipLine(skip.where, skip.reason, len(same), tuple(other.where for other in same[:FIRST_FEW]),
                                  all(isinstance(other.where, int) for other in same)))
    return lines


def _skip_lines(result: FileResult, skips: list[Skip]) -> list[str]:
    return [
        f"  {result.path}:{line.where}: {line.reason}" if line.count == 1
        else f"  {result.path}: {line.count:,} skipped, {line.reason} ({line.rows})"
        for line in skip_lines(skips)
    ]
