"""The rules for what a contact or an interaction must be to be kept: the typed-field checks
(one sentence and a `field` each), the cleaning the store runs on every write, and the
check for a message logged in the future. Exact values, limits at MAX_* and one over."""

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from netpace.domain.model import Channel, Contact, Direction, Interaction, Kind
from netpace.domain.validation import (
    AHEAD_GRACE,
    CHECKED_FIELDS,
    MAX_FIELD,
    MAX_NAME,
    MAX_NOTE,
    MAX_PHONE,
    MESSAGE_AHEAD,
    MIN_PHONE_DIGITS,
    InvalidInput,
    check_contact,
    check_email,
    check_linkedin,
    check_name,
    check_phone,
    clean_contact,
    clean_interaction,
    logged_ahead,
    same_name,
    same_name_warning,
    too_long_name,
    usable_linkedin,
    usable_phone,
)

from ..helpers import person

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)
EMPTY_NAME = "A contact needs a name: it was empty after removing blanks and control characters."
PHONE_HINT = "is not a phone number (digits, spaces, + ( ) - . /, and an extension like x12)."
LINKEDIN_HINT = "is not a LinkedIn profile URL (like https://www.linkedin.com/in/their-name)."


def too_long(length: int) -> str:
    return f"That name is {length} characters long; a name can be at most {MAX_NAME} characters."


# --- InvalidInput ---------------------------------------------------------------------

def test_invalid_input_carries_its_sentence_and_field():
    error = InvalidInput("Bad phone.", "phone")
    assert str(error) == "Bad phone." and error.args == ("Bad phone.",)
    assert error.field == "phone"
    assert InvalidInput("No field.").field is None


# --- check_name -----------------------------------------------------------------------

def test_check_name_keeps_one_clean_line():
    assert check_name("  Maren\x1b[31m   Holt \n") == "Maren Holt"
    assert check_name("Zoë") == "Zoë"
    assert check_name("7") == "7"


@pytest.mark.parametrize("text", ["", "   ", "\x07\x1b[1m \t\n"])
def test_check_name_refuses_an_empty_name(text):
    with pytest.raises(InvalidInput) as caught:
        check_name(text)
    assert str(caught.value) == EMPTY_NAME
    assert caught.value.field == "name"


def test_check_name_allows_exactly_max_name_characters_after_cleaning():
    longest = "a" * MAX_NAME
    assert check_name(longest) == longest
    assert check_name(f"  {longest}\x07 ") == longest


def test_check_name_refuses_one_character_over_max_name():
    with pytest.raises(InvalidInput) as caught:
        check_name("a" * (MAX_NAME + 1))
    assert str(caught.value) == too_long(MAX_NAME + 1)
    assert caught.value.field == "name"


def test_check_name_needs_a_letter_or_digit():
    with pytest.raises(InvalidInput) as caught:
        check_name(" --- ! ")
    assert str(caught.value) == "'--- !' is not a name: it needs at least one letter or digit."
    assert caught.value.field == "name"


def test_too_long_name_says_both_lengths():
    assert too_long_name("x" * 512) == too_long(512)
    assert too_long_name("abc") == f"That name is 3 characters long; a name can be at most {MAX_NAME} characters."


# --- check_email ----------------------------------------------------------------------

def test_check_email_keeps_the_address_in_lower_case():
    assert check_email(" Maren.Holt@Example.COM ") == "maren.holt@example.com"
    assert check_email("<mailto:Maren@Nordlys.no>") == "maren@nordlys.no"


@pytest.mark.parametrize(("text", "shown"), [
    ("maren at example", "maren at example"),
    ("no\naddress@", "no address@"),
    ("", ""),
])
def test_check_email_refuses_what_is_not_an_address(text, shown):
    with pytest.raises(InvalidInput) as caught:
        check_email(text)
    assert str(caught.value) == f"{shown!r} is not an e-mail address (like name@example.com)."
    assert caught.value.field == "emails"


# --- usable_phone / check_phone -------------------------------------------------------

@pytest.mark.parametrize(("text", "kept"), [
    ("+49 30 1234567", "+49 30 1234567"),
    ("  (030) 123-45.67 / 8 \n", "(030) 123-45.67 / 8"),
    ("030 1234 ext. 12", "030 1234 ext. 12"),
    ("030 1234 x12", "030 1234 x12"),
    ("030 1234 #12", "030 1234 #12"),
    ("030 1234 EXT 12", "030 1234 EXT 12"),
    ("tel:+49301234", "+49301234"),
    ("TEL: +49 30 1234", "+49 30 1234"),
    ("Tel:123", "123"),
])
def test_usable_phone_keeps_a_phone_number(text, kept):
    assert usable_phone(text) == kept


