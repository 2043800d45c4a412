"""The network as the app holds it, made ready off the UI thread."""

from __future__ import annotations

import gc
from datetime import datetime

from .listing import Listing
from .messages import Network
from .sorting import SortOrder


def prepare_network(summaries, now: datetime, marker: tuple, budget: int) -> Network:
    """The network with its list rows, search keys and default order ready (worker side);
    `budget`: how many check-ins and reconnects today's queue holds."""
    listing = Listing(summaries, now.date())
    listing.view(SortOrder.URGENCY)
    network = Network(tuple(summaries), now, marker, listing, budget)
    # The network lives until the next reload: keep the cyclic collector from walking
    # its hundreds of thousands of objects on every later collection (on the UI thread).
    gc.collect()
    gc.freeze()
    return network
