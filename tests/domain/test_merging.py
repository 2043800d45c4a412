"""Merging two contacts who are one person: which pairs look alike and why, what the merged
contact holds, and which interactions are recorded twice. Exact values throughout."""

from __future__ import annotations

from dataclasses import replace as replace_fields
from datetime import date, datetime, timezone

import pytest

from netpace.domain.merging import (
    PREFIX_NAME,
    REASONS,
    SAME_EMAIL,
    SAME_LINKEDIN,
    SAME_NAME,
    LikelyPair,
    _notes,
    doubles,
    likely_duplicates,
    merged_contact,
    same_interaction,
)
from netpace.domain.model import Channel, Contact, Direction, Interaction, Kind, MetVia, Status
from tests.helpers import NOW, at, inbound, met, out

# --- likely_duplicates -------------------------------------------------------------------


def c(id_: int | None, name: str, **fields) -> Contact:
    return Contact(id=id_, name=name, **fields)


def found(pairs: list[LikelyPair]) -> list[tuple[int, int, str]]:
    return [(p.keep.id, p.other.id, p.reason) for p in pairs]


def test_reasons_strongest_first():
    assert REASONS == (SAME_EMAIL, SAME_LINKEDIN, SAME_NAME, PREFIX_NAME)
    assert (SAME_EMAIL, SAME_LINKEDIN, SAME_NAME, PREFIX_NAME) == (
        "the same e-mail address",
        "the same LinkedIn profile",
        "the same name",
        "one name starts the other, at the same company",
    )


def test_each_reason_once_strongest_first_with_exact_pairs():
    people = [
        c(1, "Maren Holt", company="Nordlys Data", emails=("maren@nordlys.example",)),
        c(2, "Maren", company="  NORDLYS\tdata "),
        c(3, "Holt, Maren", emails=("other@x.example", "<MAREN@Nordlys.example>")),
        c(4, "Ann Lee", linkedin="https://www.linkedin.com/in/annlee"),
        c(5, "A. Lee", linkedin="de.linkedin.com/in/AnnLee/"),
        c(6, "ann  LEE"),
        c(7, "Marenka Olsen", company="Nordlys Data"),  # "Maren" starts it, but not as a word
        c(8, "Sam Patel", company="Acme"),
        c(9, "Sam", company="Other Co"),  # a prefix at another company
    ]
    pairs = likely_duplicates(people, weight={2: 5, 6: 1})
    assert found(pairs) == [
        (1, 3, SAME_EMAIL),
        (4, 5, SAME_LINKEDIN),
        (6, 4, SAME_NAME),
        (2, 1, PREFIX_NAME),
    ]
    assert pairs[0] == LikelyPair(people[0], people[2], SAME_EMAIL)


def test_nothing_alike_gives_nothing():
    people = [
        c(1, "Maren Holt", company="Nordlys", emails=("maren@nordlys.example",)),
        c(2, "Ann Lee", company="Acme", emails=("ann@acme.example",), linkedin="linkedin.com/in/annlee"),
        c(3, "Sam Patel", linkedin="linkedin.com/in/sampatel"),
        c(4, "Ruth", emails=("not an address", "")),
        c(5, "Diego", emails=("also not",), linkedin="https://example.com/in/x"),
        c(6, "Zoe", linkedin="not a profile"),
        c(7, "Zoe Ng"),  # "Zoe" starts it, but neither has a company
    ]
    assert likely_duplicates(people) == []
    assert likely_duplicates([]) == []


def test_contacts_without_an_id_are_left_out():
    people = [c(None, "Maren Holt", emails=("m@x.example",)), c(1, "Maren Holt", emails=("m@x.example",))]
    assert likely_duplicates(people) == []
    assert likely_duplicates([people[0], people[0]]) == []


def test_a_contact_listed_twice_is_not_its_own_duplicate():
    maren = c(1, "Maren Holt", company="Nordlys", emails=("m@x.example",), linkedin="linkedin.com/in/maren")
    assert likely_duplicates([maren, maren]) == []
    twin = c(1, "Maren", company="Nordlys", emails=("m@x.example",))  # the same id, another copy
    assert likely_duplicates([maren, twin]) == []