@pytest.mark.parametrize("text", [
    "", "   ", "tel:", "call me", "abc123", "030 1234 ext", "+", "++49 30 1234", "030-1234 x",
])
def test_usable_phone_drops_what_is_not_a_phone_number(text):
    assert usable_phone(text) == ""


def test_usable_phone_needs_min_phone_digits():
    enough = "1-" * (MIN_PHONE_DIGITS - 1) + "1"
    too_few = "1-" * (MIN_PHONE_DIGITS - 2) + "1"
    assert usable_phone(enough) == enough
    assert usable_phone(too_few) == ""
    assert usable_phone("tel:" + enough) == enough


def test_usable_phone_allows_exactly_max_phone_characters():
    longest = "1" * MAX_PHONE
    assert usable_phone(longest) == longest
    assert usable_phone("1" * (MAX_PHONE + 1)) == ""
    # the limit is on the number itself, after the tel: prefix is dropped
    assert usable_phone("tel:" + longest) == longest


def test_check_phone_keeps_a_number_and_leaves_blank_blank():
    assert check_phone(" +49 30 1234 x7 ") == "+49 30 1234 x7"
    assert check_phone("tel:030 1234") == "030 1234"
    assert check_phone("") == ""
    assert check_phone(" \n\x07 ") == ""


@pytest.mark.parametrize(("text", "shown"), [
    ("call me\nlater", "call me later"),
    ("12", "12"),
    ("tel:", "tel:"),
    ("1" * (MAX_PHONE + 1), "1" * (MAX_PHONE + 1)),
])
def test_check_phone_refuses_what_is_not_a_number(text, shown):
    with pytest.raises(InvalidInput) as caught:
        check_phone(text)
    assert str(caught.value) == f"{shown!r} {PHONE_HINT}"
    assert caught.value.field == "phone"


# --- usable_linkedin / check_linkedin -------------------------------------------------

def test_usable_linkedin_gives_the_canonical_profile_url():
    assert usable_linkedin("de.linkedin.com/in/maren-holt/?trk=x") == "https://www.linkedin.com/in/maren-holt"
    assert usable_linkedin("https://example.com/in/maren") == ""
    assert usable_linkedin("") == ""


def test_check_linkedin_keeps_a_profile_and_leaves_blank_blank():
    assert check_linkedin(" http://linkedin.com/in/maren-holt/ ") == "https://www.linkedin.com/in/maren-holt"
    assert check_linkedin("") == ""
    assert check_linkedin("\t\x07 ") == ""


@pytest.mark.parametrize(("text", "shown"), [
    ("https://example.com/in/maren", "https://example.com/in/maren"),
    ("linkedin.com/company/\nnordlys", "linkedin.com/company/ nordlys"),
])
def test_check_linkedin_refuses_what_is_not_a_profile(text, shown):
    with pytest.raises(InvalidInput) as caught:
        check_linkedin(text)
    assert str(caught.value) == f"{shown!r} {LINKEDIN_HINT}"
    assert caught.value.field == "linkedin"


# --- check_contact --------------------------------------------------------------------

def typed(**fields) -> Contact:
    values = dict(name="  Maren   Holt ", company="Nordlys\x07", emails=(" Maren@Example.com", " ", "maren@example.COM",
                  "m@nordlys.no"), phone=" +49 30 1234 ", linkedin="linkedin.com/in/maren/")
    values.update(fields)
    return Contact(id=3, **values)


def test_check_contact_puts_every_checked_field_in_its_kept_form():
    assert CHECKED_FIELDS == ("name", "emails", "phone", "linkedin")
    checked = check_contact(typed())
    assert checked == Contact(id=3, name="Maren Holt", company="Nordlys\x07",
                              emails=("maren@example.com", "m@nordlys.no"), phone="+49 30 1234",
                              linkedin="https://www.linkedin.com/in/maren")


def test_check_contact_with_nothing_to_check_changes_nothing():
    contact = typed(name="!!!", phone="nope")
    assert check_contact(contact, ()) == contact


