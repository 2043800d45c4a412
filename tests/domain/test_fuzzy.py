"""The filter's ranking: the best matches first, scattered letters only when nothing better."""

from netpace.domain.fuzzy import NAME_PART, NAME_PREFIX, NAME_WORD, OTHER_PART, OTHER_WORD, SCATTERED, Query, filter_rows, haystack

PEOPLE = [  # in the list's order (urgency)
    ("Olivia Chen", "Quartz Robotics", ()),
    ("Marcus Webb", "Talent Bridge", ("recruiter",)),
    ("Amara Osei", "Kestrel Cloud", ("platform",)),
    ("Bob Marenko", "", ()),
    ("Maren Holt", "Nordlys Data", ("platform",)),
    ("Tomasz Nowak", "Marenfeld GmbH", ()),
]
HAYS = [haystack(*person) for person in PEOPLE]


def found(text):
    return [PEOPLE[i][0] for i in filter_rows(Query(text), HAYS)]


def test_the_name_that_starts_with_the_query_comes_first_then_words_then_the_rest():
    assert found("maren") == ["Maren Holt", "Bob Marenko", "Tomasz Nowak"]
    assert found("holt maren") == ["Maren Holt"]
    assert found("mar") == ["Marcus Webb", "Maren Holt", "Bob Marenko", "Amara Osei", "Tomasz Nowak"]


def test_scattered_letters_only_when_nothing_matches_better():
    assert "Marcus Webb" not in found("maren")  # m-a-r ... e ... n scattered across it
    assert found("mrn") == ["Marcus Webb", "Bob Marenko", "Maren Holt", "Tomasz Nowak"]  # nothing better
    assert found("zzz") == []


def test_each_tier():
    def tier(text, index):
        return Query(text).tier(HAYS[index])

    assert tier("maren h", 4) == NAME_PREFIX
    assert tier("holt", 4) == NAME_WORD
    assert tier("aren", 4) == NAME_PART
    assert tier("nordlys", 4) == OTHER_WORD
    assert tier("atform", 4) == OTHER_PART
    assert tier("mhdt", 4) == SCATTERED