def test_a_pair_alike_in_every_way_is_named_once_by_its_strongest_reason():
    a = c(1, "Maren Holt", company="Nordlys", emails=("m@x.example",), linkedin="linkedin.com/in/maren")
    b = c(2, "Maren Holt", company="Nordlys", emails=("M@x.example",), linkedin="www.linkedin.com/in/Maren")
    assert found(likely_duplicates([a, b])) == [(1, 2, SAME_EMAIL)]
    b = replace_fields(b, emails=("other@x.example",))
    assert found(likely_duplicates([a, b])) == [(1, 2, SAME_LINKEDIN)]
    b = replace_fields(b, linkedin="")
    assert found(likely_duplicates([a, b])) == [(1, 2, SAME_NAME)]
    b = replace_fields(b, name="Maren")
    assert found(likely_duplicates([b, a])) == [(1, 2, PREFIX_NAME)]


def test_a_weaker_reason_found_later_does_not_replace_a_stronger_one():
    # The name pair is found after the e-mail pair; the e-mail reason stays.
    a = c(1, "Maren Holt", emails=("m@x.example",))
    b = c(2, "maren holt", emails=("m@x.example",))
    assert found(likely_duplicates([a, b])) == [(1, 2, SAME_EMAIL)]


def test_everyone_sharing_an_address_is_paired_with_everyone_else():
    people = [c(i, f"Person {name}", emails=("info@nordlys.example",)) for i, name in zip((1, 2, 3, 4), "ABCD")]
    assert found(likely_duplicates(people)) == [
        (1, 2, SAME_EMAIL),
        (1, 3, SAME_EMAIL),
        (1, 4, SAME_EMAIL),
        (2, 3, SAME_EMAIL),
        (2, 4, SAME_EMAIL),
        (3, 4, SAME_EMAIL),
    ]


def test_everyone_with_one_name_is_paired_with_everyone_else():
    people = [c(i, "Sam Patel") for i in (4, 3, 2, 1)]
    assert found(likely_duplicates(people)) == [
        (1, 2, SAME_NAME),
        (1, 3, SAME_NAME),
        (1, 4, SAME_NAME),
        (2, 3, SAME_NAME),
        (2, 4, SAME_NAME),
        (3, 4, SAME_NAME),
    ]


def test_two_contacts_with_one_name_at_one_company():
    # Same name and same company: the name reason, and no trouble ordering equal names.
    people = [c(1, "Sam Patel", company="Acme"), c(2, "Sam Patel", company="Acme"), c(3, "Sam", company="Acme")]
    assert found(likely_duplicates(people)) == [
        (1, 2, SAME_NAME),
        (1, 3, PREFIX_NAME),
        (2, 3, PREFIX_NAME),
    ]


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("Maren", "Maren Holt"),
        ("Jo", "Jo-Anne Berg"),
        ("Dr", "Dr. Ruth Ekwueme"),
        ("maren", "MAREN HOLT"),
        ("  Maren ", "Maren\tHolt"),
    ],
)
def test_a_name_that_starts_the_other_as_a_word_at_the_same_company(short, long):
    # The longer name comes first here, and has the lower id: sorting decides, not order.
    people = [c(1, long, company="Nordlys"), c(2, short, company="nordlys")]
    assert found(likely_duplicates(people)) == [(1, 2, PREFIX_NAME)]


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("Maren", "Marenka Olsen"),  # not at a word boundary
        ("Maren", "Maren_Holt"),
        ("Holt", "Maren Holt"),  # the end, not the start
    ],
)
def test_a_name_that_starts_the_other_but_not_as_a_word(short, long):
    people = [c(1, short, company="Nordlys"), c(2, long, company="Nordlys")]
    assert likely_duplicates(people) == []


def test_prefix_names_need_the_same_company():
    people = [c(1, "Maren", company="Nordlys"), c(2, "Maren Holt", company="Acme"), c(3, "Maren Olsen")]
    assert likely_duplicates(people) == []
    people = [c(1, "Maren"), c(2, "Maren Holt")]
    assert likely_duplicates(people) == []


