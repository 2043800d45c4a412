"""What a message was, read from its words (domain.message_kinds)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netpace.domain.message_kinds import ENGLISH, PRECEDENCE, TABLES, explain, kind_of
from netpace.domain.model import Kind
from tests.helpers import examples


@pytest.mark.parametrize("text, kind", [
    ("Could you refer me to the hiring manager?", Kind.ASK),
    ("Would you be open to a quick chat next week?", Kind.ASK),
    ("Do you have 15 minutes for a call?", Kind.ASK),
    ("Any chance you could introduce me to Priya?", Kind.ASK),
    ("I'd love your advice on my CV", Kind.ASK),
    ("Congratulations on the new role!", Kind.GIVE),
    ("Thought you'd like this article on build caching", Kind.GIVE),
    ("Happy to introduce you to Maria, she runs the data team", Kind.GIVE),
    ("I've referred you for the platform role", Kind.GIVE),
    ("Does Tuesday at 3pm work for you?", Kind.SCHEDULING),
    ("Sent a calendar invite for Thursday", Kind.SCHEDULING),
    ("Nice to meet you at PyCon!", Kind.INTRO),
    ("Thanks for connecting", Kind.INTRO),
    ("Thank you so much for the call yesterday", Kind.THANKS),
    ("Really appreciate it", Kind.THANKS),
    ("Likewise!", Kind.THANKS),
    ("Just following up on my note", Kind.FOLLOW_UP),
    ("Priya, meet Jonas (cc'd): he builds the tooling", Kind.GIVE),
])
def test_each_kind_is_read_from_its_words(text, kind):
    assert kind_of(text) == kind


def test_an_ask_outweighs_the_thanks_around_it():
    assert kind_of("Thanks so much! Could you also introduce me to her manager?") == Kind.ASK


def test_nothing_recognisable_keeps_the_importers_guess():
    assert kind_of("Here is where my search stands", Kind.REPLY) == Kind.REPLY
    assert kind_of("", Kind.UPDATE) == Kind.UPDATE


def test_the_rule_that_decided_is_shown():
    assert explain("Would you be open to meeting?") == (Kind.ASK, "Would you be open")


def test_phrases_match_whole_words_only():
    assert kind_of("The thankseeker project shipped") == Kind.UPDATE  # not "thanks"
    assert kind_of("scanyon") == Kind.UPDATE  # not "can you"


def test_every_kind_of_the_table_is_tried_in_precedence():
    assert set(ENGLISH) == set(PRECEDENCE)


def test_a_new_language_table_is_read_beside_the_others():
    from netpace.domain.message_kinds import _compile

    french = {Kind.ASK: ("pourriez-vous",), Kind.THANKS: ("merci",)}
    rules = _compile([ENGLISH, french])
    # One pattern per kind that has phrases, in precedence order.
    assert [kind for kind, _ in rules] == [kind for kind in PRECEDENCE if ENGLISH.get(kind) or french.get(kind)]
    patterns = dict(rules)
    assert patterns[Kind.ASK].search("Bonjour, pourriez-vous m'aider ?").group(0) == "pourriez-vous"
    assert patterns[Kind.ASK].search("Could you help?").group(0) == "Could you"
    # Whole words only, any case.
    assert patterns[Kind.THANKS].search("MERCI beaucoup").group(0) == "MERCI"
    assert patterns[Kind.THANKS].search("mercilessly") is None
    assert patterns[Kind.ASK].search("xcould you") is None
    # At the same place the phrase listed first wins; the earliest place wins over the order.
    first = _compile([{Kind.ASK: ("can you", "can you help")}])[0][1]
    assert first.search("so, can you help me").group(0) == "can you"
    later = _compile([{Kind.ASK: ("help me", "can you")}])[0][1]
    assert later.search("so, can you help me").group(0) == "can you"
    # A kind no table names has no pattern at all.
    assert [kind for kind, _ in _compile([{Kind.GIVE: ("fyi",)}])] == [Kind.GIVE]


def test_explain_without_a_phrase_gives_the_importers_guess_and_no_phrase():
    assert explain("See you around the office.", Kind.REPLY) == (Kind.REPLY, "")
    assert explain("", Kind.UPDATE) == (Kind.UPDATE, "")


def test_the_shipped_phrases_are_written_in_lower_case():
    # An ASCII message is lowered and matched case-sensitively: an upper-case letter in a
    # phrase (outside an escape such as \w) would never match it.
    for table in TABLES.values():
        for phrases in table.values():
            for phrase in phrases:
                assert re.sub(r"\\.", "", phrase) == re.sub(r"\\.", "", phrase).lower(), phrase


_WORDS = sorted({word for phrases in ENGLISH.values() for phrase in phrases
                 for word in re.findall(r"[a-z']+", phrase)} | {"Ünïcode", "K", "\u212a", "ſ", "İ"})


@settings(max_examples=examples(600), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(["lower", "upper", "title"]),
                          st.sampled_from([" ", ", ", "! ", "-", "\n", ""])), max_size=14))
def test_a_message_reads_as_the_case_blind_rules_read_it(parts):
    from netpace.domain.message_kinds import _RULES

    text = "".join(getattr(word, case)() + gap for word, case, gap in parts)
    expected = (Kind.UPDATE, "")
    for kind, pattern in _RULES:
        match = pattern.search(text)
        if match:
            expected = (kind, match.group(0))
            break
    assert explain(text) == expected


def test_the_phrase_shown_keeps_the_messages_own_case():
    assert explain("COULD YOU send it?") == (Kind.ASK, "COULD YOU")
    assert explain("Thank You, Ünal") == (Kind.THANKS, "Thank You")
    # The Kelvin sign is a "k" to the case-blind rules, which non-ASCII text keeps.
    assert explain("than\u212as a lot")[0] == Kind.THANKS