@pytest.mark.parametrize(("field", "kept"), [
    ("name", "Maren Holt"),
    ("emails", ("maren@example.com", "m@nordlys.no")),
    ("phone", "+49 30 1234"),
    ("linkedin", "https://www.linkedin.com/in/maren"),
])
def test_check_contact_checks_only_the_fields_asked_for(field, kept):
    contact = typed()
    checked = check_contact(contact, [field])
    assert getattr(checked, field) == kept
    for other in CHECKED_FIELDS:
        if other != field:
            assert getattr(checked, other) == getattr(contact, other)


@pytest.mark.parametrize(("field", "bad"), [
    ("name", " \x07 "),
    ("emails", ("maren@example.com", "not an address")),
    ("phone", "call me"),
    ("linkedin", "example.com/in/maren"),
])
def test_check_contact_refuses_a_bad_field_and_names_it(field, bad):
    contact = typed(**{field: bad})
    with pytest.raises(InvalidInput) as caught:
        check_contact(contact)
    assert caught.value.field == field
    with pytest.raises(InvalidInput) as caught:
        check_contact(contact, (field,))
    assert caught.value.field == field
    # a bad field that isn't being checked (it may predate a rule) is left as stored
    others = [f for f in CHECKED_FIELDS if f != field]
    assert getattr(check_contact(contact, others), field) == bad


def test_check_contact_allows_no_emails():
    assert check_contact(typed(emails=())).emails == ()
    assert check_contact(typed(emails=(" ", "\x07"))).emails == ()


# --- same_name / same_name_warning ----------------------------------------------------

def test_same_name_finds_the_others_called_the_same_in_any_case():
    me = person("Maren Holt", id=1)
    others = [
        person("Maren Holt", id=1),  # itself
        person("maren  HOLT ", id=2),
        person("Maren Holtz", id=3),
        person("MAREN\x07 holt", id=4),
        person("Diego Alvarez", id=5),
    ]
    assert [c.id for c in same_name(me, others)] == [2, 4]
    assert same_name(me, []) == []


def test_same_name_for_a_new_contact_compares_with_everyone():
    new = person("maren holt")
    assert [c.id for c in same_name(new, [person("Maren Holt", id=1), person("Other", id=2)])] == [1]


def test_same_name_warning_names_the_first_namesake():
    first = person("Maren Holt", id=3, company="Nordlys Data")
    assert same_name_warning(person("Maren Holt"), [first]) == (
        "Maren Holt (#3, Nordlys Data) has the same name: use the number to tell them apart.")


def test_same_name_warning_without_a_company():
    assert same_name_warning(person("Maren Holt"), [person("maren holt", id=7)]) == (
        "maren holt (#7) has the same name: use the number to tell them apart.")


def test_same_name_warning_counts_the_rest():
    namesakes = [person("Maren Holt", id=3), person("Maren Holt", id=9, company="X"), person("Maren Holt", id=12)]
    assert same_name_warning(person("Maren Holt"), namesakes[:2]) == (
        "Maren Holt (#3) (and 1 more) has the same name: use the number to tell them apart.")
    assert same_name_warning(person("Maren Holt"), namesakes) == (
        "Maren Holt (#3) (and 2 more) has the same name: use the number to tell them apart.")


def test_same_name_warning_shows_names_and_companies_as_one_clean_line():
    first = person("Maren\x1b]2;pwned\x07 Holt", id=3, company="Nordlys\n Data\x1b[31m")
    assert same_name_warning(person("Maren Holt"), [first]) == (
        "Maren Holt (#3, Nordlys Data) has the same name: use the number to tell them apart.")


# --- clean_contact --------------------------------------------------------------------

def test_clean_contact_cleans_every_field():
    raw = Contact(
        name="  Maren\x1b[31m  Holt\n", id=4, company=" Nordlys\n Data ", role="\tCTO\x07",
        emails=(" Maren@Example.COM ", "maren@example.com", "", "\x07", "B@y.org"),
        phone=" +49\n30 ", linkedin=" linkedin.com/in/maren\x1b[0m ",
        tags=(" vip ", "vip", "", "VIP", "Berlin\n2026"),
        notes="line one\n\tline two\x1b[31m red\x07", keep_in_touch_days=30,
    )
    assert clean_contact(raw) == Contact(
        name="Maren Holt", id=4, company="Nordlys Data", role="CTO",
        emails=("maren@example.com", "b@y.org"), phone="+49 30", linkedin="linkedin.com/in/maren",
        tags=("vip", "VIP", "Berlin 2026"), notes="line one\n\tline two red", keep_in_touch_days=30,
    )


def test_clean_contact_keeps_a_clean_contact_as_it_is():
    contact = Contact(name="Maren Holt", id=4, company="Nordlys", emails=("m@x.org",), tags=("vip",), notes="hi")
    assert clean_contact(contact) is contact  # not even copied: an import cleans thousands