def test_prefix_names_among_others_at_the_company():
    # Sorted by name: ann, maren, maren holt, maren holt-berg, marenka, zoe.
    people = [
        c(1, "Zoe", company="Nordlys"),
        c(2, "Maren Holt-Berg", company="Nordlys"),
        c(3, "Marenka", company="Nordlys"),
        c(4, "Maren Holt", company="Nordlys"),
        c(5, "Ann", company="Nordlys"),
        c(6, "Maren", company="Nordlys"),
    ]
    assert found(likely_duplicates(people)) == [
        (4, 6, PREFIX_NAME),  # "maren holt" sorts before "maren holt-berg"
        (2, 4, PREFIX_NAME),
        (2, 6, PREFIX_NAME),
    ]


def test_prefix_names_in_a_company_of_three():
    people = [c(1, "Maren", company="Nordlys"), c(2, "Maren Holt", company="Nordlys"), c(3, "Zoe", company="Nordlys")]
    assert found(likely_duplicates(people)) == [(1, 2, PREFIX_NAME)]


def test_keep_is_the_one_with_more_weight_else_the_older():
    a, b = c(1, "Maren Holt", emails=("m@x.example",)), c(2, "Maren", emails=("m@x.example",))
    assert found(likely_duplicates([a, b])) == [(1, 2, SAME_EMAIL)]  # no weights: the older
    assert found(likely_duplicates([b, a])) == [(1, 2, SAME_EMAIL)]
    assert found(likely_duplicates([a, b], weight={})) == [(1, 2, SAME_EMAIL)]
    assert found(likely_duplicates([a, b], weight={1: 3, 2: 3})) == [(1, 2, SAME_EMAIL)]  # a tie: the older
    assert found(likely_duplicates([a, b], weight={1: 5, 2: 3})) == [(1, 2, SAME_EMAIL)]
    assert found(likely_duplicates([a, b], weight={1: 3, 2: 5})) == [(2, 1, SAME_EMAIL)]
    assert found(likely_duplicates([a, b], weight={2: 1})) == [(2, 1, SAME_EMAIL)]  # missing counts as 0
    assert found(likely_duplicates([a, b], weight={1: 1})) == [(1, 2, SAME_EMAIL)]
    assert found(likely_duplicates([a, b], weight={7: 9})) == [(1, 2, SAME_EMAIL)]


def test_pairs_are_sorted_by_reason_then_the_kept_name_case_blind_then_ids():
    people = [
        c(1, "Zoe Ng", emails=("zoe@x.example",)),
        c(2, "Zoe N.", emails=("zoe@x.example",)),
        c(3, "bob Ray", emails=("bob@x.example",)),
        c(4, "Bob R.", emails=("bob@x.example",)),
        c(5, "Anna Berg", emails=("anna@x.example",)),
        c(6, "A. Berg", emails=("anna@x.example",)),
        c(7, "Anna Berg", emails=("berg@x.example",)),
        c(8, "Anna B", emails=("berg@x.example",)),
    ]
    assert found(likely_duplicates(people, weight={2: 1})) == [
        (5, 6, SAME_EMAIL),
        (7, 8, SAME_EMAIL),
        (3, 4, SAME_EMAIL),  # "bob ray" after "anna berg", before "zoe n.": case does not count
        (2, 1, SAME_EMAIL),
        (5, 7, SAME_NAME),
    ]


def test_input_can_be_any_iterable():
    people = (c(i, "Sam") for i in (1, 2))
    assert found(likely_duplicates(people)) == [(1, 2, SAME_NAME)]


# --- merged_contact ----------------------------------------------------------------------

CREATED = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)
EARLIER = datetime(2024, 6, 1, 9, 0, tzinfo=timezone.utc)


