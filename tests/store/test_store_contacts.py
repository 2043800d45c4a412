"""Deleting and merging contacts in the store, each undoable, and finding likely duplicates."""

from dataclasses import replace

from netpace.domain.merging import PREFIX_NAME, SAME_EMAIL, SAME_LINKEDIN, SAME_NAME, likely_duplicates, merged_contact
from netpace.domain.model import Channel, Contact, Direction, Interaction, Kind

from ..helpers import NOW, at, inbound, out


def meeting(when, note="Sync"):
    return Interaction(at=when, direction=Direction.BOTH, channel=Channel.VIDEO, kind=Kind.MEETING, note=note)


def everything(store):
    """Every contact and interaction as stored (ids included), for before/after comparisons."""
    contacts = sorted((replace(c, updated_at=None) for c in store.contacts()), key=lambda c: c.id)
    items = sorted((i for items in store.interactions_by_contact().values() for i in items), key=lambda i: i.id)
    return contacts, items


def test_remove_and_restore_a_contact_puts_back_every_row_with_its_ids(store):
    maren = store.add_contact(Contact(name="Maren Holt", emails=("maren@nordlys.example",), tags=("x",),
                                      notes="note"), NOW)
    ann = store.add_contact(Contact(name="Ann Lee"), NOW)
    store.log(maren.id, out(at(days=3)), NOW)
    store.log(maren.id, inbound(at(days=2)), NOW)
    store.log(ann.id, out(at(days=1)), NOW)
    before = everything(store)
    removed = store.remove_contact(maren.id)
    assert removed.contact.name == "Maren Holt" and len(removed.interactions) == 2
    assert [c.name for c in store.contacts()] == ["Ann Lee"]
    assert store.counts() == {"contacts": 1, "emails": 0, "interactions": 1}
    store.restore_contact(removed, NOW)
    assert everything(store) == before
    assert store.summary(maren.id, NOW).assessment.verdict.value == "reply_owed"


def test_merge_then_unmerge_is_where_it_started(store):
    keep = store.add_contact(Contact(name="Maren Holt", company="Nordlys", emails=("maren@nordlys.example",),
                                     tags=("platform",), notes="Met in Berlin"), NOW)
    other = store.add_contact(Contact(name="M. Holt", role="CTO", emails=("mh@home.example", "maren@nordlys.example"),
                                      tags=("hiring", "platform"), notes="Prefers calls", keep_in_touch_days=30), NOW)
    store.log(keep.id, out(at(days=9)), NOW)
    store.log(keep.id, meeting(at(days=4)), NOW)
    store.log(other.id, meeting(at(days=4)), NOW)
    store.log(other.id, meeting(at(days=4)), NOW)  # the same meeting twice on one contact stays twice
    store.log(other.id, inbound(at(days=1)), NOW)
    before = everything(store)
    merged = store.merge_contacts(keep.id, other.id, NOW)
    assert len(merged.moved) == 2 and len(merged.other.interactions) == 3
    after = store.contact(keep.id)
    assert (after.company, after.role, after.keep_in_touch_days) == ("Nordlys", "CTO", 30)
    assert after.emails == ("maren@nordlys.example", "mh@home.example")
    assert after.tags == ("platform", "hiring") and after.notes == "Met in Berlin\n\nPrefers calls"
    assert [c.id for c in store.contacts()] == [keep.id]
    assert [i.kind for i in store.interactions(keep.id)] == [Kind.UPDATE, Kind.MEETING, Kind.MEETING, Kind.REPLY]
    assert store.summary(keep.id, NOW).assessment.verdict.value == "reply_owed"
    store.unmerge(merged, NOW)
    assert everything(store) == before


def test_merged_contact_fills_gaps_and_never_doubles():
    keep = Contact(name="Maren Holt", emails=("a@x.example",), tags=("t",), notes="same")
    other = Contact(name="Maren", company="Nordlys", emails=("a@x.example", "b@x.example"), tags=("t", "u"),
                    notes="same")
    merged = merged_contact(keep, other)
    assert (merged.name, merged.company, merged.emails, merged.tags, merged.notes) == (
        "Maren Holt", "Nordlys", ("a@x.example", "b@x.example"), ("t", "u"), "same")


def test_likely_duplicates_by_each_reason_strongest_first():
    people = [
        Contact(id=1, name="Maren Holt", company="Nordlys Data", emails=("maren@nordlys.example",)),
        Contact(id=2, name="Maren", company="nordlys data"),
        Contact(id=3, name="Holt, Maren", emails=("MAREN@nordlys.example",)),
        Contact(id=4, name="Ann Lee", linkedin="https://www.linkedin.com/in/annlee"),
        Contact(id=5, name="A. Lee", linkedin="linkedin.com/in/AnnLee/"),
        Contact(id=6, name="ann lee"),
        Contact(id=7, name="Marenka Olsen", company="Nordlys Data"),  # "Maren" starts it, but not as a word
        Contact(id=8, name="Sam Patel", company="Acme"),
        Contact(id=9, name="Sam", company="Other Co"),  # a prefix at another company
    ]
    pairs = likely_duplicates(people, weight={2: 5, 6: 1})
    found = {(p.keep.id, p.other.id): p.reason for p in pairs}
    assert found == {
        (1, 3): SAME_EMAIL,
        (4, 5): SAME_LINKEDIN,
        (6, 4): SAME_NAME,
        (2, 1): PREFIX_NAME,
    }
    assert [p.reason for p in pairs] == [SAME_EMAIL, SAME_LINKEDIN, SAME_NAME, PREFIX_NAME]
