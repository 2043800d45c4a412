"""Identity keys (e-mail addresses, LinkedIn profiles, names) and the cleaning of user text:
exact values for every branch, so a planted bug in either module shows."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netpace.domain.identity import email_key, linkedin_key, name_key, normalize_linkedin
from netpace.domain.text import (
    _CONTROL,
    _CONTROL_ONE_LINE,
    _ESCAPE_SEQUENCE,
    clean_name,
    fold,
    one_line,
    printable,
    strip_controls,
)
from tests.helpers import examples

# --- text ------------------------------------------------------------------------------

HOSTILE = "Bob\x1b]2;pwned\x07 \x1b[31mRed\x1b[0m"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("plain text", "plain text"),
        ("a\tb\nc", "a\tb\nc"),  # tabs and newlines stay
        ("  a \t\n  b  ", "  a \t\n  b  "),  # and so does the spacing
        ("a\x1b[31mred\x1b[0m b", "ared b"),  # CSI, whole: no "[31m" left over
        ("a\x1b[?25l!", "a!"),  # CSI with a private parameter
        ("x\x1b]2;pwned\x07y", "xy"),  # OSC ended by BEL
        ("x\x1b]2;t\x1b\\y", "xy"),  # OSC ended by ST
        ("x\x1b]2;unterminated", "x"),  # an OSC that never ends takes the rest
        ("x\x1bPdcs\x1b\\y", "xy"),  # DCS
        ("a\x1b_apc\x9cb", "ab"),  # APC ended by the 8-bit ST
        ("a\x9b31mb", "ab"),  # 8-bit CSI
        ("a\x00b\x7fc\x9bd", "abc"),  # NUL, DEL; a lone 8-bit CSI eats the letter it ends on
        ("a\x1bb", "ab"),  # a lone ESC
        ("a\x85b\x0bc\x0cd\re", "abcde"),  # NEL, VT, FF, CR
        ("a\u00a0b", "a\u00a0b"),  # a no-break space is text, not control
        ("Zoë Ørsted", "Zoë Ørsted"),
        (HOSTILE, "Bob Red"),
    ],
)
def test_strip_controls_removes_sequences_and_controls_but_keeps_tabs_and_newlines(text, kept):
    assert strip_controls(text) == kept


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("plain text", "plain text"),
        ("  a \t\n  b  ", "a b"),
        ("a\r\nb", "a b"),
        ("a\x1bb", "a b"),  # a lone control is a gap, not glue
        ("a\x00b\x7fc", "a b c"),
        ("a\x1b[31mred\x1b[0m b", "ared b"),  # a whole sequence leaves nothing
        ("a\u00a0\u2003b", "a b"),  # unicode spaces collapse too
        ("\n\t \x1b[0m", ""),
        (HOSTILE, "Bob Red"),
    ],
)
def test_one_line_collapses_whitespace_and_controls(text, line):
    assert one_line(text) == line


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("  Maren   Holt \n", "Maren Holt"),
        ("Ma\x1bren", "Maren"),  # strip_controls first: no gap where the ESC was
        ("Ma\x00ren\tHolt", "Maren Holt"),
        ("[bold]Bob[/]", "[bold]Bob[/]"),  # markup is just text
        (HOSTILE, "Bob Red"),
        ("", ""),
    ],
)
def test_clean_name(text, name):
    assert clean_name(text) == name


def test_fold_is_casefold():
    assert fold("Straße MAREN") == "strasse maren"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain", "plain"),
        ("a\tb\nc", "a\tb\nc"),
        ("a\x1b[31mb", "a\\x1b[31mb"),
        ("x\x1b]2;pwned\x07y", "x\\x1b]2;pwned\\x07y"),
        ("\x00\x08\x0b\x1f\x7f\x9f", "\\x00\\x08\\x0b\\x1f\\x7f\\x9f"),
        ("\x0d", "\\x0d"),
        ("Zoë", "Zoë"),
    ],
)
def test_printable_shows_controls_as_visible_escapes(text, shown):
    assert printable(text) == shown


# --- e-mail addresses ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("ruth@ekwueme.example", "ruth@ekwueme.example"),
        ("Ruth@Ekwueme.Example", "ruth@ekwueme.example"),
        ("  ruth@ekwueme.example \n", "ruth@ekwueme.example"),
        ("<ruth@ekwueme.example>", "ruth@ekwueme.example"),
        (" < ruth@ekwueme.example > ", "ruth@ekwueme.example"),
        ("mailto:ruth@ekwueme.example", "ruth@ekwueme.example"),
        ("MailTo:Ruth@Ekwueme.Example", "ruth@ekwueme.example"),
        ("<mailto:ruth@ekwueme.example>", "ruth@ekwueme.example"),
        ("Xavier@Example.org", "xavier@example.org"),  # a leading X is part of the name
        ("max.x@example.org", "max.x@example.org"),
        ("ru\x1b[1mth@ekwueme.example", "ruth@ekwueme.example"),
        ("first.last+tag@sub.example.co.uk", "first.last+tag@sub.example.co.uk"),
        # Not an address: "".
        ("", ""),
        ("   ", ""),
        ("mailto:", ""),
        ("ruth", ""),
        ("ruth@localhost", ""),  # no dot in the domain
        ("@ekwueme.example", ""),
        ("ruth@", ""),
        ("ruth@@ekwueme.example", ""),
        ("ru th@ekwueme.example", ""),
        ("ruth@ekwueme.example, ann@lee.example", ""),
        ("Ruth <ruth@ekwueme.example>", ""),  # a display name is not parsed here
        ('"ruth"@ekwueme.example', ""),
        ("ruth@ekwueme.", ""),
        ("urn:li:member:664293716", ""),
    ],
)
def test_email_key(text, key):
    assert email_key(text) == key


# --- LinkedIn profiles -----------------------------------------------------------------

CANONICAL = "https://www.linkedin.com/in/maren-holt"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/maren-holt",
        "http://www.linkedin.com/in/maren-holt",
        "HTTPS://WWW.LINKEDIN.COM/in/maren-holt",
        "https://linkedin.com/in/maren-holt",  # the bare host
        "linkedin.com/in/maren-holt",  # no scheme, bare host
        "www.linkedin.com/in/maren-holt",
        "//linkedin.com/in/maren-holt",  # scheme-relative
        "/linkedin.com/in/maren-holt",
        "https://de.linkedin.com/in/maren-holt",  # a country host is the same profile
        "de.linkedin.com/in/maren-holt",
        "https://uk.LinkedIn.com/in/maren-holt",
        "https://www.linkedin.com/in/maren-holt/",  # trailing slash
        "https://www.linkedin.com/in/maren-holt///",
        "https://www.linkedin.com/in/maren-holt?trk=public_profile",  # query
        "https://www.linkedin.com/in/maren-holt/?trk=x#experience",  # query and fragment
        "https://www.linkedin.com/in/maren%2Dholt",  # percent-encoding decoded
        "https://user@www.linkedin.com:443/in/maren-holt",  # user and port are not the profile
        "  https://www.linkedin.com/in/maren-holt \n",
        "https://www.linkedin.com/in/maren-\x1b[31mholt",
    ],
)
def test_every_spelling_of_a_profile_is_one_url(url):
    assert normalize_linkedin(url) == CANONICAL


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("linkedin.com/in/MAX", "https://www.linkedin.com/in/MAX"),  # the case of the name is kept
        ("linkedin.com/in/ruth-x/", "https://www.linkedin.com/in/ruth-x"),
        ("https://www.linkedin.com/IN/ruth", "https://www.linkedin.com/IN/ruth"),
        ("https://www.linkedin.com/pub/ruth-e/1/2b/3c", "https://www.linkedin.com/pub/ruth-e/1/2b/3c"),
        ("https://www.linkedin.com/profile/view", "https://www.linkedin.com/profile/view"),
        ("linkedin.com/in/aoife-o%E2%80%99sullivan", "https://www.linkedin.com/in/aoife-o\u2019sullivan"),
        ("https://www.linkedin.com/in/ruth%FF", "https://www.linkedin.com/in/ruth\ufffd"),  # bad UTF-8
        ("https://www.linkedin.com/in/ruth%2F", "https://www.linkedin.com/in/ruth"),
    ],
)
def test_normalize_linkedin_exact(url, normal):
    assert normalize_linkedin(url) == normal


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "\x1b[0m",
        "not a url",
        "https://example.com/in/maren-holt",
        "https://notlinkedin.com/in/maren-holt",  # a look-alike host
        "Xlinkedin.com/in/maren-holt",
        "https://linkedin.com.evil.example/in/maren-holt",
        "https:///in/maren-holt",  # no host at all
        "https://[linkedin.com/in/maren-holt",  # urlsplit refuses it
        "https://www.linkedin.com/company/nordlys",  # not a profile
        "https://www.linkedin.com/inx/maren-holt",
        "https://www.linkedin.com/in",
        "https://www.linkedin.com/",
        "https://www.linkedin.com",
        "https://www.linkedin.com/feed/?in/maren-holt",  # the profile path is in the query
    ],
)
def test_what_is_not_a_profile_normalises_to_nothing(url):
    assert normalize_linkedin(url) == ""


def test_linkedin_key_ignores_the_case_of_the_profile_name():
    assert linkedin_key("de.linkedin.com/in/Maren-HOLT/") == "https://www.linkedin.com/in/maren-holt"
    assert linkedin_key("https://www.linkedin.com/IN/Maren-Holt") == "https://www.linkedin.com/in/maren-holt"
    assert linkedin_key("https://example.com/in/maren-holt") == ""
    assert linkedin_key("") == ""


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Maren Holt", "maren holt"),
        ("  MAREN \t Holt\n", "maren holt"),
        ("Ma\x1b[31mren\x1b[0m Holt", "maren holt"),
        ("Ma\x00ren Holt", "maren holt"),
        ("Straße", "strasse"),
        ("", ""),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


# Text without a control character takes a shortcut; either way the result is the one
# the escape-sequence rules give.
_ESC = "\x1b\x9b\x9d\x9c\x07\t\n\r\x0b\x00\x7f\x85\xa0\u2028\u3000"


def _reference_strip(text: str) -> str:
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


def _reference_one_line(text: str) -> str:
    return re.sub(r"\s+", " ", _CONTROL_ONE_LINE.sub(" ", _ESCAPE_SEQUENCE.sub("", text))).strip()


@settings(max_examples=examples(800), deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_ESC + " ab[]];2mPX_\\é")), max_size=30) | st.text(max_size=30))
def test_the_shortcut_for_clean_text_gives_what_the_rules_give(text):
    assert strip_controls(text) == _reference_strip(text)
    assert one_line(text) == _reference_one_line(text)
    assert clean_name(text) == _reference_one_line(_reference_strip(text))


def test_clean_text_comes_back_as_it_was():
    text = "Maren Holt – Nordlys Data, “platform” role ✓"
    assert strip_controls(text) is text
    assert one_line("  Maren \u00a0 Holt\u3000") == "Maren Holt"
