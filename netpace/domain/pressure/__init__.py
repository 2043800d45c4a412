"""The pressure engine: how hard you are pushing a contact, and what to do next.

- `load`: the gauge (the weighted, decaying sum of what you sent) and its zones;
- `history`: what the engine reads of a contact's past;
- `decide`: the verdict rules; `reasons`: the sentences that explain them;
- `engine`: assessing one contact or the whole network;
- `standing`: a contact's place in the list, kept between launches;
- `order`: the list's sort key.

Every number lives in `thresholds`; nothing here reads the clock or does I/O.
"""

from .engine import assess, assess_histories, assess_history
from .history import (
    EMPTY_HISTORY,
    GIVING,
    WINDOW_DAYS,
    History,
    Item,
    Moment,
    digest,
    logged_order,
    ordered,
    planned_moments,
)
from .load import ZONE_STARTS, pressure_of, zone_of
from .order import TRIAGE_RANK, triage_key
from .standing import Standing, standing, standing_at

__all__ = [
    "EMPTY_HISTORY", "GIVING", "TRIAGE_RANK", "ZONE_STARTS", "WINDOW_DAYS", "History", "Item", "Moment", "Standing",
    "assess", "assess_histories", "assess_history", "digest", "logged_order", "ordered", "planned_moments",
    "pressure_of", "standing", "standing_at", "triage_key", "zone_of",
]
