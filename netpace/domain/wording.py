"""The words for a verdict, shared by the command line and the app."""

from __future__ import annotations

from datetime import date

from .humanize import day_label
from .model import Assessment, Verdict

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
