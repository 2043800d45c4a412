"""Two contacts who are one person: finding likely pairs, and what the merged contact is.

Pure. The store moves the rows (store.Store.merge_contacts); the rule for what survives
is here, once, for the command line and the app.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from .identity import email_key, linkedin_key, name_key
from .model import Contact, Interaction
from .text import fold, one_line

# Why two contacts look like one person, strongest first.
SAME_EMAIL = "the same e-mail address"
SAME_LINKEDIN = "the same LinkedIn profile"
SAME_NAME = "the same name"
PREFIX_NAME = "one name starts the other, at the same company"
REASONS = (SAME_EMAIL, SAME_LINKEDIN, SAME_NAME, PREFIX_NAME)


@dataclass(frozen=True, slots=True)
class LikelyPair:
    """Two contacts that look like one person: `keep` is the one with more history."""

    keep: Contact
    other: Contact
    reason: str


def merged_contact(keep: Contact, other: Contact) -> Contact:
    """`keep` with what only `other` knows: empty fields filled, e-mail addresses and tags
    added (keep's first, none twice), both notes kept. Name, status and cadence are keep's
    (a cadence, met-via and met-on come from `other` when keep has none)."""
    changes: dict = {}
    for field in ("company", "role", "phone", "linkedin"):
        if not getattr(keep, field) and getattr(other, field):
            changes[field] = getattr(other, field)
    for field in ("met_via", "met_on", "keep_in_touch_days"):
        if getattr(keep, field) is None and getattr(other, field) is not None:
            changes[field] = getattr(other, field)
    emails = keep.emails + tuple(a for a in other.emails if a not in keep.emails)
    tags = keep.tags + tuple(t for t in other.tags if t not in keep.tags)
    changes.update(emails=emails, tags=tags, notes=_notes(keep.notes, other.notes))
    if keep.created_at and other.created_at and other.created_at < keep.created_at:
        changes["created_at"] = other.created_at
    return replace(keep, **changes)


def _notes(mine: str, theirs: str) -> str:
    mine, theirs = mine.strip(), theirs.strip()
    if not theirs or theirs in mine:
        return mine
    if not mine or mine in theirs:
        return theirs
    return f"{mine}\n\n{theirs}"


def same_interaction(a: Interaction, b: Interaction) -> bool:
    """The same moment, way, channel, kind and note: one interaction recorded twice (a
    meeting imported once for each of the person's addresses)."""
    return (a.at, a.direction, a.channel, a.kind, a.note) == (b.at, b.direction, b.channel, b.kind, b.note)


def doubles(kept: Sequence[Interaction], moving: Sequence[Interaction]) -> list[Interaction]:
    """The interactions of `moving` that `kept` already has (each matched once)."""
    free = list(kept)
    found = []
    for item in moving:
        twin = next((k for k in free if same_interaction(k, item)), None)
        if twin is not None:
            free.remove(twin)
            found.append(item)
    return found


def likely_duplicates(contacts: Iterable[Contact], weight: dict[int, int] | None = None) -> list[LikelyPair]:
    """Pairs of contacts that look like one person: the same e-mail address, the same
    LinkedIn profile, the same name, or a name that starts the other's ("Maren" and
    "Maren Holt") at the same company. Each pair once, by its strongest reason, strongest
    reasons first. `keep` is the contact with the larger `weight` (interactions, say),
    else the older one."""
    people = [c for c in contacts if c.id is not None]
    weight = weight or {}
    found: dict[tuple[int, int], str] = {}

    def pair(a: Contact, b: Contact, reason: str) -> None:
        key = (min(a.id, b.id), max(a.id, b.id))
        if key[0] != key[1] and (key not in found or REASONS.index(reason) < REASONS.index(found[key])):
            found[key] = reason

    def groups(keys_of) -> dict[str, list[Contact]]:
        by_key: dict[str, list[Contact]] = {}
        for contact in people:
            for key in keys_of(contact):
                if key:
                    by_key.setdefault(key, []).append(contact)
        return by_key

    for reason, keys_of in (
        (SAME_EMAIL, lambda c: {email_key(a) for a in c.emails}),
        (SAME_LINKEDIN, lambda c: {linkedin_key(c.linkedin)}),
        (SAME_NAME, lambda c: {name_key(c.name)}),
    ):
        for group in groups(keys_of).values():
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    pair(a, b, reason)
    by_company: dict[str, list[Contact]] = {}
    for contact in people:
        company = fold(one_line(contact.company))
        if company:
            by_company.setdefault(company, []).append(contact)
    for group in by_company.values():
        named = sorted(((name_key(c.name), c) for c in group), key=lambda pair_: pair_[0])
        for i, (short, a) in enumerate(named):
            for long, b in named[i + 1:]:
                if not long.startswith(short):
                    break
                if long != short and long[len(short)] in " -.":
                    pair(a, b, PREFIX_NAME)
    by_id = {c.id: c for c in people}
    pairs = []
    for (first, second), reason in found.items():
        a, b = by_id[first], by_id[second]
        keep, other = (a, b) if weight.get(a.id, 0) >= weight.get(b.id, 0) else (b, a)
        pairs.append(LikelyPair(keep, other, reason))
    pairs.sort(key=lambda p: (REASONS.index(p.reason), fold(p.keep.name), p.keep.id, p.other.id))
    return pairs