@pytest.mark.parametrize("change", [
    {"name": "Maren  Holt"}, {"company": "Nordlys "}, {"role": "\tCTO"}, {"phone": "+49\n30"},
    {"linkedin": " linkedin.com/in/m"}, {"emails": ["m@x.org"]}, {"emails": ("M@x.org",)}, {"tags": ["vip"]},
    {"tags": ("vip", "vip")}, {"notes": "hi\x07"},
])
def test_clean_contact_copies_a_contact_with_anything_to_clean(change):
    contact = replace(Contact(name="Maren Holt", company="Nordlys", emails=("m@x.org",), tags=("vip",), notes="hi"),
                      **change)
    cleaned = clean_contact(contact)
    assert cleaned is not contact
    assert type(cleaned.emails) is tuple and type(cleaned.tags) is tuple
    assert clean_contact(cleaned) is cleaned


@pytest.mark.parametrize("field", ["company", "role", "phone", "linkedin"])
def test_clean_contact_cuts_a_long_field_at_max_field(field):
    at_limit = person(**{field: "c" * MAX_FIELD})
    assert getattr(clean_contact(at_limit), field) == "c" * MAX_FIELD
    over = person(**{field: " " + "c" * (MAX_FIELD + 5)})
    assert getattr(clean_contact(over), field) == "c" * MAX_FIELD


@pytest.mark.parametrize("name", ["", "  \n", "\x1b[31m\x07"])
def test_clean_contact_refuses_an_empty_name(name):
    with pytest.raises(InvalidInput) as caught:
        clean_contact(person(name))
    assert str(caught.value) == EMPTY_NAME
    assert caught.value.field is None


def test_clean_contact_name_limit_is_max_name_after_cleaning():
    assert clean_contact(person(" " + "n" * MAX_NAME + "\x07")).name == "n" * MAX_NAME
    with pytest.raises(InvalidInput) as caught:
        clean_contact(person("n" * (MAX_NAME + 1)))
    assert str(caught.value) == too_long(MAX_NAME + 1)
    assert caught.value.field is None


def test_clean_contact_does_not_ask_for_a_letter():
    assert clean_contact(person(" --- ")).name == "---"


def test_clean_contact_notes_limit_is_max_note():
    assert clean_contact(person(notes="n" * MAX_NOTE)).notes == "n" * MAX_NOTE
    with pytest.raises(InvalidInput) as caught:
        clean_contact(person(notes="n" * (MAX_NOTE + 1)))
    assert str(caught.value) == f"Notes can be at most {MAX_NOTE:,} characters."
    assert str(caught.value) == "Notes can be at most 200,000 characters."


def test_clean_contact_counts_notes_as_kept_like_an_interaction_note():
    # Control characters are removed before the limit is checked, for a contact's notes
    # as for an interaction's note: what is kept is what counts.
    kept = clean_contact(person(notes="n" * MAX_NOTE + "\x07\x1b[31m"))
    assert kept.notes == "n" * MAX_NOTE


@pytest.mark.parametrize("days", [None, 1, 2, 3649, 3650])
def test_clean_contact_allows_keep_in_touch_from_1_to_3650_days(days):
    assert clean_contact(person(keep_in_touch_days=days)).keep_in_touch_days == days


@pytest.mark.parametrize("days", [0, -5, 3651])
def test_clean_contact_refuses_keep_in_touch_outside_1_to_3650_days(days):
    with pytest.raises(InvalidInput) as caught:
        clean_contact(person(keep_in_touch_days=days))
    assert str(caught.value) == "Keep-in-touch must be between 1 and 3650 days."


# --- clean_interaction ----------------------------------------------------------------

def interaction(**fields) -> Interaction:
    values = dict(at=NOW, direction=Direction.OUT, channel=Channel.LINKEDIN, kind=Kind.ASK, note="Coffee?", id=8,
                  contact_id=3)
    values.update(fields)
    return Interaction(**values)


def test_clean_interaction_returns_an_already_clean_one_as_it_is():
    item = interaction(note="line one\n\tline two")
    assert clean_interaction(item) is item
    empty = interaction(note="")
    assert clean_interaction(empty) is empty


def test_clean_interaction_strips_control_characters_from_the_note():
    item = interaction(note="Coffee\x1b[31m?\x07\n\tSoon")
    cleaned = clean_interaction(item)
    assert cleaned is not item
    assert cleaned == interaction(note="Coffee?\n\tSoon")
    assert item.note == "Coffee\x1b[31m?\x07\n\tSoon"  # the original is left alone


