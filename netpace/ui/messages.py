"""What the store workers send back to the UI: frozen dataclasses wrapped in Messages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from textual.message import Message

from ..domain.model import ContactSummary, Interaction
from ..domain.thresholds import DAILY_CHECK_INS
from .weekly import Weekly

if TYPE_CHECKING:
    from .listing import Listing
from .words import TimelineEntry


@dataclass(frozen=True, slots=True)
class Network:
    """Every contact with its assessment, most urgent first, as of `now`."""

    summaries: tuple[ContactSummary, ...]
    now: datetime
    marker: tuple
    listing: "Listing | None" = None  # rows, search keys and sorted views, prepared off the UI thread
    budget: int = DAILY_CHECK_INS  # check-ins and reconnects in today's queue (domain.queue)


@dataclass(frozen=True, slots=True)
class Detail:
    """One contact in full: the summary, its history, the timeline and weekly counts."""

    summary: ContactSummary
    interactions: tuple[Interaction, ...]
    entries: tuple[TimelineEntry, ...]
    weekly: Weekly
    now: datetime

    @property
    def contact_id(self) -> int:
        return self.summary.contact.id


@dataclass(frozen=True, slots=True)
class Change:
    """One contact changed because of something the user did here (`detail` None: they
    went); with `reload`, others changed or went too, and the network is read again."""

    detail: Detail | None
    note: str
    marker: tuple
    reload: bool = False


class NetworkLoaded(Message):
    def __init__(self, network: Network) -> None:
        super().__init__()
        self.network = network


class FirstViewLoaded(Message):
    """The list's rows from the standings kept by the last launch (see store.standings),
    most urgent first: shown until the network itself has loaded."""

    def __init__(self, rows: list, total: int, now: datetime, unpack=None) -> None:
        super().__init__()
        self.rows = rows
        self.total = total  # contacts in the network (the rows are only the first of them)
        self.now = now
        self.unpack = unpack  # makes a FirstRow of each row (listing.FirstRows), if they aren't


class DetailLoaded(Message):
    def __init__(self, detail: Detail) -> None:
        super().__init__()
        self.detail = detail


class ContactChanged(Message):
    def __init__(self, change: Change) -> None:
        super().__init__()
        self.change = change


class SummaryChanged(Message):
    """A save changed this contact's assessment (sent before the rest of the change)."""

    def __init__(self, summary: ContactSummary, now: datetime) -> None:
        super().__init__()
        self.summary = summary
        self.now = now


class StoreFailed(Message):
    """A store error, as the one sentence the store gave."""

    def __init__(self, sentence: str, *, write: bool = False) -> None:
        super().__init__()
        self.sentence = sentence
        self.write = write  # from a write worker (which then sends no ContactChanged)


class ServerNotified(Message):
    """The database server said another connection's write committed (store.watch_changes)."""


class ServerConnection(Message):
    """The app's connection to the database server was lost, or is back."""

    def __init__(self, up: bool, sentence: str) -> None:
        super().__init__()
        self.up = up
        self.sentence = sentence


class ExternalChange(Message):
    """Another process changed the database: time to reload."""

    def __init__(self, marker: tuple | None = None) -> None:
        super().__init__()
        self.marker = marker  # the change marker the poll saw
