"""Fuzzy matching over names, companies and tags, fast enough per keystroke at 10k rows.

Pure: no Textual. Each query word must appear in the row, as a word start, a substring,
or at least as letters in order; rows keep their given order within each of those tiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .text import fold, one_line

# Tiers, best first.
WORD_START, SUBSTRING, SCATTERED = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Haystack:
    """What one row can be found by, folded once when the list loads."""

    name: str
    everything: str


def haystack(name: str, company: str = "", tags: Sequence[str] = ()) -> Haystack:
    folded_name = fold(one_line(name))
    rest = " ".join(fold(one_line(part)) for part in (company, *tags) if part)
    return Haystack(folded_name, f"{folded_name} {rest}" if rest else folded_name)


class Query:
    def __init__(self, text: str):
        self.words = tuple(fold(text).split())
        starts = [re.compile(r"(?:^|[\s\-_.@(/])" + re.escape(w)) for w in self.words]
        scattered = [re.compile(".*?".join(re.escape(ch) for ch in w)) for w in self.words]
        self._word_patterns = list(zip(self.words, starts, scattered))

    def __bool__(self) -> bool:
        return bool(self.words)

    def tier(self, hay: Haystack) -> int | None:
        """The row's tier for this query, or None when it doesn't match."""
        worst = WORD_START
        text = hay.everything
        for word, start, scattered in self._word_patterns:
            if word in text:
                if start.search(text) is None:
                    worst = max(worst, SUBSTRING)
            elif scattered.search(text) is not None:
                worst = SCATTERED
            else:
                return None
        return worst

    def positions(self, text: str) -> list[int]:
        """Character offsets in `text` to highlight (a best effort, for display only)."""
        folded = fold(text)
        if len(folded) != len(text):  # case folding changed the length: don't guess
            return []
        marked: set[int] = set()
        for word in self.words:
            at = folded.find(word)
            if at >= 0:
                marked.update(range(at, at + len(word)))
                continue
            cursor = 0
            for ch in word:
                at = folded.find(ch, cursor)
                if at < 0:
                    break
                marked.add(at)
                cursor = at + 1
        return sorted(marked)


def filter_rows(query: Query, hays: Sequence[Haystack], within: Sequence[int] | None = None) -> list[int]:
    """Indices of matching rows, best tier first, given order kept within a tier."""
    tiers: tuple[list[int], list[int], list[int]] = ([], [], [])
    candidates = range(len(hays)) if within is None else within
    for index in candidates:
        tier = query.tier(hays[index])
        if tier is not None:
            tiers[tier].append(index)
    return tiers[0] + tiers[1] + tiers[2]
