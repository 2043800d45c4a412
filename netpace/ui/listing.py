"""The contact list's rows, search keys and sort orders, prepared once per network.

Built off the UI thread (in the worker that reads the network), then kept: a change to one
contact replaces that contact's entry and moves it within each sorted order (a bisect),
instead of re-cleaning, re-folding and re-sorting 10,000 rows on the UI thread.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date
from typing import Callable, Sequence

from ..domain.fuzzy import Haystack, haystack
from ..domain.model import Assessment, Contact, ContactSummary, Reasons
from ..domain.text import one_line
from .sorting import SortOrder, sort_key
from .widgets.contact_list import Row
from .words import status_words


def line(text: str) -> str:
    """one_line(text), skipping its three regex passes for text that is already one clean line."""
    if text.isprintable() and "  " not in text and text == text.strip():
        return text
    return one_line(text)


def make_entry(summary: ContactSummary, today: date) -> tuple[Row, Haystack]:
    c = summary.contact
    name, company = line(c.name), line(c.company)
    return Row(c.id, name, company, summary, status_words(c, today)), haystack(name, company, c.tags)


class Listing:
    """Rows and haystacks for every summary; sorted views computed on demand and cached."""

    def __init__(self, summaries: Sequence[ContactSummary], today: date,
                 entries: dict[int, tuple[Row, Haystack]] | None = None) -> None:
        self.today = today
        self.entries = entries if entries is not None else {
            s.contact.id: make_entry(s, today) for s in summaries}
        self._orders: dict[SortOrder, tuple[list, list[Row], list[Haystack]]] = {}

    def view(self, order: SortOrder) -> tuple[list[Row], list[Haystack]]:
        """Rows and their haystacks in `order` (hidden contacts last)."""
        found = self._orders.get(order)
        if found is None:
            key = sort_key(order, self.today)
            keyed = sorted(((key(row.summary), row.id) for row, _ in self.entries.values()))
            rows = [self.entries[contact_id][0] for _, contact_id in keyed]
            hays = [self.entries[contact_id][1] for _, contact_id in keyed]
            found = self._orders[order] = ([k for k, _ in keyed], rows, hays)
        return found[1], found[2]

    def with_summary(self, summary: ContactSummary) -> "Listing":
        """A listing where `summary` replaces (or adds) its contact; the sorted views that
        were already computed are updated by moving that one row."""
        contact_id = summary.contact.id
        entries = dict(self.entries)
        entries[contact_id] = entry = make_entry(summary, self.today)
        result = Listing((), self.today, entries)
        for order, (keys, rows, hays) in self._orders.items():
            keys, rows, hays = list(keys), list(rows), list(hays)
            for at, row in enumerate(rows):
                if row.id == contact_id:
                    del keys[at], rows[at], hays[at]
                    break
            key = (sort_key(order, self.today)(summary), contact_id)
            at = _insert_at(keys, rows, key)
            keys.insert(at, key[0])
            rows.insert(at, entry[0])
            hays.insert(at, entry[1])
            result._orders[order] = (keys, rows, hays)
        return result


def _insert_at(keys: list, rows: list[Row], key: tuple) -> int:
    """Where (key, id) goes among the sorted (keys[i], rows[i].id)."""
    at = bisect_left(keys, key[0])
    while at < len(keys) and keys[at] == key[0] and rows[at].id < key[1]:
        at += 1
    return at


class FirstRows(Sequence[Row]):
    """The list's rows from the kept standings (store.first_row.FirstRow, in list order),
    made as they are drawn: only the screenful on show is ever built before the network
    itself replaces them. Their summaries hold only what the list draws. `unpack`, if
    given, makes each FirstRow from what `rows` hold (first_view.unpack)."""

    def __init__(self, rows: Sequence, today: date, unpack: Callable | None = None) -> None:
        self._rows = rows
        self._today = today
        self._unpack = unpack
        self._made: dict[int, Row] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._rows)))]
        if index < 0:
            index += len(self._rows)
        made = self._made.get(index)
        if made is None:
            first = self._rows[index]
            if self._unpack is not None:
                first = self._unpack(first)
            made = self._made[index] = _first_row(first, self._today)
        return made


def _first_row(first, today: date) -> Row:
    contact = Contact(name=first.name, id=first.id, company=first.company, status=first.status,
                      snoozed_until=first.snoozed_until)
    assessment = Assessment(first.pressure, first.zone, first.verdict, first.next_on, Reasons(()), None, 0, None, None)
    name, company = line(contact.name), line(contact.company)
    return Row(first.id, name, company, ContactSummary(contact, assessment), status_words(contact, today))