def test_merged_contact_fills_what_keep_lacks():
    keep = Contact(id=1, name="Maren Holt", emails=("maren@nordlys.example",), created_at=CREATED)
    other = Contact(
        id=2,
        name="Maren",
        company="Nordlys",
        role="CTO",
        emails=("maren@home.example",),
        phone="+49 30 1234",
        linkedin="https://www.linkedin.com/in/maren-holt",
        met_via=MetVia.MEETUP,
        met_on=date(2024, 5, 2),
        tags=("platform",),
        notes="Prefers calls",
        keep_in_touch_days=30,
        status=Status.ARCHIVED,
        created_at=EARLIER,
    )
    assert merged_contact(keep, other) == Contact(
        id=1,
        name="Maren Holt",
        company="Nordlys",
        role="CTO",
        emails=("maren@nordlys.example", "maren@home.example"),
        phone="+49 30 1234",
        linkedin="https://www.linkedin.com/in/maren-holt",
        met_via=MetVia.MEETUP,
        met_on=date(2024, 5, 2),
        tags=("platform",),
        notes="Prefers calls",
        keep_in_touch_days=30,
        status=Status.ACTIVE,  # keep's
        created_at=EARLIER,  # the older of the two
    )


def test_merged_contact_keeps_what_keep_has():
    keep = Contact(
        id=1,
        name="Maren Holt",
        company="Nordlys",
        role="CTO",
        emails=("a@x.example", "b@x.example"),
        phone="+49 30 1234",
        linkedin="https://www.linkedin.com/in/maren-holt",
        met_via=MetVia.MEETUP,
        met_on=date(2024, 5, 2),
        tags=("platform", "berlin"),
        notes="Met in Berlin",
        keep_in_touch_days=30,
        status=Status.SNOOZED,
        snoozed_until=date(2027, 1, 1),
        created_at=EARLIER,
        updated_at=CREATED,
    )
    other = Contact(
        id=2,
        name="M. Holt",
        company="Acme",
        role="Engineer",
        emails=("c@x.example", "b@x.example", "a@x.example", "d@x.example"),
        phone="+1 555 0100",
        linkedin="https://www.linkedin.com/in/mholt",
        met_via=MetVia.COLD,
        met_on=date(2020, 1, 1),
        tags=("hiring", "berlin"),
        notes="Met in Berlin again",
        keep_in_touch_days=90,
        status=Status.ACTIVE,
        created_at=CREATED,  # later than keep's
    )
    assert merged_contact(keep, other) == replace_fields(
        keep,
        emails=("a@x.example", "b@x.example", "c@x.example", "d@x.example"),
        tags=("platform", "berlin", "hiring"),
        notes="Met in Berlin again",  # keep's note is part of other's
    )


def test_merged_contact_with_nothing_in_other_is_keep():
    keep = Contact(id=1, name="Maren Holt", company="Nordlys", met_via=MetVia.EVENT, met_on=date(2024, 5, 2),
                   keep_in_touch_days=14, notes="  Met in Berlin ", created_at=CREATED)
    other = Contact(id=2, name="Maren")
    assert merged_contact(keep, other) == replace_fields(keep, notes="Met in Berlin")


def test_merged_contact_fills_each_field_alone():
    keep = Contact(id=1, name="Maren")
    for field, value in (
        ("company", "Nordlys"),
        ("role", "CTO"),
        ("phone", "+49 30 1234"),
        ("linkedin", "linkedin.com/in/maren"),
        ("met_via", MetVia.REFERRAL),
        ("met_on", date(2024, 5, 2)),
        ("keep_in_touch_days", 21),
    ):
        merged = merged_contact(keep, Contact(id=2, name="Other", **{field: value}))
        assert merged == Contact(id=1, name="Maren", **{field: value}), field


def test_merged_contact_zero_days_is_a_cadence_not_a_gap():
    keep = Contact(id=1, name="Maren", keep_in_touch_days=0)
    assert merged_contact(keep, Contact(id=2, name="M", keep_in_touch_days=30)).keep_in_touch_days == 0


@pytest.mark.parametrize(
    ("mine", "theirs", "kept"),
    [
        (None, EARLIER, None),  # keep has none: nothing to compare, keep's stays
        (CREATED, None, CREATED),
        (CREATED, EARLIER, EARLIER),
        (EARLIER, CREATED, EARLIER),
        (CREATED, CREATED, CREATED),
        (None, None, None),
    ],
)
def test_merged_contact_created_at_is_the_older(mine, theirs, kept):
    keep = Contact(id=1, name="Maren", created_at=mine)
    other = Contact(id=2, name="Maren", created_at=theirs)
    assert merged_contact(keep, other).created_at == kept