@pytest.mark.parametrize(("field", "raw", "value"), [
    ("direction", "both", Direction.BOTH),
    ("channel", "in_person", Channel.IN_PERSON),
    ("kind", "follow_up", Kind.FOLLOW_UP),
])
def test_clean_interaction_turns_a_plain_string_into_its_enum(field, raw, value):
    item = interaction(**{field: raw})
    cleaned = clean_interaction(item)
    assert cleaned is not item
    assert getattr(cleaned, field) is value
    assert type(cleaned.direction) is Direction and type(cleaned.channel) is Channel and type(cleaned.kind) is Kind
    assert (cleaned.at, cleaned.note, cleaned.id, cleaned.contact_id) == (NOW, "Coffee?", 8, 3)


def test_clean_interaction_turns_every_string_and_cleans_the_note_at_once():
    cleaned = clean_interaction(interaction(direction="in", channel="email", kind="reply", note="ok\x07"))
    assert (cleaned.direction, cleaned.channel, cleaned.kind, cleaned.note) == (
        Direction.IN, Channel.EMAIL, Kind.REPLY, "ok")
    assert type(cleaned.direction) is Direction and type(cleaned.channel) is Channel and type(cleaned.kind) is Kind


@pytest.mark.parametrize(("field", "enum"), [("direction", Direction), ("channel", Channel), ("kind", Kind)])
def test_clean_interaction_refuses_an_unknown_value_and_lists_the_known_ones(field, enum):
    with pytest.raises(InvalidInput) as caught:
        clean_interaction(interaction(**{field: "pigeon"}))
    allowed = ", ".join(member.value for member in enum)
    assert str(caught.value) == f"'pigeon' is not a {field} netpace knows; use one of {allowed}."
    assert caught.value.field is None


def test_clean_interaction_unknown_direction_sentence():
    with pytest.raises(InvalidInput) as caught:
        clean_interaction(interaction(direction="sideways", channel="pigeon"))
    assert str(caught.value) == "'sideways' is not a direction netpace knows; use one of out, in, both."


def test_clean_interaction_note_limit_is_max_note_after_cleaning():
    longest = interaction(note="n" * MAX_NOTE)
    assert clean_interaction(longest) is longest
    with_controls = interaction(note="n" * MAX_NOTE + "\x07\x1b[31m")
    assert clean_interaction(with_controls).note == "n" * MAX_NOTE


def test_clean_interaction_refuses_a_note_over_max_note():
    with pytest.raises(InvalidInput) as caught:
        clean_interaction(interaction(note="n" * (MAX_NOTE + 1)))
    assert str(caught.value) == f"A note can be at most {MAX_NOTE:,} characters."
    assert caught.value.field is None
    # the note is refused before the values are looked at
    with pytest.raises(InvalidInput, match="A note can be at most"):
        clean_interaction(interaction(note="n" * (MAX_NOTE + 1), direction="pigeon"))


# --- logged_ahead ---------------------------------------------------------------------

@pytest.mark.parametrize("direction", list(Direction))
@pytest.mark.parametrize("at", [NOW - timedelta(days=400), NOW - timedelta(seconds=1), NOW,
                                NOW + timedelta(seconds=1), NOW + AHEAD_GRACE])
def test_logged_ahead_is_false_up_to_the_grace_after_now(direction, at):
    assert logged_ahead(direction, at, NOW) is False


@pytest.mark.parametrize("at", [NOW + AHEAD_GRACE + timedelta(microseconds=1), NOW + timedelta(days=3)])
def test_a_meeting_after_the_grace_is_logged_ahead(at):
    assert logged_ahead(Direction.BOTH, at, NOW) is True
    assert logged_ahead("both", at, NOW) is True


@pytest.mark.parametrize("direction", [Direction.OUT, Direction.IN, "out", "in"])
def test_a_message_after_the_grace_is_refused(direction):
    with pytest.raises(InvalidInput) as caught:
        logged_ahead(direction, NOW + AHEAD_GRACE + timedelta(microseconds=1), NOW)
    assert str(caught.value) == MESSAGE_AHEAD
    assert MESSAGE_AHEAD == ("A message can't be in the future: only a meeting or call (both ways) "
                             "can be planned ahead.")
    assert caught.value.field == "at"


def test_ahead_grace_is_a_minute():
    assert AHEAD_GRACE == timedelta(minutes=1)
