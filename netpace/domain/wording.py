"""The words for a verdict, shared by the command line and the app."""

from __future__ import annotations

from datetime import date

from .humanize import day_label
from .model import Assessment, Verdict

VERDICT_LABEL = {
    Verdict.REPLY_OWED: "reply owed",
    Verdict.FOLLOW_UP: "follow up",
    Verdict.CHECK_IN: "check in",
    Verdict.WAIT: "wait",
    Verdict.BACK_OFF: "back off",
    Verdict.OK: "ok",
}

# What the next-date means, per verdict: "reply owed since Tue 24 Nov", "wait until ...".
NEXT_WORD = {
    Verdict.REPLY_OWED: "since",
    Verdict.FOLLOW_UP: "due",
    Verdict.CHECK_IN: "due",
    Verdict.WAIT: "until",
    Verdict.BACK_OFF: "until",
    Verdict.OK: "",
}


def next_text(a: Assessment, today: date) -> str:
    if a.next_on is None:
        return ""
    word = NEXT_WORD[a.verdict]
    return f"{word} {day_label(a.next_on, today)}".strip()