def test_merged_contact_interleaves_no_address_or_tag_twice():
    keep = Contact(id=1, name="M", emails=("a@x.example",), tags=("t",))
    other = Contact(id=2, name="M", emails=("a@x.example",), tags=("t",))
    merged = merged_contact(keep, other)
    assert (merged.emails, merged.tags) == (("a@x.example",), ("t",))
    merged = merged_contact(Contact(id=1, name="M"), Contact(id=2, name="M", emails=("b@x.example",), tags=("u",)))
    assert (merged.emails, merged.tags) == (("b@x.example",), ("u",))


@pytest.mark.parametrize(
    ("mine", "theirs", "notes"),
    [
        ("", "", ""),
        ("Met in Berlin", "", "Met in Berlin"),
        ("", "Prefers calls", "Prefers calls"),
        ("  ", " Prefers calls\n", "Prefers calls"),
        ("Met in Berlin", "Prefers calls", "Met in Berlin\n\nPrefers calls"),
        (" Met in Berlin\n", "\tPrefers calls ", "Met in Berlin\n\nPrefers calls"),
        ("Met in Berlin", "Met in Berlin", "Met in Berlin"),
        ("Met in Berlin, prefers calls", "prefers calls", "Met in Berlin, prefers calls"),  # theirs in mine
        ("Met in Berlin", "Met in Berlin. Prefers calls", "Met in Berlin. Prefers calls"),  # mine in theirs
    ],
)
def test_notes_are_both_kept_once(mine, theirs, notes):
    assert _notes(mine, theirs) == notes
    assert merged_contact(Contact(id=1, name="M", notes=mine), Contact(id=2, name="M", notes=theirs)).notes == notes


# --- same_interaction and doubles --------------------------------------------------------

WHEN = at(NOW, days=3)


def test_same_interaction_compares_moment_way_channel_kind_and_note():
    base = Interaction(at=WHEN, direction=Direction.OUT, channel=Channel.EMAIL, kind=Kind.UPDATE, note="hi")
    twin = Interaction(at=WHEN, direction=Direction.OUT, channel=Channel.EMAIL, kind=Kind.UPDATE, note="hi",
                       id=9, contact_id=4, source="gmail", external_id="<m1@x>", group=True, planned=True)
    assert same_interaction(base, twin) and same_interaction(twin, base)
    assert same_interaction(base, base)
    for change in (
        {"at": at(NOW, days=3, minutes=1)},
        {"direction": Direction.IN},
        {"channel": Channel.LINKEDIN},
        {"kind": Kind.ASK},
        {"note": "hi!"},
    ):
        assert not same_interaction(base, replace_fields(base, **change)), change


def test_doubles_are_the_moving_interactions_kept_already_has_each_matched_once():
    meeting = met(at(NOW, days=10))
    note = out(at(NOW, days=5), note="sent the deck")
    reply = inbound(at(NOW, days=4))
    kept = [meeting, note]
    moving = [
        replace_fields(reply, contact_id=2),
        replace_fields(meeting, contact_id=2, id=20),
        replace_fields(meeting, contact_id=2, id=21),  # a second copy: kept has only one
        replace_fields(note, contact_id=2, id=22),
    ]
    assert doubles(kept, moving) == [moving[1], moving[3]]
    assert doubles(kept, moving)[0].id == 20


def test_doubles_with_nothing_in_common_or_nothing_at_all():
    kept = [out(at(NOW, days=5))]
    assert doubles(kept, [inbound(at(NOW, days=5))]) == []
    assert doubles(kept, []) == []
    assert doubles([], kept) == []
    assert doubles(kept, kept) == kept


def test_doubles_two_and_two():
    meeting = met(at(NOW, days=10))
    kept = (meeting, meeting)
    moving = [replace_fields(meeting, id=1), replace_fields(meeting, id=2), replace_fields(meeting, id=3)]
    assert [i.id for i in doubles(kept, moving)] == [1, 2]
