"""Fuzzy matching over names, companies and tags, fast enough per keystroke at 10k rows.

Pure: no Textual. Each query word must appear in the row. Rows are ranked by how well
they match, best first: the name starts with the query ("maren" finds Maren Holt first),
a word of the name starts with each query word, the name holds it, a word of the company
or a tag starts with it, the company or a tag holds it. Only when nothing matches that
well do letters in order, scattered across a row, count. Rows keep their given order
within each rank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .text import fold, one_line

# Tiers, best first.
NAME_PREFIX, NAME_WORD, NAME_PART, OTHER_WORD, OTHER_PART, SCATTERED = range(6)
TIERS = 6

_WORD_START = r"(?:^|[\s\-_.@(/,'])"


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
        self.whole = " ".join(self.words)
        starts = [re.compile(_WORD_START + re.escape(w)) for w in self.words]
        scattered = [re.compile(".*?".join(re.escape(ch) for ch in w)) for w in self.words]
        self._word_patterns = list(zip(self.words, starts, scattered))

    def __bool__(self) -> bool:
        return bool(self.words)

    def tier(self, hay: Haystack) -> int | None:
        """The row's tier for this query (lower is better), or None when it doesn't match."""
        name, text = hay.name, hay.everything
        if name.startswith(self.whole):
            return NAME_PREFIX
        worst = NAME_WORD
        for word, start, scattered in self._word_patterns:
            if word in name:
                if start.search(name) is None:
                    worst = max(worst, NAME_PART)
            elif word in text:
                worst = max(worst, OTHER_WORD if start.search(text) is not None else OTHER_PART)
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
    """Indices of matching rows, best tier first, given order kept within a tier; rows
    that match only by scattered letters when nothing matches better."""
    tiers: list[list[int]] = [[] for _ in range(TIERS)]
    candidates = range(len(hays)) if within is None else within
    for index in candidates:
        tier = query.tier(hays[index])
        if tier is not None:
            tiers[tier].append(index)
    found = [index for tier in tiers[:SCATTERED] for index in tier]
    return found or tiers[SCATTERED]
