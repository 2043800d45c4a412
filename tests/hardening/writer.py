"""Logs COUNT interactions with one contact, one transaction each, printing each id after
its commit (flushed): the test's record of what "returned". The i-th is logged at AT (an ISO
moment) plus i milliseconds, so no run depends on the day it runs.

    python writer.py DB CONTACT_ID COUNT TAG AT
"""

from __future__ import annotations

import sys

import pendulum

from netpace.domain.model import Channel, Direction, Interaction, Kind
from netpace.store import open_store


def main() -> None:
    db, contact_id, total, tag, at = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
    start = pendulum.parse(at, tz="UTC")
    with open_store(db) as store:
        for i in range(total):
            now = start.add(microseconds=1000 * i)
            item = Interaction(at=now, direction=Direction.OUT, channel=Channel.EMAIL,
                               kind=Kind.UPDATE, note=f"{tag}-{i}")
            saved = store.log(contact_id, item, now)
            print(saved.id, flush=True)


if __name__ == "__main__":
    main()
