"""Plain-text views of contacts and assessments, for the command line."""

from __future__ import annotations

from datetime import date, datetime

from ..domain.humanize import ago, day_label
from ..domain.model import Assessment, ContactSummary, Interaction
from ..domain.pace import reply_days_text
from ..domain.text import one_line
from ..domain.wording import VERDICT_LABEL, next_text


def tie_text(a: Assessment) -> str:
    """'strong (72)'."""
    return f"{a.tie.label.value} ({a.tie.strength})"


def pace_text(a: Assessment) -> str:
    """'they usually answer within 2 days; follow up after 7 days; every 60 days suits
    your conversations' (what is known of their pace), or ''."""
    parts = []
    if a.pace.reply_seconds is not None:
        parts.append(f"they usually answer within {reply_days_text(a.pace)}; follow up after {a.follow_up_days} days")
    if a.suggested_cadence is not None:
        parts.append(f"your conversations come about every {a.suggested_cadence} days")
    return "; ".join(parts)


def gauge_bar(pressure: int, width: int = 10) -> str:
    filled = round(pressure * width / 100)
    return "#" * filled + "." * (width - filled)


def _clip(text: str, width: int) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "~"


def triage_lines(summaries: list[ContactSummary], today: date) -> list[str]:
    lines = []
    for s in summaries:
        a = s.assessment
        who = s.contact.name + (f" ({s.contact.company})" if s.contact.company else "")
        reason = a.reasons[0] if a.reasons else ""
        lines.append(
            f"{VERDICT_LABEL[a.verdict]:<10}  {_clip(who, 34):<34}  {gauge_bar(a.pressure)} "
            f"{a.pressure:>3} {a.zone.value:<8}  {next_text(a, today):<18}  {one_line(reason)}"
        )
    return lines


def show_lines(summary: ContactSummary, items: list[Interaction], now: datetime) -> list[str]:
    c, a = summary.contact, summary.assessment
    today = now.date()
    lines = [f"{c.name}  (#{c.id})"]
    facts = [x for x in (c.role, c.company) if x]
    if facts:
        lines.append("  " + " at ".join(facts))
    if c.met_via or c.met_on:
        met = "  met"
        if c.met_via:
            met += f" via {c.met_via.value}"
        if c.met_on:
            met += f" on {day_label(c.met_on, today)}"
        lines.append(met)
    for label, value in (
        ("e-mail", ", ".join(c.emails)),
        ("phone", c.phone),
        ("linkedin", c.linkedin),
        ("tags", ", ".join(c.tags)),
        ("keep in touch", f"every {c.keep_in_touch_days} days" if c.keep_in_touch_days else ""),
        ("status", "" if c.status.value == "active" else c.status.value
         + (f" until {day_label(c.snoozed_until, today)}" if c.snoozed_until else "")),
    ):
        if value:
            lines.append(f"  {label}: {one_line(value)}")
    if c.notes:
        lines.append("  notes: " + c.notes.replace("\n", "\n         "))
    lines.append("")
    lines.append(f"  tie: {tie_text(a)}")
    pace = pace_text(a)
    if pace:
        lines.append(f"  pace: {pace}")
    lines.append("")
    lines.append(
        f"  pressure {a.pressure} ({a.zone.value}) {gauge_bar(a.pressure, 20)}  "
        f"{VERDICT_LABEL[a.verdict]} {next_text(a, today)}".rstrip()
    )
    for reason in a.reasons:
        lines.append(f"    - {reason}")
    lines.append("")
    arrows = {"out": "->", "in": "<-", "both": "<->"}
    for item in sorted(items, key=lambda i: i.at, reverse=True):
        local = item.at.astimezone(now.tzinfo)
        planned = " planned" if item.planned else ""
        lines.append(
            f"  {arrows[item.direction.value]:<3} {local:%Y-%m-%d %H:%M}  ({ago(item.at, now)})  "
            f"{item.channel.value}/{item.kind.value}{planned}  {_clip(item.note, 80)}".rstrip()
        )
    if not items:
        lines.append("  nothing logged yet")
    return lines
