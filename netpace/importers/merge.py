"""The one merge step every importer shares.

Records are matched against what is stored (and what the same file added before) in
memory: by e-mail, then LinkedIn profile URL, then exact name. A match is merged (empty
fields filled, e-mails and tags added), never duplicated. A phone number or LinkedIn URL
that breaks netpace's rules (domain/validation.py) is left out, as an e-mail address is.
Interactions already stored under the same (source, external_id) are left alone. Nothing touches the database until
`apply`, which writes the whole plan in one transaction.

Several files can share one merger (and so one transaction): `begin(part)` before each
file's records, and `outcome(part)` tells what that file did.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from typing import Iterable

from ..domain.identity import email_key, linkedin_key, name_key
from ..domain.model import Contact, Interaction, Status
from ..domain.validation import (
    MAX_NOTE,
    InvalidInput,
    clean_contact,
    clean_interaction,
    usable_linkedin,
    usable_phone,
)
from ..store.store import Store
from .records import ContactRecord, InteractionRecord, Note, Person, Progress, Record, Skip


@dataclass(eq=False)
class Draft:
    """One contact as the import leaves it: stored (`original` set) or new."""

    contact: Contact
    original: Contact | None = None
    refs: set[str] = field(default_factory=set)
    part: str = ""  # the file (of several merged together) that added it

    @property
    def is_new(self) -> bool:
        return self.original is None

    @property
    def changed(self) -> bool:
        return self.original is not None and self.contact != self.original


class _Ambiguous:
    def __init__(self, count: int):
        self.count = count


@dataclass
class Outcome:
    contacts_added: int = 0
    contacts_merged: int = 0
    contacts_known: int = 0
    interactions_added: int = 0
    interactions_known: int = 0
    skips: list[Skip] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Part:
    """What one file of several did: drafts by id, counts, skips and notes."""

    merged: set[int] = field(default_factory=set)
    matched: set[int] = field(default_factory=set)
    interactions_added: int = 0
    interactions_known: int = 0
    skips: list[Skip] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


Fingerprint = tuple


def fingerprint(contact_id: object, item: Interaction) -> Fingerprint:
    return (contact_id, item.at, item.direction, item.channel, item.kind, item.note)


class Merger:
    def __init__(
        self,
        contacts: Iterable[Contact],
        external_keys: set[tuple[str, str]],
        now: datetime,
        tz: tzinfo,
        fingerprints: Counter[Fingerprint] | None = None,
    ):
        self.now = now
        self.tz = tz
        self.known_keys = external_keys
        self.fingerprints = fingerprints if fingerprints is not None else Counter()
        self.drafts: list[Draft] = []
        self.interactions: list[tuple[Draft, Interaction]] = []
        self.skips: list[Skip] = []
        self.notes: list[str] = []
        # Stored contacts the file names (by a contact row or an interaction, new or
        # already there): each is merged or unchanged, so the counts add up to what was read.
        self.named: set[int] = set()
        self.interactions_known = 0
        self.part = ""
        self._parts: dict[str, _Part] = {"": _Part()}
        self._new_keys: set[tuple[str, str]] = set()
        self._by_email: dict[str, Draft] = {}
        self._by_linkedin: dict[str, Draft] = {}
        self._by_name: dict[str, list[Draft]] = {}
        self._by_ref: dict[str, Draft] = {}
        # (draft, person) pairs already merged: mail names the same people thousands of times.
        self._merged: set[tuple[int, Person]] = set()
        self._linkedin_keys: dict[str, str] = {}
        for contact in contacts:
            self._register(Draft(contact, original=contact))

    # -- indices ----------------------------------------------------------------------
    def _register(self, draft: Draft) -> None:
        self.drafts.append(draft)
        self._by_name.setdefault(name_key(draft.contact.name), []).append(draft)
        self._index_keys(draft)

    def _index_keys(self, draft: Draft) -> None:
        for address in draft.contact.emails:
            # Under the same key `_find` looks up: a stored address may be in mixed case
            # (written by another program or an older netpace).
            self._by_email.setdefault(email_key(address) or address, draft)
        key = self._linkedin_key(draft.contact.linkedin)
        if key:
            self._by_linkedin.setdefault(key, draft)
        for ref in draft.refs:
            self._by_ref.setdefault(ref, draft)

    def _find(self, person: Person) -> Draft | _Ambiguous | None:
        if person.ref and person.ref in self._by_ref:
            return self._by_ref[person.ref]
        for address in person.emails:
            key = email_key(address)
            if key in self._by_email:
                return self._by_email[key]
        key = self._linkedin_key(person.linkedin)
        if key and key in self._by_linkedin:
            return self._by_linkedin[key]
        if not person.match_by_name:
            return None
        candidates = [
            draft
            for draft in self._by_name.get(name_key(person.name), ())
            if not self._conflicts(draft, person, key)
        ]
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            return _Ambiguous(len(candidates))
        return None

    def _linkedin_key(self, url: str) -> str:
        """`linkedin_key`, once per distinct URL: matching asks for the same ones again and again."""
        key = self._linkedin_keys.get(url)
        if key is None:
            key = self._linkedin_keys[url] = linkedin_key(url)
        return key

    def _conflicts(self, draft: Draft, person: Person, person_linkedin: str) -> bool:
        """Same name, but evidently someone else: another profile URL or another file id."""
        theirs = self._linkedin_key(draft.contact.linkedin)
        if theirs and person_linkedin and theirs != person_linkedin:
            return True
        return bool(person.ref and draft.refs and person.ref not in draft.refs)

    # -- records ----------------------------------------------------------------------
    def begin(self, part: str) -> None:
        """The records that follow come from the file `part` (see `outcome(part)`)."""
        self.part = part
        self._parts.setdefault(part, _Part())

    def _skip(self, skip: Skip) -> None:
        self.skips.append(skip)
        self._parts[self.part].skips.append(skip)

    def add(self, record: Record) -> None:
        if isinstance(record, Skip):
            self._skip(record)
        elif isinstance(record, ContactRecord):
            draft = self._resolve(record.person, record.where)
            if draft is not None and not draft.is_new:
                self._named(draft)
        elif isinstance(record, InteractionRecord):
            self._add_interaction(record)
        elif isinstance(record, Note):
            self.notes.append(record.text)
            self._parts[self.part].notes.append(record.text)

    def _named(self, draft: Draft) -> None:
        self.named.add(id(draft))
        self._parts[self.part].matched.add(id(draft))

    def _resolve(self, person: Person, where: int | str) -> Draft | None:
        found = self._find(person)
        if isinstance(found, _Ambiguous):
            self._skip(Skip(where, f"the name {person.name!r} matches {found.count} contacts; can't tell which"))
            return None
        if found is None and not person.create:
            self._skip(
                Skip(
                    where,
                    f"none of your contacts is named {person.name!r}, and the file has no profile URL "
                    "or address for them",
                )
            )
            return None
        if found is not None and (id(found), person) in self._merged:
            return found
        try:
            if found is None:
                draft = Draft(_new_contact(person), refs={person.ref} if person.ref else set(), part=self.part)
                self._register(draft)
                self._merged.add((id(draft), person))
                return draft
            merged = _merge(found.contact, person)
        except InvalidInput as error:
            self._skip(Skip(where, str(error).rstrip(".")))
            return None
        if person.ref:
            found.refs.add(person.ref)
        if merged != found.contact:
            found.contact = merged
            if not found.is_new:
                self._parts[self.part].merged.add(id(found))
        self._index_keys(found)
        self._merged.add((id(found), person))
        return found

    def _add_interaction(self, record: InteractionRecord) -> None:
        key = (record.source, record.external_id) if record.external_id else None
        keys = [(record.source, other) for other in record.also if other]
        if key is not None:
            keys.insert(0, key)
        if any(k in self.known_keys or k in self._new_keys for k in keys):
            self.interactions_known += 1
            self._parts[self.part].interactions_known += 1
            found = self._find(record.person)  # counted, never changed by a known interaction
            if isinstance(found, Draft) and not found.is_new:
                self._named(found)
            return
        at = record.at if record.at.tzinfo is not None else record.at.replace(tzinfo=self.tz)
        item = Interaction(
            at=at,
            direction=record.direction,
            channel=record.channel,
            kind=record.kind,
            note=record.note[:MAX_NOTE],
            source=record.source,
            external_id=record.external_id,
            group=record.group,
            planned=record.planned,
        )
        try:
            item = clean_interaction(item)
        except (InvalidInput, ValueError) as error:
            self._skip(Skip(record.where, str(error).rstrip(".")))
            return
        draft = self._resolve(record.person, record.where)
        if draft is None:
            return
        if not draft.is_new:
            self._named(draft)
        if key is None:
            # Without an external id (netpace's own export of hand-logged entries), an
            # identical entry on the same contact is the same entry. Counted, so two
            # identical entries in the file stay two, and both are found next time.
            same = fingerprint(draft.contact.id if not draft.is_new else id(draft), item)
            if self.fingerprints[same] > 0:
                self.fingerprints[same] -= 1
                self.interactions_known += 1
                self._parts[self.part].interactions_known += 1
                return
        else:
            self._new_keys.update(keys)
        self.interactions.append((draft, item))
        self._parts[self.part].interactions_added += 1

    # -- results ----------------------------------------------------------------------
    def outcome(self, part: str | None = None) -> Outcome:
        """What the whole merge does, or (with `part`) what that one file does."""
        if part is not None:
            return self._part_outcome(part)
        result = Outcome(skips=list(self.skips), interactions_known=self.interactions_known, notes=list(self.notes))
        for draft in self.drafts:
            if draft.is_new:
                result.contacts_added += 1
            elif draft.changed:
                result.contacts_merged += 1
            elif id(draft) in self.named:
                result.contacts_known += 1
        result.interactions_added = len(self.interactions)
        return result

    def _part_outcome(self, part: str) -> Outcome:
        """A contact counts for the file that added it, or merged for each file that gave a
        stored contact something, or unchanged for a file that named it and gave nothing."""
        tally = self._parts.get(part, _Part())
        return Outcome(
            contacts_added=sum(1 for draft in self.drafts if draft.is_new and draft.part == part),
            contacts_merged=len(tally.merged),
            contacts_known=len(tally.matched - tally.merged),
            interactions_added=tally.interactions_added,
            interactions_known=tally.interactions_known,
            skips=list(tally.skips),
            notes=list(tally.notes),
        )

    def writes_anything(self) -> bool:
        """Whether `apply` would change the database at all."""
        return bool(self.interactions) or any(d.is_new or d.changed for d in self.drafts)

    def apply(self, store: Store, progress: Progress) -> None:
        """Write the plan: one transaction for the whole file."""
        new = [draft for draft in self.drafts if draft.is_new]
        changed = [draft for draft in self.drafts if draft.changed]
        progress.start("Saving", len(new) + len(changed) + len(self.interactions))
        with store.transaction():
            ids = store.add_contacts([draft.contact for draft in new], self.now)
            for draft, new_id in zip(new, ids):
                draft.contact = replace(draft.contact, id=new_id)
            progress.advance(len(new))
            store.update_contacts([draft.contact for draft in changed], self.now)
            progress.advance(len(changed))
            store.add_interactions_to(((draft.contact.id, item) for draft, item in self.interactions), self.now)
            progress.advance(len(self.interactions))
        progress.finish()


def _new_contact(person: Person) -> Contact:
    return clean_contact(
        Contact(
            name=person.name,
            company=person.company,
            role=person.role,
            emails=tuple(filter(None, (email_key(a) for a in person.emails))),
            phone=usable_phone(person.phone),
            linkedin=usable_linkedin(person.linkedin),
            met_via=person.met_via,
            met_on=person.met_on,
            tags=person.tags,
            notes=person.notes[:MAX_NOTE],
            keep_in_touch_days=person.keep_in_touch_days,
            status=person.status or Status.ACTIVE,
            snoozed_until=person.snoozed_until,
            created_at=person.created_at,
        )
    )


def _merge(contact: Contact, person: Person) -> Contact:
    """Fill what `contact` lacks from `person`; add new e-mails and tags."""
    incoming = clean_contact(
        Contact(
            name=person.name or contact.name,
            company=person.company,
            role=person.role,
            emails=tuple(filter(None, (email_key(a) for a in person.emails))),
            phone=usable_phone(person.phone),
            linkedin=usable_linkedin(person.linkedin),
            tags=person.tags,
            notes=person.notes[:MAX_NOTE],
        )
    )
    changes: dict = {}
    for name in ("company", "role", "phone", "linkedin", "notes"):
        if not getattr(contact, name) and getattr(incoming, name):
            changes[name] = getattr(incoming, name)
    for name in ("met_via", "met_on", "keep_in_touch_days"):
        if getattr(contact, name) is None and getattr(person, name) is not None:
            changes[name] = getattr(person, name)
    known = {email_key(a) or a for a in contact.emails}  # a stored address may be in mixed case
    emails = contact.emails + tuple(a for a in incoming.emails if a not in known)
    if emails != contact.emails:
        changes["emails"] = emails
    tags = contact.tags + tuple(t for t in incoming.tags if t not in contact.tags)
    if tags != contact.tags:
        changes["tags"] = tags
    return clean_contact(replace(contact, **changes)) if changes else contact
