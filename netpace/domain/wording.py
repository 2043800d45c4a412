"""The words for a verdict, shared by the command line and the app."""

from __future__ import annotations

from datetime import date

from collections import Counter
from typing import Iterable

from .humanize import day_label
from .model import Assessment, ContactSummary, Verdict

VERDICT_LABEL = {
    Verdict.REPLY_OWED: "reply owed",
    Verdict.CONFIRM: "confirm",
    Verdict.FOLLOW_UP: "follow up",
    Verdict.CHECK_IN: "check in",
    Verdict.RECONNECT: "reconnect",
    Verdict.WAIT: "wait",
    Verdict.BACK_OFF: "back off",
    Verdict.OK: "ok",
    Verdict.DORMANT: "dormant",
    Verdict.LET_GO: "let go",
}

# What the next-date means, per verdict: "reply owed since Tue 24 Nov", "wait until ...".
NEXT_WORD = {
    Verdict.REPLY_OWED: "since",
    Verdict.CONFIRM: "since",
    Verdict.FOLLOW_UP: "due",
    Verdict.CHECK_IN: "due",
    Verdict.RECONNECT: "since",
    Verdict.WAIT: "until",
    Verdict.BACK_OFF: "until",
    Verdict.OK: "",
    Verdict.DORMANT: "",
    Verdict.LET_GO: "",
}


def next_text(a: Assessment, today: date) -> str:
    if a.next_on is None:
        return ""
    word = NEXT_WORD[a.verdict]
    return f"{word} {day_label(a.next_on, today)}".strip()


def waiting_line(waiting: int, how: str) -> str:
    """Today's queue's last line: '12 more check-ins and reconnects wait for another day:
    `how` shows them.'"""
    what = "check-in or reconnect waits" if waiting == 1 else "check-ins and reconnects wait"
    return f"{waiting} more {what} for another day: {how} shows them."


# Today's queue counted in one line (`netpace triage --brief`): (verdict, one, many).
BRIEF_WORDS = (
    (Verdict.REPLY_OWED, "reply owed", "replies owed"),
    (Verdict.CONFIRM, "meeting to confirm", "meetings to confirm"),
    (Verdict.FOLLOW_UP, "follow-up", "follow-ups"),
    (Verdict.CHECK_IN, "check-in", "check-ins"),
    (Verdict.RECONNECT, "reconnect", "reconnects"),
)
NOTHING_TODAY = "Nothing to do today: nobody is waiting on you."


def brief_line(queue: Iterable[ContactSummary]) -> str:
    """'2 replies owed, 1 follow-up, 3 check-ins': today's queue in one line, for a shell
    prompt or a cron mail."""
    counts = Counter(s.assessment.verdict for s in queue)
    parts = [f"{counts[verdict]} {one if counts[verdict] == 1 else many}"
             for verdict, one, many in BRIEF_WORDS if counts[verdict]]
    others = sum(counts.values()) - sum(counts[verdict] for verdict, _, _ in BRIEF_WORDS)
    if others:
        parts.append(f"{others} more")
    return ", ".join(parts) if parts else NOTHING_TODAY
