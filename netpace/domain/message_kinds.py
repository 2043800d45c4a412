"""What a message was, read from its words: a small, transparent rule set. Pure.

Imported messages (LinkedIn, mail) carry only their text. `kind_of` gives them a kind by
looking for a few phrases, one table per language. The first kind whose phrases match
wins, in this order: an ask outweighs everything else in the same message ("Thanks! Could
you introduce me to her?" is an ask), then a give, a meeting set-up, a follow-up, an
intro and a thanks.
A message none of them matches keeps the importer's own guess (a reply or an update).

Adding a language: write a table like `ENGLISH` and add it to `TABLES`; every table is
read for every message, so a mixed network needs no language detection.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from .model import Kind

# The order in which kinds are tried: the first that matches decides.
PRECEDENCE: tuple[Kind, ...] = (Kind.ASK, Kind.GIVE, Kind.SCHEDULING, Kind.FOLLOW_UP, Kind.INTRO, Kind.THANKS)

_DAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"

# Each phrase is a regular expression matched case-insensitively at word boundaries.
ENGLISH: Mapping[Kind, tuple[str, ...]] = {
    Kind.ASK: (
        r"could you", r"can you", r"would you (?:be )?(?:open|willing|able|mind|consider)",
        r"would you have (?:time|a few minutes|a moment)", r"any chance", r"is there any way",
        r"do you know (?:anyone|anybody|someone|of any)", r"refer me", r"a referral",
        r"introduce me", r"an intro(?:duction)? to", r"put me in touch", r"connect me with",
        r"(?:10|15|20|30|ten|fifteen|twenty|thirty) min(?:ute)?s", r"quick (?:call|chat)",
        r"pick your brain", r"(?:your|any) (?:advice|feedback|help|thoughts) on",
        r"i(?:'d| would) (?:love|appreciate|be grateful for) (?:your|any|it if|some)",
        r"(?:could|can|may) i ask", r"(?:would|i'd) value your (?:view|advice|input|thoughts|take)", r"a (?:small )?fav(?:o|ou)r", r"help me",
        r"review my (?:cv|resume|résumé|profile|portfolio|cover letter)", r"(?:be|act as) a reference",
        r"any (?:openings?|roles?|positions?) (?:on|in|at)", r"(?:are you|is your team) hiring",
        r"looking for (?:a|my next) (?:role|job|position|opportunity)",
    ),
    Kind.GIVE: (
        r"congrat(?:ulation)?s", r"thought you(?:'d| would)? (?:like|enjoy|find|appreciate)",
        r"you might (?:like|enjoy|find)", r"(?:sharing|here(?:'s| is)) (?:this|an?|the) "
        r"(?:article|paper|post|talk|link|report|job|role|lead|opening)",
        r"introduce you to", r"(?:happy|glad) to (?:help|introduce|refer|share|recommend)",
        r"i(?:'ve| have)? (?:introduced|referred|recommended|endorsed)", r"a candidate for",
        r"job lead", r"fyi", r"meet \w+ \(cc'?d\)", r"(?:i'm|i am) (?:cc'?ing|copying) (?:in )?\w+",
    ),
    Kind.SCHEDULING: (
        rf"does {_DAYS}", rf"(?:on|this|next) {_DAYS} at", r"does (?:tomorrow|next week|that time) work",
        r"are you (?:free|available)", r"calendar invite", r"calendly", r"(?:re)?schedule",
        r"let(?:'s| us) (?:meet|grab|catch up|set up|find a time)", r"(?:zoom|teams|meet) link",
        r"time slot", r"what time (?:works|suits)", r"see you (?:on|then|at|next)", r"works for me",
    ),
    Kind.FOLLOW_UP: (
        r"(?:just )?following up", r"circling back", r"bumping (?:this|my)", r"checking back",
        r"in case (?:it|my (?:note|message)) got buried", r"any news on",
    ),
    Kind.INTRO: (
        r"nice to meet", r"(?:great|good|lovely) (?:meeting|to meet)", r"my name is",
        r"i(?:'m| am) reaching out", r"we met at", r"thanks for (?:connecting|accepting)",
        r"(?:like|love) to (?:connect|join your network)", r"came across your (?:profile|work|post)",
    ),
    Kind.THANKS: (
        r"thank(?:s| you)", r"thx", r"appreciate(?:d)? (?:it|that|this|your)", r"grateful", r"cheers for",
        r"likewise", r"you too", r"same here",
    ),
}

TABLES: dict[str, Mapping[Kind, tuple[str, ...]]] = {"en": ENGLISH}


def _compile(
    tables: Iterable[Mapping[Kind, tuple[str, ...]]], flags: int = re.IGNORECASE
) -> tuple[tuple[Kind, re.Pattern[str]], ...]:
    """One pattern per kind, its phrases as alternatives in table order: a search finds
    the earliest phrase in the text, and at the same place the one listed first."""
    found = []
    tables = tuple(tables)
    for kind in PRECEDENCE:
        phrases = [phrase for table in tables for phrase in table.get(kind, ())]
        if phrases:
            alternatives = "|".join(f"(?:{phrase})" for phrase in phrases)
            found.append((kind, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", flags)))
    return tuple(found)


_RULES = _compile(TABLES.values())
# The phrases are written in lower case, so an ASCII text lowered matches them exactly
# as the case-blind patterns match the text itself, at twice the speed (an import reads
# tens of thousands of messages). Other text keeps the case-blind patterns, whose
# Unicode case rules `str.lower` does not share (the Kelvin sign matches "k").
_LOWER_RULES = _compile(TABLES.values(), flags=0)


def kind_of(text: str, otherwise: Kind = Kind.UPDATE) -> Kind:
    """The kind the words of `text` say, else `otherwise` (the importer's own guess)."""
    return explain(text, otherwise)[0]


def explain(text: str, otherwise: Kind = Kind.UPDATE) -> tuple[Kind, str]:
    """(kind, the phrase that decided it, or "" when none did)."""
    if text:
        if text.isascii():
            rules, searched = _LOWER_RULES, text.lower()
        else:
            rules, searched = _RULES, text
        for kind, pattern in rules:
            match = pattern.search(searched)
            if match:
                return kind, text[match.start():match.end()]
    return otherwise, ""
